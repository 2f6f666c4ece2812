/*
 * libvirt-lxc.c: libvirt-lxc.so.0.  virDomainLxcOpenNamespace and
 * virDomainLxcEnterCGroup are generated; the two calls below act on the
 * calling process itself (setns, security labels) and need an LXC
 * driver, which nuvirt does not have.
 */
#include "internal.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_EXPORT int
virDomainLxcEnterNamespace(virDomainPtr domain, unsigned int nfdlist,
                           int *fdlist, unsigned int *noldfdlist,
                           int **oldfdlist, unsigned int flags)
{
    virResetLastError();
    virCheckDomainReturn(domain, -1);
    virReportUnsupportedError();
    virDispatchError(domain->conn);
    return -1;
}

VIR_EXPORT int
virDomainLxcEnterSecurityLabel(virSecurityModelPtr model,
                               virSecurityLabelPtr label,
                               virSecurityLabelPtr oldlabel,
                               unsigned int flags)
{
    virResetLastError();
    virReportUnsupportedError();
    virDispatchError(NULL);
    return -1;
}
