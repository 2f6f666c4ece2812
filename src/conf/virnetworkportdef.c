/*
 * virnetworkportdef.c: the <networkport> document.
 *
 * This file also holds, until they get files of their own, the parts of
 * an interface's configuration that networks, network ports and domain
 * interfaces share, each with its own header:
 *   - <bandwidth>   netdev_bandwidth_conf.h    (-> netdev_bandwidth_conf.c)
 *   - <vlan>        netdev_vlan_conf.h         (-> netdev_vlan_conf.c)
 *   - <virtualport> netdev_vport_profile_conf.h (-> netdev_vport_profile_conf.c)
 */
#include "internal.h"

#include "conf/virnetworkportdef.h"
#include "conf/virxmlcategory.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK


/* ======== <bandwidth> (to move to netdev_bandwidth_conf.c) ======== */

void
virNetDevBandwidthFree(virNetDevBandwidth *def)
{
    if (!def)
        return;
    g_free(def->in);
    g_free(def->out);
    g_free(def);
}

/* Convert @str of attribute @name into *@value; "could not convert". */
static int
virNetDevBandwidthParseValue(const char *name, const char *str,
                             unsigned long long *value)
{
    if (str && virStrToLong_ullp(str, NULL, 10, value) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "could not convert bandwidth %s value '%s'", name, str);
        return -1;
    }
    return 0;
}

static int
virNetDevBandwidthParseRate(xmlNodePtr node, virNetDevBandwidthRate *rate)
{
    g_autofree char *average = virXMLPropString(node, "average");
    g_autofree char *peak = virXMLPropString(node, "peak");
    g_autofree char *burst = virXMLPropString(node, "burst");
    g_autofree char *floor = virXMLPropString(node, "floor");

    if (virNetDevBandwidthParseValue("average", average, &rate->average) < 0)
        return -1;
    if (!average && !floor) {
        virReportError(VIR_ERR_XML_DETAIL, "%s",
                       "Missing mandatory average or floor attributes");
        return -1;
    }
    if ((peak || burst) && !average) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "'peak' and 'burst' require 'average' attribute");
        return -1;
    }
    if (virNetDevBandwidthParseValue("peak", peak, &rate->peak) < 0 ||
        virNetDevBandwidthParseValue("burst", burst, &rate->burst) < 0 ||
        virNetDevBandwidthParseValue("floor", floor, &rate->floor) < 0)
        return -1;
    return 0;
}

/* The single <inbound> and <outbound> children of <bandwidth>. */
static int
virNetDevBandwidthFindRates(xmlNodePtr node, xmlNodePtr *in, xmlNodePtr *out)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        xmlNodePtr *slot;

        if (cur->type != XML_ELEMENT_NODE)
            continue;
        if (virXMLNodeNameEqual(cur, "inbound"))
            slot = in;
        else if (virXMLNodeNameEqual(cur, "outbound"))
            slot = out;
        else
            continue;       /* unknown elements are ignored */
        if (*slot) {
            virReportError(VIR_ERR_XML_DETAIL, "Only one child <%s> element allowed",
                           (const char *)cur->name);
            return -1;
        }
        *slot = cur;
    }
    return 0;
}

int
virNetDevBandwidthParse(virNetDevBandwidth **bandwidth, unsigned int *class_id,
                        xmlNodePtr node, bool allowFloor)
{
    g_autoptr(virNetDevBandwidth) def = g_new0(virNetDevBandwidth, 1);
    g_autofree char *classID = virXMLPropString(node, "classID");
    xmlNodePtr in = NULL;
    xmlNodePtr out = NULL;

    if (classID) {
        if (!class_id) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "classID attribute not supported on <bandwidth> in this usage context");
            return -1;
        }
        if (virStrToLong_ui(classID, NULL, 10, class_id) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse class id '%s'",
                           classID);
            return -1;
        }
    }
    if (virNetDevBandwidthFindRates(node, &in, &out) < 0)
        return -1;
    if (in) {
        def->in = g_new0(virNetDevBandwidthRate, 1);
        if (virNetDevBandwidthParseRate(in, def->in) < 0)
            return -1;
        if (def->in->floor && !allowFloor) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "floor attribute is not supported for this config");
            return -1;
        }
    }
    if (out) {
        def->out = g_new0(virNetDevBandwidthRate, 1);
        if (virNetDevBandwidthParseRate(out, def->out) < 0)
            return -1;
        if (def->out->floor) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "'floor' attribute allowed only in <inbound> element");
            return -1;
        }
    }
    if (def->in || def->out)
        *bandwidth = g_steal_pointer(&def);
    return 0;
}

static void
virNetDevBandwidthRateFormat(virBuffer *buf, const char *element,
                             const virNetDevBandwidthRate *rate)
{
    if (!rate || !(rate->average || rate->floor))
        return;
    virBufferAsprintf(buf, "<%s", element);
    if (rate->average)
        virBufferAsprintf(buf, " average='%llu'", rate->average);
    if (rate->peak)
        virBufferAsprintf(buf, " peak='%llu'", rate->peak);
    if (rate->floor)
        virBufferAsprintf(buf, " floor='%llu'", rate->floor);
    if (rate->burst)
        virBufferAsprintf(buf, " burst='%llu'", rate->burst);
    virBufferAddLit(buf, "/>\n");
}

void
virNetDevBandwidthFormat(const virNetDevBandwidth *def, unsigned int class_id,
                         virBuffer *buf)
{
    if (!def)
        return;
    virBufferAddLit(buf, "<bandwidth");
    if (class_id)
        virBufferAsprintf(buf, " classID='%u'", class_id);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virNetDevBandwidthRateFormat(buf, "inbound", def->in);
    virNetDevBandwidthRateFormat(buf, "outbound", def->out);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</bandwidth>\n");
}


/* ======== <vlan> (to move to netdev_vlan_conf.c) ======== */

VIR_ENUM_IMPL(virNativeVlanMode, VIR_NATIVE_VLAN_MODE_LAST,
              "default", "tagged", "untagged");

void
virNetDevVlanClear(virNetDevVlan *vlan)
{
    g_free(vlan->tag);
    memset(vlan, 0, sizeof(*vlan));
}

static int
virNetDevVlanParseTags(xmlNodePtr *tagNodes, int nTags, virNetDevVlan *def)
{
    int i;

    def->tag = g_new0(unsigned int, nTags);
    for (i = 0; i < nTags; i++) {
        unsigned int nativeMode;
        int rc;

        if (virXMLPropUInt(tagNodes[i], "id", 10, VIR_XML_PROP_REQUIRED,
                           &def->tag[i]) < 0)
            return -1;
        if (def->tag[i] > 4095) {
            virReportError(VIR_ERR_XML_ERROR, "vlan tag id %u too large (maximum 4095)",
                           def->tag[i]);
            return -1;
        }
        if ((rc = virXMLPropEnum(tagNodes[i], "nativeMode",
                                 virNativeVlanModeTypeFromString,
                                 VIR_XML_PROP_NONZERO, &nativeMode)) < 0)
            return -1;
        if (rc == 0)
            continue;
        if (def->nativeMode != VIR_NATIVE_VLAN_MODE_DEFAULT) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "duplicate native vlan setting");
            return -1;
        }
        def->nativeMode = nativeMode;
        def->nativeTag = def->tag[i];
    }
    def->nTags = nTags;
    return 0;
}

/* trunk='yes' is implied by several tags; trunk='no' is accepted (and
 * dropped) only with a single plain tag. */
static int
virNetDevVlanParseTrunk(xmlNodePtr node, virNetDevVlan *def)
{
    g_autofree char *trunk = virXMLPropString(node, "trunk");

    def->trunk = def->nTags > 1;
    if (!trunk || !trunk[0])
        return 0;
    def->trunk = g_ascii_strcasecmp(trunk, "yes") == 0;
    if (def->trunk)
        return 0;
    if (def->nTags > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid \"trunk='%s'\" in <vlan> - trunk='yes' is required for more than one vlan tag",
                       trunk);
        return -1;
    }
    if (def->nativeMode != VIR_NATIVE_VLAN_MODE_DEFAULT) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "invalid configuration in <vlan> - \"trunk='no'\" is not allowed with a native vlan id");
        return -1;
    }
    if (g_ascii_strcasecmp(trunk, "no") != 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid \"trunk='%s'\" in <vlan> - must be yes or no", trunk);
        return -1;
    }
    return 0;
}

int
virNetDevVlanParse(xmlNodePtr node, xmlXPathContextPtr ctxt, virNetDevVlan *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *tagNodes = NULL;
    int nTags;

    ctxt->node = node;
    memset(def, 0, sizeof(*def));
    if ((nTags = virXPathNodeSet("./tag", ctxt, &tagNodes)) < 0)
        return -1;
    if (nTags == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing tag id - each <vlan> must have at least one <tag id='n'/> subelement");
        return -1;
    }
    if (virNetDevVlanParseTags(tagNodes, nTags, def) < 0 ||
        virNetDevVlanParseTrunk(node, def) < 0) {
        virNetDevVlanClear(def);
        return -1;
    }
    return 0;
}

void
virNetDevVlanFormat(const virNetDevVlan *def, virBuffer *buf)
{
    int i;

    if (!def || !def->nTags)
        return;
    virBufferAsprintf(buf, "<vlan%s>\n", def->trunk ? " trunk='yes'" : "");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < def->nTags; i++) {
        virBufferAsprintf(buf, "<tag id='%u'", def->tag[i]);
        if (def->nativeMode != VIR_NATIVE_VLAN_MODE_DEFAULT &&
            def->nativeTag == def->tag[i])
            virBufferAsprintf(buf, " nativeMode='%s'",
                              virNativeVlanModeTypeToString(def->nativeMode));
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</vlan>\n");
}


/* ======== <virtualport> (to move to netdev_vport_profile_conf.c) ======== */

VIR_ENUM_IMPL(virNetDevVPort, VIR_NETDEV_VPORT_PROFILE_LAST,
              "none", "802.1Qbg", "802.1Qbh", "openvswitch", "midonet");

/* The types that use each <parameters> attribute; type none uses all. */
#define VPORT_TYPE(t) (1u << VIR_NETDEV_VPORT_PROFILE_ ## t)
#define VPORT_QBG_PARAM VPORT_TYPE(8021QBG)
#define VPORT_INTERFACEID_PARAM (VPORT_TYPE(MIDONET) | VPORT_TYPE(OPENVSWITCH))
#define VPORT_PROFILEID_PARAM (VPORT_TYPE(OPENVSWITCH) | VPORT_TYPE(8021QBH))

static bool
virNetDevVPortUses(virNetDevVPortProfileType type, unsigned int types)
{
    return type == VIR_NETDEV_VPORT_PROFILE_NONE || (types & (1u << type));
}

/* A numeric <parameters> attribute, at most @max. */
static int
virNetDevVPortParseNumber(const char *str, const char *name, unsigned int max,
                          const char *preposition, unsigned int *value)
{
    if (virStrToLong_ui(str, NULL, 0, value) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "cannot parse value of %s parameter", name);
        return -1;
    }
    if (*value > max) {
        /* libvirt says "value for typeid", "value of" the others */
        virReportError(VIR_ERR_XML_ERROR, "value %s %s out of range",
                       preposition, name);
        return -1;
    }
    return 0;
}

static int
virNetDevVPortProfileParseParams(xmlNodePtr params, virNetDevVPortProfile *vport)
{
    g_autofree char *managerID = virXMLPropString(params, "managerid");
    g_autofree char *typeID = virXMLPropString(params, "typeid");
    g_autofree char *typeIDVersion = virXMLPropString(params, "typeidversion");
    g_autofree char *instanceID = virXMLPropString(params, "instanceid");
    g_autofree char *profileID = virXMLPropString(params, "profileid");
    g_autofree char *interfaceID = virXMLPropString(params, "interfaceid");
    unsigned int val;

    if (managerID) {
        if (virNetDevVPortParseNumber(managerID, "managerid", 0xff, "of", &val) < 0)
            return -1;
        vport->managerID = val;
        vport->managerID_specified = true;
    }
    if (typeID) {
        if (virNetDevVPortParseNumber(typeID, "typeid", 0xffffff, "for", &val) < 0)
            return -1;
        vport->typeID = val;
        vport->typeID_specified = true;
    }
    if (typeIDVersion) {
        if (virNetDevVPortParseNumber(typeIDVersion, "typeidversion", 0xff, "of",
                                      &val) < 0)
            return -1;
        vport->typeIDVersion = val;
        vport->typeIDVersion_specified = true;
    }
    if (instanceID) {
        if (virUUIDParse(instanceID, vport->instanceID) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "cannot parse instanceid parameter as a uuid");
            return -1;
        }
        vport->instanceID_specified = true;
    }
    if (profileID && virStrcpyStatic(vport->profileID, profileID) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "profileid parameter too long");
        return -1;
    }
    if (interfaceID) {
        if (virUUIDParse(interfaceID, vport->interfaceID) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "cannot parse interfaceid parameter as a uuid");
            return -1;
        }
        vport->interfaceID_specified = true;
    }
    return 0;
}

static int
virNetDevVPortProfileGenerateDefaults(virNetDevVPortProfile *vport)
{
    if (!vport->instanceID_specified &&
        virNetDevVPortUses(vport->virtPortType, VPORT_QBG_PARAM)) {
        if (virUUIDGenerate(vport->instanceID) < 0)
            return -1;
        vport->instanceID_specified = true;
    }
    if (!vport->interfaceID_specified &&
        virNetDevVPortUses(vport->virtPortType, VPORT_TYPE(OPENVSWITCH))) {
        if (virUUIDGenerate(vport->interfaceID) < 0)
            return -1;
        vport->interfaceID_specified = true;
    }
    return 0;
}

virNetDevVPortProfile *
virNetDevVPortProfileParse(xmlNodePtr node, unsigned int flags)
{
    g_autofree virNetDevVPortProfile *vport = g_new0(virNetDevVPortProfile, 1);
    g_autofree char *type = virXMLPropString(node, "type");
    xmlNodePtr params;
    int val;

    if (type) {
        if ((val = virNetDevVPortTypeFromString(type)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown virtualport type %s",
                           type);
            return NULL;
        }
        vport->virtPortType = val;
    }
    if (vport->virtPortType == VIR_NETDEV_VPORT_PROFILE_NONE &&
        (flags & VIR_VPORT_XML_REQUIRE_TYPE)) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing required virtualport type");
        return NULL;
    }
    /* the first <parameters> counts */
    for (params = node->children; params; params = params->next) {
        if (virXMLNodeNameEqual(params, "parameters"))
            break;
    }
    if (params && virNetDevVPortProfileParseParams(params, vport) < 0)
        return NULL;
    if ((flags & VIR_VPORT_XML_GENERATE_MISSING_DEFAULTS) &&
        virNetDevVPortProfileGenerateDefaults(vport) < 0)
        return NULL;
    if ((flags & VIR_VPORT_XML_REQUIRE_ALL_ATTRIBUTES) &&
        virNetDevVPortProfileCheckComplete(vport, false) < 0)
        return NULL;
    if (virNetDevVPortProfileCheckNoExtras(vport) < 0)
        return NULL;
    return g_steal_pointer(&vport);
}

void
virNetDevVPortProfileFormat(const virNetDevVPortProfile *vport, virBuffer *buf)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) paramBuf = VIR_BUFFER_INITIALIZER;
    virNetDevVPortProfileType type;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!vport)
        return;
    type = vport->virtPortType;
    if (vport->managerID_specified && virNetDevVPortUses(type, VPORT_QBG_PARAM))
        virBufferAsprintf(&paramBuf, " managerid='%d'", vport->managerID);
    if (vport->typeID_specified && virNetDevVPortUses(type, VPORT_QBG_PARAM))
        virBufferAsprintf(&paramBuf, " typeid='%u'", vport->typeID);
    if (vport->typeIDVersion_specified && virNetDevVPortUses(type, VPORT_QBG_PARAM))
        virBufferAsprintf(&paramBuf, " typeidversion='%d'", vport->typeIDVersion);
    if (vport->instanceID_specified && virNetDevVPortUses(type, VPORT_QBG_PARAM))
        virBufferAsprintf(&paramBuf, " instanceid='%s'",
                          virUUIDFormat(vport->instanceID, uuid));
    if (vport->interfaceID_specified &&
        virNetDevVPortUses(type, VPORT_INTERFACEID_PARAM))
        virBufferAsprintf(&paramBuf, " interfaceid='%s'",
                          virUUIDFormat(vport->interfaceID, uuid));
    if (vport->profileID[0] &&
        virNetDevVPortUses(type, VPORT_PROFILEID_PARAM))
        virBufferEscapeString(&paramBuf, " profileid='%s'", vport->profileID);

    /* <parameters/> is written when any parameter is set, even one the
     * type does not use */
    if (vport->managerID_specified || vport->typeID_specified ||
        vport->typeIDVersion_specified || vport->instanceID_specified ||
        vport->profileID[0] || vport->interfaceID_specified)
        virBufferFormatElementEmpty(&childBuf, "parameters", &paramBuf, NULL);
    if (type != VIR_NETDEV_VPORT_PROFILE_NONE)
        virBufferAsprintf(&attrBuf, " type='%s'", virNetDevVPortTypeToString(type));
    virBufferFormatElement(buf, "virtualport", &attrBuf, &childBuf);
}

int
virNetDevVPortProfileCheckComplete(virNetDevVPortProfile *vport,
                                   bool generateMissing)
{
    const char *missing = NULL;

    if (!vport)
        return 0;
    switch (vport->virtPortType) {
    case VIR_NETDEV_VPORT_PROFILE_8021QBG:
        if (!vport->managerID_specified)
            missing = "managerid";
        else if (!vport->typeID_specified)
            missing = "typeid";
        else if (!vport->typeIDVersion_specified)
            missing = "typeidversion";
        else if (!vport->instanceID_specified && !generateMissing)
            missing = "instanceid";
        break;
    case VIR_NETDEV_VPORT_PROFILE_8021QBH:
        if (!vport->profileID[0])
            missing = "profileid";
        break;
    case VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH:
        if (!vport->interfaceID_specified && !generateMissing)
            missing = "interfaceid";
        break;
    case VIR_NETDEV_VPORT_PROFILE_MIDONET:
        if (!vport->interfaceID_specified)
            missing = "interfaceid";
        break;
    case VIR_NETDEV_VPORT_PROFILE_NONE:
    case VIR_NETDEV_VPORT_PROFILE_LAST:
        return 0;
    }
    if (missing) {
        virReportError(VIR_ERR_XML_ERROR, "missing %s in <virtualport type='%s'>",
                       missing, virNetDevVPortTypeToString(vport->virtPortType));
        return -1;
    }
    if (generateMissing && vport->virtPortType != VIR_NETDEV_VPORT_PROFILE_8021QBH)
        return virNetDevVPortProfileGenerateDefaults(vport);
    return 0;
}

int
virNetDevVPortProfileCheckNoExtras(const virNetDevVPortProfile *vport)
{
    const char *extra = NULL;
    bool qbgParamsRefused = false;

    if (!vport)
        return 0;
    switch (vport->virtPortType) {
    case VIR_NETDEV_VPORT_PROFILE_8021QBG:
        if (vport->profileID[0])
            extra = "profileid";
        else if (vport->interfaceID_specified)
            extra = "interfaceid";
        break;
    case VIR_NETDEV_VPORT_PROFILE_8021QBH:
        if (vport->interfaceID_specified)
            extra = "interfaceid";
        qbgParamsRefused = true;
        break;
    case VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH:
        qbgParamsRefused = true;
        break;
    case VIR_NETDEV_VPORT_PROFILE_NONE:
    case VIR_NETDEV_VPORT_PROFILE_MIDONET:
    case VIR_NETDEV_VPORT_PROFILE_LAST:
        return 0;
    }
    /* 802.1Qbh and openvswitch take none of the 802.1Qbg parameters (these
     * are reported before interfaceid) */
    if (qbgParamsRefused) {
        if (vport->managerID_specified)
            extra = "managerid";
        else if (vport->typeID_specified)
            extra = "typeid";
        else if (vport->typeIDVersion_specified)
            extra = "typeidversion";
        else if (vport->instanceID_specified)
            extra = "instanceid";
    }
    if (extra) {
        virReportError(VIR_ERR_XML_ERROR, "extra %s unsupported in <virtualport type='%s'>",
                       extra, virNetDevVPortTypeToString(vport->virtPortType));
        return -1;
    }
    return 0;
}


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
