/*
 * capabilities.c: format <capabilities> (what libvirt's
 * virCapabilitiesFormatXML prints), plus a test-only reader at the end.
 */
#include "internal.h"
#include "conf/capabilities.h"
#include "conf/domain/bitmap.h"
#include "conf/storage_conf.h"
#include "conf/virxmlcategory.h"
#include "util/virbuffer.h"
#include "util/virstring.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_CAPABILITIES

VIR_ENUM_IMPL(virCapsCache, VIR_CAPS_CACHE_TYPE_LAST, "both", "code", "data");
VIR_ENUM_IMPL(virCapsHostPMTarget, VIR_CAPS_HOST_PM_LAST,
              "suspend_mem", "suspend_disk", "suspend_hybrid");

/* The value tables, defined with the domain XML in conf/domain/ */
VIR_ENUM_DECL(virDomainArch);
VIR_ENUM_DECL(virDomainOS);
VIR_ENUM_DECL(virDomainVirt);
VIR_ENUM_DECL(virDomainCPUMaxPhysAddrMode);
VIR_ENUM_DECL(virDomainNumaCacheAssociativity);
VIR_ENUM_DECL(virDomainNumaCachePolicy);
VIR_ENUM_DECL(virDomainMemoryLatency);

/* Guest feature names; the toggling ones carry default= and toggle= */
static const struct {
    const char *name;
    bool togglesRequired;
} guestFeatureInfo[VIR_CAPS_GUEST_FEATURE_TYPE_LAST] = {
    [VIR_CAPS_GUEST_FEATURE_TYPE_PAE] = { "pae", false },
    [VIR_CAPS_GUEST_FEATURE_TYPE_NONPAE] = { "nonpae", false },
    [VIR_CAPS_GUEST_FEATURE_TYPE_IA64_BE] = { "ia64_be", false },
    [VIR_CAPS_GUEST_FEATURE_TYPE_ACPI] = { "acpi", true },
    [VIR_CAPS_GUEST_FEATURE_TYPE_APIC] = { "apic", true },
    [VIR_CAPS_GUEST_FEATURE_TYPE_CPUSELECTION] = { "cpuselection", false },
    [VIR_CAPS_GUEST_FEATURE_TYPE_DEVICEBOOT] = { "deviceboot", false },
    [VIR_CAPS_GUEST_FEATURE_TYPE_DISKSNAPSHOT] = { "disksnapshot", true },
    [VIR_CAPS_GUEST_FEATURE_TYPE_HAP] = { "hap", true },
};


static void
virCapsStringsFree(char **strs, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        g_free(strs[i]);
    g_free(strs);
}


static void
virCapsHostMonitorFree(virCapsHostMonitor *monitor)
{
    if (!monitor)
        return;
    virCapsStringsFree(monitor->features, monitor->nfeatures);
    g_free(monitor);
}


static void
virCapsGuestDomainInfoClear(virCapsGuestDomainInfo *info)
{
    size_t i;

    g_free(info->emulator);
    g_free(info->loader);
    for (i = 0; i < info->nmachines; i++) {
        g_free(info->machines[i].name);
        g_free(info->machines[i].canonical);
    }
    g_free(info->machines);
}


static void
virCapsHostClear(virCapsHost *host)
{
    size_t i;
    size_t j;

    virCapsStringsFree(host->features, host->nfeatures);
    if (host->cpu) {
        g_free(host->cpu->model);
        g_free(host->cpu->vendor);
        for (i = 0; i < host->cpu->nfeatures; i++)
            g_free(host->cpu->features[i].name);
        g_free(host->cpu->features);
        g_free(host->cpu);
    }
    g_free(host->pagesSize);
    virCapsStringsFree(host->migrateTrans, host->nmigrateTrans);
    g_free(host->netprefix);
    for (i = 0; i < host->ncells; i++) {
        virCapsHostNUMACell *cell = &host->cells[i];

        g_free(cell->pageinfo);
        g_free(cell->distances);
        g_free(cell->caches);
        for (j = 0; j < cell->ncpus; j++)
            g_free(cell->cpus[j].siblings);
        g_free(cell->cpus);
    }
    g_free(host->cells);
    g_free(host->interconnects);
    for (i = 0; i < host->nbanks; i++) {
        g_free(host->banks[i].cpus);
        g_free(host->banks[i].controls);
    }
    g_free(host->banks);
    virCapsHostMonitorFree(host->cacheMonitor);
    for (i = 0; i < host->nmemBWNodes; i++)
        g_free(host->memBWNodes[i].cpus);
    g_free(host->memBWNodes);
    virCapsHostMonitorFree(host->memBWMonitor);
    for (i = 0; i < host->nsecModels; i++) {
        virCapsHostSecModel *sec = &host->secModels[i];

        g_free(sec->model);
        g_free(sec->doi);
        for (j = 0; j < sec->nlabels; j++) {
            g_free(sec->labels[j].type);
            g_free(sec->labels[j].label);
        }
        g_free(sec->labels);
    }
    g_free(host->secModels);
}


void
virCapabilitiesFree(virCaps *caps)
{
    size_t i;
    size_t j;

    if (!caps)
        return;
    virCapsHostClear(&caps->host);
    for (i = 0; i < caps->nguests; i++) {
        virCapsGuest *guest = &caps->guests[i];

        virCapsGuestDomainInfoClear(&guest->defaultInfo);
        for (j = 0; j < guest->ndomains; j++)
            virCapsGuestDomainInfoClear(&guest->domains[j].info);
        g_free(guest->domains);
    }
    g_free(caps->guests);
    g_free(caps->pools);
    g_free(caps);
}


/* @value bytes as the largest unit that divides it (virFormatIntPretty) */
static unsigned long long
virCapsFormatIntPretty(unsigned long long value, const char **unit)
{
    static const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    size_t i = 0;

    while (value && value % 1024 == 0 && i + 1 < G_N_ELEMENTS(units)) {
        value /= 1024;
        i++;
    }
    *unit = units[i];
    return value;
}


static void
virCapsHostCPUFormat(virBuffer *buf, const virCapsHostCPU *cpu)
{
    size_t i;

    if (!cpu)
        return;
    virBufferEscapeString(buf, "<model>%s</model>\n", cpu->model);
    virBufferEscapeString(buf, "<vendor>%s</vendor>\n", cpu->vendor);
    if (cpu->microcode)
        virBufferAsprintf(buf, "<microcode version='%u'/>\n", cpu->microcode);
    if (cpu->sigFamily)
        virBufferAsprintf(buf, "<signature family='%u' model='%u' stepping='%u'/>\n",
                          cpu->sigFamily, cpu->sigModel, cpu->sigStepping);
    if (cpu->tscFrequency) {
        virBufferAsprintf(buf, "<counter name='tsc' frequency='%llu'", cpu->tscFrequency);
        if (cpu->tscScaling)
            virBufferAsprintf(buf, " scaling='%s'",
                              virTristateBoolTypeToString(cpu->tscScaling));
        virBufferAddLit(buf, "/>\n");
    }
    if (cpu->sockets && cpu->dies && cpu->cores && cpu->threads)
        virBufferAsprintf(buf, "<topology sockets='%u' dies='%u' cores='%u' threads='%u'/>\n",
                          cpu->sockets, cpu->dies, cpu->cores, cpu->threads);
    if (cpu->maxphysaddrMode >= 0) {
        virBufferAsprintf(buf, "<maxphysaddr mode='%s'",
                          virDomainCPUMaxPhysAddrModeTypeToString(cpu->maxphysaddrMode));
        if (cpu->maxphysaddrBits != -1)
            virBufferAsprintf(buf, " bits='%d'", cpu->maxphysaddrBits);
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < cpu->nfeatures; i++)
        virBufferEscapeString(buf, "<feature name='%s'/>\n", cpu->features[i].name);
}


static void
virCapsHostNUMADistancesFormat(virBuffer *buf, const virCapsHostNUMACell *cell)
{
    g_auto(virBuffer) distBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t j;

    for (j = 0; j < cell->ndistances; j++) {
        if (cell->distances[j].value == 0)
            continue;
        virBufferAsprintf(&distBuf, "<sibling id='%d' value='%d'/>\n",
                          cell->distances[j].cellid, cell->distances[j].value);
    }
    virBufferFormatElement(buf, "distances", NULL, &distBuf);
}


static void
virCapsHostNUMACellCPUsFormat(virBuffer *buf, const virCapsHostNUMACell *cell)
{
    g_auto(virBuffer) cpusAttr = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) cpusBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t j;

    virBufferAsprintf(&cpusAttr, " num='%zu'", cell->ncpus);
    for (j = 0; j < cell->ncpus; j++) {
        const virCapsHostNUMACellCPU *cpu = &cell->cpus[j];

        virBufferAsprintf(&cpusBuf, "<cpu id='%d'", cpu->id);
        if (cpu->hasTopology)
            virBufferAsprintf(&cpusBuf,
                              " socket_id='%d' die_id='%d' core_id='%d' siblings='%s'",
                              cpu->socket_id, cpu->die_id, cpu->core_id,
                              NULLSTR(cpu->siblings));
        virBufferAddLit(&cpusBuf, "/>\n");
    }
    virBufferFormatElement(buf, "cpus", &cpusAttr, &cpusBuf);
}


static void
virCapsHostNUMACellFormat(virBuffer *buf, const virCapsHostNUMACell *cell)
{
    size_t j;

    virBufferAsprintf(buf, "<cell id='%d'>\n", cell->num);
    virBufferAdjustIndent(buf, 2);
    if (cell->mem)
        virBufferAsprintf(buf, "<memory unit='KiB'>%llu</memory>\n", cell->mem);
    for (j = 0; j < cell->npageinfo; j++)
        virBufferAsprintf(buf, "<pages unit='KiB' size='%u'>%llu</pages>\n",
                          cell->pageinfo[j].size, cell->pageinfo[j].avail);

    virCapsHostNUMADistancesFormat(buf, cell);

    for (j = 0; j < cell->ncaches; j++) {
        const virCapsHostNUMACache *cache = &cell->caches[j];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

        virBufferAsprintf(&attrBuf, " level='%u'", cache->level);
        if (cache->associativity)
            virBufferAsprintf(&attrBuf, " associativity='%s'",
                              virDomainNumaCacheAssociativityTypeToString(cache->associativity));
        if (cache->policy)
            virBufferAsprintf(&attrBuf, " policy='%s'",
                              virDomainNumaCachePolicyTypeToString(cache->policy));
        virBufferAsprintf(&childBuf, "<size value='%llu' unit='KiB'/>\n", cache->size);
        if (cache->line)
            virBufferAsprintf(&childBuf, "<line value='%u' unit='B'/>\n", cache->line);
        virBufferFormatElement(buf, "cache", &attrBuf, &childBuf);
    }

    virCapsHostNUMACellCPUsFormat(buf, cell);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cell>\n");
}


static void
virCapsHostInterconnectsFormat(virBuffer *buf, const virCapsHost *host)
{
    g_auto(virBuffer) icBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < host->ninterconnects; i++) {
        const virCapsHostNUMAInterconnect *l = &host->interconnects[i];

        virBufferAsprintf(&icBuf, "<%s initiator='%u' target='%u'",
                          l->bandwidth ? "bandwidth" : "latency",
                          l->initiator, l->target);
        if (l->cache > 0)
            virBufferAsprintf(&icBuf, " cache='%u'", l->cache);
        virBufferAsprintf(&icBuf, " type='%s' value='%lu'",
                          virDomainMemoryLatencyTypeToString(l->accessType), l->value);
        if (l->bandwidth)
            virBufferAddLit(&icBuf, " unit='KiB'");
        virBufferAddLit(&icBuf, "/>\n");
    }
    virBufferFormatElement(buf, "interconnects", NULL, &icBuf);
}


static void
virCapsHostNUMAFormat(virBuffer *buf, const virCapsHost *host)
{
    size_t i;

    if (!host->hasNUMA)
        return;
    virBufferAddLit(buf, "<topology>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<cells num='%zu'>\n", host->ncells);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < host->ncells; i++)
        virCapsHostNUMACellFormat(buf, &host->cells[i]);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cells>\n");

    virCapsHostInterconnectsFormat(buf, host);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</topology>\n");
}


static void
virCapsHostMonitorFormat(virBuffer *buf, const virCapsHostMonitor *monitor)
{
    size_t i;

    if (!monitor || monitor->nfeatures == 0)
        return;
    virBufferAddLit(buf, "<monitor ");
    if (monitor->cacheLevel)
        virBufferAsprintf(buf, "level='%u' reuseThreshold='%u' ",
                          monitor->level, monitor->reuseThreshold);
    virBufferAsprintf(buf, "maxMonitors='%u'>\n", monitor->maxMonitors);
    for (i = 0; i < monitor->nfeatures; i++)
        virBufferEscapeString(buf, "  <feature name='%s'/>\n", monitor->features[i]);
    virBufferAddLit(buf, "</monitor>\n");
}


static void
virCapsHostCacheControlFormat(virBuffer *buf, const virCapsHostCacheControl *control)
{
    const char *unit;
    const char *min_unit;
    unsigned long long gran = virCapsFormatIntPretty(control->granularity, &unit);
    unsigned long long min = virCapsFormatIntPretty(control->min, &min_unit);

    /* the smaller unit of the two, when they differ */
    if (min) {
        unsigned long long gran_div = control->granularity / gran;
        unsigned long long min_div = control->min / min;

        if (min_div > gran_div) {
            min *= min_div / gran_div;
        } else if (min_div < gran_div) {
            unit = min_unit;
            gran *= gran_div / min_div;
        }
    }
    virBufferAsprintf(buf, "<control granularity='%llu'", gran);
    if (min)
        virBufferAsprintf(buf, " min='%llu'", min);
    virBufferAsprintf(buf, " unit='%s' type='%s' maxAllocs='%u'/>\n", unit,
                      virCapsCacheTypeToString(control->scope), control->max_allocation);
}


static void
virCapsHostCacheFormat(virBuffer *buf, const virCapsHost *host)
{
    size_t i;
    size_t j;

    if (!host->nbanks && !host->cacheMonitor)
        return;
    virBufferAddLit(buf, "<cache>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < host->nbanks; i++) {
        const virCapsHostCacheBank *bank = &host->banks[i];
        g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
        const char *unit;
        unsigned long long size = virCapsFormatIntPretty(bank->size, &unit);

        virBufferAsprintf(&attrBuf,
                          " id='%u' level='%u' type='%s' size='%llu' unit='%s' cpus='%s'",
                          bank->id, bank->level, virCapsCacheTypeToString(bank->type),
                          size, unit, NULLSTR(bank->cpus));
        for (j = 0; j < bank->ncontrols; j++)
            virCapsHostCacheControlFormat(&childBuf, &bank->controls[j]);
        virBufferFormatElement(buf, "bank", &attrBuf, &childBuf);
    }
    virCapsHostMonitorFormat(buf, host->cacheMonitor);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cache>\n");
}


static void
virCapsHostMemBWFormat(virBuffer *buf, const virCapsHost *host)
{
    size_t i;

    if (!host->nmemBWNodes && !host->memBWMonitor)
        return;
    virBufferAddLit(buf, "<memory_bandwidth>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < host->nmemBWNodes; i++) {
        const virCapsHostMemBWNode *node = &host->memBWNodes[i];

        virBufferAsprintf(buf, "<node id='%u' cpus='%s'>\n", node->id, NULLSTR(node->cpus));
        virBufferAsprintf(buf, "  <control granularity='%u' min='%u' maxAllocs='%u'/>\n",
                          node->granularity, node->min, node->maxAllocs);
        virBufferAddLit(buf, "</node>\n");
    }
    virCapsHostMonitorFormat(buf, host->memBWMonitor);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</memory_bandwidth>\n");
}


static void
virCapsHostFormat(virBuffer *buf, const virCapsHost *host)
{
    size_t i;
    size_t j;

    if (!host->hasUUID && !host->arch && !host->powerMgmt && !host->iommu)
        return;
    virBufferAddLit(buf, "<host>\n");
    virBufferAdjustIndent(buf, 2);
    if (host->hasUUID) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        virUUIDFormat(host->uuid, uuid);
        virBufferAsprintf(buf, "<uuid>%s</uuid>\n", uuid);
    }
    virBufferAddLit(buf, "<cpu>\n");
    virBufferAdjustIndent(buf, 2);
    if (host->arch)
        virBufferAsprintf(buf, "<arch>%s</arch>\n", virDomainArchTypeToString(host->arch));
    if (host->nfeatures) {
        virBufferAddLit(buf, "<features>\n");
        for (i = 0; i < host->nfeatures; i++)
            virBufferAsprintf(buf, "  <%s/>\n", host->features[i]);
        virBufferAddLit(buf, "</features>\n");
    }
    virCapsHostCPUFormat(buf, host->cpu);
    for (i = 0; i < host->nPagesSize; i++)
        virBufferAsprintf(buf, "<pages unit='KiB' size='%u'/>\n", host->pagesSize[i]);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cpu>\n");

    if (host->powerMgmt) {
        virBufferAddLit(buf, "<power_management>\n");
        for (i = 0; i < VIR_CAPS_HOST_PM_LAST; i++) {
            if (host->powerMgmt & (1U << i))
                virBufferAsprintf(buf, "  <%s/>\n", virCapsHostPMTargetTypeToString(i));
        }
        virBufferAddLit(buf, "</power_management>\n");
    } else {
        virBufferAddLit(buf, "<power_management/>\n");
    }
    virBufferAsprintf(buf, "<iommu support='%s'/>\n", host->iommu ? "yes" : "no");

    if (host->offlineMigrate) {
        virBufferAddLit(buf, "<migration_features>\n");
        virBufferAdjustIndent(buf, 2);
        if (host->liveMigrate)
            virBufferAddLit(buf, "<live/>\n");
        if (host->nmigrateTrans) {
            virBufferAddLit(buf, "<uri_transports>\n");
            for (i = 0; i < host->nmigrateTrans; i++)
                virBufferEscapeString(buf, "  <uri_transport>%s</uri_transport>\n",
                                      host->migrateTrans[i]);
            virBufferAddLit(buf, "</uri_transports>\n");
        }
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</migration_features>\n");
    }
    virBufferEscapeString(buf, "<netprefix>%s</netprefix>\n", host->netprefix);

    virCapsHostNUMAFormat(buf, host);
    virCapsHostCacheFormat(buf, host);
    virCapsHostMemBWFormat(buf, host);

    for (i = 0; i < host->nsecModels; i++) {
        const virCapsHostSecModel *sec = &host->secModels[i];

        virBufferAddLit(buf, "<secmodel>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<model>%s</model>\n", sec->model);
        virBufferEscapeString(buf, "<doi>%s</doi>\n", sec->doi);
        for (j = 0; j < sec->nlabels; j++) {
            virBufferEscapeString(buf, "<baselabel type='%s'", sec->labels[j].type);
            virBufferEscapeString(buf, ">%s</baselabel>\n", sec->labels[j].label);
        }
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</secmodel>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</host>\n\n");
}


static void
virCapsGuestMachinesFormat(virBuffer *buf, const virCapsGuestDomainInfo *info,
                           bool withDeprecated)
{
    size_t i;

    virBufferEscapeString(buf, "<emulator>%s</emulator>\n", info->emulator);
    virBufferEscapeString(buf, "<loader>%s</loader>\n", info->loader);
    for (i = 0; i < info->nmachines; i++) {
        const virCapsGuestMachine *machine = &info->machines[i];

        virBufferAddLit(buf, "<machine");
        virBufferEscapeString(buf, " canonical='%s'", machine->canonical);
        if (machine->maxCpus > 0)
            virBufferAsprintf(buf, " maxCpus='%d'", machine->maxCpus);
        if (withDeprecated && machine->deprecated)
            virBufferAddLit(buf, " deprecated='yes'");
        virBufferEscapeString(buf, ">%s</machine>\n", machine->name);
    }
}


static void
virCapsGuestFeaturesFormat(virBuffer *buf, const virCapsGuest *guest)
{
    g_auto(virBuffer) featBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < VIR_CAPS_GUEST_FEATURE_TYPE_LAST; i++) {
        const virCapsGuestFeature *feature = &guest->features[i];

        if (!feature->present)
            continue;
        virBufferAsprintf(&featBuf, "<%s", guestFeatureInfo[i].name);
        if (feature->defaultOn)
            virBufferAsprintf(&featBuf, " default='%s'",
                              virTristateSwitchTypeToString(feature->defaultOn));
        if (feature->toggle)
            virBufferAsprintf(&featBuf, " toggle='%s'",
                              virTristateBoolTypeToString(feature->toggle));
        virBufferAddLit(&featBuf, "/>\n");
    }
    virBufferFormatElement(buf, "features", NULL, &featBuf);
}


static void
virCapsGuestFormat(virBuffer *buf, const virCapsGuest *guest)
{
    size_t i;

    virBufferAddLit(buf, "<guest>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<os_type>%s</os_type>\n", virDomainOSTypeToString(guest->ostype));
    if (guest->arch)
        virBufferAsprintf(buf, "<arch name='%s'>\n", virDomainArchTypeToString(guest->arch));
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<wordsize>%d</wordsize>\n", guest->wordsize);
    virCapsGuestMachinesFormat(buf, &guest->defaultInfo, true);
    for (i = 0; i < guest->ndomains; i++) {
        const virCapsGuestDomain *dom = &guest->domains[i];

        virBufferAsprintf(buf, "<domain type='%s'", virDomainVirtTypeToString(dom->type));
        if (!dom->info.emulator && !dom->info.loader && !dom->info.nmachines) {
            virBufferAddLit(buf, "/>\n");
            continue;
        }
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        virCapsGuestMachinesFormat(buf, &dom->info, false);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</domain>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</arch>\n");

    virCapsGuestFeaturesFormat(buf, guest);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</guest>\n\n");
}


char *
virCapabilitiesFormatXML(const virCaps *caps)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    size_t i;

    virBufferAddLit(&buf, "<capabilities>\n\n");
    virBufferAdjustIndent(&buf, 2);
    virCapsHostFormat(&buf, &caps->host);
    for (i = 0; i < caps->nguests; i++)
        virCapsGuestFormat(&buf, &caps->guests[i]);
    if (caps->npools) {
        virBufferAddLit(&buf, "<pool>\n");
        virBufferAddLit(&buf, "  <enum name='type'>\n");
        for (i = 0; i < caps->npools; i++)
            virBufferAsprintf(&buf, "    <value>%s</value>\n",
                              virStoragePoolTypeToString(caps->pools[i]));
        virBufferAddLit(&buf, "  </enum>\n");
        virBufferAddLit(&buf, "</pool>\n\n");
    }
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</capabilities>\n");
    return virBufferContentAndReset(&buf);
}


/* ------------------------------------------------------------------ */
/* TEST ONLY.  libvirt never parses <capabilities>: drivers fill virCaps.
 * This reader fills it from a document so that the xml2xml category can
 * check the formatter byte for byte (read, then format, must give the
 * input back).  Nothing else may call it. */

/* The nodes @xpath selects (*n of them; none on an XPath error) */
static xmlNodePtr *
virCapsReadNodes(xmlXPathContextPtr ctxt, const char *xpath, size_t *n)
{
    xmlNodePtr *nodes = NULL;
    int count = virXPathNodeSet(xpath, ctxt, &nodes);

    *n = count > 0 ? count : 0;
    return nodes;
}


static char **
virCapsReadStrings(xmlXPathContextPtr ctxt, const char *xpath, size_t *n)
{
    g_autofree xmlNodePtr *nodes = virCapsReadNodes(ctxt, xpath, n);
    char **strs = g_new0(char *, *n + 1);
    size_t i;

    for (i = 0; i < *n; i++)
        strs[i] = virXMLNodeContentString(nodes[i]);
    return strs;
}


/* A canonical bitmap string, or NULL with an error */
static char *
virCapsReadBitmap(xmlNodePtr node, const char *name)
{
    g_autofree char *str = virXMLPropStringRequired(node, name);
    char *ret;

    if (!str)
        return NULL;
    if (!(ret = virDomainBitmapCanonical(str, false)))
        virReportError(VIR_ERR_XML_ERROR, "invalid cpu list '%s'", str);
    return ret;
}


/* value + unit as bytes */
static int
virCapsReadScaled(xmlNodePtr node, const char *attr, const char *unitAttr,
                  unsigned long long *bytes)
{
    static const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    g_autofree char *unit = virXMLPropString(node, unitAttr);
    size_t i;

    if (virXMLPropULongLong(node, attr, 10, VIR_XML_PROP_NONE, bytes) < 0)
        return -1;
    for (i = 0; i < G_N_ELEMENTS(units); i++) {
        if (STREQ_NULLABLE(unit, units[i]))
            return 0;
        *bytes *= 1024;
    }
    virReportError(VIR_ERR_XML_ERROR, "unknown unit '%s'", NULLSTR(unit));
    return -1;
}


static int
virCapsReadHostCPU(xmlXPathContextPtr ctxt, virCapsHost *host)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *arch = virXPathString("string(./arch)", ctxt);
    virCapsHostCPU *cpu;
    xmlNodePtr node;
    size_t n;
    size_t i;

    if (arch && (host->arch = virDomainArchTypeFromString(arch)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown arch '%s'", arch);
        return -1;
    }
    nodes = virCapsReadNodes(ctxt, "./features/*", &host->nfeatures);
    host->features = g_new0(char *, host->nfeatures + 1);
    for (i = 0; i < host->nfeatures; i++)
        host->features[i] = g_strdup((const char *)nodes[i]->name);
    g_clear_pointer(&nodes, g_free);

    nodes = virCapsReadNodes(ctxt, "./pages", &host->nPagesSize);
    host->pagesSize = g_new0(unsigned int, host->nPagesSize);
    for (i = 0; i < host->nPagesSize; i++) {
        if (virXMLPropUInt(nodes[i], "size", 10, VIR_XML_PROP_REQUIRED,
                           &host->pagesSize[i]) < 0)
            return -1;
    }
    g_clear_pointer(&nodes, g_free);

    if (!virXPathNode("./model|./vendor|./microcode|./signature|./counter|"
                      "./topology|./maxphysaddr|./feature", ctxt))
        return 0;
    cpu = host->cpu = g_new0(virCapsHostCPU, 1);
    cpu->model = virXPathString("string(./model)", ctxt);
    cpu->vendor = virXPathString("string(./vendor)", ctxt);
    cpu->maxphysaddrMode = -1;
    cpu->maxphysaddrBits = -1;
    if ((node = virXPathNode("./microcode", ctxt)) &&
        virXMLPropUInt(node, "version", 10, VIR_XML_PROP_REQUIRED, &cpu->microcode) < 0)
        return -1;
    if ((node = virXPathNode("./signature", ctxt)) &&
        (virXMLPropUInt(node, "family", 10, VIR_XML_PROP_REQUIRED, &cpu->sigFamily) < 0 ||
         virXMLPropUInt(node, "model", 10, VIR_XML_PROP_REQUIRED, &cpu->sigModel) < 0 ||
         virXMLPropUInt(node, "stepping", 10, VIR_XML_PROP_REQUIRED, &cpu->sigStepping) < 0))
        return -1;
    if ((node = virXPathNode("./counter[@name='tsc']", ctxt)) &&
        (virXMLPropULongLong(node, "frequency", 10, VIR_XML_PROP_REQUIRED,
                             &cpu->tscFrequency) < 0 ||
         virXMLPropTristateBool(node, "scaling", VIR_XML_PROP_NONE, &cpu->tscScaling) < 0))
        return -1;
    if ((node = virXPathNode("./topology", ctxt))) {
        int rc;

        if (virXMLPropUInt(node, "sockets", 10, VIR_XML_PROP_NONE, &cpu->sockets) < 0 ||
            (rc = virXMLPropUInt(node, "dies", 10, VIR_XML_PROP_NONE, &cpu->dies)) < 0 ||
            virXMLPropUInt(node, "cores", 10, VIR_XML_PROP_NONE, &cpu->cores) < 0 ||
            virXMLPropUInt(node, "threads", 10, VIR_XML_PROP_NONE, &cpu->threads) < 0)
            return -1;
        /* a topology without dies has one, as libvirt reads it */
        if (rc == 0)
            cpu->dies = 1;
    }
    if ((node = virXPathNode("./maxphysaddr", ctxt))) {
        unsigned int mode;

        if (virXMLPropEnum(node, "mode", virDomainCPUMaxPhysAddrModeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &mode) < 0 ||
            virXMLPropInt(node, "bits", 10, VIR_XML_PROP_NONNEGATIVE,
                          &cpu->maxphysaddrBits, -1) < 0)
            return -1;
        cpu->maxphysaddrMode = mode;
    }
    nodes = virCapsReadNodes(ctxt, "./feature", &n);
    cpu->features = g_new0(virCapsHostCPUFeature, n);
    cpu->nfeatures = n;
    for (i = 0; i < n; i++) {
        if (!(cpu->features[i].name = virXMLPropStringRequired(nodes[i], "name")))
            return -1;
    }
    return 0;
}


static int
virCapsReadNUMACell(xmlXPathContextPtr ctxt, virCapsHostNUMACell *cell)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;

    if (virXMLPropInt(ctxt->node, "id", 10, VIR_XML_PROP_REQUIRED, &cell->num, 0) < 0)
        return -1;
    if (virXPathNode("./memory", ctxt) &&
        virXPathULongLong("string(./memory)", ctxt, &cell->mem) < 0)
        return -1;

    nodes = virCapsReadNodes(ctxt, "./pages", &cell->npageinfo);
    cell->pageinfo = g_new0(virCapsHostPage, cell->npageinfo);
    for (i = 0; i < cell->npageinfo; i++) {
        g_autofree char *avail = virXMLNodeContentString(nodes[i]);

        if (virXMLPropUInt(nodes[i], "size", 10, VIR_XML_PROP_REQUIRED,
                           &cell->pageinfo[i].size) < 0 ||
            !avail || virStrToLong_ull(avail, NULL, 10, &cell->pageinfo[i].avail) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "invalid <pages>");
            return -1;
        }
    }
    g_clear_pointer(&nodes, g_free);

    nodes = virCapsReadNodes(ctxt, "./distances/sibling", &cell->ndistances);
    cell->distances = g_new0(virCapsHostNUMADistance, cell->ndistances);
    for (i = 0; i < cell->ndistances; i++) {
        if (virXMLPropInt(nodes[i], "id", 10, VIR_XML_PROP_REQUIRED,
                          &cell->distances[i].cellid, 0) < 0 ||
            virXMLPropInt(nodes[i], "value", 10, VIR_XML_PROP_REQUIRED,
                          &cell->distances[i].value, 0) < 0)
            return -1;
    }
    g_clear_pointer(&nodes, g_free);

    nodes = virCapsReadNodes(ctxt, "./cache", &cell->ncaches);
    cell->caches = g_new0(virCapsHostNUMACache, cell->ncaches);
    for (i = 0; i < cell->ncaches; i++) {
        virCapsHostNUMACache *cache = &cell->caches[i];
        xmlNodePtr size = virXMLNodeGetSubelement(nodes[i], "size");
        xmlNodePtr line = virXMLNodeGetSubelement(nodes[i], "line");
        unsigned int assoc = 0;
        unsigned int policy = 0;
        unsigned long long bytes = 0;

        if (virXMLPropUInt(nodes[i], "level", 10, VIR_XML_PROP_REQUIRED, &cache->level) < 0 ||
            virXMLPropEnum(nodes[i], "associativity",
                           virDomainNumaCacheAssociativityTypeFromString,
                           VIR_XML_PROP_NONE, &assoc) < 0 ||
            virXMLPropEnum(nodes[i], "policy", virDomainNumaCachePolicyTypeFromString,
                           VIR_XML_PROP_NONE, &policy) < 0 ||
            (size && virCapsReadScaled(size, "value", "unit", &bytes) < 0) ||
            (line && virXMLPropUInt(line, "value", 10, VIR_XML_PROP_NONE, &cache->line) < 0))
            return -1;
        cache->associativity = assoc;
        cache->policy = policy;
        cache->size = bytes / 1024;
    }
    g_clear_pointer(&nodes, g_free);

    nodes = virCapsReadNodes(ctxt, "./cpus/cpu", &cell->ncpus);
    cell->cpus = g_new0(virCapsHostNUMACellCPU, cell->ncpus);
    for (i = 0; i < cell->ncpus; i++) {
        virCapsHostNUMACellCPU *cpu = &cell->cpus[i];

        if (virXMLPropInt(nodes[i], "id", 10, VIR_XML_PROP_REQUIRED, &cpu->id, 0) < 0)
            return -1;
        if (!xmlHasProp(nodes[i], BAD_CAST "siblings"))
            continue;
        cpu->hasTopology = true;
        if (virXMLPropInt(nodes[i], "socket_id", 10, VIR_XML_PROP_NONE,
                          &cpu->socket_id, 0) < 0 ||
            virXMLPropInt(nodes[i], "die_id", 10, VIR_XML_PROP_NONE, &cpu->die_id, 0) < 0 ||
            virXMLPropInt(nodes[i], "core_id", 10, VIR_XML_PROP_NONE, &cpu->core_id, 0) < 0 ||
            !(cpu->siblings = virCapsReadBitmap(nodes[i], "siblings")))
            return -1;
    }
    return 0;
}


static int
virCapsReadNUMA(xmlXPathContextPtr ctxt, virCapsHost *host)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr hostNode = ctxt->node;
    size_t i;

    if (!virXPathNode("./topology", ctxt))
        return 0;
    host->hasNUMA = true;
    nodes = virCapsReadNodes(ctxt, "./topology/cells/cell", &host->ncells);
    host->cells = g_new0(virCapsHostNUMACell, host->ncells);
    for (i = 0; i < host->ncells; i++) {
        ctxt->node = nodes[i];
        if (virCapsReadNUMACell(ctxt, &host->cells[i]) < 0)
            return -1;
    }
    ctxt->node = hostNode;
    g_clear_pointer(&nodes, g_free);

    nodes = virCapsReadNodes(ctxt, "./topology/interconnects/*", &host->ninterconnects);
    host->interconnects = g_new0(virCapsHostNUMAInterconnect, host->ninterconnects);
    for (i = 0; i < host->ninterconnects; i++) {
        virCapsHostNUMAInterconnect *l = &host->interconnects[i];
        g_autofree char *value = virXMLPropStringRequired(nodes[i], "value");
        unsigned int type;

        l->bandwidth = virXMLNodeNameEqual(nodes[i], "bandwidth");
        if (virXMLPropUInt(nodes[i], "initiator", 10, VIR_XML_PROP_REQUIRED,
                           &l->initiator) < 0 ||
            virXMLPropUInt(nodes[i], "target", 10, VIR_XML_PROP_REQUIRED, &l->target) < 0 ||
            virXMLPropUInt(nodes[i], "cache", 10, VIR_XML_PROP_NONE, &l->cache) < 0 ||
            virXMLPropEnum(nodes[i], "type", virDomainMemoryLatencyTypeFromString,
                           VIR_XML_PROP_REQUIRED, &type) < 0 ||
            !value || virStrToLong_ul(value, NULL, 10, &l->value) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "invalid interconnect");
            return -1;
        }
        l->accessType = type;
    }
    return 0;
}


static virCapsHostMonitor *
virCapsReadMonitor(xmlXPathContextPtr ctxt, const char *xpath)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    virCapsHostMonitor *monitor;

    if (!(ctxt->node = virXPathNode(xpath, ctxt)))
        return NULL;
    monitor = g_new0(virCapsHostMonitor, 1);
    monitor->cacheLevel = xmlHasProp(ctxt->node, BAD_CAST "level") != NULL;
    ignore_value(virXMLPropUInt(ctxt->node, "level", 10, VIR_XML_PROP_NONE,
                                &monitor->level));
    ignore_value(virXMLPropUInt(ctxt->node, "reuseThreshold", 10, VIR_XML_PROP_NONE,
                                &monitor->reuseThreshold));
    ignore_value(virXMLPropUInt(ctxt->node, "maxMonitors", 10, VIR_XML_PROP_NONE,
                                &monitor->maxMonitors));
    {
        g_autofree xmlNodePtr *nodes = virCapsReadNodes(ctxt, "./feature",
                                                        &monitor->nfeatures);
        size_t i;

        monitor->features = g_new0(char *, monitor->nfeatures + 1);
        for (i = 0; i < monitor->nfeatures; i++)
            monitor->features[i] = virXMLPropString(nodes[i], "name");
    }
    return monitor;
}


static int
virCapsReadCache(xmlXPathContextPtr ctxt, virCapsHost *host)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr hostNode = ctxt->node;
    size_t i;
    size_t j;

    nodes = virCapsReadNodes(ctxt, "./cache/bank", &host->nbanks);
    host->banks = g_new0(virCapsHostCacheBank, host->nbanks);
    for (i = 0; i < host->nbanks; i++) {
        virCapsHostCacheBank *bank = &host->banks[i];
        g_autofree xmlNodePtr *controls = NULL;
        unsigned int type;

        if (virXMLPropUInt(nodes[i], "id", 10, VIR_XML_PROP_REQUIRED, &bank->id) < 0 ||
            virXMLPropUInt(nodes[i], "level", 10, VIR_XML_PROP_REQUIRED, &bank->level) < 0 ||
            virXMLPropEnum(nodes[i], "type", virCapsCacheTypeFromString,
                           VIR_XML_PROP_REQUIRED, &type) < 0 ||
            virCapsReadScaled(nodes[i], "size", "unit", &bank->size) < 0 ||
            !(bank->cpus = virCapsReadBitmap(nodes[i], "cpus")))
            return -1;
        bank->type = type;
        ctxt->node = nodes[i];
        controls = virCapsReadNodes(ctxt, "./control", &bank->ncontrols);
        bank->controls = g_new0(virCapsHostCacheControl, bank->ncontrols);
        for (j = 0; j < bank->ncontrols; j++) {
            virCapsHostCacheControl *control = &bank->controls[j];

            if (virCapsReadScaled(controls[j], "granularity", "unit",
                                  &control->granularity) < 0 ||
                virCapsReadScaled(controls[j], "min", "unit", &control->min) < 0 ||
                virXMLPropEnum(controls[j], "type", virCapsCacheTypeFromString,
                               VIR_XML_PROP_REQUIRED, &type) < 0 ||
                virXMLPropUInt(controls[j], "maxAllocs", 10, VIR_XML_PROP_REQUIRED,
                               &control->max_allocation) < 0)
                return -1;
            control->scope = type;
        }
    }
    ctxt->node = hostNode;
    host->cacheMonitor = virCapsReadMonitor(ctxt, "./cache/monitor");
    g_clear_pointer(&nodes, g_free);

    nodes = virCapsReadNodes(ctxt, "./memory_bandwidth/node", &host->nmemBWNodes);
    host->memBWNodes = g_new0(virCapsHostMemBWNode, host->nmemBWNodes);
    for (i = 0; i < host->nmemBWNodes; i++) {
        virCapsHostMemBWNode *node = &host->memBWNodes[i];
        xmlNodePtr control = virXMLNodeGetSubelement(nodes[i], "control");

        if (virXMLPropUInt(nodes[i], "id", 10, VIR_XML_PROP_REQUIRED, &node->id) < 0 ||
            !(node->cpus = virCapsReadBitmap(nodes[i], "cpus")))
            return -1;
        if (control &&
            (virXMLPropUInt(control, "granularity", 10, VIR_XML_PROP_NONE,
                            &node->granularity) < 0 ||
             virXMLPropUInt(control, "min", 10, VIR_XML_PROP_NONE, &node->min) < 0 ||
             virXMLPropUInt(control, "maxAllocs", 10, VIR_XML_PROP_NONE,
                            &node->maxAllocs) < 0))
            return -1;
    }
    host->memBWMonitor = virCapsReadMonitor(ctxt, "./memory_bandwidth/monitor");
    return 0;
}


static int
virCapsReadHost(xmlXPathContextPtr ctxt, virCapsHost *host)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *uuid = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;

    if (!(ctxt->node = virXPathNode("./host", ctxt)))
        return 0;
    if ((uuid = virXPathString("string(./uuid)", ctxt))) {
        if (virUUIDParse(uuid, host->uuid) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "malformed uuid '%s'", uuid);
            return -1;
        }
        host->hasUUID = true;
    }
    if (virXPathNode("./cpu", ctxt)) {
        xmlNodePtr save = ctxt->node;

        ctxt->node = virXPathNode("./cpu", ctxt);
        if (virCapsReadHostCPU(ctxt, host) < 0)
            return -1;
        ctxt->node = save;
    }
    for (i = 0; i < VIR_CAPS_HOST_PM_LAST; i++) {
        g_autofree char *xpath = g_strdup_printf("./power_management/%s",
                                                 virCapsHostPMTargetTypeToString(i));

        if (virXPathNode(xpath, ctxt))
            host->powerMgmt |= 1U << i;
    }
    host->iommu = virXPathBoolean("./iommu/@support = 'yes'", ctxt) == 1;
    if (virXPathNode("./migration_features", ctxt)) {
        host->offlineMigrate = true;
        host->liveMigrate = virXPathNode("./migration_features/live", ctxt) != NULL;
        host->migrateTrans = virCapsReadStrings(ctxt,
                                                "./migration_features/uri_transports/uri_transport",
                                                &host->nmigrateTrans);
    }
    host->netprefix = virXPathString("string(./netprefix)", ctxt);
    if (virCapsReadNUMA(ctxt, host) < 0 ||
        virCapsReadCache(ctxt, host) < 0)
        return -1;

    nodes = virCapsReadNodes(ctxt, "./secmodel", &host->nsecModels);
    host->secModels = g_new0(virCapsHostSecModel, host->nsecModels);
    for (i = 0; i < host->nsecModels; i++) {
        virCapsHostSecModel *sec = &host->secModels[i];
        g_autofree xmlNodePtr *labels = NULL;
        size_t j;

        ctxt->node = nodes[i];
        sec->model = virXPathString("string(./model)", ctxt);
        sec->doi = virXPathString("string(./doi)", ctxt);
        labels = virCapsReadNodes(ctxt, "./baselabel", &sec->nlabels);
        sec->labels = g_new0(virCapsHostSecModelLabel, sec->nlabels);
        for (j = 0; j < sec->nlabels; j++) {
            sec->labels[j].type = virXMLPropString(labels[j], "type");
            sec->labels[j].label = virXMLNodeContentString(labels[j]);
        }
    }
    return 0;
}


static int
virCapsReadMachines(xmlXPathContextPtr ctxt, virCapsGuestDomainInfo *info)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;

    info->emulator = virXPathString("string(./emulator)", ctxt);
    info->loader = virXPathString("string(./loader)", ctxt);
    nodes = virCapsReadNodes(ctxt, "./machine", &info->nmachines);
    info->machines = g_new0(virCapsGuestMachine, info->nmachines);
    for (i = 0; i < info->nmachines; i++) {
        virCapsGuestMachine *machine = &info->machines[i];
        virTristateBool deprecated = VIR_TRISTATE_BOOL_ABSENT;

        machine->name = virXMLNodeContentString(nodes[i]);
        machine->canonical = virXMLPropString(nodes[i], "canonical");
        if (virXMLPropInt(nodes[i], "maxCpus", 10, VIR_XML_PROP_NONE,
                          &machine->maxCpus, 0) < 0 ||
            virXMLPropTristateBool(nodes[i], "deprecated", VIR_XML_PROP_NONE,
                                   &deprecated) < 0)
            return -1;
        machine->deprecated = deprecated == VIR_TRISTATE_BOOL_YES;
    }
    return 0;
}


static int
virCapsReadGuest(xmlXPathContextPtr ctxt, virCapsGuest *guest)
{
    g_autofree char *ostype = virXPathString("string(./os_type)", ctxt);
    g_autofree char *arch = virXPathString("string(./arch/@name)", ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr archNode;
    size_t i;

    if ((guest->ostype = virDomainOSTypeFromString(NULLSTR(ostype))) < 0 ||
        (arch && (guest->arch = virDomainArchTypeFromString(arch)) <= 0)) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "unknown os_type or arch");
        return -1;
    }
    for (i = 0; i < VIR_CAPS_GUEST_FEATURE_TYPE_LAST; i++) {
        g_autofree char *xpath = g_strdup_printf("./features/%s", guestFeatureInfo[i].name);
        xmlNodePtr node = virXPathNode(xpath, ctxt);

        if (!node)
            continue;
        guest->features[i].present = true;
        if (virXMLPropTristateSwitch(node, "default", VIR_XML_PROP_NONE,
                                     &guest->features[i].defaultOn) < 0 ||
            virXMLPropTristateBool(node, "toggle", VIR_XML_PROP_NONE,
                                   &guest->features[i].toggle) < 0)
            return -1;
    }
    if (!(archNode = virXPathNode("./arch", ctxt)))
        return 0;
    ctxt->node = archNode;
    if (virXPathInt("string(./wordsize)", ctxt, &guest->wordsize) < -1 ||
        virCapsReadMachines(ctxt, &guest->defaultInfo) < 0)
        return -1;
    nodes = virCapsReadNodes(ctxt, "./domain", &guest->ndomains);
    guest->domains = g_new0(virCapsGuestDomain, guest->ndomains);
    for (i = 0; i < guest->ndomains; i++) {
        unsigned int type;

        if (virXMLPropEnum(nodes[i], "type", virDomainVirtTypeFromString,
                           VIR_XML_PROP_REQUIRED, &type) < 0)
            return -1;
        guest->domains[i].type = type;
        ctxt->node = nodes[i];
        if (virCapsReadMachines(ctxt, &guest->domains[i].info) < 0)
            return -1;
    }
    return 0;
}


static virCaps *
virCapsReadXML(xmlXPathContextPtr ctxt)
{
    g_autoptr(virCaps) caps = g_new0(virCaps, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    g_auto(GStrv) pools = NULL;
    xmlNodePtr root = ctxt->node;
    size_t i;

    if (virCapsReadHost(ctxt, &caps->host) < 0)
        return NULL;
    nodes = virCapsReadNodes(ctxt, "./guest", &caps->nguests);
    caps->guests = g_new0(virCapsGuest, caps->nguests);
    for (i = 0; i < caps->nguests; i++) {
        ctxt->node = nodes[i];
        if (virCapsReadGuest(ctxt, &caps->guests[i]) < 0)
            return NULL;
    }
    ctxt->node = root;
    pools = virCapsReadStrings(ctxt, "./pool/enum[@name='type']/value", &caps->npools);
    caps->pools = g_new0(int, caps->npools);
    for (i = 0; i < caps->npools; i++) {
        if ((caps->pools[i] = virStoragePoolTypeFromString(pools[i])) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown pool type '%s'", pools[i]);
            return NULL;
        }
    }
    return g_steal_pointer(&caps);
}


static char *
capabilitiesRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(virCaps) caps = NULL;

    if (!(doc = virXMLParse(NULL, xml, "(capabilities)", "capabilities", &ctxt)) ||
        !(caps = virCapsReadXML(ctxt)))
        return NULL;
    return virCapabilitiesFormatXML(caps);
}

const virXMLCategory virCapabilitiesXMLCategory = { "capabilities", capabilitiesRoundtrip };
