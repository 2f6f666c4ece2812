/*
 * virnetmessagetest: RPC message framing: the bytes of the length word
 * and header, bodies through XDR, the input buffer taking messages from
 * a byte stream in any split, the bounds, and errors converted to and
 * from the wire.
 */
#include "internal.h"
#include "testutils.h"
#include "rpc/virnetmessage.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static bool_t
xdrTestString(XDR *xdr, char **s, ...)
{
    return xdr_string(xdr, s, VIR_NET_MESSAGE_STRING_MAX);
}

static void
fillHeader(virNetMessage *msg, int type, unsigned int serial)
{
    msg->header.prog = 0x20008086;
    msg->header.vers = 1;
    msg->header.proc = 23;
    msg->header.type = type;
    msg->header.serial = serial;
    msg->header.status = VIR_NET_OK;
}

static int
testEncodeBytes(void)
{
    static const unsigned char want[] = {
        0x00, 0x00, 0x00, 0x24,               /* 36 bytes in all */
        0x20, 0x00, 0x80, 0x86,               /* program */
        0x00, 0x00, 0x00, 0x01,               /* version */
        0x00, 0x00, 0x00, 0x17,               /* procedure 23 */
        0x00, 0x00, 0x00, 0x00,               /* CALL */
        0x00, 0x00, 0x00, 0x07,               /* serial */
        0x00, 0x00, 0x00, 0x00,               /* OK */
        0x00, 0x00, 0x00, 0x03, 'a', 'b', 'c', 0x00,
    };
    g_autoptr(virNetMessage) msg = virNetMessageNew(false);
    char *s = (char *)"abc";

    fillHeader(msg, VIR_NET_CALL, 7);
    CHECK(virNetMessageEncodeHeader(msg) == 0);
    CHECK(virNetMessageEncodePayload(msg, (xdrproc_t)xdrTestString, &s) == 0);
    CHECK_INTEQ(msg->bufferLength, sizeof(want));
    CHECK_INTEQ(msg->bufferOffset, 0);
    CHECK(memcmp(msg->buffer, want, sizeof(want)) == 0);
    return 0;
}

static int
testRoundTrip(void)
{
    g_autoptr(virNetMessage) msg = virNetMessageNew(false);
    g_autoptr(virNetMessage) in = virNetMessageNew(false);
    g_autofree char *big = g_strnfill(100000, 'x');
    char *out = NULL;

    /* bigger than the first buffer: it must grow */
    fillHeader(msg, VIR_NET_REPLY, 99);
    CHECK(virNetMessageEncodeHeader(msg) == 0);
    CHECK(virNetMessageEncodePayload(msg, (xdrproc_t)xdrTestString, &big) == 0);
    in->buffer = g_memdup2(msg->buffer, msg->bufferLength);
    in->bufferLength = msg->bufferLength;
    CHECK(virNetMessageDecodeHeader(in) == 0);
    CHECK_INTEQ(in->header.serial, 99);
    CHECK_INTEQ(in->header.type, VIR_NET_REPLY);
    CHECK(virNetMessageDecodePayload(in, (xdrproc_t)xdrTestString, &out) == 0);
    CHECK_INTEQ(strlen(out), 100000);
    xdr_free((xdrproc_t)xdrTestString, (char *)&out);

    /* garbage for a body */
    in->bufferOffset = in->bufferLength - 3;
    CHECK(virNetMessageDecodePayload(in, (xdrproc_t)xdrTestString, &out) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_RPC);
    CHECK_STREQ(virGetLastError()->message, "Unable to decode message payload");
    return 0;
}

static int
testLimits(void)
{
    char buf[4];
    g_autoptr(virNetMessage) msg = virNetMessageNew(false);
    g_autofree char *huge = NULL;
    char *s;

    memcpy(buf, "\0\0\0\3", 4);
    CHECK(virNetMessageDecodeLength(buf) < 0);
    CHECK_STREQ(virGetLastError()->message,
                "packet 3 bytes received from server too small, want 4");
    memcpy(buf, "\x02\x00\x00\x05", 4);
    CHECK(virNetMessageDecodeLength(buf) < 0);
    CHECK_STREQ(virGetLastError()->message,
                "packet 33554433 bytes received from server too large, want 33554432");
    memcpy(buf, "\x02\x00\x00\x04", 4);
    CHECK_INTEQ(virNetMessageDecodeLength(buf), 33554432);

    /* a body bigger than the message limit cannot be encoded */
    huge = g_malloc(VIR_NET_MESSAGE_MAX + 1);
    memset(huge, 'y', VIR_NET_MESSAGE_MAX);
    huge[VIR_NET_MESSAGE_MAX] = '\0';
    s = huge;
    fillHeader(msg, VIR_NET_CALL, 1);
    CHECK(virNetMessageEncodeHeader(msg) == 0);
    CHECK(virNetMessageEncodePayload(msg, (xdrproc_t)xdr_wrapstring, &s) < 0);
    CHECK_STREQ(virGetLastError()->message, "Unable to encode message payload");
    return 0;
}

/* Feed @data into a buffer @step bytes at a time; count the messages. */
static int
feed(const char *data, size_t len, size_t step, unsigned int *serials, size_t *n)
{
    virNetMessageBuffer b = { 0 };
    size_t off = 0;
    int ret = 0;

    *n = 0;
    while (off < len) {
        size_t avail;
        char *space = virNetMessageBufferSpace(&b, &avail);
        size_t chunk = MIN(MIN(step, avail), len - off);
        virNetMessage *msg;
        int rv;

        memcpy(space, data + off, chunk);
        virNetMessageBufferAdd(&b, chunk);
        off += chunk;
        while ((rv = virNetMessageBufferTake(&b, &msg)) > 0) {
            serials[(*n)++] = msg->header.serial;
            virNetMessageFree(msg);
        }
        if (rv < 0) {
            ret = -1;
            break;
        }
    }
    virNetMessageBufferClear(&b);
    return ret;
}

static int
testBufferSplits(void)
{
    g_autoptr(GString) stream = g_string_new(NULL);
    unsigned int serials[8];
    size_t steps[] = { 1, 3, 4, 27, 28, 29, 1000, 100000 };
    size_t i, n;

    for (i = 0; i < 3; i++) {
        g_autoptr(virNetMessage) msg = virNetMessageNew(false);
        g_autofree char *s = g_strnfill(i * 5000, 'a' + i);

        fillHeader(msg, VIR_NET_CALL, 10 + i);
        CHECK(virNetMessageEncodeHeader(msg) == 0);
        CHECK(virNetMessageEncodePayload(msg, (xdrproc_t)xdrTestString, &s) == 0);
        g_string_append_len(stream, msg->buffer, msg->bufferLength);
    }
    /* a message with two descriptors: the count, then a byte per fd */
    {
        g_autoptr(virNetMessage) msg = virNetMessageNew(false);

        fillHeader(msg, VIR_NET_CALL_WITH_FDS, 20);
        msg->nfds = 2;
        msg->fds = g_new0(int, 2);
        msg->fds[0] = msg->fds[1] = -1;
        CHECK(virNetMessageEncodeHeader(msg) == 0);
        CHECK(virNetMessageEncodeNumFDs(msg) == 0);
        CHECK(virNetMessageEncodePayloadEmpty(msg) == 0);
        g_string_append_len(stream, msg->buffer, msg->bufferLength);
        g_string_append_len(stream, "\0\0", 2);
    }
    for (i = 0; i < G_N_ELEMENTS(steps); i++) {
        CHECK(feed(stream->str, stream->len, steps[i], serials, &n) == 0);
        CHECK_INTEQ(n, 4);
        CHECK_INTEQ(serials[0], 10);
        CHECK_INTEQ(serials[2], 12);
        CHECK_INTEQ(serials[3], 20);
    }
    /* without its descriptor bytes the last message is not complete */
    CHECK(feed(stream->str, stream->len - 1, 7, serials, &n) == 0);
    CHECK_INTEQ(n, 3);
    return 0;
}

static int
testBufferBad(void)
{
    unsigned int serials[2];
    size_t n;

    /* a length word saying 2 bytes: refused, not waited for */
    CHECK(feed("\0\0\0\2", 4, 4, serials, &n) < 0);
    /* too short for a header */
    CHECK(feed("\0\0\0\10abcd", 8, 8, serials, &n) < 0);
    CHECK_STREQ(virGetLastError()->message, "Unable to decode message header");
    /* too many descriptors */
    {
        static const char bad[] = {
            0, 0, 0, 32, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4,
            0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 33,
        };

        CHECK(feed(bad, sizeof(bad), 100, serials, &n) < 0);
        CHECK_STREQ(virGetLastError()->message,
                    "Received too many FDs 33, expected 32 maximum");
    }
    return 0;
}

static int
testErrors(void)
{
    virNetMessageError rerr;
    virErrorPtr err;

    memset(&rerr, 0, sizeof(rerr));
    virResetLastError();
    virNetMessageSaveError(&rerr);
    CHECK_INTEQ(rerr.code, VIR_ERR_INTERNAL_ERROR);
    CHECK_STREQ(*rerr.message, "Library function returned error but did not set virError");
    xdr_free((xdrproc_t)xdr_virNetMessageError, (char *)&rerr);

    memset(&rerr, 0, sizeof(rerr));
    virRaiseErrorFull(__FILE__, __FUNCTION__, __LINE__, VIR_FROM_DOM,
                      VIR_ERR_NO_DOMAIN, VIR_ERR_ERROR, "Domain not found", "x",
                      NULL, 3, 4, "%s", "Domain not found: no domain with matching name 'x'");
    virNetMessageSaveError(&rerr);
    virResetLastError();
    virNetMessageRaiseError(&rerr);
    err = virGetLastError();
    CHECK(err);
    CHECK_INTEQ(err->code, VIR_ERR_NO_DOMAIN);
    CHECK_INTEQ(err->domain, VIR_FROM_DOM);
    CHECK_STREQ(err->message, "Domain not found: no domain with matching name 'x'");
    CHECK_STREQ(err->str1, "Domain not found");
    CHECK_STREQ(err->str2, "x");
    CHECK(err->str3 == NULL);
    CHECK_INTEQ(err->int1, 3);
    CHECK_INTEQ(err->int2, 4);
    xdr_free((xdrproc_t)xdr_virNetMessageError, (char *)&rerr);

    /* an older daemon's "unknown procedure" means unsupported */
    memset(&rerr, 0, sizeof(rerr));
    virReportErrorHelper(VIR_FROM_RPC, VIR_ERR_RPC, __FILE__, __FUNCTION__, __LINE__,
                         "unknown procedure: %d", 999);
    virNetMessageSaveError(&rerr);
    g_free(*rerr.message);
    *rerr.message = g_strdup("unknown procedure: 999");
    virNetMessageRaiseError(&rerr);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_NO_SUPPORT);
    CHECK_STREQ(virGetLastError()->message, "unknown procedure: 999");
    xdr_free((xdrproc_t)xdr_virNetMessageError, (char *)&rerr);
    virResetLastError();
    return 0;
}

int
main(void)
{
    virTestRun("encoded bytes", testEncodeBytes);
    virTestRun("round trip", testRoundTrip);
    virTestRun("limits", testLimits);
    virTestRun("input buffer splits", testBufferSplits);
    virTestRun("input buffer refusals", testBufferBad);
    virTestRun("errors to and from the wire", testErrors);
    return virTestDone();
}
