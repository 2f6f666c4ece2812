/*
 * input.c: <input> and <hub>.
 */
#include "internal.h"
#include "conf/domain/input.h"
#include "conf/domain/domain_def.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainInput);
VIR_ENUM_IMPL(virDomainInput, VIR_DOMAIN_INPUT_TYPE_LAST,
              "mouse", "tablet", "keyboard", "passthrough", "evdev");
VIR_ENUM_DECL(virDomainInputBus);
VIR_ENUM_IMPL(virDomainInputBus, VIR_DOMAIN_INPUT_BUS_LAST,
              "ps2", "usb", "xen", "parallels", "virtio", "none");
VIR_ENUM_DECL(virDomainInputModel);
VIR_ENUM_IMPL(virDomainInputModel, 4,
              "default", "virtio", "virtio-transitional", "virtio-non-transitional");
VIR_ENUM_DECL(virDomainInputSourceGrab);
VIR_ENUM_IMPL(virDomainInputSourceGrab, 2, "default", "all");
VIR_ENUM_DECL(virDomainInputSourceGrabToggle);
VIR_ENUM_IMPL(virDomainInputSourceGrabToggle, 7, "default", "ctrl-ctrl", "alt-alt",
              "shift-shift", "meta-meta", "scrolllock", "ctrl-scrolllock");
VIR_ENUM_DECL(virDomainHub);
VIR_ENUM_IMPL(virDomainHub, 1, "usb");

void
virDomainInputDefFree(void *dev)
{
    virDomainInputDef *def = dev;

    if (!def)
        return;
    g_free(def->evdev);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainInputDef, virDomainInputDefFree);


/* The bus an <input> without bus='' gets on this kind of guest. */
static int
virDomainInputDefaultBus(const virDomainInputDef *def, const virDomainDef *vmdef)
{
    const char *arch = vmdef->os.arch;
    bool x86 = !arch || STREQ(arch, "i686") || STREQ(arch, "x86_64");
    bool s390 = arch && (STREQ(arch, "s390") || STREQ(arch, "s390x"));

    if (vmdef->os.type == VIR_DOMAIN_OSTYPE_HVM) {
        if ((def->type == VIR_DOMAIN_INPUT_TYPE_MOUSE ||
             def->type == VIR_DOMAIN_INPUT_TYPE_KBD) && x86)
            return VIR_DOMAIN_INPUT_BUS_PS2;
        if (s390 || def->type == VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH)
            return VIR_DOMAIN_INPUT_BUS_VIRTIO;
        if (def->type == VIR_DOMAIN_INPUT_TYPE_EVDEV)
            return VIR_DOMAIN_INPUT_BUS_NONE;
        return VIR_DOMAIN_INPUT_BUS_USB;
    }
    if (vmdef->os.type == VIR_DOMAIN_OSTYPE_XEN || vmdef->os.type == VIR_DOMAIN_OSTYPE_XENPVH)
        return VIR_DOMAIN_INPUT_BUS_XEN;
    if (vmdef->virtType == VIR_DOMAIN_VIRT_VZ || vmdef->virtType == VIR_DOMAIN_VIRT_PARALLELS)
        return VIR_DOMAIN_INPUT_BUS_PARALLELS;
    return VIR_DOMAIN_INPUT_BUS_PS2;
}


static int
virDomainInputSourceParseXML(virDomainInputDef *def, xmlNodePtr source)
{
    if (def->type == VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH)
        def->evdev = virXMLPropString(source, "evdev");
    else if (def->type == VIR_DOMAIN_INPUT_TYPE_EVDEV)
        def->evdev = virXMLPropString(source, "dev");
    if ((def->type == VIR_DOMAIN_INPUT_TYPE_PASSTHROUGH ||
         def->type == VIR_DOMAIN_INPUT_TYPE_EVDEV) && !def->evdev) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing evdev path for input device");
        return -1;
    }
    if (def->type == VIR_DOMAIN_INPUT_TYPE_EVDEV &&
        (virXMLPropEnum(source, "grab", virDomainInputSourceGrabTypeFromString,
                        VIR_XML_PROP_NONZERO, &def->grab) < 0 ||
         virXMLPropEnum(source, "grabToggle", virDomainInputSourceGrabToggleTypeFromString,
                        VIR_XML_PROP_NONZERO, &def->grabToggle) < 0 ||
         virXMLPropTristateSwitch(source, "repeat", VIR_XML_PROP_NONE, &def->repeat) < 0))
        return -1;
    return 0;
}


void *
virDomainInputDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef, unsigned int flags)
{
    g_autoptr(virDomainInputDef) def = g_new0(virDomainInputDef, 1);
    g_autofree char *type = virXMLPropString(node, "type");
    g_autofree char *bus = virXMLPropString(node, "bus");
    g_autofree char *model = virXMLPropString(node, "model");
    xmlNodePtr cur;
    int val;

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing input device type");
        return NULL;
    }
    if ((val = virDomainInputTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown input device type '%s'", type);
        return NULL;
    }
    def->type = val;
    if (model && (val = virDomainInputModelTypeFromString(model)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown input model '%s'", model);
        return NULL;
    }
    def->model = model ? val : 0;
    if (bus) {
        if ((def->bus = virDomainInputBusTypeFromString(bus)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown input bus type '%s'", bus);
            return NULL;
        }
    } else {
        def->bus = virDomainInputDefaultBus(def, vmdef);
    }
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    if (def->bus == VIR_DOMAIN_INPUT_BUS_USB &&
        def->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
        def->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Invalid address for a USB device");
        return NULL;
    }
    if ((cur = virXMLNodeGetSubelement(node, "source")) &&
        virDomainInputSourceParseXML(def, cur) < 0)
        return NULL;
    if ((cur = virXMLNodeGetSubelement(node, "driver")) &&
        (virXMLPropTristateSwitch(cur, "iommu", VIR_XML_PROP_NONE, &def->iommu) < 0 ||
         virXMLPropTristateSwitch(cur, "ats", VIR_XML_PROP_NONE, &def->ats) < 0 ||
         virXMLPropTristateSwitch(cur, "packed", VIR_XML_PROP_NONE, &def->packed) < 0 ||
         virXMLPropTristateSwitch(cur, "page_per_vq", VIR_XML_PROP_NONE, &def->pagePerVQ) < 0))
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainInputDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainInputDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) sourceBuf = VIR_BUFFER_INITIALIZER;

    /* the implicit keyboards are left out of migratable XML, as libvirt */
    if ((flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE) &&
        def->type == VIR_DOMAIN_INPUT_TYPE_KBD &&
        (def->bus == VIR_DOMAIN_INPUT_BUS_PS2 || def->bus == VIR_DOMAIN_INPUT_BUS_XEN))
        return 0;
    virBufferAsprintf(&attrBuf, " type='%s'", virDomainInputTypeToString(def->type));
    if (def->bus != VIR_DOMAIN_INPUT_BUS_NONE)
        virBufferAsprintf(&attrBuf, " bus='%s'", virDomainInputBusTypeToString(def->bus));
    if (def->model)
        virBufferAsprintf(&attrBuf, " model='%s'", virDomainInputModelTypeToString(def->model));
    if (def->iommu)
        virBufferAsprintf(&driverBuf, " iommu='%s'", virTristateSwitchTypeToString(def->iommu));
    if (def->ats)
        virBufferAsprintf(&driverBuf, " ats='%s'", virTristateSwitchTypeToString(def->ats));
    if (def->packed)
        virBufferAsprintf(&driverBuf, " packed='%s'", virTristateSwitchTypeToString(def->packed));
    if (def->pagePerVQ)
        virBufferAsprintf(&driverBuf, " page_per_vq='%s'",
                          virTristateSwitchTypeToString(def->pagePerVQ));
    virBufferFormatElement(&childBuf, "driver", &driverBuf, NULL);
    if (def->type == VIR_DOMAIN_INPUT_TYPE_EVDEV)
        virBufferEscapeString(&sourceBuf, " dev='%s'", def->evdev);
    else
        virBufferEscapeString(&sourceBuf, " evdev='%s'", def->evdev);
    if (def->grab)
        virBufferAsprintf(&sourceBuf, " grab='%s'", virDomainInputSourceGrabTypeToString(def->grab));
    if (def->grabToggle)
        virBufferAsprintf(&sourceBuf, " grabToggle='%s'",
                          virDomainInputSourceGrabToggleTypeToString(def->grabToggle));
    if (def->repeat)
        virBufferAsprintf(&sourceBuf, " repeat='%s'", virTristateSwitchTypeToString(def->repeat));
    virBufferFormatElement(&childBuf, "source", &sourceBuf, NULL);
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virBufferFormatElement(buf, "input", &attrBuf, &childBuf);
    return 0;
}


void
virDomainHubDefFree(void *dev)
{
    virDomainHubDef *def = dev;

    if (!def)
        return;
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainHubDef, virDomainHubDefFree);


void *
virDomainHubDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainHubDef) def = g_new0(virDomainHubDef, 1);
    g_autofree char *type = virXMLPropString(node, "type");

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing hub device type");
        return NULL;
    }
    if (virDomainHubTypeFromString(type) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown hub device type '%s'", type);
        return NULL;
    }
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainHubDefFormat(virBuffer *buf, const void *dev,
                      const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainHubDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAddLit(&attrBuf, " type='usb'");
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virBufferFormatElement(buf, "hub", &attrBuf, &childBuf);
    return 0;
}
