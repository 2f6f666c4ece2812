/*
 * test_domain_meta.c: what names and describes a test driver domain:
 * its metadata (title, description, namespaced elements) and its name
 * (virDomainRename), with the events libvirt's test driver raises.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "conf/domain_event.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static char *
testDomainGetMetadata(virDomainPtr domain, int type, const char *uri, unsigned int flags)
{
    virDomainObj *dom;
    char *ret;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, NULL);

    if (!(dom = testDomObjFromDomain(domain)))
        return NULL;
    ret = virDomainObjGetMetadata(dom, type, uri, flags);
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainSetMetadata(virDomainPtr domain, int type, const char *metadata,
                      const char *key, const char *uri, unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    virDomainObj *dom;
    int ret;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    ret = virDomainObjSetMetadata(dom, type, metadata, key, uri, flags);
    if (ret == 0)
        virObjectEventStateQueue(drv->eventState,
                                 virDomainEventMetadataChangeNew(VIR_DOMAIN_EVENT_OBJ(dom),
                                                                 type, uri));
    virDomainObjEndAPI(&dom);
    return ret;
}


/* Called with the list holding both names: the old name leaves with an
 * UNDEFINED/RENAMED event, the new one comes with DEFINED/RENAMED. */
static int
testDomainRenameApply(virDomainObj *dom, const char *newName, void *opaque)
{
    testDriver *drv = opaque;

    if (strchr(newName, '/')) {
        virReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'", newName);
        return -1;
    }
    /* the list's lock was taken with the domain's released */
    if (virDomainObjIsActive(dom)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "cannot rename active domain");
        return -1;
    }
    testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_UNDEFINED,
                             VIR_DOMAIN_EVENT_UNDEFINED_RENAMED);
    g_free(dom->def->name);
    dom->def->name = g_strdup(newName);
    testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_DEFINED,
                             VIR_DOMAIN_EVENT_DEFINED_RENAMED);
    return 0;
}


static int
testDomainRename(virDomainPtr domain, const char *newName, unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjIsActive(dom))
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "cannot rename active domain");
    else if (!dom->persistent)
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "cannot rename a transient domain");
    else if (dom->state != VIR_DOMAIN_SHUTOFF)
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain has to be shutoff before renaming");
    else
        ret = virDomainObjListRename(drv->domains, dom, newName, testDomainRenameApply, drv);
    virDomainObjEndAPI(&dom);
    return ret;
}


void
testDomainMetaRegister(virHypervisorDriver *d)
{
    d->domainGetMetadata = testDomainGetMetadata;
    d->domainSetMetadata = testDomainSetMetadata;
    d->domainRename = testDomainRename;
}
