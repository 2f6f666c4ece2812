/*
 * libvirt-storage.c: the storage entry points whose checks depend on
 * more than one argument (src/entry-points.def marks them manual); the
 * plain ones are generated.
 */
#include "internal.h"
#include "datatypes.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

/* virStorageVolUpload and virStorageVolDownload: a stream of the
 * volume's connection. */
static int
virStorageVolStreamCheck(virStorageVolPtr vol, virStreamPtr stream,
                         const char *function)
{
    if (vol->conn != stream->conn) {
        virReportInvalidArg(stream, "stream in %s must match connection of volume '%s'",
                            function, vol->name);
        return -1;
    }
    return 0;
}

VIR_EXPORT int
virStorageVolDownload(virStorageVolPtr vol, virStreamPtr stream,
                      unsigned long long offset, unsigned long long length,
                      unsigned int flags)
{
    virResetLastError();
    virCheckStorageVolReturn(vol, -1);
    virCheckStreamGoto(stream, error);
    virCheckReadOnlyGoto(vol->conn->flags, error);
    if (virStorageVolStreamCheck(vol, stream, __FUNCTION__) < 0)
        goto error;
    if (vol->conn->storageDriver && vol->conn->storageDriver->storageVolDownload) {
        if (vol->conn->storageDriver->storageVolDownload(vol, stream, offset,
                                                         length, flags) < 0)
            goto error;
        return 0;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(vol->conn);
    return -1;
}

VIR_EXPORT int
virStorageVolUpload(virStorageVolPtr vol, virStreamPtr stream,
                    unsigned long long offset, unsigned long long length,
                    unsigned int flags)
{
    virResetLastError();
    virCheckStorageVolReturn(vol, -1);
    virCheckStreamGoto(stream, error);
    virCheckReadOnlyGoto(vol->conn->flags, error);
    if (virStorageVolStreamCheck(vol, stream, __FUNCTION__) < 0)
        goto error;
    if (vol->conn->storageDriver && vol->conn->storageDriver->storageVolUpload) {
        if (vol->conn->storageDriver->storageVolUpload(vol, stream, offset,
                                                       length, flags) < 0)
            goto error;
        return 0;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(vol->conn);
    return -1;
}

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
