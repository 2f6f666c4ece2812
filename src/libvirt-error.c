/*
 * libvirt-error.c: the virterror.h calls that read or set a connection's
 * copy of the last error.
 */
#include "internal.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_EXPORT virErrorPtr
virConnGetLastError(virConnectPtr conn)
{
    if (!conn)
        return NULL;
    return &conn->err;
}

VIR_EXPORT int
virConnCopyLastError(virConnectPtr conn, virErrorPtr to)
{
    memset(to, 0, sizeof(*to));
    if (!conn)
        return -1;
    virObjectLock(conn);
    if (conn->err.code != VIR_ERR_OK)
        virCopyError(&conn->err, to);
    virObjectUnlock(conn);
    return to->code;
}

VIR_EXPORT void
virConnResetLastError(virConnectPtr conn)
{
    if (!conn)
        return;
    virObjectLock(conn);
    virResetError(&conn->err);
    virObjectUnlock(conn);
}

VIR_EXPORT void
virConnSetErrorFunc(virConnectPtr conn, void *userData, virErrorFunc handler)
{
    if (!conn)
        return;
    virObjectLock(conn);
    conn->handler = handler;
    conn->userData = userData;
    virObjectUnlock(conn);
}
