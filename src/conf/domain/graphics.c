/*
 * graphics.c: the <graphics> device.
 */
#include "internal.h"
#include "conf/domain/graphics.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainGraphics);
VIR_ENUM_IMPL(virDomainGraphics, VIR_DOMAIN_GRAPHICS_TYPE_LAST,
              "sdl", "vnc", "rdp", "desktop", "spice", "egl-headless", "dbus");
VIR_ENUM_DECL(virDomainGraphicsListen);
VIR_ENUM_IMPL(virDomainGraphicsListen, VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_LAST,
              "none", "address", "network", "socket");
VIR_ENUM_DECL(virDomainGraphicsAuthConnected);
VIR_ENUM_IMPL(virDomainGraphicsAuthConnected, 4, "default", "fail", "disconnect", "keep");
VIR_ENUM_DECL(virDomainGraphicsVNCSharePolicy);
VIR_ENUM_IMPL(virDomainGraphicsVNCSharePolicy, 4,
              "default", "allow-exclusive", "force-shared", "ignore");
VIR_ENUM_DECL(virDomainGraphicsSpiceChannelName);
VIR_ENUM_IMPL(virDomainGraphicsSpiceChannelName, VIR_DOMAIN_GRAPHICS_SPICE_CHANNELS,
              "main", "display", "inputs", "cursor", "playback", "record",
              "smartcard", "usbredir");
VIR_ENUM_DECL(virDomainGraphicsSpiceChannelMode);
VIR_ENUM_IMPL(virDomainGraphicsSpiceChannelMode, 3, "any", "secure", "insecure");
VIR_ENUM_DECL(virDomainGraphicsSpiceImageCompression);
VIR_ENUM_IMPL(virDomainGraphicsSpiceImageCompression, 7,
              "default", "auto_glz", "auto_lz", "quic", "glz", "lz", "off");
VIR_ENUM_DECL(virDomainGraphicsSpiceJpegCompression);
VIR_ENUM_IMPL(virDomainGraphicsSpiceJpegCompression, 4, "default", "auto", "never", "always");
VIR_ENUM_DECL(virDomainGraphicsSpiceZlibCompression);
VIR_ENUM_IMPL(virDomainGraphicsSpiceZlibCompression, 4, "default", "auto", "never", "always");
VIR_ENUM_DECL(virDomainGraphicsSpiceStreamingMode);
VIR_ENUM_IMPL(virDomainGraphicsSpiceStreamingMode, 4, "default", "filter", "all", "off");
VIR_ENUM_DECL(virDomainGraphicsMouseMode);
VIR_ENUM_IMPL(virDomainGraphicsMouseMode, 3, "default", "server", "client");

void
virDomainGraphicsDefFree(void *dev)
{
    virDomainGraphicsDef *def = dev;
    size_t i;

    if (!def)
        return;
    for (i = 0; i < def->nlistens; i++) {
        g_free(def->listens[i].address);
        g_free(def->listens[i].network);
        g_free(def->listens[i].socket);
    }
    g_free(def->listens);
    g_free(def->keymap);
    g_free(def->passwd);
    g_free(def->passwdValidTo);
    g_free(def->display);
    g_free(def->xauth);
    g_free(def->rendernode);
    g_free(def->dbusAddress);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainGraphicsDef, virDomainGraphicsDefFree);


static int
virDomainGraphicsListenParseXML(virDomainGraphicsDef *def, virDomainGraphicsListenDef *l,
                                xmlNodePtr node, xmlNodePtr parent, unsigned int flags)
{
    const char *gtype = virDomainGraphicsTypeToString(def->type);
    g_autofree char *address = virXMLPropString(node, "address");
    g_autofree char *network = virXMLPropString(node, "network");
    g_autofree char *socketPath = virXMLPropString(node, "socket");
    g_autofree char *addressCompat = parent ? virXMLPropString(parent, "listen") : NULL;
    g_autofree char *socketCompat = parent ? virXMLPropString(parent, "socket") : NULL;

    if (virXMLPropEnum(node, "type", virDomainGraphicsListenTypeFromString,
                       VIR_XML_PROP_REQUIRED, &l->type) < 0)
        return -1;
    if ((l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET ||
         l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE) &&
        def->type != VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
        def->type != VIR_DOMAIN_GRAPHICS_TYPE_SPICE) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "listen type '%s' is not available for graphics type '%s'",
                       virDomainGraphicsListenTypeToString(l->type), gtype);
        return -1;
    }
    if (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS) {
        if (address && addressCompat && STRNEQ(address, addressCompat)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "graphics 'listen' attribute '%s' must match 'address' "
                           "attribute of first listen element (found '%s')",
                           addressCompat, address);
            return -1;
        }
        if (!address)
            address = g_steal_pointer(&addressCompat);
    }
    if (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET) {
        if (socketPath && socketCompat && STRNEQ(socketPath, socketCompat)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "graphics 'socket' attribute '%s' must match 'socket' "
                           "attribute of first listen element (found '%s')",
                           socketCompat, socketPath);
            return -1;
        }
        if (!socketPath)
            socketPath = g_steal_pointer(&socketCompat);
    }
    if (address && *address &&
        (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS ||
         (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK &&
          !(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))))
        l->address = g_steal_pointer(&address);
    if (network && *network) {
        if (l->type != VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'network' attribute is valid only for listen type 'network'");
            return -1;
        }
        l->network = g_steal_pointer(&network);
    }
    if (socketPath && *socketPath) {
        if (l->type != VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'socket' attribute is valid only for listen type 'socket'");
            return -1;
        }
        l->socket = g_steal_pointer(&socketPath);
    }
    return 0;
}


static int
virDomainGraphicsListensParseXML(virDomainGraphicsDef *def, xmlNodePtr node,
                                 xmlXPathContextPtr ctxt, unsigned int flags)
{
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *socketPath = NULL;
    g_autofree char *listen = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./listen", ctxt, &nodes)) < 0)
        return -1;
    def->listens = g_new0(virDomainGraphicsListenDef, n + 1);
    for (i = 0; i < n; i++, def->nlistens++) {
        if (virDomainGraphicsListenParseXML(def, &def->listens[i], nodes[i],
                                            i == 0 ? node : NULL, flags) < 0)
            return -1;
    }
    if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC)
        socketPath = virXMLPropString(node, "socket");
    if (def->nlistens == 0) {
        /* the legacy listen='' / socket='' attributes make the first listen */
        if (socketPath) {
            def->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET;
            def->listens[0].socket = g_steal_pointer(&socketPath);
        } else {
            def->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS;
            if ((listen = virXMLPropString(node, "listen")) && *listen)
                def->listens[0].address = g_steal_pointer(&listen);
        }
        def->nlistens = 1;
    } else if (socketPath &&
               (def->listens[0].type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS ||
                def->listens[0].type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK)) {
        g_clear_pointer(&def->listens[0].address, g_free);
        g_clear_pointer(&def->listens[0].network, g_free);
        def->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET;
        def->listens[0].socket = g_steal_pointer(&socketPath);
    }
    return 0;
}


static int
virDomainGraphicsAuthParseXML(virDomainGraphicsDef *def, xmlNodePtr node)
{
    if (!(def->passwd = virXMLPropString(node, "passwd")))
        return 0;
    def->passwdValidTo = virXMLPropString(node, "passwdValidTo");
    return virXMLPropEnum(node, "connected", virDomainGraphicsAuthConnectedTypeFromString,
                          VIR_XML_PROP_NONZERO, &def->connected);
}


static int
virDomainGraphicsPortsParseXML(virDomainGraphicsDef *def, xmlNodePtr node,
                               unsigned int flags)
{
    g_autofree char *port = virXMLPropString(node, "port");
    g_autofree char *autoport = virXMLPropString(node, "autoport");

    def->autoport = !port;
    if (port) {
        if (virStrToLong_i(port, NULL, 10, &def->port) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "cannot parse %s port %s",
                           virDomainGraphicsTypeToString(def->type), port);
            return -1;
        }
        if (def->port == -1) {
            def->autoport = true;
            if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC &&
                (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
                def->port = 0;
        }
    }
    if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC) {
        if (autoport)
            ignore_value(virStringParseYesNo(autoport, &def->autoport));
    } else if (STREQ_NULLABLE(autoport, "yes")) {
        def->autoport = true;
    }
    if (def->autoport && (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
        def->port = 0;
    return 0;
}


static int
virDomainGraphicsVNCParseXML(virDomainGraphicsDef *def, xmlNodePtr node,
                             xmlXPathContextPtr ctxt, unsigned int flags)
{
    xmlNodePtr audio;

    if (virDomainGraphicsListensParseXML(def, node, ctxt, flags) < 0 ||
        virDomainGraphicsPortsParseXML(def, node, flags) < 0 ||
        virXMLPropInt(node, "websocket", 10, VIR_XML_PROP_NONE, &def->websocket, 0) < 0 ||
        virXMLPropEnum(node, "sharePolicy", virDomainGraphicsVNCSharePolicyTypeFromString,
                       VIR_XML_PROP_NONE, &def->sharePolicy) < 0 ||
        virXMLPropTristateBool(node, "powerControl", VIR_XML_PROP_NONE,
                               &def->powerControl) < 0)
        return -1;
    def->keymap = virXMLPropString(node, "keymap");
    if ((audio = virXPathNode("./audio", ctxt)) &&
        virXMLPropUInt(audio, "id", 10, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &def->audioId) < 0)
        return -1;
    return virDomainGraphicsAuthParseXML(def, node);
}


static int
virDomainGraphicsSpiceChildrenParseXML(virDomainGraphicsDef *def, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *channels = NULL;
    xmlNodePtr cur;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./channel", ctxt, &channels)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        unsigned int name, mode;

        if (virXMLPropEnum(channels[i], "name", virDomainGraphicsSpiceChannelNameTypeFromString,
                           VIR_XML_PROP_REQUIRED, &name) < 0 ||
            virXMLPropEnum(channels[i], "mode", virDomainGraphicsSpiceChannelModeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &mode) < 0)
            return -1;
        def->channels[name] = mode;
    }
#define SPICE_ENUM(elem, attr, conv, field) \
    if ((cur = virXPathNode("./" elem, ctxt)) && \
        virXMLPropEnum(cur, attr, conv, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO, \
                       &def->field) < 0) \
        return -1
    SPICE_ENUM("image", "compression", virDomainGraphicsSpiceImageCompressionTypeFromString, image);
    SPICE_ENUM("jpeg", "compression", virDomainGraphicsSpiceJpegCompressionTypeFromString, jpeg);
    SPICE_ENUM("zlib", "compression", virDomainGraphicsSpiceZlibCompressionTypeFromString, zlib);
    SPICE_ENUM("streaming", "mode", virDomainGraphicsSpiceStreamingModeTypeFromString, streaming);
    SPICE_ENUM("mouse", "mode", virDomainGraphicsMouseModeTypeFromString, mousemode);
#undef SPICE_ENUM
    if ((cur = virXPathNode("./playback", ctxt)) &&
        virXMLPropTristateSwitch(cur, "compression", VIR_XML_PROP_REQUIRED, &def->playback) < 0)
        return -1;
    if ((cur = virXPathNode("./clipboard", ctxt)) &&
        virXMLPropTristateBool(cur, "copypaste", VIR_XML_PROP_REQUIRED, &def->copypaste) < 0)
        return -1;
    if ((cur = virXPathNode("./filetransfer", ctxt)) &&
        virXMLPropTristateBool(cur, "enable", VIR_XML_PROP_REQUIRED, &def->filetransfer) < 0)
        return -1;
    if ((cur = virXPathNode("./gl", ctxt))) {
        def->rendernode = virXMLPropString(cur, "rendernode");
        if (virXMLPropTristateBool(cur, "enable", VIR_XML_PROP_REQUIRED, &def->gl) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainGraphicsSpiceParseXML(virDomainGraphicsDef *def, xmlNodePtr node,
                               xmlXPathContextPtr ctxt, unsigned int flags)
{
    virTristateBool autoport;

    if (virDomainGraphicsListensParseXML(def, node, ctxt, flags) < 0 ||
        virXMLPropInt(node, "port", 10, VIR_XML_PROP_NONE, &def->port, 0) < 0 ||
        virXMLPropInt(node, "tlsPort", 10, VIR_XML_PROP_NONE, &def->tlsPort, 0) < 0 ||
        virXMLPropTristateBool(node, "autoport", VIR_XML_PROP_NONE, &autoport) < 0 ||
        virXMLPropEnum(node, "defaultMode", virDomainGraphicsSpiceChannelModeTypeFromString,
                       VIR_XML_PROP_NONE, &def->defaultMode) < 0)
        return -1;
    def->autoport = autoport == VIR_TRISTATE_BOOL_YES;
    if (def->port == -1 && def->tlsPort == -1)
        def->autoport = true;
    if (def->autoport && (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
        def->port = def->tlsPort = 0;
    def->keymap = virXMLPropString(node, "keymap");
    if (virDomainGraphicsAuthParseXML(def, node) < 0)
        return -1;
    return virDomainGraphicsSpiceChildrenParseXML(def, ctxt);
}


static bool
virDomainGraphicsPropIsYes(xmlNodePtr node, const char *name)
{
    g_autofree char *val = virXMLPropString(node, name);

    return STREQ_NULLABLE(val, "yes");
}


static int
virDomainGraphicsOtherParseXML(virDomainGraphicsDef *def, xmlNodePtr node,
                               xmlXPathContextPtr ctxt, unsigned int flags)
{
    virTristateBool tri = VIR_TRISTATE_BOOL_ABSENT;
    xmlNodePtr cur;

    switch ((virDomainGraphicsType)def->type) {
    case VIR_DOMAIN_GRAPHICS_TYPE_SDL:
    case VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP:
        if (virXMLPropTristateBool(node, "fullscreen", VIR_XML_PROP_NONE, &tri) < 0)
            return -1;
        def->fullscreen = tri == VIR_TRISTATE_BOOL_YES;
        def->display = virXMLPropString(node, "display");
        if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_SDL) {
            def->xauth = virXMLPropString(node, "xauth");
            if ((cur = virXPathNode("./gl", ctxt)) &&
                virXMLPropTristateBool(cur, "enable", VIR_XML_PROP_REQUIRED, &def->gl) < 0)
                return -1;
        }
        return 0;
    case VIR_DOMAIN_GRAPHICS_TYPE_RDP:
        if (virDomainGraphicsListensParseXML(def, node, ctxt, flags) < 0 ||
            virDomainGraphicsPortsParseXML(def, node, flags) < 0)
            return -1;
        def->replaceUser = virDomainGraphicsPropIsYes(node, "replaceUser");
        def->multiUser = virDomainGraphicsPropIsYes(node, "multiUser");
        return 0;
    case VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS:
        if ((cur = virXPathNode("./gl", ctxt)))
            def->rendernode = virXMLPropString(cur, "rendernode");
        return 0;
    case VIR_DOMAIN_GRAPHICS_TYPE_DBUS:
        if (virXMLPropTristateBool(node, "p2p", VIR_XML_PROP_NONE, &tri) < 0)
            return -1;
        def->p2p = tri == VIR_TRISTATE_BOOL_YES;
        def->dbusAddress = virXMLPropString(node, "address");
        if ((cur = virXPathNode("./gl", ctxt))) {
            def->rendernode = virXMLPropString(cur, "rendernode");
            if (virXMLPropTristateBool(cur, "enable", VIR_XML_PROP_REQUIRED, &def->gl) < 0)
                return -1;
        }
        if ((cur = virXPathNode("./audio", ctxt)) &&
            virXMLPropUInt(cur, "id", 10, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                           &def->audioId) < 0)
            return -1;
        return 0;
    default:
        return 0;
    }
}


void *
virDomainGraphicsDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                             const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainGraphicsDef) def = g_new0(virDomainGraphicsDef, 1);
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    int rc;

    ctxt->node = node;
    if (virXMLPropEnum(node, "type", virDomainGraphicsTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->type) < 0)
        return NULL;
    if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC)
        rc = virDomainGraphicsVNCParseXML(def, node, ctxt, flags);
    else if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_SPICE)
        rc = virDomainGraphicsSpiceParseXML(def, node, ctxt, flags);
    else
        rc = virDomainGraphicsOtherParseXML(def, node, ctxt, flags);
    if (rc < 0)
        return NULL;
    return g_steal_pointer(&def);
}


/* The legacy listen='' attribute mirrors the first address listen. */
static void
virDomainGraphicsListenAttrFormat(virBuffer *buf, const virDomainGraphicsDef *def,
                                  unsigned int flags)
{
    const virDomainGraphicsListenDef *l = def->nlistens ? &def->listens[0] : NULL;

    if (!l || !l->address)
        return;
    if (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS ||
        (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK &&
         !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE)))
        virBufferAsprintf(buf, " listen='%s'", l->address);
}


static void
virDomainGraphicsAuthFormat(virBuffer *buf, const virDomainGraphicsDef *def,
                            unsigned int flags)
{
    if (!def->passwd)
        return;
    if (flags & VIR_DOMAIN_DEF_FORMAT_SECURE)
        virBufferEscapeString(buf, " passwd='%s'", def->passwd);
    virBufferEscapeString(buf, " passwdValidTo='%s'", def->passwdValidTo);
    if (def->connected)
        virBufferAsprintf(buf, " connected='%s'",
                          virDomainGraphicsAuthConnectedTypeToString(def->connected));
}


static void
virDomainGraphicsVNCAttrsFormat(virBuffer *buf, const virDomainGraphicsDef *def,
                                unsigned int flags)
{
    const virDomainGraphicsListenDef *l = &def->listens[0];

    if (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET) {
        virBufferEscapeString(buf, " socket='%s'", l->socket);
    } else if (l->type != VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE) {
        if (def->port && (!def->autoport || !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE)))
            virBufferAsprintf(buf, " port='%d'", def->port);
        else if (def->autoport)
            virBufferAddLit(buf, " port='-1'");
        virBufferAsprintf(buf, " autoport='%s'", def->autoport ? "yes" : "no");
        if (def->websocket)
            virBufferAsprintf(buf, " websocket='%d'", def->websocket);
        virDomainGraphicsListenAttrFormat(buf, def, flags);
    }
    virBufferEscapeString(buf, " keymap='%s'", def->keymap);
    if (def->sharePolicy)
        virBufferAsprintf(buf, " sharePolicy='%s'",
                          virDomainGraphicsVNCSharePolicyTypeToString(def->sharePolicy));
    if (def->powerControl)
        virBufferAsprintf(buf, " powerControl='%s'",
                          virTristateBoolTypeToString(def->powerControl));
    virDomainGraphicsAuthFormat(buf, def, flags);
}


static void
virDomainGraphicsSpiceAttrsFormat(virBuffer *buf, const virDomainGraphicsDef *def,
                                  unsigned int flags)
{
    const virDomainGraphicsListenDef *l = &def->listens[0];

    if (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS ||
        l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK) {
        if (def->port)
            virBufferAsprintf(buf, " port='%d'", def->port);
        if (def->tlsPort)
            virBufferAsprintf(buf, " tlsPort='%d'", def->tlsPort);
        virBufferAsprintf(buf, " autoport='%s'", def->autoport ? "yes" : "no");
        virDomainGraphicsListenAttrFormat(buf, def, flags);
    }
    virBufferEscapeString(buf, " keymap='%s'", def->keymap);
    if (def->defaultMode)
        virBufferAsprintf(buf, " defaultMode='%s'",
                          virDomainGraphicsSpiceChannelModeTypeToString(def->defaultMode));
    virDomainGraphicsAuthFormat(buf, def, flags);
}


static void
virDomainGraphicsAttrsFormat(virBuffer *buf, const virDomainGraphicsDef *def,
                             unsigned int flags)
{
    switch ((virDomainGraphicsType)def->type) {
    case VIR_DOMAIN_GRAPHICS_TYPE_VNC:
        virDomainGraphicsVNCAttrsFormat(buf, def, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SPICE:
        virDomainGraphicsSpiceAttrsFormat(buf, def, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_SDL:
    case VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP:
        virBufferEscapeString(buf, " display='%s'", def->display);
        virBufferEscapeString(buf, " xauth='%s'", def->xauth);
        if (def->fullscreen)
            virBufferAddLit(buf, " fullscreen='yes'");
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_RDP:
        if (def->port)
            virBufferAsprintf(buf, " port='%d'", def->port);
        else if (def->autoport)
            virBufferAddLit(buf, " port='0'");
        if (def->autoport)
            virBufferAddLit(buf, " autoport='yes'");
        if (def->replaceUser)
            virBufferAddLit(buf, " replaceUser='yes'");
        if (def->multiUser)
            virBufferAddLit(buf, " multiUser='yes'");
        virDomainGraphicsListenAttrFormat(buf, def, flags);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_DBUS:
        if (def->p2p)
            virBufferAddLit(buf, " p2p='yes'");
        virBufferEscapeString(buf, " address='%s'", def->dbusAddress);
        break;
    case VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS:
    case VIR_DOMAIN_GRAPHICS_TYPE_LAST:
        break;
    }
}


static void
virDomainGraphicsGLFormat(virBuffer *buf, const virDomainGraphicsDef *def)
{
    if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS) {
        virBufferEscapeString(buf, "<gl rendernode='%s'/>\n", def->rendernode);
        return;
    }
    if (!def->gl)
        return;
    virBufferAsprintf(buf, "<gl enable='%s'", virTristateBoolTypeToString(def->gl));
    virBufferEscapeString(buf, " rendernode='%s'", def->rendernode);
    virBufferAddLit(buf, "/>\n");
}


static void
virDomainGraphicsSpiceChildrenFormat(virBuffer *buf, const virDomainGraphicsDef *def)
{
    size_t i;

    for (i = 0; i < VIR_DOMAIN_GRAPHICS_SPICE_CHANNELS; i++) {
        if (def->channels[i])
            virBufferAsprintf(buf, "<channel name='%s' mode='%s'/>\n",
                              virDomainGraphicsSpiceChannelNameTypeToString(i),
                              virDomainGraphicsSpiceChannelModeTypeToString(def->channels[i]));
    }
    if (def->image)
        virBufferAsprintf(buf, "<image compression='%s'/>\n",
                          virDomainGraphicsSpiceImageCompressionTypeToString(def->image));
    if (def->jpeg)
        virBufferAsprintf(buf, "<jpeg compression='%s'/>\n",
                          virDomainGraphicsSpiceJpegCompressionTypeToString(def->jpeg));
    if (def->zlib)
        virBufferAsprintf(buf, "<zlib compression='%s'/>\n",
                          virDomainGraphicsSpiceZlibCompressionTypeToString(def->zlib));
    if (def->playback)
        virBufferAsprintf(buf, "<playback compression='%s'/>\n",
                          virTristateSwitchTypeToString(def->playback));
    if (def->streaming)
        virBufferAsprintf(buf, "<streaming mode='%s'/>\n",
                          virDomainGraphicsSpiceStreamingModeTypeToString(def->streaming));
    if (def->mousemode)
        virBufferAsprintf(buf, "<mouse mode='%s'/>\n",
                          virDomainGraphicsMouseModeTypeToString(def->mousemode));
    if (def->copypaste)
        virBufferAsprintf(buf, "<clipboard copypaste='%s'/>\n",
                          virTristateBoolTypeToString(def->copypaste));
    if (def->filetransfer)
        virBufferAsprintf(buf, "<filetransfer enable='%s'/>\n",
                          virTristateBoolTypeToString(def->filetransfer));
    virDomainGraphicsGLFormat(buf, def);
}


int
virDomainGraphicsDefFormat(virBuffer *buf, const void *dev,
                           const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainGraphicsDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferAsprintf(&attrBuf, " type='%s'", virDomainGraphicsTypeToString(def->type));
    virDomainGraphicsAttrsFormat(&attrBuf, def, flags);
    if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_SDL ||
        def->type == VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS ||
        def->type == VIR_DOMAIN_GRAPHICS_TYPE_DBUS)
        virDomainGraphicsGLFormat(&childBuf, def);
    if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_DBUS && def->audioId)
        virBufferAsprintf(&childBuf, "<audio id='%u'/>\n", def->audioId);
    for (i = 0; i < def->nlistens; i++) {
        const virDomainGraphicsListenDef *l = &def->listens[i];

        virBufferAsprintf(&childBuf, "<listen type='%s'",
                          virDomainGraphicsListenTypeToString(l->type));
        if (l->address && (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS ||
                           (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK &&
                            !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))))
            virBufferAsprintf(&childBuf, " address='%s'", l->address);
        if (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK)
            virBufferEscapeString(&childBuf, " network='%s'", l->network);
        if (l->type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET)
            virBufferEscapeString(&childBuf, " socket='%s'", l->socket);
        virBufferAddLit(&childBuf, "/>\n");
    }
    if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_SPICE)
        virDomainGraphicsSpiceChildrenFormat(&childBuf, def);
    if (def->type == VIR_DOMAIN_GRAPHICS_TYPE_VNC && def->audioId)
        virBufferAsprintf(&childBuf, "<audio id='%u'/>\n", def->audioId);
    virBufferFormatElement(buf, "graphics", &attrBuf, &childBuf);
    return 0;
}
