/*
 * virsocketaddr.h: IPv4/IPv6 socket addresses (virSocketAddr), address
 * and port ranges, and the netmask/prefix helpers on them.
 */
#pragma once

#include <stdbool.h>
#include <sys/socket.h>
#include <netinet/in.h>

typedef struct {
    union {
        struct sockaddr sa;
        struct sockaddr_storage stor;
        struct sockaddr_in inet4;
        struct sockaddr_in6 inet6;
    } data;
    socklen_t len;
} virSocketAddr;

#define VIR_SOCKET_ADDR_FAMILY(s) ((s)->data.sa.sa_family)
#define VIR_SOCKET_ADDR_VALID(s) (VIR_SOCKET_ADDR_FAMILY(s) != AF_UNSPEC)
#define VIR_SOCKET_ADDR_IS_FAMILY(s, f) (VIR_SOCKET_ADDR_FAMILY(s) == (f))

typedef struct {
    virSocketAddr start;
    virSocketAddr end;
} virSocketAddrRange;

typedef struct {
    unsigned int start;
    unsigned int end;
} virPortRange;

/* Parse a numeric address of @family (AF_UNSPEC: either); returns the
 * address length, or -1 with an error reported. */
int virSocketAddrParse(virSocketAddr *addr, const char *val, int family);
/* The numeric text form; NULL with an error reported. */
char *virSocketAddrFormat(const virSocketAddr *addr);
bool virSocketAddrEqual(const virSocketAddr *s1, const virSocketAddr *s2);
bool virSocketAddrIsWildcard(const virSocketAddr *addr);
int virSocketAddrMask(const virSocketAddr *addr, const virSocketAddr *netmask,
                      virSocketAddr *network);
int virSocketAddrMaskByPrefix(const virSocketAddr *addr, unsigned int prefix,
                              virSocketAddr *network);
int virSocketAddrPrefixToNetmask(unsigned int prefix, virSocketAddr *netmask,
                                 int family);
/* Bits set in a contiguous netmask, -1 if it is not one. */
int virSocketAddrGetNumNetmaskBits(const virSocketAddr *netmask);
/* @prefix if > 0, else the netmask's, else the address's natural one. */
int virSocketAddrGetIPPrefix(const virSocketAddr *address,
                             const virSocketAddr *netmask, int prefix);
/* Size of the range @start..@end, checked to lie inside @network/@prefix
 * when @network is given; -1 with an error reported. */
int virSocketAddrGetRange(const virSocketAddr *start, const virSocketAddr *end,
                          const virSocketAddr *network, int prefix);
