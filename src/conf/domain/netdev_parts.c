/*
 * netdev_parts.c: <vlan>, <virtualport> and <bandwidth> of <interface>.
 */
#include "internal.h"
#include "conf/domain/netdev_parts.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainNativeVlanMode);
VIR_ENUM_IMPL(virDomainNativeVlanMode, 3, "default", "tagged", "untagged");
VIR_ENUM_DECL(virDomainNetDevVPort);
VIR_ENUM_IMPL(virDomainNetDevVPort, 5, "none", "802.1Qbg", "802.1Qbh", "openvswitch", "midonet");

enum { VPORT_NONE, VPORT_8021QBG, VPORT_8021QBH, VPORT_OPENVSWITCH, VPORT_MIDONET };

void
virDomainNetVlanClear(virDomainNetVlan *vlan)
{
    g_free(vlan->tags);
    memset(vlan, 0, sizeof(*vlan));
}


int
virDomainNetVlanParseXML(xmlNodePtr node, virDomainNetVlan *vlan)
{
    g_autofree char *trunk = virXMLPropString(node, "trunk");
    xmlNodePtr cur;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        unsigned int id, mode = 0;

        if (!virXMLNodeNameEqual(cur, "tag"))
            continue;
        if (virXMLPropUInt(cur, "id", 10, VIR_XML_PROP_REQUIRED, &id) < 0)
            return -1;
        if (id > 4095) {
            virReportError(VIR_ERR_XML_ERROR, "vlan tag id %u too large (maximum 4095)", id);
            return -1;
        }
        if (virXMLPropEnum(cur, "nativeMode", virDomainNativeVlanModeTypeFromString,
                           VIR_XML_PROP_NONZERO, &mode) < 0)
            return -1;
        if (mode) {
            if (vlan->nativeMode) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "duplicate native vlan setting");
                return -1;
            }
            vlan->nativeMode = mode;
            vlan->nativeTag = id;
        }
        vlan->tags = g_renew(unsigned int, vlan->tags, vlan->ntags + 1);
        vlan->tags[vlan->ntags++] = id;
    }
    if (vlan->ntags == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing tag id - each <vlan> must have at least one <tag id='n'/> subelement");
        return -1;
    }
    if (trunk) {
        if (STREQ(trunk, "yes")) {
            vlan->trunk = true;
        } else if (STREQ(trunk, "no")) {
            if (vlan->ntags > 1) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "illegal to specify trunk='no' with multiple vlan tags");
                return -1;
            }
        } else {
            virReportError(VIR_ERR_XML_ERROR,
                           "invalid \"trunk='%s'\" in <vlan> - trunk='yes' or trunk='no' "
                           "is required", trunk);
            return -1;
        }
    } else if (vlan->ntags > 1) {
        vlan->trunk = true;
    }
    return 0;
}


void
virDomainNetVlanFormat(virBuffer *buf, const virDomainNetVlan *vlan)
{
    size_t i;

    if (!vlan->ntags)
        return;
    virBufferAsprintf(buf, "<vlan%s>\n", vlan->trunk ? " trunk='yes'" : "");
    for (i = 0; i < vlan->ntags; i++) {
        if (vlan->nativeMode && vlan->nativeTag == vlan->tags[i])
            virBufferAsprintf(buf, "  <tag id='%u' nativeMode='%s'/>\n", vlan->tags[i],
                              virDomainNativeVlanModeTypeToString(vlan->nativeMode));
        else
            virBufferAsprintf(buf, "  <tag id='%u'/>\n", vlan->tags[i]);
    }
    virBufferAddLit(buf, "</vlan>\n");
}


void
virDomainNetVirtPortFree(virDomainNetVirtPort *vport)
{
    if (!vport)
        return;
    g_free(vport->managerid);
    g_free(vport->typeid);
    g_free(vport->typeidversion);
    g_free(vport->instanceid);
    g_free(vport->profileid);
    g_free(vport->interfaceid);
    g_free(vport);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainNetVirtPort, virDomainNetVirtPortFree);


virDomainNetVirtPort *
virDomainNetVirtPortParseXML(xmlNodePtr node)
{
    g_autoptr(virDomainNetVirtPort) vport = g_new0(virDomainNetVirtPort, 1);
    xmlNodePtr params;

    if (virXMLPropEnum(node, "type", virDomainNetDevVPortTypeFromString,
                       VIR_XML_PROP_NONE, &vport->type) < 0)
        return NULL;
    if ((params = virXMLNodeGetSubelement(node, "parameters"))) {
        vport->managerid = virXMLPropString(params, "managerid");
        vport->typeid = virXMLPropString(params, "typeid");
        vport->typeidversion = virXMLPropString(params, "typeidversion");
        vport->instanceid = virXMLPropString(params, "instanceid");
        vport->profileid = virXMLPropString(params, "profileid");
        vport->interfaceid = virXMLPropString(params, "interfaceid");
    }
    return g_steal_pointer(&vport);
}


void
virDomainNetVirtPortFormat(virBuffer *buf, const virDomainNetVirtPort *vport)
{
    unsigned int t;
    bool qbg, ifid, prof;

    if (!vport)
        return;
    t = vport->type;
    qbg = t == VPORT_8021QBG || t == VPORT_NONE;
    ifid = t == VPORT_MIDONET || t == VPORT_OPENVSWITCH || t == VPORT_NONE;
    prof = t == VPORT_OPENVSWITCH || t == VPORT_8021QBH || t == VPORT_NONE;
    if (!vport->managerid && !vport->typeid && !vport->typeidversion &&
        !vport->instanceid && !vport->profileid && !vport->interfaceid) {
        if (t)
            virBufferAsprintf(buf, "<virtualport type='%s'/>\n", virDomainNetDevVPortTypeToString(t));
        return;
    }
    if (t)
        virBufferAsprintf(buf, "<virtualport type='%s'>\n", virDomainNetDevVPortTypeToString(t));
    else
        virBufferAddLit(buf, "<virtualport>\n");
    virBufferAddLit(buf, "  <parameters");
    if (qbg) {
        virBufferEscapeString(buf, " managerid='%s'", vport->managerid);
        virBufferEscapeString(buf, " typeid='%s'", vport->typeid);
        virBufferEscapeString(buf, " typeidversion='%s'", vport->typeidversion);
        virBufferEscapeString(buf, " instanceid='%s'", vport->instanceid);
    }
    if (ifid)
        virBufferEscapeString(buf, " interfaceid='%s'", vport->interfaceid);
    if (prof)
        virBufferEscapeString(buf, " profileid='%s'", vport->profileid);
    virBufferAddLit(buf, "/>\n");
    virBufferAddLit(buf, "</virtualport>\n");
}


static int
virDomainNetRateParseXML(xmlNodePtr node, virDomainNetRate *rate)
{
    if (virXMLPropULongLong(node, "average", 10, VIR_XML_PROP_NONE, &rate->average) < 0 ||
        virXMLPropULongLong(node, "peak", 10, VIR_XML_PROP_NONE, &rate->peak) < 0 ||
        virXMLPropULongLong(node, "floor", 10, VIR_XML_PROP_NONE, &rate->floor) < 0 ||
        virXMLPropULongLong(node, "burst", 10, VIR_XML_PROP_NONE, &rate->burst) < 0)
        return -1;
    return 0;
}


int
virDomainNetBandwidthParseXML(xmlNodePtr node, virDomainNetBandwidth *bw)
{
    xmlNodePtr cur;

    bw->present = true;
    if ((cur = virXMLNodeGetSubelement(node, "inbound"))) {
        bw->inSet = true;
        if (virDomainNetRateParseXML(cur, &bw->in) < 0)
            return -1;
    }
    if ((cur = virXMLNodeGetSubelement(node, "outbound"))) {
        bw->outSet = true;
        if (virDomainNetRateParseXML(cur, &bw->out) < 0)
            return -1;
    }
    return 0;
}


static void
virDomainNetRateFormat(virBuffer *buf, const virDomainNetRate *rate, const char *name)
{
    if (!rate->average && !rate->floor)
        return;
    virBufferAsprintf(buf, "  <%s", name);
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
virDomainNetBandwidthFormat(virBuffer *buf, const virDomainNetBandwidth *bw)
{
    if (!bw->present)
        return;
    virBufferAddLit(buf, "<bandwidth>\n");
    virDomainNetRateFormat(buf, &bw->in, "inbound");
    virDomainNetRateFormat(buf, &bw->out, "outbound");
    virBufferAddLit(buf, "</bandwidth>\n");
}
