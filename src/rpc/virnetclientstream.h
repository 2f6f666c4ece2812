/*
 * virnetclientstream.h: the client end of one data stream.
 *
 * A stream belongs to the call that opened it (same program, procedure
 * and serial).  Incoming data, holes, the end of data and the daemon's
 * error are queued on it by the client's reader; the stream's own calls
 * take them off.  All stream state is guarded by the client's lock.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetclientprogram.h"

typedef void (*virNetClientStreamEventCallback)(virNetClientStream *stream,
                                                int events, void *opaque);

virNetClientStream *virNetClientStreamNew(virNetClientProgram *prog, int proc,
                                          unsigned int serial, bool allowSkip);
virNetClientStream *virNetClientStreamRef(virNetClientStream *st);
void virNetClientStreamUnref(virNetClientStream *st);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetClientStream, virNetClientStreamUnref);

unsigned int virNetClientStreamGetSerial(virNetClientStream *st);
virNetClientProgram *virNetClientStreamGetProgram(virNetClientStream *st);

/* Raise the daemon's error for the stream if it sent one: true then. */
bool virNetClientStreamRaiseError(virNetClient *client, virNetClientStream *st);

/* Send data (status VIR_NET_CONTINUE, waits until written), or finish
 * (VIR_NET_OK) / abort (VIR_NET_ERROR), which wait for the daemon's
 * confirmation. */
int virNetClientStreamSendPacket(virNetClientStream *st, virNetClient *client,
                                 int status, const char *data, size_t nbytes);

/* Receive up to @nbytes: bytes read, 0 at the end of data, -2 when
 * @nonblock and nothing is there, -1 with an error.  With
 * VIR_STREAM_RECV_STOP_AT_HOLE, a hole stops the read. */
int virNetClientStreamRecvPacket(virNetClientStream *st, virNetClient *client,
                                 char *data, size_t nbytes, bool nonblock,
                                 unsigned int flags);

int virNetClientStreamSendHole(virNetClientStream *st, virNetClient *client,
                               long long length, unsigned int flags);
int virNetClientStreamRecvHole(virNetClient *client, virNetClientStream *st,
                               long long *length);

/* Non-blocking use: @cb runs from the event loop when the stream can be
 * read (data or end queued) or written. */
int virNetClientStreamEventAddCallback(virNetClientStream *st,
                                       virNetClient *client, int events,
                                       virNetClientStreamEventCallback cb,
                                       void *opaque, virFreeCallback ff);
int virNetClientStreamEventUpdateCallback(virNetClientStream *st,
                                          virNetClient *client, int events);
int virNetClientStreamEventRemoveCallback(virNetClientStream *st,
                                          virNetClient *client);

/* ---- for the client's reader, under the client's lock ---- */
bool virNetClientStreamMatches(virNetClientStream *st, virNetMessage *msg);
/* Data or a hole; takes @msg. */
void virNetClientStreamQueuePacket(virNetClientStream *st, virNetMessage *msg);
/* The daemon's error ends the stream. */
void virNetClientStreamSetError(virNetClientStream *st, virNetMessage *msg);
/* Finished or aborted: nothing more will come. */
void virNetClientStreamSetClosed(virNetClientStream *st);
/* The connection is gone: later calls fail with this error. */
void virNetClientStreamConnectionFailed(virNetClientStream *st);
/* Something for a reader: data, a hole, the end, or an error. */
bool virNetClientStreamHasData(virNetClientStream *st);
