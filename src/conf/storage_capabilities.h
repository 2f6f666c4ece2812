/*
 * storage_capabilities.h: <storagepoolCapabilities>, the document of
 * virConnectGetStoragePoolCapabilities.  Formatted only; libvirt has no
 * parser (the reader in storage_capabilities.c is for tests).
 */
#pragma once

#include "conf/storage_conf.h"

typedef struct _virStoragePoolCaps virStoragePoolCaps;
struct _virStoragePoolCaps {
    bool supported[VIR_STORAGE_POOL_LAST];  /* the driver has this backend */
};

char *virStoragePoolCapsFormat(const virStoragePoolCaps *caps);
