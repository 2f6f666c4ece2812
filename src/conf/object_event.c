/*
 * object_event.c: the event queue and callback list every driver keeps.
 */
#include "internal.h"
#include "conf/object_event.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("conf.object_event");

typedef struct {
    int callbackID;
    virClass *klass;
    int eventID;
    virConnectPtr conn;             /* referenced */
    int remoteID;
    char *key;                      /* NULL: every object */
    virConnectObjectEventGenericCallback cb;
    void *opaque;
    virFreeCallback freecb;
    bool legacy;
    bool deleted;                   /* deregistered during a flush */
} virObjectEventCallback;

struct _virObjectEventState {
    virObjectLockable parent;

    /* all fields guarded by the object lock */
    GPtrArray *callbacks;           /* of virObjectEventCallback */
    int nextID;
    GPtrArray *queue;               /* of virObjectEvent, referenced */
    int timer;                      /* -1 while no callback is registered */
    bool dispatching;
    GThread *dispatcher;            /* the thread of that flush */
    GCond flushed;                  /* broadcast when a flush ends */
};

static virClass *virObjectEventClass;
static virClass *virObjectEventStateClass;

static void
virObjectEventDispose(void *obj)
{
    virObjectEvent *event = obj;

    g_free(event->meta.name);
    g_free(event->meta.key);
}

static void
virObjectEventStateDispose(void *obj)
{
    virObjectEventState *state = obj;

    g_ptr_array_unref(state->callbacks);
    g_ptr_array_unref(state->queue);
    g_cond_clear(&state->flushed);
}

static void
virObjectEventCallbackFree(void *opaque)
{
    virObjectEventCallback *cb = opaque;

    virObjectUnref(cb->conn);
    g_free(cb->key);
    g_free(cb);
}

static void
virObjectEventClassesInit(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        virObjectEventClass = virClassNew(virClassForObject(), "virObjectEvent",
                                          sizeof(virObjectEvent), sizeof(virObject),
                                          virObjectEventDispose);
        virObjectEventStateClass = VIR_CLASS_NEW(virObjectEventState,
                                                 virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
}

virClass *
virObjectEventClassGet(void)
{
    virObjectEventClassesInit();
    return virObjectEventClass;
}

void *
virObjectEventNew(virClass *klass, virObjectEventDispatchFunc dispatcher,
                  int eventID, int id, const char *name,
                  const unsigned char *uuid, const char *key)
{
    virObjectEvent *event = virObjectNew(klass);

    if (!event)
        return NULL;
    event->dispatch = dispatcher;
    event->eventID = eventID;
    event->remoteID = -1;
    event->meta.id = id;
    event->meta.name = g_strdup(name);
    event->meta.key = g_strdup(key);
    if (uuid)
        memcpy(event->meta.uuid, uuid, VIR_UUID_BUFLEN);
    return event;
}

virObjectEventState *
virObjectEventStateNew(void)
{
    virObjectEventState *state;

    virObjectEventClassesInit();
    state = virObjectLockableNew(virObjectEventStateClass);
    g_cond_init(&state->flushed);
    state->callbacks = g_ptr_array_new_with_free_func(virObjectEventCallbackFree);
    state->queue = g_ptr_array_new_with_free_func(virObjectUnref);
    state->timer = -1;
    return state;
}

void
virObjectEventStateFree(virObjectEventState *state)
{
    virObjectUnref(state);
}

static bool
virObjectEventCallbackMatches(const virObjectEventCallback *cb,
                              virObjectEvent *event)
{
    if (cb->deleted || cb->eventID != event->eventID ||
        cb->remoteID != event->remoteID ||
        !virObjectIsClass(event, cb->klass))
        return false;
    return !cb->key || g_strcmp0(cb->key, event->meta.key) == 0;
}

/* Drop the timer (and anything queued) once no callback is left. */
static void
virObjectEventStateCleanupTimer(virObjectEventState *state)
{
    if (state->dispatching || state->callbacks->len > 0 || state->timer == -1)
        return;
    virEventRemoveTimeout(state->timer);
    state->timer = -1;
    g_ptr_array_set_size(state->queue, 0);
}

/* Deliver the queued events; runs from the event loop, state unlocked. */
static void
virObjectEventStateFlush(virObjectEventState *state)
{
    g_autoptr(GPtrArray) events = NULL;
    size_t i, j;

    virObjectRef(state);
    virObjectLock(state);
    events = g_steal_pointer(&state->queue);
    state->queue = g_ptr_array_new_with_free_func(virObjectUnref);
    if (state->timer != -1)
        virEventUpdateTimeout(state->timer, -1);
    state->dispatching = true;
    state->dispatcher = g_thread_self();

    for (i = 0; i < events->len; i++) {
        virObjectEvent *event = g_ptr_array_index(events, i);
        /* callbacks added by a callback see only later events */
        size_t ncb = state->callbacks->len;

        for (j = 0; j < ncb; j++) {
            virObjectEventCallback *cb = g_ptr_array_index(state->callbacks, j);
            virConnectPtr conn;
            virConnectObjectEventGenericCallback fn;
            void *opaque;

            if (!virObjectEventCallbackMatches(cb, event))
                continue;
            conn = virObjectRef(cb->conn);
            fn = cb->cb;
            opaque = cb->opaque;
            virObjectUnlock(state);
            event->dispatch(conn, event, fn, opaque);
            virObjectUnref(conn);
            virObjectLock(state);
        }
    }

    /* purge what was deregistered while we dispatched */
    for (i = state->callbacks->len; i > 0; i--) {
        virObjectEventCallback *cb = g_ptr_array_index(state->callbacks, i - 1);

        if (cb->deleted) {
            if (cb->freecb)
                cb->freecb(cb->opaque);
            g_ptr_array_remove_index(state->callbacks, i - 1);
        }
    }
    state->dispatching = false;
    state->dispatcher = NULL;
    g_cond_broadcast(&state->flushed);
    virObjectEventStateCleanupTimer(state);
    virObjectUnlock(state);
    virObjectUnref(state);
}

static void
virObjectEventTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virObjectEventStateFlush(opaque);
}

void
virObjectEventStateQueueRemote(virObjectEventState *state,
                               virObjectEvent *event, int remoteID)
{
    if (!event)
        return;
    virObjectLock(state);
    if (state->timer < 0) {
        /* nobody listens */
        virObjectUnlock(state);
        virObjectUnref(event);
        return;
    }
    event->remoteID = remoteID;
    g_ptr_array_add(state->queue, event);
    if (state->queue->len == 1)
        virEventUpdateTimeout(state->timer, 0);
    virObjectUnlock(state);
}

void
virObjectEventStateQueue(virObjectEventState *state, virObjectEvent *event)
{
    virObjectEventStateQueueRemote(state, event, -1);
}

/* The live callback of @conn matching the other arguments, or NULL. */
static virObjectEventCallback *
virObjectEventCallbackLookup(virObjectEventState *state, virConnectPtr conn,
                             const char *key, virClass *klass, int eventID,
                             virConnectObjectEventGenericCallback callback,
                             bool legacy, int *remoteID)
{
    size_t i;

    if (remoteID)
        *remoteID = -1;
    for (i = 0; i < state->callbacks->len; i++) {
        virObjectEventCallback *cb = g_ptr_array_index(state->callbacks, i);

        if (cb->deleted || cb->klass != klass || cb->eventID != eventID ||
            cb->conn != conn || g_strcmp0(cb->key, key) != 0)
            continue;
        if (remoteID)
            *remoteID = cb->remoteID;
        if (cb->legacy == legacy && cb->cb == callback)
            return cb;
    }
    return NULL;
}

/* Live callbacks of @conn for @klass/@eventID; with @serverFilter only
 * those for the same @key already bound to a remote registration (what
 * the remote driver needs to know when to (de)register on the server). */
static int
virObjectEventCallbackCount(virObjectEventState *state, virConnectPtr conn,
                            virClass *klass, int eventID, const char *key,
                            bool serverFilter)
{
    size_t i;
    int n = 0;

    for (i = 0; i < state->callbacks->len; i++) {
        virObjectEventCallback *cb = g_ptr_array_index(state->callbacks, i);

        if (cb->deleted || cb->klass != klass || cb->eventID != eventID ||
            cb->conn != conn)
            continue;
        if (serverFilter && (cb->remoteID < 0 || g_strcmp0(cb->key, key) != 0))
            continue;
        n++;
    }
    return n;
}

int
virObjectEventStateRegisterID(virConnectPtr conn, virObjectEventState *state,
                              const char *key, virClass *klass, int eventID,
                              virConnectObjectEventGenericCallback callback,
                              void *opaque, virFreeCallback freecb,
                              bool legacy, int *callbackID, bool serverFilter)
{
    virObjectEventCallback *cb;
    int remoteID = -1;
    int ret = -1;

    virObjectLock(state);
    if (state->timer == -1) {
        /* the timer holds a reference on the state */
        state->timer = virEventAddTimeout(-1, virObjectEventTimer,
                                          virObjectRef(state), virObjectUnref);
        if (state->timer < 0) {
            state->timer = -1;
            virObjectUnref(state);
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "could not initialize domain event timer");
            goto cleanup;
        }
    }
    if (virObjectEventCallbackLookup(state, conn, key, klass, eventID,
                                     callback, legacy,
                                     serverFilter ? &remoteID : NULL)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "event callback already tracked");
        virObjectEventStateCleanupTimer(state);
        goto cleanup;
    }
    cb = g_new0(virObjectEventCallback, 1);
    cb->callbackID = state->nextID++;
    cb->klass = klass;
    cb->eventID = eventID;
    cb->conn = virObjectRef(conn);
    cb->remoteID = remoteID;
    cb->key = g_strdup(key);
    cb->cb = callback;
    cb->opaque = opaque;
    cb->freecb = freecb;
    cb->legacy = legacy;
    g_ptr_array_add(state->callbacks, cb);
    *callbackID = cb->callbackID;

    ret = virObjectEventCallbackCount(state, conn, klass, eventID, key,
                                      serverFilter);
    if (serverFilter && remoteID < 0)
        ret++;
 cleanup:
    virObjectUnlock(state);
    return ret;
}

/* The index of live callback @callbackID of @conn, or -1. */
static int
virObjectEventCallbackIndex(virObjectEventState *state, virConnectPtr conn,
                            int callbackID)
{
    size_t i;

    for (i = 0; i < state->callbacks->len; i++) {
        virObjectEventCallback *cb = g_ptr_array_index(state->callbacks, i);

        if (!cb->deleted && cb->callbackID == callbackID && cb->conn == conn)
            return i;
    }
    return -1;
}

int
virObjectEventStateDeregisterID(virConnectPtr conn, virObjectEventState *state,
                                int callbackID, bool doFreeCb)
{
    virObjectEventCallback *cb;
    int idx;
    int ret = -1;

    virObjectLock(state);
    if ((idx = virObjectEventCallbackIndex(state, conn, callbackID)) < 0) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "could not find event callback %d for deletion",
                       callbackID);
        goto cleanup;
    }
    cb = g_ptr_array_index(state->callbacks, idx);
    cb->deleted = true;
    ret = virObjectEventCallbackCount(state, conn, cb->klass, cb->eventID,
                                      cb->key, cb->remoteID >= 0);
    if (!doFreeCb)
        cb->freecb = NULL;
    if (!state->dispatching) {
        if (cb->freecb)
            cb->freecb(cb->opaque);
        g_ptr_array_remove_index(state->callbacks, idx);
    } else if (state->dispatcher != g_thread_self()) {
        /* Another thread may be inside this very callback, holding the
         * object handle it was given (and so the connection), or about
         * to call it.  Wait for that flush to end and purge it: once we
         * return, nothing of the callback runs and its opaque may go
         * (virsh closes the connection right after; the daemon frees
         * the opaque). */
        while (state->dispatching)
            g_cond_wait(&state->flushed, &state->parent.lock);
    }
    /* else: deregistered from a callback: the flush purges it (and frees
     * its opaque) at its end */
    virObjectEventStateCleanupTimer(state);
 cleanup:
    virObjectUnlock(state);
    return ret;
}

int
virObjectEventStateCallbackID(virConnectPtr conn, virObjectEventState *state,
                              virClass *klass, int eventID,
                              virConnectObjectEventGenericCallback callback,
                              int *remoteID)
{
    virObjectEventCallback *cb;
    int ret = -1;

    VIR_WITH_OBJECT_LOCK_GUARD(state) {
        if ((cb = virObjectEventCallbackLookup(state, conn, NULL, klass, eventID,
                                               callback, true, remoteID)))
            ret = cb->callbackID;
    }
    if (ret < 0)
        virReportError(VIR_ERR_INVALID_ARG,
                       "event callback function %p not registered", callback);
    return ret;
}

int
virObjectEventStateEventID(virConnectPtr conn, virObjectEventState *state,
                           int callbackID, int *remoteID)
{
    int ret = -1;
    int idx;

    VIR_WITH_OBJECT_LOCK_GUARD(state) {
        if ((idx = virObjectEventCallbackIndex(state, conn, callbackID)) >= 0) {
            virObjectEventCallback *cb = g_ptr_array_index(state->callbacks, idx);

            if (remoteID)
                *remoteID = cb->remoteID;
            ret = cb->eventID;
        }
    }
    if (ret < 0)
        virReportError(VIR_ERR_INVALID_ARG,
                       "event callback id %d not registered", callbackID);
    return ret;
}

void
virObjectEventStateSetRemote(virConnectPtr conn, virObjectEventState *state,
                             int callbackID, int remoteID)
{
    int idx;

    VIR_WITH_OBJECT_LOCK_GUARD(state) {
        if ((idx = virObjectEventCallbackIndex(state, conn, callbackID)) >= 0) {
            virObjectEventCallback *cb = g_ptr_array_index(state->callbacks, idx);

            cb->remoteID = remoteID;
        }
    }
}

size_t
virObjectEventStateCount(virObjectEventState *state, virConnectPtr conn)
{
    size_t i, n = 0;

    VIR_WITH_OBJECT_LOCK_GUARD(state) {
        for (i = 0; i < state->callbacks->len; i++) {
            virObjectEventCallback *cb = g_ptr_array_index(state->callbacks, i);

            n += !cb->deleted && cb->conn == conn;
        }
    }
    return n;
}
