/*
 * virnetmessage.c: encoding and decoding of one RPC message.
 *
 * The length word and the header are plain big-endian words, written
 * here directly; bodies go through the XDR routines rpcgen made.  An
 * encoding starts with a small buffer and doubles it each time the body
 * does not fit, up to the message limit.
 */
#include "internal.h"
#include "rpc/virnetmessage.h"
#include "util/virlog.h"

#include <fcntl.h>

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netmessage");

/* first buffer of an encoding: most calls and replies fit */
#define VIR_NET_MESSAGE_FIRST_BUFFER 4096

virNetMessage *
virNetMessageNew(bool tracked)
{
    virNetMessage *msg = g_new0(virNetMessage, 1);

    msg->tracked = tracked;
    return msg;
}

static void
virNetMessageCloseFDs(virNetMessage *msg)
{
    size_t i;

    for (i = 0; i < msg->nfds; i++) {
        if (msg->fds[i] >= 0)
            close(msg->fds[i]);
    }
    g_clear_pointer(&msg->fds, g_free);
    msg->nfds = 0;
    msg->donefds = 0;
}

void
virNetMessageClear(virNetMessage *msg)
{
    bool tracked = msg->tracked;

    virNetMessageCloseFDs(msg);
    g_free(msg->buffer);
    memset(msg, 0, sizeof(*msg));
    msg->tracked = tracked;
}

void
virNetMessageFree(virNetMessage *msg)
{
    if (!msg)
        return;
    if (msg->cb)
        msg->cb(msg, msg->opaque);
    virNetMessageCloseFDs(msg);
    g_free(msg->buffer);
    g_free(msg);
}

void
virNetMessageQueuePush(virNetMessage **queue, virNetMessage *msg)
{
    while (*queue)
        queue = &(*queue)->next;
    *queue = msg;
}

virNetMessage *
virNetMessageQueueServe(virNetMessage **queue)
{
    virNetMessage *msg = *queue;

    if (msg) {
        *queue = msg->next;
        msg->next = NULL;
    }
    return msg;
}

size_t
virNetMessageQueueLength(virNetMessage *queue)
{
    size_t n = 0;

    for (; queue; queue = queue->next)
        n++;
    return n;
}

static inline void
putWord(char *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

static inline uint32_t
getWord(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;

    return ((uint32_t)u[0] << 24) | ((uint32_t)u[1] << 16) |
           ((uint32_t)u[2] << 8) | u[3];
}

ssize_t
virNetMessageDecodeLength(const char *buf)
{
    uint32_t len = getWord(buf);

    if (len < VIR_NET_MESSAGE_LEN_MAX) {
        virReportError(VIR_ERR_RPC,
                       "packet %d bytes received from server too small, want %d",
                       (int)len, VIR_NET_MESSAGE_LEN_MAX);
        return -1;
    }
    len -= VIR_NET_MESSAGE_LEN_MAX;
    if (len > VIR_NET_MESSAGE_MAX) {
        virReportError(VIR_ERR_RPC,
                       "packet %d bytes received from server too large, want %d",
                       (int)len, VIR_NET_MESSAGE_MAX);
        return -1;
    }
    return len;
}

int
virNetMessageDecodeHeader(virNetMessage *msg)
{
    const char *p = msg->buffer + VIR_NET_MESSAGE_LEN_MAX;

    if (msg->bufferLength < VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to decode message header");
        return -1;
    }
    msg->header.prog = getWord(p);
    msg->header.vers = getWord(p + 4);
    msg->header.proc = (int)getWord(p + 8);
    msg->header.type = (virNetMessageType)getWord(p + 12);
    msg->header.serial = getWord(p + 16);
    msg->header.status = (virNetMessageStatus)getWord(p + 20);
    msg->bufferOffset = VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX;
    return 0;
}

int
virNetMessageEncodeHeader(virNetMessage *msg)
{
    char *p;

    if (msg->bufferLength < VIR_NET_MESSAGE_FIRST_BUFFER) {
        msg->bufferLength = VIR_NET_MESSAGE_FIRST_BUFFER;
        msg->buffer = g_realloc(msg->buffer, msg->bufferLength);
    }
    p = msg->buffer;
    putWord(p, VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX);
    putWord(p + 4, msg->header.prog);
    putWord(p + 8, msg->header.vers);
    putWord(p + 12, (uint32_t)msg->header.proc);
    putWord(p + 16, (uint32_t)msg->header.type);
    putWord(p + 20, msg->header.serial);
    putWord(p + 24, (uint32_t)msg->header.status);
    msg->bufferOffset = VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX;
    return 0;
}

int
virNetMessageEncodeNumFDs(virNetMessage *msg)
{
    if (msg->nfds > VIR_NET_MESSAGE_NUM_FDS_MAX) {
        virReportError(VIR_ERR_RPC,
                       "Too many FDs to send %zu, expected %d maximum",
                       msg->nfds, VIR_NET_MESSAGE_NUM_FDS_MAX);
        return -1;
    }
    if (msg->bufferLength - msg->bufferOffset < 4) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to encode number of FDs");
        return -1;
    }
    putWord(msg->buffer + msg->bufferOffset, msg->nfds);
    msg->bufferOffset += 4;
    return 0;
}

int
virNetMessageDecodeNumFDs(virNetMessage *msg)
{
    uint32_t n;
    size_t i;

    if (msg->bufferLength - msg->bufferOffset < 4) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to decode number of FDs");
        return -1;
    }
    n = getWord(msg->buffer + msg->bufferOffset);
    msg->bufferOffset += 4;
    if (n > VIR_NET_MESSAGE_NUM_FDS_MAX) {
        virReportError(VIR_ERR_RPC,
                       "Received too many FDs %u, expected %d maximum",
                       n, VIR_NET_MESSAGE_NUM_FDS_MAX);
        return -1;
    }
    if (msg->nfds == 0) {
        msg->nfds = n;
        msg->fds = g_new(int, n ? n : 1);
        for (i = 0; i < n; i++)
            msg->fds[i] = -1;
    }
    return 0;
}

/* Write the final length word and make the buffer ready to send. */
static void
virNetMessageFinish(virNetMessage *msg)
{
    putWord(msg->buffer, msg->bufferOffset);
    msg->bufferLength = msg->bufferOffset;
    msg->bufferOffset = 0;
}

int
virNetMessageEncodePayload(virNetMessage *msg, xdrproc_t filter, void *data)
{
    size_t start = msg->bufferOffset;

    for (;;) {
        XDR xdr;
        bool ok;

        xdrmem_create(&xdr, msg->buffer + start, msg->bufferLength - start,
                      XDR_ENCODE);
        ok = filter(&xdr, data, 0);
        if (ok)
            msg->bufferOffset = start + xdr_getpos(&xdr);
        xdr_destroy(&xdr);
        if (ok)
            break;
        if (msg->bufferLength >= VIR_NET_MESSAGE_MAX + VIR_NET_MESSAGE_LEN_MAX) {
            virReportError(VIR_ERR_RPC, "%s", "Unable to encode message payload");
            return -1;
        }
        msg->bufferLength = MIN(msg->bufferLength * 2,
                                VIR_NET_MESSAGE_MAX + VIR_NET_MESSAGE_LEN_MAX);
        msg->buffer = g_realloc(msg->buffer, msg->bufferLength);
    }
    virNetMessageFinish(msg);
    return 0;
}

int
virNetMessageDecodePayload(virNetMessage *msg, xdrproc_t filter, void *data)
{
    XDR xdr;
    bool ok;

    xdrmem_create(&xdr, msg->buffer + msg->bufferOffset,
                  msg->bufferLength - msg->bufferOffset, XDR_DECODE);
    ok = filter(&xdr, data, 0);
    if (ok)
        msg->bufferOffset += xdr_getpos(&xdr);
    xdr_destroy(&xdr);
    if (!ok) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to decode message payload");
        return -1;
    }
    return 0;
}

int
virNetMessageEncodePayloadRaw(virNetMessage *msg, const char *data, size_t len)
{
    if (data && len > 0) {
        size_t limit = VIR_NET_MESSAGE_MAX + VIR_NET_MESSAGE_LEN_MAX;

        if (msg->bufferOffset + len > limit) {
            virReportError(VIR_ERR_RPC,
                           "Stream data too long to send (%zu bytes needed, %zu bytes available)",
                           len, limit - msg->bufferOffset);
            return -1;
        }
        if (msg->bufferLength < msg->bufferOffset + len) {
            msg->bufferLength = msg->bufferOffset + len;
            msg->buffer = g_realloc(msg->buffer, msg->bufferLength);
        }
        memcpy(msg->buffer + msg->bufferOffset, data, len);
        msg->bufferOffset += len;
    }
    virNetMessageFinish(msg);
    return 0;
}

static virNetMessageString
virNetMessageStringDup(const char *s)
{
    virNetMessageString ret;

    if (!s)
        return NULL;
    ret = g_new0(char *, 1);
    *ret = g_strdup(s);
    return ret;
}

void
virNetMessageSaveError(virNetMessageError *rerr)
{
    virErrorPtr err;

    /* the first error is the one that matters; cleanup code may raise
     * others afterwards */
    if (rerr->code != VIR_ERR_OK)
        return;
    memset(rerr, 0, sizeof(*rerr));
    err = virGetLastError();
    if (!err) {
        rerr->code = VIR_ERR_INTERNAL_ERROR;
        rerr->domain = VIR_FROM_RPC;
        rerr->level = VIR_ERR_ERROR;
        rerr->message = virNetMessageStringDup("Library function returned error but did not set virError");
        return;
    }
    rerr->code = err->code;
    rerr->domain = err->domain;
    rerr->level = err->level;
    rerr->message = virNetMessageStringDup(err->message);
    rerr->str1 = virNetMessageStringDup(err->str1);
    rerr->str2 = virNetMessageStringDup(err->str2);
    rerr->str3 = virNetMessageStringDup(err->str3);
    rerr->int1 = err->int1;
    rerr->int2 = err->int2;
}

/* Error codes that daemons of libvirt 0.7.1 to 0.7.7 numbered one way
 * and later versions another; libvirt's client maps them back. */
static int
virNetMessageErrorCode(const virNetMessageError *rerr)
{
    switch (rerr->code) {
    case VIR_ERR_INVALID_NWFILTER:
    case VIR_ERR_NO_NWFILTER:
    case VIR_ERR_BUILD_FIREWALL:
        if (rerr->domain != VIR_FROM_NWFILTER)
            return rerr->code + 4;
        break;
    case VIR_WAR_NO_SECRET:
        if (rerr->domain == VIR_FROM_QEMU)
            return VIR_ERR_OPERATION_TIMEOUT;
        break;
    case VIR_ERR_INVALID_SECRET:
        if (rerr->domain == VIR_FROM_XEN)
            return VIR_ERR_MIGRATE_PERSIST_FAILED;
        break;
    default:
        break;
    }
    return rerr->code;
}

void
virNetMessageRaiseError(const virNetMessageError *rerr)
{
    int code = virNetMessageErrorCode(rerr);
    const char *message = rerr->message ? *rerr->message : NULL;

    /* an older daemon without the procedure: the call is unsupported */
    if ((rerr->domain == VIR_FROM_REMOTE || rerr->domain == VIR_FROM_RPC) &&
        code == VIR_ERR_RPC && rerr->level == VIR_ERR_ERROR &&
        message && STRPREFIX(message, "unknown procedure"))
        code = VIR_ERR_NO_SUPPORT;

    virRaiseErrorFull(__FILE__, __FUNCTION__, __LINE__, rerr->domain, code,
                      rerr->level,
                      rerr->str1 ? *rerr->str1 : NULL,
                      rerr->str2 ? *rerr->str2 : NULL,
                      rerr->str3 ? *rerr->str3 : NULL,
                      rerr->int1, rerr->int2,
                      "%s", message ? message : "Unknown error");
}

int
virNetMessageAddFD(virNetMessage *msg, int fd)
{
    int newfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);

    if (newfd < 0) {
        virReportSystemError(errno, "Unable to duplicate FD %d", fd);
        return -1;
    }
    msg->fds = g_renew(int, msg->fds, msg->nfds + 1);
    msg->fds[msg->nfds++] = newfd;
    return 0;
}

int
virNetMessageDupFD(virNetMessage *msg, size_t slot)
{
    int fd;

    if (slot >= msg->nfds || msg->fds[slot] < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "No FD available at slot %zu", slot);
        return -1;
    }
    if ((fd = fcntl(msg->fds[slot], F_DUPFD_CLOEXEC, 0)) < 0) {
        virReportSystemError(errno, "Unable to duplicate FD %d", msg->fds[slot]);
        return -1;
    }
    return fd;
}

/* ---- input buffers ------------------------------------------------ */

#define VIR_NET_MESSAGE_BUFFER_MIN 4096
/* a buffer grown for a big message is given back once it is empty */
#define VIR_NET_MESSAGE_BUFFER_KEEP 65536

void
virNetMessageBufferClear(virNetMessageBuffer *b)
{
    g_clear_pointer(&b->buf, g_free);
    b->len = b->size = 0;
}

/* Bytes the first message needs in all (with its descriptor bytes), or
 * 0 while that is not known yet, -1 on a bad length. */
static ssize_t
virNetMessageBufferNeed(virNetMessageBuffer *b)
{
    ssize_t body;
    uint32_t type;
    size_t total;

    if (b->len < VIR_NET_MESSAGE_LEN_MAX)
        return 0;
    if ((body = virNetMessageDecodeLength(b->buf)) < 0)
        return -1;
    total = VIR_NET_MESSAGE_LEN_MAX + body;
    if (b->len < VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX)
        return total;
    type = getWord(b->buf + 16);
    if ((type == VIR_NET_CALL_WITH_FDS || type == VIR_NET_REPLY_WITH_FDS) &&
        total >= VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX + 4 &&
        b->len >= VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX + 4) {
        uint32_t nfds = getWord(b->buf + VIR_NET_MESSAGE_LEN_MAX +
                                VIR_NET_MESSAGE_HEADER_MAX);

        if (nfds <= VIR_NET_MESSAGE_NUM_FDS_MAX)
            total += nfds;
    }
    return total;
}

char *
virNetMessageBufferSpace(virNetMessageBuffer *b, size_t *avail)
{
    ssize_t need = virNetMessageBufferNeed(b);
    size_t want = MAX(VIR_NET_MESSAGE_BUFFER_MIN, need > 0 ? (size_t)need : 0);

    if (b->size < want || b->size == b->len) {
        want = MAX(want, b->size ? b->size * 2 : VIR_NET_MESSAGE_BUFFER_MIN);
        want = MIN(want, MAX((size_t)need, (size_t)VIR_NET_MESSAGE_MAX +
                             VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_NUM_FDS_MAX));
        b->buf = g_realloc(b->buf, want);
        b->size = want;
    }
    *avail = b->size - b->len;
    return b->buf + b->len;
}

void
virNetMessageBufferAdd(virNetMessageBuffer *b, size_t n)
{
    b->len += n;
}

int
virNetMessageBufferTake(virNetMessageBuffer *b, virNetMessage **ret)
{
    ssize_t total = virNetMessageBufferNeed(b);
    size_t msglen;
    virNetMessage *msg;

    *ret = NULL;
    if (total < 0)
        return -1;
    if (total == 0 || b->len < (size_t)total)
        return 0;
    if (total < VIR_NET_MESSAGE_LEN_MAX + VIR_NET_MESSAGE_HEADER_MAX) {
        virReportError(VIR_ERR_RPC, "%s", "Unable to decode message header");
        return -1;
    }
    msglen = VIR_NET_MESSAGE_LEN_MAX + getWord(b->buf) - VIR_NET_MESSAGE_LEN_MAX;
    msg = virNetMessageNew(true);
    if ((size_t)total == b->len && b->size <= 2 * (size_t)total) {
        /* the buffer holds just this message: hand it over */
        msg->buffer = g_steal_pointer(&b->buf);
        b->size = b->len = 0;
    } else {
        msg->buffer = g_memdup2(b->buf, msglen);
        memmove(b->buf, b->buf + total, b->len - total);
        b->len -= total;
        if (b->len == 0 && b->size > VIR_NET_MESSAGE_BUFFER_KEEP)
            virNetMessageBufferClear(b);
    }
    msg->bufferLength = msglen;
    if (virNetMessageDecodeHeader(msg) < 0 ||
        ((msg->header.type == VIR_NET_CALL_WITH_FDS ||
          msg->header.type == VIR_NET_REPLY_WITH_FDS) &&
         virNetMessageDecodeNumFDs(msg) < 0)) {
        virNetMessageFree(msg);
        return -1;
    }
    *ret = msg;
    return 1;
}
