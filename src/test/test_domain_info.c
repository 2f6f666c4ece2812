/*
 * test_domain_info.c: what the test driver tells about a domain: info,
 * state, control info, XML description, OS type, guest time and host
 * name.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virtypedparam.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static int
testDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info)
{
    virDomainObj *dom;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    info->state = dom->state;
    info->memory = dom->def->mem.cur;
    info->maxMem = dom->def->mem.total;
    info->nrVirtCpu = dom->def->vcpu.current;
    info->cpuTime = (unsigned long long)g_get_real_time() * 1000ULL;
    virDomainObjEndAPI(&dom);
    return 0;
}


static int
testDomainGetState(virDomainPtr domain, int *state, int *reason, unsigned int flags)
{
    virDomainObj *dom;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    *state = dom->state;
    if (reason)
        *reason = dom->reason;
    virDomainObjEndAPI(&dom);
    return 0;
}


/* libvirt's test driver reads a control state out of the guest time
 * (set with virDomainSetTime), so every state can be tried:
 * (0, 10000) job, [10000, 30000) occupied, [30000, 60000) error with the
 * detail in seconds % 4, anything else ok. */
static void
testDomainControlInfoFromTime(long long seconds, virDomainControlInfoPtr info)
{
    static const int errorDetails[] = {
        VIR_DOMAIN_CONTROL_ERROR_REASON_NONE,
        VIR_DOMAIN_CONTROL_ERROR_REASON_UNKNOWN,
        VIR_DOMAIN_CONTROL_ERROR_REASON_MONITOR,
        VIR_DOMAIN_CONTROL_ERROR_REASON_INTERNAL,
    };

    memset(info, 0, sizeof(*info));
    if (seconds > 0 && seconds < 10000) {
        info->state = VIR_DOMAIN_CONTROL_JOB;
        info->stateTime = seconds;
    } else if (seconds >= 10000 && seconds < 30000) {
        info->state = VIR_DOMAIN_CONTROL_OCCUPIED;
        info->stateTime = seconds - 10000;
    } else if (seconds >= 30000 && seconds < 60000) {
        info->state = VIR_DOMAIN_CONTROL_ERROR;
        info->details = errorDetails[seconds % 4];
        info->stateTime = seconds - 30000;
    } else {
        info->state = VIR_DOMAIN_CONTROL_OK;
    }
}


static int
testDomainGetControlInfo(virDomainPtr domain, virDomainControlInfoPtr info,
                         unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    testDomainControlInfoFromTime(testDomainPrivate(dom)->seconds, info);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetTime(virDomainPtr domain, long long *seconds, unsigned int *nseconds,
                  unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->state != VIR_DOMAIN_RUNNING) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "domain is not running");
        goto cleanup;
    }
    *seconds = testDomainPrivate(dom)->seconds;
    *nseconds = testDomainPrivate(dom)->nseconds;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainSetTime(virDomainPtr domain, long long seconds, unsigned int nseconds,
                  unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_TIME_SYNC, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    testDomainPrivate(dom)->seconds = seconds;
    testDomainPrivate(dom)->nseconds = nseconds;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static char *
testDomainGetHostname(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    char *ret = NULL;

    virCheckFlags(0, NULL);

    if (!(dom = testDomObjFromDomain(domain)))
        return NULL;
    if (virDomainObjCheckActive(dom) == 0)
        ret = g_strdup_printf("%shost", domain->name);
    virDomainObjEndAPI(&dom);
    return ret;
}


static char *
testDomainGetXMLDesc(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    unsigned int fmt = 0;
    char *ret;

    virCheckFlags(VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE |
                  VIR_DOMAIN_XML_MIGRATABLE, NULL);

    if (!(dom = testDomObjFromDomain(domain)))
        return NULL;
    def = (flags & VIR_DOMAIN_XML_INACTIVE) && dom->newDef ? dom->newDef : dom->def;
    if (flags & VIR_DOMAIN_XML_SECURE)
        fmt |= VIR_DOMAIN_DEF_FORMAT_SECURE;
    if (flags & VIR_DOMAIN_XML_INACTIVE)
        fmt |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    if (flags & VIR_DOMAIN_XML_MIGRATABLE)
        fmt |= VIR_DOMAIN_DEF_FORMAT_MIGRATABLE;
    ret = virDomainDefFormat(def, fmt);
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainIsActive(virDomainPtr domain)
{
    virDomainObj *dom;
    int ret;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    ret = virDomainObjIsActive(dom);
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainIsPersistent(virDomainPtr domain)
{
    virDomainObj *dom;
    int ret;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    ret = dom->persistent;
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainIsUpdated(virDomainPtr domain G_GNUC_UNUSED)
{
    return 0;
}


static char *
testDomainGetOSType(virDomainPtr domain G_GNUC_UNUSED)
{
    /* libvirt's test driver answers "linux" for every domain */
    return g_strdup("linux");
}


/* ---- CPU time (figures libvirt's test driver makes up) ---- */

#define TEST_TOTAL_CPUTIME 48772617035ULL

/* The domain's total: CPU, user and system time. */
static int
testDomainTotalCPUStats(virTypedParameterPtr params, unsigned int nparams)
{
    static const struct {
        const char *name;
        unsigned long long value;
    } totals[] = {
        { VIR_DOMAIN_CPU_STATS_CPUTIME, TEST_TOTAL_CPUTIME },
        { VIR_DOMAIN_CPU_STATS_USERTIME, 5540000000ULL },
        { VIR_DOMAIN_CPU_STATS_SYSTEMTIME, 6460000000ULL },
    };
    size_t i;

    if (nparams == 0)
        return G_N_ELEMENTS(totals);
    for (i = 0; i < G_N_ELEMENTS(totals) && i < nparams; i++) {
        if (virTypedParameterAssign(&params[i], totals[i].name, VIR_TYPED_PARAM_ULLONG,
                                    totals[i].value) < 0)
            return -1;
    }
    return i;
}


/* Per host CPU (one per core of the node info, as libvirt counts them
 * here): CPU time, then vCPU time. */
static int
testDomainPerCPUStats(virTypedParameterPtr params, unsigned int nparams, int start,
                      unsigned int ncpus, int total)
{
    unsigned long long each = TEST_TOTAL_CPUTIME / total;
    int end = MIN(total, start + (int)ncpus);
    int i;

    if (ncpus == 0)
        return total;
    if (nparams == 0)
        return 2;
    if (start >= total) {
        virReportError(VIR_ERR_INVALID_ARG, "start_cpu %d larger than maximum of %d",
                       start, total - 1);
        return -1;
    }
    for (i = start; i < end; i++) {
        virTypedParameterPtr row = &params[(i - start) * nparams];

        if (virTypedParameterAssign(&row[0], VIR_DOMAIN_CPU_STATS_CPUTIME,
                                    VIR_TYPED_PARAM_ULLONG, each + i) < 0 ||
            (nparams > 1 &&
             virTypedParameterAssign(&row[1], VIR_DOMAIN_CPU_STATS_VCPUTIME,
                                     VIR_TYPED_PARAM_ULLONG, each + i - 1234567890) < 0))
            return -1;
    }
    return nparams > 1 ? 2 : 1;
}


static int
testDomainGetCPUStats(virDomainPtr domain, virTypedParameterPtr params, unsigned int nparams,
                      int start_cpu, unsigned int ncpus, unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(VIR_TYPED_PARAM_STRING_OKAY, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) == 0) {
        if (start_cpu == -1)
            ret = testDomainTotalCPUStats(params, nparams);
        else
            ret = testDomainPerCPUStats(params, nparams, start_cpu, ncpus,
                                        drv->nodeInfo.cores);
    }
    virDomainObjEndAPI(&dom);
    return ret;
}


void
testDomainInfoRegister(virHypervisorDriver *d)
{
    d->domainGetCPUStats = testDomainGetCPUStats;
    d->domainGetInfo = testDomainGetInfo;
    d->domainGetState = testDomainGetState;
    d->domainGetControlInfo = testDomainGetControlInfo;
    d->domainGetTime = testDomainGetTime;
    d->domainSetTime = testDomainSetTime;
    d->domainGetHostname = testDomainGetHostname;
    d->domainGetXMLDesc = testDomainGetXMLDesc;
    d->domainIsActive = testDomainIsActive;
    d->domainIsPersistent = testDomainIsPersistent;
    d->domainIsUpdated = testDomainIsUpdated;
    d->domainGetOSType = testDomainGetOSType;
}
