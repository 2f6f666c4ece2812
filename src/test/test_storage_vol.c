/*
 * test_storage_vol.c: the test driver's storage volumes, kept in memory.
 *
 * Create, clone, delete, info, XML, path, lookups and listing behave as
 * in libvirt's test driver: a volume's path is its pool's target path
 * and its name, its key is its path, and the pool's allocation is the
 * sum of its volumes' allocations.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virxml.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static testDriver *
testDriverOf(virConnectPtr conn)
{
    return conn->privateData;
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
 * Add *@def to @obj (stolen on success) and count its allocation in the
 * pool's.  NULL, with no error reported (as libvirt), when its name, key
 * or path is taken.
 */
static virStorageVolObj *
testStorageVolAttach(virStoragePoolObj *obj, virStorageVolDef **def)
{
    unsigned long long allocation = (*def)->target.allocation;
    virStorageVolObj *vol;

    if (!(vol = virStoragePoolObjAddVol(obj, def)))
        return NULL;
    obj->def->allocation += allocation;
    obj->def->available = obj->def->capacity - obj->def->allocation;
    return vol;
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
testStorageVolPlace(virConnectPtr conn, virStoragePoolObj *obj, virStorageVolDef **def)
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
    if (!(vol = testStorageVolAttach(obj, def)))
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
        ret = testStorageVolPlace(pool->conn, obj, &def);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static virStorageVolPtr
testStorageVolCreateXMLFrom(virStoragePoolPtr pool, const char *xmldesc,
                            virStorageVolPtr clonevol, unsigned int flags)
{
    g_autoptr(virStorageVolDef) def = NULL;
    virStoragePoolObj *obj;
    virStorageVolPtr ret = NULL;

    virCheckFlags(VIR_STORAGE_VOL_CREATE_VALIDATE, NULL);

    if (!(obj = testStoragePoolObjFindActiveByName(testDriverOf(pool->conn), pool->name)))
        return NULL;
    if (!(def = testStorageVolParseNew(obj, xmldesc, flags)))
        goto cleanup;
    /* as libvirt's test driver: the source is looked for in this pool */
    if (!virStoragePoolObjFindVolByName(obj, clonevol->name)) {
        virReportError(VIR_ERR_NO_STORAGE_VOL, "no storage vol with matching name '%s'",
                       clonevol->name);
        goto cleanup;
    }
    ret = testStorageVolPlace(pool->conn, obj, &def);
 cleanup:
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
testStorageVolGetInfo(virStorageVolPtr vol, virStorageVolInfoPtr info)
{
    virStoragePoolObj *obj;
    virStorageVolObj *volobj;
    int ret = -1;

    if (!(obj = testStorageVolObjFind(vol, &volobj)))
        return -1;
    memset(info, 0, sizeof(*info));
    if ((info->type = testStorageVolumeTypeForPool(obj->def->type)) < 0)
        goto cleanup;
    info->capacity = volobj->def->target.capacity;
    info->allocation = volobj->def->target.allocation;
    ret = 0;
 cleanup:
    virStoragePoolObjEndAPI(&obj);
    return ret;
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
        if (!testStorageVolAttach(obj, &def))
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
    d->storageVolGetXMLDesc = testStorageVolGetXMLDesc;
    d->storageVolGetPath = testStorageVolGetPath;
}
