/*
 * checkpoint-tree.c: a tree of checkpoints built by redefinition, the
 * listing filters, the current checkpoint, deletion with and without
 * children, redefinition errors (cycles, parents, UUIDs), and what
 * checkpoints mean to undefining and listing domains.
 */
#include "moment.h"

static const char *domainUUID = "6695eb01-f6a4-8304-79aa-97f2502e193f";

/* Redefine checkpoint @name below @parent (NULL: a root) at @time, with
 * the domain's definition when @withDomain. */
static virDomainCheckpointPtr
redefine(virDomainPtr dom, const char *name, const char *parent, int time,
         int withDomain, unsigned int flags)
{
    char *domxml = withDomain ? virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE) : NULL;
    char parentxml[128] = "";
    char *xml;
    virDomainCheckpointPtr chk;

    if (parent)
        snprintf(parentxml, sizeof(parentxml), "<parent><name>%s</name></parent>", parent);
    if (asprintf(&xml, "<domaincheckpoint><name>%s</name>%s<creationTime>%d</creationTime>"
                 "<disks><disk name='vda' checkpoint='bitmap'/></disks>%s"
                 "</domaincheckpoint>", name, parentxml, time, domxml ? domxml : "") < 0)
        abort();
    chk = virDomainCheckpointCreateXML(dom, xml, VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE | flags);
    if (!chk)
        compatShowError(name);
    else
        printf("redefine %s -> ok\n", name);
    free(xml);
    free(domxml);
    return chk;
}

static void
showCurrentAndParent(virDomainPtr dom, const char *name)
{
    virDomainCheckpointPtr chk = virDomainCheckpointLookupByName(dom, name, 0);
    virDomainCheckpointPtr parent;

    if (!chk) {
        compatShowError(name);
        return;
    }
    parent = virDomainCheckpointGetParent(chk, 0);
    if (parent) {
        printf("parent of %s -> %s\n", name, virDomainCheckpointGetName(parent));
        virDomainCheckpointFree(parent);
    } else {
        compatShowError("virDomainCheckpointGetParent");
    }
    virDomainCheckpointFree(chk);
}

static void
listAll(virDomainPtr dom)
{
    static const unsigned int filters[] = {
        0,
        VIR_DOMAIN_CHECKPOINT_LIST_ROOTS,
        VIR_DOMAIN_CHECKPOINT_LIST_LEAVES,
        VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES,
        VIR_DOMAIN_CHECKPOINT_LIST_LEAVES | VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES,
        VIR_DOMAIN_CHECKPOINT_LIST_ROOTS | VIR_DOMAIN_CHECKPOINT_LIST_LEAVES,
        VIR_DOMAIN_CHECKPOINT_LIST_ROOTS | VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES,
    };
    size_t i;

    for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
        unsigned int flags = filters[i];

        printf("-- from the top: 0x%x\n", flags);
        CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, flags),
                              !(flags & VIR_DOMAIN_CHECKPOINT_LIST_ROOTS));
        CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, NULL, flags), 0);
        CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, flags |
                              VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL), 0);
    }
}

static void
listBelow(virDomainPtr dom, const char *name)
{
    static const unsigned int filters[] = {
        0,
        VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS,
        VIR_DOMAIN_CHECKPOINT_LIST_LEAVES,
        VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS | VIR_DOMAIN_CHECKPOINT_LIST_LEAVES,
        VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS | VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES,
        VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS | VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL,
    };
    virDomainCheckpointPtr chk = virDomainCheckpointLookupByName(dom, name, 0);
    size_t i;

    if (!chk) {
        compatShowError(name);
        return;
    }
    for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
        printf("-- below %s: 0x%x\n", name, filters[i]);
        CHECK_CHECKPOINT_LIST(virDomainCheckpointListAllChildren(chk, &list, filters[i]), 0);
        CHECK_CHECKPOINT_LIST(virDomainCheckpointListAllChildren(chk, NULL, filters[i]), 0);
    }
    virDomainCheckpointFree(chk);
}

static void
redefineErrors(virDomainPtr dom)
{
    compatSection("redefinition errors");
    redefine(dom, "e1", "e1", 1270000100, 0, 0);
    redefine(dom, "e2", "nosuch", 1270000100, 0, 0);
    redefine(dom, "a", "d", 1270000100, 0, 0);
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint/>",
                                                VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>e3</name>"
                                                "</domaincheckpoint>",
                                                VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom,
        "<domaincheckpoint><name>e4</name><creationTime>1270000100</creationTime>"
        "<domain type='test'><name>other</name>"
        "<uuid>11111111-2222-3333-4444-555555555555</uuid><memory>1024</memory>"
        "<os><type>hvm</type></os></domain></domaincheckpoint>",
        VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    CHECK_FAIL_PTR(virDomainCheckpointCreateXML(dom,
        "<domaincheckpoint><name>e5</name><creationTime>1270000100</creationTime>"
        "<disks><disk name='vdz'/></disks><domain type='test'><name>test</name>"
        "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid><memory>1024</memory>"
        "<os><type>hvm</type></os><devices><disk type='file' device='disk'>"
        "<source file='/guest/diskimage1'/><target dev='vda' bus='virtio'/></disk>"
        "</devices></domain></domaincheckpoint>",
        VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE));
    (void)domainUUID;
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainCheckpointPtr chk;

    (void)argc;
    (void)argv;
    compatSection("a tree by redefinition");
    /*   a -- b -- d
     *    \-- c
     *   e (a second root) */
    chk = redefine(dom, "a", NULL, 1270000001, 1, 0);
    if (chk) {
        CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, 0));
        virDomainCheckpointFree(chk);
    }
    chk = redefine(dom, "b", "a", 1270000002, 0, 0);
    if (chk) {
        CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, 0));
        virDomainCheckpointFree(chk);
    }
    if ((chk = redefine(dom, "c", "a", 1270000003, 1, 0)))
        virDomainCheckpointFree(chk);
    if ((chk = redefine(dom, "d", "b", 1270000004, 1, 0)))
        virDomainCheckpointFree(chk);
    if ((chk = redefine(dom, "e", NULL, 1270000005, 0, 0)))
        virDomainCheckpointFree(chk);
    showCurrentAndParent(dom, "b");
    showCurrentAndParent(dom, "d");
    showCurrentAndParent(dom, "e");

    compatSection("a new checkpoint follows the current one");
    chk = CHECK_PTR(virDomainCheckpointCreateXML(dom, "<domaincheckpoint><name>f</name>"
                                                 "</domaincheckpoint>", 0));
    if (chk)
        virDomainCheckpointFree(chk);
    showCurrentAndParent(dom, "f");

    compatSection("listing");
    listAll(dom);
    listBelow(dom, "a");
    listBelow(dom, "b");
    listBelow(dom, "e");

    redefineErrors(dom);

    compatSection("redefining an existing checkpoint");
    if ((chk = redefine(dom, "c", "e", 1270000003, 0, 0))) {
        CHECK_MOMENT_XML(virDomainCheckpointGetXMLDesc(chk, 0));
        virDomainCheckpointFree(chk);
    }
    listBelow(dom, "e");
    listBelow(dom, "a");

    compatSection("deleting");
    if ((chk = virDomainCheckpointLookupByName(dom, "b", 0))) {
        CHECK_INT(virDomainCheckpointDelete(chk, 0));
        virDomainCheckpointFree(chk);
    }
    showCurrentAndParent(dom, "d");
    if ((chk = virDomainCheckpointLookupByName(dom, "a", 0))) {
        CHECK_INT(virDomainCheckpointDelete(chk, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY));
        CHECK_CHECKPOINT_LIST(virDomainCheckpointListAllChildren(chk, &list, 0), 0);
        virDomainCheckpointFree(chk);
    }
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list,
                          VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL), 0);
    if ((chk = virDomainCheckpointLookupByName(dom, "e", 0))) {
        CHECK_INT(virDomainCheckpointDelete(chk, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                                            VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY));
        virDomainCheckpointFree(chk);
    }
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list,
                          VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL), 0);

    compatSection("the domain list and undefine");
    CHECK_INT(virConnectListAllDomains(conn, NULL, VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT));
    CHECK_INT(virConnectListAllDomains(conn, NULL, VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT));
    CHECK_INT(virConnectListAllDomains(conn, NULL, VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT |
                                       VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT));
    CHECK_INT(virDomainDestroy(dom));
    CHECK_INT(virConnectListAllDomains(conn, NULL, VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT));
    CHECK_INT(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA));
    CHECK_INT(virDomainUndefine(dom));
    CHECK_INT(virConnectListAllDomains(conn, NULL, VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT));
    CHECK_CHECKPOINT_LIST(virDomainListAllCheckpoints(dom, &list, 0), 1);

    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
