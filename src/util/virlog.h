/*
 * virlog.h: debug logging, controlled as libvirt's is by LIBVIRT_DEBUG,
 * LIBVIRT_LOG_FILTERS and LIBVIRT_LOG_OUTPUTS.
 *
 * Each .c file names its log category once with VIR_LOG_INIT("util.file");
 * filters match on that name.  A disabled message costs one comparison:
 * the check happens before any formatting.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef enum {
    VIR_LOG_DEBUG = 1,
    VIR_LOG_INFO,
    VIR_LOG_WARN,
    VIR_LOG_ERROR,
} virLogPriority;

typedef struct {
    const char *name;        /* category, e.g. "util.event" */
    unsigned int serial;     /* filter generation this source was matched at */
    virLogPriority priority; /* effective threshold for this source */
} virLogSource;

#define VIR_LOG_INIT(n) \
    static G_GNUC_UNUSED virLogSource virLogSelf = { .name = (n), .serial = 0, \
                                                     .priority = VIR_LOG_ERROR }

/* Log one message if @priority passes the filters for @source. */
void virLogMessage(virLogSource *source, virLogPriority priority,
                   const char *filename, size_t linenr, const char *funcname,
                   const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* True if a message at @priority from @source would be written. */
bool virLogEnabled(virLogSource *source, virLogPriority priority);

/* (Re)read LIBVIRT_DEBUG, LIBVIRT_LOG_FILTERS, LIBVIRT_LOG_OUTPUTS.
 * Returns 0, or -1 with an error reported if one of them is malformed.
 * Logging also reads them by itself on first use (a malformed variable is
 * then only reported on the log). */
int virLogSetFromEnv(void);

/* Settings in libvirt's syntax: "3:remote 4:event", "1:file:/tmp/x.log".
 * Return 0 on success, -1 with an error reported on bad syntax; on
 * failure the previous settings stay.  An empty (or NULL) output string
 * selects the daemon default (virLogSetDefaultOutput) if there is one and
 * otherwise changes nothing; with no output at all, messages go to stderr.
 * Outputs: stderr, file:PATH, syslog:IDENT, journald (native protocol). */
int virLogSetDefaultPriority(virLogPriority priority);
int virLogSetFilters(const char *filters);
int virLogSetOutputs(const char *outputs);
virLogPriority virLogGetDefaultPriority(void);
char *virLogGetFilters(void);
char *virLogGetOutputs(void);

/* Drop filters and outputs and go back to the defaults. */
void virLogReset(void);

/* "1".."4" or "debug", "info", "warning", "error"; -1 with an error
 * reported otherwise. */
int virLogParseDefaultPriority(const char *priority);

/* Daemons: choose the output used when virLogSetOutputs() gets an empty
 * string (journald when available, else a file under the log directory
 * for a daemonized @binary, else stderr), as libvirt's daemons do. */
int virLogSetDefaultOutput(const char *binary, bool godaemon, bool privileged);
const char *virLogGetDefaultOutput(void);

/* Number of filters / outputs currently defined (0 outputs: stderr). */
int virLogGetNbFilters(void);
int virLogGetNbOutputs(void);

/* True if @str contains something that looks like one of our log lines. */
bool virLogProbablyLogMessage(const char *str);

/* Held around fork() so the child never inherits a locked log mutex. */
void virLogLock(void);
void virLogUnlock(void);

#define VIR_LOG_AT(prio, ...) \
    do { \
        if (virLogEnabled(&virLogSelf, prio)) \
            virLogMessage(&virLogSelf, prio, __FILE__, __LINE__, \
                          __func__, __VA_ARGS__); \
    } while (0)

#define VIR_DEBUG(...) VIR_LOG_AT(VIR_LOG_DEBUG, __VA_ARGS__)
#define VIR_INFO(...) VIR_LOG_AT(VIR_LOG_INFO, __VA_ARGS__)
#define VIR_WARN(...) VIR_LOG_AT(VIR_LOG_WARN, __VA_ARGS__)
#define VIR_ERROR(...) VIR_LOG_AT(VIR_LOG_ERROR, __VA_ARGS__)
