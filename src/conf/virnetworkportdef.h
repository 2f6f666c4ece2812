/*
 * virnetworkportdef.h: the <networkport> document (virNetworkPortCreateXML,
 * virNetworkPortGetXMLDesc): one guest interface's port on a network, and
 * how it is plugged into the host.
 */
#pragma once

#include "internal.h"
#include "conf/network_conf.h"

typedef enum {
    VIR_NETWORK_PORT_PLUG_TYPE_NONE = 0,
    VIR_NETWORK_PORT_PLUG_TYPE_NETWORK,
    VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE,
    VIR_NETWORK_PORT_PLUG_TYPE_DIRECT,
    VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI,

    VIR_NETWORK_PORT_PLUG_TYPE_LAST
} virNetworkPortPlugType;
VIR_ENUM_DECL(virNetworkPortPlug);

/* macvtap modes of <plug type='direct' mode=...> */
typedef enum {
    VIR_NETDEV_MACVLAN_MODE_VEPA = 0,
    VIR_NETDEV_MACVLAN_MODE_PRIVATE,
    VIR_NETDEV_MACVLAN_MODE_BRIDGE,
    VIR_NETDEV_MACVLAN_MODE_PASSTHRU,

    VIR_NETDEV_MACVLAN_MODE_LAST
} virNetDevMacVLanMode;
VIR_ENUM_DECL(virNetDevMacVLanMode);

typedef struct _virNetworkPortDef virNetworkPortDef;
struct _virNetworkPortDef {
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *ownername;
    unsigned char owneruuid[VIR_UUID_BUFLEN];

    char *group;
    virMacAddr mac;

    virNetDevVPortProfile *virtPortProfile;
    virNetDevBandwidth *bandwidth;
    unsigned int class_id;      /* bandwidth classID, 0: none */
    virNetDevVlan vlan;
    virTristateBool trustGuestRxFilters;
    virTristateBool isolatedPort;

    virNetworkPortPlugType plugtype;
    union {
        struct {
            char *brname;
            virNetworkBridgeMACTableManagerType macTableManager;
        } bridge;               /* PLUG_TYPE_NETWORK and PLUG_TYPE_BRIDGE */
        struct {
            char *linkdev;
            virNetDevMacVLanMode mode;
        } direct;
        struct {
            virPCIDeviceAddress addr;
            virNetworkForwardDriverNameType driver;
            virTristateBool managed;
        } hostdevpci;
    } plug;
};

void virNetworkPortDefFree(virNetworkPortDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetworkPortDef, virNetworkPortDefFree);

/* Parse a whole document. */
virNetworkPortDef *virNetworkPortDefParseString(const char *xmlStr);
/* Parse the <networkport> element @root of @xml. */
virNetworkPortDef *virNetworkPortDefParseNode(xmlDocPtr xml, xmlNodePtr root);
/* Parse the <networkport> element @ctxt is on. */
virNetworkPortDef *virNetworkPortDefParseXML(xmlXPathContextPtr ctxt);

int virNetworkPortDefFormatBuf(virBuffer *buf, const virNetworkPortDef *def);
char *virNetworkPortDefFormat(const virNetworkPortDef *def);
