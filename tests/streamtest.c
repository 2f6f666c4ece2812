/*
 * The public stream calls over a scripted stream driver: what a driver
 * answers (-2 would block, -3 at a hole) passes through without an
 * error, and the All/Sparse helpers call their handlers as libvirt's do.
 */
#include "internal.h"
#include "datatypes.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* The stream's script: each call pops the next answer. */
static int answers[16];
static size_t nanswers;
static size_t nextAnswer;
static GString *calls;

static int
next(const char *what)
{
    g_string_append_printf(calls, "%s ", what);
    if (nextAnswer >= nanswers)
        return 0;
    return answers[nextAnswer++];
}

static int
fakeSend(virStreamPtr st G_GNUC_UNUSED, const char *data G_GNUC_UNUSED, size_t n)
{
    int ret = next("send");

    g_string_append_printf(calls, "(%zu) ", n);
    return ret ? ret : (int)n;
}

static int
fakeRecvFlags(virStreamPtr st G_GNUC_UNUSED, char *data, size_t n, unsigned int flags)
{
    int ret = next(flags ? "recv-stop" : "recv");

    if (ret > 0)
        memset(data, 'r', MIN(n, (size_t)ret));
    return ret;
}

static int
fakeRecv(virStreamPtr st, char *data, size_t n)
{
    return fakeRecvFlags(st, data, n, 0);
}

static int
fakeRecvHole(virStreamPtr st G_GNUC_UNUSED, long long *length, unsigned int flags G_GNUC_UNUSED)
{
    *length = next("recv-hole");
    return 0;
}

static int
fakeSendHole(virStreamPtr st G_GNUC_UNUSED, long long length, unsigned int flags G_GNUC_UNUSED)
{
    g_string_append_printf(calls, "send-hole(%lld) ", length);
    return 0;
}

static int
fakeAbort(virStreamPtr st G_GNUC_UNUSED)
{
    g_string_append(calls, "abort ");
    return 0;
}

static virStreamDriver fakeDriver = {
    .streamSend = fakeSend,
    .streamRecv = fakeRecv,
    .streamRecvFlags = fakeRecvFlags,
    .streamRecvHole = fakeRecvHole,
    .streamSendHole = fakeSendHole,
    .streamAbort = fakeAbort,
};

static virStreamPtr
fakeStream(virConnectPtr conn, const int *script, size_t n)
{
    virStreamPtr st = virStreamNew(conn, 0);

    if (n)
        memcpy(answers, script, n * sizeof(*script));
    nanswers = n;
    nextAnswer = 0;
    g_string_truncate(calls, 0);
    st->driver = &fakeDriver;
    return st;
}

static int
testPassThrough(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    static const int script[] = { -2, -2, -3, -2, -1 };
    virStreamPtr st;
    char buf[8];

    CHECK(conn);
    st = fakeStream(conn, script, G_N_ELEMENTS(script));
    virResetLastError();
    CHECK_INTEQ(virStreamSend(st, "abc", 3), -2);
    CHECK(virGetLastError() == NULL);
    CHECK_INTEQ(virStreamRecv(st, buf, sizeof(buf)), -2);
    CHECK_INTEQ(virStreamRecvFlags(st, buf, sizeof(buf), VIR_STREAM_RECV_STOP_AT_HOLE), -3);
    CHECK(virGetLastError() == NULL);
    CHECK_INTEQ(virStreamRecvFlags(st, buf, sizeof(buf), 0), -2);
    /* a failure without an error gets the generic one */
    CHECK_INTEQ(virStreamRecv(st, buf, sizeof(buf)), -1);
    CHECK(virGetLastError() != NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INTERNAL_ERROR);
    virStreamFree(st);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int sources;
static int holeQueries;

static int
source(virStreamPtr st G_GNUC_UNUSED, char *data, size_t n, void *opaque G_GNUC_UNUSED)
{
    sources++;
    if (sources > 3)
        return 0;
    memset(data, 's', n);
    g_string_append_printf(calls, "source(%zu) ", n);
    return n;
}

/* 10 bytes of data, a hole of 5, 300000 bytes of data, then the end */
static int
holes(virStreamPtr st G_GNUC_UNUSED, int *inData, long long *len, void *opaque G_GNUC_UNUSED)
{
    static const long long map[][2] = { { 1, 10 }, { 0, 5 }, { 1, 300000 }, { 1, 0 } };

    *inData = map[MIN(holeQueries, 3)][0];
    *len = map[MIN(holeQueries, 3)][1];
    holeQueries++;
    g_string_append(calls, "holes ");
    return 0;
}

static int
skip(virStreamPtr st G_GNUC_UNUSED, long long len, void *opaque G_GNUC_UNUSED)
{
    g_string_append_printf(calls, "skip(%lld) ", len);
    return 0;
}

/* libvirt asks where the data ends only when the last section is used
 * up, and reads at most what is left of it. */
static int
testSparseSendAll(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStreamPtr st;

    CHECK(conn);
    st = fakeStream(conn, NULL, 0);
    CHECK_INTEQ(virStreamSparseSendAll(st, source, holes, skip, NULL), 0);
    CHECK_STREQ(calls->str,
                "holes source(10) send (10) holes send-hole(5) skip(5) holes "
                "source(262120) send (262120) source(37880) send (37880) holes ");
    virStreamFree(st);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int sunk;

static int
sinkData(virStreamPtr st G_GNUC_UNUSED, const char *data G_GNUC_UNUSED, size_t n,
         void *opaque G_GNUC_UNUSED)
{
    sunk += n;
    return n;
}

static int
sinkHole(virStreamPtr st G_GNUC_UNUSED, long long len, void *opaque G_GNUC_UNUSED)
{
    g_string_append_printf(calls, "sink-hole(%lld) ", len);
    return 0;
}

static int
testSparseRecvAll(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    static const int script[] = { 4, -3, 7, 6, 0 };
    virStreamPtr st;

    CHECK(conn);
    st = fakeStream(conn, script, G_N_ELEMENTS(script));
    CHECK_INTEQ(virStreamSparseRecvAll(st, sinkData, sinkHole, NULL), 0);
    CHECK_STREQ(calls->str, "recv-stop recv-stop recv-hole sink-hole(7) recv-stop recv-stop ");
    CHECK_INTEQ(sunk, 10);
    virStreamFree(st);

    /* a failing read aborts the stream, keeping the read's error */
    st = fakeStream(conn, (const int[]){ -1 }, 1);
    CHECK_INTEQ(virStreamRecvAll(st, sinkData, NULL), -1);
    CHECK_STREQ(calls->str, "recv abort ");
    virStreamFree(st);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

int
main(void)
{
    virSetErrorFunc(NULL, quiet);
    calls = g_string_new(NULL);
    virTestRun("answers pass through", testPassThrough);
    virTestRun("sparse send all", testSparseSendAll);
    virTestRun("sparse recv all", testSparseRecvAll);
    g_string_free(calls, TRUE);
    return virTestDone();
}
