/*
 * object_event.h: events about objects (domains, networks, pools, node
 * devices, secrets) and the callbacks that receive them.
 *
 * A driver keeps one virObjectEventState.  Applications register
 * callbacks through it (per event family, optionally filtered to one
 * object); the driver queues an event whenever something happens, and
 * the queue is flushed from the public event loop (a zero timeout), so
 * callbacks never run inside the driver call that raised the event.
 * Nothing is queued while no callback is registered.
 *
 * Each event family (domain_event.h, network_event.h, ...) subclasses
 * virObjectEvent and supplies the function that calls an application
 * callback of its family with the event's payload.
 *
 * Locking: the state's own lock guards the callback list and the queue;
 * it is dropped while an application callback runs, so a callback may
 * register or deregister callbacks (deregistration during a flush only
 * marks the callback; it is purged when the flush ends).
 *
 * Remote IDs serve the client side of the remote driver: a callback
 * bound to a remote ID (virObjectEventStateSetRemote) receives only
 * events queued with the same ID (virObjectEventStateQueueRemote).
 */
#pragma once

#include "internal.h"
#include "datatypes.h"

typedef struct _virObjectEvent virObjectEvent;
typedef struct _virObjectEventState virObjectEventState;

/* Any family's callback, cast to its real type by the family's dispatcher. */
typedef void (*virConnectObjectEventGenericCallback)(virConnectPtr conn,
                                                     void *obj,
                                                     void *opaque);

/* Call @cb (of @event's family) for the connection @conn. */
typedef void (*virObjectEventDispatchFunc)(virConnectPtr conn,
                                           virObjectEvent *event,
                                           virConnectObjectEventGenericCallback cb,
                                           void *cbopaque);

struct _virObjectEvent {
    virObject parent;
    /* all fields immutable once queued */
    virObjectEventDispatchFunc dispatch;
    int eventID;
    int remoteID;                   /* -1: local event */
    struct {
        char *name;
        unsigned char uuid[VIR_UUID_BUFLEN];
        char *key;                  /* what per-object callbacks match on */
        int id;
    } meta;
};

/* The base class every family's event class derives from. */
virClass *virObjectEventClassGet(void);

/* A new event of @klass (a subclass of the base) about the object with
 * @id, @name, @uuid (may be NULL) and filtering @key. */
void *virObjectEventNew(virClass *klass, virObjectEventDispatchFunc dispatcher,
                        int eventID, int id, const char *name,
                        const unsigned char *uuid, const char *key);

virObjectEventState *virObjectEventStateNew(void);
void virObjectEventStateFree(virObjectEventState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virObjectEventState, virObjectEventStateFree);

/* Queue @event (stolen; NULL is ignored) for delivery from the event
 * loop; dropped at once when no callback is registered. */
void virObjectEventStateQueue(virObjectEventState *state, virObjectEvent *event);
void virObjectEventStateQueueRemote(virObjectEventState *state,
                                    virObjectEvent *event, int remoteID);

/*
 * Register @cb for @eventID events of class @klass, of the object whose
 * key is @key (NULL: every object).  @legacy marks callbacks tracked by
 * function (virConnectDomainEventRegister) rather than by ID.  On
 * success *@callbackID is set and the number of callbacks of this
 * connection now registered for the same class, event and key is
 * returned (with @serverFilter, counting whether a remote registration
 * is still needed, as libvirt's remote driver expects); -1 with an
 * error if the same callback is already registered or no event loop is
 * available.
 */
int virObjectEventStateRegisterID(virConnectPtr conn, virObjectEventState *state,
                                  const char *key, virClass *klass, int eventID,
                                  virConnectObjectEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb,
                                  bool legacy, int *callbackID,
                                  bool serverFilter);

/* Remove callback @callbackID of @conn (calling its free function when
 * @doFreeCb); returns the number of callbacks of the same kind left for
 * @conn, or -1 with an error if there is no such callback. */
int virObjectEventStateDeregisterID(virConnectPtr conn, virObjectEventState *state,
                                    int callbackID, bool doFreeCb);

/* The ID of the legacy callback @callback, or -1 with an error. */
int virObjectEventStateCallbackID(virConnectPtr conn, virObjectEventState *state,
                                  virClass *klass, int eventID,
                                  virConnectObjectEventGenericCallback callback,
                                  int *remoteID);

/* The event ID callback @callbackID listens to, or -1 with an error. */
int virObjectEventStateEventID(virConnectPtr conn, virObjectEventState *state,
                               int callbackID, int *remoteID);

/* Bind callback @callbackID to @remoteID (nothing if there is none). */
void virObjectEventStateSetRemote(virConnectPtr conn, virObjectEventState *state,
                                  int callbackID, int remoteID);

/* Callbacks registered for @conn (any class). */
size_t virObjectEventStateCount(virObjectEventState *state, virConnectPtr conn);
