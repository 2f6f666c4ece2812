/*
 * virsh-domain-event.c: the "Domain Events" group (the 'event' command)
 * and the line it prints for every domain event type.
 */
#include <stdarg.h>

#include "virsh.h"

/* @words[@i] of the @n words, or @fallback. */
static const char *
virshWordAt(const char *const *words, size_t n, int i, const char *fallback)
{
    return i >= 0 && (size_t)i < n && words[i] ? words[i] : fallback;
}

#define VIRSH_WORD(WORDS, I, FALLBACK) \
    virshWordAt(WORDS, G_N_ELEMENTS(WORDS), I, FALLBACK)

/* libvirt prints this for values its tables lack, in some events */
#define VIRSH_UNSUPPORTED "unsupported value"

/* "event 'NAME' for domain 'DOM'" and the rest of the line(s). */
static void G_GNUC_PRINTF(3, 4)
virshDomEventPrint(void *opaque, virDomainPtr dom, const char *fmt, ...)
{
    virshEventData *data = opaque;
    g_autofree char *rest = NULL;
    va_list ap;

    va_start(ap, fmt);
    rest = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    virshEventPrintf(data, "event '%s' for domain '%s'%s", data->name,
                     virDomainGetName(dom), rest);
}

static const char *
virshNullStr(const char *s)
{
    return s ? s : "<null>";
}

/* ---- lifecycle ---- */

static const char *const virshDomainEventTypes[] = {
    "Defined", "Undefined", "Started", "Suspended", "Resumed", "Stopped",
    "Shutdown", "PMSuspended", "Crashed",
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainEventTypes) == VIR_DOMAIN_EVENT_LAST);

static const char *const virshEventDefined[] = {
    "Added", "Updated", "Renamed", "Snapshot",
};
static const char *const virshEventUndefined[] = { "Removed", "Renamed" };
static const char *const virshEventStarted[] = {
    "Booted", "Migrated", "Restored", "Snapshot", "Event wakeup",
};
static const char *const virshEventSuspended[] = {
    "Paused", "Migrated", "I/O Error", "Watchdog", "Restored", "Snapshot",
    "API error", "Post-copy", "Post-copy Error",
};
static const char *const virshEventResumed[] = {
    "Unpaused", "Migrated", "Snapshot", "Post-copy", "Post-copy Error",
};
static const char *const virshEventStopped[] = {
    "Shutdown", "Destroyed", "Crashed", "Migrated", "Saved", "Failed",
    "Snapshot",
};
static const char *const virshEventShutdown[] = {
    "Finished", "Finished after guest request", "Finished after host request",
};
static const char *const virshEventPMSuspended[] = { "Memory", "Disk" };
static const char *const virshEventCrashed[] = { "Panicked", "Crashloaded" };

G_STATIC_ASSERT(G_N_ELEMENTS(virshEventDefined) ==
                VIR_DOMAIN_EVENT_DEFINED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(virshEventUndefined) ==
                VIR_DOMAIN_EVENT_UNDEFINED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(virshEventStarted) ==
                VIR_DOMAIN_EVENT_STARTED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(virshEventSuspended) ==
                VIR_DOMAIN_EVENT_SUSPENDED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(virshEventResumed) ==
                VIR_DOMAIN_EVENT_RESUMED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(virshEventStopped) ==
                VIR_DOMAIN_EVENT_STOPPED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(virshEventShutdown) ==
                VIR_DOMAIN_EVENT_SHUTDOWN_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(virshEventPMSuspended) ==
                VIR_DOMAIN_EVENT_PMSUSPENDED_LAST);
G_STATIC_ASSERT(G_N_ELEMENTS(virshEventCrashed) ==
                VIR_DOMAIN_EVENT_CRASHED_LAST);

/* The details of each lifecycle event type, by type. */
static const struct {
    const char *const *words;
    size_t n;
} virshDomainEventDetails[] = {
#define VIRSH_DETAILS(W) { W, G_N_ELEMENTS(W) }
    VIRSH_DETAILS(virshEventDefined),
    VIRSH_DETAILS(virshEventUndefined),
    VIRSH_DETAILS(virshEventStarted),
    VIRSH_DETAILS(virshEventSuspended),
    VIRSH_DETAILS(virshEventResumed),
    VIRSH_DETAILS(virshEventStopped),
    VIRSH_DETAILS(virshEventShutdown),
    VIRSH_DETAILS(virshEventPMSuspended),
    VIRSH_DETAILS(virshEventCrashed),
#undef VIRSH_DETAILS
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainEventDetails) ==
                VIR_DOMAIN_EVENT_LAST);

static void
virshEventLifecyclePrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                         int event, int detail, void *opaque)
{
    const char *what = VIRSH_WORD(virshDomainEventTypes, event, "unknown");
    const char *how = "unknown";

    if (event >= 0 && event < VIR_DOMAIN_EVENT_LAST)
        how = virshWordAt(virshDomainEventDetails[event].words,
                          virshDomainEventDetails[event].n, detail,
                          "unknown");
    virshDomEventPrint(opaque, dom, ": %s %s\n", what, how);
}

/* ---- events with a few words ---- */

static void
virshEventGenericPrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                       void *opaque)
{
    virshDomEventPrint(opaque, dom, "\n");
}

/* pm-wakeup, pm-suspend, pm-suspend-disk: no reasons are defined */
static void
virshEventPMChangePrint(virConnectPtr conn, virDomainPtr dom,
                        int reason G_GNUC_UNUSED, void *opaque)
{
    virshEventGenericPrint(conn, dom, opaque);
}

static void
virshEventRTCChangePrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                         long long utcoffset, void *opaque)
{
    virshDomEventPrint(opaque, dom, ": %lld\n", utcoffset);
}

static void
virshEventWatchdogPrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                        int action, void *opaque)
{
    static const char *const actions[] = {
        "none", "pause", "reset", "poweroff", "shutdown", "debug",
        "inject-nmi",
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(actions) == VIR_DOMAIN_EVENT_WATCHDOG_LAST);
    virshDomEventPrint(opaque, dom, ": %s\n",
                       VIRSH_WORD(actions, action, "unknown"));
}

static const char *const virshIOErrorActions[] = { "none", "pause", "report" };
G_STATIC_ASSERT(G_N_ELEMENTS(virshIOErrorActions) ==
                VIR_DOMAIN_EVENT_IO_ERROR_LAST);

static void
virshEventIOErrorPrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                       const char *srcPath, const char *devAlias, int action,
                       void *opaque)
{
    virshDomEventPrint(opaque, dom, ": %s (%s) %s\n", srcPath, devAlias,
                       VIRSH_WORD(virshIOErrorActions, action, "unknown"));
}

static void
virshEventIOErrorReasonPrint(virConnectPtr conn G_GNUC_UNUSED,
                             virDomainPtr dom, const char *srcPath,
                             const char *devAlias, int action,
                             const char *reason, void *opaque)
{
    virshDomEventPrint(opaque, dom, ": %s (%s) %s due to %s\n", srcPath,
                       devAlias,
                       VIRSH_WORD(virshIOErrorActions, action, "unknown"),
                       reason);
}

static void
virshEventGraphicsPrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                        int phase, const virDomainEventGraphicsAddress *local,
                        const virDomainEventGraphicsAddress *remote,
                        const char *authScheme,
                        const virDomainEventGraphicsSubject *subject,
                        void *opaque)
{
    static const char *const phases[] = {
        "connect", "initialize", "disconnect",
    };
    static const char *const families[] = { "IPv4", "IPv6", "unix" };
    g_autoptr(GString) ids = g_string_new(NULL);
    int i;

    G_STATIC_ASSERT(G_N_ELEMENTS(phases) == VIR_DOMAIN_EVENT_GRAPHICS_LAST);
    G_STATIC_ASSERT(G_N_ELEMENTS(families) ==
                    VIR_DOMAIN_EVENT_GRAPHICS_ADDRESS_LAST);
    for (i = 0; i < subject->nidentity; i++)
        g_string_append_printf(ids, "\t%s=%s\n",
                               subject->identities[i].type,
                               subject->identities[i].name);
    virshDomEventPrint(opaque, dom, ": %s local[%s %s %s] remote[%s %s %s] "
                       "%s\n%s",
                       VIRSH_WORD(phases, phase, "unknown"),
                       VIRSH_WORD(families, local->family, "unknown"),
                       local->node, local->service,
                       VIRSH_WORD(families, remote->family, "unknown"),
                       remote->node, remote->service, authScheme, ids->str);
}

/* block-job and block-job-2 */
static void
virshEventBlockJobPrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                        const char *disk, int type, int status, void *opaque)
{
    static const char *const types[] = {
        "Unknown job", "Block Pull", "Block Copy", "Block Commit",
        "Active Block Commit", "Backup",
    };
    static const char *const states[] = {
        "completed", "failed", "canceled", "ready",
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(types) == VIR_DOMAIN_BLOCK_JOB_TYPE_LAST);
    G_STATIC_ASSERT(G_N_ELEMENTS(states) == VIR_DOMAIN_BLOCK_JOB_LAST);
    virshDomEventPrint(opaque, dom, ": %s for %s %s\n",
                       VIRSH_WORD(types, type, "Unknown job"), disk,
                       VIRSH_WORD(states, status, "unknown"));
}

static void
virshEventDiskChangePrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                          const char *oldSrc, const char *newSrc,
                          const char *alias, int reason, void *opaque)
{
    static const char *const reasons[] = { "changed", "dropped" };

    G_STATIC_ASSERT(G_N_ELEMENTS(reasons) ==
                    VIR_DOMAIN_EVENT_DISK_CHANGE_LAST);
    virshDomEventPrint(opaque, dom, " disk %s: %s -> %s: %s\n", alias,
                       virshNullStr(oldSrc), virshNullStr(newSrc),
                       VIRSH_WORD(reasons, reason, "unknown"));
}

static void
virshEventTrayChangePrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                          const char *alias, int reason, void *opaque)
{
    static const char *const reasons[] = { "opened", "closed" };

    G_STATIC_ASSERT(G_N_ELEMENTS(reasons) ==
                    VIR_DOMAIN_EVENT_TRAY_CHANGE_LAST);
    virshDomEventPrint(opaque, dom, " disk %s: %s\n", alias,
                       VIRSH_WORD(reasons, reason, "unknown"));
}

static void
virshEventBalloonChangePrint(virConnectPtr conn G_GNUC_UNUSED,
                             virDomainPtr dom, unsigned long long actual,
                             void *opaque)
{
    virshDomEventPrint(opaque, dom, ": %lluKiB\n", actual);
}

/* device-removed, device-added, device-removal-failed */
static void
virshEventDeviceAliasPrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                           const char *alias, void *opaque)
{
    virshDomEventPrint(opaque, dom, ": %s\n", alias);
}

/* tunable and job-completed: one "\tFIELD: VALUE" line a parameter */
static void
virshEventParamsPrint(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom,
                      virTypedParameterPtr params, int nparams, void *opaque)
{
    g_autoptr(GString) lines = g_string_new(NULL);
    int i;

    for (i = 0; i < nparams; i++) {
        g_autofree char *value = vshTypedParamToString(&params[i]);

        if (value)
            g_string_append_printf(lines, "\t%s: %s\n", params[i].field,
                                   value);
    }
    virshDomEventPrint(opaque, dom, ":\n%s", lines->str);
}

static void
virshEventAgentLifecyclePrint(virConnectPtr conn G_GNUC_UNUSED,
                              virDomainPtr dom, int state, int reason,
                              void *opaque)
{
    static const char *const states[] = {
        "unknown", "connected", "disconnected",
    };
    static const char *const reasons[] = {
        "unknown", "domain started", "channel event",
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(states) ==
                    VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_LAST);
    G_STATIC_ASSERT(G_N_ELEMENTS(reasons) ==
                    VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_REASON_LAST);
    virshDomEventPrint(opaque, dom, ": state: '%s' reason: '%s'\n",
                       VIRSH_WORD(states, state, VIRSH_UNSUPPORTED),
                       VIRSH_WORD(reasons, reason, VIRSH_UNSUPPORTED));
}

static void
virshEventMigrationIterationPrint(virConnectPtr conn G_GNUC_UNUSED,
                                  virDomainPtr dom, int iteration,
                                  void *opaque)
{
    virshDomEventPrint(opaque, dom, ": iteration: '%d'\n", iteration);
}

static void
virshEventMetadataChangePrint(virConnectPtr conn G_GNUC_UNUSED,
                              virDomainPtr dom, int type, const char *nsuri,
                              void *opaque)
{
    static const char *const types[] = { "description", "title", "element" };

    G_STATIC_ASSERT(G_N_ELEMENTS(types) == VIR_DOMAIN_METADATA_LAST);
    virshDomEventPrint(opaque, dom, ": type %s, uri %s\n",
                       VIRSH_WORD(types, type, VIRSH_UNSUPPORTED),
                       virshNullStr(nsuri));
}

static void
virshEventBlockThresholdPrint(virConnectPtr conn G_GNUC_UNUSED,
                              virDomainPtr dom, const char *dev,
                              const char *path, unsigned long long threshold,
                              unsigned long long excess, void *opaque)
{
    virshDomEventPrint(opaque, dom, ": dev: %s(%s) %llu %llu\n", dev,
                       virshNullStr(path), threshold, excess);
}

static void
virshEventMemoryFailurePrint(virConnectPtr conn G_GNUC_UNUSED,
                             virDomainPtr dom, int recipient, int action,
                             unsigned int flags, void *opaque)
{
    static const char *const recipients[] = { "hypervisor", "guest" };
    static const char *const actions[] = {
        "ignore", "inject", "fatal", "reset",
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(recipients) ==
                    VIR_DOMAIN_EVENT_MEMORY_FAILURE_RECIPIENT_LAST);
    G_STATIC_ASSERT(G_N_ELEMENTS(actions) ==
                    VIR_DOMAIN_EVENT_MEMORY_FAILURE_ACTION_LAST);
    virshDomEventPrint(opaque, dom, ":\nrecipient: %s\naction: %s\n"
                       "flags:\n\taction required: %d\n\trecursive: %d\n",
                       VIRSH_WORD(recipients, recipient, VIRSH_UNSUPPORTED),
                       VIRSH_WORD(actions, action, VIRSH_UNSUPPORTED),
                       !!(flags & VIR_DOMAIN_MEMORY_FAILURE_ACTION_REQUIRED),
                       !!(flags & VIR_DOMAIN_MEMORY_FAILURE_RECURSIVE));
}

static void
virshEventMemoryDeviceSizeChangePrint(virConnectPtr conn G_GNUC_UNUSED,
                                      virDomainPtr dom, const char *alias,
                                      unsigned long long size, void *opaque)
{
    virshDomEventPrint(opaque, dom, ":\nalias: %s\nsize: %llu\n", alias,
                       size);
}

/* ---- the table, by VIR_DOMAIN_EVENT_ID_* ---- */

/* ---- the tables, by VIR_DOMAIN_EVENT_ID_* ---- */

static const char *const virshDomainEventNames[] = {
    "lifecycle", "reboot", "rtc-change", "watchdog", "io-error", "graphics",
    "io-error-reason", "control-error", "block-job", "disk-change",
    "tray-change", "pm-wakeup", "pm-suspend", "balloon-change",
    "pm-suspend-disk", "device-removed", "block-job-2", "tunable",
    "agent-lifecycle", "device-added", "migration-iteration",
    "job-completed", "device-removal-failed", "metadata-change",
    "block-threshold", "memory-failure", "memory-device-size-change", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainEventNames) ==
                VIR_DOMAIN_EVENT_ID_LAST + 1);

#define CB(FN) VIR_DOMAIN_EVENT_CALLBACK(FN)
static const virConnectDomainEventGenericCallback virshDomainEventCallbacks[] = {
    CB(virshEventLifecyclePrint),               /* lifecycle */
    virshEventGenericPrint,                     /* reboot */
    CB(virshEventRTCChangePrint),
    CB(virshEventWatchdogPrint),
    CB(virshEventIOErrorPrint),
    CB(virshEventGraphicsPrint),
    CB(virshEventIOErrorReasonPrint),
    virshEventGenericPrint,                     /* control-error */
    CB(virshEventBlockJobPrint),
    CB(virshEventDiskChangePrint),
    CB(virshEventTrayChangePrint),
    CB(virshEventPMChangePrint),                /* pm-wakeup */
    CB(virshEventPMChangePrint),                /* pm-suspend */
    CB(virshEventBalloonChangePrint),
    CB(virshEventPMChangePrint),                /* pm-suspend-disk */
    CB(virshEventDeviceAliasPrint),             /* device-removed */
    CB(virshEventBlockJobPrint),                /* block-job-2 */
    CB(virshEventParamsPrint),                  /* tunable */
    CB(virshEventAgentLifecyclePrint),
    CB(virshEventDeviceAliasPrint),             /* device-added */
    CB(virshEventMigrationIterationPrint),
    CB(virshEventParamsPrint),                  /* job-completed */
    CB(virshEventDeviceAliasPrint),             /* device-removal-failed */
    CB(virshEventMetadataChangePrint),
    CB(virshEventBlockThresholdPrint),
    CB(virshEventMemoryFailurePrint),
    CB(virshEventMemoryDeviceSizeChangePrint),
};
#undef CB
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainEventCallbacks) ==
                VIR_DOMAIN_EVENT_ID_LAST);

static char **
virshDomainEventNameCompleter(vshControl *ctl G_GNUC_UNUSED,
                              const vshCmd *cmd G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshDomainEventNames);
}

/* ---- event ---- */

static const vshCmdInfo info_event = {
    .help = "Domain Events",
    .desc = "List event types, or wait for domain events to occur",
};

static const vshCmdOptDef opts_event[] = {
    VSH_STRING("domain", "filter by domain name, id or uuid",
        .completer = virshDomainNameCompleter),
    VSH_STRING("event", "which event type to wait for",
        .completer = virshDomainEventNameCompleter),
    VSH_BOOL("all", "wait for all events instead of just one type"),
    VIRSH_OPT_EVENT_COMMON,
    VSH_OPT_END
};

static int
virshDomainEventObj(vshControl *ctl, const vshCmd *cmd, void **obj)
{
    *obj = virshCommandOptDomain(ctl, cmd, NULL);
    return *obj ? 0 : -1;
}

static void
virshDomainEventObjFree(void *obj)
{
    virshDomainFree(obj);
}

static int
virshDomainEventRegister(virConnectPtr conn, void *obj, virshEventData *data)
{
    return virConnectDomainEventRegisterAny(conn, obj, data->event,
                                            virshDomainEventCallbacks[data->event],
                                            data, NULL);
}

static bool
cmdEvent(vshControl *ctl, const vshCmd *cmd)
{
    static const virshEventFamily family = {
        .names = virshDomainEventNames, .objOpt = "domain",
        .getObj = virshDomainEventObj, .freeObj = virshDomainEventObjFree,
        .reg = virshDomainEventRegister,
        .dereg = virConnectDomainEventDeregisterAny,
        .all = true,
    };

    return virshEventCommand(ctl, cmd, &family);
}

const vshCmdDef domEventCmds[] = {
    VSH_CMD("event", cmdEvent, event),
    { .name = NULL }
};
