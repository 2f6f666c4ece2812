/*
 * test_nodedev_mdev.c: mediated devices in the test driver, defined,
 * started, stopped, undefined and set to autostart as libvirt's node
 * device driver does it through mdevctl (libvirt's test driver has none
 * of these calls), with the mdevctl step done in memory.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"
#include "conf/family_event.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The address mdevctl knows a parent by: its PCI, CSS or AP matrix
 * address, or the one of its mdev_types; NULL if it has none. */
static char *
testNodeDeviceAddress(virNodeDeviceDef *def)
{
    virNodeDevCapsDef *cap;

    for (cap = def->caps; cap; cap = cap->next) {
        virNodeDevCapData *d = &cap->data;

        switch (d->type) {
        case VIR_NODE_DEV_CAP_PCI_DEV:
            return g_strdup_printf("%04x:%02x:%02x.%d", d->pci_dev.domain,
                                   d->pci_dev.bus, d->pci_dev.slot,
                                   d->pci_dev.function);
        case VIR_NODE_DEV_CAP_CSS_DEV:
            return g_strdup_printf("%x.%x.%04x", d->ccw_dev.cssid, d->ccw_dev.ssid,
                                   d->ccw_dev.devno);
        case VIR_NODE_DEV_CAP_AP_MATRIX:
            if (d->ap_matrix.addr)
                return g_strdup(d->ap_matrix.addr);
            break;
        case VIR_NODE_DEV_CAP_MDEV_TYPES:
            if (d->mdev_parent.address)
                return g_strdup(d->mdev_parent.address);
            break;
        default:
            break;
        }
    }
    return NULL;
}

/* libvirt's nodeDeviceDefPostParse: an mdev learns its parent's address. */
static int
testNodeDeviceDefPostParse(virNodeDeviceDef *def, void *opaque)
{
    testDriver *drv = opaque;
    virNodeDevCapsDef *cap;

    for (cap = def->caps; cap; cap = cap->next) {
        virNodeDeviceObj *parent;

        if (cap->data.type != VIR_NODE_DEV_CAP_MDEV || !def->parent)
            continue;
        if ((parent = virNodeDeviceObjListFindByName(drv->devs, def->parent))) {
            g_free(cap->data.mdev.parent_addr);
            cap->data.mdev.parent_addr = testNodeDeviceAddress(parent->def);
            virNodeDeviceObjEndAPI(&parent);
        }
    }
    return 0;
}

/* libvirt's nodeDeviceDefValidate: an mdev's parent exists, has an address. */
static int
testNodeDeviceDefValidate(virNodeDeviceDef *def, void *opaque)
{
    testDriver *drv = opaque;
    virNodeDevCapsDef *cap;

    for (cap = def->caps; cap; cap = cap->next) {
        virNodeDeviceObj *parent;

        if (cap->data.type != VIR_NODE_DEV_CAP_MDEV)
            continue;
        if (!def->parent) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "missing parent device");
            return -1;
        }
        if (!(parent = virNodeDeviceObjListFindByName(drv->devs, def->parent))) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "invalid parent device '%s'",
                           def->parent);
            return -1;
        }
        virNodeDeviceObjEndAPI(&parent);
        if (!cap->data.mdev.parent_addr) {
            virReportError(VIR_ERR_PARSE_FAILED,
                           "Unable to find address for parent device '%s'", def->parent);
            return -1;
        }
    }
    return 0;
}

static virNodeDeviceDefParserCallbacks testNodeDeviceParserCallbacks = {
    .postParse = testNodeDeviceDefPostParse,
    .validate = testNodeDeviceDefValidate,
};

/* The mdev capability of @def, or NULL. */
static virNodeDevCapMdev *
testNodeDeviceMdevCap(virNodeDeviceDef *def)
{
    virNodeDevCapsDef *cap;

    for (cap = def->caps; cap; cap = cap->next) {
        if (cap->data.type == VIR_NODE_DEV_CAP_MDEV)
            return &cap->data.mdev;
    }
    return NULL;
}

/* libvirt's nodeDeviceGenerateName: mdev_<uuid>_<parent address>, every
 * character but letters and digits made '_'. */
static void
testNodeDeviceMdevName(virNodeDeviceDef *def, virNodeDevCapMdev *mdev)
{
    char *p;

    g_free(def->name);
    def->name = mdev->parent_addr ? g_strdup_printf("mdev_%s_%s", mdev->uuid,
                                                    mdev->parent_addr)
                                  : g_strdup_printf("mdev_%s", mdev->uuid);
    for (p = def->name; *p; p++) {
        if (!g_ascii_isalnum(*p))
            *p = '_';
    }
}

static virNodeDevicePtr
testNodeDeviceDefineXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = conn->privateData;
    g_autoptr(virNodeDeviceDef) def = NULL;
    virNodeDevCapMdev *mdev;
    virNodeDeviceObj *obj;
    virNodeDevicePtr ret;
    bool defined;

    virCheckFlags(VIR_NODE_DEVICE_DEFINE_XML_VALIDATE, NULL);

    if (!(def = virNodeDeviceDefParse(xml, NULL, true, NULL, &testNodeDeviceParserCallbacks,
                                      drv, !!(flags & VIR_NODE_DEVICE_DEFINE_XML_VALIDATE))))
        return NULL;
    if (!(mdev = testNodeDeviceMdevCap(def))) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "Unsupported device type");
        return NULL;
    }
    if (!def->parent) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "cannot define a mediated device without a parent");
        return NULL;
    }
    if (!mdev->uuid) {
        unsigned char uuid[VIR_UUID_BUFLEN];
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        if (virUUIDGenerate(uuid) < 0)
            return NULL;
        mdev->uuid = g_strdup(virUUIDFormat(uuid, uuidstr));
    }
    testNodeDeviceMdevName(def, mdev);
    g_free(def->driver);
    def->driver = g_strdup("vfio_mdev");
    obj = virNodeDeviceObjListAssignDef(drv->devs, &def);
    defined = obj->persistent;
    obj->persistent = true;
    obj->autostart = testNodeDeviceMdevCap(obj->def)->autostart;
    if (defined)
        virObjectEventStateQueue(drv->eventState, virNodeDeviceEventUpdateNew(obj->def->name));
    else
        testNodeDeviceEvent(drv, obj->def->name, VIR_NODE_DEVICE_EVENT_DEFINED);
    ret = virGetNodeDevice(conn, obj->def->name);
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

/* The mdev @dev names, or NULL with an error (@errcode when it is some
 * other kind of device). */
static virNodeDeviceObj *
testNodeDeviceMdevObj(virNodeDevicePtr dev, int errcode)
{
    virNodeDeviceObj *obj = testNodeDeviceObjFindByName(dev->conn->privateData, dev->name);

    if (obj && !testNodeDeviceMdevCap(obj->def)) {
        virReportError(errcode, "%s", "Unsupported device type");
        virNodeDeviceObjEndAPI(&obj);
    }
    return obj;
}

static int
testNodeDeviceUndefine(virNodeDevicePtr dev, unsigned int flags)
{
    testDriver *drv = dev->conn->privateData;
    virNodeDeviceObj *obj;

    virCheckFlags(0, -1);

    if (!(obj = testNodeDeviceObjFindByName(drv, dev->name)))
        return -1;
    if (!obj->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "Node device '%s' is not defined",
                       obj->def->name);
        virNodeDeviceObjEndAPI(&obj);
        return -1;
    }
    if (!testNodeDeviceMdevCap(obj->def)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "Unsupported device type");
        virNodeDeviceObjEndAPI(&obj);
        return -1;
    }
    obj->persistent = false;
    obj->autostart = false;
    testNodeDeviceEvent(drv, obj->def->name, VIR_NODE_DEVICE_EVENT_UNDEFINED);
    if (!obj->active)
        virNodeDeviceObjListRemove(drv->devs, obj);
    virNodeDeviceObjEndAPI(&obj);
    return 0;
}

static int
testNodeDeviceCreate(virNodeDevicePtr dev, unsigned int flags)
{
    testDriver *drv = dev->conn->privateData;
    virNodeDeviceObj *obj;

    virCheckFlags(0, -1);

    if (!(obj = testNodeDeviceObjFindByName(drv, dev->name)))
        return -1;
    if (obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "Device is already active");
        virNodeDeviceObjEndAPI(&obj);
        return -1;
    }
    if (!testNodeDeviceMdevCap(obj->def)) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "Unsupported device type");
        virNodeDeviceObjEndAPI(&obj);
        return -1;
    }
    obj->active = true;
    testNodeDeviceEvent(drv, obj->def->name, VIR_NODE_DEVICE_EVENT_CREATED);
    virNodeDeviceObjEndAPI(&obj);
    return 0;
}

int
testNodeDeviceMdevStop(testDriver *drv, virNodeDeviceObj *obj)
{
    if (!obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "Device '%s' is not active",
                       obj->def->name);
        return -1;
    }
    obj->active = false;
    testNodeDeviceEvent(drv, obj->def->name, VIR_NODE_DEVICE_EVENT_DELETED);
    if (!obj->persistent)
        virNodeDeviceObjListRemove(drv->devs, obj);
    return 0;
}

static int
testNodeDeviceSetAutostart(virNodeDevicePtr dev, int autostart)
{
    virNodeDeviceObj *obj = testNodeDeviceMdevObj(dev, VIR_ERR_OPERATION_UNSUPPORTED);
    int ret = -1;

    if (!obj)
        return -1;
    if (!obj->persistent) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot set autostart for transient device");
    } else {
        obj->autostart = autostart != 0;
        ret = 0;
    }
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

/* Read one of the three flags of the device @dev names. */
static int
testNodeDeviceFlag(virNodeDevicePtr dev, size_t offset)
{
    virNodeDeviceObj *obj = testNodeDeviceObjFindByName(dev->conn->privateData, dev->name);
    int ret;

    if (!obj)
        return -1;
    ret = *(bool *)((char *)obj + offset);
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}

static int
testNodeDeviceGetAutostart(virNodeDevicePtr dev, int *autostart)
{
    int ret;

    /* libvirt's public call does not check it */
    if (!autostart) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "autostart must not be NULL");
        return -1;
    }
    if ((ret = testNodeDeviceFlag(dev, offsetof(virNodeDeviceObj, autostart))) < 0)
        return -1;
    *autostart = ret;
    return 0;
}

static int
testNodeDeviceIsActive(virNodeDevicePtr dev)
{
    return testNodeDeviceFlag(dev, offsetof(virNodeDeviceObj, active));
}

static int
testNodeDeviceIsPersistent(virNodeDevicePtr dev)
{
    return testNodeDeviceFlag(dev, offsetof(virNodeDeviceObj, persistent));
}

void
testNodeDeviceMdevRegisterMethods(virNodeDeviceDriver *d)
{
    d->nodeDeviceDefineXML = testNodeDeviceDefineXML;
    d->nodeDeviceUndefine = testNodeDeviceUndefine;
    d->nodeDeviceCreate = testNodeDeviceCreate;
    d->nodeDeviceSetAutostart = testNodeDeviceSetAutostart;
    d->nodeDeviceGetAutostart = testNodeDeviceGetAutostart;
    d->nodeDeviceIsActive = testNodeDeviceIsActive;
    d->nodeDeviceIsPersistent = testNodeDeviceIsPersistent;
}
