/*
 * libvirt-events.c: the RegisterAny entry points of the five event
 * families.
 *
 * Beyond the plain generated shape they check that the optional object
 * filter is a live handle of the same connection and that the event ID
 * is one the family has; the messages are libvirt's (the domain ones are
 * worded without the function name, as libvirt words them).
 */
#include "internal.h"
#include "datatypes.h"
#include "util/virlog.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("libvirt.events");

/* The object filter @obj (NULL: none) of @klass must be a live handle
 * owned by @conn; @what and @name word the mismatch error. */
static int
virEventCheckFilter(virConnectPtr conn, void *obj, virConnectPtr objConn,
                    virClass *klass, int errDomain, int errCode,
                    const char *what, const char *name, const char *func)
{
    if (!obj)
        return 0;
    if (!virObjectIsClass(obj, klass) || !virObjectIsClass(objConn, virConnectClass)) {
        virReportErrorHelper(errDomain, errCode, __FILE__, func, __LINE__,
                             "%s", func);
        return -1;
    }
    if (objConn != conn) {
        if (errDomain == VIR_FROM_DOM)
            virRaiseErrorFull(__FILE__, func, __LINE__, VIR_FROM_DOMAIN,
                              VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, func, "dom",
                              NULL, 0, 0, "%s '%s' must match connection",
                              what, name);
        else
            virRaiseErrorFull(__FILE__, func, __LINE__, errDomain,
                              VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, func, what,
                              NULL, 0, 0, "%s '%s' in %s must match connection",
                              what, name, func);
        return -1;
    }
    return 0;
}

/* @cb must be set and @eventID below @last. */
static int
virEventCheckCallback(const void *cb, int eventID, int last, int errDomain,
                      const char *func)
{
    if (!cb) {
        virRaiseErrorFull(__FILE__, func, __LINE__, errDomain, VIR_ERR_INVALID_ARG,
                          VIR_ERR_ERROR, func, "cb", NULL, 0, 0,
                          "%s in %s must not be NULL", "cb", func);
        return -1;
    }
    if (eventID < 0) {
        virRaiseErrorFull(__FILE__, func, __LINE__, errDomain, VIR_ERR_INVALID_ARG,
                          VIR_ERR_ERROR, func, "eventID", NULL, 0, 0,
                          "%s in %s must be zero or greater", "eventID", func);
        return -1;
    }
    if (eventID >= last) {
        if (errDomain == VIR_FROM_DOMAIN)
            virRaiseErrorFull(__FILE__, func, __LINE__, errDomain,
                              VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, func, "eventID",
                              NULL, 0, 0, "eventID must be less than %d", last);
        else
            virRaiseErrorFull(__FILE__, func, __LINE__, errDomain,
                              VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, func, "eventID",
                              NULL, 0, 0, "eventID in %s must be less than %d",
                              func, last);
        return -1;
    }
    return 0;
}

/* Dispatch to @method or fail with VIR_ERR_NO_SUPPORT. */
#define VIR_EVENT_DISPATCH(table, method, ...) \
    do { \
        if ((table) && (table)->method) { \
            int ret_ = (table)->method(__VA_ARGS__); \
            if (ret_ < 0) \
                goto error; \
            return ret_; \
        } \
        virReportUnsupportedError(); \
    } while (0)

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_EXPORT int
virConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                 int eventID,
                                 virConnectDomainEventGenericCallback cb,
                                 void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, dom=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              conn, dom, eventID, cb, opaque, freecb);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    if (virEventCheckFilter(conn, dom, dom ? dom->conn : NULL, virDomainClass,
                            VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN, "domain",
                            dom ? dom->name : NULL, __FUNCTION__) < 0 ||
        virEventCheckCallback(cb, eventID, VIR_DOMAIN_EVENT_ID_LAST,
                              VIR_FROM_THIS, __FUNCTION__) < 0)
        goto error;
    VIR_EVENT_DISPATCH(conn->driver, connectDomainEventRegisterAny,
                       conn, dom, eventID, cb, opaque, freecb);
 error:
    virDispatchError(conn);
    return -1;
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NETWORK

VIR_EXPORT int
virConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net,
                                  int eventID,
                                  virConnectNetworkEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, net=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              conn, net, eventID, cb, opaque, freecb);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    if (virEventCheckFilter(conn, net, net ? net->conn : NULL, virNetworkClass,
                            VIR_FROM_NETWORK, VIR_ERR_INVALID_NETWORK, "network",
                            net ? net->name : NULL, __FUNCTION__) < 0 ||
        virEventCheckCallback(cb, eventID, VIR_NETWORK_EVENT_ID_LAST,
                              VIR_FROM_THIS, __FUNCTION__) < 0)
        goto error;
    VIR_EVENT_DISPATCH(conn->networkDriver, connectNetworkEventRegisterAny,
                       conn, net, eventID, cb, opaque, freecb);
 error:
    virDispatchError(conn);
    return -1;
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_STORAGE

VIR_EXPORT int
virConnectStoragePoolEventRegisterAny(virConnectPtr conn, virStoragePoolPtr pool,
                                      int eventID,
                                      virConnectStoragePoolEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, pool=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              conn, pool, eventID, cb, opaque, freecb);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    if (virEventCheckFilter(conn, pool, pool ? pool->conn : NULL,
                            virStoragePoolClass, VIR_FROM_STORAGE,
                            VIR_ERR_INVALID_STORAGE_POOL, "storage pool",
                            pool ? pool->name : NULL, __FUNCTION__) < 0 ||
        virEventCheckCallback(cb, eventID, VIR_STORAGE_POOL_EVENT_ID_LAST,
                              VIR_FROM_THIS, __FUNCTION__) < 0)
        goto error;
    VIR_EVENT_DISPATCH(conn->storageDriver, connectStoragePoolEventRegisterAny,
                       conn, pool, eventID, cb, opaque, freecb);
 error:
    virDispatchError(conn);
    return -1;
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NODEDEV

VIR_EXPORT int
virConnectNodeDeviceEventRegisterAny(virConnectPtr conn, virNodeDevicePtr dev,
                                     int eventID,
                                     virConnectNodeDeviceEventGenericCallback cb,
                                     void *opaque, virFreeCallback freecb)
{
    VIR_DEBUG("conn=%p, dev=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              conn, dev, eventID, cb, opaque, freecb);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    if (virEventCheckFilter(conn, dev, dev ? dev->conn : NULL,
                            virNodeDeviceClass, VIR_FROM_NODEDEV,
                            VIR_ERR_INVALID_NODE_DEVICE, "node device",
                            dev ? dev->name : NULL, __FUNCTION__) < 0 ||
        virEventCheckCallback(cb, eventID, VIR_NODE_DEVICE_EVENT_ID_LAST,
                              VIR_FROM_THIS, __FUNCTION__) < 0)
        goto error;
    VIR_EVENT_DISPATCH(conn->nodeDeviceDriver, connectNodeDeviceEventRegisterAny,
                       conn, dev, eventID, cb, opaque, freecb);
 error:
    virDispatchError(conn);
    return -1;
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_SECRET

VIR_EXPORT int
virConnectSecretEventRegisterAny(virConnectPtr conn, virSecretPtr secret,
                                 int eventID,
                                 virConnectSecretEventGenericCallback cb,
                                 void *opaque, virFreeCallback freecb)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN] = "";

    VIR_DEBUG("conn=%p, secret=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              conn, secret, eventID, cb, opaque, freecb);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    if (secret && virObjectIsClass(secret, virSecretClass))
        virUUIDFormat(secret->uuid, uuidstr);
    if (virEventCheckFilter(conn, secret, secret ? secret->conn : NULL,
                            virSecretClass, VIR_FROM_SECRET,
                            VIR_ERR_INVALID_SECRET, "secret", uuidstr,
                            __FUNCTION__) < 0 ||
        virEventCheckCallback(cb, eventID, VIR_SECRET_EVENT_ID_LAST,
                              VIR_FROM_THIS, __FUNCTION__) < 0)
        goto error;
    VIR_EVENT_DISPATCH(conn->secretDriver, connectSecretEventRegisterAny,
                       conn, secret, eventID, cb, opaque, freecb);
 error:
    virDispatchError(conn);
    return -1;
}
