/*
 * test_nodefile.c: what the object families share when they read their
 * part of a node file (test:///PATH.xml): elements given by reference.
 */
#include "internal.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* @name relative to the directory of the node file @relativeTo. */
static char *
testNodeFilePath(const char *relativeTo, const char *name)
{
    g_autofree char *dir = NULL;

    if (g_path_is_absolute(name) || !relativeTo)
        return g_strdup(name);
    dir = g_path_get_dirname(relativeTo);
    return g_build_filename(dir, name, NULL);
}

xmlNodePtr
testNodeFileResolve(xmlNodePtr node, const char *file)
{
    g_autofree char *ref = virXMLPropString(node, "file");
    g_autofree char *path = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    xmlNodePtr copy;

    if (!ref)
        return node;
    path = testNodeFilePath(file, ref);
    if (!(doc = virXMLParse(path, NULL, NULL, (const char *)node->name, NULL)))
        return NULL;
    if (!(copy = xmlDocCopyNode(xmlDocGetRootElement(doc), node->doc, 1))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Failed to copy XML node");
        return NULL;
    }
    /* the copy takes the reference's place in the node document */
    xmlReplaceNode(node, copy);
    xmlFreeNode(node);
    return copy;
}
