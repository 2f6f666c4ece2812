/*
 * virnetserverclient.h: the server end of one RPC connection.
 *
 * The server's workers drive a connection's I/O (virNetServerClientIO
 * when its socket is ready); complete calls are handed to the server
 * for dispatch, at most max_client_requests at a time: beyond that the
 * connection is not read until a reply goes out.  Replies and events are
 * written at once when the socket takes them, otherwise when it is
 * ready again.
 *
 * A connection refused (bad length, undecodable header, failed TLS
 * check, keepalive timeout, end of file) is closed on its own; nothing
 * else is affected.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetmessage.h"
#include "rpc/virnetsocket.h"
#include "rpc/virnettlscontext.h"
#include "rpc/virnetserverprogram.h"

typedef enum {
    VIR_NET_SERVER_SERVICE_AUTH_NONE = 0,
    VIR_NET_SERVER_SERVICE_AUTH_SASL,
    VIR_NET_SERVER_SERVICE_AUTH_POLKIT,
} virNetServerServiceAuthMethods;

/* A filter sees each message before dispatch (streams take theirs):
 * 1 it took the message, 0 not its message, -1 close the connection.
 * Runs under the connection's lock. */
typedef int (*virNetServerClientFilterFunc)(virNetServerClient *client,
                                            virNetMessage *msg, void *opaque);
/* A complete call to dispatch (without the connection's lock). */
typedef void (*virNetServerClientDispatchFunc)(virNetServerClient *client,
                                               virNetMessage *msg, void *opaque);
/* The connection is closing (runs once, without the lock). */
typedef void (*virNetServerClientCloseFunc)(virNetServerClient *client);
/* ... and the server is told it is gone. */
typedef void (*virNetServerClientClosedFunc)(virNetServerClient *client,
                                             void *opaque);

virNetServerClient *virNetServerClientNew(unsigned long long id,
                                          virNetSocket *sock, int auth,
                                          bool readonly, size_t nrequests_max,
                                          virNetTLSContext *tls,
                                          int keepaliveInterval,
                                          unsigned int keepaliveCount);
virNetServerClient *virNetServerClientRef(virNetServerClient *client);
void virNetServerClientUnref(virNetServerClient *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetServerClient, virNetServerClientUnref);

/* Attach to the server's poller: events for this connection are
 * registered on @epfd under @id; @dispatch receives complete calls;
 * @closed runs when the connection goes.  Arms the socket. */
int virNetServerClientRegister(virNetServerClient *client, int epfd,
                               virNetServerClientDispatchFunc dispatch,
                               virNetServerClientClosedFunc closed,
                               void *opaque);
/* The socket is ready (epoll events). */
void virNetServerClientIO(virNetServerClient *client, uint32_t events);

unsigned long long virNetServerClientGetID(virNetServerClient *client);
long long virNetServerClientGetTimestamp(virNetServerClient *client);
int virNetServerClientGetAuth(virNetServerClient *client);
void virNetServerClientSetAuthenticated(virNetServerClient *client);
bool virNetServerClientIsAuthenticated(virNetServerClient *client);
bool virNetServerClientGetReadonly(virNetServerClient *client);
void virNetServerClientSetReadonly(virNetServerClient *client, bool readonly);
bool virNetServerClientIsLocal(virNetServerClient *client);
bool virNetServerClientHasTLSSession(virNetServerClient *client);
int virNetServerClientGetTLSKeySize(virNetServerClient *client);
/* VIR_CLIENT_TRANS_UNIX, _TCP or _TLS */
int virNetServerClientGetTransport(virNetServerClient *client);
int virNetServerClientGetUNIXIdentity(virNetServerClient *client, uid_t *uid,
                                      gid_t *gid, pid_t *pid);
const char *virNetServerClientLocalAddrString(virNetServerClient *client);
const char *virNetServerClientRemoteAddrString(virNetServerClient *client);
char *virNetServerClientGetX509DName(virNetServerClient *client);
size_t virNetServerClientGetNRequests(virNetServerClient *client);

/* Per-connection data of the daemon: freed with the connection. */
void virNetServerClientSetPrivateData(virNetServerClient *client, void *data,
                                      virFreeCallback freeFunc);
void *virNetServerClientGetPrivateData(virNetServerClient *client);
/* Called when the connection closes, before the server forgets it. */
void virNetServerClientSetCloseHook(virNetServerClient *client,
                                    virNetServerClientCloseFunc cb);

int virNetServerClientAddFilter(virNetServerClient *client,
                                virNetServerClientFilterFunc func, void *opaque);
void virNetServerClientRemoveFilter(virNetServerClient *client, int filterID);

/* Queue @msg for sending (takes it).  A tracked message completes its
 * request once written (or dropped if the connection is gone). */
void virNetServerClientSendMessage(virNetServerClient *client, virNetMessage *msg);
/* A request that gets no reply is done: free @msg and complete it. */
void virNetServerClientDropMessage(virNetServerClient *client, virNetMessage *msg);

/* Wait until fewer than @bytes are queued for sending (or the
 * connection is gone): flow control for streams. */
void virNetServerClientWaitTx(virNetServerClient *client, size_t bytes);

/* Close the connection (from any thread). */
void virNetServerClientClose(virNetServerClient *client);
bool virNetServerClientIsClosed(virNetServerClient *client);

/* Keepalive: start pinging; the server calls Tick once a second. */
int virNetServerClientStartKeepAlive(virNetServerClient *client);
void virNetServerClientKeepAliveTick(virNetServerClient *client);
