/*
 * virsh-interface.c: the "Interface" group: host interfaces, their
 * change transactions, and bridging an interface.
 */
#include <string.h>

#include "virsh.h"
#include "vsh-table.h"

static virInterfacePtr
virshCommandOptInterfaceBy(vshControl *ctl, const vshCmd *cmd,
                           const char *optname, const char **name,
                           unsigned int flags)
{
    virInterfacePtr iface = NULL;
    unsigned char mac[6];
    const char *n = NULL;
    bool isMac;

    if (!optname)
        optname = "interface";
    if (vshCommandOptStringReq(ctl, cmd, optname, &n) < 0)
        return NULL;
    vshDebug(ctl, VSH_ERR_INFO, "%s: found option <%s>: %s\n",
             cmd->def->name, optname, n);
    if (name)
        *name = n;
    isMac = virshMacAddrParse(n, mac) == 0;
    if (!isMac && (flags & VIRSH_BYNAME)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as interface NAME\n",
                 cmd->def->name, optname);
        iface = virInterfaceLookupByName(virshConn(ctl), n);
    } else if (isMac && (flags & VIRSH_BYMAC)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as interface MAC\n",
                 cmd->def->name, optname);
        iface = virInterfaceLookupByMACString(virshConn(ctl), n);
    }
    if (!iface)
        vshError(ctl, "failed to get interface '%s'", n);
    return iface;
}

#define virshCommandOptInterface(ctl, cmd, name) \
    virshCommandOptInterfaceBy(ctl, cmd, NULL, name, \
                               VIRSH_BYMAC | VIRSH_BYNAME)

static const vshCmdInfo info_iface_edit = {
    .help = "edit XML configuration for a physical host interface",
    .desc = "Edit the XML configuration for a physical host interface.",
};

static const vshCmdOptDef opts_iface_edit[] = {
    VSH_DATA("interface", "interface name or MAC address",
        .completer = virshInterfaceNameCompleter),
    VSH_OPT_END
};

typedef struct {
    virInterfacePtr iface;
    virInterfacePtr edited;
} virshEditInterface;

static char *
virshEditInterfaceGetXML(vshControl *ctl G_GNUC_UNUSED, void *opaque)
{
    return virInterfaceGetXMLDesc(((virshEditInterface *)opaque)->iface,
                                  VIR_INTERFACE_XML_INACTIVE);
}

static void
virshEditInterfaceNotChanged(vshControl *ctl, void *opaque)
{
    vshPrintExtra(ctl, "Interface %s XML configuration not changed.\n",
                  virInterfaceGetName(((virshEditInterface *)opaque)->iface));
}

static bool
virshEditInterfaceDefine(vshControl *ctl, const char *xml, void *opaque)
{
    virshEditInterface *e = opaque;

    virshInterfaceFree(e->edited);
    e->edited = virInterfaceDefineXML(virshConn(ctl), xml, 0);
    return e->edited != NULL;
}

static bool
cmdIfaceEdit(vshControl *ctl, const vshCmd *cmd)
{
    static const vshEditOps ops = {
        .getXML = virshEditInterfaceGetXML,
        .notChanged = virshEditInterfaceNotChanged,
        .define = virshEditInterfaceDefine,
    };
    g_autoptr(virshInterface) iface = NULL;
    virshEditInterface e = { 0 };
    int rc;

    if (!(iface = virshCommandOptInterface(ctl, cmd, NULL)))
        return false;
    e.iface = iface;
    rc = vshEditLoop(ctl, &ops, &e);
    if (rc == 0)
        vshPrintExtra(ctl, "Interface %s XML configuration edited.\n",
                      e.edited ? virInterfaceGetName(e.edited) : "(null)");
    virshInterfaceFree(e.edited);
    return rc >= 0;
}

/* ---- iface-list ---- */

static const vshCmdInfo info_iface_list = {
    .help = "list physical host interfaces",
    .desc = "Returns list of physical host interfaces.",
};

static const vshCmdOptDef opts_iface_list[] = {
    VSH_BOOL("inactive", "list inactive interfaces"),
    VSH_BOOL("all", "list inactive & active interfaces"),
    VSH_OPT_END
};

static int
virshInterfaceSorter(const void *a, const void *b)
{
    virInterfacePtr ia = *(virInterfacePtr *)a;
    virInterfacePtr ib = *(virInterfacePtr *)b;

    if (ia && !ib)
        return -1;
    if (!ia)
        return ib != NULL;
    return strcasecmp(virInterfaceGetName(ia), virInterfaceGetName(ib));
}

/* Names of the old calls, active (@defined false) or defined ones,
 * looked up and added to @list; -1 (reported) on error. */
static int
virshInterfaceListOldPart(vshControl *ctl, GPtrArray *list, bool defined)
{
    virConnectPtr conn = virshConn(ctl);
    const char *msg = defined ? "Failed to list inactive interfaces"
                              : "Failed to list active interfaces";
    g_auto(GStrv) names = NULL;
    int n;
    int i;

    n = defined ? virConnectNumOfDefinedInterfaces(conn)
                : virConnectNumOfInterfaces(conn);
    if (n < 0) {
        vshError(ctl, "%s", msg);
        return -1;
    }
    if (n == 0)
        return 0;
    names = g_new0(char *, n + 1);
    n = defined ? virConnectListDefinedInterfaces(conn, names, n)
                : virConnectListInterfaces(conn, names, n);
    if (n < 0) {
        vshError(ctl, "%s", msg);
        return -1;
    }
    for (i = 0; i < n; i++) {
        virInterfacePtr iface = virInterfaceLookupByName(conn, names[i]);

        if (!iface) {
            vshResetLibvirtError();
            continue;
        }
        g_ptr_array_add(list, iface);
    }
    return 0;
}

static bool
cmdIfaceList(vshControl *ctl, const vshCmd *cmd)
{
    bool inactive = vshCommandOptBool(cmd, "inactive");
    bool all = vshCommandOptBool(cmd, "all");
    unsigned int flags = VIR_CONNECT_LIST_INTERFACES_ACTIVE;
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func(
        (GDestroyNotify)virshInterfaceFree);
    g_autoptr(vshTable) table = NULL;
    virInterfacePtr *ifaces = NULL;
    guint i;
    int n;

    VSH_EXCLUSIVE_OPTIONS_VAR(all, inactive);
    if (inactive)
        flags = VIR_CONNECT_LIST_INTERFACES_INACTIVE;
    if (all)
        flags = VIR_CONNECT_LIST_INTERFACES_INACTIVE |
                VIR_CONNECT_LIST_INTERFACES_ACTIVE;

    if ((n = virConnectListAllInterfaces(virshConn(ctl), &ifaces, flags)) >= 0) {
        for (i = 0; i < (guint)n; i++)
            g_ptr_array_add(list, ifaces[i]);
        g_free(ifaces);
    } else if (vshLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        vshResetLibvirtError();
        if (((flags & VIR_CONNECT_LIST_INTERFACES_ACTIVE) &&
             virshInterfaceListOldPart(ctl, list, false) < 0) ||
            ((flags & VIR_CONNECT_LIST_INTERFACES_INACTIVE) &&
             virshInterfaceListOldPart(ctl, list, true) < 0))
            return false;
    } else {
        vshError(ctl, "%s", "Failed to list interfaces");
        return false;
    }
    if (list->len)
        qsort(list->pdata, list->len, sizeof(gpointer), virshInterfaceSorter);

    table = vshTableNew("Name", "State", "MAC Address", NULL);
    for (i = 0; i < list->len; i++) {
        virInterfacePtr iface = g_ptr_array_index(list, i);

        vshTableRowAppend(table, virInterfaceGetName(iface),
                          virInterfaceIsActive(iface) ? "active" : "inactive",
                          virInterfaceGetMACString(iface), NULL);
    }
    vshTablePrintToStdout(table, ctl);
    return true;
}

/* ---- name, mac, dumpxml, define, undefine, start, destroy ---- */

static const vshCmdInfo info_iface_name = {
    .help = "convert an interface MAC address to interface name",
    .desc = "",
};

static const vshCmdOptDef opts_iface_name[] = {
    VSH_DATA("interface", "interface mac",
        .completer = virshInterfaceMacCompleter),
    VSH_OPT_END
};

static bool
cmdIfaceName(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) iface = NULL;

    if (!(iface = virshCommandOptInterfaceBy(ctl, cmd, NULL, NULL,
                                             VIRSH_BYMAC)))
        return false;
    vshPrint(ctl, "%s\n", virInterfaceGetName(iface));
    return true;
}

static const vshCmdInfo info_iface_mac = {
    .help = "convert an interface name to interface MAC address",
    .desc = "",
};

static const vshCmdOptDef opts_iface_mac[] = {
    VSH_DATA("interface", "interface name",
        .completer = virshInterfaceNameCompleter),
    VSH_OPT_END
};

static bool
cmdIfaceMac(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) iface = NULL;

    if (!(iface = virshCommandOptInterfaceBy(ctl, cmd, NULL, NULL,
                                             VIRSH_BYNAME)))
        return false;
    vshPrint(ctl, "%s\n", virInterfaceGetMACString(iface));
    return true;
}

static const vshCmdInfo info_iface_dumpxml = {
    .help = "interface information in XML",
    .desc = "Output the physical host interface information as an XML dump to stdout.",
};

static const vshCmdOptDef opts_iface_dumpxml[] = {
    VSH_DATA("interface", "interface name or MAC address",
        .completer = virshInterfaceNameCompleter),
    VSH_BOOL("inactive", "show inactive defined XML"),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdIfaceDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) iface = NULL;
    g_autofree char *xml = NULL;
    const char *xpath = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "inactive"))
        flags |= VIR_INTERFACE_XML_INACTIVE;
    if (!(iface = virshCommandOptInterface(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virInterfaceGetXMLDesc(iface, flags)))
        return false;
    return virshDumpXML(ctl, xml, "interface", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_iface_define = {
    .help = "define an inactive persistent physical host interface or modify an existing persistent one from an XML file",
    .desc = "Define or modify a persistent physical host interface.",
};

static const vshCmdOptDef opts_iface_define[] = {
    VSH_DATA("file", "file containing an XML interface description",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdIfaceDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) iface = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_INTERFACE_DEFINE_VALIDATE;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (!(iface = virInterfaceDefineXML(virshConn(ctl), buffer, flags))) {
        vshError(ctl, "Failed to define interface from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Interface %s defined from %s\n",
                  virInterfaceGetName(iface), from);
    return true;
}

static const vshCmdInfo info_iface_undefine = {
    .help = "undefine a physical host interface (remove it from configuration)",
    .desc = "undefine an interface.",
};

static const vshCmdOptDef opts_iface_undefine[] = {
    VSH_DATA("interface", "interface name or MAC address",
        .completer = virshInterfaceNameCompleter),
    VSH_OPT_END
};

static bool
cmdIfaceUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) iface = NULL;
    const char *name;

    if (!(iface = virshCommandOptInterface(ctl, cmd, &name)))
        return false;
    if (virInterfaceUndefine(iface) < 0) {
        vshError(ctl, "Failed to undefine interface %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Interface %s undefined\n", name);
    return true;
}

static const vshCmdInfo info_iface_start = {
    .help = "start a physical host interface (enable it / \"if-up\")",
    .desc = "start a physical host interface.",
};

static const vshCmdOptDef opts_iface_start[] = {
    VSH_DATA("interface", "interface name or MAC address",
        .completer = virshInterfaceNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_INTERFACES_INACTIVE),
    VSH_OPT_END
};

static bool
cmdIfaceStart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) iface = NULL;
    const char *name;

    if (!(iface = virshCommandOptInterface(ctl, cmd, &name)))
        return false;
    if (virInterfaceCreate(iface, 0) < 0) {
        vshError(ctl, "Failed to start interface %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Interface %s started\n", name);
    return true;
}

static const vshCmdInfo info_iface_destroy = {
    .help = "destroy a physical host interface (disable it / \"if-down\")",
    .desc = "forcefully stop a physical host interface.",
};

static const vshCmdOptDef opts_iface_destroy[] = {
    VSH_DATA("interface", "interface name or MAC address",
        .completer = virshInterfaceNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_INTERFACES_ACTIVE),
    VSH_OPT_END
};

static bool
cmdIfaceDestroy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) iface = NULL;
    const char *name;

    if (!(iface = virshCommandOptInterface(ctl, cmd, &name)))
        return false;
    if (virInterfaceDestroy(iface, 0) < 0) {
        vshError(ctl, "Failed to destroy interface %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Interface %s destroyed\n", name);
    /* virsh 9.0.0 fails even when the interface is destroyed */
    return false;
}

/* ---- transactions ---- */

static const vshCmdInfo info_iface_begin = {
    .help = "create a snapshot of current interfaces settings, which can be later committed (iface-commit) or restored (iface-rollback)",
    .desc = "Create a restore point for interfaces settings",
};

static const vshCmdOptDef opts_iface_begin[] = {
    VSH_OPT_END
};

static bool
cmdIfaceBegin(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    if (virInterfaceChangeBegin(virshConn(ctl), 0) < 0) {
        vshError(ctl, "%s", "Failed to begin network config change transaction");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Network config change transaction started\n");
    return true;
}

static const vshCmdInfo info_iface_commit = {
    .help = "commit changes made since iface-begin and free restore point",
    .desc = "commit changes and free restore point",
};

static const vshCmdOptDef opts_iface_commit[] = {
    VSH_OPT_END
};

static bool
cmdIfaceCommit(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    if (virInterfaceChangeCommit(virshConn(ctl), 0) < 0) {
        vshError(ctl, "%s", "Failed to commit network config change transaction");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Network config change transaction committed\n");
    return true;
}

static const vshCmdInfo info_iface_rollback = {
    .help = "rollback to previous saved configuration created via iface-begin",
    .desc = "rollback to previous restore point",
};

static const vshCmdOptDef opts_iface_rollback[] = {
    VSH_OPT_END
};

static bool
cmdIfaceRollback(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    if (virInterfaceChangeRollback(virshConn(ctl), 0) < 0) {
        vshError(ctl, "%s", "Failed to rollback network config change transaction");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Network config change transaction rolled back\n");
    return true;
}

/* ---- bridge, unbridge ---- */

/* Move the <mac>, <bond> and <vlan> children of @from under @to. */
static void
virshInterfaceMoveChildren(xmlNodePtr from, xmlNodePtr to)
{
    xmlNodePtr cur = from->children;

    while (cur) {
        xmlNodePtr node = cur;

        cur = cur->next;
        if (node->type == XML_ELEMENT_NODE &&
            (xmlStrEqual(node->name, BAD_CAST "mac") ||
             xmlStrEqual(node->name, BAD_CAST "bond") ||
             xmlStrEqual(node->name, BAD_CAST "vlan"))) {
            xmlUnlinkNode(node);
            xmlAddChild(to, node);
        }
    }
}

/* The whole document as text, or NULL. */
static char *
virshXMLDocToString(xmlDocPtr doc)
{
    xmlChar *buf = NULL;
    int size = 0;
    char *ret = NULL;

    xmlDocDumpMemory(doc, &buf, &size);
    if (buf && size > 0)
        ret = g_strdup((const char *)buf);
    xmlFree(buf);
    return ret;
}

/* The inactive document of @iface; NULL (reported) on error. */
static xmlDocPtr
virshInterfaceParse(vshControl *ctl, virInterfacePtr iface, const char *name,
                    const char *url, xmlXPathContextPtr *ctxt)
{
    g_autofree char *xml = NULL;
    xmlDocPtr doc;

    if (!(xml = virInterfaceGetXMLDesc(iface, VIR_INTERFACE_XML_INACTIVE)))
        return NULL;
    if (!(doc = virshXMLParse(xml, url, ctxt)))
        vshError(ctl, "Failed to parse configuration of %s", name);
    return doc;
}

static const vshCmdInfo info_iface_bridge = {
    .help = "create a bridge device and attach an existing network device to it",
    .desc = "bridge an existing network device",
};

static const vshCmdOptDef opts_iface_bridge[] = {
    VSH_DATA("interface", "existing interface name",
        .completer = virshInterfaceNameCompleter),
    VSH_DATA("bridge", "new bridge device name"),
    VSH_BOOL("no-stp", "do not enable STP for this bridge"),
    VSH_INT("delay",
        "number of seconds to squelch traffic on newly connected ports"),
    VSH_BOOL("no-start", "don't start the bridge immediately"),
    VSH_OPT_END
};

/* Turn @top (the interface @ifName) into bridge @brName holding it. */
static bool
virshInterfaceMakeBridge(vshControl *ctl, xmlNodePtr top, const char *ifName,
                         const char *brName, bool stp, unsigned int delay)
{
    g_autofree char *type = NULL;
    g_autofree char *name2 = NULL;
    xmlNodePtr br;
    xmlNodePtr inner;

    if (!(type = virshXMLPropString(top, "type"))) {
        vshError(ctl, "Existing device %s has no type", ifName);
        return false;
    }
    if (strcmp(type, "bridge") == 0) {
        vshError(ctl, "Existing device %s is already a bridge", ifName);
        return false;
    }
    if (!(name2 = virshXMLPropString(top, "name")) ||
        strcmp(name2, ifName) != 0) {
        vshError(ctl, "Interface name from config %s doesn't match given supplied name %s",
                 name2 ? name2 : "(null)", ifName);
        return false;
    }
    br = xmlNewChild(top, NULL, BAD_CAST "bridge", NULL);
    xmlSetProp(br, BAD_CAST "stp", BAD_CAST (stp ? "on" : "off"));
    if (stp) {
        g_autofree char *d = g_strdup_printf("%d", delay);

        xmlSetProp(br, BAD_CAST "delay", BAD_CAST d);
    }
    xmlSetProp(top, BAD_CAST "type", BAD_CAST "bridge");
    xmlSetProp(top, BAD_CAST "name", BAD_CAST brName);
    inner = xmlNewChild(br, NULL, BAD_CAST "interface", NULL);
    xmlSetProp(inner, BAD_CAST "type", BAD_CAST type);
    xmlSetProp(inner, BAD_CAST "name", BAD_CAST ifName);
    virshInterfaceMoveChildren(top, inner);
    return true;
}

static bool
cmdIfaceBridge(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) ifHandle = NULL;
    g_autoptr(virshInterface) brHandle = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree char *brXML = NULL;
    const char *ifName;
    const char *brName;
    unsigned int delay = 0;
    bool stp;

    if (!(ifHandle = virshCommandOptInterfaceBy(ctl, cmd, "interface",
                                                &ifName, VIRSH_BYNAME)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "bridge", &brName) < 0)
        return false;
    if ((brHandle = virInterfaceLookupByName(virshConn(ctl), brName))) {
        vshError(ctl, "Network device %s already exists", brName);
        return false;
    }
    stp = !vshCommandOptBool(cmd, "no-stp");
    if (vshCommandOptUInt(ctl, cmd, "delay", &delay) < 0)
        return false;

    if (!(doc = virshInterfaceParse(ctl, ifHandle, ifName,
                                    "(interface definition)", &ctxt)))
        return false;
    if (!virshInterfaceMakeBridge(ctl, ctxt->node, ifName, brName, stp, delay))
        return false;
    if (!(brXML = virshXMLDocToString(doc))) {
        vshError(ctl, "Failed to format new xml document for bridge %s", brName);
        return false;
    }

    /* defining the bridge undefines the interface it holds */
    if (!(brHandle = virInterfaceDefineXML(virshConn(ctl), brXML, 0))) {
        vshError(ctl, "Failed to define new bridge interface %s", brName);
        return false;
    }
    vshPrintExtra(ctl, "Created bridge %s with attached device %s\n",
                  brName, ifName);
    if (!vshCommandOptBool(cmd, "no-start")) {
        if (virInterfaceCreate(brHandle, 0) < 0) {
            vshError(ctl, "Failed to start bridge interface %s", brName);
            return false;
        }
        vshPrintExtra(ctl, "Bridge interface %s started\n", brName);
    }
    return true;
}

static const vshCmdInfo info_iface_unbridge = {
    .help = "undefine a bridge device after detaching its device(s)",
    .desc = "unbridge a network device",
};

static const vshCmdOptDef opts_iface_unbridge[] = {
    VSH_DATA("bridge", "current bridge device name"),
    VSH_BOOL("no-start",
        "don't start the detached interface immediately (not recommended)"),
    VSH_OPT_END
};

/* Turn bridge @top (@brName) into the one interface it holds; its name
 * in *ifName. */
static bool
virshInterfaceUndoBridge(vshControl *ctl, xmlXPathContextPtr ctxt,
                         const char *brName, char **ifName)
{
    xmlNodePtr top = ctxt->node;
    g_autofree char *type = NULL;
    g_autofree char *name = NULL;
    xmlNodePtr inner;

    if (!(type = virshXMLPropString(top, "type"))) {
        vshError(ctl, "Existing device %s has no type", brName);
        return false;
    }
    if (strcmp(type, "bridge") != 0) {
        vshError(ctl, "Device %s is not a bridge", brName);
        return false;
    }
    if (!(name = virshXMLPropString(top, "name")) ||
        strcmp(name, brName) != 0) {
        vshError(ctl, "Interface name from config %s doesn't match given supplied name %s",
                 name ? name : "(null)", brName);
        return false;
    }
    if (!virshXPathNode("./bridge", ctxt)) {
        vshError(ctl, "%s", "No bridge node in xml document");
        return false;
    }
    if (virshXPathNode("./bridge/interface[2]", ctxt)) {
        vshError(ctl, "%s", "Multiple interfaces attached to bridge");
        return false;
    }
    if (!(inner = virshXPathNode("./bridge/interface", ctxt))) {
        vshError(ctl, "%s", "No interface attached to bridge");
        return false;
    }
    g_clear_pointer(&type, g_free);
    if (!(*ifName = virshXMLPropString(inner, "name"))) {
        vshError(ctl, "Device attached to bridge %s has no name", brName);
        return false;
    }
    if (!(type = virshXMLPropString(inner, "type"))) {
        vshError(ctl, "Attached device %s has no type", *ifName);
        return false;
    }
    xmlSetProp(top, BAD_CAST "type", BAD_CAST type);
    xmlSetProp(top, BAD_CAST "name", BAD_CAST *ifName);
    virshInterfaceMoveChildren(inner, top);
    return true;
}

static bool
cmdIfaceUnbridge(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshInterface) brHandle = NULL;
    g_autoptr(virshInterface) ifHandle = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree char *ifXML = NULL;
    g_autofree char *ifName = NULL;
    const char *brName;

    if (!(brHandle = virshCommandOptInterfaceBy(ctl, cmd, "bridge",
                                                &brName, VIRSH_BYNAME)))
        return false;
    if (!(doc = virshInterfaceParse(ctl, brHandle, brName,
                                    "(bridge interface definition)", &ctxt)))
        return false;
    if (!virshInterfaceUndoBridge(ctl, ctxt, brName, &ifName))
        return false;
    if (!(ifXML = virshXMLDocToString(doc))) {
        vshError(ctl, "Failed to format new xml document for detached interface %s",
                 ifName);
        return false;
    }

    /* the bridge goes first, or the interface cannot be defined */
    if (virInterfaceDestroy(brHandle, 0) < 0) {
        vshError(ctl, "Failed to destroy bridge interface %s", brName);
        return false;
    }
    if (virInterfaceUndefine(brHandle) < 0) {
        vshError(ctl, "Failed to undefine bridge interface %s", brName);
        return false;
    }
    if (!(ifHandle = virInterfaceDefineXML(virshConn(ctl), ifXML, 0))) {
        vshError(ctl, "Failed to define new interface %s", ifName);
        return false;
    }
    vshPrintExtra(ctl, "Device %s un-attached from bridge %s\n", ifName,
                  brName);
    if (!vshCommandOptBool(cmd, "no-start")) {
        if (virInterfaceCreate(ifHandle, 0) < 0) {
            vshError(ctl, "Failed to start interface %s", ifName);
            return false;
        }
        vshPrintExtra(ctl, "Interface %s started\n", ifName);
    }
    return true;
}

const vshCmdDef ifaceCmds[] = {
    VSH_CMD("iface-begin", cmdIfaceBegin, iface_begin),
    VSH_CMD("iface-bridge", cmdIfaceBridge, iface_bridge),
    VSH_CMD("iface-commit", cmdIfaceCommit, iface_commit),
    VSH_CMD("iface-define", cmdIfaceDefine, iface_define),
    VSH_CMD("iface-destroy", cmdIfaceDestroy, iface_destroy),
    VSH_CMD("iface-dumpxml", cmdIfaceDumpxml, iface_dumpxml),
    VSH_CMD("iface-edit", cmdIfaceEdit, iface_edit),
    VSH_CMD("iface-list", cmdIfaceList, iface_list),
    VSH_CMD("iface-mac", cmdIfaceMac, iface_mac),
    VSH_CMD("iface-name", cmdIfaceName, iface_name),
    VSH_CMD("iface-rollback", cmdIfaceRollback, iface_rollback),
    VSH_CMD("iface-start", cmdIfaceStart, iface_start),
    VSH_CMD("iface-unbridge", cmdIfaceUnbridge, iface_unbridge),
    VSH_CMD("iface-undefine", cmdIfaceUndefine, iface_undefine),
    { .name = NULL }
};
