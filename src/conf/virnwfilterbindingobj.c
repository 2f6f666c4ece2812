/*
 * virnwfilterbindingobj.c: a driver's filter binding objects and their
 * list.
 */
#include "internal.h"
#include "util/virobjlist.h"
#include "conf/virnwfilterbindingobj.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

struct _virNWFilterBindingObjList {
    virObjList *objs;   /* immutable pointer; self-locking; one key: the port */
};

static virClass *virNWFilterBindingObjClass;

static void
virNWFilterBindingObjDispose(void *opaque)
{
    virNWFilterBindingObj *obj = opaque;

    virNWFilterBindingDefFree(obj->def);
}

static virNWFilterBindingObj *
virNWFilterBindingObjNew(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        virNWFilterBindingObjClass = VIR_CLASS_NEW(virNWFilterBindingObj,
                                                   virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    return virObjectLockableNew(virNWFilterBindingObjClass);
}

virNWFilterBindingObjList *
virNWFilterBindingObjListNew(void)
{
    virNWFilterBindingObjList *bindings = g_new0(virNWFilterBindingObjList, 1);

    bindings->objs = virObjListNew(1);
    return bindings;
}

void
virNWFilterBindingObjListFree(virNWFilterBindingObjList *bindings)
{
    if (!bindings)
        return;
    virObjListFree(bindings->objs);
    g_free(bindings);
}

void
virNWFilterBindingObjEndAPI(virNWFilterBindingObj **obj)
{
    virObjListEndAPI(obj);
}

virNWFilterBindingObj *
virNWFilterBindingObjListFindByPortDev(virNWFilterBindingObjList *bindings,
                                       const char *portdev)
{
    return virObjListFind(bindings->objs, 0, portdev);
}

virNWFilterBindingObj *
virNWFilterBindingObjListAdd(virNWFilterBindingObjList *bindings,
                             virNWFilterBindingDef **def)
{
    virNWFilterBindingObj *obj = NULL;
    const char *keys[] = { (*def)->portdevname };

    virObjListLockWrite(bindings->objs);
    if (virObjListPeek(bindings->objs, 0, (*def)->portdevname)) {
        virReportError(VIR_ERR_OPERATION_FAILED, "binding '%s' already exists",
                       (*def)->portdevname);
    } else {
        obj = virNWFilterBindingObjNew();
        obj->def = g_steal_pointer(def);
        virObjListInsert(bindings->objs, obj, keys);
        virObjectLock(obj);
    }
    virObjListUnlockWrite(bindings->objs);
    return obj;
}

void
virNWFilterBindingObjListRemove(virNWFilterBindingObjList *bindings,
                                virNWFilterBindingObj *obj)
{
    virObjListRemove(bindings->objs, obj);
}

GPtrArray *
virNWFilterBindingObjListCollect(virNWFilterBindingObjList *bindings)
{
    return virObjListCollect(bindings->objs, NULL, NULL);
}
