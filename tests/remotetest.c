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
#include <sys/stat.h>
#include <sys/wait.h>
#include <pthread.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define VIR_FROM_THIS VIR_FROM_NONE

static char *rwURI;
static char *roURI;
static char *tlsURI;
static char *tcpURI;
static pid_t daemonPid = -1;

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

/* Two distinct ports on the loopback nobody listens on (as far as we can
 * tell): both sockets stay bound until both are known, so the kernel
 * cannot hand out the same port twice. */
static int
freePorts(int *a, int *b)
{
    int fds[2] = { -1, -1 };
    int *ports[2] = { a, b };
    int ret = 0;
    size_t i;

    for (i = 0; i < 2; i++) {
        struct sockaddr_in sa = { .sin_family = AF_INET,
                                  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
        socklen_t len = sizeof(sa);

        *ports[i] = -1;
        if ((fds[i] = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
            bind(fds[i], (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
            getsockname(fds[i], (struct sockaddr *)&sa, &len) < 0)
            ret = -1;
        else
            *ports[i] = ntohs(sa.sin_port);
    }
    for (i = 0; i < 2; i++) {
        if (fds[i] >= 0)
            close(fds[i]);
    }
    return ret;
}

static int
startDaemon(void)
{
    const char *bin = getenv("NUVIRT_LIBVIRTD");
    const char *src = getenv("abs_top_srcdir");
    const char *dir = virTestTempDir();
    g_autofree char *pki = g_build_filename(src ? src : "..", "tests", "tls", NULL);
    g_autofree char *conf = g_build_filename(dir, "libvirtd.conf", NULL);
    g_autofree char *sock = g_build_filename(dir, "libvirt-sock", NULL);
    g_autofree char *pidfile = g_build_filename(dir, "libvirtd.pid", NULL);
    int tlsPort, tcpPort;
    int havePorts = freePorts(&tlsPort, &tcpPort);
    g_autofree char *text = g_strdup_printf("unix_sock_dir = \"%s\"\n"
                                            "auth_unix_rw = \"none\"\n"
                                            "auth_unix_ro = \"none\"\n"
                                            "listen_addr = \"127.0.0.1\"\n"
                                            "listen_tls = 1\n"
                                            "tls_port = \"%d\"\n"
                                            "ca_file = \"%s/cacert.pem\"\n"
                                            "cert_file = \"%s/servercert.pem\"\n"
                                            "key_file = \"%s/serverkey.pem\"\n"
                                            "tls_allowed_dn_list = [ \"*CN=client1*\" ]\n"
                                            "listen_tcp = 1\n"
                                            "tcp_port = \"%d\"\n"
                                            "auth_tcp = \"none\"\n"
                                            "log_outputs = \"4:stderr\"\n",
                                            dir, tlsPort, pki, pki, pki, tcpPort);
    int i;

    if (!bin || havePorts < 0 || !g_file_set_contents(conf, text, -1, NULL))
        return -1;
    if ((daemonPid = fork()) == 0) {
        execl(bin, bin, "--listen", "--config", conf, "--pid-file", pidfile, NULL);
        _exit(127);
    }
    for (i = 0; i < 500 && !g_file_test(sock, G_FILE_TEST_EXISTS); i++)
        g_usleep(10000);
    rwURI = g_strdup_printf("test+unix:///default?socket=%s", sock);
    roURI = g_strdup_printf("test+unix:///default?socket=%s-ro", sock);
    /* the client's credentials are tests/tls/{cacert,clientcert,clientkey}.pem */
    tlsURI = g_strdup_printf("test+tls://localhost:%d/default?pkipath=%s", tlsPort, pki);
    tcpURI = g_strdup_printf("test+tcp://127.0.0.1:%d/default", tcpPort);
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

/* Bulk statistics: every domain's, and those of a list of handles,
 * which travel in the same procedure. */
static int
testDomainStats(void)
{
    virConnectPtr conn = virConnectOpen(rwURI);
    virDomainStatsRecordPtr *recs = NULL;
    virDomainPtr doms[3] = { NULL };
    int state = -1;

    CHECK(conn);
    CHECK((doms[0] = virDomainLookupByName(conn, "test")));
    CHECK_INTEQ(virConnectGetAllDomainStats(conn, VIR_DOMAIN_STATS_STATE, &recs, 0), 1);
    CHECK_STREQ(virDomainGetName(recs[0]->dom), "test");
    CHECK_INTEQ(recs[0]->nparams, 2);
    CHECK(virTypedParamsGetInt(recs[0]->params, recs[0]->nparams, "state.state",
                               &state) == 1);
    CHECK_INTEQ(state, VIR_DOMAIN_RUNNING);
    CHECK(!recs[1]);
    virDomainStatsRecordListFree(recs);
    recs = NULL;
    doms[1] = doms[0];
    CHECK_INTEQ(virDomainListGetStats(doms, 0, &recs, 0), 2);
    CHECK_STREQ(virDomainGetName(recs[1]->dom), "test");
    virDomainStatsRecordListFree(recs);
    recs = NULL;
    doms[1] = NULL;
    CHECK_INTEQ(virDomainListGetStats(doms, 0, &recs,
                                      VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE), 0);
    virDomainStatsRecordListFree(recs);
    CHECK(virDomainListGetStats(doms, VIR_DOMAIN_STATS_BLOCK, &recs,
                                VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_ARGUMENT_UNSUPPORTED);
    CHECK_STREQ(virGetLastError()->message,
                "argument unsupported: Stats types bits 0x20 are not supported by this daemon");
    virDomainFree(doms[0]);
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
testNetworked(void)
{
    virConnectPtr conn;
    g_autofree char *uri = NULL;

    CHECK((conn = virConnectOpen(tlsURI)));
    CHECK_INTEQ(virConnectIsSecure(conn), 1);
    CHECK_INTEQ(virConnectIsEncrypted(conn), 1);
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    CHECK((uri = virConnectGetURI(conn)));
    CHECK_STREQ(uri, tlsURI);     /* the client's URI, as libvirt keeps it */
    virConnectClose(conn);

    CHECK((conn = virConnectOpen(tcpURI)));
    CHECK_INTEQ(virConnectIsSecure(conn), 0);
    CHECK_INTEQ(virConnectIsEncrypted(conn), 0);
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    virConnectClose(conn);

    /* a client certificate from another CA: the daemon says no */
    {
        const char *src = getenv("abs_top_srcdir");
        g_autofree char *pki = g_build_filename(src ? src : "..", "tests", "tls", NULL);
        g_autofree char *dir = g_build_filename(virTestTempDir(), "stranger", NULL);
        g_autofree char *bad = NULL;
        const char *files[][2] = { { "cacert.pem", "cacert.pem" },
                                   { "strangercert.pem", "clientcert.pem" },
                                   { "clientkey.pem", "clientkey.pem" } };
        size_t i;

        g_mkdir_with_parents(dir, 0700);
        for (i = 0; i < G_N_ELEMENTS(files); i++) {
            g_autofree char *from = g_build_filename(pki, files[i][0], NULL);
            g_autofree char *to = g_build_filename(dir, files[i][1], NULL);
            g_autofree char *data = NULL;
            gsize len;

            CHECK(g_file_get_contents(from, &data, &len, NULL));
            CHECK(g_file_set_contents(to, data, len, NULL));
        }
        bad = g_strdup_printf("%.*s%s&no_sanity=1",
                              (int)(strstr(tlsURI, "pkipath=") + 8 - tlsURI), tlsURI, dir);
        CHECK(!virConnectOpen(bad));
        CHECK_INTEQ(virGetLastError()->code, VIR_ERR_RPC);
        CHECK_STREQ(virGetLastError()->message,
                    "server verification (of our certificate or IP address) failed");
    }
    return 0;
}

/* The client's event loop, run in a thread as an application would. */
static volatile int loopQuit;
static pthread_t loopThread;
static volatile int netEvents, netLastEvent, domEvents, closeReason = -1;
static char netLastName[64];

static void
loopTick(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}

static void *
loopRun(void *opaque G_GNUC_UNUSED)
{
    while (!loopQuit)
        virEventRunDefaultImpl();
    return NULL;
}

static int
waitFor(volatile int *counter, int count)
{
    int i;

    for (i = 0; i < 500 && *counter < count; i++)
        g_usleep(10000);
    return *counter >= count ? 0 : -1;
}

static void
onNetLifecycle(virConnectPtr conn G_GNUC_UNUSED, virNetworkPtr net, int event,
               int detail G_GNUC_UNUSED, void *opaque)
{
    g_strlcpy(netLastName, virNetworkGetName(net), sizeof(netLastName));
    netLastEvent = event;
    if (GPOINTER_TO_INT(opaque) == 42)
        netEvents++;
}

static int
onDomLifecycle(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom G_GNUC_UNUSED,
               int event G_GNUC_UNUSED, int detail G_GNUC_UNUSED,
               void *opaque G_GNUC_UNUSED)
{
    domEvents++;
    return 0;
}

static void
onClose(virConnectPtr conn G_GNUC_UNUSED, int reason, void *opaque G_GNUC_UNUSED)
{
    closeReason = reason;
}

static int
testEvents(void)
{
    virConnectPtr conn = virConnectOpen(rwURI);
    virConnectPtr other = virConnectOpen(rwURI);
    virNetworkPtr net;
    int id, i;

    CHECK(conn && other);
    CHECK((id = virConnectNetworkEventRegisterAny(conn, NULL,
                                                  VIR_NETWORK_EVENT_ID_LIFECYCLE,
                                                  VIR_NETWORK_EVENT_CALLBACK(onNetLifecycle),
                                                  GINT_TO_POINTER(42), NULL)) >= 0);
    /* the legacy domain registration, once per connection */
    CHECK(virConnectDomainEventRegister(conn, onDomLifecycle, NULL, NULL) == 0);

    /* a change made on another connection arrives on this one */
    CHECK((net = virNetworkDefineXML(other,
        "<network><name>evnet</name><bridge name='evbr0'/></network>")));
    CHECK(waitFor(&netEvents, 1) == 0);
    CHECK_STREQ(netLastName, "evnet");
    CHECK_INTEQ(netLastEvent, VIR_NETWORK_EVENT_DEFINED);
    CHECK(virNetworkCreate(net) == 0);
    CHECK(waitFor(&netEvents, 2) == 0);
    CHECK_INTEQ(netLastEvent, VIR_NETWORK_EVENT_STARTED);
    CHECK(virNetworkDestroy(net) == 0);
    CHECK(virNetworkUndefine(net) == 0);
    CHECK(waitFor(&netEvents, 4) == 0);
    CHECK_INTEQ(netLastEvent, VIR_NETWORK_EVENT_UNDEFINED);
    virNetworkFree(net);

    /* deregistered: nothing more arrives */
    CHECK(virConnectNetworkEventDeregisterAny(conn, id) == 0);
    CHECK(virConnectNetworkEventDeregisterAny(conn, id) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INVALID_ARG);
    CHECK(virConnectDomainEventDeregister(conn, onDomLifecycle) == 0);
    CHECK((net = virNetworkDefineXML(other,
        "<network><name>evnet2</name><bridge name='evbr1'/></network>")));
    CHECK(virNetworkUndefine(net) == 0);
    virNetworkFree(net);
    for (i = 0; i < 20; i++)
        g_usleep(10000);
    CHECK_INTEQ(netEvents, 4);

    virConnectClose(other);
    virConnectClose(conn);
    return 0;
}

/* ssh as the remote driver runs it, with a stand-in for the ssh binary
 * (command=) that records its arguments and runs the far side's command
 * here: libvirt's netcat line, then the connection over its pipes. */
static int
testSSH(void)
{
    const char *dir = virTestTempDir();
    g_autofree char *fake = g_build_filename(dir, "fakessh", NULL);
    g_autofree char *log = g_build_filename(dir, "fakessh.log", NULL);
    g_autofree char *script = g_strdup_printf("#!/bin/sh\n"
                                              "echo \"$@\" >> '%s'\n"
                                              "for last; do :; done\n"
                                              "exec sh -c \"$last\"\n", log);
    g_autofree char *uri = NULL;
    g_autofree char *args = NULL;
    g_autofree char *sock = g_build_filename(dir, "libvirt-sock", NULL);
    virConnectPtr conn;

    CHECK(g_file_set_contents(fake, script, -1, NULL));
    CHECK(chmod(fake, 0700) == 0);
    uri = g_strdup_printf("test+ssh://someone@localhost:2222/default?socket=%s&command=%s"
                          "&keyfile=/nonexistent/key&no_verify=1&no_tty=1", sock, fake);
    CHECK((conn = virConnectOpen(uri)));
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    CHECK_INTEQ(virConnectIsSecure(conn), 1);
    CHECK_INTEQ(virConnectIsEncrypted(conn), 0);   /* libvirt counts only TLS */
    virConnectClose(conn);
    CHECK(g_file_get_contents(log, &args, NULL, NULL));
    CHECK(strstr(args, "-p 2222 -l someone -i /nonexistent/key -T -e none "
                       "-o BatchMode=yes -o StrictHostKeyChecking=no -- localhost sh -c "));
    CHECK(strstr(args, sock));

    /* a tunnel whose far side fails: the far side's words, as libvirt */
    g_free(uri);
    uri = g_strdup_printf("test+ssh://localhost/default?socket=/nonexistent/sock&command=%s",
                          fake);
    CHECK(!virConnectOpen(uri));
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    CHECK_INTEQ(virGetLastError()->domain, VIR_FROM_RPC);
    CHECK_STREQ(virGetLastErrorMessage(), "Cannot recv data: nc: /nonexistent/sock: "
                "No such file or directory: Connection reset by peer");
    return 0;
}

/* proxy= picks the command run on the far side of ssh, as libvirt's:
 * virt-ssh-helper (native), netcat on the socket (netcat, with netcat=
 * naming the binary), or the helper when the host has it, else netcat
 * (auto).  The lines are those Debian's libvirt 9.0.0 hands to ssh for
 * the same URIs. */
static int
testSSHProxy(void)
{
    const char *dir = virTestTempDir();
    g_autofree char *fake = g_build_filename(dir, "recordssh", NULL);
    g_autofree char *log = g_build_filename(dir, "recordssh.log", NULL);
    g_autofree char *script = g_strdup_printf("#!/bin/sh\necho \"$@\" > '%s'\nexit 1\n", log);
    static const struct { const char *query; const char *line; } cases[] = {
        { "proxy=native&socket=/x/y",
          "-T -e none -- localhost sh -c 'virt-ssh-helper 'test:///default''\n" },
        { "proxy=netcat&netcat=/opt/nc&socket=/x/y",
          "-T -e none -- localhost sh -c 'if '/opt/nc' -q 2>&1 | grep \"requires an "
          "argument\" >/dev/null 2>&1; then ARG=-q0;else ARG=;fi;'/opt/nc' $ARG -U /x/y'\n" },
        { "proxy=auto&socket=/x/y",
          "-T -e none -- localhost sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; if test "
          "$? = 0; then     virt-ssh-helper 'test:///default'; else    if 'nc' -q 2>&1 | "
          "grep \"requires an argument\" >/dev/null 2>&1; then ARG=-q0;else ARG=;fi;'nc' "
          "$ARG -U /x/y; fi'\n" },
    };
    g_autofree char *bad = NULL;
    size_t i;

    CHECK(g_file_set_contents(fake, script, -1, NULL));
    CHECK(chmod(fake, 0700) == 0);
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *uri = g_strdup_printf("test+ssh://localhost/default?command=%s&%s",
                                               fake, cases[i].query);
        g_autofree char *line = NULL;

        unlink(log);
        CHECK(!virConnectOpen(uri));
        CHECK(g_file_get_contents(log, &line, NULL, NULL));
        CHECK_STREQ(line, cases[i].line);
    }
    /* refused before anything is run */
    unlink(log);
    bad = g_strdup_printf("test+ssh://localhost/default?command=%s"
                                           "&proxy=native&netcat=/opt/nc", fake);
    CHECK(!virConnectOpen(bad));
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INVALID_ARG);
    CHECK_STREQ(virGetLastErrorMessage(),
                "invalid argument: netcat path not valid with native proxy mode");
    g_free(bad);
    bad = g_strdup_printf("test+ssh://localhost/default?command=%s&proxy=bogus", fake);
    CHECK(!virConnectOpen(bad));
    CHECK_STREQ(virGetLastErrorMessage(), "invalid argument: Unnkown proxy type 'bogus'");
    CHECK(!g_file_test(log, G_FILE_TEST_EXISTS));
    return 0;
}

static int
testDaemonGone(void)
{
    virConnectPtr conn = virConnectOpen(rwURI);

    CHECK(conn);
    CHECK(virConnectRegisterCloseCallback(conn, onClose, NULL, NULL) == 0);
    stopDaemon();
    /* the event loop notices the hang-up and tells the application */
    CHECK(waitFor(&closeReason, VIR_CONNECT_CLOSE_REASON_EOF) == 0);
    CHECK_INTEQ(closeReason, VIR_CONNECT_CLOSE_REASON_EOF);
    /* as with libvirt's client: the loop closed it, calls are refused */
    CHECK(virConnectNumOfDomains(conn) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INTERNAL_ERROR);
    CHECK_INTEQ(virGetLastError()->domain, VIR_FROM_RPC);
    CHECK_STREQ(virGetLastError()->message, "internal error: client socket is closed");
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
    if (virEventRegisterDefaultImpl() < 0 ||
        virEventAddTimeout(50, loopTick, NULL, NULL) < 0 ||
        pthread_create(&loopThread, NULL, loopRun, NULL) != 0)
        return 1;
    if (startDaemon() < 0) {
        fprintf(stderr, "cannot start the daemon\n");
        stopDaemon();
        return 1;
    }
    virTestRun("open", testOpen);
    virTestRun("domains", testDomains);
    virTestRun("errors", testErrors);
    virTestRun("bulk domain stats", testDomainStats);
    virTestRun("read-only socket", testReadOnly);
    virTestRun("state shared between connections", testSharedState);
    virTestRun("events", testEvents);
    virTestRun("tls and tcp", testNetworked);
    virTestRun("ssh transport", testSSH);
    virTestRun("ssh proxy modes", testSSHProxy);
    virTestRun("daemon goes away", testDaemonGone);
    stopDaemon();
    loopQuit = 1;
    pthread_join(loopThread, NULL);
    g_free(rwURI);
    g_free(roURI);
    g_free(tlsURI);
    g_free(tcpURI);
    return virTestDone();
}
