/*
 * virmacaddr.c: parsing and formatting MAC addresses.
 */
#include "internal.h"

#include "util/virmacaddr.h"

#define VIR_FROM_THIS VIR_FROM_NONE

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
