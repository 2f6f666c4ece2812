/*
 * sessiontest: session mode as libvirt's remote driver does it.  For an
 * ordinary user, a test+unix:/// URI (or a /session one) without a
 * socket reaches the per-user daemon at $XDG_RUNTIME_DIR/libvirt/
 * libvirt-sock, which is started on demand ($VIRTD_PATH/libvirtd
 * --timeout=120) under the lock $XDG_RUNTIME_DIR/libvirt/libvirtd.lock,
 * so that clients starting at once share one daemon.  LIBVIRT_AUTOSTART=0
 * turns the spawning off.  virtproxyd passes URIs it has no driver for
 * to the driver's own daemon.  Run as root, the cases run as user nobody.
 * Public API only.
 */
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <glib.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutils.h"

#define NOBODY 65534
#define NCLIENTS 3

static char *runtimeDir;

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static char *
sessionFile(const char *name)
{
    return g_build_filename(runtimeDir, "libvirt", name, NULL);
}

/* The pid in the session daemon's pid file, or 0. */
static pid_t
sessionDaemonPid(void)
{
    g_autofree char *path = sessionFile("libvirtd.pid");
    g_autofree char *text = NULL;

    if (!g_file_get_contents(path, &text, NULL, NULL))
        return 0;
    return (pid_t)g_ascii_strtoll(text, NULL, 10);
}

static void
stopSessionDaemon(void)
{
    pid_t pid = sessionDaemonPid();
    int i;

    if (pid <= 0)
        return;
    kill(pid, SIGTERM);
    for (i = 0; i < 500 && kill(pid, 0) == 0; i++)
        g_usleep(10000);
}

static const char domXML[] =
    "<domain type='test'><name>%s</name><memory>8192</memory>"
    "<os><type>hvm</type></os></domain>";

/* One of NCLIENTS clients starting at once: each defines its domain,
 * says so on @ready, waits for @go to close, and counts the domains. */
static int
concurrentClient(int idx, int ready, int go)
{
    g_autofree char *name = g_strdup_printf("session%d", idx);
    g_autofree char *xml = g_strdup_printf(domXML, name);
    virConnectPtr conn = virConnectOpen("test+unix:///default");
    virDomainPtr dom;
    char c = 0;
    int n;

    if (!conn || !(dom = virDomainDefineXML(conn, xml)))
        return 10;
    virDomainFree(dom);
    if (write(ready, "x", 1) != 1 || read(go, &c, 1) != 0)
        return 11;
    n = virConnectNumOfDefinedDomains(conn);
    virConnectClose(conn);
    /* one shared daemon: every client's domain is there */
    return n == NCLIENTS ? 0 : 12;
}

static int
testAutostart(void)
{
    g_autofree char *sock = sessionFile("libvirt-sock");
    g_autofree char *lock = sessionFile("libvirtd.lock");
    g_autofree char *cmdline = NULL;
    g_autofree char *proc = NULL;
    virConnectPtr conn, other;
    pid_t pid;
    gsize len = 0;

    CHECK(!g_file_test(sock, G_FILE_TEST_EXISTS));
    CHECK((conn = virConnectOpen("test+unix:///default")));
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    CHECK(g_file_test(sock, G_FILE_TEST_EXISTS));
    CHECK(!g_file_test(lock, G_FILE_TEST_EXISTS));
    CHECK((pid = sessionDaemonPid()) > 0);
    proc = g_strdup_printf("/proc/%lld/cmdline", (long long)pid);
    CHECK(g_file_get_contents(proc, &cmdline, &len, NULL));
    CHECK(g_str_has_suffix(cmdline, "/libvirtd"));
    CHECK(len > strlen(cmdline) + 1);
    CHECK_STREQ(cmdline + strlen(cmdline) + 1, "--timeout=120");

    /* a second client reaches the same daemon and state */
    {
        virDomainPtr dom = virDomainLookupByName(conn, "test");

        CHECK(dom && virDomainSuspend(dom) == 0);
        virDomainFree(dom);
    }
    CHECK((other = virConnectOpen("test+unix:///default")));
    CHECK_INTEQ(sessionDaemonPid(), pid);
    {
        virDomainPtr dom = virDomainLookupByName(other, "test");
        int state = -1, reason;

        CHECK(dom && virDomainGetState(dom, &state, &reason, 0) == 0);
        CHECK_INTEQ(state, VIR_DOMAIN_PAUSED);
        virDomainFree(dom);
    }
    virConnectClose(other);
    virConnectClose(conn);
    stopSessionDaemon();
    CHECK(!g_file_test(sock, G_FILE_TEST_EXISTS));
    return 0;
}

static int
testNoAutostart(void)
{
    g_autofree char *sock = sessionFile("libvirt-sock");
    g_autofree char *msg = g_strdup_printf("Failed to connect socket to '%s': "
                                           "No such file or directory", sock);

    g_setenv("LIBVIRT_AUTOSTART", "0", TRUE);
    CHECK(!virConnectOpen("test+unix:///default"));
    g_unsetenv("LIBVIRT_AUTOSTART");
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_SYSTEM_ERROR);
    CHECK_STREQ(virGetLastErrorMessage(), msg);
    CHECK(sessionDaemonPid() <= 0 || kill(sessionDaemonPid(), 0) < 0);
    return 0;
}

/* mode=direct asks for the driver's own daemon (virtNAMEd), mode=legacy
 * for libvirtd, in the user's runtime directory; anything else is an
 * error.  Nothing is started (LIBVIRT_AUTOSTART=0). */
static int
testModes(void)
{
    static const struct { const char *mode; const char *sock; } modes[] = {
        { "direct", "virttestd-sock" }, { "legacy", "libvirt-sock" },
    };
    size_t i;

    g_setenv("LIBVIRT_AUTOSTART", "0", TRUE);
    for (i = 0; i < G_N_ELEMENTS(modes); i++) {
        g_autofree char *uri = g_strdup_printf("test+unix:///default?mode=%s", modes[i].mode);
        g_autofree char *sock = sessionFile(modes[i].sock);
        g_autofree char *msg = g_strdup_printf("Failed to connect socket to '%s': "
                                               "No such file or directory", sock);

        CHECK(!virConnectOpen(uri));
        CHECK_STREQ(virGetLastErrorMessage(), msg);
    }
    CHECK(!virConnectOpen("test+unix:///default?mode=sideways"));
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_INVALID_ARG);
    CHECK_STREQ(virGetLastErrorMessage(), "invalid argument: Unknown remote mode 'sideways'");
    /* direct is for local sockets; over TCP the mode is not looked at */
    CHECK(!virConnectOpen("test+ssh://localhost/default?mode=direct"));
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_OPERATION_UNSUPPORTED);
    CHECK_STREQ(virGetLastErrorMessage(),
                "Operation not supported: Cannot use direct socket mode for ssh transport");
    CHECK(!virConnectOpen("test+tcp://127.0.0.1:1/default?mode=direct"));
    CHECK_STREQ(virGetLastErrorMessage(),
                "unable to connect to server at '127.0.0.1:1': Connection refused");
    g_unsetenv("LIBVIRT_AUTOSTART");
    return 0;
}

static int
testConcurrent(void)
{
    int ready[2], go[2];
    pid_t pids[NCLIENTS];
    char buf[NCLIENTS];
    size_t got = 0;
    int i, status;

    CHECK(pipe(ready) == 0 && pipe(go) == 0);
    for (i = 0; i < NCLIENTS; i++) {
        if ((pids[i] = fork()) == 0) {
            close(ready[0]);
            close(go[1]);
            _exit(concurrentClient(i, ready[1], go[0]));
        }
        CHECK(pids[i] > 0);
    }
    close(ready[1]);
    close(go[0]);
    while (got < NCLIENTS) {
        ssize_t n = read(ready[0], buf, sizeof(buf) - got);

        if (n <= 0)
            break;
        got += n;
    }
    close(go[1]);
    close(ready[0]);
    for (i = 0; i < NCLIENTS; i++) {
        CHECK(waitpid(pids[i], &status, 0) == pids[i]);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            fprintf(stderr, "client %d: status %d\n", i, status);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    CHECK_INTEQ(got, NCLIENTS);
    stopSessionDaemon();
    return 0;
}

/* Start daemon @bin as the user (its default sockets, in the runtime
 * directory); wait for socket @sock. */
static pid_t
startUserDaemon(const char *bin, const char *sock)
{
    pid_t pid;
    int i;

    if (!bin)
        return -1;
    if ((pid = fork()) == 0) {
        execl(bin, bin, "--timeout", "30", NULL);
        _exit(127);
    }
    for (i = 0; i < 3000 && !g_file_test(sock, G_FILE_TEST_EXISTS); i++)
        g_usleep(10000);
    return pid;
}

static void
stopUserDaemon(pid_t pid)
{
    int status;

    if (pid > 0) {
        kill(pid, SIGTERM);
        waitpid(pid, &status, 0);
    }
}

static int
checkOpenFails(const char *uri, int code, const char *msg)
{
    virConnectPtr conn = virConnectOpen(uri);

    if (conn) {
        virConnectClose(conn);
        fprintf(stderr, "%s: opened\n", uri);
        return -1;
    }
    CHECK_INTEQ(virGetLastError()->code, code);
    CHECK_STREQ(virGetLastErrorMessage(), msg);
    return 0;
}

/* virtproxyd passes what it has no driver for to that driver's own
 * daemon (direct mode, the user's sockets): with virtqemud absent (and
 * not started: LIBVIRT_AUTOSTART=0) the proxy's error names virtqemud's
 * socket; with it there, virtqemud's own answer comes back.  virtqemud
 * has no qemu driver in nuvirt: it answers that, and does not call
 * itself through its remote driver (which would wait forever). */
static int
proxyCases(pid_t *proxy, pid_t *qemu)
{
    g_autofree char *proxySock = sessionFile("virtproxyd-sock");
    g_autofree char *qemuSock = sessionFile("virtqemud-sock");
    g_autofree char *viaProxy = g_strdup_printf("qemu:///session?socket=%s", proxySock);
    g_autofree char *direct = g_strdup_printf("qemu:///session?socket=%s", qemuSock);
    g_autofree char *absent = g_strdup_printf("Failed to connect socket to '%s': "
                                              "No such file or directory", qemuSock);
    const char *noDriver = "no connection driver available for qemu:///session";

    g_setenv("LIBVIRT_AUTOSTART", "0", TRUE);
    CHECK((*proxy = startUserDaemon(getenv("NUVIRT_VIRTPROXYD"), proxySock)) > 0);
    CHECK(checkOpenFails(viaProxy, VIR_ERR_SYSTEM_ERROR, absent) == 0);
    CHECK((*qemu = startUserDaemon(getenv("NUVIRT_VIRTQEMUD"), qemuSock)) > 0);
    CHECK(checkOpenFails(direct, VIR_ERR_NO_CONNECT, noDriver) == 0);
    CHECK(checkOpenFails(viaProxy, VIR_ERR_NO_CONNECT, noDriver) == 0);
    /* the test driver is in every daemon: served by the proxy itself */
    g_free(direct);
    direct = g_strdup_printf("test+unix:///default?socket=%s", proxySock);
    {
        virConnectPtr conn = virConnectOpen(direct);

        CHECK(conn);
        CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
        virConnectClose(conn);
    }
    return 0;
}

static int
testProxy(void)
{
    pid_t proxy = -1, qemu = -1;
    int rc = proxyCases(&proxy, &qemu);

    stopUserDaemon(proxy);
    stopUserDaemon(qemu);
    g_unsetenv("LIBVIRT_AUTOSTART");
    return rc;
}

/* The cases, as an ordinary user; the exit status says how they went. */
static int
runCases(void)
{
    virSetErrorFunc(NULL, quiet);
    virTestRun("session daemon started on demand", testAutostart);
    virTestRun("LIBVIRT_AUTOSTART=0", testNoAutostart);
    virTestRun("mode=direct and mode=legacy", testModes);
    virTestRun("clients starting at once share one daemon", testConcurrent);
    virTestRun("virtproxyd forwards to virtqemud", testProxy);
    stopSessionDaemon();
    return virTestDone();
}

int
main(void)
{
    const char *bin = getenv("NUVIRT_LIBVIRTD");
    g_autofree char *bindir = NULL;
    pid_t pid;
    int status;

    if (!bin) {
        fprintf(stderr, "NUVIRT_LIBVIRTD is not set\n");
        return 1;
    }
    bindir = g_path_get_dirname(bin);
    runtimeDir = g_build_filename(virTestTempDir(), "run", NULL);
    if (g_mkdir_with_parents(runtimeDir, 0700) < 0)
        return 1;
    g_setenv("XDG_RUNTIME_DIR", runtimeDir, TRUE);
    g_setenv("VIRTD_PATH", bindir, TRUE);
    g_unsetenv("LIBVIRT_AUTOSTART");
    g_unsetenv("LIBVIRT_DEFAULT_URI");
    if (geteuid() != 0)
        return runCases();

    /* root has no session daemon: be nobody, in a directory of its own */
    if (chown(virTestTempDir(), NOBODY, NOBODY) < 0 ||
        chown(runtimeDir, NOBODY, NOBODY) < 0)
        return 1;
    fflush(stdout);
    if ((pid = fork()) == 0) {
        if (setgroups(0, NULL) < 0 || setgid(NOBODY) < 0 || setuid(NOBODY) < 0) {
            fprintf(stderr, "cannot become nobody\n");
            _exit(1);
        }
        if (access(bin, X_OK) < 0) {
            fprintf(stderr, "%s is not reachable by nobody\n", bin);
            _exit(1);
        }
        g_setenv("HOME", runtimeDir, TRUE);
        _exit(runCases());
    }
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return 1;
    /* a daemon left behind by a failed case */
    stopSessionDaemon();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
