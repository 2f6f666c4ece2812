/*
 * virnetserverservice.h: a listening endpoint of a server: one or more
 * sockets (a UNIX path, or every address of a TCP host and port), with
 * the authentication, read-only flag and TLS context its connections get.
 */
#pragma once

#include "internal.h"
#include "rpc/virnetsocket.h"
#include "rpc/virnettlscontext.h"

typedef struct _virNetServerService virNetServerService;

virNetServerService *virNetServerServiceNewUNIX(const char *path, mode_t perms,
                                                uid_t user, gid_t group,
                                                int auth, virNetTLSContext *tls,
                                                bool readonly, size_t maxQueued);
virNetServerService *virNetServerServiceNewTCP(const char *nodename,
                                               const char *service, int family,
                                               int auth, virNetTLSContext *tls,
                                               bool readonly, size_t maxQueued);
/* Adopt listening descriptors (systemd socket activation). */
virNetServerService *virNetServerServiceNewFDs(const int *fds, size_t nfds,
                                               int auth, virNetTLSContext *tls,
                                               bool readonly, size_t maxQueued);

virNetServerService *virNetServerServiceRef(virNetServerService *svc);
void virNetServerServiceUnref(virNetServerService *svc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetServerService, virNetServerServiceUnref);

size_t virNetServerServiceGetNSockets(virNetServerService *svc);
virNetSocket *virNetServerServiceGetSocket(virNetServerService *svc, size_t i);
int virNetServerServiceGetPort(virNetServerService *svc);
int virNetServerServiceGetAuth(virNetServerService *svc);
bool virNetServerServiceIsReadonly(virNetServerService *svc);
virNetTLSContext *virNetServerServiceGetTLSContext(virNetServerService *svc);
