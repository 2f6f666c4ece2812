/*
 * virsh-nodedev.c: the "Node Device" group.
 */
#include <string.h>
#include <strings.h>

#include "virsh.h"

/* The capability names of nodedev-list --cap, in the order of the
 * VIR_CONNECT_LIST_NODE_DEVICES_CAP_* bits: name i is bit i. */
static const char *const virshNodeDevCapNames[] = {
    "system", "pci", "usb_device", "usb", "net", "scsi_host",
    "scsi_target", "scsi", "storage", "fc_host", "vports", "scsi_generic",
    "drm", "mdev_types", "mdev", "ccw", "css", "vdpa", "ap_card",
    "ap_queue", "ap_matrix", "vpd", NULL,
};
G_STATIC_ASSERT(VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD ==
                1 << (G_N_ELEMENTS(virshNodeDevCapNames) - 2));

static const char *const virshNodeDeviceEventNames[] = {
    "lifecycle", "update", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshNodeDeviceEventNames) ==
                VIR_NODE_DEVICE_EVENT_ID_LAST + 1);

/* ---- completers ---- */

static char **
virshNodeDeviceNameCompleter(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED,
                             unsigned int flags)
{
    virConnectPtr conn = virshCompleterConn(ctl);
    virNodeDevicePtr *devs = NULL;
    char **ret;
    int n;
    int i;

    if (!conn || (n = virConnectListAllNodeDevices(conn, &devs, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ret[i] = g_strdup(virNodeDeviceGetName(devs[i]));
        virshNodeDeviceFree(devs[i]);
    }
    g_free(devs);
    return ret;
}

static char **
virshNodeDeviceEventNameCompleter(vshControl *ctl G_GNUC_UNUSED,
                                  const vshCmd *cmd G_GNUC_UNUSED,
                                  unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshNodeDeviceEventNames);
}

static char **
virshNodeDeviceCapabilityNameCompleter(vshControl *ctl, const vshCmd *cmd,
                                       unsigned int flags G_GNUC_UNUSED)
{
    const char *given = NULL;

    if (vshCommandOptStringQuiet(ctl, cmd, "cap", &given) < 0)
        return NULL;
    return virshCommaStringListComplete(given, virshNodeDevCapNames);
}

static char **
virshNodeDevicePCIBackendCompleter(vshControl *ctl G_GNUC_UNUSED,
                                   const vshCmd *cmd G_GNUC_UNUSED,
                                   unsigned int flags G_GNUC_UNUSED)
{
    static const char *const backends[] = {
        "default", "kvm", "vfio", "xen", NULL,
    };

    return virshCompleteWords(backends);
}

#define VIRSH_OPT_NODEDEV(HELP) \
    VSH_DATA("device", HELP, .completer = virshNodeDeviceNameCompleter)
#define VIRSH_OPT_NODEDEV_WWN \
    VIRSH_OPT_NODEDEV("device name or wwn pair in 'wwnn,wwpn' format")

/* ---- lookups ---- */

/* 16 hex digits, after an optional "0x"; else libvirt's error. */
static bool
virshValidateWWN(vshControl *ctl, const char *wwn)
{
    const char *p = g_str_has_prefix(wwn, "0x") ? wwn + 2 : wwn;
    size_t i;

    for (i = 0; p[i] && g_ascii_isxdigit(p[i]); i++)
        ;
    if (i != 16 || p[i]) {
        virshReportInternalError(ctl, "Malformed wwn: %s", wwn);
        return false;
    }
    return true;
}

/* A device by name, or the SCSI host of a "wwnn,wwpn" pair. */
static virNodeDevicePtr
virshFindNodeDevice(vshControl *ctl, const char *value)
{
    virNodeDevicePtr dev;

    if (strchr(value, ',')) {
        g_auto(GStrv) wwn = NULL;

        if (vshStringToArray(value, &wwn) != 2) {
            vshError(ctl, "Malformed device value '%s'", value);
            return NULL;
        }
        if (!virshValidateWWN(ctl, wwn[0]) || !virshValidateWWN(ctl, wwn[1]))
            return NULL;
        dev = virNodeDeviceLookupSCSIHostByWWN(virshConn(ctl), wwn[0],
                                               wwn[1], 0);
    } else {
        dev = virNodeDeviceLookupByName(virshConn(ctl), value);
    }
    if (!dev)
        vshError(ctl, "Could not find matching device '%s'", value);
    return dev;
}

/* The device the "device" option names, by virshFindNodeDevice. */
static virNodeDevicePtr
virshCommandOptNodeDevice(vshControl *ctl, const vshCmd *cmd,
                          const char **value)
{
    if (vshCommandOptStringReq(ctl, cmd, "device", value) < 0)
        return NULL;
    return virshFindNodeDevice(ctl, *value);
}

/* The device the "device" option names, by name only. */
static virNodeDevicePtr
virshCommandOptNodeDeviceByName(vshControl *ctl, const vshCmd *cmd,
                                const char **name)
{
    virNodeDevicePtr dev;

    if (vshCommandOptStringReq(ctl, cmd, "device", name) < 0)
        return NULL;
    if (!(dev = virNodeDeviceLookupByName(virshConn(ctl), *name)))
        vshError(ctl, "Could not find matching device '%s'", *name);
    return dev;
}

/* ---- nodedev-create, nodedev-define ---- */

static const vshCmdInfo info_node_device_create = {
    .help = "create a device defined by an XML file on the node",
    .desc = "Create a device on the node.  Note that this command creates "
            "devices on the physical host that can then be assigned to a "
            "virtual machine.",
};

static const vshCmdOptDef opts_node_device_create[] = {
    VIRSH_OPT_FILE("file containing an XML description of the device"),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static const vshCmdInfo info_node_device_define = {
    .help = "Define a device by an xml file on a node",
    .desc = "Defines a persistent device on the node that can be assigned "
            "to a domain. The device must be started before it can be "
            "assigned to a domain.",
};

#define opts_node_device_define opts_node_device_create

/* The file's XML, to be created or defined; NULL (reported) on error. */
static char *
virshNodeDeviceReadXML(vshControl *ctl, const vshCmd *cmd, const char **from)
{
    char *buffer = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "file", from) < 0)
        return NULL;
    if (virshFileReadAll(ctl, *from, VSH_MAX_XML_FILE, &buffer) < 0)
        return NULL;
    return buffer;
}

static bool
cmdNodeDeviceCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (!(buffer = virshNodeDeviceReadXML(ctl, cmd, &from)))
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_NODE_DEVICE_CREATE_XML_VALIDATE;
    if (!(dev = virNodeDeviceCreateXML(virshConn(ctl), buffer, flags))) {
        vshError(ctl, "Failed to create node device from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Node device %s created from %s\n",
                  virNodeDeviceGetName(dev), from);
    return true;
}

static bool
cmdNodeDeviceDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (!(buffer = virshNodeDeviceReadXML(ctl, cmd, &from)))
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_NODE_DEVICE_DEFINE_XML_VALIDATE;
    if (!(dev = virNodeDeviceDefineXML(virshConn(ctl), buffer, flags))) {
        vshError(ctl, "Failed to define node device from '%s'", from);
        return false;
    }
    vshPrintExtra(ctl, "Node device '%s' defined from '%s'\n",
                  virNodeDeviceGetName(dev), from);
    return true;
}

/* ---- nodedev-destroy, nodedev-undefine ---- */

static const vshCmdInfo info_node_device_destroy = {
    .help = "destroy (stop) a device on the node",
    .desc = "Destroy a device on the node.  Note that this command destroys "
            "devices on the physical host",
};

static const vshCmdOptDef opts_node_device_destroy[] = {
    VSH_ALIAS("name", "device"),
    VIRSH_OPT_NODEDEV_WWN,
    VSH_OPT_END
};

static bool
cmdNodeDeviceDestroy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    const char *value = NULL;

    if (!(dev = virshCommandOptNodeDevice(ctl, cmd, &value)))
        return false;
    if (virNodeDeviceDestroy(dev) < 0) {
        vshError(ctl, "Failed to destroy node device '%s'", value);
        return false;
    }
    vshPrintExtra(ctl, "Destroyed node device '%s'\n", value);
    return true;
}

static const vshCmdInfo info_node_device_undefine = {
    .help = "Undefine an inactive node device",
    .desc = "Undefines the configuration for an inactive node device",
};

static const vshCmdOptDef opts_node_device_undefine[] = {
    VIRSH_OPT_NODEDEV_WWN,
    VSH_OPT_END
};

static bool
cmdNodeDeviceUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    const char *value = NULL;

    if (!(dev = virshCommandOptNodeDevice(ctl, cmd, &value)))
        return false;
    if (virNodeDeviceUndefine(dev, 0) < 0) {
        vshError(ctl, "Failed to undefine node device '%s'", value);
        return false;
    }
    vshPrintExtra(ctl, "Undefined node device '%s'\n", value);
    return true;
}

/* ---- nodedev-list ---- */

static const vshCmdInfo info_node_list_devices = {
    .help = "enumerate devices on this host",
    .desc = "",
};

static const vshCmdOptDef opts_node_list_devices[] = {
    VSH_BOOL("tree", "list devices in a tree"),
    VSH_STRING("cap", "capability names, separated by comma",
        .completer = virshNodeDeviceCapabilityNameCompleter),
    VSH_BOOL("inactive", "list inactive devices"),
    VSH_BOOL("all", "list inactive & active devices"),
    VSH_OPT_END
};

static void
virshNodeDeviceArrayFree(virNodeDevicePtr *devs, int n)
{
    int i;

    for (i = 0; i < n; i++)
        virshNodeDeviceFree(devs[i]);
    g_free(devs);
}

/* Whether one of @dev's capabilities is in @caps; -1 (reported). */
static int
virshNodeDeviceHasCap(vshControl *ctl, virNodeDevicePtr dev, char **caps)
{
    g_auto(GStrv) names = NULL;
    int n;
    int i;

    if ((n = virNodeDeviceNumOfCaps(dev)) < 0) {
        vshError(ctl, "%s",
                 "Failed to get capability numbers of the device");
        return -1;
    }
    names = g_new0(char *, n + 1);
    if ((n = virNodeDeviceListCaps(dev, names, n)) < 0) {
        vshError(ctl, "%s", "Failed to get capability names of the device");
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (g_strv_contains((const char *const *)caps, names[i]))
            return 1;
    }
    return 0;
}

/* The devices by the old calls, filtered by @caps here; -1 (reported). */
static int
virshNodeDeviceListOld(vshControl *ctl, char **caps, virNodeDevicePtr **list)
{
    virConnectPtr conn = virshConn(ctl);
    g_auto(GStrv) names = NULL;
    int kept = 0;
    int n;
    int i;

    if ((n = virNodeNumOfDevices(conn, NULL, 0)) < 0) {
        vshError(ctl, "%s", "Failed to count node devices");
        return -1;
    }
    *list = g_new0(virNodeDevicePtr, n + 1);
    if (n == 0)
        return 0;
    names = g_new0(char *, n + 1);
    if ((n = virNodeListDevices(conn, NULL, names, n, 0)) < 0) {
        vshError(ctl, "%s", "Failed to list node devices");
        return -1;
    }
    for (i = 0; i < n; i++) {
        virNodeDevicePtr dev = virNodeDeviceLookupByName(conn, names[i]);
        int has;

        if (!dev)
            continue;
        (*list)[kept++] = dev;
        if (!caps)
            continue;
        if ((has = virshNodeDeviceHasCap(ctl, dev, caps)) < 0)
            return -1;
        if (!has)
            g_clear_pointer(&(*list)[--kept], virshNodeDeviceFree);
    }
    return kept;
}

static int
virshNodeDeviceSorter(const void *a, const void *b)
{
    virNodeDevicePtr da = *(virNodeDevicePtr *)a;
    virNodeDevicePtr db = *(virNodeDevicePtr *)b;

    if (da && !db)
        return -1;
    if (!da)
        return db != NULL;
    return strcasecmp(virNodeDeviceGetName(da), virNodeDeviceGetName(db));
}

/* The sorted devices @flags (and, by the old calls, @caps) select;
 * -1 (reported) on error. */
static int
virshNodeDeviceCollect(vshControl *ctl, char **caps, unsigned int flags,
                       virNodeDevicePtr **devs)
{
    int n;

    *devs = NULL;
    if ((n = virConnectListAllNodeDevices(virshConn(ctl), devs,
                                          flags)) < 0) {
        if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT) {
            vshError(ctl, "%s", "Failed to list node devices");
            return -1;
        }
        vshResetLibvirtError();
        g_clear_pointer(devs, g_free);
        if ((n = virshNodeDeviceListOld(ctl, caps, devs)) < 0) {
            g_clear_pointer(devs, g_free);
            return -1;
        }
    }
    if (n > 0)
        qsort(*devs, n, sizeof(**devs), virshNodeDeviceSorter);
    return n;
}

/* The flags of nodedev-list's options; false (reported) when they
 * clash. */
static bool
virshNodeListFlags(vshControl *ctl, const vshCmd *cmd, char ***caps,
                   unsigned int *flagsOut)
{
    bool tree = vshCommandOptBool(cmd, "tree");
    bool inactive = vshCommandOptBool(cmd, "inactive");
    bool all = vshCommandOptBool(cmd, "all");
    const char *capStr = NULL;
    unsigned int flags = 0;
    size_t i;

    (void)!vshCommandOptStringQuiet(ctl, cmd, "cap", &capStr);
    if (capStr && vshStringToArray(capStr, caps) < 0)
        return false;
    if (all && inactive) {
        vshError(ctl, "%s", "Option --all is incompatible with --inactive");
        return false;
    }
    if (tree && (capStr || inactive)) {
        vshError(ctl, "%s",
                 "Option --tree is incompatible with --cap and --inactive");
        return false;
    }
    for (i = 0; *caps && (*caps)[i]; i++) {
        int bit = virshWordIndex(virshNodeDevCapNames, (*caps)[i]);

        if (bit < 0) {
            vshError(ctl, "%s", "Invalid capability type");
            return false;
        }
        flags |= 1U << bit;
    }
    if (inactive || all)
        flags |= VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE;
    if (!inactive)
        flags |= VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE;
    *flagsOut = flags;
    return true;
}

typedef struct {
    char **names;
    char **parents;
} virshNodeTree;

static const char *
virshNodeTreeLookup(int id, bool parent, void *opaque)
{
    virshNodeTree *tree = opaque;

    return parent ? tree->parents[id] : tree->names[id];
}

/* Every device under its parent; the roots are "computer" and the
 * devices without a parent. */
static void
virshNodeListTree(vshControl *ctl, virNodeDevicePtr *devs, int n)
{
    virshNodeTree tree = {
        .names = g_new0(char *, n + 1),
        .parents = g_new0(char *, n + 1),
    };
    int i;

    for (i = 0; i < n; i++) {
        tree.names[i] = g_strdup(virNodeDeviceGetName(devs[i]));
        if (strcmp(tree.names[i], "computer") != 0)
            tree.parents[i] = g_strdup(virNodeDeviceGetParent(devs[i]));
    }
    for (i = 0; i < n; i++) {
        if (!tree.parents[i])
            vshTreePrint(ctl, virshNodeTreeLookup, &tree, n, i);
    }
    for (i = 0; i < n; i++)
        g_free(tree.parents[i]);
    g_free(tree.parents);
    g_strfreev(tree.names);
}

static bool
cmdNodeListDevices(vshControl *ctl, const vshCmd *cmd)
{
    g_auto(GStrv) caps = NULL;
    virNodeDevicePtr *devs = NULL;
    unsigned int flags;
    int n;
    int i;

    if (!virshNodeListFlags(ctl, cmd, &caps, &flags))
        return false;
    if ((n = virshNodeDeviceCollect(ctl, caps, flags, &devs)) < 0)
        return false;
    if (vshCommandOptBool(cmd, "tree")) {
        virshNodeListTree(ctl, devs, n);
    } else {
        for (i = 0; i < n; i++)
            vshPrint(ctl, "%s\n", virNodeDeviceGetName(devs[i]));
    }
    virshNodeDeviceArrayFree(devs, n);
    return true;
}

/* ---- nodedev-dumpxml, nodedev-info ---- */

static const vshCmdInfo info_node_device_dumpxml = {
    .help = "node device details in XML",
    .desc = "Output the node device details as an XML dump to stdout.",
};

static const vshCmdOptDef opts_node_device_dumpxml[] = {
    VIRSH_OPT_NODEDEV_WWN,
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdNodeDeviceDumpXML(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    g_autofree char *xml = NULL;
    const char *value = NULL;
    const char *xpath = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "device", &value) < 0)
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(dev = virshFindNodeDevice(ctl, value)))
        return false;
    if (!(xml = virNodeDeviceGetXMLDesc(dev, 0)))
        return false;
    return virshDumpXML(ctl, xml, "node-device", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_node_device_info = {
    .help = "node device information",
    .desc = "Returns basic information about the node device",
};

static const vshCmdOptDef opts_node_device_info[] = {
    VIRSH_OPT_NODEDEV_WWN,
    VSH_OPT_END
};

static bool
cmdNodeDeviceInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    const char *value = NULL;
    const char *parent;
    int autostart;

    if (!(dev = virshCommandOptNodeDevice(ctl, cmd, &value)))
        return false;
    parent = virNodeDeviceGetParent(dev);
    vshPrint(ctl, "%-15s %s\n", "Name:", virNodeDeviceGetName(dev));
    vshPrint(ctl, "%-15s %s\n", "Parent:", parent ? parent : "");
    /* as libvirt's: an error counts as yes */
    vshPrint(ctl, "%-15s %s\n", "Active:",
             virNodeDeviceIsActive(dev) ? "yes" : "no");
    vshPrint(ctl, "%-15s %s\n", "Persistent:",
             virNodeDeviceIsPersistent(dev) ? "yes" : "no");
    if (virNodeDeviceGetAutostart(dev, &autostart) < 0)
        vshPrint(ctl, "%-15s %s\n", "Autostart:", "no autostart");
    else
        vshPrint(ctl, "%-15s %s\n", "Autostart:", autostart ? "yes" : "no");
    return true;
}

/* ---- nodedev-detach, -reattach, -reset, -start ---- */

static const vshCmdInfo info_node_device_detach = {
    .help = "detach node device from its device driver",
    .desc = "Detach node device from its device driver before assigning "
            "to a domain.",
};

static const vshCmdOptDef opts_node_device_detach[] = {
    VIRSH_OPT_NODEDEV("device key"),
    VSH_STRING("driver",
        "pci device assignment backend driver (e.g. 'vfio' or 'xen')",
        .completer = virshNodeDevicePCIBackendCompleter),
    VSH_OPT_END
};

static bool
cmdNodeDeviceDetach(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    const char *name = NULL;
    const char *driver = NULL;
    int rc;

    if (vshCommandOptStringReq(ctl, cmd, "device", &name) < 0)
        return false;
    (void)!vshCommandOptStringQuiet(ctl, cmd, "driver", &driver);
    if (!(dev = virNodeDeviceLookupByName(virshConn(ctl), name))) {
        vshError(ctl, "Could not find matching device '%s'", name);
        return false;
    }
    /* the old call, misspelled in the API, when no driver is named */
    if (driver)
        rc = virNodeDeviceDetachFlags(dev, driver, 0);
    else
        rc = virNodeDeviceDettach(dev);
    if (rc < 0) {
        vshError(ctl, "Failed to detach device %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Device %s detached\n", name);
    return true;
}

static const vshCmdInfo info_node_device_reattach = {
    .help = "reattach node device to its device driver",
    .desc = "Reattach node device to its device driver once released by "
            "the domain.",
};

static const vshCmdOptDef opts_node_device_reattach[] = {
    VIRSH_OPT_NODEDEV("device key"),
    VSH_OPT_END
};

static const vshCmdInfo info_node_device_reset = {
    .help = "reset node device",
    .desc = "Reset node device before or after assigning to a domain.",
};

#define opts_node_device_reset opts_node_device_reattach

static const vshCmdInfo info_node_device_start = {
    .help = "Start an inactive node device",
    .desc = "Starts an inactive node device that was previously defined",
};

static const vshCmdOptDef opts_node_device_start[] = {
    VIRSH_OPT_NODEDEV("device name"),
    VSH_OPT_END
};

static int
virshNodeDeviceStartOne(virNodeDevicePtr dev)
{
    return virNodeDeviceCreate(dev, 0);
}

/* A call on the device named by its name: "Failed to VERB device NAME"
 * or "Device NAME DONE". */
static bool
virshNodeDeviceAct(vshControl *ctl, const vshCmd *cmd,
                   int (*act)(virNodeDevicePtr dev),
                   const char *verb, const char *done)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    const char *name = NULL;

    if (!(dev = virshCommandOptNodeDeviceByName(ctl, cmd, &name)))
        return false;
    if (act(dev) < 0) {
        vshError(ctl, "Failed to %s device %s", verb, name);
        return false;
    }
    vshPrintExtra(ctl, "Device %s %s\n", name, done);
    return true;
}

static bool
cmdNodeDeviceReAttach(vshControl *ctl, const vshCmd *cmd)
{
    return virshNodeDeviceAct(ctl, cmd, virNodeDeviceReAttach,
                              "re-attach", "re-attached");
}

static bool
cmdNodeDeviceReset(vshControl *ctl, const vshCmd *cmd)
{
    return virshNodeDeviceAct(ctl, cmd, virNodeDeviceReset,
                              "reset", "reset");
}

static bool
cmdNodeDeviceStart(vshControl *ctl, const vshCmd *cmd)
{
    return virshNodeDeviceAct(ctl, cmd, virshNodeDeviceStartOne,
                              "start", "started");
}

/* ---- nodedev-autostart ---- */

static const vshCmdInfo info_node_device_autostart = {
    .help = "autostart a defined node device",
    .desc = "Configure a node device to be automatically started at boot.",
};

static const vshCmdOptDef opts_node_device_autostart[] = {
    VIRSH_OPT_NODEDEV_WWN,
    VSH_BOOL("disable", "disable autostarting"),
    VSH_OPT_END
};

static bool
cmdNodeDeviceAutostart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNodeDevice) dev = NULL;
    const char *name = NULL;
    bool autostart = !vshCommandOptBool(cmd, "disable");

    if (!(dev = virshCommandOptNodeDevice(ctl, cmd, &name)))
        return false;
    if (virNodeDeviceSetAutostart(dev, autostart) < 0) {
        vshError(ctl, "failed to %smark device %s as autostarted",
                 autostart ? "" : "un", name);
        return false;
    }
    vshPrintExtra(ctl, "Device %s %smarked as autostarted\n", name,
                  autostart ? "" : "un");
    return true;
}

/* ---- nodedev-event ---- */

static const vshCmdInfo info_node_device_event = {
    .help = "Node Device Events",
    .desc = "List event types, or wait for node device events to occur",
};

static const vshCmdOptDef opts_node_device_event[] = {
    VSH_STRING("device", "filter by node device name",
        .completer = virshNodeDeviceNameCompleter),
    VSH_STRING("event", "which event type to wait for",
        .completer = virshNodeDeviceEventNameCompleter),
    VIRSH_OPT_EVENT_COMMON,
    VSH_OPT_END
};

static void
virshNodeDeviceEventLifecycle(virConnectPtr conn G_GNUC_UNUSED,
                              virNodeDevicePtr dev, int event,
                              int detail G_GNUC_UNUSED, void *opaque)
{
    static const char *const events[] = {
        "Created", "Deleted", "Defined", "Undefined",
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(events) == VIR_NODE_DEVICE_EVENT_LAST);
    virshEventPrint(opaque, "node device", virNodeDeviceGetName(dev),
                    event >= 0 && event < VIR_NODE_DEVICE_EVENT_LAST ?
                    events[event] : "unknown");
}

static void
virshNodeDeviceEventGeneric(virConnectPtr conn G_GNUC_UNUSED,
                            virNodeDevicePtr dev, void *opaque)
{
    virshEventPrint(opaque, "node device", virNodeDeviceGetName(dev), NULL);
}

/* Unlike the other families, an unknown device ends the command. */
static int
virshNodeDeviceEventObj(vshControl *ctl, const vshCmd *cmd, void **obj)
{
    const char *name = NULL;

    *obj = virshCommandOptNodeDeviceByName(ctl, cmd, &name);
    return *obj ? 0 : -1;
}

static void
virshNodeDeviceEventObjFree(void *obj)
{
    virshNodeDeviceFree(obj);
}

static int
virshNodeDeviceEventRegister(virConnectPtr conn, void *obj,
                             virshEventData *data)
{
    static const virConnectNodeDeviceEventGenericCallback callbacks[] = {
        VIR_NODE_DEVICE_EVENT_CALLBACK(virshNodeDeviceEventLifecycle),
        virshNodeDeviceEventGeneric,
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(callbacks) == VIR_NODE_DEVICE_EVENT_ID_LAST);
    return virConnectNodeDeviceEventRegisterAny(conn, obj, data->event,
                                                callbacks[data->event],
                                                data, NULL);
}

static bool
cmdNodeDeviceEvent(vshControl *ctl, const vshCmd *cmd)
{
    static const virshEventFamily family = {
        .names = virshNodeDeviceEventNames, .objOpt = "device",
        .getObj = virshNodeDeviceEventObj,
        .freeObj = virshNodeDeviceEventObjFree,
        .reg = virshNodeDeviceEventRegister,
        .dereg = virConnectNodeDeviceEventDeregisterAny,
    };

    return virshEventCommand(ctl, cmd, &family);
}

const vshCmdDef nodedevCmds[] = {
    VSH_CMD("nodedev-create", cmdNodeDeviceCreate, node_device_create),
    VSH_CMD("nodedev-destroy", cmdNodeDeviceDestroy, node_device_destroy),
    VSH_CMD("nodedev-detach", cmdNodeDeviceDetach, node_device_detach),
    { .name = "nodedev-dettach", .flags = VSH_CMD_FLAG_ALIAS,
      .alias = "nodedev-detach" },
    VSH_CMD("nodedev-dumpxml", cmdNodeDeviceDumpXML, node_device_dumpxml),
    VSH_CMD("nodedev-list", cmdNodeListDevices, node_list_devices),
    VSH_CMD("nodedev-reattach", cmdNodeDeviceReAttach, node_device_reattach),
    VSH_CMD("nodedev-reset", cmdNodeDeviceReset, node_device_reset),
    VSH_CMD("nodedev-event", cmdNodeDeviceEvent, node_device_event),
    VSH_CMD("nodedev-define", cmdNodeDeviceDefine, node_device_define),
    VSH_CMD("nodedev-undefine", cmdNodeDeviceUndefine, node_device_undefine),
    VSH_CMD("nodedev-start", cmdNodeDeviceStart, node_device_start),
    VSH_CMD("nodedev-autostart", cmdNodeDeviceAutostart,
            node_device_autostart),
    VSH_CMD("nodedev-info", cmdNodeDeviceInfo, node_device_info),
    { .name = NULL }
};
