/* nwfilter_conf.c: placeholder until this document family is written */
#include "internal.h"
#include "conf/virxmlcategory.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

static char *
nwfilterRoundtrip(const char *xml G_GNUC_UNUSED,
                  const virXMLRoundtripArgs *args G_GNUC_UNUSED)
{
    virReportError(VIR_ERR_NO_SUPPORT, "%s", "nwfilter XML");
    return NULL;
}

const virXMLCategory virNWFilterXMLCategory = { "nwfilter", nwfilterRoundtrip };
