/*
 * virnetserverservice.c: listening endpoints.
 */
#include "internal.h"
#include "rpc/virnetserverservice.h"

#define VIR_FROM_THIS VIR_FROM_RPC

struct _virNetServerService {
    gint refs;                    /* g_atomic access only */
    /* immutable after creation */
    virNetSocket **socks;
    size_t nsocks;
    int auth;
    bool readonly;
    virNetTLSContext *tls;
};

static virNetServerService *
virNetServerServiceNew(virNetSocket **socks, size_t nsocks, int auth,
                       virNetTLSContext *tls, bool readonly, size_t maxQueued)
{
    virNetServerService *svc = g_new0(virNetServerService, 1);
    size_t i;

    svc->refs = 1;
    svc->socks = socks;
    svc->nsocks = nsocks;
    svc->auth = auth;
    svc->readonly = readonly;
    svc->tls = tls ? virNetTLSContextRef(tls) : NULL;
    for (i = 0; i < nsocks; i++) {
        if (virNetSocketListen(socks[i], maxQueued) < 0) {
            virNetServerServiceUnref(svc);
            return NULL;
        }
    }
    return svc;
}

virNetServerService *
virNetServerServiceNewUNIX(const char *path, mode_t perms, uid_t user,
                           gid_t group, int auth, virNetTLSContext *tls,
                           bool readonly, size_t maxQueued)
{
    virNetSocket **socks = g_new0(virNetSocket *, 1);

    if (virNetSocketNewListenUNIX(path, perms, user, group, &socks[0]) < 0) {
        g_free(socks);
        return NULL;
    }
    return virNetServerServiceNew(socks, 1, auth, tls, readonly, maxQueued);
}

virNetServerService *
virNetServerServiceNewTCP(const char *nodename, const char *service, int family,
                          int auth, virNetTLSContext *tls, bool readonly,
                          size_t maxQueued)
{
    virNetSocket **socks = NULL;
    size_t nsocks = 0;

    if (virNetSocketNewListenTCP(nodename, service, family, &socks, &nsocks) < 0)
        return NULL;
    return virNetServerServiceNew(socks, nsocks, auth, tls, readonly, maxQueued);
}

virNetServerService *
virNetServerServiceNewFDs(const int *fds, size_t nfds, int auth,
                          virNetTLSContext *tls, bool readonly, size_t maxQueued)
{
    virNetSocket **socks = g_new0(virNetSocket *, nfds);
    size_t i;

    for (i = 0; i < nfds; i++) {
        if (virNetSocketNewFD(fds[i], &socks[i]) < 0) {
            while (i-- > 0)
                virNetSocketFree(socks[i]);
            g_free(socks);
            return NULL;
        }
    }
    return virNetServerServiceNew(socks, nfds, auth, tls, readonly, maxQueued);
}

virNetServerService *
virNetServerServiceRef(virNetServerService *svc)
{
    g_atomic_int_inc(&svc->refs);
    return svc;
}

void
virNetServerServiceUnref(virNetServerService *svc)
{
    size_t i;

    if (!svc || !g_atomic_int_dec_and_test(&svc->refs))
        return;
    for (i = 0; i < svc->nsocks; i++)
        virNetSocketFree(svc->socks[i]);
    g_free(svc->socks);
    virNetTLSContextUnref(svc->tls);
    g_free(svc);
}

size_t
virNetServerServiceGetNSockets(virNetServerService *svc)
{
    return svc->nsocks;
}

virNetSocket *
virNetServerServiceGetSocket(virNetServerService *svc, size_t i)
{
    return i < svc->nsocks ? svc->socks[i] : NULL;
}

int
virNetServerServiceGetPort(virNetServerService *svc)
{
    return svc->nsocks ? virNetSocketGetPort(svc->socks[0]) : -1;
}

int
virNetServerServiceGetAuth(virNetServerService *svc)
{
    return svc->auth;
}

bool
virNetServerServiceIsReadonly(virNetServerService *svc)
{
    return svc->readonly;
}

virNetTLSContext *
virNetServerServiceGetTLSContext(virNetServerService *svc)
{
    return svc->tls;
}
