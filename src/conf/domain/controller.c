/*
 * controller.c: the <controller> device.
 */
#include "internal.h"
#include "conf/domain/controller.h"
#include "conf/domain/domain_def.h"
#include "conf/domain/memory.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainController, VIR_DOMAIN_CONTROLLER_TYPE_LAST,
              "ide", "fdc", "scsi", "sata", "virtio-serial", "ccid", "usb",
              "pci", "xenbus", "isa");
VIR_ENUM_DECL(virDomainControllerModelPCI);
VIR_ENUM_IMPL(virDomainControllerModelPCI, 10,
              "pci-root", "pcie-root", "pci-bridge", "dmi-to-pci-bridge",
              "pcie-to-pci-bridge", "pcie-root-port", "pcie-switch-upstream-port",
              "pcie-switch-downstream-port", "pci-expander-bus", "pcie-expander-bus");
VIR_ENUM_DECL(virDomainControllerModelSCSI);
VIR_ENUM_IMPL(virDomainControllerModelSCSI, 13,
              "auto", "buslogic", "lsilogic", "lsisas1068", "vmpvscsi", "ibmvscsi",
              "virtio-scsi", "lsisas1078", "virtio-transitional",
              "virtio-non-transitional", "ncr53c90", "dc390", "am53c974");
VIR_ENUM_DECL(virDomainControllerModelUSB);
VIR_ENUM_IMPL(virDomainControllerModelUSB, 14,
              "piix3-uhci", "piix4-uhci", "ehci", "ich9-ehci1", "ich9-uhci1",
              "ich9-uhci2", "ich9-uhci3", "vt82c686b-uhci", "pci-ohci", "nec-xhci",
              "qusb1", "qusb2", "qemu-xhci", "none");
VIR_ENUM_DECL(virDomainControllerModelIDE);
VIR_ENUM_IMPL(virDomainControllerModelIDE, 3, "piix3", "piix4", "ich6");
VIR_ENUM_DECL(virDomainControllerModelVirtioSerial);
VIR_ENUM_IMPL(virDomainControllerModelVirtioSerial, 3,
              "virtio", "virtio-transitional", "virtio-non-transitional");
VIR_ENUM_DECL(virDomainControllerPCIModelName);
VIR_ENUM_IMPL(virDomainControllerPCIModelName, 11,
              "none", "pci-bridge", "i82801b11-bridge", "ioh3420", "x3130-upstream",
              "xio3130-downstream", "pxb", "pxb-pcie", "pcie-root-port",
              "spapr-pci-host-bridge", "pcie-pci-bridge");

#define USB_MODEL_ICH9_EHCI1 3
#define USB_MODEL_ICH9_UHCI1 4
#define USB_MODEL_ICH9_UHCI3 6
#define USB_MODEL_NONE VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE
#define PCI_MODEL_PCIE_ROOT 1

/* The model enum of each controller type; NULL for types without one. */
static const struct {
    int (*fromString)(const char *);
    const char *(*toString)(int);
} controllerModels[VIR_DOMAIN_CONTROLLER_TYPE_LAST] = {
    [VIR_DOMAIN_CONTROLLER_TYPE_IDE] = { virDomainControllerModelIDETypeFromString,
                                         virDomainControllerModelIDETypeToString },
    [VIR_DOMAIN_CONTROLLER_TYPE_SCSI] = { virDomainControllerModelSCSITypeFromString,
                                          virDomainControllerModelSCSITypeToString },
    [VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL] = {
        virDomainControllerModelVirtioSerialTypeFromString,
        virDomainControllerModelVirtioSerialTypeToString },
    [VIR_DOMAIN_CONTROLLER_TYPE_USB] = { virDomainControllerModelUSBTypeFromString,
                                         virDomainControllerModelUSBTypeToString },
    [VIR_DOMAIN_CONTROLLER_TYPE_PCI] = { virDomainControllerModelPCITypeFromString,
                                         virDomainControllerModelPCITypeToString },
};

virDomainControllerDef *
virDomainControllerDefNew(unsigned int type)
{
    virDomainControllerDef *def = g_new0(virDomainControllerDef, 1);

    def->type = type;
    def->model = -1;
    def->idx = -1;
    def->ports = def->vectors = -1;
    def->chassisNr = def->chassis = def->port = def->busNr = -1;
    def->targetIndex = def->numaNode = -1;
    def->maxGrantFrames = def->maxEventChannels = -1;
    return def;
}


void
virDomainControllerDefFree(void *dev)
{
    virDomainControllerDef *def = dev;

    if (!def)
        return;
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainControllerDef, virDomainControllerDefFree);


bool
virDomainControllerIsUSB2(const virDomainControllerDef *cont)
{
    return cont->type == VIR_DOMAIN_CONTROLLER_TYPE_USB &&
        cont->model >= USB_MODEL_ICH9_EHCI1 && cont->model <= USB_MODEL_ICH9_UHCI3;
}


/* Where libvirt puts a controller it parses: before the first one of the
 * same type with a higher index (or the same index and a <master>, when
 * this one has none), else after the last of its type, else at the end. */
static ssize_t
virDomainControllerInsertPosScan(const virDomainDef *def,
                                 const virDomainControllerDef *cont)
{
    ssize_t pos = -1;
    ssize_t i;

    for (i = (ssize_t)def->ncontrollers - 1; i >= 0; i--) {
        const virDomainControllerDef *cur = def->controllers[i];

        if (cur->type != cont->type)
            continue;
        if (cont->idx == -1)
            return i + 1;
        if (cur->idx > cont->idx ||
            (!cont->info.hasMaster && cur->info.hasMaster && cur->idx == cont->idx))
            pos = i;
        else if (pos == -1)
            pos = i + 1;
    }
    return pos;
}


/*
 * The scan costs the whole list for every controller, which made a
 * document of 48,070 controllers take seconds.  While one document is
 * parsed, the list holds only the controllers inserted by this rule, so
 * each type's controllers are one run and the runs come in the order the
 * types first appeared.  A controller without an index, or with one above
 * every index of its type, then goes at the end of its run, found from
 * the run lengths; only other controllers need the scan.  If the list
 * holds controllers this state did not count, the scan is always used.
 */
typedef struct {
    unsigned int order[VIR_DOMAIN_CONTROLLER_TYPE_LAST]; /* by first appearance */
    size_t ntypes;
    size_t count[VIR_DOMAIN_CONTROLLER_TYPE_LAST];
    int maxIdx[VIR_DOMAIN_CONTROLLER_TYPE_LAST];
    size_t total;
} virDomainControllerInsertState;

ssize_t
virDomainControllerInsertPos(const virDomainDef *def, const void *dev, void **state)
{
    const virDomainControllerDef *cont = dev;
    virDomainControllerInsertState *st = *state;
    unsigned int type = cont->type;
    ssize_t pos = -2;
    size_t i;

    if (!st) {
        st = g_new0(virDomainControllerInsertState, 1);
        *state = st;
        st->total = def->ncontrollers;
        if (st->total)
            st->ntypes = SIZE_MAX;          /* not ours: always scan */
    }
    if (type >= VIR_DOMAIN_CONTROLLER_TYPE_LAST || st->ntypes == SIZE_MAX ||
        st->total != def->ncontrollers)
        return virDomainControllerInsertPosScan(def, cont);

    if (st->count[type] == 0) {
        st->order[st->ntypes++] = type;
        st->maxIdx[type] = cont->idx;
        pos = -1;
    } else if (cont->idx == -1 || cont->idx > st->maxIdx[type]) {
        pos = 0;
        for (i = 0; i < st->ntypes; i++) {
            pos += st->count[st->order[i]];
            if (st->order[i] == type)
                break;
        }
    } else {
        pos = virDomainControllerInsertPosScan(def, cont);
    }
    st->count[type]++;
    st->total++;
    st->maxIdx[type] = MAX(st->maxIdx[type], cont->idx);
    return pos;
}


static int
virDomainControllerDriverParseXML(virDomainControllerDef *def, xmlNodePtr driver)
{
    if (virXMLPropUInt(driver, "queues", 10, VIR_XML_PROP_NONE, &def->queues) < 0 ||
        virXMLPropUInt(driver, "cmd_per_lun", 10, VIR_XML_PROP_NONE, &def->cmdPerLun) < 0 ||
        virXMLPropUInt(driver, "max_sectors", 10, VIR_XML_PROP_NONE, &def->maxSectors) < 0 ||
        virXMLPropTristateSwitch(driver, "ioeventfd", VIR_XML_PROP_NONE, &def->ioeventfd) < 0 ||
        virXMLPropUInt(driver, "iothread", 10, VIR_XML_PROP_NONE, &def->iothread) < 0 ||
        virXMLPropTristateSwitch(driver, "iommu", VIR_XML_PROP_NONE, &def->iommu) < 0 ||
        virXMLPropTristateSwitch(driver, "ats", VIR_XML_PROP_NONE, &def->ats) < 0 ||
        virXMLPropTristateSwitch(driver, "packed", VIR_XML_PROP_NONE, &def->packed) < 0 ||
        virXMLPropTristateSwitch(driver, "page_per_vq", VIR_XML_PROP_NONE,
                                 &def->pagePerVQ) < 0)
        return -1;
    return 0;
}


static int
virDomainControllerPCIParseXML(virDomainControllerDef *def, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *models = NULL;
    g_autofree xmlNodePtr *targets = NULL;
    unsigned long long bytes;
    int n, rc;

    if ((n = virXPathNodeSet("./model", ctxt, &models)) > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Multiple <model> elements in controller definition not allowed");
        return -1;
    }
    if (n == 1 && def->type == VIR_DOMAIN_CONTROLLER_TYPE_PCI &&
        virXMLPropEnum(models[0], "name", virDomainControllerPCIModelNameTypeFromString,
                       VIR_XML_PROP_NONE, &def->modelName) < 0)
        return -1;
    if ((n = virXPathNodeSet("./target", ctxt, &targets)) > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Multiple <target> elements in controller definition not allowed");
        return -1;
    }
    if (n == 1 && def->type == VIR_DOMAIN_CONTROLLER_TYPE_PCI &&
        (virXMLPropInt(targets[0], "chassisNr", 0, VIR_XML_PROP_NONNEGATIVE,
                       &def->chassisNr, -1) < 0 ||
         virXMLPropInt(targets[0], "chassis", 0, VIR_XML_PROP_NONNEGATIVE,
                       &def->chassis, -1) < 0 ||
         virXMLPropInt(targets[0], "port", 0, VIR_XML_PROP_NONNEGATIVE, &def->port, -1) < 0 ||
         virXMLPropInt(targets[0], "busNr", 0, VIR_XML_PROP_NONNEGATIVE, &def->busNr, -1) < 0 ||
         virXMLPropTristateSwitch(targets[0], "hotplug", VIR_XML_PROP_NONE, &def->hotplug) < 0 ||
         virXMLPropInt(targets[0], "index", 0, VIR_XML_PROP_NONNEGATIVE,
                       &def->targetIndex, -1) < 0))
        return -1;
    rc = virXPathInt("string(./target/node)", ctxt, &def->numaNode);
    if (rc == -2 || (rc == 0 && def->numaNode < 0)) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "invalid NUMA node in target");
        return -1;
    }
    if (rc < 0 || def->type != VIR_DOMAIN_CONTROLLER_TYPE_PCI)
        def->numaNode = -1;
    if (def->type == VIR_DOMAIN_CONTROLLER_TYPE_PCI && def->model >= 0 &&
        def->model <= PCI_MODEL_PCIE_ROOT) {
        if ((rc = virDomainParseScaledValue("./pcihole64", NULL, ctxt, &bytes, 1024,
                                            1024ULL * ULONG_MAX, false)) < 0)
            return -1;
        def->pcihole64 = rc == 1;
        def->pcihole64Size = bytes / 1024 + (bytes % 1024 ? 1 : 0);
    }
    return 0;
}


static int
virDomainControllerTypeOptsParseXML(virDomainControllerDef *def, xmlNodePtr node)
{
    int ports;
    static const int usbMasterPorts[] = { [4] = 0, [5] = 2, [6] = 4 };

    if (virXMLPropInt(node, "ports", 10, VIR_XML_PROP_NONNEGATIVE, &ports, -1) < 0)
        return -1;
    switch ((virDomainControllerType)def->type) {
    case VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL:
        def->ports = ports;
        return virXMLPropInt(node, "vectors", 10, VIR_XML_PROP_NONNEGATIVE,
                             &def->vectors, -1) < 0 ? -1 : 0;
    case VIR_DOMAIN_CONTROLLER_TYPE_USB:
        def->ports = ports;
        /* ICH9 UHCI companions have an implicit master start port */
        if (def->model >= USB_MODEL_ICH9_UHCI1 && def->model <= USB_MODEL_ICH9_UHCI3 &&
            !def->info.hasMaster) {
            def->info.hasMaster = true;
            def->info.masterStartport = usbMasterPorts[def->model];
        }
        return 0;
    case VIR_DOMAIN_CONTROLLER_TYPE_XENBUS:
        if (virXMLPropInt(node, "maxGrantFrames", 10, VIR_XML_PROP_NONNEGATIVE,
                          &def->maxGrantFrames, -1) < 0 ||
            virXMLPropInt(node, "maxEventChannels", 10, VIR_XML_PROP_NONNEGATIVE,
                          &def->maxEventChannels, -1) < 0)
            return -1;
        return 0;
    default:
        return 0;
    }
}


void *
virDomainControllerDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                               const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainControllerDef) def = NULL;
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *model = NULL;
    unsigned int type = 0;
    xmlNodePtr driver;

    ctxt->node = node;
    if (virXMLPropEnum(node, "type", virDomainControllerTypeFromString,
                       VIR_XML_PROP_NONE, &type) < 0)
        return NULL;
    def = virDomainControllerDefNew(type);
    if ((model = virXMLPropString(node, "model"))) {
        if (!controllerModels[type].fromString ||
            (def->model = controllerModels[type].fromString(model)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Unknown model type '%s'", model);
            return NULL;
        }
    }
    if (virXMLPropInt(node, "index", 10, VIR_XML_PROP_NONNEGATIVE, &def->idx, -1) < 0)
        return NULL;
    if ((driver = virXPathNode("./driver", ctxt)) &&
        virDomainControllerDriverParseXML(def, driver) < 0)
        return NULL;
    if (virDomainControllerPCIParseXML(def, ctxt) < 0)
        return NULL;
    /* a 'none' USB controller has no address */
    if (!(def->type == VIR_DOMAIN_CONTROLLER_TYPE_USB && def->model == USB_MODEL_NONE) &&
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    if (virDomainControllerTypeOptsParseXML(def, node) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


static void
virDomainControllerPCIFormat(virBuffer *buf, const virDomainControllerDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (def->modelName)
        virBufferAsprintf(buf, "<model name='%s'/>\n",
                          virDomainControllerPCIModelNameTypeToString(def->modelName));
    if (def->chassisNr != -1)
        virBufferAsprintf(&attrBuf, " chassisNr='%d'", def->chassisNr);
    if (def->chassis != -1)
        virBufferAsprintf(&attrBuf, " chassis='%d'", def->chassis);
    if (def->port != -1)
        virBufferAsprintf(&attrBuf, " port='0x%x'", def->port);
    if (def->busNr != -1)
        virBufferAsprintf(&attrBuf, " busNr='%d'", def->busNr);
    if (def->targetIndex != -1)
        virBufferAsprintf(&attrBuf, " index='%d'", def->targetIndex);
    if (def->hotplug)
        virBufferAsprintf(&attrBuf, " hotplug='%s'", virTristateSwitchTypeToString(def->hotplug));
    if (def->numaNode != -1)
        virBufferAsprintf(&childBuf, "<node>%d</node>\n", def->numaNode);
    virBufferFormatElement(buf, "target", &attrBuf, &childBuf);
}


static void
virDomainControllerDriverFormat(virBuffer *buf, const virDomainControllerDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;

    if (def->queues)
        virBufferAsprintf(&attrBuf, " queues='%u'", def->queues);
    if (def->cmdPerLun)
        virBufferAsprintf(&attrBuf, " cmd_per_lun='%u'", def->cmdPerLun);
    if (def->maxSectors)
        virBufferAsprintf(&attrBuf, " max_sectors='%u'", def->maxSectors);
    if (def->ioeventfd)
        virBufferAsprintf(&attrBuf, " ioeventfd='%s'", virTristateSwitchTypeToString(def->ioeventfd));
    if (def->iothread)
        virBufferAsprintf(&attrBuf, " iothread='%u'", def->iothread);
    if (def->iommu)
        virBufferAsprintf(&attrBuf, " iommu='%s'", virTristateSwitchTypeToString(def->iommu));
    if (def->ats)
        virBufferAsprintf(&attrBuf, " ats='%s'", virTristateSwitchTypeToString(def->ats));
    if (def->packed)
        virBufferAsprintf(&attrBuf, " packed='%s'", virTristateSwitchTypeToString(def->packed));
    if (def->pagePerVQ)
        virBufferAsprintf(&attrBuf, " page_per_vq='%s'",
                          virTristateSwitchTypeToString(def->pagePerVQ));
    virBufferFormatElement(buf, "driver", &attrBuf, NULL);
}


int
virDomainControllerDefFormat(virBuffer *buf, const void *dev,
                             const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainControllerDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&attrBuf, " type='%s' index='%d'",
                      virDomainControllerTypeToString(def->type), def->idx);
    if (def->model != -1)
        virBufferEscapeString(&attrBuf, " model='%s'",
                              controllerModels[def->type].toString(def->model));
    switch ((virDomainControllerType)def->type) {
    case VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL:
        if (def->ports != -1)
            virBufferAsprintf(&attrBuf, " ports='%d'", def->ports);
        if (def->vectors != -1)
            virBufferAsprintf(&attrBuf, " vectors='%d'", def->vectors);
        break;
    case VIR_DOMAIN_CONTROLLER_TYPE_USB:
        if (def->ports != -1)
            virBufferAsprintf(&attrBuf, " ports='%d'", def->ports);
        break;
    case VIR_DOMAIN_CONTROLLER_TYPE_XENBUS:
        if (def->maxGrantFrames != -1)
            virBufferAsprintf(&attrBuf, " maxGrantFrames='%d'", def->maxGrantFrames);
        if (def->maxEventChannels != -1)
            virBufferAsprintf(&attrBuf, " maxEventChannels='%d'", def->maxEventChannels);
        break;
    case VIR_DOMAIN_CONTROLLER_TYPE_PCI:
        virDomainControllerPCIFormat(&childBuf, def);
        break;
    default:
        break;
    }
    virDomainControllerDriverFormat(&childBuf, def);
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    if (def->type == VIR_DOMAIN_CONTROLLER_TYPE_PCI && def->pcihole64)
        virBufferAsprintf(&childBuf, "<pcihole64 unit='KiB'>%llu</pcihole64>\n",
                          def->pcihole64Size);
    virBufferFormatElement(buf, "controller", &attrBuf, &childBuf);
    return 0;
}
