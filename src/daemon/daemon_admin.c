/*
 * daemon_admin.c: the admin program on the admin socket (filled in by a
 * later change: until then every admin procedure is unknown).
 */
#include "internal.h"
#include "rpc/virnetdaemon.h"
#include "admin_protocol.h"

#define VIR_FROM_THIS VIR_FROM_ADMIN

virNetServerProgram *daemonAdminProgram(virNetDaemon *dmn);

static const virNetServerProgramProc adminProcs[1];

virNetServerProgram *
daemonAdminProgram(virNetDaemon *dmn G_GNUC_UNUSED)
{
    return virNetServerProgramNew(ADMIN_PROGRAM, ADMIN_PROTOCOL_VERSION, adminProcs, 0);
}
