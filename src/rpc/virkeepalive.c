/*
 * virkeepalive.c: keepalive pings and pongs.
 */
#include "internal.h"
#include "rpc/virkeepalive.h"
#include "util/virlog.h"
#include "virkeepaliveprotocol.h"

#define VIR_FROM_THIS VIR_FROM_RPC

VIR_LOG_INIT("rpc.keepalive");

struct _virKeepAlive {
    int interval;                /* seconds */
    unsigned int count;
    unsigned int countToDeath;   /* pings we may still send unanswered */
    gint64 intervalStart;        /* seconds; 0: not started */
    gint64 lastPacketReceived;
};

static gint64
virKeepAliveNow(void)
{
    return g_get_monotonic_time() / G_USEC_PER_SEC;
}

virKeepAlive *
virKeepAliveNew(int interval, unsigned int count)
{
    virKeepAlive *ka = g_new0(virKeepAlive, 1);

    ka->interval = interval;
    ka->count = count;
    ka->countToDeath = count;
    return ka;
}

void
virKeepAliveFree(virKeepAlive *ka)
{
    g_free(ka);
}

void
virKeepAliveStart(virKeepAlive *ka, int interval, unsigned int count)
{
    if (interval > 0) {
        ka->interval = interval;
        ka->count = count;
    }
    ka->countToDeath = ka->count;
    ka->intervalStart = virKeepAliveNow();
    ka->lastPacketReceived = ka->intervalStart;
}

void
virKeepAliveStop(virKeepAlive *ka)
{
    ka->intervalStart = 0;
}

bool
virKeepAliveIsActive(virKeepAlive *ka)
{
    return ka && ka->interval > 0 && ka->intervalStart != 0;
}

int
virKeepAliveTimeout(virKeepAlive *ka)
{
    gint64 left;

    if (!virKeepAliveIsActive(ka))
        return -1;
    left = ka->interval - (virKeepAliveNow() - ka->intervalStart);
    if (left < 0)
        left = 0;
    if (left > G_MAXINT / 1000)
        left = G_MAXINT / 1000;
    return left * 1000;
}

virNetMessage *
virKeepAliveMessage(int proc)
{
    virNetMessage *msg = virNetMessageNew(false);

    msg->header.prog = KEEPALIVE_PROGRAM;
    msg->header.vers = KEEPALIVE_PROTOCOL_VERSION;
    msg->header.type = VIR_NET_MESSAGE;
    msg->header.proc = proc;
    if (virNetMessageEncodeHeader(msg) < 0 ||
        virNetMessageEncodePayloadEmpty(msg) < 0) {
        virNetMessageFree(msg);
        return NULL;
    }
    return msg;
}

bool
virKeepAliveTrigger(virKeepAlive *ka, virNetMessage **msg)
{
    gint64 now = virKeepAliveNow();

    *msg = NULL;
    if (!virKeepAliveIsActive(ka) || now - ka->intervalStart < ka->interval)
        return false;
    if (ka->countToDeath == 0) {
        VIR_DEBUG("no answer after %u keepalive messages in %d seconds",
                  ka->count, (int)(now - ka->lastPacketReceived));
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "connection closed due to keepalive timeout");
        return true;
    }
    ka->countToDeath--;
    ka->intervalStart = now;
    *msg = virKeepAliveMessage(KEEPALIVE_PROC_PING);
    return false;
}

bool
virKeepAliveCheckMessage(virKeepAlive *ka, virNetMessage *msg,
                         virNetMessage **response)
{
    *response = NULL;
    if (ka) {
        ka->countToDeath = ka->count;
        ka->lastPacketReceived = virKeepAliveNow();
        if (ka->intervalStart)
            ka->intervalStart = ka->lastPacketReceived;
    }
    if (msg->header.prog != KEEPALIVE_PROGRAM ||
        msg->header.vers != KEEPALIVE_PROTOCOL_VERSION ||
        msg->header.type != VIR_NET_MESSAGE)
        return false;
    if (msg->header.proc == KEEPALIVE_PROC_PING)
        *response = virKeepAliveMessage(KEEPALIVE_PROC_PONG);
    return true;
}
