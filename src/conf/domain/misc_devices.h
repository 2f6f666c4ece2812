/*
 * misc_devices.h: the smaller devices -- <smartcard>, <tpm>, <watchdog>,
 * <memballoon>, <rng>, <nvram>, <panic>, <iommu>, <vsock>
 * (misc_devices.c) and <lease>, <filesystem>, <shmem>, <memory>
 * (fs_memory.c).
 */
#pragma once

#include "conf/domain/device.h"
#include "conf/domain/chr.h"

#define DECLARE_DEVICE_OPS(name) \
    void *virDomain ## name ## DefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt, \
                                           const virDomainDef *vmdef, unsigned int flags); \
    int virDomain ## name ## DefFormat(virBuffer *buf, const void *dev, \
                                       const virDomainDef *def, unsigned int flags); \
    void virDomain ## name ## DefFree(void *dev)

typedef struct {
    unsigned int mode;          /* host, host-certificates, passthrough */
    char *certificates[3];
    char *database;
    virDomainChrSourceDef *passthru;
    virDomainDeviceInfo info;
} virDomainSmartcardDef;
DECLARE_DEVICE_OPS(Smartcard);
int virDomainSmartcardDefValidate(const void *dev, const virDomainDef *def);

typedef struct {
    unsigned int model;
    unsigned int type;          /* passthrough, emulator, external */
    char *path;                 /* passthrough device / external socket */
    unsigned int version;
    bool persistentState;
    char *secret;
    unsigned int activePcrBanks; /* bit per bank */
    bool activePcrBanksPresent;
    virDomainDeviceInfo info;
} virDomainTPMDef;
DECLARE_DEVICE_OPS(TPM);

typedef struct {
    unsigned int model;
    unsigned int action;
    virDomainDeviceInfo info;
} virDomainWatchdogDef;
DECLARE_DEVICE_OPS(Watchdog);

typedef enum {
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO,
    VIR_DOMAIN_MEMBALLOON_MODEL_XEN,
    VIR_DOMAIN_MEMBALLOON_MODEL_NONE,
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO_TRANSITIONAL,
    VIR_DOMAIN_MEMBALLOON_MODEL_VIRTIO_NON_TRANSITIONAL,

    VIR_DOMAIN_MEMBALLOON_MODEL_LAST
} virDomainMemballoonModel;

typedef struct {
    unsigned int model;         /* virDomainMemballoonModel */
    virTristateSwitch autodeflate, freePageReporting;
    int period;
    bool periodSet;
    virTristateSwitch iommu, ats, packed, pagePerVQ;
    virDomainDeviceInfo info;
} virDomainMemballoonDef;
DECLARE_DEVICE_OPS(Memballoon);

typedef struct {
    unsigned int model;
    unsigned int backend;       /* random, egd, builtin */
    unsigned int rate, period;
    char *file;
    virDomainChrSourceDef *chardev;
    virTristateSwitch iommu, ats, packed, pagePerVQ;
    virDomainDeviceInfo info;
} virDomainRNGDef;
DECLARE_DEVICE_OPS(RNG);
int virDomainRNGDefValidate(const void *dev, const virDomainDef *def);

typedef struct {
    virDomainDeviceInfo info;
} virDomainNVRAMDef;
DECLARE_DEVICE_OPS(NVRAM);

typedef struct {
    unsigned int model;
    virDomainDeviceInfo info;
} virDomainPanicDef;
DECLARE_DEVICE_OPS(Panic);

typedef struct {
    unsigned int model;
    virTristateSwitch intremap, cachingMode, eim, iotlb;
    unsigned int awBits;
    virDomainDeviceInfo info;
} virDomainIOMMUDef;
DECLARE_DEVICE_OPS(IOMMU);

typedef struct {
    unsigned int model;
    virTristateBool autoCid;
    unsigned int cid;
    virTristateSwitch iommu, ats, packed, pagePerVQ;
    virDomainDeviceInfo info;
} virDomainVsockDef;
DECLARE_DEVICE_OPS(Vsock);

typedef struct {
    char *lockspace;
    char *key;
    char *path;
    unsigned long long offset;
} virDomainLeaseDef;
DECLARE_DEVICE_OPS(Lease);

typedef struct {
    unsigned int type;          /* mount, block, file, template, ram, bind, volume */
    unsigned int accessmode;
    unsigned int model;
    unsigned int multidevs;
    unsigned int fmode, dmode;
    unsigned int fsdriver;
    unsigned int format;
    unsigned int wrpolicy;
    unsigned long long queueSize;
    char *binary;
    virTristateSwitch xattr, posixLock, flock;
    unsigned int cache, sandbox;
    int threadPoolSize;         /* -1 absent */
    char *src;                  /* dir / dev / file / name */
    char *sock;
    char *pool, *volume;
    unsigned long long usage;   /* ram, KiB */
    char *dst;
    bool readonly;
    unsigned long long spaceHardLimit, spaceSoftLimit;  /* bytes */
    virTristateSwitch iommu, ats, packed, pagePerVQ;
    virDomainDeviceInfo info;
} virDomainFSDef;
DECLARE_DEVICE_OPS(FS);

typedef struct {
    char *name;
    unsigned int role;
    unsigned int model;
    unsigned long long size;    /* bytes */
    bool serverEnabled;
    char *serverPath;
    bool msiEnabled;
    unsigned int msiVectors;
    virTristateSwitch msiIoeventfd;
    virDomainDeviceInfo info;
} virDomainShmemDef;
DECLARE_DEVICE_OPS(Shmem);

typedef struct {
    unsigned int model;         /* dimm, nvdimm, virtio-pmem, virtio-mem, sgx-epc */
    unsigned int access;
    virTristateBool discard;
    bool hasUUID;
    unsigned char uuid[16];
    char *nodemask;
    unsigned long long pagesize;    /* KiB */
    char *path;
    unsigned long long alignsize;
    bool pmem;
    unsigned long long size;        /* KiB */
    int targetNode;
    unsigned long long labelsize;
    bool readonly;
    unsigned long long blocksize, requestedsize, currentsize;
    virDomainDeviceInfo info;
} virDomainMemoryDeviceDef;
DECLARE_DEVICE_OPS(MemoryDevice);
