/*
 * metadata.h: a domain's title, description and <metadata> elements as
 * virDomainGetMetadata and virDomainSetMetadata read and change them.
 *
 * <metadata> holds at most one element per namespace URI; an
 * application reads and writes its own element by that URI, and the
 * prefix (key) it gives is the one the element is stored and formatted
 * with.
 */
#pragma once

#include "conf/domain/domain_def.h"

/*
 * The metadata of @type (virDomainMetadataType) in @def: the title, the
 * description, or the element in namespace @uri formatted without its
 * namespace.  NULL with libvirt's error (VIR_ERR_NO_DOMAIN_METADATA when
 * there is none, VIR_ERR_INVALID_ARG for an unknown type).
 */
char *virDomainDefGetMetadata(const virDomainDef *def, int type, const char *uri);

/*
 * Change the metadata of @type in @def: @metadata NULL or "" removes the
 * title or description; for an element, @metadata (a document whose
 * root element and descendants without a namespace get @uri, prefixed
 * @key) replaces any element in namespace @uri, and NULL removes it.
 * -1 with libvirt's error; @def is then unchanged.
 */
int virDomainDefSetMetadata(virDomainDef *def, int type, const char *metadata,
                            const char *key, const char *uri);
