/*
 * error-calls.c: the error reporting calls of the public API, fed by the
 * errors of network, interface, node device and storage lookups on
 * test:///default: the thread's last error and its accessors, copies
 * and saved errors, the per-connection error and its handler, the
 * global handler, the error domains of refused names, and connections
 * opened read-only and referenced.
 */
#include "compat.h"

static int handled;

static void
connHandler(void *opaque, virErrorPtr err)
{
    handled++;
    printf("  conn handler (%s): %d/%d level %d: %s\n", (const char *)opaque,
           err->domain, err->code, err->level, err->message);
}

static void
globalHandler(void *opaque, virErrorPtr err)
{
    handled++;
    printf("  global handler (%s): %d/%d: %s\n", (const char *)opaque,
           err->domain, err->code, err->message);
}

static void
showLast(void)
{
    const char *msg = virGetLastErrorMessage();

    printf("  code=%d domain=%d message=%s\n", virGetLastErrorCode(),
           virGetLastErrorDomain(), msg ? msg : "(null)");
}

static void
showError(const char *what, virErrorPtr err)
{
    if (!err) {
        printf("  %s: none\n", what);
        return;
    }
    printf("  %s: %d/%d level=%d str1=%s message=%s\n", what, err->domain, err->code,
           err->level, err->str1 ? err->str1 : "(null)",
           err->message ? err->message : "(null)");
}

static void
lastError(virConnectPtr conn)
{
    virError copy;
    virErrorPtr saved;

    compatSection("the thread's last error");
    virResetLastError();
    showLast();
    CHECK_FAIL_PTR(virNetworkLookupByName(conn, "nosuch"));
    showLast();
    memset(&copy, 0, sizeof(copy));
    CHECK_INT(virCopyLastError(&copy));
    showError("copy", &copy);
    saved = virSaveLastError();
    showError("saved", saved);
    /* a copy owns its strings: reset it before it is filled again */
    virResetError(&copy);
    showError("copy reset", &copy);
    virResetLastError();
    showLast();
    CHECK_INT(virCopyLastError(&copy));
    showError("copy after reset", &copy);
    virFreeError(saved);
    virFreeError(NULL);
    virResetError(NULL);

    compatSection("one error after another");
    CHECK_FAIL_PTR(virInterfaceLookupByName(conn, "nosuch"));
    showLast();
    CHECK_FAIL_PTR(virNodeDeviceLookupByName(conn, "nosuch"));
    showLast();
    CHECK_FAIL_PTR(virStoragePoolLookupByName(conn, "nosuch"));
    showLast();
    /* a call that succeeds clears it */
    CHECK_INT(virConnectNumOfNetworks(conn));
    showLast();
    /* so does a wrong argument the public layer catches */
    CHECK_FAIL_PTR(virNetworkLookupByName(conn, NULL));
    showLast();
}

static void
connError(virConnectPtr conn)
{
    virError copy;

    compatSection("the connection's error");
    virConnResetLastError(conn);
    showError("conn", virConnGetLastError(conn));
    CHECK_FAIL_PTR(virNetworkLookupByUUIDString(conn, "00000000-0000-0000-0000-000000000001"));
    showError("conn", virConnGetLastError(conn));
    memset(&copy, 0, sizeof(copy));
    CHECK_INT(virConnCopyLastError(conn, &copy));
    showError("conn copy", &copy);
    virResetError(&copy);
    virConnResetLastError(conn);
    showError("conn after reset", virConnGetLastError(conn));
    showLast();
    showError("no connection", virConnGetLastError(NULL));
    CHECK_INT(virConnCopyLastError(NULL, &copy));

    compatSection("handlers");
    virConnSetErrorFunc(conn, (void *)"conn", connHandler);
    handled = 0;
    CHECK_FAIL_PTR(virInterfaceLookupByMACString(conn, "00:00:00:00:00:01"));
    CHECK_FAIL_PTR(virNodeDeviceLookupByName(conn, "nosuch"));
    printf("  handled %d\n", handled);
    virConnSetErrorFunc(conn, NULL, NULL);
    virSetErrorFunc((void *)"global", globalHandler);
    handled = 0;
    CHECK_FAIL_PTR(virNetworkLookupByName(conn, "nosuch"));
    printf("  handled %d\n", handled);
    virSetErrorFunc(NULL, NULL);
    /* the default handler writes to standard error */
    if (virGetLastError())
        virDefaultErrorFunc(virGetLastError());
    virDefaultErrorFunc(NULL);
}

/* Errors keep the domain of the code that finds them: a name's bad
 * character is the XML code's. */
static void
domains(virConnectPtr conn)
{
    compatSection("error domains of refused names");
    CHECK_FAIL_PTR(virDomainDefineXML(conn, "<domain type='test'><name>a\tb\nc</name>"
                                      "<memory>1024</memory><os><type>hvm</type></os></domain>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<network><name>a/b</name></network>"));
    CHECK_FAIL_PTR(virNetworkDefineXML(conn, "<network><name></name></network>"));
}

static void
connections(void)
{
    unsigned long lib = 0;
    unsigned long type = 0;
    virConnectPtr ro;
    virNetworkPtr net;

    compatSection("versions and read-only connections");
    CHECK_INT(virGetVersion(&lib, NULL, NULL));
    printf("  library %lu\n", lib);
    CHECK_INT(virGetVersion(&lib, "Test", &type));
    printf("  library %lu type %lu\n", lib, type);
    CHECK_INT(virGetVersion(&lib, "nosuch", &type));
    ro = CHECK_PTR(virConnectOpenReadOnly("test:///default"));
    if (!ro)
        return;
    CHECK_INT(virConnectIsAlive(ro));
    CHECK_INT(virConnectRef(ro));
    CHECK_INT(virConnectClose(ro));
    net = CHECK_PTR(virNetworkLookupByName(ro, "default"));
    CHECK_INT(virNetworkDestroy(net));
    showLast();
    virNetworkFree(net);
    CHECK_INT(virConnectClose(ro));
    CHECK_FAIL_PTR(virConnectOpenReadOnly("test:///no/such/file.xml"));
    CHECK_INT(virConnectRef(NULL));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);

    (void)argc;
    (void)argv;
    lastError(conn);
    connError(conn);
    domains(conn);
    connections();
    CHECK_INT(virConnectClose(conn));
    return 0;
}
