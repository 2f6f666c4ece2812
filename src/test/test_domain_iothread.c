/*
 * test_domain_iothread.c: the IOThreads of test driver domains: their
 * list and CPU maps, pinning, adding and removing them, and their
 * polling parameters.
 *
 * The definitions keep the iothreads (<iothreadids>, <iothreadpin>);
 * the domain's private data keeps the polling parameters that the bulk
 * statistics report.  As in libvirt's test driver, an iothread added to
 * either definition gets polling parameters (32768 ns, no grow/shrink)
 * and removing one from either drops them.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virtypedparam.h"
#include "conf/domain/bitmap.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The CPU map of @io: its pinning, else the domain's cpuset, else one
 * CPU per vCPU (what libvirt's test driver reports). */
static virDomainIOThreadInfoPtr
testIOThreadInfoNew(const virDomainDef *def, const virDomainIOThreadDef *io)
{
    virDomainIOThreadInfoPtr info = g_new0(virDomainIOThreadInfo, 1);
    g_autofree char *all = NULL;
    const char *cpus = io->cpuset ? io->cpuset : def->vcpu.cpuset;
    int last;

    if (!cpus)
        cpus = all = g_strdup_printf("0-%u", def->vcpu.current - 1);
    last = virDomainBitmapLast(cpus);
    info->iothread_id = io->id;
    info->cpumaplen = last < 0 ? 1 : last / 8 + 1;
    info->cpumap = g_new0(unsigned char, info->cpumaplen);
    testCPUListToMap(cpus, info->cpumap, info->cpumaplen);
    return info;
}


static int
testDomainGetIOThreadInfo(virDomainPtr domain, virDomainIOThreadInfoPtr **info,
                          unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    size_t i;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if ((def = virDomainObjGetOneDef(dom, flags))) {
        ret = def->vcpu.niothreadids;
        if (ret > 0) {
            *info = g_new0(virDomainIOThreadInfoPtr, ret);
            for (i = 0; i < def->vcpu.niothreadids; i++)
                (*info)[i] = testIOThreadInfoNew(def, &def->vcpu.iothreadids[i]);
        }
    }
    virDomainObjEndAPI(&dom);
    return ret;
}


/* The iothread @id of the definition @flags select, which must exist,
 * or NULL with libvirt's error: removing one reports it from libvirt's
 * domain helpers, changing one from its test driver. */
static virDomainIOThreadDef *
testIOThreadFind(virDomainObj *dom, unsigned int id, unsigned int flags, bool removing)
{
    virDomainDef *def = virDomainObjGetOneDef(dom, flags);
    virDomainIOThreadDef *io;

    if (!def)
        return NULL;
    if ((io = virDomainIOThreadFind(&def->vcpu, id)))
        return io;
    if (removing)
        virReportErrorHelper(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG, __FILE__, __FUNCTION__,
                             __LINE__, "cannot find IOThread '%u' in iothreadids list", id);
    else
        virReportError(VIR_ERR_INVALID_ARG, "cannot find IOThread '%u' in iothreadids", id);
    return NULL;
}


static int
testDomainPinIOThread(virDomainPtr domain, unsigned int id, unsigned char *cpumap,
                      int maplen, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    virDomainIOThreadDef *io;
    g_autofree char *cpus = NULL;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    cpus = testCPUMapToList(cpumap, maplen);
    if (!*cpus) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "Empty iothread cpumap list for pinning");
        goto cleanup;
    }
    if (!(io = virDomainIOThreadFind(&def->vcpu, id))) {
        virReportError(VIR_ERR_INVALID_ARG, "iothreadid %d not found", (int)id);
        goto cleanup;
    }
    g_free(io->cpuset);
    io->cpuset = g_steal_pointer(&cpus);
    io->autofill = false;
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static bool
testIOThreadCheckZero(unsigned int id)
{
    if (id != 0)
        return true;
    virReportError(VIR_ERR_INVALID_ARG, "%s", "invalid value of 0 for iothread_id");
    return false;
}


static int
testDomainAddIOThread(virDomainPtr domain, unsigned int id, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    testIOThreadInfo poll = { .iothread_id = id, .poll_max_ns = 32768 };
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!testIOThreadCheckZero(id) || !(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    if (virDomainIOThreadFind(&def->vcpu, id)) {
        virReportErrorHelper(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG, __FILE__, __FUNCTION__,
                             __LINE__, "an IOThread is already using iothread_id '%u'", id);
        goto cleanup;
    }
    virDomainIOThreadAdd(&def->vcpu, id);
    g_array_append_val(testDomainPrivate(dom)->iothreads, poll);
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


/* Whether a disk or controller of @def uses iothread @id (error set). */
static bool
testIOThreadInUse(const virDomainDef *def, unsigned int id)
{
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i]->iothread == id) {
            virReportErrorHelper(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG, __FILE__,
                                 __FUNCTION__, __LINE__,
                                 "cannot remove IOThread %u since it is being used by disk '%s'",
                                 id, def->disks[i]->dst);
            return true;
        }
    }
    for (i = 0; i < def->ncontrollers; i++) {
        if (def->controllers[i]->iothread == id) {
            virReportErrorHelper(VIR_FROM_DOMAIN, VIR_ERR_INVALID_ARG, __FILE__,
                                 __FUNCTION__, __LINE__,
                                 "cannot remove IOThread '%u' since it is being used by controller",
                                 id);
            return true;
        }
    }
    return false;
}


static int
testDomainDelIOThread(virDomainPtr domain, unsigned int id, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    GArray *polls;
    size_t i;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!testIOThreadCheckZero(id) || !(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!testIOThreadFind(dom, id, flags, true))
        goto cleanup;
    def = virDomainObjGetOneDef(dom, flags);
    if (testIOThreadInUse(def, id))
        goto cleanup;
    virDomainIOThreadDel(&def->vcpu, id);
    polls = testDomainPrivate(dom)->iothreads;
    for (i = 0; i < polls->len; i++) {
        if (g_array_index(polls, testIOThreadInfo, i).iothread_id == id) {
            g_array_remove_index(polls, i);
            break;
        }
    }
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testIOThreadParseParams(virTypedParameterPtr params, int nparams, testIOThreadInfo *poll)
{
    if (virTypedParamsValidate(params, nparams,
                               VIR_DOMAIN_IOTHREAD_POLL_MAX_NS, VIR_TYPED_PARAM_ULLONG,
                               VIR_DOMAIN_IOTHREAD_POLL_GROW, VIR_TYPED_PARAM_UINT,
                               VIR_DOMAIN_IOTHREAD_POLL_SHRINK, VIR_TYPED_PARAM_UINT,
                               NULL) < 0 ||
        virTypedParamsGetULLong(params, nparams, VIR_DOMAIN_IOTHREAD_POLL_MAX_NS,
                                &poll->poll_max_ns) < 0 ||
        virTypedParamsGetUInt(params, nparams, VIR_DOMAIN_IOTHREAD_POLL_GROW,
                              &poll->poll_grow) < 0 ||
        virTypedParamsGetUInt(params, nparams, VIR_DOMAIN_IOTHREAD_POLL_SHRINK,
                              &poll->poll_shrink) < 0)
        return -1;
    return 0;
}


/* As in libvirt's test driver, an iothread of the definition without
 * polling parameters (one loaded from XML that was not a node file's)
 * fails without an error of its own. */
static int
testDomainSetIOThreadParams(virDomainPtr domain, unsigned int id,
                            virTypedParameterPtr params, int nparams, unsigned int flags)
{
    virDomainObj *dom;
    GArray *polls;
    size_t i;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE, -1);

    if (!testIOThreadCheckZero(id) || !(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!testIOThreadFind(dom, id, flags, false))
        goto cleanup;
    polls = testDomainPrivate(dom)->iothreads;
    for (i = 0; i < polls->len; i++) {
        testIOThreadInfo *poll = &g_array_index(polls, testIOThreadInfo, i);

        if (poll->iothread_id == id) {
            ret = testIOThreadParseParams(params, nparams, poll);
            break;
        }
    }

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


void
testDomainIOThreadRegister(virHypervisorDriver *d)
{
    d->domainGetIOThreadInfo = testDomainGetIOThreadInfo;
    d->domainPinIOThread = testDomainPinIOThread;
    d->domainAddIOThread = testDomainAddIOThread;
    d->domainDelIOThread = testDomainDelIOThread;
    d->domainSetIOThreadParams = testDomainSetIOThreadParams;
}
