/*
 * network_ipdns_conf.c: the <ip> (with <dhcp> and <tftp>) and <dns>
 * elements of a <network>, each with its clear, parse and format.
 */
#include "internal.h"

#include <libxml/xpathInternals.h>

#include "conf/network_conf.h"
#include "conf/network_conf_priv.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

VIR_ENUM_IMPL(virNetworkDHCPLeaseTimeUnit,
              VIR_NETWORK_DHCP_LEASETIME_UNIT_LAST,
              "seconds", "minutes", "hours");


/* ======== <ip> with <dhcp> and <tftp> ======== */

void
virNetworkDHCPHostDefClear(virNetworkDHCPHostDef *def)
{
    g_free(def->mac);
    g_free(def->id);
    g_free(def->name);
    g_free(def->lease);
    memset(def, 0, sizeof(*def));
}

void
virNetworkIPDefClear(virNetworkIPDef *def)
{
    size_t i;

    g_free(def->family);
    for (i = 0; i < def->nranges; i++)
        g_free(def->ranges[i].lease);
    g_free(def->ranges);
    for (i = 0; i < def->nhosts; i++)
        virNetworkDHCPHostDefClear(&def->hosts[i]);
    g_free(def->hosts);
    g_free(def->tftproot);
    g_free(def->bootfile);
    memset(def, 0, sizeof(*def));
}

int
virNetworkIPDefPrefix(const virNetworkIPDef *def)
{
    return virSocketAddrGetIPPrefix(&def->address, &def->netmask, def->prefix);
}

int
virNetworkIPDefNetmask(const virNetworkIPDef *def, virSocketAddr *netmask)
{
    if (VIR_SOCKET_ADDR_IS_FAMILY(&def->netmask, AF_INET)) {
        *netmask = def->netmask;
        return 0;
    }
    return virSocketAddrPrefixToNetmask(virNetworkIPDefPrefix(def), netmask,
                                        VIR_SOCKET_ADDR_FAMILY(&def->address));
}

/* <lease expiry='N' [unit='seconds|minutes|hours']/> of a range or host:
 * the last one counts. */
static int
virNetworkDHCPLeaseTimeDefParseXML(xmlNodePtr parent,
                                   virNetworkDHCPLeaseTimeDef **lease)
{
    xmlNodePtr node;

    for (node = parent->children; node; node = node->next) {
        unsigned long long expiry;
        unsigned int unit;
        int rc;

        if (node->type != XML_ELEMENT_NODE || !virXMLNodeNameEqual(node, "lease"))
            continue;
        if ((rc = virXMLPropULongLong(node, "expiry", 0, VIR_XML_PROP_NONE,
                                      &expiry)) < 0)
            return -1;
        if (rc == 0)
            continue;
        if (virXMLPropEnumDefault(node, "unit",
                                  virNetworkDHCPLeaseTimeUnitTypeFromString,
                                  VIR_XML_PROP_NONE, &unit,
                                  VIR_NETWORK_DHCP_LEASETIME_UNIT_MINUTES) < 0)
            return -1;
        /* dnsmasq's minimum is two minutes; 0 means infinite */
        if (expiry > 0 &&
            ((unit == VIR_NETWORK_DHCP_LEASETIME_UNIT_SECONDS && expiry < 120) ||
             (unit == VIR_NETWORK_DHCP_LEASETIME_UNIT_MINUTES && expiry < 2))) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "The minimum lease time should be greater than 2 minutes");
            return -1;
        }
        g_free(*lease);
        *lease = g_new0(virNetworkDHCPLeaseTimeDef, 1);
        (*lease)->expiry = expiry;
        (*lease)->unit = unit;
    }
    return 0;
}

/* Close the element opened by the caller: "/>" or a <lease> child. */
static void
virNetworkDHCPLeaseTimeDefFormat(virBuffer *buf, const char *element,
                                 const virNetworkDHCPLeaseTimeDef *lease)
{
    if (!lease) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    if (lease->expiry == 0)
        virBufferAddLit(buf, "<lease expiry='0'/>\n");
    else
        virBufferAsprintf(buf, "<lease expiry='%llu' unit='%s'/>\n", lease->expiry,
                          virNetworkDHCPLeaseTimeUnitTypeToString(lease->unit));
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", element);
}

int
virNetworkDHCPRangeDefParseXML(const char *networkName, virNetworkIPDef *ipdef,
                               xmlNodePtr node, virNetworkDHCPRangeDef *range)
{
    g_autofree char *start = NULL;
    g_autofree char *end = NULL;

    if (!(start = virXMLPropString(node, "start"))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing 'start' attribute in dhcp range for network '%s'",
                       networkName);
        return -1;
    }
    if (virSocketAddrParse(&range->addr.start, start, AF_UNSPEC) < 0)
        return -1;
    if (!(end = virXMLPropString(node, "end"))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing 'end' attribute in dhcp range for network '%s'",
                       networkName);
        return -1;
    }
    if (virSocketAddrParse(&range->addr.end, end, AF_UNSPEC) < 0)
        return -1;
    if (virSocketAddrGetRange(&range->addr.start, &range->addr.end,
                              &ipdef->address, virNetworkIPDefPrefix(ipdef)) < 0)
        return -1;
    return virNetworkDHCPLeaseTimeDefParseXML(node, &range->lease);
}

/* mac (IPv4 only), id (IPv6 DUID) and name, as written. */
static int
virNetworkDHCPHostDefParseIdentity(const char *networkName,
                                   virNetworkIPDef *ipdef, xmlNodePtr node,
                                   virNetworkDHCPHostDef *host)
{
    host->mac = virXMLPropString(node, "mac");
    if (host->mac) {
        virMacAddr addr;

        if (VIR_SOCKET_ADDR_IS_FAMILY(&ipdef->address, AF_INET6)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid to specify MAC address '%s' in network '%s' IPv6 static host definition",
                           host->mac, networkName);
            return -1;
        }
        if (virMacAddrParse(host->mac, &addr) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Cannot parse MAC address '%s' in network '%s'",
                           host->mac, networkName);
            return -1;
        }
        if (virMacAddrIsMulticast(&addr)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "expected unicast mac address, found multicast '%s' in network '%s'",
                           host->mac, networkName);
            return -1;
        }
    }

    host->id = virXMLPropString(node, "id");
    if (host->id) {
        const char *bad = host->id + strspn(host->id, "0123456789abcdefABCDEF:");

        if (*bad) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid character '%c' in id '%s' of network '%s'",
                           *bad, host->id, networkName);
            return -1;
        }
    }

    host->name = virXMLPropString(node, "name");
    if (host->name && !g_ascii_isalnum(host->name[0])) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Cannot use host name '%s' in network '%s'",
                       host->name, networkName);
        return -1;
    }
    return 0;
}

int
virNetworkDHCPHostDefParseXML(const char *networkName, virNetworkIPDef *ipdef,
                              xmlNodePtr node, virNetworkDHCPHostDef *host,
                              bool partialOkay)
{
    g_autofree char *ip = NULL;

    if (virNetworkDHCPHostDefParseIdentity(networkName, ipdef, node, host) < 0)
        return -1;

    ip = virXMLPropString(node, "ip");
    if (ip && virSocketAddrParse(&host->ip, ip, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid IP address in static host definition for network '%s'",
                       networkName);
        return -1;
    }
    if (partialOkay) {
        /* to find an entry, any one of the three will do */
        if (!host->mac && !host->name && !ip) {
            virReportError(VIR_ERR_XML_ERROR,
                           "At least one of name, mac, or ip attribute must be specified for static host definition in network '%s' ",
                           networkName);
            return -1;
        }
    } else if (VIR_SOCKET_ADDR_IS_FAMILY(&ipdef->address, AF_INET6)) {
        if (!host->id && !host->name) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Static host definition in IPv6 network '%s' must have id or name attribute",
                           networkName);
            return -1;
        }
    } else if (!host->mac && !host->name) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Static host definition in IPv4 network '%s' must have mac or name attribute",
                       networkName);
        return -1;
    }
    if (!ip && !partialOkay) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing IP address in static host definition for network '%s'",
                       networkName);
        return -1;
    }
    return virNetworkDHCPLeaseTimeDefParseXML(node, &host->lease);
}

/* <bootp file= [server=]/>: IPv4 only, the last one with a file counts. */
static int
virNetworkDHCPBootpParseXML(xmlNodePtr node, virNetworkIPDef *def)
{
    g_autofree char *file = virXMLPropString(node, "file");
    g_autofree char *server = NULL;
    virSocketAddr inaddr = { 0 };

    if (!file)
        return 0;
    server = virXMLPropString(node, "server");
    if (server && virSocketAddrParse(&inaddr, server, AF_UNSPEC) < 0)
        return -1;
    g_free(def->bootfile);
    def->bootfile = g_steal_pointer(&file);
    def->bootserver = inaddr;
    return 0;
}

static int
virNetworkDHCPDefParseXML(const char *networkName, xmlNodePtr node,
                          virNetworkIPDef *def)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (virXMLNodeNameEqual(cur, "range")) {
            virNetworkDHCPRangeDef range = { 0 };

            if (virNetworkDHCPRangeDefParseXML(networkName, def, cur, &range) < 0) {
                g_free(range.lease);
                return -1;
            }
            def->ranges = g_renew(virNetworkDHCPRangeDef, def->ranges, def->nranges + 1);
            def->ranges[def->nranges++] = range;
        } else if (virXMLNodeNameEqual(cur, "host")) {
            virNetworkDHCPHostDef host = { 0 };

            if (virNetworkDHCPHostDefParseXML(networkName, def, cur, &host, false) < 0) {
                virNetworkDHCPHostDefClear(&host);
                return -1;
            }
            def->hosts = g_renew(virNetworkDHCPHostDef, def->hosts, def->nhosts + 1);
            def->hosts[def->nhosts++] = host;
        } else if (virXMLNodeNameEqual(cur, "bootp") &&
                   VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            if (virNetworkDHCPBootpParseXML(cur, def) < 0)
                return -1;
        }
    }
    return 0;
}

/* The family rules of an <ip>; @address and @netmask are the texts. */
static int
virNetworkIPDefCheckFamily(const char *networkName, const virNetworkIPDef *def,
                           const char *address, const char *netmask)
{
    if (!def->family || STREQ(def->family, "ipv4")) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "%s family specified for non-IPv4 address '%s' in network '%s'",
                           def->family ? "ipv4" : "no", address, networkName);
            return -1;
        }
        if (netmask) {
            if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->netmask, AF_INET)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Invalid netmask '%s' for address '%s' in network '%s' (both must be IPv4)",
                               netmask, address, networkName);
                return -1;
            }
            if (def->prefix > 0) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Network '%s' IP address cannot have both a prefix and a netmask",
                               networkName);
                return -1;
            }
        } else if (def->prefix > 32) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid IPv4 prefix '%u' in network '%s'",
                           def->prefix, networkName);
            return -1;
        }
    } else if (STREQ(def->family, "ipv6")) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET6)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Family 'ipv6' specified for non-IPv6 address '%s' in network '%s'",
                           address, networkName);
            return -1;
        }
        if (netmask) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "netmask not allowed for IPv6 address '%s' in network '%s'",
                           address, networkName);
            return -1;
        }
        if (def->prefix > 128) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid IPv6 prefix '%u' in network '%s'",
                           def->prefix, networkName);
            return -1;
        }
    } else {
        virReportError(VIR_ERR_XML_ERROR,
                       "Unrecognized family '%s' in network '%s'",
                       def->family, networkName);
        return -1;
    }
    return 0;
}

/* Fill @def, part of an array; on failure it is cleared. */
int
virNetworkIPDefParseXML(const char *networkName, xmlNodePtr node,
                        xmlXPathContextPtr ctxt, virNetworkIPDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *address = NULL;
    g_autofree char *netmask = NULL;
    xmlNodePtr dhcp;

    ctxt->node = node;
    def->family = virXPathString("./@family", ctxt);
    if (!(address = virXPathString("./@address", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing required address attribute in network '%s'",
                       networkName);
        goto error;
    }
    if (virSocketAddrParse(&def->address, address, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid address '%s' in network '%s'",
                       address, networkName);
        goto error;
    }
    netmask = virXPathString("./@netmask", ctxt);
    if (netmask && virSocketAddrParse(&def->netmask, netmask, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid netmask '%s' in network '%s'",
                       netmask, networkName);
        goto error;
    }
    if (virXMLPropUInt(node, "prefix", 10, VIR_XML_PROP_NONE, &def->prefix) < 0 ||
        virXMLPropTristateBool(node, "localPtr", VIR_XML_PROP_NONE,
                               &def->localPTR) < 0 ||
        virNetworkIPDefCheckFamily(networkName, def, address, netmask) < 0)
        goto error;

    if ((dhcp = virXPathNode("./dhcp[1]", ctxt)) &&
        virNetworkDHCPDefParseXML(networkName, dhcp, def) < 0)
        goto error;
    if (virXPathNode("./tftp[1]", ctxt)) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unsupported <tftp> element in an IPv6 element in network '%s'",
                           networkName);
            goto error;
        }
        def->tftproot = virXPathString("./tftp[1]/@root", ctxt);
    }
    return 0;

 error:
    virNetworkIPDefClear(def);
    return -1;
}

/* " name='addr'" if @addr is set. */
int
virNetworkFormatAddrAttr(virBuffer *buf, const char *name,
                         const virSocketAddr *addr)
{
    g_autofree char *str = NULL;

    if (!VIR_SOCKET_ADDR_VALID(addr))
        return 0;
    if (!(str = virSocketAddrFormat(addr)))
        return -1;
    virBufferAsprintf(buf, " %s='%s'", name, str);
    return 0;
}

static int
virNetworkDHCPDefFormat(virBuffer *buf, const virNetworkIPDef *def)
{
    size_t i;

    virBufferAddLit(buf, "<dhcp>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < def->nranges; i++) {
        const virNetworkDHCPRangeDef *range = &def->ranges[i];

        virBufferAddLit(buf, "<range");
        if (virNetworkFormatAddrAttr(buf, "start", &range->addr.start) < 0 ||
            virNetworkFormatAddrAttr(buf, "end", &range->addr.end) < 0)
            return -1;
        virNetworkDHCPLeaseTimeDefFormat(buf, "range", range->lease);
    }
    for (i = 0; i < def->nhosts; i++) {
        const virNetworkDHCPHostDef *host = &def->hosts[i];

        virBufferAddLit(buf, "<host");
        virBufferEscapeString(buf, " mac='%s'", host->mac);
        virBufferEscapeString(buf, " id='%s'", host->id);
        virBufferEscapeString(buf, " name='%s'", host->name);
        if (virNetworkFormatAddrAttr(buf, "ip", &host->ip) < 0)
            return -1;
        virNetworkDHCPLeaseTimeDefFormat(buf, "host", host->lease);
    }
    if (def->bootfile) {
        virBufferEscapeString(buf, "<bootp file='%s'", def->bootfile);
        if (virNetworkFormatAddrAttr(buf, "server", &def->bootserver) < 0)
            return -1;
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</dhcp>\n");
    return 0;
}

int
virNetworkIPDefFormat(virBuffer *buf, const virNetworkIPDef *def)
{
    virBufferAddLit(buf, "<ip");
    virBufferEscapeString(buf, " family='%s'", def->family);
    if (virNetworkFormatAddrAttr(buf, "address", &def->address) < 0 ||
        virNetworkFormatAddrAttr(buf, "netmask", &def->netmask) < 0)
        return -1;
    if (def->prefix > 0)
        virBufferAsprintf(buf, " prefix='%u'", def->prefix);
    if (def->localPTR)
        virBufferAsprintf(buf, " localPtr='%s'",
                          virTristateBoolTypeToString(def->localPTR));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<tftp root='%s'/>\n", def->tftproot);
    if ((def->nranges || def->nhosts) && virNetworkDHCPDefFormat(buf, def) < 0)
        return -1;
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</ip>\n");
    return 0;
}


/* ======== <dns> ======== */

/* Limit of an SRV record minus overhead (RFC 2782). */
#define DNS_RECORD_LENGTH_SRV (512 - 30)

/* Characters of /etc/services and /etc/protocols names, without '.'
 * (the SRV record's field separator). */
#define PROTOCOL_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+/"
#define SERVICE_CHARS \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*"

void
virNetworkDNSTxtDefClear(virNetworkDNSTxtDef *def)
{
    g_free(def->name);
    g_free(def->value);
    memset(def, 0, sizeof(*def));
}

void
virNetworkDNSHostDefClear(virNetworkDNSHostDef *def)
{
    size_t i;

    for (i = 0; i < def->nnames; i++)
        g_free(def->names[i]);
    g_free(def->names);
    memset(def, 0, sizeof(*def));
}

void
virNetworkDNSSrvDefClear(virNetworkDNSSrvDef *def)
{
    g_free(def->domain);
    g_free(def->service);
    g_free(def->protocol);
    g_free(def->target);
    memset(def, 0, sizeof(*def));
}

void
virNetworkDNSDefClear(virNetworkDNSDef *def)
{
    size_t i;

    for (i = 0; i < def->nfwds; i++)
        g_free(def->forwarders[i].domain);
    g_free(def->forwarders);
    for (i = 0; i < def->ntxts; i++)
        virNetworkDNSTxtDefClear(&def->txts[i]);
    g_free(def->txts);
    for (i = 0; i < def->nhosts; i++)
        virNetworkDNSHostDefClear(&def->hosts[i]);
    g_free(def->hosts);
    for (i = 0; i < def->nsrvs; i++)
        virNetworkDNSSrvDefClear(&def->srvs[i]);
    g_free(def->srvs);
    memset(def, 0, sizeof(*def));
}

static int
virNetworkDNSForwarderParseXML(const char *networkName, xmlNodePtr node,
                               virNetworkDNSForwarder *def)
{
    g_autofree char *addr = virXMLPropString(node, "addr");

    if (addr && virSocketAddrParse(&def->addr, addr, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid forwarder IP address '%s' in network '%s'",
                       addr, networkName);
        return -1;
    }
    def->domain = virXMLPropString(node, "domain");
    if (!addr && !def->domain) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Invalid forwarder element, must contain at least one of addr or domain");
        return -1;
    }
    return 0;
}

int
virNetworkDNSHostDefParseXML(const char *networkName, xmlNodePtr node,
                             virNetworkDNSHostDef *def, bool partialOkay)
{
    g_autofree char *ip = NULL;
    xmlNodePtr cur;

    if (!(ip = virXMLPropString(node, "ip")) && !partialOkay) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing IP address in network '%s' DNS HOST record",
                       networkName);
        return -1;
    }
    if (ip && virSocketAddrParse(&def->ip, ip, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Invalid IP address in network '%s' DNS HOST record",
                       networkName);
        return -1;
    }
    for (cur = node->children; cur; cur = cur->next) {
        g_autofree char *name = NULL;

        if (cur->type != XML_ELEMENT_NODE || !virXMLNodeNameEqual(cur, "hostname") ||
            !cur->children)
            continue;
        if (!(name = virXMLNodeContentString(cur)))
            return -1;
        if (!name[0])
            break;
        def->names = g_renew(char *, def->names, def->nnames + 1);
        def->names[def->nnames++] = g_steal_pointer(&name);
    }
    if (cur || (def->nnames == 0 && !partialOkay)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing hostname in network '%s' DNS HOST record",
                       networkName);
        return -1;
    }
    if (!VIR_SOCKET_ADDR_VALID(&def->ip) && def->nnames == 0) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing ip and hostname in network '%s' DNS HOST record",
                       networkName);
        return -1;
    }
    return 0;
}

/* port, priority and weight of an SRV record: valid only with a target,
 * and at most 65535 (port at least 1). */
static int
virNetworkDNSSrvDefParseNumbers(const char *networkName,
                                xmlXPathContextPtr ctxt,
                                virNetworkDNSSrvDef *def)
{
    const struct {
        const char *attr;
        unsigned int *value;
        unsigned int min;
        const char *invalid;    /* libvirt's capitalisation varies */
    } numbers[] = {
        { "port", &def->port, 1, "invalid" },
        { "priority", &def->priority, 0, "Invalid" },
        { "weight", &def->weight, 0, "invalid" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(numbers); i++) {
        g_autofree char *xpath = g_strdup_printf("./@%s", numbers[i].attr);
        int rc = virXPathUInt(xpath, ctxt, numbers[i].value);

        if (rc >= 0 && !def->target) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "DNS SRV %s attribute not permitted without target for service '%s' in network '%s'",
                           numbers[i].attr, def->service, networkName);
            return -1;
        }
        if (rc == -2 || (rc >= 0 && (*numbers[i].value < numbers[i].min ||
                                     *numbers[i].value > 65535))) {
            virReportError(VIR_ERR_XML_DETAIL,
                           "%s DNS SRV %s attribute for service '%s' in network '%s'",
                           numbers[i].invalid, numbers[i].attr, def->service,
                           networkName);
            return -1;
        }
    }
    return 0;
}

int
virNetworkDNSSrvDefParseXML(const char *networkName, xmlNodePtr node,
                            xmlXPathContextPtr ctxt, virNetworkDNSSrvDef *def,
                            bool partialOkay)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);

    ctxt->node = node;
    if (!(def->service = virXMLPropString(node, "service")) && !partialOkay) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required service attribute in DNS SRV record of network '%s'",
                       networkName);
        return -1;
    }
    if (def->service && strlen(def->service) > DNS_RECORD_LENGTH_SRV) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "service attribute '%s' in network '%s' is too long, limit is %d bytes",
                       def->service, networkName, DNS_RECORD_LENGTH_SRV);
        return -1;
    }
    if (def->service && strspn(def->service, SERVICE_CHARS) < strlen(def->service)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "invalid character in service attribute '%s' in DNS SRV record of network '%s'",
                       def->service, networkName);
        return -1;
    }
    if (!(def->protocol = virXMLPropString(node, "protocol")) && !partialOkay) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required protocol attribute in DNS SRV record '%s' of network '%s'",
                       def->service, networkName);
        return -1;
    }
    if (def->protocol &&
        strspn(def->protocol, PROTOCOL_CHARS) < strlen(def->protocol)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "invalid character in protocol attribute '%s' in DNS SRV record of network '%s'",
                       def->protocol, networkName);
        return -1;
    }
    def->domain = virXMLPropString(node, "domain");
    def->target = virXMLPropString(node, "target");
    return virNetworkDNSSrvDefParseNumbers(networkName, ctxt, def);
}

int
virNetworkDNSTxtDefParseXML(const char *networkName, xmlNodePtr node,
                            virNetworkDNSTxtDef *def, bool partialOkay)
{
    if (!(def->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required name attribute in DNS TXT record of network %s",
                       networkName);
        return -1;
    }
    if (strcspn(def->name, " ,") != strlen(def->name)) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "prohibited character in DNS TXT record name '%s' of network %s",
                       def->name, networkName);
        return -1;
    }
    if (!(def->value = virXMLPropString(node, "value")) && !partialOkay) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "missing required value attribute in DNS TXT record named '%s' of network %s",
                       def->name, networkName);
        return -1;
    }
    return 0;
}

/* The <dns> children called @element; their count, or -1. */
static int
virNetworkDNSChildNodes(const char *networkName, xmlXPathContextPtr ctxt,
                        const char *element, xmlNodePtr **nodes)
{
    g_autofree char *xpath = g_strdup_printf("./%s", element);
    int n = virXPathNodeSet(xpath, ctxt, nodes);

    if (n < 0)
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid <%s> element found in <dns> of network %s",
                       element, networkName);
    return n;
}

/* Fill @def; on failure it is cleared.  Entries are counted before they
 * are parsed, so a half-filled one is freed too. */
int
virNetworkDNSDefParseXML(const char *networkName, xmlNodePtr node,
                         xmlXPathContextPtr ctxt, virNetworkDNSDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *fwdNodes = NULL;
    g_autofree xmlNodePtr *hostNodes = NULL;
    g_autofree xmlNodePtr *srvNodes = NULL;
    g_autofree xmlNodePtr *txtNodes = NULL;
    int nfwds, nhosts, nsrvs, ntxts;
    int i;

    ctxt->node = node;
    if (virXMLPropTristateBool(node, "enable", VIR_XML_PROP_NONE, &def->enable) < 0 ||
        virXMLPropTristateBool(node, "forwardPlainNames", VIR_XML_PROP_NONE,
                               &def->forwardPlainNames) < 0)
        goto error;

    if ((nfwds = virNetworkDNSChildNodes(networkName, ctxt, "forwarder", &fwdNodes)) < 0)
        goto error;
    def->forwarders = g_new0(virNetworkDNSForwarder, nfwds);
    for (i = 0; i < nfwds; i++) {
        def->nfwds++;
        if (virNetworkDNSForwarderParseXML(networkName, fwdNodes[i],
                                           &def->forwarders[i]) < 0)
            goto error;
    }

    if ((nhosts = virNetworkDNSChildNodes(networkName, ctxt, "host", &hostNodes)) < 0)
        goto error;
    def->hosts = g_new0(virNetworkDNSHostDef, nhosts);
    for (i = 0; i < nhosts; i++) {
        def->nhosts++;
        if (virNetworkDNSHostDefParseXML(networkName, hostNodes[i], &def->hosts[i],
                                         false) < 0)
            goto error;
    }

    if ((nsrvs = virNetworkDNSChildNodes(networkName, ctxt, "srv", &srvNodes)) < 0)
        goto error;
    def->srvs = g_new0(virNetworkDNSSrvDef, nsrvs);
    for (i = 0; i < nsrvs; i++) {
        def->nsrvs++;
        if (virNetworkDNSSrvDefParseXML(networkName, srvNodes[i], ctxt,
                                        &def->srvs[i], false) < 0)
            goto error;
    }

    if ((ntxts = virNetworkDNSChildNodes(networkName, ctxt, "txt", &txtNodes)) < 0)
        goto error;
    def->txts = g_new0(virNetworkDNSTxtDef, ntxts);
    for (i = 0; i < ntxts; i++) {
        def->ntxts++;
        if (virNetworkDNSTxtDefParseXML(networkName, txtNodes[i], &def->txts[i],
                                        false) < 0)
            goto error;
    }

    if (def->enable == VIR_TRISTATE_BOOL_NO && (nfwds || nhosts || nsrvs || ntxts)) {
        virReportError(VIR_ERR_XML_ERROR, "Extra data in disabled network '%s'",
                       networkName);
        goto error;
    }
    return 0;

 error:
    virNetworkDNSDefClear(def);
    return -1;
}

int
virNetworkDNSDefFormat(virBuffer *buf, const virNetworkDNSDef *def)
{
    size_t i, j;

    if (!(def->enable || def->forwardPlainNames || def->nfwds || def->nhosts ||
          def->nsrvs || def->ntxts))
        return 0;

    virBufferAddLit(buf, "<dns");
    if (def->enable)
        virBufferAsprintf(buf, " enable='%s'",
                          virTristateBoolTypeToString(def->enable));
    if (def->forwardPlainNames)
        virBufferAsprintf(buf, " forwardPlainNames='%s'",
                          virTristateBoolTypeToString(def->forwardPlainNames));
    if (!(def->nfwds || def->nhosts || def->nsrvs || def->ntxts)) {
        virBufferAddLit(buf, "/>\n");
        return 0;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    for (i = 0; i < def->nfwds; i++) {
        virBufferAddLit(buf, "<forwarder");
        virBufferEscapeString(buf, " domain='%s'", def->forwarders[i].domain);
        if (virNetworkFormatAddrAttr(buf, "addr", &def->forwarders[i].addr) < 0)
            return -1;
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < def->ntxts; i++) {
        virBufferEscapeString(buf, "<txt name='%s' ", def->txts[i].name);
        virBufferEscapeString(buf, "value='%s'/>\n", def->txts[i].value);
    }
    for (i = 0; i < def->nsrvs; i++) {
        const virNetworkDNSSrvDef *srv = &def->srvs[i];

        virBufferEscapeString(buf, "<srv service='%s' ", srv->service);
        virBufferEscapeString(buf, "protocol='%s'", srv->protocol);
        virBufferEscapeString(buf, " domain='%s'", srv->domain);
        virBufferEscapeString(buf, " target='%s'", srv->target);
        if (srv->port)
            virBufferAsprintf(buf, " port='%u'", srv->port);
        if (srv->priority)
            virBufferAsprintf(buf, " priority='%u'", srv->priority);
        if (srv->weight)
            virBufferAsprintf(buf, " weight='%u'", srv->weight);
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < def->nhosts; i++) {
        g_autofree char *ip = virSocketAddrFormat(&def->hosts[i].ip);

        if (!ip)
            return -1;
        virBufferAsprintf(buf, "<host ip='%s'>\n", ip);
        virBufferAdjustIndent(buf, 2);
        for (j = 0; j < def->hosts[i].nnames; j++)
            virBufferEscapeString(buf, "<hostname>%s</hostname>\n",
                                  def->hosts[i].names[j]);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</host>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</dns>\n");
    return 0;
}
