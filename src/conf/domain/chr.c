/*
 * chr.c: character devices and character-device sources.
 */
#include "internal.h"
#include "conf/domain/chr.h"
#include "conf/domain/domain_def.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainChr, VIR_DOMAIN_CHR_TYPE_LAST,
              "null", "vc", "pty", "dev", "file", "pipe", "stdio", "udp", "tcp",
              "unix", "spicevmc", "spiceport", "nmdm", "qemu-vdagent", "dbus");
VIR_ENUM_DECL(virDomainChrDevice);
VIR_ENUM_IMPL(virDomainChrDevice, VIR_DOMAIN_CHR_DEVICE_TYPE_LAST,
              "parallel", "serial", "console", "channel");
VIR_ENUM_DECL(virDomainChrChannelTarget);
VIR_ENUM_IMPL(virDomainChrChannelTarget, 4, "none", "guestfwd", "virtio", "xen");
VIR_ENUM_DECL(virDomainChrConsoleTarget);
VIR_ENUM_IMPL(virDomainChrConsoleTarget, 9, "none", "serial", "xen", "uml", "virtio",
              "lxc", "openvz", "sclp", "sclplm");
VIR_ENUM_DECL(virDomainChrSerialTarget);
VIR_ENUM_IMPL(virDomainChrSerialTarget, 8, "none", "isa-serial", "usb-serial",
              "pci-serial", "spapr-vio-serial", "system-serial", "sclp-serial",
              "isa-debug");
VIR_ENUM_DECL(virDomainChrSerialTargetModel);
VIR_ENUM_IMPL(virDomainChrSerialTargetModel, 10, "none", "isa-serial", "usb-serial",
              "pci-serial", "spapr-vty", "pl011", "sclpconsole", "sclplmconsole",
              "16550a", "isa-debugcon");
VIR_ENUM_DECL(virDomainChrTcpProtocol);
VIR_ENUM_IMPL(virDomainChrTcpProtocol, 4, "raw", "telnet", "telnets", "tls");
VIR_ENUM_DECL(virDomainChrDeviceState);
VIR_ENUM_IMPL(virDomainChrDeviceState, 3, "default", "connected", "disconnected");
VIR_ENUM_DECL(virDomainMouseMode);
VIR_ENUM_IMPL(virDomainMouseMode, 3, "default", "server", "client");
enum { SOURCE_MODE_CONNECT, SOURCE_MODE_BIND, SOURCE_MODE_LAST };
VIR_ENUM_DECL(virDomainChrSourceMode);
VIR_ENUM_IMPL(virDomainChrSourceMode, SOURCE_MODE_LAST, "connect", "bind");

#define CHANNEL_TARGET_GUESTFWD 1
#define SERIAL_TARGET_USB VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_USB

/* Per device kind: the target type enum (NULL: no type). */
static const struct {
    int (*fromString)(const char *);
    const char *(*toString)(int);
} chrTargets[VIR_DOMAIN_CHR_DEVICE_TYPE_LAST] = {
    [VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL] = { virDomainChrSerialTargetTypeFromString,
                                            virDomainChrSerialTargetTypeToString },
    [VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE] = { virDomainChrConsoleTargetTypeFromString,
                                             virDomainChrConsoleTargetTypeToString },
    [VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL] = { virDomainChrChannelTargetTypeFromString,
                                             virDomainChrChannelTargetTypeToString },
};

void
virDomainChrSourceDefFree(virDomainChrSourceDef *src)
{
    if (!src)
        return;
    g_free(src->path);
    g_free(src->host);
    g_free(src->service);
    g_free(src->bindHost);
    g_free(src->bindService);
    g_free(src->channel);
    g_free(src->master);
    g_free(src->slave);
    g_free(src->logfile);
    virDomainDeviceSeclabelsClear(&src->seclabels);
    g_free(src);
}


int
virDomainChrReconnectParseXML(xmlNodePtr node, virTristateBool *enabled,
                              unsigned int *timeout)
{
    xmlNodePtr cur = virXMLNodeGetSubelement(node, "reconnect");

    if (!cur)
        return 0;
    if (virXMLPropTristateBool(cur, "enabled", VIR_XML_PROP_NONE, enabled) < 0)
        return -1;
    if (*enabled == VIR_TRISTATE_BOOL_YES &&
        virXMLPropUInt(cur, "timeout", 10, VIR_XML_PROP_REQUIRED, timeout) < 0)
        return -1;
    return 0;
}


void
virDomainChrReconnectFormat(virBuffer *buf, virTristateBool enabled, unsigned int timeout)
{
    if (!enabled)
        return;
    virBufferAsprintf(buf, "<reconnect enabled='%s'", virTristateBoolTypeToString(enabled));
    if (enabled == VIR_TRISTATE_BOOL_YES)
        virBufferAsprintf(buf, " timeout='%u'", timeout);
    virBufferAddLit(buf, "/>\n");
}


static int
virDomainChrSourceParseOne(virDomainChrSourceDef *src, xmlNodePtr node,
                           unsigned int flags)
{
    unsigned int mode;
    xmlNodePtr cur;

    if (virXMLPropEnumDefault(node, "mode", virDomainChrSourceModeTypeFromString,
                              VIR_XML_PROP_NONE, &mode, SOURCE_MODE_CONNECT) < 0)
        return -1;
    switch ((virDomainChrType)src->type) {
    case VIR_DOMAIN_CHR_TYPE_FILE:
        src->path = virXMLPropString(node, "path");
        return virXMLPropTristateSwitch(node, "append", VIR_XML_PROP_NONE, &src->append);
    case VIR_DOMAIN_CHR_TYPE_PTY:
        if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
            src->path = virXMLPropString(node, "path");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        src->path = virXMLPropString(node, "path");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        src->listen = mode == SOURCE_MODE_BIND;
        src->path = virXMLPropString(node, "path");
        return virDomainChrReconnectParseXML(node, &src->reconnect, &src->reconnectTimeout);
    case VIR_DOMAIN_CHR_TYPE_UDP:
        /* the first <source> of each mode wins */
        if (mode == SOURCE_MODE_CONNECT && !src->host && !src->service) {
            src->host = virXMLPropString(node, "host");
            src->service = virXMLPropString(node, "service");
        } else if (mode == SOURCE_MODE_BIND && !src->bindHost && !src->bindService) {
            src->bindHost = virXMLPropString(node, "host");
            src->bindService = virXMLPropString(node, "service");
        }
        return 0;
    case VIR_DOMAIN_CHR_TYPE_TCP:
        src->listen = mode == SOURCE_MODE_BIND;
        src->host = virXMLPropString(node, "host");
        src->service = virXMLPropString(node, "service");
        if (virXMLPropTristateBool(node, "tls", VIR_XML_PROP_NONE, &src->tls) < 0)
            return -1;
        return virDomainChrReconnectParseXML(node, &src->reconnect, &src->reconnectTimeout);
    case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
    case VIR_DOMAIN_CHR_TYPE_DBUS:
        src->channel = virXMLPropString(node, "channel");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_NMDM:
        src->master = virXMLPropString(node, "master");
        src->slave = virXMLPropString(node, "slave");
        return 0;
    case VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT:
        if ((cur = virXMLNodeGetSubelement(node, "clipboard")) &&
            virXMLPropTristateBool(cur, "copypaste", VIR_XML_PROP_REQUIRED,
                                   &src->clipboard) < 0)
            return -1;
        if ((cur = virXMLNodeGetSubelement(node, "mouse")) &&
            virXMLPropEnum(cur, "mode", virDomainMouseModeTypeFromString,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &src->mouseMode) < 0)
            return -1;
        return 0;
    default:
        return 0;
    }
}


int
virDomainChrSourceParseXML(virDomainChrSourceDef *src, xmlNodePtr node,
                           xmlXPathContextPtr ctxt, unsigned int flags)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *sources = NULL;
    g_autofree xmlNodePtr *logs = NULL;
    g_autofree xmlNodePtr *protocols = NULL;
    g_autofree char *prot = NULL;
    int n;

    ctxt->node = node;
    if ((n = virXPathNodeSet("./source", ctxt, &sources)) < 0)
        return -1;
    if (n > 1 && src->type != VIR_DOMAIN_CHR_TYPE_UDP) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one source element is allowed for character device");
        return -1;
    }
    if (n > 2) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only two source elements are allowed for character device");
        return -1;
    }
    if ((n > 0 && virDomainChrSourceParseOne(src, sources[0], flags) < 0) ||
        (n > 1 && virDomainChrSourceParseOne(src, sources[1], flags) < 0))
        return -1;

    if ((n = virXPathNodeSet("./log", ctxt, &logs)) > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one log element is allowed for character device");
        return -1;
    }
    if (n == 1) {
        src->logfile = virXMLPropString(logs[0], "file");
        if (virXMLPropTristateSwitch(logs[0], "append", VIR_XML_PROP_NONE,
                                     &src->logappend) < 0)
            return -1;
    }
    if ((n = virXPathNodeSet("./protocol", ctxt, &protocols)) > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "only one protocol element is allowed for character device");
        return -1;
    }
    if (n == 1 && src->type == VIR_DOMAIN_CHR_TYPE_TCP &&
        (prot = virXMLPropString(protocols[0], "type")) &&
        (int)(src->protocol = virDomainChrTcpProtocolTypeFromString(prot)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Unknown protocol '%s'", prot);
        return -1;
    }
    return 0;
}


int
virDomainChrSourceValidate(const virDomainChrSourceDef *src, bool pathOptional)
{
    const char *missing = NULL;

    switch ((virDomainChrType)src->type) {
    case VIR_DOMAIN_CHR_TYPE_FILE:
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        if (!src->path)
            missing = "path";
        break;
    case VIR_DOMAIN_CHR_TYPE_NMDM:
        if (!src->master != !src->slave) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Should define both master and slave path attributes "
                           "for nmdm device");
            return -1;
        }
        break;
    case VIR_DOMAIN_CHR_TYPE_TCP:
        if (!src->host)
            missing = "host";
        else if (!src->service)
            missing = "service";
        break;
    case VIR_DOMAIN_CHR_TYPE_UDP:
        if (!src->service)
            missing = "service";
        break;
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        if (!src->path && !pathOptional)
            missing = "path";
        break;
    case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
    case VIR_DOMAIN_CHR_TYPE_DBUS:
        if (!src->channel) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "Missing source channel attribute for char device");
            return -1;
        }
        if (strspn(src->channel, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                   "0123456789_-.") < strlen(src->channel)) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "Invalid character in source channel for char device");
            return -1;
        }
        break;
    default:
        break;
    }
    if (missing) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Missing source %s attribute for char device", missing);
        return -1;
    }
    if ((src->type == VIR_DOMAIN_CHR_TYPE_TCP || src->type == VIR_DOMAIN_CHR_TYPE_UNIX) &&
        src->listen && src->reconnect) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "chardev reconnect is possible only for connect mode");
        return -1;
    }
    return 0;
}


static void
virDomainChrSourceFormatSockets(virBuffer *buf, const virDomainChrSourceDef *src,
                                unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (src->type == VIR_DOMAIN_CHR_TYPE_UDP) {
        if (src->bindService || src->bindHost) {
            virBufferAddLit(buf, "<source mode='bind'");
            virBufferEscapeString(buf, " host='%s'", src->bindHost);
            virBufferEscapeString(buf, " service='%s'", src->bindService);
            virBufferAddLit(buf, "/>\n");
        }
        if (src->service || src->host) {
            virBufferAddLit(buf, "<source mode='connect'");
            virBufferEscapeString(buf, " host='%s'", src->host);
            virBufferEscapeString(buf, " service='%s'", src->service);
            virBufferAddLit(buf, "/>\n");
        }
        return;
    }
    if (src->type == VIR_DOMAIN_CHR_TYPE_TCP) {
        virBufferAsprintf(&attrBuf, " mode='%s' ", src->listen ? "bind" : "connect");
        virBufferEscapeString(&attrBuf, "host='%s' ", src->host);
        virBufferEscapeString(&attrBuf, "service='%s'", src->service);
        if (src->tls)
            virBufferAsprintf(&attrBuf, " tls='%s'", virTristateBoolTypeToString(src->tls));
    } else {
        if (!src->path)
            return;
        virBufferAsprintf(&attrBuf, " mode='%s'", src->listen ? "bind" : "connect");
        virBufferEscapeString(&attrBuf, " path='%s'", src->path);
        virDomainDeviceSeclabelsFormat(&childBuf, &src->seclabels, flags);
    }
    virDomainChrReconnectFormat(&childBuf, src->reconnect, src->reconnectTimeout);
    virBufferFormatElement(buf, "source", &attrBuf, &childBuf);
    if (src->type == VIR_DOMAIN_CHR_TYPE_TCP)
        virBufferAsprintf(buf, "<protocol type='%s'/>\n",
                          virDomainChrTcpProtocolTypeToString(src->protocol));
}


static void
virDomainChrSourceFormatPath(virBuffer *buf, const virDomainChrSourceDef *src,
                             unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferEscapeString(&attrBuf, " path='%s'", src->path);
    if (src->type == VIR_DOMAIN_CHR_TYPE_FILE && src->append)
        virBufferAsprintf(&attrBuf, " append='%s'", virTristateSwitchTypeToString(src->append));
    virDomainDeviceSeclabelsFormat(&childBuf, &src->seclabels, flags);
    virBufferFormatElement(buf, "source", &attrBuf, &childBuf);
}


void
virDomainChrSourceFormat(virBuffer *buf, const virDomainChrSourceDef *src,
                         unsigned int flags)
{
    switch ((virDomainChrType)src->type) {
    case VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT:
        if (!src->mouseMode && !src->clipboard)
            break;
        virBufferAddLit(buf, "<source>\n");
        if (src->clipboard)
            virBufferAsprintf(buf, "  <clipboard copypaste='%s'/>\n",
                              virTristateBoolTypeToString(src->clipboard));
        if (src->mouseMode)
            virBufferAsprintf(buf, "  <mouse mode='%s'/>\n",
                              virDomainMouseModeTypeToString(src->mouseMode));
        virBufferAddLit(buf, "</source>\n");
        break;
    case VIR_DOMAIN_CHR_TYPE_PTY:
    case VIR_DOMAIN_CHR_TYPE_DEV:
    case VIR_DOMAIN_CHR_TYPE_FILE:
    case VIR_DOMAIN_CHR_TYPE_PIPE:
        if (src->type == VIR_DOMAIN_CHR_TYPE_PTY &&
            (!src->path || (flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE)))
            break;
        virDomainChrSourceFormatPath(buf, src, flags);
        break;
    case VIR_DOMAIN_CHR_TYPE_NMDM:
        virBufferEscapeString(buf, "<source master='%s' ", src->master);
        virBufferEscapeString(buf, "slave='%s'/>\n", src->slave);
        break;
    case VIR_DOMAIN_CHR_TYPE_UDP:
    case VIR_DOMAIN_CHR_TYPE_TCP:
    case VIR_DOMAIN_CHR_TYPE_UNIX:
        virDomainChrSourceFormatSockets(buf, src, flags);
        break;
    case VIR_DOMAIN_CHR_TYPE_SPICEPORT:
    case VIR_DOMAIN_CHR_TYPE_DBUS:
        virBufferEscapeString(buf, "<source channel='%s'/>\n", src->channel);
        break;
    default:
        break;
    }
    if (src->logfile) {
        virBufferEscapeString(buf, "<log file='%s'", src->logfile);
        if (src->logappend)
            virBufferAsprintf(buf, " append='%s'", virTristateSwitchTypeToString(src->logappend));
        virBufferAddLit(buf, "/>\n");
    }
}


void
virDomainChrDefFree(void *dev)
{
    virDomainChrDef *def = dev;

    if (!def)
        return;
    g_free(def->targetName);
    g_free(def->guestfwdAddr);
    virDomainChrSourceDefFree(def->source);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainChrDef, virDomainChrDefFree);


static int
virDomainChrTargetParseXML(virDomainChrDef *def, xmlNodePtr node, unsigned int flags)
{
    g_autofree char *type = virXMLPropString(node, "type");
    g_autofree char *port = NULL;
    xmlNodePtr model;
    unsigned int val;

    if (type && chrTargets[def->deviceType].fromString) {
        if ((def->targetType = chrTargets[def->deviceType].fromString(type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown target type '%s' specified for character device",
                           type);
            return -1;
        }
    }
    if ((model = virXMLNodeGetSubelement(node, "model")) &&
        def->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL &&
        virXMLPropEnum(model, "name", virDomainChrSerialTargetModelTypeFromString,
                       VIR_XML_PROP_NONE, &def->targetModel) < 0)
        return -1;
    if (def->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL) {
        if (def->targetType == CHANNEL_TARGET_GUESTFWD) {
            if (!(def->guestfwdAddr = virXMLPropString(node, "address"))) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "guestfwd channel does not define a target address");
                return -1;
            }
            return virXMLPropUInt(node, "port", 10, VIR_XML_PROP_REQUIRED,
                                  &def->guestfwdPort) < 0 ? -1 : 0;
        }
        def->targetName = virXMLPropString(node, "name");
        if (def->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO &&
            !(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) &&
            virXMLPropEnum(node, "state", virDomainChrDeviceStateTypeFromString,
                           VIR_XML_PROP_NONZERO, &def->state) < 0)
            return -1;
        return 0;
    }
    if (!(port = virXMLPropString(node, "port")))
        return 0;
    if (virStrToLong_ui(port, NULL, 10, &val) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid port number: %s", port);
        return -1;
    }
    def->port = val;
    return 0;
}


void *
virDomainChrDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainChrDef) def = g_new0(virDomainChrDef, 1);
    g_autofree char *type = virXMLPropString(node, "type");
    xmlNodePtr target;

    def->port = -1;
    def->source = g_new0(virDomainChrSourceDef, 1);
    def->source->type = VIR_DOMAIN_CHR_TYPE_PTY;
    if (type && (def->source->type = virDomainChrTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown type presented to host for character device: %s", type);
        return NULL;
    }
    def->deviceType = virDomainChrDeviceTypeFromString((const char *)node->name);
    if ((target = virXMLNodeGetSubelement(node, "target")) &&
        virDomainChrTargetParseXML(def, target, flags) < 0)
        return NULL;
    if (virDomainChrSourceParseXML(def->source, node, ctxt, flags) < 0)
        return NULL;
    if ((target = virXMLNodeGetSubelement(node, "source")) &&
        virDomainDeviceSeclabelsParseXML(target, &def->source->seclabels, flags) < 0)
        return NULL;
    if (def->source->type == VIR_DOMAIN_CHR_TYPE_SPICEVMC &&
        def->targetType != VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "spicevmc device type only supports virtio");
        return NULL;
    }
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    if (def->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL &&
        def->targetType == SERIAL_TARGET_USB &&
        def->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE &&
        def->info.type != VIR_DOMAIN_DEVICE_ADDRESS_TYPE_USB) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "usb-serial requires address of usb type");
        return NULL;
    }
    return g_steal_pointer(&def);
}


int
virDomainChrDefValidate(const void *dev, const virDomainDef *vmdef G_GNUC_UNUSED)
{
    const virDomainChrDef *def = dev;

    return virDomainChrSourceValidate(def->source,
                                      def->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL &&
                                      (def->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_XEN ||
                                       def->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO));
}


static void
virDomainChrTargetFormat(virBuffer *buf, const virDomainChrDef *def, unsigned int flags)
{
    const char *type = chrTargets[def->deviceType].toString ?
        chrTargets[def->deviceType].toString(def->targetType) : NULL;

    switch ((virDomainChrDeviceType)def->deviceType) {
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL:
        virBufferAsprintf(buf, "<target type='%s'", type);
        if (def->targetType == CHANNEL_TARGET_GUESTFWD) {
            virBufferEscapeString(buf, " address='%s'", def->guestfwdAddr);
            virBufferAsprintf(buf, " port='%u'", def->guestfwdPort);
        } else {
            virBufferEscapeString(buf, " name='%s'", def->targetName);
            if (def->targetType == VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO && def->state &&
                !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
                virBufferAsprintf(buf, " state='%s'",
                                  virDomainChrDeviceStateTypeToString(def->state));
        }
        virBufferAddLit(buf, "/>\n");
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE:
        virBufferAsprintf(buf, "<target type='%s' port='%d'/>\n", type, def->port);
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL:
        virBufferAddLit(buf, "<target ");
        if (def->targetType)
            virBufferAsprintf(buf, "type='%s' ", type);
        virBufferAsprintf(buf, "port='%d'", def->port);
        if (def->targetModel) {
            virBufferAddLit(buf, ">\n");
            virBufferAsprintf(buf, "  <model name='%s'/>\n",
                              virDomainChrSerialTargetModelTypeToString(def->targetModel));
            virBufferAddLit(buf, "</target>\n");
        } else {
            virBufferAddLit(buf, "/>\n");
        }
        break;
    case VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL:
    case VIR_DOMAIN_CHR_DEVICE_TYPE_LAST:
        virBufferAsprintf(buf, "<target port='%d'/>\n", def->port);
        break;
    }
}


/* An HVM guest's <console> of target type serial shows its serial port. */
static const virDomainChrDef *
virDomainChrConsoleAlias(const virDomainChrDef *def, const virDomainDef *vmdef,
                         virDomainChrDef *copy)
{
    size_t n;

    if (def->deviceType != VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE ||
        vmdef->os.type != VIR_DOMAIN_OSTYPE_HVM ||
        (def->targetType != VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL &&
         def->targetType != VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE))
        return def;
    for (n = 0; n < vmdef->nconsoles && vmdef->consoles[n] != def; n++)
        ;
    if (n >= vmdef->nserials)
        return def;
    *copy = *vmdef->serials[n];
    copy->deviceType = VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE;
    copy->targetType = VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
    return copy;
}


int
virDomainChrDefFormat(virBuffer *buf, const void *dev, const virDomainDef *vmdef,
                      unsigned int flags)
{
    virDomainChrDef copy;
    const virDomainChrDef *def = virDomainChrConsoleAlias(dev, vmdef, &copy);
    const char *name = virDomainChrDeviceTypeToString(def->deviceType);

    virBufferAsprintf(buf, "<%s type='%s'", name, virDomainChrTypeToString(def->source->type));
    if (def->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE && def->port == 0 &&
        def->source->type == VIR_DOMAIN_CHR_TYPE_PTY &&
        !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE) && def->source->path)
        virBufferEscapeString(buf, " tty='%s'", def->source->path);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virDomainChrSourceFormat(buf, def->source, flags);
    virDomainChrTargetFormat(buf, def, flags);
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", name);
    return 0;
}
