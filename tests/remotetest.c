/*
 * remotetest: the remote driver against nuvirt's libvirtd, started on a
 * private socket: calls of every shape the generator writes (handles,
 * strings, lists, typed parameters, structs), errors arriving exactly
 * as the daemon raised them, read-only sockets, state shared between
 * connections, and the connection going away.
 */
#include "internal.h"
#include "testutils.h"

#include <signal.h>
#include <sys/wait.h>

#define VIR_FROM_THIS VIR_FROM_NONE

static char *rwURI;
static char *roURI;
static pid_t daemonPid = -1;

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
startDaemon(void)
{
    const char *bin = getenv("NUVIRT_LIBVIRTD");
    const char *dir = virTestTempDir();
    g_autofree char *conf = g_build_filename(dir, "libvirtd.conf", NULL);
    g_autofree char *sock = g_build_filename(dir, "libvirt-sock", NULL);
    g_autofree char *pidfile = g_build_filename(dir, "libvirtd.pid", NULL);
    g_autofree char *text = g_strdup_printf("unix_sock_dir = \"%s\"\n"
                                            "auth_unix_rw = \"none\"\n"
                                            "auth_unix_ro = \"none\"\n"
                                            "log_outputs = \"4:stderr\"\n", dir);
    int i;

    if (!bin || !g_file_set_contents(conf, text, -1, NULL))
        return -1;
    if ((daemonPid = fork()) == 0) {
        execl(bin, bin, "--config", conf, "--pid-file", pidfile, NULL);
        _exit(127);
    }
    for (i = 0; i < 500 && !g_file_test(sock, G_FILE_TEST_EXISTS); i++)
        g_usleep(10000);
    rwURI = g_strdup_printf("test+unix:///default?socket=%s", sock);
    roURI = g_strdup_printf("test+unix:///default?socket=%s-ro", sock);
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

static int
testOpen(void)
{
    virConnectPtr conn = virConnectOpen(rwURI);
    g_autofree char *host = NULL;
    unsigned long ver = 0;

    CHECK(conn);
    CHECK_STREQ(virConnectGetType(conn), "TEST");
    CHECK(virConnectGetVersion(conn, &ver) == 0);
    CHECK_INTEQ(ver, 2);
    CHECK((host = virConnectGetHostname(conn)));
    CHECK_STREQ(host, g_get_host_name());
    CHECK_INTEQ(virConnectIsAlive(conn), 1);
    CHECK_INTEQ(virConnectIsSecure(conn), 1);
    CHECK_INTEQ(virConnectIsEncrypted(conn), 0);
    CHECK_INTEQ(virConnectGetMaxVcpus(conn, NULL), 32);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testDomains(void)
{
    virConnectPtr conn = virConnectOpen(rwURI);
    virDomainPtr dom;
    virDomainPtr *doms = NULL;
    virDomainInfo info;
    g_autofree char *xml = NULL;
    char *names[4] = { NULL };
    int ids[4];
    int state, reason;
    int n;

    CHECK(conn);
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK_INTEQ(virDomainGetID(dom), 1);
    CHECK(virDomainGetInfo(dom, &info) == 0);
    CHECK_INTEQ(info.state, VIR_DOMAIN_RUNNING);
    CHECK_INTEQ(info.maxMem, 8388608);
    CHECK(virDomainGetState(dom, &state, &reason, 0) == 0);
    CHECK_INTEQ(state, VIR_DOMAIN_RUNNING);
    CHECK((xml = virDomainGetXMLDesc(dom, 0)));
    CHECK(strstr(xml, "<name>test</name>"));
    CHECK(virDomainSuspend(dom) == 0);
    CHECK(virDomainGetInfo(dom, &info) == 0);
    CHECK_INTEQ(info.state, VIR_DOMAIN_PAUSED);
    CHECK(virDomainResume(dom) == 0);
    CHECK(virDomainDestroy(dom) == 0);
    CHECK_INTEQ(virConnectNumOfDomains(conn), 0);
    CHECK_INTEQ(virConnectNumOfDefinedDomains(conn), 1);
    CHECK_INTEQ(virConnectListDefinedDomains(conn, names, 4), 1);
    CHECK_STREQ(names[0], "test");
    g_free(names[0]);
    CHECK(virDomainCreate(dom) == 0);
    CHECK(virDomainGetID(dom) > 1);      /* the new id came back */
    CHECK_INTEQ(virConnectListDomains(conn, ids, 4), 1);
    CHECK_INTEQ(ids[0], virDomainGetID(dom));
    CHECK((n = virConnectListAllDomains(conn, &doms, 0)) == 1);
    CHECK_STREQ(virDomainGetName(doms[0]), "test");
    virDomainFree(doms[0]);
    g_free(doms);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}

static int
testErrors(void)
{
    virConnectPtr conn = virConnectOpen(rwURI);
    virErrorPtr err;

    CHECK(conn);
    /* the daemon's error, code, domain and text */
    CHECK(!virDomainLookupByName(conn, "nosuch"));
    err = virGetLastError();
    CHECK(err);
    CHECK_INTEQ(err->code, VIR_ERR_NO_DOMAIN);
    CHECK_INTEQ(err->domain, VIR_FROM_TEST);
    CHECK_STREQ(err->message, "Domain not found");
    /* and the connection's copy of it */
    CHECK_INTEQ(virConnGetLastError(conn)->code, VIR_ERR_NO_DOMAIN);
    /* a malformed document */
    CHECK(!virDomainDefineXML(conn, "<domain"));
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_XML_DETAIL);
    /* what the test driver does not have is unsupported, as libvirtd says */
    CHECK(virNodeSuspendForDuration(conn, VIR_NODE_SUSPEND_TARGET_MEM, 60, 0) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_NO_SUPPORT);
    CHECK_STREQ(virGetLastError()->message,
                "this function is not supported by the connection driver: virNodeSuspendForDuration");
    virConnectClose(conn);
    return 0;
}

static int
testReadOnly(void)
{
    virConnectPtr conn = virConnectOpenReadOnly(roURI);
    virDomainPtr dom;

    CHECK(conn);
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK(virDomainSuspend(dom) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_OPERATION_DENIED);
    CHECK_STREQ(virGetLastError()->message,
                "operation forbidden: read only access prevents virDomainSuspend");
    virDomainFree(dom);
    virConnectClose(conn);

    /* a read-write open of the read-only socket is read-only all the same */
    CHECK((conn = virConnectOpen(roURI)));
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK(virDomainSuspend(dom) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_OPERATION_DENIED);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}

static int
testSharedState(void)
{
    virConnectPtr a = virConnectOpen(rwURI);
    virConnectPtr b = virConnectOpen(rwURI);
    virDomainPtr dom;

    CHECK(a && b);
    CHECK((dom = virDomainDefineXML(a,
        "<domain type='test'><name>shared</name><memory>65536</memory>"
        "<os><type>hvm</type></os></domain>")));
    virDomainFree(dom);
    /* the other connection sees it: one test driver state in the daemon */
    CHECK((dom = virDomainLookupByName(b, "shared")));
    CHECK(virDomainUndefine(dom) == 0);
    virDomainFree(dom);
    CHECK(!virDomainLookupByName(a, "shared"));
    virConnectClose(a);
    virConnectClose(b);
    return 0;
}

static int
testDaemonGone(void)
{
    virConnectPtr conn = virConnectOpen(rwURI);

    CHECK(conn);
    stopDaemon();
    /* as with libvirt's client: the next write finds the socket closed */
    CHECK(virConnectNumOfDomains(conn) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    CHECK_INTEQ(virGetLastError()->domain, VIR_FROM_RPC);
    CHECK_STREQ(virGetLastError()->message, "Cannot write data: Broken pipe");
    CHECK_INTEQ(virConnectIsAlive(conn), 0);
    virConnectClose(conn);

    CHECK(!virConnectOpen(rwURI));
    CHECK(g_str_has_prefix(virGetLastError()->message, "Failed to connect socket to '"));
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
    virTestRun("domains", testDomains);
    virTestRun("errors", testErrors);
    virTestRun("read-only socket", testReadOnly);
    virTestRun("state shared between connections", testSharedState);
    virTestRun("daemon goes away", testDaemonGone);
    stopDaemon();
    g_free(rwURI);
    g_free(roURI);
    return virTestDone();
}
