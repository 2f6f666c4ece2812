/*
 * libvirt-stream.c: stream calls that run in the library itself; the
 * transfers (virStreamSend, Recv, Finish, Abort, ...) are generated and
 * dispatch to the stream's own driver.
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
        int inData = 0;
        long long sectionLen = 0;
        int got;

        if (holeHandler(stream, &inData, &sectionLen, opaque) < 0) {
            virStreamHandlerFailed("send holeHandler failed");
            goto error;
        }
        if (!inData && sectionLen > 0) {
            if (virStreamSendHole(stream, sectionLen, 0) < 0)
                goto error;
            if (skipHandler(stream, sectionLen, opaque) < 0) {
                virStreamHandlerFailed("unable to skip hole");
                goto error;
            }
            continue;
        }
        got = handler(stream, bytes,
                      sectionLen > 0 && sectionLen < VIR_STREAM_CHUNK ?
                      sectionLen : VIR_STREAM_CHUNK, opaque);
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
