/*
 * test_storage_vol.c: the test driver's storage volumes, with their
 * contents in memory (test_vol_data.h).
 *
 * What libvirt's test driver has (create, clone, delete, info, XML, path,
 * lookups, listing) behaves as there: a volume's path is its pool's
 * target path and its name, its key is its path, and the pool's
 * allocation is the sum of its volumes' allocations.  What it lacks
 * (wipe, resize, info flags, upload, download) follows libvirt's storage
 * driver and the backend of the pool's type, on the volume's contents:
 * a file-system pool's volume is a sparse file whose allocation and (raw)
 * size are read again after a wipe or an upload, as libvirt refreshes
 * them; other pools' volumes are devices of a fixed size.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virxml.h"
#include "test/test_private.h"
#include "test/test_stream.h"
#include "test/test_vol_data.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* How a backend wipes (libvirt's storage_backend_*.c) */
typedef enum {
    TEST_WIPE_NONE = 0,     /* no wipeVol */
    TEST_WIPE_LOCAL,        /* a local file or device: zeros, or scrub's patterns */
    TEST_WIPE_RBD,          /* zero or trim the whole image */
    TEST_WIPE_ZERO_ONLY,    /* iscsi-direct: zeros over the whole LUN */
} testWipeKind;

/* What libvirt's storage backend of each pool type can do to a volume */
typedef struct {
    bool upload;
    bool download;
    bool resize;
    testWipeKind wipe;
    bool files;             /* volumes are files: sparse, refreshed from the file */
} testStorageBackend;

static const testStorageBackend testStorageBackends[VIR_STORAGE_POOL_LAST] = {
    [VIR_STORAGE_POOL_DIR] = { true, true, true, TEST_WIPE_LOCAL, true },
    [VIR_STORAGE_POOL_FS] = { true, true, true, TEST_WIPE_LOCAL, true },
    [VIR_STORAGE_POOL_NETFS] = { true, true, true, TEST_WIPE_LOCAL, true },
    [VIR_STORAGE_POOL_LOGICAL] = { true, true, false, TEST_WIPE_LOCAL, false },
    [VIR_STORAGE_POOL_DISK] = { true, true, false, TEST_WIPE_LOCAL, false },
    [VIR_STORAGE_POOL_ISCSI] = { true, true, false, TEST_WIPE_LOCAL, false },
    [VIR_STORAGE_POOL_ISCSI_DIRECT] = { false, false, false, TEST_WIPE_ZERO_ONLY, false },
    [VIR_STORAGE_POOL_SCSI] = { true, true, false, TEST_WIPE_LOCAL, false },
    [VIR_STORAGE_POOL_MPATH] = { true, true, false, TEST_WIPE_LOCAL, false },
    [VIR_STORAGE_POOL_RBD] = { false, false, true, TEST_WIPE_RBD, false },
    [VIR_STORAGE_POOL_SHEEPDOG] = { false, false, false, TEST_WIPE_NONE, false },
    [VIR_STORAGE_POOL_GLUSTER] = { false, false, false, TEST_WIPE_NONE, false },
    [VIR_STORAGE_POOL_ZFS] = { true, true, false, TEST_WIPE_NONE, false },
    [VIR_STORAGE_POOL_VSTORAGE] = { true, true, true, TEST_WIPE_LOCAL, true },
};

static testVolData *
testVolDataOf(virStorageVolObj *vol)
{
    return vol->privateData;
}

static virStorageVolObj *
testStorageVolDefFindByName(virStoragePoolObj *obj, const char *name)
{
    virStorageVolObj *vol = virStoragePoolObjFindVolByName(obj, name);

    if (!vol)
        virReportError(VIR_ERR_NO_STORAGE_VOL,
                       "no storage vol with matching name '%s'", name);
    return vol;
}

/* The running pool of @vol, locked and referenced, and the volume in it;
 * NULL with an error. */
static virStoragePoolObj *
testStorageVolObjFind(virStorageVolPtr vol, virStorageVolObj **volobj)
{
    virStoragePoolObj *obj;

    if (!(obj = testStoragePoolObjFindActiveByName(testDriverOf(vol->conn), vol->pool)))
        return NULL;
    if (!(*volobj = testStorageVolDefFindByName(obj, vol->name)))
        virStoragePoolObjEndAPI(&obj);
    return obj;
}

static virStorageVolPtr
testStorageVolHandle(virConnectPtr conn, virStoragePoolObj *obj, virStorageVolObj *vol)
{
    return virGetStorageVol(conn, obj->def->name, vol->def->name, vol->def->key,
                            NULL, NULL);
}

/*
 * Add *@def to @obj with @data as its contents (stolen on success; NULL:
 * a new volume whose allocation is preallocated zeros) and count its
 * allocation in the pool's.  NULL, with no error reported (as libvirt),
 * when its name, key or path is taken.
 */
static virStorageVolObj *
testStorageVolAttach(virStoragePoolObj *obj, virStorageVolDef **def, testVolData *data)
{
    unsigned long long capacity = (*def)->target.capacity;
    unsigned long long allocation = (*def)->target.allocation;
    virStorageVolObj *vol;

    if (!(vol = virStoragePoolObjAddVol(obj, def)))
        return NULL;
    if (!data) {
        data = testVolDataNew(capacity);
        testVolDataFill(data, 0, MIN(allocation, capacity), 0);
    }
    vol->privateData = data;
    vol->privateDataFree = virObjectUnref;
    obj->def->allocation += allocation;
    obj->def->available = obj->def->capacity - obj->def->allocation;
    return vol;
}

/*
 * Read a file-system volume's allocation and (raw) size from its
 * contents again, as libvirt does after a wipe or an upload, keeping the
 * pool's allocation the sum of its volumes'.
 */
static void
testStorageVolRefresh(virStoragePoolObj *obj, virStorageVolObj *vol)
{
    virStorageVolTarget *target = &vol->def->target;
    unsigned long long allocation;

    if (!testStorageBackends[obj->def->type].files)
        return;
    allocation = testVolDataAllocated(testVolDataOf(vol));
    if (target->format == VIR_STORAGE_FILE_RAW || target->format == VIR_STORAGE_FILE_NONE)
        target->capacity = testVolDataLength(testVolDataOf(vol));
    obj->def->allocation = obj->def->allocation - target->allocation + allocation;
    obj->def->available = obj->def->capacity - obj->def->allocation;
    target->allocation = allocation;
}

/* ---- listing and lookups ---- */

static int
testStoragePoolNumOfVolumes(virStoragePoolPtr pool)
{
    virStoragePoolObj *obj;
    int ret;

    if (!(obj = testStoragePoolObjFindActiveByName(testDriverOf(pool->conn), pool->name)))
        return -1;
    ret = virStoragePoolObjNumOfVols(obj);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static int
testStoragePoolListVolumes(virStoragePoolPtr pool, char **const names, int maxnames)
{
    g_autoptr(GPtrArray) vols = NULL;
    virStoragePoolObj *obj;
    int n;

    if (!(obj = testStoragePoolObjFindActiveByName(testDriverOf(pool->conn), pool->name)))
        return -1;
    vols = virStoragePoolObjGetVols(obj);
    for (n = 0; n < (int)vols->len && n < maxnames; n++)
        names[n] = g_strdup(((virStorageVolObj *)g_ptr_array_index(vols, n))->def->name);
    virStoragePoolObjEndAPI(&obj);
    return n;
}

static int
testStoragePoolListAllVolumes(virStoragePoolPtr pool, virStorageVolPtr **vols,
                              unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    virStoragePoolObj *obj;
    virStorageVolPtr *ret;
    int n = -1;
    size_t i;

    virCheckFlags(0, -1);

    if (!(obj = testStoragePoolObjFindByUUID(testDriverOf(pool->conn), pool->uuid)))
        return -1;
    if (!obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "storage pool is not active");
        goto cleanup;
    }
    objs = virStoragePoolObjGetVols(obj);
    n = objs->len;
    if (!vols)
        goto cleanup;
    ret = g_new0(virStorageVolPtr, objs->len + 1);
    for (i = 0; i < objs->len; i++) {
        if (!(ret[i] = testStorageVolHandle(pool->conn, obj, g_ptr_array_index(objs, i)))) {
            virObjectListFree(ret);
            n = -1;
            goto cleanup;
        }
    }
    *vols = ret;
 cleanup:
    virStoragePoolObjEndAPI(&obj);
    return n;
}

static virStorageVolPtr
testStorageVolLookupByName(virStoragePoolPtr pool, const char *name)
{
    virStoragePoolObj *obj;
    virStorageVolObj *vol;
    virStorageVolPtr ret = NULL;

    if (!(obj = testStoragePoolObjFindActiveByName(testDriverOf(pool->conn), pool->name)))
        return NULL;
    if ((vol = testStorageVolDefFindByName(obj, name)))
        ret = testStorageVolHandle(pool->conn, obj, vol);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

typedef struct {
    const char *key;
    const char *path;
    virStorageVolObj *found;
} testStorageVolSearch;

static bool
testStorageVolSearchPool(virStoragePoolObj *obj, void *opaque)
{
    testStorageVolSearch *search = opaque;

    if (!obj->active)
        return false;
    search->found = search->key ? virStoragePoolObjFindVolByKey(obj, search->key) :
                                  virStoragePoolObjFindVolByPath(obj, search->path);
    return search->found != NULL;
}

/* The first running pool's volume with @search's key or path. */
static virStorageVolPtr
testStorageVolLookupBy(virConnectPtr conn, testStorageVolSearch *search)
{
    virStoragePoolObj *obj;
    virStorageVolPtr ret;

    if (!(obj = virStoragePoolObjListSearch(testDriverOf(conn)->pools,
                                            testStorageVolSearchPool, search)))
        return NULL;
    ret = testStorageVolHandle(conn, obj, search->found);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static virStorageVolPtr
testStorageVolLookupByKey(virConnectPtr conn, const char *key)
{
    testStorageVolSearch search = { .key = key };
    virStorageVolPtr ret = testStorageVolLookupBy(conn, &search);

    if (!ret)
        virReportError(VIR_ERR_NO_STORAGE_VOL, "no storage vol with matching key '%s'", key);
    return ret;
}

static virStorageVolPtr
testStorageVolLookupByPath(virConnectPtr conn, const char *path)
{
    testStorageVolSearch search = { .path = path };
    virStorageVolPtr ret = testStorageVolLookupBy(conn, &search);

    if (!ret)
        virReportError(VIR_ERR_NO_STORAGE_VOL, "no storage vol with matching path '%s'",
                       path);
    return ret;
}

/* ---- create, clone, delete ---- */

/* Parse a new volume of @obj (locked); NULL with an error if the
 * document is bad or the name taken. */
static virStorageVolDef *
testStorageVolParseNew(virStoragePoolObj *obj, const char *xml, unsigned int flags)
{
    g_autoptr(virStorageVolDef) def = NULL;

    if (!(def = virStorageVolDefParseString(obj->def, xml,
                                            (flags & VIR_STORAGE_VOL_CREATE_VALIDATE) ?
                                            VIR_VOL_XML_PARSE_VALIDATE : 0)))
        return NULL;
    if (virStoragePoolObjFindVolByName(obj, def->name)) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s", "storage vol already exists");
        return NULL;
    }
    return g_steal_pointer(&def);
}

/* Place *@def in @obj (path and key from the pool) if it fits. */
static virStorageVolPtr
testStorageVolPlace(virConnectPtr conn, virStoragePoolObj *obj, virStorageVolDef **def,
                    testVolData *data)
{
    virStorageVolDef *d = *def;
    virStorageVolObj *vol;

    if (obj->def->allocation + d->target.allocation > obj->def->capacity) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Not enough free space in pool for volume '%s'", d->name);
        return NULL;
    }
    g_free(d->target.path);
    d->target.path = g_strdup_printf("%s/%s", obj->def->target.path, d->name);
    g_free(d->key);
    d->key = g_strdup(d->target.path);
    if (!(vol = testStorageVolAttach(obj, def, data)))
        return NULL;
    return testStorageVolHandle(conn, obj, vol);
}

static virStorageVolPtr
testStorageVolCreateXML(virStoragePoolPtr pool, const char *xmldesc, unsigned int flags)
{
    g_autoptr(virStorageVolDef) def = NULL;
    virStoragePoolObj *obj;
    virStorageVolPtr ret = NULL;

    virCheckFlags(VIR_STORAGE_VOL_CREATE_VALIDATE, NULL);

    if (!(obj = testStoragePoolObjFindActiveByName(testDriverOf(pool->conn), pool->name)))
        return NULL;
    if ((def = testStorageVolParseNew(obj, xmldesc, flags)))
        ret = testStorageVolPlace(pool->conn, obj, &def, NULL);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

/* A copy of the contents of volume @name of pool @pool, or NULL. */
static testVolData *
testStorageVolContentsOf(testDriver *drv, const char *pool, const char *name)
{
    virStoragePoolObj *obj = virStoragePoolObjListFindByName(drv->pools, pool);
    virStorageVolObj *vol;
    testVolData *ret = NULL;

    if (!obj)
        return NULL;
    if ((vol = virStoragePoolObjFindVolByName(obj, name)))
        ret = testVolDataCopy(testVolDataOf(vol));
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static virStorageVolPtr
testStorageVolCreateXMLFrom(virStoragePoolPtr pool, const char *xmldesc,
                            virStorageVolPtr clonevol, unsigned int flags)
{
    testDriver *drv = testDriverOf(pool->conn);
    g_autoptr(virStorageVolDef) def = NULL;
    virStoragePoolObj *obj;
    virStorageVolObj *orig;
    testVolData *data = NULL;
    virStorageVolPtr ret = NULL;

    virCheckFlags(VIR_STORAGE_VOL_CREATE_VALIDATE, NULL);

    /* the bytes to clone, taken before the target pool is locked */
    data = testStorageVolContentsOf(drv, clonevol->pool, clonevol->name);
    if (!(obj = testStoragePoolObjFindActiveByName(drv, pool->name)))
        goto cleanup;
    if (!(def = testStorageVolParseNew(obj, xmldesc, flags)))
        goto cleanup;
    /* as libvirt's test driver: the source is looked for in this pool */
    if (!(orig = virStoragePoolObjFindVolByName(obj, clonevol->name))) {
        virReportError(VIR_ERR_NO_STORAGE_VOL, "no storage vol with matching name '%s'",
                       clonevol->name);
        goto cleanup;
    }
    if (!data)
        data = testVolDataCopy(testVolDataOf(orig));
    testVolDataTruncate(data, def->target.capacity);
    if ((ret = testStorageVolPlace(pool->conn, obj, &def, data)))
        data = NULL;
 cleanup:
    virObjectUnref(data);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static int
testStorageVolDelete(virStorageVolPtr vol, unsigned int flags)
{
    virStoragePoolObj *obj;
    virStorageVolObj *volobj;

    virCheckFlags(0, -1);

    if (!(obj = testStorageVolObjFind(vol, &volobj)))
        return -1;
    obj->def->allocation -= volobj->def->target.allocation;
    obj->def->available = obj->def->capacity - obj->def->allocation;
    virStoragePoolObjRemoveVol(obj, volobj);
    virStoragePoolObjEndAPI(&obj);
    return 0;
}

/* ---- queries ---- */

static int
testStorageVolumeTypeForPool(int pooltype)
{
    switch ((virStoragePoolType)pooltype) {
    case VIR_STORAGE_POOL_DIR:
    case VIR_STORAGE_POOL_FS:
    case VIR_STORAGE_POOL_NETFS:
    case VIR_STORAGE_POOL_VSTORAGE:
        return VIR_STORAGE_VOL_FILE;
    case VIR_STORAGE_POOL_SHEEPDOG:
    case VIR_STORAGE_POOL_ISCSI_DIRECT:
    case VIR_STORAGE_POOL_GLUSTER:
    case VIR_STORAGE_POOL_RBD:
        return VIR_STORAGE_VOL_NETWORK;
    case VIR_STORAGE_POOL_LOGICAL:
    case VIR_STORAGE_POOL_DISK:
    case VIR_STORAGE_POOL_MPATH:
    case VIR_STORAGE_POOL_ISCSI:
    case VIR_STORAGE_POOL_SCSI:
    case VIR_STORAGE_POOL_ZFS:
        return VIR_STORAGE_VOL_BLOCK;
    case VIR_STORAGE_POOL_LAST:
    default:
        virReportEnumRangeError(virStoragePoolType, pooltype);
        return -1;
    }
}

static int
testStorageVolGetInfoFlags(virStorageVolPtr vol, virStorageVolInfoPtr info,
                           unsigned int flags)
{
    virStoragePoolObj *obj;
    virStorageVolObj *volobj;
    int ret = -1;

    virCheckFlags(VIR_STORAGE_VOL_GET_PHYSICAL, -1);

    if (!(obj = testStorageVolObjFind(vol, &volobj)))
        return -1;
    memset(info, 0, sizeof(*info));
    if ((info->type = testStorageVolumeTypeForPool(obj->def->type)) < 0)
        goto cleanup;
    info->capacity = volobj->def->target.capacity;
    info->allocation = volobj->def->target.allocation;
    if (flags & VIR_STORAGE_VOL_GET_PHYSICAL) {
        /* a file's size; a device's is its capacity */
        info->allocation = testStorageBackends[obj->def->type].files ?
                           testVolDataLength(testVolDataOf(volobj)) :
                           volobj->def->target.capacity;
    }
    ret = 0;
 cleanup:
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static int
testStorageVolGetInfo(virStorageVolPtr vol, virStorageVolInfoPtr info)
{
    return testStorageVolGetInfoFlags(vol, info, 0);
}

static char *
testStorageVolGetXMLDesc(virStorageVolPtr vol, unsigned int flags)
{
    virStoragePoolObj *obj;
    virStorageVolObj *volobj;
    char *ret;

    virCheckFlags(0, NULL);

    if (!(obj = testStorageVolObjFind(vol, &volobj)))
        return NULL;
    ret = virStorageVolDefFormat(obj->def, volobj->def);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static char *
testStorageVolGetPath(virStorageVolPtr vol)
{
    virStoragePoolObj *obj;
    virStorageVolObj *volobj;
    char *ret;

    if (!(obj = testStorageVolObjFind(vol, &volobj)))
        return NULL;
    ret = g_strdup(volobj->def->target.path);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

/* ---- wipe ---- */

/* What scrub(1) leaves after its last pass: a byte, or -1 for random. */
static const int testWipeLastPass[VIR_STORAGE_VOL_WIPE_ALG_LAST] = {
    [VIR_STORAGE_VOL_WIPE_ALG_ZERO] = 0x00,
    [VIR_STORAGE_VOL_WIPE_ALG_NNSA] = 0x00,     /* random x2, 0x00 */
    [VIR_STORAGE_VOL_WIPE_ALG_DOD] = 0xff,      /* random, 0x00, 0xff */
    [VIR_STORAGE_VOL_WIPE_ALG_BSI] = 0x7f,      /* 0xff, 0xfe, ... 0x7f */
    [VIR_STORAGE_VOL_WIPE_ALG_GUTMANN] = -1,
    [VIR_STORAGE_VOL_WIPE_ALG_SCHNEIER] = -1,   /* 0x00, 0xff, random x5 */
    [VIR_STORAGE_VOL_WIPE_ALG_PFITZNER7] = -1,
    [VIR_STORAGE_VOL_WIPE_ALG_PFITZNER33] = -1,
    [VIR_STORAGE_VOL_WIPE_ALG_RANDOM] = -1,
};

static void
testWipePattern(testVolData *data, unsigned long long len, unsigned int algorithm)
{
    if (testWipeLastPass[algorithm] < 0)
        testVolDataRandom(data, 0, len);
    else
        testVolDataFill(data, 0, len, testWipeLastPass[algorithm]);
}

/* libvirt's local wipe: a sparse file is cut to nothing and grown back,
 * anything else gets its allocation zeroed; patterns are scrub's. */
static int
testStorageVolWipeLocal(virStoragePoolObj *obj, virStorageVolObj *vol,
                        unsigned int algorithm)
{
    testVolData *data = testVolDataOf(vol);
    unsigned long long len = testVolDataLength(data);

    if (algorithm == VIR_STORAGE_VOL_WIPE_ALG_TRIM) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "'trim' algorithm not supported");
        return -1;
    }
    if (algorithm != VIR_STORAGE_VOL_WIPE_ALG_ZERO) {
        testWipePattern(data, len, algorithm);
    } else if (testStorageBackends[obj->def->type].files &&
               testVolDataAllocated(data) < len) {
        testVolDataTruncate(data, 0);
        testVolDataTruncate(data, len);
    } else {
        testVolDataFill(data, 0, vol->def->target.allocation, 0);
    }
    return 0;
}

/* rbd and iscsi-direct wipe the whole image themselves */
static int
testStorageVolWipeImage(virStorageVolObj *vol, unsigned int algorithm, bool trim)
{
    testVolData *data = testVolDataOf(vol);
    unsigned long long len = testVolDataLength(data);

    if (algorithm == VIR_STORAGE_VOL_WIPE_ALG_ZERO) {
        testVolDataFill(data, 0, len, 0);
    } else if (trim && algorithm == VIR_STORAGE_VOL_WIPE_ALG_TRIM) {
        testVolDataPunch(data, 0, len);
    } else {
        virReportError(VIR_ERR_INVALID_ARG, "unsupported algorithm %d", (int)algorithm);
        return -1;
    }
    return 0;
}

static int
testStorageVolWipePattern(virStorageVolPtr vol, unsigned int algorithm, unsigned int flags)
{
    virStoragePoolObj *obj;
    virStorageVolObj *volobj;
    int ret = -1;

    virCheckFlags(0, -1);

    if (algorithm >= VIR_STORAGE_VOL_WIPE_ALG_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "wiping algorithm %d not supported",
                       (int)algorithm);
        return -1;
    }
    if (!(obj = testStorageVolObjFind(vol, &volobj)))
        return -1;
    switch (testStorageBackends[obj->def->type].wipe) {
    case TEST_WIPE_NONE:
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "storage pool doesn't support volume wiping");
        goto cleanup;
    case TEST_WIPE_LOCAL:
        ret = testStorageVolWipeLocal(obj, volobj, algorithm);
        break;
    case TEST_WIPE_RBD:
        ret = testStorageVolWipeImage(volobj, algorithm, true);
        break;
    case TEST_WIPE_ZERO_ONLY:
        ret = testStorageVolWipeImage(volobj, algorithm, false);
        break;
    }
    if (ret == 0)
        testStorageVolRefresh(obj, volobj);
 cleanup:
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static int
testStorageVolWipe(virStorageVolPtr vol, unsigned int flags)
{
    return testStorageVolWipePattern(vol, VIR_STORAGE_VOL_WIPE_ALG_ZERO, flags);
}

/* ---- resize ---- */

/* The backend's part (libvirt's virStorageBackendVolResizeLocal, or rbd's
 * resize, which takes no flags). */
static int
testStorageVolResizeBackend(virStoragePoolObj *obj, virStorageVolObj *vol,
                            unsigned long long capacity, unsigned int flags)
{
    virStorageVolTarget *target = &vol->def->target;
    bool prealloc = flags & VIR_STORAGE_VOL_RESIZE_ALLOCATE;

    if (obj->def->type == VIR_STORAGE_POOL_RBD) {
        if (flags) {
            virReportInvalidArg(flags, "unsupported flags (0x%x) in function %s",
                                flags, "virStorageBackendRBDResizeVol");
            return -1;
        }
        testVolDataTruncate(testVolDataOf(vol), capacity);
        return 0;
    }
    if (target->format == VIR_STORAGE_FILE_RAW && !target->encryption) {
        testVolDataTruncate(testVolDataOf(vol), capacity);
        if (prealloc)
            testVolDataAllocate(testVolDataOf(vol), 0, capacity);
        return 0;
    }
    if (prealloc) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       target->format == VIR_STORAGE_FILE_RAW ?
                       "preallocate is only supported for an unencrypted raw volume" :
                       "preallocate is only supported for raw type volume");
        return -1;
    }
    /* qemu-img resize: the image's virtual size, not its file */
    return 0;
}

static int
testStorageVolResize(virStorageVolPtr vol, unsigned long long capacity,
                     unsigned int flags)
{
    virStoragePoolObj *obj;
    virStorageVolObj *volobj;
    virStorageVolTarget *target;
    unsigned long long absCapacity = capacity;
    unsigned long long delta = 0;
    int ret = -1;

    virCheckFlags(VIR_STORAGE_VOL_RESIZE_ALLOCATE | VIR_STORAGE_VOL_RESIZE_DELTA |
                  VIR_STORAGE_VOL_RESIZE_SHRINK, -1);

    if (!(obj = testStorageVolObjFind(vol, &volobj)))
        return -1;
    target = &volobj->def->target;
    if (flags & VIR_STORAGE_VOL_RESIZE_DELTA) {
        if (flags & VIR_STORAGE_VOL_RESIZE_SHRINK)
            absCapacity = target->capacity - MIN(capacity, target->capacity);
        else
            absCapacity = target->capacity + capacity;
        flags &= ~VIR_STORAGE_VOL_RESIZE_DELTA;
    }
    if (absCapacity < target->allocation) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "can't shrink capacity below existing allocation");
        goto cleanup;
    }
    if (absCapacity < target->capacity && !(flags & VIR_STORAGE_VOL_RESIZE_SHRINK)) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "Can't shrink capacity below current capacity unless shrink flag explicitly specified");
        goto cleanup;
    }
    if (flags & VIR_STORAGE_VOL_RESIZE_ALLOCATE)
        delta = absCapacity - target->allocation;
    if (delta > obj->def->available) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                       "Not enough space left in storage pool");
        goto cleanup;
    }
    if (!testStorageBackends[obj->def->type].resize) {
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "storage pool does not support changing of volume capacity");
        goto cleanup;
    }
    if (testStorageVolResizeBackend(obj, volobj, absCapacity, flags) < 0)
        goto cleanup;
    target->capacity = absCapacity;
    if (flags & VIR_STORAGE_VOL_RESIZE_ALLOCATE) {
        target->allocation = absCapacity;
        obj->def->allocation += delta;
        obj->def->available -= delta;
    }
    ret = 0;
 cleanup:
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

/* ---- upload and download ---- */

/* Which volume an upload wrote, to refresh it when the stream ends. */
typedef struct {
    char *pool;
    char *vol;
    testVolData *data;
} testStorageVolUploadInfo;

static void
testStorageVolUploadInfoFree(void *opaque)
{
    testStorageVolUploadInfo *info = opaque;

    g_free(info->pool);
    g_free(info->vol);
    virObjectUnref(info->data);
    g_free(info);
}

/* As libvirt refreshes the pool when an upload's stream closes: the
 * volume, if it is still the one written to. */
static void
testStorageVolUploadDone(virConnectPtr conn, void *opaque)
{
    testStorageVolUploadInfo *info = opaque;
    virStoragePoolObj *obj;
    virStorageVolObj *vol;

    if (!(obj = virStoragePoolObjListFindByName(testDriverOf(conn)->pools, info->pool)))
        return;
    vol = virStoragePoolObjFindVolByName(obj, info->vol);
    if (obj->active && vol && testVolDataOf(vol) == info->data)
        testStorageVolRefresh(obj, vol);
    virStoragePoolObjEndAPI(&obj);
}

static int
testStorageVolOpenStream(virStorageVolPtr vol, virStreamPtr stream,
                         unsigned long long offset, unsigned long long length,
                         bool upload, bool sparse)
{
    virStoragePoolObj *obj;
    virStorageVolObj *volobj;
    const testStorageBackend *backend;
    testStorageVolUploadInfo *info = NULL;
    unsigned int how = 0;
    int ret = -1;

    if (!(obj = testStorageVolObjFind(vol, &volobj)))
        return -1;
    backend = &testStorageBackends[obj->def->type];
    if (!(upload ? backend->upload : backend->download)) {
        virReportError(VIR_ERR_NO_SUPPORT, "storage pool doesn't support volume %s",
                       upload ? "upload" : "download");
        goto cleanup;
    }
    if (upload) {
        how |= TEST_VOL_STREAM_UPLOAD;
        info = g_new0(testStorageVolUploadInfo, 1);
        info->pool = g_strdup(obj->def->name);
        info->vol = g_strdup(volobj->def->name);
        info->data = virObjectRef(testVolDataOf(volobj));
    }
    if (sparse)
        how |= TEST_VOL_STREAM_SPARSE;
    if (!backend->files)
        how |= TEST_VOL_STREAM_BLOCK;
    ret = testVolStreamOpen(stream, testVolDataOf(volobj), offset, length, how,
                            upload ? testStorageVolUploadDone : NULL, info,
                            upload ? testStorageVolUploadInfoFree : NULL);
 cleanup:
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static int
testStorageVolUpload(virStorageVolPtr vol, virStreamPtr stream,
                     unsigned long long offset, unsigned long long length,
                     unsigned int flags)
{
    virCheckFlags(VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM, -1);

    return testStorageVolOpenStream(vol, stream, offset, length, true,
                                    !!(flags & VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM));
}

static int
testStorageVolDownload(virStorageVolPtr vol, virStreamPtr stream,
                       unsigned long long offset, unsigned long long length,
                       unsigned int flags)
{
    virCheckFlags(VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM, -1);

    return testStorageVolOpenStream(vol, stream, offset, length, false,
                                    !!(flags & VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM));
}

/* ---- loading ---- */

int
testStorageVolLoadNode(virStoragePoolObj *obj, xmlXPathContextPtr ctxt, const char *file)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("./volume", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        g_autoptr(virStorageVolDef) def = NULL;

        if (!(ctxt->node = testNodeFileResolve(nodes[i], file)) ||
            !(def = virStorageVolDefParseXML(obj->def, ctxt, 0)))
            return -1;
        if (!def->target.path)
            def->target.path = g_strdup_printf("%s/%s", obj->def->target.path, def->name);
        if (!def->key)
            def->key = g_strdup(def->target.path);
        /* a name, key or path taken: no error, as in libvirt */
        if (!testStorageVolAttach(obj, &def, NULL))
            return -1;
    }
    return 0;
}

void
testStorageVolRegisterMethods(virStorageDriver *d)
{
    d->storagePoolNumOfVolumes = testStoragePoolNumOfVolumes;
    d->storagePoolListVolumes = testStoragePoolListVolumes;
    d->storagePoolListAllVolumes = testStoragePoolListAllVolumes;
    d->storageVolLookupByName = testStorageVolLookupByName;
    d->storageVolLookupByKey = testStorageVolLookupByKey;
    d->storageVolLookupByPath = testStorageVolLookupByPath;
    d->storageVolCreateXML = testStorageVolCreateXML;
    d->storageVolCreateXMLFrom = testStorageVolCreateXMLFrom;
    d->storageVolDelete = testStorageVolDelete;
    d->storageVolGetInfo = testStorageVolGetInfo;
    d->storageVolGetInfoFlags = testStorageVolGetInfoFlags;
    d->storageVolGetXMLDesc = testStorageVolGetXMLDesc;
    d->storageVolGetPath = testStorageVolGetPath;
    d->storageVolWipe = testStorageVolWipe;
    d->storageVolWipePattern = testStorageVolWipePattern;
    d->storageVolResize = testStorageVolResize;
    d->storageVolUpload = testStorageVolUpload;
    d->storageVolDownload = testStorageVolDownload;
}
