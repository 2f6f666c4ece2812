/*
 * daemon_client.c: per-client state of the remote program.
 */
#include "internal.h"
#include "daemon/daemon_client.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

VIR_LOG_INIT("daemon.client");

static void
remoteClientFree(void *opaque)
{
    daemonClient *dc = opaque;

    if (dc->conn)
        virConnectClose(dc->conn);
    g_ptr_array_unref(dc->events);
    g_ptr_array_unref(dc->streams);
    g_mutex_clear(&dc->lock);
    g_free(dc);
}

/* The client went away: stop what still refers to it. */
static void
remoteClientClosed(virNetServerClient *client)
{
    daemonClient *dc = virNetServerClientGetPrivateData(client);
    virConnectPtr conn;

    if (!dc)
        return;
    remoteStreamsAbort(dc);
    g_mutex_lock(&dc->lock);
    conn = dc->conn ? virObjectRef(dc->conn) : NULL;
    g_mutex_unlock(&dc->lock);
    if (conn) {
        remoteEventsDeregisterAll(dc, conn);
        virObjectUnref(conn);
    }
}

int
remoteClientInit(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client,
                 void *opaque G_GNUC_UNUSED)
{
    daemonClient *dc = g_new0(daemonClient, 1);

    g_mutex_init(&dc->lock);
    dc->client = client;
    dc->events = g_ptr_array_new_with_free_func(g_free);
    dc->streams = g_ptr_array_new();
    dc->nextRemoteID = 1;
    virNetServerClientSetPrivateData(client, dc, remoteClientFree);
    virNetServerClientSetCloseHook(client, remoteClientClosed);
    return 0;
}

daemonClient *
remoteGetClient(virNetServerClient *client)
{
    return virNetServerClientGetPrivateData(client);
}

static virConnectPtr
remoteGetConn(virNetServerClient *client, const char *what)
{
    daemonClient *dc = virNetServerClientGetPrivateData(client);
    virConnectPtr conn;

    g_mutex_lock(&dc->lock);
    conn = dc->conn;
    g_mutex_unlock(&dc->lock);
    if (!conn)
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", what);
    return conn;
}

virConnectPtr
remoteGetHypervisorConn(virNetServerClient *client)
{
    return remoteGetConn(client, "hypervisor connection not open");
}

virConnectPtr
remoteGetSecondaryConn(virNetServerClient *client)
{
    return remoteGetConn(client, "connection not open");
}

int
remoteClientOpen(virNetServerClient *client, const char *name, unsigned int flags)
{
    daemonClient *dc = virNetServerClientGetPrivateData(client);
    virConnectPtr conn;
    int ret = -1;

    g_mutex_lock(&dc->lock);
    if (dc->conn) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "connection already open");
        goto cleanup;
    }
    /* as libvirt's daemon: of the client's flags only VIR_CONNECT_RO is
     * passed on, the others are ignored */
    flags &= VIR_CONNECT_RO;
    if (virNetServerClientGetReadonly(client))
        flags |= VIR_CONNECT_RO;
    VIR_DEBUG("client %llu opens '%s'", virNetServerClientGetID(client), NULLSTR(name));
    if (flags & VIR_CONNECT_RO)
        conn = virConnectOpenReadOnly(name);
    else
        conn = virConnectOpenAuth(name, NULL, flags);
    if (!conn)
        goto cleanup;
    dc->conn = conn;
    ret = 0;
 cleanup:
    g_mutex_unlock(&dc->lock);
    return ret;
}
