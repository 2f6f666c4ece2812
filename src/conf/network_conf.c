/*
 * network_conf.c: the <network> document.
 *
 * Sections, each with its structures' free, parse and format side by side:
 *   - <forward>
 *   - <portgroup>, <port>
 *   - <metadata> and the dnsmasq namespace
 *   - the <network> element itself, and the xml2xml category
 *
 * <ip> and <dns> are in network_ipdns_conf.c; <route> and PCI addresses
 * in networkcommon_conf.c; IP and MAC addresses in src/util/.
 */
#include "internal.h"

#include <libxml/xpathInternals.h>

#include "conf/network_conf.h"
#include "conf/network_conf_priv.h"
#include "conf/virxmlcategory.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

VIR_ENUM_IMPL(virNetworkForward, VIR_NETWORK_FORWARD_LAST,
              "none", "nat", "route", "open", "bridge", "private", "vepa",
              "passthrough", "hostdev");

VIR_ENUM_IMPL(virNetworkBridgeMACTableManager,
              VIR_NETWORK_BRIDGE_MAC_TABLE_MANAGER_LAST,
              "default", "kernel", "libvirt");

VIR_ENUM_IMPL(virNetworkForwardHostdevDevice,
              VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_LAST,
              "none", "pci", "netdev");

VIR_ENUM_IMPL(virNetworkForwardDriverName,
              VIR_NETWORK_FORWARD_DRIVER_NAME_LAST,
              "default", "kvm", "vfio");


/* ======== <forward> ======== */

static void
virNetworkForwardDefClear(virNetworkForwardDef *def)
{
    size_t i;

    for (i = 0; i < def->npfs; i++)
        g_free(def->pfs[i].dev);
    g_free(def->pfs);
    for (i = 0; i < def->nifs; i++) {
        if (def->ifs[i].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV)
            g_free(def->ifs[i].device.dev);
    }
    g_free(def->ifs);
    memset(def, 0, sizeof(*def));
}

/* <nat><address start= end=/><port start= end=/></nat>: SNAT addresses
 * and ports, at most one of each. */
static int
virNetworkForwardNatAddrParseXML(const char *networkName, xmlNodePtr node,
                                 virNetworkForwardDef *def)
{
    g_autofree char *start = virXMLPropString(node, "start");
    g_autofree char *end = NULL;

    if (!start) {
        virReportError(VIR_ERR_XML_ERROR,
                       "missing 'start' attribute in <address> element in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (!(end = virXMLPropString(node, "end"))) {
        virReportError(VIR_ERR_XML_ERROR,
                       "missing 'end' attribute in <address> element in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (virSocketAddrParse(&def->addr.start, start, AF_INET) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Bad ipv4 start address '%s' in <nat> in <forward> in network '%s'",
                       start, networkName);
        return -1;
    }
    if (virSocketAddrParse(&def->addr.end, end, AF_INET) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Bad ipv4 end address '%s' in <nat> in <forward> in network '%s'",
                       end, networkName);
        return -1;
    }
    return virSocketAddrGetRange(&def->addr.start, &def->addr.end, NULL, 0) < 0 ? -1 : 0;
}

static int
virNetworkForwardNatDefParseXML(const char *networkName, xmlNodePtr node,
                                xmlXPathContextPtr ctxt, virNetworkForwardDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *addrNodes = NULL;
    int nAddrs, nPorts;

    ctxt->node = node;
    if (def->type != VIR_NETWORK_FORWARD_NAT) {
        virReportError(VIR_ERR_XML_ERROR,
                       "The <nat> element can only be used when <forward> 'mode' is 'nat' in network %s",
                       networkName);
        return -1;
    }
    if (virXMLPropTristateBool(node, "ipv6", VIR_XML_PROP_NONE, &def->natIPv6) < 0)
        return -1;

    if ((nAddrs = virXPathNodeSet("./address", ctxt, &addrNodes)) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid <address> element found in <forward> of network %s",
                       networkName);
        return -1;
    }
    if (nAddrs > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <address> element is allowed in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (nAddrs == 1 &&
        virNetworkForwardNatAddrParseXML(networkName, addrNodes[0], def) < 0)
        return -1;

    if ((nPorts = virXPathNodeSet("./port", ctxt, NULL)) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid <port> element found in <forward> of network %s",
                       networkName);
        return -1;
    }
    if (nPorts > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <port> element is allowed in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (nPorts == 0)
        return 0;
    if (virXPathUInt("./port[1]/@start", ctxt, &def->port.start) < 0 ||
        def->port.start > 65535) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing or invalid 'start' attribute in <port> in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    if (virXPathUInt("./port[1]/@end", ctxt, &def->port.end) < 0 ||
        def->port.end > 65535 || def->port.end < def->port.start) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "Missing or invalid 'end' attribute in <port> in <nat> in <forward> in network %s",
                       networkName);
        return -1;
    }
    return 0;
}

/* <interface dev=/> pool, with <forward dev=> standing for the first. */
static int
virNetworkForwardIfsParseXML(const char *networkName, xmlNodePtr *nodes,
                             int n, char *forwardDev, virNetworkForwardDef *def)
{
    int i;
    int j;

    def->ifs = g_new0(virNetworkForwardIfDef, MAX(n, 1));
    if (forwardDev) {
        def->ifs[0].type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV;
        def->ifs[0].device.dev = forwardDev;
        def->nifs++;
    }
    for (i = 0; i < n; i++) {
        g_autofree char *dev = virXMLPropString(nodes[i], "dev");

        if (!dev) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Missing required dev attribute in <forward> <interface> element of network %s",
                           networkName);
            return -1;
        }
        if (i == 0 && def->nifs == 1) {
            if (STRNEQ(dev, def->ifs[0].device.dev)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "<forward dev='%s'> must match first <interface dev='%s'/> in network %s",
                               def->ifs[0].device.dev, dev, networkName);
                return -1;
            }
            continue;
        }
        for (j = 0; j < i; j++) {
            if (STREQ_NULLABLE(def->ifs[j].device.dev, dev)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "interface '%s' can only be listed once in network %s",
                               dev, networkName);
                return -1;
            }
        }
        def->ifs[i].type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV;
        def->ifs[i].device.dev = g_steal_pointer(&dev);
        def->nifs++;
    }
    return 0;
}

/* <address type='pci' .../> pool of a hostdev network. */
static int
virNetworkForwardAddrsParseXML(const char *networkName, xmlNodePtr *nodes,
                               int n, virNetworkForwardDef *def)
{
    int i;
    int j;

    def->ifs = g_new0(virNetworkForwardIfDef, n);
    for (i = 0; i < n; i++) {
        g_autofree char *type = virXMLPropString(nodes[i], "type");
        virPCIDeviceAddress *addr = &def->ifs[i].device.pci;
        int devtype;

        if (!type) {
            virReportError(VIR_ERR_XML_ERROR, "missing address type in network %s",
                           networkName);
            return -1;
        }
        if ((devtype = virNetworkForwardHostdevDeviceTypeFromString(type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown address type '%s' in network %s", type, networkName);
            return -1;
        }
        if (devtype != VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unsupported address type '%s' in network %s", type, networkName);
            return -1;
        }
        def->ifs[i].type = devtype;
        if (virPCIDeviceAddressParseXML(nodes[i], addr) < 0)
            return -1;
        for (j = 0; j < i; j++) {
            if (virPCIDeviceAddressEqual(addr, &def->ifs[j].device.pci)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "PCI device '%04x:%02x:%02x.%x' can only be listed once in network %s",
                               addr->domain, addr->bus, addr->slot, addr->function,
                               networkName);
                return -1;
            }
        }
        def->nifs++;
    }
    return 0;
}

static int
virNetworkForwardPfParseXML(const char *networkName, xmlNodePtr node,
                            virNetworkForwardDef *def)
{
    g_autofree char *dev = virXMLPropString(node, "dev");

    if (!dev) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Missing required dev attribute in <pf> element of network '%s'",
                       networkName);
        return -1;
    }
    def->pfs = g_new0(virNetworkForwardPfDef, 1);
    def->pfs[0].dev = g_steal_pointer(&dev);
    def->npfs = 1;
    return 0;
}

/* The child nodes called @name of the context node; count or -1. */
static int
virNetworkForwardChildNodes(const char *networkName, xmlXPathContextPtr ctxt,
                            const char *name, xmlNodePtr **nodes)
{
    g_autofree char *xpath = g_strdup_printf("./%s", name);
    int n = virXPathNodeSet(xpath, ctxt, nodes);

    if (n < 0)
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid <%s> element found in <forward> of network %s",
                       name, networkName);
    return n;
}

static int
virNetworkForwardModeParseXML(xmlXPathContextPtr ctxt, virNetworkForwardDef *def,
                              const char *networkName)
{
    g_autofree char *mode = virXPathString("./@mode", ctxt);
    g_autofree char *managed = virXPathString("./@managed", ctxt);
    g_autofree char *driver = virXPathString("./driver/@name", ctxt);
    int val;

    def->type = VIR_NETWORK_FORWARD_NAT;
    if (mode && (val = virNetworkForwardTypeFromString(mode)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown forwarding type '%s'", mode);
        return -1;
    }
    if (mode)
        def->type = val;
    def->managed = managed && g_ascii_strcasecmp(managed, "yes") == 0;
    if (driver) {
        if ((val = virNetworkForwardDriverNameTypeFromString(driver)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unknown forward <driver name='%s'/> in network %s",
                           driver, networkName);
            return -1;
        }
        def->driverName = val;
    }
    return 0;
}

/* Fill @def; on failure it is cleared. */
static int
virNetworkForwardDefParseXML(const char *networkName, xmlNodePtr node,
                             xmlXPathContextPtr ctxt, virNetworkForwardDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *ifNodes = NULL;
    g_autofree xmlNodePtr *addrNodes = NULL;
    g_autofree xmlNodePtr *pfNodes = NULL;
    g_autofree xmlNodePtr *natNodes = NULL;
    g_autofree char *forwardDev = NULL;
    int nIfs, nAddrs, nPfs, nNats;

    ctxt->node = node;
    if (virNetworkForwardModeParseXML(ctxt, def, networkName) < 0 ||
        (nIfs = virNetworkForwardChildNodes(networkName, ctxt, "interface", &ifNodes)) < 0 ||
        (nAddrs = virNetworkForwardChildNodes(networkName, ctxt, "address", &addrNodes)) < 0 ||
        (nPfs = virNetworkForwardChildNodes(networkName, ctxt, "pf", &pfNodes)) < 0 ||
        (nNats = virNetworkForwardChildNodes(networkName, ctxt, "nat", &natNodes)) < 0)
        goto error;
    if (nNats > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <nat> element is allowed in <forward> of network %s",
                       networkName);
        goto error;
    }
    if (nNats == 1 &&
        virNetworkForwardNatDefParseXML(networkName, natNodes[0], ctxt, def) < 0)
        goto error;

    forwardDev = virXPathString("./@dev", ctxt);
    if (forwardDev && (nAddrs > 0 || nPfs > 0)) {
        /* libvirt's message ends in a literal "%s" */
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "the <forward> 'dev' attribute cannot be used when <address> or <pf> sub-elements are present in network %s");
        goto error;
    }

    if (nIfs > 0 || forwardDev) {
        if (virNetworkForwardIfsParseXML(networkName, ifNodes, nIfs,
                                         g_steal_pointer(&forwardDev), def) < 0)
            goto error;
    } else if (nAddrs > 0) {
        if (virNetworkForwardAddrsParseXML(networkName, addrNodes, nAddrs, def) < 0)
            goto error;
    } else if (nPfs > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Only one <pf> element is allowed in <forward> of network %s",
                       networkName);
        goto error;
    } else if (nPfs == 1) {
        if (virNetworkForwardPfParseXML(networkName, pfNodes[0], def) < 0)
            goto error;
    }
    return 0;

 error:
    virNetworkForwardDefClear(def);
    return -1;
}

static int
virNetworkForwardNatDefFormat(virBuffer *buf, const virNetworkForwardDef *fwd)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (fwd->natIPv6)
        virBufferAsprintf(&attrBuf, " ipv6='%s'",
                          virTristateBoolTypeToString(fwd->natIPv6));
    if (VIR_SOCKET_ADDR_VALID(&fwd->addr.start)) {
        virBufferAddLit(&childBuf, "<address");
        if (virNetworkFormatAddrAttr(&childBuf, "start", &fwd->addr.start) < 0 ||
            virNetworkFormatAddrAttr(&childBuf, "end", &fwd->addr.end) < 0)
            return -1;
        virBufferAddLit(&childBuf, "/>\n");
    }
    if (fwd->port.start || fwd->port.end) {
        virBufferAsprintf(&childBuf, "<port start='%u'", fwd->port.start);
        if (fwd->port.end)
            virBufferAsprintf(&childBuf, " end='%u'", fwd->port.end);
        virBufferAddLit(&childBuf, "/>\n");
    }
    virBufferFormatElement(buf, "nat", &attrBuf, &childBuf);
    return 0;
}

static void
virNetworkForwardIfsFormat(virBuffer *buf, const virNetworkForwardDef *fwd,
                           unsigned int flags)
{
    size_t i;

    for (i = 0; i < fwd->nifs; i++) {
        const virNetworkForwardIfDef *fwdif = &fwd->ifs[i];

        if (fwdif->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV) {
            virBufferEscapeString(buf, "<interface dev='%s'", fwdif->device.dev);
            if (!(flags & VIR_NETWORK_XML_INACTIVE) && fwdif->connections > 0)
                virBufferAsprintf(buf, " connections='%d'", fwdif->connections);
            virBufferAddLit(buf, "/>\n");
        } else if (fwdif->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI) {
            virPCIDeviceAddressFormat(buf, fwdif->device.pci, true);
        }
    }
}

static int
virNetworkForwardDefFormat(virBuffer *buf, const virNetworkForwardDef *fwd,
                           unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const char *dev = NULL;

    if (fwd->type == VIR_NETWORK_FORWARD_NONE)
        return 0;
    if (!fwd->npfs && fwd->nifs &&
        fwd->ifs[0].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV)
        dev = fwd->ifs[0].device.dev;
    virBufferEscapeString(&attrBuf, " dev='%s'", dev);
    virBufferAsprintf(&attrBuf, " mode='%s'", virNetworkForwardTypeToString(fwd->type));
    if (fwd->type == VIR_NETWORK_FORWARD_HOSTDEV)
        virBufferAsprintf(&attrBuf, " managed='%s'", fwd->managed ? "yes" : "no");

    if (fwd->driverName != VIR_NETWORK_FORWARD_DRIVER_NAME_DEFAULT)
        virBufferAsprintf(&childBuf, "<driver name='%s'/>\n",
                          virNetworkForwardDriverNameTypeToString(fwd->driverName));
    if (fwd->type == VIR_NETWORK_FORWARD_NAT &&
        virNetworkForwardNatDefFormat(&childBuf, fwd) < 0)
        return -1;
    /* one <pf> at most */
    if (fwd->npfs)
        virBufferEscapeString(&childBuf, "<pf dev='%s'/>\n", fwd->pfs[0].dev);
    if (!fwd->npfs || !(flags & VIR_NETWORK_XML_INACTIVE))
        virNetworkForwardIfsFormat(&childBuf, fwd, flags);

    virBufferFormatElement(buf, "forward", &attrBuf, &childBuf);
    return 0;
}


/* ======== <portgroup> and <port> ======== */

void
virPortGroupDefClear(virPortGroupDef *def)
{
    g_free(def->name);
    g_free(def->virtPortProfile);
    virNetDevBandwidthFree(def->bandwidth);
    virNetDevVlanClear(&def->vlan);
    memset(def, 0, sizeof(*def));
}

int
virPortGroupDefParseXML(virPortGroupDef *def, xmlNodePtr node,
                        xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *isDefault = NULL;
    xmlNodePtr child;

    ctxt->node = node;
    if (!(def->name = virXPathString("./@name", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing required name attribute in portgroup");
        goto error;
    }
    isDefault = virXPathString("./@default", ctxt);
    def->isDefault = isDefault && g_ascii_strcasecmp(isDefault, "yes") == 0;
    if (virXMLPropTristateBool(node, "trustGuestRxFilters", VIR_XML_PROP_NONE,
                               &def->trustGuestRxFilters) < 0)
        goto error;
    if ((child = virXPathNode("./virtualport", ctxt)) &&
        !(def->virtPortProfile = virNetDevVPortProfileParse(child, 0)))
        goto error;
    if ((child = virXPathNode("./bandwidth", ctxt)) &&
        virNetDevBandwidthParse(&def->bandwidth, NULL, child, false) < 0)
        goto error;
    if ((child = virXPathNode("./vlan", ctxt)) &&
        virNetDevVlanParse(child, ctxt, &def->vlan) < 0)
        goto error;
    return 0;

 error:
    virPortGroupDefClear(def);
    return -1;
}

static void
virPortGroupDefFormat(virBuffer *buf, const virPortGroupDef *def)
{
    virBufferEscapeString(buf, "<portgroup name='%s'", def->name);
    if (def->isDefault)
        virBufferAddLit(buf, " default='yes'");
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, " trustGuestRxFilters='%s'",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virNetDevVlanFormat(&def->vlan, buf);
    virNetDevVPortProfileFormat(def->virtPortProfile, buf);
    virNetDevBandwidthFormat(def->bandwidth, 0, buf);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</portgroup>\n");
}

virPortGroupDef *
virPortGroupFindByName(virNetworkDef *net, const char *portgroup)
{
    size_t i;

    for (i = 0; i < net->nPortGroups; i++) {
        if (portgroup ? STREQ(portgroup, net->portGroups[i].name) :
                        net->portGroups[i].isDefault)
            return &net->portGroups[i];
    }
    return NULL;
}

int
virNetworkPortOptionsParseXML(xmlXPathContextPtr ctxt,
                              virTristateBool *isolatedPort)
{
    xmlNodePtr node = virXPathNode("./port", ctxt);

    *isolatedPort = VIR_TRISTATE_BOOL_ABSENT;
    if (!node)
        return 0;
    return virXMLPropTristateBool(node, "isolated", VIR_XML_PROP_NONE,
                                  isolatedPort);
}

void
virNetworkPortOptionsFormat(virTristateBool isolatedPort, virBuffer *buf)
{
    if (isolatedPort != VIR_TRISTATE_BOOL_ABSENT)
        virBufferAsprintf(buf, "<port isolated='%s'/>\n",
                          virTristateBoolTypeToString(isolatedPort));
}


/* ======== <metadata> and the dnsmasq namespace ======== */

/* Keep only the children of @metadata that have a namespace, the first
 * one of each namespace. */
static void
virNetworkMetadataSanitize(xmlNodePtr metadata)
{
    xmlNodePtr child = metadata->children;

    while (child) {
        xmlNodePtr next;

        if (!child->ns || !child->ns->href) {
            next = child->next;
            xmlUnlinkNode(child);
            xmlFreeNode(child);
            child = next;
            continue;
        }
        for (next = child->next; next;) {
            xmlNodePtr dupl = next;

            next = next->next;
            if (dupl->ns && STREQ_NULLABLE((const char *)child->ns->href,
                                           (const char *)dupl->ns->href)) {
                xmlUnlinkNode(dupl);
                xmlFreeNode(dupl);
            }
        }
        child = child->next;
    }
}

/* libxml2 writes the element, indented to the buffer's depth. */
static int
virNetworkMetadataFormat(virBuffer *buf, xmlNodePtr metadata)
{
    int oldIndentTreeOutput = xmlIndentTreeOutput;
    xmlBufferPtr xmlbuf;
    const char *content;
    int rc;

    if (!metadata)
        return 0;
    if (!(xmlbuf = xmlBufferCreate()))
        abort();
    xmlIndentTreeOutput = 1;
    rc = xmlNodeDump(xmlbuf, metadata->doc, metadata,
                     virBufferGetIndent(buf) / 2, 1);
    xmlIndentTreeOutput = oldIndentTreeOutput;
    if (rc < 0) {
        xmlBufferFree(xmlbuf);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Unable to format metadata element");
        return -1;
    }
    /* the buffer indents the first line itself */
    content = (const char *)xmlBufferContent(xmlbuf);
    virSkipSpaces(&content);
    virBufferAsprintf(buf, "%s\n", content);
    xmlBufferFree(xmlbuf);
    return 0;
}

static void
virNetworkDnsmasqFree(void *data)
{
    g_strfreev(data);
}

static int
virNetworkDnsmasqParse(xmlXPathContextPtr ctxt, void **data)
{
    g_autofree xmlNodePtr *nodes = NULL;
    g_auto(GStrv) options = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("./dnsmasq:options/dnsmasq:option", ctxt, &nodes)) <= 0)
        return n;
    options = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        if (!(options[i] = virXMLPropString(nodes[i], "value"))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "No dnsmasq options value specified");
            return -1;
        }
    }
    *data = g_steal_pointer(&options);
    return 0;
}

static int
virNetworkDnsmasqFormat(virBuffer *buf, void *data)
{
    char **option;

    virBufferAddLit(buf, "<dnsmasq:options>\n");
    virBufferAdjustIndent(buf, 2);
    for (option = data; *option; option++)
        virBufferEscapeString(buf, "<dnsmasq:option value='%s'/>\n", *option);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</dnsmasq:options>\n");
    return 0;
}

const virNetworkXMLNamespace virNetworkDnsmasqXMLNamespace = {
    .prefix = "dnsmasq",
    .uri = "http://libvirt.org/schemas/network/dnsmasq/1.0",
    .parse = virNetworkDnsmasqParse,
    .format = virNetworkDnsmasqFormat,
    .free = virNetworkDnsmasqFree,
};

virNetworkXMLOption *
virNetworkXMLOptionNew(const virNetworkXMLNamespace *ns)
{
    virNetworkXMLOption *xmlopt = g_new0(virNetworkXMLOption, 1);

    xmlopt->ns = ns;
    return xmlopt;
}

void
virNetworkXMLOptionFree(virNetworkXMLOption *xmlopt)
{
    g_free(xmlopt);
}

static int
virNetworkDefParseNamespace(xmlXPathContextPtr ctxt, virNetworkDef *def,
                            virNetworkXMLOption *xmlopt)
{
    if (!xmlopt || !xmlopt->ns)
        return 0;
    def->ns = xmlopt->ns;
    if (xmlXPathRegisterNs(ctxt, BAD_CAST def->ns->prefix,
                           BAD_CAST def->ns->uri) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Failed to register xml namespace '%s'", def->ns->uri);
        return -1;
    }
    return def->ns->parse(ctxt, &def->namespaceData);
}


/* ======== <network> ======== */

void
virNetworkDefFree(virNetworkDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->bridge);
    g_free(def->bridgeZone);
    g_free(def->domain);
    virNetworkForwardDefClear(&def->forward);
    for (i = 0; i < def->nips; i++)
        virNetworkIPDefClear(&def->ips[i]);
    g_free(def->ips);
    for (i = 0; i < def->nroutes; i++)
        virNetDevIPRouteFree(def->routes[i]);
    g_free(def->routes);
    for (i = 0; i < def->nPortGroups; i++)
        virPortGroupDefClear(&def->portGroups[i]);
    g_free(def->portGroups);
    virNetworkDNSDefClear(&def->dns);
    g_free(def->virtPortProfile);
    virNetDevBandwidthFree(def->bandwidth);
    virNetDevVlanClear(&def->vlan);
    xmlFreeNode(def->metadata);
    if (def->namespaceData && def->ns->free)
        def->ns->free(def->namespaceData);
    g_free(def);
}

const char *
virNetworkDefForwardIf(const virNetworkDef *def, size_t n)
{
    if (n < def->forward.nifs &&
        def->forward.ifs[n].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV)
        return def->forward.ifs[n].device.dev;
    return NULL;
}

/* name, uuid and the root's attributes */
static int
virNetworkDefParseIdentity(xmlXPathContextPtr ctxt, virNetworkDef *def)
{
    g_autofree char *uuid = NULL;
    g_autofree char *ipv6 = NULL;

    if (!(def->name = virXPathString("./name[1]", ctxt))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return -1;
    }
    if (virXMLCheckIllegalChars("name", def->name, "/") < 0)
        return -1;
    if (!(uuid = virXPathString("./uuid[1]", ctxt))) {
        if (virUUIDGenerate(def->uuid) < 0)
            return -1;
    } else {
        if (virUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "malformed uuid element");
            return -1;
        }
        def->uuid_specified = true;
    }
    if ((ipv6 = virXPathString("./@ipv6", ctxt)) &&
        virStringParseYesNo(ipv6, &def->ipv6nogw) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid ipv6 setting '%s' in network '%s'",
                       ipv6, def->name);
        return -1;
    }
    return virXMLPropTristateBool(ctxt->node, "trustGuestRxFilters",
                                  VIR_XML_PROP_NONE, &def->trustGuestRxFilters);
}

/* <bridge>, <mac> and <mtu>; *@stpGiven tells whether stp= was there. */
static int
virNetworkDefParseBridge(xmlXPathContextPtr ctxt, virNetworkDef *def,
                         bool *stpGiven)
{
    g_autofree char *stp = virXPathString("./bridge[1]/@stp", ctxt);
    g_autofree char *delay = virXPathString("./bridge[1]/@delay", ctxt);
    g_autofree char *macTableManager = NULL;
    g_autofree char *mac = NULL;
    g_autofree char *mtu = NULL;

    def->bridge = virXPathString("./bridge[1]/@name", ctxt);
    def->bridgeZone = virXPathString("./bridge[1]/@zone", ctxt);
    def->stp = !(stp && STREQ(stp, "off"));
    *stpGiven = !!stp;
    if (delay && virStrToLong_ulp(delay, NULL, 10, &def->delay) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid delay value in network '%s'",
                       def->name);
        return -1;
    }
    if ((macTableManager = virXPathString("./bridge[1]/@macTableManager", ctxt))) {
        int val = virNetworkBridgeMACTableManagerTypeFromString(macTableManager);

        if (val <= 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid macTableManager setting '%s' in network '%s'",
                           macTableManager, def->name);
            return -1;
        }
        def->macTableManager = val;
    }
    if ((mac = virXPathString("./mac[1]/@address", ctxt))) {
        if (virMacAddrParse(mac, &def->mac) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid bridge mac address '%s' in network '%s'",
                           mac, def->name);
            return -1;
        }
        if (virMacAddrIsMulticast(&def->mac)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid multicast bridge mac address '%s' in network '%s'",
                           mac, def->name);
            return -1;
        }
        def->mac_specified = true;
    }
    if ((mtu = virXPathString("./mtu/@size", ctxt)) &&
        virStrToLong_ui(mtu, NULL, 10, &def->mtu) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid mtu size '%s' in network '%s'",
                       mtu, def->name);
        return -1;
    }
    return 0;
}

/* <domain>, <bandwidth>, <vlan>, <port>, <dns> and <virtualport> */
static int
virNetworkDefParseOptions(xmlXPathContextPtr ctxt, virNetworkDef *def)
{
    xmlNodePtr node;

    node = virXPathNode("./domain[1]", ctxt);
    def->domain = virXMLPropString(node, "name");
    if (node && virXMLPropTristateBool(node, "localOnly", VIR_XML_PROP_NONE,
                                       &def->domainLocalOnly) < 0)
        return -1;
    if ((node = virXPathNode("./bandwidth", ctxt)) &&
        virNetDevBandwidthParse(&def->bandwidth, NULL, node, false) < 0)
        return -1;
    if ((node = virXPathNode("./vlan", ctxt)) &&
        virNetDevVlanParse(node, ctxt, &def->vlan) < 0)
        return -1;
    return virNetworkPortOptionsParseXML(ctxt, &def->isolatedPort);
}

static int
virNetworkDefParseLists(xmlXPathContextPtr ctxt, virNetworkDef *def)
{
    g_autofree xmlNodePtr *portGroupNodes = NULL;
    g_autofree xmlNodePtr *ipNodes = NULL;
    g_autofree xmlNodePtr *routeNodes = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("./portgroup", ctxt, &portGroupNodes)) < 0)
        return -1;
    def->portGroups = g_new0(virPortGroupDef, n);
    for (i = 0; i < n; i++) {
        if (virPortGroupDefParseXML(&def->portGroups[i], portGroupNodes[i], ctxt) < 0)
            return -1;
        def->nPortGroups++;
    }

    if ((n = virXPathNodeSet("./ip", ctxt, &ipNodes)) < 0)
        return -1;
    def->ips = g_new0(virNetworkIPDef, n);
    for (i = 0; i < n; i++) {
        if (virNetworkIPDefParseXML(def->name, ipNodes[i], ctxt, &def->ips[i]) < 0)
            return -1;
        def->nips++;
    }

    if ((n = virXPathNodeSet("./route", ctxt, &routeNodes)) < 0)
        return -1;
    def->routes = g_new0(virNetDevIPRoute *, n);
    for (i = 0; i < n; i++) {
        if (!(def->routes[i] = virNetDevIPRouteParseXML(def->name, routeNodes[i])))
            return -1;
        def->nroutes++;
    }
    return 0;
}

/* Each static route's gateway must be on one of the network's subnets. */
static int
virNetworkDefCheckRouteGateways(const virNetworkDef *def)
{
    size_t i, j;

    for (i = 0; i < def->nroutes; i++) {
        const virSocketAddr *gateway = &def->routes[i]->gateway;
        g_autofree char *gw = NULL;

        for (j = 0; j < def->nips; j++) {
            const virNetworkIPDef *ipdef = &def->ips[j];
            int prefix = virNetworkIPDefPrefix(ipdef);
            virSocketAddr testAddr;
            virSocketAddr testGw;

            if (VIR_SOCKET_ADDR_FAMILY(gateway) != VIR_SOCKET_ADDR_FAMILY(&ipdef->address))
                continue;
            virSocketAddrMaskByPrefix(&ipdef->address, prefix, &testAddr);
            virSocketAddrMaskByPrefix(gateway, prefix, &testGw);
            if (VIR_SOCKET_ADDR_VALID(&testAddr) && VIR_SOCKET_ADDR_VALID(&testGw) &&
                virSocketAddrEqual(&testAddr, &testGw))
                break;
        }
        if (j < def->nips)
            continue;
        gw = virSocketAddrFormat(gateway);
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unreachable static route gateway '%s' specified for network '%s'",
                       gw, def->name);
        return -1;
    }
    return 0;
}

/* The settings that the forward mode rules out. */
static int
virNetworkDefCheckForward(const virNetworkDef *def, bool stpGiven)
{
    const char *mode = virNetworkForwardTypeToString(def->forward.type);

    switch (def->forward.type) {
    case VIR_NETWORK_FORWARD_NONE:
        return 0;

    case VIR_NETWORK_FORWARD_ROUTE:
    case VIR_NETWORK_FORWARD_NAT:
    case VIR_NETWORK_FORWARD_OPEN:
        if (def->nips == 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s forwarding requested, but no IP address provided for network '%s'",
                           mode, def->name);
            return -1;
        }
        if (def->forward.nifs > 1) {
            virReportError(VIR_ERR_XML_ERROR,
                           "multiple forwarding interfaces specified for network '%s', only one is supported",
                           def->name);
            return -1;
        }
        if (def->forward.type == VIR_NETWORK_FORWARD_OPEN && def->forward.nifs) {
            virReportError(VIR_ERR_XML_ERROR,
                           "forward dev not allowed for network '%s' with forward mode='%s'",
                           def->name, mode);
            return -1;
        }
        return 0;

    case VIR_NETWORK_FORWARD_PRIVATE:
    case VIR_NETWORK_FORWARD_VEPA:
    case VIR_NETWORK_FORWARD_PASSTHROUGH:
    case VIR_NETWORK_FORWARD_HOSTDEV:
        if (def->bridge) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge name not allowed in %s mode (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->bridgeZone) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge zone not allowed in %s mode (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->macTableManager) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge macTableManager setting not allowed in %s mode (network '%s')",
                           mode, def->name);
            return -1;
        }
        G_GNUC_FALLTHROUGH;

    case VIR_NETWORK_FORWARD_BRIDGE:
        if (def->delay || stpGiven || def->bridgeZone) {
            virReportError(VIR_ERR_XML_ERROR,
                           "bridge delay/stp/zone options only allowed in route, nat, and isolated mode, not in %s (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->bridge && (def->forward.nifs || def->forward.npfs)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "A network with forward mode='%s' can specify a bridge name or a forward dev, but not both (network '%s')",
                           mode, def->name);
            return -1;
        }
        if (def->mtu) {
            virReportError(VIR_ERR_XML_ERROR,
                           "mtu size only allowed in open, route, nat, and isolated mode, not in %s (network '%s')",
                           mode, def->name);
            return -1;
        }
        return 0;

    case VIR_NETWORK_FORWARD_LAST:
        break;
    }
    virReportEnumRangeError(virNetworkForwardType, def->forward.type);
    return -1;
}

virNetworkDef *
virNetworkDefParseXML(xmlXPathContextPtr ctxt, virNetworkXMLOption *xmlopt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virNetworkDef) def = g_new0(virNetworkDef, 1);
    xmlNodePtr node;
    bool stpGiven;

    if (virNetworkDefParseIdentity(ctxt, def) < 0 ||
        virNetworkDefParseOptions(ctxt, def) < 0 ||
        virNetworkDefParseBridge(ctxt, def, &stpGiven) < 0)
        return NULL;
    if ((node = virXPathNode("./dns", ctxt)) &&
        virNetworkDNSDefParseXML(def->name, node, ctxt, &def->dns) < 0)
        return NULL;
    if ((node = virXPathNode("./virtualport", ctxt)) &&
        !(def->virtPortProfile = virNetDevVPortProfileParse(node, VIR_VPORT_XML_REQUIRE_TYPE)))
        return NULL;
    if (virNetworkDefParseLists(ctxt, def) < 0 ||
        virNetworkDefCheckRouteGateways(def) < 0)
        return NULL;
    if ((node = virXPathNode("./forward", ctxt)) &&
        virNetworkForwardDefParseXML(def->name, node, ctxt, &def->forward) < 0)
        return NULL;
    if (virNetworkDefCheckForward(def, stpGiven) < 0)
        return NULL;

    if ((node = virXPathNode("./metadata[1]", ctxt))) {
        if (!(def->metadata = xmlCopyNode(node, 1)))
            abort();
        virNetworkMetadataSanitize(def->metadata);
    }
    if (virNetworkDefParseNamespace(ctxt, def, xmlopt) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virNetworkDef *
virNetworkDefParseNode(xmlDocPtr xml, xmlNodePtr root,
                       virNetworkXMLOption *xmlopt)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!virXMLNodeNameEqual(root, "network")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "expecting root element of 'network', not '%s'", root->name);
        return NULL;
    }
    ctxt = virXMLXPathContextNew(xml);
    ctxt->node = root;
    return virNetworkDefParseXML(ctxt, xmlopt);
}

virNetworkDef *
virNetworkDefParseString(const char *xmlStr, virNetworkXMLOption *xmlopt)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    /* blank text nodes are dropped, so that <metadata> is re-indented */
    int keepBlanks = xmlKeepBlanksDefault(0);

    xml = virXMLParseHelper(VIR_FROM_NETWORK, NULL, xmlStr, "(network_definition)",
                            "network", &ctxt, NULL, false);
    xmlKeepBlanksDefault(keepBlanks);
    if (!xml)
        return NULL;
    return virNetworkDefParseXML(ctxt, xmlopt);
}

static void
virNetworkDefFormatBridge(virBuffer *buf, const virNetworkDef *def)
{
    /* modes with a libvirt-managed bridge always show its STP settings */
    bool hasbridge = def->forward.type == VIR_NETWORK_FORWARD_NONE ||
                     def->forward.type == VIR_NETWORK_FORWARD_NAT ||
                     def->forward.type == VIR_NETWORK_FORWARD_ROUTE ||
                     def->forward.type == VIR_NETWORK_FORWARD_OPEN;

    if (hasbridge || def->bridge || def->macTableManager) {
        virBufferAddLit(buf, "<bridge");
        virBufferEscapeString(buf, " name='%s'", def->bridge);
        virBufferEscapeString(buf, " zone='%s'", def->bridgeZone);
        if (hasbridge)
            virBufferAsprintf(buf, " stp='%s' delay='%lu'",
                              def->stp ? "on" : "off", def->delay);
        if (def->macTableManager)
            virBufferAsprintf(buf, " macTableManager='%s'",
                              virNetworkBridgeMACTableManagerTypeToString(def->macTableManager));
        virBufferAddLit(buf, "/>\n");
    }
    if (def->mtu)
        virBufferAsprintf(buf, "<mtu size='%u'/>\n", def->mtu);
    if (def->mac_specified) {
        char mac[VIR_MAC_STRING_BUFLEN];

        virBufferAsprintf(buf, "<mac address='%s'/>\n", virMacAddrFormat(&def->mac, mac));
    }
    if (def->domain) {
        virBufferEscapeString(buf, "<domain name='%s'", def->domain);
        if (def->domainLocalOnly)
            virBufferAsprintf(buf, " localOnly='%s'",
                              virTristateBoolTypeToString(def->domainLocalOnly));
        virBufferAddLit(buf, "/>\n");
    }
}

int
virNetworkDefFormatBuf(virBuffer *buf, const virNetworkDef *def,
                       virNetworkXMLOption *xmlopt G_GNUC_UNUSED,
                       unsigned int flags)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    size_t i;

    virBufferAddLit(buf, "<network");
    if (def->namespaceData)
        virBufferAsprintf(buf, " xmlns:%s='%s'", def->ns->prefix, def->ns->uri);
    if (!(flags & VIR_NETWORK_XML_INACTIVE) && def->connections > 0)
        virBufferAsprintf(buf, " connections='%d'", def->connections);
    if (def->ipv6nogw)
        virBufferAddLit(buf, " ipv6='yes'");
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, " trustGuestRxFilters='%s'",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<name>%s</name>\n", def->name);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->uuid, uuid));

    if (virNetworkMetadataFormat(buf, def->metadata) < 0 ||
        virNetworkForwardDefFormat(buf, &def->forward, flags) < 0)
        return -1;
    virNetworkDefFormatBridge(buf, def);
    if (virNetworkDNSDefFormat(buf, &def->dns) < 0)
        return -1;
    virNetDevVlanFormat(&def->vlan, buf);
    virNetDevBandwidthFormat(def->bandwidth, 0, buf);
    virNetworkPortOptionsFormat(def->isolatedPort, buf);
    for (i = 0; i < def->nips; i++) {
        if (virNetworkIPDefFormat(buf, &def->ips[i]) < 0)
            return -1;
    }
    for (i = 0; i < def->nroutes; i++) {
        if (virNetDevIPRouteFormat(buf, def->routes[i]) < 0)
            return -1;
    }
    virNetDevVPortProfileFormat(def->virtPortProfile, buf);
    for (i = 0; i < def->nPortGroups; i++)
        virPortGroupDefFormat(buf, &def->portGroups[i]);
    if (def->namespaceData && def->ns->format(buf, def->namespaceData) < 0)
        return -1;
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</network>\n");
    return 0;
}

char *
virNetworkDefFormat(const virNetworkDef *def, virNetworkXMLOption *xmlopt,
                    unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    if (virNetworkDefFormatBuf(&buf, def, xmlopt, flags) < 0)
        return NULL;
    return virBufferContentAndReset(&buf);
}

virNetworkDef *
virNetworkDefCopy(const virNetworkDef *def, virNetworkXMLOption *xmlopt,
                  unsigned int flags)
{
    g_autofree char *xml = virNetworkDefFormat(def, xmlopt, flags);

    return xml ? virNetworkDefParseString(xml, xmlopt) : NULL;
}


/* ======== xml2xml ======== */

static char *
networkRoundtrip(const char *xml, const virXMLRoundtripArgs *args)
{
    g_autoptr(virNetworkXMLOption) xmlopt =
        virNetworkXMLOptionNew(&virNetworkDnsmasqXMLNamespace);
    g_autoptr(virNetworkDef) def = NULL;

    if (!(def = virNetworkDefParseString(xml, xmlopt)))
        return NULL;
    return virNetworkDefFormat(def, xmlopt,
                               args->inactive ? VIR_NETWORK_XML_INACTIVE : 0);
}

const virXMLCategory virNetworkXMLCategory = { "network", networkRoundtrip };
