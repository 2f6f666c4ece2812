/*
 * checkpoint-schema.c: checkpoint documents libvirt refuses by its
 * schema (always, not only on request), and the ones it lets through to
 * the parser: each document is created as a new checkpoint and as a
 * redefinition, and the answer printed.
 */
#include "moment.h"

static const char *const bodies[] = {
    /* what virsh checkpoint-create-as --diskspec '' sends */
    "\n  <disks>\n    />\n  </disks>\n",
    "<disks></disks>",
    "<foo/>",
    "text",
    "  hello  world ",
    "<name>a</name>hello",
    "<name>a</name><foo/>",
    "<name>.a</name><foo/>",
    "<foo/><name>.a</name>",
    "<parent/><name>.a</name>",
    "<parent/><foo/><name>.a</name>",
    "<x:name xmlns:x='urn:x'>a</x:name>",
    "<name> a</name>",
    "<name/>",
    "<name>a/b</name>",
    "<name>a<!--x--></name>",
    "<name><![CDATA[ab]]></name>",
    "<name>a</name><![CDATA[x]]>",
    "<name>a</name><![CDATA[ ]]>",
    "<?pi x?><!-- c --> <name>a</name> ",
    "<name>a</name><name>b</name>",
    "<name>a</name><description/><name>b</name>",
    "<name a='1'>a</name>",
    "<description/>",
    "<description a='1'/>",
    "<description><b/></description>",
    "<description>x</description><description>y</description>",
    "<creationTime>abc</creationTime>",
    "<creationTime> 5 </creationTime>",
    "<creationTime>+5</creationTime>",
    "<creationTime/>",
    "<name>t1</name><creationTime>00</creationTime>",
    "<name>t2</name><creationTime>18446744073709551615</creationTime>",
    "<creationTime>18446744073709551616</creationTime>",
    "<disks><disk/></disks>",
    "<disks><disk name='vd'/></disks>",
    "<disks><disk name='v da'/></disks>",
    "<disks><disk name='/'/></disks>",
    "<disks><disk name='hda'/></disks>",
    "<disks><disk name='ioemu:hda'/></disks>",
    "<disks><disk name='/x'/></disks>",
    "<disks><disk name='C:\\x'/></disks>",
    "<disks><disk name='vda' checkpoint='bogus'/></disks>",
    "<disks><disk name='vda' foo='x'/></disks>",
    "<disks><disk name='vda' x:a='1' xmlns:x='urn:x'/></disks>",
    "<disks><disk name='vda' checkpoint='no' bitmap='b'/></disks>",
    "<disks><disk name='vda' checkpoint='no' size='5'/></disks>",
    "<disks><disk name='vda' size='x'/></disks>",
    "<disks><disk name='vda' size=' 5 '/></disks>",
    "<disks><disk name='vda'>x</disk></disks>",
    "<disks><disk name='vda'><x/></disk></disks>",
    "<disks><disk name='vda'/>x</disks>",
    "<disks a='1'><disk name='vda'/></disks>",
    "<disks><x:disk xmlns:x='urn:x' name='vda'/></disks>",
    "<disks><disk name='vda'/></disks><disks><disk name='vda'/></disks>",
    /* (a mode with blanks around it passes the schema, and then
     * libvirt formats it as '(null)': nuvirt reads it without them,
     * checked in tests/checkpointschematest.c) */
    "<name>d1</name><disks> <disk name='vda' checkpoint='no'/> </disks>",
    "<name>d2</name><disks><disk name='vda' checkpoint='bitmap' bitmap=''/></disks>",
    "<name>d3</name><disks><disk name='vda' size='7'/></disks>",
    "<disks><disk name='vda'/><disk name='vdb'/></disks>",
    "<parent/>",
    "<parent><name>a</name><x/></parent>",
    "<parent>x<name>a</name></parent>",
    "<parent a='1'><name>a</name></parent>",
    "<name>p1</name><parent><name>nosuch</name></parent>",
    "<domain/>",
    "<domain><name>x</name></domain>",
    "<domain><uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid></domain>",
    "<name>dom1</name><domain type='test'><name>test</name><memory>1024</memory>"
    "<os><type>hvm</type></os></domain>",
};

static const char *const roots[] = {
    "<domaincheckpoint a='1'/>",
    "<domaincheckpoint a='1' b='2'/>",
    "<domaincheckpoint a='1' b='2'><foo/></domaincheckpoint>",
    "<domaincheckpoint a='1'><name>.a</name></domaincheckpoint>",
    "<domaincheckpoint xmlns='urn:x'/>",
    "<x:domaincheckpoint xmlns:x='urn:x'/>",
    "<domaincheckpoint xmlns:x='urn:x' x:a='1'/>",
    "<domainsnapshot/>",
    "<domaincheckpoint>",
};

/* Create @xml with @flags; print the answer and drop what was made. */
static void
tryCreate(virDomainPtr dom, const char *xml, unsigned int flags)
{
    virDomainCheckpointPtr chk = virDomainCheckpointCreateXML(dom, xml, flags);

    printf("[%s] %s -> ", flags ? "redefine" : "create", xml);
    if (!chk) {
        virErrorPtr err = virGetLastError();

        printf("error %d/%d: %s\n", err ? err->domain : -1, err ? err->code : -1,
               err && err->message ? err->message : "(null)");
    } else {
        const char *name = virDomainCheckpointGetName(chk);

        printf("ok %s\n", strspn(name, "0123456789") == strlen(name) ? "TIME" : name);
        virDomainCheckpointDelete(chk, VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY);
        virDomainCheckpointFree(chk);
    }
    fflush(stdout);
}

int
main(void)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    size_t i;

    compatSection("the children of <domaincheckpoint>");
    for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        char *xml = NULL;

        if (asprintf(&xml, "<domaincheckpoint>%s</domaincheckpoint>", bodies[i]) < 0)
            return 1;
        tryCreate(dom, xml, 0);
        tryCreate(dom, xml, VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
        free(xml);
    }
    compatSection("the root element");
    for (i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
        tryCreate(dom, roots[i], 0);
        tryCreate(dom, roots[i], VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    }
    CHECK_INT(virDomainListAllCheckpoints(dom, NULL, 0));
    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
