/*
 * storage_conf.h: storage pool and storage volume documents <-> structs.
 *
 *   <pool type='dir'> ... </pool>        virStoragePoolDef
 *   <volume type='file'> ... </volume>   virStorageVolDef (parsed against
 *                                        the pool it lives in)
 *
 * Also the elements the domain's disks share with volumes: <auth>,
 * <encryption>, <permissions>, the image format names.
 *
 * What each pool type's <source> holds and requires, its target and the
 * format names of its pools and volumes come from one per-type table in
 * storage_conf.c.  Parsing checks syntax and the per-type requirements
 * only; the storage driver fills capacity, extents and timestamps.
 */
#pragma once

#include <sys/types.h>
#include <time.h>
#include <libxml/xpath.h>

#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/viruuid.h"

/* ---- shared storage elements ---- */

/* Image formats of volumes on file-based pools (and of domain disks). */
typedef enum {
    VIR_STORAGE_FILE_NONE = 0,
    VIR_STORAGE_FILE_RAW,
    VIR_STORAGE_FILE_DIR,
    VIR_STORAGE_FILE_BOCHS,
    VIR_STORAGE_FILE_CLOOP,
    VIR_STORAGE_FILE_DMG,
    VIR_STORAGE_FILE_ISO,
    VIR_STORAGE_FILE_VPC,
    VIR_STORAGE_FILE_VDI,
    VIR_STORAGE_FILE_FAT,
    VIR_STORAGE_FILE_VHD,
    VIR_STORAGE_FILE_PLOOP,
    VIR_STORAGE_FILE_COW,       /* formats with a backing file from here */
    VIR_STORAGE_FILE_QCOW,
    VIR_STORAGE_FILE_QCOW2,
    VIR_STORAGE_FILE_QED,
    VIR_STORAGE_FILE_VMDK,

    VIR_STORAGE_FILE_LAST
} virStorageFileFormat;
VIR_ENUM_DECL(virStorageFileFormat);

/* Children of a volume target's <features>. */
typedef enum {
    VIR_STORAGE_FILE_FEATURE_LAZY_REFCOUNTS = 0,
    VIR_STORAGE_FILE_FEATURE_EXTENDED_L2,

    VIR_STORAGE_FILE_FEATURE_LAST
} virStorageFileFeature;
VIR_ENUM_DECL(virStorageFileFeature);

/* <permissions>: -1 in a field means "not given". */
typedef struct _virStoragePerms virStoragePerms;
struct _virStoragePerms {
    int mode;           /* 0..0777 */
    uid_t uid;
    gid_t gid;
    char *label;
};

/* <secret uuid='...'/> or <secret usage='...'/> */
typedef enum {
    VIR_SECRET_LOOKUP_TYPE_NONE = 0,
    VIR_SECRET_LOOKUP_TYPE_UUID,
    VIR_SECRET_LOOKUP_TYPE_USAGE,

    VIR_SECRET_LOOKUP_TYPE_LAST
} virSecretLookupType;

typedef struct _virSecretLookupTypeDef virSecretLookupTypeDef;
struct _virSecretLookupTypeDef {
    virSecretLookupType type;
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *usage;
};

/* <auth type='chap|ceph' username='...'><secret .../></auth> */
typedef enum {
    VIR_STORAGE_AUTH_TYPE_NONE = 0,
    VIR_STORAGE_AUTH_TYPE_CHAP,
    VIR_STORAGE_AUTH_TYPE_CEPH,

    VIR_STORAGE_AUTH_TYPE_LAST
} virStorageAuthType;
VIR_ENUM_DECL(virStorageAuth);

typedef struct _virStorageAuthDef virStorageAuthDef;
struct _virStorageAuthDef {
    char *username;
    virStorageAuthType authType;
    char *secrettype;           /* <secret type='...'>, for domain disks */
    virSecretLookupTypeDef seclookupdef;
};

void virStorageAuthDefFree(virStorageAuthDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageAuthDef, virStorageAuthDefFree);
virStorageAuthDef *virStorageAuthDefParse(xmlNodePtr node,
                                          xmlXPathContextPtr ctxt);
void virStorageAuthDefFormat(virBuffer *buf, const virStorageAuthDef *def);

/* <encryption format='...' [engine='...']> */
typedef enum {
    VIR_STORAGE_ENCRYPTION_SECRET_TYPE_PASSPHRASE = 0,

    VIR_STORAGE_ENCRYPTION_SECRET_TYPE_LAST
} virStorageEncryptionSecretType;
VIR_ENUM_DECL(virStorageEncryptionSecret);

typedef enum {
    VIR_STORAGE_ENCRYPTION_FORMAT_DEFAULT = 0,
    VIR_STORAGE_ENCRYPTION_FORMAT_QCOW,
    VIR_STORAGE_ENCRYPTION_FORMAT_LUKS,
    VIR_STORAGE_ENCRYPTION_FORMAT_LUKS2,

    VIR_STORAGE_ENCRYPTION_FORMAT_LAST
} virStorageEncryptionFormatType;
VIR_ENUM_DECL(virStorageEncryptionFormat);

typedef enum {
    VIR_STORAGE_ENCRYPTION_ENGINE_DEFAULT = 0,
    VIR_STORAGE_ENCRYPTION_ENGINE_QEMU,
    VIR_STORAGE_ENCRYPTION_ENGINE_LIBRBD,

    VIR_STORAGE_ENCRYPTION_ENGINE_LAST
} virStorageEncryptionEngine;
VIR_ENUM_DECL(virStorageEncryptionEngine);

typedef struct _virStorageEncryptionSecret virStorageEncryptionSecret;
struct _virStorageEncryptionSecret {
    virStorageEncryptionSecretType type;
    virSecretLookupTypeDef seclookupdef;
};

/* LUKS <cipher> and <ivgen> */
typedef struct _virStorageEncryptionInfoDef virStorageEncryptionInfoDef;
struct _virStorageEncryptionInfoDef {
    unsigned int cipher_size;
    char *cipher_name;
    char *cipher_mode;
    char *cipher_hash;
    char *ivgen_name;
    char *ivgen_hash;
};

typedef struct _virStorageEncryption virStorageEncryption;
struct _virStorageEncryption {
    virStorageEncryptionFormatType format;
    virStorageEncryptionEngine engine;
    size_t nsecrets;
    virStorageEncryptionSecret *secrets;
    virStorageEncryptionInfoDef encinfo;
};

void virStorageEncryptionFree(virStorageEncryption *enc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageEncryption, virStorageEncryptionFree);
virStorageEncryption *virStorageEncryptionParseNode(xmlNodePtr node,
                                                    xmlXPathContextPtr ctxt);
void virStorageEncryptionFormat(virBuffer *buf, const virStorageEncryption *enc);

/* ---- <source><adapter> of scsi pools ---- */

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

/* ---- storage pools ---- */

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

/* ---- storage volumes ---- */

/* Disk pool partition types (volume <format>) */
typedef enum {
    VIR_STORAGE_VOL_DISK_NONE = 0,
    VIR_STORAGE_VOL_DISK_LINUX,
    VIR_STORAGE_VOL_DISK_FAT16,
    VIR_STORAGE_VOL_DISK_FAT32,
    VIR_STORAGE_VOL_DISK_LINUX_SWAP,
    VIR_STORAGE_VOL_DISK_LINUX_LVM,
    VIR_STORAGE_VOL_DISK_LINUX_RAID,
    VIR_STORAGE_VOL_DISK_EXTENDED,

    VIR_STORAGE_VOL_DISK_LAST
} virStorageVolFormatDisk;
VIR_ENUM_DECL(virStorageVolFormatDisk);

/* <volume type='...'> names virStorageVolType's values */
VIR_ENUM_DECL(virStorageVol);

typedef struct _virStorageVolSourceExtent virStorageVolSourceExtent;
struct _virStorageVolSourceExtent {
    char *path;
    unsigned long long start;
    unsigned long long end;
};

typedef struct _virStorageVolTimestamps virStorageVolTimestamps;
struct _virStorageVolTimestamps {
    struct timespec atime;      /* tv_nsec < 0: not known */
    struct timespec btime;
    struct timespec ctime;
    struct timespec mtime;
};

/* A volume's <target>, or its <backingStore> (path, format, perms). */
typedef struct _virStorageVolTarget virStorageVolTarget;
struct _virStorageVolTarget {
    char *path;
    int format;                 /* the pool type's volume format enum */
    virStoragePerms perms;
    virStorageVolTimestamps *timestamps;    /* filled by the driver */
    virStorageEncryption *encryption;
    char *compat;
    bool nocow;
    unsigned long long clusterSize;
    bool hasFeatures;           /* <features> given, maybe empty */
    unsigned int features;      /* 1 << virStorageFileFeature */

    unsigned long long capacity;
    unsigned long long allocation;
    bool has_allocation;
    unsigned long long physical;            /* output only */

    virStorageVolTarget *backingStore;
};

typedef struct _virStorageVolDef virStorageVolDef;
struct _virStorageVolDef {
    char *name;
    char *key;
    virStorageVolType type;

    size_t nextent;             /* <source><device><extent>: driver-filled */
    virStorageVolSourceExtent *extents;

    virStorageVolTarget target;
};

typedef enum {
    VIR_VOL_XML_PARSE_NO_CAPACITY = 1 << 0,   /* capacity may be missing */
    VIR_VOL_XML_PARSE_OPT_CAPACITY = 1 << 1,  /* ... if there is a backing store */
    VIR_VOL_XML_PARSE_VALIDATE = 1 << 2,      /* not checked yet */
} virStorageVolDefParseFlags;

void virStorageVolDefFree(virStorageVolDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStorageVolDef, virStorageVolDefFree);

virStorageVolDef *virStorageVolDefParseString(const virStoragePoolDef *pool,
                                              const char *xmlStr,
                                              unsigned int flags);
virStorageVolDef *virStorageVolDefParseNode(const virStoragePoolDef *pool,
                                            xmlDocPtr xml, xmlNodePtr root,
                                            unsigned int flags);
virStorageVolDef *virStorageVolDefParseXML(const virStoragePoolDef *pool,
                                           xmlXPathContextPtr ctxt,
                                           unsigned int flags);
char *virStorageVolDefFormat(const virStoragePoolDef *pool,
                             const virStorageVolDef *def);
