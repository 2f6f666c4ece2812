/*
 * The test driver's node devices beyond libvirt 9.0.0's test driver:
 * mediated devices defined on a PCI parent, started, stopped,
 * undefined, set to autostart, with their lifecycle events; the SCSI
 * host lookup by WWN; and the parent name a handle keeps.
 */
#include "internal.h"
#include "datatypes.h"
#include "testutils.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define MDEV_UUID "d2441d39-495e-4243-ad9f-beb3f14c23d9"
#define MDEV_NAME "mdev_d2441d39_495e_4243_ad9f_beb3f14c23d9_0000_02_10_7"

static const char *pciNode =
"<node><device>"
"  <name>pci_0000_02_10_7</name>"
"  <parent>computer</parent>"
"  <capability type='pci'>"
"    <domain>0</domain><bus>2</bus><slot>16</slot><function>7</function>"
"    <product id='0x10ca'>82576 Virtual Function</product>"
"    <vendor id='0x8086'>Intel Corporation</vendor>"
"    <capability type='mdev_types'>"
"      <type id='foo1'><name>bar1</name><deviceAPI>vfio-pci</deviceAPI>"
"      <availableInstances>1</availableInstances></type>"
"    </capability>"
"  </capability>"
"</device></node>";

static const char *mdevXML =
"<device>"
"  <parent>pci_0000_02_10_7</parent>"
"  <capability type='mdev'>"
"    <type id='foo1'/>"
"    <uuid>" MDEV_UUID "</uuid>"
"  </capability>"
"</device>";

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
checkError(int code, const char *msg)
{
    virErrorPtr err = virGetLastError();

    CHECK(err != NULL);
    CHECK_INTEQ(err->code, code);
    CHECK_STREQ(err->message, msg);
    return 0;
}

/* Give @conn's driver a PCI device mdevs can be defined on. */
static int
addPCIParent(virConnectPtr conn)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    CHECK((doc = virXMLParse(NULL, pciNode, NULL, "node", &ctxt)));
    CHECK_INTEQ(testNodeDeviceLoadNode(conn->privateData, ctxt, NULL), 0);
    return 0;
}

static GString *events;

static void
lifecycle(virConnectPtr conn G_GNUC_UNUSED, virNodeDevicePtr dev, int event,
          int detail G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
    g_string_append_printf(events, "%s:%d ", virNodeDeviceGetName(dev), event);
}

static void
updated(virConnectPtr conn G_GNUC_UNUSED, virNodeDevicePtr dev,
        void *opaque G_GNUC_UNUSED)
{
    g_string_append_printf(events, "%s:update ", virNodeDeviceGetName(dev));
}

static int ticked;

static void
tick(int timer, void *opaque G_GNUC_UNUSED)
{
    virEventRemoveTimeout(timer);
    ticked = 1;
}

/* Deliver the queued events and return what the callbacks saw. */
static const char *
drain(void)
{
    g_string_truncate(events, 0);
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
    return events->str;
}

static int
checkFlags(virNodeDevicePtr dev, int active, int persistent, int autostart)
{
    int a = -1;

    CHECK_INTEQ(virNodeDeviceIsActive(dev), active);
    CHECK_INTEQ(virNodeDeviceIsPersistent(dev), persistent);
    CHECK_INTEQ(virNodeDeviceGetAutostart(dev, &a), 0);
    CHECK_INTEQ(a, autostart);
    return 0;
}

static int
testMdevLifeCycle(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNodeDevicePtr dev;
    g_autofree char *xml = NULL;
    int cb1, cb2;

    CHECK(conn);
    CHECK(addPCIParent(conn) == 0);
    cb1 = virConnectNodeDeviceEventRegisterAny(conn, NULL, VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                                               VIR_NODE_DEVICE_EVENT_CALLBACK(lifecycle),
                                               NULL, NULL);
    cb2 = virConnectNodeDeviceEventRegisterAny(conn, NULL, VIR_NODE_DEVICE_EVENT_ID_UPDATE,
                                               VIR_NODE_DEVICE_EVENT_CALLBACK(updated),
                                               NULL, NULL);
    CHECK(cb1 >= 0 && cb2 >= 0);

    CHECK((dev = virNodeDeviceDefineXML(conn, mdevXML, 0)));
    CHECK_STREQ(virNodeDeviceGetName(dev), MDEV_NAME);
    CHECK_STREQ(drain(), MDEV_NAME ":2 ");
    CHECK(checkFlags(dev, 0, 1, 0) == 0);
    CHECK_STREQ(virNodeDeviceGetParent(dev), "pci_0000_02_10_7");
    CHECK((xml = virNodeDeviceGetXMLDesc(dev, 0)));
    CHECK(strstr(xml, "<uuid>" MDEV_UUID "</uuid>"));
    CHECK(strstr(xml, "<type id='foo1'/>"));
    CHECK(strstr(xml, "<driver>\n    <name>vfio_mdev</name>\n  </driver>"));
    CHECK_INTEQ(virConnectListAllNodeDevices(conn, NULL, VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV), 1);
    CHECK_INTEQ(virConnectListAllNodeDevices(conn, NULL,
                                             VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES), 1);
    virNodeDeviceFree(virNodeDeviceDefineXML(conn, mdevXML, 0));
    CHECK_STREQ(drain(), MDEV_NAME ":update ");

    CHECK_INTEQ(virNodeDeviceSetAutostart(dev, 1), 0);
    CHECK(checkFlags(dev, 0, 1, 1) == 0);
    CHECK_INTEQ(virNodeDeviceDestroy(dev), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: Device '" MDEV_NAME "' is not active") == 0);
    CHECK_INTEQ(virNodeDeviceCreate(dev, 0), 0);
    CHECK_STREQ(drain(), MDEV_NAME ":0 ");
    CHECK(checkFlags(dev, 1, 1, 1) == 0);
    CHECK_INTEQ(virNodeDeviceCreate(dev, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: Device is already active") == 0);

    /* undefined while running: it stays, transient, until stopped */
    CHECK_INTEQ(virNodeDeviceUndefine(dev, 0), 0);
    CHECK_STREQ(drain(), MDEV_NAME ":3 ");
    CHECK(checkFlags(dev, 1, 0, 0) == 0);
    CHECK_INTEQ(virNodeDeviceSetAutostart(dev, 1), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: cannot set autostart for transient device") == 0);
    CHECK_INTEQ(virNodeDeviceUndefine(dev, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: Node device '" MDEV_NAME "' is not defined") == 0);
    CHECK_INTEQ(virNodeDeviceDestroy(dev), 0);
    CHECK_STREQ(drain(), MDEV_NAME ":1 ");
    CHECK_INTEQ(virNodeDeviceIsActive(dev), -1);
    CHECK(checkError(VIR_ERR_NO_NODE_DEVICE,
                     "Node device not found: no node device with matching name '" MDEV_NAME "'") == 0);
    virNodeDeviceFree(dev);

    /* without a UUID, one is made up */
    CHECK((dev = virNodeDeviceDefineXML(conn,
        "<device><parent>pci_0000_02_10_7</parent>"
        "<capability type='mdev'><type id='foo1'/></capability></device>", 0)));
    CHECK(g_str_has_prefix(virNodeDeviceGetName(dev), "mdev_"));
    CHECK(g_str_has_suffix(virNodeDeviceGetName(dev), "_0000_02_10_7"));
    CHECK_INTEQ(strlen(virNodeDeviceGetName(dev)), strlen(MDEV_NAME));
    CHECK_INTEQ(virNodeDeviceUndefine(dev, 0), 0);
    virNodeDeviceFree(dev);
    drain();

    CHECK_INTEQ(virConnectNodeDeviceEventDeregisterAny(conn, cb1), 0);
    CHECK_INTEQ(virConnectNodeDeviceEventDeregisterAny(conn, cb2), 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testMdevErrors(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNodeDevicePtr dev;

    CHECK(conn);
    CHECK(!virNodeDeviceDefineXML(conn, mdevXML, 0));
    CHECK(checkError(VIR_ERR_CONFIG_UNSUPPORTED,
                     "unsupported configuration: invalid parent device 'pci_0000_02_10_7'") == 0);
    CHECK(addPCIParent(conn) == 0);
    CHECK(!virNodeDeviceDefineXML(conn, mdevXML, 1u << 2));
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "unsupported flags (0x4) in function testNodeDeviceDefineXML") == 0);
    CHECK((dev = virNodeDeviceLookupByName(conn, "pci_0000_02_10_7")));
    CHECK(checkFlags(dev, 1, 0, 0) == 0);
    CHECK_INTEQ(virNodeDeviceGetAutostart(dev, NULL), -1);
    CHECK_INTEQ(virNodeDeviceUndefine(dev, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: Node device 'pci_0000_02_10_7' is not defined") == 0);
    CHECK_INTEQ(virNodeDeviceSetAutostart(dev, 1), -1);
    CHECK(checkError(VIR_ERR_OPERATION_UNSUPPORTED,
                     "Operation not supported: Unsupported device type") == 0);
    virNodeDeviceFree(dev);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testSCSIHostByWWN(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNodeDevicePtr dev;

    CHECK(conn);
    CHECK((dev = virNodeDeviceLookupSCSIHostByWWN(conn, "2000000056785678",
                                                  "1000000056785678", 0)));
    CHECK_STREQ(virNodeDeviceGetName(dev), "scsi_host2");
    CHECK_STREQ(virNodeDeviceGetParent(dev), "computer");
    virNodeDeviceFree(dev);
    CHECK(!virNodeDeviceLookupSCSIHostByWWN(conn, "2000000056785678", "1000000056785678", 1));
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "unsupported flags (0x1) in function testNodeDeviceLookupSCSIHostByWWN") == 0);
    CHECK(!virNodeDeviceLookupSCSIHostByWWN(conn, "1", "2", 0));
    CHECK(checkError(VIR_ERR_NO_NODE_DEVICE,
                     "Node device not found: no node device with matching wwnn '1' and wwpn '2'") == 0);

    /* a device without a parent asks the driver each time, which fails
     * without dispatching the error */
    CHECK((dev = virNodeDeviceLookupByName(conn, "computer")));
    CHECK(!virNodeDeviceGetParent(dev));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR, "internal error: no parent for this device") == 0);
    virNodeDeviceFree(dev);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virInitialize();
    virSetErrorFunc(NULL, quiet);
    virEventRegisterDefaultImpl();
    events = g_string_new(NULL);

    virTestRun("mdev-life-cycle", testMdevLifeCycle);
    virTestRun("mdev-errors", testMdevErrors);
    virTestRun("scsi-host-by-wwn", testSCSIHostByWWN);
    g_string_free(events, TRUE);
    return virTestDone();
}
