/*
 * checkpoint_conf.c: parse and format the <domaincheckpoint> document.
 */
#include "internal.h"
#include "conf/checkpoint_conf.h"
#include "conf/moment_schema.h"
#include "conf/virxmlcategory.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_CHECKPOINT

VIR_ENUM_IMPL(virDomainCheckpoint,
              VIR_DOMAIN_CHECKPOINT_TYPE_LAST,
              "default", "no", "bitmap");


static void
virDomainCheckpointDiskDefClear(virDomainCheckpointDiskDef *disk)
{
    g_clear_pointer(&disk->name, g_free);
    g_clear_pointer(&disk->bitmap, g_free);
}


void
virDomainCheckpointDefFree(virDomainCheckpointDef *def)
{
    size_t i;

    if (!def)
        return;
    virDomainMomentDefClear(&def->parent);
    for (i = 0; i < def->ndisks; i++)
        virDomainCheckpointDiskDefClear(&def->disks[i]);
    g_free(def->disks);
    g_free(def);
}


/* The schema guarantees a name and a known mode, up to blanks around the
 * mode (which libvirt 9.0.0 then loses: it formats the mode '(null)'). */
static int
virDomainCheckpointDiskDefParseXML(xmlNodePtr node, virDomainCheckpointDiskDef *disk)
{
    g_autofree char *mode = virXMLPropString(node, "checkpoint");
    int type = mode ? virDomainCheckpointTypeFromString(g_strstrip(mode))
                    : VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP;

    disk->name = virXMLPropString(node, "name");
    if (type <= 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': '%s'.",
                       "checkpoint", node->name, mode);
        return -1;
    }
    disk->type = type;
    disk->bitmap = virXMLPropString(node, "bitmap");
    return 0;
}


static virDomainCheckpointDef *
virDomainCheckpointDefParseNode(xmlXPathContextPtr ctxt, const virDomainXMLOption *xmlopt,
                                virDomainMomentPostParseFunc postParse, void *opaque,
                                unsigned int flags)
{
    g_autoptr(virDomainCheckpointDef) def = g_new0(virDomainCheckpointDef, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    bool redefine = !!(flags & VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE);
    size_t i;
    int n;

    virDomainMomentParseNames(ctxt, &def->parent);
    if (!def->parent.name && redefine) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "a redefined checkpoint must have a name");
        return NULL;
    }
    if (redefine) {
        if (virXPathLongLong("string(./creationTime)", ctxt,
                             &def->parent.creationTime) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing creationTime from existing checkpoint");
            return NULL;
        }
        def->parent.parent_name = virXPathString("string(./parent/name)", ctxt);
        if (virDomainMomentParseDomain(ctxt, "domain", xmlopt, &def->parent.dom) < 0)
            return NULL;
    } else if ((postParse ? postParse : virDomainMomentDefPostParse)(&def->parent, opaque) < 0) {
        return NULL;
    }

    if ((n = virXPathNodeSet("./disks/*", ctxt, &nodes)) < 0)
        return NULL;
    def->disks = g_new0(virDomainCheckpointDiskDef, n);
    def->ndisks = n;
    for (i = 0; i < n; i++) {
        if (virDomainCheckpointDiskDefParseXML(nodes[i], &def->disks[i]) < 0)
            return NULL;
    }
    return g_steal_pointer(&def);
}


virDomainCheckpointDef *
virDomainCheckpointDefParseString(const char *xml, const virDomainXMLOption *xmlopt,
                                  virDomainMomentPostParseFunc postParse, void *opaque,
                                  unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!(doc = virXMLParse(NULL, xml, "(domain_checkpoint)", "domaincheckpoint", &ctxt)))
        return NULL;
    /* as libvirt's, which always validates a checkpoint document */
    if (virDomainCheckpointSchemaCheck(ctxt->node) < 0)
        return NULL;
    return virDomainCheckpointDefParseNode(ctxt, xmlopt, postParse, opaque, flags);
}


static void
virDomainCheckpointDiskDefFormat(virBuffer *buf, const virDomainCheckpointDiskDef *disk,
                                 unsigned int flags)
{
    if (!disk->name)
        return;
    virBufferEscapeString(buf, "<disk name='%s'", disk->name);
    if (disk->type)
        virBufferAsprintf(buf, " checkpoint='%s'", virDomainCheckpointTypeToString(disk->type));
    if (disk->bitmap) {
        virBufferEscapeString(buf, " bitmap='%s'", disk->bitmap);
        if ((flags & VIR_DOMAIN_CHECKPOINT_FORMAT_SIZE) && disk->sizeValid)
            virBufferAsprintf(buf, " size='%llu'", disk->size);
    }
    virBufferAddLit(buf, "/>\n");
}


char *
virDomainCheckpointDefFormat(const virDomainCheckpointDef *def, unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    unsigned int domflags = VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    size_t i;

    if (flags & VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE)
        domflags |= VIR_DOMAIN_DEF_FORMAT_SECURE;

    virBufferAddLit(&buf, "<domaincheckpoint>\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<name>%s</name>\n", def->parent.name);
    virBufferEscapeString(&buf, "<description>%s</description>\n", def->parent.description);
    virDomainMomentFormatParent(&buf, &def->parent);
    if (def->ndisks) {
        virBufferAddLit(&buf, "<disks>\n");
        virBufferAdjustIndent(&buf, 2);
        for (i = 0; i < def->ndisks; i++)
            virDomainCheckpointDiskDefFormat(&buf, &def->disks[i], flags);
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</disks>\n");
    }
    if (def->parent.dom && !(flags & VIR_DOMAIN_CHECKPOINT_FORMAT_NO_DOMAIN) &&
        virDomainMomentFormatDomain(&buf, def->parent.dom, "domain", domflags) < 0)
        return NULL;
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</domaincheckpoint>\n");
    return virBufferContentAndReset(&buf);
}


/* ---- a new or redefined checkpoint against its domain ---- */

void
virDomainCheckpointDefAssignBitmapNames(virDomainCheckpointDef *def)
{
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        virDomainCheckpointDiskDef *disk = &def->disks[i];

        if (disk->type == VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP && !disk->bitmap)
            disk->bitmap = g_strdup(def->parent.name);
    }
}


static bool
virDomainCheckpointDiskUnusable(const virDomainDiskDef *domdisk)
{
    return !domdisk->src || virDomainStorageSourceIsEmpty(domdisk->src) ||
           domdisk->src->readonly;
}


int
virDomainCheckpointAlignDisks(virDomainCheckpointDef *def)
{
    const virDomainDef *dom = def->parent.dom;
    g_autofree virDomainCheckpointDiskDef *requested = NULL;
    g_autofree virDomainCheckpointDiskDef **byDomain = NULL;
    size_t nrequested = def->ndisks;
    /* with no <disks>, a bitmap on every writable disk; else only those named */
    unsigned int omitted = nrequested ? VIR_DOMAIN_CHECKPOINT_TYPE_NONE
                                      : VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP;
    size_t i;

    if (!dom) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing domain in checkpoint");
        return -1;
    }
    if (def->ndisks > dom->ndisks) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "too many disk checkpoint requests for domain");
        return -1;
    }
    if (!dom->ndisks) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "domain must have at least one disk to perform checkpoints");
        return -1;
    }

    requested = g_steal_pointer(&def->disks);
    def->disks = g_new0(virDomainCheckpointDiskDef, dom->ndisks);
    def->ndisks = dom->ndisks;
    byDomain = g_new0(virDomainCheckpointDiskDef *, dom->ndisks);
    for (i = 0; i < nrequested; i++) {
        virDomainCheckpointDiskDef *disk = &requested[i];
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
        if (virDomainCheckpointDiskUnusable(domdisk) &&
            disk->type != VIR_DOMAIN_CHECKPOINT_TYPE_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "disk '%s' is empty or readonly",
                           disk->name);
            goto error;
        }
        if (STRNEQ(disk->name, domdisk->dst)) {
            g_free(disk->name);
            disk->name = g_strdup(domdisk->dst);
        }
    }

    for (i = 0; i < dom->ndisks; i++) {
        virDomainCheckpointDiskDef *disk = &def->disks[i];

        if (byDomain[i]) {
            *disk = *byDomain[i];
            memset(byDomain[i], 0, sizeof(*byDomain[i]));
            continue;
        }
        disk->name = g_strdup(dom->disks[i]->dst);
        disk->type = virDomainCheckpointDiskUnusable(dom->disks[i])
                     ? VIR_DOMAIN_CHECKPOINT_TYPE_NONE : omitted;
    }
    for (i = 0; i < nrequested; i++)
        virDomainCheckpointDiskDefClear(&requested[i]);
    virDomainCheckpointDefAssignBitmapNames(def);
    return 0;

 error:
    for (i = 0; i < nrequested; i++)
        virDomainCheckpointDiskDefClear(&requested[i]);
    return -1;
}


/* ---- the conformance roundtrip: what libvirt's checkpoint test did ---- */

#define TEST_PARENT (1 << 0)
#define TEST_VDA_BITMAP (1 << 1)
#define TEST_SIZE (1 << 2)
#define TEST_REDEFINE (1 << 3)
#define TEST_INVALID (1 << 4)

static int
virDomainCheckpointTestPostParse(virDomainMomentDef *def, void *opaque)
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


/* The test's adjustments after parsing; -1 when the document does not
 * suit them. */
static int
virDomainCheckpointTestAdjust(virDomainCheckpointDef *def, unsigned int test)
{
    virDomainCheckpointDiskDef *disk;

    if (test & TEST_PARENT) {
        if (def->parent.parent_name)
            return -1;
        def->parent.parent_name = g_strdup("1525111885");
    }
    if (test & TEST_VDA_BITMAP) {
        /* one more (unnamed, unformatted) disk; the first gets the bitmap */
        def->disks = g_renew(virDomainCheckpointDiskDef, def->disks, def->ndisks + 1);
        memset(&def->disks[def->ndisks++], 0, sizeof(*def->disks));
        disk = &def->disks[0];
        if (disk->bitmap)
            return -1;
        if (!disk->name) {
            disk->type = VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP;
            disk->name = g_strdup("vda");
        } else if (STRNEQ(disk->name, "vda")) {
            return -1;
        }
        disk->bitmap = g_strdup(def->parent.name);
    }
    if ((test & TEST_SIZE) && def->ndisks) {
        def->disks[0].size = 1048576;
        def->disks[0].sizeValid = true;
    }
    return 0;
}


static char *
virDomainCheckpointXMLRoundtrip(const char *xml, const virXMLRoundtripArgs *args)
{
    static const char * const names[] = {
        "TEST_PARENT", "TEST_VDA_BITMAP", "TEST_SIZE", "TEST_REDEFINE", "TEST_INVALID",
    };
    g_autoptr(virDomainCheckpointDef) def = NULL;
    g_autofree char *timestr = virXMLRoundtripParam(args, "time");
    unsigned int test = virXMLRoundtripFlags(args, names, G_N_ELEMENTS(names));
    unsigned int parseFlags = 0;
    unsigned int formatFlags = VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE;
    long long mocktime = timestr ? g_ascii_strtoll(timestr, NULL, 10) : 0;

    if (test & TEST_REDEFINE)
        parseFlags |= VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE;
    if (test & TEST_SIZE)
        formatFlags |= VIR_DOMAIN_CHECKPOINT_FORMAT_SIZE;
    if (!(def = virDomainCheckpointDefParseString(xml, NULL, virDomainCheckpointTestPostParse,
                                                  &mocktime, parseFlags)))
        return NULL;
    if (virDomainCheckpointTestAdjust(def, test) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "checkpoint does not suit the test's adjustments");
        return NULL;
    }
    return virDomainCheckpointDefFormat(def, formatFlags);
}

const virXMLCategory virDomainCheckpointXMLCategory = {
    "checkpoint", virDomainCheckpointXMLRoundtrip
};
