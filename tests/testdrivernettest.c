/*
 * The test driver's networks beyond what libvirt 9.0.0's test driver
 * offers: network ports (allocation by forward mode, devices of a pool,
 * reclaim, bandwidth parameters and the floor budget, virtualports
 * merged with the network's), DHCP leases of
 * running guests, and threads working on different networks.
 */
#include "internal.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define PORTXML(uuid, mac, extra) \
    "<networkport><uuid>" uuid "</uuid>" \
    "<owner><name>g</name><uuid>11111111-2222-3333-4444-555555555555</uuid></owner>" \
    "<mac address='" mac "'/>" extra "</networkport>"

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

/* A port's XML contains @want. */
static int
checkPortXML(virNetworkPortPtr port, const char *want)
{
    g_autofree char *xml = virNetworkPortGetXMLDesc(port, 0);

    CHECK(xml);
    if (!strstr(xml, want)) {
        fprintf(stderr, "no '%s' in:\n%s", want, xml);
        return -1;
    }
    return 0;
}

static int
testPortsNat(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net;
    virNetworkPortPtr port;
    virNetworkPortPtr again;
    virNetworkPortPtr *list = NULL;

    CHECK(conn);
    CHECK((net = virNetworkLookupByName(conn, "default")));
    CHECK((port = virNetworkPortCreateXML(net, PORTXML("7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01",
                                                       "52:54:00:00:00:01", ""), 0)));
    CHECK(checkPortXML(port, "<plug type='network' bridge='virbr0'/>") == 0);
    CHECK(!virNetworkPortCreateXML(net, PORTXML("7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01",
                                                "52:54:00:00:00:02", ""), 0));
    CHECK(checkError(VIR_ERR_NETWORK_PORT_EXIST,
                     "network port Network port with UUID 7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01 already exists exists already") == 0);
    CHECK(!virNetworkPortCreateXML(net, PORTXML("7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e02",
                                                "52:54:00:00:00:02",
                                                "<plug type='network' bridge='virbr0'/>"), 0));
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "invalid argument: Port reclaim not requested but plug type is not none") == 0);
    CHECK(!virNetworkPortCreateXML(net, PORTXML("7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e02",
                                                "52:54:00:00:00:02", ""),
                                   VIR_NETWORK_PORT_CREATE_RECLAIM));
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "invalid argument: Port reclaim requested but plug type is none") == 0);
    CHECK((again = virNetworkPortCreateXML(net, PORTXML("7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e02",
                                                        "52:54:00:00:00:02",
                                                        "<plug type='network' bridge='virbr0'/>"),
                                           VIR_NETWORK_PORT_CREATE_RECLAIM)));
    CHECK_INTEQ(virNetworkListAllPorts(net, NULL, 0), 2);
    CHECK_INTEQ(virNetworkListAllPorts(net, &list, 0), 2);
    CHECK(list[0] && list[1] && !list[2]);
    virNetworkPortFree(list[0]);
    virNetworkPortFree(list[1]);
    free(list);

    /* a stopped network has no ports, and refuses port calls */
    CHECK_INTEQ(virNetworkDestroy(net), 0);
    CHECK_INTEQ(virNetworkListAllPorts(net, NULL, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: network 'default' is not active") == 0);
    CHECK(!virNetworkPortGetXMLDesc(port, 0));
    CHECK_INTEQ(virNetworkCreate(net), 0);
    CHECK_INTEQ(virNetworkListAllPorts(net, NULL, 0), 0);
    CHECK(!virNetworkPortLookupByUUIDString(net, "7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01"));
    CHECK(checkError(VIR_ERR_NO_NETWORK_PORT,
                     "network port not found: Network port with UUID 7c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01 does not exist") == 0);
    CHECK_INTEQ(virNetworkPortDelete(port, 0), -1);
    virNetworkPortFree(port);
    virNetworkPortFree(again);
    virNetworkFree(net);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testPortsDirect(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net;
    virNetworkPortPtr p1, p2, p3;

    CHECK(conn);
    CHECK((net = virNetworkCreateXML(conn,
        "<network><name>macvtap</name><uuid>3c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e8f</uuid>"
        "<forward mode='passthrough'><interface dev='eth1'/><interface dev='eth2'/></forward>"
        "</network>")));
    CHECK((p1 = virNetworkPortCreateXML(net, PORTXML("8c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01",
                                                     "52:54:00:00:01:01", ""), 0)));
    CHECK(checkPortXML(p1, "<plug type='direct' dev='eth1' mode='passthrough'/>") == 0);
    CHECK((p2 = virNetworkPortCreateXML(net, PORTXML("8c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e02",
                                                     "52:54:00:00:01:02", ""), 0)));
    CHECK(checkPortXML(p2, "dev='eth2'") == 0);
    /* passthrough devices are exclusive: the pool is used up */
    CHECK(!virNetworkPortCreateXML(net, PORTXML("8c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e03",
                                                "52:54:00:00:01:03", ""), 0));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR,
                     "internal error: network 'macvtap' requires exclusive access to interfaces, but none are available") == 0);
    /* and a device in use cannot leave the pool */
    CHECK_INTEQ(virNetworkUpdate(net, VIR_NETWORK_UPDATE_COMMAND_DELETE,
                                 VIR_NETWORK_SECTION_FORWARD_INTERFACE, -1,
                                 "<interface dev='eth1'/>", 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: unable to delete interface 'eth1' in network 'macvtap'. It is currently being used  by 1 domains.") == 0);
    CHECK_INTEQ(virNetworkPortDelete(p1, 0), 0);
    CHECK((p3 = virNetworkPortCreateXML(net, PORTXML("8c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e03",
                                                     "52:54:00:00:01:03", ""), 0)));
    CHECK(checkPortXML(p3, "dev='eth1'") == 0);
    /* a reclaimed port must name a device of the pool */
    CHECK(!virNetworkPortCreateXML(net, PORTXML("8c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e04",
                                                "52:54:00:00:01:04",
                                                "<plug type='direct' dev='eth9' mode='passthrough'/>"),
                                   VIR_NETWORK_PORT_CREATE_RECLAIM));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR,
                     "internal error: network 'macvtap' doesn't have dev='eth9' in use by network port '8c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e04'") == 0);
    virNetworkPortFree(p1);
    virNetworkPortFree(p2);
    virNetworkPortFree(p3);
    CHECK_INTEQ(virNetworkDestroy(net), 0);
    virNetworkFree(net);

    CHECK((net = virNetworkCreateXML(conn,
        "<network><name>nodev</name><uuid>4c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e8f</uuid>"
        "<forward mode='private'/></network>")));
    CHECK(!virNetworkPortCreateXML(net, PORTXML("9c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01",
                                                "52:54:00:00:02:01", ""), 0));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR,
                     "internal error: network 'nodev' uses a direct mode, but has no forward dev and no interface pool") == 0);
    CHECK_INTEQ(virNetworkDestroy(net), 0);
    virNetworkFree(net);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testPortsBridgeAndGroups(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net;
    virNetworkPortPtr port;

    CHECK(conn);
    CHECK((net = virNetworkCreateXML(conn,
        "<network><name>br</name><uuid>5c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e8f</uuid>"
        "<forward mode='bridge'/><bridge name='br0'/>"
        "<portgroup name='eng' default='yes'><vlan><tag id='42'/></vlan>"
        "<bandwidth><outbound average='1000'/></bandwidth></portgroup>"
        "</network>")));
    CHECK((port = virNetworkPortCreateXML(net, PORTXML("ac5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01",
                                                       "52:54:00:00:03:01", ""), 0)));
    CHECK(checkPortXML(port, "<plug type='bridge' bridge='br0'/>") == 0);
    CHECK(checkPortXML(port, "<tag id='42'/>") == 0);
    CHECK(checkPortXML(port, "<outbound average='1000'/>") == 0);
    CHECK(!virNetworkPortCreateXML(net, PORTXML("ac5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e02",
                                                "52:54:00:00:03:02",
                                                "<virtualport type='802.1Qbh'>"
                                                "<parameters profileid='p'/></virtualport>"), 0));
    CHECK(checkError(VIR_ERR_CONFIG_UNSUPPORTED,
                     "unsupported configuration: <virtualport type='802.1Qbh'> not supported for network 'br' which uses a bridge device") == 0);
    virNetworkPortFree(port);
    CHECK_INTEQ(virNetworkDestroy(net), 0);
    virNetworkFree(net);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* A port's virtualport is merged with its network's and portgroup's. */
static int
testPortsVirtualport(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net;
    virNetworkPortPtr port;
    virErrorPtr err;

    CHECK(conn);
    CHECK((net = virNetworkCreateXML(conn,
        "<network><name>ovs</name><uuid>6c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e8f</uuid>"
        "<forward mode='bridge'/><bridge name='ovsbr0'/>"
        "<virtualport type='openvswitch'/>"
        "<portgroup name='eng' default='yes'><virtualport>"
        "<parameters profileid='gp'/></virtualport></portgroup>"
        "</network>")));
    CHECK((port = virNetworkPortCreateXML(net, PORTXML("bc5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01",
                                                       "52:54:00:00:04:01",
                                                       "<virtualport><parameters "
                                                       "interfaceid='0c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e99'/>"
                                                       "</virtualport>"), 0)));
    CHECK(checkPortXML(port, "<virtualport type='openvswitch'>") == 0);
    CHECK(checkPortXML(port, "interfaceid='0c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e99'") == 0);
    CHECK(checkPortXML(port, "profileid='gp'") == 0);
    virNetworkPortFree(port);

    /* the port may not change what the network or the portgroup set */
    CHECK(!virNetworkPortCreateXML(net, PORTXML("bc5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e02",
                                                "52:54:00:00:04:02",
                                                "<virtualport type='802.1Qbh'/>"), 0));
    CHECK(checkError(VIR_ERR_XML_ERROR,
                     "XML error: attempt to merge virtualports with mismatched types (802.1Qbh and openvswitch)") == 0);
    CHECK((err = virGetLastError()) && err->domain == VIR_FROM_NET);
    CHECK(!virNetworkPortCreateXML(net, PORTXML("bc5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e03",
                                                "52:54:00:00:04:03",
                                                "<virtualport><parameters profileid='pp'/>"
                                                "</virtualport>"), 0));
    CHECK(checkError(VIR_ERR_XML_ERROR,
                     "XML error: attempt to merge virtualports with mismatched profileids ('pp' and 'gp')") == 0);
    /* only the first port took a connection */
    CHECK_INTEQ(virNetworkListAllPorts(net, NULL, 0), 1);
    CHECK_INTEQ(virNetworkDestroy(net), 0);
    virNetworkFree(net);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static unsigned int
paramValue(virTypedParameterPtr params, int n, const char *name)
{
    int i;

    for (i = 0; i < n; i++) {
        if (STREQ(params[i].field, name))
            return params[i].value.ui;
    }
    return (unsigned int)-1;
}

static int
testPortBandwidth(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net;
    virNetworkPortPtr p1, p2;
    virTypedParameterPtr params = NULL;
    virTypedParameter set[2] = { 0 };
    int n = 0;

    CHECK(conn);
    CHECK((net = virNetworkCreateXML(conn,
        "<network><name>qos</name><uuid>6c5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e8f</uuid>"
        "<bridge name='virbr9'/><bandwidth><inbound average='1000'/></bandwidth>"
        "<ip address='10.9.0.1' prefix='24'/></network>")));
    CHECK((p1 = virNetworkPortCreateXML(net, PORTXML("bc5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e01",
                                                     "52:54:00:00:04:01",
                                                     "<bandwidth><inbound average='100' floor='600'/></bandwidth>"),
                                        0)));
    CHECK(checkPortXML(p1, "<bandwidth classID='3'>") == 0);
    CHECK_INTEQ(virNetworkPortGetParameters(p1, &params, &n, 0), 0);
    CHECK_INTEQ(n, 4);
    CHECK_INTEQ(paramValue(params, n, VIR_NETWORK_PORT_BANDWIDTH_IN_FLOOR), 600);
    CHECK_INTEQ(paramValue(params, n, VIR_NETWORK_PORT_BANDWIDTH_IN_AVERAGE), 100);
    virTypedParamsFree(params, n);

    /* a second floor of 600 would overcommit the network's 1000 */
    CHECK(!virNetworkPortCreateXML(net, PORTXML("bc5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e02",
                                                "52:54:00:00:04:02",
                                                "<bandwidth><inbound average='100' floor='600'/></bandwidth>"),
                                   0));
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: Cannot plug '52:54:00:00:04:02' interface into 'virbr9' because new combined inbound floor=1200 would overcommit average=1000 on network 'qos'") == 0);
    CHECK((p2 = virNetworkPortCreateXML(net, PORTXML("bc5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e02",
                                                     "52:54:00:00:04:02",
                                                     "<bandwidth><inbound average='100' floor='400'/></bandwidth>"),
                                        0)));
    CHECK(checkPortXML(p2, "<bandwidth classID='4'>") == 0);

    /* raising p1's floor is checked against the others */
    strcpy(set[0].field, VIR_NETWORK_PORT_BANDWIDTH_IN_FLOOR);
    set[0].type = VIR_TYPED_PARAM_UINT;
    set[0].value.ui = 700;
    CHECK_INTEQ(virNetworkPortSetParameters(p1, set, 1, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: Cannot plug '52:54:00:00:04:01' interface into 'virbr9' because new combined inbound floor=1100 would overcommit average=1000 on network 'qos'") == 0);
    set[0].value.ui = 500;
    CHECK_INTEQ(virNetworkPortSetParameters(p1, set, 1, 0), 0);
    CHECK_INTEQ(virNetworkPortGetParameters(p1, &params, &n, 0), 0);
    CHECK_INTEQ(n, 4);
    CHECK_INTEQ(paramValue(params, n, VIR_NETWORK_PORT_BANDWIDTH_IN_FLOOR), 500);
    CHECK_INTEQ(paramValue(params, n, VIR_NETWORK_PORT_BANDWIDTH_IN_AVERAGE), 0);
    virTypedParamsFree(params, n);
    /* a known name with the wrong type is refused */
    strcpy(set[1].field, VIR_NETWORK_PORT_BANDWIDTH_OUT_AVERAGE);
    set[1].type = VIR_TYPED_PARAM_STRING;
    CHECK_INTEQ(virNetworkPortSetParameters(p1, set + 1, 1, 0), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "invalid argument: invalid type 'string' for parameter 'outbound.average', expected 'uint'") == 0);
    /* hostile lists: refused, not followed */
    CHECK_INTEQ(virNetworkPortSetParameters(p1, NULL, 3, 0), -1);
    CHECK_INTEQ(virNetworkPortGetParameters(p1, NULL, &n, 0), -1);
    CHECK_INTEQ(virNetworkPortGetParameters(p1, &params, NULL, 0), -1);
    /* nothing at all: no bandwidth left */
    CHECK_INTEQ(virNetworkPortSetParameters(p1, NULL, 0, 0), 0);
    CHECK_INTEQ(virNetworkPortGetParameters(p1, &params, &n, 0), 0);
    CHECK_INTEQ(n, 0);
    virNetworkPortFree(p1);
    virNetworkPortFree(p2);

    /* a floor needs inbound QoS on the network */
    CHECK_INTEQ(virNetworkDestroy(net), 0);
    virNetworkFree(net);
    CHECK((net = virNetworkLookupByName(conn, "default")));
    CHECK(!virNetworkPortCreateXML(net, PORTXML("bc5e2f4a-8d3b-4c9a-9e1f-3a4b5c6d7e03",
                                                "52:54:00:00:04:03",
                                                "<bandwidth><inbound average='100' floor='10'/></bandwidth>"),
                                   0));
    CHECK(checkError(VIR_ERR_OPERATION_UNSUPPORTED,
                     "Operation not supported: Invalid use of 'floor' on interface with MAC address 52:54:00:00:04:03 - network 'default' has no inbound QoS set") == 0);
    virNetworkFree(net);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testLeases(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNetworkPtr net;
    virDomainPtr dom;
    virNetworkDHCPLeasePtr *leases = NULL;

    CHECK(conn);
    CHECK((net = virNetworkLookupByName(conn, "default")));
    CHECK_INTEQ(virNetworkGetDHCPLeases(net, NULL, &leases, 0), 1);
    CHECK_STREQ(leases[0]->iface, "virbr0");
    CHECK_STREQ(leases[0]->mac, "aa:bb:cc:dd:ee:ff");
    CHECK_STREQ(leases[0]->ipaddr, "192.168.122.3");
    CHECK_INTEQ(leases[0]->prefix, 24);
    CHECK_INTEQ(leases[0]->type, VIR_IP_ADDR_TYPE_IPV4);
    CHECK_STREQ(leases[0]->hostname, "test");
    CHECK(!leases[1]);
    virNetworkDHCPLeaseFree(leases[0]);
    free(leases);
    CHECK_INTEQ(virNetworkGetDHCPLeases(net, "AA:BB:CC:DD:EE:FF", NULL, 0), 1);
    CHECK_INTEQ(virNetworkGetDHCPLeases(net, "52:54:00:00:00:01", NULL, 0), 0);
    CHECK_INTEQ(virNetworkGetDHCPLeases(net, "nope", NULL, 0), -1);
    CHECK(checkError(VIR_ERR_INVALID_MAC, "invalid MAC address: nope") == 0);

    /* the guest stopped, or the network stopped: no lease */
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK_INTEQ(virDomainDestroy(dom), 0);
    CHECK_INTEQ(virNetworkGetDHCPLeases(net, NULL, NULL, 0), 0);
    CHECK_INTEQ(virDomainCreate(dom), 0);
    CHECK_INTEQ(virNetworkGetDHCPLeases(net, NULL, NULL, 0), 1);
    CHECK_INTEQ(virNetworkDestroy(net), 0);
    CHECK_INTEQ(virNetworkGetDHCPLeases(net, NULL, NULL, 0), 0);
    CHECK_INTEQ(virNetworkCreate(net), 0);
    virDomainFree(dom);
    virNetworkFree(net);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

#define NTHREADS 8
#define NROUNDS 50

static gpointer
hammer(gpointer opaque)
{
    virConnectPtr conn = opaque;
    static gint next;
    int me = g_atomic_int_add(&next, 1);
    int i;

    for (i = 0; i < NROUNDS; i++) {
        g_autofree char *xml = g_strdup_printf(
            "<network><name>t%d</name><uuid>%08x-1111-2222-3333-444444444444</uuid>"
            "<ip address='10.%d.0.1' prefix='24'/></network>", me, me + 1, me);
        virNetworkPtr net = virNetworkDefineXML(conn, xml);
        virNetworkPtr found;

        if (!net || virNetworkCreate(net) < 0 || virNetworkIsActive(net) != 1)
            return GINT_TO_POINTER(1);
        if (!(found = virNetworkLookupByName(conn, virNetworkGetName(net))))
            return GINT_TO_POINTER(1);
        virNetworkFree(found);
        if (virNetworkDestroy(net) < 0 || virNetworkUndefine(net) < 0)
            return GINT_TO_POINTER(1);
        virNetworkFree(net);
        if (virConnectListAllNetworks(conn, NULL, 0) < 1)
            return GINT_TO_POINTER(1);
    }
    return NULL;
}

static int
testThreads(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    GThread *threads[NTHREADS];
    int failures = 0;
    size_t i;

    CHECK(conn);
    for (i = 0; i < NTHREADS; i++)
        threads[i] = g_thread_new("hammer", hammer, conn);
    for (i = 0; i < NTHREADS; i++)
        failures += GPOINTER_TO_INT(g_thread_join(threads[i]));
    CHECK_INTEQ(failures, 0);
    CHECK_INTEQ(virConnectNumOfNetworks(conn), 1);
    CHECK_INTEQ(virConnectNumOfDefinedNetworks(conn), 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virInitialize();
    virSetErrorFunc(NULL, quiet);

    virTestRun("ports-nat", testPortsNat);
    virTestRun("ports-direct", testPortsDirect);
    virTestRun("ports-bridge-portgroup", testPortsBridgeAndGroups);
    virTestRun("ports-virtualport", testPortsVirtualport);
    virTestRun("port-bandwidth", testPortBandwidth);
    virTestRun("dhcp-leases", testLeases);
    virTestRun("threads", testThreads);
    return virTestDone();
}
