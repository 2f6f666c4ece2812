/*
 * domain-metadata.c: a domain's title, description and namespaced
 * metadata elements, read and changed live and persistently, with the
 * METADATA_CHANGE events and the errors of bad types, flags, keys and
 * documents; and virDomainRename with its lifecycle events and refusals.
 */
#include "compat.h"

static const char *domXML =
"<domain type='test'>"
"  <name>meta</name>"
"  <uuid>41111111-2222-3333-4444-555555555555</uuid>"
"  <title>A title</title>"
"  <description>Some words</description>"
"  <metadata>"
"    <app1:foo xmlns:app1='http://app1.org/'><bar baz='1'>text</bar></app1:foo>"
"    <nons/>"
"  </metadata>"
"  <memory>1048576</memory>"
"  <vcpu>1</vcpu>"
"  <os><type>hvm</type></os>"
"</domain>";

static const char *otherXML =
"<domain type='test'>"
"  <name>other</name>"
"  <uuid>51111111-2222-3333-4444-555555555555</uuid>"
"  <memory>1048576</memory>"
"  <vcpu>1</vcpu>"
"  <os><type>hvm</type></os>"
"</domain>";

static int ticked;

static void
tick(int timer, void *opaque)
{
    (void)opaque;
    virEventRemoveTimeout(timer);
    ticked = 1;
}

static void
drain(void)
{
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
}

static void
onMetadata(virConnectPtr conn, virDomainPtr dom, int type, const char *nsuri, void *opaque)
{
    (void)conn;
    (void)opaque;
    printf("  event metadata %s: type=%d uri=%s\n", virDomainGetName(dom), type,
           nsuri ? nsuri : "(null)");
}

static int
onLifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    (void)conn;
    (void)opaque;
    printf("  event lifecycle %s id=%d: %d/%d\n", virDomainGetName(dom),
           (int)virDomainGetID(dom), event, detail);
    return 0;
}

#define STEP(expr) \
    do { \
        CHECK_INT(expr); \
        drain(); \
    } while (0)

#define ELEM VIR_DOMAIN_METADATA_ELEMENT
#define TITLE VIR_DOMAIN_METADATA_TITLE
#define DESC VIR_DOMAIN_METADATA_DESCRIPTION
#define LIVE VIR_DOMAIN_AFFECT_LIVE
#define CONFIG VIR_DOMAIN_AFFECT_CONFIG

static void
showAll(virDomainPtr dom, unsigned int flags)
{
    printf("-- flags 0x%x\n", flags);
    CHECK_STR(virDomainGetMetadata(dom, TITLE, NULL, flags));
    CHECK_STR(virDomainGetMetadata(dom, DESC, NULL, flags));
    CHECK_STR(virDomainGetMetadata(dom, ELEM, "http://app1.org/", flags));
    CHECK_STR(virDomainGetMetadata(dom, ELEM, "http://app2.org/", flags));
}

static void
readAndWrite(virDomainPtr dom)
{
    compatSection("read");
    showAll(dom, 0);
    CHECK_STR(virDomainGetMetadata(dom, ELEM, "", 0));
    CHECK_STR(virDomainGetMetadata(dom, 3, NULL, 0));
    CHECK_STR(virDomainGetMetadata(dom, -1, NULL, 0));
    CHECK_STR(virDomainGetMetadata(dom, ELEM, NULL, 0));
    CHECK_STR(virDomainGetMetadata(dom, TITLE, "http://x/", 0));
    CHECK_STR(virDomainGetMetadata(dom, TITLE, NULL, 0x10));
    CHECK_STR(virDomainGetMetadata(dom, TITLE, NULL, LIVE));
    CHECK_STR(virDomainGetMetadata(dom, TITLE, NULL, LIVE | CONFIG));

    compatSection("write, shut off");
    STEP(virDomainSetMetadata(dom, TITLE, "New title", NULL, NULL, 0));
    STEP(virDomainSetMetadata(dom, TITLE, "two\nlines", NULL, NULL, 0));
    STEP(virDomainSetMetadata(dom, DESC, "", NULL, NULL, 0));
    STEP(virDomainSetMetadata(dom, ELEM, "<blob><a>1</a><b:c xmlns:b='urn:b'/></blob>",
                              "app2", "http://app2.org/", 0));
    STEP(virDomainSetMetadata(dom, ELEM, "<x/>", "bad key", "http://app3.org/", 0));
    STEP(virDomainSetMetadata(dom, ELEM, "<x", "k", "http://app3.org/", 0));
    STEP(virDomainSetMetadata(dom, ELEM, "<x/>", NULL, "http://app3.org/", 0));
    STEP(virDomainSetMetadata(dom, ELEM, "<x/>", "k", NULL, 0));
    STEP(virDomainSetMetadata(dom, TITLE, "t", "k", NULL, 0));
    STEP(virDomainSetMetadata(dom, 7, "t", NULL, NULL, 0));
    STEP(virDomainSetMetadata(dom, TITLE, "t", NULL, NULL, LIVE));
    STEP(virDomainSetMetadata(dom, TITLE, "t", NULL, NULL, 0x100));
    showAll(dom, 0);
    CHECK_STR(virDomainGetXMLDesc(dom, 0));
    STEP(virDomainSetMetadata(dom, ELEM, NULL, NULL, "http://app1.org/", 0));
    STEP(virDomainSetMetadata(dom, ELEM, "<again/>", "app2", "http://app2.org/", 0));
    STEP(virDomainSetMetadata(dom, TITLE, NULL, NULL, NULL, CONFIG));
    showAll(dom, 0);
    CHECK_STR(virDomainGetXMLDesc(dom, 0));
    STEP(virDomainSetMetadata(dom, ELEM, NULL, NULL, "http://app2.org/", 0));
    CHECK_STR(virDomainGetXMLDesc(dom, 0));

    compatSection("write, running");
    CHECK_INT(virDomainCreate(dom));
    drain();
    STEP(virDomainSetMetadata(dom, TITLE, "live only", NULL, NULL, LIVE));
    STEP(virDomainSetMetadata(dom, DESC, "config only", NULL, NULL, CONFIG));
    STEP(virDomainSetMetadata(dom, ELEM, "<both/>", "b", "urn:both", LIVE | CONFIG));
    showAll(dom, LIVE);
    showAll(dom, CONFIG);
    CHECK_STR(virDomainGetMetadata(dom, ELEM, "urn:both", LIVE));
    CHECK_STR(virDomainGetMetadata(dom, ELEM, "urn:both", CONFIG));
    CHECK_STR(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    CHECK_INT(virDomainDestroy(dom));
    drain();
    showAll(dom, 0);
}

static void
renameDomain(virConnectPtr conn, virDomainPtr dom)
{
    virDomainPtr other, test, found;

    compatSection("rename");
    other = CHECK_PTR(virDomainDefineXML(conn, otherXML));
    drain();
    test = CHECK_PTR(virDomainLookupByName(conn, "test"));
    STEP(virDomainRename(dom, "meta", 0));
    STEP(virDomainRename(dom, "other", 0));
    STEP(virDomainRename(dom, "a/b", 0));
    STEP(virDomainRename(dom, "", 0));
    STEP(virDomainRename(dom, NULL, 0));
    STEP(virDomainRename(dom, "renamed", 1));
    STEP(virDomainRename(test, "x", 0));
    STEP(virDomainRename(dom, "renamed", 0));
    printf("handle name: %s\n", virDomainGetName(dom));
    CHECK_FAIL_PTR(virDomainLookupByName(conn, "meta"));
    found = CHECK_PTR(virDomainLookupByName(conn, "renamed"));
    if (found) {
        printf("found name: %s\n", virDomainGetName(found));
        CHECK_STR(virDomainGetMetadata(found, DESC, NULL, 0));
        virDomainFree(found);
    }
    compatShowDomains(conn, 0);
    STEP(virDomainRename(dom, "meta", 0));
    compatShowDomains(conn, 0);
    STEP(virDomainUndefine(other));
    STEP(virDomainCreateWithFlags(other, 0));
    virDomainFree(other);
    virDomainFree(test);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn, ro;
    virDomainPtr dom, rodom;

    (void)argc;
    (void)argv;
    CHECK_INT(virEventRegisterDefaultImpl());
    conn = compatOpen("test:///default", 0);
    CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
                                               VIR_DOMAIN_EVENT_CALLBACK(onMetadata),
                                               NULL, NULL));
    CHECK_INT(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                               VIR_DOMAIN_EVENT_CALLBACK(onLifecycle),
                                               NULL, NULL));
    dom = CHECK_PTR(virDomainDefineXML(conn, domXML));
    drain();
    if (!dom)
        return 1;
    readAndWrite(dom);
    renameDomain(conn, dom);

    compatSection("read-only connection");
    ro = compatOpen("test:///default", VIR_CONNECT_RO);
    rodom = CHECK_PTR(virDomainLookupByName(ro, "meta"));
    if (rodom) {
        CHECK_STR(virDomainGetMetadata(rodom, TITLE, NULL, 0));
        CHECK_INT(virDomainSetMetadata(rodom, TITLE, "x", NULL, NULL, 0));
        CHECK_INT(virDomainRename(rodom, "y", 0));
        virDomainFree(rodom);
    }
    virConnectClose(ro);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
