/*
 * netdev_vport_profile_conf.c: <virtualport> with its <parameters>:
 * parse, format and the per-type completeness checks.
 */
#include "internal.h"

#include "conf/netdev_vport_profile_conf.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

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


/* ===== merging the profiles of a port, its network and portgroup ===== */

/* These are libvirt's virtualport utility errors. */
#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NET

/* The types each attribute is merged for (type none takes them all);
 * unlike the parse checks, a midonet profile takes no interfaceid. */
#define VPORT_MERGE_QBG (VPORT_TYPE(NONE) | VPORT_TYPE(8021QBG))
#define VPORT_MERGE_INTERFACEID (VPORT_TYPE(NONE) | VPORT_TYPE(OPENVSWITCH))
#define VPORT_MERGE_PROFILEID (VPORT_TYPE(NONE) | VPORT_TYPE(OPENVSWITCH) | \
                               VPORT_TYPE(8021QBH))

/* Merge one numeric 802.1Qbg attribute of @from into @into. */
#define VPORT_MERGE_NUMBER(into, from, field, what) \
    do { \
        if ((from)->field ## _specified && (applies & VPORT_MERGE_QBG)) { \
            if ((into)->field ## _specified && (into)->field != (from)->field) { \
                virReportError(VIR_ERR_XML_ERROR, \
                               "attempt to merge virtualports with mismatched " what \
                               " (%d and %d)", (int)(into)->field, (int)(from)->field); \
                return -1; \
            } \
            (into)->field = (from)->field; \
            (into)->field ## _specified = true; \
        } \
    } while (0)

static int
virNetDevVPortProfileMergeUUID(unsigned char *into, bool *intoSet,
                               const unsigned char *from, const char *what)
{
    char a[VIR_UUID_STRING_BUFLEN];
    char b[VIR_UUID_STRING_BUFLEN];

    if (*intoSet && memcmp(into, from, VIR_UUID_BUFLEN) != 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "attempt to merge virtualports with mismatched %s ('%s' and '%s')",
                       what, virUUIDFormat(into, a), virUUIDFormat(from, b));
        return -1;
    }
    memcpy(into, from, VIR_UUID_BUFLEN);
    *intoSet = true;
    return 0;
}

/* Set in @into what @from sets and @into lacks; a conflict is an error. */
static int
virNetDevVPortProfileMerge(virNetDevVPortProfile *into, const virNetDevVPortProfile *from)
{
    unsigned int applies;

    if (!from)
        return 0;
    if (from->virtPortType != VIR_NETDEV_VPORT_PROFILE_NONE) {
        if (into->virtPortType != VIR_NETDEV_VPORT_PROFILE_NONE &&
            into->virtPortType != from->virtPortType) {
            virReportError(VIR_ERR_XML_ERROR,
                           "attempt to merge virtualports with mismatched types (%s and %s)",
                           virNetDevVPortTypeToString(into->virtPortType),
                           virNetDevVPortTypeToString(from->virtPortType));
            return -1;
        }
        into->virtPortType = from->virtPortType;
    }
    applies = 1u << into->virtPortType;
    VPORT_MERGE_NUMBER(into, from, managerID, "managerids");
    VPORT_MERGE_NUMBER(into, from, typeID, "typeids");
    VPORT_MERGE_NUMBER(into, from, typeIDVersion, "typeidversions");
    if (from->instanceID_specified && (applies & VPORT_MERGE_QBG) &&
        virNetDevVPortProfileMergeUUID(into->instanceID, &into->instanceID_specified,
                                       from->instanceID, "instanceids") < 0)
        return -1;
    if (from->interfaceID_specified && (applies & VPORT_MERGE_INTERFACEID) &&
        virNetDevVPortProfileMergeUUID(into->interfaceID, &into->interfaceID_specified,
                                       from->interfaceID, "interfaceids") < 0)
        return -1;
    if (from->profileID[0] && (applies & VPORT_MERGE_PROFILEID)) {
        if (into->profileID[0] && STRNEQ(into->profileID, from->profileID)) {
            virReportError(VIR_ERR_XML_ERROR,
                           "attempt to merge virtualports with mismatched profileids ('%s' and '%s')",
                           into->profileID, from->profileID);
            return -1;
        }
        memcpy(into->profileID, from->profileID, sizeof(into->profileID));
    }
    return 0;
}

int
virNetDevVPortProfileMerge3(virNetDevVPortProfile **result,
                            const virNetDevVPortProfile *fromInterface,
                            const virNetDevVPortProfile *fromNetwork,
                            const virNetDevVPortProfile *fromPortgroup)
{
    g_autofree virNetDevVPortProfile *merged = NULL;

    *result = NULL;
    if ((!fromInterface || fromInterface->virtPortType == VIR_NETDEV_VPORT_PROFILE_NONE) &&
        (!fromNetwork || fromNetwork->virtPortType == VIR_NETDEV_VPORT_PROFILE_NONE) &&
        (!fromPortgroup || fromPortgroup->virtPortType == VIR_NETDEV_VPORT_PROFILE_NONE))
        return 0;
    merged = g_new0(virNetDevVPortProfile, 1);
    if (fromInterface)
        *merged = *fromInterface;
    if (virNetDevVPortProfileMerge(merged, fromNetwork) < 0 ||
        virNetDevVPortProfileMerge(merged, fromPortgroup) < 0)
        return -1;
    *result = g_steal_pointer(&merged);
    return 0;
}
