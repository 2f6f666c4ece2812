/*
 * disk_source.c: <source> of disks (and of their backing chain), with
 * <auth> and <encryption>.
 */
#include "internal.h"
#include "conf/domain/disk_source.h"
#include "conf/domain/memory.h"
#include "conf/domain/chr.h"
#include "util/virstring.h"
#include "util/viruuid.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainStorage, VIR_STORAGE_TYPE_LAST,
              "none", "file", "block", "dir", "network", "volume", "nvme",
              "vhostuser");
VIR_ENUM_IMPL(virDomainStorageFileFormat, 17,
              "none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
              "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk");
VIR_ENUM_DECL(virDomainStorageNetProtocol);
VIR_ENUM_IMPL(virDomainStorageNetProtocol, 14,
              "none", "nbd", "rbd", "sheepdog", "gluster", "iscsi", "http",
              "https", "ftp", "ftps", "tftp", "ssh", "vxhs", "nfs");
VIR_ENUM_DECL(virDomainStorageNetHostTransport);
VIR_ENUM_IMPL(virDomainStorageNetHostTransport, 3, "tcp", "unix", "rdma");
VIR_ENUM_DECL(virDomainStorageSourcePoolMode);
VIR_ENUM_IMPL(virDomainStorageSourcePoolMode, 3, "default", "host", "direct");
VIR_ENUM_DECL(virDomainStorageAuth);
VIR_ENUM_IMPL(virDomainStorageAuth, 3, "none", "chap", "ceph");
VIR_ENUM_DECL(virDomainStorageEncryptionFormat);
VIR_ENUM_IMPL(virDomainStorageEncryptionFormat, 4, "default", "qcow", "luks", "luks2");
VIR_ENUM_DECL(virDomainStorageEncryptionEngine);
VIR_ENUM_IMPL(virDomainStorageEncryptionEngine, 3, "default", "qemu", "librbd");

#define NET_PROTOCOL_NBD 1
#define NET_PROTOCOL_RBD 2
#define NET_PROTOCOL_GLUSTER 4
#define NET_PROTOCOL_HTTP 6
#define NET_PROTOCOL_HTTPS 7

static void
virDomainSecretLookupClear(virDomainSecretLookup *lookup)
{
    g_free(lookup->usage);
    g_free(lookup->type);
}


bool
virDomainStorageSourceIsEmpty(const virDomainStorageSource *src)
{
    switch ((virStorageType)src->type) {
    case VIR_STORAGE_TYPE_FILE:
    case VIR_STORAGE_TYPE_BLOCK:
    case VIR_STORAGE_TYPE_DIR:
        return !src->path;
    case VIR_STORAGE_TYPE_NONE:
        return true;
    case VIR_STORAGE_TYPE_NETWORK:
        return src->protocol == 0;
    case VIR_STORAGE_TYPE_VOLUME:
    case VIR_STORAGE_TYPE_NVME:
    case VIR_STORAGE_TYPE_VHOST_USER:
    case VIR_STORAGE_TYPE_LAST:
        break;
    }
    return false;
}


void
virDomainStorageSourceFree(virDomainStorageSource *src)
{
    size_t i;

    if (!src)
        return;
    g_free(src->path);
    g_free(src->fdgroup);
    g_free(src->volume);
    g_free(src->query);
    g_free(src->tlsHostname);
    for (i = 0; i < src->nhosts; i++) {
        g_free(src->hosts[i].name);
        g_free(src->hosts[i].socket);
    }
    g_free(src->hosts);
    g_free(src->snapshot);
    g_free(src->configFile);
    g_free(src->initiatorIqn);
    g_free(src->pool);
    g_free(src->poolVolume);
    g_free(src->authUsername);
    virDomainSecretLookupClear(&src->authSecret);
    for (i = 0; i < src->nencryptionSecrets; i++)
        virDomainSecretLookupClear(&src->encryptionSecrets[i]);
    g_free(src->encryptionSecrets);
    virDomainStorageSourceFree(src->backingStore);
    virDomainDeviceSeclabelsClear(&src->seclabels);
    g_free(src);
}


static int
virDomainSecretLookupParseXML(xmlNodePtr node, virDomainSecretLookup *lookup)
{
    g_autofree char *uuid = virXMLPropString(node, "uuid");
    g_autofree char *usage = virXMLPropString(node, "usage");
    unsigned char raw[VIR_UUID_BUFLEN];

    lookup->type = virXMLPropString(node, "type");
    if (uuid && usage) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "either secret uuid or usage expected");
        return -1;
    }
    if (uuid) {
        if (virUUIDParse(uuid, raw) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "invalid secret uuid '%s'", uuid);
            return -1;
        }
        lookup->usage = g_new0(char, VIR_UUID_STRING_BUFLEN);
        virUUIDFormat(raw, lookup->usage);
        lookup->isUUID = true;
    } else if (usage) {
        lookup->usage = g_steal_pointer(&usage);
    } else {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "either secret uuid or usage expected");
        return -1;
    }
    return 0;
}


static void
virDomainSecretLookupFormat(virBuffer *buf, const virDomainSecretLookup *lookup)
{
    if (lookup->type)
        virBufferEscapeString(buf, "<secret type='%s'", lookup->type);
    else
        virBufferAddLit(buf, "<secret");
    if (lookup->usage)
        virBufferEscapeString(buf, lookup->isUUID ? " uuid='%s'" : " usage='%s'",
                              lookup->usage);
    virBufferAddLit(buf, "/>\n");
}


int
virDomainStorageAuthParseXML(xmlNodePtr node, virDomainStorageSource *src)
{
    g_autofree char *type = virXMLPropString(node, "type");
    xmlNodePtr secret;
    int t;

    if (src->authPresent) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "an <auth> definition already found for disk source");
        return -1;
    }
    src->authPresent = true;
    if (!(src->authUsername = virXMLPropString(node, "username"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing username for auth");
        return -1;
    }
    if (type) {
        if ((t = virDomainStorageAuthTypeFromString(type)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown auth type '%s'", type);
            return -1;
        }
        src->authType = t;
    }
    if (!(secret = virXMLNodeGetSubelement(node, "secret"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing <secret> element in auth");
        return -1;
    }
    return virDomainSecretLookupParseXML(secret, &src->authSecret);
}


void
virDomainStorageAuthFormat(virBuffer *buf, const virDomainStorageSource *src)
{
    if (src->authType)
        virBufferAsprintf(buf, "<auth type='%s' ", virDomainStorageAuthTypeToString(src->authType));
    else
        virBufferAddLit(buf, "<auth ");
    virBufferEscapeString(buf, "username='%s'>\n", src->authUsername);
    virBufferAdjustIndent(buf, 2);
    virDomainSecretLookupFormat(buf, &src->authSecret);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</auth>\n");
}


int
virDomainStorageEncryptionParseXML(xmlNodePtr node, virDomainStorageSource *src)
{
    xmlNodePtr cur;

    if (src->encryptionPresent) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "an <encryption> definition already found for disk source");
        return -1;
    }
    src->encryptionPresent = true;
    if (virXMLPropEnum(node, "format", virDomainStorageEncryptionFormatTypeFromString,
                       VIR_XML_PROP_REQUIRED, &src->encryptionFormat) < 0 ||
        virXMLPropEnum(node, "engine", virDomainStorageEncryptionEngineTypeFromString,
                       VIR_XML_PROP_NONZERO, &src->encryptionEngine) < 0)
        return -1;
    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        if (!virXMLNodeNameEqual(cur, "secret"))
            continue;
        src->encryptionSecrets = g_renew(virDomainSecretLookup, src->encryptionSecrets,
                                         src->nencryptionSecrets + 1);
        memset(&src->encryptionSecrets[src->nencryptionSecrets], 0,
               sizeof(virDomainSecretLookup));
        if (virDomainSecretLookupParseXML(cur,
                                          &src->encryptionSecrets[src->nencryptionSecrets++]) < 0)
            return -1;
    }
    return 0;
}


void
virDomainStorageEncryptionFormat(virBuffer *buf, const virDomainStorageSource *src)
{
    size_t i;

    virBufferAsprintf(buf, "<encryption format='%s'",
                      virDomainStorageEncryptionFormatTypeToString(src->encryptionFormat));
    if (src->encryptionEngine)
        virBufferAsprintf(buf, " engine='%s'",
                          virDomainStorageEncryptionEngineTypeToString(src->encryptionEngine));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < src->nencryptionSecrets; i++)
        virDomainSecretLookupFormat(buf, &src->encryptionSecrets[i]);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</encryption>\n");
}


static int
virDomainStorageHostsParseXML(xmlXPathContextPtr ctxt, virDomainStorageSource *src)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./host", ctxt, &nodes)) < 0)
        return -1;
    src->hosts = g_new0(virDomainStorageHost, n + 1);
    for (i = 0; i < n; i++) {
        virDomainStorageHost *host = &src->hosts[i];

        src->nhosts++;      /* counted before filling, so a refusal frees it */

        if (virXMLPropEnum(nodes[i], "transport", virDomainStorageNetHostTransportTypeFromString,
                           VIR_XML_PROP_NONE, &host->transport) < 0 ||
            virXMLPropUInt(nodes[i], "port", 10, VIR_XML_PROP_NONE, &host->port) < 0)
            return -1;
        host->name = virXMLPropString(nodes[i], "name");
        host->socket = virXMLPropString(nodes[i], "socket");
        if (host->transport == 1 && !host->socket) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing socket for unix transport");
            return -1;
        }
        if (host->transport != 1 && !host->name) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "missing hostname for tcp transport");
            return -1;
        }
    }
    return 0;
}


/* The port a TCP host of @protocol gets when it names none (0: none),
 * in the protocol table's order. */
static unsigned int
virDomainStorageNetworkDefaultPort(unsigned int protocol)
{
    static const unsigned int ports[] = {
        0,      /* none */
        10809,  /* nbd */
        0,      /* rbd: no default */
        7000,   /* sheepdog */
        24007,  /* gluster */
        3260,   /* iscsi */
        80,     /* http */
        443,    /* https */
        21,     /* ftp */
        990,    /* ftps */
        69,     /* tftp */
        22,     /* ssh */
        9999,   /* vxhs */
        0,      /* nfs: no port */
    };

    return protocol < G_N_ELEMENTS(ports) ? ports[protocol] : 0;
}


static int
virDomainStorageNetworkParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                virDomainStorageSource *src)
{
    size_t i;

    char *slash;

    if (virXMLPropEnum(node, "protocol", virDomainStorageNetProtocolTypeFromString,
                       VIR_XML_PROP_REQUIRED, &src->protocol) < 0)
        return -1;
    if (!(src->path = virXMLPropString(node, "name")) && src->protocol != NET_PROTOCOL_NBD) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing name for disk source");
        return -1;
    }
    if (virXMLPropTristateBool(node, "tls", VIR_XML_PROP_NONE, &src->tls) < 0)
        return -1;
    src->tlsHostname = virXMLPropString(node, "tlsHostname");
    if (src->path && (src->protocol == NET_PROTOCOL_GLUSTER ||
                      src->protocol == NET_PROTOCOL_RBD)) {
        if (!(slash = strchr(src->path, '/')) || slash == src->path) {
            virReportError(VIR_ERR_XML_ERROR,
                           "can't split path '%s' into pool name and image name",
                           src->path);
            return -1;
        }
        src->volume = src->path;
        src->path = g_strdup(slash + 1);
        *slash = '\0';
    }
    src->snapshot = virXPathString("string(./snapshot/@name)", ctxt);
    src->configFile = virXPathString("string(./config/@file)", ctxt);
    src->initiatorIqn = virXPathString("string(./initiator/iqn/@name)", ctxt);
    if (src->protocol == NET_PROTOCOL_HTTP || src->protocol == NET_PROTOCOL_HTTPS)
        src->query = virXMLPropString(node, "query");
    if (virDomainStorageHostsParseXML(ctxt, src) < 0)
        return -1;
    /* as libvirt: a TCP host without a port gets its protocol's */
    for (i = 0; i < src->nhosts; i++) {
        if (src->hosts[i].transport == 0 && src->hosts[i].port == 0)
            src->hosts[i].port = virDomainStorageNetworkDefaultPort(src->protocol);
    }
    return 0;
}


static int
virDomainStorageVhostuserParseXML(xmlNodePtr node, virDomainStorageSource *src)
{
    g_autofree char *type = virXMLPropString(node, "type");

    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing 'type' attribute for vhostuser disk source");
        return -1;
    }
    if (STRNEQ(type, "unix")) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "invalid 'type' attribute for vhostuser disk source");
        return -1;
    }
    if (!(src->path = virXMLPropString(node, "path"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing 'path' attribute for vhostuser disk source");
        return -1;
    }
    return virDomainChrReconnectParseXML(node, &src->reconnect, &src->reconnectTimeout);
}


int
virDomainStorageSourceParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                               virDomainStorageSource *src,
                               unsigned int flags)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    xmlNodePtr cur;

    ctxt->node = node;
    switch ((virStorageType)src->type) {
    case VIR_STORAGE_TYPE_FILE:
        src->path = virXMLPropString(node, "file");
        src->fdgroup = virXMLPropString(node, "fdgroup");
        break;
    case VIR_STORAGE_TYPE_BLOCK:
        src->path = virXMLPropString(node, "dev");
        break;
    case VIR_STORAGE_TYPE_DIR:
        src->path = virXMLPropString(node, "dir");
        break;
    case VIR_STORAGE_TYPE_NETWORK:
        if (virDomainStorageNetworkParseXML(node, ctxt, src) < 0)
            return -1;
        break;
    case VIR_STORAGE_TYPE_VOLUME:
        src->pool = virXMLPropString(node, "pool");
        src->poolVolume = virXMLPropString(node, "volume");
        if (virXMLPropEnum(node, "mode", virDomainStorageSourcePoolModeTypeFromString,
                           VIR_XML_PROP_NONZERO, &src->poolMode) < 0)
            return -1;
        break;
    case VIR_STORAGE_TYPE_VHOST_USER:
        if (virDomainStorageVhostuserParseXML(node, src) < 0)
            return -1;
        break;
    case VIR_STORAGE_TYPE_NVME:
        /* not kept yet */
        break;
    case VIR_STORAGE_TYPE_NONE:
    case VIR_STORAGE_TYPE_LAST:
        virReportError(VIR_ERR_INTERNAL_ERROR, "unexpected disk type %s",
                       virDomainStorageTypeToString(src->type));
        return -1;
    }
    if (virDomainDeviceSeclabelsParseXML(node, &src->seclabels, flags) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "auth")) &&
        virDomainStorageAuthParseXML(cur, src) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(node, "encryption")) &&
        virDomainStorageEncryptionParseXML(cur, src) < 0)
        return -1;
    /* an empty path means no medium (e.g. an empty CD-ROM) */
    if (src->path && !*src->path)
        g_clear_pointer(&src->path, g_free);
    return 0;
}


int
virDomainStorageBackingStoreParseXML(xmlXPathContextPtr ctxt,
                                     virDomainStorageSource *src, unsigned int flags)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virDomainStorageSource) backing = NULL;
    g_autofree char *type = NULL;
    g_autofree char *format = NULL;
    g_autofree char *idx = NULL;
    xmlNodePtr source;
    int val;

    if (!(ctxt->node = virXPathNode("./backingStore", ctxt)))
        return 0;
    backing = g_new0(virDomainStorageSource, 1);
    if (!(type = virXMLPropString(ctxt->node, "type"))) {
        src->backingStore = g_steal_pointer(&backing);
        return 0;
    }
    if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE))
        idx = virXMLPropString(ctxt->node, "index");
    if (!(format = virXPathString("string(./format/@type)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing disk backing store format");
        return -1;
    }
    if (!(source = virXPathNode("./source", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing disk backing store source");
        return -1;
    }
    if ((val = virDomainStorageTypeFromString(type)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown storage source type '%s'", type);
        return -1;
    }
    backing->type = val;
    if ((val = virDomainStorageFileFormatTypeFromString(format)) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown storage source format '%s'", format);
        return -1;
    }
    backing->format = val;
    if (idx && virStrToLong_uip(idx, NULL, 10, &backing->id) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "invalid storage source index '%s'", idx);
        return -1;
    }
    if (virDomainParseScaledValue("./format/metadata_cache/max_size", NULL, ctxt,
                                  &backing->metadataCacheMaxSize, 1, ULLONG_MAX,
                                  false) < 0)
        return -1;
    backing->readonly = true;
    if (virDomainStorageSourceParseXML(source, ctxt, backing, flags) < 0 ||
        virDomainStorageBackingStoreParseXML(ctxt, backing, flags) < 0)
        return -1;
    src->backingStore = g_steal_pointer(&backing);
    return 0;
}


static void
virDomainStorageNetworkFormat(virBuffer *attrBuf, virBuffer *childBuf,
                              const virDomainStorageSource *src)
{
    g_autofree char *name = NULL;
    size_t i;

    virBufferAsprintf(attrBuf, " protocol='%s'",
                      virDomainStorageNetProtocolTypeToString(src->protocol));
    if (src->volume)
        name = g_strdup_printf("%s/%s", src->volume, src->path);
    virBufferEscapeString(attrBuf, " name='%s'", name ? name : src->path);
    virBufferEscapeString(attrBuf, " query='%s'", src->query);
    if (src->tls)
        virBufferAsprintf(attrBuf, " tls='%s'", virTristateBoolTypeToString(src->tls));
    virBufferEscapeString(attrBuf, " tlsHostname='%s'", src->tlsHostname);
    for (i = 0; i < src->nhosts; i++) {
        virBufferAddLit(childBuf, "<host");
        virBufferEscapeString(childBuf, " name='%s'", src->hosts[i].name);
        if (src->hosts[i].port)
            virBufferAsprintf(childBuf, " port='%u'", src->hosts[i].port);
        if (src->hosts[i].transport)
            virBufferAsprintf(childBuf, " transport='%s'",
                              virDomainStorageNetHostTransportTypeToString(src->hosts[i].transport));
        virBufferEscapeString(childBuf, " socket='%s'", src->hosts[i].socket);
        virBufferAddLit(childBuf, "/>\n");
    }
    virBufferEscapeString(childBuf, "<snapshot name='%s'/>\n", src->snapshot);
    virBufferEscapeString(childBuf, "<config file='%s'/>\n", src->configFile);
    if (src->initiatorIqn) {
        virBufferAddLit(childBuf, "<initiator>\n");
        virBufferEscapeString(childBuf, "  <iqn name='%s'/>\n", src->initiatorIqn);
        virBufferAddLit(childBuf, "</initiator>\n");
    }
}


void
virDomainStorageSourceFormat(virBuffer *buf, const virDomainStorageSource *src,
                             const char *element, const char *policy,
                             bool withAuth, bool withEnc, bool withIndex,
                             unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    switch ((virStorageType)src->type) {
    case VIR_STORAGE_TYPE_FILE:
        virBufferEscapeString(&attrBuf, " file='%s'", src->path);
        virBufferEscapeString(&attrBuf, " fdgroup='%s'", src->fdgroup);
        break;
    case VIR_STORAGE_TYPE_BLOCK:
        virBufferEscapeString(&attrBuf, " dev='%s'", src->path);
        break;
    case VIR_STORAGE_TYPE_DIR:
        virBufferEscapeString(&attrBuf, " dir='%s'", src->path);
        break;
    case VIR_STORAGE_TYPE_NETWORK:
        virDomainStorageNetworkFormat(&attrBuf, &childBuf, src);
        break;
    case VIR_STORAGE_TYPE_VOLUME:
        virBufferEscapeString(&attrBuf, " pool='%s'", src->pool);
        virBufferEscapeString(&attrBuf, " volume='%s'", src->poolVolume);
        if (src->poolMode)
            virBufferAsprintf(&attrBuf, " mode='%s'",
                              virDomainStorageSourcePoolModeTypeToString(src->poolMode));
        break;
    case VIR_STORAGE_TYPE_VHOST_USER:
        virBufferEscapeString(&attrBuf, " type='unix' path='%s'", src->path);
        virDomainChrReconnectFormat(&childBuf, src->reconnect, src->reconnectTimeout);
        break;
    case VIR_STORAGE_TYPE_NVME:
    case VIR_STORAGE_TYPE_NONE:
    case VIR_STORAGE_TYPE_LAST:
        break;
    }
    if (src->type != VIR_STORAGE_TYPE_NETWORK)
        virDomainDeviceSeclabelsFormat(&childBuf, &src->seclabels, flags);
    if (withAuth && src->authPresent && src->type != VIR_STORAGE_TYPE_VOLUME)
        virDomainStorageAuthFormat(&childBuf, src);
    if (withEnc && src->encryptionPresent)
        virDomainStorageEncryptionFormat(&childBuf, src);
    if (policy && src->type != VIR_STORAGE_TYPE_NETWORK)
        virBufferEscapeString(&attrBuf, " startupPolicy='%s'", policy);
    if (withIndex && src->id && !(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
        virBufferAsprintf(&attrBuf, " index='%u'", src->id);
    virBufferFormatElement(buf, element, &attrBuf, &childBuf);
}


void
virDomainStorageFormatFormat(virBuffer *buf, const virDomainStorageSource *src)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (src->format)
        virBufferAsprintf(&attrBuf, " type='%s'",
                          virDomainStorageFileFormatTypeToString(src->format));
    if (src->metadataCacheMaxSize) {
        virBufferAddLit(&childBuf, "<metadata_cache>\n");
        virBufferAsprintf(&childBuf, "  <max_size unit='bytes'>%llu</max_size>\n",
                          src->metadataCacheMaxSize);
        virBufferAddLit(&childBuf, "</metadata_cache>\n");
    }
    virBufferFormatElement(buf, "format", &attrBuf, &childBuf);
}


void
virDomainStorageBackingStoreFormat(virBuffer *buf, const virDomainStorageSource *src,
                                   unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virDomainStorageSource *backing = src->backingStore;
    size_t before;

    if (!backing)
        return;
    if (backing->type == VIR_STORAGE_TYPE_NONE) {
        virBufferAddLit(buf, "<backingStore/>\n");
        return;
    }
    virBufferAsprintf(&attrBuf, " type='%s'", virDomainStorageTypeToString(backing->type));
    if (backing->id)
        virBufferAsprintf(&attrBuf, " index='%u'", backing->id);
    virDomainStorageFormatFormat(&childBuf, backing);
    before = virBufferUse(&childBuf);
    virDomainStorageSourceFormat(&childBuf, backing, "source", NULL, true, true, false, flags);
    /* A backing store must have a <source>, but one without attributes or
     * children (<source fhle='...'/> parses to that) formats to nothing,
     * and libvirt then refuses its own output ("missing disk backing
     * store source"): keep the element. */
    if (virBufferUse(&childBuf) == before)
        virBufferAddLit(&childBuf, "<source/>\n");
    virDomainStorageBackingStoreFormat(&childBuf, backing, flags);
    virBufferFormatElement(buf, "backingStore", &attrBuf, &childBuf);
}
