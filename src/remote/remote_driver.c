/*
 * remote_driver.c: the remote driver's connection: open (transport,
 * authentication, the daemon's own open), close, the call helpers and
 * the driver tables, whose methods are generated from the protocol file
 * (remote_client_gen.c) or written by hand (remote_special.c,
 * remote_events.c, remote_stream.c).
 *
 * In a client process the remote driver is probed last and takes any
 * URI no local driver took.  Inside a daemon it declines local URIs (the
 * daemon's own drivers serve them), except that a modular daemon
 * reaches the other daemons through it.
 */
#include "internal.h"
#include "remote/remote_driver.h"
#include "remote/remote_client.h"
#include "remote/remote_transport.h"
#include "remote_client_gen.h"
#include "qemu_client_gen.h"
#include "lxc_client_gen.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

VIR_LOG_INIT("remote.driver");

static bool insideDaemon;
static bool monolithicDaemon;
static const char *daemonName;   /* static storage, the daemon's */

void
remoteSetInsideDaemon(const char *name, bool monolithic)
{
    insideDaemon = true;
    daemonName = name;
    monolithicDaemon = monolithic;
}

/* Would the open of @driver's URI come back to this daemon (virtNAMEd
 * serving NAME:/// without a driver for it)?  It would wait on itself. */
static bool
remoteLoopsToSelf(const char *driver)
{
    g_autofree char *direct = NULL;

    if (!daemonName || !driver)
        return false;
    direct = g_strdup_printf("virt%sd", driver);
    return STREQ(direct, daemonName);
}

/* ---- calls -------------------------------------------------------- */

static remotePrivate *
remoteGetPrivate(virConnectPtr conn)
{
    remotePrivate *priv = conn->privateData;

    if (!priv || !priv->client) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "connection not open");
        return NULL;
    }
    return priv;
}

int
remoteCallFDs(virConnectPtr conn, int prog, int proc,
              size_t noutfds, int *outfds, size_t *ninfds, int **infds,
              xdrproc_t args_filter, char *args, xdrproc_t ret_filter, char *ret)
{
    remotePrivate *priv = remoteGetPrivate(conn);

    if (!priv)
        return -1;
    if (virNetClientProgramCall(priv->programs[prog], priv->client,
                                virNetClientNextSerial(priv->client), proc,
                                noutfds, outfds, ninfds, infds,
                                args_filter, args, ret_filter, ret) < 0) {
        /* a reply that failed half way through decoding */
        if (ret)
            xdr_free(ret_filter, ret);
        return -1;
    }
    return 0;
}

int
remoteCall(virConnectPtr conn, int prog, int proc, xdrproc_t args_filter,
           char *args, xdrproc_t ret_filter, char *ret)
{
    return remoteCallFDs(conn, prog, proc, 0, NULL, NULL, NULL,
                         args_filter, args, ret_filter, ret);
}

int
remoteSupportsFeature(virConnectPtr conn, int feature)
{
    remote_connect_supports_feature_args args = { feature };
    remote_connect_supports_feature_ret ret = { 0 };

    if (remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_SUPPORTS_FEATURE,
                   (xdrproc_t)xdr_remote_connect_supports_feature_args, (char *)&args,
                   (xdrproc_t)xdr_remote_connect_supports_feature_ret, (char *)&ret) < 0)
        return -1;
    return ret.supported;
}

/* ---- opening ------------------------------------------------------ */

static void
remotePrivateFree(remotePrivate *priv)
{
    size_t i;

    if (!priv)
        return;
    if (priv->client) {
        virNetClientClose(priv->client);
        virNetClientUnref(priv->client);
    }
    for (i = 0; i < G_N_ELEMENTS(priv->programs); i++)
        virNetClientProgramUnref(priv->programs[i]);
    virNetTLSContextUnref(priv->tls);
    virObjectEventStateFree(priv->eventState);
    g_free(priv->hostname);
    g_free(priv->type);
    g_mutex_clear(&priv->lock);
    g_free(priv);
}

/* Does a driver of this process serve URIs of @scheme? */
static bool
remoteHasLocalDriver(const char *scheme)
{
    size_t i, j;

    for (i = 0; i < virConnectDriverCount(); i++) {
        virConnectDriver *drv = virConnectDriverAt(i);

        for (j = 0; drv->uriSchemes && drv->uriSchemes[j]; j++) {
            if (STREQ(drv->uriSchemes[j], scheme))
                return true;
        }
    }
    return false;
}

static int
remoteAuthenticate(virConnectPtr conn, const char *authtype)
{
    remote_auth_list_ret ret = { 0 };
    int type = REMOTE_AUTH_NONE;
    int rv = -1;
    size_t i;

    if (remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_AUTH_LIST,
                   (xdrproc_t)xdr_void, NULL,
                   (xdrproc_t)xdr_remote_auth_list_ret, (char *)&ret) < 0) {
        if (virGetLastErrorCode() == VIR_ERR_NO_SUPPORT) {
            virResetLastError();    /* a daemon from before authentication */
            return 0;
        }
        return -1;
    }
    if (ret.types.types_len == 0) {
        rv = 0;
        goto cleanup;
    }
    if (authtype) {
        int want;

        if (g_ascii_strcasecmp(authtype, "sasl") == 0 ||
            g_ascii_strncasecmp(authtype, "sasl.", 5) == 0) {
            want = REMOTE_AUTH_SASL;
        } else if (g_ascii_strcasecmp(authtype, "polkit") == 0) {
            want = REMOTE_AUTH_POLKIT;
        } else {
            virReportError(VIR_ERR_AUTH_FAILED, "unknown authentication type %s", authtype);
            goto cleanup;
        }
        for (i = 0; i < ret.types.types_len; i++) {
            if (ret.types.types_val[i] == (remote_auth_type)want)
                type = want;
        }
        if (type == REMOTE_AUTH_NONE) {
            virReportError(VIR_ERR_AUTH_FAILED, "requested authentication type %s rejected",
                           authtype);
            goto cleanup;
        }
    } else {
        type = ret.types.types_val[0];
    }
    switch (type) {
    case REMOTE_AUTH_NONE:
        rv = 0;
        break;
    case REMOTE_AUTH_POLKIT: {
        remote_auth_polkit_ret pret = { 0 };

        /* the daemon asks polkit about the peer of the socket */
        if (remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_AUTH_POLKIT,
                       (xdrproc_t)xdr_void, NULL,
                       (xdrproc_t)xdr_remote_auth_polkit_ret, (char *)&pret) == 0)
            rv = 0;
        break;
    }
    default:
        virReportError(VIR_ERR_AUTH_FAILED, "unsupported authentication type %d", type);
        break;
    }

 cleanup:
    xdr_free((xdrproc_t)xdr_remote_auth_list_ret, (char *)&ret);
    return rv;
}

static void
remoteClientClosed(virNetClient *client G_GNUC_UNUSED, int reason, void *opaque)
{
    virConnectPtr conn = opaque;
    virConnectCloseFunc cb = NULL;
    void *cbopaque = NULL;

    virObjectLock(conn);
    cb = conn->closeCallback.callback;
    cbopaque = conn->closeCallback.opaque;
    virObjectUnlock(conn);
    if (cb)
        cb(conn, reason, cbopaque);
}

static int
remoteOpenSession(virConnectPtr conn, remotePrivate *priv, remoteURIInfo *info,
                  unsigned int flags)
{
    remote_connect_open_args args = { NULL, flags & VIR_CONNECT_RO };
    char *name = info->name;

    priv->programs[REMOTE_PROGRAM_ID] =
        virNetClientProgramNew(REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
                               remoteEvents, remoteNEvents, conn);
    priv->programs[QEMU_PROGRAM_ID] =
        virNetClientProgramNew(QEMU_PROGRAM, QEMU_PROTOCOL_VERSION,
                               qemuEvents, qemuNEvents, conn);
    priv->programs[LXC_PROGRAM_ID] =
        virNetClientProgramNew(LXC_PROGRAM, LXC_PROTOCOL_VERSION, NULL, 0, NULL);
    virNetClientAddProgram(priv->client, priv->programs[REMOTE_PROGRAM_ID]);
    virNetClientAddProgram(priv->client, priv->programs[QEMU_PROGRAM_ID]);
    virNetClientAddProgram(priv->client, priv->programs[LXC_PROGRAM_ID]);

    if (remoteAuthenticate(conn, info->authtype) < 0)
        return -1;
    if (virNetClientKeepAliveIsSupported(priv->client))
        priv->serverKeepAlive = remoteSupportsFeature(conn, REMOTE_FEATURE_PROGRAM_KEEPALIVE) > 0;
    virResetLastError();

    args.name = &name;
    if (remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_OPEN,
                   (xdrproc_t)xdr_remote_connect_open_args, (char *)&args,
                   (xdrproc_t)xdr_void, NULL) < 0)
        return -1;

    if (!conn->uri) {
        remote_connect_get_uri_ret uri = { 0 };

        if (remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_GET_URI,
                       (xdrproc_t)xdr_void, NULL,
                       (xdrproc_t)xdr_remote_connect_get_uri_ret, (char *)&uri) < 0)
            return -1;
        conn->uri = virURIParse(uri.uri);
        xdr_free((xdrproc_t)xdr_remote_connect_get_uri_ret, (char *)&uri);
        if (!conn->uri)
            return -1;
    }
    priv->eventState = virObjectEventStateNew();
    priv->serverEventFilter = remoteSupportsFeature(conn, REMOTE_FEATURE_REMOTE_EVENT_CALLBACK) > 0;
    priv->serverCloseCallback = remoteSupportsFeature(conn, REMOTE_FEATURE_REMOTE_CLOSE_CALLBACK) > 0;
    virResetLastError();
    return 0;
}

static virDrvOpenStatus
remoteConnectOpen(virConnectPtr conn, virConnectAuthPtr auth G_GNUC_UNUSED,
                  unsigned int flags)
{
    remoteURIInfo info;
    g_autofree char *daemonPath = NULL;
    remotePrivate *priv;

    virCheckFlags(VIR_CONNECT_RO, VIR_DRV_OPEN_ERROR);

    if (insideDaemon) {
        g_autofree char *driver = NULL;
        g_autofree char *transport = NULL;

        if (!conn->uri)
            return VIR_DRV_OPEN_DECLINED;
        virURISplitScheme(conn->uri->scheme, &driver, &transport);
        if (!conn->uri->server && !virURIGetParam(conn->uri, "socket") &&
            (monolithicDaemon || (driver && remoteHasLocalDriver(driver)) ||
             remoteLoopsToSelf(driver)))
            return VIR_DRV_OPEN_DECLINED;
    }
    if (remoteParseURI(conn->uri, flags & VIR_CONNECT_RO, &info) < 0)
        return VIR_DRV_OPEN_ERROR;
    if ((info.transport == REMOTE_TRANSPORT_UNIX || info.transport == REMOTE_TRANSPORT_SSH) &&
        remoteChooseSocket(&info, insideDaemon, &daemonPath) < 0) {
        remoteURIInfoClear(&info);
        return VIR_DRV_OPEN_ERROR;
    }

    priv = g_new0(remotePrivate, 1);
    g_mutex_init(&priv->lock);
    priv->hostname = g_strdup(info.hostname);
    VIR_DEBUG("connecting to %s for '%s'", NULLSTR(info.sockname), info.name);
    if (!(priv->client = remoteConnectTransport(&info, daemonPath, &priv->tls)))
        goto error;
    priv->isSecure = info.transport != REMOTE_TRANSPORT_TCP &&
                     info.transport != REMOTE_TRANSPORT_EXT;
    conn->privateData = priv;
    if (remoteOpenSession(conn, priv, &info, flags) < 0)
        goto error;
    virNetClientSetCloseCallback(priv->client, remoteClientClosed, conn, NULL);
    remoteURIInfoClear(&info);
    return VIR_DRV_OPEN_SUCCESS;

 error:
    conn->privateData = NULL;
    remotePrivateFree(priv);
    remoteURIInfoClear(&info);
    return VIR_DRV_OPEN_ERROR;
}

static int
remoteConnectClose(virConnectPtr conn)
{
    remotePrivate *priv = conn->privateData;
    int ret = 0;

    if (!priv)
        return 0;
    if (virNetClientIsOpen(priv->client) &&
        remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_CLOSE,
                   (xdrproc_t)xdr_void, NULL, (xdrproc_t)xdr_void, NULL) < 0)
        ret = -1;
    virNetClientSetCloseCallback(priv->client, NULL, NULL, NULL);
    conn->privateData = NULL;
    remotePrivateFree(priv);
    return ret;
}

/* ---- connection-level methods without a procedure of their own ----- */

static int
remoteConnectIsAlive(virConnectPtr conn)
{
    remotePrivate *priv = conn->privateData;

    return priv && priv->client && virNetClientIsOpen(priv->client) ? 1 : 0;
}

static int
remoteConnectSecureQuery(virConnectPtr conn, bool encrypted)
{
    remotePrivate *priv = remoteGetPrivate(conn);
    remote_connect_is_secure_ret ret = { 0 };

    if (!priv ||
        remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_IS_SECURE,
                   (xdrproc_t)xdr_void, NULL,
                   (xdrproc_t)xdr_remote_connect_is_secure_ret, (char *)&ret) < 0)
        return -1;
    /* secure when both our transport and the daemon's connection are */
    if (encrypted)
        return virNetClientIsEncrypted(priv->client) && ret.secure ? 1 : 0;
    return priv->isSecure && ret.secure ? 1 : 0;
}

static int
remoteConnectIsSecure(virConnectPtr conn)
{
    return remoteConnectSecureQuery(conn, false);
}

static int
remoteConnectIsEncrypted(virConnectPtr conn)
{
    return remoteConnectSecureQuery(conn, true);
}

static int
remoteConnectSetKeepAlive(virConnectPtr conn, int interval, unsigned int count)
{
    remotePrivate *priv = remoteGetPrivate(conn);

    if (!priv)
        return -1;
    if (!virNetClientKeepAliveIsSupported(priv->client)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "the caller doesn't support keepalive protocol; perhaps it's missing event loop implementation");
        return -1;
    }
    if (!priv->serverKeepAlive)
        return 1;
    if (interval > 0)
        return virNetClientKeepAliveStart(priv->client, interval, count);
    virNetClientKeepAliveStop(priv->client);
    return 0;
}

static const char *
remoteConnectGetType(virConnectPtr conn)
{
    remotePrivate *priv = remoteGetPrivate(conn);
    remote_connect_get_type_ret ret = { 0 };
    const char *type;

    if (!priv)
        return NULL;
    g_mutex_lock(&priv->lock);
    type = priv->type;
    g_mutex_unlock(&priv->lock);
    if (type)
        return type;
    if (remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_CONNECT_GET_TYPE,
                   (xdrproc_t)xdr_void, NULL,
                   (xdrproc_t)xdr_remote_connect_get_type_ret, (char *)&ret) < 0)
        return NULL;
    g_mutex_lock(&priv->lock);
    if (!priv->type)
        priv->type = g_steal_pointer(&ret.type);
    type = priv->type;
    g_mutex_unlock(&priv->lock);
    g_free(ret.type);
    return type;
}

static int
remoteConnectRegisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb,
                                   void *opaque, virFreeCallback freecb)
{
    virObjectLock(conn);
    if (conn->closeCallback.callback) {
        virObjectUnlock(conn);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "A close callback is already registered");
        return -1;
    }
    conn->closeCallback.callback = cb;
    conn->closeCallback.opaque = opaque;
    conn->closeCallback.freeCallback = freecb;
    virObjectUnlock(conn);
    return 0;
}

static int
remoteConnectUnregisterCloseCallback(virConnectPtr conn, virConnectCloseFunc cb)
{
    virFreeCallback ff;
    void *opaque;

    virObjectLock(conn);
    if (conn->closeCallback.callback != cb) {
        virObjectUnlock(conn);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "A different callback was requested");
        return -1;
    }
    ff = conn->closeCallback.freeCallback;
    opaque = conn->closeCallback.opaque;
    memset(&conn->closeCallback, 0, sizeof(conn->closeCallback));
    virObjectUnlock(conn);
    if (ff)
        ff(opaque);
    return 0;
}

/* ---- the tables --------------------------------------------------- */

static virHypervisorDriver remoteHypervisorDriver = {
    .name = "remote",
    .connectOpen = remoteConnectOpen,
    .connectClose = remoteConnectClose,
    .connectGetType = remoteConnectGetType,
    .connectIsAlive = remoteConnectIsAlive,
    .connectIsSecure = remoteConnectIsSecure,
    .connectIsEncrypted = remoteConnectIsEncrypted,
    .connectSetKeepAlive = remoteConnectSetKeepAlive,
    .connectRegisterCloseCallback = remoteConnectRegisterCloseCallback,
    .connectUnregisterCloseCallback = remoteConnectUnregisterCloseCallback,
};
static virNetworkDriver remoteNetworkDriver = { .name = "remote" };
static virInterfaceDriver remoteInterfaceDriver = { .name = "remote" };
static virStorageDriver remoteStorageDriver = { .name = "remote" };
static virNodeDeviceDriver remoteNodeDeviceDriver = { .name = "remote" };
static virSecretDriver remoteSecretDriver = { .name = "remote" };
static virNWFilterDriver remoteNWFilterDriver = { .name = "remote" };

static virConnectDriver remoteConnectDriver = {
    .hypervisorDriver = &remoteHypervisorDriver,
    .interfaceDriver = &remoteInterfaceDriver,
    .networkDriver = &remoteNetworkDriver,
    .nodeDeviceDriver = &remoteNodeDeviceDriver,
    .nwfilterDriver = &remoteNWFilterDriver,
    .secretDriver = &remoteSecretDriver,
    .storageDriver = &remoteStorageDriver,
};

int
remoteRegister(void)
{
    remoteGenFillHypervisorDriver(&remoteHypervisorDriver);
    remoteGenFillNetworkDriver(&remoteNetworkDriver);
    remoteGenFillInterfaceDriver(&remoteInterfaceDriver);
    remoteGenFillStorageDriver(&remoteStorageDriver);
    remoteGenFillNodeDeviceDriver(&remoteNodeDeviceDriver);
    remoteGenFillSecretDriver(&remoteSecretDriver);
    remoteGenFillNWFilterDriver(&remoteNWFilterDriver);
    qemuGenFillHypervisorDriver(&remoteHypervisorDriver);
    lxcGenFillHypervisorDriver(&remoteHypervisorDriver);
    remoteSpecialFillDrivers(&remoteHypervisorDriver, &remoteNodeDeviceDriver);
    remoteSpecialFillSecretDriver(&remoteSecretDriver);
    remoteEventsFillDrivers(&remoteHypervisorDriver, &remoteNetworkDriver, &remoteStorageDriver,
                            &remoteNodeDeviceDriver, &remoteSecretDriver);
    return virRegisterConnectDriver(&remoteConnectDriver, false);
}
