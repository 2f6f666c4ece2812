/*
 * storage_vol_conf.h: storage volume documents <-> structs.
 *
 *   <volume type='file'> ... </volume>   virStorageVolDef (parsed against
 *                                        the pool it lives in)
 */
#pragma once

#include <time.h>

#include "conf/storage_conf.h"

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
    VIR_VOL_XML_PARSE_VALIDATE = 1 << 2,      /* refused, as by libvirt 9.0.0 */
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
