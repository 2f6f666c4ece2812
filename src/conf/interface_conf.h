/*
 * interface_conf.h: host network interfaces (virInterfaceDefineXML,
 * virInterfaceGetXMLDesc) as C structures.
 *
 *   <interface type='bridge' name='br0'>
 *     <start mode='onboot'/>
 *     <mtu size='1500'/>
 *     <protocol family='ipv4'>
 *       <dhcp peerdns='no'/>
 *       <ip address='192.168.0.5' prefix='24'/>
 *       <route gateway='192.168.0.1'/>
 *     </protocol>
 *     <bridge stp='off' delay='0.01'>
 *       <interface type='ethernet' name='eth0'>
 *         <link speed='1000' state='up'/>
 *         <mac address='ab:bb:cc:dd:ee:ff'/>
 *       </interface>
 *     </bridge>
 *   </interface>
 *
 * Start mode, MTU and protocols belong to the top-level interface only;
 * the interfaces inside a bridge or bond carry the rest.
 */
#pragma once

#include "internal.h"
#include "util/virenum.h"
#include "util/virxml.h"

typedef enum {
    VIR_INTERFACE_TYPE_ETHERNET,
    VIR_INTERFACE_TYPE_BRIDGE,
    VIR_INTERFACE_TYPE_BOND,
    VIR_INTERFACE_TYPE_VLAN,

    VIR_INTERFACE_TYPE_LAST
} virInterfaceType;

VIR_ENUM_DECL(virInterface);

typedef enum {
    VIR_INTERFACE_START_UNSPECIFIED = 0,
    VIR_INTERFACE_START_NONE,
    VIR_INTERFACE_START_ONBOOT,
    VIR_INTERFACE_START_HOTPLUG,

    VIR_INTERFACE_START_LAST
} virInterfaceStartMode;

VIR_ENUM_DECL(virInterfaceStartMode);

typedef enum {
    VIR_INTERFACE_BOND_NONE = 0,
    VIR_INTERFACE_BOND_BALRR,       /* balance-rr */
    VIR_INTERFACE_BOND_ABACKUP,     /* active-backup */
    VIR_INTERFACE_BOND_BALXOR,      /* balance-xor */
    VIR_INTERFACE_BOND_BCAST,       /* broadcast */
    VIR_INTERFACE_BOND_8023AD,      /* 802.3ad */
    VIR_INTERFACE_BOND_BALTLB,      /* balance-tlb */
    VIR_INTERFACE_BOND_BALALB,      /* balance-alb */

    VIR_INTERFACE_BOND_LAST
} virInterfaceBondMode;

VIR_ENUM_DECL(virInterfaceBondMode);

typedef enum {
    VIR_INTERFACE_BOND_MONIT_NONE = 0,
    VIR_INTERFACE_BOND_MONIT_MII,   /* <miimon> */
    VIR_INTERFACE_BOND_MONIT_ARP,   /* <arpmon> */
} virInterfaceBondMonit;

typedef enum {
    VIR_INTERFACE_BOND_MII_NONE = 0,
    VIR_INTERFACE_BOND_MII_IOCTL,
    VIR_INTERFACE_BOND_MII_NETIF,

    VIR_INTERFACE_BOND_MII_LAST
} virInterfaceBondMiiCarrier;

VIR_ENUM_DECL(virInterfaceBondMiiCarrier);

typedef enum {
    VIR_INTERFACE_BOND_ARP_NONE = 0,
    VIR_INTERFACE_BOND_ARP_ACTIVE,
    VIR_INTERFACE_BOND_ARP_BACKUP,
    VIR_INTERFACE_BOND_ARP_ALL,

    VIR_INTERFACE_BOND_ARP_LAST
} virInterfaceBondArpValid;

VIR_ENUM_DECL(virInterfaceBondArpValid);

/* Operational state of a link, as the kernel reports it; 0 is none. */
typedef enum {
    VIR_INTERFACE_LINK_STATE_NONE = 0,
    VIR_INTERFACE_LINK_STATE_UNKNOWN,
    VIR_INTERFACE_LINK_STATE_NOT_PRESENT,
    VIR_INTERFACE_LINK_STATE_DOWN,
    VIR_INTERFACE_LINK_STATE_LOWER_LAYER_DOWN,
    VIR_INTERFACE_LINK_STATE_TESTING,
    VIR_INTERFACE_LINK_STATE_DORMANT,
    VIR_INTERFACE_LINK_STATE_UP,

    VIR_INTERFACE_LINK_STATE_LAST
} virInterfaceLinkState;

VIR_ENUM_DECL(virInterfaceLinkState);

/* <link speed= state=/> */
typedef struct {
    unsigned int state;         /* virInterfaceLinkState */
    unsigned int speed;         /* Mbit/s, 0 when unknown */
} virInterfaceLink;

struct _virInterfaceDef;

typedef struct _virInterfaceBridgeDef virInterfaceBridgeDef;
struct _virInterfaceBridgeDef {
    int stp;                    /* 1 on, 0 off, -1 not given */
    char *delay;
    int nbItf;
    struct _virInterfaceDef **itf;
};

typedef struct _virInterfaceBondDef virInterfaceBondDef;
struct _virInterfaceBondDef {
    int mode;                   /* virInterfaceBondMode */
    int monit;                  /* virInterfaceBondMonit */
    int frequency;              /* miimon, ms */
    int downdelay;              /* miimon */
    int updelay;                /* miimon */
    int carrier;                /* virInterfaceBondMiiCarrier */
    int interval;               /* arpmon, ms */
    char *target;               /* arpmon */
    int validate;               /* virInterfaceBondArpValid */
    int nbItf;
    struct _virInterfaceDef **itf;  /* ethernet interfaces only */
};

typedef struct _virInterfaceVlanDef virInterfaceVlanDef;
struct _virInterfaceVlanDef {
    char *tag;
    char *dev_name;             /* the underlying device */
};

typedef struct _virInterfaceIPDef virInterfaceIPDef;
struct _virInterfaceIPDef {
    char *address;              /* NULL: the <ip> is ignored */
    int prefix;                 /* 0 when not given */
};

typedef struct _virInterfaceProtocolDef virInterfaceProtocolDef;
struct _virInterfaceProtocolDef {
    char *family;               /* "ipv4" or "ipv6" */
    int dhcp;                   /* <dhcp> given */
    int peerdns;                /* 1 yes, 0 no, -1 not given */
    int autoconf;               /* <autoconf/>, ipv6 only */
    int nips;
    virInterfaceIPDef **ips;
    char *gateway;              /* first <route gateway=> */
};

typedef struct _virInterfaceDef virInterfaceDef;
struct _virInterfaceDef {
    int type;                   /* virInterfaceType */
    char *name;
    unsigned int mtu;           /* 0 when not given */
    char *mac;
    virInterfaceLink lnk;
    virInterfaceStartMode startmode;

    union {
        virInterfaceBridgeDef bridge;
        virInterfaceVlanDef vlan;
        virInterfaceBondDef bond;
    } data;

    int nprotos;
    virInterfaceProtocolDef **protos;
};

void virInterfaceDefFree(virInterfaceDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virInterfaceDef, virInterfaceDefFree);

/* @flags: VIR_INTERFACE_DEFINE_VALIDATE.  NULL with an error reported on
 * failure. */
virInterfaceDef *virInterfaceDefParseString(const char *xmlStr,
                                            unsigned int flags);

/* The <interface> element ctxt->node is on, inside an interface of type
 * @parentIfType (VIR_INTERFACE_TYPE_LAST: at the top). */
virInterfaceDef *virInterfaceDefParseNode(xmlXPathContextPtr ctxt,
                                          int parentIfType);

char *virInterfaceDefFormat(const virInterfaceDef *def);

#define VIR_CONNECT_LIST_INTERFACES_FILTERS_ACTIVE \
    (VIR_CONNECT_LIST_INTERFACES_ACTIVE | \
     VIR_CONNECT_LIST_INTERFACES_INACTIVE)
