/*
 * virnetserver.h: an RPC server: listening services, connections,
 * programs and the worker threads that run them.
 *
 * Workers are leaders and followers: each idle worker waits on the
 * server's epoll set; the one woken by a ready socket reads from it and
 * runs the first call it completes itself, so a call costs no hand-over
 * between threads.  Further calls go to the job queues for other
 * workers.  Low-priority calls run on at most max_workers threads at
 * once; the prio_workers threads beyond those are kept for high-priority
 * calls (which never wait on a hypervisor), so those are answered even
 * when every ordinary worker is stuck.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetserverclient.h"
#include "rpc/virnetserverprogram.h"
#include "rpc/virnetserverservice.h"

/* A new connection: the daemon attaches its per-connection data; -1
 * refuses the connection. */
typedef int (*virNetServerClientInitHook)(virNetServer *srv,
                                          virNetServerClient *client,
                                          void *opaque);

virNetServer *virNetServerNew(const char *name, size_t minWorkers,
                              size_t maxWorkers, size_t prioWorkers,
                              size_t maxClients, size_t maxAnonymousClients,
                              size_t maxClientRequests,
                              int keepaliveInterval, unsigned int keepaliveCount,
                              virNetServerClientInitHook clientInit,
                              void *opaque);
virNetServer *virNetServerRef(virNetServer *srv);
void virNetServerUnref(virNetServer *srv);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetServer, virNetServerUnref);

const char *virNetServerGetName(virNetServer *srv);
int virNetServerAddService(virNetServer *srv, virNetServerService *svc);
int virNetServerAddProgram(virNetServer *srv, virNetServerProgram *prog);

/* Start the workers and accepting connections. */
int virNetServerStart(virNetServer *srv);
/* Stop accepting, close every connection, stop the workers (waiting for
 * the calls in progress). */
void virNetServerStop(virNetServer *srv);

/* Connections. */
size_t virNetServerGetCurrentClients(virNetServer *srv);
size_t virNetServerGetCurrentUnauthClients(virNetServer *srv);
size_t virNetServerGetMaxClients(virNetServer *srv);
size_t virNetServerGetMaxUnauthClients(virNetServer *srv);
int virNetServerSetClientLimits(virNetServer *srv, long long maxClients,
                                long long maxUnauthClients);
/* Whether a service of @srv offers TLS. */
bool virNetServerHasTLS(virNetServer *srv);
/* All connections (referenced), for the admin API. */
size_t virNetServerGetClients(virNetServer *srv, virNetServerClient ***clients);
/* The connection with @id (referenced), or NULL with VIR_ERR_NO_CLIENT. */
virNetServerClient *virNetServerGetClient(virNetServer *srv, unsigned long long id);
void virNetServerSetClientAuthenticated(virNetServer *srv,
                                        virNetServerClient *client);
/* Seconds since the last connection went (0 while any is open). */
long long virNetServerIdleSeconds(virNetServer *srv);

/* Worker threads (the admin API's threadpool parameters). */
void virNetServerGetThreadPoolParameters(virNetServer *srv,
                                         size_t *minWorkers, size_t *maxWorkers,
                                         size_t *nWorkers, size_t *freeWorkers,
                                         size_t *nPrioWorkers,
                                         size_t *jobQueueDepth);
int virNetServerSetThreadPoolParameters(virNetServer *srv, long long minWorkers,
                                        long long maxWorkers,
                                        long long prioWorkers);
