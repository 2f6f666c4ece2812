/*
 * node_device_pci.c: PCI devices: their addresses, vendor/product ids,
 * <pci-express> links, SR-IOV functions, Vital Product Data and the
 * mediated device types they (and ccw/css/ap devices) offer.
 */
#include "internal.h"
#include "conf/node_device_conf_priv.h"
#include "util/virbuffer.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

/* <address domain= bus= slot= function=/> of PCI functions. */
static int
virNodeDevPCIAddressParseXML(xmlNodePtr node, virNodeDevPCIAddress *addr)
{
    virTristateSwitch multi;
    xmlNodePtr zpci;
    unsigned int zid;

    memset(addr, 0, sizeof(*addr));
    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE, &addr->domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE, &addr->slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE, &addr->function) < 0 ||
        virXMLPropTristateSwitch(node, "multifunction", VIR_XML_PROP_NONE, &multi) < 0)
        return -1;

    if (addr->domain || addr->bus || addr->slot) {
        if (addr->bus > 0xFF) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address bus='0x%x', must be <= 0xFF",
                           addr->bus);
            return -1;
        }
        if (addr->slot > 0x1F) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address slot='0x%x', must be <= 0x1F",
                           addr->slot);
            return -1;
        }
        if (addr->function > 7) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address function=0x%x, must be <= 7",
                           addr->function);
            return -1;
        }
    }

    /* <zpci uid= fid=/> is checked but not kept: nothing prints it. */
    if ((zpci = virXMLNodeGetSubelement(node, "zpci")) &&
        (virXMLPropUInt(zpci, "uid", 0, VIR_XML_PROP_NONE, &zid) < 0 ||
         virXMLPropUInt(zpci, "fid", 0, VIR_XML_PROP_NONE, &zid) < 0))
        return -1;

    return 0;
}


static void
virNodeDevPCIAddressFormat(virBuffer *buf, const virNodeDevPCIAddress *addr)
{
    virBufferAsprintf(buf, "<address domain='0x%04x' bus='0x%02x' "
                      "slot='0x%02x' function='0x%d'/>\n",
                      addr->domain, addr->bus, addr->slot, addr->function);
}


/* Append every <address> child of ctxt->node to @addrs. */
static int
virNodeDevPCIAddressListParseXML(xmlXPathContextPtr ctxt,
                                 virNodeDevPCIAddress ***addrs, size_t *naddrs)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./address", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        g_autofree virNodeDevPCIAddress *addr = g_new0(virNodeDevPCIAddress, 1);

        if (virNodeDevPCIAddressParseXML(nodes[i], addr) < 0)
            return -1;
        NODE_DEV_APPEND(*addrs, *naddrs, addr);
    }
    return 0;
}


static void
virNodeDevPCIAddressListFree(virNodeDevPCIAddress **addrs, size_t naddrs)
{
    size_t i;

    for (i = 0; i < naddrs; i++)
        g_free(addrs[i]);
    g_free(addrs);
}


/* <vendor id='0x8086'>Intel</vendor>: a hex id and an optional name.
 * @label names the id in messages ("PCI vendor ID"). */
int
virNodeDevIdParseXML(xmlXPathContextPtr ctxt, const char *element,
                     const char *label, const char *devname,
                     unsigned int *id)
{
    g_autofree char *path = g_strdup_printf("./%s[1]/@id", element);
    int rc = virXPathUIntBase(path, ctxt, 16, id);

    if (rc < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       rc == -1 ? "no %s supplied for '%s'"
                                : "invalid %s supplied for '%s'",
                       label, devname);
        return -1;
    }
    return 0;
}


void
virNodeDevIdFormat(virBuffer *buf, const char *element, unsigned int id,
                   const char *name, const char *emptyEnd)
{
    virBufferAsprintf(buf, "<%s id='0x%04x'", element, id);
    if (name) {
        virBufferEscapeString(buf, ">%s", name);
        virBufferAsprintf(buf, "</%s>\n", element);
    } else {
        virBufferAdd(buf, emptyEnd, -1);
    }
}


static void
virNodeDevMdevTypeFree(virNodeDevMdevType *type)
{
    if (!type)
        return;
    g_free(type->id);
    g_free(type->name);
    g_free(type->device_api);
    g_free(type);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDevMdevType, virNodeDevMdevTypeFree);


void
virNodeDevMdevTypeListFree(virNodeDevMdevType **types, size_t ntypes)
{
    size_t i;

    for (i = 0; i < ntypes; i++)
        virNodeDevMdevTypeFree(types[i]);
    g_free(types);
}


/* Append the <type> children of the <capability type='mdev_types'> at
 * ctxt->node to @types. */
static int
virNodeDevMdevTypesParseXML(xmlXPathContextPtr ctxt,
                            virNodeDevMdevType ***types, size_t *ntypes)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./type", ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < n; i++) {
        g_autoptr(virNodeDevMdevType) type = g_new0(virNodeDevMdevType, 1);

        ctxt->node = nodes[i];
        if (!(type->id = virXPathString("./@id", ctxt))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing 'id' attribute for mediated device's <type> element");
            return -1;
        }
        if (!(type->device_api = virXPathString("./deviceAPI[1]", ctxt))) {
            virReportError(VIR_ERR_XML_ERROR,
                           "missing device API for mediated device type '%s'",
                           type->id);
            return -1;
        }
        if (virXPathUInt("./availableInstances", ctxt,
                         &type->available_instances) < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "missing number of available instances for mediated device type '%s'",
                           type->id);
            return -1;
        }
        type->name = virXPathString("./name", ctxt);
        NODE_DEV_APPEND(*types, *ntypes, type);
    }
    return 0;
}


void
virNodeDevMdevTypesFormat(virBuffer *buf, virNodeDevMdevType *const *types,
                          size_t ntypes)
{
    size_t i;

    if (ntypes == 0)
        return;

    virBufferAddLit(buf, "<capability type='mdev_types'>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < ntypes; i++) {
        virBufferEscapeString(buf, "<type id='%s'>\n", types[i]->id);
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<name>%s</name>\n", types[i]->name);
        virBufferEscapeString(buf, "<deviceAPI>%s</deviceAPI>\n",
                              types[i]->device_api);
        virBufferAsprintf(buf, "<availableInstances>%u</availableInstances>\n",
                          types[i]->available_instances);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</type>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</capability>\n");
}


/* Read each <capability type='...'> child of ctxt->node: 'mdev_types'
 * fills @types and returns 1 when seen; other types are ignored. */
int
virNodeDevMdevTypesCapsParseXML(xmlXPathContextPtr ctxt,
                                virNodeDevMdevType ***types, size_t *ntypes)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    bool seen = false;
    int n;
    size_t i;

    if ((n = virXPathNodeSet("./capability", ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < n; i++) {
        g_autofree char *type = virXMLPropString(nodes[i], "type");

        if (!type) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "Missing capability type");
            return -1;
        }
        if (STREQ(type, "mdev_types")) {
            ctxt->node = nodes[i];
            if (virNodeDevMdevTypesParseXML(ctxt, types, ntypes) < 0)
                return -1;
            seen = true;
        }
    }
    return seen ? 1 : 0;
}


/* ------------------------------------------------------------------ */
/* PCI Vital Product Data: <capability type='vpd'> inside a PCI device */
/* ------------------------------------------------------------------ */

static void
virNodeDevVPDCustomListFree(virNodeDevVPDCustom **list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        g_free(list[i]->value);
        g_free(list[i]);
    }
    g_free(list);
}


static void
virNodeDevVPDReadOnlyFree(virNodeDevVPDReadOnly *ro)
{
    if (!ro)
        return;
    g_free(ro->change_level);
    g_free(ro->manufacture_id);
    g_free(ro->part_number);
    g_free(ro->serial_number);
    virNodeDevVPDCustomListFree(ro->vendor, ro->nvendor);
    g_free(ro);
}


static void
virNodeDevVPDReadWriteFree(virNodeDevVPDReadWrite *rw)
{
    if (!rw)
        return;
    g_free(rw->asset_tag);
    virNodeDevVPDCustomListFree(rw->vendor, rw->nvendor);
    virNodeDevVPDCustomListFree(rw->system, rw->nsystem);
    g_free(rw);
}


static void
virNodeDevVPDFree(virNodeDevVPD *vpd)
{
    if (!vpd)
        return;
    virNodeDevVPDReadOnlyFree(vpd->ro);
    virNodeDevVPDReadWriteFree(vpd->rw);
    g_free(vpd->name);
    g_free(vpd);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDevVPD, virNodeDevVPDFree);


/* Set field @idx of @list to @value, replacing an earlier one. */
static void
virNodeDevVPDCustomSet(virNodeDevVPDCustom ***list, size_t *n, char idx,
                       const char *value)
{
    g_autofree virNodeDevVPDCustom *field = NULL;
    size_t i;

    for (i = 0; i < *n; i++) {
        if ((*list)[i]->idx == idx) {
            g_free((*list)[i]->value);
            (*list)[i]->value = g_strdup(value);
            return;
        }
    }
    field = g_new0(virNodeDevVPDCustom, 1);
    field->idx = idx;
    field->value = g_strdup(value);
    NODE_DEV_APPEND(*list, *n, field);
}


/*
 * <vendor_field index='X'> (and, when @system is given,
 * <system_field index='X'>) children of ctxt->node.  Index characters
 * must be upper-case letters or digits; a system field with index 'A'
 * is the asset tag (VPD keyword YA).  Fields without a one-character
 * index or without a value are skipped, as libvirt does.
 */
static int
virNodeDevVPDCustomParseXML(xmlXPathContextPtr ctxt, const char *element,
                            virNodeDevVPDCustom ***list, size_t *n,
                            char **assetTag)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *path = g_strdup_printf("./%s[@index]", element);
    g_autofree xmlNodePtr *nodes = NULL;
    int nnodes;
    size_t i;

    if ((nnodes = virXPathNodeSet(path, ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < nnodes; i++) {
        g_autofree char *idx = NULL;
        g_autofree char *value = NULL;

        ctxt->node = nodes[i];
        if (!(idx = virXPathString("./@index", ctxt)) || strlen(idx) > 1 ||
            !(value = virXPathString("./text()", ctxt)))
            continue;
        if (!g_ascii_isupper(idx[0]) && !g_ascii_isdigit(idx[0]))
            continue;
        if (assetTag && idx[0] == 'A') {
            g_free(*assetTag);
            *assetTag = g_steal_pointer(&value);
            continue;
        }
        virNodeDevVPDCustomSet(list, n, idx[0], value);
    }
    return 0;
}


static int
virNodeDevVPDFieldsParseXML(xmlXPathContextPtr ctxt, virNodeDevVPD *vpd,
                            const char *access)
{
    if (STREQ(access, "readonly")) {
        virNodeDevVPDReadOnly *ro = g_new0(virNodeDevVPDReadOnly, 1);

        virNodeDevVPDReadOnlyFree(vpd->ro);
        vpd->ro = ro;
        ro->change_level = virXPathString("./change_level", ctxt);
        ro->manufacture_id = virXPathString("./manufacture_id", ctxt);
        ro->serial_number = virXPathString("./serial_number", ctxt);
        ro->part_number = virXPathString("./part_number", ctxt);
        return virNodeDevVPDCustomParseXML(ctxt, "vendor_field", &ro->vendor,
                                           &ro->nvendor, NULL);
    }

    if (STREQ(access, "readwrite")) {
        virNodeDevVPDReadWrite *rw = g_new0(virNodeDevVPDReadWrite, 1);

        virNodeDevVPDReadWriteFree(vpd->rw);
        vpd->rw = rw;
        rw->asset_tag = virXPathString("./asset_tag", ctxt);
        if (virNodeDevVPDCustomParseXML(ctxt, "vendor_field", &rw->vendor,
                                        &rw->nvendor, NULL) < 0)
            return -1;
        return virNodeDevVPDCustomParseXML(ctxt, "system_field", &rw->system,
                                           &rw->nsystem, &rw->asset_tag);
    }

    virReportError(VIR_ERR_XML_ERROR,
                   "Unsupported VPD field access type specified %s", access);
    return -1;
}


static int
virNodeDevVPDParseXML(xmlXPathContextPtr ctxt, virNodeDevVPD **vpdp)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virNodeDevVPD) vpd = g_new0(virNodeDevVPD, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    size_t i;

    if (!(vpd->name = virXPathString("./name", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Could not read a device name from the <name> element");
        return -1;
    }
    if ((n = virXPathNodeSet("./fields[@access]", ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < n; i++) {
        g_autofree char *access = NULL;

        ctxt->node = nodes[i];
        if (!(access = virXPathString("./@access", ctxt))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "VPD fields access type parsing has failed");
            return -1;
        }
        if (virNodeDevVPDFieldsParseXML(ctxt, vpd, access) < 0)
            return -1;
    }

    virNodeDevVPDFree(*vpdp);
    *vpdp = g_steal_pointer(&vpd);
    return 0;
}


static void
virNodeDevVPDCustomFormat(virBuffer *buf, const char *element,
                          virNodeDevVPDCustom *const *list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        virBufferAsprintf(buf, "<%s index='%c'>", element, list[i]->idx);
        virBufferEscapeString(buf, "%s", list[i]->value);
        virBufferAsprintf(buf, "</%s>\n", element);
    }
}


static void
virNodeDevVPDFormat(virBuffer *buf, const virNodeDevVPD *vpd)
{
    virBufferAddLit(buf, "<capability type='vpd'>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<name>%s</name>\n", vpd->name);

    if (vpd->ro) {
        virBufferAddLit(buf, "<fields access='readonly'>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<change_level>%s</change_level>\n",
                              vpd->ro->change_level);
        virBufferEscapeString(buf, "<manufacture_id>%s</manufacture_id>\n",
                              vpd->ro->manufacture_id);
        virBufferEscapeString(buf, "<part_number>%s</part_number>\n",
                              vpd->ro->part_number);
        virBufferEscapeString(buf, "<serial_number>%s</serial_number>\n",
                              vpd->ro->serial_number);
        virNodeDevVPDCustomFormat(buf, "vendor_field", vpd->ro->vendor,
                                  vpd->ro->nvendor);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</fields>\n");
    }

    if (vpd->rw) {
        virBufferAddLit(buf, "<fields access='readwrite'>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<asset_tag>%s</asset_tag>\n",
                              vpd->rw->asset_tag);
        virNodeDevVPDCustomFormat(buf, "vendor_field", vpd->rw->vendor,
                                  vpd->rw->nvendor);
        virNodeDevVPDCustomFormat(buf, "system_field", vpd->rw->system,
                                  vpd->rw->nsystem);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</fields>\n");
    }

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</capability>\n");
}


/* pci: <pci-express> link information */

static void
virNodeDevPCIEInfoFree(virNodeDevPCIEInfo *info)
{
    if (!info)
        return;
    g_free(info->link_cap);
    g_free(info->link_sta);
    g_free(info);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDevPCIEInfo, virNodeDevPCIEInfoFree);


static int
virNodeDevPCIELinkParseXML(xmlXPathContextPtr ctxt, const char *xpath,
                           virNodeDevPCIELink **lnkp)
{
    g_autofree virNodeDevPCIELink *lnk = NULL;
    xmlNodePtr node;
    unsigned int speed;

    if (!(node = virXPathNode(xpath, ctxt)))
        return 0;

    lnk = g_new0(virNodeDevPCIELink, 1);
    if (virXMLPropUInt(node, "width", 0, VIR_XML_PROP_REQUIRED, &lnk->width) < 0 ||
        virXMLPropEnum(node, "speed", virNodeDevPCIELinkSpeedTypeFromString,
                       VIR_XML_PROP_NONE, &speed) < 0 ||
        virXMLPropInt(node, "port", 10, VIR_XML_PROP_NONE, &lnk->port, -1) < 0)
        return -1;
    lnk->speed = speed;
    *lnkp = g_steal_pointer(&lnk);
    return 0;
}


static int
virNodeDevPCIEInfoParseXML(xmlXPathContextPtr ctxt, xmlNodePtr node,
                           virNodeDevCapPCIDev *pci)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autoptr(virNodeDevPCIEInfo) info = g_new0(virNodeDevPCIEInfo, 1);

    ctxt->node = node;
    if (virNodeDevPCIELinkParseXML(ctxt, "./link[@validity='cap']",
                                   &info->link_cap) < 0 ||
        virNodeDevPCIELinkParseXML(ctxt, "./link[@validity='sta']",
                                   &info->link_sta) < 0)
        return -1;

    virNodeDevPCIEInfoFree(pci->pci_express);
    pci->pci_express = g_steal_pointer(&info);
    pci->flags |= VIR_NODE_DEV_CAP_FLAG_PCIE;
    return 0;
}


static void
virNodeDevPCIELinkFormat(virBuffer *buf, const virNodeDevPCIELink *lnk,
                         const char *validity)
{
    if (!lnk)
        return;
    virBufferAsprintf(buf, "<link validity='%s'", validity);
    if (lnk->port >= 0)
        virBufferAsprintf(buf, " port='%d'", lnk->port);
    if (lnk->speed)
        virBufferAsprintf(buf, " speed='%s'",
                          virNodeDevPCIELinkSpeedTypeToString(lnk->speed));
    virBufferAsprintf(buf, " width='%d'/>\n", (int)lnk->width);
}


static void
virNodeDevPCIEInfoFormat(virBuffer *buf, const virNodeDevPCIEInfo *info)
{
    if (!info->link_cap && !info->link_sta) {
        virBufferAddLit(buf, "<pci-express/>\n");
        return;
    }
    virBufferAddLit(buf, "<pci-express>\n");
    virBufferAdjustIndent(buf, 2);
    virNodeDevPCIELinkFormat(buf, info->link_cap, "cap");
    virNodeDevPCIELinkFormat(buf, info->link_sta, "sta");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</pci-express>\n");
}


/* pci */

static const virNodeDevField virNodeDevPCIFields[] = {
    NODE_DEV_UINT_SIGNED("domain", virNodeDevCapPCIDev, domain, "PCI domain ID"),
    NODE_DEV_UINT("bus", virNodeDevCapPCIDev, bus, "PCI bus ID"),
    NODE_DEV_UINT("slot", virNodeDevCapPCIDev, slot, "PCI slot ID"),
    NODE_DEV_UINT("function", virNodeDevCapPCIDev, function, "PCI function ID"),
};

void
virNodeDevCapPCIClear(virNodeDevCapData *data)
{
    virNodeDevCapPCIDev *pci = &data->pci_dev;

    g_free(pci->product_name);
    g_free(pci->vendor_name);
    g_free(pci->physical_function);
    virNodeDevPCIAddressListFree(pci->virtual_functions,
                                 pci->num_virtual_functions);
    virNodeDevPCIAddressListFree(pci->iommuGroupDevices,
                                 pci->nIommuGroupDevices);
    virNodeDevPCIEInfoFree(pci->pci_express);
    virNodeDevMdevTypeListFree(pci->mdev_types, pci->nmdev_types);
    virNodeDevVPDFree(pci->vpd);
}


static int
virNodeDevPCIPhysFunctionParseXML(xmlXPathContextPtr ctxt,
                                  virNodeDevCapPCIDev *pci)
{
    g_autofree virNodeDevPCIAddress *addr = g_new0(virNodeDevPCIAddress, 1);
    xmlNodePtr node;

    if (!(node = virXPathNode("./address[1]", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing address in 'phys_function' capability");
        return -1;
    }
    if (virNodeDevPCIAddressParseXML(node, addr) < 0)
        return -1;

    g_free(pci->physical_function);
    pci->physical_function = g_steal_pointer(&addr);
    pci->flags |= VIR_NODE_DEV_CAP_FLAG_PCI_PHYSICAL_FUNCTION;
    return 0;
}


static int
virNodeDevPCIVirtFunctionsParseXML(xmlXPathContextPtr ctxt,
                                   virNodeDevCapPCIDev *pci)
{
    g_autofree char *maxCount = virXPathString("./@maxCount", ctxt);

    if (maxCount &&
        virStrToLong_uip(maxCount, NULL, 10, &pci->max_virtual_functions) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Malformed 'maxCount' parameter");
        return -1;
    }
    if (virNodeDevPCIAddressListParseXML(ctxt, &pci->virtual_functions,
                                         &pci->num_virtual_functions) < 0)
        return -1;

    pci->flags |= VIR_NODE_DEV_CAP_FLAG_PCI_VIRTUAL_FUNCTION;
    return 0;
}


/* One <capability type='...'> inside a PCI device.  Unknown types are
 * ignored; a header type is kept unless it is 'endpoint' or one was
 * already seen. */
static int
virNodeDevPCISubCapParseXML(xmlXPathContextPtr ctxt, xmlNodePtr node,
                            virNodeDevCapPCIDev *pci)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *type = virXMLPropString(node, "type");
    int hdrType;

    ctxt->node = node;
    if (!type) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing capability type");
        return -1;
    }

    if (STREQ(type, "phys_function"))
        return virNodeDevPCIPhysFunctionParseXML(ctxt, pci);
    if (STREQ(type, "virt_functions"))
        return virNodeDevPCIVirtFunctionsParseXML(ctxt, pci);
    if (STREQ(type, "mdev_types")) {
        if (virNodeDevMdevTypesParseXML(ctxt, &pci->mdev_types,
                                        &pci->nmdev_types) < 0)
            return -1;
        pci->flags |= VIR_NODE_DEV_CAP_FLAG_PCI_MDEV;
        return 0;
    }
    if (STREQ(type, "vpd")) {
        if (virNodeDevVPDParseXML(ctxt, &pci->vpd) < 0)
            return -1;
        pci->flags |= VIR_NODE_DEV_CAP_FLAG_PCI_VPD;
        return 0;
    }

    hdrType = virNodeDevPCIHeaderTypeFromString(type);
    if (hdrType > 0 && !pci->hdrType)
        pci->hdrType = hdrType;
    return 0;
}


static int
virNodeDevPCIIommuGroupParseXML(xmlXPathContextPtr ctxt, xmlNodePtr node,
                                virNodeDevCapPCIDev *pci)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);

    ctxt->node = node;
    if (virXMLPropUInt(node, "number", 10, VIR_XML_PROP_REQUIRED,
                       &pci->iommuGroupNumber) < 0)
        return -1;
    return virNodeDevPCIAddressListParseXML(ctxt, &pci->iommuGroupDevices,
                                            &pci->nIommuGroupDevices);
}


int
virNodeDevCapPCIParseXML(xmlXPathContextPtr ctxt,
                         const virNodeDevParseInfo *info,
                         virNodeDevCapData *data)
{
    virNodeDevCapPCIDev *pci = &data->pci_dev;
    g_autofree char *klass = virXPathString("./class[1]", ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr node;
    int n;
    size_t i;

    pci->klass = -1;
    if (klass &&
        (virStrToLong_i(klass, NULL, 16, &pci->klass) < 0 ||
         pci->klass > 0xffffff)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid PCI class supplied for '%s'", info->name);
        return -1;
    }

    if (NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevPCIFields, pci) < 0 ||
        virNodeDevIdParseXML(ctxt, "vendor", "PCI vendor ID", info->name,
                             &pci->vendor) < 0 ||
        virNodeDevIdParseXML(ctxt, "product", "PCI product ID", info->name,
                             &pci->product) < 0)
        return -1;
    pci->vendor_name = virXPathString("./vendor[1]", ctxt);
    pci->product_name = virXPathString("./product[1]", ctxt);

    if ((n = virXPathNodeSet("./capability", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        if (virNodeDevPCISubCapParseXML(ctxt, nodes[i], pci) < 0)
            return -1;
    }

    if ((node = virXPathNode("./iommuGroup[1]", ctxt)) &&
        virNodeDevPCIIommuGroupParseXML(ctxt, node, pci) < 0)
        return -1;

    pci->numa_node = -1;
    if (virXPathInt("./numa[1]/@node", ctxt, &pci->numa_node) == -2) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid NUMA node ID supplied for '%s'", info->name);
        return -1;
    }

    if ((node = virXPathNode("./pci-express[1]", ctxt)) &&
        virNodeDevPCIEInfoParseXML(ctxt, node, pci) < 0)
        return -1;
    return 0;
}


/* The <capability> children of a PCI device: SR-IOV, header type,
 * mediated device types and VPD. */
static void
virNodeDevCapPCISubCapsFormat(virBuffer *buf, const virNodeDevCapPCIDev *pci)
{
    size_t i;

    if (pci->flags & VIR_NODE_DEV_CAP_FLAG_PCI_PHYSICAL_FUNCTION) {
        virBufferAddLit(buf, "<capability type='phys_function'>\n");
        virBufferAdjustIndent(buf, 2);
        virNodeDevPCIAddressFormat(buf, pci->physical_function);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</capability>\n");
    }
    if (pci->flags & VIR_NODE_DEV_CAP_FLAG_PCI_VIRTUAL_FUNCTION) {
        virBufferAddLit(buf, "<capability type='virt_functions'");
        if (pci->max_virtual_functions)
            virBufferAsprintf(buf, " maxCount='%u'", pci->max_virtual_functions);
        if (pci->num_virtual_functions == 0) {
            virBufferAddLit(buf, "/>\n");
        } else {
            virBufferAddLit(buf, ">\n");
            virBufferAdjustIndent(buf, 2);
            for (i = 0; i < pci->num_virtual_functions; i++)
                virNodeDevPCIAddressFormat(buf, pci->virtual_functions[i]);
            virBufferAdjustIndent(buf, -2);
            virBufferAddLit(buf, "</capability>\n");
        }
    }
    if (pci->hdrType)
        virBufferAsprintf(buf, "<capability type='%s'/>\n",
                          virNodeDevPCIHeaderTypeToString(pci->hdrType));
    if (pci->flags & VIR_NODE_DEV_CAP_FLAG_PCI_MDEV)
        virNodeDevMdevTypesFormat(buf, pci->mdev_types, pci->nmdev_types);
    if ((pci->flags & VIR_NODE_DEV_CAP_FLAG_PCI_VPD) && pci->vpd)
        virNodeDevVPDFormat(buf, pci->vpd);
}


void
virNodeDevCapPCIFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    const virNodeDevCapPCIDev *pci = &data->pci_dev;
    size_t i;

    if (pci->klass >= 0)
        virBufferAsprintf(buf, "<class>0x%.6x</class>\n", (unsigned int)pci->klass);
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevPCIFields, pci);
    virNodeDevIdFormat(buf, "product", pci->product, pci->product_name, "/>\n");
    virNodeDevIdFormat(buf, "vendor", pci->vendor, pci->vendor_name, "/>\n");
    virNodeDevCapPCISubCapsFormat(buf, pci);

    if (pci->nIommuGroupDevices) {
        virBufferAsprintf(buf, "<iommuGroup number='%d'>\n",
                          (int)pci->iommuGroupNumber);
        virBufferAdjustIndent(buf, 2);
        for (i = 0; i < pci->nIommuGroupDevices; i++)
            virNodeDevPCIAddressFormat(buf, pci->iommuGroupDevices[i]);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</iommuGroup>\n");
    }
    if (pci->numa_node >= 0)
        virBufferAsprintf(buf, "<numa node='%d'/>\n", pci->numa_node);
    if ((pci->flags & VIR_NODE_DEV_CAP_FLAG_PCIE) && pci->pci_express)
        virNodeDevPCIEInfoFormat(buf, pci->pci_express);
}
