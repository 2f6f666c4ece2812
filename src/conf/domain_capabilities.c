/*
 * domain_capabilities.c: format <domainCapabilities> (what libvirt's
 * virDomainCapsFormat prints), plus a test-only reader at the end.
 */
#include "internal.h"
#include "conf/domain_capabilities.h"
#include "conf/virxmlcategory.h"
#include "util/virbuffer.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_CAPABILITIES

VIR_ENUM_IMPL(virDomainCapsCPUUsable, VIR_DOMCAPS_CPU_USABLE_LAST,
              "unknown", "yes", "no");
VIR_ENUM_IMPL(virDomainCapsFeature, VIR_DOMAIN_CAPS_FEATURE_LAST,
              "iothreads", "vmcoreinfo", "genid", "backingStoreInput", "backup",
              "s390-pv");

/* The value tables, defined with the domain XML in conf/domain/ */
VIR_ENUM_DECL(virDomainArch);
VIR_ENUM_DECL(virDomainOsDefFirmware);
VIR_ENUM_DECL(virDomainLoader);
VIR_ENUM_DECL(virDomainCPUFallback);
VIR_ENUM_DECL(virDomainMemorySource);
VIR_ENUM_DECL(virDomainDiskDevice);
VIR_ENUM_DECL(virDomainDiskBus);
VIR_ENUM_DECL(virDomainDiskModel);
VIR_ENUM_DECL(virDomainGraphics);
VIR_ENUM_DECL(virDomainVideo);
VIR_ENUM_DECL(virDomainHostdevMode);
VIR_ENUM_DECL(virDomainStartupPolicy);
VIR_ENUM_DECL(virDomainHostdevSubsys);
VIR_ENUM_DECL(virDomainHostdevCaps);
VIR_ENUM_DECL(virDomainHostdevPCIBackend);
VIR_ENUM_DECL(virDomainRNGModel);
VIR_ENUM_DECL(virDomainRNGBackend);
VIR_ENUM_DECL(virDomainFSDriver);
VIR_ENUM_DECL(virDomainTPMModel);
VIR_ENUM_DECL(virDomainTPMBackend);
VIR_ENUM_DECL(virDomainTPMVersion);
VIR_ENUM_DECL(virDomainRedirdevBus);
VIR_ENUM_DECL(virDomainGICVersion);
VIR_ENUM_DECL(virDomainHyperv);
VIR_ENUM_DECL(virDomainVirt);
VIR_ENUM_DECL(virDomainChr);

typedef struct {
    const char *name;
    const char *(*toString)(int value);
    int (*fromString)(const char *name);
} virDomainCapsEnumInfo;

#define ENUM_INFO(name, table) { name, table ## TypeToString, table ## TypeFromString }

/* The generic elements in the order libvirt formats their enums */
static const struct {
    const char *element;
    virDomainCapsEnumInfo enums[5];
} deviceInfo[VIR_DOMAIN_CAPS_DEVICE_LAST] = {
    [VIR_DOMAIN_CAPS_MEMORY_BACKING] = { "memoryBacking", {
        ENUM_INFO("sourceType", virDomainMemorySource) } },
    [VIR_DOMAIN_CAPS_DISK] = { "disk", {
        ENUM_INFO("diskDevice", virDomainDiskDevice),
        ENUM_INFO("bus", virDomainDiskBus),
        ENUM_INFO("model", virDomainDiskModel) } },
    [VIR_DOMAIN_CAPS_GRAPHICS] = { "graphics", {
        ENUM_INFO("type", virDomainGraphics) } },
    [VIR_DOMAIN_CAPS_VIDEO] = { "video", {
        ENUM_INFO("modelType", virDomainVideo) } },
    [VIR_DOMAIN_CAPS_HOSTDEV] = { "hostdev", {
        ENUM_INFO("mode", virDomainHostdevMode),
        ENUM_INFO("startupPolicy", virDomainStartupPolicy),
        ENUM_INFO("subsysType", virDomainHostdevSubsys),
        ENUM_INFO("capsType", virDomainHostdevCaps),
        ENUM_INFO("pciBackend", virDomainHostdevPCIBackend) } },
    [VIR_DOMAIN_CAPS_RNG] = { "rng", {
        ENUM_INFO("model", virDomainRNGModel),
        ENUM_INFO("backendModel", virDomainRNGBackend) } },
    [VIR_DOMAIN_CAPS_FILESYSTEM] = { "filesystem", {
        ENUM_INFO("driverType", virDomainFSDriver) } },
    [VIR_DOMAIN_CAPS_TPM] = { "tpm", {
        ENUM_INFO("model", virDomainTPMModel),
        ENUM_INFO("backendModel", virDomainTPMBackend),
        ENUM_INFO("backendVersion", virDomainTPMVersion) } },
    [VIR_DOMAIN_CAPS_REDIRDEV] = { "redirdev", {
        ENUM_INFO("bus", virDomainRedirdevBus) } },
    [VIR_DOMAIN_CAPS_CHANNEL] = { "channel", {
        ENUM_INFO("type", virDomainChr) } },
    [VIR_DOMAIN_CAPS_GIC] = { "gic", {
        ENUM_INFO("version", virDomainGICVersion) } },
    [VIR_DOMAIN_CAPS_HYPERV] = { "hyperv", {
        ENUM_INFO("features", virDomainHyperv) } },
};

static const virDomainCapsEnumInfo loaderEnums[] = {
    ENUM_INFO("type", virDomainLoader),
    ENUM_INFO("readonly", virTristateBool),
    ENUM_INFO("secure", virTristateBool),
};
static const virDomainCapsEnumInfo firmwareEnum = ENUM_INFO("firmware", virDomainOsDefFirmware);
static const virDomainCapsEnumInfo hostPassthroughEnum =
    ENUM_INFO("hostPassthroughMigratable", virTristateSwitch);
static const virDomainCapsEnumInfo maximumEnum =
    ENUM_INFO("maximumMigratable", virTristateSwitch);


void
virDomainCapsFree(virDomainCaps *caps)
{
    size_t i;

    if (!caps)
        return;
    g_free(caps->path);
    g_free(caps->machine);
    for (i = 0; i < caps->os.loader.nvalues; i++)
        g_free(caps->os.loader.values[i]);
    g_free(caps->os.loader.values);
    if (caps->cpu.hostModel) {
        virDomainCapsCPUHostModel *host = caps->cpu.hostModel;

        g_free(host->model);
        g_free(host->vendor);
        for (i = 0; i < host->nfeatures; i++) {
            g_free(host->features[i].policy);
            g_free(host->features[i].name);
        }
        g_free(host->features);
        g_free(host);
    }
    for (i = 0; i < caps->cpu.nmodels; i++) {
        g_free(caps->cpu.models[i].name);
        g_free(caps->cpu.models[i].vendor);
    }
    g_free(caps->cpu.models);
    if (caps->sev)
        g_free(caps->sev->cpu0_id);
    g_free(caps->sev);
    if (caps->sgx)
        g_free(caps->sgx->sgxSections);
    g_free(caps->sgx);
    g_free(caps);
}


static void
virDomainCapsEnumFormat(virBuffer *buf, const virDomainCapsEnum *capsEnum,
                        const virDomainCapsEnumInfo *info)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (!capsEnum->report)
        return;
    virBufferAsprintf(&attrBuf, " name='%s'", info->name);
    for (i = 0; i < sizeof(capsEnum->values) * CHAR_BIT; i++) {
        const char *val;

        if ((capsEnum->values & (1ULL << i)) && (val = info->toString(i)))
            virBufferAsprintf(&childBuf, "<value>%s</value>\n", val);
    }
    virBufferFormatElement(buf, "enum", &attrBuf, &childBuf);
}


/* <name supported='no'/>, or "<name supported='yes'>" with the indent
 * raised (true: the caller formats the content and closes it) */
static bool
virDomainCapsFormatPrologue(virBuffer *buf, const char *name,
                            virTristateBool supported)
{
    if (supported == VIR_TRISTATE_BOOL_ABSENT)
        return false;
    if (supported == VIR_TRISTATE_BOOL_NO) {
        virBufferAsprintf(buf, "<%s supported='no'/>\n", name);
        return false;
    }
    virBufferAsprintf(buf, "<%s supported='yes'>\n", name);
    virBufferAdjustIndent(buf, 2);
    return true;
}


static void
virDomainCapsFormatEpilogue(virBuffer *buf, const char *name)
{
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", name);
}


static void
virDomainCapsDeviceFormat(virBuffer *buf, const virDomainCaps *caps,
                          virDomainCapsDeviceType type)
{
    const virDomainCapsDevice *dev = &caps->dev[type];
    size_t i;

    if (!virDomainCapsFormatPrologue(buf, deviceInfo[type].element, dev->supported))
        return;
    for (i = 0; i < G_N_ELEMENTS(dev->e) && deviceInfo[type].enums[i].name; i++)
        virDomainCapsEnumFormat(buf, &dev->e[i], &deviceInfo[type].enums[i]);
    virDomainCapsFormatEpilogue(buf, deviceInfo[type].element);
}


static void
virDomainCapsFeatureFormatSimple(virBuffer *buf, const char *name,
                                 virTristateBool supported)
{
    if (supported == VIR_TRISTATE_BOOL_ABSENT)
        return;
    virBufferAsprintf(buf, "<%s supported='%s'/>\n", name,
                      virTristateBoolTypeToString(supported));
}


static void
virDomainCapsOSFormat(virBuffer *buf, const virDomainCapsOS *os)
{
    const virDomainCapsLoader *loader = &os->loader;
    size_t i;

    if (!virDomainCapsFormatPrologue(buf, "os", os->supported))
        return;
    virDomainCapsEnumFormat(buf, &os->firmware, &firmwareEnum);
    if (virDomainCapsFormatPrologue(buf, "loader", loader->supported)) {
        for (i = 0; i < loader->nvalues; i++)
            virBufferEscapeString(buf, "<value>%s</value>\n", loader->values[i]);
        virDomainCapsEnumFormat(buf, &loader->type, &loaderEnums[0]);
        virDomainCapsEnumFormat(buf, &loader->readonly, &loaderEnums[1]);
        virDomainCapsEnumFormat(buf, &loader->secure, &loaderEnums[2]);
        virDomainCapsFormatEpilogue(buf, "loader");
    }
    virDomainCapsFormatEpilogue(buf, "os");
}


/* A mode with supported='yes|no' and, when supported, its one enum */
static void
virDomainCapsCPUModeFormat(virBuffer *buf, const char *name, bool supported,
                           const virDomainCapsEnum *migratable,
                           const virDomainCapsEnumInfo *info)
{
    virBufferAsprintf(buf, "<mode name='%s' supported='%s'", name,
                      supported ? "yes" : "no");
    if (!supported || !migratable->report) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virDomainCapsEnumFormat(buf, migratable, info);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</mode>\n");
}


static void
virDomainCapsCPUHostModelFormat(virBuffer *buf, const virDomainCapsCPUHostModel *host)
{
    size_t i;

    if (host->model) {
        virBufferAddLit(buf, "<model");
        if (host->fallback >= 0)
            virBufferAsprintf(buf, " fallback='%s'",
                              virDomainCPUFallbackTypeToString(host->fallback));
        virBufferEscapeString(buf, ">%s</model>\n", host->model);
    }
    virBufferEscapeString(buf, "<vendor>%s</vendor>\n", host->vendor);
    for (i = 0; i < host->nfeatures; i++) {
        virBufferEscapeString(buf, "<feature policy='%s'", host->features[i].policy);
        virBufferEscapeString(buf, " name='%s'/>\n", host->features[i].name);
    }
}


static void
virDomainCapsCPUFormat(virBuffer *buf, const virDomainCapsCPU *cpu)
{
    size_t i;

    virBufferAddLit(buf, "<cpu>\n");
    virBufferAdjustIndent(buf, 2);
    virDomainCapsCPUModeFormat(buf, "host-passthrough", cpu->hostPassthrough,
                               &cpu->hostPassthroughMigratable, &hostPassthroughEnum);
    virDomainCapsCPUModeFormat(buf, "maximum", cpu->maximum,
                               &cpu->maximumMigratable, &maximumEnum);

    if (cpu->hostModel) {
        virBufferAddLit(buf, "<mode name='host-model' supported='yes'>\n");
        virBufferAdjustIndent(buf, 2);
        virDomainCapsCPUHostModelFormat(buf, cpu->hostModel);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</mode>\n");
    } else {
        virBufferAddLit(buf, "<mode name='host-model' supported='no'/>\n");
    }

    if (cpu->nmodels) {
        virBufferAddLit(buf, "<mode name='custom' supported='yes'>\n");
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < cpu->nmodels; i++) {
            const virDomainCapsCPUModel *model = &cpu->models[i];

            virBufferAsprintf(buf, "<model usable='%s'",
                              virDomainCapsCPUUsableTypeToString(model->usable));
            if (model->deprecated)
                virBufferAddLit(buf, " deprecated='yes'");
            virBufferEscapeString(buf, " vendor='%s'",
                                  model->vendor ? model->vendor : "unknown");
            virBufferEscapeString(buf, ">%s</model>\n", model->name);
        }
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</mode>\n");
    } else {
        virBufferAddLit(buf, "<mode name='custom' supported='no'/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cpu>\n");
}


static void
virDomainCapsSEVFormat(virBuffer *buf, const virSEVCapability *sev)
{
    if (!sev) {
        virBufferAddLit(buf, "<sev supported='no'/>\n");
        return;
    }
    virBufferAddLit(buf, "<sev supported='yes'>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<cbitpos>%d</cbitpos>\n", sev->cbitpos);
    virBufferAsprintf(buf, "<reducedPhysBits>%d</reducedPhysBits>\n",
                      sev->reduced_phys_bits);
    virBufferAsprintf(buf, "<maxGuests>%d</maxGuests>\n", sev->max_guests);
    virBufferAsprintf(buf, "<maxESGuests>%d</maxESGuests>\n", sev->max_es_guests);
    virBufferEscapeString(buf, "<cpu0Id>%s</cpu0Id>\n", sev->cpu0_id);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</sev>\n");
}


static void
virDomainCapsSGXFormat(virBuffer *buf, const virSGXCapability *sgx)
{
    size_t i;

    if (!sgx) {
        virBufferAddLit(buf, "<sgx supported='no'/>\n");
        return;
    }
    virBufferAddLit(buf, "<sgx supported='yes'>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<flc>%s</flc>\n", sgx->flc ? "yes" : "no");
    virBufferAsprintf(buf, "<sgx1>%s</sgx1>\n", sgx->sgx1 ? "yes" : "no");
    virBufferAsprintf(buf, "<sgx2>%s</sgx2>\n", sgx->sgx2 ? "yes" : "no");
    virBufferAsprintf(buf, "<section_size unit='KiB'>%llu</section_size>\n",
                      sgx->section_size);
    if (sgx->nSgxSections > 0) {
        virBufferAddLit(buf, "<sections>\n");
        for (i = 0; i < sgx->nSgxSections; i++)
            virBufferAsprintf(buf, "  <section node='%d' size='%llu' unit='KiB'/>\n",
                              sgx->sgxSections[i].node, sgx->sgxSections[i].size);
        virBufferAddLit(buf, "</sections>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</sgx>\n");
}


static void
virDomainCapsFeaturesFormat(virBuffer *buf, const virDomainCaps *caps)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virDomainCapsDeviceFormat(&childBuf, caps, VIR_DOMAIN_CAPS_GIC);
    for (i = 0; i < VIR_DOMAIN_CAPS_FEATURE_LAST; i++) {
        if (i == VIR_DOMAIN_CAPS_FEATURE_IOTHREADS)
            continue;
        virDomainCapsFeatureFormatSimple(&childBuf, virDomainCapsFeatureTypeToString(i),
                                         caps->features[i]);
    }
    virDomainCapsSEVFormat(&childBuf, caps->sev);
    virDomainCapsSGXFormat(&childBuf, caps->sgx);
    virDomainCapsDeviceFormat(&childBuf, caps, VIR_DOMAIN_CAPS_HYPERV);
    virBufferFormatElement(buf, "features", NULL, &childBuf);
}


char *
virDomainCapsFormat(const virDomainCaps *caps)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    int i;

    virBufferAddLit(&buf, "<domainCapabilities>\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<path>%s</path>\n", caps->path);
    virBufferAsprintf(&buf, "<domain>%s</domain>\n",
                      virDomainVirtTypeToString(caps->virttype));
    virBufferEscapeString(&buf, "<machine>%s</machine>\n", caps->machine);
    virBufferAsprintf(&buf, "<arch>%s</arch>\n", virDomainArchTypeToString(caps->arch));
    if (caps->maxvcpus)
        virBufferAsprintf(&buf, "<vcpu max='%d'/>\n", caps->maxvcpus);
    virDomainCapsFeatureFormatSimple(&buf, "iothreads",
                                     caps->features[VIR_DOMAIN_CAPS_FEATURE_IOTHREADS]);
    virDomainCapsOSFormat(&buf, &caps->os);
    virDomainCapsCPUFormat(&buf, &caps->cpu);
    virDomainCapsDeviceFormat(&buf, caps, VIR_DOMAIN_CAPS_MEMORY_BACKING);

    virBufferAddLit(&buf, "<devices>\n");
    virBufferAdjustIndent(&buf, 2);
    for (i = VIR_DOMAIN_CAPS_DISK; i <= VIR_DOMAIN_CAPS_CHANNEL; i++)
        virDomainCapsDeviceFormat(&buf, caps, i);
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</devices>\n");

    virDomainCapsFeaturesFormat(&buf, caps);
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</domainCapabilities>\n");
    return virBufferContentAndReset(&buf);
}


/* ------------------------------------------------------------------ */
/* TEST ONLY.  libvirt never parses <domainCapabilities>: drivers fill
 * virDomainCaps.  This reader fills it from a document so that the
 * xml2xml category can check the formatter byte for byte (read, then
 * format, must give the input back).  Nothing else may call it. */

/* The text of every node @xpath selects */
static char **
virDomainCapsReadStrings(xmlXPathContextPtr ctxt, const char *xpath, size_t *n)
{
    g_autofree xmlNodePtr *nodes = NULL;
    char **values;
    int count;
    int i;

    if ((count = virXPathNodeSet(xpath, ctxt, &nodes)) <= 0) {
        *n = 0;
        return NULL;
    }
    values = g_new0(char *, count);
    for (i = 0; i < count; i++)
        values[i] = virXMLNodeContentString(nodes[i]);
    *n = count;
    return values;
}


static int
virDomainCapsReadSupported(xmlNodePtr node, virTristateBool *supported)
{
    return virXMLPropTristateBool(node, "supported", VIR_XML_PROP_REQUIRED, supported);
}


static int
virDomainCapsReadEnum(xmlXPathContextPtr ctxt, const virDomainCapsEnumInfo *info,
                      virDomainCapsEnum *capsEnum)
{
    g_autofree char *xpath = g_strdup_printf("./enum[@name='%s']", info->name);
    g_autofree char *vpath = g_strdup_printf("./enum[@name='%s']/value", info->name);
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    int i;

    if (!virXPathNode(xpath, ctxt))
        return 0;
    capsEnum->report = true;
    if ((n = virXPathNodeSet(vpath, ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        g_autofree char *str = virXMLNodeContentString(nodes[i]);
        int value;

        if (!str || (value = info->fromString(str)) < 0 || value >= 64) {
            virReportError(VIR_ERR_XML_ERROR, "unknown %s value '%s'",
                           info->name, NULLSTR(str));
            return -1;
        }
        capsEnum->values |= 1ULL << value;
    }
    return 0;
}


static int
virDomainCapsReadDevice(xmlXPathContextPtr ctxt, const char *xpath,
                        virDomainCaps *caps, virDomainCapsDeviceType type)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    virDomainCapsDevice *dev = &caps->dev[type];
    size_t i;

    if (!(ctxt->node = virXPathNode(xpath, ctxt)))
        return 0;
    if (virDomainCapsReadSupported(ctxt->node, &dev->supported) < 0)
        return -1;
    for (i = 0; i < G_N_ELEMENTS(dev->e) && deviceInfo[type].enums[i].name; i++) {
        if (virDomainCapsReadEnum(ctxt, &deviceInfo[type].enums[i], &dev->e[i]) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainCapsReadOS(xmlXPathContextPtr ctxt, virDomainCapsOS *os)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    virDomainCapsLoader *loader = &os->loader;
    size_t i;

    if (!(ctxt->node = virXPathNode("./os", ctxt)))
        return 0;
    if (virDomainCapsReadSupported(ctxt->node, &os->supported) < 0 ||
        virDomainCapsReadEnum(ctxt, &firmwareEnum, &os->firmware) < 0)
        return -1;
    if (!(ctxt->node = virXPathNode("./loader", ctxt)))
        return 0;
    if (virDomainCapsReadSupported(ctxt->node, &loader->supported) < 0)
        return -1;
    loader->values = virDomainCapsReadStrings(ctxt, "./value", &loader->nvalues);
    for (i = 0; i < G_N_ELEMENTS(loaderEnums); i++) {
        virDomainCapsEnum *e = i == 0 ? &loader->type :
                               i == 1 ? &loader->readonly : &loader->secure;

        if (virDomainCapsReadEnum(ctxt, &loaderEnums[i], e) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainCapsReadCPUMode(xmlXPathContextPtr ctxt, const char *name, bool *supported,
                         const virDomainCapsEnumInfo *info, virDomainCapsEnum *migratable)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *xpath = g_strdup_printf("./cpu/mode[@name='%s']", name);
    virTristateBool yes = VIR_TRISTATE_BOOL_ABSENT;

    if (!(ctxt->node = virXPathNode(xpath, ctxt)))
        return 0;
    if (virDomainCapsReadSupported(ctxt->node, &yes) < 0)
        return -1;
    *supported = yes == VIR_TRISTATE_BOOL_YES;
    return info ? virDomainCapsReadEnum(ctxt, info, migratable) : 0;
}


static int
virDomainCapsReadCPU(xmlXPathContextPtr ctxt, virDomainCapsCPU *cpu)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    bool supported = false;
    int n;
    int i;

    if (virDomainCapsReadCPUMode(ctxt, "host-passthrough", &cpu->hostPassthrough,
                                 &hostPassthroughEnum,
                                 &cpu->hostPassthroughMigratable) < 0 ||
        virDomainCapsReadCPUMode(ctxt, "maximum", &cpu->maximum,
                                 &maximumEnum, &cpu->maximumMigratable) < 0 ||
        virDomainCapsReadCPUMode(ctxt, "host-model", &supported, NULL, NULL) < 0)
        return -1;

    if (supported) {
        virDomainCapsCPUHostModel *host = g_new0(virDomainCapsCPUHostModel, 1);
        xmlNodePtr root = ctxt->node;
        xmlNodePtr model;

        cpu->hostModel = host;
        ctxt->node = virXPathNode("./cpu/mode[@name='host-model']", ctxt);
        host->fallback = -1;
        if ((model = virXPathNode("./model", ctxt))) {
            g_autofree char *fallback = virXMLPropString(model, "fallback");

            host->model = virXMLNodeContentString(model);
            if (fallback &&
                (host->fallback = virDomainCPUFallbackTypeFromString(fallback)) < 0) {
                virReportError(VIR_ERR_XML_ERROR, "unknown fallback '%s'", fallback);
                return -1;
            }
        }
        host->vendor = virXPathString("string(./vendor)", ctxt);
        if ((n = virXPathNodeSet("./feature", ctxt, &nodes)) < 0)
            return -1;
        host->features = g_new0(virDomainCapsCPUFeature, n);
        host->nfeatures = n;
        for (i = 0; i < n; i++) {
            host->features[i].policy = virXMLPropString(nodes[i], "policy");
            host->features[i].name = virXMLPropString(nodes[i], "name");
        }
        g_clear_pointer(&nodes, g_free);
        ctxt->node = root;
    }

    if ((n = virXPathNodeSet("./cpu/mode[@name='custom']/model", ctxt, &nodes)) < 0)
        return -1;
    cpu->models = g_new0(virDomainCapsCPUModel, n);
    cpu->nmodels = n;
    for (i = 0; i < n; i++) {
        virDomainCapsCPUModel *model = &cpu->models[i];
        virTristateBool deprecated = VIR_TRISTATE_BOOL_ABSENT;
        unsigned int usable = 0;

        if (virXMLPropEnum(nodes[i], "usable", virDomainCapsCPUUsableTypeFromString,
                           VIR_XML_PROP_REQUIRED, &usable) < 0 ||
            virXMLPropTristateBool(nodes[i], "deprecated", VIR_XML_PROP_NONE,
                                   &deprecated) < 0)
            return -1;
        model->usable = usable;
        model->deprecated = deprecated == VIR_TRISTATE_BOOL_YES;
        model->vendor = virXMLPropString(nodes[i], "vendor");
        if (STREQ_NULLABLE(model->vendor, "unknown"))
            g_clear_pointer(&model->vendor, g_free);
        model->name = virXMLNodeContentString(nodes[i]);
    }
    return 0;
}


static int
virDomainCapsReadInt(xmlXPathContextPtr ctxt, const char *xpath, int *value)
{
    return virXPathInt(xpath, ctxt, value) < 0 ? -1 : 0;
}


static int
virDomainCapsReadSecurity(xmlXPathContextPtr ctxt, virDomainCaps *caps)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr root = ctxt->node;
    xmlNodePtr node;
    int n;
    int i;

    if ((node = virXPathNode("./features/sev[@supported='yes']", ctxt))) {
        ctxt->node = node;
        caps->sev = g_new0(virSEVCapability, 1);
        if (virDomainCapsReadInt(ctxt, "string(./cbitpos)", &caps->sev->cbitpos) < 0 ||
            virDomainCapsReadInt(ctxt, "string(./reducedPhysBits)",
                                 &caps->sev->reduced_phys_bits) < 0 ||
            virDomainCapsReadInt(ctxt, "string(./maxGuests)", &caps->sev->max_guests) < 0 ||
            virDomainCapsReadInt(ctxt, "string(./maxESGuests)",
                                 &caps->sev->max_es_guests) < 0)
            return -1;
        caps->sev->cpu0_id = virXPathString("string(./cpu0Id)", ctxt);
        ctxt->node = root;
    }
    if ((node = virXPathNode("./features/sgx[@supported='yes']", ctxt))) {
        ctxt->node = node;
        virSGXCapability *sgx = caps->sgx = g_new0(virSGXCapability, 1);

        sgx->flc = virXPathBoolean("./flc = 'yes'", ctxt) == 1;
        sgx->sgx1 = virXPathBoolean("./sgx1 = 'yes'", ctxt) == 1;
        sgx->sgx2 = virXPathBoolean("./sgx2 = 'yes'", ctxt) == 1;
        if (virXPathULongLong("string(./section_size)", ctxt, &sgx->section_size) < 0)
            return -1;
        if ((n = virXPathNodeSet("./sections/section", ctxt, &nodes)) < 0)
            return -1;
        sgx->sgxSections = g_new0(virSGXSection, n);
        sgx->nSgxSections = n;
        for (i = 0; i < n; i++) {
            if (virXMLPropInt(nodes[i], "node", 10, VIR_XML_PROP_REQUIRED,
                              &sgx->sgxSections[i].node, 0) < 0 ||
                virXMLPropULongLong(nodes[i], "size", 10, VIR_XML_PROP_REQUIRED,
                                    &sgx->sgxSections[i].size) < 0)
                return -1;
        }
    }
    return 0;
}


static virDomainCaps *
virDomainCapsReadXML(xmlXPathContextPtr ctxt)
{
    g_autoptr(virDomainCaps) caps = g_new0(virDomainCaps, 1);
    g_autofree char *virttype = virXPathString("string(./domain)", ctxt);
    g_autofree char *arch = virXPathString("string(./arch)", ctxt);
    size_t i;

    caps->path = virXPathString("string(./path)", ctxt);
    caps->machine = virXPathString("string(./machine)", ctxt);
    if ((caps->virttype = virDomainVirtTypeFromString(NULLSTR(virttype))) < 0 ||
        (caps->arch = virDomainArchTypeFromString(NULLSTR(arch))) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "unknown domain type or arch");
        return NULL;
    }
    if (virXPathNode("./vcpu", ctxt) &&
        virXPathInt("string(./vcpu/@max)", ctxt, &caps->maxvcpus) < 0)
        return NULL;
    for (i = 0; i < VIR_DOMAIN_CAPS_FEATURE_LAST; i++) {
        const char *name = virDomainCapsFeatureTypeToString(i);
        g_autofree char *xpath = g_strdup_printf(i == VIR_DOMAIN_CAPS_FEATURE_IOTHREADS ?
                                                 "./%s" : "./features/%s", name);
        xmlNodePtr node = virXPathNode(xpath, ctxt);

        if (node && virDomainCapsReadSupported(node, &caps->features[i]) < 0)
            return NULL;
    }
    if (virDomainCapsReadOS(ctxt, &caps->os) < 0 ||
        virDomainCapsReadCPU(ctxt, &caps->cpu) < 0 ||
        virDomainCapsReadSecurity(ctxt, caps) < 0)
        return NULL;
    for (i = 0; i < VIR_DOMAIN_CAPS_DEVICE_LAST; i++) {
        const char *parent = i == VIR_DOMAIN_CAPS_MEMORY_BACKING ? "." :
                             i >= VIR_DOMAIN_CAPS_GIC ? "./features" : "./devices";
        g_autofree char *xpath = g_strdup_printf("%s/%s", parent, deviceInfo[i].element);

        if (virDomainCapsReadDevice(ctxt, xpath, caps, i) < 0)
            return NULL;
    }
    return g_steal_pointer(&caps);
}


static char *
domaincapsRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(virDomainCaps) caps = NULL;

    if (!(doc = virXMLParse(NULL, xml, "(domain_capabilities)",
                            "domainCapabilities", &ctxt)) ||
        !(caps = virDomainCapsReadXML(ctxt)))
        return NULL;
    return virDomainCapsFormat(caps);
}

const virXMLCategory virDomainCapsXMLCategory = { "domaincaps", domaincapsRoundtrip };
