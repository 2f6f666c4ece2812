/*
 * virsh-completer-domain.c: completers for the parts of one domain
 * (its disks, interfaces, ...) and for the words domain options take.
 */
#include <string.h>

#include "virsh.h"

/* Each @xpath value of the nodes @nodes selects in @cmd's domain; NULL
 * when one lacks it. */
static char **
virshDomainXMLValues(vshControl *ctl, const vshCmd *cmd, unsigned int flags,
                     const char *nodes, const char *value,
                     const char *fallback)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *list = NULL;
    g_auto(GStrv) ret = NULL;
    int n;
    int i;

    if (!virshCompleterConn(ctl))
        return NULL;
    if (virshDomainGetXML(ctl, cmd, flags, &doc, &ctxt) < 0 ||
        (n = virshXPathNodeSet(ctl, nodes, ctxt, &list)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ctxt->node = list[i];
        if (value && (ret[i] = virshXPathString(value, ctxt)))
            continue;
        if (!fallback || !(ret[i] = virshXPathString(fallback, ctxt)))
            return NULL;
    }
    return g_steal_pointer(&ret);
}

char **
virshDomainInterfaceCompleter(vshControl *ctl, const vshCmd *cmd,
                              unsigned int flags)
{
    unsigned int xmlflags = 0;

    if (vshCommandOptBool(cmd, "config"))
        xmlflags = VIR_DOMAIN_XML_INACTIVE;
    /* an inactive domain's interfaces have no target: offer the MACs */
    return virshDomainXMLValues(ctl, cmd, xmlflags, "./devices/interface",
                                (flags & VIRSH_DOMAIN_INTERFACE_COMPLETER_MAC) ?
                                NULL : "string(./target/@dev)",
                                "string(./mac/@address)");
}

char **
virshDomainDiskTargetCompleter(vshControl *ctl, const vshCmd *cmd,
                               unsigned int flags G_GNUC_UNUSED)
{
    return virshDomainXMLValues(ctl, cmd, 0, "./devices/disk", NULL,
                                "string(./target/@dev)");
}

char **
virshDomainInterfaceAddrSourceCompleter(vshControl *ctl G_GNUC_UNUSED,
                                        const vshCmd *cmd G_GNUC_UNUSED,
                                        unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshDomainInterfaceAddrSources);
}

/* Disk targets for a comma separated list in option @name. */
static char **
virshDomainDiskTargetListCompleter(vshControl *ctl, const vshCmd *cmd,
                                   const char *name)
{
    g_auto(GStrv) targets = virshDomainDiskTargetCompleter(ctl, cmd, 0);
    const char *cur = NULL;

    if (vshCommandOptStringQuiet(ctl, cmd, name, &cur) < 0 || !targets)
        return NULL;
    return virshCommaStringListComplete(cur, (const char *const *)targets);
}

char **
virshDomainUndefineStorageDisksCompleter(vshControl *ctl, const vshCmd *cmd,
                                         unsigned int flags G_GNUC_UNUSED)
{
    return virshDomainDiskTargetListCompleter(ctl, cmd, "storage");
}

char **
virshDomainShutdownModeCompleter(vshControl *ctl, const vshCmd *cmd,
                                 unsigned int flags G_GNUC_UNUSED)
{
    static const char *const modes[] = {
        "acpi", "agent", "initctl", "signal", "paravirt", NULL,
    };
    const char *mode = NULL;

    if (vshCommandOptStringQuiet(ctl, cmd, "mode", &mode) < 0)
        return NULL;
    return virshCommaStringListComplete(mode, modes);
}

char **
virshDomainCoreDumpFormatCompleter(vshControl *ctl G_GNUC_UNUSED,
                                   const vshCmd *cmd G_GNUC_UNUSED,
                                   unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshDomainCoreDumpFormats);
}

/* "0" ... "n-1" */
static char **
virshCompleteNumbers(int n)
{
    char **ret;
    int i;

    if (n < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++)
        ret[i] = g_strdup_printf("%d", i);
    return ret;
}

char **
virshDomainIOThreadIdCompleter(vshControl *ctl, const vshCmd *cmd,
                               unsigned int flags)
{
    g_autoptr(virshDomain) dom = NULL;
    virDomainIOThreadInfoPtr *info = NULL;
    char **ret;
    int n;
    int i;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return NULL;
    if ((n = virDomainGetIOThreadInfo(dom, &info, flags)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ret[i] = g_strdup_printf("%u", info[i]->iothread_id);
        virDomainIOThreadInfoFree(info[i]);
    }
    free(info);
    return ret;
}

/* The maximum vCPU count of @cmd's domain's definition; -1 on error. */
static int
virshDomainMaxVcpus(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    int n = 0;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)) ||
        virshDomainGetXMLFromDom(ctl, dom, VIR_DOMAIN_XML_INACTIVE, &xml,
                                 &ctxt) < 0 ||
        virshXPathInt("string(/domain/vcpu)", ctxt, &n) < 0)
        return -1;
    return n;
}

char **
virshDomainVcpuCompleter(vshControl *ctl, const vshCmd *cmd,
                         unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteNumbers(virshDomainMaxVcpus(ctl, cmd));
}

char **
virshDomainVcpulistCompleter(vshControl *ctl, const vshCmd *cmd,
                             unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(virshDomain) dom = NULL;
    g_auto(GStrv) list = NULL;
    const char *cur = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)) ||
        vshCommandOptStringQuiet(ctl, cmd, "vcpulist", &cur) < 0 ||
        !(list = virshCompleteNumbers(virshDomainMaxVcpus(ctl, cmd))))
        return NULL;
    return virshCommaStringListComplete(cur, (const char *const *)list);
}

char **
virshDomainCpulistCompleter(vshControl *ctl, const vshCmd *cmd,
                            unsigned int flags G_GNUC_UNUSED)
{
    g_autofree unsigned char *map = NULL;
    g_auto(GStrv) list = NULL;
    const char *cur = NULL;
    unsigned int online;
    int n;

    if (vshCommandOptStringQuiet(ctl, cmd, "cpulist", &cur) < 0)
        return NULL;
    if ((n = virNodeGetCPUMap(virshConn(ctl), &map, &online, 0)) < 0)
        return NULL;
    list = virshCompleteNumbers(n);
    return virshCommaStringListComplete(cur, (const char *const *)list);
}

/* The vCPUs of the map a guestvcpus field names ("0-3,5"). */
static unsigned char *
virshGuestVcpuMap(vshControl *ctl, virTypedParameterPtr param, size_t nbits)
{
    g_autofree char *str = vshGetTypedParamValue(ctl, param);
    unsigned char *map = g_new0(unsigned char, nbits / 8 + 1);

    if (virshBitmapParse(str, nbits, map) < 0) {
        g_free(map);
        return NULL;
    }
    return map;
}

char **
virshDomainVcpulistViaAgentCompleter(vshControl *ctl, const vshCmd *cmd,
                                     unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree unsigned char *online = NULL;
    g_autofree unsigned char *offlinable = NULL;
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func(g_free);
    bool enable = vshCommandOptBool(cmd, "enable");
    bool disable = vshCommandOptBool(cmd, "disable");
    virTypedParameterPtr params = NULL;
    unsigned int nparams = 0;
    const char *cur = NULL;
    char **ret = NULL;
    const size_t nbits = 16384;
    int nvcpus;
    size_t i;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return NULL;
    if (vshCommandOptStringQuiet(ctl, cmd, "cpulist", &cur) < 0)
        return NULL;
    if ((nvcpus = virDomainGetVcpusFlags(dom, VIR_DOMAIN_VCPU_GUEST |
                                         VIR_DOMAIN_VCPU_MAXIMUM)) < 0)
        return NULL;

    if (!enable && !disable) {
        for (i = 0; i < (size_t)nvcpus; i++)
            g_ptr_array_add(list, g_strdup_printf("%zu", i));
    } else {
        if (virDomainGetGuestVcpus(dom, &params, &nparams, 0) < 0 ||
            nparams < 3 ||
            !(online = virshGuestVcpuMap(ctl, &params[1], nbits)) ||
            (enable && !(offlinable = virshGuestVcpuMap(ctl, &params[2],
                                                        nbits))))
            goto cleanup;
        /* enable: offline ones that may be offlined; disable: online */
        for (i = 0; i < nbits; i++) {
            bool on = VIR_CPU_USED(online, i);

            if ((enable && !on && VIR_CPU_USED(offlinable, i)) ||
                (disable && on))
                g_ptr_array_add(list, g_strdup_printf("%zu", i));
        }
    }
    g_ptr_array_add(list, NULL);
    ret = virshCommaStringListComplete(cur, (const char *const *)list->pdata);

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

char **
virshDomainInterfaceStateCompleter(vshControl *ctl, const vshCmd *cmd,
                                   unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *ifaces = NULL;
    g_autofree char *xpath = NULL;
    g_autofree char *state = NULL;
    char mac[VIRSH_MAC_STRING_BUFLEN] = "";
    const char *iface = NULL;
    char **ret;

    if (!virshCompleterConn(ctl) ||
        virshDomainGetXML(ctl, cmd, flags, &xml, &ctxt) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "interface", &iface) < 0)
        return NULL;
    virshMacAddrNormalize(iface, mac);
    xpath = g_strdup_printf("/domain/devices/interface[(mac/@address = '%s') or "
                            "                          (target/@dev = '%s')]",
                            mac, iface);
    if (virshXPathNodeSet(ctl, xpath, ctxt, &ifaces) != 1)
        return NULL;
    ctxt->node = ifaces[0];
    ret = g_new0(char *, 2);
    state = virshXPathString("string(./link/@state)", ctxt);
    ret[0] = g_strdup(g_strcmp0(state, "down") == 0 ? "up" : "down");
    return ret;
}

char **
virshDomainDeviceAliasCompleter(vshControl *ctl, const vshCmd *cmd,
                                unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *aliases = NULL;
    g_auto(GStrv) ret = NULL;
    int n;
    int i;

    if (!virshCompleterConn(ctl) ||
        virshDomainGetXML(ctl, cmd, vshCommandOptBool(cmd, "config") ?
                          VIR_DOMAIN_XML_INACTIVE : 0, &xml, &ctxt) < 0 ||
        (n = virshXPathNodeSet(ctl, "/domain/devices//alias[@name]", ctxt,
                               &aliases)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        if (!(ret[i] = virshXMLPropString(aliases[i], "name")))
            return NULL;
    }
    return g_steal_pointer(&ret);
}

char **
virshDomainLifecycleCompleter(vshControl *ctl G_GNUC_UNUSED,
                              const vshCmd *cmd G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshDomainLifecycles);
}

char **
virshDomainLifecycleActionCompleter(vshControl *ctl G_GNUC_UNUSED,
                                    const vshCmd *cmd G_GNUC_UNUSED,
                                    unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshDomainLifecycleActions);
}

char **
virshDomainNumatuneModeCompleter(vshControl *ctl G_GNUC_UNUSED,
                                 const vshCmd *cmd G_GNUC_UNUSED,
                                 unsigned int flags G_GNUC_UNUSED)
{
    static const char *const modes[] = {
        "strict", "preferred", "interleave", "restrictive", NULL,
    };

    return virshCompleteWords(modes);
}

static const char *const virshPerfEvents[] = {
    VIR_PERF_PARAM_CMT, VIR_PERF_PARAM_MBMT, VIR_PERF_PARAM_MBML,
    VIR_PERF_PARAM_CPU_CYCLES, VIR_PERF_PARAM_INSTRUCTIONS,
    VIR_PERF_PARAM_CACHE_REFERENCES, VIR_PERF_PARAM_CACHE_MISSES,
    VIR_PERF_PARAM_BRANCH_INSTRUCTIONS, VIR_PERF_PARAM_BRANCH_MISSES,
    VIR_PERF_PARAM_BUS_CYCLES, VIR_PERF_PARAM_STALLED_CYCLES_FRONTEND,
    VIR_PERF_PARAM_STALLED_CYCLES_BACKEND, VIR_PERF_PARAM_REF_CPU_CYCLES,
    VIR_PERF_PARAM_CPU_CLOCK, VIR_PERF_PARAM_TASK_CLOCK,
    VIR_PERF_PARAM_PAGE_FAULTS, VIR_PERF_PARAM_CONTEXT_SWITCHES,
    VIR_PERF_PARAM_CPU_MIGRATIONS, VIR_PERF_PARAM_PAGE_FAULTS_MIN,
    VIR_PERF_PARAM_PAGE_FAULTS_MAJ, VIR_PERF_PARAM_ALIGNMENT_FAULTS,
    VIR_PERF_PARAM_EMULATION_FAULTS, NULL,
};

static char **
virshDomainPerfCompleter(vshControl *ctl, const vshCmd *cmd, const char *opt)
{
    const char *cur = NULL;

    if (vshCommandOptStringQuiet(ctl, cmd, opt, &cur) < 0)
        return NULL;
    return virshCommaStringListComplete(cur, virshPerfEvents);
}

char **
virshDomainPerfEnableCompleter(vshControl *ctl, const vshCmd *cmd,
                               unsigned int flags G_GNUC_UNUSED)
{
    return virshDomainPerfCompleter(ctl, cmd, "enable");
}

char **
virshDomainPerfDisableCompleter(vshControl *ctl, const vshCmd *cmd,
                                unsigned int flags G_GNUC_UNUSED)
{
    return virshDomainPerfCompleter(ctl, cmd, "disable");
}
