/*
 * resctrl.c: <cputune>'s <cachetune> and <memorytune>.  Both describe a
 * resource-control group keyed by its vCPU set; a memorytune with the
 * same vCPUs as a cachetune joins that group.
 */
#include "internal.h"
#include "conf/domain/cpu.h"
#include "conf/domain/bitmap.h"
#include "conf/domain/memory.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

enum { CACHE_BOTH, CACHE_CODE, CACHE_DATA, CACHE_LAST };
VIR_ENUM_DECL(virDomainCacheType);
VIR_ENUM_IMPL(virDomainCacheType, CACHE_LAST, "both", "code", "data");

void
virDomainResctrlDefFree(virDomainResctrlDef *resctrl)
{
    size_t i;

    if (!resctrl)
        return;
    for (i = 0; i < resctrl->nmonitors; i++)
        g_free(resctrl->monitors[i].vcpus);
    g_free(resctrl->monitors);
    g_free(resctrl->caches);
    g_free(resctrl->nodes);
    g_free(resctrl->vcpus);
    g_free(resctrl->id);
    g_free(resctrl);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainResctrlDef, virDomainResctrlDefFree);


static bool
virDomainBitmapOverlaps(const char *a, const char *b)
{
    int last = virDomainBitmapLast(a);
    int i;

    for (i = 0; i <= last; i++) {
        if (virDomainBitmapIsSet(a, i) && virDomainBitmapIsSet(b, i))
            return true;
    }
    return false;
}


/* The vCPU list of @node, limited to the domain's vCPUs; "" if none. */
static char *
virDomainResctrlParseVcpus(xmlNodePtr node, unsigned int maxvcpus)
{
    g_autofree char *str = virXMLPropString(node, "vcpus");
    g_autofree char *canon = NULL;
    g_autoptr(GString) limited = g_string_new("");
    int i, last;

    if (!str) {
        virReportError(VIR_ERR_XML_ERROR, "Missing %s attribute 'vcpus'", node->name);
        return NULL;
    }
    if (!(canon = virDomainBitmapCanonical(str, true))) {
        virResetLastError();
        virReportError(VIR_ERR_XML_ERROR, "Invalid %s attribute 'vcpus' value '%s'",
                       node->name, str);
        return NULL;
    }
    last = virDomainBitmapLast(canon);
    for (i = 0; i <= last && i < (int)maxvcpus; i++) {
        if (virDomainBitmapIsSet(canon, i))
            g_string_append_printf(limited, "%s%d", limited->len ? "," : "", i);
    }
    return virDomainBitmapCanonical(limited->str, true);
}


/* The group with exactly @vcpus, NULL if none; -1 if one overlaps. */
static int
virDomainResctrlMatch(virDomainVcpuTuneDef *tune, const char *vcpus,
                      virDomainResctrlDef **match)
{
    size_t i;

    *match = NULL;
    for (i = 0; i < tune->nresctrls; i++) {
        if (STREQ(tune->resctrls[i]->vcpus, vcpus)) {
            *match = tune->resctrls[i];
            return 0;
        }
        if (virDomainBitmapOverlaps(tune->resctrls[i]->vcpus, vcpus)) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "Overlapping vcpus in resctrls");
            return -1;
        }
    }
    return 0;
}


static int
virDomainResctrlMonitorCheck(virDomainResctrlDef *resctrl, const char *vcpus,
                             bool cache)
{
    bool equalToGroup = STREQ(vcpus, resctrl->vcpus);
    bool defaultAlloc = resctrl->ncaches == 0 && resctrl->nnodes == 0;
    bool overlapAny = false, overlapNoGroup = false;
    int last = virDomainBitmapLast(vcpus);
    size_t i;
    int v;

    if (last < 0) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "vcpus is empty");
        return -1;
    }
    for (v = 0; v <= last; v++) {
        if (virDomainBitmapIsSet(vcpus, v) && !virDomainBitmapIsSet(resctrl->vcpus, v)) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Monitor vcpus conflicts with allocation");
            return -1;
        }
    }
    for (i = 0; i < resctrl->nmonitors; i++) {
        const char *other = resctrl->monitors[i].vcpus;

        if (STREQ(vcpus, other)) {
            if (resctrl->monitors[i].cache != cache)
                continue;
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Identical vcpus found in same type monitors");
            return -1;
        }
        if (virDomainBitmapOverlaps(vcpus, other))
            overlapAny = true;
        if (equalToGroup || STREQ(other, resctrl->vcpus))
            continue;
        if (virDomainBitmapOverlaps(vcpus, other))
            overlapNoGroup = true;
    }
    if (overlapNoGroup || (defaultAlloc && overlapAny)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "vcpus overlaps in resctrl groups");
        return -1;
    }
    return 0;
}


static int
virDomainResctrlMonitorsParse(virDomainResctrlDef *resctrl, xmlXPathContextPtr ctxt,
                              unsigned int maxvcpus, bool cache)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./monitor", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        g_autofree char *vcpus = NULL;
        unsigned int level;

        if (cache) {
            if (virXMLPropUInt(nodes[i], "level", 10, VIR_XML_PROP_REQUIRED, &level) < 0)
                return -1;
            if (level != 3) {
                virReportError(VIR_ERR_XML_ERROR, "Invalid monitor cache level '%u'", level);
                return -1;
            }
        }
        if (!(vcpus = virDomainResctrlParseVcpus(nodes[i], maxvcpus)) ||
            virDomainResctrlMonitorCheck(resctrl, vcpus, cache) < 0)
            return -1;
        resctrl->monitors = g_renew(typeof(*resctrl->monitors), resctrl->monitors,
                                    resctrl->nmonitors + 1);
        resctrl->monitors[resctrl->nmonitors].vcpus = g_steal_pointer(&vcpus);
        resctrl->monitors[resctrl->nmonitors++].cache = cache;
    }
    return 0;
}


static int
virDomainCachetuneCacheParse(virDomainResctrlDef *resctrl, xmlNodePtr node,
                             xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    unsigned int id, level, type;
    unsigned long long size;

    ctxt->node = node;
    if (virXMLPropUInt(node, "id", 10, VIR_XML_PROP_REQUIRED, &id) < 0 ||
        virXMLPropUInt(node, "level", 10, VIR_XML_PROP_REQUIRED, &level) < 0 ||
        virXMLPropEnum(node, "type", virDomainCacheTypeTypeFromString,
                       VIR_XML_PROP_REQUIRED, &type) < 0 ||
        virDomainParseScaledValue("./@size", "./@unit", ctxt, &size, 1024,
                                  ULLONG_MAX, true) < 0)
        return -1;
    resctrl->caches = g_renew(typeof(*resctrl->caches), resctrl->caches,
                              resctrl->ncaches + 1);
    resctrl->caches[resctrl->ncaches].id = id;
    resctrl->caches[resctrl->ncaches].level = level;
    resctrl->caches[resctrl->ncaches].type = type;
    resctrl->caches[resctrl->ncaches++].size = size;
    return 0;
}


static virDomainResctrlDef *
virDomainResctrlNew(xmlNodePtr node, char *vcpus, unsigned int flags)
{
    virDomainResctrlDef *resctrl = g_new0(virDomainResctrlDef, 1);

    resctrl->vcpus = vcpus;
    if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
        resctrl->id = virXMLPropString(node, "id");
    if (!resctrl->id)
        resctrl->id = g_strdup_printf("vcpus_%s", vcpus);
    return resctrl;
}


static int
virDomainCachetuneParse(virDomainVcpuTuneDef *tune, xmlNodePtr node,
                        xmlXPathContextPtr ctxt, unsigned int flags)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virDomainResctrlDef) resctrl = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    virDomainResctrlDef *match;
    char *vcpus;
    size_t i;
    int n;

    ctxt->node = node;
    if (!(vcpus = virDomainResctrlParseVcpus(node, tune->maxvcpus)))
        return -1;
    if (!*vcpus) {
        g_free(vcpus);
        return 0;
    }
    resctrl = virDomainResctrlNew(node, vcpus, flags);
    if ((n = virXPathNodeSet("./cache", ctxt, &nodes)) < 0 ||
        virDomainResctrlMatch(tune, vcpus, &match) < 0)
        return -1;
    if (match) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Identical vcpus in cachetunes found");
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (virDomainCachetuneCacheParse(resctrl, nodes[i], ctxt) < 0)
            return -1;
    }
    if (virDomainResctrlMonitorsParse(resctrl, ctxt, tune->maxvcpus, true) < 0)
        return -1;
    if (resctrl->nmonitors == 0 && n == 0)
        return 0;
    tune->resctrls = g_renew(virDomainResctrlDef *, tune->resctrls, tune->nresctrls + 1);
    tune->resctrls[tune->nresctrls++] = g_steal_pointer(&resctrl);
    return 0;
}


static int
virDomainMemorytuneParse(virDomainVcpuTuneDef *tune, xmlNodePtr node,
                         xmlXPathContextPtr ctxt, unsigned int flags)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virDomainResctrlDef) created = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    virDomainResctrlDef *resctrl;
    size_t i, nmons;
    char *vcpus;
    int n;

    ctxt->node = node;
    if (!(vcpus = virDomainResctrlParseVcpus(node, tune->maxvcpus)))
        return -1;
    if (!*vcpus || (n = virXPathNodeSet("./node", ctxt, &nodes)) < 0 ||
        virDomainResctrlMatch(tune, vcpus, &resctrl) < 0) {
        int ret = *vcpus ? -1 : 0;

        g_free(vcpus);
        return ret;
    }
    if (!resctrl)
        resctrl = created = virDomainResctrlNew(node, g_strdup(vcpus), flags);
    g_free(vcpus);
    for (i = 0; i < n; i++) {
        unsigned int id, bw;

        if (virXMLPropUInt(nodes[i], "id", 10, VIR_XML_PROP_REQUIRED, &id) < 0 ||
            virXMLPropUInt(nodes[i], "bandwidth", 10, VIR_XML_PROP_REQUIRED, &bw) < 0)
            return -1;
        resctrl->nodes = g_renew(typeof(*resctrl->nodes), resctrl->nodes,
                                 resctrl->nnodes + 1);
        resctrl->nodes[resctrl->nnodes].id = id;
        resctrl->nodes[resctrl->nnodes++].bandwidth = bw;
    }
    nmons = resctrl->nmonitors;
    if (virDomainResctrlMonitorsParse(resctrl, ctxt, tune->maxvcpus, false) < 0)
        return -1;
    if (created && (resctrl->nmonitors > nmons || n)) {
        tune->resctrls = g_renew(virDomainResctrlDef *, tune->resctrls, tune->nresctrls + 1);
        tune->resctrls[tune->nresctrls++] = g_steal_pointer(&created);
    }
    return 0;
}


int
virDomainResctrlParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt,
                         unsigned int flags)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./cputune/cachetune", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        if (virDomainCachetuneParse(tune, nodes[i], ctxt, flags) < 0)
            return -1;
    }
    g_clear_pointer(&nodes, g_free);
    if ((n = virXPathNodeSet("./cputune/memorytune", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        if (virDomainMemorytuneParse(tune, nodes[i], ctxt, flags) < 0)
            return -1;
    }
    return 0;
}


/* A byte count in the largest binary unit that divides it exactly. */
static unsigned long long
virDomainFormatSizePretty(unsigned long long val, const char **unit)
{
    static const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
    size_t i = 0;

    while (val && val % 1024 == 0 && i + 1 < G_N_ELEMENTS(units)) {
        val /= 1024;
        i++;
    }
    *unit = units[i];
    return val;
}


static int
virDomainResctrlCacheCompare(const void *a, const void *b)
{
    const typeof(((virDomainResctrlDef *)0)->caches[0]) *ca = a, *cb = b;

    if (ca->level != cb->level)
        return ca->level < cb->level ? -1 : 1;
    if (ca->type != cb->type)
        return ca->type < cb->type ? -1 : 1;
    return ca->id < cb->id ? -1 : ca->id > cb->id;
}


static int
virDomainResctrlNodeCompare(const void *a, const void *b)
{
    const typeof(((virDomainResctrlDef *)0)->nodes[0]) *na = a, *nb = b;

    return na->id < nb->id ? -1 : na->id > nb->id;
}


static void
virDomainResctrlFormatOne(virBuffer *buf, const virDomainResctrlDef *resctrl,
                          bool cache, unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (cache) {
        g_autofree typeof(*resctrl->caches) *sorted =
            g_memdup2(resctrl->caches, sizeof(*sorted) * resctrl->ncaches);

        if (resctrl->ncaches)
            qsort(sorted, resctrl->ncaches, sizeof(*sorted), virDomainResctrlCacheCompare);
        for (i = 0; i < resctrl->ncaches; i++) {
            const char *unit;
            unsigned long long size = virDomainFormatSizePretty(sorted[i].size, &unit);

            virBufferAsprintf(&childBuf,
                              "<cache id='%u' level='%u' type='%s' size='%llu' unit='%s'/>\n",
                              sorted[i].id, sorted[i].level,
                              virDomainCacheTypeTypeToString(sorted[i].type), size, unit);
        }
    } else {
        g_autofree typeof(*resctrl->nodes) *sorted =
            g_memdup2(resctrl->nodes, sizeof(*sorted) * resctrl->nnodes);

        if (resctrl->nnodes)
            qsort(sorted, resctrl->nnodes, sizeof(*sorted), virDomainResctrlNodeCompare);
        for (i = 0; i < resctrl->nnodes; i++)
            virBufferAsprintf(&childBuf, "<node id='%u' bandwidth='%u'/>\n",
                              sorted[i].id, sorted[i].bandwidth);
    }
    for (i = 0; i < resctrl->nmonitors; i++) {
        if (resctrl->monitors[i].cache != cache)
            continue;
        virBufferAsprintf(&childBuf, "<monitor %svcpus='%s'/>\n",
                          cache ? "level='3' " : "", resctrl->monitors[i].vcpus);
    }
    if (!virBufferUse(&childBuf))
        return;
    virBufferAsprintf(&attrBuf, " vcpus='%s'", resctrl->vcpus);
    if (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
        virBufferEscapeString(&attrBuf, " id='%s'", resctrl->id);
    virBufferFormatElement(buf, cache ? "cachetune" : "memorytune", &attrBuf, &childBuf);
}


void
virDomainResctrlFormat(virBuffer *buf, const virDomainVcpuTuneDef *tune,
                       unsigned int flags)
{
    size_t i;

    for (i = 0; i < tune->nresctrls; i++)
        virDomainResctrlFormatOne(buf, tune->resctrls[i], true, flags);
    for (i = 0; i < tune->nresctrls; i++)
        virDomainResctrlFormatOne(buf, tune->resctrls[i], false, flags);
}
