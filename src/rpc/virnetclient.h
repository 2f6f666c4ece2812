/*
 * virnetclient.h: the client end of one RPC connection.
 *
 * Any number of threads may make calls on one client at once.  The
 * socket is driven by one of them at a time, the one "holding the
 * buck": it writes every queued message, reads replies and hands each
 * to the thread waiting for it, and when its own call is complete passes
 * the buck to another waiting thread.  A single caller thus costs one
 * write and one read per call, with no thread switch.
 *
 * When no call is in flight and an event loop is registered, the event
 * loop watches the socket: asynchronous messages (events, keepalive)
 * are handled there.  Without an event loop they are handled during the
 * next call.
 *
 * Once the connection fails or is closed, every waiting and later call
 * fails with the error that closed it.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetmessage.h"
#include "rpc/virnetsocket.h"
#include "rpc/virnettlscontext.h"

typedef struct _virNetClient virNetClient;
typedef struct _virNetClientProgram virNetClientProgram;
typedef struct _virNetClientStream virNetClientStream;

/* Called (without the client's lock) once the connection is closed;
 * @reason is a VIR_CONNECT_CLOSE_REASON_*. */
typedef void (*virNetClientCloseFunc)(virNetClient *client, int reason,
                                      void *opaque);

virNetClient *virNetClientNewUNIX(const char *path, const char *spawnDaemon);
virNetClient *virNetClientNewTCP(const char *nodename, const char *service,
                                 int family);
/* Over a tunnel command (ssh and the like); takes @cmd. */
virNetClient *virNetClientNewCommand(virCommand *cmd);
/* Over an existing socket (tests); takes @sock. */
virNetClient *virNetClientNew(virNetSocket *sock, const char *hostname);

virNetClient *virNetClientRef(virNetClient *client);
void virNetClientUnref(virNetClient *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetClient, virNetClientUnref);

/* Run the TLS handshake, check the server's certificate and wait for
 * its verdict on ours. */
int virNetClientSetTLSSession(virNetClient *client, virNetTLSContext *tls);
bool virNetClientIsEncrypted(virNetClient *client);
bool virNetClientIsOpen(virNetClient *client);
int virNetClientGetTLSKeySize(virNetClient *client);
/* The peer's UNIX credentials cannot be asked here; the local address
 * and the remote one are, for SASL and logs. */
const char *virNetClientLocalAddrString(virNetClient *client);
const char *virNetClientRemoteAddrString(virNetClient *client);

int virNetClientAddProgram(virNetClient *client, virNetClientProgram *prog);
void virNetClientAddStream(virNetClient *client, virNetClientStream *st);
void virNetClientRemoveStream(virNetClient *client, virNetClientStream *st);

/* A fresh serial number for a call. */
unsigned int virNetClientNextSerial(virNetClient *client);

/* Send @msg (encoded) and wait for its reply, which replaces @msg's
 * contents.  -1 with an error when the connection fails. */
int virNetClientSendWithReply(virNetClient *client, virNetMessage *msg);
/* Send @msg and wait until it is written, expecting no reply. */
int virNetClientSendNoReply(virNetClient *client, virNetMessage *msg);
/* Queue @msg to be written when possible; takes @msg. */
int virNetClientSendNonBlock(virNetClient *client, virNetMessage *msg);
/* Wait until @st has received something (data, end, or error);
 * @nonblock returns at once with 0 if nothing is there, else 1. */
int virNetClientWaitStream(virNetClient *client, virNetClientStream *st,
                           bool nonblock);

void virNetClientSetCloseCallback(virNetClient *client,
                                  virNetClientCloseFunc cb, void *opaque,
                                  virFreeCallback ff);
/* Close the connection (reason VIR_CONNECT_CLOSE_REASON_CLIENT). */
void virNetClientClose(virNetClient *client);

/* Keepalive needs the event loop to watch the socket between calls. */
bool virNetClientKeepAliveIsSupported(virNetClient *client);
int virNetClientKeepAliveStart(virNetClient *client, int interval,
                               unsigned int count);
void virNetClientKeepAliveStop(virNetClient *client);

/* For streams (virnetclientstream.c): run @func under the client's lock,
 * which guards every stream's state. */
void virNetClientLock(virNetClient *client);
void virNetClientUnlock(virNetClient *client);
