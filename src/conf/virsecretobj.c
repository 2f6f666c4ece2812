/*
 * virsecretobj.c: a driver's secret objects and their list.
 */
#include "internal.h"
#include "util/virobjlist.h"
#include "util/viruuid.h"
#include "conf/virsecretobj.h"

#define VIR_FROM_THIS VIR_FROM_SECRET

struct _virSecretObjList {
    virObjList *objs;   /* immutable pointer; self-locking; one key: the UUID */
};

static virClass *virSecretObjClass;

static void
virSecretObjWipe(virSecretObj *obj)
{
    if (obj->value)
        memset(obj->value, 0, obj->value_size);
    g_clear_pointer(&obj->value, g_free);
    obj->value_size = 0;
}

static void
virSecretObjDispose(void *opaque)
{
    virSecretObj *obj = opaque;

    virSecretDefFree(obj->def);
    virSecretObjWipe(obj);
}

static virSecretObj *
virSecretObjNew(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        virSecretObjClass = VIR_CLASS_NEW(virSecretObj, virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    return virObjectLockableNew(virSecretObjClass);
}

virSecretObjList *
virSecretObjListNew(void)
{
    virSecretObjList *secrets = g_new0(virSecretObjList, 1);

    secrets->objs = virObjListNew(1);
    return secrets;
}

void
virSecretObjListFree(virSecretObjList *secrets)
{
    if (!secrets)
        return;
    virObjListFree(secrets->objs);
    g_free(secrets);
}

void
virSecretObjEndAPI(virSecretObj **obj)
{
    virObjListEndAPI(obj);
}

virSecretObj *
virSecretObjListFindByUUID(virSecretObjList *secrets, const unsigned char *uuid)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    return virObjListFind(secrets->objs, 0, virUUIDFormat(uuid, uuidstr));
}

typedef struct {
    int usageType;
    const char *usageID;
} virSecretUsageSearch;

static bool
virSecretObjMatchUsage(void *opaque, void *data)
{
    virSecretObj *obj = opaque;
    virSecretUsageSearch *search = data;

    return obj->def->usage_type == search->usageType &&
           search->usageType != VIR_SECRET_USAGE_TYPE_NONE &&
           STREQ_NULLABLE(obj->def->usage_id, search->usageID);
}

virSecretObj *
virSecretObjListFindByUsage(virSecretObjList *secrets, int usageType,
                            const char *usageID)
{
    virSecretUsageSearch search = { usageType, usageID };

    return virObjListSearch(secrets->objs, virSecretObjMatchUsage, &search);
}

/* A new definition for the known secret @obj (locked). */
static int
virSecretObjReplaceDef(virSecretObj *obj, virSecretDef **def, virSecretDef **oldDef)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (STRNEQ_NULLABLE(obj->def->usage_id, (*def)->usage_id)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "a secret with UUID %s is already defined for use with %s",
                       virUUIDFormat(obj->def->uuid, uuidstr), obj->def->usage_id);
        return -1;
    }
    if (obj->def->isprivate && !(*def)->isprivate) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "cannot change private flag on existing secret");
        return -1;
    }
    if (oldDef)
        *oldDef = obj->def;
    else
        virSecretDefFree(obj->def);
    obj->def = g_steal_pointer(def);
    return 0;
}

virSecretObj *
virSecretObjListAdd(virSecretObjList *secrets, virSecretDef **def,
                    virSecretDef **oldDef)
{
    virSecretUsageSearch usage = { (*def)->usage_type, (*def)->usage_id };
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virSecretObj *obj;
    virSecretObj *ret = NULL;

    if (oldDef)
        *oldDef = NULL;
    virUUIDFormat((*def)->uuid, uuidstr);
    virObjListLockWrite(secrets->objs);
    if ((obj = virObjListPeek(secrets->objs, 0, uuidstr))) {
        virObjectLock(obj);
        if (virSecretObjReplaceDef(obj, def, oldDef) < 0)
            virObjectUnlock(obj);
        else
            ret = virObjectRef(obj);
    } else if ((obj = virObjListPeekSearch(secrets->objs, virSecretObjMatchUsage,
                                           &usage))) {
        char other[VIR_UUID_STRING_BUFLEN];

        /* a listed secret's UUID never changes: no need for its lock */
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "a secret with UUID %s already defined for use with %s",
                       virUUIDFormat(obj->def->uuid, other), (*def)->usage_id);
    } else {
        const char *keys[] = { uuidstr };

        ret = virSecretObjNew();
        ret->def = g_steal_pointer(def);
        virObjListInsert(secrets->objs, ret, keys);
        virObjectLock(ret);
    }
    virObjListUnlockWrite(secrets->objs);
    return ret;
}

void
virSecretObjListRemove(virSecretObjList *secrets, virSecretObj *obj)
{
    virObjListRemove(secrets->objs, obj);
}

bool
virSecretObjMatch(virSecretObj *obj, unsigned int flags)
{
    virSecretDef *def = obj->def;

    if ((flags & VIR_CONNECT_LIST_SECRETS_FILTERS_EPHEMERAL) &&
        !(((flags & VIR_CONNECT_LIST_SECRETS_EPHEMERAL) && def->isephemeral) ||
          ((flags & VIR_CONNECT_LIST_SECRETS_NO_EPHEMERAL) && !def->isephemeral)))
        return false;
    if ((flags & VIR_CONNECT_LIST_SECRETS_FILTERS_PRIVATE) &&
        !(((flags & VIR_CONNECT_LIST_SECRETS_PRIVATE) && def->isprivate) ||
          ((flags & VIR_CONNECT_LIST_SECRETS_NO_PRIVATE) && !def->isprivate)))
        return false;
    return true;
}

static bool
virSecretObjMatchCb(void *obj, void *opaque)
{
    return virSecretObjMatch(obj, *(unsigned int *)opaque);
}

GPtrArray *
virSecretObjListCollect(virSecretObjList *secrets, unsigned int flags)
{
    return virObjListCollect(secrets->objs, virSecretObjMatchCb, &flags);
}

unsigned char *
virSecretObjGetValue(virSecretObj *obj, size_t *value_size)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!obj->value) {
        virReportError(VIR_ERR_NO_SECRET, "secret '%s' does not have a value",
                       virUUIDFormat(obj->def->uuid, uuidstr));
        return NULL;
    }
    *value_size = obj->value_size;
    /* at least one byte, so that an empty value is not NULL */
    return g_memdup2(obj->value, MAX(obj->value_size, 1));
}

void
virSecretObjSetValue(virSecretObj *obj, const unsigned char *value, size_t value_size)
{
    virSecretObjWipe(obj);
    obj->value = g_malloc0(MAX(value_size, 1));
    memcpy(obj->value, value, value_size);
    obj->value_size = value_size;
}
