/*
 * snapshot-schema.c: snapshot documents against libvirt's schema, which
 * it checks only with VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE: each document
 * is created with and without the flag, and the answer printed.
 */
#include "moment.h"

static const char *const bodies[] = {
    /* what virsh snapshot-create-as --diskspec '' sends */
    "\n  <disks>\n    />\n  </disks>\n",
    "<disks></disks>",
    "<foo/>",
    "text",
    "<name>a</name><foo/>",
    "<name>.a</name>",
    "<name> a b/</name>",
    "<name/>",
    "<name>a</name><name>b</name>",
    "<name a='1'>a</name>",
    "<name>a<b/></name>",
    "<description><x/></description>",
    "<state>bogus</state>",
    "<state> running </state>",
    "<state>disk-snapshot</state>",
    "<creationTime>abc</creationTime>",
    "<memory/>",
    "<memory snapshot='no'/>",
    "<memory snapshot=' internal '/>",
    "<memory snapshot='external'/>",
    "<memory file='/x'/>",
    "<memory snapshot='no' file='/x'/>",
    "<memory snapshot='internal'>x</memory>",
    "<memory snapshot='internal' a='1'/>",
    "<memory file='x'/>",
    "<active>2</active>",
    "<active> 1 </active>",
    "<parent><name>x y</name></parent>",
    "<parent/>",
    "<parent><name>a</name><name>b</name></parent>",
    "<cookie><a/><b>x</b></cookie>",
    "<cookie>x</cookie>",
    "<cookie a='1'/>",
    "<domain/>",
    "<domain><uuid>0123</uuid></domain>",
    "<domain><uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid></domain>",
    "<domain><uuid>6695eb01f6a4830479aa97f2502e193f</uuid></domain>",
    "<domain><uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid><name>x</name></domain>",
    "<domain a='1'><uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid></domain>",
    "<domain><name>test</name><memory>1024</memory><os><type>hvm</type></os></domain>",
    "<domain type='test'><name>test</name><memory>1024</memory><os><type>hvm</type></os>"
    "</domain>",
    "<inactiveDomain/>",
    "<inactiveDomain><name>test</name></inactiveDomain>",
    "<disks><disk name='vda'/></disks>",
    "<disks><disk name='vda' snapshot='bogus'/></disks>",
    "<disks><disk/></disks>",
    "<disks>x</disks>",
    "<disks a='1'/>",
    "<disks><disk name='vd'/></disks>",
    "<disks><disk name='vda' snapshot='no'/></disks>",
    "<disks><disk name='vda' snapshot='internal'><source file='/x'/></disk></disks>",
    "<disks><disk name='vda' snapshot='internal' type='file'/></disks>",
    "<disks><disk name='vda' snapshot='manual'/></disks>",
    "<disks><disk name='vda' snapshot='external' foo='1'/></disks>",
    "<disks><disk name='vda' snapshot='external' type='file'><source file='/x'/></disk></disks>",
    "<disks><disk name='vda' snapshot='internal'/><disk name='vda' snapshot='internal'/></disks>",
    "<parent/><name>.a</name>",
    "<cookie>x</cookie><parent/>",
    "<name>x</name><![CDATA[y]]>",
};

static const char *const roots[] = {
    "<domainsnapshot a='1'/>",
    "<domainsnapshot xmlns='urn:x'/>",
    "<domainsnapshot a='1'><foo/></domainsnapshot>",
    "<domainsnapshot xmlns:x='urn:x' x:a='1'/>",
};

/* Create @xml with @flags; print the answer and drop what was made. */
static void
tryCreate(virDomainPtr dom, const char *xml, unsigned int flags)
{
    virDomainSnapshotPtr snap = virDomainSnapshotCreateXML(dom, xml, flags);

    printf("[%s] %s -> ", flags ? "validate" : "plain", xml);
    if (!snap) {
        virErrorPtr err = virGetLastError();

        printf("error %d/%d: %s\n", err ? err->domain : -1, err ? err->code : -1,
               err && err->message ? err->message : "(null)");
    } else {
        const char *name = virDomainSnapshotGetName(snap);

        printf("ok '%s'\n", strspn(name, "0123456789") == strlen(name) ? "TIME" : name);
        virDomainSnapshotDelete(snap, 0);
        virDomainSnapshotFree(snap);
    }
    fflush(stdout);
}

int
main(void)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    size_t i;

    compatSection("the children of <domainsnapshot>");
    for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        char *xml = NULL;

        if (asprintf(&xml, "<domainsnapshot>%s</domainsnapshot>", bodies[i]) < 0)
            return 1;
        tryCreate(dom, xml, 0);
        tryCreate(dom, xml, VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE);
        free(xml);
    }
    compatSection("the root element");
    for (i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
        tryCreate(dom, roots[i], 0);
        tryCreate(dom, roots[i], VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE);
    }
    compatSection("the flags that have nothing to do");
    tryCreate(dom, "<domainsnapshot><name>q</name></domainsnapshot>",
              VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE);
    tryCreate(dom, "<domainsnapshot><name>a</name></domainsnapshot>",
              VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC);
    tryCreate(dom, "<domainsnapshot><name>l</name></domainsnapshot>",
              VIR_DOMAIN_SNAPSHOT_CREATE_LIVE);
    tryCreate(dom, "<domainsnapshot><name>all</name></domainsnapshot>",
              VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE | VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC |
              VIR_DOMAIN_SNAPSHOT_CREATE_LIVE | VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE);
    tryCreate(dom, "<domainsnapshot><name>r</name><state>running</state>"
              "<creationTime>1</creationTime><x/></domainsnapshot>",
              VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE | VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE);
    tryCreate(dom, "<domainsnapshot><name>r</name><state>running</state>"
              "<creationTime>1</creationTime><x/></domainsnapshot>",
              VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE);
    CHECK_INT(virDomainSnapshotNum(dom, 0));
    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
