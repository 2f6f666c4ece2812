/*
 * vsh.h: the generic shell under virsh.
 *
 * A command is a row: a name, a handler, an options table and its help
 * (one line plus an optional description).  Commands are collected in
 * groups; the shell parses a command string or an argv vector against
 * the tables, checks required options, runs the handlers and prints
 * help from the same tables, so every later command costs one option
 * table, one info and one handler.
 *
 * The shell only uses the public API (libvirt.h, virterror.h), glib
 * and readline.
 */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <termios.h>
#include <glib.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* Levels of vshDebug, and of -d / VIRSH_DEBUG. */
typedef enum {
    VSH_ERR_DEBUG = 0,
    VSH_ERR_INFO,
    VSH_ERR_NOTICE,
    VSH_ERR_WARNING,
    VSH_ERR_ERROR,
} vshErrorLevel;

#define VSH_DEBUG_DEFAULT VSH_ERR_ERROR

/*
 * Kinds of option.  Every kind but BOOL and ALIAS also takes positional
 * data, in table order, unless it has VSH_OFLAG_REQ_OPT.
 */
typedef enum {
    VSH_OT_BOOL,    /* --name, no value */
    VSH_OT_STRING,  /* --name VALUE, optional */
    VSH_OT_INT,     /* --name NUMBER, optional or required */
    VSH_OT_DATA,    /* required value, usually given positionally */
    VSH_OT_ARGV,    /* all remaining values; must be the last row */
    VSH_OT_ALIAS,   /* other spelling: help holds "target" or "target=value" */
} vshCmdOptType;

enum {
    VSH_OFLAG_NONE = 0,
    VSH_OFLAG_REQ = 1 << 0,       /* the option must be given */
    VSH_OFLAG_EMPTY_OK = 1 << 1,  /* an empty value is accepted */
    VSH_OFLAG_REQ_OPT = 1 << 2,   /* only as --name VALUE, never positional */
};

enum {
    VSH_CMD_FLAG_NOCONNECT = 1 << 0,  /* runs without a connection */
    VSH_CMD_FLAG_ALIAS = 1 << 1,      /* other name of the command in .alias */
    VSH_CMD_FLAG_HIDDEN = 1 << 2,     /* left out of listings */
};

typedef struct _vshControl vshControl;
typedef struct _vshCmd vshCmd;
typedef struct _vshCmdOpt vshCmdOpt;

/* A completer returns every candidate (a NULL-terminated list); the shell
 * escapes and filters them by the typed prefix. */
typedef char **(*vshCompleter)(vshControl *ctl, const vshCmd *cmd,
                               unsigned int flags);

typedef struct {
    const char *name;             /* NULL ends the table */
    vshCmdOptType type;
    unsigned int flags;           /* VSH_OFLAG_* */
    const char *help;             /* for VSH_OT_ALIAS: the target */
    vshCompleter completer;
    unsigned int completer_flags;
} vshCmdOptDef;

/*
 * Rows of an options table.  The optional trailing arguments are more
 * designated initializers: VSH_STRING("file", "output file",
 * .flags = VSH_OFLAG_REQ_OPT, .completer = fn).
 */
#define VSH_BOOL(NAME, HELP) \
    { .name = NAME, .type = VSH_OT_BOOL, .help = HELP }
#define VSH_STRING(NAME, HELP, ...) \
    { .name = NAME, .type = VSH_OT_STRING, .help = HELP, __VA_ARGS__ }
#define VSH_INT(NAME, HELP, ...) \
    { .name = NAME, .type = VSH_OT_INT, .help = HELP, __VA_ARGS__ }
#define VSH_INT_REQ(NAME, HELP, ...) \
    { .name = NAME, .type = VSH_OT_INT, .flags = VSH_OFLAG_REQ, \
      .help = HELP, __VA_ARGS__ }
#define VSH_DATA(NAME, HELP, ...) \
    { .name = NAME, .type = VSH_OT_DATA, .flags = VSH_OFLAG_REQ, \
      .help = HELP, __VA_ARGS__ }
/* a required value with other flags besides */
#define VSH_DATA_F(NAME, HELP, ...) \
    { .name = NAME, .type = VSH_OT_DATA, .help = HELP, __VA_ARGS__ }
#define VSH_ARGV(NAME, HELP, ...) \
    { .name = NAME, .type = VSH_OT_ARGV, .help = HELP, __VA_ARGS__ }
#define VSH_ARGV_REQ(NAME, HELP, ...) \
    { .name = NAME, .type = VSH_OT_ARGV, .flags = VSH_OFLAG_REQ, \
      .help = HELP, __VA_ARGS__ }
#define VSH_ALIAS(NAME, TARGET) \
    { .name = NAME, .type = VSH_OT_ALIAS, .help = TARGET }
#define VSH_OPT_END { .name = NULL }

typedef struct {
    const char *help;             /* one line, shown in listings */
    const char *desc;             /* DESCRIPTION section; NULL or "" for none */
} vshCmdInfo;

typedef bool (*vshCmdHandler)(vshControl *ctl, const vshCmd *cmd);

typedef struct {
    const char *name;             /* NULL ends the table */
    vshCmdHandler handler;
    const vshCmdOptDef *opts;
    const vshCmdInfo *info;
    unsigned int flags;           /* VSH_CMD_FLAG_* */
    const char *alias;            /* with VSH_CMD_FLAG_ALIAS: the real name */
} vshCmdDef;

/* A row of a command table, for a command with opts_ID and info_ID. */
#define VSH_CMD(NAME, HANDLER, ID) \
    { .name = NAME, .handler = HANDLER, .opts = opts_##ID, .info = &info_##ID }

typedef struct {
    const char *name;             /* NULL ends the table */
    const char *keyword;          /* for 'help KEYWORD' */
    const vshCmdDef *commands;
} vshCmdGrp;

/* One option as given on the command line. */
struct _vshCmdOpt {
    const vshCmdOptDef *def;
    char *data;                   /* NULL for a bool */
    bool completeThis;            /* the cursor is on this option's value */
    vshCmdOpt *next;
};

/* One parsed command; commands of one line are chained by next. */
struct _vshCmd {
    const vshCmdDef *def;
    vshCmdOpt *opts;
    vshCmd *next;
    bool skipChecks;              /* lookups of unknown names are allowed */
};

typedef struct {
    /* Make sure a connection is usable; NULL (error printed) if not. */
    void *(*connHandler)(vshControl *ctl);
} vshClientHooks;

struct _vshControl {
    const char *name;             /* "virsh": history dir, readline name */
    const char *env_prefix;       /* "VIRSH": VIRSH_DEBUG, VIRSH_LOG_FILE, ... */
    char *connname;               /* URI to connect to, NULL for default */
    char *progname;               /* basename of argv[0] */
    vshCmd *cmd;                  /* the parsed command line */
    char *cmdstr;                 /* the line being run (interactive) */
    bool imode;                   /* interactive */
    bool quiet;                   /* -q: no extra output */
    bool timing;                  /* -t: time each command */
    int debug;                    /* vshDebug threshold */
    char *logfile;                /* -l / VIRSH_LOG_FILE */
    int log_fd;
    char *historydir;
    char *historyfile;
    int keepalive_interval;       /* -1: default */
    int keepalive_count;          /* -1: default */
    bool istty;                   /* stdin is a terminal */
    struct termios termattr;      /* its settings at start */

    /* the event loop thread (vsh-event.c) */
    GThread *eventLoop;
    GMutex lock;
    bool eventLoopStarted;
    bool quit;
    int eventPipe[2];
    int eventTimerId;

    const vshClientHooks *hooks;
    void *privData;               /* the client's own state */
};

/* ---- vsh.c: setup, output, parsing, running, help ---- */
bool vshInit(vshControl *ctl, const vshCmdGrp *groups);
bool vshInitReload(vshControl *ctl);
void vshDeinit(vshControl *ctl);

void vshPrint(vshControl *ctl, const char *format, ...) G_GNUC_PRINTF(2, 3);
void vshPrintExtra(vshControl *ctl, const char *format, ...) G_GNUC_PRINTF(2, 3);
void vshError(vshControl *ctl, const char *format, ...) G_GNUC_PRINTF(2, 3);
void vshDebug(vshControl *ctl, int level, const char *format, ...)
    G_GNUC_PRINTF(3, 4);

void vshOpenLogFile(vshControl *ctl);
void vshCloseLogFile(vshControl *ctl);

/* libvirt errors: saved by the error callback, printed when a command fails */
void vshErrorHandler(void *opaque, virErrorPtr error);
void vshReportError(vshControl *ctl);
void vshResetLibvirtError(void);
void vshSaveLibvirtError(void);
void vshSaveLibvirtHelperError(void);
void vshSetPendingError(const char *msg);
/* The code of the kept error (VIR_ERR_OK for none). */
int vshLastErrorCode(void);

const vshCmdGrp *vshCmdGroups(void);
const vshCmdDef *vshCmddefSearch(const char *name);
const vshCmdGrp *vshCmdGrpSearch(const char *name);
bool vshCmddefHelp(vshControl *ctl, const vshCmdDef *def);
bool vshCmdGrpHelp(vshControl *ctl, const vshCmdGrp *grp);
int vshCmddefCheckInternals(vshControl *ctl, const vshCmdDef *def,
                            bool missingCompleters);

bool vshCommandStringParse(vshControl *ctl, char *cmdstr, vshCmd **partial,
                           size_t point);
bool vshCommandArgvParse(vshControl *ctl, int nargs, char **argv);
bool vshCommandRun(vshControl *ctl, const vshCmd *cmd);
void vshCommandFree(vshCmd *cmd);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vshCmd, vshCommandFree);

/* ---- vsh-opt.c: typed access to a command's options ----
 *
 * The numeric getters return 1 when the option is given and valid, 0 when
 * it is absent and optional, and -1 (error printed) otherwise.
 */
bool vshCommandOptBool(const vshCmd *cmd, const char *name);
int vshCommandOptStringReq(vshControl *ctl, const vshCmd *cmd,
                           const char *name, const char **value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptStringQuiet(vshControl *ctl, const vshCmd *cmd,
                             const char *name, const char **value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptInt(vshControl *ctl, const vshCmd *cmd,
                     const char *name, int *value) G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptUInt(vshControl *ctl, const vshCmd *cmd,
                      const char *name, unsigned int *value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptUIntWrap(vshControl *ctl, const vshCmd *cmd,
                          const char *name, unsigned int *value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptUL(vshControl *ctl, const vshCmd *cmd,
                    const char *name, unsigned long *value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptULWrap(vshControl *ctl, const vshCmd *cmd,
                        const char *name, unsigned long *value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptLongLong(vshControl *ctl, const vshCmd *cmd,
                          const char *name, long long *value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptULongLong(vshControl *ctl, const vshCmd *cmd,
                           const char *name, unsigned long long *value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptULongLongWrap(vshControl *ctl, const vshCmd *cmd,
                               const char *name, unsigned long long *value)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptScaledInt(vshControl *ctl, const vshCmd *cmd,
                           const char *name, unsigned long long *value,
                           int scale, unsigned long long max)
    G_GNUC_WARN_UNUSED_RESULT;
int vshCommandOptTimeoutToMs(vshControl *ctl, const vshCmd *cmd, int *timeout);
/* --bandwidth: MiB/s, or a scaled size in bytes/s (in MiB unless @bytes) */
int vshBlockJobOptionBandwidth(vshControl *ctl, const vshCmd *cmd,
                               bool bytes, unsigned long *bandwidth);
const vshCmdOpt *vshCommandOptArgv(vshControl *ctl, const vshCmd *cmd,
                                   const vshCmdOpt *opt);

/* Number parsing as the shell does it: the whole string, base 10 unless
 * told; the *p forms refuse a minus sign, the plain forms wrap it. */
int vshStrToInt(const char *s, int base, int *result);
int vshStrToUInt(const char *s, bool wrap, unsigned int *result);
int vshStrToULong(const char *s, bool wrap, unsigned long *result);
int vshStrToULongLong(const char *s, char **end, bool wrap,
                      unsigned long long *result);
int vshScaleInteger(unsigned long long *value, const char *suffix,
                    unsigned long long scale, unsigned long long limit);
int vshStringToArray(const char *str, char ***array);

/* ---- vsh-util.c: shared helpers of the command families ---- */
#define VSH_MAX_XML_FILE (10 * 1024 * 1024)
#define VSH_MATCH(FLAG) (flags & (FLAG))

/* @val in the largest binary unit that keeps it >= 1 (B, KiB, ... EiB) */
double vshPrettyCapacity(unsigned long long val, const char **unit);
int vshNameSorter(const void *a, const void *b);
/* A parameter's value as text; an unknown type ends the program. */
char *vshGetTypedParamValue(vshControl *ctl, virTypedParameterPtr item);
/* ... as libvirt's logs show it (booleans 0/1, doubles %g); NULL for an
 * unknown type */
char *vshTypedParamToString(virTypedParameterPtr item);

bool vshTTYIsInterruptCharacter(vshControl *ctl, const char chr);
bool vshTTYAvailable(vshControl *ctl);
int vshTTYDisableInterrupt(vshControl *ctl);
int vshTTYRestore(vshControl *ctl);
int vshTTYMakeRaw(vshControl *ctl, bool report_errors);

/* Name of item @id, or of its parent with @parent (NULL for none). */
typedef const char *(*vshTreeLookup)(int id, bool parent, void *opaque);
int vshTreePrint(vshControl *ctl, vshTreeLookup lookup, void *opaque,
                 int count, int root);

typedef struct {
    /* the object's current document, or NULL (error reported) */
    char *(*getXML)(vshControl *ctl, void *opaque);
    /* the document came back unchanged */
    void (*notChanged)(vshControl *ctl, void *opaque);
    /* optional: true when an unchanged document is still to be defined */
    bool (*keepUnchanged)(void *opaque);
    /* define the edited document; false on failure */
    bool (*define)(vshControl *ctl, const char *xml, void *opaque);
    /* optional: turn validation off before retrying */
    void (*relax)(void *opaque);
} vshEditOps;

int vshAskReedit(vshControl *ctl, const char *msg, bool relax_avail);
char *vshEditWriteToTempFile(vshControl *ctl, const char *doc);
int vshEditFile(vshControl *ctl, const char *filename);
char *vshEditReadBackFile(vshControl *ctl, const char *filename);
int vshEditLoop(vshControl *ctl, const vshEditOps *ops, void *opaque);

/* ---- vsh-readline.c: line editing, history, completion ---- */
int vshReadlineInit(vshControl *ctl);
void vshReadlineDeinit(vshControl *ctl);
char *vshReadline(vshControl *ctl, const char *prompt);
void vshReadlineHistoryAdd(const char *line);
char **vshReadlineCommandGenerator(void);
char **vshReadlineComplete(vshControl *ctl, const char *line, const char *text);

/* ---- vsh-event.c: the event loop thread, and waits for events ---- */
bool vshEventLoopStart(vshControl *ctl);
void vshEventLoopStop(vshControl *ctl);

/* How a wait for events ended. */
enum {
    VSH_EVENT_INTERRUPT,  /* SIGINT */
    VSH_EVENT_TIMEOUT,
    VSH_EVENT_DONE,       /* a handler called vshEventDone() */
};
/* Wait for events for at most @timeout_ms (0: no limit); -1 on error. */
int vshEventStart(vshControl *ctl, int timeout_ms);
/* From an event handler: end the wait. */
void vshEventDone(vshControl *ctl);
/* Block until the wait ends; a VSH_EVENT_* or -1. */
int vshEventWait(vshControl *ctl);
void vshEventCleanup(vshControl *ctl);

/* ---- vsh-cmds.c: commands every shell has ---- */
extern const vshCmdOptDef opts_help[];
extern const vshCmdInfo info_help;
extern const vshCmdOptDef opts_cd[];
extern const vshCmdInfo info_cd;
extern const vshCmdOptDef opts_echo[];
extern const vshCmdInfo info_echo;
extern const vshCmdInfo info_pwd;
extern const vshCmdInfo info_quit;
extern const vshCmdOptDef opts_selftest[];
extern const vshCmdInfo info_selftest;
extern const vshCmdOptDef opts_complete[];
extern const vshCmdInfo info_complete;
bool cmdHelp(vshControl *ctl, const vshCmd *cmd);
/* @str quoted for /bin/sh (only when it needs it), as echo --shell does */
void vshAppendShellQuoted(GString *out, const char *str);
bool cmdCd(vshControl *ctl, const vshCmd *cmd);
bool cmdEcho(vshControl *ctl, const vshCmd *cmd);
bool cmdPwd(vshControl *ctl, const vshCmd *cmd);
bool cmdQuit(vshControl *ctl, const vshCmd *cmd);
bool cmdSelfTest(vshControl *ctl, const vshCmd *cmd);
bool cmdComplete(vshControl *ctl, const vshCmd *cmd);

/* Rows for the generic commands, for a client's own group. */
#define VSH_CMD_CD \
    { .name = "cd", .handler = cmdCd, .opts = opts_cd, .info = &info_cd, \
      .flags = VSH_CMD_FLAG_NOCONNECT }
#define VSH_CMD_ECHO \
    { .name = "echo", .handler = cmdEcho, .opts = opts_echo, \
      .info = &info_echo, .flags = VSH_CMD_FLAG_NOCONNECT }
#define VSH_CMD_EXIT \
    { .name = "exit", .handler = cmdQuit, .info = &info_quit, \
      .flags = VSH_CMD_FLAG_NOCONNECT }
#define VSH_CMD_HELP \
    { .name = "help", .handler = cmdHelp, .opts = opts_help, \
      .info = &info_help, .flags = VSH_CMD_FLAG_NOCONNECT }
#define VSH_CMD_PWD \
    { .name = "pwd", .handler = cmdPwd, .info = &info_pwd, \
      .flags = VSH_CMD_FLAG_NOCONNECT }
#define VSH_CMD_QUIT \
    { .name = "quit", .handler = cmdQuit, .info = &info_quit, \
      .flags = VSH_CMD_FLAG_NOCONNECT }
#define VSH_CMD_SELF_TEST \
    { .name = "self-test", .handler = cmdSelfTest, .opts = opts_selftest, \
      .info = &info_selftest, \
      .flags = VSH_CMD_FLAG_NOCONNECT | VSH_CMD_FLAG_HIDDEN }
#define VSH_CMD_COMPLETE \
    { .name = "complete", .handler = cmdComplete, .opts = opts_complete, \
      .info = &info_complete, \
      .flags = VSH_CMD_FLAG_NOCONNECT | VSH_CMD_FLAG_HIDDEN }

/* Option relations checked at the top of a handler. */
#define VSH_EXCLUSIVE_OPTIONS_EXPR(NAME1, EXPR1, NAME2, EXPR2) \
    if ((EXPR1) && (EXPR2)) { \
        vshError(ctl, "Options --%s and --%s are mutually exclusive", \
                 NAME1, NAME2); \
        return false; \
    }
#define VSH_EXCLUSIVE_OPTIONS(NAME1, NAME2) \
    VSH_EXCLUSIVE_OPTIONS_EXPR(NAME1, vshCommandOptBool(cmd, NAME1), \
                               NAME2, vshCommandOptBool(cmd, NAME2))
#define VSH_EXCLUSIVE_OPTIONS_VAR(VAR1, VAR2) \
    VSH_EXCLUSIVE_OPTIONS_EXPR(#VAR1, VAR1, #VAR2, VAR2)

#define VSH_ALTERNATIVE_OPTIONS_EXPR(NAME1, EXPR1, NAME2, EXPR2) \
    do { \
        bool vsh_e1_ = (EXPR1); \
        bool vsh_e2_ = (EXPR2); \
        VSH_EXCLUSIVE_OPTIONS_EXPR(NAME1, vsh_e1_, NAME2, vsh_e2_); \
        if (!vsh_e1_ && !vsh_e2_) { \
            vshError(ctl, "Either --%s or --%s must be provided", \
                     NAME1, NAME2); \
            return false; \
        } \
    } while (0)

#define VSH_REQUIRE_OPTION_EXPR(NAME1, EXPR1, NAME2, EXPR2) \
    do { \
        if ((EXPR1) && !(EXPR2)) { \
            vshError(ctl, "Option --%s is required by option --%s", \
                     NAME2, NAME1); \
            return false; \
        } \
    } while (0)
#define VSH_REQUIRE_OPTION(NAME1, NAME2) \
    VSH_REQUIRE_OPTION_EXPR(NAME1, vshCommandOptBool(cmd, NAME1), \
                            NAME2, vshCommandOptBool(cmd, NAME2))
#define VSH_REQUIRE_OPTION_VAR(VAR1, VAR2) \
    VSH_REQUIRE_OPTION_EXPR(#VAR1, VAR1, #VAR2, VAR2)
