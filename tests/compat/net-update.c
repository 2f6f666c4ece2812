/*
 * net-update.c: virNetworkUpdate on every section, with each command,
 * on running and stopped, persistent and transient networks, and its
 * errors (wrong element, unknown section or command, entries that clash
 * or cannot be found, live changes to a stopped network).
 */
#include "compat.h"

static const char *netXML =
"<network>"
"  <name>updnet</name>"
"  <uuid>5a3f0c2e-6b1d-4e7a-9c8b-1d2e3f4a5b6c</uuid>"

"  <forward mode='vepa'>"
"    <interface dev='eth5'/>"
"  </forward>"
"  <portgroup name='pg0' default='yes'/>"
"  <dns>"
"    <txt name='t0' value='v0'/>"
"    <host ip='10.5.0.7'><hostname>h0</hostname></host>"
"    <srv service='ldap' protocol='tcp' domain='x.test' target='t.x.test' port='389'/>"
"  </dns>"
"  <ip address='10.5.0.1' prefix='24'>"
"    <dhcp>"
"      <range start='10.5.0.100' end='10.5.0.200'/>"
"      <host mac='52:54:00:00:05:01' name='h1' ip='10.5.0.11'/>"
"    </dhcp>"
"  </ip>"
"  <ip family='ipv6' address='fd00:5::1' prefix='64'/>"
"</network>";

#define CMD_MODIFY VIR_NETWORK_UPDATE_COMMAND_MODIFY
#define CMD_DELETE VIR_NETWORK_UPDATE_COMMAND_DELETE
#define CMD_LAST VIR_NETWORK_UPDATE_COMMAND_ADD_LAST
#define CMD_FIRST VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST
#define CONFIG VIR_NETWORK_UPDATE_AFFECT_CONFIG
#define LIVE VIR_NETWORK_UPDATE_AFFECT_LIVE

static void
dhcp(virNetworkPtr net)
{
    compatSection("ip-dhcp-host");
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host mac='52:54:00:00:05:02' name='h2' ip='10.5.0.12'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_FIRST, VIR_NETWORK_SECTION_IP_DHCP_HOST, 0,
                               "<host mac='52:54:00:00:05:03' ip='10.5.0.13'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host mac='52:54:00:00:05:02' name='other' ip='10.5.0.99'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host mac='52:54:00:00:05:02' name='h2b' ip='10.5.0.22'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host mac='52:54:00:00:05:77' name='nobody' ip='10.5.0.77'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host name='h1'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host name='h1'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host mac='52:54:00:00:05:09'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST, 1,
                               "<host id='0:1:2' name='v6' ip='fd00:5::9'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST, 0,
                               "<host mac='52:54:00:00:05:0a' name='v4' ip='fd00:5::a'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST, 7,
                               "<host mac='52:54:00:00:05:0b' ip='10.5.0.14'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<range start='10.5.0.2' end='10.5.0.3'/>", 0));
    CHECK_INT(virNetworkUpdate(net, 17, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
                               "<host mac='52:54:00:00:05:0c' ip='10.5.0.15'/>", 0));

    compatSection("ip-dhcp-range");
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_RANGE, -1,
                               "<range start='10.5.0.20' end='10.5.0.30'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_FIRST, VIR_NETWORK_SECTION_IP_DHCP_RANGE, -1,
                               "<range start='10.5.0.20' end='10.5.0.30'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_IP_DHCP_RANGE, -1,
                               "<range start='10.5.0.20' end='10.5.0.30'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_IP_DHCP_RANGE, -1,
                               "<range start='10.5.0.100' end='10.5.0.200'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_IP_DHCP_RANGE, -1,
                               "<range start='10.5.0.100' end='10.5.0.200'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_RANGE, -1,
                               "<range start='10.9.0.2' end='10.9.0.3'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_RANGE, 1,
                               "<range start='fd00:5::10' end='fd00:5::20'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_RANGE, -1,
                               "<range start='10.5.0.40'/>", 0));
}

static void
forwardAndGroups(virNetworkPtr net)
{
    compatSection("forward-interface");
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_FORWARD_INTERFACE, -1,
                               "<interface dev='eth6'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_FIRST, VIR_NETWORK_SECTION_FORWARD_INTERFACE, -1,
                               "<interface dev='eth6'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_FORWARD_INTERFACE, -1,
                               "<interface dev='eth6'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_FORWARD_INTERFACE, -1,
                               "<interface dev='eth5'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_FORWARD_INTERFACE, -1,
                               "<interface dev='eth5'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_FORWARD_INTERFACE, -1,
                               "<interface/>", 0));

    compatSection("portgroup");
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_PORTGROUP, -1,
                               "<portgroup name='pg1'><vlan><tag id='42'/></vlan></portgroup>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_FIRST, VIR_NETWORK_SECTION_PORTGROUP, -1,
                               "<portgroup name='pg1'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_PORTGROUP, -1,
                               "<portgroup name='pg2' default='yes'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_PORTGROUP, -1,
                               "<portgroup name='pg1' default='no'><vlan><tag id='43'/></vlan></portgroup>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_PORTGROUP, -1,
                               "<portgroup name='pg9'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_PORTGROUP, -1,
                               "<portgroup name='pg0'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_PORTGROUP, -1,
                               "<portgroup name='pg0'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_PORTGROUP, -1,
                               "<portgroup/>", 0));
}

static void
dns(virNetworkPtr net)
{
    compatSection("dns-host");
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_HOST, -1,
                               "<host ip='10.5.0.8'><hostname>h0</hostname><hostname>h8</hostname></host>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_FIRST, VIR_NETWORK_SECTION_DNS_HOST, -1,
                               "<host ip='10.5.0.8'><hostname>z</hostname></host>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_DNS_HOST, -1,
                               "<host ip='10.5.0.8'><hostname>z</hostname></host>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_HOST, -1,
                               "<host><hostname>h0</hostname></host>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_HOST, -1,
                               "<host ip='10.5.0.7'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_HOST, -1,
                               "<host ip='10.5.0.99'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_HOST, -1,
                               "<host/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_HOST, -1,
                               "<host ip='10.5.0.9'/>", 0));

    compatSection("dns-txt");
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='t1' value='v1'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='t1' value='other'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='t1' value='v2'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='t0'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='t0'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='bad name' value='x'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='t3'/>", 0));

    compatSection("dns-srv");
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_SRV, -1,
                               "<srv service='www' protocol='tcp'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_FIRST, VIR_NETWORK_SECTION_DNS_SRV, -1,
                               "<srv service='www' protocol='tcp'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_MODIFY, VIR_NETWORK_SECTION_DNS_SRV, -1,
                               "<srv service='www' protocol='tcp'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_SRV, -1,
                               "<srv protocol='tcp'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_SRV, -1,
                               "<srv service='ldap'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_DELETE, VIR_NETWORK_SECTION_DNS_SRV, -1,
                               "<srv service='ldap'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_SRV, -1,
                               "<srv service='x' protocol='udp' port='70000' target='a'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_SRV, -1,
                               "<srv protocol='udp'/>", 0));
}

static void
others(virNetworkPtr net)
{
    static const unsigned int fixed[] = {
        VIR_NETWORK_SECTION_BRIDGE, VIR_NETWORK_SECTION_DOMAIN, VIR_NETWORK_SECTION_IP,
        VIR_NETWORK_SECTION_FORWARD, VIR_NETWORK_SECTION_FORWARD_PF,
        VIR_NETWORK_SECTION_NONE, 99,
    };
    size_t i;

    compatSection("sections that cannot change, bad documents and flags");
    for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
        printf("section %u: ", fixed[i]);
        CHECK_INT(virNetworkUpdate(net, CMD_LAST, fixed[i], -1, "<x/>", 0));
    }
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1, "<txt", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1, NULL, 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='f' value='g'/>", 1u << 5));
}

static void
liveAndConfig(virConnectPtr conn, virNetworkPtr net)
{
    virNetworkPtr trans;

    compatSection("live and config");
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='cfg' value='1'/>", CONFIG));
    CHECK_STR(virNetworkGetXMLDesc(net, 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='live' value='1'/>", LIVE));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='both' value='1'/>", LIVE | CONFIG));
    CHECK_INT(virNetworkCreate(net));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='live' value='1'/>", LIVE));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='current' value='1'/>", 0));
    CHECK_INT(virNetworkUpdate(net, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='both' value='1'/>", LIVE | CONFIG));
    CHECK_STR(virNetworkGetXMLDesc(net, 0));
    CHECK_INT(virNetworkDestroy(net));
    CHECK_STR(virNetworkGetXMLDesc(net, 0));

    trans = CHECK_PTR(virNetworkCreateXML(conn,
        "<network><name>updtrans</name><uuid>6b4f1d3e-7c2e-4f8b-8d9c-2e3f4a5b6c7d</uuid>"
        "<ip address='10.6.0.1' prefix='24'/></network>"));
    CHECK_INT(virNetworkUpdate(trans, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='c' value='1'/>", CONFIG));
    CHECK_INT(virNetworkUpdate(trans, CMD_LAST, VIR_NETWORK_SECTION_IP_DHCP_RANGE, -1,
                               "<range start='10.6.0.5' end='10.6.0.9'/>", 0));
    CHECK_STR(virNetworkGetXMLDesc(trans, 0));
    CHECK_INT(virNetworkDestroy(trans));
    CHECK_INT(virNetworkUpdate(trans, CMD_LAST, VIR_NETWORK_SECTION_DNS_TXT, -1,
                               "<txt name='c' value='1'/>", 0));
    virNetworkFree(trans);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virNetworkPtr net;

    (void)argc;
    (void)argv;
    compatSection("a stopped network to change");
    net = CHECK_PTR(virNetworkDefineXML(conn, netXML));
    dhcp(net);
    forwardAndGroups(net);
    dns(net);
    others(net);
    CHECK_STR(virNetworkGetXMLDesc(net, 0));
    liveAndConfig(conn, net);
    CHECK_INT(virNetworkUndefine(net));
    virNetworkFree(net);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
