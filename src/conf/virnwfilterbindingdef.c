/*
 * virnwfilterbindingdef.c: parse and format <filterbinding>.
 */
#include "internal.h"
#include "conf/virnwfilterbindingdef.h"
#include "conf/virxmlcategory.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

void
virNWFilterBindingDefFree(virNWFilterBindingDef *def)
{
    if (!def)
        return;
    g_free(def->ownername);
    g_free(def->portdevname);
    g_free(def->linkdevname);
    g_free(def->filter);
    g_clear_pointer(&def->filterparams, g_hash_table_unref);
    g_free(def);
}


virNWFilterBindingDef *
virNWFilterBindingDefCopy(const virNWFilterBindingDef *src)
{
    virNWFilterBindingDef *def = g_new0(virNWFilterBindingDef, 1);

    def->ownername = g_strdup(src->ownername);
    memcpy(def->owneruuid, src->owneruuid, sizeof(def->owneruuid));
    def->portdevname = g_strdup(src->portdevname);
    def->linkdevname = g_strdup(src->linkdevname);
    memcpy(&def->mac, &src->mac, sizeof(def->mac));
    def->filter = g_strdup(src->filter);
    def->filterparams = virNWFilterParamsNew();
    if (src->filterparams)
        virNWFilterHashTablePutAll(src->filterparams, def->filterparams);
    return def;
}


/* The string value of @xpath, or NULL with "filter binding has no
 * @what". */
static char *
virNWFilterBindingDefRequire(xmlXPathContextPtr ctxt, const char *xpath,
                             const char *what)
{
    char *value = virXPathString(xpath, ctxt);

    if (!value)
        virReportError(VIR_ERR_INTERNAL_ERROR, "filter binding has no %s", what);
    return value;
}


virNWFilterBindingDef *
virNWFilterBindingDefParseNode(xmlXPathContextPtr ctxt)
{
    g_autoptr(virNWFilterBindingDef) def = g_new0(virNWFilterBindingDef, 1);
    g_autofree char *uuid = NULL;
    g_autofree char *mac = NULL;
    xmlNodePtr filterref;

    if (!(def->portdevname = virNWFilterBindingDefRequire(ctxt, "string(./portdev/@name)",
                                                          "port dev name")))
        return NULL;
    if (virXPathNode("./linkdev", ctxt) &&
        !(def->linkdevname = virNWFilterBindingDefRequire(ctxt, "string(./linkdev/@name)",
                                                          "link dev name")))
        return NULL;
    if (!(def->ownername = virNWFilterBindingDefRequire(ctxt, "string(./owner/name)",
                                                        "owner name")))
        return NULL;

    if (!(uuid = virNWFilterBindingDefRequire(ctxt, "string(./owner/uuid)",
                                              "owner UUID")))
        return NULL;
    if (virUUIDParse(uuid, def->owneruuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse UUID '%s'", uuid);
        return NULL;
    }

    if (!(mac = virNWFilterBindingDefRequire(ctxt, "string(./mac/@address)",
                                             "MAC address")))
        return NULL;
    if (virMacAddrParse(mac, &def->mac) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse MAC '%s'", mac);
        return NULL;
    }

    if (!(def->filter = virNWFilterBindingDefRequire(ctxt, "string(./filterref/@filter)",
                                                     "filter reference")))
        return NULL;
    if ((filterref = virXPathNode("./filterref", ctxt)))
        def->filterparams = virNWFilterParseParamAttributes(filterref);

    return g_steal_pointer(&def);
}


virNWFilterBindingDef *
virNWFilterBindingDefParse(const char *xmlStr, const char *filename,
                           unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    bool validate = !!(flags & VIR_NWFILTER_BINDING_CREATE_VALIDATE);

    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, filename, xmlStr,
                                  "(nwfilterbinding_definition)", "filterbinding",
                                  &ctxt, "nwfilterbinding.rng", validate)))
        return NULL;
    return virNWFilterBindingDefParseNode(ctxt);
}


virNWFilterBindingDef *
virNWFilterBindingDefParseString(const char *xmlStr, unsigned int flags)
{
    return virNWFilterBindingDefParse(xmlStr, NULL, flags);
}


void
virNWFilterBindingDefFormatBuf(virBuffer *buf, const virNWFilterBindingDef *def)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    char mac[VIR_MAC_STRING_BUFLEN];

    virBufferAddLit(buf, "<filterbinding>\n");
    virBufferAdjustIndent(buf, 2);

    virBufferAddLit(buf, "<owner>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<name>%s</name>\n", def->ownername);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->owneruuid, uuid));
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</owner>\n");

    virBufferEscapeString(buf, "<portdev name='%s'/>\n", def->portdevname);
    virBufferEscapeString(buf, "<linkdev name='%s'/>\n", def->linkdevname);
    virBufferAsprintf(buf, "<mac address='%s'/>\n", virMacAddrFormat(&def->mac, mac));
    virNWFilterFormatParamAttributes(buf, def->filterparams, def->filter);

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</filterbinding>\n");
}


char *
virNWFilterBindingDefFormat(const virNWFilterBindingDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virNWFilterBindingDefFormatBuf(&buf, def);
    return virBufferContentAndReset(&buf);
}


static char *
nwfilterbindingRoundtrip(const char *xml,
                         const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(virNWFilterBindingDef) def = virNWFilterBindingDefParse(xml, NULL, 0);

    if (!def)
        return NULL;
    return virNWFilterBindingDefFormat(def);
}

const virXMLCategory virNWFilterBindingXMLCategory = {
    "nwfilterbinding", nwfilterbindingRoundtrip
};
