/*
 * node_device_caps.c: every capability kind but PCI, one section per
 * kind (system, usb, net, scsi, storage, drm, mdev, ccw/css, vdpa, ap):
 * clear, parse and format together.
 */
#include "internal.h"
#include "conf/node_device_conf_priv.h"
#include "util/virbuffer.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

/* system */

static const virNodeDevField virNodeDevHardwareFields[] = {
    NODE_DEV_STR("vendor", virNodeDevCapSystemHardware, vendor_name),
    NODE_DEV_STR("version", virNodeDevCapSystemHardware, version),
    NODE_DEV_STR("serial", virNodeDevCapSystemHardware, serial),
};

static const virNodeDevField virNodeDevFirmwareFields[] = {
    NODE_DEV_STR("vendor", virNodeDevCapSystemFirmware, vendor_name),
    NODE_DEV_STR("version", virNodeDevCapSystemFirmware, version),
    NODE_DEV_STR("release_date", virNodeDevCapSystemFirmware, release_date),
};

void
virNodeDevCapSystemClear(virNodeDevCapData *data)
{
    g_free(data->system.product_name);
    NODE_DEV_FIELDS_CLEAR(virNodeDevHardwareFields, &data->system.hardware);
    NODE_DEV_FIELDS_CLEAR(virNodeDevFirmwareFields, &data->system.firmware);
}


int
virNodeDevCapSystemParseXML(xmlXPathContextPtr ctxt,
                            const virNodeDevParseInfo *info,
                            virNodeDevCapData *data)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    virNodeDevCapSystem *sys = &data->system;
    xmlNodePtr cap = ctxt->node;
    g_autofree char *uuid = NULL;

    sys->product_name = virXPathString("./product[1]", ctxt);

    if ((ctxt->node = virXPathNode("./hardware[1]", ctxt))) {
        if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevHardwareFields,
                                  &sys->hardware) < 0)
            return -1;
        uuid = virXPathString("./uuid[1]", ctxt);
    }
    if (!uuid) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no system UUID supplied for '%s'", info->name);
        return -1;
    }
    if (virUUIDParse(uuid, sys->hardware.uuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "malformed uuid element for '%s'", info->name);
        return -1;
    }

    ctxt->node = cap;
    if ((ctxt->node = virXPathNode("./firmware[1]", ctxt)) &&
        NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevFirmwareFields,
                              &sys->firmware) < 0)
        return -1;
    return 0;
}


void
virNodeDevCapSystemFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapSystem *sys = &data->system;
    char uuid[VIR_UUID_STRING_BUFLEN];

    virBufferEscapeString(buf, "<product>%s</product>\n", sys->product_name);
    virBufferAddLit(buf, "<hardware>\n");
    virBufferAdjustIndent(buf, 2);
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevHardwareFields, &sys->hardware);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(sys->hardware.uuid, uuid));
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</hardware>\n");

    virBufferAddLit(buf, "<firmware>\n");
    virBufferAdjustIndent(buf, 2);
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevFirmwareFields, &sys->firmware);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</firmware>\n");
}


/* usb_device */

static const virNodeDevField virNodeDevUSBDevFields[] = {
    NODE_DEV_UINT_SIGNED("bus", virNodeDevCapUSBDev, bus, "USB bus number"),
    NODE_DEV_UINT_SIGNED("device", virNodeDevCapUSBDev, device, "USB device number"),
};

void
virNodeDevCapUSBDevClear(virNodeDevCapData *data)
{
    g_free(data->usb_dev.product_name);
    g_free(data->usb_dev.vendor_name);
}


int
virNodeDevCapUSBDevParseXML(xmlXPathContextPtr ctxt,
                            const virNodeDevParseInfo *info,
                            virNodeDevCapData *data)
{
    virNodeDevCapUSBDev *usb = &data->usb_dev;

    if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevUSBDevFields, usb) < 0 ||
        virNodeDevIdParseXML(ctxt, "vendor", "USB vendor ID", info->name,
                             &usb->vendor) < 0 ||
        virNodeDevIdParseXML(ctxt, "product", "USB product ID", info->name,
                             &usb->product) < 0)
        return -1;
    usb->vendor_name = virXPathString("./vendor[1]", ctxt);
    usb->product_name = virXPathString("./product[1]", ctxt);
    return 0;
}


void
virNodeDevCapUSBDevFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapUSBDev *usb = &data->usb_dev;

    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevUSBDevFields, usb);
    virNodeDevIdFormat(buf, "product", usb->product, usb->product_name, " />\n");
    virNodeDevIdFormat(buf, "vendor", usb->vendor, usb->vendor_name, " />\n");
}


/* usb (interface) */

static const virNodeDevField virNodeDevUSBIfFields[] = {
    NODE_DEV_UINT_SIGNED("number", virNodeDevCapUSBIf, number,
                         "USB interface number"),
    NODE_DEV_UINT_SIGNED("class", virNodeDevCapUSBIf, klass,
                         "USB interface class"),
    NODE_DEV_UINT_SIGNED("subclass", virNodeDevCapUSBIf, subclass,
                         "USB interface subclass"),
    NODE_DEV_UINT_SIGNED("protocol", virNodeDevCapUSBIf, protocol,
                         "USB interface protocol"),
    NODE_DEV_STR("description", virNodeDevCapUSBIf, description),
};

void
virNodeDevCapUSBIfClear(virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_CLEAR(virNodeDevUSBIfFields, &data->usb_if);
}


int
virNodeDevCapUSBIfParseXML(xmlXPathContextPtr ctxt,
                           const virNodeDevParseInfo *info,
                           virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevUSBIfFields, &data->usb_if);
}


void
virNodeDevCapUSBIfFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevUSBIfFields, &data->usb_if);
}


/* net */

static const virNodeDevField virNodeDevNetFields[] = {
    NODE_DEV_STR_REQ("interface", virNodeDevCapNet, ifname, "network interface"),
    NODE_DEV_STR("address", virNodeDevCapNet, address),
};

void
virNodeDevCapNetClear(virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_CLEAR(virNodeDevNetFields, &data->net);
}


static int
virNodeDevNetFeaturesParseXML(xmlXPathContextPtr ctxt, virNodeDevCapNet *net)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./feature", ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < n; i++) {
        g_autofree char *name = virXMLPropString(nodes[i], "name");
        int feature;

        if (!name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing network device feature name");
            return -1;
        }
        if ((feature = virNodeDevNetFeatureTypeFromString(name)) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "unknown network device feature '%s'", name);
            return -1;
        }
        net->features |= 1U << feature;
    }
    return 0;
}


int
virNodeDevCapNetParseXML(xmlXPathContextPtr ctxt,
                         const virNodeDevParseInfo *info,
                         virNodeDevCapData *data)
{
    virNodeDevCapNet *net = &data->net;
    g_autofree char *subtype = NULL;
    xmlNodePtr lnk;
    unsigned int state;

    if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevNetFields, net) < 0 ||
        virNodeDevNetFeaturesParseXML(ctxt, net) < 0)
        return -1;

    net->subtype = VIR_NODE_DEV_CAP_NET_LAST;
    if ((subtype = virXPathString("./capability/@type", ctxt))) {
        int val = virNodeDevNetCapTypeFromString(subtype);

        if (val < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "invalid network type supplied for '%s'", info->name);
            return -1;
        }
        net->subtype = val;
    }

    if ((lnk = virXPathNode("./link", ctxt))) {
        if (virXMLPropEnum(lnk, "state", virNodeDevLinkStateTypeFromString,
                           VIR_XML_PROP_NONE, &state) < 0 ||
            virXMLPropUInt(lnk, "speed", 10, VIR_XML_PROP_NONE,
                           &net->lnk.speed) < 0)
            return -1;
        net->lnk.state = state;
    }
    return 0;
}


void
virNodeDevCapNetFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapNet *net = &data->net;
    size_t i;

    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevNetFields, net);
    if (net->lnk.speed || net->lnk.state) {
        virBufferAddLit(buf, "<link");
        if (net->lnk.speed)
            virBufferAsprintf(buf, " speed='%u'", net->lnk.speed);
        if (net->lnk.state)
            virBufferAsprintf(buf, " state='%s'",
                              virNodeDevLinkStateTypeToString(net->lnk.state));
        virBufferAddLit(buf, "/>\n");
    }
    for (i = 0; i < VIR_NODE_DEV_NET_FEAT_LAST; i++) {
        if (net->features & (1U << i))
            virBufferAsprintf(buf, "<feature name='%s'/>\n",
                              virNodeDevNetFeatureTypeToString(i));
    }
    if (net->subtype != VIR_NODE_DEV_CAP_NET_LAST)
        virBufferAsprintf(buf, "<capability type='%s'/>\n",
                          virNodeDevNetCapTypeToString(net->subtype));
}


/* scsi_host */

static const virNodeDevField virNodeDevSCSIHostFields[] = {
    NODE_DEV_UINT_SIGNED("host", virNodeDevCapSCSIHost, host, "SCSI host ID"),
};

void
virNodeDevCapSCSIHostClear(virNodeDevCapData *data)
{
    g_free(data->scsi_host.wwnn);
    g_free(data->scsi_host.wwpn);
    g_free(data->scsi_host.fabric_wwn);
}


/* A random WWN with the OUI of @virtType's vendor. */
static int
virNodeDevGenerateWWN(const char *virtType, char **wwn)
{
    static const struct {
        const char *virtType;
        const char *oui;
    } ouis[] = {
        { "QEMU", "001a4a" }, { "Xen", "00163e" }, { "xenlight", "00163e" },
        { "ESX", "000569" }, { "VMWARE", "000569" }, { "HYPER-V", "0050f2" },
    };
    unsigned long long bits;
    size_t i;

    if (!virtType)
        return -1;
    for (i = 0; i < G_N_ELEMENTS(ouis); i++) {
        if (STREQ(virtType, ouis[i].virtType))
            break;
    }
    if (i == G_N_ELEMENTS(ouis))
        return -1;

    bits = ((unsigned long long)g_random_int() << 32) | g_random_int();
    *wwn = g_strdup_printf("5%s%09llx", ouis[i].oui, bits & ((1ULL << 36) - 1));
    return 0;
}


static int
virNodeDevFCHostParseXML(xmlXPathContextPtr ctxt,
                         const virNodeDevParseInfo *info,
                         virNodeDevCapSCSIHost *host)
{
    g_free(host->wwnn);
    g_free(host->wwpn);
    g_free(host->fabric_wwn);

    if (!(host->wwnn = virXPathString("./wwnn[1]", ctxt)) &&
        virNodeDevGenerateWWN(info->virtType, &host->wwnn) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no WWNN supplied for '%s', and auto-generation failed",
                       info->name);
        return -1;
    }
    if (!(host->wwpn = virXPathString("./wwpn[1]", ctxt)) &&
        virNodeDevGenerateWWN(info->virtType, &host->wwpn) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no WWPN supplied for '%s', and auto-generation failed",
                       info->name);
        return -1;
    }
    host->fabric_wwn = virXPathString("./fabric_wwn[1]", ctxt);
    host->flags |= VIR_NODE_DEV_CAP_FLAG_HBA_FC_HOST;
    return 0;
}


int
virNodeDevCapSCSIHostParseXML(xmlXPathContextPtr ctxt,
                              const virNodeDevParseInfo *info,
                              virNodeDevCapData *data)
{
    virNodeDevCapSCSIHost *host = &data->scsi_host;
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if (!info->create) {
        if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevSCSIHostFields, host) < 0)
            return -1;
        host->unique_id = -1;
        if (virXPathInt("./unique_id[1]", ctxt, &host->unique_id) == -2) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "invalid unique_id supplied for '%s'", info->name);
            return -1;
        }
    }

    if ((n = virXPathNodeSet("./capability", ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < n; i++) {
        VIR_XPATH_NODE_AUTORESTORE(ctxt);
        g_autofree char *type = virXMLPropString(nodes[i], "type");

        ctxt->node = nodes[i];
        if (!type) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "missing SCSI host capability type for '%s'",
                           info->name);
            return -1;
        }
        if (STREQ(type, "vport_ops")) {
            host->flags |= VIR_NODE_DEV_CAP_FLAG_HBA_VPORT_OPS;
        } else if (STREQ(type, "fc_host")) {
            if (virNodeDevFCHostParseXML(ctxt, info, host) < 0)
                return -1;
        } else {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown SCSI host capability type '%s' for '%s'",
                           type, info->name);
            return -1;
        }
    }
    return 0;
}


void
virNodeDevCapSCSIHostFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapSCSIHost *host = &data->scsi_host;

    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevSCSIHostFields, host);
    if (host->unique_id != -1)
        virBufferAsprintf(buf, "<unique_id>%d</unique_id>\n", host->unique_id);
    if (host->flags & VIR_NODE_DEV_CAP_FLAG_HBA_FC_HOST) {
        virBufferAddLit(buf, "<capability type='fc_host'>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<wwnn>%s</wwnn>\n", host->wwnn);
        virBufferEscapeString(buf, "<wwpn>%s</wwpn>\n", host->wwpn);
        virBufferEscapeString(buf, "<fabric_wwn>%s</fabric_wwn>\n",
                              host->fabric_wwn);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</capability>\n");
    }
    if (host->flags & VIR_NODE_DEV_CAP_FLAG_HBA_VPORT_OPS) {
        virBufferAddLit(buf, "<capability type='vport_ops'>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferAsprintf(buf, "<max_vports>%d</max_vports>\n", host->max_vports);
        virBufferAsprintf(buf, "<vports>%d</vports>\n", host->vports);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</capability>\n");
    }
}


/* scsi_target */

static const virNodeDevField virNodeDevSCSITargetFields[] = {
    NODE_DEV_STR_REQ("target", virNodeDevCapSCSITarget, name, "target name"),
};

void
virNodeDevCapSCSITargetClear(virNodeDevCapData *data)
{
    g_free(data->scsi_target.name);
    g_free(data->scsi_target.rport);
    g_free(data->scsi_target.wwpn);
}


static int
virNodeDevFCRemotePortParseXML(xmlXPathContextPtr ctxt,
                               const virNodeDevParseInfo *info,
                               virNodeDevCapSCSITarget *target)
{
    g_free(target->rport);
    g_free(target->wwpn);
    target->wwpn = NULL;
    target->flags |= VIR_NODE_DEV_CAP_FLAG_FC_RPORT;

    if (!(target->rport = virXPathString("./rport[1]", ctxt))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "missing rport name for '%s'", info->name);
        return -1;
    }
    if (!(target->wwpn = virXPathString("./wwpn[1]", ctxt))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "missing wwpn identifier for '%s'", info->name);
        return -1;
    }
    return 0;
}


int
virNodeDevCapSCSITargetParseXML(xmlXPathContextPtr ctxt,
                                const virNodeDevParseInfo *info,
                                virNodeDevCapData *data)
{
    virNodeDevCapSCSITarget *target = &data->scsi_target;
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevSCSITargetFields, target) < 0)
        return -1;
    if ((n = virXPathNodeSet("./capability", ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < n; i++) {
        VIR_XPATH_NODE_AUTORESTORE(ctxt);
        g_autofree char *type = virXMLPropString(nodes[i], "type");

        ctxt->node = nodes[i];
        if (!type) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "missing type for SCSI target capability for '%s'",
                           info->name);
            return -1;
        }
        if (STRNEQ(type, "fc_remote_port")) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown SCSI target capability type '%s' for '%s'",
                           type, info->name);
            return -1;
        }
        if (virNodeDevFCRemotePortParseXML(ctxt, info, target) < 0)
            return -1;
    }
    return 0;
}


void
virNodeDevCapSCSITargetFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapSCSITarget *target = &data->scsi_target;

    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevSCSITargetFields, target);
    if (target->flags & VIR_NODE_DEV_CAP_FLAG_FC_RPORT) {
        virBufferAddLit(buf, "<capability type='fc_remote_port'>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<rport>%s</rport>\n", target->rport);
        virBufferEscapeString(buf, "<wwpn>%s</wwpn>\n", target->wwpn);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</capability>\n");
    }
}


/* scsi */

static const virNodeDevField virNodeDevSCSIFields[] = {
    NODE_DEV_UINT_SIGNED("host", virNodeDevCapSCSI, host, "SCSI host ID"),
    NODE_DEV_UINT_SIGNED("bus", virNodeDevCapSCSI, bus, "SCSI bus ID"),
    NODE_DEV_UINT_SIGNED("target", virNodeDevCapSCSI, target, "SCSI target ID"),
    NODE_DEV_UINT_SIGNED("lun", virNodeDevCapSCSI, lun, "SCSI LUN ID"),
    NODE_DEV_STR("type", virNodeDevCapSCSI, type),
};

void
virNodeDevCapSCSIClear(virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_CLEAR(virNodeDevSCSIFields, &data->scsi);
}


int
virNodeDevCapSCSIParseXML(xmlXPathContextPtr ctxt,
                          const virNodeDevParseInfo *info,
                          virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevSCSIFields, &data->scsi);
}


void
virNodeDevCapSCSIFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevSCSIFields, &data->scsi);
}


/* storage */

static const virNodeDevField virNodeDevStorageFields[] = {
    NODE_DEV_STR_REQ("block", virNodeDevCapStorage, block, "block device path"),
    NODE_DEV_STR("bus", virNodeDevCapStorage, bus),
    NODE_DEV_STR("drive_type", virNodeDevCapStorage, drive_type),
    NODE_DEV_STR("model", virNodeDevCapStorage, model),
    NODE_DEV_STR("vendor", virNodeDevCapStorage, vendor),
    NODE_DEV_STR("serial", virNodeDevCapStorage, serial),
};

void
virNodeDevCapStorageClear(virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_CLEAR(virNodeDevStorageFields, &data->storage);
    g_free(data->storage.media_label);
}


/* A required size child: "no <what> supplied" / "invalid <what> supplied". */
static int
virNodeDevStorageSizeParseXML(xmlXPathContextPtr ctxt, const char *xpath,
                              const char *what, const char *devname,
                              unsigned long long *size)
{
    int rc = virXPathULongLong(xpath, ctxt, size);

    if (rc < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       rc == -1 ? "no %s supplied for '%s'"
                                : "invalid %s supplied for '%s'",
                       what, devname);
        return -1;
    }
    return 0;
}


static int
virNodeDevStorageRemovableParseXML(xmlXPathContextPtr ctxt,
                                   const virNodeDevParseInfo *info,
                                   virNodeDevCapStorage *storage)
{
    storage->flags |= VIR_NODE_DEV_CAP_STORAGE_REMOVABLE;
    if (virXPathBoolean("count(./media_available[. = '1']) > 0", ctxt) == 1)
        storage->flags |= VIR_NODE_DEV_CAP_STORAGE_REMOVABLE_MEDIA_AVAILABLE;

    g_free(storage->media_label);
    storage->media_label = virXPathString("./media_label[1]", ctxt);
    return virNodeDevStorageSizeParseXML(ctxt, "./media_size[1]",
                                         "removable media size", info->name,
                                         &storage->removable_media_size);
}


int
virNodeDevCapStorageParseXML(xmlXPathContextPtr ctxt,
                             const virNodeDevParseInfo *info,
                             virNodeDevCapData *data)
{
    virNodeDevCapStorage *storage = &data->storage;
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevStorageFields, storage) < 0)
        return -1;
    if ((n = virXPathNodeSet("./capability", ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < n; i++) {
        VIR_XPATH_NODE_AUTORESTORE(ctxt);
        g_autofree char *type = virXMLPropString(nodes[i], "type");

        ctxt->node = nodes[i];
        if (!type) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "missing storage capability type for '%s'",
                           info->name);
            return -1;
        }
        if (STREQ(type, "hotpluggable")) {
            storage->flags |= VIR_NODE_DEV_CAP_STORAGE_HOTPLUGGABLE;
        } else if (STREQ(type, "removable")) {
            if (virNodeDevStorageRemovableParseXML(ctxt, info, storage) < 0)
                return -1;
        } else {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unknown storage capability type '%s' for '%s'",
                           type, info->name);
            return -1;
        }
    }

    if (!(storage->flags & VIR_NODE_DEV_CAP_STORAGE_REMOVABLE) &&
        virNodeDevStorageSizeParseXML(ctxt, "./size[1]", "size", info->name,
                                      &storage->size) < 0)
        return -1;
    return 0;
}


static void
virNodeDevStorageBlocksFormat(virBuffer *buf, const virNodeDevCapStorage *storage)
{
    if (storage->logical_block_size > 0)
        virBufferAsprintf(buf, "<logical_block_size>%llu</logical_block_size>\n",
                          storage->logical_block_size);
    if (storage->num_blocks > 0)
        virBufferAsprintf(buf, "<num_blocks>%llu</num_blocks>\n",
                          storage->num_blocks);
}


void
virNodeDevCapStorageFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapStorage *storage = &data->storage;

    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevStorageFields, storage);
    if (storage->flags & VIR_NODE_DEV_CAP_STORAGE_REMOVABLE) {
        bool avail = storage->flags &
                     VIR_NODE_DEV_CAP_STORAGE_REMOVABLE_MEDIA_AVAILABLE;

        virBufferAddLit(buf, "<capability type='removable'>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferAsprintf(buf, "<media_available>%d</media_available>\n",
                          avail ? 1 : 0);
        virBufferAsprintf(buf, "<media_size>%llu</media_size>\n",
                          storage->removable_media_size);
        virBufferEscapeString(buf, "<media_label>%s</media_label>\n",
                              storage->media_label);
        virNodeDevStorageBlocksFormat(buf, storage);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</capability>\n");
    } else {
        virBufferAsprintf(buf, "<size>%llu</size>\n", storage->size);
        virNodeDevStorageBlocksFormat(buf, storage);
    }
    if (storage->flags & VIR_NODE_DEV_CAP_STORAGE_HOTPLUGGABLE)
        virBufferAddLit(buf, "<capability type='hotpluggable'/>\n");
}


/* scsi_generic (never parsed: the node device driver fills it) */

void
virNodeDevCapSCSIGenericClear(virNodeDevCapData *data)
{
    g_free(data->sg.path);
}


void
virNodeDevCapSCSIGenericFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    virBufferEscapeString(buf, "<char>%s</char>\n", data->sg.path);
}


/* drm */

int
virNodeDevCapDRMParseXML(xmlXPathContextPtr ctxt,
                         const virNodeDevParseInfo *info,
                         virNodeDevCapData *data)
{
    g_autofree char *type = virXPathString("./type[1]", ctxt);
    int val;

    if ((val = virNodeDevDRMTypeFromString(type)) < 0) {
        /* libvirt prints a missing type as "(null)" */
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown drm type '%s' for '%s'",
                       type ? type : "(null)", info->name);
        return -1;
    }
    data->drm.type = val;
    return 0;
}


void
virNodeDevCapDRMFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    virBufferEscapeString(buf, "<type>%s</type>\n",
                          virNodeDevDRMTypeToString(data->drm.type));
}


/* mdev_types (never parsed: the node device driver fills it) */

void
virNodeDevCapMdevParentClear(virNodeDevCapData *data)
{
    virNodeDevMdevTypeListFree(data->mdev_parent.mdev_types,
                               data->mdev_parent.nmdev_types);
    g_free(data->mdev_parent.address);
}


void
virNodeDevCapMdevParentFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    virNodeDevMdevTypesFormat(buf, data->mdev_parent.mdev_types,
                              data->mdev_parent.nmdev_types);
}


/* mdev */

void
virNodeDevCapMdevClear(virNodeDevCapData *data)
{
    virNodeDevCapMdev *mdev = &data->mdev;
    size_t i;

    g_free(mdev->type);
    g_free(mdev->uuid);
    for (i = 0; i < mdev->nattributes; i++) {
        g_free(mdev->attributes[i]->name);
        g_free(mdev->attributes[i]->value);
        g_free(mdev->attributes[i]);
    }
    g_free(mdev->attributes);
    g_free(mdev->parent_addr);
}


/* <attr name= value=/>; like libvirt, one lacking either is dropped. */
static void
virNodeDevMdevAttrsParseXML(xmlNodePtr *nodes, size_t n, virNodeDevCapMdev *mdev)
{
    size_t i;

    for (i = 0; i < n; i++) {
        g_autofree virNodeDevMdevAttr *attr = g_new0(virNodeDevMdevAttr, 1);

        attr->name = virXMLPropString(nodes[i], "name");
        attr->value = virXMLPropString(nodes[i], "value");
        if (!attr->name || !*attr->name || !attr->value || !*attr->value) {
            g_free(attr->name);
            g_free(attr->value);
            continue;
        }
        NODE_DEV_APPEND(mdev->attributes, mdev->nattributes, attr);
    }
}


int
virNodeDevCapMdevParseXML(xmlXPathContextPtr ctxt,
                          const virNodeDevParseInfo *info,
                          virNodeDevCapData *data)
{
    virNodeDevCapMdev *mdev = &data->mdev;
    g_autofree char *uuid = NULL;
    g_autofree xmlNodePtr *attrs = NULL;
    int nattrs;

    if (!(mdev->type = virXPathString("./type[1]/@id", ctxt))) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "missing type id attribute for '%s'", info->name);
        return -1;
    }

    if ((uuid = virXPathString("./uuid[1]", ctxt))) {
        unsigned char raw[VIR_UUID_BUFLEN];

        if (virUUIDParse(uuid, raw) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Invalid uuid '%s' for new mdev device", uuid);
            return -1;
        }
        mdev->uuid = g_new0(char, VIR_UUID_STRING_BUFLEN);
        virUUIDFormat(raw, mdev->uuid);
    }

    if (virXPathUInt("./iommuGroup[1]/@number", ctxt,
                     &mdev->iommuGroupNumber) == -2) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid iommuGroup number attribute for '%s'",
                       info->name);
        return -1;
    }

    if ((nattrs = virXPathNodeSet("./attr", ctxt, &attrs)) < 0)
        return -1;
    virNodeDevMdevAttrsParseXML(attrs, nattrs, mdev);
    return 0;
}


void
virNodeDevCapMdevFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapMdev *mdev = &data->mdev;
    size_t i;

    virBufferEscapeString(buf, "<type id='%s'/>\n", mdev->type);
    virBufferEscapeString(buf, "<uuid>%s</uuid>\n", mdev->uuid);
    virBufferEscapeString(buf, "<parent_addr>%s</parent_addr>\n",
                          mdev->parent_addr);
    virBufferAsprintf(buf, "<iommuGroup number='%u'/>\n",
                      mdev->iommuGroupNumber);
    for (i = 0; i < mdev->nattributes; i++) {
        virBufferEscapeString(buf, "<attr name='%s'", mdev->attributes[i]->name);
        virBufferEscapeString(buf, " value='%s'/>\n", mdev->attributes[i]->value);
    }
}


/* ccw and css: a subchannel address <cssid>, <ssid>, <devno> */

#define NODE_DEV_CCW_FIELDS(type) \
    NODE_DEV_HEX("cssid", type, cssid, 0, 0, 0), \
    NODE_DEV_HEX("ssid", type, ssid, 0, 0, 0), \
    NODE_DEV_HEX("devno", type, devno, 16, 4, 0)

static const virNodeDevField virNodeDevCCWFields[] = {
    NODE_DEV_CCW_FIELDS(virNodeDevCapCCW),
};

static const virNodeDevField virNodeDevChannelFields[] = {
    NODE_DEV_CCW_FIELDS(virNodeDevCCWAddress),
};

void
virNodeDevCapCCWClear(virNodeDevCapData *data)
{
    virNodeDevMdevTypeListFree(data->ccw_dev.mdev_types,
                               data->ccw_dev.nmdev_types);
    g_free(data->ccw_dev.channel_dev_addr);
}


int
virNodeDevCapCCWParseXML(xmlXPathContextPtr ctxt,
                         const virNodeDevParseInfo *info,
                         virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevCCWFields, &data->ccw_dev);
}


void
virNodeDevCapCCWFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevCCWFields, &data->ccw_dev);
}


int
virNodeDevCapCSSParseXML(xmlXPathContextPtr ctxt,
                         const virNodeDevParseInfo *info,
                         virNodeDevCapData *data)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    virNodeDevCapCCW *ccw = &data->ccw_dev;
    int rc;

    if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevCCWFields, ccw) < 0)
        return -1;

    if ((rc = virNodeDevMdevTypesCapsParseXML(ctxt, &ccw->mdev_types,
                                              &ccw->nmdev_types)) < 0)
        return -1;
    if (rc > 0)
        ccw->flags |= VIR_NODE_DEV_CAP_FLAG_CSS_MDEV;

    if ((ctxt->node = virXPathNode("./channel_dev_addr[1]", ctxt))) {
        g_autofree virNodeDevCCWAddress *addr = g_new0(virNodeDevCCWAddress, 1);

        if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevChannelFields, addr) < 0)
            return -1;
        ccw->channel_dev_addr = g_steal_pointer(&addr);
    }
    return 0;
}


void
virNodeDevCapCSSFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapCCW *ccw = &data->ccw_dev;

    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevCCWFields, ccw);
    if (ccw->channel_dev_addr) {
        virBufferAddLit(buf, "<channel_dev_addr>\n");
        virBufferAdjustIndent(buf, 2);
        NODE_DEV_FIELDS_FORMAT(buf, virNodeDevChannelFields,
                               ccw->channel_dev_addr);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</channel_dev_addr>\n");
    }
    if (ccw->flags & VIR_NODE_DEV_CAP_FLAG_CSS_MDEV)
        virNodeDevMdevTypesFormat(buf, ccw->mdev_types, ccw->nmdev_types);
}


/* vdpa (never parsed: the node device driver fills it) */

void
virNodeDevCapVDPAClear(virNodeDevCapData *data)
{
    g_free(data->vdpa.chardev);
}


void
virNodeDevCapVDPAFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    virBufferEscapeString(buf, "<chardev>%s</chardev>\n", data->vdpa.chardev);
}


/* ap_card, ap_queue, ap_matrix */

static const virNodeDevField virNodeDevAPCardFields[] = {
    NODE_DEV_HEX("ap-adapter", virNodeDevCapAPCard, ap_adapter, 0, 2, 0),
};

static const virNodeDevField virNodeDevAPQueueFields[] = {
    NODE_DEV_HEX("ap-adapter", virNodeDevCapAPQueue, ap_adapter, 0, 2, 0),
    NODE_DEV_HEX("ap-domain", virNodeDevCapAPQueue, ap_domain, 0, 4, 255),
};

int
virNodeDevCapAPCardParseXML(xmlXPathContextPtr ctxt,
                            const virNodeDevParseInfo *info,
                            virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevAPCardFields,
                                 &data->ap_card);
}


void
virNodeDevCapAPCardFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevAPCardFields, &data->ap_card);
}


int
virNodeDevCapAPQueueParseXML(xmlXPathContextPtr ctxt,
                             const virNodeDevParseInfo *info,
                             virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevAPQueueFields,
                                 &data->ap_queue);
}


void
virNodeDevCapAPQueueFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevAPQueueFields, &data->ap_queue);
}


void
virNodeDevCapAPMatrixClear(virNodeDevCapData *data)
{
    g_free(data->ap_matrix.addr);
    virNodeDevMdevTypeListFree(data->ap_matrix.mdev_types,
                               data->ap_matrix.nmdev_types);
}


int
virNodeDevCapAPMatrixParseXML(xmlXPathContextPtr ctxt,
                              const virNodeDevParseInfo *info G_GNUC_UNUSED,
                              virNodeDevCapData *data)
{
    virNodeDevCapAPMatrix *matrix = &data->ap_matrix;
    int rc;

    if ((rc = virNodeDevMdevTypesCapsParseXML(ctxt, &matrix->mdev_types,
                                              &matrix->nmdev_types)) < 0)
        return -1;
    if (rc > 0)
        matrix->flags |= VIR_NODE_DEV_CAP_FLAG_AP_MATRIX_MDEV;
    return 0;
}


void
virNodeDevCapAPMatrixFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    if (data->ap_matrix.flags & VIR_NODE_DEV_CAP_FLAG_AP_MATRIX_MDEV)
        virNodeDevMdevTypesFormat(buf, data->ap_matrix.mdev_types,
                                  data->ap_matrix.nmdev_types);
}
