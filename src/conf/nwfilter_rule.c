/*
 * nwfilter_rule.c: the <rule> of a network filter.  Each protocol element
 * has one table of field descriptors (XML name, datatypes, offset, value
 * kind, match='no' inheritance); one engine parses and formats them all,
 * in table order.
 */
#include "internal.h"

#include <netdb.h>

#include "conf/nwfilter_conf.h"
#include "conf/nwfilter_conf_priv.h"
#include "util/virbuffer.h"
#include "util/virmacaddr.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

VIR_ENUM_IMPL(virNWFilterRuleAction,
              VIR_NWFILTER_RULE_ACTION_LAST,
              "drop", "accept", "reject", "return", "continue");

VIR_ENUM_IMPL(virNWFilterJumpTarget,
              VIR_NWFILTER_RULE_ACTION_LAST,
              "DROP", "ACCEPT", "REJECT", "RETURN", "CONTINUE");

VIR_ENUM_IMPL(virNWFilterRuleDirection,
              VIR_NWFILTER_RULE_DIRECTION_LAST,
              "in", "out", "inout");

VIR_ENUM_IMPL(virNWFilterRuleProtocol,
              VIR_NWFILTER_RULE_PROTOCOL_LAST,
              "none",
              "mac", "vlan", "stp", "arp", "rarp", "ip", "ipv6",
              "tcp", "icmp", "igmp", "udp", "udplite", "esp", "ah", "sctp",
              "all",
              "tcp-ipv6", "icmpv6", "udp-ipv6", "udplite-ipv6", "esp-ipv6",
              "ah-ipv6", "sctp-ipv6", "all-ipv6");



/* ===== names for numbers and flag bits ===== */

typedef struct {
    int32_t value;
    const char *name;
} virNWFilterIntMap;    /* ends with a NULL name */

static const virNWFilterIntMap virNWFilterEtherTypes[] = {
    { 0x0806, "arp" },
    { 0x8035, "rarp" },
    { 0x0800, "ipv4" },
    { 0x86dd, "ipv6" },
    { 0x8100, "vlan" },
    { 0, NULL },
};

/* as 'ebtables -h arp' names them */
static const virNWFilterIntMap virNWFilterARPOpcodes[] = {
    { 1, "Request" },
    { 2, "Reply" },
    { 3, "Request_Reverse" },
    { 4, "Reply_Reverse" },
    { 5, "DRARP_Request" },
    { 6, "DRARP_Reply" },
    { 7, "DRARP_Error" },
    { 8, "InARP_Request" },
    { 9, "ARP_NAK" },
    { 0, NULL },
};

static const virNWFilterIntMap virNWFilterIPProtocols[] = {
    { IPPROTO_TCP, "tcp" },
    { IPPROTO_UDP, "udp" },
    { IPPROTO_UDPLITE, "udplite" },
    { IPPROTO_ESP, "esp" },
    { IPPROTO_AH, "ah" },
    { IPPROTO_ICMP, "icmp" },
    { IPPROTO_IGMP, "igmp" },
    { IPPROTO_SCTP, "sctp" },
    { IPPROTO_ICMPV6, "icmpv6" },
    { 0, NULL },
};

static const virNWFilterIntMap virNWFilterStates[] = {
    { RULE_FLAG_STATE_NEW, "NEW" },
    { RULE_FLAG_STATE_ESTABLISHED, "ESTABLISHED" },
    { RULE_FLAG_STATE_RELATED, "RELATED" },
    { RULE_FLAG_STATE_INVALID, "INVALID" },
    { RULE_FLAG_STATE_NONE, "NONE" },
    { 0, NULL },
};

static const virNWFilterIntMap virNWFilterTCPFlagNames[] = {
    { 0x01, "FIN" },
    { 0x02, "SYN" },
    { 0x04, "RST" },
    { 0x08, "PSH" },
    { 0x10, "ACK" },
    { 0x20, "URG" },
    { 0x3f, "ALL" },
    { 0x00, "NONE" },
    { 0, NULL },
};

#define VIR_NWFILTER_TCP_FLAGS_ALL 0x3f


static const char *
virNWFilterIntMapName(const virNWFilterIntMap *map, int32_t value)
{
    for (; map->name; map++) {
        if (map->value == value)
            return map->name;
    }
    return NULL;
}


/* Names are matched without regard to case. */
static int
virNWFilterIntMapValue(const virNWFilterIntMap *map, const char *name,
                       int32_t *value)
{
    for (; map->name; map++) {
        if (g_ascii_strcasecmp(map->name, name) == 0) {
            *value = map->value;
            return 0;
        }
    }
    return -1;
}


/* OR into @flags the names in @str, which may be separated by blanks or
 * @sep (or nothing at all).  -1 on an unknown name. */
static int
virNWFilterParseFlagList(const virNWFilterIntMap *map, const char *str,
                         char sep, int32_t *flags)
{
    while (*str) {
        const virNWFilterIntMap *m;

        while (g_ascii_isspace(*str) || *str == sep)
            str++;
        if (!*str)
            break;
        for (m = map; m->name; m++) {
            if (g_ascii_strncasecmp(str, m->name, strlen(m->name)) == 0)
                break;
        }
        if (!m->name)
            return -1;
        *flags |= m->value;
        str += strlen(m->name);
    }
    return 0;
}


/* The names of the single bits of @flags, lowest bit first. */
static void
virNWFilterFormatFlagList(virBuffer *buf, const virNWFilterIntMap *map,
                          int32_t flags, const char *sep)
{
    bool first = true;
    unsigned int bit;

    for (bit = 0; bit < 31; bit++) {
        const virNWFilterIntMap *m;

        if (!(flags & (1 << bit)))
            continue;
        for (m = map; m->name; m++) {
            if (m->value != (1 << bit))
                continue;
            if (!first)
                virBufferAdd(buf, sep, -1);
            virBufferAdd(buf, m->name, -1);
            first = false;
        }
    }
}


void
virNWFilterPrintStateMatchFlags(virBuffer *buf, const char *prefix,
                                int32_t flags, bool disp_none)
{
    if (!disp_none && (flags & RULE_FLAG_STATE_NONE))
        return;
    virBufferAdd(buf, prefix, -1);
    virNWFilterFormatFlagList(buf, virNWFilterStates, flags, ",");
}


static void
virNWFilterFormatTCPFlags(virBuffer *buf, uint8_t flags)
{
    if (flags == 0)
        virBufferAddLit(buf, "NONE");
    else if (flags == VIR_NWFILTER_TCP_FLAGS_ALL)
        virBufferAddLit(buf, "ALL");
    else
        virNWFilterFormatFlagList(buf, virNWFilterTCPFlagNames, flags, ",");
}


char *
virNWFilterPrintTCPFlags(uint8_t flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virNWFilterFormatTCPFlags(&buf, flags);
    return virBufferContentAndReset(&buf);
}


/* ===== addresses and masks ===== */

/* A numeric address of @family (AF_INET or AF_INET6), as getaddrinfo
 * reads it.  Not virSocketAddrParse: that reports an error, while the
 * engine tries several datatypes and reports a refused value once. */
static int
virNWFilterIPAddrParse(const char *str, int family, virNWFilterIPAddr *addr)
{
    struct addrinfo hints = { .ai_family = family, .ai_flags = AI_NUMERICHOST };
    struct addrinfo *res = NULL;

    if (getaddrinfo(str, NULL, &hints, &res) != 0 || !res)
        return -1;
    memset(addr, 0, sizeof(*addr));
    memcpy(addr, res->ai_addr, MIN((size_t)res->ai_addrlen, sizeof(*addr)));
    freeaddrinfo(res);
    return 0;
}


/* Not virSocketAddrFormat: virNWFilterIPAddr carries no length. */
static void
virNWFilterIPAddrFormat(virBuffer *buf, const virNWFilterIPAddr *addr)
{
    char host[NI_MAXHOST];
    socklen_t len = addr->sa.sa_family == AF_INET6 ? sizeof(addr->in6) :
                                                     sizeof(addr->in4);

    if (getnameinfo(&addr->sa, len, host, sizeof(host), NULL, 0,
                    NI_NUMERICHOST) == 0)
        virBufferAdd(buf, host, -1);
}


/* The number of leading one bits of a mask, or -1 when a one bit
 * follows a zero bit.  Also for MAC masks, which
 * virSocketAddrGetNumNetmaskBits cannot take. */
static int
virNWFilterMaskPrefix(const unsigned char *bytes, size_t len)
{
    size_t bit;
    int prefix = -1;

    for (bit = 0; bit < len * 8; bit++) {
        bool one = bytes[bit / 8] & (0x80 >> (bit % 8));

        if (!one && prefix < 0)
            prefix = bit;
        else if (one && prefix >= 0)
            return -1;
    }
    return prefix < 0 ? (int)(len * 8) : prefix;
}


/* virSocketAddrGetNumNetmaskBits on a virNWFilterIPAddr. */
static int
virNWFilterIPAddrPrefix(const virNWFilterIPAddr *addr)
{
    if (addr->sa.sa_family == AF_INET6)
        return virNWFilterMaskPrefix(addr->in6.sin6_addr.s6_addr, 16);
    return virNWFilterMaskPrefix((const unsigned char *)&addr->in4.sin_addr, 4);
}


/* ===== rule attributes: value kinds ===== */

/* Values that need more than their datatype says.  @check runs once the
 * value was read as item->datatype (@num holds a number, @str the text
 * as written) and may rewrite the item; @format writes it back (NULL:
 * by datatype).  The other members parameterize the shared checks. */
typedef struct _virNWFilterValueKind virNWFilterValueKind;
struct _virNWFilterValueKind {
    bool (*check)(const virNWFilterValueKind *kind, virNWFilterRuleDef *rule,
                  virNWFilterItem *item, const char *str, unsigned int num);
    void (*format)(virBuffer *buf, const virNWFilterValueKind *kind,
                   const virNWFilterItem *item);
    const virNWFilterIntMap *names;     /* numbers that have a name */
    unsigned int min;                   /* smallest number accepted */
    unsigned int max;                   /* largest number accepted */
    virNWFilterAttrDataType nameType;   /* a name is kept as this number */
    bool decimal;                       /* unnamed numbers in decimal */
};

#define DATATYPE_HEX (DATATYPE_UINT8_HEX | DATATYPE_UINT16_HEX | \
                      DATATYPE_UINT32_HEX)


static void
virNWFilterItemSetNumber(virNWFilterItem *item, unsigned int num)
{
    if (item->datatype & (DATATYPE_UINT8 | DATATYPE_UINT8_HEX))
        item->u.u8 = num;
    else if (item->datatype & (DATATYPE_UINT16 | DATATYPE_UINT16_HEX))
        item->u.u16 = num;
    else
        item->u.u32 = num;
}


static unsigned int
virNWFilterItemGetNumber(const virNWFilterItem *item)
{
    if (item->datatype & (DATATYPE_UINT8 | DATATYPE_UINT8_HEX))
        return item->u.u8;
    if (item->datatype & (DATATYPE_UINT16 | DATATYPE_UINT16_HEX))
        return item->u.u16;
    return item->u.u32;
}


/* A number, or one of the kind's names for a number. */
static bool
virNWFilterSymbolCheck(const virNWFilterValueKind *kind,
                       virNWFilterRuleDef *rule G_GNUC_UNUSED,
                       virNWFilterItem *item, const char *str, unsigned int num)
{
    int32_t value;

    if (item->datatype != DATATYPE_STRING)
        return num >= kind->min;
    if (virNWFilterIntMapValue(kind->names, str, &value) < 0)
        return false;
    item->datatype = kind->nameType;
    virNWFilterItemSetNumber(item, value);
    return true;
}


static void
virNWFilterSymbolFormat(virBuffer *buf, const virNWFilterValueKind *kind,
                        const virNWFilterItem *item)
{
    unsigned int num = virNWFilterItemGetNumber(item);
    const char *name = virNWFilterIntMapName(kind->names, num);

    if (name)
        virBufferAdd(buf, name, -1);
    else if (!kind->decimal && (item->datatype & DATATYPE_HEX))
        virBufferAsprintf(buf, "0x%x", num);
    else
        virBufferAsprintf(buf, "%u", num);
}


static bool
virNWFilterRangeCheck(const virNWFilterValueKind *kind,
                      virNWFilterRuleDef *rule G_GNUC_UNUSED,
                      virNWFilterItem *item G_GNUC_UNUSED,
                      const char *str G_GNUC_UNUSED, unsigned int num)
{
    return num <= kind->max;
}


/* state='NEW,ESTABLISHED'; NONE overrides the others. */
static bool
virNWFilterStateCheck(const virNWFilterValueKind *kind G_GNUC_UNUSED,
                      virNWFilterRuleDef *rule, virNWFilterItem *item,
                      const char *str, unsigned int num G_GNUC_UNUSED)
{
    int32_t flags = 0;

    if (virNWFilterParseFlagList(virNWFilterStates, str, ',', &flags) < 0)
        return false;
    if (flags & RULE_FLAG_STATE_NONE)
        flags = RULE_FLAG_STATE_NONE;
    item->u.u16 = flags;
    item->datatype = DATATYPE_UINT16;
    rule->flags |= flags;
    return true;
}


static void
virNWFilterStateFormat(virBuffer *buf,
                       const virNWFilterValueKind *kind G_GNUC_UNUSED,
                       const virNWFilterItem *item)
{
    virNWFilterPrintStateMatchFlags(buf, "", item->u.u16, true);
}


/* flags='MASK/SET', each a list of TCP flag names. */
static bool
virNWFilterTCPFlagsCheck(const virNWFilterValueKind *kind G_GNUC_UNUSED,
                         virNWFilterRuleDef *rule G_GNUC_UNUSED,
                         virNWFilterItem *item, const char *str,
                         unsigned int num G_GNUC_UNUSED)
{
    const char *slash = strchr(str, '/');
    g_autofree char *maskStr = NULL;
    int32_t mask = 0;
    int32_t flags = 0;

    if (!slash)
        return false;
    maskStr = g_strndup(str, slash - str);
    if (virNWFilterParseFlagList(virNWFilterTCPFlagNames, maskStr, ',', &mask) < 0 ||
        virNWFilterParseFlagList(virNWFilterTCPFlagNames, slash + 1, ',', &flags) < 0)
        return false;
    item->u.tcpFlags.mask = mask & VIR_NWFILTER_TCP_FLAGS_ALL;
    item->u.tcpFlags.flags = flags & VIR_NWFILTER_TCP_FLAGS_ALL;
    return true;
}


static void
virNWFilterTCPFlagsFormat(virBuffer *buf,
                          const virNWFilterValueKind *kind G_GNUC_UNUSED,
                          const virNWFilterItem *item)
{
    virNWFilterFormatTCPFlags(buf, item->u.tcpFlags.mask);
    virBufferAddChar(buf, '/');
    virNWFilterFormatTCPFlags(buf, item->u.tcpFlags.flags);
}


static bool
virNWFilterIPSetCheck(const virNWFilterValueKind *kind G_GNUC_UNUSED,
                      virNWFilterRuleDef *rule G_GNUC_UNUSED,
                      virNWFilterItem *item, const char *str,
                      unsigned int num G_GNUC_UNUSED)
{
    if (virStrcpyStatic(item->u.ipset.setname, str) < 0)
        return false;
    return str[strspn(str, VIR_NWFILTER_VALID_IPSETNAME)] == '\0';
}


static void
virNWFilterIPSetFormat(virBuffer *buf,
                       const virNWFilterValueKind *kind G_GNUC_UNUSED,
                       const virNWFilterItem *item)
{
    virBufferAdd(buf, item->u.ipset.setname, -1);
}


/* ipsetflags='src,dst,...': up to 6 of 'src' and 'dst'. */
static bool
virNWFilterIPSetFlagsCheck(const virNWFilterValueKind *kind G_GNUC_UNUSED,
                           virNWFilterRuleDef *rule G_GNUC_UNUSED,
                           virNWFilterItem *item, const char *str,
                           unsigned int num G_GNUC_UNUSED)
{
    item->u.ipset.numFlags = 0;
    item->u.ipset.flags = 0;

    while (item->u.ipset.numFlags < 6) {
        if (g_ascii_strncasecmp(str, "src", 3) == 0)
            item->u.ipset.flags |= 1 << item->u.ipset.numFlags;
        else if (g_ascii_strncasecmp(str, "dst", 3) != 0)
            return false;
        item->u.ipset.numFlags++;
        str += 3;
        if (*str != ',')
            break;
        str++;
    }
    return *str == '\0';
}


static void
virNWFilterIPSetFlagsFormat(virBuffer *buf,
                            const virNWFilterValueKind *kind G_GNUC_UNUSED,
                            const virNWFilterItem *item)
{
    uint8_t i;

    for (i = 0; i < item->u.ipset.numFlags; i++) {
        if (i > 0)
            virBufferAddChar(buf, ',');
        if (item->u.ipset.flags & (1 << i))
            virBufferAddLit(buf, "src");
        else
            virBufferAddLit(buf, "dst");
    }
}


static const virNWFilterValueKind kindMACProtocol = {
    .check = virNWFilterSymbolCheck, .format = virNWFilterSymbolFormat,
    .names = virNWFilterEtherTypes, .min = 0x600, .nameType = DATATYPE_UINT16,
};
static const virNWFilterValueKind kindVLANProtocol = {
    .check = virNWFilterSymbolCheck, .format = virNWFilterSymbolFormat,
    .names = virNWFilterEtherTypes, .min = 0x3c, .nameType = DATATYPE_UINT16,
};
static const virNWFilterValueKind kindARPOpcode = {
    .check = virNWFilterSymbolCheck, .format = virNWFilterSymbolFormat,
    .names = virNWFilterARPOpcodes, .nameType = DATATYPE_UINT16,
    .decimal = true,
};
static const virNWFilterValueKind kindIPProtocol = {
    .check = virNWFilterSymbolCheck, .format = virNWFilterSymbolFormat,
    .names = virNWFilterIPProtocols, .nameType = DATATYPE_UINT8_HEX,
};
static const virNWFilterValueKind kindVLANID = {
    .check = virNWFilterRangeCheck, .max = 4095,
};
static const virNWFilterValueKind kindDSCP = {
    .check = virNWFilterRangeCheck, .max = 63,
};
static const virNWFilterValueKind kindState = {
    .check = virNWFilterStateCheck, .format = virNWFilterStateFormat,
};
static const virNWFilterValueKind kindTCPFlags = {
    .check = virNWFilterTCPFlagsCheck, .format = virNWFilterTCPFlagsFormat,
};
static const virNWFilterValueKind kindIPSet = {
    .check = virNWFilterIPSetCheck, .format = virNWFilterIPSetFormat,
};
static const virNWFilterValueKind kindIPSetFlags = {
    .check = virNWFilterIPSetFlagsCheck, .format = virNWFilterIPSetFlagsFormat,
};


/* ===== rule attributes: the field tables ===== */

typedef struct {
    const char *name;                   /* XML attribute */
    unsigned int types;                 /* virNWFilterAttrDataType bits */
    size_t offset;                      /* virNWFilterItem in the rule */
    const virNWFilterValueKind *kind;   /* NULL: plain datatype */
    const char *negFrom;                /* takes match='no' from this field */
} virNWFilterField;

#define T_U8 (DATATYPE_UINT8 | DATATYPE_UINT8_HEX)
#define T_U16 (DATATYPE_UINT16 | DATATYPE_UINT16_HEX)
#define T_U32 (DATATYPE_UINT32 | DATATYPE_UINT32_HEX)

#define F(NAME, TYPES, MEMBER) \
    { NAME, TYPES, offsetof(virNWFilterRuleDef, MEMBER), NULL, NULL }
#define F_KIND(NAME, TYPES, MEMBER, KIND) \
    { NAME, TYPES, offsetof(virNWFilterRuleDef, MEMBER), &KIND, NULL }
#define F_NEG(NAME, TYPES, MEMBER, FROM) \
    { NAME, TYPES, offsetof(virNWFilterRuleDef, MEMBER), NULL, FROM }
#define F_END { NULL, 0, 0, NULL, NULL }

#define F_COMMENT \
    F("comment", DATATYPE_STRINGCOPY, comment)

/* The Ethernet header; the masks inherit match='no' from their address
 * when SRCNEG/DSTNEG name it. */
#define F_ETHER(SRCNEG, DSTNEG) \
    F("srcmacaddr", DATATYPE_MACADDR, srcMACAddr), \
    F_NEG("srcmacmask", DATATYPE_MACMASK, srcMACMask, SRCNEG), \
    F("dstmacaddr", DATATYPE_MACADDR, dstMACAddr), \
    F_NEG("dstmacmask", DATATYPE_MACMASK, dstMACMask, DSTNEG)

/* Ports as <ip> and <ipv6> take them. */
#define F_PORTS_PLAIN \
    F("srcportstart", T_U16, port.srcPortStart), \
    F("srcportend", T_U16, port.srcPortEnd), \
    F("dstportstart", T_U16, port.dstPortStart), \
    F("dstportend", T_U16, port.dstPortEnd)

/* Ports of tcp, udp and sctp: all follow srcportstart's match='no'. */
#define F_PORTS \
    F("srcportstart", T_U16, port.srcPortStart), \
    F_NEG("srcportend", T_U16, port.srcPortEnd, "srcportstart"), \
    F_NEG("dstportstart", T_U16, port.dstPortStart, "srcportstart"), \
    F_NEG("dstportend", T_U16, port.dstPortEnd, "srcportstart")

/* What every protocol over IP takes.  dstipto is read as an IPv4
 * address even over IPv6, as libvirt does. */
#define F_OVER_IP(ADDR, MASK) \
    F("srcmacaddr", DATATYPE_MACADDR, srcMACAddr), \
    F("srcipaddr", ADDR, ip.srcIPAddr), \
    F_NEG("srcipmask", MASK, ip.srcIPMask, "srcipaddr"), \
    F("dstipaddr", ADDR, ip.dstIPAddr), \
    F_NEG("dstipmask", MASK, ip.dstIPMask, "dstipaddr"), \
    F("srcipfrom", ADDR, ip.srcIPFrom), \
    F_NEG("srcipto", ADDR, ip.srcIPTo, "srcipfrom"), \
    F("dstipfrom", ADDR, ip.dstIPFrom), \
    F_NEG("dstipto", DATATYPE_IPADDR, ip.dstIPTo, "dstipfrom"), \
    F_KIND("dscp", T_U8, ip.dscp, kindDSCP), \
    F("connlimit-above", DATATYPE_UINT16, ip.connlimitAbove), \
    F_KIND("state", DATATYPE_STRING, ip.state, kindState), \
    F_KIND("ipset", DATATYPE_IPSETNAME, ip.ipset, kindIPSet), \
    F_KIND("ipsetflags", DATATYPE_IPSETFLAGS, ip.ipsetFlags, kindIPSetFlags)

#define F_OVER_IPV4 F_OVER_IP(DATATYPE_IPADDR, DATATYPE_IPMASK)
#define F_OVER_IPV6 F_OVER_IP(DATATYPE_IPV6ADDR, DATATYPE_IPV6MASK)

#define F_ICMP \
    F("type", T_U8, icmpType), \
    F_NEG("code", T_U8, icmpCode, "type")

static const virNWFilterField fieldsMAC[] = {
    F_ETHER("srcmacaddr", "dstmacaddr"),
    F_KIND("protocolid", T_U16 | DATATYPE_STRING, macProtocolID, kindMACProtocol),
    F_COMMENT, F_END
};

static const virNWFilterField fieldsVLAN[] = {
    F_ETHER("srcmacaddr", "dstmacaddr"),
    F_KIND("vlanid", T_U16, vlanID, kindVLANID),
    F_KIND("encap-protocol", T_U16 | DATATYPE_STRING, vlanEncap, kindVLANProtocol),
    F_COMMENT, F_END
};

/* STP (IEEE 802.1D) BPDUs; each *-hi and mask follows its start. */
static const virNWFilterField fieldsSTP[] = {
    F("srcmacaddr", DATATYPE_MACADDR, srcMACAddr),
    F_NEG("srcmacmask", DATATYPE_MACMASK, srcMACMask, "srcmacaddr"),
    F("type", T_U8, stp.type),
    F("flags", T_U8, stp.flags),
    F("root-priority", T_U16, stp.rootPri),
    F_NEG("root-priority-hi", T_U16, stp.rootPriHi, "root-priority"),
    F("root-address", DATATYPE_MACADDR, stp.rootAddr),
    F_NEG("root-address-mask", DATATYPE_MACMASK, stp.rootAddrMask, "root-address"),
    F("root-cost", T_U32, stp.rootCost),
    F_NEG("root-cost-hi", T_U32, stp.rootCostHi, "root-cost"),
    F("sender-priority", T_U16, stp.sndrPrio),
    F_NEG("sender-priority-hi", T_U16, stp.sndrPrioHi, "sender-priority"),
    F("sender-address", DATATYPE_MACADDR, stp.sndrAddr),
    F_NEG("sender-address-mask", DATATYPE_MACMASK, stp.sndrAddrMask, "sender-address"),
    F("port", T_U16, stp.port),
    F_NEG("port-hi", T_U16, stp.portHi, "port"),
    F("age", T_U16, stp.age),
    F_NEG("age-hi", T_U16, stp.ageHi, "age"),
    F("max-age", T_U16, stp.maxAge),
    F_NEG("max-age-hi", T_U16, stp.maxAgeHi, "max-age"),
    F("hello-time", T_U16, stp.helloTime),
    F_NEG("hello-time-hi", T_U16, stp.helloTimeHi, "hello-time"),
    F("forward-delay", T_U16, stp.fwdDelay),
    F_NEG("forward-delay-hi", T_U16, stp.fwdDelayHi, "forward-delay"),
    F_COMMENT, F_END
};

/* arp and rarp */
static const virNWFilterField fieldsARP[] = {
    F_ETHER(NULL, NULL),
    F("hwtype", T_U16, arp.hwType),
    F("protocoltype", T_U16, arp.protocolType),
    F_KIND("opcode", T_U16 | DATATYPE_STRING, arp.opcode, kindARPOpcode),
    F("arpsrcmacaddr", DATATYPE_MACADDR, arp.srcMACAddr),
    F("arpdstmacaddr", DATATYPE_MACADDR, arp.dstMACAddr),
    F("arpsrcipaddr", DATATYPE_IPADDR, arp.srcIPAddr),
    F("arpsrcipmask", DATATYPE_IPMASK, arp.srcIPMask),
    F("arpdstipaddr", DATATYPE_IPADDR, arp.dstIPAddr),
    F("arpdstipmask", DATATYPE_IPMASK, arp.dstIPMask),
    F("gratuitous", DATATYPE_BOOLEAN, arp.gratuitous),
    F_COMMENT, F_END
};

static const virNWFilterField fieldsIP[] = {
    F_ETHER(NULL, NULL),
    F("srcipaddr", DATATYPE_IPADDR, ip.srcIPAddr),
    F_NEG("srcipmask", DATATYPE_IPMASK, ip.srcIPMask, "srcipaddr"),
    F("dstipaddr", DATATYPE_IPADDR, ip.dstIPAddr),
    F_NEG("dstipmask", DATATYPE_IPMASK, ip.dstIPMask, "dstipaddr"),
    F_KIND("protocol", T_U8 | DATATYPE_STRING, ip.protocolID, kindIPProtocol),
    F_PORTS_PLAIN,
    F_KIND("dscp", T_U8, ip.dscp, kindDSCP),
    F_COMMENT, F_END
};

static const virNWFilterField fieldsIPv6[] = {
    F_ETHER(NULL, NULL),
    F("srcipaddr", DATATYPE_IPV6ADDR, ip.srcIPAddr),
    F_NEG("srcipmask", DATATYPE_IPV6MASK, ip.srcIPMask, "srcipaddr"),
    F("dstipaddr", DATATYPE_IPV6ADDR, ip.dstIPAddr),
    F_NEG("dstipmask", DATATYPE_IPV6MASK, ip.dstIPMask, "dstipaddr"),
    F_KIND("protocol", T_U8 | DATATYPE_STRING, ip.protocolID, kindIPProtocol),
    F_PORTS_PLAIN,
    F("type", T_U8, icmpType),
    F_NEG("typeend", T_U8, icmpTypeEnd, "type"),
    F_NEG("code", T_U8, icmpCode, "type"),
    F_NEG("codeend", T_U8, icmpCodeEnd, "type"),
    F_COMMENT, F_END
};

static const virNWFilterField fieldsTCP[] = {
    F_OVER_IPV4, F_PORTS,
    F("option", T_U8, tcpOption),
    F_KIND("flags", DATATYPE_STRING, tcpFlags, kindTCPFlags),
    F_COMMENT, F_END
};
static const virNWFilterField fieldsTCPv6[] = {
    F_OVER_IPV6, F_PORTS,
    F("option", T_U8, tcpOption),
    F_COMMENT, F_END
};
static const virNWFilterField fieldsPortsv4[] = {   /* udp, sctp */
    F_OVER_IPV4, F_PORTS, F_COMMENT, F_END
};
static const virNWFilterField fieldsPortsv6[] = {
    F_OVER_IPV6, F_PORTS, F_COMMENT, F_END
};
static const virNWFilterField fieldsICMP[] = {
    F_OVER_IPV4, F_ICMP, F_COMMENT, F_END
};
static const virNWFilterField fieldsICMPv6[] = {
    F_OVER_IPV6, F_ICMP, F_COMMENT, F_END
};
static const virNWFilterField fieldsIPv4Only[] = {  /* udplite, esp, ah, ... */
    F_OVER_IPV4, F_COMMENT, F_END
};
static const virNWFilterField fieldsIPv6Only[] = {
    F_OVER_IPV6, F_COMMENT, F_END
};

typedef struct {
    const virNWFilterField *fields;     /* NULL for 'none' */
    bool ipsetDefault;                  /* see virNWFilterRuleFixupIPSet */
} virNWFilterProtocolInfo;

static const virNWFilterProtocolInfo virNWFilterProtocols[] = {
    [VIR_NWFILTER_RULE_PROTOCOL_NONE] = { NULL, false },
    [VIR_NWFILTER_RULE_PROTOCOL_MAC] = { fieldsMAC, false },
    [VIR_NWFILTER_RULE_PROTOCOL_VLAN] = { fieldsVLAN, false },
    [VIR_NWFILTER_RULE_PROTOCOL_STP] = { fieldsSTP, false },
    [VIR_NWFILTER_RULE_PROTOCOL_ARP] = { fieldsARP, false },
    [VIR_NWFILTER_RULE_PROTOCOL_RARP] = { fieldsARP, false },
    [VIR_NWFILTER_RULE_PROTOCOL_IP] = { fieldsIP, true },
    [VIR_NWFILTER_RULE_PROTOCOL_IPV6] = { fieldsIPv6, true },
    [VIR_NWFILTER_RULE_PROTOCOL_TCP] = { fieldsTCP, true },
    [VIR_NWFILTER_RULE_PROTOCOL_ICMP] = { fieldsICMP, true },
    [VIR_NWFILTER_RULE_PROTOCOL_IGMP] = { fieldsIPv4Only, true },
    [VIR_NWFILTER_RULE_PROTOCOL_UDP] = { fieldsPortsv4, true },
    [VIR_NWFILTER_RULE_PROTOCOL_UDPLITE] = { fieldsIPv4Only, true },
    [VIR_NWFILTER_RULE_PROTOCOL_ESP] = { fieldsIPv4Only, true },
    [VIR_NWFILTER_RULE_PROTOCOL_AH] = { fieldsIPv4Only, true },
    [VIR_NWFILTER_RULE_PROTOCOL_SCTP] = { fieldsPortsv4, true },
    [VIR_NWFILTER_RULE_PROTOCOL_ALL] = { fieldsIPv4Only, false },
    [VIR_NWFILTER_RULE_PROTOCOL_TCPoIPV6] = { fieldsTCPv6, true },
    [VIR_NWFILTER_RULE_PROTOCOL_ICMPV6] = { fieldsICMPv6, true },
    [VIR_NWFILTER_RULE_PROTOCOL_UDPoIPV6] = { fieldsPortsv6, true },
    [VIR_NWFILTER_RULE_PROTOCOL_UDPLITEoIPV6] = { fieldsIPv6Only, true },
    [VIR_NWFILTER_RULE_PROTOCOL_ESPoIPV6] = { fieldsIPv6Only, true },
    [VIR_NWFILTER_RULE_PROTOCOL_AHoIPV6] = { fieldsIPv6Only, true },
    [VIR_NWFILTER_RULE_PROTOCOL_SCTPoIPV6] = { fieldsPortsv6, true },
    [VIR_NWFILTER_RULE_PROTOCOL_ALLoIPV6] = { fieldsIPv6Only, false },
};
G_STATIC_ASSERT(G_N_ELEMENTS(virNWFilterProtocols) == VIR_NWFILTER_RULE_PROTOCOL_LAST);

#undef F
#undef F_KIND
#undef F_NEG
#undef F_END


static virNWFilterItem *
virNWFilterFieldItem(virNWFilterRuleDef *rule, const virNWFilterField *field)
{
    return (virNWFilterItem *)(void *)((char *)rule + field->offset);
}


static const virNWFilterField *
virNWFilterFieldFind(const virNWFilterField *fields, const char *name)
{
    for (; fields->name; fields++) {
        if (STREQ(fields->name, name))
            return fields;
    }
    return NULL;
}


/* ===== rule attributes: reading and writing one value ===== */

static int
virNWFilterReadNumber(virNWFilterAttrDataType type, const char *str,
                      virNWFilterItem *item, unsigned int *num)
{
    unsigned int limit = UINT_MAX;

    if (type & (DATATYPE_UINT8 | DATATYPE_UINT8_HEX))
        limit = 0xff;
    else if (type & (DATATYPE_UINT16 | DATATYPE_UINT16_HEX))
        limit = 0xffff;
    if (virStrToLong_ui(str, NULL, (type & DATATYPE_HEX) ? 16 : 10, num) < 0 ||
        *num > limit)
        return -1;
    item->datatype = type;
    virNWFilterItemSetNumber(item, *num);
    return 0;
}


/* A prefix length, or a netmask written as an address of @family. */
static int
virNWFilterReadIPMask(const char *str, int family, virNWFilterItem *item)
{
    unsigned int maxbits = family == AF_INET ? 32 : 128;
    virNWFilterIPAddr mask;
    unsigned int bits;
    int prefix;

    if (virStrToLong_ui(str, NULL, 10, &bits) == 0) {
        if (bits > maxbits)
            return -1;
        item->u.u8 = bits;
        return 0;
    }
    if (virNWFilterIPAddrParse(str, family, &mask) < 0 ||
        (prefix = virNWFilterIPAddrPrefix(&mask)) < 0)
        return -1;
    item->u.u8 = prefix;
    return 0;
}


/* Read @str as datatype @type into @item; -1 if it is not one. */
static int
virNWFilterReadValue(virNWFilterAttrDataType type, const virNWFilterField *field,
                     const char *str, virNWFilterItem *item, unsigned int *num)
{
    switch (type) {
    case DATATYPE_UINT8:
    case DATATYPE_UINT8_HEX:
    case DATATYPE_UINT16:
    case DATATYPE_UINT16_HEX:
    case DATATYPE_UINT32:
    case DATATYPE_UINT32_HEX:
        return virNWFilterReadNumber(type, str, item, num);
    case DATATYPE_IPADDR:
        return virNWFilterIPAddrParse(str, AF_INET, &item->u.ipaddr);
    case DATATYPE_IPV6ADDR:
        return virNWFilterIPAddrParse(str, AF_INET6, &item->u.ipaddr);
    case DATATYPE_IPMASK:
        return virNWFilterReadIPMask(str, AF_INET, item);
    case DATATYPE_IPV6MASK:
        return virNWFilterReadIPMask(str, AF_INET6, item);
    case DATATYPE_MACADDR:
        return virMacAddrParse(str, &item->u.mac);
    case DATATYPE_MACMASK:
        if (virMacAddrParse(str, &item->u.mac) < 0 ||
            virNWFilterMaskPrefix(item->u.mac.addr, VIR_MAC_BUFLEN) < 0)
            return -1;
        return 0;
    case DATATYPE_STRING:
    case DATATYPE_IPSETNAME:
    case DATATYPE_IPSETFLAGS:
        /* text only the value kind understands */
        return field->kind ? 0 : -1;
    case DATATYPE_STRINGCOPY:
        g_free(item->u.string);
        item->u.string = g_strndup(str, VIR_NWFILTER_MAX_COMMENT_LENGTH);
        return 0;
    case DATATYPE_BOOLEAN:
        item->u.boolean = STREQ(str, "true") || STREQ(str, "1") ||
                          STREQ(str, "yes");
        return 0;
    case DATATYPE_LAST:
        break;
    }
    return -1;
}


/* $NAME..., shared by all attributes of the rule naming the same. */
static int
virNWFilterRuleAddVar(virNWFilterRuleDef *rule, virNWFilterItem *item,
                      const char *str, unsigned int neg)
{
    g_autoptr(virNWFilterVarAccess) access = virNWFilterVarAccessParse(str);
    size_t i;

    if (!access)
        return -1;

    item->flags = NWFILTER_ENTRY_ITEM_FLAG_EXISTS |
                  NWFILTER_ENTRY_ITEM_FLAG_HAS_VAR | neg;
    item->datatype = 0;
    for (i = 0; i < rule->nVarAccess; i++) {
        if (virNWFilterVarAccessEqual(rule->varAccess[i], access)) {
            item->varAccess = rule->varAccess[i];
            return 0;
        }
    }
    rule->varAccess = g_renew(virNWFilterVarAccess *, rule->varAccess,
                              rule->nVarAccess + 1);
    item->varAccess = rule->varAccess[rule->nVarAccess++] = g_steal_pointer(&access);
    return 0;
}


/* The first of the field's datatypes that reads @str wins; then the
 * value kind has its say.  -1 (nothing reported) if refused. */
static int
virNWFilterFieldParse(virNWFilterRuleDef *rule, const virNWFilterField *field,
                      const char *str, unsigned int neg)
{
    virNWFilterItem *item = virNWFilterFieldItem(rule, field);
    unsigned int type;
    unsigned int num = 0;

    if (str[0] == '$')
        return virNWFilterRuleAddVar(rule, item, str + 1, neg);

    for (type = 1; type < DATATYPE_LAST; type <<= 1) {
        if ((field->types & type) &&
            virNWFilterReadValue(type, field, str, item, &num) == 0)
            break;
    }
    if (type == DATATYPE_LAST)
        return -1;

    item->flags = NWFILTER_ENTRY_ITEM_FLAG_EXISTS | neg;
    item->datatype = type;
    if (field->kind && !field->kind->check(field->kind, rule, item, str, num)) {
        item->flags = 0;
        return -1;
    }
    return 0;
}


static void
virNWFilterFieldFormat(virBuffer *buf, const virNWFilterField *field,
                       const virNWFilterItem *item)
{
    char mac[VIR_MAC_STRING_BUFLEN];

    if (item->flags & NWFILTER_ENTRY_ITEM_FLAG_HAS_VAR) {
        virBufferAddChar(buf, '$');
        virNWFilterVarAccessPrint(item->varAccess, buf);
        return;
    }
    if (field->kind && field->kind->format) {
        field->kind->format(buf, field->kind, item);
        return;
    }

    switch ((virNWFilterAttrDataType)item->datatype) {
    case DATATYPE_UINT8_HEX:
    case DATATYPE_UINT16_HEX:
    case DATATYPE_UINT32_HEX:
        virBufferAsprintf(buf, "0x%x", virNWFilterItemGetNumber(item));
        break;
    case DATATYPE_UINT8:
    case DATATYPE_UINT16:
    case DATATYPE_UINT32:
        virBufferAsprintf(buf, "%u", virNWFilterItemGetNumber(item));
        break;
    case DATATYPE_IPMASK:
    case DATATYPE_IPV6MASK:
        /* masks are always written as a prefix length */
        virBufferAsprintf(buf, "%u", item->u.u8);
        break;
    case DATATYPE_IPADDR:
    case DATATYPE_IPV6ADDR:
        virNWFilterIPAddrFormat(buf, &item->u.ipaddr);
        break;
    case DATATYPE_MACADDR:
    case DATATYPE_MACMASK:
        virBufferAdd(buf, virMacAddrFormat(&item->u.mac, mac), -1);
        break;
    case DATATYPE_STRINGCOPY:
        virBufferEscapeString(buf, "%s", item->u.string);
        break;
    case DATATYPE_BOOLEAN:
        virBufferAdd(buf, item->u.boolean ? "true" : "false", -1);
        break;
    case DATATYPE_STRING:
    case DATATYPE_IPSETNAME:
    case DATATYPE_IPSETFLAGS:
    case DATATYPE_LAST:
        break;
    }
}


/* ===== rules ===== */

void
virNWFilterRuleDefFree(virNWFilterRuleDef *def)
{
    size_t i;

    if (!def)
        return;
    for (i = 0; i < def->nVarAccess; i++)
        virNWFilterVarAccessFree(def->varAccess[i]);
    g_free(def->varAccess);
    g_free(def->comment.u.string);
    g_free(def);
}


/* All attributes of one protocol element.  Every attribute is tried; the
 * last refused one is reported. */
static int
virNWFilterRuleFieldsParse(xmlNodePtr node, virNWFilterRuleDef *rule)
{
    const virNWFilterField *field = virNWFilterProtocols[rule->protocol].fields;
    g_autofree char *match = virXMLPropString(node, "match");
    unsigned int neg = 0;
    const char *badName = NULL;
    g_autofree char *badValue = NULL;

    if (match && STREQ(match, "no"))
        neg = NWFILTER_ENTRY_ITEM_FLAG_IS_NEG;

    for (; field->name; field++) {
        g_autofree char *value = virXMLPropString(node, field->name);

        if (value && virNWFilterFieldParse(rule, field, value, neg) < 0) {
            badName = field->name;
            g_free(badValue);
            badValue = g_steal_pointer(&value);
        }
    }

    if (badName) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s has illegal value %s",
                       badName, badValue);
        return -1;
    }
    return 0;
}


/* Ports in <ip>/<ipv6> only make sense for a protocol that has them. */
static int
virNWFilterRuleValidate(const virNWFilterRuleDef *rule)
{
    const virNWFilterPortData *port = &rule->port;
    const char *family;

    if (rule->protocol == VIR_NWFILTER_RULE_PROTOCOL_IP)
        family = "IP";
    else if (rule->protocol == VIR_NWFILTER_RULE_PROTOCOL_IPV6)
        family = "IPv6";
    else
        return 0;

    if (!HAS_ENTRY_ITEM(&port->srcPortStart) && !HAS_ENTRY_ITEM(&port->srcPortEnd) &&
        !HAS_ENTRY_ITEM(&port->dstPortStart) && !HAS_ENTRY_ITEM(&port->dstPortEnd))
        return 0;

    if (HAS_ENTRY_ITEM(&rule->ip.protocolID)) {
        switch (rule->ip.protocolID.u.u8) {
        case IPPROTO_TCP:
        case IPPROTO_UDP:
        case IPPROTO_DCCP:
        case IPPROTO_SCTP:
            return 0;
        }
    }
    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "%s rule with port specification requires protocol specification with protocol to be either one of tcp(6), udp(17), dccp(33), or sctp(132)",
                   family);
    return -1;
}


/* An ipset without ipsetflags matches the source address; when both or
 * neither are given, neither is kept (as libvirt does). */
static void
virNWFilterRuleFixupIPSet(virNWFilterIPData *ip)
{
    if (HAS_ENTRY_ITEM(&ip->ipset) && !HAS_ENTRY_ITEM(&ip->ipsetFlags)) {
        ip->ipsetFlags.flags = NWFILTER_ENTRY_ITEM_FLAG_EXISTS;
        ip->ipsetFlags.u.ipset.numFlags = 1;
        ip->ipsetFlags.u.ipset.flags = 1;
    } else {
        ip->ipset.flags = 0;
        ip->ipsetFlags.flags = 0;
    }
}


/* After all protocol elements were read: masks, range ends and the like
 * take match='no' from the field they belong to. */
static void
virNWFilterRuleFixup(virNWFilterRuleDef *rule)
{
    const virNWFilterProtocolInfo *info = &virNWFilterProtocols[rule->protocol];
    const virNWFilterField *field;

    if (!info->fields)
        return;
    for (field = info->fields; field->name; field++) {
        const virNWFilterField *from;
        virNWFilterItem *item;

        if (!field->negFrom ||
            !(from = virNWFilterFieldFind(info->fields, field->negFrom)))
            continue;
        item = virNWFilterFieldItem(rule, field);
        item->flags &= ~NWFILTER_ENTRY_ITEM_FLAG_IS_NEG;
        item->flags |= virNWFilterFieldItem(rule, from)->flags &
                       NWFILTER_ENTRY_ITEM_FLAG_IS_NEG;
    }
    if (info->ipsetDefault)
        virNWFilterRuleFixupIPSet(&rule->ip);
}


/* The protocol element of a rule: the first known one decides the
 * protocol, later elements of the same name add to it, others are
 * ignored. */
static int
virNWFilterRuleParseProtocol(xmlNodePtr node, virNWFilterRuleDef *rule)
{
    xmlNodePtr cur;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        if (rule->protocol == VIR_NWFILTER_RULE_PROTOCOL_NONE) {
            int protocol = virNWFilterRuleProtocolTypeFromString((const char *)cur->name);

            if (protocol <= VIR_NWFILTER_RULE_PROTOCOL_NONE)
                continue;
            rule->protocol = protocol;
        } else if (!virXMLNodeNameEqual(cur, virNWFilterRuleProtocolTypeToString(rule->protocol))) {
            continue;
        }
        if (virNWFilterRuleFieldsParse(cur, rule) < 0 ||
            virNWFilterRuleValidate(rule) < 0)
            return -1;
    }
    return 0;
}


virNWFilterRuleDef *
virNWFilterRuleParse(xmlNodePtr node)
{
    g_autoptr(virNWFilterRuleDef) rule = g_new0(virNWFilterRuleDef, 1);
    g_autofree char *action = virXMLPropString(node, "action");
    g_autofree char *direction = virXMLPropString(node, "direction");
    g_autofree char *prio = virXMLPropString(node, "priority");
    g_autofree char *statematch = virXMLPropString(node, "statematch");
    int value;

    if (!action) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "rule node requires action attribute");
        return NULL;
    }
    if ((value = virNWFilterRuleActionTypeFromString(action)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "unknown rule action attribute value");
        return NULL;
    }
    rule->action = value;

    if (!direction) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "rule node requires direction attribute");
        return NULL;
    }
    if ((value = virNWFilterRuleDirectionTypeFromString(direction)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "unknown rule direction attribute value");
        return NULL;
    }
    rule->direction = value;

    /* a priority that is not a number in range is silently ignored */
    rule->priority = MAX_RULE_PRIORITY / 2;
    if (prio && virStrToLong_i(prio, NULL, 10, &value) == 0 &&
        value >= MIN_RULE_PRIORITY && value <= MAX_RULE_PRIORITY)
        rule->priority = value;

    if (statematch &&
        (STREQ(statematch, "0") || g_ascii_strcasecmp(statematch, "false") == 0))
        rule->flags |= RULE_FLAG_NO_STATEMATCH;

    if (virNWFilterRuleParseProtocol(node, rule) < 0)
        return NULL;
    virNWFilterRuleFixup(rule);
    return g_steal_pointer(&rule);
}


/* The protocol element; a change of match='no' between attributes (in
 * table order) starts a new element. */
static void
virNWFilterRuleFieldsFormat(virBuffer *buf, const char *element,
                            const virNWFilterField *field,
                            const virNWFilterRuleDef *rule)
{
    enum { MATCH_NONE, MATCH_YES, MATCH_NO } match = MATCH_NONE;
    bool open = false;
    bool written = false;

    while (field->name) {
        const virNWFilterItem *item =
            virNWFilterFieldItem((virNWFilterRuleDef *)rule, field);
        bool neg = item->flags & NWFILTER_ENTRY_ITEM_FLAG_IS_NEG;

        if (!HAS_ENTRY_ITEM(item)) {
            field++;
            continue;
        }
        if (!open) {
            virBufferAsprintf(buf, "<%s", element);
            open = written = true;
        }
        if (match != MATCH_NONE && neg != (match == MATCH_NO)) {
            virBufferAddLit(buf, "/>\n");
            open = false;
            match = MATCH_NONE;
            continue;
        }
        if (neg && match == MATCH_NONE)
            virBufferAddLit(buf, " match='no'");
        match = neg ? MATCH_NO : MATCH_YES;

        virBufferAsprintf(buf, " %s='", field->name);
        virNWFilterFieldFormat(buf, field, item);
        virBufferAddChar(buf, '\'');
        field++;
    }

    if (open)
        virBufferAddLit(buf, "/>\n");
    if (!written)
        virBufferAsprintf(buf, "<%s/>\n", element);
}


void
virNWFilterRuleDefFormat(virBuffer *buf, const virNWFilterRuleDef *rule)
{
    const virNWFilterField *fields = virNWFilterProtocols[rule->protocol].fields;

    virBufferAsprintf(buf, "<rule action='%s' direction='%s' priority='%d'",
                      virNWFilterRuleActionTypeToString(rule->action),
                      virNWFilterRuleDirectionTypeToString(rule->direction),
                      rule->priority);
    if (rule->flags & RULE_FLAG_NO_STATEMATCH)
        virBufferAddLit(buf, " statematch='false'");

    if (!fields) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virNWFilterRuleFieldsFormat(buf,
                                virNWFilterRuleProtocolTypeToString(rule->protocol),
                                fields, rule);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</rule>\n");
}


bool
virNWFilterRuleIsProtocolEthernet(const virNWFilterRuleDef *rule)
{
    return rule->protocol <= VIR_NWFILTER_RULE_PROTOCOL_IPV6;
}


bool
virNWFilterRuleIsProtocolIPv4(const virNWFilterRuleDef *rule)
{
    return rule->protocol >= VIR_NWFILTER_RULE_PROTOCOL_TCP &&
           rule->protocol <= VIR_NWFILTER_RULE_PROTOCOL_ALL;
}


bool
virNWFilterRuleIsProtocolIPv6(const virNWFilterRuleDef *rule)
{
    return rule->protocol >= VIR_NWFILTER_RULE_PROTOCOL_TCPoIPV6 &&
           rule->protocol <= VIR_NWFILTER_RULE_PROTOCOL_ALLoIPV6;
}
