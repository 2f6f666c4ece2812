/*
 * virsh-domain-vcpu.c: a domain's processors and threads: vcpucount,
 * vcpuinfo, vcpupin, emulatorpin, setvcpus, setvcpu, guestvcpus,
 * iothread*, cpu-stats.
 */
#include <string.h>

#include "virsh.h"
#include "vsh-table.h"

/* --config/--live/--current as VIR_DOMAIN_AFFECT_*, after the usual
 * exclusion checks; false (reported) when they conflict. */
static bool
virshAffectFlags(vshControl *ctl, const vshCmd *cmd, unsigned int *flags)
{
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    bool current = vshCommandOptBool(cmd, "current");

    VSH_EXCLUSIVE_OPTIONS_VAR(current, live);
    VSH_EXCLUSIVE_OPTIONS_VAR(current, config);
    *flags = VIR_DOMAIN_AFFECT_CURRENT;
    if (config)
        *flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (live)
        *flags |= VIR_DOMAIN_AFFECT_LIVE;
    return true;
}

/* ---- vcpucount ---- */

static const vshCmdInfo info_vcpucount = {
    .help = "domain vcpu counts",
    .desc = "Returns the number of virtual CPUs used by the domain.",
};

static const vshCmdOptDef opts_vcpucount[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("maximum", "get maximum count of vcpus"),
    VSH_BOOL("active", "get number of currently active vcpus"),
    VSH_BOOL("live", "get value from running domain"),
    VSH_BOOL("config", "get value to be used on next boot"),
    VSH_BOOL("current", "get value according to current domain state"),
    VSH_BOOL("guest",
        "retrieve vcpu count from the guest instead of the hypervisor"),
    VSH_OPT_END
};

/*
 * The vCPU count @flags ask for, through older calls when the driver
 * lacks virDomainGetVcpusFlags: -2 on error; with @checkState, -1 (no
 * error) when the domain has no such state (live of an inactive one,
 * config of a transient one).
 */
int
virshCPUCountCollect(vshControl *ctl, virDomainPtr dom, unsigned int flags,
                     bool checkState)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    virDomainInfo info;
    int count;

    if (checkState &&
        (((flags & VIR_DOMAIN_AFFECT_LIVE) && virDomainIsActive(dom) < 1) ||
         ((flags & VIR_DOMAIN_AFFECT_CONFIG) && virDomainIsPersistent(dom) < 1)))
        return -1;
    if ((count = virDomainGetVcpusFlags(dom, flags)) >= 0)
        return count;

    if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT &&
        vshLastErrorCode() != VIR_ERR_INVALID_ARG)
        return -2;
    if (flags & VIR_DOMAIN_VCPU_GUEST) {
        vshError(ctl, "%s", "Failed to retrieve vCPU count from the guest");
        return -2;
    }
    if (!(flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)) &&
        virDomainIsActive(dom) == 1)
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    vshResetLibvirtError();

    if (flags & VIR_DOMAIN_AFFECT_LIVE) {
        if (flags & VIR_DOMAIN_VCPU_MAXIMUM)
            return virDomainGetMaxVcpus(dom);
        if (virDomainGetInfo(dom, &info) < 0)
            return -2;
        return info.nrVirtCpu;
    }

    if (virshDomainGetXMLFromDom(ctl, dom, VIR_DOMAIN_XML_INACTIVE,
                                 &xml, &ctxt) < 0)
        return -2;
    if (flags & VIR_DOMAIN_VCPU_MAXIMUM) {
        if (virshXPathInt("string(/domain/vcpu)", ctxt, &count) < 0) {
            vshError(ctl, "%s", "Failed to retrieve maximum vcpu count");
            return -2;
        }
    } else if (virshXPathInt("string(/domain/vcpu/@current)", ctxt,
                             &count) < 0) {
        vshError(ctl, "%s", "Failed to retrieve current vcpu count");
        return -2;
    }
    return count;
}

static bool
cmdVcpucount(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    bool maximum = vshCommandOptBool(cmd, "maximum");
    bool active = vshCommandOptBool(cmd, "active");
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    bool current = vshCommandOptBool(cmd, "current");
    bool guest = vshCommandOptBool(cmd, "guest");
    bool all = maximum + active + current + config + live + guest == 0;
    unsigned int flags = VIR_DOMAIN_AFFECT_CURRENT;
    int count;

    /* before 0.9.4 --current meant "not --maximum": read '--current
     * --live' as '--active --live' */
    if (!maximum && !active && current)
        current = false;

    VSH_EXCLUSIVE_OPTIONS_VAR(live, config);
    VSH_EXCLUSIVE_OPTIONS_VAR(current, live);
    VSH_EXCLUSIVE_OPTIONS_VAR(current, config);
    VSH_EXCLUSIVE_OPTIONS_VAR(active, maximum);
    VSH_EXCLUSIVE_OPTIONS_VAR(guest, config);
    if (live)
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    if (config)
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (maximum)
        flags |= VIR_DOMAIN_VCPU_MAXIMUM;
    if (guest)
        flags |= VIR_DOMAIN_VCPU_GUEST;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;

    if (all) {
        int confMax = virshCPUCountCollect(ctl, dom, VIR_DOMAIN_AFFECT_CONFIG |
                                           VIR_DOMAIN_VCPU_MAXIMUM, true);
        int confCur = virshCPUCountCollect(ctl, dom, VIR_DOMAIN_AFFECT_CONFIG,
                                           true);
        int liveMax = virshCPUCountCollect(ctl, dom, VIR_DOMAIN_AFFECT_LIVE |
                                           VIR_DOMAIN_VCPU_MAXIMUM, true);
        int liveCur = virshCPUCountCollect(ctl, dom, VIR_DOMAIN_AFFECT_LIVE,
                                           true);

        if (confMax == -2 || confCur == -2 || liveMax == -2 || liveCur == -2)
            return false;
        if (confMax > 0)
            vshPrint(ctl, "%-12s %-12s %3d\n", "maximum", "config", confMax);
        if (liveMax > 0)
            vshPrint(ctl, "%-12s %-12s %3d\n", "maximum", "live", liveMax);
        if (confCur > 0)
            vshPrint(ctl, "%-12s %-12s %3d\n", "current", "config", confCur);
        if (liveCur > 0)
            vshPrint(ctl, "%-12s %-12s %3d\n", "current", "live", liveCur);
        return true;
    }

    if ((count = virshCPUCountCollect(ctl, dom, flags, false)) < 0)
        return false;
    vshPrint(ctl, "%d\n", count);
    return true;
}

/* ---- vcpuinfo ---- */

static const vshCmdInfo info_vcpuinfo = {
    .help = "detailed domain vcpu information",
    .desc = "Returns basic information about the domain virtual CPUs.",
};

static const vshCmdOptDef opts_vcpuinfo[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("pretty", "return human readable output"),
    VSH_OPT_END
};

static void
virshVcpuinfoPrintAffinity(vshControl *ctl, const unsigned char *cpumap,
                           int maxcpu, bool pretty)
{
    int i;

    vshPrint(ctl, "%-15s ", "CPU Affinity:");
    if (pretty) {
        g_autofree char *str = virshBitmapDataFormat(cpumap,
                                                     VIR_CPU_MAPLEN(maxcpu));

        vshPrint(ctl, "%s (out of %d)", str, maxcpu);
    } else {
        for (i = 0; i < maxcpu; i++)
            vshPrint(ctl, "%s", VIR_CPU_USED(cpumap, i) ? "y" : "-");
    }
    vshPrint(ctl, "\n");
}

/* Which vCPUs of the definition are online: a map of the maximum count
 * (*nbits); NULL on error (reported). */
static unsigned char *
virshDomainGetVcpuMap(vshControl *ctl, virDomainPtr dom, unsigned int *nbits)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree unsigned char *map = NULL;
    unsigned int cur = 0;
    unsigned int max = 0;
    unsigned int count = 0;
    unsigned int i;
    int n;

    if (virshDomainGetXMLFromDom(ctl, dom, VIR_DOMAIN_XML_INACTIVE, &xml,
                                 &ctxt) < 0)
        return NULL;
    if (virshXPathUInt("string(/domain/vcpu)", ctxt, &max) < 0) {
        vshError(ctl, "%s", "Failed to retrieve maximum vcpu count");
        return NULL;
    }
    (void)virshXPathUInt("string(/domain/vcpu/@current)", ctxt, &cur);
    if (cur == 0)
        cur = max;
    map = g_new0(unsigned char, VIR_CPU_MAPLEN(max) + 1);
    *nbits = max;

    if ((n = virshXPathNodeSet(ctl, "/domain/vcpus/vcpu", ctxt, &nodes)) <= 0) {
        /* no states given: the first ones are online */
        for (i = 0; i < cur && i < max; i++)
            VIR_USE_CPU(map, i);
        return g_steal_pointer(&map);
    }
    for (i = 0; i < (unsigned int)n; i++) {
        g_autofree char *online = NULL;
        unsigned int id;

        ctxt->node = nodes[i];
        if (virshXPathUInt("string(@id)", ctxt, &id) < 0 ||
            !(online = virshXPathString("string(@enabled)", ctxt)))
            continue;
        if (strcmp(online, "yes") == 0 && id < max && !VIR_CPU_USED(map, id)) {
            VIR_USE_CPU(map, id);
            count++;
        }
    }
    if (count != cur) {
        vshError(ctl, "%s", "Failed to retrieve vcpu state bitmap");
        return NULL;
    }
    return g_steal_pointer(&map);
}

static bool
virshVcpuinfoInactive(vshControl *ctl, virDomainPtr dom, int maxcpu,
                      bool pretty)
{
    g_autofree unsigned char *vcpus = NULL;
    g_autofree unsigned char *cpumaps = NULL;
    size_t cpumaplen = VIR_CPU_MAPLEN(maxcpu);
    unsigned int nvcpus;
    bool first = true;
    unsigned int i;

    if (!(vcpus = virshDomainGetVcpuMap(ctl, dom, &nvcpus)))
        return false;
    cpumaps = g_new0(unsigned char, nvcpus * cpumaplen + 1);
    if (virDomainGetVcpuPinInfo(dom, nvcpus, cpumaps, cpumaplen,
                                VIR_DOMAIN_AFFECT_CONFIG) < 0)
        return false;

    for (i = 0; i < nvcpus; i++) {
        if (!VIR_CPU_USED(vcpus, i))
            continue;
        if (!first)
            vshPrint(ctl, "\n");
        first = false;
        vshPrint(ctl, "%-15s %u\n", "VCPU:", i);
        vshPrint(ctl, "%-15s %s\n", "CPU:", "N/A");
        vshPrint(ctl, "%-15s %s\n", "State:", "N/A");
        vshPrint(ctl, "%-15s %s\n", "CPU time", "N/A");
        virshVcpuinfoPrintAffinity(ctl, VIR_GET_CPUMAP(cpumaps, cpumaplen, i),
                                   maxcpu, pretty);
    }
    return true;
}

static bool
cmdVcpuinfo(vshControl *ctl, const vshCmd *cmd)
{
    static const char *const states[] = { "offline", "running", "blocked" };
    g_autoptr(virshDomain) dom = NULL;
    g_autofree virVcpuInfoPtr cpuinfo = NULL;
    g_autofree unsigned char *cpumaps = NULL;
    bool pretty = vshCommandOptBool(cmd, "pretty");
    virDomainInfo info;
    size_t cpumaplen;
    int maxcpu;
    int ncpus;
    int n;

    G_STATIC_ASSERT(G_N_ELEMENTS(states) == VIR_VCPU_LAST);

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((maxcpu = virshNodeGetCPUCount(virshConn(ctl))) < 0)
        return false;
    if (virDomainGetInfo(dom, &info) != 0)
        return false;

    cpuinfo = g_new0(virVcpuInfo, info.nrVirtCpu + 1);
    cpumaplen = VIR_CPU_MAPLEN(maxcpu);
    cpumaps = g_new0(unsigned char, info.nrVirtCpu * cpumaplen + 1);
    if ((ncpus = virDomainGetVcpus(dom, cpuinfo, info.nrVirtCpu, cpumaps,
                                   cpumaplen)) < 0) {
        if (info.state != VIR_DOMAIN_SHUTOFF)
            return false;
        /* an inactive domain still has its pinning */
        vshResetLibvirtError();
        return virshVcpuinfoInactive(ctl, dom, maxcpu, pretty);
    }

    for (n = 0; n < ncpus; n++) {
        int st = cpuinfo[n].state;

        vshPrint(ctl, "%-15s %d\n", "VCPU:", cpuinfo[n].number);
        vshPrint(ctl, "%-15s %d\n", "CPU:", cpuinfo[n].cpu);
        vshPrint(ctl, "%-15s %s\n", "State:",
                 st >= 0 && st < VIR_VCPU_LAST ? states[st] : "no state");
        if (cpuinfo[n].cpuTime != 0)
            vshPrint(ctl, "%-15s %.1lfs\n", "CPU time:",
                     cpuinfo[n].cpuTime / 1000000000.0);
        virshVcpuinfoPrintAffinity(ctl, VIR_GET_CPUMAP(cpumaps, cpumaplen, n),
                                   maxcpu, pretty);
        if (n < ncpus - 1)
            vshPrint(ctl, "\n");
    }
    return true;
}

/* ---- vcpupin, emulatorpin ---- */

static const vshCmdInfo info_vcpupin = {
    .help = "control or query domain vcpu affinity",
    .desc = "Pin domain VCPUs to host physical CPUs.",
};

static const vshCmdOptDef opts_vcpupin[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT("vcpu", "vcpu number", .completer = virshDomainVcpuCompleter),
    VSH_STRING("cpulist", "host cpu number(s) to set, or omit option to query",
        .flags = VSH_OFLAG_EMPTY_OK, .completer = virshDomainCpulistCompleter),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
virshVcpuPinQuery(vshControl *ctl, virDomainPtr dom, unsigned int vcpu,
                  bool gotVcpu, int maxcpu, unsigned int flags)
{
    g_autofree unsigned char *cpumap = NULL;
    g_autoptr(vshTable) table = NULL;
    int cpumaplen;
    int ncpus;
    int i;

    if ((ncpus = virshCPUCountCollect(ctl, dom,
                                      flags | VIR_DOMAIN_VCPU_MAXIMUM,
                                      true)) < 0) {
        if (ncpus == -1)
            vshError(ctl, "%s", (flags & VIR_DOMAIN_AFFECT_LIVE) ?
                     "cannot get vcpupin for offline domain" :
                     "cannot get vcpupin for transient domain");
        return false;
    }
    if (gotVcpu && vcpu >= (unsigned int)ncpus) {
        if ((flags & VIR_DOMAIN_AFFECT_LIVE) ||
            (!(flags & VIR_DOMAIN_AFFECT_CONFIG) && virDomainIsActive(dom) == 1))
            vshError(ctl, "vcpu %d is out of range of live cpu count %d",
                     vcpu, ncpus);
        else
            vshError(ctl, "vcpu %d is out of range of persistent cpu count %d",
                     vcpu, ncpus);
        return false;
    }

    cpumaplen = VIR_CPU_MAPLEN(maxcpu);
    cpumap = g_new0(unsigned char, ncpus * cpumaplen + 1);
    if ((ncpus = virDomainGetVcpuPinInfo(dom, ncpus, cpumap, cpumaplen,
                                         flags)) < 0)
        return true;

    table = vshTableNew("VCPU", "CPU Affinity", NULL);
    for (i = 0; i < ncpus; i++) {
        g_autofree char *pin = NULL;
        g_autofree char *id = NULL;

        if (gotVcpu && (unsigned int)i != vcpu)
            continue;
        pin = virshBitmapDataFormat(VIR_GET_CPUMAP(cpumap, cpumaplen, i),
                                    cpumaplen);
        id = g_strdup_printf("%d", i);
        vshTableRowAppend(table, id, pin, NULL);
    }
    vshTablePrintToStdout(table, ctl);
    return true;
}

static bool
cmdVcpupin(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree unsigned char *cpumap = NULL;
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    bool current = vshCommandOptBool(cmd, "current");
    const char *cpulist = NULL;
    unsigned int vcpu = 0;
    unsigned int flags;
    int cpumaplen;
    int maxcpu;
    int gotVcpu;

    if (!virshAffectFlags(ctl, cmd, &flags))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "cpulist", &cpulist) < 0)
        return false;
    if (!cpulist)
        VSH_EXCLUSIVE_OPTIONS_VAR(live, config);
    if ((gotVcpu = vshCommandOptUInt(ctl, cmd, "vcpu", &vcpu)) < 0)
        return false;
    if (cpulist && gotVcpu == 0) {
        vshError(ctl, "%s", "vcpupin: Missing vCPU number in pin mode.");
        return false;
    }
    if ((maxcpu = virshNodeGetCPUCount(virshConn(ctl))) < 0)
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;

    if (!cpulist)
        return virshVcpuPinQuery(ctl, dom, vcpu, gotVcpu, maxcpu, flags);

    if (!(cpumap = virshParseCPUList(ctl, &cpumaplen, cpulist, maxcpu)))
        return false;
    if (flags == VIR_DOMAIN_AFFECT_CURRENT && !current)
        return virDomainPinVcpu(dom, vcpu, cpumap, cpumaplen) == 0;
    return virDomainPinVcpuFlags(dom, vcpu, cpumap, cpumaplen, flags) == 0;
}

static const vshCmdInfo info_emulatorpin = {
    .help = "control or query domain emulator affinity",
    .desc = "Pin domain emulator threads to host physical CPUs.",
};

static const vshCmdOptDef opts_emulatorpin[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_STRING("cpulist", "host cpu number(s) to set, or omit option to query",
        .flags = VSH_OFLAG_EMPTY_OK, .completer = virshDomainCpulistCompleter),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdEmulatorpin(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree unsigned char *cpumap = NULL;
    bool any = vshCommandOptBool(cmd, "config") ||
               vshCommandOptBool(cmd, "live") ||
               vshCommandOptBool(cmd, "current");
    const char *cpulist = NULL;
    unsigned int flags;
    int cpumaplen;
    int maxcpu;

    if (!virshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "cpulist", &cpulist) < 0)
        return false;
    if ((maxcpu = virshNodeGetCPUCount(virshConn(ctl))) < 0)
        return false;

    if (!cpulist) {
        g_autofree char *str = NULL;

        cpumaplen = VIR_CPU_MAPLEN(maxcpu);
        cpumap = g_new0(unsigned char, cpumaplen);
        if (virDomainGetEmulatorPinInfo(dom, cpumap, cpumaplen, flags) < 0)
            return false;
        vshPrintExtra(ctl, "%s %s\n", "emulator:", "CPU Affinity");
        vshPrintExtra(ctl, "----------------------------------\n");
        vshPrintExtra(ctl, "       *: ");
        str = virshBitmapDataFormat(cpumap, cpumaplen);
        vshPrint(ctl, "%s", str);
        vshPrint(ctl, "\n");
        return true;
    }

    if (!(cpumap = virshParseCPUList(ctl, &cpumaplen, cpulist, maxcpu)))
        return false;
    /* pinning without a choice means the running domain */
    if (!any)
        flags = VIR_DOMAIN_AFFECT_LIVE;
    return virDomainPinEmulator(dom, cpumap, cpumaplen, flags) == 0;
}

/* ---- setvcpus, setvcpu, guestvcpus ---- */

static const vshCmdInfo info_setvcpus = {
    .help = "change number of virtual CPUs",
    .desc = "Change the number of virtual CPUs in the guest domain.",
};

static const vshCmdOptDef opts_setvcpus[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT_REQ("count", "number of virtual CPUs"),
    VSH_BOOL("maximum", "set maximum limit on next boot"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_BOOL("guest", "modify cpu state in the guest"),
    VSH_BOOL("hotpluggable", "make added vcpus hot(un)pluggable"),
    VSH_OPT_END
};

static bool
cmdSetvcpus(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    bool maximum = vshCommandOptBool(cmd, "maximum");
    bool config = vshCommandOptBool(cmd, "config");
    bool guest = vshCommandOptBool(cmd, "guest");
    bool current = vshCommandOptBool(cmd, "current");
    unsigned int count = 0;
    unsigned int flags;

    if (!virshAffectFlags(ctl, cmd, &flags))
        return false;
    VSH_EXCLUSIVE_OPTIONS_VAR(guest, config);
    VSH_REQUIRE_OPTION_VAR(maximum, config);
    if (guest)
        flags |= VIR_DOMAIN_VCPU_GUEST;
    if (maximum)
        flags |= VIR_DOMAIN_VCPU_MAXIMUM;
    if (vshCommandOptBool(cmd, "hotpluggable"))
        flags |= VIR_DOMAIN_VCPU_HOTPLUGGABLE;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptUInt(ctl, cmd, "count", &count) < 0)
        return false;
    if (count == 0) {
        vshError(ctl, "Can't set 0 processors for a VM");
        return false;
    }
    if (!current && flags == 0)
        return virDomainSetVcpus(dom, count) == 0;
    return virDomainSetVcpusFlags(dom, count, flags) == 0;
}

static const vshCmdInfo info_guestvcpus = {
    .help = "query or modify state of vcpu in the guest (via agent)",
    .desc = "Use the guest agent to query or set cpu state from guest's point of view",
};

static const vshCmdOptDef opts_guestvcpus[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("cpulist", "list of cpus to enable or disable",
        .completer = virshDomainVcpulistViaAgentCompleter),
    VSH_BOOL("enable", "enable cpus specified by cpulist"),
    VSH_BOOL("disable", "disable cpus specified by cpulist"),
    VSH_OPT_END
};

static bool
cmdGuestvcpus(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    bool enable = vshCommandOptBool(cmd, "enable");
    bool disable = vshCommandOptBool(cmd, "disable");
    virTypedParameterPtr params = NULL;
    unsigned int nparams = 0;
    const char *cpulist = NULL;
    unsigned int i;

    VSH_EXCLUSIVE_OPTIONS_VAR(enable, disable);
    VSH_REQUIRE_OPTION("enable", "cpulist");
    VSH_REQUIRE_OPTION("disable", "cpulist");
    if (vshCommandOptStringReq(ctl, cmd, "cpulist", &cpulist))
        return false;
    if (cpulist && !(enable || disable)) {
        vshError(ctl, "One of options --enable or --disable is required by option --cpulist");
        return false;
    }
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;

    if (cpulist)
        return virDomainSetGuestVcpus(dom, cpulist, enable, 0) == 0;
    if (virDomainGetGuestVcpus(dom, &params, &nparams, 0) < 0)
        return false;
    for (i = 0; i < nparams; i++) {
        g_autofree char *str = vshGetTypedParamValue(ctl, &params[i]);

        vshPrint(ctl, "%-15s: %s\n", params[i].field, str);
    }
    virTypedParamsFree(params, nparams);
    return true;
}

static const vshCmdInfo info_setvcpu = {
    .help = "attach/detach vcpu or groups of threads",
    .desc = "Add or remove vcpus",
};

static const vshCmdOptDef opts_setvcpu[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_DATA("vcpulist", "ids of vcpus to manipulate",
        .completer = virshDomainVcpulistCompleter),
    VSH_BOOL("enable", "enable cpus specified by cpumap"),
    VSH_BOOL("disable", "disable cpus specified by cpumap"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdSetvcpu(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    bool enable = vshCommandOptBool(cmd, "enable");
    bool disable = vshCommandOptBool(cmd, "disable");
    const char *vcpulist = NULL;
    unsigned int flags = VIR_DOMAIN_AFFECT_CURRENT;

    VSH_EXCLUSIVE_OPTIONS_VAR(enable, disable);
    VSH_EXCLUSIVE_OPTIONS("current", "live");
    VSH_EXCLUSIVE_OPTIONS("current", "config");
    if (vshCommandOptBool(cmd, "config"))
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (vshCommandOptBool(cmd, "live"))
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    if (!(enable || disable)) {
        vshError(ctl, "%s", "one of --enable, --disable is required");
        return false;
    }
    if (vshCommandOptStringReq(ctl, cmd, "vcpulist", &vcpulist))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    return virDomainSetVcpu(dom, vcpulist, enable, flags) == 0;
}

/* ---- iothread* ---- */

static const vshCmdInfo info_iothreadinfo = {
    .help = "view domain IOThreads",
    .desc = "Returns basic information about the domain IOThreads.",
};

static const vshCmdOptDef opts_iothreadinfo[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdIothreadinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(vshTable) table = NULL;
    virDomainIOThreadInfoPtr *info = NULL;
    unsigned int flags;
    int n;
    int i;

    if (!virshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((n = virDomainGetIOThreadInfo(dom, &info, flags)) < 0) {
        vshError(ctl, "Unable to get domain IOThreads information");
        return false;
    }
    if (n == 0) {
        vshPrintExtra(ctl, "No IOThreads found for the domain");
        free(info);
        return true;
    }

    table = vshTableNew("IOThread ID", "CPU Affinity", NULL);
    for (i = 0; i < n; i++) {
        g_autofree char *id = g_strdup_printf("%u", info[i]->iothread_id);
        g_autofree char *pin = virshBitmapDataFormat(info[i]->cpumap,
                                                     info[i]->cpumaplen);

        vshTableRowAppend(table, id, pin, NULL);
    }
    vshTablePrintToStdout(table, ctl);
    for (i = 0; i < n; i++)
        virDomainIOThreadInfoFree(info[i]);
    free(info);
    return true;
}

static const vshCmdInfo info_iothreadpin = {
    .help = "control domain IOThread affinity",
    .desc = "Pin domain IOThreads to host physical CPUs.",
};

static const vshCmdOptDef opts_iothreadpin[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT_REQ("iothread", "IOThread ID number",
        .completer = virshDomainIOThreadIdCompleter),
    VSH_DATA("cpulist", "host cpu number(s) to set",
        .completer = virshDomainCpulistCompleter),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdIothreadpin(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree unsigned char *cpumap = NULL;
    const char *cpulist = NULL;
    unsigned int id = 0;
    unsigned int flags;
    int cpumaplen;
    int maxcpu;

    if (!virshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptUInt(ctl, cmd, "iothread", &id) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "cpulist", &cpulist) < 0)
        return false;
    if ((maxcpu = virshNodeGetCPUCount(virshConn(ctl))) < 0)
        return false;
    if (!(cpumap = virshParseCPUList(ctl, &cpumaplen, cpulist, maxcpu)))
        return false;
    return virDomainPinIOThread(dom, id, cpumap, cpumaplen, flags) == 0;
}

/* The --id of iothreadadd/del/set: positive, or false (reported). */
static bool
virshIOThreadId(vshControl *ctl, const vshCmd *cmd, int *id)
{
    *id = 0;
    if (vshCommandOptInt(ctl, cmd, "id", id) < 0)
        return false;
    if (*id <= 0) {
        vshError(ctl, "Invalid IOThread id value: '%d'", *id);
        return false;
    }
    return true;
}

static const vshCmdInfo info_iothreadadd = {
    .help = "add an IOThread to the guest domain",
    .desc = "Add an IOThread to the guest domain.",
};

static const vshCmdOptDef opts_iothreadadd[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT_REQ("id", "iothread for the new IOThread"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdIothreadadd(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    unsigned int flags;
    int id;

    if (!virshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (!virshIOThreadId(ctl, cmd, &id))
        return false;
    return virDomainAddIOThread(dom, id, flags) == 0;
}

static const vshCmdInfo info_iothreadset = {
    .help = "modifies an existing IOThread of the guest domain",
    .desc = "Modifies an existing IOThread of the guest domain.",
};

static const vshCmdOptDef opts_iothreadset[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT_REQ("id", "iothread id of existing IOThread",
        .completer = virshDomainIOThreadIdCompleter),
    VSH_INT("poll-max-ns", "set the maximum IOThread polling time in ns"),
    VSH_INT("poll-grow", "set the value to increase the IOThread polling time"),
    VSH_INT("poll-shrink",
        "set the value for reduction of the IOThread polling time"),
    VSH_INT("thread-pool-min", "lower boundary for worker thread pool"),
    VSH_INT("thread-pool-max", "upper boundary for worker thread pool"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdIothreadset(vshControl *ctl, const vshCmd *cmd)
{
    static const struct {
        const char *option;
        const char *field;
        int type;
    } params_[] = {
        { "poll-max-ns", VIR_DOMAIN_IOTHREAD_POLL_MAX_NS, VIR_TYPED_PARAM_ULLONG },
        { "poll-grow", VIR_DOMAIN_IOTHREAD_POLL_GROW, VIR_TYPED_PARAM_UINT },
        { "poll-shrink", VIR_DOMAIN_IOTHREAD_POLL_SHRINK, VIR_TYPED_PARAM_UINT },
        { "thread-pool-min", VIR_DOMAIN_IOTHREAD_THREAD_POOL_MIN,
          VIR_TYPED_PARAM_INT },
        { "thread-pool-max", VIR_DOMAIN_IOTHREAD_THREAD_POOL_MAX,
          VIR_TYPED_PARAM_INT },
    };
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    bool ret = false;
    size_t i;
    int id;

    if (!virshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (!virshIOThreadId(ctl, cmd, &id))
        return false;

    for (i = 0; i < G_N_ELEMENTS(params_); i++) {
        unsigned long long ull;
        unsigned int ui;
        int si;
        int rc;

        if (params_[i].type == VIR_TYPED_PARAM_ULLONG) {
            if ((rc = vshCommandOptULongLong(ctl, cmd, params_[i].option,
                                             &ull)) > 0)
                rc = virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                             params_[i].field, ull) < 0 ? -2 : 1;
        } else if (params_[i].type == VIR_TYPED_PARAM_UINT) {
            if ((rc = vshCommandOptUInt(ctl, cmd, params_[i].option, &ui)) > 0)
                rc = virTypedParamsAddUInt(&params, &nparams, &maxparams,
                                           params_[i].field, ui) < 0 ? -2 : 1;
        } else {
            if ((rc = vshCommandOptInt(ctl, cmd, params_[i].option, &si)) > 0)
                rc = virTypedParamsAddInt(&params, &nparams, &maxparams,
                                          params_[i].field, si) < 0 ? -2 : 1;
        }
        if (rc == -2)
            vshSaveLibvirtError();
        if (rc < 0)
            goto cleanup;
    }
    if (nparams == 0) {
        vshError(ctl, "Not enough arguments passed, nothing to set");
        goto cleanup;
    }
    ret = virDomainSetIOThreadParams(dom, id, params, nparams, flags) == 0;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

static const vshCmdInfo info_iothreaddel = {
    .help = "delete an IOThread from the guest domain",
    .desc = "Delete an IOThread from the guest domain.",
};

static const vshCmdOptDef opts_iothreaddel[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT_REQ("id", "iothread_id for the IOThread to delete",
        .completer = virshDomainIOThreadIdCompleter),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdIothreaddel(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    unsigned int flags;
    int id;

    if (!virshAffectFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (!virshIOThreadId(ctl, cmd, &id))
        return false;
    return virDomainDelIOThread(dom, id, flags) == 0;
}

/* ---- cpu-stats ---- */

static const vshCmdInfo info_cpu_stats = {
    .help = "show domain cpu statistics",
    .desc = "Display per-CPU and total statistics about the domain's CPUs",
};

static const vshCmdOptDef opts_cpu_stats[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_BOOL("total", "Show total statistics only"),
    VSH_INT("start", "Show statistics from this CPU"),
    VSH_INT("count", "Number of shown CPUs at most"),
    VSH_OPT_END
};

static void
virshCPUStatsPrintField(vshControl *ctl, virTypedParameterPtr param)
{
    vshPrint(ctl, "\t%-12s ", param->field);
    if ((strcmp(param->field, VIR_DOMAIN_CPU_STATS_CPUTIME) == 0 ||
         strcmp(param->field, VIR_DOMAIN_CPU_STATS_VCPUTIME) == 0 ||
         strcmp(param->field, VIR_DOMAIN_CPU_STATS_USERTIME) == 0 ||
         strcmp(param->field, VIR_DOMAIN_CPU_STATS_SYSTEMTIME) == 0) &&
        param->type == VIR_TYPED_PARAM_ULLONG) {
        vshPrint(ctl, "%9lld.%09lld seconds\n",
                 (long long)(param->value.ul / 1000000000),
                 (long long)(param->value.ul % 1000000000));
    } else {
        g_autofree char *s = vshGetTypedParamValue(ctl, param);

        vshPrint(ctl, "%s\n", s);
    }
}

/* The per-CPU part of cpu-stats: 1 done, 0 go on to the total, -1 on
 * error (reported); -2: the statistics could not be read. */
static int
virshCPUStatsPerCPU(vshControl *ctl, virDomainPtr dom, int cpu, int count,
                    bool total)
{
    g_autofree virTypedParameterPtr params = NULL;
    int maxId;
    int nparams;
    int i;
    int j;

    if ((maxId = virDomainGetCPUStats(dom, NULL, 0, 0, 0, 0)) < 0)
        return -2;
    if (cpu >= maxId) {
        vshError(ctl, "Start CPU %d is out of range (min: 0, max: %d)",
                 cpu, maxId - 1);
        return -1;
    }
    if (count < 0 || count > maxId) {
        if (count > maxId)
            vshPrint(ctl, "Only %d CPUs available to show\n", maxId);
        count = maxId - cpu;
    }
    if ((nparams = virDomainGetCPUStats(dom, NULL, 0, 0, 1, 0)) < 0)
        return -2;
    if (!nparams) {
        vshPrint(ctl, "%s", "No per-CPU stats available");
        return total ? 0 : -1;
    }

    params = g_new0(virTypedParameter, nparams * MIN(count, 128) + 1);
    while (count) {
        int ncpus = MIN(count, 128);

        if (virDomainGetCPUStats(dom, params, nparams, cpu, ncpus, 0) < 0)
            return -2;
        for (i = 0; i < ncpus; i++) {
            if (params[i * nparams].type == 0)
                continue;  /* not in the map */
            vshPrint(ctl, "CPU%d:\n", cpu + i);
            for (j = 0; j < nparams; j++)
                virshCPUStatsPrintField(ctl, &params[i * nparams + j]);
        }
        cpu += ncpus;
        count -= ncpus;
        virTypedParamsClear(params, nparams * ncpus);
    }
    return total ? 0 : 1;
}

static bool
cmdCpuStats(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    bool total = vshCommandOptBool(cmd, "total");
    bool perCPU = false;
    bool ret = false;
    int count = -1;
    int nparams = 0;
    int cpu = 0;
    int n;
    int rv;
    int i;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((rv = vshCommandOptInt(ctl, cmd, "start", &cpu)) < 0)
        return false;
    if (rv > 0) {
        if (cpu < 0) {
            vshError(ctl, "%s", "Invalid value for start CPU");
            return false;
        }
        perCPU = true;
    }
    if ((rv = vshCommandOptInt(ctl, cmd, "count", &count)) < 0)
        return false;
    if (rv > 0) {
        if (count < 0) {
            vshError(ctl, "%s", "Invalid value for number of CPUs to show");
            return false;
        }
        perCPU = true;
    }
    if (!total && !perCPU)
        total = perCPU = true;

    if (perCPU) {
        if ((rv = virshCPUStatsPerCPU(ctl, dom, cpu, count, total)) == -2)
            goto failed;
        if (rv != 0)
            return rv > 0;
    }

    if ((nparams = virDomainGetCPUStats(dom, NULL, 0, -1, 1, 0)) < 0)
        goto failed;
    if (!nparams) {
        vshPrint(ctl, "%s", "No total stats available");
        return false;
    }
    params = g_new0(virTypedParameter, nparams);
    if ((n = virDomainGetCPUStats(dom, params, nparams, -1, 1, 0)) < 0)
        goto failed;
    vshPrint(ctl, "Total:\n");
    for (i = 0; i < n; i++)
        virshCPUStatsPrintField(ctl, &params[i]);
    ret = true;
    goto cleanup;

 failed:
    vshError(ctl, "Failed to retrieve CPU statistics for domain '%s'",
             virDomainGetName(dom));
 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

const vshCmdDef virshDomainVcpuCmds[] = {
    VSH_CMD("cpu-stats", cmdCpuStats, cpu_stats),
    VSH_CMD("emulatorpin", cmdEmulatorpin, emulatorpin),
    VSH_CMD("guestvcpus", cmdGuestvcpus, guestvcpus),
    VSH_CMD("iothreadadd", cmdIothreadadd, iothreadadd),
    VSH_CMD("iothreaddel", cmdIothreaddel, iothreaddel),
    VSH_CMD("iothreadinfo", cmdIothreadinfo, iothreadinfo),
    VSH_CMD("iothreadpin", cmdIothreadpin, iothreadpin),
    VSH_CMD("iothreadset", cmdIothreadset, iothreadset),
    VSH_CMD("setvcpu", cmdSetvcpu, setvcpu),
    VSH_CMD("setvcpus", cmdSetvcpus, setvcpus),
    VSH_CMD("vcpucount", cmdVcpucount, vcpucount),
    VSH_CMD("vcpuinfo", cmdVcpuinfo, vcpuinfo),
    VSH_CMD("vcpupin", cmdVcpupin, vcpupin),
    { .name = NULL }
};
