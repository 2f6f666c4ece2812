/*
 * checkpoint-basic.c: checkpoints of the default domain: creation, the
 * document and its flags, lookups and parents, the rules against
 * snapshots and inactive domains, bad documents, unknown flags,
 * read-only connections and invalid handles.
 */
#include "moment.h"

static void
flagChecks(virDomainPtr dom, virDomainCheckpointPtr chk)
{
    compatSection("unknown flags");
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>", 1 << 3));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>",
                   VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE |
                   VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, 1 << 3));
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 1 << 4), 1);
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 1 << 5), 1);
    CHECK_CHECKPOINT_LIST(virDomainCheckpointListAllChildren(chk, &list, 1 << 4), 0);
    CHECK_FAIL_PTR(virDomainCheckpointLookupByName(dom, "c1", 1));
    CHECK_FAIL_PTR(virDomainCheckpointGetParent(chk, 1));
    CHECK_INT(virDomainCheckpointDelete(chk, 1 << 3));

    compatSection("flags the public layer refuses");
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>",
                   VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE |
                   VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>",
                   VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, NULL, 0));
    CHECK_FAIL_PTR(virDomainCheckpointLookupByName(dom, NULL, 0));
    CHECK_INT(virDomainCheckpointDelete(chk, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                                        VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY));
}

static void
readOnly(void)
{
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virDomainPtr dom = virDomainLookupByName(ro, "test");
    virDomainCheckpointPtr chk;

    compatSection("read-only connection");
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>", 0));
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);
    chk = CHECK_PTR(virDomainCheckpointLookupByName(dom, "c1", 0));
    if (chk) {
        CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
        CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_SECURE));
        CHECK_INT(virDomainCheckpointDelete(chk, 0));
        virDomainCheckpointFree(chk);
    }
    virDomainFree(dom);
    CHECK_INT(virConnectClose(ro));
}

static void
invalidHandles(void)
{
    compatSection("invalid handles");
    CHECK_CSTR(virDomainCheckpointGetName(NULL));
    CHECK_FAIL_PTR(virDomainCheckpointGetDomain(NULL));
    CHECK_FAIL_PTR(virDomainCheckpointGetConnect(NULL));
    CHECK_INT(virDomainCheckpointFree(NULL));
    CHECK_INT(virDomainCheckpointRef(NULL));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(NULL, 0));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(NULL, "<domaincheckpoint/>", 0));
    CHECK_FAIL_PTR(virDomainCheckpointGetParent(NULL, 0));
    CHECK_INT(virDomainCheckpointDelete(NULL, 0));
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(NULL, &list, 0), 1);
    CHECK_CHECKPOINT_LIST(virDomainCheckpointListAllChildren(NULL, &list, 0), 1);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainCheckpointPtr c1;
    virDomainCheckpointPtr c2;
    virDomainCheckpointPtr chk;
    virDomainSnapshotPtr snap;

    (void)argc;
    (void)argv;
    compatSection("no checkpoints yet");
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, NULL, 0), 1);
    CHECK_FAIL_PTR(virDomainCheckpointLookupByName(dom, "c1", 0));

    compatSection("a checkpoint of the running domain");
    c1 = CHECK_PTR(virDomainCheckpointCreateXML(dom,
        "<domaincheckpoint><name>c1</name><description>one</description>"
        "</domaincheckpoint>", 0));
    CHECK_CSTR(virDomainCheckpointGetName(c1));
    CHECK_CSTR(virDomainGetName(virDomainCheckpointGetDomain(c1)));
    printf("  same connection: %d\n", virDomainCheckpointGetConnect(c1) == conn);
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(c1, 0));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(c1, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(c1, VIR_DOMAIN_CHECKPOINT_XML_SIZE |
                                                   VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(c1, VIR_DOMAIN_CHECKPOINT_XML_SECURE |
                                                   VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
    CHECK_FAIL_PTR(virDomainCheckpointGetParent(c1, 0));

    compatSection("one named after its time, then a second one that follows it");
    chk = CHECK_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>", 0));
    if (chk) {
        CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
        CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);
        CHECK_INT(virDomainCheckpointDelete(chk, 0));
        virDomainCheckpointFree(chk);
    }
    c2 = CHECK_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>c2</name>"
                                                "</domaincheckpoint>", 0));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(c2, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
    chk = CHECK_PTR(virDomainCheckpointGetParent(c2, 0));
    if (chk) {
        CHECK_CSTR(virDomainCheckpointGetName(chk));
        virDomainCheckpointFree(chk);
    }
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);
    CHECK_CHECKPOINT_LIST(virDomainCheckpointListAllChildren(c1, &list, 0), 0);
    chk = CHECK_PTR(virDomainCheckpointLookupByName(dom, "c1", 0));
    if (chk)
        virDomainCheckpointFree(chk);
    CHECK_FAIL_PTR(virDomainCheckpointLookupByName(dom, "nosuch", 0));

    compatSection("disks");
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>c1</name>"
                                                "</domaincheckpoint>", 0));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>d1</name>"
                                                "<disks><disk name='vdz'/></disks>"
                                                "</domaincheckpoint>", 0));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>d1</name>"
                                                "<disks><disk name='vda'/><disk name='vda'/>"
                                                "</disks></domaincheckpoint>", 0));
    chk = CHECK_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>d2</name>"
                                                 "<disks><disk name='vda' checkpoint='no'/>"
                                                 "</disks></domaincheckpoint>", 0));
    if (chk) {
        CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
        virDomainCheckpointFree(chk);
    }
    chk = CHECK_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>d3</name>"
                                                 "<disks><disk name='/guest/diskimage1'"
                                                 " bitmap='b3'/></disks></domaincheckpoint>", 0));
    if (chk) {
        CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
        virDomainCheckpointFree(chk);
    }
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint>", 0));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domainsnapshot/>", 0));

    compatSection("snapshots and checkpoints exclude each other");
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>", 0));
    CHECK_INT(virDomainSnapshotNum(dom, 0));

    flagChecks(dom, c1);
    readOnly();
    invalidHandles();

    compatSection("an inactive domain");
    CHECK_INT(virDomainDestroy(dom));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>", 0));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(c1, VIR_DOMAIN_CHECKPOINT_XML_SIZE));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(c1, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN));
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);
    CHECK_INT(virDomainCreate(dom));

    compatSection("deleted, the handle stays");
    CHECK_INT(virDomainCheckpointDelete(c1, VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY));
    CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(c1, 0));
    CHECK_FAIL_PTR(virDomainCheckpointGetParent(c2, 0));
    CHECK_INT(virDomainCheckpointDelete(c1, 0));
    CHECK_INT(virDomainCheckpointRef(c1));
    CHECK_INT(virDomainCheckpointFree(c1));
    CHECK_INT(virDomainCheckpointFree(c1));
    CHECK_INT(virDomainCheckpointDelete(c2, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN));
    virDomainCheckpointFree(c2);
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);

    compatSection("no checkpoints: snapshots again, then no checkpoints");
    snap = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>s</name>"
                                                "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>", 0));
    if (snap) {
        CHECK_INT(virDomainSnapshotDelete(snap, 0));
        virDomainSnapshotFree(snap);
    }

    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
