/*
 * virinterfaceobj.h: a host interface as a driver keeps it
 * (virInterfaceObj) and the driver's list of them, indexed by name.
 *
 * Lookups return the object locked and referenced; virInterfaceObjEndAPI
 * unlocks and unrefs it.  Lock order: the list before any object.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"
#include "conf/interface_conf.h"

typedef struct _virInterfaceObj virInterfaceObj;
struct _virInterfaceObj {
    virObjectLockable parent;

    /* guarded by the object lock */
    virInterfaceDef *def;
    bool active;
};

typedef struct _virInterfaceObjList virInterfaceObjList;

virInterfaceObjList *virInterfaceObjListNew(void);
void virInterfaceObjListFree(virInterfaceObjList *ifaces);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virInterfaceObjList, virInterfaceObjListFree);

/* The interface called @name, locked and referenced; NULL (no error). */
virInterfaceObj *virInterfaceObjListFindByName(virInterfaceObjList *ifaces,
                                               const char *name);

/* The names (at most @maxnames, into @names) of the interfaces whose MAC
 * address is @mac, compared without regard to case; their count. */
int virInterfaceObjListFindByMACString(virInterfaceObjList *ifaces,
                                       const char *mac, char **const names,
                                       int maxnames);

/* Add *@def, or replace the definition of its namesake (which keeps its
 * state).  *@def is stolen; the object is returned locked and
 * referenced. */
virInterfaceObj *virInterfaceObjListAssignDef(virInterfaceObjList *ifaces,
                                              virInterfaceDef **def);

/* Take @obj (locked, referenced by the caller) out of the list. */
void virInterfaceObjListRemove(virInterfaceObjList *ifaces, virInterfaceObj *obj);

/* Does @obj (locked) match VIR_CONNECT_LIST_INTERFACES_* @flags? */
bool virInterfaceObjMatch(virInterfaceObj *obj, unsigned int flags);

/* Interfaces matching @flags, referenced (not locked), in the list's
 * order; and their number. */
GPtrArray *virInterfaceObjListCollect(virInterfaceObjList *ifaces, unsigned int flags);
size_t virInterfaceObjListCount(virInterfaceObjList *ifaces, unsigned int flags);

/* A copy of the list: every definition copied (through its XML) into a
 * new, inactive interface, as libvirt's virInterfaceObjListClone does;
 * NULL with an error set. */
virInterfaceObjList *virInterfaceObjListClone(virInterfaceObjList *ifaces);

/* Exchange the interfaces of two lists. */
void virInterfaceObjListSwap(virInterfaceObjList *a, virInterfaceObjList *b);

void virInterfaceObjEndAPI(virInterfaceObj **obj);
