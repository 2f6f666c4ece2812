/*
 * virnwfilterbindingobj.h: the binding of a network filter to a port as
 * a driver keeps it (virNWFilterBindingObj) and the driver's list of
 * them, indexed by port device.
 *
 * Lookups return the object locked and referenced;
 * virNWFilterBindingObjEndAPI unlocks and unrefs it.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"
#include "conf/virnwfilterbindingdef.h"

typedef struct _virNWFilterBindingObj virNWFilterBindingObj;
struct _virNWFilterBindingObj {
    virObjectLockable parent;

    /* immutable once listed */
    virNWFilterBindingDef *def;
};

typedef struct _virNWFilterBindingObjList virNWFilterBindingObjList;

virNWFilterBindingObjList *virNWFilterBindingObjListNew(void);
void virNWFilterBindingObjListFree(virNWFilterBindingObjList *bindings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterBindingObjList, virNWFilterBindingObjListFree);

void virNWFilterBindingObjEndAPI(virNWFilterBindingObj **obj);

/* The binding of @portdev, locked and referenced; NULL (no error set). */
virNWFilterBindingObj *virNWFilterBindingObjListFindByPortDev(virNWFilterBindingObjList *bindings,
                                                              const char *portdev);

/* Add *@def (stolen on success); a port device that has a binding is
 * refused with libvirt's error.  The object is returned locked and
 * referenced. */
virNWFilterBindingObj *virNWFilterBindingObjListAdd(virNWFilterBindingObjList *bindings,
                                                    virNWFilterBindingDef **def);

/* Take @obj (locked, referenced by the caller) out of the list. */
void virNWFilterBindingObjListRemove(virNWFilterBindingObjList *bindings,
                                     virNWFilterBindingObj *obj);

/* Every binding, referenced (not locked). */
GPtrArray *virNWFilterBindingObjListCollect(virNWFilterBindingObjList *bindings);
