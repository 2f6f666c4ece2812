/*
 * storage_source_conf.h: the storage elements volumes share with domain
 * disks: image format names, <permissions>, <secret>, <auth> and
 * <encryption>.
 */
#pragma once

#include <sys/types.h>
#include <libxml/xpath.h>

#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/viruuid.h"

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
