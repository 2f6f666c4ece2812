/*
 * virevent.h: the registered event loop implementation.
 *
 * An application may register its own loop with virEventRegisterImpl();
 * otherwise virEventRegisterDefaultImpl() installs the GLib-based one
 * (vireventglib.h).  Registration happens once per process: a second
 * attempt is ignored with a warning.  The public virEventAddHandle() and
 * friends (libvirt-event.c) dispatch through the table kept here, and
 * library code calls those public functions.
 */
#pragma once

#include <stdbool.h>
#include "libvirt/libvirt.h"

typedef struct {
    virEventAddHandleFunc addHandle;
    virEventUpdateHandleFunc updateHandle;
    virEventRemoveHandleFunc removeHandle;
    virEventAddTimeoutFunc addTimeout;
    virEventUpdateTimeoutFunc updateTimeout;
    virEventRemoveTimeoutFunc removeTimeout;
} virEventImpl;

/* Install a copy of @impl.  Returns false, with a warning logged, when an
 * implementation is installed already; a table of only NULLs installs
 * nothing. */
bool virEventSetImpl(const virEventImpl *impl);

/* The installed implementation, or NULL if none. */
const virEventImpl *virEventGetImpl(void);

/* True once an implementation able to add handles and timeouts is in. */
bool virEventIsRegistered(void);

/* 0 if virEventIsRegistered(), else -1 with VIR_ERR_CONFIG_UNSUPPORTED
 * ("An event loop implementation must be registered"). */
int virEventRequireImpl(void);
