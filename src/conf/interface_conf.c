/*
 * interface_conf.c: parse and format host interfaces (<interface>).
 */
#include "internal.h"
#include "conf/interface_conf.h"
#include "conf/virxmlcategory.h"
#include "util/virbuffer.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_INTERFACE

VIR_ENUM_IMPL(virInterface,
              VIR_INTERFACE_TYPE_LAST,
              "ethernet", "bridge", "bond", "vlan");

/* For these enums 0 means "not given" and is never written. */
VIR_ENUM_IMPL(virInterfaceStartMode,
              VIR_INTERFACE_START_LAST,
              "", "none", "onboot", "hotplug");

VIR_ENUM_IMPL(virInterfaceBondMode,
              VIR_INTERFACE_BOND_LAST,
              "", "balance-rr", "active-backup", "balance-xor", "broadcast",
              "802.3ad", "balance-tlb", "balance-alb");

VIR_ENUM_IMPL(virInterfaceBondMiiCarrier,
              VIR_INTERFACE_BOND_MII_LAST,
              "", "ioctl", "netif");

VIR_ENUM_IMPL(virInterfaceBondArpValid,
              VIR_INTERFACE_BOND_ARP_LAST,
              "", "active", "backup", "all");

VIR_ENUM_IMPL(virInterfaceLinkState,
              VIR_INTERFACE_LINK_STATE_LAST,
              "", "unknown", "notpresent", "down", "lowerlayerdown",
              "testing", "dormant", "up");

static int
virInterfaceDefDevFormat(virBuffer *buf, const virInterfaceDef *def,
                         virInterfaceType parentIfType);


/* The value of @xpath as a non-zero value of an enum above, or 0 when
 * absent; "@unknown VALUE" otherwise. */
static int
virInterfaceParseEnum(xmlXPathContextPtr ctxt, const char *xpath,
                      int (*fromString)(const char *), const char *unknown,
                      int *result)
{
    g_autofree char *str = virXPathString(xpath, ctxt);
    int value = 0;

    if (str && (value = fromString(str)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s %s", unknown, str);
        return -1;
    }
    *result = value;
    return 0;
}


/* ===== <link> ===== */

static int
virInterfaceLinkParse(xmlNodePtr node, virInterfaceLink *lnk)
{
    if (virXMLPropEnum(node, "state", virInterfaceLinkStateTypeFromString,
                       VIR_XML_PROP_NONE, &lnk->state) < 0 ||
        virXMLPropUInt(node, "speed", 10, VIR_XML_PROP_NONE, &lnk->speed) < 0)
        return -1;
    return 0;
}


static void
virInterfaceLinkFormat(virBuffer *buf, const virInterfaceLink *lnk)
{
    if (!lnk->speed && !lnk->state)
        return;
    virBufferAddLit(buf, "<link");
    if (lnk->speed)
        virBufferAsprintf(buf, " speed='%u'", lnk->speed);
    if (lnk->state)
        virBufferAsprintf(buf, " state='%s'",
                          virInterfaceLinkStateTypeToString(lnk->state));
    virBufferAddLit(buf, "/>\n");
}


/* ===== <protocol> ===== */

static void
virInterfaceIPDefFree(virInterfaceIPDef *def)
{
    if (!def)
        return;
    g_free(def->address);
    g_free(def);
}


static void
virInterfaceProtocolDefFree(virInterfaceProtocolDef *def)
{
    int i;

    if (!def)
        return;
    for (i = 0; i < def->nips; i++)
        virInterfaceIPDefFree(def->ips[i]);
    g_free(def->ips);
    g_free(def->family);
    g_free(def->gateway);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virInterfaceProtocolDef, virInterfaceProtocolDefFree);


/* <dhcp>, <autoconf/> (ipv6 only), <ip>s and the first <route> of the
 * <protocol> ctxt->node is on. */
static int
virInterfaceProtocolParseAddressing(virInterfaceProtocolDef *def,
                                    xmlXPathContextPtr ctxt, bool ipv6)
{
    g_autofree xmlNodePtr *ipNodes = NULL;
    xmlNodePtr dhcp;
    int nipNodes;
    int i;

    def->gateway = virXPathString("string(./route[1]/@gateway)", ctxt);
    if (ipv6 && virXPathNode("./autoconf", ctxt))
        def->autoconf = 1;

    if ((dhcp = virXPathNode("./dhcp", ctxt))) {
        virTristateBool peerdns;

        def->dhcp = 1;
        if (virXMLPropTristateBool(dhcp, "peerdns", VIR_XML_PROP_NONE, &peerdns) < 0)
            return -1;
        def->peerdns = peerdns == VIR_TRISTATE_BOOL_ABSENT ? -1 :
                       peerdns == VIR_TRISTATE_BOOL_YES;
    }

    if ((nipNodes = virXPathNodeSet("./ip", ctxt, &ipNodes)) < 0)
        return -1;
    def->ips = g_new0(virInterfaceIPDef *, nipNodes);
    for (i = 0; i < nipNodes; i++) {
        virInterfaceIPDef *ip = g_new0(virInterfaceIPDef, 1);

        def->ips[def->nips++] = ip;
        /* an <ip> without address is ignored, prefix and all */
        if ((ip->address = virXMLPropString(ipNodes[i], "address")) &&
            virXMLPropInt(ipNodes[i], "prefix", 0, VIR_XML_PROP_NONE,
                          &ip->prefix, 0) < 0)
            return -1;
    }
    return 0;
}


static int
virInterfaceDefParseProtocols(virInterfaceDef *def, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    int nnodes;
    int i;

    if ((nnodes = virXPathNodeSet("./protocol", ctxt, &nodes)) <= 0)
        return nnodes;

    def->protos = g_new0(virInterfaceProtocolDef *, nnodes);
    for (i = 0; i < nnodes; i++) {
        g_autoptr(virInterfaceProtocolDef) proto = g_new0(virInterfaceProtocolDef, 1);

        if (!(proto->family = virXMLPropString(nodes[i], "family"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "protocol misses the family attribute");
            return -1;
        }
        if (STRNEQ(proto->family, "ipv4") && STRNEQ(proto->family, "ipv6")) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unsupported protocol family '%s'", proto->family);
            return -1;
        }
        ctxt->node = nodes[i];
        if (virInterfaceProtocolParseAddressing(proto, ctxt,
                                                STREQ(proto->family, "ipv6")) < 0)
            return -1;
        def->protos[def->nprotos++] = g_steal_pointer(&proto);
    }
    return 0;
}


static void
virInterfaceProtocolDefFormat(virBuffer *buf, const virInterfaceProtocolDef *def)
{
    int i;

    virBufferEscapeString(buf, "<protocol family='%s'>\n", def->family);
    virBufferAdjustIndent(buf, 2);

    if (def->autoconf)
        virBufferAddLit(buf, "<autoconf/>\n");
    if (def->dhcp) {
        virBufferAddLit(buf, "<dhcp");
        if (def->peerdns >= 0)
            virBufferAsprintf(buf, " peerdns='%s'", def->peerdns ? "yes" : "no");
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < def->nips; i++) {
        if (!def->ips[i]->address)
            continue;
        virBufferEscapeString(buf, "<ip address='%s'", def->ips[i]->address);
        if (def->ips[i]->prefix != 0)
            virBufferAsprintf(buf, " prefix='%d'", def->ips[i]->prefix);
        virBufferAddLit(buf, "/>\n");
    }
    virBufferEscapeString(buf, "<route gateway='%s'/>\n", def->gateway);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</protocol>\n");
}


/* ===== the interface ===== */

static void
virInterfaceDefListFree(struct _virInterfaceDef **itf, int nbItf)
{
    int i;

    for (i = 0; i < nbItf; i++)
        virInterfaceDefFree(itf[i]);
    g_free(itf);
}


void
virInterfaceDefFree(virInterfaceDef *def)
{
    int i;

    if (!def)
        return;

    g_free(def->name);
    g_free(def->mac);
    switch ((virInterfaceType)def->type) {
    case VIR_INTERFACE_TYPE_BRIDGE:
        g_free(def->data.bridge.delay);
        virInterfaceDefListFree(def->data.bridge.itf, def->data.bridge.nbItf);
        break;
    case VIR_INTERFACE_TYPE_BOND:
        g_free(def->data.bond.target);
        virInterfaceDefListFree(def->data.bond.itf, def->data.bond.nbItf);
        break;
    case VIR_INTERFACE_TYPE_VLAN:
        g_free(def->data.vlan.tag);
        g_free(def->data.vlan.dev_name);
        break;
    case VIR_INTERFACE_TYPE_ETHERNET:
    case VIR_INTERFACE_TYPE_LAST:
        break;
    }
    for (i = 0; i < def->nprotos; i++)
        virInterfaceProtocolDefFree(def->protos[i]);
    g_free(def->protos);
    g_free(def);
}


/* The <interface> children of ctxt->node, each inside @parentIfType. */
static int
virInterfaceDefParseSlaves(xmlXPathContextPtr ctxt, int parentIfType,
                           struct _virInterfaceDef ***itf, int *nbItf)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    int nnodes;
    int i;

    if ((nnodes = virXPathNodeSet("./interface", ctxt, &nodes)) <= 0)
        return nnodes;

    *itf = g_new0(struct _virInterfaceDef *, nnodes);
    for (i = 0; i < nnodes; i++) {
        ctxt->node = nodes[i];
        if (!((*itf)[i] = virInterfaceDefParseNode(ctxt, parentIfType)))
            return -1;
        *nbItf = i + 1;
    }
    return 0;
}


/* <bridge>, with ctxt on it. */
static int
virInterfaceDefParseBridge(virInterfaceDef *def, xmlXPathContextPtr ctxt)
{
    g_autofree char *stp = virXMLPropString(ctxt->node, "stp");

    def->data.bridge.stp = -1;
    if (stp) {
        if (STREQ(stp, "on")) {
            def->data.bridge.stp = 1;
        } else if (STREQ(stp, "off")) {
            def->data.bridge.stp = 0;
        } else {
            /* libvirt accepts the document and drops the rest of
             * <bridge>: delay and the bridged interfaces */
            return 0;
        }
    }
    def->data.bridge.delay = virXMLPropString(ctxt->node, "delay");

    return virInterfaceDefParseSlaves(ctxt, VIR_INTERFACE_TYPE_BRIDGE,
                                      &def->data.bridge.itf,
                                      &def->data.bridge.nbItf);
}


/* <bond>, with ctxt on it. */
static int
virInterfaceDefParseBond(virInterfaceDef *def, xmlXPathContextPtr ctxt)
{
    virInterfaceBondDef *bond = &def->data.bond;

    if (virInterfaceParseEnum(ctxt, "string(./@mode)",
                              virInterfaceBondModeTypeFromString,
                              "unknown bonding mode", &bond->mode) < 0 ||
        virInterfaceDefParseSlaves(ctxt, VIR_INTERFACE_TYPE_BOND,
                                   &bond->itf, &bond->nbItf) < 0)
        return -1;

    if (virXPathNode("./miimon[1]", ctxt)) {
        bond->monit = VIR_INTERFACE_BOND_MONIT_MII;
        if (virXPathInt("string(./miimon/@freq)", ctxt, &bond->frequency) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "bond interface miimon freq missing or invalid");
            return -1;
        }
        if (virXPathInt("string(./miimon/@downdelay)", ctxt, &bond->downdelay) == -2) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "bond interface miimon downdelay invalid");
            return -1;
        }
        if (virXPathInt("string(./miimon/@updelay)", ctxt, &bond->updelay) == -2) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "bond interface miimon updelay invalid");
            return -1;
        }
        return virInterfaceParseEnum(ctxt, "string(./miimon/@carrier)",
                                     virInterfaceBondMiiCarrierTypeFromString,
                                     "unknown mii bonding carrier", &bond->carrier);
    }

    if (!virXPathNode("./arpmon[1]", ctxt))
        return 0;
    bond->monit = VIR_INTERFACE_BOND_MONIT_ARP;
    if (virXPathInt("string(./arpmon/@interval)", ctxt, &bond->interval) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "bond interface arpmon interval missing or invalid");
        return -1;
    }
    if (!(bond->target = virXPathString("string(./arpmon/@target)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "bond interface arpmon target missing");
        return -1;
    }
    return virInterfaceParseEnum(ctxt, "string(./arpmon/@validate)",
                                 virInterfaceBondArpValidTypeFromString,
                                 "unknown arp bonding validate", &bond->validate);
}


/* <vlan>, with ctxt on it. */
static int
virInterfaceDefParseVlan(virInterfaceDef *def, xmlXPathContextPtr ctxt)
{
    if (!(def->data.vlan.tag = virXPathString("string(./@tag)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "vlan interface misses the tag attribute");
        return -1;
    }
    if (!(def->data.vlan.dev_name = virXPathString("string(./interface/@name)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "vlan interface misses name attribute");
        return -1;
    }
    return 0;
}


/* The element that describes a bridge, bond or vlan, parsed with ctxt on
 * it. */
static int
virInterfaceDefParseTypeData(virInterfaceDef *def, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    const char *element = virInterfaceTypeToString(def->type);
    g_autofree char *xpath = g_strdup_printf("./%s[1]", element);

    if (def->type == VIR_INTERFACE_TYPE_ETHERNET) {
        def->mac = virXPathString("string(./mac/@address)", ctxt);
        return 0;
    }
    if (!(ctxt->node = virXPathNode(xpath, ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s interface misses the %s element",
                       element, element);
        return -1;
    }
    switch ((virInterfaceType)def->type) {
    case VIR_INTERFACE_TYPE_BRIDGE:
        return virInterfaceDefParseBridge(def, ctxt);
    case VIR_INTERFACE_TYPE_BOND:
        return virInterfaceDefParseBond(def, ctxt);
    case VIR_INTERFACE_TYPE_VLAN:
        return virInterfaceDefParseVlan(def, ctxt);
    case VIR_INTERFACE_TYPE_ETHERNET:
    case VIR_INTERFACE_TYPE_LAST:
        break;
    }
    return 0;
}


/* Which interfaces may sit inside which: ethernet in a bond; ethernet,
 * bond and vlan in a bridge; anything at the top. */
static bool
virInterfaceTypeAllowedIn(virInterfaceType type, int parentIfType)
{
    switch (parentIfType) {
    case VIR_INTERFACE_TYPE_LAST:
        return true;
    case VIR_INTERFACE_TYPE_BOND:
        return type == VIR_INTERFACE_TYPE_ETHERNET;
    case VIR_INTERFACE_TYPE_BRIDGE:
        return type != VIR_INTERFACE_TYPE_BRIDGE;
    }
    return false;
}


/* <start>, <mtu> and <protocol>s of a top-level interface. */
static int
virInterfaceDefParseTopLevel(virInterfaceDef *def, xmlXPathContextPtr ctxt)
{
    xmlNodePtr mtu;
    int startmode;

    if (virInterfaceParseEnum(ctxt, "string(./start/@mode)",
                              virInterfaceStartModeTypeFromString,
                              "unknown interface startmode", &startmode) < 0)
        return -1;
    def->startmode = startmode;

    if ((mtu = virXPathNode("./mtu", ctxt)) &&
        virXMLPropUInt(mtu, "size", 10, VIR_XML_PROP_NONE, &def->mtu) < 0)
        return -1;
    if (def->mtu > 100000) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "value of the 'size' attribute of 'mtu' element must be at most 100000");
        return -1;
    }

    return virInterfaceDefParseProtocols(def, ctxt);
}


virInterfaceDef *
virInterfaceDefParseNode(xmlXPathContextPtr ctxt, int parentIfType)
{
    g_autoptr(virInterfaceDef) def = NULL;
    virInterfaceType type;
    xmlNodePtr lnk;

    if (virXMLPropEnum(ctxt->node, "type", virInterfaceTypeFromString,
                       VIR_XML_PROP_REQUIRED, &type) < 0)
        return NULL;
    if (!virInterfaceTypeAllowedIn(type, parentIfType)) {
        virReportError(VIR_ERR_XML_ERROR, "interface has unsupported type '%s'",
                       virInterfaceTypeToString(type));
        return NULL;
    }

    def = g_new0(virInterfaceDef, 1);
    def->type = type;
    if (!(def->name = virXMLPropString(ctxt->node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "interface has no name");
        return NULL;
    }

    if (parentIfType == VIR_INTERFACE_TYPE_LAST &&
        virInterfaceDefParseTopLevel(def, ctxt) < 0)
        return NULL;

    /* a bridge has no link of its own */
    if (type != VIR_INTERFACE_TYPE_BRIDGE &&
        (lnk = virXPathNode("./link", ctxt)) &&
        virInterfaceLinkParse(lnk, &def->lnk) < 0)
        return NULL;

    if (virInterfaceDefParseTypeData(def, ctxt) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


virInterfaceDef *
virInterfaceDefParseString(const char *xmlStr, unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    bool validate = !!(flags & VIR_INTERFACE_DEFINE_VALIDATE);

    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, NULL, xmlStr,
                                  "(interface_definition)", "interface", &ctxt,
                                  "interface.rng", validate)))
        return NULL;
    return virInterfaceDefParseNode(ctxt, VIR_INTERFACE_TYPE_LAST);
}


static int
virInterfaceDefListFormat(virBuffer *buf, struct _virInterfaceDef **itf,
                          int nbItf, virInterfaceType parentIfType)
{
    int i;

    for (i = 0; i < nbItf; i++) {
        if (virInterfaceDefDevFormat(buf, itf[i], parentIfType) < 0)
            return -1;
    }
    return 0;
}


static int
virInterfaceBridgeDefFormat(virBuffer *buf, const virInterfaceDef *def)
{
    const virInterfaceBridgeDef *bridge = &def->data.bridge;
    int rc;

    virBufferAddLit(buf, "<bridge");
    if (bridge->stp >= 0)
        virBufferAsprintf(buf, " stp='%s'", bridge->stp ? "on" : "off");
    virBufferEscapeString(buf, " delay='%s'", bridge->delay);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    rc = virInterfaceDefListFormat(buf, bridge->itf, bridge->nbItf,
                                   VIR_INTERFACE_TYPE_BRIDGE);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</bridge>\n");
    return rc;
}


static int
virInterfaceBondDefFormat(virBuffer *buf, const virInterfaceDef *def)
{
    const virInterfaceBondDef *bond = &def->data.bond;
    int rc;

    virBufferAddLit(buf, "<bond");
    if (bond->mode > 0)
        virBufferAsprintf(buf, " mode='%s'", virInterfaceBondModeTypeToString(bond->mode));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    if (bond->monit == VIR_INTERFACE_BOND_MONIT_MII) {
        virBufferAsprintf(buf, "<miimon freq='%d'", bond->frequency);
        if (bond->downdelay > 0)
            virBufferAsprintf(buf, " downdelay='%d'", bond->downdelay);
        if (bond->updelay > 0)
            virBufferAsprintf(buf, " updelay='%d'", bond->updelay);
        if (bond->carrier > 0)
            virBufferAsprintf(buf, " carrier='%s'",
                              virInterfaceBondMiiCarrierTypeToString(bond->carrier));
        virBufferAddLit(buf, "/>\n");
    } else if (bond->monit == VIR_INTERFACE_BOND_MONIT_ARP) {
        if (!bond->target) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "bond arp monitoring has no target");
            return -1;
        }
        virBufferAsprintf(buf, "<arpmon interval='%d'", bond->interval);
        virBufferEscapeString(buf, " target='%s'", bond->target);
        if (bond->validate > 0)
            virBufferAsprintf(buf, " validate='%s'",
                              virInterfaceBondArpValidTypeToString(bond->validate));
        virBufferAddLit(buf, "/>\n");
    }
    rc = virInterfaceDefListFormat(buf, bond->itf, bond->nbItf,
                                   VIR_INTERFACE_TYPE_BOND);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</bond>\n");
    return rc;
}


static int
virInterfaceVlanDefFormat(virBuffer *buf, const virInterfaceDef *def)
{
    const virInterfaceVlanDef *vlan = &def->data.vlan;

    if (!vlan->tag) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "vlan misses the tag name");
        return -1;
    }
    virBufferEscapeString(buf, "<vlan tag='%s'", vlan->tag);
    if (!vlan->dev_name) {
        virBufferAddLit(buf, "/>\n");
        return 0;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<interface name='%s'/>\n", vlan->dev_name);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</vlan>\n");
    return 0;
}


/* Start mode, MTU and addressing: only the top-level interface has
 * them; the interfaces inside inherit them. */
static void
virInterfaceDefFormatTopLevel(virBuffer *buf, const virInterfaceDef *def)
{
    int i;

    if (def->startmode != VIR_INTERFACE_START_UNSPECIFIED)
        virBufferAsprintf(buf, "<start mode='%s'/>\n",
                          virInterfaceStartModeTypeToString(def->startmode));
    if (def->mtu)
        virBufferAsprintf(buf, "<mtu size='%u'/>\n", def->mtu);
    for (i = 0; i < def->nprotos; i++)
        virInterfaceProtocolDefFormat(buf, def->protos[i]);
}


static int
virInterfaceDefDevFormat(virBuffer *buf, const virInterfaceDef *def,
                         virInterfaceType parentIfType)
{
    const char *type = virInterfaceTypeToString(def->type);
    int rc = 0;

    if (!type) {
        virReportEnumRangeError(virInterfaceType, def->type);
        return -1;
    }
    if (!def->name && def->type != VIR_INTERFACE_TYPE_VLAN) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "virInterfaceDefFormat missing interface name");
        return -1;
    }

    virBufferAsprintf(buf, "<interface type='%s' ", type);
    virBufferEscapeString(buf, "name='%s'", def->name);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    if (parentIfType == VIR_INTERFACE_TYPE_LAST)
        virInterfaceDefFormatTopLevel(buf, def);
    if (def->type != VIR_INTERFACE_TYPE_BRIDGE)
        virInterfaceLinkFormat(buf, &def->lnk);

    switch ((virInterfaceType)def->type) {
    case VIR_INTERFACE_TYPE_ETHERNET:
        virBufferEscapeString(buf, "<mac address='%s'/>\n", def->mac);
        break;
    case VIR_INTERFACE_TYPE_BRIDGE:
        rc = virInterfaceBridgeDefFormat(buf, def);
        break;
    case VIR_INTERFACE_TYPE_BOND:
        rc = virInterfaceBondDefFormat(buf, def);
        break;
    case VIR_INTERFACE_TYPE_VLAN:
        rc = virInterfaceVlanDefFormat(buf, def);
        break;
    case VIR_INTERFACE_TYPE_LAST:
        break;
    }

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</interface>\n");
    return rc;
}


char *
virInterfaceDefFormat(const virInterfaceDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    if (virInterfaceDefDevFormat(&buf, def, VIR_INTERFACE_TYPE_LAST) < 0)
        return NULL;
    return virBufferContentAndReset(&buf);
}


static char *
interfaceRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(virInterfaceDef) def = virInterfaceDefParseString(xml, 0);

    if (!def)
        return NULL;
    return virInterfaceDefFormat(def);
}

const virXMLCategory virInterfaceXMLCategory = { "interface", interfaceRoundtrip };
