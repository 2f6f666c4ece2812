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

/* ---- vsh-readline.c: line editing, history, completion ---- */
int vshReadlineInit(vshControl *ctl);
void vshReadlineDeinit(vshControl *ctl);
char *vshReadline(vshControl *ctl, const char *prompt);
void vshReadlineHistoryAdd(const char *line);
char **vshReadlineCommandGenerator(void);
char **vshReadlineComplete(vshControl *ctl, const char *line, const char *text);

/* ---- vsh-event.c: the event loop thread ---- */
bool vshEventLoopStart(vshControl *ctl);
void vshEventLoopStop(vshControl *ctl);

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
