/*
 * libvirt-event.c: the public event loop API.
 *
 * The add/update/remove calls forward to the registered implementation
 * (an application's own, or the GLib default).  With none registered,
 * the add and remove calls return -1 and the update calls do nothing;
 * none of them raises an error, as in libvirt.
 */
#include "internal.h"
#include "util/virevent.h"
#include "util/vireventglib.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_EVENT

VIR_LOG_INIT("libvirt.event");


VIR_EXPORT int
virEventAddHandle(int fd, int events, virEventHandleCallback cb,
                  void *opaque, virFreeCallback ff)
{
    const virEventImpl *impl = virEventGetImpl();

    if (!impl || !impl->addHandle)
        return -1;
    return impl->addHandle(fd, events, cb, opaque, ff);
}


VIR_EXPORT void
virEventUpdateHandle(int watch, int events)
{
    const virEventImpl *impl = virEventGetImpl();

    if (impl && impl->updateHandle)
        impl->updateHandle(watch, events);
}


VIR_EXPORT int
virEventRemoveHandle(int watch)
{
    const virEventImpl *impl = virEventGetImpl();

    if (!impl || !impl->removeHandle)
        return -1;
    return impl->removeHandle(watch);
}


VIR_EXPORT int
virEventAddTimeout(int timeout, virEventTimeoutCallback cb,
                   void *opaque, virFreeCallback ff)
{
    const virEventImpl *impl = virEventGetImpl();

    if (!impl || !impl->addTimeout)
        return -1;
    return impl->addTimeout(timeout, cb, opaque, ff);
}


VIR_EXPORT void
virEventUpdateTimeout(int timer, int timeout)
{
    const virEventImpl *impl = virEventGetImpl();

    if (impl && impl->updateTimeout)
        impl->updateTimeout(timer, timeout);
}


VIR_EXPORT int
virEventRemoveTimeout(int timer)
{
    const virEventImpl *impl = virEventGetImpl();

    if (!impl || !impl->removeTimeout)
        return -1;
    return impl->removeTimeout(timer);
}


VIR_EXPORT void
virEventRegisterImpl(virEventAddHandleFunc addHandle,
                     virEventUpdateHandleFunc updateHandle,
                     virEventRemoveHandleFunc removeHandle,
                     virEventAddTimeoutFunc addTimeout,
                     virEventUpdateTimeoutFunc updateTimeout,
                     virEventRemoveTimeoutFunc removeTimeout)
{
    virEventImpl impl = {
        .addHandle = addHandle,
        .updateHandle = updateHandle,
        .removeHandle = removeHandle,
        .addTimeout = addTimeout,
        .updateTimeout = updateTimeout,
        .removeTimeout = removeTimeout,
    };

    ignore_value(virEventSetImpl(&impl));
}


VIR_EXPORT int
virEventRegisterDefaultImpl(void)
{
    VIR_DEBUG("registering default event implementation");
    if (virInitialize() < 0)
        return -1;
    virResetLastError();
    virEventGLibRegister();
    return 0;
}


VIR_EXPORT int
virEventRunDefaultImpl(void)
{
    VIR_DEBUG("running default event implementation");
    virResetLastError();
    return virEventGLibRunOnce();
}
