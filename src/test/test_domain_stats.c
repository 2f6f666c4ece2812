/*
 * test_domain_stats.c: bulk domain statistics (virConnectGetAllDomainStats,
 * virDomainListGetStats) of the test driver.
 *
 * As libvirt 9.0.0's test driver: the "state" and "iothread" groups, the
 * active/persistent/state list filters, and ENFORCE_STATS refusing the
 * groups it does not have.  Each record is made under its domain's lock.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virtypedparam.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define TEST_STATS_SUPPORTED (VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_IOTHREAD)

/* the list filters the test driver applies (the others are refused):
 * active/inactive, persistent/transient and the four states */
#define TEST_STATS_LIST_FILTERS (VIR_CONNECT_LIST_DOMAINS_ACTIVE | \
                                 VIR_CONNECT_LIST_DOMAINS_INACTIVE | \
                                 VIR_CONNECT_LIST_DOMAINS_PERSISTENT | \
                                 VIR_CONNECT_LIST_DOMAINS_TRANSIENT | \
                                 VIR_CONNECT_LIST_DOMAINS_RUNNING | \
                                 VIR_CONNECT_LIST_DOMAINS_PAUSED | \
                                 VIR_CONNECT_LIST_DOMAINS_SHUTOFF | \
                                 VIR_CONNECT_LIST_DOMAINS_OTHER)

/* The typed parameters of one record, grown one at a time. */
typedef struct {
    virTypedParameterPtr params;
    size_t nparams;
    size_t alloc;
} testStatsParams;

static int
testStatsAdd(testStatsParams *list, int type, const char *name, ...)
{
    va_list ap;
    int rc;

    if (list->nparams == list->alloc) {
        list->alloc = list->alloc ? list->alloc * 2 : 8;
        list->params = g_renew(virTypedParameter, list->params, list->alloc);
    }
    memset(&list->params[list->nparams], 0, sizeof(virTypedParameter));
    va_start(ap, name);
    switch (type) {
    case VIR_TYPED_PARAM_INT:
        rc = virTypedParameterAssign(&list->params[list->nparams], name, type,
                                     va_arg(ap, int));
        break;
    case VIR_TYPED_PARAM_UINT:
        rc = virTypedParameterAssign(&list->params[list->nparams], name, type,
                                     va_arg(ap, unsigned int));
        break;
    default:
        rc = virTypedParameterAssign(&list->params[list->nparams], name, type,
                                     va_arg(ap, unsigned long long));
        break;
    }
    va_end(ap);
    if (rc < 0)
        return -1;
    list->nparams++;
    return 0;
}

static int
testStatsState(virDomainObj *dom, testStatsParams *list)
{
    if (testStatsAdd(list, VIR_TYPED_PARAM_INT, "state.state", dom->state) < 0 ||
        testStatsAdd(list, VIR_TYPED_PARAM_INT, "state.reason", dom->reason) < 0)
        return -1;
    return 0;
}

/* Only running domains with iothreads report the group. */
static int
testStatsIOThread(virDomainObj *dom, testStatsParams *list)
{
    testDomainObjPrivate *priv = dom->privateData;
    char name[VIR_TYPED_PARAM_FIELD_LENGTH];
    size_t i;

    if (!virDomainObjIsActive(dom) || !priv || priv->iothreads->len == 0)
        return 0;
    if (testStatsAdd(list, VIR_TYPED_PARAM_UINT, "iothread.count",
                     (unsigned int)priv->iothreads->len) < 0)
        return -1;
    for (i = 0; i < priv->iothreads->len; i++) {
        testIOThreadInfo *info = &g_array_index(priv->iothreads, testIOThreadInfo, i);

        g_snprintf(name, sizeof(name), "iothread.%u.poll-max-ns", info->iothread_id);
        if (testStatsAdd(list, VIR_TYPED_PARAM_ULLONG, name, info->poll_max_ns) < 0)
            return -1;
        g_snprintf(name, sizeof(name), "iothread.%u.poll-grow", info->iothread_id);
        if (testStatsAdd(list, VIR_TYPED_PARAM_UINT, name, info->poll_grow) < 0)
            return -1;
        g_snprintf(name, sizeof(name), "iothread.%u.poll-shrink", info->iothread_id);
        if (testStatsAdd(list, VIR_TYPED_PARAM_UINT, name, info->poll_shrink) < 0)
            return -1;
    }
    return 0;
}

static const struct {
    unsigned int group;
    int (*collect)(virDomainObj *dom, testStatsParams *list);
} testStatsGroups[] = {
    { VIR_DOMAIN_STATS_STATE, testStatsState },
    { VIR_DOMAIN_STATS_IOTHREAD, testStatsIOThread },
};

typedef struct {
    virConnectPtr conn;
    unsigned int stats;
    GPtrArray *records;         /* virDomainStatsRecordPtr, NULL-terminated later */
} testStatsCollect;

/* The record of @dom (locked), appended to @opaque's records. */
static int
testStatsRecord(virDomainObj *dom, void *opaque)
{
    testStatsCollect *col = opaque;
    testStatsParams list = { 0 };
    virDomainStatsRecordPtr rec;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(testStatsGroups); i++) {
        if ((col->stats & testStatsGroups[i].group) &&
            testStatsGroups[i].collect(dom, &list) < 0) {
            virTypedParamsClear(list.params, list.nparams);
            g_free(list.params);
            return -1;
        }
    }
    rec = g_new0(virDomainStatsRecord, 1);
    rec->params = list.params;
    rec->nparams = list.nparams;
    if (!(rec->dom = virGetDomain(col->conn, dom->def->name, dom->def->uuid,
                                  dom->def->id))) {
        virTypedParamsClear(rec->params, rec->nparams);
        g_free(rec->params);
        g_free(rec);
        return -1;
    }
    g_ptr_array_add(col->records, rec);
    return 0;
}

/* Records of the given domains (those still there and matching @filter),
 * in the order given. */
static int
testStatsOfDomains(testDriver *drv, virDomainPtr *doms, unsigned int filter,
                   testStatsCollect *col)
{
    for (; *doms; doms++) {
        virDomainObj *dom = virDomainObjListFindByUUID(drv->domains, (*doms)->uuid);
        int rc = 0;

        if (!dom)
            continue;
        if (virDomainObjMatchFilter(dom, filter))
            rc = testStatsRecord(dom, col);
        virDomainObjEndAPI(&dom);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static void
testStatsRecordFree(gpointer rec)
{
    virDomainStatsRecordPtr *one = g_new0(virDomainStatsRecordPtr, 2);

    one[0] = rec;
    virDomainStatsRecordListFree(one);
}

/* Both entry points; @doms NULL for every domain.  The name is libvirt's
 * (the flag check reports it). */
static int
testConnectGetAllDomainStats(virConnectPtr conn, virDomainPtr *doms,
                             unsigned int stats, virDomainStatsRecordPtr **retStats,
                             unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func(testStatsRecordFree);
    testStatsCollect col = { conn, stats, records };
    unsigned int filter = flags & TEST_STATS_LIST_FILTERS;
    int n;

    virCheckFlags(TEST_STATS_LIST_FILTERS |
                  VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT |
                  VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING |
                  VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS, -1);

    if (!stats) {
        col.stats = TEST_STATS_SUPPORTED;
    } else if ((flags & VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS) &&
               (stats & ~TEST_STATS_SUPPORTED)) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "Stats types bits 0x%x are not supported by this daemon",
                       stats & ~TEST_STATS_SUPPORTED);
        return -1;
    }

    if (doms) {
        if (testStatsOfDomains(drv, doms, filter, &col) < 0)
            return -1;
    } else if (virDomainObjListForEachMatch(drv->domains, filter,
                                            testStatsRecord, &col) < 0) {
        return -1;
    }
    n = records->len;
    g_ptr_array_add(records, NULL);
    g_ptr_array_set_free_func(records, NULL);
    *retStats = (virDomainStatsRecordPtr *)g_ptr_array_free(g_steal_pointer(&records),
                                                            FALSE);
    return n;
}

static int
testConnectGetAllDomainStatsAll(virConnectPtr conn, unsigned int stats,
                                virDomainStatsRecordPtr **retStats,
                                unsigned int flags)
{
    return testConnectGetAllDomainStats(conn, NULL, stats, retStats, flags);
}

static int
testDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                       virDomainStatsRecordPtr **retStats, unsigned int flags)
{
    return testConnectGetAllDomainStats(doms[0]->conn, doms, stats, retStats, flags);
}

void
testDomainStatsRegister(virHypervisorDriver *d)
{
    d->connectGetAllDomainStats = testConnectGetAllDomainStatsAll;
    d->domainListGetStats = testDomainListGetStats;
}
