/*
 * netdev_vlan_conf.c: <vlan> with its <tag> children: clear, parse
 * and format.
 */
#include "internal.h"

#include "conf/netdev_vlan_conf.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

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
