/*
 * virnetclient.c: the client end of an RPC connection.
 *
 * Calls are queued in order on client->calls.  The thread holding the
 * buck runs virNetClientIOLoop: it writes queued messages, polls the
 * socket (and an eventfd other threads use to wake it when they queue a
 * message), reads and dispatches what arrives, and returns when its own
 * call is complete.  Other callers sleep on their call's condition
 * until their reply arrives or the buck is passed to them.
 */
#include "internal.h"
#include "rpc/virnetclient.h"
#include "rpc/virnetclientprogram.h"
#include "rpc/virnetclientstream.h"
#include "rpc/virkeepalive.h"
#include "util/virevent.h"
#include "util/virlog.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netclient");

typedef enum {
    VIR_NET_CLIENT_CALL_REPLY,    /* send, then wait for the reply */
    VIR_NET_CLIENT_CALL_NOREPLY,  /* send, wait until written */
    VIR_NET_CLIENT_CALL_ASYNC,    /* send when possible; nobody waits */
    VIR_NET_CLIENT_CALL_STREAM,   /* send nothing; wait for stream data */
} virNetClientCallMode;

typedef struct _virNetClientCall virNetClientCall;
struct _virNetClientCall {
    virNetClientCallMode mode;
    virNetMessage *msg;           /* to send; the reply replaces it */
    virNetClientStream *stream;   /* CALL_STREAM only */
    bool sent;
    bool done;
    bool failed;                  /* the connection went away */
    bool haveThread;              /* a thread sleeps on cond */
    GCond cond;
    virNetClientCall *next;
};

struct _virNetClient {
    gint refs;                    /* g_atomic access only */
    GMutex lock;                  /* guards all below */

    virNetSocket *sock;           /* NULL once closed */
    virNetTLSSession *tls;
    char *hostname;
    int wakeupFD;                 /* eventfd waking the buck holder */
    int watch;                    /* event loop handle, -1: none */
    int watchEvents;              /* what the handle waits for now */

    virNetMessageBuffer rx;
    virNetClientCall *calls;
    bool haveTheBuck;

    virNetClientProgram **programs;
    size_t nprograms;
    virNetClientStream **streams;
    size_t nstreams;

    virKeepAlive *keepalive;
    int kaTimer;                  /* -1: none */

    bool wantClose;
    int closeReason;
    virErrorPtr closeError;       /* why the connection failed */
    virNetClientCloseFunc closeCb;
    void *closeOpaque;
    virFreeCallback closeFf;
    bool closeCbPending;

    guint serial;                 /* g_atomic access only */
};

static void virNetClientIncomingEvent(int watch, int fd, int events, void *opaque);
static void virNetClientCloseLocked(virNetClient *client);

/* ---- life cycle --------------------------------------------------- */

virNetClient *
virNetClientNew(virNetSocket *sock, const char *hostname)
{
    virNetClient *client = g_new0(virNetClient, 1);

    client->refs = 1;
    g_mutex_init(&client->lock);
    client->sock = sock;
    client->hostname = g_strdup(hostname);
    client->watch = -1;
    client->kaTimer = -1;
    client->wakeupFD = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (client->wakeupFD < 0) {
        virReportSystemError(errno, "%s", "unable to make pipe");
        virNetClientUnref(client);
        return NULL;
    }
    /* With an event loop, it watches the socket between calls. */
    if (virEventIsRegistered()) {
        client->watchEvents = VIR_EVENT_HANDLE_READABLE;
        client->watch = virEventAddHandle(virNetSocketGetFD(sock),
                                          client->watchEvents,
                                          virNetClientIncomingEvent,
                                          virNetClientRef(client),
                                          (virFreeCallback)virNetClientUnref);
        if (client->watch < 0) {
            VIR_DEBUG("no event watch, so no events and no keepalive");
            virNetClientUnref(client);
            client->watch = -1;
        }
    }
    return client;
}

VIR_PRIVATE_EXPORT virNetClient *
virNetClientNewUNIX(const char *path, const char *spawnDaemon)
{
    virNetSocket *sock;

    if (virNetSocketNewConnectUNIX(path, spawnDaemon, &sock) < 0)
        return NULL;
    return virNetClientNew(sock, NULL);
}

virNetClient *
virNetClientNewTCP(const char *nodename, const char *service, int family)
{
    virNetSocket *sock;

    if (virNetSocketNewConnectTCP(nodename, service, family, &sock) < 0)
        return NULL;
    return virNetClientNew(sock, nodename);
}

virNetClient *
virNetClientNewCommand(virCommand *cmd)
{
    virNetSocket *sock;

    if (virNetSocketNewConnectCommand(cmd, &sock) < 0)
        return NULL;
    return virNetClientNew(sock, NULL);
}

virNetClient *
virNetClientRef(virNetClient *client)
{
    g_atomic_int_inc(&client->refs);
    return client;
}

VIR_PRIVATE_EXPORT void
virNetClientUnref(virNetClient *client)
{
    size_t i;

    if (!client || !g_atomic_int_dec_and_test(&client->refs))
        return;
    if (client->closeFf)
        client->closeFf(client->closeOpaque);
    for (i = 0; i < client->nprograms; i++)
        virNetClientProgramUnref(client->programs[i]);
    g_free(client->programs);
    for (i = 0; i < client->nstreams; i++)
        virNetClientStreamUnref(client->streams[i]);
    g_free(client->streams);
    virKeepAliveFree(client->keepalive);
    virNetTLSSessionFree(client->tls);
    virNetSocketFree(client->sock);
    virNetMessageBufferClear(&client->rx);
    if (client->wakeupFD >= 0)
        close(client->wakeupFD);
    if (client->closeError)
        virFreeError(client->closeError);
    g_free(client->hostname);
    g_mutex_clear(&client->lock);
    g_free(client);
}

void
virNetClientLock(virNetClient *client)
{
    g_mutex_lock(&client->lock);
}

void
virNetClientUnlock(virNetClient *client)
{
    g_mutex_unlock(&client->lock);
}

/* Run the close callback once the connection is gone; the caller has
 * released the lock. */
static void
virNetClientRunCloseCallback(virNetClient *client)
{
    virNetClientCloseFunc cb = NULL;
    void *opaque = NULL;
    int reason = 0;

    g_mutex_lock(&client->lock);
    if (client->closeCbPending) {
        client->closeCbPending = false;
        cb = client->closeCb;
        opaque = client->closeOpaque;
        reason = client->closeReason;
    }
    g_mutex_unlock(&client->lock);
    if (cb)
        cb(client, reason, opaque);
}

VIR_PRIVATE_EXPORT void
virNetClientSetCloseCallback(virNetClient *client, virNetClientCloseFunc cb,
                             void *opaque, virFreeCallback ff)
{
    g_mutex_lock(&client->lock);
    if (client->closeFf)
        client->closeFf(client->closeOpaque);
    client->closeCb = cb;
    client->closeOpaque = opaque;
    client->closeFf = ff;
    g_mutex_unlock(&client->lock);
}

/* Remember why the connection fails (the first reason wins). */
static void
virNetClientMarkClose(virNetClient *client, int reason)
{
    if (client->wantClose)
        return;
    client->wantClose = true;
    client->closeReason = reason;
    if (reason != VIR_CONNECT_CLOSE_REASON_CLIENT && !client->closeError) {
        virErrorPtr err = virGetLastError();

        if (err) {
            client->closeError = g_new0(virError, 1);
            virCopyError(err, client->closeError);
        }
    }
    if (client->haveTheBuck)
        ignore_value(eventfd_write(client->wakeupFD, 1));
}

static void
virNetClientCloseLocked(virNetClient *client)
{
    virNetClientCall *call;
    size_t i;

    if (!client->sock || client->haveTheBuck)
        return;
    VIR_DEBUG("closing client %p, reason %d", client, client->closeReason);
    if (client->watch >= 0) {
        virEventRemoveHandle(client->watch);
        client->watch = -1;
    }
    if (client->kaTimer >= 0) {
        virEventRemoveTimeout(client->kaTimer);
        client->kaTimer = -1;
    }
    g_clear_pointer(&client->tls, virNetTLSSessionFree);
    g_clear_pointer(&client->sock, virNetSocketFree);
    virNetMessageBufferClear(&client->rx);
    for (call = client->calls; call; call = call->next) {
        if (call->done)
            continue;
        call->done = true;
        call->failed = true;
        if (call->haveThread)
            g_cond_signal(&call->cond);
    }
    for (i = 0; i < client->nstreams; i++)
        virNetClientStreamConnectionFailed(client->streams[i]);
    client->closeCbPending = client->closeCb != NULL;
}

VIR_PRIVATE_EXPORT void
virNetClientClose(virNetClient *client)
{
    g_mutex_lock(&client->lock);
    virNetClientMarkClose(client, VIR_CONNECT_CLOSE_REASON_CLIENT);
    virNetClientCloseLocked(client);
    g_mutex_unlock(&client->lock);
    virNetClientRunCloseCallback(client);
}

VIR_PRIVATE_EXPORT bool
virNetClientIsOpen(virNetClient *client)
{
    bool ret;

    g_mutex_lock(&client->lock);
    ret = client->sock && !client->wantClose;
    g_mutex_unlock(&client->lock);
    return ret;
}

/* ---- properties --------------------------------------------------- */

bool
virNetClientIsEncrypted(virNetClient *client)
{
    bool ret;

    g_mutex_lock(&client->lock);
    ret = client->tls != NULL;
    g_mutex_unlock(&client->lock);
    return ret;
}

int
virNetClientGetTLSKeySize(virNetClient *client)
{
    int ret = 0;

    g_mutex_lock(&client->lock);
    if (client->tls)
        ret = virNetTLSSessionGetKeySize(client->tls);
    g_mutex_unlock(&client->lock);
    return ret;
}

const char *
virNetClientLocalAddrString(virNetClient *client)
{
    return client->sock ? virNetSocketLocalAddrString(client->sock) : NULL;
}

const char *
virNetClientRemoteAddrString(virNetClient *client)
{
    return client->sock ? virNetSocketRemoteAddrString(client->sock) : NULL;
}

VIR_PRIVATE_EXPORT int
virNetClientAddProgram(virNetClient *client, virNetClientProgram *prog)
{
    g_mutex_lock(&client->lock);
    client->programs = g_renew(virNetClientProgram *, client->programs,
                               client->nprograms + 1);
    client->programs[client->nprograms++] = virNetClientProgramRef(prog);
    g_mutex_unlock(&client->lock);
    return 0;
}

void
virNetClientAddStream(virNetClient *client, virNetClientStream *st)
{
    g_mutex_lock(&client->lock);
    client->streams = g_renew(virNetClientStream *, client->streams,
                              client->nstreams + 1);
    client->streams[client->nstreams++] = virNetClientStreamRef(st);
    g_mutex_unlock(&client->lock);
}

void
virNetClientRemoveStream(virNetClient *client, virNetClientStream *st)
{
    size_t i;

    g_mutex_lock(&client->lock);
    for (i = 0; i < client->nstreams; i++) {
        if (client->streams[i] == st) {
            memmove(client->streams + i, client->streams + i + 1,
                    (client->nstreams - i - 1) * sizeof(*client->streams));
            client->nstreams--;
            virNetClientStreamUnref(st);
            break;
        }
    }
    g_mutex_unlock(&client->lock);
}

VIR_PRIVATE_EXPORT unsigned int
virNetClientNextSerial(virNetClient *client)
{
    return g_atomic_int_add(&client->serial, 1);
}

/* ---- writing ------------------------------------------------------ */

static void
virNetClientCallRemove(virNetClient *client, virNetClientCall *call)
{
    virNetClientCall **p;

    for (p = &client->calls; *p; p = &(*p)->next) {
        if (*p == call) {
            *p = call->next;
            call->next = NULL;
            return;
        }
    }
}

static void
virNetClientCallFree(virNetClientCall *call)
{
    g_cond_clear(&call->cond);
    g_free(call);
}

/* Write what the first unsent call still has to send: 1 when written
 * out, 0 when the socket would block, -1 on error. */
static int
virNetClientWriteOne(virNetClient *client, virNetClientCall *call)
{
    virNetMessage *msg = call->msg;

    while (msg->bufferOffset < msg->bufferLength) {
        ssize_t n = virNetSocketWrite(client->sock, msg->buffer + msg->bufferOffset,
                                      msg->bufferLength - msg->bufferOffset);

        if (n <= 0)
            return n;
        msg->bufferOffset += n;
    }
    while (msg->donefds < msg->nfds) {
        int rv = virNetSocketSendFD(client->sock, msg->fds[msg->donefds]);

        if (rv <= 0)
            return rv;
        msg->donefds++;
    }
    return 1;
}

static bool
virNetClientHasUnsent(virNetClient *client)
{
    virNetClientCall *call;

    for (call = client->calls; call; call = call->next) {
        if (call->msg && !call->sent && !call->done)
            return true;
    }
    return false;
}

/* Write queued messages in order until done or the socket would block. */
static int
virNetClientWriteCalls(virNetClient *client)
{
    virNetClientCall *call = client->calls;

    while (call) {
        virNetClientCall *next = call->next;
        int rv;

        if (!call->msg || call->sent || call->done) {
            call = next;
            continue;
        }
        if ((rv = virNetClientWriteOne(client, call)) < 0) {
            virNetClientMarkClose(client, VIR_CONNECT_CLOSE_REASON_ERROR);
            return -1;
        }
        if (rv == 0)
            return 0;
        call->sent = true;
        if (call->mode == VIR_NET_CLIENT_CALL_NOREPLY) {
            call->done = true;
            if (call->haveThread)
                g_cond_signal(&call->cond);
        } else if (call->mode == VIR_NET_CLIENT_CALL_ASYNC) {
            virNetClientCallRemove(client, call);
            virNetMessageFree(call->msg);
            virNetClientCallFree(call);
        }
        call = next;
    }
    return 0;
}

static void
virNetClientQueueAsync(virNetClient *client, virNetMessage *msg)
{
    virNetClientCall *call = g_new0(virNetClientCall, 1);
    virNetClientCall **p = &client->calls;

    call->mode = VIR_NET_CLIENT_CALL_ASYNC;
    call->msg = msg;
    g_cond_init(&call->cond);
    while (*p)
        p = &(*p)->next;
    *p = call;
}

/* ---- reading and dispatch ----------------------------------------- */

static virNetClientCall *
virNetClientFindReplyCall(virNetClient *client, virNetMessage *msg)
{
    virNetClientCall *call;

    for (call = client->calls; call; call = call->next) {
        if (call->mode == VIR_NET_CLIENT_CALL_REPLY && call->msg && !call->done &&
            call->msg->header.serial == msg->header.serial &&
            call->msg->header.prog == msg->header.prog &&
            call->msg->header.vers == msg->header.vers)
            return call;
    }
    return NULL;
}

static void
virNetClientCompleteCall(virNetClientCall *call, virNetMessage *reply)
{
    virNetMessageClear(call->msg);
    call->msg->buffer = g_steal_pointer(&reply->buffer);
    call->msg->bufferLength = reply->bufferLength;
    call->msg->bufferOffset = reply->bufferOffset;
    call->msg->header = reply->header;
    call->msg->fds = g_steal_pointer(&reply->fds);
    call->msg->nfds = reply->nfds;
    reply->nfds = 0;
    call->done = true;
    if (call->haveThread)
        g_cond_signal(&call->cond);
}

/* Wake every thread waiting on @st, and every finish/abort call for it. */
static void
virNetClientWakeStream(virNetClient *client, virNetClientStream *st)
{
    virNetClientCall *call;

    for (call = client->calls; call; call = call->next) {
        if (call->mode == VIR_NET_CLIENT_CALL_STREAM && call->stream == st &&
            !call->done) {
            call->done = true;
            if (call->haveThread)
                g_cond_signal(&call->cond);
        }
    }
}

static int
virNetClientDispatchStream(virNetClient *client, virNetMessage *msg)
{
    virNetClientStream *st = NULL;
    virNetClientCall *call;
    size_t i;

    for (i = 0; i < client->nstreams; i++) {
        if (virNetClientStreamMatches(client->streams[i], msg)) {
            st = client->streams[i];
            break;
        }
    }
    if (!st) {
        /* data may still come after we stopped a stream */
        VIR_DEBUG("no stream for serial %u proc %d", msg->header.serial, msg->header.proc);
        virNetMessageFree(msg);
        return 0;
    }
    switch (msg->header.status) {
    case VIR_NET_CONTINUE:
        virNetClientStreamQueuePacket(st, msg);
        virNetClientWakeStream(client, st);
        return 0;
    case VIR_NET_OK:
    case VIR_NET_ERROR:
        /* the confirmation of our finish or abort, or the daemon's error */
        if (msg->header.status == VIR_NET_OK)
            virNetClientStreamSetClosed(st);
        else
            virNetClientStreamSetError(st, msg);
        if ((call = virNetClientFindReplyCall(client, msg)))
            virNetClientCompleteCall(call, msg);
        virNetClientWakeStream(client, st);
        virNetMessageFree(msg);
        return 0;
    default:
        virReportError(VIR_ERR_RPC, "Stream with unexpected serial=%d, proc=%d, status=%d",
                       msg->header.serial, msg->header.proc, msg->header.status);
        virNetMessageFree(msg);
        return -1;
    }
}

static int
virNetClientDispatchMessage(virNetClient *client, virNetMessage *msg)
{
    virNetMessage *response = NULL;
    virNetClientCall *call;
    size_t i;

    if (virKeepAliveCheckMessage(client->keepalive, msg, &response)) {
        if (response)
            virNetClientQueueAsync(client, response);
        virNetMessageFree(msg);
        return 0;
    }
    switch (msg->header.type) {
    case VIR_NET_REPLY:
    case VIR_NET_REPLY_WITH_FDS:
        if (!(call = virNetClientFindReplyCall(client, msg))) {
            virReportError(VIR_ERR_RPC,
                           "no call waiting for reply with prog %d vers %d serial %d",
                           msg->header.prog, msg->header.vers, msg->header.serial);
            virNetMessageFree(msg);
            return -1;
        }
        for (i = 0; i < msg->nfds; i++) {
            if ((msg->fds[i] = virNetSocketTakeFD(client->sock)) < 0) {
                virReportError(VIR_ERR_RPC, "%s", "Unable to receive file descriptor");
                virNetMessageFree(msg);
                return -1;
            }
        }
        virNetClientCompleteCall(call, msg);
        virNetMessageFree(msg);
        return 0;
    case VIR_NET_MESSAGE:
        for (i = 0; i < client->nprograms; i++) {
            if (virNetClientProgramMatches(client->programs[i], msg)) {
                virNetClientProgramDispatch(client->programs[i], client, msg);
                break;
            }
        }
        virNetMessageFree(msg);
        return 0;
    case VIR_NET_STREAM:
    case VIR_NET_STREAM_HOLE:
        return virNetClientDispatchStream(client, msg);
    default:
        virReportError(VIR_ERR_RPC,
                       "got unexpected RPC call prog %d vers %d proc %d type %d",
                       msg->header.prog, msg->header.vers, msg->header.proc,
                       msg->header.type);
        virNetMessageFree(msg);
        return -1;
    }
}

/* Read what the socket has and dispatch every complete message. */
static int
virNetClientReadMessages(virNetClient *client)
{
    for (;;) {
        virNetMessage *msg;
        size_t avail;
        char *space = virNetMessageBufferSpace(&client->rx, &avail);
        ssize_t n = virNetSocketRead(client->sock, space, avail);
        int rv;

        if (n < 0) {
            virErrorPtr err = virGetLastError();

            /* the daemon went away: an end of file, not an error */
            virNetClientMarkClose(client, err && err->code == VIR_ERR_SYSTEM_ERROR &&
                                  err->int1 == EIO ? VIR_CONNECT_CLOSE_REASON_EOF :
                                  VIR_CONNECT_CLOSE_REASON_ERROR);
            return -1;
        }
        virNetMessageBufferAdd(&client->rx, n);
        while ((rv = virNetMessageBufferTake(&client->rx, &msg)) > 0) {
            if (virNetClientDispatchMessage(client, msg) < 0)
                goto error;
            if (!client->sock)
                return -1;
        }
        if (rv < 0)
            goto error;
        if ((size_t)n < avail && !virNetSocketHasCachedData(client->sock))
            return 0;
    }

 error:
    virNetClientMarkClose(client, VIR_CONNECT_CLOSE_REASON_ERROR);
    return -1;
}

/* ---- the event loop's watch --------------------------------------- */

static void
virNetClientUpdateWatch(virNetClient *client)
{
    int events = 0;

    if (client->watch < 0 || !client->sock)
        return;
    if (!client->haveTheBuck) {
        events = VIR_EVENT_HANDLE_READABLE;
        if (virNetClientHasUnsent(client))
            events |= VIR_EVENT_HANDLE_WRITABLE;
    }
    if (events != client->watchEvents) {
        client->watchEvents = events;
        virEventUpdateHandle(client->watch, events);
    }
}

static void
virNetClientIncomingEvent(int watch G_GNUC_UNUSED, int fd G_GNUC_UNUSED,
                          int events, void *opaque)
{
    virNetClient *client = opaque;

    g_mutex_lock(&client->lock);
    if (!client->sock || client->haveTheBuck) {
        g_mutex_unlock(&client->lock);
        return;
    }
    if (events & VIR_EVENT_HANDLE_WRITABLE)
        ignore_value(virNetClientWriteCalls(client));
    if (client->sock && !client->wantClose &&
        (events & (VIR_EVENT_HANDLE_READABLE | VIR_EVENT_HANDLE_HANGUP |
                   VIR_EVENT_HANDLE_ERROR)))
        ignore_value(virNetClientReadMessages(client));
    if (client->sock && !client->wantClose &&
        (events & (VIR_EVENT_HANDLE_HANGUP | VIR_EVENT_HANDLE_ERROR))) {
        virReportError(VIR_ERR_RPC, "%s",
                       events & VIR_EVENT_HANDLE_HANGUP ?
                       "received hangup event on socket" :
                       "received error event on socket");
        virNetClientMarkClose(client, VIR_CONNECT_CLOSE_REASON_EOF);
    }
    if (client->wantClose) {
        virNetClientCloseLocked(client);
    } else {
        virNetClientUpdateWatch(client);
    }
    g_mutex_unlock(&client->lock);
    virNetClientRunCloseCallback(client);
}

/* ---- the buck holder ---------------------------------------------- */

static bool
virNetClientCallReady(virNetClientCall *call)
{
    if (call->done)
        return true;
    if (call->mode == VIR_NET_CLIENT_CALL_STREAM &&
        virNetClientStreamHasData(call->stream)) {
        call->done = true;
        return true;
    }
    return false;
}

static void
virNetClientKeepAliveFire(virNetClient *client)
{
    virNetMessage *ping = NULL;

    if (virKeepAliveTrigger(client->keepalive, &ping)) {
        virNetClientMarkClose(client, VIR_CONNECT_CLOSE_REASON_KEEPALIVE);
        return;
    }
    if (ping)
        virNetClientQueueAsync(client, ping);
}

static int
virNetClientIOLoop(virNetClient *client, virNetClientCall *thiscall)
{
    for (;;) {
        struct pollfd fds[2];
        int timeout = -1;
        int rv;

        if (virNetClientWriteCalls(client) < 0)
            return -1;
        if (virNetClientCallReady(thiscall))
            return 0;
        if (client->wantClose)
            return -1;
        if (virNetSocketHasCachedData(client->sock)) {
            if (virNetClientReadMessages(client) < 0)
                return -1;
            continue;
        }
        fds[0].fd = virNetSocketGetFD(client->sock);
        fds[0].events = POLLIN | (virNetClientHasUnsent(client) ? POLLOUT : 0);
        fds[0].revents = 0;
        fds[1].fd = client->wakeupFD;
        fds[1].events = POLLIN;
        fds[1].revents = 0;
        if (client->kaTimer >= 0)
            timeout = virKeepAliveTimeout(client->keepalive);

        g_mutex_unlock(&client->lock);
        rv = poll(fds, 2, timeout);
        g_mutex_lock(&client->lock);

        if (rv < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            virReportSystemError(errno, "%s", "poll on socket failed");
            virNetClientMarkClose(client, VIR_CONNECT_CLOSE_REASON_ERROR);
            return -1;
        }
        if (rv == 0) {
            virNetClientKeepAliveFire(client);
            continue;
        }
        if (fds[1].revents) {
            eventfd_t v;

            ignore_value(eventfd_read(client->wakeupFD, &v));
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            if (virNetClientReadMessages(client) < 0)
                return -1;
        }
        if (fds[0].revents & POLLNVAL) {
            virReportError(VIR_ERR_RPC, "%s", "received error event on socket");
            virNetClientMarkClose(client, VIR_CONNECT_CLOSE_REASON_ERROR);
            return -1;
        }
    }
}

/* Hand the buck to another thread waiting for its call, if any. */
static void
virNetClientPassTheBuck(virNetClient *client)
{
    virNetClientCall *call;

    for (call = client->calls; call; call = call->next) {
        if (call->haveThread && !call->done) {
            g_cond_signal(&call->cond);
            return;
        }
    }
}

/* Queue @call and wait for it; called with the lock held. */
static int
virNetClientRun(virNetClient *client, virNetClientCall *call)
{
    virNetClientCall **p = &client->calls;
    bool failed;

    if (!client->sock || client->wantClose) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "client socket is closed");
        return -1;
    }
    while (*p)
        p = &(*p)->next;
    *p = call;

    while (!virNetClientCallReady(call)) {
        if (client->haveTheBuck) {
            if (call->msg && !call->sent)
                ignore_value(eventfd_write(client->wakeupFD, 1));
            call->haveThread = true;
            g_cond_wait(&call->cond, &client->lock);
            call->haveThread = false;
            continue;
        }
        client->haveTheBuck = true;
        virNetClientUpdateWatch(client);
        ignore_value(virNetClientIOLoop(client, call));
        client->haveTheBuck = false;
        if (client->wantClose)
            virNetClientCloseLocked(client);
        else
            virNetClientUpdateWatch(client);
        virNetClientPassTheBuck(client);
        break;
    }
    failed = call->failed || !call->done;
    virNetClientCallRemove(client, call);
    if (failed) {
        if (client->closeError)
            virSetError(client->closeError);
        else
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "client socket is closed");
        return -1;
    }
    return 0;
}

static int
virNetClientSend(virNetClient *client, virNetMessage *msg,
                 virNetClientCallMode mode, virNetClientStream *st)
{
    virNetClientCall *call = g_new0(virNetClientCall, 1);
    int ret;

    call->mode = mode;
    call->msg = msg;
    call->stream = st;
    g_cond_init(&call->cond);
    g_mutex_lock(&client->lock);
    ret = virNetClientRun(client, call);
    g_mutex_unlock(&client->lock);
    virNetClientCallFree(call);
    virNetClientRunCloseCallback(client);
    return ret;
}

int
virNetClientSendWithReply(virNetClient *client, virNetMessage *msg)
{
    return virNetClientSend(client, msg, VIR_NET_CLIENT_CALL_REPLY, NULL);
}

int
virNetClientSendNoReply(virNetClient *client, virNetMessage *msg)
{
    return virNetClientSend(client, msg, VIR_NET_CLIENT_CALL_NOREPLY, NULL);
}

int
virNetClientSendNonBlock(virNetClient *client, virNetMessage *msg)
{
    g_mutex_lock(&client->lock);
    if (!client->sock || client->wantClose) {
        g_mutex_unlock(&client->lock);
        virNetMessageFree(msg);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "client socket is closed");
        return -1;
    }
    virNetClientQueueAsync(client, msg);
    if (client->haveTheBuck)
        ignore_value(eventfd_write(client->wakeupFD, 1));
    else if (virNetClientWriteCalls(client) == 0)
        virNetClientUpdateWatch(client);
    if (client->wantClose && !client->haveTheBuck)
        virNetClientCloseLocked(client);
    g_mutex_unlock(&client->lock);
    virNetClientRunCloseCallback(client);
    return 0;
}

int
virNetClientWaitStream(virNetClient *client, virNetClientStream *st, bool nonblock)
{
    int ret = 1;

    if (!nonblock)
        return virNetClientSend(client, NULL, VIR_NET_CLIENT_CALL_STREAM, st) < 0 ? -1 : 1;

    g_mutex_lock(&client->lock);
    if (!virNetClientStreamHasData(st) && client->sock && !client->haveTheBuck &&
        !client->wantClose)
        ignore_value(virNetClientReadMessages(client));
    if (!virNetClientStreamHasData(st))
        ret = 0;
    if (client->wantClose && !client->haveTheBuck)
        virNetClientCloseLocked(client);
    g_mutex_unlock(&client->lock);
    virNetClientRunCloseCallback(client);
    return ret;
}

/* ---- keepalive ---------------------------------------------------- */

static void
virNetClientKeepAliveTimer(int timer G_GNUC_UNUSED, void *opaque)
{
    virNetClient *client = opaque;

    g_mutex_lock(&client->lock);
    if (client->sock && !client->haveTheBuck && client->keepalive) {
        virNetClientKeepAliveFire(client);
        if (!client->wantClose && virNetClientWriteCalls(client) == 0)
            virNetClientUpdateWatch(client);
        if (client->wantClose)
            virNetClientCloseLocked(client);
    }
    if (client->kaTimer >= 0) {
        int ms = virKeepAliveTimeout(client->keepalive);

        virEventUpdateTimeout(client->kaTimer, ms < 0 ? -1 : MAX(ms, 1000));
    }
    g_mutex_unlock(&client->lock);
    virNetClientRunCloseCallback(client);
}

bool
virNetClientKeepAliveIsSupported(virNetClient *client)
{
    bool ret;

    g_mutex_lock(&client->lock);
    ret = client->watch >= 0;
    g_mutex_unlock(&client->lock);
    return ret;
}

int
virNetClientKeepAliveStart(virNetClient *client, int interval, unsigned int count)
{
    int ret = 0;

    g_mutex_lock(&client->lock);
    if (client->watch < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Unable to enable keepalives without async IO support");
        ret = -1;
        goto cleanup;
    }
    if (!client->keepalive)
        client->keepalive = virKeepAliveNew(interval, count);
    virKeepAliveStart(client->keepalive, interval, count);
    if (client->kaTimer < 0) {
        client->kaTimer = virEventAddTimeout(interval * 1000, virNetClientKeepAliveTimer,
                                             virNetClientRef(client),
                                             (virFreeCallback)virNetClientUnref);
        if (client->kaTimer < 0) {
            virNetClientUnref(client);
            ret = -1;
        }
    } else {
        virEventUpdateTimeout(client->kaTimer, interval * 1000);
    }
 cleanup:
    g_mutex_unlock(&client->lock);
    return ret;
}

void
virNetClientKeepAliveStop(virNetClient *client)
{
    g_mutex_lock(&client->lock);
    if (client->keepalive)
        virKeepAliveStop(client->keepalive);
    if (client->kaTimer >= 0) {
        virEventRemoveTimeout(client->kaTimer);
        client->kaTimer = -1;
    }
    g_mutex_unlock(&client->lock);
}

/* ---- TLS ---------------------------------------------------------- */

/* Wait until the socket can be read or written (the TLS handshake runs
 * before any call, so blocking here is fine). */
static int
virNetClientWaitSocket(virNetClient *client, bool forWrite)
{
    struct pollfd fd = { virNetSocketGetFD(client->sock),
                         forWrite ? POLLOUT : POLLIN, 0 };

    while (poll(&fd, 1, -1) < 0) {
        if (errno != EINTR) {
            virReportSystemError(errno, "%s", "poll on socket failed");
            return -1;
        }
    }
    return 0;
}

int
virNetClientSetTLSSession(virNetClient *client, virNetTLSContext *tls)
{
    char byte = 0;
    ssize_t n;
    int rv;

    g_mutex_lock(&client->lock);
    if (!(client->tls = virNetTLSSessionNew(tls, client->hostname,
                                            virNetSocketGetFD(client->sock))))
        goto error;
    virNetSocketSetTLSSession(client->sock, client->tls);
    while ((rv = virNetTLSSessionHandshake(client->tls)) > 0) {
        if (virNetClientWaitSocket(client, virNetTLSSessionGetHandshakeStatus(client->tls) ==
                                   VIR_NET_TLS_HANDSHAKE_SENDING) < 0)
            goto error;
    }
    if (rv < 0 || virNetTLSContextCheckCertificate(tls, client->tls) < 0)
        goto error;
    /* the server checks our certificate and sends one byte if it is
     * satisfied, or closes the connection */
    while ((n = virNetTLSSessionRead(client->tls, &byte, 1)) < 0 && errno == EAGAIN) {
        if (virNetClientWaitSocket(client, false) < 0)
            goto error;
    }
    if (n < 0) {
        virReportSystemError(errno, "%s", "Unable to read TLS confirmation");
        goto error;
    }
    if (n != 1 || byte != '\1') {
        virReportError(VIR_ERR_RPC, "%s",
                       "server verification (of our certificate or IP address) failed");
        goto error;
    }
    g_mutex_unlock(&client->lock);
    return 0;

 error:
    if (client->sock)
        virNetSocketSetTLSSession(client->sock, NULL);
    g_clear_pointer(&client->tls, virNetTLSSessionFree);
    g_mutex_unlock(&client->lock);
    return -1;
}
