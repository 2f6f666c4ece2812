/*
 * moment_schema.c: libvirt 9.0.0 validates every <domaincheckpoint>
 * document against its RelaxNG schema before parsing it; nuvirt has no
 * schema engine, so the checkpoint schema's rules are stated here.
 *
 * What libxml2's validator reports for this schema, and so what is
 * reported here (facts from running libvirt 9.0.0):
 *  - the root's children belong to an interleave of optional elements
 *    (name, description, creationTime, disks, domain, parent); the
 *    children are sorted into those groups until the first one that fits
 *    none (an unknown element, or text that is not blank); then each
 *    group is checked in the schema's order, and the first that fails is
 *    named: "Extra element NAME in interleave", followed by "Element
 *    domaincheckpoint failed to validate content" (a second element of
 *    a group fails the group too);
 *  - with every group valid, the first child that fits none is named:
 *    "Element domaincheckpoint has extra content: NAME" (an element's
 *    local name, "text" for text, nothing for CDATA);
 *  - then the root's first attribute: "Invalid attribute NAME for
 *    element domaincheckpoint";
 *  - comments, processing instructions and blank text are skipped.
 * Not checked: the <domain> child, which the schema checks against the
 * whole domain schema; the domain parser checks it when it is read.
 */
#include "internal.h"
#include "conf/moment_schema.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_XML

#define CHECKPOINT_ROOT "domaincheckpoint"

/* Children every check skips. */
static bool
virSchemaIgnorable(xmlNodePtr node)
{
    const xmlChar *p;

    switch (node->type) {
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
    case XML_XINCLUDE_START:
    case XML_XINCLUDE_END:
        return true;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        for (p = node->content; p && *p; p++) {
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                return false;
        }
        return true;
    default:
        return false;
    }
}


static bool
virSchemaElementIs(xmlNodePtr node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && !node->ns &&
           xmlStrEqual(node->name, BAD_CAST name);
}


/* The text of @node when it is a data element (no attribute, no child
 * element); NULL otherwise. */
static char *
virSchemaDataOf(xmlNodePtr node)
{
    g_autoptr(GString) text = g_string_new(NULL);
    xmlNodePtr cur;

    if (node->properties)
        return NULL;
    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE)
            g_string_append(text, (const char *)cur->content);
        else if (!virSchemaIgnorable(cur))
            return NULL;
    }
    return g_string_free(g_steal_pointer(&text), FALSE);
}


/* An element with nothing in it but what is skipped. */
static bool
virSchemaEmptyContent(xmlNodePtr node)
{
    xmlNodePtr cur;

    for (cur = node->children; cur; cur = cur->next) {
        if (!virSchemaIgnorable(cur))
            return false;
    }
    return true;
}


/* ---- the data types: XML Schema patterns, anchored at both ends ---- */

static bool
virSchemaNameChar(char c, bool dot)
{
    return g_ascii_isalnum(c) || c == '_' || c == '-' || (dot && c == '.');
}


/* [a-zA-Z0-9_\-][a-zA-Z0-9_\-.]* */
static bool
virSchemaIsCheckpointName(const char *s)
{
    if (!virSchemaNameChar(*s, false))
        return false;
    for (s++; *s; s++) {
        if (!virSchemaNameChar(*s, true))
            return false;
    }
    return true;
}


/* (ioemu:)?(fd|hd|sd|vd|xvd|ubd)[a-zA-Z0-9_]+ */
static bool
virSchemaIsDiskTargetDev(const char *s)
{
    static const char *const prefixes[] = { "fd", "hd", "sd", "vd", "xvd", "ubd" };
    size_t i;

    if (g_str_has_prefix(s, "ioemu:"))
        s += strlen("ioemu:");
    for (i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        const char *p = s + strlen(prefixes[i]);

        if (!g_str_has_prefix(s, prefixes[i]) || !*p)
            continue;
        while (g_ascii_isalnum(*p) || *p == '_')
            p++;
        if (!*p)
            return true;
    }
    return false;
}


/* (/|[a-zA-Z]:\\).+ where '.' is any character but a line end */
static bool
virSchemaIsAbsFilePath(const char *s)
{
    if (s[0] == '/')
        s++;
    else if (g_ascii_isalpha(s[0]) && s[1] == ':' && s[2] == '\\')
        s += 3;
    else
        return false;
    return *s && !strpbrk(s, "\r\n");
}


/* unsignedLong restricted to [0-9]+ */
static bool
virSchemaIsUnsignedLong(const char *s)
{
    size_t len;

    if (!*s || strspn(s, "0123456789") != strlen(s))
        return false;
    while (s[0] == '0' && s[1])
        s++;
    len = strlen(s);
    return len < 20 || (len == 20 && strcmp(s, "18446744073709551615") <= 0);
}


/* A token value: @value with its blanks collapsed is @want. */
static bool
virSchemaTokenIs(const char *value, const char *want)
{
    size_t len = strlen(want);

    value += strspn(value, " \t\r\n");
    return strncmp(value, want, len) == 0 &&
           value[len + strspn(value + len, " \t\r\n")] == '\0';
}


/* ---- the elements ---- */

static bool
virSchemaCheckpointNameOK(xmlNodePtr node)
{
    g_autofree char *text = virSchemaDataOf(node);

    return text && virSchemaIsCheckpointName(text);
}


static bool
virSchemaDescriptionOK(xmlNodePtr node)
{
    g_autofree char *text = virSchemaDataOf(node);

    return !!text;
}


static bool
virSchemaCreationTimeOK(xmlNodePtr node)
{
    g_autofree char *text = virSchemaDataOf(node);

    return text && virSchemaIsUnsignedLong(text);
}


/* <disk name='' checkpoint='no'/> or <disk name='' [checkpoint='bitmap']
 * [bitmap=''] [size='']/> */
static bool
virSchemaCheckpointDiskOK(xmlNodePtr node)
{
    bool named = false;
    bool none = false;
    bool bitmapAttrs = false;
    xmlAttrPtr attr;

    if (!virSchemaEmptyContent(node))
        return false;
    for (attr = node->properties; attr; attr = attr->next) {
        const char *name = (const char *)attr->name;
        g_autofree char *value = NULL;

        if (attr->ns)
            return false;
        value = virXMLPropString(node, name);
        if (STREQ(name, "name")) {
            if (!virSchemaIsDiskTargetDev(value) && !virSchemaIsAbsFilePath(value))
                return false;
            named = true;
        } else if (STREQ(name, "checkpoint")) {
            if (virSchemaTokenIs(value, "no"))
                none = true;
            else if (!virSchemaTokenIs(value, "bitmap"))
                return false;
        } else if (STREQ(name, "bitmap")) {
            bitmapAttrs = true;
        } else if (STREQ(name, "size")) {
            if (!virSchemaIsUnsignedLong(value))
                return false;
            bitmapAttrs = true;
        } else {
            return false;
        }
    }
    return named && !(none && bitmapAttrs);
}


static bool
virSchemaCheckpointDisksOK(xmlNodePtr node)
{
    xmlNodePtr cur;
    size_t n = 0;

    if (node->properties)
        return false;
    for (cur = node->children; cur; cur = cur->next) {
        if (virSchemaIgnorable(cur))
            continue;
        if (!virSchemaElementIs(cur, "disk") || !virSchemaCheckpointDiskOK(cur))
            return false;
        n++;
    }
    return n > 0;
}


/* checked by the domain parser, not here */
static bool
virSchemaDomainOK(xmlNodePtr node G_GNUC_UNUSED)
{
    return true;
}


static bool
virSchemaParentOK(xmlNodePtr node)
{
    xmlNodePtr cur;
    size_t n = 0;

    if (node->properties)
        return false;
    for (cur = node->children; cur; cur = cur->next) {
        if (virSchemaIgnorable(cur))
            continue;
        if (!virSchemaElementIs(cur, "name") || !virSchemaCheckpointNameOK(cur))
            return false;
        n++;
    }
    return n == 1;
}


typedef struct {
    const char *name;
    bool (*valid)(xmlNodePtr node);
} virSchemaGroup;

/* the interleave of the root, in the schema's order */
static const virSchemaGroup checkpointGroups[] = {
    { "name", virSchemaCheckpointNameOK },
    { "description", virSchemaDescriptionOK },
    { "creationTime", virSchemaCreationTimeOK },
    { "disks", virSchemaCheckpointDisksOK },
    { "domain", virSchemaDomainOK },
    { "parent", virSchemaParentOK },
};


static int G_GNUC_PRINTF(2, 3)
virSchemaReport(const char *schema, const char *fmt, ...)
{
    g_autofree char *detail = NULL;
    va_list ap;

    va_start(ap, fmt);
    detail = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    virReportError(VIR_ERR_XML_INVALID_SCHEMA, "Unable to validate doc against %s/%s\n%s",
                   VIR_SCHEMA_DIR, schema, detail);
    return -1;
}


/* The name libxml2 gives @node in "extra content" errors. */
static const char *
virSchemaNodeName(xmlNodePtr node)
{
    if (node->type == XML_CDATA_SECTION_NODE || !node->name)
        return "";
    return (const char *)node->name;
}


int
virDomainCheckpointSchemaCheck(xmlNodePtr root)
{
    const char *schema = "domaincheckpoint.rng";
    xmlNodePtr first[G_N_ELEMENTS(checkpointGroups)] = { 0 };
    bool repeated[G_N_ELEMENTS(checkpointGroups)] = { 0 };
    xmlNodePtr extra = NULL;
    xmlNodePtr cur;
    size_t i;

    if (root->ns)
        return virSchemaReport(schema, "Expecting no namespace for element %s\n",
                               CHECKPOINT_ROOT);
    for (cur = root->children; cur && !extra; cur = cur->next) {
        if (virSchemaIgnorable(cur))
            continue;
        for (i = 0; i < G_N_ELEMENTS(checkpointGroups); i++) {
            if (virSchemaElementIs(cur, checkpointGroups[i].name))
                break;
        }
        if (i == G_N_ELEMENTS(checkpointGroups))
            extra = cur;
        else if (first[i])
            repeated[i] = true;
        else
            first[i] = cur;
    }
    for (i = 0; i < G_N_ELEMENTS(checkpointGroups); i++) {
        if (first[i] && (repeated[i] || !checkpointGroups[i].valid(first[i])))
            return virSchemaReport(schema, "Extra element %s in interleave\n"
                                   "Element %s failed to validate content\n",
                                   checkpointGroups[i].name, CHECKPOINT_ROOT);
    }
    if (extra)
        return virSchemaReport(schema, "Element %s has extra content: %s\n",
                               CHECKPOINT_ROOT, virSchemaNodeName(extra));
    if (root->properties)
        return virSchemaReport(schema, "Invalid attribute %s for element %s\n",
                               (const char *)root->properties->name, CHECKPOINT_ROOT);
    return 0;
}
