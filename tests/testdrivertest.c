/*
 * The test driver's domains through the public API on test:///default:
 * the default domain, life cycles, list filters, errors (texts checked
 * against Debian's libvirt 9.0.0), and threads sharing one connection.
 */
#include "internal.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define DOMXML(name, uuid) \
    "<domain type='test'><name>" name "</name><uuid>" uuid "</uuid>" \
    "<memory>1024</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>"

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

/* The last error is @code in @domain with message @msg. */
static int
checkError(int code, int domain, const char *msg)
{
    virErrorPtr err = virGetLastError();

    CHECK(err != NULL);
    CHECK_INTEQ(err->code, code);
    CHECK_INTEQ(err->domain, domain);
    CHECK_STREQ(err->message, msg);
    return 0;
}

static int
checkState(virDomainPtr dom, int state, int reason)
{
    int s = -1, r = -1;

    CHECK_INTEQ(virDomainGetState(dom, &s, &r, 0), 0);
    CHECK_INTEQ(s, state);
    CHECK_INTEQ(r, reason);
    return 0;
}

static int
testDefault(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom;
    virDomainInfo info;
    g_autofree char *xml = NULL;
    g_autofree char *ostype = NULL;
    int ids[4];

    CHECK(conn);
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK_INTEQ(virDomainGetID(dom), 1);
    CHECK_INTEQ(virDomainGetInfo(dom, &info), 0);
    CHECK_INTEQ(info.state, VIR_DOMAIN_RUNNING);
    CHECK_INTEQ(info.maxMem, 8388608);
    CHECK_INTEQ(info.memory, 2097152);
    CHECK_INTEQ(info.nrVirtCpu, 2);
    CHECK(checkState(dom, VIR_DOMAIN_RUNNING, 0) == 0);
    CHECK_INTEQ(virDomainIsActive(dom), 1);
    CHECK_INTEQ(virDomainIsPersistent(dom), 1);
    CHECK_INTEQ(virDomainGetMaxMemory(dom), 8388608);
    CHECK_STREQ((ostype = virDomainGetOSType(dom)), "linux");
    CHECK((xml = virDomainGetXMLDesc(dom, 0)));
    CHECK(strstr(xml, "<domain type='test' id='1'>"));
    CHECK(strstr(xml, "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>"));
    CHECK(strstr(xml, "<target dev='testnet0'/>"));
    CHECK_INTEQ(virConnectNumOfDomains(conn), 1);
    CHECK_INTEQ(virConnectListDomains(conn, ids, 4), 1);
    CHECK_INTEQ(ids[0], 1);
    CHECK_INTEQ(virConnectNumOfDefinedDomains(conn), 0);
    virDomainFree(dom);
    CHECK((dom = virDomainLookupByID(conn, 1)));
    CHECK_STREQ(virDomainGetName(dom), "test");
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testErrors(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom, other;

    CHECK(conn);
    CHECK(!virDomainLookupByName(conn, "nope"));
    CHECK(checkError(VIR_ERR_NO_DOMAIN, VIR_FROM_TEST, "Domain not found") == 0);
    CHECK(!virDomainLookupByID(conn, 42));
    CHECK(checkError(VIR_ERR_NO_DOMAIN, VIR_FROM_TEST, "Domain not found") == 0);
    CHECK(!virDomainLookupByUUIDString(conn, "11111111-2222-3333-4444-555555555555"));
    CHECK(checkError(VIR_ERR_NO_DOMAIN, VIR_FROM_TEST, "Domain not found") == 0);

    CHECK(!virDomainDefineXML(conn, DOMXML("test", "11111111-2222-3333-4444-555555555555")));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED, VIR_FROM_DOMAIN,
                     "operation failed: domain 'test' already exists with uuid "
                     "6695eb01-f6a4-8304-79aa-97f2502e193f") == 0);
    CHECK(!virDomainDefineXML(conn, DOMXML("other", "6695eb01-f6a4-8304-79aa-97f2502e193f")));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED, VIR_FROM_DOMAIN,
                     "operation failed: domain 'test' is already defined with uuid "
                     "6695eb01-f6a4-8304-79aa-97f2502e193f") == 0);
    CHECK(!virDomainCreateXML(conn, DOMXML("test", "6695eb01-f6a4-8304-79aa-97f2502e193f"), 0));
    CHECK(checkError(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain 'test' is already active") == 0);

    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK_INTEQ(virDomainCreate(dom), -1);
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: Domain 'test' is already running") == 0);
    CHECK_INTEQ(virDomainResume(dom), -1);
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: domain 'test' not paused") == 0);

    CHECK((other = virDomainDefineXML(conn, DOMXML("n1", "11111111-2222-3333-4444-555555555555"))));
    CHECK_INTEQ(virDomainUndefineFlags(other, 1 << 20), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                     "unsupported flags (0x100000) in function "
                     "testDomainUndefineFlags") == 0);
    CHECK_INTEQ(virDomainDestroy(other), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                     "Requested operation is not valid: domain is not running") == 0);
    CHECK_INTEQ(virDomainSuspend(other), -1);
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "internal error: domain 'n1' not running") == 0);
    CHECK_INTEQ(virDomainUndefine(other), 0);
    CHECK_INTEQ(virDomainIsActive(other), -1);
    CHECK(checkError(VIR_ERR_NO_DOMAIN, VIR_FROM_TEST,
                     "Domain not found: no domain with matching uuid "
                     "'11111111-2222-3333-4444-555555555555' (n1)") == 0);
    virDomainFree(other);
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testLifeCycle(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom, t;
    g_autofree char *xml = NULL;
    char *names[4];
    int id;

    CHECK(conn);
    CHECK((dom = virDomainDefineXML(conn, DOMXML("n2", "11111111-2222-3333-4444-555555555557"))));
    CHECK_INTEQ(virDomainGetID(dom), (unsigned int)-1);
    CHECK(checkState(dom, VIR_DOMAIN_SHUTOFF, 0) == 0);
    CHECK_INTEQ(virDomainIsActive(dom), 0);
    CHECK_INTEQ(virDomainIsPersistent(dom), 1);
    CHECK_INTEQ(virConnectNumOfDefinedDomains(conn), 1);
    CHECK_INTEQ(virConnectListDefinedDomains(conn, names, 4), 1);
    CHECK_STREQ(names[0], "n2");
    g_free(names[0]);

    CHECK_INTEQ(virDomainCreate(dom), 0);
    CHECK((id = virDomainGetID(dom)) > 1 && id != -1);
    CHECK(checkState(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED) == 0);
    CHECK_INTEQ(virDomainSuspend(dom), 0);
    CHECK(checkState(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER) == 0);
    CHECK_INTEQ(virDomainSuspend(dom), -1);
    CHECK_INTEQ(virDomainResume(dom), 0);
    CHECK(checkState(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED) == 0);

    /* redefining a running domain changes its next boot only */
    virDomainFree(virDomainDefineXML(conn,
        "<domain type='test'><name>n2</name><uuid>11111111-2222-3333-4444-555555555557</uuid>"
        "<memory>2048</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>"));
    CHECK_INTEQ(virDomainGetMaxMemory(dom), 1024);
    CHECK((xml = virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE)));
    CHECK(strstr(xml, "<memory unit='KiB'>2048</memory>"));
    CHECK_INTEQ(virDomainDestroy(dom), 0);
    CHECK_INTEQ(virDomainGetID(dom), (unsigned int)-1);
    CHECK(checkState(dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED) == 0);
    CHECK_INTEQ(virDomainGetMaxMemory(dom), 2048);
    CHECK_INTEQ(virDomainUndefine(dom), 0);
    CHECK(!virDomainLookupByName(conn, "n2"));
    virDomainFree(dom);

    /* transient: gone once destroyed */
    CHECK((t = virDomainCreateXML(conn, DOMXML("t1", "11111111-2222-3333-4444-555555555556"), 0)));
    CHECK_INTEQ(virDomainIsPersistent(t), 0);
    CHECK(virDomainGetID(t) > 1);
    CHECK_INTEQ(virConnectNumOfDomains(conn), 2);
    CHECK_INTEQ(virDomainDestroy(t), 0);
    CHECK(!virDomainLookupByName(conn, "t1"));
    virDomainFree(t);

    /* undefining a running domain leaves it running, transient */
    CHECK((dom = virDomainDefineXML(conn, DOMXML("n3", "11111111-2222-3333-4444-555555555558"))));
    CHECK_INTEQ(virDomainCreate(dom), 0);
    CHECK_INTEQ(virDomainUndefine(dom), 0);
    CHECK_INTEQ(virDomainIsPersistent(dom), 0);
    CHECK_INTEQ(virDomainIsActive(dom), 1);
    CHECK_INTEQ(virDomainDestroy(dom), 0);
    CHECK(!virDomainLookupByName(conn, "n3"));
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
countAll(virConnectPtr conn, unsigned int flags)
{
    virDomainPtr *doms = NULL;
    int n = virConnectListAllDomains(conn, &doms, flags);
    int i;

    for (i = 0; i < n; i++)
        virDomainFree(doms[i]);
    free(doms);
    return n;
}

static int
testListAll(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr a, b, c;

    CHECK(conn);
    /* test: running persistent; a: shut off; b: paused; c: running transient */
    CHECK((a = virDomainDefineXML(conn, DOMXML("la", "21111111-2222-3333-4444-555555555555"))));
    CHECK((b = virDomainDefineXML(conn, DOMXML("lb", "31111111-2222-3333-4444-555555555555"))));
    CHECK_INTEQ(virDomainCreate(b), 0);
    CHECK_INTEQ(virDomainSuspend(b), 0);
    CHECK((c = virDomainCreateXML(conn, DOMXML("lc", "41111111-2222-3333-4444-555555555555"), 0)));

    CHECK_INTEQ(countAll(conn, 0), 4);
    CHECK_INTEQ(virConnectListAllDomains(conn, NULL, 0), 4);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE), 3);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_INACTIVE), 1);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE |
                               VIR_CONNECT_LIST_DOMAINS_INACTIVE), 4);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_PERSISTENT), 3);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_TRANSIENT), 1);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_RUNNING), 2);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_PAUSED), 1);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_SHUTOFF), 1);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_OTHER), 0);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_RUNNING |
                               VIR_CONNECT_LIST_DOMAINS_TRANSIENT), 1);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE), 0);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE), 4);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_AUTOSTART), 0);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART), 4);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT), 0);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT), 4);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT), 0);
    CHECK_INTEQ(countAll(conn, VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT), 4);
    CHECK_INTEQ(countAll(conn, 1 << 16), -1);

    CHECK_INTEQ(virDomainDestroy(c), 0);
    CHECK_INTEQ(virDomainDestroy(b), 0);
    CHECK_INTEQ(virDomainUndefine(b), 0);
    CHECK_INTEQ(virDomainUndefine(a), 0);
    virDomainFree(a);
    virDomainFree(b);
    virDomainFree(c);
    CHECK_INTEQ(countAll(conn, 0), 1);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

#define THREADS 8
#define ROUNDS 100

static gpointer
hammer(gpointer opaque)
{
    virConnectPtr conn = opaque;
    static gint seq;
    int me = g_atomic_int_add(&seq, 1);
    int i;

    for (i = 0; i < ROUNDS; i++) {
        g_autofree char *name = g_strdup_printf("thr%d-%d", me, i);
        g_autofree char *xml = g_strdup_printf(
            "<domain type='test'><name>%s</name>"
            "<uuid>%08x-0000-0000-0000-%012x</uuid><memory>1024</memory>"
            "<vcpu>1</vcpu><os><type>hvm</type></os></domain>", name, me + 1, i);
        virDomainPtr dom = virDomainDefineXML(conn, xml);
        virDomainPtr found, byid;
        int ok = dom != NULL;

        if (ok && (found = virDomainLookupByName(conn, name))) {
            ok = virDomainCreate(found) == 0;
            if (ok && (byid = virDomainLookupByID(conn, virDomainGetID(found)))) {
                ok = STREQ(virDomainGetName(byid), name);
                virDomainFree(byid);
            } else {
                ok = 0;
            }
            ok &= countAll(conn, VIR_CONNECT_LIST_DOMAINS_ACTIVE) >= 1;
            ok &= virDomainDestroy(found) == 0;
            virDomainFree(found);
        } else {
            ok = 0;
        }
        if (dom) {
            ok &= virDomainUndefine(dom) == 0;
            virDomainFree(dom);
        }
        ok &= virDomainLookupByName(conn, name) == NULL;
        if (!ok)
            return GINT_TO_POINTER(1);
    }
    return GINT_TO_POINTER(0);
}

static int
testThreads(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    GThread *threads[THREADS];
    int failures = 0;
    size_t i;

    CHECK(conn);
    for (i = 0; i < THREADS; i++)
        threads[i] = g_thread_new("hammer", hammer, conn);
    for (i = 0; i < THREADS; i++)
        failures += GPOINTER_TO_INT(g_thread_join(threads[i]));
    CHECK_INTEQ(failures, 0);
    CHECK_INTEQ(countAll(conn, 0), 1);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* The state lives while a connection is open and is rebuilt afterwards. */
static int
testSharedState(void)
{
    virConnectPtr c1 = virConnectOpen("test:///default");
    virConnectPtr c2 = virConnectOpen("test:///default");
    virDomainPtr dom;

    CHECK(c1 && c2);
    CHECK((dom = virDomainDefineXML(c1, DOMXML("shared", "51111111-2222-3333-4444-555555555555"))));
    virDomainFree(dom);
    CHECK((dom = virDomainLookupByName(c2, "shared")));
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(c1), 0);
    CHECK((dom = virDomainLookupByName(c2, "shared")));
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(c2), 0);
    CHECK((c1 = virConnectOpen("test:///default")));
    CHECK(!virDomainLookupByName(c1, "shared"));
    CHECK_INTEQ(virConnectNumOfDomains(c1), 1);
    CHECK_INTEQ(virConnectClose(c1), 0);
    return 0;
}

int
main(void)
{
    virInitialize();
    virSetErrorFunc(NULL, quiet);

    virTestRun("default-domain", testDefault);
    virTestRun("errors", testErrors);
    virTestRun("life-cycle", testLifeCycle);
    virTestRun("list-all-filters", testListAll);
    virTestRun("threads", testThreads);
    virTestRun("shared-state", testSharedState);
    return virTestDone();
}
