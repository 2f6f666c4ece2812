/* storage_conf.c: placeholder until this document family is written */
#include "internal.h"
#include "conf/virxmlcategory.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

static char *
storagepoolRoundtrip(const char *xml G_GNUC_UNUSED,
                     const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    virReportError(VIR_ERR_NO_SUPPORT, "%s", "storagepool XML");
    return NULL;
}

const virXMLCategory virStoragePoolXMLCategory = { "storagepool", storagepoolRoundtrip };

static char *
storagevolRoundtrip(const char *xml G_GNUC_UNUSED,
                    const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    virReportError(VIR_ERR_NO_SUPPORT, "%s", "storagevol XML");
    return NULL;
}

const virXMLCategory virStorageVolXMLCategory = { "storagevol", storagevolRoundtrip };
