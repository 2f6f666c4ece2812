/*
 * virstorageobj.h: a storage pool as a driver keeps it (virStoragePoolObj),
 * with its volumes, and the driver's list of pools (virStoragePoolObjList).
 *
 * Lock order: the list's lock before any pool's lock.  A thread holding a
 * pool's lock never takes the list's lock (Remove drops the pool lock
 * first).  Lookups return the pool locked and referenced;
 * virStoragePoolObjEndAPI unlocks and unrefs it.  A pool's volumes have no
 * lock of their own: the pool's lock guards them.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"
#include "conf/storage_vol_conf.h"

/* Every VIR_CONNECT_LIST_STORAGE_POOLS_* filter bit. */
#define VIR_CONNECT_LIST_STORAGE_POOLS_FILTERS_ALL ((1U << 20) - 1)

/* A volume of a pool; owned by the pool, valid while the pool is locked. */
typedef struct _virStorageVolObj virStorageVolObj;
struct _virStorageVolObj {
    virStorageVolDef *def;
    void *privateData;              /* the driver's, freed with the volume */
    GDestroyNotify privateDataFree;
};

typedef struct _virStoragePoolObj virStoragePoolObj;
struct _virStoragePoolObj {
    virObjectLockable parent;

    /* all fields below: guarded by the object lock */
    virStoragePoolDef *def;         /* the running (or only) definition */
    virStoragePoolDef *newDef;      /* a definition given while running */
    char *configFile;               /* NULL: transient */
    bool active;
    bool starting;
    bool autostart;
    bool removing;                  /* on its way out of the list */
    unsigned int asyncjobs;
    GHashTable *volsByName;         /* name -> virStorageVolObj * (owned) */
    GHashTable *volsByKey;          /* key -> the same, not owned */
    GHashTable *volsByPath;         /* target path -> the same, not owned */
};

typedef struct _virStoragePoolObjList virStoragePoolObjList;

virStoragePoolObjList *virStoragePoolObjListNew(void);
void virStoragePoolObjListFree(virStoragePoolObjList *pools);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virStoragePoolObjList, virStoragePoolObjListFree);

/* Lookups: the pool locked and referenced, or NULL (no error set). */
virStoragePoolObj *virStoragePoolObjListFindByUUID(virStoragePoolObjList *pools,
                                                   const unsigned char *uuid);
virStoragePoolObj *virStoragePoolObjListFindByName(virStoragePoolObjList *pools,
                                                   const char *name);

/* The first pool for which @match (called with the pool locked) is true,
 * locked and referenced; NULL if none. */
typedef bool (*virStoragePoolObjMatchFunc)(virStoragePoolObj *obj, void *opaque);
virStoragePoolObj *virStoragePoolObjListSearch(virStoragePoolObjList *pools,
                                               virStoragePoolObjMatchFunc match,
                                               void *opaque);

typedef enum {
    VIR_STORAGE_POOL_OBJ_LIST_ADD_LIVE = 1 << 0,        /* @def is a live definition */
    VIR_STORAGE_POOL_OBJ_LIST_ADD_CHECK_LIVE = 1 << 1,  /* refuse a running namesake */
} virStoragePoolObjListAddFlags;

/*
 * Add *@def, or assign it to the pool with the same name and UUID (as
 * the next definition while that pool runs).  Refuses, with libvirt's
 * errors, a name or UUID used by another pool and a source another pool
 * already uses.  On success *@def is stolen and the pool is returned
 * locked and referenced.
 */
virStoragePoolObj *virStoragePoolObjListAdd(virStoragePoolObjList *pools,
                                            virStoragePoolDef **def,
                                            unsigned int flags);

/* Take @obj (locked, referenced by the caller) out of the list; it is
 * still locked and the caller's reference still held on return. */
void virStoragePoolObjListRemove(virStoragePoolObjList *pools,
                                 virStoragePoolObj *obj);

/* How many pools the list holds, whatever their state. */
size_t virStoragePoolObjListCount(virStoragePoolObjList *pools);

/* Pools matching the VIR_CONNECT_LIST_STORAGE_POOLS_* @filter, each
 * referenced (not locked); free the array with g_ptr_array_unref. */
GPtrArray *virStoragePoolObjListCollect(virStoragePoolObjList *pools,
                                        unsigned int filter);

/* Does @obj (locked) match @filter? */
bool virStoragePoolObjMatchFilter(virStoragePoolObj *obj, unsigned int filter);

void virStoragePoolObjEndAPI(virStoragePoolObj **obj);

/* As libvirt: a pool without a config file never autostarts. */
bool virStoragePoolObjIsAutostart(virStoragePoolObj *obj);

/* ---- volumes (the pool locked) ---- */

/* Add *@def (stolen on success).  -1, with no error reported (as in
 * libvirt), when it lacks a name, key or path or one of them is taken. */
virStorageVolObj *virStoragePoolObjAddVol(virStoragePoolObj *obj,
                                          virStorageVolDef **def);
void virStoragePoolObjRemoveVol(virStoragePoolObj *obj, virStorageVolObj *vol);

virStorageVolObj *virStoragePoolObjFindVolByName(virStoragePoolObj *obj,
                                                 const char *name);
virStorageVolObj *virStoragePoolObjFindVolByKey(virStoragePoolObj *obj,
                                                const char *key);
virStorageVolObj *virStoragePoolObjFindVolByPath(virStoragePoolObj *obj,
                                                 const char *path);

size_t virStoragePoolObjNumOfVols(virStoragePoolObj *obj);

/* The pool's volumes (virStorageVolObj *, not owned), valid while the pool
 * stays locked; free the array with g_ptr_array_unref. */
GPtrArray *virStoragePoolObjGetVols(virStoragePoolObj *obj);
