/*
 * snapshot-redefine.c: snapshots given back as documents (REDEFINE):
 * new ones and replacements, with and without CURRENT, with a domain,
 * an inactive domain and disk-only state, and every check a
 * redefinition goes through (names, times, states, UUIDs, parents,
 * cycles, the kind of the snapshot replaced).
 */
#include "moment.h"

static char *domainXML;

/* A redefinition document: @state, @parent (or NULL), @time; with the
 * domain's definition when @withDomain; @extra inside. */
static char *
doc(const char *name, const char *state, const char *parent, int time, int withDomain,
    const char *extra)
{
    char parentxml[128] = "";
    char *xml;

    if (parent)
        snprintf(parentxml, sizeof(parentxml), "<parent><name>%s</name></parent>", parent);
    if (asprintf(&xml, "<domainsnapshot><name>%s</name><state>%s</state>%s"
                 "<creationTime>%d</creationTime>%s%s</domainsnapshot>",
                 name, state, parentxml, time, extra ? extra : "",
                 withDomain ? domainXML : "") < 0)
        abort();
    return xml;
}

static virDomainSnapshotPtr
redefine(virDomainPtr dom, char *xml, unsigned int flags, const char *what)
{
    virDomainSnapshotPtr snap = virDomainSnapshotCreateXML(dom, xml,
                                                           VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                                                           flags);

    if (!snap)
        compatShowError(what);
    else
        printf("%s -> ok\n", what);
    free(xml);
    return snap;
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

static void
errors(virDomainPtr dom)
{
    compatSection("what a redefinition is checked for");
    redefine(dom, strdup("<domainsnapshot><state>running</state>"
                         "<creationTime>1270000000</creationTime></domainsnapshot>"), 0,
             "no name");
    redefine(dom, strdup("<domainsnapshot><name>x</name><state>running</state>"
                         "</domainsnapshot>"), 0, "no time");
    redefine(dom, strdup("<domainsnapshot><name>x</name>"
                         "<creationTime>1270000000</creationTime></domainsnapshot>"), 0,
             "no state");
    redefine(dom, doc("x", "nostate", NULL, 1270000000, 1, NULL), 0, "state nostate");
    redefine(dom, doc("x", "sleeping", NULL, 1270000000, 1, NULL), 0, "state sleeping");
    redefine(dom, doc("x", "running", "x", 1270000000, 1, NULL), 0, "its own parent");
    redefine(dom, doc("x", "running", "nosuch", 1270000000, 1, NULL), 0, "no such parent");
    redefine(dom, doc("a", "running", "c", 1270000000, 1, NULL), 0, "a cycle");
    redefine(dom, doc("a", "shutoff", NULL, 1270000000, 1, NULL), 0, "online to offline");
    redefine(dom, doc("off", "running", "a", 1270000000, 1, NULL), 0, "offline to online");
    redefine(dom, doc("off", "disk-snapshot", "a", 1270000000, 1,
                      "<disks><disk name='vda'><source file='/nonexistent/d'/></disk>"
                      "</disks>"), 0, "offline to disk-only");
    redefine(dom, doc("x", "running", NULL, 1270000000, 0, NULL), 0, "new, without domain");
    redefine(dom, doc("x", "running", NULL, 1270000000, 0,
                      "<domain type='test'><name>other</name>"
                      "<uuid>11111111-2222-3333-4444-555555555555</uuid><memory>1024</memory>"
                      "<os><type>hvm</type></os></domain>"), 0, "another domain's");
    redefine(dom, doc("x", "shutoff", NULL, 1270000000, 1,
                      "<memory snapshot='internal'/>"), 0, "offline with memory");
    redefine(dom, doc("x", "disk-snapshot", NULL, 1270000000, 1, NULL), 0,
             "disk-only, no image names");
    redefine(dom, doc("x", "running", NULL, 1270000000, 1, NULL),
             VIR_DOMAIN_SNAPSHOT_CREATE_HALT, "with HALT");
    redefine(dom, doc("x", "running", NULL, 1270000000, 1, NULL), 1 << 4, "with DISK_ONLY");
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainSnapshotPtr snap;

    (void)argc;
    (void)argv;
    domainXML = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE);

    compatSection("new snapshots");
    /* a (running) -- b (paused) -- c (running)
     *  \-- off (shutoff)
     *  \-- disk (disk-only) */
    snap = redefine(dom, doc("a", "running", NULL, 1270000001, 1, NULL), 0, "a");
    if (snap) {
        CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
        CHECK_INT(virDomainSnapshotIsCurrent(snap, 0));
        virDomainSnapshotFree(snap);
    }
    CHECK_INT(virDomainHasCurrentSnapshot(dom, 0));
    snap = redefine(dom, doc("b", "paused", "a", 1270000002, 1, NULL),
                    VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT, "b, current");
    if (snap)
        virDomainSnapshotFree(snap);
    showCurrent(dom);
    if ((snap = redefine(dom, doc("c", "running", "b", 1270000003, 1, NULL), 0, "c")))
        virDomainSnapshotFree(snap);
    snap = redefine(dom, doc("off", "shutoff", "a", 1270000004, 1,
                             "<inactiveDomain type='test'><name>test</name>"
                             "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>"
                             "<memory>2048</memory><os><type>hvm</type></os></inactiveDomain>"),
                    0, "off, with an inactive domain");
    if (snap) {
        CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
        virDomainSnapshotFree(snap);
    }
    snap = redefine(dom, doc("disk", "disk-snapshot", "a", 1270000005, 1,
                             "<disks><disk name='vda' snapshot='external'>"
                             "<source file='/nonexistent/vda.disk'/></disk></disks>"),
                    0, "disk, disk-only");
    if (snap) {
        CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
        virDomainSnapshotFree(snap);
    }
    showCurrent(dom);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY),
                        1);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE),
                        1);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE),
                        1);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL),
                        1);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list,
                                                  VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL), 0);

    errors(dom);

    compatSection("replacing a snapshot keeps its children");
    snap = redefine(dom, strdup("<domainsnapshot><name>b</name><description>again</description>"
                                "<state>running</state><parent><name>a</name></parent>"
                                "<creationTime>1270000009</creationTime></domainsnapshot>"),
                    0, "b again, without domain");
    if (snap) {
        CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
        CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(snap, &list, 0), 0);
        virDomainSnapshotFree(snap);
    }
    showCurrent(dom);
    snap = redefine(dom, doc("b", "running", "off", 1270000009, 1, NULL),
                    VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT, "b below off, current");
    if (snap)
        virDomainSnapshotFree(snap);
    showCurrent(dom);
    CHECK_SNAPSHOT_LIST(virDomainListAllSnapshots(dom, &list,
                                                  VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL), 0);
    if ((snap = virDomainSnapshotLookupByName(dom, "a", 0))) {
        CHECK_SNAPSHOT_LIST(virDomainSnapshotListAllChildren(snap, &list, 0), 0);
        virDomainSnapshotFree(snap);
    }

    compatSection("a revert to a redefined snapshot");
    if ((snap = virDomainSnapshotLookupByName(dom, "c", 0))) {
        CHECK_INT(virDomainRevertToSnapshot(snap, 0));
        compatShowDomainState(conn, dom);
        virDomainSnapshotFree(snap);
    }
    if ((snap = virDomainSnapshotLookupByName(dom, "disk", 0))) {
        CHECK_INT(virDomainRevertToSnapshot(snap, 0));
        compatShowDomainState(conn, dom);
        virDomainSnapshotFree(snap);
    }
    showCurrent(dom);

    free(domainXML);
    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
