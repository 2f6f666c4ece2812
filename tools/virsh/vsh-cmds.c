/*
 * vsh-cmds.c: the commands every shell has: help, cd, pwd, echo,
 * quit/exit and the hidden self-test and complete.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vsh.h"

/* ---- help ---- */

static char **
vshCompleteHelpCommand(vshControl *ctl G_GNUC_UNUSED,
                       const vshCmd *cmd G_GNUC_UNUSED,
                       unsigned int flags G_GNUC_UNUSED)
{
    return vshReadlineCommandGenerator();
}

const vshCmdOptDef opts_help[] = {
    { .name = "command",
      .type = VSH_OT_STRING,
      .completer = vshCompleteHelpCommand,
      .help = "Prints global help, command specific help, or help for a group of related commands" },
    { .name = NULL }
};

const vshCmdInfo info_help = {
    .help = "print help",
    .desc = "Prints global help, command specific help, or help for a\n"
            "    group of related commands",
};

bool
cmdHelp(vshControl *ctl, const vshCmd *cmd)
{
    const vshCmdGrp *grp;
    const vshCmdDef *def;
    const char *name = NULL;

    if (vshCommandOptStringQuiet(ctl, cmd, "command", &name) <= 0) {
        vshPrint(ctl, "%s", "Grouped commands:\n\n");
        for (grp = vshCmdGroups(); grp->name; grp++) {
            vshCmdGrpHelp(ctl, grp);
            vshPrint(ctl, "\n");
        }
        return true;
    }

    if ((def = vshCmddefSearch(name))) {
        if (def->flags & VSH_CMD_FLAG_ALIAS)
            def = vshCmddefSearch(def->alias);
        return vshCmddefHelp(ctl, def);
    }
    if ((grp = vshCmdGrpSearch(name)))
        return vshCmdGrpHelp(ctl, grp);

    vshError(ctl, "command or command group '%s' doesn't exist", name);
    return false;
}

/* ---- cd, pwd ---- */

const vshCmdOptDef opts_cd[] = {
    { .name = "dir",
      .type = VSH_OT_STRING,
      .help = "directory to switch to (default: home or else root)" },
    { .name = NULL }
};

const vshCmdInfo info_cd = {
    .help = "change the current directory",
    .desc = "Change the current directory.",
};

bool
cmdCd(vshControl *ctl, const vshCmd *cmd)
{
    const char *dir = NULL;

    if (!ctl->imode) {
        vshError(ctl, "%s", "cd: command valid only in interactive mode");
        return false;
    }
    if (vshCommandOptStringQuiet(ctl, cmd, "dir", &dir) <= 0)
        dir = g_get_home_dir();
    if (!dir)
        dir = "/";
    if (chdir(dir) < 0) {
        vshError(ctl, "cd: %s: %s", g_strerror(errno), dir);
        return false;
    }
    return true;
}

const vshCmdInfo info_pwd = {
    .help = "print the current directory",
    .desc = "Print the current directory.",
};

bool
cmdPwd(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autofree char *cwd = g_get_current_dir();

    vshPrint(ctl, "%s\n", cwd);
    return true;
}

/* ---- echo ---- */

const vshCmdOptDef opts_echo[] = {
    { .name = "shell", .type = VSH_OT_BOOL, .help = "escape for shell use" },
    { .name = "xml", .type = VSH_OT_BOOL, .help = "escape for XML use" },
    { .name = "split", .type = VSH_OT_BOOL,
      .help = "split each argument on ','; ',,' is an escape sequence" },
    { .name = "err", .type = VSH_OT_BOOL, .help = "output to stderr" },
    { .name = "str", .type = VSH_OT_ALIAS, .help = "string" },
    { .name = "hi", .type = VSH_OT_ALIAS, .help = "string=hello" },
    { .name = "string", .type = VSH_OT_ARGV, .help = "arguments to echo" },
    { .name = NULL }
};

const vshCmdInfo info_echo = {
    .help = "echo arguments. Used for internal testing.",
    .desc = "Echo back arguments, possibly with quoting. Used for internal testing.",
};

/* Quote @str for /bin/sh, only when it holds a special character. */
void
vshAppendShellQuoted(GString *out, const char *str)
{
    const char *s;

    if (!*str) {
        g_string_append(out, "''");
        return;
    }
    if (!strpbrk(str, "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~")) {
        g_string_append(out, str);
        return;
    }
    g_string_append_c(out, '\'');
    for (s = str; *s; s++) {
        if (*s == '\'')
            g_string_append(out, "'\\'");
        g_string_append_c(out, *s);
    }
    g_string_append_c(out, '\'');
}

/* Escape @str for XML text or attributes; other control characters
 * than tab, newline and return are dropped. */
static void
vshAppendXMLEscaped(GString *out, const char *str)
{
    const unsigned char *s;

    for (s = (const unsigned char *)str; *s; s++) {
        switch (*s) {
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, "&gt;"); break;
        case '&': g_string_append(out, "&amp;"); break;
        case '"': g_string_append(out, "&quot;"); break;
        case '\'': g_string_append(out, "&apos;"); break;
        default:
            if (*s >= 0x20 || *s == '\t' || *s == '\n' || *s == '\r')
                g_string_append_c(out, *s);
        }
    }
}

bool
cmdEcho(vshControl *ctl, const vshCmd *cmd)
{
    bool shell = vshCommandOptBool(cmd, "shell");
    bool xml = vshCommandOptBool(cmd, "xml");
    bool err = vshCommandOptBool(cmd, "err");
    bool split = vshCommandOptBool(cmd, "split");
    g_autoptr(GString) out = NULL;
    const vshCmdOpt *opt = NULL;

    VSH_EXCLUSIVE_OPTIONS_VAR(shell, xml);
    VSH_EXCLUSIVE_OPTIONS_VAR(shell, split);
    VSH_EXCLUSIVE_OPTIONS_VAR(xml, split);

    while ((opt = vshCommandOptArgv(ctl, cmd, opt))) {
        if (!out)
            out = g_string_new(NULL);
        if (xml) {
            vshAppendXMLEscaped(out, opt->data);
        } else if (shell) {
            vshAppendShellQuoted(out, opt->data);
        } else if (split) {
            g_auto(GStrv) items = NULL;
            char **item;

            vshStringToArray(opt->data, &items);
            for (item = items; *item; item++)
                g_string_append_printf(out, "%s\n", *item);
        } else {
            g_string_append(out, opt->data);
        }
        g_string_append_c(out, ' ');
    }
    if (!out)
        return true;

    g_string_truncate(out, out->len - 1);
    if (err)
        vshError(ctl, "%s", out->str);
    else
        vshPrint(ctl, "%s", out->str);
    return true;
}

/* ---- quit, exit ---- */

const vshCmdInfo info_quit = {
    .help = "quit this interactive terminal",
    .desc = "",
};

bool
cmdQuit(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    ctl->imode = false;
    return true;
}

/* ---- self-test ---- */

const vshCmdOptDef opts_selftest[] = {
    { .name = "completers-missing",
      .type = VSH_OT_BOOL,
      .help = "output the list of options which are missing completers" },
    { .name = NULL }
};

const vshCmdInfo info_selftest = {
    .help = "internal command for testing virt shells",
    .desc = "internal use only",
};

bool
cmdSelfTest(vshControl *ctl, const vshCmd *cmd)
{
    bool completers = vshCommandOptBool(cmd, "completers-missing");
    const vshCmdGrp *grp;
    const vshCmdDef *def;

    for (grp = vshCmdGroups(); grp->name; grp++) {
        for (def = grp->commands; def->name; def++) {
            if (vshCmddefCheckInternals(ctl, def, completers) < 0)
                return false;
        }
    }
    return true;
}

/* ---- complete: what TAB would offer, for bash completion ---- */

const vshCmdOptDef opts_complete[] = {
    { .name = "string",
      .type = VSH_OT_ARGV,
      .flags = VSH_OFLAG_EMPTY_OK,
      .help = "partial string to autocomplete" },
    { .name = NULL }
};

const vshCmdInfo info_complete = {
    .help = "internal command for autocompletion",
    .desc = "internal use only",
};

bool
cmdComplete(vshControl *ctl, const vshCmd *cmd)
{
    const vshClientHooks *hooks = ctl->hooks;
    g_autoptr(GString) line = g_string_new(NULL);
    g_auto(GStrv) matches = NULL;
    const vshCmdOpt *opt = NULL;
    const char *text = "";
    size_t i;

    if (vshCommandOptStringQuiet(ctl, cmd, "string", &text) <= 0)
        return false;

    /* no authentication prompt may read the terminal */
    close(STDIN_FILENO);
    if (!(hooks && hooks->connHandler && hooks->connHandler(ctl)))
        return false;

    while ((opt = vshCommandOptArgv(ctl, cmd, opt))) {
        if (line->len)
            g_string_append_c(line, ' ');
        g_string_append(line, opt->data);
        text = opt->data;
    }

    vshReadlineInit(ctl);
    if (!(matches = vshReadlineComplete(ctl, line->str, text)))
        return false;

    /* with several matches the first is their common prefix */
    for (i = matches[0] && matches[1] ? 1 : 0; matches[i]; i++)
        printf("%s\n", matches[i]);
    return true;
}
