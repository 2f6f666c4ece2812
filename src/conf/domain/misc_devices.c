/*
 * misc_devices.c: <smartcard>, <tpm>, <watchdog>, <memballoon>, <rng>,
 * <nvram>, <panic>, <iommu>, <vsock>.
 */
#include "internal.h"
#include "conf/domain/misc_devices.h"
#include "util/virstring.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainSmartcard);
VIR_ENUM_IMPL(virDomainSmartcard, 3, "host", "host-certificates", "passthrough");
VIR_ENUM_DECL(virDomainTPMModel);
VIR_ENUM_IMPL(virDomainTPMModel, 5, "default", "tpm-tis", "tpm-crb", "tpm-spapr",
              "spapr-tpm-proxy");
VIR_ENUM_DECL(virDomainTPMBackend);
VIR_ENUM_IMPL(virDomainTPMBackend, 3, "passthrough", "emulator", "external");
VIR_ENUM_DECL(virDomainTPMVersion);
VIR_ENUM_IMPL(virDomainTPMVersion, 3, "default", "1.2", "2.0");
VIR_ENUM_DECL(virDomainTPMPcrBank);
VIR_ENUM_IMPL(virDomainTPMPcrBank, 4, "sha1", "sha256", "sha384", "sha512");
VIR_ENUM_DECL(virDomainWatchdogModel);
VIR_ENUM_IMPL(virDomainWatchdogModel, 3, "i6300esb", "ib700", "diag288");
VIR_ENUM_DECL(virDomainWatchdogAction);
VIR_ENUM_IMPL(virDomainWatchdogAction, 7, "reset", "shutdown", "poweroff", "pause",
              "dump", "none", "inject-nmi");
VIR_ENUM_DECL(virDomainMemballoonModel);
VIR_ENUM_IMPL(virDomainMemballoonModel, VIR_DOMAIN_MEMBALLOON_MODEL_LAST, "virtio", "xen", "none",
              "virtio-transitional", "virtio-non-transitional");
VIR_ENUM_DECL(virDomainRNGModel);
VIR_ENUM_IMPL(virDomainRNGModel, 3, "virtio", "virtio-transitional", "virtio-non-transitional");
VIR_ENUM_DECL(virDomainRNGBackend);
VIR_ENUM_IMPL(virDomainRNGBackend, 3, "random", "egd", "builtin");
VIR_ENUM_DECL(virDomainPanicModel);
VIR_ENUM_IMPL(virDomainPanicModel, 5, "default", "isa", "pseries", "hyperv", "s390");
VIR_ENUM_DECL(virDomainIOMMUModel);
VIR_ENUM_IMPL(virDomainIOMMUModel, 3, "intel", "smmuv3", "virtio");
VIR_ENUM_DECL(virDomainVsockModel);
VIR_ENUM_IMPL(virDomainVsockModel, 4, "default", "virtio", "virtio-transitional",
              "virtio-non-transitional");

enum { SMARTCARD_HOST, SMARTCARD_CERTS, SMARTCARD_PASSTHROUGH };
enum { TPM_PASSTHROUGH, TPM_EMULATOR, TPM_EXTERNAL };
enum { RNG_RANDOM, RNG_EGD, RNG_BUILTIN };
#define MEMBALLOON_NONE 2

/* The virtio <driver> options several devices share. */
static int
virDomainVirtioOptionsParseXML(xmlNodePtr driver, virTristateSwitch *iommu,
                               virTristateSwitch *ats, virTristateSwitch *packed,
                               virTristateSwitch *pagePerVQ)
{
    if (!driver)
        return 0;
    if (virXMLPropTristateSwitch(driver, "iommu", VIR_XML_PROP_NONE, iommu) < 0 ||
        virXMLPropTristateSwitch(driver, "ats", VIR_XML_PROP_NONE, ats) < 0 ||
        virXMLPropTristateSwitch(driver, "packed", VIR_XML_PROP_NONE, packed) < 0 ||
        virXMLPropTristateSwitch(driver, "page_per_vq", VIR_XML_PROP_NONE, pagePerVQ) < 0)
        return -1;
    return 0;
}


static void
virDomainVirtioOptionsFormat(virBuffer *buf, virTristateSwitch iommu, virTristateSwitch ats,
                             virTristateSwitch packed, virTristateSwitch pagePerVQ)
{
    if (iommu)
        virBufferAsprintf(buf, " iommu='%s'", virTristateSwitchTypeToString(iommu));
    if (ats)
        virBufferAsprintf(buf, " ats='%s'", virTristateSwitchTypeToString(ats));
    if (packed)
        virBufferAsprintf(buf, " packed='%s'", virTristateSwitchTypeToString(packed));
    if (pagePerVQ)
        virBufferAsprintf(buf, " page_per_vq='%s'", virTristateSwitchTypeToString(pagePerVQ));
}


void
virDomainSmartcardDefFree(void *dev)
{
    virDomainSmartcardDef *def = dev;
    size_t i;

    if (!def)
        return;
    for (i = 0; i < 3; i++)
        g_free(def->certificates[i]);
    g_free(def->database);
    virDomainChrSourceDefFree(def->passthru);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainSmartcardDef, virDomainSmartcardDefFree);


static int
virDomainSmartcardCertsParseXML(virDomainSmartcardDef *def, xmlNodePtr node)
{
    xmlNodePtr cur;
    size_t n = 0;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        if (virXMLNodeNameEqual(cur, "certificate")) {
            if (n == 3) {
                n++;
                break;
            }
            if (!(def->certificates[n++] = virXMLNodeContentString(cur)))
                return -1;
        } else if (virXMLNodeNameEqual(cur, "database") && !def->database) {
            if (!(def->database = virXMLNodeContentString(cur)))
                return -1;
        }
    }
    if (n != 3) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "host-certificates mode needs exactly three certificates");
        return -1;
    }
    return 0;
}


void *
virDomainSmartcardDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                              const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainSmartcardDef) def = g_new0(virDomainSmartcardDef, 1);
    g_autofree char *type = NULL;

    if (virXMLPropEnum(node, "mode", virDomainSmartcardTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->mode) < 0)
        return NULL;
    if (def->mode == SMARTCARD_CERTS && virDomainSmartcardCertsParseXML(def, node) < 0)
        return NULL;
    if (def->mode == SMARTCARD_PASSTHROUGH) {
        def->passthru = g_new0(virDomainChrSourceDef, 1);
        if (!(type = virXMLPropString(node, "type"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "passthrough mode requires a character device type attribute");
            return NULL;
        }
        if ((def->passthru->type = virDomainChrTypeFromString(type)) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown type presented to host for "
                           "character device: %s", type);
            return NULL;
        }
        if (virDomainChrSourceParseXML(def->passthru, node, ctxt, flags) < 0)
            return NULL;
    }
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainSmartcardDefValidate(const void *dev, const virDomainDef *vmdef G_GNUC_UNUSED)
{
    const virDomainSmartcardDef *def = dev;

    if (def->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
        def->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Controllers must use the 'ccid' address type");
        return -1;
    }
    if (def->mode == SMARTCARD_PASSTHROUGH)
        return virDomainChrSourceValidate(def->passthru, false);
    return 0;
}


int
virDomainSmartcardDefFormat(virBuffer *buf, const void *dev,
                            const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainSmartcardDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (def->mode == SMARTCARD_CERTS) {
        for (i = 0; i < 3; i++)
            virBufferEscapeString(&childBuf, "<certificate>%s</certificate>\n",
                                  def->certificates[i]);
        virBufferEscapeString(&childBuf, "<database>%s</database>\n", def->database);
    } else if (def->mode == SMARTCARD_PASSTHROUGH) {
        virDomainChrSourceFormat(&childBuf, def->passthru, flags);
    }
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virBufferAsprintf(&attrBuf, " mode='%s'", virDomainSmartcardTypeToString(def->mode));
    if (def->mode == SMARTCARD_PASSTHROUGH)
        virBufferAsprintf(&attrBuf, " type='%s'", virDomainChrTypeToString(def->passthru->type));
    virBufferFormatElement(buf, "smartcard", &attrBuf, &childBuf);
    return 0;
}


void
virDomainTPMDefFree(void *dev)
{
    virDomainTPMDef *def = dev;

    if (!def)
        return;
    g_free(def->path);
    g_free(def->secret);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainTPMDef, virDomainTPMDefFree);


static int
virDomainTPMBackendParseXML(virDomainTPMDef *def, xmlNodePtr backend)
{
    xmlNodePtr cur;
    g_autofree char *persistent = NULL;

    if (virXMLPropEnum(backend, "type", virDomainTPMBackendTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->type) < 0)
        return -1;
    switch (def->type) {
    case TPM_PASSTHROUGH:
        if ((cur = virXMLNodeGetSubelement(backend, "device")))
            def->path = virXMLPropString(cur, "path");
        if (!def->path)
            def->path = g_strdup("/dev/tpm0");
        return 0;
    case TPM_EMULATOR:
        if (virXMLPropEnum(backend, "version", virDomainTPMVersionTypeFromString,
                           VIR_XML_PROP_NONZERO, &def->version) < 0)
            return -1;
        if ((persistent = virXMLPropString(backend, "persistent_state")))
            ignore_value(virStringParseYesNo(persistent, &def->persistentState));
        if ((cur = virXMLNodeGetSubelement(backend, "encryption")))
            def->secret = virXMLPropString(cur, "secret");
        if ((cur = virXMLNodeGetSubelement(backend, "active_pcr_banks"))) {
            xmlNodePtr bank;

            def->activePcrBanksPresent = true;
            for (bank = xmlFirstElementChild(cur); bank; bank = xmlNextElementSibling(bank)) {
                int b = virDomainTPMPcrBankTypeFromString((const char *)bank->name);

                if (b < 0) {
                    virReportError(VIR_ERR_XML_ERROR, "Unsupported PCR banks '%s'", bank->name);
                    return -1;
                }
                def->activePcrBanks |= 1u << b;
            }
        }
        return 0;
    case TPM_EXTERNAL:
        if (!(cur = virXMLNodeGetSubelement(backend, "source")) ||
            !(def->path = virXMLPropString(cur, "path"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing socket path for external TPM backend");
            return -1;
        }
        return 0;
    }
    return 0;
}


void *
virDomainTPMDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainTPMDef) def = g_new0(virDomainTPMDef, 1);
    xmlNodePtr backend;

    if (virXMLPropEnum(node, "model", virDomainTPMModelTypeFromString,
                       VIR_XML_PROP_NONE, &def->model) < 0)
        return NULL;
    if (!(backend = virXMLNodeGetSubelement(node, "backend"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing TPM device backend");
        return NULL;
    }
    if (virDomainTPMBackendParseXML(def, backend) < 0 ||
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainTPMDefFormat(virBuffer *buf, const void *dev,
                      const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainTPMDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) backAttrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) backChildBuf = VIR_BUFFER_INIT_CHILD(&childBuf);
    g_auto(virBuffer) banksBuf = VIR_BUFFER_INIT_CHILD(&backChildBuf);
    size_t i;

    if (def->model)
        virBufferAsprintf(&attrBuf, " model='%s'", virDomainTPMModelTypeToString(def->model));
    virBufferAsprintf(&backAttrBuf, " type='%s'", virDomainTPMBackendTypeToString(def->type));
    if (def->type == TPM_PASSTHROUGH) {
        virBufferEscapeString(&backChildBuf, "<device path='%s'/>\n", def->path);
    } else if (def->type == TPM_EMULATOR) {
        if (def->version)
            virBufferAsprintf(&backAttrBuf, " version='%s'",
                              virDomainTPMVersionTypeToString(def->version));
        if (def->persistentState)
            virBufferAddLit(&backAttrBuf, " persistent_state='yes'");
        virBufferEscapeString(&backChildBuf, "<encryption secret='%s'/>\n", def->secret);
        for (i = 0; i < 4; i++) {
            if (def->activePcrBanks & (1u << i))
                virBufferAsprintf(&banksBuf, "<%s/>\n", virDomainTPMPcrBankTypeToString(i));
        }
        virBufferFormatElement(&backChildBuf, "active_pcr_banks", NULL, &banksBuf);
    } else {
        virBufferEscapeString(&backChildBuf,
                              "<source type='unix' mode='connect' path='%s'/>\n", def->path);
    }
    virBufferFormatElement(&childBuf, "backend", &backAttrBuf, &backChildBuf);
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virBufferFormatElement(buf, "tpm", &attrBuf, &childBuf);
    return 0;
}


#define SIMPLE_FREE(name, type) \
    void \
    virDomain ## name ## DefFree(void *dev) \
    { \
        type *def = dev; \
        if (!def) \
            return; \
        virDomainDeviceInfoClear(&def->info); \
        g_free(def); \
    }

SIMPLE_FREE(Watchdog, virDomainWatchdogDef)
SIMPLE_FREE(Memballoon, virDomainMemballoonDef)
SIMPLE_FREE(NVRAM, virDomainNVRAMDef)
SIMPLE_FREE(Panic, virDomainPanicDef)
SIMPLE_FREE(IOMMU, virDomainIOMMUDef)
SIMPLE_FREE(Vsock, virDomainVsockDef)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainWatchdogDef, virDomainWatchdogDefFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainMemballoonDef, virDomainMemballoonDefFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainNVRAMDef, virDomainNVRAMDefFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainPanicDef, virDomainPanicDefFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainIOMMUDef, virDomainIOMMUDefFree);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainVsockDef, virDomainVsockDefFree);


void *
virDomainWatchdogDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                             const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainWatchdogDef) def = g_new0(virDomainWatchdogDef, 1);

    if (virXMLPropEnum(node, "model", virDomainWatchdogModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->model) < 0 ||
        virXMLPropEnum(node, "action", virDomainWatchdogActionTypeFromString,
                       VIR_XML_PROP_NONE, &def->action) < 0 ||
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainWatchdogDefFormat(virBuffer *buf, const void *dev,
                           const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainWatchdogDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&attrBuf, " model='%s' action='%s'",
                      virDomainWatchdogModelTypeToString(def->model),
                      virDomainWatchdogActionTypeToString(def->action));
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virBufferFormatElementEmpty(buf, "watchdog", &attrBuf, &childBuf);
    return 0;
}


void *
virDomainMemballoonDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                               const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainMemballoonDef) def = g_new0(virDomainMemballoonDef, 1);
    xmlNodePtr stats;

    if (virXMLPropEnum(node, "model", virDomainMemballoonModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->model) < 0 ||
        virXMLPropTristateSwitch(node, "autodeflate", VIR_XML_PROP_NONE,
                                 &def->autodeflate) < 0 ||
        virXMLPropTristateSwitch(node, "freePageReporting", VIR_XML_PROP_NONE,
                                 &def->freePageReporting) < 0)
        return NULL;
    if ((stats = virXMLNodeGetSubelement(node, "stats"))) {
        if (virXMLPropInt(stats, "period", 0, VIR_XML_PROP_NONE, &def->period, 0) < 0)
            return NULL;
        if (def->period < 0)
            def->period = 0;
    }
    if (virDomainVirtioOptionsParseXML(virXMLNodeGetSubelement(node, "driver"), &def->iommu,
                                       &def->ats, &def->packed, &def->pagePerVQ) < 0)
        return NULL;
    /* model='none' carries no address */
    if (def->model != MEMBALLOON_NONE && virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainMemballoonDefFormat(virBuffer *buf, const void *dev,
                             const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainMemballoonDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(&attrBuf, " model='%s'", virDomainMemballoonModelTypeToString(def->model));
    if (def->autodeflate)
        virBufferAsprintf(&attrBuf, " autodeflate='%s'",
                          virTristateSwitchTypeToString(def->autodeflate));
    if (def->freePageReporting)
        virBufferAsprintf(&attrBuf, " freePageReporting='%s'",
                          virTristateSwitchTypeToString(def->freePageReporting));
    if (def->period)
        virBufferAsprintf(&childBuf, "<stats period='%i'/>\n", def->period);
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virDomainVirtioOptionsFormat(&driverBuf, def->iommu, def->ats, def->packed, def->pagePerVQ);
    virBufferFormatElement(&childBuf, "driver", &driverBuf, NULL);
    virBufferFormatElementEmpty(buf, "memballoon", &attrBuf, &childBuf);
    return 0;
}


void
virDomainRNGDefFree(void *dev)
{
    virDomainRNGDef *def = dev;

    if (!def)
        return;
    g_free(def->file);
    virDomainChrSourceDefFree(def->chardev);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainRNGDef, virDomainRNGDefFree);


static int
virDomainRNGBackendParseXML(virDomainRNGDef *def, xmlNodePtr backend,
                            xmlXPathContextPtr ctxt, unsigned int flags)
{
    g_autofree char *type = NULL;

    if (virXMLPropEnum(backend, "model", virDomainRNGBackendTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->backend) < 0)
        return -1;
    if (def->backend == RNG_RANDOM) {
        def->file = virXMLNodeContentString(backend);
        if (def->file && !*def->file)
            g_clear_pointer(&def->file, g_free);
        return 0;
    }
    if (def->backend != RNG_EGD)
        return 0;
    if (!(type = virXMLPropString(backend, "type"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing EGD backend type");
        return -1;
    }
    def->chardev = g_new0(virDomainChrSourceDef, 1);
    if ((def->chardev->type = virDomainChrTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown backend type '%s' for egd", type);
        return -1;
    }
    return virDomainChrSourceParseXML(def->chardev, backend, ctxt, flags);
}


void *
virDomainRNGDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainRNGDef) def = g_new0(virDomainRNGDef, 1);
    xmlNodePtr cur;

    if (virXMLPropEnum(node, "model", virDomainRNGModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->model) < 0)
        return NULL;
    if ((cur = virXMLNodeGetSubelement(node, "rate")) &&
        (virXMLPropUInt(cur, "bytes", 10, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                        &def->rate) < 0 ||
         virXMLPropUInt(cur, "period", 10, VIR_XML_PROP_NONZERO, &def->period) < 0))
        return NULL;
    if (!(cur = virXMLNodeGetSubelement(node, "backend"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing RNG device backend");
        return NULL;
    }
    if (virDomainRNGBackendParseXML(def, cur, ctxt, flags) < 0 ||
        virDomainVirtioOptionsParseXML(virXMLNodeGetSubelement(node, "driver"), &def->iommu,
                                       &def->ats, &def->packed, &def->pagePerVQ) < 0 ||
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainRNGDefValidate(const void *dev, const virDomainDef *vmdef G_GNUC_UNUSED)
{
    const virDomainRNGDef *def = dev;

    if (def->backend == RNG_EGD)
        return virDomainChrSourceValidate(def->chardev, false);
    return 0;
}


int
virDomainRNGDefFormat(virBuffer *buf, const void *dev,
                      const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainRNGDef *def = dev;
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(buf, "<rng model='%s'>\n", virDomainRNGModelTypeToString(def->model));
    virBufferAdjustIndent(buf, 2);
    if (def->rate) {
        virBufferAsprintf(buf, "<rate bytes='%u'", def->rate);
        if (def->period)
            virBufferAsprintf(buf, " period='%u'", def->period);
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAsprintf(buf, "<backend model='%s'", virDomainRNGBackendTypeToString(def->backend));
    if (def->backend == RNG_RANDOM) {
        virBufferEscapeString(buf, ">%s</backend>\n", def->file ? def->file : "");
    } else if (def->backend == RNG_EGD) {
        virBufferAsprintf(buf, " type='%s'>\n", virDomainChrTypeToString(def->chardev->type));
        virBufferAdjustIndent(buf, 2);
        virDomainChrSourceFormat(buf, def->chardev, flags);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</backend>\n");
    } else {
        virBufferAddLit(buf, "/>\n");
    }
    virDomainVirtioOptionsFormat(&driverBuf, def->iommu, def->ats, def->packed, def->pagePerVQ);
    virBufferFormatElement(buf, "driver", &driverBuf, NULL);
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</rng>\n");
    return 0;
}


void *
virDomainNVRAMDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainNVRAMDef) def = g_new0(virDomainNVRAMDef, 1);

    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainNVRAMDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainNVRAMDef *def = dev;

    virBufferAddLit(buf, "<nvram>\n");
    virBufferAdjustIndent(buf, 2);
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</nvram>\n");
    return 0;
}


void *
virDomainPanicDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainPanicDef) def = g_new0(virDomainPanicDef, 1);

    if (virXMLPropEnum(node, "model", virDomainPanicModelTypeFromString,
                       VIR_XML_PROP_NONE, &def->model) < 0 ||
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainPanicDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainPanicDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (def->model)
        virBufferAsprintf(&attrBuf, " model='%s'", virDomainPanicModelTypeToString(def->model));
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virBufferFormatElementEmpty(buf, "panic", &attrBuf, &childBuf);
    return 0;
}


void *
virDomainIOMMUDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainIOMMUDef) def = g_new0(virDomainIOMMUDef, 1);
    xmlNodePtr driver;

    if (virXMLPropEnum(node, "model", virDomainIOMMUModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->model) < 0)
        return NULL;
    if ((driver = virXMLNodeGetSubelement(node, "driver")) &&
        (virXMLPropTristateSwitch(driver, "intremap", VIR_XML_PROP_NONE, &def->intremap) < 0 ||
         virXMLPropTristateSwitch(driver, "caching_mode", VIR_XML_PROP_NONE,
                                  &def->cachingMode) < 0 ||
         virXMLPropTristateSwitch(driver, "eim", VIR_XML_PROP_NONE, &def->eim) < 0 ||
         virXMLPropTristateSwitch(driver, "iotlb", VIR_XML_PROP_NONE, &def->iotlb) < 0 ||
         virXMLPropUInt(driver, "aw_bits", 10, VIR_XML_PROP_NONE, &def->awBits) < 0))
        return NULL;
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainIOMMUDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    const virDomainIOMMUDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    if (def->intremap)
        virBufferAsprintf(&driverBuf, " intremap='%s'", virTristateSwitchTypeToString(def->intremap));
    if (def->cachingMode)
        virBufferAsprintf(&driverBuf, " caching_mode='%s'",
                          virTristateSwitchTypeToString(def->cachingMode));
    if (def->eim)
        virBufferAsprintf(&driverBuf, " eim='%s'", virTristateSwitchTypeToString(def->eim));
    if (def->iotlb)
        virBufferAsprintf(&driverBuf, " iotlb='%s'", virTristateSwitchTypeToString(def->iotlb));
    if (def->awBits)
        virBufferAsprintf(&driverBuf, " aw_bits='%u'", def->awBits);
    virBufferFormatElement(&childBuf, "driver", &driverBuf, NULL);
    virDomainDeviceInfoFormat(&childBuf, &def->info, 0);
    virBufferAsprintf(&attrBuf, " model='%s'", virDomainIOMMUModelTypeToString(def->model));
    virBufferFormatElementEmpty(buf, "iommu", &attrBuf, &childBuf);
    return 0;
}


void *
virDomainVsockDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainVsockDef) def = g_new0(virDomainVsockDef, 1);
    xmlNodePtr cid;

    if (virXMLPropEnum(node, "model", virDomainVsockModelTypeFromString,
                       VIR_XML_PROP_NONE, &def->model) < 0)
        return NULL;
    if ((cid = virXMLNodeGetSubelement(node, "cid")) &&
        (virXMLPropUInt(cid, "address", 10, VIR_XML_PROP_NONE, &def->cid) < 0 ||
         virXMLPropTristateBool(cid, "auto", VIR_XML_PROP_NONE, &def->autoCid) < 0))
        return NULL;
    if (cid && def->cid && def->cid < 3) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "guest CID must be >= 3");
        return NULL;
    }
    if (virDomainVirtioOptionsParseXML(virXMLNodeGetSubelement(node, "driver"), &def->iommu,
                                       &def->ats, &def->packed, &def->pagePerVQ) < 0 ||
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainVsockDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    const virDomainVsockDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) cidBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    if (def->model)
        virBufferAsprintf(&attrBuf, " model='%s'", virDomainVsockModelTypeToString(def->model));
    if (def->autoCid)
        virBufferAsprintf(&cidBuf, " auto='%s'", virTristateBoolTypeToString(def->autoCid));
    if (def->cid)
        virBufferAsprintf(&cidBuf, " address='%u'", def->cid);
    virBufferFormatElement(&childBuf, "cid", &cidBuf, NULL);
    virDomainDeviceInfoFormat(&childBuf, &def->info, 0);
    virDomainVirtioOptionsFormat(&driverBuf, def->iommu, def->ats, def->packed, def->pagePerVQ);
    virBufferFormatElement(&childBuf, "driver", &driverBuf, NULL);
    virBufferFormatElement(buf, "vsock", &attrBuf, &childBuf);
    return 0;
}
