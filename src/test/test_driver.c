/*
 * test_driver.c: the test driver's connections.
 *
 * test:///default: one state shared by every connection of the process
 * while any is open, as in libvirt (so events raised through one
 * connection reach the others); it is rebuilt from the default node
 * description after the last one closes.
 *
 * test:///PATH.xml: a state of its own per connection, loaded from the
 * node description file PATH.xml (test_node.c).
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruri.h"
#include "util/virxml.h"
#include "test/test_driver.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static GMutex defaultLock;
static testDriver *defaultConn;     /* guarded by defaultLock */
static unsigned int defaultRefs;    /* guarded by defaultLock */

static void
testDriverFree(testDriver *drv)
{
    size_t i;

    if (!drv)
        return;
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
    for (i = 0; i < drv->numAuths; i++) {
        g_free(drv->auths[i].username);
        g_free(drv->auths[i].password);
    }
    g_free(drv->auths);
    g_free(drv->cells);
    g_free(drv->capsXML);
    virStoragePoolObjListFree(drv->pools);
    g_free(drv);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(testDriver, testDriverFree);


/* A driver loaded from @file, or from the default description (@file
 * NULL, with its NUMA cells). */
static testDriver *
testDriverLoad(const char *file)
{
    g_autoptr(testDriver) drv = g_new0(testDriver, 1);
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    drv->domains = virDomainObjListNew();
    drv->nextDomID = 1;
    drv->xmlopt = &testDomainXMLOption;
    drv->eventState = virObjectEventStateNew();
    drv->networks = virNetworkObjListNew();
    drv->ifaces = virInterfaceObjListNew();
    g_mutex_init(&drv->ifaceTransactionLock);
    drv->devs = virNodeDeviceObjListNew();
    drv->secrets = virSecretObjListNew();
    drv->nwfilters = virNWFilterObjListNew();
    drv->bindings = virNWFilterBindingObjListNew();
    g_mutex_init(&drv->nwfilterLock);
    drv->pools = virStoragePoolObjListNew();
    testHostSetDefaults(drv, !file);
    if (testHostBuildCapabilities(drv) < 0)
        return NULL;

    if (file)
        doc = virXMLParse(file, NULL, NULL, "node", &ctxt);
    else
        doc = virXMLParse(NULL, testNodeDefaultXML, "(test driver)", "node", &ctxt);
    if (!doc || testNodeLoad(drv, ctxt, file) < 0)
        return NULL;
    return g_steal_pointer(&drv);
}


static testDriver *
testOpenDefault(void)
{
    testDriver *drv;

    g_mutex_lock(&defaultLock);
    if (!defaultConn && (defaultConn = testDriverLoad(NULL)))
        defaultRefs = 0;
    if ((drv = defaultConn))
        defaultRefs++;
    g_mutex_unlock(&defaultLock);
    return drv;
}


static void
testDriverRelease(testDriver *drv)
{
    g_mutex_lock(&defaultLock);
    if (drv == defaultConn) {
        if (--defaultRefs == 0) {
            testDriverFree(defaultConn);
            defaultConn = NULL;
        }
    } else {
        testDriverFree(drv);
    }
    g_mutex_unlock(&defaultLock);
}


/*
 * Ask the application for one credential (@type: VIR_CRED_AUTHNAME, or a
 * password type) through its auth callback, as libvirt's auth helpers do
 * (errors in VIR_FROM_AUTH).  NULL with an error set.
 *
 * Not done: libvirt first looks the answer up in its auth.conf file
 * ($LIBVIRT_AUTH_FILE, ~/.config/libvirt/auth.conf, /etc/libvirt).
 */
static char *
testAuthAsk(virConnectAuthPtr auth, bool password, const char *prompt)
{
    virConnectCredential cred = { 0 };
    unsigned int i;

    if (!auth) {
        virReportErrorHelper(VIR_FROM_AUTH, VIR_ERR_INVALID_ARG, __FILE__, __FUNCTION__,
                             __LINE__, "%s", "Missing authentication credentials");
        return NULL;
    }
    for (i = 0; i < auth->ncredtype; i++) {
        int type = auth->credtype[i];

        if (password ? (type != VIR_CRED_PASSPHRASE && type != VIR_CRED_NOECHOPROMPT)
                     : type != VIR_CRED_AUTHNAME)
            continue;
        if (!auth->cb) {
            virReportErrorHelper(VIR_FROM_AUTH, VIR_ERR_INVALID_ARG, __FILE__,
                                 __FUNCTION__, __LINE__, "%s",
                                 "Missing authentication callback");
            return NULL;
        }
        cred.type = type;
        cred.prompt = prompt;
        cred.challenge = "localhost";
        if (auth->cb(&cred, 1, auth->cbdata) < 0) {
            virReportErrorHelper(VIR_FROM_AUTH, VIR_ERR_AUTH_FAILED, __FILE__,
                                 __FUNCTION__, __LINE__, "%s",
                                 password ? "Password request failed"
                                          : "Username request failed");
            g_clear_pointer(&cred.result, free);
        }
        return cred.result;
    }
    virReportErrorHelper(VIR_FROM_AUTH, VIR_ERR_AUTH_FAILED, __FILE__, __FUNCTION__,
                         __LINE__, "%s",
                         password ? "Missing VIR_CRED_PASSPHRASE or VIR_CRED_NOECHOPROMPT "
                                    "credential type"
                                  : "Missing VIR_CRED_AUTHNAME credential type");
    return NULL;
}


/* The users of a node description's <auth> must give their name and
 * password (a user listed without one is asked none); an unknown user
 * is still asked for a password, then refused. */
static int
testConnectAuthenticate(testDriver *drv, virConnectAuthPtr auth)
{
    g_autofree char *username = NULL;
    g_autofree char *password = NULL;
    g_autofree char *prompt = NULL;
    const testAuth *user = NULL;
    size_t i;

    if (drv->numAuths == 0)
        return 0;
    if (!(username = testAuthAsk(auth, false, "Enter username for localhost")))
        return -1;
    for (i = 0; i < drv->numAuths && !user; i++) {
        if (STREQ(drv->auths[i].username, username))
            user = &drv->auths[i];
    }
    if (!user || user->password) {
        prompt = g_strdup_printf("Enter %s's password for localhost", username);
        if (!(password = testAuthAsk(auth, true, prompt)))
            return -1;
    }
    if (!user || (password && STRNEQ(user->password, password))) {
        virReportError(VIR_ERR_AUTH_FAILED, "%s",
                       "authentication failed, see test XML for the correct username/password");
        return -1;
    }
    return 0;
}


static virDrvOpenStatus
testConnectOpen(virConnectPtr conn, virConnectAuthPtr auth, unsigned int flags)
{
    const char *path = conn->uri->path;

    virCheckFlags(VIR_CONNECT_RO, VIR_DRV_OPEN_ERROR);

    if (path[0] == '\0' || (path[0] == '/' && path[1] == '\0')) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "testOpen: supply a path or use test:///default");
        return VIR_DRV_OPEN_ERROR;
    }
    if (STREQ(path, "/default"))
        conn->privateData = testOpenDefault();
    else
        conn->privateData = testDriverLoad(path);
    if (!conn->privateData)
        return VIR_DRV_OPEN_ERROR;
    if (testConnectAuthenticate(conn->privateData, auth) < 0) {
        testDriverRelease(g_steal_pointer(&conn->privateData));
        return VIR_DRV_OPEN_ERROR;
    }
    return VIR_DRV_OPEN_SUCCESS;
}


static int
testConnectClose(virConnectPtr conn)
{
    testDriverRelease(g_steal_pointer(&conn->privateData));
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


static int
testConnectSupportsFeature(virConnectPtr conn G_GNUC_UNUSED, int feature)
{
    int supported;

    if (virDriverFeatureIsGlobal(feature, &supported))
        return supported;
    /* migration, fd passing and migratable XML: none */
    return 0;
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
    .connectSupportsFeature = testConnectSupportsFeature,
};

static virStorageDriver testStorageDriver = {
    .name = "Test",
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
    .storageDriver = &testStorageDriver,
};

int
testRegister(void)
{
    testHostRegisterMethods(&testHypervisorDriver);
    testDomainRegisterMethods(&testHypervisorDriver);
    testEventsRegisterMethods(&testHypervisorDriver);
    testNetworkPortRegisterMethods(&testNetworkDriver);
    testDomainNetRegisterMethods(&testHypervisorDriver);
    testSnapshotRegisterMethods(&testHypervisorDriver);
    testCheckpointRegisterMethods(&testHypervisorDriver);
    testNodeDeviceMdevRegisterMethods(&testNodeDeviceDriver);
    testBackupRegisterMethods(&testHypervisorDriver);
    testStoragePoolRegisterMethods(&testStorageDriver);
    testStorageVolRegisterMethods(&testStorageDriver);
    testCPURegisterMethods(&testHypervisorDriver);
    return virRegisterConnectDriver(&testConnectDriver, false);
}
