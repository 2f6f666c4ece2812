/*
 * stream-basic.c: the stream API on streams no transfer was set up on
 * (what every stream is before virStorageVolUpload and friends): argument
 * checks, the calls a stream without a data path refuses, the ones it
 * accepts, and the All/Sparse helpers' own checks.
 */
#include "compat.h"

static int
source(virStreamPtr st, char *data, size_t n, void *opaque)
{
    (void)st;
    (void)opaque;
    memset(data, 'x', n > 4 ? 4 : n);
    return n > 4 ? 4 : n;
}

static int
sink(virStreamPtr st, const char *data, size_t n, void *opaque)
{
    (void)st;
    (void)data;
    (void)opaque;
    return n;
}

static int
holeSource(virStreamPtr st, int *inData, long long *len, void *opaque)
{
    (void)st;
    (void)opaque;
    *inData = 0;
    *len = 10;
    return 0;
}

static int
skip(virStreamPtr st, long long len, void *opaque)
{
    (void)st;
    (void)len;
    (void)opaque;
    return 0;
}

static int
holeSink(virStreamPtr st, long long len, void *opaque)
{
    (void)st;
    (void)len;
    (void)opaque;
    return 0;
}

static void
onEvent(virStreamPtr st, int events, void *opaque)
{
    (void)st;
    (void)events;
    (void)opaque;
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virStreamPtr st;
    virStreamPtr nb;
    char buf[16];
    long long len = -1;

    (void)argc;
    (void)argv;
    compatSection("a new stream");
    st = CHECK_PTR(virStreamNew(conn, 0));
    nb = CHECK_PTR(virStreamNew(conn, VIR_STREAM_NONBLOCK));
    CHECK_FAIL_PTR(virStreamNew(NULL, 0));
    CHECK_INT(virStreamRef(st));
    CHECK_INT(virStreamFree(st));
    CHECK_INT(virStreamRef(NULL));
    CHECK_INT(virStreamFree(NULL));

    compatSection("no data path");
    CHECK_INT(virStreamSend(st, "abc", 3));
    CHECK_INT(virStreamSend(st, NULL, 3));
    CHECK_INT(virStreamRecv(st, buf, sizeof(buf)));
    CHECK_INT(virStreamRecv(st, NULL, sizeof(buf)));
    CHECK_INT(virStreamRecvFlags(st, buf, sizeof(buf), 0));
    CHECK_INT(virStreamRecvFlags(st, buf, sizeof(buf), VIR_STREAM_RECV_STOP_AT_HOLE));
    CHECK_INT(virStreamRecvFlags(st, NULL, sizeof(buf), 0));
    CHECK_INT(virStreamSendHole(st, 10, 0));
    CHECK_INT(virStreamRecvHole(st, &len, 0));
    CHECK_INT(virStreamRecvHole(st, NULL, 0));
    CHECK_INT(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE, onEvent, NULL, NULL));
    CHECK_INT(virStreamEventUpdateCallback(st, 0));
    CHECK_INT(virStreamEventRemoveCallback(st));
    CHECK_INT(virStreamFinish(st));
    CHECK_INT(virStreamAbort(st));
    CHECK_INT(virStreamAbort(st));

    compatSection("invalid streams");
    CHECK_INT(virStreamSend(NULL, "abc", 3));
    CHECK_INT(virStreamRecv(NULL, buf, 1));
    CHECK_INT(virStreamRecvFlags(NULL, buf, 1, 0));
    CHECK_INT(virStreamSendHole(NULL, 1, 0));
    CHECK_INT(virStreamRecvHole(NULL, &len, 0));
    CHECK_INT(virStreamFinish(NULL));
    CHECK_INT(virStreamAbort(NULL));
    CHECK_INT(virStreamEventAddCallback(NULL, 0, onEvent, NULL, NULL));
    CHECK_INT(virStreamEventUpdateCallback(NULL, 0));
    CHECK_INT(virStreamEventRemoveCallback(NULL));
    CHECK_INT(virStreamSendAll(NULL, source, NULL));
    CHECK_INT(virStreamRecvAll(NULL, sink, NULL));

    compatSection("the All helpers");
    CHECK_INT(virStreamSendAll(st, NULL, NULL));
    CHECK_INT(virStreamSendAll(st, source, NULL));
    CHECK_INT(virStreamRecvAll(st, NULL, NULL));
    CHECK_INT(virStreamRecvAll(st, sink, NULL));
    CHECK_INT(virStreamSparseSendAll(st, source, NULL, skip, NULL));
    CHECK_INT(virStreamSparseSendAll(st, source, holeSource, NULL, NULL));
    CHECK_INT(virStreamSparseSendAll(st, source, holeSource, skip, NULL));
    CHECK_INT(virStreamSparseRecvAll(st, sink, NULL, NULL));
    CHECK_INT(virStreamSparseRecvAll(st, sink, holeSink, NULL));
    CHECK_INT(virStreamSendAll(nb, source, NULL));
    CHECK_INT(virStreamRecvAll(nb, sink, NULL));
    CHECK_INT(virStreamSparseSendAll(nb, source, holeSource, skip, NULL));
    CHECK_INT(virStreamSparseRecvAll(nb, sink, holeSink, NULL));

    compatSection("streams of volumes need a matching connection");
    {
        virConnectPtr other = compatOpen("test:///default", 0);
        virStoragePoolPtr pool = CHECK_PTR(virStoragePoolLookupByName(other, "default-pool"));
        virStorageVolPtr vol = CHECK_PTR(virStorageVolCreateXML(pool,
            "<volume><name>s</name><capacity>16</capacity></volume>", 0));

        /* test:///default is shared: same state, not the same connection */
        CHECK_INT(virStorageVolUpload(vol, st, 0, 0, 0));
        CHECK_INT(virStorageVolDownload(vol, st, 0, 0, 0));
        CHECK_INT(virStorageVolUpload(vol, NULL, 0, 0, 0));
        CHECK_INT(virStorageVolDownload(NULL, st, 0, 0, 0));
        CHECK_INT(virStorageVolDelete(vol, 0));
        virStorageVolFree(vol);
        virStoragePoolFree(pool);
        CHECK_INT(virConnectClose(other));
    }

    CHECK_INT(virStreamFree(nb));
    CHECK_INT(virStreamFree(st));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
