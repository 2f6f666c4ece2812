/*
 * virnetworkportdef.c: the <networkport> document.
 *
 * The parts it shares with networks and domain interfaces (<bandwidth>,
 * <vlan>, <virtualport>) are in the netdev_*_conf.c files.
 */
#include "internal.h"

#include "conf/virnetworkportdef.h"
#include "conf/virxmlcategory.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK


/* ======== <networkport> ======== */

VIR_ENUM_IMPL(virNetworkPortPlug, VIR_NETWORK_PORT_PLUG_TYPE_LAST,
              "none", "network", "bridge", "direct", "hostdev-pci");

VIR_ENUM_IMPL(virNetDevMacVLanMode, VIR_NETDEV_MACVLAN_MODE_LAST,
              "vepa", "private", "bridge", "passthrough");

void
virNetworkPortDefFree(virNetworkPortDef *def)
{
    if (!def)
        return;
    g_free(def->ownername);
    g_free(def->group);
    virNetDevBandwidthFree(def->bandwidth);
    virNetDevVlanClear(&def->vlan);
    g_free(def->virtPortProfile);
    switch (def->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        g_free(def->plug.bridge.brname);
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        g_free(def->plug.direct.linkdev);
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_NONE:
    case VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI:
    case VIR_NETWORK_PORT_PLUG_TYPE_LAST:
        break;
    }
    g_free(def);
}

/* The UUID at @xpath; @missing is the message when there is none. */
static int
virNetworkPortDefParseUUID(xmlXPathContextPtr ctxt, const char *xpath,
                           const char *missing, unsigned char *uuid)
{
    g_autofree char *str = virXPathString(xpath, ctxt);

    if (!str) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", missing);
        return -1;
    }
    if (virUUIDParse(str, uuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse UUID '%s'", str);
        return -1;
    }
    return 0;
}

/* <uuid>, <owner>, <group>, <virtualport>, <mac> */
static int
virNetworkPortDefParseIdentity(xmlXPathContextPtr ctxt, virNetworkPortDef *def)
{
    g_autofree char *mac = NULL;
    xmlNodePtr node;

    if (virNetworkPortDefParseUUID(ctxt, "./uuid", "network port has no uuid",
                                   def->uuid) < 0)
        return -1;
    if (!(def->ownername = virXPathString("./owner/name", ctxt))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "network port has no owner name");
        return -1;
    }
    if (virNetworkPortDefParseUUID(ctxt, "./owner/uuid", "network port has no owner UUID",
                                   def->owneruuid) < 0)
        return -1;
    def->group = virXPathString("./group", ctxt);
    if ((node = virXPathNode("./virtualport", ctxt)) &&
        !(def->virtPortProfile = virNetDevVPortProfileParse(node, 0)))
        return -1;
    if (!(mac = virXPathString("./mac/@address", ctxt))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "network port has no mac");
        return -1;
    }
    if (virMacAddrParse(mac, &def->mac) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse MAC '%s'", mac);
        return -1;
    }
    return 0;
}

/* <bandwidth>, <vlan>, <port>, <rxfilters> */
static int
virNetworkPortDefParseOptions(xmlXPathContextPtr ctxt, virNetworkPortDef *def)
{
    xmlNodePtr node;

    /* whether the network allows "floor" is checked when the port is used */
    if ((node = virXPathNode("./bandwidth", ctxt)) &&
        virNetDevBandwidthParse(&def->bandwidth, &def->class_id, node, true) < 0)
        return -1;
    if ((node = virXPathNode("./vlan", ctxt)) &&
        virNetDevVlanParse(node, ctxt, &def->vlan) < 0)
        return -1;
    if (virNetworkPortOptionsParseXML(ctxt, &def->isolatedPort) < 0)
        return -1;
    if ((node = virXPathNode("./rxfilters", ctxt)) &&
        virXMLPropTristateBool(node, "trustGuest", VIR_XML_PROP_NONE,
                               &def->trustGuestRxFilters) < 0)
        return -1;
    return 0;
}

static int
virNetworkPortDefParsePlugBridge(xmlNodePtr plug, virNetworkPortDef *def)
{
    g_autofree char *macmgr = NULL;
    int val;

    if (!(def->plug.bridge.brname = virXMLPropString(plug, "bridge"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing network port bridge name");
        return -1;
    }
    if ((macmgr = virXMLPropString(plug, "macTableManager"))) {
        if ((val = virNetworkBridgeMACTableManagerTypeFromString(macmgr)) <= 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid macTableManager setting '%s' in network port", macmgr);
            return -1;
        }
        def->plug.bridge.macTableManager = val;
    }
    return 0;
}

static int
virNetworkPortDefParsePlugDirect(xmlNodePtr plug, virNetworkPortDef *def)
{
    g_autofree char *mode = NULL;
    int val;

    if (!(def->plug.direct.linkdev = virXMLPropString(plug, "dev"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing network port link device name");
        return -1;
    }
    if ((mode = virXMLPropString(plug, "mode"))) {
        if ((val = virNetDevMacVLanModeTypeFromString(mode)) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid mode setting '%s' in network port", mode);
            return -1;
        }
        def->plug.direct.mode = val;
    }
    return 0;
}

static int
virNetworkPortDefParsePlugHostdev(xmlXPathContextPtr ctxt, xmlNodePtr plug,
                                  virNetworkPortDef *def)
{
    g_autofree char *driver = NULL;
    xmlNodePtr address;
    int val;

    if (virXMLPropTristateBool(plug, "managed", VIR_XML_PROP_NONE,
                               &def->plug.hostdevpci.managed) < 0)
        return -1;
    if ((driver = virXPathString("./plug/driver/@name", ctxt))) {
        if ((val = virNetworkForwardDriverNameTypeFromString(driver)) <= 0) {
            /* sic: libvirt's message for an unknown driver */
            virReportError(VIR_ERR_XML_ERROR, "%s", "Missing network port driver name");
            return -1;
        }
        def->plug.hostdevpci.driver = val;
    }
    if (!(address = virXPathNode("./plug/address", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing network port PCI address");
        return -1;
    }
    return virPCIDeviceAddressParseXML(address, &def->plug.hostdevpci.addr);
}

static int
virNetworkPortDefParsePlug(xmlXPathContextPtr ctxt, virNetworkPortDef *def)
{
    xmlNodePtr plug = virXPathNode("./plug", ctxt);
    unsigned int type = VIR_NETWORK_PORT_PLUG_TYPE_NONE;

    if (plug && virXMLPropEnum(plug, "type", virNetworkPortPlugTypeFromString,
                               VIR_XML_PROP_NONE, &type) < 0)
        return -1;
    def->plugtype = type;
    switch (def->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        return virNetworkPortDefParsePlugBridge(plug, def);
    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        return virNetworkPortDefParsePlugDirect(plug, def);
    case VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI:
        return virNetworkPortDefParsePlugHostdev(ctxt, plug, def);
    case VIR_NETWORK_PORT_PLUG_TYPE_NONE:
    case VIR_NETWORK_PORT_PLUG_TYPE_LAST:
        break;
    }
    return 0;
}

virNetworkPortDef *
virNetworkPortDefParseXML(xmlXPathContextPtr ctxt)
{
    g_autoptr(virNetworkPortDef) def = g_new0(virNetworkPortDef, 1);

    if (virNetworkPortDefParseIdentity(ctxt, def) < 0 ||
        virNetworkPortDefParseOptions(ctxt, def) < 0 ||
        virNetworkPortDefParsePlug(ctxt, def) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virNetworkPortDef *
virNetworkPortDefParseNode(xmlDocPtr xml, xmlNodePtr root)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!virXMLNodeNameEqual(root, "networkport")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "expecting root element of 'networkport', not '%s'", root->name);
        return NULL;
    }
    ctxt = virXMLXPathContextNew(xml);
    ctxt->node = root;
    return virNetworkPortDefParseXML(ctxt);
}

virNetworkPortDef *
virNetworkPortDefParseString(const char *xmlStr)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!(xml = virXMLParseHelper(VIR_FROM_NETWORK, NULL, xmlStr,
                                  "(networkport_definition)", "networkport",
                                  &ctxt, NULL, false)))
        return NULL;
    return virNetworkPortDefParseXML(ctxt);
}

static void
virNetworkPortDefFormatPlug(virBuffer *buf, const virNetworkPortDef *def)
{
    if (def->plugtype == VIR_NETWORK_PORT_PLUG_TYPE_NONE)
        return;
    virBufferAsprintf(buf, "<plug type='%s'",
                      virNetworkPortPlugTypeToString(def->plugtype));
    switch (def->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        virBufferEscapeString(buf, " bridge='%s'", def->plug.bridge.brname);
        if (def->plug.bridge.macTableManager)
            virBufferAsprintf(buf, " macTableManager='%s'",
                              virNetworkBridgeMACTableManagerTypeToString(
                                  def->plug.bridge.macTableManager));
        virBufferAddLit(buf, "/>\n");
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        virBufferEscapeString(buf, " dev='%s'", def->plug.direct.linkdev);
        virBufferAsprintf(buf, " mode='%s'/>\n",
                          virNetDevMacVLanModeTypeToString(def->plug.direct.mode));
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI:
        if (def->plug.hostdevpci.managed)
            virBufferAsprintf(buf, " managed='%s'",
                              virTristateBoolTypeToString(def->plug.hostdevpci.managed));
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        if (def->plug.hostdevpci.driver)
            virBufferAsprintf(buf, "<driver name='%s'/>\n",
                              virNetworkForwardDriverNameTypeToString(
                                  def->plug.hostdevpci.driver));
        virPCIDeviceAddressFormat(buf, def->plug.hostdevpci.addr, false);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</plug>\n");
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_NONE:
    case VIR_NETWORK_PORT_PLUG_TYPE_LAST:
        break;
    }
}

int
virNetworkPortDefFormatBuf(virBuffer *buf, const virNetworkPortDef *def)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    char mac[VIR_MAC_STRING_BUFLEN];

    virBufferAddLit(buf, "<networkport>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->uuid, uuid));
    virBufferAddLit(buf, "<owner>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<name>%s</name>\n", def->ownername);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->owneruuid, uuid));
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</owner>\n");
    virBufferEscapeString(buf, "<group>%s</group>\n", def->group);
    virBufferAsprintf(buf, "<mac address='%s'/>\n", virMacAddrFormat(&def->mac, mac));
    virNetDevVPortProfileFormat(def->virtPortProfile, buf);
    virNetDevBandwidthFormat(def->bandwidth, def->class_id, buf);
    virNetDevVlanFormat(&def->vlan, buf);
    virNetworkPortOptionsFormat(def->isolatedPort, buf);
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, "<rxfilters trustGuest='%s'/>\n",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    virNetworkPortDefFormatPlug(buf, def);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</networkport>\n");
    return 0;
}

char *
virNetworkPortDefFormat(const virNetworkPortDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    if (virNetworkPortDefFormatBuf(&buf, def) < 0)
        return NULL;
    return virBufferContentAndReset(&buf);
}


/* ======== xml2xml ======== */

static char *
networkportRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(virNetworkPortDef) def = virNetworkPortDefParseString(xml);

    return def ? virNetworkPortDefFormat(def) : NULL;
}

const virXMLCategory virNetworkPortXMLCategory = { "networkport", networkportRoundtrip };
