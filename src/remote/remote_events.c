/*
 * remote_events.c: events of the daemon relayed to the client's event
 * loop.
 *
 * Registration keeps the callbacks in the connection's event state and
 * asks the daemon for events when the first callback of a kind comes
 * (and stops them when the last goes).  With a daemon that filters per
 * callback (REMOTE_EVENT_CALLBACK, every daemon since libvirt 1.2.1),
 * the daemon's callback ID binds the local callbacks to their messages;
 * with an older one the legacy procedures carry no ID.  Each message is
 * decoded into the family's event and queued, and the event state
 * delivers it from the event loop.
 */
#include "internal.h"
#include "remote/remote_client.h"
#include "conf/domain_event.h"
#include "conf/family_event.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

VIR_LOG_INIT("remote.events");

#define UUID(wire) ((const unsigned char *)(wire))

static void
remoteQueue(virConnectPtr conn, virObjectEvent *event, int callbackID)
{
    remotePrivate *priv = conn->privateData;

    if (!priv || !priv->eventState) {
        virObjectUnref(event);
        return;
    }
    virObjectEventStateQueueRemote(priv->eventState, event, callbackID);
}

/* ---- domain event messages ---------------------------------------- */

/* Each message struct carries the domain and the event's fields; the
 * callback variants wrap it with a callback ID (and, for the power
 * management events, a reason). */
#define DOM(m) (m)->dom.id, (m)->dom.name, UUID((m)->dom.uuid)

#define DOMAIN_EVENT(name, base, build) \
    static void \
    remoteEvent##name(virNetClientProgram *prog G_GNUC_UNUSED, \
                      virNetClient *client G_GNUC_UNUSED, void *evdata, void *opaque) \
    { \
        remote_domain_event_##base##_msg *m = evdata; \
        remoteQueue(opaque, build, -1); \
    } \
    static void \
    remoteEventCallback##name(virNetClientProgram *prog G_GNUC_UNUSED, \
                              virNetClient *client G_GNUC_UNUSED, void *evdata, \
                              void *opaque) \
    { \
        remote_domain_event_callback_##base##_msg *w = evdata; \
        remote_domain_event_##base##_msg *m = &w->msg; \
        remoteQueue(opaque, build, w->callbackID); \
    }

DOMAIN_EVENT(Lifecycle, lifecycle,
             virDomainEventLifecycleNew(DOM(m), m->event, m->detail))
DOMAIN_EVENT(Reboot, reboot, virDomainEventRebootNew(DOM(m)))
DOMAIN_EVENT(RTCChange, rtc_change,
             virDomainEventRTCChangeNew(DOM(m), m->offset))
DOMAIN_EVENT(Watchdog, watchdog,
             virDomainEventWatchdogNew(DOM(m), m->action))
DOMAIN_EVENT(IOError, io_error,
             virDomainEventIOErrorNew(DOM(m), m->srcPath, m->devAlias, m->action))
DOMAIN_EVENT(IOErrorReason, io_error_reason,
             virDomainEventIOErrorReasonNew(DOM(m), m->srcPath, m->devAlias, m->action,
                                            m->reason))
DOMAIN_EVENT(ControlError, control_error,
             virDomainEventControlErrorNew(DOM(m)))
DOMAIN_EVENT(BlockJob, block_job,
             virDomainEventBlockJobNew(DOM(m), false, m->path, m->type, m->status))
DOMAIN_EVENT(DiskChange, disk_change,
             virDomainEventDiskChangeNew(DOM(m), m->oldSrcPath ? *m->oldSrcPath : NULL,
                                         m->newSrcPath ? *m->newSrcPath : NULL,
                                         m->devAlias, m->reason))
DOMAIN_EVENT(TrayChange, tray_change,
             virDomainEventTrayChangeNew(DOM(m), m->devAlias, m->reason))
DOMAIN_EVENT(BalloonChange, balloon_change,
             virDomainEventBalloonChangeNew(DOM(m), m->actual))
DOMAIN_EVENT(DeviceRemoved, device_removed,
             virDomainEventDeviceRemovedNew(DOM(m), m->devAlias))

static virObjectEvent *
remoteGraphicsEvent(remote_domain_event_graphics_msg *m)
{
    virDomainEventGraphicsAddress local = { m->local.family, m->local.node,
                                            m->local.service };
    virDomainEventGraphicsAddress remote = { m->remote.family, m->remote.node,
                                             m->remote.service };
    virDomainEventGraphicsSubject subject = { m->subject.subject_len, NULL };
    g_autofree virDomainEventGraphicsSubjectIdentity *ids =
        g_new0(virDomainEventGraphicsSubjectIdentity, MAX(m->subject.subject_len, 1));
    unsigned int i;

    for (i = 0; i < m->subject.subject_len; i++) {
        ids[i].type = m->subject.subject_val[i].type;
        ids[i].name = m->subject.subject_val[i].name;
    }
    subject.identities = ids;
    return virDomainEventGraphicsNew(DOM(m), m->phase, &local, &remote, m->authScheme,
                                     &subject);
}

DOMAIN_EVENT(Graphics, graphics, remoteGraphicsEvent(m))

/* Power management: the callback variants add a reason. */
#define PM_EVENT(name, base, ctor) \
    static void \
    remoteEvent##name(virNetClientProgram *prog G_GNUC_UNUSED, \
                      virNetClient *client G_GNUC_UNUSED, void *evdata, void *opaque) \
    { \
        remote_domain_event_##base##_msg *m = evdata; \
        remoteQueue(opaque, ctor(DOM(m), 0), -1); \
    } \
    static void \
    remoteEventCallback##name(virNetClientProgram *prog G_GNUC_UNUSED, \
                              virNetClient *client G_GNUC_UNUSED, void *evdata, \
                              void *opaque) \
    { \
        remote_domain_event_callback_##base##_msg *w = evdata; \
        remoteQueue(opaque, ctor(DOM(&w->msg), w->reason), w->callbackID); \
    }

PM_EVENT(PMWakeup, pmwakeup, virDomainEventPMWakeupNew)
PM_EVENT(PMSuspend, pmsuspend, virDomainEventPMSuspendNew)
PM_EVENT(PMSuspendDisk, pmsuspend_disk,
         virDomainEventPMSuspendDiskNew)

/* Events that only exist with a callback ID. */
#define CALLBACK_EVENT(name, type, build) \
    static void \
    remoteEvent##name(virNetClientProgram *prog G_GNUC_UNUSED, \
                      virNetClient *client G_GNUC_UNUSED, void *evdata, void *opaque) \
    { \
        type *m = evdata; \
        remoteQueue(opaque, build, m->callbackID); \
    }

static virObjectEvent *
remoteParamsEvent(remote_nonnull_domain *dom, remote_typed_param *val, unsigned int len,
                  int limit, bool tunable)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;

    if (remoteDeserializeTypedParams(val, len, limit, &params, &nparams) < 0) {
        VIR_WARN("bad event parameters: %s", virGetLastErrorMessage());
        virResetLastError();
        return NULL;
    }
    if (tunable)
        return virDomainEventTunableNew(dom->id, dom->name, UUID(dom->uuid), params, nparams);
    return virDomainEventJobCompletedNew(dom->id, dom->name, UUID(dom->uuid), params, nparams);
}

CALLBACK_EVENT(BlockJob2, remote_domain_event_block_job_2_msg,
               virDomainEventBlockJobNew(DOM(m), true, m->dst, m->type, m->status))
CALLBACK_EVENT(Tunable, remote_domain_event_callback_tunable_msg,
               remoteParamsEvent(&m->dom, m->params.params_val, m->params.params_len,
                                 REMOTE_DOMAIN_EVENT_TUNABLE_MAX, true))
CALLBACK_EVENT(AgentLifecycle, remote_domain_event_callback_agent_lifecycle_msg,
               virDomainEventAgentLifecycleNew(DOM(m), m->state, m->reason))
CALLBACK_EVENT(DeviceAdded, remote_domain_event_callback_device_added_msg,
               virDomainEventDeviceAddedNew(DOM(m), m->devAlias))
CALLBACK_EVENT(MigrationIteration, remote_domain_event_callback_migration_iteration_msg,
               virDomainEventMigrationIterationNew(DOM(m), m->iteration))
CALLBACK_EVENT(JobCompleted, remote_domain_event_callback_job_completed_msg,
               remoteParamsEvent(&m->dom, m->params.params_val, m->params.params_len,
                                 REMOTE_DOMAIN_JOB_STATS_MAX, false))
CALLBACK_EVENT(DeviceRemovalFailed, remote_domain_event_callback_device_removal_failed_msg,
               virDomainEventDeviceRemovalFailedNew(DOM(m), m->devAlias))
CALLBACK_EVENT(MetadataChange, remote_domain_event_callback_metadata_change_msg,
               virDomainEventMetadataChangeNew(DOM(m), m->type, m->nsuri ? *m->nsuri : NULL))
CALLBACK_EVENT(BlockThreshold, remote_domain_event_block_threshold_msg,
               virDomainEventBlockThresholdNew(DOM(m), m->dev, m->path ? *m->path : NULL,
                                               m->threshold, m->excess))
CALLBACK_EVENT(MemoryFailure, remote_domain_event_memory_failure_msg,
               virDomainEventMemoryFailureNew(DOM(m), m->recipient, m->action, m->flags))
CALLBACK_EVENT(MemoryDeviceSizeChange, remote_domain_event_memory_device_size_change_msg,
               virDomainEventMemoryDeviceSizeChangeNew(DOM(m), m->alias, m->size))

/* ---- the other families ------------------------------------------- */

CALLBACK_EVENT(NetworkLifecycle, remote_network_event_lifecycle_msg,
               virNetworkEventLifecycleNew(m->net.name, UUID(m->net.uuid), m->event, m->detail))
CALLBACK_EVENT(StoragePoolLifecycle, remote_storage_pool_event_lifecycle_msg,
               virStoragePoolEventLifecycleNew(m->pool.name, UUID(m->pool.uuid), m->event,
                                               m->detail))
CALLBACK_EVENT(StoragePoolRefresh, remote_storage_pool_event_refresh_msg,
               virStoragePoolEventRefreshNew(m->pool.name, UUID(m->pool.uuid)))
CALLBACK_EVENT(NodeDeviceLifecycle, remote_node_device_event_lifecycle_msg,
               virNodeDeviceEventLifecycleNew(m->dev.name, m->event, m->detail))
CALLBACK_EVENT(NodeDeviceUpdate, remote_node_device_event_update_msg,
               virNodeDeviceEventUpdateNew(m->dev.name))
CALLBACK_EVENT(SecretLifecycle, remote_secret_event_lifecycle_msg,
               virSecretEventLifecycleNew(UUID(m->secret.uuid), m->secret.usageType,
                                          m->secret.usageID, m->event, m->detail))
CALLBACK_EVENT(SecretValueChanged, remote_secret_event_value_changed_msg,
               virSecretEventValueChangedNew(UUID(m->secret.uuid), m->secret.usageType,
                                             m->secret.usageID))

/* The daemon's own connection closed (a proxied daemon went away). */
static void
remoteEventConnectionClosed(virNetClientProgram *prog G_GNUC_UNUSED,
                            virNetClient *client G_GNUC_UNUSED, void *evdata, void *opaque)
{
    remote_connect_event_connection_closed_msg *m = evdata;
    virConnectPtr conn = opaque;
    virConnectCloseFunc cb;
    void *cbopaque;

    virObjectLock(conn);
    cb = conn->closeCallback.callback;
    cbopaque = conn->closeCallback.opaque;
    virObjectUnlock(conn);
    if (cb)
        cb(conn, m->reason, cbopaque);
}

#define E(proc, fn, type) \
    { REMOTE_PROC_##proc, remoteEvent##fn, sizeof(type), (xdrproc_t)xdr_##type }

const virNetClientProgramEvent remoteEvents[] = {
    E(DOMAIN_EVENT_LIFECYCLE, Lifecycle, remote_domain_event_lifecycle_msg),
    E(DOMAIN_EVENT_REBOOT, Reboot, remote_domain_event_reboot_msg),
    E(DOMAIN_EVENT_RTC_CHANGE, RTCChange, remote_domain_event_rtc_change_msg),
    E(DOMAIN_EVENT_WATCHDOG, Watchdog, remote_domain_event_watchdog_msg),
    E(DOMAIN_EVENT_IO_ERROR, IOError, remote_domain_event_io_error_msg),
    E(DOMAIN_EVENT_GRAPHICS, Graphics, remote_domain_event_graphics_msg),
    E(DOMAIN_EVENT_IO_ERROR_REASON, IOErrorReason, remote_domain_event_io_error_reason_msg),
    E(DOMAIN_EVENT_CONTROL_ERROR, ControlError, remote_domain_event_control_error_msg),
    E(DOMAIN_EVENT_BLOCK_JOB, BlockJob, remote_domain_event_block_job_msg),
    E(DOMAIN_EVENT_DISK_CHANGE, DiskChange, remote_domain_event_disk_change_msg),
    E(DOMAIN_EVENT_TRAY_CHANGE, TrayChange, remote_domain_event_tray_change_msg),
    E(DOMAIN_EVENT_PMWAKEUP, PMWakeup, remote_domain_event_pmwakeup_msg),
    E(DOMAIN_EVENT_PMSUSPEND, PMSuspend, remote_domain_event_pmsuspend_msg),
    E(DOMAIN_EVENT_BALLOON_CHANGE, BalloonChange, remote_domain_event_balloon_change_msg),
    E(DOMAIN_EVENT_PMSUSPEND_DISK, PMSuspendDisk, remote_domain_event_pmsuspend_disk_msg),
    E(DOMAIN_EVENT_DEVICE_REMOVED, DeviceRemoved, remote_domain_event_device_removed_msg),
    E(DOMAIN_EVENT_CALLBACK_LIFECYCLE, CallbackLifecycle,
      remote_domain_event_callback_lifecycle_msg),
    E(DOMAIN_EVENT_CALLBACK_REBOOT, CallbackReboot, remote_domain_event_callback_reboot_msg),
    E(DOMAIN_EVENT_CALLBACK_RTC_CHANGE, CallbackRTCChange,
      remote_domain_event_callback_rtc_change_msg),
    E(DOMAIN_EVENT_CALLBACK_WATCHDOG, CallbackWatchdog,
      remote_domain_event_callback_watchdog_msg),
    E(DOMAIN_EVENT_CALLBACK_IO_ERROR, CallbackIOError, remote_domain_event_callback_io_error_msg),
    E(DOMAIN_EVENT_CALLBACK_GRAPHICS, CallbackGraphics, remote_domain_event_callback_graphics_msg),
    E(DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON, CallbackIOErrorReason,
      remote_domain_event_callback_io_error_reason_msg),
    E(DOMAIN_EVENT_CALLBACK_CONTROL_ERROR, CallbackControlError,
      remote_domain_event_callback_control_error_msg),
    E(DOMAIN_EVENT_CALLBACK_BLOCK_JOB, CallbackBlockJob,
      remote_domain_event_callback_block_job_msg),
    E(DOMAIN_EVENT_CALLBACK_DISK_CHANGE, CallbackDiskChange,
      remote_domain_event_callback_disk_change_msg),
    E(DOMAIN_EVENT_CALLBACK_TRAY_CHANGE, CallbackTrayChange,
      remote_domain_event_callback_tray_change_msg),
    E(DOMAIN_EVENT_CALLBACK_PMWAKEUP, CallbackPMWakeup, remote_domain_event_callback_pmwakeup_msg),
    E(DOMAIN_EVENT_CALLBACK_PMSUSPEND, CallbackPMSuspend,
      remote_domain_event_callback_pmsuspend_msg),
    E(DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE, CallbackBalloonChange,
      remote_domain_event_callback_balloon_change_msg),
    E(DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK, CallbackPMSuspendDisk,
      remote_domain_event_callback_pmsuspend_disk_msg),
    E(DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED, CallbackDeviceRemoved,
      remote_domain_event_callback_device_removed_msg),
    E(DOMAIN_EVENT_BLOCK_JOB_2, BlockJob2, remote_domain_event_block_job_2_msg),
    E(DOMAIN_EVENT_CALLBACK_TUNABLE, Tunable, remote_domain_event_callback_tunable_msg),
    E(DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE, AgentLifecycle,
      remote_domain_event_callback_agent_lifecycle_msg),
    E(DOMAIN_EVENT_CALLBACK_DEVICE_ADDED, DeviceAdded,
      remote_domain_event_callback_device_added_msg),
    E(DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION, MigrationIteration,
      remote_domain_event_callback_migration_iteration_msg),
    E(CONNECT_EVENT_CONNECTION_CLOSED, ConnectionClosed,
      remote_connect_event_connection_closed_msg),
    E(DOMAIN_EVENT_CALLBACK_JOB_COMPLETED, JobCompleted,
      remote_domain_event_callback_job_completed_msg),
    E(DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED, DeviceRemovalFailed,
      remote_domain_event_callback_device_removal_failed_msg),
    E(DOMAIN_EVENT_CALLBACK_METADATA_CHANGE, MetadataChange,
      remote_domain_event_callback_metadata_change_msg),
    E(DOMAIN_EVENT_BLOCK_THRESHOLD, BlockThreshold, remote_domain_event_block_threshold_msg),
    E(DOMAIN_EVENT_MEMORY_FAILURE, MemoryFailure, remote_domain_event_memory_failure_msg),
    E(DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE, MemoryDeviceSizeChange,
      remote_domain_event_memory_device_size_change_msg),
    E(NETWORK_EVENT_LIFECYCLE, NetworkLifecycle, remote_network_event_lifecycle_msg),
    E(STORAGE_POOL_EVENT_LIFECYCLE, StoragePoolLifecycle,
      remote_storage_pool_event_lifecycle_msg),
    E(STORAGE_POOL_EVENT_REFRESH, StoragePoolRefresh, remote_storage_pool_event_refresh_msg),
    E(NODE_DEVICE_EVENT_LIFECYCLE, NodeDeviceLifecycle, remote_node_device_event_lifecycle_msg),
    E(NODE_DEVICE_EVENT_UPDATE, NodeDeviceUpdate, remote_node_device_event_update_msg),
    E(SECRET_EVENT_LIFECYCLE, SecretLifecycle, remote_secret_event_lifecycle_msg),
    E(SECRET_EVENT_VALUE_CHANGED, SecretValueChanged, remote_secret_event_value_changed_msg),
};
const size_t remoteNEvents = G_N_ELEMENTS(remoteEvents);

/* QEMU monitor events: not relayed yet. */
const virNetClientProgramEvent qemuEvents[] = {
    { 0, NULL, 0, NULL },
};
const size_t qemuNEvents = 0;

/* ---- registration ------------------------------------------------- */

static remotePrivate *
remoteEventPrivate(virConnectPtr conn)
{
    remotePrivate *priv = conn->privateData;

    if (!priv || !priv->eventState) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "connection not open");
        return NULL;
    }
    return priv;
}

/* Ask the daemon for events with register procedure @proc; the callback
 * ID in its reply binds our callback @callbackID.  (Every family's
 * register reply is the same { int callbackID }, and so is every
 * deregister argument.) */
static int
remoteFamilyRegister(virConnectPtr conn, remotePrivate *priv, int proc, int eventID,
                     xdrproc_t args_filter, void *args, int callbackID)
{
    remote_connect_network_event_register_any_ret ret = { 0 };

    (void)eventID;
    if (remoteCall(conn, REMOTE_PROGRAM_ID, proc, args_filter, args,
                   (xdrproc_t)xdr_remote_connect_network_event_register_any_ret,
                   (char *)&ret) < 0)
        return -1;
    virObjectEventStateSetRemote(conn, priv->eventState, callbackID, ret.callbackID);
    return 0;
}

static int
remoteFamilyDeregister(virConnectPtr conn, int proc, int callbackID)
{
    remotePrivate *priv = remoteEventPrivate(conn);
    remote_connect_network_event_deregister_any_args args;
    int remoteID;
    int count;

    if (!priv ||
        virObjectEventStateEventID(conn, priv->eventState, callbackID, &remoteID) < 0 ||
        (count = virObjectEventStateDeregisterID(conn, priv->eventState, callbackID,
                                                 true)) < 0)
        return -1;
    if (count == 0) {
        args.callbackID = remoteID;
        if (remoteCall(conn, REMOTE_PROGRAM_ID, proc,
                       (xdrproc_t)xdr_remote_connect_network_event_deregister_any_args,
                       (char *)&args, (xdrproc_t)xdr_void, NULL) < 0)
            return -1;
    }
    return 0;
}

static int
remoteConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom, int eventID,
                                    virConnectDomainEventGenericCallback callback,
                                    void *opaque, virFreeCallback freecb)
{
    remotePrivate *priv = remoteEventPrivate(conn);
    int callbackID;
    int count;

    if (!priv ||
        (count = virDomainEventStateRegisterClient(conn, priv->eventState, dom, eventID,
                                                   callback, opaque, freecb, false,
                                                   &callbackID,
                                                   priv->serverEventFilter)) < 0)
        return -1;
    if (count == 1) {
        int rc;

        if (priv->serverEventFilter) {
            remote_connect_domain_event_callback_register_any_args args;
            remote_nonnull_domain wire;

            args.eventID = eventID;
            args.dom = NULL;
            if (dom) {
                remoteMakeDomain(&wire, dom);
                args.dom = &wire;
            }
            rc = remoteFamilyRegister(conn, priv,
                                      REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                                      eventID,
                                      (xdrproc_t)xdr_remote_connect_domain_event_callback_register_any_args,
                                      &args, callbackID);
        } else {
            remote_connect_domain_event_register_any_args args = { eventID };

            rc = remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER_ANY,
                            (xdrproc_t)xdr_remote_connect_domain_event_register_any_args,
                            (char *)&args, (xdrproc_t)xdr_void, NULL);
        }
        if (rc < 0) {
            virObjectEventStateDeregisterID(conn, priv->eventState, callbackID, false);
            return -1;
        }
    }
    return callbackID;
}

static int
remoteConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    remotePrivate *priv = remoteEventPrivate(conn);
    int eventID, remoteID, count;

    if (!priv)
        return -1;
    if (priv->serverEventFilter)
        return remoteFamilyDeregister(conn,
                                      REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                                      callbackID);
    if ((eventID = virObjectEventStateEventID(conn, priv->eventState, callbackID,
                                              &remoteID)) < 0 ||
        (count = virObjectEventStateDeregisterID(conn, priv->eventState, callbackID,
                                                 true)) < 0)
        return -1;
    if (count == 0) {
        remote_connect_domain_event_deregister_any_args args = { eventID };

        return remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER_ANY,
                          (xdrproc_t)xdr_remote_connect_domain_event_deregister_any_args,
                          (char *)&args, (xdrproc_t)xdr_void, NULL);
    }
    return 0;
}

/* The legacy lifecycle API: callbacks tracked by function. */
static int
remoteConnectDomainEventRegister(virConnectPtr conn, virConnectDomainEventCallback callback,
                                 void *opaque, virFreeCallback freecb)
{
    remotePrivate *priv = remoteEventPrivate(conn);
    int callbackID;
    int count;

    if (!priv ||
        (count = virDomainEventStateRegisterClient(conn, priv->eventState, NULL,
                                                   VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                   VIR_DOMAIN_EVENT_CALLBACK(callback),
                                                   opaque, freecb, true, &callbackID,
                                                   priv->serverEventFilter)) < 0)
        return -1;
    if (count == 1) {
        int rc;

        if (priv->serverEventFilter) {
            remote_connect_domain_event_callback_register_any_args args = {
                VIR_DOMAIN_EVENT_ID_LIFECYCLE, NULL };

            rc = remoteFamilyRegister(conn, priv,
                                      REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY,
                                      VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                      (xdrproc_t)xdr_remote_connect_domain_event_callback_register_any_args,
                                      &args, callbackID);
        } else {
            rc = remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER,
                            (xdrproc_t)xdr_void, NULL, (xdrproc_t)xdr_void, NULL);
        }
        if (rc < 0) {
            virObjectEventStateDeregisterID(conn, priv->eventState, callbackID, false);
            return -1;
        }
    }
    return 0;
}

static int
remoteConnectDomainEventDeregister(virConnectPtr conn, virConnectDomainEventCallback callback)
{
    remotePrivate *priv = remoteEventPrivate(conn);
    int callbackID, remoteID, count;

    if (!priv ||
        (callbackID = virDomainEventStateCallbackID(conn, priv->eventState, callback,
                                                    &remoteID)) < 0 ||
        (count = virObjectEventStateDeregisterID(conn, priv->eventState, callbackID,
                                                 true)) < 0)
        return -1;
    if (count > 0)
        return 0;
    if (priv->serverEventFilter) {
        remote_connect_domain_event_callback_deregister_any_args args = { remoteID };

        return remoteCall(conn, REMOTE_PROGRAM_ID,
                          REMOTE_PROC_CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY,
                          (xdrproc_t)xdr_remote_connect_domain_event_callback_deregister_any_args,
                          (char *)&args, (xdrproc_t)xdr_void, NULL);
    }
    return remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_DOMAIN_EVENT_DEREGISTER,
                      (xdrproc_t)xdr_void, NULL, (xdrproc_t)xdr_void, NULL);
}

/* The other families exist only with server filtering.  Their register
 * arguments are {eventID, optional object}. */
#define FAMILY_EVENTS(Family, family, Handle, obj, wire, FAMILY) \
    static int \
    remoteConnect##Family##EventRegisterAny(virConnectPtr conn, vir##Handle##Ptr obj, \
                                             int eventID, \
                                             virConnect##Family##EventGenericCallback cb, \
                                             void *opaque, virFreeCallback freecb) \
    { \
        remotePrivate *priv = remoteEventPrivate(conn); \
        remote_connect_##family##_event_register_any_args args; \
        remote_nonnull_##wire w; \
        int callbackID, count; \
        if (!priv || \
            (count = vir##Family##EventStateRegisterClient(conn, priv->eventState, obj, \
                                                           eventID, cb, opaque, freecb, \
                                                           &callbackID, true)) < 0) \
            return -1; \
        if (count != 1) \
            return callbackID; \
        args.eventID = eventID; \
        args.obj = NULL; \
        if (obj) { \
            remoteMake##Handle(&w, obj); \
            args.obj = &w; \
        } \
        if (remoteFamilyRegister(conn, priv, \
                                 REMOTE_PROC_CONNECT_##FAMILY##_EVENT_REGISTER_ANY, eventID, \
                                 (xdrproc_t)xdr_remote_connect_##family##_event_register_any_args, \
                                 &args, callbackID) < 0) { \
            virObjectEventStateDeregisterID(conn, priv->eventState, callbackID, false); \
            return -1; \
        } \
        return callbackID; \
    } \
    static int \
    remoteConnect##Family##EventDeregisterAny(virConnectPtr conn, int callbackID) \
    { \
        return remoteFamilyDeregister(conn, \
                                      REMOTE_PROC_CONNECT_##FAMILY##_EVENT_DEREGISTER_ANY, \
                                      callbackID); \
    }

FAMILY_EVENTS(Network, network, Network, net, network, NETWORK)
FAMILY_EVENTS(StoragePool, storage_pool, StoragePool, pool, storage_pool, STORAGE_POOL)
FAMILY_EVENTS(NodeDevice, node_device, NodeDevice, dev, node_device, NODE_DEVICE)
FAMILY_EVENTS(Secret, secret, Secret, secret, secret, SECRET)

void
remoteEventsFillDrivers(virHypervisorDriver *hv, virNetworkDriver *net,
                        virStorageDriver *storage, virNodeDeviceDriver *nodedev,
                        virSecretDriver *secret)
{
    hv->connectDomainEventRegister = remoteConnectDomainEventRegister;
    hv->connectDomainEventDeregister = remoteConnectDomainEventDeregister;
    hv->connectDomainEventRegisterAny = remoteConnectDomainEventRegisterAny;
    hv->connectDomainEventDeregisterAny = remoteConnectDomainEventDeregisterAny;
    net->connectNetworkEventRegisterAny = remoteConnectNetworkEventRegisterAny;
    net->connectNetworkEventDeregisterAny = remoteConnectNetworkEventDeregisterAny;
    storage->connectStoragePoolEventRegisterAny = remoteConnectStoragePoolEventRegisterAny;
    storage->connectStoragePoolEventDeregisterAny = remoteConnectStoragePoolEventDeregisterAny;
    nodedev->connectNodeDeviceEventRegisterAny = remoteConnectNodeDeviceEventRegisterAny;
    nodedev->connectNodeDeviceEventDeregisterAny = remoteConnectNodeDeviceEventDeregisterAny;
    secret->connectSecretEventRegisterAny = remoteConnectSecretEventRegisterAny;
    secret->connectSecretEventDeregisterAny = remoteConnectSecretEventDeregisterAny;
}
