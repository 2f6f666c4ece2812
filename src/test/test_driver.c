/*
 * test_driver.c: the test driver's connection (test:///default).
 *
 * This is the first step of the in-memory hypervisor: it accepts
 * test:///default and answers the connection-level calls.  Domains,
 * networks, storage and the node-file loader (test:///PATH.xml) follow
 * family by family; until then those calls fail with VIR_ERR_NO_SUPPORT
 * through the public layer.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "test/test_driver.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/*
 * test:///default: one state shared by every connection of the process
 * while any is open, as in libvirt (its defaultConn).
 */
/* libvirt's test driver guests default to its host's arch, i686 */
static int
testDomainDefPostParse(virDomainDef *def, unsigned int flags G_GNUC_UNUSED,
                       void *opaque G_GNUC_UNUSED)
{
    if (!def->os.arch)
        def->os.arch = g_strdup("i686");
    return 0;
}

static const virDomainXMLOption testXMLOption = {
    .postParse = testDomainDefPostParse,
};

static GMutex defaultLock;
static testDriver *defaultConn;     /* guarded by defaultLock */
static unsigned int defaultRefs;    /* guarded by defaultLock */

static void
testDriverFree(testDriver *drv)
{
    virDomainObjListFree(drv->domains);
    virObjectEventStateFree(drv->eventState);
    virNetworkObjListFree(drv->networks);
    virInterfaceObjListFree(drv->ifaces);
    virInterfaceObjListFree(drv->ifaceBackup);
    virNodeDeviceObjListFree(drv->devs);
    virSecretObjListFree(drv->secrets);
    virNWFilterBindingObjListFree(drv->bindings);
    virNWFilterObjListFree(drv->nwfilters);
    g_mutex_clear(&drv->nwfilterLock);
    g_mutex_clear(&drv->ifaceTransactionLock);
    g_free(drv);
}

static testDriver *
testOpenDefault(void)
{
    testDriver *drv = NULL;

    g_mutex_lock(&defaultLock);
    if (defaultConn) {
        defaultRefs++;
        drv = defaultConn;
        goto out;
    }
    drv = g_new0(testDriver, 1);
    drv->domains = virDomainObjListNew();
    drv->nextDomID = 1;
    drv->xmlopt = &testXMLOption;
    drv->eventState = virObjectEventStateNew();
    drv->networks = virNetworkObjListNew();
    drv->ifaces = virInterfaceObjListNew();
    g_mutex_init(&drv->ifaceTransactionLock);
    drv->devs = virNodeDeviceObjListNew();
    drv->secrets = virSecretObjListNew();
    drv->nwfilters = virNWFilterObjListNew();
    drv->bindings = virNWFilterBindingObjListNew();
    g_mutex_init(&drv->nwfilterLock);
    if (testDomainLoadDefaults(drv) < 0 ||
        testNetworkLoadDefaults(drv) < 0 ||
        testInterfaceLoadDefaults(drv) < 0 ||
        testNodeDeviceLoadDefaults(drv) < 0) {
        testDriverFree(drv);
        drv = NULL;
        goto out;
    }
    defaultConn = drv;
    defaultRefs = 1;
 out:
    g_mutex_unlock(&defaultLock);
    return drv;
}

static virDrvOpenStatus
testConnectOpen(virConnectPtr conn, virConnectAuthPtr auth G_GNUC_UNUSED,
                unsigned int flags)
{
    virCheckFlags(VIR_CONNECT_RO, VIR_DRV_OPEN_ERROR);

    if (conn->uri->path[0] == '\0' ||
        (conn->uri->path[0] == '/' && conn->uri->path[1] == '\0')) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "testOpen: supply a path or use test:///default");
        return VIR_DRV_OPEN_ERROR;
    }
    if (STRNEQ(conn->uri->path, "/default")) {
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "loading a node description file (test:///PATH.xml)");
        return VIR_DRV_OPEN_ERROR;
    }
    if (!(conn->privateData = testOpenDefault()))
        return VIR_DRV_OPEN_ERROR;
    return VIR_DRV_OPEN_SUCCESS;
}

static int
testConnectClose(virConnectPtr conn)
{
    testDriver *drv = conn->privateData;

    g_mutex_lock(&defaultLock);
    if (drv == defaultConn && --defaultRefs == 0) {
        testDriverFree(defaultConn);
        defaultConn = NULL;
    }
    g_mutex_unlock(&defaultLock);
    conn->privateData = NULL;
    return 0;
}

static const char *
testConnectGetType(virConnectPtr conn G_GNUC_UNUSED)
{
    return "TEST";
}

static int
testConnectGetVersion(virConnectPtr conn G_GNUC_UNUSED, unsigned long *hvVer)
{
    /* the version libvirt's test driver reports, 0.0.2 */
    *hvVer = 2;
    return 0;
}

static char *
testConnectGetHostname(virConnectPtr conn G_GNUC_UNUSED)
{
    return g_strdup(g_get_host_name());
}

static int
testConnectGetMaxVcpus(virConnectPtr conn G_GNUC_UNUSED,
                       const char *type G_GNUC_UNUSED)
{
    return 32;
}

static int
testConnectIsSecure(virConnectPtr conn G_GNUC_UNUSED)
{
    return 1;
}

static int
testConnectIsEncrypted(virConnectPtr conn G_GNUC_UNUSED)
{
    return 0;
}

static int
testConnectIsAlive(virConnectPtr conn G_GNUC_UNUSED)
{
    return 1;
}

static virHypervisorDriver testHypervisorDriver = {
    .name = "Test",
    .connectOpen = testConnectOpen,
    .connectClose = testConnectClose,
    .connectGetType = testConnectGetType,
    .connectGetVersion = testConnectGetVersion,
    .connectGetHostname = testConnectGetHostname,
    .connectGetMaxVcpus = testConnectGetMaxVcpus,
    .connectIsSecure = testConnectIsSecure,
    .connectIsEncrypted = testConnectIsEncrypted,
    .connectIsAlive = testConnectIsAlive,
};

static const char *testSchemes[] = { "test", NULL };

static virConnectDriver testConnectDriver = {
    .localOnly = true,
    .uriSchemes = testSchemes,
    .hypervisorDriver = &testHypervisorDriver,
    .networkDriver = &testNetworkDriver,
    .interfaceDriver = &testInterfaceDriver,
    .nodeDeviceDriver = &testNodeDeviceDriver,
    .secretDriver = &testSecretDriver,
    .nwfilterDriver = &testNWFilterDriver,
};

int
testRegister(void)
{
    testDomainRegisterMethods(&testHypervisorDriver);
    testEventsRegisterMethods(&testHypervisorDriver);
    testNetworkPortRegisterMethods(&testNetworkDriver);
    testSnapshotRegisterMethods(&testHypervisorDriver);
    testCheckpointRegisterMethods(&testHypervisorDriver);
    testNodeDeviceMdevRegisterMethods(&testNodeDeviceDriver);
    testBackupRegisterMethods(&testHypervisorDriver);
    return virRegisterConnectDriver(&testConnectDriver, false);
}
