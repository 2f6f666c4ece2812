/*
 * virnetdaemon.h: a daemon process: its servers (by name), the main
 * loop, quitting on SIGTERM/SIGINT/SIGQUIT, and exiting when idle.
 *
 * The main loop is the default event loop (virEventRunDefaultImpl); the
 * servers run on their own worker threads, so the loop only carries
 * timers, signals and the drivers' events.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetserver.h"

typedef struct _virNetDaemon virNetDaemon;

virNetDaemon *virNetDaemonNew(void);
void virNetDaemonFree(virNetDaemon *dmn);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetDaemon, virNetDaemonFree);

int virNetDaemonAddServer(virNetDaemon *dmn, virNetServer *srv);
/* The server named @name (referenced), or NULL with VIR_ERR_NO_SERVER. */
virNetServer *virNetDaemonGetServer(virNetDaemon *dmn, const char *name);
/* All servers, referenced, in the order added. */
size_t virNetDaemonGetServers(virNetDaemon *dmn, virNetServer ***servers);

/* Exit after @timeout seconds without clients (0: never). */
void virNetDaemonAutoShutdown(virNetDaemon *dmn, unsigned int timeout);

/* Start the servers and run until asked to quit. */
int virNetDaemonRun(virNetDaemon *dmn);
/* Ask the main loop to return (any thread). */
void virNetDaemonQuit(virNetDaemon *dmn);
/* Stop every server. */
void virNetDaemonClose(virNetDaemon *dmn);
