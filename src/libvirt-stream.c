/*
 * libvirt-stream.c: stream calls that run in the library itself, and the
 * transfers whose answers are not plain success or failure (-2: would
 * block, -3: at a hole), which the generator cannot express; the other
 * transfers (virStreamFinish, virStreamSendHole, the event callbacks)
 * are generated.  All dispatch to the stream's own driver, set by
 * whoever gave the stream its data path.
 */
#include "internal.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_STREAMS

/* libvirt moves stream data in chunks of at most this many bytes */
#define VIR_STREAM_CHUNK 262120

VIR_EXPORT virStreamPtr
virStreamNew(virConnectPtr conn, unsigned int flags)
{
    virStreamPtr st;

    virResetLastError();
    virCheckConnectReturn(conn, NULL);
    if (!(st = virGetStream(conn))) {
        virDispatchError(conn);
        return NULL;
    }
    st->flags = flags;
    return st;
}

VIR_EXPORT int
virStreamRef(virStreamPtr stream)
{
    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virObjectRef(stream);
    return 0;
}

VIR_EXPORT int
virStreamFree(virStreamPtr stream)
{
    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virObjectUnref(stream);
    return 0;
}

/* Abort @stream after a failed transfer without losing the error that
 * caused it, and hand that error to the connection. */
static int
virStreamFailTransfer(virStreamPtr stream)
{
    virErrorPtr orig;

    virErrorPreserveLast(&orig);
    ignore_value(virStreamAbort(stream));
    virErrorRestore(&orig);
    virDispatchError(stream->conn);
    return -1;
}

static int
virStreamCheckBlocking(virStreamPtr stream, const char *what)
{
    if (stream->flags & VIR_STREAM_NONBLOCK) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "%s cannot be used for non-blocking streams", what);
        return -1;
    }
    return 0;
}

static int
virStreamSendBytes(virStreamPtr stream, const char *bytes, int len)
{
    int offset = 0;

    while (offset < len) {
        int done = virStreamSend(stream, bytes + offset, len - offset);

        if (done < 0)
            return -1;
        offset += done;
    }
    return 0;
}

static int
virStreamHandlerFailed(const char *what)
{
    if (errno == 0)
        errno = EIO;
    virReportSystemError(errno, "%s", what);
    return -1;
}

VIR_EXPORT int
virStreamSendAll(virStreamPtr stream, virStreamSourceFunc handler, void *opaque)
{
    g_autofree char *bytes = NULL;

    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);
    if (virStreamCheckBlocking(stream, "data sources") < 0)
        goto error;
    bytes = g_new0(char, VIR_STREAM_CHUNK);
    errno = 0;
    for (;;) {
        int got = handler(stream, bytes, VIR_STREAM_CHUNK, opaque);

        if (got < 0) {
            virStreamHandlerFailed("send handler failed");
            goto error;
        }
        if (got == 0)
            return 0;
        if (virStreamSendBytes(stream, bytes, got) < 0)
            goto error;
    }

 error:
    return virStreamFailTransfer(stream);
}

static int
virStreamSinkBytes(virStreamPtr stream, virStreamSinkFunc handler,
                   void *opaque, const char *bytes, int len)
{
    int offset = 0;

    while (offset < len) {
        int done = handler(stream, bytes + offset, len - offset, opaque);

        if (done < 0)
            return virStreamHandlerFailed("recv handler failed");
        offset += done;
    }
    return 0;
}

VIR_EXPORT int
virStreamRecvAll(virStreamPtr stream, virStreamSinkFunc handler, void *opaque)
{
    g_autofree char *bytes = NULL;

    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);
    if (virStreamCheckBlocking(stream, "data sinks") < 0)
        goto error;
    bytes = g_new0(char, VIR_STREAM_CHUNK);
    errno = 0;
    for (;;) {
        int got = virStreamRecv(stream, bytes, VIR_STREAM_CHUNK);

        if (got < 0)
            goto error;
        if (got == 0)
            return 0;
        if (virStreamSinkBytes(stream, handler, opaque, bytes, got) < 0)
            goto error;
    }

 error:
    return virStreamFailTransfer(stream);
}

VIR_EXPORT int
virStreamSparseSendAll(virStreamPtr stream, virStreamSourceFunc handler,
                       virStreamSourceHoleFunc holeHandler,
                       virStreamSourceSkipFunc skipHandler, void *opaque)
{
    g_autofree char *bytes = NULL;
    /* what is left of the data section the hole handler last reported */
    unsigned long long dataLen = 0;

    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);
    virCheckNonNullArgGoto(holeHandler, error);
    virCheckNonNullArgGoto(skipHandler, error);
    if (virStreamCheckBlocking(stream, "data sources") < 0)
        goto error;
    bytes = g_new0(char, VIR_STREAM_CHUNK);
    errno = 0;
    for (;;) {
        size_t want = VIR_STREAM_CHUNK;
        int offset = 0;
        int got;

        if (dataLen == 0) {
            int inData = 0;
            long long sectionLen = 0;

            if (holeHandler(stream, &inData, &sectionLen, opaque) < 0) {
                virStreamHandlerFailed("send holeHandler failed");
                goto error;
            }
            if (!inData && sectionLen) {
                if (virStreamSendHole(stream, sectionLen, 0) < 0)
                    goto error;
                if (skipHandler(stream, sectionLen, opaque) < 0) {
                    virStreamHandlerFailed("send skipHandler failed");
                    goto error;
                }
                continue;
            }
            dataLen = sectionLen;
        }
        want = MIN(want, dataLen);
        got = handler(stream, bytes, want, opaque);
        if (got < 0) {
            virStreamHandlerFailed("send handler failed");
            goto error;
        }
        if (got == 0)
            return 0;
        while (offset < got) {
            int done = virStreamSend(stream, bytes + offset, got - offset);

            if (done < 0)
                goto error;
            offset += done;
            dataLen -= done;
        }
    }

 error:
    return virStreamFailTransfer(stream);
}

VIR_EXPORT int
virStreamSparseRecvAll(virStreamPtr stream, virStreamSinkFunc handler,
                       virStreamSinkHoleFunc holeHandler, void *opaque)
{
    g_autofree char *bytes = NULL;

    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(handler, error);
    virCheckNonNullArgGoto(holeHandler, error);
    if (virStreamCheckBlocking(stream, "data sinks") < 0)
        goto error;
    bytes = g_new0(char, VIR_STREAM_CHUNK);
    errno = 0;
    for (;;) {
        long long holeLen;
        int got = virStreamRecvFlags(stream, bytes, VIR_STREAM_CHUNK,
                                     VIR_STREAM_RECV_STOP_AT_HOLE);

        if (got == -3) {
            /* the sender marked a hole: skip it on our side too */
            if (virStreamRecvHole(stream, &holeLen, 0) < 0)
                goto error;
            if (holeHandler(stream, holeLen, opaque) < 0) {
                virStreamHandlerFailed("recv holeHandler failed");
                goto error;
            }
            continue;
        }
        if (got < 0)
            goto error;
        if (got == 0)
            return 0;
        if (virStreamSinkBytes(stream, handler, opaque, bytes, got) < 0)
            goto error;
    }

 error:
    return virStreamFailTransfer(stream);
}

/*
 * The transfers.  A driver answers -2 when a non-blocking stream would
 * block and -3 (virStreamRecvFlags with VIR_STREAM_RECV_STOP_AT_HOLE)
 * at a hole; neither is an error, so neither is dispatched as one.
 */

VIR_EXPORT int
virStreamSend(virStreamPtr stream, const char *data, size_t nbytes)
{
    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(data, error);
    if (stream->driver && stream->driver->streamSend) {
        int ret = stream->driver->streamSend(stream, data, nbytes);

        if (ret == -2)
            return -2;
        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(stream->conn);
    return -1;
}

VIR_EXPORT int
virStreamRecvFlags(virStreamPtr stream, char *data, size_t nbytes,
                   unsigned int flags)
{
    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(data, error);
    if (stream->driver && stream->driver->streamRecvFlags) {
        int ret = stream->driver->streamRecvFlags(stream, data, nbytes, flags);

        if (ret == -2 || ret == -3)
            return ret;
        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(stream->conn);
    return -1;
}

VIR_EXPORT int
virStreamRecv(virStreamPtr stream, char *data, size_t nbytes)
{
    virResetLastError();
    virCheckStreamReturn(stream, -1);
    virCheckNonNullArgGoto(data, error);
    if (stream->driver && stream->driver->streamRecv) {
        int ret = stream->driver->streamRecv(stream, data, nbytes);

        if (ret == -2)
            return -2;
        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(stream->conn);
    return -1;
}

VIR_EXPORT int
virStreamRecvHole(virStreamPtr stream, long long *length, unsigned int flags)
{
    virResetLastError();
    virCheckStreamReturn(stream, -1);
    if (!length) {
        /* as libvirt: reported, not dispatched */
        virReportInvalidNonNullArg(length);
        return -1;
    }
    if (stream->driver && stream->driver->streamRecvHole) {
        if (stream->driver->streamRecvHole(stream, length, flags) < 0)
            goto error;
        return 0;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(stream->conn);
    return -1;
}

VIR_EXPORT int
virStreamAbort(virStreamPtr stream)
{
    virResetLastError();
    virCheckStreamReturn(stream, -1);
    /* a stream no transfer was set up on has nothing to abort */
    if (!stream->driver)
        return 0;
    if (stream->driver->streamAbort) {
        if (stream->driver->streamAbort(stream) < 0)
            goto error;
        return 0;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(stream->conn);
    return -1;
}
