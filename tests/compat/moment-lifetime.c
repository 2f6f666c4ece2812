/*
 * moment-lifetime.c: snapshots and checkpoints as long as they live:
 * shared by the connections of one process and gone with the last one,
 * handles that outlive their domain (undefined, destroyed or defined
 * again under the same UUID), and an active domain undefined with its
 * moments.
 */
#include "moment.h"

static const char *ghostXML =
"<domain type='test'><name>ghost</name>"
"<uuid>44444444-5555-6666-7777-888888888888</uuid>"
"<memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>"
"<disk type='file' device='disk'><source file='/images/g.img'/>"
"<target dev='vda' bus='virtio'/></disk></devices></domain>";

static const char *flashXML =
"<domain type='test'><name>flash</name>"
"<uuid>55555555-6666-7777-8888-999999999999</uuid>"
"<memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>"
"<disk type='file' device='disk'><source file='/images/f.img'/>"
"<target dev='vda' bus='virtio'/></disk></devices></domain>";

/* Every call of a snapshot handle whose domain may be gone. */
static void
snapshotCalls(virDomainSnapshotPtr snap)
{
    CHECK_CSTR(virDomainSnapshotGetName(snap));
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
    CHECK_INT(virDomainSnapshotIsCurrent(snap, 0));
    CHECK_INT(virDomainSnapshotHasMetadata(snap, 0));
    CHECK_INT(virDomainSnapshotNumChildren(snap, 0));
    CHECK_SNAPSHOT_NAMES(virDomainSnapshotListChildrenNames(snap, names, 16, 0), 1);
    CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(snap, &list, 0), 1);
    CHECK_FAIL_PTR(virDomainSnapshotGetParent(snap, 0));
    CHECK_INT(virDomainRevertToSnapshot(snap, 0));
    CHECK_INT(virDomainSnapshotDelete(snap, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN));
}

/* Every call of a checkpoint handle whose domain may be gone. */
static void
checkpointCalls(virDomainCheckpointPtr chk)
{
    CHECK_CSTR(virDomainCheckpointGetName(chk));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
    CHECK_CHECKPOINT_LIST(virDomainCheckpointListAllChildren(chk, &list, 0), 1);
    CHECK_FAIL_PTR(virDomainCheckpointGetParent(chk, 0));
    CHECK_INT(virDomainCheckpointDelete(chk, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN));
}

/* The moments of @name as @conn sees them. */
static void
showMoments(virConnectPtr conn, const char *name)
{
    virDomainPtr dom = virDomainLookupByName(conn, name);

    if (!dom) {
        compatShowError("virDomainLookupByName");
        return;
    }
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, 0), 1);
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    virDomainFree(dom);
}

static void
sharedState(void)
{
    virConnectPtr a = compatOpen("test:///default", 0);
    virConnectPtr b = compatOpen("test:///default", 0);
    virDomainPtr dom = virDomainLookupByName(a, "test");
    virDomainPtr other = virDomainLookupByName(b, "test");
    virDomainSnapshotPtr snap;
    virDomainCheckpointPtr chk;

    compatSection("two connections share the moments");
    snap = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>a1</name>"
                                                "</domainsnapshot>", 0));
    showMoments(b, "test");
    if (snap) {
        CHECK_INT(virDomainSnapshotDelete(snap, 0));
        virDomainSnapshotFree(snap);
    }
    chk = CHECK_PTR(virDomainCheckpointCreateXML(other, "<domaincheckpoint><name>b1</name>"
                                                 "</domaincheckpoint>", 0));
    showMoments(a, "test");
    snap = CHECK_PTR(virDomainSnapshotLookupByName(dom, "a1", 0));
    if (snap)
        virDomainSnapshotFree(snap);
    if (chk) {
        CHECK_CSTR(virDomainCheckpointGetName(chk));
        virDomainCheckpointFree(chk);
    }
    chk = CHECK_PTR(virDomainCheckpointLookupByName(dom, "b1", 0));
    CHECK_INT(virConnectClose(b));
    showMoments(a, "test");

    compatSection("the handle outlives its connection's state");
    CHECK_INT(virDomainCheckpointDelete(chk, 0));
    checkpointCalls(chk);
    virDomainFree(other);
    virDomainFree(dom);
    CHECK_INT(virConnectClose(a));
    a = compatOpen("test:///default", 0);
    showMoments(a, "test");
    if (chk)
        virDomainCheckpointFree(chk);
    CHECK_INT(virConnectClose(a));
}

static void
ghost(virConnectPtr conn)
{
    virDomainPtr dom;
    virDomainPtr again;
    virDomainSnapshotPtr snap;
    virDomainSnapshotPtr child;

    compatSection("an inactive domain undefined with its snapshots");
    if (!(dom = CHECK_PTR(virDomainDefineXML(conn, ghostXML))))
        return;
    snap = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>g1</name>"
                                                "</domainsnapshot>", 0));
    child = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>g2</name>"
                                                 "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>", 0));
    CHECK_INT(virDomainUndefine(dom));
    CHECK_INT(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA));
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    CHECK_FAIL_PTR(virDomainSnapshotLookupByName(dom, "g1", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCurrent(dom, 0));
    if (snap)
        snapshotCalls(snap);

    compatSection("defined again under the same UUID");
    again = CHECK_PTR(virDomainDefineXML(conn, ghostXML));
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    if (child)
        snapshotCalls(child);
    if (again) {
        CHECK_INT(virDomainUndefine(again));
        virDomainFree(again);
    }
    if (snap)
        virDomainSnapshotFree(snap);
    if (child)
        virDomainSnapshotFree(child);
    virDomainFree(dom);
}

static void
flash(virConnectPtr conn)
{
    virDomainPtr dom;
    virDomainSnapshotPtr snap;
    virDomainCheckpointPtr chk;

    compatSection("a running domain undefined keeps its moments until it stops");
    if (!(dom = CHECK_PTR(virDomainDefineXML(conn, flashXML))))
        return;
    CHECK_INT(virDomainCreate(dom));
    chk = CHECK_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>c1</name>"
                                                 "</domaincheckpoint>", 0));
    CHECK_INT(virDomainUndefine(dom));
    CHECK_INT(virDomainIsPersistent(dom));
    showMoments(conn, "flash");
    if (chk) {
        CHECK_INT(virDomainCheckpointDelete(chk, 0));
        virDomainCheckpointFree(chk);
    }
    snap = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>f1</name>"
                                                "</domainsnapshot>", 0));
    showMoments(conn, "flash");
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                              VIR_DOMAIN_SNAPSHOT_CREATE_HALT));
    showMoments(conn, "flash");
    CHECK_INT(virDomainDestroy(dom));
    CHECK_FAIL_PTR(virDomainLookupByName(conn, "flash"));
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, 0), 1);
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);
    if (snap) {
        snapshotCalls(snap);
        virDomainSnapshotFree(snap);
    }
    virDomainFree(dom);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn;

    (void)argc;
    (void)argv;
    sharedState();
    conn = compatOpen("test:///default", 0);
    ghost(conn);
    flash(conn);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
