/*
 * admintest: libvirt-admin.so against nuvirt's libvirtd on a private
 * admin socket: servers, worker pool and client limits (read, changed,
 * refused with libvirt's errors), the connections of a server (listed,
 * described, disconnected), logging settings, the idle timeout, URIs and
 * handle checks.  Public API only: linked to libvirt.so and
 * libvirt-admin.so as an application would be.
 */
#include <libvirt/libvirt.h>
#include <libvirt/libvirt-admin.h>
#include <libvirt/virterror.h>
#include <glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutils.h"

static char *admURI;
static char *rwURI;
static char *sockDir;
static pid_t daemonPid = -1;

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
startDaemon(void)
{
    const char *bin = getenv("NUVIRT_LIBVIRTD");
    g_autofree char *conf = NULL;
    g_autofree char *sock = NULL;
    g_autofree char *text = NULL;
    g_autofree char *pidfile = NULL;
    int i;

    sockDir = g_strdup(virTestTempDir());
    conf = g_build_filename(sockDir, "libvirtd.conf", NULL);
    sock = g_build_filename(sockDir, "libvirt-admin-sock", NULL);
    pidfile = g_build_filename(sockDir, "libvirtd.pid", NULL);
    text = g_strdup_printf("unix_sock_dir = \"%s\"\n"
                           "auth_unix_rw = \"none\"\n"
                           "auth_unix_ro = \"none\"\n"
                           "max_workers = 8\n"
                           "min_workers = 2\n"
                           "prio_workers = 3\n"
                           "max_clients = 50\n"
                           "max_anonymous_clients = 10\n"
                           "log_outputs = \"4:stderr\"\n", sockDir);
    if (!bin || !g_file_set_contents(conf, text, -1, NULL))
        return -1;
    if ((daemonPid = fork()) == 0) {
        execl(bin, bin, "--config", conf, "--pid-file", pidfile, NULL);
        _exit(127);
    }
    for (i = 0; i < 500 && !g_file_test(sock, G_FILE_TEST_EXISTS); i++)
        g_usleep(10000);
    admURI = g_strdup_printf("libvirtd:///system?socket=%s", sock);
    rwURI = g_strdup_printf("test+unix:///default?socket=%s/libvirt-sock", sockDir);
    return g_file_test(sock, G_FILE_TEST_EXISTS) ? 0 : -1;
}

static void
stopDaemon(void)
{
    int status;

    if (daemonPid > 0) {
        kill(daemonPid, SIGTERM);
        waitpid(daemonPid, &status, 0);
        daemonPid = -1;
    }
}

static unsigned int
paramUInt(virTypedParameterPtr params, int nparams, const char *name)
{
    unsigned int v = 12345;

    if (virTypedParamsGetUInt(params, nparams, name, &v) != 1)
        return 12345;
    return v;
}

static int
testOpen(void)
{
    virAdmConnectPtr conn = virAdmConnectOpen(admURI, 0);
    unsigned long long ver = 0;
    g_autofree char *uri = NULL;

    CHECK(conn);
    CHECK_INTEQ(virAdmConnectIsAlive(conn), 1);
    CHECK(virAdmConnectGetLibVersion(conn, &ver) == 0);
    CHECK_INTEQ(ver, 9000000);
    CHECK((uri = virAdmConnectGetURI(conn)));
    CHECK_STREQ(uri, admURI);
    CHECK_INTEQ(virAdmConnectRef(conn), 0);
    CHECK_INTEQ(virAdmConnectClose(conn), 1);
    CHECK_INTEQ(virAdmConnectClose(conn), 0);
    return 0;
}

static int
testBadURIs(void)
{
    static const struct { const char *uri; const char *msg; } cases[] = {
        { "libvirtd:///system?foo=bar", "unsupported configuration: Unknown URI parameter 'foo'" },
        { "bogus:///system", "unsupported configuration: Unsupported URI scheme 'bogus'" },
        { "libvirtd:///elsewhere",
          "unsupported configuration: Invalid URI path '/elsewhere', try '/system'" },
        { "libvirtd:///system?socket=/nonexistent/sock",
          "Failed to connect socket to '/nonexistent/sock': No such file or directory" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        CHECK(!virAdmConnectOpen(cases[i].uri, 0));
        CHECK_STREQ(virGetLastErrorMessage(), cases[i].msg);
    }
    /* handles that are not handles */
    CHECK_INTEQ(virAdmConnectIsAlive(NULL), 0);
    CHECK(virAdmConnectGetLibVersion(NULL, NULL) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INVALID_CONN);
    CHECK(!virAdmServerGetName(NULL));
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INVALID_CONN);
    CHECK(virAdmClientGetID(NULL) == (unsigned long long)-1);
    CHECK_INTEQ(virAdmServerFree(NULL), 0);
    return 0;
}

static int
testServers(void)
{
    virAdmConnectPtr conn = virAdmConnectOpen(admURI, 0);
    virAdmServerPtr *srvs = NULL;
    virAdmServerPtr srv;
    int n, i;

    CHECK(conn);
    CHECK_INTEQ(virAdmConnectListServers(conn, NULL, 0), 2);
    CHECK((n = virAdmConnectListServers(conn, &srvs, 0)) == 2);
    CHECK_STREQ(virAdmServerGetName(srvs[0]), "libvirtd");
    CHECK_STREQ(virAdmServerGetName(srvs[1]), "admin");
    for (i = 0; i < n; i++)
        virAdmServerFree(srvs[i]);
    free(srvs);
    CHECK((srv = virAdmConnectLookupServer(conn, "libvirtd", 0)));
    CHECK_STREQ(virAdmServerGetName(srv), "libvirtd");
    virAdmServerFree(srv);
    CHECK(!virAdmConnectLookupServer(conn, "nosuch", 0));
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_NO_SERVER);
    CHECK_STREQ(virGetLastErrorMessage(), "Server not found: No server named 'nosuch'");
    CHECK(!virAdmConnectLookupServer(conn, "libvirtd", 1));
    CHECK_STREQ(virGetLastErrorMessage(),
                "unsupported flags (0x1) in function adminConnectLookupServer");
    /* the server handle keeps its connection */
    CHECK((srv = virAdmConnectLookupServer(conn, "admin", 0)));
    CHECK_INTEQ(virAdmConnectClose(conn), 1);
    CHECK_STREQ(virAdmServerGetName(srv), "admin");
    virAdmServerFree(srv);
    return 0;
}

static int
testThreadPool(void)
{
    virAdmConnectPtr conn = virAdmConnectOpen(admURI, 0);
    virAdmServerPtr srv = conn ? virAdmConnectLookupServer(conn, "libvirtd", 0) : NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0, maxparams = 0;

    CHECK(srv);
    CHECK(virAdmServerGetThreadPoolParameters(srv, &params, &nparams, 0) == 0);
    CHECK_INTEQ(nparams, 6);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_MIN), 2);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_MAX), 8);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_PRIORITY), 3);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_CURRENT), 2);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_JOB_QUEUE_DEPTH), 0);
    virTypedParamsFree(params, nparams);

    /* raising the minimum starts workers; one value changes one field */
    params = NULL;
    nparams = 0;
    virTypedParamsAddUInt(&params, &nparams, &maxparams, VIR_THREADPOOL_WORKERS_MIN, 4);
    CHECK(virAdmServerSetThreadPoolParameters(srv, params, nparams, 0) == 0);
    virTypedParamsFree(params, nparams);
    params = NULL;
    nparams = 0;
    CHECK(virAdmServerGetThreadPoolParameters(srv, &params, &nparams, 0) == 0);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_MIN), 4);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_MAX), 8);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_CURRENT), 4);
    virTypedParamsFree(params, nparams);

    /* refused, nothing changed */
    params = NULL;
    nparams = maxparams = 0;
    virTypedParamsAddUInt(&params, &nparams, &maxparams, VIR_THREADPOOL_WORKERS_MIN, 50);
    CHECK(virAdmServerSetThreadPoolParameters(srv, params, nparams, 0) < 0);
    CHECK_STREQ(virGetLastErrorMessage(),
                "invalid argument: minWorkers cannot be larger than maxWorkers");
    virTypedParamsFree(params, nparams);
    params = NULL;
    nparams = maxparams = 0;
    virTypedParamsAddInt(&params, &nparams, &maxparams, VIR_THREADPOOL_WORKERS_MAX, 5);
    CHECK(virAdmServerSetThreadPoolParameters(srv, params, nparams, 0) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INVALID_ARG);
    virTypedParamsFree(params, nparams);
    params = NULL;
    nparams = 0;
    CHECK(virAdmServerGetThreadPoolParameters(srv, &params, &nparams, 0) == 0);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_MIN), 4);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_THREADPOOL_WORKERS_MAX), 8);
    virTypedParamsFree(params, nparams);
    virAdmServerFree(srv);
    virAdmConnectClose(conn);
    return 0;
}

static int
testClients(void)
{
    virAdmConnectPtr conn = virAdmConnectOpen(admURI, 0);
    virAdmServerPtr srv = conn ? virAdmConnectLookupServer(conn, "libvirtd", 0) : NULL;
    virConnectPtr hv = virConnectOpen(rwURI);
    virAdmClientPtr *clients = NULL;
    virAdmClientPtr clnt;
    virTypedParameterPtr params = NULL;
    int nparams = 0, maxparams = 0;
    int readonly = -1;
    const char *user = NULL;

    CHECK(srv && hv);
    CHECK(virAdmServerGetClientLimits(srv, &params, &nparams, 0) == 0);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_SERVER_CLIENTS_MAX), 50);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_SERVER_CLIENTS_CURRENT), 1);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_SERVER_CLIENTS_UNAUTH_MAX), 10);
    virTypedParamsFree(params, nparams);

    CHECK_INTEQ(virAdmServerListClients(srv, &clients, 0), 1);
    clnt = clients[0];
    free(clients);
    CHECK_INTEQ(virAdmClientGetTransport(clnt), VIR_CLIENT_TRANS_UNIX);
    CHECK(virAdmClientGetTimestamp(clnt) > 0);
    params = NULL;
    nparams = 0;
    CHECK(virAdmClientGetInfo(clnt, &params, &nparams, 0) == 0);
    CHECK(virTypedParamsGetBoolean(params, nparams, VIR_CLIENT_INFO_READONLY, &readonly) == 1);
    CHECK_INTEQ(readonly, 0);
    CHECK(virTypedParamsGetString(params, nparams, VIR_CLIENT_INFO_UNIX_USER_NAME, &user) == 1);
    CHECK_STREQ(user, g_get_user_name());
    virTypedParamsFree(params, nparams);

    /* disconnecting it: the hypervisor connection sees the daemon go */
    CHECK(virAdmClientClose(clnt, 0) == 0);
    virAdmClientFree(clnt);
    CHECK(!virConnectGetHostname(hv));
    CHECK_INTEQ(virConnectIsAlive(hv), 0);
    virConnectClose(hv);
    CHECK(!virAdmServerLookupClient(srv, 987654, 0));
    CHECK_STREQ(virGetLastErrorMessage(),
                "Client not found: No client with matching ID '987654'");

    /* limits: one changed, a contradictory pair refused */
    params = NULL;
    nparams = maxparams = 0;
    virTypedParamsAddUInt(&params, &nparams, &maxparams, VIR_SERVER_CLIENTS_MAX, 40);
    CHECK(virAdmServerSetClientLimits(srv, params, nparams, 0) == 0);
    virTypedParamsFree(params, nparams);
    params = NULL;
    nparams = maxparams = 0;
    virTypedParamsAddUInt(&params, &nparams, &maxparams, VIR_SERVER_CLIENTS_UNAUTH_MAX, 41);
    CHECK(virAdmServerSetClientLimits(srv, params, nparams, 0) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INVALID_ARG);
    virTypedParamsFree(params, nparams);
    params = NULL;
    nparams = 0;
    CHECK(virAdmServerGetClientLimits(srv, &params, &nparams, 0) == 0);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_SERVER_CLIENTS_MAX), 40);
    CHECK_INTEQ(paramUInt(params, nparams, VIR_SERVER_CLIENTS_UNAUTH_MAX), 10);
    virTypedParamsFree(params, nparams);
    virAdmServerFree(srv);
    virAdmConnectClose(conn);
    return 0;
}

static int
testLogging(void)
{
    virAdmConnectPtr conn = virAdmConnectOpen(admURI, 0);
    char *text = NULL;

    CHECK(conn);
    CHECK_INTEQ(virAdmConnectGetLoggingFilters(conn, &text, 0), 0);
    CHECK(!text);
    CHECK_INTEQ(virAdmConnectGetLoggingOutputs(conn, &text, 0), 1);
    CHECK_STREQ(text, "4:stderr");
    free(text);
    CHECK(virAdmConnectSetLoggingFilters(conn, "1:rpc 3:util", 0) == 0);
    CHECK_INTEQ(virAdmConnectGetLoggingFilters(conn, &text, 0), 2);
    CHECK_STREQ(text, "1:rpc 3:util");
    free(text);
    CHECK(virAdmConnectSetLoggingFilters(conn, "garbage", 0) < 0);
    CHECK_STREQ(virGetLastErrorMessage(),
                "invalid argument: Malformed format for filter 'garbage'");
    CHECK(virAdmConnectSetLoggingFilters(conn, NULL, 0) == 0);
    CHECK_INTEQ(virAdmConnectGetLoggingFilters(conn, NULL, 0), 0);
    CHECK(virAdmConnectSetDaemonTimeout(conn, 0, 0) == 0);
    CHECK(virAdmConnectSetDaemonTimeout(conn, 0, 4) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INVALID_ARG);
    virAdmConnectClose(conn);
    return 0;
}

static int
testTimeout(void)
{
    virAdmConnectPtr conn = virAdmConnectOpen(admURI, 0);
    int status, i;

    /* with a one second timeout the daemon goes once nobody is connected */
    CHECK(conn);
    CHECK(virAdmConnectSetDaemonTimeout(conn, 1, 0) == 0);
    virAdmConnectClose(conn);
    for (i = 0; i < 500 && waitpid(daemonPid, &status, WNOHANG) == 0; i++)
        g_usleep(10000);
    CHECK(i < 500);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    daemonPid = -1;
    return 0;
}

int
main(void)
{
    virSetErrorFunc(NULL, quiet);
    if (startDaemon() < 0) {
        fprintf(stderr, "cannot start the daemon\n");
        stopDaemon();
        return 1;
    }
    virTestRun("open", testOpen);
    virTestRun("bad URIs and handles", testBadURIs);
    virTestRun("servers", testServers);
    virTestRun("worker pool", testThreadPool);
    virTestRun("clients", testClients);
    virTestRun("logging", testLogging);
    virTestRun("idle timeout", testTimeout);
    stopDaemon();
    g_free(admURI);
    g_free(rwURI);
    g_free(sockDir);
    return virTestDone();
}
