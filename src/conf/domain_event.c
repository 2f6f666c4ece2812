/*
 * domain_event.c: domain events and their delivery to callbacks.
 *
 * One class carries every kind of domain event: a few generic payload
 * slots, filled by each constructor and read back by the dispatcher,
 * which calls the callback type the event ID stands for.
 */
#include "internal.h"
#include "conf/domain_event.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NONE

typedef struct {
    virObjectEvent parent;

    /* immutable once queued; which slots an event uses depends on its ID */
    int i[3];
    long long ll;
    unsigned long long u[2];
    char *s[4];
    virTypedParameterPtr params;
    int nparams;
    virDomainEventGraphicsAddress *local;
    virDomainEventGraphicsAddress *remote;
    virDomainEventGraphicsSubject *subject;
} virDomainEvent;

static virClass *virDomainEventClass;

static void
virDomainEventGraphicsAddressFree(virDomainEventGraphicsAddress *addr)
{
    if (!addr)
        return;
    g_free(addr->node);
    g_free(addr->service);
    g_free(addr);
}

static void
virDomainEventDispose(void *obj)
{
    virDomainEvent *event = obj;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(event->s); i++)
        g_free(event->s[i]);
    virTypedParamsFree(event->params, event->nparams);
    virDomainEventGraphicsAddressFree(event->local);
    virDomainEventGraphicsAddressFree(event->remote);
    if (event->subject) {
        for (i = 0; i < event->subject->nidentity; i++) {
            g_free(event->subject->identities[i].type);
            g_free(event->subject->identities[i].name);
        }
        g_free(event->subject->identities);
        g_free(event->subject);
    }
}

static virClass *
virDomainEventClassGet(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        virDomainEventClass = VIR_CLASS_NEW(virDomainEvent, virObjectEventClassGet());
        g_once_init_leave(&once, 1);
    }
    return virDomainEventClass;
}

static void
virDomainEventDispatch(virConnectPtr conn, virObjectEvent *obj,
                       virConnectObjectEventGenericCallback cb, void *opaque)
{
    virDomainEvent *ev = (virDomainEvent *)obj;
    virDomainPtr dom = virGetDomain(conn, obj->meta.name, obj->meta.uuid,
                                    obj->meta.id);
    const int *i = ev->i;
    char **s = ev->s;

    if (!dom)
        return;

    switch ((virDomainEventID) obj->eventID) {
    case VIR_DOMAIN_EVENT_ID_LIFECYCLE:
        ((virConnectDomainEventCallback)cb)(conn, dom, i[0], i[1], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_REBOOT:
    case VIR_DOMAIN_EVENT_ID_CONTROL_ERROR:
        ((virConnectDomainEventGenericCallback)cb)(conn, dom, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_RTC_CHANGE:
        ((virConnectDomainEventRTCChangeCallback)cb)(conn, dom, ev->ll, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_WATCHDOG:
        ((virConnectDomainEventWatchdogCallback)cb)(conn, dom, i[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR:
        ((virConnectDomainEventIOErrorCallback)cb)(conn, dom, s[0], s[1], i[0],
                                                   opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON:
        ((virConnectDomainEventIOErrorReasonCallback)cb)(conn, dom, s[0], s[1],
                                                         i[0], s[2], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_GRAPHICS:
        ((virConnectDomainEventGraphicsCallback)cb)(conn, dom, i[0], ev->local,
                                                    ev->remote, s[0],
                                                    ev->subject, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB:
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2:
        ((virConnectDomainEventBlockJobCallback)cb)(conn, dom, s[0], i[0], i[1],
                                                    opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_DISK_CHANGE:
        ((virConnectDomainEventDiskChangeCallback)cb)(conn, dom, s[0], s[1], s[2],
                                                      i[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_TRAY_CHANGE:
        ((virConnectDomainEventTrayChangeCallback)cb)(conn, dom, s[0], i[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_PMWAKEUP:
    case VIR_DOMAIN_EVENT_ID_PMSUSPEND:
    case VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK:
        /* the three share one callback shape */
        ((virConnectDomainEventPMWakeupCallback)cb)(conn, dom, i[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE:
        ((virConnectDomainEventBalloonChangeCallback)cb)(conn, dom, ev->u[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_ADDED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED:
        ((virConnectDomainEventDeviceRemovedCallback)cb)(conn, dom, s[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_TUNABLE:
    case VIR_DOMAIN_EVENT_ID_JOB_COMPLETED:
        ((virConnectDomainEventTunableCallback)cb)(conn, dom, ev->params,
                                                   ev->nparams, opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE:
        ((virConnectDomainEventAgentLifecycleCallback)cb)(conn, dom, i[0], i[1],
                                                          opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION:
        ((virConnectDomainEventMigrationIterationCallback)cb)(conn, dom, i[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_METADATA_CHANGE:
        ((virConnectDomainEventMetadataChangeCallback)cb)(conn, dom, i[0], s[0],
                                                          opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD:
        ((virConnectDomainEventBlockThresholdCallback)cb)(conn, dom, s[0], s[1],
                                                          ev->u[0], ev->u[1],
                                                          opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE:
        ((virConnectDomainEventMemoryFailureCallback)cb)(conn, dom, i[0], i[1],
                                                         (unsigned int)i[2], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE:
        ((virConnectDomainEventMemoryDeviceSizeChangeCallback)cb)(conn, dom, s[0],
                                                                  ev->u[0], opaque);
        break;
    case VIR_DOMAIN_EVENT_ID_LAST:
        break;
    }
    virObjectUnref(dom);
}

static virDomainEvent *
virDomainEventNew(int eventID, VIR_DOMAIN_EVENT_ARGS)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virUUIDFormat(uuid, uuidstr);
    return virObjectEventNew(virDomainEventClassGet(), virDomainEventDispatch,
                             eventID, id, name, uuid, uuidstr);
}

/* Events whose payload is a few ints and strings. */
static virObjectEvent *
virDomainEventNewIS(int eventID, VIR_DOMAIN_EVENT_ARGS, int i0, int i1,
                    const char *s0, const char *s1, const char *s2)
{
    virDomainEvent *ev = virDomainEventNew(eventID, id, name, uuid);

    ev->i[0] = i0;
    ev->i[1] = i1;
    ev->s[0] = g_strdup(s0);
    ev->s[1] = g_strdup(s1);
    ev->s[2] = g_strdup(s2);
    return &ev->parent;
}

virObjectEvent *
virDomainEventLifecycleNew(VIR_DOMAIN_EVENT_ARGS, int type, int detail)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_LIFECYCLE, id, name, uuid,
                               type, detail, NULL, NULL, NULL);
}

virObjectEvent *
virDomainEventRebootNew(VIR_DOMAIN_EVENT_ARGS)
{
    return &virDomainEventNew(VIR_DOMAIN_EVENT_ID_REBOOT, id, name, uuid)->parent;
}

virObjectEvent *
virDomainEventRTCChangeNew(VIR_DOMAIN_EVENT_ARGS, long long offset)
{
    virDomainEvent *ev = virDomainEventNew(VIR_DOMAIN_EVENT_ID_RTC_CHANGE,
                                           id, name, uuid);

    ev->ll = offset;
    return &ev->parent;
}

virObjectEvent *
virDomainEventWatchdogNew(VIR_DOMAIN_EVENT_ARGS, int action)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_WATCHDOG, id, name, uuid,
                               action, 0, NULL, NULL, NULL);
}

virObjectEvent *
virDomainEventIOErrorNew(VIR_DOMAIN_EVENT_ARGS, const char *srcPath,
                         const char *devAlias, int action)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_IO_ERROR, id, name, uuid,
                               action, 0, srcPath, devAlias, NULL);
}

virObjectEvent *
virDomainEventIOErrorReasonNew(VIR_DOMAIN_EVENT_ARGS, const char *srcPath,
                               const char *devAlias, int action,
                               const char *reason)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON, id, name,
                               uuid, action, 0, srcPath, devAlias, reason);
}

static virDomainEventGraphicsAddress *
virDomainEventGraphicsAddressCopy(const virDomainEventGraphicsAddress *addr)
{
    virDomainEventGraphicsAddress *copy;

    if (!addr)
        return NULL;
    copy = g_new0(virDomainEventGraphicsAddress, 1);
    copy->family = addr->family;
    copy->node = g_strdup(addr->node);
    copy->service = g_strdup(addr->service);
    return copy;
}

virObjectEvent *
virDomainEventGraphicsNew(VIR_DOMAIN_EVENT_ARGS, int phase,
                          const virDomainEventGraphicsAddress *local,
                          const virDomainEventGraphicsAddress *remote,
                          const char *authScheme,
                          const virDomainEventGraphicsSubject *subject)
{
    virDomainEvent *ev = virDomainEventNew(VIR_DOMAIN_EVENT_ID_GRAPHICS,
                                           id, name, uuid);
    int n;

    ev->i[0] = phase;
    ev->local = virDomainEventGraphicsAddressCopy(local);
    ev->remote = virDomainEventGraphicsAddressCopy(remote);
    ev->s[0] = g_strdup(authScheme);
    if (subject) {
        ev->subject = g_new0(virDomainEventGraphicsSubject, 1);
        ev->subject->nidentity = subject->nidentity;
        ev->subject->identities = g_new0(virDomainEventGraphicsSubjectIdentity,
                                         MAX(subject->nidentity, 1));
        for (n = 0; n < subject->nidentity; n++) {
            ev->subject->identities[n].type = g_strdup(subject->identities[n].type);
            ev->subject->identities[n].name = g_strdup(subject->identities[n].name);
        }
    }
    return &ev->parent;
}

virObjectEvent *
virDomainEventControlErrorNew(VIR_DOMAIN_EVENT_ARGS)
{
    return &virDomainEventNew(VIR_DOMAIN_EVENT_ID_CONTROL_ERROR,
                              id, name, uuid)->parent;
}

virObjectEvent *
virDomainEventBlockJobNew(VIR_DOMAIN_EVENT_ARGS, bool v2, const char *disk,
                          int type, int status)
{
    return virDomainEventNewIS(v2 ? VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 :
                               VIR_DOMAIN_EVENT_ID_BLOCK_JOB, id, name, uuid,
                               type, status, disk, NULL, NULL);
}

virObjectEvent *
virDomainEventDiskChangeNew(VIR_DOMAIN_EVENT_ARGS, const char *oldSrcPath,
                            const char *newSrcPath, const char *devAlias,
                            int reason)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_DISK_CHANGE, id, name, uuid,
                               reason, 0, oldSrcPath, newSrcPath, devAlias);
}

virObjectEvent *
virDomainEventTrayChangeNew(VIR_DOMAIN_EVENT_ARGS, const char *devAlias,
                            int reason)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, id, name, uuid,
                               reason, 0, devAlias, NULL, NULL);
}

virObjectEvent *
virDomainEventPMWakeupNew(VIR_DOMAIN_EVENT_ARGS, int reason)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_PMWAKEUP, id, name, uuid,
                               reason, 0, NULL, NULL, NULL);
}

virObjectEvent *
virDomainEventPMSuspendNew(VIR_DOMAIN_EVENT_ARGS, int reason)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_PMSUSPEND, id, name, uuid,
                               reason, 0, NULL, NULL, NULL);
}

virObjectEvent *
virDomainEventPMSuspendDiskNew(VIR_DOMAIN_EVENT_ARGS, int reason)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK, id, name,
                               uuid, reason, 0, NULL, NULL, NULL);
}

virObjectEvent *
virDomainEventBalloonChangeNew(VIR_DOMAIN_EVENT_ARGS, unsigned long long actual)
{
    virDomainEvent *ev = virDomainEventNew(VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE,
                                           id, name, uuid);

    ev->u[0] = actual;
    return &ev->parent;
}

virObjectEvent *
virDomainEventDeviceRemovedNew(VIR_DOMAIN_EVENT_ARGS, const char *devAlias)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, id, name,
                               uuid, 0, 0, devAlias, NULL, NULL);
}

virObjectEvent *
virDomainEventDeviceAddedNew(VIR_DOMAIN_EVENT_ARGS, const char *devAlias)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, id, name,
                               uuid, 0, 0, devAlias, NULL, NULL);
}

virObjectEvent *
virDomainEventDeviceRemovalFailedNew(VIR_DOMAIN_EVENT_ARGS, const char *devAlias)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED, id,
                               name, uuid, 0, 0, devAlias, NULL, NULL);
}

static virObjectEvent *
virDomainEventNewParams(int eventID, VIR_DOMAIN_EVENT_ARGS,
                        virTypedParameterPtr params, int nparams)
{
    virDomainEvent *ev = virDomainEventNew(eventID, id, name, uuid);

    ev->params = params;
    ev->nparams = nparams;
    return &ev->parent;
}

virObjectEvent *
virDomainEventTunableNew(VIR_DOMAIN_EVENT_ARGS, virTypedParameterPtr params,
                         int nparams)
{
    return virDomainEventNewParams(VIR_DOMAIN_EVENT_ID_TUNABLE, id, name, uuid,
                                   params, nparams);
}

virObjectEvent *
virDomainEventJobCompletedNew(VIR_DOMAIN_EVENT_ARGS, virTypedParameterPtr params,
                              int nparams)
{
    return virDomainEventNewParams(VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, id, name,
                                   uuid, params, nparams);
}

virObjectEvent *
virDomainEventAgentLifecycleNew(VIR_DOMAIN_EVENT_ARGS, int state, int reason)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE, id, name,
                               uuid, state, reason, NULL, NULL, NULL);
}

virObjectEvent *
virDomainEventMigrationIterationNew(VIR_DOMAIN_EVENT_ARGS, int iteration)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION, id,
                               name, uuid, iteration, 0, NULL, NULL, NULL);
}

virObjectEvent *
virDomainEventMetadataChangeNew(VIR_DOMAIN_EVENT_ARGS, int type, const char *nsuri)
{
    return virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, id, name,
                               uuid, type, 0, nsuri, NULL, NULL);
}

virObjectEvent *
virDomainEventBlockThresholdNew(VIR_DOMAIN_EVENT_ARGS, const char *dev,
                                const char *path, unsigned long long threshold,
                                unsigned long long excess)
{
    virDomainEvent *ev = (virDomainEvent *)
        virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD, id, name, uuid,
                            0, 0, dev, path, NULL);

    ev->u[0] = threshold;
    ev->u[1] = excess;
    return &ev->parent;
}

virObjectEvent *
virDomainEventMemoryFailureNew(VIR_DOMAIN_EVENT_ARGS, int recipient, int action,
                               unsigned int flags)
{
    virDomainEvent *ev = (virDomainEvent *)
        virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE, id, name, uuid,
                            recipient, action, NULL, NULL, NULL);

    ev->i[2] = (int)flags;
    return &ev->parent;
}

virObjectEvent *
virDomainEventMemoryDeviceSizeChangeNew(VIR_DOMAIN_EVENT_ARGS, const char *alias,
                                        unsigned long long size)
{
    virDomainEvent *ev = (virDomainEvent *)
        virDomainEventNewIS(VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE, id,
                            name, uuid, 0, 0, alias, NULL, NULL);

    ev->u[0] = size;
    return &ev->parent;
}

int
virDomainEventStateRegisterClient(virConnectPtr conn, virObjectEventState *state,
                                  virDomainPtr dom, int eventID,
                                  virConnectDomainEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb,
                                  bool legacy, int *callbackID, bool remoteFilter)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (dom)
        virUUIDFormat(dom->uuid, uuidstr);
    return virObjectEventStateRegisterID(conn, state, dom ? uuidstr : NULL,
                                         virDomainEventClassGet(), eventID,
                                         (virConnectObjectEventGenericCallback)cb,
                                         opaque, freecb, legacy, callbackID,
                                         remoteFilter);
}

int
virDomainEventStateRegisterID(virConnectPtr conn, virObjectEventState *state,
                              virDomainPtr dom, int eventID,
                              virConnectDomainEventGenericCallback cb,
                              void *opaque, virFreeCallback freecb,
                              int *callbackID)
{
    return virDomainEventStateRegisterClient(conn, state, dom, eventID, cb,
                                             opaque, freecb, false, callbackID,
                                             false);
}

int
virDomainEventStateRegister(virConnectPtr conn, virObjectEventState *state,
                            virConnectDomainEventCallback callback,
                            void *opaque, virFreeCallback freecb)
{
    int callbackID;

    return virDomainEventStateRegisterClient(conn, state, NULL,
                                             VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                             VIR_DOMAIN_EVENT_CALLBACK(callback),
                                             opaque, freecb, true, &callbackID,
                                             false);
}

int
virDomainEventStateCallbackID(virConnectPtr conn, virObjectEventState *state,
                              virConnectDomainEventCallback callback, int *remoteID)
{
    return virObjectEventStateCallbackID(conn, state, virDomainEventClassGet(),
                                         VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                         (virConnectObjectEventGenericCallback)callback,
                                         remoteID);
}

int
virDomainEventStateDeregister(virConnectPtr conn, virObjectEventState *state,
                              virConnectDomainEventCallback callback)
{
    int callbackID = virObjectEventStateCallbackID(conn, state,
                                                   virDomainEventClassGet(),
                                                   VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                   (virConnectObjectEventGenericCallback)callback,
                                                   NULL);

    if (callbackID < 0)
        return -1;
    return virObjectEventStateDeregisterID(conn, state, callbackID, true);
}
