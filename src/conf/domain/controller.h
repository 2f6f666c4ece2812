/*
 * controller.h: <controller>.
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_DOMAIN_CONTROLLER_TYPE_IDE = 0,
    VIR_DOMAIN_CONTROLLER_TYPE_FDC,
    VIR_DOMAIN_CONTROLLER_TYPE_SCSI,
    VIR_DOMAIN_CONTROLLER_TYPE_SATA,
    VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL,
    VIR_DOMAIN_CONTROLLER_TYPE_CCID,
    VIR_DOMAIN_CONTROLLER_TYPE_USB,
    VIR_DOMAIN_CONTROLLER_TYPE_PCI,
    VIR_DOMAIN_CONTROLLER_TYPE_XENBUS,
    VIR_DOMAIN_CONTROLLER_TYPE_ISA,

    VIR_DOMAIN_CONTROLLER_TYPE_LAST
} virDomainControllerType;

#define VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE 13

typedef struct {
    unsigned int type;          /* virDomainControllerType */
    int idx;                    /* -1 until assigned */
    int model;                  /* per-type model enum, -1 if none */
    int ports;                  /* usb / virtio-serial, -1 if unset */
    int vectors;                /* virtio-serial */
    int maxGrantFrames;         /* xenbus */
    int maxEventChannels;
    /* pci */
    unsigned int modelName;
    int chassisNr, chassis, port, busNr, targetIndex, numaNode;
    virTristateSwitch hotplug;
    bool pcihole64;
    unsigned long long pcihole64Size;   /* KiB */
    /* <driver> */
    unsigned int queues, cmdPerLun, maxSectors, iothread;
    virTristateSwitch ioeventfd, iommu, ats, packed, pagePerVQ;
    virDomainDeviceInfo info;
} virDomainControllerDef;

virDomainControllerDef *virDomainControllerDefNew(unsigned int type);
void *virDomainControllerDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                     const virDomainDef *vmdef,
                                     unsigned int flags);
int virDomainControllerDefFormat(virBuffer *buf, const void *dev,
                                 const virDomainDef *def, unsigned int flags);
void virDomainControllerDefFree(void *dev);

/* Whether @cont is a USB2 controller (EHCI1 or one of its UHCI
 * companions). */
bool virDomainControllerIsUSB2(const virDomainControllerDef *cont);
/* Controllers are kept ordered by type and index, masters before their
 * companions. */
ssize_t virDomainControllerInsertPos(const virDomainDef *def, const void *dev,
                                     void **state);
VIR_ENUM_DECL(virDomainController);
