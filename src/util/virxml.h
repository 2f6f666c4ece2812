/*
 * virxml.h: reading and writing XML documents with libxml2.
 *
 * Parsing reports libvirt's errors: a malformed document gives
 * VIR_ERR_XML_DETAIL with the offending line and a pointer to the column;
 * typed attribute readers give "Invalid value for attribute 'x' in
 * element 'y': ..." (VIR_ERR_XML_ERROR).  Readers return -1 on error, 0
 * when the attribute is absent (and not required), 1 when it was read.
 *
 * The signatures are libvirt's: binaries built from libvirt's tree import
 * some of these functions (src/compat).
 */
#pragma once

#include <stdbool.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "util/virenum.h"

typedef enum {
    VIR_XML_PROP_NONE = 0,
    VIR_XML_PROP_REQUIRED = 1 << 0,    /* absent is an error */
    VIR_XML_PROP_NONZERO = 1 << 1,     /* 0 (or the enum's first value) is an error */
    VIR_XML_PROP_NONNEGATIVE = 1 << 2, /* for signed readers */
} virXMLPropFlags;

/* Parse a document from @filename or @xmlStr; @url names an inline
 * document in messages.  With @rootelement, a different root element is
 * refused.  With @ctxt, an XPath context positioned on the root is
 * returned too. */
xmlDocPtr virXMLParseHelper(int domcode, const char *filename,
                            const char *xmlStr, const char *url,
                            const char *rootelement, xmlXPathContextPtr *ctxt,
                            const char *schemafile, bool validate);
#define virXMLParse(filename, xmlStr, url, rootelement, ctxt) \
    virXMLParseHelper(VIR_FROM_THIS, filename, xmlStr, url, rootelement, \
                      ctxt, NULL, false)

xmlXPathContextPtr virXMLXPathContextNew(xmlDocPtr xml);

/* XPath readers: the value of the expression's string form. */
char *virXPathString(const char *xpath, xmlXPathContextPtr ctxt);
int virXPathBoolean(const char *xpath, xmlXPathContextPtr ctxt);
/* 0 read, -1 absent, -2 not a number */
int virXPathInt(const char *xpath, xmlXPathContextPtr ctxt, int *value);
int virXPathUInt(const char *xpath, xmlXPathContextPtr ctxt, unsigned int *value);
int virXPathUIntBase(const char *xpath, xmlXPathContextPtr ctxt,
                     unsigned int base, unsigned int *value);
int virXPathLongLong(const char *xpath, xmlXPathContextPtr ctxt, long long *value);
int virXPathULongLong(const char *xpath, xmlXPathContextPtr ctxt,
                      unsigned long long *value);
int virXPathULongLongBase(const char *xpath, xmlXPathContextPtr ctxt,
                          unsigned int base, unsigned long long *value);
xmlNodePtr virXPathNode(const char *xpath, xmlXPathContextPtr ctxt);
/* Number of nodes (with *list allocated when > 0), or -1. */
int virXPathNodeSet(const char *xpath, xmlXPathContextPtr ctxt,
                    xmlNodePtr **list);

/* Attribute and content readers. */
char *virXMLPropString(xmlNodePtr node, const char *name);
char *virXMLPropStringRequired(xmlNodePtr node, const char *name);
char *virXMLNodeContentString(xmlNodePtr node);
int virXMLPropTristateBool(xmlNodePtr node, const char *name,
                           virXMLPropFlags flags, virTristateBool *result);
int virXMLPropTristateSwitch(xmlNodePtr node, const char *name,
                             virXMLPropFlags flags, virTristateSwitch *result);
int virXMLPropInt(xmlNodePtr node, const char *name, int base,
                  virXMLPropFlags flags, int *result, int defaultResult);
int virXMLPropUInt(xmlNodePtr node, const char *name, int base,
                   virXMLPropFlags flags, unsigned int *result);
int virXMLPropLongLong(xmlNodePtr node, const char *name, int base,
                       virXMLPropFlags flags, long long *result,
                       long long defaultResult);
int virXMLPropULongLong(xmlNodePtr node, const char *name, int base,
                        virXMLPropFlags flags, unsigned long long *result);
int virXMLPropEnum(xmlNodePtr node, const char *name,
                   int (*strToInt)(const char *), virXMLPropFlags flags,
                   unsigned int *result);
int virXMLPropEnumDefault(xmlNodePtr node, const char *name,
                          int (*strToInt)(const char *),
                          virXMLPropFlags flags, unsigned int *result,
                          unsigned int defaultResult);
int virXMLPropUUID(xmlNodePtr node, const char *name, virXMLPropFlags flags,
                   unsigned char *result);

/* Node helpers. */
bool virXMLNodeNameEqual(xmlNodePtr node, const char *name);

/* Refuse @str (the value of @nodeName) when it holds one of the
 * characters of @illegal: VIR_ERR_XML_DETAIL "invalid char in ...",
 * from the XML error domain, and -1. */
int virXMLCheckIllegalChars(const char *nodeName, const char *str, const char *illegal);
xmlNodePtr virXMLNodeGetSubelement(xmlNodePtr node, const char *name);
xmlNodePtr virXMLNewNode(xmlNsPtr ns, const char *name);
char *virXMLNodeToString(xmlDocPtr doc, xmlNodePtr node);

/* Restore ctxt->node when the enclosing scope ends. */
typedef struct {
    xmlXPathContextPtr ctxt;
    xmlNodePtr node;
} virXPathContextNodeSave;
void virXPathContextNodeRestore(virXPathContextNodeSave *save);
#define VIR_XPATH_NODE_AUTORESTORE(_ctxt) \
    g_auto(virXPathContextNodeSave) _ctxt ## CtxtSave = { .ctxt = _ctxt, \
                                                          .node = _ctxt->node }; \
    ignore_value(&_ctxt ## CtxtSave)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(virXPathContextNodeSave, virXPathContextNodeRestore);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlDoc, xmlFreeDoc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathContext, xmlXPathFreeContext);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlXPathObject, xmlXPathFreeObject);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlParserCtxt, xmlFreeParserCtxt);
