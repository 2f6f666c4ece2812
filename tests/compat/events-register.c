/*
 * events-register.c: registering and deregistering domain event
 * callbacks: IDs, duplicates, filters, bad arguments, and the need for
 * an event loop.
 */
#include "compat.h"

static int
lifecycleCb(virConnectPtr conn, virDomainPtr dom, int event, int detail,
            void *opaque)
{
    (void)conn; (void)dom; (void)event; (void)detail; (void)opaque;
    return 0;
}

static void
genericCb(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
    (void)conn; (void)dom; (void)opaque;
}

static int freed;

static void
freeCb(void *opaque)
{
    (void)opaque;
    freed++;
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom;
    int id1, id2, id3;

    (void)argc;
    (void)argv;
    compatSection("no event loop yet");
    CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                               VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                               NULL, NULL));
    CHECK_INT(virConnectDomainEventRegister(conn, lifecycleCb, NULL, NULL));

    compatSection("with the default event loop");
    CHECK_INT(virEventRegisterDefaultImpl());
    id1 = CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                     VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                                     NULL, freeCb));
    CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                               VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                               NULL, NULL));
    dom = CHECK_PTR(virDomainLookupByName(conn, "test"));
    id2 = CHECK_INT(virConnectDomainEventRegisterAny(conn, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                     VIR_DOMAIN_EVENT_CALLBACK(lifecycleCb),
                                                     NULL, freeCb));
    id3 = CHECK_INT(virConnectDomainEventRegisterAny(conn, dom, VIR_DOMAIN_EVENT_ID_REBOOT,
                                                     genericCb, NULL, freeCb));
    CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, -1, genericCb, NULL, NULL));
    CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LAST,
                                               genericCb, NULL, NULL));
    CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
                                               NULL, NULL, NULL));
    CHECK_INT(virConnectDomainEventRegisterAny(NULL, NULL, VIR_DOMAIN_EVENT_ID_REBOOT,
                                               genericCb, NULL, NULL));

    compatSection("legacy registration");
    CHECK_INT(virConnectDomainEventRegister(conn, lifecycleCb, NULL, freeCb));
    CHECK_INT(virConnectDomainEventRegister(conn, lifecycleCb, NULL, NULL));
    CHECK_INT(virConnectDomainEventRegister(conn, NULL, NULL, NULL));
    CHECK_INT(virConnectDomainEventDeregister(conn, lifecycleCb));
    printf("freed=%d\n", freed);

    compatSection("deregistration");
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, id2));
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, id2));
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, -1));
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, 4711));
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, id3));
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, id1));
    printf("freed=%d\n", freed);
    id1 = CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_TUNABLE,
                                                     genericCb, NULL, NULL));
    CHECK_INT(virConnectDomainEventDeregisterAny(conn, id1));

    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
