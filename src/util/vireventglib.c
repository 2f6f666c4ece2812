/*
 * vireventglib.c: the default event loop on GLib's default main context.
 *
 * Each handle or timeout is an entry in one of two tables keyed by its
 * number.  While active it owns a GSource; changing its events or interval
 * replaces the source.  Entries are reference counted: the table, each
 * source and a pending removal each hold a reference, so a callback may
 * update or remove its own entry, from any thread, at any time.
 *
 * Removal takes the entry out of its table and destroys its source at
 * once, then queues an idle source that calls the free callback: the
 * free callback always runs on the loop, after the callback that may be
 * in progress has returned.
 */
#include "internal.h"
#include "util/vireventglib.h"
#include "util/virevent.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_EVENT

VIR_LOG_INIT("util.eventglib");

typedef struct {
    int id;                      /* watch or timer number */
    int fd;                      /* handles only */
    int events;                  /* handles: requested VIR_EVENT_HANDLE_* */
    int interval;                /* timeouts: -1, 0 or milliseconds */
    GSource *source;             /* NULL while inactive */
    virEventHandleCallback hcb;
    virEventTimeoutCallback tcb;
    void *opaque;
    virFreeCallback ff;
} virEventGLibEntry;

static GMutex eventLock;
static GHashTable *handles;      /* watch number -> entry */
static GHashTable *timeouts;     /* timer number -> entry */
static int nextWatch = 1;
static int nextTimer = 1;


/* ---- an fd watch as a GSource --------------------------------------- */

typedef struct {
    GSource parent;
    GPollFD pollfd;
    GIOCondition condition;
} virEventGLibFDSource;

static gboolean
virEventGLibFDSourcePrepare(GSource *source G_GNUC_UNUSED, gint *timeout)
{
    *timeout = -1;
    return FALSE;
}

static gboolean
virEventGLibFDSourceCheck(GSource *source)
{
    virEventGLibFDSource *fdsource = (virEventGLibFDSource *)source;

    return (fdsource->pollfd.revents & fdsource->condition) != 0;
}

static gboolean
virEventGLibFDSourceDispatch(GSource *source, GSourceFunc callback,
                             gpointer opaque)
{
    virEventGLibFDSource *fdsource = (virEventGLibFDSource *)source;
    virEventGLibSocketFunc func = (virEventGLibSocketFunc)callback;

    if (!func)
        return G_SOURCE_REMOVE;
    return func(fdsource->pollfd.fd,
                fdsource->pollfd.revents & fdsource->condition, opaque);
}

static GSourceFuncs virEventGLibFDSourceFuncs = {
    .prepare = virEventGLibFDSourcePrepare,
    .check = virEventGLibFDSourceCheck,
    .dispatch = virEventGLibFDSourceDispatch,
};


GSource *
virEventGLibCreateSocketWatch(int fd, GIOCondition condition)
{
    GSource *source = g_source_new(&virEventGLibFDSourceFuncs,
                                   sizeof(virEventGLibFDSource));
    virEventGLibFDSource *fdsource = (virEventGLibFDSource *)source;

    /* poll always reports these; an invalid fd must not spin silently */
    fdsource->condition = condition | G_IO_HUP | G_IO_ERR | G_IO_NVAL;
    fdsource->pollfd.fd = fd;
    fdsource->pollfd.events = condition | G_IO_HUP | G_IO_ERR;
    g_source_add_poll(source, &fdsource->pollfd);
    return source;
}


GSource *
virEventGLibAddSocketWatch(int fd, GIOCondition condition,
                           GMainContext *context, virEventGLibSocketFunc func,
                           gpointer opaque, GDestroyNotify notify)
{
    GSource *source = virEventGLibCreateSocketWatch(fd, condition);

    g_source_set_callback(source, (GSourceFunc)(void (*)(void))func,
                          opaque, notify);
    g_source_attach(source, context);
    return source;
}


/* ---- helpers shared by handles and timeouts --------------------------- */

static GIOCondition
virEventGLibEventsToCondition(int events)
{
    GIOCondition cond = 0;

    if (events & VIR_EVENT_HANDLE_READABLE)
        cond |= G_IO_IN;
    if (events & VIR_EVENT_HANDLE_WRITABLE)
        cond |= G_IO_OUT;
    if (events & VIR_EVENT_HANDLE_ERROR)
        cond |= G_IO_ERR;
    if (events & VIR_EVENT_HANDLE_HANGUP)
        cond |= G_IO_HUP;
    return cond;
}


static int
virEventGLibConditionToEvents(GIOCondition cond)
{
    int events = 0;

    if (cond & G_IO_IN)
        events |= VIR_EVENT_HANDLE_READABLE;
    if (cond & G_IO_OUT)
        events |= VIR_EVENT_HANDLE_WRITABLE;
    /* libvirt has no "invalid fd" event: report it as an error */
    if (cond & (G_IO_ERR | G_IO_NVAL))
        events |= VIR_EVENT_HANDLE_ERROR;
    if (cond & G_IO_HUP)
        events |= VIR_EVENT_HANDLE_HANGUP;
    return events;
}


/* Attach @source with @func as callback; the source keeps a reference on
 * @entry and the entry keeps the source. */
static void
virEventGLibEntryAttach(virEventGLibEntry *entry, GSource *source,
                        GSourceFunc func)
{
    g_source_set_callback(source, func, g_rc_box_acquire(entry),
                          g_rc_box_release);
    g_source_attach(source, NULL);
    entry->source = source;
}


static void
virEventGLibEntryDetach(virEventGLibEntry *entry)
{
    if (!entry->source)
        return;
    g_source_destroy(entry->source);
    g_clear_pointer(&entry->source, g_source_unref);
}


static gboolean
virEventGLibFreeIdle(gpointer opaque)
{
    virEventGLibEntry *entry = opaque;

    if (entry->ff)
        entry->ff(entry->opaque);
    return G_SOURCE_REMOVE;
}


/* Take entry @id out of @table and schedule its free callback. */
static int
virEventGLibEntryRemove(GHashTable *table, int id, int priority)
{
    virEventGLibEntry *entry;
    GSource *idle;

    g_mutex_lock(&eventLock);
    if (!(entry = g_hash_table_lookup(table, GINT_TO_POINTER(id)))) {
        g_mutex_unlock(&eventLock);
        VIR_DEBUG("Remove of missing entry %d", id);
        return -1;
    }
    virEventGLibEntryDetach(entry);

    idle = g_idle_source_new();
    g_source_set_priority(idle, priority);
    g_source_set_callback(idle, virEventGLibFreeIdle, g_rc_box_acquire(entry),
                          g_rc_box_release);
    g_source_attach(idle, NULL);
    g_source_unref(idle);

    g_hash_table_remove(table, GINT_TO_POINTER(id));
    g_mutex_unlock(&eventLock);
    return 0;
}


/* ---- handles ---------------------------------------------------------- */

static gboolean
virEventGLibHandleDispatch(int fd G_GNUC_UNUSED, GIOCondition cond,
                           gpointer opaque)
{
    virEventGLibEntry *entry = opaque;
    int events = virEventGLibConditionToEvents(cond);

    VIR_DEBUG("Dispatch handle watch=%d fd=%d events=%d",
              entry->id, entry->fd, events);
    entry->hcb(entry->id, entry->fd, events, entry->opaque);
    return G_SOURCE_CONTINUE;
}


static void
virEventGLibHandleActivate(virEventGLibEntry *entry)
{
    GIOCondition cond = virEventGLibEventsToCondition(entry->events);
    GSource *source = virEventGLibCreateSocketWatch(entry->fd, cond);
    GSourceFunc func = (GSourceFunc)(void (*)(void))virEventGLibHandleDispatch;

    virEventGLibEntryAttach(entry, source, func);
}


static int
virEventGLibHandleAdd(int fd, int events, virEventHandleCallback cb,
                      void *opaque, virFreeCallback ff)
{
    virEventGLibEntry *entry = g_rc_box_new0(virEventGLibEntry);
    int watch;

    entry->fd = fd;
    entry->events = events;
    entry->hcb = cb;
    entry->opaque = opaque;
    entry->ff = ff;

    g_mutex_lock(&eventLock);
    watch = entry->id = nextWatch++;
    if (events != 0)
        virEventGLibHandleActivate(entry);
    g_hash_table_insert(handles, GINT_TO_POINTER(watch), entry);
    g_mutex_unlock(&eventLock);

    VIR_DEBUG("Add handle watch=%d fd=%d events=%d", watch, fd, events);
    return watch;
}


static void
virEventGLibHandleUpdate(int watch, int events)
{
    virEventGLibEntry *entry;

    g_mutex_lock(&eventLock);
    if (!(entry = g_hash_table_lookup(handles, GINT_TO_POINTER(watch)))) {
        g_mutex_unlock(&eventLock);
        VIR_DEBUG("Update of missing handle watch=%d", watch);
        return;
    }
    if (entry->events != events) {
        virEventGLibEntryDetach(entry);
        entry->events = events;
        if (events != 0)
            virEventGLibHandleActivate(entry);
    }
    g_mutex_unlock(&eventLock);
    VIR_DEBUG("Update handle watch=%d events=%d", watch, events);
}


static int
virEventGLibHandleRemove(int watch)
{
    VIR_DEBUG("Remove handle watch=%d", watch);
    return virEventGLibEntryRemove(handles, watch, G_PRIORITY_HIGH);
}


/* ---- timeouts --------------------------------------------------------- */

static gboolean
virEventGLibTimeoutDispatch(gpointer opaque)
{
    virEventGLibEntry *entry = opaque;

    VIR_DEBUG("Dispatch timeout timer=%d", entry->id);
    entry->tcb(entry->id, entry->opaque);
    return G_SOURCE_CONTINUE;
}


static void
virEventGLibTimeoutActivate(virEventGLibEntry *entry)
{
    virEventGLibEntryAttach(entry, g_timeout_source_new(entry->interval),
                            virEventGLibTimeoutDispatch);
}


static int
virEventGLibTimeoutAdd(int interval, virEventTimeoutCallback cb,
                       void *opaque, virFreeCallback ff)
{
    virEventGLibEntry *entry = g_rc_box_new0(virEventGLibEntry);
    int timer;

    entry->fd = -1;
    entry->interval = interval;
    entry->tcb = cb;
    entry->opaque = opaque;
    entry->ff = ff;

    g_mutex_lock(&eventLock);
    timer = entry->id = nextTimer++;
    if (interval >= 0)
        virEventGLibTimeoutActivate(entry);
    g_hash_table_insert(timeouts, GINT_TO_POINTER(timer), entry);
    g_mutex_unlock(&eventLock);

    VIR_DEBUG("Add timeout timer=%d interval=%d", timer, interval);
    return timer;
}


/* Any update to a non-negative interval restarts the timer. */
static void
virEventGLibTimeoutUpdate(int timer, int interval)
{
    virEventGLibEntry *entry;

    g_mutex_lock(&eventLock);
    if (!(entry = g_hash_table_lookup(timeouts, GINT_TO_POINTER(timer)))) {
        g_mutex_unlock(&eventLock);
        VIR_DEBUG("Update of missing timeout timer=%d", timer);
        return;
    }
    virEventGLibEntryDetach(entry);
    entry->interval = interval;
    if (interval >= 0)
        virEventGLibTimeoutActivate(entry);
    g_mutex_unlock(&eventLock);
    VIR_DEBUG("Update timeout timer=%d interval=%d", timer, interval);
}


static int
virEventGLibTimeoutRemove(int timer)
{
    VIR_DEBUG("Remove timeout timer=%d", timer);
    return virEventGLibEntryRemove(timeouts, timer, G_PRIORITY_DEFAULT_IDLE);
}


/* ---- registration and running ----------------------------------------- */

static gpointer
virEventGLibRegisterOnce(gpointer unused G_GNUC_UNUSED)
{
    virEventImpl impl = {
        .addHandle = virEventGLibHandleAdd,
        .updateHandle = virEventGLibHandleUpdate,
        .removeHandle = virEventGLibHandleRemove,
        .addTimeout = virEventGLibTimeoutAdd,
        .updateTimeout = virEventGLibTimeoutUpdate,
        .removeTimeout = virEventGLibTimeoutRemove,
    };

    handles = g_hash_table_new_full(g_direct_hash, g_direct_equal,
                                    NULL, g_rc_box_release);
    timeouts = g_hash_table_new_full(g_direct_hash, g_direct_equal,
                                     NULL, g_rc_box_release);
    virEventSetImpl(&impl);
    return NULL;
}


void
virEventGLibRegister(void)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, virEventGLibRegisterOnce, NULL);
}


int
virEventGLibRunOnce(void)
{
    g_main_context_iteration(NULL, TRUE);
    return 0;
}
