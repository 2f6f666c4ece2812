/*
 * virobjlist.c: lockable objects indexed by string keys.
 */
#include "internal.h"
#include "util/virobjlist.h"

#define VIR_FROM_THIS VIR_FROM_NONE

struct _virObjList {
    /* guards the indexes and @keys (not the objects in them) */
    GRWLock lock;
    size_t nkeys;                   /* immutable */
    /* key (owned copy) -> object, holding a reference; one per index */
    GHashTable **index;
    /* object -> its keys (NULL-terminated vector of nkeys slots, a NULL
     * key stored as "" and skipped) */
    GHashTable *keys;
};

virObjList *
virObjListNew(size_t nkeys)
{
    virObjList *list = g_new0(virObjList, 1);
    size_t i;

    g_rw_lock_init(&list->lock);
    list->nkeys = MAX(nkeys, 1);
    list->index = g_new0(GHashTable *, list->nkeys);
    for (i = 0; i < list->nkeys; i++)
        list->index[i] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                               virObjectUnref);
    list->keys = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify)g_strfreev);
    return list;
}

void
virObjListFree(virObjList *list)
{
    size_t i;

    if (!list)
        return;
    g_hash_table_unref(list->keys);
    for (i = 0; i < list->nkeys; i++)
        g_hash_table_unref(list->index[i]);
    g_free(list->index);
    g_rw_lock_clear(&list->lock);
    g_free(list);
}

static void *
virObjListLockRef(void *obj)
{
    if (!obj)
        return NULL;
    virObjectRef(obj);
    virObjectLock(obj);
    return obj;
}

void *
virObjListFind(virObjList *list, size_t key, const char *value)
{
    void *obj;

    if (key >= list->nkeys || !value)
        return NULL;
    g_rw_lock_reader_lock(&list->lock);
    obj = virObjListLockRef(g_hash_table_lookup(list->index[key], value));
    g_rw_lock_reader_unlock(&list->lock);
    return obj;
}

void
virObjListLockWrite(virObjList *list)
{
    g_rw_lock_writer_lock(&list->lock);
}

void
virObjListUnlockWrite(virObjList *list)
{
    g_rw_lock_writer_unlock(&list->lock);
}

void *
virObjListPeek(virObjList *list, size_t key, const char *value)
{
    if (key >= list->nkeys || !value)
        return NULL;
    return g_hash_table_lookup(list->index[key], value);
}

void *
virObjListPeekSearch(virObjList *list, bool (*filter)(void *obj, void *opaque),
                     void *opaque)
{
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, list->index[0]);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        bool match;

        virObjectLock(value);
        match = filter(value, opaque);
        virObjectUnlock(value);
        if (match)
            return value;
    }
    return NULL;
}

void
virObjListInsert(virObjList *list, void *obj, const char *const *keys)
{
    char **copy = g_new0(char *, list->nkeys + 1);
    size_t i;

    for (i = 0; i < list->nkeys; i++) {
        copy[i] = g_strdup(keys[i] ? keys[i] : "");
        if (keys[i])
            g_hash_table_insert(list->index[i], g_strdup(keys[i]), virObjectRef(obj));
    }
    g_hash_table_insert(list->keys, obj, copy);
}

static bool
virObjListRemoveLocked(virObjList *list, void *obj)
{
    char **keys = g_hash_table_lookup(list->keys, obj);
    size_t i;

    if (!keys)
        return false;
    /* the list's references go last: the caller still holds one */
    for (i = 0; i < list->nkeys; i++) {
        if (*keys[i] && g_hash_table_lookup(list->index[i], keys[i]) == obj)
            g_hash_table_remove(list->index[i], keys[i]);
    }
    g_hash_table_remove(list->keys, obj);
    return true;
}

bool
virObjListRemove(virObjList *list, void *obj)
{
    bool ret;

    /* lock order: the list before the object */
    virObjectUnlock(obj);
    g_rw_lock_writer_lock(&list->lock);
    virObjectLock(obj);
    ret = virObjListRemoveLocked(list, obj);
    g_rw_lock_writer_unlock(&list->lock);
    return ret;
}

static bool
virObjListAccepts(void *obj, virObjListFilter filter, void *opaque)
{
    bool ret;

    if (!filter)
        return true;
    virObjectLock(obj);
    ret = filter(obj, opaque);
    virObjectUnlock(obj);
    return ret;
}

GPtrArray *
virObjListCollect(virObjList *list, virObjListFilter filter, void *opaque)
{
    GPtrArray *ret = g_ptr_array_new_with_free_func(virObjectUnref);
    GHashTableIter iter;
    gpointer value;

    g_rw_lock_reader_lock(&list->lock);
    g_hash_table_iter_init(&iter, list->index[0]);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        if (virObjListAccepts(value, filter, opaque))
            g_ptr_array_add(ret, virObjectRef(value));
    }
    g_rw_lock_reader_unlock(&list->lock);
    return ret;
}

size_t
virObjListCount(virObjList *list, virObjListFilter filter, void *opaque)
{
    GHashTableIter iter;
    gpointer value;
    size_t n = 0;

    g_rw_lock_reader_lock(&list->lock);
    g_hash_table_iter_init(&iter, list->index[0]);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        n += virObjListAccepts(value, filter, opaque);
    g_rw_lock_reader_unlock(&list->lock);
    return n;
}

void *
virObjListSearch(virObjList *list, virObjListFilter filter, void *opaque)
{
    GHashTableIter iter;
    gpointer value;
    void *found = NULL;

    g_rw_lock_reader_lock(&list->lock);
    g_hash_table_iter_init(&iter, list->index[0]);
    while (!found && g_hash_table_iter_next(&iter, NULL, &value)) {
        virObjectLock(value);
        if (filter(value, opaque))
            found = virObjectRef(value);
        else
            virObjectUnlock(value);
    }
    g_rw_lock_reader_unlock(&list->lock);
    return found;
}

void
virObjListSwap(virObjList *a, virObjList *b)
{
    GHashTable **index;
    GHashTable *keys;

    if (a == b || a->nkeys != b->nkeys)
        return;
    /* a fixed order between the two lists' locks */
    if (a > b) {
        virObjList *tmp = a;

        a = b;
        b = tmp;
    }
    g_rw_lock_writer_lock(&a->lock);
    g_rw_lock_writer_lock(&b->lock);
    index = a->index;
    a->index = b->index;
    b->index = index;
    keys = a->keys;
    a->keys = b->keys;
    b->keys = keys;
    g_rw_lock_writer_unlock(&b->lock);
    g_rw_lock_writer_unlock(&a->lock);
}

void
virObjListEndAPI(void *objptr)
{
    void **obj = objptr;

    if (!*obj)
        return;
    virObjectUnlock(*obj);
    g_clear_pointer(obj, virObjectUnref);
}
