/*
 * net.h: <interface>.
 */
#pragma once

#include "conf/domain/device.h"
#include "conf/domain/netdev_parts.h"
#include "conf/domain/chr.h"

typedef enum {
    VIR_DOMAIN_NET_TYPE_USER = 0,
    VIR_DOMAIN_NET_TYPE_ETHERNET,
    VIR_DOMAIN_NET_TYPE_VHOSTUSER,
    VIR_DOMAIN_NET_TYPE_SERVER,
    VIR_DOMAIN_NET_TYPE_CLIENT,
    VIR_DOMAIN_NET_TYPE_MCAST,
    VIR_DOMAIN_NET_TYPE_NETWORK,
    VIR_DOMAIN_NET_TYPE_BRIDGE,
    VIR_DOMAIN_NET_TYPE_INTERNAL,
    VIR_DOMAIN_NET_TYPE_DIRECT,
    VIR_DOMAIN_NET_TYPE_HOSTDEV,
    VIR_DOMAIN_NET_TYPE_UDP,
    VIR_DOMAIN_NET_TYPE_VDPA,
    VIR_DOMAIN_NET_TYPE_NULL,
    VIR_DOMAIN_NET_TYPE_VDS,

    VIR_DOMAIN_NET_TYPE_LAST
} virDomainNetType;

typedef struct _virDomainHostdevDef virDomainHostdevDef;

typedef struct {
    unsigned int type;          /* virDomainNetType */
    virTristateBool trustGuestRxFilters;
    unsigned char mac[6];
    unsigned int macType;
    virTristateBool macCheck;
    char *model;

    /* <source> by type */
    char *network, *portgroup;
    char *portid;               /* live only */
    virTristateBool isolatedPort;
    char *bridge;
    char *dev;                  /* direct linkdev, vdpa device, user passt dev */
    unsigned int directMode;
    char *internalName;
    char *sockAddress;          /* server / client / mcast / udp */
    int sockPort;
    char *localAddress;
    int localPort;
    virDomainChrSourceDef *vhostuser;
    virDomainHostdevDef *hostdev;       /* type='hostdev' */

    virDomainNetVlan vlan;
    virDomainNetVirtPort *virtPort;
    virDomainNetBandwidth bandwidth;

    char *script, *downscript, *domainName;
    char *ifname;
    virTristateBool managedTap;
    char *ifnameGuest, *ifnameGuestActual;

    /* <driver> (virtio) */
    unsigned int driverName, txmode, queues, rxQueueSize, txQueueSize;
    virTristateSwitch ioeventfd, eventIdx, rss, rssHashReport;
    virTristateSwitch iommu, ats, packed, pagePerVQ;
    virTristateSwitch hostOpts[8];   /* csum gso tso4 tso6 ecn ufo mrg_rxbuf */
    virTristateSwitch guestOpts[6];  /* csum tso4 tso6 ecn ufo */
    bool driverPresent;

    unsigned int backendType;
    char *backendTap, *backendVhost, *backendLogFile;
    char *filter;
    char **filterParams;        /* name, value pairs, NULL-terminated */
    bool sndbufSpecified;
    unsigned long long sndbuf;
    unsigned int teamingType;
    char *teamingPersistent;
    unsigned int linkState;
    unsigned int mtu;
    bool coalesceSet;
    unsigned int coalesceRxMaxFrames;
    virDomainDeviceInfo info;
} virDomainNetDef;

void *virDomainNetDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                              const virDomainDef *vmdef,
                              unsigned int flags);
int virDomainNetDefFormat(virBuffer *buf, const void *dev,
                          const virDomainDef *def, unsigned int flags);
void virDomainNetDefFree(void *dev);
