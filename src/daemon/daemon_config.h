/*
 * daemon_config.h: the daemons' configuration file, in libvirtd.conf
 * syntax, with libvirt's keys and defaults.
 */
#pragma once

#include "internal.h"

typedef struct {
    bool listenTCP;
    bool listenTLS;
    char *tcpPort;
    char *tlsPort;
    char *listenAddr;

    char *unixSockDir;
    char *unixSockGroup;
    char *unixSockRWPerms;
    char *unixSockROPerms;
    char *unixSockAdminPerms;

    int authUnixRW;              /* VIR_NET_SERVER_SERVICE_AUTH_* */
    int authUnixRO;
    int authTCP;
    int authTLS;

    bool tlsNoSanityCert;
    bool tlsNoVerifyCert;
    char **tlsAllowedDNList;
    char *tlsPriority;
    char *keyFile;
    char *certFile;
    char *caFile;
    char *crlFile;

    unsigned int minWorkers;
    unsigned int maxWorkers;
    unsigned int prioWorkers;
    unsigned int maxClients;
    unsigned int maxQueuedClients;
    unsigned int maxAnonymousClients;
    unsigned int maxClientRequests;

    unsigned int adminMinWorkers;
    unsigned int adminMaxWorkers;
    unsigned int adminMaxClients;
    unsigned int adminMaxQueuedClients;
    unsigned int adminMaxClientRequests;

    int keepaliveInterval;
    unsigned int keepaliveCount;
    int adminKeepaliveInterval;
    unsigned int adminKeepaliveCount;

    unsigned int logLevel;
    char *logFilters;
    char *logOutputs;
} daemonConfig;

daemonConfig *daemonConfigNew(bool privileged);
void daemonConfigFree(daemonConfig *cfg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(daemonConfig, daemonConfigFree);

/* Read @path into @cfg; an error names the file and the key. */
int daemonConfigLoadFile(daemonConfig *cfg, const char *path);

/* The default configuration file of daemon @name. */
char *daemonConfigDefaultPath(const char *name, bool privileged);
