/*
 * virnwfilterbindingdef.h: the binding of a network filter to a guest's
 * port (virNWFilterBindingCreateXML, virNWFilterBindingGetXMLDesc).
 *
 *   <filterbinding>
 *     <owner>
 *       <name>guest</name>
 *       <uuid>...</uuid>
 *     </owner>
 *     <portdev name='vnet0'/>
 *     <linkdev name='eth0'/>          (optional)
 *     <mac address='52:54:00:7b:35:93'/>
 *     <filterref filter='clean-traffic'>
 *       <parameter name='MAC' value='52:54:00:7b:35:93'/>
 *     </filterref>
 *   </filterbinding>
 */
#pragma once

#include "internal.h"
#include "conf/nwfilter_params.h"
#include "util/virbuffer.h"
#include "util/virmacaddr.h"
#include "util/virxml.h"

typedef struct _virNWFilterBindingDef virNWFilterBindingDef;
struct _virNWFilterBindingDef {
    char *ownername;
    unsigned char owneruuid[VIR_UUID_BUFLEN];
    char *portdevname;
    char *linkdevname;                  /* NULL when absent */
    virMacAddr mac;
    char *filter;
    GHashTable *filterparams;           /* name -> virNWFilterVarValue */
};

void virNWFilterBindingDefFree(virNWFilterBindingDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterBindingDef, virNWFilterBindingDefFree);

virNWFilterBindingDef *virNWFilterBindingDefCopy(const virNWFilterBindingDef *src);

/* The <filterbinding> element ctxt->node is on. */
virNWFilterBindingDef *virNWFilterBindingDefParseNode(xmlXPathContextPtr ctxt);

/* Parse a <filterbinding> from @xmlStr, or from the file @filename when
 * set.  @flags: VIR_NWFILTER_BINDING_CREATE_VALIDATE.  NULL with an
 * error reported on failure. */
virNWFilterBindingDef *virNWFilterBindingDefParse(const char *xmlStr,
                                                  const char *filename,
                                                  unsigned int flags);
virNWFilterBindingDef *virNWFilterBindingDefParseString(const char *xmlStr,
                                                        unsigned int flags);

char *virNWFilterBindingDefFormat(const virNWFilterBindingDef *def);
void virNWFilterBindingDefFormatBuf(virBuffer *buf,
                                    const virNWFilterBindingDef *def);
