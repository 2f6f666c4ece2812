/*
 * virnetdaemon.c: the daemon's servers, main loop and shutdown.
 */
#include "internal.h"
#include "rpc/virnetdaemon.h"
#include "util/virevent.h"
#include "util/virlog.h"

#include <glib-unix.h>
#include <signal.h>

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.netdaemon");

struct _virNetDaemon {
    GMutex lock;                 /* guards servers and timeout */
    GPtrArray *servers;          /* referenced virNetServer * */
    unsigned int timeout;        /* seconds; 0: none */
    gint quit;                   /* g_atomic access only */
    int timer;                   /* -1: none */
    guint signals[2];            /* SIGTERM, SIGINT */
};

static gboolean
virNetDaemonSignal(gpointer opaque)
{
    VIR_INFO("quitting on signal");
    virNetDaemonQuit(opaque);
    return G_SOURCE_CONTINUE;
}

virNetDaemon *
virNetDaemonNew(void)
{
    virNetDaemon *dmn = g_new0(virNetDaemon, 1);
    int sigs[] = { SIGTERM, SIGINT };
    size_t i;

    g_mutex_init(&dmn->lock);
    dmn->servers = g_ptr_array_new_with_free_func((GDestroyNotify)virNetServerUnref);
    dmn->timer = -1;
    /* from the start, as libvirt's daemons: a SIGTERM that comes while
     * the daemon is still setting up is seen once it runs, and it then
     * quits cleanly (SIGHUP would reload; there is nothing to reload) */
    signal(SIGPIPE, SIG_IGN);
    for (i = 0; i < G_N_ELEMENTS(sigs); i++)
        dmn->signals[i] = g_unix_signal_add(sigs[i], virNetDaemonSignal, dmn);
    return dmn;
}

void
virNetDaemonFree(virNetDaemon *dmn)
{
    size_t i;

    if (!dmn)
        return;
    for (i = 0; i < G_N_ELEMENTS(dmn->signals); i++) {
        if (dmn->signals[i])
            g_source_remove(dmn->signals[i]);
    }
    if (dmn->timer >= 0)
        virEventRemoveTimeout(dmn->timer);
    g_ptr_array_unref(dmn->servers);
    g_mutex_clear(&dmn->lock);
    g_free(dmn);
}

int
virNetDaemonAddServer(virNetDaemon *dmn, virNetServer *srv)
{
    g_mutex_lock(&dmn->lock);
    g_ptr_array_add(dmn->servers, virNetServerRef(srv));
    g_mutex_unlock(&dmn->lock);
    return 0;
}

virNetServer *
virNetDaemonGetServer(virNetDaemon *dmn, const char *name)
{
    virNetServer *srv = NULL;
    size_t i;

    g_mutex_lock(&dmn->lock);
    for (i = 0; i < dmn->servers->len; i++) {
        virNetServer *s = g_ptr_array_index(dmn->servers, i);

        if (STREQ(virNetServerGetName(s), name)) {
            srv = virNetServerRef(s);
            break;
        }
    }
    g_mutex_unlock(&dmn->lock);
    if (!srv)
        virReportError(VIR_ERR_NO_SERVER, "No server named '%s'", name);
    return srv;
}

size_t
virNetDaemonGetServers(virNetDaemon *dmn, virNetServer ***servers)
{
    size_t i, n;

    g_mutex_lock(&dmn->lock);
    n = dmn->servers->len;
    *servers = g_new0(virNetServer *, n + 1);
    for (i = 0; i < n; i++)
        (*servers)[i] = virNetServerRef(g_ptr_array_index(dmn->servers, i));
    g_mutex_unlock(&dmn->lock);
    return n;
}

void
virNetDaemonAutoShutdown(virNetDaemon *dmn, unsigned int timeout)
{
    g_mutex_lock(&dmn->lock);
    dmn->timeout = timeout;
    g_mutex_unlock(&dmn->lock);
}

void
virNetDaemonQuit(virNetDaemon *dmn)
{
    g_atomic_int_set(&dmn->quit, 1);
    g_main_context_wakeup(NULL);
}


/* Once a second: quit when every server has been idle long enough. */
static void
virNetDaemonTick(int timer G_GNUC_UNUSED, void *opaque)
{
    virNetDaemon *dmn = opaque;
    unsigned int timeout;
    long long idle = G_MAXINT64;
    size_t i;

    g_mutex_lock(&dmn->lock);
    timeout = dmn->timeout;
    for (i = 0; i < dmn->servers->len; i++)
        idle = MIN(idle, virNetServerIdleSeconds(g_ptr_array_index(dmn->servers, i)));
    g_mutex_unlock(&dmn->lock);
    if (timeout && idle >= timeout) {
        VIR_INFO("no clients for %u seconds, exiting", timeout);
        virNetDaemonQuit(dmn);
    }
}

int
virNetDaemonRun(virNetDaemon *dmn)
{
    size_t i;

    signal(SIGQUIT, SIG_DFL);
    g_mutex_lock(&dmn->lock);
    for (i = 0; i < dmn->servers->len; i++) {
        if (virNetServerStart(g_ptr_array_index(dmn->servers, i)) < 0) {
            g_mutex_unlock(&dmn->lock);
            return -1;
        }
    }
    g_mutex_unlock(&dmn->lock);
    if ((dmn->timer = virEventAddTimeout(1000, virNetDaemonTick, dmn, NULL)) < 0)
        return -1;
    while (!g_atomic_int_get(&dmn->quit))
        virEventRunDefaultImpl();
    return 0;
}

void
virNetDaemonClose(virNetDaemon *dmn)
{
    g_autofree virNetServer **servers = NULL;
    size_t n = virNetDaemonGetServers(dmn, &servers);
    size_t i;

    for (i = 0; i < n; i++) {
        virNetServerStop(servers[i]);
        virNetServerUnref(servers[i]);
    }
}
