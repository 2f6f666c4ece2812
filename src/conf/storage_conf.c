/*
 * storage_conf.c: the storage pool document: the per-pool-type table,
 * backend namespaces, <source>, the <pool> document itself and the
 * storagepool xml2xml category.
 */
#include "internal.h"

#include <libxml/xpathInternals.h>

#include "conf/storage_conf.h"
#include "conf/storage_conf_priv.h"
#include "conf/storage_vol_conf.h"
#include "conf/virxmlcategory.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_ENUM_IMPL(virStoragePool, VIR_STORAGE_POOL_LAST,
              "dir", "fs", "netfs", "logical", "disk", "iscsi",
              "iscsi-direct", "scsi", "mpath", "rbd", "sheepdog", "gluster",
              "zfs", "vstorage");

VIR_ENUM_IMPL(virStoragePoolFormatFileSystem, VIR_STORAGE_POOL_FS_LAST,
              "auto", "ext2", "ext3", "ext4", "ufs", "iso9660", "udf", "gfs",
              "gfs2", "vfat", "hfs+", "xfs", "ocfs2", "vmfs");

VIR_ENUM_IMPL(virStoragePoolFormatFileSystemNet, VIR_STORAGE_POOL_NETFS_LAST,
              "auto", "nfs", "glusterfs", "cifs");

VIR_ENUM_IMPL(virStoragePoolFormatDisk, VIR_STORAGE_POOL_DISK_LAST,
              "unknown", "dos", "dvh", "gpt", "mac", "bsd", "pc98", "sun",
              "lvm2");

VIR_ENUM_IMPL(virStoragePoolFormatLogical, VIR_STORAGE_POOL_LOGICAL_LAST,
              "unknown", "lvm2");

VIR_ENUM_IMPL(virStorageVolDefRefreshAllocation,
              VIR_STORAGE_VOL_DEF_REFRESH_ALLOCATION_LAST,
              "default", "capacity");

/* Volume images: any name but "none" */
static int
virStorageVolFileFormatFromString(const char *name)
{
    int format = virStorageFileFormatTypeFromString(name);

    return format == VIR_STORAGE_FILE_NONE ? -1 : format;
}

static const virStorageFormatNames poolFormatFS = {
    virStoragePoolFormatFileSystemTypeToString,
    virStoragePoolFormatFileSystemTypeFromString, VIR_STORAGE_POOL_FS_AUTO,
};
static const virStorageFormatNames poolFormatNetFS = {
    virStoragePoolFormatFileSystemNetTypeToString,
    virStoragePoolFormatFileSystemNetTypeFromString, VIR_STORAGE_POOL_NETFS_AUTO,
};
static const virStorageFormatNames poolFormatDisk = {
    virStoragePoolFormatDiskTypeToString,
    virStoragePoolFormatDiskTypeFromString, VIR_STORAGE_POOL_DISK_UNKNOWN,
};
static const virStorageFormatNames poolFormatLogical = {
    virStoragePoolFormatLogicalTypeToString,
    virStoragePoolFormatLogicalTypeFromString, VIR_STORAGE_POOL_LOGICAL_LVM2,
};
static const virStorageFormatNames volFormatFile = {
    virStorageFileFormatTypeToString,
    virStorageVolFileFormatFromString, VIR_STORAGE_FILE_RAW,
};
static const virStorageFormatNames volFormatDisk = {
    virStorageVolFormatDiskTypeToString,
    virStorageVolFormatDiskTypeFromString, VIR_STORAGE_VOL_DISK_NONE,
};

static const virStoragePoolNamespace fsNamespace = {
    "fs", "http://libvirt.org/schemas/storagepool/fs/1.0",
    "mount_opts", "fs mount", false,
};
static const virStoragePoolNamespace rbdNamespace = {
    "rbd", "http://libvirt.org/schemas/storagepool/rbd/1.0",
    "config_opts", "rbd", true,
};

static const virStoragePoolTypeInfo poolTypeInfo[] = {
    [VIR_STORAGE_POOL_DIR] = {
        .cow = true, .volFormat = &volFormatFile,
    },
    [VIR_STORAGE_POOL_FS] = {
        .source = SRC_DEVICE, .required = SRC_DEVICE, .cow = true,
        .poolFormat = &poolFormatFS, .volFormat = &volFormatFile,
        .ns = &fsNamespace,
    },
    [VIR_STORAGE_POOL_NETFS] = {
        .source = SRC_HOST | SRC_DIR, .required = SRC_HOST | SRC_DIR,
        .poolFormat = &poolFormatNetFS, .volFormat = &volFormatFile,
        .ns = &fsNamespace,
    },
    [VIR_STORAGE_POOL_LOGICAL] = {
        .source = SRC_NAME | SRC_DEVICE, .devPrefix = "/dev/",
        .poolFormat = &poolFormatLogical,
    },
    [VIR_STORAGE_POOL_DISK] = {
        .source = SRC_DEVICE, .required = SRC_DEVICE,
        .poolFormat = &poolFormatDisk, .volFormat = &volFormatDisk,
    },
    [VIR_STORAGE_POOL_ISCSI] = {
        .source = SRC_HOST | SRC_DEVICE | SRC_INITIATOR, .required = SRC_HOST,
    },
    [VIR_STORAGE_POOL_ISCSI_DIRECT] = {
        .source = SRC_HOST | SRC_DEVICE | SRC_INITIATOR,
        .required = SRC_HOST | SRC_INITIATOR, .network = true,
    },
    [VIR_STORAGE_POOL_SCSI] = {
        .source = SRC_ADAPTER, .required = SRC_ADAPTER,
    },
    [VIR_STORAGE_POOL_MPATH] = {
        .source = 0,
    },
    [VIR_STORAGE_POOL_RBD] = {
        .source = SRC_HOST | SRC_NAME, .required = SRC_HOST,
        .sourceNameRequired = true, .network = true,
        .volFormat = &volFormatFile, .ns = &rbdNamespace,
    },
    [VIR_STORAGE_POOL_SHEEPDOG] = {
        .source = SRC_HOST | SRC_NAME, .required = SRC_HOST, .network = true,
    },
    [VIR_STORAGE_POOL_GLUSTER] = {
        .source = SRC_HOST | SRC_NAME | SRC_DIR, .required = SRC_HOST | SRC_DIR,
        .defaultDir = "/", .network = true, .volFormat = &volFormatFile,
    },
    [VIR_STORAGE_POOL_ZFS] = {
        .source = SRC_NAME | SRC_DEVICE, .devPrefix = "/dev/zvol/",
    },
    [VIR_STORAGE_POOL_VSTORAGE] = {
        .source = SRC_NAME, .volFormat = &volFormatFile,
    },
};
G_STATIC_ASSERT(G_N_ELEMENTS(poolTypeInfo) == VIR_STORAGE_POOL_LAST);

const virStoragePoolTypeInfo *
virStoragePoolTypeInfoGet(int type)
{
    if (type < 0 || type >= VIR_STORAGE_POOL_LAST) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "missing backend for pool type %d", type);
        return NULL;
    }
    return &poolTypeInfo[type];
}

/* <format type='...'/> at @xpath, by @names; the default when absent */
int
virStorageFormatParse(xmlXPathContextPtr ctxt, const char *xpath,
                      const virStorageFormatNames *names, const char *what,
                      int *format)
{
    g_autofree char *name = virXPathString(xpath, ctxt);

    if (!name) {
        *format = names->defaultFormat;
        return 0;
    }
    if ((*format = names->fromString(name)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown %s format type %s", what, name);
        return -1;
    }
    return 0;
}

/* namespaced options */

static void
virStoragePoolNSOptionsFree(virStoragePoolNSOptions *opts)
{
    if (!opts)
        return;
    g_strfreev(opts->names);
    g_strfreev(opts->values);
    g_free(opts);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePoolNSOptions, virStoragePoolNSOptionsFree);

static int
virStoragePoolNSOptionParse(xmlNodePtr node, const virStoragePoolNamespace *ns,
                            virStoragePoolNSOptions *opts)
{
    g_autofree char *name = virXMLPropString(node, "name");
    g_autofree char *value = NULL;

    if (!name) {
        virReportError(VIR_ERR_XML_ERROR, "no %s option name specified", ns->what);
        return -1;
    }
    if (ns->hasValue) {
        if (!*name) {
            virReportError(VIR_ERR_XML_ERROR,
                           "empty %s option name specified", ns->what);
            return -1;
        }
        if (!(value = virXMLPropString(node, "value"))) {
            virReportError(VIR_ERR_XML_ERROR,
                           "no %s option value specified for name '%s'",
                           ns->what, name);
            return -1;
        }
        if (!*value) {
            virReportError(VIR_ERR_XML_ERROR,
                           "empty %s option value specified for name '%s'",
                           ns->what, name);
            return -1;
        }
        opts->values[opts->noptions] = g_steal_pointer(&value);
    }
    opts->names[opts->noptions++] = g_steal_pointer(&name);
    return 0;
}

static int
virStoragePoolNSParse(xmlXPathContextPtr ctxt, const virStoragePoolNamespace *ns,
                      virStoragePoolNSOptions **result)
{
    g_autoptr(virStoragePoolNSOptions) opts = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *xpath = NULL;
    int n;
    size_t i;

    if (xmlXPathRegisterNs(ctxt, BAD_CAST ns->prefix, BAD_CAST ns->uri) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Failed to register xml namespace '%s'", ns->uri);
        return -1;
    }
    xpath = g_strdup_printf("./%s:%s/%s:option", ns->prefix, ns->element,
                            ns->prefix);
    if ((n = virXPathNodeSet(xpath, ctxt, &nodes)) <= 0)
        return n;

    opts = g_new0(virStoragePoolNSOptions, 1);
    opts->names = g_new0(char *, n + 1);
    if (ns->hasValue)
        opts->values = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        if (virStoragePoolNSOptionParse(nodes[i], ns, opts) < 0)
            return -1;
    }
    *result = g_steal_pointer(&opts);
    return 0;
}

static void
virStoragePoolNSFormat(virBuffer *buf, const virStoragePoolNamespace *ns,
                       const virStoragePoolNSOptions *opts)
{
    size_t i;

    virBufferAsprintf(buf, "<%s:%s>\n", ns->prefix, ns->element);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < opts->noptions; i++) {
        virBufferAsprintf(buf, "<%s:option", ns->prefix);
        virBufferEscapeString(buf, " name='%s'", opts->names[i]);
        if (opts->values)
            virBufferEscapeString(buf, " value='%s'", opts->values[i]);
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s:%s>\n", ns->prefix, ns->element);
}

/* <source> */

void
virStoragePoolSourceClear(virStoragePoolSource *source)
{
    size_t i;

    if (!source)
        return;
    for (i = 0; i < source->nhost; i++)
        g_free(source->hosts[i].name);
    g_free(source->hosts);
    for (i = 0; i < source->ndevice; i++) {
        g_free(source->devices[i].path);
        g_free(source->devices[i].freeExtents);
    }
    g_free(source->devices);
    g_free(source->dir);
    virStorageAdapterClear(&source->adapter);
    g_free(source->name);
    g_free(source->initiatorIqn);
    virStorageAuthDefFree(source->auth);
    g_free(source->vendor);
    g_free(source->product);
    g_free(source->protocolVer);
    memset(source, 0, sizeof(*source));
}

void
virStoragePoolSourceFree(virStoragePoolSource *source)
{
    virStoragePoolSourceClear(source);
    g_free(source);
}

static int
virStoragePoolSourceParseHosts(xmlXPathContextPtr ctxt,
                               virStoragePoolSource *source)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./host", ctxt, &nodes)) < 0)
        return -1;
    source->hosts = g_new0(virStoragePoolSourceHost, n);
    for (i = 0; i < n; i++) {
        virStoragePoolSourceHost *host = &source->hosts[source->nhost++];

        if (!(host->name = virXMLPropString(nodes[i], "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing storage pool host name");
            return -1;
        }
        if (virXMLPropInt(nodes[i], "port", 10, VIR_XML_PROP_NONE,
                          &host->port, 0) < 0)
            return -1;
    }
    return 0;
}

static int
virStoragePoolSourceParseDevices(xmlXPathContextPtr ctxt,
                                 virStoragePoolSource *source)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./device", ctxt, &nodes)) < 0)
        return -1;
    source->devices = g_new0(virStoragePoolSourceDevice, n);
    for (i = 0; i < n; i++) {
        virStoragePoolSourceDevice *dev = &source->devices[source->ndevice++];

        if (!(dev->path = virXMLPropString(nodes[i], "path"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing storage pool source device path");
            return -1;
        }
        if (virXMLPropTristateBool(nodes[i], "part_separator",
                                   VIR_XML_PROP_NONE, &dev->part_separator) < 0)
            return -1;
    }
    return 0;
}

/* <protocol ver='...'/>: NFS only, and no ',' (it ends up in mount -o) */
static int
virStoragePoolSourceParseProtocol(xmlXPathContextPtr ctxt,
                                  virStoragePoolSource *source)
{
    if (!(source->protocolVer = virXPathString("string(./protocol/@ver)", ctxt)))
        return 0;
    if (source->format != VIR_STORAGE_POOL_NETFS_NFS &&
        source->format != VIR_STORAGE_POOL_NETFS_AUTO) {
        const char *name = virStoragePoolFormatFileSystemNetTypeToString(source->format);

        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "storage pool protocol ver unsupported for pool type '%s'",
                       name ? name : "(null)");
        return -1;
    }
    if (strchr(source->protocolVer, ',')) {
        virReportError(VIR_ERR_XML_DETAIL,
                       "storage pool protocol ver '%s' must not contain ','",
                       source->protocolVer);
        return -1;
    }
    return 0;
}

static int
virStoragePoolSourceParse(xmlXPathContextPtr ctxt, xmlNodePtr node,
                          virStoragePoolType type, virStoragePoolSource *source)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    const virStoragePoolTypeInfo *info = &poolTypeInfo[type];
    g_autofree char *dir = NULL;
    xmlNodePtr child;

    ctxt->node = node;
    source->name = virXPathString("string(./name)", ctxt);
    if (info->sourceNameRequired && !source->name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "element 'name' is mandatory for RBD pool");
        return -1;
    }
    if (info->poolFormat &&
        virStorageFormatParse(ctxt, "string(./format/@type)", info->poolFormat,
                              "pool", &source->format) < 0)
        return -1;
    if (virStoragePoolSourceParseHosts(ctxt, source) < 0)
        return -1;
    source->initiatorIqn = virXPathString("string(./initiator/iqn/@name)", ctxt);
    if (virStoragePoolSourceParseDevices(ctxt, source) < 0)
        return -1;

    if ((dir = virXPathString("string(./dir/@path)", ctxt)))
        source->dir = virStorageSanitizePath(dir);
    else
        source->dir = g_strdup(info->defaultDir);

    if ((child = virXPathNode("./adapter", ctxt)) &&
        virStorageAdapterParse(child, ctxt, &source->adapter) < 0)
        return -1;
    if ((child = virXPathNode("./auth", ctxt))) {
        if (!(source->auth = virStorageAuthDefParse(child, ctxt)))
            return -1;
        if (source->auth->authType == VIR_STORAGE_AUTH_TYPE_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "storage pool missing auth type");
            return -1;
        }
    }
    if (virStoragePoolSourceParseProtocol(ctxt, source) < 0)
        return -1;
    source->vendor = virXPathString("string(./vendor/@name)", ctxt);
    source->product = virXPathString("string(./product/@name)", ctxt);
    return 0;
}

static void
virStoragePoolSourceFormatDevice(virBuffer *buf,
                                 const virStoragePoolSourceDevice *dev)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferEscapeString(&attrBuf, " path='%s'", dev->path);
    if (dev->part_separator != VIR_TRISTATE_BOOL_ABSENT)
        virBufferAsprintf(&attrBuf, " part_separator='%s'",
                          virTristateBoolTypeToString(dev->part_separator));
    for (i = 0; i < dev->nfreeExtent; i++)
        virBufferAsprintf(&childBuf, "<freeExtent start='%llu' end='%llu'/>\n",
                          dev->freeExtents[i].start, dev->freeExtents[i].end);
    virBufferFormatElement(buf, "device", &attrBuf, &childBuf);
}

static int
virStoragePoolSourceFormat(virBuffer *buf, const virStoragePoolTypeInfo *info,
                           const virStoragePoolSource *src)
{
    size_t i;

    virBufferAddLit(buf, "<source>\n");
    virBufferAdjustIndent(buf, 2);

    for (i = 0; (info->source & SRC_HOST) && i < src->nhost; i++) {
        virBufferEscapeString(buf, "<host name='%s'", src->hosts[i].name);
        if (src->hosts[i].port)
            virBufferAsprintf(buf, " port='%d'", src->hosts[i].port);
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; (info->source & SRC_DEVICE) && i < src->ndevice; i++)
        virStoragePoolSourceFormatDevice(buf, &src->devices[i]);
    if (info->source & SRC_DIR)
        virBufferEscapeString(buf, "<dir path='%s'/>\n", src->dir);
    if ((info->source & SRC_ADAPTER) &&
        src->adapter.type != VIR_STORAGE_ADAPTER_TYPE_DEFAULT)
        virStorageAdapterFormat(buf, &src->adapter);
    if (info->source & SRC_NAME)
        virBufferEscapeString(buf, "<name>%s</name>\n", src->name);
    if ((info->source & SRC_INITIATOR) && src->initiatorIqn) {
        virBufferAddLit(buf, "<initiator>\n");
        virBufferEscapeString(buf, "  <iqn name='%s'/>\n", src->initiatorIqn);
        virBufferAddLit(buf, "</initiator>\n");
    }
    if (info->poolFormat) {
        const char *format = info->poolFormat->toString(src->format);

        if (!format) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown pool format number %d", src->format);
            return -1;
        }
        virBufferAsprintf(buf, "<format type='%s'/>\n", format);
    }
    if (src->auth)
        virStorageAuthDefFormat(buf, src->auth);
    virBufferEscapeString(buf, "<protocol ver='%s'/>\n", src->protocolVer);
    virBufferEscapeString(buf, "<vendor name='%s'/>\n", src->vendor);
    virBufferEscapeString(buf, "<product name='%s'/>\n", src->product);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</source>\n");
    return 0;
}

virStoragePoolSource *
virStoragePoolDefParseSourceString(const char *srcSpec, virStoragePoolType type)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(virStoragePoolSource) source = NULL;

    if (!virStoragePoolTypeInfoGet(type))
        return NULL;
    if (!(xml = virXMLParse(NULL, srcSpec, "(storage_source_specification)",
                            "source", &ctxt)))
        return NULL;
    source = g_new0(virStoragePoolSource, 1);
    if (virStoragePoolSourceParse(ctxt, ctxt->node, type, source) < 0)
        return NULL;
    return g_steal_pointer(&source);
}

char *
virStoragePoolSourceListFormat(virStoragePoolType type,
                               virStoragePoolSource *sources, size_t nsources)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    const virStoragePoolTypeInfo *info = virStoragePoolTypeInfoGet(type);
    size_t i;

    if (!info)
        return NULL;
    virBufferAddLit(&buf, "<sources>\n");
    virBufferAdjustIndent(&buf, 2);
    for (i = 0; i < nsources; i++) {
        if (virStoragePoolSourceFormat(&buf, info, &sources[i]) < 0)
            return NULL;
    }
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</sources>\n");
    return virBufferContentAndReset(&buf);
}

/* the <pool> document */

void
virStoragePoolDefFree(virStoragePoolDef *def)
{
    if (!def)
        return;
    g_free(def->name);
    virStoragePoolSourceClear(&def->source);
    g_free(def->target.path);
    g_free(def->target.perms.label);
    virStoragePoolNSOptionsFree(def->nsopts);
    g_free(def);
}

/* <name> (or the source name) and <uuid> (or a new one) */
static int
virStoragePoolDefParseIdentity(xmlXPathContextPtr ctxt, virStoragePoolDef *def,
                               const virStoragePoolTypeInfo *info)
{
    g_autofree char *uuid = NULL;

    def->name = virXPathString("string(./name)", ctxt);
    if (!def->name && (info->source & SRC_NAME))
        def->name = g_strdup(def->source.name);
    if (!def->name) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing pool source name element");
        return -1;
    }
    if (strchr(def->name, '/')) {
        virReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'",
                       def->name);
        return -1;
    }

    if (!(uuid = virXPathString("string(./uuid)", ctxt)))
        return virUUIDGenerate(def->uuid);
    if (virUUIDParse(uuid, def->uuid) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed uuid element");
        return -1;
    }
    return 0;
}

static int
virStoragePoolDefParseFeatures(xmlXPathContextPtr ctxt, virStoragePoolDef *def,
                               const virStoragePoolTypeInfo *info)
{
    xmlNodePtr cow = virXPathNode("./features/cow", ctxt);
    int rc;

    if ((rc = virXMLPropTristateBool(cow, "state", VIR_XML_PROP_NONE,
                                     &def->cow)) <= 0)
        return rc;
    if (!info->cow) {
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "cow feature may only be used for 'fs' and 'dir' pools");
        return -1;
    }
    return 0;
}

/* What the pool type requires of <source>, once the names are known */
static int
virStoragePoolDefCheckSource(virStoragePoolDef *def,
                             const virStoragePoolTypeInfo *info)
{
    virStoragePoolSource *src = &def->source;

    if ((info->required & SRC_HOST) && !src->nhost) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source host name");
        return -1;
    }
    if ((info->required & SRC_DIR) && !src->dir) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source path");
        return -1;
    }
    if ((info->source & SRC_NAME) && !src->name)
        src->name = g_strdup(def->name);
    if ((info->required & SRC_ADAPTER) &&
        virStorageAdapterValidate(&src->adapter) < 0)
        return -1;
    if ((info->required & SRC_DEVICE) && !src->ndevice) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source device name");
        return -1;
    }
    return 0;
}

/* <target>: a path (derived from the source name for volume groups) and
 * permissions; pools on network storage have none */
static int
virStoragePoolDefParseTarget(xmlXPathContextPtr ctxt, virStoragePoolDef *def,
                             const virStoragePoolTypeInfo *info)
{
    g_autofree char *path = NULL;

    virStoragePermsClear(&def->target.perms);
    if (info->network)
        return 0;

    if (info->devPrefix) {
        path = g_strdup_printf("%s%s", info->devPrefix, def->source.name);
    } else if (!(path = virXPathString("string(./target/path)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool target path");
        return -1;
    }
    def->target.path = virStorageSanitizePath(path);
    return virStoragePermsParse(ctxt, "./target/permissions", &def->target.perms);
}

static int
virStoragePoolDefParseRefresh(xmlXPathContextPtr ctxt, virStoragePoolDef *def)
{
    g_autofree char *allocation = NULL;
    int val;

    if (!(allocation = virXPathString("string(./refresh/volume/@allocation)",
                                      ctxt)))
        return 0;
    if ((val = virStorageVolDefRefreshAllocationTypeFromString(allocation)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown storage pool volume refresh allocation type %s",
                       allocation);
        return -1;
    }
    def->hasRefresh = true;
    def->refreshAllocation = val;
    return 0;
}

virStoragePoolDef *
virStoragePoolDefParseXML(xmlXPathContextPtr ctxt)
{
    g_autoptr(virStoragePoolDef) def = g_new0(virStoragePoolDef, 1);
    const virStoragePoolTypeInfo *info;
    xmlNodePtr source;
    unsigned int type;

    if (virXMLPropEnum(ctxt->node, "type", virStoragePoolTypeFromString,
                       VIR_XML_PROP_REQUIRED, &type) < 0)
        return NULL;
    def->type = type;
    info = &poolTypeInfo[type];

    if ((source = virXPathNode("./source", ctxt))) {
        if (virStoragePoolSourceParse(ctxt, source, def->type, &def->source) < 0)
            return NULL;
    } else if (info->poolFormat) {
        def->source.format = info->poolFormat->defaultFormat;
    }

    if (virStoragePoolDefParseIdentity(ctxt, def, info) < 0 ||
        virStoragePoolDefParseFeatures(ctxt, def, info) < 0 ||
        virStoragePoolDefCheckSource(def, info) < 0 ||
        virStoragePoolDefParseTarget(ctxt, def, info) < 0)
        return NULL;

    if ((info->required & SRC_INITIATOR) && !def->source.initiatorIqn) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "missing initiator IQN");
        return NULL;
    }
    if (virStoragePoolDefParseRefresh(ctxt, def) < 0)
        return NULL;
    if (info->ns && virStoragePoolNSParse(ctxt, info->ns, &def->nsopts) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virStoragePoolDef *
virStoragePoolDefParseNode(xmlDocPtr xml, xmlNodePtr root)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!virXMLNodeNameEqual(root, "pool")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unexpected root element <%s>, expecting <pool>",
                       root->name);
        return NULL;
    }
    ctxt = virXMLXPathContextNew(xml);
    ctxt->node = root;
    return virStoragePoolDefParseXML(ctxt);
}

virStoragePoolDef *
virStoragePoolDefParseString(const char *xmlStr, unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    virCheckFlags(VIR_STORAGE_POOL_DEFINE_VALIDATE, NULL);
    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, NULL, xmlStr,
                                  "(storage_pool_definition)", "pool", &ctxt,
                                  "storagepool.rng",
                                  flags & VIR_STORAGE_POOL_DEFINE_VALIDATE)))
        return NULL;
    return virStoragePoolDefParseXML(ctxt);
}

static void
virStoragePoolDefFormatTarget(virBuffer *buf, const virStoragePoolDef *def)
{
    virBufferAddLit(buf, "<target>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<path>%s</path>\n", def->target.path);
    virStoragePermsFormat(buf, &def->target.perms);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</target>\n");
}

char *
virStoragePoolDefFormat(const virStoragePoolDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    const virStoragePoolTypeInfo *info = virStoragePoolTypeInfoGet(def->type);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!info)
        return NULL;
    virBufferAsprintf(&buf, "<pool type='%s'", virStoragePoolTypeToString(def->type));
    if (info->ns && def->nsopts)
        virBufferAsprintf(&buf, " xmlns:%s='%s'", info->ns->prefix, info->ns->uri);
    virBufferAddLit(&buf, ">\n");
    virBufferAdjustIndent(&buf, 2);

    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferAsprintf(&buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->uuid, uuidstr));
    virBufferAsprintf(&buf, "<capacity unit='bytes'>%llu</capacity>\n", def->capacity);
    virBufferAsprintf(&buf, "<allocation unit='bytes'>%llu</allocation>\n",
                      def->allocation);
    virBufferAsprintf(&buf, "<available unit='bytes'>%llu</available>\n",
                      def->available);
    if (def->cow != VIR_TRISTATE_BOOL_ABSENT) {
        virBufferAddLit(&buf, "<features>\n");
        virBufferAsprintf(&buf, "  <cow state='%s'/>\n",
                          virTristateBoolTypeToString(def->cow));
        virBufferAddLit(&buf, "</features>\n");
    }
    if (virStoragePoolSourceFormat(&buf, info, &def->source) < 0)
        return NULL;
    if (!info->network)
        virStoragePoolDefFormatTarget(&buf, def);
    if (def->hasRefresh) {
        virBufferAddLit(&buf, "<refresh>\n");
        virBufferAsprintf(&buf, "  <volume allocation='%s'/>\n",
                          virStorageVolDefRefreshAllocationTypeToString(def->refreshAllocation));
        virBufferAddLit(&buf, "</refresh>\n");
    }
    if (info->ns && def->nsopts)
        virStoragePoolNSFormat(&buf, info->ns, def->nsopts);

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</pool>\n");
    return virBufferContentAndReset(&buf);
}


/* the xml2xml category */

static char *
storagepoolRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(virStoragePoolDef) def = virStoragePoolDefParseString(xml, 0);

    return def ? virStoragePoolDefFormat(def) : NULL;
}

const virXMLCategory virStoragePoolXMLCategory = { "storagepool", storagepoolRoundtrip };
