/*
 * nwfilter_conf.c: parse and format network filters (<filter>): chain and
 * priority, <filterref> entries, entry points and the xml2xml category.
 * Rules are in nwfilter_rule.c, parameters in nwfilter_params.c.
 */
#include "internal.h"

#include "conf/nwfilter_conf.h"
#include "conf/nwfilter_conf_priv.h"
#include "conf/virxmlcategory.h"
#include "util/virbuffer.h"
#include "util/virstring.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

VIR_ENUM_IMPL(virNWFilterChainPolicy,
              VIR_NWFILTER_CHAIN_POLICY_LAST,
              "ACCEPT", "DROP");

VIR_ENUM_IMPL(virNWFilterEbtablesTable,
              VIR_NWFILTER_EBTABLES_TABLE_LAST,
              "filter", "nat", "broute");

VIR_ENUM_IMPL(virNWFilterChainSuffix,
              VIR_NWFILTER_CHAINSUFFIX_LAST,
              "root", "mac", "vlan", "stp", "arp", "rarp", "ipv4", "ipv6");


/* ===== <filterref> inside a filter ===== */

static void
virNWFilterIncludeDefFree(virNWFilterIncludeDef *inc)
{
    if (!inc)
        return;
    g_free(inc->filterref);
    g_clear_pointer(&inc->params, g_hash_table_unref);
    g_free(inc);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterIncludeDef, virNWFilterIncludeDefFree);


static virNWFilterIncludeDef *
virNWFilterIncludeParse(xmlNodePtr node)
{
    g_autoptr(virNWFilterIncludeDef) inc = g_new0(virNWFilterIncludeDef, 1);

    if (!(inc->filterref = virXMLPropString(node, "filter"))) {
        /* libvirt's wording for a <filterref> without filter= */
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "rule node requires action attribute");
        return NULL;
    }
    inc->params = virNWFilterParseParamAttributes(node);
    return g_steal_pointer(&inc);
}


static void
virNWFilterEntryFree(virNWFilterEntry *entry)
{
    if (!entry)
        return;
    virNWFilterRuleDefFree(entry->rule);
    virNWFilterIncludeDefFree(entry->include);
    g_free(entry);
}


static void
virNWFilterEntryFormat(virBuffer *buf, const virNWFilterEntry *entry)
{
    if (entry->rule)
        virNWFilterRuleDefFormat(buf, entry->rule);
    else
        virNWFilterFormatParamAttributes(buf, entry->include->params,
                                         entry->include->filterref);
}


/* ===== the filter ===== */

/* Default priority of a chain by its prefix; stp chains have none. */
static const int virNWFilterChainPriorities[] = {
    [VIR_NWFILTER_CHAINSUFFIX_ROOT] = NWFILTER_ROOT_FILTER_PRI,
    [VIR_NWFILTER_CHAINSUFFIX_MAC] = NWFILTER_MAC_FILTER_PRI,
    [VIR_NWFILTER_CHAINSUFFIX_VLAN] = NWFILTER_VLAN_FILTER_PRI,
    [VIR_NWFILTER_CHAINSUFFIX_STP] = (NWFILTER_MAX_FILTER_PRIORITY +
                                      NWFILTER_MIN_FILTER_PRIORITY) / 2,
    [VIR_NWFILTER_CHAINSUFFIX_ARP] = NWFILTER_ARP_FILTER_PRI,
    [VIR_NWFILTER_CHAINSUFFIX_RARP] = NWFILTER_RARP_FILTER_PRI,
    [VIR_NWFILTER_CHAINSUFFIX_IPv4] = NWFILTER_IPV4_FILTER_PRI,
    [VIR_NWFILTER_CHAINSUFFIX_IPv6] = NWFILTER_IPV6_FILTER_PRI,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virNWFilterChainPriorities) == VIR_NWFILTER_CHAINSUFFIX_LAST);


/* The prefix @chain starts with ('root' only as the whole name), or -1
 * with an error. */
static int
virNWFilterChainPrefix(const char *chain)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    int i;

    if (strlen(chain) > MAX_CHAIN_SUFFIX_SIZE) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Name of chain is longer than %d characters",
                       MAX_CHAIN_SUFFIX_SIZE);
        return -1;
    }
    if (chain[strspn(chain, VALID_CHAINNAME)] != '\0') {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Chain name contains invalid characters");
        return -1;
    }

    if (STREQ(chain, virNWFilterChainSuffixTypeToString(VIR_NWFILTER_CHAINSUFFIX_ROOT)))
        return VIR_NWFILTER_CHAINSUFFIX_ROOT;
    for (i = VIR_NWFILTER_CHAINSUFFIX_ROOT + 1; i < VIR_NWFILTER_CHAINSUFFIX_LAST; i++) {
        if (STRPREFIX(chain, virNWFilterChainSuffixTypeToString(i)))
            return i;
    }

    for (i = VIR_NWFILTER_CHAINSUFFIX_ROOT + 1; i < VIR_NWFILTER_CHAINSUFFIX_LAST; i++) {
        if (i > VIR_NWFILTER_CHAINSUFFIX_ROOT + 1)
            virBufferAddLit(&buf, ", ");
        virBufferAdd(&buf, virNWFilterChainSuffixTypeToString(i), -1);
    }
    virReportError(VIR_ERR_INVALID_ARG,
                   "Invalid chain name '%s'. Please use a chain name called '%s' or any of the following prefixes: %s",
                   chain,
                   virNWFilterChainSuffixTypeToString(VIR_NWFILTER_CHAINSUFFIX_ROOT),
                   virBufferCurrentContent(&buf));
    return -1;
}


void
virNWFilterDefFree(virNWFilterDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    for (i = 0; i < def->nentries; i++)
        virNWFilterEntryFree(def->filterEntries[i]);
    g_free(def->filterEntries);
    g_free(def->chainsuffix);
    g_free(def);
}


/* name=, chain= and priority= of <filter>. */
static int
virNWFilterDefParseChain(xmlXPathContextPtr ctxt, virNWFilterDef *def)
{
    g_autofree char *prio = virXPathString("string(./@priority)", ctxt);
    g_autofree char *chain = virXPathString("string(./@chain)", ctxt);
    int priority = 0;
    int prefix;

    if (!(def->name = virXPathString("string(./@name)", ctxt))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "filter has no name");
        return -1;
    }

    if (prio) {
        if (virStrToLong_i(prio, NULL, 10, &priority) < 0) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Could not parse chain priority '%s'", prio);
            return -1;
        }
        if (priority < NWFILTER_MIN_FILTER_PRIORITY ||
            priority > NWFILTER_MAX_FILTER_PRIORITY) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Priority '%d' is outside valid range of [%d,%d]",
                           priority, NWFILTER_MIN_FILTER_PRIORITY,
                           NWFILTER_MAX_FILTER_PRIORITY);
            return -1;
        }
    }

    /* without chain=, priority= is checked but not kept */
    if (!chain) {
        def->chainsuffix = g_strdup(virNWFilterChainSuffixTypeToString(VIR_NWFILTER_CHAINSUFFIX_ROOT));
        return 0;
    }
    if ((prefix = virNWFilterChainPrefix(chain)) < 0)
        return -1;
    def->chainsuffix = g_steal_pointer(&chain);
    def->chainPriority = prio ? priority : virNWFilterChainPriorities[prefix];
    return 0;
}


static int
virNWFilterDefParseEntries(xmlNodePtr node, virNWFilterDef *def)
{
    xmlNodePtr cur;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        virNWFilterEntry *entry;

        if (!virXMLNodeNameEqual(cur, "rule") &&
            !virXMLNodeNameEqual(cur, "filterref"))
            continue;

        entry = g_new0(virNWFilterEntry, 1);
        def->filterEntries = g_renew(virNWFilterEntry *, def->filterEntries,
                                     def->nentries + 1);
        def->filterEntries[def->nentries++] = entry;
        if (virXMLNodeNameEqual(cur, "rule"))
            entry->rule = virNWFilterRuleParse(cur);
        else
            entry->include = virNWFilterIncludeParse(cur);
        if (!entry->rule && !entry->include)
            return -1;
    }
    return 0;
}


virNWFilterDef *
virNWFilterDefParseNode(xmlXPathContextPtr ctxt)
{
    g_autoptr(virNWFilterDef) def = g_new0(virNWFilterDef, 1);
    g_autofree char *uuid = NULL;

    if (virNWFilterDefParseChain(ctxt, def) < 0)
        return NULL;

    if (!(uuid = virXPathString("string(./uuid)", ctxt))) {
        if (virUUIDGenerate(def->uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "unable to generate uuid");
            return NULL;
        }
    } else if (virUUIDParse(uuid, def->uuid) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "malformed uuid element");
        return NULL;
    }
    def->uuid_specified = uuid != NULL;

    if (virNWFilterDefParseEntries(ctxt->node, def) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


virNWFilterDef *
virNWFilterDefParse(const char *xmlStr, const char *filename,
                    unsigned int flags)
{
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    bool validate = !!(flags & VIR_NWFILTER_DEFINE_VALIDATE);

    if (!(xml = virXMLParseHelper(VIR_FROM_THIS, filename, xmlStr,
                                  "(nwfilter_definition)", "filter", &ctxt,
                                  "nwfilter.rng", validate)))
        return NULL;
    return virNWFilterDefParseNode(ctxt);
}


virNWFilterDef *
virNWFilterDefParseString(const char *xmlStr, unsigned int flags)
{
    return virNWFilterDefParse(xmlStr, NULL, flags);
}


char *
virNWFilterDefFormat(const virNWFilterDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    char uuid[VIR_UUID_STRING_BUFLEN];
    size_t i;

    virBufferEscapeString(&buf, "<filter name='%s'", def->name);
    virBufferEscapeString(&buf, " chain='%s'", def->chainsuffix);
    if (def->chainPriority != 0)
        virBufferAsprintf(&buf, " priority='%d'", def->chainPriority);
    virBufferAddLit(&buf, ">\n");
    virBufferAdjustIndent(&buf, 2);

    virBufferAsprintf(&buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->uuid, uuid));
    for (i = 0; i < def->nentries; i++)
        virNWFilterEntryFormat(&buf, def->filterEntries[i]);

    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</filter>\n");
    return virBufferContentAndReset(&buf);
}


static char *
nwfilterRoundtrip(const char *xml, const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    g_autoptr(virNWFilterDef) def = virNWFilterDefParse(xml, NULL, 0);

    if (!def)
        return NULL;
    return virNWFilterDefFormat(def);
}

const virXMLCategory virNWFilterXMLCategory = { "nwfilter", nwfilterRoundtrip };
