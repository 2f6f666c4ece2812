/*
 * vsh-opt.c: typed access to the options of a parsed command, and the
 * number parsing the shell uses for them.
 */
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "vsh.h"

/* ------------------------------------------------------------------ */
/* numbers                                                             */
/* ------------------------------------------------------------------ */

static bool
vshHasMinus(const char *s, const char *end)
{
    return memchr(s, '-', end - s) != NULL;
}

int
vshStrToInt(const char *s, int base, int *result)
{
    char *end;
    long val;

    errno = 0;
    val = strtol(s, &end, base);
    if (errno || *end || end == s || (int)val != val)
        return -1;
    *result = val;
    return 0;
}

/* @wrap: "-1" means UINT_MAX; otherwise a minus sign is refused. */
int
vshStrToUInt(const char *s, bool wrap, unsigned int *result)
{
    char *end;
    unsigned long val;
    bool err = false;

    errno = 0;
    val = strtoul(s, &end, 10);
    if (!wrap) {
        err = vshHasMinus(s, end);
    } else if (vshHasMinus(s, end)) {
        if (-val > UINT_MAX)
            err = true;
        else
            val &= 0xffffffff;
    }
    if (err || errno || *end || end == s || (unsigned int)val != val)
        return -1;
    *result = val;
    return 0;
}

int
vshStrToULong(const char *s, bool wrap, unsigned long *result)
{
    char *end;
    unsigned long val;

    errno = 0;
    val = strtoul(s, &end, 10);
    if ((!wrap && vshHasMinus(s, end)) || errno || *end || end == s)
        return -1;
    *result = val;
    return 0;
}

/* With @end, trailing text is left to the caller. */
int
vshStrToULongLong(const char *s, char **end, bool wrap,
                  unsigned long long *result)
{
    char *p;
    unsigned long long val;

    errno = 0;
    val = strtoull(s, &p, 10);
    if (end)
        *end = p;
    if ((!wrap && vshHasMinus(s, p)) || errno || (!end && *p) || p == s)
        return -1;
    *result = val;
    return 0;
}

/* Fail as the library's scaling does, leaving its error to report. */
static int
vshScaleError(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static int
vshScaleError(const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    vshSetPendingError(msg);
    return -1;
}

/*
 * Multiply @value by the unit named by @suffix: none means @scale;
 * b/byte/bytes; k, m, g, t, p, e alone or with "iB" are powers of 1024,
 * with "B" powers of 1000.  Fails over @limit.  A failure leaves the
 * library's words as the pending error ("unknown suffix ...").
 */
int
vshScaleInteger(unsigned long long *value, const char *suffix,
                unsigned long long scale, unsigned long long limit)
{
    static const char units[] = "kmgtpe";
    const char *u;

    if (!suffix || !*suffix) {
        if (!scale)
            return vshScaleError("internal error: invalid scale %llu", scale);
        suffix = "";
    } else if (g_ascii_strcasecmp(suffix, "b") == 0 ||
               g_ascii_strcasecmp(suffix, "byte") == 0 ||
               g_ascii_strcasecmp(suffix, "bytes") == 0) {
        scale = 1;
    } else {
        unsigned long long base;

        if (!suffix[1] || g_ascii_strcasecmp(suffix + 1, "iB") == 0)
            base = 1024;
        else if (g_ascii_tolower(suffix[1]) == 'b' && !suffix[2])
            base = 1000;
        else
            return vshScaleError("invalid argument: unknown suffix '%s'",
                                 suffix);
        if (!(u = strchr(units, g_ascii_tolower(suffix[0]))) || !*u)
            return vshScaleError("invalid argument: unknown suffix '%s'",
                                 suffix);
        for (scale = base; u > units; u--)
            scale *= base;
    }

    if (*value && *value > limit / scale)
        return vshScaleError("numerical overflow: value too large: %llu%s",
                             *value, suffix);
    *value *= scale;
    return 0;
}

/*
 * Split @str at ',' into a NULL-terminated list; ",," stands for a
 * literal comma.  Returns the number of items.
 */
int
vshStringToArray(const char *str, char ***array)
{
    g_autoptr(GPtrArray) items = g_ptr_array_new();
    GString *cur = g_string_new(NULL);
    const char *s;

    if (!*str) {
        /* nothing at all, not one empty item */
        g_string_free(cur, TRUE);
        *array = g_new0(char *, 1);
        return 0;
    }
    for (s = str; *s; s++) {
        if (*s != ',') {
            g_string_append_c(cur, *s);
        } else if (s[1] == ',') {
            g_string_append_c(cur, ',');
            s++;
        } else {
            g_ptr_array_add(items, g_string_free(cur, FALSE));
            cur = g_string_new(NULL);
        }
    }
    g_ptr_array_add(items, g_string_free(cur, FALSE));
    g_ptr_array_add(items, NULL);
    *array = (char **)g_ptr_array_free(g_steal_pointer(&items), FALSE);
    return g_strv_length(*array);
}

/* ------------------------------------------------------------------ */
/* option lookup                                                       */
/* ------------------------------------------------------------------ */

/*
 * Find option @name in @cmd: 1 and *opt when given, 0 when absent and
 * optional, -1 when absent and required.  Asking for a name the command
 * does not define is a programming error.
 */
static int
vshCommandOpt(const vshCmd *cmd, const char *name, vshCmdOpt **opt,
              bool needData)
{
    const vshCmdOptDef *def = cmd->def->opts;
    vshCmdOpt *o;
    int ret = 0;

    *opt = NULL;
    while (def && def->name && strcmp(def->name, name) != 0)
        def++;
    if (!cmd->skipChecks) {
        g_assert(def && def->name);
        g_assert(!needData || def->type != VSH_OT_BOOL);
    }
    if (def && def->name && (def->flags & VSH_OFLAG_REQ))
        ret = -1;

    for (o = cmd->opts; o; o = o->next) {
        if (strcmp(o->def->name, name) == 0) {
            *opt = o;
            return 1;
        }
    }
    return ret;
}

static void
vshNumberError(vshControl *ctl, const vshCmdOpt *arg, const char *name)
{
    vshError(ctl, "Numeric value '%s' for <%s> option is malformed or out of range",
             arg->data, name);
}

bool
vshCommandOptBool(const vshCmd *cmd, const char *name)
{
    vshCmdOpt *dummy;

    return vshCommandOpt(cmd, name, &dummy, false) == 1;
}

/* The value, or -1 (nothing printed) when missing or empty and not
 * VSH_OFLAG_EMPTY_OK. */
int
vshCommandOptStringQuiet(vshControl *ctl G_GNUC_UNUSED, const vshCmd *cmd,
                         const char *name, const char **value)
{
    vshCmdOpt *arg;
    int ret;

    if ((ret = vshCommandOpt(cmd, name, &arg, true)) <= 0)
        return ret;
    if (!*arg->data && !(arg->def->flags & VSH_OFLAG_EMPTY_OK))
        return -1;
    *value = arg->data;
    return 1;
}

/* 0 with *value set (NULL when absent), or -1 with an error printed. */
int
vshCommandOptStringReq(vshControl *ctl, const vshCmd *cmd,
                       const char *name, const char **value)
{
    vshCmdOpt *arg;
    const char *error = NULL;
    int ret;

    *value = NULL;
    ret = vshCommandOpt(cmd, name, &arg, true);
    if (ret == 0)
        return 0;
    if (ret < 0)
        error = "Mandatory option not present";
    else if (!*arg->data && !(arg->def->flags & VSH_OFLAG_EMPTY_OK))
        error = "Option argument is empty";
    if (error) {
        if (!cmd->skipChecks)
            vshError(ctl, "Failed to get option '%s': %s", name, error);
        return -1;
    }
    *value = arg->data;
    return 0;
}

int
vshCommandOptInt(vshControl *ctl, const vshCmd *cmd, const char *name,
                 int *value)
{
    vshCmdOpt *arg;
    int ret;

    if ((ret = vshCommandOpt(cmd, name, &arg, true)) <= 0)
        return ret;
    if (vshStrToInt(arg->data, 10, value) < 0) {
        vshNumberError(ctl, arg, name);
        return -1;
    }
    return 1;
}

static int
vshCommandOptUIntCommon(vshControl *ctl, const vshCmd *cmd, const char *name,
                        unsigned int *value, bool wrap)
{
    vshCmdOpt *arg;
    int ret;

    if ((ret = vshCommandOpt(cmd, name, &arg, true)) <= 0)
        return ret;
    if (vshStrToUInt(arg->data, wrap, value) < 0) {
        vshNumberError(ctl, arg, name);
        return -1;
    }
    return 1;
}

int
vshCommandOptUInt(vshControl *ctl, const vshCmd *cmd, const char *name,
                  unsigned int *value)
{
    return vshCommandOptUIntCommon(ctl, cmd, name, value, false);
}

int
vshCommandOptUIntWrap(vshControl *ctl, const vshCmd *cmd, const char *name,
                      unsigned int *value)
{
    return vshCommandOptUIntCommon(ctl, cmd, name, value, true);
}

static int
vshCommandOptULCommon(vshControl *ctl, const vshCmd *cmd, const char *name,
                      unsigned long *value, bool wrap)
{
    vshCmdOpt *arg;
    int ret;

    if ((ret = vshCommandOpt(cmd, name, &arg, true)) <= 0)
        return ret;
    if (vshStrToULong(arg->data, wrap, value) < 0) {
        vshNumberError(ctl, arg, name);
        return -1;
    }
    return 1;
}

int
vshCommandOptUL(vshControl *ctl, const vshCmd *cmd, const char *name,
                unsigned long *value)
{
    return vshCommandOptULCommon(ctl, cmd, name, value, false);
}

int
vshCommandOptULWrap(vshControl *ctl, const vshCmd *cmd, const char *name,
                    unsigned long *value)
{
    return vshCommandOptULCommon(ctl, cmd, name, value, true);
}

int
vshCommandOptLongLong(vshControl *ctl, const vshCmd *cmd, const char *name,
                      long long *value)
{
    vshCmdOpt *arg;
    char *end;
    int ret;

    if ((ret = vshCommandOpt(cmd, name, &arg, true)) <= 0)
        return ret;
    errno = 0;
    *value = strtoll(arg->data, &end, 10);
    if (errno || *end || end == arg->data) {
        vshNumberError(ctl, arg, name);
        return -1;
    }
    return 1;
}

static int
vshCommandOptULLCommon(vshControl *ctl, const vshCmd *cmd, const char *name,
                       unsigned long long *value, bool wrap)
{
    vshCmdOpt *arg;
    int ret;

    if ((ret = vshCommandOpt(cmd, name, &arg, true)) <= 0)
        return ret;
    if (vshStrToULongLong(arg->data, NULL, wrap, value) < 0) {
        vshNumberError(ctl, arg, name);
        return -1;
    }
    return 1;
}

int
vshCommandOptULongLong(vshControl *ctl, const vshCmd *cmd, const char *name,
                       unsigned long long *value)
{
    return vshCommandOptULLCommon(ctl, cmd, name, value, false);
}

int
vshCommandOptULongLongWrap(vshControl *ctl, const vshCmd *cmd,
                           const char *name, unsigned long long *value)
{
    return vshCommandOptULLCommon(ctl, cmd, name, value, true);
}

/* A size with an optional unit suffix; @scale applies without one. */
int
vshCommandOptScaledInt(vshControl *ctl, const vshCmd *cmd, const char *name,
                       unsigned long long *value, int scale,
                       unsigned long long max)
{
    vshCmdOpt *arg;
    char *end;
    int ret;

    if ((ret = vshCommandOpt(cmd, name, &arg, true)) <= 0)
        return ret;
    if (vshStrToULongLong(arg->data, &end, false, value) < 0 ||
        vshScaleInteger(value, end, scale, max) < 0) {
        vshError(ctl, "Scaled numeric value '%s' for <%s> option is malformed or out of range",
                 arg->data, name);
        return -1;
    }
    return 1;
}

/* --timeout in seconds, returned in milliseconds. */
int
vshCommandOptTimeoutToMs(vshControl *ctl, const vshCmd *cmd, int *timeout)
{
    unsigned int secs;
    int ret;

    if ((ret = vshCommandOptUInt(ctl, cmd, "timeout", &secs)) <= 0)
        return ret;
    if (secs == 0 || secs > INT_MAX / 1000) {
        vshError(ctl, "Numeric value '%u' for <%s> option is malformed or out of range",
                 secs, "timeout");
        return -1;
    }
    *timeout = (int)secs * 1000;
    return ret;
}

/* The ARGV value after @opt (the first when NULL), or NULL. */
const vshCmdOpt *
vshCommandOptArgv(vshControl *ctl G_GNUC_UNUSED, const vshCmd *cmd,
                  const vshCmdOpt *opt)
{
    for (opt = opt ? opt->next : cmd->opts; opt; opt = opt->next) {
        if (opt->def->type == VSH_OT_ARGV)
            return opt;
    }
    return NULL;
}

/*
 * --bandwidth of the block job commands: a plain number is MiB/s (and, as
 * in virsh, a negative one wraps); with a unit suffix it is a size per
 * second, shifted to MiB unless @bytes.  0 when absent or parsed.
 */
int
vshBlockJobOptionBandwidth(vshControl *ctl, const vshCmd *cmd, bool bytes,
                           unsigned long *bandwidth)
{
    vshCmdOpt *arg;
    unsigned long long bw;
    char *end;
    int ret;

    if ((ret = vshCommandOpt(cmd, "bandwidth", &arg, true)) <= 0)
        return ret;
    if (vshStrToULong(arg->data, true, bandwidth) == 0)
        return 0;
    if (vshStrToULongLong(arg->data, &end, false, &bw) < 0 ||
        vshScaleInteger(&bw, end, 1, ULONG_MAX) < 0) {
        vshError(ctl, "Scaled numeric value '%s' for <--bandwidth> option is malformed or out of range",
                 arg->data);
        return -1;
    }
    if (!bytes)
        bw >>= 20;
    *bandwidth = bw;
    return 0;
}
