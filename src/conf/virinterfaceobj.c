/*
 * virinterfaceobj.c: a driver's host interface objects and their list.
 */
#include "internal.h"
#include "util/virobjlist.h"
#include "conf/virinterfaceobj.h"

#define VIR_FROM_THIS VIR_FROM_INTERFACE

struct _virInterfaceObjList {
    virObjList *objs;   /* immutable pointer; self-locking; one key: the name */
};

static virClass *virInterfaceObjClass;

static void
virInterfaceObjDispose(void *opaque)
{
    virInterfaceObj *obj = opaque;

    virInterfaceDefFree(obj->def);
}

static virInterfaceObj *
virInterfaceObjNew(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        virInterfaceObjClass = VIR_CLASS_NEW(virInterfaceObj, virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    return virObjectLockableNew(virInterfaceObjClass);
}

virInterfaceObjList *
virInterfaceObjListNew(void)
{
    virInterfaceObjList *ifaces = g_new0(virInterfaceObjList, 1);

    ifaces->objs = virObjListNew(1);
    return ifaces;
}

void
virInterfaceObjListFree(virInterfaceObjList *ifaces)
{
    if (!ifaces)
        return;
    virObjListFree(ifaces->objs);
    g_free(ifaces);
}

void
virInterfaceObjEndAPI(virInterfaceObj **obj)
{
    virObjListEndAPI(obj);
}

virInterfaceObj *
virInterfaceObjListFindByName(virInterfaceObjList *ifaces, const char *name)
{
    return virObjListFind(ifaces->objs, 0, name);
}

typedef struct {
    const char *mac;
    char **names;
    int maxnames;
    int nnames;
} virInterfaceObjMACSearch;

static bool
virInterfaceObjMatchMAC(void *opaque, void *data)
{
    virInterfaceObj *obj = opaque;
    virInterfaceObjMACSearch *search = data;

    if (search->nnames < search->maxnames && obj->def->mac &&
        g_ascii_strcasecmp(obj->def->mac, search->mac) == 0)
        search->names[search->nnames++] = g_strdup(obj->def->name);
    return false;
}

int
virInterfaceObjListFindByMACString(virInterfaceObjList *ifaces, const char *mac,
                                   char **const names, int maxnames)
{
    virInterfaceObjMACSearch search = { mac, names, maxnames, 0 };

    virObjListCount(ifaces->objs, virInterfaceObjMatchMAC, &search);
    return search.nnames;
}

virInterfaceObj *
virInterfaceObjListAssignDef(virInterfaceObjList *ifaces, virInterfaceDef **def)
{
    virInterfaceObj *obj;

    virObjListLockWrite(ifaces->objs);
    if ((obj = virObjListPeek(ifaces->objs, 0, (*def)->name))) {
        virObjectRef(obj);
        virObjectLock(obj);
        virInterfaceDefFree(obj->def);
    } else {
        const char *keys[] = { (*def)->name };

        obj = virInterfaceObjNew();
        virObjListInsert(ifaces->objs, obj, keys);
        virObjectLock(obj);
    }
    obj->def = g_steal_pointer(def);
    virObjListUnlockWrite(ifaces->objs);
    return obj;
}

void
virInterfaceObjListRemove(virInterfaceObjList *ifaces, virInterfaceObj *obj)
{
    virObjListRemove(ifaces->objs, obj);
}

bool
virInterfaceObjMatch(virInterfaceObj *obj, unsigned int flags)
{
    if ((flags & VIR_CONNECT_LIST_INTERFACES_FILTERS_ACTIVE) &&
        !(((flags & VIR_CONNECT_LIST_INTERFACES_ACTIVE) && obj->active) ||
          ((flags & VIR_CONNECT_LIST_INTERFACES_INACTIVE) && !obj->active)))
        return false;
    return true;
}

static bool
virInterfaceObjMatchCb(void *obj, void *opaque)
{
    return virInterfaceObjMatch(obj, *(unsigned int *)opaque);
}

GPtrArray *
virInterfaceObjListCollect(virInterfaceObjList *ifaces, unsigned int flags)
{
    return virObjListCollect(ifaces->objs, virInterfaceObjMatchCb, &flags);
}

size_t
virInterfaceObjListCount(virInterfaceObjList *ifaces, unsigned int flags)
{
    return virObjListCount(ifaces->objs, virInterfaceObjMatchCb, &flags);
}

virInterfaceObjList *
virInterfaceObjListClone(virInterfaceObjList *ifaces)
{
    g_autoptr(virInterfaceObjList) copy = virInterfaceObjListNew();
    g_autoptr(GPtrArray) objs = virObjListCollect(ifaces->objs, NULL, NULL);
    size_t i;

    for (i = 0; i < objs->len; i++) {
        virInterfaceObj *obj = g_ptr_array_index(objs, i);
        g_autoptr(virInterfaceDef) def = NULL;
        g_autofree char *xml = NULL;
        virInterfaceObj *dup;

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            xml = virInterfaceDefFormat(obj->def);
        }
        if (!xml || !(def = virInterfaceDefParseString(xml, 0)))
            return NULL;
        dup = virInterfaceObjListAssignDef(copy, &def);
        virInterfaceObjEndAPI(&dup);
    }
    return g_steal_pointer(&copy);
}

void
virInterfaceObjListSwap(virInterfaceObjList *a, virInterfaceObjList *b)
{
    virObjListSwap(a->objs, b->objs);
}
