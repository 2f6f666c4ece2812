/*
 * The domain list (conf/virdomainobj.c) under threads: lookups by name,
 * UUID and id go through hash tables, objects have their own locks, and
 * no lookup, add, remove, id change or listing serialises on one lock:
 * an operation on domain A goes through while another thread holds
 * domain B's lock.  The same holds for the test driver's public calls on
 * test:///default.  Nothing here is timed; a deadlock fails the case
 * (after a generous wait) instead of hanging.
 */
#include "internal.h"
#include "testutils.h"
#include "util/viruuid.h"
#include "conf/virdomainobj.h"
#include "datatypes.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define THREADS 8
#define PER_THREAD 64
#define ROUNDS 200
#define DEADLOCK_GUARD_S 60

static virDomainDef *
makeDef(const char *name, unsigned int n)
{
    virDomainDef *def = virDomainDefNew();

    def->name = g_strdup(name);
    def->uuid[0] = 0x6a;
    def->uuid[12] = (n >> 24) & 0xff;
    def->uuid[13] = (n >> 16) & 0xff;
    def->uuid[14] = (n >> 8) & 0xff;
    def->uuid[15] = n & 0xff;
    return def;
}

static virDomainObj *
addDomain(virDomainObjList *doms, const char *name, unsigned int n)
{
    virDomainDef *def = makeDef(name, n);
    virDomainObj *dom = virDomainObjListAdd(doms, &def, 0, NULL);

    virDomainDefFree(def);
    if (dom)
        dom->persistent = true;
    return dom;
}

/* virDomainObjListForEachSummary into a name -> id table. */
static int
summaryAdd(const char *name, const unsigned char *uuid, int id, void *opaque)
{
    GHashTable *seen = opaque;

    if (!uuid || uuid[0] != 0x6a || g_hash_table_contains(seen, name))
        return -1;
    g_hash_table_insert(seen, g_strdup(name), GINT_TO_POINTER(id));
    return 0;
}

static GHashTable *
summaries(virDomainObjList *doms)
{
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    if (virDomainObjListForEachSummary(doms, summaryAdd, seen) < 0)
        g_clear_pointer(&seen, g_hash_table_unref);
    return seen;
}

static int
summaryStop(const char *name G_GNUC_UNUSED, const unsigned char *uuid G_GNUC_UNUSED,
            int id G_GNUC_UNUSED, void *opaque)
{
    int *calls = opaque;

    return ++*calls == 3 ? -7 : 0;
}

static int
renameDef(virDomainObj *dom, const char *newName, void *opaque G_GNUC_UNUSED)
{
    g_free(dom->def->name);
    dom->def->name = g_strdup(newName);
    return 0;
}

/* The summaries follow adds, id changes, renames and removals (freed slots are
 * reused), long names included, without taking any object's lock. */
static int
testSummaries(void)
{
    g_autoptr(virDomainObjList) doms = virDomainObjListNew();
    g_autoptr(GHashTable) seen = NULL;
    const char *longName = "a-domain-name-longer-than-the-inline-copy-of-a-slot";
    virDomainObj *dom;
    int calls = 0;
    size_t i;

    for (i = 0; i < 300; i++) {
        g_autofree char *name = g_strdup_printf("d%zu", i);

        CHECK((dom = addDomain(doms, name, i)));
        if (i % 3 == 0)
            virDomainObjSetID(dom, 10 + i);
        /* every fifth is gone again: its slot is free for the next */
        if (i % 5 == 0)
            virDomainObjListRemove(doms, dom);
        virDomainObjEndAPI(&dom);
    }
    CHECK((dom = addDomain(doms, longName, 1000)));
    /* listing does not wait for a locked domain, and sees its id */
    virDomainObjSetID(dom, 5);
    CHECK((seen = summaries(doms)));
    virDomainObjEndAPI(&dom);
    CHECK_INTEQ(virDomainObjListCount(doms), 241);
    CHECK_INTEQ(g_hash_table_size(seen), 241);
    CHECK(g_hash_table_contains(seen, longName));
    CHECK_INTEQ(GPOINTER_TO_INT(g_hash_table_lookup(seen, longName)), 5);
    for (i = 0; i < 300; i++) {
        g_autofree char *name = g_strdup_printf("d%zu", i);
        gpointer id;

        CHECK(g_hash_table_lookup_extended(seen, name, NULL, &id) == (i % 5 != 0));
        if (i % 5 != 0)
            CHECK_INTEQ(GPOINTER_TO_INT(id), i % 3 == 0 ? (int)(10 + i) : -1);
    }
    g_clear_pointer(&seen, g_hash_table_unref);

    /* stopping and removing show at once */
    CHECK((dom = virDomainObjListFindByName(doms, "d3")));
    virDomainObjSetID(dom, -1);
    virDomainObjEndAPI(&dom);
    CHECK((dom = virDomainObjListFindByName(doms, longName)));
    virDomainObjListRemove(doms, dom);
    virDomainObjEndAPI(&dom);
    CHECK((seen = summaries(doms)));
    CHECK_INTEQ(g_hash_table_size(seen), 240);
    CHECK(!g_hash_table_contains(seen, longName));
    CHECK_INTEQ(GPOINTER_TO_INT(g_hash_table_lookup(seen, "d3")), -1);
    g_clear_pointer(&seen, g_hash_table_unref);

    /* renames, to a long name and back to a short one */
    CHECK((dom = virDomainObjListFindByName(doms, "d4")));
    CHECK_INTEQ(virDomainObjListRename(doms, dom, longName, renameDef, NULL), 0);
    virDomainObjEndAPI(&dom);
    CHECK((dom = virDomainObjListFindByName(doms, "d6")));
    CHECK_INTEQ(virDomainObjListRename(doms, dom, "six", renameDef, NULL), 0);
    virDomainObjEndAPI(&dom);
    CHECK((seen = summaries(doms)));
    CHECK_INTEQ(g_hash_table_size(seen), 240);
    CHECK(g_hash_table_contains(seen, longName) && g_hash_table_contains(seen, "six"));
    CHECK(!g_hash_table_contains(seen, "d4") && !g_hash_table_contains(seen, "d6"));
    g_clear_pointer(&seen, g_hash_table_unref);
    CHECK((dom = virDomainObjListFindByName(doms, longName)));
    CHECK_INTEQ(virDomainObjListRename(doms, dom, "four", renameDef, NULL), 0);
    virDomainObjEndAPI(&dom);
    CHECK((seen = summaries(doms)));
    CHECK(g_hash_table_contains(seen, "four") && !g_hash_table_contains(seen, longName));

    /* the iterator's error stops the walk and is returned */
    CHECK_INTEQ(virDomainObjListForEachSummary(doms, summaryStop, &calls), -7);
    CHECK_INTEQ(calls, 3);
    return 0;
}

/* Each table finds each domain, and only while it is listed / running. */
static int
testHashed(void)
{
    g_autoptr(virDomainObjList) doms = virDomainObjListNew();
    virDomainObj *dom;
    unsigned char uuid[VIR_UUID_BUFLEN] = { 0x6a };
    size_t i;

    for (i = 0; i < 100; i++) {
        g_autofree char *name = g_strdup_printf("d%zu", i);

        CHECK((dom = addDomain(doms, name, i)));
        if (i % 2)
            virDomainObjSetID(dom, 1000 + i);
        virDomainObjEndAPI(&dom);
    }
    for (i = 0; i < 100; i++) {
        g_autofree char *name = g_strdup_printf("d%zu", i);

        uuid[15] = i;
        CHECK((dom = virDomainObjListFindByName(doms, name)));
        CHECK_STREQ(dom->def->name, name);
        virDomainObjEndAPI(&dom);
        CHECK((dom = virDomainObjListFindByUUID(doms, uuid)));
        CHECK_STREQ(dom->def->name, name);
        virDomainObjEndAPI(&dom);
        dom = virDomainObjListFindByID(doms, 1000 + i);
        CHECK((dom != NULL) == (i % 2 == 1));
        if (dom)
            CHECK_STREQ(dom->def->name, name);
        virDomainObjEndAPI(&dom);
    }
    /* stopping, restarting under another id, removing */
    CHECK((dom = virDomainObjListFindByID(doms, 1001)));
    virDomainObjSetID(dom, -1);
    virDomainObjEndAPI(&dom);
    CHECK(virDomainObjListFindByID(doms, 1001) == NULL);
    CHECK((dom = virDomainObjListFindByName(doms, "d1")));
    CHECK_INTEQ(dom->def->id, -1);
    virDomainObjSetID(dom, 7);
    virDomainObjEndAPI(&dom);
    CHECK((dom = virDomainObjListFindByID(doms, 7)));
    CHECK_STREQ(dom->def->name, "d1");
    virDomainObjListRemove(doms, dom);
    virDomainObjEndAPI(&dom);
    CHECK(virDomainObjListFindByID(doms, 7) == NULL);
    CHECK(virDomainObjListFindByName(doms, "d1") == NULL);
    CHECK(virDomainObjListFindByID(doms, -1) == NULL);
    {
        g_autoptr(GPtrArray) all = virDomainObjListCollect(doms, 0);
        g_autoptr(GPtrArray) active =
            virDomainObjListCollect(doms, VIR_CONNECT_LIST_DOMAINS_ACTIVE);

        CHECK_INTEQ(all->len, 99);
        CHECK_INTEQ(active->len, 49);
    }
    return 0;
}

typedef struct {
    virDomainObjList *doms;
    int me;
    gint *sharedCount;   /* bumped under the shared domain's lock */
    bool failed;
} worker;

#define WCHECK(w, expr) \
    do { \
        if (!(expr)) { \
            fprintf(stderr, "thread %d: %s:%d: %s\n", (w)->me, __FILE__, __LINE__, #expr); \
            (w)->failed = true; \
            return NULL; \
        } \
    } while (0)

/* One round of a worker: start and stop each of its own domains, look
 * it up every way, touch the shared one, add and remove a transient. */
static gpointer
workerRun(gpointer opaque)
{
    worker *w = opaque;
    int r, i;

    for (r = 0; r < ROUNDS; r++) {
        for (i = 0; i < PER_THREAD; i += 8) {
            g_autofree char *name = g_strdup_printf("w%d-%d", w->me, i);
            int id = 100000 * (w->me + 1) + r * PER_THREAD + i;
            unsigned char uuid[VIR_UUID_BUFLEN];
            virDomainObj *dom = virDomainObjListFindByName(w->doms, name);

            WCHECK(w, dom && STREQ(dom->def->name, name));
            memcpy(uuid, dom->def->uuid, VIR_UUID_BUFLEN);
            virDomainObjSetID(dom, id);
            virDomainObjEndAPI(&dom);
            WCHECK(w, (dom = virDomainObjListFindByID(w->doms, id)));
            WCHECK(w, STREQ(dom->def->name, name));
            virDomainObjSetID(dom, -1);
            virDomainObjEndAPI(&dom);
            WCHECK(w, !virDomainObjListFindByID(w->doms, id));
            WCHECK(w, (dom = virDomainObjListFindByUUID(w->doms, uuid)));
            WCHECK(w, dom->def->id == -1);
            virDomainObjEndAPI(&dom);
        }
        {
            virDomainObj *shared = virDomainObjListFindByName(w->doms, "shared");

            WCHECK(w, shared);
            /* not atomic on purpose: the object lock must make it safe */
            *w->sharedCount = *w->sharedCount + 1;
            virDomainObjEndAPI(&shared);
        }
        {
            g_autofree char *name = g_strdup_printf("tmp%d", w->me);
            virDomainObj *dom = addDomain(w->doms, name, 0x10000 + w->me);
            g_autoptr(GPtrArray) all = NULL;

            WCHECK(w, dom);
            virDomainObjListRemove(w->doms, dom);
            virDomainObjEndAPI(&dom);
            WCHECK(w, !virDomainObjListFindByName(w->doms, name));
            all = virDomainObjListCollect(w->doms, 0);
            WCHECK(w, all->len >= THREADS * PER_THREAD + 1);
            {
                g_autoptr(GHashTable) seen = summaries(w->doms);

                WCHECK(w, seen && g_hash_table_size(seen) >= THREADS * PER_THREAD + 1);
                WCHECK(w, g_hash_table_contains(seen, "shared"));
            }
        }
    }
    return NULL;
}

static int
testThreads(void)
{
    g_autoptr(virDomainObjList) doms = virDomainObjListNew();
    worker workers[THREADS];
    GThread *threads[THREADS];
    gint sharedCount = 0;
    virDomainObj *dom;
    int t, i;

    for (t = 0; t < THREADS; t++) {
        for (i = 0; i < PER_THREAD; i++) {
            g_autofree char *name = g_strdup_printf("w%d-%d", t, i);

            CHECK((dom = addDomain(doms, name, t * PER_THREAD + i)));
            virDomainObjEndAPI(&dom);
        }
    }
    CHECK((dom = addDomain(doms, "shared", 0xffff)));
    virDomainObjEndAPI(&dom);

    for (t = 0; t < THREADS; t++) {
        workers[t] = (worker) { .doms = doms, .me = t, .sharedCount = &sharedCount };
        threads[t] = g_thread_new("worker", workerRun, &workers[t]);
    }
    for (t = 0; t < THREADS; t++) {
        g_thread_join(threads[t]);
        CHECK(!workers[t].failed);
    }
    CHECK_INTEQ(sharedCount, THREADS * ROUNDS);
    {
        g_autoptr(GPtrArray) all = virDomainObjListCollect(doms, 0);
        g_autoptr(GPtrArray) active =
            virDomainObjListCollect(doms, VIR_CONNECT_LIST_DOMAINS_ACTIVE);

        CHECK_INTEQ(all->len, THREADS * PER_THREAD + 1);
        CHECK_INTEQ(active->len, 0);
    }
    return 0;
}

/* ---- an operation on A while B's lock is held ---- */

typedef struct {
    GMutex lock;
    GCond cond;
    bool done;
    int (*op)(void *opaque);
    void *opaque;
    int ret;
} sideJob;

static gpointer
sideRun(gpointer opaque)
{
    sideJob *job = opaque;
    int ret = job->op(job->opaque);

    g_mutex_lock(&job->lock);
    job->ret = ret;
    job->done = true;
    g_cond_signal(&job->cond);
    g_mutex_unlock(&job->lock);
    return NULL;
}

/* Run @op in another thread while the caller keeps holding what it
 * holds; 0 when it finished (with its result), -1 when it is stuck. */
static int
runBeside(int (*op)(void *opaque), void *opaque)
{
    sideJob job = { .op = op, .opaque = opaque, .ret = -1 };
    gint64 deadline = g_get_monotonic_time() + DEADLOCK_GUARD_S * G_TIME_SPAN_SECOND;
    GThread *thread;
    bool done;

    g_mutex_init(&job.lock);
    g_cond_init(&job.cond);
    thread = g_thread_new("beside", sideRun, &job);
    g_mutex_lock(&job.lock);
    while (!job.done && g_cond_wait_until(&job.cond, &job.lock, deadline))
        ;
    done = job.done;
    g_mutex_unlock(&job.lock);
    if (!done) {
        fprintf(stderr, "operation on another domain is stuck behind a held lock\n");
        return -1;   /* the thread stays blocked: leak it, the case fails */
    }
    g_thread_join(thread);
    g_mutex_clear(&job.lock);
    g_cond_clear(&job.cond);
    return job.ret;
}

static int
listOpsOnA(void *opaque)
{
    virDomainObjList *doms = opaque;
    unsigned char uuid[VIR_UUID_BUFLEN] = { 0x6a };
    virDomainObj *dom;

    uuid[15] = 1;
    CHECK((dom = virDomainObjListFindByName(doms, "A")));
    virDomainObjSetID(dom, 42);
    virDomainObjEndAPI(&dom);
    CHECK((dom = virDomainObjListFindByUUID(doms, uuid)));
    virDomainObjEndAPI(&dom);
    CHECK((dom = virDomainObjListFindByID(doms, 42)));
    CHECK_STREQ(dom->def->name, "A");
    virDomainObjSetID(dom, -1);
    virDomainObjEndAPI(&dom);
    CHECK(virDomainObjListFindByID(doms, 44) == NULL);
    {
        g_autoptr(GHashTable) seen = summaries(doms);

        CHECK(seen && g_hash_table_contains(seen, "B"));
        CHECK_INTEQ(GPOINTER_TO_INT(g_hash_table_lookup(seen, "B")), 43);
    }
    CHECK((dom = addDomain(doms, "C", 3)));
    virDomainObjListRemove(doms, dom);
    virDomainObjEndAPI(&dom);
    return 0;
}

static int
testIndependentLocks(void)
{
    g_autoptr(virDomainObjList) doms = virDomainObjListNew();
    virDomainObj *a, *b;

    CHECK((a = addDomain(doms, "A", 1)));
    virDomainObjEndAPI(&a);
    CHECK((b = addDomain(doms, "B", 2)));
    virDomainObjSetID(b, 43);
    /* B stays locked (as a long operation on B would keep it) */
    CHECK_INTEQ(runBeside(listOpsOnA, doms), 0);
    virDomainObjEndAPI(&b);
    /* and the same with B found by id */
    CHECK((b = virDomainObjListFindByID(doms, 43)));
    CHECK_INTEQ(runBeside(listOpsOnA, doms), 0);
    virDomainObjEndAPI(&b);
    return 0;
}

/* The test driver's public calls on domain "other" while "test" is
 * locked by us. */
static int
driverOpsOnOther(void *opaque)
{
    virConnectPtr conn = opaque;
    virDomainPtr dom, byid;
    virDomainInfo info;
    char *xml;

    CHECK((dom = virDomainLookupByName(conn, "other")));
    CHECK_INTEQ(virDomainCreate(dom), 0);
    CHECK_INTEQ(virDomainGetInfo(dom, &info), 0);
    CHECK_INTEQ(info.state, VIR_DOMAIN_RUNNING);
    CHECK((xml = virDomainGetXMLDesc(dom, 0)));
    free(xml);
    CHECK((byid = virDomainLookupByID(conn, virDomainGetID(dom))));
    CHECK_STREQ(virDomainGetName(byid), "other");
    virDomainFree(byid);
    CHECK_INTEQ(virDomainSuspend(dom), 0);
    CHECK_INTEQ(virDomainResume(dom), 0);
    CHECK_INTEQ(virDomainDestroy(dom), 0);
    virDomainFree(dom);
    CHECK(virDomainLookupByID(conn, 999) == NULL);
    CHECK((dom = virDomainDefineXML(conn,
        "<domain type='test'><name>third</name><memory>1024</memory>"
        "<os><type>hvm</type></os></domain>")));
    CHECK_INTEQ(virDomainUndefine(dom), 0);
    virDomainFree(dom);
    return 0;
}

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
testDriverIndependentLocks(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr other;
    virDomainObj *test;
    int ret;

    CHECK(conn);
    virSetErrorFunc(NULL, quiet);
    CHECK((other = virDomainDefineXML(conn,
        "<domain type='test'><name>other</name><memory>1024</memory>"
        "<os><type>hvm</type></os></domain>")));
    /* hold the default running domain's lock, by name and by id */
    CHECK((test = virDomainObjListFindByName(testDriverOf(conn)->domains, "test")));
    ret = runBeside(driverOpsOnOther, conn);
    virDomainObjEndAPI(&test);
    CHECK_INTEQ(ret, 0);
    CHECK((test = virDomainObjListFindByID(testDriverOf(conn)->domains, 1)));
    ret = runBeside(driverOpsOnOther, conn);
    virDomainObjEndAPI(&test);
    CHECK_INTEQ(ret, 0);
    CHECK_INTEQ(virDomainUndefine(other), 0);
    virDomainFree(other);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virTestRun("hashed by name, uuid and id", testHashed);
    virTestRun("summaries of listed domains", testSummaries);
    virTestRun("threads on own and shared domains", testThreads);
    virTestRun("a domain's lock blocks no other domain", testIndependentLocks);
    virTestRun("test driver: calls beside a held domain", testDriverIndependentLocks);
    return virTestDone();
}
