/*
 * storage_adapter_conf.c: the <source><adapter> of scsi pools, a
 * scsi_host (by name or PCI parent address) or an fc_host (by WWNs).
 */
#include "internal.h"

#include "conf/storage_adapter_conf.h"
#include "conf/storage_conf_priv.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_ENUM_IMPL(virStorageAdapter, VIR_STORAGE_ADAPTER_TYPE_LAST,
              "default", "scsi_host", "fc_host");

void
virStorageAdapterClear(virStorageAdapter *adapter)
{
    g_free(adapter->scsi_host.name);
    g_free(adapter->fchost.parent);
    g_free(adapter->fchost.parent_wwnn);
    g_free(adapter->fchost.parent_wwpn);
    g_free(adapter->fchost.parent_fabric_wwn);
    g_free(adapter->fchost.wwnn);
    g_free(adapter->fchost.wwpn);
    memset(adapter, 0, sizeof(*adapter));
}

/* <address domain= bus= slot= function= [multifunction=]/> */
static int
virStorageAdapterPCIAddrParse(xmlNodePtr node, virStorageAdapterPCIAddr *addr)
{
    if (virXMLPropUInt(node, "domain", 0, VIR_XML_PROP_NONE, &addr->domain) < 0 ||
        virXMLPropUInt(node, "bus", 0, VIR_XML_PROP_NONE, &addr->bus) < 0 ||
        virXMLPropUInt(node, "slot", 0, VIR_XML_PROP_NONE, &addr->slot) < 0 ||
        virXMLPropUInt(node, "function", 0, VIR_XML_PROP_NONE, &addr->function) < 0 ||
        virXMLPropTristateSwitch(node, "multifunction", VIR_XML_PROP_NONE,
                                 &addr->multi) < 0)
        return -1;

    /* an all-zero address is "not given" and passes */
    if (!addr->domain && !addr->bus && !addr->slot)
        return 0;
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
    return 0;
}

static int
virStorageAdapterParseSCSIHost(xmlNodePtr node, xmlXPathContextPtr ctxt,
                               virStorageAdapterSCSIHost *scsi)
{
    xmlNodePtr addr;

    scsi->name = virXMLPropString(node, "name");
    if (!virXPathNode("./parentaddr", ctxt))
        return 0;

    if (!(addr = virXPathNode("./parentaddr/address", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing scsi_host PCI address element");
        return -1;
    }
    scsi->has_parent = true;
    if (virStorageAdapterPCIAddrParse(addr, &scsi->parentaddr) < 0)
        return -1;
    if (virXPathInt("string(./parentaddr/@unique_id)", ctxt,
                    &scsi->unique_id) < 0 || scsi->unique_id < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing or invalid scsi adapter 'unique_id' value");
        return -1;
    }
    return 0;
}

static int
virStorageAdapterParseFCHost(xmlNodePtr node, virStorageAdapterFCHost *fc)
{
    if (virXMLPropTristateBool(node, "managed", VIR_XML_PROP_NONE,
                               &fc->managed) < 0)
        return -1;
    fc->parent = virXMLPropString(node, "parent");
    fc->parent_wwnn = virXMLPropString(node, "parent_wwnn");
    fc->parent_wwpn = virXMLPropString(node, "parent_wwpn");
    fc->parent_fabric_wwn = virXMLPropString(node, "parent_fabric_wwn");
    fc->wwpn = virXMLPropString(node, "wwpn");
    fc->wwnn = virXMLPropString(node, "wwnn");
    return 0;
}

/* Without a type, only the old form <adapter name='hostN'/> is taken. */
static int
virStorageAdapterParseLegacy(xmlNodePtr node, xmlXPathContextPtr ctxt,
                             virStorageAdapter *adapter)
{
    g_autofree char *wwnn = virXMLPropString(node, "wwnn");
    g_autofree char *wwpn = virXMLPropString(node, "wwpn");
    g_autofree char *parent = virXMLPropString(node, "parent");

    if (wwnn || wwpn || parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Use of 'wwnn', 'wwpn', and 'parent' attributes "
                       "requires use of the adapter 'type'");
        return -1;
    }
    if (virXPathNode("./parentaddr", ctxt)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Use of 'parentaddr' element requires use of the "
                       "adapter 'type'");
        return -1;
    }
    if ((adapter->scsi_host.name = virXMLPropString(node, "name")))
        adapter->type = VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST;
    return 0;
}

int
virStorageAdapterParse(xmlNodePtr node, xmlXPathContextPtr ctxt,
                       virStorageAdapter *adapter)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    unsigned int type;
    int rc;

    ctxt->node = node;
    if ((rc = virXMLPropEnum(node, "type", virStorageAdapterTypeFromString,
                             VIR_XML_PROP_NONZERO, &type)) < 0)
        return -1;
    if (rc == 0)
        return virStorageAdapterParseLegacy(node, ctxt, adapter);

    adapter->type = type;
    if (type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST)
        return virStorageAdapterParseFCHost(node, &adapter->fchost);
    return virStorageAdapterParseSCSIHost(node, ctxt, &adapter->scsi_host);
}

/* 16 hex digits, optionally after "0x" */
static bool
virStorageValidateWWN(const char *wwn)
{
    const char *p = STRPREFIX(wwn, "0x") ? wwn + 2 : wwn;
    size_t i;

    for (i = 0; p[i] && g_ascii_isxdigit(p[i]); i++)
        ;
    if (i != 16 || p[i]) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Malformed wwn: %s", wwn);
        return false;
    }
    return true;
}

static int
virStorageAdapterValidateFCHost(const virStorageAdapterFCHost *fc)
{
    if (!fc->wwnn || !fc->wwpn) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "'wwnn' and 'wwpn' must be specified for adapter type 'fchost'");
        return -1;
    }
    if (!virStorageValidateWWN(fc->wwnn) || !virStorageValidateWWN(fc->wwpn))
        return -1;
    if (fc->parent_wwnn && !fc->parent_wwpn) {
        virReportError(VIR_ERR_XML_ERROR,
                       "when providing parent_wwnn='%s', the parent_wwpn must also be provided",
                       fc->parent_wwnn);
        return -1;
    }
    if (!fc->parent_wwnn && fc->parent_wwpn) {
        virReportError(VIR_ERR_XML_ERROR,
                       "when providing parent_wwpn='%s', the parent_wwnn must also be provided",
                       fc->parent_wwpn);
        return -1;
    }
    if ((fc->parent_wwnn && !virStorageValidateWWN(fc->parent_wwnn)) ||
        (fc->parent_wwpn && !virStorageValidateWWN(fc->parent_wwpn)) ||
        (fc->parent_fabric_wwn && !virStorageValidateWWN(fc->parent_fabric_wwn)))
        return -1;
    return 0;
}

int
virStorageAdapterValidate(const virStorageAdapter *adapter)
{
    const virStorageAdapterSCSIHost *scsi = &adapter->scsi_host;

    switch (adapter->type) {
    case VIR_STORAGE_ADAPTER_TYPE_DEFAULT:
    case VIR_STORAGE_ADAPTER_TYPE_LAST:
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing storage pool source adapter");
        return -1;
    case VIR_STORAGE_ADAPTER_TYPE_FC_HOST:
        return virStorageAdapterValidateFCHost(&adapter->fchost);
    case VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST:
        break;
    }

    if (!scsi->name && !scsi->has_parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Either 'name' or 'parent' must be specified for the 'scsi_host' adapter");
        return -1;
    }
    if (scsi->name && scsi->has_parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Both 'name' and 'parent' cannot be specified for the 'scsi_host' adapter");
        return -1;
    }
    return 0;
}

void
virStorageAdapterFormat(virBuffer *buf, const virStorageAdapter *adapter)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virStorageAdapterFCHost *fc = &adapter->fchost;
    const virStorageAdapterSCSIHost *scsi = &adapter->scsi_host;

    virBufferAsprintf(&attrBuf, " type='%s'",
                      virStorageAdapterTypeToString(adapter->type));
    if (adapter->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST) {
        virBufferEscapeString(&attrBuf, " parent='%s'", fc->parent);
        virBufferEscapeString(&attrBuf, " parent_wwnn='%s'", fc->parent_wwnn);
        virBufferEscapeString(&attrBuf, " parent_wwpn='%s'", fc->parent_wwpn);
        virBufferEscapeString(&attrBuf, " parent_fabric_wwn='%s'",
                              fc->parent_fabric_wwn);
        if (fc->managed != VIR_TRISTATE_BOOL_ABSENT)
            virBufferAsprintf(&attrBuf, " managed='%s'",
                              virTristateBoolTypeToString(fc->managed));
        virBufferEscapeString(&attrBuf, " wwnn='%s'", fc->wwnn);
        virBufferEscapeString(&attrBuf, " wwpn='%s'", fc->wwpn);
    } else if (scsi->name) {
        virBufferEscapeString(&attrBuf, " name='%s'", scsi->name);
    } else {
        virBufferAsprintf(&childBuf, "<parentaddr unique_id='%d'>\n",
                          scsi->unique_id);
        virBufferAdjustIndent(&childBuf, 2);
        /* function in decimal after 0x, as libvirt writes it */
        virBufferAsprintf(&childBuf,
                          "<address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%d'/>\n",
                          scsi->parentaddr.domain, scsi->parentaddr.bus,
                          scsi->parentaddr.slot, scsi->parentaddr.function);
        virBufferAdjustIndent(&childBuf, -2);
        virBufferAddLit(&childBuf, "</parentaddr>\n");
    }
    virBufferFormatElement(buf, "adapter", &attrBuf, &childBuf);
}
