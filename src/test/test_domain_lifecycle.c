/*
 * test_domain_lifecycle.c: starting and stopping the test driver's
 * domains: create (from XML or a definition), destroy, shutdown, reboot,
 * reset, suspend and resume.
 *
 * A transient domain leaves the list when it stops; a persistent one
 * goes back to its persistent definition (testDomainShutdownState).
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static virDomainPtr
testDomainCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virDomainDef) def = NULL;
    virDomainObj *dom;
    virDomainPtr ret;

    virCheckFlags(VIR_DOMAIN_START_VALIDATE, NULL);

    if (!(def = virDomainDefParseString(xml, drv->xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE)) ||
        testDomainGenerateIfnames(def) < 0)
        return NULL;
    if (!(dom = virDomainObjListAdd(drv->domains, &def,
                                    VIR_DOMAIN_OBJ_LIST_ADD_LIVE |
                                    VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE, NULL)))
        return NULL;
    if (testDomainStartState(drv, dom, VIR_DOMAIN_RUNNING_BOOTED) < 0) {
        if (!dom->persistent)
            virDomainObjListRemove(drv->domains, dom);
        virDomainObjEndAPI(&dom);
        return NULL;
    }
    testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_STARTED,
                             VIR_DOMAIN_EVENT_STARTED_BOOTED);
    ret = virGetDomain(conn, dom->def->name, dom->def->uuid, dom->def->id);
    virDomainObjEndAPI(&dom);
    return ret;
}


static virDomainPtr
testDomainCreateXMLWithFiles(virConnectPtr conn, const char *xml,
                             unsigned int nfiles G_GNUC_UNUSED,
                             int *files G_GNUC_UNUSED, unsigned int flags)
{
    return testDomainCreateXML(conn, xml, flags);
}


static int
testDomainCreateWithFlags(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->state != VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Domain '%s' is already running",
                       domain->name);
        goto cleanup;
    }
    if (testDomainStartState(drv, dom, VIR_DOMAIN_RUNNING_BOOTED) < 0)
        goto cleanup;
    domain->id = dom->def->id;
    testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_STARTED,
                             VIR_DOMAIN_EVENT_STARTED_BOOTED);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainCreate(virDomainPtr domain)
{
    return testDomainCreateWithFlags(domain, 0);
}


static int
testDomainCreateWithFiles(virDomainPtr domain, unsigned int nfiles G_GNUC_UNUSED,
                          int *files G_GNUC_UNUSED, unsigned int flags)
{
    return testDomainCreateWithFlags(domain, flags);
}


/* Shut @dom (locked, running) off with @reason, and tell with the
 * STOPPED event @detail; a transient domain leaves the list. */
static void
testDomainStop(virDomainPtr domain, virDomainObj *dom, int reason, int detail)
{
    testDriver *drv = testDriverOf(domain->conn);

    testDomainShutdownState(dom, reason);
    domain->id = -1;
    testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_STOPPED, detail);
    if (!dom->persistent)
        virDomainObjListRemove(drv->domains, dom);
}


static int
testDomainDestroyFlags(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_DESTROY_GRACEFUL, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    testDomainStop(domain, dom, VIR_DOMAIN_SHUTOFF_DESTROYED,
                   VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainDestroy(virDomainPtr domain)
{
    return testDomainDestroyFlags(domain, 0);
}


/* What a guest that powers off or reboots does, by its <on_*> action:
 * run again (restart actions) or shut off. */
static void
testDomainActionSetState(virDomainObj *dom, int action)
{
    if (action == VIR_DOMAIN_LIFECYCLE_ACTION_RESTART ||
        action == VIR_DOMAIN_LIFECYCLE_ACTION_RESTART_RENAME)
        virDomainObjSetState(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    else
        virDomainObjSetState(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SHUTDOWN);
}


static int
testDomainShutdownFlags(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->state == VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not running", domain->name);
        goto cleanup;
    }
    testDomainActionSetState(dom, dom->def->onPoweroff);
    if (dom->state == VIR_DOMAIN_SHUTOFF)
        testDomainStop(domain, dom, VIR_DOMAIN_SHUTOFF_SHUTDOWN,
                       VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainShutdown(virDomainPtr domain)
{
    return testDomainShutdownFlags(domain, 0);
}


static int
testDomainReboot(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_REBOOT_DEFAULT |
                  VIR_DOMAIN_REBOOT_ACPI_POWER_BTN |
                  VIR_DOMAIN_REBOOT_GUEST_AGENT |
                  VIR_DOMAIN_REBOOT_INITCTL |
                  VIR_DOMAIN_REBOOT_SIGNAL |
                  VIR_DOMAIN_REBOOT_PARAVIRT, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    testDomainActionSetState(dom, dom->def->onReboot);
    if (dom->state == VIR_DOMAIN_SHUTOFF)
        testDomainStop(domain, dom, VIR_DOMAIN_SHUTOFF_SHUTDOWN,
                       VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainReset(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    int ret;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    ret = virDomainObjCheckActive(dom);
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainSuspend(virDomainPtr domain)
{
    virDomainObj *dom;
    int ret = -1;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->state == VIR_DOMAIN_SHUTOFF || dom->state == VIR_DOMAIN_PAUSED) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not running", domain->name);
        goto cleanup;
    }
    virDomainObjSetState(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    testDomainEventLifecycle(testDriverOf(domain->conn), dom, VIR_DOMAIN_EVENT_SUSPENDED,
                             VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainResume(virDomainPtr domain)
{
    virDomainObj *dom;
    int ret = -1;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->state != VIR_DOMAIN_PAUSED) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not paused", domain->name);
        goto cleanup;
    }
    virDomainObjSetState(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED);
    testDomainEventLifecycle(testDriverOf(domain->conn), dom, VIR_DOMAIN_EVENT_RESUMED,
                             VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


void
testDomainLifecycleRegister(virHypervisorDriver *d)
{
    d->domainCreateXML = testDomainCreateXML;
    d->domainCreateXMLWithFiles = testDomainCreateXMLWithFiles;
    d->domainCreate = testDomainCreate;
    d->domainCreateWithFlags = testDomainCreateWithFlags;
    d->domainCreateWithFiles = testDomainCreateWithFiles;
    d->domainDestroy = testDomainDestroy;
    d->domainDestroyFlags = testDomainDestroyFlags;
    d->domainShutdown = testDomainShutdown;
    d->domainShutdownFlags = testDomainShutdownFlags;
    d->domainReboot = testDomainReboot;
    d->domainReset = testDomainReset;
    d->domainSuspend = testDomainSuspend;
    d->domainResume = testDomainResume;
}
