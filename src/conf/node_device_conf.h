/*
 * node_device_conf.h: the node device document (<device>, as
 * virNodeDeviceGetXMLDesc prints it and virNodeDeviceCreateXML /
 * virNodeDeviceDefineXML read it) as C structures.
 *
 * A device is a name, a sysfs path, device nodes, a parent and a list
 * of capabilities; each capability is one of virNodeDevCapType and
 * carries the data of that kind in the union of virNodeDevCapData.
 */
#pragma once

#include <libxml/xpath.h>

#include "internal.h"
#include "util/virenum.h"

typedef enum {
    VIR_NODE_DEV_DEVNODE_DEV,
    VIR_NODE_DEV_DEVNODE_LINK,

    VIR_NODE_DEV_DEVNODE_LAST
} virNodeDevDevnodeType;
VIR_ENUM_DECL(virNodeDevDevnode);

/* The order is the public VIR_CONNECT_LIST_NODE_DEVICES_CAP_* bit order. */
typedef enum {
    VIR_NODE_DEV_CAP_SYSTEM,
    VIR_NODE_DEV_CAP_PCI_DEV,
    VIR_NODE_DEV_CAP_USB_DEV,
    VIR_NODE_DEV_CAP_USB_INTERFACE,
    VIR_NODE_DEV_CAP_NET,
    VIR_NODE_DEV_CAP_SCSI_HOST,
    VIR_NODE_DEV_CAP_SCSI_TARGET,
    VIR_NODE_DEV_CAP_SCSI,
    VIR_NODE_DEV_CAP_STORAGE,
    VIR_NODE_DEV_CAP_FC_HOST,       /* listing only: a scsi_host with fc_host */
    VIR_NODE_DEV_CAP_VPORTS,        /* listing only: a scsi_host with vport_ops */
    VIR_NODE_DEV_CAP_SCSI_GENERIC,
    VIR_NODE_DEV_CAP_DRM,
    VIR_NODE_DEV_CAP_MDEV_TYPES,
    VIR_NODE_DEV_CAP_MDEV,
    VIR_NODE_DEV_CAP_CCW_DEV,
    VIR_NODE_DEV_CAP_CSS_DEV,
    VIR_NODE_DEV_CAP_VDPA,
    VIR_NODE_DEV_CAP_AP_CARD,
    VIR_NODE_DEV_CAP_AP_QUEUE,
    VIR_NODE_DEV_CAP_AP_MATRIX,
    VIR_NODE_DEV_CAP_VPD,           /* listing only: a pci device with vpd */

    VIR_NODE_DEV_CAP_LAST
} virNodeDevCapType;
VIR_ENUM_DECL(virNodeDevCap);

typedef enum {
    VIR_NODE_DEV_CAP_NET_80203,
    VIR_NODE_DEV_CAP_NET_80211,

    VIR_NODE_DEV_CAP_NET_LAST       /* also: no subtype */
} virNodeDevNetCapType;
VIR_ENUM_DECL(virNodeDevNetCap);

typedef enum {
    VIR_NODE_DEV_DRM_PRIMARY,
    VIR_NODE_DEV_DRM_CONTROL,
    VIR_NODE_DEV_DRM_RENDER,

    VIR_NODE_DEV_DRM_LAST
} virNodeDevDRMType;
VIR_ENUM_DECL(virNodeDevDRM);

/* <link speed='...'> of <pci-express>; 0 is "not given". */
typedef enum {
    VIR_NODE_DEV_PCIE_LINK_SPEED_NA,
    VIR_NODE_DEV_PCIE_LINK_SPEED_25,
    VIR_NODE_DEV_PCIE_LINK_SPEED_5,
    VIR_NODE_DEV_PCIE_LINK_SPEED_8,
    VIR_NODE_DEV_PCIE_LINK_SPEED_16,
    VIR_NODE_DEV_PCIE_LINK_SPEED_32,
    VIR_NODE_DEV_PCIE_LINK_SPEED_64,

    VIR_NODE_DEV_PCIE_LINK_SPEED_LAST
} virNodeDevPCIELinkSpeed;
VIR_ENUM_DECL(virNodeDevPCIELinkSpeed);

/* PCI configuration header type, given as <capability type='pci-bridge'/>. */
typedef enum {
    VIR_NODE_DEV_PCI_HEADER_ENDPOINT,
    VIR_NODE_DEV_PCI_HEADER_PCI_BRIDGE,
    VIR_NODE_DEV_PCI_HEADER_CARDBUS_BRIDGE,

    VIR_NODE_DEV_PCI_HEADER_LAST
} virNodeDevPCIHeaderType;
VIR_ENUM_DECL(virNodeDevPCIHeader);

/* <feature name='...'/> of a net capability. */
typedef enum {
    VIR_NODE_DEV_NET_FEAT_RX,
    VIR_NODE_DEV_NET_FEAT_TX,
    VIR_NODE_DEV_NET_FEAT_SG,
    VIR_NODE_DEV_NET_FEAT_TSO,
    VIR_NODE_DEV_NET_FEAT_GSO,
    VIR_NODE_DEV_NET_FEAT_GRO,
    VIR_NODE_DEV_NET_FEAT_LRO,
    VIR_NODE_DEV_NET_FEAT_RXVLAN,
    VIR_NODE_DEV_NET_FEAT_TXVLAN,
    VIR_NODE_DEV_NET_FEAT_NTUPLE,
    VIR_NODE_DEV_NET_FEAT_RXHASH,
    VIR_NODE_DEV_NET_FEAT_RDMA,
    VIR_NODE_DEV_NET_FEAT_TXUDPTNL,
    VIR_NODE_DEV_NET_FEAT_SWITCHDEV,

    VIR_NODE_DEV_NET_FEAT_LAST
} virNodeDevNetFeature;
VIR_ENUM_DECL(virNodeDevNetFeature);

/* <link state='...'/> of a net capability (RFC 2863 operstate); 0 is
 * "not given". */
typedef enum {
    VIR_NODE_DEV_LINK_STATE_NONE,
    VIR_NODE_DEV_LINK_STATE_UNKNOWN,
    VIR_NODE_DEV_LINK_STATE_NOT_PRESENT,
    VIR_NODE_DEV_LINK_STATE_DOWN,
    VIR_NODE_DEV_LINK_STATE_LOWER_LAYER_DOWN,
    VIR_NODE_DEV_LINK_STATE_TESTING,
    VIR_NODE_DEV_LINK_STATE_DORMANT,
    VIR_NODE_DEV_LINK_STATE_UP,

    VIR_NODE_DEV_LINK_STATE_LAST
} virNodeDevLinkState;
VIR_ENUM_DECL(virNodeDevLinkState);

typedef enum {
    VIR_NODE_DEV_CAP_STORAGE_REMOVABLE = (1 << 0),
    VIR_NODE_DEV_CAP_STORAGE_REMOVABLE_MEDIA_AVAILABLE = (1 << 1),
    VIR_NODE_DEV_CAP_STORAGE_HOTPLUGGABLE = (1 << 2),
} virNodeDevStorageCapFlags;

typedef enum {
    VIR_NODE_DEV_CAP_FLAG_HBA_FC_HOST = (1 << 0),
    VIR_NODE_DEV_CAP_FLAG_HBA_VPORT_OPS = (1 << 1),
} virNodeDevSCSIHostCapFlags;

typedef enum {
    VIR_NODE_DEV_CAP_FLAG_FC_RPORT = (1 << 0),
} virNodeDevSCSITargetCapsFlags;

typedef enum {
    VIR_NODE_DEV_CAP_FLAG_PCI_PHYSICAL_FUNCTION = (1 << 0),
    VIR_NODE_DEV_CAP_FLAG_PCI_VIRTUAL_FUNCTION = (1 << 1),
    VIR_NODE_DEV_CAP_FLAG_PCIE = (1 << 2),
    VIR_NODE_DEV_CAP_FLAG_PCI_MDEV = (1 << 3),
    VIR_NODE_DEV_CAP_FLAG_PCI_VPD = (1 << 4),
} virNodeDevPCICapFlags;

typedef enum {
    VIR_NODE_DEV_CAP_FLAG_CSS_MDEV = (1 << 0),
} virNodeDevCCWCapFlags;

typedef enum {
    VIR_NODE_DEV_CAP_FLAG_AP_MATRIX_MDEV = (1 << 0),
} virNodeDevAPMatrixCapFlags;


/* Building blocks shared by several capabilities. */

typedef struct {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
} virNodeDevPCIAddress;

typedef struct {
    int port;                           /* -1: not given */
    virNodeDevPCIELinkSpeed speed;
    unsigned int width;
} virNodeDevPCIELink;

typedef struct {
    virNodeDevPCIELink *link_cap;       /* NULL when not given */
    virNodeDevPCIELink *link_sta;
} virNodeDevPCIEInfo;

typedef struct {
    char *id;
    char *name;                         /* NULL when not given */
    char *device_api;
    unsigned int available_instances;
} virNodeDevMdevType;

typedef struct {
    char *name;
    char *value;
} virNodeDevMdevAttr;

typedef struct {
    unsigned int cssid;
    unsigned int ssid;
    unsigned int devno;
} virNodeDevCCWAddress;

typedef struct {
    virNodeDevLinkState state;
    unsigned int speed;                 /* Mbit/s, 0: not given */
} virNodeDevNetLink;

/* PCI Vital Product Data: a vendor (V0..VZ) or system (Y0..YZ) field. */
typedef struct {
    char idx;
    char *value;
} virNodeDevVPDCustom;

typedef struct {
    char *change_level;
    char *manufacture_id;
    char *part_number;
    char *serial_number;
    virNodeDevVPDCustom **vendor;
    size_t nvendor;
} virNodeDevVPDReadOnly;

typedef struct {
    char *asset_tag;
    virNodeDevVPDCustom **vendor;
    size_t nvendor;
    virNodeDevVPDCustom **system;
    size_t nsystem;
} virNodeDevVPDReadWrite;

typedef struct {
    char *name;
    virNodeDevVPDReadOnly *ro;          /* NULL when not given */
    virNodeDevVPDReadWrite *rw;
} virNodeDevVPD;


/* The data of each capability kind. */

typedef struct {
    char *vendor_name;
    char *version;
    char *serial;
    unsigned char uuid[VIR_UUID_BUFLEN];
} virNodeDevCapSystemHardware;

typedef struct {
    char *vendor_name;
    char *version;
    char *release_date;
} virNodeDevCapSystemFirmware;

typedef struct {
    char *product_name;
    virNodeDevCapSystemHardware hardware;
    virNodeDevCapSystemFirmware firmware;
} virNodeDevCapSystem;

typedef struct {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
    unsigned int product;
    unsigned int vendor;
    int klass;                          /* -1: not given */
    char *product_name;
    char *vendor_name;
    virNodeDevPCIAddress *physical_function;
    virNodeDevPCIAddress **virtual_functions;
    size_t num_virtual_functions;
    unsigned int max_virtual_functions;
    unsigned int flags;                 /* virNodeDevPCICapFlags */
    virNodeDevPCIAddress **iommuGroupDevices;
    size_t nIommuGroupDevices;
    unsigned int iommuGroupNumber;
    int numa_node;                      /* -1: not given */
    virNodeDevPCIEInfo *pci_express;
    int hdrType;                        /* virNodeDevPCIHeaderType; 0: not shown */
    virNodeDevMdevType **mdev_types;
    size_t nmdev_types;
    virNodeDevVPD *vpd;
} virNodeDevCapPCIDev;

typedef struct {
    unsigned int bus;
    unsigned int device;
    unsigned int product;
    unsigned int vendor;
    char *product_name;
    char *vendor_name;
} virNodeDevCapUSBDev;

typedef struct {
    unsigned int number;
    unsigned int klass;
    unsigned int subclass;
    unsigned int protocol;
    char *description;
} virNodeDevCapUSBIf;

typedef struct {
    char *address;
    unsigned int address_len;
    char *ifname;
    virNodeDevNetLink lnk;
    virNodeDevNetCapType subtype;       /* _LAST: no subtype */
    unsigned int features;              /* 1 << virNodeDevNetFeature */
} virNodeDevCapNet;

typedef struct {
    unsigned int host;
    int unique_id;                      /* -1: not given */
    char *wwnn;
    char *wwpn;
    char *fabric_wwn;
    unsigned int flags;                 /* virNodeDevSCSIHostCapFlags */
    int max_vports;
    int vports;
} virNodeDevCapSCSIHost;

typedef struct {
    char *name;
    unsigned int flags;                 /* virNodeDevSCSITargetCapsFlags */
    char *rport;
    char *wwpn;
} virNodeDevCapSCSITarget;

typedef struct {
    unsigned int host;
    unsigned int bus;
    unsigned int target;
    unsigned int lun;
    char *type;
} virNodeDevCapSCSI;

typedef struct {
    unsigned long long size;
    unsigned long long num_blocks;
    unsigned long long logical_block_size;
    unsigned long long removable_media_size;
    char *block;
    char *bus;
    char *drive_type;
    char *model;
    char *vendor;
    char *serial;
    char *media_label;
    unsigned int flags;                 /* virNodeDevStorageCapFlags */
} virNodeDevCapStorage;

typedef struct {
    char *path;
} virNodeDevCapSCSIGeneric;

typedef struct {
    virNodeDevDRMType type;
} virNodeDevCapDRM;

typedef struct {
    char *type;
    unsigned int iommuGroupNumber;
    char *uuid;                         /* normalized text form */
    virNodeDevMdevAttr **attributes;
    size_t nattributes;
    char *parent_addr;
    bool autostart;
} virNodeDevCapMdev;

typedef struct {
    unsigned int cssid;
    unsigned int ssid;
    unsigned int devno;
    unsigned int flags;                 /* virNodeDevCCWCapFlags */
    virNodeDevMdevType **mdev_types;
    size_t nmdev_types;
    virNodeDevCCWAddress *channel_dev_addr;
} virNodeDevCapCCW;

typedef struct {
    char *chardev;
} virNodeDevCapVDPA;

typedef struct {
    unsigned int ap_adapter;
} virNodeDevCapAPCard;

typedef struct {
    unsigned int ap_adapter;
    unsigned int ap_domain;
} virNodeDevCapAPQueue;

typedef struct {
    char *addr;
    unsigned int flags;                 /* virNodeDevAPMatrixCapFlags */
    virNodeDevMdevType **mdev_types;
    size_t nmdev_types;
} virNodeDevCapAPMatrix;

typedef struct {
    virNodeDevMdevType **mdev_types;
    size_t nmdev_types;
    char *address;
} virNodeDevCapMdevParent;

typedef struct {
    virNodeDevCapType type;
    union {
        virNodeDevCapSystem system;
        virNodeDevCapPCIDev pci_dev;
        virNodeDevCapUSBDev usb_dev;
        virNodeDevCapUSBIf usb_if;
        virNodeDevCapNet net;
        virNodeDevCapSCSIHost scsi_host;
        virNodeDevCapSCSITarget scsi_target;
        virNodeDevCapSCSI scsi;
        virNodeDevCapStorage storage;
        virNodeDevCapSCSIGeneric sg;
        virNodeDevCapDRM drm;
        virNodeDevCapMdev mdev;
        virNodeDevCapCCW ccw_dev;       /* ccw and css */
        virNodeDevCapVDPA vdpa;
        virNodeDevCapAPCard ap_card;
        virNodeDevCapAPQueue ap_queue;
        virNodeDevCapAPMatrix ap_matrix;
        virNodeDevCapMdevParent mdev_parent;
    };
} virNodeDevCapData;

typedef struct _virNodeDevCapsDef virNodeDevCapsDef;
struct _virNodeDevCapsDef {
    virNodeDevCapData data;
    virNodeDevCapsDef *next;
};

typedef struct _virNodeDeviceDef virNodeDeviceDef;
struct _virNodeDeviceDef {
    char *name;                         /* unique on the node */
    char *sysfs_path;                   /* <path> */
    char *parent;                       /* NULL when not given */
    char *parent_sysfs_path;
    char *parent_wwnn;                  /* <parent wwnn= wwpn= fabric_wwn=> */
    char *parent_wwpn;
    char *parent_fabric_wwn;
    char *driver;                       /* filled by drivers, never parsed */
    char *devnode;                      /* <devnode type='dev'> */
    char **devlinks;                    /* <devnode type='link'>, NULL-terminated */
    virNodeDevCapsDef *caps;
};

void virNodeDevCapsDefFree(virNodeDevCapsDef *caps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDevCapsDef, virNodeDevCapsDefFree);

void virNodeDeviceDefFree(virNodeDeviceDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDeviceDef, virNodeDeviceDefFree);

typedef int (*virNodeDeviceDefPostParseCallback)(virNodeDeviceDef *dev,
                                                 void *opaque);
typedef int (*virNodeDeviceDefValidateCallback)(virNodeDeviceDef *dev,
                                                void *opaque);

typedef struct {
    virNodeDeviceDefPostParseCallback postParse;   /* may be NULL */
    virNodeDeviceDefValidateCallback validate;     /* may be NULL */
} virNodeDeviceDefParserCallbacks;

/*
 * Parse the <device> under ctxt->node.  With @create the document asks
 * for a new device (virNodeDeviceCreateXML / DefineXML): its <name> is
 * ignored ("new device"), a scsi_host's <host> and <unique_id> are not
 * read, and a missing fc_host WWNN/WWPN is generated for @virt_type
 * ("QEMU", "Xen", "xenlight", "ESX", "VMWARE", "HYPER-V").  Without it,
 * <name> is required.  NULL with an error reported on failure.
 */
virNodeDeviceDef *virNodeDeviceDefParseXML(xmlXPathContextPtr ctxt,
                                           bool create,
                                           const char *virt_type);

/* Parse a document from @str, or from the file @filename when it is
 * set, then run @parserCallbacks (may be NULL) on the result. */
virNodeDeviceDef *virNodeDeviceDefParse(const char *str,
                                        const char *filename,
                                        bool create,
                                        const char *virt_type,
                                        virNodeDeviceDefParserCallbacks *parserCallbacks,
                                        void *opaque,
                                        bool validate);

char *virNodeDeviceDefFormat(const virNodeDeviceDef *def);

/* Copy out the WWNN/WWPN of the device's fc_host capability; -1 with an
 * error if it has none. */
int virNodeDeviceGetWWNs(virNodeDeviceDef *def, char **wwnn, char **wwpn);

#define VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_CAP \
    (VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_INTERFACE | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_TARGET | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_STORAGE | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_GENERIC | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_DRM | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_CCW_DEV | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_CSS_DEV | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_VDPA | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_CARD | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_QUEUE | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_MATRIX | \
     VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD)

#define VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_ACTIVE \
    (VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE | \
     VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE)

#define VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_ALL \
    (VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_CAP | \
     VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_ACTIVE)
