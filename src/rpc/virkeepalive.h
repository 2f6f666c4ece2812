/*
 * virkeepalive.h: the keepalive program's state for one connection.
 *
 * Either side may ping: after @interval seconds with nothing received it
 * sends a PING, and after @count unanswered pings in a row (nothing at
 * all received meanwhile) the peer is declared dead.  Every received
 * message resets the count; a PING is always answered with a PONG.
 *
 * The owner (a client or server connection) calls these under its own
 * lock and drives the clock: virKeepAliveTrigger when the time from
 * virKeepAliveTimeout has passed.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetmessage.h"

typedef struct _virKeepAlive virKeepAlive;

virKeepAlive *virKeepAliveNew(int interval, unsigned int count);
void virKeepAliveFree(virKeepAlive *ka);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virKeepAlive, virKeepAliveFree);

/* Start pinging with new settings (interval <= 0: keep the old ones). */
void virKeepAliveStart(virKeepAlive *ka, int interval, unsigned int count);
void virKeepAliveStop(virKeepAlive *ka);
bool virKeepAliveIsActive(virKeepAlive *ka);

/* Milliseconds until virKeepAliveTrigger has work, or -1 when stopped. */
int virKeepAliveTimeout(virKeepAlive *ka);

/* Time has passed: true when the peer is dead (an error is reported);
 * otherwise *@msg may be a PING to send. */
bool virKeepAliveTrigger(virKeepAlive *ka, virNetMessage **msg);

/* Note a received message; true when it belongs to the keepalive program
 * (the caller drops it), with *@response the PONG to send for a PING. */
bool virKeepAliveCheckMessage(virKeepAlive *ka, virNetMessage *msg,
                              virNetMessage **response);

/* A keepalive message (KEEPALIVE_PROC_PING or _PONG), encoded. */
virNetMessage *virKeepAliveMessage(int proc);
