/*
 * Secrets in the test driver (which libvirt 9.0.0's test driver lacks),
 * checked against libvirt's secret driver: usage uniqueness, the private
 * flag, values, lookups, list filters, events, and threads.
 */
#include "internal.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define SECXML(uuid, attrs, usage) \
    "<secret " attrs "><uuid>" uuid "</uuid>" usage "</secret>"
#define VOLUME(path) "<usage type='volume'><volume>" path "</volume></usage>"
#define CEPH(name) "<usage type='ceph'><name>" name "</name></usage>"

#define UUID1 "aaaaaaaa-1111-2222-3333-444444444444"
#define UUID2 "bbbbbbbb-1111-2222-3333-444444444444"
#define UUID3 "cccccccc-1111-2222-3333-444444444444"

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
checkError(int code, const char *msg)
{
    virErrorPtr err = virGetLastError();

    CHECK(err != NULL);
    CHECK_INTEQ(err->domain, VIR_FROM_SECRET);
    CHECK_INTEQ(err->code, code);
    CHECK_STREQ(err->message, msg);
    return 0;
}

static int
testDefine(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virSecretPtr s1, s2;
    g_autofree char *xml = NULL;

    CHECK(conn);
    CHECK_INTEQ(virConnectNumOfSecrets(conn), 0);
    CHECK((s1 = virSecretDefineXML(conn, SECXML(UUID1, "ephemeral='no' private='no'",
                                                VOLUME("/v1.img")), 0)));
    CHECK_INTEQ(virSecretGetUsageType(s1), VIR_SECRET_USAGE_TYPE_VOLUME);
    CHECK_STREQ(virSecretGetUsageID(s1), "/v1.img");
    CHECK((xml = virSecretGetXMLDesc(s1, 0)));
    CHECK_STREQ(xml, "<secret ephemeral='no' private='no'>\n"
                     "  <uuid>" UUID1 "</uuid>\n"
                     "  <usage type='volume'>\n"
                     "    <volume>/v1.img</volume>\n"
                     "  </usage>\n"
                     "</secret>\n");
    CHECK(!virSecretGetXMLDesc(s1, 1));

    /* a usage belongs to one secret; a known UUID keeps its usage */
    CHECK(!virSecretDefineXML(conn, SECXML(UUID2, "", VOLUME("/v1.img")), 0));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR,
                     "internal error: a secret with UUID " UUID1 " already defined for use with /v1.img") == 0);
    CHECK(!virSecretDefineXML(conn, SECXML(UUID1, "", VOLUME("/v2.img")), 0));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR,
                     "internal error: a secret with UUID " UUID1 " is already defined for use with /v1.img") == 0);
    /* the same usage ID of another type is another usage */
    CHECK((s2 = virSecretDefineXML(conn, SECXML(UUID2, "", CEPH("/v1.img")), 0)));
    CHECK_INTEQ(virConnectNumOfSecrets(conn), 2);

    /* a private secret stays private */
    virSecretFree(s2);
    CHECK((s2 = virSecretDefineXML(conn, SECXML(UUID3, "private='yes'", CEPH("c")), 0)));
    CHECK(!virSecretDefineXML(conn, SECXML(UUID3, "private='no'", CEPH("c")), 0));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR,
                     "internal error: cannot change private flag on existing secret") == 0);
    virSecretFree(s2);
    CHECK((s2 = virSecretDefineXML(conn, SECXML(UUID3, "private='yes' ephemeral='yes'",
                                                CEPH("c")), 0)));

    CHECK_INTEQ(virConnectListAllSecrets(conn, NULL, VIR_CONNECT_LIST_SECRETS_PRIVATE), 1);
    CHECK_INTEQ(virConnectListAllSecrets(conn, NULL, VIR_CONNECT_LIST_SECRETS_NO_PRIVATE), 2);
    CHECK_INTEQ(virConnectListAllSecrets(conn, NULL, VIR_CONNECT_LIST_SECRETS_EPHEMERAL), 1);
    CHECK_INTEQ(virConnectListAllSecrets(conn, NULL, VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL |
                                         VIR_CONNECT_LIST_SECRETS_NO_PRIVATE), 2);
    CHECK_INTEQ(virConnectListAllSecrets(conn, NULL, 1u << 4), -1);

    CHECK(!virSecretDefineXML(conn, "<secret><usage type='bogus'/></secret>", 0));
    CHECK(!virSecretDefineXML(conn, "<secret", 0));
    CHECK(!virSecretDefineXML(conn, SECXML(UUID1, "", VOLUME("/v1.img")), 2));
    virSecretFree(s1);
    virSecretFree(s2);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testValues(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virSecretPtr s, p;
    unsigned char *value;
    size_t size = 99;

    CHECK(conn);
    CHECK((s = virSecretDefineXML(conn, SECXML(UUID1, "", VOLUME("/v1.img")), 0)));
    CHECK(!virSecretGetValue(s, &size, 0));
    CHECK(checkError(VIR_ERR_NO_SECRET,
                     "Secret not found: secret '" UUID1 "' does not have a value") == 0);
    CHECK_INTEQ(virSecretSetValue(s, (const unsigned char *)"s3cr\0t", 6, 0), 0);
    CHECK((value = virSecretGetValue(s, &size, 0)));
    CHECK_INTEQ(size, 6);
    CHECK(memcmp(value, "s3cr\0t", 6) == 0);
    free(value);
    /* an empty value is a value */
    CHECK_INTEQ(virSecretSetValue(s, (const unsigned char *)"", 0, 0), 0);
    CHECK((value = virSecretGetValue(s, &size, 0)));
    CHECK_INTEQ(size, 0);
    free(value);
    CHECK_INTEQ(virSecretSetValue(s, (const unsigned char *)"x", 1, 1), -1);

    /* redefining keeps the value */
    virSecretFree(virSecretDefineXML(conn, SECXML(UUID1, "ephemeral='yes'", VOLUME("/v1.img")), 0));
    CHECK((value = virSecretGetValue(s, &size, 0)));
    free(value);

    CHECK((p = virSecretDefineXML(conn, SECXML(UUID2, "private='yes'", CEPH("p")), 0)));
    CHECK_INTEQ(virSecretSetValue(p, (const unsigned char *)"hidden", 6, 0), 0);
    CHECK(!virSecretGetValue(p, &size, 0));
    CHECK(checkError(VIR_ERR_INVALID_SECRET, "Invalid secret: secret is private") == 0);

    CHECK_INTEQ(virSecretUndefine(s), 0);
    CHECK(!virSecretGetValue(s, &size, 0));
    CHECK(checkError(VIR_ERR_NO_SECRET,
                     "Secret not found: no secret with matching uuid '" UUID1 "'") == 0);
    CHECK_INTEQ(virSecretUndefine(s), -1);
    CHECK_INTEQ(virSecretSetValue(s, (const unsigned char *)"x", 1, 0), -1);
    virSecretFree(s);
    virSecretFree(p);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testLookups(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virSecretPtr s, found;
    char *uuids[4];
    int n;

    CHECK(conn);
    CHECK((s = virSecretDefineXML(conn, SECXML(UUID1, "", "<usage type='iscsi'>"
                                               "<target>iqn.t</target></usage>"), 0)));
    CHECK((found = virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_ISCSI, "iqn.t")));
    CHECK_STREQ(virSecretGetUsageID(found), "iqn.t");
    virSecretFree(found);
    CHECK(!virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_CEPH, "iqn.t"));
    CHECK(checkError(VIR_ERR_NO_SECRET,
                     "Secret not found: no secret with matching usage 'iqn.t'") == 0);
    CHECK((found = virSecretLookupByUUIDString(conn, UUID1)));
    virSecretFree(found);
    CHECK(!virSecretLookupByUUIDString(conn, UUID2));
    CHECK(checkError(VIR_ERR_NO_SECRET,
                     "Secret not found: no secret with matching uuid '" UUID2 "'") == 0);
    virSecretFree(virSecretDefineXML(conn, SECXML(UUID2, "", ""), 0));
    /* no usage is never found by usage */
    CHECK(!virSecretLookupByUsage(conn, VIR_SECRET_USAGE_TYPE_NONE, ""));
    n = virConnectListSecrets(conn, uuids, 1);
    CHECK_INTEQ(n, 1);
    free(uuids[0]);
    n = virConnectListSecrets(conn, uuids, 4);
    CHECK_INTEQ(n, 2);
    CHECK(g_strcmp0(uuids[0], uuids[1]) != 0);
    free(uuids[0]);
    free(uuids[1]);
    virSecretFree(s);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static GString *events;

static void
lifecycle(virConnectPtr conn G_GNUC_UNUSED, virSecretPtr secret, int event,
          int detail G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
    g_string_append_printf(events, "%s:%d ", virSecretGetUsageID(secret), event);
}

static void
changed(virConnectPtr conn G_GNUC_UNUSED, virSecretPtr secret,
        void *opaque G_GNUC_UNUSED)
{
    g_string_append_printf(events, "%s:value ", virSecretGetUsageID(secret));
}

static int ticked;

static void
tick(int timer, void *opaque G_GNUC_UNUSED)
{
    virEventRemoveTimeout(timer);
    ticked = 1;
}

static const char *
drain(void)
{
    g_string_truncate(events, 0);
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
    return events->str;
}

static int
testEvents(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virSecretPtr s;
    int id1, id2;

    CHECK(conn);
    id1 = virConnectSecretEventRegisterAny(conn, NULL, VIR_SECRET_EVENT_ID_LIFECYCLE,
                                           VIR_SECRET_EVENT_CALLBACK(lifecycle), NULL, NULL);
    id2 = virConnectSecretEventRegisterAny(conn, NULL, VIR_SECRET_EVENT_ID_VALUE_CHANGED,
                                           VIR_SECRET_EVENT_CALLBACK(changed), NULL, NULL);
    CHECK(id1 >= 0 && id2 >= 0);
    CHECK((s = virSecretDefineXML(conn, SECXML(UUID1, "", VOLUME("/e.img")), 0)));
    CHECK_INTEQ(virSecretSetValue(s, (const unsigned char *)"v", 1, 0), 0);
    CHECK_INTEQ(virSecretUndefine(s), 0);
    CHECK_STREQ(drain(), "/e.img:0 /e.img:value /e.img:1 ");
    CHECK_INTEQ(virConnectSecretEventDeregisterAny(conn, id1), 0);
    CHECK_INTEQ(virConnectSecretEventDeregisterAny(conn, id2), 0);
    virSecretFree(s);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

#define NTHREADS 8

static gpointer
hammer(gpointer opaque)
{
    virConnectPtr conn = opaque;
    static gint next;
    int me = g_atomic_int_add(&next, 1);
    int i;

    for (i = 0; i < 50; i++) {
        g_autofree char *xml = g_strdup_printf(
            "<secret><uuid>%08x-1111-2222-3333-444444444444</uuid>"
            "<usage type='volume'><volume>/t%d.img</volume></usage></secret>", me + 1, me);
        virSecretPtr s = virSecretDefineXML(conn, xml, 0);
        unsigned char *value;
        size_t size;

        if (!s || virSecretSetValue(s, (const unsigned char *)"abc", 3, 0) < 0 ||
            !(value = virSecretGetValue(s, &size, 0)))
            return GINT_TO_POINTER(1);
        free(value);
        if (virSecretUndefine(s) < 0 || virConnectListAllSecrets(conn, NULL, 0) < 0)
            return GINT_TO_POINTER(1);
        virSecretFree(s);
    }
    return NULL;
}

static int
testThreads(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    GThread *threads[NTHREADS];
    int failures = 0;
    size_t i;

    CHECK(conn);
    for (i = 0; i < NTHREADS; i++)
        threads[i] = g_thread_new("hammer", hammer, conn);
    for (i = 0; i < NTHREADS; i++)
        failures += GPOINTER_TO_INT(g_thread_join(threads[i]));
    CHECK_INTEQ(failures, 0);
    CHECK_INTEQ(virConnectNumOfSecrets(conn), 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virInitialize();
    virSetErrorFunc(NULL, quiet);
    virEventRegisterDefaultImpl();
    events = g_string_new(NULL);

    virTestRun("define", testDefine);
    virTestRun("values", testValues);
    virTestRun("lookups", testLookups);
    virTestRun("events", testEvents);
    virTestRun("threads", testThreads);
    g_string_free(events, TRUE);
    return virTestDone();
}
