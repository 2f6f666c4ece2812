/*
 * virnodedeviceobj.h: a host device as a driver keeps it
 * (virNodeDeviceObj) and the driver's list of them, indexed by name.
 *
 * Lookups return the object locked and referenced; virNodeDeviceObjEndAPI
 * unlocks and unrefs it.  Lock order: the list before any object.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"
#include "conf/node_device_conf.h"

typedef struct _virNodeDeviceObj virNodeDeviceObj;
struct _virNodeDeviceObj {
    virObjectLockable parent;

    /* all fields below: guarded by the object lock */
    virNodeDeviceDef *def;
    bool active;            /* present on the host */
    bool persistent;        /* defined (mediated devices) */
    bool autostart;
};

typedef struct _virNodeDeviceObjList virNodeDeviceObjList;

virNodeDeviceObjList *virNodeDeviceObjListNew(void);
void virNodeDeviceObjListFree(virNodeDeviceObjList *devs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNodeDeviceObjList, virNodeDeviceObjListFree);

void virNodeDeviceObjEndAPI(virNodeDeviceObj **obj);

/* Lookups: the object locked and referenced, or NULL (no error set). */
virNodeDeviceObj *virNodeDeviceObjListFindByName(virNodeDeviceObjList *devs,
                                                 const char *name);
/* The scsi_host whose fc_host has these WWNN and WWPN. */
virNodeDeviceObj *virNodeDeviceObjListFindSCSIHostByWWNs(virNodeDeviceObjList *devs,
                                                         const char *wwnn,
                                                         const char *wwpn);
/* A device with capability @cap (its virNodeDevCap name). */
virNodeDeviceObj *virNodeDeviceObjListFindByCap(virNodeDeviceObjList *devs,
                                                const char *cap);

/* Add *@def, or give it to its namesake (which keeps its state).  *@def
 * is stolen; the object is returned locked and referenced. */
virNodeDeviceObj *virNodeDeviceObjListAssignDef(virNodeDeviceObjList *devs,
                                                virNodeDeviceDef **def);

/* Take @obj (locked, referenced by the caller) out of the list. */
void virNodeDeviceObjListRemove(virNodeDeviceObjList *devs, virNodeDeviceObj *obj);

/* Has @obj (locked) capability @type, counting the ones a capability
 * implies (fc_host and vports of a scsi_host, mdev_types of a PCI, CSS or
 * AP matrix device, vpd of a PCI device)?  @cap: by name; unknown names
 * match nothing. */
bool virNodeDeviceObjHasCap(virNodeDeviceObj *obj, int type);
bool virNodeDeviceObjHasCapStr(virNodeDeviceObj *obj, const char *cap);

/* Does @obj (locked) match the VIR_CONNECT_LIST_NODE_DEVICES_* @flags? */
bool virNodeDeviceObjMatch(virNodeDeviceObj *obj, unsigned int flags);

/* Devices matching @flags / having capability @cap (NULL: any), each
 * referenced (not locked); free with g_ptr_array_unref. */
GPtrArray *virNodeDeviceObjListCollect(virNodeDeviceObjList *devs, unsigned int flags);
GPtrArray *virNodeDeviceObjListCollectCap(virNodeDeviceObjList *devs, const char *cap);

/*
 * The SCSI host number of the vport-capable parent a new vHBA @def goes
 * to: its <parent>, else the one with its parent WWNs, else its parent
 * fabric WWN, else any vport-capable host; -1 with libvirt's errors.
 */
int virNodeDeviceObjListGetParentHost(virNodeDeviceObjList *devs,
                                      virNodeDeviceDef *def);
