/*
 * domain-stats.c: bulk domain statistics (virConnectGetAllDomainStats,
 * virDomainListGetStats): every stats group bit with and without
 * ENFORCE_STATS, every list filter and flag, the iothread group of
 * domains in each state (a node file), and the argument errors.
 */
#include "compat.h"

static int
recordCmp(const void *a, const void *b)
{
    virDomainStatsRecordPtr ra = *(virDomainStatsRecordPtr const *)a;
    virDomainStatsRecordPtr rb = *(virDomainStatsRecordPtr const *)b;

    return strcmp(virDomainGetName(ra->dom), virDomainGetName(rb->dom));
}

/* Print the records (sorted by name unless @ordered) and free them. */
static void
showRecords(const char *expr, int n, virDomainStatsRecordPtr *recs, int ordered)
{
    int i, j;

    if (n < 0) {
        compatShowError(expr);
        return;
    }
    printf("%s -> %d\n", expr, n);
    if (!ordered)
        qsort(recs, n, sizeof(*recs), recordCmp);
    for (i = 0; i < n; i++) {
        virDomainStatsRecordPtr r = recs[i];

        printf("  %s id=%d:", virDomainGetName(r->dom), virDomainGetID(r->dom));
        for (j = 0; j < r->nparams; j++) {
            virTypedParameterPtr p = &r->params[j];

            printf(" %s(%d)=", p->field, p->type);
            switch (p->type) {
            case VIR_TYPED_PARAM_INT: printf("%d", p->value.i); break;
            case VIR_TYPED_PARAM_UINT: printf("%u", p->value.ui); break;
            case VIR_TYPED_PARAM_ULLONG: printf("%llu", p->value.ul); break;
            default: printf("?");
            }
        }
        printf("\n");
    }
    if (recs && recs[n] != NULL)
        printf("  records not NULL-terminated\n");
    virDomainStatsRecordListFree(recs);
    fflush(stdout);
}

static void
allStats(virConnectPtr conn, unsigned int stats, unsigned int flags)
{
    virDomainStatsRecordPtr *recs = NULL;
    char expr[128];
    int n = virConnectGetAllDomainStats(conn, stats, &recs, flags);

    snprintf(expr, sizeof(expr), "virConnectGetAllDomainStats(0x%x, 0x%x)", stats, flags);
    showRecords(expr, n, recs, 0);
}

static void
listStats(virDomainPtr *doms, unsigned int stats, unsigned int flags)
{
    virDomainStatsRecordPtr *recs = NULL;
    char expr[128];
    int n = virDomainListGetStats(doms, stats, &recs, flags);

    snprintf(expr, sizeof(expr), "virDomainListGetStats(0x%x, 0x%x)", stats, flags);
    showRecords(expr, n, recs, 1);
}

static void
groups(virConnectPtr conn)
{
    unsigned int bit;

    compatSection("stats groups");
    allStats(conn, 0, 0);
    allStats(conn, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS);
    for (bit = 1; bit <= (1u << 12); bit <<= 1) {
        allStats(conn, bit, 0);
        allStats(conn, bit, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS);
    }
    allStats(conn, VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_IOTHREAD,
             VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS);
    allStats(conn, 0xffffffff, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS);
    allStats(conn, 0xffffffff, 0);
    allStats(conn, VIR_DOMAIN_STATS_BLOCK | VIR_DOMAIN_STATS_STATE,
             VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS);
}

static void
filters(virConnectPtr conn)
{
    unsigned int bit;

    compatSection("filters and flags");
    for (bit = 1; bit <= (1u << 31); bit <<= 1) {
        allStats(conn, VIR_DOMAIN_STATS_STATE, bit);
        if (bit == (1u << 31))
            break;
    }
    allStats(conn, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE |
             VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE);
    allStats(conn, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT |
             VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING);
    allStats(conn, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT |
             VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF);
    allStats(conn, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED |
             VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER |
             VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT |
             VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING);
}

static void
defaultDriver(void)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr other = compatOpen("test:///default", 0);
    virDomainPtr doms[4] = { NULL };
    virDomainStatsRecordPtr *recs = NULL;

    groups(conn);
    filters(conn);

    compatSection("virDomainListGetStats");
    doms[0] = CHECK_PTR(virDomainLookupByName(conn, "test"));
    listStats(doms, 0, 0);
    listStats(doms, VIR_DOMAIN_STATS_IOTHREAD, 0);
    listStats(doms, VIR_DOMAIN_STATS_VCPU, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS);
    listStats(doms, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE);
    listStats(doms, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING |
              VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT);
    listStats(doms, 0, VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT);
    doms[1] = doms[0];
    listStats(doms, VIR_DOMAIN_STATS_STATE, 0);
    doms[1] = CHECK_PTR(virDomainLookupByName(other, "test"));
    listStats(doms, VIR_DOMAIN_STATS_STATE, 0);
    virDomainFree(doms[1]);
    doms[1] = NULL;
    CHECK_INT(virDomainListGetStats(doms, 0, NULL, 0));
    CHECK_INT(virDomainListGetStats(NULL, 0, &recs, 0));
    CHECK_INT(virDomainListGetStats(&doms[2], 0, &recs, 0));
    CHECK_INT(virConnectGetAllDomainStats(conn, 0, NULL, 0));
    CHECK_INT(virConnectGetAllDomainStats(NULL, 0, &recs, 0));

    compatSection("a domain that went away, a stopped one");
    CHECK_INT(virDomainDestroy(doms[0]));
    allStats(conn, 0, 0);
    listStats(doms, 0, 0);
    CHECK_INT(virDomainUndefine(doms[0]));
    listStats(doms, 0, 0);
    allStats(conn, 0, 0);
    virDomainFree(doms[0]);
    virConnectClose(other);
    virConnectClose(conn);
}

static void
nodeFile(const char *dir)
{
    char uri[4096];
    virConnectPtr conn;
    virDomainPtr doms[6] = { NULL };
    const char *names[] = { "transient", "off-io", "run-io", "paused-io", "run-plain" };
    size_t i;

    snprintf(uri, sizeof(uri), "test://%s/tnet-stats.xml", dir);
    conn = virConnectOpen(uri);
    if (!conn) {
        compatShowError("virConnectOpen(tnet-stats.xml)");
        return;
    }
    printf("open tnet-stats.xml -> ok\n");
    groups(conn);
    filters(conn);

    compatSection("node file: given order");
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        doms[i] = CHECK_PTR(virDomainLookupByName(conn, names[i]));
    listStats(doms, 0, 0);
    listStats(doms, VIR_DOMAIN_STATS_IOTHREAD, 0);
    listStats(doms, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE);
    listStats(doms, 0, VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF |
              VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED);

    compatSection("node file: state changes");
    CHECK_INT(virDomainCreate(doms[1]));
    CHECK_INT(virDomainSuspend(doms[2]));
    CHECK_INT(virDomainResume(doms[3]));
    CHECK_INT(virDomainDestroy(doms[0]));
    listStats(doms, 0, 0);
    CHECK_INT(virDomainDestroy(doms[1]));
    CHECK_INT(virDomainShutdown(doms[4]));
    allStats(conn, 0, 0);
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        virDomainFree(doms[i]);
    virConnectClose(conn);
}

int
main(int argc, char **argv)
{
    defaultDriver();
    nodeFile(COMPAT_DATA_DIR(argc, argv));
    return 0;
}
