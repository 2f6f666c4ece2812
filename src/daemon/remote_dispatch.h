/*
 * remote_dispatch.h: what the daemon's dispatchers share: the client's
 * connections, the handles and typed parameters on the wire, streams and
 * events.
 *
 * Each client of the remote program owns a daemonClient (its private
 * data): the connection it opened with REMOTE_PROC_CONNECT_OPEN, its
 * event registrations and its streams.  Dispatchers run in the server's
 * workers, any number at once for one client; the connection itself is
 * thread-safe, the rest is guarded by the daemonClient's lock.
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "remote_protocol.h"
#include "qemu_protocol.h"
#include "lxc_protocol.h"
#include "remote/remote_handles.h"
#include "rpc/virnetserver.h"

typedef struct _daemonClient daemonClient;

/* The server's hook for new clients of the remote program. */
int remoteClientInit(virNetServer *srv, virNetServerClient *client, void *opaque);

/* The connection serving each driver table, or NULL with libvirt's error
 * before CONNECT_OPEN: "hypervisor connection not open" for the hypervisor
 * table, "connection not open" for the others.  One connection serves them
 * all. */
virConnectPtr remoteGetHypervisorConn(virNetServerClient *client);
virConnectPtr remoteGetSecondaryConn(virNetServerClient *client);
#define remoteGetNetworkConn remoteGetSecondaryConn
#define remoteGetStorageConn remoteGetSecondaryConn
#define remoteGetSecretConn remoteGetSecondaryConn
#define remoteGetNodeDeviceConn remoteGetSecondaryConn
#define remoteGetInterfaceConn remoteGetSecondaryConn
#define remoteGetNWFilterConn remoteGetSecondaryConn

daemonClient *remoteGetClient(virNetServerClient *client);

/* Open the client's connection (REMOTE_PROC_CONNECT_OPEN). */
int remoteClientOpen(virNetServerClient *client, const char *name, unsigned int flags);

/* Streams (daemon_stream.c): after a procedure opened local stream @st,
 * move its data between @st and the client's STREAM messages of @msg's
 * procedure and serial, in a thread of the stream's own.  @clientWrites:
 * the client sends the data (uploads).  @msg is the call's message,
 * read for its header only. */
int remoteStreamStart(virNetServerClient *client, virNetMessage *msg,
                      virStreamPtr st, bool clientWrites, bool sparse);
/* Abort every stream of @dc (the client is gone). */
void remoteStreamsAbort(daemonClient *dc);

/* Events (daemon_events.c): drop every registration of @dc. */
void remoteEventsDeregisterAll(daemonClient *dc, virConnectPtr conn);

/* Answer REMOTE_PROC_CONNECT_SUPPORTS_FEATURE (daemon_special.c). */
int remoteSupportsFeatureLocal(virNetServerClient *client, int feature);

/* Polkit (daemon_polkit.c): 0 when polkit allows @action to process
 * @pid of @uid, -2 when it refuses, -1 when it cannot be asked; the
 * reason is reported in both failures. */
int daemonPolkitCheck(const char *action, pid_t pid, uid_t uid);
