/*
 * libvirt-storage.c: the storage entry points whose checks depend on
 * more than one argument (src/entry-points.def marks them manual); the
 * plain ones are generated.
 */
#include "internal.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_EXPORT int
virStorageVolResize(virStorageVolPtr vol, unsigned long long capacity,
                    unsigned int flags)
{
    virResetLastError();
    virCheckStorageVolReturn(vol, -1);
    virCheckReadOnlyGoto(vol->conn->flags, error);
    /* only a change relative to the capacity, or a shrink, may be zero */
    if (capacity == 0 && !(flags & (VIR_STORAGE_VOL_RESIZE_DELTA |
                                    VIR_STORAGE_VOL_RESIZE_SHRINK))) {
        virReportInvalidArg(capacity,
                            "capacity in %s cannot be zero without 'delta' or 'shrink' flags set",
                            __FUNCTION__);
        goto error;
    }
    if (vol->conn->storageDriver && vol->conn->storageDriver->storageVolResize) {
        if (vol->conn->storageDriver->storageVolResize(vol, capacity, flags) < 0)
            goto error;
        return 0;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(vol->conn);
    return -1;
}
