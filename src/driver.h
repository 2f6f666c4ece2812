/*
 * driver.h: the driver tables behind a connection, and registration.
 *
 * A driver fills only the methods it implements (designated
 * initializers); a NULL method makes the public call fail with
 * VIR_ERR_NO_SUPPORT in one place, the public entry point.  The
 * per-method fields are generated from the public headers and
 * src/entry-points.def (libvirt-gen-driver.h): each method has the
 * signature of the public function it serves.
 */
#pragma once

#include "internal.h"
#include "libvirt-gen-driver.h"

typedef enum {
    VIR_DRV_OPEN_SUCCESS = 0,
    VIR_DRV_OPEN_ERROR = -1,
    VIR_DRV_OPEN_DECLINED = -2,
} virDrvOpenStatus;

typedef virDrvOpenStatus (*virDrvConnectOpen)(virConnectPtr conn,
                                              virConnectAuthPtr auth,
                                              unsigned int flags);
typedef int (*virDrvConnectClose)(virConnectPtr conn);
/* Offer a default URI when the caller gives none; 0 with *uri NULL to
 * pass, -1 on error. */
typedef int (*virDrvConnectURIProbe)(char **uri);

/* What a connection's driver may say it supports (libvirt's private
 * virConnectSupportsFeature, also asked over the wire); the values are
 * libvirt's. */
typedef enum {
    VIR_DRV_FEATURE_MIGRATION_V1 = 1,
    VIR_DRV_FEATURE_REMOTE = 2,
    VIR_DRV_FEATURE_MIGRATION_V2 = 3,
    VIR_DRV_FEATURE_MIGRATION_P2P = 4,
    VIR_DRV_FEATURE_MIGRATION_DIRECT = 5,
    VIR_DRV_FEATURE_MIGRATION_V3 = 6,
    VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION = 7,
    VIR_DRV_FEATURE_FD_PASSING = 8,
    VIR_DRV_FEATURE_TYPED_PARAM_STRING = 9,
    VIR_DRV_FEATURE_PROGRAM_KEEPALIVE = 10,
    VIR_DRV_FEATURE_XML_MIGRATABLE = 11,
    VIR_DRV_FEATURE_MIGRATION_OFFLINE = 12,
    VIR_DRV_FEATURE_MIGRATION_PARAMS = 13,
    VIR_DRV_FEATURE_REMOTE_EVENT_CALLBACK = 14,
    VIR_DRV_FEATURE_REMOTE_CLOSE_CALLBACK = 15,
    VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER = 16,
} virDrvFeature;

/* 1 if supported, 0 if not, -1 with an error set. */
typedef int (*virDrvConnectSupportsFeature)(virConnectPtr conn, int feature);

/* Ask @drv's driver (a virHypervisorDriver); a driver without the
 * method supports nothing. */
#define VIR_DRV_SUPPORTS_FEATURE(drv, conn, feature) \
    ((drv)->connectSupportsFeature ? \
     (drv)->connectSupportsFeature((conn), (feature)) : 0)

/* Features no driver decides alone: true with *@supported set for them
 * (RPC-level features are off for local drivers; typed string
 * parameters and the corrected virNetworkUpdate order are on). */
bool virDriverFeatureIsGlobal(int feature, int *supported);

typedef struct _virHypervisorDriver virHypervisorDriver;
struct _virHypervisorDriver {
    const char *name;  /* what virConnectGetType reports, e.g. "QEMU" */
    virDrvConnectOpen connectOpen;
    virDrvConnectClose connectClose;
    virDrvConnectURIProbe connectURIProbe;
    virDrvConnectSupportsFeature connectSupportsFeature;
    VIR_GEN_HYPERVISOR_FIELDS
};

typedef struct _virNetworkDriver virNetworkDriver;
struct _virNetworkDriver {
    const char *name;
    VIR_GEN_NETWORK_FIELDS
};

typedef struct _virStorageDriver virStorageDriver;
struct _virStorageDriver {
    const char *name;
    VIR_GEN_STORAGE_FIELDS
};

typedef struct _virSecretDriver virSecretDriver;
struct _virSecretDriver {
    const char *name;
    VIR_GEN_SECRET_FIELDS
};

typedef struct _virNodeDeviceDriver virNodeDeviceDriver;
struct _virNodeDeviceDriver {
    const char *name;
    /* The parent's name, allocated: virNodeDeviceGetParent keeps it in
     * the handle (unlike the public function, which returns a string the
     * handle owns). */
    char *(*nodeDeviceGetParent)(virNodeDevicePtr dev);
    VIR_GEN_NODEDEV_FIELDS
};

typedef struct _virInterfaceDriver virInterfaceDriver;
struct _virInterfaceDriver {
    const char *name;
    VIR_GEN_INTERFACE_FIELDS
};

typedef struct _virNWFilterDriver virNWFilterDriver;
struct _virNWFilterDriver {
    const char *name;
    VIR_GEN_NWFILTER_FIELDS
};

/* Methods of one open stream, set by whoever creates its data path. */
typedef struct _virStreamDriver virStreamDriver;
struct _virStreamDriver {
    VIR_GEN_STREAM_FIELDS
};

/* A connection driver: which URIs it serves and its tables.  Tables left
 * NULL fall back to the shared ones registered by a daemon with
 * virSetShared*Driver. */
typedef struct _virConnectDriver virConnectDriver;
struct _virConnectDriver {
    bool localOnly;              /* refuses URIs naming a host */
    bool remoteOnly;             /* only URIs with a host or transport */
    bool embeddable;             /* accepts qemu:///embed-style paths */
    const char **uriSchemes;     /* NULL-terminated; NULL: probe any */
    virHypervisorDriver *hypervisorDriver;
    virInterfaceDriver *interfaceDriver;
    virNetworkDriver *networkDriver;
    virNodeDeviceDriver *nodeDeviceDriver;
    virNWFilterDriver *nwfilterDriver;
    virSecretDriver *secretDriver;
    virStorageDriver *storageDriver;
};

/* Daemon-side lifecycle of a driver's global state. */
typedef struct _virStateDriver virStateDriver;
struct _virStateDriver {
    const char *name;
    int (*stateInitialize)(bool privileged, const char *root);
    int (*stateCleanup)(void);
    int (*stateReload)(void);
    int (*stateStop)(void);
};

int virRegisterConnectDriver(virConnectDriver *driver, bool setSharedDrivers);
int virRegisterStateDriver(virStateDriver *driver);
int virSetSharedNetworkDriver(virNetworkDriver *driver);
int virSetSharedInterfaceDriver(virInterfaceDriver *driver);
int virSetSharedNodeDeviceDriver(virNodeDeviceDriver *driver);
int virSetSharedNWFilterDriver(virNWFilterDriver *driver);
int virSetSharedSecretDriver(virSecretDriver *driver);
int virSetSharedStorageDriver(virStorageDriver *driver);

/* The registered connection drivers, in registration order. */
size_t virConnectDriverCount(void);
virConnectDriver *virConnectDriverAt(size_t i);

/* Forget every registration (tests only). */
void virDriverResetForTesting(void);

/* Daemon side: run every registered state driver's stateInitialize /
 * stateCleanup. */
int virStateInitialize(bool privileged, const char *root);
int virStateCleanup(void);

/* Tables registered by a daemon for connections whose driver lacks them. */
extern virNetworkDriver *virSharedNetworkDriver;
extern virInterfaceDriver *virSharedInterfaceDriver;
extern virNodeDeviceDriver *virSharedNodeDeviceDriver;
extern virNWFilterDriver *virSharedNWFilterDriver;
extern virSecretDriver *virSharedSecretDriver;
extern virStorageDriver *virSharedStorageDriver;
