/*
 * xmlcategories.c: the document types that can be parsed and formatted.
 */
#include "internal.h"
#include "conf/virxmlcategory.h"

extern const virXMLCategory virNetworkXMLCategory;
extern const virXMLCategory virNetworkPortXMLCategory;
extern const virXMLCategory virStoragePoolXMLCategory;
extern const virXMLCategory virStorageVolXMLCategory;
extern const virXMLCategory virSecretXMLCategory;
extern const virXMLCategory virNodeDeviceXMLCategory;
extern const virXMLCategory virInterfaceXMLCategory;
extern const virXMLCategory virNWFilterXMLCategory;
extern const virXMLCategory virNWFilterBindingXMLCategory;
extern const virXMLCategory virDomainXMLCategory;

static const virXMLCategory *categories[] = {
    &virNetworkXMLCategory,
    &virNetworkPortXMLCategory,
    &virStoragePoolXMLCategory,
    &virStorageVolXMLCategory,
    &virSecretXMLCategory,
    &virNodeDeviceXMLCategory,
    &virInterfaceXMLCategory,
    &virNWFilterXMLCategory,
    &virNWFilterBindingXMLCategory,
    &virDomainXMLCategory,
};

const virXMLCategory *
virXMLCategoryFind(const char *name)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(categories); i++) {
        if (STREQ(categories[i]->name, name))
            return categories[i];
    }
    return NULL;
}

char *
virXMLRoundtripParam(const virXMLRoundtripArgs *args, const char *key)
{
    g_auto(GStrv) parts = NULL;
    size_t len = strlen(key);
    size_t i;

    if (!args->params)
        return NULL;
    parts = g_strsplit(args->params, ";", -1);
    for (i = 0; parts[i]; i++) {
        if (STREQLEN(parts[i], key, len) && parts[i][len] == '=')
            return g_strdup(parts[i] + len + 1);
    }
    return NULL;
}
