/*
 * virnetserver.c: services, connections and workers of one server.
 *
 * The epoll set holds every listening socket, every connection (keyed by
 * id, one-shot), an eventfd that wakes a worker for queued jobs, and a
 * one-second timerfd for keepalive.  Each idle worker waits in
 * epoll_wait for one event; the kernel wakes one waiter per event.
 */
#include "internal.h"
#include "rpc/virnetserver.h"
#include "util/virlog.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netserver");

#define ID_SPECIAL (1ULL << 62)
#define ID_WAKE (ID_SPECIAL + 1)
#define ID_TIMER (ID_SPECIAL + 2)
#define ID_SERVICE (1ULL << 63)     /* | service << 16 | socket */

typedef struct {
    virNetServerClient *client;
    virNetMessage *msg;
    bool high;
} virNetServerJob;

struct _virNetServer {
    gint refs;                     /* g_atomic access only */
    GMutex lock;                   /* guards what is not marked immutable */

    /* immutable after creation */
    char *name;
    int epfd;
    int wakefd;
    int timerfd;
    size_t maxClientRequests;
    int kaInterval;
    unsigned int kaCount;
    virNetServerClientInitHook clientInit;
    void *clientInitOpaque;

    virNetServerService **services;
    size_t nservices;
    bool accepting;                /* service sockets armed */
    virNetServerProgram **programs;
    size_t nprograms;

    GHashTable *clients;           /* id -> referenced client */
    unsigned long long nextClientID;
    size_t nclientsUnauth;
    size_t nclientsMax;
    size_t nclientsUnauthMax;
    gint64 lastClientGone;         /* monotonic seconds */

    GPtrArray *threads;            /* GThread * */
    size_t minWorkers;
    size_t maxWorkers;
    size_t prioWorkers;
    size_t nIdle;                  /* waiting in epoll_wait */
    size_t nLowRunning;
    GQueue jobsHigh;
    GQueue jobsLow;
    bool started;
    bool quit;
};

static GPrivate virNetServerIsWorker;

static void virNetServerArmServices(virNetServer *srv);

/* ---- creation ----------------------------------------------------- */

static int
virNetServerEpollAdd(int epfd, int fd, uint64_t id, uint32_t events)
{
    struct epoll_event ev = { .events = events, .data.u64 = id };

    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
        virReportSystemError(errno, "%s", "Unable to watch descriptor");
        return -1;
    }
    return 0;
}

virNetServer *
virNetServerNew(const char *name, size_t minWorkers, size_t maxWorkers,
                size_t prioWorkers, size_t maxClients, size_t maxAnonymousClients,
                size_t maxClientRequests, int keepaliveInterval,
                unsigned int keepaliveCount, virNetServerClientInitHook clientInit,
                void *opaque)
{
    g_autoptr(virNetServer) srv = g_new0(virNetServer, 1);
    struct itimerspec its = { { 1, 0 }, { 1, 0 } };

    srv->refs = 1;
    g_mutex_init(&srv->lock);
    srv->name = g_strdup(name);
    srv->epfd = srv->wakefd = srv->timerfd = -1;
    srv->minWorkers = MAX(minWorkers, 1);
    srv->maxWorkers = MAX(maxWorkers, srv->minWorkers);
    srv->prioWorkers = prioWorkers;
    srv->nclientsMax = maxClients;
    srv->nclientsUnauthMax = maxAnonymousClients;
    srv->maxClientRequests = maxClientRequests;
    srv->kaInterval = keepaliveInterval;
    srv->kaCount = keepaliveCount;
    srv->clientInit = clientInit;
    srv->clientInitOpaque = opaque;
    srv->clients = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify)virNetServerClientUnref);
    srv->threads = g_ptr_array_new();
    srv->nextClientID = 1;
    srv->accepting = true;
    srv->lastClientGone = g_get_monotonic_time() / G_USEC_PER_SEC;
    g_queue_init(&srv->jobsHigh);
    g_queue_init(&srv->jobsLow);

    if ((srv->epfd = epoll_create1(EPOLL_CLOEXEC)) < 0 ||
        (srv->wakefd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0 ||
        (srv->timerfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK)) < 0) {
        virReportSystemError(errno, "%s", "Unable to create the server's poller");
        return NULL;
    }
    if (keepaliveInterval > 0 && timerfd_settime(srv->timerfd, 0, &its, NULL) < 0) {
        virReportSystemError(errno, "%s", "Unable to start the server's timer");
        return NULL;
    }
    if (virNetServerEpollAdd(srv->epfd, srv->wakefd, ID_WAKE, EPOLLIN) < 0 ||
        virNetServerEpollAdd(srv->epfd, srv->timerfd, ID_TIMER, EPOLLIN) < 0)
        return NULL;
    return g_steal_pointer(&srv);
}

virNetServer *
virNetServerRef(virNetServer *srv)
{
    g_atomic_int_inc(&srv->refs);
    return srv;
}

void
virNetServerUnref(virNetServer *srv)
{
    size_t i;

    if (!srv || !g_atomic_int_dec_and_test(&srv->refs))
        return;
    virNetServerStop(srv);
    for (i = 0; i < srv->nservices; i++)
        virNetServerServiceUnref(srv->services[i]);
    g_free(srv->services);
    for (i = 0; i < srv->nprograms; i++)
        virNetServerProgramUnref(srv->programs[i]);
    g_free(srv->programs);
    g_hash_table_unref(srv->clients);
    g_ptr_array_unref(srv->threads);
    if (srv->epfd >= 0)
        close(srv->epfd);
    if (srv->wakefd >= 0)
        close(srv->wakefd);
    if (srv->timerfd >= 0)
        close(srv->timerfd);
    g_mutex_clear(&srv->lock);
    g_free(srv->name);
    g_free(srv);
}

const char *
virNetServerGetName(virNetServer *srv)
{
    return srv->name;
}

int
virNetServerAddService(virNetServer *srv, virNetServerService *svc)
{
    size_t i;
    int ret = 0;

    g_mutex_lock(&srv->lock);
    for (i = 0; i < virNetServerServiceGetNSockets(svc); i++) {
        virNetSocket *sock = virNetServerServiceGetSocket(svc, i);
        uint64_t id = ID_SERVICE | ((uint64_t)srv->nservices << 16) | i;

        if (virNetServerEpollAdd(srv->epfd, virNetSocketGetFD(sock), id, 0) < 0) {
            ret = -1;
            goto cleanup;
        }
    }
    srv->services = g_renew(virNetServerService *, srv->services, srv->nservices + 1);
    srv->services[srv->nservices++] = virNetServerServiceRef(svc);
    if (srv->started)
        virNetServerArmServices(srv);
 cleanup:
    g_mutex_unlock(&srv->lock);
    return ret;
}

int
virNetServerAddProgram(virNetServer *srv, virNetServerProgram *prog)
{
    g_mutex_lock(&srv->lock);
    srv->programs = g_renew(virNetServerProgram *, srv->programs, srv->nprograms + 1);
    srv->programs[srv->nprograms++] = virNetServerProgramRef(prog);
    g_mutex_unlock(&srv->lock);
    return 0;
}

/* ---- limits ------------------------------------------------------- */

static bool
virNetServerBelowLimits(virNetServer *srv)
{
    /* no limit of clients waiting for authentication when it is 0 */
    return g_hash_table_size(srv->clients) < srv->nclientsMax &&
           (srv->nclientsUnauthMax == 0 || srv->nclientsUnauth < srv->nclientsUnauthMax);
}

static void
virNetServerArmServices(virNetServer *srv)
{
    size_t i, j;

    for (i = 0; i < srv->nservices; i++) {
        for (j = 0; j < virNetServerServiceGetNSockets(srv->services[i]); j++) {
            virNetSocket *sock = virNetServerServiceGetSocket(srv->services[i], j);
            struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT,
                                      .data.u64 = ID_SERVICE | ((uint64_t)i << 16) | j };

            epoll_ctl(srv->epfd, EPOLL_CTL_MOD, virNetSocketGetFD(sock), &ev);
        }
    }
}

/* After a change in the number of connections: accept again when the
 * limits allow, stop otherwise (new connections wait in the backlog). */
static void
virNetServerCheckLimits(virNetServer *srv)
{
    bool below = virNetServerBelowLimits(srv);

    if (below && !srv->accepting && !srv->quit) {
        VIR_INFO("Re-enabling services");
        srv->accepting = true;
        virNetServerArmServices(srv);
    } else if (!below && srv->accepting) {
        VIR_WARN("Too many active clients (%u), dropping connection from the backlog",
                 g_hash_table_size(srv->clients));
        srv->accepting = false;
    }
}

size_t
virNetServerGetCurrentClients(virNetServer *srv)
{
    size_t n;

    g_mutex_lock(&srv->lock);
    n = g_hash_table_size(srv->clients);
    g_mutex_unlock(&srv->lock);
    return n;
}

#define SRV_GETTER(name, field) \
    size_t name(virNetServer *srv) \
    { \
        size_t n; \
        g_mutex_lock(&srv->lock); \
        n = srv->field; \
        g_mutex_unlock(&srv->lock); \
        return n; \
    }

SRV_GETTER(virNetServerGetCurrentUnauthClients, nclientsUnauth)
SRV_GETTER(virNetServerGetMaxClients, nclientsMax)
SRV_GETTER(virNetServerGetMaxUnauthClients, nclientsUnauthMax)

int
virNetServerSetClientLimits(virNetServer *srv, long long maxClients,
                            long long maxUnauthClients)
{
    int ret = -1;
    size_t max, unauth;

    g_mutex_lock(&srv->lock);
    max = maxClients >= 0 ? (size_t)maxClients : srv->nclientsMax;
    unauth = maxUnauthClients >= 0 ? (size_t)maxUnauthClients : srv->nclientsUnauthMax;
    if (unauth > max) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "The overall maximum number of clients waiting for authentication must not be less than the overall maximum number of clients");
        goto cleanup;
    }
    srv->nclientsMax = max;
    srv->nclientsUnauthMax = unauth;
    virNetServerCheckLimits(srv);
    ret = 0;
 cleanup:
    g_mutex_unlock(&srv->lock);
    return ret;
}

bool
virNetServerHasTLS(virNetServer *srv)
{
    bool ret = false;
    size_t i;

    g_mutex_lock(&srv->lock);
    for (i = 0; i < srv->nservices; i++)
        ret |= virNetServerServiceGetTLSContext(srv->services[i]) != NULL;
    g_mutex_unlock(&srv->lock);
    return ret;
}

size_t
virNetServerGetClients(virNetServer *srv, virNetServerClient ***clients)
{
    GHashTableIter iter;
    gpointer value;
    size_t n = 0;

    g_mutex_lock(&srv->lock);
    *clients = g_new0(virNetServerClient *, g_hash_table_size(srv->clients) + 1);
    g_hash_table_iter_init(&iter, srv->clients);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        (*clients)[n++] = virNetServerClientRef(value);
    g_mutex_unlock(&srv->lock);
    return n;
}

virNetServerClient *
virNetServerGetClient(virNetServer *srv, unsigned long long id)
{
    virNetServerClient *client;
    gint64 key = id;

    g_mutex_lock(&srv->lock);
    if ((client = g_hash_table_lookup(srv->clients, &key)))
        virNetServerClientRef(client);
    g_mutex_unlock(&srv->lock);
    if (!client)
        virReportError(VIR_ERR_NO_CLIENT, "No client with matching ID '%llu'", id);
    return client;
}

void
virNetServerSetClientAuthenticated(virNetServer *srv, virNetServerClient *client)
{
    if (virNetServerClientIsAuthenticated(client))
        return;
    virNetServerClientSetAuthenticated(client);
    g_mutex_lock(&srv->lock);
    if (srv->nclientsUnauth > 0)
        srv->nclientsUnauth--;
    virNetServerCheckLimits(srv);
    g_mutex_unlock(&srv->lock);
}

long long
virNetServerIdleSeconds(virNetServer *srv)
{
    long long ret = 0;

    g_mutex_lock(&srv->lock);
    if (g_hash_table_size(srv->clients) == 0)
        ret = g_get_monotonic_time() / G_USEC_PER_SEC - srv->lastClientGone;
    g_mutex_unlock(&srv->lock);
    return ret;
}

/* ---- jobs --------------------------------------------------------- */

static void
virNetServerWake(virNetServer *srv)
{
    if (srv->nIdle > 0)
        ignore_value(eventfd_write(srv->wakefd, 1));
}

static void virNetServerSpawnWorker(virNetServer *srv);

/* A complete call from @client (virNetServerClientDispatchFunc). */
static void
virNetServerQueueCall(virNetServerClient *client, virNetMessage *msg, void *opaque)
{
    virNetServer *srv = opaque;
    virNetServerJob *job = g_new0(virNetServerJob, 1);
    size_t i;

    job->client = virNetServerClientRef(client);
    job->msg = msg;
    job->high = true;      /* unknown programs only get an error */
    g_mutex_lock(&srv->lock);
    for (i = 0; i < srv->nprograms; i++) {
        if (virNetServerProgramMatches(srv->programs[i], msg)) {
            job->high = virNetServerProgramGetPriority(srv->programs[i],
                                                       msg->header.proc) > 0;
            break;
        }
    }
    g_queue_push_tail(job->high ? &srv->jobsHigh : &srv->jobsLow, job);
    /* a worker finishing its event takes a job itself; any more need
     * another worker */
    if (!g_private_get(&virNetServerIsWorker) ||
        g_queue_get_length(&srv->jobsHigh) + g_queue_get_length(&srv->jobsLow) > 1)
        virNetServerWake(srv);
    g_mutex_unlock(&srv->lock);
}

static virNetServerJob *
virNetServerTakeJob(virNetServer *srv)
{
    virNetServerJob *job;

    if ((job = g_queue_pop_head(&srv->jobsHigh)))
        return job;
    if (srv->nLowRunning < srv->maxWorkers)
        return g_queue_pop_head(&srv->jobsLow);
    return NULL;
}

static void
virNetServerRunJob(virNetServer *srv, virNetServerJob *job)
{
    virNetServerProgram *prog = NULL;
    size_t i;
    int rv;

    g_mutex_lock(&srv->lock);
    for (i = 0; i < srv->nprograms; i++) {
        if (virNetServerProgramMatches(srv->programs[i], job->msg)) {
            prog = virNetServerProgramRef(srv->programs[i]);
            break;
        }
    }
    g_mutex_unlock(&srv->lock);

    virResetLastError();
    if (prog) {
        rv = virNetServerProgramDispatch(prog, srv, job->client, job->msg);
        virNetServerProgramUnref(prog);
    } else {
        rv = virNetServerProgramUnknownError(job->client, job->msg);
    }
    if (rv < 0)
        virNetServerClientClose(job->client);
    virResetLastError();
    virNetServerClientUnref(job->client);
    g_free(job);
}

/* ---- events ------------------------------------------------------- */

/* The server-side close notification: forget the connection. */
static void
virNetServerForgetClient(virNetServer *srv, virNetServerClient *client)
{
    gint64 key = virNetServerClientGetID(client);

    g_mutex_lock(&srv->lock);
    if (!virNetServerClientIsAuthenticated(client) && srv->nclientsUnauth > 0)
        srv->nclientsUnauth--;
    g_hash_table_remove(srv->clients, &key);
    if (g_hash_table_size(srv->clients) == 0)
        srv->lastClientGone = g_get_monotonic_time() / G_USEC_PER_SEC;
    virNetServerCheckLimits(srv);
    g_mutex_unlock(&srv->lock);
}

static void
virNetServerClientClosed(virNetServerClient *client, void *opaque)
{
    virNetServerForgetClient(opaque, client);
}

static void
virNetServerAddClient(virNetServer *srv, virNetServerService *svc,
                      virNetSocket *sock)
{
    virNetServerClient *client;
    gint64 *key;

    g_mutex_lock(&srv->lock);
    client = virNetServerClientNew(srv->nextClientID++, sock,
                                   virNetServerServiceGetAuth(svc),
                                   virNetServerServiceIsReadonly(svc),
                                   srv->maxClientRequests,
                                   virNetServerServiceGetTLSContext(svc),
                                   srv->kaInterval, srv->kaCount);
    g_mutex_unlock(&srv->lock);
    if (!client) {
        VIR_WARN("Unable to set up client: %s", virGetLastErrorMessage());
        virResetLastError();
        return;
    }
    if (srv->clientInit && srv->clientInit(srv, client, srv->clientInitOpaque) < 0) {
        VIR_WARN("Client refused: %s", virGetLastErrorMessage());
        virResetLastError();
        virNetServerClientClose(client);
        virNetServerClientUnref(client);
        return;
    }
    g_mutex_lock(&srv->lock);
    key = g_new(gint64, 1);
    *key = virNetServerClientGetID(client);
    g_hash_table_insert(srv->clients, key, client);
    if (!virNetServerClientIsAuthenticated(client))
        srv->nclientsUnauth++;
    virNetServerCheckLimits(srv);
    g_mutex_unlock(&srv->lock);

    if (virNetServerClientRegister(client, srv->epfd, virNetServerQueueCall,
                                   virNetServerClientClosed, srv) < 0) {
        VIR_WARN("Unable to watch client: %s", virGetLastErrorMessage());
        virResetLastError();
        virNetServerClientClose(client);
    }
}

static void
virNetServerAccept(virNetServer *srv, uint64_t id)
{
    size_t svcidx = (id >> 16) & 0xffff;
    size_t sockidx = id & 0xffff;
    virNetServerService *svc;
    virNetSocket *lsock;

    g_mutex_lock(&srv->lock);
    if (svcidx >= srv->nservices) {
        g_mutex_unlock(&srv->lock);
        return;
    }
    svc = virNetServerServiceRef(srv->services[svcidx]);
    g_mutex_unlock(&srv->lock);
    lsock = virNetServerServiceGetSocket(svc, sockidx);

    for (;;) {
        virNetSocket *sock = NULL;
        bool go;

        g_mutex_lock(&srv->lock);
        go = srv->accepting && !srv->quit;
        g_mutex_unlock(&srv->lock);
        if (!go || !lsock)
            break;
        if (virNetSocketAccept(lsock, &sock) < 0) {
            VIR_WARN("accept failed: %s", virGetLastErrorMessage());
            virResetLastError();
            break;
        }
        if (!sock)
            break;
        virNetServerAddClient(srv, svc, sock);
    }

    g_mutex_lock(&srv->lock);
    if (srv->accepting && !srv->quit && lsock) {
        struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT, .data.u64 = id };

        epoll_ctl(srv->epfd, EPOLL_CTL_MOD, virNetSocketGetFD(lsock), &ev);
    }
    g_mutex_unlock(&srv->lock);
    virNetServerServiceUnref(svc);
}

static void
virNetServerTick(virNetServer *srv)
{
    g_autofree virNetServerClient **clients = NULL;
    uint64_t expirations;
    size_t n, i;

    ignore_value(read(srv->timerfd, &expirations, sizeof(expirations)));
    n = virNetServerGetClients(srv, &clients);
    for (i = 0; i < n; i++) {
        virNetServerClientKeepAliveTick(clients[i]);
        virNetServerClientUnref(clients[i]);
    }
}

static void
virNetServerHandleEvent(virNetServer *srv, struct epoll_event *ev)
{
    uint64_t id = ev->data.u64;

    if (id == ID_WAKE) {
        eventfd_t v;

        g_mutex_lock(&srv->lock);
        if (!srv->quit)
            ignore_value(eventfd_read(srv->wakefd, &v));
        g_mutex_unlock(&srv->lock);
    } else if (id == ID_TIMER) {
        virNetServerTick(srv);
    } else if (id & ID_SERVICE) {
        virNetServerAccept(srv, id);
    } else {
        virNetServerClient *client;
        gint64 key = id;

        g_mutex_lock(&srv->lock);
        if ((client = g_hash_table_lookup(srv->clients, &key)))
            virNetServerClientRef(client);
        g_mutex_unlock(&srv->lock);
        if (client) {
            virNetServerClientIO(client, ev->events);
            virNetServerClientUnref(client);
        }
    }
}

/* ---- workers ------------------------------------------------------ */

static gpointer
virNetServerWorker(gpointer opaque)
{
    virNetServer *srv = opaque;

    g_private_set(&virNetServerIsWorker, GINT_TO_POINTER(1));
    g_mutex_lock(&srv->lock);
    while (!srv->quit) {
        virNetServerJob *job = virNetServerTakeJob(srv);
        struct epoll_event ev;
        int n;

        if (job) {
            bool high = job->high;

            if (!high)
                srv->nLowRunning++;
            if (g_queue_get_length(&srv->jobsHigh) + g_queue_get_length(&srv->jobsLow) > 0)
                virNetServerWake(srv);
            if (srv->nIdle == 0)
                virNetServerSpawnWorker(srv);
            g_mutex_unlock(&srv->lock);
            virNetServerRunJob(srv, job);
            g_mutex_lock(&srv->lock);
            if (!high)
                srv->nLowRunning--;
            continue;
        }
        srv->nIdle++;
        g_mutex_unlock(&srv->lock);
        n = epoll_wait(srv->epfd, &ev, 1, -1);
        g_mutex_lock(&srv->lock);
        srv->nIdle--;
        if (n <= 0 || srv->quit)
            continue;
        g_mutex_unlock(&srv->lock);
        virNetServerHandleEvent(srv, &ev);
        g_mutex_lock(&srv->lock);
    }
    g_mutex_unlock(&srv->lock);
    return NULL;
}

/* One more worker if the limits allow; with the lock held. */
static void
virNetServerSpawnWorker(virNetServer *srv)
{
    g_autoptr(GError) err = NULL;
    GThread *thread;

    if (srv->quit || srv->threads->len >= srv->maxWorkers + srv->prioWorkers)
        return;
    if (!(thread = g_thread_try_new("rpc-worker", virNetServerWorker, srv, &err))) {
        VIR_WARN("Unable to start a worker: %s", err->message);
        return;
    }
    g_ptr_array_add(srv->threads, thread);
}

int
virNetServerStart(virNetServer *srv)
{
    size_t i;

    g_mutex_lock(&srv->lock);
    if (!srv->started) {
        srv->started = true;
        for (i = 0; i < srv->minWorkers + srv->prioWorkers; i++)
            virNetServerSpawnWorker(srv);
        if (srv->accepting)
            virNetServerArmServices(srv);
    }
    g_mutex_unlock(&srv->lock);
    return 0;
}

void
virNetServerStop(virNetServer *srv)
{
    g_autofree virNetServerClient **clients = NULL;
    GPtrArray *threads;
    virNetServerJob *job;
    size_t n, i;

    g_mutex_lock(&srv->lock);
    if (srv->quit) {
        g_mutex_unlock(&srv->lock);
        return;
    }
    srv->quit = true;
    srv->accepting = false;
    /* left set, so that every worker's epoll_wait returns */
    ignore_value(eventfd_write(srv->wakefd, 1));
    threads = srv->threads;
    srv->threads = g_ptr_array_new();
    g_mutex_unlock(&srv->lock);

    for (i = 0; i < threads->len; i++)
        g_thread_join(g_ptr_array_index(threads, i));
    g_ptr_array_unref(threads);

    while ((job = g_queue_pop_head(&srv->jobsHigh)) ||
           (job = g_queue_pop_head(&srv->jobsLow))) {
        virNetServerClientDropMessage(job->client, job->msg);
        virNetServerClientUnref(job->client);
        g_free(job);
    }
    n = virNetServerGetClients(srv, &clients);
    for (i = 0; i < n; i++) {
        virNetServerClientClose(clients[i]);
        /* nobody polls any more: finish the close here */
        virNetServerClientIO(clients[i], 0);
        virNetServerClientUnref(clients[i]);
    }
}

void
virNetServerGetThreadPoolParameters(virNetServer *srv, size_t *minWorkers,
                                    size_t *maxWorkers, size_t *nWorkers,
                                    size_t *freeWorkers, size_t *nPrioWorkers,
                                    size_t *jobQueueDepth)
{
    g_mutex_lock(&srv->lock);
    *minWorkers = srv->minWorkers;
    *maxWorkers = srv->maxWorkers;
    /* every thread takes jobs of both priorities; libvirt counts the
     * priority workers apart, so the first prioWorkers threads are those */
    *nWorkers = srv->threads->len > srv->prioWorkers ?
        srv->threads->len - srv->prioWorkers : 0;
    *freeWorkers = MIN(srv->nIdle, *nWorkers);
    *nPrioWorkers = srv->prioWorkers;
    *jobQueueDepth = g_queue_get_length(&srv->jobsHigh) + g_queue_get_length(&srv->jobsLow);
    g_mutex_unlock(&srv->lock);
}

int
virNetServerSetThreadPoolParameters(virNetServer *srv, long long minWorkers,
                                    long long maxWorkers, long long prioWorkers)
{
    size_t min, max;

    g_mutex_lock(&srv->lock);
    min = minWorkers >= 0 ? (size_t)minWorkers : srv->minWorkers;
    max = maxWorkers >= 0 ? (size_t)maxWorkers : srv->maxWorkers;
    if (min > max) {
        g_mutex_unlock(&srv->lock);
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "minWorkers cannot be larger than maxWorkers");
        return -1;
    }
    if ((max == 0) != (srv->maxWorkers == 0)) {
        g_mutex_unlock(&srv->lock);
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "maxWorkers must not be switched from zero to non-zero and vice versa");
        return -1;
    }
    srv->minWorkers = min;
    srv->maxWorkers = max;
    if (prioWorkers >= 0)
        srv->prioWorkers = prioWorkers;
    while (srv->started && srv->threads->len < srv->minWorkers + srv->prioWorkers &&
           srv->threads->len < srv->maxWorkers + srv->prioWorkers) {
        size_t before = srv->threads->len;

        virNetServerSpawnWorker(srv);
        if (srv->threads->len == before)
            break;
    }
    g_mutex_unlock(&srv->lock);
    return 0;
}
