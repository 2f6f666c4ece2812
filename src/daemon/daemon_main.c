/*
 * daemon_main.c: main() of libvirtd, virtproxyd and the modular daemons,
 * built once per daemon with DAEMON_NAME (the program) and SOCK_PREFIX
 * (its sockets: "libvirt" for libvirtd, else the program's name).
 *
 * Sockets, as libvirt's daemons name them: with unix_sock_dir = DIR,
 * DIR/PREFIX-sock, DIR/PREFIX-sock-ro and DIR/PREFIX-admin-sock (the last
 * two only when privileged); by default /run/libvirt/PREFIX-sock... for
 * root and $XDG_RUNTIME_DIR/libvirt/PREFIX-sock for others.  TCP and TLS
 * with listen_tcp / listen_tls (and --listen for libvirtd).  Under
 * systemd socket activation the sockets come from LISTEN_FDS.
 */
#include "internal.h"
#include "driver.h"
#include "daemon/daemon_config.h"
#include "daemon/remote_dispatch.h"
#include "remote_daemon_gen.h"
#include "qemu_daemon_gen.h"
#include "lxc_daemon_gen.h"
#include "remote/remote_driver.h"
#include "rpc/virnetdaemon.h"
#include "util/virevent.h"
#include "util/virlog.h"

#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("daemon.main");

#ifndef DAEMON_NAME
# error DAEMON_NAME must name the daemon
#endif

/* the admin program (daemon_admin.c) */
virNetServerProgram *daemonAdminProgram(virNetDaemon *dmn);
int daemonAdminClientInit(virNetServer *srv, virNetServerClient *client, void *opaque);
void remoteStreamSetProgram(virNetServerProgram *prog);

typedef struct {
    bool verbose;
    bool godaemon;
    bool listen;
    unsigned int timeout;
    char *config;
    char *pidfile;
} daemonArgs;

static void
daemonUsage(const char *argv0, bool privileged)
{
    static const struct { const char *opts; const char *help; } opthelp[] = {
        { "-h | --help", "Display program help" },
        { "-v | --verbose", "Verbose messages" },
        { "-d | --daemon", "Run as a daemon & write PID file" },
#ifdef LIBVIRTD
        { "-l | --listen", "Listen for TCP/IP connections" },
#endif
        { "-t | --timeout <secs>", "Exit after timeout period" },
        { "-f | --config <file>", "Configuration file" },
        { "-V | --version", "Display version information" },
        { "-p | --pid-file <file>", "Change name of PID file" },
    };
    size_t i;

    fprintf(stderr, "\nUsage:\n  %s [options]\n\nOptions:\n", argv0);
    for (i = 0; i < G_N_ELEMENTS(opthelp); i++)
        fprintf(stderr, "  %-22s %s\n", opthelp[i].opts, opthelp[i].help);
    fprintf(stderr, "\nlibvirt management daemon:\n\n  Default paths:\n\n");
    fprintf(stderr, "    Configuration file (unless overridden by -f):\n      %s/libvirt/%s.conf\n\n",
            privileged ? SYSCONFDIR : "$XDG_CONFIG_HOME", DAEMON_NAME);
    fprintf(stderr, "    Sockets:\n      %s/libvirt/%s-sock\n",
            privileged ? RUNSTATEDIR : "$XDG_RUNTIME_DIR", SOCK_PREFIX);
    if (privileged)
        fprintf(stderr, "      %s/libvirt/%s-sock-ro\n", RUNSTATEDIR, SOCK_PREFIX);
    fprintf(stderr, "\n    PID file (unless overridden by -p):\n      %s/%s.pid\n\n",
            privileged ? RUNSTATEDIR : "$XDG_RUNTIME_DIR/libvirt", DAEMON_NAME);
}

static int
daemonParseArgs(int argc, char **argv, daemonArgs *args, bool privileged)
{
    static const struct option opts[] = {
        { "verbose", no_argument, NULL, 'v' },
        { "daemon", no_argument, NULL, 'd' },
#ifdef LIBVIRTD
        { "listen", no_argument, NULL, 'l' },
#endif
        { "config", required_argument, NULL, 'f' },
        { "timeout", required_argument, NULL, 't' },
        { "pid-file", required_argument, NULL, 'p' },
        { "version", no_argument, NULL, 'V' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    while ((c = getopt_long(argc, argv, "hvdlf:t:p:V", opts, NULL)) != -1) {
        char *end;

        switch (c) {
        case 'v':
            args->verbose = true;
            break;
        case 'd':
            args->godaemon = true;
            break;
        case 'l':
            args->listen = true;
            break;
        case 't':
            errno = 0;
            args->timeout = strtoul(optarg, &end, 10);
            if (errno || *end || args->timeout == 0 || optarg[0] == '-') {
                fprintf(stderr, "%s: Invalid timeout '%s'\n", argv[0], optarg);
                return -1;
            }
            break;
        case 'p':
            g_free(args->pidfile);
            args->pidfile = g_canonicalize_filename(optarg, NULL);
            break;
        case 'f':
            g_free(args->config);
            args->config = g_canonicalize_filename(optarg, NULL);
            break;
        case 'V':
            printf("%s (libvirt) %s\n", argv[0], PACKAGE_VERSION);
            exit(EXIT_SUCCESS);
        case 'h':
            daemonUsage(argv[0], privileged);
            exit(EXIT_SUCCESS);
        default:
            daemonUsage(argv[0], privileged);
            return -1;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "%s: unexpected, non-option, command line arguments\n", argv[0]);
        return -1;
    }
    return 0;
}

/* Errors of the calls the daemon makes go back to clients, not stderr. */
static void
daemonErrorHandler(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
daemonSetupLogging(daemonConfig *cfg, bool verbose, bool godaemon, bool privileged)
{
    virLogReset();
    if (virLogSetDefaultOutput(DAEMON_NAME, godaemon, privileged) < 0)
        return -1;
    if (cfg->logLevel && virLogSetDefaultPriority(cfg->logLevel) < 0)
        return -1;
    if (cfg->logFilters && virLogSetFilters(cfg->logFilters) < 0)
        return -1;
    if (virLogSetOutputs(cfg->logOutputs ? cfg->logOutputs : "") < 0)
        return -1;
    if (verbose && virLogGetDefaultPriority() > VIR_LOG_INFO)
        virLogSetDefaultPriority(VIR_LOG_INFO);
    /* the environment wins over the file */
    return virLogSetFromEnv();
}

/* ---- the pid file ------------------------------------------------- */

static int
daemonAcquirePidFile(const char *path)
{
    g_autofree char *pid = g_strdup_printf("%lld", (long long)getpid());
    int fd;

    if ((fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644)) < 0) {
        virReportSystemError(errno, "Failed to open pid file '%s'", path);
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
        virReportSystemError(errno, "Failed to acquire pid file '%s'", path);
        close(fd);
        return -1;
    }
    if (ftruncate(fd, 0) < 0 || write(fd, pid, strlen(pid)) != (ssize_t)strlen(pid)) {
        virReportSystemError(errno, "Failed to write to pid file '%s'", path);
        close(fd);
        return -1;
    }
    return fd;
}

/* ---- sockets ------------------------------------------------------ */

typedef struct {
    char *rw;
    char *ro;
    char *admin;
} daemonSocketPaths;

static int
daemonSocketPathsInit(daemonConfig *cfg, bool privileged, daemonSocketPaths *p)
{
    g_autofree char *dir = NULL;

    if (cfg->unixSockDir)
        dir = g_strdup(cfg->unixSockDir);
    else if (privileged)
        dir = g_strdup(RUNSTATEDIR "/libvirt");
    else
        dir = g_build_filename(g_get_user_runtime_dir(), "libvirt", NULL);
    if (g_mkdir_with_parents(dir, privileged ? 0755 : 0700) < 0) {
        virReportSystemError(errno, "unable to create rundir %s", dir);
        return -1;
    }
    p->rw = g_strdup_printf("%s/%s-sock", dir, SOCK_PREFIX);
    if (privileged)
        p->ro = g_strdup_printf("%s/%s-sock-ro", dir, SOCK_PREFIX);
    if (privileged || !cfg->unixSockDir)
        p->admin = g_strdup_printf("%s/%s-admin-sock", dir, SOCK_PREFIX);
    return 0;
}

static void
daemonSocketPathsClear(daemonSocketPaths *p)
{
    g_free(p->rw);
    g_free(p->ro);
    g_free(p->admin);
}

/* Descriptors passed by systemd (LISTEN_PID, LISTEN_FDS, LISTEN_FDNAMES),
 * by the socket unit names they carry, as libvirt reads them: when
 * present, a service is made only from the descriptors named after its
 * unit (DAEMON.socket, DAEMON-ro.socket, DAEMON-admin.socket,
 * DAEMON-tcp.socket, DAEMON-tls.socket), never bound by the daemon
 * itself, and a descriptor no service takes is an error. */
typedef struct {
    bool present;
    size_t n;
    int *fds;
    char **names;
} daemonActivation;

static void
daemonActivationClear(daemonActivation *act)
{
    size_t i;

    for (i = 0; i < act->n; i++) {
        if (act->fds[i] >= 0)
            close(act->fds[i]);
    }
    g_free(act->fds);
    g_strfreev(act->names);
    memset(act, 0, sizeof(*act));
}

static void
daemonActivationInit(daemonActivation *act)
{
    const char *pid = getenv("LISTEN_PID");
    const char *nfds = getenv("LISTEN_FDS");
    const char *names = getenv("LISTEN_FDNAMES");
    unsigned long n;
    char *end;
    size_t i;

    memset(act, 0, sizeof(*act));
    if (!pid || !nfds || strtoll(pid, NULL, 10) != getpid())
        return;
    n = strtoul(nfds, &end, 10);
    if (*end || n == 0 || n > 1024)
        return;
    g_unsetenv("LISTEN_PID");
    g_unsetenv("LISTEN_FDS");
    for (i = 0; i < n; i++)
        ignore_value(fcntl(3 + i, F_SETFD, FD_CLOEXEC));
    /* as libvirt: without usable names, the descriptors are not used */
    if (!names) {
        VIR_ERROR("Missing LISTEN_FDNAMES env from systemd socket activation");
        return;
    }
    act->names = g_strsplit(names, ":", 0);
    if (g_strv_length(act->names) != n) {
        VIR_ERROR("Expecting %lu FD names but got %u", n, g_strv_length(act->names));
        g_clear_pointer(&act->names, g_strfreev);
        return;
    }
    act->present = true;
    act->n = n;
    act->fds = g_new(int, n);
    for (i = 0; i < n; i++)
        act->fds[i] = 3 + i;
}

/* Take the descriptors of unit @unit into @fds (up to @max). */
static size_t
daemonActivationTake(daemonActivation *act, const char *unit, int *fds, size_t max)
{
    size_t i, n = 0;

    for (i = 0; i < act->n && n < max; i++) {
        if (act->fds[i] >= 0 && STREQ(act->names[i], unit)) {
            fds[n++] = act->fds[i];
            act->fds[i] = -1;
        }
    }
    return n;
}

static int
daemonActivationComplete(daemonActivation *act)
{
    size_t i;

    for (i = 0; i < act->n; i++) {
        if (act->fds[i] >= 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Some activation file descriptors are unclaimed");
            return -1;
        }
    }
    return 0;
}

/* A service from the activated descriptors of @unit: 1 when activation
 * decides (even with no descriptor of that name: the unit is off), 0
 * when the daemon must make its own sockets, -1 on error. */
static int
daemonAddActivated(virNetServer *srv, daemonActivation *act, const char *unit,
                   int auth, virNetTLSContext *tls, bool readonly, unsigned int maxQueued)
{
    g_autoptr(virNetServerService) svc = NULL;
    int fds[16];
    size_t nfds;

    if (!act->present)
        return 0;
    if ((nfds = daemonActivationTake(act, unit, fds, G_N_ELEMENTS(fds))) == 0)
        return 1;
    if (!(svc = virNetServerServiceNewFDs(fds, nfds, auth, tls, readonly, maxQueued)) ||
        virNetServerAddService(srv, svc) < 0)
        return -1;
    return 1;
}

/* unix_sock_group as libvirt reads it: a group name, else a gid;
 * "+N" is always a gid. */
static int
daemonGetGroupID(const char *group, gid_t *gid)
{
    unsigned long long v;
    char *end;

    if (*group == '+') {
        group++;
    } else {
        struct group *gr = getgrnam(group);

        if (gr) {
            *gid = gr->gr_gid;
            return 0;
        }
    }
    errno = 0;
    v = strtoull(group, &end, 10);
    if (!*group || *end || errno || group[0] == '-' || (gid_t)v != v) {
        virReportError(VIR_ERR_INVALID_ARG, "Failed to parse group '%s'", group);
        return -1;
    }
    *gid = v;
    return 0;
}

static int
daemonParsePerms(const char *str, mode_t *perms)
{
    char *end;
    unsigned long v = strtoul(str, &end, 8);

    if (*end || v > 07777) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Failed to parse mode '%s'", str);
        return -1;
    }
    *perms = v;
    return 0;
}

static int
daemonAddUNIX(virNetServer *srv, daemonActivation *act, const char *unit,
              const char *path, const char *permstr, gid_t gid, int auth,
              bool readonly, unsigned int maxQueued)
{
    g_autoptr(virNetServerService) svc = NULL;
    mode_t perms;
    int rc;

    if ((rc = daemonAddActivated(srv, act, unit, auth, NULL, readonly, maxQueued)) != 0)
        return rc < 0 ? -1 : 0;
    if (daemonParsePerms(permstr, &perms) < 0)
        return -1;
    if (!(svc = virNetServerServiceNewUNIX(path, perms, -1, gid, auth, NULL, readonly,
                                           maxQueued)))
        return -1;
    return virNetServerAddService(srv, svc);
}

static virNetTLSContext *
daemonTLSContext(daemonConfig *cfg, bool privileged)
{
    if (cfg->caFile || cfg->certFile || cfg->keyFile) {
        if (!cfg->caFile) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "No CA certificate path set to match server key/cert");
            return NULL;
        }
        if (!cfg->certFile) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "No server certificate path set to match server key");
            return NULL;
        }
        if (!cfg->keyFile) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "No server key path set to match server cert");
            return NULL;
        }
        return virNetTLSContextNewServer(cfg->caFile, cfg->crlFile, cfg->certFile,
                                         cfg->keyFile,
                                         (const char *const *)cfg->tlsAllowedDNList,
                                         cfg->tlsPriority, !cfg->tlsNoSanityCert,
                                         !cfg->tlsNoVerifyCert);
    }
    return virNetTLSContextNewServerPath(NULL, !privileged,
                                         (const char *const *)cfg->tlsAllowedDNList,
                                         cfg->tlsPriority, !cfg->tlsNoSanityCert,
                                         !cfg->tlsNoVerifyCert);
}

static int
daemonAddTCP(virNetServer *srv, daemonActivation *act, const char *unit,
             daemonConfig *cfg, const char *port, int auth, virNetTLSContext *tls)
{
    g_autoptr(virNetServerService) svc = NULL;
    int rc;

    if ((rc = daemonAddActivated(srv, act, unit, auth, tls, false,
                                 cfg->maxQueuedClients)) != 0)
        return rc < 0 ? -1 : 0;
    if (!(svc = virNetServerServiceNewTCP(cfg->listenAddr, port, AF_UNSPEC, auth, tls,
                                          false, cfg->maxQueuedClients)))
        return -1;
    return virNetServerAddService(srv, svc);
}

static int
daemonSetupNetworking(virNetServer *srv, virNetServer *srvAdm, daemonConfig *cfg,
                      daemonSocketPaths *paths, daemonActivation *act,
                      bool listen, bool privileged)
{
    gid_t gid = -1;
    /* As in libvirt: libvirtd listens on TCP/TLS only with --listen,
     * virtproxyd whenever its file says so, and the other modular daemons
     * never (they have UNIX sockets only).  Under socket activation the
     * units alone decide, and --listen is refused. */
#if defined(LIBVIRTD) || defined(VIRTPROXYD)
    bool withIP = true;
# ifdef LIBVIRTD
    bool ipsock = listen;
# else
    bool ipsock = true;
# endif

    if (act->present) {
# ifdef LIBVIRTD
        if (ipsock) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "--listen parameter not permitted with systemd activation sockets, see 'man libvirtd' for further guidance");
            return -1;
        }
# endif
        ipsock = false;
    }
#else
    bool withIP = false;
    bool ipsock = false;
#endif

    if (cfg->unixSockGroup && daemonGetGroupID(cfg->unixSockGroup, &gid) < 0)
        return -1;
    if (daemonAddUNIX(srv, act, DAEMON_NAME ".socket", paths->rw, cfg->unixSockRWPerms,
                      gid, cfg->authUnixRW, false, cfg->maxQueuedClients) < 0)
        return -1;
    if (paths->ro &&
        daemonAddUNIX(srv, act, DAEMON_NAME "-ro.socket", paths->ro, cfg->unixSockROPerms,
                      gid, cfg->authUnixRO, true, cfg->maxQueuedClients) < 0)
        return -1;
    if (paths->admin &&
        daemonAddUNIX(srvAdm, act, DAEMON_NAME "-admin.socket", paths->admin,
                      cfg->unixSockAdminPerms, gid, VIR_NET_SERVER_SERVICE_AUTH_NONE,
                      false, cfg->adminMaxQueuedClients) < 0)
        return -1;
    if (withIP && ((ipsock && cfg->listenTCP) || act->present) &&
        daemonAddTCP(srv, act, DAEMON_NAME "-tcp.socket", cfg, cfg->tcpPort,
                     cfg->authTCP, NULL) < 0)
        return -1;
    if (withIP && ((ipsock && cfg->listenTLS) ||
                   (act->present && g_strv_contains((const char *const *)act->names,
                                                    DAEMON_NAME "-tls.socket")))) {
        g_autoptr(virNetTLSContext) tls = daemonTLSContext(cfg, privileged);

        if (!tls || daemonAddTCP(srv, act, DAEMON_NAME "-tls.socket", cfg, cfg->tlsPort,
                                 cfg->authTLS, tls) < 0)
            return -1;
    }
    return daemonActivationComplete(act);
}

/* ---- programs ----------------------------------------------------- */

static int
daemonSetupPrograms(virNetServer *srv, virNetServer *srvAdm, virNetDaemon *dmn)
{
    g_autoptr(virNetServerProgram) remote =
        virNetServerProgramNew(REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                               remoteProcs, REMOTE_NPROCS);
    g_autoptr(virNetServerProgram) qemu =
        virNetServerProgramNew(QEMU_PROGRAM, QEMU_PROTOCOL_VERSION, qemuProcs, QEMU_NPROCS);
    g_autoptr(virNetServerProgram) lxc =
        virNetServerProgramNew(LXC_PROGRAM, LXC_PROTOCOL_VERSION, lxcProcs, LXC_NPROCS);
    g_autoptr(virNetServerProgram) admin = daemonAdminProgram(dmn);

    remoteStreamSetProgram(remote);
    if (virNetServerAddProgram(srv, remote) < 0 ||
        virNetServerAddProgram(srv, qemu) < 0 ||
        virNetServerAddProgram(srv, lxc) < 0 ||
        virNetServerAddProgram(srvAdm, admin) < 0)
        return -1;
    return 0;
}

/* ---- running in the background ------------------------------------ */

/* Fork; the parent waits for the child's word that it is serving. */
static int
daemonForkIntoBackground(void)
{
    int pipefd[2];
    pid_t pid;
    char status = 1;

    if (pipe(pipefd) < 0)
        return -1;
    if ((pid = fork()) < 0)
        return -1;
    if (pid > 0) {
        close(pipefd[1]);
        if (read(pipefd[0], &status, 1) != 1)
            status = 1;
        _exit(status == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
    }
    close(pipefd[0]);
    if (setsid() < 0)
        return -1;
    if ((pid = fork()) < 0)
        return -1;
    if (pid > 0)
        _exit(EXIT_SUCCESS);
    if (chdir("/") < 0)
        return -1;
    {
        int nullfd = open("/dev/null", O_RDWR);

        if (nullfd >= 0) {
            dup2(nullfd, STDIN_FILENO);
            dup2(nullfd, STDOUT_FILENO);
            dup2(nullfd, STDERR_FILENO);
            if (nullfd > 2)
                close(nullfd);
        }
    }
    return pipefd[1];
}

static void
daemonReportReady(int *statusfd, char status)
{
    if (*statusfd < 0)
        return;
    ignore_value(write(*statusfd, &status, 1));
    close(*statusfd);
    *statusfd = -1;
}

int
main(int argc, char **argv)
{
    bool privileged = geteuid() == 0;
    daemonArgs args = { 0 };
    g_autoptr(daemonConfig) cfg = daemonConfigNew(privileged);
    daemonSocketPaths paths = { 0 };
    daemonActivation act = { 0 };
    g_autoptr(virNetDaemon) dmn = NULL;
    g_autoptr(virNetServer) srv = NULL;
    g_autoptr(virNetServer) srvAdm = NULL;
    g_autofree char *configPath = NULL;
    int statusfd = -1;
    int pidfd = -1;
    int ret = EXIT_FAILURE;

    if (virInitialize() < 0 || daemonParseArgs(argc, argv, &args, privileged) < 0)
        return EXIT_FAILURE;
    virSetErrorFunc(NULL, daemonErrorHandler);
    virEventRegisterDefaultImpl();
#ifdef VIRTPROXYD
    cfg->listenTLS = false;      /* no --listen: the file alone decides */
#endif
#ifdef LIBVIRTD
    remoteSetInsideDaemon(DAEMON_NAME, true);
#else
    remoteSetInsideDaemon(DAEMON_NAME, false);
#endif

    configPath = args.config ? g_strdup(args.config)
                             : daemonConfigDefaultPath(DAEMON_NAME, privileged);
    if ((args.config || g_file_test(configPath, G_FILE_TEST_EXISTS)) &&
        daemonConfigLoadFile(cfg, configPath) < 0) {
        fprintf(stderr, "%s: error: Can't load config file: %s: %s\n",
                argv[0], virGetLastErrorMessage(), configPath);
        goto cleanup;
    }
    if (daemonSetupLogging(cfg, args.verbose, args.godaemon, privileged) < 0) {
        fprintf(stderr, "%s: error: %s\n", argv[0], virGetLastErrorMessage());
        goto cleanup;
    }
    if (!args.pidfile) {
        if (privileged) {
            args.pidfile = g_strdup_printf(RUNSTATEDIR "/%s.pid", DAEMON_NAME);
        } else {
            g_autofree char *dir = g_build_filename(g_get_user_runtime_dir(), "libvirt", NULL);

            g_mkdir_with_parents(dir, 0700);
            args.pidfile = g_strdup_printf("%s/%s.pid", dir, DAEMON_NAME);
        }
    }
    if (daemonSocketPathsInit(cfg, privileged, &paths) < 0)
        goto error;
    if (args.godaemon && (statusfd = daemonForkIntoBackground()) < 0) {
        VIR_ERROR("Failed to fork as daemon: %s", g_strerror(errno));
        goto cleanup;
    }
    if ((pidfd = daemonAcquirePidFile(args.pidfile)) < 0)
        goto error;

    daemonActivationInit(&act);
    dmn = virNetDaemonNew();
    if (!(srv = virNetServerNew(DAEMON_NAME, cfg->minWorkers, cfg->maxWorkers,
                                cfg->prioWorkers, cfg->maxClients,
                                cfg->maxAnonymousClients, cfg->maxClientRequests,
                                cfg->keepaliveInterval, cfg->keepaliveCount,
                                remoteClientInit, NULL)) ||
        !(srvAdm = virNetServerNew("admin", cfg->adminMinWorkers, cfg->adminMaxWorkers, 0,
                                   cfg->adminMaxClients, cfg->adminMaxClients,
                                   cfg->adminMaxClientRequests,
                                   cfg->adminKeepaliveInterval, cfg->adminKeepaliveCount,
                                   daemonAdminClientInit, NULL)))
        goto error;
    virNetDaemonAddServer(dmn, srv);
    virNetDaemonAddServer(dmn, srvAdm);
    if (daemonSetupPrograms(srv, srvAdm, dmn) < 0 ||
        daemonSetupNetworking(srv, srvAdm, cfg, &paths, &act, args.listen, privileged) < 0)
        goto error;
    if (virStateInitialize(privileged, NULL) < 0)
        goto error;
    virNetDaemonAutoShutdown(dmn, args.timeout);
    daemonReportReady(&statusfd, 0);
    if (virNetDaemonRun(dmn) < 0)
        goto error;
    ret = EXIT_SUCCESS;
    goto cleanup;

 error:
    VIR_ERROR("%s", virGetLastErrorMessage());
    if (!args.godaemon || statusfd >= 0)
        fprintf(stderr, "%s: error: %s\n", argv[0], virGetLastErrorMessage());
 cleanup:
    daemonReportReady(&statusfd, 1);
    if (dmn)
        virNetDaemonClose(dmn);
    virStateCleanup();
    if (pidfd >= 0) {
        unlink(args.pidfile);
        close(pidfd);
    }
    daemonSocketPathsClear(&paths);
    daemonActivationClear(&act);
    g_free(args.pidfile);
    g_free(args.config);
    return ret;
}
