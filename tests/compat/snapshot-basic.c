/*
 * snapshot-basic.c: snapshots of the default domain: creation with and
 * without a name, the document, lookups, current and parent, the flags
 * each call accepts, read-only connections and invalid handles.
 */
#include "moment.h"

/* Disks of every kind: a file, an empty CD-ROM, a read-only image, a
 * disk that takes no snapshot and network disks (default ports). */
static const char *disksXML =
"<domain type='test'><name>disks</name>"
"<uuid>33333333-4444-5555-6666-777777777777</uuid>"
"<memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>"
"<disk type='file' device='disk'><source file='/images/a.img'/>"
"<target dev='vda' bus='virtio'/></disk>"
"<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>"
"<disk type='file' device='disk'><source file='/images/ro.img'/>"
"<target dev='vdb' bus='virtio'/><readonly/></disk>"
"<disk type='block' device='disk' snapshot='no'><source dev='/dev/sdz'/>"
"<target dev='vdc' bus='virtio'/></disk>"
"<disk type='network' device='disk'><source protocol='nbd' name='e'>"
"<host name='h1'/><host name='h2' port='1234'/></source><target dev='vdd' bus='virtio'/></disk>"
"<disk type='network' device='disk'><source protocol='iscsi' name='iqn.x/1'>"
"<host name='h3'/></source><target dev='vde' bus='virtio'/></disk>"
"<disk type='network' device='disk'><source protocol='rbd' name='p/i'>"
"<host name='h4'/></source><target dev='vdf' bus='virtio'/></disk>"
"</devices></domain>";

static void
manyDisks(virConnectPtr conn)
{
    virDomainPtr dom;
    virDomainSnapshotPtr snap;

    compatSection("a domain with disks of every kind");
    if (!(dom = CHECK_PTR(virDomainDefineXML(conn, disksXML))))
        return;
    snap = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>d</name>"
                                                "</domainsnapshot>", 0));
    if (snap) {
        CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
        virDomainSnapshotFree(snap);
    }
    /* a disk that takes no snapshot may still be asked for one */
    snap = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>e</name>"
                                                "<disks><disk name='vdc' snapshot='internal'/>"
                                                "</disks></domainsnapshot>", 0));
    if (snap)
        virDomainSnapshotFree(snap);
    CHECK_INT(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA));
    virDomainFree(dom);
}

static void
showSnapshot(virDomainSnapshotPtr snap)
{
    virDomainPtr dom;

    CHECK_CSTR(virDomainSnapshotGetName(snap));
    dom = virDomainSnapshotGetDomain(snap);
    CHECK_CSTR(virDomainGetName(dom));
    printf("  same connection: %d\n",
           virDomainSnapshotGetConnect(snap) == virDomainGetConnect(dom));
    CHECK_INT(virDomainSnapshotIsCurrent(snap, 0));
    CHECK_INT(virDomainSnapshotHasMetadata(snap, 0));
    CHECK_INT(virDomainSnapshotNumChildren(snap, 0));
}

static void
flagChecks(virDomainPtr dom, virDomainSnapshotPtr snap)
{
    compatSection("unknown flags");
    CHECK_INT(virDomainSnapshotNum(dom, 1 << 11));
    CHECK_SNAPSHOT_NAMES(virDomainSnapshotListNames(dom, names, 16, 1 << 12), 1);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, 1 << 13), 1);
    CHECK_INT(virDomainSnapshotNumChildren(snap, 1 << 14));
    CHECK_SNAPSHOT_NAMES(virDomainSnapshotListChildrenNames(snap, names, 16, 1 << 15), 0);
    CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(snap, &list, 1 << 16), 0);
    CHECK_FAIL_PTR(virDomainSnapshotLookupByName(dom, "s1", 1));
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 1));
    CHECK_FAIL_PTR(virDomainSnapshotCurrent(dom, 1));
    CHECK_FAIL_PTR(virDomainSnapshotGetParent(snap, 1));
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 2));
    CHECK_INT(virDomainSnapshotIsCurrent(snap, 1));
    CHECK_INT(virDomainSnapshotHasMetadata(snap, 1));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                              VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                              VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                              VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>", 1 << 10));
    CHECK_INT(virDomainRevertToSnapshot(snap, VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM));
    CHECK_INT(virDomainSnapshotDelete(snap, VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY));

    compatSection("flags the public layer refuses");
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                              VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                              VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                                              VIR_DOMAIN_SNAPSHOT_CREATE_HALT));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                              VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                                              VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, NULL, 0));
    CHECK_INT(virDomainRevertToSnapshot(snap, VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                                        VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED));
    CHECK_INT(virDomainSnapshotDelete(snap, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN |
                                      VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY));
    CHECK_FAIL_PTR(virDomainSnapshotLookupByName(dom, NULL, 0));
    CHECK_INT(virDomainSnapshotListNames(dom, NULL, 2, 0));
    CHECK_INT(virDomainSnapshotListNames(dom, NULL, -1, 0));
}

static void
readOnly(void)
{
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virDomainPtr dom = virDomainLookupByName(ro, "test");
    virDomainSnapshotPtr snap;

    compatSection("read-only connection");
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>", 0));
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    snap = CHECK_PTR(virDomainSnapshotLookupByName(dom, "s1", 0));
    if (snap) {
        CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
        CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, VIR_DOMAIN_SNAPSHOT_XML_SECURE));
        CHECK_INT(virDomainRevertToSnapshot(snap, 0));
        CHECK_INT(virDomainSnapshotDelete(snap, 0));
        virDomainSnapshotFree(snap);
    }
    virDomainFree(dom);
    CHECK_INT(virConnectClose(ro));
}

static void
invalidHandles(virDomainPtr dom)
{
    compatSection("invalid handles");
    CHECK_CSTR(virDomainSnapshotGetName(NULL));
    CHECK_FAIL_PTR(virDomainSnapshotGetDomain(NULL));
    CHECK_FAIL_PTR(virDomainSnapshotGetConnect(NULL));
    CHECK_INT(virDomainSnapshotFree(NULL));
    CHECK_INT(virDomainSnapshotRef(NULL));
    CHECK_INT(virDomainSnapshotNum(NULL, 0));
    CHECK_INT(virDomainSnapshotIsCurrent(NULL, 0));
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(NULL, 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(NULL, "<domainsnapshot/>", 0));
    CHECK_INT(virDomainRevertToSnapshot(NULL, 0));
    CHECK_INT(virDomainSnapshotDelete(NULL, 0));
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(NULL, &list, 0), 1);
    CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(NULL, &list, 0), 1);
    (void)dom;
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainSnapshotPtr s1;
    virDomainSnapshotPtr unnamed;
    virDomainSnapshotPtr snap;

    (void)argc;
    (void)argv;
    compatSection("no snapshots yet");
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    CHECK_SNAPSHOT_NAMES(virDomainSnapshotListNames(dom, names, 16, 0), 1);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, 0), 1);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, NULL, 0), 1);
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    CHECK_FAIL_PTR(virDomainSnapshotCurrent(dom, 0));
    CHECK_FAIL_PTR(virDomainSnapshotLookupByName(dom, "s1", 0));

    compatSection("a named snapshot");
    s1 = CHECK_PTR(virDomainSnapshotCreateXML(dom,
        "<domainsnapshot><name>s1</name><description>first &amp; best</description>"
        "</domainsnapshot>", 0));
    showSnapshot(s1);
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(s1, 0));
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(s1, VIR_DOMAIN_SNAPSHOT_XML_SECURE));
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    CHECK_FAIL_PTR(virDomainSnapshotGetParent(s1, 0));
    snap = CHECK_PTR(virDomainSnapshotCurrent(dom, 0));
    if (snap) {
        CHECK_CSTR(virDomainSnapshotGetName(snap));
        virDomainSnapshotFree(snap);
    }

    compatSection("a snapshot named after its time");
    unnamed = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>", 0));
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(unnamed, 0));
    CHECK_INT(virDomainSnapshotIsCurrent(s1, 0));
    CHECK_INT(virDomainSnapshotIsCurrent(unnamed, 0));
    snap = CHECK_PTR(virDomainSnapshotGetParent(unnamed, 0));
    if (snap) {
        CHECK_CSTR(virDomainSnapshotGetName(snap));
        virDomainSnapshotFree(snap);
    }
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    CHECK_SNAPSHOT_NAMES(virDomainSnapshotListNames(dom, names, 16, 0), 1);
    CHECK_SNAPSHOT_NAMES(virDomainSnapshotListNames(dom, names, 1,
                                                    VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL), 0);
    CHECK_SNAPSHOT_NAMES(virDomainSnapshotListNames(dom, names, 0, 0), 1);
    CHECK_SNAPSHOT_NAMES(virDomainSnapshotListChildrenNames(s1, names, 16, 0), 0);
    CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(s1, &list, 0), 0);
    CHECK_INT(virDomainSnapshotNumChildren(s1, 0));

    compatSection("lookups and bad documents");
    snap = CHECK_PTR(virDomainSnapshotLookupByName(dom, "s1", 0));
    if (snap)
        virDomainSnapshotFree(snap);
    CHECK_FAIL_PTR(virDomainSnapshotLookupByName(dom, "nosuch", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>s1</name>"
                                              "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domain/>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><memory snapshot='bogus'/>"
                                              "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><memory snapshot='manual'/>"
                                              "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks>"
                                              "<disk name='vdz'/></disks></domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks>"
                                              "<disk name='vda' snapshot='manual'/></disks>"
                                              "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks><disk name='vda'/>"
                                              "<disk name='/guest/diskimage1'/></disks>"
                                              "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks><disk name='vda'/>"
                                              "<disk name='vdb'/></disks></domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks>"
                                              "<disk name='vda' snapshot='external'/></disks>"
                                              "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks>"
                                              "<disk name='vda' snapshot='internal'>"
                                              "<source file='/tmp/x.qcow2'/></disk></disks>"
                                              "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks>"
                                              "<disk name='vda'><source file='rel.qcow2'/>"
                                              "</disk></disks></domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><memory snapshot='external'/>"
                                              "</domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><memory snapshot='internal'"
                                              " file='/tmp/m'/></domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><memory snapshot='external'"
                                              " file='m'/></domainsnapshot>", 0));
    /* a network disk's host: a unix socket needs its path (CI's fuzzer
     * once found this refusal leaking the host) */
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks>"
                                              "<disk name='vda' snapshot='external' type='network'>"
                                              "<source protocol='nbd' name='x'><host transport='unix'/>"
                                              "</source></disk></disks></domainsnapshot>", 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><disks>"
                                              "<disk name='vda' snapshot='external' type='network'>"
                                              "<source protocol='nbd' name='x'><host transport='unix'"
                                              " socket='/tmp/s'/></source></disk></disks>"
                                              "</domainsnapshot>", 0));
    CHECK_INT(virDomainSnapshotNum(dom, 0));

    flagChecks(dom, s1);
    manyDisks(conn);
    readOnly();
    invalidHandles(dom);

    compatSection("the handle outlives the snapshot");
    CHECK_INT(virDomainSnapshotDelete(unnamed, 0));
    virDomainSnapshotFree(unnamed);
    snap = CHECK_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>gone</name>"
                                                "</domainsnapshot>", 0));
    CHECK_INT(virDomainSnapshotDelete(snap, 0));
    CHECK_INT(virDomainSnapshotIsCurrent(snap, 0));
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
    CHECK_INT(virDomainSnapshotDelete(snap, 0));
    CHECK_FAIL_PTR(virDomainSnapshotGetParent(snap, 0));
    CHECK_INT(virDomainSnapshotRef(snap));
    CHECK_INT(virDomainSnapshotFree(snap));
    CHECK_INT(virDomainSnapshotFree(snap));
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    CHECK_INT(virDomainSnapshotIsCurrent(s1, 0));
    CHECK_INT(virDomainSnapshotDelete(s1, 0));
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    virDomainSnapshotFree(s1);

    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
