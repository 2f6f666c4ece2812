/*
 * vireventglib.h: the default event loop, built on GLib's default main
 * context.
 *
 * Handles watch a file descriptor through a GSource; timeouts are GLib
 * timeout sources (-1 disabled, 0 every iteration, N every N ms).
 * Removing a handle or timeout stops it at once; its free callback runs
 * later, from the loop, never inside the remove call.
 */
#pragma once

#include <glib.h>

/* Install the GLib loop as the event implementation (once; later calls,
 * or an application's own loop registered first, leave things as they
 * are). */
void virEventGLibRegister(void);

/* Run one iteration of the default main context, blocking until some
 * source is ready.  Returns 0. */
int virEventGLibRunOnce(void);

/* A GSource reporting @condition (plus G_IO_HUP, G_IO_ERR, G_IO_NVAL,
 * which poll reports anyway) on @fd; the callback gets the conditions
 * that occurred. */
typedef gboolean (*virEventGLibSocketFunc)(int fd, GIOCondition condition,
                                           gpointer opaque);

GSource *virEventGLibCreateSocketWatch(int fd, GIOCondition condition);

/* Create the watch, set @func as its callback and attach it to @context
 * (NULL: the default context).  Returns the source, with a reference the
 * caller owns. */
GSource *virEventGLibAddSocketWatch(int fd, GIOCondition condition,
                                    GMainContext *context,
                                    virEventGLibSocketFunc func,
                                    gpointer opaque, GDestroyNotify notify);
