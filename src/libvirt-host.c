/*
 * libvirt-host.c: the host (node and connection) entry points that do
 * not have the plain generated shape.
 */
#include "internal.h"
#include "datatypes.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("libvirt.host");

VIR_EXPORT int
virNodeGetCPUStats(virConnectPtr conn, int cpuNum, virNodeCPUStatsPtr params,
                   int *nparams, unsigned int flags)
{
    VIR_DEBUG("conn=%p, cpuNum=%d, params=%p, nparams=%d, flags=0x%x",
              conn, cpuNum, params, nparams ? *nparams : -1, flags);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    virCheckNonNullArgGoto(nparams, error);
    if (*nparams < 0) {
        virReportInvalidNonNegativeArg(*nparams);
        goto error;
    }
    if (cpuNum < 0 && cpuNum != VIR_NODE_CPU_STATS_ALL_CPUS) {
        virReportInvalidArg(cpuNum, "cpuNum in %s only accepts %d as a negative value",
                            __FUNCTION__, VIR_NODE_CPU_STATS_ALL_CPUS);
        goto error;
    }
    if (conn->driver->nodeGetCPUStats) {
        int ret = conn->driver->nodeGetCPUStats(conn, cpuNum, params, nparams, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}
