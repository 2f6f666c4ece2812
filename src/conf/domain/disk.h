/*
 * disk.h: <disk>.
 */
#pragma once

#include "conf/domain/device.h"
#include "conf/domain/disk_source.h"

typedef enum {
    VIR_DOMAIN_DISK_DEVICE_DISK = 0,
    VIR_DOMAIN_DISK_DEVICE_CDROM,
    VIR_DOMAIN_DISK_DEVICE_FLOPPY,
    VIR_DOMAIN_DISK_DEVICE_LUN,

    VIR_DOMAIN_DISK_DEVICE_LAST
} virDomainDiskDevice;

typedef enum {
    VIR_DOMAIN_DISK_BUS_NONE = 0,
    VIR_DOMAIN_DISK_BUS_IDE,
    VIR_DOMAIN_DISK_BUS_FDC,
    VIR_DOMAIN_DISK_BUS_SCSI,
    VIR_DOMAIN_DISK_BUS_VIRTIO,
    VIR_DOMAIN_DISK_BUS_XEN,
    VIR_DOMAIN_DISK_BUS_USB,
    VIR_DOMAIN_DISK_BUS_UML,
    VIR_DOMAIN_DISK_BUS_SATA,
    VIR_DOMAIN_DISK_BUS_SD,

    VIR_DOMAIN_DISK_BUS_LAST
} virDomainDiskBus;

#define VIR_DOMAIN_DISK_IOTUNE_FIELDS 19

typedef struct {
    virDomainStorageSource *src;
    unsigned int device;        /* virDomainDiskDevice */
    unsigned int bus;           /* virDomainDiskBus */
    unsigned int model;
    unsigned int snapshot;
    unsigned int sgio;
    virTristateBool rawio;
    unsigned int startupPolicy;
    char *dst;
    unsigned int tray;
    virTristateSwitch removable;
    unsigned int rotationRate;

    char *driverName;
    unsigned int cache, errorPolicy, rerrorPolicy, io, discard, detectZeroes;
    virTristateSwitch ioeventfd, eventIdx, copyOnRead;
    unsigned int iothread, queues, queueSize;
    virTristateSwitch iommu, ats, packed, pagePerVQ;

    unsigned int geometryCyls, geometryHeads, geometrySecs, geometryTrans;
    unsigned int logicalBlockSize, physicalBlockSize;
    unsigned long long iotune[VIR_DOMAIN_DISK_IOTUNE_FIELDS];
    char *iotuneGroup;

    bool diskElementAuth;       /* <auth> beside <source> rather than in it */
    bool diskElementEnc;
    bool transient;
    virTristateBool transientShareBacking;
    char *domainName;           /* <backenddomain> */
    char *serial, *wwn, *vendor, *product;
    /* <mirror> of a running block job (live XML only) */
    virDomainStorageSource *mirror;
    unsigned int mirrorJob;     /* VIR_DOMAIN_DISK_MIRROR_JOB_* */
    unsigned int mirrorState;   /* "none", "yes", "abort", "pivot" */
    virDomainDeviceInfo info;
} virDomainDiskDef;

void *virDomainDiskDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                               const virDomainDef *vmdef,
                               unsigned int flags);
int virDomainDiskDefFormat(virBuffer *buf, const void *dev,
                           const virDomainDef *def, unsigned int flags);
void virDomainDiskDefFree(void *dev);
int virDomainDiskDefValidate(const void *dev, const virDomainDef *def);
/* The disk @name names: its target ("vda"), or with a leading '/' its
 * source path, which must then be unique unless @allowAmbiguous. */
virDomainDiskDef *virDomainDiskByName(const virDomainDef *def, const char *name,
                                      bool allowAmbiguous);
/* Disks are kept ordered by target name within each bus. */
ssize_t virDomainDiskInsertPos(const virDomainDef *def, const void *dev,
                               void **state);
/* Driver-independent defaults: bus from the target name, read-only
 * CD-ROMs, drive addresses for IDE/SCSI/SATA/floppy disks. */
int virDomainDiskDefPostParse(virDomainDiskDef *disk);
