/*
 * domain-iothreads.c: the IOThreads of a domain: the list with its CPU
 * maps, pinning, adding, removing and the polling parameters, live and
 * persistent, with how the definitions show them and the errors of bad
 * ids, maps, flags and parameters.
 */
#include "compat.h"

static const char *domXML =
"<domain type='test'>"
"  <name>io</name>"
"  <uuid>61111111-2222-3333-4444-555555555555</uuid>"
"  <memory>1048576</memory>"
"  <vcpu current='3'>4</vcpu>"
"  <iothreads>2</iothreads>"
"  <os><type>hvm</type></os>"
"  <devices>"
"    <disk type='file' device='disk'>"
"      <driver name='qemu' type='raw' iothread='2'/>"
"      <source file='/var/lib/io.img'/>"
"      <target dev='vda' bus='virtio'/>"
"    </disk>"
"    <controller type='scsi' index='0' model='virtio-scsi'>"
"      <driver iothread='1'/>"
"    </controller>"
"  </devices>"
"</domain>";

static const char *pinnedXML =
"<domain type='test'>"
"  <name>pinned</name>"
"  <uuid>71111111-2222-3333-4444-555555555555</uuid>"
"  <memory>1048576</memory>"
"  <vcpu cpuset='1-2'>2</vcpu>"
"  <iothreads>3</iothreads>"
"  <iothreadids><iothread id='5'/></iothreadids>"
"  <cputune><iothreadpin iothread='5' cpuset='3,9'/></cputune>"
"  <os><type>hvm</type></os>"
"</domain>";

static void
showInfo(virDomainPtr dom, unsigned int flags)
{
    virDomainIOThreadInfoPtr *info = NULL;
    int n = virDomainGetIOThreadInfo(dom, &info, flags);
    int i, j;

    if (n < 0) {
        compatShowError("virDomainGetIOThreadInfo");
        return;
    }
    printf("virDomainGetIOThreadInfo(0x%x) -> %d\n", flags, n);
    for (i = 0; i < n; i++) {
        printf("  id=%u maplen=%d map=", info[i]->iothread_id, info[i]->cpumaplen);
        for (j = 0; j < info[i]->cpumaplen; j++)
            printf("%02x", info[i]->cpumap[j]);
        printf("\n");
        virDomainIOThreadInfoFree(info[i]);
    }
    free(info);
    fflush(stdout);
}

/* The <iothreads>, <iothreadids> and <cputune> lines of the XML. */
static void
showXML(virDomainPtr dom, unsigned int flags)
{
    char *xml = virDomainGetXMLDesc(dom, flags);
    char *line, *save = NULL;

    if (!xml) {
        compatShowError("virDomainGetXMLDesc");
        return;
    }
    printf("xml(0x%x):\n", flags);
    for (line = strtok_r(xml, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strstr(line, "iothread") || strstr(line, "cputune"))
            printf("%s\n", line);
    }
    free(xml);
    fflush(stdout);
}

static void
params(virDomainPtr dom)
{
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0;

    compatSection("polling parameters");
    virTypedParamsAddULLong(&p, &n, &max, VIR_DOMAIN_IOTHREAD_POLL_MAX_NS, 1000);
    virTypedParamsAddUInt(&p, &n, &max, VIR_DOMAIN_IOTHREAD_POLL_GROW, 2);
    virTypedParamsAddUInt(&p, &n, &max, VIR_DOMAIN_IOTHREAD_POLL_SHRINK, 3);
    CHECK_INT(virDomainSetIOThreadParams(dom, 1, p, n, 0));
    CHECK_INT(virDomainSetIOThreadParams(dom, 9, p, n, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainSetIOThreadParams(dom, 9, p, n, 0));
    CHECK_INT(virDomainSetIOThreadParams(dom, 0, p, n, 0));
    CHECK_INT(virDomainSetIOThreadParams(dom, 9, p, n, VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainSetIOThreadParams(dom, 9, p, 0, 0));
    CHECK_INT(virDomainSetIOThreadParams(dom, 9, NULL, n, 0));
    virTypedParamsFree(p, n);
    p = NULL;
    n = max = 0;
    virTypedParamsAddInt(&p, &n, &max, VIR_DOMAIN_IOTHREAD_POLL_GROW, 2);
    CHECK_INT(virDomainSetIOThreadParams(dom, 9, p, n, 0));
    virTypedParamsFree(p, n);
    p = NULL;
    n = max = 0;
    virTypedParamsAddUInt(&p, &n, &max, "bogus", 2);
    CHECK_INT(virDomainSetIOThreadParams(dom, 9, p, n, 0));
    virTypedParamsFree(p, n);
}

static void
changes(virDomainPtr dom)
{
    unsigned char map[2] = { 0x05, 0x01 };
    unsigned char none[1] = { 0 };

    compatSection("shut off");
    showInfo(dom, 0);
    showInfo(dom, VIR_DOMAIN_AFFECT_CONFIG);
    showInfo(dom, VIR_DOMAIN_AFFECT_LIVE);
    showInfo(dom, VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG);
    showInfo(dom, 0x4);
    showXML(dom, 0);
    CHECK_INT(virDomainPinIOThread(dom, 1, map, 2, 0));
    CHECK_INT(virDomainPinIOThread(dom, 1, none, 1, 0));
    CHECK_INT(virDomainPinIOThread(dom, 7, map, 1, 0));
    CHECK_INT(virDomainPinIOThread(dom, 1, map, 0, 0));
    CHECK_INT(virDomainPinIOThread(dom, 1, NULL, 1, 0));
    CHECK_INT(virDomainPinIOThread(dom, 1, map, 1, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainPinIOThread(dom, 1, map, 1, 0x8));
    showInfo(dom, 0);
    showXML(dom, 0);
    CHECK_INT(virDomainAddIOThread(dom, 4, 0));
    CHECK_INT(virDomainAddIOThread(dom, 4, 0));
    CHECK_INT(virDomainAddIOThread(dom, 0, 0));
    CHECK_INT(virDomainAddIOThread(dom, 6, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainAddIOThread(dom, 6, 0x10));
    showXML(dom, 0);
    CHECK_INT(virDomainDelIOThread(dom, 2, 0));
    CHECK_INT(virDomainDelIOThread(dom, 1, 0));
    CHECK_INT(virDomainDelIOThread(dom, 8, 0));
    CHECK_INT(virDomainDelIOThread(dom, 0, 0));
    CHECK_INT(virDomainDelIOThread(dom, 4, 0));
    showInfo(dom, 0);
    showXML(dom, 0);
    params(dom);

    compatSection("running");
    CHECK_INT(virDomainCreate(dom));
    CHECK_INT(virDomainAddIOThread(dom, 9, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainAddIOThread(dom, 10, VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainAddIOThread(dom, 11, VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG));
    CHECK_INT(virDomainPinIOThread(dom, 9, map, 1, 0));
    showInfo(dom, VIR_DOMAIN_AFFECT_LIVE);
    showInfo(dom, VIR_DOMAIN_AFFECT_CONFIG);
    showXML(dom, 0);
    showXML(dom, VIR_DOMAIN_XML_INACTIVE);
    params(dom);
    CHECK_INT(virDomainDelIOThread(dom, 9, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainDelIOThread(dom, 10, VIR_DOMAIN_AFFECT_LIVE));
    CHECK_INT(virDomainDelIOThread(dom, 10, VIR_DOMAIN_AFFECT_CONFIG));
    showXML(dom, 0);
    showXML(dom, VIR_DOMAIN_XML_INACTIVE);
    CHECK_INT(virDomainDestroy(dom));
    showXML(dom, 0);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn, ro;
    virDomainPtr dom, pinned, test, rodom;
    unsigned char map[1] = { 0x3 };

    (void)argc;
    (void)argv;
    conn = compatOpen("test:///default", 0);
    dom = CHECK_PTR(virDomainDefineXML(conn, domXML));
    if (!dom)
        return 1;
    changes(dom);

    compatSection("pinned and listed");
    pinned = CHECK_PTR(virDomainDefineXML(conn, pinnedXML));
    if (pinned) {
        showInfo(pinned, 0);
        showXML(pinned, 0);
        CHECK_INT(virDomainDelIOThread(pinned, 5, 0));
        showXML(pinned, 0);
        CHECK_INT(virDomainDelIOThread(pinned, 1, 0));
        showXML(pinned, 0);
        CHECK_INT(virDomainAddIOThread(pinned, 1, 0));
        CHECK_INT(virDomainDelIOThread(pinned, 1, 0));
        showXML(pinned, 0);
        virDomainFree(pinned);
    }
    test = CHECK_PTR(virDomainLookupByName(conn, "test"));
    showInfo(test, 0);
    CHECK_INT(virDomainAddIOThread(test, 1, 0));
    showInfo(test, 0);
    virDomainFree(test);

    compatSection("read-only connection");
    ro = compatOpen("test:///default", VIR_CONNECT_RO);
    rodom = CHECK_PTR(virDomainLookupByName(ro, "io"));
    if (rodom) {
        showInfo(rodom, 0);
        CHECK_INT(virDomainAddIOThread(rodom, 12, 0));
        CHECK_INT(virDomainDelIOThread(rodom, 12, 0));
        CHECK_INT(virDomainPinIOThread(rodom, 12, map, 1, 0));
        virDomainFree(rodom);
    }
    virConnectClose(ro);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
