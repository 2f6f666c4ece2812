/*
 * daemon_events.c: events of the client's connection relayed to the
 * client (filled in by the next change).
 */
#include "internal.h"
#include "daemon/daemon_client.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

void
remoteEventsDeregisterAll(daemonClient *dc G_GNUC_UNUSED, virConnectPtr conn G_GNUC_UNUSED)
{
}
