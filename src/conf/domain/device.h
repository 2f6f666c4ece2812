/*
 * device.h: the device framework of the <domain> document.
 *
 * Every device kind (<disk>, <controller>, <interface>, ...) is one row
 * of a table (device.c): its element name, where its list lives in
 * virDomainDef, where its common device info lives in its struct, and
 * its parse / format / free functions.  Generic code walks the table;
 * nothing outside a device's own file switches on the device kind.
 *
 * The common device info is what every device may carry: <alias>,
 * <address> of any type, <boot order>, <rom>, <acpi index>, <master>.
 *
 * Adding a device kind: a value in virDomainDeviceType (its position is
 * its place in libvirt's output order), a list in virDomainDef, a family
 * file with struct + parse / format / free (+ validate), and one row in
 * device.c's table; G_STATIC_ASSERT there catches a missing row.
 */
#pragma once

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virxml.h"

typedef struct _virDomainDef virDomainDef;

/* Parse flags (libvirt's values are internal; these are nuvirt's). */
typedef enum {
    VIR_DOMAIN_DEF_PARSE_INACTIVE = 1 << 0,   /* drop live-only data */
    VIR_DOMAIN_DEF_PARSE_ALLOW_BOOT = 1 << 1, /* device accepts <boot order> */
    VIR_DOMAIN_DEF_PARSE_ALLOW_ROM = 1 << 2,  /* device accepts <rom> */
} virDomainDefParseFlags;

/* Format flags. */
typedef enum {
    VIR_DOMAIN_DEF_FORMAT_SECURE = 1 << 0,    /* include passwords */
    VIR_DOMAIN_DEF_FORMAT_INACTIVE = 1 << 1,  /* no live-only data */
    VIR_DOMAIN_DEF_FORMAT_ALLOW_BOOT = 1 << 2,
    VIR_DOMAIN_DEF_FORMAT_ALLOW_ROM = 1 << 3,
    VIR_DOMAIN_DEF_FORMAT_MIGRATABLE = 1 << 4, /* for another host: no implicit
                                                * PS/2 or Xen keyboard */
} virDomainDefFormatFlags;

typedef enum {
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE = 0,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM,
    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED,

    VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST
} virDomainDeviceAddressType;
VIR_ENUM_DECL(virDomainDeviceAddress);

#define VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH 4

typedef struct {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
    virTristateSwitch multi;
    bool zpciUidSet;
    bool zpciFidSet;
    unsigned int zpciUid;
    unsigned int zpciFid;
} virDomainPCIAddress;

typedef struct {
    unsigned int controller;
    unsigned int bus;
    unsigned int target;
    unsigned int unit;
} virDomainDriveAddress;

typedef struct {
    unsigned int controller;
    unsigned int bus;
    unsigned int port;
} virDomainVirtioSerialAddress;

typedef struct {
    unsigned int controller;
    unsigned int slot;
} virDomainCcidAddress;

typedef struct {
    unsigned int bus;
    unsigned int port[VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH];
} virDomainUSBAddress;

typedef struct {
    unsigned long long reg;
    bool hasReg;
} virDomainSpaprVioAddress;

typedef struct {
    unsigned int cssid;
    unsigned int ssid;
    unsigned int devno;
    bool assigned;
} virDomainCCWAddress;

typedef struct {
    unsigned int iobase;
    unsigned int irq;
} virDomainISAAddress;

typedef struct {
    unsigned int slot;
    unsigned long long base;
} virDomainDimmAddress;

typedef struct {
    char *alias;
    virDomainDeviceAddressType type;
    union {
        virDomainPCIAddress pci;
        virDomainDriveAddress drive;
        virDomainVirtioSerialAddress vioserial;
        virDomainCcidAddress ccid;
        virDomainUSBAddress usb;
        virDomainSpaprVioAddress spaprvio;
        virDomainCCWAddress ccw;
        virDomainISAAddress isa;
        virDomainDimmAddress dimm;
    } addr;
    bool hasMaster;             /* <master startport=''/> (USB companions) */
    unsigned int masterStartport;
    unsigned int bootIndex;     /* <boot order=''/>, 0 if none */
    char *loadparm;
    virTristateBool romenabled; /* <rom enabled bar file/> */
    virTristateSwitch rombar;
    char *romfile;
    unsigned int acpiIndex;     /* <acpi index=''/>, 0 if none */
} virDomainDeviceInfo;

void virDomainDeviceInfoClear(virDomainDeviceInfo *info);

/* <seclabel> overrides inside a device's <source>. */
typedef struct {
    char *model;
    char *label;
    bool relabel;
    bool labelskip;
} virDomainDeviceSeclabel;

typedef struct {
    virDomainDeviceSeclabel *labels;
    size_t nlabels;
} virDomainDeviceSeclabels;

void virDomainDeviceSeclabelsClear(virDomainDeviceSeclabels *labels);
/* The <seclabel> children of @node. */
int virDomainDeviceSeclabelsParseXML(xmlNodePtr node, virDomainDeviceSeclabels *labels,
                                     unsigned int flags);
void virDomainDeviceSeclabelsFormat(virBuffer *buf, const virDomainDeviceSeclabels *labels,
                                    unsigned int flags);

/* Parse the info children of @node (alias, master, boot, rom, acpi,
 * address); flags say whether <boot> and <rom> are accepted. */
int virDomainDeviceInfoParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                virDomainDeviceInfo *info,
                                unsigned int flags);
void virDomainDeviceInfoFormat(virBuffer *buf, const virDomainDeviceInfo *info,
                               unsigned int flags);

/* Parse or format an <address> element on its own (hostdev sources). */
int virDomainDeviceAddressParseXML(xmlNodePtr node, virDomainDeviceInfo *info);
int virDomainPCIAddressParseXML(xmlNodePtr node, virDomainPCIAddress *addr);
void virDomainPCIAddressFormat(virBuffer *buf, const virDomainPCIAddress *addr,
                               bool withType);

/* The device kinds, in the order libvirt formats them under <devices>. */
typedef enum {
    VIR_DOMAIN_DEVICE_DISK = 0,
    VIR_DOMAIN_DEVICE_CONTROLLER,
    VIR_DOMAIN_DEVICE_LEASE,
    VIR_DOMAIN_DEVICE_FS,
    VIR_DOMAIN_DEVICE_NET,
    VIR_DOMAIN_DEVICE_SMARTCARD,
    VIR_DOMAIN_DEVICE_SERIAL,
    VIR_DOMAIN_DEVICE_PARALLEL,
    VIR_DOMAIN_DEVICE_CONSOLE,
    VIR_DOMAIN_DEVICE_CHANNEL,
    VIR_DOMAIN_DEVICE_INPUT,
    VIR_DOMAIN_DEVICE_TPM,
    VIR_DOMAIN_DEVICE_GRAPHICS,
    VIR_DOMAIN_DEVICE_SOUND,
    VIR_DOMAIN_DEVICE_AUDIO,
    VIR_DOMAIN_DEVICE_VIDEO,
    VIR_DOMAIN_DEVICE_HOSTDEV,
    VIR_DOMAIN_DEVICE_REDIRDEV,
    VIR_DOMAIN_DEVICE_REDIRFILTER,
    VIR_DOMAIN_DEVICE_HUB,
    VIR_DOMAIN_DEVICE_WATCHDOG,
    VIR_DOMAIN_DEVICE_MEMBALLOON,
    VIR_DOMAIN_DEVICE_RNG,
    VIR_DOMAIN_DEVICE_NVRAM,
    VIR_DOMAIN_DEVICE_PANIC,
    VIR_DOMAIN_DEVICE_SHMEM,
    VIR_DOMAIN_DEVICE_MEMORY,
    VIR_DOMAIN_DEVICE_IOMMU,
    VIR_DOMAIN_DEVICE_VSOCK,

    VIR_DOMAIN_DEVICE_LAST
} virDomainDeviceType;

/* A device's parser: a new device from @node, or NULL with an error;
 * @def is the domain parsed so far (os, arch, type are set). */
typedef void *(*virDomainDeviceParseFunc)(xmlNodePtr node,
                                          xmlXPathContextPtr ctxt,
                                          const virDomainDef *def,
                                          unsigned int flags);
/* A device's formatter; @def gives the context some devices need. */
typedef int (*virDomainDeviceFormatFunc)(virBuffer *buf, const void *dev,
                                         const virDomainDef *def,
                                         unsigned int flags);
typedef void (*virDomainDeviceFreeFunc)(void *dev);
/* Where a newly parsed device goes in its list: an index, or -1 for the
 * end (libvirt keeps controllers sorted as it parses them).  *@state is
 * the function's own scratch for one document's list of that kind: NULL
 * before the first device, g_free()d after the last. */
typedef ssize_t (*virDomainDeviceInsertPosFunc)(const virDomainDef *def,
                                                const void *dev, void **state);
/* Element-local checks run after the generic post-parse pass. */
typedef int (*virDomainDeviceValidateFunc)(const void *dev, const virDomainDef *def);

typedef struct {
    const char *element;       /* element name under <devices> */
    size_t listOffset;         /* offsetof(virDomainDef, <kind>s) */
    size_t countOffset;        /* offsetof(virDomainDef, n<kind>s) */
    ssize_t infoOffset;        /* offset of the virDomainDeviceInfo, or -1 */
    unsigned int infoFlags;    /* PARSE_ALLOW_BOOT / PARSE_ALLOW_ROM: added to
                                * the flags given to parse; the FORMAT_
                                * equivalents are added for format */
    size_t max;                /* 0: unlimited */
    const char *tooMany;       /* error text when more than @max */
    virDomainDeviceParseFunc parse;
    virDomainDeviceFormatFunc format;
    virDomainDeviceFreeFunc free;
    virDomainDeviceValidateFunc validate;   /* may be NULL */
    virDomainDeviceInsertPosFunc insertPos; /* NULL: append */
} virDomainDeviceOps;

const virDomainDeviceOps *virDomainDeviceOpsGet(virDomainDeviceType type);

/* The info of device @dev of kind @type, or NULL if it has none. */
virDomainDeviceInfo *virDomainDeviceGetInfo(virDomainDeviceType type, void *dev);

/* Append @dev to @def's list for @type (takes ownership). */
void virDomainDefAddDevice(virDomainDef *def, virDomainDeviceType type, void *dev);
/* Insert @dev at @pos (-1: append). */
/* Make room for @n more devices of @type, then insert them one at a time
 * without growing the list again (a list grown by one per device costs a
 * copy of the whole list per device). */
void virDomainDefReserveDevices(virDomainDef *def, virDomainDeviceType type, size_t n);
void virDomainDefInsertReservedDevice(virDomainDef *def, virDomainDeviceType type,
                                      void *dev, ssize_t pos);
void virDomainDefInsertDevice(virDomainDef *def, virDomainDeviceType type, void *dev,
                              ssize_t pos);

/* Number of devices of @type in @def and the @i-th of them. */
size_t virDomainDefDeviceCount(const virDomainDef *def, virDomainDeviceType type);
void *virDomainDefDeviceAt(const virDomainDef *def, virDomainDeviceType type,
                           size_t i);

/* Parse every <devices> child of the document into @def, kind by kind,
 * each in document order. */
int virDomainDevicesParseXML(virDomainDef *def, xmlXPathContextPtr ctxt,
                             unsigned int flags);
/* Format <devices> (emulator first, then every kind in table order). */
int virDomainDevicesFormat(virBuffer *buf, const virDomainDef *def,
                           unsigned int flags);
/* Free every device list of @def. */
void virDomainDevicesFree(virDomainDef *def);
/* Run every device's validate function. */
int virDomainDevicesValidate(const virDomainDef *def);
