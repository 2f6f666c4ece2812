/*
 * virnetmessage.h: one RPC message on the wire, and its encoding.
 *
 * A message is a 4-byte big-endian length (counting itself), the 24-byte
 * header (program, version, procedure, type, serial, status) and an XDR
 * body; messages of type CALL_WITH_FDS / REPLY_WITH_FDS put the number of
 * file descriptors between header and body, and the descriptors follow
 * the message on the UNIX socket, one per byte.  The whole message is at
 * most VIR_NET_MESSAGE_MAX bytes after the length word.
 *
 * Encoding: set msg->header, then virNetMessageEncodeHeader, then one of
 * the EncodePayload calls (which writes the final length); the buffer then
 * holds bufferLength bytes to send from bufferOffset 0.
 * Decoding: fill the buffer with one complete message (length word
 * included), then virNetMessageDecodeHeader and DecodePayload.
 *
 * Every failure reports a VIR_ERR_RPC error (domain VIR_FROM_RPC).
 */
#pragma once

#include "internal.h"
#include <rpc/rpc.h>
#include "virnetprotocol.h"

typedef struct _virNetMessage virNetMessage;

/* Called once the message has been written out (or dropped). */
typedef void (*virNetMessageFreeCallback)(virNetMessage *msg, void *opaque);

struct _virNetMessage {
    /* counts against the connection's limit of requests in flight until
     * it is answered (server side) */
    bool tracked;

    char *buffer;               /* the encoded message */
    size_t bufferLength;        /* bytes in use (to send / received) */
    size_t bufferOffset;        /* bytes sent / decoded so far */

    virNetMessageHeader header;

    int *fds;                   /* owned; -1 for slots not yet filled */
    size_t nfds;
    size_t donefds;             /* descriptors sent or received so far */

    virNetMessageFreeCallback cb;
    void *opaque;

    virNetMessage *next;        /* queue link */
};

virNetMessage *virNetMessageNew(bool tracked);
/* Forget buffer, descriptors and header; keeps 'tracked'. */
void virNetMessageClear(virNetMessage *msg);
void virNetMessageFree(virNetMessage *msg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetMessage, virNetMessageFree);

/* FIFO queues linked through msg->next. */
void virNetMessageQueuePush(virNetMessage **queue, virNetMessage *msg);
virNetMessage *virNetMessageQueueServe(virNetMessage **queue);
size_t virNetMessageQueueLength(virNetMessage *queue);

/* The length word at the start of @buf (4 bytes): the number of bytes
 * that follow it, checked against the bounds; -1 with an error. */
ssize_t virNetMessageDecodeLength(const char *buf);

/* Decode the header of the complete message in msg->buffer; on return
 * bufferOffset points at what follows it. */
int virNetMessageDecodeHeader(virNetMessage *msg);

/* Start encoding: the length word (patched later) and the header. */
int virNetMessageEncodeHeader(virNetMessage *msg);

/* The descriptor count after the header (WITH_FDS messages). */
int virNetMessageEncodeNumFDs(virNetMessage *msg);
int virNetMessageDecodeNumFDs(virNetMessage *msg);

/* The body through an XDR routine; the buffer grows as needed up to
 * VIR_NET_MESSAGE_MAX. */
int virNetMessageEncodePayload(virNetMessage *msg, xdrproc_t filter,
                               void *data);
int virNetMessageDecodePayload(virNetMessage *msg, xdrproc_t filter,
                               void *data);
/* Raw bytes as the body (stream data); NULL/0 makes an empty body. */
int virNetMessageEncodePayloadRaw(virNetMessage *msg, const char *data,
                                  size_t len);
#define virNetMessageEncodePayloadEmpty(msg) \
    virNetMessageEncodePayloadRaw(msg, NULL, 0)

/* Fill @rerr from the calling thread's error, unless it holds an error
 * already (the first error wins); with no error set, a generic one. */
void virNetMessageSaveError(virNetMessageError *rerr);

/* Raise the error carried by @rerr in the calling thread, exactly as the
 * peer raised it. */
void virNetMessageRaiseError(const virNetMessageError *rerr);

/* Attach a duplicate of @fd (close-on-exec) to send with the message. */
int virNetMessageAddFD(virNetMessage *msg, int fd);
/* A duplicate (close-on-exec) of received descriptor @slot. */
int virNetMessageDupFD(virNetMessage *msg, size_t slot);

/*
 * An input buffer for one connection: bytes are read into it as they
 * come and complete messages are taken out, so that one read can bring
 * several messages (and a small message costs one read).
 */
typedef struct {
    char *buf;
    size_t len;                 /* bytes held */
    size_t size;                /* bytes allocated */
} virNetMessageBuffer;

void virNetMessageBufferClear(virNetMessageBuffer *b);
/* Room to read into: at least enough for the message being received. */
char *virNetMessageBufferSpace(virNetMessageBuffer *b, size_t *avail);
void virNetMessageBufferAdd(virNetMessageBuffer *b, size_t n);
/* Take the first complete message (with its header decoded, and for a
 * WITH_FDS message its descriptor count, after which the descriptor
 * bytes have been consumed too): 1 with *@msg set, 0 if more bytes are
 * needed, -1 with an error for an impossible length. */
int virNetMessageBufferTake(virNetMessageBuffer *b, virNetMessage **msg);
