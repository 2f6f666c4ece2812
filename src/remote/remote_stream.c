/*
 * remote_stream.c: the stream driver of remote streams: a virStreamPtr
 * whose data travels as STREAM messages of the call that opened it.
 */
#include "internal.h"
#include "remote/remote_driver.h"
#include "remote/remote_client.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

VIR_LOG_INIT("remote.stream");

typedef struct {
    virNetClient *client;         /* referenced */
    virNetClientStream *netst;    /* referenced */
} remoteStreamData;

static void
remoteStreamDataFree(void *opaque)
{
    remoteStreamData *data = opaque;

    virNetClientRemoveStream(data->client, data->netst);
    virNetClientStreamUnref(data->netst);
    virNetClientUnref(data->client);
    g_free(data);
}

static int
remoteStreamSend(virStreamPtr st, const char *data, size_t nbytes)
{
    remoteStreamData *d = st->privateData;

    if (virNetClientStreamRaiseError(d->client, d->netst))
        return -1;
    return virNetClientStreamSendPacket(d->netst, d->client, VIR_NET_CONTINUE, data, nbytes);
}

static int
remoteStreamRecvFlags(virStreamPtr st, char *data, size_t nbytes, unsigned int flags)
{
    remoteStreamData *d = st->privateData;

    virCheckFlags(VIR_STREAM_RECV_STOP_AT_HOLE, -1);
    return virNetClientStreamRecvPacket(d->netst, d->client, data, nbytes,
                                        st->flags & VIR_STREAM_NONBLOCK, flags);
}

static int
remoteStreamRecv(virStreamPtr st, char *data, size_t nbytes)
{
    return remoteStreamRecvFlags(st, data, nbytes, 0);
}

static int
remoteStreamSendHole(virStreamPtr st, long long length, unsigned int flags)
{
    remoteStreamData *d = st->privateData;

    if (virNetClientStreamRaiseError(d->client, d->netst))
        return -1;
    return virNetClientStreamSendHole(d->netst, d->client, length, flags);
}

static int
remoteStreamRecvHole(virStreamPtr st, long long *length, unsigned int flags)
{
    remoteStreamData *d = st->privateData;

    virCheckFlags(0, -1);
    return virNetClientStreamRecvHole(d->client, d->netst, length);
}

/* Finish or abort: tell the daemon, wait for its word, unbind. */
static int
remoteStreamClose(virStreamPtr st, int status)
{
    remoteStreamData *d = st->privateData;
    int rv;

    if (status == VIR_NET_OK && virNetClientStreamRaiseError(d->client, d->netst))
        rv = -1;
    else
        rv = virNetClientStreamSendPacket(d->netst, d->client, status, NULL, 0);
    if (status == VIR_NET_ERROR)
        rv = 0;       /* an abort is done whatever the daemon says */
    virNetClientRemoveStream(d->client, d->netst);
    return rv < 0 ? -1 : 0;
}

static int
remoteStreamFinish(virStreamPtr st)
{
    return remoteStreamClose(st, VIR_NET_OK);
}

static int
remoteStreamAbort(virStreamPtr st)
{
    return remoteStreamClose(st, VIR_NET_ERROR);
}

typedef struct {
    virStreamPtr st;
    virStreamEventCallback cb;
    void *opaque;
    virFreeCallback ff;
} remoteStreamCallback;

static void
remoteStreamEventFire(virNetClientStream *netst G_GNUC_UNUSED, int events, void *opaque)
{
    remoteStreamCallback *cbdata = opaque;

    cbdata->cb(cbdata->st, events, cbdata->opaque);
}

static void
remoteStreamCallbackFree(void *opaque)
{
    remoteStreamCallback *cbdata = opaque;

    if (cbdata->ff)
        cbdata->ff(cbdata->opaque);
    virObjectUnref(cbdata->st);
    g_free(cbdata);
}

static int
remoteStreamEventAddCallback(virStreamPtr st, int events, virStreamEventCallback cb,
                             void *opaque, virFreeCallback ff)
{
    remoteStreamData *d = st->privateData;
    remoteStreamCallback *cbdata = g_new0(remoteStreamCallback, 1);

    cbdata->st = virObjectRef(st);
    cbdata->cb = cb;
    cbdata->opaque = opaque;
    cbdata->ff = ff;
    if (virNetClientStreamEventAddCallback(d->netst, d->client, events,
                                           remoteStreamEventFire, cbdata,
                                           remoteStreamCallbackFree) < 0) {
        virObjectUnref(st);
        g_free(cbdata);
        return -1;
    }
    return 0;
}

static int
remoteStreamEventUpdateCallback(virStreamPtr st, int events)
{
    remoteStreamData *d = st->privateData;

    return virNetClientStreamEventUpdateCallback(d->netst, d->client, events);
}

static int
remoteStreamEventRemoveCallback(virStreamPtr st)
{
    remoteStreamData *d = st->privateData;

    return virNetClientStreamEventRemoveCallback(d->netst, d->client);
}

static virStreamDriver remoteStreamDriver = {
    .streamSend = remoteStreamSend,
    .streamRecv = remoteStreamRecv,
    .streamRecvFlags = remoteStreamRecvFlags,
    .streamSendHole = remoteStreamSendHole,
    .streamRecvHole = remoteStreamRecvHole,
    .streamFinish = remoteStreamFinish,
    .streamAbort = remoteStreamAbort,
    .streamEventAddCallback = remoteStreamEventAddCallback,
    .streamEventUpdateCallback = remoteStreamEventUpdateCallback,
    .streamEventRemoveCallback = remoteStreamEventRemoveCallback,
};

virNetClientStream *
remoteStreamOpen(virStreamPtr st, int prog, int proc, bool sparse)
{
    remotePrivate *priv = st->conn->privateData;
    virNetClientStream *netst;

    if (!priv || !priv->client) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "connection not open");
        return NULL;
    }
    if (st->driver) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "stream is already in use");
        return NULL;
    }
    netst = virNetClientStreamNew(priv->programs[prog], proc,
                                  virNetClientNextSerial(priv->client), sparse);
    virNetClientAddStream(priv->client, netst);
    return netst;
}

int
remoteCallStream(virConnectPtr conn, virNetClientStream *netst, int proc,
                 xdrproc_t args_filter, char *args, xdrproc_t ret_filter, char *ret)
{
    remotePrivate *priv = conn->privateData;

    if (virNetClientProgramCall(virNetClientStreamGetProgram(netst), priv->client,
                                virNetClientStreamGetSerial(netst), proc,
                                0, NULL, NULL, NULL,
                                args_filter, args, ret_filter, ret) < 0) {
        if (ret)
            xdr_free(ret_filter, ret);
        return -1;
    }
    return 0;
}

void
remoteStreamOpened(virStreamPtr st, virNetClientStream *netst)
{
    remotePrivate *priv = st->conn->privateData;
    remoteStreamData *data = g_new0(remoteStreamData, 1);

    data->client = virNetClientRef(priv->client);
    data->netst = virNetClientStreamRef(netst);
    st->driver = &remoteStreamDriver;
    st->privateData = data;
    st->ff = remoteStreamDataFree;
}

void
remoteStreamRelease(virStreamPtr st, virNetClientStream *netst, bool ok)
{
    remotePrivate *priv = st->conn->privateData;

    if (!netst)
        return;
    if (!ok && priv && priv->client)
        virNetClientRemoveStream(priv->client, netst);
    virNetClientStreamUnref(netst);
}
