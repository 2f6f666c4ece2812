/*
 * datatypes.h: the objects the public API hands out.
 *
 * Every handle is a reference-counted virObject.  Identity fields (name,
 * UUID, owning connection) are immutable after construction, so readers
 * need no lock; a connection's mutable fields (its error, handlers, close
 * callback) are guarded by the connection's own lock.
 */
#pragma once

#include "internal.h"
#include "driver.h"
#include "util/virobject.h"
#include "util/viruri.h"

extern virClass *virConnectClass;
extern virClass *virDomainClass;
extern virClass *virDomainCheckpointClass;
extern virClass *virDomainSnapshotClass;
extern virClass *virInterfaceClass;
extern virClass *virNetworkClass;
extern virClass *virNetworkPortClass;
extern virClass *virNodeDeviceClass;
extern virClass *virNWFilterClass;
extern virClass *virNWFilterBindingClass;
extern virClass *virSecretClass;
extern virClass *virStreamClass;
extern virClass *virStorageVolClass;
extern virClass *virStoragePoolClass;

/* Register the classes; idempotent and thread-safe. */
int virDataTypesOnceInit(void);

typedef struct {
    virConnectCloseFunc callback;  /* NULL when none is registered */
    void *opaque;
    virFreeCallback freeCallback;
} virConnectCloseCallbackData;

struct _virConnect {
    virObjectLockable parent;

    /* immutable after virConnectOpen returns */
    unsigned int flags;             /* VIR_CONNECT_RO, ... */
    virURI *uri;
    virHypervisorDriver *driver;
    virNetworkDriver *networkDriver;
    virInterfaceDriver *interfaceDriver;
    virStorageDriver *storageDriver;
    virNodeDeviceDriver *nodeDeviceDriver;
    virSecretDriver *secretDriver;
    virNWFilterDriver *nwfilterDriver;

    /* owned by the hypervisor driver, set in its connectOpen */
    void *privateData;

    /* guarded by the object lock */
    virError err;                   /* copy of the last error of a call */
    virErrorFunc handler;           /* virConnSetErrorFunc */
    void *userData;
    virConnectCloseCallbackData closeCallback;
};

struct _virDomain {
    virObject parent;
    virConnectPtr conn;
    char *name;
    int id;                         /* -1 when not running */
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virNetwork {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virNetworkPort {
    virObject parent;
    virNetworkPtr net;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virInterface {
    virObject parent;
    virConnectPtr conn;
    char *name;
    char *mac;
};

struct _virStoragePool {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    void *privateData;
    virFreeCallback privateDataFreeFunc;
};

struct _virStorageVol {
    virObject parent;
    virConnectPtr conn;
    char *pool;                     /* name of the pool it lives in */
    char *name;
    char *key;
    void *privateData;
    virFreeCallback privateDataFreeFunc;
};

struct _virNodeDevice {
    virObject parent;
    virConnectPtr conn;
    char *name;
    char *parentName;               /* cached by virNodeDeviceGetParent */
};

struct _virSecret {
    virObject parent;
    virConnectPtr conn;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int usageType;
    char *usageID;
};

struct _virStream {
    virObject parent;
    virConnectPtr conn;
    unsigned int flags;
    virStreamDriver *driver;
    void *privateData;
    virFreeCallback ff;
};

struct _virNWFilter {
    virObject parent;
    virConnectPtr conn;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
};

struct _virNWFilterBinding {
    virObject parent;
    virConnectPtr conn;
    char *portdev;
    char *filtername;
};

struct _virDomainCheckpoint {
    virObject parent;
    char *name;
    virDomainPtr domain;
};

struct _virDomainSnapshot {
    virObject parent;
    char *name;
    virDomainPtr domain;
};

/* Constructors for drivers: each returns a new reference, or NULL with
 * an error reported for a missing name/UUID. */
virConnectPtr virGetConnect(void);
virDomainPtr virGetDomain(virConnectPtr conn, const char *name,
                          const unsigned char *uuid, int id);
virNetworkPtr virGetNetwork(virConnectPtr conn, const char *name,
                            const unsigned char *uuid);
virNetworkPortPtr virGetNetworkPort(virNetworkPtr net,
                                    const unsigned char *uuid);
virInterfacePtr virGetInterface(virConnectPtr conn, const char *name,
                                const char *mac);
virStoragePoolPtr virGetStoragePool(virConnectPtr conn, const char *name,
                                    const unsigned char *uuid,
                                    void *privateData,
                                    virFreeCallback freeFunc);
virStorageVolPtr virGetStorageVol(virConnectPtr conn, const char *pool,
                                  const char *name, const char *key,
                                  void *privateData,
                                  virFreeCallback freeFunc);
virNodeDevicePtr virGetNodeDevice(virConnectPtr conn, const char *name);
virSecretPtr virGetSecret(virConnectPtr conn, const unsigned char *uuid,
                          int usageType, const char *usageID);
virStreamPtr virGetStream(virConnectPtr conn);
virNWFilterPtr virGetNWFilter(virConnectPtr conn, const char *name,
                              const unsigned char *uuid);
virNWFilterBindingPtr virGetNWFilterBinding(virConnectPtr conn,
                                            const char *portdev,
                                            const char *filtername);
virDomainCheckpointPtr virGetDomainCheckpoint(virDomainPtr domain,
                                              const char *name);
virDomainSnapshotPtr virGetDomainSnapshot(virDomainPtr domain,
                                          const char *name);

/* Copy the calling thread's error to @conn (if any) and hand it to the
 * error handler in force; every public call does this on failure. */
void virDispatchError(virConnectPtr conn);

/*
 * Checks at the top of public entry points: a handle that is not a live
 * object of the right class (or whose parent is not) fails with libvirt's
 * "invalid ... pointer in <function>" error.
 */
#define VIR_CHECK_OBJECT_FULL(ok, dom, code, retval) \
    do { \
        if (!(ok)) { \
            virReportErrorHelper(dom, code, __FILE__, __FUNCTION__, \
                                 __LINE__, "%s", __FUNCTION__); \
            virDispatchError(NULL); \
            return retval; \
        } \
    } while (0)

#define virCheckConnectReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virConnectClass), \
                          VIR_FROM_THIS, VIR_ERR_INVALID_CONN, retval)
#define virCheckDomainReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virDomainClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_DOM, VIR_ERR_INVALID_DOMAIN, retval)
#define virCheckNetworkReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virNetworkClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_NETWORK, VIR_ERR_INVALID_NETWORK, retval)
#define virCheckNetworkPortReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virNetworkPortClass) && \
                          virObjectIsClass((obj)->net, virNetworkClass), \
                          VIR_FROM_NETWORK, VIR_ERR_INVALID_NETWORK_PORT, retval)
#define virCheckInterfaceReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virInterfaceClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_INTERFACE, VIR_ERR_INVALID_INTERFACE, retval)
#define virCheckStoragePoolReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virStoragePoolClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_STORAGE, VIR_ERR_INVALID_STORAGE_POOL, retval)
#define virCheckStorageVolReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virStorageVolClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_STORAGE, VIR_ERR_INVALID_STORAGE_VOL, retval)
#define virCheckNodeDeviceReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virNodeDeviceClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_NODEDEV, VIR_ERR_INVALID_NODE_DEVICE, retval)
#define virCheckSecretReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virSecretClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_SECRET, VIR_ERR_INVALID_SECRET, retval)
#define virCheckStreamReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virStreamClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_STREAMS, VIR_ERR_INVALID_STREAM, retval)
#define virCheckNWFilterReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virNWFilterClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_NWFILTER, VIR_ERR_INVALID_NWFILTER, retval)
#define virCheckNWFilterBindingReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virNWFilterBindingClass) && \
                          virObjectIsClass((obj)->conn, virConnectClass), \
                          VIR_FROM_NWFILTER, VIR_ERR_INVALID_NWFILTER_BINDING, \
                          retval)
#define virCheckDomainCheckpointReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virDomainCheckpointClass) && \
                          virObjectIsClass((obj)->domain, virDomainClass) && \
                          virObjectIsClass((obj)->domain->conn, virConnectClass), \
                          VIR_FROM_DOMAIN_CHECKPOINT, \
                          VIR_ERR_INVALID_DOMAIN_CHECKPOINT, retval)
#define virCheckDomainSnapshotReturn(obj, retval) \
    VIR_CHECK_OBJECT_FULL(virObjectIsClass(obj, virDomainSnapshotClass) && \
                          virObjectIsClass((obj)->domain, virDomainClass) && \
                          virObjectIsClass((obj)->domain->conn, virConnectClass), \
                          VIR_FROM_DOMAIN_SNAPSHOT, \
                          VIR_ERR_INVALID_DOMAIN_SNAPSHOT, retval)

/* Entry-point checks that jump to the caller's error label. */
#define virCheckStreamGoto(obj, label) \
    do { \
        virStreamPtr _st = (obj); \
        if (!virObjectIsClass(_st, virStreamClass) || \
            !virObjectIsClass(_st->conn, virConnectClass)) { \
            virReportErrorHelper(VIR_FROM_STREAMS, VIR_ERR_INVALID_STREAM, \
                                 __FILE__, __FUNCTION__, __LINE__, \
                                 "%s", __FUNCTION__); \
            goto label; \
        } \
    } while (0)
#define virCheckReadOnlyGoto(connflags, label) \
    do { \
        if ((connflags) & VIR_CONNECT_RO) { \
            virReportRestrictedError("read only access prevents %s", \
                                     __FUNCTION__); \
            goto label; \
        } \
    } while (0)
#define virCheckNonNullArgGoto(argname, label) \
    do { \
        if ((argname) == NULL) { \
            virReportInvalidNonNullArg(argname); \
            goto label; \
        } \
    } while (0)

/* Entry points that set typed parameters: every name fits and every
 * string has a value (and strings are refused by a driver without
 * VIR_DRV_FEATURE_TYPED_PARAM_STRING).  -1 with libvirt's error. */
int virTypedParameterValidateSet(virConnectPtr conn, virTypedParameterPtr params,
                                 int nparams);

#define VIR_CHECK_ARG_GOTO(cond, report, label) \
    do { \
        if (cond) { \
            report; \
            goto label; \
        } \
    } while (0)
#define virCheckNullArgGoto(argname, label) \
    VIR_CHECK_ARG_GOTO((argname) != NULL, virReportInvalidNullArg(argname), label)
#define virCheckPositiveArgGoto(argname, label) \
    VIR_CHECK_ARG_GOTO((argname) <= 0, virReportInvalidPositiveArg(argname), label)
#define virCheckNonNegativeArgGoto(argname, label) \
    VIR_CHECK_ARG_GOTO((argname) < 0, virReportInvalidNonNegativeArg(argname), label)
#define virCheckZeroArgGoto(argname, label) \
    VIR_CHECK_ARG_GOTO((argname) != 0, virReportInvalidZeroArg(argname), label)
#define virCheckNonNullArrayArgGoto(argname, len, label) \
    VIR_CHECK_ARG_GOTO((argname) == NULL && (len) > 0, \
                       virReportInvalidNonNullArg(argname), label)
