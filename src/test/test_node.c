/*
 * test_node.c: node descriptions, the documents a test connection starts
 * from (libvirt's test-driver format).
 *
 *   <node>
 *     <cpu><nodes/><sockets/><cores/><threads/><active/><mhz/><model/></cpu>
 *     <memory>KiB</memory>
 *     <domain .../> or <domain file='dom.xml'/>
 *     <network/>, <interface/>, <pool> (with <volume/>s), <device/>
 *     <auth><user password='...'>name</user></auth>
 *   </node>
 *
 * test:///default starts from the built-in description below (libvirt's
 * default state); test:///PATH.xml from the file.  Each object family
 * reads its own elements through a hook (test_private.h).
 */
#include "internal.h"
#include "util/virxml.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

const char testNodeDefaultXML[] =
"<node>"
"<domain type='test'>"
"  <name>test</name>"
"  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>"
"  <memory>8388608</memory>"
"  <currentMemory>2097152</currentMemory>"
"  <vcpu>2</vcpu>"
"  <os>"
"    <type>hvm</type>"
"  </os>"
"  <devices>"
"    <disk type='file' device='disk'>"
"      <source file='/guest/diskimage1'/>"
"      <target dev='vda' bus='virtio'/>"
"      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>"
"    </disk>"
"    <interface type='network'>"
"      <mac address='aa:bb:cc:dd:ee:ff'/>"
"      <source network='default' bridge='virbr0'/>"
"      <address type='pci' domain='0x0000' bus='0x00' slot='0x1' function='0x0'/>"
"    </interface>"
"    <memballoon model='virtio'>"
"      <address type='pci' domain='0x0000' bus='0x00' slot='0x2' function='0x0'/>"
"    </memballoon>"
"  </devices>"
"</domain>"
"<network>"
"  <name>default</name>"
"  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>"
"  <bridge name='virbr0'/>"
"  <forward/>"
"  <ip address='192.168.122.1' netmask='255.255.255.0'>"
"    <dhcp>"
"      <range start='192.168.122.2' end='192.168.122.254'/>"
"    </dhcp>"
"  </ip>"
"</network>"
"<interface type='ethernet' name='eth1'>"
"  <start mode='onboot'/>"
"  <mac address='aa:bb:cc:dd:ee:ff'/>"
"  <mtu size='1492'/>"
"  <protocol family='ipv4'>"
"    <ip address='192.168.0.5' prefix='24'/>"
"    <route gateway='192.168.0.1'/>"
"  </protocol>"
"</interface>"
"<pool type='dir'>"
"  <name>default-pool</name>"
"  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>"
"  <target>"
"    <path>/default-pool</path>"
"  </target>"
"</pool>"
"<device>"
"  <name>computer</name>"
"  <capability type='system'>"
"    <hardware>"
"      <vendor>Libvirt</vendor>"
"      <version>Test driver</version>"
"      <serial>123456</serial>"
"      <uuid>11111111-2222-3333-4444-555555555555</uuid>"
"    </hardware>"
"    <firmware>"
"      <vendor>Libvirt</vendor>"
"      <version>Test Driver</version>"
"      <release_date>01/22/2007</release_date>"
"    </firmware>"
"  </capability>"
"</device>"
"<device>"
"  <name>scsi_host1</name>"
"  <parent>computer</parent>"
"  <capability type='scsi_host'>"
"    <host>1</host>"
"    <unique_id>0</unique_id>"
"    <capability type='fc_host'>"
"      <wwnn>2000000012341234</wwnn>"
"      <wwpn>1000000012341234</wwpn>"
"      <fabric_wwn>2000000043214321</fabric_wwn>"
"    </capability>"
"    <capability type='vport_ops'>"
"      <max_vports>127</max_vports>"
"      <vports>1</vports>"
"    </capability>"
"  </capability>"
"</device>"
"<device>"
"  <name>scsi_host2</name>"
"  <parent>computer</parent>"
"  <capability type='scsi_host'>"
"    <host>2</host>"
"    <unique_id>1</unique_id>"
"    <capability type='fc_host'>"
"      <wwnn>2000000056785678</wwnn>"
"      <wwpn>1000000056785678</wwpn>"
"      <fabric_wwn>2000000087658765</fabric_wwn>"
"    </capability>"
"    <capability type='vport_ops'>"
"      <max_vports>127</max_vports>"
"      <vports>0</vports>"
"    </capability>"
"  </capability>"
"</device>"
"<device>"
"  <name>scsi_host11</name>"
"  <parent>scsi_host1</parent>"
"  <capability type='scsi_host'>"
"    <host>11</host>"
"    <unique_id>10</unique_id>"
"    <capability type='fc_host'>"
"      <wwnn>2000000034563456</wwnn>"
"      <wwpn>1000000034563456</wwpn>"
"      <fabric_wwn>2000000043214321</fabric_wwn>"
"    </capability>"
"  </capability>"
"</device>"
"</node>";


/* Read the unsigned <cpu> child @name into @value when present. */
static int
testNodeParseCPUField(xmlXPathContextPtr ctxt, const char *name, unsigned int *value)
{
    g_autofree char *xpath = g_strdup_printf("string(/node/cpu/%s[1])", name);

    if (virXPathUInt(xpath, ctxt, value) == -2) {
        virReportError(VIR_ERR_XML_ERROR, "invalid node cpu %s value", name);
        return -1;
    }
    return 0;
}


static int
testNodeParseInfo(virNodeInfoPtr info, xmlXPathContextPtr ctxt)
{
    g_autofree char *model = NULL;
    unsigned int active;
    unsigned long long memory;
    int rc;

    if (testNodeParseCPUField(ctxt, "nodes", &info->nodes) < 0 ||
        testNodeParseCPUField(ctxt, "sockets", &info->sockets) < 0 ||
        testNodeParseCPUField(ctxt, "cores", &info->cores) < 0 ||
        testNodeParseCPUField(ctxt, "threads", &info->threads) < 0)
        return -1;
    info->cpus = info->cores * info->threads * info->sockets * info->nodes;

    if ((rc = virXPathUInt("string(/node/cpu/active[1])", ctxt, &active)) == -2) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "invalid node cpu active value");
        return -1;
    }
    if (rc == 0 && active < info->cpus)
        info->cpus = active;

    if (testNodeParseCPUField(ctxt, "mhz", &info->mhz) < 0)
        return -1;

    if ((model = virXPathString("string(/node/cpu/model[1])", ctxt))) {
        if (strlen(model) >= sizeof(info->model)) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Model %s too big for destination", model);
            return -1;
        }
        g_strlcpy(info->model, model, sizeof(info->model));
    }

    if ((rc = virXPathULongLong("string(/node/memory[1])", ctxt, &memory)) == -2) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "invalid node memory value");
        return -1;
    }
    if (rc == 0)
        info->memory = memory;
    return 0;
}


static int
testNodeParseDomains(testDriver *drv, xmlXPathContextPtr ctxt, const char *file)
{
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("/node/domain", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        VIR_XPATH_NODE_AUTORESTORE(ctxt);

        if (!(ctxt->node = testNodeFileResolve(nodes[i], file)) ||
            testDomainLoadNode(drv, ctxt, file) < 0)
            return -1;
    }
    return 0;
}


static int
testNodeParseAuth(testDriver *drv, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("/node/auth/user", ctxt, &nodes)) < 0)
        return -1;
    if (n == 0)
        return 0;
    drv->auths = g_new0(testAuth, n);
    for (i = 0; i < n; i++) {
        g_autofree char *name = NULL;

        ctxt->node = nodes[i];
        name = virXPathString("string(.)", ctxt);
        if (!name || !*name) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing username in /node/auth/user field");
            return -1;
        }
        drv->auths[i].password = virXMLPropString(nodes[i], "password");
        drv->auths[i].username = g_steal_pointer(&name);
        drv->numAuths++;
    }
    return 0;
}


int
testNodeLoad(testDriver *drv, xmlXPathContextPtr ctxt, const char *file)
{
    if (testNodeParseInfo(&drv->nodeInfo, ctxt) < 0 ||
        testNodeParseDomains(drv, ctxt, file) < 0 ||
        testNetworkLoadNode(drv, ctxt, file) < 0 ||
        testInterfaceLoadNode(drv, ctxt, file) < 0 ||
        testStoragePoolLoadNode(drv, ctxt, file) < 0 ||
        testNodeDeviceLoadNode(drv, ctxt, file) < 0)
        return -1;
    return testNodeParseAuth(drv, ctxt);
}
