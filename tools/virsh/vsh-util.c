/*
 * vsh-util.c: helpers the command families share: sizes for people,
 * typed parameter values, the terminal's modes, tree listings and the
 * edit-in-$EDITOR round trip.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vsh.h"

/* ---- sizes ---- */

double
vshPrettyCapacity(unsigned long long val, const char **unit)
{
    static const char *const units[] = {
        "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB",
    };
    double limit = 1024;
    size_t i;

    for (i = 0; i + 1 < G_N_ELEMENTS(units); i++) {
        if (val < limit) {
            *unit = units[i];
            return i ? val / (limit / 1024) : val;
        }
        limit *= 1024;
    }
    *unit = units[i];
    return val / (limit / 1024);
}

int
vshNameSorter(const void *a, const void *b)
{
    const char *const *sa = a;
    const char *const *sb = b;

    return strcasecmp(*sa, *sb);
}

/* ---- typed parameters ---- */

char *
vshGetTypedParamValue(vshControl *ctl, virTypedParameterPtr item)
{
    switch (item->type) {
    case VIR_TYPED_PARAM_INT:
        return g_strdup_printf("%d", item->value.i);
    case VIR_TYPED_PARAM_UINT:
        return g_strdup_printf("%u", item->value.ui);
    case VIR_TYPED_PARAM_LLONG:
        return g_strdup_printf("%lld", item->value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return g_strdup_printf("%llu", item->value.ul);
    case VIR_TYPED_PARAM_DOUBLE:
        return g_strdup_printf("%f", item->value.d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return g_strdup(item->value.b ? "yes" : "no");
    case VIR_TYPED_PARAM_STRING:
        return g_strdup(item->value.s);
    }
    vshError(ctl, "unimplemented parameter type %d", item->type);
    exit(EXIT_FAILURE);
}

/* The raw form libvirt logs use (booleans 0/1, doubles %g). */
char *
vshTypedParamToString(virTypedParameterPtr item)
{
    switch (item->type) {
    case VIR_TYPED_PARAM_DOUBLE:
        return g_strdup_printf("%g", item->value.d);
    case VIR_TYPED_PARAM_BOOLEAN:
        return g_strdup_printf("%d", item->value.b);
    case VIR_TYPED_PARAM_INT:
    case VIR_TYPED_PARAM_UINT:
    case VIR_TYPED_PARAM_LLONG:
    case VIR_TYPED_PARAM_ULLONG:
    case VIR_TYPED_PARAM_STRING:
        return vshGetTypedParamValue(NULL, item);
    }
    return NULL;
}

/* ---- the terminal ---- */

bool
vshTTYIsInterruptCharacter(vshControl *ctl, const char chr)
{
    return ctl->istty && ctl->termattr.c_cc[VINTR] == chr;
}

bool
vshTTYAvailable(vshControl *ctl)
{
    return ctl->istty;
}

int
vshTTYDisableInterrupt(vshControl *ctl)
{
    struct termios termset = ctl->termattr;

    if (!ctl->istty)
        return -1;
    if (termset.c_cc[VINTR] == _POSIX_VDISABLE)
        return 0;
    termset.c_cc[VINTR] = _POSIX_VDISABLE;
    termset.c_lflag &= ~ICANON;
    return tcsetattr(STDIN_FILENO, TCSANOW, &termset) < 0 ? -1 : 0;
}

int
vshTTYRestore(vshControl *ctl)
{
    if (!ctl->istty)
        return 0;
    return tcsetattr(STDIN_FILENO, TCSAFLUSH, &ctl->termattr) < 0 ? -1 : 0;
}

int
vshTTYMakeRaw(vshControl *ctl, bool report_errors)
{
    struct termios rawattr = ctl->termattr;

    if (!ctl->istty) {
        if (report_errors)
            vshError(ctl, "%s", "unable to make terminal raw: console isn't a tty");
        return -1;
    }
    cfmakeraw(&rawattr);
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &rawattr) < 0) {
        if (report_errors)
            vshError(ctl, "unable to set tty attributes: %s", g_strerror(errno));
        return -1;
    }
    return 0;
}

/* ---- tree listings (nodedev-list --tree) ---- */

static void
vshTreePrintNode(vshControl *ctl, vshTreeLookup lookup, void *opaque,
                 int count, int id, int lastSibling, bool root,
                 GString *indent)
{
    const char *name = lookup(id, false, opaque);
    int lastChild = -1;
    int i;

    vshPrint(ctl, "%s%s%s\n", indent->str, root ? "" : "+- ", name);
    if (!root) {
        g_string_append_c(indent, id == lastSibling ? ' ' : '|');
        g_string_append_c(indent, ' ');
    }

    for (i = 0; i < count; i++) {
        const char *parent = lookup(i, true, opaque);

        if (parent && strcmp(parent, name) == 0)
            lastChild = i;
    }
    if (lastChild != -1)
        vshPrint(ctl, "%s  |\n", indent->str);

    g_string_append(indent, "  ");
    for (i = 0; i < count; i++) {
        const char *parent = lookup(i, true, opaque);

        if (parent && strcmp(parent, name) == 0)
            vshTreePrintNode(ctl, lookup, opaque, count, i, lastChild,
                             false, indent);
    }
    g_string_truncate(indent, indent->len - 2);

    if (lastChild == -1 && id == lastSibling)
        vshPrint(ctl, "%s\n", indent->str);
    if (!root)
        g_string_truncate(indent, indent->len - 2);
}

int
vshTreePrint(vshControl *ctl, vshTreeLookup lookup, void *opaque,
             int count, int root)
{
    g_autoptr(GString) indent = g_string_new(NULL);

    vshTreePrintNode(ctl, lookup, opaque, count, root, root, true, indent);
    return 0;
}

/* ---- edit in $VISUAL / $EDITOR ---- */

static void
vshPrintRawLines(vshControl *ctl, const char *const *lines)
{
    for (; *lines; lines++)
        vshPrint(ctl, "%s\r\n", *lines);
}

int
vshAskReedit(vshControl *ctl, const char *msg, bool relax_avail)
{
    static const char *const helpTop[] = {
        "", "y - yes, start editor again",
        "n - no, throw away my changes", NULL,
    };
    static const char *const helpRelax[] = {
        "i - turn off validation and try to redefine again", NULL,
    };
    static const char *const helpEnd[] = {
        "f - force, try to redefine again", "? - print this help", NULL,
    };
    int c = -1;

    if (!isatty(STDIN_FILENO))
        return -1;
    vshReportError(ctl);
    if (vshTTYMakeRaw(ctl, false) < 0)
        return -1;

    while (true) {
        vshPrint(ctl, "\r%s %s %s: ", msg, "Try again?",
                 relax_avail ? "[y,n,i,f,?]" : "[y,n,f,?]");
        c = g_ascii_tolower(getchar());
        if (c == '?') {
            vshPrintRawLines(ctl, helpTop);
            if (relax_avail)
                vshPrintRawLines(ctl, helpRelax);
            vshPrintRawLines(ctl, helpEnd);
            continue;
        }
        if (c == 'y' || c == 'n' || c == 'f' || (relax_avail && c == 'i'))
            break;
    }
    vshTTYRestore(ctl);
    vshPrint(ctl, "\r\n");
    return c;
}

char *
vshEditWriteToTempFile(vshControl *ctl, const char *doc)
{
    const char *tmpdir = getenv("TMPDIR");
    g_autofree char *filename = NULL;
    size_t len = strlen(doc);
    size_t done = 0;
    int fd;

    filename = g_strdup_printf("%s/virshXXXXXX.xml", tmpdir ? tmpdir : "/tmp");
    if ((fd = g_mkstemp_full(filename, O_RDWR | O_CLOEXEC,
                             S_IRUSR | S_IWUSR)) < 0) {
        vshError(ctl, "g_mkstemp_full: failed to create temporary file: %s",
                 g_strerror(errno));
        return NULL;
    }
    while (done < len) {
        ssize_t n = write(fd, doc + done, len - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            vshError(ctl, "write: %s: failed to write to temporary file: %s",
                     filename, g_strerror(errno));
            close(fd);
            unlink(filename);
            return NULL;
        }
        done += n;
    }
    if (close(fd) < 0) {
        vshError(ctl, "close: %s: failed to write or close temporary file: %s",
                 filename, g_strerror(errno));
        unlink(filename);
        return NULL;
    }
    return g_steal_pointer(&filename);
}

/* What $EDITOR and the file name may hold to be run without a shell. */
#define VSH_EDIT_SAFE_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/_.:@"

int
vshEditFile(vshControl *ctl, const char *filename)
{
    const char *editor = getenv("VISUAL");
    g_autofree char *shcmd = NULL;
    const char *argv[4] = { NULL };
    g_autoptr(GError) err = NULL;
    int status = 0;

    if (!editor)
        editor = getenv("EDITOR");
    if (!editor)
        editor = "sensible-editor";

    if (strspn(editor, VSH_EDIT_SAFE_CHARS) != strlen(editor)) {
        if (strspn(filename, VSH_EDIT_SAFE_CHARS) != strlen(filename)) {
            vshError(ctl, "%s: temporary filename contains shell meta or other unacceptable characters (is $TMPDIR wrong?)",
                     filename);
            return -1;
        }
        shcmd = g_strdup_printf("%s %s", editor, filename);
        argv[0] = "sh";
        argv[1] = "-c";
        argv[2] = shcmd;
    } else {
        argv[0] = editor;
        argv[1] = filename;
    }

    if (!g_spawn_sync(NULL, (char **)argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN,
                      NULL, NULL, NULL, NULL, &status, &err)) {
        g_autofree char *line = g_strjoinv(" ", (char **)argv);

        vshError(ctl, "Cannot run '%s': %s", line, err->message);
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        g_autoptr(GString) line = g_string_new(NULL);
        size_t i;

        for (i = 0; argv[i]; i++) {
            if (i)
                g_string_append_c(line, ' ');
            vshAppendShellQuoted(line, argv[i]);
        }

        if (WIFEXITED(status))
            vshError(ctl, "internal error: Child process (%s) unexpected exit status %d",
                     line->str, WEXITSTATUS(status));
        else
            vshError(ctl, "internal error: Child process (%s) unexpected fatal signal %d",
                     line->str, WTERMSIG(status));
        return -1;
    }
    return 0;
}

char *
vshEditReadBackFile(vshControl *ctl, const char *filename)
{
    g_autoptr(GError) err = NULL;
    char *ret = NULL;
    gsize len = 0;

    if (!g_file_get_contents(filename, &ret, &len, &err) ||
        len > VSH_MAX_XML_FILE) {
        vshError(ctl, "%s: failed to read temporary file: %s", filename,
                 err ? err->message : g_strerror(EFBIG));
        g_free(ret);
        return NULL;
    }
    return ret;
}

/*
 * The edit round trip of every *-edit command: write the object's XML
 * to a temporary file, run the editor, and define what comes back,
 * offering (on a terminal) to edit again when that fails.
 *
 * Returns 1 when the document came back unchanged (ops->notChanged has
 * spoken), 0 when the command goes on to report the edit -- also, as
 * in virsh, after a failure that could not be asked about for want of
 * a terminal -- and -1 on failure.
 */
int
vshEditLoop(vshControl *ctl, const vshEditOps *ops, void *opaque)
{
    g_autofree char *doc = NULL;
    g_autofree char *edited = NULL;
    g_autofree char *tmp = NULL;
    bool relax = ops->relax != NULL;
    int ret = -1;

    if (!(doc = ops->getXML(ctl, opaque)))
        return -1;
    if (!(tmp = vshEditWriteToTempFile(ctl, doc)))
        return -1;

    while (true) {
        g_autofree char *reread = NULL;
        const char *msg = NULL;
        int c;

        if (!edited) {
            if (vshEditFile(ctl, tmp) < 0 ||
                !(edited = vshEditReadBackFile(ctl, tmp)))
                break;
            if (strcmp(doc, edited) == 0 &&
                !(ops->keepUnchanged && ops->keepUnchanged(opaque))) {
                ops->notChanged(ctl, opaque);
                ret = 1;
                break;
            }
        }

        /* did someone else change the object while it was edited? */
        if (!(reread = ops->getXML(ctl, opaque)))
            break;
        if (strcmp(doc, reread) != 0) {
            msg = "The XML configuration was changed by another user.";
            g_free(doc);
            doc = g_steal_pointer(&reread);
        }
        if (!msg && !ops->define(ctl, edited, opaque))
            msg = "Failed.";
        if (!msg) {
            ret = 0;
            break;
        }

        c = vshAskReedit(ctl, msg, relax);
        if (c == 'y') {
            g_clear_pointer(&edited, g_free);
            continue;
        }
        if (c == 'f')
            continue;
        if (c == 'n')
            break;
        if (c == 'i' && relax) {
            ops->relax(opaque);
            relax = false;
            continue;
        }
        /* no terminal to ask: report, and the command goes on */
        vshError(ctl, "%s", msg);
        ret = 0;
        break;
    }

    unlink(tmp);
    return ret;
}
