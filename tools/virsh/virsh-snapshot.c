/*
 * virsh-snapshot.c: the Snapshot group: snapshot-create, -create-as,
 * -current, -delete, -dumpxml, -edit, -info, -list, -parent, -revert.
 *
 * Listings use virDomainListAllSnapshots / virDomainSnapshotListAllChildren;
 * when a server refuses the status or location filters (INVALID_ARG),
 * the snapshots are filtered here from their XML as libvirt's virsh does.
 * The name-list APIs of servers older than 0.9.13 are not used.
 */
#include <string.h>
#include <strings.h>

#include "virsh.h"
#include "vsh-table.h"

#define VIRSH_OPT_SNAP_DOMAIN \
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT)
#define VIRSH_OPT_SNAPNAME(HELP) \
    VSH_STRING("snapshotname", HELP, .completer = virshSnapshotNameCompleter)

/* ---- completer ---- */

static const char *
virshSnapshotListName(void *list, size_t i)
{
    return virDomainSnapshotGetName(((virDomainSnapshotPtr *)list)[i]);
}

char **
virshSnapshotNameCompleter(vshControl *ctl, const vshCmd *cmd,
                           unsigned int flags)
{
    g_autoptr(virshDomain) dom = NULL;
    virDomainSnapshotPtr *snaps = NULL;
    char **ret;
    int n;
    int i;

    if (!virshCompleterConn(ctl) ||
        !(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return NULL;
    if ((n = virDomainListAllSnapshots(dom, &snaps, flags)) < 0)
        return NULL;
    ret = virshCompleteList(n, virshSnapshotListName, snaps);
    for (i = 0; i < n; i++)
        virshDomainSnapshotFree(snaps[i]);
    g_free(snaps);
    return ret;
}

/* ---- snapshot-create, snapshot-create-as ---- */

/* VIR_DOMAIN_SNAPSHOT_CREATE_* of the boolean options given. */
static const struct {
    const char *opt;
    unsigned int flag;
} virshSnapshotCreateFlags[] = {
    { "redefine", VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE },
    { "current", VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT },
    { "no-metadata", VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA },
    { "halt", VIR_DOMAIN_SNAPSHOT_CREATE_HALT },
    { "disk-only", VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY },
    { "reuse-external", VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT },
    { "quiesce", VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE },
    { "atomic", VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC },
    { "live", VIR_DOMAIN_SNAPSHOT_CREATE_LIVE },
    { "validate", VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE },
};

/* (snapshot-create-as has no --redefine and --current: @skip 2) */
static unsigned int
virshSnapshotCreateFlagsGet(const vshCmd *cmd, size_t skip)
{
    unsigned int flags = 0;
    size_t i;

    for (i = skip; i < G_N_ELEMENTS(virshSnapshotCreateFlags); i++) {
        if (vshCommandOptBool(cmd, virshSnapshotCreateFlags[i].opt))
            flags |= virshSnapshotCreateFlags[i].flag;
    }
    return flags;
}

/* Create; a server without VALIDATE or HALT gets the call without them
 * (HALT is then done here by destroying the domain). */
static bool
virshSnapshotCreate(vshControl *ctl, virDomainPtr dom, const char *xml,
                    unsigned int flags, const char *from)
{
    g_autoptr(virshDomainSnapshot) snap = NULL;
    bool halt = false;
    const char *name;

    snap = virDomainSnapshotCreateXML(dom, xml, flags);
    if (!snap && !from && vshLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        flags &= ~VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE;
        snap = virDomainSnapshotCreateXML(dom, xml, flags);
    }
    if (!snap && vshLastErrorCode() == VIR_ERR_INVALID_ARG &&
        (flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT)) {
        int persistent;

        vshResetLibvirtError();
        if ((persistent = virDomainIsPersistent(dom)) < 0) {
            vshReportError(ctl);
            return false;
        }
        if (!persistent) {
            vshError(ctl, "%s",
                     "cannot halt after snapshot of transient domain");
            return false;
        }
        halt = virDomainIsActive(dom) == 1;
        flags &= ~VIR_DOMAIN_SNAPSHOT_CREATE_HALT;
        snap = virDomainSnapshotCreateXML(dom, xml, flags);
    }
    if (!snap)
        return false;
    if (halt && virDomainDestroy(dom) < 0) {
        vshReportError(ctl);
        return false;
    }
    if (!(name = virDomainSnapshotGetName(snap))) {
        vshError(ctl, "%s", "Could not get snapshot name");
        return false;
    }
    if (from)
        vshPrintExtra(ctl, "Domain snapshot %s created from '%s'", name, from);
    else
        vshPrintExtra(ctl, "Domain snapshot %s created", name);
    return true;
}

static const vshCmdInfo info_snapshot_create = {
    .help = "Create a snapshot from XML",
    .desc = "Create a snapshot (disk and RAM) from XML",
};

static const vshCmdOptDef opts_snapshot_create[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_STRING("xmlfile", "domain snapshot XML",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("redefine", "redefine metadata for existing snapshot"),
    VSH_BOOL("current", "with redefine, set current snapshot"),
    VSH_BOOL("no-metadata", "take snapshot but create no metadata"),
    VSH_BOOL("halt", "halt domain after snapshot is created"),
    VSH_BOOL("disk-only", "capture disk state but not vm state"),
    VSH_BOOL("reuse-external", "reuse any existing external files"),
    VSH_BOOL("quiesce", "quiesce guest's file systems"),
    VSH_BOOL("atomic", "require atomic operation"),
    VSH_BOOL("live", "take a live snapshot"),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdSnapshotCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = virshSnapshotCreateFlagsGet(cmd, 0);
    const char *from = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "xmlfile", &from) < 0)
        return false;
    if (!from)
        xml = g_strdup("<domainsnapshot/>");
    else if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &xml) < 0)
        return false;
    return virshSnapshotCreate(ctl, dom, xml, flags, from);
}

/* --memspec [file=]name[,snapshot=type] as a <memory/> line */
static bool
virshSnapshotMemspec(vshControl *ctl, GString *buf, const char *str)
{
    g_auto(GStrv) words = NULL;
    const char *snapshot = NULL;
    const char *file = NULL;
    int n = vshStringToArray(str, &words);
    int i;

    for (i = 0; i < n; i++) {
        if (!snapshot && g_str_has_prefix(words[i], "snapshot="))
            snapshot = words[i] + strlen("snapshot=");
        else if (!file && g_str_has_prefix(words[i], "file="))
            file = words[i] + strlen("file=");
        else if (!file && words[i][0] == '/')
            file = words[i];
        else
            break;
    }
    if (n < 0 || i < n) {
        vshError(ctl, "unable to parse memspec: %s", str);
        return false;
    }
    g_string_append(buf, "  <memory");
    virshXMLEscapeAppend(buf, " snapshot='%s'", snapshot);
    virshXMLEscapeAppend(buf, " file='%s'", file);
    g_string_append(buf, "/>\n");
    return true;
}

/* A --diskspec disk[,snapshot=type][,driver=type][,stype=type][,file=name]
 * as a <disk> of <disks> */
static bool
virshSnapshotDiskspec(vshControl *ctl, GString *buf, const char *str)
{
    g_auto(GStrv) words = NULL;
    const char *val[4] = { NULL };  /* snapshot, driver, stype, file */
    static const char *const keys[] = { "snapshot=", "driver=", "stype=",
                                        "file=" };
    int n = vshStringToArray(str, &words);
    bool isFile = true;
    int i;

    for (i = 1; i < n; i++) {
        size_t k;

        for (k = 0; k < G_N_ELEMENTS(keys); k++) {
            if (!val[k] && g_str_has_prefix(words[i], keys[k])) {
                val[k] = words[i] + strlen(keys[k]);
                break;
            }
        }
        if (k == G_N_ELEMENTS(keys))
            break;
    }
    if (n < 0 || i < n)
        goto error;
    if (n == 0) {
        /* libvirt's virsh splits "" into one NULL name: a bare "/>" */
        g_string_append(buf, "    />\n");
        return true;
    }

    virshXMLEscapeAppend(buf, "    <disk name='%s'", words[0]);
    if (val[0])
        g_string_append_printf(buf, " snapshot='%s'", val[0]);
    if (val[2]) {
        if (strcmp(val[2], "block") == 0) {
            isFile = false;
        } else if (strcmp(val[2], "file") != 0) {
            vshError(ctl, "Unknown storage type: '%s'", val[2]);
            goto error;
        }
        g_string_append_printf(buf, " type='%s'", val[2]);
    }
    if (!val[1] && !val[3]) {
        g_string_append(buf, "/>\n");
        return true;
    }
    g_string_append(buf, ">\n");
    if (val[1])
        g_string_append_printf(buf, "      <driver type='%s'/>\n", val[1]);
    if (val[3])
        virshXMLEscapeAppend(buf, isFile ? "      <source file='%s'/>\n"
                                         : "      <source dev='%s'/>\n",
                             val[3]);
    g_string_append(buf, "    </disk>\n");
    return true;

 error:
    vshError(ctl, "unable to parse diskspec: %s", str);
    return false;
}

static const vshCmdInfo info_snapshot_create_as = {
    .help = "Create a snapshot from a set of args",
    .desc = "Create a snapshot (disk and RAM) from arguments",
};

static const vshCmdOptDef opts_snapshot_create_as[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_STRING("name", "name of snapshot", .completer = virshCompleteEmpty),
    VSH_STRING("description", "description of snapshot",
        .completer = virshCompleteEmpty),
    VSH_BOOL("print-xml", "print XML document rather than create"),
    VSH_BOOL("no-metadata", "take snapshot but create no metadata"),
    VSH_BOOL("halt", "halt domain after snapshot is created"),
    VSH_BOOL("disk-only", "capture disk state but not vm state"),
    VSH_BOOL("reuse-external", "reuse any existing external files"),
    VSH_BOOL("quiesce", "quiesce guest's file systems"),
    VSH_BOOL("atomic", "require atomic operation"),
    VSH_BOOL("live", "take a live snapshot"),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_STRING("memspec", "memory attributes: [file=]name[,snapshot=type]",
        .flags = VSH_OFLAG_REQ_OPT),
    VSH_ARGV("diskspec",
        "disk attributes: disk[,snapshot=type][,driver=type][,stype=type][,file=name]"),
    VSH_OPT_END
};

static bool
cmdSnapshotCreateAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(GString) buf = g_string_new("<domainsnapshot>\n");
    unsigned int flags = virshSnapshotCreateFlagsGet(cmd, 2);
    const char *name = NULL;
    const char *desc = NULL;
    const char *memspec = NULL;
    const vshCmdOpt *opt = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "name", &name) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "description", &desc) < 0)
        return false;
    virshXMLEscapeAppend(buf, "  <name>%s</name>\n", name);
    virshXMLEscapeAppend(buf, "  <description>%s</description>\n", desc);
    if (vshCommandOptStringReq(ctl, cmd, "memspec", &memspec) < 0)
        return false;
    if (memspec && !virshSnapshotMemspec(ctl, buf, memspec))
        return false;
    if (vshCommandOptBool(cmd, "diskspec")) {
        g_string_append(buf, "  <disks>\n");
        while ((opt = vshCommandOptArgv(ctl, cmd, opt))) {
            if (!virshSnapshotDiskspec(ctl, buf, opt->data))
                return false;
        }
        g_string_append(buf, "  </disks>\n");
    }
    g_string_append(buf, "</domainsnapshot>\n");

    if (vshCommandOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s\n", buf->str);
        return true;
    }
    return virshSnapshotCreate(ctl, dom, buf->str, flags, NULL);
}

/* ---- lookups ---- */

/* The snapshot --ARG names, or with --current the current one (both
 * refused when @exclusive); -1 with the error printed. */
static int
virshLookupSnapshot(vshControl *ctl, const vshCmd *cmd, const char *arg,
                    bool exclusive, virDomainPtr dom,
                    virDomainSnapshotPtr *snap, const char **name)
{
    bool current = vshCommandOptBool(cmd, "current");
    const char *snapname = NULL;

    if (vshCommandOptStringReq(ctl, cmd, arg, &snapname) < 0)
        return -1;
    if (exclusive && current && snapname) {
        vshError(ctl, "--%s and --current are mutually exclusive", arg);
        return -1;
    }
    if (snapname) {
        *snap = virDomainSnapshotLookupByName(dom, snapname, 0);
    } else if (current) {
        *snap = virDomainSnapshotCurrent(dom, 0);
    } else {
        vshError(ctl, "--%s or --current is required", arg);
        return -1;
    }
    if (!*snap) {
        vshReportError(ctl);
        return -1;
    }
    *name = virDomainSnapshotGetName(*snap);
    return 0;
}

/* The name of @snap's parent in *parent (NULL for a root); -1 with an
 * error printed.  Servers without virDomainSnapshotGetParent answer
 * through the snapshot's XML. */
static int
virshGetSnapshotParent(vshControl *ctl, virDomainSnapshotPtr snap,
                       char **parent)
{
    virshControl *priv = ctl->privData;
    g_autoptr(virshDomainSnapshot) p = NULL;
    g_autofree char *xml = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    *parent = NULL;
    if (!priv->useSnapshotOld) {
        if ((p = virDomainSnapshotGetParent(snap, 0))) {
            *parent = g_strdup(virDomainSnapshotGetName(p));
            goto done;
        }
        if (vshLastErrorCode() == VIR_ERR_NO_DOMAIN_SNAPSHOT)
            goto done;
        priv->useSnapshotOld = true;
    }
    if (!(xml = virDomainSnapshotGetXMLDesc(snap, 0)) ||
        !(doc = virshXMLParse(xml, "(domain_snapshot)", &ctxt))) {
        vshReportError(ctl);
        vshError(ctl, "%s", "unable to determine if snapshot has parent");
        return -1;
    }
    *parent = virshXPathString("string(/domainsnapshot/parent/name)", ctxt);
 done:
    vshResetLibvirtError();
    return 0;
}

/* ---- snapshot-edit ---- */

static const vshCmdInfo info_snapshot_edit = {
    .help = "edit XML for a snapshot",
    .desc = "Edit the domain snapshot XML for a named snapshot",
};

static const vshCmdOptDef opts_snapshot_edit[] = {
    VIRSH_OPT_SNAP_DOMAIN,
    VIRSH_OPT_SNAPNAME("snapshot name"),
    VSH_BOOL("current", "also set edited snapshot as current"),
    VSH_BOOL("rename", "allow renaming an existing snapshot"),
    VSH_BOOL("clone", "allow cloning to new name"),
    VSH_OPT_END
};

typedef struct {
    virDomainPtr dom;
    virDomainSnapshotPtr snap;
    virDomainSnapshotPtr edited;
    const char *name;
    unsigned int defineFlags;
} virshSnapshotEdit;

static char *
virshSnapshotEditGetXML(vshControl *ctl G_GNUC_UNUSED, void *opaque)
{
    virshSnapshotEdit *e = opaque;

    return virDomainSnapshotGetXMLDesc(e->snap, VIR_DOMAIN_XML_SECURE);
}

static void
virshSnapshotEditNotChanged(vshControl *ctl, void *opaque)
{
    virshSnapshotEdit *e = opaque;

    vshPrintExtra(ctl, "Snapshot %s XML configuration not changed.\n",
                  e->name);
}

/* --current with a name: define the document even when unchanged */
static bool
virshSnapshotEditKeepUnchanged(void *opaque)
{
    virshSnapshotEdit *e = opaque;

    return e->defineFlags & VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT;
}

static bool
virshSnapshotEditDefine(vshControl *ctl G_GNUC_UNUSED, const char *xml,
                        void *opaque)
{
    virshSnapshotEdit *e = opaque;
    g_autofree char *orig = virDomainSnapshotGetXMLDesc(e->snap,
                                                        VIR_DOMAIN_XML_SECURE);

    if (orig && strstr(orig, "<state>disk-snapshot</state>"))
        e->defineFlags |= VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY;
    if (e->edited)
        virshDomainSnapshotFree(e->edited);
    e->edited = virDomainSnapshotCreateXML(e->dom, xml, e->defineFlags);
    return e->edited != NULL;
}

static const vshEditOps virshSnapshotEditOps = {
    .getXML = virshSnapshotEditGetXML,
    .notChanged = virshSnapshotEditNotChanged,
    .keepUnchanged = virshSnapshotEditKeepUnchanged,
    .define = virshSnapshotEditDefine,
};

/* After the edit: the new name is a clone, a rename or a mistake. */
static bool
virshSnapshotEditFinish(vshControl *ctl, virshSnapshotEdit *e, bool rename,
                        bool clone)
{
    const char *edited = virDomainSnapshotGetName(e->edited);

    if (strcmp(e->name, edited) == 0) {
        vshPrintExtra(ctl, "Snapshot %s edited.\n", e->name);
        return true;
    }
    if (clone) {
        vshPrintExtra(ctl, "Snapshot %s cloned to %s.\n", e->name, edited);
        return true;
    }
    if (virDomainSnapshotDelete(rename ? e->snap : e->edited,
                                VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY) < 0) {
        vshReportError(ctl);
        vshError(ctl, "Failed to clean up %s", rename ? e->name : edited);
        return false;
    }
    if (!rename) {
        vshError(ctl, "Must use --rename or --clone to change %s to %s",
                 e->name, edited);
        return false;
    }
    return true;
}

static bool
cmdSnapshotEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainSnapshot) snap = NULL;
    virshSnapshotEdit e = { .defineFlags = VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE };
    bool rename = vshCommandOptBool(cmd, "rename");
    bool clone = vshCommandOptBool(cmd, "clone");
    bool ret = false;
    int rc;

    VSH_EXCLUSIVE_OPTIONS_EXPR("rename", rename, "clone", clone);
    if (vshCommandOptBool(cmd, "current") &&
        vshCommandOptBool(cmd, "snapshotname"))
        e.defineFlags |= VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupSnapshot(ctl, cmd, "snapshotname", false, dom,
                            &snap, &e.name) < 0)
        return false;
    e.dom = dom;
    e.snap = snap;
    if ((rc = vshEditLoop(ctl, &virshSnapshotEditOps, &e)) > 0)
        ret = true;
    else if (rc == 0 && e.edited)
        ret = virshSnapshotEditFinish(ctl, &e, rename, clone);
    if (e.edited)
        virshDomainSnapshotFree(e.edited);
    if (!ret)
        vshError(ctl, "Failed to update %s", e.name);
    return ret;
}

/* ---- snapshot-current ---- */

static const vshCmdInfo info_snapshot_current = {
    .help = "Get or set the current snapshot",
    .desc = "Get or set the current snapshot",
};

static const vshCmdOptDef opts_snapshot_current[] = {
    VIRSH_OPT_SNAP_DOMAIN,
    VSH_BOOL("name", "list the name, rather than the full xml"),
    VSH_BOOL("security-info",
        "include security sensitive information in XML dump"),
    VIRSH_OPT_SNAPNAME("name of existing snapshot to make current"),
    VSH_OPT_END
};

/* Make @snapname current by redefining it with CURRENT. */
static bool
virshSnapshotSetCurrent(vshControl *ctl, virDomainPtr dom,
                        const char *snapname)
{
    g_autoptr(virshDomainSnapshot) snap = NULL;
    g_autoptr(virshDomainSnapshot) again = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                         VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT;

    if (!(snap = virDomainSnapshotLookupByName(dom, snapname, 0)) ||
        !(xml = virDomainSnapshotGetXMLDesc(snap, VIR_DOMAIN_XML_SECURE)))
        return false;
    if (strstr(xml, "<state>disk-snapshot</state>"))
        flags |= VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY;
    if (!(again = virDomainSnapshotCreateXML(dom, xml, flags)))
        return false;
    vshPrintExtra(ctl, "Snapshot %s set as current", snapname);
    return true;
}

static bool
cmdSnapshotCurrent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainSnapshot) snap = NULL;
    g_autofree char *xml = NULL;
    const char *snapname = NULL;
    const char *domname = NULL;
    unsigned int flags = 0;
    int current;

    if (vshCommandOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    VSH_EXCLUSIVE_OPTIONS("name", "snapshotname");
    if (!(dom = virshCommandOptDomain(ctl, cmd, &domname)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "snapshotname", &snapname) < 0)
        goto error;
    if (snapname) {
        if (!virshSnapshotSetCurrent(ctl, dom, snapname))
            goto error;
        return true;
    }
    if ((current = virDomainHasCurrentSnapshot(dom, 0)) < 0)
        goto error;
    if (!current) {
        vshError(ctl, "domain '%s' has no current snapshot", domname);
        goto error;
    }
    if (!(snap = virDomainSnapshotCurrent(dom, 0)))
        goto error;
    if (vshCommandOptBool(cmd, "name")) {
        const char *name = virDomainSnapshotGetName(snap);

        if (!name)
            goto error;
        vshPrint(ctl, "%s", name);
        return true;
    }
    if (!(xml = virDomainSnapshotGetXMLDesc(snap, flags)))
        goto error;
    vshPrint(ctl, "%s", xml);
    return true;

 error:
    vshReportError(ctl);
    return false;
}

/* ---- snapshot-info ---- */

static const vshCmdInfo info_snapshot_info = {
    .help = "snapshot information",
    .desc = "Returns basic information about a snapshot.",
};

static const vshCmdOptDef opts_snapshot_info[] = {
    VIRSH_OPT_SNAP_DOMAIN,
    VIRSH_OPT_SNAPNAME("snapshot name"),
    VSH_BOOL("current", "info on current snapshot"),
    VSH_OPT_END
};

/* State and Location rows from the snapshot's XML (Parent too). */
static bool
virshSnapshotInfoXML(vshControl *ctl, virDomainSnapshotPtr snap)
{
    g_autofree char *xml = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree char *state = NULL;
    g_autofree char *parent = NULL;
    int external;

    if (!(xml = virDomainSnapshotGetXMLDesc(snap, 0)) ||
        !(doc = virshXMLParse(xml, "(domain_snapshot)", &ctxt)))
        return false;
    if (!(state = virshXPathString("string(/domainsnapshot/state)", ctxt))) {
        vshError(ctl, "%s", "unexpected problem reading snapshot xml");
        return false;
    }
    vshPrint(ctl, "%-15s %s\n", "State:", state);

    /* with <memory>, external parts decide; before 1.0.1 disk-only did */
    switch (virshXPathBoolean("boolean(/domainsnapshot/memory)", ctxt)) {
    case 1:
        external = virshXPathBoolean(
            "boolean(/domainsnapshot/memory[@snapshot='external'] "
            "| /domainsnapshot/disks/disk[@snapshot='external'])", ctxt);
        break;
    case 0:
        external = strcmp(state, "disk-snapshot") == 0;
        break;
    default:
        external = -1;
    }
    if (external < 0) {
        vshError(ctl, "%s", "unexpected problem reading snapshot xml");
        return false;
    }
    vshPrint(ctl, "%-15s %s\n", "Location:", external ? "external" : "internal");
    parent = virshXPathString("string(/domainsnapshot/parent/name)", ctxt);
    vshPrint(ctl, "%-15s %s\n", "Parent:", parent ? parent : "-");
    return true;
}

static bool
cmdSnapshotInfo(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainSnapshot) snap = NULL;
    const char *name;
    int current;
    int count;
    int metadata;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupSnapshot(ctl, cmd, "snapshotname", true, dom,
                            &snap, &name) < 0)
        return false;
    vshPrint(ctl, "%-15s %s\n", "Name:", name);
    vshPrint(ctl, "%-15s %s\n", "Domain:", virDomainGetName(dom));
    if ((current = virDomainSnapshotIsCurrent(snap, 0)) < 0) {
        vshResetLibvirtError();
        current = 0;
    }
    vshPrint(ctl, "%-15s %s\n", "Current:", current > 0 ? "yes" : "no");
    if (!virshSnapshotInfoXML(ctl, snap))
        return false;

    /* without the children APIs the rest is too dear to compute */
    if (priv->useSnapshotOld)
        return true;
    if ((count = virDomainSnapshotNumChildren(snap, 0)) < 0) {
        if (vshLastErrorCode() == VIR_ERR_NO_SUPPORT) {
            vshResetLibvirtError();
            return true;
        }
        return false;
    }
    vshPrint(ctl, "%-15s %d\n", "Children:", count);
    count = virDomainSnapshotNumChildren(snap,
                                         VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS);
    if (count < 0)
        return false;
    vshPrint(ctl, "%-15s %d\n", "Descendants:", count);

    /* old servers: metadata was all or nothing */
    if ((metadata = virDomainSnapshotHasMetadata(snap, 0)) < 0) {
        metadata = virDomainSnapshotNum(dom, VIR_DOMAIN_SNAPSHOT_LIST_METADATA);
        vshResetLibvirtError();
    }
    if (metadata >= 0)
        vshPrint(ctl, "%-15s %s\n", "Metadata:", metadata ? "yes" : "no");
    return true;
}

/* ---- snapshot-list ---- */

typedef struct {
    virDomainSnapshotPtr snap;
    char *parent;
} virshSnap;

typedef struct {
    virshSnap *snaps;
    int nsnaps;
} virshSnapList;

static void
virshSnapListFree(virshSnapList *list)
{
    int i;

    if (!list)
        return;
    for (i = 0; i < list->nsnaps; i++) {
        virshDomainSnapshotFree(list->snaps[i].snap);
        g_free(list->snaps[i].parent);
    }
    g_free(list->snaps);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshSnapList, virshSnapListFree);

static int
virshSnapSorter(const void *a, const void *b)
{
    const virshSnap *sa = a;
    const virshSnap *sb = b;

    return strcasecmp(virDomainSnapshotGetName(sa->snap),
                      virDomainSnapshotGetName(sb->snap));
}

/* 1 when @snap passes the status and location filters of @flags, from
 * its XML (for servers that refuse those filters); -1 on error. */
static int
virshSnapshotFilter(vshControl *ctl, virDomainSnapshotPtr snap,
                    unsigned int flags)
{
    g_autofree char *xml = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree char *state = NULL;

    if (!(xml = virDomainSnapshotGetXMLDesc(snap, 0)) ||
        !(doc = virshXMLParse(xml, "(domain_snapshot)", &ctxt)))
        return -1;
    if (!(state = virshXPathString("string(/domainsnapshot/state)", ctxt))) {
        vshError(ctl, "%s", "unable to perform snapshot filtering");
        return -1;
    }
    /* old servers: disk-only snapshots are the external ones */
    if (strcmp(state, "disk-snapshot") == 0)
        return (flags & VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY) &&
               (flags & VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL);
    if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL))
        return 0;
    if (strcmp(state, "shutoff") == 0)
        return !!(flags & VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE);
    return !!(flags & VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE);
}

static int
virshSnapshotListAll(virDomainPtr dom, virDomainSnapshotPtr from,
                     virDomainSnapshotPtr **snaps, unsigned int flags)
{
    if (from)
        return virDomainSnapshotListAllChildren(from, snaps, flags);
    return virDomainListAllSnapshots(dom, snaps, flags);
}

/* the status and location filters */
#define VIRSH_SNAP_FILTERS (VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE | \
                            VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE | \
                            VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY | \
                            VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL | \
                            VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL)

/* Keep the entries that pass the filters of @flags. */
static int
virshSnapListFilter(vshControl *ctl, virshSnapList *list, unsigned int flags)
{
    int i;
    int kept = 0;

    flags |= VIRSH_SNAP_FILTERS;
    for (i = 0; i < list->nsnaps; i++) {
        int rc = virshSnapshotFilter(ctl, list->snaps[i].snap, flags);

        if (rc < 0)
            return -1;
        if (rc) {
            list->snaps[kept++] = list->snaps[i];
            continue;
        }
        virshDomainSnapshotFree(list->snaps[i].snap);
        g_free(list->snaps[i].parent);
    }
    list->nsnaps = kept;
    return 0;
}

/* The snapshots of @dom (descendants of @from, which @tree adds as the
 * one entry without a parent), filtered by @flags; NULL on error. */
static virshSnapList *
virshSnapListCollect(vshControl *ctl, virDomainPtr dom,
                     virDomainSnapshotPtr from, unsigned int flags, bool tree)
{
    g_autoptr(virshSnapList) list = g_new0(virshSnapList, 1);
    virDomainSnapshotPtr *snaps = NULL;
    bool fallback = false;
    int count;
    int i;

    count = virshSnapshotListAll(dom, from, &snaps, flags);
    if (count < 0 && vshLastErrorCode() == VIR_ERR_INVALID_ARG &&
        (flags & VIRSH_SNAP_FILTERS)) {
        vshResetLibvirtError();
        fallback = true;
        count = virshSnapshotListAll(dom, from, &snaps,
                                     flags & ~VIRSH_SNAP_FILTERS);
    }
    if (count < 0)
        return NULL;

    list->snaps = g_new0(virshSnap, count + 1);
    for (i = 0; i < count; i++)
        list->snaps[i].snap = snaps[i];
    list->nsnaps = count;
    g_free(snaps);
    if (tree) {
        for (i = 0; i < count; i++) {
            if (virshGetSnapshotParent(ctl, list->snaps[i].snap,
                                       &list->snaps[i].parent) < 0)
                return NULL;
        }
        if (from) {
            virDomainSnapshotRef(from);
            list->snaps[list->nsnaps++].snap = from;
        }
    }
    if (fallback && virshSnapListFilter(ctl, list, flags) < 0)
        return NULL;
    if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL))
        qsort(list->snaps, list->nsnaps, sizeof(*list->snaps),
              virshSnapSorter);
    return g_steal_pointer(&list);
}

static const char *
virshSnapListLookup(int id, bool parent, void *opaque)
{
    virshSnapList *list = opaque;

    if (parent)
        return list->snaps[id].parent;
    return virDomainSnapshotGetName(list->snaps[id].snap);
}

static const vshCmdInfo info_snapshot_list = {
    .help = "List snapshots for a domain",
    .desc = "Snapshot List",
};

static const vshCmdOptDef opts_snapshot_list[] = {
    VIRSH_OPT_SNAP_DOMAIN,
    VSH_BOOL("parent", "add a column showing parent snapshot"),
    VSH_BOOL("roots", "list only snapshots without parents"),
    VSH_BOOL("leaves", "list only snapshots without children"),
    VSH_BOOL("no-leaves",
        "list only snapshots that are not leaves (with children)"),
    VSH_BOOL("metadata",
        "list only snapshots that have metadata that would prevent undefine"),
    VSH_BOOL("no-metadata",
        "list only snapshots that have no metadata managed by libvirt"),
    VSH_BOOL("inactive", "filter by snapshots taken while inactive"),
    VSH_BOOL("active",
        "filter by snapshots taken while active (full system snapshots)"),
    VSH_BOOL("disk-only", "filter by disk-only snapshots"),
    VSH_BOOL("internal", "filter by internal snapshots"),
    VSH_BOOL("external", "filter by external snapshots"),
    VSH_BOOL("tree", "list snapshots in a tree"),
    VSH_STRING("from", "limit list to children of given snapshot",
        .completer = virshSnapshotNameCompleter),
    VSH_BOOL("current", "limit list to children of current snapshot"),
    VSH_BOOL("descendants", "with --from, list all descendants"),
    VSH_BOOL("name", "list snapshot names only"),
    VSH_BOOL("topological", "sort list topologically rather than by name"),
    VSH_OPT_END
};

/* filters that --tree refuses, in the order they are checked */
static const struct {
    const char *opt;
    unsigned int flag;
} virshSnapshotListFilters[] = {
    { "leaves", VIR_DOMAIN_SNAPSHOT_LIST_LEAVES },
    { "no-leaves", VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES },
    { "inactive", VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE },
    { "active", VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE },
    { "disk-only", VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY },
    { "internal", VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL },
    { "external", VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL },
};

/* The listing flags of the options; false with the error printed. */
static bool
virshSnapshotListFlags(vshControl *ctl, const vshCmd *cmd, bool tree,
                       unsigned int *flags)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(virshSnapshotListFilters); i++) {
        if (!vshCommandOptBool(cmd, virshSnapshotListFilters[i].opt))
            continue;
        if (tree) {
            vshError(ctl, "--%s and --tree are mutually exclusive",
                     virshSnapshotListFilters[i].opt);
            return false;
        }
        *flags |= virshSnapshotListFilters[i].flag;
    }
    if (vshCommandOptBool(cmd, "topological"))
        *flags |= VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL;
    if (vshCommandOptBool(cmd, "roots"))
        *flags |= VIR_DOMAIN_SNAPSHOT_LIST_ROOTS;
    if (vshCommandOptBool(cmd, "metadata"))
        *flags |= VIR_DOMAIN_SNAPSHOT_LIST_METADATA;
    if (vshCommandOptBool(cmd, "no-metadata"))
        *flags |= VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA;
    if (vshCommandOptBool(cmd, "descendants")) {
        if (!vshCommandOptBool(cmd, "from") &&
            !vshCommandOptBool(cmd, "current")) {
            vshError(ctl, "%s",
                     "--descendants requires either --from or --current");
            return false;
        }
        *flags |= VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS;
    }
    return true;
}

/* "YYYY-MM-DD HH:MM:SS +ZZZZ" of a <creationTime>, in local time */
char *
virshFormatCreationTime(const char *secs)
{
    g_autoptr(GDateTime) then = NULL;
    char *end = NULL;
    long long t;

    if (!secs)
        return NULL;
    t = g_ascii_strtoll(secs, &end, 10);
    if (end == secs || *end)
        return NULL;
    if (!(then = g_date_time_new_from_unix_local(t)))
        return NULL;
    return g_date_time_format(then, "%Y-%m-%d %H:%M:%S %z");
}

/* A table row for @snap; entries whose XML cannot be read are skipped. */
static int
virshSnapshotListRow(vshTable *table, virDomainSnapshotPtr snap, bool parent)
{
    g_autofree char *xml = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree char *parentName = NULL;
    g_autofree char *state = NULL;
    g_autofree char *secs = NULL;
    g_autofree char *when = NULL;
    const char *name = virDomainSnapshotGetName(snap);

    if (!(xml = virDomainSnapshotGetXMLDesc(snap, 0)) ||
        !(doc = virshXMLParse(xml, "(domain_snapshot)", &ctxt)))
        return 0;
    if (parent)
        parentName = virshXPathString("string(/domainsnapshot/parent/name)",
                                      ctxt);
    if (!(state = virshXPathString("string(/domainsnapshot/state)", ctxt)))
        return 0;
    secs = virshXPathString("string(/domainsnapshot/creationTime)", ctxt);
    if (!(when = virshFormatCreationTime(secs)))
        return 0;
    if (parent)
        return vshTableRowAppend(table, name, when, state,
                                 parentName ? parentName : "", NULL);
    return vshTableRowAppend(table, name, when, state, NULL);
}

static bool
cmdSnapshotList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainSnapshot) start = NULL;
    g_autoptr(virshSnapList) list = NULL;
    g_autoptr(vshTable) table = NULL;
    bool tree = vshCommandOptBool(cmd, "tree");
    bool name = vshCommandOptBool(cmd, "name");
    bool from = vshCommandOptBool(cmd, "from");
    bool parent = vshCommandOptBool(cmd, "parent");
    bool roots = vshCommandOptBool(cmd, "roots");
    bool current = vshCommandOptBool(cmd, "current");
    const char *fromName = NULL;
    unsigned int flags = 0;
    int i;

    VSH_EXCLUSIVE_OPTIONS_VAR(tree, name);
    VSH_EXCLUSIVE_OPTIONS_VAR(parent, roots);
    VSH_EXCLUSIVE_OPTIONS_VAR(parent, tree);
    VSH_EXCLUSIVE_OPTIONS_VAR(roots, tree);
    VSH_EXCLUSIVE_OPTIONS_VAR(roots, from);
    VSH_EXCLUSIVE_OPTIONS_VAR(roots, current);
    if (!virshSnapshotListFlags(ctl, cmd, tree, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((from || current) &&
        virshLookupSnapshot(ctl, cmd, "from", true, dom, &start, &fromName) < 0)
        return false;
    if (!(list = virshSnapListCollect(ctl, dom, start, flags, tree)))
        return false;

    if (tree) {
        for (i = 0; i < list->nsnaps; i++) {
            if (!list->snaps[i].parent &&
                vshTreePrint(ctl, virshSnapListLookup, list,
                             list->nsnaps, i) < 0)
                return false;
        }
        return true;
    }
    if (name) {
        for (i = 0; i < list->nsnaps; i++)
            vshPrint(ctl, "%s\n", virDomainSnapshotGetName(list->snaps[i].snap));
        return true;
    }
    if (parent)
        table = vshTableNew("Name", "Creation Time", "State", "Parent", NULL);
    else
        table = vshTableNew("Name", "Creation Time", "State", NULL);
    for (i = 0; i < list->nsnaps; i++) {
        if (virshSnapshotListRow(table, list->snaps[i].snap, parent) < 0)
            return false;
    }
    vshTablePrintToStdout(table, ctl);
    return true;
}

/* ---- snapshot-dumpxml, snapshot-parent ---- */

static const vshCmdInfo info_snapshot_dumpxml = {
    .help = "Dump XML for a domain snapshot",
    .desc = "Snapshot Dump XML",
};

static const vshCmdOptDef opts_snapshot_dumpxml[] = {
    VIRSH_OPT_SNAP_DOMAIN,
    VSH_DATA("snapshotname", "snapshot name",
        .completer = virshSnapshotNameCompleter),
    VSH_BOOL("security-info",
        "include security sensitive information in XML dump"),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdSnapshotDumpXML(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainSnapshot) snap = NULL;
    g_autofree char *xml = NULL;
    const char *name = NULL;
    const char *xpath = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    if (vshCommandOptStringReq(ctl, cmd, "snapshotname", &name) < 0)
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (!(snap = virDomainSnapshotLookupByName(dom, name, 0)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virDomainSnapshotGetXMLDesc(snap, flags)))
        return false;
    return virshDumpXML(ctl, xml, "domain-snapshot", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_snapshot_parent = {
    .help = "Get the name of the parent of a snapshot",
    .desc = "Extract the snapshot's parent, if any",
};

static const vshCmdOptDef opts_snapshot_parent[] = {
    VIRSH_OPT_SNAP_DOMAIN,
    VIRSH_OPT_SNAPNAME("find parent of snapshot name"),
    VSH_BOOL("current", "find parent of current snapshot"),
    VSH_OPT_END
};

static bool
cmdSnapshotParent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainSnapshot) snap = NULL;
    g_autofree char *parent = NULL;
    const char *name = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupSnapshot(ctl, cmd, "snapshotname", true, dom,
                            &snap, &name) < 0)
        return false;
    if (virshGetSnapshotParent(ctl, snap, &parent) < 0)
        return false;
    if (!parent) {
        vshError(ctl, "snapshot '%s' has no parent", name);
        return false;
    }
    vshPrint(ctl, "%s", parent);
    return true;
}

/* ---- snapshot-revert, snapshot-delete ---- */

static const vshCmdInfo info_snapshot_revert = {
    .help = "Revert a domain to a snapshot",
    .desc = "Revert domain to snapshot",
};

static const vshCmdOptDef opts_snapshot_revert[] = {
    VIRSH_OPT_SNAP_DOMAIN,
    VIRSH_OPT_SNAPNAME("snapshot name"),
    VSH_BOOL("current", "revert to current snapshot"),
    VSH_BOOL("running", "after reverting, change state to running"),
    VSH_BOOL("paused", "after reverting, change state to paused"),
    VSH_BOOL("force", "try harder on risky reverts"),
    VSH_BOOL("reset-nvram", "re-initialize NVRAM from its pristine template"),
    VSH_OPT_END
};

static bool
cmdSnapshotRevert(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainSnapshot) snap = NULL;
    const char *name = NULL;
    unsigned int flags = 0;
    int rc;

    if (vshCommandOptBool(cmd, "running"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING;
    if (vshCommandOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED;
    if (vshCommandOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupSnapshot(ctl, cmd, "snapshotname", true, dom,
                            &snap, &name) < 0)
        return false;

    /* --force only when the server says the revert is risky, so older
     * servers that refuse the flag still revert */
    rc = virDomainRevertToSnapshot(snap, flags);
    if (rc < 0 && vshCommandOptBool(cmd, "force") &&
        vshLastErrorCode() == VIR_ERR_SNAPSHOT_REVERT_RISKY) {
        vshResetLibvirtError();
        rc = virDomainRevertToSnapshot(snap,
                                       flags | VIR_DOMAIN_SNAPSHOT_REVERT_FORCE);
    }
    if (rc < 0) {
        vshError(ctl, "Failed to revert snapshot %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain snapshot %s reverted\n", name);
    return true;
}

static const vshCmdInfo info_snapshot_delete = {
    .help = "Delete a domain snapshot",
    .desc = "Snapshot Delete",
};

static const vshCmdOptDef opts_snapshot_delete[] = {
    VIRSH_OPT_SNAP_DOMAIN,
    VIRSH_OPT_SNAPNAME("snapshot name"),
    VSH_BOOL("current", "delete current snapshot"),
    VSH_BOOL("children", "delete snapshot and all children"),
    VSH_BOOL("children-only", "delete children but not snapshot"),
    VSH_BOOL("metadata",
        "delete only libvirt metadata, leaving snapshot contents behind"),
    VSH_OPT_END
};

static bool
cmdSnapshotDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainSnapshot) snap = NULL;
    const char *name = NULL;
    unsigned int flags = 0;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupSnapshot(ctl, cmd, "snapshotname", true, dom,
                            &snap, &name) < 0)
        return false;
    if (vshCommandOptBool(cmd, "children"))
        flags |= VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN;
    if (vshCommandOptBool(cmd, "children-only"))
        flags |= VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY;
    if (vshCommandOptBool(cmd, "metadata"))
        flags |= VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY;
    if (virDomainSnapshotDelete(snap, flags) < 0) {
        vshError(ctl, "Failed to delete snapshot %s", name);
        return false;
    }
    if (flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)
        vshPrintExtra(ctl, "Domain snapshot %s children deleted\n", name);
    else
        vshPrintExtra(ctl, "Domain snapshot %s deleted\n", name);
    return true;
}

const vshCmdDef snapshotCmds[] = {
    VSH_CMD("snapshot-create", cmdSnapshotCreate, snapshot_create),
    VSH_CMD("snapshot-create-as", cmdSnapshotCreateAs, snapshot_create_as),
    VSH_CMD("snapshot-current", cmdSnapshotCurrent, snapshot_current),
    VSH_CMD("snapshot-delete", cmdSnapshotDelete, snapshot_delete),
    VSH_CMD("snapshot-dumpxml", cmdSnapshotDumpXML, snapshot_dumpxml),
    VSH_CMD("snapshot-edit", cmdSnapshotEdit, snapshot_edit),
    VSH_CMD("snapshot-info", cmdSnapshotInfo, snapshot_info),
    VSH_CMD("snapshot-list", cmdSnapshotList, snapshot_list),
    VSH_CMD("snapshot-parent", cmdSnapshotParent, snapshot_parent),
    VSH_CMD("snapshot-revert", cmdSnapshotRevert, snapshot_revert),
    { .name = NULL }
};
