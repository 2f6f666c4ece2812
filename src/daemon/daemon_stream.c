/*
 * daemon_stream.c: the daemon's end of data streams.
 *
 * A procedure that opens a stream (volume upload and download, console,
 * screenshot) leaves a local virStreamPtr from the driver.  Its data
 * moves in a thread of the stream's own: the client's STREAM packets of
 * the call's serial are taken by a filter (under the connection's lock,
 * so only queued there) and written to the local stream; or the local
 * stream is read and sent as STREAM packets, at most a few megabytes
 * ahead of the socket.  The client's finish (status OK) is answered once
 * the local stream is finished; its abort (status ERROR) aborts it.
 */
#include "internal.h"
#include "daemon/daemon_client.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_STREAMS

VIR_LOG_INIT("daemon.stream");

/* libvirt moves stream data in chunks of at most this size */
#define STREAM_CHUNK 262120

typedef struct {
    daemonClient *dc;              /* not referenced: the client's stream list */
    virNetServerClient *client;    /* referenced */
    virNetServerProgram *prog;     /* referenced */
    virStreamPtr st;               /* referenced */
    int proc;
    unsigned int serial;
    bool clientWrites;
    bool sparse;
    int filterID;
    GAsyncQueue *queue;            /* the client's packets */
    gint aborted;                  /* g_atomic: the client went away */
} daemonStream;

static virNetServerProgram *remoteStreamProgram;

void remoteStreamSetProgram(virNetServerProgram *prog);
void
remoteStreamSetProgram(virNetServerProgram *prog)
{
    remoteStreamProgram = prog;
}

static int
daemonStreamFilter(virNetServerClient *client G_GNUC_UNUSED, virNetMessage *msg,
                   void *opaque)
{
    daemonStream *ds = opaque;

    if ((msg->header.type != VIR_NET_STREAM && msg->header.type != VIR_NET_STREAM_HOLE) ||
        msg->header.proc != ds->proc || msg->header.serial != ds->serial ||
        !virNetServerProgramMatches(ds->prog, msg))
        return 0;
    g_async_queue_push(ds->queue, msg);
    return 1;
}

static void
daemonStreamSendError(daemonStream *ds, virNetMessage *msg)
{
    virNetMessageError rerr;

    memset(&rerr, 0, sizeof(rerr));
    virNetServerProgramSendStreamError(ds->prog, ds->client,
                                       msg ? msg : virNetMessageNew(false),
                                       &rerr, ds->proc, ds->serial);
}

/* The client finished (OK) or aborted (ERROR) the stream: answer with
 * @msg reused. */
static void
daemonStreamEnd(daemonStream *ds, virNetMessage *msg)
{
    if (msg->header.status == VIR_NET_OK) {
        if (virStreamFinish(ds->st) < 0) {
            daemonStreamSendError(ds, msg);
            return;
        }
        virNetServerProgramSendStreamData(ds->prog, ds->client, msg, ds->proc,
                                          ds->serial, NULL, 0);
        return;
    }
    ignore_value(virStreamAbort(ds->st));
    virReportError(VIR_ERR_RPC, "%s", "stream aborted at client request");
    daemonStreamSendError(ds, msg);
}

/* Upload: write the client's packets to the local stream. */
static void
daemonStreamRunWrite(daemonStream *ds)
{
    for (;;) {
        virNetMessage *msg = g_async_queue_pop(ds->queue);
        const char *data = msg->buffer + msg->bufferOffset;
        size_t len = msg->bufferLength - msg->bufferOffset;

        if (!msg->buffer) {         /* the wake-up of an abort */
            virNetMessageFree(msg);
            ignore_value(virStreamAbort(ds->st));
            return;
        }
        if (msg->header.status != VIR_NET_CONTINUE) {
            daemonStreamEnd(ds, msg);
            return;
        }
        if (msg->header.type == VIR_NET_STREAM_HOLE) {
            virNetStreamHole hole;

            memset(&hole, 0, sizeof(hole));
            if (virNetMessageDecodePayload(msg, (xdrproc_t)xdr_virNetStreamHole, &hole) < 0 ||
                virStreamSendHole(ds->st, hole.length, hole.flags) < 0)
                goto error;
        }
        while (msg->header.type == VIR_NET_STREAM && len > 0) {
            int n = virStreamSend(ds->st, data, len);

            if (n < 0)
                goto error;
            data += n;
            len -= n;
        }
        virNetServerClientDropMessage(ds->client, msg);
        continue;

     error:
        ignore_value(virStreamAbort(ds->st));
        daemonStreamSendError(ds, msg);
        return;
    }
}

/* Download: send the local stream's data, then wait for the end. */
static void
daemonStreamRunRead(daemonStream *ds)
{
    g_autofree char *buf = g_malloc(STREAM_CHUNK);
    virNetMessage *msg;

    for (;;) {
        int n;

        if (g_atomic_int_get(&ds->aborted) || g_async_queue_length(ds->queue) > 0)
            break;      /* the client ended it early */
        n = virStreamRecvFlags(ds->st, buf, STREAM_CHUNK,
                               ds->sparse ? VIR_STREAM_RECV_STOP_AT_HOLE : 0);
        if (n == -3) {
            long long length = 0;

            if (virStreamRecvHole(ds->st, &length, 0) < 0)
                goto error;
            virNetServerProgramSendStreamHole(ds->prog, ds->client, virNetMessageNew(false),
                                              ds->proc, ds->serial, length, 0);
            continue;
        }
        if (n < 0)
            goto error;
        virNetServerProgramSendStreamData(ds->prog, ds->client, virNetMessageNew(false),
                                          ds->proc, ds->serial, buf, n);
        if (n == 0)
            break;      /* end of data: now the client finishes */
        virNetServerClientWaitTx(ds->client, 4 * STREAM_CHUNK * 4);
    }
    for (;;) {
        msg = g_async_queue_pop(ds->queue);
        if (!msg->buffer) {
            virNetMessageFree(msg);
            ignore_value(virStreamAbort(ds->st));
            return;
        }
        if (msg->header.status != VIR_NET_CONTINUE) {
            daemonStreamEnd(ds, msg);
            return;
        }
        virNetServerClientDropMessage(ds->client, msg);
    }

 error:
    ignore_value(virStreamAbort(ds->st));
    daemonStreamSendError(ds, NULL);
}

static void
daemonStreamFree(daemonStream *ds)
{
    virNetMessage *msg;

    while ((msg = g_async_queue_try_pop(ds->queue)))
        virNetServerClientDropMessage(ds->client, msg);
    g_async_queue_unref(ds->queue);
    virObjectUnref(ds->st);
    virNetServerProgramUnref(ds->prog);
    virNetServerClientUnref(ds->client);
    g_free(ds);
}

static gpointer
daemonStreamThread(gpointer opaque)
{
    daemonStream *ds = opaque;

    if (ds->clientWrites)
        daemonStreamRunWrite(ds);
    else
        daemonStreamRunRead(ds);
    virResetLastError();
    virNetServerClientRemoveFilter(ds->client, ds->filterID);
    g_mutex_lock(&ds->dc->lock);
    g_ptr_array_remove(ds->dc->streams, ds);
    g_mutex_unlock(&ds->dc->lock);
    daemonStreamFree(ds);
    return NULL;
}

int
remoteStreamStart(virNetServerClient *client, virNetMessage *msg, virStreamPtr st,
                  bool clientWrites, bool sparse)
{
    daemonClient *dc = remoteGetClient(client);
    daemonStream *ds = g_new0(daemonStream, 1);
    g_autoptr(GError) err = NULL;
    GThread *thread;

    ds->dc = dc;
    ds->client = virNetServerClientRef(client);
    ds->prog = virNetServerProgramRef(remoteStreamProgram);
    ds->st = virObjectRef(st);
    ds->proc = msg->header.proc;
    ds->serial = msg->header.serial;
    ds->clientWrites = clientWrites;
    ds->sparse = sparse;
    ds->queue = g_async_queue_new();
    ds->filterID = virNetServerClientAddFilter(client, daemonStreamFilter, ds);
    g_mutex_lock(&dc->lock);
    g_ptr_array_add(dc->streams, ds);
    g_mutex_unlock(&dc->lock);
    if (!(thread = g_thread_try_new("stream", daemonStreamThread, ds, &err))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "cannot start stream thread: %s",
                       err->message);
        virNetServerClientRemoveFilter(client, ds->filterID);
        g_mutex_lock(&dc->lock);
        g_ptr_array_remove(dc->streams, ds);
        g_mutex_unlock(&dc->lock);
        daemonStreamFree(ds);
        return -1;
    }
    g_thread_unref(thread);
    return 0;
}

void
remoteStreamsAbort(daemonClient *dc)
{
    size_t i;

    g_mutex_lock(&dc->lock);
    for (i = 0; i < dc->streams->len; i++) {
        daemonStream *ds = g_ptr_array_index(dc->streams, i);

        g_atomic_int_set(&ds->aborted, 1);
        g_async_queue_push(ds->queue, virNetMessageNew(false));
    }
    g_mutex_unlock(&dc->lock);
}
