/*
 * hostdev.c: <hostdev>, <redirdev> and <redirfilter>.
 */
#include "internal.h"
#include "conf/domain/hostdev.h"
#include "util/virstring.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainHostdevMode);
VIR_ENUM_IMPL(virDomainHostdevMode, 2, "subsystem", "capabilities");
VIR_ENUM_DECL(virDomainHostdevSubsys);
VIR_ENUM_IMPL(virDomainHostdevSubsys, VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST,
              "usb", "pci", "scsi", "scsi_host", "mdev");
VIR_ENUM_DECL(virDomainHostdevCaps);
VIR_ENUM_IMPL(virDomainHostdevCaps, 3, "storage", "misc", "net");
VIR_ENUM_DECL(virDomainHostdevPCIBackend);
VIR_ENUM_IMPL(virDomainHostdevPCIBackend, 4, "default", "kvm", "vfio", "xen");
VIR_ENUM_DECL(virDomainHostdevSCSIProtocol);
VIR_ENUM_IMPL(virDomainHostdevSCSIProtocol, 2, "adapter", "iscsi");
VIR_ENUM_DECL(virDomainHostdevSCSIHostProtocol);
VIR_ENUM_IMPL(virDomainHostdevSCSIHostProtocol, 2, "none", "vhost");
VIR_ENUM_DECL(virDomainHostdevSCSIVHostModel);
VIR_ENUM_IMPL(virDomainHostdevSCSIVHostModel, 4,
              "default", "virtio", "virtio-transitional", "virtio-non-transitional");
VIR_ENUM_DECL(virDomainHostdevUSBGuestReset);
VIR_ENUM_IMPL(virDomainHostdevUSBGuestReset, 4, "default", "off", "uninitialized", "on");
VIR_ENUM_DECL(virDomainMediatedDeviceModel);
VIR_ENUM_IMPL(virDomainMediatedDeviceModel, 3, "vfio-pci", "vfio-ccw", "vfio-ap");
VIR_ENUM_DECL(virDomainHostdevStartupPolicy);
VIR_ENUM_IMPL(virDomainHostdevStartupPolicy, 4, "default", "mandatory", "requisite", "optional");
VIR_ENUM_DECL(virDomainHostdevSGIO);
VIR_ENUM_IMPL(virDomainHostdevSGIO, 3, "default", "filtered", "unfiltered");
VIR_ENUM_DECL(virDomainHostdevTeaming);
VIR_ENUM_IMPL(virDomainHostdevTeaming, 3, "none", "persistent", "transient");
VIR_ENUM_DECL(virDomainRedirdevBus);
VIR_ENUM_IMPL(virDomainRedirdevBus, 1, "usb");

#define HOSTDEV_MODE_CAPS 1
#define SCSI_PROTOCOL_ISCSI 1

void
virDomainHostdevDefFree(void *dev)
{
    virDomainHostdevDef *def = dev;

    if (!def)
        return;
    g_free(def->adapter);
    g_free(def->iscsiName);
    g_free(def->iscsiHost);
    g_free(def->iscsiIqn);
    virDomainStorageSourceFree(def->iscsiAuth);
    g_free(def->wwpn);
    g_free(def->mdevUUID);
    g_free(def->capsPath);
    g_free(def->teamingPersistent);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainHostdevDef, virDomainHostdevDefFree);


static int
virDomainHostdevUSBParseXML(virDomainHostdevDef *def, xmlNodePtr source)
{
    xmlNodePtr cur;

    if (virXMLPropEnum(source, "startupPolicy", virDomainHostdevStartupPolicyTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->startupPolicy) < 0 ||
        virXMLPropEnum(source, "guestReset", virDomainHostdevUSBGuestResetTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->guestReset) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(source, "vendor"))) {
        def->hasVendor = true;
        if (virXMLPropUInt(cur, "id", 0, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &def->vendor) < 0)
            return -1;
        if (!(cur = virXMLNodeGetSubelement(source, "product"))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing product");
            return -1;
        }
        if (virXMLPropUInt(cur, "id", 0, VIR_XML_PROP_REQUIRED, &def->product) < 0)
            return -1;
    }
    if ((cur = virXMLNodeGetSubelement(source, "address")) &&
        (virXMLPropUInt(cur, "bus", 0, VIR_XML_PROP_REQUIRED, &def->usbBus) < 0 ||
         virXMLPropUInt(cur, "device", 0, VIR_XML_PROP_REQUIRED, &def->usbDevice) < 0))
        return -1;
    return 0;
}


static int
virDomainHostdevSCSIParseXML(virDomainHostdevDef *def, xmlNodePtr source)
{
    xmlNodePtr cur;

    if (virXMLPropEnum(source, "protocol", virDomainHostdevSCSIProtocolTypeFromString,
                       VIR_XML_PROP_NONE, &def->scsiProtocol) < 0)
        return -1;
    if (def->scsiProtocol == SCSI_PROTOCOL_ISCSI) {
        def->iscsiName = virXMLPropString(source, "name");
        if ((cur = virXMLNodeGetSubelement(source, "host"))) {
            def->iscsiHost = virXMLPropString(cur, "name");
            if (virXMLPropUInt(cur, "port", 10, VIR_XML_PROP_NONE, &def->iscsiPort) < 0)
                return -1;
        }
        if ((cur = virXMLNodeGetSubelement(source, "auth"))) {
            def->iscsiAuth = g_new0(virDomainStorageSource, 1);
            if (virDomainStorageAuthParseXML(cur, def->iscsiAuth) < 0)
                return -1;
        }
        if ((cur = virXMLNodeGetSubelement(source, "initiator")) &&
            (cur = virXMLNodeGetSubelement(cur, "iqn")))
            def->iscsiIqn = virXMLPropString(cur, "name");
        return 0;
    }
    if (!(cur = virXMLNodeGetSubelement(source, "adapter")) ||
        !(def->adapter = virXMLPropString(cur, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing scsi adapter 'name' attribute");
        return -1;
    }
    if (!(cur = virXMLNodeGetSubelement(source, "address"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "'address' must be specified for scsi hostdev source");
        return -1;
    }
    if (virXMLPropUInt(cur, "bus", 0, VIR_XML_PROP_REQUIRED, &def->scsiBus) < 0 ||
        virXMLPropUInt(cur, "target", 0, VIR_XML_PROP_REQUIRED, &def->scsiTarget) < 0 ||
        virXMLPropULongLong(cur, "unit", 0, VIR_XML_PROP_REQUIRED, &def->scsiUnit) < 0)
        return -1;
    return 0;
}


static int
virDomainHostdevSourceParseXML(virDomainHostdevDef *def, xmlNodePtr source)
{
    xmlNodePtr cur;
    unsigned char uuid[VIR_UUID_BUFLEN];

    switch ((virDomainHostdevSubsysType)def->type) {
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB:
        return virDomainHostdevUSBParseXML(def, source);
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI:
        if (virXMLPropTristateBool(source, "writeFiltering", VIR_XML_PROP_NONE,
                                   &def->writeFiltering) < 0)
            return -1;
        if (!(cur = virXMLNodeGetSubelement(source, "address"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "PCI host devices must use 'pci' address type");
            return -1;
        }
        return virDomainPCIAddressParseXML(cur, &def->pciAddr);
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI:
        return virDomainHostdevSCSIParseXML(def, source);
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST:
        if (virXMLPropEnum(source, "protocol", virDomainHostdevSCSIHostProtocolTypeFromString,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &def->hostProtocol) < 0)
            return -1;
        if (!(def->wwpn = virXMLPropStringRequired(source, "wwpn")))
            return -1;
        return 0;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV:
        if (!(cur = virXMLNodeGetSubelement(source, "address")) ||
            !(def->mdevUUID = virXMLPropString(cur, "uuid"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "Missing 'uuid' attribute for element <address>");
            return -1;
        }
        if (virUUIDParse(def->mdevUUID, uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "Cannot parse uuid attribute of element <address>");
            return -1;
        }
        virUUIDFormat(uuid, def->mdevUUID);
        return 0;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST:
        break;
    }
    return 0;
}


int
virDomainHostdevSubsysParseXML(virDomainHostdevDef *def, xmlNodePtr node,
                               xmlXPathContextPtr ctxt G_GNUC_UNUSED, const char *type,
                               unsigned int flags G_GNUC_UNUSED)
{
    g_autofree char *managed = virXMLPropString(node, "managed");
    xmlNodePtr source, driver;
    int val;

    if (managed)
        ignore_value(virStringParseYesNo(managed, &def->managed));
    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing source address type");
        return -1;
    }
    if ((val = virDomainHostdevSubsysTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown host device source address type '%s'", type);
        return -1;
    }
    def->type = val;
    if (!(source = virXMLNodeGetSubelement(node, "source"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing <source> element in hostdev device");
        return -1;
    }
    if (def->type != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB &&
        xmlHasProp(source, BAD_CAST "startupPolicy")) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "Setting startupPolicy is only allowed for USB devices");
        return -1;
    }
    if ((driver = virXMLNodeGetSubelement(node, "driver")) &&
        def->type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI &&
        virXMLPropEnum(driver, "name", virDomainHostdevPCIBackendTypeFromString,
                       VIR_XML_PROP_NONE, &def->pciBackend) < 0)
        return -1;
    return virDomainHostdevSourceParseXML(def, source);
}


static int
virDomainHostdevModeAttrsParseXML(virDomainHostdevDef *def, xmlNodePtr node)
{
    int rc;

    if ((rc = virXMLPropEnum(node, "sgio", virDomainHostdevSGIOTypeFromString,
                             VIR_XML_PROP_NONZERO, &def->sgio)) < 0)
        return -1;
    if (rc > 0 && def->type != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "sgio is only supported for scsi host device");
        return -1;
    }
    if ((rc = virXMLPropTristateBool(node, "rawio", VIR_XML_PROP_NONE, &def->rawio)) < 0)
        return -1;
    if (rc > 0 && def->type != VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "rawio is only supported for scsi host device");
        return -1;
    }
    if (def->type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST)
        return virXMLPropEnum(node, "model", virDomainHostdevSCSIVHostModelTypeFromString,
                              VIR_XML_PROP_NONE, &def->vhostModel) < 0 ? -1 : 0;
    if (def->type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV)
        return (virXMLPropEnum(node, "model", virDomainMediatedDeviceModelTypeFromString,
                               VIR_XML_PROP_REQUIRED, &def->mdevModel) < 0 ||
                virXMLPropTristateSwitch(node, "display", VIR_XML_PROP_NONE, &def->display) < 0 ||
                virXMLPropTristateSwitch(node, "ramfb", VIR_XML_PROP_NONE, &def->ramfb) < 0) ?
            -1 : 0;
    return 0;
}


static int
virDomainHostdevCapsParseXML(virDomainHostdevDef *def, xmlNodePtr node, const char *type)
{
    static const char *elems[] = { "block", "char", "interface" };
    xmlNodePtr source = virXMLNodeGetSubelement(node, "source");
    xmlNodePtr cur;
    int val;

    if (!type || (val = virDomainHostdevCapsTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown host device source address type '%s'", type ? type : "(null)");
        return -1;
    }
    def->type = val;
    if (!source || !(cur = virXMLNodeGetSubelement(source, elems[val])) ||
        !(def->capsPath = virXMLNodeContentString(cur))) {
        virReportError(VIR_ERR_XML_ERROR, "Missing <%s> element in hostdev device",
                       elems[val]);
        return -1;
    }
    return 0;
}


void *
virDomainHostdevDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                            const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainHostdevDef) def = g_new0(virDomainHostdevDef, 1);
    g_autofree char *type = virXMLPropString(node, "type");
    xmlNodePtr cur;

    if (virXMLPropEnum(node, "mode", virDomainHostdevModeTypeFromString,
                       VIR_XML_PROP_NONE, &def->mode) < 0)
        return NULL;
    if (def->mode == HOSTDEV_MODE_CAPS) {
        if (virDomainHostdevCapsParseXML(def, node, type) < 0)
            return NULL;
    } else if (virDomainHostdevSubsysParseXML(def, node, ctxt, type, flags) < 0 ||
               virDomainHostdevModeAttrsParseXML(def, node) < 0) {
        return NULL;
    }
    def->readonly = virXMLNodeGetSubelement(node, "readonly") != NULL;
    def->shareable = virXMLNodeGetSubelement(node, "shareable") != NULL;
    if ((cur = virXMLNodeGetSubelement(node, "teaming"))) {
        if (virXMLPropEnum(cur, "type", virDomainHostdevTeamingTypeFromString,
                           VIR_XML_PROP_REQUIRED, &def->teamingType) < 0)
            return NULL;
        def->teamingPersistent = virXMLPropString(cur, "persistent");
    }
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


static void
virDomainHostdevSCSIFormat(virBuffer *buf, const virDomainHostdevDef *def, bool typeInAddr)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (def->scsiProtocol == SCSI_PROTOCOL_ISCSI) {
        virBufferEscapeString(&attrBuf, " protocol='iscsi' name='%s'", def->iscsiName);
        virBufferEscapeString(&childBuf, "<host name='%s'", def->iscsiHost);
        if (def->iscsiPort)
            virBufferAsprintf(&childBuf, " port='%u'", def->iscsiPort);
        virBufferAddLit(&childBuf, "/>\n");
        if (def->iscsiAuth)
            virDomainStorageAuthFormat(&childBuf, def->iscsiAuth);
        if (def->iscsiIqn) {
            virBufferAddLit(&childBuf, "<initiator>\n");
            virBufferEscapeString(&childBuf, "  <iqn name='%s'/>\n", def->iscsiIqn);
            virBufferAddLit(&childBuf, "</initiator>\n");
        }
    } else {
        virBufferEscapeString(&childBuf, "<adapter name='%s'/>\n", def->adapter);
        virBufferAsprintf(&childBuf, "<address%s bus='%u' target='%u' unit='%llu'/>\n",
                          typeInAddr ? " type='scsi'" : "",
                          def->scsiBus, def->scsiTarget, def->scsiUnit);
    }
    virBufferFormatElement(buf, "source", &attrBuf, &childBuf);
}


void
virDomainHostdevSubsysFormat(virBuffer *buf, const virDomainHostdevDef *def,
                             unsigned int flags G_GNUC_UNUSED, bool typeInAddr)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    switch ((virDomainHostdevSubsysType)def->type) {
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_USB:
        if (def->startupPolicy)
            virBufferAsprintf(&attrBuf, " startupPolicy='%s'",
                              virDomainHostdevStartupPolicyTypeToString(def->startupPolicy));
        if (def->guestReset)
            virBufferAsprintf(&attrBuf, " guestReset='%s'",
                              virDomainHostdevUSBGuestResetTypeToString(def->guestReset));
        if (def->hasVendor) {
            virBufferAsprintf(&childBuf, "<vendor id='0x%.4x'/>\n", def->vendor);
            virBufferAsprintf(&childBuf, "<product id='0x%.4x'/>\n", def->product);
        }
        if (def->usbBus || def->usbDevice)
            virBufferAsprintf(&childBuf, "<address %sbus='%u' device='%u'/>\n",
                              typeInAddr ? "type='usb' " : "", def->usbBus, def->usbDevice);
        virBufferFormatElement(buf, "source", &attrBuf, &childBuf);
        return;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_PCI:
        if (def->writeFiltering)
            virBufferAsprintf(&attrBuf, " writeFiltering='%s'",
                              virTristateBoolTypeToString(def->writeFiltering));
        if (def->pciBackend)
            virBufferAsprintf(buf, "<driver name='%s'/>\n",
                              virDomainHostdevPCIBackendTypeToString(def->pciBackend));
        virDomainPCIAddressFormat(&childBuf, &def->pciAddr, typeInAddr);
        virBufferFormatElement(buf, "source", &attrBuf, &childBuf);
        return;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI:
        virDomainHostdevSCSIFormat(buf, def, typeInAddr);
        return;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST:
        virBufferAsprintf(buf, "<source protocol='%s'",
                          virDomainHostdevSCSIHostProtocolTypeToString(def->hostProtocol));
        virBufferEscapeString(buf, " wwpn='%s'/>\n", def->wwpn);
        return;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV:
        virBufferAddLit(buf, "<source>\n");
        virBufferAsprintf(buf, "  <address uuid='%s'/>\n", def->mdevUUID);
        virBufferAddLit(buf, "</source>\n");
        return;
    case VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_LAST:
        return;
    }
}


static void
virDomainHostdevAttrsFormat(virBuffer *buf, const virDomainHostdevDef *def)
{
    if (def->mode == HOSTDEV_MODE_CAPS) {
        virBufferAsprintf(buf, " mode='capabilities' type='%s'",
                          virDomainHostdevCapsTypeToString(def->type));
        return;
    }
    virBufferAsprintf(buf, " mode='subsystem' type='%s' managed='%s'",
                      virDomainHostdevSubsysTypeToString(def->type),
                      def->managed ? "yes" : "no");
    if (def->type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI) {
        if (def->sgio)
            virBufferAsprintf(buf, " sgio='%s'", virDomainHostdevSGIOTypeToString(def->sgio));
        if (def->rawio)
            virBufferAsprintf(buf, " rawio='%s'", virTristateBoolTypeToString(def->rawio));
    }
    if (def->type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_SCSI_HOST && def->vhostModel)
        virBufferAsprintf(buf, " model='%s'",
                          virDomainHostdevSCSIVHostModelTypeToString(def->vhostModel));
    if (def->type == VIR_DOMAIN_HOSTDEV_SUBSYS_TYPE_MDEV) {
        virBufferAsprintf(buf, " model='%s'", virDomainMediatedDeviceModelTypeToString(def->mdevModel));
        if (def->display)
            virBufferAsprintf(buf, " display='%s'", virTristateSwitchTypeToString(def->display));
        if (def->ramfb)
            virBufferAsprintf(buf, " ramfb='%s'", virTristateSwitchTypeToString(def->ramfb));
    }
}


int
virDomainHostdevDefFormat(virBuffer *buf, const void *dev,
                          const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainHostdevDef *def = dev;
    static const char *elems[] = { "block", "char", "interface" };

    virBufferAddLit(buf, "<hostdev");
    virDomainHostdevAttrsFormat(buf, def);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    if (def->mode == HOSTDEV_MODE_CAPS) {
        virBufferAddLit(buf, "<source>\n");
        virBufferAsprintf(buf, "  <%s>", elems[def->type]);
        virBufferEscapeString(buf, "%s", def->capsPath);
        virBufferAsprintf(buf, "</%s>\n", elems[def->type]);
        virBufferAddLit(buf, "</source>\n");
    } else {
        virDomainHostdevSubsysFormat(buf, def, flags, false);
    }
    if (def->teamingType) {
        virBufferAsprintf(buf, "<teaming type='%s'",
                          virDomainHostdevTeamingTypeToString(def->teamingType));
        virBufferEscapeString(buf, " persistent='%s'", def->teamingPersistent);
        virBufferAddLit(buf, "/>\n");
    }
    if (def->readonly)
        virBufferAddLit(buf, "<readonly/>\n");
    if (def->shareable)
        virBufferAddLit(buf, "<shareable/>\n");
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</hostdev>\n");
    return 0;
}


void
virDomainRedirdevDefFree(void *dev)
{
    virDomainRedirdevDef *def = dev;

    if (!def)
        return;
    virDomainChrSourceDefFree(def->source);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainRedirdevDef, virDomainRedirdevDefFree);


void *
virDomainRedirdevDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                             const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainRedirdevDef) def = g_new0(virDomainRedirdevDef, 1);
    g_autofree char *type = NULL;

    if (virXMLPropEnum(node, "bus", virDomainRedirdevBusTypeFromString,
                       VIR_XML_PROP_NONE, &def->bus) < 0)
        return NULL;
    def->source = g_new0(virDomainChrSourceDef, 1);
    if (virXMLPropEnum(node, "type", virDomainChrTypeFromString, VIR_XML_PROP_REQUIRED,
                       (unsigned int *)&def->source->type) < 0)
        return NULL;
    if (virDomainChrSourceParseXML(def->source, node, ctxt, flags) < 0 ||
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainRedirdevDefValidate(const void *dev, const virDomainDef *vmdef G_GNUC_UNUSED)
{
    const virDomainRedirdevDef *def = dev;

    return virDomainChrSourceValidate(def->source, false);
}


int
virDomainRedirdevDefFormat(virBuffer *buf, const void *dev,
                           const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainRedirdevDef *def = dev;

    virBufferAsprintf(buf, "<redirdev bus='%s' type='%s'>\n",
                      virDomainRedirdevBusTypeToString(def->bus),
                      virDomainChrTypeToString(def->source->type));
    virBufferAdjustIndent(buf, 2);
    virDomainChrSourceFormat(buf, def->source, flags);
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</redirdev>\n");
    return 0;
}


void
virDomainRedirFilterDefFree(void *dev)
{
    virDomainRedirFilterDef *def = dev;
    size_t i;

    if (!def)
        return;
    for (i = 0; i < def->nusbdevs; i++)
        g_free(def->usbdevs[i].version);
    g_free(def->usbdevs);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainRedirFilterDef, virDomainRedirFilterDefFree);


static int
virDomainRedirFilterNumber(xmlNodePtr node, const char *attr, int *val)
{
    g_autofree char *str = virXMLPropString(node, attr);
    unsigned int num;

    *val = -1;
    if (!str || STREQ(str, "-1"))
        return 0;
    if (virStrToLong_uip(str, NULL, 0, &num) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Cannot parse USB %s %s", attr, str);
        return -1;
    }
    *val = num;
    return 0;
}


void *
virDomainRedirFilterDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt G_GNUC_UNUSED,
                                const virDomainDef *vmdef G_GNUC_UNUSED,
                                unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(virDomainRedirFilterDef) def = g_new0(virDomainRedirFilterDef, 1);
    xmlNodePtr cur;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        virDomainRedirFilterUSBDev *usb;
        g_autofree char *allow = NULL;
        g_autofree char *version = NULL;

        if (!virXMLNodeNameEqual(cur, "usbdev"))
            continue;
        def->usbdevs = g_renew(virDomainRedirFilterUSBDev, def->usbdevs, def->nusbdevs + 1);
        usb = &def->usbdevs[def->nusbdevs++];
        memset(usb, 0, sizeof(*usb));
        if (virDomainRedirFilterNumber(cur, "class", &usb->usbClass) < 0 ||
            virDomainRedirFilterNumber(cur, "vendor", &usb->vendor) < 0 ||
            virDomainRedirFilterNumber(cur, "product", &usb->product) < 0)
            return NULL;
        if ((version = virXMLPropString(cur, "version")) && STRNEQ(version, "-1"))
            usb->version = g_steal_pointer(&version);
        if (!(allow = virXMLPropStringRequired(cur, "allow")))
            return NULL;
        if (virStringParseYesNo(allow, &usb->allow) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "Invalid allow value, either 'yes' or 'no'");
            return NULL;
        }
    }
    return g_steal_pointer(&def);
}


int
virDomainRedirFilterDefFormat(virBuffer *buf, const void *dev,
                              const virDomainDef *vmdef G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    const virDomainRedirFilterDef *def = dev;
    size_t i;

    if (!def->nusbdevs)
        return 0;
    virBufferAddLit(buf, "<redirfilter>\n");
    for (i = 0; i < def->nusbdevs; i++) {
        const virDomainRedirFilterUSBDev *usb = &def->usbdevs[i];

        virBufferAddLit(buf, "  <usbdev");
        if (usb->usbClass >= 0)
            virBufferAsprintf(buf, " class='0x%02X'", usb->usbClass);
        if (usb->vendor >= 0)
            virBufferAsprintf(buf, " vendor='0x%04X'", usb->vendor);
        if (usb->product >= 0)
            virBufferAsprintf(buf, " product='0x%04X'", usb->product);
        virBufferEscapeString(buf, " version='%s'", usb->version);
        virBufferAsprintf(buf, " allow='%s'/>\n", usb->allow ? "yes" : "no");
    }
    virBufferAddLit(buf, "</redirfilter>\n");
    return 0;
}
