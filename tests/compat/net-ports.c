/*
 * net-ports.c: network ports and DHCP leases.  libvirt 9.0.0's test
 * driver has neither (its answer is VIR_ERR_NO_SUPPORT, allowed in
 * allow.txt); nuvirt keeps them as libvirt's network driver does, which
 * tests/testdrivernettest.c checks in detail.  Lines both must print the
 * same: the errors of the checks made before the driver is reached.
 */
#include "compat.h"

static const char *portXML =
"<networkport>"
"  <uuid>7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e8f</uuid>"
"  <owner>"
"    <name>guest1</name>"
"    <uuid>11111111-2222-3333-4444-555555555555</uuid>"
"  </owner>"
"  <mac address='52:54:00:7b:35:93'/>"
"</networkport>";

static void
ports(virConnectPtr conn, virNetworkPtr net)
{
    virNetworkPortPtr port;
    virNetworkPortPtr *list = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int n;

    compatSection("ports");
    port = CHECK_PTR(virNetworkPortCreateXML(net, portXML, 0));
    if (port) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        CHECK_INT(virNetworkPortGetUUIDString(port, uuid));
        printf("port: uuid=%s\n", uuid);
        CHECK_STR(virNetworkPortGetXMLDesc(port, 0));
        CHECK_INT(virNetworkPortGetParameters(port, &params, &nparams, 0));
        printf("port: nparams=%d\n", nparams);
        virTypedParamsFree(params, nparams);
        {
            virTypedParameter set = { .field = VIR_NETWORK_PORT_BANDWIDTH_IN_AVERAGE,
                                      .type = VIR_TYPED_PARAM_UINT, .value.ui = 100 };
            unsigned char raw[VIR_UUID_BUFLEN];

            CHECK_INT(virNetworkPortSetParameters(port, &set, 1, 0));
            CHECK_INT(virNetworkPortGetParameters(port, &params, &nparams, 0));
            printf("port: nparams=%d\n", nparams);
            virTypedParamsFree(params, nparams);
            if (CHECK_INT(virNetworkPortGetUUID(port, raw)) == 0)
                printf("port: raw %02x..%02x\n", raw[0], raw[15]);
            printf("port: network %s\n", virNetworkGetName(virNetworkPortGetNetwork(port)));
            CHECK_INT(virNetworkPortRef(port));
            CHECK_INT(virNetworkPortFree(port));
        }
        CHECK_INT(virNetworkPortDelete(port, 0));
        virNetworkPortFree(port);
    }
    n = CHECK_INT(virNetworkListAllPorts(net, &list, 0));
    while (n > 0)
        virNetworkPortFree(list[--n]);
    free(list);
    CHECK_FAIL_PTR(virNetworkPortLookupByUUIDString(net, "7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e8f"));
    CHECK_FAIL_PTR(virNetworkPortLookupByUUIDString(net, "not-a-uuid"));
    CHECK_FAIL_PTR(virNetworkPortLookupByUUID(net, NULL));
    CHECK_FAIL_PTR(virNetworkPortCreateXML(net, NULL, 0));
    (void)conn;
}

static void
leases(virNetworkPtr net)
{
    virNetworkDHCPLeasePtr *list = NULL;
    int n, i;

    compatSection("DHCP leases");
    n = CHECK_INT(virNetworkGetDHCPLeases(net, NULL, &list, 0));
    for (i = 0; i < n; i++) {
        printf("lease: %s %s %s/%u %s\n", list[i]->iface, list[i]->mac,
               list[i]->ipaddr, list[i]->prefix, list[i]->hostname);
        virNetworkDHCPLeaseFree(list[i]);
    }
    free(list);
    CHECK_INT(virNetworkGetDHCPLeases(net, "aa:bb:cc:dd:ee:ff", NULL, 0));
    CHECK_INT(virNetworkGetDHCPLeases(net, "zz", NULL, 0));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virNetworkPtr net;
    virNetworkPtr rnet;

    (void)argc;
    (void)argv;
    net = CHECK_PTR(virNetworkLookupByName(conn, "default"));
    ports(conn, net);
    leases(net);

    compatSection("read-only connection");
    rnet = CHECK_PTR(virNetworkLookupByName(ro, "default"));
    CHECK_FAIL_PTR(virNetworkPortCreateXML(rnet, portXML, 0));
    virNetworkFree(rnet);
    virNetworkFree(net);
    CHECK_INT(virConnectClose(ro));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
