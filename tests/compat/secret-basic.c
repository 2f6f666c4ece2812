/*
 * secret-basic.c: the secret calls.  libvirt 9.0.0's test driver has no
 * secrets (VIR_ERR_NO_SUPPORT, allowed in allow.txt); nuvirt keeps them
 * as libvirt's secret driver does, which tests/testdriversecrettest.c
 * checks in detail.  What both must print alike: the argument checks
 * made before a driver is reached, and read-only refusals.
 */
#include "compat.h"

static const char *secretXML =
"<secret ephemeral='no' private='no'>"
"  <uuid>aaaaaaaa-1111-2222-3333-444444444444</uuid>"
"  <description>compat</description>"
"  <usage type='volume'><volume>/var/lib/compat.img</volume></usage>"
"</secret>";

static void
lifecycle(virConnectPtr conn, virSecretPtr secret, int event, int detail, void *opaque)
{
    (void)conn; (void)secret; (void)event; (void)detail; (void)opaque;
}

static void
found(virSecretPtr secret)
{
    if (secret) {
        printf("secret: found %s\n", virSecretGetUsageID(secret));
        virSecretFree(secret);
    }
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virSecretPtr secret;
    virSecretPtr *all = NULL;
    char *uuids[8];
    size_t size = 0;
    unsigned char *value;
    int n;

    (void)argc;
    (void)argv;
    virEventRegisterDefaultImpl();
    compatSection("define, value, undefine");
    secret = CHECK_PTR(virSecretDefineXML(conn, secretXML, 0));
    if (secret) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        CHECK_INT(virSecretGetUUIDString(secret, uuid));
        printf("secret: %s usage %d %s\n", uuid, virSecretGetUsageType(secret),
               virSecretGetUsageID(secret));
        CHECK_STR(virSecretGetXMLDesc(secret, 0));
        CHECK_INT(virSecretSetValue(secret, (const unsigned char *)"hello", 5, 0));
        value = virSecretGetValue(secret, &size, 0);
        printf("secret: value %.*s\n", (int)size, value ? (char *)value : "");
        free(value);
        CHECK_INT(virSecretSetValue(secret, NULL, 0, 0));
        CHECK_FAIL_PTR(virSecretGetValue(secret, NULL, 0));
        CHECK_INT(virSecretRef(secret));
        CHECK_INT(virSecretFree(secret));
        printf("secret: same connection %d\n", virSecretGetConnect(secret) == conn);
        {
            unsigned char raw[VIR_UUID_BUFLEN];

            if (CHECK_INT(virSecretGetUUID(secret, raw)) == 0)
                printf("secret: raw %02x..%02x\n", raw[0], raw[15]);
        }
    }
    CHECK_INT(virConnectNumOfSecrets(conn));
    n = virConnectListSecrets(conn, uuids, 8);
    compatShowSortedNames("virConnectListSecrets", uuids, n);
    CHECK_INT(virConnectListSecrets(conn, NULL, 1));
    CHECK_INT(virConnectListSecrets(conn, uuids, -1));
    n = virConnectListAllSecrets(conn, &all, 0);
    printf("listAll: %d\n", n);
    while (n > 0)
        virSecretFree(all[--n]);
    free(all);
    found(CHECK_PTR(virSecretLookupByUUIDString(conn, "aaaaaaaa-1111-2222-3333-444444444444")));
    CHECK_FAIL_PTR(virSecretLookupByUUIDString(conn, "not-a-uuid"));
    found(CHECK_PTR(virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_VOLUME,
                                           "/var/lib/compat.img")));
    CHECK_FAIL_PTR(virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_VOLUME, NULL));
    CHECK_FAIL_PTR(virSecretLookupByUUID(conn, NULL));
    CHECK_FAIL_PTR(virSecretDefineXML(conn, NULL, 0));
    if (secret) {
        CHECK_INT(virSecretUndefine(secret));
        virSecretFree(secret);
    }

    compatSection("events");
    CHECK_INT(virConnectSecretEventRegisterAny(conn, NULL, VIR_SECRET_EVENT_ID_LIFECYCLE,
                                               VIR_SECRET_EVENT_CALLBACK(lifecycle), NULL, NULL));
    CHECK_INT(virConnectSecretEventDeregisterAny(conn, 0));
    CHECK_INT(virConnectSecretEventRegisterAny(conn, NULL, VIR_SECRET_EVENT_ID_LIFECYCLE,
                                               NULL, NULL, NULL));

    compatSection("read-only connection");
    CHECK_FAIL_PTR(virSecretDefineXML(ro, secretXML, 0));
    CHECK_INT(virConnectNumOfSecrets(ro));
    CHECK_INT(virConnectClose(ro));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
