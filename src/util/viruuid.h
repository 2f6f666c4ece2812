/*
 * viruuid.h: UUIDs as raw 16-byte arrays (VIR_UUID_BUFLEN) and their
 * 36-character text form (VIR_UUID_STRING_BUFLEN with the NUL).
 */
#pragma once

#include <stdbool.h>
#include <glib.h>

/* Fill @uuid with a random RFC 4122 version 4 UUID.  Returns 0, or -1
 * with an error reported if no randomness could be read. */
int virUUIDGenerate(unsigned char *uuid);

/*
 * Parse @uuidstr into @uuid.  Accepted, as libvirt does: optional
 * leading and trailing whitespace around exactly 32 hex digits (either
 * case) taken in pairs, with any number of '-' or ' ' between pairs
 * ("8a6c...", "8a6c2f20-...", "8a 6c 2f ...").  Returns 0, or -1 with
 * @uuid untouched and no error reported (callers name the field).
 */
int virUUIDParse(const char *uuidstr, unsigned char *uuid)
    G_GNUC_WARN_UNUSED_RESULT;

/* Format @uuid as "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (lowercase)
 * into @uuidstr (VIR_UUID_STRING_BUFLEN bytes); returns @uuidstr. */
const char *virUUIDFormat(const unsigned char *uuid, char *uuidstr);

/* False for NULL and for UUIDs whose 16 bytes are all equal (such as
 * all zeros), which libvirt treats as unset. */
bool virUUIDIsValid(const unsigned char *uuid);

/* The host UUID: set once from @uuid, or (NULL) from the DMI product
 * UUID, else a random one.  virSetHostUUIDStr returns 0, EEXIST if
 * already set, or -1/EINVAL for a bad string.  virGetHostUUID returns
 * 0 and copies it out, setting it first if needed. */
int virSetHostUUIDStr(const char *uuid);
int virGetHostUUID(unsigned char *uuid);

/* GHashTable support for keys that are raw 16-byte UUIDs:
 *   g_hash_table_new_full(virUUIDHash, virUUIDEqual, g_free, ...) */
guint virUUIDHash(gconstpointer uuid);
gboolean virUUIDEqual(gconstpointer a, gconstpointer b);
