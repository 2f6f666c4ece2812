/*
 * virobjlist.h: a driver's set of lockable objects (networks, node
 * devices, secrets, ...), indexed by one or more string keys.
 *
 * Index 0 is the primary one: every object is in it, and collections
 * walk it.  The other indexes are optional per object (a NULL key leaves
 * the object out of that index).  An object's keys are fixed while it is
 * listed.
 *
 * The list's read/write lock guards the indexes, never the objects.
 * Lock order: the list before any object.  A thread holding an object's
 * lock takes the list's lock only through virObjListRemove, which drops
 * the object lock first.  Lookups return the object locked and with a
 * new reference (STYLE P8); the family's EndAPI releases both.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"

typedef struct _virObjList virObjList;

/* An empty list with @nkeys indexes (at least 1). */
virObjList *virObjListNew(size_t nkeys);
void virObjListFree(virObjList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virObjList, virObjListFree);

/* The object whose key @key is @value, locked and referenced; NULL (no
 * error set) if there is none. */
void *virObjListFind(virObjList *list, size_t key, const char *value);

/*
 * Checks and insertions that must not race (a name and a UUID both
 * unused) run under the list's write lock:
 *
 *   virObjListLockWrite(list);
 *   if (!virObjListPeek(list, 0, uuid) && !virObjListPeek(list, 1, name))
 *       virObjListInsert(list, obj, keys);
 *   virObjListUnlockWrite(list);
 */
void virObjListLockWrite(virObjList *list);
void virObjListUnlockWrite(virObjList *list);

/* Under the write lock: the object indexed by @value in @key, borrowed
 * (neither locked nor referenced: valid until the lock is dropped). */
void *virObjListPeek(virObjList *list, size_t key, const char *value);

/* Under the write lock: the first object @filter (called with the object
 * locked) accepts, borrowed as with virObjListPeek. */
void *virObjListPeekSearch(virObjList *list, bool (*filter)(void *obj, void *opaque),
                           void *opaque);

/* Under the write lock: index @obj by @keys (one string per index,
 * @keys[0] required and unused in index 0); the list takes a reference. */
void virObjListInsert(virObjList *list, void *obj, const char *const *keys);

/* Take @obj (locked by the caller, who keeps its lock and reference) out
 * of every index; false if it was no longer listed. */
bool virObjListRemove(virObjList *list, void *obj);

/* Called with the object locked. */
typedef bool (*virObjListFilter)(void *obj, void *opaque);

/* The objects @filter (NULL: all) accepts, in primary-index order, each
 * referenced but not locked; free with g_ptr_array_unref. */
GPtrArray *virObjListCollect(virObjList *list, virObjListFilter filter,
                             void *opaque);

/* How many objects @filter (NULL: all) accepts. */
size_t virObjListCount(virObjList *list, virObjListFilter filter, void *opaque);

/* The first object @filter accepts, locked and referenced, or NULL. */
void *virObjListSearch(virObjList *list, virObjListFilter filter, void *opaque);

/* Exchange the contents of two lists with the same number of indexes
 * (for a transaction's rollback). */
void virObjListSwap(virObjList *a, virObjList *b);

/* Unlock and unref *@obj and clear it; nothing for NULL. */
void virObjListEndAPI(void *objptr);
