/*
 * memory.c: <memory>, <currentMemory>, <maxMemory>, <memtune>,
 * <memoryBacking>, <numatune>, and the scaled-size reader every other
 * element with a unit='' uses.
 */
#include "internal.h"
#include "conf/domain/memory.h"
#include "conf/domain/bitmap.h"
#include "util/virstring.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainMemorySource);
VIR_ENUM_IMPL(virDomainMemorySource, VIR_DOMAIN_MEMORY_SOURCE_LAST,
              "none", "file", "anonymous", "memfd");
VIR_ENUM_IMPL(virDomainMemoryAccess, VIR_DOMAIN_MEMORY_ACCESS_LAST,
              "default", "shared", "private");
VIR_ENUM_DECL(virDomainMemoryAllocation);
VIR_ENUM_IMPL(virDomainMemoryAllocation, VIR_DOMAIN_MEMORY_ALLOCATION_LAST,
              "none", "immediate", "ondemand");
VIR_ENUM_DECL(virDomainNumatuneMemMode);
VIR_ENUM_IMPL(virDomainNumatuneMemMode, VIR_DOMAIN_NUMATUNE_MEM_LAST,
              "strict", "preferred", "interleave", "restrictive");
VIR_ENUM_DECL(virDomainNumatunePlacement);
VIR_ENUM_IMPL(virDomainNumatunePlacement, VIR_DOMAIN_NUMATUNE_PLACEMENT_LAST,
              "default", "static", "auto");

void
virDomainMemoryDefClear(virDomainMemoryDef *mem)
{
    size_t i;

    for (i = 0; i < mem->nblkioDevices; i++)
        g_free(mem->blkioDevices[i].path);
    g_free(mem->blkioDevices);
    for (i = 0; i < mem->nhugepages; i++)
        g_free(mem->hugepages[i].nodeset);
    g_free(mem->hugepages);
    for (i = 0; i < mem->nmemnodes; i++)
        g_free(mem->memnodes[i].nodeset);
    g_free(mem->memnodes);
    g_free(mem->numatuneNodeset);
    memset(mem, 0, sizeof(*mem));
}


/* Multiply @value by the scale named by @suffix ("KiB", "M", "GB", ...). */
static int
virDomainScaleInteger(unsigned long long *value, const char *suffix,
                      unsigned long long scale, unsigned long long limit)
{
    static const char units[] = "kmgtpe";
    const char *pos;
    unsigned int base;
    int i;

    if (!suffix || !*suffix) {
        suffix = "";
    } else if (g_ascii_strcasecmp(suffix, "b") == 0 ||
               g_ascii_strcasecmp(suffix, "byte") == 0 ||
               g_ascii_strcasecmp(suffix, "bytes") == 0) {
        scale = 1;
    } else {
        if (!suffix[1] || g_ascii_strcasecmp(suffix + 1, "iB") == 0) {
            base = 1024;
        } else if (g_ascii_tolower(suffix[1]) == 'b' && !suffix[2]) {
            base = 1000;
        } else {
            virReportError(VIR_ERR_INVALID_ARG, "unknown suffix '%s'", suffix);
            return -1;
        }
        if (!(pos = strchr(units, g_ascii_tolower(*suffix))) || !*suffix) {
            virReportError(VIR_ERR_INVALID_ARG, "unknown suffix '%s'", suffix);
            return -1;
        }
        scale = 1;
        for (i = 0; i <= pos - units; i++)
            scale *= base;
    }
    if (*value && *value > limit / scale) {
        virReportError(VIR_ERR_OVERFLOW, "value too large: %llu%s", *value, suffix);
        return -1;
    }
    *value *= scale;
    return 0;
}


int
virDomainParseScaledValue(const char *xpath, const char *unitXPath,
                          xmlXPathContextPtr ctxt, unsigned long long *val,
                          unsigned long long scale, unsigned long long max,
                          bool required)
{
    g_autofree char *full = g_strdup_printf("string(%s)", xpath);
    g_autofree char *str = virXPathString(full, ctxt);
    g_autofree char *unitFull = NULL;
    g_autofree char *unit = NULL;
    unsigned long long bytes;

    *val = 0;
    if (!str) {
        if (!required)
            return 0;
        virReportError(VIR_ERR_XML_ERROR, "missing element or attribute '%s'", xpath);
        return -1;
    }
    if (virStrToLong_ullp(str, NULL, 10, &bytes) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value '%s' for element or attribute '%s'",
                       str, xpath);
        return -1;
    }
    if (unitXPath)
        unitFull = g_strdup_printf("string(%s)", unitXPath);
    else
        unitFull = g_strdup_printf("string(%s/@unit)", xpath);
    unit = virXPathString(unitFull, ctxt);
    if (virDomainScaleInteger(&bytes, unit, scale, max) < 0)
        return -1;
    *val = bytes;
    return 1;
}


int
virDomainParseMemory(const char *xpath, const char *unitXPath,
                     xmlXPathContextPtr ctxt, unsigned long long *mem,
                     bool required)
{
    unsigned long long bytes;
    const unsigned long long max = LLONG_MAX;

    if (virDomainParseScaledValue(xpath, unitXPath, ctxt, &bytes, 1024,
                                  max, required) < 0)
        return -1;
    *mem = bytes / 1024 + (bytes % 1024 ? 1 : 0);
    if (*mem >= max / 1024 + 1) {
        virReportError(VIR_ERR_OVERFLOW, "%s", "size value too large");
        return -1;
    }
    return 0;
}


static int
virDomainBlkioNumber(xmlXPathContextPtr ctxt, const char *name, const char *what,
                     unsigned long long *val)
{
    g_autofree char *xpath = g_strdup_printf("string(./%s)", name);
    g_autofree char *str = virXPathString(xpath, ctxt);

    if (str && virStrToLong_ull(str, NULL, 10, val) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "could not parse %s %s", what, str);
        return -1;
    }
    return 0;
}


static int
virDomainBlkioDeviceParseXML(virDomainBlkioDevice *dev, xmlXPathContextPtr ctxt)
{
    unsigned long long weight = 0, riops = 0, wiops = 0;

    if (!(dev->path = virXPathString("string(./path)", ctxt))) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "missing per-device path");
        return -1;
    }
    if (virDomainBlkioNumber(ctxt, "weight", "weight", &weight) < 0 ||
        virDomainBlkioNumber(ctxt, "read_bytes_sec", "read bytes sec", &dev->rbps) < 0 ||
        virDomainBlkioNumber(ctxt, "write_bytes_sec", "write bytes sec", &dev->wbps) < 0 ||
        virDomainBlkioNumber(ctxt, "read_iops_sec", "read iops sec", &riops) < 0 ||
        virDomainBlkioNumber(ctxt, "write_iops_sec", "write iops sec", &wiops) < 0)
        return -1;
    dev->weight = weight;
    dev->riops = riops;
    dev->wiops = wiops;
    return 0;
}


static int
virDomainBlkioParseXML(virDomainMemoryDef *mem, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i, j;
    int n;

    if (virXPathUInt("string(./blkiotune/weight)", ctxt, &mem->blkioWeight) < 0)
        mem->blkioWeight = 0;
    if ((n = virXPathNodeSet("./blkiotune/device", ctxt, &nodes)) < 0)
        return -1;
    mem->blkioDevices = g_new0(virDomainBlkioDevice, n + 1);
    for (i = 0; i < n; i++) {
        ctxt->node = nodes[i];
        if (virDomainBlkioDeviceParseXML(&mem->blkioDevices[i], ctxt) < 0)
            return -1;
        mem->nblkioDevices++;
        for (j = 0; j < i; j++) {
            if (STREQ(mem->blkioDevices[j].path, mem->blkioDevices[i].path)) {
                virReportError(VIR_ERR_XML_ERROR, "duplicate blkio device path '%s'",
                               mem->blkioDevices[i].path);
                return -1;
            }
        }
    }
    return 0;
}


/* A <memtune> limit: KiB, VIR_DOMAIN_MEMORY_PARAM_UNLIMITED when absent
 * (a limit of 0 is a limit). */
static int
virDomainParseMemoryLimit(const char *xpath, xmlXPathContextPtr ctxt,
                          unsigned long long *mem)
{
    unsigned long long bytes;
    int rc = virDomainParseScaledValue(xpath, NULL, ctxt, &bytes, 1024,
                                       VIR_DOMAIN_MEMORY_PARAM_UNLIMITED << 10, false);

    if (rc < 0)
        return -1;
    if (rc == 0)
        *mem = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
    else
        *mem = MIN(bytes / 1024 + (bytes % 1024 ? 1 : 0), VIR_DOMAIN_MEMORY_PARAM_UNLIMITED);
    return 0;
}


static int
virDomainMemtuneParseXML(virDomainMemoryDef *mem, xmlXPathContextPtr ctxt)
{
    if (virDomainParseMemoryLimit("./memtune/hard_limit[1]", ctxt, &mem->hardLimit) < 0 ||
        virDomainParseMemoryLimit("./memtune/soft_limit[1]", ctxt, &mem->softLimit) < 0 ||
        virDomainParseMemory("./memtune/min_guarantee[1]", NULL, ctxt,
                             &mem->minGuarantee, false) < 0 ||
        virDomainParseMemoryLimit("./memtune/swap_hard_limit[1]", ctxt,
                                  &mem->swapHardLimit) < 0)
        return -1;
    return 0;
}


static int
virDomainHugepagesParseXML(virDomainMemoryDef *mem, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    int n;
    size_t i;

    if (!virXPathNode("./memoryBacking/hugepages", ctxt))
        return 0;
    mem->hugepagesPresent = true;
    if ((n = virXPathNodeSet("./memoryBacking/hugepages/page", ctxt, &nodes)) < 0)
        return -1;
    mem->hugepages = g_new0(virDomainHugePage, n + 1);
    for (i = 0; i < n; i++) {
        virDomainHugePage *page = &mem->hugepages[mem->nhugepages++];
        g_autofree char *nodeset = virXMLPropString(nodes[i], "nodeset");

        ctxt->node = nodes[i];
        if (virDomainParseMemory("./@size", "./@unit", ctxt, &page->size, true) < 0)
            return -1;
        if (nodeset && !(page->nodeset = virDomainBitmapCanonical(nodeset, false)))
            return -1;
    }
    return 0;
}


static int
virDomainMemoryBackingParseXML(virDomainMemoryDef *mem, xmlXPathContextPtr ctxt)
{
    g_autofree char *src = virXPathString("string(./memoryBacking/source/@type)", ctxt);
    g_autofree char *acc = virXPathString("string(./memoryBacking/access/@mode)", ctxt);
    g_autofree char *alloc = virXPathString("string(./memoryBacking/allocation/@mode)", ctxt);

    if (src && (mem->source = virDomainMemorySourceTypeFromString(src)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown memoryBacking/source/type '%s'", src);
        return -1;
    }
    if (acc && (mem->access = virDomainMemoryAccessTypeFromString(acc)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown memoryBacking/access/mode '%s'", acc);
        return -1;
    }
    if (alloc && (mem->allocation = virDomainMemoryAllocationTypeFromString(alloc)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown memoryBacking/allocation/mode '%s'", alloc);
        return -1;
    }
    if (virXPathUInt("string(./memoryBacking/allocation/@threads)", ctxt,
                     &mem->allocationThreads) == -2) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Failed to parse memory allocation threads");
        return -1;
    }
    if (virDomainHugepagesParseXML(mem, ctxt) < 0)
        return -1;
    mem->nosharepages = virXPathBoolean("boolean(./memoryBacking/nosharepages)", ctxt) == 1;
    mem->locked = virXPathBoolean("boolean(./memoryBacking/locked)", ctxt) == 1;
    if (virXPathBoolean("boolean(./memoryBacking/discard)", ctxt) == 1)
        mem->discard = VIR_TRISTATE_BOOL_YES;
    return 0;
}


static int
virDomainNumatuneMemnodesParseXML(virDomainMemoryDef *mem, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./numatune/memnode", ctxt, &nodes)) < 0)
        return -1;
    mem->memnodes = g_new0(virDomainNumatuneNode, n + 1);
    for (i = 0; i < n; i++) {
        virDomainNumatuneNode *node = &mem->memnodes[mem->nmemnodes++];
        g_autofree char *nodeset = NULL;

        if (virXMLPropUInt(nodes[i], "cellid", 10, VIR_XML_PROP_REQUIRED,
                           &node->cellid) < 0 ||
            virXMLPropEnum(nodes[i], "mode", virDomainNumatuneMemModeTypeFromString,
                           VIR_XML_PROP_NONE, (unsigned int *)&node->mode) < 0)
            return -1;
        if (!(nodeset = virXMLPropStringRequired(nodes[i], "nodeset")) ||
            !(node->nodeset = virDomainBitmapCanonical(nodeset, false)))
            return -1;
    }
    return 0;
}


static int
virDomainNumatuneParseXML(virDomainMemoryDef *mem, xmlXPathContextPtr ctxt)
{
    g_autofree char *mode = NULL;
    g_autofree char *placement = NULL;
    g_autofree char *nodeset = NULL;
    xmlNodePtr node;

    if (virXPathBoolean("count(./numatune) > 1", ctxt) == 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "only one numatune is supported");
        return -1;
    }
    if (!virXPathNode("./numatune", ctxt))
        return 0;
    mem->numatunePresent = true;
    if ((node = virXPathNode("./numatune/memory[1]", ctxt))) {
        mem->numatuneMemory = true;
        if ((mode = virXMLPropString(node, "mode")) &&
            (mem->numatuneMode = virDomainNumatuneMemModeTypeFromString(mode)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unsupported NUMA memory tuning mode '%s'", mode);
            return -1;
        }
        if ((placement = virXMLPropString(node, "placement")) &&
            (mem->numatunePlacement = virDomainNumatunePlacementTypeFromString(placement)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Unsupported NUMA memory placement mode '%s'", placement);
            return -1;
        }
        if ((nodeset = virXMLPropString(node, "nodeset")) &&
            !(mem->numatuneNodeset = virDomainBitmapCanonical(nodeset, false)))
            return -1;
        if (!mem->numatunePlacement)
            mem->numatunePlacement = mem->numatuneNodeset ?
                VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC : VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO;
    }
    return virDomainNumatuneMemnodesParseXML(mem, ctxt);
}


int
virDomainMemoryParseXML(virDomainMemoryDef *mem, xmlXPathContextPtr ctxt)
{
    xmlNodePtr node;

    if (virDomainParseMemory("./memory[1]", NULL, ctxt, &mem->total, false) < 0 ||
        virDomainParseMemory("./currentMemory[1]", NULL, ctxt, &mem->cur, false) < 0 ||
        virDomainParseMemory("./maxMemory[1]", NULL, ctxt, &mem->max, false) < 0)
        return -1;
    if (virXPathUInt("string(./maxMemory[1]/@slots)", ctxt, &mem->slots) == -2) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Failed to parse memory slot count");
        return -1;
    }
    if ((node = virXPathNode("./memory[1]", ctxt)) &&
        virXMLPropTristateSwitch(node, "dumpCore", VIR_XML_PROP_NONE,
                                 &mem->dumpCore) < 0)
        return -1;
    if (virDomainBlkioParseXML(mem, ctxt) < 0 ||
        virDomainMemoryBackingParseXML(mem, ctxt) < 0 ||
        virDomainMemtuneParseXML(mem, ctxt) < 0 ||
        virDomainNumatuneParseXML(mem, ctxt) < 0)
        return -1;
    return 0;
}


static void
virDomainMemoryBackingFormat(virBuffer *buf, const virDomainMemoryDef *mem)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) pagesBuf = VIR_BUFFER_INIT_CHILD(&childBuf);
    g_auto(virBuffer) allocBuf = VIR_BUFFER_INITIALIZER;
    size_t i;

    if (mem->hugepagesPresent) {
        for (i = 0; i < mem->nhugepages; i++) {
            virBufferAsprintf(&pagesBuf, "<page size='%llu' unit='KiB'",
                              mem->hugepages[i].size);
            virBufferEscapeString(&pagesBuf, " nodeset='%s'", mem->hugepages[i].nodeset);
            virBufferAddLit(&pagesBuf, "/>\n");
        }
        virBufferFormatElementEmpty(&childBuf, "hugepages", NULL, &pagesBuf);
    }
    if (mem->nosharepages)
        virBufferAddLit(&childBuf, "<nosharepages/>\n");
    if (mem->locked)
        virBufferAddLit(&childBuf, "<locked/>\n");
    if (mem->source)
        virBufferAsprintf(&childBuf, "<source type='%s'/>\n",
                          virDomainMemorySourceTypeToString(mem->source));
    if (mem->access)
        virBufferAsprintf(&childBuf, "<access mode='%s'/>\n",
                          virDomainMemoryAccessTypeToString(mem->access));
    if (mem->allocation)
        virBufferAsprintf(&allocBuf, " mode='%s'",
                          virDomainMemoryAllocationTypeToString(mem->allocation));
    if (mem->allocationThreads)
        virBufferAsprintf(&allocBuf, " threads='%u'", mem->allocationThreads);
    virBufferFormatElement(&childBuf, "allocation", &allocBuf, NULL);
    if (mem->discard)
        virBufferAddLit(&childBuf, "<discard/>\n");
    virBufferFormatElement(buf, "memoryBacking", NULL, &childBuf);
}


void
virDomainMemoryFormat(virBuffer *buf, const virDomainMemoryDef *mem)
{
    if (mem->max || mem->slots)
        virBufferAsprintf(buf, "<maxMemory slots='%u' unit='KiB'>%llu</maxMemory>\n",
                          mem->slots, mem->max);
    virBufferAddLit(buf, "<memory");
    if (mem->dumpCore)
        virBufferAsprintf(buf, " dumpCore='%s'",
                          virTristateSwitchTypeToString(mem->dumpCore));
    virBufferAsprintf(buf, " unit='KiB'>%llu</memory>\n", mem->total);
    virBufferAsprintf(buf, "<currentMemory unit='KiB'>%llu</currentMemory>\n", mem->cur);
}


static void
virDomainBlkioFormat(virBuffer *buf, const virDomainMemoryDef *mem)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (mem->blkioWeight)
        virBufferAsprintf(&childBuf, "<weight>%u</weight>\n", mem->blkioWeight);
    for (i = 0; i < mem->nblkioDevices; i++) {
        const virDomainBlkioDevice *dev = &mem->blkioDevices[i];

        if (!dev->weight && !dev->riops && !dev->wiops && !dev->rbps && !dev->wbps)
            continue;
        virBufferAddLit(&childBuf, "<device>\n");
        virBufferAdjustIndent(&childBuf, 2);
        virBufferEscapeString(&childBuf, "<path>%s</path>\n", dev->path);
        if (dev->weight)
            virBufferAsprintf(&childBuf, "<weight>%u</weight>\n", dev->weight);
        if (dev->riops)
            virBufferAsprintf(&childBuf, "<read_iops_sec>%u</read_iops_sec>\n", dev->riops);
        if (dev->wiops)
            virBufferAsprintf(&childBuf, "<write_iops_sec>%u</write_iops_sec>\n", dev->wiops);
        if (dev->rbps)
            virBufferAsprintf(&childBuf, "<read_bytes_sec>%llu</read_bytes_sec>\n", dev->rbps);
        if (dev->wbps)
            virBufferAsprintf(&childBuf, "<write_bytes_sec>%llu</write_bytes_sec>\n", dev->wbps);
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</device>\n");
    }
    virBufferFormatElement(buf, "blkiotune", NULL, &childBuf);
}


void
virDomainMemtuneFormat(virBuffer *buf, const virDomainMemoryDef *mem)
{
    g_auto(virBuffer) tuneBuf = VIR_BUFFER_INIT_CHILD(buf);

    virDomainBlkioFormat(buf, mem);

    if (mem->hardLimit < VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
        virBufferAsprintf(&tuneBuf, "<hard_limit unit='KiB'>%llu</hard_limit>\n",
                          mem->hardLimit);
    if (mem->softLimit < VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
        virBufferAsprintf(&tuneBuf, "<soft_limit unit='KiB'>%llu</soft_limit>\n",
                          mem->softLimit);
    if (mem->minGuarantee)
        virBufferAsprintf(&tuneBuf, "<min_guarantee unit='KiB'>%llu</min_guarantee>\n",
                          mem->minGuarantee);
    if (mem->swapHardLimit < VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
        virBufferAsprintf(&tuneBuf, "<swap_hard_limit unit='KiB'>%llu</swap_hard_limit>\n",
                          mem->swapHardLimit);
    virBufferFormatElement(buf, "memtune", NULL, &tuneBuf);
    virDomainMemoryBackingFormat(buf, mem);
}


void
virDomainNumatuneFormat(virBuffer *buf, const virDomainMemoryDef *mem)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (mem->numatuneMemory) {
        virBufferAsprintf(&childBuf, "<memory mode='%s' ",
                          virDomainNumatuneMemModeTypeToString(mem->numatuneMode));
        if (mem->numatunePlacement == VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC)
            virBufferAsprintf(&childBuf, "nodeset='%s'/>\n", mem->numatuneNodeset);
        else
            virBufferAsprintf(&childBuf, "placement='%s'/>\n",
                              virDomainNumatunePlacementTypeToString(mem->numatunePlacement));
    }
    for (i = 0; i < mem->nmemnodes; i++)
        virBufferAsprintf(&childBuf, "<memnode cellid='%u' mode='%s' nodeset='%s'/>\n",
                          mem->memnodes[i].cellid,
                          virDomainNumatuneMemModeTypeToString(mem->memnodes[i].mode),
                          mem->memnodes[i].nodeset);
    virBufferFormatElement(buf, "numatune", NULL, &childBuf);
}
