/*
 * virsh.c: main, the command line of the program itself, connection
 * handling and the "Virsh itself" group.
 *
 * virsh is a pure client of the public API.  Command families live in
 * virsh-<family>.c, each exporting one table for cmdGroups below.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "virsh.h"

static vshCmdGrp cmdGroups[];

/* Set when the connection closed under us; the next command reconnects. */
static int disconnected;

/* ------------------------------------------------------------------ */
/* connection                                                          */
/* ------------------------------------------------------------------ */

static void
virshCatchDisconnect(virConnectPtr conn, int reason, void *opaque)
{
    vshControl *ctl = opaque;
    g_autofree char *uri = NULL;
    const char *fmt = "unknown reason";

    if (reason == VIR_CONNECT_CLOSE_REASON_CLIENT)
        return;

    /* runs in the event loop thread: its last error is its own */
    uri = virConnectGetURI(conn);
    switch ((virConnectCloseReason)reason) {
    case VIR_CONNECT_CLOSE_REASON_ERROR:
        fmt = "Disconnected from %s due to I/O error";
        break;
    case VIR_CONNECT_CLOSE_REASON_EOF:
        fmt = "Disconnected from %s due to end of file";
        break;
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        fmt = "Disconnected from %s due to keepalive timeout";
        break;
    case VIR_CONNECT_CLOSE_REASON_CLIENT:
    case VIR_CONNECT_CLOSE_REASON_LAST:
        break;
    }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vshError(ctl, fmt, uri ? uri : "(null)");
#pragma GCC diagnostic pop
    disconnected++;
}

/*
 * polkit's text authentication agent while a connection opens, run as
 * libvirt's virsh runs it: whenever pkttyagent exists and the process has
 * a controlling terminal, for any URI, read-only or not (without a polkit
 * daemon the agent says so on standard error).
 */
#define VIRSH_PKTTYAGENT "/usr/bin/pkttyagent"

static bool
virshPolkitAgentAvailable(void)
{
    const char *tty = ctermid(NULL);
    int fd;

    if (access(VIRSH_PKTTYAGENT, X_OK) < 0 || !tty)
        return false;
    /* the agent opens the terminal: it has to be there (O_NOCTTY: do
     * not get one by looking) */
    if ((fd = open(tty, O_RDWR | O_NOCTTY)) < 0)
        return false;
    close(fd);
    return true;
}

static pid_t
virshPolkitAgentStart(void)
{
    char self[32];
    char notify[32];
    struct pollfd pfd;
    int fds[2];
    pid_t pid;

    if (!virshPolkitAgentAvailable() || pipe2(fds, O_CLOEXEC) < 0)
        return -1;
    g_snprintf(self, sizeof(self), "%lld", (long long)getpid());
    g_snprintf(notify, sizeof(notify), "%d", fds[1]);
    if ((pid = fork()) < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        /* the notify end stays open across exec; the agent closes it
         * once it is registered (or gone) */
        if (fcntl(fds[1], F_SETFD, 0) == 0)
            execl(VIRSH_PKTTYAGENT, VIRSH_PKTTYAGENT, "--process", self,
                  "--notify-fd", notify, "--fallback", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    pfd = (struct pollfd) { .fd = fds[0], .events = POLLHUP };
    while (poll(&pfd, 1, -1) < 0 && errno == EINTR)
        ;
    close(fds[0]);
    return pid;
}

/* Reap the agent, asking it to go (then forcing it) if it still runs. */
static void
virshPolkitAgentStop(pid_t pid)
{
    int status;

    if (pid <= 0)
        return;
    if (waitpid(pid, &status, WNOHANG) == pid)
        return;
    kill(pid, SIGTERM);
    g_usleep(10 * 1000);
    if (waitpid(pid, &status, WNOHANG) == pid)
        return;
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
}

/* Open @uri with the agent running; as libvirt's virsh, start it late
 * when the first try says polkit needs one, and give up after five
 * failed authentications. */
static virConnectPtr
virshConnectAuth(const char *uri, bool readonly)
{
    pid_t agent = virshPolkitAgentStart();
    virConnectPtr conn = NULL;
    int authfail = 0;

    while (authfail < 5) {
        virErrorPtr err;

        if ((conn = virConnectOpenAuth(uri, virConnectAuthPtrDefault,
                                       readonly ? VIR_CONNECT_RO : 0)))
            break;
        err = virGetLastError();
        if (readonly || !err || err->domain != VIR_FROM_POLKIT)
            break;
        if (agent < 0 && err->code == VIR_ERR_AUTH_UNAVAILABLE) {
            if ((agent = virshPolkitAgentStart()) < 0)
                break;
        } else if (err->code == VIR_ERR_AUTH_FAILED) {
            authfail++;
        } else {
            break;
        }
        virResetLastError();
    }
    virshPolkitAgentStop(agent);
    return conn;
}

virConnectPtr
virshConnect(vshControl *ctl, const char *uri, bool readonly)
{
    int interval = 5;
    int count = 6;
    bool forced = false;
    virConnectPtr conn;

    if (ctl->keepalive_interval >= 0) {
        interval = ctl->keepalive_interval;
        forced = true;
    }
    if (ctl->keepalive_count >= 0) {
        count = ctl->keepalive_count;
        forced = true;
    }

    if (!(conn = virshConnectAuth(uri, readonly)))
        return NULL;

    if (interval > 0 && virConnectSetKeepAlive(conn, interval, count) != 0) {
        if (forced) {
            vshError(ctl, "%s", "Cannot setup keepalive on connection as requested, disconnecting");
            virConnectClose(conn);
            return NULL;
        }
        vshDebug(ctl, VSH_ERR_INFO, "%s",
                 "Failed to setup keepalive on connection\n");
        vshResetLibvirtError();
    }
    return conn;
}

static void
virshCloseConnection(vshControl *ctl)
{
    virshControl *priv = ctl->privData;
    int ret;

    if (!priv->conn)
        return;
    virConnectUnregisterCloseCallback(priv->conn, virshCatchDisconnect);
    ret = virConnectClose(priv->conn);
    priv->conn = NULL;
    if (ret < 0)
        vshError(ctl, "%s", "Failed to disconnect from the hypervisor");
    else if (ret > 0)
        vshError(ctl, "%s", "One or more references were leaked after disconnect from the hypervisor");
}

/*
 * (Re)open the connection: to @name when given, else to the current URI.
 * Without @name the read-only choice of the current connection is kept.
 * @force: an explicit 'connect', which says nothing about reconnecting.
 */
static int
virshReconnect(vshControl *ctl, const char *name, bool readonly, bool force)
{
    virshControl *priv = ctl->privData;
    bool wasConnected = priv->conn != NULL;

    if (!readonly && !name)
        readonly = priv->readonly;

    virshCloseConnection(ctl);
    priv->conn = virshConnect(ctl, name ? name : ctl->connname, readonly);
    if (!priv->conn) {
        vshError(ctl, "%s", disconnected ?
                 "Failed to reconnect to the hypervisor" :
                 "failed to connect to the hypervisor");
        return -1;
    }

    if (name) {
        g_free(ctl->connname);
        ctl->connname = g_strdup(name);
    }
    priv->readonly = readonly;
    if (virConnectRegisterCloseCallback(priv->conn, virshCatchDisconnect,
                                        ctl, NULL) < 0)
        vshError(ctl, "%s", "Unable to register disconnect callback");
    if (wasConnected && !force)
        vshError(ctl, "%s", "Reconnected to the hypervisor");
    disconnected = 0;
    return 0;
}

/* The connection hook: connect on first use, refuse a dead connection. */
static void *
virshConnectionHandler(vshControl *ctl)
{
    virshControl *priv = ctl->privData;

    if ((!priv->conn || disconnected) &&
        virshReconnect(ctl, NULL, false, false) < 0)
        return NULL;

    if (!priv->conn || virConnectIsAlive(priv->conn) == 0) {
        vshError(ctl, "%s", "no valid connection");
        return NULL;
    }
    /* only a definite "not alive" counts as dead */
    vshResetLibvirtError();
    return priv->conn;
}

/* ---- connect ---- */

static const vshCmdOptDef opts_connect[] = {
    { .name = "name",
      .type = VSH_OT_STRING,
      .flags = VSH_OFLAG_EMPTY_OK,
      .completer = virshCompleteEmpty,
      .help = "hypervisor connection URI" },
    { .name = "readonly", .type = VSH_OT_BOOL, .help = "read-only connection" },
    { .name = NULL }
};

static const vshCmdInfo info_connect = {
    .help = "(re)connect to hypervisor",
    .desc = "Connect to local hypervisor. This is built-in command after shell start up.",
};

static bool
cmdConnect(vshControl *ctl, const vshCmd *cmd)
{
    bool ro = vshCommandOptBool(cmd, "readonly");
    const char *name = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "name", &name) < 0)
        return false;
    return virshReconnect(ctl, name, ro, true) == 0;
}

/* ------------------------------------------------------------------ */
/* startup and shutdown                                                */
/* ------------------------------------------------------------------ */

static bool
virshInit(vshControl *ctl)
{
    virshControl *priv = ctl->privData;

    /* -d, -l and interactive mode are known only now */
    vshInitReload(ctl);
    if (priv->conn)
        return false;

    virSetErrorFunc(NULL, vshErrorHandler);
    if (!vshEventLoopStart(ctl))
        return false;

    /* -c must connect now; the default connection waits for a command
     * that needs it (the first may be 'connect' or 'help') */
    if (ctl->connname && virshReconnect(ctl, NULL, false, false) < 0) {
        vshReportError(ctl);
        return false;
    }
    return true;
}

static void
virshDeinit(vshControl *ctl)
{
    vshDeinit(ctl);
    g_clear_pointer(&ctl->connname, g_free);
    virshCloseConnection(ctl);
    virResetLastError();
    vshEventLoopStop(ctl);
    g_mutex_clear(&ctl->lock);
}

static void
virshUsage(const char *progname)
{
    const vshCmdGrp *grp;
    const vshCmdDef *def;

    printf("\n%s [options]... [<command_string>]"
           "\n%s [options]... <command> [args...]\n\n"
           "  options:\n"
           "    -c | --connect=URI      hypervisor connection URI\n"
           "    -d | --debug=NUM        debug level [0-4]\n"
           "    -e | --escape <char>    set escape sequence for console\n"
           "    -h | --help             this help\n"
           "    -k | --keepalive-interval=NUM\n"
           "                            keepalive interval in seconds, 0 for disable\n"
           "    -K | --keepalive-count=NUM\n"
           "                            number of possible missed keepalive messages\n"
           "    -l | --log=FILE         output logging to file\n"
           "    -q | --quiet            quiet mode\n"
           "    -r | --readonly         connect readonly\n"
           "    -t | --timing           print timing information\n"
           "    -v                      short version\n"
           "    -V                      long version\n"
           "         --version[=TYPE]   version, TYPE is short or long (default short)\n"
           "  commands (non interactive mode):\n\n", progname, progname);

    for (grp = cmdGroups; grp->name; grp++) {
        printf(" %s (help keyword '%s')\n", grp->name, grp->keyword);
        for (def = grp->commands; def->name; def++) {
            if (def->flags & (VSH_CMD_FLAG_ALIAS | VSH_CMD_FLAG_HIDDEN))
                continue;
            printf("    %-30s %s\n", def->name, def->info->help);
        }
        printf("\n");
    }
    printf("%s", "\n  (specify help <group> for details about the commands in the group)\n");
    printf("%s", "\n  (specify help <command> for details about the command)\n\n");
}

/*
 * The feature list of -V.  It names what libvirt 9.0.0 as built by Debian
 * reports, since scripts compare it; nuvirt grows into it.
 */
static void
virshShowVersion(vshControl *ctl)
{
    vshPrint(ctl, "Virsh command line tool of libvirt %d.%d.%d\n",
             LIBVIR_VERSION_NUMBER / 1000000,
             (LIBVIR_VERSION_NUMBER / 1000) % 1000,
             LIBVIR_VERSION_NUMBER % 1000);
    vshPrint(ctl, "See web site at %s\n\n", "https://libvirt.org/");
    vshPrint(ctl, "%s", "Compiled with support for:\n");
    vshPrint(ctl, "%s", " Hypervisors: QEMU/KVM LXC LibXL OpenVZ VMware VirtualBox ESX Test\n");
    vshPrint(ctl, "%s", " Networking: Remote Network Bridging Interface udev Nwfilter\n");
    vshPrint(ctl, "%s", " Storage: Dir Disk Filesystem SCSI Multipath iSCSI iSCSI-direct LVM RBD Gluster ZFS\n");
    vshPrint(ctl, "%s", " Miscellaneous: Daemon Nodedev AppArmor SELinux Secrets Debug DTrace Readline\n");
}

/* -e: one character other than '^', or '^' and one of a-z @ A-Z [ \ ] ^ _ */
static bool
virshValidEscape(const char *s)
{
    size_t len = strlen(s);

    if (len == 1)
        return s[0] != '^';
    return len == 2 && s[0] == '^' &&
           ((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= '@' && s[1] <= '_'));
}

/* -k / -K: a non-negative number (any base strtol accepts). */
static void
virshParseKeepalive(vshControl *ctl, const char *arg, const char *optname,
                    int *value)
{
    int v;

    if (vshStrToInt(arg, 0, &v) < 0) {
        vshError(ctl, "Invalid value for option %s", optname);
        exit(EXIT_FAILURE);
    }
    if (v < 0) {
        vshError(ctl, "option %s requires a positive integer argument", optname);
        exit(EXIT_FAILURE);
    }
    *value = v;
}

static bool
virshParseArgv(vshControl *ctl, int argc, char **argv)
{
    static const struct option longopts[] = {
        { "connect", required_argument, NULL, 'c' },
        { "debug", required_argument, NULL, 'd' },
        { "escape", required_argument, NULL, 'e' },
        { "help", no_argument, NULL, 'h' },
        { "keepalive-interval", required_argument, NULL, 'k' },
        { "keepalive-count", required_argument, NULL, 'K' },
        { "log", required_argument, NULL, 'l' },
        { "quiet", no_argument, NULL, 'q' },
        { "readonly", no_argument, NULL, 'r' },
        { "timing", no_argument, NULL, 't' },
        { "version", optional_argument, NULL, 'v' },
        { NULL, 0, NULL, 0 },
    };
    virshControl *priv = ctl->privData;
    int longindex = -1;
    int c;
    size_t i;

    /* '+': stop at the first command word; ':': we report errors */
    while ((c = getopt_long(argc, argv, "+:c:d:e:hk:K:l:qrtvV", longopts,
                            &longindex)) != -1) {
        bool isLong = longindex != -1;

        longindex = -1;
        switch (c) {
        case 'c':
            g_free(ctl->connname);
            ctl->connname = g_strdup(optarg);
            break;
        case 'd': {
            int level;

            if (vshStrToInt(optarg, 10, &level) < 0) {
                vshError(ctl, "option %s takes a numeric argument",
                         isLong ? "--debug" : "-d");
                exit(EXIT_FAILURE);
            }
            if (level < VSH_ERR_DEBUG || level > VSH_ERR_ERROR)
                vshError(ctl, "ignoring debug level %d out of range [%d-%d]",
                         level, VSH_ERR_DEBUG, VSH_ERR_ERROR);
            else
                ctl->debug = level;
            break;
        }
        case 'e':
            if (!virshValidEscape(optarg)) {
                vshError(ctl, "Invalid string '%s' for escape sequence", optarg);
                exit(EXIT_FAILURE);
            }
            priv->escapeChar = optarg;
            break;
        case 'h':
            virshUsage(ctl->progname);
            exit(EXIT_SUCCESS);
        case 'k':
            virshParseKeepalive(ctl, optarg,
                                isLong ? "--keepalive-interval" : "-k",
                                &ctl->keepalive_interval);
            break;
        case 'K':
            virshParseKeepalive(ctl, optarg,
                                isLong ? "--keepalive-count" : "-K",
                                &ctl->keepalive_count);
            break;
        case 'l':
            vshCloseLogFile(ctl);
            ctl->logfile = g_strdup(optarg);
            vshOpenLogFile(ctl);
            break;
        case 'q':
            ctl->quiet = true;
            break;
        case 't':
            ctl->timing = true;
            break;
        case 'r':
            priv->readonly = true;
            break;
        case 'v':
            if (!optarg || strcmp(optarg, "long") != 0) {
                printf("%d.%d.%d\n", LIBVIR_VERSION_NUMBER / 1000000,
                       (LIBVIR_VERSION_NUMBER / 1000) % 1000,
                       LIBVIR_VERSION_NUMBER % 1000);
                exit(EXIT_SUCCESS);
            }
            G_GNUC_FALLTHROUGH;
        case 'V':
            virshShowVersion(ctl);
            exit(EXIT_SUCCESS);
        case ':':
            for (i = 0; longopts[i].name; i++) {
                if (longopts[i].val == optopt)
                    break;
            }
            if (longopts[i].name)
                vshError(ctl, "option '-%c'/'--%s' requires an argument",
                         optopt, longopts[i].name);
            else
                vshError(ctl, "option '-%c' requires an argument", optopt);
            exit(EXIT_FAILURE);
        case '?':
            if (optopt)
                vshError(ctl, "unsupported option '-%c'. See --help.", optopt);
            else
                vshError(ctl, "unsupported option '%s'. See --help.",
                         argv[optind - 1]);
            exit(EXIT_FAILURE);
        default:
            vshError(ctl, "%s", "unknown option");
            exit(EXIT_FAILURE);
        }
    }

    if (optind == argc) {
        ctl->imode = true;
        return true;
    }
    ctl->imode = false;
    if (argc - optind == 1) {
        vshDebug(ctl, VSH_ERR_INFO, "commands: \"%s\"\n", argv[optind]);
        return vshCommandStringParse(ctl, argv[optind], NULL, 0);
    }
    return vshCommandArgvParse(ctl, argc - optind, argv + optind);
}

static bool
virshInteractive(vshControl *ctl)
{
    virshControl *priv = ctl->privData;

    if (!ctl->quiet) {
        vshPrint(ctl, "Welcome to %s, the virtualization interactive terminal.\n\n",
                 ctl->progname);
        vshPrint(ctl, "%s", "Type:  'help' for help with commands\n"
                            "       'quit' to quit\n\n");
    }

    do {
        ctl->cmdstr = vshReadline(ctl, priv->readonly ? VIRSH_PROMPT_RO
                                                      : VIRSH_PROMPT_RW);
        if (!ctl->cmdstr)
            break;
        if (*ctl->cmdstr) {
            vshReadlineHistoryAdd(ctl->cmdstr);
            if (vshCommandStringParse(ctl, ctl->cmdstr, NULL, 0))
                vshCommandRun(ctl, ctl->cmd);
        }
        g_clear_pointer(&ctl->cmdstr, g_free);
    } while (ctl->imode);

    if (!ctl->cmdstr)
        fputc('\n', stdout);  /* end the line the prompt was on */
    g_clear_pointer(&ctl->cmdstr, g_free);
    return true;
}

/* ------------------------------------------------------------------ */
/* groups                                                              */
/* ------------------------------------------------------------------ */

static const vshCmdDef virshCmds[] = {
    VSH_CMD_CD,
    VSH_CMD_ECHO,
    VSH_CMD_EXIT,
    VSH_CMD_HELP,
    VSH_CMD_PWD,
    VSH_CMD_QUIT,
    VSH_CMD_SELF_TEST,
    VSH_CMD_COMPLETE,
    { .name = "connect", .handler = cmdConnect, .opts = opts_connect,
      .info = &info_connect, .flags = VSH_CMD_FLAG_NOCONNECT },
    { .name = NULL }
};

/* Families still to come; each moves to its own virsh-<family>.c. */
static const vshCmdDef noCmds[] = { { .name = NULL } };

/* Domain Management is assembled at start from its family tables. */
static vshCmdGrp cmdGroups[] = {
    { "Domain Management", "domain", noCmds },
    { "Domain Monitoring", "monitor", domMonitoringCmds },
    { "Domain Events", "events", domEventCmds },
    { "Host and Hypervisor", "host", hostAndHypervisorCmds },
    { "Checkpoint", "checkpoint", checkpointCmds },
    { "Interface", "interface", ifaceCmds },
    { "Network Filter", "filter", nwfilterCmds },
    { "Networking", "network", networkCmds },
    { "Node Device", "nodedev", nodedevCmds },
    { "Secret", "secret", secretCmds },
    { "Snapshot", "snapshot", snapshotCmds },
    { "Backup", "backup", backupCmds },
    { "Storage Pool", "pool", storagePoolCmds },
    { "Storage Volume", "volume", storageVolCmds },
    { "Virsh itself", "virsh", virshCmds },
    { NULL, NULL, NULL }
};

static const vshClientHooks hooks = {
    .connHandler = virshConnectionHandler,
};

int
main(int argc, char **argv)
{
    virshControl priv = { .escapeChar = "^]" };  /* as telnet */
    vshControl ctl = {
        .name = "virsh",
        .env_prefix = "VIRSH",
        .log_fd = -1,
        .debug = VSH_DEBUG_DEFAULT,
        .keepalive_interval = -1,
        .keepalive_count = -1,
        .eventPipe = { -1, -1 },
        .eventTimerId = -1,
        .hooks = &hooks,
        .privData = &priv,
    };
    const char *slash = strrchr(argv[0], '/');
    bool ret = true;

    ctl.progname = (char *)(slash ? slash + 1 : argv[0]);
    /* the user's locale: number formats, character widths in tables */
    setlocale(LC_ALL, "");
    if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &ctl.termattr) == 0)
        ctl.istty = true;
    g_mutex_init(&ctl.lock);

    if (virInitialize() < 0) {
        vshError(&ctl, "%s", "Failed to initialize libvirt");
        return EXIT_FAILURE;
    }
    cmdGroups[0].commands = virshDomainManagementCmds();
    if (!vshInit(&ctl, cmdGroups))
        exit(EXIT_FAILURE);

    if (!virshParseArgv(&ctl, argc, argv) || !virshInit(&ctl)) {
        virshDeinit(&ctl);
        exit(EXIT_FAILURE);
    }

    if (!ctl.connname)
        ctl.connname = g_strdup(getenv("VIRSH_DEFAULT_CONNECT_URI"));

    if (ctl.imode)
        virshInteractive(&ctl);
    else
        ret = vshCommandRun(&ctl, ctl.cmd);

    virshDeinit(&ctl);
    exit(ret ? EXIT_SUCCESS : EXIT_FAILURE);
}
