/*
 * snapshot-revert.c: reverting to running, paused and shut-off snapshots
 * from each state, with and without RUNNING/PAUSED; the definition put
 * back; HALT; transient domains; a snapshot without a domain to revert
 * to; undefining a domain with snapshots.  The lifecycle events each
 * snapshot call raises are printed as the event loop delivers them
 * (callbacks are registered around those calls only).
 */
#include "moment.h"

static const char *transientXML =
"<domain type='test'>"
"  <name>flash</name>"
"  <uuid>22222222-3333-4444-5555-666666666666</uuid>"
"  <memory>1048576</memory>"
"  <vcpu>1</vcpu>"
"  <os><type>hvm</type></os>"
"</domain>";

/* The default domain with more memory. */
static const char *bigXML =
"<domain type='test'>"
"  <name>test</name>"
"  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>"
"  <memory>4194304</memory>"
"  <vcpu>1</vcpu>"
"  <os><type>hvm</type></os>"
"</domain>";

static int ticked;

static void
tick(int timer, void *opaque)
{
    (void)opaque;
    virEventRemoveTimeout(timer);
    ticked = 1;
}

/* Deliver every queued event. */
static void
drain(void)
{
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
}

static int
lifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    (void)conn;
    (void)opaque;
    printf("  event %s (id %d): %d/%d\n", virDomainGetName(dom), virDomainGetID(dom),
           event, detail);
    return 0;
}

static int listening = -1;

static void
listen(virConnectPtr conn)
{
    listening = virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                 VIR_DOMAIN_EVENT_CALLBACK(lifecycle),
                                                 NULL, NULL);
    if (listening < 0)
        compatShowError("virConnectDomainEventRegisterAny");
}

/* Deliver what was raised, then stop listening. */
static void
hear(virConnectPtr conn)
{
    drain();
    if (listening >= 0 && virConnectDomainEventDeregisterAny(conn, listening) < 0)
        compatShowError("virConnectDomainEventDeregisterAny");
    listening = -1;
}

static void
revert(virConnectPtr conn, virDomainPtr dom, virDomainSnapshotPtr snap, unsigned int flags)
{
    listen(conn);
    printf("revert to %s, flags 0x%x -> ", virDomainSnapshotGetName(snap), flags);
    if (virDomainRevertToSnapshot(snap, flags) < 0)
        compatShowError("virDomainRevertToSnapshot");
    else
        printf("0\n");
    hear(conn);
    compatShowDomainState(conn, dom);
}

/* The memory size of the definition in force, and the next boot's. */
static void
showMemory(virDomainPtr dom)
{
    printf("  max memory %lu", virDomainGetMaxMemory(dom));
    printf(", current snapshot %d\n", virDomainHasCurrentSnapshot(dom, 0));
}

static virDomainSnapshotPtr
take(virDomainPtr dom, const char *name, unsigned int flags)
{
    virConnectPtr conn = virDomainGetConnect(dom);
    char xml[128];
    virDomainSnapshotPtr snap;

    snprintf(xml, sizeof(xml), "<domainsnapshot><name>%s</name></domainsnapshot>", name);
    listen(conn);
    snap = virDomainSnapshotCreateXML(dom, xml, flags);
    if (!snap)
        compatShowError(name);
    else
        printf("snapshot %s -> ok\n", name);
    hear(conn);
    return snap;
}

static void
transient(virConnectPtr conn)
{
    virDomainPtr dom;
    virDomainSnapshotPtr on;
    virDomainSnapshotPtr off;
    virDomainSnapshotPtr snap;

    compatSection("a transient domain");
    dom = CHECK_PTR(virDomainCreateXML(conn, transientXML, 0));
    CHECK_FAIL_PTR(virDomainSnapshotCreateXML(dom, "<domainsnapshot/>",
                                              VIR_DOMAIN_SNAPSHOT_CREATE_HALT));
    on = take(dom, "on", 0);
    off = CHECK_PTR(virDomainSnapshotCreateXML(dom,
        "<domainsnapshot><name>off</name><state>shutoff</state>"
        "<creationTime>1270000000</creationTime>"
        "<domain type='test'><name>flash</name>"
        "<uuid>22222222-3333-4444-5555-666666666666</uuid><memory>524288</memory>"
        "<vcpu>1</vcpu><os><type>hvm</type></os></domain></domainsnapshot>",
        VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE));
    snap = CHECK_PTR(virDomainSnapshotCreateXML(dom,
        "<domainsnapshot><name>old</name><state>running</state>"
        "<creationTime>1270000001</creationTime>"
        "<domain><uuid>22222222-3333-4444-5555-666666666666</uuid></domain>"
        "</domainsnapshot>", VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE));
    if (snap) {
        CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(snap, 0));
        revert(conn, dom, snap, 0);
        revert(conn, dom, snap, VIR_DOMAIN_SNAPSHOT_REVERT_FORCE);
        virDomainSnapshotFree(snap);
    }
    if (off) {
        revert(conn, dom, off, 0);
        revert(conn, dom, off, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED);
        showMemory(dom);
        CHECK_INT(virDomainIsActive(dom));
        CHECK_INT(virDomainIsPersistent(dom));
        virDomainSnapshotFree(off);
    }
    if (on) {
        revert(conn, dom, on, 0);
        showMemory(dom);
        CHECK_INT(virDomainDestroy(dom));
        virDomainSnapshotFree(on);
    }
    CHECK_FAIL_PTR(virDomainLookupByName(conn, "flash"));
    virDomainFree(dom);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn;
    virDomainPtr dom;
    virDomainSnapshotPtr running;
    virDomainSnapshotPtr paused;
    virDomainSnapshotPtr off;
    virDomainSnapshotPtr snap;
    virDomainPtr def;

    (void)argc;
    (void)argv;
    CHECK_INT(virEventRegisterDefaultImpl());
    conn = compatOpen("test:///default", 0);
    dom = virDomainLookupByName(conn, "test");

    compatSection("snapshots in three states");
    running = take(dom, "running", 0);
    CHECK_INT(virDomainSuspend(dom));
    paused = take(dom, "paused", 0);
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(paused, 0));
    off = take(dom, "off", VIR_DOMAIN_SNAPSHOT_CREATE_HALT);
    compatShowDomainState(conn, dom);
    CHECK_MOMENT_XML(virDomainSnapshotGetXMLDesc(off, 0));
    snap = take(dom, "halted-again", VIR_DOMAIN_SNAPSHOT_CREATE_HALT);
    compatShowDomainState(conn, dom);
    if (snap) {
        CHECK_INT(virDomainSnapshotDelete(snap, 0));
        virDomainSnapshotFree(snap);
    }

    compatSection("from shut off");
    revert(conn, dom, off, 0);
    revert(conn, dom, off, VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING);
    revert(conn, dom, off, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED);
    revert(conn, dom, running, 0);

    compatSection("from running");
    revert(conn, dom, running, 0);
    revert(conn, dom, paused, 0);
    revert(conn, dom, running, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED);

    compatSection("from paused");
    revert(conn, dom, paused, VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING);
    CHECK_INT(virDomainSuspend(dom));
    revert(conn, dom, off, VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING);
    revert(conn, dom, paused, VIR_DOMAIN_SNAPSHOT_REVERT_FORCE);
    revert(conn, dom, off, 0);

    compatSection("the definition comes back");
    def = CHECK_PTR(virDomainDefineXML(conn, bigXML));
    if (def)
        virDomainFree(def);
    showMemory(dom);
    CHECK_STR(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    revert(conn, dom, running, 0);
    showMemory(dom);
    CHECK_STR(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));

    compatSection("undefine with snapshots");
    CHECK_INT(virDomainDestroy(dom));
    CHECK_INT(virConnectListAllDomains(conn, NULL, VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT));
    CHECK_INT(virConnectListAllDomains(conn, NULL, VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT));
    CHECK_INT(virDomainUndefine(dom));
    CHECK_INT(virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE));
    revert(conn, dom, running, 0);
    CHECK_INT(virDomainUndefine(dom));
    CHECK_INT(virDomainIsPersistent(dom));
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    revert(conn, dom, off, 0);
    revert(conn, dom, off, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED);
    CHECK_INT(virDomainIsActive(dom));
    CHECK_INT(virDomainDestroy(dom));
    CHECK_FAIL_PTR(virDomainLookupByName(conn, "test"));

    transient(conn);

    virDomainSnapshotFree(running);
    virDomainSnapshotFree(paused);
    virDomainSnapshotFree(off);
    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
