/*
 * cpu.c: the guest <cpu> element and its <numa> cells.
 */
#include "internal.h"
#include "conf/domain/cpu.h"
#include "conf/domain/bitmap.h"
#include "conf/domain/memory.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainCPUMode);
VIR_ENUM_IMPL(virDomainCPUMode, VIR_CPU_MODE_LAST,
              "custom", "host-model", "host-passthrough", "maximum");
enum { CPU_MATCH_LAST = 3, CPU_CHECK_LAST = 4, CPU_FALLBACK_LAST = 2,
       CPU_POLICY_LAST = 5, CPU_CACHE_MODE_LAST = 3, CPU_MAXPHYS_LAST = 2 };
VIR_ENUM_DECL(virDomainCPUMatch);
VIR_ENUM_IMPL(virDomainCPUMatch, CPU_MATCH_LAST, "exact", "minimum", "strict");
VIR_ENUM_DECL(virDomainCPUCheck);
VIR_ENUM_IMPL(virDomainCPUCheck, CPU_CHECK_LAST, "default", "none", "partial", "full");
VIR_ENUM_DECL(virDomainCPUFallback);
VIR_ENUM_IMPL(virDomainCPUFallback, CPU_FALLBACK_LAST, "allow", "forbid");
VIR_ENUM_DECL(virDomainCPUFeaturePolicy);
VIR_ENUM_IMPL(virDomainCPUFeaturePolicy, CPU_POLICY_LAST,
              "force", "require", "optional", "disable", "forbid");
VIR_ENUM_DECL(virDomainCPUCacheMode);
VIR_ENUM_IMPL(virDomainCPUCacheMode, CPU_CACHE_MODE_LAST, "emulate", "passthrough", "disable");
VIR_ENUM_DECL(virDomainCPUMaxPhysAddrMode);
VIR_ENUM_IMPL(virDomainCPUMaxPhysAddrMode, CPU_MAXPHYS_LAST, "emulate", "passthrough");

VIR_ENUM_DECL(virDomainNumaCacheAssociativity);
VIR_ENUM_IMPL(virDomainNumaCacheAssociativity, 3, "none", "direct", "full");
VIR_ENUM_DECL(virDomainNumaCachePolicy);
VIR_ENUM_IMPL(virDomainNumaCachePolicy, 3, "none", "writeback", "writethrough");
VIR_ENUM_DECL(virDomainMemoryLatency);
VIR_ENUM_IMPL(virDomainMemoryLatency, 3, "access", "read", "write");

#define CPU_FEATURE_REQUIRE 1
#define INTERCONNECT_BANDWIDTH 1

void
virDomainCPUDefClear(virDomainCPUDef *cpu)
{
    size_t i;

    g_free(cpu->model);
    g_free(cpu->vendorId);
    g_free(cpu->vendor);
    for (i = 0; i < cpu->nfeatures; i++)
        g_free(cpu->features[i].name);
    g_free(cpu->features);
    for (i = 0; i < cpu->ncells; i++) {
        g_free(cpu->cells[i].cpus);
        g_free(cpu->cells[i].distances);
        g_free(cpu->cells[i].caches);
    }
    g_free(cpu->cells);
    g_free(cpu->interconnects);
    memset(cpu, 0, sizeof(*cpu));
}


static int
virDomainCPUModeParseXML(virDomainCPUDef *cpu, xmlNodePtr node)
{
    g_autofree char *mode = virXMLPropString(node, "mode");
    int rc;

    if (mode && (rc = virDomainCPUModeTypeFromString(mode)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Invalid mode attribute '%s'", mode);
        return -1;
    }
    cpu->mode = mode ? rc : VIR_CPU_MODE_CUSTOM;
    if ((rc = virXMLPropTristateSwitch(node, "migratable", VIR_XML_PROP_NONE,
                                       &cpu->migratable)) < 0)
        return -1;
    if (rc > 0 && cpu->mode != VIR_CPU_MODE_HOST_PASSTHROUGH &&
        cpu->mode != VIR_CPU_MODE_MAXIMUM) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Attribute migratable is only allowed for "
                       "'host-passthrough' / 'maximum' CPU mode");
        return -1;
    }
    if (virXMLPropEnum(node, "match", virDomainCPUMatchTypeFromString, VIR_XML_PROP_NONE,
                       &cpu->match) < 0 ||
        virXMLPropEnum(node, "check", virDomainCPUCheckTypeFromString, VIR_XML_PROP_NONE,
                       &cpu->check) < 0)
        return -1;
    return 0;
}


static int
virDomainCPUModelParseXML(virDomainCPUDef *cpu, xmlXPathContextPtr ctxt)
{
    g_autofree char *fallback = NULL;
    g_autofree char *vendorId = NULL;

    cpu->model = virXPathString("string(./model[1])", ctxt);
    if (cpu->mode != VIR_CPU_MODE_HOST_PASSTHROUGH && cpu->mode != VIR_CPU_MODE_MAXIMUM) {
        if ((fallback = virXPathString("string(./model[1]/@fallback)", ctxt)) &&
            (cpu->fallback = virDomainCPUFallbackTypeFromString(fallback)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "Invalid fallback attribute");
            return -1;
        }
        if ((vendorId = virXPathString("string(./model[1]/@vendor_id)", ctxt))) {
            if (strlen(vendorId) != 12) {
                virReportError(VIR_ERR_XML_ERROR,
                               "vendor_id must be exactly %d characters long", 12);
                return -1;
            }
            if (strchr(vendorId, ',')) {
                virReportError(VIR_ERR_XML_ERROR, "%s", "vendor id is invalid");
                return -1;
            }
            cpu->vendorId = g_steal_pointer(&vendorId);
        }
    }
    cpu->vendor = virXPathString("string(./vendor[1])", ctxt);
    if (cpu->vendor && !cpu->model) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "CPU vendor specified without CPU model");
        return -1;
    }
    return 0;
}


static int
virDomainCPUTopologyParseXML(virDomainCPUDef *cpu, xmlNodePtr node)
{
    int rc;

    if (virXMLPropUInt(node, "sockets", 10, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &cpu->sockets) < 0 ||
        (rc = virXMLPropUInt(node, "dies", 10, VIR_XML_PROP_NONZERO, &cpu->dies)) < 0 ||
        virXMLPropUInt(node, "cores", 10, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &cpu->cores) < 0 ||
        virXMLPropUInt(node, "threads", 10, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &cpu->threads) < 0)
        return -1;
    if (rc == 0)
        cpu->dies = 1;
    return 0;
}


static int
virDomainCPUFeaturesParseXML(virDomainCPUDef *cpu, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i, j;
    int n;

    if ((n = virXPathNodeSet("./feature", ctxt, &nodes)) < 0)
        return -1;
    if (n > 0 && !cpu->model && cpu->mode == VIR_CPU_MODE_CUSTOM) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Non-empty feature list specified without CPU model");
        return -1;
    }
    cpu->features = g_new0(virCPUFeatureDef, n + 1);
    for (i = 0; i < n; i++) {
        g_autofree char *policy = virXMLPropString(nodes[i], "policy");
        g_autofree char *name = virXMLPropString(nodes[i], "name");
        int pol = CPU_FEATURE_REQUIRE;

        if (policy && (pol = virDomainCPUFeaturePolicyTypeFromString(policy)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "Invalid CPU feature policy");
            return -1;
        }
        if (!name || !*name) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "Invalid CPU feature name");
            return -1;
        }
        for (j = 0; j < i; j++) {
            if (STREQ(name, cpu->features[j].name)) {
                virReportError(VIR_ERR_XML_ERROR,
                               "CPU feature '%s' specified more than once", name);
                return -1;
            }
        }
        cpu->features[i].name = g_steal_pointer(&name);
        cpu->features[i].policy = pol;
        cpu->nfeatures++;
    }
    return 0;
}


static int
virDomainCPUCacheParseXML(virDomainCPUDef *cpu, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr node;
    int n;

    if ((n = virXPathNodeSet("./cache", ctxt, &nodes)) > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "at most one CPU cache element may be specified");
        return -1;
    }
    if (n == 1) {
        cpu->cachePresent = true;
        if (virXMLPropInt(nodes[0], "level", 10, VIR_XML_PROP_NONE,
                          &cpu->cacheLevel, -1) < 0 ||
            virXMLPropEnum(nodes[0], "mode", virDomainCPUCacheModeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &cpu->cacheMode) < 0)
            return -1;
    }
    if ((node = virXPathNode("./maxphysaddr[1]", ctxt))) {
        cpu->maxphysaddrPresent = true;
        if (virXMLPropEnum(node, "mode", virDomainCPUMaxPhysAddrModeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &cpu->maxphysaddrMode) < 0 ||
            virXMLPropInt(node, "bits", 10, VIR_XML_PROP_NONNEGATIVE,
                          &cpu->maxphysaddrBits, -1) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainNumaCachesParseXML(virDomainNumaCell *cell, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    unsigned long long line;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./cache", ctxt, &nodes)) < 0)
        return -1;
    cell->caches = g_new0(virDomainNumaCache, n + 1);
    for (i = 0; i < n; i++, cell->ncaches++) {
        virDomainNumaCache *cache = &cell->caches[i];

        ctxt->node = nodes[i];
        if (virXMLPropUInt(nodes[i], "level", 10, VIR_XML_PROP_REQUIRED, &cache->level) < 0 ||
            virXMLPropEnum(nodes[i], "associativity",
                           virDomainNumaCacheAssociativityTypeFromString,
                           VIR_XML_PROP_REQUIRED, &cache->associativity) < 0 ||
            virXMLPropEnum(nodes[i], "policy", virDomainNumaCachePolicyTypeFromString,
                           VIR_XML_PROP_REQUIRED, &cache->policy) < 0 ||
            virDomainParseMemory("./size/@value", "./size/@unit", ctxt, &cache->size, true) < 0 ||
            virDomainParseScaledValue("./line/@value", "./line/@unit", ctxt, &line, 1,
                                      UINT_MAX, true) < 0)
            return -1;
        cache->line = line;
    }
    return 0;
}


static int
virDomainNumaInterconnectsParseXML(virDomainCPUDef *cpu, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./numa[1]/interconnects[1]/latency|"
                             "./numa[1]/interconnects[1]/bandwidth", ctxt, &nodes)) < 0)
        return -1;
    cpu->interconnects = g_new0(virDomainNumaInterconnect, n + 1);
    for (i = 0; i < n; i++, cpu->ninterconnects++) {
        virDomainNumaInterconnect *l = &cpu->interconnects[i];
        int rc;

        ctxt->node = nodes[i];
        l->type = virXMLNodeNameEqual(nodes[i], "bandwidth") ? INTERCONNECT_BANDWIDTH : 0;
        if (virXMLPropUInt(nodes[i], "initiator", 10, VIR_XML_PROP_REQUIRED, &l->initiator) < 0 ||
            virXMLPropUInt(nodes[i], "target", 10, VIR_XML_PROP_REQUIRED, &l->target) < 0 ||
            (rc = virXMLPropUInt(nodes[i], "cache", 10, VIR_XML_PROP_NONE, &l->cache)) < 0 ||
            virXMLPropEnum(nodes[i], "type", virDomainMemoryLatencyTypeFromString,
                           VIR_XML_PROP_REQUIRED, &l->accessType) < 0)
            return -1;
        l->cacheSet = rc > 0;
        if (l->type == INTERCONNECT_BANDWIDTH) {
            unsigned long long kib;

            if (virDomainParseMemory("./@value", "./@unit", ctxt, &kib, true) < 0)
                return -1;
            l->value = kib;
        } else if (virXMLPropULongLong(nodes[i], "value", 10, VIR_XML_PROP_REQUIRED,
                                       &l->value) < 0) {
            return -1;
        }
    }
    return 0;
}


static int
virDomainNumaCellParseXML(virDomainCPUDef *cpu, xmlNodePtr node,
                          unsigned int id, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    virDomainNumaCell *cell = &cpu->cells[id];
    g_autofree xmlNodePtr *sib = NULL;
    g_autofree char *cpus = NULL;
    size_t i;
    int n;

    ctxt->node = node;
    if ((cpus = virXMLPropString(node, "cpus"))) {
        if (!(cell->cpus = virDomainBitmapCanonical(cpus, true)))
            return -1;
        if (!*cell->cpus)
            g_clear_pointer(&cell->cpus, g_free);
    }
    if (virDomainParseMemory("./@memory", "./@unit", ctxt, &cell->mem, true) < 0 ||
        virXMLPropEnum(node, "memAccess", virDomainMemoryAccessTypeFromString,
                       VIR_XML_PROP_NONZERO, (unsigned int *)&cell->memAccess) < 0 ||
        virXMLPropTristateBool(node, "discard", VIR_XML_PROP_NONE, &cell->discard) < 0)
        return -1;
    if (virDomainNumaCachesParseXML(cell, ctxt) < 0)
        return -1;
    if ((n = virXPathNodeSet("./distances/sibling", ctxt, &sib)) < 0)
        return -1;
    cell->distances = g_new0(virDomainNumaDistance, n + 1);
    for (i = 0; i < n; i++, cell->ndistances++) {
        if (virXMLPropUInt(sib[i], "id", 10, VIR_XML_PROP_REQUIRED,
                           &cell->distances[i].id) < 0 ||
            virXMLPropUInt(sib[i], "value", 10, VIR_XML_PROP_REQUIRED,
                           &cell->distances[i].value) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainNumaParseXML(virDomainCPUDef *cpu, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *cells = NULL;
    size_t i;
    int n;

    if (!virXPathNode("./numa[1]", ctxt))
        return 0;
    if ((n = virXPathNodeSet("./numa[1]/cell", ctxt, &cells)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "NUMA topology defined without NUMA cells");
        return -1;
    }
    cpu->cells = g_new0(virDomainNumaCell, n);
    cpu->ncells = n;
    for (i = 0; i < n; i++) {
        unsigned int id = i;

        if (virXMLPropUInt(cells[i], "id", 10, VIR_XML_PROP_NONE, &id) < 0)
            return -1;
        if (id >= n) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "Exactly one 'cell' element per guest NUMA cell allowed, "
                           "non-contiguous ranges or ranges not starting from 0 "
                           "are not allowed");
            return -1;
        }
        if (cpu->cells[id].mem) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Duplicate NUMA cell info for cell id '%u'", id);
            return -1;
        }
        if (virDomainNumaCellParseXML(cpu, cells[i], id, ctxt) < 0)
            return -1;
    }
    return virDomainNumaInterconnectsParseXML(cpu, ctxt);
}


int
virDomainCPUParseXML(virDomainCPUDef *cpu, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    xmlNodePtr node;

    if (!(ctxt->node = virXPathNode("./cpu[1]", ctxt)))
        return 0;
    node = ctxt->node;
    cpu->present = true;
    cpu->cacheLevel = -1;
    cpu->maxphysaddrBits = -1;
    if (virDomainCPUModeParseXML(cpu, node) < 0 ||
        virDomainCPUModelParseXML(cpu, ctxt) < 0)
        return -1;
    if ((node = virXPathNode("./topology[1]", ctxt)) &&
        virDomainCPUTopologyParseXML(cpu, node) < 0)
        return -1;
    if (virDomainCPUFeaturesParseXML(cpu, ctxt) < 0 ||
        virDomainCPUCacheParseXML(cpu, ctxt) < 0 ||
        virDomainNumaParseXML(cpu, ctxt) < 0)
        return -1;
    return 0;
}


unsigned long long
virDomainCPUNumaMemory(const virDomainCPUDef *cpu)
{
    unsigned long long total = 0;
    size_t i;

    for (i = 0; i < cpu->ncells; i++)
        total += cpu->cells[i].mem;
    return total;
}


static void
virDomainNumaCachesFormat(virBuffer *buf, const virDomainNumaCell *cell)
{
    size_t i;

    for (i = 0; i < cell->ncaches; i++) {
        const virDomainNumaCache *cache = &cell->caches[i];

        virBufferAsprintf(buf, "<cache level='%u'", cache->level);
        if (cache->associativity)
            virBufferAsprintf(buf, " associativity='%s'",
                              virDomainNumaCacheAssociativityTypeToString(cache->associativity));
        if (cache->policy)
            virBufferAsprintf(buf, " policy='%s'",
                              virDomainNumaCachePolicyTypeToString(cache->policy));
        virBufferAddLit(buf, ">\n");
        virBufferAsprintf(buf, "  <size value='%llu' unit='KiB'/>\n", cache->size);
        if (cache->line)
            virBufferAsprintf(buf, "  <line value='%u' unit='B'/>\n", cache->line);
        virBufferAddLit(buf, "</cache>\n");
    }
}


static void
virDomainNumaInterconnectsFormat(virBuffer *buf, const virDomainCPUDef *cpu)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < cpu->ninterconnects; i++) {
        const virDomainNumaInterconnect *l = &cpu->interconnects[i];
        bool bw = l->type == INTERCONNECT_BANDWIDTH;

        virBufferAsprintf(&childBuf, "<%s initiator='%u' target='%u'",
                          bw ? "bandwidth" : "latency", l->initiator, l->target);
        if (l->cache > 0)
            virBufferAsprintf(&childBuf, " cache='%u'", l->cache);
        virBufferAsprintf(&childBuf, " type='%s' value='%llu'",
                          virDomainMemoryLatencyTypeToString(l->accessType), l->value);
        if (bw)
            virBufferAddLit(&childBuf, " unit='KiB'");
        virBufferAddLit(&childBuf, "/>\n");
    }
    virBufferFormatElement(buf, "interconnects", NULL, &childBuf);
}


static void
virDomainNumaFormat(virBuffer *buf, const virDomainCPUDef *cpu)
{
    g_auto(virBuffer) numaBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i, j;

    for (i = 0; i < cpu->ncells; i++) {
        const virDomainNumaCell *cell = &cpu->cells[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(&numaBuf);
        g_auto(virBuffer) distBuf = VIR_BUFFER_INIT_CHILD(&childBuf);

        virBufferAsprintf(&attrBuf, " id='%zu'", i);
        if (cell->cpus)
            virBufferAsprintf(&attrBuf, " cpus='%s'", cell->cpus);
        virBufferAsprintf(&attrBuf, " memory='%llu' unit='KiB'", cell->mem);
        if (cell->memAccess)
            virBufferAsprintf(&attrBuf, " memAccess='%s'",
                              virDomainMemoryAccessTypeToString(cell->memAccess));
        if (cell->discard)
            virBufferAsprintf(&attrBuf, " discard='%s'",
                              virTristateBoolTypeToString(cell->discard));
        for (j = 0; j < cell->ndistances; j++)
            virBufferAsprintf(&distBuf, "<sibling id='%u' value='%u'/>\n",
                              cell->distances[j].id, cell->distances[j].value);
        virBufferFormatElement(&childBuf, "distances", NULL, &distBuf);
        virDomainNumaCachesFormat(&childBuf, cell);
        virBufferFormatElement(&numaBuf, "cell", &attrBuf, &childBuf);
    }
    virDomainNumaInterconnectsFormat(&numaBuf, cpu);
    virBufferFormatElement(buf, "numa", NULL, &numaBuf);
}


static void
virDomainCPUModelFormat(virBuffer *buf, const virDomainCPUDef *cpu)
{
    size_t i;

    if ((cpu->mode == VIR_CPU_MODE_CUSTOM || cpu->mode == VIR_CPU_MODE_HOST_MODEL) &&
        (cpu->model || cpu->vendorId)) {
        virBufferAddLit(buf, "<model");
        if (cpu->model)
            virBufferAsprintf(buf, " fallback='%s'",
                              virDomainCPUFallbackTypeToString(cpu->fallback));
        virBufferEscapeString(buf, " vendor_id='%s'", cpu->vendorId);
        if (cpu->model)
            virBufferEscapeString(buf, ">%s</model>\n", cpu->model);
        else
            virBufferAddLit(buf, "/>\n");
    }
    if ((cpu->mode == VIR_CPU_MODE_CUSTOM || cpu->mode == VIR_CPU_MODE_HOST_MODEL) &&
        cpu->vendor)
        virBufferEscapeString(buf, "<vendor>%s</vendor>\n", cpu->vendor);
    if (cpu->sockets && cpu->dies && cpu->cores && cpu->threads)
        virBufferAsprintf(buf, "<topology sockets='%u' dies='%u' cores='%u' threads='%u'/>\n",
                          cpu->sockets, cpu->dies, cpu->cores, cpu->threads);
    if (cpu->cachePresent) {
        virBufferAddLit(buf, "<cache ");
        if (cpu->cacheLevel != -1)
            virBufferAsprintf(buf, "level='%d' ", cpu->cacheLevel);
        virBufferAsprintf(buf, "mode='%s'/>\n", virDomainCPUCacheModeTypeToString(cpu->cacheMode));
    }
    if (cpu->maxphysaddrPresent) {
        virBufferAsprintf(buf, "<maxphysaddr mode='%s'",
                          virDomainCPUMaxPhysAddrModeTypeToString(cpu->maxphysaddrMode));
        if (cpu->maxphysaddrBits != -1)
            virBufferAsprintf(buf, " bits='%d'", cpu->maxphysaddrBits);
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < cpu->nfeatures; i++)
        virBufferAsprintf(buf, "<feature policy='%s' name='%s'/>\n",
                          virDomainCPUFeaturePolicyTypeToString(cpu->features[i].policy),
                          cpu->features[i].name);
}


void
virDomainCPUFormat(virBuffer *buf, const virDomainCPUDef *cpu)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (!cpu->present && !cpu->ncells)
        return;
    if (cpu->mode != VIR_CPU_MODE_CUSTOM || cpu->model) {
        virBufferAsprintf(&attrBuf, " mode='%s'", virDomainCPUModeTypeToString(cpu->mode));
        if (cpu->mode == VIR_CPU_MODE_CUSTOM)
            virBufferAsprintf(&attrBuf, " match='%s'", virDomainCPUMatchTypeToString(cpu->match));
        if (cpu->check)
            virBufferAsprintf(&attrBuf, " check='%s'", virDomainCPUCheckTypeToString(cpu->check));
        if ((cpu->mode == VIR_CPU_MODE_HOST_PASSTHROUGH ||
             cpu->mode == VIR_CPU_MODE_MAXIMUM) && cpu->migratable)
            virBufferAsprintf(&attrBuf, " migratable='%s'",
                              virTristateSwitchTypeToString(cpu->migratable));
    }
    virDomainCPUModelFormat(&childBuf, cpu);
    virDomainNumaFormat(&childBuf, cpu);
    virBufferFormatElement(buf, "cpu", &attrBuf, &childBuf);
}
