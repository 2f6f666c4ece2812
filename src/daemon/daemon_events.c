/*
 * daemon_events.c: events of a client's connection relayed to it.
 *
 * A client's registration becomes a callback on its connection (the
 * drivers deliver from the daemon's event loop); the callback encodes
 * the event as its message, with the callback ID the client was given,
 * or as the legacy message for clients registered without IDs.  The
 * registrations go with the client.
 */
#include "internal.h"
#include "daemon/daemon_client.h"
#include "remote_daemon_gen.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

VIR_LOG_INIT("daemon.events");

static void
remoteRelay(daemonEventCallback *cb, int proc, xdrproc_t filter, void *data)
{
    virNetMessage *msg = virNetMessageNew(false);

    msg->header.prog = REMOTE_PROGRAM;
    msg->header.vers = REMOTE_PROTOCOL_VERSION;
    msg->header.proc = proc;
    msg->header.type = VIR_NET_MESSAGE;
    msg->header.status = VIR_NET_OK;
    if (virNetMessageEncodeHeader(msg) < 0 ||
        virNetMessageEncodePayload(msg, filter, data) < 0) {
        VIR_WARN("cannot encode event %d: %s", proc, virGetLastErrorMessage());
        virResetLastError();
        virNetMessageFree(msg);
        return;
    }
    virNetServerClientSendMessage(cb->dc->client, msg);
}

#define RELAY(cb, proc, type, data) \
    remoteRelay(cb, REMOTE_PROC_##proc, (xdrproc_t)xdr_##type, data)

/* ---- domain events ------------------------------------------------ */

/* An event with both a legacy message and a callback one. */
#define DOMAIN_RELAY(Name, PROC, base, params, fill) \
    static void \
    remoteRelay##Name(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom params, \
                      void *opaque) \
    { \
        daemonEventCallback *cb = opaque; \
        remote_domain_event_callback_##base##_msg w; \
        remote_domain_event_##base##_msg *m = &w.msg; \
        memset(&w, 0, sizeof(w)); \
        remoteMakeDomain(&m->dom, dom); \
        fill; \
        if (cb->legacy) { \
            RELAY(cb, DOMAIN_EVENT_##PROC, remote_domain_event_##base##_msg, m); \
        } else { \
            w.callbackID = cb->remoteID; \
            RELAY(cb, DOMAIN_EVENT_CALLBACK_##PROC, \
                  remote_domain_event_callback_##base##_msg, &w); \
        } \
    }

#define P(...) , __VA_ARGS__

static int
remoteRelayLifecycleInt(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int event,
                        int detail, void *opaque)
{
    daemonEventCallback *cb = opaque;
    remote_domain_event_callback_lifecycle_msg w;

    memset(&w, 0, sizeof(w));
    remoteMakeDomain(&w.msg.dom, dom);
    w.msg.event = event;
    w.msg.detail = detail;
    if (cb->legacy) {
        RELAY(cb, DOMAIN_EVENT_LIFECYCLE, remote_domain_event_lifecycle_msg, &w.msg);
    } else {
        w.callbackID = cb->remoteID;
        RELAY(cb, DOMAIN_EVENT_CALLBACK_LIFECYCLE, remote_domain_event_callback_lifecycle_msg,
              &w);
    }
    return 0;
}

DOMAIN_RELAY(Reboot, REBOOT, reboot, , (void)m)
DOMAIN_RELAY(RTCChange, RTC_CHANGE, rtc_change, P(long long offset), m->offset = offset)
DOMAIN_RELAY(Watchdog, WATCHDOG, watchdog, P(int action), m->action = action)
DOMAIN_RELAY(IOError, IO_ERROR, io_error,
             P(const char *srcPath, const char *devAlias, int action),
             (m->srcPath = (char *)srcPath, m->devAlias = (char *)devAlias,
              m->action = action))
DOMAIN_RELAY(IOErrorReason, IO_ERROR_REASON, io_error_reason,
             P(const char *srcPath, const char *devAlias, int action, const char *reason),
             (m->srcPath = (char *)srcPath, m->devAlias = (char *)devAlias,
              m->action = action, m->reason = (char *)reason))
DOMAIN_RELAY(ControlError, CONTROL_ERROR, control_error, , (void)m)
DOMAIN_RELAY(BlockJob, BLOCK_JOB, block_job, P(const char *disk, int type, int status),
             (m->path = (char *)disk, m->type = type, m->status = status))
DOMAIN_RELAY(DiskChange, DISK_CHANGE, disk_change,
             P(const char *oldSrcPath, const char *newSrcPath, const char *devAlias,
               int reason),
             (m->oldSrcPath = oldSrcPath ? (char **)&oldSrcPath : NULL,
              m->newSrcPath = newSrcPath ? (char **)&newSrcPath : NULL,
              m->devAlias = (char *)devAlias, m->reason = reason))
DOMAIN_RELAY(TrayChange, TRAY_CHANGE, tray_change, P(const char *devAlias, int reason),
             (m->devAlias = (char *)devAlias, m->reason = reason))
DOMAIN_RELAY(BalloonChange, BALLOON_CHANGE, balloon_change, P(unsigned long long actual),
             m->actual = actual)
DOMAIN_RELAY(DeviceRemoved, DEVICE_REMOVED, device_removed, P(const char *devAlias),
             m->devAlias = (char *)devAlias)

/* Power management: the callback messages carry the reason. */
#define PM_RELAY(Name, PROC, base) \
    static void \
    remoteRelay##Name(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int reason, \
                      void *opaque) \
    { \
        daemonEventCallback *cb = opaque; \
        remote_domain_event_callback_##base##_msg w; \
        memset(&w, 0, sizeof(w)); \
        remoteMakeDomain(&w.msg.dom, dom); \
        if (cb->legacy) { \
            RELAY(cb, DOMAIN_EVENT_##PROC, remote_domain_event_##base##_msg, &w.msg); \
        } else { \
            w.callbackID = cb->remoteID; \
            w.reason = reason; \
            RELAY(cb, DOMAIN_EVENT_CALLBACK_##PROC, \
                  remote_domain_event_callback_##base##_msg, &w); \
        } \
    }

PM_RELAY(PMWakeup, PMWAKEUP, pmwakeup)
PM_RELAY(PMSuspend, PMSUSPEND, pmsuspend)
PM_RELAY(PMSuspendDisk, PMSUSPEND_DISK, pmsuspend_disk)

static void
remoteRelayGraphics(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, int phase,
                    const virDomainEventGraphicsAddress *local,
                    const virDomainEventGraphicsAddress *remote, const char *authScheme,
                    const virDomainEventGraphicsSubject *subject, void *opaque)
{
    daemonEventCallback *cb = opaque;
    remote_domain_event_callback_graphics_msg w;
    remote_domain_event_graphics_msg *m = &w.msg;
    g_autofree remote_domain_event_graphics_identity *ids = NULL;
    int i;

    memset(&w, 0, sizeof(w));
    remoteMakeDomain(&m->dom, dom);
    m->phase = phase;
    m->local.family = local->family;
    m->local.node = local->node;
    m->local.service = local->service;
    m->remote.family = remote->family;
    m->remote.node = remote->node;
    m->remote.service = remote->service;
    m->authScheme = (char *)authScheme;
    ids = g_new0(remote_domain_event_graphics_identity, MAX(subject->nidentity, 1));
    for (i = 0; i < subject->nidentity; i++) {
        ids[i].type = subject->identities[i].type;
        ids[i].name = subject->identities[i].name;
    }
    m->subject.subject_len = subject->nidentity;
    m->subject.subject_val = ids;
    if (cb->legacy) {
        RELAY(cb, DOMAIN_EVENT_GRAPHICS, remote_domain_event_graphics_msg, m);
    } else {
        w.callbackID = cb->remoteID;
        RELAY(cb, DOMAIN_EVENT_CALLBACK_GRAPHICS, remote_domain_event_callback_graphics_msg, &w);
    }
}

/* Events that only have callback messages. */
#define CALLBACK_RELAY(Name, PROC, type, params, fill) \
    static void \
    remoteRelay##Name(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom params, \
                      void *opaque) \
    { \
        daemonEventCallback *cb = opaque; \
        type m; \
        memset(&m, 0, sizeof(m)); \
        m.callbackID = cb->remoteID; \
        remoteMakeDomain(&m.dom, dom); \
        fill; \
        RELAY(cb, PROC, type, &m); \
    }

CALLBACK_RELAY(BlockJob2, DOMAIN_EVENT_BLOCK_JOB_2, remote_domain_event_block_job_2_msg,
               P(const char *dst, int type, int status),
               (m.dst = (char *)dst, m.type = type, m.status = status))
CALLBACK_RELAY(AgentLifecycle, DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE,
               remote_domain_event_callback_agent_lifecycle_msg, P(int state, int reason),
               (m.state = state, m.reason = reason))
CALLBACK_RELAY(DeviceAdded, DOMAIN_EVENT_CALLBACK_DEVICE_ADDED,
               remote_domain_event_callback_device_added_msg, P(const char *devAlias),
               m.devAlias = (char *)devAlias)
CALLBACK_RELAY(MigrationIteration, DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION,
               remote_domain_event_callback_migration_iteration_msg, P(int iteration),
               m.iteration = iteration)
CALLBACK_RELAY(DeviceRemovalFailed, DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED,
               remote_domain_event_callback_device_removal_failed_msg,
               P(const char *devAlias), m.devAlias = (char *)devAlias)
CALLBACK_RELAY(MetadataChange, DOMAIN_EVENT_CALLBACK_METADATA_CHANGE,
               remote_domain_event_callback_metadata_change_msg, P(int type, const char *nsuri),
               (m.type = type, m.nsuri = nsuri ? (char **)&nsuri : NULL))
CALLBACK_RELAY(BlockThreshold, DOMAIN_EVENT_BLOCK_THRESHOLD,
               remote_domain_event_block_threshold_msg,
               P(const char *dev, const char *path, unsigned long long threshold,
                 unsigned long long excess),
               (m.dev = (char *)dev, m.path = path ? (char **)&path : NULL,
                m.threshold = threshold, m.excess = excess))
CALLBACK_RELAY(MemoryFailure, DOMAIN_EVENT_MEMORY_FAILURE,
               remote_domain_event_memory_failure_msg,
               P(int recipient, int action, unsigned int flags),
               (m.recipient = recipient, m.action = action, m.flags = flags))
CALLBACK_RELAY(MemoryDeviceSizeChange, DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE,
               remote_domain_event_memory_device_size_change_msg,
               P(const char *alias, unsigned long long size),
               (m.alias = (char *)alias, m.size = size))

/* Typed parameters: tunables and completed jobs. */
#define PARAMS_RELAY(Name, PROC, type, limit) \
    static void \
    remoteRelay##Name(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom, \
                      virTypedParameterPtr params, int nparams, void *opaque) \
    { \
        daemonEventCallback *cb = opaque; \
        type m; \
        memset(&m, 0, sizeof(m)); \
        m.callbackID = cb->remoteID; \
        remoteMakeDomain(&m.dom, dom); \
        if (remoteSerializeTypedParams(params, nparams, limit, &m.params.params_val, \
                                       &m.params.params_len, \
                                       VIR_TYPED_PARAM_STRING_OKAY) < 0) { \
            virResetLastError(); \
            return; \
        } \
        RELAY(cb, PROC, type, &m); \
        remoteFreeTypedParams(m.params.params_val, m.params.params_len); \
    }

PARAMS_RELAY(Tunable, DOMAIN_EVENT_CALLBACK_TUNABLE, remote_domain_event_callback_tunable_msg,
             REMOTE_DOMAIN_EVENT_TUNABLE_MAX)
PARAMS_RELAY(JobCompleted, DOMAIN_EVENT_CALLBACK_JOB_COMPLETED,
             remote_domain_event_callback_job_completed_msg, REMOTE_DOMAIN_JOB_STATS_MAX)

/* by VIR_DOMAIN_EVENT_ID_* */
static const virConnectDomainEventGenericCallback domainRelays[] = {
    [VIR_DOMAIN_EVENT_ID_LIFECYCLE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayLifecycleInt),
    [VIR_DOMAIN_EVENT_ID_REBOOT] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayReboot),
    [VIR_DOMAIN_EVENT_ID_RTC_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayRTCChange),
    [VIR_DOMAIN_EVENT_ID_WATCHDOG] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayWatchdog),
    [VIR_DOMAIN_EVENT_ID_IO_ERROR] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayIOError),
    [VIR_DOMAIN_EVENT_ID_GRAPHICS] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayGraphics),
    [VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayIOErrorReason),
    [VIR_DOMAIN_EVENT_ID_CONTROL_ERROR] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayControlError),
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayBlockJob),
    [VIR_DOMAIN_EVENT_ID_DISK_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayDiskChange),
    [VIR_DOMAIN_EVENT_ID_TRAY_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayTrayChange),
    [VIR_DOMAIN_EVENT_ID_PMWAKEUP] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayPMWakeup),
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayPMSuspend),
    [VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayBalloonChange),
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayPMSuspendDisk),
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayDeviceRemoved),
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayBlockJob2),
    [VIR_DOMAIN_EVENT_ID_TUNABLE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayTunable),
    [VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayAgentLifecycle),
    [VIR_DOMAIN_EVENT_ID_DEVICE_ADDED] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayDeviceAdded),
    [VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION] =
        VIR_DOMAIN_EVENT_CALLBACK(remoteRelayMigrationIteration),
    [VIR_DOMAIN_EVENT_ID_JOB_COMPLETED] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayJobCompleted),
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED] =
        VIR_DOMAIN_EVENT_CALLBACK(remoteRelayDeviceRemovalFailed),
    [VIR_DOMAIN_EVENT_ID_METADATA_CHANGE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayMetadataChange),
    [VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayBlockThreshold),
    [VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE] = VIR_DOMAIN_EVENT_CALLBACK(remoteRelayMemoryFailure),
    [VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE] =
        VIR_DOMAIN_EVENT_CALLBACK(remoteRelayMemoryDeviceSizeChange),
};
G_STATIC_ASSERT(G_N_ELEMENTS(domainRelays) == VIR_DOMAIN_EVENT_ID_LAST);

/* ---- the other families ------------------------------------------- */

#define LIFECYCLE_RELAY(Family, Handle, wire, PROC) \
    static void \
    remoteRelay##Family##Lifecycle(virConnectPtr conn G_GNUC_UNUSED, vir##Handle##Ptr obj, \
                                   int event, int detail, void *opaque) \
    { \
        daemonEventCallback *cb = opaque; \
        remote_##wire##_event_lifecycle_msg m; \
        memset(&m, 0, sizeof(m)); \
        m.callbackID = cb->remoteID; \
        remoteMake##Handle(&m.obj_member, obj); \
        m.event = event; \
        m.detail = detail; \
        RELAY(cb, PROC##_EVENT_LIFECYCLE, remote_##wire##_event_lifecycle_msg, &m); \
    }

#define obj_member net
LIFECYCLE_RELAY(Network, Network, network, NETWORK)
#undef obj_member
#define obj_member pool
LIFECYCLE_RELAY(StoragePool, StoragePool, storage_pool, STORAGE_POOL)
#undef obj_member
#define obj_member dev
LIFECYCLE_RELAY(NodeDevice, NodeDevice, node_device, NODE_DEVICE)
#undef obj_member
#define obj_member secret
LIFECYCLE_RELAY(Secret, Secret, secret, SECRET)
#undef obj_member

#define GENERIC_RELAY(Name, Handle, member, type, PROC) \
    static void \
    remoteRelay##Name(virConnectPtr conn G_GNUC_UNUSED, vir##Handle##Ptr obj, void *opaque) \
    { \
        daemonEventCallback *cb = opaque; \
        type m; \
        memset(&m, 0, sizeof(m)); \
        m.callbackID = cb->remoteID; \
        remoteMake##Handle(&m.member, obj); \
        RELAY(cb, PROC, type, &m); \
    }

GENERIC_RELAY(StoragePoolRefresh, StoragePool, pool, remote_storage_pool_event_refresh_msg,
              STORAGE_POOL_EVENT_REFRESH)
GENERIC_RELAY(NodeDeviceUpdate, NodeDevice, dev, remote_node_device_event_update_msg,
              NODE_DEVICE_EVENT_UPDATE)
GENERIC_RELAY(SecretValueChanged, Secret, secret, remote_secret_event_value_changed_msg,
              SECRET_EVENT_VALUE_CHANGED)

/* ---- registration ------------------------------------------------- */

static int
remoteFail(virNetMessageError *rerr)
{
    virNetMessageSaveError(rerr);
    return -1;
}

/* Register with the connection; -1 on failure (then @cb is freed). */
static int
remoteEventAdd(daemonClient *dc, virConnectPtr conn, daemonEventCallback *cb, void *obj)
{
    int id = -1;

    cb->dc = dc;
    switch (cb->family) {
    case DAEMON_EVENT_DOMAIN:
        id = virConnectDomainEventRegisterAny(conn, obj, cb->eventID,
                                              domainRelays[cb->eventID], cb, NULL);
        break;
    case DAEMON_EVENT_NETWORK:
        id = virConnectNetworkEventRegisterAny(conn, obj, cb->eventID,
                                               VIR_NETWORK_EVENT_CALLBACK(remoteRelayNetworkLifecycle),
                                               cb, NULL);
        break;
    case DAEMON_EVENT_STORAGE_POOL:
        id = virConnectStoragePoolEventRegisterAny(conn, obj, cb->eventID,
            cb->eventID == VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE ?
            VIR_STORAGE_POOL_EVENT_CALLBACK(remoteRelayStoragePoolLifecycle) :
            VIR_STORAGE_POOL_EVENT_CALLBACK(remoteRelayStoragePoolRefresh), cb, NULL);
        break;
    case DAEMON_EVENT_NODE_DEVICE:
        id = virConnectNodeDeviceEventRegisterAny(conn, obj, cb->eventID,
            cb->eventID == VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE ?
            VIR_NODE_DEVICE_EVENT_CALLBACK(remoteRelayNodeDeviceLifecycle) :
            VIR_NODE_DEVICE_EVENT_CALLBACK(remoteRelayNodeDeviceUpdate), cb, NULL);
        break;
    case DAEMON_EVENT_SECRET:
        id = virConnectSecretEventRegisterAny(conn, obj, cb->eventID,
            cb->eventID == VIR_SECRET_EVENT_ID_LIFECYCLE ?
            VIR_SECRET_EVENT_CALLBACK(remoteRelaySecretLifecycle) :
            VIR_SECRET_EVENT_CALLBACK(remoteRelaySecretValueChanged), cb, NULL);
        break;
    }
    if (id < 0) {
        g_free(cb);
        return -1;
    }
    cb->localID = id;
    g_mutex_lock(&dc->lock);
    cb->remoteID = dc->nextRemoteID++;
    g_ptr_array_add(dc->events, cb);
    g_mutex_unlock(&dc->lock);
    return cb->remoteID;
}

static int
remoteEventDeregisterLocal(virConnectPtr conn, daemonEventCallback *cb)
{
    switch (cb->family) {
    case DAEMON_EVENT_DOMAIN:
        return virConnectDomainEventDeregisterAny(conn, cb->localID);
    case DAEMON_EVENT_NETWORK:
        return virConnectNetworkEventDeregisterAny(conn, cb->localID);
    case DAEMON_EVENT_STORAGE_POOL:
        return virConnectStoragePoolEventDeregisterAny(conn, cb->localID);
    case DAEMON_EVENT_NODE_DEVICE:
        return virConnectNodeDeviceEventDeregisterAny(conn, cb->localID);
    case DAEMON_EVENT_SECRET:
        return virConnectSecretEventDeregisterAny(conn, cb->localID);
    }
    return -1;
}

/* Remove the registration matching (@family, @remoteID), or with
 * @legacy the legacy one for @eventID. */
static int
remoteEventRemove(daemonClient *dc, virConnectPtr conn, int family, int remoteID,
                  bool legacy, int eventID)
{
    daemonEventCallback *cb = NULL;
    size_t i;
    int rc;

    g_mutex_lock(&dc->lock);
    for (i = 0; i < dc->events->len; i++) {
        daemonEventCallback *c = g_ptr_array_index(dc->events, i);

        if (c->family == family &&
            (legacy ? (c->legacy && c->eventID == eventID) : c->remoteID == remoteID)) {
            cb = g_ptr_array_steal_index(dc->events, i);
            break;
        }
    }
    g_mutex_unlock(&dc->lock);
    if (!cb) {
        if (legacy)
            virReportError(VIR_ERR_INTERNAL_ERROR, "domain event %d not registered", eventID);
        else
            virReportError(VIR_ERR_INTERNAL_ERROR, "callback %d not registered", remoteID);
        return -1;
    }
    rc = remoteEventDeregisterLocal(conn, cb);
    g_free(cb);
    return rc;
}

void
remoteEventsDeregisterAll(daemonClient *dc, virConnectPtr conn)
{
    g_autoptr(GPtrArray) events = NULL;
    size_t i;

    g_mutex_lock(&dc->lock);
    events = g_steal_pointer(&dc->events);
    dc->events = g_ptr_array_new_with_free_func(g_free);
    g_mutex_unlock(&dc->lock);
    for (i = 0; i < events->len; i++) {
        if (remoteEventDeregisterLocal(conn, g_ptr_array_index(events, i)) < 0)
            virResetLastError();
    }
    if (dc->closeRegistered) {
        virConnectUnregisterCloseCallback(conn, NULL);
        virResetLastError();
    }
}

static daemonEventCallback *
remoteEventNew(int family, int eventID, bool legacy)
{
    daemonEventCallback *cb = g_new0(daemonEventCallback, 1);

    cb->family = family;
    cb->eventID = eventID;
    cb->legacy = legacy;
    return cb;
}

static bool
remoteLegacyRegistered(daemonClient *dc, int eventID)
{
    bool found = false;
    size_t i;

    g_mutex_lock(&dc->lock);
    for (i = 0; i < dc->events->len; i++) {
        daemonEventCallback *c = g_ptr_array_index(dc->events, i);

        if (c->family == DAEMON_EVENT_DOMAIN && c->legacy && c->eventID == eventID)
            found = true;
    }
    g_mutex_unlock(&dc->lock);
    return found;
}

#define DISPATCH_ARGS virNetServer *server G_GNUC_UNUSED, \
    virNetServerClient *client, virNetMessage *msg G_GNUC_UNUSED, \
    virNetMessageError *rerr

/* Old clients: one registration per event ID, no callback IDs. */
static int
remoteRegisterLegacy(virNetServerClient *client, virNetMessageError *rerr, int eventID)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    daemonClient *dc = remoteGetClient(client);

    if (!conn)
        return remoteFail(rerr);
    if (eventID < 0 || eventID >= VIR_DOMAIN_EVENT_ID_LAST) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "unsupported event ID %d", eventID);
        return remoteFail(rerr);
    }
    if (remoteLegacyRegistered(dc, eventID)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain event %d already registered", eventID);
        return remoteFail(rerr);
    }
    if (remoteEventAdd(dc, conn, remoteEventNew(DAEMON_EVENT_DOMAIN, eventID, true), NULL) < 0)
        return remoteFail(rerr);
    return 0;
}

int
remoteDispatchConnectDomainEventRegister(DISPATCH_ARGS, void *args G_GNUC_UNUSED,
                                         remote_connect_domain_event_register_ret *ret)
{
    if (remoteRegisterLegacy(client, rerr, VIR_DOMAIN_EVENT_ID_LIFECYCLE) < 0)
        return -1;
    ret->cb_registered = 1;
    return 0;
}

int
remoteDispatchConnectDomainEventRegisterAny(DISPATCH_ARGS,
                                            remote_connect_domain_event_register_any_args *args,
                                            void *ret G_GNUC_UNUSED)
{
    return remoteRegisterLegacy(client, rerr, args->eventID);
}

static int
remoteDeregisterLegacy(virNetServerClient *client, virNetMessageError *rerr, int eventID)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);

    if (!conn ||
        remoteEventRemove(remoteGetClient(client), conn, DAEMON_EVENT_DOMAIN, 0, true,
                          eventID) < 0)
        return remoteFail(rerr);
    return 0;
}

int
remoteDispatchConnectDomainEventDeregister(DISPATCH_ARGS, void *args G_GNUC_UNUSED,
                                           remote_connect_domain_event_deregister_ret *ret)
{
    if (remoteDeregisterLegacy(client, rerr, VIR_DOMAIN_EVENT_ID_LIFECYCLE) < 0)
        return -1;
    ret->cb_registered = 0;
    return 0;
}

int
remoteDispatchConnectDomainEventDeregisterAny(DISPATCH_ARGS,
                                              remote_connect_domain_event_deregister_any_args *args,
                                              void *ret G_GNUC_UNUSED)
{
    return remoteDeregisterLegacy(client, rerr, args->eventID);
}

int
remoteDispatchConnectDomainEventCallbackRegisterAny(DISPATCH_ARGS,
    remote_connect_domain_event_callback_register_any_args *args,
    remote_connect_domain_event_callback_register_any_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    virDomainPtr dom = NULL;
    int id;

    if (!conn)
        return remoteFail(rerr);
    if (args->eventID < 0 || args->eventID >= VIR_DOMAIN_EVENT_ID_LAST) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "unsupported event ID %d", args->eventID);
        return remoteFail(rerr);
    }
    if (args->dom && !(dom = remoteGetDomain(conn, args->dom)))
        return remoteFail(rerr);
    id = remoteEventAdd(remoteGetClient(client), conn,
                        remoteEventNew(DAEMON_EVENT_DOMAIN, args->eventID, false), dom);
    if (dom)
        virObjectUnref(dom);
    if (id < 0)
        return remoteFail(rerr);
    ret->callbackID = id;
    return 0;
}

/* Every family's callback deregistration is { int callbackID }. */
static int
remoteDeregister(virNetServerClient *client, virNetMessageError *rerr, int family,
                 int callbackID)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);

    if (!conn ||
        remoteEventRemove(remoteGetClient(client), conn, family, callbackID, false, 0) < 0)
        return remoteFail(rerr);
    return 0;
}

int
remoteDispatchConnectDomainEventCallbackDeregisterAny(DISPATCH_ARGS,
    remote_connect_domain_event_callback_deregister_any_args *args, void *ret G_GNUC_UNUSED)
{
    return remoteDeregister(client, rerr, DAEMON_EVENT_DOMAIN, args->callbackID);
}

/* The four other families: {eventID, optional object} -> callbackID. */
#define FAMILY_DISPATCH(Family, family, Handle, member, FAMILY, max) \
    int \
    remoteDispatchConnect##Family##EventRegisterAny(DISPATCH_ARGS, \
        remote_connect_##family##_event_register_any_args *args, \
        remote_connect_##family##_event_register_any_ret *ret) \
    { \
        virConnectPtr conn = remoteGetHypervisorConn(client); \
        vir##Handle##Ptr obj = NULL; \
        int id; \
        if (!conn) \
            return remoteFail(rerr); \
        if (args->eventID < 0 || args->eventID >= max) { \
            virReportError(VIR_ERR_INTERNAL_ERROR, "unsupported " #family " event ID %d", \
                           args->eventID); \
            return remoteFail(rerr); \
        } \
        if (args->member && !(obj = remoteGet##Handle(conn, args->member))) \
            return remoteFail(rerr); \
        id = remoteEventAdd(remoteGetClient(client), conn, \
                            remoteEventNew(DAEMON_EVENT_##FAMILY, args->eventID, false), obj); \
        if (obj) \
            virObjectUnref(obj); \
        if (id < 0) \
            return remoteFail(rerr); \
        ret->callbackID = id; \
        return 0; \
    } \
    int \
    remoteDispatchConnect##Family##EventDeregisterAny(DISPATCH_ARGS, \
        remote_connect_##family##_event_deregister_any_args *args, void *ret G_GNUC_UNUSED) \
    { \
        return remoteDeregister(client, rerr, DAEMON_EVENT_##FAMILY, args->callbackID); \
    }

FAMILY_DISPATCH(Network, network, Network, net, NETWORK, VIR_NETWORK_EVENT_ID_LAST)
FAMILY_DISPATCH(StoragePool, storage_pool, StoragePool, pool, STORAGE_POOL,
                VIR_STORAGE_POOL_EVENT_ID_LAST)
FAMILY_DISPATCH(NodeDevice, node_device, NodeDevice, dev, NODE_DEVICE,
                VIR_NODE_DEVICE_EVENT_ID_LAST)
FAMILY_DISPATCH(Secret, secret, Secret, secret, SECRET, VIR_SECRET_EVENT_ID_LAST)

/* ---- the connection's close --------------------------------------- */

static void
remoteRelayClosed(virConnectPtr conn G_GNUC_UNUSED, int reason, void *opaque)
{
    daemonEventCallback cb = { .dc = opaque };
    remote_connect_event_connection_closed_msg m = { reason };

    RELAY(&cb, CONNECT_EVENT_CONNECTION_CLOSED, remote_connect_event_connection_closed_msg, &m);
}

int
remoteDispatchConnectRegisterCloseCallback(DISPATCH_ARGS, void *args G_GNUC_UNUSED,
                                           void *ret G_GNUC_UNUSED)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    daemonClient *dc = remoteGetClient(client);

    if (!conn || virConnectRegisterCloseCallback(conn, remoteRelayClosed, dc, NULL) < 0)
        return remoteFail(rerr);
    dc->closeRegistered = true;
    return 0;
}

int
remoteDispatchConnectUnregisterCloseCallback(DISPATCH_ARGS, void *args G_GNUC_UNUSED,
                                             void *ret G_GNUC_UNUSED)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    daemonClient *dc = remoteGetClient(client);

    if (!conn || virConnectUnregisterCloseCallback(conn, remoteRelayClosed) < 0)
        return remoteFail(rerr);
    dc->closeRegistered = false;
    return 0;
}
