/*
 * test_network.c: the test driver's virtual networks, kept in memory.
 *
 * As in libvirt 9.0.0's test driver: networks start and stop without any
 * host side effect, no bridge name is invented, and a persistent
 * network's definition changed while it runs waits in newDef (it is
 * never made current again by a stop; libvirt's test driver keeps no
 * transient copy either).  Ports and DHCP leases are in test_netport.c.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"
#include "conf/family_event.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

int
testNetworkLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file)
{
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr saved = ctxt->node;
    int n, i;
    int ret = -1;

    if ((n = virXPathNodeSet("/node/network", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        g_autoptr(virNetworkDef) def = NULL;
        virNetworkObj *obj;

        if (!(ctxt->node = testNodeFileResolve(nodes[i], file)))
            goto cleanup;
        if (!(def = virNetworkDefParseXML(ctxt, NULL)))
            goto cleanup;
        if (!(obj = virNetworkObjAssignDef(drv->networks, &def, 0)))
            goto cleanup;
        obj->active = true;
        virNetworkObjEndAPI(&obj);
    }
    ret = 0;

 cleanup:
    ctxt->node = saved;
    return ret;
}

virNetworkObj *
testNetworkObjFindByName(testDriver *drv, const char *name)
{
    virNetworkObj *obj = virNetworkObjFindByName(drv->networks, name);

    if (!obj)
        virReportError(VIR_ERR_NO_NETWORK, "no network with matching name '%s'", name);
    return obj;
}

static virNetworkObj *
testNetworkObjFindByUUID(testDriver *drv, const unsigned char *uuid)
{
    virNetworkObj *obj = virNetworkObjFindByUUID(drv->networks, uuid);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!obj)
        virReportError(VIR_ERR_NO_NETWORK, "no network with matching uuid '%s'",
                       virUUIDFormat(uuid, uuidstr));
    return obj;
}

/* The network behind @net, looked up by name (as most of libvirt's test
 * driver methods do). */
virNetworkObj *
testNetworkObjFromNetwork(virNetworkPtr net)
{
    return testNetworkObjFindByName(testDriverOf(net->conn), net->name);
}

/* Queue a lifecycle event about @obj (locked). */
static void
testNetworkEvent(testDriver *drv, virNetworkObj *obj, int event)
{
    virObjectEventStateQueue(drv->eventState,
                             virNetworkEventLifecycleNew(obj->def->name, obj->def->uuid,
                                                         event, 0));
}

/* A handle for @obj, which is released. */
static virNetworkPtr
testNetworkHandle(virConnectPtr conn, virNetworkObj *obj)
{
    virNetworkPtr ret;

    if (!obj)
        return NULL;
    ret = virGetNetwork(conn, obj->def->name, obj->def->uuid);
    virNetworkObjEndAPI(&obj);
    return ret;
}

/* ---- listing ---- */

static int
testConnectNumOfNetworks(virConnectPtr conn)
{
    return virNetworkObjListCount(testDriverOf(conn)->networks,
                                  VIR_CONNECT_LIST_NETWORKS_ACTIVE);
}

static int
testConnectNumOfDefinedNetworks(virConnectPtr conn)
{
    return virNetworkObjListCount(testDriverOf(conn)->networks,
                                  VIR_CONNECT_LIST_NETWORKS_INACTIVE);
}

static int
testNetworkListNames(virConnectPtr conn, unsigned int filter, char **const names,
                     int maxnames)
{
    g_autoptr(GPtrArray) objs = virNetworkObjListCollect(testDriverOf(conn)->networks,
                                                         filter);
    int n = 0;
    size_t i;

    for (i = 0; i < objs->len && n < maxnames; i++) {
        virNetworkObj *obj = g_ptr_array_index(objs, i);

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            if (virNetworkObjMatch(obj, filter))
                names[n++] = g_strdup(obj->def->name);
        }
    }
    return n;
}

static int
testConnectListNetworks(virConnectPtr conn, char **const names, int maxnames)
{
    return testNetworkListNames(conn, VIR_CONNECT_LIST_NETWORKS_ACTIVE, names, maxnames);
}

static int
testConnectListDefinedNetworks(virConnectPtr conn, char **const names, int maxnames)
{
    return testNetworkListNames(conn, VIR_CONNECT_LIST_NETWORKS_INACTIVE, names, maxnames);
}

#define TEST_LIST_NETWORKS_FILTERS_ALL \
    (VIR_CONNECT_LIST_NETWORKS_ACTIVE | VIR_CONNECT_LIST_NETWORKS_INACTIVE | \
     VIR_CONNECT_LIST_NETWORKS_PERSISTENT | VIR_CONNECT_LIST_NETWORKS_TRANSIENT | \
     VIR_CONNECT_LIST_NETWORKS_AUTOSTART | VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART)

static int
testConnectListAllNetworks(virConnectPtr conn, virNetworkPtr **nets, unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    g_autoptr(GPtrArray) ret = NULL;
    size_t i;

    virCheckFlags(TEST_LIST_NETWORKS_FILTERS_ALL, -1);

    objs = virNetworkObjListCollect(testDriverOf(conn)->networks, flags);
    if (!nets)
        return objs->len;
    ret = g_ptr_array_new_with_free_func(virObjectUnref);
    for (i = 0; i < objs->len; i++) {
        virNetworkObj *obj = g_ptr_array_index(objs, i);
        virNetworkPtr net = NULL;

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            if (virNetworkObjMatch(obj, flags))
                net = virGetNetwork(conn, obj->def->name, obj->def->uuid);
        }
        if (net)
            g_ptr_array_add(ret, net);
    }
    i = ret->len;
    g_ptr_array_add(ret, NULL);
    g_ptr_array_set_free_func(ret, NULL);
    *nets = (virNetworkPtr *)g_ptr_array_free(g_steal_pointer(&ret), FALSE);
    return i;
}

/* ---- lookup and state ---- */

static virNetworkPtr
testNetworkLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    return testNetworkHandle(conn, testNetworkObjFindByUUID(testDriverOf(conn), uuid));
}

static virNetworkPtr
testNetworkLookupByName(virConnectPtr conn, const char *name)
{
    return testNetworkHandle(conn, testNetworkObjFindByName(testDriverOf(conn), name));
}

static int
testNetworkIsActive(virNetworkPtr net)
{
    virNetworkObj *obj = testNetworkObjFindByUUID(testDriverOf(net->conn), net->uuid);
    int ret;

    if (!obj)
        return -1;
    ret = obj->active;
    virNetworkObjEndAPI(&obj);
    return ret;
}

static int
testNetworkIsPersistent(virNetworkPtr net)
{
    virNetworkObj *obj = testNetworkObjFindByUUID(testDriverOf(net->conn), net->uuid);
    int ret;

    if (!obj)
        return -1;
    ret = obj->persistent;
    virNetworkObjEndAPI(&obj);
    return ret;
}

static char *
testNetworkGetXMLDesc(virNetworkPtr net, unsigned int flags)
{
    virNetworkObj *obj;
    char *ret;

    /* libvirt's test driver refuses even VIR_NETWORK_XML_INACTIVE */
    virCheckFlags(0, NULL);

    if (!(obj = testNetworkObjFromNetwork(net)))
        return NULL;
    ret = virNetworkDefFormat(obj->def, NULL, flags);
    virNetworkObjEndAPI(&obj);
    return ret;
}

static char *
testNetworkGetBridgeName(virNetworkPtr net)
{
    virNetworkObj *obj;
    char *ret = NULL;

    if (!(obj = testNetworkObjFromNetwork(net)))
        return NULL;
    if (!obj->def->bridge)
        virReportError(VIR_ERR_INTERNAL_ERROR, "network '%s' does not have a bridge name.",
                       obj->def->name);
    else
        ret = g_strdup(obj->def->bridge);
    virNetworkObjEndAPI(&obj);
    return ret;
}

static int
testNetworkGetAutostart(virNetworkPtr net, int *autostart)
{
    virNetworkObj *obj;

    if (!(obj = testNetworkObjFromNetwork(net)))
        return -1;
    *autostart = obj->autostart ? 1 : 0;
    virNetworkObjEndAPI(&obj);
    return 0;
}

static int
testNetworkSetAutostart(virNetworkPtr net, int autostart)
{
    virNetworkObj *obj;

    if (!(obj = testNetworkObjFromNetwork(net)))
        return -1;
    obj->autostart = autostart != 0;
    virNetworkObjEndAPI(&obj);
    return 0;
}

/* ---- life cycle ---- */

static virNetworkPtr
testNetworkCreateXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags)
{
    g_autoptr(virNetworkDef) def = NULL;
    virNetworkObj *obj;

    virCheckFlags(VIR_NETWORK_CREATE_VALIDATE, NULL);

    if (!(def = virNetworkDefParseString(xml, NULL)))
        return NULL;
    if (!(obj = virNetworkObjAssignDef(testDriverOf(conn)->networks, &def,
                                       VIR_NETWORK_OBJ_LIST_ADD_LIVE |
                                       VIR_NETWORK_OBJ_LIST_ADD_CHECK_LIVE)))
        return NULL;
    obj->active = true;
    testNetworkEvent(testDriverOf(conn), obj, VIR_NETWORK_EVENT_STARTED);
    return testNetworkHandle(conn, obj);
}

static virNetworkPtr
testNetworkCreateXML(virConnectPtr conn, const char *xml)
{
    return testNetworkCreateXMLFlags(conn, xml, 0);
}

static virNetworkPtr
testNetworkDefineXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags)
{
    g_autoptr(virNetworkDef) def = NULL;
    virNetworkObj *obj;

    virCheckFlags(VIR_NETWORK_DEFINE_VALIDATE, NULL);

    if (!(def = virNetworkDefParseString(xml, NULL)))
        return NULL;
    if (!(obj = virNetworkObjAssignDef(testDriverOf(conn)->networks, &def, 0)))
        return NULL;
    testNetworkEvent(testDriverOf(conn), obj, VIR_NETWORK_EVENT_DEFINED);
    return testNetworkHandle(conn, obj);
}

static virNetworkPtr
testNetworkDefineXML(virConnectPtr conn, const char *xml)
{
    return testNetworkDefineXMLFlags(conn, xml, 0);
}

static int
testNetworkUndefine(virNetworkPtr net)
{
    testDriver *drv = testDriverOf(net->conn);
    virNetworkObj *obj;

    if (!(obj = testNetworkObjFromNetwork(net)))
        return -1;
    if (obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "Network '%s' is still running",
                       net->name);
        virNetworkObjEndAPI(&obj);
        return -1;
    }
    testNetworkEvent(drv, obj, VIR_NETWORK_EVENT_UNDEFINED);
    virNetworkObjRemoveInactive(drv->networks, obj);
    virNetworkObjEndAPI(&obj);
    return 0;
}

static int
testNetworkCreate(virNetworkPtr net)
{
    virNetworkObj *obj;

    if (!(obj = testNetworkObjFromNetwork(net)))
        return -1;
    if (obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "Network '%s' is already running",
                       net->name);
        virNetworkObjEndAPI(&obj);
        return -1;
    }
    obj->active = true;
    testNetworkEvent(testDriverOf(net->conn), obj, VIR_NETWORK_EVENT_STARTED);
    virNetworkObjEndAPI(&obj);
    return 0;
}

static int
testNetworkDestroy(virNetworkPtr net)
{
    testDriver *drv = testDriverOf(net->conn);
    virNetworkObj *obj;

    /* as libvirt's test driver: stopping a stopped network succeeds */
    if (!(obj = testNetworkObjFromNetwork(net)))
        return -1;
    obj->active = false;
    testNetworkPortsClear(obj);
    testNetworkEvent(drv, obj, VIR_NETWORK_EVENT_STOPPED);
    if (!obj->persistent)
        virNetworkObjRemoveInactive(drv->networks, obj);
    virNetworkObjEndAPI(&obj);
    return 0;
}

static int
testNetworkUpdate(virNetworkPtr net, unsigned int command, unsigned int section,
                  int parentIndex, const char *xml, unsigned int flags)
{
    virNetworkObj *obj;
    int ret;

    virCheckFlags(VIR_NETWORK_UPDATE_AFFECT_LIVE | VIR_NETWORK_UPDATE_AFFECT_CONFIG, -1);

    if (!(obj = testNetworkObjFindByUUID(testDriverOf(net->conn), net->uuid)))
        return -1;
    /* AFFECT_CURRENT: the running definition if active, else the config */
    if (!(flags & (VIR_NETWORK_UPDATE_AFFECT_LIVE | VIR_NETWORK_UPDATE_AFFECT_CONFIG)))
        flags |= obj->active ? VIR_NETWORK_UPDATE_AFFECT_LIVE
                             : VIR_NETWORK_UPDATE_AFFECT_CONFIG;
    ret = virNetworkObjUpdate(obj, command, section, parentIndex, xml, NULL, flags);
    virNetworkObjEndAPI(&obj);
    return ret;
}

virNetworkDriver testNetworkDriver = {
    .name = "Test",
    .connectNumOfNetworks = testConnectNumOfNetworks,
    .connectListNetworks = testConnectListNetworks,
    .connectNumOfDefinedNetworks = testConnectNumOfDefinedNetworks,
    .connectListDefinedNetworks = testConnectListDefinedNetworks,
    .connectListAllNetworks = testConnectListAllNetworks,
    .networkLookupByUUID = testNetworkLookupByUUID,
    .networkLookupByName = testNetworkLookupByName,
    .networkCreateXML = testNetworkCreateXML,
    .networkCreateXMLFlags = testNetworkCreateXMLFlags,
    .networkDefineXML = testNetworkDefineXML,
    .networkDefineXMLFlags = testNetworkDefineXMLFlags,
    .networkUndefine = testNetworkUndefine,
    .networkUpdate = testNetworkUpdate,
    .networkCreate = testNetworkCreate,
    .networkDestroy = testNetworkDestroy,
    .networkGetXMLDesc = testNetworkGetXMLDesc,
    .networkGetBridgeName = testNetworkGetBridgeName,
    .networkGetAutostart = testNetworkGetAutostart,
    .networkSetAutostart = testNetworkSetAutostart,
    .networkIsActive = testNetworkIsActive,
    .networkIsPersistent = testNetworkIsPersistent,
    .connectNetworkEventRegisterAny = testConnectNetworkEventRegisterAny,
    .connectNetworkEventDeregisterAny = testConnectNetworkEventDeregisterAny,
};
