/*
 * virsh-pool.c: the "Storage Pool" group: pools defined from files or
 * from options, their lifecycle, listing and information.
 */
#include <string.h>

#include "virsh.h"
#include "vsh-table.h"

/* virStoragePoolType names, in the enum's order */
const char *const virshPoolTypes[] = {
    "dir", "fs", "netfs", "logical", "disk", "iscsi", "iscsi-direct",
    "scsi", "mpath", "rbd", "sheepdog", "gluster", "zfs", "vstorage", NULL,
};

/* the pool-list --type filter of each name of virshPoolTypes */
static const unsigned int virshPoolTypeFlags[] = {
    VIR_CONNECT_LIST_STORAGE_POOLS_DIR,
    VIR_CONNECT_LIST_STORAGE_POOLS_FS,
    VIR_CONNECT_LIST_STORAGE_POOLS_NETFS,
    VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL,
    VIR_CONNECT_LIST_STORAGE_POOLS_DISK,
    VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI,
    VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT,
    VIR_CONNECT_LIST_STORAGE_POOLS_SCSI,
    VIR_CONNECT_LIST_STORAGE_POOLS_MPATH,
    VIR_CONNECT_LIST_STORAGE_POOLS_RBD,
    VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG,
    VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER,
    VIR_CONNECT_LIST_STORAGE_POOLS_ZFS,
    VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshPoolTypes) ==
                G_N_ELEMENTS(virshPoolTypeFlags) + 1);

static const char *const virshPoolStates[] = {
    "inactive", "building", "running", "degraded", "inaccessible", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshPoolStates) ==
                VIR_STORAGE_POOL_STATE_LAST + 1);

static const char *
virshPoolStateToString(int state)
{
    if (state < 0 || state >= VIR_STORAGE_POOL_STATE_LAST)
        return "unknown";
    return virshPoolStates[state];
}

virStoragePoolPtr
virshCommandOptPoolBy(vshControl *ctl, const vshCmd *cmd, const char *optname,
                      const char **name, unsigned int flags)
{
    virStoragePoolPtr pool = NULL;
    const char *n = NULL;

    if (vshCommandOptStringReq(ctl, cmd, optname, &n) < 0)
        return NULL;
    if (!n)
        return NULL;
    vshDebug(ctl, VSH_ERR_INFO, "%s: found option <%s>: %s\n",
             cmd->def->name, optname, n);
    if (name)
        *name = n;
    if ((flags & VIRSH_BYUUID) && strlen(n) == VIR_UUID_STRING_BUFLEN - 1) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as pool UUID\n",
                 cmd->def->name, optname);
        pool = virStoragePoolLookupByUUIDString(virshConn(ctl), n);
    }
    if (!pool && (flags & VIRSH_BYNAME)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as pool NAME\n",
                 cmd->def->name, optname);
        pool = virStoragePoolLookupByName(virshConn(ctl), n);
    }
    if (!pool)
        vshError(ctl, "failed to get pool '%s'", n);
    return pool;
}

char **
virshPoolTypeCompleter(vshControl *ctl, const vshCmd *cmd,
                       unsigned int flags G_GNUC_UNUSED)
{
    const char *type = NULL;

    if (vshCommandOptStringQuiet(ctl, cmd, "type", &type) < 0)
        return NULL;
    return virshCommaStringListComplete(type, virshPoolTypes);
}

#define VIRSH_OPT_POOL(CFLAGS) \
    VSH_DATA("pool", "pool name or uuid", \
        .completer = virshStoragePoolNameCompleter, .completer_flags = CFLAGS)
#define VIRSH_OPT_POOL_BUILD \
    VSH_BOOL("build", "build the pool as normal"), \
    VSH_BOOL("no-overwrite", "do not overwrite any existing data"), \
    VSH_BOOL("overwrite", "overwrite any existing data")

/* The VIR_STORAGE_POOL_CREATE_WITH_BUILD* flags of --build,
 * --overwrite, --no-overwrite; -1 (reported) if both overwrites. */
static int
virshPoolCreateFlags(vshControl *ctl, const vshCmd *cmd)
{
    bool overwrite = vshCommandOptBool(cmd, "overwrite");
    bool noOverwrite = vshCommandOptBool(cmd, "no-overwrite");
    int flags = 0;

    if (overwrite && noOverwrite) {
        vshError(ctl, "Options --%s and --%s are mutually exclusive",
                 "overwrite", "no-overwrite");
        return -1;
    }
    if (vshCommandOptBool(cmd, "build"))
        flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD;
    if (overwrite)
        flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD_OVERWRITE;
    if (noOverwrite)
        flags |= VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE;
    return flags;
}

/* ---- pool-autostart ---- */

static const vshCmdInfo info_pool_autostart = {
    .help = "autostart a pool",
    .desc = "Configure a pool to be automatically started at boot.",
};

static const vshCmdOptDef opts_pool_autostart[] = {
    VIRSH_OPT_POOL(VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT),
    VSH_BOOL("disable", "disable autostarting"),
    VSH_OPT_END
};

static bool
cmdPoolAutostart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    bool autostart = !vshCommandOptBool(cmd, "disable");
    const char *name = NULL;

    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", &name)))
        return false;
    if (virStoragePoolSetAutostart(pool, autostart) < 0) {
        vshError(ctl, "failed to %smark pool %s as autostarted",
                 autostart ? "" : "un", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s %smarked as autostarted\n",
                  name, autostart ? "" : "un");
    return true;
}

/* ---- pool-create, pool-define (from files) ---- */

static const vshCmdInfo info_pool_create = {
    .help = "create a pool from an XML file",
    .desc = "Create a pool.",
};

static const vshCmdOptDef opts_pool_create[] = {
    VIRSH_OPT_FILE("file containing an XML pool description"),
    VIRSH_OPT_POOL_BUILD,
    VSH_OPT_END
};

static bool
cmdPoolCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    int flags;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if ((flags = virshPoolCreateFlags(ctl, cmd)) < 0)
        return false;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (!(pool = virStoragePoolCreateXML(virshConn(ctl), buffer, flags))) {
        vshError(ctl, "Failed to create pool from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s created from %s\n",
                  virStoragePoolGetName(pool), from);
    return true;
}

static const vshCmdInfo info_pool_define = {
    .help = "define an inactive persistent storage pool or modify an existing persistent one from an XML file",
    .desc = "Define or modify a persistent storage pool.",
};

static const vshCmdOptDef opts_pool_define[] = {
    VIRSH_OPT_FILE("file containing an XML pool description"),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdPoolDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_STORAGE_POOL_DEFINE_VALIDATE;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (!(pool = virStoragePoolDefineXML(virshConn(ctl), buffer, flags))) {
        vshError(ctl, "Failed to define pool from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s defined from %s\n",
                  virStoragePoolGetName(pool), from);
    return true;
}

/* ---- pool-create-as, pool-define-as (from options) ---- */

#define VIRSH_OPT_POOL_X_AS \
    VSH_DATA("name", "name of the pool", .completer = virshCompleteEmpty), \
    VSH_DATA("type", "type of the pool", \
        .completer = virshPoolTypeCompleter), \
    VSH_BOOL("print-xml", "print XML document, but don't define/create"), \
    VSH_STRING("source-host", "source-host for underlying storage", \
        .completer = virshCompleteEmpty), \
    VSH_STRING("source-path", "source path for underlying storage"), \
    VSH_STRING("source-dev", "source device for underlying storage"), \
    VSH_STRING("source-name", "source name for underlying storage"), \
    VSH_STRING("target", "target for underlying storage"), \
    VSH_STRING("source-format", "format for underlying storage"), \
    VSH_STRING("auth-type", "auth type to be used for underlying storage"), \
    VSH_STRING("auth-username", \
        "auth username to be used for underlying storage", \
        .completer = virshCompleteEmpty), \
    VSH_STRING("secret-usage", \
        "auth secret usage to be used for underlying storage"), \
    VSH_STRING("secret-uuid", \
        "auth secret UUID to be used for underlying storage"), \
    VSH_STRING("adapter-name", \
        "adapter name to be used for underlying storage"), \
    VSH_STRING("adapter-wwnn", \
        "adapter wwnn to be used for underlying storage"), \
    VSH_STRING("adapter-wwpn", \
        "adapter wwpn to be used for underlying storage"), \
    VSH_STRING("adapter-parent", \
        "adapter parent scsi_hostN to be used for underlying vHBA storage"), \
    VSH_STRING("adapter-parent-wwnn", \
        "adapter parent scsi_hostN wwnn to be used for underlying vHBA storage"), \
    VSH_STRING("adapter-parent-wwpn", \
        "adapter parent scsi_hostN wwpn to be used for underlying vHBA storage"), \
    VSH_STRING("adapter-parent-fabric-wwn", \
        "adapter parent scsi_hostN fabric_wwn to be used for underlying vHBA storage"), \
    VSH_STRING("source-protocol-ver", "nfsvers value for NFS pool mount option"), \
    VSH_STRING("source-initiator", "initiator iqn for underlying storage", \
        .completer = virshCompleteEmpty)

/* the string options of the -as commands, in the order they are read */
enum {
    XA_NAME, XA_TYPE, XA_HOST, XA_PATH, XA_DEV, XA_SRCNAME, XA_FORMAT,
    XA_TARGET, XA_AUTHTYPE, XA_AUTHUSER, XA_USAGE, XA_UUID, XA_ADNAME,
    XA_WWNN, XA_WWPN, XA_PARENT, XA_PWWNN, XA_PWWPN, XA_PFABRIC, XA_PROTO,
    XA_INITIATOR, XA_LAST
};

static const char *const virshPoolXAsOpts[] = {
    "name", "type", "source-host", "source-path", "source-dev",
    "source-name", "source-format", "target", "auth-type", "auth-username",
    "secret-usage", "secret-uuid", "adapter-name", "adapter-wwnn",
    "adapter-wwpn", "adapter-parent", "adapter-parent-wwnn",
    "adapter-parent-wwpn", "adapter-parent-fabric-wwn",
    "source-protocol-ver", "source-initiator",
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshPoolXAsOpts) == XA_LAST);

static void
virshPoolXMLSource(GString *buf, const char *const *v)
{
    if (v[XA_HOST])
        g_string_append_printf(buf, "    <host name='%s'/>\n", v[XA_HOST]);
    if (v[XA_PATH])
        g_string_append_printf(buf, "    <dir path='%s'/>\n", v[XA_PATH]);
    if (v[XA_DEV])
        g_string_append_printf(buf, "    <device path='%s'/>\n", v[XA_DEV]);
    if (v[XA_INITIATOR])
        g_string_append_printf(buf, "    <initiator>\n"
                               "      <iqn name='%s'/>\n"
                               "    </initiator>\n", v[XA_INITIATOR]);
    if (v[XA_WWNN] && v[XA_WWPN]) {
        g_string_append(buf, "    <adapter type='fc_host'");
        if (v[XA_PARENT])
            g_string_append_printf(buf, " parent='%s'", v[XA_PARENT]);
        else if (v[XA_PWWNN] && v[XA_PWWPN])
            g_string_append_printf(buf, " parent_wwnn='%s' parent_wwpn='%s'",
                                   v[XA_PWWNN], v[XA_PWWPN]);
        else if (v[XA_PFABRIC])
            g_string_append_printf(buf, " parent_fabric_wwn='%s'",
                                   v[XA_PFABRIC]);
        g_string_append_printf(buf, " wwnn='%s' wwpn='%s'/>\n",
                               v[XA_WWNN], v[XA_WWPN]);
    } else if (v[XA_ADNAME]) {
        g_string_append_printf(buf,
                               "    <adapter type='scsi_host' name='%s'/>\n",
                               v[XA_ADNAME]);
    }
    if (v[XA_AUTHTYPE] && v[XA_AUTHUSER] && (v[XA_USAGE] || v[XA_UUID])) {
        g_string_append_printf(buf, "    <auth type='%s' username='%s'>\n",
                               v[XA_AUTHTYPE], v[XA_AUTHUSER]);
        if (v[XA_USAGE])
            g_string_append_printf(buf, "      <secret usage='%s'/>\n",
                                   v[XA_USAGE]);
        else
            g_string_append_printf(buf, "      <secret uuid='%s'/>\n",
                                   v[XA_UUID]);
        g_string_append(buf, "    </auth>\n");
    }
    if (v[XA_FORMAT])
        g_string_append_printf(buf, "    <format type='%s'/>\n", v[XA_FORMAT]);
    if (v[XA_SRCNAME])
        g_string_append_printf(buf, "    <name>%s</name>\n", v[XA_SRCNAME]);
    if (v[XA_PROTO])
        g_string_append_printf(buf, "    <protocol ver='%s'/>\n", v[XA_PROTO]);
}

/* The document the -as options describe; NULL (reported) on error. */
static char *
virshBuildPoolXML(vshControl *ctl, const vshCmd *cmd, const char **name)
{
    const char *v[XA_LAST] = { NULL };
    GString *buf;
    size_t i;

    if (vshCommandOptBool(cmd, "secret-usage") &&
        vshCommandOptBool(cmd, "secret-uuid")) {
        vshError(ctl, "Options --%s and --%s are mutually exclusive",
                 "secret-usage", "secret-uuid");
        return NULL;
    }
    for (i = 0; i < XA_LAST; i++) {
        if (vshCommandOptStringReq(ctl, cmd, virshPoolXAsOpts[i], &v[i]) < 0)
            return NULL;
    }
    buf = g_string_new(NULL);
    g_string_append_printf(buf, "<pool type='%s'>\n  <name>%s</name>\n",
                           v[XA_TYPE], v[XA_NAME]);
    if (v[XA_HOST] || v[XA_PATH] || v[XA_DEV] || v[XA_INITIATOR] ||
        v[XA_FORMAT] || v[XA_SRCNAME] || (v[XA_WWNN] && v[XA_WWPN]) ||
        v[XA_ADNAME]) {
        g_string_append(buf, "  <source>\n");
        virshPoolXMLSource(buf, v);
        g_string_append(buf, "  </source>\n");
    }
    if (v[XA_TARGET])
        g_string_append_printf(buf, "  <target>\n    <path>%s</path>\n"
                               "  </target>\n", v[XA_TARGET]);
    g_string_append(buf, "</pool>\n");
    *name = v[XA_NAME];
    return g_string_free(buf, FALSE);
}

static const vshCmdInfo info_pool_create_as = {
    .help = "create a pool from a set of args",
    .desc = "Create a pool.",
};

static const vshCmdOptDef opts_pool_create_as[] = {
    VIRSH_OPT_POOL_X_AS,
    VIRSH_OPT_POOL_BUILD,
    VSH_OPT_END
};

static bool
cmdPoolCreateAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    const char *name = NULL;
    int flags;

    if ((flags = virshPoolCreateFlags(ctl, cmd)) < 0)
        return false;
    if (!(xml = virshBuildPoolXML(ctl, cmd, &name)))
        return false;
    if (vshCommandOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml);
        return true;
    }
    if (!(pool = virStoragePoolCreateXML(virshConn(ctl), xml, flags))) {
        vshError(ctl, "Failed to create pool %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s created\n", name);
    return true;
}

static const vshCmdInfo info_pool_define_as = {
    .help = "define a pool from a set of args",
    .desc = "Define a pool.",
};

static const vshCmdOptDef opts_pool_define_as[] = {
    VIRSH_OPT_POOL_X_AS,
    VSH_OPT_END
};

static bool
cmdPoolDefineAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    const char *name = NULL;

    if (!(xml = virshBuildPoolXML(ctl, cmd, &name)))
        return false;
    if (vshCommandOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml);
        return true;
    }
    if (!(pool = virStoragePoolDefineXML(virshConn(ctl), xml, 0))) {
        vshError(ctl, "Failed to define pool %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s defined\n", name);
    return true;
}

/* ---- pool-build, -destroy, -delete, -refresh, -start, -undefine ---- */

typedef enum {
    VIRSH_POOL_BUILD,
    VIRSH_POOL_DESTROY,
    VIRSH_POOL_DELETE,
    VIRSH_POOL_REFRESH,
    VIRSH_POOL_START,
    VIRSH_POOL_UNDEFINE,
} virshPoolAction;

static const struct {
    const char *done;     /* "Pool %s ..." */
    const char *failed;   /* "Failed to ... pool %s" */
} virshPoolActionWords[] = {
    [VIRSH_POOL_BUILD] = { "built", "build" },
    [VIRSH_POOL_DESTROY] = { "destroyed", "destroy" },
    [VIRSH_POOL_DELETE] = { "deleted", "delete" },
    [VIRSH_POOL_REFRESH] = { "refreshed", "refresh" },
    [VIRSH_POOL_START] = { "started", "start" },
    [VIRSH_POOL_UNDEFINE] = { "has been undefined", "undefine" },
};

static bool
virshPoolDoAction(vshControl *ctl, const vshCmd *cmd, virshPoolAction act)
{
    g_autoptr(virshStoragePool) pool = NULL;
    const char *name = NULL;
    unsigned int flags = 0;
    int rc = -1;
    int f;

    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", &name)))
        return false;
    switch (act) {
    case VIRSH_POOL_BUILD:
        if (vshCommandOptBool(cmd, "no-overwrite"))
            flags |= VIR_STORAGE_POOL_BUILD_NO_OVERWRITE;
        if (vshCommandOptBool(cmd, "overwrite"))
            flags |= VIR_STORAGE_POOL_BUILD_OVERWRITE;
        rc = virStoragePoolBuild(pool, flags);
        break;
    case VIRSH_POOL_DESTROY:
        rc = virStoragePoolDestroy(pool);
        break;
    case VIRSH_POOL_DELETE:
        rc = virStoragePoolDelete(pool, 0);
        break;
    case VIRSH_POOL_REFRESH:
        rc = virStoragePoolRefresh(pool, 0);
        break;
    case VIRSH_POOL_START:
        if ((f = virshPoolCreateFlags(ctl, cmd)) < 0)
            return false;
        rc = virStoragePoolCreate(pool, f);
        break;
    case VIRSH_POOL_UNDEFINE:
        rc = virStoragePoolUndefine(pool);
        break;
    }
    if (rc < 0) {
        vshError(ctl, "Failed to %s pool %s",
                 virshPoolActionWords[act].failed, name);
        return false;
    }
    vshPrintExtra(ctl, "Pool %s %s\n", name, virshPoolActionWords[act].done);
    return true;
}

static const vshCmdInfo info_pool_build = {
    .help = "build a pool",
    .desc = "Build a given pool.",
};

static const vshCmdOptDef opts_pool_build[] = {
    VIRSH_OPT_POOL(0),
    VSH_BOOL("no-overwrite", "do not overwrite any existing data"),
    VSH_BOOL("overwrite", "overwrite any existing data"),
    VSH_OPT_END
};

static bool
cmdPoolBuild(vshControl *ctl, const vshCmd *cmd)
{
    return virshPoolDoAction(ctl, cmd, VIRSH_POOL_BUILD);
}

static const vshCmdInfo info_pool_destroy = {
    .help = "destroy (stop) a pool",
    .desc = "Forcefully stop a given pool. Raw data in the pool is untouched",
};

static const vshCmdOptDef opts_pool_destroy[] = {
    VIRSH_OPT_POOL(VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdPoolDestroy(vshControl *ctl, const vshCmd *cmd)
{
    return virshPoolDoAction(ctl, cmd, VIRSH_POOL_DESTROY);
}

static const vshCmdInfo info_pool_delete = {
    .help = "delete a pool",
    .desc = "Delete a given pool.",
};

static const vshCmdOptDef opts_pool_delete[] = {
    VIRSH_OPT_POOL(VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE),
    VSH_OPT_END
};

static bool
cmdPoolDelete(vshControl *ctl, const vshCmd *cmd)
{
    return virshPoolDoAction(ctl, cmd, VIRSH_POOL_DELETE);
}

static const vshCmdInfo info_pool_refresh = {
    .help = "refresh a pool",
    .desc = "Refresh a given pool.",
};

static const vshCmdOptDef opts_pool_refresh[] = {
    VIRSH_OPT_POOL(VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdPoolRefresh(vshControl *ctl, const vshCmd *cmd)
{
    return virshPoolDoAction(ctl, cmd, VIRSH_POOL_REFRESH);
}

static const vshCmdInfo info_pool_start = {
    .help = "start a (previously defined) inactive pool",
    .desc = "Start a pool.",
};

static const vshCmdOptDef opts_pool_start[] = {
    VIRSH_OPT_POOL(VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE),
    VIRSH_OPT_POOL_BUILD,
    VSH_OPT_END
};

static bool
cmdPoolStart(vshControl *ctl, const vshCmd *cmd)
{
    return virshPoolDoAction(ctl, cmd, VIRSH_POOL_START);
}

static const vshCmdInfo info_pool_undefine = {
    .help = "undefine an inactive pool",
    .desc = "Undefine the configuration for an inactive pool.",
};

static const vshCmdOptDef opts_pool_undefine[] = {
    VIRSH_OPT_POOL(VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT),
    VSH_OPT_END
};

static bool
cmdPoolUndefine(vshControl *ctl, const vshCmd *cmd)
{
    return virshPoolDoAction(ctl, cmd, VIRSH_POOL_UNDEFINE);
}

/* ---- pool-dumpxml, pool-name, pool-uuid, pool-info ---- */

static const vshCmdInfo info_pool_dumpxml = {
    .help = "pool information in XML",
    .desc = "Output the pool information as an XML dump to stdout.",
};

static const vshCmdOptDef opts_pool_dumpxml[] = {
    VIRSH_OPT_POOL(0),
    VSH_BOOL("inactive", "show inactive defined XML"),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdPoolDumpXML(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = 0;
    const char *xpath = NULL;

    if (vshCommandOptBool(cmd, "inactive"))
        flags |= VIR_STORAGE_XML_INACTIVE;
    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virStoragePoolGetXMLDesc(pool, flags)))
        return false;
    return virshDumpXML(ctl, xml, "pool", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_pool_name = {
    .help = "convert a pool UUID to pool name",
    .desc = "",
};

static const vshCmdOptDef opts_pool_name[] = {
    VIRSH_OPT_POOL(0),
    VSH_OPT_END
};

static bool
cmdPoolName(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;

    if (!(pool = virshCommandOptPoolBy(ctl, cmd, "pool", NULL, VIRSH_BYUUID)))
        return false;
    vshPrint(ctl, "%s\n", virStoragePoolGetName(pool));
    return true;
}

static const vshCmdInfo info_pool_uuid = {
    .help = "convert a pool name to pool UUID",
    .desc = "",
};

static const vshCmdOptDef opts_pool_uuid[] = {
    VIRSH_OPT_POOL(0),
    VSH_OPT_END
};

static bool
cmdPoolUuid(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(pool = virshCommandOptPoolBy(ctl, cmd, "pool", NULL, VIRSH_BYNAME)))
        return false;
    if (virStoragePoolGetUUIDString(pool, uuid) != -1)
        vshPrint(ctl, "%s\n", uuid);
    else
        vshError(ctl, "%s", "failed to get pool UUID");
    return true;
}

static const vshCmdInfo info_pool_info = {
    .help = "storage pool information",
    .desc = "Returns basic information about the storage pool.",
};

static const vshCmdOptDef opts_pool_info[] = {
    VIRSH_OPT_POOL(0),
    VSH_BOOL("bytes", "Return pool info in bytes"),
    VSH_OPT_END
};

static void
virshPoolInfoSize(vshControl *ctl, const char *label,
                  unsigned long long v, bool bytes)
{
    const char *unit;
    double d;

    if (bytes) {
        vshPrint(ctl, "%-15s %llu\n", label, v);
        return;
    }
    d = vshPrettyCapacity(v, &unit);
    vshPrint(ctl, "%-15s %2.2lf %s\n", label, d, unit);
}

static bool
cmdPoolInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    bool bytes = vshCommandOptBool(cmd, "bytes");
    char uuid[VIR_UUID_STRING_BUFLEN];
    virStoragePoolInfo info;
    int autostart = 0;
    int persistent;

    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", NULL)))
        return false;
    vshPrint(ctl, "%-15s %s\n", "Name:", virStoragePoolGetName(pool));
    if (virStoragePoolGetUUIDString(pool, uuid) == 0)
        vshPrint(ctl, "%-15s %s\n", "UUID:", uuid);
    if (virStoragePoolGetInfo(pool, &info) != 0)
        return false;
    vshPrint(ctl, "%-15s %s\n", "State:", virshPoolStateToString(info.state));
    persistent = virStoragePoolIsPersistent(pool);
    vshDebug(ctl, VSH_ERR_DEBUG, "Pool persistent flag value: %d\n",
             persistent);
    vshPrint(ctl, "%-15s %s\n", "Persistent:",
             persistent < 0 ? "unknown" : persistent ? "yes" : "no");
    if (virStoragePoolGetAutostart(pool, &autostart) < 0)
        vshPrint(ctl, "%-15s %s\n", "Autostart:", "no autostart");
    else
        vshPrint(ctl, "%-15s %s\n", "Autostart:", autostart ? "yes" : "no");
    if (info.state == VIR_STORAGE_POOL_RUNNING ||
        info.state == VIR_STORAGE_POOL_DEGRADED) {
        virshPoolInfoSize(ctl, "Capacity:", info.capacity, bytes);
        virshPoolInfoSize(ctl, "Allocation:", info.allocation, bytes);
        virshPoolInfoSize(ctl, "Available:", info.available, bytes);
    }
    return true;
}

/* ---- pool-edit ---- */

static const vshCmdInfo info_pool_edit = {
    .help = "edit XML configuration for a storage pool",
    .desc = "Edit the XML configuration for a storage pool.",
};

static const vshCmdOptDef opts_pool_edit[] = {
    VIRSH_OPT_POOL(0),
    VSH_OPT_END
};

typedef struct {
    virStoragePoolPtr pool;
    virStoragePoolPtr edited;
    unsigned int flags;
} virshEditPool;

static char *
virshEditPoolGetXML(vshControl *ctl G_GNUC_UNUSED, void *opaque)
{
    virshEditPool *e = opaque;

    return virStoragePoolGetXMLDesc(e->pool, e->flags);
}

static void
virshEditPoolNotChanged(vshControl *ctl, void *opaque)
{
    virshEditPool *e = opaque;

    vshPrintExtra(ctl, "Pool %s XML configuration not changed.\n",
                  virStoragePoolGetName(e->pool));
}

static bool
virshEditPoolDefine(vshControl *ctl, const char *xml, void *opaque)
{
    virshEditPool *e = opaque;

    virshStoragePoolFree(e->edited);
    e->edited = virStoragePoolDefineXML(virshConn(ctl), xml, 0);
    return e->edited != NULL;
}

static bool
cmdPoolEdit(vshControl *ctl, const vshCmd *cmd)
{
    static const vshEditOps ops = {
        .getXML = virshEditPoolGetXML,
        .notChanged = virshEditPoolNotChanged,
        .define = virshEditPoolDefine,
    };
    g_autoptr(virshStoragePool) pool = NULL;
    g_autofree char *probe = NULL;
    virshEditPool e = { .flags = VIR_STORAGE_XML_INACTIVE };
    int rc;

    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", NULL)))
        return false;
    /* old daemons without the flag */
    if (!(probe = virStoragePoolGetXMLDesc(pool, e.flags))) {
        if (vshLastErrorCode() != VIR_ERR_INVALID_ARG)
            return false;
        e.flags &= ~VIR_STORAGE_XML_INACTIVE;
        vshResetLibvirtError();
    }
    e.pool = pool;
    rc = vshEditLoop(ctl, &ops, &e);
    if (rc == 0)
        vshPrintExtra(ctl, "Pool %s XML configuration edited.\n",
                      e.edited ? virStoragePoolGetName(e.edited) : "(null)");
    virshStoragePoolFree(e.edited);
    return rc >= 0;
}

/* ---- pool-capabilities ---- */

static const vshCmdInfo info_pool_capabilities = {
    .help = "storage pool capabilities",
    .desc = "Returns capabilities of storage pool support.",
};

static const vshCmdOptDef opts_pool_capabilities[] = {
    VSH_OPT_END
};

static bool
cmdPoolCapabilities(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autofree char *caps = NULL;

    if (!(caps = virConnectGetStoragePoolCapabilities(virshConn(ctl), 0))) {
        vshError(ctl, "%s", "failed to get storage pool capabilities");
        return false;
    }
    vshPrint(ctl, "%s\n", caps);
    return true;
}

/* ---- pool-list ---- */

static const vshCmdInfo info_pool_list = {
    .help = "list pools",
    .desc = "Returns list of pools.",
};

static const vshCmdOptDef opts_pool_list[] = {
    VSH_BOOL("inactive", "list inactive pools"),
    VSH_BOOL("all", "list inactive & active pools"),
    VSH_BOOL("transient", "list transient pools"),
    VSH_BOOL("persistent", "list persistent pools"),
    VSH_BOOL("autostart", "list pools with autostart enabled"),
    VSH_BOOL("no-autostart", "list pools with autostart disabled"),
    VSH_STRING("type", "only list pool of specified type(s) (if supported)",
        .completer = virshPoolTypeCompleter),
    VSH_BOOL("details", "display extended details for pools"),
    VSH_BOOL("uuid", "list UUID of active pools only"),
    VSH_BOOL("name", "list name of active pools only"),
    VSH_OPT_END
};

static int
virshStoragePoolSorter(const void *a, const void *b)
{
    virStoragePoolPtr pa = *(virStoragePoolPtr *)a;
    virStoragePoolPtr pb = *(virStoragePoolPtr *)b;

    if (pa && !pb)
        return -1;
    if (!pa)
        return pb != NULL;
    return g_ascii_strcasecmp(virStoragePoolGetName(pa),
                              virStoragePoolGetName(pb));
}

static void
virshStoragePoolArrayFree(virStoragePoolPtr *pools, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virshStoragePoolFree(pools[i]);
    g_free(pools);
}

/* The filter flags of pool-list's options; false (reported) on error. */
static bool
virshPoolListFlags(vshControl *ctl, const vshCmd *cmd, unsigned int *flags)
{
    static const struct {
        const char *option;
        unsigned int flag;
    } filters[] = {
        { "autostart", VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART },
        { "no-autostart", VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART },
        { "persistent", VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT },
        { "transient", VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT },
    };
    bool inactive = vshCommandOptBool(cmd, "inactive");
    bool all = vshCommandOptBool(cmd, "all");
    g_auto(GStrv) types = NULL;
    const char *type = NULL;
    size_t i;
    int n;

    VSH_EXCLUSIVE_OPTIONS_VAR(all, inactive);
    *flags = VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE;
    if (inactive)
        *flags = VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE;
    if (all)
        *flags = VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE |
                 VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE;
    for (i = 0; i < G_N_ELEMENTS(filters); i++) {
        if (vshCommandOptBool(cmd, filters[i].option))
            *flags |= filters[i].flag;
    }
    if (vshCommandOptStringReq(ctl, cmd, "type", &type) < 0)
        return false;
    VSH_EXCLUSIVE_OPTIONS("details", "uuid");
    VSH_EXCLUSIVE_OPTIONS("details", "name");
    if (!type)
        return true;
    if ((n = vshStringToArray(type, &types)) < 0)
        return false;
    for (i = 0; i < (size_t)n; i++) {
        int t = virshWordIndex(virshPoolTypes, types[i]);

        if (t < 0) {
            vshError(ctl, "Invalid pool type '%s'", types[i]);
            return false;
        }
        *flags |= virshPoolTypeFlags[t];
    }
    return true;
}

/* One row of pool-list; @details adds persistence and sizes. */
static void
virshPoolListRow(vshControl *ctl, vshTable *table, virStoragePoolPtr pool,
                 bool details)
{
    char *sizes[3] = { NULL };
    const char *autostartStr = "no autostart";
    const char *persistentStr = NULL;
    const char *state;
    virStoragePoolInfo info;
    int autostart = 0;
    size_t i;

    if (virStoragePoolGetAutostart(pool, &autostart) >= 0)
        autostartStr = autostart ? "yes" : "no";
    if (details) {
        int persistent = virStoragePoolIsPersistent(pool);

        vshDebug(ctl, VSH_ERR_DEBUG, "Persistent flag value: %d\n",
                 persistent);
        persistentStr = persistent < 0 ? "unknown" : persistent ? "yes" : "no";
    }
    if (virStoragePoolGetInfo(pool, &info) != 0) {
        vshError(ctl, "%s", "Could not retrieve pool information");
        state = "unknown";
        for (i = 0; i < 3; i++)
            sizes[i] = g_strdup("unknown");
    } else if (!details) {
        state = virStoragePoolIsActive(pool) ? "active" : "inactive";
    } else {
        unsigned long long v[3] = {
            info.capacity, info.allocation, info.available,
        };

        state = virshPoolStateToString(info.state);
        for (i = 0; i < 3; i++) {
            const char *unit;
            double d;

            if (info.state != VIR_STORAGE_POOL_RUNNING &&
                info.state != VIR_STORAGE_POOL_DEGRADED) {
                sizes[i] = g_strdup("-");
                continue;
            }
            d = vshPrettyCapacity(v[i], &unit);
            sizes[i] = g_strdup_printf("%.2lf %s", d, unit);
        }
    }
    if (details)
        vshTableRowAppend(table, virStoragePoolGetName(pool), state,
                          autostartStr, persistentStr, sizes[0], sizes[1],
                          sizes[2], NULL);
    else
        vshTableRowAppend(table, virStoragePoolGetName(pool), state,
                          autostartStr, NULL);
    for (i = 0; i < 3; i++)
        g_free(sizes[i]);
}

static bool
cmdPoolList(vshControl *ctl, const vshCmd *cmd)
{
    bool details = vshCommandOptBool(cmd, "details");
    bool uuid = vshCommandOptBool(cmd, "uuid");
    bool name = vshCommandOptBool(cmd, "name");
    g_autoptr(vshTable) table = NULL;
    virStoragePoolPtr *pools = NULL;
    unsigned int flags = 0;
    size_t i;
    int n;

    if (!virshPoolListFlags(ctl, cmd, &flags))
        return false;
    if ((n = virConnectListAllStoragePools(virshConn(ctl), &pools,
                                           flags)) < 0) {
        vshError(ctl, "%s", "Failed to list pools");
        return false;
    }
    qsort(pools, n, sizeof(*pools), virshStoragePoolSorter);
    if (!details && (uuid || name)) {
        for (i = 0; i < (size_t)n; i++) {
            if (uuid) {
                char str[VIR_UUID_STRING_BUFLEN];

                virStoragePoolGetUUIDString(pools[i], str);
                vshPrint(ctl, "%-36s%c", str, name ? ' ' : '\n');
            }
            if (name)
                vshPrint(ctl, "%-20s\n", virStoragePoolGetName(pools[i]));
        }
        virshStoragePoolArrayFree(pools, n);
        return true;
    }
    if (details)
        table = vshTableNew("Name", "State", "Autostart", "Persistent",
                            "Capacity", "Allocation", "Available", NULL);
    else
        table = vshTableNew("Name", "State", "Autostart", NULL);
    for (i = 0; i < (size_t)n; i++)
        virshPoolListRow(ctl, table, pools[i], details);
    vshTablePrintToStdout(table, ctl);
    virshStoragePoolArrayFree(pools, n);
    return true;
}

/* ---- pool-event ---- */

static const vshCmdInfo info_pool_event = {
    .help = "Storage Pool Events",
    .desc = "List event types, or wait for storage pool events to occur",
};

static const vshCmdOptDef opts_pool_event[] = {
    VSH_STRING("pool", "filter by storage pool name or uuid",
        .completer = virshStoragePoolNameCompleter),
    VSH_STRING("event", "which event type to wait for",
        .completer = virshPoolEventNameCompleter),
    VIRSH_OPT_EVENT_COMMON,
    VSH_OPT_END
};

const char *const virshPoolEventNames[] = { "lifecycle", "refresh", NULL };
G_STATIC_ASSERT(G_N_ELEMENTS(virshPoolEventNames) ==
                VIR_STORAGE_POOL_EVENT_ID_LAST + 1);

char **
virshPoolEventNameCompleter(vshControl *ctl G_GNUC_UNUSED,
                            const vshCmd *cmd G_GNUC_UNUSED,
                            unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshPoolEventNames);
}

static void
virshPoolEventLifecycle(virConnectPtr conn G_GNUC_UNUSED,
                        virStoragePoolPtr pool, int event,
                        int detail G_GNUC_UNUSED, void *opaque)
{
    static const char *const events[] = {
        "Defined", "Undefined", "Started", "Stopped", "Created", "Deleted",
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(events) == VIR_STORAGE_POOL_EVENT_LAST);
    virshEventPrint(opaque, "storage pool", virStoragePoolGetName(pool),
                    event >= 0 && event < VIR_STORAGE_POOL_EVENT_LAST ?
                    events[event] : "unknown");
}

static void
virshPoolEventGeneric(virConnectPtr conn G_GNUC_UNUSED,
                      virStoragePoolPtr pool, void *opaque)
{
    virshEventPrint(opaque, "storage pool", virStoragePoolGetName(pool), NULL);
}

/* as libvirt's: an unknown pool is reported, and all are watched */
static int
virshPoolEventObj(vshControl *ctl, const vshCmd *cmd, void **obj)
{
    *obj = virshCommandOptPool(ctl, cmd, "pool", NULL);
    return 0;
}

static void
virshPoolEventObjFree(void *obj)
{
    virshStoragePoolFree(obj);
}

static int
virshPoolEventRegister(virConnectPtr conn, void *obj, virshEventData *data)
{
    static const virConnectStoragePoolEventGenericCallback callbacks[] = {
        VIR_STORAGE_POOL_EVENT_CALLBACK(virshPoolEventLifecycle),
        virshPoolEventGeneric,
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(callbacks) == VIR_STORAGE_POOL_EVENT_ID_LAST);
    return virConnectStoragePoolEventRegisterAny(conn, obj, data->event,
                                                 callbacks[data->event],
                                                 data, NULL);
}

static bool
cmdPoolEvent(vshControl *ctl, const vshCmd *cmd)
{
    static const virshEventFamily family = {
        .names = virshPoolEventNames, .objOpt = "pool",
        .getObj = virshPoolEventObj, .freeObj = virshPoolEventObjFree,
        .reg = virshPoolEventRegister,
        .dereg = virConnectStoragePoolEventDeregisterAny,
    };

    return virshEventCommand(ctl, cmd, &family);
}

/* ---- find-storage-pool-sources(-as) ---- */

static const vshCmdInfo info_find_storage_pool_sources_as = {
    .help = "find potential storage pool sources",
    .desc = "Returns XML <sources> document.",
};

static const vshCmdOptDef opts_find_storage_pool_sources_as[] = {
    VSH_DATA("type", "type of storage pool sources to find"),
    VSH_STRING("host", "optional host to query",
        .completer = virshCompleteEmpty),
    VSH_STRING("port", "optional port to query",
        .completer = virshCompleteEmpty),
    VSH_STRING("initiator", "optional initiator IQN to use for query",
        .completer = virshCompleteEmpty),
    VSH_OPT_END
};

/* Print what the library finds for @type and @spec. */
static bool
virshPoolFindSources(vshControl *ctl, const char *type, const char *spec)
{
    g_autofree char *list = NULL;

    if (!(list = virConnectFindStoragePoolSources(virshConn(ctl), type,
                                                  spec, 0))) {
        vshError(ctl, "Failed to find any %s pool sources", type);
        return false;
    }
    vshPrint(ctl, "%s", list);
    return true;
}

static bool
cmdPoolDiscoverSourcesAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *spec = NULL;
    const char *initiator = NULL;
    const char *type = NULL;
    const char *host = NULL;
    const char *port = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "type", &type) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "host", &host) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "initiator", &initiator) < 0)
        return false;
    if (host) {
        GString *buf = g_string_new("<source>\n");

        if (vshCommandOptStringReq(ctl, cmd, "port", &port) < 0) {
            g_string_free(buf, TRUE);
            vshError(ctl, "%s", "missing argument");
            return false;
        }
        g_string_append_printf(buf, "  <host name='%s'", host);
        if (port)
            g_string_append_printf(buf, " port='%s'", port);
        g_string_append(buf, "/>\n");
        if (initiator)
            g_string_append_printf(buf, "  <initiator>\n"
                                   "    <iqn name='%s'/>\n"
                                   "  </initiator>\n", initiator);
        g_string_append(buf, "</source>\n");
        spec = g_string_free(buf, FALSE);
    }
    return virshPoolFindSources(ctl, type, spec);
}

static const vshCmdInfo info_find_storage_pool_sources = {
    .help = "discover potential storage pool sources",
    .desc = "Returns XML <sources> document.",
};

static const vshCmdOptDef opts_find_storage_pool_sources[] = {
    VSH_DATA("type", "type of storage pool sources to discover"),
    VSH_STRING("srcSpec", "optional file of source xml to query for pools",
        .completer = virshCompletePathLocalExisting),
    VSH_OPT_END
};

static bool
cmdPoolDiscoverSources(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *spec = NULL;
    const char *type = NULL;
    const char *file = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "type", &type) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "srcSpec", &file) < 0)
        return false;
    if (file && virshFileReadAll(ctl, file, VSH_MAX_XML_FILE, &spec) < 0)
        return false;
    return virshPoolFindSources(ctl, type, spec);
}

const vshCmdDef storagePoolCmds[] = {
    VSH_CMD("find-storage-pool-sources-as", cmdPoolDiscoverSourcesAs,
            find_storage_pool_sources_as),
    VSH_CMD("find-storage-pool-sources", cmdPoolDiscoverSources,
            find_storage_pool_sources),
    VSH_CMD("pool-autostart", cmdPoolAutostart, pool_autostart),
    VSH_CMD("pool-build", cmdPoolBuild, pool_build),
    VSH_CMD("pool-create-as", cmdPoolCreateAs, pool_create_as),
    VSH_CMD("pool-create", cmdPoolCreate, pool_create),
    VSH_CMD("pool-define-as", cmdPoolDefineAs, pool_define_as),
    VSH_CMD("pool-define", cmdPoolDefine, pool_define),
    VSH_CMD("pool-delete", cmdPoolDelete, pool_delete),
    VSH_CMD("pool-destroy", cmdPoolDestroy, pool_destroy),
    VSH_CMD("pool-dumpxml", cmdPoolDumpXML, pool_dumpxml),
    VSH_CMD("pool-edit", cmdPoolEdit, pool_edit),
    VSH_CMD("pool-info", cmdPoolInfo, pool_info),
    VSH_CMD("pool-list", cmdPoolList, pool_list),
    VSH_CMD("pool-name", cmdPoolName, pool_name),
    VSH_CMD("pool-refresh", cmdPoolRefresh, pool_refresh),
    VSH_CMD("pool-start", cmdPoolStart, pool_start),
    VSH_CMD("pool-undefine", cmdPoolUndefine, pool_undefine),
    VSH_CMD("pool-uuid", cmdPoolUuid, pool_uuid),
    VSH_CMD("pool-event", cmdPoolEvent, pool_event),
    VSH_CMD("pool-capabilities", cmdPoolCapabilities, pool_capabilities),
    { .name = NULL }
};
