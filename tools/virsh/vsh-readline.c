/*
 * vsh-readline.c: line editing, history and TAB completion.
 *
 * History lives in $XDG_CACHE_HOME/libvirt/<shell>/history (at most
 * $<PREFIX>_HISTSIZE lines, 500 by default).  Completion offers command
 * names, then the options a command has not been given yet, then what
 * an option's completer returns.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

#include "vsh.h"

#define VSH_HISTSIZE_MAX 500000

static vshControl *completeCtl;

/* The line being completed and the cursor in it. */
static const char *completeLine;
static size_t completePoint;

/* Names of every listed command. */
char **
vshReadlineCommandGenerator(void)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    const vshCmdGrp *grp;
    const vshCmdDef *def;

    for (grp = vshCmdGroups(); grp && grp->name; grp++) {
        for (def = grp->commands; def->name; def++) {
            if (def->flags & (VSH_CMD_FLAG_ALIAS | VSH_CMD_FLAG_HIDDEN))
                continue;
            g_ptr_array_add(names, g_strdup(def->name));
        }
    }
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(g_steal_pointer(&names), FALSE);
}

/* "--name" for each option of @def that @partial does not have yet
 * (argv options may repeat; aliases are not offered). */
static char **
vshReadlineOptionsGenerator(const vshCmdDef *def, const vshCmd *partial)
{
    g_autoptr(GPtrArray) names = NULL;
    const vshCmdOptDef *opt;

    if (!def->opts)
        return NULL;
    names = g_ptr_array_new();
    for (opt = def->opts; opt->name; opt++) {
        const vshCmdOpt *given;
        bool exists = false;

        if (opt->type == VSH_OT_ALIAS)
            continue;
        for (given = partial->opts; given; given = given->next) {
            if (strcmp(given->def->name, opt->name) == 0 &&
                given->def->type != VSH_OT_ARGV) {
                exists = true;
                break;
            }
        }
        if (!exists)
            g_ptr_array_add(names, g_strdup_printf("--%s", opt->name));
    }
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(g_steal_pointer(&names), FALSE);
}

static const vshCmdOptDef *
vshReadlineOptUnderCursor(const vshCmd *partial)
{
    const vshCmdOpt *opt;

    for (; partial; partial = partial->next) {
        for (opt = partial->opts; opt; opt = opt->next) {
            if (opt->completeThis)
                return opt->def;
        }
    }
    return NULL;
}

/* All candidates for @text, escaped and filtered by prefix. */
static char **
vshReadlineCandidates(const char *text)
{
    g_autoptr(vshCmd) partial = NULL;
    g_autofree char *line = g_strndup(completeLine, completePoint);
    const vshCmdDef *def = NULL;
    const vshCmdOptDef *opt;
    g_auto(GStrv) list = NULL;
    g_autoptr(GPtrArray) kept = NULL;
    size_t i;

    vshCommandStringParse(NULL, line, &partial, completePoint);
    if (partial) {
        def = partial->def;
        partial->skipChecks = true;
    }
    /* "dump<TAB>" completes the command name, "dump <TAB>" its options */
    if (def && strcmp(def->name, text) == 0)
        def = NULL;

    opt = vshReadlineOptUnderCursor(partial);
    if (!def)
        list = vshReadlineCommandGenerator();
    else if (!opt || opt->type == VSH_OT_BOOL)
        list = vshReadlineOptionsGenerator(def, partial);
    else if (opt->completer)
        list = opt->completer(completeCtl, partial, opt->completer_flags);
    if (!list)
        return NULL;

    kept = g_ptr_array_new();
    for (i = 0; list[i]; i++) {
        char *item = list[i];

        if (!rl_completion_quote_character && strchr(item, ' ')) {
            g_auto(GStrv) parts = g_strsplit(item, " ", -1);

            item = g_strjoinv("\\ ", parts);
        } else {
            item = g_strdup(item);
        }
        if (g_str_has_prefix(item, text))
            g_ptr_array_add(kept, item);
        else
            g_free(item);
    }
    g_ptr_array_add(kept, NULL);
    return (char **)g_ptr_array_free(g_steal_pointer(&kept), FALSE);
}

/* readline's generator protocol: state 0 starts a new list. */
static char *
vshReadlineGenerator(const char *text, int state)
{
    static char **list;
    static size_t next;
    char *ret = NULL;

    if (!state) {
        g_clear_pointer(&list, g_strfreev);
        next = 0;
        list = vshReadlineCandidates(text);
    }
    if (list && list[next])
        ret = g_strdup(list[next++]);
    if (!ret) {
        g_clear_pointer(&list, g_strfreev);
        next = 0;
    }
    return ret;
}

static char **
vshReadlineAttempt(const char *text, int start G_GNUC_UNUSED,
                   int end G_GNUC_UNUSED)
{
    completeLine = rl_line_buffer;
    completePoint = rl_point;
    return rl_completion_matches(text, vshReadlineGenerator);
}

/* Matches for @text at the end of @line, as TAB would produce them. */
char **
vshReadlineComplete(vshControl *ctl, const char *line, const char *text)
{
    char **matches;
    g_autoptr(GPtrArray) out = NULL;
    size_t i;

    completeCtl = ctl;
    completeLine = line;
    completePoint = strlen(line);
    if (!(matches = rl_completion_matches(text, vshReadlineGenerator)))
        return NULL;

    /* readline allocates with malloc: copy into glib memory */
    out = g_ptr_array_new();
    for (i = 0; matches[i]; i++) {
        g_ptr_array_add(out, g_strdup(matches[i]));
        free(matches[i]);
    }
    free(matches);
    g_ptr_array_add(out, NULL);
    return (char **)g_ptr_array_free(g_steal_pointer(&out), FALSE);
}

static int
vshReadlineCharIsQuoted(char *line, int index)
{
    return index > 0 && line[index - 1] == '\\' &&
           !vshReadlineCharIsQuoted(line, index - 1);
}

int
vshReadlineInit(vshControl *ctl)
{
    g_autofree char *env = g_strdup_printf("%s_HISTSIZE", ctl->env_prefix);
    const char *val;
    int histsize = 500;

    completeCtl = ctl;
    rl_readline_name = ctl->name;
    rl_attempted_completion_function = vshReadlineAttempt;
    rl_basic_word_break_characters = " \t\n`@$><=;|&{(";
    rl_completer_quote_characters = "\"'";
    rl_char_is_quoted_p = vshReadlineCharIsQuoted;

    if ((val = getenv(env))) {
        if (vshStrToInt(val, 10, &histsize) < 0) {
            vshError(ctl, "Bad $%s value.", env);
            return -1;
        }
        if (histsize > VSH_HISTSIZE_MAX || histsize < 0) {
            vshError(ctl, "$%s value should be between 0 and %d",
                     env, VSH_HISTSIZE_MAX);
            return -1;
        }
    }
    stifle_history(histsize);

    g_free(ctl->historydir);
    g_free(ctl->historyfile);
    ctl->historydir = g_build_filename(g_get_user_cache_dir(), "libvirt",
                                       ctl->name, NULL);
    ctl->historyfile = g_build_filename(ctl->historydir, "history", NULL);
    read_history(ctl->historyfile);
    return 0;
}

void
vshReadlineDeinit(vshControl *ctl)
{
    if (ctl->historyfile) {
        if (g_mkdir_with_parents(ctl->historydir, 0755) < 0 && errno != EEXIST)
            vshError(ctl, "Failed to create '%s': %s", ctl->historydir,
                     g_strerror(errno));
        else
            write_history(ctl->historyfile);
    }
    g_clear_pointer(&ctl->historydir, g_free);
    g_clear_pointer(&ctl->historyfile, g_free);
}

char *
vshReadline(vshControl *ctl G_GNUC_UNUSED, const char *prompt)
{
    return readline(prompt);
}

void
vshReadlineHistoryAdd(const char *line)
{
    add_history(line);
}
