/*
 * Network filters and filter bindings in the test driver (which libvirt
 * 9.0.0's test driver lacks), checked against libvirt's nwfilter driver:
 * names and UUIDs, loops, filters in use by bindings (directly or
 * through references), bindings of missing filters, the variables a
 * binding must give, and threads.
 */
#include "internal.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define FILTER(name, uuid, body) \
    "<filter name='" name "'><uuid>" uuid "</uuid>" body "</filter>"
#define REF(name) "<filterref filter='" name "'/>"
#define BINDING(port, filter) \
    "<filterbinding><owner><name>g</name>" \
    "<uuid>11111111-2222-3333-4444-555555555555</uuid></owner>" \
    "<portdev name='" port "'/><mac address='52:54:00:00:00:01'/>" \
    "<filterref filter='" filter "'/></filterbinding>"

#define BINDING_P(port, filter, params) \
    "<filterbinding><owner><name>g</name>" \
    "<uuid>11111111-2222-3333-4444-555555555555</uuid></owner>" \
    "<portdev name='" port "'/><mac address='52:54:00:00:00:01'/>" \
    "<filterref filter='" filter "'>" params "</filterref></filterbinding>"
#define PARAM(name, value) "<parameter name='" name "' value='" value "'/>"
#define RULE(attrs) "<rule action='accept' direction='out'><ip " attrs "/></rule>"
#define UNRESOLVABLE \
    "internal error: Cannot instantiate filter due to unresolvable variables " \
    "or unavailable list elements: "

#define UUID_A "11111111-aaaa-bbbb-cccc-00000000000a"
#define UUID_B "11111111-aaaa-bbbb-cccc-00000000000b"
#define UUID_C "11111111-aaaa-bbbb-cccc-00000000000c"

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
checkError(int code, const char *msg)
{
    virErrorPtr err = virGetLastError();

    CHECK(err != NULL);
    CHECK_INTEQ(err->domain, VIR_FROM_NWFILTER);
    CHECK_INTEQ(err->code, code);
    CHECK_STREQ(err->message, msg);
    return 0;
}

static int
testIdentity(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNWFilterPtr a, found;

    CHECK(conn);
    CHECK_INTEQ(virConnectNumOfNWFilters(conn), 0);
    CHECK((a = virNWFilterDefineXML(conn, FILTER("a", UUID_A, ""))));
    CHECK(!virNWFilterDefineXML(conn, FILTER("other", UUID_A, "")));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED,
                     "operation failed: filter with same UUID but different name ('a') already exists") == 0);
    CHECK(!virNWFilterDefineXML(conn, FILTER("a", UUID_B, "")));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED,
                     "operation failed: filter 'a' already exists with uuid " UUID_A) == 0);
    /* redefining replaces */
    virNWFilterFree(virNWFilterDefineXML(conn, FILTER("a", UUID_A, "<rule action='drop' "
                                         "direction='out'><all/></rule>")));
    CHECK_INTEQ(virConnectNumOfNWFilters(conn), 1);
    CHECK((found = virNWFilterLookupByName(conn, "a")));
    virNWFilterFree(found);
    CHECK((found = virNWFilterLookupByUUIDString(conn, UUID_A)));
    virNWFilterFree(found);
    CHECK(!virNWFilterLookupByName(conn, "b"));
    CHECK(checkError(VIR_ERR_NO_NWFILTER,
                     "Network filter not found: no nwfilter with matching name 'b'") == 0);
    CHECK(!virNWFilterLookupByUUIDString(conn, UUID_B));
    CHECK(checkError(VIR_ERR_NO_NWFILTER,
                     "Network filter not found: no nwfilter with matching uuid '" UUID_B "'") == 0);
    CHECK(!virNWFilterGetXMLDesc(a, 1));
    CHECK(!virNWFilterDefineXMLFlags(conn, FILTER("x", UUID_C, ""), 2));
    CHECK(!virNWFilterDefineXML(conn, "<filter name='bad'><rule action='nosuch' direction='in'/></filter>"));
    CHECK_INTEQ(virConnectListAllNWFilters(conn, NULL, 1), -1);
    CHECK_INTEQ(virNWFilterUndefine(a), 0);
    CHECK_INTEQ(virNWFilterUndefine(a), -1);
    CHECK(checkError(VIR_ERR_NO_NWFILTER,
                     "Network filter not found: no nwfilter with matching uuid '" UUID_A "'") == 0);
    virNWFilterFree(a);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testLoops(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");

    CHECK(conn);
    CHECK(!virNWFilterDefineXML(conn, FILTER("a", UUID_A, REF("a"))));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED, "operation failed: filter would introduce a loop") == 0);
    /* a reference to a filter not (yet) defined is allowed */
    virNWFilterFree(virNWFilterDefineXML(conn, FILTER("a", UUID_A, REF("b"))));
    virNWFilterFree(virNWFilterDefineXML(conn, FILTER("b", UUID_B, REF("c"))));
    CHECK(!virNWFilterDefineXML(conn, FILTER("c", UUID_C, REF("a"))));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED, "operation failed: filter would introduce a loop") == 0);
    virNWFilterFree(virNWFilterDefineXML(conn, FILTER("c", UUID_C, "")));
    CHECK_INTEQ(virConnectNumOfNWFilters(conn), 3);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testBindings(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNWFilterPtr a, b;
    virNWFilterBindingPtr bind, found;
    g_autofree char *xml = NULL;

    CHECK(conn);
    CHECK((a = virNWFilterDefineXML(conn, FILTER("a", UUID_A, REF("b")))));
    CHECK(!virNWFilterBindingCreateXML(conn, BINDING("vnet0", "a"), 0));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR, "internal error: referenced filter 'b' is missing") == 0);
    CHECK_INTEQ(virConnectListAllNWFilterBindings(conn, NULL, 0), 0);
    CHECK((b = virNWFilterDefineXML(conn, FILTER("b", UUID_B, ""))));
    CHECK((bind = virNWFilterBindingCreateXML(conn, BINDING("vnet0", "a"), 0)));
    CHECK_STREQ(virNWFilterBindingGetPortDev(bind), "vnet0");
    CHECK_STREQ(virNWFilterBindingGetFilterName(bind), "a");
    CHECK((xml = virNWFilterBindingGetXMLDesc(bind, 0)));
    CHECK(strstr(xml, "<portdev name='vnet0'/>"));
    CHECK(!virNWFilterBindingCreateXML(conn, BINDING("vnet0", "b"), 0));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED, "operation failed: binding 'vnet0' already exists") == 0);
    CHECK((found = virNWFilterBindingLookupByPortDev(conn, "vnet0")));
    virNWFilterBindingFree(found);
    CHECK(!virNWFilterBindingLookupByPortDev(conn, "vnet1"));
    CHECK(checkError(VIR_ERR_NO_NWFILTER_BINDING,
                     "Network filter binding not found: no nwfilter binding for port dev 'vnet1'") == 0);

    /* a filter a binding reaches is in use, directly or not */
    CHECK_INTEQ(virNWFilterUndefine(a), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID, "Requested operation is not valid: nwfilter is in use") == 0);
    CHECK_INTEQ(virNWFilterUndefine(b), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID, "Requested operation is not valid: nwfilter is in use") == 0);
    /* and cannot be changed to reach a missing one */
    CHECK(!virNWFilterDefineXML(conn, FILTER("b", UUID_B, REF("zz"))));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR, "internal error: referenced filter 'zz' is missing") == 0);
    /* but may drop its references */
    virNWFilterFree(virNWFilterDefineXML(conn, FILTER("a", UUID_A, "")));
    CHECK_INTEQ(virNWFilterUndefine(b), 0);

    CHECK_INTEQ(virNWFilterBindingDelete(bind), 0);
    CHECK_INTEQ(virNWFilterBindingDelete(bind), -1);
    CHECK_INTEQ(virNWFilterUndefine(a), 0);
    CHECK(!virNWFilterBindingGetXMLDesc(bind, 1));
    virNWFilterBindingFree(bind);
    virNWFilterFree(a);
    virNWFilterFree(b);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* One binding of @xml: created (and deleted again) or refused with
 * VIR_ERR_INTERNAL_ERROR's @msg. */
static int
tryBinding(virConnectPtr conn, const char *xml, const char *msg)
{
    virNWFilterBindingPtr bind = virNWFilterBindingCreateXML(conn, xml, 0);

    if (msg) {
        CHECK(!bind);
        CHECK(checkError(VIR_ERR_INTERNAL_ERROR, msg) == 0);
        CHECK_INTEQ(virConnectListAllNWFilterBindings(conn, NULL, 0), 0);
        return 0;
    }
    CHECK(bind);
    CHECK_INTEQ(virNWFilterBindingDelete(bind), 0);
    virNWFilterBindingFree(bind);
    return 0;
}

static int
testVariables(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virNWFilterBindingPtr bind;
    virNWFilterPtr f;
    g_autofree char *xml = NULL;
    g_autofree char *fxml = NULL;

    CHECK(conn);
    CHECK((f = virNWFilterDefineXML(conn, FILTER("v", UUID_A, "<rule action='drop' "
                                    "direction='out'><mac srcmacaddr='$MAC'/></rule>"))));
    virNWFilterFree(f);
    CHECK((f = virNWFilterDefineXML(conn, FILTER("x", UUID_B,
                                    RULE("srcipaddr='$IP' dstipaddr='$DNS[1]'")
                                    RULE("dstipaddr='$FOO'")))));
    virNWFilterFree(f);
    CHECK((f = virNWFilterDefineXML(conn, FILTER("y", UUID_C,
                                    "<filterref filter='x'>" PARAM("FOO", "10.0.0.1")
                                    PARAM("DNS", "10.0.0.2") PARAM("DNS", "10.0.0.3")
                                    "</filterref>"))));
    virNWFilterFree(f);

    /* MAC is the binding's own address, and is kept with its parameters */
    CHECK((bind = virNWFilterBindingCreateXML(conn, BINDING("vnet0", "v"), 0)));
    CHECK((xml = virNWFilterBindingGetXMLDesc(bind, 0)));
    CHECK(strstr(xml, "<parameter name='MAC' value='52:54:00:00:00:01'/>"));
    /* a redefinition its bindings lack a variable for is refused */
    CHECK(!virNWFilterDefineXML(conn, FILTER("v", UUID_A, RULE("srcipaddr='$BAR'"))));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR, UNRESOLVABLE "BAR") == 0);
    CHECK((f = virNWFilterLookupByName(conn, "v")));
    CHECK((fxml = virNWFilterGetXMLDesc(f, 0)));
    CHECK(strstr(fxml, "$MAC"));
    virNWFilterFree(f);
    CHECK_INTEQ(virNWFilterBindingDelete(bind), 0);
    virNWFilterBindingFree(bind);

    /* IP alone is learned, unless learning is off; DNS[1] needs two values */
    CHECK(tryBinding(conn, BINDING("vnet0", "x"), UNRESOLVABLE "DNS[1], FOO") == 0);
    CHECK(tryBinding(conn, BINDING_P("vnet0", "x", PARAM("FOO", "1.2.3.4")
                                     PARAM("DNS", "1.1.1.1")), UNRESOLVABLE "DNS[1]") == 0);
    CHECK(tryBinding(conn, BINDING_P("vnet0", "x", PARAM("FOO", "1.2.3.4")
                                     PARAM("DNS", "1.1.1.1") PARAM("DNS", "1.1.1.2")), NULL) == 0);
    CHECK(tryBinding(conn, BINDING_P("vnet0", "x", PARAM("FOO", "1.2.3.4")
                                     PARAM("DNS", "1.1.1.1") PARAM("DNS", "1.1.1.2")
                                     PARAM("CTRL_IP_LEARNING", "none")), UNRESOLVABLE "IP") == 0);
    CHECK(tryBinding(conn, BINDING_P("vnet0", "x", PARAM("FOO", "1.2.3.4")
                                     PARAM("DNS", "1.1.1.1") PARAM("DNS", "1.1.1.2")
                                     PARAM("IP", "1.1.1.9") PARAM("CTRL_IP_LEARNING", "none")),
                     NULL) == 0);
    CHECK(!virNWFilterBindingCreateXML(conn, BINDING_P("vnet0", "x", PARAM("FOO", "1.2.3.4")
                                       PARAM("DNS", "1.1.1.1") PARAM("DNS", "1.1.1.2")
                                       PARAM("CTRL_IP_LEARNING", "bogus")), 0));
    CHECK(checkError(VIR_ERR_PARSE_FAILED,
                     "failed to parse configuration file filter 'x' learning value 'bogus' invalid.") == 0);
    /* a reference passes its parameters down */
    CHECK(tryBinding(conn, BINDING("vnet0", "y"), NULL) == 0);
    CHECK(tryBinding(conn, BINDING_P("vnet0", "y", PARAM("CTRL_IP_LEARNING", "NONE")),
                     UNRESOLVABLE "IP") == 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

#define NTHREADS 8

static gpointer
hammer(gpointer opaque)
{
    virConnectPtr conn = opaque;
    static gint next;
    int me = g_atomic_int_add(&next, 1);
    int i;

    for (i = 0; i < 30; i++) {
        g_autofree char *fxml = g_strdup_printf(
            "<filter name='f%d'><uuid>%08x-aaaa-bbbb-cccc-000000000000</uuid></filter>",
            me, me + 1);
        g_autofree char *bxml = g_strdup_printf(
            "<filterbinding><owner><name>g</name>"
            "<uuid>11111111-2222-3333-4444-555555555555</uuid></owner>"
            "<portdev name='vnet%d'/><mac address='52:54:00:00:00:01'/>"
            "<filterref filter='f%d'/></filterbinding>", me, me);
        virNWFilterPtr f = virNWFilterDefineXML(conn, fxml);
        virNWFilterBindingPtr b;

        if (!f || !(b = virNWFilterBindingCreateXML(conn, bxml, 0)))
            return GINT_TO_POINTER(1);
        if (virNWFilterUndefine(f) == 0 || virNWFilterBindingDelete(b) < 0 ||
            virNWFilterUndefine(f) < 0)
            return GINT_TO_POINTER(1);
        virNWFilterBindingFree(b);
        virNWFilterFree(f);
    }
    return NULL;
}

static int
testThreads(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    GThread *threads[NTHREADS];
    int failures = 0;
    size_t i;

    CHECK(conn);
    for (i = 0; i < NTHREADS; i++)
        threads[i] = g_thread_new("hammer", hammer, conn);
    for (i = 0; i < NTHREADS; i++)
        failures += GPOINTER_TO_INT(g_thread_join(threads[i]));
    CHECK_INTEQ(failures, 0);
    CHECK_INTEQ(virConnectNumOfNWFilters(conn), 0);
    CHECK_INTEQ(virConnectListAllNWFilterBindings(conn, NULL, 0), 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virInitialize();
    virSetErrorFunc(NULL, quiet);

    virTestRun("identity", testIdentity);
    virTestRun("loops", testLoops);
    virTestRun("bindings", testBindings);
    virTestRun("variables", testVariables);
    virTestRun("threads", testThreads);
    return virTestDone();
}
