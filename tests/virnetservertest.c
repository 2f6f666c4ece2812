/*
 * virnetservertest: the RPC client and server together over real UNIX
 * sockets, with a small program of the test's own: calls and errors,
 * many threads and connections at once, the per-connection request
 * limit, priority workers, descriptor passing, events, streams,
 * keepalive, and malformed traffic that must close only the connection
 * that sent it.
 */
#include "internal.h"
#include "testutils.h"
#include "rpc/virnetserver.h"
#include "rpc/virnetclient.h"
#include "rpc/virnetclientprogram.h"
#include "rpc/virnetclientstream.h"
#include "util/virevent.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#define VIR_FROM_THIS VIR_FROM_NONE

#define TEST_PROGRAM 0x11223344
#define TEST_VERSION 1

enum {
    PROC_ECHO = 1,
    PROC_FAIL = 2,
    PROC_SLEEP = 3,
    PROC_FDS = 4,
    PROC_EVENT = 5,
    PROC_UPLOAD = 6,
    PROC_DOWNLOAD = 7,
    PROC_KEEPALIVE = 8,
    PROC_HANGUP = 9,
    PROC_LAST,
    PROC_EVENT_MSG = 100,
};

typedef struct { char *s; } testString;
typedef struct { int ms; } testInt;

static bool_t
xdrTestString(XDR *xdr, testString *p, ...)
{
    return xdr_string(xdr, &p->s, VIR_NET_MESSAGE_STRING_MAX);
}

static bool_t
xdrTestInt(XDR *xdr, testInt *p, ...)
{
    return xdr_int(xdr, &p->ms);
}

static bool_t
xdrTestVoid(XDR *xdr G_GNUC_UNUSED, void *p G_GNUC_UNUSED, ...)
{
    return TRUE;
}

/* ---- the server's side of the program ----------------------------- */

static gint sleepRunning;
static gint sleepMaxRunning;
static gint sleepDone;
static virNetServerProgram *serverProg;

static int
dispatchEcho(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client G_GNUC_UNUSED,
             virNetMessage *msg G_GNUC_UNUSED, virNetMessageError *rerr G_GNUC_UNUSED,
             void *args, void *ret)
{
    ((testString *)ret)->s = g_strdup(((testString *)args)->s);
    return 0;
}

static int
dispatchFail(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client G_GNUC_UNUSED,
             virNetMessage *msg G_GNUC_UNUSED, virNetMessageError *rerr G_GNUC_UNUSED,
             void *args, void *ret G_GNUC_UNUSED)
{
    virRaiseErrorFull(__FILE__, __FUNCTION__, __LINE__, VIR_FROM_DOM,
                      VIR_ERR_NO_DOMAIN, VIR_ERR_ERROR, "Domain not found",
                      ((testString *)args)->s, NULL, 0, 0,
                      "Domain not found: no domain with matching name '%s'",
                      ((testString *)args)->s);
    return -1;
}

static int
dispatchSleep(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client G_GNUC_UNUSED,
              virNetMessage *msg G_GNUC_UNUSED, virNetMessageError *rerr G_GNUC_UNUSED,
              void *args, void *ret G_GNUC_UNUSED)
{
    int now = g_atomic_int_add(&sleepRunning, 1) + 1;
    int max;

    while ((max = g_atomic_int_get(&sleepMaxRunning)) < now &&
           !g_atomic_int_compare_and_exchange(&sleepMaxRunning, max, now))
        ;
    g_usleep(((testInt *)args)->ms * 1000);
    g_atomic_int_add(&sleepRunning, -1);
    g_atomic_int_inc(&sleepDone);
    return 0;
}

/* Receives a pipe's write end, writes to it, returns a pipe's read end. */
static int
dispatchFDs(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client G_GNUC_UNUSED,
            virNetMessage *msg, virNetMessageError *rerr G_GNUC_UNUSED,
            void *args G_GNUC_UNUSED, void *ret G_GNUC_UNUSED)
{
    int p[2];
    int fd;

    if ((fd = virNetMessageDupFD(msg, 0)) < 0)
        return -1;
    ignore_value(write(fd, "S", 1));
    close(fd);
    if (pipe(p) < 0)
        return -1;
    ignore_value(write(p[1], "R", 1));
    close(p[1]);
    close(msg->fds[0]);
    g_clear_pointer(&msg->fds, g_free);
    msg->nfds = 0;
    if (virNetMessageAddFD(msg, p[0]) < 0)
        return -1;
    close(p[0]);
    return 1;
}

static int
dispatchEvent(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client,
              virNetMessage *msg G_GNUC_UNUSED, virNetMessageError *rerr G_GNUC_UNUSED,
              void *args, void *ret G_GNUC_UNUSED)
{
    virNetMessage *ev = virNetMessageNew(false);

    ev->header.prog = TEST_PROGRAM;
    ev->header.vers = TEST_VERSION;
    ev->header.proc = PROC_EVENT_MSG;
    ev->header.type = VIR_NET_MESSAGE;
    ev->header.status = VIR_NET_OK;
    if (virNetMessageEncodeHeader(ev) < 0 ||
        virNetMessageEncodePayload(ev, (xdrproc_t)xdrTestString, args) < 0) {
        virNetMessageFree(ev);
        return -1;
    }
    virNetServerClientSendMessage(client, ev);
    return 0;
}

/* Streams: a filter takes the stream's packets (under the connection's
 * lock) and hands them to a thread of the stream's own. */
typedef struct {
    virNetServerClient *client;
    int proc;
    unsigned int serial;
    int filter;
    GAsyncQueue *queue;
    GString *received;
    int packets;            /* download: how many to send */
    GThread *thread;
} testStream;

static GMutex streamsLock;
static GString *lastUpload;

static int
streamFilter(virNetServerClient *client G_GNUC_UNUSED, virNetMessage *msg, void *opaque)
{
    testStream *st = opaque;

    if (msg->header.prog != TEST_PROGRAM || msg->header.proc != st->proc ||
        msg->header.serial != st->serial ||
        (msg->header.type != VIR_NET_STREAM && msg->header.type != VIR_NET_STREAM_HOLE))
        return 0;
    g_async_queue_push(st->queue, msg);
    return 1;
}

static gpointer
streamThread(gpointer opaque)
{
    testStream *st = opaque;
    int i;

    for (i = 0; i < st->packets; i++) {
        g_autofree char *data = g_strdup_printf("packet-%d;", i);

        virNetServerProgramSendStreamData(serverProg, st->client, virNetMessageNew(false),
                                          st->proc, st->serial, data, strlen(data));
    }
    if (st->packets)
        virNetServerProgramSendStreamData(serverProg, st->client, virNetMessageNew(false),
                                          st->proc, st->serial, "", 0);
    for (;;) {
        virNetMessage *msg = g_async_queue_pop(st->queue);

        if (msg->header.status == VIR_NET_CONTINUE) {
            g_string_append_len(st->received, msg->buffer + msg->bufferOffset,
                                msg->bufferLength - msg->bufferOffset);
            virNetServerClientDropMessage(st->client, msg);
            continue;
        }
        /* finish or abort: confirm, reusing the packet as the reply */
        virNetServerClientRemoveFilter(st->client, st->filter);
        if (msg->header.status == VIR_NET_OK) {
            g_mutex_lock(&streamsLock);
            if (lastUpload)
                g_string_free(lastUpload, TRUE);
            lastUpload = g_string_new_len(st->received->str, st->received->len);
            g_mutex_unlock(&streamsLock);
        }
        virNetServerProgramSendStreamData(serverProg, st->client, msg,
                                          st->proc, st->serial, NULL, 0);
        break;
    }
    g_string_free(st->received, TRUE);
    g_async_queue_unref(st->queue);
    virNetServerClientUnref(st->client);
    g_free(st);
    return NULL;
}

static int
dispatchStream(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client,
               virNetMessage *msg, virNetMessageError *rerr G_GNUC_UNUSED,
               void *args, void *ret G_GNUC_UNUSED)
{
    testStream *st = g_new0(testStream, 1);

    st->client = virNetServerClientRef(client);
    st->proc = msg->header.proc;
    st->serial = msg->header.serial;
    st->queue = g_async_queue_new();
    st->received = g_string_new(NULL);
    st->packets = msg->header.proc == PROC_DOWNLOAD ? ((testInt *)args)->ms : 0;
    st->filter = virNetServerClientAddFilter(client, streamFilter, st);
    st->thread = g_thread_new("stream", streamThread, st);
    g_thread_unref(st->thread);
    return 0;
}

static int
dispatchKeepAlive(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client,
                  virNetMessage *msg G_GNUC_UNUSED, virNetMessageError *rerr G_GNUC_UNUSED,
                  void *args G_GNUC_UNUSED, void *ret G_GNUC_UNUSED)
{
    return virNetServerClientStartKeepAlive(client);
}

static int
dispatchHangup(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client,
               virNetMessage *msg G_GNUC_UNUSED, virNetMessageError *rerr G_GNUC_UNUSED,
               void *args G_GNUC_UNUSED, void *ret G_GNUC_UNUSED)
{
    virNetServerClientClose(client);
    return 0;
}

static const virNetServerProgramProc testProcs[PROC_LAST] = {
    [PROC_ECHO] = { dispatchEcho, sizeof(testString), (xdrproc_t)xdrTestString,
                    sizeof(testString), (xdrproc_t)xdrTestString, false, 1 },
    [PROC_FAIL] = { dispatchFail, sizeof(testString), (xdrproc_t)xdrTestString,
                    1, (xdrproc_t)xdrTestVoid, false, 1 },
    [PROC_SLEEP] = { dispatchSleep, sizeof(testInt), (xdrproc_t)xdrTestInt,
                     1, (xdrproc_t)xdrTestVoid, false, 0 },
    [PROC_FDS] = { dispatchFDs, 1, (xdrproc_t)xdrTestVoid, 1, (xdrproc_t)xdrTestVoid,
                   false, 1 },
    [PROC_EVENT] = { dispatchEvent, sizeof(testString), (xdrproc_t)xdrTestString,
                     1, (xdrproc_t)xdrTestVoid, false, 1 },
    [PROC_UPLOAD] = { dispatchStream, 1, (xdrproc_t)xdrTestVoid, 1, (xdrproc_t)xdrTestVoid,
                      false, 0 },
    [PROC_DOWNLOAD] = { dispatchStream, sizeof(testInt), (xdrproc_t)xdrTestInt,
                        1, (xdrproc_t)xdrTestVoid, false, 0 },
    [PROC_KEEPALIVE] = { dispatchKeepAlive, 1, (xdrproc_t)xdrTestVoid,
                         1, (xdrproc_t)xdrTestVoid, false, 1 },
    [PROC_HANGUP] = { dispatchHangup, 1, (xdrproc_t)xdrTestVoid,
                      1, (xdrproc_t)xdrTestVoid, false, 1 },
};

static virNetServer *server;
static char *sockPath;

static virNetServer *
startServer(const char *name, size_t maxWorkers, size_t prio, size_t maxReq,
            int kaInterval, char **path)
{
    virNetServer *srv = virNetServerNew(name, 1, maxWorkers, prio, 2000, 2000,
                                        maxReq, kaInterval, 1, NULL, NULL);
    g_autoptr(virNetServerService) svc = NULL;

    *path = g_build_filename(virTestTempDir(), name, NULL);
    if (!srv ||
        !(svc = virNetServerServiceNewUNIX(*path, 0700, -1, -1,
                                           VIR_NET_SERVER_SERVICE_AUTH_NONE,
                                           NULL, false, 1000)) ||
        virNetServerAddService(srv, svc) < 0 ||
        virNetServerAddProgram(srv, serverProg) < 0 ||
        virNetServerStart(srv) < 0) {
        fprintf(stderr, "server: %s\n", virGetLastErrorMessage());
        abort();
    }
    return srv;
}

/* ---- the client's side -------------------------------------------- */

static gint eventsSeen;
static char *lastEvent;

static void
clientEvent(virNetClientProgram *prog G_GNUC_UNUSED, virNetClient *client G_GNUC_UNUSED,
            void *evdata, void *opaque G_GNUC_UNUSED)
{
    g_free(lastEvent);
    lastEvent = g_strdup(((testString *)evdata)->s);
    g_atomic_int_inc(&eventsSeen);
}

static const virNetClientProgramEvent clientEvents[] = {
    { PROC_EVENT_MSG, clientEvent, sizeof(testString), (xdrproc_t)xdrTestString },
};

static virNetClientProgram *clientProg;

static virNetClient *
connectTo(const char *path)
{
    virNetClient *client = virNetClientNewUNIX(path, NULL);

    if (!client) {
        fprintf(stderr, "connect: %s\n", virGetLastErrorMessage());
        return NULL;
    }
    virNetClientAddProgram(client, clientProg);
    return client;
}

static void
closeClient(virNetClient *client)
{
    if (!client)
        return;
    virNetClientClose(client);
    virNetClientUnref(client);
}

static int
callEcho(virNetClient *client, const char *in, char **out)
{
    testString args = { (char *)in };
    testString ret = { NULL };

    if (virNetClientProgramCall(clientProg, client, virNetClientNextSerial(client),
                                PROC_ECHO, 0, NULL, NULL, NULL,
                                (xdrproc_t)xdrTestString, &args,
                                (xdrproc_t)xdrTestString, &ret) < 0)
        return -1;
    *out = ret.s;
    return 0;
}

static int
callInt(virNetClient *client, int proc, int value)
{
    testInt args = { value };

    return virNetClientProgramCall(clientProg, client, virNetClientNextSerial(client),
                                   proc, 0, NULL, NULL, NULL,
                                   (xdrproc_t)xdrTestInt, &args,
                                   (xdrproc_t)xdrTestVoid, NULL);
}

static int
callVoid(virNetClient *client, int proc)
{
    return virNetClientProgramCall(clientProg, client, virNetClientNextSerial(client),
                                   proc, 0, NULL, NULL, NULL,
                                   (xdrproc_t)xdrTestVoid, NULL,
                                   (xdrproc_t)xdrTestVoid, NULL);
}

/* ---- cases -------------------------------------------------------- */

static int
testCalls(void)
{
    virNetClient *client = connectTo(sockPath);
    g_autofree char *big = g_strnfill(1 << 20, 'q');
    char *out = NULL;
    testString args = { (char *)"ghost" };

    CHECK(client);
    CHECK(callEcho(client, "hello", &out) == 0);
    CHECK_STREQ(out, "hello");
    g_free(out);
    CHECK(callEcho(client, big, &out) == 0);
    CHECK(STREQ(out, big));
    g_free(out);

    /* the daemon's error arrives exactly as it was raised */
    CHECK(virNetClientProgramCall(clientProg, client, virNetClientNextSerial(client),
                                  PROC_FAIL, 0, NULL, NULL, NULL,
                                  (xdrproc_t)xdrTestString, &args,
                                  (xdrproc_t)xdrTestVoid, NULL) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_NO_DOMAIN);
    CHECK_INTEQ(virGetLastError()->domain, VIR_FROM_DOM);
    CHECK_STREQ(virGetLastError()->message,
                "Domain not found: no domain with matching name 'ghost'");
    CHECK_STREQ(virGetLastError()->str2, "ghost");

    /* an unknown procedure is unsupported */
    CHECK(callVoid(client, 77) < 0);
    CHECK_INTEQ(virGetLastError()->code, VIR_ERR_NO_SUPPORT);
    CHECK_STREQ(virGetLastError()->message, "unknown procedure: 77");

    /* and the connection is still fine */
    CHECK(callEcho(client, "again", &out) == 0);
    g_free(out);
    closeClient(client);
    return 0;
}

typedef struct {
    virNetClient *client;
    int id;
    int failures;
} echoWorker;

static gpointer
echoThread(gpointer opaque)
{
    echoWorker *w = opaque;
    int i;

    for (i = 0; i < 300; i++) {
        g_autofree char *in = g_strdup_printf("w%d-%d-%s", w->id, i,
                                              i % 50 ? "" : "padding-padding-padding");
        g_autofree char *out = NULL;

        if (callEcho(w->client, in, &out) < 0 || STRNEQ(in, out))
            w->failures++;
    }
    return NULL;
}

static int
runEchoThreads(virNetClient **clients, size_t nthreads)
{
    GThread *threads[16];
    echoWorker workers[16];
    size_t i;
    int failures = 0;

    for (i = 0; i < nthreads; i++) {
        workers[i].client = clients[i];
        workers[i].id = i;
        workers[i].failures = 0;
        threads[i] = g_thread_new("echo", echoThread, &workers[i]);
    }
    for (i = 0; i < nthreads; i++) {
        g_thread_join(threads[i]);
        failures += workers[i].failures;
    }
    return failures;
}

static int
testThreadsOneClient(void)
{
    virNetClient *client = connectTo(sockPath);
    virNetClient *clients[8];
    size_t i;

    CHECK(client);
    for (i = 0; i < 8; i++)
        clients[i] = client;
    CHECK_INTEQ(runEchoThreads(clients, 8), 0);
    closeClient(client);
    return 0;
}

static int
testManyClients(void)
{
    virNetClient *clients[16];
    size_t i;
    int failures;

    for (i = 0; i < 16; i++)
        CHECK((clients[i] = connectTo(sockPath)));
    failures = runEchoThreads(clients, 16);
    for (i = 0; i < 16; i++)
        closeClient(clients[i]);
    CHECK_INTEQ(failures, 0);
    return 0;
}

typedef struct {
    virNetClient *client;
    int ms;
    int rc;
} sleepWorker;

static gpointer
sleepThread(gpointer opaque)
{
    sleepWorker *w = opaque;

    w->rc = callInt(w->client, PROC_SLEEP, w->ms);
    return NULL;
}

static int
testRequestLimit(void)
{
    g_autofree char *path = NULL;
    g_autoptr(virNetServer) srv = startServer("limit", 8, 2, 2, 0, &path);
    virNetClient *client = connectTo(path);
    GThread *threads[6];
    sleepWorker w[6];
    size_t i;

    CHECK(client);
    g_atomic_int_set(&sleepMaxRunning, 0);
    for (i = 0; i < 6; i++) {
        w[i].client = client;
        w[i].ms = 50;
        threads[i] = g_thread_new("sleep", sleepThread, &w[i]);
    }
    for (i = 0; i < 6; i++) {
        g_thread_join(threads[i]);
        CHECK_INTEQ(w[i].rc, 0);
    }
    /* never more than the limit of requests of one connection at once */
    CHECK_INTEQ(g_atomic_int_get(&sleepMaxRunning), 2);
    closeClient(client);
    virNetServerStop(srv);
    return 0;
}

static int
testPriority(void)
{
    g_autofree char *path = NULL;
    g_autoptr(virNetServer) srv = startServer("prio", 2, 1, 5, 0, &path);
    virNetClient *clients[4];
    virNetClient *fast;
    GThread *threads[4];
    sleepWorker w[4];
    g_autofree char *out = NULL;
    size_t i;
    int doneBefore;

    g_atomic_int_set(&sleepDone, 0);
    g_atomic_int_set(&sleepMaxRunning, 0);
    for (i = 0; i < 4; i++) {
        CHECK((clients[i] = connectTo(path)));
        w[i].client = clients[i];
        w[i].ms = 1500;
        threads[i] = g_thread_new("sleep", sleepThread, &w[i]);
    }
    while (g_atomic_int_get(&sleepRunning) < 2)
        g_usleep(1000);
    /* both ordinary workers are stuck; the priority worker answers */
    CHECK((fast = connectTo(path)));
    CHECK(callEcho(fast, "urgent", &out) == 0);
    doneBefore = g_atomic_int_get(&sleepDone);
    for (i = 0; i < 4; i++) {
        g_thread_join(threads[i]);
        CHECK_INTEQ(w[i].rc, 0);
        closeClient(clients[i]);
    }
    closeClient(fast);
    CHECK_INTEQ(doneBefore, 0);
    /* low-priority calls never took more than max_workers threads */
    CHECK_INTEQ(g_atomic_int_get(&sleepMaxRunning), 2);
    virNetServerStop(srv);
    return 0;
}

static int
testFDs(void)
{
    virNetClient *client = connectTo(sockPath);
    int p[2];
    int *infds = NULL;
    size_t ninfds = 0;
    char c = 0;

    CHECK(client);
    CHECK(pipe(p) == 0);
    CHECK(virNetClientProgramCall(clientProg, client, virNetClientNextSerial(client),
                                  PROC_FDS, 1, &p[1], &ninfds, &infds,
                                  (xdrproc_t)xdrTestVoid, NULL,
                                  (xdrproc_t)xdrTestVoid, NULL) == 0);
    close(p[1]);
    CHECK(read(p[0], &c, 1) == 1 && c == 'S');
    close(p[0]);
    CHECK_INTEQ(ninfds, 1);
    CHECK(read(infds[0], &c, 1) == 1 && c == 'R');
    close(infds[0]);
    g_free(infds);
    closeClient(client);
    return 0;
}

static int
testEvents(void)
{
    virNetClient *client = connectTo(sockPath);
    testString args = { (char *)"lifecycle" };
    int i;

    CHECK(client);
    g_atomic_int_set(&eventsSeen, 0);
    CHECK(virNetClientProgramCall(clientProg, client, virNetClientNextSerial(client),
                                  PROC_EVENT, 0, NULL, NULL, NULL,
                                  (xdrproc_t)xdrTestString, &args,
                                  (xdrproc_t)xdrTestVoid, NULL) == 0);
    /* between calls, the event loop reads it */
    for (i = 0; i < 5000 && g_atomic_int_get(&eventsSeen) == 0; i++)
        g_usleep(1000);
    CHECK_INTEQ(g_atomic_int_get(&eventsSeen), 1);
    CHECK_STREQ(lastEvent, "lifecycle");
    closeClient(client);
    return 0;
}

static int
testStreams(void)
{
    virNetClient *client = connectTo(sockPath);
    g_autoptr(virNetClientStream) up = NULL;
    g_autoptr(virNetClientStream) down = NULL;
    g_autoptr(GString) got = g_string_new(NULL);
    g_autofree char *chunk = g_strnfill(65536, 'u');
    unsigned int serial;
    char buf[100];
    int i, n;

    CHECK(client);
    /* upload: 16 packets of 64 KiB, then finish */
    serial = virNetClientNextSerial(client);
    up = virNetClientStreamNew(clientProg, PROC_UPLOAD, serial, false);
    virNetClientAddStream(client, up);
    CHECK(virNetClientProgramCall(clientProg, client, serial, PROC_UPLOAD, 0, NULL,
                                  NULL, NULL, (xdrproc_t)xdrTestVoid, NULL,
                                  (xdrproc_t)xdrTestVoid, NULL) == 0);
    for (i = 0; i < 16; i++)
        CHECK_INTEQ(virNetClientStreamSendPacket(up, client, VIR_NET_CONTINUE,
                                                 chunk, 65536), 65536);
    CHECK(virNetClientStreamSendPacket(up, client, VIR_NET_OK, NULL, 0) == 0);
    virNetClientRemoveStream(client, up);
    g_mutex_lock(&streamsLock);
    CHECK(lastUpload && lastUpload->len == 16 * 65536);
    CHECK(lastUpload->str[12345] == 'u');
    g_mutex_unlock(&streamsLock);

    /* download: 10 packets and the end of data, then finish */
    serial = virNetClientNextSerial(client);
    down = virNetClientStreamNew(clientProg, PROC_DOWNLOAD, serial, false);
    virNetClientAddStream(client, down);
    {
        testInt args = { 10 };

        CHECK(virNetClientProgramCall(clientProg, client, serial, PROC_DOWNLOAD, 0, NULL,
                                      NULL, NULL, (xdrproc_t)xdrTestInt, &args,
                                      (xdrproc_t)xdrTestVoid, NULL) == 0);
    }
    while ((n = virNetClientStreamRecvPacket(down, client, buf, sizeof(buf), false, 0)) > 0)
        g_string_append_len(got, buf, n);
    CHECK_INTEQ(n, 0);
    CHECK(g_str_has_prefix(got->str, "packet-0;packet-1;"));
    CHECK(g_str_has_suffix(got->str, "packet-9;"));
    CHECK(virNetClientStreamSendPacket(down, client, VIR_NET_OK, NULL, 0) == 0);
    virNetClientRemoveStream(client, down);
    closeClient(client);
    return 0;
}

static int
testHangup(void)
{
    virNetClient *client = connectTo(sockPath);
    g_autofree char *out = NULL;

    CHECK(client);
    /* the daemon drops the connection in the middle of a call */
    CHECK(callVoid(client, PROC_HANGUP) < 0);
    CHECK_STREQ(virGetLastError()->message,
                "End of file while reading data: Input/output error");
    CHECK(!virNetClientIsOpen(client));
    CHECK(callEcho(client, "x", &out) < 0);
    closeClient(client);
    return 0;
}

/* ---- raw traffic -------------------------------------------------- */

static int
rawConnect(const char *path)
{
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

    g_strlcpy(un.sun_path, path, sizeof(un.sun_path));
    if (connect(fd, (struct sockaddr *)&un, sizeof(un)) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void
putWord(char *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

/* A message: header words, then @body. */
static size_t
rawMessage(char *buf, uint32_t prog, uint32_t vers, int proc, int type,
           const char *body, size_t bodylen)
{
    putWord(buf, 28 + bodylen);
    putWord(buf + 4, prog);
    putWord(buf + 8, vers);
    putWord(buf + 12, proc);
    putWord(buf + 16, type);
    putWord(buf + 20, 42);
    putWord(buf + 24, 0);
    memcpy(buf + 28, body, bodylen);
    return 28 + bodylen;
}

/* Read until the peer closes: true if it closed within 5 s. */
static bool
rawClosed(int fd)
{
    char buf[4096];
    struct pollfd p = { fd, POLLIN, 0 };

    for (;;) {
        if (poll(&p, 1, 5000) <= 0)
            return false;
        if (read(fd, buf, sizeof(buf)) <= 0)
            return true;
    }
}

/* Read one reply; return its status and copy the error message out. */
static int
rawReply(int fd, char *msgbuf, size_t msglen)
{
    char buf[65536];
    size_t have = 0;
    uint32_t len = 0;

    while (have < 4 || have < len) {
        struct pollfd p = { fd, POLLIN, 0 };
        ssize_t n;

        if (poll(&p, 1, 5000) <= 0 || (n = read(fd, buf + have, sizeof(buf) - have)) <= 0)
            return -1;
        have += n;
        if (have >= 4)
            len = ((unsigned char)buf[0] << 24) | ((unsigned char)buf[1] << 16) |
                  ((unsigned char)buf[2] << 8) | (unsigned char)buf[3];
    }
    if (msgbuf && len > 44) {
        /* error: code, domain, then the optional message string */
        uint32_t slen = ((unsigned char)buf[40] << 24) | ((unsigned char)buf[41] << 16) |
                        ((unsigned char)buf[42] << 8) | (unsigned char)buf[43];

        g_strlcpy(msgbuf, buf + 44, MIN(msglen, slen + 1));
    }
    return (unsigned char)buf[27];
}

static int
testMalformed(void)
{
    virNetClient *good = connectTo(sockPath);
    g_autofree char *out = NULL;
    char buf[256];
    char errmsg[256];
    size_t len;
    int fd;
    int i;

    CHECK(good);

    /* oversized: the connection is closed */
    CHECK((fd = rawConnect(sockPath)) >= 0);
    putWord(buf, 0x7fffffff);
    CHECK(write(fd, buf, 4) == 4);
    CHECK(rawClosed(fd));
    close(fd);

    /* too small a length */
    CHECK((fd = rawConnect(sockPath)) >= 0);
    putWord(buf, 2);
    CHECK(write(fd, buf, 4) == 4);
    CHECK(rawClosed(fd));
    close(fd);

    /* wrong program, wrong version: an error reply, and the connection stays */
    CHECK((fd = rawConnect(sockPath)) >= 0);
    len = rawMessage(buf, 0x01020304, 1, PROC_ECHO, VIR_NET_CALL, "", 0);
    CHECK(write(fd, buf, len) == (ssize_t)len);
    CHECK_INTEQ(rawReply(fd, errmsg, sizeof(errmsg)), VIR_NET_ERROR);
    CHECK_STREQ(errmsg, "Cannot find program 16909060 version 1");
    len = rawMessage(buf, TEST_PROGRAM, 2, PROC_ECHO, VIR_NET_CALL, "", 0);
    CHECK(write(fd, buf, len) == (ssize_t)len);
    CHECK_INTEQ(rawReply(fd, errmsg, sizeof(errmsg)), VIR_NET_ERROR);
    CHECK_STREQ(errmsg, "Cannot find program 287454020 version 2");

    /* garbage XDR for the arguments: an error reply */
    len = rawMessage(buf, TEST_PROGRAM, 1, PROC_ECHO, VIR_NET_CALL, "\xff\xff\xff", 3);
    CHECK(write(fd, buf, len) == (ssize_t)len);
    CHECK_INTEQ(rawReply(fd, errmsg, sizeof(errmsg)), VIR_NET_ERROR);
    CHECK_STREQ(errmsg, "Unable to decode message payload");

    /* a reply sent to the server is dropped; the connection goes on */
    len = rawMessage(buf, TEST_PROGRAM, 1, PROC_ECHO, VIR_NET_REPLY, "", 0);
    CHECK(write(fd, buf, len) == (ssize_t)len);
    len = rawMessage(buf, TEST_PROGRAM, 1, PROC_ECHO, VIR_NET_CALL,
                     "\0\0\0\2ok\0\0", 8);
    CHECK(write(fd, buf, len) == (ssize_t)len);
    CHECK_INTEQ(rawReply(fd, NULL, 0), VIR_NET_OK);
    close(fd);

    /* truncated messages and clients vanishing mid-call */
    for (i = 0; i < 200; i++) {
        CHECK((fd = rawConnect(sockPath)) >= 0);
        len = rawMessage(buf, TEST_PROGRAM, 1, i % 2 ? PROC_ECHO : PROC_SLEEP,
                         VIR_NET_CALL, "\0\0\0\1", 4);
        CHECK(write(fd, buf, i % 3 ? len : len / 2) > 0);
        close(fd);
    }

    /* through all this, the well-behaved client was served */
    CHECK(callEcho(good, "still here", &out) == 0);
    CHECK_STREQ(out, "still here");
    closeClient(good);
    return 0;
}

static int
testKeepAlive(void)
{
    g_autofree char *path = NULL;
    g_autoptr(virNetServer) srv = startServer("ka", 4, 1, 5, 1, &path);
    virNetClient *client = connectTo(path);
    g_autofree char *out = NULL;
    char buf[64];
    size_t len;
    int fd;

    CHECK(client);
    /* a peer that never answers pings is closed... */
    CHECK((fd = rawConnect(path)) >= 0);
    len = rawMessage(buf, TEST_PROGRAM, 1, PROC_KEEPALIVE, VIR_NET_CALL, "", 0);
    CHECK(write(fd, buf, len) == (ssize_t)len);
    CHECK(rawClosed(fd));
    close(fd);

    /* ...one that answers stays */
    CHECK(callVoid(client, PROC_KEEPALIVE) == 0);
    g_usleep(3 * G_USEC_PER_SEC);
    CHECK(callEcho(client, "alive", &out) == 0);
    closeClient(client);
    virNetServerStop(srv);
    return 0;
}

static gpointer
eventLoop(gpointer opaque G_GNUC_UNUSED)
{
    for (;;)
        virEventRunDefaultImpl();
    return NULL;
}

int
main(void)
{
    virEventRegisterDefaultImpl();
    g_thread_unref(g_thread_new("events", eventLoop, NULL));
    serverProg = virNetServerProgramNew(TEST_PROGRAM, TEST_VERSION, testProcs, PROC_LAST);
    clientProg = virNetClientProgramNew(TEST_PROGRAM, TEST_VERSION, clientEvents,
                                        G_N_ELEMENTS(clientEvents), NULL);
    server = startServer("main", 4, 2, 5, 0, &sockPath);

    virTestRun("calls and errors", testCalls);
    virTestRun("threads sharing a connection", testThreadsOneClient);
    virTestRun("many connections", testManyClients);
    virTestRun("request limit per connection", testRequestLimit);
    virTestRun("priority workers", testPriority);
    virTestRun("descriptor passing", testFDs);
    virTestRun("events", testEvents);
    virTestRun("streams", testStreams);
    virTestRun("daemon hangs up", testHangup);
    virTestRun("malformed traffic", testMalformed);
    virTestRun("keepalive", testKeepAlive);

    virNetServerStop(server);
    virNetServerUnref(server);
    virNetServerProgramUnref(serverProg);
    virNetClientProgramUnref(clientProg);
    g_free(sockPath);
    g_free(lastEvent);
    if (lastUpload)
        g_string_free(lastUpload, TRUE);
    return virTestDone();
}
