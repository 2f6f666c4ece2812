/*
 * virlog.h: debug logging, controlled as libvirt's is by LIBVIRT_DEBUG,
 * LIBVIRT_LOG_FILTERS and LIBVIRT_LOG_OUTPUTS.
 *
 * Each .c file names its log category once with VIR_LOG_INIT("util.file");
 * filters match on that name.  A disabled message costs one comparison:
 * the check happens before any formatting.
 */
#pragma once

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

/* (Re)read LIBVIRT_DEBUG, LIBVIRT_LOG_FILTERS, LIBVIRT_LOG_OUTPUTS. */
void virLogSetFromEnv(void);

/* Settings in libvirt's syntax: "3:remote 4:event", "1:file:/tmp/x.log".
 * Return 0 on success, -1 with an error reported on bad syntax. */
int virLogSetDefaultPriority(virLogPriority priority);
int virLogSetFilters(const char *filters);
int virLogSetOutputs(const char *outputs);
virLogPriority virLogGetDefaultPriority(void);
char *virLogGetFilters(void);
char *virLogGetOutputs(void);

/* Drop filters and outputs and go back to the defaults. */
void virLogReset(void);

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
