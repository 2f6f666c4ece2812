/*
 * virnwfilterobj.c: a driver's network filter objects and their list.
 */
#include "internal.h"
#include "util/virobjlist.h"
#include "util/viruuid.h"
#include "conf/virnwfilterobj.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

enum {
    FILTER_KEY_UUID,    /* primary */
    FILTER_KEY_NAME,
    FILTER_KEY_LAST
};

struct _virNWFilterObjList {
    virObjList *objs;   /* immutable pointer; self-locking */
};

static virClass *virNWFilterObjClass;

static void
virNWFilterObjDispose(void *opaque)
{
    virNWFilterObj *obj = opaque;

    virNWFilterDefFree(obj->def);
}

static virNWFilterObj *
virNWFilterObjNew(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        virNWFilterObjClass = VIR_CLASS_NEW(virNWFilterObj, virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    return virObjectLockableNew(virNWFilterObjClass);
}

virNWFilterObjList *
virNWFilterObjListNew(void)
{
    virNWFilterObjList *filters = g_new0(virNWFilterObjList, 1);

    filters->objs = virObjListNew(FILTER_KEY_LAST);
    return filters;
}

void
virNWFilterObjListFree(virNWFilterObjList *filters)
{
    if (!filters)
        return;
    virObjListFree(filters->objs);
    g_free(filters);
}

void
virNWFilterObjEndAPI(virNWFilterObj **obj)
{
    virObjListEndAPI(obj);
}

virNWFilterObj *
virNWFilterObjListFindByUUID(virNWFilterObjList *filters, const unsigned char *uuid)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    return virObjListFind(filters->objs, FILTER_KEY_UUID, virUUIDFormat(uuid, uuidstr));
}

virNWFilterObj *
virNWFilterObjListFindByName(virNWFilterObjList *filters, const char *name)
{
    return virObjListFind(filters->objs, FILTER_KEY_NAME, name);
}

/* The <filterref> targets of @def, NULL-terminated. */
static char **
virNWFilterDefRefs(const virNWFilterDef *def)
{
    GPtrArray *refs = g_ptr_array_new();
    size_t i;

    for (i = 0; i < def->nentries; i++) {
        if (def->filterEntries[i]->include)
            g_ptr_array_add(refs, g_strdup(def->filterEntries[i]->include->filterref));
    }
    g_ptr_array_add(refs, NULL);
    return (char **)g_ptr_array_free(refs, FALSE);
}

char **
virNWFilterObjListGetRefs(virNWFilterObjList *filters, const char *name)
{
    virNWFilterObj *obj = virNWFilterObjListFindByName(filters, name);
    char **refs;

    if (!obj)
        return NULL;
    refs = virNWFilterDefRefs(obj->def);
    virNWFilterObjEndAPI(&obj);
    return refs;
}

/* Does following @refs (and what they reference) lead to @name?  Each
 * filter is visited once; no lock is held while recursing. */
static bool
virNWFilterObjListReaches(virNWFilterObjList *filters, char **refs,
                          const char *name, GHashTable *visited)
{
    size_t i;

    for (i = 0; refs && refs[i]; i++) {
        g_auto(GStrv) next = NULL;

        if (STREQ(refs[i], name))
            return true;
        if (!g_hash_table_add(visited, g_strdup(refs[i])))
            continue;
        next = virNWFilterObjListGetRefs(filters, refs[i]);
        if (virNWFilterObjListReaches(filters, next, name, visited))
            return true;
    }
    return false;
}

/* Check @def's name and UUID against the list's filters. */
static int
virNWFilterObjListCheckIdentity(virNWFilterObjList *filters, const virNWFilterDef *def)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virNWFilterObj *obj;
    int ret = 0;

    if ((obj = virNWFilterObjListFindByUUID(filters, def->uuid))) {
        if (STRNEQ(def->name, obj->def->name)) {
            virReportError(VIR_ERR_OPERATION_FAILED,
                           "filter with same UUID but different name ('%s') already exists",
                           obj->def->name);
            ret = -1;
        }
    } else if ((obj = virNWFilterObjListFindByName(filters, def->name))) {
        virReportError(VIR_ERR_OPERATION_FAILED, "filter '%s' already exists with uuid %s",
                       def->name, virUUIDFormat(obj->def->uuid, uuidstr));
        ret = -1;
    }
    virNWFilterObjEndAPI(&obj);
    return ret;
}

virNWFilterObj *
virNWFilterObjListAssignDef(virNWFilterObjList *filters, virNWFilterDef **def)
{
    g_autoptr(GHashTable) visited = g_hash_table_new_full(g_str_hash, g_str_equal,
                                                          g_free, NULL);
    g_auto(GStrv) refs = virNWFilterDefRefs(*def);
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virNWFilterObj *obj;

    if (virNWFilterObjListCheckIdentity(filters, *def) < 0)
        return NULL;
    if (virNWFilterObjListReaches(filters, refs, (*def)->name, visited)) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s", "filter would introduce a loop");
        return NULL;
    }

    virUUIDFormat((*def)->uuid, uuidstr);
    virObjListLockWrite(filters->objs);
    if ((obj = virObjListPeek(filters->objs, FILTER_KEY_UUID, uuidstr))) {
        virObjectRef(obj);
        virObjectLock(obj);
        virNWFilterDefFree(obj->def);
    } else {
        const char *keys[FILTER_KEY_LAST] = { uuidstr, (*def)->name };

        obj = virNWFilterObjNew();
        virObjListInsert(filters->objs, obj, keys);
        virObjectLock(obj);
    }
    obj->def = g_steal_pointer(def);
    virObjListUnlockWrite(filters->objs);
    return obj;
}

void
virNWFilterObjListRemove(virNWFilterObjList *filters, virNWFilterObj *obj)
{
    virObjListRemove(filters->objs, obj);
}

GPtrArray *
virNWFilterObjListCollect(virNWFilterObjList *filters)
{
    return virObjListCollect(filters->objs, NULL, NULL);
}
