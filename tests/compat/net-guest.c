/*
 * net-guest.c: what the test driver tells about the network interfaces
 * of its guests: addresses (from the DHCP range of the network each is
 * attached to, IPv4 and IPv6, or made up for other interface types) for
 * every address source, traffic counters by target name and MAC, and
 * the errors of stopped guests, unknown interfaces and networks, bad
 * sources, flags and sizes.
 */
#include <stddef.h>

#include "compat.h"

static const char *net6XML =
"<network>"
"  <name>guestnet6</name>"
"  <uuid>6d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c61</uuid>"
"  <ip family='ipv6' address='fd00:1::1' prefix='64'>"
"    <dhcp><range start='fd00:1::100' end='fd00:1::1ff'/></dhcp>"
"  </ip>"
"</network>";

static const char *guestXML =
"<domain type='test'>"
"  <name>guest</name>"
"  <uuid>6d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c62</uuid>"
"  <memory>65536</memory>"
"  <os><type>hvm</type></os>"
"  <devices>"
"    <interface type='network'>"
"      <mac address='52:54:00:aa:00:01'/>"
"      <source network='default'/>"
"      <target dev='gnet0'/>"
"    </interface>"
"    <interface type='bridge'>"
"      <mac address='52:54:00:aa:00:02'/>"
"      <source bridge='br9'/>"
"      <target dev='gnet1'/>"
"    </interface>"
"    <interface type='network'>"
"      <mac address='52:54:00:aa:00:03'/>"
"      <source network='guestnet6'/>"
"      <target dev='gnet2'/>"
"    </interface>"
"  </devices>"
"</domain>";

static const char *lostXML =
"<domain type='test'>"
"  <name>lost</name>"
"  <uuid>6d3c1b2a-4e5f-4a6b-8c7d-0e1f2a3b4c63</uuid>"
"  <memory>65536</memory>"
"  <os><type>hvm</type></os>"
"  <devices>"
"    <interface type='network'>"
"      <mac address='52:54:00:aa:00:09'/>"
"      <source network='nosuchnet'/>"
"    </interface>"
"  </devices>"
"</domain>";

static void
addresses(virDomainPtr dom, unsigned int source)
{
    virDomainInterfacePtr *ifaces = NULL;
    int n = virDomainInterfaceAddresses(dom, &ifaces, source, 0);
    int i;
    unsigned int j;

    if (n < 0) {
        compatShowError("virDomainInterfaceAddresses");
        return;
    }
    printf("virDomainInterfaceAddresses(%s, source %u) -> %d\n",
           virDomainGetName(dom), source, n);
    for (i = 0; i < n; i++) {
        virDomainInterfacePtr iface = ifaces[i];

        printf("  %s hwaddr=%s naddrs=%u\n", iface->name ? iface->name : "(null)",
               iface->hwaddr ? iface->hwaddr : "(null)", iface->naddrs);
        for (j = 0; j < iface->naddrs; j++)
            printf("    type=%d %s/%u\n", iface->addrs[j].type, iface->addrs[j].addr,
                   iface->addrs[j].prefix);
        virDomainInterfaceFree(iface);
    }
    free(ifaces);
}

static void
stats(virDomainPtr dom, const char *device, size_t size)
{
    virDomainInterfaceStatsStruct st;
    int r;

    memset(&st, 0, sizeof(st));
    r = virDomainInterfaceStats(dom, device, &st, size);
    if (r < 0) {
        compatShowError("virDomainInterfaceStats");
        return;
    }
    /* the counters come from the clock: show only what is certain */
    printf("virDomainInterfaceStats(%s, %s, size %zu) -> %d rx_bytes>0:%d "
           "rx_bytes>=rx_packets:%d tx_drop>0:%d\n", virDomainGetName(dom), device,
           size, r, st.rx_bytes > 0, st.rx_bytes >= st.rx_packets, st.tx_drop > 0);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainInterfacePtr *ifaces = NULL;
    virDomainPtr test, guest, lost;
    virNetworkPtr net6;

    (void)argc;
    (void)argv;
    compatSection("the default guest");
    test = CHECK_PTR(virDomainLookupByName(conn, "test"));
    addresses(test, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE);
    addresses(test, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT);
    addresses(test, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP);
    stats(test, "testnet0", sizeof(virDomainInterfaceStatsStruct));
    stats(test, "aa:bb:cc:dd:ee:ff", sizeof(virDomainInterfaceStatsStruct));
    stats(test, "testnet0", offsetof(virDomainInterfaceStatsStruct, tx_bytes));

    compatSection("bad arguments");
    CHECK_INT(virDomainInterfaceAddresses(test, &ifaces, 3, 0));
    CHECK_INT(virDomainInterfaceAddresses(test, &ifaces, 99, 0));
    CHECK_INT(virDomainInterfaceAddresses(test, &ifaces, 0, 1));
    CHECK_INT(virDomainInterfaceAddresses(test, NULL, 0, 0));
    CHECK_INT(virDomainInterfaceAddresses(NULL, &ifaces, 0, 0));
    stats(test, "nosuch", sizeof(virDomainInterfaceStatsStruct));
    stats(test, "00:11:22:33:44:55", sizeof(virDomainInterfaceStatsStruct));
    stats(test, "testnet0", sizeof(virDomainInterfaceStatsStruct) + 8);
    CHECK_INT(virDomainInterfaceStats(test, NULL, NULL, 0));

    compatSection("a guest on three networks");
    net6 = CHECK_PTR(virNetworkCreateXML(conn, net6XML));
    guest = CHECK_PTR(virDomainDefineXML(conn, guestXML));
    addresses(guest, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE);
    stats(guest, "gnet0", sizeof(virDomainInterfaceStatsStruct));
    CHECK_INT(virDomainCreate(guest));
    addresses(guest, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE);
    stats(guest, "gnet1", sizeof(virDomainInterfaceStatsStruct));
    stats(guest, "52:54:00:aa:00:03", sizeof(virDomainInterfaceStatsStruct));
    /* its network gone, the address cannot be made up */
    CHECK_INT(virNetworkDestroy(net6));
    addresses(guest, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE);
    CHECK_INT(virDomainDestroy(guest));
    CHECK_INT(virDomainUndefine(guest));
    virDomainFree(guest);
    virNetworkFree(net6);

    compatSection("a guest on a network that does not exist");
    lost = CHECK_PTR(virDomainCreateXML(conn, lostXML, 0));
    addresses(lost, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE);
    stats(lost, "52:54:00:aa:00:09", sizeof(virDomainInterfaceStatsStruct));
    CHECK_INT(virDomainDestroy(lost));
    virDomainFree(lost);

    compatSection("stopped");
    CHECK_INT(virDomainDestroy(test));
    addresses(test, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE);
    stats(test, "testnet0", sizeof(virDomainInterfaceStatsStruct));
    virDomainFree(test);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
