/*
 * snapshot-tree.c: a tree of snapshots of the default domain (online,
 * offline, external), every listing filter from the top and below a
 * snapshot, and deletion with and without children.
 */
#include "moment.h"

static virDomainSnapshotPtr
create(virDomainPtr dom, const char *xml)
{
    virDomainSnapshotPtr snap = virDomainSnapshotCreateXML(dom, xml, 0);

    if (!snap)
        compatShowError(xml);
    else
        printf("create %s -> ok\n", virDomainSnapshotGetName(snap));
    return snap;
}

static void
showParent(virDomainSnapshotPtr snap)
{
    virDomainSnapshotPtr parent = virDomainSnapshotGetParent(snap, 0);

    if (!parent) {
        compatShowError("virDomainSnapshotGetParent");
        return;
    }
    printf("parent of %s -> %s\n", virDomainSnapshotGetName(snap),
           virDomainSnapshotGetName(parent));
    virDomainSnapshotFree(parent);
}

static void
showCurrent(virDomainPtr dom)
{
    virDomainSnapshotPtr cur = virDomainSnapshotCurrent(dom, 0);

    if (!cur) {
        compatShowError("virDomainSnapshotCurrent");
        return;
    }
    printf("current -> %s\n", virDomainSnapshotGetName(cur));
    virDomainSnapshotFree(cur);
}

/* Every filter from the top; lists of the whole tree come sorted. */
static void
listTop(virDomainPtr dom)
{
    static const struct {
        const char *name;
        unsigned int flags;
    } filters[] = {
        { "none", 0 },
        { "roots", VIR_DOMAIN_SNAPSHOT_LIST_ROOTS },
        { "leaves", VIR_DOMAIN_SNAPSHOT_LIST_LEAVES },
        { "no-leaves", VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES },
        { "leaves+no-leaves", VIR_DOMAIN_SNAPSHOT_LIST_LEAVES |
                              VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES },
        { "metadata", VIR_DOMAIN_SNAPSHOT_LIST_METADATA },
        { "no-metadata", VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA },
        { "metadata+no-metadata", VIR_DOMAIN_SNAPSHOT_LIST_METADATA |
                                  VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA },
        { "inactive", VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE },
        { "active", VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE },
        { "disk-only", VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY },
        { "active+inactive", VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE |
                             VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE },
        { "all states", VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE |
                        VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE |
                        VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY },
        { "internal", VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL },
        { "external", VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL },
        { "internal+external", VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL |
                               VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL },
        { "roots+leaves", VIR_DOMAIN_SNAPSHOT_LIST_ROOTS |
                          VIR_DOMAIN_SNAPSHOT_LIST_LEAVES },
        { "leaves+inactive", VIR_DOMAIN_SNAPSHOT_LIST_LEAVES |
                             VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE },
        { "no-leaves+internal", VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES |
                                VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL },
    };
    size_t i;

    for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
        unsigned int flags = filters[i].flags;
        int sorted = !(flags & VIR_DOMAIN_SNAPSHOT_LIST_ROOTS);

        printf("-- from the top: %s\n", filters[i].name);
        CHECK_INT(virDomainSnapshotNum(dom, flags));
        CHECK_SNAPSHOT_NAMES(virDomainSnapshotListNames(dom, names, 16, flags), sorted);
        CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, flags), sorted);
        CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, NULL, flags), sorted);
        flags |= VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL;
        CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, flags), 0);
        CHECK_SNAPSHOT_NAMES(virDomainSnapshotListNames(dom, names, 16, flags), 0);
    }
}

/* Every filter below @snap (always in a fixed order). */
static void
listBelow(virDomainSnapshotPtr snap)
{
    static const unsigned int filters[] = {
        0,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS,
        VIR_DOMAIN_SNAPSHOT_LIST_LEAVES,
        VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_LEAVES,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA,
        VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL,
    };
    size_t i;

    for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
        unsigned int flags = filters[i];

        printf("-- below %s: 0x%x\n", virDomainSnapshotGetName(snap), flags);
        CHECK_INT(virDomainSnapshotNumChildren(snap, flags));
        CHECK_SNAPSHOT_NAMES(virDomainSnapshotListChildrenNames(snap, names, 16, flags), 0);
        CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(snap, &list, flags), 0);
        CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(snap, NULL, flags), 0);
    }
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainSnapshotPtr s[8] = { NULL };
    int i;

    (void)argc;
    (void)argv;
    compatSection("building the tree");
    s[1] = create(dom, "<domainsnapshot><name>s1</name></domainsnapshot>");
    s[2] = create(dom, "<domainsnapshot><name>s2</name></domainsnapshot>");
    s[3] = create(dom, "<domainsnapshot><name>s3</name></domainsnapshot>");
    CHECK_INT(virDomainRevertToSnapshot(s[1], 0));
    s[4] = create(dom, "<domainsnapshot><name>s4</name></domainsnapshot>");
    CHECK_INT(virDomainRevertToSnapshot(s[2], 0));
    s[5] = create(dom, "<domainsnapshot><name>s5</name></domainsnapshot>");
    CHECK_INT(virDomainDestroy(dom));
    s[6] = create(dom, "<domainsnapshot><name>s6</name></domainsnapshot>");
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(s[6], 0));
    CHECK_INT(virDomainCreate(dom));
    create(dom, "<domainsnapshot><name>noname</name>"
                "<memory snapshot='external' file='/nonexistent/mem'/></domainsnapshot>");
    s[7] = create(dom, "<domainsnapshot><name>ext</name>"
                       "<memory snapshot='external' file='/nonexistent/mem'/>"
                       "<disks><disk name='vda'><source file='/nonexistent/vda.ext'/></disk>"
                       "</disks></domainsnapshot>");
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(s[7], 0));
    for (i = 2; i <= 7; i++)
        showParent(s[i]);
    showCurrent(dom);

    compatSection("listing");
    listTop(dom);
    listBelow(s[1]);
    listBelow(s[2]);
    listBelow(s[7]);

    compatSection("deleting a snapshot hands its children to its parent");
    CHECK_INT(virDomainSnapshotDelete(s[2], 0));
    CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(s[1], &list, 0), 0);
    showParent(s[3]);
    showParent(s[5]);
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(s[3], VIR_DOMAIN_SNAPSHOT_XML_SECURE));
    showCurrent(dom);

    compatSection("children only: the current one goes, its parent is current");
    CHECK_INT(virDomainSnapshotDelete(s[6], VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY));
    showCurrent(dom);
    CHECK_INT(virDomainSnapshotNumChildren(s[6], 0));
    CHECK_INT(virDomainSnapshotIsCurrent(s[7], 0));

    compatSection("with children: the current one's parent is current");
    CHECK_INT(virDomainSnapshotDelete(s[5], VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN));
    showCurrent(dom);
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL),
                        0);

    compatSection("deleting a root makes its children roots");
    CHECK_INT(virDomainSnapshotDelete(s[1], 0));
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS), 0);
    CHECK_FAIL_PTR(virDomainSnapshotGetParent(s[3], 0));
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    CHECK_FAIL_PTR(virDomainSnapshotCurrent(dom, 0));
    CHECK_INT(virDomainSnapshotDelete(s[4], VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY));
    CHECK_INT(virDomainSnapshotDelete(s[4], VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN));
    CHECK_INT(virDomainSnapshotDelete(s[3], 0));
    CHECK_INT(virDomainSnapshotNum(dom, 0));

    for (i = 0; i < 8; i++) {
        if (s[i])
            virDomainSnapshotFree(s[i]);
    }
    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
