/*
 * test_interface.c: the test driver's host interfaces, kept in memory.
 *
 * As libvirt 9.0.0's test driver: starting and stopping only flip a
 * flag, undefining does not care whether the interface runs, and a
 * transaction (virInterfaceChangeBegin) keeps a copy of every
 * definition; rolling back restores those definitions, all of them
 * inactive, as libvirt's copy does not keep the state.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

int
testInterfaceLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file)
{
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr saved = ctxt->node;
    int n, i;
    int ret = -1;

    if ((n = virXPathNodeSet("/node/interface", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        g_autoptr(virInterfaceDef) def = NULL;
        virInterfaceObj *obj;

        if (!(ctxt->node = testNodeFileResolve(nodes[i], file)))
            goto cleanup;
        if (!(def = virInterfaceDefParseNode(ctxt, VIR_INTERFACE_TYPE_LAST)))
            goto cleanup;
        obj = virInterfaceObjListAssignDef(drv->ifaces, &def);
        obj->active = true;
        virInterfaceObjEndAPI(&obj);
    }
    ret = 0;

 cleanup:
    ctxt->node = saved;
    return ret;
}

static virInterfaceObj *
testInterfaceObjFindByName(testDriver *drv, const char *name)
{
    virInterfaceObj *obj = virInterfaceObjListFindByName(drv->ifaces, name);

    if (!obj)
        virReportError(VIR_ERR_NO_INTERFACE, "no interface with matching name '%s'", name);
    return obj;
}

static virInterfaceObj *
testInterfaceObjFromInterface(virInterfacePtr iface)
{
    return testInterfaceObjFindByName(testDriverOf(iface->conn), iface->name);
}

/* ---- listing ---- */

static int
testConnectNumOfInterfaces(virConnectPtr conn)
{
    return virInterfaceObjListCount(testDriverOf(conn)->ifaces,
                                    VIR_CONNECT_LIST_INTERFACES_ACTIVE);
}

static int
testConnectNumOfDefinedInterfaces(virConnectPtr conn)
{
    return virInterfaceObjListCount(testDriverOf(conn)->ifaces,
                                    VIR_CONNECT_LIST_INTERFACES_INACTIVE);
}

static int
testInterfaceListNames(virConnectPtr conn, unsigned int filter, char **const names,
                       int maxnames)
{
    g_autoptr(GPtrArray) objs = virInterfaceObjListCollect(testDriverOf(conn)->ifaces,
                                                           filter);
    int n = 0;
    size_t i;

    for (i = 0; i < objs->len && n < maxnames; i++) {
        virInterfaceObj *obj = g_ptr_array_index(objs, i);

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            if (virInterfaceObjMatch(obj, filter))
                names[n++] = g_strdup(obj->def->name);
        }
    }
    return n;
}

static int
testConnectListInterfaces(virConnectPtr conn, char **const names, int maxnames)
{
    return testInterfaceListNames(conn, VIR_CONNECT_LIST_INTERFACES_ACTIVE, names,
                                  maxnames);
}

static int
testConnectListDefinedInterfaces(virConnectPtr conn, char **const names, int maxnames)
{
    return testInterfaceListNames(conn, VIR_CONNECT_LIST_INTERFACES_INACTIVE, names,
                                  maxnames);
}

static int
testConnectListAllInterfaces(virConnectPtr conn, virInterfacePtr **ifaces,
                             unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    g_autoptr(GPtrArray) ret = NULL;
    size_t i;

    virCheckFlags(VIR_CONNECT_LIST_INTERFACES_FILTERS_ACTIVE, -1);

    objs = virInterfaceObjListCollect(testDriverOf(conn)->ifaces, flags);
    if (!ifaces)
        return objs->len;
    ret = g_ptr_array_new_with_free_func(virObjectUnref);
    for (i = 0; i < objs->len; i++) {
        virInterfaceObj *obj = g_ptr_array_index(objs, i);
        virInterfacePtr iface = NULL;

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            if (virInterfaceObjMatch(obj, flags))
                iface = virGetInterface(conn, obj->def->name, obj->def->mac);
        }
        if (iface)
            g_ptr_array_add(ret, iface);
    }
    i = ret->len;
    g_ptr_array_add(ret, NULL);
    g_ptr_array_set_free_func(ret, NULL);
    *ifaces = (virInterfacePtr *)g_ptr_array_free(g_steal_pointer(&ret), FALSE);
    return i;
}

/* ---- lookup and state ---- */

static virInterfacePtr
testInterfaceLookupByName(virConnectPtr conn, const char *name)
{
    virInterfaceObj *obj = testInterfaceObjFindByName(testDriverOf(conn), name);
    virInterfacePtr ret;

    if (!obj)
        return NULL;
    ret = virGetInterface(conn, obj->def->name, obj->def->mac);
    virInterfaceObjEndAPI(&obj);
    return ret;
}

static virInterfacePtr
testInterfaceLookupByMACString(virConnectPtr conn, const char *mac)
{
    char *names[2] = { NULL, NULL };
    virInterfacePtr ret = NULL;
    int n;

    n = virInterfaceObjListFindByMACString(testDriverOf(conn)->ifaces, mac, names, 2);
    if (n == 0)
        virReportError(VIR_ERR_NO_INTERFACE, "no interface with matching mac '%s'", mac);
    else if (n > 1)
        virReportError(VIR_ERR_MULTIPLE_INTERFACES, NULL);
    else
        ret = virGetInterface(conn, names[0], mac);
    g_free(names[0]);
    g_free(names[1]);
    return ret;
}

static int
testInterfaceIsActive(virInterfacePtr iface)
{
    virInterfaceObj *obj = testInterfaceObjFromInterface(iface);
    int ret;

    if (!obj)
        return -1;
    ret = obj->active;
    virInterfaceObjEndAPI(&obj);
    return ret;
}

static char *
testInterfaceGetXMLDesc(virInterfacePtr iface, unsigned int flags)
{
    virInterfaceObj *obj;
    char *ret;

    /* libvirt's test driver refuses even VIR_INTERFACE_XML_INACTIVE */
    virCheckFlags(0, NULL);

    if (!(obj = testInterfaceObjFromInterface(iface)))
        return NULL;
    ret = virInterfaceDefFormat(obj->def);
    virInterfaceObjEndAPI(&obj);
    return ret;
}

/* ---- life cycle ---- */

static virInterfacePtr
testInterfaceDefineXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    g_autoptr(virInterfaceDef) def = NULL;
    virInterfaceObj *obj;
    virInterfacePtr ret;

    virCheckFlags(VIR_INTERFACE_DEFINE_VALIDATE, NULL);

    if (!(def = virInterfaceDefParseString(xml, flags)))
        return NULL;
    obj = virInterfaceObjListAssignDef(testDriverOf(conn)->ifaces, &def);
    ret = virGetInterface(conn, obj->def->name, obj->def->mac);
    virInterfaceObjEndAPI(&obj);
    return ret;
}

static int
testInterfaceUndefine(virInterfacePtr iface)
{
    virInterfaceObj *obj = testInterfaceObjFromInterface(iface);

    if (!obj)
        return -1;
    virInterfaceObjListRemove(testDriverOf(iface->conn)->ifaces, obj);
    virInterfaceObjEndAPI(&obj);
    return 0;
}

/* Start (@active) or stop the interface: refused if it already is. */
static int
testInterfaceSetActive(virInterfacePtr iface, bool active)
{
    virInterfaceObj *obj = testInterfaceObjFromInterface(iface);
    int ret = -1;

    if (!obj)
        return -1;
    if (obj->active == active) {
        virReportError(VIR_ERR_OPERATION_INVALID, NULL);
    } else {
        obj->active = active;
        ret = 0;
    }
    virInterfaceObjEndAPI(&obj);
    return ret;
}

static int
testInterfaceCreate(virInterfacePtr iface, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testInterfaceSetActive(iface, true);
}

static int
testInterfaceDestroy(virInterfacePtr iface, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testInterfaceSetActive(iface, false);
}

/* ---- transactions ---- */

static int
testInterfaceChangeBegin(virConnectPtr conn, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(GMutexLocker) locker = NULL;

    virCheckFlags(0, -1);

    locker = g_mutex_locker_new(&drv->ifaceTransactionLock);
    if (drv->ifaceBackup) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "there is another transaction running.");
        return -1;
    }
    if (!(drv->ifaceBackup = virInterfaceObjListClone(drv->ifaces)))
        return -1;
    return 0;
}

static int
testInterfaceChangeEnd(virConnectPtr conn, bool rollback)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(GMutexLocker) locker = NULL;

    locker = g_mutex_locker_new(&drv->ifaceTransactionLock);
    if (!drv->ifaceBackup) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       rollback ? "no transaction running, nothing to rollback."
                                : "no transaction running, nothing to be committed.");
        return -1;
    }
    if (rollback)
        virInterfaceObjListSwap(drv->ifaces, drv->ifaceBackup);
    g_clear_pointer(&drv->ifaceBackup, virInterfaceObjListFree);
    return 0;
}

static int
testInterfaceChangeCommit(virConnectPtr conn, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testInterfaceChangeEnd(conn, false);
}

static int
testInterfaceChangeRollback(virConnectPtr conn, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testInterfaceChangeEnd(conn, true);
}

virInterfaceDriver testInterfaceDriver = {
    .name = "Test",
    .connectNumOfInterfaces = testConnectNumOfInterfaces,
    .connectListInterfaces = testConnectListInterfaces,
    .connectNumOfDefinedInterfaces = testConnectNumOfDefinedInterfaces,
    .connectListDefinedInterfaces = testConnectListDefinedInterfaces,
    .connectListAllInterfaces = testConnectListAllInterfaces,
    .interfaceLookupByName = testInterfaceLookupByName,
    .interfaceLookupByMACString = testInterfaceLookupByMACString,
    .interfaceGetXMLDesc = testInterfaceGetXMLDesc,
    .interfaceDefineXML = testInterfaceDefineXML,
    .interfaceUndefine = testInterfaceUndefine,
    .interfaceCreate = testInterfaceCreate,
    .interfaceDestroy = testInterfaceDestroy,
    .interfaceIsActive = testInterfaceIsActive,
    .interfaceChangeBegin = testInterfaceChangeBegin,
    .interfaceChangeCommit = testInterfaceChangeCommit,
    .interfaceChangeRollback = testInterfaceChangeRollback,
};
