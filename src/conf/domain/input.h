/*
 * input.h: <input> and <hub>.
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_DOMAIN_INPUT_TYPE_MOUSE = 0,
    VIR_DOMAIN_INPUT_TYPE_TABLET,
    VIR_DOMAIN_INPUT_TYPE_KBD,
    VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH,
    VIR_DOMAIN_INPUT_TYPE_EVDEV,

    VIR_DOMAIN_INPUT_TYPE_LAST
} virDomainInputType;

typedef enum {
    VIR_DOMAIN_INPUT_BUS_PS2 = 0,
    VIR_DOMAIN_INPUT_BUS_USB,
    VIR_DOMAIN_INPUT_BUS_XEN,
    VIR_DOMAIN_INPUT_BUS_PARALLELS,
    VIR_DOMAIN_INPUT_BUS_VIRTIO,
    VIR_DOMAIN_INPUT_BUS_NONE,

    VIR_DOMAIN_INPUT_BUS_LAST
} virDomainInputBus;

typedef struct {
    unsigned int type;          /* virDomainInputType */
    int bus;                    /* virDomainInputBus */
    unsigned int model;
    char *evdev;
    unsigned int grab, grabToggle;
    virTristateSwitch repeat;
    virTristateSwitch iommu, ats, packed, pagePerVQ;
    virDomainDeviceInfo info;
} virDomainInputDef;

void *virDomainInputDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                const virDomainDef *vmdef, unsigned int flags);
int virDomainInputDefFormat(virBuffer *buf, const void *dev,
                            const virDomainDef *def, unsigned int flags);
void virDomainInputDefFree(void *dev);

typedef struct {
    unsigned int type;          /* usb */
    virDomainDeviceInfo info;
} virDomainHubDef;

void *virDomainHubDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                              const virDomainDef *vmdef, unsigned int flags);
int virDomainHubDefFormat(virBuffer *buf, const void *dev,
                          const virDomainDef *def, unsigned int flags);
void virDomainHubDefFree(void *dev);
