/*
 * remote_transport.h: connection URIs of the remote driver, and the RPC
 * connection they name (remote_transport.c).
 */
#pragma once

#include "internal.h"
#include "util/viruri.h"
#include "rpc/virnetclient.h"
#include "rpc/virnettlscontext.h"

typedef enum {
    REMOTE_TRANSPORT_TLS,
    REMOTE_TRANSPORT_UNIX,
    REMOTE_TRANSPORT_SSH,
    REMOTE_TRANSPORT_LIBSSH2,
    REMOTE_TRANSPORT_EXT,
    REMOTE_TRANSPORT_TCP,
    REMOTE_TRANSPORT_LIBSSH,
    REMOTE_TRANSPORT_LAST
} remoteTransport;

typedef struct {
    char *driver;             /* "test" of test+unix:///default */
    remoteTransport transport;
    char *name;               /* the URI the daemon opens */
    char *sockname;
    char *command;
    char *netcat;
    char *keyfile;
    char *pkipath;
    char *authtype;
    char *tlsPriority;
    char *mode;
    char *proxy;
    char *port;
    char *username;
    char *hostname;
    bool noSanity;
    bool noVerify;
    bool noTTY;
    bool readonly;
    bool user;                /* a per-user daemon */
    bool autostart;           /* start it if it is not running */
} remoteURIInfo;

/* Read @uri (NULL: probe the local daemon); the remote driver's own
 * parameters are marked ignored in @uri. */
int remoteParseURI(virURI *uri, bool readonly, remoteURIInfo *info);
void remoteURIInfoClear(remoteURIInfo *info);

/* The UNIX socket to use (unless given), and the daemon to start. */
int remoteChooseSocket(remoteURIInfo *info, bool insideDaemon, char **daemonPath);

/* Connect: a client, with *@tls the context of a TLS transport. */
virNetClient *remoteConnectTransport(remoteURIInfo *info, const char *daemonPath,
                                     virNetTLSContext **tls);
