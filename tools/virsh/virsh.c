/*
 * virsh.c: the shell, a pure client of the public API.
 *
 * This is the shell's skeleton: connection handling, the command table,
 * batch and interactive modes, and the first commands.  Commands are
 * rows of a table (name, handler, help); the full command set lands
 * family by family in files of their own.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <readline/readline.h>
#include <readline/history.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

typedef struct {
    char *uri;
    virConnectPtr conn;
    bool readonly;
    bool quiet;
    bool quit;
} vshControl;

typedef bool (*vshHandler)(vshControl *ctl, int argc, char **argv);

typedef struct {
    const char *name;
    vshHandler handler;
    bool needsConnection;
    const char *help;
} vshCmdDef;

static void
vshReportError(void)
{
    const char *msg = virGetLastErrorMessage();

    if (virGetLastErrorCode() != VIR_ERR_OK)
        fprintf(stderr, "error: %s\n", msg);
    virResetLastError();
}

static void
vshErrorHandler(void *opaque, virErrorPtr err)
{
    /* errors are printed once, by the command that failed */
    (void)opaque;
    (void)err;
}

static bool
vshConnect(vshControl *ctl)
{
    if (ctl->conn)
        return true;
    ctl->conn = virConnectOpenAuth(ctl->uri, virConnectAuthPtrDefault,
                                   ctl->readonly ? VIR_CONNECT_RO : 0);
    if (!ctl->conn) {
        fprintf(stderr, "error: failed to connect to the hypervisor\n");
        vshReportError();
        return false;
    }
    return true;
}

static void
vshDisconnect(vshControl *ctl)
{
    if (ctl->conn && virConnectClose(ctl->conn) < 0)
        vshReportError();
    ctl->conn = NULL;
}

static void
vshPrintVersion(const char *label, unsigned long v)
{
    printf("%s %lu.%lu.%lu\n", label, v / 1000000, (v / 1000) % 1000, v % 1000);
}

static bool
cmdVersion(vshControl *ctl, int argc, char **argv)
{
    unsigned long libVersion;
    unsigned long hvVersion;
    const char *hvType;

    (void)argc;
    (void)argv;
    printf("Compiled against library: libvirt %d.%d.%d\n",
           LIBVIR_VERSION_NUMBER / 1000000, (LIBVIR_VERSION_NUMBER / 1000) % 1000,
           LIBVIR_VERSION_NUMBER % 1000);
    if (virGetVersion(&libVersion, NULL, NULL) < 0) {
        fprintf(stderr, "error: failed to get the library version\n");
        vshReportError();
        return false;
    }
    vshPrintVersion("Using library: libvirt", libVersion);
    if (!(hvType = virConnectGetType(ctl->conn))) {
        fprintf(stderr, "error: failed to get hypervisor type\n");
        vshReportError();
        return false;
    }
    if (virGetVersion(&libVersion, hvType, &hvVersion) < 0) {
        fprintf(stderr, "error: failed to get the library version\n");
        vshReportError();
        return false;
    }
    {
        g_autofree char *label = g_strdup_printf("Using API: %s", hvType);

        vshPrintVersion(label, libVersion);
    }
    if (virConnectGetVersion(ctl->conn, &hvVersion) < 0) {
        fprintf(stderr, "error: failed to get the hypervisor version\n");
        vshReportError();
        return false;
    }
    if (hvVersion == 0) {
        printf("Cannot extract running %s hypervisor version\n", hvType);
    } else {
        g_autofree char *label = g_strdup_printf("Running hypervisor: %s", hvType);

        vshPrintVersion(label, hvVersion);
    }
    printf("\n");
    return true;
}

static bool
cmdURI(vshControl *ctl, int argc, char **argv)
{
    g_autofree char *uri = virConnectGetURI(ctl->conn);

    (void)argc;
    (void)argv;
    if (!uri) {
        fprintf(stderr, "error: failed to get URI\n");
        vshReportError();
        return false;
    }
    printf("%s\n", uri);
    return true;
}

static bool
cmdHostname(vshControl *ctl, int argc, char **argv)
{
    g_autofree char *host = virConnectGetHostname(ctl->conn);

    (void)argc;
    (void)argv;
    if (!host) {
        fprintf(stderr, "error: failed to get hostname\n");
        vshReportError();
        return false;
    }
    printf("%s\n", host);
    return true;
}

static bool
cmdConnect(vshControl *ctl, int argc, char **argv)
{
    int i;

    ctl->readonly = false;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--readonly") == 0) {
            ctl->readonly = true;
        } else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc) {
            g_free(ctl->uri);
            ctl->uri = g_strdup(argv[++i]);
        } else {
            g_free(ctl->uri);
            ctl->uri = g_strdup(argv[i]);
        }
    }
    vshDisconnect(ctl);
    return vshConnect(ctl);
}

static bool
cmdQuit(vshControl *ctl, int argc, char **argv)
{
    (void)argc;
    (void)argv;
    ctl->quit = true;
    return true;
}

static bool cmdHelp(vshControl *ctl, int argc, char **argv);

static const vshCmdDef commands[] = {
    { "connect", cmdConnect, false, "(re)connect to hypervisor" },
    { "exit", cmdQuit, false, "quit this interactive terminal" },
    { "help", cmdHelp, false, "print help" },
    { "hostname", cmdHostname, true, "print the hypervisor hostname" },
    { "quit", cmdQuit, false, "quit this interactive terminal" },
    { "uri", cmdURI, true, "print the hypervisor canonical URI" },
    { "version", cmdVersion, true, "show version" },
};

static const vshCmdDef *
vshFindCommand(const char *name)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    }
    return NULL;
}

static bool
cmdHelp(vshControl *ctl, int argc, char **argv)
{
    size_t i;

    (void)ctl;
    if (argc > 1) {
        const vshCmdDef *def = vshFindCommand(argv[1]);

        if (!def) {
            fprintf(stderr, "error: command '%s' doesn't exist\n", argv[1]);
            return false;
        }
        printf("  NAME\n    %s - %s\n", def->name, def->help);
        return true;
    }
    printf("Grouped commands:\n\n");
    for (i = 0; i < G_N_ELEMENTS(commands); i++)
        printf("    %-20s%s\n", commands[i].name, commands[i].help);
    return true;
}

static bool
vshRunCommand(vshControl *ctl, int argc, char **argv)
{
    const vshCmdDef *def;

    if (argc == 0)
        return true;
    if (!(def = vshFindCommand(argv[0]))) {
        fprintf(stderr, "error: unknown command: '%s'\n", argv[0]);
        return false;
    }
    if (def->needsConnection && !vshConnect(ctl))
        return false;
    return def->handler(ctl, argc, argv);
}

/* Run "cmd1 args; cmd2 args" as virsh does in batch mode. */
static bool
vshRunLine(vshControl *ctl, const char *line)
{
    g_auto(GStrv) parts = g_strsplit(line, ";", -1);
    bool ok = true;
    size_t i;

    for (i = 0; parts[i] && !ctl->quit; i++) {
        g_auto(GStrv) argv = NULL;
        int argc = 0;
        g_autoptr(GError) err = NULL;

        if (!*g_strstrip(parts[i]))
            continue;
        if (!g_shell_parse_argv(parts[i], &argc, &argv, &err)) {
            fprintf(stderr, "error: %s\n", err->message);
            ok = false;
            continue;
        }
        ok = vshRunCommand(ctl, argc, argv) && ok;
    }
    return ok;
}

static void
vshUsage(void)
{
    printf("\nvirsh [options]... [<command_string>]\n"
           "virsh [options]... <command> [args...]\n\n"
           "  options:\n"
           "    -c | --connect=URI      hypervisor connection URI\n"
           "    -h | --help             this help\n"
           "    -q | --quiet            quiet mode\n"
           "    -r | --readonly         connect readonly\n"
           "    -v                      short version\n"
           "    -V                      long version\n"
           "         --version[=TYPE]   version, TYPE is short or long (default short)\n");
}

static bool
vshInteractive(vshControl *ctl)
{
    char *line;

    if (!ctl->quiet)
        printf("Welcome to virsh, the virtualization interactive terminal.\n\n"
               "Type:  'help' for help with commands\n"
               "       'quit' to quit\n\n");
    while (!ctl->quit && (line = readline(ctl->readonly ? "virsh > " : "virsh # "))) {
        if (*line)
            add_history(line);
        vshRunLine(ctl, line);
        free(line);
    }
    if (!ctl->quit)
        printf("\n");
    return true;
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "connect", required_argument, NULL, 'c' },
        { "help", no_argument, NULL, 'h' },
        { "quiet", no_argument, NULL, 'q' },
        { "readonly", no_argument, NULL, 'r' },
        { "version", optional_argument, NULL, 'v' },
        { NULL, 0, NULL, 0 },
    };
    vshControl ctl = { 0 };
    bool ok;
    int opt;

    if (virInitialize() < 0) {
        fprintf(stderr, "error: Failed to initialize libvirt\n");
        return EXIT_FAILURE;
    }
    virSetErrorFunc(NULL, vshErrorHandler);
    if (getenv("VIRSH_DEFAULT_CONNECT_URI"))
        ctl.uri = g_strdup(getenv("VIRSH_DEFAULT_CONNECT_URI"));

    while ((opt = getopt_long(argc, argv, "+c:hqrvV", longopts, NULL)) != -1) {
        switch (opt) {
        case 'c':
            g_free(ctl.uri);
            ctl.uri = g_strdup(optarg);
            break;
        case 'h':
            vshUsage();
            return EXIT_SUCCESS;
        case 'q':
            ctl.quiet = true;
            break;
        case 'r':
            ctl.readonly = true;
            break;
        case 'v':
        case 'V':
            printf("%d.%d.%d\n", LIBVIR_VERSION_NUMBER / 1000000,
                   (LIBVIR_VERSION_NUMBER / 1000) % 1000,
                   LIBVIR_VERSION_NUMBER % 1000);
            return EXIT_SUCCESS;
        default:
            vshUsage();
            return EXIT_FAILURE;
        }
    }

    if (optind < argc) {
        if (argc - optind == 1) {
            ok = vshRunLine(&ctl, argv[optind]);
        } else {
            ok = vshRunCommand(&ctl, argc - optind, argv + optind);
        }
    } else {
        ok = vshInteractive(&ctl);
    }
    vshDisconnect(&ctl);
    g_free(ctl.uri);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
