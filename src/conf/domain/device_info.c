/*
 * device_info.c: what every device may carry -- <alias>, <address> of
 * every type, <boot order>, <rom>, <acpi index> and <master>.
 */
#include "internal.h"
#include "conf/domain/device.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainDeviceAddress,
              VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST,
              "none", "pci", "drive", "virtio-serial", "ccid", "usb",
              "spapr-vio", "virtio-s390", "ccw", "virtio-mmio", "isa",
              "dimm", "unassigned");

void
virDomainDeviceInfoClear(virDomainDeviceInfo *info)
{
    g_clear_pointer(&info->alias, g_free);
    g_clear_pointer(&info->loadparm, g_free);
    g_clear_pointer(&info->romfile, g_free);
    memset(info, 0, sizeof(*info));
}


static bool
virDomainPCIAddressIsEmpty(const virDomainPCIAddress *addr)
{
    return !(addr->domain || addr->bus || addr->slot || addr->function);
}


int
virDomainPCIAddressParseXML(xmlNodePtr node, virDomainPCIAddress *addr)
{
    xmlNodePtr zpci;
    int rc;

    memset(addr, 0, sizeof(*addr));
    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE, &addr->domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE, &addr->slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE, &addr->function) < 0 ||
        virXMLPropTristateSwitch(node, "multifunction", VIR_XML_PROP_NONE,
                                 &addr->multi) < 0)
        return -1;

    if (!virDomainPCIAddressIsEmpty(addr)) {
        if (addr->bus > 0xFF) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address bus='0x%x', must be <= 0xFF",
                           addr->bus);
            return -1;
        }
        if (addr->slot > 0x1F) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address slot='0x%x', must be <= 0x1F",
                           addr->slot);
            return -1;
        }
        if (addr->function > 7) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address function=0x%x, must be <= 7",
                           addr->function);
            return -1;
        }
    }

    if ((zpci = virXMLNodeGetSubelement(node, "zpci"))) {
        if ((rc = virXMLPropUInt(zpci, "uid", 0, VIR_XML_PROP_NONE,
                                 &addr->zpciUid)) < 0)
            return -1;
        addr->zpciUidSet = rc > 0;
        if ((rc = virXMLPropUInt(zpci, "fid", 0, VIR_XML_PROP_NONE,
                                 &addr->zpciFid)) < 0)
            return -1;
        addr->zpciFidSet = rc > 0;
    }
    return 0;
}


void
virDomainPCIAddressFormat(virBuffer *buf, const virDomainPCIAddress *addr,
                          bool withType)
{
    virBufferAsprintf(buf, "<address %sdomain='0x%04x' bus='0x%02x' "
                      "slot='0x%02x' function='0x%d'/>\n",
                      withType ? "type='pci' " : "",
                      addr->domain, addr->bus, addr->slot, addr->function);
}


static int
virDomainUSBAddressParsePort(virDomainUSBAddress *addr, const char *port)
{
    char *tmp = (char *)port;
    size_t i;

    for (i = 0; i < VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH; i++) {
        if (virStrToLong_uip(tmp, &tmp, 10, &addr->port[i]) < 0)
            break;
        if (*tmp == '\0')
            return 0;
        if (*tmp == '.')
            tmp++;
    }
    virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                   "Cannot parse <address> 'port' attribute");
    return -1;
}


static int
virDomainCCWAddressParseXML(xmlNodePtr node, virDomainCCWAddress *addr)
{
    int cssid, ssid, devno;

    if ((cssid = virXMLPropUInt(node, "cssid", 0, VIR_XML_PROP_NONE, &addr->cssid)) < 0 ||
        (ssid = virXMLPropUInt(node, "ssid", 0, VIR_XML_PROP_NONE, &addr->ssid)) < 0 ||
        (devno = virXMLPropUInt(node, "devno", 0, VIR_XML_PROP_NONE, &addr->devno)) < 0)
        return -1;

    if (addr->cssid > 0xfe || addr->ssid > 3 || addr->devno > 0xffff) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Invalid specification for virtio ccw address: "
                       "cssid='0x%x' ssid='0x%x' devno='0x%04x'",
                       addr->cssid, addr->ssid, addr->devno);
        return -1;
    }
    if (cssid && ssid && devno) {
        addr->assigned = true;
    } else if (cssid || ssid || devno) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Invalid partial specification for virtio ccw address");
        return -1;
    }
    return 0;
}


static int
virDomainTypedAddressParseXML(xmlNodePtr node, virDomainDeviceInfo *info)
{
    g_autofree char *port = NULL;
    int rc;

    switch (info->type) {
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI:
        return virDomainPCIAddressParseXML(node, &info->addr.pci);
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE:
        if (virXMLPropUInt(node, "controller", 10, 0, &info->addr.drive.controller) < 0 ||
            virXMLPropUInt(node, "bus", 10, 0, &info->addr.drive.bus) < 0 ||
            virXMLPropUInt(node, "target", 10, 0, &info->addr.drive.target) < 0 ||
            virXMLPropUInt(node, "unit", 10, 0, &info->addr.drive.unit) < 0)
            return -1;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL:
        if (virXMLPropUInt(node, "controller", 10, 0, &info->addr.vioserial.controller) < 0 ||
            virXMLPropUInt(node, "bus", 10, 0, &info->addr.vioserial.bus) < 0 ||
            virXMLPropUInt(node, "port", 10, 0, &info->addr.vioserial.port) < 0)
            return -1;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID:
        if (virXMLPropUInt(node, "controller", 10, 0, &info->addr.ccid.controller) < 0 ||
            virXMLPropUInt(node, "slot", 10, 0, &info->addr.ccid.slot) < 0)
            return -1;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB:
        port = virXMLPropString(node, "port");
        if (port && virDomainUSBAddressParsePort(&info->addr.usb, port) < 0)
            return -1;
        return virXMLPropUInt(node, "bus", 10, 0, &info->addr.usb.bus) < 0 ? -1 : 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO:
        if ((rc = virXMLPropULongLong(node, "reg", 16, 0,
                                      &info->addr.spaprvio.reg)) < 0)
            return -1;
        info->addr.spaprvio.hasReg = rc > 0;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW:
        return virDomainCCWAddressParseXML(node, &info->addr.ccw);
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA:
        if (virXMLPropUInt(node, "iobase", 16, 0, &info->addr.isa.iobase) < 0 ||
            virXMLPropUInt(node, "irq", 16, 0, &info->addr.isa.irq) < 0)
            return -1;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM:
        if (virXMLPropUInt(node, "slot", 10, VIR_XML_PROP_REQUIRED,
                           &info->addr.dimm.slot) < 0 ||
            virXMLPropULongLong(node, "base", 16, 0, &info->addr.dimm.base) < 0)
            return -1;
        return 0;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390:
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "virtio-s390 bus doesn't have an address");
        return -1;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST:
        break;
    }
    return 0;
}


int
virDomainDeviceAddressParseXML(xmlNodePtr node, virDomainDeviceInfo *info)
{
    g_autofree char *type = virXMLPropString(node, "type");
    int val;

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "No type specified for device address");
        return -1;
    }
    if ((val = virDomainDeviceAddressTypeFromString(type)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown address type '%s'", type);
        return -1;
    }
    info->type = val;
    return virDomainTypedAddressParseXML(node, info);
}


static int
virDomainDeviceBootParseXML(xmlNodePtr node, virDomainDeviceInfo *info)
{
    g_autofree char *loadparm = NULL;
    size_t i;

    if (virXMLPropUInt(node, "order", 10,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &info->bootIndex) < 0)
        return -1;

    if (!(loadparm = virXMLPropString(node, "loadparm")))
        return 0;
    if (strlen(loadparm) > 8) {
        virReportError(VIR_ERR_XML_ERROR,
                       "loadparm value '%s' must be between 1 and 8 characters",
                       loadparm);
        return -1;
    }
    for (i = 0; loadparm[i]; i++) {
        loadparm[i] = g_ascii_toupper(loadparm[i]);
        if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789. ", loadparm[i])) {
            virReportError(VIR_ERR_XML_ERROR,
                           "invalid loadparm char '%c', expecting chars in "
                           "set of [a-zA-Z0-9.] and blank spaces",
                           loadparm[i]);
            return -1;
        }
    }
    info->loadparm = g_steal_pointer(&loadparm);
    return 0;
}


static int
virDomainDeviceRomParseXML(xmlNodePtr node, virDomainDeviceInfo *info)
{
    if (virXMLPropTristateBool(node, "enabled", VIR_XML_PROP_NONE,
                               &info->romenabled) < 0 ||
        virXMLPropTristateSwitch(node, "bar", VIR_XML_PROP_NONE,
                                 &info->rombar) < 0)
        return -1;
    info->romfile = virXMLPropString(node, "file");
    if (info->romenabled == VIR_TRISTATE_BOOL_NO &&
        (info->rombar != VIR_TRISTATE_SWITCH_ABSENT || info->romfile)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "ROM tuning is not supported when ROM is disabled");
        return -1;
    }
    return 0;
}


static int
virDomainDeviceInfoParseChildren(xmlNodePtr node, virDomainDeviceInfo *info,
                                 unsigned int flags)
{
    xmlNodePtr cur;

    if ((cur = virXMLNodeGetSubelement(node, "master"))) {
        info->hasMaster = true;
        if (virXMLPropUInt(cur, "startport", 10, VIR_XML_PROP_NONE,
                           &info->masterStartport) < 0)
            return -1;
    }
    if ((flags & VIR_DOMAIN_DEF_PARSE_ALLOW_BOOT) &&
        (cur = virXMLNodeGetSubelement(node, "boot")) &&
        virDomainDeviceBootParseXML(cur, info) < 0)
        return -1;
    if ((flags & VIR_DOMAIN_DEF_PARSE_ALLOW_ROM) &&
        (cur = virXMLNodeGetSubelement(node, "rom")) &&
        virDomainDeviceRomParseXML(cur, info) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "acpi")) &&
        virXMLPropUInt(cur, "index", 10, VIR_XML_PROP_NONZERO,
                       &info->acpiIndex) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "address")) &&
        virDomainDeviceAddressParseXML(cur, info) < 0)
        return -1;
    return 0;
}


int
virDomainDeviceInfoParseXML(xmlNodePtr node,
                            xmlXPathContextPtr ctxt G_GNUC_UNUSED,
                            virDomainDeviceInfo *info,
                            unsigned int flags)
{
    xmlNodePtr alias;
    g_autofree char *name = NULL;

    virDomainDeviceInfoClear(info);
    /* An inactive definition keeps only user aliases ("ua-" + safe chars). */
    if ((alias = virXMLNodeGetSubelement(node, "alias")) &&
        (name = virXMLPropString(alias, "name"))) {
        if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) ||
            (STRPREFIX(name, "ua-") &&
             strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                    "0123456789_-") == strlen(name)))
            info->alias = g_steal_pointer(&name);
    }
    if (virDomainDeviceInfoParseChildren(node, info, flags) < 0) {
        virDomainDeviceInfoClear(info);
        return -1;
    }
    return 0;
}


static void
virDomainDeviceAddressFormatAttrs(virBuffer *attrBuf, virBuffer *childBuf,
                                  const virDomainDeviceInfo *info)
{
    size_t i;

    switch (info->type) {
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_PCI:
        if (!virDomainPCIAddressIsEmpty(&info->addr.pci))
            virBufferAsprintf(attrBuf, " domain='0x%04x' bus='0x%02x' "
                              "slot='0x%02x' function='0x%d'",
                              info->addr.pci.domain, info->addr.pci.bus,
                              info->addr.pci.slot, info->addr.pci.function);
        if (info->addr.pci.multi)
            virBufferAsprintf(attrBuf, " multifunction='%s'",
                              virTristateSwitchTypeToString(info->addr.pci.multi));
        if (info->addr.pci.zpciUidSet || info->addr.pci.zpciFidSet)
            virBufferAsprintf(childBuf, "<zpci uid='0x%.4x' fid='0x%.8x'/>\n",
                              info->addr.pci.zpciUid, info->addr.pci.zpciFid);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE:
        virBufferAsprintf(attrBuf, " controller='%u' bus='%u' target='%u' unit='%u'",
                          info->addr.drive.controller, info->addr.drive.bus,
                          info->addr.drive.target, info->addr.drive.unit);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL:
        virBufferAsprintf(attrBuf, " controller='%u' bus='%u' port='%u'",
                          info->addr.vioserial.controller,
                          info->addr.vioserial.bus, info->addr.vioserial.port);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID:
        virBufferAsprintf(attrBuf, " controller='%u' slot='%u'",
                          info->addr.ccid.controller, info->addr.ccid.slot);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB:
        virBufferAsprintf(attrBuf, " bus='%u'", info->addr.usb.bus);
        if (info->addr.usb.port[0]) {
            virBufferAddLit(attrBuf, " port='");
            for (i = 0; i < VIR_DOMAIN_DEVICE_USB_MAX_PORT_DEPTH &&
                 info->addr.usb.port[i]; i++)
                virBufferAsprintf(attrBuf, "%s%u", i ? "." : "",
                                  info->addr.usb.port[i]);
            virBufferAddLit(attrBuf, "'");
        }
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_SPAPRVIO:
        if (info->addr.spaprvio.hasReg)
            virBufferAsprintf(attrBuf, " reg='0x%08llx'", info->addr.spaprvio.reg);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCW:
        virBufferAsprintf(attrBuf, " cssid='0x%x' ssid='0x%x' devno='0x%04x'",
                          info->addr.ccw.cssid, info->addr.ccw.ssid,
                          info->addr.ccw.devno);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_ISA:
        if (info->addr.isa.iobase > 0)
            virBufferAsprintf(attrBuf, " iobase='0x%x'", info->addr.isa.iobase);
        if (info->addr.isa.irq > 0)
            virBufferAsprintf(attrBuf, " irq='0x%x'", info->addr.isa.irq);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DIMM:
        virBufferAsprintf(attrBuf, " slot='%u'", info->addr.dimm.slot);
        if (info->addr.dimm.base)
            virBufferAsprintf(attrBuf, " base='0x%llx'", info->addr.dimm.base);
        break;
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_MMIO:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_UNASSIGNED:
    case VIR_DOMAIN_DEVICE_ADDRESS_TYPE_LAST:
        break;
    }
}


static void
virDomainDeviceRomFormat(virBuffer *buf, const virDomainDeviceInfo *info)
{
    if (!info->romenabled && !info->rombar && !info->romfile)
        return;
    virBufferAddLit(buf, "<rom");
    if (info->romenabled)
        virBufferAsprintf(buf, " enabled='%s'",
                          virTristateBoolTypeToString(info->romenabled));
    if (info->rombar)
        virBufferAsprintf(buf, " bar='%s'",
                          virTristateSwitchTypeToString(info->rombar));
    virBufferEscapeString(buf, " file='%s'", info->romfile);
    virBufferAddLit(buf, "/>\n");
}


void
virDomainDeviceInfoFormat(virBuffer *buf, const virDomainDeviceInfo *info,
                          unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if ((flags & VIR_DOMAIN_DEF_FORMAT_ALLOW_BOOT) && info->bootIndex) {
        virBufferAsprintf(buf, "<boot order='%u'", info->bootIndex);
        if (info->loadparm)
            virBufferAsprintf(buf, " loadparm='%s'", info->loadparm);
        virBufferAddLit(buf, "/>\n");
    }
    if (info->alias)
        virBufferEscapeString(buf, "<alias name='%s'/>\n", info->alias);
    if (info->hasMaster)
        virBufferAsprintf(buf, "<master startport='%u'/>\n",
                          info->masterStartport);
    if (flags & VIR_DOMAIN_DEF_FORMAT_ALLOW_ROM)
        virDomainDeviceRomFormat(buf, info);
    if (info->acpiIndex)
        virBufferAsprintf(buf, "<acpi index='%u'/>\n", info->acpiIndex);

    if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE ||
        info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_S390)
        return;
    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainDeviceAddressTypeToString(info->type));
    virDomainDeviceAddressFormatAttrs(&attrBuf, &childBuf, info);
    virBufferFormatElement(buf, "address", &attrBuf, &childBuf);
}


void
virDomainDeviceSeclabelsClear(virDomainDeviceSeclabels *labels)
{
    size_t i;

    for (i = 0; i < labels->nlabels; i++) {
        g_free(labels->labels[i].model);
        g_free(labels->labels[i].label);
    }
    g_clear_pointer(&labels->labels, g_free);
    labels->nlabels = 0;
}


static int
virDomainDeviceSeclabelParseOne(xmlNodePtr node, virDomainDeviceSeclabel *label,
                                unsigned int flags)
{
    virTristateBool tri;
    xmlNodePtr cur;

    if (virXMLPropTristateBool(node, "relabel", VIR_XML_PROP_NONE, &tri) < 0)
        return -1;
    label->relabel = tri != VIR_TRISTATE_BOOL_NO;
    if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE)) {
        if (virXMLPropTristateBool(node, "labelskip", VIR_XML_PROP_NONE, &tri) < 0)
            return -1;
        label->labelskip = tri == VIR_TRISTATE_BOOL_YES;
    }
    if ((cur = virXMLNodeGetSubelement(node, "label")) &&
        !(label->label = virXMLNodeContentString(cur)))
        return -1;
    if (label->label && !label->relabel) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Cannot specify a label if relabelling is turned off. model=%s",
                       NULLSTR(label->model));
        return -1;
    }
    return 0;
}


int
virDomainDeviceSeclabelsParseXML(xmlNodePtr node, virDomainDeviceSeclabels *labels,
                                 unsigned int flags)
{
    xmlNodePtr cur;
    size_t j;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        virDomainDeviceSeclabel *label;
        g_autofree char *model = NULL;

        if (!virXMLNodeNameEqual(cur, "seclabel"))
            continue;
        if ((model = virXMLPropString(cur, "model"))) {
            for (j = 0; j < labels->nlabels; j++) {
                if (STREQ_NULLABLE(model, labels->labels[j].model)) {
                    virReportError(VIR_ERR_XML_DETAIL,
                                   "seclabel for model %s is already provided", model);
                    return -1;
                }
            }
        }
        labels->labels = g_renew(virDomainDeviceSeclabel, labels->labels, labels->nlabels + 1);
        label = &labels->labels[labels->nlabels++];
        memset(label, 0, sizeof(*label));
        label->model = g_steal_pointer(&model);
        if (virDomainDeviceSeclabelParseOne(cur, label, flags) < 0)
            return -1;
    }
    return 0;
}


void
virDomainDeviceSeclabelsFormat(virBuffer *buf, const virDomainDeviceSeclabels *labels,
                               unsigned int flags)
{
    size_t i;

    for (i = 0; i < labels->nlabels; i++) {
        const virDomainDeviceSeclabel *label = &labels->labels[i];

        /* an inactive definition drops relabel overrides without a label */
        if ((flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE) && !label->label && label->relabel)
            continue;
        virBufferAddLit(buf, "<seclabel");
        virBufferEscapeString(buf, " model='%s'", label->model);
        if (label->labelskip)
            virBufferAddLit(buf, " labelskip='yes'");
        else
            virBufferAsprintf(buf, " relabel='%s'", label->relabel ? "yes" : "no");
        if (label->label) {
            virBufferAddLit(buf, ">\n");
            virBufferEscapeString(buf, "  <label>%s</label>\n", label->label);
            virBufferAddLit(buf, "</seclabel>\n");
        } else {
            virBufferAddLit(buf, "/>\n");
        }
    }
}
