/*
 * metadata.c: reading and changing a domain's title, description and
 * namespaced <metadata> elements (virDomainGetMetadata/SetMetadata).
 */
#include "internal.h"
#include "util/virxml.h"
#include "conf/domain/metadata.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* The first child of @parent in namespace @uri. */
static xmlNodePtr
virDomainMetadataFind(xmlNodePtr parent, const char *uri)
{
    xmlNodePtr cur;

    for (cur = parent ? parent->children : NULL; cur; cur = cur->next) {
        if (cur->ns && STREQ_NULLABLE((const char *)cur->ns->href, uri))
            return cur;
    }
    return NULL;
}


/* Give @ns to @node, its following siblings and all their descendants
 * that have no namespace (@set), or take namespace @uri away from those
 * that have it (!@set). */
static void
virDomainMetadataWalkNs(xmlNodePtr node, xmlNsPtr ns, const char *uri, bool set)
{
    for (; node; node = node->next) {
        if (set && !node->ns)
            xmlSetNs(node, ns);
        else if (!set && node->ns && STREQ_NULLABLE((const char *)node->ns->href, uri))
            xmlSetNs(node, NULL);
        if (node->children)
            virDomainMetadataWalkNs(node->children, ns, uri, set);
    }
}


/* The element of @metadata in namespace @uri as a document of its own,
 * without that namespace; NULL (no error) when there is none. */
static char *
virDomainMetadataExtract(xmlNodePtr metadata, const char *uri)
{
    xmlNodePtr node = virDomainMetadataFind(metadata, uri);
    xmlNodePtr copy;
    xmlNsPtr *link;
    char *ret;

    if (!node)
        return NULL;
    copy = xmlCopyNode(node, 1);
    virDomainMetadataWalkNs(copy, NULL, uri, false);
    for (link = &copy->nsDef; *link; link = &(*link)->next) {
        xmlNsPtr ns = *link;

        if (STREQ_NULLABLE((const char *)ns->href, uri)) {
            *link = ns->next;
            xmlFreeNs(ns);
            break;
        }
    }
    ret = virXMLNodeToString(copy->doc, copy);
    xmlFreeNode(copy);
    return ret;
}


char *
virDomainDefGetMetadata(const virDomainDef *def, int type, const char *uri)
{
    char *ret = NULL;

    if (type >= VIR_DOMAIN_METADATA_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "unknown metadata type '%d'", type);
        return NULL;
    }
    if (type == VIR_DOMAIN_METADATA_DESCRIPTION) {
        ret = g_strdup(def->description);
    } else if (type == VIR_DOMAIN_METADATA_TITLE) {
        ret = g_strdup(def->title);
    } else if (type == VIR_DOMAIN_METADATA_ELEMENT && def->metadata) {
        /* an element that does not format reported its error */
        if (virDomainMetadataFind(def->metadata, uri) &&
            !(ret = virDomainMetadataExtract(def->metadata, uri)))
            return NULL;
    }
    if (!ret)
        virReportError(VIR_ERR_NO_DOMAIN_METADATA, "%s",
                       "Requested metadata element is not present");
    return ret;
}


/* The root of the document @metadata, in namespace @uri with prefix
 * @key, as a node of its own; NULL with an error. */
static xmlNodePtr
virDomainMetadataParse(const char *metadata, const char *key, const char *uri)
{
    g_autoptr(xmlDoc) doc = NULL;
    xmlNsPtr ns;

    if (!(doc = virXMLParseHelper(VIR_FROM_THIS, NULL, metadata, "(metadata_xml)",
                                  NULL, NULL, NULL, false)))
        return NULL;
    if (xmlValidateNCName((const xmlChar *)key, 1) != 0) {
        /* libvirt reports it from its XML utilities */
        virReportErrorHelper(VIR_FROM_XML, VIR_ERR_INTERNAL_ERROR, __FILE__, __FUNCTION__,
                             __LINE__, "%s",
                             "failed to validate prefix for a new XML namespace");
        return NULL;
    }
    if (!(ns = xmlNewNs(doc->children, (const xmlChar *)uri, (const xmlChar *)key))) {
        virReportErrorHelper(VIR_FROM_XML, VIR_ERR_INTERNAL_ERROR, __FILE__, __FUNCTION__,
                             __LINE__, "%s", "failed to create a new XML namespace");
        return NULL;
    }
    virDomainMetadataWalkNs(doc->children, ns, NULL, true);
    return xmlCopyNode(doc->children, 1);
}


static void
virDomainMetadataSetText(char **field, const char *text)
{
    g_clear_pointer(field, g_free);
    if (STRNEQ_NULLABLE(text, ""))
        *field = g_strdup(text);
}


int
virDomainDefSetMetadata(virDomainDef *def, int type, const char *metadata,
                        const char *key, const char *uri)
{
    xmlNodePtr added = NULL;
    xmlNodePtr old;

    if (type >= VIR_DOMAIN_METADATA_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "unknown metadata type '%d'", type);
        return -1;
    }
    if (type == VIR_DOMAIN_METADATA_DESCRIPTION) {
        virDomainMetadataSetText(&def->description, metadata);
    } else if (type == VIR_DOMAIN_METADATA_TITLE) {
        virDomainMetadataSetText(&def->title, metadata);
    } else if (type == VIR_DOMAIN_METADATA_ELEMENT) {
        if (metadata && !(added = virDomainMetadataParse(metadata, key, uri)))
            return -1;
        if (added && !def->metadata)
            def->metadata = virXMLNewNode(NULL, "metadata");
        while ((old = virDomainMetadataFind(def->metadata, uri))) {
            xmlUnlinkNode(old);
            xmlFreeNode(old);
        }
        if (added)
            xmlAddChild(def->metadata, added);
    }
    return 0;
}
