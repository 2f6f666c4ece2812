/*
 * test_domain_params.c: the typed-parameter tunables of the test
 * driver's domains: memory limits, NUMA memory, blkio weights, interface
 * bandwidth, block I/O throttling, the scheduler and perf events.
 *
 * Getters follow libvirt's protocol: *nparams 0 asks how many there are;
 * otherwise the first *nparams are filled.  Setters refuse unknown names
 * and wrong types before looking at the domain (virTypedParamsValidate).
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virtypedparam.h"
#include "util/virstring.h"
#include "util/virmacaddr.h"
#include "conf/domain/bitmap.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_ENUM_DECL(virDomainPerfEvent);

/* The first parameter called @name, or NULL. */
static const virTypedParameter *
testParamFind(virTypedParameterPtr params, int nparams, const char *name)
{
    int i;

    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, name))
            return &params[i];
    }
    return NULL;
}


/* libvirt reports these from its shared domain helpers */
#define testReportDomainError(code, ...) \
    virReportErrorHelper(VIR_FROM_DOMAIN, code, __FILE__, __FUNCTION__, __LINE__, __VA_ARGS__)


/* Assign @params[@idx] when the caller made room for it. */
#define TEST_SET_PARAM(idx, name, type, value) \
    do { \
        if ((idx) < *nparams && \
            virTypedParameterAssign(&params[idx], name, type, value) < 0) \
            goto cleanup; \
    } while (0)


/* ---- memory limits ---- */

static int
testDomainSetMemoryParameters(virDomainPtr domain, virTypedParameterPtr params,
                              int nparams, unsigned int flags)
{
    const virTypedParameter *hard, *soft, *swap;
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_MEMORY_HARD_LIMIT, VIR_TYPED_PARAM_ULLONG,
                               VIR_DOMAIN_MEMORY_SOFT_LIMIT, VIR_TYPED_PARAM_ULLONG,
                               VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT, VIR_TYPED_PARAM_ULLONG,
                               NULL) < 0 ||
        !(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    swap = testParamFind(params, nparams, VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT);
    hard = testParamFind(params, nparams, VIR_DOMAIN_MEMORY_HARD_LIMIT);
    soft = testParamFind(params, nparams, VIR_DOMAIN_MEMORY_SOFT_LIMIT);
    /* as libvirt, compared with the live definition's limits */
    if ((hard || swap) &&
        (hard ? hard->value.ul : dom->def->mem.hardLimit) >
        (swap ? swap->value.ul : dom->def->mem.swapHardLimit)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "memory hard_limit tunable value must be lower than or equal "
                       "to swap_hard_limit");
        goto cleanup;
    }
    if (soft)
        def->mem.softLimit = soft->value.ul;
    if (hard)
        def->mem.hardLimit = hard->value.ul;
    if (swap)
        def->mem.swapHardLimit = swap->value.ul;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetMemoryParameters(virDomainPtr domain, virTypedParameterPtr params,
                              int *nparams, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    if (*nparams == 0) {
        *nparams = 3;
        return 0;
    }
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    TEST_SET_PARAM(0, VIR_DOMAIN_MEMORY_HARD_LIMIT, VIR_TYPED_PARAM_ULLONG, def->mem.hardLimit);
    TEST_SET_PARAM(1, VIR_DOMAIN_MEMORY_SOFT_LIMIT, VIR_TYPED_PARAM_ULLONG, def->mem.softLimit);
    TEST_SET_PARAM(2, VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT, VIR_TYPED_PARAM_ULLONG,
                   def->mem.swapHardLimit);
    if (*nparams > 3)
        *nparams = 3;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- NUMA memory ---- */

/* libvirt's virDomainNumatuneSet for the domain-wide <memory> element
 * (@mode -1 and @nodeset NULL: unchanged). */
static int
testDomainNumatuneSet(virDomainMemoryDef *mem, bool placementStatic, int mode,
                      char **nodeset)
{
    int placement = -1;

    if (mode == -1 && !*nodeset)
        return 0;
    if (!mem->numatuneMemory) {
        if (mode == -1)
            mode = VIR_DOMAIN_NUMATUNE_MEM_STRICT;
        placement = VIR_DOMAIN_NUMATUNE_PLACEMENT_DEFAULT;
    }
    if (mode != -1)
        mem->numatuneMode = mode;
    if (*nodeset) {
        g_free(mem->numatuneNodeset);
        mem->numatuneNodeset = g_steal_pointer(nodeset);
        if (placement == -1)
            placement = VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC;
    }
    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_DEFAULT)
        placement = mem->numatuneNodeset || placementStatic ?
                    VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC : VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO;
    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC && !mem->numatuneNodeset) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "nodeset for NUMA memory tuning must be set if 'placement' "
                       "is 'static'");
        return -1;
    }
    if (placement == VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO)
        g_clear_pointer(&mem->numatuneNodeset, g_free);
    if (placement != -1)
        mem->numatunePlacement = placement;
    mem->numatuneMemory = true;
    mem->numatunePresent = true;
    return 0;
}


static int
testDomainNumaParams(virTypedParameterPtr params, int nparams, int *mode, char **nodeset)
{
    int i;

    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, VIR_DOMAIN_NUMA_MODE)) {
            *mode = params[i].value.i;
            if (*mode < 0 || *mode >= VIR_DOMAIN_NUMATUNE_MEM_LAST) {
                virReportError(VIR_ERR_INVALID_ARG, "unsupported numatune mode: '%d'", *mode);
                return -1;
            }
        } else if (STREQ(params[i].field, VIR_DOMAIN_NUMA_NODESET)) {
            g_free(*nodeset);
            if (!(*nodeset = virDomainBitmapCanonical(params[i].value.s, true)))
                return -1;
            if (!**nodeset) {
                virReportError(VIR_ERR_OPERATION_INVALID,
                               "Invalid nodeset of 'numatune': %s", params[i].value.s);
                return -1;
            }
        }
    }
    return 0;
}


static int
testDomainSetNumaParameters(virDomainPtr domain, virTypedParameterPtr params,
                            int nparams, unsigned int flags)
{
    g_autofree char *nodeset = NULL;
    virDomainObj *dom;
    virDomainDef *def;
    bool live = false;
    int mode = -1;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_NUMA_MODE, VIR_TYPED_PARAM_INT,
                               VIR_DOMAIN_NUMA_NODESET, VIR_TYPED_PARAM_STRING,
                               NULL) < 0 ||
        !(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDefState(dom, flags, &live)) ||
        testDomainNumaParams(params, nparams, &mode, &nodeset) < 0)
        goto cleanup;
    if (live && mode != -1 && def->mem.numatuneMemory && def->mem.numatuneMode != mode) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "can't change numatune mode for running domain");
        goto cleanup;
    }
    ret = testDomainNumatuneSet(&def->mem,
                                def->vcpu.placement == 0 /* static */,
                                mode, &nodeset);
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetNumaParameters(virDomainPtr domain, virTypedParameterPtr params,
                            int *nparams, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    if (*nparams == 0) {
        *nparams = 2;
        return 0;
    }
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    TEST_SET_PARAM(0, VIR_DOMAIN_NUMA_MODE, VIR_TYPED_PARAM_INT,
                   def->mem.numatuneMemory ? def->mem.numatuneMode
                                           : VIR_DOMAIN_NUMATUNE_MEM_STRICT);
    if (*nparams > 1 &&
        virTypedParameterAssign(&params[1], VIR_DOMAIN_NUMA_NODESET, VIR_TYPED_PARAM_STRING,
                                g_strdup(def->mem.numatuneMemory ? def->mem.numatuneNodeset
                                                                 : NULL)) < 0)
        goto cleanup;
    if (*nparams > 2)
        *nparams = 2;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- blkio ---- */

/* The blkio device fields by parameter name, in libvirt's order. */
static const char *testBlkioDeviceParams[] = {
    VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS,
    VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS, VIR_DOMAIN_BLKIO_DEVICE_READ_BPS,
    VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS,
};

static unsigned long long
testBlkioGet(const virDomainBlkioDevice *dev, size_t field)
{
    switch (field) {
    case 0: return dev->weight;
    case 1: return dev->riops;
    case 2: return dev->wiops;
    case 3: return dev->rbps;
    default: return dev->wbps;
    }
}

static void
testBlkioSet(virDomainBlkioDevice *dev, size_t field, unsigned long long value)
{
    switch (field) {
    case 0: dev->weight = value; break;
    case 1: dev->riops = value; break;
    case 2: dev->wiops = value; break;
    case 3: dev->rbps = value; break;
    default: dev->wbps = value; break;
    }
}


/* Set @field of the device @path in @mem, adding the device unless the
 * value is 0. */
static void
testBlkioMerge(virDomainMemoryDef *mem, const char *path, size_t field,
               unsigned long long value)
{
    virDomainBlkioDevice *dev;
    size_t i;

    for (i = 0; i < mem->nblkioDevices; i++) {
        if (STREQ(mem->blkioDevices[i].path, path)) {
            testBlkioSet(&mem->blkioDevices[i], field, value);
            return;
        }
    }
    if (!value)
        return;
    mem->blkioDevices = g_renew(virDomainBlkioDevice, mem->blkioDevices,
                                mem->nblkioDevices + 1);
    dev = &mem->blkioDevices[mem->nblkioDevices++];
    memset(dev, 0, sizeof(*dev));
    dev->path = g_strdup(path);
    testBlkioSet(dev, field, value);
}


/* "path,value[,path,value...]" for device field @field into @mem. */
static int
testBlkioParseDevices(virDomainMemoryDef *mem, size_t field, const char *str)
{
    g_auto(GStrv) parts = NULL;
    size_t n, i;

    if (!*str)
        return 0;
    parts = g_strsplit(str, ",", -1);
    n = g_strv_length(parts);
    if (n % 2) {
        testReportDomainError(VIR_ERR_INVALID_ARG, "unable to parse blkio device '%s' '%s'",
                       testBlkioDeviceParams[field], str);
        return -1;
    }
    for (i = 0; i < n; i += 2) {
        unsigned long long value;
        unsigned int small;
        char *end = NULL;
        int rc = field < 3 ? virStrToLong_uip(parts[i + 1], &end, 10, &small)
                           : virStrToLong_ullp(parts[i + 1], &end, 10, &value);

        if (rc == 0 && *end) {
            testReportDomainError(VIR_ERR_INVALID_ARG, "unable to parse blkio device '%s' '%s'",
                           testBlkioDeviceParams[field], str);
            return -1;
        }
        if (rc < 0) {
            g_autofree char *rest = g_strjoinv(",", parts + i + 1);

            testReportDomainError(VIR_ERR_INVALID_ARG,
                           "invalid value '%s' for parameter '%s' of device '%s'",
                           rest, testBlkioDeviceParams[field], parts[i]);
            return -1;
        }
        if (field < 3)
            value = small;
        testBlkioMerge(mem, parts[i], field, value);
    }
    return 0;
}


static int
testDomainSetBlkioParameters(virDomainPtr domain, virTypedParameterPtr params,
                             int nparams, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_BLKIO_WEIGHT, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BLKIO_DEVICE_WEIGHT, VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS, VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS, VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_READ_BPS, VIR_TYPED_PARAM_STRING,
                               VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS, VIR_TYPED_PARAM_STRING,
                               NULL) < 0 ||
        !(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    ret = 0;
    /* as libvirt: a bad device list fails the call, the others still apply */
    for (i = 0; i < nparams; i++) {
        size_t field;

        if (STREQ(params[i].field, VIR_DOMAIN_BLKIO_WEIGHT)) {
            def->mem.blkioWeight = params[i].value.ui;
            continue;
        }
        for (field = 0; field < G_N_ELEMENTS(testBlkioDeviceParams); field++) {
            if (STREQ(params[i].field, testBlkioDeviceParams[field]) &&
                testBlkioParseDevices(&def->mem, field, params[i].value.s) < 0)
                ret = -1;
        }
    }
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetBlkioParameters(virDomainPtr domain, virTypedParameterPtr params,
                             int *nparams, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int maxparams = 6;
    size_t field, i;
    int n = 0;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    if (*nparams == 0) {
        *nparams = 6;
        return 0;
    }
    if (*nparams < maxparams)
        maxparams = *nparams;
    *nparams = 0;
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    if (virTypedParameterAssign(&params[n++], VIR_DOMAIN_BLKIO_WEIGHT, VIR_TYPED_PARAM_UINT,
                                def->mem.blkioWeight) < 0)
        goto cleanup;
    for (field = 0; field < G_N_ELEMENTS(testBlkioDeviceParams) && n < maxparams; field++) {
        GString *list = g_string_new(NULL);

        for (i = 0; i < def->mem.nblkioDevices; i++) {
            unsigned long long value = testBlkioGet(&def->mem.blkioDevices[i], field);

            if (value)
                g_string_append_printf(list, "%s%s,%llu", list->len ? "," : "",
                                       def->mem.blkioDevices[i].path, value);
        }
        if (virTypedParameterAssign(&params[n++], testBlkioDeviceParams[field],
                                    VIR_TYPED_PARAM_STRING, g_string_free(list, FALSE)) < 0)
            goto cleanup;
    }
    ret = 0;
 cleanup:
    *nparams = n;
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- interface bandwidth ---- */

/* The interface @device (MAC address or target name) of @def. */
static virDomainNetDef *
testDomainNetFind(virDomainDef *def, const char *device)
{
    virMacAddr mac;
    bool isMac = virMacAddrParse(device, &mac) == 0;
    size_t i;

    for (i = 0; i < def->nnets; i++) {
        if (isMac ? memcmp(def->nets[i]->mac, mac.addr, VIR_MAC_BUFLEN) == 0
                  : STREQ_NULLABLE(def->nets[i]->ifname, device))
            return def->nets[i];
    }
    testReportDomainError(VIR_ERR_INVALID_ARG, "'%s' is not a known interface", device);
    return NULL;
}


static void
testDomainSetBandwidth(virDomainNetBandwidth *bw, virTypedParameterPtr params, int nparams)
{
    virDomainNetRate in = { 0 }, out = { 0 };
    bool inSpecified = false, outSpecified = false;
    bool hadBandwidth = bw->present;
    int i;

    for (i = 0; i < nparams; i++) {
        const char *f = params[i].field;
        unsigned int v = params[i].value.ui;

        if (STREQ(f, VIR_DOMAIN_BANDWIDTH_IN_AVERAGE))
            in.average = v, inSpecified = true;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_IN_PEAK))
            in.peak = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_IN_BURST))
            in.burst = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_IN_FLOOR))
            in.floor = v, inSpecified = true;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE))
            out.average = v, outSpecified = true;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_OUT_PEAK))
            out.peak = v;
        else if (STREQ(f, VIR_DOMAIN_BANDWIDTH_OUT_BURST))
            out.burst = v;
    }
    bw->present = true;
    /* a rate needs an average (or, inbound, a floor); one asked without
     * it clears what was set */
    if (in.average || in.floor) {
        bw->in = in;
        bw->inSet = true;
    } else if (inSpecified || !hadBandwidth) {
        memset(&bw->in, 0, sizeof(bw->in));
        bw->inSet = false;
    }
    if (out.average) {
        bw->out = out;
        bw->outSet = true;
    } else if (outSpecified || !hadBandwidth) {
        memset(&bw->out, 0, sizeof(bw->out));
        bw->outSet = false;
    }
}


static int
testDomainSetInterfaceParameters(virDomainPtr domain, const char *device,
                                 virTypedParameterPtr params, int nparams,
                                 unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    virDomainNetDef *net;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_PEAK, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_BURST, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_IN_FLOOR, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_PEAK, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_BANDWIDTH_OUT_BURST, VIR_TYPED_PARAM_UINT,
                               NULL) < 0 ||
        !(dom = testDomObjFromDomain(domain)))
        return -1;
    if ((def = virDomainObjGetOneDef(dom, flags)) &&
        (net = testDomainNetFind(def, device))) {
        testDomainSetBandwidth(&net->bandwidth, params, nparams);
        ret = 0;
    }
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetInterfaceParameters(virDomainPtr domain, const char *device,
                                 virTypedParameterPtr params, int *nparams,
                                 unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    virDomainNetDef *net;
    virDomainNetRate in = { 0 }, out = { 0 };
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    if (*nparams == 0) {
        *nparams = 7;
        return 0;
    }
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)) ||
        !(net = testDomainNetFind(def, device)))
        goto cleanup;
    if (net->bandwidth.inSet)
        in = net->bandwidth.in;
    if (net->bandwidth.outSet)
        out = net->bandwidth.out;
    TEST_SET_PARAM(0, VIR_DOMAIN_BANDWIDTH_IN_AVERAGE, VIR_TYPED_PARAM_UINT, (unsigned)in.average);
    TEST_SET_PARAM(1, VIR_DOMAIN_BANDWIDTH_IN_PEAK, VIR_TYPED_PARAM_UINT, (unsigned)in.peak);
    TEST_SET_PARAM(2, VIR_DOMAIN_BANDWIDTH_IN_BURST, VIR_TYPED_PARAM_UINT, (unsigned)in.burst);
    TEST_SET_PARAM(3, VIR_DOMAIN_BANDWIDTH_IN_FLOOR, VIR_TYPED_PARAM_UINT, (unsigned)in.floor);
    TEST_SET_PARAM(4, VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, VIR_TYPED_PARAM_UINT,
                   (unsigned)out.average);
    TEST_SET_PARAM(5, VIR_DOMAIN_BANDWIDTH_OUT_PEAK, VIR_TYPED_PARAM_UINT, (unsigned)out.peak);
    TEST_SET_PARAM(6, VIR_DOMAIN_BANDWIDTH_OUT_BURST, VIR_TYPED_PARAM_UINT, (unsigned)out.burst);
    if (*nparams > 7)
        *nparams = 7;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- scheduler ---- */

static char *
testDomainGetSchedulerType(virDomainPtr domain G_GNUC_UNUSED, int *nparams)
{
    if (nparams)
        *nparams = 1;
    return g_strdup("fair");
}


static int
testDomainGetSchedulerParametersFlags(virDomainPtr domain, virTypedParameterPtr params,
                                      int *nparams, unsigned int flags)
{
    virDomainObj *dom;
    int ret;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    /* a fixed weight, as libvirt's test driver answers */
    ret = virTypedParameterAssign(params, VIR_DOMAIN_SCHEDULER_WEIGHT, VIR_TYPED_PARAM_UINT, 50);
    if (ret == 0)
        *nparams = 1;
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetSchedulerParameters(virDomainPtr domain, virTypedParameterPtr params,
                                 int *nparams)
{
    return testDomainGetSchedulerParametersFlags(domain, params, nparams, 0);
}


static int
testDomainSetSchedulerParametersFlags(virDomainPtr domain, virTypedParameterPtr params,
                                      int nparams, unsigned int flags)
{
    virDomainObj *dom;

    virCheckFlags(0, -1);

    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_SCHEDULER_WEIGHT, VIR_TYPED_PARAM_UINT,
                               NULL) < 0 ||
        !(dom = testDomObjFromDomain(domain)))
        return -1;
    /* accepted and dropped, as in libvirt's test driver */
    virDomainObjEndAPI(&dom);
    return 0;
}


static int
testDomainSetSchedulerParameters(virDomainPtr domain, virTypedParameterPtr params,
                                 int nparams)
{
    return testDomainSetSchedulerParametersFlags(domain, params, nparams, 0);
}


/* ---- perf events and launch security ---- */

static int
testDomainSetPerfEvents(virDomainPtr domain, virTypedParameterPtr params, int nparams,
                        unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;
    int i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (virTypedParamsValidate(params, nparams,
                               VIR_PERF_PARAM_CMT, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_MBMT, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_MBML, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_CPU_CYCLES, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_INSTRUCTIONS, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_CACHE_REFERENCES, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_CACHE_MISSES, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_BRANCH_INSTRUCTIONS, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_BRANCH_MISSES, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_BUS_CYCLES, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_STALLED_CYCLES_FRONTEND, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_STALLED_CYCLES_BACKEND, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_REF_CPU_CYCLES, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_CPU_CLOCK, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_TASK_CLOCK, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_PAGE_FAULTS, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_CONTEXT_SWITCHES, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_CPU_MIGRATIONS, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_PAGE_FAULTS_MIN, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_PAGE_FAULTS_MAJ, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_ALIGNMENT_FAULTS, VIR_TYPED_PARAM_BOOLEAN,
                               VIR_PERF_PARAM_EMULATION_FAULTS, VIR_TYPED_PARAM_BOOLEAN,
                               NULL) < 0)
        return -1;
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if ((def = virDomainObjGetOneDef(dom, flags))) {
        for (i = 0; i < nparams; i++)
            def->perf[virDomainPerfEventTypeFromString(params[i].field)] =
                params[i].value.b ? VIR_TRISTATE_BOOL_YES : VIR_TRISTATE_BOOL_NO;
        ret = 0;
    }
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetPerfEvents(virDomainPtr domain, virTypedParameterPtr *params, int *nparams,
                        unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    int ret = -1;
    size_t i;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if ((def = virDomainObjGetOneDef(dom, flags))) {
        virTypedParameterPtr par = g_new0(virTypedParameter, G_N_ELEMENTS(def->perf));

        for (i = 0; i < G_N_ELEMENTS(def->perf); i++)
            ignore_value(virTypedParameterAssign(&par[i], virDomainPerfEventTypeToString(i),
                                                 VIR_TYPED_PARAM_BOOLEAN,
                                                 def->perf[i] == VIR_TRISTATE_BOOL_YES));
        *params = par;
        *nparams = G_N_ELEMENTS(def->perf);
        ret = 0;
    }
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetLaunchSecurityInfo(virDomainPtr domain G_GNUC_UNUSED,
                                virTypedParameterPtr *params G_GNUC_UNUSED,
                                int *nparams, unsigned int flags)
{
    virCheckFlags(0, -1);

    /* no launch security in the test driver */
    *nparams = 0;
    return 0;
}


void
testDomainParamsRegister(virHypervisorDriver *d)
{
    d->domainSetMemoryParameters = testDomainSetMemoryParameters;
    d->domainGetMemoryParameters = testDomainGetMemoryParameters;
    d->domainSetNumaParameters = testDomainSetNumaParameters;
    d->domainGetNumaParameters = testDomainGetNumaParameters;
    d->domainSetBlkioParameters = testDomainSetBlkioParameters;
    d->domainGetBlkioParameters = testDomainGetBlkioParameters;
    d->domainSetInterfaceParameters = testDomainSetInterfaceParameters;
    d->domainGetInterfaceParameters = testDomainGetInterfaceParameters;
    d->domainGetSchedulerType = testDomainGetSchedulerType;
    d->domainGetSchedulerParameters = testDomainGetSchedulerParameters;
    d->domainGetSchedulerParametersFlags = testDomainGetSchedulerParametersFlags;
    d->domainSetSchedulerParameters = testDomainSetSchedulerParameters;
    d->domainSetSchedulerParametersFlags = testDomainSetSchedulerParametersFlags;
    d->domainSetPerfEvents = testDomainSetPerfEvents;
    d->domainGetPerfEvents = testDomainGetPerfEvents;
    d->domainGetLaunchSecurityInfo = testDomainGetLaunchSecurityInfo;
}
