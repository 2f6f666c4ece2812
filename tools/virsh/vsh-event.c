/*
 * vsh-event.c: the thread that runs libvirt's default event loop, so
 * keepalive, close callbacks and events are served while a command runs;
 * and the waits of commands for events (event --loop, blockjob --wait),
 * which end on SIGINT, a timeout or a handler's word.
 *
 * A wait is a pipe: whoever ends it (the signal handler, the timer, an
 * event handler) writes one byte saying why, and vshEventWait reads it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <glib-unix.h>

#include "vsh.h"

/* The write end of the pipe, for the signal handler. */
static volatile int vshEventFd = -1;
static struct sigaction vshEventOldAction;

static gpointer
vshEventLoop(gpointer opaque)
{
    vshControl *ctl = opaque;

    while (true) {
        bool quit;

        g_mutex_lock(&ctl->lock);
        quit = ctl->quit;
        g_mutex_unlock(&ctl->lock);
        if (quit)
            break;
        if (virEventRunDefaultImpl() < 0)
            vshReportError(ctl);
    }
    return NULL;
}

static void
vshEventWrite(int fd, char reason)
{
    if (fd >= 0)
        (void)!write(fd, &reason, 1);
}

static void
vshEventTimeout(int timer G_GNUC_UNUSED, void *opaque)
{
    vshControl *ctl = opaque;

    vshEventWrite(ctl->eventPipe[1], VSH_EVENT_TIMEOUT);
}

bool
vshEventLoopStart(vshControl *ctl)
{
    if (virEventRegisterDefaultImpl() < 0) {
        vshReportError(ctl);
        return false;
    }
    ctl->eventLoop = g_thread_new("vsh-event", vshEventLoop, ctl);
    ctl->eventLoopStarted = true;
    if ((ctl->eventTimerId = virEventAddTimeout(-1, vshEventTimeout, ctl,
                                                NULL)) < 0) {
        vshReportError(ctl);
        return false;
    }
    return true;
}

static void
vshEventInt(int sig G_GNUC_UNUSED, siginfo_t *info G_GNUC_UNUSED,
            void *context G_GNUC_UNUSED)
{
    vshEventWrite(vshEventFd, VSH_EVENT_INTERRUPT);
}

int
vshEventStart(vshControl *ctl, int timeout_ms)
{
    struct sigaction action = { 0 };

    g_assert(vshEventFd == -1 && ctl->eventPipe[0] == -1 &&
             ctl->eventTimerId >= 0);
    if (!g_unix_open_pipe(ctl->eventPipe, FD_CLOEXEC, NULL)) {
        vshError(ctl, "Unable to create pipe: %s", g_strerror(errno));
        return -1;
    }
    vshEventFd = ctl->eventPipe[1];
    action.sa_sigaction = vshEventInt;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &vshEventOldAction);

    if (timeout_ms)
        virEventUpdateTimeout(ctl->eventTimerId, timeout_ms);
    return 0;
}

void
vshEventDone(vshControl *ctl)
{
    vshEventWrite(ctl->eventPipe[1], VSH_EVENT_DONE);
}

int
vshEventWait(vshControl *ctl)
{
    char reason;
    ssize_t n;

    g_assert(ctl->eventPipe[0] >= 0);
    while ((n = read(ctl->eventPipe[0], &reason, 1)) < 0 && errno == EINTR)
        ;
    if (n != 1) {
        vshError(ctl, "failed to determine loop exit status: %s",
                 g_strerror(n == 0 ? EPIPE : errno));
        return -1;
    }
    return reason;
}

void
vshEventCleanup(vshControl *ctl)
{
    if (vshEventFd >= 0) {
        sigaction(SIGINT, &vshEventOldAction, NULL);
        vshEventFd = -1;
    }
    if (ctl->eventPipe[0] >= 0)
        close(ctl->eventPipe[0]);
    if (ctl->eventPipe[1] >= 0)
        close(ctl->eventPipe[1]);
    ctl->eventPipe[0] = ctl->eventPipe[1] = -1;
    virEventUpdateTimeout(ctl->eventTimerId, -1);
}

static void
vshEventWake(int timer G_GNUC_UNUSED, void *opaque G_GNUC_UNUSED)
{
}

void
vshEventLoopStop(vshControl *ctl)
{
    int timer;

    if (!ctl->eventLoopStarted)
        return;
    g_mutex_lock(&ctl->lock);
    ctl->quit = true;
    /* a timer that fires at once makes the loop look at ctl->quit */
    timer = virEventAddTimeout(0, vshEventWake, NULL, NULL);
    g_mutex_unlock(&ctl->lock);

    g_thread_join(ctl->eventLoop);
    ctl->eventLoop = NULL;
    if (timer != -1)
        virEventRemoveTimeout(timer);
    if (ctl->eventTimerId != -1)
        virEventRemoveTimeout(ctl->eventTimerId);
    ctl->eventTimerId = -1;
    ctl->eventLoopStarted = false;
}
