/*
 * test_nodedev.c: the test driver's host devices, kept in memory.
 *
 * As libvirt 9.0.0's test driver: a vHBA is created (virNodeDeviceCreateXML)
 * by copying scsi_host11 under the name scsi_host12 with the WWNs asked
 * for, and destroyed by removing it -- any device with an fc_host goes
 * that way, and a destroy that cannot apply still returns 0, as there.
 *
 * The mediated-device calls libvirt's test driver lacks (define,
 * undefine, create, autostart, active/persistent) follow libvirt's node
 * device driver, with the mdevctl step done in memory: a defined mdev
 * needs a parent with an address (a PCI, CSS or AP matrix device), gets
 * a UUID if it has none and the name mdev_<uuid>_<parent address>.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"
#include "conf/family_event.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

int
testNodeDeviceLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file)
{
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr saved = ctxt->node;
    int n, i;
    int ret = -1;

    if ((n = virXPathNodeSet("/node/device", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        g_autoptr(virNodeDeviceDef) def = NULL;
        virNodeDeviceObj *obj;

        if (!(ctxt->node = testNodeFileResolve(nodes[i], file)))
            goto cleanup;
        if (!(def = virNodeDeviceDefParseXML(ctxt, false, NULL)))
            goto cleanup;
        obj = virNodeDeviceObjListAssignDef(drv->devs, &def);
        obj->active = true;
        virNodeDeviceObjEndAPI(&obj);
    }
    ret = 0;

 cleanup:
    ctxt->node = saved;
    return ret;
}

virNodeDeviceObj *
testNodeDeviceObjFindByName(testDriver *drv, const char *name)
{
    virNodeDeviceObj *obj = virNodeDeviceObjListFindByName(drv->devs, name);

    if (!obj)
        virReportError(VIR_ERR_NO_NODE_DEVICE, "no node device with matching name '%s'",
                       name);
    return obj;
}

void
testNodeDeviceEvent(testDriver *drv, const char *name, int event)
{
    virObjectEventStateQueue(drv->eventState,
                             virNodeDeviceEventLifecycleNew(name, event, 0));
}

/* A handle for @obj (locked), with its parent's name known. */
virNodeDevicePtr
testNodeDeviceHandle(virConnectPtr conn, virNodeDeviceObj *obj)
{
    virNodeDevicePtr dev = virGetNodeDevice(conn, obj->def->name);

    if (dev)
        dev->parentName = g_strdup(obj->def->parent);
    return dev;
}

/* ---- listing ---- */

static int
testNodeNumOfDevices(virConnectPtr conn, const char *cap, unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;

    virCheckFlags(0, -1);

    objs = virNodeDeviceObjListCollectCap(testDriverOf(conn)->devs, cap);
    return objs->len;
}

static int
testNodeListDevices(virConnectPtr conn, const char *cap, char **const names,
                    int maxnames, unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    int n = 0;
    size_t i;

    virCheckFlags(0, -1);

    objs = virNodeDeviceObjListCollectCap(testDriverOf(conn)->devs, cap);
    for (i = 0; i < objs->len && n < maxnames; i++) {
        virNodeDeviceObj *obj = g_ptr_array_index(objs, i);

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            names[n++] = g_strdup(obj->def->name);
        }
    }
    return n;
}

static int
testConnectListAllNodeDevices(virConnectPtr conn, virNodeDevicePtr **devices,
                              unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    g_autoptr(GPtrArray) ret = NULL;
    size_t i;

    /* as libvirt's test driver: the active/inactive filters are refused */
    virCheckFlags(VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_CAP, -1);

    objs = virNodeDeviceObjListCollect(testDriverOf(conn)->devs, flags);
    if (!devices)
        return objs->len;
    ret = g_ptr_array_new_with_free_func(virObjectUnref);
    for (i = 0; i < objs->len; i++) {
        virNodeDeviceObj *obj = g_ptr_array_index(objs, i);
        virNodeDevicePtr dev = NULL;

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            if (virNodeDeviceObjMatch(obj, flags))
                dev = testNodeDeviceHandle(conn, obj);
        }
        if (dev)
            g_ptr_array_add(ret, dev);
    }
    i = ret->len;
    g_ptr_array_add(ret, NULL);
    g_ptr_array_set_free_func(ret, NULL);
    *devices = (virNodeDevicePtr *)g_ptr_array_free(g_steal_pointer(&ret), FALSE);
    return i;
}

/* ---- lookup and description ---- */

static virNodeDevicePtr
testNodeDeviceLookupByName(virConnectPtr conn, const char *name)
{
    virNodeDeviceObj *obj = testNodeDeviceObjFindByName(testDriverOf(conn), name);
    virNodeDevicePtr ret;

    if (!obj)
        return NULL;
    ret = testNodeDeviceHandle(conn, obj);
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

/* Not in libvirt's test driver: its node device driver's answer. */
static virNodeDevicePtr
testNodeDeviceLookupSCSIHostByWWN(virConnectPtr conn, const char *wwnn,
                                  const char *wwpn, unsigned int flags)
{
    virNodeDeviceObj *obj;
    virNodeDevicePtr ret;

    virCheckFlags(0, NULL);

    if (!(obj = virNodeDeviceObjListFindSCSIHostByWWNs(testDriverOf(conn)->devs,
                                                       wwnn, wwpn))) {
        virReportError(VIR_ERR_NO_NODE_DEVICE,
                       "no node device with matching wwnn '%s' and wwpn '%s'",
                       wwnn, wwpn);
        return NULL;
    }
    ret = testNodeDeviceHandle(conn, obj);
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

static char *
testNodeDeviceGetXMLDesc(virNodeDevicePtr dev, unsigned int flags)
{
    virNodeDeviceObj *obj;
    char *ret;

    virCheckFlags(0, NULL);

    if (!(obj = testNodeDeviceObjFindByName(testDriverOf(dev->conn), dev->name)))
        return NULL;
    ret = virNodeDeviceDefFormat(obj->def);
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

static char *
testNodeDeviceGetParent(virNodeDevicePtr dev)
{
    virNodeDeviceObj *obj;
    char *ret = NULL;

    if (!(obj = testNodeDeviceObjFindByName(testDriverOf(dev->conn), dev->name)))
        return NULL;
    if (obj->def->parent)
        ret = g_strdup(obj->def->parent);
    else
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "no parent for this device");
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

/* The capability names of the device (those listed, not those implied,
 * as libvirt's test driver counts them); their number. */
static int
testNodeDeviceCaps(virNodeDevicePtr dev, char **const names, int maxnames)
{
    virNodeDeviceObj *obj;
    virNodeDevCapsDef *cap;
    int n = 0;

    if (!(obj = testNodeDeviceObjFindByName(testDriverOf(dev->conn), dev->name)))
        return -1;
    for (cap = obj->def->caps; cap && (!names || n < maxnames); cap = cap->next) {
        if (names)
            names[n] = g_strdup(virNodeDevCapTypeToString(cap->data.type));
        n++;
    }
    virNodeDeviceObjEndAPI(&obj);
    return n;
}

static int
testNodeDeviceNumOfCaps(virNodeDevicePtr dev)
{
    return testNodeDeviceCaps(dev, NULL, 0);
}

static int
testNodeDeviceListCaps(virNodeDevicePtr dev, char **const names, int maxnames)
{
    return testNodeDeviceCaps(dev, names, maxnames);
}

/* ---- vHBAs ---- */

/* libvirt's testNodeDeviceMockCreateVport: scsi_host11, renamed
 * scsi_host12, with the new WWNs (its scsi_host has an fc_host, so its
 * host number and unique ID stay those of scsi_host11). */
static virNodeDeviceObj *
testNodeDeviceMockCreateVport(testDriver *drv, const char *wwnn, const char *wwpn)
{
    g_autoptr(virNodeDeviceDef) def = NULL;
    g_autofree char *xml = NULL;
    virNodeDeviceObj *model;
    virNodeDevCapsDef *cap;
    virNodeDeviceObj *obj;

    if (!(model = virNodeDeviceObjListFindByName(drv->devs, "scsi_host11"))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "no scsi_host11 to copy");
        return NULL;
    }
    xml = virNodeDeviceDefFormat(model->def);
    virNodeDeviceObjEndAPI(&model);
    if (!xml || !(def = virNodeDeviceDefParse(xml, NULL, false, NULL, NULL, NULL, false)))
        return NULL;
    g_free(def->name);
    def->name = g_strdup("scsi_host12");
    for (cap = def->caps; cap; cap = cap->next) {
        if (cap->data.type != VIR_NODE_DEV_CAP_SCSI_HOST)
            continue;
        if (cap->data.scsi_host.flags & VIR_NODE_DEV_CAP_FLAG_HBA_FC_HOST) {
            g_free(cap->data.scsi_host.wwnn);
            g_free(cap->data.scsi_host.wwpn);
            cap->data.scsi_host.wwnn = g_strdup(wwnn);
            cap->data.scsi_host.wwpn = g_strdup(wwpn);
        } else {
            cap->data.scsi_host.host++;
            cap->data.scsi_host.unique_id++;
        }
    }
    obj = virNodeDeviceObjListAssignDef(drv->devs, &def);
    obj->active = true;
    testNodeDeviceEvent(drv, obj->def->name, VIR_NODE_DEVICE_EVENT_CREATED);
    return obj;
}

static virNodeDevicePtr
testNodeDeviceCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virNodeDeviceDef) def = NULL;
    g_autofree char *wwnn = NULL;
    g_autofree char *wwpn = NULL;
    virNodeDeviceObj *obj;
    virNodeDevicePtr ret;

    virCheckFlags(VIR_NODE_DEVICE_CREATE_XML_VALIDATE, NULL);

    if (!(def = virNodeDeviceDefParse(xml, NULL, true, NULL, NULL, NULL,
                                      !!(flags & VIR_NODE_DEVICE_CREATE_XML_VALIDATE))))
        return NULL;
    if (virNodeDeviceGetWWNs(def, &wwnn, &wwpn) < 0)
        return NULL;
    if (virNodeDeviceObjListGetParentHost(drv->devs, def) < 0)
        return NULL;
    if (!(obj = testNodeDeviceMockCreateVport(drv, wwnn, wwpn)))
        return NULL;
    if ((ret = virGetNodeDevice(conn, obj->def->name)))
        ret->parentName = g_strdup(def->parent);
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

/* libvirt's testNodeDeviceDestroy: a device with an fc_host whose parent
 * exists goes away; otherwise nothing happens, and 0 is still returned
 * (with the reason left as the last error). */
static int
testNodeDeviceDestroyVport(testDriver *drv, virNodeDeviceObj *obj)
{
    g_autofree char *wwnn = NULL;
    g_autofree char *wwpn = NULL;
    g_autofree char *parent = NULL;
    g_autofree char *name = g_strdup(obj->def->name);
    virNodeDeviceObj *parentobj;

    if (virNodeDeviceGetWWNs(obj->def, &wwnn, &wwpn) < 0)
        return 0;
    parent = g_strdup(obj->def->parent);
    virObjectUnlock(obj);
    parentobj = parent ? virNodeDeviceObjListFindByName(drv->devs, parent) : NULL;
    virObjectLock(obj);
    if (!parentobj) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "cannot find parent '%s' definition",
                       NULLSTR(parent));
        return 0;
    }
    virNodeDeviceObjEndAPI(&parentobj);
    virNodeDeviceObjListRemove(drv->devs, obj);
    testNodeDeviceEvent(drv, name, VIR_NODE_DEVICE_EVENT_DELETED);
    return 0;
}

static int
testNodeDeviceDestroy(virNodeDevicePtr dev)
{
    testDriver *drv = testDriverOf(dev->conn);
    virNodeDeviceObj *obj;
    int ret;

    if (!(obj = testNodeDeviceObjFindByName(drv, dev->name)))
        return -1;
    if (virNodeDeviceObjHasCap(obj, VIR_NODE_DEV_CAP_MDEV))
        ret = testNodeDeviceMdevStop(drv, obj);
    else
        ret = testNodeDeviceDestroyVport(drv, obj);
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

virNodeDeviceDriver testNodeDeviceDriver = {
    .name = "Test",
    .connectListAllNodeDevices = testConnectListAllNodeDevices,
    .connectNodeDeviceEventRegisterAny = testConnectNodeDeviceEventRegisterAny,
    .connectNodeDeviceEventDeregisterAny = testConnectNodeDeviceEventDeregisterAny,
    .nodeNumOfDevices = testNodeNumOfDevices,
    .nodeListDevices = testNodeListDevices,
    .nodeDeviceLookupByName = testNodeDeviceLookupByName,
    .nodeDeviceLookupSCSIHostByWWN = testNodeDeviceLookupSCSIHostByWWN,
    .nodeDeviceGetXMLDesc = testNodeDeviceGetXMLDesc,
    .nodeDeviceGetParent = testNodeDeviceGetParent,
    .nodeDeviceNumOfCaps = testNodeDeviceNumOfCaps,
    .nodeDeviceListCaps = testNodeDeviceListCaps,
    .nodeDeviceCreateXML = testNodeDeviceCreateXML,
    .nodeDeviceDestroy = testNodeDeviceDestroy,
};
