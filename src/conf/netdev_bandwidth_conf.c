/*
 * netdev_bandwidth_conf.c: <bandwidth> with <inbound>/<outbound> rates:
 * free, parse and format.
 */
#include "internal.h"

#include "conf/netdev_bandwidth_conf.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

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
    if (!rate || !(rate->average || rate->floor || rate->peak || rate->burst))
        return;
    virBufferAsprintf(buf, "<%s", element);
    /* libvirt omits a zero average even beside peak or burst, and then
     * refuses its own output ("'peak' and 'burst' require 'average'");
     * write it out in that case so the document parses again. */
    if (rate->average || rate->peak || rate->burst)
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
