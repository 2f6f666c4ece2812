/*
 * test_netport.c: network ports and DHCP leases of the test driver's
 * networks.
 *
 * libvirt 9.0.0's test driver has neither; these follow libvirt's
 * network driver, in memory.  A port is allocated the way that driver
 * allocates one (portgroup defaults, plug type by forward mode, a
 * forward device from the pool, class IDs and the inbound floor budget),
 * without touching the host.  Leases are the addresses the test driver
 * gives running guests on the network (testNetworkGuestAddress), as if
 * its DHCP server had handed them out, never expiring.  A port's
 * virtualport is merged with its network's and portgroup's, attribute by
 * attribute, as that driver merges them.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"
#include "util/virtypedparam.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* the first class ID a port's bandwidth gets (1 and 2 are the
 * network's own classes in libvirt's driver) */
#define TEST_PORT_FIRST_CLASS_ID 3

static int
testNetworkCheckActive(virNetworkObj *obj)
{
    if (!obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "network '%s' is not active",
                       obj->def->name);
        return -1;
    }
    return 0;
}

/* The active network of @net, or NULL with an error. */
static virNetworkObj *
testNetworkActiveObj(virNetworkPtr net)
{
    virNetworkObj *obj = testNetworkObjFromNetwork(net);

    if (obj && testNetworkCheckActive(obj) < 0)
        virNetworkObjEndAPI(&obj);
    return obj;
}

/* The port @port of its network (active, returned locked in *@objp). */
static virNetworkPortDef *
testNetworkPortLookup(virNetworkPortPtr port, virNetworkObj **objp)
{
    virNetworkObj *obj = testNetworkObjFromNetwork(port->net);
    virNetworkPortDef *def;

    *objp = NULL;
    if (!obj)
        return NULL;
    if (!(def = virNetworkObjLookupPort(obj, port->uuid)) ||
        testNetworkCheckActive(obj) < 0) {
        virNetworkObjEndAPI(&obj);
        return NULL;
    }
    *objp = obj;
    return def;
}

/* ---- bandwidth ---- */

static bool
testBandwidthHasFloor(const virNetDevBandwidth *b)
{
    return b && b->in && b->in->floor;
}

static virNetDevBandwidth *
testBandwidthCopy(const virNetDevBandwidth *src)
{
    virNetDevBandwidth *ret;

    if (!src)
        return NULL;
    ret = g_new0(virNetDevBandwidth, 1);
    if (src->in)
        ret->in = g_memdup2(src->in, sizeof(*src->in));
    if (src->out)
        ret->out = g_memdup2(src->out, sizeof(*src->out));
    return ret;
}

/* The sum of the inbound floors of @obj's ports but @except. */
static unsigned long long
testNetworkFloorSum(virNetworkObj *obj, const virNetworkPortDef *except)
{
    g_autoptr(GPtrArray) ports = virNetworkObjListPorts(obj);
    unsigned long long sum = 0;
    size_t i;

    for (i = 0; i < ports->len; i++) {
        virNetworkPortDef *p = g_ptr_array_index(ports, i);

        if (p != except && testBandwidthHasFloor(p->bandwidth))
            sum += p->bandwidth->in->floor;
    }
    return sum;
}

/* libvirt's networkCheckBandwidth: can @obj's inbound QoS take @band
 * for the port with @mac (replacing its @except's floor)? */
static int
testNetworkCheckBandwidth(virNetworkObj *obj, const virNetDevBandwidth *band,
                          const virNetworkPortDef *except, const virMacAddr *mac)
{
    virNetworkDef *def = obj->def;
    virNetDevBandwidth *netBand = def->bandwidth;
    char ifmac[VIR_MAC_STRING_BUFLEN];
    unsigned long long sum;
    unsigned long long limit;

    virMacAddrFormat(mac, ifmac);
    if (testBandwidthHasFloor(band) &&
        def->forward.type != VIR_NETWORK_FORWARD_NONE &&
        def->forward.type != VIR_NETWORK_FORWARD_NAT &&
        def->forward.type != VIR_NETWORK_FORWARD_ROUTE &&
        def->forward.type != VIR_NETWORK_FORWARD_OPEN) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                       "Invalid use of 'floor' on interface with MAC address %s - 'floor' is only supported for interface type 'network' with forward type 'nat', 'route', 'open' or none",
                       ifmac);
        return -1;
    }
    if (testBandwidthHasFloor(band) && !(netBand && netBand->in)) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                       "Invalid use of 'floor' on interface with MAC address %s - network '%s' has no inbound QoS set",
                       ifmac, def->name);
        return -1;
    }
    if (!netBand || !netBand->in || !testBandwidthHasFloor(band))
        return 0;
    sum = testNetworkFloorSum(obj, except) + band->in->floor;
    limit = netBand->in->peak ? netBand->in->peak : netBand->in->average;
    if (sum > limit) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "Cannot plug '%s' interface into '%s' because new combined inbound floor=%llu would overcommit %s=%llu on network '%s'",
                       ifmac, def->bridge, sum,
                       netBand->in->peak ? "peak" : "average", limit, def->name);
        return -1;
    }
    return 0;
}

/* The lowest class ID no port of @obj uses. */
static unsigned int
testNetworkNextClassID(virNetworkObj *obj)
{
    g_autoptr(GPtrArray) ports = virNetworkObjListPorts(obj);
    unsigned int id = TEST_PORT_FIRST_CLASS_ID;
    size_t i;

    for (i = 0; i < ports->len; i++) {
        virNetworkPortDef *p = g_ptr_array_index(ports, i);

        if (p->class_id == id) {
            id++;
            i = -1;     /* start over: IDs are not kept sorted */
        }
    }
    return id;
}

/* A port with a floor on a network with inbound QoS gets a class. */
static void
testNetworkPlugBandwidth(virNetworkObj *obj, virNetworkPortDef *port)
{
    bool wants = testBandwidthHasFloor(port->bandwidth) &&
                 obj->def->bandwidth && obj->def->bandwidth->in;

    if (wants && !port->class_id)
        port->class_id = testNetworkNextClassID(obj);
    else if (!wants)
        port->class_id = 0;
}

/* ---- allocation ---- */

/* The forward device of @netdef a new port uses: the least used one,
 * or (@exclusive) the first unused one. */
static virNetworkForwardIfDef *
testNetworkPickDevice(virNetworkDef *netdef, bool exclusive)
{
    virNetworkForwardIfDef *dev = NULL;
    size_t i;

    for (i = 0; i < netdef->forward.nifs; i++) {
        virNetworkForwardIfDef *cur = &netdef->forward.ifs[i];

        if (exclusive ? cur->connections == 0 && !dev
                      : !dev || cur->connections < dev->connections)
            dev = cur;
    }
    if (!dev)
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "network '%s' requires exclusive access to interfaces, but none are available",
                       netdef->name);
    return dev;
}

static int
testNetworkVPortUnsupported(virNetworkPortDef *port, virNetworkDef *netdef,
                            const char *what)
{
    virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                   "<virtualport type='%s'> not supported for network '%s' which uses %s",
                   virNetDevVPortTypeToString(port->virtPortProfile->virtPortType),
                   netdef->name, what);
    return -1;
}

static bool
testVPortIs8021Q(const virNetDevVPortProfile *vp)
{
    return vp->virtPortType == VIR_NETDEV_VPORT_PROFILE_8021QBG ||
           vp->virtPortType == VIR_NETDEV_VPORT_PROFILE_8021QBH;
}

/* Plug type and device for a macvtap (direct) forward mode. */
static int
testNetworkPlugDirect(virNetworkDef *netdef, virNetworkPortDef *port,
                      virNetworkForwardIfDef **dev)
{
    int fwd = netdef->forward.type;
    bool exclusive;

    port->plugtype = VIR_NETWORK_PORT_PLUG_TYPE_DIRECT;
    port->plug.direct.mode = fwd == VIR_NETWORK_FORWARD_PRIVATE ? VIR_NETDEV_MACVLAN_MODE_PRIVATE :
                             fwd == VIR_NETWORK_FORWARD_VEPA ? VIR_NETDEV_MACVLAN_MODE_VEPA :
                             fwd == VIR_NETWORK_FORWARD_PASSTHROUGH ? VIR_NETDEV_MACVLAN_MODE_PASSTHRU :
                             VIR_NETDEV_MACVLAN_MODE_BRIDGE;
    if (port->virtPortProfile && !testVPortIs8021Q(port->virtPortProfile))
        return testNetworkVPortUnsupported(port, netdef, "a macvtap device");
    if (netdef->forward.nifs == 0 && netdef->forward.npfs == 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "network '%s' uses a direct mode, but has no forward dev and no interface pool",
                       netdef->name);
        return -1;
    }
    exclusive = fwd == VIR_NETWORK_FORWARD_PASSTHROUGH ||
                (fwd == VIR_NETWORK_FORWARD_PRIVATE && port->virtPortProfile &&
                 port->virtPortProfile->virtPortType == VIR_NETDEV_VPORT_PROFILE_8021QBH);
    if (!(*dev = testNetworkPickDevice(netdef, exclusive)))
        return -1;
    port->plug.direct.linkdev = g_strdup((*dev)->device.dev);
    return 0;
}

/* libvirt's networkAllocatePort, for the plug type and device. */
static int
testNetworkPlugPort(virNetworkDef *netdef, virNetworkPortDef *port,
                    virNetworkForwardIfDef **dev)
{
    switch ((virNetworkForwardType)netdef->forward.type) {
    case VIR_NETWORK_FORWARD_NONE:
    case VIR_NETWORK_FORWARD_NAT:
    case VIR_NETWORK_FORWARD_ROUTE:
    case VIR_NETWORK_FORWARD_OPEN:
        port->plugtype = VIR_NETWORK_PORT_PLUG_TYPE_NETWORK;
        port->plug.bridge.brname = g_strdup(netdef->bridge);
        port->plug.bridge.macTableManager = netdef->macTableManager;
        if (port->virtPortProfile)
            return testNetworkVPortUnsupported(port, netdef, "IP forwarding");
        return 0;
    case VIR_NETWORK_FORWARD_HOSTDEV:
        port->plugtype = VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI;
        if (!(*dev = testNetworkPickDevice(netdef, true)))
            return -1;
        port->plug.hostdevpci.addr = (*dev)->device.pci;
        port->plug.hostdevpci.driver = netdef->forward.driverName;
        port->plug.hostdevpci.managed = netdef->forward.managed ? VIR_TRISTATE_BOOL_YES
                                                                : VIR_TRISTATE_BOOL_NO;
        if (port->virtPortProfile && !testVPortIs8021Q(port->virtPortProfile))
            return testNetworkVPortUnsupported(port, netdef,
                                               "an SR-IOV Virtual Function via PCI passthrough");
        return 0;
    case VIR_NETWORK_FORWARD_BRIDGE:
        if (netdef->bridge) {
            port->plugtype = VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE;
            port->plug.bridge.brname = g_strdup(netdef->bridge);
            port->plug.bridge.macTableManager = netdef->macTableManager;
            if (port->virtPortProfile &&
                port->virtPortProfile->virtPortType != VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH)
                return testNetworkVPortUnsupported(port, netdef, "a bridge device");
            return 0;
        }
        G_GNUC_FALLTHROUGH;
    case VIR_NETWORK_FORWARD_PRIVATE:
    case VIR_NETWORK_FORWARD_VEPA:
    case VIR_NETWORK_FORWARD_PASSTHROUGH:
        return testNetworkPlugDirect(netdef, port, dev);
    case VIR_NETWORK_FORWARD_LAST:
        break;
    }
    virReportError(VIR_ERR_INTERNAL_ERROR, "Unexpected forward type %d",
                   netdef->forward.type);
    return -1;
}

/* What a port takes from its portgroup and network when it says nothing;
 * its virtualport is merged with theirs attribute by attribute. */
static int
testNetworkPortDefaults(virNetworkDef *netdef, virNetworkPortDef *port)
{
    virPortGroupDef *pg = virPortGroupFindByName(netdef, port->group);
    const virNetDevVlan *vlan = NULL;
    virNetDevVPortProfile *vp = NULL;

    if (!port->bandwidth && pg)
        port->bandwidth = testBandwidthCopy(pg->bandwidth);
    if (port->vlan.nTags == 0)
        vlan = pg && pg->vlan.nTags > 0 ? &pg->vlan :
               netdef->vlan.nTags > 0 ? &netdef->vlan : NULL;
    if (vlan) {
        port->vlan = *vlan;
        port->vlan.tag = g_memdup2(vlan->tag, vlan->nTags * sizeof(*vlan->tag));
    }
    if (!port->trustGuestRxFilters)
        port->trustGuestRxFilters = pg && pg->trustGuestRxFilters ? pg->trustGuestRxFilters
                                                                  : netdef->trustGuestRxFilters;
    if (port->isolatedPort == VIR_TRISTATE_BOOL_ABSENT)
        port->isolatedPort = netdef->isolatedPort;
    if (virNetDevVPortProfileMerge3(&vp, port->virtPortProfile, netdef->virtPortProfile,
                                    pg ? pg->virtPortProfile : NULL) < 0)
        return -1;
    if (vp) {
        g_free(port->virtPortProfile);
        port->virtPortProfile = vp;
    }
    return 0;
}

static int
testNetworkAllocatePort(virNetworkObj *obj, virNetworkPortDef *port)
{
    virNetworkForwardIfDef *dev = NULL;

    if (testNetworkPortDefaults(obj->def, port) < 0)
        return -1;
    if (testNetworkPlugPort(obj->def, port, &dev) < 0)
        return -1;
    if (testNetworkCheckBandwidth(obj, port->bandwidth, NULL, &port->mac) < 0)
        return -1;
    if (virNetDevVPortProfileCheckComplete(port->virtPortProfile, true) < 0)
        return -1;
    testNetworkPlugBandwidth(obj, port);
    obj->def->connections++;
    if (dev)
        dev->connections++;
    return 0;
}

/* The forward device a reclaimed or released port holds, or NULL. */
static virNetworkForwardIfDef *
testNetworkPortDevice(virNetworkDef *netdef, virNetworkPortDef *port)
{
    size_t i;

    for (i = 0; i < netdef->forward.nifs; i++) {
        virNetworkForwardIfDef *dev = &netdef->forward.ifs[i];

        if (port->plugtype == VIR_NETWORK_PORT_PLUG_TYPE_DIRECT &&
            dev->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV &&
            STREQ(port->plug.direct.linkdev, dev->device.dev))
            return dev;
        if (port->plugtype == VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI &&
            dev->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_PCI &&
            virPCIDeviceAddressEqual(&port->plug.hostdevpci.addr, &dev->device.pci))
            return dev;
    }
    return NULL;
}

/* libvirt's networkNotifyPort: a port that is already plugged. */
static int
testNetworkReclaimPort(virNetworkObj *obj, virNetworkPortDef *port)
{
    virNetworkDef *netdef = obj->def;
    virNetworkForwardIfDef *dev = NULL;
    virPCIDeviceAddress *pci = &port->plug.hostdevpci.addr;
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    bool exclusive;

    switch ((virNetworkPortPlugType)port->plugtype) {
    case VIR_NETWORK_PORT_PLUG_TYPE_NETWORK:
    case VIR_NETWORK_PORT_PLUG_TYPE_BRIDGE:
        if (!netdef->bridge) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Unexpectedly got a network port without a network bridge");
            return -1;
        }
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_DIRECT:
        if (!(dev = testNetworkPortDevice(netdef, port))) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "network '%s' doesn't have dev='%s' in use by network port '%s'",
                           netdef->name, port->plug.direct.linkdev,
                           virUUIDFormat(port->uuid, uuidstr));
            return -1;
        }
        exclusive = netdef->forward.type == VIR_NETWORK_FORWARD_PASSTHROUGH ||
                    (netdef->forward.type == VIR_NETWORK_FORWARD_PRIVATE &&
                     port->virtPortProfile &&
                     port->virtPortProfile->virtPortType == VIR_NETDEV_VPORT_PROFILE_8021QBH);
        if (dev->connections > 0 && exclusive) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "network '%s' claims dev='%s' is already in use by a different port",
                           netdef->name, port->plug.direct.linkdev);
            return -1;
        }
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_HOSTDEV_PCI:
        if (!(dev = testNetworkPortDevice(netdef, port))) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "network '%s' doesn't have PCI device %04x:%02x:%02x.%x in use by network port",
                           netdef->name, pci->domain, pci->bus, pci->slot, pci->function);
            return -1;
        }
        if (dev->connections > 0 && netdef->forward.type == VIR_NETWORK_FORWARD_HOSTDEV) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "network '%s' claims the PCI device at domain=%d bus=%d slot=%d function=%d is already in use by a different network port",
                           netdef->name, pci->domain, pci->bus, pci->slot, pci->function);
            return -1;
        }
        break;
    case VIR_NETWORK_PORT_PLUG_TYPE_NONE:
    case VIR_NETWORK_PORT_PLUG_TYPE_LAST:
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Unexpectedly got a network port without a plug");
        return -1;
    }
    if (testNetworkCheckBandwidth(obj, port->bandwidth, NULL, &port->mac) < 0)
        return -1;
    testNetworkPlugBandwidth(obj, port);
    netdef->connections++;
    if (dev)
        dev->connections++;
    return 0;
}

static void
testNetworkReleasePort(virNetworkObj *obj, virNetworkPortDef *port)
{
    virNetworkForwardIfDef *dev = testNetworkPortDevice(obj->def, port);

    if (obj->def->connections > 0)
        obj->def->connections--;
    if (dev && dev->connections > 0)
        dev->connections--;
}

void
testNetworkPortsClear(virNetworkObj *obj)
{
    size_t i;

    g_hash_table_remove_all(obj->ports);
    obj->def->connections = 0;
    for (i = 0; i < obj->def->forward.nifs; i++)
        obj->def->forward.ifs[i].connections = 0;
}

/* ---- driver methods ---- */

static virNetworkPortPtr
testNetworkPortCreateXML(virNetworkPtr net, const char *xml, unsigned int flags)
{
    g_autoptr(virNetworkPortDef) port = NULL;
    virNetworkObj *obj;
    virNetworkPortPtr ret = NULL;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int rc;

    virCheckFlags(VIR_NETWORK_PORT_CREATE_RECLAIM | VIR_NETWORK_PORT_CREATE_VALIDATE, NULL);

    if (!(obj = testNetworkObjFromNetwork(net)))
        return NULL;
    if (!(port = virNetworkPortDefParseString(xml)) || testNetworkCheckActive(obj) < 0)
        goto cleanup;
    if (port->plugtype == VIR_NETWORK_PORT_PLUG_TYPE_NONE &&
        (flags & VIR_NETWORK_PORT_CREATE_RECLAIM)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Port reclaim requested but plug type is none");
        goto cleanup;
    }
    if (port->plugtype != VIR_NETWORK_PORT_PLUG_TYPE_NONE &&
        !(flags & VIR_NETWORK_PORT_CREATE_RECLAIM)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Port reclaim not requested but plug type is not none");
        goto cleanup;
    }
    if (flags & VIR_NETWORK_PORT_CREATE_RECLAIM)
        rc = testNetworkReclaimPort(obj, port);
    else
        rc = testNetworkAllocatePort(obj, port);
    if (rc < 0)
        goto cleanup;
    memcpy(uuid, port->uuid, VIR_UUID_BUFLEN);
    if (virNetworkObjAddPort(obj, &port) < 0) {
        testNetworkReleasePort(obj, port);
        goto cleanup;
    }
    ret = virGetNetworkPort(net, uuid);

 cleanup:
    virNetworkObjEndAPI(&obj);
    return ret;
}

static virNetworkPortPtr
testNetworkPortLookupByUUID(virNetworkPtr net, const unsigned char *uuid)
{
    virNetworkObj *obj = testNetworkObjFromNetwork(net);
    virNetworkPortPtr ret = NULL;

    if (!obj)
        return NULL;
    if (virNetworkObjLookupPort(obj, uuid) && testNetworkCheckActive(obj) == 0)
        ret = virGetNetworkPort(net, uuid);
    virNetworkObjEndAPI(&obj);
    return ret;
}

static char *
testNetworkPortGetXMLDesc(virNetworkPortPtr port, unsigned int flags)
{
    virNetworkObj *obj;
    virNetworkPortDef *def;
    char *ret;

    virCheckFlags(0, NULL);

    if (!(def = testNetworkPortLookup(port, &obj)))
        return NULL;
    ret = virNetworkPortDefFormat(def);
    virNetworkObjEndAPI(&obj);
    return ret;
}

static int
testNetworkPortDelete(virNetworkPortPtr port, unsigned int flags)
{
    virNetworkObj *obj;
    virNetworkPortDef *def;
    int ret;

    virCheckFlags(0, -1);

    if (!(def = testNetworkPortLookup(port, &obj)))
        return -1;
    testNetworkReleasePort(obj, def);
    ret = virNetworkObjDeletePort(obj, port->uuid);
    virNetworkObjEndAPI(&obj);
    return ret;
}

static const char *const testPortBandwidthFields[] = {
    VIR_NETWORK_PORT_BANDWIDTH_IN_AVERAGE,
    VIR_NETWORK_PORT_BANDWIDTH_IN_PEAK,
    VIR_NETWORK_PORT_BANDWIDTH_IN_BURST,
    VIR_NETWORK_PORT_BANDWIDTH_IN_FLOOR,
    VIR_NETWORK_PORT_BANDWIDTH_OUT_AVERAGE,
    VIR_NETWORK_PORT_BANDWIDTH_OUT_PEAK,
    VIR_NETWORK_PORT_BANDWIDTH_OUT_BURST,
};

/* The bandwidth @params describe (unknown names are ignored, as in
 * libvirt's driver; a known one must be an unsigned int). */
static virNetDevBandwidth *
testPortBandwidthFromParams(virTypedParameterPtr params, int nparams)
{
    g_autoptr(virNetDevBandwidth) band = g_new0(virNetDevBandwidth, 1);
    virNetDevBandwidthRate in = { 0 }, out = { 0 };
    unsigned long long *slots[] = {
        &in.average, &in.peak, &in.burst, &in.floor, &out.average, &out.peak, &out.burst,
    };
    size_t i, j;

    G_STATIC_ASSERT(G_N_ELEMENTS(slots) == G_N_ELEMENTS(testPortBandwidthFields));
    for (i = 0; i < nparams; i++) {
        for (j = 0; j < G_N_ELEMENTS(testPortBandwidthFields); j++) {
            if (STRNEQ(params[i].field, testPortBandwidthFields[j]))
                continue;
            if (params[i].type != VIR_TYPED_PARAM_UINT) {
                virReportError(VIR_ERR_INVALID_ARG,
                               "invalid type '%s' for parameter '%s', expected 'uint'",
                               virTypedParameterTypeToString(params[i].type),
                               params[i].field);
                return NULL;
            }
            *slots[j] = params[i].value.ui;
        }
    }
    /* average (or an inbound floor) is what makes a direction count */
    if (in.average || in.floor)
        band->in = g_memdup2(&in, sizeof(in));
    if (out.average)
        band->out = g_memdup2(&out, sizeof(out));
    return g_steal_pointer(&band);
}

static int
testNetworkPortSetParameters(virNetworkPortPtr port, virTypedParameterPtr params,
                             int nparams, unsigned int flags)
{
    g_autoptr(virNetDevBandwidth) band = NULL;
    virNetworkObj *obj;
    virNetworkPortDef *def;
    int ret = -1;

    virCheckFlags(0, -1);

    /* libvirt's public call does not check these */
    if (nparams < 0 || (nparams > 0 && !params)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "invalid parameter list");
        return -1;
    }
    if (!(def = testNetworkPortLookup(port, &obj)))
        return -1;
    if (!(band = testPortBandwidthFromParams(params, nparams)))
        goto cleanup;
    if (testNetworkCheckBandwidth(obj, band, def, &def->mac) < 0)
        goto cleanup;
    virNetDevBandwidthFree(def->bandwidth);
    def->bandwidth = g_steal_pointer(&band);
    if (!def->bandwidth->in && !def->bandwidth->out)
        g_clear_pointer(&def->bandwidth, virNetDevBandwidthFree);
    testNetworkPlugBandwidth(obj, def);
    ret = 0;

 cleanup:
    virNetworkObjEndAPI(&obj);
    return ret;
}

static int
testNetworkPortGetParameters(virNetworkPortPtr port, virTypedParameterPtr *params,
                             int *nparams, unsigned int flags)
{
    virNetworkObj *obj;
    virNetworkPortDef *def;
    virNetDevBandwidthRate *in, *out;
    virTypedParameterPtr list;
    int n = 0;

    virCheckFlags(0, -1);

    /* libvirt's public call does not check these */
    if (!params || !nparams) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", params ? "nparams must not be NULL"
                                                         : "params must not be NULL");
        return -1;
    }
    *params = NULL;
    *nparams = 0;
    if (!(def = testNetworkPortLookup(port, &obj)))
        return -1;
    in = def->bandwidth ? def->bandwidth->in : NULL;
    out = def->bandwidth ? def->bandwidth->out : NULL;
    list = g_new0(virTypedParameter, G_N_ELEMENTS(testPortBandwidthFields));
#define ADD(name, value) \
    ignore_value(virTypedParameterAssign(&list[n++], name, VIR_TYPED_PARAM_UINT, \
                                         (unsigned int)(value)))
    if (in) {
        ADD(VIR_NETWORK_PORT_BANDWIDTH_IN_AVERAGE, in->average);
        ADD(VIR_NETWORK_PORT_BANDWIDTH_IN_PEAK, in->peak);
        ADD(VIR_NETWORK_PORT_BANDWIDTH_IN_FLOOR, in->floor);
        ADD(VIR_NETWORK_PORT_BANDWIDTH_IN_BURST, in->burst);
    }
    if (out) {
        ADD(VIR_NETWORK_PORT_BANDWIDTH_OUT_AVERAGE, out->average);
        ADD(VIR_NETWORK_PORT_BANDWIDTH_OUT_PEAK, out->peak);
        ADD(VIR_NETWORK_PORT_BANDWIDTH_OUT_BURST, out->burst);
    }
#undef ADD
    if (n == 0)
        g_clear_pointer(&list, g_free);
    *params = list;
    *nparams = n;
    virNetworkObjEndAPI(&obj);
    return 0;
}

static int
testNetworkListAllPorts(virNetworkPtr net, virNetworkPortPtr **ports,
                        unsigned int flags)
{
    g_autoptr(GPtrArray) defs = NULL;
    virNetworkObj *obj;
    virNetworkPortPtr *list;
    size_t i;
    int n;

    virCheckFlags(0, -1);

    if (!(obj = testNetworkActiveObj(net)))
        return -1;
    defs = virNetworkObjListPorts(obj);
    n = defs->len;
    if (ports) {
        list = g_new0(virNetworkPortPtr, defs->len + 1);
        for (i = 0; i < defs->len; i++)
            list[i] = virGetNetworkPort(net, ((virNetworkPortDef *)defs->pdata[i])->uuid);
        *ports = list;
    }
    virNetworkObjEndAPI(&obj);
    return n;
}

/* ---- addresses and leases ---- */

static void
testLeaseFree(void *opaque)
{
    virNetworkDHCPLeasePtr lease = opaque;

    g_free(lease->iface);
    g_free(lease->mac);
    g_free(lease->iaid);
    g_free(lease->ipaddr);
    g_free(lease->hostname);
    g_free(lease->clientid);
    g_free(lease);
}

/* The <ip> guest addresses come from: the first one. */
static int
testNetworkAddressFromDef(virNetworkDef *def, size_t offset, int *type,
                          unsigned int *prefix, char **addr)
{
    virNetworkIPDef *ip;
    virSocketAddr a;

    if (def->nips == 0) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "network '%s' has no IP address", def->name);
        return -1;
    }
    ip = &def->ips[0];
    *prefix = virSocketAddrGetIPPrefix(&ip->address, &ip->netmask, ip->prefix);
    a = ip->nranges > 0 ? ip->ranges[0].addr.start : ip->address;
    if (VIR_SOCKET_ADDR_IS_FAMILY(&a, AF_INET6)) {
        *type = VIR_IP_ADDR_TYPE_IPV6;
        a.data.inet6.sin6_addr.s6_addr[15] += offset;
    } else {
        *type = VIR_IP_ADDR_TYPE_IPV4;
        a.data.inet4.sin_addr.s_addr =
            htonl(ntohl(a.data.inet4.sin_addr.s_addr) + offset);
    }
    return (*addr = virSocketAddrFormat(&a)) ? 0 : -1;
}

int
testNetworkGuestAddress(testDriver *drv, const char *netname, size_t offset,
                        int *type, unsigned int *prefix, char **addr)
{
    virNetworkObj *obj = testNetworkObjFindByName(drv, netname);
    int ret;

    if (!obj)
        return -1;
    ret = testNetworkAddressFromDef(obj->def, offset, type, prefix, addr);
    virNetworkObjEndAPI(&obj);
    return ret;
}

/* Leases on network @netdef for the interfaces of running @dom (locked). */
static void
testNetworkDomainLeases(virNetworkDef *netdef, virDomainObj *dom, const char *mac,
                        GPtrArray *leases)
{
    size_t i;

    for (i = 0; i < dom->def->nnets; i++) {
        virDomainNetDef *net = dom->def->nets[i];
        virNetworkDHCPLeasePtr lease;
        virMacAddr addr;
        char macstr[VIR_MAC_STRING_BUFLEN];
        int type;

        if (net->type != VIR_DOMAIN_NET_TYPE_NETWORK ||
            STRNEQ_NULLABLE(net->network, netdef->name))
            continue;
        memcpy(addr.addr, net->mac, VIR_MAC_BUFLEN);
        virMacAddrFormat(&addr, macstr);
        if (mac && g_ascii_strcasecmp(mac, macstr) != 0)
            continue;
        lease = g_new0(virNetworkDHCPLease, 1);
        g_ptr_array_add(leases, lease);
        /* the offset testDomainInterfaceAddresses uses */
        if (testNetworkAddressFromDef(netdef, 20 * (dom->def->id - 1) + i + 1, &type,
                                      &lease->prefix, &lease->ipaddr) < 0) {
            virResetLastError();
            g_ptr_array_remove_index(leases, leases->len - 1);
            continue;
        }
        lease->type = type;
        lease->iface = g_strdup(netdef->bridge);
        lease->mac = g_strdup(macstr);
        lease->hostname = g_strdup(dom->def->name);
    }
}

static int
testNetworkGetDHCPLeases(virNetworkPtr net, const char *mac,
                         virNetworkDHCPLeasePtr **leases, unsigned int flags)
{
    testDriver *drv = net->conn->privateData;
    g_autoptr(GPtrArray) doms = NULL;
    g_autoptr(GPtrArray) found = NULL;
    g_autoptr(virNetworkDef) netdef = NULL;
    virNetworkObj *obj;
    virMacAddr addr;
    bool active;
    size_t i;
    int n;

    virCheckFlags(0, -1);

    if (mac && virMacAddrParse(mac, &addr) < 0) {
        virReportError(VIR_ERR_INVALID_MAC, "%s", mac);
        return -1;
    }
    if (!(obj = testNetworkObjFromNetwork(net)))
        return -1;
    /* lock order: a domain before a network, so work on a copy */
    active = obj->active;
    netdef = virNetworkDefCopy(obj->def, NULL, 0);
    virNetworkObjEndAPI(&obj);
    if (!netdef)
        return -1;

    found = g_ptr_array_new_with_free_func(testLeaseFree);
    doms = virDomainObjListCollect(drv->domains, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
    for (i = 0; active && i < doms->len; i++) {
        virDomainObj *dom = g_ptr_array_index(doms, i);

        VIR_WITH_OBJECT_LOCK_GUARD(dom) {
            if (virDomainObjIsActive(dom))
                testNetworkDomainLeases(netdef, dom, mac, found);
        }
    }
    n = found->len;
    if (leases) {
        g_ptr_array_add(found, NULL);
        g_ptr_array_set_free_func(found, NULL);
        *leases = (virNetworkDHCPLeasePtr *)g_ptr_array_free(g_steal_pointer(&found), FALSE);
    }
    return n;
}

void
testNetworkPortRegisterMethods(virNetworkDriver *d)
{
    d->networkPortCreateXML = testNetworkPortCreateXML;
    d->networkPortLookupByUUID = testNetworkPortLookupByUUID;
    d->networkPortGetXMLDesc = testNetworkPortGetXMLDesc;
    d->networkPortDelete = testNetworkPortDelete;
    d->networkPortSetParameters = testNetworkPortSetParameters;
    d->networkPortGetParameters = testNetworkPortGetParameters;
    d->networkListAllPorts = testNetworkListAllPorts;
    d->networkGetDHCPLeases = testNetworkGetDHCPLeases;
}
