/*
 * disk.c: the <disk> device.
 */
#include "internal.h"
#include "conf/domain/disk.h"
#include "conf/domain/domain_def.h"
#include "conf/domain/memory.h"
#include "util/virstring.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainDiskDevice);
VIR_ENUM_IMPL(virDomainDiskDevice, VIR_DOMAIN_DISK_DEVICE_LAST,
              "disk", "cdrom", "floppy", "lun");
VIR_ENUM_DECL(virDomainDiskBus);
VIR_ENUM_IMPL(virDomainDiskBus, VIR_DOMAIN_DISK_BUS_LAST,
              "none", "ide", "fdc", "scsi", "virtio", "xen", "usb", "uml", "sata", "sd");
VIR_ENUM_DECL(virDomainDiskCache);
VIR_ENUM_IMPL(virDomainDiskCache, 6,
              "default", "none", "writethrough", "writeback", "directsync", "unsafe");
VIR_ENUM_DECL(virDomainDiskErrorPolicy);
VIR_ENUM_IMPL(virDomainDiskErrorPolicy, 5,
              "default", "stop", "report", "ignore", "enospace");
VIR_ENUM_DECL(virDomainDiskIo);
VIR_ENUM_IMPL(virDomainDiskIo, 4, "default", "native", "threads", "io_uring");
VIR_ENUM_DECL(virDomainDiskDiscard);
VIR_ENUM_IMPL(virDomainDiskDiscard, 3, "default", "unmap", "ignore");
VIR_ENUM_DECL(virDomainDiskDetectZeroes);
VIR_ENUM_IMPL(virDomainDiskDetectZeroes, 4, "default", "off", "on", "unmap");
VIR_ENUM_DECL(virDomainDiskModel);
VIR_ENUM_IMPL(virDomainDiskModel, 4,
              "default", "virtio", "virtio-transitional", "virtio-non-transitional");
VIR_ENUM_DECL(virDomainStartupPolicy);
VIR_ENUM_IMPL(virDomainStartupPolicy, 4, "default", "mandatory", "requisite", "optional");
VIR_ENUM_DECL(virDomainDiskTray);
VIR_ENUM_IMPL(virDomainDiskTray, 2, "closed", "open");
VIR_ENUM_DECL(virDomainDeviceSGIO);
VIR_ENUM_IMPL(virDomainDeviceSGIO, 3, "default", "filtered", "unfiltered");
VIR_ENUM_DECL(virDomainSnapshotLocation);
VIR_ENUM_IMPL(virDomainSnapshotLocation, 5, "default", "no", "internal", "external", "manual");
VIR_ENUM_DECL(virDomainDiskGeometryTrans);
VIR_ENUM_IMPL(virDomainDiskGeometryTrans, 4, "default", "none", "auto", "lba");
VIR_ENUM_DECL(virDomainDiskMirrorState);
VIR_ENUM_IMPL(virDomainDiskMirrorState, 4, "none", "yes", "abort", "pivot");
/* Block job types: only copy and active-commit have a name here. */
VIR_ENUM_DECL(virDomainDiskMirrorJob);
VIR_ENUM_IMPL(virDomainDiskMirrorJob, 6, "", "", "copy", "", "active-commit", "");
#define MIRROR_JOB_COPY 2

#define SNAPSHOT_LOCATION_NO 1

/* <iotune> children in libvirt's output order; group_name sits between
 * size_iops_sec and the *_max_length ones. */
static const char *iotuneNames[VIR_DOMAIN_DISK_IOTUNE_FIELDS] = {
    "total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
    "total_iops_sec", "read_iops_sec", "write_iops_sec",
    "total_bytes_sec_max", "read_bytes_sec_max", "write_bytes_sec_max",
    "total_iops_sec_max", "read_iops_sec_max", "write_iops_sec_max",
    "size_iops_sec",
    "total_bytes_sec_max_length", "read_bytes_sec_max_length",
    "write_bytes_sec_max_length", "total_iops_sec_max_length",
    "read_iops_sec_max_length", "write_iops_sec_max_length",
};
#define IOTUNE_GROUP_BEFORE 13

void
virDomainDiskDefFree(void *dev)
{
    virDomainDiskDef *def = dev;

    if (!def)
        return;
    virDomainStorageSourceFree(def->src);
    virDomainStorageSourceFree(def->mirror);
    g_free(def->dst);
    g_free(def->driverName);
    g_free(def->iotuneGroup);
    g_free(def->domainName);
    g_free(def->serial);
    g_free(def->wwn);
    g_free(def->vendor);
    g_free(def->product);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainDiskDef, virDomainDiskDefFree);


static int
virDomainDiskSourceParseXML(virDomainDiskDef *def, xmlNodePtr node,
                            xmlXPathContextPtr ctxt, unsigned int flags)
{
    virDomainStorageSource *src = def->src;
    xmlNodePtr cur;
    g_autofree char *index = NULL;

    if (virXMLPropEnumDefault(node, "type", virDomainStorageTypeFromString,
                              VIR_XML_PROP_NONZERO, &src->type,
                              VIR_STORAGE_TYPE_FILE) < 0)
        return -1;
    if ((cur = virXPathNode("./source[1]", ctxt))) {
        if (virDomainStorageSourceParseXML(cur, ctxt, src, flags) < 0)
            return -1;
        if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) &&
            (index = virXMLPropString(cur, "index")) &&
            virStrToLong_uip(index, NULL, 10, &src->id) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "invalid disk index '%s'", index);
            return -1;
        }
    } else {
        src->type = VIR_STORAGE_TYPE_FILE;
    }
    src->readonly = virXPathNode("./readonly[1]", ctxt) != NULL;
    src->shared = virXPathNode("./shareable[1]", ctxt) != NULL;
    if ((cur = virXPathNode("./auth", ctxt))) {
        def->diskElementAuth = true;
        if (virDomainStorageAuthParseXML(cur, src) < 0)
            return -1;
    }
    if ((cur = virXPathNode("./encryption", ctxt))) {
        def->diskElementEnc = true;
        if (virDomainStorageEncryptionParseXML(cur, src) < 0)
            return -1;
    }
    return virDomainStorageBackingStoreParseXML(ctxt, src, flags);
}


static int
virDomainDiskDriverParseXML(virDomainDiskDef *def, xmlNodePtr node,
                            xmlXPathContextPtr ctxt)
{
    g_autofree char *format = virXMLPropString(node, "type");
    int val;

    def->driverName = virXMLPropString(node, "name");
    if (format) {
        if ((val = virDomainStorageFileFormatTypeFromString(format)) <= 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown driver format value '%s'", format);
            return -1;
        }
        def->src->format = val;
    }
    if (virXMLPropEnum(node, "cache", virDomainDiskCacheTypeFromString,
                       VIR_XML_PROP_NONE, &def->cache) < 0 ||
        virXMLPropEnum(node, "error_policy", virDomainDiskErrorPolicyTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->errorPolicy) < 0 ||
        virXMLPropEnum(node, "rerror_policy", virDomainDiskErrorPolicyTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->rerrorPolicy) < 0 ||
        virXMLPropEnum(node, "io", virDomainDiskIoTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->io) < 0 ||
        virXMLPropTristateSwitch(node, "ioeventfd", VIR_XML_PROP_NONE, &def->ioeventfd) < 0 ||
        virXMLPropTristateSwitch(node, "event_idx", VIR_XML_PROP_NONE, &def->eventIdx) < 0 ||
        virXMLPropTristateSwitch(node, "copy_on_read", VIR_XML_PROP_NONE,
                                 &def->copyOnRead) < 0 ||
        virXMLPropEnum(node, "discard", virDomainDiskDiscardTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->discard) < 0 ||
        virXMLPropUInt(node, "iothread", 10, VIR_XML_PROP_NONZERO, &def->iothread) < 0 ||
        virXMLPropEnum(node, "detect_zeroes", virDomainDiskDetectZeroesTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->detectZeroes) < 0 ||
        virXMLPropUInt(node, "queues", 10, VIR_XML_PROP_NONE, &def->queues) < 0 ||
        virXMLPropUInt(node, "queue_size", 10, VIR_XML_PROP_NONE, &def->queueSize) < 0 ||
        virXMLPropTristateSwitch(node, "iommu", VIR_XML_PROP_NONE, &def->iommu) < 0 ||
        virXMLPropTristateSwitch(node, "ats", VIR_XML_PROP_NONE, &def->ats) < 0 ||
        virXMLPropTristateSwitch(node, "packed", VIR_XML_PROP_NONE, &def->packed) < 0 ||
        virXMLPropTristateSwitch(node, "page_per_vq", VIR_XML_PROP_NONE,
                                 &def->pagePerVQ) < 0)
        return -1;
    if (virDomainParseScaledValue("./driver/metadata_cache/max_size", NULL, ctxt,
                                  &def->src->metadataCacheMaxSize, 1, ULLONG_MAX,
                                  false) < 0)
        return -1;
    return 0;
}


/* <mirror>: either the modern form (type='' with <format>, <source> and
 * <backingStore> children) or the old copy-job form (file='' format=''). */
static int
virDomainDiskMirrorParseXML(virDomainDiskDef *def, xmlNodePtr node,
                            xmlXPathContextPtr ctxt, unsigned int flags)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virDomainStorageSource) mirror = g_new0(virDomainStorageSource, 1);
    g_autofree char *job = virXMLPropString(node, "job");
    g_autofree char *type = virXMLPropString(node, "type");
    g_autofree char *format = NULL;
    g_autofree char *index = NULL;
    g_autofree char *ready = NULL;
    xmlNodePtr source;
    int val;

    ctxt->node = node;
    def->mirrorJob = MIRROR_JOB_COPY;
    if (job && (val = virDomainDiskMirrorJobTypeFromString(job)) <= 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown mirror job type '%s'", job);
        return -1;
    } else if (job) {
        def->mirrorJob = val;
    }
    if (type) {
        format = virXPathString("string(./format/@type)", ctxt);
        index = virXPathString("string(./source/@index)", ctxt);
    } else {
        if (def->mirrorJob != MIRROR_JOB_COPY) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "mirror without type only supported by copy job");
            return -1;
        }
        format = virXMLPropString(node, "format");
    }
    mirror->type = VIR_STORAGE_TYPE_FILE;
    if (type) {
        if ((val = virDomainStorageTypeFromString(type)) <= 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown storage source type '%s'", type);
            return -1;
        }
        mirror->type = val;
    }
    if (format) {
        if ((val = virDomainStorageFileFormatTypeFromString(format)) <= 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown storage source format '%s'", format);
            return -1;
        }
        mirror->format = val;
    }
    if (index && virStrToLong_uip(index, NULL, 10, &mirror->id) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "invalid storage source index '%s'", index);
        return -1;
    }
    if (type) {
        if (!(source = virXPathNode("./source", ctxt))) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "mirror requires source element");
            return -1;
        }
        if (virDomainStorageSourceParseXML(source, ctxt, mirror, flags) < 0 ||
            virDomainStorageBackingStoreParseXML(ctxt, mirror, flags) < 0)
            return -1;
    } else if (!(mirror->path = virXMLPropString(node, "file"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "mirror requires file name");
        return -1;
    }
    if ((ready = virXMLPropString(node, "ready")) &&
        (val = virDomainDiskMirrorStateTypeFromString(ready)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "unknown mirror ready state %s", ready);
        return -1;
    } else if (ready) {
        def->mirrorState = val;
    }
    if (virDomainParseScaledValue("./format/metadata_cache/max_size", NULL, ctxt,
                                  &mirror->metadataCacheMaxSize, 1, ULLONG_MAX,
                                  false) < 0)
        return -1;
    def->mirror = g_steal_pointer(&mirror);
    return 0;
}


static int
virDomainDiskTargetParseXML(virDomainDiskDef *def, xmlNodePtr node)
{
    def->dst = virXMLPropString(node, "dev");
    if (virXMLPropEnum(node, "bus", virDomainDiskBusTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->bus) < 0 ||
        virXMLPropEnum(node, "tray", virDomainDiskTrayTypeFromString,
                       VIR_XML_PROP_NONE, &def->tray) < 0 ||
        virXMLPropTristateSwitch(node, "removable", VIR_XML_PROP_NONE, &def->removable) < 0 ||
        virXMLPropUInt(node, "rotation_rate", 10, VIR_XML_PROP_NONE, &def->rotationRate) < 0)
        return -1;
    return 0;
}


static int
virDomainDiskMiscParseXML(virDomainDiskDef *def, xmlXPathContextPtr ctxt)
{
    xmlNodePtr cur;
    size_t i;

    if ((cur = virXPathNode("./geometry", ctxt)) &&
        (virXMLPropUInt(cur, "cyls", 10, VIR_XML_PROP_REQUIRED, &def->geometryCyls) < 0 ||
         virXMLPropUInt(cur, "heads", 10, VIR_XML_PROP_REQUIRED, &def->geometryHeads) < 0 ||
         virXMLPropUInt(cur, "secs", 10, VIR_XML_PROP_REQUIRED, &def->geometrySecs) < 0 ||
         virXMLPropEnum(cur, "trans", virDomainDiskGeometryTransTypeFromString,
                        VIR_XML_PROP_NONZERO, &def->geometryTrans) < 0))
        return -1;
    if ((cur = virXPathNode("./blockio", ctxt)) &&
        (virXMLPropUInt(cur, "logical_block_size", 10, VIR_XML_PROP_NONE,
                        &def->logicalBlockSize) < 0 ||
         virXMLPropUInt(cur, "physical_block_size", 10, VIR_XML_PROP_NONE,
                        &def->physicalBlockSize) < 0))
        return -1;
    if ((cur = virXPathNode("./transient", ctxt))) {
        def->transient = true;
        if (virXMLPropTristateBool(cur, "shareBacking", VIR_XML_PROP_NONE,
                                   &def->transientShareBacking) < 0)
            return -1;
    }
    for (i = 0; i < VIR_DOMAIN_DISK_IOTUNE_FIELDS; i++) {
        g_autofree char *xpath = g_strdup_printf("string(./iotune/%s)", iotuneNames[i]);

        if (virXPathULongLong(xpath, ctxt, &def->iotune[i]) == -2) {
            virReportError(VIR_ERR_XML_ERROR, "disk iotune field '%s' must be an integer",
                           iotuneNames[i]);
            return -1;
        }
    }
    def->iotuneGroup = virXPathString("string(./iotune/group_name)", ctxt);
    def->domainName = virXPathString("string(./backenddomain/@name)", ctxt);
    def->serial = virXPathString("string(./serial)", ctxt);
    def->wwn = virXPathString("string(./wwn)", ctxt);
    def->vendor = virXPathString("string(./vendor)", ctxt);
    def->product = virXPathString("string(./product)", ctxt);
    return 0;
}


void *
virDomainDiskDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                         const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainDiskDef) def = g_new0(virDomainDiskDef, 1);
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    xmlNodePtr cur;

    ctxt->node = node;
    def->src = g_new0(virDomainStorageSource, 1);
    if (virDomainDiskSourceParseXML(def, node, ctxt, flags) < 0)
        return NULL;
    if (virXMLPropEnumDefault(node, "device", virDomainDiskDeviceTypeFromString,
                              VIR_XML_PROP_NONE, &def->device,
                              VIR_DOMAIN_DISK_DEVICE_DISK) < 0 ||
        virXMLPropEnum(node, "model", virDomainDiskModelTypeFromString,
                       VIR_XML_PROP_NONE, &def->model) < 0 ||
        virXMLPropEnum(node, "snapshot", virDomainSnapshotLocationTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->snapshot) < 0 ||
        virXMLPropTristateBool(node, "rawio", VIR_XML_PROP_NONE, &def->rawio) < 0 ||
        virXMLPropEnum(node, "sgio", virDomainDeviceSGIOTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->sgio) < 0)
        return NULL;
    if ((cur = virXPathNode("./source", ctxt)) &&
        virXMLPropEnum(cur, "startupPolicy", virDomainStartupPolicyTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->startupPolicy) < 0)
        return NULL;
    if ((cur = virXPathNode("./target", ctxt)) &&
        virDomainDiskTargetParseXML(def, cur) < 0)
        return NULL;
    if ((cur = virXPathNode("./driver", ctxt)) &&
        virDomainDiskDriverParseXML(def, cur, ctxt) < 0)
        return NULL;
    if ((cur = virXPathNode("./mirror", ctxt)) &&
        !(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) &&
        virDomainDiskMirrorParseXML(def, cur, ctxt, flags) < 0)
        return NULL;
    if (virDomainDiskMiscParseXML(def, ctxt) < 0 ||
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


/* The position of a disk name in the hda, hdb, ..., hdz, hdaa sequence. */
static int
virDomainDiskNameToIndex(const char *name)
{
    static const char *prefixes[] = { "fd", "hd", "vd", "sd", "xvd", "ubd" };
    const char *ptr = NULL;
    int idx = 0;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        if (STRPREFIX(name, prefixes[i])) {
            ptr = name + strlen(prefixes[i]);
            break;
        }
    }
    if (!ptr || !*ptr)
        return -1;
    for (i = 0; *ptr; i++, ptr++) {
        if (!g_ascii_islower(*ptr))
            break;
        idx = (idx + (i < 1 ? 0 : 1)) * 26;
        idx += *ptr - 'a';
    }
    if (*ptr && !g_ascii_isdigit(*ptr))
        return -1;
    return idx;
}


virDomainDiskDef *
virDomainDiskByName(const virDomainDef *def, const char *name, bool allowAmbiguous)
{
    virDomainDiskDef *found = NULL;
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        virDomainDiskDef *disk = def->disks[i];

        if (name[0] != '/') {
            if (STREQ_NULLABLE(disk->dst, name))
                return disk;
        } else if (disk->src && STREQ_NULLABLE(disk->src->path, name)) {
            if (allowAmbiguous)
                return disk;
            if (found)
                return NULL;
            found = disk;
        }
    }
    return found;
}


ssize_t
virDomainDiskInsertPos(const virDomainDef *def, const void *dev,
                       void **state G_GNUC_UNUSED)
{
    const virDomainDiskDef *disk = dev;
    ssize_t pos = -1;
    ssize_t i;

    for (i = (ssize_t)def->ndisks - 1; i >= 0; i--) {
        const virDomainDiskDef *other = def->disks[i];

        if (other->bus != disk->bus)
            continue;
        if (other->dst && disk->dst &&
            virDomainDiskNameToIndex(other->dst) > virDomainDiskNameToIndex(disk->dst))
            pos = i;
        else if (pos == -1)
            pos = i + 1;
    }
    return pos;
}


static int
virDomainDiskAssignAddress(virDomainDiskDef *disk)
{
    int idx = virDomainDiskNameToIndex(disk->dst);
    virDomainDriveAddress *addr = &disk->info.addr.drive;

    if (idx < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Unknown disk name '%s' and no address specified", disk->dst);
        return -1;
    }
    switch ((virDomainDiskBus)disk->bus) {
    case VIR_DOMAIN_DISK_BUS_SCSI:
        addr->controller = idx / 7;
        addr->unit = idx % 7;
        break;
    case VIR_DOMAIN_DISK_BUS_IDE:
        addr->controller = idx / 4;
        addr->bus = (idx % 4) / 2;
        addr->unit = idx % 2;
        break;
    case VIR_DOMAIN_DISK_BUS_SATA:
        addr->controller = idx / 6;
        addr->unit = idx % 6;
        break;
    case VIR_DOMAIN_DISK_BUS_FDC:
        addr->controller = idx / 2;
        addr->unit = idx % 2;
        break;
    default:
        return 0;
    }
    disk->info.type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE;
    return 0;
}


int
virDomainDiskDefPostParse(virDomainDiskDef *disk)
{
    if (disk->dst && STRPREFIX(disk->dst, "ioemu:")) {
        char *dst = g_strdup(disk->dst + 6);

        g_free(disk->dst);
        disk->dst = dst;
    }
    if (disk->device == VIR_DOMAIN_DISK_DEVICE_CDROM)
        disk->src->readonly = true;
    if (disk->bus == VIR_DOMAIN_DISK_BUS_NONE) {
        disk->bus = VIR_DOMAIN_DISK_BUS_IDE;
        if (disk->device == VIR_DOMAIN_DISK_DEVICE_FLOPPY)
            disk->bus = VIR_DOMAIN_DISK_BUS_FDC;
        else if (disk->dst && STRPREFIX(disk->dst, "sd"))
            disk->bus = VIR_DOMAIN_DISK_BUS_SCSI;
        else if (disk->dst && STRPREFIX(disk->dst, "vd"))
            disk->bus = VIR_DOMAIN_DISK_BUS_VIRTIO;
        else if (disk->dst && STRPREFIX(disk->dst, "xvd"))
            disk->bus = VIR_DOMAIN_DISK_BUS_XEN;
        else if (disk->dst && STRPREFIX(disk->dst, "ubd"))
            disk->bus = VIR_DOMAIN_DISK_BUS_UML;
    }
    if (!disk->snapshot && disk->src->readonly)
        disk->snapshot = SNAPSHOT_LOCATION_NO;
    /* vhost-user disks cannot be snapshotted */
    if (!disk->snapshot && disk->src->type == VIR_STORAGE_TYPE_VHOST_USER)
        disk->snapshot = SNAPSHOT_LOCATION_NO;
    if (disk->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE && disk->dst)
        return virDomainDiskAssignAddress(disk);
    return 0;
}


int
virDomainDiskDefValidate(const void *dev, const virDomainDef *vmdef G_GNUC_UNUSED)
{
    const virDomainDiskDef *disk = dev;
    static const char *prefixes[] = { "hd", "sd", "vd", "xvd", "ubd" };
    bool known = false;
    size_t i;

    if (!disk->dst) {
        virReportError(VIR_ERR_NO_TARGET, disk->src->path ? "%s" : NULL, disk->src->path);
        return -1;
    }
    for (i = 0; i < G_N_ELEMENTS(prefixes); i++)
        known |= STRPREFIX(disk->dst, prefixes[i]);
    if ((disk->device == VIR_DOMAIN_DISK_DEVICE_DISK ||
         disk->device == VIR_DOMAIN_DISK_DEVICE_LUN) && !known) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Invalid harddisk device name: %s", disk->dst);
        return -1;
    }
    if (disk->device == VIR_DOMAIN_DISK_DEVICE_FLOPPY && !STRPREFIX(disk->dst, "fd")) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Invalid floppy device name: %s", disk->dst);
        return -1;
    }
    if (disk->device == VIR_DOMAIN_DISK_DEVICE_DISK && !disk->src->path &&
        disk->src->type != VIR_STORAGE_TYPE_NETWORK && disk->src->type != VIR_STORAGE_TYPE_VOLUME &&
        disk->src->type != VIR_STORAGE_TYPE_NVME && disk->src->type != VIR_STORAGE_TYPE_VHOST_USER) {
        virReportError(VIR_ERR_NO_SOURCE, "%s", disk->dst);
        return -1;
    }
    return 0;
}


static void
virDomainDiskDriverFormat(virBuffer *buf, const virDomainDiskDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferEscapeString(&attrBuf, " name='%s'", def->driverName);
    if (def->src->format)
        virBufferAsprintf(&attrBuf, " type='%s'",
                          virDomainStorageFileFormatTypeToString(def->src->format));
#define ENUM_ATTR(field, name, conv) \
    if (def->field) \
        virBufferAsprintf(&attrBuf, " " name "='%s'", conv(def->field))
    ENUM_ATTR(cache, "cache", virDomainDiskCacheTypeToString);
    ENUM_ATTR(errorPolicy, "error_policy", virDomainDiskErrorPolicyTypeToString);
    ENUM_ATTR(rerrorPolicy, "rerror_policy", virDomainDiskErrorPolicyTypeToString);
    ENUM_ATTR(io, "io", virDomainDiskIoTypeToString);
    ENUM_ATTR(ioeventfd, "ioeventfd", virTristateSwitchTypeToString);
    ENUM_ATTR(eventIdx, "event_idx", virTristateSwitchTypeToString);
    ENUM_ATTR(copyOnRead, "copy_on_read", virTristateSwitchTypeToString);
    ENUM_ATTR(discard, "discard", virDomainDiskDiscardTypeToString);
    if (def->iothread)
        virBufferAsprintf(&attrBuf, " iothread='%u'", def->iothread);
    ENUM_ATTR(detectZeroes, "detect_zeroes", virDomainDiskDetectZeroesTypeToString);
    if (def->queues)
        virBufferAsprintf(&attrBuf, " queues='%u'", def->queues);
    if (def->queueSize)
        virBufferAsprintf(&attrBuf, " queue_size='%u'", def->queueSize);
    ENUM_ATTR(iommu, "iommu", virTristateSwitchTypeToString);
    ENUM_ATTR(ats, "ats", virTristateSwitchTypeToString);
    ENUM_ATTR(packed, "packed", virTristateSwitchTypeToString);
    ENUM_ATTR(pagePerVQ, "page_per_vq", virTristateSwitchTypeToString);
#undef ENUM_ATTR
    if (def->src->metadataCacheMaxSize) {
        virBufferAddLit(&childBuf, "<metadata_cache>\n");
        virBufferAsprintf(&childBuf, "  <max_size unit='bytes'>%llu</max_size>\n",
                          def->src->metadataCacheMaxSize);
        virBufferAddLit(&childBuf, "</metadata_cache>\n");
    }
    virBufferFormatElement(buf, "driver", &attrBuf, &childBuf);
}


static void
virDomainDiskMiscFormat(virBuffer *buf, const virDomainDiskDef *def)
{
    g_auto(virBuffer) iotuneBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < VIR_DOMAIN_DISK_IOTUNE_FIELDS; i++) {
        if (i == IOTUNE_GROUP_BEFORE)
            virBufferEscapeString(&iotuneBuf, "<group_name>%s</group_name>\n",
                                  def->iotuneGroup);
        if (def->iotune[i])
            virBufferAsprintf(&iotuneBuf, "<%s>%llu</%s>\n", iotuneNames[i],
                              def->iotune[i], iotuneNames[i]);
    }
    virBufferFormatElement(buf, "iotune", NULL, &iotuneBuf);
    if (def->src->readonly)
        virBufferAddLit(buf, "<readonly/>\n");
    if (def->src->shared)
        virBufferAddLit(buf, "<shareable/>\n");
    if (def->transient) {
        virBufferAddLit(buf, "<transient");
        if (def->transientShareBacking == VIR_TRISTATE_BOOL_YES)
            virBufferAddLit(buf, " shareBacking='yes'");
        virBufferAddLit(buf, "/>\n");
    }
    virBufferEscapeString(buf, "<serial>%s</serial>\n", def->serial);
    virBufferEscapeString(buf, "<wwn>%s</wwn>\n", def->wwn);
    virBufferEscapeString(buf, "<vendor>%s</vendor>\n", def->vendor);
    virBufferEscapeString(buf, "<product>%s</product>\n", def->product);
    if (def->src->encryptionPresent && def->diskElementEnc)
        virDomainStorageEncryptionFormat(buf, def->src);
}


/* The live <mirror> of a block job. */
static void
virDomainDiskMirrorFormat(virBuffer *buf, const virDomainDiskDef *def,
                          unsigned int flags)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virDomainStorageSource *mirror = def->mirror;

    if (!mirror || (flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
        return;
    virBufferAsprintf(&attrBuf, " type='%s'", virDomainStorageTypeToString(mirror->type));
    if (mirror->type == VIR_STORAGE_TYPE_FILE && def->mirrorJob == MIRROR_JOB_COPY) {
        virBufferEscapeString(&attrBuf, " file='%s'", mirror->path);
        if (mirror->format)
            virBufferAsprintf(&attrBuf, " format='%s'",
                              virDomainStorageFileFormatTypeToString(mirror->format));
    }
    virBufferAsprintf(&attrBuf, " job='%s'", virDomainDiskMirrorJobTypeToString(def->mirrorJob));
    if (def->mirrorState)
        virBufferAsprintf(&attrBuf, " ready='%s'",
                          virDomainDiskMirrorStateTypeToString(def->mirrorState));
    virDomainStorageFormatFormat(&childBuf, mirror);
    virDomainStorageSourceFormat(&childBuf, mirror, "source", NULL, true, true, true, flags);
    virDomainStorageBackingStoreFormat(&childBuf, mirror, flags);
    virBufferFormatElement(buf, "mirror", &attrBuf, &childBuf);
}


static void
virDomainDiskTargetFormat(virBuffer *buf, const virDomainDiskDef *def,
                          unsigned int flags)
{
    if (def->geometryCyls || def->geometryHeads || def->geometrySecs) {
        virBufferAsprintf(buf, "<geometry cyls='%u' heads='%u' secs='%u'",
                          def->geometryCyls, def->geometryHeads, def->geometrySecs);
        if (def->geometryTrans)
            virBufferAsprintf(buf, " trans='%s'",
                              virDomainDiskGeometryTransTypeToString(def->geometryTrans));
        virBufferAddLit(buf, "/>\n");
    }
    if (def->logicalBlockSize || def->physicalBlockSize) {
        virBufferAddLit(buf, "<blockio");
        if (def->logicalBlockSize)
            virBufferAsprintf(buf, " logical_block_size='%u'", def->logicalBlockSize);
        if (def->physicalBlockSize)
            virBufferAsprintf(buf, " physical_block_size='%u'", def->physicalBlockSize);
        virBufferAddLit(buf, "/>\n");
    }
    virDomainDiskMirrorFormat(buf, def, flags);
    virBufferEscapeString(buf, "<target dev='%s'", def->dst);
    virBufferAsprintf(buf, " bus='%s'", virDomainDiskBusTypeToString(def->bus));
    if ((def->device == VIR_DOMAIN_DISK_DEVICE_FLOPPY ||
         def->device == VIR_DOMAIN_DISK_DEVICE_CDROM) && def->tray)
        virBufferAsprintf(buf, " tray='%s'", virDomainDiskTrayTypeToString(def->tray));
    if (def->bus == VIR_DOMAIN_DISK_BUS_USB && def->removable)
        virBufferAsprintf(buf, " removable='%s'",
                          virTristateSwitchTypeToString(def->removable));
    if (def->rotationRate)
        virBufferAsprintf(buf, " rotation_rate='%u'", def->rotationRate);
    virBufferAddLit(buf, "/>\n");
}


int
virDomainDiskDefFormat(virBuffer *buf, const void *dev,
                       const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainDiskDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&attrBuf, " type='%s' device='%s'",
                      virDomainStorageTypeToString(def->src->type),
                      virDomainDiskDeviceTypeToString(def->device));
    if (def->model)
        virBufferAsprintf(&attrBuf, " model='%s'", virDomainDiskModelTypeToString(def->model));
    if (def->rawio)
        virBufferAsprintf(&attrBuf, " rawio='%s'", virTristateBoolTypeToString(def->rawio));
    if (def->sgio)
        virBufferAsprintf(&attrBuf, " sgio='%s'", virDomainDeviceSGIOTypeToString(def->sgio));
    if (def->snapshot &&
        !(def->snapshot == SNAPSHOT_LOCATION_NO && def->src->readonly))
        virBufferAsprintf(&attrBuf, " snapshot='%s'",
                          virDomainSnapshotLocationTypeToString(def->snapshot));

    virDomainDiskDriverFormat(&childBuf, def);
    if (def->src->authPresent && def->diskElementAuth)
        virDomainStorageAuthFormat(&childBuf, def->src);
    virDomainStorageSourceFormat(&childBuf, def->src, "source",
                                 def->startupPolicy ?
                                 virDomainStartupPolicyTypeToString(def->startupPolicy) : NULL,
                                 !def->diskElementAuth, !def->diskElementEnc, true, flags);
    virDomainStorageBackingStoreFormat(&childBuf, def->src, flags);
    virBufferEscapeString(&childBuf, "<backenddomain name='%s'/>\n", def->domainName);
    virDomainDiskTargetFormat(&childBuf, def, flags);
    virDomainDiskMiscFormat(&childBuf, def);
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virBufferFormatElement(buf, "disk", &attrBuf, &childBuf);
    return 0;
}
