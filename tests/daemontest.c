/*
 * daemontest: the modular daemons as built (virtnetworkd, virtproxyd):
 * with unix_sock_dir set, their sockets are named as libvirt names them
 * (DIR/NAME-sock, -sock-ro, -admin-sock), they serve the test driver and
 * the admin program (their first server carries the daemon's name), they
 * need no TLS credentials unless told to listen, and --timeout makes them
 * exit once nobody is connected (not before); under systemd socket
 * activation they serve the descriptors they are given, by unit name,
 * and nothing else.  The socket and client options of the file:
 * auth_unix_* (polkit, sasl), unix_sock_group and *_perms, max_clients,
 * max_anonymous_clients, keepalive_interval and keepalive_count.
 * Public API only, plus raw sockets for misbehaving peers.
 */
#include <libvirt/libvirt.h>
#include <libvirt/libvirt-admin.h>
#include <libvirt/virterror.h>
#include <glib.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <poll.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutils.h"

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static pid_t
startDaemon(const char *bin, const char *dir, const char *name)
{
    g_autofree char *conf = g_build_filename(dir, "d.conf", NULL);
    g_autofree char *pidfile = g_build_filename(dir, "d.pid", NULL);
    g_autofree char *admin = g_strdup_printf("%s/%s-admin-sock", dir, name);
    g_autofree char *text = g_strdup_printf("unix_sock_dir = \"%s\"\n"
                                            "log_outputs = \"4:stderr\"\n", dir);
    pid_t pid;
    int i;

    if (!g_file_set_contents(conf, text, -1, NULL))
        return -1;
    if ((pid = fork()) == 0) {
        execl(bin, bin, "--config", conf, "--pid-file", pidfile, "--timeout", "1", NULL);
        _exit(127);
    }
    for (i = 0; i < 3000 && !g_file_test(admin, G_FILE_TEST_EXISTS); i++)
        g_usleep(10000);
    return pid;
}

static int
checkDaemon(const char *name)
{
    g_autofree char *env = g_strdup_printf("NUVIRT_%s", name);
    g_autofree char *envname = g_ascii_strup(env, -1);
    const char *bin = getenv(envname);
    g_autofree char *dir = g_build_filename(virTestTempDir(), name, NULL);
    g_autofree char *uri = NULL;
    g_autofree char *admURI = NULL;
    g_autofree char *sock = NULL;
    virConnectPtr conn;
    virAdmConnectPtr adm;
    virAdmServerPtr *srvs = NULL;
    pid_t pid;
    int status = 0, i;

    CHECK(bin);
    g_mkdir_with_parents(dir, 0700);
    CHECK((pid = startDaemon(bin, dir, name)) > 0);
    for (i = 0; i < 3; i++) {
        static const char *const suffix[] = { "sock", "sock-ro", "admin-sock" };

        g_free(sock);
        sock = g_strdup_printf("%s/%s-%s", dir, name, suffix[i]);
        CHECK(g_file_test(sock, G_FILE_TEST_EXISTS));
    }
    uri = g_strdup_printf("test+unix:///default?socket=%s/%s-sock", dir, name);
    CHECK((conn = virConnectOpen(uri)));
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    if (strcmp(name, "virtnetworkd") == 0) {
        /* --timeout 1 counts from the last client's going, not before */
        g_usleep(2500 * 1000);
        CHECK(waitpid(pid, &status, WNOHANG) == 0);
        CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    }
    virConnectClose(conn);
    admURI = g_strdup_printf("%s:///system?socket=%s/%s-admin-sock", name, dir, name);
    CHECK((adm = virAdmConnectOpen(admURI, 0)));
    CHECK_INTEQ(virAdmConnectListServers(adm, &srvs, 0), 2);
    CHECK_STREQ(virAdmServerGetName(srvs[0]), name);
    CHECK_STREQ(virAdmServerGetName(srvs[1]), "admin");
    virAdmServerFree(srvs[0]);
    virAdmServerFree(srvs[1]);
    free(srvs);
    virAdmConnectClose(adm);
    /* nobody left: gone within a few seconds, cleanly, sockets removed */
    for (i = 0; i < 500 && waitpid(pid, &status, WNOHANG) == 0; i++)
        g_usleep(10000);
    if (i == 500) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    CHECK(i < 500);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(!g_file_test(sock, G_FILE_TEST_EXISTS));
    return 0;
}

/* The daemon a case started last, killed if the case fails early. */
static pid_t lastDaemon = -1;

/* The exit status of @pid within @secs seconds, else kill it: -1. */
static int
waitExit(pid_t pid, int secs)
{
    int status = 0, i;

    if (pid == lastDaemon)
        lastDaemon = -1;

    for (i = 0; i < secs * 100 && waitpid(pid, &status, WNOHANG) == 0; i++)
        g_usleep(10000);
    if (i == secs * 100) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* A listening UNIX socket at @path, as systemd makes one. */
static int
listenUNIX(const char *path)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    if (fd < 0 || bind(fd, (struct sockaddr *)&un, sizeof(un)) < 0 || listen(fd, 16) < 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

/* Start @bin as systemd would: @fds as descriptors 3.., LISTEN_PID,
 * LISTEN_FDS and LISTEN_FDNAMES = @names; its stderr goes to @log. */
static pid_t
startActivated(const char *bin, const char *dir, int *fds, size_t nfds,
               const char *names, const char *log)
{
    g_autofree char *conf = g_build_filename(dir, "d.conf", NULL);
    g_autofree char *pidfile = g_build_filename(dir, "d.pid", NULL);
    g_autofree char *text = g_strdup_printf("unix_sock_dir = \"%s\"\n"
                                            "log_outputs = \"4:stderr\"\n", dir);
    pid_t pid;

    if (!g_file_set_contents(conf, text, -1, NULL))
        return -1;
    if ((pid = fork()) == 0) {
        g_autofree char *pidstr = g_strdup_printf("%lld", (long long)getpid());
        g_autofree char *nstr = g_strdup_printf("%zu", nfds);
        int high[8];
        int logfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        size_t i;

        for (i = 0; i < nfds; i++)
            high[i] = fcntl(fds[i], F_DUPFD, 64);
        for (i = 0; i < nfds; i++)
            dup2(high[i], 3 + i);
        dup2(logfd, STDERR_FILENO);
        g_setenv("LISTEN_PID", pidstr, TRUE);
        g_setenv("LISTEN_FDS", nstr, TRUE);
        g_setenv("LISTEN_FDNAMES", names, TRUE);
        /* NUVIRT_TEST_LISTEN: libvirtd's --listen, to be refused */
        execl(bin, bin, "--config", conf, "--pid-file", pidfile, "--timeout", "2",
              getenv("NUVIRT_TEST_LISTEN") ? "--listen" : NULL, NULL);
        _exit(127);
    }
    lastDaemon = pid;
    return pid;
}

/* virtnetworkd activated with its three units, at paths of systemd's
 * choosing: it serves them (the read-only one read-only), binds none of
 * its own, leaves the sockets to systemd when it exits, and refuses a
 * descriptor of a unit it has not got (a TCP unit: it does no IP). */
static int
testActivation(void)
{
    const char *bin = getenv("NUVIRT_VIRTNETWORKD");
    g_autofree char *dir = g_build_filename(virTestTempDir(), "activation", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *errors = NULL;
    const char *const suffix[] = { "rw", "ro", "admin" };
    char *paths[3] = { NULL };
    g_autofree char *uri = NULL;
    g_autofree char *roURI = NULL;
    g_autofree char *admURI = NULL;
    g_autofree char *own = NULL;
    virConnectPtr conn;
    virDomainPtr dom;
    virAdmConnectPtr adm;
    int fds[3];
    pid_t pid;
    size_t i;

    CHECK(bin);
    g_mkdir_with_parents(dir, 0700);
    for (i = 0; i < 3; i++) {
        paths[i] = g_strdup_printf("%s/act-%s", dir, suffix[i]);
        CHECK((fds[i] = listenUNIX(paths[i])) >= 0);
    }
    CHECK((pid = startActivated(bin, dir, fds, 3,
                                "virtnetworkd.socket:virtnetworkd-ro.socket:"
                                "virtnetworkd-admin.socket", log)) > 0);
    uri = g_strdup_printf("test+unix:///default?socket=%s", paths[0]);
    roURI = g_strdup_printf("test+unix:///default?socket=%s", paths[1]);
    admURI = g_strdup_printf("virtnetworkd:///system?socket=%s", paths[2]);
    CHECK((conn = virConnectOpen(uri)));
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    virConnectClose(conn);
    CHECK((conn = virConnectOpen(roURI)));
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK(virDomainSuspend(dom) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_OPERATION_DENIED);
    virDomainFree(dom);
    virConnectClose(conn);
    CHECK((adm = virAdmConnectOpen(admURI, 0)));
    CHECK_INTEQ(virAdmConnectListServers(adm, NULL, 0), 2);
    virAdmConnectClose(adm);
    own = g_strdup_printf("%s/virtnetworkd-sock", dir);
    CHECK(!g_file_test(own, G_FILE_TEST_EXISTS));
    CHECK_INTEQ(waitExit(pid, 10), 0);
    for (i = 0; i < 3; i++) {
        CHECK(g_file_test(paths[i], G_FILE_TEST_EXISTS));
        close(fds[i]);
        unlink(paths[i]);
    }

    /* only the read-write unit: no read-only or admin socket at all */
    CHECK((fds[0] = listenUNIX(paths[0])) >= 0);
    CHECK((pid = startActivated(bin, dir, fds, 1, "virtnetworkd.socket", log)) > 0);
    CHECK((conn = virConnectOpen(uri)));
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    virConnectClose(conn);
    for (i = 0; i < 3; i++) {
        g_free(own);
        own = g_strdup_printf("%s/virtnetworkd-%s", dir,
                              i == 0 ? "sock" : i == 1 ? "sock-ro" : "admin-sock");
        CHECK(!g_file_test(own, G_FILE_TEST_EXISTS));
    }
    CHECK_INTEQ(waitExit(pid, 10), 0);

    /* a unit it does not serve: refused, nothing served */
    CHECK((fds[1] = listenUNIX(paths[1])) >= 0);
    CHECK((pid = startActivated(bin, dir, fds, 2,
                                "virtnetworkd.socket:virtnetworkd-tcp.socket", log)) > 0);
    CHECK_INTEQ(waitExit(pid, 10), 1);
    CHECK(g_file_get_contents(log, &errors, NULL, NULL));
    CHECK(strstr(errors, "Some activation file descriptors are unclaimed"));
    close(fds[0]);
    close(fds[1]);
    for (i = 0; i < 3; i++)
        g_free(paths[i]);
    return 0;
}

/* Start @bin with unix_sock_dir = @dir plus @extra in its file, its
 * stderr to @log; wait until its sockets are there. */
/* A TCP socket listening on a free loopback port; its port in @port. */
static int
listenTCP(int *port)
{
    struct sockaddr_in sa = { .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof(sa);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
        listen(fd, 16) < 0 || getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *port = ntohs(sa.sin_port);
    return fd;
}

/* The daemons that do IP: virtproxyd serves an activated TCP unit
 * (auth_tcp defaults to none without SASL), and libvirtd refuses
 * --listen under activation, as libvirt's do. */
static int
testActivationIP(void)
{
    const char *proxyd = getenv("NUVIRT_VIRTPROXYD");
    const char *libvirtd = getenv("NUVIRT_LIBVIRTD");
    g_autofree char *dir = g_build_filename(virTestTempDir(), "activation-ip", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *path = g_build_filename(dir, "act-rw", NULL);
    g_autofree char *uri = NULL;
    g_autofree char *errors = NULL;
    virConnectPtr conn;
    int fds[2];
    int port = 0;
    pid_t pid;

    CHECK(proxyd && libvirtd);
    g_mkdir_with_parents(dir, 0700);
    CHECK((fds[0] = listenUNIX(path)) >= 0);
    CHECK((fds[1] = listenTCP(&port)) >= 0);
    CHECK((pid = startActivated(proxyd, dir, fds, 2,
                                "virtproxyd.socket:virtproxyd-tcp.socket", log)) > 0);
    uri = g_strdup_printf("test+tcp://127.0.0.1:%d/default", port);
    CHECK((conn = virConnectOpen(uri)));
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    CHECK_INTEQ(virConnectIsSecure(conn), 0);
    virConnectClose(conn);
    CHECK_INTEQ(waitExit(pid, 10), 0);

    g_setenv("NUVIRT_TEST_LISTEN", "1", TRUE);
    pid = startActivated(libvirtd, dir, fds, 1, "libvirtd.socket", log);
    g_unsetenv("NUVIRT_TEST_LISTEN");
    CHECK(pid > 0);
    CHECK_INTEQ(waitExit(pid, 10), 1);
    CHECK(g_file_get_contents(log, &errors, NULL, NULL));
    CHECK(strstr(errors, "--listen parameter not permitted with systemd activation sockets"));
    close(fds[0]);
    close(fds[1]);
    return 0;
}

static pid_t
startWith(const char *bin, const char *dir, const char *name, const char *extra,
          const char *log)
{
    g_autofree char *conf = g_build_filename(dir, "d.conf", NULL);
    g_autofree char *pidfile = g_build_filename(dir, "d.pid", NULL);
    /* the admin socket is made last (an unprivileged daemon has none) */
    g_autofree char *sock = g_strdup_printf("%s/%s-%s", dir, name,
                                            geteuid() == 0 ? "admin-sock" : "sock");
    g_autofree char *text = g_strdup_printf("unix_sock_dir = \"%s\"\n"
                                            "log_outputs = \"4:stderr\"\n%s", dir, extra);
    pid_t pid;
    int i;

    if (!g_file_set_contents(conf, text, -1, NULL))
        return -1;
    if ((pid = fork()) == 0) {
        int logfd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);

        dup2(logfd, STDERR_FILENO);
        /* no system bus: polkit cannot be asked */
        g_setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/bus", TRUE);
        execl(bin, bin, "--config", conf, "--pid-file", pidfile, NULL);
        _exit(127);
    }
    lastDaemon = pid;
    /* up to 30 s: a sanitizer build on a busy machine starts slowly */
    for (i = 0; i < 3000 && !g_file_test(sock, G_FILE_TEST_EXISTS); i++) {
        siginfo_t info = { 0 };

        /* gone already? (left to waitExit to reap) */
        if (waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid)
            break;
        g_usleep(10000);
    }
    return pid;
}

static int
stopDaemon(pid_t pid)
{
    kill(pid, SIGTERM);
    return waitExit(pid, 10);
}

/* An open of @uri that polkit must refuse: it cannot be asked here. */
static int
checkPolkitRefused(const char *uri)
{
    virConnectPtr conn = virConnectOpen(uri);
    virErrorPtr err = virGetLastError();

    if (conn) {
        virConnectClose(conn);
        fprintf(stderr, "polkit let %s through\n", uri);
        return -1;
    }
    if (!err || err->code != VIR_ERR_INTERNAL_ERROR || err->domain != VIR_FROM_DBUS ||
        !g_str_has_prefix(err->message,
                          "internal error: Unable to get system bus connection: ")) {
        fprintf(stderr, "unexpected error: %d %d %s\n", err ? err->code : -1,
                err ? err->domain : -1, err ? err->message : "(none)");
        return -1;
    }
    return 0;
}

/* auth_unix_rw/ro = "polkit": root passes without asking, as in
 * libvirt; anyone else is refused clearly when polkit cannot be asked
 * (no system bus here), never let through; the rw socket is then open
 * to all (0777) unless the file says.  "sasl" is refused in the file,
 * as by a libvirt built without SASL. */
static int
testAuth(void)
{
    const char *bin = getenv("NUVIRT_VIRTNETWORKD");
    g_autofree char *dir = g_build_filename(virTestTempDir(), "auth", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *sock = g_strdup_printf("%s/virtnetworkd-sock", dir);
    g_autofree char *uri = g_strdup_printf("test+unix:///default?socket=%s", sock);
    g_autofree char *errors = NULL;
    struct stat sb;
    virConnectPtr conn;
    pid_t pid, child;
    int status;

    CHECK(bin);
    /* the unprivileged client must reach the socket */
    CHECK(chmod(virTestTempDir(), 0711) == 0);
    g_mkdir_with_parents(dir, 0755);
    CHECK((pid = startWith(bin, dir, "virtnetworkd",
                           "auth_unix_rw = \"polkit\"\nauth_unix_ro = \"polkit\"\n", log)) > 0);
    CHECK(stat(sock, &sb) == 0);
    CHECK_INTEQ(sb.st_mode & 07777, 0777);
    if (geteuid() == 0) {
        CHECK((conn = virConnectOpen(uri)));
        CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
        virConnectClose(conn);
        if ((child = fork()) == 0) {
            if (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0)
                _exit(2);
            _exit(checkPolkitRefused(uri) < 0 ? 1 : 0);
        }
        CHECK(child > 0 && waitpid(child, &status, 0) == child);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    } else {
        CHECK(checkPolkitRefused(uri) == 0);
    }
    CHECK_INTEQ(stopDaemon(pid), 0);

    CHECK((pid = startWith(bin, dir, "virtnetworkd", "auth_unix_ro = \"sasl\"\n", log)) > 0);
    CHECK_INTEQ(waitExit(pid, 10), 1);
    CHECK(g_file_get_contents(log, &errors, NULL, NULL));
    CHECK(strstr(errors, "d.conf: auth_unix_ro: unsupported auth sasl"));
    return 0;
}

/* unix_sock_group and the three unix_sock_*_perms, applied to the
 * sockets the daemon makes. */
static int
testPerms(void)
{
    const char *bin = getenv("NUVIRT_VIRTNETWORKD");
    g_autofree char *dir = g_build_filename(virTestTempDir(), "perms", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *extra = NULL;
    g_autofree char *errors = NULL;
    struct group *gr = geteuid() == 0 ? getgrnam("daemon") : NULL;
    static const struct { const char *suffix; int mode; } socks[] = {
        { "sock", 0660 }, { "sock-ro", 0640 }, { "admin-sock", 0600 },
    };
    gid_t gid;
    pid_t pid;
    size_t i;

    CHECK(bin);
    if (!gr)
        gr = getgrgid(getegid());
    CHECK(gr);
    gid = gr->gr_gid;
    g_mkdir_with_parents(dir, 0755);
    extra = g_strdup_printf("unix_sock_group = \"%s\"\n"
                            "unix_sock_rw_perms = \"0660\"\n"
                            "unix_sock_ro_perms = \"0640\"\n"
                            "unix_sock_admin_perms = \"0600\"\n", gr->gr_name);
    CHECK((pid = startWith(bin, dir, "virtnetworkd", extra, log)) > 0);
    for (i = 0; i < G_N_ELEMENTS(socks); i++) {
        g_autofree char *path = g_strdup_printf("%s/virtnetworkd-%s", dir, socks[i].suffix);
        struct stat sb;

        if (geteuid() != 0 && i > 0)
            break;      /* an unprivileged daemon has the rw socket only */
        CHECK(stat(path, &sb) == 0);
        CHECK_INTEQ(sb.st_mode & 07777, socks[i].mode);
        CHECK_INTEQ(sb.st_gid, gid);
    }
    CHECK_INTEQ(stopDaemon(pid), 0);

    /* "+N" is a gid; a group that does not exist stops the daemon */
    g_free(extra);
    extra = g_strdup_printf("unix_sock_group = \"+%u\"\n", (unsigned int)gid);
    CHECK((pid = startWith(bin, dir, "virtnetworkd", extra, log)) > 0);
    {
        g_autofree char *path = g_strdup_printf("%s/virtnetworkd-sock", dir);
        struct stat sb;

        CHECK(stat(path, &sb) == 0);
        CHECK_INTEQ(sb.st_gid, gid);
    }
    CHECK_INTEQ(stopDaemon(pid), 0);
    CHECK((pid = startWith(bin, dir, "virtnetworkd",
                           "unix_sock_group = \"no-such-group-here\"\n", log)) > 0);
    CHECK_INTEQ(waitExit(pid, 10), 1);
    CHECK(g_file_get_contents(log, &errors, NULL, NULL));
    CHECK(strstr(errors, "Failed to parse group 'no-such-group-here'"));
    return 0;
}

typedef struct {
    const char *uri;
    virConnectPtr conn;
    gint done;
} openJob;

static gpointer
openThread(gpointer opaque)
{
    openJob *job = opaque;

    job->conn = virConnectOpen(job->uri);
    g_atomic_int_set(&job->done, 1);
    return NULL;
}

/* Open @uri in a thread while the daemon is at its limit: the open
 * waits (the connection sits in the backlog) until @release frees a
 * place, then succeeds. */
static int
checkWaitsForRoom(const char *uri, void (*release)(void *), void *opaque)
{
    /* on the heap: a thread that never returns keeps it */
    openJob *job = g_new0(openJob, 1);
    GThread *thr;
    int i;

    job->uri = uri;
    thr = g_thread_new("open", openThread, job);
    g_usleep(700 * 1000);
    if (g_atomic_int_get(&job->done)) {
        fprintf(stderr, "an open over the limit was served at once\n");
        g_thread_join(thr);
        if (job->conn)
            virConnectClose(job->conn);
        g_free(job);
        return -1;
    }
    release(opaque);
    for (i = 0; i < 500 && !g_atomic_int_get(&job->done); i++)
        g_usleep(10000);
    if (!g_atomic_int_get(&job->done)) {
        fprintf(stderr, "the waiting open was never served\n");
        g_thread_unref(thr);
        return -1;
    }
    g_thread_join(thr);
    if (!job->conn || virConnectNumOfDomains(job->conn) != 1) {
        fprintf(stderr, "the waiting open failed: %s\n", virGetLastErrorMessage());
        g_free(job);
        return -1;
    }
    virConnectClose(job->conn);
    g_free(job);
    return 0;
}

static void
releaseConn(void *opaque)
{
    virConnectClose(opaque);
}

static void
releaseFD(void *opaque)
{
    close(*(int *)opaque);
}

static int
clientLimits(const char *bin, const char *dir, const char *log, pid_t *pid)
{
    g_autofree char *sock = g_strdup_printf("%s/virtnetworkd-sock", dir);
    g_autofree char *uri = g_strdup_printf("test+unix:///default?socket=%s", sock);
    virConnectPtr c1, c2;

    /* max_clients: the third waits for one of the two to go;
     * max_anonymous_clients = 0 is no limit */
    CHECK((*pid = startWith(bin, dir, "virtnetworkd",
                            "auth_unix_rw = \"none\"\nmax_clients = 2\n"
                            "max_anonymous_clients = 0\n", log)) > 0);
    CHECK((c1 = virConnectOpen(uri)) && (c2 = virConnectOpen(uri)));
    CHECK(checkWaitsForRoom(uri, releaseConn, c1) == 0);
    virConnectClose(c2);
    CHECK_INTEQ(stopDaemon(*pid), 0);
    *pid = -1;

    /* max_anonymous_clients: a connection that never authenticates holds
     * the only place; root's clients pass polkit at once and do not */
    if (geteuid() == 0) {
        struct sockaddr_un un = { .sun_family = AF_UNIX };
        int raw;

        CHECK((*pid = startWith(bin, dir, "virtnetworkd",
                                "auth_unix_rw = \"polkit\"\nmax_clients = 5\n"
                                "max_anonymous_clients = 1\n", log)) > 0);
        CHECK((c1 = virConnectOpen(uri)));
        g_strlcpy(un.sun_path, sock, sizeof(un.sun_path));
        CHECK((raw = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) >= 0);
        CHECK(connect(raw, (struct sockaddr *)&un, sizeof(un)) == 0);
        CHECK(checkWaitsForRoom(uri, releaseFD, &raw) == 0);
        virConnectClose(c1);
        CHECK_INTEQ(stopDaemon(*pid), 0);
        *pid = -1;
    }
    return 0;
}

static int
testClientLimits(void)
{
    const char *bin = getenv("NUVIRT_VIRTNETWORKD");
    g_autofree char *dir = g_build_filename(virTestTempDir(), "limits", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    pid_t pid = -1;
    int rc;

    CHECK(bin);
    g_mkdir_with_parents(dir, 0755);
    rc = clientLimits(bin, dir, log, &pid);
    if (pid > 0)
        stopDaemon(pid);
    return rc;
}

/* Read whole messages from @fd until it closes; count keepalive pings.
 * Returns the number of pings, or -1 if @fd stayed open @secs seconds. */
static int
readUntilClosed(int fd, int secs)
{
    gint64 deadline = g_get_monotonic_time() + secs * G_USEC_PER_SEC;
    unsigned char buf[65536];
    size_t have = 0;
    int pings = 0;

    for (;;) {
        struct pollfd p = { fd, POLLIN, 0 };
        int wait = (deadline - g_get_monotonic_time()) / 1000;
        ssize_t n;

        if (wait <= 0 || poll(&p, 1, wait) <= 0)
            return -1;
        if ((n = read(fd, buf + have, sizeof(buf) - have)) <= 0)
            return pings;
        have += n;
        while (have >= 28) {
            uint32_t w[7];
            size_t i;

            for (i = 0; i < 7; i++)
                w[i] = ntohl(*(uint32_t *)(buf + 4 * i));
            if (w[0] < 28 || w[0] > have)
                break;
            /* program, version, procedure */
            if (w[1] == 0x6b656570 && w[3] == 1)
                pings++;
            memmove(buf, buf + w[0], have - w[0]);
            have -= w[0];
        }
    }
}

/* keepalive_interval / keepalive_count: a client that asked for
 * keepalive and then answers no ping is dropped after about
 * interval * (count + 1) seconds; one that answers stays. */
static int
testKeepAlive(void)
{
    const char *bin = getenv("NUVIRT_VIRTNETWORKD");
    g_autofree char *dir = g_build_filename(virTestTempDir(), "keepalive", NULL);
    g_autofree char *log = g_build_filename(dir, "log", NULL);
    g_autofree char *sock = g_strdup_printf("%s/virtnetworkd-sock", dir);
    g_autofree char *uri = g_strdup_printf("test+unix:///default?socket=%s", sock);
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    /* REMOTE_PROC_CONNECT_SUPPORTS_FEATURE (60), VIR_DRV_FEATURE_PROGRAM_KEEPALIVE */
    uint32_t call[8] = { htonl(32), htonl(0x20008086), htonl(1), htonl(60),
                         htonl(0), htonl(1), htonl(0), htonl(10) };
    virConnectPtr conn;
    pid_t pid;
    int fd, pings;

    CHECK(bin);
    g_mkdir_with_parents(dir, 0755);
    CHECK((pid = startWith(bin, dir, "virtnetworkd",
                           "auth_unix_rw = \"none\"\nkeepalive_interval = 1\n"
                           "keepalive_count = 1\n", log)) > 0);
    CHECK((conn = virConnectOpen(uri)));
    g_strlcpy(un.sun_path, sock, sizeof(un.sun_path));
    CHECK((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) >= 0);
    CHECK(connect(fd, (struct sockaddr *)&un, sizeof(un)) == 0);
    CHECK(write(fd, call, sizeof(call)) == sizeof(call));
    pings = readUntilClosed(fd, 8);
    close(fd);
    CHECK(pings >= 1);
    /* the library answers the pings: still served */
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    CHECK_INTEQ(virConnectIsAlive(conn), 1);
    virConnectClose(conn);
    CHECK_INTEQ(stopDaemon(pid), 0);
    return 0;
}

static int
testNetworkd(void)
{
    return checkDaemon("virtnetworkd");
}

static int
testProxyd(void)
{
    return checkDaemon("virtproxyd");
}

static void
runCase(const char *name, int (*fn)(void))
{
    int status;

    virTestRun(name, fn);
    if (lastDaemon > 0) {
        kill(lastDaemon, SIGKILL);
        waitpid(lastDaemon, &status, 0);
        lastDaemon = -1;
    }
}

int
main(void)
{
    virSetErrorFunc(NULL, quiet);
    runCase("virtnetworkd", testNetworkd);
    runCase("virtproxyd", testProxyd);
    runCase("socket activation", testActivation);
    runCase("socket activation of TCP", testActivationIP);
    runCase("polkit and sasl", testAuth);
    runCase("socket group and permissions", testPerms);
    runCase("client limits", testClientLimits);
    runCase("keepalive", testKeepAlive);
    return virTestDone();
}
