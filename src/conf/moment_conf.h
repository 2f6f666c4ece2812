/*
 * moment_conf.h: what snapshots and checkpoints share: a name, a
 * description, a creation time, a parent, and the <domain> the moment
 * was taken of.
 */
#pragma once

#include <libxml/xpath.h>
#include "util/virbuffer.h"
#include "conf/domain/domain_def.h"

typedef struct _virDomainMomentDef virDomainMomentDef;
struct _virDomainMomentDef {
    char *name;
    char *description;
    char *parent_name;
    long long creationTime;     /* seconds since the epoch; 0: unset */
    virDomainDef *dom;          /* the definition at that moment */
    virDomainDef *inactiveDom;  /* snapshots of running domains: the config */
};

/* Called on a new (not redefined) moment after its name and description
 * are read.  NULL means virDomainMomentDefPostParse. */
typedef int (*virDomainMomentPostParseFunc)(virDomainMomentDef *def, void *opaque);

void virDomainMomentDefClear(virDomainMomentDef *def);

/* The creation time is now; the name defaults to that number. */
int virDomainMomentDefPostParse(virDomainMomentDef *def, void *opaque);

/* <name> and <description> of the root @ctxt points at. */
void virDomainMomentParseNames(xmlXPathContextPtr ctxt, virDomainMomentDef *def);

/* The <@element> child of the root (a <domain> under another name, for
 * <inactiveDomain>) into *@dom, as an inactive definition.  0 when the
 * element is absent.  @xmlopt: the driver's parser hooks (may be NULL). */
int virDomainMomentParseDomain(xmlXPathContextPtr ctxt, const char *element,
                               const virDomainXMLOption *xmlopt, virDomainDef **dom);

/* <parent><name>..</name></parent> and <creationTime>, when set. */
void virDomainMomentFormatParent(virBuffer *buf, const virDomainMomentDef *def);

/* @dom as <@element> (flags: virDomainDefFormatFlags). */
int virDomainMomentFormatDomain(virBuffer *buf, const virDomainDef *dom,
                                const char *element, unsigned int flags);
