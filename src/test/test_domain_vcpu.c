/*
 * test_domain_vcpu.c: the size of the test driver's domains: memory
 * (current, maximum, balloon period), vCPUs (counts, pinning, info),
 * emulator pinning and the lifecycle actions.
 *
 * CPU maps: the public API passes bitmaps of host CPUs (maplen bytes,
 * CPU n at bit n % 8 of byte n / 8); the domain XML keeps them as
 * canonical lists ("0-3,5"), converted here.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "conf/domain/bitmap.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

char *
testCPUMapToList(const unsigned char *map, int maplen)
{
    GString *out = g_string_new("");
    int n = maplen * 8;
    int i, j;

    for (i = 0; i < n; i++) {
        if (!VIR_CPU_USED(map, i))
            continue;
        for (j = i; j + 1 < n && VIR_CPU_USED(map, j + 1); j++)
            ;
        if (out->len)
            g_string_append_c(out, ',');
        if (j == i)
            g_string_append_printf(out, "%d", i);
        else
            g_string_append_printf(out, "%d-%d", i, j);
        i = j;
    }
    return g_string_free(out, FALSE);
}


void
testCPUListToMap(const char *cpus, unsigned char *map, int maplen)
{
    int i;

    memset(map, 0, maplen);
    for (i = 0; i < maplen * 8; i++) {
        if (virDomainBitmapIsSet(cpus, i))
            VIR_USE_CPU(map, i);
    }
}


/* Every CPU of the simulated host, as libvirt counts them
 * (nodes * sockets * cores * threads). */
static char *
testHostCPUList(testDriver *drv)
{
    const virNodeInfo *info = &drv->nodeInfo;

    return g_strdup_printf("0-%u", info->nodes * info->sockets * info->cores *
                                   info->threads - 1);
}


/* ---- memory ---- */

static bool
testDomainHasMemballoon(const virDomainDef *def)
{
    return def->nmemballoons > 0 &&
           def->memballoons[0]->model != VIR_DOMAIN_MEMBALLOON_MODEL_NONE;
}


static unsigned long
testDomainGetMaxMemory(virDomainPtr domain)
{
    virDomainObj *dom;
    unsigned long ret;

    if (!(dom = testDomObjFromDomain(domain)))
        return 0;
    ret = dom->def->mem.total;
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainSetMaximum(virDomainDef *def, unsigned long memory, bool live)
{
    if (live) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot resize the maximum memory on an active domain");
        return -1;
    }
    if (def->cpu.ncells > 0) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "initial memory size of a domain with NUMA nodes cannot be "
                       "modified with this API");
        return -1;
    }
    if (def->mem.max && def->mem.max < memory) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot set initial memory size greater than the maximum "
                       "memory size");
        return -1;
    }
    def->mem.total = memory;
    if (def->mem.cur > memory)
        def->mem.cur = memory;
    return 0;
}


static int
testDomainSetMemoryFlags(virDomainPtr domain, unsigned long memory, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    bool live = false;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_MEM_MAXIMUM, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDefState(dom, flags, &live)))
        goto cleanup;
    if (flags & VIR_DOMAIN_MEM_MAXIMUM) {
        ret = testDomainSetMaximum(def, memory, live);
        goto cleanup;
    }
    if (memory > def->mem.total) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "cannot set memory higher than max memory");
        goto cleanup;
    }
    def->mem.cur = memory;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainSetMemory(virDomainPtr domain, unsigned long memory)
{
    return testDomainSetMemoryFlags(domain, memory, VIR_DOMAIN_AFFECT_LIVE);
}


static int
testDomainSetMaxMemory(virDomainPtr domain, unsigned long memory)
{
    return testDomainSetMemoryFlags(domain, memory, VIR_DOMAIN_MEM_MAXIMUM);
}


static int
testDomainSetMemoryStatsPeriod(virDomainPtr domain, int period, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    if (!testDomainHasMemballoon(def)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No memory balloon device configured, can not set the "
                       "collection period");
        goto cleanup;
    }
    def->memballoons[0]->period = period;
    def->memballoons[0]->periodSet = true;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- vCPU counts ---- */

static int
testDomainGetVcpusFlags(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_VCPU_MAXIMUM, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if ((def = virDomainObjGetOneDef(dom, flags)))
        ret = (flags & VIR_DOMAIN_VCPU_MAXIMUM) ? def->vcpu.maxvcpus : def->vcpu.current;
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetMaxVcpus(virDomainPtr domain)
{
    return testDomainGetVcpusFlags(domain, VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_VCPU_MAXIMUM);
}


/* Online the first @n vCPUs of @def (at most its maximum). */
static int
testDomainDefSetVcpus(virDomainDef *def, unsigned int n)
{
    size_t i;

    if (n > def->vcpu.maxvcpus) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "maximum vCPU count must not be less than current vCPU count");
        return -1;
    }
    def->vcpu.current = n;
    for (i = 0; def->vcpu.states && i < def->vcpu.maxvcpus; i++)
        def->vcpu.states[i].online = i < n;
    return 0;
}


/* Give @def @n vCPUs in all: new ones are offline, dropped ones lose
 * their pinning. */
static void
testDomainDefSetVcpusMax(virDomainDef *def, unsigned int n)
{
    virDomainVcpuTuneDef *tune = &def->vcpu;
    unsigned int old = tune->maxvcpus;
    unsigned int online = 0;
    size_t i;

    if (n == old)
        return;
    for (i = n; tune->vcpupin && i < old; i++)
        g_clear_pointer(&tune->vcpupin[i], g_free);
    if (tune->vcpupin) {
        tune->vcpupin = g_renew(char *, tune->vcpupin, n + 1);
        for (i = old; i <= n; i++)
            tune->vcpupin[i] = NULL;
    }
    if (tune->states) {
        tune->states = g_renew(virDomainVcpuState, tune->states, n);
        for (i = old; i < n; i++)
            memset(&tune->states[i], 0, sizeof(tune->states[i]));
        for (i = 0; i < n; i++)
            online += tune->states[i].online;
        tune->current = online;
    } else if (tune->current > n) {
        tune->current = n;
    }
    tune->maxvcpus = n;
}


static int
testDomainSetVcpusCheck(virDomainDef *def, unsigned int n)
{
    if (def && def->vcpu.maxvcpus < n) {
        virReportError(VIR_ERR_INVALID_ARG, "requested cpu amount exceeds maximum (%d > %d)",
                       n, def->vcpu.maxvcpus);
        return -1;
    }
    return 0;
}


static int
testDomainSetVcpusFlags(virDomainPtr domain, unsigned int nrCpus, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    virDomainDef *persistentDef;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_DOMAIN_VCPU_MAXIMUM, -1);

    if (nrCpus > 32) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested cpu amount exceeds maximum supported amount (%d > %d)",
                       nrCpus, 32);
        return -1;
    }
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjGetDefs(dom, flags, &def, &persistentDef) < 0 ||
        testDomainSetVcpusCheck(def, nrCpus) < 0 ||
        testDomainSetVcpusCheck((flags & VIR_DOMAIN_VCPU_MAXIMUM) ? NULL : persistentDef,
                                nrCpus) < 0)
        goto cleanup;
    /* the live definition's count changes, even with VCPU_MAXIMUM */
    if (def && testDomainDefSetVcpus(def, nrCpus) < 0)
        goto cleanup;
    if (persistentDef) {
        if (flags & VIR_DOMAIN_VCPU_MAXIMUM)
            testDomainDefSetVcpusMax(persistentDef, nrCpus);
        else if (testDomainDefSetVcpus(persistentDef, nrCpus) < 0)
            goto cleanup;
    }
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainSetVcpus(virDomainPtr domain, unsigned int nrCpus)
{
    return testDomainSetVcpusFlags(domain, nrCpus, VIR_DOMAIN_AFFECT_LIVE);
}


/* ---- vCPU pinning and info ---- */

/* The CPUs vCPU @i of @def may run on: its pin, the <vcpu cpuset>, or
 * every host CPU (@host). */
static const char *
testDomainVcpuCPUs(const virDomainDef *def, size_t i, const char *host)
{
    if (def->vcpu.vcpupin && def->vcpu.vcpupin[i])
        return def->vcpu.vcpupin[i];
    if (def->vcpu.cpuset)
        return def->vcpu.cpuset;
    return host;
}


static bool
testDomainVcpuOnline(const virDomainDef *def, unsigned int i)
{
    if (i >= def->vcpu.maxvcpus)
        return false;
    if (def->vcpu.states)
        return def->vcpu.states[i].online;
    return i < def->vcpu.current;
}


static int
testDomainGetVcpus(virDomainPtr domain, virVcpuInfoPtr info, int maxinfo,
                   unsigned char *cpumaps, int maplen)
{
    testDriver *drv = testDriverOf(domain->conn);
    g_autofree char *host = testHostCPUList(drv);
    unsigned long long statbase;
    virDomainObj *dom;
    virDomainDef *def;
    int i;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!virDomainObjIsActive(dom)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot list vcpus for an inactive domain");
        virDomainObjEndAPI(&dom);
        return -1;
    }
    def = dom->def;
    statbase = g_get_real_time();
    if (maxinfo > (int)def->vcpu.current)
        maxinfo = def->vcpu.current;
    memset(info, 0, sizeof(*info) * maxinfo);
    if (cpumaps)
        memset(cpumaps, 0, maxinfo * maplen);
    for (i = 0; i < maxinfo; i++) {
        const char *cpus;

        if (!testDomainVcpuOnline(def, i))
            continue;
        cpus = testDomainVcpuCPUs(def, i, host);
        if (cpumaps)
            testCPUListToMap(cpus, VIR_GET_CPUMAP(cpumaps, maplen, i), maplen);
        info[i].number = i;
        info[i].state = VIR_VCPU_RUNNING;
        info[i].cpu = virDomainBitmapLast(cpus);
        /* a made-up, growing CPU time */
        info[i].cpuTime = statbase / 10;
    }
    virDomainObjEndAPI(&dom);
    return maxinfo;
}


static int
testDomainPinVcpuFlags(virDomainPtr domain, unsigned int vcpu, unsigned char *cpumap,
                       int maplen, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    def = dom->def;
    if (!virDomainObjIsActive(dom)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot pin vcpus on an inactive domain");
        goto cleanup;
    }
    if (!testDomainVcpuOnline(def, vcpu)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "requested vcpu '%d' is not present in the domain", vcpu);
        goto cleanup;
    }
    if (!def->vcpu.vcpupin)
        def->vcpu.vcpupin = g_new0(char *, def->vcpu.maxvcpus + 1);
    g_free(def->vcpu.vcpupin[vcpu]);
    def->vcpu.vcpupin[vcpu] = testCPUMapToList(cpumap, maplen);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainPinVcpu(virDomainPtr domain, unsigned int vcpu, unsigned char *cpumap, int maplen)
{
    return testDomainPinVcpuFlags(domain, vcpu, cpumap, maplen, 0);
}


static int
testDomainGetVcpuPinInfo(virDomainPtr domain, int ncpumaps, unsigned char *cpumaps,
                         int maplen, unsigned int flags)
{
    g_autofree char *host = testHostCPUList(testDriverOf(domain->conn));
    virDomainObj *dom;
    virDomainDef *def;
    int i = -1;

    /* libvirt's test driver takes any flags here */
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if ((def = virDomainObjGetOneDef(dom, flags))) {
        for (i = 0; i < (int)def->vcpu.maxvcpus && i < ncpumaps; i++) {
            testCPUListToMap(testDomainVcpuCPUs(def, i, host),
                             VIR_GET_CPUMAP(cpumaps, maplen, i), maplen);
        }
    }
    virDomainObjEndAPI(&dom);
    return i;
}


/* ---- emulator pinning ---- */

static int
testDomainPinEmulator(virDomainPtr domain, unsigned char *cpumap, int maplen,
                      unsigned int flags)
{
    g_autofree char *cpus = NULL;
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    cpus = testCPUMapToList(cpumap, maplen);
    if (!*cpus) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "Empty cpu list for pinning");
        goto cleanup;
    }
    g_free(def->vcpu.emulatorpin);
    def->vcpu.emulatorpin = g_steal_pointer(&cpus);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetEmulatorPinInfo(virDomainPtr domain, unsigned char *cpumap, int maplen,
                             unsigned int flags)
{
    g_autofree char *host = testHostCPUList(testDriverOf(domain->conn));
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if ((def = virDomainObjGetOneDef(dom, flags))) {
        testCPUListToMap(def->vcpu.emulatorpin ? def->vcpu.emulatorpin :
                         def->vcpu.cpuset ? def->vcpu.cpuset : host, cpumap, maplen);
        ret = 1;
    }
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- lifecycle actions ---- */

static int
testDomainLifecycleActionAllowed(unsigned int type, unsigned int action)
{
    static const char *types[] = { "poweroff", "reboot", "crash" };
    static const char *actions[] = { "destroy", "restart", "rename-restart", "preserve",
                                     "coredump-destroy", "coredump-restart" };

    if (type == VIR_DOMAIN_LIFECYCLE_CRASH ||
        (action != VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY &&
         action != VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART))
        return 0;
    /* libvirt reports this from its domain configuration code */
    virReportErrorHelper(VIR_FROM_DOMAIN, VIR_ERR_CONFIG_UNSUPPORTED, __FILE__, __FUNCTION__,
                         __LINE__, "Lifecycle event '%s' doesn't support '%s' action",
                   types[type], actions[action]);
    return -1;
}


static void
testDomainSetAction(virDomainDef *def, unsigned int type, unsigned int action)
{
    if (!def)
        return;
    if (type == VIR_DOMAIN_LIFECYCLE_POWEROFF)
        def->onPoweroff = action;
    else if (type == VIR_DOMAIN_LIFECYCLE_REBOOT)
        def->onReboot = action;
    else if (type == VIR_DOMAIN_LIFECYCLE_CRASH)
        def->onCrash = action;
}


static int
testDomainSetLifecycleAction(virDomainPtr domain, unsigned int type, unsigned int action,
                             unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    virDomainDef *persistentDef;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (testDomainLifecycleActionAllowed(type, action) < 0 ||
        !(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjGetDefs(dom, flags, &def, &persistentDef) == 0) {
        testDomainSetAction(def, type, action);
        testDomainSetAction(persistentDef, type, action);
        ret = 0;
    }
    virDomainObjEndAPI(&dom);
    return ret;
}


void
testDomainVcpuRegister(virHypervisorDriver *d)
{
    d->domainGetMaxMemory = testDomainGetMaxMemory;
    d->domainSetMaxMemory = testDomainSetMaxMemory;
    d->domainSetMemory = testDomainSetMemory;
    d->domainSetMemoryFlags = testDomainSetMemoryFlags;
    d->domainSetMemoryStatsPeriod = testDomainSetMemoryStatsPeriod;
    d->domainGetVcpusFlags = testDomainGetVcpusFlags;
    d->domainGetMaxVcpus = testDomainGetMaxVcpus;
    d->domainSetVcpus = testDomainSetVcpus;
    d->domainSetVcpusFlags = testDomainSetVcpusFlags;
    d->domainGetVcpus = testDomainGetVcpus;
    d->domainPinVcpu = testDomainPinVcpu;
    d->domainPinVcpuFlags = testDomainPinVcpuFlags;
    d->domainGetVcpuPinInfo = testDomainGetVcpuPinInfo;
    d->domainPinEmulator = testDomainPinEmulator;
    d->domainGetEmulatorPinInfo = testDomainGetEmulatorPinInfo;
    d->domainSetLifecycleAction = testDomainSetLifecycleAction;
}
