/*
 * storage_vol_conf.c: the storage volume document, parsed and formatted
 * against the pool it lives in, and the storagevol xml2xml category.
 */
#include "internal.h"

#include "conf/storage_vol_conf.h"
#include "conf/storage_conf_priv.h"
#include "conf/virxmlcategory.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_ENUM_IMPL(virStorageVol, VIR_STORAGE_VOL_LAST,
              "file", "block", "dir", "network", "netdir", "ploop");

VIR_ENUM_IMPL(virStorageVolFormatDisk, VIR_STORAGE_VOL_DISK_LAST,
              "none", "linux", "fat16", "fat32", "linux-swap", "linux-lvm",
              "linux-raid", "extended");

static void
virStorageVolTargetClear(virStorageVolTarget *target)
{
    g_free(target->path);
    g_free(target->perms.label);
    g_free(target->timestamps);
    virStorageEncryptionFree(target->encryption);
    g_free(target->compat);
    if (target->backingStore) {
        virStorageVolTargetClear(target->backingStore);
        g_free(target->backingStore);
    }
    memset(target, 0, sizeof(*target));
}

void
virStorageVolDefFree(virStorageVolDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->key);
    for (i = 0; i < def->nextent; i++)
        g_free(def->extents[i].path);
    g_free(def->extents);
    virStorageVolTargetClear(&def->target);
    g_free(def);
}

/* <compat>: qcow2 compatibility level, "N.M" */
static int
virStorageVolCheckCompat(const char *compat)
{
    g_auto(GStrv) version = NULL;
    unsigned int val;

    if (!compat)
        return 0;
    version = g_strsplit(compat, ".", 2);
    if (!version[0] || !version[1] ||
        virStrToLong_ui(version[0], NULL, 10, &val) < 0 ||
        virStrToLong_ui(version[1], NULL, 10, &val) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "forbidden characters in 'compat' attribute");
        return -1;
    }
    return 0;
}

/* <target><features>: given at all implies compat 1.1 */
static int
virStorageVolParseFeatures(xmlXPathContextPtr ctxt, virStorageVolTarget *target)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if (!virXPathNode("./target/features", ctxt))
        return 0;
    if ((n = virXPathNodeSet("./target/features/*", ctxt, &nodes)) < 0)
        return -1;
    if (!target->compat)
        target->compat = g_strdup("1.1");
    target->hasFeatures = true;
    for (i = 0; i < n; i++) {
        const char *name = (const char *) nodes[i]->name;
        int f = virStorageFileFeatureTypeFromString(name);

        if (f < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unsupported feature %s", name);
            return -1;
        }
        target->features |= 1u << f;
    }
    return 0;
}

static int
virStorageVolParseBackingStore(xmlXPathContextPtr ctxt, virStorageVolTarget *target,
                               const virStoragePoolTypeInfo *info)
{
    g_autofree char *path = virXPathString("string(./backingStore/path)", ctxt);
    virStorageVolTarget *backing;

    if (!path)
        return 0;
    backing = target->backingStore = g_new0(virStorageVolTarget, 1);
    backing->path = g_steal_pointer(&path);
    if (info->volFormat &&
        virStorageFormatParse(ctxt, "string(./backingStore/format/@type)",
                              info->volFormat, "volume", &backing->format) < 0)
        return -1;
    return virStoragePermsParse(ctxt, "./backingStore/permissions",
                                &backing->perms);
}

/* <capacity> (required unless @flags say otherwise) and <allocation>
 * (defaults to the capacity) */
static int
virStorageVolParseSizes(xmlXPathContextPtr ctxt, virStorageVolTarget *target,
                        unsigned int flags)
{
    g_autofree char *capacity = virXPathString("string(./capacity)", ctxt);
    g_autofree char *capacityUnit = virXPathString("string(./capacity/@unit)", ctxt);
    g_autofree char *allocation = NULL;
    g_autofree char *allocationUnit = NULL;

    if (capacity) {
        if (virStorageParseSize(capacity, capacityUnit, &target->capacity) < 0)
            return -1;
    } else if (!(flags & VIR_VOL_XML_PARSE_NO_CAPACITY) &&
               !((flags & VIR_VOL_XML_PARSE_OPT_CAPACITY) && target->backingStore)) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing capacity element");
        return -1;
    }

    if (!(allocation = virXPathString("string(./allocation)", ctxt))) {
        target->allocation = target->capacity;
        return 0;
    }
    allocationUnit = virXPathString("string(./allocation/@unit)", ctxt);
    if (virStorageParseSize(allocation, allocationUnit, &target->allocation) < 0)
        return -1;
    target->has_allocation = true;
    return 0;
}

static int
virStorageVolParseTarget(xmlXPathContextPtr ctxt, virStorageVolTarget *target,
                         const virStoragePoolTypeInfo *info)
{
    xmlNodePtr encryption;

    target->path = virXPathString("string(./target/path)", ctxt);
    if (info->volFormat &&
        virStorageFormatParse(ctxt, "string(./target/format/@type)",
                              info->volFormat, "volume", &target->format) < 0)
        return -1;
    if (virStoragePermsParse(ctxt, "./target/permissions", &target->perms) < 0)
        return -1;
    if ((encryption = virXPathNode("./target/encryption", ctxt)) &&
        !(target->encryption = virStorageEncryptionParseNode(encryption, ctxt)))
        return -1;

    target->compat = virXPathString("string(./target/compat)", ctxt);
    if (virStorageVolCheckCompat(target->compat) < 0)
        return -1;
    target->nocow = virXPathNode("./target/nocow", ctxt) != NULL;
    if (virStorageParseScaledElement(ctxt, "./target/clusterSize",
                                     &target->clusterSize) < 0)
        return -1;
    return virStorageVolParseFeatures(ctxt, target);
}

virStorageVolDef *
virStorageVolDefParseXML(const virStoragePoolDef *pool, xmlXPathContextPtr ctxt,
                         unsigned int flags)
{
    g_autoptr(virStorageVolDef) def = NULL;
    const virStoragePoolTypeInfo *info;
    g_autofree char *type = NULL;

    virCheckFlags(VIR_VOL_XML_PARSE_NO_CAPACITY | VIR_VOL_XML_PARSE_OPT_CAPACITY,
                  NULL);
    if (!(info = virStoragePoolTypeInfoGet(pool->type)))
        return NULL;

    def = g_new0(virStorageVolDef, 1);
    if (!(def->name = virXPathString("string(./name)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing volume name element");
        return NULL;
    }
    def->key = virXPathString("string(./key)", ctxt);
    if ((type = virXPathString("string(./@type)", ctxt))) {
        int val = virStorageVolTypeFromString(type);

        if (val < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown volume type '%s'", type);
            return NULL;
        }
        def->type = val;
    }

    if (virStorageVolParseBackingStore(ctxt, &def->target, info) < 0 ||
        virStorageVolParseSizes(ctxt, &def->target, flags) < 0 ||
        virStorageVolParseTarget(ctxt, &def->target, info) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virStorageVolDef *
virStorageVolDefParseNode(const virStoragePoolDef *pool, xmlDocPtr xml,
                          xmlNodePtr root, unsigned int flags)
{
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!virXMLNodeNameEqual(root, "volume")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unexpected root element <%s>, expecting <volume>",
                       root->name);
        return NULL;
    }
    ctxt = virXMLXPathContextNew(xml);
    ctxt->node = root;
    return virStorageVolDefParseXML(pool, ctxt, flags);
}

virStorageVolDef *
virStorageVolDefParseString(const virStoragePoolDef *pool, const char *xmlStr,
                            unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, NULL, xmlStr,
                                  "(storage_volume_definition)", "volume", &ctxt,
                                  "storagevol.rng",
                                  flags & VIR_VOL_XML_PARSE_VALIDATE)))
        return NULL;
    /* as libvirt 9.0.0, whose parser then refuses the flag: a volume
     * document is never accepted with VIR_VOL_XML_PARSE_VALIDATE */
    return virStorageVolDefParseXML(pool, ctxt, flags);
}

static void
virStorageVolTimestampFormat(virBuffer *buf, const char *name,
                             const struct timespec *ts)
{
    if (ts->tv_nsec < 0)
        return;
    virBufferAsprintf(buf, "<%s>%llu", name, (unsigned long long) ts->tv_sec);
    if (ts->tv_nsec)
        virBufferAsprintf(buf, ".%09ld", ts->tv_nsec);
    virBufferAsprintf(buf, "</%s>\n", name);
}

static void
virStorageVolFeaturesFormat(virBuffer *buf, const virStorageVolTarget *target)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (!target->hasFeatures)
        return;
    for (i = 0; i < VIR_STORAGE_FILE_FEATURE_LAST; i++) {
        if (target->features & (1u << i))
            virBufferAsprintf(&childBuf, "<%s/>\n",
                              virStorageFileFeatureTypeToString(i));
    }
    virBufferFormatElementEmpty(buf, "features", NULL, &childBuf);
}

/* <target> or <backingStore> */
static int
virStorageVolTargetFormat(virBuffer *buf, const char *element,
                          const virStorageFormatNames *formats,
                          const virStorageVolTarget *target)
{
    virBufferAsprintf(buf, "<%s>\n", element);
    virBufferAdjustIndent(buf, 2);

    virBufferEscapeString(buf, "<path>%s</path>\n", target->path);
    if (formats) {
        const char *format = formats->toString(target->format);

        if (!format) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown volume format number %d", target->format);
            return -1;
        }
        virBufferAsprintf(buf, "<format type='%s'/>\n", format);
    }
    virStoragePermsFormat(buf, &target->perms);
    if (target->timestamps) {
        virBufferAddLit(buf, "<timestamps>\n");
        virBufferAdjustIndent(buf, 2);
        virStorageVolTimestampFormat(buf, "atime", &target->timestamps->atime);
        virStorageVolTimestampFormat(buf, "mtime", &target->timestamps->mtime);
        virStorageVolTimestampFormat(buf, "ctime", &target->timestamps->ctime);
        virStorageVolTimestampFormat(buf, "btime", &target->timestamps->btime);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</timestamps>\n");
    }
    if (target->encryption)
        virStorageEncryptionFormat(buf, target->encryption);
    virBufferEscapeString(buf, "<compat>%s</compat>\n", target->compat);
    if (target->clusterSize > 0)
        virBufferAsprintf(buf, "<clusterSize unit='B'>%llu</clusterSize>\n",
                          target->clusterSize);
    virStorageVolFeaturesFormat(buf, target);

    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", element);
    return 0;
}

/* <source>: the extents, grouped under their device */
static void
virStorageVolSourceFormat(virBuffer *buf, const virStorageVolDef *def)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < def->nextent; i++) {
        const virStorageVolSourceExtent *ext = &def->extents[i];
        bool newDevice = i == 0 || STRNEQ(ext->path, def->extents[i - 1].path);

        if (newDevice && i > 0)
            virBufferAddLit(&childBuf, "</device>\n");
        if (newDevice)
            virBufferEscapeString(&childBuf, "<device path='%s'>\n", ext->path);
        virBufferAsprintf(&childBuf, "  <extent start='%llu' end='%llu'/>\n",
                          ext->start, ext->end);
    }
    if (def->nextent)
        virBufferAddLit(&childBuf, "</device>\n");
    virBufferFormatElement(buf, "source", NULL, &childBuf);
}

char *
virStorageVolDefFormat(const virStoragePoolDef *pool, const virStorageVolDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    const virStoragePoolTypeInfo *info = virStoragePoolTypeInfoGet(pool->type);

    if (!info)
        return NULL;
    virBufferAsprintf(&buf, "<volume type='%s'>\n", virStorageVolTypeToString(def->type));
    virBufferAdjustIndent(&buf, 2);

    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferEscapeString(&buf, "<key>%s</key>\n", def->key);
    virStorageVolSourceFormat(&buf, def);
    virBufferAsprintf(&buf, "<capacity unit='bytes'>%llu</capacity>\n",
                      def->target.capacity);
    virBufferAsprintf(&buf, "<allocation unit='bytes'>%llu</allocation>\n",
                      def->target.allocation);
    if (def->target.physical)
        virBufferAsprintf(&buf, "<physical unit='bytes'>%llu</physical>\n",
                          def->target.physical);
    if (virStorageVolTargetFormat(&buf, "target", info->volFormat, &def->target) < 0)
        return NULL;
    if (def->target.backingStore &&
        virStorageVolTargetFormat(&buf, "backingStore", info->volFormat,
                                  def->target.backingStore) < 0)
        return NULL;

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</volume>\n");
    return virBufferContentAndReset(&buf);
}


/* the xml2xml category */

/* The params' flags=A|B in virStorageVolDefParseFlags */
static unsigned int
storagevolRoundtripFlags(const virXMLRoundtripArgs *args)
{
    g_autofree char *param = virXMLRoundtripParam(args, "flags");
    g_auto(GStrv) names = NULL;
    unsigned int flags = 0;
    size_t i;

    if (!param)
        return 0;
    names = g_strsplit(param, "|", -1);
    for (i = 0; names[i]; i++) {
        g_strstrip(names[i]);
        if (STREQ(names[i], "VIR_VOL_XML_PARSE_NO_CAPACITY"))
            flags |= VIR_VOL_XML_PARSE_NO_CAPACITY;
        else if (STREQ(names[i], "VIR_VOL_XML_PARSE_OPT_CAPACITY"))
            flags |= VIR_VOL_XML_PARSE_OPT_CAPACITY;
    }
    return flags;
}

/* The volume is parsed against args->poolXML, or a plain dir pool. */
static char *
storagevolRoundtrip(const char *xml, const virXMLRoundtripArgs *args)
{
    static const char defaultPool[] =
        "<pool type='dir'><name>default</name>"
        "<target><path>/var/lib/libvirt/images</path></target></pool>";
    g_autoptr(virStoragePoolDef) pool = NULL;
    g_autoptr(virStorageVolDef) def = NULL;

    if (!(pool = virStoragePoolDefParseString(args->poolXML ? args->poolXML
                                                            : defaultPool, 0)))
        return NULL;
    if (!(def = virStorageVolDefParseString(pool, xml, storagevolRoundtripFlags(args))))
        return NULL;
    return virStorageVolDefFormat(pool, def);
}

const virXMLCategory virStorageVolXMLCategory = { "storagevol", storagevolRoundtrip };
