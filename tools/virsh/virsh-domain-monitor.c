/*
 * virsh-domain-monitor.c: the "Domain Monitoring" group: list, dominfo,
 * domstate and the per-device views and statistics of a domain.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "virsh.h"
#include "vsh-table.h"

/* ------------------------------------------------------------------ */
/* words for states and reasons                                        */
/* ------------------------------------------------------------------ */

static const char *const virshDomainStates[] = {
    "no state", "running", "idle", "paused", "in shutdown", "shut off",
    "crashed", "pmsuspended",
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainStates) == VIR_DOMAIN_LAST);

const char *
virshDomainStateToString(int state)
{
    if (state < 0 || state >= VIR_DOMAIN_LAST)
        return "no state";
    return virshDomainStates[state];
}

static const char *const reasonsNostate[] = { "unknown", NULL };
static const char *const reasonsRunning[] = {
    "unknown", "booted", "migrated", "restored", "from snapshot",
    "unpaused", "migration canceled", "save canceled", "event wakeup",
    "crashed", "post-copy", "post-copy failed", NULL,
};
static const char *const reasonsBlocked[] = { "unknown", NULL };
static const char *const reasonsPaused[] = {
    "unknown", "user", "migrating", "saving", "dumping", "I/O error",
    "watchdog", "from snapshot", "shutting down", "creating snapshot",
    "crashed", "starting up", "post-copy", "post-copy failed", NULL,
};
static const char *const reasonsShutdown[] = { "unknown", "user", NULL };
static const char *const reasonsShutoff[] = {
    "unknown", "shutdown", "destroyed", "crashed", "migrated", "saved",
    "failed", "from snapshot", "daemon", NULL,
};
static const char *const reasonsCrashed[] = { "unknown", "panicked", NULL };
static const char *const reasonsPMSuspended[] = { "unknown", NULL };

static const char *const *const virshDomainReasons[] = {
    reasonsNostate, reasonsRunning, reasonsBlocked, reasonsPaused,
    reasonsShutdown, reasonsShutoff, reasonsCrashed, reasonsPMSuspended,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainReasons) == VIR_DOMAIN_LAST);

const char *
virshDomainStateReasonToString(int state, int reason)
{
    const char *const *names;
    int i;

    if (state < 0 || state >= VIR_DOMAIN_LAST || reason < 0)
        return "unknown";
    names = virshDomainReasons[state];
    for (i = 0; names[i]; i++) {
        if (i == reason)
            return names[i];
    }
    return "unknown";
}

/* The title or description of @dom ("" when it has none); NULL on error. */
char *
virshGetDomainDescription(vshControl *ctl, virDomainPtr dom, bool title,
                          unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    char *desc;

    desc = virDomainGetMetadata(dom, title ? VIR_DOMAIN_METADATA_TITLE :
                                VIR_DOMAIN_METADATA_DESCRIPTION, NULL, flags);
    if (desc)
        return desc;
    if (virGetLastErrorCode() == VIR_ERR_NO_DOMAIN_METADATA) {
        vshResetLibvirtError();
        return g_strdup("");
    }
    if (virGetLastErrorCode() != VIR_ERR_NO_SUPPORT)
        return NULL;

    /* drivers without the metadata API: read the document */
    if (virshDomainGetXMLFromDom(ctl, dom, flags, &doc, &ctxt) < 0)
        return NULL;
    desc = virshXPathString(title ? "string(./title[1])" :
                            "string(./description[1])", ctxt);
    return desc ? desc : g_strdup("");
}

/* ------------------------------------------------------------------ */
/* dommemstat                                                          */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_dommemstat = {
    .help = "get memory statistics for a domain",
    .desc = "Get memory statistics for a running domain.",
};

static const vshCmdOptDef opts_dommemstat[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_INT("period", "period in seconds to set collection",
        .flags = VSH_OFLAG_REQ_OPT),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

/* Printed names of the statistics, by tag; NULL: not printed. */
static const char *const virshMemStatNames[] = {
    [VIR_DOMAIN_MEMORY_STAT_SWAP_IN] = "swap_in",
    [VIR_DOMAIN_MEMORY_STAT_SWAP_OUT] = "swap_out",
    [VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT] = "major_fault",
    [VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT] = "minor_fault",
    [VIR_DOMAIN_MEMORY_STAT_UNUSED] = "unused",
    [VIR_DOMAIN_MEMORY_STAT_AVAILABLE] = "available",
    [VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON] = "actual",
    [VIR_DOMAIN_MEMORY_STAT_RSS] = "rss",
    [VIR_DOMAIN_MEMORY_STAT_USABLE] = "usable",
    [VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE] = "last_update",
    [VIR_DOMAIN_MEMORY_STAT_DISK_CACHES] = "disk_caches",
    [VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC] = "hugetlb_pgalloc",
    [VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL] = "hugetlb_pgfail",
};

static bool
cmdDommemstat(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    bool current = vshCommandOptBool(cmd, "current");
    unsigned int flags = VIR_DOMAIN_AFFECT_CURRENT;
    const char *name;
    int period = -1;
    int nr;
    int rv;
    int i;

    VSH_EXCLUSIVE_OPTIONS_VAR(current, live);
    VSH_EXCLUSIVE_OPTIONS_VAR(current, config);
    if (config)
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (live)
        flags |= VIR_DOMAIN_AFFECT_LIVE;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (!current && !live && !config && virDomainIsActive(dom) == 1)
        flags |= VIR_DOMAIN_AFFECT_LIVE;

    if ((rv = vshCommandOptInt(ctl, cmd, "period", &period)) < 0)
        return false;
    if (rv > 0) {
        if (period < 0) {
            vshError(ctl, "Invalid collection period value '%d'", period);
            return false;
        }
        if (virDomainSetMemoryStatsPeriod(dom, period, flags) < 0) {
            vshError(ctl, "%s", "Unable to change balloon collection period.");
            return false;
        }
        return true;
    }

    nr = virDomainMemoryStats(dom, stats, VIR_DOMAIN_MEMORY_STAT_NR, 0);
    if (nr == -1) {
        vshError(ctl, "Failed to get memory statistics for domain %s", name);
        return false;
    }
    for (i = 0; i < nr; i++) {
        int tag = stats[i].tag;

        if (tag >= 0 && tag < (int)G_N_ELEMENTS(virshMemStatNames) &&
            virshMemStatNames[tag])
            vshPrint(ctl, "%s %llu\n", virshMemStatNames[tag], stats[i].val);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* domblkinfo, domblklist, domiflist, domif-getlink                    */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_domblkinfo = {
    .help = "domain block device size information",
    .desc = "Get block device size info for a domain.",
};

static const vshCmdOptDef opts_domblkinfo[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_STRING("device", "block device",
        .completer = virshDomainDiskTargetCompleter),
    VSH_BOOL("human", "Human readable output"),
    VSH_BOOL("all", "display all block devices info"),
    VSH_OPT_END
};

static void
virshBlkinfoCells(const virDomainBlockInfo *info, bool human,
                  char **cells /* [3] */)
{
    const unsigned long long vals[3] = {
        info->capacity, info->allocation, info->physical,
    };
    size_t i;

    for (i = 0; i < 3; i++) {
        if (!info->capacity && !info->allocation && !info->physical) {
            cells[i] = g_strdup("-");
        } else if (!human) {
            cells[i] = g_strdup_printf("%llu", vals[i]);
        } else {
            const char *unit;
            double v = vshPrettyCapacity(vals[i], &unit);

            cells[i] = g_strdup_printf("%.3lf %s", v, unit);
        }
    }
}

/* One row of 'domblkinfo --all'; false on error. */
static bool
virshBlkinfoRow(virDomainPtr dom, xmlXPathContextPtr ctxt, bool active,
                bool human, vshTable *table)
{
    g_autofree char *target = virshXPathString("string(./target/@dev)", ctxt);
    g_autofree char *protocol = NULL;
    g_auto(GStrv) cells = g_new0(char *, 4);
    virDomainBlockInfo info = { 0 };

    protocol = virshXPathString("string(./source/@protocol)", ctxt);
    if (virshXPathBoolean("boolean(./source)", ctxt) == 1 &&
        virDomainGetBlockInfo(dom, target, &info, 0) < 0) {
        /* network disks of an inactive domain have no figures */
        if (!protocol || active ||
            virGetLastErrorCode() != VIR_ERR_INTERNAL_ERROR ||
            virGetLastErrorDomain() != VIR_FROM_STORAGE)
            return false;
        memset(&info, 0, sizeof(info));
        vshResetLibvirtError();
    }
    virshBlkinfoCells(&info, human, cells);
    return vshTableRowAppend(table, target, cells[0], cells[1], cells[2],
                             NULL) == 0;
}

static bool
cmdDomblkinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    bool human = vshCommandOptBool(cmd, "human");
    bool all = vshCommandOptBool(cmd, "all");
    const char *device = NULL;

    VSH_EXCLUSIVE_OPTIONS("all", "device");

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (!all && vshCommandOptStringQuiet(ctl, cmd, "device", &device) <= 0) {
        vshError(ctl, "%s", "command 'domblkinfo' requires <device> option");
        return false;
    }

    if (all) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(xmlXPathContext) ctxt = NULL;
        g_autofree xmlNodePtr *disks = NULL;
        g_autoptr(vshTable) table = NULL;
        bool active = virDomainIsActive(dom) == 1;
        int n;
        int i;

        if (virshDomainGetXML(ctl, cmd, 0, &doc, &ctxt) < 0 ||
            (n = virshXPathNodeSet(ctl, "./devices/disk", ctxt, &disks)) < 0)
            return false;
        table = vshTableNew("Target", "Capacity", "Allocation", "Physical",
                            NULL);
        for (i = 0; i < n; i++) {
            ctxt->node = disks[i];
            if (!virshBlkinfoRow(dom, ctxt, active, human, table))
                return false;
        }
        vshTablePrintToStdout(table, ctl);
    } else {
        g_auto(GStrv) cells = g_new0(char *, 4);
        virDomainBlockInfo info;

        if (virDomainGetBlockInfo(dom, device, &info, 0) < 0)
            return false;
        virshBlkinfoCells(&info, human, cells);
        vshPrint(ctl, "%-15s %s\n", "Capacity:", cells[0]);
        vshPrint(ctl, "%-15s %s\n", "Allocation:", cells[1]);
        vshPrint(ctl, "%-15s %s\n", "Physical:", cells[2]);
    }
    return true;
}

static const vshCmdInfo info_domblklist = {
    .help = "list all domain blocks",
    .desc = "Get the summary of block devices for a domain.",
};

static const vshCmdOptDef opts_domblklist[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("inactive", "get inactive rather than running configuration"),
    VSH_BOOL("details", "additionally display the type and device value"),
    VSH_OPT_END
};

/* The source of an NVMe disk as a URL; NULL when it lacks parts. */
static char *
virshNVMeSource(xmlXPathContextPtr ctxt)
{
    g_autofree char *ns = virshXPathString("string(./source/@namespace)", ctxt);
    xmlNodePtr addr = virshXPathNode("./source/address", ctxt);
    const char *attrs[] = { "domain", "bus", "slot", "function" };
    unsigned int v[4] = { 0 };
    size_t i;

    if (!ns || !addr)
        return NULL;
    for (i = 0; i < G_N_ELEMENTS(attrs); i++) {
        g_autofree char *s = virshXMLPropString(addr, attrs[i]);
        char *end;

        if (!s)
            continue;
        v[i] = strtoul(s, &end, 0);
        if (*end)
            return NULL;
    }
    return g_strdup_printf("nvme://%04x:%02x:%02x.%d/%s", v[0], v[1], v[2],
                           (int)v[3], ns);
}

static bool
cmdDomblklist(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *disks = NULL;
    g_autoptr(vshTable) table = NULL;
    bool details = vshCommandOptBool(cmd, "details");
    unsigned int flags = 0;
    int n;
    int i;

    if (vshCommandOptBool(cmd, "inactive"))
        flags |= VIR_DOMAIN_XML_INACTIVE;
    if (virshDomainGetXML(ctl, cmd, flags, &doc, &ctxt) < 0 ||
        (n = virshXPathNodeSet(ctl, "./devices/disk", ctxt, &disks)) < 0)
        return false;

    if (details)
        table = vshTableNew("Type", "Device", "Target", "Source", NULL);
    else
        table = vshTableNew("Target", "Source", NULL);

    for (i = 0; i < n; i++) {
        g_autofree char *type = NULL;
        g_autofree char *device = NULL;
        g_autofree char *target = NULL;
        g_autofree char *source = NULL;

        ctxt->node = disks[i];
        type = virshXPathString("string(./@type)", ctxt);
        if (details) {
            device = virshXPathString("string(./@device)", ctxt);
            if (!type || !device) {
                vshPrint(ctl, "unable to query block list details");
                return false;
            }
        }
        if (!(target = virshXPathString("string(./target/@dev)", ctxt))) {
            vshError(ctl, "unable to query block list");
            return false;
        }
        if (g_strcmp0(type, "nvme") == 0) {
            if (!(source = virshNVMeSource(ctxt))) {
                vshError(ctl, "Unable to query NVMe disk address");
                return false;
            }
        } else {
            source = virshXPathString("string(./source/@file|./source/@dev|"
                                      "./source/@dir|./source/@name|"
                                      "./source/@volume|./source/@path)",
                                      ctxt);
        }
        if (details)
            vshTableRowAppend(table, type, device, target,
                              source ? source : "-", NULL);
        else
            vshTableRowAppend(table, target, source ? source : "-", NULL);
    }
    vshTablePrintToStdout(table, ctl);
    return true;
}

static const vshCmdInfo info_domiflist = {
    .help = "list all domain virtual interfaces",
    .desc = "Get the summary of virtual interfaces for a domain.",
};

static const vshCmdOptDef opts_domiflist[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("inactive", "get inactive rather than running configuration"),
    VSH_OPT_END
};

static bool
cmdDomiflist(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *ifaces = NULL;
    g_autoptr(vshTable) table = NULL;
    unsigned int flags = 0;
    int n;
    int i;

    if (vshCommandOptBool(cmd, "inactive"))
        flags |= VIR_DOMAIN_XML_INACTIVE;
    if (virshDomainGetXML(ctl, cmd, flags, &doc, &ctxt) < 0 ||
        (n = virshXPathNodeSet(ctl, "./devices/interface", ctxt, &ifaces)) < 0)
        return false;

    table = vshTableNew("Interface", "Type", "Source", "Model", "MAC", NULL);
    for (i = 0; i < n; i++) {
        g_autofree char *type = NULL;
        g_autofree char *source = NULL;
        g_autofree char *target = NULL;
        g_autofree char *model = NULL;
        g_autofree char *mac = NULL;

        ctxt->node = ifaces[i];
        type = virshXPathString("string(./@type)", ctxt);
        source = virshXPathString("string(./source/@bridge|./source/@dev|"
                                  "./source/@network|./source/@name|"
                                  "./source/@path)", ctxt);
        target = virshXPathString("string(./target/@dev)", ctxt);
        model = virshXPathString("string(./model/@type)", ctxt);
        mac = virshXPathString("string(./mac/@address)", ctxt);
        if (vshTableRowAppend(table, target ? target : "-", type,
                              source ? source : "-", model ? model : "-",
                              mac ? mac : "-", NULL) < 0)
            return false;
    }
    vshTablePrintToStdout(table, ctl);
    return true;
}

static const vshCmdInfo info_domif_getlink = {
    .help = "get link state of a virtual interface",
    .desc = "Get link state of a domain's virtual interface.",
};

static const vshCmdOptDef opts_domif_getlink[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_DATA("interface", "interface device (MAC Address)",
        .completer = virshDomainInterfaceCompleter),
    VSH_ALIAS("persistent", "config"),
    VSH_BOOL("config", "Get persistent interface state"),
    VSH_OPT_END
};

static bool
cmdDomifGetlink(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *ifaces = NULL;
    g_autofree char *xpath = NULL;
    g_autofree char *state = NULL;
    char mac[VIRSH_MAC_STRING_BUFLEN] = "";
    const char *iface = NULL;
    unsigned int flags = 0;
    int n;

    if (vshCommandOptStringReq(ctl, cmd, "interface", &iface) < 0)
        return false;
    if (vshCommandOptBool(cmd, "config"))
        flags = VIR_DOMAIN_XML_INACTIVE;
    if (virshDomainGetXML(ctl, cmd, flags, &doc, &ctxt) < 0)
        return false;

    virshMacAddrNormalize(iface, mac);
    xpath = g_strdup_printf("/domain/devices/interface[(mac/@address = '%s') or "
                            "                          (target/@dev = '%s')]",
                            mac, iface);
    if ((n = virshXPathNodeSet(ctl, xpath, ctxt, &ifaces)) < 0) {
        vshError(ctl, "Failed to extract interface information");
        return false;
    }
    if (n < 1) {
        if (mac[0])
            vshError(ctl, "Interface (mac: %s) not found.", mac);
        else
            vshError(ctl, "Interface (dev: %s) not found.", iface);
        return false;
    }
    if (n > 1) {
        vshError(ctl, "multiple matching interfaces found");
        return false;
    }

    ctxt->node = ifaces[0];
    if ((state = virshXPathString("string(./link/@state)", ctxt)))
        vshPrint(ctl, "%s %s", iface, state);
    else
        vshPrint(ctl, "%s up", iface);
    return true;
}

/* ------------------------------------------------------------------ */
/* domcontrol, domblkerror                                             */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_domcontrol = {
    .help = "domain control interface state",
    .desc = "Returns state of a control interface to the domain.",
};

static const vshCmdOptDef opts_domcontrol[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdDomcontrol(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const states[] = {
        "ok", "background job", "occupied", "error",
    };
    static const char *const reasons[] = {
        "", "unknown", "monitor failure", "internal (locking) error",
    };
    g_autoptr(virshDomain) dom = NULL;
    virDomainControlInfo info;
    const char *state;

    G_STATIC_ASSERT(G_N_ELEMENTS(states) == VIR_DOMAIN_CONTROL_LAST);
    G_STATIC_ASSERT(G_N_ELEMENTS(reasons) ==
                    VIR_DOMAIN_CONTROL_ERROR_REASON_LAST);

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virDomainGetControlInfo(dom, &info, 0) < 0)
        return false;

    state = info.state < VIR_DOMAIN_CONTROL_LAST ? states[info.state]
                                                 : "unknown";
    if (info.state != VIR_DOMAIN_CONTROL_OK &&
        info.state != VIR_DOMAIN_CONTROL_ERROR)
        vshPrint(ctl, "%s (%0.3fs)\n", state, info.stateTime / 1000.0);
    else if (info.state == VIR_DOMAIN_CONTROL_ERROR && info.details > 0)
        vshPrint(ctl, "%s: %s\n", state,
                 info.details < VIR_DOMAIN_CONTROL_ERROR_REASON_LAST ?
                 reasons[info.details] : "unknown");
    else
        vshPrint(ctl, "%s\n", state);
    return true;
}

static const vshCmdInfo info_domblkerror = {
    .help = "Show errors on block devices",
    .desc = "Show block device errors",
};

static const vshCmdOptDef opts_domblkerror[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdDomblkerror(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const errors[] = {
        "no error", "unspecified error", "no space",
    };
    g_autoptr(virshDomain) dom = NULL;
    g_autofree virDomainDiskErrorPtr disks = NULL;
    int count;
    int n = 0;
    int i;
    bool ret = false;

    G_STATIC_ASSERT(G_N_ELEMENTS(errors) == VIR_DOMAIN_DISK_ERROR_LAST);

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((count = virDomainGetDiskErrors(dom, NULL, 0, 0)) < 0)
        return false;
    if (count > 0) {
        disks = g_new0(virDomainDiskError, count);
        n = count;
        if ((count = virDomainGetDiskErrors(dom, disks, n, 0)) == -1)
            goto cleanup;
    }

    if (count == 0)
        vshPrint(ctl, "No errors found\n");
    for (i = 0; i < count; i++)
        vshPrint(ctl, "%s: %s\n", disks[i].disk,
                 disks[i].error >= 0 &&
                 disks[i].error < VIR_DOMAIN_DISK_ERROR_LAST ?
                 errors[disks[i].error] : "unknown error");
    ret = true;

 cleanup:
    for (i = 0; i < n; i++)
        free(disks[i].disk);
    return ret;
}

/* ------------------------------------------------------------------ */
/* domblkstat, domifstat                                               */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_domblkstat = {
    .help = "get device block stats for a domain",
    .desc = "Get device block stats for a running domain. See man page or use --human for explanation of fields",
};

static const vshCmdOptDef opts_domblkstat[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("device", "block device",
        .flags = VSH_OFLAG_EMPTY_OK,
        .completer = virshDomainDiskTargetCompleter),
    VSH_BOOL("human", "print a more human readable output"),
    VSH_OPT_END
};

/* The fields in the order virsh prints them, with their old short names
 * and their explanations for --human. */
static const struct {
    const char *field;
    const char *legacy;
    const char *human;
} virshBlkstatFields[] = {
    { VIR_DOMAIN_BLOCK_STATS_READ_REQ, "rd_req", "number of read operations:" },
    { VIR_DOMAIN_BLOCK_STATS_READ_BYTES, "rd_bytes", "number of bytes read:" },
    { VIR_DOMAIN_BLOCK_STATS_WRITE_REQ, "wr_req", "number of write operations:" },
    { VIR_DOMAIN_BLOCK_STATS_WRITE_BYTES, "wr_bytes", "number of bytes written:" },
    { VIR_DOMAIN_BLOCK_STATS_ERRS, "errs", "error count:" },
    { VIR_DOMAIN_BLOCK_STATS_FLUSH_REQ, NULL, "number of flush operations:" },
    { VIR_DOMAIN_BLOCK_STATS_READ_TOTAL_TIMES, NULL, "total duration of reads (ns):" },
    { VIR_DOMAIN_BLOCK_STATS_WRITE_TOTAL_TIMES, NULL, "total duration of writes (ns):" },
    { VIR_DOMAIN_BLOCK_STATS_FLUSH_TOTAL_TIMES, NULL, "total duration of flushes (ns):" },
};

/* The old API's struct, for drivers without the typed-parameter one. */
static bool
virshBlkstatLegacy(vshControl *ctl, virDomainPtr dom, const char *name,
                   const char *device, bool human)
{
    virDomainBlockStatsStruct st;
    long long v[5];
    size_t i;

    if (virDomainBlockStats(dom, device, &st, sizeof(st)) == -1) {
        vshError(ctl, "Failed to get block stats %s %s", name, device);
        return false;
    }
    if (human) {
        vshPrint(ctl, "Device: %s\n", device);
        device = "";
    }
    v[0] = st.rd_req;
    v[1] = st.rd_bytes;
    v[2] = st.wr_req;
    v[3] = st.wr_bytes;
    v[4] = st.errs;
    for (i = 0; i < G_N_ELEMENTS(v); i++) {
        if (v[i] >= 0)
            vshPrint(ctl, "%s %-*s %lld\n", device, human ? 31 : 0,
                     human ? virshBlkstatFields[i].human :
                     virshBlkstatFields[i].legacy, v[i]);
    }
    return true;
}

static bool
cmdDomblkstat(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree virTypedParameterPtr params = NULL;
    bool human = vshCommandOptBool(cmd, "human");
    const char *name = NULL;
    const char *device = NULL;
    int nparams = 0;
    size_t i;
    int j;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "device", &device) < 0)
        return false;
    if (!device)
        device = "";  /* all devices */

    if (virDomainBlockStatsFlags(dom, device, NULL, &nparams, 0) < 0) {
        if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT)
            return false;
        vshResetLibvirtError();
        return virshBlkstatLegacy(ctl, dom, name, device, human);
    }

    params = g_new0(virTypedParameter, nparams);
    if (virDomainBlockStatsFlags(dom, device, params, &nparams, 0) < 0) {
        vshError(ctl, "Failed to get block stats for domain '%s' device '%s'",
                 name, device);
        return false;
    }
    if (human) {
        vshPrint(ctl, "Device: %s\n", device);
        device = "";
    }

    /* the known fields first, in their order; then the rest */
    for (i = 0; i < G_N_ELEMENTS(virshBlkstatFields); i++) {
        virTypedParameterPtr par;
        g_autofree char *value = NULL;
        const char *field;

        if (!(par = virTypedParamsGet(params, nparams,
                                      virshBlkstatFields[i].field)))
            continue;
        value = vshGetTypedParamValue(ctl, par);
        par->field[0] = '\0';
        field = human ? virshBlkstatFields[i].human
                      : virshBlkstatFields[i].legacy;
        if (!field)
            field = virshBlkstatFields[i].field;
        vshPrint(ctl, "%s %-*s %s\n", device, human ? 31 : 0, field, value);
    }
    for (j = 0; j < nparams; j++) {
        g_autofree char *value = NULL;

        if (!params[j].field[0])
            continue;
        value = vshGetTypedParamValue(ctl, &params[j]);
        vshPrint(ctl, "%s %s %s\n", device, params[j].field, value);
    }
    return true;
}

static const vshCmdInfo info_domifstat = {
    .help = "get network interface stats for a domain",
    .desc = "Get network interface stats for a running domain.",
};

static const vshCmdOptDef opts_domifstat[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_DATA("interface", "interface device specified by name or MAC Address",
        .completer = virshDomainInterfaceCompleter),
    VSH_OPT_END
};

static bool
cmdDomifstat(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    virDomainInterfaceStatsStruct st;
    const char *name = NULL;
    const char *device = NULL;
    const char *labels[] = {
        "rx_bytes", "rx_packets", "rx_errs", "rx_drop",
        "tx_bytes", "tx_packets", "tx_errs", "tx_drop",
    };
    long long v[8];
    size_t i;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "interface", &device) < 0)
        return false;
    if (virDomainInterfaceStats(dom, device, &st, sizeof(st)) == -1) {
        vshError(ctl, "Failed to get interface stats %s %s", name, device);
        return false;
    }
    v[0] = st.rx_bytes;
    v[1] = st.rx_packets;
    v[2] = st.rx_errs;
    v[3] = st.rx_drop;
    v[4] = st.tx_bytes;
    v[5] = st.tx_packets;
    v[6] = st.tx_errs;
    v[7] = st.tx_drop;
    for (i = 0; i < G_N_ELEMENTS(v); i++) {
        if (v[i] >= 0)
            vshPrint(ctl, "%s %s %lld\n", device, labels[i], v[i]);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* dominfo, domstate, domtime                                          */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_dominfo = {
    .help = "domain information",
    .desc = "Returns basic information about the domain.",
};

static const vshCmdOptDef opts_dominfo[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_OPT_END
};

/* The security lines of dominfo; false on error. */
static bool
virshDominfoSecurity(vshControl *ctl, virDomainPtr dom)
{
    virSecurityModel model;
    g_autofree virSecurityLabelPtr label = NULL;

    memset(&model, 0, sizeof(model));
    if (virNodeGetSecurityModel(virshConn(ctl), &model) == -1) {
        if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT)
            return false;
        vshResetLibvirtError();
        return true;
    }
    if (!model.model[0])
        return true;

    vshPrint(ctl, "%-15s %s\n", "Security model:", model.model);
    vshPrint(ctl, "%-15s %s\n", "Security DOI:", model.doi);
    label = g_new0(virSecurityLabel, 1);
    if (virDomainGetSecurityLabel(dom, label) == -1)
        return false;
    if (label->label[0])
        vshPrint(ctl, "%-15s %s (%s)\n", "Security label:", label->label,
                 label->enforcing ? "enforcing" : "permissive");
    return true;
}

static bool
cmdDominfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *ostype = NULL;
    g_auto(GStrv) messages = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];
    virDomainInfo info;
    unsigned int id;
    int persistent;
    int autostart;
    int managed;
    bool ret = true;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;

    id = virDomainGetID(dom);
    if (id == (unsigned int)-1)
        vshPrint(ctl, "%-15s %s\n", "Id:", "-");
    else
        vshPrint(ctl, "%-15s %d\n", "Id:", id);
    vshPrint(ctl, "%-15s %s\n", "Name:", virDomainGetName(dom));
    if (virDomainGetUUIDString(dom, uuid) == 0)
        vshPrint(ctl, "%-15s %s\n", "UUID:", uuid);
    if ((ostype = virDomainGetOSType(dom)))
        vshPrint(ctl, "%-15s %s\n", "OS Type:", ostype);

    if (virDomainGetInfo(dom, &info) == 0) {
        vshPrint(ctl, "%-15s %s\n", "State:",
                 virshDomainStateToString(info.state));
        vshPrint(ctl, "%-15s %d\n", "CPU(s):", info.nrVirtCpu);
        if (info.cpuTime != 0)
            vshPrint(ctl, "%-15s %.1lfs\n", "CPU time:",
                     info.cpuTime / 1000000000.0);
        if (info.maxMem != UINT_MAX)
            vshPrint(ctl, "%-15s %lu KiB\n", "Max memory:", info.maxMem);
        else
            vshPrint(ctl, "%-15s %s\n", "Max memory:", "no limit");
        vshPrint(ctl, "%-15s %lu KiB\n", "Used memory:", info.memory);
    } else {
        ret = false;
    }

    persistent = virDomainIsPersistent(dom);
    vshDebug(ctl, VSH_ERR_DEBUG, "Domain persistent flag value: %d\n",
             persistent);
    vshPrint(ctl, "%-15s %s\n", "Persistent:",
             persistent < 0 ? "unknown" : persistent ? "yes" : "no");

    if (virDomainGetAutostart(dom, &autostart) == 0)
        vshPrint(ctl, "%-15s %s\n", "Autostart:",
                 autostart ? "enable" : "disable");

    managed = virDomainHasManagedSaveImage(dom, 0);
    vshPrint(ctl, "%-15s %s\n", "Managed save:",
             managed < 0 ? "unknown" : managed ? "yes" : "no");

    if (!virshDominfoSecurity(ctl, dom))
        return false;

    if (virDomainGetMessages(dom, &messages, 0) > 0) {
        size_t i;

        for (i = 0; messages[i]; i++)
            vshPrint(ctl, "%-15s %s\n", i == 0 ? "Messages:" : "",
                     messages[i]);
    }
    return ret;
}

static const vshCmdInfo info_domstate = {
    .help = "domain state",
    .desc = "Returns state about a domain.",
};

static const vshCmdOptDef opts_domstate[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("reason", "also print reason for the state"),
    VSH_OPT_END
};

static bool
cmdDomstate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    int state;
    int reason;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((state = virshDomainState(ctl, dom, &reason)) < 0)
        return false;
    if (vshCommandOptBool(cmd, "reason"))
        vshPrint(ctl, "%s (%s)\n", virshDomainStateToString(state),
                 virshDomainStateReasonToString(state, reason));
    else
        vshPrint(ctl, "%s\n", virshDomainStateToString(state));
    return true;
}

static const vshCmdInfo info_domtime = {
    .help = "domain time",
    .desc = "Gets or sets the domain's system time",
};

static const vshCmdOptDef opts_domtime[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_BOOL("now", "set to the time of the host running virsh"),
    VSH_BOOL("pretty", "print domain's time in human readable form"),
    VSH_BOOL("sync",
        "instead of setting given time, synchronize from domain's RTC"),
    VSH_INT("time", "time to set"),
    VSH_OPT_END
};

static bool
cmdDomtime(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    bool now = vshCommandOptBool(cmd, "now");
    bool pretty = vshCommandOptBool(cmd, "pretty");
    bool sync = vshCommandOptBool(cmd, "sync");
    long long seconds = 0;
    unsigned int nseconds = 0;
    int rv;

    VSH_EXCLUSIVE_OPTIONS("time", "now");
    VSH_EXCLUSIVE_OPTIONS("time", "sync");
    VSH_EXCLUSIVE_OPTIONS("now", "sync");

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((rv = vshCommandOptLongLong(ctl, cmd, "time", &seconds)) < 0)
        return false;

    if (rv > 0 || now || sync) {
        if (now && (seconds = time(NULL)) == (time_t)-1) {
            vshError(ctl, "%s", "Unable to get current time");
            return false;
        }
        return virDomainSetTime(dom, seconds, nseconds,
                                sync ? VIR_DOMAIN_TIME_SYNC : 0) == 0;
    }

    if (virDomainGetTime(dom, &seconds, &nseconds, 0) < 0)
        return false;
    if (pretty) {
        g_autoptr(GDateTime) then = g_date_time_new_from_unix_utc(seconds);
        g_autofree char *text = g_date_time_format(then, "%Y-%m-%d %H:%M:%S");

        vshPrint(ctl, "Time: %s", text);
    } else {
        vshPrint(ctl, "Time: %lld", seconds);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* list                                                                */
/* ------------------------------------------------------------------ */

/* Groups of list flags: a group with no flag set does not filter. */
#define VIRSH_LIST_DOMAINS_FILTERS_ACTIVE \
    (VIR_CONNECT_LIST_DOMAINS_ACTIVE | VIR_CONNECT_LIST_DOMAINS_INACTIVE)
#define VIRSH_LIST_DOMAINS_FILTERS_PERSISTENT \
    (VIR_CONNECT_LIST_DOMAINS_PERSISTENT | VIR_CONNECT_LIST_DOMAINS_TRANSIENT)
#define VIRSH_LIST_DOMAINS_FILTERS_STATE \
    (VIR_CONNECT_LIST_DOMAINS_RUNNING | VIR_CONNECT_LIST_DOMAINS_PAUSED | \
     VIR_CONNECT_LIST_DOMAINS_SHUTOFF | VIR_CONNECT_LIST_DOMAINS_OTHER)
#define VIRSH_LIST_DOMAINS_FILTERS_MANAGEDSAVE \
    (VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE | \
     VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE)
#define VIRSH_LIST_DOMAINS_FILTERS_AUTOSTART \
    (VIR_CONNECT_LIST_DOMAINS_AUTOSTART | VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART)
#define VIRSH_LIST_DOMAINS_FILTERS_SNAPSHOT \
    (VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT | \
     VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT)
#define VIRSH_LIST_DOMAINS_FILTERS_CHECKPOINT \
    (VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT | \
     VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT)

/* Running domains by id first, then inactive ones by name. */
static int
virshDomainSorter(const void *a, const void *b)
{
    virDomainPtr da = *(virDomainPtr *)a;
    virDomainPtr db = *(virDomainPtr *)b;
    unsigned int ida;
    unsigned int idb;
    const unsigned int inactive = (unsigned int)-1;

    if (da && !db)
        return -1;
    if (!da)
        return db != NULL;
    ida = virDomainGetID(da);
    idb = virDomainGetID(db);
    if (ida == inactive && idb == inactive)
        return strcasecmp(virDomainGetName(da), virDomainGetName(db));
    if (ida != inactive && idb != inactive) {
        if (ida > idb)
            return 1;
        if (ida < idb)
            return -1;
    }
    return ida != inactive ? -1 : 1;
}

typedef struct {
    virDomainPtr *domains;
    size_t ndomains;
} virshDomainList;

static void
virshDomainListFree(virshDomainList *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->ndomains; i++)
        virshDomainFree(list->domains[i]);
    g_free(list->domains);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshDomainList, virshDomainListFree);

/* Domains by the old calls (ids of running ones, names of defined ones),
 * for drivers without virConnectListAllDomains. */
static int
virshDomainListOld(vshControl *ctl, virshDomainList *list,
                   unsigned int flags)
{
    virConnectPtr conn = virshConn(ctl);
    g_autofree int *ids = NULL;
    g_auto(GStrv) names = NULL;
    int nids = 0;
    int nnames = 0;
    int i;

    if (!VSH_MATCH(VIRSH_LIST_DOMAINS_FILTERS_ACTIVE) ||
        VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_ACTIVE)) {
        if ((nids = virConnectNumOfDomains(conn)) < 0) {
            vshError(ctl, "%s", "Failed to list active domains");
            return -1;
        }
        if (nids) {
            ids = g_new0(int, nids);
            if ((nids = virConnectListDomains(conn, ids, nids)) < 0) {
                vshError(ctl, "%s", "Failed to list active domains");
                return -1;
            }
        }
    }
    if (!VSH_MATCH(VIRSH_LIST_DOMAINS_FILTERS_ACTIVE) ||
        VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_INACTIVE)) {
        if ((nnames = virConnectNumOfDefinedDomains(conn)) < 0) {
            vshError(ctl, "%s", "Failed to list inactive domains");
            return -1;
        }
        if (nnames) {
            names = g_new0(char *, nnames + 1);
            if ((nnames = virConnectListDefinedDomains(conn, names,
                                                       nnames)) < 0) {
                vshError(ctl, "%s", "Failed to list inactive domains");
                return -1;
            }
        }
    }

    list->domains = g_new0(virDomainPtr, nids + nnames + 1);
    for (i = 0; i < nids; i++) {
        virDomainPtr dom = virDomainLookupByID(conn, ids[i]);

        if (dom)
            list->domains[list->ndomains++] = dom;
    }
    for (i = 0; i < nnames; i++) {
        virDomainPtr dom = virDomainLookupByName(conn, names[i]);

        if (dom)
            list->domains[list->ndomains++] = dom;
    }
    return 0;
}

/* Whether @dom passes the filters of @flags the driver did not apply:
 * 1 yes, 0 no, -1 error (reported). */
static int
virshDomainListMatch(vshControl *ctl, virDomainPtr dom, unsigned int flags)
{
    int v;

    if (VSH_MATCH(VIRSH_LIST_DOMAINS_FILTERS_PERSISTENT)) {
        if ((v = virDomainIsPersistent(dom)) < 0) {
            vshError(ctl, "%s", "Failed to get domain persistence info");
            return -1;
        }
        if (!((VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_PERSISTENT) && v) ||
              (VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_TRANSIENT) && !v)))
            return 0;
    }
    if (VSH_MATCH(VIRSH_LIST_DOMAINS_FILTERS_STATE)) {
        if (virDomainGetState(dom, &v, NULL, 0) < 0) {
            vshError(ctl, "%s", "Failed to get domain state");
            return -1;
        }
        if (!((VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_RUNNING) &&
               v == VIR_DOMAIN_RUNNING) ||
              (VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_PAUSED) &&
               v == VIR_DOMAIN_PAUSED) ||
              (VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_SHUTOFF) &&
               v == VIR_DOMAIN_SHUTOFF) ||
              (VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_OTHER) &&
               v != VIR_DOMAIN_RUNNING && v != VIR_DOMAIN_PAUSED &&
               v != VIR_DOMAIN_SHUTOFF)))
            return 0;
    }
    if (VSH_MATCH(VIRSH_LIST_DOMAINS_FILTERS_AUTOSTART)) {
        if (virDomainGetAutostart(dom, &v) < 0) {
            vshError(ctl, "%s", "Failed to get domain autostart state");
            return -1;
        }
        if (!((VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_AUTOSTART) && v) ||
              (VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART) && !v)))
            return 0;
    }
    if (VSH_MATCH(VIRSH_LIST_DOMAINS_FILTERS_MANAGEDSAVE)) {
        if ((v = virDomainHasManagedSaveImage(dom, 0)) < 0) {
            vshError(ctl, "%s", "Failed to check for managed save image");
            return -1;
        }
        if (!((VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE) && v) ||
              (VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE) && !v)))
            return 0;
    }
    if (VSH_MATCH(VIRSH_LIST_DOMAINS_FILTERS_SNAPSHOT)) {
        if ((v = virDomainSnapshotNum(dom, 0)) < 0) {
            vshError(ctl, "%s", "Failed to get snapshot count");
            return -1;
        }
        if (!((VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT) && v > 0) ||
              (VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT) && v == 0)))
            return 0;
    }
    if (VSH_MATCH(VIRSH_LIST_DOMAINS_FILTERS_CHECKPOINT)) {
        if ((v = virDomainListAllCheckpoints(dom, NULL, 0)) < 0) {
            vshError(ctl, "%s", "Failed to get checkpoint count");
            return -1;
        }
        if (!((VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT) && v > 0) ||
              (VSH_MATCH(VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT) && v == 0)))
            return 0;
    }
    return 1;
}

/* The domains @flags select, sorted; NULL (error reported) on failure. */
static virshDomainList *
virshDomainListCollect(vshControl *ctl, unsigned int flags)
{
    g_autoptr(virshDomainList) list = g_new0(virshDomainList, 1);
    virConnectPtr conn = virshConn(ctl);
    size_t kept = 0;
    size_t i;
    int ret;

    if ((ret = virConnectListAllDomains(conn, &list->domains, flags)) >= 0) {
        list->ndomains = ret;
        goto sort;
    }

    if (vshLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        vshResetLibvirtError();
        if (virshDomainListOld(ctl, list, flags) < 0)
            return NULL;
    } else if (vshLastErrorCode() == VIR_ERR_INVALID_ARG) {
        /* ask again for what every driver knows; filter the rest here */
        unsigned int newflags = flags & (VIR_CONNECT_LIST_DOMAINS_ACTIVE |
                                         VIR_CONNECT_LIST_DOMAINS_INACTIVE);

        vshResetLibvirtError();
        if ((ret = virConnectListAllDomains(conn, &list->domains,
                                            newflags)) < 0) {
            vshError(ctl, "%s", "Failed to list domains");
            return NULL;
        }
        list->ndomains = ret;
    } else {
        vshError(ctl, "%s", "Failed to list domains");
        return NULL;
    }

    for (i = 0; i < list->ndomains; i++) {
        virDomainPtr dom = list->domains[i];
        int match = virshDomainListMatch(ctl, dom, flags);

        if (match < 0)
            return NULL;
        list->domains[i] = NULL;
        if (match)
            list->domains[kept++] = dom;
        else
            virshDomainFree(dom);
    }
    list->ndomains = kept;

 sort:
    if (list->ndomains)
        qsort(list->domains, list->ndomains, sizeof(*list->domains),
              virshDomainSorter);
    return g_steal_pointer(&list);
}

static const vshCmdInfo info_list = {
    .help = "list domains",
    .desc = "Returns list of domains.",
};

static const vshCmdOptDef opts_list[] = {
    VSH_BOOL("inactive", "list inactive domains"),
    VSH_BOOL("all", "list inactive & active domains"),
    VSH_BOOL("transient", "list transient domains"),
    VSH_BOOL("persistent", "list persistent domains"),
    VSH_BOOL("with-snapshot", "list domains with existing snapshot"),
    VSH_BOOL("without-snapshot", "list domains without a snapshot"),
    VSH_BOOL("with-checkpoint", "list domains with existing checkpoint"),
    VSH_BOOL("without-checkpoint", "list domains without a checkpoint"),
    VSH_BOOL("state-running", "list domains in running state"),
    VSH_BOOL("state-paused", "list domains in paused state"),
    VSH_BOOL("state-shutoff", "list domains in shutoff state"),
    VSH_BOOL("state-other", "list domains in other states"),
    VSH_BOOL("autostart", "list domains with autostart enabled"),
    VSH_BOOL("no-autostart", "list domains with autostart disabled"),
    VSH_BOOL("with-managed-save", "list domains with managed save state"),
    VSH_BOOL("without-managed-save", "list domains without managed save"),
    VSH_BOOL("uuid", "list uuid's only"),
    VSH_BOOL("name", "list domain names only"),
    VSH_BOOL("id", "list domain IDs only"),
    VSH_BOOL("table", "list table (default)"),
    VSH_BOOL("managed-save", "mark inactive domains with managed save state"),
    VSH_BOOL("title", "show domain title"),
    VSH_OPT_END
};

/* The filter options of 'list' and the flags they add. */
static const struct {
    const char *option;
    unsigned int flag;
} virshListFilters[] = {
    { "persistent", VIR_CONNECT_LIST_DOMAINS_PERSISTENT },
    { "transient", VIR_CONNECT_LIST_DOMAINS_TRANSIENT },
    { "with-managed-save", VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE },
    { "without-managed-save", VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE },
    { "autostart", VIR_CONNECT_LIST_DOMAINS_AUTOSTART },
    { "no-autostart", VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART },
    { "with-snapshot", VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT },
    { "without-snapshot", VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT },
    { "with-checkpoint", VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT },
    { "without-checkpoint", VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT },
    { "state-running", VIR_CONNECT_LIST_DOMAINS_RUNNING },
    { "state-paused", VIR_CONNECT_LIST_DOMAINS_PAUSED },
    { "state-shutoff", VIR_CONNECT_LIST_DOMAINS_SHUTOFF },
    { "state-other", VIR_CONNECT_LIST_DOMAINS_OTHER },
};

/* One table row of 'list'; -1 on error, 0 when the domain went away. */
static int
virshListRow(vshControl *ctl, virDomainPtr dom, const char *id,
             bool managed, bool title, vshTable *table)
{
    g_autofree char *desc = NULL;
    const char *state;
    int st = virshDomainState(ctl, dom, NULL);

    if (st < 0)
        return 0;
    if (managed && st == VIR_DOMAIN_SHUTOFF &&
        virDomainHasManagedSaveImage(dom, 0) > 0)
        state = "saved";
    else
        state = virshDomainStateToString(st);

    if (!title)
        return vshTableRowAppend(table, id, virDomainGetName(dom), state,
                                 NULL);
    if (!(desc = virshGetDomainDescription(ctl, dom, true, 0)))
        return -1;
    return vshTableRowAppend(table, id, virDomainGetName(dom), state, desc,
                             NULL);
}

static bool
cmdList(vshControl *ctl, const vshCmd *cmd)
{
    bool managed = vshCommandOptBool(cmd, "managed-save");
    bool optTitle = vshCommandOptBool(cmd, "title");
    bool optTable = vshCommandOptBool(cmd, "table");
    bool optUUID = vshCommandOptBool(cmd, "uuid");
    bool optName = vshCommandOptBool(cmd, "name");
    bool optID = vshCommandOptBool(cmd, "id");
    unsigned int flags = VIR_CONNECT_LIST_DOMAINS_ACTIVE;
    g_autoptr(virshDomainList) list = NULL;
    g_autoptr(vshTable) table = NULL;
    size_t i;

    if (vshCommandOptBool(cmd, "inactive") ||
        vshCommandOptBool(cmd, "state-shutoff"))
        flags = VIR_CONNECT_LIST_DOMAINS_INACTIVE;
    if (vshCommandOptBool(cmd, "all"))
        flags = VIR_CONNECT_LIST_DOMAINS_INACTIVE |
                VIR_CONNECT_LIST_DOMAINS_ACTIVE;
    for (i = 0; i < G_N_ELEMENTS(virshListFilters); i++) {
        if (vshCommandOptBool(cmd, virshListFilters[i].option))
            flags |= virshListFilters[i].flag;
    }

    VSH_EXCLUSIVE_OPTIONS("table", "name");
    VSH_EXCLUSIVE_OPTIONS("table", "uuid");
    VSH_EXCLUSIVE_OPTIONS("table", "id");
    if (!optUUID && !optName && !optID)
        optTable = true;

    if (!(list = virshDomainListCollect(ctl, flags)))
        return false;

    if (optTable) {
        if (optTitle)
            table = vshTableNew("Id", "Name", "State", "Title", NULL);
        else
            table = vshTableNew("Id", "Name", "State", NULL);
    }

    for (i = 0; i < list->ndomains; i++) {
        virDomainPtr dom = list->domains[i];
        unsigned int id = virDomainGetID(dom);
        g_autofree char *idstr = NULL;
        const char *sep = "";

        idstr = id != (unsigned int)-1 ? g_strdup_printf("%d", id)
                                       : g_strdup("-");
        if (optTable) {
            if (virshListRow(ctl, dom, idstr, managed, optTitle, table) < 0)
                return false;
            continue;
        }
        if (optUUID) {
            char uuid[VIR_UUID_STRING_BUFLEN];

            if (virDomainGetUUIDString(dom, uuid) < 0) {
                vshError(ctl, "%s", "Failed to get domain's UUID");
                return false;
            }
            vshPrint(ctl, "%s", uuid);
            sep = " ";
        }
        if (optID) {
            /* alone, --id lists running domains only */
            if (id == (unsigned int)-1 && !optUUID && !optName)
                continue;
            vshPrint(ctl, "%s%s", sep, idstr);
            sep = " ";
        }
        if (optName)
            vshPrint(ctl, "%s%s", sep, virDomainGetName(dom));
        vshPrint(ctl, "\n");
    }

    if (optTable)
        vshTablePrintToStdout(table, ctl);
    return true;
}

/* ------------------------------------------------------------------ */
/* domstats, domifaddr                                                 */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_domstats = {
    .help = "get statistics about one or multiple domains",
    .desc = "Gets statistics about one or more (or all) domains",
};

static const vshCmdOptDef opts_domstats[] = {
    VSH_BOOL("state", "report domain state"),
    VSH_BOOL("cpu-total", "report domain physical cpu usage"),
    VSH_BOOL("balloon", "report domain balloon statistics"),
    VSH_BOOL("vcpu", "report domain virtual cpu information"),
    VSH_BOOL("interface", "report domain network interface information"),
    VSH_BOOL("block", "report domain block device statistics"),
    VSH_BOOL("perf", "report domain perf event statistics"),
    VSH_BOOL("iothread", "report domain IOThread information"),
    VSH_BOOL("memory", "report domain memory usage"),
    VSH_BOOL("dirtyrate", "report domain dirty rate information"),
    VSH_BOOL("vm", "report hypervisor-specific statistics"),
    VSH_BOOL("list-active", "list only active domains"),
    VSH_BOOL("list-inactive", "list only inactive domains"),
    VSH_BOOL("list-persistent", "list only persistent domains"),
    VSH_BOOL("list-transient", "list only transient domains"),
    VSH_BOOL("list-running", "list only running domains"),
    VSH_BOOL("list-paused", "list only paused domains"),
    VSH_BOOL("list-shutoff", "list only shutoff domains"),
    VSH_BOOL("list-other", "list only domains in other states"),
    VSH_BOOL("raw", "do not pretty-print the fields"),
    VSH_BOOL("enforce", "enforce requested stats parameters"),
    VSH_BOOL("backing", "add backing chain information to block stats"),
    VSH_BOOL("nowait", "report only stats that are accessible instantly"),
    VSH_ARGV("domain", "list of domains to get stats for",
        .completer = virshDomainNameCompleter),
    VSH_OPT_END
};

/* Options of domstats and the bits they set: stats groups, then flags. */
static const struct {
    const char *option;
    unsigned int bit;
    bool isFlag;
} virshDomstatsOpts[] = {
    { "state", VIR_DOMAIN_STATS_STATE, false },
    { "cpu-total", VIR_DOMAIN_STATS_CPU_TOTAL, false },
    { "balloon", VIR_DOMAIN_STATS_BALLOON, false },
    { "vcpu", VIR_DOMAIN_STATS_VCPU, false },
    { "interface", VIR_DOMAIN_STATS_INTERFACE, false },
    { "block", VIR_DOMAIN_STATS_BLOCK, false },
    { "perf", VIR_DOMAIN_STATS_PERF, false },
    { "iothread", VIR_DOMAIN_STATS_IOTHREAD, false },
    { "memory", VIR_DOMAIN_STATS_MEMORY, false },
    { "dirtyrate", VIR_DOMAIN_STATS_DIRTYRATE, false },
    { "vm", VIR_DOMAIN_STATS_VM, false },
    { "list-active", VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE, true },
    { "list-inactive", VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE, true },
    { "list-persistent", VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT, true },
    { "list-transient", VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT, true },
    { "list-running", VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING, true },
    { "list-paused", VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED, true },
    { "list-shutoff", VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF, true },
    { "list-other", VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER, true },
    { "enforce", VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS, true },
    { "backing", VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING, true },
    { "nowait", VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT, true },
};

static bool
virshDomainStatsPrintRecord(vshControl *ctl, virDomainStatsRecordPtr record)
{
    int i;

    vshPrint(ctl, "Domain: '%s'\n", virDomainGetName(record->dom));
    for (i = 0; i < record->nparams; i++) {
        g_autofree char *value = vshGetTypedParamValue(ctl,
                                                       &record->params[i]);

        vshPrint(ctl, "  %s=%s\n", record->params[i].field, value);
    }
    return true;
}

static bool
cmdDomstats(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(GPtrArray) doms = g_ptr_array_new_with_free_func(
        (GDestroyNotify)virshDomainFree);
    virDomainStatsRecordPtr *records = NULL;
    virDomainStatsRecordPtr *next;
    unsigned int stats = 0;
    unsigned int flags = 0;
    const vshCmdOpt *opt = NULL;
    bool ret = false;
    size_t i;
    int rc;

    for (i = 0; i < G_N_ELEMENTS(virshDomstatsOpts); i++) {
        if (!vshCommandOptBool(cmd, virshDomstatsOpts[i].option))
            continue;
        if (virshDomstatsOpts[i].isFlag)
            flags |= virshDomstatsOpts[i].bit;
        else
            stats |= virshDomstatsOpts[i].bit;
    }

    if (vshCommandOptBool(cmd, "domain")) {
        while ((opt = vshCommandOptArgv(ctl, cmd, opt))) {
            virDomainPtr dom = virshLookupDomainBy(ctl, opt->data,
                                                   VIRSH_BYID | VIRSH_BYUUID |
                                                   VIRSH_BYNAME);

            if (!dom)
                return false;
            g_ptr_array_add(doms, dom);
        }
        g_ptr_array_add(doms, NULL);
        rc = virDomainListGetStats((virDomainPtr *)doms->pdata, stats,
                                   &records, flags);
        g_ptr_array_remove_index(doms, doms->len - 1);
    } else {
        rc = virConnectGetAllDomainStats(virshConn(ctl), stats, &records,
                                         flags);
    }
    if (rc < 0)
        goto cleanup;

    for (next = records; *next; next++) {
        if (!virshDomainStatsPrintRecord(ctl, *next))
            goto cleanup;
        if (next[1])
            vshPrint(ctl, "\n");
    }
    ret = true;

 cleanup:
    virDomainStatsRecordListFree(records);
    return ret;
}

static const vshCmdInfo info_domifaddr = {
    .help = "Get network interfaces' addresses for a running domain",
    .desc = "Get network interfaces' addresses for a running domain",
};

static const vshCmdOptDef opts_domifaddr[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("interface", "network interface name",
        .completer = virshDomainInterfaceCompleter),
    VSH_BOOL("full", "always display names and MACs of interfaces"),
    VSH_STRING("source", "address source: 'lease', 'agent', or 'arp'",
        .completer = virshDomainInterfaceAddrSourceCompleter),
    VSH_OPT_END
};

const char *const virshDomainInterfaceAddrSources[] = {
    "lease", "agent", "arp", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainInterfaceAddrSources) ==
                VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LAST + 1);

static void
virshDomifaddrPrint(vshControl *ctl, virDomainInterfacePtr iface, bool full)
{
    unsigned int j;

    if (!iface->naddrs) {
        vshPrint(ctl, " %-10s %-17s    %-12s %s\n", iface->name,
                 iface->hwaddr ? iface->hwaddr : "N/A", "N/A", "N/A");
        return;
    }
    for (j = 0; j < iface->naddrs; j++) {
        const char *type = NULL;
        g_autofree char *addr = NULL;

        if (iface->addrs[j].type == VIR_IP_ADDR_TYPE_IPV4)
            type = "ipv4";
        else if (iface->addrs[j].type == VIR_IP_ADDR_TYPE_IPV6)
            type = "ipv6";
        addr = g_strdup_printf("%-12s %s/%d", type ? type : "(null)",
                               iface->addrs[j].addr, iface->addrs[j].prefix);
        if (full || !j)
            vshPrint(ctl, " %-10s %-17s    %s\n", iface->name,
                     iface->hwaddr ? iface->hwaddr : "", addr);
        else
            vshPrint(ctl, " %-10s %-17s    %s\n", "-", "-", addr);
    }
}

static bool
cmdDomifaddr(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    virDomainInterfacePtr *ifaces = NULL;
    bool full = vshCommandOptBool(cmd, "full");
    const char *ifacestr = NULL;
    const char *sourcestr = NULL;
    int source = VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE;
    int n;
    int i;

    if (vshCommandOptStringReq(ctl, cmd, "interface", &ifacestr) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "source", &sourcestr) < 0)
        return false;
    if (sourcestr) {
        for (source = 0; virshDomainInterfaceAddrSources[source]; source++) {
            if (strcmp(virshDomainInterfaceAddrSources[source],
                       sourcestr) == 0)
                break;
        }
        if (!virshDomainInterfaceAddrSources[source]) {
            vshError(ctl, "Unknown data source '%s'", sourcestr);
            return false;
        }
    }
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;

    if ((n = virDomainInterfaceAddresses(dom, &ifaces, source, 0)) < 0) {
        vshError(ctl, "%s", "Failed to query for interfaces addresses");
        return false;
    }
    vshPrintExtra(ctl, " %-10s %-20s %-8s     %s\n%s%s\n", "Name",
                  "MAC address", "Protocol", "Address",
                  "-------------------------------------------------",
                  "------------------------------");
    for (i = 0; i < n; i++) {
        if (!ifacestr || strcmp(ifacestr, ifaces[i]->name) == 0)
            virshDomifaddrPrint(ctl, ifaces[i], full);
    }
    for (i = 0; i < n; i++)
        virDomainInterfaceFree(ifaces[i]);
    free(ifaces);
    return true;
}

/* ------------------------------------------------------------------ */

const vshCmdDef domMonitoringCmds[] = {
    { .name = "domblkerror", .handler = cmdDomblkerror,
      .opts = opts_domblkerror, .info = &info_domblkerror },
    { .name = "domblkinfo", .handler = cmdDomblkinfo,
      .opts = opts_domblkinfo, .info = &info_domblkinfo },
    { .name = "domblklist", .handler = cmdDomblklist,
      .opts = opts_domblklist, .info = &info_domblklist },
    { .name = "domblkstat", .handler = cmdDomblkstat,
      .opts = opts_domblkstat, .info = &info_domblkstat },
    { .name = "domcontrol", .handler = cmdDomcontrol,
      .opts = opts_domcontrol, .info = &info_domcontrol },
    { .name = "domif-getlink", .handler = cmdDomifGetlink,
      .opts = opts_domif_getlink, .info = &info_domif_getlink },
    { .name = "domifaddr", .handler = cmdDomifaddr,
      .opts = opts_domifaddr, .info = &info_domifaddr },
    { .name = "domiflist", .handler = cmdDomiflist,
      .opts = opts_domiflist, .info = &info_domiflist },
    { .name = "domifstat", .handler = cmdDomifstat,
      .opts = opts_domifstat, .info = &info_domifstat },
    { .name = "dominfo", .handler = cmdDominfo,
      .opts = opts_dominfo, .info = &info_dominfo },
    { .name = "dommemstat", .handler = cmdDommemstat,
      .opts = opts_dommemstat, .info = &info_dommemstat },
    { .name = "domstate", .handler = cmdDomstate,
      .opts = opts_domstate, .info = &info_domstate },
    { .name = "domstats", .handler = cmdDomstats,
      .opts = opts_domstats, .info = &info_domstats },
    { .name = "domtime", .handler = cmdDomtime,
      .opts = opts_domtime, .info = &info_domtime },
    { .name = "list", .handler = cmdList,
      .opts = opts_list, .info = &info_list },
    { .name = NULL }
};
