/*
 * nwfilter_conf.h: the network filter document (virNWFilterDefineXML,
 * virNWFilterGetXMLDesc), as C structures; filter parameters are in
 * nwfilter_params.h.
 *
 *   <filter name='clean-traffic' chain='root' priority='-500'>
 *     <uuid>...</uuid>
 *     <rule action='accept' direction='out' priority='500'>
 *       <tcp match='no' srcipaddr='$IP' dstportstart='22'/>
 *     </rule>
 *     <filterref filter='other'>
 *       <parameter name='IP' value='10.0.0.1'/>
 *     </filterref>
 *   </filter>
 *
 * A rule holds at most one protocol kind (mac, tcp, icmpv6, ...).  Every
 * attribute any kind can carry is a virNWFilterItem field of the rule;
 * which of them a kind reads and writes, and how, is described once per
 * kind in nwfilter_rule.c.
 */
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>

#include "internal.h"
#include "conf/nwfilter_params.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virmacaddr.h"
#include "util/virxml.h"

/* ---- rule attribute values ---- */

typedef enum {
    NWFILTER_ENTRY_ITEM_FLAG_EXISTS = 1 << 0,   /* the attribute was given */
    NWFILTER_ENTRY_ITEM_FLAG_IS_NEG = 1 << 1,   /* match='no' */
    NWFILTER_ENTRY_ITEM_FLAG_HAS_VAR = 1 << 2,  /* the value is a $variable */
} virNWFilterEntryItemFlags;

#define HAS_ENTRY_ITEM(item) ((item)->flags & NWFILTER_ENTRY_ITEM_FLAG_EXISTS)
#define ENTRY_WANT_NEG_SIGN(item) ((item)->flags & NWFILTER_ENTRY_ITEM_FLAG_IS_NEG)

/* How an attribute value was written; an attribute accepting several
 * forms tries them in the order of these bits. */
typedef enum {
    DATATYPE_UINT16 = 1 << 0,
    DATATYPE_UINT8 = 1 << 1,
    DATATYPE_UINT16_HEX = 1 << 2,
    DATATYPE_UINT8_HEX = 1 << 3,
    DATATYPE_MACADDR = 1 << 4,
    DATATYPE_MACMASK = 1 << 5,
    DATATYPE_IPADDR = 1 << 6,
    DATATYPE_IPMASK = 1 << 7,
    DATATYPE_STRING = 1 << 8,
    DATATYPE_IPV6ADDR = 1 << 9,
    DATATYPE_IPV6MASK = 1 << 10,
    DATATYPE_STRINGCOPY = 1 << 11,
    DATATYPE_BOOLEAN = 1 << 12,
    DATATYPE_UINT32 = 1 << 13,
    DATATYPE_UINT32_HEX = 1 << 14,
    DATATYPE_IPSETNAME = 1 << 15,
    DATATYPE_IPSETFLAGS = 1 << 16,

    DATATYPE_LAST = 1 << 17,
} virNWFilterAttrDataType;

#define VIR_NWFILTER_MAX_COMMENT_LENGTH 256
#define VIR_NWFILTER_MAX_IPSET_NAME_LENGTH 32   /* with the final NUL */
#define VIR_NWFILTER_VALID_IPSETNAME \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-+ "

/* An IPv4 or IPv6 address (sa.sa_family tells which). */
typedef union {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
} virNWFilterIPAddr;

typedef struct _virNWFilterItem virNWFilterItem;
struct _virNWFilterItem {
    unsigned int flags;                 /* virNWFilterEntryItemFlags */
    virNWFilterAttrDataType datatype;   /* 0 for a variable */
    virNWFilterVarAccess *varAccess;    /* HAS_VAR: owned by the rule */
    union {
        virMacAddr mac;                 /* MACADDR, MACMASK */
        virNWFilterIPAddr ipaddr;       /* IPADDR, IPV6ADDR */
        bool boolean;
        uint8_t u8;                     /* UINT8*, and masks as prefix length */
        uint16_t u16;
        uint32_t u32;
        char *string;                   /* STRINGCOPY: owned */
        struct {
            uint8_t mask;
            uint8_t flags;
        } tcpFlags;
        struct {
            char setname[VIR_NWFILTER_MAX_IPSET_NAME_LENGTH];
            uint8_t numFlags;
            uint8_t flags;              /* bit i set: i-th flag is 'src' */
        } ipset;
    } u;
};

/* ---- rules ---- */

typedef enum {
    VIR_NWFILTER_RULE_ACTION_DROP = 0,
    VIR_NWFILTER_RULE_ACTION_ACCEPT,
    VIR_NWFILTER_RULE_ACTION_REJECT,
    VIR_NWFILTER_RULE_ACTION_RETURN,
    VIR_NWFILTER_RULE_ACTION_CONTINUE,

    VIR_NWFILTER_RULE_ACTION_LAST
} virNWFilterRuleActionType;

typedef enum {
    VIR_NWFILTER_RULE_DIRECTION_IN = 0,
    VIR_NWFILTER_RULE_DIRECTION_OUT,
    VIR_NWFILTER_RULE_DIRECTION_INOUT,

    VIR_NWFILTER_RULE_DIRECTION_LAST
} virNWFilterRuleDirectionType;

typedef enum {
    VIR_NWFILTER_CHAIN_POLICY_ACCEPT = 0,
    VIR_NWFILTER_CHAIN_POLICY_DROP,

    VIR_NWFILTER_CHAIN_POLICY_LAST
} virNWFilterChainPolicyType;

/* The protocol element of a rule; the strings are the element names. */
typedef enum {
    VIR_NWFILTER_RULE_PROTOCOL_NONE = 0,
    /* Ethernet layer */
    VIR_NWFILTER_RULE_PROTOCOL_MAC,
    VIR_NWFILTER_RULE_PROTOCOL_VLAN,
    VIR_NWFILTER_RULE_PROTOCOL_STP,
    VIR_NWFILTER_RULE_PROTOCOL_ARP,
    VIR_NWFILTER_RULE_PROTOCOL_RARP,
    VIR_NWFILTER_RULE_PROTOCOL_IP,
    VIR_NWFILTER_RULE_PROTOCOL_IPV6,
    /* over IPv4 */
    VIR_NWFILTER_RULE_PROTOCOL_TCP,
    VIR_NWFILTER_RULE_PROTOCOL_ICMP,
    VIR_NWFILTER_RULE_PROTOCOL_IGMP,
    VIR_NWFILTER_RULE_PROTOCOL_UDP,
    VIR_NWFILTER_RULE_PROTOCOL_UDPLITE,
    VIR_NWFILTER_RULE_PROTOCOL_ESP,
    VIR_NWFILTER_RULE_PROTOCOL_AH,
    VIR_NWFILTER_RULE_PROTOCOL_SCTP,
    VIR_NWFILTER_RULE_PROTOCOL_ALL,
    /* over IPv6 */
    VIR_NWFILTER_RULE_PROTOCOL_TCPoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_ICMPV6,
    VIR_NWFILTER_RULE_PROTOCOL_UDPoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_UDPLITEoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_ESPoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_AHoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_SCTPoIPV6,
    VIR_NWFILTER_RULE_PROTOCOL_ALLoIPV6,

    VIR_NWFILTER_RULE_PROTOCOL_LAST
} virNWFilterRuleProtocolType;

typedef enum {
    VIR_NWFILTER_EBTABLES_TABLE_FILTER = 0,
    VIR_NWFILTER_EBTABLES_TABLE_NAT,
    VIR_NWFILTER_EBTABLES_TABLE_BROUTE,

    VIR_NWFILTER_EBTABLES_TABLE_LAST
} virNWFilterEbtablesTableType;

#define MIN_RULE_PRIORITY -1000
#define MAX_RULE_PRIORITY 1000
#define NWFILTER_MIN_FILTER_PRIORITY -1000
#define NWFILTER_MAX_FILTER_PRIORITY MAX_RULE_PRIORITY

/* Default priorities of the chains named after a prefix. */
#define NWFILTER_ROOT_FILTER_PRI 0
#define NWFILTER_STP_FILTER_PRI -810
#define NWFILTER_MAC_FILTER_PRI -800
#define NWFILTER_VLAN_FILTER_PRI -750
#define NWFILTER_IPV4_FILTER_PRI -700
#define NWFILTER_IPV6_FILTER_PRI -600
#define NWFILTER_ARP_FILTER_PRI -500
#define NWFILTER_RARP_FILTER_PRI -400

typedef enum {
    RULE_FLAG_NO_STATEMATCH = 1 << 0,   /* statematch='false' */
    RULE_FLAG_STATE_NEW = 1 << 1,
    RULE_FLAG_STATE_ESTABLISHED = 1 << 2,
    RULE_FLAG_STATE_RELATED = 1 << 3,
    RULE_FLAG_STATE_INVALID = 1 << 4,
    RULE_FLAG_STATE_NONE = 1 << 5,
} virNWFilterRuleFlags;

#define IPTABLES_STATE_FLAGS \
    (RULE_FLAG_STATE_NEW | RULE_FLAG_STATE_ESTABLISHED | \
     RULE_FLAG_STATE_RELATED | RULE_FLAG_STATE_INVALID | \
     RULE_FLAG_STATE_NONE)

/* Spanning tree BPDU fields (<stp>); *Hi ends a range. */
typedef struct {
    virNWFilterItem type;
    virNWFilterItem flags;
    virNWFilterItem rootPri;
    virNWFilterItem rootPriHi;
    virNWFilterItem rootAddr;
    virNWFilterItem rootAddrMask;
    virNWFilterItem rootCost;
    virNWFilterItem rootCostHi;
    virNWFilterItem sndrPrio;
    virNWFilterItem sndrPrioHi;
    virNWFilterItem sndrAddr;
    virNWFilterItem sndrAddrMask;
    virNWFilterItem port;
    virNWFilterItem portHi;
    virNWFilterItem age;
    virNWFilterItem ageHi;
    virNWFilterItem maxAge;
    virNWFilterItem maxAgeHi;
    virNWFilterItem helloTime;
    virNWFilterItem helloTimeHi;
    virNWFilterItem fwdDelay;
    virNWFilterItem fwdDelayHi;
} virNWFilterSTPData;

/* <arp>, <rarp> */
typedef struct {
    virNWFilterItem hwType;
    virNWFilterItem protocolType;
    virNWFilterItem opcode;
    virNWFilterItem srcMACAddr;
    virNWFilterItem srcIPAddr;
    virNWFilterItem srcIPMask;
    virNWFilterItem dstMACAddr;
    virNWFilterItem dstIPAddr;
    virNWFilterItem dstIPMask;
    virNWFilterItem gratuitous;
} virNWFilterARPData;

/* The IP header, for <ip>, <ipv6> and every protocol over IP. */
typedef struct {
    virNWFilterItem srcIPAddr;
    virNWFilterItem srcIPMask;
    virNWFilterItem dstIPAddr;
    virNWFilterItem dstIPMask;
    virNWFilterItem protocolID;         /* <ip>/<ipv6> protocol= */
    virNWFilterItem srcIPFrom;
    virNWFilterItem srcIPTo;
    virNWFilterItem dstIPFrom;
    virNWFilterItem dstIPTo;
    virNWFilterItem dscp;
    virNWFilterItem state;              /* u16: RULE_FLAG_STATE_* */
    virNWFilterItem connlimitAbove;
    virNWFilterItem ipset;
    virNWFilterItem ipsetFlags;
} virNWFilterIPData;

typedef struct {
    virNWFilterItem srcPortStart;
    virNWFilterItem srcPortEnd;
    virNWFilterItem dstPortStart;
    virNWFilterItem dstPortEnd;
} virNWFilterPortData;

typedef struct _virNWFilterRuleDef virNWFilterRuleDef;
struct _virNWFilterRuleDef {
    int priority;
    unsigned int flags;                     /* virNWFilterRuleFlags */
    virNWFilterRuleActionType action;
    virNWFilterRuleDirectionType direction;
    virNWFilterRuleProtocolType protocol;

    /* Which of these a rule uses depends on its protocol. */
    virNWFilterItem srcMACAddr;
    virNWFilterItem srcMACMask;
    virNWFilterItem dstMACAddr;
    virNWFilterItem dstMACMask;
    virNWFilterItem macProtocolID;          /* <mac protocolid=> */
    virNWFilterItem vlanID;
    virNWFilterItem vlanEncap;
    virNWFilterSTPData stp;
    virNWFilterARPData arp;
    virNWFilterIPData ip;
    virNWFilterPortData port;
    virNWFilterItem icmpType;               /* also <ipv6 type=> */
    virNWFilterItem icmpTypeEnd;
    virNWFilterItem icmpCode;
    virNWFilterItem icmpCodeEnd;
    virNWFilterItem tcpOption;
    virNWFilterItem tcpFlags;
    virNWFilterItem comment;

    /* The distinct variables the attributes refer to. */
    size_t nVarAccess;
    virNWFilterVarAccess **varAccess;
};

void virNWFilterRuleDefFree(virNWFilterRuleDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterRuleDef, virNWFilterRuleDefFree);

bool virNWFilterRuleIsProtocolEthernet(const virNWFilterRuleDef *rule);
bool virNWFilterRuleIsProtocolIPv4(const virNWFilterRuleDef *rule);
bool virNWFilterRuleIsProtocolIPv6(const virNWFilterRuleDef *rule);

/* @prefix then the RULE_FLAG_STATE_* names of @flags, comma separated;
 * nothing when @flags has NONE and @disp_none is false. */
void virNWFilterPrintStateMatchFlags(virBuffer *buf, const char *prefix,
                                     int32_t flags, bool disp_none);
/* "NONE", "ALL" or the names of the TCP flags in @flags. */
char *virNWFilterPrintTCPFlags(uint8_t flags);

/* ---- the filter ---- */

/* <filterref> inside a filter */
typedef struct _virNWFilterIncludeDef virNWFilterIncludeDef;
struct _virNWFilterIncludeDef {
    char *filterref;
    GHashTable *params;                 /* name -> virNWFilterVarValue */
};

/* One child of <filter>: exactly one of the two is set. */
typedef struct _virNWFilterEntry virNWFilterEntry;
struct _virNWFilterEntry {
    virNWFilterRuleDef *rule;
    virNWFilterIncludeDef *include;
};

/* The chain= prefixes; a chain name is one of them, possibly followed by
 * more characters (but 'root' only alone). */
typedef enum {
    VIR_NWFILTER_CHAINSUFFIX_ROOT = 0,
    VIR_NWFILTER_CHAINSUFFIX_MAC,
    VIR_NWFILTER_CHAINSUFFIX_VLAN,
    VIR_NWFILTER_CHAINSUFFIX_STP,
    VIR_NWFILTER_CHAINSUFFIX_ARP,
    VIR_NWFILTER_CHAINSUFFIX_RARP,
    VIR_NWFILTER_CHAINSUFFIX_IPv4,
    VIR_NWFILTER_CHAINSUFFIX_IPv6,

    VIR_NWFILTER_CHAINSUFFIX_LAST
} virNWFilterChainSuffixType;

#define MAX_CHAIN_SUFFIX_SIZE 12
#define VALID_CHAINNAME \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:-"

typedef struct _virNWFilterDef virNWFilterDef;
struct _virNWFilterDef {
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    bool uuid_specified;        /* false: uuid was generated */
    char *chainsuffix;          /* 'root' when not given */
    int chainPriority;          /* 0 is not written out */

    size_t nentries;
    virNWFilterEntry **filterEntries;
};

void virNWFilterDefFree(virNWFilterDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterDef, virNWFilterDefFree);

/* Parse a <filter> from @xmlStr, or from the file @filename when set.
 * @flags: VIR_NWFILTER_DEFINE_VALIDATE.  A missing <uuid> gets a random
 * one.  NULL with an error reported on failure. */
virNWFilterDef *virNWFilterDefParse(const char *xmlStr, const char *filename,
                                    unsigned int flags);
virNWFilterDef *virNWFilterDefParseString(const char *xmlStr,
                                          unsigned int flags);
/* The <filter> element ctxt->node is on. */
virNWFilterDef *virNWFilterDefParseNode(xmlXPathContextPtr ctxt);

char *virNWFilterDefFormat(const virNWFilterDef *def);

VIR_ENUM_DECL(virNWFilterRuleAction);
VIR_ENUM_DECL(virNWFilterJumpTarget);
VIR_ENUM_DECL(virNWFilterRuleDirection);
VIR_ENUM_DECL(virNWFilterRuleProtocol);
VIR_ENUM_DECL(virNWFilterChainPolicy);
VIR_ENUM_DECL(virNWFilterEbtablesTable);
VIR_ENUM_DECL(virNWFilterChainSuffix);
