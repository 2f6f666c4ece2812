/*
 * moment_schema.c: libvirt 9.0.0 validates every <domaincheckpoint>
 * document against its RelaxNG schema before parsing it, and a
 * <domainsnapshot> one when asked to; nuvirt has no schema engine, so
 * those schemas' rules are stated here.
 *
 * What libxml2's validator reports for these schemas, and so what is
 * reported here (facts from running libvirt 9.0.0):
 *  - the root's children belong to an interleave of optional elements
 *    (for a checkpoint: name, description, creationTime, disks, domain,
 *    parent); the children are sorted into those groups until the first one that fits
 *    none (an unknown element, or text that is not blank); then each
 *    group is checked in the schema's order, and the first that fails is
 *    named: "Extra element NAME in interleave", followed by "Element
 *    ROOT failed to validate content" (a second element of
 *    a group fails the group too);
 *  - with every group valid, the first child that fits none is named:
 *    "Element ROOT has extra content: NAME" (an element's
 *    local name, "text" for text, nothing for CDATA);
 *  - then the root's first attribute: "Invalid attribute NAME for
 *    element ROOT";
 *  - comments, processing instructions and blank text are skipped.
 * Not checked: a whole <domain> (and a snapshot's <inactiveDomain>)
 * beyond its type attribute and having children, which the schema checks
 * against the whole domain schema (the domain parser checks it when it
 * is read), and the source of an external snapshot disk; what is
 * checked refuses only what the schema refuses.
 */
#include "internal.h"
#include "conf/moment_schema.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_XML

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
        if (!(value = virXMLPropString(node, name)))
            value = g_strdup("");
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


/* A whole domain is left to the domain parser: only one without the
 * type attribute or any child element, which the schema requires, is
 * refused here. */
static bool
virSchemaDomainOK(xmlNodePtr node)
{
    xmlNodePtr cur;

    if (!xmlHasNsProp(node, BAD_CAST "type", NULL))
        return false;
    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE)
            return true;
    }
    return false;
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


/* ---- <domainsnapshot>, checked on request (..._CREATE_VALIDATE) ---- */

static bool
virSchemaTextOK(xmlNodePtr node)
{
    g_autofree char *text = virSchemaDataOf(node);

    return !!text;
}


/* A data element whose text is one of @values (a token). */
static bool
virSchemaValueOneOf(xmlNodePtr node, const char *const *values)
{
    g_autofree char *text = virSchemaDataOf(node);

    for (; text && *values; values++) {
        if (virSchemaTokenIs(text, *values))
            return true;
    }
    return false;
}


static bool
virSchemaSnapshotStateOK(xmlNodePtr node)
{
    static const char *const states[] = {
        "running", "blocked", "paused", "shutdown", "shutoff", "crashed",
        "disk-snapshot", NULL
    };

    return virSchemaValueOneOf(node, states);
}


static bool
virSchemaSnapshotActiveOK(xmlNodePtr node)
{
    static const char *const values[] = { "0", "1", NULL };

    return virSchemaValueOneOf(node, values);
}


/* snapshot='no|internal' alone, or [snapshot='external'] file='/...' */
static bool
virSchemaSnapshotMemoryOK(xmlNodePtr node)
{
    g_autofree char *mode = virXMLPropString(node, "snapshot");
    g_autofree char *file = virXMLPropString(node, "file");
    xmlAttrPtr attr;

    if (!virSchemaEmptyContent(node))
        return false;
    for (attr = node->properties; attr; attr = attr->next) {
        if (attr->ns || (!xmlStrEqual(attr->name, BAD_CAST "snapshot") &&
                         !xmlStrEqual(attr->name, BAD_CAST "file")))
            return false;
    }
    if (mode && (virSchemaTokenIs(mode, "no") || virSchemaTokenIs(mode, "internal")))
        return !file;
    return (!mode || virSchemaTokenIs(mode, "external")) &&
           file && virSchemaIsAbsFilePath(file);
}


/* A disk's name and mode; the source of an external one (file, block
 * or network storage, its driver) is not checked. */
static bool
virSchemaSnapshotDiskOK(xmlNodePtr node)
{
    static const char *const alone[] = { "no", "internal", "manual" };
    g_autofree char *name = virXMLPropString(node, "name");
    g_autofree char *mode = virXMLPropString(node, "snapshot");
    xmlAttrPtr attr;
    size_t i;

    if (!name || (!virSchemaIsDiskTargetDev(name) && !virSchemaIsAbsFilePath(name)))
        return false;
    for (attr = node->properties; attr; attr = attr->next) {
        if (attr->ns || (!xmlStrEqual(attr->name, BAD_CAST "name") &&
                         !xmlStrEqual(attr->name, BAD_CAST "snapshot") &&
                         !xmlStrEqual(attr->name, BAD_CAST "type")))
            return false;
    }
    for (i = 0; mode && i < G_N_ELEMENTS(alone); i++) {
        if (virSchemaTokenIs(mode, alone[i]))
            return !xmlHasProp(node, BAD_CAST "type") && virSchemaEmptyContent(node);
    }
    return !mode || virSchemaTokenIs(mode, "external");
}


static bool
virSchemaSnapshotDisksOK(xmlNodePtr node)
{
    xmlNodePtr cur;

    if (node->properties)
        return false;
    for (cur = node->children; cur; cur = cur->next) {
        if (virSchemaIgnorable(cur))
            continue;
        if (!virSchemaElementIs(cur, "disk") || !virSchemaSnapshotDiskOK(cur))
            return false;
    }
    return true;
}


/* [a-fA-F0-9]{32} or [a-fA-F0-9]{8}-([a-fA-F0-9]{4}-){3}[a-fA-F0-9]{12} */
static bool
virSchemaIsUUID(const char *s)
{
    size_t len = strlen(s);
    size_t i;

    if (len == 32)
        return strspn(s, "0123456789abcdefABCDEF") == 32;
    if (len != 36)
        return false;
    for (i = 0; i < len; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;

        if (dash ? s[i] != '-' : !g_ascii_isxdigit(s[i]))
            return false;
    }
    return true;
}


/* A whole domain, or one that only names its UUID. */
static bool
virSchemaSnapshotDomainOK(xmlNodePtr node)
{
    xmlNodePtr cur;
    size_t n = 0;

    if (xmlHasNsProp(node, BAD_CAST "type", NULL))
        return virSchemaDomainOK(node);
    if (node->properties)
        return false;
    for (cur = node->children; cur; cur = cur->next) {
        g_autofree char *uuid = NULL;

        if (virSchemaIgnorable(cur))
            continue;
        if (!virSchemaElementIs(cur, "uuid") || !(uuid = virSchemaDataOf(cur)) ||
            !virSchemaIsUUID(uuid))
            return false;
        n++;
    }
    return n == 1;
}


static bool
virSchemaSnapshotParentOK(xmlNodePtr node)
{
    xmlNodePtr cur;
    size_t n = 0;

    if (node->properties)
        return false;
    for (cur = node->children; cur; cur = cur->next) {
        if (virSchemaIgnorable(cur))
            continue;
        if (!virSchemaElementIs(cur, "name") || !virSchemaTextOK(cur))
            return false;
        n++;
    }
    return n == 1;
}


/* any elements, with anything in them */
static bool
virSchemaSnapshotCookieOK(xmlNodePtr node)
{
    xmlNodePtr cur;

    if (node->properties)
        return false;
    for (cur = node->children; cur; cur = cur->next) {
        if (!virSchemaIgnorable(cur) && cur->type != XML_ELEMENT_NODE)
            return false;
    }
    return true;
}


/* ---- the root ---- */

typedef struct {
    const char *name;
    bool (*valid)(xmlNodePtr node);
} virSchemaGroup;

typedef struct {
    const char *root;
    const char *file;
    const virSchemaGroup *groups;   /* the root's interleave, in order */
    size_t ngroups;
} virSchemaDocument;

static const virSchemaGroup checkpointGroups[] = {
    { "name", virSchemaCheckpointNameOK },
    { "description", virSchemaTextOK },
    { "creationTime", virSchemaCreationTimeOK },
    { "disks", virSchemaCheckpointDisksOK },
    { "domain", virSchemaDomainOK },
    { "parent", virSchemaParentOK },
};

static const virSchemaDocument checkpointDocument = {
    "domaincheckpoint", "domaincheckpoint.rng",
    checkpointGroups, G_N_ELEMENTS(checkpointGroups),
};

static const virSchemaGroup snapshotGroups[] = {
    { "name", virSchemaTextOK },
    { "description", virSchemaTextOK },
    { "state", virSchemaSnapshotStateOK },
    { "creationTime", virSchemaTextOK },
    { "memory", virSchemaSnapshotMemoryOK },
    { "disks", virSchemaSnapshotDisksOK },
    { "active", virSchemaSnapshotActiveOK },
    { "domain", virSchemaSnapshotDomainOK },
    { "inactiveDomain", virSchemaDomainOK },
    { "parent", virSchemaSnapshotParentOK },
    { "cookie", virSchemaSnapshotCookieOK },
};

static const virSchemaDocument snapshotDocument = {
    "domainsnapshot", "domainsnapshot.rng",
    snapshotGroups, G_N_ELEMENTS(snapshotGroups),
};


static int G_GNUC_PRINTF(2, 3)
virSchemaReport(const virSchemaDocument *doc, const char *fmt, ...)
{
    g_autofree char *detail = NULL;
    va_list ap;

    va_start(ap, fmt);
    detail = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    virReportError(VIR_ERR_XML_INVALID_SCHEMA, "Unable to validate doc against %s/%s\n%s",
                   VIR_SCHEMA_DIR, doc->file, detail);
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


#define VIR_SCHEMA_MAX_GROUPS 16

static int
virSchemaCheckDocument(const virSchemaDocument *doc, xmlNodePtr root)
{
    xmlNodePtr first[VIR_SCHEMA_MAX_GROUPS] = { 0 };
    bool repeated[VIR_SCHEMA_MAX_GROUPS] = { 0 };
    xmlNodePtr extra = NULL;
    xmlNodePtr cur;
    size_t i;

    G_STATIC_ASSERT(G_N_ELEMENTS(snapshotGroups) <= VIR_SCHEMA_MAX_GROUPS);
    if (root->ns)
        return virSchemaReport(doc, "Expecting no namespace for element %s\n", doc->root);
    for (cur = root->children; cur && !extra; cur = cur->next) {
        if (virSchemaIgnorable(cur))
            continue;
        for (i = 0; i < doc->ngroups; i++) {
            if (virSchemaElementIs(cur, doc->groups[i].name))
                break;
        }
        if (i == doc->ngroups)
            extra = cur;
        else if (first[i])
            repeated[i] = true;
        else
            first[i] = cur;
    }
    for (i = 0; i < doc->ngroups; i++) {
        if (first[i] && (repeated[i] || !doc->groups[i].valid(first[i])))
            return virSchemaReport(doc, "Extra element %s in interleave\n"
                                   "Element %s failed to validate content\n",
                                   doc->groups[i].name, doc->root);
    }
    if (extra)
        return virSchemaReport(doc, "Element %s has extra content: %s\n",
                               doc->root, virSchemaNodeName(extra));
    if (root->properties)
        return virSchemaReport(doc, "Invalid attribute %s for element %s\n",
                               (const char *)root->properties->name, doc->root);
    return 0;
}


int
virDomainCheckpointSchemaCheck(xmlNodePtr root)
{
    return virSchemaCheckDocument(&checkpointDocument, root);
}


int
virDomainSnapshotSchemaCheck(xmlNodePtr root)
{
    return virSchemaCheckDocument(&snapshotDocument, root);
}
