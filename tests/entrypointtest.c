/*
 * The shape every public entry point shares: handle checks, read-only
 * refusal, argument checks, dispatch, NO_SUPPORT, error dispatch.  A
 * small driver registered here serves "fake://" URIs.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static const unsigned char fakeUUID[VIR_UUID_BUFLEN] = { 1, 2, 3, 4 };
static int suspendCalls;
static int closeCalls;

static virDrvOpenStatus
fakeConnectOpen(virConnectPtr conn, virConnectAuthPtr auth, unsigned int flags)
{
    (void)auth;
    (void)flags;
    if (!conn->uri || STRNEQ(conn->uri->scheme, "fake"))
        return VIR_DRV_OPEN_DECLINED;
    if (STREQ(conn->uri->path, "/fail")) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s", "fake refuses");
        return VIR_DRV_OPEN_ERROR;
    }
    return VIR_DRV_OPEN_SUCCESS;
}

static int
fakeConnectClose(virConnectPtr conn)
{
    (void)conn;
    closeCalls++;
    return 0;
}

static int
fakeDomainSuspend(virDomainPtr dom)
{
    if (STREQ(dom->name, "broken")) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "domain is broken");
        return -1;
    }
    suspendCalls++;
    return 0;
}

static char *
fakeDomainGetXMLDesc(virDomainPtr dom, unsigned int flags)
{
    return g_strdup_printf("<domain><name>%s</name><flags>%u</flags></domain>",
                           dom->name, flags);
}

static virDomainPtr
fakeDomainLookupByName(virConnectPtr conn, const char *name)
{
    return virGetDomain(conn, name, fakeUUID, 7);
}

static virHypervisorDriver fakeHypervisor = {
    .name = "Fake",
    .connectOpen = fakeConnectOpen,
    .connectClose = fakeConnectClose,
    .domainSuspend = fakeDomainSuspend,
    .domainGetXMLDesc = fakeDomainGetXMLDesc,
    .domainLookupByName = fakeDomainLookupByName,
};

static const char *fakeSchemes[] = { "fake", NULL };

static virConnectDriver fakeConnectDriver = {
    .localOnly = true,
    .uriSchemes = fakeSchemes,
    .hypervisorDriver = &fakeHypervisor,
};

static int handlerCalls;

static void
connHandler(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
    handlerCalls++;
}

static void
quietHandler(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

#define CHECK_ERROR(code, msg) \
    do { \
        CHECK_INTEQ(virGetLastErrorCode(), code); \
        CHECK_STREQ(virGetLastErrorMessage(), msg); \
    } while (0)

static int
testOpen(void)
{
    virConnectPtr conn = virConnectOpen("fake:///default");
    g_autofree char *uri = NULL;

    CHECK(conn != NULL);
    CHECK_STREQ(virConnectGetType(conn), "Fake");
    uri = virConnectGetURI(conn);
    CHECK_STREQ(uri, "fake:///default");
    CHECK_INTEQ(virConnectRef(conn), 0);
    CHECK_INTEQ(virConnectClose(conn), 1);
    CHECK_INTEQ(closeCalls, 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    CHECK_INTEQ(closeCalls, 1);
    return 0;
}

static int
testOpenFailures(void)
{
    /* what no local driver takes goes to the remote driver, as in libvirt */
    CHECK(virConnectOpen("nope:///x") == NULL);
    CHECK_ERROR(VIR_ERR_SYSTEM_ERROR,
                "Failed to connect socket to '/var/run/libvirt/libvirt-sock': No such file or directory");
    CHECK(virConnectOpen("fake://somehost/x") == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR);
    CHECK(g_str_has_prefix(virGetLastErrorMessage(), "Cannot read CA certificate '"));
    CHECK(virConnectOpen("fake:///fail") == NULL);
    CHECK_ERROR(VIR_ERR_OPERATION_FAILED, "operation failed: fake refuses");
    CHECK(virConnectOpen("qemu://system") == NULL);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR,
                "internal error: invalid URI qemu://system (maybe you want qemu:///system)");
    CHECK(virConnectOpen("/relative/path") == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_NO_CONNECT);
    return 0;
}

static int
testDispatch(void)
{
    virConnectPtr conn = virConnectOpen("fake:///default");
    virDomainPtr dom;
    virDomainPtr broken;
    g_autofree char *xml = NULL;
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    CHECK(conn != NULL);
    dom = virDomainLookupByName(conn, "vm1");
    CHECK(dom != NULL);
    CHECK_STREQ(virDomainGetName(dom), "vm1");
    CHECK_INTEQ(virDomainGetID(dom), 7);
    CHECK(virDomainGetConnect(dom) == conn);
    CHECK_INTEQ(virDomainGetUUIDString(dom, uuidstr), 0);
    CHECK_STREQ(uuidstr, "01020304-0000-0000-0000-000000000000");

    CHECK_INTEQ(virDomainSuspend(dom), 0);
    CHECK_INTEQ(suspendCalls, 1);
    xml = virDomainGetXMLDesc(dom, 3);
    CHECK_STREQ(xml, "<domain><name>vm1</name><flags>3</flags></domain>");

    /* a method the driver lacks */
    CHECK_INTEQ(virDomainResume(dom), -1);
    CHECK_ERROR(VIR_ERR_NO_SUPPORT,
                "this function is not supported by the connection driver: virDomainResume");
    CHECK_INTEQ(virGetLastErrorDomain(), VIR_FROM_DOMAIN);
    /* ... whose error the connection keeps a copy of */
    CHECK_INTEQ(virConnGetLastError(conn)->code, VIR_ERR_NO_SUPPORT);
    CHECK(virNetworkLookupByName(conn, "default") == NULL);
    CHECK_ERROR(VIR_ERR_NO_SUPPORT,
                "this function is not supported by the connection driver: virNetworkLookupByName");
    CHECK_INTEQ(virGetLastErrorDomain(), VIR_FROM_NETWORK);

    /* a driver failure reaches the caller unchanged */
    broken = virDomainLookupByName(conn, "broken");
    CHECK_INTEQ(virDomainSuspend(broken), -1);
    CHECK_ERROR(VIR_ERR_OPERATION_INVALID,
                "Requested operation is not valid: domain is broken");

    /* a successful call clears the previous error */
    CHECK_INTEQ(virDomainSuspend(dom), 0);
    CHECK(virGetLastError() == NULL);

    virDomainFree(broken);
    CHECK_INTEQ(virDomainFree(dom), 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testHandleChecks(void)
{
    CHECK_INTEQ(virDomainSuspend(NULL), -1);
    CHECK_ERROR(VIR_ERR_INVALID_DOMAIN, "invalid domain pointer in virDomainSuspend");
    CHECK(virDomainLookupByName(NULL, "x") == NULL);
    CHECK_ERROR(VIR_ERR_INVALID_CONN, "invalid connection pointer in virDomainLookupByName");
    CHECK_INTEQ(virStoragePoolRefresh(NULL, 0), -1);
    CHECK_ERROR(VIR_ERR_INVALID_STORAGE_POOL, "invalid storage pool pointer in virStoragePoolRefresh");
    CHECK_INTEQ(virDomainFree(NULL), -1);
    CHECK_ERROR(VIR_ERR_INVALID_DOMAIN, "invalid domain pointer in virDomainFree");
    /* a handle of the wrong class is refused, not misused */
    {
        virConnectPtr conn = virConnectOpen("fake:///default");

        CHECK_INTEQ(virDomainSuspend((virDomainPtr)conn), -1);
        CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INVALID_DOMAIN);
        virConnectClose(conn);
    }
    return 0;
}

static int
testReadOnlyAndArgs(void)
{
    virConnectPtr ro = virConnectOpenReadOnly("fake:///default");
    virDomainPtr dom;
    g_autofree char *xml = NULL;

    CHECK(ro != NULL);
    dom = virDomainLookupByName(ro, "vm1");
    CHECK(dom != NULL);
    CHECK_INTEQ(virDomainSuspend(dom), -1);
    CHECK_ERROR(VIR_ERR_OPERATION_DENIED,
                "operation forbidden: read only access prevents virDomainSuspend");
    xml = virDomainGetXMLDesc(dom, 0);
    CHECK(xml != NULL);
    CHECK(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_SECURE) == NULL);
    CHECK_ERROR(VIR_ERR_OPERATION_DENIED,
                "operation forbidden: virDomainGetXMLDesc with secure flag");

    CHECK(virDomainDefineXML(ro, "<domain/>") == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_OPERATION_DENIED);
    virDomainFree(dom);
    virConnectClose(ro);

    ro = virConnectOpen("fake:///default");
    CHECK(virDomainDefineXML(ro, NULL) == NULL);
    CHECK_ERROR(VIR_ERR_INVALID_ARG, "xml in virDomainDefineXML must not be NULL");
    CHECK(virDomainLookupByUUIDString(ro, "not-a-uuid") == NULL);
    CHECK_ERROR(VIR_ERR_INVALID_ARG, "Invalid UUID");
    /* the other families word it as libvirt's do */
    CHECK(virStoragePoolLookupByUUIDString(ro, "not-a-uuid") == NULL);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "uuidstr in virStoragePoolLookupByUUIDString must be a valid UUID");
    CHECK(virSecretLookupByUUIDString(ro, "") == NULL);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "uuidstr in virSecretLookupByUUIDString must be a valid UUID");
    virConnectClose(ro);
    return 0;
}

static int
testConnHandler(void)
{
    virConnectPtr conn = virConnectOpen("fake:///default");
    virDomainPtr dom = virDomainLookupByName(conn, "vm1");

    virConnSetErrorFunc(conn, NULL, connHandler);
    CHECK_INTEQ(virDomainResume(dom), -1);
    CHECK_INTEQ(handlerCalls, 1);
    virConnResetLastError(conn);
    CHECK_INTEQ(virConnGetLastError(conn)->code, VIR_ERR_OK);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}

static void
closeCb(virConnectPtr conn, int reason, void *opaque)
{
    (void)conn;
    (void)reason;
    (void)opaque;
}

/* A few calls succeed as no-ops when the driver has no method, as in
 * libvirt (virsh registers a close callback on every connection). */
static int
testOptional(void)
{
    virConnectPtr conn = virConnectOpen("fake:///default");

    CHECK_INTEQ(virConnectRegisterCloseCallback(conn, closeCb, NULL, NULL), 0);
    CHECK_INTEQ(virConnectUnregisterCloseCallback(conn, closeCb), 0);
    CHECK_INTEQ(virConnectRegisterCloseCallback(conn, NULL, NULL, NULL), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "cb in virConnectRegisterCloseCallback must not be NULL");
    virConnectClose(conn);
    return 0;
}

static int
testVersion(void)
{
    unsigned long lib = 0;
    unsigned long type = 0;

    CHECK_INTEQ(virGetVersion(&lib, NULL, &type), 0);
    CHECK_INTEQ(lib, 9000000);
    CHECK_INTEQ(type, 9000000);
    CHECK_INTEQ(virGetVersion(NULL, NULL, NULL), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG, "libVer in virGetVersion must not be NULL");
    return 0;
}

int
main(void)
{
    virInitialize();
    virSetErrorFunc(NULL, quietHandler);
    virRegisterConnectDriver(&fakeConnectDriver, false);

    virTestRun("open", testOpen);
    virTestRun("open-failures", testOpenFailures);
    virTestRun("dispatch", testDispatch);
    virTestRun("handle-checks", testHandleChecks);
    virTestRun("read-only-and-args", testReadOnlyAndArgs);
    virTestRun("connection-handler", testConnHandler);
    virTestRun("optional-methods", testOptional);
    virTestRun("version", testVersion);
    return virTestDone();
}
