/*
 * vireventtest.c: the public event loop API on the default GLib loop,
 * with real pipes and threads, and a custom implementation.
 */
#include "internal.h"
#include "util/virevent.h"
#include "testutils.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define VIR_FROM_THIS VIR_FROM_NONE

/* Generous bound for anything that should happen "soon". */
#define WAIT_MS 5000

typedef struct {
    int fired;               /* callback invocations */
    int lastWatch;
    int lastFd;
    int lastEvents;
    int freed;               /* free callback invocations */
    bool drain;              /* handle callback reads one byte */
    bool removeSelf;         /* callback removes its own watch/timer */
    int removeResult;
} Counter;

static void
handleCb(int watch, int fd, int events, void *opaque)
{
    Counter *c = opaque;
    char byte;

    g_atomic_int_inc(&c->fired);
    c->lastWatch = watch;
    c->lastFd = fd;
    c->lastEvents = events;
    if (c->drain && (events & VIR_EVENT_HANDLE_READABLE))
        ignore_value(read(fd, &byte, 1));
    if (c->removeSelf)
        c->removeResult = virEventRemoveHandle(watch);
}

static void
timeoutCb(int timer, void *opaque)
{
    Counter *c = opaque;

    g_atomic_int_inc(&c->fired);
    c->lastWatch = timer;
    if (c->removeSelf)
        c->removeResult = virEventRemoveTimeout(timer);
}

static void
freeCb(void *opaque)
{
    Counter *c = opaque;

    g_atomic_int_inc(&c->freed);
}

static void
tickCb(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}

/* Run the loop for @ms milliseconds (a ticker keeps it from blocking),
 * or until *@flag reaches @target if @flag is given.  Returns true if
 * the target was reached. */
static bool
runFor(int ms, int *flag, int target)
{
    gint64 end = g_get_monotonic_time() + (gint64)ms * 1000;
    int ticker = virEventAddTimeout(5, tickCb, NULL, NULL);
    bool reached = false;

    while (g_get_monotonic_time() < end) {
        if (flag && g_atomic_int_get(flag) >= target) {
            reached = true;
            break;
        }
        virEventRunDefaultImpl();
    }
    virEventRemoveTimeout(ticker);
    return reached || (flag && g_atomic_int_get(flag) >= target);
}

static int
writeByte(int fd)
{
    return write(fd, "x", 1) == 1 ? 0 : -1;
}


static int
test_no_impl(void)
{
    CHECK(!virEventIsRegistered());
    CHECK(virEventGetImpl() == NULL);
    CHECK_INTEQ(virEventAddHandle(0, VIR_EVENT_HANDLE_READABLE, handleCb,
                                  NULL, NULL), -1);
    CHECK_INTEQ(virEventRemoveHandle(1), -1);
    CHECK_INTEQ(virEventAddTimeout(0, timeoutCb, NULL, NULL), -1);
    CHECK_INTEQ(virEventRemoveTimeout(1), -1);
    virEventUpdateHandle(1, 0);
    virEventUpdateTimeout(1, 0);
    CHECK(virGetLastError() == NULL);
    CHECK_INTEQ(virEventRequireImpl(), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_CONFIG_UNSUPPORTED);
    CHECK_STREQ(virGetLastErrorMessage(), "unsupported configuration: "
                "An event loop implementation must be registered");
    virResetLastError();
    return 0;
}


static int
test_register_default(void)
{
    CHECK_INTEQ(virEventRegisterDefaultImpl(), 0);
    CHECK(virEventIsRegistered());
    CHECK_INTEQ(virEventRequireImpl(), 0);
    /* registering again changes nothing */
    CHECK_INTEQ(virEventRegisterDefaultImpl(), 0);
    return 0;
}


static int
test_handle(void)
{
    Counter c = { .drain = false };
    int fds[2];
    int watch;
    int rc = -1;

    CHECK(pipe(fds) == 0);
    watch = virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE,
                              handleCb, &c, freeCb);
    if (watch < 0)
        goto cleanup;

    /* nothing to read: no callback */
    if (runFor(50, &c.fired, 1))
        goto cleanup;

    if (writeByte(fds[1]) < 0 || !runFor(WAIT_MS, &c.fired, 1))
        goto cleanup;
    if (c.lastWatch != watch || c.lastFd != fds[0] ||
        c.lastEvents != VIR_EVENT_HANDLE_READABLE)
        goto cleanup;

    /* the byte is still there, but 0 events means no callbacks */
    virEventUpdateHandle(watch, 0);
    c.fired = 0;
    if (runFor(100, &c.fired, 1))
        goto cleanup;

    /* back on: fires again */
    virEventUpdateHandle(watch, VIR_EVENT_HANDLE_READABLE);
    if (!runFor(WAIT_MS, &c.fired, 1))
        goto cleanup;

    /* removal stops callbacks at once; ff runs later, once */
    if (virEventRemoveHandle(watch) != 0 || c.freed != 0)
        goto cleanup;
    c.fired = 0;
    if (!runFor(WAIT_MS, &c.freed, 1) || c.fired != 0)
        goto cleanup;
    runFor(50, NULL, 0);
    if (c.freed != 1 || c.fired != 0)
        goto cleanup;

    /* a removed watch is gone for good */
    if (virEventRemoveHandle(watch) != -1)
        goto cleanup;
    virEventUpdateHandle(watch, VIR_EVENT_HANDLE_READABLE);
    runFor(50, NULL, 0);
    if (c.fired != 0 || c.freed != 1)
        goto cleanup;
    rc = 0;

 cleanup:
    close(fds[0]);
    close(fds[1]);
    if (rc < 0)
        fprintf(stderr, "handle: fired=%d freed=%d events=%d\n",
                c.fired, c.freed, c.lastEvents);
    return rc;
}


static int
test_handle_writable_hangup(void)
{
    Counter w = { .removeSelf = true };
    Counter h = { .removeSelf = true };
    int fds[2];

    CHECK(pipe(fds) == 0);
    CHECK(virEventAddHandle(fds[1], VIR_EVENT_HANDLE_WRITABLE,
                            handleCb, &w, freeCb) > 0);
    CHECK(runFor(WAIT_MS, &w.freed, 1));
    CHECK_INTEQ(w.fired, 1);
    CHECK_INTEQ(w.lastEvents, VIR_EVENT_HANDLE_WRITABLE);
    CHECK_INTEQ(w.removeResult, 0);

    /* writer gone: the reader sees a hangup */
    close(fds[1]);
    CHECK(virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE,
                            handleCb, &h, freeCb) > 0);
    CHECK(runFor(WAIT_MS, &h.freed, 1));
    close(fds[0]);
    CHECK_INTEQ(h.fired, 1);
    CHECK(h.lastEvents & VIR_EVENT_HANDLE_HANGUP);
    return 0;
}


static int
test_timeouts(void)
{
    Counter zero = { 0 };
    Counter slow = { 0 };
    Counter off = { 0 };
    int tzero = virEventAddTimeout(0, timeoutCb, &zero, freeCb);
    int tslow = virEventAddTimeout(30, timeoutCb, &slow, freeCb);
    int toff = virEventAddTimeout(-1, timeoutCb, &off, freeCb);
    int i;

    CHECK(tzero > 0 && tslow > 0 && toff > 0);
    CHECK(tzero != tslow && tslow != toff);

    /* 0 fires on every iteration without blocking */
    for (i = 0; i < 100 && zero.fired < 5; i++)
        virEventRunDefaultImpl();
    CHECK(zero.fired >= 5);
    CHECK_INTEQ(zero.lastWatch, tzero);

    /* disable it; the 30 ms one keeps firing, the -1 one never */
    virEventUpdateTimeout(tzero, -1);
    zero.fired = 0;
    CHECK(runFor(WAIT_MS, &slow.fired, 3));
    CHECK_INTEQ(zero.fired, 0);
    CHECK_INTEQ(off.fired, 0);
    CHECK_INTEQ(slow.lastWatch, tslow);

    /* enabling the disabled ones makes them fire */
    virEventUpdateTimeout(toff, 10);
    CHECK(runFor(WAIT_MS, &off.fired, 2));

    CHECK_INTEQ(virEventRemoveTimeout(tzero), 0);
    CHECK_INTEQ(virEventRemoveTimeout(tslow), 0);
    CHECK_INTEQ(virEventRemoveTimeout(toff), 0);
    CHECK_INTEQ(virEventRemoveTimeout(toff), -1);
    CHECK_INTEQ(zero.freed + slow.freed + off.freed, 0);
    CHECK(runFor(WAIT_MS, &off.freed, 1));
    runFor(50, NULL, 0);
    CHECK_INTEQ(zero.freed, 1);
    CHECK_INTEQ(slow.freed, 1);
    CHECK_INTEQ(off.freed, 1);
    return 0;
}


static int
test_remove_in_callback(void)
{
    Counter t = { .removeSelf = true };
    Counter h = { .removeSelf = true, .drain = false };
    int fds[2];

    CHECK(virEventAddTimeout(0, timeoutCb, &t, freeCb) > 0);
    CHECK(runFor(WAIT_MS, &t.freed, 1));
    runFor(50, NULL, 0);
    CHECK_INTEQ(t.fired, 1);
    CHECK_INTEQ(t.freed, 1);
    CHECK_INTEQ(t.removeResult, 0);

    /* a handle whose fd stays readable still fires only once */
    CHECK(pipe(fds) == 0);
    CHECK(writeByte(fds[1]) == 0);
    CHECK(virEventAddHandle(fds[0], VIR_EVENT_HANDLE_READABLE,
                            handleCb, &h, freeCb) > 0);
    CHECK(runFor(WAIT_MS, &h.freed, 1));
    runFor(50, NULL, 0);
    close(fds[0]);
    close(fds[1]);
    CHECK_INTEQ(h.fired, 1);
    CHECK_INTEQ(h.freed, 1);
    CHECK_INTEQ(h.removeResult, 0);
    return 0;
}


typedef struct {
    int what;                /* 0 timeout, 1 handle, 2 handle update */
    int fd;
    int watch;
    Counter *counter;
} ThreadJob;

static gpointer
wakeThread(gpointer opaque)
{
    ThreadJob *job = opaque;

    /* give the main thread time to block in poll() */
    g_usleep(100 * 1000);
    switch (job->what) {
    case 0:
        virEventAddTimeout(0, timeoutCb, job->counter, freeCb);
        break;
    case 1:
        virEventAddHandle(job->fd, VIR_EVENT_HANDLE_READABLE, handleCb,
                          job->counter, freeCb);
        break;
    case 2:
        virEventUpdateHandle(job->watch, VIR_EVENT_HANDLE_READABLE);
        break;
    }
    return NULL;
}

/* The loop has nothing to do and blocks; work added from another thread
 * must wake it.  (A loop that never wakes is caught by the alarm.) */
static int
runBlockedUntilFired(ThreadJob *job)
{
    GThread *thread = g_thread_new("waker", wakeThread, job);

    while (g_atomic_int_get(&job->counter->fired) < 1)
        virEventRunDefaultImpl();
    g_thread_join(thread);
    return 0;
}

static int
test_wakeup(void)
{
    Counter t = { .removeSelf = true };
    Counter h = { .removeSelf = true };
    Counter u = { .drain = true };
    ThreadJob jobT = { 0, -1, 0, &t };
    ThreadJob jobH = { 1, -1, 0, &h };
    ThreadJob jobU = { 2, -1, 0, &u };
    int fds[2];

    /* let earlier removals finish so the loop really goes idle */
    runFor(50, NULL, 0);
    for (int i = 0; i < 10; i++)
        g_main_context_iteration(NULL, FALSE);

    runBlockedUntilFired(&jobT);
    CHECK(runFor(WAIT_MS, &t.freed, 1));

    CHECK(pipe(fds) == 0);
    CHECK(writeByte(fds[1]) == 0);
    jobH.fd = fds[0];
    runBlockedUntilFired(&jobH);
    CHECK(runFor(WAIT_MS, &h.freed, 1));
    CHECK_INTEQ(h.lastEvents, VIR_EVENT_HANDLE_READABLE);

    /* a handle with no events, switched on from another thread */
    jobU.watch = virEventAddHandle(fds[0], 0, handleCb, &u, freeCb);
    CHECK(jobU.watch > 0);
    for (int i = 0; i < 10; i++)
        g_main_context_iteration(NULL, FALSE);
    CHECK_INTEQ(u.fired, 0);
    runBlockedUntilFired(&jobU);
    CHECK_INTEQ(virEventRemoveHandle(jobU.watch), 0);
    CHECK(runFor(WAIT_MS, &u.freed, 1));
    close(fds[0]);
    close(fds[1]);
    return 0;
}


/* ---- a custom implementation, in a child process (registration is
 * once per process) ----------------------------------------------------- */

static GString *calls;

static int
customAddHandle(int fd, int events, virEventHandleCallback cb G_GNUC_UNUSED,
                void *opaque, virFreeCallback ff G_GNUC_UNUSED)
{
    g_string_append_printf(calls, "addHandle(%d,%d,%s) ", fd, events,
                           (const char *)opaque);
    return 42;
}

static void
customUpdateHandle(int watch, int events)
{
    g_string_append_printf(calls, "updateHandle(%d,%d) ", watch, events);
}

static int
customRemoveHandle(int watch)
{
    g_string_append_printf(calls, "removeHandle(%d) ", watch);
    return 7;
}

static int
customAddTimeout(int timeout, virEventTimeoutCallback cb G_GNUC_UNUSED,
                 void *opaque, virFreeCallback ff G_GNUC_UNUSED)
{
    g_string_append_printf(calls, "addTimeout(%d,%s) ", timeout,
                           (const char *)opaque);
    return 43;
}

static void
customUpdateTimeout(int timer, int timeout)
{
    g_string_append_printf(calls, "updateTimeout(%d,%d) ", timer, timeout);
}

static int
customRemoveTimeout(int timer)
{
    g_string_append_printf(calls, "removeTimeout(%d) ", timer);
    return 8;
}

static int
customBody(void)
{
    calls = g_string_new(NULL);
    virEventRegisterImpl(customAddHandle, customUpdateHandle,
                         customRemoveHandle, customAddTimeout,
                         customUpdateTimeout, customRemoveTimeout);
    CHECK(virEventIsRegistered());
    CHECK_INTEQ(virEventAddHandle(5, VIR_EVENT_HANDLE_WRITABLE, handleCb,
                                  (void *)"h", NULL), 42);
    virEventUpdateHandle(42, VIR_EVENT_HANDLE_READABLE);
    CHECK_INTEQ(virEventRemoveHandle(42), 7);
    CHECK_INTEQ(virEventAddTimeout(250, timeoutCb, (void *)"t", NULL), 43);
    virEventUpdateTimeout(43, -1);
    CHECK_INTEQ(virEventRemoveTimeout(43), 8);
    CHECK_STREQ(calls->str, "addHandle(5,2,h) updateHandle(42,1) "
                "removeHandle(42) addTimeout(250,t) updateTimeout(43,-1) "
                "removeTimeout(43) ");

    /* neither the default nor another custom loop replaces it */
    CHECK_INTEQ(virEventRegisterDefaultImpl(), 0);
    virEventRegisterImpl(NULL, NULL, NULL, NULL, NULL, NULL);
    CHECK_INTEQ(virEventAddTimeout(1, timeoutCb, (void *)"u", NULL), 43);
    CHECK(g_str_has_suffix(calls->str, "addTimeout(1,u) "));
    g_string_free(calls, TRUE);
    return 0;
}

static int
test_custom_impl(void)
{
    int status;
    pid_t pid = fork();

    CHECK(pid >= 0);
    if (pid == 0)
        _exit(customBody() == 0 ? 0 : 1);
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK_INTEQ(WEXITSTATUS(status), 0);
    return 0;
}


int
main(void)
{
    /* a loop that never wakes up fails the test instead of hanging it */
    alarm(60);

    virTestRun("custom implementation", test_custom_impl);
    virTestRun("no implementation", test_no_impl);
    virTestRun("register default", test_register_default);
    virTestRun("handle readable, update, remove", test_handle);
    virTestRun("handle writable and hangup", test_handle_writable_hangup);
    virTestRun("timeouts 0, N and -1", test_timeouts);
    virTestRun("remove from own callback", test_remove_in_callback);
    virTestRun("wakeup from another thread", test_wakeup);
    return virTestDone();
}
