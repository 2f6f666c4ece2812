/*
 * virevent.c: the registered event loop implementation.
 */
#include "internal.h"
#include "util/virevent.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_EVENT

VIR_LOG_INIT("util.event");

/* Filled once under the mutex, then published through the pointer and
 * never changed again, so readers need no lock. */
static GMutex virEventImplLock;
static virEventImpl virEventImplTable;
static const virEventImpl *virEventImplCurrent;


bool
virEventSetImpl(const virEventImpl *impl)
{
    bool empty = !impl->addHandle && !impl->updateHandle &&
                 !impl->removeHandle && !impl->addTimeout &&
                 !impl->updateTimeout && !impl->removeTimeout;
    bool ok = true;

    VIR_DEBUG("addHandle=%p updateHandle=%p removeHandle=%p "
              "addTimeout=%p updateTimeout=%p removeTimeout=%p",
              impl->addHandle, impl->updateHandle, impl->removeHandle,
              impl->addTimeout, impl->updateTimeout, impl->removeTimeout);

    g_mutex_lock(&virEventImplLock);
    if (g_atomic_pointer_get(&virEventImplCurrent)) {
        ok = false;
    } else if (!empty) {
        virEventImplTable = *impl;
        g_atomic_pointer_set(&virEventImplCurrent, &virEventImplTable);
    }
    g_mutex_unlock(&virEventImplLock);

    if (!ok)
        VIR_WARN("Ignoring attempt to replace registered event loop");
    return ok;
}


const virEventImpl *
virEventGetImpl(void)
{
    return g_atomic_pointer_get(&virEventImplCurrent);
}


bool
virEventIsRegistered(void)
{
    const virEventImpl *impl = virEventGetImpl();

    return impl && impl->addHandle && impl->addTimeout;
}


int
virEventRequireImpl(void)
{
    if (!virEventIsRegistered()) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "An event loop implementation must be registered");
        return -1;
    }
    return 0;
}
