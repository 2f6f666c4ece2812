/*
 * network_conf.c: the <network> document.
 *
 * Sections, each with its structures' free, parse and format side by side:
 *   - address helpers (IP, MAC, PCI): to move to src/util/ later
 *   - <route>
 *   - <ip> with <dhcp> and <tftp>
 *   - <dns>
 *   - <forward>
 *   - <portgroup>, <port>
 *   - <metadata> and the dnsmasq namespace
 *   - the <network> element itself, and the xml2xml category
 */
#include "internal.h"

#include <netdb.h>
#include <arpa/inet.h>
#include <libxml/xpathInternals.h>

#include "conf/network_conf.h"
#include "conf/virxmlcategory.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

VIR_ENUM_IMPL(virNetworkForward, VIR_NETWORK_FORWARD_LAST,
              "none", "nat", "route", "open", "bridge", "private", "vepa",
              "passthrough", "hostdev");

VIR_ENUM_IMPL(virNetworkBridgeMACTableManager,
              VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LAST,
              "default", "kernel", "libvirt");

VIR_ENUM_IMPL(virNetworkForwardHostdevDevice,
              VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_LAST,
              "none", "pci", "netdev");

VIR_ENUM_IMPL(virNetworkForwardDriverName,
              VIR_NETWORK_FORWARD_DRIVER_NAME_LAST,
              "default", "kvm", "vfio");

VIR_ENUM_IMPL(virNetworkDHCPLeaseTimeUnit,
              VIR_NETWORK_DHCP_LEASETIME_UNIT_LAST,
              "seconds", "minutes", "hours");


/* ======== IP addresses (to move to src/util/virsocketaddr.c) ======== */

int
virSocketAddrParse(virSocketAddr *addr, const char *val, int family)
{
    struct addrinfo hints = { .ai_family = family, .ai_flags = AI_NUMERICHOST };
    struct addrinfo *res = NULL;
    int len;
    int err;

    if (!val) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "Missing address");
        return -1;
    }
    if ((err = getaddrinfo(val, NULL, &hints, &res)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Cannot parse socket address '%s': %s",
                       val, gai_strerror(err));
        return -1;
    }
    if (!res) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "No socket addresses found for '%s'", val);
        return -1;
    }
    len = res->ai_addrlen;
    if (addr) {
        memset(addr, 0, sizeof(*addr));
        memcpy(&addr->data.stor, res->ai_addr, len);
        addr->len = len;
    }
    freeaddrinfo(res);
    return len;
}

char *
virSocketAddrFormat(const virSocketAddr *addr)
{
    char host[NI_MAXHOST];
    int err;

    if ((err = getnameinfo(&addr->data.sa, addr->len, host, sizeof(host),
                           NULL, 0, NI_NUMERICHOST)) != 0) {
        virReportError(VIR_ERR_SYSTEM_ERROR,
                       "Cannot convert socket address to string: %s",
                       gai_strerror(err));
        return NULL;
    }
    return g_strdup(host);
}

bool
virSocketAddrEqual(const virSocketAddr *s1, const virSocketAddr *s2)
{
    if (VIR_SOCKET_ADDR_FAMILY(s1) != VIR_SOCKET_ADDR_FAMILY(s2))
        return false;
    switch (VIR_SOCKET_ADDR_FAMILY(s1)) {
    case AF_INET:
        return s1->data.inet4.sin_addr.s_addr == s2->data.inet4.sin_addr.s_addr &&
               s1->data.inet4.sin_port == s2->data.inet4.sin_port;
    case AF_INET6:
        return memcmp(&s1->data.inet6.sin6_addr, &s2->data.inet6.sin6_addr,
                      sizeof(s1->data.inet6.sin6_addr)) == 0 &&
               s1->data.inet6.sin6_port == s2->data.inet6.sin6_port;
    }
    return false;
}

bool
virSocketAddrIsWildcard(const virSocketAddr *addr)
{
    switch (VIR_SOCKET_ADDR_FAMILY(addr)) {
    case AF_INET:
        return addr->data.inet4.sin_addr.s_addr == htonl(INADDR_ANY);
    case AF_INET6:
        return IN6_IS_ADDR_UNSPECIFIED(&addr->data.inet6.sin6_addr);
    }
    return false;
}

/* The address as bytes in network order; its length, 0 if not IP. */
static size_t
virSocketAddrBytes(const virSocketAddr *addr, const unsigned char **bytes)
{
    switch (VIR_SOCKET_ADDR_FAMILY(addr)) {
    case AF_INET:
        *bytes = (const unsigned char *)&addr->data.inet4.sin_addr;
        return 4;
    case AF_INET6:
        *bytes = addr->data.inet6.sin6_addr.s6_addr;
        return 16;
    }
    *bytes = NULL;
    return 0;
}

int
virSocketAddrMask(const virSocketAddr *addr, const virSocketAddr *netmask,
                  virSocketAddr *network)
{
    const unsigned char *a;
    const unsigned char *m;
    unsigned char *n;
    size_t len = virSocketAddrBytes(addr, &a);
    size_t i;

    memset(network, 0, sizeof(*network));
    if (len == 0 || VIR_SOCKET_ADDR_FAMILY(addr) != VIR_SOCKET_ADDR_FAMILY(netmask)) {
        VIR_SOCKET_ADDR_FAMILY(network) = AF_UNSPEC;
        return -1;
    }
    virSocketAddrBytes(netmask, &m);
    VIR_SOCKET_ADDR_FAMILY(network) = VIR_SOCKET_ADDR_FAMILY(addr);
    network->len = addr->len;
    virSocketAddrBytes(network, (const unsigned char **)&n);
    for (i = 0; i < len; i++)
        n[i] = a[i] & m[i];
    return 0;
}

int
virSocketAddrMaskByPrefix(const virSocketAddr *addr, unsigned int prefix,
                          virSocketAddr *network)
{
    virSocketAddr netmask;

    if (virSocketAddrPrefixToNetmask(prefix, &netmask,
                                     VIR_SOCKET_ADDR_FAMILY(addr)) < 0) {
        VIR_SOCKET_ADDR_FAMILY(network) = AF_UNSPEC;
        return -1;
    }
    return virSocketAddrMask(addr, &netmask, network);
}

int
virSocketAddrPrefixToNetmask(unsigned int prefix, virSocketAddr *netmask,
                             int family)
{
    unsigned char *bytes;
    size_t len;
    size_t i;

    memset(netmask, 0, sizeof(*netmask));
    if (family == AF_INET) {
        len = 4;
        netmask->len = sizeof(struct sockaddr_in);
    } else if (family == AF_INET6) {
        len = 16;
        netmask->len = sizeof(struct sockaddr_in6);
    } else {
        /* libvirt's quirk: an unknown family is no error */
        return 0;
    }
    if (prefix > len * 8) {
        netmask->len = 0;
        return -1;
    }
    VIR_SOCKET_ADDR_FAMILY(netmask) = family;
    virSocketAddrBytes(netmask, (const unsigned char **)&bytes);
    for (i = 0; i < len; i++, prefix = prefix > 8 ? prefix - 8 : 0)
        bytes[i] = prefix >= 8 ? 0xff : (unsigned char)(0xff00 >> prefix);
    return 0;
}

int
virSocketAddrGetNumNetmaskBits(const virSocketAddr *netmask)
{
    const unsigned char *bytes;
    size_t len = virSocketAddrBytes(netmask, &bytes);
    size_t bit;
    int count = 0;

    if (len == 0)
        return -1;
    for (bit = 0; bit < len * 8; bit++) {
        bool set = bytes[bit / 8] & (0x80 >> (bit % 8));

        if (set && (size_t)count != bit)
            return -1;          /* a 1 after a 0: not contiguous */
        if (set)
            count++;
    }
    return count;
}

int
virSocketAddrGetIPPrefix(const virSocketAddr *address,
                         const virSocketAddr *netmask, int prefix)
{
    if (prefix > 0)
        return prefix;
    if (netmask && VIR_SOCKET_ADDR_VALID(netmask))
        return virSocketAddrGetNumNetmaskBits(netmask);
    if (address && VIR_SOCKET_ADDR_IS_FAMILY(address, AF_INET)) {
        uint32_t val = ntohl(address->data.inet4.sin_addr.s_addr);

        /* the classful prefix; 0.0.0.0 is the default route */
        if (val == 0)
            return 0;
        if ((val >> 31) == 0)
            return 8;
        if ((val >> 30) == 2)
            return 16;
        if ((val >> 29) == 6)
            return 24;
        return -1;
    }
    if (address && VIR_SOCKET_ADDR_IS_FAMILY(address, AF_INET6))
        return virSocketAddrIsWildcard(address) ? 0 : 64;
    return 0;
}

/* Same network under @netmask: 1 yes, 0 no, -1 not comparable. */
static int
virSocketAddrCheckNetmask(const virSocketAddr *addr1,
                          const virSocketAddr *addr2,
                          const virSocketAddr *netmask)
{
    const unsigned char *a1;
    const unsigned char *a2;
    const unsigned char *m;
    size_t len = virSocketAddrBytes(addr1, &a1);
    size_t i;

    if (len == 0 ||
        VIR_SOCKET_ADDR_FAMILY(addr1) != VIR_SOCKET_ADDR_FAMILY(addr2) ||
        VIR_SOCKET_ADDR_FAMILY(addr1) != VIR_SOCKET_ADDR_FAMILY(netmask) ||
        virSocketAddrGetNumNetmaskBits(netmask) < 0)
        return -1;
    virSocketAddrBytes(addr2, &a2);
    virSocketAddrBytes(netmask, &m);
    for (i = 0; i < len; i++) {
        if ((a1[i] & m[i]) != (a2[i] & m[i]))
            return 0;
    }
    return 1;
}

/* The network-only checks of virSocketAddrGetRange. */
static int
virSocketAddrCheckRangeInNetwork(const virSocketAddr *start,
                                 const virSocketAddr *end,
                                 const virSocketAddr *network, int prefix,
                                 const char *startStr, const char *endStr)
{
    g_autofree char *netStr = NULL;
    virSocketAddr netmask;
    virSocketAddr netaddr;
    const unsigned char *bytes;
    size_t i;

    if (!(netStr = virSocketAddrFormat(network)))
        return -1;
    if (VIR_SOCKET_ADDR_FAMILY(start) != VIR_SOCKET_ADDR_FAMILY(network)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "mismatch of address family in range %s - %s for network %s",
                       startStr, endStr, netStr);
        return -1;
    }
    if (prefix < 0 ||
        virSocketAddrPrefixToNetmask(prefix, &netmask,
                                     VIR_SOCKET_ADDR_FAMILY(network)) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "bad prefix %d for network %s when  checking range %s - %s",
                       prefix, netStr, startStr, endStr);
        return -1;
    }
    if (virSocketAddrCheckNetmask(start, network, &netmask) <= 0 ||
        virSocketAddrCheckNetmask(end, network, &netmask) <= 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "range %s - %s is not entirely within network %s/%d",
                       startStr, endStr, netStr, prefix);
        return -1;
    }
    if (!VIR_SOCKET_ADDR_IS_FAMILY(start, AF_INET))
        return 0;

    /* IPv4: neither the network nor the broadcast address */
    virSocketAddrMask(network, &netmask, &netaddr);
    if (virSocketAddrEqual(start, &netaddr)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "start of range %s - %s in network %s/%d is the network address",
                       startStr, endStr, netStr, prefix);
        return -1;
    }
    virSocketAddrBytes(&netmask, &bytes);
    for (i = 0; i < 4; i++)
        ((unsigned char *)&netaddr.data.inet4.sin_addr)[i] |= ~bytes[i];
    if (virSocketAddrEqual(end, &netaddr)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "end of range %s - %s in network %s/%d is the broadcast address",
                       startStr, endStr, netStr, prefix);
        return -1;
    }
    return 0;
}

int
virSocketAddrGetRange(const virSocketAddr *start, const virSocketAddr *end,
                      const virSocketAddr *network, int prefix)
{
    g_autofree char *startStr = NULL;
    g_autofree char *endStr = NULL;
    const unsigned char *s;
    const unsigned char *e;
    size_t len;
    size_t i;
    int size;

    if (!(startStr = virSocketAddrFormat(start)) ||
        !(endStr = virSocketAddrFormat(end)))
        return -1;
    if (VIR_SOCKET_ADDR_FAMILY(start) != VIR_SOCKET_ADDR_FAMILY(end)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "mismatch of address family in range %s - %s",
                       startStr, endStr);
        return -1;
    }
    if (network &&
        virSocketAddrCheckRangeInNetwork(start, end, network, prefix,
                                         startStr, endStr) < 0)
        return -1;

    if ((len = virSocketAddrBytes(start, &s)) == 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unsupported address family for range %s - %s, must be ipv4 or ipv6",
                       startStr, endStr);
        return -1;
    }
    virSocketAddrBytes(end, &e);
    /* only the last 16 bits may differ */
    for (i = 0; i < len - 2; i++) {
        if (s[i] != e[i]) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "range %s - %s is too large (> 65535)",
                           startStr, endStr);
            return -1;
        }
    }
    size = (e[len - 2] - s[len - 2]) * 256 + (e[len - 1] - s[len - 1]);
    if (size < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       len == 4 ? "range %s - %s is reversed " :
                                  "range %s - %s start larger than end",
                       startStr, endStr);
        return -1;
    }
    return size + 1;
}


/* ======== MAC addresses (to move to src/util/virmacaddr.c) ======== */

int
virMacAddrParse(const char *str, virMacAddr *addr)
{
    size_t i;

    for (i = 0; i < VIR_MAC_BUFLEN; i++) {
        char *end = NULL;
        unsigned long val;

        /* strtoul alone would take a sign or leading blanks */
        if (!g_ascii_isxdigit(*str))
            return -1;
        errno = 0;
        val = strtoul(str, &end, 16);
        if (errno != 0 || end - str < 1 || end - str > 2 || val > 0xff)
            return -1;
        addr->addr[i] = val;
        if (i == VIR_MAC_BUFLEN - 1)
            return *end <= ' ' ? 0 : -1;    /* trailing blanks are fine */
        if (*end != ':')
            return -1;
        str = end + 1;
    }
    return -1;
}

const char *
virMacAddrFormat(const virMacAddr *addr, char *str)
{
    g_snprintf(str, VIR_MAC_STRING_BUFLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
               addr->addr[0], addr->addr[1], addr->addr[2],
               addr->addr[3], addr->addr[4], addr->addr[5]);
    return str;
}

bool
virMacAddrIsMulticast(const virMacAddr *addr)
{
    return addr->addr[0] & 1;
}


/* ======== PCI addresses ======== */

int
virPCIDeviceAddressParseXML(xmlNodePtr node, virPCIDeviceAddress *addr)
{
    memset(addr, 0, sizeof(*addr));
    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE, &addr->domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE, &addr->slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE, &addr->function) < 0 ||
        virXMLPropTristateSwitch(node, "multifunction", VIR_XML_PROP_NONE,
                                 &addr->multi) < 0)
        return -1;

    /* all zero is "no address"; otherwise each part must fit */
    if (!(addr->domain || addr->bus || addr->slot))
        return 0;
    if (addr->bus > 0xff) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address bus='0x%x', must be <= 0xFF",
                       addr->bus);
        return -1;
    }
    if (addr->slot > 0x1f) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address slot='0x%x', must be <= 0x1F",
                       addr->slot);
        return -1;
    }
    if (addr->function > 7) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address function=0x%x, must be <= 7",
                       addr->function);
        return -1;
    }
    return 0;
}

void
virPCIDeviceAddressFormat(virBuffer *buf, virPCIDeviceAddress addr,
                          bool includeTypeInAddr)
{
    virBufferAsprintf(buf,
                      "<address %sdomain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%d'/>\n",
                      includeTypeInAddr ? "type='pci' " : "",
                      addr.domain, addr.bus, addr.slot, addr.function);
}

bool
virPCIDeviceAddressEqual(const virPCIDeviceAddress *addr1,
                         const virPCIDeviceAddress *addr2)
{
    return addr1->domain == addr2->domain && addr1->bus == addr2->bus &&
           addr1->slot == addr2->slot && addr1->function == addr2->function;
}


/* ======== <route> ======== */

void
virNetDevIPRouteFree(virNetDevIPRoute *def)
{
    if (!def)
        return;
    g_free(def->family);
    g_free(def);
}

/* The family rules of a route: @address, @netmask (may be NULL) and
 * @gateway are the attribute texts, for the messages. */
static int
virNetDevIPRouteCheckFamily(const char *errorDetail, virNetDevIPRoute *def,
                            const char *address, const char *netmask,
                            const char *gateway)
{
    const char *family = def->family;

    if (!family || STREQ(family, "ipv4")) {
        const char *what = family ? "IPv4 family" : "No family";

        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: %s specified for non-IPv4 address '%s' in route definition",
                           errorDetail, what, address);
            return -1;
        }
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->gateway, AF_INET)) {
            /* libvirt names the address here, not the gateway */
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: %s specified for non-IPv4 gateway '%s' in route definition",
                           errorDetail, what, address);
            return -1;
        }
        if (netmask) {
            if (virSocketAddrParse(&def->netmask, netmask, AF_UNSPEC) < 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "%s: Bad netmask address '%s' in route definition",
                               errorDetail, netmask);
                return -1;
            }
            if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->netmask, AF_INET)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "%s: Invalid netmask '%s' for address '%s' (both must be IPv4)",
                               errorDetail, netmask, address);
                return -1;
            }
            if (def->has_prefix) {
                virReportError(VIR_ERR_XML_ERROR,
                               "%s: Route definition cannot have both a prefix and a netmask",
                               errorDetail);
                return -1;
            }
        }
        if (def->prefix > 32) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Invalid prefix %u specified in route definition, must be 0 - 32",
                           errorDetail, def->prefix);
            return -1;
        }
    } else if (STREQ(family, "ipv6")) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET6)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: ipv6 family specified for non-IPv6 address '%s' in route definition",
                           errorDetail, address);
            return -1;
        }
        if (netmask) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Specifying netmask invalid for IPv6 address '%s' in route definition",
                           errorDetail, address);
            return -1;
        }
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->gateway, AF_INET6)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: ipv6 specified for non-IPv6 gateway address '%s' in route definition",
                           errorDetail, gateway);
            return -1;
        }
        if (def->prefix > 128) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Invalid prefix %u specified in route definition, must be 0 - 128",
                           errorDetail, def->prefix);
            return -1;
        }
    } else {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Unrecognized family '%s' in route definition",
                       errorDetail, family);
        return -1;
    }
    return 0;
}

virNetDevIPRoute *
virNetDevIPRouteParseXML(const char *errorDetail, xmlNodePtr node)
{
    g_autoptr(virNetDevIPRoute) def = g_new0(virNetDevIPRoute, 1);
    g_autofree char *address = virXMLPropString(node, "address");
    g_autofree char *netmask = virXMLPropString(node, "netmask");
    g_autofree char *gateway = virXMLPropString(node, "gateway");
    virSocketAddr testAddr;
    int rc;

    def->family = virXMLPropString(node, "family");
    if ((rc = virXMLPropUInt(node, "prefix", 10, VIR_XML_PROP_NONE,
                             &def->prefix)) < 0)
        return NULL;
    def->has_prefix = rc == 1;
    if ((rc = virXMLPropUInt(node, "metric", 10, VIR_XML_PROP_NONZERO,
                             &def->metric)) < 0)
        return NULL;
    def->has_metric = rc == 1;

    if (!address) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Missing required address attribute in route definition",
                       errorDetail);
        return NULL;
    }
    if (!gateway) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Missing required gateway attribute in route definition",
                       errorDetail);
        return NULL;
    }
    if (virSocketAddrParse(&def->address, address, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Bad network address '%s' in route definition",
                       errorDetail, address);
        return NULL;
    }
    if (virSocketAddrParse(&def->gateway, gateway, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Bad gateway address '%s' in route definition",
                       errorDetail, gateway);
        return NULL;
    }
    if (virNetDevIPRouteCheckFamily(errorDetail, def, address, netmask,
                                    gateway) < 0)
        return NULL;

    /* the address must be a network address */
    if (netmask)
        virSocketAddrMask(&def->address, &def->netmask, &testAddr);
    else
        virSocketAddrMaskByPrefix(&def->address, def->prefix, &testAddr);
    if (!virSocketAddrEqual(&def->address, &testAddr)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Address '%s' in route definition is not a network address",
                       errorDetail, address);
        return NULL;
    }
    return g_steal_pointer(&def);
}

int
virNetDevIPRouteFormat(virBuffer *buf, const virNetDevIPRoute *def)
{
    g_autofree char *address = NULL;
    g_autofree char *gateway = NULL;

    if (!(address = virSocketAddrFormat(&def->address)) ||
        !(gateway = virSocketAddrFormat(&def->gateway)))
        return -1;

    virBufferAddLit(buf, "<route");
    virBufferEscapeString(buf, " family='%s'", def->family);
    virBufferAsprintf(buf, " address='%s'", address);
    if (VIR_SOCKET_ADDR_VALID(&def->netmask)) {
        g_autofree char *netmask = virSocketAddrFormat(&def->netmask);

        if (!netmask)
            return -1;
        virBufferAsprintf(buf, " netmask='%s'", netmask);
    }
    if (def->has_prefix)
        virBufferAsprintf(buf, " prefix='%u'", def->prefix);
    virBufferAsprintf(buf, " gateway='%s'", gateway);
    if (def->has_metric && def->metric > 0)
        virBufferAsprintf(buf, " metric='%u'", def->metric);
    virBufferAddLit(buf, "/>\n");
    return 0;
}


/* ======== <ip> with <dhcp> and <tftp> ======== */

static void
virNetworkDHCPHostDefClear(virNetworkDHCPHostDef *def)
{
    g_free(def->mac);
    g_free(def->id);
    g_free(def->name);
    g_free(def->lease);
    memset(def, 0, sizeof(*def));
}

static void
virNetworkIPDefClear(virNetworkIPDef *def)
{
    size_t i;

    g_free(def->family);
    for (i = 0; i < def->nranges; i++)
        g_free(def->ranges[i].lease);
    g_free(def->ranges);
    for (i = 0; i < def->nhosts; i++)
        virNetworkDHCPHostDefClear(&def->hosts[i]);
    g_free(def->hosts);
    g_free(def->tftproot);
    g_free(def->bootfile);
    memset(def, 0, sizeof(*def));
}

int
virNetworkIPDefPrefix(const virNetworkIPDef *def)
{
    return virSocketAddrGetIPPrefix(&def->address, &def->netmask, def->prefix);
}

int
virNetworkIPDefNetmask(const virNetworkIPDef *def, virSocketAddr *netmask)
{
    if (VIR_SOCKET_ADDR_IS_FAMILY(&def->netmask, AF_INET)) {
        *netmask = def->netmask;
        return 0;
    }
    return virSocketAddrPrefixToNetmask(virNetworkIPDefPrefix(def), netmask,
                                        VIR_SOCKET_ADDR_FAMILY(&def->address));
}

/* <lease expiry='N' [unit='seconds|minutes|hours']/> of a range or host:
 * the last one counts. */
static int
virNetworkDHCPLeaseTimeDefParseXML(xmlNodePtr parent,
                                   virNetworkDHCPLeaseTimeDef **lease)
{
    xmlNodePtr node;

    for (node = parent->children; node; node = node->next) {
        unsigned long long expiry;
        unsigned int unit;
        int rc;

        if (node->type != XML_ELEMENT_NODE || !virXMLNodeNameEqual(node, "lease"))
            continue;
        if ((rc = virXMLPropULongLong(node, "expiry", 0, VIR_XML_PROP_NONE,
                                      &expiry)) < 0)
            return -1;
        if (rc == 0)
            continue;
        if (virXMLPropEnumDefault(node, "unit",
                                  virNetworkDHCPLeaseTimeUnitTypeFromString,
                                  VIR_XML_PROP_NONE, &unit,
                                  VIR_NETWORK_DHCP_LEASETIME_UNIT_MINUTES) < 0)
            return -1;
        /* dnsmasq's minimum is two minutes; 0 means infinite */
        if (expiry > 0 &&
            ((unit == VIR_NETWORK_DHCP_LEASETIME_UNIT_SECONDS && expiry < 120) ||
             (unit == VIR_NETWORK_DHCP_LEASETIME_UNIT_MINUTES && expiry < 2))) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "The minimum lease time should be greater than 2 minutes");
            return -1;
        }
        g_free(*lease);
        *lease = g_new0(virNetworkDHCPLeaseTimeDef, 1);
        (*lease)->expiry = expiry;
        (*lease)->unit = unit;
    }
    return 0;
}

/* Close the element opened by the caller: "/>" or a <lease> child. */
static void
virNetworkDHCPLeaseTimeDefFormat(virBuffer *buf, const char *element,
                                 const virNetworkDHCPLeaseTimeDef *lease)
{
    if (!lease) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    if (lease->expiry == 0)
        virBufferAddLit(buf, "<lease expiry='0'/>\n");
    else
        virBufferAsprintf(buf, "<lease expiry='%llu' unit='%s'/>\n", lease->expiry,
                          virNetworkDHCPLeaseTimeUnitTypeToString(lease->unit));
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", element);
}

static int
virNetworkDHCPRangeDefParseXML(const char *networkName, virNetworkIPDef *ipdef,
                               xmlNodePtr node, virNetworkDHCPRangeDef *range)
{
    g_autofree char *start = NULL;
    g_autofree char *end = NULL;

    if (!(start = virXMLPropString(node, "start"))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing 'start' attribute in dhcp range for network '%s'",
                       networkName);
        return -1;
    }
    if (virSocketAddrParse(&range->addr.start, start, AF_UNSPEC) < 0)
        return -1;
    if (!(end = virXMLPropString(node, "end"))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing 'end' attribute in dhcp range for network '%s'",
                       networkName);
        return -1;
    }
    if (virSocketAddrParse(&range->addr.end, end, AF_UNSPEC) < 0)
        return -1;
    if (virSocketAddrGetRange(&range->addr.start, &range->addr.end,
                              &ipdef->address, virNetworkIPDefPrefix(ipdef)) < 0)
        return -1;
    return virNetworkDHCPLeaseTimeDefParseXML(node, &range->lease);
}

/* mac (IPv4 only), id (IPv6 DUID) and name, as written. */
static int
virNetworkDHCPHostDefParseIdentity(const char *networkName,
                                   virNetworkIPDef *ipdef, xmlNodePtr node,
                                   virNetworkDHCPHostDef *host)
{
    host->mac = virXMLPropString(node, "mac");
    if (host->mac) {
        virMacAddr addr;

        if (VIR_SOCKET_ADDR_IS_FAMILY(&ipdef->address, AF_INET6)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid to specify MAC address '%s' in network '%s' IPv6 static host definition",
                           host->mac, networkName);
            return -1;
        }
        if (virMacAddrParse(host->mac, &addr) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Cannot parse MAC address '%s' in network '%s'",
                           host->mac, networkName);
            return -1;
        }
        if (virMacAddrIsMulticast(&addr)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "expected unicast mac address, found multicast '%s' in network '%s'",
                           host->mac, networkName);
            return -1;
        }
    }

    host->id = virXMLPropString(node, "id");
    if (host->id) {
        const char *bad = host->id + strspn(host->id, "0123456789abcdefABCDEF:");

        if (*bad) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid character '%c' in id '%s' of network '%s'",
                           *bad, host->id, networkName);
            return -1;
        }
    }

    host->name = virXMLPropString(node, "name");
    if (host->name && !g_ascii_isalnum(host->name[0])) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Cannot use host name '%s' in network '%s'",
                       host->name, networkName);
        return -1;
    }
    return 0;
}

static int
virNetworkDHCPHostDefParseXML(const char *networkName, virNetworkIPDef *ipdef,
                              xmlNodePtr node, virNetworkDHCPHostDef *host)
{
    g_autofree char *ip = NULL;

    if (virNetworkDHCPHostDefParseIdentity(networkName, ipdef, node, host) < 0)
        return -1;

    ip = virXMLPropString(node, "ip");
    if (ip && virSocketAddrParse(&host->ip, ip, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid IP address in static host definition for network '%s'",
                       networkName);
        return -1;
    }
    if (VIR_SOCKET_ADDR_IS_FAMILY(&ipdef->address, AF_INET6)) {
        if (!host->id && !host->name) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Static host definition in IPv6 network '%s' must have id or name attribute",
                           networkName);
            return -1;
        }
    } else if (!host->mac && !host->name) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Static host definition in IPv4 network '%s' must have mac or name attribute",
                       networkName);
        return -1;
    }
    if (!ip) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing IP address in static host definition for network '%s'",
                       networkName);
        return -1;
    }
    return virNetworkDHCPLeaseTimeDefParseXML(node, &host->lease);
}

/* <bootp file= [server=]/>: IPv4 only, the last one with a file counts. */
static int
virNetworkDHCPBootpParseXML(xmlNodePtr node, virNetworkIPDef *def)
{
    g_autofree char *file = virXMLPropString(node, "file");
    g_autofree char *server = NULL;
    virSocketAddr inaddr = { 0 };

    if (!file)
        return 0;
    server = virXMLPropString(node, "server");
    if (server && virSocketAddrParse(&inaddr, server, AF_UNSPEC) < 0)
        return -1;
    g_free(def->bootfile);
    def->bootfile = g_steal_pointer(&file);
    def->bootserver = inaddr;
    return 0;
}

static int
virNetworkDHCPDefParseXML(const char *networkName, xmlNodePtr node,
                          virNetworkIPDef *def)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (virXMLNodeNameEqual(cur, "range")) {
            virNetworkDHCPRangeDef range = { 0 };

            if (virNetworkDHCPRangeDefParseXML(networkName, def, cur, &range) < 0) {
                g_free(range.lease);
                return -1;
            }
            def->ranges = g_renew(virNetworkDHCPRangeDef, def->ranges, def->nranges + 1);
            def->ranges[def->nranges++] = range;
        } else if (virXMLNodeNameEqual(cur, "host")) {
            virNetworkDHCPHostDef host = { 0 };

            if (virNetworkDHCPHostDefParseXML(networkName, def, cur, &host) < 0) {
                virNetworkDHCPHostDefClear(&host);
                return -1;
            }
            def->hosts = g_renew(virNetworkDHCPHostDef, def->hosts, def->nhosts + 1);
            def->hosts[def->nhosts++] = host;
        } else if (virXMLNodeNameEqual(cur, "bootp") &&
                   VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            if (virNetworkDHCPBootpParseXML(cur, def) < 0)
                return -1;
        }
    }
    return 0;
}

/* The family rules of an <ip>; @address and @netmask are the texts. */
static int
virNetworkIPDefCheckFamily(const char *networkName, const virNetworkIPDef *def,
                           const char *address, const char *netmask)
{
    if (!def->family || STREQ(def->family, "ipv4")) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "%s family specified for non-IPv4 address '%s' in network '%s'",
                           def->family ? "ipv4" : "no", address, networkName);
            return -1;
        }
        if (netmask) {
            if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->netmask, AF_INET)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Invalid netmask '%s' for address '%s' in network '%s' (both must be IPv4)",
                               netmask, address, networkName);
                return -1;
            }
            if (def->prefix > 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Network '%s' IP address cannot have both a prefix and a netmask",
                               networkName);
                return -1;
            }
        } else if (def->prefix > 32) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid IPv4 prefix '%u' in network '%s'",
                           def->prefix, networkName);
            return -1;
        }
    } else if (STREQ(def->family, "ipv6")) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET6)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Family 'ipv6' specified for non-IPv6 address '%s' in network '%s'",
                           address, networkName);
            return -1;
        }
        if (netmask) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "netmask not allowed for IPv6 address '%s' in network '%s'",
                           address, networkName);
            return -1;
        }
        if (def->prefix > 128) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid IPv6 prefix '%u' in network '%s'",
                           def->prefix, networkName);
            return -1;
        }
    } else {
        virReportError(VIR_ERR_XML_ERROR,
                       "Unrecognized family '%s' in network '%s'",
                       def->family, networkName);
        return -1;
    }
    return 0;
}

/* Fill @def, part of an array; on failure it is cleared. */
static int
virNetworkIPDefParseXML(const char *networkName, xmlNodePtr node,
                        xmlXPathContextPtr ctxt, virNetworkIPDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *address = NULL;
    g_autofree char *netmask = NULL;
    xmlNodePtr dhcp;

    ctxt->node = node;
    def->family = virXPathString("./@family", ctxt);
    if (!(address = virXPathString("./@address", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing required address attribute in network '%s'",
                       networkName);
        goto error;
    }
    if (virSocketAddrParse(&def->address, address, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid address '%s' in network '%s'",
                       address, networkName);
        goto error;
    }
    netmask = virXPathString("./@netmask", ctxt);
    if (netmask && virSocketAddrParse(&def->netmask, netmask, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid netmask '%s' in network '%s'",
                       netmask, networkName);
        goto error;
    }
    if (virXMLPropUInt(node, "prefix", 10, VIR_XML_PROP_NONE, &def->prefix) < 0 ||
        virXMLPropTristateBool(node, "localPtr", VIR_XML_PROP_NONE,
                               &def->localPTR) < 0 ||
        virNetworkIPDefCheckFamily(networkName, def, address, netmask) < 0)
        goto error;

    if ((dhcp = virXPathNode("./dhcp[1]", ctxt)) &&
        virNetworkDHCPDefParseXML(networkName, dhcp, def) < 0)
        goto error;
    if (virXPathNode("./tftp[1]", ctxt)) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unsupported <tftp> element in an IPv6 element in network '%s'",
                           networkName);
            goto error;
        }
        def->tftproot = virXPathString("./tftp[1]/@root", ctxt);
    }
    return 0;

 error:
    virNetworkIPDefClear(def);
    return -1;
}

/* " name='addr'" if @addr is set. */
static int
virNetworkFormatAddrAttr(virBuffer *buf, const char *name,
                         const virSocketAddr *addr)
{
    g_autofree char *str = NULL;

    if (!VIR_SOCKET_ADDR_VALID(addr))
        return 0;
    if (!(str = virSocketAddrFormat(addr)))
        return -1;
    virBufferAsprintf(buf, " %s='%s'", name, str);
    return 0;
}

static int
virNetworkDHCPDefFormat(virBuffer *buf, const virNetworkIPDef *def)
{
    size_t i;

    virBufferAddLit(buf, "<dhcp>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < def->nranges; i++) {
        const virNetworkDHCPRangeDef *range = &def->ranges[i];

        virBufferAddLit(buf, "<range");
        if (virNetworkFormatAddrAttr(buf, "start", &range->addr.start) < 0 ||
            virNetworkFormatAddrAttr(buf, "end", &range->addr.end) < 0)
            return -1;
        virNetworkDHCPLeaseTimeDefFormat(buf, "range", range->lease);
    }
    for (i = 0; i < def->nhosts; i++) {
        const virNetworkDHCPHostDef *host = &def->hosts[i];

        virBufferAddLit(buf, "<host");
        virBufferEscapeString(buf, " mac='%s'", host->mac);
        virBufferEscapeString(buf, " id='%s'", host->id);
        virBufferEscapeString(buf, " name='%s'", host->name);
        if (virNetworkFormatAddrAttr(buf, "ip", &host->ip) < 0)
            return -1;
        virNetworkDHCPLeaseTimeDefFormat(buf, "host", host->lease);
    }
    if (def->bootfile) {
        virBufferEscapeString(buf, "<bootp file='%s'", def->bootfile);
        if (virNetworkFormatAddrAttr(buf, "server", &def->bootserver) < 0)
            return -1;
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</dhcp>\n");
    return 0;
}

static int
virNetworkIPDefFormat(virBuffer *buf, const virNetworkIPDef *def)
{
    virBufferAddLit(buf, "<ip");
    virBufferEscapeString(buf, " family='%s'", def->family);
    if (virNetworkFormatAddrAttr(buf, "address", &def->address) < 0 ||
        virNetworkFormatAddrAttr(buf, "netmask", &def->netmask) < 0)
        return -1;
    if (def->prefix > 0)
        virBufferAsprintf(buf, " prefix='%u'", def->prefix);
    if (def->localPTR)
        virBufferAsprintf(buf, " localPtr='%s'",
                          virTristateBoolTypeToString(def->localPTR));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<tftp root='%s'/>\n", def->tftproot);
    if ((def->nranges || def->nhosts) && virNetworkDHCPDefFormat(buf, def) < 0)
        return -1;
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</ip>\n");
    return 0;
}


/* ======== <dns> ======== */

/* Limit of an SRV record minus overhead (RFC 2782). */
#define DNS_RECORD_LENGTH_SRV (512 - 30)

/* Characters of /etc/services and /etc/protocols names, without '.'
 * (the SRV record's field separator). */
#define PROTOCOL_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+/"
#define SERVICE_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*"

static void
virNetworkDNSDefClear(virNetworkDNSDef *def)
{
    size_t i;

    for (i = 0; i < def->nfwds; i++)
        g_free(def->forwarders[i].domain);
    g_free(def->forwarders);
    for (i = 0; i < def->ntxts; i++) {
        g_free(def->txts[i].name);
        g_free(def->txts[i].value);
    }
    g_free(def->txts);
    for (i = 0; i < def->nhosts; i++) {
        size_t j;

        for (j = 0; j < def->hosts[i].nnames; j++)
            g_free(def->hosts[i].names[j]);
        g_free(def->hosts[i].names);
    }
    g_free(def->hosts);
    for (i = 0; i < def->nsrvs; i++) {
        g_free(def->srvs[i].domain);
        g_free(def->srvs[i].service);
        g_free(def->srvs[i].protocol);
        g_free(def->srvs[i].target);
    }
    g_free(def->srvs);
    memset(def, 0, sizeof(*def));
}

static int
virNetworkDNSForwarderParseXML(const char *networkName, xmlNodePtr node,
                               virNetworkDNSForwarder *def)
{
    g_autofree char *addr = virXMLPropString(node, "addr");

    if (addr && virSocketAddrParse(&def->addr, addr, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid forwarder IP address '%s' in network '%s'",
                       addr, networkName);
        return -1;
    }
    def->domain = virXMLPropString(node, "domain");
    if (!addr && !def->domain) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Invalid forwarder element, must contain at least one of addr or domain");
        return -1;
    }
    return 0;
}

static int
virNetworkDNSHostDefParseXML(const char *networkName, xmlNodePtr node,
                             virNetworkDNSHostDef *def)
{
    g_autofree char *ip = NULL;
    xmlNodePtr cur;

    if (!(ip = virXMLPropString(node, "ip"))) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing IP address in network '%s' DNS HOST record",
                       networkName);
        return -1;
    }
    if (virSocketAddrParse(&def->ip, ip, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Invalid IP address in network '%s' DNS HOST record",
                       networkName);
        return -1;
    }
    for (cur = node->children; cur; cur = cur->next) {
        g_autofree char *name = NULL;

        if (cur->type != XML_ELEMENT_NODE || !virXMLNodeNameEqual(cur, "hostname") ||
            !cur->children)
            continue;
        if (!(name = virXMLNodeContentString(cur)))
            return -1;
        if (!name[0])
            break;
        def->names = g_renew(char *, def->names, def->nnames + 1);
        def->names[def->nnames++] = g_steal_pointer(&name);
    }
    if (cur || def->nnames == 0) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing hostname in network '%s' DNS HOST record",
                       networkName);
        return -1;
    }
    return 0;
}

/* port, priority and weight of an SRV record: valid only with a target,
 * and at most 65535 (port at least 1). */
static int
virNetworkDNSSrvDefParseNumbers(const char *networkName,
                                xmlXPathContextPtr ctxt,
                                virNetworkDNSSrvDef *def)
{
    const struct {
        const char *attr;
        unsigned int *value;
        unsigned int min;
        const char *invalid;    /* libvirt's capitalisation varies */
    } numbers[] = {
        { "port", &def->port, 1, "invalid" },
        { "priority", &def->priority, 0, "Invalid" },
        { "weight", &def->weight, 0, "invalid" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(numbers); i++) {
        g_autofree char *xpath = g_strdup_printf("./@%s", numbers[i].attr);
        int rc = virXPathUInt(xpath, ctxt, numbers[i].value);

        if (rc >= 0 && !def->target) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "DNS SRV %s attribute not permitted without target for service '%s' in network '%s'",
                           numbers[i].attr, def->service, networkName);
            return -1;
        }
        if (rc == -2 || (rc >= 0 && (*numbers[i].value < numbers[i].min ||
                                     *numbers[i].value > 65535))) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "%s DNS SRV %s attribute for service '%s' in network '%s'",
                           numbers[i].invalid, numbers[i].attr, def->service,
                           networkName);
            return -1;
        }
    }
    return 0;
}

static int
virNetworkDNSSrvDefParseXML(const char *networkName, xmlNodePtr node,
                            xmlXPathContextPtr ctxt, virNetworkDNSSrvDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);

    ctxt->node = node;
    if (!(def->service = virXMLPropString(node, "service"))) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required service attribute in DNS SRV record of network '%s'",
                       networkName);
        return -1;
    }
    if (strlen(def->service) > DNS_RECORD_LENGTH_SRV) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "service attribute '%s' in network '%s' is too long, limit is %d bytes",
                       def->service, networkName, DNS_RECORD_LENGTH_SRV);
        return -1;
    }
    if (strspn(def->service, SERVICE_CHARS) < strlen(def->service)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "invalid character in service attribute '%s' in DNS SRV record of network '%s'",
                       def->service, networkName);
        return -1;
    }
    if (!(def->protocol = virXMLPropString(node, "protocol"))) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required protocol attribute in DNS SRV record '%s' of network '%s'",
                       def->service, networkName);
        return -1;
    }
    if (strspn(def->protocol, PROTOCOL_CHARS) < strlen(def->protocol)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "invalid character in protocol attribute '%s' in DNS SRV record of network '%s'",
                       def->protocol, networkName);
        return -1;
    }
    def->domain = virXMLPropString(node, "domain");
    def->target = virXMLPropString(node, "target");
    return virNetworkDNSSrvDefParseNumbers(networkName, ctxt, def);
}

static int
virNetworkDNSTxtDefParseXML(const char *networkName, xmlNodePtr node,
                            virNetworkDNSTxtDef *def)
{
    if (!(def->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required name attribute in DNS TXT record of network %s",
                       networkName);
        return -1;
    }
    if (strcspn(def->name, " ,") != strlen(def->name)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "prohibited character in DNS TXT record name '%s' of network %s",
                       def->name, networkName);
        return -1;
    }
    if (!(def->value = virXMLPropString(node, "value"))) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required value attribute in DNS TXT record named '%s' of network %s",
                       def->name, networkName);
        return -1;
    }
    return 0;
}

/* The <dns> children called @element; their count, or -1. */
static int
virNetworkDNSChildNodes(const char *networkName, xmlXPathContextPtr ctxt,
                        const char *element, xmlNodePtr **nodes)
{
    g_autofree char *xpath = g_strdup_printf("./%s", element);
    int n = virXPathNodeSet(xpath, ctxt, nodes);

    if (n < 0)
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid <%s> element found in <dns> of network %s",
                       element, networkName);
    return n;
}

/* Fill @def; on failure it is cleared.  Entries are counted before they
 * are parsed, so a half-filled one is freed too. */
static int
virNetworkDNSDefParseXML(const char *networkName, xmlNodePtr node,
                         xmlXPathContextPtr ctxt, virNetworkDNSDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *fwdNodes = NULL;
    g_autofree xmlNodePtr *hostNodes = NULL;
    g_autofree xmlNodePtr *srvNodes = NULL;
    g_autofree xmlNodePtr *txtNodes = NULL;
    int nfwds, nhosts, nsrvs, ntxts;
    int i;

    ctxt->node = node;
    if (virXMLPropTristateBool(node, "enable", VIR_XML_PROP_NONE, &def->enable) < 0 ||
        virXMLPropTristateBool(node, "forwardPlainNames", VIR_XML_PROP_NONE,
                               &def->forwardPlainNames) < 0)
        goto error;

    if ((nfwds = virNetworkDNSChildNodes(networkName, ctxt, "forwarder", &fwdNodes)) < 0)
        goto error;
    def->forwarders = g_new0(virNetworkDNSForwarder, nfwds);
    for (i = 0; i < nfwds; i++) {
        def->nfwds++;
        if (virNetworkDNSForwarderParseXML(networkName, fwdNodes[i],
                                           &def->forwarders[i]) < 0)
            goto error;
    }

    if ((nhosts = virNetworkDNSChildNodes(networkName, ctxt, "host", &hostNodes)) < 0)
        goto error;
    def->hosts = g_new0(virNetworkDNSHostDef, nhosts);
    for (i = 0; i < nhosts; i++) {
        def->nhosts++;
        if (virNetworkDNSHostDefParseXML(networkName, hostNodes[i], &def->hosts[i]) < 0)
            goto error;
    }

    if ((nsrvs = virNetworkDNSChildNodes(networkName, ctxt, "srv", &srvNodes)) < 0)
        goto error;
    def->srvs = g_new0(virNetworkDNSSrvDef, nsrvs);
    for (i = 0; i < nsrvs; i++) {
        def->nsrvs++;
        if (virNetworkDNSSrvDefParseXML(networkName, srvNodes[i], ctxt,
                                        &def->srvs[i]) < 0)
            goto error;
    }

    if ((ntxts = virNetworkDNSChildNodes(networkName, ctxt, "txt", &txtNodes)) < 0)
        goto error;
    def->txts = g_new0(virNetworkDNSTxtDef, ntxts);
    for (i = 0; i < ntxts; i++) {
        def->ntxts++;
        if (virNetworkDNSTxtDefParseXML(networkName, txtNodes[i], &def->txts[i]) < 0)
            goto error;
    }

    if (def->enable == VIR_TRISTATE_BOOL_NO && (nfwds || nhosts || nsrvs || ntxts)) {
        virReportError(VIR_ERR_XML_ERROR, "Extra data in disabled network '%s'",
                       networkName);
        goto error;
    }
    return 0;

 error:
    virNetworkDNSDefClear(def);
    return -1;
}

static int
virNetworkDNSDefFormat(virBuffer *buf, const virNetworkDNSDef *def)
{
    size_t i, j;

    if (!(def->enable || def->forwardPlainNames || def->nfwds || def->nhosts ||
          def->nsrvs || def->ntxts))
        return 0;

    virBufferAddLit(buf, "<dns");
    if (def->enable)
        virBufferAsprintf(buf, " enable='%s'",
                          virTristateBoolTypeToString(def->enable));
    if (def->forwardPlainNames)
        virBufferAsprintf(buf, " forwardPlainNames='%s'",
                          virTristateBoolTypeToString(def->forwardPlainNames));
    if (!(def->nfwds || def->nhosts || def->nsrvs || def->ntxts)) {
        virBufferAddLit(buf, "/>\n");
        return 0;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    for (i = 0; i < def->nfwds; i++) {
        virBufferAddLit(buf, "<forwarder");
        virBufferEscapeString(buf, " domain='%s'", def->forwarders[i].domain);
        if (virNetworkFormatAddrAttr(buf, "addr", &def->forwarders[i].addr) < 0)
            return -1;
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < def->ntxts; i++) {
        virBufferEscapeString(buf, "<txt name='%s' ", def->txts[i].name);
        virBufferEscapeString(buf, "value='%s'/>\n", def->txts[i].value);
    }
    for (i = 0; i < def->nsrvs; i++) {
        const virNetworkDNSSrvDef *srv = &def->srvs[i];

        virBufferEscapeString(buf, "<srv service='%s' ", srv->service);
        virBufferEscapeString(buf, "protocol='%s'", srv->protocol);
        virBufferEscapeString(buf, " domain='%s'", srv->domain);
        virBufferEscapeString(buf, " target='%s'", srv->target);
        if (srv->port)
            virBufferAsprintf(buf, " port='%u'", srv->port);
        if (srv->priority)
            virBufferAsprintf(buf, " priority='%u'", srv->priority);
        if (srv->weight)
            virBufferAsprintf(buf, " weight='%u'", srv->weight);
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < def->nhosts; i++) {
        g_autofree char *ip = virSocketAddrFormat(&def->hosts[i].ip);

        if (!ip)
            return -1;
        virBufferAsprintf(buf, "<host ip='%s'>\n", ip);
        virBufferAdjustIndent(buf, 2);
        for (j = 0; j < def->hosts[i].nnames; j++)
            virBufferEscapeString(buf, "<hostname>%s</hostname>\n",
                                  def->hosts[i].names[j]);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</host>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</dns>\n");
    return 0;
}


/* ======== <forward> ======== */

static void
virNetworkForwardDefClear(virNetworkForwardDef *def)
{
    size_t i;

    for (i = 0; i < def->npfs; i++)
        g_free(def->pfs[i].dev);
    g_free(def->pfs);
    for (i = 0; i < def->nifs; i++) {
        if (def->ifs[i].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV)
            g_free(def->ifs[i].device.dev);
    }
    g_free(def->ifs);
    memset(def, 0, sizeof(*def));
}

/* <nat><address start= end=/><port start= end=/></nat>: SNAT addresses
 * and ports, at most one of each. */
static int
virNetworkForwardNatAddrParseXML(const char *networkName, xmlNodePtr node,
                                 virNetworkForwardDef *def)
{
    g_autofree char *start = virXMLPropString(node, "start");
    g_autofree char *end = NULL;

    if (!start) {
        virReportError(VIR_ERR_XML_ERROR,
                       "missing 'start' attribute in <address> element in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (!(end = virXMLPropString(node, "end"))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "missing 'end' attribute in <address> element in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (virSocketAddrParse(&def->addr.start, start, AF_INET) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Bad ipv4 start address '%s' in <nat> in <forward> in network '%s'",
                       start, networkName);
        return -1;
    }
    if (virSocketAddrParse(&def->addr.end, end, AF_INET) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Bad ipv4 end address '%s' in <nat> in <forward> in network '%s'",
                       end, networkName);
        return -1;
    }
    return virSocketAddrGetRange(&def->addr.start, &def->addr.end, NULL, 0) < 0 ? -1 : 0;
}

static int
virNetworkForwardNatDefParseXML(const char *networkName, xmlNodePtr node,
                                xmlXPathContextPtr ctxt, virNetworkForwardDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *addrNodes = NULL;
    int nAddrs, nPorts;

    ctxt->node = node;
    if (def->type != VIR_NETWORK_FORWARD_NAT) {
        virReportError(VIR_ERR_XML_ERROR,
                       "The <nat> element can only be used when <forward> 'mode' is 'nat' in network %s",
                       networkName);
        return -1;
    }
    if (virXMLPropTristateBool(node, "ipv6", VIR_XML_PROP_NONE, &def->natIPv6) < 0)
        return -1;

    if ((nAddrs = virXPathNodeSet("./address", ctxt, &addrNodes)) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid <address> element found in <forward> of network %s",
                       networkName);
        return -1;
    }
    if (nAddrs > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <address> element is allowed in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (nAddrs == 1 &&
        virNetworkForwardNatAddrParseXML(networkName, addrNodes[0], def) < 0)
        return -1;

    if ((nPorts = virXPathNodeSet("./port", ctxt, NULL)) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid <port> element found in <forward> of network %s",
                       networkName);
        return -1;
    }
    if (nPorts > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <port> element is allowed in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (nPorts == 0)
        return 0;
    if (virXPathUInt("./port[1]/@start", ctxt, &def->port.start) < 0 ||
        def->port.start > 65535) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing or invalid 'start' attribute in <port> in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (virXPathUInt("./port[1]/@end", ctxt, &def->port.end) < 0 ||
        def->port.end > 65535 || def->port.end < def->port.start) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing or invalid 'end' attribute in <port> in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    return 0;
}

/* <interface dev=/> pool, with <forward dev=> standing for the first. */
static int
virNetworkForwardIfsParseXML(const char *networkName, xmlNodePtr *nodes,
                             int n, char *forwardDev, virNetworkForwardDef *def)
{
    int i;
    int j;

    def->ifs = g_new0(virNetworkForwardIfDef, MAX(n, 1));
    if (forwardDev) {
        def->ifs[0].type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV;
        def->ifs[0].device.dev = forwardDev;
        def->nifs++;
    }
    for (i = 0; i < n; i++) {
        g_autofree char *dev = virXMLPropString(nodes[i], "dev");

        if (!dev) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Missing required dev attribute in <forward> <interface> element of network %s",
                           networkName);
            return -1;
        }
        if (i == 0 && def->nifs == 1) {
            if (STRNEQ(dev, def->ifs[0].device.dev)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "<forward dev='%s'> must match first <interface dev='%s'/> in network %s",
                               def->ifs[0].device.dev, dev, networkName);
                return -1;
            }
            continue;
        }
        for (j = 0; j < i; j++) {
            if (STREQ_NULLABLE(def->ifs[j].device.dev, dev)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "interface '%s' can only be listed once in network %s",
                               dev, networkName);
                return -1;
            }
        }
        def->ifs[i].type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV;
        def->ifs[i].device.dev = g_steal_pointer(&dev);
        def->nifs++;
    }
    return 0;
}

/* <address type='pci' .../> pool of a hostdev network. */
static int
virNetworkForwardAddrsParseXML(const char *networkName, xmlNodePtr *nodes,
                               int n, virNetworkForwardDef *def)
{
    int i;
    int j;

    def->ifs = g_new0(virNetworkForwardIfDef, n);
    for (i = 0; i < n; i++) {
        g_autofree char *type = virXMLPropString(nodes[i], "type");
        virPCIDeviceAddress *addr = &def->ifs[i].device.pci;
        int devtype;

        if (!type) {
            virReportError(VIR_ERR_XML_ERROR, "missing address type in network %s",
                           networkName);
            return -1;
        }
        if ((devtype = virNetworkForwardHostdevDeviceTypeFromString(type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown address type '%s' in network %s", type, networkName);
            return -1;
        }
        if (devtype != VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unsupported address type '%s' in network %s", type, networkName);
            return -1;
        }
        def->ifs[i].type = devtype;
        if (virPCIDeviceAddressParseXML(nodes[i], addr) < 0)
            return -1;
        for (j = 0; j < i; j++) {
            if (virPCIDeviceAddressEqual(addr, &def->ifs[j].device.pci)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "PCI device '%04x:%02x:%02x.%x' can only be listed once in network %s",
                               addr->domain, addr->bus, addr->slot, addr->function,
                               networkName);
                return -1;
            }
        }
        def->nifs++;
    }
    return 0;
}

static int
virNetworkForwardPfParseXML(const char *networkName, xmlNodePtr node,
                            virNetworkForwardDef *def)
{
    g_autofree char *dev = virXMLPropString(node, "dev");

    if (!dev) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing required dev attribute in <pf> element of network '%s'",
                       networkName);
        return -1;
    }
    def->pfs = g_new0(virNetworkForwardPfDef, 1);
    def->pfs[0].dev = g_steal_pointer(&dev);
    def->npfs = 1;
    return 0;
}

/* The child nodes called @name of the context node; count or -1. */
static int
virNetworkForwardChildNodes(const char *networkName, xmlXPathContextPtr ctxt,
                            const char *name, xmlNodePtr **nodes)
{
    g_autofree char *xpath = g_strdup_printf("./%s", name);
    int n = virXPathNodeSet(xpath, ctxt, nodes);

    if (n < 0)
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid <%s> element found in <forward> of network %s",
                       name, networkName);
    return n;
}

static int
virNetworkForwardModeParseXML(xmlXPathContextPtr ctxt, virNetworkForwardDef *def,
                              const char *networkName)
{
    g_autofree char *mode = virXPathString("./@mode", ctxt);
    g_autofree char *managed = virXPathString("./@managed", ctxt);
    g_autofree char *driver = virXPathString("./driver/@name", ctxt);
    int val;

    def->type = VIR_NETWORK_FORWARD_NAT;
    if (mode && (val = virNetworkForwardTypeFromString(mode)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown forwarding type '%s'", mode);
        return -1;
    }
    if (mode)
        def->type = val;
    def->managed = managed && g_ascii_strcasecmp(managed, "yes") == 0;
    if (driver) {
        if ((val = virNetworkForwardDriverNameTypeFromString(driver)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown forward <driver name='%s'/> in network %s",
                           driver, networkName);
            return -1;
        }
        def->driverName = val;
    }
    return 0;
}

/* Fill @def; on failure it is cleared. */
static int
virNetworkForwardDefParseXML(const char *networkName, xmlNodePtr node,
                             xmlXPathContextPtr ctxt, virNetworkForwardDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *ifNodes = NULL;
    g_autofree xmlNodePtr *addrNodes = NULL;
    g_autofree xmlNodePtr *pfNodes = NULL;
    g_autofree xmlNodePtr *natNodes = NULL;
    g_autofree char *forwardDev = NULL;
    int nIfs, nAddrs, nPfs, nNats;

    ctxt->node = node;
    if (virNetworkForwardModeParseXML(ctxt, def, networkName) < 0 ||
        (nIfs = virNetworkForwardChildNodes(networkName, ctxt, "interface", &ifNodes)) < 0 ||
        (nAddrs = virNetworkForwardChildNodes(networkName, ctxt, "address", &addrNodes)) < 0 ||
        (nPfs = virNetworkForwardChildNodes(networkName, ctxt, "pf", &pfNodes)) < 0 ||
        (nNats = virNetworkForwardChildNodes(networkName, ctxt, "nat", &natNodes)) < 0)
        goto error;
    if (nNats > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <nat> element is allowed in <forward> of network %s",
                       networkName);
        goto error;
    }
    if (nNats == 1 &&
        virNetworkForwardNatDefParseXML(networkName, natNodes[0], ctxt, def) < 0)
        goto error;

    forwardDev = virXPathString("./@dev", ctxt);
    if (forwardDev && (nAddrs > 0 || nPfs > 0)) {
        /* libvirt's message ends in a literal "%s" */
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "the <forward> 'dev' attribute cannot be used when <address> or <pf> sub-elements are present in network %s");
        goto error;
    }

    if (nIfs > 0 || forwardDev) {
        if (virNetworkForwardIfsParseXML(networkName, ifNodes, nIfs,
                                         g_steal_pointer(&forwardDev), def) < 0)
            goto error;
    } else if (nAddrs > 0) {
        if (virNetworkForwardAddrsParseXML(networkName, addrNodes, nAddrs, def) < 0)
            goto error;
    } else if (nPfs > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <pf> element is allowed in <forward> of network %s",
                       networkName);
        goto error;
    } else if (nPfs == 1) {
        if (virNetworkForwardPfParseXML(networkName, pfNodes[0], def) < 0)
            goto error;
    }
    return 0;

 error:
    virNetworkForwardDefClear(def);
    return -1;
}

static int
virNetworkForwardNatDefFormat(virBuffer *buf, const virNetworkForwardDef *fwd)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (fwd->natIPv6)
        virBufferAsprintf(&attrBuf, " ipv6='%s'",
                          virTristateBoolTypeToString(fwd->natIPv6));
    if (VIR_SOCKET_ADDR_VALID(&fwd->addr.start)) {
        virBufferAddLit(&childBuf, "<address");
        if (virNetworkFormatAddrAttr(&childBuf, "start", &fwd->addr.start) < 0 ||
            virNetworkFormatAddrAttr(&childBuf, "end", &fwd->addr.end) < 0)
            return -1;
        virBufferAddLit(&childBuf, "/>\n");
    }
    if (fwd->port.start || fwd->port.end) {
        virBufferAsprintf(&childBuf, "<port start='%u'", fwd->port.start);
        if (fwd->port.end)
            virBufferAsprintf(&childBuf, " end='%u'", fwd->port.end);
        virBufferAddLit(&childBuf, "/>\n");
    }
    virBufferFormatElement(buf, "nat", &attrBuf, &childBuf);
    return 0;
}

static void
virNetworkForwardIfsFormat(virBuffer *buf, const virNetworkForwardDef *fwd,
                           unsigned int flags)
{
    size_t i;

    for (i = 0; i < fwd->nifs; i++) {
        const virNetworkForwardIfDef *fwdif = &fwd->ifs[i];

        if (fwdif->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV) {
            virBufferEscapeString(buf, "<interface dev='%s'", fwdif->device.dev);
            if (!(flags & VIR_NETWORK_XML_INACTIVE) && fwdif->connections > 0)
                virBufferAsprintf(buf, " connections='%d'", fwdif->connections);
            virBufferAddLit(buf, "/>\n");
        } else if (fwdif->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI) {
            virPCIDeviceAddressFormat(buf, fwdif->device.pci, true);
        }
    }
}

static int
virNetworkForwardDefFormat(virBuffer *buf, const virNetworkForwardDef *fwd,
                           unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const char *dev = NULL;

    if (fwd->type == VIR_NETWORK_FORWARD_NONE)
        return 0;
    if (!fwd->npfs && fwd->nifs &&
        fwd->ifs[0].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV)
        dev = fwd->ifs[0].device.dev;
    virBufferEscapeString(&attrBuf, " dev='%s'", dev);
    virBufferAsprintf(&attrBuf, " mode='%s'", virNetworkForwardTypeToString(fwd->type));
    if (fwd->type == VIR_NETWORK_FORWARD_HOSTDEV)
        virBufferAsprintf(&attrBuf, " managed='%s'", fwd->managed ? "yes" : "no");

    if (fwd->driverName != VIR_NETWORK_FORWARD_DRIVER_NAME_DEFAULT)
        virBufferAsprintf(&childBuf, "<driver name='%s'/>\n",
                          virNetworkForwardDriverNameTypeToString(fwd->driverName));
    if (fwd->type == VIR_NETWORK_FORWARD_NAT &&
        virNetworkForwardNatDefFormat(&childBuf, fwd) < 0)
        return -1;
    /* one <pf> at most */
    if (fwd->npfs)
        virBufferEscapeString(&childBuf, "<pf dev='%s'/>\n", fwd->pfs[0].dev);
    if (!fwd->npfs || !(flags & VIR_NETWORK_XML_INACTIVE))
        virNetworkForwardIfsFormat(&childBuf, fwd, flags);

    virBufferFormatElement(buf, "forward", &attrBuf, &childBuf);
    return 0;
}


/* ======== <portgroup> and <port> ======== */

static void
virPortGroupDefClear(virPortGroupDef *def)
{
    g_free(def->name);
    g_free(def->virtPortProfile);
    virNetDevBandwidthFree(def->bandwidth);
    virNetDevVlanClear(&def->vlan);
    memset(def, 0, sizeof(*def));
}

/* Fill @def, part of an array; on failure it is cleared. */
static int
virPortGroupDefParseXML(virPortGroupDef *def, xmlNodePtr node,
                        xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *isDefault = NULL;
    xmlNodePtr child;

    ctxt->node = node;
    if (!(def->name = virXPathString("./@name", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing required name attribute in portgroup");
        goto error;
    }
    isDefault = virXPathString("./@default", ctxt);
    def->isDefault = isDefault && g_ascii_strcasecmp(isDefault, "yes") == 0;
    if (virXMLPropTristateBool(node, "trustGuestRxFilters", VIR_XML_PROP_NONE,
                               &def->trustGuestRxFilters) < 0)
        goto error;
    if ((child = virXPathNode("./virtualport", ctxt)) &&
        !(def->virtPortProfile = virNetDevVPortProfileParse(child, 0)))
        goto error;
    if ((child = virXPathNode("./bandwidth", ctxt)) &&
        virNetDevBandwidthParse(&def->bandwidth, NULL, child, false) < 0)
        goto error;
    if ((child = virXPathNode("./vlan", ctxt)) &&
        virNetDevVlanParse(child, ctxt, &def->vlan) < 0)
        goto error;
    return 0;

 error:
    virPortGroupDefClear(def);
    return -1;
}

static void
virPortGroupDefFormat(virBuffer *buf, const virPortGroupDef *def)
{
    virBufferEscapeString(buf, "<portgroup name='%s'", def->name);
    if (def->isDefault)
        virBufferAddLit(buf, " default='yes'");
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, " trustGuestRxFilters='%s'",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virNetDevVlanFormat(&def->vlan, buf);
    virNetDevVPortProfileFormat(def->virtPortProfile, buf);
    virNetDevBandwidthFormat(def->bandwidth, 0, buf);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</portgroup>\n");
}

virPortGroupDef *
virPortGroupFindByName(virNetworkDef *net, const char *portgroup)
{
    size_t i;

    for (i = 0; i < net->nPortGroups; i++) {
        if (portgroup ? STREQ(portgroup, net->portGroups[i].name) :
                        net->portGroups[i].isDefault)
            return &net->portGroups[i];
    }
    return NULL;
}

int
virNetworkPortOptionsParseXML(xmlXPathContextPtr ctxt,
                              virTristateBool *isolatedPort)
{
    xmlNodePtr node = virXPathNode("./port", ctxt);

    *isolatedPort = VIR_TRISTATE_BOOL_ABSENT;
    if (!node)
        return 0;
    return virXMLPropTristateBool(node, "isolated", VIR_XML_PROP_NONE,
                                  isolatedPort);
}

void
virNetworkPortOptionsFormat(virTristateBool isolatedPort, virBuffer *buf)
{
    if (isolatedPort != VIR_TRISTATE_BOOL_ABSENT)
        virBufferAsprintf(buf, "<port isolated='%s'/>\n",
                          virTristateBoolTypeToString(isolatedPort));
}


/* ======== <metadata> and the dnsmasq namespace ======== */

/* Keep only the children of @metadata that have a namespace, the first
 * one of each namespace. */
static void
virNetworkMetadataSanitize(xmlNodePtr metadata)
{
    xmlNodePtr child = metadata->children;

    while (child) {
        xmlNodePtr next;

        if (!child->ns || !child->ns->href) {
            next = child->next;
            xmlUnlinkNode(child);
            xmlFreeNode(child);
            child = next;
            continue;
        }
        for (next = child->next; next;) {
            xmlNodePtr dupl = next;

            next = next->next;
            if (dupl->ns && STREQ_NULLABLE((const char *)child->ns->href,
                                           (const char *)dupl->ns->href)) {
                xmlUnlinkNode(dupl);
                xmlFreeNode(dupl);
            }
        }
        child = child->next;
    }
}

/* libxml2 writes the element, indented to the buffer's depth. */
static int
virNetworkMetadataFormat(virBuffer *buf, xmlNodePtr metadata)
{
    int oldIndentTreeOutput = xmlIndentTreeOutput;
    xmlBufferPtr xmlbuf;
    const char *content;
    int rc;

    if (!metadata)
        return 0;
    if (!(xmlbuf = xmlBufferCreate()))
        abort();
    xmlIndentTreeOutput = 1;
    rc = xmlNodeDump(xmlbuf, metadata->doc, metadata,
                     virBufferGetIndent(buf) / 2, 1);
    xmlIndentTreeOutput = oldIndentTreeOutput;
    if (rc < 0) {
        xmlBufferFree(xmlbuf);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Unable to format metadata element");
        return -1;
    }
    /* the buffer indents the first line itself */
    content = (const char *)xmlBufferContent(xmlbuf);
    virSkipSpaces(&content);
    virBufferAsprintf(buf, "%s\n", content);
    xmlBufferFree(xmlbuf);
    return 0;
}

static void
virNetworkDnsmasqFree(void *data)
{
    g_strfreev(data);
}

static int
virNetworkDnsmasqParse(xmlXPathContextPtr ctxt, void **data)
{
    g_autofree xmlNodePtr *nodes = NULL;
    g_auto(GStrv) options = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("./dnsmasq:options/dnsmasq:option", ctxt, &nodes)) <= 0)
        return n;
    options = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        if (!(options[i] = virXMLPropString(nodes[i], "value"))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "No dnsmasq options value specified");
            return -1;
        }
    }
    *data = g_steal_pointer(&options);
    return 0;
}

static int
virNetworkDnsmasqFormat(virBuffer *buf, void *data)
{
    char **option;

    virBufferAddLit(buf, "<dnsmasq:options>\n");
    virBufferAdjustIndent(buf, 2);
    for (option = data; *option; option++)
        virBufferEscapeString(buf, "<dnsmasq:option value='%s'/>\n", *option);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</dnsmasq:options>\n");
    return 0;
}

const virNetworkXMLNamespace virNetworkDnsmasqXMLNamespace = {
    .prefix = "dnsmasq",
    .uri = "http://libvirt.org/schemas/network/dnsmasq/1.0",
    .parse = virNetworkDnsmasqParse,
    .format = virNetworkDnsmasqFormat,
    .free = virNetworkDnsmasqFree,
};

virNetworkXMLOption *
virNetworkXMLOptionNew(const virNetworkXMLNamespace *ns)
{
    virNetworkXMLOption *xmlopt = g_new0(virNetworkXMLOption, 1);

    xmlopt->ns = ns;
    return xmlopt;
}

void
virNetworkXMLOptionFree(virNetworkXMLOption *xmlopt)
{
    g_free(xmlopt);
}

static int
virNetworkDefParseNamespace(xmlXPathContextPtr ctxt, virNetworkDef *def,
                            virNetworkXMLOption *xmlopt)
{
    if (!xmlopt || !xmlopt->ns)
        return 0;
    def->ns = xmlopt->ns;
    if (xmlXPathRegisterNs(ctxt, BAD_CAST def->ns->prefix,
                           BAD_CAST def->ns->uri) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Failed to register xml namespace '%s'", def->ns->uri);
        return -1;
    }
    return def->ns->parse(ctxt, &def->namespaceData);
}


/* ======== <network> ======== */

void
virNetworkDefFree(virNetworkDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->bridge);
    g_free(def->bridgeZone);
    g_free(def->domain);
    virNetworkForwardDefClear(&def->forward);
    for (i = 0; i < def->nips; i++)
        virNetworkIPDefClear(&def->ips[i]);
    g_free(def->ips);
    for (i = 0; i < def->nroutes; i++)
        virNetDevIPRouteFree(def->routes[i]);
    g_free(def->routes);
    for (i = 0; i < def->nPortGroups; i++)
        virPortGroupDefClear(&def->portGroups[i]);
    g_free(def->portGroups);
    virNetworkDNSDefClear(&def->dns);
    g_free(def->virtPortProfile);
    virNetDevBandwidthFree(def->bandwidth);
    virNetDevVlanClear(&def->vlan);
    xmlFreeNode(def->metadata);
    if (def->namespaceData && def->ns->free)
        def->ns->free(def->namespaceData);
    g_free(def);
}

const char *
virNetworkDefForwardIf(const virNetworkDef *def, size_t n)
{
    if (n < def->forward.nifs &&
        def->forward.ifs[n].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV)
        return def->forward.ifs[n].device.dev;
    return NULL;
}

/* name, uuid and the root's attributes */
static int
virNetworkDefParseIdentity(xmlXPathContextPtr ctxt, virNetworkDef *def)
{
    g_autofree char *uuid = NULL;
    g_autofree char *ipv6 = NULL;
    const char *bad;

    if (!(def->name = virXPathString("./name[1]", ctxt))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return -1;
    }
    if ((bad = strchr(def->name, '/'))) {
        virReportError(VIR_ERR_XML_DETAIL, "invalid char in name: %c", *bad);
        return -1;
    }
    if (!(uuid = virXPathString("./uuid[1]", ctxt))) {
        if (virUUIDGenerate(def->uuid) < 0)
            return -1;
    } else {
        if (virUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "malformed uuid element");
            return -1;
        }
        def->uuid_specified = true;
    }
    if ((ipv6 = virXPathString("./@ipv6", ctxt)) &&
        virStringParseYesNo(ipv6, &def->ipv6nogw) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid ipv6 setting '%s' in network '%s'",
                       ipv6, def->name);
        return -1;
    }
    return virXMLPropTristateBool(ctxt->node, "trustGuestRxFilters",
                                  VIR_XML_PROP_NONE, &def->trustGuestRxFilters);
}

/* <bridge>, <mac> and <mtu>; *@stpGiven tells whether stp= was there. */
static int
virNetworkDefParseBridge(xmlXPathContextPtr ctxt, virNetworkDef *def,
                         bool *stpGiven)
{
    g_autofree char *stp = virXPathString("./bridge[1]/@stp", ctxt);
    g_autofree char *delay = virXPathString("./bridge[1]/@delay", ctxt);
    g_autofree char *macTableManager = NULL;
    g_autofree char *mac = NULL;
    g_autofree char *mtu = NULL;

    def->bridge = virXPathString("./bridge[1]/@name", ctxt);
    def->bridgeZone = virXPathString("./bridge[1]/@zone", ctxt);
    def->stp = !(stp && STREQ(stp, "off"));
    *stpGiven = !!stp;
    if (delay && virStrToLong_ulp(delay, NULL, 10, &def->delay) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid delay value in network '%s'",
                       def->name);
        return -1;
    }
    if ((macTableManager = virXPathString("./bridge[1]/@macTableManager", ctxt))) {
        int val = virNetworkBridgeMACTableManagerTypeFromString(macTableManager);

        if (val <= 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid macTableManager setting '%s' in network '%s'",
                           macTableManager, def->name);
            return -1;
        }
        def->macTableManager = val;
    }
    if ((mac = virXPathString("./mac[1]/@address", ctxt))) {
        if (virMacAddrParse(mac, &def->mac) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid bridge mac address '%s' in network '%s'",
                           mac, def->name);
            return -1;
        }
        if (virMacAddrIsMulticast(&def->mac)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid multicast bridge mac address '%s' in network '%s'",
                           mac, def->name);
            return -1;
        }
        def->mac_specified = true;
    }
    if ((mtu = virXPathString("./mtu/@size", ctxt)) &&
        virStrToLong_ui(mtu, NULL, 10, &def->mtu) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid mtu size '%s' in network '%s'",
                       mtu, def->name);
        return -1;
    }
    return 0;
}

/* <domain>, <bandwidth>, <vlan>, <port>, <dns> and <virtualport> */
static int
virNetworkDefParseOptions(xmlXPathContextPtr ctxt, virNetworkDef *def)
{
    xmlNodePtr node;

    node = virXPathNode("./domain[1]", ctxt);
    def->domain = virXMLPropString(node, "name");
    if (node && virXMLPropTristateBool(node, "localOnly", VIR_XML_PROP_NONE,
                                       &def->domainLocalOnly) < 0)
        return -1;
    if ((node = virXPathNode("./bandwidth", ctxt)) &&
        virNetDevBandwidthParse(&def->bandwidth, NULL, node, false) < 0)
        return -1;
    if ((node = virXPathNode("./vlan", ctxt)) &&
        virNetDevVlanParse(node, ctxt, &def->vlan) < 0)
        return -1;
    return virNetworkPortOptionsParseXML(ctxt, &def->isolatedPort);
}

static int
virNetworkDefParseLists(xmlXPathContextPtr ctxt, virNetworkDef *def)
{
    g_autofree xmlNodePtr *portGroupNodes = NULL;
    g_autofree xmlNodePtr *ipNodes = NULL;
    g_autofree xmlNodePtr *routeNodes = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("./portgroup", ctxt, &portGroupNodes)) < 0)
        return -1;
    def->portGroups = g_new0(virPortGroupDef, n);
    for (i = 0; i < n; i++) {
        if (virPortGroupDefParseXML(&def->portGroups[i], portGroupNodes[i], ctxt) < 0)
            return -1;
        def->nPortGroups++;
    }

    if ((n = virXPathNodeSet("./ip", ctxt, &ipNodes)) < 0)
        return -1;
    def->ips = g_new0(virNetworkIPDef, n);
    for (i = 0; i < n; i++) {
        if (virNetworkIPDefParseXML(def->name, ipNodes[i], ctxt, &def->ips[i]) < 0)
            return -1;
        def->nips++;
    }

    if ((n = virXPathNodeSet("./route", ctxt, &routeNodes)) < 0)
        return -1;
    def->routes = g_new0(virNetDevIPRoute *, n);
    for (i = 0; i < n; i++) {
        if (!(def->routes[i] = virNetDevIPRouteParseXML(def->name, routeNodes[i])))
            return -1;
        def->nroutes++;
    }
    return 0;
}

/* Each static route's gateway must be on one of the network's subnets. */
static int
virNetworkDefCheckRouteGateways(const virNetworkDef *def)
{
    size_t i, j;

    for (i = 0; i < def->nroutes; i++) {
        const virSocketAddr *gateway = &def->routes[i]->gateway;
        g_autofree char *gw = NULL;

        for (j = 0; j < def->nips; j++) {
            const virNetworkIPDef *ipdef = &def->ips[j];
            int prefix = virNetworkIPDefPrefix(ipdef);
            virSocketAddr testAddr;
            virSocketAddr testGw;

            if (VIR_SOCKET_ADDR_FAMILY(gateway) != VIR_SOCKET_ADDR_FAMILY(&ipdef->address))
                continue;
            virSocketAddrMaskByPrefix(&ipdef->address, prefix, &testAddr);
            virSocketAddrMaskByPrefix(gateway, prefix, &testGw);
            if (VIR_SOCKET_ADDR_VALID(&testAddr) && VIR_SOCKET_ADDR_VALID(&testGw) &&
                virSocketAddrEqual(&testAddr, &testGw))
                break;
        }
        if (j < def->nips)
            continue;
        gw = virSocketAddrFormat(gateway);
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unreachable static route gateway '%s' specified for network '%s'",
                       gw, def->name);
        return -1;
    }
    return 0;
}

/* The settings that the forward mode rules out. */
static int
virNetworkDefCheckForward(const virNetworkDef *def, bool stpGiven)
{
    const char *mode = virNetworkForwardTypeToString(def->forward.type);

    switch (def->forward.type) {
    case VIR_NETWORK_FORWARD_NONE:
        return 0;

    case VIR_NETWORK_FORWARD_ROUTE:
    case VIR_NETWORK_FORWARD_NAT:
    case VIR_NETWORK_FORWARD_OPEN:
        if (def->nips == 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s forwarding requested, but no IP address provided for network '%s'",
                           mode, def->name);
            return -1;
        }
        if (def->forward.nifs > 1) {
            virReportError(VIR_ERR_XML_ERROR,
                           "multiple forwarding interfaces specified for network '%s', only one is supported",
                           def->name);
            return -1;
        }
        if (def->forward.type == VIR_NETWORK_FORWARD_OPEN && def->forward.nifs) {
            virReportError(VIR_ERR_XML_ERROR,
                           "forward dev not allowed for network '%s' with forward mode='%s'",
                           def->name, mode);
            return -1;
        }
        return 0;

    case VIR_NETWORK_FORWARD_PRIVATE:
    case VIR_NETWORK_FORWARD_VEPA:
    case VIR_NETWORK_FORWARD_PASSTHROUGH:
    case VIR_NETWORK_FORWARD_HOSTDEV:
        if (def->bridge) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge name not allowed in %s mode (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->bridgeZone) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge zone not allowed in %s mode (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->macTableManager) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge macTableManager setting not allowed in %s mode (network '%s')",
                           mode, def->name);
            return -1;
        }
        G_GNUC_FALLTHROUGH;

    case VIR_NETWORK_FORWARD_BRIDGE:
        if (def->delay || stpGiven || def->bridgeZone) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge delay/stp/zone options only allowed in route, nat, and isolated mode, not in %s (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->bridge && (def->forward.nifs || def->forward.npfs)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "A network with forward mode='%s' can specify a bridge name or a forward dev, but not both (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->mtu) {
            virReportError(VIR_ERR_XML_ERROR,
                           "mtu size only allowed in open, route, nat, and isolated mode, not in %s (network '%s')",
                           mode, def->name);
            return -1;
        }
        return 0;

    case VIR_NETWORK_FORWARD_LAST:
        break;
    }
    virReportEnumRangeError(virNetworkForwardType, def->forward.type);
    return -1;
}

virNetworkDef *
virNetworkDefParseXML(xmlXPathContextPtr ctxt, virNetworkXMLOption *xmlopt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virNetworkDef) def = g_new0(virNetworkDef, 1);
    xmlNodePtr node;
    bool stpGiven;

    if (virNetworkDefParseIdentity(ctxt, def) < 0 ||
        virNetworkDefParseOptions(ctxt, def) < 0 ||
        virNetworkDefParseBridge(ctxt, def, &stpGiven) < 0)
        return NULL;
    if ((node = virXPathNode("./dns", ctxt)) &&
        virNetworkDNSDefParseXML(def->name, node, ctxt, &def->dns) < 0)
        return NULL;
    if ((node = virXPathNode("./virtualport", ctxt)) &&
        !(def->virtPortProfile = virNetDevVPortProfileParse(node, VIR_VPORT_XML_REQUIRE_TYPE)))
        return NULL;
    if (virNetworkDefParseLists(ctxt, def) < 0 ||
        virNetworkDefCheckRouteGateways(def) < 0)
        return NULL;
    if ((node = virXPathNode("./forward", ctxt)) &&
        virNetworkForwardDefParseXML(def->name, node, ctxt, &def->forward) < 0)
        return NULL;
    if (virNetworkDefCheckForward(def, stpGiven) < 0)
        return NULL;

    if ((node = virXPathNode("./metadata[1]", ctxt))) {
        if (!(def->metadata = xmlCopyNode(node, 1)))
            abort();
        virNetworkMetadataSanitize(def->metadata);
    }
    if (virNetworkDefParseNamespace(ctxt, def, xmlopt) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virNetworkDef *
virNetworkDefParseNode(xmlDocPtr xml, xmlNodePtr root,
                       virNetworkXMLOption *xmlopt)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!virXMLNodeNameEqual(root, "network")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "expecting root element of 'network', not '%s'", root->name);
        return NULL;
    }
    ctxt = virXMLXPathContextNew(xml);
    ctxt->node = root;
    return virNetworkDefParseXML(ctxt, xmlopt);
}

virNetworkDef *
virNetworkDefParseString(const char *xmlStr, virNetworkXMLOption *xmlopt)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    /* blank text nodes are dropped, so that <metadata> is re-indented */
    int keepBlanks = xmlKeepBlanksDefault(0);

    xml = virXMLParseHelper(VIR_FROM_NETWORK, NULL, xmlStr, "(network_definition)",
                            "network", &ctxt, NULL, false);
    xmlKeepBlanksDefault(keepBlanks);
    if (!xml)
        return NULL;
    return virNetworkDefParseXML(ctxt, xmlopt);
}

static void
virNetworkDefFormatBridge(virBuffer *buf, const virNetworkDef *def)
{
    /* modes with a libvirt-managed bridge always show its STP settings */
    bool hasbridge = def->forward.type == VIR_NETWORK_FORWARD_NONE ||
                     def->forward.type == VIR_NETWORK_FORWARD_NAT ||
                     def->forward.type == VIR_NETWORK_FORWARD_ROUTE ||
                     def->forward.type == VIR_NETWORK_FORWARD_OPEN;

    if (hasbridge || def->bridge || def->macTableManager) {
        virBufferAddLit(buf, "<bridge");
        virBufferEscapeString(buf, " name='%s'", def->bridge);
        virBufferEscapeString(buf, " zone='%s'", def->bridgeZone);
        if (hasbridge)
            virBufferAsprintf(buf, " stp='%s' delay='%lu'",
                              def->stp ? "on" : "off", def->delay);
        if (def->macTableManager)
            virBufferAsprintf(buf, " macTableManager='%s'",
                              virNetworkBridgeMACTableManagerTypeToString(def->macTableManager));
        virBufferAddLit(buf, "/>\n");
    }
    if (def->mtu)
        virBufferAsprintf(buf, "<mtu size='%u'/>\n", def->mtu);
    if (def->mac_specified) {
        char mac[VIR_MAC_STRING_BUFLEN];

        virBufferAsprintf(buf, "<mac address='%s'/>\n", virMacAddrFormat(&def->mac, mac));
    }
    if (def->domain) {
        virBufferEscapeString(buf, "<domain name='%s'", def->domain);
        if (def->domainLocalOnly)
            virBufferAsprintf(buf, " localOnly='%s'",
                              virTristateBoolTypeToString(def->domainLocalOnly));
        virBufferAddLit(buf, "/>\n");
    }
}

int
virNetworkDefFormatBuf(virBuffer *buf, const virNetworkDef *def,
                       virNetworkXMLOption *xmlopt G_GNUC_UNUSED,
                       unsigned int flags)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    size_t i;

    virBufferAddLit(buf, "<network");
    if (def->namespaceData)
        virBufferAsprintf(buf, " xmlns:%s='%s'", def->ns->prefix, def->ns->uri);
    if (!(flags & VIR_NETWORK_XML_INACTIVE) && def->connections > 0)
        virBufferAsprintf(buf, " connections='%d'", def->connections);
    if (def->ipv6nogw)
        virBufferAddLit(buf, " ipv6='yes'");
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, " trustGuestRxFilters='%s'",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<name>%s</name>\n", def->name);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->uuid, uuid));

    if (virNetworkMetadataFormat(buf, def->metadata) < 0 ||
        virNetworkForwardDefFormat(buf, &def->forward, flags) < 0)
        return -1;
    virNetworkDefFormatBridge(buf, def);
    if (virNetworkDNSDefFormat(buf, &def->dns) < 0)
        return -1;
    virNetDevVlanFormat(&def->vlan, buf);
    virNetDevBandwidthFormat(def->bandwidth, 0, buf);
    virNetworkPortOptionsFormat(def->isolatedPort, buf);
    for (i = 0; i < def->nips; i++) {
        if (virNetworkIPDefFormat(buf, &def->ips[i]) < 0)
            return -1;
    }
    for (i = 0; i < def->nroutes; i++) {
        if (virNetDevIPRouteFormat(buf, def->routes[i]) < 0)
            return -1;
    }
    virNetDevVPortProfileFormat(def->virtPortProfile, buf);
    for (i = 0; i < def->nPortGroups; i++)
        virPortGroupDefFormat(buf, &def->portGroups[i]);
    if (def->namespaceData && def->ns->format(buf, def->namespaceData) < 0)
        return -1;
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</network>\n");
    return 0;
}

char *
virNetworkDefFormat(const virNetworkDef *def, virNetworkXMLOption *xmlopt,
                    unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    if (virNetworkDefFormatBuf(&buf, def, xmlopt, flags) < 0)
        return NULL;
    return virBufferContentAndReset(&buf);
}

virNetworkDef *
virNetworkDefCopy(const virNetworkDef *def, virNetworkXMLOption *xmlopt,
                  unsigned int flags)
{
    g_autofree char *xml = virNetworkDefFormat(def, xmlopt, flags);

    return xml ? virNetworkDefParseString(xml, xmlopt) : NULL;
}


/* ======== xml2xml ======== */

static char *
networkRoundtrip(const char *xml, const virXMLRoundtripArgs *args)
{
    g_autoptr(virNetworkXMLOption) xmlopt =
        virNetworkXMLOptionNew(&virNetworkDnsmasqXMLNamespace);
    g_autoptr(virNetworkDef) def = NULL;

    if (!(def = virNetworkDefParseString(xml, xmlopt)))
        return NULL;
    return virNetworkDefFormat(def, xmlopt,
                               args->inactive ? VIR_NETWORK_XML_INACTIVE : 0);
}

const virXMLCategory virNetworkXMLCategory = { "network", networkRoundtrip };
