/*
 * network_conf.h: the <network> document (virNetworkDefineXML,
 * virNetworkGetXMLDesc) as C structures.
 *
 * Parsing checks syntax and the rules libvirt applies at define time
 * (address families, DHCP ranges inside the network, forward mode vs.
 * bridge settings, ...); it fills no driver defaults.  Formatting writes
 * libvirt 9.0.0's layout byte for byte.
 *
 * Address types shared with other documents are in util/virsocketaddr.h,
 * util/virmacaddr.h and conf/networkcommon_conf.h.
 */
#pragma once

#include <stdbool.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virmacaddr.h"
#include "util/virsocketaddr.h"
#include "util/virxml.h"
#include "util/viruuid.h"
#include "conf/netdev_bandwidth_conf.h"
#include "conf/netdev_vlan_conf.h"
#include "conf/netdev_vport_profile_conf.h"
#include "conf/networkcommon_conf.h"

/* ---- the <network> document ---- */

/* An XML namespace whose elements a driver keeps under the root, such as
 * <dnsmasq:options>. */
typedef struct {
    const char *prefix;
    const char *uri;
    /* Read the namespace's elements from @ctxt (on the root); *data stays
     * NULL when there are none. */
    int (*parse)(xmlXPathContextPtr ctxt, void **data);
    int (*format)(virBuffer *buf, void *data);
    void (*free)(void *data);
} virNetworkXMLNamespace;

typedef struct {
    const virNetworkXMLNamespace *ns;   /* may be NULL */
} virNetworkXMLOption;

virNetworkXMLOption *virNetworkXMLOptionNew(const virNetworkXMLNamespace *ns);
void virNetworkXMLOptionFree(virNetworkXMLOption *xmlopt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetworkXMLOption, virNetworkXMLOptionFree);

/* <dnsmasq:options><dnsmasq:option value='...'/></dnsmasq:options> */
extern const virNetworkXMLNamespace virNetworkDnsmasqXMLNamespace;

typedef enum {
    VIR_NETWORK_FORWARD_NONE = 0,
    VIR_NETWORK_FORWARD_NAT,
    VIR_NETWORK_FORWARD_ROUTE,
    VIR_NETWORK_FORWARD_OPEN,
    VIR_NETWORK_FORWARD_BRIDGE,
    VIR_NETWORK_FORWARD_PRIVATE,
    VIR_NETWORK_FORWARD_VEPA,
    VIR_NETWORK_FORWARD_PASSTHROUGH,
    VIR_NETWORK_FORWARD_HOSTDEV,

    VIR_NETWORK_FORWARD_LAST
} virNetworkForwardType;
VIR_ENUM_DECL(virNetworkForward);

typedef enum {
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_DEFAULT = 0,
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_KERNEL,
    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LIBVIRT,

    VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LAST
} virNetworkBridgeMACTableManagerType;
VIR_ENUM_DECL(virNetworkBridgeMACTableManager);

typedef enum {
    VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NONE = 0,
    VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI,
    VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV,

    VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_LAST
} virNetworkForwardHostdevDeviceType;
VIR_ENUM_DECL(virNetworkForwardHostdevDevice);

/* Driver for the devices of a hostdev pool. */
typedef enum {
    VIR_NETWORK_FORWARD_DRIVER_NAME_DEFAULT = 0,
    VIR_NETWORK_FORWARD_DRIVER_NAME_KVM,
    VIR_NETWORK_FORWARD_DRIVER_NAME_VFIO,

    VIR_NETWORK_FORWARD_DRIVER_NAME_LAST
} virNetworkForwardDriverNameType;
VIR_ENUM_DECL(virNetworkForwardDriverName);

typedef enum {
    VIR_NETWORK_DHCP_LEASETIME_UNIT_SECONDS = 0,
    VIR_NETWORK_DHCP_LEASETIME_UNIT_MINUTES,
    VIR_NETWORK_DHCP_LEASETIME_UNIT_HOURS,

    VIR_NETWORK_DHCP_LEASETIME_UNIT_LAST
} virNetworkDHCPLeaseTimeUnitType;
VIR_ENUM_DECL(virNetworkDHCPLeaseTimeUnit);

typedef struct {
    unsigned long long expiry;      /* 0: infinite */
    virNetworkDHCPLeaseTimeUnitType unit;
} virNetworkDHCPLeaseTimeDef;

typedef struct {
    virSocketAddrRange addr;
    virNetworkDHCPLeaseTimeDef *lease;
} virNetworkDHCPRangeDef;

typedef struct {
    char *mac;          /* as written */
    char *id;           /* IPv6 DUID */
    char *name;
    virSocketAddr ip;
    virNetworkDHCPLeaseTimeDef *lease;
} virNetworkDHCPHostDef;

typedef struct {
    char *family;               /* "ipv4", "ipv6" or NULL */
    virSocketAddr address;
    /* at most one of these two; use virNetworkIPDefPrefix */
    unsigned int prefix;
    virSocketAddr netmask;
    virTristateBool localPTR;

    size_t nranges;
    virNetworkDHCPRangeDef *ranges;
    size_t nhosts;
    virNetworkDHCPHostDef *hosts;

    char *tftproot;
    char *bootfile;
    virSocketAddr bootserver;
} virNetworkIPDef;

typedef struct {
    char *name;
    char *value;
} virNetworkDNSTxtDef;

typedef struct {
    char *domain;
    char *service;
    char *protocol;
    char *target;
    unsigned int port;
    unsigned int priority;
    unsigned int weight;
} virNetworkDNSSrvDef;

typedef struct {
    virSocketAddr ip;
    size_t nnames;
    char **names;
} virNetworkDNSHostDef;

typedef struct {
    virSocketAddr addr;
    char *domain;
} virNetworkDNSForwarder;

typedef struct {
    virTristateBool enable;
    virTristateBool forwardPlainNames;
    size_t ntxts;
    virNetworkDNSTxtDef *txts;
    size_t nhosts;
    virNetworkDNSHostDef *hosts;
    size_t nsrvs;
    virNetworkDNSSrvDef *srvs;
    size_t nfwds;
    virNetworkDNSForwarder *forwarders;
} virNetworkDNSDef;

typedef struct {
    virNetworkForwardHostdevDeviceType type;
    union {
        virPCIDeviceAddress pci;    /* HOSTDEV_DEVICE_PCI */
        char *dev;                  /* HOSTDEV_DEVICE_NETDEV */
    } device;
    int connections;    /* guest interfaces using it (live only) */
} virNetworkForwardIfDef;

typedef struct {
    char *dev;
    int connections;
} virNetworkForwardPfDef;

typedef struct {
    virNetworkForwardType type;
    bool managed;                           /* hostdev mode */
    virNetworkForwardDriverNameType driverName;

    size_t npfs;                            /* at most 1 */
    virNetworkForwardPfDef *pfs;
    size_t nifs;
    virNetworkForwardIfDef *ifs;

    /* NAT */
    virSocketAddrRange addr;
    virPortRange port;
    virTristateBool natIPv6;
} virNetworkForwardDef;

typedef struct {
    char *name;
    bool isDefault;
    virNetDevVPortProfile *virtPortProfile;
    virNetDevBandwidth *bandwidth;
    virNetDevVlan vlan;
    virTristateBool trustGuestRxFilters;
} virPortGroupDef;

typedef struct _virNetworkDef virNetworkDef;
struct _virNetworkDef {
    unsigned char uuid[VIR_UUID_BUFLEN];
    bool uuid_specified;
    char *name;
    int connections;            /* live only, set by the driver */

    char *bridge;
    char *bridgeZone;
    virNetworkBridgeMACTableManagerType macTableManager;
    char *domain;
    virTristateBool domainLocalOnly;
    unsigned long delay;        /* STP forward delay */
    bool stp;
    unsigned int mtu;           /* 0: unset */
    virMacAddr mac;
    bool mac_specified;
    bool ipv6nogw;              /* <network ipv6='yes'> */

    virNetworkForwardDef forward;

    size_t nips;
    virNetworkIPDef *ips;
    size_t nroutes;
    virNetDevIPRoute **routes;
    virNetworkDNSDef dns;
    virNetDevVPortProfile *virtPortProfile;
    size_t nPortGroups;
    virPortGroupDef *portGroups;
    virNetDevBandwidth *bandwidth;
    virNetDevVlan vlan;
    virTristateBool trustGuestRxFilters;
    virTristateBool isolatedPort;

    xmlNodePtr metadata;        /* a copy of <metadata>, or NULL */

    const virNetworkXMLNamespace *ns;   /* owner of namespaceData */
    void *namespaceData;
};

void virNetworkDefFree(virNetworkDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetworkDef, virNetworkDefFree);

/* Parse a whole document (@xmlopt may be NULL). */
virNetworkDef *virNetworkDefParseString(const char *xmlStr,
                                        virNetworkXMLOption *xmlopt);
/* Parse the <network> element @root of @xml. */
virNetworkDef *virNetworkDefParseNode(xmlDocPtr xml, xmlNodePtr root,
                                      virNetworkXMLOption *xmlopt);
/* Parse the <network> element @ctxt is on. */
virNetworkDef *virNetworkDefParseXML(xmlXPathContextPtr ctxt,
                                     virNetworkXMLOption *xmlopt);

/* @flags: VIR_NETWORK_XML_INACTIVE drops live-only data. */
int virNetworkDefFormatBuf(virBuffer *buf, const virNetworkDef *def,
                           virNetworkXMLOption *xmlopt, unsigned int flags);
char *virNetworkDefFormat(const virNetworkDef *def,
                          virNetworkXMLOption *xmlopt, unsigned int flags);

/* A deep copy, made by formatting @def with @flags and parsing it back. */
virNetworkDef *virNetworkDefCopy(const virNetworkDef *def,
                                 virNetworkXMLOption *xmlopt, unsigned int flags);

/* Prefix length of an <ip> (from prefix, netmask or address class),
 * -1 if the netmask is not contiguous. */
int virNetworkIPDefPrefix(const virNetworkIPDef *def);
int virNetworkIPDefNetmask(const virNetworkIPDef *def, virSocketAddr *netmask);

/* The @n-th forward interface's device name, NULL if not a netdev. */
const char *virNetworkDefForwardIf(const virNetworkDef *def, size_t n);

/* The portgroup called @portgroup, or the default one for NULL. */
virPortGroupDef *virPortGroupFindByName(virNetworkDef *net,
                                        const char *portgroup);

/* <port isolated='yes|no'/>, shared with <networkport>. */
int virNetworkPortOptionsParseXML(xmlXPathContextPtr ctxt,
                                  virTristateBool *isolatedPort);
void virNetworkPortOptionsFormat(virTristateBool isolatedPort,
                                 virBuffer *buf);
