/*
 * storage_capabilities.c: format <storagepoolCapabilities> from the
 * per-pool-type table of storage_conf.c.
 */
#include "internal.h"
#include "conf/storage_capabilities.h"
#include "conf/storage_conf_priv.h"
#include "conf/virxmlcategory.h"
#include "util/virbuffer.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_CAPABILITIES

/* <defaultFormat/> and the <enum> of every name of @names */
static void
virStoragePoolCapsFormatOptions(virBuffer *buf, const char *element,
                                const char *enumName,
                                const virStorageFormatNames *names,
                                bool listValues)
{
    const char *str;
    int i;

    if (!names)
        return;
    virBufferAsprintf(buf, "<%s>\n", element);
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<defaultFormat type='%s'/>\n",
                      names->toString(names->defaultFormat));
    virBufferAsprintf(buf, "<enum name='%s'>\n", enumName);
    virBufferAdjustIndent(buf, 2);
    for (i = 0; listValues && (str = names->toString(i)); i++)
        virBufferAsprintf(buf, "<value>%s</value>\n", str);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</enum>\n");
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", element);
}


char *
virStoragePoolCapsFormat(const virStoragePoolCaps *caps)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    int i;

    virBufferAddLit(&buf, "<storagepoolCapabilities>\n");
    virBufferAdjustIndent(&buf, 2);
    for (i = 0; i < VIR_STORAGE_POOL_LAST; i++) {
        const virStoragePoolTypeInfo *info = virStoragePoolTypeInfoGet(i);

        virBufferAsprintf(&buf, "<pool type='%s' supported='%s'>\n",
                          virStoragePoolTypeToString(i),
                          caps->supported[i] ? "yes" : "no");
        virBufferAdjustIndent(&buf, 2);
        virStoragePoolCapsFormatOptions(&buf, "poolOptions", "sourceFormatType",
                                        info->poolFormat, true);
        /* libvirt's rbd backend has no lastFormat: its enum is empty */
        virStoragePoolCapsFormatOptions(&buf, "volOptions", "targetFormatType",
                                        info->volFormat, i != VIR_STORAGE_POOL_RBD);
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</pool>\n");
    }
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</storagepoolCapabilities>\n");
    return virBufferContentAndReset(&buf);
}


/* TEST ONLY: libvirt never parses this document.  The xml2xml category
 * reads which pool types are supported and formats the document again. */

static char *
storagepoolcapsRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    virStoragePoolCaps caps = { 0 };
    int n;
    int i;

    if (!(doc = virXMLParse(NULL, xml, "(storagepool_capabilities)",
                           "storagepoolCapabilities", &ctxt)))
        return NULL;
    if ((n = virXPathNodeSet("./pool", ctxt, &nodes)) < 0)
        return NULL;
    for (i = 0; i < n; i++) {
        unsigned int type;
        virTristateBool supported;

        if (virXMLPropEnum(nodes[i], "type", virStoragePoolTypeFromString,
                           VIR_XML_PROP_REQUIRED, &type) < 0 ||
            virXMLPropTristateBool(nodes[i], "supported", VIR_XML_PROP_NONE,
                                   &supported) < 0)
            return NULL;
        caps.supported[type] = supported == VIR_TRISTATE_BOOL_YES;
    }
    return virStoragePoolCapsFormat(&caps);
}

const virXMLCategory virStoragePoolCapsXMLCategory = {
    "storagepoolcaps", storagepoolcapsRoundtrip
};
