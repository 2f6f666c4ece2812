/*
 * libvirt-objects.c: the calls every handle family shares and that never
 * reach a driver: Ref, Free, the identity getters, and LookupByUUIDString.
 * One macro per shape keeps the families from drifting apart.
 */
#include "internal.h"
#include "datatypes.h"
#include "util/viruuid.h"

/* FAMILY: Domain, Network, ...; the check macro is virCheck<FAMILY>Return */
#define DEFINE_REF_FREE(Family, Ptr) \
    VIR_EXPORT int \
    vir##Family##Ref(Ptr obj) \
    { \
        virResetLastError(); \
        virCheck##Family##Return(obj, -1); \
        virObjectRef(obj); \
        return 0; \
    } \
    VIR_EXPORT int \
    vir##Family##Free(Ptr obj) \
    { \
        virResetLastError(); \
        virCheck##Family##Return(obj, -1); \
        virObjectUnref(obj); \
        return 0; \
    }

#define DEFINE_GETTER(Family, Ptr, Name, Type, expr, fail) \
    VIR_EXPORT Type \
    vir##Family##Get##Name(Ptr obj) \
    { \
        virResetLastError(); \
        virCheck##Family##Return(obj, fail); \
        return (expr); \
    }

#define DEFINE_UUID_GETTERS(Family, Ptr, connExpr) \
    VIR_EXPORT int \
    vir##Family##GetUUID(Ptr obj, unsigned char *uuid) \
    { \
        virResetLastError(); \
        virCheck##Family##Return(obj, -1); \
        virCheckNonNullArgGoto(uuid, error); \
        memcpy(uuid, obj->uuid, VIR_UUID_BUFLEN); \
        return 0; \
     error: \
        virDispatchError(connExpr); \
        return -1; \
    } \
    VIR_EXPORT int \
    vir##Family##GetUUIDString(Ptr obj, char *buf) \
    { \
        virResetLastError(); \
        virCheck##Family##Return(obj, -1); \
        virCheckNonNullArgGoto(buf, error); \
        virUUIDFormat(obj->uuid, buf); \
        return 0; \
     error: \
        virDispatchError(connExpr); \
        return -1; \
    }

/* libvirt words a bad UUID string differently for domains: @plain */
#define DEFINE_LOOKUP_UUIDSTRING_FULL(Family, Ptr, Parent, ParentPtr, connExpr, plain) \
    VIR_EXPORT Ptr \
    vir##Family##LookupByUUIDString(ParentPtr parent, const char *uuidstr) \
    { \
        unsigned char uuid[VIR_UUID_BUFLEN]; \
        virResetLastError(); \
        virCheck##Parent##Return(parent, NULL); \
        virCheckNonNullArgGoto(uuidstr, error); \
        if (virUUIDParse(uuidstr, uuid) < 0) { \
            if (plain) \
                virReportInvalidArg(uuidstr, "%s", "Invalid UUID"); \
            else \
                virReportInvalidArg(uuidstr, "uuidstr in %s must be a valid UUID", \
                                    __FUNCTION__); \
            goto error; \
        } \
        return vir##Family##LookupByUUID(parent, uuid); \
     error: \
        virDispatchError(connExpr); \
        return NULL; \
    }

#define DEFINE_LOOKUP_UUIDSTRING(Family, Ptr, Parent, ParentPtr, connExpr) \
    DEFINE_LOOKUP_UUIDSTRING_FULL(Family, Ptr, Parent, ParentPtr, connExpr, false)

#define VIR_FROM_THIS VIR_FROM_DOMAIN
DEFINE_REF_FREE(Domain, virDomainPtr)
DEFINE_GETTER(Domain, virDomainPtr, Name, const char *, obj->name, NULL)
DEFINE_GETTER(Domain, virDomainPtr, ID, unsigned int, obj->id, (unsigned int)-1)
DEFINE_GETTER(Domain, virDomainPtr, Connect, virConnectPtr, obj->conn, NULL)
DEFINE_UUID_GETTERS(Domain, virDomainPtr, obj->conn)
DEFINE_LOOKUP_UUIDSTRING_FULL(Domain, virDomainPtr, Connect, virConnectPtr, parent, true)

VIR_EXPORT virDomainPtr
virDomainCreateLinux(virConnectPtr conn, const char *xmlDesc, unsigned int flags)
{
    /* the old name of virDomainCreateXML */
    return virDomainCreateXML(conn, xmlDesc, flags);
}

VIR_EXPORT void
virDomainFSInfoFree(virDomainFSInfoPtr info)
{
    size_t i;

    if (!info)
        return;
    g_free(info->mountpoint);
    g_free(info->name);
    g_free(info->fstype);
    for (i = 0; i < info->ndevAlias; i++)
        g_free(info->devAlias[i]);
    g_free(info->devAlias);
    g_free(info);
}

VIR_EXPORT void
virDomainIOThreadInfoFree(virDomainIOThreadInfoPtr info)
{
    if (!info)
        return;
    g_free(info->cpumap);
    g_free(info);
}

VIR_EXPORT void
virDomainInterfaceFree(virDomainInterfacePtr iface)
{
    size_t i;

    if (!iface)
        return;
    g_free(iface->name);
    g_free(iface->hwaddr);
    for (i = 0; i < iface->naddrs; i++)
        g_free(iface->addrs[i].addr);
    g_free(iface->addrs);
    g_free(iface);
}

VIR_EXPORT void
virDomainStatsRecordListFree(virDomainStatsRecordPtr *stats)
{
    virDomainStatsRecordPtr *next;

    if (!stats)
        return;
    for (next = stats; *next; next++) {
        virTypedParamsFree((*next)->params, (*next)->nparams);
        virDomainFree((*next)->dom);
        g_free(*next);
    }
    g_free(stats);
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_DOMAIN_SNAPSHOT
DEFINE_REF_FREE(DomainSnapshot, virDomainSnapshotPtr)
DEFINE_GETTER(DomainSnapshot, virDomainSnapshotPtr, Name, const char *, obj->name, NULL)
DEFINE_GETTER(DomainSnapshot, virDomainSnapshotPtr, Domain, virDomainPtr, obj->domain, NULL)
DEFINE_GETTER(DomainSnapshot, virDomainSnapshotPtr, Connect, virConnectPtr, obj->domain->conn, NULL)

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_DOMAIN_CHECKPOINT
DEFINE_REF_FREE(DomainCheckpoint, virDomainCheckpointPtr)
DEFINE_GETTER(DomainCheckpoint, virDomainCheckpointPtr, Name, const char *, obj->name, NULL)
DEFINE_GETTER(DomainCheckpoint, virDomainCheckpointPtr, Domain, virDomainPtr, obj->domain, NULL)
DEFINE_GETTER(DomainCheckpoint, virDomainCheckpointPtr, Connect, virConnectPtr, obj->domain->conn, NULL)

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NETWORK
DEFINE_REF_FREE(Network, virNetworkPtr)
DEFINE_GETTER(Network, virNetworkPtr, Name, const char *, obj->name, NULL)
DEFINE_GETTER(Network, virNetworkPtr, Connect, virConnectPtr, obj->conn, NULL)
DEFINE_UUID_GETTERS(Network, virNetworkPtr, obj->conn)
DEFINE_LOOKUP_UUIDSTRING(Network, virNetworkPtr, Connect, virConnectPtr, parent)
DEFINE_REF_FREE(NetworkPort, virNetworkPortPtr)
DEFINE_GETTER(NetworkPort, virNetworkPortPtr, Network, virNetworkPtr, obj->net, NULL)
DEFINE_UUID_GETTERS(NetworkPort, virNetworkPortPtr, obj->net->conn)
DEFINE_LOOKUP_UUIDSTRING(NetworkPort, virNetworkPortPtr, Network, virNetworkPtr, parent->conn)

VIR_EXPORT void
virNetworkDHCPLeaseFree(virNetworkDHCPLeasePtr lease)
{
    if (!lease)
        return;
    g_free(lease->iface);
    g_free(lease->mac);
    g_free(lease->iaid);
    g_free(lease->ipaddr);
    g_free(lease->hostname);
    g_free(lease->clientid);
    g_free(lease);
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_INTERFACE
DEFINE_REF_FREE(Interface, virInterfacePtr)
DEFINE_GETTER(Interface, virInterfacePtr, Name, const char *, obj->name, NULL)
DEFINE_GETTER(Interface, virInterfacePtr, MACString, const char *, obj->mac, NULL)
DEFINE_GETTER(Interface, virInterfacePtr, Connect, virConnectPtr, obj->conn, NULL)

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_STORAGE
DEFINE_REF_FREE(StoragePool, virStoragePoolPtr)
DEFINE_GETTER(StoragePool, virStoragePoolPtr, Name, const char *, obj->name, NULL)
DEFINE_GETTER(StoragePool, virStoragePoolPtr, Connect, virConnectPtr, obj->conn, NULL)
DEFINE_UUID_GETTERS(StoragePool, virStoragePoolPtr, obj->conn)
DEFINE_LOOKUP_UUIDSTRING(StoragePool, virStoragePoolPtr, Connect, virConnectPtr, parent)
DEFINE_REF_FREE(StorageVol, virStorageVolPtr)
DEFINE_GETTER(StorageVol, virStorageVolPtr, Name, const char *, obj->name, NULL)
DEFINE_GETTER(StorageVol, virStorageVolPtr, Key, const char *, obj->key, NULL)
DEFINE_GETTER(StorageVol, virStorageVolPtr, Connect, virConnectPtr, obj->conn, NULL)

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NODEDEV
DEFINE_REF_FREE(NodeDevice, virNodeDevicePtr)
DEFINE_GETTER(NodeDevice, virNodeDevicePtr, Name, const char *, obj->name, NULL)

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_SECRET
DEFINE_REF_FREE(Secret, virSecretPtr)
DEFINE_GETTER(Secret, virSecretPtr, UsageType, int, obj->usageType, -1)
DEFINE_GETTER(Secret, virSecretPtr, UsageID, const char *, obj->usageID, NULL)
DEFINE_GETTER(Secret, virSecretPtr, Connect, virConnectPtr, obj->conn, NULL)
DEFINE_UUID_GETTERS(Secret, virSecretPtr, obj->conn)
DEFINE_LOOKUP_UUIDSTRING(Secret, virSecretPtr, Connect, virConnectPtr, parent)

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NWFILTER
DEFINE_REF_FREE(NWFilter, virNWFilterPtr)
DEFINE_GETTER(NWFilter, virNWFilterPtr, Name, const char *, obj->name, NULL)
DEFINE_UUID_GETTERS(NWFilter, virNWFilterPtr, obj->conn)
DEFINE_LOOKUP_UUIDSTRING(NWFilter, virNWFilterPtr, Connect, virConnectPtr, parent)
DEFINE_REF_FREE(NWFilterBinding, virNWFilterBindingPtr)
DEFINE_GETTER(NWFilterBinding, virNWFilterBindingPtr, PortDev, const char *, obj->portdev, NULL)
DEFINE_GETTER(NWFilterBinding, virNWFilterBindingPtr, FilterName, const char *, obj->filtername, NULL)
