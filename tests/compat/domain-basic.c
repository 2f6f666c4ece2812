/*
 * domain-basic.c: the default domain of test:///default, looked up,
 * inspected, stopped and started; a domain defined and undefined; the
 * errors of unknown names and of calls on the wrong state.
 */
#include "compat.h"

static const char *newDomainXML =
"<domain type='test'>"
"  <name>compat1</name>"
"  <uuid>11111111-2222-3333-4444-555555555555</uuid>"
"  <memory>1048576</memory>"
"  <vcpu>1</vcpu>"
"  <os><type>hvm</type></os>"
"</domain>";

static void
showInfo(virDomainPtr dom)
{
    virDomainInfo info;

    if (CHECK_INT(virDomainGetInfo(dom, &info)) == 0)
        printf("  state=%d maxMem=%lu memory=%lu nrVirtCpu=%u\n",
               info.state, info.maxMem, info.memory, info.nrVirtCpu);
}

static void
showState(virDomainPtr dom)
{
    int state = -1, reason = -1;

    if (CHECK_INT(virDomainGetState(dom, &state, &reason, 0)) == 0)
        printf("  state=%d reason=%d\n", state, reason);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom;
    virDomainPtr def;
    char uuid[VIR_UUID_STRING_BUFLEN];

    (void)argc;
    (void)argv;
    compatSection("connection");
    CHECK_CSTR(virConnectGetType(conn));
    CHECK_INT(virConnectNumOfDomains(conn));
    CHECK_INT(virConnectNumOfDefinedDomains(conn));
    CHECK_INT(virConnectIsAlive(conn));

    compatSection("the default domain");
    dom = CHECK_PTR(virDomainLookupByName(conn, "test"));
    CHECK_CSTR(virDomainGetName(dom));
    CHECK_INT(virDomainGetID(dom));
    CHECK_INT(virDomainGetUUIDString(dom, uuid));
    printf("  uuid=%s\n", uuid);
    CHECK_STR(virDomainGetOSType(dom));
    CHECK_INT(virDomainIsActive(dom));
    CHECK_INT(virDomainIsPersistent(dom));
    showInfo(dom);
    showState(dom);
    CHECK_STR(virDomainGetXMLDesc(dom, 0));
    CHECK_INT(virDomainSuspend(dom));
    showState(dom);
    CHECK_INT(virDomainSuspend(dom));
    CHECK_INT(virDomainResume(dom));
    CHECK_INT(virDomainResume(dom));
    CHECK_INT(virDomainDestroy(dom));
    showState(dom);
    CHECK_INT(virDomainDestroy(dom));
    CHECK_INT(virDomainSuspend(dom));
    CHECK_INT(virDomainCreate(dom));
    CHECK_INT(virDomainGetID(dom));
    virDomainFree(dom);

    compatSection("unknown names");
    CHECK_FAIL_PTR(virDomainLookupByName(conn, "nosuch"));
    CHECK_FAIL_PTR(virDomainLookupByID(conn, 4711));
    CHECK_FAIL_PTR(virDomainLookupByUUIDString(conn, "00000000-0000-0000-0000-000000000000"));
    CHECK_FAIL_PTR(virDomainLookupByUUIDString(conn, "not-a-uuid"));

    compatSection("define and undefine");
    def = CHECK_PTR(virDomainDefineXML(conn, newDomainXML));
    CHECK_INT(virConnectNumOfDefinedDomains(conn));
    CHECK_STR(virDomainGetXMLDesc(def, 0));
    CHECK_FAIL_PTR(virDomainDefineXML(conn, "<domain type='test'><name>test</name></domain>"));
    CHECK_FAIL_PTR(virDomainDefineXML(conn, "<domain"));
    CHECK_INT(virDomainUndefine(def));
    CHECK_INT(virConnectNumOfDefinedDomains(conn));
    virDomainFree(def);

    CHECK_INT(virConnectClose(conn));
    return 0;
}
