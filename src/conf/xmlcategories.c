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
extern const virXMLCategory virDomainSnapshotXMLCategory;
extern const virXMLCategory virDomainCheckpointXMLCategory;
extern const virXMLCategory virDomainBackupXMLCategory;
extern const virXMLCategory virCapabilitiesXMLCategory;
extern const virXMLCategory virDomainCapsXMLCategory;
extern const virXMLCategory virStoragePoolCapsXMLCategory;

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
    &virDomainSnapshotXMLCategory,
    &virDomainCheckpointXMLCategory,
    &virDomainBackupXMLCategory,
    &virCapabilitiesXMLCategory,
    &virDomainCapsXMLCategory,
    &virStoragePoolCapsXMLCategory,
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


unsigned int
virXMLRoundtripFlags(const virXMLRoundtripArgs *args,
                     const char * const *names, size_t nnames)
{
    g_autofree char *value = virXMLRoundtripParam(args, "flags");
    g_auto(GStrv) parts = NULL;
    unsigned int flags = 0;
    size_t i;
    size_t j;

    if (!value)
        return 0;
    parts = g_strsplit(value, "|", -1);
    for (i = 0; parts[i]; i++) {
        for (j = 0; j < nnames; j++) {
            if (STREQ(parts[i], names[j]))
                flags |= 1U << j;
        }
    }
    return flags;
}
