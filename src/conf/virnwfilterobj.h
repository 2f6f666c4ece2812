/*
 * virnwfilterobj.h: a network filter as a driver keeps it
 * (virNWFilterObj) and the driver's list of them, indexed by UUID and by
 * name.
 *
 * Lookups return the object locked and referenced; virNWFilterObjEndAPI
 * unlocks and unrefs it.  Lock order: the list before any object.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"
#include "conf/nwfilter_conf.h"

typedef struct _virNWFilterObj virNWFilterObj;
struct _virNWFilterObj {
    virObjectLockable parent;

    /* guarded by the object lock */
    virNWFilterDef *def;
};

typedef struct _virNWFilterObjList virNWFilterObjList;

virNWFilterObjList *virNWFilterObjListNew(void);
void virNWFilterObjListFree(virNWFilterObjList *filters);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterObjList, virNWFilterObjListFree);

void virNWFilterObjEndAPI(virNWFilterObj **obj);

/* Lookups: the object locked and referenced, or NULL (no error set). */
virNWFilterObj *virNWFilterObjListFindByUUID(virNWFilterObjList *filters,
                                             const unsigned char *uuid);
virNWFilterObj *virNWFilterObjListFindByName(virNWFilterObjList *filters,
                                             const char *name);

/* The names of the filters @name's filter references (<filterref>),
 * NULL-terminated; NULL if there is no such filter. */
char **virNWFilterObjListGetRefs(virNWFilterObjList *filters, const char *name);

/*
 * Add *@def, or replace the definition of the filter with its UUID and
 * name, as libvirt's virNWFilterObjListAssignDef: a UUID of a filter
 * with another name, a name of a filter with another UUID, and a
 * definition that would reach itself through <filterref>s are refused
 * (VIR_ERR_OPERATION_FAILED, libvirt's messages).  On success *@def is
 * stolen and the object returned locked and referenced.  Callers that
 * check more (filters in use) serialize their changes themselves.
 */
virNWFilterObj *virNWFilterObjListAssignDef(virNWFilterObjList *filters,
                                            virNWFilterDef **def);

/* Take @obj (locked, referenced by the caller) out of the list. */
void virNWFilterObjListRemove(virNWFilterObjList *filters, virNWFilterObj *obj);

/* Every filter, referenced (not locked). */
GPtrArray *virNWFilterObjListCollect(virNWFilterObjList *filters);
