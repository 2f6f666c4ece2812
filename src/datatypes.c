/*
 * datatypes.c: classes and constructors of the public handles.
 */
#include "internal.h"
#include "datatypes.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("datatypes");

VIR_PRIVATE_EXPORT virClass *virConnectClass;
VIR_PRIVATE_EXPORT virClass *virDomainClass;
virClass *virDomainCheckpointClass;
virClass *virDomainSnapshotClass;
virClass *virInterfaceClass;
virClass *virNetworkClass;
virClass *virNetworkPortClass;
virClass *virNodeDeviceClass;
virClass *virNWFilterClass;
virClass *virNWFilterBindingClass;
virClass *virSecretClass;
virClass *virStreamClass;
virClass *virStorageVolClass;
virClass *virStoragePoolClass;

static void
virConnectDispose(void *obj)
{
    virConnectPtr conn = obj;

    VIR_DEBUG("release connection %p", conn);
    if (conn->driver && conn->driver->connectClose)
        conn->driver->connectClose(conn);
    if (conn->closeCallback.freeCallback)
        conn->closeCallback.freeCallback(conn->closeCallback.opaque);
    virResetError(&conn->err);
    virURIFree(conn->uri);
}

static void
virDomainDispose(void *obj)
{
    virDomainPtr dom = obj;

    g_free(dom->name);
    virObjectUnref(dom->conn);
}

static void
virNetworkDispose(void *obj)
{
    virNetworkPtr net = obj;

    g_free(net->name);
    virObjectUnref(net->conn);
}

static void
virNetworkPortDispose(void *obj)
{
    virNetworkPortPtr port = obj;

    virObjectUnref(port->net);
}

static void
virInterfaceDispose(void *obj)
{
    virInterfacePtr iface = obj;

    g_free(iface->name);
    g_free(iface->mac);
    virObjectUnref(iface->conn);
}

static void
virStoragePoolDispose(void *obj)
{
    virStoragePoolPtr pool = obj;

    if (pool->privateDataFreeFunc)
        pool->privateDataFreeFunc(pool->privateData);
    g_free(pool->name);
    virObjectUnref(pool->conn);
}

static void
virStorageVolDispose(void *obj)
{
    virStorageVolPtr vol = obj;

    if (vol->privateDataFreeFunc)
        vol->privateDataFreeFunc(vol->privateData);
    g_free(vol->pool);
    g_free(vol->name);
    g_free(vol->key);
    virObjectUnref(vol->conn);
}

static void
virNodeDeviceDispose(void *obj)
{
    virNodeDevicePtr dev = obj;

    g_free(dev->name);
    g_free(dev->parentName);
    virObjectUnref(dev->conn);
}

static void
virSecretDispose(void *obj)
{
    virSecretPtr secret = obj;

    g_free(secret->usageID);
    virObjectUnref(secret->conn);
}

static void
virStreamDispose(void *obj)
{
    virStreamPtr st = obj;

    if (st->ff)
        st->ff(st->privateData);
    virObjectUnref(st->conn);
}

static void
virNWFilterDispose(void *obj)
{
    virNWFilterPtr filter = obj;

    g_free(filter->name);
    virObjectUnref(filter->conn);
}

static void
virNWFilterBindingDispose(void *obj)
{
    virNWFilterBindingPtr binding = obj;

    g_free(binding->portdev);
    g_free(binding->filtername);
    virObjectUnref(binding->conn);
}

static void
virDomainCheckpointDispose(void *obj)
{
    virDomainCheckpointPtr checkpoint = obj;

    g_free(checkpoint->name);
    virObjectUnref(checkpoint->domain);
}

static void
virDomainSnapshotDispose(void *obj)
{
    virDomainSnapshotPtr snapshot = obj;

    g_free(snapshot->name);
    virObjectUnref(snapshot->domain);
}

#define DATATYPE_CLASS(var, type, parentClass) \
    var = virClassNew(parentClass, #type, sizeof(struct _##type), \
                      sizeof(((struct _##type *)NULL)->parent), type##Dispose)

int
virDataTypesOnceInit(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        virClass *base = virClassForObject();

        DATATYPE_CLASS(virConnectClass, virConnect, virClassForObjectLockable());
        DATATYPE_CLASS(virDomainClass, virDomain, base);
        DATATYPE_CLASS(virDomainCheckpointClass, virDomainCheckpoint, base);
        DATATYPE_CLASS(virDomainSnapshotClass, virDomainSnapshot, base);
        DATATYPE_CLASS(virInterfaceClass, virInterface, base);
        DATATYPE_CLASS(virNetworkClass, virNetwork, base);
        DATATYPE_CLASS(virNetworkPortClass, virNetworkPort, base);
        DATATYPE_CLASS(virNodeDeviceClass, virNodeDevice, base);
        DATATYPE_CLASS(virNWFilterClass, virNWFilter, base);
        DATATYPE_CLASS(virNWFilterBindingClass, virNWFilterBinding, base);
        DATATYPE_CLASS(virSecretClass, virSecret, base);
        DATATYPE_CLASS(virStreamClass, virStream, base);
        DATATYPE_CLASS(virStorageVolClass, virStorageVol, base);
        DATATYPE_CLASS(virStoragePoolClass, virStoragePool, base);
        g_once_init_leave(&once, 1);
    }
    return 0;
}

/* Argument checks of the constructors: drivers call them, so a failure
 * is a driver bug, but it still gets a proper error. */
#define CHECK_CONN(conn) \
    do { \
        if (!virObjectIsClass(conn, virConnectClass)) { \
            virReportError(VIR_ERR_INVALID_CONN, "%s", __FUNCTION__); \
            return NULL; \
        } \
    } while (0)
#define CHECK_ARG(arg) \
    do { \
        if (!(arg)) { \
            virReportInvalidNonNullArg(arg); \
            return NULL; \
        } \
    } while (0)

virConnectPtr
virGetConnect(void)
{
    virDataTypesOnceInit();
    return virObjectLockableNew(virConnectClass);
}

virDomainPtr
virGetDomain(virConnectPtr conn, const char *name,
             const unsigned char *uuid, int id)
{
    virDomainPtr dom;

    CHECK_CONN(conn);
    CHECK_ARG(name);
    CHECK_ARG(uuid);
    dom = virObjectNew(virDomainClass);
    dom->conn = virObjectRef(conn);
    dom->name = g_strdup(name);
    dom->id = id;
    memcpy(dom->uuid, uuid, VIR_UUID_BUFLEN);
    return dom;
}

virNetworkPtr
virGetNetwork(virConnectPtr conn, const char *name, const unsigned char *uuid)
{
    virNetworkPtr net;

    CHECK_CONN(conn);
    CHECK_ARG(name);
    CHECK_ARG(uuid);
    net = virObjectNew(virNetworkClass);
    net->conn = virObjectRef(conn);
    net->name = g_strdup(name);
    memcpy(net->uuid, uuid, VIR_UUID_BUFLEN);
    return net;
}

virNetworkPortPtr
virGetNetworkPort(virNetworkPtr net, const unsigned char *uuid)
{
    virNetworkPortPtr port;

    if (!virObjectIsClass(net, virNetworkClass)) {
        virReportError(VIR_ERR_INVALID_NETWORK, "%s", __FUNCTION__);
        return NULL;
    }
    CHECK_ARG(uuid);
    port = virObjectNew(virNetworkPortClass);
    port->net = virObjectRef(net);
    memcpy(port->uuid, uuid, VIR_UUID_BUFLEN);
    return port;
}

virInterfacePtr
virGetInterface(virConnectPtr conn, const char *name, const char *mac)
{
    virInterfacePtr iface;

    CHECK_CONN(conn);
    CHECK_ARG(name);
    iface = virObjectNew(virInterfaceClass);
    iface->conn = virObjectRef(conn);
    iface->name = g_strdup(name);
    /* an interface may have no MAC address (a bridge without ports) */
    iface->mac = g_strdup(mac ? mac : "");
    return iface;
}

virStoragePoolPtr
virGetStoragePool(virConnectPtr conn, const char *name,
                  const unsigned char *uuid, void *privateData,
                  virFreeCallback freeFunc)
{
    virStoragePoolPtr pool;

    CHECK_CONN(conn);
    CHECK_ARG(name);
    CHECK_ARG(uuid);
    pool = virObjectNew(virStoragePoolClass);
    pool->conn = virObjectRef(conn);
    pool->name = g_strdup(name);
    memcpy(pool->uuid, uuid, VIR_UUID_BUFLEN);
    pool->privateData = privateData;
    pool->privateDataFreeFunc = freeFunc;
    return pool;
}

virStorageVolPtr
virGetStorageVol(virConnectPtr conn, const char *pool, const char *name,
                 const char *key, void *privateData, virFreeCallback freeFunc)
{
    virStorageVolPtr vol;

    CHECK_CONN(conn);
    CHECK_ARG(pool);
    CHECK_ARG(name);
    CHECK_ARG(key);
    vol = virObjectNew(virStorageVolClass);
    vol->conn = virObjectRef(conn);
    vol->pool = g_strdup(pool);
    vol->name = g_strdup(name);
    vol->key = g_strdup(key);
    vol->privateData = privateData;
    vol->privateDataFreeFunc = freeFunc;
    return vol;
}

virNodeDevicePtr
virGetNodeDevice(virConnectPtr conn, const char *name)
{
    virNodeDevicePtr dev;

    CHECK_CONN(conn);
    CHECK_ARG(name);
    dev = virObjectNew(virNodeDeviceClass);
    dev->conn = virObjectRef(conn);
    dev->name = g_strdup(name);
    return dev;
}

virSecretPtr
virGetSecret(virConnectPtr conn, const unsigned char *uuid,
             int usageType, const char *usageID)
{
    virSecretPtr secret;

    CHECK_CONN(conn);
    CHECK_ARG(uuid);
    secret = virObjectNew(virSecretClass);
    secret->conn = virObjectRef(conn);
    memcpy(secret->uuid, uuid, VIR_UUID_BUFLEN);
    secret->usageType = usageType;
    secret->usageID = g_strdup(usageID ? usageID : "");
    return secret;
}

virStreamPtr
virGetStream(virConnectPtr conn)
{
    virStreamPtr st;

    CHECK_CONN(conn);
    st = virObjectNew(virStreamClass);
    st->conn = virObjectRef(conn);
    return st;
}

virNWFilterPtr
virGetNWFilter(virConnectPtr conn, const char *name, const unsigned char *uuid)
{
    virNWFilterPtr filter;

    CHECK_CONN(conn);
    CHECK_ARG(name);
    CHECK_ARG(uuid);
    filter = virObjectNew(virNWFilterClass);
    filter->conn = virObjectRef(conn);
    filter->name = g_strdup(name);
    memcpy(filter->uuid, uuid, VIR_UUID_BUFLEN);
    return filter;
}

virNWFilterBindingPtr
virGetNWFilterBinding(virConnectPtr conn, const char *portdev,
                      const char *filtername)
{
    virNWFilterBindingPtr binding;

    CHECK_CONN(conn);
    CHECK_ARG(portdev);
    CHECK_ARG(filtername);
    binding = virObjectNew(virNWFilterBindingClass);
    binding->conn = virObjectRef(conn);
    binding->portdev = g_strdup(portdev);
    binding->filtername = g_strdup(filtername);
    return binding;
}

virDomainCheckpointPtr
virGetDomainCheckpoint(virDomainPtr domain, const char *name)
{
    virDomainCheckpointPtr checkpoint;

    if (!virObjectIsClass(domain, virDomainClass)) {
        virReportError(VIR_ERR_INVALID_DOMAIN, "%s", __FUNCTION__);
        return NULL;
    }
    CHECK_ARG(name);
    checkpoint = virObjectNew(virDomainCheckpointClass);
    checkpoint->domain = virObjectRef(domain);
    checkpoint->name = g_strdup(name);
    return checkpoint;
}

virDomainSnapshotPtr
virGetDomainSnapshot(virDomainPtr domain, const char *name)
{
    virDomainSnapshotPtr snapshot;

    if (!virObjectIsClass(domain, virDomainClass)) {
        virReportError(VIR_ERR_INVALID_DOMAIN, "%s", __FUNCTION__);
        return NULL;
    }
    CHECK_ARG(name);
    snapshot = virObjectNew(virDomainSnapshotClass);
    snapshot->domain = virObjectRef(domain);
    snapshot->name = g_strdup(name);
    return snapshot;
}

VIR_PRIVATE_EXPORT void
virDispatchError(virConnectPtr conn)
{
    virErrorPtr err = virLastErrorObject();
    virErrorFunc handler;
    void *userData;

    if (err->code == VIR_ERR_OK)
        virErrorGenericFailure(err);

    virErrorGetGlobalHandler(&handler, &userData);
    if (conn) {
        virObjectLock(conn);
        virCopyError(err, &conn->err);
        if (conn->handler) {
            handler = conn->handler;
            userData = conn->userData;
        }
        virObjectUnlock(conn);
    }
    virErrorInvokeHandler(handler, userData, err);
}


int
virTypedParameterValidateSet(virConnectPtr conn, virTypedParameterPtr params,
                             int nparams)
{
    int stringOkay = VIR_DRV_SUPPORTS_FEATURE(conn->driver, conn,
                                              VIR_DRV_FEATURE_TYPED_PARAM_STRING);
    int i;

    if (stringOkay < 0)
        return -1;
    for (i = 0; i < nparams; i++) {
        if (strnlen(params[i].field, VIR_TYPED_PARAM_FIELD_LENGTH) ==
            VIR_TYPED_PARAM_FIELD_LENGTH) {
            virReportInvalidArg(params, "string parameter name '%.*s' too long",
                                VIR_TYPED_PARAM_FIELD_LENGTH, params[i].field);
            return -1;
        }
        if (params[i].type != VIR_TYPED_PARAM_STRING)
            continue;
        if (!stringOkay) {
            virReportInvalidArg(params, "string parameter '%s' unsupported",
                                params[i].field);
            return -1;
        }
        if (!params[i].value.s) {
            virReportInvalidArg(params, "NULL string parameter '%s'", params[i].field);
            return -1;
        }
    }
    return 0;
}

