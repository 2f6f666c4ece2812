/*
 * test_stream.c: volume streams of the test driver, in process.
 *
 * The stream keeps a position in the volume's testVolData and moves
 * bytes with each call; the data is always there, so nothing ever
 * blocks and non-blocking streams never answer -2.  The semantics are
 * those libvirt's client library gives a volume stream served by its
 * daemon's file stream:
 *
 *  - a length limits the transfer: reads end there, a write past it
 *    fails with ENOSPC ("cannot write to stream");
 *  - a download ends at the end of the volume;
 *  - on a sparse download virStreamRecvFlags(STOP_AT_HOLE) answers -3
 *    at a hole, which virStreamRecvHole then skips; plain reads return
 *    a hole's zeros; a block device has no holes;
 *  - on a sparse upload a hole skips ahead and, as ftruncate() at the
 *    new position does in libvirt, cuts the volume there (a block
 *    device gets zeros written instead);
 *  - holes on a stream opened without the sparse flag are refused, as
 *    libvirt's client refuses them;
 *  - every call after virStreamFinish or virStreamAbort fails with
 *    "stream is closed".
 */
#include "internal.h"
#include "util/virevent.h"
#include "test/test_stream.h"

#define VIR_FROM_THIS VIR_FROM_STREAMS

/* libvirt's client reports these from its RPC layer */
#define testStreamReportRPC(code, ...) \
    virReportErrorHelper(VIR_FROM_RPC, code, __FILE__, __FUNCTION__, __LINE__, \
                         __VA_ARGS__)

typedef struct {
    GMutex lock;

    /* immutable after open */
    virConnectPtr conn;             /* the stream's (it outlives this state) */
    testVolData *data;              /* holding a reference */
    unsigned int flags;             /* testVolStreamFlags */
    bool limited;
    unsigned long long end;         /* when limited: where the transfer stops */
    testVolStreamCloseFunc onClose;
    void *opaque;
    GDestroyNotify freeOpaque;

    /* guarded by lock */
    unsigned long long pos;         /* the next byte of the volume moved */
    unsigned long long hole;        /* download: the hole at pos answered -3 for */
    bool closed;
    int timer;                      /* -1: no callback */
    virStreamEventCallback cb;
    void *cbOpaque;
    virFreeCallback cbFree;
    int cbEvents;
    bool dispatching;               /* cb running: free its opaque afterwards */
    bool cbRemoved;
} testVolStream;

static void
testVolStreamFree(void *opaque)
{
    testVolStream *vs = opaque;

    virObjectUnref(vs->data);
    if (vs->freeOpaque)
        vs->freeOpaque(vs->opaque);
    g_mutex_clear(&vs->lock);
    g_free(vs);
}

/* The stream's state, locked; NULL with an error once it has ended. */
static testVolStream *
testVolStreamLock(virStreamPtr st)
{
    testVolStream *vs = st->privateData;

    g_mutex_lock(&vs->lock);
    if (vs->closed) {
        g_mutex_unlock(&vs->lock);
        testStreamReportRPC(VIR_ERR_OPERATION_FAILED, "%s", "stream is closed");
        return NULL;
    }
    return vs;
}

static bool
testVolStreamIs(testVolStream *vs, unsigned int flag)
{
    return !!(vs->flags & flag);
}

/* Bytes left before the limit (G_MAXUINT64 without one); a device
 * cannot be written past its end. */
static unsigned long long
testVolStreamLeft(testVolStream *vs)
{
    unsigned long long left = G_MAXUINT64;

    if (vs->limited)
        left = vs->end > vs->pos ? vs->end - vs->pos : 0;
    if (testVolStreamIs(vs, TEST_VOL_STREAM_UPLOAD) &&
        testVolStreamIs(vs, TEST_VOL_STREAM_BLOCK)) {
        unsigned long long size = testVolDataLength(vs->data);

        left = MIN(left, size > vs->pos ? size - vs->pos : 0);
    }
    return left;
}

static int
testVolStreamSend(virStreamPtr st, const char *bytes, size_t nbytes)
{
    testVolStream *vs;
    int ret = -1;

    if (nbytes > INT_MAX) {
        virReportSystemError(ERANGE, "%s", "Too many bytes to write to stream");
        return -1;
    }
    if (!(vs = testVolStreamLock(st)))
        return -1;
    if (!testVolStreamIs(vs, TEST_VOL_STREAM_UPLOAD)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot write to a volume download stream");
        goto cleanup;
    }
    if (testVolStreamLeft(vs) == 0) {
        virReportSystemError(ENOSPC, "%s", "cannot write to stream");
        goto cleanup;
    }
    nbytes = MIN(nbytes, testVolStreamLeft(vs));
    testVolDataWrite(vs->data, vs->pos, bytes, nbytes);
    vs->pos += nbytes;
    ret = nbytes;
 cleanup:
    g_mutex_unlock(&vs->lock);
    return ret;
}

/* Where the data at vs->pos ends, for a read that must stop at holes;
 * 0 when vs->pos is in a hole (its length in *hole). */
static unsigned long long
testVolStreamDataAhead(testVolStream *vs, unsigned long long *hole)
{
    bool inData;
    unsigned long long len;

    *hole = 0;
    if (!testVolStreamIs(vs, TEST_VOL_STREAM_SPARSE) ||
        testVolStreamIs(vs, TEST_VOL_STREAM_BLOCK))
        return G_MAXUINT64;
    testVolDataInData(vs->data, vs->pos, &inData, &len);
    if (inData)
        return len;
    *hole = MIN(len, testVolStreamLeft(vs));
    return 0;
}

static int
testVolStreamRecvFlags(virStreamPtr st, char *bytes, size_t nbytes, unsigned int flags)
{
    testVolStream *vs;
    unsigned long long want;
    int ret = -1;

    virCheckFlags(VIR_STREAM_RECV_STOP_AT_HOLE, -1);

    if (nbytes > INT_MAX) {
        virReportSystemError(ERANGE, "%s", "Too many bytes to read from stream");
        return -1;
    }
    if (!(vs = testVolStreamLock(st)))
        return -1;
    if (testVolStreamIs(vs, TEST_VOL_STREAM_UPLOAD)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot read from a volume upload stream");
        goto cleanup;
    }
    want = MIN(nbytes, testVolStreamLeft(vs));
    if (flags & VIR_STREAM_RECV_STOP_AT_HOLE) {
        unsigned long long hole;
        unsigned long long ahead = testVolStreamDataAhead(vs, &hole);

        if (ahead == 0 && hole > 0) {
            /* no error: the caller asked to be told */
            vs->hole = hole;
            ret = -3;
            goto cleanup;
        }
        want = MIN(want, ahead);
    }
    ret = testVolDataRead(vs->data, vs->pos, bytes, want);
    vs->pos += ret;
    vs->hole -= MIN(vs->hole, (unsigned long long)ret);
 cleanup:
    g_mutex_unlock(&vs->lock);
    return ret;
}

static int
testVolStreamRecv(virStreamPtr st, char *bytes, size_t nbytes)
{
    return testVolStreamRecvFlags(st, bytes, nbytes, 0);
}

static int
testVolStreamSendHole(virStreamPtr st, long long length, unsigned int flags)
{
    testVolStream *vs;
    unsigned long long len;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(vs = testVolStreamLock(st)))
        return -1;
    if (!testVolStreamIs(vs, TEST_VOL_STREAM_SPARSE) ||
        !testVolStreamIs(vs, TEST_VOL_STREAM_UPLOAD)) {
        testStreamReportRPC(VIR_ERR_OPERATION_INVALID, "%s",
                            "Skipping is not supported with this stream");
        goto cleanup;
    }
    if (length <= 0) {
        virReportInvalidPositiveArg(length);
        goto cleanup;
    }
    len = MIN((unsigned long long)length, testVolStreamLeft(vs));
    if (testVolStreamIs(vs, TEST_VOL_STREAM_BLOCK)) {
        testVolDataFill(vs->data, vs->pos, len, 0);
    } else {
        testVolDataPunch(vs->data, vs->pos, len);
        testVolDataTruncate(vs->data, vs->pos + len);
    }
    vs->pos += len;
    ret = 0;
 cleanup:
    g_mutex_unlock(&vs->lock);
    return ret;
}

static int
testVolStreamRecvHole(virStreamPtr st, long long *length, unsigned int flags)
{
    testVolStream *vs;

    virCheckFlags(0, -1);

    if (!(vs = testVolStreamLock(st)))
        return -1;
    if (!testVolStreamIs(vs, TEST_VOL_STREAM_SPARSE) ||
        testVolStreamIs(vs, TEST_VOL_STREAM_UPLOAD)) {
        g_mutex_unlock(&vs->lock);
        testStreamReportRPC(VIR_ERR_OPERATION_INVALID, "%s",
                            "Holes are not supported with this stream");
        return -1;
    }
    /* the hole the last STOP_AT_HOLE read ran into, if any */
    *length = vs->hole;
    vs->pos += vs->hole;
    vs->hole = 0;
    g_mutex_unlock(&vs->lock);
    return 0;
}

static int
testVolStreamClose(virStreamPtr st)
{
    testVolStream *vs;

    if (!(vs = testVolStreamLock(st)))
        return -1;
    vs->closed = true;
    g_mutex_unlock(&vs->lock);
    if (vs->onClose)
        vs->onClose(st->conn, vs->opaque);
    return 0;
}

/* ---- event callbacks: the stream is always ready in its direction ---- */

static int
testVolStreamReady(testVolStream *vs)
{
    return testVolStreamIs(vs, TEST_VOL_STREAM_UPLOAD) ?
           VIR_STREAM_EVENT_WRITABLE : VIR_STREAM_EVENT_READABLE;
}

/* The lock held. */
static void
testVolStreamTimerUpdate(testVolStream *vs)
{
    virEventUpdateTimeout(vs->timer, (vs->cbEvents & testVolStreamReady(vs)) ? 0 : -1);
}

static void
testVolStreamTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virStreamPtr st = opaque;
    testVolStream *vs = st->privateData;
    virStreamEventCallback cb;
    void *cbOpaque;
    virFreeCallback cbFree;
    int events;

    g_mutex_lock(&vs->lock);
    events = vs->cbEvents & testVolStreamReady(vs);
    if (!vs->cb || !events) {
        g_mutex_unlock(&vs->lock);
        return;
    }
    cb = vs->cb;
    cbOpaque = vs->cbOpaque;
    cbFree = vs->cbFree;
    vs->dispatching = true;
    g_mutex_unlock(&vs->lock);

    cb(st, events, cbOpaque);

    g_mutex_lock(&vs->lock);
    vs->dispatching = false;
    if (vs->cbRemoved) {
        vs->cbRemoved = false;
        g_mutex_unlock(&vs->lock);
        if (cbFree)
            cbFree(cbOpaque);
        return;
    }
    g_mutex_unlock(&vs->lock);
}

static int
testVolStreamEventAddCallback(virStreamPtr st, int events, virStreamEventCallback cb,
                              void *opaque, virFreeCallback ff)
{
    testVolStream *vs = st->privateData;
    int ret = -1;

    if (virEventRequireImpl() < 0)
        return -1;
    g_mutex_lock(&vs->lock);
    if (vs->cb || vs->cbRemoved) {
        testStreamReportRPC(VIR_ERR_INTERNAL_ERROR, "%s",
                            "multiple stream callbacks not supported");
        goto cleanup;
    }
    if ((vs->timer = virEventAddTimeout(-1, testVolStreamTimer, virObjectRef(st),
                                        virObjectUnref)) < 0) {
        virObjectUnref(st);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "cannot register timer on stream");
        goto cleanup;
    }
    vs->cb = cb;
    vs->cbOpaque = opaque;
    vs->cbFree = ff;
    vs->cbEvents = events;
    testVolStreamTimerUpdate(vs);
    ret = 0;
 cleanup:
    g_mutex_unlock(&vs->lock);
    return ret;
}

static int
testVolStreamEventUpdateCallback(virStreamPtr st, int events)
{
    testVolStream *vs = st->privateData;
    int ret = -1;

    g_mutex_lock(&vs->lock);
    if (!vs->cb) {
        testStreamReportRPC(VIR_ERR_INTERNAL_ERROR, "%s", "no stream callback registered");
    } else {
        vs->cbEvents = events;
        testVolStreamTimerUpdate(vs);
        ret = 0;
    }
    g_mutex_unlock(&vs->lock);
    return ret;
}

static int
testVolStreamEventRemoveCallback(virStreamPtr st)
{
    testVolStream *vs = st->privateData;
    virFreeCallback cbFree;
    void *cbOpaque;
    int timer;

    g_mutex_lock(&vs->lock);
    if (!vs->cb) {
        g_mutex_unlock(&vs->lock);
        testStreamReportRPC(VIR_ERR_INTERNAL_ERROR, "%s", "no stream callback registered");
        return -1;
    }
    cbFree = vs->cbFree;
    cbOpaque = vs->cbOpaque;
    timer = vs->timer;
    vs->cb = NULL;
    vs->cbFree = NULL;
    vs->cbOpaque = NULL;
    vs->cbEvents = 0;
    vs->timer = -1;
    if (vs->dispatching) {
        /* the running callback's opaque goes when it returns */
        vs->cbRemoved = true;
        cbFree = NULL;
    }
    g_mutex_unlock(&vs->lock);

    virEventRemoveTimeout(timer);
    if (cbFree)
        cbFree(cbOpaque);
    return 0;
}

static virStreamDriver testVolStreamDriver = {
    .streamSend = testVolStreamSend,
    .streamRecv = testVolStreamRecv,
    .streamRecvFlags = testVolStreamRecvFlags,
    .streamSendHole = testVolStreamSendHole,
    .streamRecvHole = testVolStreamRecvHole,
    .streamFinish = testVolStreamClose,
    .streamAbort = testVolStreamClose,
    .streamEventAddCallback = testVolStreamEventAddCallback,
    .streamEventUpdateCallback = testVolStreamEventUpdateCallback,
    .streamEventRemoveCallback = testVolStreamEventRemoveCallback,
};

/* A stream freed before it ended: end it as an abort would. */
static void
testVolStreamDispose(void *opaque)
{
    testVolStream *vs = opaque;

    if (!vs->closed && vs->onClose)
        vs->onClose(vs->conn, vs->opaque);
    testVolStreamFree(vs);
}

int
testVolStreamOpen(virStreamPtr st, testVolData *data,
                  unsigned long long offset, unsigned long long length,
                  unsigned int flags, testVolStreamCloseFunc onClose,
                  void *opaque, GDestroyNotify freeOpaque)
{
    testVolStream *vs;

    if (st->driver) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "stream is already in use");
        if (freeOpaque)
            freeOpaque(opaque);
        return -1;
    }
    vs = g_new0(testVolStream, 1);
    g_mutex_init(&vs->lock);
    vs->conn = st->conn;
    vs->data = virObjectRef(data);
    vs->flags = flags;
    vs->pos = offset;
    vs->limited = length > 0;
    vs->end = offset + length;
    if (vs->end < offset)
        vs->end = G_MAXUINT64;
    vs->onClose = onClose;
    vs->opaque = opaque;
    vs->freeOpaque = freeOpaque;
    vs->timer = -1;

    st->driver = &testVolStreamDriver;
    st->privateData = vs;
    st->ff = testVolStreamDispose;
    return 0;
}
