/*
 * disk_source.h: a disk's <source> (file, block, dir, network, volume),
 * its <auth>, <encryption> and <backingStore> chain.
 *
 * The <auth> and <encryption> parts duplicate what storage_conf.c will
 * hold for pools and volumes; they are kept here, self-contained, until
 * the two are merged into one shared file.
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_STORAGE_TYPE_NONE = 0,
    VIR_STORAGE_TYPE_FILE,
    VIR_STORAGE_TYPE_BLOCK,
    VIR_STORAGE_TYPE_DIR,
    VIR_STORAGE_TYPE_NETWORK,
    VIR_STORAGE_TYPE_VOLUME,
    VIR_STORAGE_TYPE_NVME,
    VIR_STORAGE_TYPE_VHOST_USER,

    VIR_STORAGE_TYPE_LAST
} virStorageType;
VIR_ENUM_DECL(virDomainStorage);
VIR_ENUM_DECL(virDomainStorageFileFormat);

typedef struct {
    char *name;
    unsigned int port;
    unsigned int transport;     /* tcp, unix, rdma */
    char *socket;
} virDomainStorageHost;

typedef struct {
    char *usage;                /* usage='' or uuid='' */
    bool isUUID;
    char *type;                 /* <secret type=''> */
} virDomainSecretLookup;

typedef struct _virDomainStorageSource virDomainStorageSource;
struct _virDomainStorageSource {
    unsigned int type;          /* virStorageType */
    char *path;
    char *fdgroup;
    unsigned int protocol;      /* network */
    char *volume;               /* rbd / gluster pool part of name */
    char *query;
    virTristateBool tls;
    char *tlsHostname;
    virDomainStorageHost *hosts;
    size_t nhosts;
    char *snapshot;
    char *configFile;
    char *initiatorIqn;
    char *pool;                 /* volume */
    char *poolVolume;
    unsigned int poolMode;
    unsigned int format;        /* driver type / backingStore format */
    bool readonly;
    bool shared;
    unsigned int id;            /* index='' (live only) */
    unsigned long long metadataCacheMaxSize;

    bool authPresent;
    unsigned int authType;      /* none, chap, ceph */
    char *authUsername;
    virDomainSecretLookup authSecret;

    bool encryptionPresent;
    unsigned int encryptionFormat;
    unsigned int encryptionEngine;
    virDomainSecretLookup *encryptionSecrets;
    size_t nencryptionSecrets;

    virDomainDeviceSeclabels seclabels;
    virTristateBool reconnect;  /* vhostuser */
    unsigned int reconnectTimeout;
    virDomainStorageSource *backingStore;
};

void virDomainStorageSourceFree(virDomainStorageSource *src);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainStorageSource, virDomainStorageSourceFree);

/* Parse the children and attributes of <source> @node into @src (whose
 * type is already set). */
int virDomainStorageSourceParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                   virDomainStorageSource *src, unsigned int flags);
/* <auth> and <encryption> found beside <source> (disk-level). */
int virDomainStorageAuthParseXML(xmlNodePtr node, virDomainStorageSource *src);
int virDomainStorageEncryptionParseXML(xmlNodePtr node, virDomainStorageSource *src);
void virDomainStorageAuthFormat(virBuffer *buf, const virDomainStorageSource *src);
void virDomainStorageEncryptionFormat(virBuffer *buf, const virDomainStorageSource *src);
/* <backingStore> children of the element @ctxt points at. */
int virDomainStorageBackingStoreParseXML(xmlXPathContextPtr ctxt,
                                         virDomainStorageSource *src,
                                         unsigned int flags);

/* Format <@element ...> for @src; @policy is the startupPolicy string or
 * NULL; @withAuth / @withEnc: put <auth> / <encryption> inside;
 * @withIndex: add the live index=''. */
void virDomainStorageSourceFormat(virBuffer *buf, const virDomainStorageSource *src,
                                  const char *element, const char *policy,
                                  bool withAuth, bool withEnc, bool withIndex,
                                  unsigned int flags);
/* <format type=''> with its <metadata_cache>; nothing if neither is set. */
void virDomainStorageFormatFormat(virBuffer *buf, const virDomainStorageSource *src);
void virDomainStorageBackingStoreFormat(virBuffer *buf,
                                        const virDomainStorageSource *src,
                                        unsigned int flags);

/* No medium: a local source (file, block, dir) without a path, no
 * source at all, or a network source without a protocol. */
bool virDomainStorageSourceIsEmpty(const virDomainStorageSource *src);
