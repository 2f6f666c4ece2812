/*
 * vsh-event.c: the thread that runs libvirt's default event loop, so
 * keepalive, close callbacks and (later) domain events are served while
 * a command runs.
 */
#include "vsh.h"

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

bool
vshEventLoopStart(vshControl *ctl)
{
    if (virEventRegisterDefaultImpl() < 0) {
        vshReportError(ctl);
        return false;
    }
    ctl->eventLoop = g_thread_new("vsh-event", vshEventLoop, ctl);
    ctl->eventLoopStarted = true;
    return true;
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
    ctl->eventLoopStarted = false;
}
