/*
 * virlog.c: debug logging with libvirt's filters, outputs and line format.
 *
 * Filters map a category pattern to a threshold; the first filter whose
 * pattern matches a source's name decides, else the default priority does.
 * Each virLogSource caches its threshold together with the filter serial
 * it was computed at, so checking a message costs two loads and a compare
 * until the filters change.
 *
 * Outputs (stderr, file, syslog, journald) each have their own threshold.
 * With no output defined, messages go to stderr.  The first message sent
 * to an output is preceded by two lines naming the version and the host.
 */
#include "internal.h"
#include "util/virlog.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("util.log");

#ifndef PACKAGE_VERSION
# define PACKAGE_VERSION "9.0.0"
#endif
#define VIR_LOG_VERSION_STRING "libvirt version: " PACKAGE_VERSION
#define VIR_LOG_DEFAULT VIR_LOG_WARN
#define VIR_LOG_JOURNAL_SOCKET "/run/systemd/journal/socket"

#define VIR_LOG_LINE_REGEX \
    "[0-9]{4}-[0-9]{2}-[0-9]{2} " \
    "[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}\\+[0-9]{4}: " \
    "[0-9]+: (debug|info|warning|error) : "

typedef enum {
    VIR_LOG_TO_STDERR,
    VIR_LOG_TO_SYSLOG,
    VIR_LOG_TO_FILE,
    VIR_LOG_TO_JOURNALD,
    VIR_LOG_TO_LAST
} virLogDestination;

static const char *const virLogDestinationNames[VIR_LOG_TO_LAST] = {
    "stderr", "syslog", "file", "journald",
};

typedef struct {
    char *match;             /* as written by the user, minus any '+' */
    char *pattern;           /* "*match*", for g_pattern_match_simple */
    virLogPriority priority;
} virLogFilter;

typedef struct {
    virLogDestination dest;
    virLogPriority priority;
    char *name;              /* file path or syslog ident */
    int fd;                  /* file or journald socket, else -1 */
    bool introduced;         /* version/host lines already written */
} virLogOutput;

/* The mutex guards everything below; virLogSerial and
 * virLogDefaultPriority are also read without it, atomically. */
static GMutex virLogMutex;
static unsigned int virLogSerial = 1;
static virLogPriority virLogDefaultPriority = VIR_LOG_DEFAULT;
static GPtrArray *virLogFilters;
static GPtrArray *virLogOutputs;
static char *virLogDefaultOutput;
static char *virLogSyslogIdent;
static bool virLogStderrIntroduced;

/* 0 until the environment has been read (or deliberately ignored). */
static int virLogEnvDone;


static void
virLogFilterFree(virLogFilter *filter)
{
    if (!filter)
        return;
    g_free(filter->match);
    g_free(filter->pattern);
    g_free(filter);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virLogFilter, virLogFilterFree);


static void
virLogOutputFree(virLogOutput *output)
{
    if (!output)
        return;
    if (output->fd >= 0)
        close(output->fd);
    g_free(output->name);
    g_free(output);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virLogOutput, virLogOutputFree);


void
virLogLock(void)
{
    g_mutex_lock(&virLogMutex);
}


void
virLogUnlock(void)
{
    g_mutex_unlock(&virLogMutex);
}


/* Set while the environment is read on first use: errors then become log
 * lines and never touch the thread's error object, whose message the
 * message being logged may well be. */
static __thread bool virLogQuiet;

static void G_GNUC_PRINTF(6, 7)
virLogReportErrorFull(int errnum, int code, const char *filename,
                      const char *funcname, size_t linenr,
                      const char *fmt, ...)
{
    g_autofree char *detail = NULL;
    va_list ap;

    va_start(ap, fmt);
    detail = g_strdup_vprintf(fmt, ap);
    va_end(ap);

    if (virLogQuiet) {
        if (errnum)
            virLogMessage(&virLogSelf, VIR_LOG_ERROR, filename, linenr,
                          funcname, "%s: %s", detail, g_strerror(errnum));
        else
            virLogMessage(&virLogSelf, VIR_LOG_ERROR, filename, linenr,
                          funcname, "%s", detail);
    } else if (errnum) {
        virReportSystemErrorFull(VIR_FROM_THIS, errnum, filename, funcname,
                                 linenr, "%s", detail);
    } else {
        virReportErrorHelper(VIR_FROM_THIS, code, filename, funcname,
                             linenr, "%s", detail);
    }
}

#define virLogReportError(...) \
    virLogReportErrorFull(0, VIR_ERR_INVALID_ARG, __FILE__, __func__, \
                          __LINE__, __VA_ARGS__)
#define virLogReportSystemError(errnum, ...) \
    virLogReportErrorFull(errnum, VIR_ERR_SYSTEM_ERROR, __FILE__, __func__, \
                          __LINE__, __VA_ARGS__)


static const char *
virLogPriorityString(virLogPriority priority)
{
    switch (priority) {
    case VIR_LOG_DEBUG:
        return "debug";
    case VIR_LOG_INFO:
        return "info";
    case VIR_LOG_WARN:
        return "warning";
    case VIR_LOG_ERROR:
        return "error";
    }
    return "unknown";
}


static int
virLogPrioritySyslog(virLogPriority priority)
{
    switch (priority) {
    case VIR_LOG_DEBUG:
        return LOG_DEBUG;
    case VIR_LOG_INFO:
        return LOG_INFO;
    case VIR_LOG_WARN:
        return LOG_WARNING;
    case VIR_LOG_ERROR:
        break;
    }
    return LOG_ERR;
}


/* Parse "1".."4" strictly: no sign, no blanks, nothing after. */
static int
virLogParsePriorityNumber(const char *str, virLogPriority *priority)
{
    guint64 val;

    if (!g_ascii_string_to_unsigned(str, 10, VIR_LOG_DEBUG, VIR_LOG_ERROR,
                                    &val, NULL))
        return -1;
    *priority = val;
    return 0;
}


/* Bump the serial so every source recomputes its threshold.  Called with
 * the mutex held. */
static void
virLogInvalidateSources(void)
{
    g_atomic_int_inc((int *)&virLogSerial);
}


/* ---- the environment ------------------------------------------------ */

static int
virLogLoadEnv(void)
{
    const char *val;

    val = g_getenv("LIBVIRT_DEBUG");
    if (val && *val) {
        int priority = virLogParseDefaultPriority(val);

        if (priority < 0 || virLogSetDefaultPriority(priority) < 0)
            return -1;
    }
    val = g_getenv("LIBVIRT_LOG_FILTERS");
    if (val && *val && virLogSetFilters(val) < 0)
        return -1;
    val = g_getenv("LIBVIRT_LOG_OUTPUTS");
    if (val && *val && virLogSetOutputs(val) < 0)
        return -1;
    return 0;
}


/* Read the environment once, on first use.  A bad variable is logged;
 * the calling thread's error is left alone. */
static void
virLogEnsureEnv(void)
{
    if (G_LIKELY(g_atomic_int_get(&virLogEnvDone)))
        return;
    if (!g_atomic_int_compare_and_exchange(&virLogEnvDone, 0, 1))
        return;

    virLogQuiet = true;
    ignore_value(virLogLoadEnv());
    virLogQuiet = false;
}


int
virLogSetFromEnv(void)
{
    g_atomic_int_set(&virLogEnvDone, 1);
    return virLogLoadEnv();
}


/* ---- priorities and sources ----------------------------------------- */

int
virLogParseDefaultPriority(const char *priority)
{
    if (STREQ(priority, "1") || STREQ(priority, "debug"))
        return VIR_LOG_DEBUG;
    if (STREQ(priority, "2") || STREQ(priority, "info"))
        return VIR_LOG_INFO;
    if (STREQ(priority, "3") || STREQ(priority, "warning"))
        return VIR_LOG_WARN;
    if (STREQ(priority, "4") || STREQ(priority, "error"))
        return VIR_LOG_ERROR;

    virLogReportError("Failed to set logging priority, argument '%s' is "
                      "invalid", priority);
    return -1;
}


int
virLogSetDefaultPriority(virLogPriority priority)
{
    if (priority < VIR_LOG_DEBUG || priority > VIR_LOG_ERROR) {
        virLogReportError("Failed to set logging priority, "
                          "argument '%u' is invalid", priority);
        return -1;
    }
    virLogEnsureEnv();

    g_mutex_lock(&virLogMutex);
    g_atomic_int_set((int *)&virLogDefaultPriority, priority);
    virLogInvalidateSources();
    g_mutex_unlock(&virLogMutex);
    return 0;
}


virLogPriority
virLogGetDefaultPriority(void)
{
    virLogEnsureEnv();
    return g_atomic_int_get((int *)&virLogDefaultPriority);
}


static void
virLogSourceUpdate(virLogSource *source)
{
    virLogPriority priority;
    unsigned int serial;
    guint i;

    virLogEnsureEnv();

    g_mutex_lock(&virLogMutex);
    serial = g_atomic_int_get((int *)&virLogSerial);
    priority = virLogDefaultPriority;
    for (i = 0; virLogFilters && i < virLogFilters->len; i++) {
        virLogFilter *filter = g_ptr_array_index(virLogFilters, i);

        if (g_pattern_match_simple(filter->pattern, source->name)) {
            priority = filter->priority;
            break;
        }
    }
    /* priority first: a reader that sees the new serial sees it too */
    __atomic_store_n(&source->priority, priority, __ATOMIC_RELAXED);
    __atomic_store_n(&source->serial, serial, __ATOMIC_RELEASE);
    g_mutex_unlock(&virLogMutex);
}


VIR_PRIVATE_EXPORT bool
virLogEnabled(virLogSource *source, virLogPriority priority)
{
    if (G_UNLIKELY(__atomic_load_n(&source->serial, __ATOMIC_ACQUIRE) !=
                   (unsigned int)g_atomic_int_get((int *)&virLogSerial)))
        virLogSourceUpdate(source);
    return priority >= __atomic_load_n(&source->priority, __ATOMIC_RELAXED);
}


/* ---- filters -------------------------------------------------------- */

static virLogFilter *
virLogParseFilter(const char *src)
{
    g_auto(GStrv) tokens = g_strsplit(src, ":", 0);
    virLogPriority priority;
    virLogFilter *filter;
    const char *match;

    if (!tokens[0] || !tokens[1]) {
        virLogReportError("Malformed format for filter '%s'", src);
        return NULL;
    }
    if (virLogParsePriorityNumber(tokens[0], &priority) < 0) {
        virLogReportError("Invalid priority '%s' for filter '%s'",
                          tokens[0], src);
        return NULL;
    }

    /* A leading '+' once asked for stack traces; it is accepted and
     * ignored, as libvirt does today. */
    match = tokens[1];
    if (match[0] == '+')
        match++;
    if (!*match) {
        virLogReportError("Invalid match string '%s'", tokens[1]);
        return NULL;
    }

    filter = g_new0(virLogFilter, 1);
    filter->match = g_strdup(match);
    filter->pattern = g_strdup_printf("*%s*", match);
    filter->priority = priority;
    return filter;
}


static GPtrArray *
virLogParseFilters(const char *src)
{
    g_autoptr(GPtrArray) list =
        g_ptr_array_new_with_free_func((GDestroyNotify)virLogFilterFree);
    g_auto(GStrv) words = g_strsplit(src, " ", 0);
    char **word;

    for (word = words; *word; word++) {
        virLogFilter *filter;

        if (!**word)
            continue;
        if (!(filter = virLogParseFilter(*word)))
            return NULL;
        g_ptr_array_add(list, filter);
    }
    return g_steal_pointer(&list);
}


int
virLogSetFilters(const char *filters)
{
    g_autoptr(GPtrArray) list = NULL;

    virLogEnsureEnv();
    if (filters && !(list = virLogParseFilters(filters)))
        return -1;

    g_mutex_lock(&virLogMutex);
    {
        GPtrArray *old = virLogFilters;

        virLogFilters = g_steal_pointer(&list);
        list = old;
    }
    virLogInvalidateSources();
    g_mutex_unlock(&virLogMutex);
    return 0;
}


char *
virLogGetFilters(void)
{
    GString *buf = g_string_new(NULL);
    guint i;

    virLogEnsureEnv();
    g_mutex_lock(&virLogMutex);
    for (i = 0; virLogFilters && i < virLogFilters->len; i++) {
        virLogFilter *filter = g_ptr_array_index(virLogFilters, i);

        g_string_append_printf(buf, "%s%d:%s", i ? " " : "",
                               filter->priority, filter->match);
    }
    g_mutex_unlock(&virLogMutex);
    return g_string_free(buf, FALSE);
}


int
virLogGetNbFilters(void)
{
    int n;

    g_mutex_lock(&virLogMutex);
    n = virLogFilters ? virLogFilters->len : 0;
    g_mutex_unlock(&virLogMutex);
    return n;
}


/* ---- outputs: parsing and definition -------------------------------- */

static virLogOutput *
virLogOutputNew(virLogDestination dest, virLogPriority priority,
                const char *name, int fd)
{
    virLogOutput *output = g_new0(virLogOutput, 1);

    output->dest = dest;
    output->priority = priority;
    output->name = g_strdup(name);
    output->fd = fd;
    return output;
}


static virLogOutput *
virLogOutputNewFile(virLogPriority priority, const char *path)
{
    g_autofree char *abspath = g_canonicalize_filename(path, NULL);
    int fd = open(abspath, O_CREAT | O_APPEND | O_WRONLY | O_CLOEXEC,
                  S_IRUSR | S_IWUSR);

    if (fd < 0) {
        virLogReportSystemError(errno, "failed to open %s", abspath);
        return NULL;
    }
    return virLogOutputNew(VIR_LOG_TO_FILE, priority, abspath, fd);
}


static virLogOutput *
virLogOutputNewJournald(virLogPriority priority)
{
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

    if (fd < 0) {
        virLogReportSystemError(errno, "%s",
                                "Unable to create journald socket");
        return NULL;
    }
    return virLogOutputNew(VIR_LOG_TO_JOURNALD, priority, NULL, fd);
}


static int
virLogDestinationFromString(const char *str)
{
    size_t i;

    for (i = 0; i < VIR_LOG_TO_LAST; i++) {
        if (STREQ(str, virLogDestinationNames[i]))
            return i;
    }
    return -1;
}


static virLogOutput *
virLogParseOutput(const char *src)
{
    g_auto(GStrv) tokens = g_strsplit(src, ":", 0);
    guint count = g_strv_length(tokens);
    virLogPriority priority;
    guint needed;
    int dest;

    if (count < 2) {
        virLogReportError("Malformed format for log output '%s'", src);
        return NULL;
    }
    if (virLogParsePriorityNumber(tokens[0], &priority) < 0) {
        virLogReportError("Invalid log priority '%s' for log output '%s'",
                          tokens[0], src);
        return NULL;
    }
    if ((dest = virLogDestinationFromString(tokens[1])) < 0) {
        virLogReportError("Invalid log destination '%s' for log output '%s'",
                          tokens[1], src);
        return NULL;
    }
    needed = (dest == VIR_LOG_TO_FILE || dest == VIR_LOG_TO_SYSLOG) ? 3 : 2;
    if (count != needed) {
        virLogReportError("Log output '%s' does not meet the format "
                          "requirements for destination type '%s'",
                          src, tokens[1]);
        return NULL;
    }

    switch ((virLogDestination)dest) {
    case VIR_LOG_TO_STDERR:
        return virLogOutputNew(VIR_LOG_TO_STDERR, priority, NULL, -1);
    case VIR_LOG_TO_SYSLOG:
        return virLogOutputNew(VIR_LOG_TO_SYSLOG, priority, tokens[2], -1);
    case VIR_LOG_TO_FILE:
        return virLogOutputNewFile(priority, tokens[2]);
    case VIR_LOG_TO_JOURNALD:
        return virLogOutputNewJournald(priority);
    case VIR_LOG_TO_LAST:
        break;
    }
    return NULL;
}


static bool
virLogOutputSame(virLogOutput *a, virLogOutput *b)
{
    return a->dest == b->dest && STREQ_NULLABLE(a->name, b->name);
}


static GPtrArray *
virLogParseOutputs(const char *src)
{
    g_autoptr(GPtrArray) list =
        g_ptr_array_new_with_free_func((GDestroyNotify)virLogOutputFree);
    g_auto(GStrv) words = g_strsplit(src, " ", 0);
    char **word;

    for (word = words; *word; word++) {
        virLogOutput *output;
        guint i;

        if (!**word)
            continue;
        if (!(output = virLogParseOutput(*word)))
            return NULL;
        /* a later definition of the same output replaces the earlier */
        for (i = 0; i < list->len; i++) {
            if (virLogOutputSame(g_ptr_array_index(list, i), output)) {
                g_ptr_array_remove_index(list, i);
                break;
            }
        }
        g_ptr_array_add(list, output);
    }
    return g_steal_pointer(&list);
}


/* Open, retag or close the syslog connection to suit @outputs.  Called
 * with the mutex held. */
static void
virLogSyslogSetup(GPtrArray *outputs)
{
    const char *ident = NULL;
    guint i;

    for (i = 0; outputs && i < outputs->len; i++) {
        virLogOutput *output = g_ptr_array_index(outputs, i);

        if (output->dest == VIR_LOG_TO_SYSLOG)
            ident = output->name;
    }

    if (ident) {
        char *old = virLogSyslogIdent;

        if (old && STREQ(old, ident))
            return;
        /* syslog keeps the ident pointer: free the old one only after
         * the new one is in place */
        virLogSyslogIdent = g_strdup(ident);
        openlog(virLogSyslogIdent, 0, LOG_DAEMON);
        g_free(old);
    } else if (virLogSyslogIdent) {
        closelog();
        g_clear_pointer(&virLogSyslogIdent, g_free);
    }
}


int
virLogSetOutputs(const char *outputs)
{
    g_autoptr(GPtrArray) list = NULL;
    g_autofree char *fallback = NULL;
    const char *src = outputs;

    virLogEnsureEnv();
    if (!src || !*src) {
        g_mutex_lock(&virLogMutex);
        fallback = g_strdup(virLogDefaultOutput);
        g_mutex_unlock(&virLogMutex);
        src = fallback;
    }
    /* a library without a default output keeps what it has */
    if (!src)
        return 0;
    if (!(list = virLogParseOutputs(src)))
        return -1;

    g_mutex_lock(&virLogMutex);
    {
        GPtrArray *old = virLogOutputs;

        virLogOutputs = g_steal_pointer(&list);
        list = old;
    }
    virLogSyslogSetup(virLogOutputs);
    g_mutex_unlock(&virLogMutex);
    return 0;
}


char *
virLogGetOutputs(void)
{
    GString *buf = g_string_new(NULL);
    guint i;

    virLogEnsureEnv();
    g_mutex_lock(&virLogMutex);
    for (i = 0; virLogOutputs && i < virLogOutputs->len; i++) {
        virLogOutput *output = g_ptr_array_index(virLogOutputs, i);

        g_string_append_printf(buf, "%s%d:%s", i ? " " : "", output->priority,
                               virLogDestinationNames[output->dest]);
        if (output->name)
            g_string_append_printf(buf, ":%s", output->name);
    }
    g_mutex_unlock(&virLogMutex);
    return g_string_free(buf, FALSE);
}


int
virLogGetNbOutputs(void)
{
    int n;

    g_mutex_lock(&virLogMutex);
    n = virLogOutputs ? virLogOutputs->len : 0;
    g_mutex_unlock(&virLogMutex);
    return n;
}


void
virLogReset(void)
{
    g_autoptr(GPtrArray) filters = NULL;
    g_autoptr(GPtrArray) outputs = NULL;

    /* an explicit reset also means: do not read the environment later */
    g_atomic_int_set(&virLogEnvDone, 1);

    g_mutex_lock(&virLogMutex);
    filters = g_steal_pointer(&virLogFilters);
    outputs = g_steal_pointer(&virLogOutputs);
    virLogSyslogSetup(NULL);
    g_atomic_int_set((int *)&virLogDefaultPriority, VIR_LOG_DEFAULT);
    virLogStderrIntroduced = false;
    virLogInvalidateSources();
    g_mutex_unlock(&virLogMutex);
}


/* ---- default output for daemons ------------------------------------ */

int
virLogSetDefaultOutput(const char *binary, bool godaemon, bool privileged)
{
    bool journald = access(VIR_LOG_JOURNAL_SOCKET, W_OK) == 0;
    virLogPriority priority = virLogGetDefaultPriority();
    char *output;

    if (journald && (godaemon || !isatty(STDIN_FILENO))) {
        /* journald may throttle a chatty process: no debug by default */
        if (priority == VIR_LOG_DEBUG)
            priority = VIR_LOG_INFO;
        output = g_strdup_printf("%d:journald", priority);
    } else if (!godaemon) {
        output = g_strdup_printf("%d:stderr", priority);
    } else if (privileged) {
        output = g_strdup_printf("%d:file:%s/log/libvirt/%s.log",
                                 priority, LOCALSTATEDIR, binary);
    } else {
        g_autofree char *dir = g_build_filename(g_get_user_cache_dir(),
                                                "libvirt", NULL);
        mode_t mask = umask(077);
        int rc = g_mkdir_with_parents(dir, 0777);
        int err = errno;

        umask(mask);
        if (rc < 0) {
            virReportSystemError(err, "%s", "Could not create log directory");
            return -1;
        }
        output = g_strdup_printf("%d:file:%s/%s.log", priority, dir, binary);
    }

    g_mutex_lock(&virLogMutex);
    g_free(virLogDefaultOutput);
    virLogDefaultOutput = output;
    g_mutex_unlock(&virLogMutex);
    return 0;
}


const char *
virLogGetDefaultOutput(void)
{
    return virLogDefaultOutput;
}


/* ---- writing messages ----------------------------------------------- */

static void
virLogWriteAll(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);

        if (n < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        buf += n;
        len -= n;
    }
}


static void
virLogJournalField(GString *buf, const char *key, const char *value)
{
    if (strchr(value, '\n')) {
        /* binary form: KEY \n little-endian 64-bit length, value \n */
        guint64 len = GUINT64_TO_LE((guint64)strlen(value));

        g_string_append_printf(buf, "%s\n", key);
        g_string_append_len(buf, (const char *)&len, sizeof(len));
        g_string_append_printf(buf, "%s\n", value);
    } else {
        g_string_append_printf(buf, "%s=%s\n", key, value);
    }
}


/* A datagram too large for the socket goes as a sealed memfd instead. */
static void
virLogJournalSendFd(int sock, const struct sockaddr_un *sa, socklen_t salen,
                    const GString *buf)
{
    union {
        struct cmsghdr hdr;
        char space[CMSG_SPACE(sizeof(int))];
    } control;
    struct msghdr mh = { 0 };
    struct cmsghdr *cmsg;
    int fd = memfd_create("libvirt-journal", MFD_CLOEXEC | MFD_ALLOW_SEALING);

    if (fd < 0)
        return;
    virLogWriteAll(fd, buf->str, buf->len);
    ignore_value(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW |
                       F_SEAL_WRITE | F_SEAL_SEAL));

    memset(&control, 0, sizeof(control));
    mh.msg_name = (void *)sa;
    mh.msg_namelen = salen;
    mh.msg_control = &control;
    mh.msg_controllen = sizeof(control);
    cmsg = CMSG_FIRSTHDR(&mh);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    mh.msg_controllen = cmsg->cmsg_len;
    ignore_value(sendmsg(sock, &mh, MSG_NOSIGNAL));
    close(fd);
}


static void
virLogOutputToJournald(int sock, virLogSource *source,
                       virLogPriority priority, const char *filename,
                       size_t linenr, const char *funcname, const char *rawstr)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    socklen_t salen;

    virLogJournalField(buf, "MESSAGE", rawstr);
    g_string_append_printf(buf, "PRIORITY=%d\n",
                           virLogPrioritySyslog(priority));
    /* RFC 5424 facility 3 ("daemon"), unshifted as journald wants it */
    g_string_append(buf, "SYSLOG_FACILITY=3\n");
    virLogJournalField(buf, "LIBVIRT_SOURCE", source->name);
    if (filename)
        virLogJournalField(buf, "CODE_FILE", filename);
    g_string_append_printf(buf, "CODE_LINE=%zu\n", linenr);
    if (funcname)
        virLogJournalField(buf, "CODE_FUNC", funcname);

    g_strlcpy(sa.sun_path, VIR_LOG_JOURNAL_SOCKET, sizeof(sa.sun_path));
    salen = offsetof(struct sockaddr_un, sun_path) + strlen(sa.sun_path);
    if (sendto(sock, buf->str, buf->len, MSG_NOSIGNAL,
               (struct sockaddr *)&sa, salen) >= 0)
        return;
    if (errno == EMSGSIZE || errno == ENOBUFS)
        virLogJournalSendFd(sock, &sa, salen, buf);
}


/* "TID: PRIORITY : FUNCTION:LINE : MESSAGE\n", or without the function
 * part when @funcname is NULL. */
static char *
virLogFormatString(size_t linenr, const char *funcname,
                   virLogPriority priority, const char *str)
{
    unsigned long long tid = syscall(SYS_gettid);

    if (funcname)
        return g_strdup_printf("%llu: %s : %s:%zu : %s\n", tid,
                               virLogPriorityString(priority),
                               funcname, linenr, str);
    return g_strdup_printf("%llu: %s : %s\n", tid,
                           virLogPriorityString(priority), str);
}


/* "YYYY-MM-DD HH:MM:SS.mmm+0000", always UTC. */
static void
virLogTimestamp(char *buf, size_t len)
{
    gint64 now = g_get_real_time() / 1000;
    time_t secs = now / 1000;
    struct tm tm;

    gmtime_r(&secs, &tm);
    g_snprintf(buf, len, "%04d-%02d-%02d %02d:%02d:%02d.%03d+0000",
               tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
               tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(now % 1000));
}


typedef struct {
    virLogSource *source;
    virLogPriority priority;
    const char *filename;
    size_t linenr;
    const char *funcname;
    const char *timestamp;
    const char *rawstr;      /* the message alone */
    const char *str;         /* the formatted line, minus the timestamp */
} virLogRecord;


static void
virLogEmit(virLogDestination dest, int fd, const virLogRecord *rec)
{
    g_autofree char *line = NULL;

    switch (dest) {
    case VIR_LOG_TO_STDERR:
    case VIR_LOG_TO_FILE:
        line = g_strdup_printf("%s: %s", rec->timestamp, rec->str);
        virLogWriteAll(dest == VIR_LOG_TO_STDERR ? STDERR_FILENO : fd,
                       line, strlen(line));
        break;
    case VIR_LOG_TO_SYSLOG:
        syslog(virLogPrioritySyslog(rec->priority), "%s", rec->str);
        break;
    case VIR_LOG_TO_JOURNALD:
        virLogOutputToJournald(fd, rec->source, rec->priority, rec->filename,
                               rec->linenr, rec->funcname, rec->rawstr);
        break;
    case VIR_LOG_TO_LAST:
        break;
    }
}


/* The two lines that open every output: version and host name. */
static void
virLogEmitIntro(virLogDestination dest, int fd, const char *timestamp)
{
    g_autofree char *host = g_strdup_printf("hostname: %s", g_get_host_name());
    const char *raws[] = { VIR_LOG_VERSION_STRING, host };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(raws); i++) {
        g_autofree char *str = virLogFormatString(0, NULL, VIR_LOG_INFO,
                                                  raws[i]);
        virLogRecord rec = {
            &virLogSelf, VIR_LOG_INFO, __FILE__, __LINE__, __func__,
            timestamp, raws[i], str,
        };

        virLogEmit(dest, fd, &rec);
    }
}


static void
virLogDispatch(const virLogRecord *rec)
{
    guint i;

    g_mutex_lock(&virLogMutex);
    if (!virLogOutputs || virLogOutputs->len == 0) {
        if (!virLogStderrIntroduced) {
            virLogEmitIntro(VIR_LOG_TO_STDERR, -1, rec->timestamp);
            virLogStderrIntroduced = true;
        }
        virLogEmit(VIR_LOG_TO_STDERR, -1, rec);
    }
    for (i = 0; virLogOutputs && i < virLogOutputs->len; i++) {
        virLogOutput *output = g_ptr_array_index(virLogOutputs, i);

        if (rec->priority < output->priority)
            continue;
        if (!output->introduced) {
            virLogEmitIntro(output->dest, output->fd, rec->timestamp);
            output->introduced = true;
        }
        virLogEmit(output->dest, output->fd, rec);
    }
    g_mutex_unlock(&virLogMutex);
}


VIR_PRIVATE_EXPORT void
virLogMessage(virLogSource *source, virLogPriority priority,
              const char *filename, size_t linenr, const char *funcname,
              const char *fmt, ...)
{
    int saved_errno = errno;
    g_autofree char *rawstr = NULL;
    g_autofree char *str = NULL;
    char timestamp[64];
    va_list ap;

    if (!fmt || !virLogEnabled(source, priority)) {
        errno = saved_errno;
        return;
    }

    va_start(ap, fmt);
    rawstr = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    str = virLogFormatString(linenr, funcname, priority, rawstr);
    virLogTimestamp(timestamp, sizeof(timestamp));

    {
        virLogRecord rec = {
            source, priority, filename, linenr, funcname,
            timestamp, rawstr, str,
        };

        virLogDispatch(&rec);
    }
    errno = saved_errno;
}


bool
virLogProbablyLogMessage(const char *str)
{
    static GRegex *regex;

    if (g_once_init_enter(&regex)) {
        GRegex *re = g_regex_new(VIR_LOG_LINE_REGEX, G_REGEX_OPTIMIZE, 0, NULL);

        g_once_init_leave(&regex, re);
    }
    return g_regex_match(regex, str, 0, NULL);
}
