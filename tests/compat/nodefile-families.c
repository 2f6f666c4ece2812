/*
 * nodefile-families.c: networks, interfaces and node devices of a node
 * description (test:///PATH.xml), given inline and by file reference,
 * and the errors of bad ones: a network without a name, a device without
 * a name, a missing referenced file, a reference to the wrong element.
 */
#include "compat.h"

static void
tryOpen(const char *dir, const char *file)
{
    char uri[4096];
    virConnectPtr conn;

    snprintf(uri, sizeof(uri), "test://%s/%s", dir, file);
    if ((conn = virConnectOpen(uri))) {
        printf("open %s -> unexpectedly ok\n", file);
        virConnectClose(conn);
        return;
    }
    compatShowError(file);
}

static void
networks(virConnectPtr conn)
{
    virNetworkPtr net;
    char *names[8];
    int n;

    compatSection("networks");
    n = virConnectListNetworks(conn, names, 8);
    compatShowSortedNames("virConnectListNetworks", names, n);
    CHECK_INT(virConnectNumOfDefinedNetworks(conn));
    net = CHECK_PTR(virNetworkLookupByName(conn, "nf-nat"));
    CHECK_STR(virNetworkGetXMLDesc(net, 0));
    CHECK_INT(virNetworkIsPersistent(net));
    CHECK_INT(virNetworkDestroy(net));
    CHECK_INT(virNetworkIsActive(net));
    virNetworkFree(net);
    net = CHECK_PTR(virNetworkLookupByName(conn, "nf-isolated"));
    CHECK_STR(virNetworkGetXMLDesc(net, 0));
    CHECK_STR(virNetworkGetBridgeName(net));
    virNetworkFree(net);
    CHECK_FAIL_PTR(virNetworkLookupByName(conn, "default"));
}

static void
interfaces(virConnectPtr conn)
{
    virInterfacePtr iface;
    char *names[8];
    int n;

    compatSection("interfaces");
    n = virConnectListInterfaces(conn, names, 8);
    compatShowSortedNames("virConnectListInterfaces", names, n);
    iface = CHECK_PTR(virInterfaceLookupByName(conn, "nfbr1"));
    CHECK_STR(virInterfaceGetXMLDesc(iface, 0));
    virInterfaceFree(iface);
    /* (no lookup by MAC: the bridge has none, and libvirt matches a
     * missing MAC to any, with a GLib warning) */
    iface = CHECK_PTR(virInterfaceLookupByName(conn, "nfeth2"));
    CHECK_CSTR(virInterfaceGetMACString(iface));
    CHECK_STR(virInterfaceGetXMLDesc(iface, 0));
    virInterfaceFree(iface);
    CHECK_FAIL_PTR(virInterfaceLookupByName(conn, "eth1"));
}

static void
devices(virConnectPtr conn)
{
    static const char *caps[] = { NULL, "system", "pci", "net", "scsi_host" };
    virNodeDevicePtr dev;
    char *names[8];
    size_t i;
    int n;

    compatSection("node devices");
    for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        printf("cap %s: ", caps[i] ? caps[i] : "(none)");
        n = virNodeListDevices(conn, caps[i], names, 8, 0);
        compatShowSortedNames("virNodeListDevices", names, n);
    }
    CHECK_INT(virConnectListAllNodeDevices(conn, NULL, VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET));
    dev = CHECK_PTR(virNodeDeviceLookupByName(conn, "pci_0000_02_10_7"));
    CHECK_STR(virNodeDeviceGetXMLDesc(dev, 0));
    CHECK_CSTR(virNodeDeviceGetParent(dev));
    virNodeDeviceFree(dev);
    dev = CHECK_PTR(virNodeDeviceLookupByName(conn, "net_nfeth9_52_54_00_20_02_09"));
    CHECK_STR(virNodeDeviceGetXMLDesc(dev, 0));
    CHECK_INT(virNodeDeviceDestroy(dev));
    virNodeDeviceFree(dev);
    dev = CHECK_PTR(virNodeDeviceLookupByName(conn, "computer"));
    CHECK_STR(virNodeDeviceGetXMLDesc(dev, 0));
    virNodeDeviceFree(dev);
    /* no vport-capable host here */
    CHECK_FAIL_PTR(virNodeDeviceCreateXML(conn,
        "<device><capability type='scsi_host'><capability type='fc_host'>"
        "<wwnn>2000000012345678</wwnn><wwpn>1000000012345678</wwpn>"
        "</capability></capability></device>", 0));
}

int
main(int argc, char **argv)
{
    const char *dir = COMPAT_DATA_DIR(argc, argv);
    char uri[4096];
    virConnectPtr conn;

    snprintf(uri, sizeof(uri), "test://%s/tnet-node.xml", dir);
    if (!(conn = virConnectOpen(uri))) {
        compatShowError("tnet-node.xml");
        return 1;
    }
    printf("open tnet-node.xml -> ok\n");
    networks(conn);
    interfaces(conn);
    devices(conn);
    CHECK_INT(virConnectClose(conn));

    compatSection("bad node descriptions");
    tryOpen(dir, "tnet-node-badnet.xml");
    tryOpen(dir, "tnet-node-baddev.xml");
    tryOpen(dir, "tnet-node-missing.xml");
    tryOpen(dir, "tnet-node-wrongroot.xml");
    return 0;
}
