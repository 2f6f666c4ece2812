/* Connection URIs parse and format as libvirt's do. */
#include "internal.h"
#include "util/viruri.h"
#include "testutils.h"

typedef struct {
    const char *in;
    const char *scheme;
    const char *server;
    const char *user;
    unsigned int port;
    const char *path;
    const char *out;  /* formatted back */
} uriCase;

static const uriCase cases[] = {
    { "test:///default", "test", NULL, NULL, 0, "/default", "test:///default" },
    { "qemu:///system", "qemu", NULL, NULL, 0, "/system", "qemu:///system" },
    { "qemu+ssh://root@host:2222/system", "qemu+ssh", "host", "root", 2222,
      "/system", "qemu+ssh://root@host:2222/system" },
    { "qemu+tcp://[::1]/session", "qemu+tcp", "::1", NULL, 0, "/session",
      "qemu+tcp://[::1]/session" },
    { "test+unix:///default?socket=/tmp/s%20x&no_verify=1", "test+unix", NULL,
      NULL, 0, "/default", "test+unix:///default?socket=/tmp/s%20x&no_verify=1" },
};

static int
testCase(const void *data)
{
    const uriCase *c = data;
    g_autoptr(virURI) uri = virURIParse(c->in);
    g_autofree char *out = NULL;

    CHECK(uri != NULL);
    CHECK_STREQ(uri->scheme, c->scheme);
    CHECK_STREQ(uri->server, c->server);
    CHECK_STREQ(uri->user, c->user);
    CHECK_INTEQ(uri->port, c->port);
    CHECK_STREQ(uri->path, c->path);
    out = virURIFormat(uri);
    CHECK_STREQ(out, c->out);
    return 0;
}

static int
testParams(void)
{
    g_autoptr(virURI) uri = virURIParse("test+unix:///default?socket=/tmp/s%20x&no_verify=1;flag");
    g_autofree char *drv = NULL;
    g_autofree char *transport = NULL;

    CHECK(uri != NULL);
    CHECK_INTEQ(uri->paramsCount, 3);
    CHECK_STREQ(virURIGetParam(uri, "socket"), "/tmp/s x");
    CHECK_STREQ(virURIGetParam(uri, "no_verify"), "1");
    CHECK_STREQ(virURIGetParam(uri, "flag"), "");
    CHECK(virURIGetParam(uri, "missing") == NULL);
    virURISplitScheme(uri->scheme, &drv, &transport);
    CHECK_STREQ(drv, "test");
    CHECK_STREQ(transport, "unix");
    return 0;
}

static int
testBad(void)
{
    virURI *uri = virURIParse("::not a uri::");

    CHECK(uri == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INTERNAL_ERROR);
    CHECK_STREQ(virGetLastErrorMessage(), "internal error: Unable to parse URI ::not a uri::");
    virResetLastError();
    return 0;
}

int
main(void)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++)
        virTestRunData(cases[i].in, testCase, &cases[i]);
    virTestRun("params", testParams);
    virTestRun("bad", testBad);
    return virTestDone();
}
