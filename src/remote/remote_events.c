/*
 * remote_events.c: events relayed from the daemon to the client's event
 * loop (filled in by the next change).
 */
#include "internal.h"
#include "remote/remote_client.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

const virNetClientProgramEvent remoteEvents[] = {
    { 0, NULL, 0, NULL },
};
const size_t remoteNEvents = 0;
const virNetClientProgramEvent qemuEvents[] = {
    { 0, NULL, 0, NULL },
};
const size_t qemuNEvents = 0;

void
remoteEventsFillDrivers(virHypervisorDriver *hv G_GNUC_UNUSED)
{
}
