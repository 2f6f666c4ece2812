/*
 * net-basic.c: the default network of test:///default and networks
 * defined, created, started, stopped and undefined; listing with every
 * filter; lookups; the errors of unknown names, bad documents, name and
 * UUID clashes, wrong flags and read-only connections.
 */
#include "compat.h"

static const char *netXML =
"<network>"
"  <name>compatnet</name>"
"  <uuid>0fd0e7ee-3d8f-4c8d-8a3c-6e9a1b2c3d4e</uuid>"
"  <bridge name='virbr7'/>"
"  <forward mode='route'/>"
"  <ip address='10.7.0.1' prefix='24'>"
"    <dhcp><range start='10.7.0.10' end='10.7.0.20'/></dhcp>"
"  </ip>"
"</network>";

static const char *transientXML =
"<network>"
"  <name>compattrans</name>"
"  <uuid>2a9b0c1d-4e5f-4a6b-8c7d-9e0f1a2b3c4d</uuid>"
"  <ip address='10.8.0.1' netmask='255.255.255.0'/>"
"</network>";

/* Every filter of virConnectListAllNetworks, alone. */
static void
listAll(virConnectPtr conn)
{
    static const struct {
        const char *name;
        unsigned int flags;
    } filters[] = {
        { "none", 0 },
        { "active", VIR_CONNECT_LIST_NETWORKS_ACTIVE },
        { "inactive", VIR_CONNECT_LIST_NETWORKS_INACTIVE },
        { "persistent", VIR_CONNECT_LIST_NETWORKS_PERSISTENT },
        { "transient", VIR_CONNECT_LIST_NETWORKS_TRANSIENT },
        { "autostart", VIR_CONNECT_LIST_NETWORKS_AUTOSTART },
        { "no-autostart", VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART },
        { "active+persistent", VIR_CONNECT_LIST_NETWORKS_ACTIVE |
                               VIR_CONNECT_LIST_NETWORKS_PERSISTENT },
    };
    size_t i;

    for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++) {
        virNetworkPtr *nets = NULL;
        char *names[16];
        int n = virConnectListAllNetworks(conn, &nets, filters[i].flags);
        int j;

        printf("listAll(%s) ", filters[i].name);
        for (j = 0; j < n && j < 16; j++)
            names[j] = strdup(virNetworkGetName(nets[j]));
        compatShowSortedNames("", names, n < 16 ? n : 16);
        for (j = 0; j < n; j++)
            virNetworkFree(nets[j]);
        free(nets);
    }
    CHECK_INT(virConnectListAllNetworks(conn, NULL, 0));
    CHECK_INT(virConnectListAllNetworks(conn, NULL, 1u << 12));
}

static void
lists(virConnectPtr conn)
{
    char *names[16];
    int n;

    CHECK_INT(virConnectNumOfNetworks(conn));
    CHECK_INT(virConnectNumOfDefinedNetworks(conn));
    n = virConnectListNetworks(conn, names, 16);
    compatShowSortedNames("virConnectListNetworks", names, n);
    n = virConnectListDefinedNetworks(conn, names, 16);
    compatShowSortedNames("virConnectListDefinedNetworks", names, n);
    n = virConnectListNetworks(conn, names, 0);
    compatShowSortedNames("virConnectListNetworks(max 0)", names, n);
    CHECK_INT(virConnectListNetworks(conn, NULL, 1));
    CHECK_INT(virConnectListNetworks(conn, names, -1));
}

static void
showNetwork(virNetworkPtr net)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    unsigned char raw[VIR_UUID_BUFLEN];
    int autostart = -1;

    CHECK_CSTR(virNetworkGetName(net));
    CHECK_INT(virNetworkGetUUIDString(net, uuid));
    printf("  uuid=%s\n", uuid);
    CHECK_INT(virNetworkGetUUID(net, raw));
    printf("  raw[0]=%02x raw[15]=%02x\n", raw[0], raw[15]);
    CHECK_INT(virNetworkIsActive(net));
    CHECK_INT(virNetworkIsPersistent(net));
    if (CHECK_INT(virNetworkGetAutostart(net, &autostart)) == 0)
        printf("  autostart=%d\n", autostart);
    CHECK_STR(virNetworkGetBridgeName(net));
    CHECK_STR(virNetworkGetXMLDesc(net, 0));
    printf("  same connection: %d\n", virNetworkGetConnect(net) != NULL);
}

static void
defaultNetwork(virConnectPtr conn)
{
    virNetworkPtr net;
    virNetworkPtr other;

    compatSection("the default network");
    net = CHECK_PTR(virNetworkLookupByName(conn, "default"));
    showNetwork(net);
    CHECK_STR(virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE));
    other = CHECK_PTR(virNetworkLookupByUUIDString(conn, "dd8fe884-6c02-601e-7551-cca97df1c5df"));
    CHECK_CSTR(virNetworkGetName(other));
    virNetworkFree(other);

    compatSection("stop and start");
    CHECK_INT(virNetworkCreate(net));
    CHECK_INT(virNetworkUndefine(net));
    CHECK_INT(virNetworkDestroy(net));
    CHECK_INT(virNetworkIsActive(net));
    CHECK_INT(virNetworkDestroy(net));
    lists(conn);
    CHECK_INT(virNetworkCreate(net));
    CHECK_INT(virNetworkIsActive(net));
    CHECK_INT(virNetworkSetAutostart(net, 1));
    listAll(conn);
    CHECK_INT(virNetworkSetAutostart(net, 0));
    CHECK_INT(virNetworkRef(net));
    CHECK_INT(virNetworkFree(net));
    virNetworkFree(net);
}

static void
clashes(virConnectPtr conn)
{
    compatSection("names, UUIDs and documents that clash or are wrong");
    CHECK_FAIL_PTR(virNetworkDefineXML(conn,
        "<network><name>other</name><uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<network><name>default</name></network>"));
    CHECK_FAIL_PTR(virNetworkCreateXML(conn,
        "<network><name>default</name><uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<network"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<domain/>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<network><uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<network><name>bad</name><forward mode='nosuch'/></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<network><name>a/b</name></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn,
        "<network><name>bad</name><ip address='1.2.3.4' prefix='99'/></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<network><name>bad</name><mac address='zz'/></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn,
        "<network><name>bad</name><forward mode='nat'><nat><port start='10' end='5'/></nat>"
        "</forward></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, NULL));
    CHECK_FAIL_PTR(virNetworkDefineXMLFlags(conn, netXML, 1u << 4));
    CHECK_FAIL_PTR(virNetworkCreateXMLFlags(conn, netXML, 1u << 4));
    CHECK_FAIL_PTR(virNetworkLookupByName(conn, "nosuch"));
    CHECK_FAIL_PTR(virNetworkLookupByName(conn, NULL));
    CHECK_FAIL_PTR(virNetworkLookupByUUIDString(conn, "00000000-0000-0000-0000-000000000000"));
    CHECK_FAIL_PTR(virNetworkLookupByUUIDString(conn, "not-a-uuid"));
    CHECK_FAIL_PTR(virNetworkLookupByUUID(conn, NULL));
}

static void
persistent(virConnectPtr conn)
{
    virNetworkPtr net;
    virNetworkPtr again;

    compatSection("a persistent network");
    net = CHECK_PTR(virNetworkDefineXMLFlags(conn, netXML, VIR_NETWORK_DEFINE_VALIDATE));
    showNetwork(net);
    lists(conn);
    CHECK_INT(virNetworkCreate(net));
    CHECK_INT(virNetworkIsActive(net));
    /* redefined while running: the test driver keeps the new one aside */
    again = CHECK_PTR(virNetworkDefineXML(conn,
        "<network><name>compatnet</name><uuid>0fd0e7ee-3d8f-4c8d-8a3c-6e9a1b2c3d4e</uuid>"
        "<bridge name='virbr8'/></network>"));
    CHECK_STR(virNetworkGetXMLDesc(net, 0));
    CHECK_INT(virNetworkDestroy(net));
    CHECK_STR(virNetworkGetXMLDesc(net, 0));
    CHECK_INT(virNetworkIsPersistent(net));
    virNetworkFree(again);
    /* redefined while stopped: replaced at once */
    again = CHECK_PTR(virNetworkDefineXML(conn,
        "<network><name>compatnet</name><uuid>0fd0e7ee-3d8f-4c8d-8a3c-6e9a1b2c3d4e</uuid>"
        "<bridge name='virbr9'/></network>"));
    CHECK_STR(virNetworkGetXMLDesc(again, 0));
    CHECK_INT(virNetworkUndefine(net));
    CHECK_INT(virNetworkUndefine(net));
    CHECK_INT(virNetworkIsActive(net));
    CHECK_INT(virNetworkCreate(net));
    CHECK_FAIL_PTR(virNetworkGetXMLDesc(net, 0));
    CHECK_FAIL_PTR(virNetworkGetBridgeName(net));
    virNetworkFree(again);
    virNetworkFree(net);
}

static void
transient(virConnectPtr conn)
{
    virNetworkPtr net;

    compatSection("a transient network");
    net = CHECK_PTR(virNetworkCreateXMLFlags(conn, transientXML, VIR_NETWORK_CREATE_VALIDATE));
    showNetwork(net);
    listAll(conn);
    CHECK_FAIL_PTR(virNetworkCreateXML(conn, transientXML));
    CHECK_INT(virNetworkUndefine(net));
    CHECK_INT(virNetworkDestroy(net));
    CHECK_INT(virNetworkIsActive(net));
    CHECK_FAIL_PTR(virNetworkLookupByName(conn, "compattrans"));
    virNetworkFree(net);
    /* defining a running transient network makes it persistent */
    net = CHECK_PTR(virNetworkCreateXML(conn, transientXML));
    virNetworkFree(CHECK_PTR(virNetworkDefineXML(conn, transientXML)));
    CHECK_INT(virNetworkIsPersistent(net));
    CHECK_INT(virNetworkDestroy(net));
    CHECK_INT(virNetworkIsPersistent(net));
    CHECK_INT(virNetworkUndefine(net));
    virNetworkFree(net);
}

static void
readOnly(void)
{
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virNetworkPtr net;

    compatSection("read-only connection");
    net = CHECK_PTR(virNetworkLookupByName(ro, "default"));
    CHECK_INT(virNetworkIsActive(net));
    CHECK_INT(virNetworkDestroy(net));
    CHECK_INT(virNetworkCreate(net));
    CHECK_INT(virNetworkUndefine(net));
    CHECK_INT(virNetworkSetAutostart(net, 1));
    CHECK_FAIL_PTR(virNetworkDefineXML(ro, netXML));
    CHECK_FAIL_PTR(virNetworkCreateXML(ro, netXML));
    virNetworkFree(net);
    CHECK_INT(virConnectClose(ro));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);

    (void)argc;
    (void)argv;
    compatSection("listing");
    lists(conn);
    listAll(conn);
    defaultNetwork(conn);
    clashes(conn);
    persistent(conn);
    transient(conn);
    readOnly();
    CHECK_INT(virConnectClose(conn));
    return 0;
}
