/*
 * node_device_conf.c: the node device document: enum tables, the
 * per-capability-kind ops table, <device> parse/format/free and the
 * nodedev xml2xml category.  The kinds themselves are in
 * node_device_pci.c and node_device_caps.c.
 */
#include "internal.h"
#include "conf/node_device_conf.h"
#include "conf/node_device_conf_priv.h"
#include "conf/virxmlcategory.h"
#include "util/virbuffer.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

VIR_ENUM_IMPL(virNodeDevDevnode,
              VIR_NODE_DEV_DEVNODE_LAST,
              "dev", "link");

VIR_ENUM_IMPL(virNodeDevCap,
              VIR_NODE_DEV_CAP_LAST,
              "system", "pci", "usb_device", "usb", "net", "scsi_host",
              "scsi_target", "scsi", "storage", "fc_host", "vports",
              "scsi_generic", "drm", "mdev_types", "mdev", "ccw", "css",
              "vdpa", "ap_card", "ap_queue", "ap_matrix", "vpd");

VIR_ENUM_IMPL(virNodeDevNetCap,
              VIR_NODE_DEV_CAP_NET_LAST,
              "80203", "80211");

VIR_ENUM_IMPL(virNodeDevDRM,
              VIR_NODE_DEV_DRM_LAST,
              "primary", "control", "render");

VIR_ENUM_IMPL(virNodeDevPCIELinkSpeed,
              VIR_NODE_DEV_PCIE_LINK_SPEED_LAST,
              "", "2.5", "5", "8", "16", "32", "64");

VIR_ENUM_IMPL(virNodeDevPCIHeader,
              VIR_NODE_DEV_PCI_HEADER_LAST,
              "endpoint", "pci-bridge", "cardbus-bridge");

VIR_ENUM_IMPL(virNodeDevNetFeature,
              VIR_NODE_DEV_NET_FEAT_LAST,
              "rx", "tx", "sg", "tso", "gso", "gro", "lro", "rxvlan",
              "txvlan", "ntuple", "rxhash", "rdma", "txudptnl", "switchdev");

VIR_ENUM_IMPL(virNodeDevLinkState,
              VIR_NODE_DEV_LINK_STATE_LAST,
              "", "unknown", "notpresent", "down", "lowerlayerdown",
              "testing", "dormant", "up");


/* ------------------------------------------------------------------ */
/* Per-kind operations                                                 */
/* ------------------------------------------------------------------ */

typedef struct {
    /* Read the <capability> at ctxt->node; NULL: the kind is refused in
     * documents (the node device driver fills it from the host). */
    int (*parse)(xmlXPathContextPtr ctxt, const virNodeDevParseInfo *info,
                 virNodeDevCapData *data);
    /* Write the children of <capability type='...'>; NULL: none. */
    void (*format)(virBuffer *buf, const virNodeDevCapData *data);
    /* Free what the data owns; NULL: nothing. */
    void (*clear)(virNodeDevCapData *data);
} virNodeDevCapOps;

static const virNodeDevCapOps virNodeDevCapOpsTable[] = {
    [VIR_NODE_DEV_CAP_SYSTEM] = {
        virNodeDevCapSystemParseXML, virNodeDevCapSystemFormat,
        virNodeDevCapSystemClear },
    [VIR_NODE_DEV_CAP_PCI_DEV] = {
        virNodeDevCapPCIParseXML, virNodeDevCapPCIFormat,
        virNodeDevCapPCIClear },
    [VIR_NODE_DEV_CAP_USB_DEV] = {
        virNodeDevCapUSBDevParseXML, virNodeDevCapUSBDevFormat,
        virNodeDevCapUSBDevClear },
    [VIR_NODE_DEV_CAP_USB_INTERFACE] = {
        virNodeDevCapUSBIfParseXML, virNodeDevCapUSBIfFormat,
        virNodeDevCapUSBIfClear },
    [VIR_NODE_DEV_CAP_NET] = {
        virNodeDevCapNetParseXML, virNodeDevCapNetFormat,
        virNodeDevCapNetClear },
    [VIR_NODE_DEV_CAP_SCSI_HOST] = {
        virNodeDevCapSCSIHostParseXML, virNodeDevCapSCSIHostFormat,
        virNodeDevCapSCSIHostClear },
    [VIR_NODE_DEV_CAP_SCSI_TARGET] = {
        virNodeDevCapSCSITargetParseXML, virNodeDevCapSCSITargetFormat,
        virNodeDevCapSCSITargetClear },
    [VIR_NODE_DEV_CAP_SCSI] = {
        virNodeDevCapSCSIParseXML, virNodeDevCapSCSIFormat,
        virNodeDevCapSCSIClear },
    [VIR_NODE_DEV_CAP_STORAGE] = {
        virNodeDevCapStorageParseXML, virNodeDevCapStorageFormat,
        virNodeDevCapStorageClear },
    [VIR_NODE_DEV_CAP_FC_HOST] = { NULL, NULL, NULL },
    [VIR_NODE_DEV_CAP_VPORTS] = { NULL, NULL, NULL },
    [VIR_NODE_DEV_CAP_SCSI_GENERIC] = {
        NULL, virNodeDevCapSCSIGenericFormat, virNodeDevCapSCSIGenericClear },
    [VIR_NODE_DEV_CAP_DRM] = {
        virNodeDevCapDRMParseXML, virNodeDevCapDRMFormat, NULL },
    [VIR_NODE_DEV_CAP_MDEV_TYPES] = {
        NULL, virNodeDevCapMdevParentFormat, virNodeDevCapMdevParentClear },
    [VIR_NODE_DEV_CAP_MDEV] = {
        virNodeDevCapMdevParseXML, virNodeDevCapMdevFormat,
        virNodeDevCapMdevClear },
    [VIR_NODE_DEV_CAP_CCW_DEV] = {
        virNodeDevCapCCWParseXML, virNodeDevCapCCWFormat,
        virNodeDevCapCCWClear },
    [VIR_NODE_DEV_CAP_CSS_DEV] = {
        virNodeDevCapCSSParseXML, virNodeDevCapCSSFormat,
        virNodeDevCapCCWClear },
    [VIR_NODE_DEV_CAP_VDPA] = {
        NULL, virNodeDevCapVDPAFormat, virNodeDevCapVDPAClear },
    [VIR_NODE_DEV_CAP_AP_CARD] = {
        virNodeDevCapAPCardParseXML, virNodeDevCapAPCardFormat, NULL },
    [VIR_NODE_DEV_CAP_AP_QUEUE] = {
        virNodeDevCapAPQueueParseXML, virNodeDevCapAPQueueFormat, NULL },
    [VIR_NODE_DEV_CAP_AP_MATRIX] = {
        virNodeDevCapAPMatrixParseXML, virNodeDevCapAPMatrixFormat,
        virNodeDevCapAPMatrixClear },
    [VIR_NODE_DEV_CAP_VPD] = { NULL, NULL, NULL },
};
G_STATIC_ASSERT(G_N_ELEMENTS(virNodeDevCapOpsTable) == VIR_NODE_DEV_CAP_LAST);


void
virNodeDevCapsDefFree(virNodeDevCapsDef *caps)
{
    const virNodeDevCapOps *ops;

    if (!caps)
        return;
    ops = &virNodeDevCapOpsTable[caps->data.type];
    if (ops->clear)
        ops->clear(&caps->data);
    g_free(caps);
}


static virNodeDevCapsDef *
virNodeDevCapsDefParseXML(xmlXPathContextPtr ctxt,
                          const virNodeDevParseInfo *info,
                          xmlNodePtr node)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virNodeDevCapsDef) caps = g_new0(virNodeDevCapsDef, 1);
    const virNodeDevCapOps *ops;
    unsigned int type;

    if (virXMLPropEnum(node, "type", virNodeDevCapTypeFromString,
                       VIR_XML_PROP_REQUIRED, &type) < 0)
        return NULL;
    caps->data.type = type;
    ops = &virNodeDevCapOpsTable[type];

    if (!ops->parse) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unknown capability type '%d' for '%s'",
                       (int)type, info->name);
        return NULL;
    }

    ctxt->node = node;
    if (ops->parse(ctxt, info, &caps->data) < 0)
        return NULL;
    return g_steal_pointer(&caps);
}


static void
virNodeDevCapsDefFormat(virBuffer *buf, const virNodeDevCapsDef *caps)
{
    const virNodeDevCapOps *ops = &virNodeDevCapOpsTable[caps->data.type];

    virBufferAsprintf(buf, "<capability type='%s'>\n",
                      virNodeDevCapTypeToString(caps->data.type));
    virBufferAdjustIndent(buf, 2);
    if (ops->format)
        ops->format(buf, &caps->data);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</capability>\n");
}


/* ------------------------------------------------------------------ */
/* The <device> document                                               */
/* ------------------------------------------------------------------ */

void
virNodeDeviceDefFree(virNodeDeviceDef *def)
{
    virNodeDevCapsDef *caps;

    if (!def)
        return;

    g_free(def->name);
    g_free(def->sysfs_path);
    g_free(def->parent);
    g_free(def->parent_sysfs_path);
    g_free(def->parent_wwnn);
    g_free(def->parent_wwpn);
    g_free(def->parent_fabric_wwn);
    g_free(def->driver);
    g_free(def->devnode);
    g_strfreev(def->devlinks);

    while ((caps = def->caps)) {
        def->caps = caps->next;
        virNodeDevCapsDefFree(caps);
    }
    g_free(def);
}


/* <devnode type='dev'> (the last one wins) and <devnode type='link'>. */
static int
virNodeDeviceDevnodesParseXML(xmlXPathContextPtr ctxt, virNodeDeviceDef *def)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t nlinks = 0;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./devnode", ctxt, &nodes)) < 0)
        return -1;

    def->devlinks = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        unsigned int type;
        char *content;

        if (virXMLPropEnum(nodes[i], "type", virNodeDevDevnodeTypeFromString,
                           VIR_XML_PROP_REQUIRED, &type) < 0 ||
            !(content = virXMLNodeContentString(nodes[i])))
            return -1;

        if (type == VIR_NODE_DEV_DEVNODE_DEV) {
            g_free(def->devnode);
            def->devnode = content;
        } else {
            def->devlinks[nlinks++] = content;
        }
    }
    return 0;
}


/* <parent wwnn= wwpn= fabric_wwn=>name</parent> */
static int
virNodeDeviceParentParseXML(xmlXPathContextPtr ctxt, virNodeDeviceDef *def)
{
    def->parent = virXPathString("./parent[1]", ctxt);
    def->parent_wwnn = virXPathString("./parent[1]/@wwnn", ctxt);
    def->parent_wwpn = virXPathString("./parent[1]/@wwpn", ctxt);

    if (def->parent_wwnn && !def->parent_wwpn) {
        virReportError(VIR_ERR_XML_ERROR,
                       "when providing parent wwnn='%s', the wwpn must also be provided",
                       def->parent_wwnn);
        return -1;
    }
    if (!def->parent_wwnn && def->parent_wwpn) {
        virReportError(VIR_ERR_XML_ERROR,
                       "when providing parent wwpn='%s', the wwnn must also be provided",
                       def->parent_wwpn);
        return -1;
    }
    def->parent_fabric_wwn = virXPathString("./parent[1]/@fabric_wwn", ctxt);
    return 0;
}


virNodeDeviceDef *
virNodeDeviceDefParseXML(xmlXPathContextPtr ctxt, bool create,
                         const char *virt_type)
{
    g_autoptr(virNodeDeviceDef) def = g_new0(virNodeDeviceDef, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    virNodeDevParseInfo info = { NULL, create, virt_type };
    virNodeDevCapsDef **next = &def->caps;
    int n;
    size_t i;

    if (create) {
        def->name = g_strdup("new device");
    } else if (!(def->name = virXPathString("./name[1]", ctxt))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return NULL;
    }
    info.name = def->name;

    def->sysfs_path = virXPathString("./path[1]", ctxt);
    if (virNodeDeviceDevnodesParseXML(ctxt, def) < 0 ||
        virNodeDeviceParentParseXML(ctxt, def) < 0)
        return NULL;

    if ((n = virXPathNodeSet("./capability", ctxt, &nodes)) < 0)
        return NULL;
    if (n == 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "no device capabilities for '%s'", def->name);
        return NULL;
    }
    for (i = 0; i < n; i++) {
        if (!(*next = virNodeDevCapsDefParseXML(ctxt, &info, nodes[i])))
            return NULL;
        next = &(*next)->next;
    }
    return g_steal_pointer(&def);
}


virNodeDeviceDef *
virNodeDeviceDefParse(const char *str, const char *filename, bool create,
                      const char *virt_type,
                      virNodeDeviceDefParserCallbacks *parserCallbacks,
                      void *opaque, bool validate)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autoptr(virNodeDeviceDef) def = NULL;

    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, filename, str,
                                  "(node_device_definition)", "device",
                                  &ctxt, "nodedev.rng", validate)) ||
        !(def = virNodeDeviceDefParseXML(ctxt, create, virt_type)))
        return NULL;

    if (parserCallbacks) {
        if (parserCallbacks->postParse &&
            parserCallbacks->postParse(def, opaque) < 0)
            return NULL;
        if (parserCallbacks->validate &&
            parserCallbacks->validate(def, opaque) < 0)
            return NULL;
    }
    return g_steal_pointer(&def);
}


char *
virNodeDeviceDefFormat(const virNodeDeviceDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    const virNodeDevCapsDef *caps;
    size_t i;

    virBufferAddLit(&buf, "<device>\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferEscapeString(&buf, "<path>%s</path>\n", def->sysfs_path);
    virBufferEscapeString(&buf, "<devnode type='dev'>%s</devnode>\n",
                          def->devnode);
    for (i = 0; def->devlinks && def->devlinks[i]; i++)
        virBufferEscapeString(&buf, "<devnode type='link'>%s</devnode>\n",
                              def->devlinks[i]);
    virBufferEscapeString(&buf, "<parent>%s</parent>\n", def->parent);
    if (def->driver) {
        virBufferAddLit(&buf, "<driver>\n");
        virBufferAdjustIndent(&buf, 2);
        virBufferEscapeString(&buf, "<name>%s</name>\n", def->driver);
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</driver>\n");
    }
    for (caps = def->caps; caps; caps = caps->next)
        virNodeDevCapsDefFormat(&buf, caps);
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</device>\n");

    return virBufferContentAndReset(&buf);
}


int
virNodeDeviceGetWWNs(virNodeDeviceDef *def, char **wwnn, char **wwpn)
{
    virNodeDevCapsDef *caps;

    for (caps = def->caps; caps; caps = caps->next) {
        if (caps->data.type == VIR_NODE_DEV_CAP_SCSI_HOST &&
            (caps->data.scsi_host.flags & VIR_NODE_DEV_CAP_FLAG_HBA_FC_HOST)) {
            *wwnn = g_strdup(caps->data.scsi_host.wwnn);
            *wwpn = g_strdup(caps->data.scsi_host.wwpn);
            return 0;
        }
    }
    virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                   "Device is not a fibre channel HBA");
    return -1;
}


static char *
nodedevRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(virNodeDeviceDef) def = NULL;

    if (!(def = virNodeDeviceDefParse(xml, NULL, false, NULL, NULL, NULL, false)))
        return NULL;
    return virNodeDeviceDefFormat(def);
}

const virXMLCategory virNodeDeviceXMLCategory = { "nodedev", nodedevRoundtrip };
