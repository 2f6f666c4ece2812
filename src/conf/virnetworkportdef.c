/* virnetworkportdef.c: placeholder until this document family is written */
#include "internal.h"
#include "conf/virxmlcategory.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

static char *
networkportRoundtrip(const char *xml G_GNUC_UNUSED,
                     const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    virReportError(VIR_ERR_NO_SUPPORT, "%s", "networkport XML");
    return NULL;
}

const virXMLCategory virNetworkPortXMLCategory = { "networkport", networkportRoundtrip };
