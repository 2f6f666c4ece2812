/*
 * virsocketaddr.c: parsing, formatting and comparing IPv4/IPv6 socket
 * addresses, netmask/prefix conversion and address range checks.
 */
#include "internal.h"

#include <netdb.h>
#include <arpa/inet.h>

#include "util/virsocketaddr.h"

/* VIR_FROM_NETWORK, not libvirt's VIR_FROM_NONE: the errors keep the
 * domain they had in network_conf.c. */
#define VIR_FROM_THIS VIR_FROM_NONE

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
