/*
 * domain-events.c: the domain lifecycle events the test driver's
 * operations raise (define, start, pause, stop in each way, save,
 * restore, managed save, crash dumps, undefine), delivered through the
 * public event loop to callbacks of every domain, of one domain, of the
 * legacy API, and on a second connection sharing test:///default.
 */
#include <unistd.h>

#include "compat.h"

static const char *domXML =
"<domain type='test'>"
"  <name>evdom</name>"
"  <uuid>21111111-2222-3333-4444-555555555555</uuid>"
"  <memory>1048576</memory>"
"  <vcpu>1</vcpu>"
"  <os><type>hvm</type></os>"
"  <on_reboot>destroy</on_reboot>"
"</domain>";

static const char *transientXML =
"<domain type='test'>"
"  <name>evtrans</name>"
"  <uuid>31111111-2222-3333-4444-555555555555</uuid>"
"  <memory>1048576</memory>"
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

/* Run the loop until every queued event is delivered. */
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
    printf("  event [%s] %s id=%d: %d/%d\n", (const char *)opaque, virDomainGetName(dom),
           (int)virDomainGetID(dom), event, detail);
    return 0;
}

static int
legacy(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    return lifecycle(conn, dom, event, detail, opaque ? opaque : "legacy");
}

#define STEP(expr) \
    do { \
        CHECK_INT(expr); \
        drain(); \
    } while (0)

int
main(int argc, char **argv)
{
    virConnectPtr conn;
    virConnectPtr other;
    virDomainPtr dom, test, trans;
    char tmp[] = "/tmp/compat-events-XXXXXX";
    char img[64];
    int all, one;

    (void)argc;
    (void)argv;
    if (!mkdtemp(tmp))
        return 1;
    snprintf(img, sizeof(img), "%s/img", tmp);
    CHECK_INT(virEventRegisterDefaultImpl());
    conn = compatOpen("test:///default", 0);
    other = compatOpen("test:///default", 0);

    compatSection("registration");
    all = CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                     VIR_DOMAIN_EVENT_CALLBACK(lifecycle),
                                                     "all", NULL));
    test = CHECK_PTR(virDomainLookupByName(conn, "test"));
    one = CHECK_INT(virConnectDomainEventRegisterAny(conn, test, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                     VIR_DOMAIN_EVENT_CALLBACK(lifecycle),
                                                     "test", NULL));
    CHECK_INT(virConnectDomainEventRegister(other, legacy, NULL, NULL));

    compatSection("define, start, pause, stop");
    dom = CHECK_PTR(virDomainDefineXML(conn, domXML));
    drain();
    virDomainFree(CHECK_PTR(virDomainDefineXML(conn, domXML)));
    drain();
    STEP(virDomainCreate(dom));
    STEP(virDomainSuspend(dom));
    STEP(virDomainSuspend(dom));
    STEP(virDomainResume(dom));
    STEP(virDomainShutdown(dom));
    STEP(virDomainCreate(dom));
    STEP(virDomainReboot(dom, 0));
    STEP(virDomainCreateWithFlags(dom, 0));
    STEP(virDomainDestroy(dom));
    STEP(virDomainReboot(test, 0));
    STEP(virDomainReset(test, 0));

    compatSection("transient");
    trans = CHECK_PTR(virDomainCreateXML(conn, transientXML, 0));
    drain();
    STEP(virDomainShutdown(trans));
    virDomainFree(trans);
    trans = CHECK_PTR(virDomainCreateXML(conn, transientXML, 0));
    drain();
    STEP(virDomainCoreDump(trans, img, VIR_DUMP_CRASH));
    virDomainFree(trans);

    compatSection("save, restore, managed save");
    STEP(virDomainSave(test, img));
    STEP(virDomainRestore(conn, img));
    STEP(virDomainManagedSave(test, 0));
    STEP(virDomainCreate(test));
    STEP(virDomainCoreDump(test, img, 0));
    STEP(virDomainCoreDump(test, img, VIR_DUMP_CRASH));
    STEP(virDomainCreate(test));

    compatSection("undefine");
    STEP(virDomainUndefine(dom));
    STEP(virDomainCreate(test));
    STEP(virDomainUndefine(test));
    STEP(virDomainDestroy(test));

    compatSection("deregistration");
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, one));
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, all));
    CHECK_INT(virConnectDomainEventDeregister(other, legacy));
    virDomainFree(dom);
    dom = CHECK_PTR(virDomainDefineXML(conn, domXML));
    drain();
    STEP(virDomainUndefine(dom));
    virDomainFree(dom);
    virDomainFree(test);

    unlink(img);
    rmdir(tmp);
    CHECK_INT(virConnectClose(other));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
