/*
 * storage_adapter_conf.h: the <source><adapter> of scsi pools.
 */
#pragma once

#include "util/virenum.h"

typedef enum {
    VIR_STORAGE_ADAPTER_TYPE_DEFAULT = 0,
    VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST,
    VIR_STORAGE_ADAPTER_TYPE_FC_HOST,

    VIR_STORAGE_ADAPTER_TYPE_LAST
} virStorageAdapterType;
VIR_ENUM_DECL(virStorageAdapter);

/* <parentaddr><address domain= bus= slot= function=/></parentaddr> */
typedef struct _virStorageAdapterPCIAddr virStorageAdapterPCIAddr;
struct _virStorageAdapterPCIAddr {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
    virTristateSwitch multi;
};

typedef struct _virStorageAdapterSCSIHost virStorageAdapterSCSIHost;
struct _virStorageAdapterSCSIHost {
    char *name;                 /* scsi_hostN, or ... */
    bool has_parent;            /* ... a PCI parent and unique_id */
    virStorageAdapterPCIAddr parentaddr;
    int unique_id;
};

typedef struct _virStorageAdapterFCHost virStorageAdapterFCHost;
struct _virStorageAdapterFCHost {
    char *parent;
    char *parent_wwnn;
    char *parent_wwpn;
    char *parent_fabric_wwn;
    char *wwnn;
    char *wwpn;
    virTristateBool managed;
};

typedef struct _virStorageAdapter virStorageAdapter;
struct _virStorageAdapter {
    virStorageAdapterType type;
    virStorageAdapterSCSIHost scsi_host;    /* type scsi_host */
    virStorageAdapterFCHost fchost;         /* type fc_host */
};
