/*
 * nodedev-mdev.c: the mediated-device calls (define, undefine, create,
 * autostart, active/persistent) and the SCSI host lookup by WWN, which
 * libvirt 9.0.0's test driver lacks (VIR_ERR_NO_SUPPORT, allowed in
 * allow.txt); nuvirt answers as libvirt's node device driver does, and
 * tests/testdrivernodedevtest.c checks mediated devices on a PCI parent.
 * test:///default has no device an mdev could be defined on, so these
 * are mostly that driver's refusals.
 */
#include "compat.h"

static const char *mdevXML =
"<device>"
"  <parent>computer</parent>"
"  <capability type='mdev'>"
"    <type id='i915-GVTg_V5_4'/>"
"    <uuid>5b4a1f9c-2e3d-4c5b-8a7f-6e5d4c3b2a19</uuid>"
"  </capability>"
"</device>";

static void
flags(virNodeDevicePtr dev)
{
    int autostart = -1;

    CHECK_INT(virNodeDeviceIsActive(dev));
    CHECK_INT(virNodeDeviceIsPersistent(dev));
    if (CHECK_INT(virNodeDeviceGetAutostart(dev, &autostart)) == 0)
        printf("autostart: %d\n", autostart);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virNodeDevicePtr dev;

    (void)argc;
    (void)argv;
    compatSection("SCSI hosts by WWN");
    dev = CHECK_PTR(virNodeDeviceLookupSCSIHostByWWN(conn, "2000000012341234",
                                                    "1000000012341234", 0));
    if (dev) {
        printf("found: %s\n", virNodeDeviceGetName(dev));
        virNodeDeviceFree(dev);
    }
    CHECK_FAIL_PTR(virNodeDeviceLookupSCSIHostByWWN(conn, "2000000012341234",
                                                   "1000000099999999", 0));
    CHECK_FAIL_PTR(virNodeDeviceLookupSCSIHostByWWN(conn, NULL, "1000000012341234", 0));
    CHECK_FAIL_PTR(virNodeDeviceLookupSCSIHostByWWN(conn, "2000000012341234", NULL, 0));

    compatSection("a device that is not a mediated one");
    dev = CHECK_PTR(virNodeDeviceLookupByName(conn, "computer"));
    flags(dev);
    CHECK_INT(virNodeDeviceSetAutostart(dev, 1));
    CHECK_INT(virNodeDeviceCreate(dev, 0));
    CHECK_INT(virNodeDeviceUndefine(dev, 0));
    CHECK_INT(virNodeDeviceIsActive(NULL));
    virNodeDeviceFree(dev);

    compatSection("defining");
    CHECK_FAIL_PTR(virNodeDeviceDefineXML(conn, mdevXML, 0));
    CHECK_FAIL_PTR(virNodeDeviceDefineXML(conn,
        "<device><parent>nosuch</parent><capability type='mdev'><type id='x'/></capability></device>", 0));
    CHECK_FAIL_PTR(virNodeDeviceDefineXML(conn,
        "<device><capability type='mdev'><type id='x'/></capability></device>", 0));
    CHECK_FAIL_PTR(virNodeDeviceDefineXML(conn,
        "<device><parent>scsi_host1</parent><capability type='scsi_host'>"
        "<capability type='fc_host'><wwnn>2000000012345678</wwnn>"
        "<wwpn>1000000012345678</wwpn></capability></capability></device>", 0));
    CHECK_FAIL_PTR(virNodeDeviceDefineXML(conn, "<device", 0));
    CHECK_FAIL_PTR(virNodeDeviceDefineXML(conn, NULL, 0));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
