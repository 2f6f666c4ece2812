/*
 * Opening connections: default URIs, aliases from the client
 * configuration, authentication callbacks, and handles shared between
 * threads.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "testutils.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#define VIR_FROM_THIS VIR_FROM_NONE

void virConnectSetConfigPathForTesting(const char *path);

static virConnectAuthPtr seenAuth;
static const unsigned char zeroUUID[VIR_UUID_BUFLEN];

static virDrvOpenStatus
echoOpen(virConnectPtr conn, virConnectAuthPtr auth, unsigned int flags)
{
    (void)flags;
    seenAuth = auth;
    if (auth && auth->cb) {
        virConnectCredential cred = { .type = VIR_CRED_AUTHNAME, .prompt = "user" };

        if (auth->cb(&cred, 1, auth->cbdata) < 0 || !cred.result ||
            STRNEQ(cred.result, "alice")) {
            g_free(cred.result);
            virReportError(VIR_ERR_AUTH_FAILED, "%s", "wrong user");
            return VIR_DRV_OPEN_ERROR;
        }
        g_free(cred.result);
    }
    return conn->uri ? VIR_DRV_OPEN_SUCCESS : VIR_DRV_OPEN_DECLINED;
}

static virDomainPtr
echoLookup(virConnectPtr conn, const char *name)
{
    return virGetDomain(conn, name, zeroUUID, 1);
}

static virHypervisorDriver echoHypervisor = {
    .name = "Echo",
    .connectOpen = echoOpen,
    .domainLookupByName = echoLookup,
};

static const char *echoSchemes[] = { "echo", NULL };
static virConnectDriver echoDriver = {
    .localOnly = true,
    .uriSchemes = echoSchemes,
    .hypervisorDriver = &echoHypervisor,
};

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

static int
authAnswer(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    unsigned int i;

    for (i = 0; i < ncred; i++) {
        cred[i].result = g_strdup(cbdata);
        cred[i].resultlen = strlen(cbdata);
    }
    return 0;
}

static int
testDefaultURIFromEnv(void)
{
    virConnectPtr conn;
    g_autofree char *uri = NULL;

    g_setenv("LIBVIRT_DEFAULT_URI", "echo:///from-env", TRUE);
    conn = virConnectOpen(NULL);
    g_unsetenv("LIBVIRT_DEFAULT_URI");
    CHECK(conn != NULL);
    uri = virConnectGetURI(conn);
    CHECK_STREQ(uri, "echo:///from-env");
    virConnectClose(conn);
    return 0;
}

static int
testConfig(void)
{
    g_autofree char *path = g_build_filename(virTestTempDir(), "libvirt.conf", NULL);
    virConnectPtr conn;
    g_autofree char *uri1 = NULL;
    g_autofree char *uri2 = NULL;

    CHECK(g_file_set_contents(path,
                              "# client configuration\n"
                              "uri_default = \"echo:///from-config\"\n"
                              "uri_aliases = [\n"
                              "  \"short=echo:///aliased\",\n"
                              "  \"other=echo:///elsewhere\",\n"
                              "]\n", -1, NULL));
    virConnectSetConfigPathForTesting(path);

    conn = virConnectOpen(NULL);
    CHECK(conn != NULL);
    uri1 = virConnectGetURI(conn);
    CHECK_STREQ(uri1, "echo:///from-config");
    virConnectClose(conn);

    conn = virConnectOpen("short");
    CHECK(conn != NULL);
    uri2 = virConnectGetURI(conn);
    CHECK_STREQ(uri2, "echo:///aliased");
    virConnectClose(conn);

    /* VIR_CONNECT_NO_ALIASES turns the lookup off */
    CHECK(virConnectOpenAuth("short", NULL, VIR_CONNECT_NO_ALIASES) == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_NO_CONNECT);

    /* a malformed alias is a configuration error, not a crash */
    CHECK(g_file_set_contents(path, "uri_aliases = [ \"noequals\" ]\n", -1, NULL));
    CHECK(virConnectOpen("short") == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_CONF_SYNTAX);

    /* so is a file that does not parse */
    CHECK(g_file_set_contents(path, "uri_default = [ unterminated\n", -1, NULL));
    CHECK(virConnectOpen(NULL) == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_CONF_SYNTAX);

    virConnectSetConfigPathForTesting(NULL);
    return 0;
}

static int
testAuth(void)
{
    int types[] = { VIR_CRED_AUTHNAME };
    virConnectAuth good = { types, 1, authAnswer, (void *)"alice" };
    virConnectAuth bad = { types, 1, authAnswer, (void *)"mallory" };
    virConnectPtr conn;

    conn = virConnectOpenAuth("echo:///auth", &good, 0);
    CHECK(conn != NULL);
    CHECK(seenAuth == &good);
    virConnectClose(conn);

    CHECK(virConnectOpenAuth("echo:///auth", &bad, 0) == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_AUTH_FAILED);

    /* the default auth exists and offers the usual credential types */
    CHECK(virConnectAuthPtrDefault != NULL);
    CHECK(virConnectAuthPtrDefault->ncredtype >= 5);
    CHECK(virConnectAuthPtrDefault->cb != NULL);
    return 0;
}

#define THREADS 8
#define ROUNDS 5000

static gpointer
hammer(gpointer data)
{
    virConnectPtr conn = data;
    int i;

    for (i = 0; i < ROUNDS; i++) {
        virDomainPtr dom = virDomainLookupByName(conn, "shared");

        if (!dom || virDomainRef(dom) < 0 ||
            virDomainFree(dom) < 0 || virDomainFree(dom) < 0)
            return GINT_TO_POINTER(1);
        /* a failing call on a shared connection from many threads */
        if (virDomainSuspend(NULL) != -1)
            return GINT_TO_POINTER(1);
    }
    return NULL;
}

static int
testThreads(void)
{
    virConnectPtr conn = virConnectOpen("echo:///threads");
    GThread *threads[THREADS];
    int failures = 0;
    size_t i;

    CHECK(conn != NULL);
    for (i = 0; i < THREADS; i++)
        threads[i] = g_thread_new("hammer", hammer, conn);
    for (i = 0; i < THREADS; i++)
        failures += GPOINTER_TO_INT(g_thread_join(threads[i]));
    CHECK_INTEQ(failures, 0);
    /* every domain handle released its reference on the connection */
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virInitialize();
    virSetErrorFunc(NULL, quiet);
    virRegisterConnectDriver(&echoDriver, false);

    virTestRun("default-uri-from-env", testDefaultURIFromEnv);
    virTestRun("config-default-and-aliases", testConfig);
    virTestRun("auth-callbacks", testAuth);
    virTestRun("threads-share-handles", testThreads);
    return virTestDone();
}
