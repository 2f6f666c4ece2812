/*
 * virnodedeviceobj.c: a driver's node device objects and their list.
 */
#include "internal.h"
#include "util/virobjlist.h"
#include "conf/virnodedeviceobj.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

struct _virNodeDeviceObjList {
    virObjList *objs;   /* immutable pointer; self-locking; one key: the name */
};

static virClass *virNodeDeviceObjClass;

static void
virNodeDeviceObjDispose(void *opaque)
{
    virNodeDeviceObj *obj = opaque;

    virNodeDeviceDefFree(obj->def);
}

static virNodeDeviceObj *
virNodeDeviceObjNew(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        virNodeDeviceObjClass = VIR_CLASS_NEW(virNodeDeviceObj, virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    return virObjectLockableNew(virNodeDeviceObjClass);
}

virNodeDeviceObjList *
virNodeDeviceObjListNew(void)
{
    virNodeDeviceObjList *devs = g_new0(virNodeDeviceObjList, 1);

    devs->objs = virObjListNew(1);
    return devs;
}

void
virNodeDeviceObjListFree(virNodeDeviceObjList *devs)
{
    if (!devs)
        return;
    virObjListFree(devs->objs);
    g_free(devs);
}

void
virNodeDeviceObjEndAPI(virNodeDeviceObj **obj)
{
    virObjListEndAPI(obj);
}

virNodeDeviceObj *
virNodeDeviceObjListFindByName(virNodeDeviceObjList *devs, const char *name)
{
    return virObjListFind(devs->objs, 0, name);
}

/* The scsi_host capability of @def that has an fc_host, or NULL. */
static virNodeDevCapsDef *
virNodeDeviceFindFCCap(virNodeDeviceDef *def, unsigned int flag)
{
    virNodeDevCapsDef *cap;

    for (cap = def->caps; cap; cap = cap->next) {
        if (cap->data.type == VIR_NODE_DEV_CAP_SCSI_HOST &&
            (cap->data.scsi_host.flags & flag))
            return cap;
    }
    return NULL;
}

typedef struct {
    const char *wwnn;       /* NULL: match on the fabric WWN */
    const char *wwpn;
    const char *fabric;
} virNodeDeviceWWNSearch;

static bool
virNodeDeviceObjMatchWWNs(void *opaque, void *data)
{
    virNodeDeviceObj *obj = opaque;
    virNodeDeviceWWNSearch *search = data;
    virNodeDevCapsDef *cap = virNodeDeviceFindFCCap(obj->def,
                                                    VIR_NODE_DEV_CAP_FLAG_HBA_FC_HOST);

    if (!cap)
        return false;
    if (search->fabric)
        return STREQ_NULLABLE(cap->data.scsi_host.fabric_wwn, search->fabric);
    return STREQ_NULLABLE(cap->data.scsi_host.wwnn, search->wwnn) &&
           STREQ_NULLABLE(cap->data.scsi_host.wwpn, search->wwpn);
}

virNodeDeviceObj *
virNodeDeviceObjListFindSCSIHostByWWNs(virNodeDeviceObjList *devs,
                                       const char *wwnn, const char *wwpn)
{
    virNodeDeviceWWNSearch search = { wwnn, wwpn, NULL };

    return virObjListSearch(devs->objs, virNodeDeviceObjMatchWWNs, &search);
}

static bool
virNodeDeviceObjMatchCapStr(void *obj, void *cap)
{
    return virNodeDeviceObjHasCapStr(obj, cap);
}

virNodeDeviceObj *
virNodeDeviceObjListFindByCap(virNodeDeviceObjList *devs, const char *cap)
{
    return virObjListSearch(devs->objs, virNodeDeviceObjMatchCapStr, (void *)cap);
}

virNodeDeviceObj *
virNodeDeviceObjListAssignDef(virNodeDeviceObjList *devs, virNodeDeviceDef **def)
{
    virNodeDeviceObj *obj;

    virObjListLockWrite(devs->objs);
    if ((obj = virObjListPeek(devs->objs, 0, (*def)->name))) {
        virObjectRef(obj);
        virObjectLock(obj);
        virNodeDeviceDefFree(obj->def);
    } else {
        const char *keys[] = { (*def)->name };

        obj = virNodeDeviceObjNew();
        virObjListInsert(devs->objs, obj, keys);
        virObjectLock(obj);
    }
    obj->def = g_steal_pointer(def);
    virObjListUnlockWrite(devs->objs);
    return obj;
}

void
virNodeDeviceObjListRemove(virNodeDeviceObjList *devs, virNodeDeviceObj *obj)
{
    virObjListRemove(devs->objs, obj);
}

/* Does capability @cap imply @type? */
static bool
virNodeDevCapImplies(const virNodeDevCapData *cap, int type)
{
    switch (cap->type) {
    case VIR_NODE_DEV_CAP_PCI_DEV:
        return (type == VIR_NODE_DEV_CAP_MDEV_TYPES &&
                (cap->pci_dev.flags & VIR_NODE_DEV_CAP_FLAG_PCI_MDEV)) ||
               (type == VIR_NODE_DEV_CAP_VPD &&
                (cap->pci_dev.flags & VIR_NODE_DEV_CAP_FLAG_PCI_VPD));
    case VIR_NODE_DEV_CAP_SCSI_HOST:
        return (type == VIR_NODE_DEV_CAP_FC_HOST &&
                (cap->scsi_host.flags & VIR_NODE_DEV_CAP_FLAG_HBA_FC_HOST)) ||
               (type == VIR_NODE_DEV_CAP_VPORTS &&
                (cap->scsi_host.flags & VIR_NODE_DEV_CAP_FLAG_HBA_VPORT_OPS));
    case VIR_NODE_DEV_CAP_CSS_DEV:
        return type == VIR_NODE_DEV_CAP_MDEV_TYPES &&
               (cap->ccw_dev.flags & VIR_NODE_DEV_CAP_FLAG_CSS_MDEV);
    case VIR_NODE_DEV_CAP_AP_MATRIX:
        return type == VIR_NODE_DEV_CAP_MDEV_TYPES &&
               (cap->ap_matrix.flags & VIR_NODE_DEV_CAP_FLAG_AP_MATRIX_MDEV);
    default:
        return false;
    }
}

bool
virNodeDeviceObjHasCap(virNodeDeviceObj *obj, int type)
{
    virNodeDevCapsDef *cap;

    for (cap = obj->def->caps; cap; cap = cap->next) {
        if ((int)cap->data.type == type || virNodeDevCapImplies(&cap->data, type))
            return true;
    }
    return false;
}

bool
virNodeDeviceObjHasCapStr(virNodeDeviceObj *obj, const char *cap)
{
    int type = virNodeDevCapTypeFromString(cap);

    return type >= 0 && virNodeDeviceObjHasCap(obj, type);
}

bool
virNodeDeviceObjMatch(virNodeDeviceObj *obj, unsigned int flags)
{
    unsigned int caps = flags & VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_CAP;
    int type;

    /* the VIR_CONNECT_LIST_NODE_DEVICES_CAP_* bits follow virNodeDevCapType */
    G_STATIC_ASSERT(VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM == 1 << VIR_NODE_DEV_CAP_SYSTEM);
    G_STATIC_ASSERT(VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD == 1 << VIR_NODE_DEV_CAP_VPD);
    if (caps) {
        bool any = false;

        for (type = 0; type < VIR_NODE_DEV_CAP_LAST && !any; type++)
            any = (caps & (1U << type)) && virNodeDeviceObjHasCap(obj, type);
        if (!any)
            return false;
    }
    if ((flags & VIR_CONNECT_LIST_NODE_DEVICES_FILTERS_ACTIVE) &&
        !(((flags & VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE) && obj->active) ||
          ((flags & VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE) && !obj->active)))
        return false;
    return true;
}

static bool
virNodeDeviceObjMatchCb(void *obj, void *opaque)
{
    return virNodeDeviceObjMatch(obj, *(unsigned int *)opaque);
}

GPtrArray *
virNodeDeviceObjListCollect(virNodeDeviceObjList *devs, unsigned int flags)
{
    return virObjListCollect(devs->objs, virNodeDeviceObjMatchCb, &flags);
}

GPtrArray *
virNodeDeviceObjListCollectCap(virNodeDeviceObjList *devs, const char *cap)
{
    if (!cap)
        return virObjListCollect(devs->objs, NULL, NULL);
    return virObjListCollect(devs->objs, virNodeDeviceObjMatchCapStr, (void *)cap);
}

/* The SCSI host number of @obj (locked), which must be vport-capable. */
static int
virNodeDeviceObjFCParentHost(virNodeDeviceObj *obj)
{
    virNodeDevCapsDef *cap = virNodeDeviceFindFCCap(obj->def,
                                                    VIR_NODE_DEV_CAP_FLAG_HBA_VPORT_OPS);

    if (!cap) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Parent device %s is not capable of vport operations",
                       obj->def->name);
        return -1;
    }
    return cap->data.scsi_host.host;
}

int
virNodeDeviceObjListGetParentHost(virNodeDeviceObjList *devs, virNodeDeviceDef *def)
{
    virNodeDeviceWWNSearch search = { def->parent_wwnn, def->parent_wwpn,
                                      def->parent_fabric_wwn };
    virNodeDeviceObj *obj;
    int ret;

    if (def->parent) {
        obj = virNodeDeviceObjListFindByName(devs, def->parent);
    } else if (def->parent_wwnn && def->parent_wwpn) {
        search.fabric = NULL;
        obj = virObjListSearch(devs->objs, virNodeDeviceObjMatchWWNs, &search);
    } else if (def->parent_fabric_wwn) {
        obj = virObjListSearch(devs->objs, virNodeDeviceObjMatchWWNs, &search);
    } else {
        if (!(obj = virNodeDeviceObjListFindByCap(devs, "vports"))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "Could not find any vport capable device");
            return -1;
        }
    }
    if (!obj) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Could not find parent device for '%s'",
                       def->name);
        return -1;
    }
    ret = virNodeDeviceObjFCParentHost(obj);
    virNodeDeviceObjEndAPI(&obj);
    return ret;
}
