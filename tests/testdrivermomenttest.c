/*
 * The test driver's snapshots and checkpoints under threads: several
 * threads each working on their own domain, and several on one domain,
 * creating, listing, reverting and deleting at once.  Every call must
 * succeed (or fail only as the interleaving allows) and the trees end
 * consistent; run under ASan/UBSan this also catches races on the lists.
 * Also: a node description's snapshot given by file reference, which
 * libvirt 9.0.0's test driver cannot load (it frees the reference twice).
 */
#include "internal.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define NTHREADS 4
#define ROUNDS 42  /* a multiple of three: every chain is dropped */

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

typedef struct {
    virConnectPtr conn;
    int index;
    int failures;
} worker;

static void
workerFail(worker *w, const char *what, int round)
{
    fprintf(stderr, "thread %d, round %d: %s: %s\n", w->index, round, what,
            virGetLastErrorMessage());
    w->failures++;
}

/* Each thread has its own domain: snapshots, reverts, deletions. */
static gpointer
ownDomain(gpointer opaque)
{
    worker *w = opaque;
    g_autofree char *name = g_strdup_printf("moment%d", w->index);
    g_autofree char *xml = g_strdup_printf("<domain type='test'><name>%s</name>"
                                           "<memory>1024</memory><vcpu>1</vcpu>"
                                           "<os><type>hvm</type></os></domain>", name);
    virDomainPtr dom = virDomainCreateXML(w->conn, xml, 0);
    int i;

    if (!dom) {
        workerFail(w, "create", -1);
        return NULL;
    }
    for (i = 0; i < ROUNDS; i++) {
        g_autofree char *snapxml = g_strdup_printf("<domainsnapshot><name>s%d</name>"
                                                   "</domainsnapshot>", i);
        virDomainSnapshotPtr snap = virDomainSnapshotCreateXML(dom, snapxml, 0);
        virDomainSnapshotPtr *list = NULL;
        int n, j;

        if (!snap) {
            workerFail(w, "snapshot", i);
            continue;
        }
        if ((n = virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL)) !=
            (i % 3) + 1)
            workerFail(w, "list", i);
        for (j = 0; j < n; j++)
            virDomainSnapshotFree(list[j]);
        g_free(list);
        if (virDomainRevertToSnapshot(snap, 0) < 0)
            workerFail(w, "revert", i);
        /* keep at most three: drop the whole chain every third round */
        if (i % 3 == 2) {
            g_autofree char *rootname = g_strdup_printf("s%d", i - 2);
            virDomainSnapshotPtr root = virDomainSnapshotLookupByName(dom, rootname, 0);

            if (!root || virDomainSnapshotDelete(root, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN) < 0)
                workerFail(w, "delete", i);
            if (root)
                virDomainSnapshotFree(root);
        }
        virDomainSnapshotFree(snap);
    }
    if (virDomainSnapshotNum(dom, 0) != 0)
        workerFail(w, "count", ROUNDS);
    virDomainDestroy(dom);
    virDomainFree(dom);
    return NULL;
}

/* Every thread on the default domain's checkpoints. */
static gpointer
sharedDomain(gpointer opaque)
{
    worker *w = opaque;
    virDomainPtr dom = virDomainLookupByName(w->conn, "test");
    int i;

    if (!dom) {
        workerFail(w, "lookup", -1);
        return NULL;
    }
    for (i = 0; i < ROUNDS; i++) {
        g_autofree char *chkxml = g_strdup_printf("<domaincheckpoint><name>t%d-%d</name>"
                                                  "</domaincheckpoint>", w->index, i);
        virDomainCheckpointPtr chk = virDomainCheckpointCreateXML(dom, chkxml, 0);
        virDomainCheckpointPtr *list = NULL;
        int n, j;

        if (!chk) {
            workerFail(w, "checkpoint", i);
            continue;
        }
        if ((n = virDomainListAllCheckpoints(dom, &list, VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL)) < 1)
            workerFail(w, "list", i);
        for (j = 0; j < n; j++)
            virDomainCheckpointFree(list[j]);
        g_free(list);
        g_free(virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
        /* others may have made it a parent: its children go to its parent */
        if (virDomainCheckpointDelete(chk, 0) < 0)
            workerFail(w, "delete", i);
        virDomainCheckpointFree(chk);
    }
    virDomainFree(dom);
    return NULL;
}

static int
runWorkers(GThreadFunc fn)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    worker workers[NTHREADS];
    GThread *threads[NTHREADS];
    int failures = 0;
    int i;

    CHECK(conn);
    for (i = 0; i < NTHREADS; i++) {
        workers[i] = (worker){ conn, i, 0 };
        threads[i] = g_thread_new("moment", fn, &workers[i]);
    }
    for (i = 0; i < NTHREADS; i++) {
        g_thread_join(threads[i]);
        failures += workers[i].failures;
    }
    CHECK_INTEQ(failures, 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testOwnDomains(void)
{
    return runWorkers(ownDomain);
}

static int
testSharedDomain(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom;

    CHECK(conn);
    CHECK(runWorkers(sharedDomain) == 0);
    /* every checkpoint went again; the tree held together */
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK_INTEQ(virDomainListAllCheckpoints(dom, NULL, 0), 0);
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

#define NODE_SNAPSHOT(name, parent, active) \
    "<domainsnapshot><name>" name "</name><state>shutoff</state>" parent \
    "<creationTime>1270000000</creationTime><active>" active "</active></domainsnapshot>"

static int
testNodeFileReference(void)
{
    g_autofree char *node = g_build_filename(virTestTempDir(), "node.xml", NULL);
    g_autofree char *ref = g_build_filename(virTestTempDir(), "snap.xml", NULL);
    g_autofree char *uri = g_strdup_printf("test://%s", node);
    g_autofree char *xml = NULL;
    virConnectPtr conn;
    virDomainPtr dom;
    virDomainSnapshotPtr snap;
    virDomainSnapshotPtr parent;

    CHECK(g_file_set_contents(ref, NODE_SNAPSHOT("by-file", "<parent><name>inline</name></parent>",
                                                 "1"), -1, NULL));
    CHECK(g_file_set_contents(node,
        "<node><domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>"
        "<name>d</name><memory>1024</memory><os><type>hvm</type></os>"
        "<test:runstate>5</test:runstate>"
        "<test:domainsnapshot>" "<name>inline</name><state>shutoff</state>"
        "<creationTime>1270000000</creationTime><active>0</active></test:domainsnapshot>"
        "<test:domainsnapshot file='snap.xml'/>"
        "</domain></node>", -1, NULL));
    CHECK((conn = virConnectOpen(uri)));
    CHECK((dom = virDomainLookupByName(conn, "d")));
    CHECK_INTEQ(virDomainSnapshotNum(dom, 0), 2);
    CHECK((snap = virDomainSnapshotCurrent(dom, 0)));
    CHECK_STREQ(virDomainSnapshotGetName(snap), "by-file");
    CHECK((parent = virDomainSnapshotGetParent(snap, 0)));
    CHECK_STREQ(virDomainSnapshotGetName(parent), "inline");
    CHECK((xml = virDomainSnapshotGetXMLDesc(snap, 0)));
    CHECK(strstr(xml, "<name>by-file</name>"));
    /* saved without a domain: nothing to revert to */
    CHECK_INTEQ(virDomainRevertToSnapshot(parent, 0), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_SNAPSHOT_REVERT_RISKY);
    virDomainSnapshotFree(parent);
    virDomainSnapshotFree(snap);
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* A disk's checkpoint mode with blanks around it passes libvirt's
 * schema (a token); libvirt 9.0.0 then loses it (formats '(null)'),
 * nuvirt reads the mode without the blanks.  The compat scenario
 * checkpoint-schema cannot show this difference, so it is checked here. */
static int
testCheckpointModeBlanks(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom;
    virDomainCheckpointPtr chk;
    g_autofree char *xml = NULL;

    CHECK(conn);
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK((chk = virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>b</name><disks>"
                                              "<disk name='vda' checkpoint=' no '/></disks>"
                                              "</domaincheckpoint>", 0)));
    CHECK((xml = virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN)));
    CHECK(strstr(xml, "<disk name='vda' checkpoint='no'/>"));
    CHECK_INTEQ(virDomainCheckpointDelete(chk, 0), 0);
    virDomainCheckpointFree(chk);
    CHECK(!virDomainCheckpointCreateXML(dom, "<domaincheckpoint><disks><disk name='vda'"
                                        " checkpoint=' nope '/></disks></domaincheckpoint>", 0));
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_XML_INVALID_SCHEMA);
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virSetErrorFunc(NULL, quiet);
    virTestRun("threads on their own domains' snapshots", testOwnDomains);
    virTestRun("threads on one domain's checkpoints", testSharedDomain);
    virTestRun("a node file's snapshot by file reference", testNodeFileReference);
    virTestRun("a checkpoint mode with blanks", testCheckpointModeBlanks);
    return virTestDone();
}
