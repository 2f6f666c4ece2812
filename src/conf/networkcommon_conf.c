/*
 * networkcommon_conf.c: elements that networks, network ports and
 * interfaces share: PCI host device <address> and static <route>,
 * each with its free, parse and format.
 */
#include "internal.h"

#include "conf/networkcommon_conf.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK


/* ======== PCI addresses ======== */

int
virPCIDeviceAddressParseXML(xmlNodePtr node, virPCIDeviceAddress *addr)
{
    memset(addr, 0, sizeof(*addr));
    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE, &addr->domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE, &addr->slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE, &addr->function) < 0 ||
        virXMLPropTristateSwitch(node, "multifunction", VIR_XML_PROP_NONE,
                                 &addr->multi) < 0)
        return -1;

    /* all zero is "no address"; otherwise each part must fit */
    if (!(addr->domain || addr->bus || addr->slot))
        return 0;
    if (addr->bus > 0xff) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address bus='0x%x', must be <= 0xFF",
                       addr->bus);
        return -1;
    }
    if (addr->slot > 0x1f) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address slot='0x%x', must be <= 0x1F",
                       addr->slot);
        return -1;
    }
    if (addr->function > 7) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid PCI address function=0x%x, must be <= 7",
                       addr->function);
        return -1;
    }
    return 0;
}

void
virPCIDeviceAddressFormat(virBuffer *buf, virPCIDeviceAddress addr,
                          bool includeTypeInAddr)
{
    virBufferAsprintf(buf,
                      "<address %sdomain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%d'/>\n",
                      includeTypeInAddr ? "type='pci' " : "",
                      addr.domain, addr.bus, addr.slot, addr.function);
}

bool
virPCIDeviceAddressEqual(const virPCIDeviceAddress *addr1,
                         const virPCIDeviceAddress *addr2)
{
    return addr1->domain == addr2->domain && addr1->bus == addr2->bus &&
           addr1->slot == addr2->slot && addr1->function == addr2->function;
}


/* ======== <route> ======== */

void
virNetDevIPRouteFree(virNetDevIPRoute *def)
{
    if (!def)
        return;
    g_free(def->family);
    g_free(def);
}

/* The family rules of a route: @address, @netmask (may be NULL) and
 * @gateway are the attribute texts, for the messages. */
static int
virNetDevIPRouteCheckFamily(const char *errorDetail, virNetDevIPRoute *def,
                            const char *address, const char *netmask,
                            const char *gateway)
{
    const char *family = def->family;

    if (!family || STREQ(family, "ipv4")) {
        const char *what = family ? "IPv4 family" : "No family";

        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: %s specified for non-IPv4 address '%s' in route definition",
                           errorDetail, what, address);
            return -1;
        }
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->gateway, AF_INET)) {
            /* libvirt names the address here, not the gateway */
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: %s specified for non-IPv4 gateway '%s' in route definition",
                           errorDetail, what, address);
            return -1;
        }
        if (netmask) {
            if (virSocketAddrParse(&def->netmask, netmask, AF_UNSPEC) < 0) {
                virReportError(VIR_ERR_XML_ERROR,
                               "%s: Bad netmask address '%s' in route definition",
                               errorDetail, netmask);
                return -1;
            }
            if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->netmask, AF_INET)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "%s: Invalid netmask '%s' for address '%s' (both must be IPv4)",
                               errorDetail, netmask, address);
                return -1;
            }
            if (def->has_prefix) {
                virReportError(VIR_ERR_XML_ERROR,
                               "%s: Route definition cannot have both a prefix and a netmask",
                               errorDetail);
                return -1;
            }
        }
        if (def->prefix > 32) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Invalid prefix %u specified in route definition, must be 0 - 32",
                           errorDetail, def->prefix);
            return -1;
        }
    } else if (STREQ(family, "ipv6")) {
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->address, AF_INET6)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: ipv6 family specified for non-IPv6 address '%s' in route definition",
                           errorDetail, address);
            return -1;
        }
        if (netmask) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Specifying netmask invalid for IPv6 address '%s' in route definition",
                           errorDetail, address);
            return -1;
        }
        if (!VIR_SOCKET_ADDR_IS_FAMILY(&def->gateway, AF_INET6)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: ipv6 specified for non-IPv6 gateway address '%s' in route definition",
                           errorDetail, gateway);
            return -1;
        }
        if (def->prefix > 128) {
            virReportError(VIR_ERR_XML_ERROR,
                           "%s: Invalid prefix %u specified in route definition, must be 0 - 128",
                           errorDetail, def->prefix);
            return -1;
        }
    } else {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Unrecognized family '%s' in route definition",
                       errorDetail, family);
        return -1;
    }
    return 0;
}

virNetDevIPRoute *
virNetDevIPRouteParseXML(const char *errorDetail, xmlNodePtr node)
{
    g_autoptr(virNetDevIPRoute) def = g_new0(virNetDevIPRoute, 1);
    g_autofree char *address = virXMLPropString(node, "address");
    g_autofree char *netmask = virXMLPropString(node, "netmask");
    g_autofree char *gateway = virXMLPropString(node, "gateway");
    virSocketAddr testAddr;
    int rc;

    def->family = virXMLPropString(node, "family");
    if ((rc = virXMLPropUInt(node, "prefix", 10, VIR_XML_PROP_NONE,
                             &def->prefix)) < 0)
        return NULL;
    def->has_prefix = rc == 1;
    if ((rc = virXMLPropUInt(node, "metric", 10, VIR_XML_PROP_NONZERO,
                             &def->metric)) < 0)
        return NULL;
    def->has_metric = rc == 1;

    if (!address) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Missing required address attribute in route definition",
                       errorDetail);
        return NULL;
    }
    if (!gateway) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Missing required gateway attribute in route definition",
                       errorDetail);
        return NULL;
    }
    if (virSocketAddrParse(&def->address, address, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Bad network address '%s' in route definition",
                       errorDetail, address);
        return NULL;
    }
    if (virSocketAddrParse(&def->gateway, gateway, AF_UNSPEC) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Bad gateway address '%s' in route definition",
                       errorDetail, gateway);
        return NULL;
    }
    if (virNetDevIPRouteCheckFamily(errorDetail, def, address, netmask,
                                    gateway) < 0)
        return NULL;

    /* the address must be a network address */
    if (netmask)
        virSocketAddrMask(&def->address, &def->netmask, &testAddr);
    else
        virSocketAddrMaskByPrefix(&def->address, def->prefix, &testAddr);
    if (!virSocketAddrEqual(&def->address, &testAddr)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "%s: Address '%s' in route definition is not a network address",
                       errorDetail, address);
        return NULL;
    }
    return g_steal_pointer(&def);
}

int
virNetDevIPRouteFormat(virBuffer *buf, const virNetDevIPRoute *def)
{
    g_autofree char *address = NULL;
    g_autofree char *gateway = NULL;

    if (!(address = virSocketAddrFormat(&def->address)) ||
        !(gateway = virSocketAddrFormat(&def->gateway)))
        return -1;

    virBufferAddLit(buf, "<route");
    virBufferEscapeString(buf, " family='%s'", def->family);
    virBufferAsprintf(buf, " address='%s'", address);
    if (VIR_SOCKET_ADDR_VALID(&def->netmask)) {
        g_autofree char *netmask = virSocketAddrFormat(&def->netmask);

        if (!netmask)
            return -1;
        virBufferAsprintf(buf, " netmask='%s'", netmask);
    }
    if (def->has_prefix)
        virBufferAsprintf(buf, " prefix='%u'", def->prefix);
    virBufferAsprintf(buf, " gateway='%s'", gateway);
    if (def->has_metric && def->metric > 0)
        virBufferAsprintf(buf, " metric='%u'", def->metric);
    virBufferAddLit(buf, "/>\n");
    return 0;
}
