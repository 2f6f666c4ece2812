/*
 * virsh-network.c: the "Networking" group: virtual networks, their
 * ports, DHCP leases and events.
 */
#include <string.h>

#include "virsh.h"
#include "vsh-table.h"

virNetworkPtr
virshCommandOptNetworkBy(vshControl *ctl, const vshCmd *cmd,
                         const char **name, unsigned int flags)
{
    virNetworkPtr net = NULL;
    const char *n = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "network", &n) < 0)
        return NULL;
    vshDebug(ctl, VSH_ERR_INFO, "%s: found option <%s>: %s\n",
             cmd->def->name, "network", n);
    if (name)
        *name = n;
    if ((flags & VIRSH_BYUUID) && strlen(n) == VIR_UUID_STRING_BUFLEN - 1) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as network UUID\n",
                 cmd->def->name, "network");
        net = virNetworkLookupByUUIDString(virshConn(ctl), n);
    }
    if (!net && (flags & VIRSH_BYNAME)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as network NAME\n",
                 cmd->def->name, "network");
        net = virNetworkLookupByName(virshConn(ctl), n);
    }
    if (!net)
        vshError(ctl, "failed to get network '%s'", n);
    return net;
}

static virNetworkPortPtr
virshCommandOptNetworkPort(vshControl *ctl, const vshCmd *cmd,
                           virNetworkPtr net)
{
    virNetworkPortPtr port;
    const char *n = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "port", &n) < 0)
        return NULL;
    vshDebug(ctl, VSH_ERR_INFO, "%s: found option <%s>: %s\n",
             cmd->def->name, "port", n);
    vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as network UUID\n",
             cmd->def->name, "port");
    if (!(port = virNetworkPortLookupByUUIDString(net, n)))
        vshError(ctl, "failed to get network port '%s'", n);
    return port;
}

/* ---- define, create, start, destroy, undefine, autostart ---- */

static const vshCmdInfo info_net_autostart = {
    .help = "autostart a network",
    .desc = "Configure a network to be automatically started at boot.",
};

static const vshCmdOptDef opts_net_autostart[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_PERSISTENT),
    VSH_BOOL("disable", "disable autostarting"),
    VSH_OPT_END
};

static bool
cmdNetAutostart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    const char *name;
    int autostart;

    if (!(net = virshCommandOptNetwork(ctl, cmd, &name)))
        return false;
    autostart = !vshCommandOptBool(cmd, "disable");
    if (virNetworkSetAutostart(net, autostart) < 0) {
        vshError(ctl, autostart ? "failed to mark network %s as autostarted"
                                : "failed to unmark network %s as autostarted",
                 name);
        return false;
    }
    vshPrintExtra(ctl, autostart ? "Network %s marked as autostarted\n"
                                 : "Network %s unmarked as autostarted\n", name);
    return true;
}

/* net-create and net-define: a network from a file. */
static bool
virshNetFromFile(vshControl *ctl, const vshCmd *cmd, bool create)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    bool validate = vshCommandOptBool(cmd, "validate");
    virConnectPtr conn = virshConn(ctl);

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (create)
        net = validate ? virNetworkCreateXMLFlags(conn, buffer,
                                                  VIR_NETWORK_CREATE_VALIDATE)
                       : virNetworkCreateXML(conn, buffer);
    else
        net = validate ? virNetworkDefineXMLFlags(conn, buffer,
                                                  VIR_NETWORK_DEFINE_VALIDATE)
                       : virNetworkDefineXML(conn, buffer);
    if (!net) {
        vshError(ctl, create ? "Failed to create network from %s"
                             : "Failed to define network from %s", from);
        return false;
    }
    vshPrintExtra(ctl, create ? "Network %s created from %s\n"
                              : "Network %s defined from %s\n",
                  virNetworkGetName(net), from);
    return true;
}

static const vshCmdInfo info_net_create = {
    .help = "create a network from an XML file",
    .desc = "Create a network.",
};

static const vshCmdOptDef opts_net_create[] = {
    VSH_DATA("file", "file containing an XML network description",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdNetCreate(vshControl *ctl, const vshCmd *cmd)
{
    return virshNetFromFile(ctl, cmd, true);
}

static const vshCmdInfo info_net_define = {
    .help = "define an inactive persistent virtual network or modify an existing persistent one from an XML file",
    .desc = "Define or modify a persistent virtual network.",
};

static const vshCmdOptDef opts_net_define[] = {
    VSH_DATA("file", "file containing an XML network description",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdNetDefine(vshControl *ctl, const vshCmd *cmd)
{
    return virshNetFromFile(ctl, cmd, false);
}

static const vshCmdInfo info_net_destroy = {
    .help = "destroy (stop) a network",
    .desc = "Forcefully stop a given network.",
};

static const vshCmdOptDef opts_net_destroy[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdNetDestroy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    const char *name;

    if (!(net = virshCommandOptNetwork(ctl, cmd, &name)))
        return false;
    if (virNetworkDestroy(net) != 0) {
        vshError(ctl, "Failed to destroy network %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Network %s destroyed\n", name);
    return true;
}

static const vshCmdInfo info_net_start = {
    .help = "start a (previously defined) inactive network",
    .desc = "Start a network.",
};

static const vshCmdOptDef opts_net_start[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_INACTIVE),
    VSH_OPT_END
};

static bool
cmdNetStart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    const char *name = NULL;

    if (!(net = virshCommandOptNetwork(ctl, cmd, &name)))
        return false;
    if (virNetworkCreate(net) != 0) {
        vshError(ctl, "Failed to start network %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Network %s started\n", name);
    return true;
}

static const vshCmdInfo info_net_undefine = {
    .help = "undefine a persistent network",
    .desc = "Undefine the configuration for a persistent network.",
};

static const vshCmdOptDef opts_net_undefine[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_PERSISTENT),
    VSH_OPT_END
};

static bool
cmdNetUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    const char *name;

    if (!(net = virshCommandOptNetwork(ctl, cmd, &name)))
        return false;
    if (virNetworkUndefine(net) != 0) {
        vshError(ctl, "Failed to undefine network %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Network %s has been undefined\n", name);
    return true;
}

/* ---- dumpxml, info, name, uuid, edit, update ---- */

static const vshCmdInfo info_net_dumpxml = {
    .help = "network information in XML",
    .desc = "Output the network information as an XML dump to stdout.",
};

static const vshCmdOptDef opts_net_dumpxml[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter),
    VSH_BOOL("inactive", "show inactive defined XML"),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdNetDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autofree char *xml = NULL;
    const char *xpath = NULL;
    unsigned int flags = 0;

    if (!(net = virshCommandOptNetwork(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptBool(cmd, "inactive"))
        flags |= VIR_NETWORK_XML_INACTIVE;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virNetworkGetXMLDesc(net, flags)))
        return false;
    return virshDumpXML(ctl, xml, "network", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_net_info = {
    .help = "network information",
    .desc = "Returns basic information about the network",
};

static const vshCmdOptDef opts_net_info[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter),
    VSH_OPT_END
};

static bool
cmdNetInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autofree char *bridge = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    int autostart;
    int persistent;
    int active;

    if (!(net = virshCommandOptNetwork(ctl, cmd, NULL)))
        return false;
    vshPrint(ctl, "%-15s %s\n", "Name:", virNetworkGetName(net));
    if (virNetworkGetUUIDString(net, uuid) == 0)
        vshPrint(ctl, "%-15s %s\n", "UUID:", uuid);
    if ((active = virNetworkIsActive(net)) >= 0)
        vshPrint(ctl, "%-15s %s\n", "Active:", active ? "yes" : "no");
    persistent = virNetworkIsPersistent(net);
    vshPrint(ctl, "%-15s %s\n", "Persistent:",
             persistent < 0 ? "unknown" : persistent ? "yes" : "no");
    if (virNetworkGetAutostart(net, &autostart) < 0)
        vshPrint(ctl, "%-15s %s\n", "Autostart:", "no autostart");
    else
        vshPrint(ctl, "%-15s %s\n", "Autostart:", autostart ? "yes" : "no");
    if ((bridge = virNetworkGetBridgeName(net)))
        vshPrint(ctl, "%-15s %s\n", "Bridge:", bridge);
    return true;
}

static const vshCmdInfo info_net_name = {
    .help = "convert a network UUID to network name",
    .desc = "",
};

static const vshCmdOptDef opts_net_name[] = {
    VSH_DATA("network", "network uuid", .completer = virshNetworkUUIDCompleter),
    VSH_OPT_END
};

static bool
cmdNetName(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;

    if (!(net = virshCommandOptNetworkBy(ctl, cmd, NULL, VIRSH_BYUUID)))
        return false;
    vshPrint(ctl, "%s\n", virNetworkGetName(net));
    return true;
}

static const vshCmdInfo info_net_uuid = {
    .help = "convert a network name to network UUID",
    .desc = "",
};

static const vshCmdOptDef opts_net_uuid[] = {
    VSH_DATA("network", "network name", .completer = virshNetworkNameCompleter),
    VSH_OPT_END
};

static bool
cmdNetUuid(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(net = virshCommandOptNetworkBy(ctl, cmd, NULL, VIRSH_BYNAME)))
        return false;
    if (virNetworkGetUUIDString(net, uuid) != -1)
        vshPrint(ctl, "%s\n", uuid);
    else
        vshError(ctl, "%s", "failed to get network UUID");
    return true;
}

static const vshCmdInfo info_net_edit = {
    .help = "edit XML configuration for a network",
    .desc = "Edit the XML configuration for a network.",
};

static const vshCmdOptDef opts_net_edit[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter),
    VSH_OPT_END
};

typedef struct {
    virNetworkPtr net;
    virNetworkPtr edited;
} virshEditNetwork;

static char *
virshEditNetworkGetXML(vshControl *ctl G_GNUC_UNUSED, void *opaque)
{
    virshEditNetwork *e = opaque;
    char *doc = virNetworkGetXMLDesc(e->net, VIR_NETWORK_XML_INACTIVE);

    /* old servers without the flag */
    if (!doc && vshLastErrorCode() == VIR_ERR_INVALID_ARG) {
        vshResetLibvirtError();
        doc = virNetworkGetXMLDesc(e->net, 0);
    }
    return doc;
}

static void
virshEditNetworkNotChanged(vshControl *ctl, void *opaque)
{
    virshEditNetwork *e = opaque;

    vshPrintExtra(ctl, "Network %s XML configuration not changed.\n",
                  virNetworkGetName(e->net));
}

static bool
virshEditNetworkDefine(vshControl *ctl, const char *xml, void *opaque)
{
    virshEditNetwork *e = opaque;

    virshNetworkFree(e->edited);
    e->edited = virNetworkDefineXML(virshConn(ctl), xml);
    return e->edited != NULL;
}

static bool
cmdNetEdit(vshControl *ctl, const vshCmd *cmd)
{
    static const vshEditOps ops = {
        .getXML = virshEditNetworkGetXML,
        .notChanged = virshEditNetworkNotChanged,
        .define = virshEditNetworkDefine,
    };
    g_autoptr(virshNetwork) net = NULL;
    virshEditNetwork e = { 0 };
    int rc;

    if (!(net = virshCommandOptNetwork(ctl, cmd, NULL)))
        return false;
    e.net = net;
    rc = vshEditLoop(ctl, &ops, &e);
    if (rc == 0)
        vshPrintExtra(ctl, "Network %s XML configuration edited.\n",
                      e.edited ? virNetworkGetName(e.edited) : "(null)");
    virshNetworkFree(e.edited);
    return rc >= 0;
}

static const vshCmdInfo info_net_update = {
    .help = "update parts of an existing network's configuration",
    .desc = "",
};

static const vshCmdOptDef opts_net_update[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter),
    VSH_DATA("command",
        "type of update (add-first, add-last (add), delete, or modify)",
        .completer = virshNetworkUpdateCommandCompleter),
    VSH_DATA("section", "which section of network configuration to update",
        .completer = virshNetworkUpdateSectionCompleter),
    VSH_DATA("xml",
        "name of file containing xml (or, if it starts with '<', the complete xml element itself) to add/modify, or to be matched for search",
        .completer = virshCompletePathLocalExisting),
    VSH_INT("parent-index", "which parent object to search through"),
    VSH_BOOL("config", "affect next network startup"),
    VSH_BOOL("live", "affect running network"),
    VSH_BOOL("current", "affect current state of network"),
    VSH_OPT_END
};

const char *const virshNetworkUpdateCommands[] = {
    "none", "modify", "delete", "add-last", "add-first", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshNetworkUpdateCommands) ==
                VIR_NETWORK_UPDATE_COMMAND_LAST + 1);

const char *const virshNetworkSections[] = {
    "none", "bridge", "domain", "ip", "ip-dhcp-host", "ip-dhcp-range",
    "forward", "forward-interface", "forward-pf", "portgroup", "dns-host",
    "dns-txt", "dns-srv", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshNetworkSections) ==
                VIR_NETWORK_SECTION_LAST + 1);

/* net-update's work; its caller reports whatever error is left. */
static bool
virshNetUpdate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autofree char *fromFile = NULL;
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    unsigned int flags = VIR_NETWORK_UPDATE_AFFECT_CURRENT;
    const char *commandStr = NULL;
    const char *sectionStr = NULL;
    const char *xml = NULL;
    const char *name;
    int parentIndex = -1;
    int command;
    int section;

    VSH_EXCLUSIVE_OPTIONS("current", "live");
    VSH_EXCLUSIVE_OPTIONS("current", "config");
    if (!(net = virshCommandOptNetwork(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "command", &commandStr) < 0)
        return false;
    if (strcmp(commandStr, "add") == 0) {
        command = VIR_NETWORK_UPDATE_COMMAND_ADD_LAST;
    } else if ((command = virshWordIndex(virshNetworkUpdateCommands,
                                         commandStr)) <= 0) {
        vshError(ctl, "unrecognized command name '%s'", commandStr);
        return false;
    }
    if (vshCommandOptStringReq(ctl, cmd, "section", &sectionStr) < 0)
        return false;
    if ((section = virshWordIndex(virshNetworkSections, sectionStr)) <= 0) {
        vshError(ctl, "unrecognized section name '%s'", sectionStr);
        return false;
    }
    if (vshCommandOptInt(ctl, cmd, "parent-index", &parentIndex) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "xml", &xml) < 0)
        return false;
    /* not an element: a file holding one */
    if (*xml != '<') {
        if (virshFileReadAll(ctl, xml, VSH_MAX_XML_FILE, &fromFile) < 0)
            return false;
        xml = fromFile;
    }
    if (config)
        flags |= VIR_NETWORK_UPDATE_AFFECT_CONFIG;
    if (live)
        flags |= VIR_NETWORK_UPDATE_AFFECT_LIVE;

    name = virNetworkGetName(net);
    if (virNetworkUpdate(net, command, section, parentIndex, xml, flags) < 0) {
        vshError(ctl, "Failed to update network %s", name);
        return false;
    }
    if (config && live)
        vshPrintExtra(ctl, "Updated network %s persistent config and live state",
                      name);
    else if (config)
        vshPrintExtra(ctl, "Updated network %s persistent config", name);
    else if (live || virNetworkIsActive(net))
        vshPrintExtra(ctl, "Updated network %s live state", name);
    else
        vshPrintExtra(ctl, "Updated network %s persistent config", name);
    return true;
}

static bool
cmdNetUpdate(vshControl *ctl, const vshCmd *cmd)
{
    bool ret = virshNetUpdate(ctl, cmd);

    vshReportError(ctl);
    return ret;
}

/* ---- net-list ---- */

static const vshCmdInfo info_net_list = {
    .help = "list networks",
    .desc = "Returns list of networks.",
};

static const vshCmdOptDef opts_net_list[] = {
    VSH_BOOL("inactive", "list inactive networks"),
    VSH_BOOL("all", "list inactive & active networks"),
    VSH_BOOL("persistent", "list persistent networks"),
    VSH_BOOL("transient", "list transient networks"),
    VSH_BOOL("autostart", "list networks with autostart enabled"),
    VSH_BOOL("no-autostart", "list networks with autostart disabled"),
    VSH_BOOL("uuid", "list uuid's only"),
    VSH_BOOL("name", "list network names only"),
    VSH_BOOL("table", "list table (default)"),
    VSH_OPT_END
};

#define VIRSH_LIST_NETWORKS_FILTERS_ACTIVE \
    (VIR_CONNECT_LIST_NETWORKS_ACTIVE | VIR_CONNECT_LIST_NETWORKS_INACTIVE)
#define VIRSH_LIST_NETWORKS_FILTERS_PERSISTENT \
    (VIR_CONNECT_LIST_NETWORKS_PERSISTENT | VIR_CONNECT_LIST_NETWORKS_TRANSIENT)
#define VIRSH_LIST_NETWORKS_FILTERS_AUTOSTART \
    (VIR_CONNECT_LIST_NETWORKS_AUTOSTART | \
     VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART)

typedef struct {
    virNetworkPtr *nets;
    size_t nnets;
} virshNetworkList;

static void
virshNetworkListFree(virshNetworkList *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->nnets; i++)
        virshNetworkFree(list->nets[i]);
    g_free(list->nets);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshNetworkList, virshNetworkListFree);

static int
virshNetworkSorter(const void *a, const void *b)
{
    virNetworkPtr na = *(virNetworkPtr *)a;
    virNetworkPtr nb = *(virNetworkPtr *)b;

    if (na && !nb)
        return -1;
    if (!na)
        return nb != NULL;
    return strcasecmp(virNetworkGetName(na), virNetworkGetName(nb));
}

/* Names by the old calls, looked up; -1 (reported) on error. */
static int
virshNetworkListOld(vshControl *ctl, virshNetworkList *list,
                    unsigned int flags)
{
    virConnectPtr conn = virshConn(ctl);
    g_auto(GStrv) names = NULL;
    bool wantActive = !VSH_MATCH(VIRSH_LIST_NETWORKS_FILTERS_ACTIVE) ||
                      VSH_MATCH(VIR_CONNECT_LIST_NETWORKS_ACTIVE);
    bool wantInactive = !VSH_MATCH(VIRSH_LIST_NETWORKS_FILTERS_ACTIVE) ||
                        VSH_MATCH(VIR_CONNECT_LIST_NETWORKS_INACTIVE);
    int nactive = 0;
    int ninactive = 0;
    int i;

    if (wantActive && (nactive = virConnectNumOfNetworks(conn)) < 0) {
        vshError(ctl, "%s", "Failed to get the number of active networks");
        return -1;
    }
    if (wantInactive &&
        (ninactive = virConnectNumOfDefinedNetworks(conn)) < 0) {
        vshError(ctl, "%s", "Failed to get the number of inactive networks");
        return -1;
    }
    if (nactive + ninactive == 0)
        return 0;

    names = g_new0(char *, nactive + ninactive + 1);
    if (wantActive && virConnectListNetworks(conn, names, nactive) < 0) {
        vshError(ctl, "%s", "Failed to list active networks");
        return -1;
    }
    /* as virsh does: the defined ones are asked for under the same
     * condition as the active ones */
    if (wantActive &&
        virConnectListDefinedNetworks(conn, names + nactive, ninactive) < 0) {
        vshError(ctl, "%s", "Failed to list inactive networks");
        return -1;
    }
    list->nets = g_new0(virNetworkPtr, nactive + ninactive + 1);
    for (i = 0; i < nactive + ninactive; i++) {
        virNetworkPtr net;

        if (names[i] && (net = virNetworkLookupByName(conn, names[i])))
            list->nets[list->nnets++] = net;
    }
    return 1;
}

/* 1 when @net passes the filters, 0 when not, -1 on error. */
static int
virshNetworkListMatch(vshControl *ctl, virNetworkPtr net, unsigned int flags)
{
    int v;

    if (VSH_MATCH(VIRSH_LIST_NETWORKS_FILTERS_PERSISTENT)) {
        if ((v = virNetworkIsPersistent(net)) < 0) {
            vshError(ctl, "%s", "Failed to get network persistence info");
            return -1;
        }
        if (!((VSH_MATCH(VIR_CONNECT_LIST_NETWORKS_PERSISTENT) && v) ||
              (VSH_MATCH(VIR_CONNECT_LIST_NETWORKS_TRANSIENT) && !v)))
            return 0;
    }
    if (VSH_MATCH(VIRSH_LIST_NETWORKS_FILTERS_AUTOSTART)) {
        if (virNetworkGetAutostart(net, &v) < 0) {
            vshError(ctl, "%s", "Failed to get network autostart state");
            return -1;
        }
        if (!((VSH_MATCH(VIR_CONNECT_LIST_NETWORKS_AUTOSTART) && v) ||
              (VSH_MATCH(VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART) && !v)))
            return 0;
    }
    return 1;
}

static virshNetworkList *
virshNetworkListCollect(vshControl *ctl, unsigned int flags)
{
    g_autoptr(virshNetworkList) list = g_new0(virshNetworkList, 1);
    virConnectPtr conn = virshConn(ctl);
    size_t kept = 0;
    size_t i;
    int ret;

    if ((ret = virConnectListAllNetworks(conn, &list->nets, flags)) >= 0) {
        list->nnets = ret;
        goto sort;
    }
    if (vshLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        vshResetLibvirtError();
        if ((ret = virshNetworkListOld(ctl, list, flags)) < 0)
            return NULL;
        if (ret == 0)
            return g_steal_pointer(&list);
    } else if (vshLastErrorCode() == VIR_ERR_INVALID_ARG) {
        vshResetLibvirtError();
        if ((ret = virConnectListAllNetworks(conn, &list->nets, flags &
                                             VIRSH_LIST_NETWORKS_FILTERS_ACTIVE)) < 0) {
            vshError(ctl, "%s", "Failed to list networks");
            return NULL;
        }
        list->nnets = ret;
    } else {
        vshError(ctl, "%s", "Failed to list networks");
        return NULL;
    }

    for (i = 0; i < list->nnets; i++) {
        virNetworkPtr net = list->nets[i];
        int match = virshNetworkListMatch(ctl, net, flags);

        if (match < 0)
            return NULL;
        list->nets[i] = NULL;
        if (match)
            list->nets[kept++] = net;
        else
            virshNetworkFree(net);
    }
    list->nnets = kept;

 sort:
    if (list->nnets)
        qsort(list->nets, list->nnets, sizeof(*list->nets),
              virshNetworkSorter);
    return g_steal_pointer(&list);
}

static bool
cmdNetList(vshControl *ctl, const vshCmd *cmd)
{
    static const struct {
        const char *option;
        unsigned int flag;
    } filters[] = {
        { "persistent", VIR_CONNECT_LIST_NETWORKS_PERSISTENT },
        { "transient", VIR_CONNECT_LIST_NETWORKS_TRANSIENT },
        { "autostart", VIR_CONNECT_LIST_NETWORKS_AUTOSTART },
        { "no-autostart", VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART },
    };
    g_autoptr(virshNetworkList) list = NULL;
    g_autoptr(vshTable) table = NULL;
    bool optName = vshCommandOptBool(cmd, "name");
    bool optTable = vshCommandOptBool(cmd, "table");
    bool optUUID = vshCommandOptBool(cmd, "uuid");
    unsigned int flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE;
    size_t i;

    if (vshCommandOptBool(cmd, "inactive"))
        flags = VIR_CONNECT_LIST_NETWORKS_INACTIVE;
    if (vshCommandOptBool(cmd, "all"))
        flags = VIRSH_LIST_NETWORKS_FILTERS_ACTIVE;
    for (i = 0; i < G_N_ELEMENTS(filters); i++) {
        if (vshCommandOptBool(cmd, filters[i].option))
            flags |= filters[i].flag;
    }
    if (optTable + optName + optUUID > 1) {
        vshError(ctl, "%s", "Only one argument from --table, --name and --uuid may be specified.");
        return false;
    }
    if (!optUUID && !optName)
        optTable = true;
    if (!(list = virshNetworkListCollect(ctl, flags)))
        return false;

    if (optTable)
        table = vshTableNew("Name", "State", "Autostart", "Persistent", NULL);
    for (i = 0; i < list->nnets; i++) {
        virNetworkPtr net = list->nets[i];

        if (optTable) {
            int autostart = 0;
            const char *autostartStr;

            if (virNetworkGetAutostart(net, &autostart) < 0)
                autostartStr = "no autostart";
            else
                autostartStr = autostart ? "yes" : "no";
            vshTableRowAppend(table, virNetworkGetName(net),
                              virNetworkIsActive(net) ? "active" : "inactive",
                              autostartStr,
                              virNetworkIsPersistent(net) ? "yes" : "no",
                              NULL);
        } else if (optUUID) {
            char uuid[VIR_UUID_STRING_BUFLEN];

            if (virNetworkGetUUIDString(net, uuid) < 0) {
                vshError(ctl, "%s", "Failed to get network's UUID");
                return false;
            }
            vshPrint(ctl, "%s\n", uuid);
        } else {
            vshPrint(ctl, "%s\n", virNetworkGetName(net));
        }
    }
    if (optTable)
        vshTablePrintToStdout(table, ctl);
    return true;
}

/* ---- net-event ---- */

static const vshCmdInfo info_net_event = {
    .help = "Network Events",
    .desc = "List event types, or wait for network events to occur",
};

static const vshCmdOptDef opts_net_event[] = {
    VSH_STRING("network", "filter by network name or uuid",
        .completer = virshNetworkNameCompleter),
    VSH_STRING("event", "which event type to wait for",
        .completer = virshNetworkEventNameCompleter),
    VIRSH_OPT_EVENT_COMMON,
    VSH_OPT_END
};

static void
virshNetEventLifecyclePrint(virConnectPtr conn G_GNUC_UNUSED,
                            virNetworkPtr net, int event,
                            int detail G_GNUC_UNUSED, void *opaque)
{
    static const char *const events[] = {
        "Defined", "Undefined", "Started", "Stopped",
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(events) == VIR_NETWORK_EVENT_LAST);
    virshEventPrint(opaque, "network", virNetworkGetName(net),
                    event >= 0 && event < VIR_NETWORK_EVENT_LAST ?
                    events[event] : "unknown");
}

const char *const virshNetworkEventNames[] = { "lifecycle", NULL };
G_STATIC_ASSERT(G_N_ELEMENTS(virshNetworkEventNames) ==
                VIR_NETWORK_EVENT_ID_LAST + 1);

/* as libvirt's: an unknown network is reported, and all are watched */
static int
virshNetEventObj(vshControl *ctl, const vshCmd *cmd, void **obj)
{
    *obj = virshCommandOptNetwork(ctl, cmd, NULL);
    return 0;
}

static void
virshNetEventObjFree(void *obj)
{
    virshNetworkFree(obj);
}

static int
virshNetEventRegister(virConnectPtr conn, void *obj, virshEventData *data)
{
    return virConnectNetworkEventRegisterAny(conn, obj, data->event,
                                             VIR_NETWORK_EVENT_CALLBACK(virshNetEventLifecyclePrint),
                                             data, NULL);
}

static bool
cmdNetEvent(vshControl *ctl, const vshCmd *cmd)
{
    static const virshEventFamily family = {
        .names = virshNetworkEventNames, .objOpt = "network",
        .getObj = virshNetEventObj, .freeObj = virshNetEventObjFree,
        .reg = virshNetEventRegister,
        .dereg = virConnectNetworkEventDeregisterAny,
    };

    return virshEventCommand(ctl, cmd, &family);
}

/* ---- net-dhcp-leases ---- */

static const vshCmdInfo info_net_dhcp_leases = {
    .help = "print lease info for a given network",
    .desc = "Print lease info for a given network",
};

static const vshCmdOptDef opts_net_dhcp_leases[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE),
    VSH_STRING("mac", "MAC address", .completer = virshNetworkDhcpMacCompleter),
    VSH_OPT_END
};

static int
virshNetworkDHCPLeaseSorter(const void *a, const void *b)
{
    virNetworkDHCPLeasePtr la = *(virNetworkDHCPLeasePtr *)a;
    virNetworkDHCPLeasePtr lb = *(virNetworkDHCPLeasePtr *)b;

    if (la && !lb)
        return -1;
    if (!la)
        return lb != NULL;
    return strcasecmp(la->mac, lb->mac);
}

static bool
cmdNetDhcpLeases(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autoptr(vshTable) table = NULL;
    virNetworkDHCPLeasePtr *leases = NULL;
    const char *name = NULL;
    const char *mac = NULL;
    int n;
    int i;

    if (vshCommandOptStringReq(ctl, cmd, "mac", &mac) < 0)
        return false;
    if (!(net = virshCommandOptNetwork(ctl, cmd, &name)))
        return false;
    if ((n = virNetworkGetDHCPLeases(net, mac, &leases, 0)) < 0) {
        vshError(ctl, "Failed to get leases info for %s", name);
        return false;
    }
    if (n > 0)
        qsort(leases, n, sizeof(*leases), virshNetworkDHCPLeaseSorter);

    table = vshTableNew("Expiry Time", "MAC address", "Protocol",
                        "IP address", "Hostname", "Client ID or DUID", NULL);
    for (i = 0; i < n; i++) {
        virNetworkDHCPLeasePtr l = leases[i];
        g_autoptr(GDateTime) then = g_date_time_new_from_unix_local(l->expirytime);
        g_autofree char *when = g_date_time_format(then, "%Y-%m-%d %H:%M:%S");
        g_autofree char *cidr = g_strdup_printf("%s/%d", l->ipaddr, l->prefix);
        const char *type = l->type == VIR_IP_ADDR_TYPE_IPV4 ? "ipv4" :
                           l->type == VIR_IP_ADDR_TYPE_IPV6 ? "ipv6" : "-";

        vshTableRowAppend(table, when, l->mac ? l->mac : "-", type, cidr,
                          l->hostname ? l->hostname : "-",
                          l->clientid ? l->clientid : "-", NULL);
    }
    vshTablePrintToStdout(table, ctl);
    for (i = 0; i < n; i++)
        virNetworkDHCPLeaseFree(leases[i]);
    free(leases);
    return true;
}

/* ---- net-port-* ---- */

static const vshCmdInfo info_net_port_list = {
    .help = "list network ports",
    .desc = "Returns list of network ports.",
};

static const vshCmdOptDef opts_net_port_list[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE),
    VSH_BOOL("uuid", "list uuid's only"),
    VSH_BOOL("table", "list table (default)"),
    VSH_OPT_END
};

static int
virshNetworkPortSorter(const void *a, const void *b)
{
    virNetworkPortPtr pa = *(virNetworkPortPtr *)a;
    virNetworkPortPtr pb = *(virNetworkPortPtr *)b;
    unsigned char ua[VIR_UUID_BUFLEN];
    unsigned char ub[VIR_UUID_BUFLEN];

    if (pa && !pb)
        return -1;
    if (!pa)
        return pb != NULL;
    if (virNetworkPortGetUUID(pa, ua) < 0 || virNetworkPortGetUUID(pb, ub) < 0)
        return -1;
    return memcmp(ua, ub, VIR_UUID_BUFLEN);
}

static bool
cmdNetPortList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autoptr(vshTable) table = NULL;
    virNetworkPortPtr *ports = NULL;
    bool optTable = vshCommandOptBool(cmd, "table");
    bool optUUID = vshCommandOptBool(cmd, "uuid");
    bool ret = false;
    int n = 0;
    int i;

    if (optTable + optUUID > 1) {
        vshError(ctl, "%s", "Only one argument from --table and --uuid may be specified.");
        return false;
    }
    if (!optUUID)
        optTable = true;
    if (!(net = virshCommandOptNetwork(ctl, cmd, NULL)))
        return false;
    if ((n = virNetworkListAllPorts(net, &ports, 0)) < 0)
        return false;
    if (n > 0)
        qsort(ports, n, sizeof(*ports), virshNetworkPortSorter);

    if (optTable)
        table = vshTableNew("UUID", NULL);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        if (virNetworkPortGetUUIDString(ports[i], uuid) < 0) {
            vshError(ctl, "%s", "Failed to get network's UUID");
            goto cleanup;
        }
        if (optTable)
            vshTableRowAppend(table, uuid, NULL);
        else
            vshPrint(ctl, "%s\n", uuid);
    }
    if (optTable)
        vshTablePrintToStdout(table, ctl);
    ret = true;

 cleanup:
    for (i = 0; i < n; i++)
        virshNetworkPortFree(ports[i]);
    free(ports);
    return ret;
}

static const vshCmdInfo info_net_port_create = {
    .help = "create a network port from an XML file",
    .desc = "Create a network port.",
};

static const vshCmdOptDef opts_net_port_create[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE),
    VSH_DATA("file", "file containing an XML network port description",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdNetPortCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autoptr(virshNetworkPort) port = NULL;
    g_autofree char *buffer = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    const char *from = NULL;
    unsigned int flags = 0;

    if (!(net = virshCommandOptNetwork(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_NETWORK_PORT_CREATE_VALIDATE;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (!(port = virNetworkPortCreateXML(net, buffer, flags))) {
        vshError(ctl, "Failed to create network from %s", from);
        return false;
    }
    virNetworkPortGetUUIDString(port, uuid);
    vshPrintExtra(ctl, "Network port %s created from %s\n", uuid, from);
    return true;
}

static const vshCmdInfo info_net_port_dumpxml = {
    .help = "network port information in XML",
    .desc = "Output the network port information as an XML dump to stdout.",
};

static const vshCmdOptDef opts_net_port_dumpxml[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE),
    VSH_DATA("port", "port UUID", .completer = virshNetworkPortUUIDCompleter),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdNetPortDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autoptr(virshNetworkPort) port = NULL;
    g_autofree char *xml = NULL;
    const char *xpath = NULL;

    /* as virsh: a failed lookup does not fail the command */
    if (!(net = virshCommandOptNetwork(ctl, cmd, NULL)) ||
        !(port = virshCommandOptNetworkPort(ctl, cmd, net)))
        return true;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virNetworkPortGetXMLDesc(port, 0)))
        return true;
    return virshDumpXML(ctl, xml, "network-port", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_net_port_delete = {
    .help = "delete the specified network port",
    .desc = "Delete the specified network port.",
};

static const vshCmdOptDef opts_net_port_delete[] = {
    VSH_DATA("network", "network name or uuid",
        .completer = virshNetworkNameCompleter,
        .completer_flags = VIR_CONNECT_LIST_NETWORKS_ACTIVE),
    VSH_DATA("port", "port UUID", .completer = virshNetworkPortUUIDCompleter),
    VSH_OPT_END
};

static bool
cmdNetPortDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNetwork) net = NULL;
    g_autoptr(virshNetworkPort) port = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    /* as virsh: a failed lookup does not fail the command */
    if (!(net = virshCommandOptNetwork(ctl, cmd, NULL)) ||
        !(port = virshCommandOptNetworkPort(ctl, cmd, net)) ||
        virNetworkPortGetUUIDString(port, uuid) < 0)
        return true;
    if (virNetworkPortDelete(port, 0) < 0) {
        vshError(ctl, "Failed to delete network port %s", uuid);
        return true;
    }
    vshPrintExtra(ctl, "Network port %s deleted\n", uuid);
    return true;
}

const vshCmdDef networkCmds[] = {
    VSH_CMD("net-autostart", cmdNetAutostart, net_autostart),
    VSH_CMD("net-create", cmdNetCreate, net_create),
    VSH_CMD("net-define", cmdNetDefine, net_define),
    VSH_CMD("net-destroy", cmdNetDestroy, net_destroy),
    VSH_CMD("net-dhcp-leases", cmdNetDhcpLeases, net_dhcp_leases),
    VSH_CMD("net-dumpxml", cmdNetDumpxml, net_dumpxml),
    VSH_CMD("net-edit", cmdNetEdit, net_edit),
    VSH_CMD("net-event", cmdNetEvent, net_event),
    VSH_CMD("net-info", cmdNetInfo, net_info),
    VSH_CMD("net-list", cmdNetList, net_list),
    VSH_CMD("net-name", cmdNetName, net_name),
    VSH_CMD("net-start", cmdNetStart, net_start),
    VSH_CMD("net-undefine", cmdNetUndefine, net_undefine),
    VSH_CMD("net-update", cmdNetUpdate, net_update),
    VSH_CMD("net-uuid", cmdNetUuid, net_uuid),
    VSH_CMD("net-port-list", cmdNetPortList, net_port_list),
    VSH_CMD("net-port-create", cmdNetPortCreate, net_port_create),
    VSH_CMD("net-port-dumpxml", cmdNetPortDumpxml, net_port_dumpxml),
    VSH_CMD("net-port-delete", cmdNetPortDelete, net_port_delete),
    { .name = NULL }
};
