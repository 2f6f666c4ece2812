/*
 * nodedev-events.c: node device lifecycle events as vHBAs are created and
 * destroyed, delivered through the public event loop to a callback for
 * every device and one for a single device; the host device calls of
 * the hypervisor table (detach, reattach, reset), which the test driver
 * lacks.
 */
#include "compat.h"

static const char *vhbaXML =
"<device>"
"  <parent>scsi_host1</parent>"
"  <capability type='scsi_host'>"
"    <capability type='fc_host'>"
"      <wwnn>2000000012345678</wwnn>"
"      <wwpn>1000000012345678</wwpn>"
"    </capability>"
"  </capability>"
"</device>";

static int ticked;

static void
tick(int timer, void *opaque)
{
    (void)opaque;
    virEventRemoveTimeout(timer);
    ticked = 1;
}

static void
drain(void)
{
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
}

static void
lifecycle(virConnectPtr conn, virNodeDevicePtr dev, int event, int detail, void *opaque)
{
    (void)conn;
    printf("  event [%s] %s: %d/%d\n", (const char *)opaque, virNodeDeviceGetName(dev),
           event, detail);
}

static void
update(virConnectPtr conn, virNodeDevicePtr dev, void *opaque)
{
    (void)conn;
    printf("  update [%s] %s\n", (const char *)opaque, virNodeDeviceGetName(dev));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn;
    virNodeDevicePtr dev;
    virNodeDevicePtr host;
    int all, one, upd;

    (void)argc;
    (void)argv;
    CHECK_INT(virEventRegisterDefaultImpl());
    conn = compatOpen("test:///default", 0);

    compatSection("registration");
    all = CHECK_INT(virConnectNodeDeviceEventRegisterAny(conn, NULL,
                                                         VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                                                         VIR_NODE_DEVICE_EVENT_CALLBACK(lifecycle),
                                                         "all", NULL));
    host = CHECK_PTR(virNodeDeviceLookupByName(conn, "scsi_host11"));
    one = CHECK_INT(virConnectNodeDeviceEventRegisterAny(conn, host,
                                                         VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                                                         VIR_NODE_DEVICE_EVENT_CALLBACK(lifecycle),
                                                         "scsi_host11", NULL));
    upd = CHECK_INT(virConnectNodeDeviceEventRegisterAny(conn, NULL,
                                                         VIR_NODE_DEVICE_EVENT_ID_UPDATE,
                                                         VIR_NODE_DEVICE_EVENT_CALLBACK(update),
                                                         "all", NULL));
    CHECK_INT(virConnectNodeDeviceEventRegisterAny(conn, NULL, 5,
                                                   VIR_NODE_DEVICE_EVENT_CALLBACK(update),
                                                   "bad", NULL));

    compatSection("a vHBA created and destroyed");
    dev = CHECK_PTR(virNodeDeviceCreateXML(conn, vhbaXML, 0));
    drain();
    if (dev) {
        CHECK_INT(virNodeDeviceDestroy(dev));
        drain();
        virNodeDeviceFree(dev);
    }
    CHECK_INT(virNodeDeviceDestroy(host));
    drain();

    compatSection("host device calls of the hypervisor table");
    dev = CHECK_PTR(virNodeDeviceLookupByName(conn, "scsi_host2"));
    CHECK_INT(virNodeDeviceDettach(dev));
    CHECK_INT(virNodeDeviceDetachFlags(dev, "vfio", 0));
    CHECK_INT(virNodeDeviceReAttach(dev));
    CHECK_INT(virNodeDeviceReset(dev));
    virNodeDeviceFree(dev);

    compatSection("deregistration");
    CHECK_INT(virConnectNodeDeviceEventDeregisterAny(conn, one));
    CHECK_INT(virConnectNodeDeviceEventDeregisterAny(conn, one));
    CHECK_INT(virConnectNodeDeviceEventDeregisterAny(conn, upd));
    CHECK_INT(virConnectNodeDeviceEventDeregisterAny(conn, all));
    virNodeDeviceFree(host);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
