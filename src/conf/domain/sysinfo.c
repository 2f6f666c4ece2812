/*
 * sysinfo.c: <sysinfo>.  Each SMBIOS block is a row of a table giving
 * its element name and its entry names in output order.
 */
#include "internal.h"
#include "conf/domain/sysinfo.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

enum { SYSINFO_SMBIOS, SYSINFO_FWCFG, SYSINFO_LAST };
VIR_ENUM_DECL(virDomainSysinfo);
VIR_ENUM_IMPL(virDomainSysinfo, SYSINFO_LAST, "smbios", "fwcfg");

static const struct {
    const char *element;
    const char *fields[VIR_DOMAIN_SYSINFO_MAX_FIELDS + 1];
} sysinfoBlocks[] = {
    { "bios", { "vendor", "version", "date", "release", NULL } },
    { "system", { "manufacturer", "product", "version", "serial", "uuid", "sku",
                  "family", NULL } },
    { "baseBoard", { "manufacturer", "product", "version", "serial", "asset",
                     "location", NULL } },
    { "chassis", { "manufacturer", "version", "serial", "asset", "sku", NULL } },
};

void
virDomainSysinfoDefFree(virDomainSysinfoDef *def)
{
    size_t i, j;

    if (!def)
        return;
    for (i = 0; i < def->nblocks; i++) {
        for (j = 0; j < VIR_DOMAIN_SYSINFO_MAX_FIELDS; j++)
            g_free(def->blocks[i].fields[j]);
    }
    g_free(def->blocks);
    g_strfreev(def->oemStrings);
    for (i = 0; i < def->nfwcfgs; i++) {
        g_free(def->fwcfgs[i].name);
        g_free(def->fwcfgs[i].value);
        g_free(def->fwcfgs[i].file);
    }
    g_free(def->fwcfgs);
    g_free(def);
}


static int
virDomainSysinfoBlockParseXML(virDomainSysinfoDef *def, xmlNodePtr node, unsigned int kind)
{
    virDomainSysinfoBlock *block;
    xmlNodePtr cur;
    size_t i;

    def->blocks = g_renew(virDomainSysinfoBlock, def->blocks, def->nblocks + 1);
    block = &def->blocks[def->nblocks++];
    memset(block, 0, sizeof(*block));
    block->kind = kind;
    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        g_autofree char *name = NULL;

        if (!virXMLNodeNameEqual(cur, "entry") || !(name = virXMLPropString(cur, "name")))
            continue;
        for (i = 0; sysinfoBlocks[kind].fields[i]; i++) {
            if (STREQ(name, sysinfoBlocks[kind].fields[i]) && !block->fields[i]) {
                block->fields[i] = virXMLNodeContentString(cur);
                if (block->fields[i] && !*block->fields[i])
                    g_clear_pointer(&block->fields[i], g_free);
                break;
            }
        }
    }
    return 0;
}


static int
virDomainSysinfoSMBIOSParseXML(virDomainSysinfoDef *def, xmlNodePtr node)
{
    g_autoptr(GPtrArray) oem = NULL;
    xmlNodePtr cur, entry;
    size_t kind;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        if (virXMLNodeNameEqual(cur, "oemStrings")) {
            oem = g_ptr_array_new();
            for (entry = xmlFirstElementChild(cur); entry; entry = xmlNextElementSibling(entry))
                g_ptr_array_add(oem, virXMLNodeContentString(entry));
            g_ptr_array_add(oem, NULL);
            g_strfreev(def->oemStrings);
            def->oemStrings = (char **)g_ptr_array_free(g_steal_pointer(&oem), FALSE);
            continue;
        }
        for (kind = 0; kind < G_N_ELEMENTS(sysinfoBlocks); kind++) {
            if (virXMLNodeNameEqual(cur, sysinfoBlocks[kind].element) &&
                virDomainSysinfoBlockParseXML(def, cur, kind) < 0)
                return -1;
        }
    }
    return 0;
}


static int
virDomainSysinfoFWCfgParseXML(virDomainSysinfoDef *def, xmlNodePtr node)
{
    xmlNodePtr cur;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        virDomainSysinfoFWCfg *f;

        if (!virXMLNodeNameEqual(cur, "entry"))
            continue;
        def->fwcfgs = g_renew(virDomainSysinfoFWCfg, def->fwcfgs, def->nfwcfgs + 1);
        f = &def->fwcfgs[def->nfwcfgs++];
        memset(f, 0, sizeof(*f));
        if (!(f->name = virXMLPropString(cur, "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "Firmware entry is missing 'name' attribute");
            return -1;
        }
        f->file = virXMLPropString(cur, "file");
        f->value = virXMLNodeContentString(cur);
        if (f->value && !*f->value)
            g_clear_pointer(&f->value, g_free);
        if (!f->value && !f->file) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "Firmware entry must have either value or 'file' attribute");
            return -1;
        }
    }
    return 0;
}


virDomainSysinfoDef *
virDomainSysinfoParseXML(xmlNodePtr node)
{
    g_autoptr(virDomainSysinfoDef) def = g_new0(virDomainSysinfoDef, 1);

    if (virXMLPropEnum(node, "type", virDomainSysinfoTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->type) < 0)
        return NULL;
    if (def->type == SYSINFO_SMBIOS) {
        if (virDomainSysinfoSMBIOSParseXML(def, node) < 0)
            return NULL;
    } else if (virDomainSysinfoFWCfgParseXML(def, node) < 0) {
        return NULL;
    }
    return g_steal_pointer(&def);
}


static void
virDomainSysinfoSMBIOSFormat(virBuffer *buf, const virDomainSysinfoDef *def)
{
    size_t kind, i, j;

    for (kind = 0; kind < G_N_ELEMENTS(sysinfoBlocks); kind++) {
        for (i = 0; i < def->nblocks; i++) {
            const virDomainSysinfoBlock *block = &def->blocks[i];

            if (block->kind != kind)
                continue;
            virBufferAsprintf(buf, "<%s>\n", sysinfoBlocks[kind].element);
            for (j = 0; sysinfoBlocks[kind].fields[j]; j++) {
                if (!block->fields[j])
                    continue;
                virBufferAsprintf(buf, "  <entry name='%s'>", sysinfoBlocks[kind].fields[j]);
                virBufferEscapeString(buf, "%s</entry>\n", block->fields[j]);
            }
            virBufferAsprintf(buf, "</%s>\n", sysinfoBlocks[kind].element);
            /* all blocks but baseBoard appear at most once */
            if (kind != 2)
                break;
        }
    }
    if (def->oemStrings) {
        virBufferAddLit(buf, "<oemStrings>\n");
        for (i = 0; def->oemStrings[i]; i++)
            virBufferEscapeString(buf, "  <entry>%s</entry>\n", def->oemStrings[i]);
        virBufferAddLit(buf, "</oemStrings>\n");
    }
}


void
virDomainSysinfoFormat(virBuffer *buf, const virDomainSysinfoDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (def->type == SYSINFO_SMBIOS) {
        virDomainSysinfoSMBIOSFormat(&childBuf, def);
    } else {
        for (i = 0; i < def->nfwcfgs; i++) {
            virBufferEscapeString(&childBuf, "<entry name='%s'", def->fwcfgs[i].name);
            if (def->fwcfgs[i].file)
                virBufferEscapeString(&childBuf, " file='%s'/>\n", def->fwcfgs[i].file);
            else
                virBufferEscapeString(&childBuf, ">%s</entry>\n", def->fwcfgs[i].value);
        }
    }
    virBufferAsprintf(&attrBuf, " type='%s'", virDomainSysinfoTypeToString(def->type));
    virBufferFormatElement(buf, "sysinfo", &attrBuf, &childBuf);
}
