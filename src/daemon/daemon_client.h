/*
 * daemon_client.h: a client of the remote program, shared by the
 * daemon's dispatch files.
 */
#pragma once

#include "daemon/remote_dispatch.h"

/* One event registration on the client's connection. */
typedef struct {
    int family;           /* DAEMON_EVENT_* */
    int eventID;
    int localID;          /* the callback's ID on the daemon's connection */
    int remoteID;         /* the ID the client knows it by */
    bool legacy;          /* registered without a callback ID (old procedures) */
    daemonClient *dc;     /* back pointer, not referenced */
} daemonEventCallback;

enum {
    DAEMON_EVENT_DOMAIN,
    DAEMON_EVENT_NETWORK,
    DAEMON_EVENT_STORAGE_POOL,
    DAEMON_EVENT_NODE_DEVICE,
    DAEMON_EVENT_SECRET,
    DAEMON_EVENT_QEMU,
    DAEMON_EVENT_LAST
};

struct _daemonClient {
    GMutex lock;                     /* guards every field below */
    virNetServerClient *client;      /* not referenced: it owns us */
    virConnectPtr conn;              /* NULL until CONNECT_OPEN */
    GPtrArray *events;               /* daemonEventCallback * */
    int nextRemoteID;
    GPtrArray *streams;              /* daemonStream * (daemon_stream.c) */
    bool closeRegistered;            /* relaying the connection's close */
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomain, virObjectUnref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDevice, virObjectUnref);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSecret, virObjectUnref);
