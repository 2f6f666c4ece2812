/*
 * vsh.c: the generic shell: output and logging, command lookup, the
 * command-line parser, running commands and printing their help.
 *
 * Messages, layouts and exit behaviour follow virsh 9.0.0 byte for byte,
 * because scripts parse them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vsh.h"

static const vshCmdGrp *cmdGroups;

/* The last libvirt error of the running command, saved by the callback. */
static virErrorPtr last_error;
/* Or an error the shell raised itself in the library's words. */
static char *pending_error;

/* ------------------------------------------------------------------ */
/* output                                                              */
/* ------------------------------------------------------------------ */

static void
vshWriteStdout(const char *format, va_list ap)
{
    g_autofree char *str = g_strdup_vprintf(format, ap);

    fputs(str, stdout);
    fflush(stdout);
}

void
vshPrint(vshControl *ctl G_GNUC_UNUSED, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    vshWriteStdout(format, ap);
    va_end(ap);
}

/* Output that -q suppresses. */
void
vshPrintExtra(vshControl *ctl, const char *format, ...)
{
    va_list ap;

    if (ctl && ctl->quiet)
        return;
    va_start(ap, format);
    vshWriteStdout(format, ap);
    va_end(ap);
}

static void
vshLogWrite(vshControl *ctl, int level, const char *format, va_list ap)
{
    static const char *const names[] = {
        [VSH_ERR_DEBUG] = "DEBUG",
        [VSH_ERR_INFO] = "INFO",
        [VSH_ERR_NOTICE] = "INFO",
        [VSH_ERR_WARNING] = "WARNING",
        [VSH_ERR_ERROR] = "ERROR",
    };
    g_autoptr(GDateTime) now = NULL;
    g_autofree char *stamp = NULL;
    g_autofree char *msg = NULL;
    g_autoptr(GString) line = NULL;
    size_t done = 0;

    if (!ctl || ctl->log_fd < 0)
        return;

    now = g_date_time_new_now_local();
    stamp = g_date_time_format(now, "%Y.%m.%d %H:%M:%S");
    msg = g_strdup_vprintf(format, ap);
    line = g_string_new(NULL);
    g_string_append_printf(line, "[%s %s %d] %s %s", stamp, ctl->progname,
                           (int)getpid(),
                           level >= VSH_ERR_DEBUG && level <= VSH_ERR_ERROR ?
                           names[level] : "DEBUG",
                           msg);
    if (line->len && line->str[line->len - 1] == '\n')
        g_string_truncate(line, line->len - 1);
    g_string_append_c(line, '\n');

    while (done < line->len) {
        ssize_t n = write(ctl->log_fd, line->str + done, line->len - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            vshCloseLogFile(ctl);
            vshError(ctl, "%s", "failed to write the log file");
            return;
        }
        done += n;
    }
}

void
vshError(vshControl *ctl, const char *format, ...)
{
    va_list ap;
    g_autofree char *str = NULL;

    if (ctl) {
        va_start(ap, format);
        vshLogWrite(ctl, VSH_ERR_ERROR, format, ap);
        va_end(ap);
    }

    /* keep 2>&1 output in order */
    fflush(stdout);
    va_start(ap, format);
    str = g_strdup_vprintf(format, ap);
    va_end(ap);
    fprintf(stderr, "error: %s\n", str ? str : "(null)");
    fflush(stderr);
}

void
vshDebug(vshControl *ctl, int level, const char *format, ...)
{
    va_list ap;

    if (level < ctl->debug)
        return;
    va_start(ap, format);
    vshLogWrite(ctl, level, format, ap);
    va_end(ap);
    va_start(ap, format);
    vshWriteStdout(format, ap);
    va_end(ap);
}

void
vshOpenLogFile(vshControl *ctl)
{
    if (!ctl->logfile)
        return;
    ctl->log_fd = open(ctl->logfile, O_WRONLY | O_APPEND | O_CREAT | O_SYNC,
                       0644);
    if (ctl->log_fd < 0) {
        vshError(ctl, "%s",
                 "failed to open the log file. check the log file path");
        exit(EXIT_FAILURE);
    }
}

void
vshCloseLogFile(vshControl *ctl)
{
    if (ctl->log_fd >= 0) {
        int fd = ctl->log_fd;

        ctl->log_fd = -1;
        if (close(fd) < 0)
            vshError(ctl, "%s: failed to write log file: %s",
                     ctl->logfile ? ctl->logfile : "?", g_strerror(errno));
    }
    g_clear_pointer(&ctl->logfile, g_free);
}

/* ------------------------------------------------------------------ */
/* libvirt errors                                                      */
/* ------------------------------------------------------------------ */

/* Installed with virSetErrorFunc: keep the error for later instead of
 * letting the library print it. */
void
vshErrorHandler(void *opaque G_GNUC_UNUSED, virErrorPtr error G_GNUC_UNUSED)
{
    virFreeError(last_error);
    last_error = virSaveLastError();
    g_clear_pointer(&pending_error, g_free);
}

/* Keep @msg as the command's error, as if the library had raised it. */
void
vshSetPendingError(const char *msg)
{
    g_clear_pointer(&last_error, virFreeError);
    virResetLastError();
    g_free(pending_error);
    pending_error = g_strdup(msg);
}

void
vshSaveLibvirtError(void)
{
    virFreeError(last_error);
    last_error = virSaveLastError();
}

/* Keep an error of a call that does not raise through the callback,
 * unless an earlier one is kept already. */
void
vshSaveLibvirtHelperError(void)
{
    if (last_error || pending_error || virGetLastErrorCode() == VIR_ERR_OK)
        return;
    vshSaveLibvirtError();
}

void
vshResetLibvirtError(void)
{
    g_clear_pointer(&last_error, virFreeError);
    g_clear_pointer(&pending_error, g_free);
    virResetLastError();
}

/* Print the kept libvirt error (if any) after a failed command. */
void
vshReportError(vshControl *ctl)
{
    if (pending_error) {
        vshError(ctl, "%s", pending_error);
        vshResetLibvirtError();
        return;
    }
    if (!last_error) {
        last_error = virSaveLastError();
        if (!last_error || last_error->code == VIR_ERR_OK) {
            vshResetLibvirtError();
            return;
        }
    }
    if (last_error->code == VIR_ERR_OK)
        vshError(ctl, "%s", "unknown error");
    else
        vshError(ctl, "%s", last_error->message);
    vshResetLibvirtError();
}

/* ------------------------------------------------------------------ */
/* command tables                                                      */
/* ------------------------------------------------------------------ */

const vshCmdGrp *
vshCmdGroups(void)
{
    return cmdGroups;
}

const vshCmdDef *
vshCmddefSearch(const char *name)
{
    const vshCmdGrp *g;
    const vshCmdDef *c;

    for (g = cmdGroups; g && g->name; g++) {
        for (c = g->commands; c->name; c++) {
            if (strcmp(c->name, name) == 0)
                return c;
        }
    }
    return NULL;
}

const vshCmdGrp *
vshCmdGrpSearch(const char *name)
{
    const vshCmdGrp *g;

    for (g = cmdGroups; g && g->name; g++) {
        if (strcmp(g->name, name) == 0 || strcmp(g->keyword, name) == 0)
            return g;
    }
    return NULL;
}

static const char *
vshCmddefHelpLine(const vshCmdDef *def)
{
    return def->info && def->info->help ? def->info->help : "";
}

bool
vshCmdGrpHelp(vshControl *ctl, const vshCmdGrp *grp)
{
    const vshCmdDef *c;

    vshPrint(ctl, " %s (help keyword '%s'):\n", grp->name, grp->keyword);
    for (c = grp->commands; c->name; c++) {
        if (c->flags & (VSH_CMD_FLAG_ALIAS | VSH_CMD_FLAG_HIDDEN))
            continue;
        vshPrint(ctl, "    %-30s %s\n", c->name, vshCmddefHelpLine(c));
    }
    return true;
}

/* The SYNOPSIS word of one option. */
static char *
vshOptSynopsis(const vshCmdOptDef *opt, bool positional)
{
    bool req = opt->flags & VSH_OFLAG_REQ;

    switch (opt->type) {
    case VSH_OT_BOOL:
        return g_strdup_printf("[--%s]", opt->name);
    case VSH_OT_INT:
        return req ? g_strdup_printf("<%s>", opt->name)
                   : g_strdup_printf("[--%s <number>]", opt->name);
    case VSH_OT_STRING:
        return g_strdup_printf("[--%s <string>]", opt->name);
    case VSH_OT_DATA:
        return req ? g_strdup_printf("<%s>", opt->name)
                   : g_strdup_printf("[<%s>]", opt->name);
    case VSH_OT_ARGV:
        if (positional)
            return req ? g_strdup_printf("{[--%s] <string>}...", opt->name)
                       : g_strdup_printf("[[--%s] <string>]...", opt->name);
        return req ? g_strdup_printf("<%s>...", opt->name)
                   : g_strdup_printf("[<%s>]...", opt->name);
    case VSH_OT_ALIAS:
        break;
    }
    return NULL;
}

/* The left column of one option in OPTIONS. */
static char *
vshOptColumn(const vshCmdOptDef *opt, bool positional)
{
    switch (opt->type) {
    case VSH_OT_BOOL:
        return g_strdup_printf("--%s", opt->name);
    case VSH_OT_INT:
        return g_strdup_printf((opt->flags & VSH_OFLAG_REQ) ?
                               "[--%s] <number>" : "--%s <number>", opt->name);
    case VSH_OT_STRING:
        return g_strdup_printf("--%s <string>", opt->name);
    case VSH_OT_DATA:
        return g_strdup_printf("[--%s] <string>", opt->name);
    case VSH_OT_ARGV:
        return g_strdup_printf(positional ? "[--%s] <string>" : "<%s>",
                               opt->name);
    case VSH_OT_ALIAS:
        break;
    }
    return NULL;
}

bool
vshCmddefHelp(vshControl *ctl, const vshCmdDef *def)
{
    const vshCmdOptDef *opt;
    const char *desc = def->info ? def->info->desc : NULL;
    bool positional = false; /* some option may be given without --name */

    vshPrint(ctl, "  NAME\n    %s - %s\n", def->name, vshCmddefHelpLine(def));

    vshPrint(ctl, "\n  SYNOPSIS\n    %s", def->name);
    for (opt = def->opts; opt && opt->name; opt++) {
        g_autofree char *word = vshOptSynopsis(opt, positional);

        if (!word)
            continue;
        if ((opt->type == VSH_OT_INT || opt->type == VSH_OT_STRING ||
             opt->type == VSH_OT_DATA) && !(opt->flags & VSH_OFLAG_REQ_OPT))
            positional = true;
        vshPrint(ctl, " %s", word);
    }
    vshPrint(ctl, "\n");

    if (desc && *desc)
        vshPrint(ctl, "\n  DESCRIPTION\n    %s\n", desc);

    if (def->opts && def->opts->name) {
        vshPrint(ctl, "\n  OPTIONS\n");
        for (opt = def->opts; opt->name; opt++) {
            g_autofree char *col = vshOptColumn(opt, positional);

            if (col)
                vshPrint(ctl, "    %-15s  %s\n", col, opt->help);
        }
    }
    vshPrint(ctl, "\n");
    return true;
}

/* A command row that only names another command. */
static int
vshCmddefCheckAlias(vshControl *ctl, const vshCmdDef *def)
{
    const vshCmdDef *target;

    if (!def->alias) {
        vshError(ctl, "command '%s' has inconsistent alias", def->name);
        return -1;
    }
    if (!(target = vshCmddefSearch(def->alias))) {
        vshError(ctl, "command alias '%s' is pointing to a non-existent command '%s'",
                 def->name, def->alias);
        return -1;
    }
    if (target->flags & VSH_CMD_FLAG_ALIAS) {
        vshError(ctl, "command alias '%s' is pointing to another command alias '%s'",
                 def->name, def->alias);
        return -1;
    }
    if (def->handler || def->opts || def->info ||
        (def->flags & ~VSH_CMD_FLAG_ALIAS)) {
        vshError(ctl, "command '%s' has %s set", def->name,
                 def->handler ? "handler" : def->opts ? "options" :
                 def->info ? "info" : "multiple flags");
        return -1;
    }
    return 0;
}

/* Option @i is an alias: it must name a later real option, and one
 * that supplies a value must not name a bool. */
static int
vshOptCheckAlias(vshControl *ctl, const vshCmdDef *def, size_t i)
{
    const vshCmdOptDef *opt = &def->opts[i];
    g_autofree char *target = NULL;
    const char *eq;
    size_t j;

    if (opt->flags || !opt->help) {
        vshError(ctl, "parameter '%s' of command '%s' has incorrect alias option",
                 opt->name, def->name);
        return -1;
    }
    eq = strchr(opt->help, '=');
    target = eq ? g_strndup(opt->help, eq - opt->help) : g_strdup(opt->help);
    for (j = i + 1; def->opts[j].name; j++) {
        if (strcmp(target, def->opts[j].name) == 0 &&
            def->opts[j].type != VSH_OT_ALIAS)
            break;
    }
    if (eq && def->opts[j].name && def->opts[j].type == VSH_OT_BOOL) {
        vshError(ctl, "alias '%s' of command '%s' has mismatched alias type",
                 opt->name, def->name);
        return -1;
    }
    if (!def->opts[j].name) {
        vshError(ctl, "alias '%s' of command '%s' has missing alias option",
                 opt->name, def->name);
        return -1;
    }
    return 0;
}

/* Sanity of one table row; used by the hidden 'self-test' command. */
int
vshCmddefCheckInternals(vshControl *ctl, const vshCmdDef *def,
                        bool missingCompleters)
{
    g_autoptr(GString) missing = g_string_new(NULL);
    bool seenOptional = false;
    size_t i;

    if (def->flags & VSH_CMD_FLAG_ALIAS)
        return vshCmddefCheckAlias(ctl, def);

    if (!def->info || !def->info->help || !*def->info->help) {
        vshError(ctl, "command '%s' lacks help", def->name);
        return -1;
    }

    for (i = 0; def->opts && def->opts[i].name; i++) {
        const vshCmdOptDef *opt = &def->opts[i];

        if (i > 63) {
            vshError(ctl, "command '%s' has too many options", def->name);
            return -1;
        }
        if (missingCompleters && !opt->completer &&
            (opt->type == VSH_OT_STRING || opt->type == VSH_OT_DATA))
            g_string_append_printf(missing, "%s, ", opt->name);

        switch (opt->type) {
        case VSH_OT_BOOL:
            if (opt->completer || opt->completer_flags) {
                vshError(ctl, "bool parameter '%s' of command '%s' has completer set",
                         opt->name, def->name);
                return -1;
            }
            G_GNUC_FALLTHROUGH;
        case VSH_OT_STRING:
            if (opt->flags & VSH_OFLAG_REQ) {
                vshError(ctl, "parameter '%s' of command '%s' misused VSH_OFLAG_REQ",
                         opt->name, def->name);
                return -1;
            }
            seenOptional = true;
            break;
        case VSH_OT_ALIAS:
            if (vshOptCheckAlias(ctl, def, i) < 0)
                return -1;
            break;
        case VSH_OT_ARGV:
            if (def->opts[i + 1].name) {
                vshError(ctl, "parameter '%s' of command '%s' must be listed last",
                         opt->name, def->name);
                return -1;
            }
            break;
        case VSH_OT_DATA:
            if (!(opt->flags & VSH_OFLAG_REQ)) {
                vshError(ctl, "parameter '%s' of command '%s' must use VSH_OFLAG_REQ flag",
                         opt->name, def->name);
                return -1;
            }
            G_GNUC_FALLTHROUGH;
        case VSH_OT_INT:
            if (!(opt->flags & VSH_OFLAG_REQ)) {
                seenOptional = true;
            } else if (seenOptional) {
                vshError(ctl, "parameter '%s' of command '%s' must be listed before optional parameters",
                         opt->name, def->name);
                return -1;
            }
            break;
        }
    }

    if (missing->len) {
        g_string_truncate(missing, missing->len - 2);
        vshPrintExtra(ctl, "%s: %s\n", def->name, missing->str);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* parsed commands                                                     */
/* ------------------------------------------------------------------ */

static void
vshCommandOptFree(vshCmdOpt *opt)
{
    while (opt) {
        vshCmdOpt *next = opt->next;

        g_free(opt->data);
        g_free(opt);
        opt = next;
    }
}

void
vshCommandFree(vshCmd *cmd)
{
    while (cmd) {
        vshCmd *next = cmd->next;

        vshCommandOptFree(cmd->opts);
        g_free(cmd);
        cmd = next;
    }
}

/* ------------------------------------------------------------------ */
/* tokenizers                                                          */
/* ------------------------------------------------------------------ */

typedef enum {
    VSH_TK_ERROR,      /* bad quoting */
    VSH_TK_ARG,        /* one word (may be empty) */
    VSH_TK_SUBCMD_END, /* ';', newline or comment: next command */
    VSH_TK_END,        /* nothing left */
} vshToken;

typedef struct vshParser vshParser;
struct vshParser {
    vshToken (*next)(vshControl *ctl, vshParser *p, char **word, bool report);
    /* string input */
    const char *line;
    const char *pos;
    size_t point;      /* cursor offset for completion, counted from 1 */
    /* argv input */
    char **argv;
    char **argv_end;
};

static vshToken
vshArgvNext(vshControl *ctl G_GNUC_UNUSED, vshParser *p, char **word,
            bool report G_GNUC_UNUSED)
{
    if (p->argv == p->argv_end) {
        *word = NULL;
        return VSH_TK_END;
    }
    *word = g_strdup(*p->argv++);
    return VSH_TK_ARG;
}

/*
 * One word of a command string, unquoted: blanks, ';' and newlines end
 * words outside quotes; '...' is literal; "..." and bare text honour
 * backslash escapes; backslash-newline vanishes; '#' starting a word
 * comments out the rest of the line.
 */
static vshToken
vshStringNext(vshControl *ctl, vshParser *p, char **word, bool report)
{
    const char *s = p->pos;
    GString *out;
    bool squote = false;
    bool dquote = false;

    *word = NULL;
    while (*s == ' ' || *s == '\t' || (*s == '\\' && s[1] == '\n'))
        s += *s == '\\' ? 2 : 1;

    if (!*s)
        return VSH_TK_END;
    if (*s == ';' || *s == '\n') {
        p->pos = s + 1;
        return VSH_TK_SUBCMD_END;
    }
    if (*s == '#') {
        while (*s && *s != '\n')
            s++;
        p->pos = *s ? s + 1 : s;
        return VSH_TK_SUBCMD_END;
    }

    out = g_string_new(NULL);
    for (; *s; s++) {
        if (!squote && !dquote &&
            (*s == ' ' || *s == '\t' || *s == ';' || *s == '\n'))
            break;
        if (*s == '\'' && !dquote) {
            squote = !squote;
            continue;
        }
        if (*s == '"' && !squote) {
            dquote = !dquote;
            continue;
        }
        if (*s == '\\' && !squote) {
            s++;
            if (!*s) {
                if (report)
                    vshError(ctl, "%s", "dangling \\");
                g_string_free(out, TRUE);
                return VSH_TK_ERROR;
            }
            if (*s == '\n')
                continue;
        }
        g_string_append_c(out, *s);
    }

    if (dquote && report) {
        vshError(ctl, "%s", "missing \"");
        g_string_free(out, TRUE);
        return VSH_TK_ERROR;
    }

    p->pos = s;
    *word = g_string_free(out, FALSE);
    return VSH_TK_ARG;
}

/* ------------------------------------------------------------------ */
/* parser                                                              */
/* ------------------------------------------------------------------ */

static const vshCmdOptDef vshHelpOpt = {
    .name = "help",
    .type = VSH_OT_BOOL,
    .help = "print help for this function",
};

/* Per-command state while its words are read. */
typedef struct {
    const vshCmdDef *def;
    uint64_t needArg;   /* options that may still take positional data */
    uint64_t required;
    uint64_t seen;
    vshCmdOpt *first;
    vshCmdOpt *last;
} vshParseState;

static void
vshParseStart(vshParseState *st, const vshCmdDef *def)
{
    size_t i;

    memset(st, 0, sizeof(*st));
    st->def = def;
    for (i = 0; def->opts && def->opts[i].name; i++) {
        const vshCmdOptDef *opt = &def->opts[i];

        if (opt->type == VSH_OT_BOOL || opt->type == VSH_OT_ALIAS)
            continue;
        if (!(opt->flags & VSH_OFLAG_REQ_OPT))
            st->needArg |= 1ULL << i;
        if (opt->flags & VSH_OFLAG_REQ)
            st->required |= 1ULL << i;
    }
}

static vshCmdOpt *
vshParseAppend(vshParseState *st, const vshCmdOptDef *def, char *data)
{
    vshCmdOpt *arg = g_new0(vshCmdOpt, 1);

    arg->def = def;
    arg->data = data;
    if (st->last)
        st->last->next = arg;
    else
        st->first = arg;
    st->last = arg;
    return arg;
}

/*
 * Find option @name of the command.  An alias renames it; an alias with
 * "=value" also supplies the value, which must not be given again.
 */
static const vshCmdOptDef *
vshParseFindOpt(vshControl *ctl, vshParseState *st, const char *name,
                char **value, size_t *index, bool report)
{
    const vshCmdDef *def = st->def;
    g_autofree char *renamed = NULL;
    size_t i;

    if (strcmp(name, vshHelpOpt.name) == 0)
        return &vshHelpOpt;

    for (i = 0; def->opts && def->opts[i].name; i++) {
        const vshCmdOptDef *opt = &def->opts[i];
        char *eq;

        if (strcmp(opt->name, name) != 0)
            continue;
        if (opt->type == VSH_OT_ALIAS) {
            g_free(renamed);
            renamed = g_strdup(opt->help);
            if ((eq = strchr(renamed, '='))) {
                *eq = '\0';
                if (*value) {
                    if (report)
                        vshError(ctl, "invalid '=' after option --%s",
                                 opt->name);
                    return NULL;
                }
                *value = g_strdup(eq + 1);
            }
            name = renamed;
            continue;
        }
        if ((st->seen & (1ULL << i)) && opt->type != VSH_OT_ARGV) {
            if (report)
                vshError(ctl, "option --%s already seen", name);
            return NULL;
        }
        st->seen |= 1ULL << i;
        *index = i;
        return opt;
    }

    if (report && strcmp(def->name, "help") != 0)
        vshError(ctl, "command '%s' doesn't support option --%s",
                 def->name, name);
    return NULL;
}

/* The option that takes the next positional word, if any. */
static const vshCmdOptDef *
vshParseNextData(vshParseState *st)
{
    size_t i;

    if (!st->needArg)
        return NULL;
    i = __builtin_ctzll(st->needArg);
    if (st->def->opts[i].type != VSH_OT_ARGV)
        st->needArg &= ~(1ULL << i);
    st->seen |= 1ULL << i;
    return &st->def->opts[i];
}

static int
vshParseCheckRequired(vshControl *ctl, const vshParseState *st)
{
    uint64_t missing = st->required & ~st->seen;
    size_t i;

    if (!missing)
        return 0;
    for (i = 0; st->def->opts[i].name; i++) {
        const vshCmdOptDef *opt = &st->def->opts[i];

        if (!(missing & (1ULL << i)))
            continue;
        if (opt->type == VSH_OT_DATA || opt->type == VSH_OT_ARGV)
            vshError(ctl, "command '%s' requires <%s> option",
                     st->def->name, opt->name);
        else
            vshError(ctl, "command '%s' requires --%s option",
                     st->def->name, opt->name);
    }
    return -1;
}

/* Turn "CMD ... --help ..." into "help CMD". */
static void
vshParseHelpRewrite(vshParseState *st)
{
    const vshCmdDef *help;
    vshCmdOpt *o;

    for (o = st->first; o; o = o->next) {
        if (strcmp(o->def->name, vshHelpOpt.name) == 0)
            break;
    }
    if (!o || !(help = vshCmddefSearch("help")))
        return;

    vshCommandOptFree(st->first);
    st->first = st->last = NULL;
    vshParseAppend(st, &help->opts[0], g_strdup(st->def->name));
    st->def = help;
    st->required = 0;
    st->seen = 0;
}

static bool
vshParseAtCursor(const vshParser *p, size_t back)
{
    return p->line && p->point &&
           (size_t)(p->pos - p->line) == p->point - back;
}

/*
 * "--name" or "--name=value" in *word.  On success *opt is the option
 * (NULL: ignored, for 'help') and *word its value (NULL for a bool).
 */
static vshToken
vshParseOption(vshControl *ctl, vshParser *p, vshParseState *st,
               char **word, const vshCmdOptDef **opt, bool partial)
{
    bool report = !partial;
    char *value = strchr(*word + 2, '=');
    size_t index = 0;
    vshToken tk;

    *opt = NULL;
    if (value) {
        *value = '\0';
        value = g_strdup(value + 1);
    }
    *opt = vshParseFindOpt(ctl, st, *word + 2, &value, &index, report);
    g_clear_pointer(word, g_free);
    if (!*opt) {
        g_free(value);
        return strcmp(st->def->name, "help") == 0 ? VSH_TK_ARG : VSH_TK_ERROR;
    }

    if ((*opt)->type == VSH_OT_BOOL) {
        if (!value)
            return VSH_TK_ARG;
        if (report)
            vshError(ctl, "invalid '=' after option --%s", (*opt)->name);
        g_free(value);
        return VSH_TK_ERROR;
    }

    if (value) {
        *word = value;
    } else {
        tk = p->next(ctl, p, word, report);
        if (tk == VSH_TK_ERROR)
            return tk;
        if (tk != VSH_TK_ARG) {
            if (partial) {
                vshCmdOpt *arg = vshParseAppend(st, *opt, g_steal_pointer(word));

                arg->completeThis = vshParseAtCursor(p, 1);
            } else {
                vshError(ctl, "expected syntax: --%s <%s>", (*opt)->name,
                         (*opt)->type == VSH_OT_INT ? "number" : "string");
            }
            return VSH_TK_ERROR;
        }
    }
    if ((*opt)->type != VSH_OT_ARGV)
        st->needArg &= ~(1ULL << index);
    return VSH_TK_ARG;
}

/*
 * Read one command's words into @st.  Returns the token that ended it,
 * or VSH_TK_ERROR after a syntax error (reported unless @partial).
 */
static vshToken
vshParseOneCommand(vshControl *ctl, vshParser *p, vshParseState *st,
                   bool partial)
{
    bool report = !partial;
    bool dataOnly = false;
    vshToken tk;

    while (true) {
        g_autofree char *word = NULL;
        const vshCmdOptDef *opt = NULL;
        vshCmdOpt *arg;

        if ((tk = p->next(ctl, p, &word, true)) != VSH_TK_ARG)
            return tk;

        if (!st->def) {
            const vshCmdDef *def;

            if (word[0] == '#') {
                /* a quoted or argv '#' also comments out the command */
                do {
                    g_clear_pointer(&word, g_free);
                    tk = p->next(ctl, p, &word, false);
                } while (tk == VSH_TK_ARG);
                return tk;
            }
            if (!(def = vshCmddefSearch(word))) {
                if (report)
                    vshError(ctl, "unknown command: '%s'", word);
                return VSH_TK_ERROR;
            }
            if (def->flags & VSH_CMD_FLAG_ALIAS)
                def = vshCmddefSearch(def->alias);
            vshParseStart(st, def);
            continue;
        }

        if (!dataOnly && word[0] == '-' && word[1] == '-' &&
            g_ascii_isalnum(word[2])) {
            tk = vshParseOption(ctl, p, st, &word, &opt, partial);
            if (tk == VSH_TK_ERROR)
                return tk;
            if (!opt)
                continue;
        } else if (!dataOnly && strcmp(word, "--") == 0) {
            dataOnly = true;
            continue;
        } else {
            opt = vshParseNextData(st);
            if (!opt) {
                if (strcmp(st->def->name, "help") == 0)
                    continue;
                if (report)
                    vshError(ctl, "unexpected data '%s'", word);
                return VSH_TK_ERROR;
            }
        }

        arg = vshParseAppend(st, opt, g_steal_pointer(&word));
        arg->completeThis = vshParseAtCursor(p, 0);
        if (report)
            vshDebug(ctl, VSH_ERR_INFO, "%s: %s(%s): %s\n", st->def->name,
                     opt->name,
                     opt->type != VSH_OT_BOOL ? "optdata" : "bool",
                     opt->type != VSH_OT_BOOL ? arg->data : "(none)");
    }
}

static vshCmd *
vshParseFinish(vshParseState *st)
{
    vshCmd *c = g_new0(vshCmd, 1);

    c->def = st->def;
    c->opts = g_steal_pointer(&st->first);
    st->last = NULL;
    return c;
}

/*
 * Parse every command of the input.  Without @partial the commands go to
 * ctl->cmd, and any error drops them all.  With @partial (completion),
 * nothing is reported and the last, possibly unfinished, command is
 * stored there.
 */
static bool
vshCommandParse(vshControl *ctl, vshParser *p, vshCmd **partial)
{
    vshCmd *tail = NULL;
    vshToken tk;

    if (!partial)
        g_clear_pointer(&ctl->cmd, vshCommandFree);

    do {
        vshParseState st = { 0 };

        if (partial)
            g_clear_pointer(partial, vshCommandFree);

        tk = vshParseOneCommand(ctl, p, &st, partial != NULL);
        if (tk == VSH_TK_ERROR) {
            if (partial)
                *partial = vshParseFinish(&st);
            else
                g_clear_pointer(&ctl->cmd, vshCommandFree);
            vshCommandOptFree(st.first);
            return false;
        }
        if (!st.def)
            continue;

        vshParseHelpRewrite(&st);
        if (!partial && vshParseCheckRequired(ctl, &st) < 0) {
            vshCommandOptFree(st.first);
            g_clear_pointer(&ctl->cmd, vshCommandFree);
            return false;
        }
        if (partial) {
            *partial = vshParseFinish(&st);
        } else {
            vshCmd *c = vshParseFinish(&st);

            if (tail)
                tail->next = c;
            else
                ctl->cmd = c;
            tail = c;
        }
    } while (tk != VSH_TK_END);

    return true;
}

bool
vshCommandArgvParse(vshControl *ctl, int nargs, char **argv)
{
    vshParser p = { .next = vshArgvNext };

    if (nargs <= 0)
        return false;
    p.argv = argv;
    p.argv_end = argv + nargs;
    return vshCommandParse(ctl, &p, NULL);
}

/* @point: cursor position counted from 1, for completion; 0 otherwise. */
bool
vshCommandStringParse(vshControl *ctl, char *cmdstr, vshCmd **partial,
                      size_t point)
{
    vshParser p = { .next = vshStringNext };

    if (!cmdstr || !*cmdstr)
        return false;
    p.line = cmdstr;
    p.pos = cmdstr;
    p.point = point;
    return vshCommandParse(ctl, &p, partial);
}

/* ------------------------------------------------------------------ */
/* running                                                             */
/* ------------------------------------------------------------------ */

/* Run the commands in order; the result is that of the last one run. */
bool
vshCommandRun(vshControl *ctl, const vshCmd *cmd)
{
    bool ret = true;

    for (; cmd; cmd = cmd->next) {
        const vshClientHooks *hooks = ctl->hooks;
        bool timing = ctl->timing;
        gint64 before = g_get_real_time();
        gint64 after;

        if ((cmd->def->flags & VSH_CMD_FLAG_NOCONNECT) ||
            (hooks && hooks->connHandler && hooks->connHandler(ctl)))
            ret = cmd->def->handler(ctl, cmd);
        else
            ret = false;
        after = g_get_real_time();

        if (!ret)
            vshReportError(ctl);

        if (strcmp(cmd->def->name, "quit") == 0 ||
            strcmp(cmd->def->name, "exit") == 0)
            return ret;

        if (timing)
            vshPrint(ctl, "\n(Time: %.3f ms)\n\n", (after - before) / 1000.0);
        else
            vshPrintExtra(ctl, "\n");
    }
    return ret;
}

/* ------------------------------------------------------------------ */
/* setup                                                               */
/* ------------------------------------------------------------------ */

static void
vshInitDebug(vshControl *ctl)
{
    const char *val;

    if (ctl->debug == VSH_DEBUG_DEFAULT) {
        g_autofree char *env = g_strdup_printf("%s_DEBUG", ctl->env_prefix);

        if ((val = getenv(env))) {
            int level;

            if (vshStrToInt(val, 10, &level) < 0 ||
                level < VSH_ERR_DEBUG || level > VSH_ERR_ERROR)
                vshError(ctl, "%s_DEBUG not set with a valid numeric value",
                         ctl->env_prefix);
            else
                ctl->debug = level;
        }
    }

    if (!ctl->logfile) {
        g_autofree char *env = g_strdup_printf("%s_LOG_FILE", ctl->env_prefix);

        if ((val = getenv(env)) && *val) {
            ctl->logfile = g_strdup(val);
            vshOpenLogFile(ctl);
        }
    }
}

bool
vshInit(vshControl *ctl, const vshCmdGrp *groups)
{
    if (!ctl->hooks) {
        vshError(ctl, "%s", "client hooks cannot be NULL");
        return false;
    }
    if (!groups) {
        vshError(ctl, "%s", "command groups and command set cannot both be NULL");
        return false;
    }
    cmdGroups = groups;
    vshInitDebug(ctl);
    return !ctl->imode || vshReadlineInit(ctl) == 0;
}

/* Again after the command line is read: -d, -l and interactive mode. */
bool
vshInitReload(vshControl *ctl)
{
    if (!cmdGroups) {
        vshError(ctl, "%s", "command groups and command are both NULL run vshInit before reloading");
        return false;
    }
    vshInitDebug(ctl);
    if (ctl->imode) {
        vshReadlineDeinit(ctl);
        if (vshReadlineInit(ctl) < 0)
            return false;
    }
    return true;
}

void
vshDeinit(vshControl *ctl)
{
    vshReadlineDeinit(ctl);
    vshCloseLogFile(ctl);
    vshCommandFree(ctl->cmd);
    ctl->cmd = NULL;
}

int
vshLastErrorCode(void)
{
    return last_error ? last_error->code : VIR_ERR_OK;
}
