/*
 * virstorageobj.c: a driver's storage pool objects, their volumes and the
 * list holding the pools.
 */
#include "internal.h"
#include "util/viruuid.h"
#include "conf/virstorageobj.h"

#define VIR_FROM_THIS VIR_FROM_STORAGE

struct _virStoragePoolObjList {
    /* guards both tables (not the pools in them) */
    GRWLock lock;
    /* uuid (16 bytes, owned copy) -> virStoragePoolObj *, holding a reference */
    GHashTable *byUUID;
    /* name (owned copy) -> virStoragePoolObj *, holding a reference */
    GHashTable *byName;
};

static virClass *virStoragePoolObjClass;

static void
virStorageVolObjFree(void *opaque)
{
    virStorageVolObj *vol = opaque;

    if (vol->privateDataFree)
        vol->privateDataFree(vol->privateData);
    virStorageVolDefFree(vol->def);
    g_free(vol);
}

static void
virStoragePoolObjDispose(void *opaque)
{
    virStoragePoolObj *obj = opaque;

    /* the key and path tables borrow what the name table owns */
    g_hash_table_unref(obj->volsByKey);
    g_hash_table_unref(obj->volsByPath);
    g_hash_table_unref(obj->volsByName);
    virStoragePoolDefFree(obj->def);
    virStoragePoolDefFree(obj->newDef);
    g_free(obj->configFile);
}

static virStoragePoolObj *
virStoragePoolObjNew(void)
{
    static gsize once;
    virStoragePoolObj *obj;

    if (g_once_init_enter(&once)) {
        virStoragePoolObjClass = VIR_CLASS_NEW(virStoragePoolObj,
                                               virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    obj = virObjectLockableNew(virStoragePoolObjClass);
    obj->volsByName = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                            virStorageVolObjFree);
    obj->volsByKey = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    obj->volsByPath = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return obj;
}

virStoragePoolObjList *
virStoragePoolObjListNew(void)
{
    virStoragePoolObjList *pools = g_new0(virStoragePoolObjList, 1);

    g_rw_lock_init(&pools->lock);
    pools->byUUID = g_hash_table_new_full(virUUIDHash, virUUIDEqual, g_free,
                                          virObjectUnref);
    pools->byName = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          virObjectUnref);
    return pools;
}

void
virStoragePoolObjListFree(virStoragePoolObjList *pools)
{
    if (!pools)
        return;
    g_hash_table_unref(pools->byUUID);
    g_hash_table_unref(pools->byName);
    g_rw_lock_clear(&pools->lock);
    g_free(pools);
}

static virStoragePoolObj *
virStoragePoolObjLockRef(virStoragePoolObj *obj)
{
    if (!obj)
        return NULL;
    virObjectRef(obj);
    virObjectLock(obj);
    return obj;
}

virStoragePoolObj *
virStoragePoolObjListFindByUUID(virStoragePoolObjList *pools,
                                const unsigned char *uuid)
{
    virStoragePoolObj *obj;

    g_rw_lock_reader_lock(&pools->lock);
    obj = virStoragePoolObjLockRef(g_hash_table_lookup(pools->byUUID, uuid));
    g_rw_lock_reader_unlock(&pools->lock);
    return obj;
}

virStoragePoolObj *
virStoragePoolObjListFindByName(virStoragePoolObjList *pools, const char *name)
{
    virStoragePoolObj *obj;

    g_rw_lock_reader_lock(&pools->lock);
    obj = virStoragePoolObjLockRef(g_hash_table_lookup(pools->byName, name));
    g_rw_lock_reader_unlock(&pools->lock);
    return obj;
}

virStoragePoolObj *
virStoragePoolObjListSearch(virStoragePoolObjList *pools,
                            virStoragePoolObjMatchFunc match, void *opaque)
{
    GHashTableIter iter;
    gpointer value;
    virStoragePoolObj *found = NULL;

    g_rw_lock_reader_lock(&pools->lock);
    g_hash_table_iter_init(&iter, pools->byUUID);
    while (!found && g_hash_table_iter_next(&iter, NULL, &value)) {
        virStoragePoolObj *obj = value;

        virObjectLock(obj);
        if (!obj->removing && match(obj, opaque))
            found = virObjectRef(obj);
        else
            virObjectUnlock(obj);
    }
    g_rw_lock_reader_unlock(&pools->lock);
    return found;
}

/* ---- source conflicts (libvirt's virStoragePoolObjSourceFindDuplicate) ---- */

static bool
virStoragePoolSourceSameDevice(const virStoragePoolDef *a, const virStoragePoolDef *b)
{
    size_t i, j;

    for (i = 0; i < a->source.ndevice; i++) {
        for (j = 0; j < b->source.ndevice; j++) {
            if (STREQ(a->source.devices[i].path, b->source.devices[j].path))
                return true;
        }
    }
    return false;
}

static bool
virStoragePoolSourceSameHost(const virStoragePoolSource *pool,
                             const virStoragePoolSource *def)
{
    if (pool->nhost != 1 && def->nhost != 1)
        return false;
    if (pool->nhost == 0 || def->nhost == 0)
        return false;
    if (def->hosts[0].port && pool->hosts[0].port != def->hosts[0].port)
        return false;
    return STREQ(pool->hosts[0].name, def->hosts[0].name);
}

/* The number N of an adapter named 'hostN' or 'scsi_hostN'. */
static bool
virStorageSCSIHostNumber(const char *name, unsigned int *num)
{
    char *end;
    unsigned long val;

    if (!name)
        return false;
    if (g_str_has_prefix(name, "scsi_host"))
        name += strlen("scsi_");
    if (!g_str_has_prefix(name, "host") || !g_ascii_isdigit(name[4]))
        return false;
    errno = 0;
    val = strtoul(name + 4, &end, 10);
    if (errno || *end || val > UINT_MAX)
        return false;
    *num = val;
    return true;
}

static bool
virStorageAdapterPCIAddrEqual(const virStorageAdapterSCSIHost *a,
                              const virStorageAdapterSCSIHost *b)
{
    return a->parentaddr.domain == b->parentaddr.domain &&
           a->parentaddr.bus == b->parentaddr.bus &&
           a->parentaddr.slot == b->parentaddr.slot &&
           a->parentaddr.function == b->parentaddr.function &&
           a->unique_id == b->unique_id;
}

/* scsi pools: the same fc_host WWNs, the same PCI parent or the same host
 * number.  Host numbers behind a PCI parent or a vHBA are found through
 * sysfs in libvirt; without a host to ask, those never match here. */
static bool
virStoragePoolSourceSameAdapter(const virStorageAdapter *pool,
                                const virStorageAdapter *def)
{
    unsigned int a, b;

    if (pool->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST &&
        def->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST)
        return STREQ(pool->fchost.wwnn, def->fchost.wwnn) &&
               STREQ(pool->fchost.wwpn, def->fchost.wwpn);
    if (pool->type == VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST &&
        def->type == VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST) {
        if (pool->scsi_host.has_parent && def->scsi_host.has_parent &&
            virStorageAdapterPCIAddrEqual(&pool->scsi_host, &def->scsi_host))
            return true;
        if (pool->scsi_host.has_parent || def->scsi_host.has_parent)
            return false;
        return virStorageSCSIHostNumber(pool->scsi_host.name, &a) &&
               virStorageSCSIHostNumber(def->scsi_host.name, &b) && a == b;
    }
    if (pool->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST &&
        def->type == VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST &&
        !def->scsi_host.has_parent && pool->fchost.parent)
        return virStorageSCSIHostNumber(def->scsi_host.name, &a) &&
               virStorageSCSIHostNumber(pool->fchost.parent, &b) && a == b;
    if (pool->type == VIR_STORAGE_ADAPTER_TYPE_SCSI_HOST &&
        def->type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST &&
        !pool->scsi_host.has_parent && def->fchost.parent)
        return virStorageSCSIHostNumber(pool->scsi_host.name, &a) &&
               virStorageSCSIHostNumber(def->fchost.parent, &b) && a == b;
    return false;
}

static bool
virStoragePoolIsDeviceType(virStoragePoolType type)
{
    return type == VIR_STORAGE_POOL_ISCSI || type == VIR_STORAGE_POOL_FS ||
           type == VIR_STORAGE_POOL_LOGICAL || type == VIR_STORAGE_POOL_DISK ||
           type == VIR_STORAGE_POOL_ZFS;
}

/* Does the source of @def (a new definition) conflict with @pool's? */
static bool
virStoragePoolSourceConflicts(const virStoragePoolDef *pool, const virStoragePoolDef *def)
{
    const virStoragePoolSource *ps = &pool->source;
    const virStoragePoolSource *ds = &def->source;

    if (STREQ(pool->name, def->name))
        return false;     /* redefining the same pool */

    switch (pool->type) {
    case VIR_STORAGE_POOL_DIR:
        return def->type == pool->type && STREQ(pool->target.path, def->target.path);
    case VIR_STORAGE_POOL_GLUSTER:
        return def->type == pool->type && STREQ(ps->name, ds->name) &&
               STREQ_NULLABLE(ps->dir, ds->dir) && virStoragePoolSourceSameHost(ps, ds);
    case VIR_STORAGE_POOL_NETFS:
        return def->type == pool->type && STREQ(ps->dir, ds->dir) &&
               virStoragePoolSourceSameHost(ps, ds);
    case VIR_STORAGE_POOL_SCSI:
        return def->type == pool->type &&
               virStoragePoolSourceSameAdapter(&ps->adapter, &ds->adapter);
    case VIR_STORAGE_POOL_ISCSI:
        /* an iscsi pool conflicts only with an iscsi pool of its initiator */
        return def->type == VIR_STORAGE_POOL_ISCSI &&
               virStoragePoolSourceSameDevice(pool, def) &&
               STREQ_NULLABLE(ps->initiatorIqn, ds->initiatorIqn);
    case VIR_STORAGE_POOL_FS:
    case VIR_STORAGE_POOL_LOGICAL:
    case VIR_STORAGE_POOL_DISK:
    case VIR_STORAGE_POOL_ZFS:
        return virStoragePoolIsDeviceType(def->type) &&
               def->type != VIR_STORAGE_POOL_ISCSI &&
               virStoragePoolSourceSameDevice(pool, def);
    case VIR_STORAGE_POOL_SHEEPDOG:
        return def->type == pool->type && virStoragePoolSourceSameHost(ps, ds);
    case VIR_STORAGE_POOL_MPATH:
        /* one mpath pool per host */
        return def->type == pool->type;
    case VIR_STORAGE_POOL_VSTORAGE:
        return def->type == pool->type && STREQ(ps->name, ds->name);
    case VIR_STORAGE_POOL_ISCSI_DIRECT:
    case VIR_STORAGE_POOL_RBD:
    case VIR_STORAGE_POOL_LAST:
        break;
    }
    return false;
}

/* The list's lock held for writing. */
static int
virStoragePoolObjListCheckSource(virStoragePoolObjList *pools,
                                 const virStoragePoolDef *def)
{
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, pools->byUUID);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        virStoragePoolObj *obj = value;
        bool conflict;

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            conflict = virStoragePoolSourceConflicts(obj->def, def);
            if (conflict)
                virReportError(VIR_ERR_OPERATION_FAILED,
                               "Storage source conflict with pool: '%s'",
                               obj->def->name);
        }
        if (conflict)
            return -1;
    }
    return 0;
}

/* ---- add and remove ---- */

/* libvirt's virStoragePoolObjAssignDef */
static void
virStoragePoolObjAssignDef(virStoragePoolObj *obj, virStoragePoolDef **def,
                           unsigned int flags)
{
    if (obj->active || obj->starting) {
        virStoragePoolDefFree(obj->newDef);
        obj->newDef = g_steal_pointer(def);
        return;
    }
    if (!obj->newDef && (flags & VIR_STORAGE_POOL_OBJ_LIST_ADD_LIVE))
        obj->newDef = g_steal_pointer(&obj->def);
    virStoragePoolDefFree(obj->def);
    obj->def = g_steal_pointer(def);
}

/* The namesake of *@def (same UUID and name), locked and referenced, or
 * NULL; -1 on a mismatch.  The list's lock held for writing. */
static int
virStoragePoolObjListFindDuplicate(virStoragePoolObjList *pools,
                                   const virStoragePoolDef *def, bool checkLive,
                                   virStoragePoolObj **dup)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virStoragePoolObj *obj;

    *dup = NULL;
    if (!(obj = virStoragePoolObjLockRef(g_hash_table_lookup(pools->byUUID, def->uuid)))) {
        virStoragePoolObj *other = g_hash_table_lookup(pools->byName, def->name);

        if (!other)
            return 0;
        /* the uuid is immutable while the pool is listed */
        virReportError(VIR_ERR_OPERATION_FAILED, "pool '%s' already exists with uuid %s",
                       def->name, virUUIDFormat(other->def->uuid, uuidstr));
        return -1;
    }
    if (STRNEQ(obj->def->name, def->name)) {
        virReportError(VIR_ERR_OPERATION_FAILED, "pool '%s' is already defined with uuid %s",
                       obj->def->name, virUUIDFormat(obj->def->uuid, uuidstr));
        goto error;
    }
    if (checkLive && obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "pool is already active as '%s'",
                       obj->def->name);
        goto error;
    }
    if (checkLive && obj->starting) {
        virReportError(VIR_ERR_OPERATION_INVALID, "pool '%s' is starting up",
                       obj->def->name);
        goto error;
    }
    *dup = obj;
    return 0;

 error:
    virStoragePoolObjEndAPI(&obj);
    return -1;
}

virStoragePoolObj *
virStoragePoolObjListAdd(virStoragePoolObjList *pools, virStoragePoolDef **def,
                         unsigned int flags)
{
    virStoragePoolObj *obj = NULL;

    g_rw_lock_writer_lock(&pools->lock);
    if (virStoragePoolObjListCheckSource(pools, *def) < 0 ||
        virStoragePoolObjListFindDuplicate(pools, *def,
                                           !!(flags & VIR_STORAGE_POOL_OBJ_LIST_ADD_CHECK_LIVE),
                                           &obj) < 0) {
        g_rw_lock_writer_unlock(&pools->lock);
        return NULL;
    }
    if (obj) {
        virStoragePoolObjAssignDef(obj, def, flags);
    } else {
        obj = virStoragePoolObjNew();
        obj->def = g_steal_pointer(def);
        g_hash_table_insert(pools->byUUID, g_memdup2(obj->def->uuid, VIR_UUID_BUFLEN),
                            virObjectRef(obj));
        g_hash_table_insert(pools->byName, g_strdup(obj->def->name), virObjectRef(obj));
        virObjectLock(obj);
    }
    g_rw_lock_writer_unlock(&pools->lock);
    return obj;
}

void
virStoragePoolObjListRemove(virStoragePoolObjList *pools, virStoragePoolObj *obj)
{
    g_autofree char *name = g_strdup(obj->def->name);
    unsigned char uuid[VIR_UUID_BUFLEN];

    memcpy(uuid, obj->def->uuid, VIR_UUID_BUFLEN);
    obj->removing = true;
    /* lock order: list before pool */
    virObjectUnlock(obj);
    g_rw_lock_writer_lock(&pools->lock);
    virObjectLock(obj);
    if (g_hash_table_lookup(pools->byUUID, uuid) == obj)
        g_hash_table_remove(pools->byUUID, uuid);
    if (g_hash_table_lookup(pools->byName, name) == obj)
        g_hash_table_remove(pools->byName, name);
    g_rw_lock_writer_unlock(&pools->lock);
}

size_t
virStoragePoolObjListCount(virStoragePoolObjList *pools)
{
    size_t n;

    g_rw_lock_reader_lock(&pools->lock);
    n = g_hash_table_size(pools->byUUID);
    g_rw_lock_reader_unlock(&pools->lock);
    return n;
}

/* ---- listing ---- */

/* pool type -> its VIR_CONNECT_LIST_STORAGE_POOLS_<TYPE> bit */
static const unsigned int virStoragePoolTypeFilter[VIR_STORAGE_POOL_LAST] = {
    [VIR_STORAGE_POOL_DIR] = VIR_CONNECT_LIST_STORAGE_POOLS_DIR,
    [VIR_STORAGE_POOL_FS] = VIR_CONNECT_LIST_STORAGE_POOLS_FS,
    [VIR_STORAGE_POOL_NETFS] = VIR_CONNECT_LIST_STORAGE_POOLS_NETFS,
    [VIR_STORAGE_POOL_LOGICAL] = VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL,
    [VIR_STORAGE_POOL_DISK] = VIR_CONNECT_LIST_STORAGE_POOLS_DISK,
    [VIR_STORAGE_POOL_ISCSI] = VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI,
    [VIR_STORAGE_POOL_ISCSI_DIRECT] = VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT,
    [VIR_STORAGE_POOL_SCSI] = VIR_CONNECT_LIST_STORAGE_POOLS_SCSI,
    [VIR_STORAGE_POOL_MPATH] = VIR_CONNECT_LIST_STORAGE_POOLS_MPATH,
    [VIR_STORAGE_POOL_RBD] = VIR_CONNECT_LIST_STORAGE_POOLS_RBD,
    [VIR_STORAGE_POOL_SHEEPDOG] = VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG,
    [VIR_STORAGE_POOL_GLUSTER] = VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER,
    [VIR_STORAGE_POOL_ZFS] = VIR_CONNECT_LIST_STORAGE_POOLS_ZFS,
    [VIR_STORAGE_POOL_VSTORAGE] = VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE,
};

#define TYPE_FILTERS (VIR_CONNECT_LIST_STORAGE_POOLS_FILTERS_ALL & ~0x3fU)

/* Either of the pair's bits asked for, and the one matching @value given. */
static bool
virStoragePoolMatchPair(unsigned int filter, unsigned int yes, unsigned int no,
                        bool value)
{
    if (!(filter & (yes | no)))
        return true;
    return ((filter & yes) && value) || ((filter & no) && !value);
}

bool
virStoragePoolObjMatchFilter(virStoragePoolObj *obj, unsigned int filter)
{
    if (!virStoragePoolMatchPair(filter, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE,
                                 VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE, obj->active) ||
        !virStoragePoolMatchPair(filter, VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT,
                                 VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT,
                                 obj->configFile != NULL) ||
        !virStoragePoolMatchPair(filter, VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART,
                                 VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART, obj->autostart))
        return false;
    if ((filter & TYPE_FILTERS) &&
        !(filter & virStoragePoolTypeFilter[obj->def->type]))
        return false;
    return true;
}

GPtrArray *
virStoragePoolObjListCollect(virStoragePoolObjList *pools, unsigned int filter)
{
    GPtrArray *ret = g_ptr_array_new_with_free_func(virObjectUnref);
    GHashTableIter iter;
    gpointer value;

    g_rw_lock_reader_lock(&pools->lock);
    g_hash_table_iter_init(&iter, pools->byUUID);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        virStoragePoolObj *obj = value;

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            if (!obj->removing && virStoragePoolObjMatchFilter(obj, filter))
                g_ptr_array_add(ret, virObjectRef(obj));
        }
    }
    g_rw_lock_reader_unlock(&pools->lock);
    return ret;
}

void
virStoragePoolObjEndAPI(virStoragePoolObj **obj)
{
    if (!*obj)
        return;
    virObjectUnlock(*obj);
    g_clear_pointer(obj, virObjectUnref);
}

bool
virStoragePoolObjIsAutostart(virStoragePoolObj *obj)
{
    return obj->configFile && obj->autostart;
}

/* ---- volumes ---- */

virStorageVolObj *
virStoragePoolObjAddVol(virStoragePoolObj *obj, virStorageVolDef **def)
{
    virStorageVolDef *d = *def;
    virStorageVolObj *vol;

    if (!d->key || !d->name || !d->target.path ||
        g_hash_table_contains(obj->volsByKey, d->key) ||
        g_hash_table_contains(obj->volsByName, d->name) ||
        g_hash_table_contains(obj->volsByPath, d->target.path))
        return NULL;
    vol = g_new0(virStorageVolObj, 1);
    vol->def = g_steal_pointer(def);
    g_hash_table_insert(obj->volsByName, g_strdup(d->name), vol);
    g_hash_table_insert(obj->volsByKey, g_strdup(d->key), vol);
    g_hash_table_insert(obj->volsByPath, g_strdup(d->target.path), vol);
    return vol;
}

void
virStoragePoolObjRemoveVol(virStoragePoolObj *obj, virStorageVolObj *vol)
{
    g_hash_table_remove(obj->volsByKey, vol->def->key);
    g_hash_table_remove(obj->volsByPath, vol->def->target.path);
    /* frees @vol */
    g_hash_table_remove(obj->volsByName, vol->def->name);
}

virStorageVolObj *
virStoragePoolObjFindVolByName(virStoragePoolObj *obj, const char *name)
{
    return g_hash_table_lookup(obj->volsByName, name);
}

virStorageVolObj *
virStoragePoolObjFindVolByKey(virStoragePoolObj *obj, const char *key)
{
    return g_hash_table_lookup(obj->volsByKey, key);
}

virStorageVolObj *
virStoragePoolObjFindVolByPath(virStoragePoolObj *obj, const char *path)
{
    return g_hash_table_lookup(obj->volsByPath, path);
}

size_t
virStoragePoolObjNumOfVols(virStoragePoolObj *obj)
{
    return g_hash_table_size(obj->volsByName);
}

GPtrArray *
virStoragePoolObjGetVols(virStoragePoolObj *obj)
{
    GPtrArray *ret = g_ptr_array_new();
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, obj->volsByName);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(ret, value);
    return ret;
}
