/*
 * os.c: <os> and <bootloader>.
 */
#include "internal.h"
#include "conf/domain/os.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainOS, VIR_DOMAIN_OSTYPE_LAST,
              "hvm", "xen", "linux", "exe", "uml", "xenpvh");

enum { ARCH_LAST = 37 };
VIR_ENUM_DECL(virDomainArch);
VIR_ENUM_IMPL(virDomainArch, ARCH_LAST,
              "none", "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris",
              "i686", "ia64", "lm32", "m68k", "microblaze", "microblazeel",
              "mips", "mipsel", "mips64", "mips64el", "openrisc", "parisc",
              "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb",
              "riscv32", "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc",
              "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb");

enum { BOOT_LAST = 4, FIRMWARE_LAST = 3, FW_FEATURE_LAST = 2, LOADER_LAST = 3,
       SMBIOS_LAST = 4 };
VIR_ENUM_DECL(virDomainBoot);
VIR_ENUM_IMPL(virDomainBoot, BOOT_LAST, "fd", "cdrom", "hd", "network");
VIR_ENUM_DECL(virDomainOsDefFirmware);
VIR_ENUM_IMPL(virDomainOsDefFirmware, FIRMWARE_LAST, "none", "bios", "efi");
VIR_ENUM_DECL(virDomainOsDefFirmwareFeature);
VIR_ENUM_IMPL(virDomainOsDefFirmwareFeature, FW_FEATURE_LAST,
              "enrolled-keys", "secure-boot");
VIR_ENUM_DECL(virDomainLoader);
VIR_ENUM_IMPL(virDomainLoader, LOADER_LAST, "none", "rom", "pflash");
VIR_ENUM_DECL(virDomainSmbiosMode);
VIR_ENUM_IMPL(virDomainSmbiosMode, SMBIOS_LAST, "none", "emulate", "host", "sysinfo");

void
virDomainOSDefClear(virDomainOSDef *os)
{
    g_free(os->arch);
    g_free(os->machine);
    g_free(os->bootloader);
    g_free(os->bootloaderArgs);
    g_free(os->init);
    g_free(os->loaderPath);
    g_free(os->nvramTemplate);
    g_free(os->nvramPath);
    virDomainStorageSourceFree(os->nvramSource);
    g_free(os->kernel);
    g_free(os->initrd);
    g_free(os->cmdline);
    g_free(os->dtb);
    g_free(os->root);
    g_free(os->slicTable);
    memset(os, 0, sizeof(*os));
}


int
virDomainOSParseCapsXML(virDomainOSDef *os, xmlXPathContextPtr ctxt)
{
    g_autofree char *type = virXPathString("string(./os/type[1])", ctxt);
    g_autofree char *arch = virXPathString("string(./os/type[1]/@arch)", ctxt);

    os->bootloader = virXPathString("string(./bootloader)", ctxt);
    os->bootloaderArgs = virXPathString("string(./bootloader_args)", ctxt);
    os->machine = virXPathString("string(./os/type[1]/@machine)", ctxt);

    if (!type) {
        if (!os->bootloader) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "an os <type> must be specified");
            return -1;
        }
        os->type = VIR_DOMAIN_OSTYPE_XEN;
    } else if ((os->type = virDomainOSTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown OS type '%s'", type);
        return -1;
    }
    if (arch) {
        if (virDomainArchTypeFromString(arch) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Unknown architecture %s", arch);
            return -1;
        }
        os->arch = g_steal_pointer(&arch);
    }
    return 0;
}


static int
virDomainOSFirmwareParseXML(virDomainOSDef *os, xmlXPathContextPtr ctxt)
{
    g_autofree char *firmware = virXPathString("string(./os/@firmware)", ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n, fw;

    if ((n = virXPathNodeSet("./os/firmware/feature", ctxt, &nodes)) < 0)
        return -1;
    /* features without firmware='' are ignored (migration compatibility) */
    if (n > 0 && !firmware)
        return 0;
    os->hasFirmwareFeatures = n > 0;
    for (i = 0; i < n; i++) {
        unsigned int feature;
        virTristateBool enabled;

        if (virXMLPropEnum(nodes[i], "name", virDomainOsDefFirmwareFeatureTypeFromString,
                           VIR_XML_PROP_REQUIRED, &feature) < 0 ||
            virXMLPropTristateBool(nodes[i], "enabled", VIR_XML_PROP_REQUIRED,
                                   &enabled) < 0)
            return -1;
        os->firmwareFeatures[feature] = enabled;
    }
    if (!firmware)
        return 0;
    if ((fw = virDomainOsDefFirmwareTypeFromString(firmware)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown firmware value %s", firmware);
        return -1;
    }
    os->firmware = fw;
    return 0;
}


static int
virDomainOSNvramParseXML(virDomainOSDef *os, xmlNodePtr nvram, xmlXPathContextPtr ctxt)
{
    g_autoptr(virDomainStorageSource) src = NULL;
    xmlNodePtr source;
    unsigned int type;
    int rc;

    os->nvramPresent = true;
    os->nvramTemplate = virXMLPropString(nvram, "template");
    if ((rc = virXMLPropEnum(nvram, "type", virDomainStorageTypeFromString,
                             VIR_XML_PROP_NONE, &type)) < 0)
        return -1;
    if (rc == 0) {
        if (!(os->nvramPath = virXMLNodeContentString(nvram)))
            return -1;
        if (!*os->nvramPath)
            g_clear_pointer(&os->nvramPath, g_free);
        return 0;
    }
    if (!(source = virXMLNodeGetSubelement(nvram, "source")))
        return -1;
    src = g_new0(virDomainStorageSource, 1);
    src->type = type;
    src->format = 1;    /* raw */
    if (virDomainStorageSourceParseXML(source, ctxt, src, 0) < 0)
        return -1;
    os->nvramSource = g_steal_pointer(&src);
    return 0;
}


static int
virDomainOSLoaderParseXML(virDomainOSDef *os, xmlXPathContextPtr ctxt)
{
    xmlNodePtr loader = virXPathNode("./os/loader[1]", ctxt);
    xmlNodePtr nvram = virXPathNode("./os/nvram[1]", ctxt);

    if (nvram && virDomainOSNvramParseXML(os, nvram, ctxt) < 0)
        return -1;
    if (!loader)
        return 0;
    os->loaderPresent = true;
    if (virXMLPropTristateBool(loader, "readonly", VIR_XML_PROP_NONE,
                               &os->loaderReadonly) < 0 ||
        virXMLPropEnum(loader, "type", virDomainLoaderTypeFromString,
                       VIR_XML_PROP_NONZERO, &os->loaderType) < 0)
        return -1;
    if (!(os->loaderPath = virXMLNodeContentString(loader)))
        return -1;
    if (!*os->loaderPath)
        g_clear_pointer(&os->loaderPath, g_free);
    if (virXMLPropTristateBool(loader, "secure", VIR_XML_PROP_NONE, &os->loaderSecure) < 0 ||
        virXMLPropTristateBool(loader, "stateless", VIR_XML_PROP_NONE,
                               &os->loaderStateless) < 0)
        return -1;
    /* a loader path without a type is a ROM */
    if (os->loaderPath && !os->loaderType)
        os->loaderType = 1;
    return 0;
}


static int
virDomainOSAcpiParseXML(virDomainOSDef *os, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *type = NULL;
    int n;

    if ((n = virXPathNodeSet("./os/acpi/table", ctxt, &nodes)) < 0)
        return -1;
    if (n > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Only one acpi table is supported");
        return -1;
    }
    if (n == 0)
        return 0;
    if (!(type = virXMLPropString(nodes[0], "type"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing acpi table type");
        return -1;
    }
    if (STRNEQ(type, "slic")) {
        virReportError(VIR_ERR_XML_ERROR, "Unknown acpi table type: %s", type);
        return -1;
    }
    if (!(os->slicTable = virXMLNodeContentString(nodes[0])))
        return -1;
    return 0;
}


static int
virDomainOSBootParseXML(virDomainOSDef *os, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr node;
    size_t i;
    int n, rc;

    if ((n = virXPathNodeSet("./os/boot", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n && i < VIR_DOMAIN_BOOT_MAX; i++) {
        if (virXMLPropEnum(nodes[i], "dev", virDomainBootTypeFromString,
                           VIR_XML_PROP_REQUIRED, &os->bootDevs[os->nBootDevs]) < 0)
            return -1;
        os->nBootDevs++;
    }
    if ((node = virXPathNode("./os/bootmenu[1]", ctxt))) {
        if (virXMLPropTristateBool(node, "enable", VIR_XML_PROP_NONE, &os->bootmenu) < 0)
            return -1;
        if (os->bootmenu == VIR_TRISTATE_BOOL_YES) {
            if ((rc = virXMLPropUInt(node, "timeout", 10, VIR_XML_PROP_NONE,
                                     &os->bootmenuTimeout)) < 0)
                return -1;
            os->bootmenuTimeoutSet = rc > 0;
        }
    }
    if ((node = virXPathNode("./os/bios[1]", ctxt))) {
        if (virXMLPropTristateBool(node, "useserial", VIR_XML_PROP_NONE,
                                   &os->biosUseserial) < 0)
            return -1;
        if ((rc = virXMLPropInt(node, "rebootTimeout", 10, VIR_XML_PROP_NONE,
                                &os->biosRebootTimeout, 0)) < 0)
            return -1;
        os->biosRebootTimeoutSet = rc > 0;
    }
    return 0;
}


int
virDomainOSParseXML(virDomainOSDef *os, xmlXPathContextPtr ctxt)
{
    g_autofree char *smbios = NULL;
    int mode;

    if (os->type != VIR_DOMAIN_OSTYPE_EXE && os->type != VIR_DOMAIN_OSTYPE_LINUX) {
        os->kernel = virXPathString("string(./os/kernel[1])", ctxt);
        os->initrd = virXPathString("string(./os/initrd[1])", ctxt);
        os->cmdline = virXPathString("string(./os/cmdline[1])", ctxt);
        os->dtb = virXPathString("string(./os/dtb[1])", ctxt);
        os->root = virXPathString("string(./os/root[1])", ctxt);
        if (virDomainOSLoaderParseXML(os, ctxt) < 0)
            return -1;
    }
    if (os->type == VIR_DOMAIN_OSTYPE_EXE)
        os->init = virXPathString("string(./os/init[1])", ctxt);
    if (os->type == VIR_DOMAIN_OSTYPE_HVM &&
        (virDomainOSFirmwareParseXML(os, ctxt) < 0 ||
         virDomainOSAcpiParseXML(os, ctxt) < 0 ||
         virDomainOSBootParseXML(os, ctxt) < 0))
        return -1;
    if ((smbios = virXPathString("string(./os/smbios/@mode)", ctxt))) {
        if ((mode = virDomainSmbiosModeTypeFromString(smbios)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown smbios mode '%s'", smbios);
            return -1;
        }
        os->smbiosMode = mode;
    }
    return 0;
}


static void
virDomainOSLoaderFormat(virBuffer *buf, const virDomainOSDef *os)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) textBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) nvAttrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) nvTextBuf = VIR_BUFFER_INITIALIZER;

    if (os->loaderPresent || os->nvramPresent) {
        if (os->loaderReadonly)
            virBufferAsprintf(&attrBuf, " readonly='%s'",
                              virTristateBoolTypeToString(os->loaderReadonly));
        if (os->loaderSecure)
            virBufferAsprintf(&attrBuf, " secure='%s'",
                              virTristateBoolTypeToString(os->loaderSecure));
        if (os->loaderType)
            virBufferAsprintf(&attrBuf, " type='%s'",
                              virDomainLoaderTypeToString(os->loaderType));
        if (os->loaderStateless)
            virBufferAsprintf(&attrBuf, " stateless='%s'",
                              virTristateBoolTypeToString(os->loaderStateless));
        virBufferEscapeString(&textBuf, "%s", os->loaderPath);
        virBufferFormatElementFull(buf, "loader", &attrBuf, &textBuf, false, false);
        virBufferEscapeString(&nvAttrBuf, " template='%s'", os->nvramTemplate);
        if (os->nvramSource) {
            g_auto(virBuffer) nvChildBuf = VIR_BUFFER_INIT_CHILD(buf);

            virBufferAsprintf(&nvAttrBuf, " type='%s'",
                              virDomainStorageTypeToString(os->nvramSource->type));
            virDomainStorageSourceFormat(&nvChildBuf, os->nvramSource, "source", NULL,
                                         true, true, false, 0);
            virBufferFormatElement(buf, "nvram", &nvAttrBuf, &nvChildBuf);
        } else {
            virBufferEscapeString(&nvTextBuf, "%s", os->nvramPath);
            virBufferFormatElementFull(buf, "nvram", &nvAttrBuf, &nvTextBuf, false, false);
        }
    }
}


static void
virDomainOSBootFormat(virBuffer *buf, const virDomainOSDef *os)
{
    size_t i;

    for (i = 0; i < os->nBootDevs; i++)
        virBufferAsprintf(buf, "<boot dev='%s'/>\n", virDomainBootTypeToString(os->bootDevs[i]));
    if (os->bootmenu) {
        virBufferAsprintf(buf, "<bootmenu enable='%s'",
                          virTristateBoolTypeToString(os->bootmenu));
        if (os->bootmenuTimeoutSet)
            virBufferAsprintf(buf, " timeout='%u'", os->bootmenuTimeout);
        virBufferAddLit(buf, "/>\n");
    }
    if (os->biosUseserial || os->biosRebootTimeoutSet) {
        virBufferAddLit(buf, "<bios");
        if (os->biosUseserial)
            virBufferAsprintf(buf, " useserial='%s'",
                              virTristateBoolTypeToString(os->biosUseserial));
        if (os->biosRebootTimeoutSet)
            virBufferAsprintf(buf, " rebootTimeout='%d'", os->biosRebootTimeout);
        virBufferAddLit(buf, "/>\n");
    }
}


void
virDomainOSFormat(virBuffer *buf, const virDomainOSDef *os, bool xenGuest)
{
    size_t i;

    if (os->bootloader) {
        virBufferEscapeString(buf, "<bootloader>%s</bootloader>\n", os->bootloader);
        virBufferEscapeString(buf, "<bootloader_args>%s</bootloader_args>\n",
                              os->bootloaderArgs);
    }
    virBufferAddLit(buf, "<os");
    if (os->firmware)
        virBufferAsprintf(buf, " firmware='%s'", virDomainOsDefFirmwareTypeToString(os->firmware));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAddLit(buf, "<type");
    virBufferEscapeString(buf, " arch='%s'", os->arch);
    virBufferEscapeString(buf, " machine='%s'", os->machine);
    /* xen paravirt guests keep their historical 'linux' type */
    virBufferAsprintf(buf, ">%s</type>\n",
                      virDomainOSTypeToString(xenGuest && os->type == VIR_DOMAIN_OSTYPE_XEN ?
                                              VIR_DOMAIN_OSTYPE_LINUX : os->type));
    if (os->hasFirmwareFeatures) {
        virBufferAddLit(buf, "<firmware>\n");
        for (i = 0; i < G_N_ELEMENTS(os->firmwareFeatures); i++) {
            if (os->firmwareFeatures[i])
                virBufferAsprintf(buf, "  <feature enabled='%s' name='%s'/>\n",
                                  virTristateBoolTypeToString(os->firmwareFeatures[i]),
                                  virDomainOsDefFirmwareFeatureTypeToString(i));
        }
        virBufferAddLit(buf, "</firmware>\n");
    }
    virBufferEscapeString(buf, "<init>%s</init>\n", os->init);
    virDomainOSLoaderFormat(buf, os);
    virBufferEscapeString(buf, "<kernel>%s</kernel>\n", os->kernel);
    virBufferEscapeString(buf, "<initrd>%s</initrd>\n", os->initrd);
    virBufferEscapeString(buf, "<cmdline>%s</cmdline>\n", os->cmdline);
    virBufferEscapeString(buf, "<dtb>%s</dtb>\n", os->dtb);
    virBufferEscapeString(buf, "<root>%s</root>\n", os->root);
    if (os->slicTable) {
        virBufferAddLit(buf, "<acpi>\n");
        virBufferEscapeString(buf, "  <table type='slic'>%s</table>\n", os->slicTable);
        virBufferAddLit(buf, "</acpi>\n");
    }
    if (!os->bootloader)
        virDomainOSBootFormat(buf, os);
    if (os->smbiosMode)
        virBufferAsprintf(buf, "<smbios mode='%s'/>\n",
                          virDomainSmbiosModeTypeToString(os->smbiosMode));
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</os>\n");
}
