/*
 * test_storage_pool.c: the test driver's storage pools, kept in memory.
 *
 * Behaviour and messages are libvirt 9.0.0's test driver's, quirks
 * included: every pool reports a capacity of 100 GiB whose allocation is
 * the sum of its volumes' (reset to 0 when the pool is defined again),
 * 'persistent' means it has a config file (always "" here), a stopped
 * pool keeps its volumes, and a transient pool vanishes when stopped.
 * APIs libvirt's test driver lacks (lookup by target path, the pool
 * capabilities) follow libvirt's storage driver.
 *
 * Every method looks its pool up (locked and referenced), works on it
 * under its lock and releases it with virStoragePoolObjEndAPI.  The
 * lifecycle and refresh events are libvirt's test driver's, named after
 * the caller's handle where libvirt's are.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "conf/family_event.h"
#include "conf/storage_capabilities.h"
#include "util/virfile.h"
#include "util/virxml.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static const unsigned long long defaultPoolCap = 100 * 1024 * 1024 * 1024ULL;

/* What virConnectFindStoragePoolSources answers (libvirt's test driver) */
static const char *testPoolSourcesLogicalXML =
"<sources>\n"
"  <source>\n"
"    <device path='/dev/sda20'/>\n"
"    <name>testvg1</name>\n"
"    <format type='lvm2'/>\n"
"  </source>\n"
"  <source>\n"
"    <device path='/dev/sda21'/>\n"
"    <name>testvg2</name>\n"
"    <format type='lvm2'/>\n"
"  </source>\n"
"</sources>\n";

#define TEST_POOL_SOURCES_NETFS_XML \
"<sources>\n" \
"  <source>\n" \
"    <host name='%s'/>\n" \
"    <dir path='/testshare'/>\n" \
"    <format type='nfs'/>\n" \
"  </source>\n" \
"</sources>\n"

/* Every pool starts at 100 GiB free and is persistent (config file ""). */
static void
testStoragePoolObjSetDefaults(virStoragePoolObj *obj)
{
    obj->def->capacity = defaultPoolCap;
    obj->def->allocation = 0;
    obj->def->available = defaultPoolCap;
    g_free(obj->configFile);
    obj->configFile = g_strdup("");
}

/* ---- lookups ---- */

virStoragePoolObj *
testStoragePoolObjFindByName(testDriver *drv, const char *name)
{
    virStoragePoolObj *obj = virStoragePoolObjListFindByName(drv->pools, name);

    if (!obj)
        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching name '%s'", name);
    return obj;
}

virStoragePoolObj *
testStoragePoolObjFindActiveByName(testDriver *drv, const char *name)
{
    virStoragePoolObj *obj = testStoragePoolObjFindByName(drv, name);

    if (obj && !obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "storage pool '%s' is not active", name);
        virStoragePoolObjEndAPI(&obj);
    }
    return obj;
}

static virStoragePoolObj *
testStoragePoolObjFindInactiveByName(testDriver *drv, const char *name)
{
    virStoragePoolObj *obj = testStoragePoolObjFindByName(drv, name);

    if (obj && obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID, "storage pool '%s' is active", name);
        virStoragePoolObjEndAPI(&obj);
    }
    return obj;
}

virStoragePoolObj *
testStoragePoolObjFindByUUID(testDriver *drv, const unsigned char *uuid)
{
    virStoragePoolObj *obj = virStoragePoolObjListFindByUUID(drv->pools, uuid);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!obj)
        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching uuid '%s'",
                       virUUIDFormat(uuid, uuidstr));
    return obj;
}

/* A handle for @obj (released), or NULL. */
/* Queue a lifecycle event (virStoragePoolEventLifecycleType) about the
 * pool called @name with @uuid. */
static void
testStoragePoolEvent(testDriver *drv, const char *name, const unsigned char *uuid,
                     int event)
{
    virObjectEventStateQueue(drv->eventState,
                             virStoragePoolEventLifecycleNew(name, uuid, event, 0));
}

static virStoragePoolPtr
testStoragePoolHandle(virConnectPtr conn, virStoragePoolObj *obj)
{
    virStoragePoolPtr ret;

    if (!obj)
        return NULL;
    ret = virGetStoragePool(conn, obj->def->name, obj->def->uuid, NULL, NULL);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static virStoragePoolPtr
testStoragePoolLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    return testStoragePoolHandle(conn, testStoragePoolObjFindByUUID(testDriverOf(conn),
                                                                    uuid));
}

static virStoragePoolPtr
testStoragePoolLookupByName(virConnectPtr conn, const char *name)
{
    return testStoragePoolHandle(conn, testStoragePoolObjFindByName(testDriverOf(conn),
                                                                    name));
}

static virStoragePoolPtr
testStoragePoolLookupByVolume(virStorageVolPtr vol)
{
    return testStoragePoolLookupByName(vol->conn, vol->pool);
}

static bool
testStoragePoolHasTargetPath(virStoragePoolObj *obj, void *opaque)
{
    return obj->active && g_strcmp0(obj->def->target.path, opaque) == 0;
}

/* As libvirt's storage driver: active pools only, by the cleaned path. */
static virStoragePoolPtr
testStoragePoolLookupByTargetPath(virConnectPtr conn, const char *path)
{
    g_autofree char *clean = virFileSanitizePath(path);
    virStoragePoolObj *obj;

    if (!clean)
        return NULL;
    if ((obj = virStoragePoolObjListSearch(testDriverOf(conn)->pools,
                                           testStoragePoolHasTargetPath, clean)))
        return testStoragePoolHandle(conn, obj);
    if (STREQ(path, clean))
        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching target path '%s'", path);
    else
        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching target path '%s' (%s)",
                       path, clean);
    return NULL;
}

/* ---- listing ---- */

static int
testConnectNumOfStoragePools(virConnectPtr conn)
{
    g_autoptr(GPtrArray) objs = virStoragePoolObjListCollect(testDriverOf(conn)->pools,
                                                             VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE);
    return objs->len;
}

static int
testConnectNumOfDefinedStoragePools(virConnectPtr conn)
{
    g_autoptr(GPtrArray) objs = virStoragePoolObjListCollect(testDriverOf(conn)->pools,
                                                             VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE);
    return objs->len;
}

/* The names of the pools matching @filter, at most @maxnames. */
static int
testStoragePoolListNames(virConnectPtr conn, unsigned int filter,
                         char **const names, int maxnames)
{
    g_autoptr(GPtrArray) objs = virStoragePoolObjListCollect(testDriverOf(conn)->pools,
                                                             filter);
    int n = 0;
    size_t i;

    for (i = 0; i < objs->len && n < maxnames; i++) {
        virStoragePoolObj *obj = g_ptr_array_index(objs, i);

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            if (virStoragePoolObjMatchFilter(obj, filter))
                names[n++] = g_strdup(obj->def->name);
        }
    }
    return n;
}

static int
testConnectListStoragePools(virConnectPtr conn, char **const names, int maxnames)
{
    return testStoragePoolListNames(conn, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE,
                                    names, maxnames);
}

static int
testConnectListDefinedStoragePools(virConnectPtr conn, char **const names, int maxnames)
{
    return testStoragePoolListNames(conn, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
                                    names, maxnames);
}

static int
testConnectListAllStoragePools(virConnectPtr conn, virStoragePoolPtr **pools,
                               unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(GPtrArray) objs = NULL;
    g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func(virObjectUnref);
    size_t i;

    virCheckFlags(VIR_CONNECT_LIST_STORAGE_POOLS_FILTERS_ALL, -1);

    /* as libvirt: without an array, the count ignores the filter */
    if (!pools)
        return virStoragePoolObjListCount(drv->pools);

    objs = virStoragePoolObjListCollect(drv->pools, flags);
    for (i = 0; i < objs->len; i++) {
        virStoragePoolObj *obj = g_ptr_array_index(objs, i);
        virStoragePoolPtr pool = NULL;

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            /* the state may have changed since the collection */
            if (!obj->removing && virStoragePoolObjMatchFilter(obj, flags))
                pool = virGetStoragePool(conn, obj->def->name, obj->def->uuid,
                                         NULL, NULL);
        }
        if (pool)
            g_ptr_array_add(ret, pool);
    }
    i = ret->len;
    g_ptr_array_add(ret, NULL);
    g_ptr_array_set_free_func(ret, NULL);
    *pools = (virStoragePoolPtr *)g_ptr_array_free(g_steal_pointer(&ret), FALSE);
    return i;
}

/* ---- state ---- */

static int
testStoragePoolIsActive(virStoragePoolPtr pool)
{
    virStoragePoolObj *obj = testStoragePoolObjFindByUUID(testDriverOf(pool->conn),
                                                          pool->uuid);
    int ret;

    if (!obj)
        return -1;
    ret = obj->active;
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static int
testStoragePoolIsPersistent(virStoragePoolPtr pool)
{
    virStoragePoolObj *obj = testStoragePoolObjFindByUUID(testDriverOf(pool->conn),
                                                          pool->uuid);
    int ret;

    if (!obj)
        return -1;
    ret = obj->configFile ? 1 : 0;
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static int
testStoragePoolGetInfo(virStoragePoolPtr pool, virStoragePoolInfoPtr info)
{
    virStoragePoolObj *obj = testStoragePoolObjFindByName(testDriverOf(pool->conn),
                                                          pool->name);

    if (!obj)
        return -1;
    memset(info, 0, sizeof(*info));
    info->state = obj->active ? VIR_STORAGE_POOL_RUNNING : VIR_STORAGE_POOL_INACTIVE;
    info->capacity = obj->def->capacity;
    info->allocation = obj->def->allocation;
    info->available = obj->def->available;
    virStoragePoolObjEndAPI(&obj);
    return 0;
}

static char *
testStoragePoolGetXMLDesc(virStoragePoolPtr pool, unsigned int flags)
{
    virStoragePoolObj *obj;
    char *ret;

    virCheckFlags(0, NULL);

    if (!(obj = testStoragePoolObjFindByName(testDriverOf(pool->conn), pool->name)))
        return NULL;
    ret = virStoragePoolDefFormat(obj->def);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

static int
testStoragePoolGetAutostart(virStoragePoolPtr pool, int *autostart)
{
    virStoragePoolObj *obj = testStoragePoolObjFindByName(testDriverOf(pool->conn),
                                                          pool->name);

    if (!obj)
        return -1;
    *autostart = virStoragePoolObjIsAutostart(obj) ? 1 : 0;
    virStoragePoolObjEndAPI(&obj);
    return 0;
}

static int
testStoragePoolSetAutostart(virStoragePoolPtr pool, int autostart)
{
    virStoragePoolObj *obj = testStoragePoolObjFindByName(testDriverOf(pool->conn),
                                                          pool->name);
    int ret = -1;

    if (!obj)
        return -1;
    if (!obj->configFile) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "pool has no config file");
    } else {
        obj->autostart = autostart != 0;
        ret = 0;
    }
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

/* ---- life cycle ---- */

static virStoragePoolPtr
testStoragePoolCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virStoragePoolDef) def = NULL;
    virStoragePoolObj *obj;

    virCheckFlags(0, NULL);

    if (!(def = virStoragePoolDefParseString(xml, 0)))
        return NULL;
    if (def->source.adapter.type == VIR_STORAGE_ADAPTER_TYPE_FC_HOST) {
        /* libvirt's test driver creates a vHBA node device for it */
        virReportError(VIR_ERR_NO_SUPPORT, "%s",
                       "fc_host adapters need the test driver's node devices");
        return NULL;
    }
    if (!(obj = virStoragePoolObjListAdd(drv->pools, &def,
                                         VIR_STORAGE_POOL_OBJ_LIST_ADD_CHECK_LIVE)))
        return NULL;
    testStoragePoolObjSetDefaults(obj);
    /* transient: it goes away when it stops */
    g_clear_pointer(&obj->configFile, g_free);
    obj->active = true;
    testStoragePoolEvent(drv, obj->def->name, obj->def->uuid, VIR_STORAGE_POOL_EVENT_STARTED);
    return testStoragePoolHandle(conn, obj);
}

static virStoragePoolPtr
testStoragePoolDefineXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virStoragePoolDef) def = NULL;
    virStoragePoolObj *obj;

    virCheckFlags(VIR_STORAGE_POOL_DEFINE_VALIDATE, NULL);

    if (!(def = virStoragePoolDefParseString(xml, flags)))
        return NULL;
    def->capacity = defaultPoolCap;
    def->allocation = 0;
    def->available = defaultPoolCap;
    if (!(obj = virStoragePoolObjListAdd(drv->pools, &def, 0)))
        return NULL;
    /* as libvirt: on the current definition, even of a running pool */
    testStoragePoolObjSetDefaults(obj);
    testStoragePoolEvent(drv, obj->def->name, obj->def->uuid, VIR_STORAGE_POOL_EVENT_DEFINED);
    return testStoragePoolHandle(conn, obj);
}

static int
testStoragePoolUndefine(virStoragePoolPtr pool)
{
    testDriver *drv = testDriverOf(pool->conn);
    virStoragePoolObj *obj;

    if (!(obj = testStoragePoolObjFindInactiveByName(drv, pool->name)))
        return -1;
    testStoragePoolEvent(drv, pool->name, pool->uuid, VIR_STORAGE_POOL_EVENT_UNDEFINED);
    virStoragePoolObjListRemove(drv->pools, obj);
    virStoragePoolObjEndAPI(&obj);
    return 0;
}

/* Build, delete and refresh only check the pool's state and raise an
 * event: @event (virStoragePoolEventLifecycleType), or -1 for refresh. */
static int
testStoragePoolCheckState(virStoragePoolPtr pool, bool active, int event)
{
    testDriver *drv = testDriverOf(pool->conn);
    virStoragePoolObj *obj = active ? testStoragePoolObjFindActiveByName(drv, pool->name) :
                                      testStoragePoolObjFindInactiveByName(drv, pool->name);

    if (!obj)
        return -1;
    if (event < 0)
        virObjectEventStateQueue(drv->eventState,
                                 virStoragePoolEventRefreshNew(pool->name, pool->uuid));
    else
        testStoragePoolEvent(drv, pool->name, pool->uuid, event);
    virStoragePoolObjEndAPI(&obj);
    return 0;
}

static int
testStoragePoolBuild(virStoragePoolPtr pool, unsigned int flags)
{
    virCheckFlags(0, -1);

    return testStoragePoolCheckState(pool, false, VIR_STORAGE_POOL_EVENT_CREATED);
}

static int
testStoragePoolDelete(virStoragePoolPtr pool, unsigned int flags)
{
    virCheckFlags(0, -1);

    return testStoragePoolCheckState(pool, false, VIR_STORAGE_POOL_EVENT_DELETED);
}

static int
testStoragePoolRefresh(virStoragePoolPtr pool, unsigned int flags)
{
    virCheckFlags(0, -1);

    return testStoragePoolCheckState(pool, true, -1);
}

static int
testStoragePoolCreate(virStoragePoolPtr pool, unsigned int flags)
{
    virStoragePoolObj *obj;

    virCheckFlags(0, -1);

    if (!(obj = testStoragePoolObjFindInactiveByName(testDriverOf(pool->conn), pool->name)))
        return -1;
    obj->active = true;
    testStoragePoolEvent(testDriverOf(pool->conn), pool->name, pool->uuid,
                         VIR_STORAGE_POOL_EVENT_STARTED);
    virStoragePoolObjEndAPI(&obj);
    return 0;
}

static int
testStoragePoolDestroy(virStoragePoolPtr pool)
{
    testDriver *drv = testDriverOf(pool->conn);
    virStoragePoolObj *obj;

    if (!(obj = testStoragePoolObjFindActiveByName(drv, pool->name)))
        return -1;
    obj->active = false;
    testStoragePoolEvent(drv, obj->def->name, obj->def->uuid, VIR_STORAGE_POOL_EVENT_STOPPED);
    if (!obj->configFile)
        virStoragePoolObjListRemove(drv->pools, obj);
    virStoragePoolObjEndAPI(&obj);
    return 0;
}

/* ---- the host ---- */

static char *
testConnectFindStoragePoolSources(virConnectPtr conn G_GNUC_UNUSED, const char *type,
                                  const char *srcSpec, unsigned int flags)
{
    g_autoptr(virStoragePoolSource) source = NULL;
    int poolType;

    virCheckFlags(0, NULL);

    /* as libvirt's test driver, which tests the result against 0 ('dir') */
    poolType = virStoragePoolTypeFromString(type);
    if (poolType == VIR_STORAGE_POOL_DIR) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "unknown storage pool type %s", type);
        return NULL;
    }
    if (srcSpec && !(source = virStoragePoolDefParseSourceString(srcSpec, poolType)))
        return NULL;

    switch (poolType) {
    case VIR_STORAGE_POOL_LOGICAL:
        return g_strdup(testPoolSourcesLogicalXML);
    case VIR_STORAGE_POOL_NETFS:
        if (!source || source->nhost == 0 || !source->hosts[0].name) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "hostname must be specified for netfs sources");
            return NULL;
        }
        return g_strdup_printf(TEST_POOL_SOURCES_NETFS_XML, source->hosts[0].name);
    default:
        virReportError(VIR_ERR_NO_SUPPORT,
                       "pool type '%s' does not support source discovery", type);
        return NULL;
    }
}

/* As libvirt's storage driver; the test driver takes every pool type. */
static char *
testConnectGetStoragePoolCapabilities(virConnectPtr conn G_GNUC_UNUSED,
                                      unsigned int flags)
{
    virStoragePoolCaps caps;
    size_t i;

    virCheckFlags(0, NULL);

    for (i = 0; i < VIR_STORAGE_POOL_LAST; i++)
        caps.supported[i] = true;
    return virStoragePoolCapsFormat(&caps);
}

/* ---- loading ---- */

/* One <pool> of a node description: running, with its volumes. */
static int
testStoragePoolLoadOne(testDriver *drv, xmlXPathContextPtr ctxt, const char *file)
{
    g_autoptr(virStoragePoolDef) def = NULL;
    virStoragePoolObj *obj;
    int ret;

    if (!(def = virStoragePoolDefParseXML(ctxt)))
        return -1;
    if (!(obj = virStoragePoolObjListAdd(drv->pools, &def, 0)))
        return -1;
    testStoragePoolObjSetDefaults(obj);
    obj->active = true;
    ret = testStorageVolLoadNode(obj, ctxt, file);
    virStoragePoolObjEndAPI(&obj);
    return ret;
}

int
testStoragePoolLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("/node/pool", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        if (!(ctxt->node = testNodeFileResolve(nodes[i], file)) ||
            testStoragePoolLoadOne(drv, ctxt, file) < 0)
            return -1;
    }
    return 0;
}

void
testStoragePoolRegisterMethods(virStorageDriver *d)
{
    d->connectNumOfStoragePools = testConnectNumOfStoragePools;
    d->connectListStoragePools = testConnectListStoragePools;
    d->connectNumOfDefinedStoragePools = testConnectNumOfDefinedStoragePools;
    d->connectListDefinedStoragePools = testConnectListDefinedStoragePools;
    d->connectListAllStoragePools = testConnectListAllStoragePools;
    d->connectFindStoragePoolSources = testConnectFindStoragePoolSources;
    d->connectGetStoragePoolCapabilities = testConnectGetStoragePoolCapabilities;
    d->storagePoolLookupByName = testStoragePoolLookupByName;
    d->storagePoolLookupByUUID = testStoragePoolLookupByUUID;
    d->storagePoolLookupByVolume = testStoragePoolLookupByVolume;
    d->storagePoolLookupByTargetPath = testStoragePoolLookupByTargetPath;
    d->storagePoolCreateXML = testStoragePoolCreateXML;
    d->storagePoolDefineXML = testStoragePoolDefineXML;
    d->storagePoolBuild = testStoragePoolBuild;
    d->storagePoolUndefine = testStoragePoolUndefine;
    d->storagePoolCreate = testStoragePoolCreate;
    d->storagePoolDestroy = testStoragePoolDestroy;
    d->storagePoolDelete = testStoragePoolDelete;
    d->storagePoolRefresh = testStoragePoolRefresh;
    d->storagePoolGetInfo = testStoragePoolGetInfo;
    d->storagePoolGetXMLDesc = testStoragePoolGetXMLDesc;
    d->storagePoolGetAutostart = testStoragePoolGetAutostart;
    d->storagePoolSetAutostart = testStoragePoolSetAutostart;
    d->storagePoolIsActive = testStoragePoolIsActive;
    d->storagePoolIsPersistent = testStoragePoolIsPersistent;
    d->connectStoragePoolEventRegisterAny = testConnectStoragePoolEventRegisterAny;
    d->connectStoragePoolEventDeregisterAny = testConnectStoragePoolEventDeregisterAny;
}
