/*
 * virnetclientstream.c: the client end of a data stream.
 *
 * Incoming packets are kept in order (data and holes), so a reader sees
 * holes at the right place.  An empty data packet is the end of data.
 */
#include "internal.h"
#include "rpc/virnetclientstream.h"
#include "util/virevent.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netclientstream");

struct _virNetClientStream {
    gint refs;                     /* g_atomic access only */
    /* immutable after creation */
    virNetClientProgram *prog;
    int proc;
    unsigned int serial;
    bool allowSkip;

    /* guarded by the client's lock */
    virNetMessage *rx;             /* data and hole packets, in order */
    bool incomingEOF;
    bool closed;                   /* finished or aborted */
    virError err;                  /* the daemon's error, code 0: none */
    long long holeLength;          /* of the hole being read */

    virNetClient *cbClient;        /* not referenced */
    virNetClientStreamEventCallback cb;
    void *cbOpaque;
    virFreeCallback cbFree;
    int cbEvents;
    int cbTimer;
    bool cbDispatching;
};

virNetClientStream *
virNetClientStreamNew(virNetClientProgram *prog, int proc, unsigned int serial,
                      bool allowSkip)
{
    virNetClientStream *st = g_new0(virNetClientStream, 1);

    st->refs = 1;
    st->prog = virNetClientProgramRef(prog);
    st->proc = proc;
    st->serial = serial;
    st->allowSkip = allowSkip;
    st->cbTimer = -1;
    return st;
}

virNetClientStream *
virNetClientStreamRef(virNetClientStream *st)
{
    g_atomic_int_inc(&st->refs);
    return st;
}

void
virNetClientStreamUnref(virNetClientStream *st)
{
    virNetMessage *msg;

    if (!st || !g_atomic_int_dec_and_test(&st->refs))
        return;
    while ((msg = virNetMessageQueueServe(&st->rx)))
        virNetMessageFree(msg);
    virResetError(&st->err);
    if (st->cbFree)
        st->cbFree(st->cbOpaque);
    virNetClientProgramUnref(st->prog);
    g_free(st);
}

unsigned int
virNetClientStreamGetSerial(virNetClientStream *st)
{
    return st->serial;
}

virNetClientProgram *
virNetClientStreamGetProgram(virNetClientStream *st)
{
    return st->prog;
}

bool
virNetClientStreamMatches(virNetClientStream *st, virNetMessage *msg)
{
    return virNetClientProgramMatches(st->prog, msg) &&
           st->proc == msg->header.proc && st->serial == msg->header.serial;
}

/* ---- event callbacks ---------------------------------------------- */

static int
virNetClientStreamReadyEvents(virNetClientStream *st)
{
    int events = 0;

    if ((st->cbEvents & VIR_STREAM_EVENT_READABLE) &&
        (st->rx || st->incomingEOF || st->holeLength))
        events |= VIR_STREAM_EVENT_READABLE;
    if ((st->cbEvents & VIR_STREAM_EVENT_WRITABLE) && !st->closed)
        events |= VIR_STREAM_EVENT_WRITABLE;
    if (st->err.code != VIR_ERR_OK)
        events |= VIR_STREAM_EVENT_ERROR;
    return events;
}

static void
virNetClientStreamTimerUpdate(virNetClientStream *st)
{
    if (st->cbTimer < 0 || st->cbDispatching)
        return;
    virEventUpdateTimeout(st->cbTimer,
                          st->cb && virNetClientStreamReadyEvents(st) ? 0 : -1);
}

static void
virNetClientStreamTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virNetClientStream *st = opaque;
    virNetClient *client = st->cbClient;
    virNetClientStreamEventCallback cb;
    void *cbOpaque;
    int events;

    virNetClientLock(client);
    cb = st->cb;
    cbOpaque = st->cbOpaque;
    events = virNetClientStreamReadyEvents(st);
    if (!cb || !events) {
        virEventUpdateTimeout(st->cbTimer, -1);
        virNetClientUnlock(client);
        return;
    }
    st->cbDispatching = true;
    virNetClientUnlock(client);

    cb(st, events, cbOpaque);

    virNetClientLock(client);
    st->cbDispatching = false;
    virNetClientStreamTimerUpdate(st);
    virNetClientUnlock(client);
}

int
virNetClientStreamEventAddCallback(virNetClientStream *st, virNetClient *client,
                                   int events, virNetClientStreamEventCallback cb,
                                   void *opaque, virFreeCallback ff)
{
    int ret = -1;

    virNetClientLock(client);
    if (st->cb) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "multiple stream callbacks not supported");
        goto cleanup;
    }
    if ((st->cbTimer = virEventAddTimeout(-1, virNetClientStreamTimer,
                                          virNetClientStreamRef(st),
                                          (virFreeCallback)virNetClientStreamUnref)) < 0) {
        virNetClientStreamUnref(st);
        goto cleanup;
    }
    st->cbClient = client;
    st->cb = cb;
    st->cbOpaque = opaque;
    st->cbFree = ff;
    st->cbEvents = events;
    virNetClientStreamTimerUpdate(st);
    ret = 0;

 cleanup:
    virNetClientUnlock(client);
    return ret;
}

int
virNetClientStreamEventUpdateCallback(virNetClientStream *st,
                                      virNetClient *client, int events)
{
    int ret = -1;

    virNetClientLock(client);
    if (!st->cb) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "no stream callback registered");
    } else {
        st->cbEvents = events;
        virNetClientStreamTimerUpdate(st);
        ret = 0;
    }
    virNetClientUnlock(client);
    return ret;
}

int
virNetClientStreamEventRemoveCallback(virNetClientStream *st, virNetClient *client)
{
    virFreeCallback ff;
    void *opaque;

    virNetClientLock(client);
    if (!st->cb) {
        virNetClientUnlock(client);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "no stream callback registered");
        return -1;
    }
    ff = st->cbFree;
    opaque = st->cbOpaque;
    st->cb = NULL;
    st->cbFree = NULL;
    st->cbOpaque = NULL;
    st->cbEvents = 0;
    virEventRemoveTimeout(st->cbTimer);
    st->cbTimer = -1;
    virNetClientUnlock(client);
    if (ff)
        ff(opaque);
    return 0;
}

/* ---- the reader's side -------------------------------------------- */

void
virNetClientStreamQueuePacket(virNetClientStream *st, virNetMessage *msg)
{
    if (msg->header.type == VIR_NET_STREAM &&
        msg->bufferOffset == msg->bufferLength) {
        st->incomingEOF = true;
        virNetMessageFree(msg);
    } else {
        virNetMessageQueuePush(&st->rx, msg);
    }
    virNetClientStreamTimerUpdate(st);
}

void
virNetClientStreamSetError(virNetClientStream *st, virNetMessage *msg)
{
    virNetMessageError err;
    virErrorPtr saved;

    memset(&err, 0, sizeof(err));
    if (st->err.code != VIR_ERR_OK)
        return;
    if (virNetMessageDecodePayload(msg, (xdrproc_t)xdr_virNetMessageError, &err) < 0) {
        st->err.code = VIR_ERR_RPC;
        st->err.domain = VIR_FROM_RPC;
        st->err.level = VIR_ERR_ERROR;
        st->err.message = g_strdup("Unable to decode message payload");
        virResetLastError();
    } else {
        /* raise it once to get libvirt's mapping, keep a copy */
        virErrorPreserveLast(&saved);
        virNetMessageRaiseError(&err);
        virCopyError(virGetLastError(), &st->err);
        virErrorRestore(&saved);
        xdr_free((xdrproc_t)xdr_virNetMessageError, (char *)&err);
    }
    virNetClientStreamTimerUpdate(st);
}

void
virNetClientStreamSetClosed(virNetClientStream *st)
{
    st->closed = true;
    virNetClientStreamTimerUpdate(st);
}

void
virNetClientStreamConnectionFailed(virNetClientStream *st)
{
    if (st->err.code == VIR_ERR_OK && !st->closed) {
        virErrorPtr err = virGetLastError();

        if (err) {
            virCopyError(err, &st->err);
        } else {
            st->err.code = VIR_ERR_INTERNAL_ERROR;
            st->err.domain = VIR_FROM_RPC;
            st->err.level = VIR_ERR_ERROR;
            st->err.message = g_strdup("internal error: client socket is closed");
        }
    }
    virNetClientStreamTimerUpdate(st);
}

bool
virNetClientStreamHasData(virNetClientStream *st)
{
    return st->rx || st->incomingEOF || st->closed || st->err.code != VIR_ERR_OK;
}

/* ---- the stream's own calls --------------------------------------- */

static int
virNetClientStreamCheckState(virNetClientStream *st)
{
    if (st->err.code != VIR_ERR_OK) {
        virSetError(&st->err);
        return -1;
    }
    if (st->closed) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s", "stream is closed");
        return -1;
    }
    return 0;
}

bool
virNetClientStreamRaiseError(virNetClient *client, virNetClientStream *st)
{
    bool ret = false;

    virNetClientLock(client);
    if (st->err.code != VIR_ERR_OK) {
        virSetError(&st->err);
        ret = true;
    }
    virNetClientUnlock(client);
    return ret;
}

static virNetMessage *
virNetClientStreamMessage(virNetClientStream *st, int type, int status)
{
    virNetMessage *msg = virNetMessageNew(false);

    msg->header.prog = virNetClientProgramGetProgram(st->prog);
    msg->header.vers = virNetClientProgramGetVersion(st->prog);
    msg->header.proc = st->proc;
    msg->header.type = type;
    msg->header.serial = st->serial;
    msg->header.status = status;
    ignore_value(virNetMessageEncodeHeader(msg));
    return msg;
}

int
virNetClientStreamSendPacket(virNetClientStream *st, virNetClient *client,
                             int status, const char *data, size_t nbytes)
{
    g_autoptr(virNetMessage) msg = virNetClientStreamMessage(st, VIR_NET_STREAM, status);
    int rv;

    virNetClientLock(client);
    rv = virNetClientStreamCheckState(st);
    virNetClientUnlock(client);
    if (rv < 0)
        return -1;
    if (virNetMessageEncodePayloadRaw(msg, status == VIR_NET_CONTINUE ? data : NULL,
                                      status == VIR_NET_CONTINUE ? nbytes : 0) < 0)
        return -1;
    if (status == VIR_NET_CONTINUE)
        return virNetClientSendNoReply(client, msg) < 0 ? -1 : (int)nbytes;

    /* finish or abort: wait for the daemon's confirmation (or error) */
    if (virNetClientSendWithReply(client, msg) < 0)
        return -1;
    virNetClientLock(client);
    st->closed = true;
    rv = 0;
    if (st->err.code != VIR_ERR_OK && status == VIR_NET_OK) {
        virSetError(&st->err);
        rv = -1;
    }
    virNetClientUnlock(client);
    return rv;
}

/* Take the hole at the head of the queue into holeLength. */
static int
virNetClientStreamTakeHole(virNetClientStream *st)
{
    virNetMessage *msg = virNetMessageQueueServe(&st->rx);
    virNetStreamHole data;
    int ret;

    memset(&data, 0, sizeof(data));
    if (!st->allowSkip) {
        virReportError(VIR_ERR_RPC, "%s", "Unexpected stream hole");
        ret = -1;
    } else if (virNetMessageDecodePayload(msg, (xdrproc_t)xdr_virNetStreamHole, &data) < 0 ||
               data.length <= 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Malformed stream hole packet");
        ret = -1;
    } else {
        st->holeLength = data.length;
        ret = 0;
    }
    virNetMessageFree(msg);
    return ret;
}

/* Copy queued data into @data; with the lock held. */
static size_t
virNetClientStreamCopyData(virNetClientStream *st, char *data, size_t nbytes)
{
    size_t got = 0;

    if (st->holeLength) {
        size_t len = MIN(nbytes, (size_t)st->holeLength);

        memset(data, 0, len);
        st->holeLength -= len;
        got = len;
    }
    while (got < nbytes && st->rx && st->rx->header.type == VIR_NET_STREAM) {
        virNetMessage *msg = st->rx;
        size_t len = MIN(nbytes - got, msg->bufferLength - msg->bufferOffset);

        memcpy(data + got, msg->buffer + msg->bufferOffset, len);
        got += len;
        msg->bufferOffset += len;
        if (msg->bufferOffset == msg->bufferLength)
            virNetMessageFree(virNetMessageQueueServe(&st->rx));
    }
    return got;
}

int
virNetClientStreamRecvPacket(virNetClientStream *st, virNetClient *client,
                             char *data, size_t nbytes, bool nonblock,
                             unsigned int flags)
{
    int rv = -1;

    virCheckFlags(VIR_STREAM_RECV_STOP_AT_HOLE, -1);

    virNetClientLock(client);
    for (;;) {
        if (st->rx && st->rx->header.type == VIR_NET_STREAM_HOLE && st->holeLength == 0 &&
            virNetClientStreamTakeHole(st) < 0)
            goto cleanup;
        if (st->rx || st->holeLength || st->incomingEOF)
            break;
        if (virNetClientStreamCheckState(st) < 0)
            goto cleanup;
        virNetClientUnlock(client);
        rv = virNetClientWaitStream(client, st, nonblock);
        virNetClientLock(client);
        if (rv < 0)
            goto cleanup;
        if (rv == 0) {
            rv = -2;
            goto cleanup;
        }
        rv = -1;
    }
    if (st->holeLength && (flags & VIR_STREAM_RECV_STOP_AT_HOLE)) {
        rv = -3;
        goto cleanup;
    }
    rv = virNetClientStreamCopyData(st, data, nbytes);
    if (rv == 0 && !st->incomingEOF && virNetClientStreamCheckState(st) < 0)
        rv = -1;
    virNetClientStreamTimerUpdate(st);

 cleanup:
    virNetClientUnlock(client);
    return rv;
}

int
virNetClientStreamSendHole(virNetClientStream *st, virNetClient *client,
                           long long length, unsigned int flags)
{
    g_autoptr(virNetMessage) msg = NULL;
    virNetStreamHole data = { .length = length, .flags = flags };

    if (!st->allowSkip) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "Skipping is not supported with this stream");
        return -1;
    }
    msg = virNetClientStreamMessage(st, VIR_NET_STREAM_HOLE, VIR_NET_CONTINUE);
    if (virNetMessageEncodePayload(msg, (xdrproc_t)xdr_virNetStreamHole, &data) < 0)
        return -1;
    return virNetClientSendNoReply(client, msg);
}

int
virNetClientStreamRecvHole(virNetClient *client, virNetClientStream *st,
                           long long *length)
{
    int ret = 0;

    if (!st->allowSkip) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "Holes are not supported with this stream");
        return -1;
    }
    virNetClientLock(client);
    if (virNetClientStreamCheckState(st) < 0) {
        ret = -1;
    } else {
        *length = st->holeLength;
        st->holeLength = 0;
    }
    virNetClientUnlock(client);
    return ret;
}
