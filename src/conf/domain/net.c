/*
 * net.c: the <interface> device.
 */
#include "internal.h"
#include "conf/domain/net.h"
#include "conf/domain/hostdev.h"
#include "util/virstring.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainNet);
VIR_ENUM_IMPL(virDomainNet, VIR_DOMAIN_NET_TYPE_LAST,
              "user", "ethernet", "vhostuser", "server", "client", "mcast", "network",
              "bridge", "internal", "direct", "hostdev", "udp", "vdpa", "null", "vds");
VIR_ENUM_DECL(virDomainNetDriver);
VIR_ENUM_IMPL(virDomainNetDriver, 3, "default", "qemu", "vhost");
VIR_ENUM_DECL(virDomainNetVirtioTxMode);
VIR_ENUM_IMPL(virDomainNetVirtioTxMode, 3, "default", "iothread", "timer");
VIR_ENUM_DECL(virDomainNetLinkState);
VIR_ENUM_IMPL(virDomainNetLinkState, 3, "default", "up", "down");
VIR_ENUM_DECL(virDomainNetMacType);
VIR_ENUM_IMPL(virDomainNetMacType, 3, "", "generated", "static");
VIR_ENUM_DECL(virDomainNetDevMacVLanMode);
VIR_ENUM_IMPL(virDomainNetDevMacVLanMode, 4, "vepa", "private", "bridge", "passthrough");
VIR_ENUM_DECL(virDomainNetTeaming);
VIR_ENUM_IMPL(virDomainNetTeaming, 3, "none", "persistent", "transient");
VIR_ENUM_DECL(virDomainNetBackend);
VIR_ENUM_IMPL(virDomainNetBackend, 2, "default", "passt");
enum { VHOSTUSER_MODE_NONE, VHOSTUSER_MODE_CLIENT, VHOSTUSER_MODE_SERVER, VHOSTUSER_MODE_LAST };
VIR_ENUM_DECL(virDomainNetVhostuserMode);
VIR_ENUM_IMPL(virDomainNetVhostuserMode, VHOSTUSER_MODE_LAST, "", "client", "server");

static const char *hostOptNames[] = { "csum", "gso", "tso4", "tso6", "ecn", "ufo", "mrg_rxbuf" };
static const char *guestOptNames[] = { "csum", "tso4", "tso6", "ecn", "ufo" };

void
virDomainNetDefFree(void *dev)
{
    virDomainNetDef *def = dev;

    if (!def)
        return;
    g_free(def->model);
    g_free(def->network);
    g_free(def->portgroup);
    g_free(def->portid);
    g_free(def->bridge);
    g_free(def->dev);
    g_free(def->internalName);
    g_free(def->sockAddress);
    g_free(def->localAddress);
    virDomainChrSourceDefFree(def->vhostuser);
    virDomainHostdevDefFree(def->hostdev);
    virDomainNetVlanClear(&def->vlan);
    virDomainNetVirtPortFree(def->virtPort);
    g_free(def->script);
    g_free(def->downscript);
    g_free(def->domainName);
    g_free(def->ifname);
    g_free(def->ifnameGuest);
    g_free(def->ifnameGuestActual);
    g_free(def->backendTap);
    g_free(def->backendVhost);
    g_free(def->backendLogFile);
    g_free(def->filter);
    g_strfreev(def->filterParams);
    g_free(def->teamingPersistent);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainNetDef, virDomainNetDefFree);


static xmlNodePtr
virDomainNetRequireSource(const virDomainNetDef *def, xmlNodePtr node)
{
    xmlNodePtr source = virXMLNodeGetSubelement(node, "source");

    if (!source)
        virReportError(VIR_ERR_XML_ERROR,
                       "interface type='%s' requires a 'source' element",
                       virDomainNetTypeToString(def->type));
    return source;
}


static int
virDomainNetSocketSourceParseXML(virDomainNetDef *def, xmlNodePtr source)
{
    xmlNodePtr local;

    if (def->type != VIR_DOMAIN_NET_TYPE_SERVER) {
        if (!(def->sockAddress = virXMLPropStringRequired(source, "address")))
            return -1;
    } else {
        def->sockAddress = virXMLPropString(source, "address");
    }
    if (virXMLPropInt(source, "port", 10, VIR_XML_PROP_REQUIRED, &def->sockPort, 0) < 0)
        return -1;
    if (def->type != VIR_DOMAIN_NET_TYPE_UDP)
        return 0;
    if (!(local = virXMLNodeGetSubelement(source, "local"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'<local>' element missing for 'udp' socket interface");
        return -1;
    }
    if (!(def->localAddress = virXMLPropStringRequired(local, "address")) ||
        virXMLPropInt(local, "port", 10, VIR_XML_PROP_REQUIRED, &def->localPort, 0) < 0)
        return -1;
    return 0;
}


static int
virDomainNetVhostuserParseXML(virDomainNetDef *def, xmlNodePtr source)
{
    g_autofree char *type = NULL;
    unsigned int mode;

    if (!(type = virXMLPropStringRequired(source, "type")))
        return -1;
    if (STRNEQ(type, "unix")) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Type='%s' unsupported for <interface type='vhostuser'>", type);
        return -1;
    }
    def->vhostuser = g_new0(virDomainChrSourceDef, 1);
    def->vhostuser->type = VIR_DOMAIN_CHR_TYPE_UNIX;
    if (!(def->vhostuser->path = virXMLPropStringRequired(source, "path")) ||
        virXMLPropEnum(source, "mode", virDomainNetVhostuserModeTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO, &mode) < 0)
        return -1;
    def->vhostuser->listen = mode == VHOSTUSER_MODE_SERVER;
    return virDomainChrReconnectParseXML(source, &def->vhostuser->reconnect,
                                         &def->vhostuser->reconnectTimeout);
}


static int
virDomainNetSourceParseXML(virDomainNetDef *def, xmlNodePtr node,
                           xmlXPathContextPtr ctxt, unsigned int flags)
{
    xmlNodePtr source = virXMLNodeGetSubelement(node, "source");
    g_autofree char *addrtype = NULL;

    switch ((virDomainNetType)def->type) {
    case VIR_DOMAIN_NET_TYPE_NETWORK:
        if (!(source = virDomainNetRequireSource(def, node)) ||
            !(def->network = virXMLPropStringRequired(source, "network")))
            return -1;
        def->portgroup = virXMLPropString(source, "portgroup");
        if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE)) {
            unsigned char uuid[VIR_UUID_BUFLEN];

            if (virXMLPropUUID(source, "portid", VIR_XML_PROP_NONE, uuid) < 0)
                return -1;
            if (virUUIDIsValid(uuid)) {
                def->portid = g_new0(char, VIR_UUID_STRING_BUFLEN);
                virUUIDFormat(uuid, def->portid);
            }
        }
        return 0;
    case VIR_DOMAIN_NET_TYPE_BRIDGE:
        if (!(source = virDomainNetRequireSource(def, node)) ||
            !(def->bridge = virXMLPropStringRequired(source, "bridge")))
            return -1;
        return 0;
    case VIR_DOMAIN_NET_TYPE_INTERNAL:
        if (!(source = virDomainNetRequireSource(def, node)) ||
            !(def->internalName = virXMLPropStringRequired(source, "name")))
            return -1;
        return 0;
    case VIR_DOMAIN_NET_TYPE_DIRECT:
        if (!(source = virDomainNetRequireSource(def, node)) ||
            !(def->dev = virXMLPropStringRequired(source, "dev")))
            return -1;
        return virXMLPropEnum(source, "mode", virDomainNetDevMacVLanModeTypeFromString,
                              VIR_XML_PROP_NONE, &def->directMode) < 0 ? -1 : 0;
    case VIR_DOMAIN_NET_TYPE_VDPA:
        if (!(source = virDomainNetRequireSource(def, node)) ||
            !(def->dev = virXMLPropStringRequired(source, "dev")))
            return -1;
        return 0;
    case VIR_DOMAIN_NET_TYPE_VHOSTUSER:
        if (!(source = virDomainNetRequireSource(def, node)))
            return -1;
        return virDomainNetVhostuserParseXML(def, source);
    case VIR_DOMAIN_NET_TYPE_SERVER:
    case VIR_DOMAIN_NET_TYPE_CLIENT:
    case VIR_DOMAIN_NET_TYPE_MCAST:
    case VIR_DOMAIN_NET_TYPE_UDP:
        if (!(source = virDomainNetRequireSource(def, node)))
            return -1;
        return virDomainNetSocketSourceParseXML(def, source);
    case VIR_DOMAIN_NET_TYPE_HOSTDEV:
        def->hostdev = g_new0(virDomainHostdevDef, 1);
        def->hostdev->inNet = true;
        addrtype = virXPathString("string(./source/address/@type)", ctxt);
        if (!addrtype && virXPathNode("./source/vendor", ctxt))
            addrtype = g_strdup("usb");
        return virDomainHostdevSubsysParseXML(def->hostdev, node, ctxt, addrtype, flags);
    case VIR_DOMAIN_NET_TYPE_USER:
        if (source)
            def->dev = virXMLPropString(source, "dev");
        return 0;
    case VIR_DOMAIN_NET_TYPE_ETHERNET:
    case VIR_DOMAIN_NET_TYPE_NULL:
    case VIR_DOMAIN_NET_TYPE_VDS:
    case VIR_DOMAIN_NET_TYPE_LAST:
        return 0;
    }
    return 0;
}


static int
virDomainNetDriverParseXML(virDomainNetDef *def, xmlNodePtr driver)
{
    xmlNodePtr cur;
    size_t i;

    def->driverPresent = true;
    if (virXMLPropEnum(driver, "name", virDomainNetDriverTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->driverName) < 0 ||
        virXMLPropEnum(driver, "txmode", virDomainNetVirtioTxModeTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->txmode) < 0 ||
        virXMLPropTristateSwitch(driver, "ioeventfd", VIR_XML_PROP_NONE, &def->ioeventfd) < 0 ||
        virXMLPropTristateSwitch(driver, "event_idx", VIR_XML_PROP_NONE, &def->eventIdx) < 0 ||
        virXMLPropUInt(driver, "queues", 10, VIR_XML_PROP_NONE, &def->queues) < 0 ||
        virXMLPropUInt(driver, "rx_queue_size", 10, VIR_XML_PROP_NONE, &def->rxQueueSize) < 0 ||
        virXMLPropUInt(driver, "tx_queue_size", 10, VIR_XML_PROP_NONE, &def->txQueueSize) < 0 ||
        virXMLPropTristateSwitch(driver, "rss", VIR_XML_PROP_NONE, &def->rss) < 0 ||
        virXMLPropTristateSwitch(driver, "rss_hash_report", VIR_XML_PROP_NONE,
                                 &def->rssHashReport) < 0 ||
        virXMLPropTristateSwitch(driver, "iommu", VIR_XML_PROP_NONE, &def->iommu) < 0 ||
        virXMLPropTristateSwitch(driver, "ats", VIR_XML_PROP_NONE, &def->ats) < 0 ||
        virXMLPropTristateSwitch(driver, "packed", VIR_XML_PROP_NONE, &def->packed) < 0 ||
        virXMLPropTristateSwitch(driver, "page_per_vq", VIR_XML_PROP_NONE,
                                 &def->pagePerVQ) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(driver, "host"))) {
        for (i = 0; i < G_N_ELEMENTS(hostOptNames); i++) {
            if (virXMLPropTristateSwitch(cur, hostOptNames[i], VIR_XML_PROP_NONE,
                                         &def->hostOpts[i]) < 0)
                return -1;
        }
    }
    if ((cur = virXMLNodeGetSubelement(driver, "guest"))) {
        for (i = 0; i < G_N_ELEMENTS(guestOptNames); i++) {
            if (virXMLPropTristateSwitch(cur, guestOptNames[i], VIR_XML_PROP_NONE,
                                         &def->guestOpts[i]) < 0)
                return -1;
        }
    }
    return 0;
}


static int
virDomainNetMacParseXML(virDomainNetDef *def, xmlNodePtr node)
{
    xmlNodePtr mac = virXMLNodeGetSubelement(node, "mac");
    g_autofree char *addr = mac ? virXMLPropString(mac, "address") : NULL;
    unsigned int b[6];
    char end;
    size_t i;

    if (addr) {
        if (sscanf(addr, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
                   &b[4], &b[5], &end) != 6 || strlen(addr) != 17) {
            virReportError(VIR_ERR_XML_ERROR, "unable to parse mac address '%s'", addr);
            return -1;
        }
        for (i = 0; i < 6; i++)
            def->mac[i] = b[i];
        if (def->mac[0] & 1) {
            virReportError(VIR_ERR_XML_ERROR,
                           "expected unicast mac address, found multicast '%s'", addr);
            return -1;
        }
    } else {
        /* the prefix libvirt's drivers use for generated addresses */
        def->mac[0] = 0x52;
        def->mac[1] = 0x54;
        def->mac[2] = 0x00;
        for (i = 3; i < 6; i++)
            def->mac[i] = g_random_int_range(0, 256);
    }
    if (mac &&
        (virXMLPropEnum(mac, "type", virDomainNetMacTypeTypeFromString,
                        VIR_XML_PROP_NONZERO, &def->macType) < 0 ||
         virXMLPropTristateBool(mac, "check", VIR_XML_PROP_NONE, &def->macCheck) < 0))
        return -1;
    return 0;
}


static int
virDomainNetFilterrefParseXML(virDomainNetDef *def, xmlNodePtr filterref)
{
    g_autoptr(GPtrArray) params = g_ptr_array_new();
    xmlNodePtr cur;

    def->filter = virXMLPropString(filterref, "filter");
    for (cur = xmlFirstElementChild(filterref); cur; cur = xmlNextElementSibling(cur)) {
        char *name, *value;

        if (!virXMLNodeNameEqual(cur, "parameter"))
            continue;
        name = virXMLPropString(cur, "name");
        value = virXMLPropString(cur, "value");
        if (!name || !value) {
            g_free(name);
            g_free(value);
            continue;
        }
        g_ptr_array_add(params, name);
        g_ptr_array_add(params, value);
    }
    g_ptr_array_add(params, NULL);
    def->filterParams = (char **)g_ptr_array_free(g_steal_pointer(&params), FALSE);
    return 0;
}


/* Whether @ifname has the prefix of the names hosts generate. */
static bool
virDomainNetIsGeneratedName(const char *ifname)
{
    return STRPREFIX(ifname, "vnet") || STRPREFIX(ifname, "macvtap") ||
           STRPREFIX(ifname, "macvlan");
}


static int
virDomainNetMiscParseXML(virDomainNetDef *def, xmlNodePtr node, xmlXPathContextPtr ctxt)
{
    xmlNodePtr cur;

    if ((cur = virXMLNodeGetSubelement(node, "virtualport")) &&
        !(def->virtPort = virDomainNetVirtPortParseXML(cur)))
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "target"))) {
        def->ifname = virXMLPropString(cur, "dev");
        if (virXMLPropTristateBool(cur, "managed", VIR_XML_PROP_NONE, &def->managedTap) < 0)
            return -1;
    }
    def->ifnameGuest = virXPathString("string(./guest/@dev)", ctxt);
    def->ifnameGuestActual = virXPathString("string(./guest/@actual)", ctxt);
    def->script = virXPathString("string(./script/@path)", ctxt);
    def->downscript = virXPathString("string(./downscript/@path)", ctxt);
    def->domainName = virXPathString("string(./backenddomain/@name)", ctxt);
    if ((cur = virXMLNodeGetSubelement(node, "filterref")) &&
        virDomainNetFilterrefParseXML(def, cur) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "bandwidth")) &&
        virDomainNetBandwidthParseXML(cur, &def->bandwidth) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "vlan")) &&
        virDomainNetVlanParseXML(cur, &def->vlan) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "port")) &&
        virXMLPropTristateBool(cur, "isolated", VIR_XML_PROP_NONE, &def->isolatedPort) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "link")) &&
        virXMLPropEnum(cur, "state", virDomainNetLinkStateTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->linkState) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "mtu")) &&
        virXMLPropUInt(cur, "size", 10, VIR_XML_PROP_NONZERO, &def->mtu) < 0)
        return -1;
    if (virXPathULongLong("string(./tune/sndbuf)", ctxt, &def->sndbuf) == 0)
        def->sndbufSpecified = true;
    if ((cur = virXMLNodeGetSubelement(node, "teaming"))) {
        if (virXMLPropEnum(cur, "type", virDomainNetTeamingTypeFromString,
                           VIR_XML_PROP_REQUIRED, &def->teamingType) < 0)
            return -1;
        def->teamingPersistent = virXMLPropString(cur, "persistent");
    }
    if (virXPathUInt("string(./coalesce/rx/frames/@max)", ctxt,
                     &def->coalesceRxMaxFrames) == 0 && def->coalesceRxMaxFrames)
        def->coalesceSet = true;
    if ((cur = virXMLNodeGetSubelement(node, "backend"))) {
        if (virXMLPropEnum(cur, "type", virDomainNetBackendTypeFromString,
                           VIR_XML_PROP_NONE, &def->backendType) < 0)
            return -1;
        def->backendTap = virXMLPropString(cur, "tap");
        def->backendVhost = virXMLPropString(cur, "vhost");
        def->backendLogFile = virXMLPropString(cur, "logFile");
    }
    return 0;
}


void *
virDomainNetDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainNetDef) def = g_new0(virDomainNetDef, 1);
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    xmlNodePtr cur;

    ctxt->node = node;
    if (virXMLPropEnumDefault(node, "type", virDomainNetTypeFromString, VIR_XML_PROP_NONE,
                              &def->type, VIR_DOMAIN_NET_TYPE_USER) < 0 ||
        virXMLPropTristateBool(node, "trustGuestRxFilters", VIR_XML_PROP_NONE,
                               &def->trustGuestRxFilters) < 0)
        return NULL;
    def->model = virXPathString("string(./model/@type)", ctxt);
    if (virDomainNetSourceParseXML(def, node, ctxt, flags) < 0 ||
        virDomainNetMiscParseXML(def, node, ctxt) < 0 ||
        virDomainNetMacParseXML(def, node) < 0)
        return NULL;
    /* a target name the host generated is not kept in a new definition */
    if ((flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) && def->ifname &&
        def->managedTap != VIR_TRISTATE_BOOL_NO && virDomainNetIsGeneratedName(def->ifname))
        g_clear_pointer(&def->ifname, g_free);
    /* a hostdev interface's <driver> names the PCI backend */
    if (def->type != VIR_DOMAIN_NET_TYPE_HOSTDEV &&
        (cur = virXMLNodeGetSubelement(node, "driver")) &&
        virDomainNetDriverParseXML(def, cur) < 0)
        return NULL;
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


static void
virDomainNetSourceFormat(virBuffer *buf, const virDomainNetDef *def, unsigned int flags)
{
    switch ((virDomainNetType)def->type) {
    case VIR_DOMAIN_NET_TYPE_NETWORK:
        virBufferEscapeString(buf, "<source network='%s'", def->network);
        virBufferEscapeString(buf, " portgroup='%s'", def->portgroup);
        if (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
            virBufferEscapeString(buf, " portid='%s'", def->portid);
        virBufferAddLit(buf, "/>\n");
        return;
    case VIR_DOMAIN_NET_TYPE_BRIDGE:
        virBufferEscapeString(buf, "<source bridge='%s'/>\n", def->bridge);
        return;
    case VIR_DOMAIN_NET_TYPE_INTERNAL:
        virBufferEscapeString(buf, "<source name='%s'/>\n", def->internalName);
        return;
    case VIR_DOMAIN_NET_TYPE_DIRECT:
        virBufferEscapeString(buf, "<source dev='%s'", def->dev);
        virBufferAsprintf(buf, " mode='%s'/>\n", virDomainNetDevMacVLanModeTypeToString(def->directMode));
        return;
    case VIR_DOMAIN_NET_TYPE_VDPA:
    case VIR_DOMAIN_NET_TYPE_USER:
        virBufferEscapeString(buf, "<source dev='%s'/>\n", def->dev);
        return;
    case VIR_DOMAIN_NET_TYPE_VHOSTUSER:
        virBufferEscapeString(buf, "<source type='unix' path='%s'", def->vhostuser->path);
        virBufferAsprintf(buf, " mode='%s'", def->vhostuser->listen ? "server" : "client");
        if (!def->vhostuser->reconnect) {
            virBufferAddLit(buf, "/>\n");
            return;
        }
        virBufferAddLit(buf, ">\n");
        virBufferAdjustIndent(buf, 2);
        virDomainChrReconnectFormat(buf, def->vhostuser->reconnect,
                                    def->vhostuser->reconnectTimeout);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</source>\n");
        return;
    case VIR_DOMAIN_NET_TYPE_SERVER:
    case VIR_DOMAIN_NET_TYPE_CLIENT:
    case VIR_DOMAIN_NET_TYPE_MCAST:
    case VIR_DOMAIN_NET_TYPE_UDP:
        virBufferAddLit(buf, "<source");
        virBufferEscapeString(buf, " address='%s'", def->sockAddress);
        virBufferAsprintf(buf, " port='%d'", def->sockPort);
        if (def->type != VIR_DOMAIN_NET_TYPE_UDP) {
            virBufferAddLit(buf, "/>\n");
            return;
        }
        virBufferAddLit(buf, ">\n");
        virBufferEscapeString(buf, "  <local address='%s'", def->localAddress);
        virBufferAsprintf(buf, " port='%d'/>\n", def->localPort);
        virBufferAddLit(buf, "</source>\n");
        return;
    case VIR_DOMAIN_NET_TYPE_HOSTDEV:
        virDomainHostdevSubsysFormat(buf, def->hostdev, flags, true);
        return;
    case VIR_DOMAIN_NET_TYPE_ETHERNET:
    case VIR_DOMAIN_NET_TYPE_NULL:
    case VIR_DOMAIN_NET_TYPE_VDS:
    case VIR_DOMAIN_NET_TYPE_LAST:
        return;
    }
}


static bool
virDomainNetIsVirtio(const virDomainNetDef *def)
{
    return def->model && (STREQ(def->model, "virtio") ||
                          STREQ(def->model, "virtio-transitional") ||
                          STREQ(def->model, "virtio-non-transitional"));
}


static void
virDomainNetDriverFormat(virBuffer *buf, const virDomainNetDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) hostBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) guestBuf = VIR_BUFFER_INITIALIZER;
    size_t i;

    if (def->driverName)
        virBufferAsprintf(&attrBuf, " name='%s'", virDomainNetDriverTypeToString(def->driverName));
    if (def->txmode)
        virBufferAsprintf(&attrBuf, " txmode='%s'", virDomainNetVirtioTxModeTypeToString(def->txmode));
#define TRI(field, name) \
    if (def->field) \
        virBufferAsprintf(&attrBuf, " " name "='%s'", virTristateSwitchTypeToString(def->field))
    TRI(ioeventfd, "ioeventfd");
    TRI(eventIdx, "event_idx");
    if (def->queues)
        virBufferAsprintf(&attrBuf, " queues='%u'", def->queues);
    if (def->rxQueueSize)
        virBufferAsprintf(&attrBuf, " rx_queue_size='%u'", def->rxQueueSize);
    if (def->txQueueSize)
        virBufferAsprintf(&attrBuf, " tx_queue_size='%u'", def->txQueueSize);
    TRI(rss, "rss");
    TRI(rssHashReport, "rss_hash_report");
    TRI(iommu, "iommu");
    TRI(ats, "ats");
    TRI(packed, "packed");
    TRI(pagePerVQ, "page_per_vq");
#undef TRI
    for (i = 0; i < G_N_ELEMENTS(hostOptNames); i++) {
        if (def->hostOpts[i])
            virBufferAsprintf(&hostBuf, " %s='%s'", hostOptNames[i],
                              virTristateSwitchTypeToString(def->hostOpts[i]));
    }
    for (i = 0; i < G_N_ELEMENTS(guestOptNames); i++) {
        if (def->guestOpts[i])
            virBufferAsprintf(&guestBuf, " %s='%s'", guestOptNames[i],
                              virTristateSwitchTypeToString(def->guestOpts[i]));
    }
    virBufferFormatElement(&childBuf, "host", &hostBuf, NULL);
    virBufferFormatElement(&childBuf, "guest", &guestBuf, NULL);
    virBufferFormatElement(buf, "driver", &attrBuf, &childBuf);
}


static void
virDomainNetTailFormat(virBuffer *buf, const virDomainNetDef *def)
{
    g_auto(virBuffer) backendBuf = VIR_BUFFER_INITIALIZER;
    size_t i;

    if (def->backendType)
        virBufferAsprintf(&backendBuf, " type='%s'", virDomainNetBackendTypeToString(def->backendType));
    virBufferEscapeString(&backendBuf, " tap='%s'", def->backendTap);
    virBufferEscapeString(&backendBuf, " vhost='%s'", def->backendVhost);
    virBufferEscapeString(&backendBuf, " logFile='%s'", def->backendLogFile);
    virBufferFormatElement(buf, "backend", &backendBuf, NULL);
    if (def->filter) {
        virBufferEscapeString(buf, "<filterref filter='%s'", def->filter);
        if (def->filterParams && def->filterParams[0]) {
            virBufferAddLit(buf, ">\n");
            for (i = 0; def->filterParams[i]; i += 2) {
                virBufferEscapeString(buf, "  <parameter name='%s'", def->filterParams[i]);
                virBufferEscapeString(buf, " value='%s'/>\n", def->filterParams[i + 1]);
            }
            virBufferAddLit(buf, "</filterref>\n");
        } else {
            virBufferAddLit(buf, "/>\n");
        }
    }
    if (def->sndbufSpecified) {
        virBufferAddLit(buf, "<tune>\n");
        virBufferAsprintf(buf, "  <sndbuf>%llu</sndbuf>\n", def->sndbuf);
        virBufferAddLit(buf, "</tune>\n");
    }
    if (def->teamingType) {
        virBufferAsprintf(buf, "<teaming type='%s'", virDomainNetTeamingTypeToString(def->teamingType));
        virBufferEscapeString(buf, " persistent='%s'", def->teamingPersistent);
        virBufferAddLit(buf, "/>\n");
    }
    if (def->linkState)
        virBufferAsprintf(buf, "<link state='%s'/>\n", virDomainNetLinkStateTypeToString(def->linkState));
    if (def->mtu)
        virBufferAsprintf(buf, "<mtu size='%u'/>\n", def->mtu);
    if (def->coalesceSet) {
        virBufferAddLit(buf, "<coalesce>\n");
        virBufferAddLit(buf, "  <rx>\n");
        virBufferAsprintf(buf, "    <frames max='%u'/>\n", def->coalesceRxMaxFrames);
        virBufferAddLit(buf, "  </rx>\n");
        virBufferAddLit(buf, "</coalesce>\n");
    }
}


int
virDomainNetDefFormat(virBuffer *buf, const void *dev,
                      const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainNetDef *def = dev;
    g_auto(virBuffer) targetBuf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(buf, "<interface type='%s'", virDomainNetTypeToString(def->type));
    if (def->hostdev && def->hostdev->managed)
        virBufferAddLit(buf, " managed='yes'");
    if (def->trustGuestRxFilters)
        virBufferAsprintf(buf, " trustGuestRxFilters='%s'",
                          virTristateBoolTypeToString(def->trustGuestRxFilters));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<mac address='%02x:%02x:%02x:%02x:%02x:%02x'",
                      def->mac[0], def->mac[1], def->mac[2], def->mac[3], def->mac[4], def->mac[5]);
    if (def->macType)
        virBufferAsprintf(buf, " type='%s'", virDomainNetMacTypeTypeToString(def->macType));
    if (def->macCheck)
        virBufferAsprintf(buf, " check='%s'", virTristateBoolTypeToString(def->macCheck));
    virBufferAddLit(buf, "/>\n");
    virDomainNetSourceFormat(buf, def, flags);
    virDomainNetVlanFormat(buf, &def->vlan);
    virDomainNetVirtPortFormat(buf, def->virtPort);
    virDomainNetBandwidthFormat(buf, &def->bandwidth);
    if (def->isolatedPort)
        virBufferAsprintf(buf, "<port isolated='%s'/>\n",
                          virTristateBoolTypeToString(def->isolatedPort));
    virBufferEscapeString(buf, "<script path='%s'/>\n", def->script);
    virBufferEscapeString(buf, "<downscript path='%s'/>\n", def->downscript);
    virBufferEscapeString(buf, "<backenddomain name='%s'/>\n", def->domainName);
    if (def->ifname &&
        (def->managedTap == VIR_TRISTATE_BOOL_NO || !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE) ||
         !virDomainNetIsGeneratedName(def->ifname)))
        virBufferEscapeString(&targetBuf, " dev='%s'", def->ifname);
    if (def->managedTap)
        virBufferAsprintf(&targetBuf, " managed='%s'", virTristateBoolTypeToString(def->managedTap));
    virBufferFormatElement(buf, "target", &targetBuf, NULL);
    if (def->ifnameGuest || def->ifnameGuestActual) {
        virBufferAddLit(buf, "<guest");
        virBufferEscapeString(buf, " dev='%s'", def->ifnameGuest);
        virBufferEscapeString(buf, " actual='%s'", def->ifnameGuestActual);
        virBufferAddLit(buf, "/>\n");
    }
    if (def->model) {
        virBufferEscapeString(buf, "<model type='%s'/>\n", def->model);
        if (virDomainNetIsVirtio(def))
            virDomainNetDriverFormat(buf, def);
    }
    virDomainNetTailFormat(buf, def);
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</interface>\n");
    return 0;
}
