/*
 * virnetserverclient.c: one connection of a server.
 *
 * The socket is registered with the server's epoll in one-shot mode,
 * keyed by the connection's id (never by pointer: an event may still be
 * in a worker's hands after the connection is gone).  Whoever changes
 * what the connection waits for re-arms it; the worker handling an event
 * re-arms it when done.
 */
#include "internal.h"
#include "rpc/virnetserverclient.h"
#include "rpc/virkeepalive.h"
#include "util/virlog.h"
#include "libvirt/libvirt-admin.h"

#include <sys/epoll.h>

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netserverclient");

typedef struct _virNetServerClientFilter virNetServerClientFilter;
struct _virNetServerClientFilter {
    int id;
    virNetServerClientFilterFunc func;
    void *opaque;
    virNetServerClientFilter *next;
};

struct _virNetServerClient {
    gint refs;                     /* g_atomic access only */
    GMutex lock;                   /* guards everything below */

    /* immutable after creation */
    unsigned long long id;
    long long connTime;            /* seconds since the epoch */
    int auth;
    size_t nrequestsMax;
    bool isLocal;
    int transport;

    virNetSocket *sock;            /* NULL once closed */
    virNetTLSContext *tlsCtxt;
    virNetTLSSession *tls;
    bool tlsReady;                 /* handshake done and checked */
    bool readonly;
    bool authenticated;

    int epfd;                      /* -1 until registered */
    uint32_t armed;                /* events of the pending one-shot arm;
                                    * 0 once it may have fired */
    virNetServerClientDispatchFunc dispatch;
    virNetServerClientClosedFunc serverClosed;
    void *dispatchOpaque;

    virNetMessageBuffer rx;
    virNetMessage *tx;             /* queue, being written in order */
    size_t txBytes;                /* bytes of tx not yet written */
    GCond txCond;                  /* signalled when txBytes drops */
    size_t txWaiters;              /* threads waiting on txCond */
    size_t nrequests;              /* tracked messages in flight */
    bool wantClose;
    bool closed;

    virKeepAlive *keepalive;
    virNetServerClientFilter *filters;
    int nextFilterID;

    void *privateData;
    virFreeCallback privateDataFree;
    virNetServerClientCloseFunc closeHook;
};

virNetServerClient *
virNetServerClientNew(unsigned long long id, virNetSocket *sock, int auth,
                      bool readonly, size_t nrequests_max, virNetTLSContext *tls,
                      int keepaliveInterval, unsigned int keepaliveCount)
{
    virNetServerClient *client = g_new0(virNetServerClient, 1);

    client->refs = 1;
    g_mutex_init(&client->lock);
    g_cond_init(&client->txCond);
    client->id = id;
    client->connTime = g_get_real_time() / G_USEC_PER_SEC;
    client->sock = sock;
    client->auth = auth;
    client->authenticated = auth == VIR_NET_SERVER_SERVICE_AUTH_NONE;
    client->readonly = readonly;
    client->nrequestsMax = MAX(nrequests_max, 1);
    client->isLocal = virNetSocketIsLocal(sock);
    client->transport = tls ? VIR_CLIENT_TRANS_TLS :
                        virNetSocketIsUNIX(sock) ? VIR_CLIENT_TRANS_UNIX :
                        VIR_CLIENT_TRANS_TCP;
    client->epfd = -1;
    client->keepalive = virKeepAliveNew(keepaliveInterval, keepaliveCount);
    if (tls) {
        client->tlsCtxt = virNetTLSContextRef(tls);
        if (!(client->tls = virNetTLSSessionNew(tls, NULL, virNetSocketGetFD(sock)))) {
            virNetServerClientUnref(client);
            return NULL;
        }
        virNetSocketSetTLSSession(sock, client->tls);
    } else {
        client->tlsReady = true;
    }
    return client;
}

virNetServerClient *
virNetServerClientRef(virNetServerClient *client)
{
    g_atomic_int_inc(&client->refs);
    return client;
}

void
virNetServerClientUnref(virNetServerClient *client)
{
    virNetServerClientFilter *f;
    virNetMessage *msg;

    if (!client || !g_atomic_int_dec_and_test(&client->refs))
        return;
    if (client->privateDataFree)
        client->privateDataFree(client->privateData);
    while ((f = client->filters)) {
        client->filters = f->next;
        g_free(f);
    }
    while ((msg = virNetMessageQueueServe(&client->tx)))
        virNetMessageFree(msg);
    virNetMessageBufferClear(&client->rx);
    virKeepAliveFree(client->keepalive);
    virNetSocketFree(client->sock);
    virNetTLSSessionFree(client->tls);
    virNetTLSContextUnref(client->tlsCtxt);
    g_cond_clear(&client->txCond);
    g_mutex_clear(&client->lock);
    g_free(client);
}

/* ---- properties --------------------------------------------------- */

#define GETTER(type, name, expr) \
    type name(virNetServerClient *client) \
    { \
        type ret; \
        g_mutex_lock(&client->lock); \
        ret = (expr); \
        g_mutex_unlock(&client->lock); \
        return ret; \
    }

GETTER(int, virNetServerClientGetAuth, client->auth)
GETTER(bool, virNetServerClientIsAuthenticated, client->authenticated)
GETTER(bool, virNetServerClientGetReadonly, client->readonly)
GETTER(bool, virNetServerClientHasTLSSession, client->tls != NULL)
GETTER(bool, virNetServerClientIsClosed, client->closed || client->wantClose)
GETTER(size_t, virNetServerClientGetNRequests, client->nrequests)
GETTER(void *, virNetServerClientGetPrivateData, client->privateData)

unsigned long long
virNetServerClientGetID(virNetServerClient *client)
{
    return client->id;
}

long long
virNetServerClientGetTimestamp(virNetServerClient *client)
{
    return client->connTime;
}

bool
virNetServerClientIsLocal(virNetServerClient *client)
{
    return client->isLocal;
}

int
virNetServerClientGetTransport(virNetServerClient *client)
{
    return client->transport;
}

void
virNetServerClientSetAuthenticated(virNetServerClient *client)
{
    g_mutex_lock(&client->lock);
    client->authenticated = true;
    g_mutex_unlock(&client->lock);
}

void
virNetServerClientSetReadonly(virNetServerClient *client, bool readonly)
{
    g_mutex_lock(&client->lock);
    client->readonly = readonly;
    g_mutex_unlock(&client->lock);
}

int
virNetServerClientGetTLSKeySize(virNetServerClient *client)
{
    int ret = 0;

    g_mutex_lock(&client->lock);
    if (client->tls)
        ret = virNetTLSSessionGetKeySize(client->tls);
    g_mutex_unlock(&client->lock);
    return ret;
}

char *
virNetServerClientGetX509DName(virNetServerClient *client)
{
    char *ret = NULL;

    g_mutex_lock(&client->lock);
    if (client->tls)
        ret = g_strdup(virNetTLSSessionGetX509DName(client->tls));
    g_mutex_unlock(&client->lock);
    return ret;
}

int
virNetServerClientGetUNIXIdentity(virNetServerClient *client, uid_t *uid,
                                  gid_t *gid, pid_t *pid)
{
    int ret = -1;

    g_mutex_lock(&client->lock);
    if (!client->sock)
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "connection not open");
    else
        ret = virNetSocketGetUNIXIdentity(client->sock, uid, gid, pid);
    g_mutex_unlock(&client->lock);
    return ret;
}

const char *
virNetServerClientLocalAddrString(virNetServerClient *client)
{
    return client->sock ? virNetSocketLocalAddrString(client->sock) : NULL;
}

const char *
virNetServerClientRemoteAddrString(virNetServerClient *client)
{
    return client->sock ? virNetSocketRemoteAddrString(client->sock) : NULL;
}

void
virNetServerClientSetPrivateData(virNetServerClient *client, void *data,
                                 virFreeCallback freeFunc)
{
    g_mutex_lock(&client->lock);
    if (client->privateDataFree)
        client->privateDataFree(client->privateData);
    client->privateData = data;
    client->privateDataFree = freeFunc;
    g_mutex_unlock(&client->lock);
}

void
virNetServerClientSetCloseHook(virNetServerClient *client,
                               virNetServerClientCloseFunc cb)
{
    g_mutex_lock(&client->lock);
    client->closeHook = cb;
    g_mutex_unlock(&client->lock);
}

int
virNetServerClientAddFilter(virNetServerClient *client,
                            virNetServerClientFilterFunc func, void *opaque)
{
    virNetServerClientFilter *f = g_new0(virNetServerClientFilter, 1);
    virNetServerClientFilter **p;
    int id;

    g_mutex_lock(&client->lock);
    f->id = id = ++client->nextFilterID;
    f->func = func;
    f->opaque = opaque;
    for (p = &client->filters; *p; p = &(*p)->next)
        ;
    *p = f;
    g_mutex_unlock(&client->lock);
    return id;
}

void
virNetServerClientRemoveFilter(virNetServerClient *client, int filterID)
{
    virNetServerClientFilter **p;

    g_mutex_lock(&client->lock);
    for (p = &client->filters; *p; p = &(*p)->next) {
        if ((*p)->id == filterID) {
            virNetServerClientFilter *f = *p;

            *p = f->next;
            g_free(f);
            break;
        }
    }
    g_mutex_unlock(&client->lock);
}

/* ---- arming and closing ------------------------------------------- */

/* Wake virNetServerClientWaitTx; g_cond_broadcast is a system call
 * even without waiters, and this runs for every reply. */
static void
virNetServerClientTxDone(virNetServerClient *client)
{
    if (client->txWaiters > 0)
        g_cond_broadcast(&client->txCond);
}

/* Tell epoll what the connection waits for now.  A one-shot arm that has
 * not fired yet (virNetServerClientIO clears client->armed) and asks for
 * the same events is left alone: arming it again would deliver an event
 * already on its way to another worker a second time. */
static void
virNetServerClientArm(virNetServerClient *client)
{
    struct epoll_event ev = { 0 };

    if (client->epfd < 0 || client->closed)
        return;
    ev.data.u64 = client->id;
    ev.events = EPOLLONESHOT | EPOLLRDHUP;
    if (client->wantClose) {
        /* a worker picks it up at once and finishes closing */
        ev.events |= EPOLLOUT;
    } else if (!client->tlsReady) {
        ev.events |= virNetTLSSessionGetHandshakeStatus(client->tls) ==
                     VIR_NET_TLS_HANDSHAKE_SENDING ? EPOLLOUT : EPOLLIN;
    } else {
        if (client->nrequests < client->nrequestsMax)
            ev.events |= EPOLLIN;
        if (client->tx)
            ev.events |= EPOLLOUT;
    }
    if (ev.events == client->armed)
        return;
    if (epoll_ctl(client->epfd, EPOLL_CTL_MOD, virNetSocketGetFD(client->sock), &ev) < 0) {
        VIR_WARN("cannot re-arm client %llu: %s", client->id, g_strerror(errno));
        client->armed = 0;
        return;
    }
    client->armed = ev.events;
}

/* Finish closing: returns true if it did (the caller then runs the
 * hooks without the lock). */
static bool
virNetServerClientCloseLocked(virNetServerClient *client)
{
    virNetMessage *msg;

    if (client->closed)
        return false;
    client->closed = true;
    client->wantClose = true;
    if (client->epfd >= 0)
        epoll_ctl(client->epfd, EPOLL_CTL_DEL, virNetSocketGetFD(client->sock), NULL);
    virNetSocketShutdown(client->sock);
    while ((msg = virNetMessageQueueServe(&client->tx)))
        virNetMessageFree(msg);
    client->txBytes = 0;
    virNetServerClientTxDone(client);
    virNetMessageBufferClear(&client->rx);
    return true;
}

static void
virNetServerClientRunCloseHooks(virNetServerClient *client)
{
    virNetServerClientCloseFunc hook;

    g_mutex_lock(&client->lock);
    hook = client->closeHook;
    client->closeHook = NULL;
    g_mutex_unlock(&client->lock);
    if (hook)
        hook(client);
    if (client->serverClosed)
        client->serverClosed(client, client->dispatchOpaque);
}

void
virNetServerClientClose(virNetServerClient *client)
{
    bool closed = false;

    g_mutex_lock(&client->lock);
    if (!client->closed) {
        client->wantClose = true;
        if (client->epfd >= 0)
            virNetServerClientArm(client);
        else
            closed = virNetServerClientCloseLocked(client);
    }
    g_mutex_unlock(&client->lock);
    if (closed)
        virNetServerClientRunCloseHooks(client);
}

int
virNetServerClientRegister(virNetServerClient *client, int epfd,
                           virNetServerClientDispatchFunc dispatch,
                           virNetServerClientClosedFunc closed, void *opaque)
{
    struct epoll_event ev = { 0 };
    int ret = 0;

    g_mutex_lock(&client->lock);
    client->dispatch = dispatch;
    client->serverClosed = closed;
    client->dispatchOpaque = opaque;
    ev.data.u64 = client->id;
    ev.events = EPOLLONESHOT;
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, virNetSocketGetFD(client->sock), &ev) < 0) {
        virReportSystemError(errno, "%s", "Unable to register client socket");
        ret = -1;
    } else {
        client->epfd = epfd;
        virNetServerClientArm(client);
    }
    g_mutex_unlock(&client->lock);
    return ret;
}

/* ---- writing ------------------------------------------------------ */

/* Write the queue: 0 when done or blocked, -1 on error (closing). */
static int
virNetServerClientWrite(virNetServerClient *client)
{
    while (client->tx) {
        virNetMessage *msg = client->tx;

        while (msg->bufferOffset < msg->bufferLength) {
            ssize_t n = virNetSocketWrite(client->sock, msg->buffer + msg->bufferOffset,
                                          msg->bufferLength - msg->bufferOffset);

            if (n < 0)
                goto error;
            if (n == 0)
                return 0;
            msg->bufferOffset += n;
            client->txBytes -= MIN((size_t)n, client->txBytes);
        }
        while (msg->donefds < msg->nfds) {
            int rv = virNetSocketSendFD(client->sock, msg->fds[msg->donefds]);

            if (rv < 0)
                goto error;
            if (rv == 0)
                return 0;
            msg->donefds++;
        }
        virNetMessageQueueServe(&client->tx);
        if (msg->tracked && client->nrequests > 0)
            client->nrequests--;
        virNetMessageFree(msg);
        virNetServerClientTxDone(client);
    }
    return 0;

 error:
    VIR_DEBUG("client %llu: write failed: %s", client->id, virGetLastErrorMessage());
    virResetLastError();
    client->wantClose = true;
    return -1;
}

/* ---- reading ------------------------------------------------------ */

/* Route one complete message: keepalive and filters here, calls to
 * @calls for dispatch. */
static int
virNetServerClientRoute(virNetServerClient *client, virNetMessage *msg,
                        GPtrArray *calls)
{
    virNetMessage *response = NULL;
    virNetServerClientFilter *f;
    size_t i;

    for (i = 0; i < msg->nfds; i++) {
        if ((msg->fds[i] = virNetSocketTakeFD(client->sock)) < 0) {
            VIR_DEBUG("client %llu: descriptor %zu missing", client->id, i);
            virNetMessageFree(msg);
            return -1;
        }
    }
    if (virKeepAliveCheckMessage(client->keepalive, msg, &response)) {
        virNetMessageFree(msg);
        if (response) {
            response->tracked = false;
            client->txBytes += response->bufferLength;
            virNetMessageQueuePush(&client->tx, response);
        }
        return 0;
    }
    client->nrequests++;
    for (f = client->filters; f; f = f->next) {
        int rv = f->func(client, msg, f->opaque);

        if (rv < 0) {
            client->nrequests--;
            virNetMessageFree(msg);
            return -1;
        }
        if (rv > 0)
            return 0;
    }
    g_ptr_array_add(calls, msg);
    return 0;
}

/* Take complete messages from the input buffer while requests may
 * still start. */
static int
virNetServerClientProcessInput(virNetServerClient *client, GPtrArray *calls)
{
    while (!client->wantClose && client->nrequests < client->nrequestsMax) {
        virNetMessage *msg;
        int rv = virNetMessageBufferTake(&client->rx, &msg);

        if (rv < 0) {
            VIR_DEBUG("client %llu: %s", client->id, virGetLastErrorMessage());
            virResetLastError();
            return -1;
        }
        if (rv == 0)
            return 0;
        if (virNetServerClientRoute(client, msg, calls) < 0)
            return -1;
    }
    return 0;
}

static int
virNetServerClientRead(virNetServerClient *client, GPtrArray *calls)
{
    for (;;) {
        size_t avail;
        char *space = virNetMessageBufferSpace(&client->rx, &avail);
        ssize_t n = virNetSocketRead(client->sock, space, avail);

        if (n < 0) {
            virResetLastError();
            return -1;
        }
        virNetMessageBufferAdd(&client->rx, n);
        if (virNetServerClientProcessInput(client, calls) < 0)
            return -1;
        if ((size_t)n < avail || client->nrequests >= client->nrequestsMax)
            return 0;
    }
}

/* One step of the TLS handshake; once it is done and the certificate is
 * good, the one-byte confirmation goes out. */
static int
virNetServerClientHandshake(virNetServerClient *client)
{
    virNetMessage *confirm;
    int rv = virNetTLSSessionHandshake(client->tls);

    if (rv > 0)
        return 0;
    if (rv < 0 || virNetTLSContextCheckCertificate(client->tlsCtxt, client->tls) < 0) {
        VIR_WARN("TLS client %llu refused: %s", client->id, virGetLastErrorMessage());
        virResetLastError();
        return -1;
    }
    client->tlsReady = true;
    confirm = virNetMessageNew(false);
    confirm->buffer = g_strdup("\1");
    confirm->bufferLength = 1;
    client->txBytes += 1;
    virNetMessageQueuePush(&client->tx, confirm);
    return 0;
}

static void
virNetServerClientDispatchCalls(virNetServerClient *client, GPtrArray *calls)
{
    size_t i;

    for (i = 0; i < calls->len; i++)
        client->dispatch(client, g_ptr_array_index(calls, i), client->dispatchOpaque);
}

void
virNetServerClientIO(virNetServerClient *client, uint32_t events)
{
    g_autoptr(GPtrArray) calls = g_ptr_array_new();
    bool closed = false;

    g_mutex_lock(&client->lock);
    if (client->closed) {
        g_mutex_unlock(&client->lock);
        return;
    }
    /* the one-shot arm fired (or the caller finishes a close) */
    client->armed = 0;
    if (!client->wantClose && !client->tlsReady) {
        if (virNetServerClientHandshake(client) < 0)
            client->wantClose = true;
    }
    if (!client->wantClose && client->tx)
        ignore_value(virNetServerClientWrite(client));
    if (!client->wantClose && client->tlsReady &&
        (events & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLRDHUP)) &&
        virNetServerClientRead(client, calls) < 0)
        client->wantClose = true;
    if (!client->wantClose && client->tx)
        ignore_value(virNetServerClientWrite(client));
    if (client->wantClose)
        closed = virNetServerClientCloseLocked(client);
    else
        virNetServerClientArm(client);
    g_mutex_unlock(&client->lock);

    virNetServerClientDispatchCalls(client, calls);
    if (closed)
        virNetServerClientRunCloseHooks(client);
}

/* ---- sending ------------------------------------------------------ */

/* After a request completed: maybe start more from buffered input. */
static void
virNetServerClientRequestDone(virNetServerClient *client, GPtrArray *calls)
{
    if (!client->wantClose &&
        virNetServerClientProcessInput(client, calls) < 0)
        client->wantClose = true;
}

void
virNetServerClientSendMessage(virNetServerClient *client, virNetMessage *msg)
{
    g_autoptr(GPtrArray) calls = g_ptr_array_new();
    size_t before;

    g_mutex_lock(&client->lock);
    if (client->closed || client->wantClose) {
        if (msg->tracked && client->nrequests > 0)
            client->nrequests--;
        g_mutex_unlock(&client->lock);
        virNetMessageFree(msg);
        return;
    }
    msg->next = NULL;
    msg->bufferOffset = 0;
    msg->donefds = 0;
    before = client->nrequests;
    client->txBytes += msg->bufferLength;
    virNetMessageQueuePush(&client->tx, msg);
    if (client->tlsReady)
        ignore_value(virNetServerClientWrite(client));
    if (client->nrequests < before)
        virNetServerClientRequestDone(client, calls);
    virNetServerClientArm(client);
    g_mutex_unlock(&client->lock);
    virNetServerClientDispatchCalls(client, calls);
}

void
virNetServerClientDropMessage(virNetServerClient *client, virNetMessage *msg)
{
    g_autoptr(GPtrArray) calls = g_ptr_array_new();
    bool tracked = msg->tracked;

    virNetMessageFree(msg);
    if (!tracked)
        return;
    g_mutex_lock(&client->lock);
    if (client->nrequests > 0)
        client->nrequests--;
    if (!client->closed) {
        virNetServerClientRequestDone(client, calls);
        virNetServerClientArm(client);
    }
    g_mutex_unlock(&client->lock);
    virNetServerClientDispatchCalls(client, calls);
}

void
virNetServerClientWaitTx(virNetServerClient *client, size_t bytes)
{
    g_mutex_lock(&client->lock);
    client->txWaiters++;
    while (!client->closed && !client->wantClose && client->txBytes >= bytes)
        g_cond_wait(&client->txCond, &client->lock);
    client->txWaiters--;
    g_mutex_unlock(&client->lock);
}

/* ---- keepalive ---------------------------------------------------- */

int
virNetServerClientStartKeepAlive(virNetServerClient *client)
{
    g_mutex_lock(&client->lock);
    virKeepAliveStart(client->keepalive, 0, 0);
    g_mutex_unlock(&client->lock);
    return 0;
}

void
virNetServerClientKeepAliveTick(virNetServerClient *client)
{
    virNetMessage *ping = NULL;

    g_mutex_lock(&client->lock);
    if (!client->closed && !client->wantClose &&
        virKeepAliveTimeout(client->keepalive) == 0) {
        if (virKeepAliveTrigger(client->keepalive, &ping)) {
            VIR_WARN("client %llu: %s", client->id, virGetLastErrorMessage());
            virResetLastError();
            client->wantClose = true;
        } else if (ping) {
            client->txBytes += ping->bufferLength;
            virNetMessageQueuePush(&client->tx, ping);
            ignore_value(virNetServerClientWrite(client));
        }
        virNetServerClientArm(client);
    }
    g_mutex_unlock(&client->lock);
}
