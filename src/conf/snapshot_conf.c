/*
 * snapshot_conf.c: parse and format the <domainsnapshot> document.
 */
#include "internal.h"
#include "conf/snapshot_conf.h"
#include "conf/moment_schema.h"
#include "conf/virxmlcategory.h"
#include "util/virxml.h"
#include "conf/domain/memory.h"
#include "util/virfile.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_SNAPSHOT

VIR_ENUM_IMPL(virDomainSnapshotState,
              VIR_DOMAIN_SNAPSHOT_LAST,
              "nostate", "running", "blocked", "paused", "shutdown",
              "shutoff", "crashed", "pmsuspended", "disk-snapshot");

/* virDomainSnapshotLocation's table is disk.c's (<disk snapshot=''>) */


static void
virDomainSnapshotDiskDefClear(virDomainSnapshotDiskDef *disk)
{
    g_clear_pointer(&disk->name, g_free);
    g_clear_pointer(&disk->src, virDomainStorageSourceFree);
}


void
virDomainSnapshotDefFree(virDomainSnapshotDef *def)
{
    size_t i;

    if (!def)
        return;
    virDomainMomentDefClear(&def->parent);
    g_free(def->memorysnapshotfile);
    for (i = 0; i < def->ndisks; i++)
        virDomainSnapshotDiskDefClear(&def->disks[i]);
    g_free(def->disks);
    if (def->cookie) {
        virDomainCPUDefClear(&def->cookie->cpu);
        g_free(def->cookie);
    }
    g_free(def);
}


/* A file, block or directory path that does not start at the root. */
static bool
virDomainSnapshotSourceIsRelative(const virDomainStorageSource *src)
{
    switch ((virStorageType)src->type) {
    case VIR_STORAGE_TYPE_FILE:
    case VIR_STORAGE_TYPE_BLOCK:
    case VIR_STORAGE_TYPE_DIR:
        return src->path && src->path[0] != '/';
    default:
        return false;
    }
}


static int
virDomainSnapshotDiskDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                 virDomainSnapshotDiskDef *def, unsigned int flags)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virDomainStorageSource) src = g_new0(virDomainStorageSource, 1);
    g_autofree char *name = NULL;
    g_autofree char *driver = NULL;
    xmlNodePtr cur;
    int format;

    ctxt->node = node;
    if (!(name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing name from disk snapshot element");
        return -1;
    }
    if (virXMLPropEnumDefault(node, "snapshot", virDomainSnapshotLocationTypeFromString,
                              VIR_XML_PROP_NONZERO, &def->snapshot,
                              VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) < 0 ||
        virXMLPropEnumDefault(node, "type", virDomainStorageTypeFromString,
                              VIR_XML_PROP_NONZERO, &src->type,
                              VIR_STORAGE_TYPE_FILE) < 0)
        return -1;
    if (src->type == VIR_STORAGE_TYPE_VOLUME || src->type == VIR_STORAGE_TYPE_DIR) {
        virReportError(VIR_ERR_XML_ERROR, "unsupported disk snapshot type '%s'",
                       virDomainStorageTypeToString(src->type));
        return -1;
    }
    if (flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE)
        def->snapshotDeleteInProgress = !!virXPathNode("./snapshotDeleteInProgress", ctxt);

    if ((cur = virXPathNode("./source", ctxt)) &&
        virDomainStorageSourceParseXML(cur, ctxt, src, 0) < 0)
        return -1;

    if ((driver = virXPathString("string(./driver/@type)", ctxt))) {
        if ((format = virDomainStorageFileFormatTypeFromString(driver)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown disk snapshot driver '%s'", driver);
            return -1;
        }
        src->format = format;
    }
    if (virDomainParseScaledValue("./driver/metadata_cache/max_size", NULL, ctxt,
                                  &src->metadataCacheMaxSize, 1, ULLONG_MAX, false) < 0)
        return -1;

    if (virDomainSnapshotSourceIsRelative(src)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "disk snapshot image path '%s' must be absolute", src->path);
        return -1;
    }
    if (def->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT && (src->path || src->format))
        def->snapshot = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;

    def->name = g_steal_pointer(&name);
    def->src = g_steal_pointer(&src);
    return 0;
}


static int
virDomainSnapshotCookieParseXML(xmlXPathContextPtr ctxt, virDomainSnapshotDef *def)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);

    if (!(ctxt->node = virXPathNode("./cookie", ctxt)))
        return 0;
    def->cookie = g_new0(virDomainSnapshotCookie, 1);
    if (virDomainCPUParseXML(&def->cookie->cpu, ctxt) < 0)
        return -1;
    def->cookie->slirpHelper = virXPathBoolean("boolean(./slirpHelper)", ctxt) == 1;
    return 0;
}


/* The state, the redefinition-only parts (time, parent, domains) and the
 * memory location. */
static int
virDomainSnapshotParseRedefine(xmlXPathContextPtr ctxt, const virDomainXMLOption *xmlopt,
                               virDomainSnapshotDef *def, bool *offline)
{
    g_autofree char *state = NULL;
    g_autofree char *domtype = NULL;
    int value;

    if (virXPathLongLong("string(./creationTime)", ctxt, &def->parent.creationTime) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing creationTime from existing snapshot");
        return -1;
    }
    def->parent.parent_name = virXPathString("string(./parent/name)", ctxt);

    if (!(state = virXPathString("string(./state)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing state from existing snapshot");
        return -1;
    }
    if ((value = virDomainSnapshotStateTypeFromString(state)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "Invalid state '%s' in domain snapshot XML", state);
        return -1;
    }
    def->state = value;
    *offline = def->state == VIR_DOMAIN_SNAPSHOT_SHUTOFF ||
               def->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT;

    /* old snapshots hold only <domain><uuid>: no type, no definition */
    if ((domtype = virXPathString("string(./domain/@type)", ctxt)) &&
        virDomainMomentParseDomain(ctxt, "domain", xmlopt, &def->parent.dom) < 0)
        return -1;
    return virDomainMomentParseDomain(ctxt, "inactiveDomain", xmlopt,
                                      &def->parent.inactiveDom);
}


static int
virDomainSnapshotParseMemory(xmlXPathContextPtr ctxt, virDomainSnapshotDef *def,
                             bool offline, unsigned int flags)
{
    xmlNodePtr node;

    if ((node = virXPathNode("./memory", ctxt))) {
        def->memorysnapshotfile = virXMLPropString(node, "file");
        if (virXMLPropEnumDefault(node, "snapshot", virDomainSnapshotLocationTypeFromString,
                                  VIR_XML_PROP_NONZERO, &def->memory,
                                  VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) < 0)
            return -1;
        if (def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_MANUAL) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "'manual' memory snapshot mode not supported");
            return -1;
        }
    }
    if (def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) {
        if (def->memorysnapshotfile)
            def->memory = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;
        else if (flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE)
            def->memory = offline ? VIR_DOMAIN_SNAPSHOT_LOCATION_NO
                                  : VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;
    }
    if (def->memorysnapshotfile && def->memory != VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL) {
        virReportError(VIR_ERR_XML_ERROR, "memory filename '%s' requires external snapshot",
                       def->memorysnapshotfile);
        return -1;
    }
    if (!def->memorysnapshotfile && def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "external memory snapshots require a filename");
        return -1;
    }
    if (offline && def->memory != VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT &&
        def->memory != VIR_DOMAIN_SNAPSHOT_LOCATION_NO) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "memory state cannot be saved with offline or disk-only snapshot");
        return -1;
    }
    if (def->memorysnapshotfile && !g_path_is_absolute(def->memorysnapshotfile)) {
        virReportError(VIR_ERR_XML_ERROR, "memory snapshot file path (%s) must be absolute",
                       def->memorysnapshotfile);
        return -1;
    }
    return 0;
}


virDomainSnapshotDef *
virDomainSnapshotDefParseNode(xmlXPathContextPtr ctxt, const virDomainXMLOption *xmlopt,
                              virDomainMomentPostParseFunc postParse, void *opaque,
                              bool *current, unsigned int flags)
{
    g_autoptr(virDomainSnapshotDef) def = g_new0(virDomainSnapshotDef, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    bool redefine = !!(flags & VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE);
    bool offline = !!(flags & VIR_DOMAIN_SNAPSHOT_PARSE_OFFLINE);
    size_t i;
    int n;

    virDomainMomentParseNames(ctxt, &def->parent);
    if (!def->parent.name && redefine) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "a redefined snapshot must have a name");
        return NULL;
    }
    if (redefine) {
        if (virDomainSnapshotParseRedefine(ctxt, xmlopt, def, &offline) < 0)
            return NULL;
    } else if ((postParse ? postParse : virDomainMomentDefPostParse)(&def->parent, opaque) < 0) {
        return NULL;
    }

    if (virDomainSnapshotParseMemory(ctxt, def, offline, flags) < 0)
        return NULL;

    if ((n = virXPathNodeSet("./disks/*", ctxt, &nodes)) < 0)
        return NULL;
    def->disks = g_new0(virDomainSnapshotDiskDef, n);
    def->ndisks = n;
    for (i = 0; i < n; i++) {
        if (virDomainSnapshotDiskDefParseXML(nodes[i], ctxt, &def->disks[i], flags) < 0)
            return NULL;
    }

    if (flags & VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL) {
        int active;

        if (!current) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "internal parse requested with NULL current");
            return NULL;
        }
        if (virXPathInt("string(./active)", ctxt, &active) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Could not find 'active' element");
            return NULL;
        }
        *current = active != 0;
    }

    if (!offline && virDomainSnapshotCookieParseXML(ctxt, def) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


virDomainSnapshotDef *
virDomainSnapshotDefParseString(const char *xml, const virDomainXMLOption *xmlopt,
                                virDomainMomentPostParseFunc postParse, void *opaque,
                                bool *current, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!(doc = virXMLParse(NULL, xml, "(domain_snapshot)", "domainsnapshot", &ctxt)))
        return NULL;
    if ((flags & VIR_DOMAIN_SNAPSHOT_PARSE_VALIDATE) &&
        virDomainSnapshotSchemaCheck(ctxt->node) < 0)
        return NULL;
    return virDomainSnapshotDefParseNode(ctxt, xmlopt, postParse, opaque, current, flags);
}


static void
virDomainSnapshotDiskDefFormat(virBuffer *buf, const virDomainSnapshotDiskDef *disk)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virDomainStorageSource *src = disk->src;

    if (!disk->name)
        return;
    virBufferEscapeString(&attrBuf, " name='%s'", disk->name);
    if (disk->snapshot > 0)
        virBufferAsprintf(&attrBuf, " snapshot='%s'",
                          virDomainSnapshotLocationTypeToString(disk->snapshot));
    if (disk->snapshotDeleteInProgress)
        virBufferAddLit(&childBuf, "<snapshotDeleteInProgress/>\n");

    if (src->path || src->format) {
        g_auto(virBuffer) driverAttr = VIR_BUFFER_INITIALIZER;
        g_auto(virBuffer) driverChild = VIR_BUFFER_INIT_CHILD(&childBuf);

        virBufferAsprintf(&attrBuf, " type='%s'", virDomainStorageTypeToString(src->type));
        if (src->format > 0)
            virBufferAsprintf(&driverAttr, " type='%s'",
                              virDomainStorageFileFormatTypeToString(src->format));
        if (src->metadataCacheMaxSize > 0) {
            g_auto(virBuffer) cacheChild = VIR_BUFFER_INIT_CHILD(&driverChild);

            virBufferAsprintf(&cacheChild, "<max_size unit='bytes'>%llu</max_size>\n",
                              src->metadataCacheMaxSize);
            virBufferFormatElement(&driverChild, "metadata_cache", NULL, &cacheChild);
        }
        virBufferFormatElement(&childBuf, "driver", &driverAttr, &driverChild);
        /* A network disk given without <source> has no protocol; writing
         * protocol='none' (as libvirt does) would make the document
         * unparsable, so leave the element out as it came in. */
        if (src->type != VIR_STORAGE_TYPE_NETWORK || src->protocol != 0)
            virDomainStorageSourceFormat(&childBuf, src, "source", NULL,
                                         false, false, false, 0);
    }
    virBufferFormatElement(buf, "disk", &attrBuf, &childBuf);
}


static void
virDomainSnapshotCookieFormat(virBuffer *buf, const virDomainSnapshotCookie *cookie)
{
    virBufferAddLit(buf, "<cookie>\n");
    virBufferAdjustIndent(buf, 2);
    if (cookie->cpu.present)
        virDomainCPUFormat(buf, &cookie->cpu);
    if (cookie->slirpHelper)
        virBufferAddLit(buf, "<slirpHelper/>\n");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</cookie>\n");
}


char *
virDomainSnapshotDefFormat(const char *uuidstr, const virDomainSnapshotDef *def,
                           unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    unsigned int domflags = VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    size_t i;

    if (flags & VIR_DOMAIN_SNAPSHOT_FORMAT_SECURE)
        domflags |= VIR_DOMAIN_DEF_FORMAT_SECURE;

    virBufferAddLit(&buf, "<domainsnapshot>\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<name>%s</name>\n", def->parent.name);
    virBufferEscapeString(&buf, "<description>%s</description>\n", def->parent.description);
    if (def->state)
        virBufferAsprintf(&buf, "<state>%s</state>\n",
                          virDomainSnapshotStateTypeToString(def->state));
    virDomainMomentFormatParent(&buf, &def->parent);
    if (def->memory) {
        virBufferAsprintf(&buf, "<memory snapshot='%s'",
                          virDomainSnapshotLocationTypeToString(def->memory));
        virBufferEscapeString(&buf, " file='%s'", def->memorysnapshotfile);
        virBufferAddLit(&buf, "/>\n");
    }
    if (def->ndisks) {
        virBufferAddLit(&buf, "<disks>\n");
        virBufferAdjustIndent(&buf, 2);
        for (i = 0; i < def->ndisks; i++)
            virDomainSnapshotDiskDefFormat(&buf, &def->disks[i]);
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</disks>\n");
    }
    if (def->parent.dom) {
        if (virDomainMomentFormatDomain(&buf, def->parent.dom, "domain", domflags) < 0)
            return NULL;
    } else if (uuidstr) {
        virBufferAddLit(&buf, "<domain>\n");
        virBufferAdjustIndent(&buf, 2);
        virBufferAsprintf(&buf, "<uuid>%s</uuid>\n", uuidstr);
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</domain>\n");
    }
    if (def->parent.inactiveDom &&
        virDomainMomentFormatDomain(&buf, def->parent.inactiveDom, "inactiveDomain",
                                    domflags) < 0)
        return NULL;
    if (def->cookie)
        virDomainSnapshotCookieFormat(&buf, def->cookie);
    if (flags & VIR_DOMAIN_SNAPSHOT_FORMAT_INTERNAL)
        virBufferAsprintf(&buf, "<active>%d</active>\n",
                          !!(flags & VIR_DOMAIN_SNAPSHOT_FORMAT_CURRENT));
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</domainsnapshot>\n");
    return virBufferContentAndReset(&buf);
}


/* ---- a new or redefined snapshot against its domain ---- */

bool
virDomainSnapshotDefIsExternal(const virDomainSnapshotDef *def)
{
    size_t i;

    if (def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL)
        return true;
    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i].snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL)
            return true;
    }
    return false;
}


/* Name each external image that has none after its disk's image: the
 * source's name without its suffix, then ".<snapshot name>". */
static int
virDomainSnapshotDefAssignExternalNames(virDomainSnapshotDef *def, const virDomainDef *dom)
{
    size_t i, j;

    for (i = 0; i < def->ndisks; i++) {
        virDomainSnapshotDiskDef *disk = &def->disks[i];
        const char *source = dom->disks[i]->src ? dom->disks[i]->src->path : NULL;
        g_autofree char *base = NULL;
        char *dot;

        if (disk->snapshot != VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL || disk->src->path)
            continue;
        if (disk->src->type != VIR_STORAGE_TYPE_FILE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "cannot generate external snapshot name for disk '%s' on a '%s' device",
                           disk->name, virDomainStorageTypeToString(disk->src->type));
            return -1;
        }
        if (!source) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "cannot generate external snapshot name for disk '%s' without source",
                           disk->name);
            return -1;
        }
        if (!virFileIsRegular(source)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "source for disk '%s' is not a regular file; refusing to "
                           "generate external snapshot name", disk->name);
            return -1;
        }
        base = g_strdup(source);
        if ((dot = strrchr(base, '.')) && !strchr(dot, '/'))
            *dot = '\0';
        disk->src->path = g_strdup_printf("%s.%s", base, def->parent.name);
        for (j = 0; j < i; j++) {
            if (STREQ_NULLABLE(disk->src->path, def->disks[j].src->path)) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "cannot generate external snapshot name for disk '%s': "
                               "collision with disk '%s'", disk->name, def->disks[j].name);
                return -1;
            }
        }
    }
    return 0;
}


/* Check one requested disk against the domain's @domdisk and give it
 * its mode; @uniform: every disk of an internal snapshot takes part. */
static int
virDomainSnapshotAlignDisk(virDomainSnapshotDiskDef *disk, const virDomainDiskDef *domdisk,
                           unsigned int defaultLocation, bool uniform)
{
    if (disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) {
        if (domdisk->snapshot != VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT &&
            (!uniform || domdisk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_NO))
            disk->snapshot = domdisk->snapshot;
        else
            disk->snapshot = defaultLocation;
    } else if (uniform && disk->snapshot != defaultLocation &&
               !(disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_NO &&
                 domdisk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_NO)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "disk '%s' must use snapshot mode '%s'",
                       disk->name, virDomainSnapshotLocationTypeToString(defaultLocation));
        return -1;
    }
    if (disk->src->path && disk->snapshot != VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "file '%s' for disk '%s' requires use of external snapshot mode",
                       disk->src->path, disk->name);
        return -1;
    }
    if (STRNEQ(disk->name, domdisk->dst)) {
        g_free(disk->name);
        disk->name = g_strdup(domdisk->dst);
    }
    return 0;
}


int
virDomainSnapshotAlignDisks(virDomainSnapshotDef *def, const virDomainDef *existing,
                            unsigned int defaultLocation, bool uniformInternal)
{
    const virDomainDef *dom = def->parent.dom ? def->parent.dom : existing;
    bool uniform = uniformInternal &&
                   defaultLocation == VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;
    g_autofree virDomainSnapshotDiskDef *requested = NULL;
    g_autofree virDomainSnapshotDiskDef **byDomain = NULL;
    size_t nrequested = def->ndisks;
    size_t i;

    if (!dom) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing domain in snapshot");
        return -1;
    }
    if (def->ndisks > dom->ndisks) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "too many disk snapshot requests for domain");
        return -1;
    }
    if (!dom->ndisks)
        return 0;

    /* the result has one entry per domain disk, in the domain's order */
    requested = g_steal_pointer(&def->disks);
    def->disks = g_new0(virDomainSnapshotDiskDef, dom->ndisks);
    def->ndisks = dom->ndisks;
    byDomain = g_new0(virDomainSnapshotDiskDef *, dom->ndisks);
    for (i = 0; i < nrequested; i++) {
        virDomainSnapshotDiskDef *disk = &requested[i];
        virDomainDiskDef *domdisk = virDomainDiskByName(dom, disk->name, false);
        size_t idx;

        if (!domdisk) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "no disk named '%s'", disk->name);
            goto error;
        }
        for (idx = 0; dom->disks[idx] != domdisk; idx++)
            ;
        if (byDomain[idx]) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "disk '%s' specified twice",
                           disk->name);
            goto error;
        }
        byDomain[idx] = disk;
        if (virDomainSnapshotAlignDisk(disk, domdisk, defaultLocation, uniform) < 0)
            goto error;
    }

    for (i = 0; i < dom->ndisks; i++) {
        const virDomainDiskDef *domdisk = dom->disks[i];
        virDomainSnapshotDiskDef *disk = &def->disks[i];

        if (byDomain[i]) {
            *disk = *byDomain[i];
            memset(byDomain[i], 0, sizeof(*byDomain[i]));
            continue;
        }
        disk->name = g_strdup(domdisk->dst);
        disk->src = g_new0(virDomainStorageSource, 1);
        disk->src->type = VIR_STORAGE_TYPE_FILE;
        /* an empty drive has nothing to snapshot */
        if (!domdisk->src || virDomainStorageSourceIsEmpty(domdisk->src))
            disk->snapshot = VIR_DOMAIN_SNAPSHOT_LOCATION_NO;
        else
            disk->snapshot = domdisk->snapshot;
        if (!disk->snapshot)
            disk->snapshot = defaultLocation;
    }
    for (i = 0; i < nrequested; i++)
        virDomainSnapshotDiskDefClear(&requested[i]);
    return virDomainSnapshotDefAssignExternalNames(def, dom);

 error:
    for (i = 0; i < nrequested; i++)
        virDomainSnapshotDiskDefClear(&requested[i]);
    return -1;
}


/* ---- the conformance roundtrip: what libvirt's snapshot test did ---- */

#define TEST_INTERNAL (1 << 0)
#define TEST_REDEFINE (1 << 1)
#define TEST_RUNNING (1 << 2)

static int
virDomainSnapshotTestPostParse(virDomainMomentDef *def, void *opaque)
{
    long long mocktime = *(long long *)opaque;

    if (!mocktime)
        return 0;
    if (def->creationTime) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "creation time already set");
        return -1;
    }
    def->creationTime = mocktime;
    if (!def->name)
        def->name = g_strdup_printf("%lld", def->creationTime);
    return 0;
}


static char *
virDomainSnapshotXMLRoundtrip(const char *xml, const virXMLRoundtripArgs *args)
{
    static const char * const names[] = { "TEST_INTERNAL", "TEST_REDEFINE", "TEST_RUNNING" };
    g_autoptr(virDomainSnapshotDef) def = NULL;
    g_autofree char *uuid = virXMLRoundtripParam(args, "uuid");
    g_autofree char *timestr = virXMLRoundtripParam(args, "time");
    unsigned int test = virXMLRoundtripFlags(args, names, G_N_ELEMENTS(names));
    unsigned int parseFlags = 0;
    unsigned int formatFlags = VIR_DOMAIN_SNAPSHOT_FORMAT_SECURE;
    long long mocktime = timestr ? g_ascii_strtoll(timestr, NULL, 10) : 0;
    bool current = false;

    if (test & TEST_INTERNAL) {
        parseFlags |= VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL;
        formatFlags |= VIR_DOMAIN_SNAPSHOT_FORMAT_INTERNAL;
    }
    if (test & TEST_REDEFINE)
        parseFlags |= VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE;
    if (!(def = virDomainSnapshotDefParseString(xml, NULL, virDomainSnapshotTestPostParse,
                                                &mocktime, &current, parseFlags)))
        return NULL;
    if (current)
        formatFlags |= VIR_DOMAIN_SNAPSHOT_FORMAT_CURRENT;
    if (test & TEST_RUNNING)
        def->state = VIR_DOMAIN_SNAPSHOT_RUNNING;
    if (uuid && STREQ(uuid, "NULL"))
        g_clear_pointer(&uuid, g_free);
    return virDomainSnapshotDefFormat(uuid, def, formatFlags);
}

const virXMLCategory virDomainSnapshotXMLCategory = { "snapshot", virDomainSnapshotXMLRoundtrip };
