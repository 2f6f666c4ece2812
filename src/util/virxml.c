/*
 * virxml.c: reading and writing XML documents with libxml2.
 */
#include "internal.h"
#include "util/virxml.h"
#include "util/virstring.h"
#include "util/viruuid.h"

#include <libxml/xpathInternals.h>

#define VIR_FROM_THIS VIR_FROM_XML

typedef struct {
    int domcode;
} virParserData;

/* A fatal parse error becomes VIR_ERR_XML_DETAIL with the offending line
 * and a "----^" pointer under the column, as libvirt reports it. */
static void
virXMLCatchError(void *ctx, const char *msg G_GNUC_UNUSED, ...)
{
    xmlParserCtxtPtr ctxt = ctx;
    const xmlChar *cur;
    const xmlChar *base;
    g_autoptr(GString) context = NULL;
    g_autoptr(GString) pointer = NULL;
    int domcode = VIR_FROM_XML;
    size_t col;
    size_t n;

    if (!ctxt || virGetLastErrorCode() != VIR_ERR_OK || !ctxt->input ||
        ctxt->lastError.level != XML_ERR_FATAL || !ctxt->lastError.message)
        return;
    if (ctxt->_private)
        domcode = ((virParserData *)ctxt->_private)->domcode;

    cur = ctxt->input->cur;
    base = ctxt->input->base;
    while (cur > base && (*cur == '\n' || *cur == '\r'))
        cur--;
    while (cur > base && *cur != '\n' && *cur != '\r')
        cur--;
    if (*cur == '\n' || *cur == '\r')
        cur++;
    col = ctxt->input->cur - cur;

    context = g_string_new(NULL);
    while (*cur && *cur != '\n' && *cur != '\r')
        g_string_append_c(context, *cur++);
    pointer = g_string_new(NULL);
    for (n = 0; n < col && n < context->len; n++)
        g_string_append_c(pointer, context->str[n] == '\t' ? '\t' : '-');
    g_string_append_c(pointer, '^');

    /* an error at the very end has no context line; libvirt prints its
     * empty buffer as "(null)" there, and so must we */
    if (ctxt->lastError.file)
        virReportErrorHelper(domcode, VIR_ERR_XML_DETAIL, __FILE__, __FUNCTION__,
                             __LINE__, "%s:%d: %s%s\n%s", ctxt->lastError.file,
                             ctxt->lastError.line, ctxt->lastError.message,
                             context->len ? context->str : "(null)", pointer->str);
    else
        virReportErrorHelper(domcode, VIR_ERR_XML_DETAIL, __FILE__, __FUNCTION__,
                             __LINE__, "at line %d: %s%s\n%s",
                             ctxt->lastError.line, ctxt->lastError.message,
                             context->len ? context->str : "(null)", pointer->str);
}

xmlXPathContextPtr
virXMLXPathContextNew(xmlDocPtr xml)
{
    xmlXPathContextPtr ctxt = xmlXPathNewContext(xml);

    if (!ctxt)
        abort();
    return ctxt;
}

VIR_PRIVATE_EXPORT xmlDocPtr
virXMLParseHelper(int domcode, const char *filename, const char *xmlStr,
                  const char *url, const char *rootelement,
                  xmlXPathContextPtr *ctxt, const char *schemafile G_GNUC_UNUSED,
                  bool validate G_GNUC_UNUSED)
{
    virParserData priv = { .domcode = domcode };
    g_autoptr(xmlParserCtxt) pctxt = xmlNewParserCtxt();
    g_autoptr(xmlDoc) xml = NULL;
    const char *docname = filename ? filename : url ? url : "[inline data]";
    xmlNodePtr root;

    if (!pctxt || !pctxt->sax)
        abort();
    pctxt->_private = &priv;
    pctxt->sax->error = virXMLCatchError;
    if (filename)
        xml = xmlCtxtReadFile(pctxt, filename, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING);
    else
        xml = xmlCtxtReadDoc(pctxt, BAD_CAST xmlStr, url, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOWARNING);
    if (!xml) {
        if (virGetLastErrorCode() == VIR_ERR_OK)
            virReportErrorHelper(domcode, VIR_ERR_XML_ERROR, __FILE__,
                                 __FUNCTION__, __LINE__,
                                 "failed to parse xml document '%s'", docname);
        return NULL;
    }
    if (!(root = xmlDocGetRootElement(xml))) {
        virReportErrorHelper(domcode, VIR_ERR_INTERNAL_ERROR, __FILE__,
                             __FUNCTION__, __LINE__, "%s", "missing root element");
        return NULL;
    }
    if (rootelement && !virXMLNodeNameEqual(root, rootelement)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "expecting root element of '%s', not '%s'",
                       rootelement, root->name);
        return NULL;
    }
    if (ctxt) {
        *ctxt = virXMLXPathContextNew(xml);
        (*ctxt)->node = root;
    }
    return g_steal_pointer(&xml);
}

/*
 * Simple paths without libxml2's XPath engine.
 *
 * Parsing a domain asks hundreds of questions like "string(./os/type/@arch)"
 * or "./devices/disk", most about elements that are absent; compiling and
 * running each with xmlXPathEval was most of a define's cost.  A path made
 * only of child steps (NAME, PREFIX:NAME or *, each optionally [1]) from
 * the context node, optionally ending in @NAME, optionally wrapped in
 * string(...), is walked here directly; it finds the same nodes in the
 * same (document) order as XPath.  Anything else (other predicates, axes,
 * functions, unknown prefixes) goes to xmlXPathEval as before.
 */
#define VIR_XPATH_FAST_MAX_STEPS 8
#define VIR_XPATH_FAST_MAX_NAME 48

typedef struct {
    char name[VIR_XPATH_FAST_MAX_NAME];   /* "*" for any element */
    char prefix[VIR_XPATH_FAST_MAX_NAME]; /* "" for no namespace */
    const xmlChar *href;                  /* the prefix's namespace */
    bool first;     /* NAME[1] */
    bool attr;      /* @NAME, the last step */
} virXPathFastStep;

typedef struct {
    virXPathFastStep steps[VIR_XPATH_FAST_MAX_STEPS];
    size_t nsteps;
} virXPathFastPath;

static bool
virXPathFastNameChar(char c, bool start)
{
    return g_ascii_isalpha(c) || c == '_' || (!start && (g_ascii_isdigit(c) || c == '-'));
}

/* Copy the NCName at *@p into @dst; false when there is none. */
static bool
virXPathFastParseName(const char **p, char *dst)
{
    size_t len = 0;

    if (!virXPathFastNameChar(**p, true))
        return false;
    while (virXPathFastNameChar((*p)[len], len == 0)) {
        if (len + 1 >= VIR_XPATH_FAST_MAX_NAME)
            return false;
        dst[len] = (*p)[len];
        len++;
    }
    dst[len] = '\0';
    *p += len;
    return true;
}

/* Parse one step at *@p into @step; false when it is not a simple one. */
static bool
virXPathFastParseStep(const char **p, virXPathFastStep *step)
{
    const char *s = *p;

    if (*s == '@') {
        step->attr = true;
        s++;
    }
    if (*s == '*' && !step->attr) {
        strcpy(step->name, "*");
        s++;
    } else {
        if (!virXPathFastParseName(&s, step->name))
            return false;
        if (*s == ':') {
            s++;
            memcpy(step->prefix, step->name, sizeof(step->name));
            if (!virXPathFastParseName(&s, step->name))
                return false;
        }
    }
    if (STRPREFIX(s, "[1]")) {
        if (step->attr)
            return false;
        step->first = true;
        s += 3;
    }
    *p = s;
    return true;
}

/* Strip string(...) wrappers (virXPathString adds one to what callers
 * wrote) and parse the path; false when it is not simple. */
static bool
virXPathFastParse(const char *xpath, bool *isString, virXPathFastPath *path)
{
    const char *p = xpath;
    const char *end;
    size_t len = strlen(xpath);
    size_t wrap = 0;

    while (len >= 8 && STRPREFIX(p, "string(") && p[len - 1] == ')') {
        p += 7;
        len -= 8;
        wrap++;
    }
    *isString = wrap > 0;
    path->nsteps = 0;
    if (len == 1 && *p == '.')
        return true;
    if (len >= 2 && p[0] == '.' && p[1] == '/') {
        p += 2;
        len -= 2;
    }
    end = p + len;
    while (p < end) {
        virXPathFastStep *step;

        if (path->nsteps == VIR_XPATH_FAST_MAX_STEPS)
            return false;
        step = &path->steps[path->nsteps++];
        memset(step, 0, sizeof(*step));
        if (!virXPathFastParseStep(&p, step) || p > end)
            return false;
        if (p == end)
            break;
        if (*p != '/' || step->attr || ++p == end)
            return false;
    }
    return path->nsteps > 0 || wrap > 0;
}

/* Give each prefixed step its namespace; false for an unknown prefix
 * (libxml2 reports that). */
static bool
virXPathFastResolve(virXPathFastPath *path, xmlXPathContextPtr ctxt)
{
    size_t i;

    for (i = 0; i < path->nsteps; i++) {
        virXPathFastStep *step = &path->steps[i];

        if (!step->prefix[0])
            continue;
        if (!(step->href = xmlXPathNsLookup(ctxt, BAD_CAST step->prefix)))
            return false;
    }
    return true;
}

static bool
virXPathFastMatch(const virXPathFastStep *step, const xmlChar *name, xmlNsPtr ns)
{
    if (step->name[0] == '*')
        return true;
    if (!xmlStrEqual(name, BAD_CAST step->name))
        return false;
    if (!step->href)
        return !ns;
    return ns && xmlStrEqual(ns->href, step->href);
}

typedef struct {
    GPtrArray *all;     /* every node, or NULL: only the first */
    xmlNodePtr first;
} virXPathFastFound;

/* Collect the nodes @path selects below @node from step @i in document
 * order; true when the first is all that was asked and it was found. */
static bool
virXPathFastWalk(xmlNodePtr node, const virXPathFastPath *path, size_t i,
                 virXPathFastFound *found)
{
    const virXPathFastStep *step;
    xmlNodePtr child;

    if (i == path->nsteps) {
        if (!found->first)
            found->first = node;
        if (!found->all)
            return true;
        g_ptr_array_add(found->all, node);
        return false;
    }
    step = &path->steps[i];
    if (step->attr) {
        xmlAttrPtr a;

        if (node->type != XML_ELEMENT_NODE)
            return false;
        for (a = node->properties; a; a = a->next) {
            if (virXPathFastMatch(step, a->name, a->ns))
                return virXPathFastWalk((xmlNodePtr)a, path, i + 1, found);
        }
        return false;
    }
    for (child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE || !virXPathFastMatch(step, child->name, child->ns))
            continue;
        if (virXPathFastWalk(child, path, i + 1, found))
            return true;
        if (step->first)
            return false;
    }
    return false;
}

/* Evaluate a simple @xpath into @found (with @found->all: every node);
 * false when @xpath is not simple (the caller asks libxml2).
 * *@isString: it was wrapped in string(). */
static bool
virXPathFastEval(const char *xpath, xmlXPathContextPtr ctxt,
                 virXPathFastFound *found, bool *isString)
{
    virXPathFastPath path;
    xmlNodePtr node = ctxt->node;

    *isString = false;
    if (!node || (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE))
        return false;
    if (!virXPathFastParse(xpath, isString, &path) || !virXPathFastResolve(&path, ctxt))
        return false;
    virXPathFastWalk(node, &path, 0, found);
    return true;
}

/* The string value of a simple @xpath: 0 and *@value (NULL when empty
 * or absent), or -1 when @xpath is not simple. */
static int
virXPathFastString(const char *xpath, xmlXPathContextPtr ctxt, char **value)
{
    virXPathFastFound found = { 0 };
    bool isString;
    xmlChar *content;

    *value = NULL;
    if (!virXPathFastEval(xpath, ctxt, &found, &isString))
        return -1;
    if (!found.first)
        return 0;
    content = xmlNodeGetContent(found.first);
    if (content && *content)
        *value = g_strdup((const char *)content);
    xmlFree(content);
    return 0;
}

/* Evaluate @xpath as a string; NULL when it is empty or missing. */
static xmlXPathObjectPtr
virXPathEvalString(const char *xpath, xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;

    if (!ctxt || !xpath) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Invalid parameter to virXPathString()");
        return NULL;
    }
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (!obj || obj->type != XPATH_STRING || !obj->stringval ||
        obj->stringval[0] == 0) {
        xmlXPathFreeObject(obj);
        return NULL;
    }
    return obj;
}

VIR_PRIVATE_EXPORT char *
virXPathString(const char *xpath, xmlXPathContextPtr ctxt)
{
    g_autofree char *expr = NULL;
    g_autoptr(xmlXPathObject) obj = NULL;
    char *value;

    if (ctxt && xpath && virXPathFastString(xpath, ctxt, &value) == 0)
        return value;
    expr = g_strdup_printf("string(%s)", xpath);
    obj = virXPathEvalString(expr, ctxt);
    return obj ? g_strdup((char *)obj->stringval) : NULL;
}

VIR_PRIVATE_EXPORT int
virXPathBoolean(const char *xpath, xmlXPathContextPtr ctxt)
{
    g_autoptr(xmlXPathObject) obj = NULL;

    if (!ctxt || !xpath) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Invalid parameter to virXPathBoolean()");
        return -1;
    }
    if (STRPREFIX(xpath, "boolean(") && g_str_has_suffix(xpath, ")")) {
        g_autofree char *inner = g_strndup(xpath + 8, strlen(xpath) - 9);
        virXPathFastFound found = { 0 };
        bool isString;

        if (virXPathFastEval(inner, ctxt, &found, &isString) && !isString)
            return !!found.first;
    }
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (!obj || obj->type != XPATH_BOOLEAN || obj->boolval < 0 || obj->boolval > 1)
        return -1;
    return obj->boolval;
}

/* 0 read, -1 absent or empty, -2 not a number of that type */
#define XPATH_NUMBER_READER(fn, type, conv) \
    fn(const char *xpath, xmlXPathContextPtr ctxt, unsigned int base, type *value) \
    { \
        g_autofree char *str = virXPathString(xpath, ctxt); \
        if (!str) \
            return -1; \
        if (conv(str, NULL, base, value) < 0) \
            return -2; \
        return 0; \
    }

VIR_PRIVATE_EXPORT int XPATH_NUMBER_READER(virXPathUIntBase, unsigned int, virStrToLong_uip)
VIR_PRIVATE_EXPORT int XPATH_NUMBER_READER(virXPathULongLongBase, unsigned long long, virStrToLong_ullp)
static int XPATH_NUMBER_READER(virXPathIntBase, int, virStrToLong_i)
static int XPATH_NUMBER_READER(virXPathLongLongBase, long long, virStrToLong_ll)

VIR_PRIVATE_EXPORT int
virXPathInt(const char *xpath, xmlXPathContextPtr ctxt, int *value)
{
    return virXPathIntBase(xpath, ctxt, 10, value);
}

VIR_PRIVATE_EXPORT int
virXPathUInt(const char *xpath, xmlXPathContextPtr ctxt, unsigned int *value)
{
    return virXPathUIntBase(xpath, ctxt, 10, value);
}

VIR_PRIVATE_EXPORT int
virXPathLongLong(const char *xpath, xmlXPathContextPtr ctxt, long long *value)
{
    return virXPathLongLongBase(xpath, ctxt, 10, value);
}

VIR_PRIVATE_EXPORT int
virXPathULongLong(const char *xpath, xmlXPathContextPtr ctxt,
                  unsigned long long *value)
{
    return virXPathULongLongBase(xpath, ctxt, 10, value);
}

VIR_PRIVATE_EXPORT xmlNodePtr
virXPathNode(const char *xpath, xmlXPathContextPtr ctxt)
{
    g_autoptr(xmlXPathObject) obj = NULL;

    if (!ctxt || !xpath) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Invalid parameter to virXPathNode()");
        return NULL;
    }
    {
        virXPathFastFound found = { 0 };
        bool isString;

        if (virXPathFastEval(xpath, ctxt, &found, &isString) && !isString)
            return found.first;
    }
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (!obj || obj->type != XPATH_NODESET || !obj->nodesetval ||
        obj->nodesetval->nodeNr <= 0 || !obj->nodesetval->nodeTab)
        return NULL;
    return obj->nodesetval->nodeTab[0];
}

VIR_PRIVATE_EXPORT int
virXPathNodeSet(const char *xpath, xmlXPathContextPtr ctxt, xmlNodePtr **list)
{
    g_autoptr(xmlXPathObject) obj = NULL;
    int n;

    if (list)
        *list = NULL;
    if (!ctxt || !xpath) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Invalid parameter to virXPathNodeSet()");
        return -1;
    }
    {
        g_autoptr(GPtrArray) all = g_ptr_array_new();
        virXPathFastFound found = { .all = all };
        bool isString;

        if (virXPathFastEval(xpath, ctxt, &found, &isString) && !isString) {
            n = all->len;
            if (list && n > 0)
                *list = g_memdup2(all->pdata, sizeof(xmlNodePtr) * n);
            return n;
        }
    }
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (!obj)
        return 0;
    if (obj->type != XPATH_NODESET) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Incorrect xpath '%s'", xpath);
        return -1;
    }
    if (!obj->nodesetval || obj->nodesetval->nodeNr < 0)
        return 0;
    n = obj->nodesetval->nodeNr;
    if (list && n > 0)
        *list = g_memdup2(obj->nodesetval->nodeTab, sizeof(xmlNodePtr) * n);
    return n;
}

VIR_PRIVATE_EXPORT char *
virXMLPropString(xmlNodePtr node, const char *name)
{
    xmlChar *val = xmlGetNoNsProp(node, BAD_CAST name);
    char *ret;

    if (!val)
        return NULL;
    ret = g_strdup((const char *)val);
    xmlFree(val);
    return ret;
}

static int
virXMLPropMissing(xmlNodePtr node, const char *name, virXMLPropFlags flags)
{
    if (!(flags & VIR_XML_PROP_REQUIRED))
        return 0;
    virReportError(VIR_ERR_XML_ERROR,
                   "Missing required attribute '%s' in element '%s'",
                   name, node->name);
    return -1;
}

char *
virXMLPropStringRequired(xmlNodePtr node, const char *name)
{
    char *ret = virXMLPropString(node, name);

    if (!ret)
        ignore_value(virXMLPropMissing(node, name, VIR_XML_PROP_REQUIRED));
    return ret;
}

VIR_PRIVATE_EXPORT char *
virXMLNodeContentString(xmlNodePtr node)
{
    xmlChar *content;
    char *ret;

    if (node->type != XML_ELEMENT_NODE) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "node '%s' has unexpected type %d", node->name, node->type);
        return NULL;
    }
    if (!(content = xmlNodeGetContent(node))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "node '%s' has unexpected NULL content. This could be caused by malformed input, or a memory allocation failure",
                       node->name);
        return NULL;
    }
    ret = g_strdup((const char *)content);
    xmlFree(content);
    return ret;
}

int
virXMLPropEnumDefault(xmlNodePtr node, const char *name,
                      int (*strToInt)(const char *), virXMLPropFlags flags,
                      unsigned int *result, unsigned int defaultResult)
{
    g_autofree char *str = NULL;
    int val;

    *result = defaultResult;
    if (!(str = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    val = strToInt(str);
    if (val < 0 || ((flags & VIR_XML_PROP_NONZERO) && val == 0)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': '%s'.",
                       name, node->name, str);
        return -1;
    }
    *result = val;
    return 1;
}

int
virXMLPropEnum(xmlNodePtr node, const char *name,
               int (*strToInt)(const char *), virXMLPropFlags flags,
               unsigned int *result)
{
    return virXMLPropEnumDefault(node, name, strToInt, flags, result, 0);
}

int
virXMLPropTristateBool(xmlNodePtr node, const char *name,
                       virXMLPropFlags flags, virTristateBool *result)
{
    unsigned int val;
    int ret = virXMLPropEnum(node, name, virTristateBoolTypeFromString,
                             flags | VIR_XML_PROP_NONZERO, &val);

    *result = ret == 1 ? val : VIR_TRISTATE_BOOL_ABSENT;
    return ret;
}

int
virXMLPropTristateSwitch(xmlNodePtr node, const char *name,
                         virXMLPropFlags flags, virTristateSwitch *result)
{
    unsigned int val;
    int ret = virXMLPropEnum(node, name, virTristateSwitchTypeFromString,
                             flags | VIR_XML_PROP_NONZERO, &val);

    *result = ret == 1 ? val : VIR_TRISTATE_SWITCH_ABSENT;
    return ret;
}

/* Shared tail of the numeric readers: sign and zero rules. */
static int
virXMLPropCheckNumber(xmlNodePtr node, const char *name, const char *str,
                      virXMLPropFlags flags, bool negative, bool zero)
{
    if ((flags & VIR_XML_PROP_NONNEGATIVE) && negative) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': '%s'. Expected non-negative value",
                       name, node->name, str);
        return -1;
    }
    if ((flags & VIR_XML_PROP_NONZERO) && zero) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': Zero is not permitted",
                       name, node->name);
        return -1;
    }
    return 1;
}

static int
virXMLPropBadNumber(xmlNodePtr node, const char *name, const char *str,
                    const char *expected)
{
    virReportError(VIR_ERR_XML_ERROR,
                   "Invalid value for attribute '%s' in element '%s': '%s'. Expected %s value",
                   name, node->name, str, expected);
    return -1;
}

int
virXMLPropInt(xmlNodePtr node, const char *name, int base,
              virXMLPropFlags flags, int *result, int defaultResult)
{
    g_autofree char *str = NULL;
    int val;

    *result = defaultResult;
    if (!(str = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    if (virStrToLong_i(str, NULL, base, &val) < 0)
        return virXMLPropBadNumber(node, name, str, "integer");
    if (virXMLPropCheckNumber(node, name, str, flags, val < 0, val == 0) < 0)
        return -1;
    *result = val;
    return 1;
}

int
virXMLPropUInt(xmlNodePtr node, const char *name, int base,
               virXMLPropFlags flags, unsigned int *result)
{
    g_autofree char *str = NULL;
    unsigned int val;

    if (!(str = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    if (virStrToLong_uip(str, NULL, base, &val) < 0)
        return virXMLPropBadNumber(node, name, str, "non-negative integer");
    if (virXMLPropCheckNumber(node, name, str, flags, false, val == 0) < 0)
        return -1;
    *result = val;
    return 1;
}

int
virXMLPropLongLong(xmlNodePtr node, const char *name, int base,
                   virXMLPropFlags flags, long long *result,
                   long long defaultResult)
{
    g_autofree char *str = NULL;
    long long val;

    *result = defaultResult;
    if (!(str = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    if (virStrToLong_ll(str, NULL, base, &val) < 0)
        return virXMLPropBadNumber(node, name, str, "long long integer");
    if (virXMLPropCheckNumber(node, name, str, flags, val < 0, val == 0) < 0)
        return -1;
    *result = val;
    return 1;
}

int
virXMLPropULongLong(xmlNodePtr node, const char *name, int base,
                    virXMLPropFlags flags, unsigned long long *result)
{
    g_autofree char *str = NULL;
    unsigned long long val;

    if (!(str = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    if (virStrToLong_ullp(str, NULL, base, &val) < 0)
        return virXMLPropBadNumber(node, name, str, "non-negative integer");
    if (virXMLPropCheckNumber(node, name, str, flags, false, val == 0) < 0)
        return -1;
    *result = val;
    return 1;
}

int
virXMLPropUUID(xmlNodePtr node, const char *name, virXMLPropFlags flags,
               unsigned char *result)
{
    g_autofree char *str = NULL;
    unsigned char val[VIR_UUID_BUFLEN];

    if (!(str = virXMLPropString(node, name)))
        return virXMLPropMissing(node, name, flags);
    if (virUUIDParse(str, val) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': '%s'. Expected UUID",
                       name, node->name, str);
        return -1;
    }
    memcpy(result, val, VIR_UUID_BUFLEN);
    return 1;
}

VIR_PRIVATE_EXPORT bool
virXMLNodeNameEqual(xmlNodePtr node, const char *name)
{
    return xmlStrEqual(node->name, BAD_CAST name);
}

VIR_PRIVATE_EXPORT xmlNodePtr
virXMLNodeGetSubelement(xmlNodePtr node, const char *name)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE && virXMLNodeNameEqual(cur, name))
            return cur;
    }
    return NULL;
}

VIR_PRIVATE_EXPORT xmlNodePtr
virXMLNewNode(xmlNsPtr ns, const char *name)
{
    xmlNodePtr ret = xmlNewNode(ns, BAD_CAST name);

    if (!ret)
        abort();
    return ret;
}

VIR_PRIVATE_EXPORT char *
virXMLNodeToString(xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr xmlbuf = xmlBufferCreate();
    char *ret;

    if (!xmlbuf)
        abort();
    if (xmlNodeDump(xmlbuf, doc, node, 0, 1) == 0) {
        xmlBufferFree(xmlbuf);
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "failed to convert the XML node tree");
        return NULL;
    }
    ret = g_strdup((const char *)xmlBufferContent(xmlbuf));
    xmlBufferFree(xmlbuf);
    return ret;
}

void
virXPathContextNodeRestore(virXPathContextNodeSave *save)
{
    if (save->ctxt)
        save->ctxt->node = save->node;
}


int
virXMLCheckIllegalChars(const char *nodeName, const char *str, const char *illegal)
{
    const char *bad = strpbrk(str, illegal);

    if (!bad)
        return 0;
    virReportError(VIR_ERR_XML_DETAIL, "invalid char in %s: %c", nodeName, *bad);
    return -1;
}
