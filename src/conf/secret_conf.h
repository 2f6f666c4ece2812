/*
 * secret_conf.h: the <secret> document (virSecretDefineXML,
 * virSecretGetXMLDesc) as C structures.
 *
 *   <secret ephemeral='no' private='yes'>
 *     <uuid>...</uuid>
 *     <description>...</description>
 *     <usage type='ceph'><name>...</name></usage>
 *   </secret>
 */
#pragma once

#include "internal.h"
#include "util/virenum.h"

VIR_ENUM_DECL(virSecretUsage);

typedef struct _virSecretDef virSecretDef;
struct _virSecretDef {
    bool isephemeral;
    bool isprivate;
    unsigned char uuid[VIR_UUID_BUFLEN];
    char *description;          /* NULL when absent */
    int usage_type;             /* virSecretUsageType */
    char *usage_id;             /* volume path, target or name; NULL for none */
};

void virSecretDefFree(virSecretDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSecretDef, virSecretDefFree);

/* Parse a <secret> from @xmlStr, or from the file @filename when it is
 * set.  @flags: VIR_SECRET_DEFINE_VALIDATE.  A missing <uuid> gets a
 * random one.  NULL with an error reported on failure. */
virSecretDef *virSecretDefParse(const char *xmlStr, const char *filename,
                                unsigned int flags);

char *virSecretDefFormat(const virSecretDef *def);

#define VIR_CONNECT_LIST_SECRETS_FILTERS_EPHEMERAL \
    (VIR_CONNECT_LIST_SECRETS_EPHEMERAL | \
     VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL)

#define VIR_CONNECT_LIST_SECRETS_FILTERS_PRIVATE \
    (VIR_CONNECT_LIST_SECRETS_PRIVATE | \
     VIR_CONNECT_LIST_SECRETS_NO_PRIVATE)

#define VIR_CONNECT_LIST_SECRETS_FILTERS_ALL \
    (VIR_CONNECT_LIST_SECRETS_FILTERS_EPHEMERAL | \
     VIR_CONNECT_LIST_SECRETS_FILTERS_PRIVATE)
