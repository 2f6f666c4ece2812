/*
 * iface-basic.c: the default interface of test:///default, interfaces
 * of each type defined, started, stopped and undefined, lookups by name
 * and MAC address, lists, transactions (begin, commit, rollback) and
 * their errors.
 */
#include "compat.h"

static const char *ifaceXML[] = {
    "<interface type='ethernet' name='eth2'>"
    "  <start mode='hotplug'/>"
    "  <mac address='52:54:00:aa:00:02'/>"
    "  <link speed='1000' state='up'/>"
    "  <protocol family='ipv6'><autoconf/><dhcp/></protocol>"
    "</interface>",
    "<interface type='bridge' name='br1'>"
    "  <start mode='onboot'/>"
    "  <mtu size='9000'/>"
    "  <protocol family='ipv4'><dhcp peerdns='no'/></protocol>"
    "  <bridge stp='off' delay='0.01'>"
    "    <interface type='ethernet' name='eth3'><mac address='52:54:00:aa:00:03'/></interface>"
    "    <interface type='vlan' name='eth4.42'><vlan tag='42'><interface name='eth4'/></vlan></interface>"
    "  </bridge>"
    "</interface>",
    "<interface type='bond' name='bond0'>"
    "  <start mode='none'/>"
    "  <protocol family='ipv4'><ip address='10.1.0.2' prefix='16'/><route gateway='10.1.0.1'/></protocol>"
    "  <bond mode='active-backup'>"
    "    <miimon freq='100' updelay='10' carrier='ioctl'/>"
    "    <interface type='ethernet' name='eth5'><mac address='52:54:00:aa:00:05'/></interface>"
    "    <interface type='ethernet' name='eth6'><mac address='52:54:00:aa:00:06'/></interface>"
    "  </bond>"
    "</interface>",
    "<interface type='vlan' name='eth7.7'>"
    "  <start mode='onboot'/>"
    "  <vlan tag='7'><interface name='eth7'/></vlan>"
    "</interface>",
};

static void
lists(virConnectPtr conn)
{
    char *names[16];
    int n;
    virInterfacePtr *all = NULL;
    unsigned int flags[] = { 0, VIR_CONNECT_LIST_INTERFACES_ACTIVE,
                             VIR_CONNECT_LIST_INTERFACES_INACTIVE,
                             VIR_CONNECT_LIST_INTERFACES_ACTIVE |
                             VIR_CONNECT_LIST_INTERFACES_INACTIVE };
    size_t i;
    int j;

    CHECK_INT(virConnectNumOfInterfaces(conn));
    CHECK_INT(virConnectNumOfDefinedInterfaces(conn));
    n = virConnectListInterfaces(conn, names, 16);
    compatShowSortedNames("virConnectListInterfaces", names, n);
    n = virConnectListDefinedInterfaces(conn, names, 16);
    compatShowSortedNames("virConnectListDefinedInterfaces", names, n);
    for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
        n = virConnectListAllInterfaces(conn, &all, flags[i]);
        for (j = 0; j < n && j < 16; j++) {
            names[j] = strdup(virInterfaceGetName(all[j]));
            virInterfaceFree(all[j]);
        }
        free(all);
        printf("listAll(%u) ", flags[i]);
        compatShowSortedNames("", names, n);
    }
    CHECK_INT(virConnectListAllInterfaces(conn, NULL, 0));
    CHECK_INT(virConnectListAllInterfaces(conn, NULL, 4));
    CHECK_INT(virConnectListInterfaces(conn, NULL, 1));
}

static void
defaults(virConnectPtr conn)
{
    virInterfacePtr iface;
    virInterfacePtr other;

    compatSection("the default interface");
    iface = CHECK_PTR(virInterfaceLookupByName(conn, "eth1"));
    CHECK_CSTR(virInterfaceGetName(iface));
    CHECK_CSTR(virInterfaceGetMACString(iface));
    CHECK_INT(virInterfaceIsActive(iface));
    CHECK_STR(virInterfaceGetXMLDesc(iface, 0));
    CHECK_STR(virInterfaceGetXMLDesc(iface, VIR_INTERFACE_XML_INACTIVE));
    printf("  connection: %d\n", virInterfaceGetConnect(iface) == conn);
    other = CHECK_PTR(virInterfaceLookupByMACString(conn, "AA:BB:CC:DD:EE:FF"));
    CHECK_CSTR(virInterfaceGetName(other));
    CHECK_CSTR(virInterfaceGetMACString(other));
    virInterfaceFree(other);
    CHECK_INT(virInterfaceCreate(iface, 0));
    CHECK_INT(virInterfaceDestroy(iface, 0));
    CHECK_INT(virInterfaceDestroy(iface, 0));
    CHECK_INT(virInterfaceIsActive(iface));
    CHECK_INT(virInterfaceCreate(iface, 1));
    CHECK_INT(virInterfaceCreate(iface, 0));
    CHECK_INT(virInterfaceRef(iface));
    CHECK_INT(virInterfaceFree(iface));
    virInterfaceFree(iface);

    compatSection("the same MAC address twice");
    iface = CHECK_PTR(virInterfaceDefineXML(conn,
        "<interface type='ethernet' name='eth8'><mac address='aa:bb:cc:dd:ee:ff'/></interface>", 0));
    CHECK_FAIL_PTR(virInterfaceLookupByMACString(conn, "aa:bb:cc:dd:ee:ff"));
    CHECK_INT(virInterfaceUndefine(iface));
    virInterfaceFree(iface);

    compatSection("unknown names and bad arguments");
    CHECK_FAIL_PTR(virInterfaceLookupByName(conn, "nosuch"));
    CHECK_FAIL_PTR(virInterfaceLookupByName(conn, NULL));
    CHECK_FAIL_PTR(virInterfaceLookupByMACString(conn, "aa:bb:cc:dd:ee:00"));
    CHECK_FAIL_PTR(virInterfaceLookupByMACString(conn, NULL));
    CHECK_FAIL_PTR(virInterfaceDefineXML(conn, NULL, 0));
    CHECK_FAIL_PTR(virInterfaceDefineXML(conn, "<interface", 0));
    CHECK_FAIL_PTR(virInterfaceDefineXML(conn, "<interface type='bogus' name='x'/>", 0));
    CHECK_FAIL_PTR(virInterfaceDefineXML(conn, "<interface type='ethernet'/>", 0));
    CHECK_FAIL_PTR(virInterfaceDefineXML(conn, "<network/>", 0));
    CHECK_FAIL_PTR(virInterfaceDefineXML(conn, ifaceXML[0], 1u << 3));
}

static void
defined(virConnectPtr conn)
{
    virInterfacePtr ifaces[4];
    size_t i;

    compatSection("interfaces of every type");
    for (i = 0; i < 4; i++) {
        ifaces[i] = CHECK_PTR(virInterfaceDefineXML(conn, ifaceXML[i],
                                                    VIR_INTERFACE_DEFINE_VALIDATE));
        if (!ifaces[i])
            continue;
        CHECK_CSTR(virInterfaceGetName(ifaces[i]));
        CHECK_CSTR(virInterfaceGetMACString(ifaces[i]));
        CHECK_INT(virInterfaceIsActive(ifaces[i]));
        CHECK_STR(virInterfaceGetXMLDesc(ifaces[i], 0));
    }
    lists(conn);
    CHECK_INT(virInterfaceCreate(ifaces[0], 0));
    CHECK_INT(virInterfaceCreate(ifaces[1], 0));
    lists(conn);
    /* redefining keeps the state */
    virInterfaceFree(CHECK_PTR(virInterfaceDefineXML(conn,
        "<interface type='ethernet' name='eth2'><mac address='52:54:00:aa:00:22'/></interface>", 0)));
    CHECK_INT(virInterfaceIsActive(ifaces[0]));
    CHECK_STR(virInterfaceGetXMLDesc(ifaces[0], 0));
    CHECK_CSTR(virInterfaceGetMACString(ifaces[0]));
    /* undefining a running interface is allowed */
    CHECK_INT(virInterfaceUndefine(ifaces[1]));
    CHECK_INT(virInterfaceUndefine(ifaces[1]));
    CHECK_INT(virInterfaceIsActive(ifaces[1]));
    for (i = 0; i < 4; i++)
        virInterfaceFree(ifaces[i]);
}

static void
transactions(virConnectPtr conn)
{
    virConnectPtr other = compatOpen("test:///default", 0);
    virInterfacePtr iface;

    compatSection("transactions");
    CHECK_INT(virInterfaceChangeCommit(conn, 0));
    CHECK_INT(virInterfaceChangeRollback(conn, 0));
    CHECK_INT(virInterfaceChangeBegin(conn, 1));
    CHECK_INT(virInterfaceChangeBegin(conn, 0));
    CHECK_INT(virInterfaceChangeBegin(other, 0));
    iface = CHECK_PTR(virInterfaceLookupByName(conn, "eth1"));
    CHECK_INT(virInterfaceUndefine(iface));
    virInterfaceFree(iface);
    virInterfaceFree(CHECK_PTR(virInterfaceDefineXML(conn,
        "<interface type='ethernet' name='eth9'><mac address='52:54:00:aa:00:09'/></interface>", 0)));
    lists(conn);
    CHECK_INT(virInterfaceChangeRollback(other, 1));
    CHECK_INT(virInterfaceChangeRollback(other, 0));
    /* everything as before, but every interface stopped */
    lists(conn);
    CHECK_INT(virInterfaceChangeRollback(conn, 0));
    CHECK_INT(virInterfaceChangeBegin(conn, 0));
    iface = CHECK_PTR(virInterfaceLookupByName(conn, "eth1"));
    CHECK_INT(virInterfaceCreate(iface, 0));
    CHECK_INT(virInterfaceChangeCommit(conn, 1));
    CHECK_INT(virInterfaceChangeCommit(conn, 0));
    CHECK_INT(virInterfaceIsActive(iface));
    CHECK_INT(virInterfaceChangeCommit(conn, 0));
    virInterfaceFree(iface);
    CHECK_INT(virConnectClose(other));
}

static void
readOnly(void)
{
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virInterfacePtr iface;

    compatSection("read-only connection");
    iface = CHECK_PTR(virInterfaceLookupByName(ro, "eth1"));
    CHECK_INT(virInterfaceIsActive(iface));
    CHECK_INT(virInterfaceDestroy(iface, 0));
    CHECK_INT(virInterfaceCreate(iface, 0));
    CHECK_INT(virInterfaceUndefine(iface));
    CHECK_FAIL_PTR(virInterfaceDefineXML(ro, ifaceXML[0], 0));
    CHECK_INT(virInterfaceChangeBegin(ro, 0));
    CHECK_INT(virInterfaceChangeCommit(ro, 0));
    CHECK_INT(virInterfaceChangeRollback(ro, 0));
    virInterfaceFree(iface);
    CHECK_INT(virConnectClose(ro));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);

    (void)argc;
    (void)argv;
    compatSection("listing");
    lists(conn);
    defaults(conn);
    defined(conn);
    transactions(conn);
    readOnly();
    CHECK_INT(virConnectClose(conn));
    return 0;
}
