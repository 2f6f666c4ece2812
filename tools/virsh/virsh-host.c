/*
 * virsh-host.c: the "Host and Hypervisor" group.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virsh.h"

static void
virshPrintVersion(vshControl *ctl, const char *label, unsigned long v)
{
    vshPrint(ctl, "%s%lu.%lu.%lu\n", label, v / 1000000, (v / 1000) % 1000,
             v % 1000);
}

/* ---- hostname ---- */

static const vshCmdInfo info_hostname = {
    .help = "print the hypervisor hostname",
    .desc = "",
};

static bool
cmdHostname(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    g_autofree char *hostname = virConnectGetHostname(priv->conn);

    if (!hostname) {
        vshError(ctl, "%s", "failed to get hostname");
        return false;
    }
    vshPrint(ctl, "%s\n", hostname);
    return true;
}

/* ---- capabilities, domcapabilities ---- */

static const vshCmdInfo info_capabilities = {
    .help = "capabilities",
    .desc = "Returns capabilities of hypervisor/driver.",
};

static bool
cmdCapabilities(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    g_autofree char *caps = virConnectGetCapabilities(priv->conn);

    if (!caps) {
        vshError(ctl, "%s", "failed to get capabilities");
        return false;
    }
    vshPrint(ctl, "%s\n", caps);
    return true;
}

static const vshCmdInfo info_domcapabilities = {
    .help = "domain capabilities",
    .desc = "Returns capabilities of emulator with respect to host and libvirt.",
};

static const vshCmdOptDef opts_domcapabilities[] = {
    VSH_STRING("virttype", "virtualization type (/domain/@type)"),
    VSH_STRING("emulatorbin",
               "path to emulator binary (/domain/devices/emulator)"),
    VSH_STRING("arch", "domain architecture (/domain/os/type/@arch)"),
    VSH_STRING("machine", "machine type (/domain/os/type/@machine)"),
    VSH_OPT_END
};

static bool
cmdDomCapabilities(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    g_autofree char *caps = NULL;
    const char *virttype = NULL;
    const char *emulator = NULL;
    const char *arch = NULL;
    const char *machine = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "virttype", &virttype) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "emulatorbin", &emulator) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "arch", &arch) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "machine", &machine) < 0)
        return false;
    if (!(caps = virConnectGetDomainCapabilities(priv->conn, emulator, arch,
                                                 machine, virttype, 0))) {
        vshError(ctl, "%s", "failed to get emulator capabilities");
        return false;
    }
    vshPrint(ctl, "%s\n", caps);
    return true;
}

/* ---- cpu-models ---- */

static const vshCmdInfo info_cpu_models = {
    .help = "CPU models",
    .desc = "Get the CPU models for an arch.",
};

static const vshCmdOptDef opts_cpu_models[] = {
    VSH_DATA("arch", "architecture"),
    VSH_OPT_END
};

static bool
cmdCPUModelNames(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    const char *arch = NULL;
    char **models = NULL;
    int n;
    int i;

    if (vshCommandOptStringReq(ctl, cmd, "arch", &arch) < 0)
        return false;
    if ((n = virConnectGetCPUModelNames(priv->conn, arch, &models, 0)) < 0) {
        vshError(ctl, "%s", "failed to get CPU model names");
        return false;
    }
    if (n == 0)
        vshPrintExtra(ctl, "%s\n", "all CPU models are accepted");
    for (i = 0; i < n; i++) {
        vshPrint(ctl, "%s\n", models[i]);
        free(models[i]);
    }
    free(models);
    return true;
}

/* ---- freecell ---- */

static const vshCmdInfo info_freecell = {
    .help = "NUMA free memory",
    .desc = "display available free memory for the NUMA cell.",
};

static const vshCmdOptDef opts_freecell[] = {
    VSH_INT("cellno", "NUMA cell number"),
    VSH_BOOL("all", "show free memory for all NUMA cells"),
    VSH_OPT_END
};

/* freecell --all: one line per cell of the capabilities' topology */
static bool
virshFreecellAll(vshControl *ctl, virConnectPtr conn)
{
    g_autofree char *xml = virConnectGetCapabilities(conn);
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *cells = NULL;
    unsigned long long total = 0;
    int n;
    int i;

    if (!xml || !(doc = virshXMLParse(xml, "(capabilities)", &ctxt))) {
        vshError(ctl, "%s", "unable to get node capabilities");
        return false;
    }
    n = virshXPathNodeSet(ctl, "/capabilities/host/topology/cells/cell",
                          ctxt, &cells);
    if (n < 0) {
        vshError(ctl, "%s", "could not get information about NUMA topology");
        return false;
    }
    for (i = 0; i < n; i++) {
        g_autofree char *idstr = (char *)xmlGetProp(cells[i],
                                                   BAD_CAST "id");
        unsigned long long mem = 0;
        char *end = NULL;
        unsigned long id;

        errno = 0;
        id = idstr ? strtoul(idstr, &end, 10) : 0;
        if (!idstr || *end || errno || idstr[0] == '-') {
            vshError(ctl, "%s", "conversion from string failed");
            return false;
        }
        if (virNodeGetCellsFreeMemory(conn, &mem, id, 1) != 1) {
            vshError(ctl, "failed to get free memory for NUMA node number: %lu",
                     id);
            return false;
        }
        vshPrint(ctl, "%5lu: %10llu KiB\n", id, mem / 1024);
        total += mem;
    }
    vshPrintExtra(ctl, "--------------------\n");
    vshPrintExtra(ctl, "%5s: %10llu KiB\n", "Total", total / 1024);
    return true;
}

static bool
cmdFreecell(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    bool all = vshCommandOptBool(cmd, "all");
    bool cellno = vshCommandOptBool(cmd, "cellno");
    unsigned long long mem = 0;
    int cell = -1;

    VSH_EXCLUSIVE_OPTIONS_VAR(all, cellno);
    if (cellno && vshCommandOptInt(ctl, cmd, "cellno", &cell) < 0)
        return false;
    if (all)
        return virshFreecellAll(ctl, priv->conn);
    if (cellno) {
        if (virNodeGetCellsFreeMemory(priv->conn, &mem, cell, 1) != 1)
            return false;
        vshPrint(ctl, "%d: %llu KiB\n", cell, mem / 1024);
        return true;
    }
    if ((mem = virNodeGetFreeMemory(priv->conn)) == 0)
        return false;
    vshPrint(ctl, "%s: %llu KiB\n", "Total", mem / 1024);
    return true;
}

/* ---- maxvcpus ---- */

static const vshCmdInfo info_maxvcpus = {
    .help = "connection vcpu maximum",
    .desc = "Show maximum number of virtual CPUs for guests on this connection.",
};

static const vshCmdOptDef opts_maxvcpus[] = {
    VSH_STRING("type", "domain type"),
    VSH_OPT_END
};

static bool
cmdMaxvcpus(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    g_autofree char *caps = NULL;
    const char *type = NULL;
    int vcpus = -1;

    if (vshCommandOptStringReq(ctl, cmd, "type", &type) < 0)
        return false;
    /* the domain capabilities' <vcpu max> first, as libvirt's virsh */
    if ((caps = virConnectGetDomainCapabilities(priv->conn, NULL, NULL, NULL,
                                                type, 0))) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(xmlXPathContext) ctxt = NULL;

        if (!(doc = virshXMLParse(caps, "(domainCapabilities)", &ctxt)))
            return false;
        if (virshXPathInt("string(./vcpu[1]/@max)", ctxt, &vcpus) < 0)
            vcpus = -1;
    } else {
        vshResetLibvirtError();
    }
    if (vcpus < 0 && (vcpus = virConnectGetMaxVcpus(priv->conn, type)) < 0)
        return false;
    vshPrint(ctl, "%d\n", vcpus);
    return true;
}

/* ---- nodecpumap ---- */

static const vshCmdInfo info_node_cpumap = {
    .help = "node cpu map",
    .desc = "Displays the node's total number of CPUs, the number of online "
            "CPUs and the list of online CPUs.",
};

static const vshCmdOptDef opts_node_cpumap[] = {
    VSH_BOOL("pretty", "return human readable output"),
    VSH_OPT_END
};

/* The set CPUs of @map as ranges: "0-3,6" */
static void
virshCpumapRanges(vshControl *ctl, const unsigned char *map, int ncpus)
{
    bool first = true;
    int cpu = 0;

    while (cpu < ncpus) {
        int start;

        if (!VIR_CPU_USED(map, cpu)) {
            cpu++;
            continue;
        }
        start = cpu;
        while (cpu < ncpus && VIR_CPU_USED(map, cpu))
            cpu++;
        vshPrint(ctl, "%s%d", first ? "" : ",", start);
        if (cpu - 1 > start)
            vshPrint(ctl, "-%d", cpu - 1);
        first = false;
    }
}

static bool
cmdNodeCpuMap(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    g_autofree unsigned char *map = NULL;
    unsigned int online = 0;
    int ncpus;
    int cpu;

    if ((ncpus = virNodeGetCPUMap(priv->conn, &map, &online, 0)) < 0) {
        vshError(ctl, "%s", "Unable to get cpu map");
        return false;
    }
    vshPrint(ctl, "%-15s %d\n", "CPUs present:", ncpus);
    vshPrint(ctl, "%-15s %u\n", "CPUs online:", online);
    vshPrint(ctl, "%-15s ", "CPU map:");
    if (vshCommandOptBool(cmd, "pretty")) {
        virshCpumapRanges(ctl, map, ncpus);
    } else {
        for (cpu = 0; cpu < ncpus; cpu++)
            vshPrint(ctl, "%c", VIR_CPU_USED(map, cpu) ? 'y' : '-');
    }
    vshPrint(ctl, "\n");
    return true;
}

/* ---- nodecpustats ---- */

static const vshCmdInfo info_nodecpustats = {
    .help = "Prints cpu stats of the node.",
    .desc = "Returns cpu stats of the node, in nanoseconds.",
};

static const vshCmdOptDef opts_node_cpustats[] = {
    VSH_INT("cpu", "prints specified cpu statistics only."),
    VSH_BOOL("percent", "prints by percentage during 1 second."),
    VSH_OPT_END
};

/* The fields virsh shows, in its order; the last (utilization) only
 * with --percent */
enum { VIRSH_CPU_USER, VIRSH_CPU_SYSTEM, VIRSH_CPU_IDLE, VIRSH_CPU_IOWAIT,
       VIRSH_CPU_INTR, VIRSH_CPU_USAGE, VIRSH_CPU_LAST };

static const struct {
    const char *field;
    const char *label;
} virshCPUStatFields[VIRSH_CPU_LAST] = {
    { VIR_NODE_CPU_STATS_USER, "user:" },
    { VIR_NODE_CPU_STATS_KERNEL, "system:" },
    { VIR_NODE_CPU_STATS_IDLE, "idle:" },
    { VIR_NODE_CPU_STATS_IOWAIT, "iowait:" },
    { VIR_NODE_CPU_STATS_INTR, "intr:" },
    { VIR_NODE_CPU_STATS_UTILIZATION, "usage:" },
};

static int
virshCPUStatField(const char *name)
{
    int i;

    for (i = 0; i < VIRSH_CPU_LAST; i++) {
        if (strcmp(virshCPUStatFields[i].field, name) == 0)
            return i;
    }
    return -1;
}

static void
virshNodeCpuStatsPercent(vshControl *ctl, const unsigned long long *stats,
                         const bool *present)
{
    double total = 0;
    int i;

    if (present[VIRSH_CPU_USAGE]) {
        vshPrint(ctl, "%-15s %5.1llu%%\n", "usage:", stats[VIRSH_CPU_USAGE]);
        vshPrint(ctl, "%-15s %5.1llu%%\n", "idle:",
                 100 - stats[VIRSH_CPU_USAGE]);
        return;
    }
    for (i = 0; i < VIRSH_CPU_USAGE; i++)
        total += stats[i];
    vshPrint(ctl, "%-15s %5.1lf%%\n", "usage:",
             (stats[VIRSH_CPU_USER] + stats[VIRSH_CPU_SYSTEM]) / total * 100);
    for (i = 0; i < VIRSH_CPU_USAGE; i++) {
        if (present[i])
            vshPrint(ctl, "%-15s %5.1lf%%\n", virshCPUStatFields[i].label,
                     stats[i] / total * 100);
    }
}

static bool
cmdNodeCpuStats(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    bool percent = vshCommandOptBool(cmd, "percent");
    g_autofree virNodeCPUStatsPtr params = NULL;
    unsigned long long stats[VIRSH_CPU_LAST] = { 0 };
    bool present[VIRSH_CPU_LAST] = { false };
    int cpu = VIR_NODE_CPU_STATS_ALL_CPUS;
    int n = 0;
    int pass;
    int i;

    if (vshCommandOptInt(ctl, cmd, "cpu", &cpu) < 0)
        return false;
    if (virNodeGetCPUStats(priv->conn, cpu, NULL, &n, 0) != 0) {
        vshError(ctl, "%s", "Unable to get number of cpu stats");
        return false;
    }
    if (n == 0)
        return true;
    params = g_new0(virNodeCPUStats, n);
    /* with --percent, a second sample one second later gives deltas */
    for (pass = 0; pass < 2; pass++) {
        if (virNodeGetCPUStats(priv->conn, cpu, params, &n, 0) != 0) {
            vshError(ctl, "%s", "Unable to get node cpu stats");
            return false;
        }
        for (i = 0; i < n; i++) {
            int f = virshCPUStatField(params[i].field);

            if (f < 0)
                continue;
            if (pass == 0) {
                stats[f] = params[i].value;
                present[f] = true;
            } else if (present[f]) {
                stats[f] = params[i].value - stats[f];
            }
        }
        if (present[VIRSH_CPU_USAGE] || !percent)
            break;
        sleep(1);
    }
    if (percent) {
        virshNodeCpuStatsPercent(ctl, stats, present);
        return true;
    }
    for (i = 0; i < VIRSH_CPU_USAGE; i++) {
        if (present[i])
            vshPrint(ctl, "%-15s %20llu\n", virshCPUStatFields[i].label,
                     stats[i]);
    }
    return true;
}

/* ---- nodesevinfo ---- */

static const vshCmdInfo info_nodesevinfo = {
    .help = "node SEV information",
    .desc = "Returns basic SEV information about the node.",
};

static bool
cmdNodeSEVInfo(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    virTypedParameterPtr params = NULL;
    int n = 0;
    int i;

    if (virNodeGetSEVInfo(priv->conn, &params, &n, 0) != 0) {
        vshError(ctl, "%s", "Unable to get host SEV information");
        return false;
    }
    for (i = 0; i < n; i++) {
        g_autofree char *str = vshGetTypedParamValue(ctl, &params[i]);

        vshPrint(ctl, "%-18s: %s\n", params[i].field, str);
    }
    virTypedParamsFree(params, n);
    return true;
}

/* ---- nodeinfo, nodememstats ---- */

static const vshCmdInfo info_nodeinfo = {
    .help = "node information",
    .desc = "Returns basic information about the node.",
};

static bool
cmdNodeinfo(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    virNodeInfo info;

    if (virNodeGetInfo(priv->conn, &info) < 0) {
        vshError(ctl, "%s", "failed to get node information");
        return false;
    }
    vshPrint(ctl, "%-20s %s\n", "CPU model:", info.model);
    vshPrint(ctl, "%-20s %d\n", "CPU(s):", info.cpus);
    if (info.mhz)
        vshPrint(ctl, "%-20s %d MHz\n", "CPU frequency:", info.mhz);
    vshPrint(ctl, "%-20s %d\n", "CPU socket(s):", info.sockets);
    vshPrint(ctl, "%-20s %d\n", "Core(s) per socket:", info.cores);
    vshPrint(ctl, "%-20s %d\n", "Thread(s) per core:", info.threads);
    vshPrint(ctl, "%-20s %d\n", "NUMA cell(s):", info.nodes);
    vshPrint(ctl, "%-20s %lu KiB\n", "Memory size:", info.memory);
    return true;
}

static const vshCmdInfo info_nodememstats = {
    .help = "Prints memory stats of the node.",
    .desc = "Returns memory stats of the node, in kilobytes.",
};

static const vshCmdOptDef opts_node_memstats[] = {
    VSH_INT("cell", "prints specified cell statistics only."),
    VSH_OPT_END
};

static bool
cmdNodeMemStats(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    g_autofree virNodeMemoryStatsPtr params = NULL;
    int cell = VIR_NODE_MEMORY_STATS_ALL_CELLS;
    int n = 0;
    int i;

    if (vshCommandOptInt(ctl, cmd, "cell", &cell) < 0)
        return false;
    if (virNodeGetMemoryStats(priv->conn, cell, NULL, &n, 0) != 0) {
        vshError(ctl, "%s", "Unable to get number of memory stats");
        return false;
    }
    if (n == 0)
        return true;
    params = g_new0(virNodeMemoryStats, n);
    if (virNodeGetMemoryStats(priv->conn, cell, params, &n, 0) != 0) {
        vshError(ctl, "%s", "Unable to get memory stats");
        return false;
    }
    for (i = 0; i < n; i++)
        vshPrint(ctl, "%-7s: %20llu KiB\n", params[i].field, params[i].value);
    return true;
}

/* ---- nodesuspend ---- */

static const char *const virshNodeSuspendTargets[] = { "mem", "disk", "hybrid" };
G_STATIC_ASSERT(G_N_ELEMENTS(virshNodeSuspendTargets) ==
                VIR_NODE_SUSPEND_TARGET_LAST);

int
virshNodeSuspendTargetFromString(const char *name)
{
    int i;

    for (i = 0; i < VIR_NODE_SUSPEND_TARGET_LAST; i++) {
        if (strcmp(virshNodeSuspendTargets[i], name) == 0)
            return i;
    }
    return -1;
}

char **
virshNodeSuspendTargetCompleter(vshControl *ctl G_GNUC_UNUSED,
                                const vshCmd *cmd G_GNUC_UNUSED,
                                unsigned int flags G_GNUC_UNUSED)
{
    char **list = g_new0(char *, VIR_NODE_SUSPEND_TARGET_LAST + 1);
    size_t i;

    for (i = 0; i < VIR_NODE_SUSPEND_TARGET_LAST; i++)
        list[i] = g_strdup(virshNodeSuspendTargets[i]);
    return list;
}

static const vshCmdInfo info_nodesuspend = {
    .help = "suspend the host node for a given time duration",
    .desc = "Suspend the host node for a given time duration and attempt to resume thereafter.",
};

static const vshCmdOptDef opts_node_suspend[] = {
    { .name = "target",
      .type = VSH_OT_DATA,
      .flags = VSH_OFLAG_REQ,
      .completer = virshNodeSuspendTargetCompleter,
      .help = "mem(Suspend-to-RAM), disk(Suspend-to-Disk), hybrid(Hybrid-Suspend)" },
    { .name = "duration",
      .type = VSH_OT_INT,
      .flags = VSH_OFLAG_REQ,
      .help = "Suspend duration in seconds, at least 60" },
    { .name = NULL }
};

static bool
cmdNodeSuspend(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    const char *target = NULL;
    long long duration;
    int kind;

    if (vshCommandOptStringReq(ctl, cmd, "target", &target) < 0 ||
        vshCommandOptLongLong(ctl, cmd, "duration", &duration) < 0)
        return false;

    if ((kind = virshNodeSuspendTargetFromString(target)) < 0) {
        vshError(ctl, "%s", "Invalid target");
        return false;
    }
    if (duration < 0) {
        vshError(ctl, "%s", "Invalid duration");
        return false;
    }
    if (virNodeSuspendForDuration(priv->conn, kind, duration, 0) < 0) {
        vshError(ctl, "%s", "The host was not suspended");
        return false;
    }
    return true;
}

/* ---- sysinfo ---- */

static const vshCmdInfo info_sysinfo = {
    .help = "print the hypervisor sysinfo",
    .desc = "output an XML string for the hypervisor sysinfo, if available",
};

static bool
cmdSysinfo(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    g_autofree char *sysinfo = virConnectGetSysinfo(priv->conn, 0);

    if (!sysinfo) {
        vshError(ctl, "%s", "failed to get sysinfo");
        return false;
    }
    vshPrint(ctl, "%s", sysinfo);
    return true;
}

/* ---- uri ---- */

static const vshCmdInfo info_uri = {
    .help = "print the hypervisor canonical URI",
    .desc = "",
};

static bool
cmdURI(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    g_autofree char *uri = virConnectGetURI(priv->conn);

    if (!uri) {
        vshError(ctl, "%s", "failed to get URI");
        return false;
    }
    vshPrint(ctl, "%s\n", uri);
    return true;
}

/* ---- version ---- */

static const vshCmdInfo info_version = {
    .help = "show version",
    .desc = "Display the system version information.",
};

static const vshCmdOptDef opts_version[] = {
    { .name = "daemon", .type = VSH_OT_BOOL, .help = "report daemon version too" },
    { .name = NULL }
};

static bool
cmdVersion(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    unsigned long libVersion;
    unsigned long apiVersion;
    unsigned long hvVersion;
    unsigned long daemonVersion;
    g_autofree char *label = NULL;
    const char *hvType;

    if (!(hvType = virConnectGetType(priv->conn))) {
        vshError(ctl, "%s", "failed to get hypervisor type");
        return false;
    }
    virshPrintVersion(ctl, "Compiled against library: libvirt ",
                      LIBVIR_VERSION_NUMBER);
    if (virGetVersion(&libVersion, hvType, &apiVersion) < 0) {
        vshError(ctl, "%s", "failed to get the library version");
        return false;
    }
    virshPrintVersion(ctl, "Using library: libvirt ", libVersion);
    label = g_strdup_printf("Using API: %s ", hvType);
    virshPrintVersion(ctl, label, apiVersion);

    if (virConnectGetVersion(priv->conn, &hvVersion) < 0) {
        vshError(ctl, "%s", "failed to get the hypervisor version");
        return false;
    }
    if (hvVersion == 0) {
        vshPrint(ctl, "Cannot extract running %s hypervisor version\n", hvType);
    } else {
        g_free(label);
        label = g_strdup_printf("Running hypervisor: %s ", hvType);
        virshPrintVersion(ctl, label, hvVersion);
    }

    if (vshCommandOptBool(cmd, "daemon")) {
        if (virConnectGetLibVersion(priv->conn, &daemonVersion) < 0)
            vshError(ctl, "%s", "failed to get the daemon version");
        else
            virshPrintVersion(ctl, "Running against daemon: ", daemonVersion);
    }
    return true;
}

/* Rows in the order virsh lists them; the other host commands (allocpages
 * ... sysinfo) slot in alphabetically as they land. */
const vshCmdDef hostAndHypervisorCmds[] = {
    { .name = "capabilities", .handler = cmdCapabilities,
      .info = &info_capabilities },
    { .name = "cpu-models", .handler = cmdCPUModelNames,
      .opts = opts_cpu_models, .info = &info_cpu_models },
    { .name = "domcapabilities", .handler = cmdDomCapabilities,
      .opts = opts_domcapabilities, .info = &info_domcapabilities },
    { .name = "freecell", .handler = cmdFreecell, .opts = opts_freecell,
      .info = &info_freecell },
    { .name = "hostname", .handler = cmdHostname, .info = &info_hostname },
    { .name = "maxvcpus", .handler = cmdMaxvcpus, .opts = opts_maxvcpus,
      .info = &info_maxvcpus },
    { .name = "nodecpumap", .handler = cmdNodeCpuMap,
      .opts = opts_node_cpumap, .info = &info_node_cpumap },
    { .name = "nodecpustats", .handler = cmdNodeCpuStats,
      .opts = opts_node_cpustats, .info = &info_nodecpustats },
    { .name = "nodeinfo", .handler = cmdNodeinfo, .info = &info_nodeinfo },
    { .name = "nodememstats", .handler = cmdNodeMemStats,
      .opts = opts_node_memstats, .info = &info_nodememstats },
    { .name = "nodesevinfo", .handler = cmdNodeSEVInfo,
      .info = &info_nodesevinfo },
    { .name = "nodesuspend", .handler = cmdNodeSuspend,
      .opts = opts_node_suspend, .info = &info_nodesuspend },
    { .name = "sysinfo", .handler = cmdSysinfo, .info = &info_sysinfo },
    { .name = "uri", .handler = cmdURI, .info = &info_uri },
    { .name = "version", .handler = cmdVersion, .opts = opts_version,
      .info = &info_version },
    { .name = NULL }
};
