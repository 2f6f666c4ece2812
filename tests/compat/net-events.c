/*
 * net-events.c: network lifecycle events as the operations raise them,
 * delivered through the public event loop, to callbacks of every
 * network or of one, on the connection that acted and on another one
 * sharing test:///default.
 */
#include "compat.h"

static const char *netXML =
"<network>"
"  <name>evnet</name>"
"  <uuid>9d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c5d</uuid>"
"  <ip address='10.11.0.1' prefix='24'/>"
"</network>";

static int ticked;

static void
tick(int timer, void *opaque)
{
    (void)opaque;
    virEventRemoveTimeout(timer);
    ticked = 1;
}

/* Run the loop until every queued event is delivered: a timer of a few
 * milliseconds fires only after the driver's zero-delay flush. */
static void
drain(void)
{
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
}

static void
lifecycle(virConnectPtr conn, virNetworkPtr net, int event, int detail, void *opaque)
{
    (void)conn;
    printf("  event [%s] %s: %d/%d\n", (const char *)opaque, virNetworkGetName(net),
           event, detail);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn;
    virConnectPtr other;
    virNetworkPtr net;
    virNetworkPtr def;
    int all, one, remote;

    (void)argc;
    (void)argv;
    CHECK_INT(virEventRegisterDefaultImpl());
    conn = compatOpen("test:///default", 0);
    other = compatOpen("test:///default", 0);

    compatSection("registration");
    all = CHECK_INT(virConnectNetworkEventRegisterAny(conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                                      VIR_NETWORK_EVENT_CALLBACK(lifecycle),
                                                      "all", NULL));
    def = CHECK_PTR(virNetworkLookupByName(conn, "default"));
    one = CHECK_INT(virConnectNetworkEventRegisterAny(conn, def, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                                      VIR_NETWORK_EVENT_CALLBACK(lifecycle),
                                                      "default", NULL));
    remote = CHECK_INT(virConnectNetworkEventRegisterAny(other, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                                         VIR_NETWORK_EVENT_CALLBACK(lifecycle),
                                                         "other", NULL));
    CHECK_INT(virConnectNetworkEventRegisterAny(conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                                VIR_NETWORK_EVENT_CALLBACK(lifecycle),
                                                "all", NULL));
    CHECK_INT(virConnectNetworkEventRegisterAny(conn, NULL, 7,
                                                VIR_NETWORK_EVENT_CALLBACK(lifecycle),
                                                "bad", NULL));
    CHECK_INT(virConnectNetworkEventRegisterAny(conn, NULL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                                NULL, NULL, NULL));

    compatSection("the default network stopped and started");
    CHECK_INT(virNetworkDestroy(def));
    drain();
    CHECK_INT(virNetworkCreate(def));
    drain();
    CHECK_INT(virNetworkCreate(def));
    drain();

    compatSection("a network defined, started, stopped and undefined");
    net = CHECK_PTR(virNetworkDefineXML(conn, netXML));
    drain();
    CHECK_INT(virNetworkCreate(net));
    CHECK_INT(virNetworkDestroy(net));
    CHECK_INT(virNetworkUndefine(net));
    drain();
    virNetworkFree(net);

    compatSection("a transient network");
    net = CHECK_PTR(virNetworkCreateXML(conn, netXML));
    drain();
    CHECK_INT(virNetworkDestroy(net));
    drain();
    virNetworkFree(net);

    compatSection("deregistration");
    CHECK_INT(virConnectNetworkEventDeregisterAny(conn, one));
    CHECK_INT(virConnectNetworkEventDeregisterAny(conn, one));
    CHECK_INT(virConnectNetworkEventDeregisterAny(other, all));
    CHECK_INT(virNetworkDestroy(def));
    CHECK_INT(virNetworkCreate(def));
    drain();
    CHECK_INT(virConnectNetworkEventDeregisterAny(conn, all));
    CHECK_INT(virConnectNetworkEventDeregisterAny(other, remote));
    CHECK_INT(virNetworkDestroy(def));
    CHECK_INT(virNetworkCreate(def));
    drain();
    virNetworkFree(def);
    CHECK_INT(virConnectClose(other));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
