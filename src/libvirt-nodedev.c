/*
 * libvirt-nodedev.c: the node device entry points that are not of the
 * one generated shape.
 */
#include "internal.h"
#include "datatypes.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

VIR_LOG_INIT("libvirt.nodedev");

/*
 * The parent's name is asked of the driver once and kept in the handle
 * (a lookup may have filled it already).  As in libvirt, a driver's
 * failure returns NULL with its error as the thread's last error but not
 * dispatched to the connection.
 */
VIR_EXPORT const char *
virNodeDeviceGetParent(virNodeDevicePtr dev)
{
    VIR_DEBUG("dev=%p", dev);
    virResetLastError();
    virCheckNodeDeviceReturn(dev, NULL);

    if (!dev->parentName) {
        virNodeDeviceDriver *drv = dev->conn->nodeDeviceDriver;

        if (!drv || !drv->nodeDeviceGetParent) {
            virReportUnsupportedError();
            virDispatchError(dev->conn);
            return NULL;
        }
        dev->parentName = drv->nodeDeviceGetParent(dev);
    }
    return dev->parentName;
}
