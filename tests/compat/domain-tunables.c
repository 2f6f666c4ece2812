/*
 * domain-tunables.c: the typed-parameter tunables of a domain (memory
 * limits, NUMA memory, blkio, interface bandwidth, scheduler, perf
 * events, launch security) and its size (memory, vCPU counts, pinning,
 * emulator pinning, lifecycle actions), live and persistent, with the
 * errors of bad flags, names, types and values.
 */
#include "compat.h"

static const char *tunedXML =
"<domain type='test'>"
"  <name>tuned</name>"
"  <uuid>11111111-2222-3333-4444-777777777777</uuid>"
"  <memory>1048576</memory>"
"  <currentMemory>524288</currentMemory>"
"  <vcpu current='2'>4</vcpu>"
"  <os><type>hvm</type></os>"
"  <devices>"
"    <interface type='network'>"
"      <mac address='52:54:00:11:22:33'/>"
"      <source network='default'/>"
"      <target dev='tap7'/>"
"    </interface>"
"    <memballoon model='virtio'/>"
"  </devices>"
"</domain>";

static void
showParams(const char *what, virTypedParameterPtr params, int n)
{
    int i;

    printf("%s: %d\n", what, n);
    for (i = 0; i < n; i++) {
        virTypedParameterPtr p = &params[i];

        printf("  %s type=%d ", p->field, p->type);
        switch (p->type) {
        case VIR_TYPED_PARAM_INT: printf("%d\n", p->value.i); break;
        case VIR_TYPED_PARAM_UINT: printf("%u\n", p->value.ui); break;
        case VIR_TYPED_PARAM_LLONG: printf("%lld\n", p->value.l); break;
        case VIR_TYPED_PARAM_ULLONG: printf("%llu\n", p->value.ul); break;
        case VIR_TYPED_PARAM_DOUBLE: printf("%g\n", p->value.d); break;
        case VIR_TYPED_PARAM_BOOLEAN: printf("%d\n", p->value.b); break;
        case VIR_TYPED_PARAM_STRING:
            printf("'%s'\n", p->value.s ? p->value.s : "(null)");
            break;
        default: printf("?\n");
        }
    }
    fflush(stdout);
}

typedef int (*getParamsFn)(virDomainPtr, virTypedParameterPtr, int *, unsigned int);

/* Ask for the count, then for the values (and for one fewer). */
static void
getParams(const char *what, getParamsFn fn, virDomainPtr dom, unsigned int flags)
{
    virTypedParameterPtr params;
    int n = 0;

    if (fn(dom, NULL, &n, flags) < 0) {
        compatShowError(what);
        return;
    }
    printf("%s(0x%x) count -> %d\n", what, flags, n);
    params = calloc(n + 1, sizeof(*params));
    if (fn(dom, params, &n, flags | VIR_TYPED_PARAM_STRING_OKAY) < 0)
        compatShowError(what);
    else
        showParams(what, params, n);
    virTypedParamsClear(params, n);
    if (n > 1) {
        n--;
        if (fn(dom, params, &n, flags | VIR_TYPED_PARAM_STRING_OKAY) == 0)
            showParams(what, params, n);
        virTypedParamsClear(params, n);
    }
    free(params);
}

static int
getIface(virDomainPtr dom, virTypedParameterPtr params, int *n, unsigned int flags)
{
    return virDomainGetInterfaceParameters(dom, "tap7", params, n, flags);
}

static void
memoryParams(virDomainPtr dom)
{
    virTypedParameterPtr params = NULL;
    int n = 0, max = 0;

    compatSection("memory parameters");
    getParams("virDomainGetMemoryParameters", virDomainGetMemoryParameters, dom, 0);
    virTypedParamsAddULLong(&params, &n, &max, VIR_DOMAIN_MEMORY_HARD_LIMIT, 4096);
    virTypedParamsAddULLong(&params, &n, &max, VIR_DOMAIN_MEMORY_SOFT_LIMIT, 2048);
    CHECK_INT(virDomainSetMemoryParameters(dom, params, n, 0));
    CHECK_INT(virDomainSetMemoryParameters(dom, params, n, VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainSetMemoryParameters(dom, params, n, 0x100));
    getParams("virDomainGetMemoryParameters", virDomainGetMemoryParameters, dom, 0);
    getParams("virDomainGetMemoryParameters", virDomainGetMemoryParameters, dom,
              VIR_DOMAIN_AFFECT_CONFIG);
    virTypedParamsClear(params, n);
    n = 0;
    virTypedParamsAddULLong(&params, &n, &max, VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT, 1024);
    CHECK_INT(virDomainSetMemoryParameters(dom, params, n, 0));
    virTypedParamsClear(params, n);
    n = 0;
    virTypedParamsAddInt(&params, &n, &max, VIR_DOMAIN_MEMORY_HARD_LIMIT, 1);
    CHECK_INT(virDomainSetMemoryParameters(dom, params, n, 0));
    virTypedParamsClear(params, n);
    n = 0;
    virTypedParamsAddULLong(&params, &n, &max, "bogus", 1);
    CHECK_INT(virDomainSetMemoryParameters(dom, params, n, 0));
    virTypedParamsFree(params, n);
}

static void
numaBlkioParams(virDomainPtr dom)
{
    virTypedParameterPtr params = NULL;
    int n = 0, max = 0;

    compatSection("NUMA parameters");
    getParams("virDomainGetNumaParameters", virDomainGetNumaParameters, dom, 0);
    virTypedParamsAddString(&params, &n, &max, VIR_DOMAIN_NUMA_NODESET, "0-1");
    CHECK_INT(virDomainSetNumaParameters(dom, params, n, VIR_DOMAIN_AFFECT_CONFIG));
    getParams("virDomainGetNumaParameters", virDomainGetNumaParameters, dom,
              VIR_DOMAIN_AFFECT_CONFIG);
    virTypedParamsAddInt(&params, &n, &max, VIR_DOMAIN_NUMA_MODE, 9);
    CHECK_INT(virDomainSetNumaParameters(dom, params, n, VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainSetNumaParameters(dom, params, n,
                                         VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_AFFECT_LIVE));
    virTypedParamsClear(params, n);

    compatSection("blkio parameters");
    n = 0;
    getParams("virDomainGetBlkioParameters", virDomainGetBlkioParameters, dom, 0);
    virTypedParamsAddUInt(&params, &n, &max, VIR_DOMAIN_BLKIO_WEIGHT, 500);
    virTypedParamsAddString(&params, &n, &max, VIR_DOMAIN_BLKIO_DEVICE_WEIGHT,
                            "/dev/sda,300,/dev/sdb,200");
    virTypedParamsAddString(&params, &n, &max, VIR_DOMAIN_BLKIO_DEVICE_READ_BPS,
                            "/dev/sda,10000");
    CHECK_INT(virDomainSetBlkioParameters(dom, params, n, 0));
    getParams("virDomainGetBlkioParameters", virDomainGetBlkioParameters, dom, 0);
    virTypedParamsClear(params, n);
    n = 0;
    virTypedParamsAddString(&params, &n, &max, VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS,
                            "/dev/sda");
    CHECK_INT(virDomainSetBlkioParameters(dom, params, n, 0));
    virTypedParamsClear(params, n);
    n = 0;
    virTypedParamsAddString(&params, &n, &max, VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS,
                            "/dev/sda,x");
    CHECK_INT(virDomainSetBlkioParameters(dom, params, n, 0));
    virTypedParamsFree(params, n);
}

static void
ifaceSchedPerf(virDomainPtr dom)
{
    virTypedParameterPtr params = NULL, perf = NULL;
    virTypedParameter sched[2];
    int n = 0, max = 0, nsched = 0;
    char *type;

    compatSection("interface parameters");
    getParams("virDomainGetInterfaceParameters", getIface, dom, 0);
    virTypedParamsAddUInt(&params, &n, &max, VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, 1000);
    virTypedParamsAddUInt(&params, &n, &max, VIR_DOMAIN_BANDWIDTH_IN_PEAK, 2000);
    virTypedParamsAddUInt(&params, &n, &max, VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, 500);
    CHECK_INT(virDomainSetInterfaceParameters(dom, "tap7", params, n, 0));
    CHECK_INT(virDomainSetInterfaceParameters(dom, "52:54:00:11:22:33", params, n,
                                              VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainSetInterfaceParameters(dom, "nosuch", params, n, 0));
    getParams("virDomainGetInterfaceParameters", getIface, dom, 0);
    virTypedParamsFree(params, n);
    params = NULL;

    compatSection("scheduler");
    type = virDomainGetSchedulerType(dom, &nsched);
    printf("virDomainGetSchedulerType -> %s %d\n", type ? type : "(null)", nsched);
    free(type);
    nsched = 2;
    if (CHECK_INT(virDomainGetSchedulerParameters(dom, sched, &nsched)) == 0)
        showParams("sched", sched, nsched);
    nsched = 2;
    if (CHECK_INT(virDomainGetSchedulerParametersFlags(dom, sched, &nsched, 0)) == 0)
        showParams("sched", sched, nsched);
    CHECK_INT(virDomainGetSchedulerParametersFlags(dom, sched, &nsched, 4));
    CHECK_INT(virDomainSetSchedulerParameters(dom, sched, 1));
    CHECK_INT(virDomainSetSchedulerParametersFlags(dom, sched, 1, 0));

    compatSection("perf events");
    n = 0;
    max = 0;
    virTypedParamsAddBoolean(&params, &n, &max, VIR_PERF_PARAM_CMT, 1);
    virTypedParamsAddBoolean(&params, &n, &max, VIR_PERF_PARAM_CPU_CYCLES, 0);
    CHECK_INT(virDomainSetPerfEvents(dom, params, n, 0));
    virTypedParamsFree(params, n);
    n = 0;
    if (CHECK_INT(virDomainGetPerfEvents(dom, &perf, &n, 0)) == 0)
        showParams("perf", perf, n);
    virTypedParamsFree(perf, n);
    perf = NULL;
    n = 0;
    CHECK_INT(virDomainGetLaunchSecurityInfo(dom, &perf, &n, 0));
    printf("launch security params: %d\n", n);
    virTypedParamsFree(perf, n);
}

static void
showVcpus(virDomainPtr dom)
{
    virVcpuInfo info[8];
    unsigned char maps[8];
    int i, n;

    n = CHECK_INT(virDomainGetVcpus(dom, info, 8, maps, 1));
    for (i = 0; i < n; i++)
        printf("  vcpu %u state=%d cpu=%d map=0x%02x\n", info[i].number, info[i].state,
               info[i].cpu, maps[i]);
    n = CHECK_INT(virDomainGetVcpuPinInfo(dom, 8, maps, 1, 0));
    for (i = 0; i < n; i++)
        printf("  pin %d map=0x%02x\n", i, maps[i]);
    fflush(stdout);
}

static void
vcpus(virDomainPtr dom)
{
    unsigned char map = 0x3;

    compatSection("vcpus");
    CHECK_INT(virDomainGetMaxVcpus(dom));
    CHECK_INT(virDomainGetVcpusFlags(dom, 0));
    CHECK_INT(virDomainGetVcpusFlags(dom, VIR_DOMAIN_VCPU_MAXIMUM | VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainGetVcpusFlags(dom, 0x40));
    showVcpus(dom);
    CHECK_INT(virDomainSetVcpus(dom, 3));
    CHECK_INT(virDomainSetVcpus(dom, 5));
    CHECK_INT(virDomainSetVcpus(dom, 40));
    CHECK_INT(virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainSetVcpusFlags(dom, 6, VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_VCPU_MAXIMUM));
    CHECK_INT(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_VCPU_MAXIMUM));
    CHECK_INT(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainPinVcpu(dom, 0, &map, 1));
    map = 0x4;
    CHECK_INT(virDomainPinVcpuFlags(dom, 1, &map, 1, 0));
    CHECK_INT(virDomainPinVcpuFlags(dom, 7, &map, 1, 0));
    CHECK_INT(virDomainPinVcpuFlags(dom, 1, &map, 1, 0x10));
    showVcpus(dom);
    CHECK_INT(virDomainGetEmulatorPinInfo(dom, &map, 1, 0));
    printf("  emulator map=0x%02x\n", map);
    map = 0x2;
    CHECK_INT(virDomainPinEmulator(dom, &map, 1, 0));
    map = 0;
    CHECK_INT(virDomainPinEmulator(dom, &map, 1, 0));
    CHECK_INT(virDomainGetEmulatorPinInfo(dom, &map, 1, 0));
    printf("  emulator map=0x%02x\n", map);
}

static void
memory(virDomainPtr dom)
{
    compatSection("memory");
    printf("virDomainGetMaxMemory -> %lu\n", virDomainGetMaxMemory(dom));
    CHECK_INT(virDomainSetMemory(dom, 262144));
    CHECK_INT(virDomainSetMemory(dom, 4194304));
    CHECK_INT(virDomainSetMemoryFlags(dom, 131072, VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainSetMemoryFlags(dom, 2097152,
                                      VIR_DOMAIN_AFFECT_CONFIG | VIR_DOMAIN_MEM_MAXIMUM));
    CHECK_INT(virDomainSetMemoryFlags(dom, 2097152,
                                      VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_MEM_MAXIMUM));
    CHECK_INT(virDomainSetMaxMemory(dom, 2097152));
    CHECK_INT(virDomainSetMemoryFlags(dom, 1, 0x100));
    printf("virDomainGetMaxMemory -> %lu\n", virDomainGetMaxMemory(dom));
    CHECK_INT(virDomainSetMemoryStatsPeriod(dom, 5, 0));
    CHECK_INT(virDomainSetMemoryStatsPeriod(dom, 5, VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainSetMemoryStatsPeriod(dom, 5, 0x10));

    compatSection("lifecycle actions");
    CHECK_INT(virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_POWEROFF,
                                          VIR_DOMAIN_LIFECYCLE_ACTION_RESTART, 0));
    CHECK_INT(virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_REBOOT,
                                          VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_DESTROY, 0));
    CHECK_INT(virDomainSetLifecycleAction(dom, VIR_DOMAIN_LIFECYCLE_CRASH,
                                          VIR_DOMAIN_LIFECYCLE_ACTION_COREDUMP_RESTART,
                                          VIR_DOMAIN_AFFECT_CONFIG));
}

static void
shutOff(virConnectPtr conn)
{
    virDomainPtr dom = CHECK_PTR(virDomainLookupByName(conn, "tuned"));

    compatSection("shut off");
    CHECK_INT(virDomainDestroy(dom));
    CHECK_INT(virDomainSetVcpusFlags(dom, 2, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainSetMemoryFlags(dom, 2, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainGetVcpus(dom, NULL, 0, NULL, 0));
    CHECK_INT(virDomainPinVcpu(dom, 0, (unsigned char *)"\1", 1));
    getParams("virDomainGetMemoryParameters", virDomainGetMemoryParameters, dom, 0);
    getParams("virDomainGetMemoryParameters", virDomainGetMemoryParameters, dom,
              VIR_DOMAIN_AFFECT_LIVE);
    CHECK_STR(virDomainGetXMLDesc(dom, 0));
    CHECK_INT(virDomainUndefine(dom));
    virDomainFree(dom);
}

int
main(void)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom;

    dom = CHECK_PTR(virDomainDefineXML(conn, tunedXML));
    if (!dom)
        return 1;
    CHECK_INT(virDomainCreate(dom));
    memoryParams(dom);
    numaBlkioParams(dom);
    ifaceSchedPerf(dom);
    vcpus(dom);
    memory(dom);
    compatSection("XML");
    CHECK_STR(virDomainGetXMLDesc(dom, 0));
    CHECK_STR(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    virDomainFree(dom);
    shutOff(conn);
    virConnectClose(conn);
    return 0;
}
