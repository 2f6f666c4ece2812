/*
 * remote_client.h: what the remote driver's stubs share: the connection's
 * private data, the call helpers and the stream glue.
 *
 * Every generated stub (remote_client_gen.c, from scripts/gen-rpc.py) and
 * every hand-written one (remote_special.c, remote_events.c) makes its
 * call through remoteCall, which picks the program, takes a serial and
 * runs the call on the connection's virNetClient; any number of threads
 * may call at once.
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "remote_protocol.h"
#include "qemu_protocol.h"
#include "lxc_protocol.h"
#include "remote/remote_handles.h"
#include "rpc/virnetclient.h"
#include "rpc/virnetclientprogram.h"
#include "rpc/virnetclientstream.h"
#include "conf/object_event.h"

/* The programs a call may go to. */
enum {
    REMOTE_PROGRAM_ID,
    QEMU_PROGRAM_ID,
    LXC_PROGRAM_ID,
};

/* Internal driver features asked with REMOTE_PROC_CONNECT_SUPPORTS_FEATURE
 * (libvirt's numbering). */
enum {
    REMOTE_FEATURE_FD_PASSING = 8,
    REMOTE_FEATURE_TYPED_PARAM_STRING = 9,
    REMOTE_FEATURE_PROGRAM_KEEPALIVE = 10,
    REMOTE_FEATURE_REMOTE_EVENT_CALLBACK = 14,
    REMOTE_FEATURE_REMOTE_CLOSE_CALLBACK = 15,
    REMOTE_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER = 16,
};

typedef struct _remotePrivate remotePrivate;
struct _remotePrivate {
    /* immutable once the connection is open */
    virNetClient *client;
    virNetClientProgram *programs[3];   /* by *_PROGRAM_ID */
    virNetTLSContext *tls;
    char *hostname;
    bool isSecure;                      /* the transport cannot be snooped */
    bool serverKeepAlive;
    bool serverEventFilter;             /* REMOTE_EVENT_CALLBACK procedures */
    bool serverCloseCallback;
    virObjectEventState *eventState;    /* self-locking */

    GMutex lock;                        /* guards the fields below */
    char *type;                         /* the daemon's driver type, cached */
    bool closeRegistered;               /* the daemon relays close events */
};

/* A call of @proc of program @prog over @conn's remote connection. */
int remoteCall(virConnectPtr conn, int prog, int proc,
               xdrproc_t args_filter, char *args,
               xdrproc_t ret_filter, char *ret);
/* ... with descriptors sent (@outfds) and received (*@infds). */
int remoteCallFDs(virConnectPtr conn, int prog, int proc,
                  size_t noutfds, int *outfds, size_t *ninfds, int **infds,
                  xdrproc_t args_filter, char *args,
                  xdrproc_t ret_filter, char *ret);

/* Procedures that open a stream: make the stream's RPC end (with a fresh
 * serial), make the call with that serial, then bind @st to it on
 * success; Release drops the RPC end (and unbinds on failure). */
virNetClientStream *remoteStreamOpen(virStreamPtr st, int prog, int proc,
                                     bool sparse);
int remoteCallStream(virConnectPtr conn, virNetClientStream *netst, int proc,
                     xdrproc_t args_filter, char *args,
                     xdrproc_t ret_filter, char *ret);
void remoteStreamOpened(virStreamPtr st, virNetClientStream *netst);
void remoteStreamRelease(virStreamPtr st, virNetClientStream *netst, bool ok);

/* Ask the daemon whether it has an internal feature: 1, 0, or -1. */
int remoteSupportsFeature(virConnectPtr conn, int feature);

/* Event relay (remote_events.c): the event programs' table and the
 * hypervisor and family registration methods. */
extern const virNetClientProgramEvent remoteEvents[];
extern const size_t remoteNEvents;
extern const virNetClientProgramEvent qemuEvents[];
extern const size_t qemuNEvents;
void remoteEventsFillDrivers(virHypervisorDriver *hv, virNetworkDriver *net,
                             virStorageDriver *storage, virNodeDeviceDriver *nodedev,
                             virSecretDriver *secret);
