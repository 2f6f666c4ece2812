/*
 * hostdev.h: <hostdev> (subsystem usb / pci / scsi / scsi_host / mdev
 * and capabilities storage / misc / net), <redirdev> and <redirfilter>.
 */
#pragma once

#include "conf/domain/device.h"
#include "conf/domain/chr.h"
#include "conf/domain/disk_source.h"

typedef enum {
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB = 0,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST,
    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV,

    VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST
} virDomainHostdevSubsysType;

struct _virDomainHostdevDef {
    unsigned int mode;          /* 0 subsystem, 1 capabilities */
    unsigned int type;          /* subsystem or caps type */
    bool managed;
    unsigned int startupPolicy;
    /* usb */
    unsigned int vendor, product, usbBus, usbDevice;
    bool hasVendor;
    unsigned int guestReset;
    /* pci */
    unsigned int pciBackend;
    virTristateBool writeFiltering;
    virDomainPCIAddress pciAddr;
    /* scsi */
    unsigned int scsiProtocol;  /* adapter, iscsi */
    char *adapter;
    unsigned int scsiBus, scsiTarget;
    unsigned long long scsiUnit;
    char *iscsiName, *iscsiHost, *iscsiIqn;
    unsigned int iscsiPort;
    virDomainStorageSource *iscsiAuth;  /* only its <auth> part is used */
    unsigned int sgio;
    virTristateBool rawio;
    /* scsi_host */
    unsigned int hostProtocol;
    char *wwpn;
    unsigned int vhostModel;
    /* mdev */
    unsigned int mdevModel;
    char *mdevUUID;
    virTristateSwitch display, ramfb;
    /* capabilities */
    char *capsPath;             /* block / char / interface */
    bool readonly, shareable;
    unsigned int teamingType;
    char *teamingPersistent;
    virDomainDeviceInfo info;
    bool inNet;                 /* the <source> of an <interface type='hostdev'> */
};
typedef struct _virDomainHostdevDef virDomainHostdevDef;

void *virDomainHostdevDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                  const virDomainDef *vmdef, unsigned int flags);
int virDomainHostdevDefFormat(virBuffer *buf, const void *dev,
                              const virDomainDef *def, unsigned int flags);
void virDomainHostdevDefFree(void *dev);
/* The subsystem part, for <interface type='hostdev'>: @node is the
 * <interface>; the PCI/USB <source> is read from it. */
int virDomainHostdevSubsysParseXML(virDomainHostdevDef *def, xmlNodePtr node,
                                   xmlXPathContextPtr ctxt, const char *type,
                                   unsigned int flags);
void virDomainHostdevSubsysFormat(virBuffer *buf, const virDomainHostdevDef *def,
                                  unsigned int flags, bool typeInAddr);

typedef struct {
    unsigned int bus;           /* usb */
    virDomainChrSourceDef *source;
    virDomainDeviceInfo info;
} virDomainRedirdevDef;

void *virDomainRedirdevDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                   const virDomainDef *vmdef, unsigned int flags);
int virDomainRedirdevDefFormat(virBuffer *buf, const void *dev,
                               const virDomainDef *def, unsigned int flags);
void virDomainRedirdevDefFree(void *dev);
int virDomainRedirdevDefValidate(const void *dev, const virDomainDef *def);

typedef struct {
    int usbClass, vendor, product;      /* -1: any */
    char *version;
    bool allow;
} virDomainRedirFilterUSBDev;

typedef struct {
    virDomainRedirFilterUSBDev *usbdevs;
    size_t nusbdevs;
} virDomainRedirFilterDef;

void *virDomainRedirFilterDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                      const virDomainDef *vmdef, unsigned int flags);
int virDomainRedirFilterDefFormat(virBuffer *buf, const void *dev,
                                  const virDomainDef *def, unsigned int flags);
void virDomainRedirFilterDefFree(void *dev);
