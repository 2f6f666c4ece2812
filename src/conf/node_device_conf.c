/*
 * node_device_conf.c: parse and format the node device document.
 *
 * Layout of this file:
 *  - enum tables;
 *  - a small field engine for the simple text children most capabilities
 *    are made of (<bus>2</bus>, <cssid>0x0</cssid>, <model>...</model>):
 *    one table per capability drives parsing, formatting and freeing;
 *  - building blocks used by several capabilities (PCI addresses,
 *    vendor/product ids, mediated device types, PCI VPD);
 *  - one section per capability kind: clear, parse and format together;
 *  - the per-kind ops table, and the <device> document itself.
 */
#include "internal.h"
#include "conf/node_device_conf.h"
#include "conf/virxmlcategory.h"
#include "util/virbuffer.h"
#include "util/virstring.h"
#include "util/viruuid.h"
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

/* Append @item (stolen) to the pointer array @array of @n entries. */
#define NODE_DEV_APPEND(array, n, item) \
    do { \
        (array) = g_renew(__typeof__(*(array)), (array), (n) + 1); \
        (array)[(n)++] = g_steal_pointer(&(item)); \
    } while (0)

/* What every capability parser needs besides the XML. */
typedef struct {
    const char *name;           /* the device's name, for messages */
    bool create;                /* see virNodeDeviceDefParseXML */
    const char *virtType;
} virNodeDevParseInfo;


/* ------------------------------------------------------------------ */
/* Field engine                                                        */
/* ------------------------------------------------------------------ */

typedef enum {
    NODE_DEV_FIELD_STRING,      /* text; required when .label is set */
    NODE_DEV_FIELD_UINT,        /* required decimal number, shown %u */
    NODE_DEV_FIELD_UINT_SIGNED, /* the same, shown %d as libvirt does */
    NODE_DEV_FIELD_HEX,         /* required number, shown 0x... */
} virNodeDevFieldKind;

typedef struct {
    const char *element;
    virNodeDevFieldKind kind;
    size_t offset;
    /* STRING, UINT: "no <label> supplied for '<device>'" */
    const char *label;
    /* HEX: parse base, printed digits, largest value (0: any) */
    int base;
    int width;
    unsigned int max;
} virNodeDevField;

#define NODE_DEV_STR(el, type, member) \
    { el, NODE_DEV_FIELD_STRING, offsetof(type, member), NULL, 0, 0, 0 }
#define NODE_DEV_STR_REQ(el, type, member, label) \
    { el, NODE_DEV_FIELD_STRING, offsetof(type, member), label, 0, 0, 0 }
#define NODE_DEV_UINT(el, type, member, label) \
    { el, NODE_DEV_FIELD_UINT, offsetof(type, member), label, 0, 0, 0 }
#define NODE_DEV_UINT_SIGNED(el, type, member, label) \
    { el, NODE_DEV_FIELD_UINT_SIGNED, offsetof(type, member), label, 0, 0, 0 }
#define NODE_DEV_HEX(el, type, member, base, width, max) \
    { el, NODE_DEV_FIELD_HEX, offsetof(type, member), NULL, base, width, max }

#define NODE_DEV_FIELD_PTR(base, field, type) \
    ((type *)((char *)(base) + (field)->offset))
#define NODE_DEV_FIELD_CPTR(base, field, type) \
    ((const type *)((const char *)(base) + (field)->offset))


static int
virNodeDevFieldParseHex(xmlXPathContextPtr ctxt, const virNodeDevField *f,
                        const char *devname, unsigned int *value)
{
    g_autofree char *path = g_strdup_printf("./%s[1]", f->element);
    g_autofree char *str = virXPathString(path, ctxt);

    if (!str) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "missing %s value for '%s'", f->element, devname);
        return -1;
    }
    if (virStrToLong_uip(str, NULL, f->base, value) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "invalid %s value '%s' for '%s'",
                       f->element, str, devname);
        return -1;
    }
    if (f->max && *value > f->max) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "%s value '%s' is out of range for '%s'",
                       f->element, str, devname);
        return -1;
    }
    return 0;
}


/* Read the @nfields children of ctxt->node described by @fields into
 * the structure at @base. */
static int
virNodeDevFieldsParse(xmlXPathContextPtr ctxt, const char *devname,
                      const virNodeDevField *fields, size_t nfields,
                      void *base)
{
    size_t i;

    for (i = 0; i < nfields; i++) {
        const virNodeDevField *f = &fields[i];
        g_autofree char *path = g_strdup_printf("./%s[1]", f->element);
        char **str;
        int rc;

        switch (f->kind) {
        case NODE_DEV_FIELD_STRING:
            str = NODE_DEV_FIELD_PTR(base, f, char *);
            g_free(*str);
            *str = virXPathString(path, ctxt);
            if (!*str && f->label) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "no %s supplied for '%s'", f->label, devname);
                return -1;
            }
            break;
        case NODE_DEV_FIELD_UINT:
        case NODE_DEV_FIELD_UINT_SIGNED:
            rc = virXPathUInt(path, ctxt,
                              NODE_DEV_FIELD_PTR(base, f, unsigned int));
            if (rc < 0) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               rc == -1 ? "no %s supplied for '%s'"
                                        : "invalid %s supplied for '%s'",
                               f->label, devname);
                return -1;
            }
            break;
        case NODE_DEV_FIELD_HEX:
            if (virNodeDevFieldParseHex(ctxt, f, devname,
                                        NODE_DEV_FIELD_PTR(base, f, unsigned int)) < 0)
                return -1;
            break;
        }
    }
    return 0;
}


static void
virNodeDevFieldsFormat(virBuffer *buf, const virNodeDevField *fields,
                       size_t nfields, const void *base)
{
    size_t i;

    for (i = 0; i < nfields; i++) {
        const virNodeDevField *f = &fields[i];
        const char *str;
        unsigned int num = 0;

        if (f->kind != NODE_DEV_FIELD_STRING)
            num = *NODE_DEV_FIELD_CPTR(base, f, unsigned int);

        switch (f->kind) {
        case NODE_DEV_FIELD_STRING:
            if (!(str = *NODE_DEV_FIELD_CPTR(base, f, char *)))
                break;
            virBufferAsprintf(buf, "<%s>", f->element);
            virBufferEscapeString(buf, "%s", str);
            virBufferAsprintf(buf, "</%s>\n", f->element);
            break;
        case NODE_DEV_FIELD_UINT:
            virBufferAsprintf(buf, "<%s>%u</%s>\n", f->element, num, f->element);
            break;
        case NODE_DEV_FIELD_UINT_SIGNED:
            virBufferAsprintf(buf, "<%s>%d</%s>\n", f->element, (int)num,
                              f->element);
            break;
        case NODE_DEV_FIELD_HEX:
            virBufferAsprintf(buf, "<%s>0x%0*x</%s>\n", f->element, f->width,
                              num, f->element);
            break;
        }
    }
}


static void
virNodeDevFieldsClear(const virNodeDevField *fields, size_t nfields,
                      void *base)
{
    size_t i;

    for (i = 0; i < nfields; i++) {
        if (fields[i].kind == NODE_DEV_FIELD_STRING)
            g_clear_pointer(NODE_DEV_FIELD_PTR(base, &fields[i], char *), g_free);
    }
}

#define NODE_DEV_FIELDS_PARSE(ctxt, info, fields, base) \
    virNodeDevFieldsParse(ctxt, (info)->name, fields, G_N_ELEMENTS(fields), base)
#define NODE_DEV_FIELDS_FORMAT(buf, fields, base) \
    virNodeDevFieldsFormat(buf, fields, G_N_ELEMENTS(fields), base)
#define NODE_DEV_FIELDS_CLEAR(fields, base) \
    virNodeDevFieldsClear(fields, G_N_ELEMENTS(fields), base)


/* ------------------------------------------------------------------ */
/* Building blocks                                                     */
/* ------------------------------------------------------------------ */

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
static int
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


static void
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


static void
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


static void
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
static int
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


/* ------------------------------------------------------------------ */
/* Capabilities, one section per kind: clear, parse, format            */
/* ------------------------------------------------------------------ */

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

static void
virNodeDevCapSystemClear(virNodeDevCapData *data)
{
    g_free(data->system.product_name);
    NODE_DEV_FIELDS_CLEAR(virNodeDevHardwareFields, &data->system.hardware);
    NODE_DEV_FIELDS_CLEAR(virNodeDevFirmwareFields, &data->system.firmware);
}


static int
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


static void
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

static void
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


static int
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


static void
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


/* usb_device */

static const virNodeDevField virNodeDevUSBDevFields[] = {
    NODE_DEV_UINT_SIGNED("bus", virNodeDevCapUSBDev, bus, "USB bus number"),
    NODE_DEV_UINT_SIGNED("device", virNodeDevCapUSBDev, device, "USB device number"),
};

static void
virNodeDevCapUSBDevClear(virNodeDevCapData *data)
{
    g_free(data->usb_dev.product_name);
    g_free(data->usb_dev.vendor_name);
}


static int
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


static void
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

static void
virNodeDevCapUSBIfClear(virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_CLEAR(virNodeDevUSBIfFields, &data->usb_if);
}


static int
virNodeDevCapUSBIfParseXML(xmlXPathContextPtr ctxt,
                           const virNodeDevParseInfo *info,
                           virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevUSBIfFields, &data->usb_if);
}


static void
virNodeDevCapUSBIfFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevUSBIfFields, &data->usb_if);
}


/* net */

static const virNodeDevField virNodeDevNetFields[] = {
    NODE_DEV_STR_REQ("interface", virNodeDevCapNet, ifname, "network interface"),
    NODE_DEV_STR("address", virNodeDevCapNet, address),
};

static void
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


static int
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


static void
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

static void
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


static int
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


static void
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

static void
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


static int
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


static void
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

static void
virNodeDevCapSCSIClear(virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_CLEAR(virNodeDevSCSIFields, &data->scsi);
}


static int
virNodeDevCapSCSIParseXML(xmlXPathContextPtr ctxt,
                          const virNodeDevParseInfo *info,
                          virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevSCSIFields, &data->scsi);
}


static void
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

static void
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


static int
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


static void
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

static void
virNodeDevCapSCSIGenericClear(virNodeDevCapData *data)
{
    g_free(data->sg.path);
}


static void
virNodeDevCapSCSIGenericFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    virBufferEscapeString(buf, "<char>%s</char>\n", data->sg.path);
}


/* drm */

static int
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


static void
virNodeDevCapDRMFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    virBufferEscapeString(buf, "<type>%s</type>\n",
                          virNodeDevDRMTypeToString(data->drm.type));
}


/* mdev_types (never parsed: the node device driver fills it) */

static void
virNodeDevCapMdevParentClear(virNodeDevCapData *data)
{
    virNodeDevMdevTypeListFree(data->mdev_parent.mdev_types,
                               data->mdev_parent.nmdev_types);
    g_free(data->mdev_parent.address);
}


static void
virNodeDevCapMdevParentFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    virNodeDevMdevTypesFormat(buf, data->mdev_parent.mdev_types,
                              data->mdev_parent.nmdev_types);
}


/* mdev */

static void
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


static int
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


static void
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

static void
virNodeDevCapCCWClear(virNodeDevCapData *data)
{
    virNodeDevMdevTypeListFree(data->ccw_dev.mdev_types,
                               data->ccw_dev.nmdev_types);
    g_free(data->ccw_dev.channel_dev_addr);
}


static int
virNodeDevCapCCWParseXML(xmlXPathContextPtr ctxt,
                         const virNodeDevParseInfo *info,
                         virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevCCWFields, &data->ccw_dev);
}


static void
virNodeDevCapCCWFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevCCWFields, &data->ccw_dev);
}


static int
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


static void
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

static void
virNodeDevCapVDPAClear(virNodeDevCapData *data)
{
    g_free(data->vdpa.chardev);
}


static void
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

static int
virNodeDevCapAPCardParseXML(xmlXPathContextPtr ctxt,
                            const virNodeDevParseInfo *info,
                            virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevAPCardFields,
                                 &data->ap_card);
}


static void
virNodeDevCapAPCardFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevAPCardFields, &data->ap_card);
}


static int
virNodeDevCapAPQueueParseXML(xmlXPathContextPtr ctxt,
                             const virNodeDevParseInfo *info,
                             virNodeDevCapData *data)
{
    return NODE_DEV_FIELDS_PARSE(ctxt, info, virNodeDevAPQueueFields,
                                 &data->ap_queue);
}


static void
virNodeDevCapAPQueueFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    NODE_DEV_FIELDS_FORMAT(buf, virNodeDevAPQueueFields, &data->ap_queue);
}


static void
virNodeDevCapAPMatrixClear(virNodeDevCapData *data)
{
    g_free(data->ap_matrix.addr);
    virNodeDevMdevTypeListFree(data->ap_matrix.mdev_types,
                               data->ap_matrix.nmdev_types);
}


static int
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


static void
virNodeDevCapAPMatrixFormat(virBuffer *buf, const virNodeDevCapData *data)
{
    if (data->ap_matrix.flags & VIR_NODE_DEV_CAP_FLAG_AP_MATRIX_MDEV)
        virNodeDevMdevTypesFormat(buf, data->ap_matrix.mdev_types,
                                  data->ap_matrix.nmdev_types);
}


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
