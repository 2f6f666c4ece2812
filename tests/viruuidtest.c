/* viruuid: generate, parse (libvirt's liberal syntax), format, hash. */
#include "internal.h"
#include "testutils.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static const unsigned char sample[VIR_UUID_BUFLEN] = {
    0xc7, 0xa5, 0xfd, 0xbd, 0xed, 0xaf, 0x9f, 0x4d,
    0x8a, 0x2d, 0x47, 0x7e, 0x49, 0x4f, 0x2b, 0x9e,
};

static int
testParseFormat(void)
{
    const char *good[] = {
        "c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e",
        "C7A5FDBD-EDAF-9F4D-8A2D-477E494F2B9E",
        "c7a5fdbdedaf9f4d8a2d477e494f2b9e",
        "  c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e\n",
        "c7-a5-fd-bd-ed-af-9f-4d-8a-2d-47-7e-49-4f-2b-9e",
        "c7 a5 fd bd ed af 9f 4d 8a 2d 47 7e 49 4f 2b 9e",
        "-c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(good); i++) {
        unsigned char uuid[VIR_UUID_BUFLEN] = { 0 };
        char str[VIR_UUID_STRING_BUFLEN];

        if (virUUIDParse(good[i], uuid) < 0) {
            fprintf(stderr, "failed to parse '%s'\n", good[i]);
            return -1;
        }
        CHECK(memcmp(uuid, sample, VIR_UUID_BUFLEN) == 0);
        CHECK_STREQ(virUUIDFormat(uuid, str),
                    "c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e");
    }
    return 0;
}

static int
testParseBad(void)
{
    const char *bad[] = {
        "",
        "c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9",      /* 31 digits */
        "c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e0",    /* 33 digits */
        "c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9g",
        "c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e-",    /* trailing dash */
        "c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e x",
        "c-7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e",    /* split pair */
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        unsigned char uuid[VIR_UUID_BUFLEN];

        memset(uuid, 0xAB, sizeof(uuid));
        if (virUUIDParse(bad[i], uuid) == 0) {
            fprintf(stderr, "accepted '%s'\n", bad[i]);
            return -1;
        }
        /* the output is left alone on failure */
        CHECK(uuid[0] == 0xAB && uuid[15] == 0xAB);
    }
    return 0;
}

static int
testGenerate(void)
{
    unsigned char a[VIR_UUID_BUFLEN];
    unsigned char b[VIR_UUID_BUFLEN];
    unsigned char back[VIR_UUID_BUFLEN];
    char str[VIR_UUID_STRING_BUFLEN];

    CHECK_INTEQ(virUUIDGenerate(a), 0);
    CHECK_INTEQ(virUUIDGenerate(b), 0);
    CHECK(memcmp(a, b, VIR_UUID_BUFLEN) != 0);
    CHECK(virUUIDIsValid(a));

    /* RFC 4122 version 4, variant 10xx */
    CHECK_INTEQ(a[6] >> 4, 4);
    CHECK_INTEQ(a[8] >> 6, 2);

    virUUIDFormat(a, str);
    CHECK_INTEQ(strlen(str), VIR_UUID_STRING_BUFLEN - 1);
    CHECK_INTEQ(str[14], '4');
    CHECK_INTEQ(virUUIDParse(str, back), 0);
    CHECK(memcmp(a, back, VIR_UUID_BUFLEN) == 0);

    CHECK_INTEQ(virUUIDGenerate(NULL), -1);
    return 0;
}

static int
testIsValid(void)
{
    unsigned char zero[VIR_UUID_BUFLEN] = { 0 };
    unsigned char same[VIR_UUID_BUFLEN];
    unsigned char one[VIR_UUID_BUFLEN] = { 0 };

    memset(same, 0xff, sizeof(same));
    one[15] = 1;
    CHECK(!virUUIDIsValid(NULL));
    CHECK(!virUUIDIsValid(zero));
    CHECK(!virUUIDIsValid(same));
    CHECK(virUUIDIsValid(one));
    CHECK(virUUIDIsValid(sample));
    return 0;
}

static int
testHostUUID(void)
{
    unsigned char first[VIR_UUID_BUFLEN];
    unsigned char second[VIR_UUID_BUFLEN];

    CHECK_INTEQ(virGetHostUUID(first), 0);
    CHECK(virUUIDIsValid(first));
    CHECK_INTEQ(virGetHostUUID(second), 0);
    CHECK(memcmp(first, second, VIR_UUID_BUFLEN) == 0);
    /* already set */
    CHECK_INTEQ(virSetHostUUIDStr("c7a5fdbd-edaf-9f4d-8a2d-477e494f2b9e"),
                EEXIST);
    return 0;
}

static int
testHash(void)
{
    g_autoptr(GHashTable) table = NULL;
    unsigned char key1[VIR_UUID_BUFLEN];
    unsigned char lookup[VIR_UUID_BUFLEN];
    size_t i;

    table = g_hash_table_new_full(virUUIDHash, virUUIDEqual, g_free, g_free);
    for (i = 0; i < 100; i++) {
        unsigned char *key = g_new(unsigned char, VIR_UUID_BUFLEN);

        CHECK_INTEQ(virUUIDGenerate(key), 0);
        if (i == 0)
            memcpy(key1, key, VIR_UUID_BUFLEN);
        g_hash_table_insert(table, key, g_strdup_printf("%zu", i));
    }
    CHECK_INTEQ(g_hash_table_size(table), 100);

    /* a different buffer with the same bytes finds the entry */
    memcpy(lookup, key1, VIR_UUID_BUFLEN);
    CHECK_STREQ(g_hash_table_lookup(table, lookup), "0");
    CHECK(virUUIDHash(lookup) == virUUIDHash(key1));
    lookup[15] ^= 1;
    CHECK(g_hash_table_lookup(table, lookup) == NULL);
    CHECK(!virUUIDEqual(lookup, key1));
    return 0;
}

int
main(void)
{
    virTestRun("parse and format", testParseFormat);
    virTestRun("parse bad", testParseBad);
    virTestRun("generate", testGenerate);
    virTestRun("is valid", testIsValid);
    virTestRun("host uuid", testHostUUID);
    virTestRun("hash", testHash);
    return virTestDone();
}
