/*
 * moment_conf.c: the parts of <domainsnapshot> and <domaincheckpoint>
 * that the two documents share.
 */
#include "internal.h"
#include "conf/moment_conf.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_SNAPSHOT

void
virDomainMomentDefClear(virDomainMomentDef *def)
{
    g_clear_pointer(&def->name, g_free);
    g_clear_pointer(&def->description, g_free);
    g_clear_pointer(&def->parent_name, g_free);
    g_clear_pointer(&def->dom, virDomainDefFree);
    g_clear_pointer(&def->inactiveDom, virDomainDefFree);
}


int
virDomainMomentDefPostParse(virDomainMomentDef *def, void *opaque G_GNUC_UNUSED)
{
    def->creationTime = g_get_real_time() / (1000 * 1000);
    if (!def->name)
        def->name = g_strdup_printf("%lld", def->creationTime);
    return 0;
}


void
virDomainMomentParseNames(xmlXPathContextPtr ctxt, virDomainMomentDef *def)
{
    def->name = virXPathString("string(./name)", ctxt);
    def->description = virXPathString("string(./description)", ctxt);
}


int
virDomainMomentParseDomain(xmlXPathContextPtr ctxt, const char *element,
                           const virDomainXMLOption *xmlopt, virDomainDef **dom)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *xpath = g_strdup_printf("./%s", element);
    xmlNodePtr node = virXPathNode(xpath, ctxt);
    xmlNodePtr copy = NULL;

    if (!node)
        return 0;
    if (!virXMLNodeNameEqual(node, "domain")) {
        /* the domain parser wants its own root name: parse a renamed,
         * detached copy */
        copy = xmlDocCopyNode(node, node->doc, 1);
        xmlNodeSetName(copy, BAD_CAST "domain");
        node = copy;
    }
    ctxt->node = node;
    *dom = virDomainDefParseNode(ctxt, xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE);
    if (copy)
        xmlFreeNode(copy);
    return *dom ? 0 : -1;
}


void
virDomainMomentFormatParent(virBuffer *buf, const virDomainMomentDef *def)
{
    if (def->parent_name) {
        virBufferAddLit(buf, "<parent>\n");
        virBufferAdjustIndent(buf, 2);
        virBufferEscapeString(buf, "<name>%s</name>\n", def->parent_name);
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</parent>\n");
    }
    if (def->creationTime)
        virBufferAsprintf(buf, "<creationTime>%lld</creationTime>\n",
                          def->creationTime);
}


int
virDomainMomentFormatDomain(virBuffer *buf, const virDomainDef *dom,
                            const char *element, unsigned int flags)
{
    g_auto(virBuffer) tmp = { NULL, virBufferGetIndent(buf) };
    g_autofree char *text = NULL;
    const char *open;
    const char *close;

    if (STREQ(element, "domain"))
        return virDomainDefFormatBuf(buf, dom, flags);

    /* the same document under another root name */
    if (virDomainDefFormatBuf(&tmp, dom, flags) < 0)
        return -1;
    text = virBufferContentAndReset(&tmp);
    open = strstr(text, "<domain");
    close = g_strrstr(text, "</domain>");
    if (!open || !close || close < open) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "unexpected domain format");
        return -1;
    }
    {
        g_auto(virBuffer) out = VIR_BUFFER_INITIALIZER;

        virBufferAdd(&out, text, open - text);
        virBufferAsprintf(&out, "<%s", element);
        virBufferAdd(&out, open + strlen("<domain"), close - open - strlen("<domain"));
        virBufferAsprintf(&out, "</%s>", element);
        virBufferAddStr(&out, close + strlen("</domain>"));
        virBufferAddBuffer(buf, &out);
    }
    return 0;
}
