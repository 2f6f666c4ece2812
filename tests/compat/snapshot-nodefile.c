/*
 * snapshot-nodefile.c: snapshots saved in a node description
 * (test:///PATH.xml): the current one, the tree they form, reverting to
 * them; and the descriptions whose snapshots cannot be loaded.  (A
 * snapshot given by file reference crashes libvirt 9.0.0's test driver,
 * which frees the reference twice: tests/testdrivermomenttest.c checks
 * that case on nuvirt.)
 */
#include "moment.h"

static char *
nodeURI(const char *dir, const char *file)
{
    size_t len = strlen(dir) + strlen(file) + 16;
    char *uri = malloc(len);

    snprintf(uri, len, "test://%s/%s", dir, file);
    return uri;
}

static void
tryFile(const char *dir, const char *file)
{
    char *uri = nodeURI(dir, file);
    virConnectPtr conn = virConnectOpen(uri);

    printf("-- %s\n", file);
    if (!conn) {
        compatShowError("virConnectOpen");
    } else {
        printf("virConnectOpen -> unexpectedly ok\n");
        virConnectClose(conn);
    }
    free(uri);
}

static void
showSnapshot(virDomainPtr dom, const char *name)
{
    virDomainSnapshotPtr snap = virDomainSnapshotLookupByName(dom, name, 0);

    printf("-- %s\n", name);
    if (!snap) {
        compatShowError("virDomainSnapshotLookupByName");
        return;
    }
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
    CHECK_INT(virDomainSnapshotIsCurrent(snap, 0));
    CHECK_INT(virDomainSnapshotNumChildren(snap, VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS));
    virDomainSnapshotFree(snap);
}

static void
revert(virConnectPtr conn, virDomainPtr dom, const char *name)
{
    virDomainSnapshotPtr snap = virDomainSnapshotLookupByName(dom, name, 0);

    if (!snap) {
        compatShowError("virDomainSnapshotLookupByName");
        return;
    }
    printf("revert to %s -> ", name);
    if (virDomainRevertToSnapshot(snap, 0) < 0)
        compatShowError("virDomainRevertToSnapshot");
    else
        printf("0\n");
    compatShowDomainState(conn, dom);
    printf("  max memory %lu\n", virDomainGetMaxMemory(dom));
    virDomainSnapshotFree(snap);
}

int
main(int argc, char **argv)
{
    const char *dir = COMPAT_DATA_DIR(argc, argv);
    char *uri = nodeURI(dir, "node-snapshots.xml");
    virConnectPtr conn;
    virDomainPtr dom;
    virDomainPtr plain;
    virDomainSnapshotPtr snap;

    conn = virConnectOpen(uri);
    free(uri);
    if (!conn) {
        compatShowError("virConnectOpen");
        return 1;
    }
    printf("open node-snapshots.xml -> ok\n");

    compatSection("the snapshots loaded");
    dom = virDomainLookupByName(conn, "snappy");
    plain = virDomainLookupByName(conn, "plain");
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    CHECK_INT(virDomainSnapshotNum(plain, 0));
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS), 0);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_LEAVES), 1);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE),
                        1);
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    showSnapshot(dom, "first");
    showSnapshot(dom, "second");
    CHECK_INT(virConnectListAllDomains(conn, NULL, VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT));

    compatSection("reverting to them");
    revert(conn, dom, "second");
    revert(conn, dom, "first");
    if ((snap = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>fourth</name>"
                                                     "</domainsnapshot>", 0))))
        virDomainSnapshotFree(snap);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_LEAVES), 1);

    virDomainFree(plain);
    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));

    compatSection("descriptions whose snapshots do not load");
    tryFile(dir, "node-bad-snap-current.xml");
    tryFile(dir, "node-bad-snap-parent.xml");
    tryFile(dir, "node-bad-snap-active.xml");
    tryFile(dir, "node-bad-snap-ref.xml");
    return 0;
}
