/*
 * storage_conf.h: storage pool documents <-> structs.
 *
 *   <pool type='dir'> ... </pool>        virStoragePoolDef
 *
 * Volumes (parsed against the pool they live in) are in
 * storage_vol_conf.h; the elements the domain's disks share with volumes
 * (<auth>, <encryption>, <permissions>, the image format names) in
 * storage_source_conf.h, and the scsi pool's <adapter> in
 * storage_adapter_conf.h, both included here.
 *
 * What each pool type's <source> holds and requires, its target and the
 * format names of its pools and volumes come from one per-type table in
 * storage_conf.c.  Parsing checks syntax and the per-type requirements
 * only; the storage driver fills capacity, extents and timestamps.
 */
#pragma once

#include <libxml/xpath.h>

#include "conf/storage_adapter_conf.h"
#include "conf/storage_source_conf.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/viruuid.h"

typedef enum {
    VIR_STORAGE_POOL_DIR = 0,
    VIR_STORAGE_POOL_FS,
    VIR_STORAGE_POOL_NETFS,
    VIR_STORAGE_POOL_LOGICAL,
    VIR_STORAGE_POOL_DISK,
    VIR_STORAGE_POOL_ISCSI,
    VIR_STORAGE_POOL_ISCSI_DIRECT,
    VIR_STORAGE_POOL_SCSI,
    VIR_STORAGE_POOL_MPATH,
    VIR_STORAGE_POOL_RBD,
    VIR_STORAGE_POOL_SHEEPDOG,
    VIR_STORAGE_POOL_GLUSTER,
    VIR_STORAGE_POOL_ZFS,
    VIR_STORAGE_POOL_VSTORAGE,

    VIR_STORAGE_POOL_LAST
} virStoragePoolType;
VIR_ENUM_DECL(virStoragePool);

/* <source><format type='...'/> of fs, netfs, disk and logical pools */
typedef enum {
    VIR_STORAGE_POOL_FS_AUTO = 0,
    VIR_STORAGE_POOL_FS_EXT2,
    VIR_STORAGE_POOL_FS_EXT3,
    VIR_STORAGE_POOL_FS_EXT4,
    VIR_STORAGE_POOL_FS_UFS,
    VIR_STORAGE_POOL_FS_ISO,
    VIR_STORAGE_POOL_FS_UDF,
    VIR_STORAGE_POOL_FS_GFS,
    VIR_STORAGE_POOL_FS_GFS2,
    VIR_STORAGE_POOL_FS_VFAT,
    VIR_STORAGE_POOL_FS_HFSPLUS,
    VIR_STORAGE_POOL_FS_XFS,
    VIR_STORAGE_POOL_FS_OCFS2,
    VIR_STORAGE_POOL_FS_VMFS,

    VIR_STORAGE_POOL_FS_LAST
} virStoragePoolFormatFileSystem;
VIR_ENUM_DECL(virStoragePoolFormatFileSystem);

typedef enum {
    VIR_STORAGE_POOL_NETFS_AUTO = 0,
    VIR_STORAGE_POOL_NETFS_NFS,
    VIR_STORAGE_POOL_NETFS_GLUSTERFS,
    VIR_STORAGE_POOL_NETFS_CIFS,

    VIR_STORAGE_POOL_NETFS_LAST
} virStoragePoolFormatFileSystemNet;
VIR_ENUM_DECL(virStoragePoolFormatFileSystemNet);

typedef enum {
    VIR_STORAGE_POOL_DISK_UNKNOWN = 0,
    VIR_STORAGE_POOL_DISK_DOS,
    VIR_STORAGE_POOL_DISK_DVH,
    VIR_STORAGE_POOL_DISK_GPT,
    VIR_STORAGE_POOL_DISK_MAC,
    VIR_STORAGE_POOL_DISK_BSD,
    VIR_STORAGE_POOL_DISK_PC98,
    VIR_STORAGE_POOL_DISK_SUN,
    VIR_STORAGE_POOL_DISK_LVM2,

    VIR_STORAGE_POOL_DISK_LAST
} virStoragePoolFormatDisk;
VIR_ENUM_DECL(virStoragePoolFormatDisk);

typedef enum {
    VIR_STORAGE_POOL_LOGICAL_UNKNOWN = 0,
    VIR_STORAGE_POOL_LOGICAL_LVM2,

    VIR_STORAGE_POOL_LOGICAL_LAST
} virStoragePoolFormatLogical;
VIR_ENUM_DECL(virStoragePoolFormatLogical);

/* <refresh><volume allocation='...'/></refresh> */
typedef enum {
    VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_DEFAULT = 0,
    VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_CAPACITY,

    VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_LAST
} virStorageVolDefRefreshAllocation;
VIR_ENUM_DECL(virStorageVolDefRefreshAllocation);

typedef struct _virStoragePoolSourceHost virStoragePoolSourceHost;
struct _virStoragePoolSourceHost {
    char *name;
    int port;                   /* 0: not given */
};

/* Free space on a disk pool's device, filled by the driver. */
typedef struct _virStoragePoolSourceDeviceExtent virStoragePoolSourceDeviceExtent;
struct _virStoragePoolSourceDeviceExtent {
    unsigned long long start;
    unsigned long long end;
};

typedef struct _virStoragePoolSourceDevice virStoragePoolSourceDevice;
struct _virStoragePoolSourceDevice {
    char *path;
    virTristateBool part_separator;
    size_t nfreeExtent;
    virStoragePoolSourceDeviceExtent *freeExtents;
};

typedef struct _virStoragePoolSource virStoragePoolSource;
struct _virStoragePoolSource {
    size_t nhost;
    virStoragePoolSourceHost *hosts;
    size_t ndevice;
    virStoragePoolSourceDevice *devices;
    char *dir;
    virStorageAdapter adapter;
    char *name;
    char *initiatorIqn;         /* <initiator><iqn name='...'/> */
    virStorageAuthDef *auth;
    char *vendor;
    char *product;
    int format;                 /* the pool type's format enum */
    char *protocolVer;          /* netfs <protocol ver='...'/> */
};

typedef struct _virStoragePoolTarget virStoragePoolTarget;
struct _virStoragePoolTarget {
    char *path;
    virStoragePerms perms;
};

/* The fs:mount_opts (fs, netfs) or rbd:config_opts (rbd) namespace
 * element: options, each a name and (rbd only) a value. */
typedef struct _virStoragePoolNSOptions virStoragePoolNSOptions;
struct _virStoragePoolNSOptions {
    size_t noptions;
    char **names;
    char **values;
};

typedef struct _virStoragePoolDef virStoragePoolDef;
struct _virStoragePoolDef {
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    virStoragePoolType type;

    virTristateBool cow;        /* <features><cow state=/> (fs, dir) */
    bool hasRefresh;
    virStorageVolDefRefreshAllocation refreshAllocation;

    /* output only, filled by the driver */
    unsigned long long capacity;
    unsigned long long allocation;
    unsigned long long available;

    virStoragePoolSource source;
    virStoragePoolTarget target;
    virStoragePoolNSOptions *nsopts;
};

void virStoragePoolSourceClear(virStoragePoolSource *source);
void virStoragePoolSourceFree(virStoragePoolSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePoolSource, virStoragePoolSourceFree);
void virStoragePoolDefFree(virStoragePoolDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePoolDef, virStoragePoolDefFree);

/* Parse flags: VIR_STORAGE_POOL_DEFINE_VALIDATE (not checked yet). */
virStoragePoolDef *virStoragePoolDefParseString(const char *xmlStr,
                                                unsigned int flags);
virStoragePoolDef *virStoragePoolDefParseNode(xmlDocPtr xml, xmlNodePtr root);
virStoragePoolDef *virStoragePoolDefParseXML(xmlXPathContextPtr ctxt);
char *virStoragePoolDefFormat(const virStoragePoolDef *def);

/* A lone <source> as virConnectFindStoragePoolSources takes it, and the
 * <sources> list it answers with. */
virStoragePoolSource *virStoragePoolDefParseSourceString(const char *srcSpec,
                                                         virStoragePoolType type);
char *virStoragePoolSourceListFormat(virStoragePoolType type,
                                     virStoragePoolSource *sources,
                                     size_t nsources);
