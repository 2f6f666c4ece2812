/*
 * test_domain_net.c: the network interfaces of the test driver's
 * domains: their addresses (from the network each is attached to) and
 * traffic counters, as libvirt 9.0.0's test driver gives them.  (Their
 * bandwidth parameters belong with the other domain parameters.)
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virmacaddr.h"
#include "test/test_private.h"

/* This stands for libvirt's domain configuration helper, and reports
 * its error (VIR_FROM_DOMAIN). */
#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* The interface @device names (a MAC address, else a target name) in
 * @def; libvirt's domain configuration error when there is none. */
static virDomainNetDef *
testDomainNetFind(virDomainDef *def, const char *device)
{
    virMacAddr mac;
    bool isMac = virMacAddrParse(device, &mac) == 0;
    size_t i;

    for (i = 0; i < def->nnets; i++) {
        virDomainNetDef *net = def->nets[i];

        if (isMac ? memcmp(net->mac, mac.addr, VIR_MAC_BUFLEN) == 0
                  : STREQ_NULLABLE(net->ifname, device))
            return net;
    }
    virReportError(VIR_ERR_INVALID_ARG, "'%s' is not a known interface", device);
    return NULL;
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_TEST

static void
testDomainIfaceFree(virDomainInterfacePtr iface)
{
    virDomainInterfaceFree(iface);
}

/* One address for the @idx-th interface of running @dom (locked). */
static virDomainInterfacePtr
testDomainIfaceAddress(testDriver *drv, virDomainObj *dom, size_t idx)
{
    virDomainNetDef *net = dom->def->nets[idx];
    virDomainInterfacePtr iface = g_new0(virDomainInterface, 1);
    char macstr[VIR_MAC_STRING_BUFLEN];
    virMacAddr mac;

    memcpy(mac.addr, net->mac, VIR_MAC_BUFLEN);
    iface->name = g_strdup(net->ifname);
    iface->hwaddr = g_strdup(virMacAddrFormat(&mac, macstr));
    iface->addrs = g_new0(virDomainIPAddress, 1);
    iface->naddrs = 1;
    if (net->type == VIR_DOMAIN_NET_TYPE_NETWORK) {
        int type;
        unsigned int prefix;

        /* a different address for each interface of each domain */
        if (testNetworkGuestAddress(drv, net->network, 20 * (dom->def->id - 1) + idx + 1,
                                    &type, &prefix, &iface->addrs[0].addr) < 0) {
            virDomainInterfaceFree(iface);
            return NULL;
        }
        iface->addrs[0].type = type;
        iface->addrs[0].prefix = prefix;
    } else {
        iface->addrs[0].type = VIR_IP_ADDR_TYPE_IPV4;
        iface->addrs[0].prefix = 24;
        iface->addrs[0].addr = g_strdup_printf("192.168.0.%zu", idx + 1);
    }
    return iface;
}

static int
testDomainInterfaceAddresses(virDomainPtr domain, virDomainInterfacePtr **ifaces,
                             unsigned int source, unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func((GDestroyNotify)testDomainIfaceFree);
    virDomainObj *dom;
    size_t i;
    int n;

    virCheckFlags(0, -1);

    if (source >= VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LAST) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "Unknown IP address data source %d",
                       source);
        return -1;
    }
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0) {
        virDomainObjEndAPI(&dom);
        return -1;
    }
    for (i = 0; i < dom->def->nnets; i++) {
        virDomainInterfacePtr iface = testDomainIfaceAddress(drv, dom, i);

        if (!iface) {
            virDomainObjEndAPI(&dom);
            return -1;
        }
        g_ptr_array_add(list, iface);
    }
    virDomainObjEndAPI(&dom);
    n = list->len;
    g_ptr_array_set_free_func(list, NULL);
    *ifaces = (virDomainInterfacePtr *)g_ptr_array_free(g_steal_pointer(&list), FALSE);
    return n;
}

static int
testDomainInterfaceStats(virDomainPtr domain, const char *device,
                         virDomainInterfaceStatsPtr stats, size_t size)
{
    virDomainInterfaceStatsStruct all;
    virDomainObj *dom;
    long long base;
    int ret = -1;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) == 0 && testDomainNetFind(dom->def, device)) {
        /* counters that only grow, from the clock */
        base = g_get_real_time();
        all.rx_bytes = base / 10;
        all.rx_packets = base / 100;
        all.rx_errs = base / (1000LL * 1000LL * 1);
        all.rx_drop = base / (1000LL * 1000LL * 2);
        all.tx_bytes = base / 20;
        all.tx_packets = base / 110;
        all.tx_errs = base / (1000LL * 1000LL * 3);
        all.tx_drop = base / (1000LL * 1000LL * 4);
        /* the caller's structure may be an older, shorter one */
        memcpy(stats, &all, MIN(size, sizeof(all)));
        ret = 0;
    }
    virDomainObjEndAPI(&dom);
    return ret;
}

void
testDomainNetRegisterMethods(virHypervisorDriver *d)
{
    d->domainInterfaceAddresses = testDomainInterfaceAddresses;
    d->domainInterfaceStats = testDomainInterfaceStats;
}
