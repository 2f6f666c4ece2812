/*
 * virmacaddr.h: 6-byte MAC addresses and their "xx:xx:xx:xx:xx:xx" form.
 */
#pragma once

#include <stdbool.h>

#define VIR_MAC_BUFLEN 6
#define VIR_MAC_STRING_BUFLEN (VIR_MAC_BUFLEN * 3)

typedef struct {
    unsigned char addr[VIR_MAC_BUFLEN];
} virMacAddr;

/* 0 or -1 (no error reported: callers name the field). */
int virMacAddrParse(const char *str, virMacAddr *addr);
const char *virMacAddrFormat(const virMacAddr *addr, char *str);
bool virMacAddrIsMulticast(const virMacAddr *addr);
