/*
 * driver.c: registration of connection and state drivers.
 *
 * Drivers register once, at library or daemon start-up; after that the
 * tables are only read, so lookups during virConnectOpen take no lock
 * beyond the one guarding the array's growth.
 */
#include "internal.h"
#include "driver.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("driver");

#define MAX_DRIVERS 20

static GMutex driverLock;
static virConnectDriver *connectDrivers[MAX_DRIVERS];
static size_t nconnectDrivers;
static virStateDriver *stateDrivers[MAX_DRIVERS];
static size_t nstateDrivers;

virNetworkDriver *virSharedNetworkDriver;
virInterfaceDriver *virSharedInterfaceDriver;
virNodeDeviceDriver *virSharedNodeDeviceDriver;
virNWFilterDriver *virSharedNWFilterDriver;
virSecretDriver *virSharedSecretDriver;
virStorageDriver *virSharedStorageDriver;

int
virRegisterConnectDriver(virConnectDriver *driver, bool setSharedDrivers)
{
    g_mutex_lock(&driverLock);
    if (nconnectDrivers >= MAX_DRIVERS) {
        g_mutex_unlock(&driverLock);
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Too many drivers, cannot register %s",
                       driver->hypervisorDriver ? driver->hypervisorDriver->name : "?");
        return -1;
    }
    VIR_DEBUG("registering %s as driver %zu",
              driver->hypervisorDriver ? driver->hypervisorDriver->name : "?",
              nconnectDrivers);
    connectDrivers[nconnectDrivers++] = driver;
    if (setSharedDrivers) {
        if (driver->interfaceDriver)
            virSharedInterfaceDriver = driver->interfaceDriver;
        if (driver->networkDriver)
            virSharedNetworkDriver = driver->networkDriver;
        if (driver->nodeDeviceDriver)
            virSharedNodeDeviceDriver = driver->nodeDeviceDriver;
        if (driver->nwfilterDriver)
            virSharedNWFilterDriver = driver->nwfilterDriver;
        if (driver->secretDriver)
            virSharedSecretDriver = driver->secretDriver;
        if (driver->storageDriver)
            virSharedStorageDriver = driver->storageDriver;
    }
    g_mutex_unlock(&driverLock);
    return nconnectDrivers - 1;
}

size_t
virConnectDriverCount(void)
{
    size_t n;

    g_mutex_lock(&driverLock);
    n = nconnectDrivers;
    g_mutex_unlock(&driverLock);
    return n;
}

virConnectDriver *
virConnectDriverAt(size_t i)
{
    virConnectDriver *drv = NULL;

    g_mutex_lock(&driverLock);
    if (i < nconnectDrivers)
        drv = connectDrivers[i];
    g_mutex_unlock(&driverLock);
    return drv;
}

int
virRegisterStateDriver(virStateDriver *driver)
{
    g_mutex_lock(&driverLock);
    if (nstateDrivers >= MAX_DRIVERS) {
        g_mutex_unlock(&driverLock);
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Too many drivers, cannot register %s", driver->name);
        return -1;
    }
    stateDrivers[nstateDrivers++] = driver;
    g_mutex_unlock(&driverLock);
    return nstateDrivers - 1;
}

#define SET_SHARED(Kind, var) \
    int virSetShared##Kind##Driver(vir##Kind##Driver *driver) \
    { \
        var = driver; \
        return 0; \
    }

SET_SHARED(Network, virSharedNetworkDriver)
SET_SHARED(Interface, virSharedInterfaceDriver)
SET_SHARED(NodeDevice, virSharedNodeDeviceDriver)
SET_SHARED(NWFilter, virSharedNWFilterDriver)
SET_SHARED(Secret, virSharedSecretDriver)
SET_SHARED(Storage, virSharedStorageDriver)

int
virStateInitialize(bool privileged, const char *root)
{
    size_t i;

    for (i = 0; i < nstateDrivers; i++) {
        if (stateDrivers[i]->stateInitialize &&
            stateDrivers[i]->stateInitialize(privileged, root) < 0) {
            VIR_ERROR("Initialization of %s state driver failed: %s",
                      stateDrivers[i]->name, virGetLastErrorMessage());
            return -1;
        }
    }
    return 0;
}

int
virStateCleanup(void)
{
    int ret = 0;
    size_t i = nstateDrivers;

    while (i-- > 0) {
        if (stateDrivers[i]->stateCleanup &&
            stateDrivers[i]->stateCleanup() < 0)
            ret = -1;
    }
    return ret;
}

void
virDriverResetForTesting(void)
{
    g_mutex_lock(&driverLock);
    nconnectDrivers = 0;
    nstateDrivers = 0;
    virSharedNetworkDriver = NULL;
    virSharedInterfaceDriver = NULL;
    virSharedNodeDeviceDriver = NULL;
    virSharedNWFilterDriver = NULL;
    virSharedSecretDriver = NULL;
    virSharedStorageDriver = NULL;
    g_mutex_unlock(&driverLock);
}


bool
virDriverFeatureIsGlobal(int feature, int *supported)
{
    switch (feature) {
    case VIR_DRV_FEATURE_REMOTE:
    case VIR_DRV_FEATURE_PROGRAM_KEEPALIVE:
    case VIR_DRV_FEATURE_REMOTE_CLOSE_CALLBACK:
    case VIR_DRV_FEATURE_REMOTE_EVENT_CALLBACK:
        /* properties of the RPC protocol: the remote driver answers */
        *supported = 0;
        return true;
    case VIR_DRV_FEATURE_TYPED_PARAM_STRING:
    case VIR_DRV_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER:
        *supported = 1;
        return true;
    default:
        return false;
    }
}
