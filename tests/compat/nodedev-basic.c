/*
 * nodedev-basic.c: the host devices of test:///default: lists by
 * capability and list-all with every capability filter, lookups, XML,
 * parents and capabilities; a vHBA created and destroyed; the errors of
 * unknown names, bad documents and flags, and read-only connections.
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

static void
lists(virConnectPtr conn)
{
    static const char *caps[] = {
        NULL, "system", "scsi_host", "fc_host", "vports", "pci", "net",
        "storage", "mdev", "bogus",
    };
    char *names[32];
    size_t i;
    int n;

    for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        printf("cap %s: ", caps[i] ? caps[i] : "(none)");
        CHECK_INT(virNodeNumOfDevices(conn, caps[i], 0));
        n = virNodeListDevices(conn, caps[i], names, 32, 0);
        compatShowSortedNames("  virNodeListDevices", names, n);
    }
    n = virNodeListDevices(conn, NULL, names, 2, 0);
    printf("two at most: %d\n", n);
    while (n > 0)
        free(names[--n]);
    CHECK_INT(virNodeNumOfDevices(conn, NULL, 1));
    CHECK_INT(virNodeListDevices(conn, NULL, names, 32, 1));
    CHECK_INT(virNodeListDevices(conn, NULL, NULL, 1, 0));
    CHECK_INT(virNodeListDevices(conn, NULL, names, -1, 0));
}

static void
listAll(virConnectPtr conn)
{
    unsigned int bit;

    for (bit = 0; bit < 32; bit++) {
        virNodeDevicePtr *devs = NULL;
        char *names[32];
        int n = virConnectListAllNodeDevices(conn, &devs, 1U << bit);
        int i;

        printf("listAll(1<<%u) ", bit);
        for (i = 0; i < n; i++) {
            names[i] = strdup(virNodeDeviceGetName(devs[i]));
            virNodeDeviceFree(devs[i]);
        }
        free(devs);
        compatShowSortedNames("", names, n);
    }
    CHECK_INT(virConnectListAllNodeDevices(conn, NULL, 0));
    CHECK_INT(virConnectListAllNodeDevices(conn, NULL,
                                           VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM |
                                           VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS));
}

static void
showDevice(virConnectPtr conn, const char *name)
{
    virNodeDevicePtr dev = CHECK_PTR(virNodeDeviceLookupByName(conn, name));
    char *caps[8];
    int n;

    if (!dev)
        return;
    CHECK_CSTR(virNodeDeviceGetName(dev));
    CHECK_CSTR(virNodeDeviceGetParent(dev));
    CHECK_INT(virNodeDeviceNumOfCaps(dev));
    n = virNodeDeviceListCaps(dev, caps, 8);
    compatShowNames("virNodeDeviceListCaps", caps, n);
    CHECK_STR(virNodeDeviceGetXMLDesc(dev, 0));
    CHECK_FAIL_PTR(virNodeDeviceGetXMLDesc(dev, 1));
    CHECK_INT(virNodeDeviceListCaps(dev, NULL, 1));
    CHECK_INT(virNodeDeviceListCaps(dev, caps, -1));
    n = virNodeDeviceListCaps(dev, caps, 0);
    compatShowNames("virNodeDeviceListCaps(max 0)", caps, n);
    CHECK_INT(virNodeDeviceRef(dev));
    CHECK_INT(virNodeDeviceFree(dev));
    virNodeDeviceFree(dev);
}

static void
vhba(virConnectPtr conn)
{
    virNodeDevicePtr dev;
    virNodeDevicePtr again;

    compatSection("a vHBA");
    dev = CHECK_PTR(virNodeDeviceCreateXML(conn, vhbaXML, 0));
    if (dev) {
        CHECK_CSTR(virNodeDeviceGetName(dev));
        CHECK_CSTR(virNodeDeviceGetParent(dev));
        CHECK_STR(virNodeDeviceGetXMLDesc(dev, 0));
    }
    again = CHECK_PTR(virNodeDeviceCreateXML(conn, vhbaXML, 0));
    lists(conn);
    if (dev) {
        CHECK_INT(virNodeDeviceDestroy(dev));
        CHECK_INT(virNodeDeviceDestroy(dev));
        CHECK_FAIL_PTR(virNodeDeviceGetXMLDesc(dev, 0));
        /* the parent stays known to the handle */
        CHECK_CSTR(virNodeDeviceGetParent(dev));
        virNodeDeviceFree(dev);
    }
    if (again)
        virNodeDeviceFree(again);

    compatSection("vHBAs that cannot be made");
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn,
        "<device><parent>scsi_host11</parent><capability type='scsi_host'>"
        "<capability type='fc_host'><wwnn>2000000012345679</wwnn>"
        "<wwpn>1000000012345679</wwpn></capability></capability></device>", 0));
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn,
        "<device><parent>nosuch</parent><capability type='scsi_host'>"
        "<capability type='fc_host'><wwnn>2000000012345679</wwnn>"
        "<wwpn>1000000012345679</wwpn></capability></capability></device>", 0));
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn,
        "<device><parent>scsi_host1</parent><capability type='scsi_host'/></device>", 0));
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn, "<device><capability type='system'/></device>", 0));
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn, "<device", 0));
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn, "<device/>", 0));
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn, vhbaXML, 2));
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn, NULL, 0));

    compatSection("without a parent: the first vport-capable host");
    dev = CHECK_PTR(virNodeDeviceCreateXML(conn,
        "<device><capability type='scsi_host'><capability type='fc_host'>"
        "<wwnn>2000000012345670</wwnn><wwpn>1000000012345670</wwpn>"
        "</capability></capability></device>", 0));
    if (dev) {
        CHECK_CSTR(virNodeDeviceGetName(dev));
        CHECK_INT(virNodeDeviceDestroy(dev));
        virNodeDeviceFree(dev);
    }
}

static void
destroyOthers(virConnectPtr conn)
{
    virNodeDevicePtr dev;

    compatSection("destroying devices that are not vHBAs");
    dev = CHECK_PTR(virNodeDeviceLookupByName(conn, "computer"));
    CHECK_INT(virNodeDeviceDestroy(dev));
    CHECK_CSTR(virNodeDeviceGetName(dev));
    virNodeDeviceFree(dev);
    CHECK_INT(virNodeNumOfDevices(conn, NULL, 0));
    dev = CHECK_PTR(virNodeDeviceLookupByName(conn, "scsi_host2"));
    CHECK_INT(virNodeDeviceDestroy(dev));
    CHECK_INT(virNodeDeviceDestroy(dev));
    virNodeDeviceFree(dev);
    CHECK_INT(virNodeNumOfDevices(conn, NULL, 0));
}

static void
readOnly(void)
{
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virNodeDevicePtr dev;

    compatSection("read-only connection");
    CHECK_INT(virNodeNumOfDevices(ro, NULL, 0));
    dev = CHECK_PTR(virNodeDeviceLookupByName(ro, "scsi_host11"));
    CHECK_STR(virNodeDeviceGetXMLDesc(dev, 0));
    CHECK_INT(virNodeDeviceDestroy(dev));
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(ro, vhbaXML, 0));
    virNodeDeviceFree(dev);
    CHECK_INT(virConnectClose(ro));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    static const char *names[] = { "computer", "scsi_host1", "scsi_host2", "scsi_host11" };
    size_t i;

    (void)argc;
    (void)argv;
    compatSection("lists");
    lists(conn);
    listAll(conn);
    compatSection("the default devices");
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        showDevice(conn, names[i]);
    CHECK_FAIL_PTR(virNodeDeviceLookupByName(conn, "nosuch"));
    CHECK_FAIL_PTR(virNodeDeviceLookupByName(conn, NULL));
    vhba(conn);
    readOnly();
    destroyOthers(conn);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
