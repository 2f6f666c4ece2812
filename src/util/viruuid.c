/*
 * viruuid.c: generating, parsing and formatting UUIDs.
 */
#include "internal.h"
#include "util/viruuid.h"
#include "util/virlog.h"

#include <sys/random.h>

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("util.uuid");

static GMutex hostUUIDLock;
static unsigned char hostUUID[VIR_UUID_BUFLEN];

int
virUUIDGenerate(unsigned char *uuid)
{
    unsigned char bytes[VIR_UUID_BUFLEN];
    size_t got = 0;

    if (!uuid)
        return -1;

    while (got < sizeof(bytes)) {
        ssize_t n = getrandom(bytes + got, sizeof(bytes) - got, 0);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            virReportSystemError(errno, "%s", "Unable to read random bytes");
            return -1;
        }
        got += n;
    }

    /* Version 4 (random) in the high nibble of byte 6, RFC 4122 variant
     * (binary 10) in the top two bits of byte 8. */
    bytes[6] = (bytes[6] & 0x0F) | 0x40;
    bytes[8] = (bytes[8] & 0x3F) | 0x80;

    memcpy(uuid, bytes, sizeof(bytes));
    return 0;
}


int
virUUIDParse(const char *uuidstr, unsigned char *uuid)
{
    unsigned char parsed[VIR_UUID_BUFLEN];
    const char *cur = uuidstr;
    size_t n = 0;

    while (g_ascii_isspace(*cur))
        cur++;

    while (n < VIR_UUID_BUFLEN) {
        int hi, lo;

        if (*cur == '-' || *cur == ' ') {
            cur++;
            continue;
        }
        if ((hi = g_ascii_xdigit_value(cur[0])) < 0 ||
            (lo = g_ascii_xdigit_value(cur[1])) < 0)
            return -1;
        parsed[n++] = (hi << 4) | lo;
        cur += 2;
    }

    while (g_ascii_isspace(*cur))
        cur++;
    if (*cur != '\0')
        return -1;

    memcpy(uuid, parsed, sizeof(parsed));
    return 0;
}


const char *
virUUIDFormat(const unsigned char *uuid, char *uuidstr)
{
    static const char hex[] = "0123456789abcdef";
    char *out = uuidstr;
    size_t i;

    for (i = 0; i < VIR_UUID_BUFLEN; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = '-';
        *out++ = hex[uuid[i] >> 4];
        *out++ = hex[uuid[i] & 0xF];
    }
    *out = '\0';
    return uuidstr;
}


bool
virUUIDIsValid(const unsigned char *uuid)
{
    size_t i;

    if (!uuid)
        return false;

    for (i = 1; i < VIR_UUID_BUFLEN; i++) {
        if (uuid[i] != uuid[0])
            return true;
    }
    return false;
}


/* The DMI system UUID, if the firmware provides a usable one. */
static int
virUUIDReadDMI(unsigned char *uuid)
{
    static const char *paths[] = {
        "/sys/devices/virtual/dmi/id/product_uuid",
        "/sys/class/dmi/id/product_uuid",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(paths); i++) {
        g_autofree char *content = NULL;

        if (!g_file_get_contents(paths[i], &content, NULL, NULL))
            continue;
        if (virUUIDParse(content, uuid) == 0 && virUUIDIsValid(uuid))
            return 0;
    }
    return -1;
}


/* Set the host UUID; the caller holds hostUUIDLock. */
static int
virSetHostUUIDStrLocked(const char *uuid)
{
    unsigned char parsed[VIR_UUID_BUFLEN];

    if (virUUIDIsValid(hostUUID))
        return EEXIST;

    if (uuid) {
        if (virUUIDParse(uuid, parsed) < 0)
            return -1;
        if (!virUUIDIsValid(parsed))
            return EINVAL;
    } else if (virUUIDReadDMI(parsed) < 0) {
        VIR_DEBUG("no DMI system UUID, generating a host UUID");
        if (virUUIDGenerate(parsed) < 0)
            return -1;
    }

    memcpy(hostUUID, parsed, sizeof(parsed));
    return 0;
}


int
virSetHostUUIDStr(const char *uuid)
{
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&hostUUIDLock);

    return virSetHostUUIDStrLocked(uuid);
}


int
virGetHostUUID(unsigned char *uuid)
{
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&hostUUIDLock);
    int ret = 0;

    if (!virUUIDIsValid(hostUUID))
        ret = virSetHostUUIDStrLocked(NULL);

    memcpy(uuid, hostUUID, sizeof(hostUUID));
    return ret;
}


guint
virUUIDHash(gconstpointer uuid)
{
    const unsigned char *bytes = uuid;
    guint hash = 2166136261u;
    size_t i;

    /* FNV-1a over the 16 bytes. */
    for (i = 0; i < VIR_UUID_BUFLEN; i++) {
        hash ^= bytes[i];
        hash *= 16777619u;
    }
    return hash;
}


gboolean
virUUIDEqual(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, VIR_UUID_BUFLEN) == 0;
}
