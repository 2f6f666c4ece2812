/*
 * remote_handles.c: handles and typed parameters on the wire.
 */
#include "internal.h"
#include "remote/remote_handles.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

void
remoteMakeDomain(remote_nonnull_domain *dst, virDomainPtr src)
{
    dst->name = src->name;
    memcpy(dst->uuid, src->uuid, VIR_UUID_BUFLEN);
    dst->id = src->id;
}

void
remoteDupDomain(remote_nonnull_domain *dst, virDomainPtr src)
{
    remoteMakeDomain(dst, src);
    dst->name = g_strdup(src->name);
}

virDomainPtr
remoteGetDomain(virConnectPtr conn, remote_nonnull_domain *src)
{
    return virGetDomain(conn, src->name, (unsigned char *)src->uuid, src->id);
}

/* The handles made of a name and a UUID. */
#define NAME_UUID_HANDLE(Name, wire, type) \
    void remoteMake##Name(wire *dst, type src) \
    { \
        dst->name = src->name; \
        memcpy(dst->uuid, src->uuid, VIR_UUID_BUFLEN); \
    } \
    void remoteDup##Name(wire *dst, type src) \
    { \
        remoteMake##Name(dst, src); \
        dst->name = g_strdup(src->name); \
    } \
    type remoteGet##Name(virConnectPtr conn, wire *src) \
    { \
        return virGet##Name(conn, src->name, (unsigned char *)src->uuid); \
    }

NAME_UUID_HANDLE(Network, remote_nonnull_network, virNetworkPtr)
NAME_UUID_HANDLE(NWFilter, remote_nonnull_nwfilter, virNWFilterPtr)

void
remoteMakeStoragePool(remote_nonnull_storage_pool *dst, virStoragePoolPtr src)
{
    dst->name = src->name;
    memcpy(dst->uuid, src->uuid, VIR_UUID_BUFLEN);
}

void
remoteDupStoragePool(remote_nonnull_storage_pool *dst, virStoragePoolPtr src)
{
    remoteMakeStoragePool(dst, src);
    dst->name = g_strdup(src->name);
}

virStoragePoolPtr
remoteGetStoragePool(virConnectPtr conn, remote_nonnull_storage_pool *src)
{
    return virGetStoragePool(conn, src->name, (unsigned char *)src->uuid, NULL, NULL);
}

void
remoteMakeNetworkPort(remote_nonnull_network_port *dst, virNetworkPortPtr src)
{
    remoteMakeNetwork(&dst->net, src->net);
    memcpy(dst->uuid, src->uuid, VIR_UUID_BUFLEN);
}

void
remoteDupNetworkPort(remote_nonnull_network_port *dst, virNetworkPortPtr src)
{
    remoteDupNetwork(&dst->net, src->net);
    memcpy(dst->uuid, src->uuid, VIR_UUID_BUFLEN);
}

virNetworkPortPtr
remoteGetNetworkPort(virNetworkPtr net, remote_nonnull_network_port *src)
{
    return virGetNetworkPort(net, (unsigned char *)src->uuid);
}

void
remoteMakeInterface(remote_nonnull_interface *dst, virInterfacePtr src)
{
    dst->name = src->name;
    dst->mac = src->mac;
}

void
remoteDupInterface(remote_nonnull_interface *dst, virInterfacePtr src)
{
    dst->name = g_strdup(src->name);
    dst->mac = g_strdup(src->mac);
}

virInterfacePtr
remoteGetInterface(virConnectPtr conn, remote_nonnull_interface *src)
{
    return virGetInterface(conn, src->name, src->mac);
}

void
remoteMakeStorageVol(remote_nonnull_storage_vol *dst, virStorageVolPtr src)
{
    dst->pool = src->pool;
    dst->name = src->name;
    dst->key = src->key;
}

void
remoteDupStorageVol(remote_nonnull_storage_vol *dst, virStorageVolPtr src)
{
    dst->pool = g_strdup(src->pool);
    dst->name = g_strdup(src->name);
    dst->key = g_strdup(src->key);
}

virStorageVolPtr
remoteGetStorageVol(virConnectPtr conn, remote_nonnull_storage_vol *src)
{
    return virGetStorageVol(conn, src->pool, src->name, src->key, NULL, NULL);
}

void
remoteMakeNodeDevice(remote_nonnull_node_device *dst, virNodeDevicePtr src)
{
    dst->name = src->name;
}

void
remoteDupNodeDevice(remote_nonnull_node_device *dst, virNodeDevicePtr src)
{
    dst->name = g_strdup(src->name);
}

virNodeDevicePtr
remoteGetNodeDevice(virConnectPtr conn, remote_nonnull_node_device *src)
{
    return virGetNodeDevice(conn, src->name);
}

void
remoteMakeSecret(remote_nonnull_secret *dst, virSecretPtr src)
{
    memcpy(dst->uuid, src->uuid, VIR_UUID_BUFLEN);
    dst->usageType = src->usageType;
    dst->usageID = src->usageID;
}

void
remoteDupSecret(remote_nonnull_secret *dst, virSecretPtr src)
{
    remoteMakeSecret(dst, src);
    dst->usageID = g_strdup(src->usageID);
}

virSecretPtr
remoteGetSecret(virConnectPtr conn, remote_nonnull_secret *src)
{
    return virGetSecret(conn, (unsigned char *)src->uuid, src->usageType, src->usageID);
}

void
remoteMakeNWFilterBinding(remote_nonnull_nwfilter_binding *dst, virNWFilterBindingPtr src)
{
    dst->portdev = src->portdev;
    dst->filtername = src->filtername;
}

void
remoteDupNWFilterBinding(remote_nonnull_nwfilter_binding *dst, virNWFilterBindingPtr src)
{
    dst->portdev = g_strdup(src->portdev);
    dst->filtername = g_strdup(src->filtername);
}

virNWFilterBindingPtr
remoteGetNWFilterBinding(virConnectPtr conn, remote_nonnull_nwfilter_binding *src)
{
    return virGetNWFilterBinding(conn, src->portdev, src->filtername);
}

/* Snapshots and checkpoints: a name and their domain. */
#define MOMENT_HANDLE(Name, wire, type) \
    void remoteMake##Name(wire *dst, type src) \
    { \
        dst->name = src->name; \
        remoteMakeDomain(&dst->dom, src->domain); \
    } \
    void remoteDup##Name(wire *dst, type src) \
    { \
        dst->name = g_strdup(src->name); \
        remoteDupDomain(&dst->dom, src->domain); \
    } \
    type remoteGet##Name(virDomainPtr dom, wire *src) \
    { \
        return virGet##Name(dom, src->name); \
    }

MOMENT_HANDLE(DomainSnapshot, remote_nonnull_domain_snapshot, virDomainSnapshotPtr)
MOMENT_HANDLE(DomainCheckpoint, remote_nonnull_domain_checkpoint, virDomainCheckpointPtr)

virNetworkPortPtr
remoteLookupNetworkPort(virConnectPtr conn, remote_nonnull_network_port *src)
{
    virNetworkPtr net = remoteGetNetwork(conn, &src->net);
    virNetworkPortPtr port;

    if (!net)
        return NULL;
    port = remoteGetNetworkPort(net, src);
    virObjectUnref(net);
    return port;
}

#define MOMENT_LOOKUP(Name, wire, type) \
    type remoteLookup##Name(virConnectPtr conn, wire *src) \
    { \
        virDomainPtr dom = remoteGetDomain(conn, &src->dom); \
        type ret; \
        if (!dom) \
            return NULL; \
        ret = remoteGet##Name(dom, src); \
        virObjectUnref(dom); \
        return ret; \
    }

MOMENT_LOOKUP(DomainSnapshot, remote_nonnull_domain_snapshot, virDomainSnapshotPtr)
MOMENT_LOOKUP(DomainCheckpoint, remote_nonnull_domain_checkpoint, virDomainCheckpointPtr)

/* ---- typed parameters --------------------------------------------- */

VIR_PRIVATE_EXPORT void
remoteFreeTypedParams(remote_typed_param *val, unsigned int len)
{
    unsigned int i;

    if (!val)
        return;
    for (i = 0; i < len; i++) {
        g_free(val[i].field);
        if (val[i].value.type == VIR_TYPED_PARAM_STRING)
            g_free(val[i].value.remote_typed_param_value_u.s);
    }
    g_free(val);
}

VIR_PRIVATE_EXPORT int
remoteSerializeTypedParams(virTypedParameterPtr params, int nparams, int limit,
                           remote_typed_param **val, unsigned int *len,
                           unsigned int flags)
{
    remote_typed_param *out;
    unsigned int n = 0;
    int i;

    if (nparams > limit) {
        virReportError(VIR_ERR_RPC, "too many parameters '%d' for limit '%d'",
                       nparams, limit);
        return -1;
    }
    out = g_new0(remote_typed_param, MAX(nparams, 1));
    for (i = 0; i < nparams; i++) {
        virTypedParameterPtr p = params + i;
        remote_typed_param_value *v = &out[n].value;

        if (!p->type)
            continue;   /* sparse arrays (virDomainGetCPUStats) */
        if (p->type == VIR_TYPED_PARAM_STRING && !(flags & VIR_TYPED_PARAM_STRING_OKAY))
            continue;
        v->type = p->type;
        switch (p->type) {
        case VIR_TYPED_PARAM_INT:
            v->remote_typed_param_value_u.i = p->value.i;
            break;
        case VIR_TYPED_PARAM_UINT:
            v->remote_typed_param_value_u.ui = p->value.ui;
            break;
        case VIR_TYPED_PARAM_LLONG:
            v->remote_typed_param_value_u.l = p->value.l;
            break;
        case VIR_TYPED_PARAM_ULLONG:
            v->remote_typed_param_value_u.ul = p->value.ul;
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            v->remote_typed_param_value_u.d = p->value.d;
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            v->remote_typed_param_value_u.b = p->value.b;
            break;
        case VIR_TYPED_PARAM_STRING:
            v->remote_typed_param_value_u.s = g_strdup(p->value.s);
            break;
        default:
            virReportError(VIR_ERR_RPC, "unknown parameter type: %d", p->type);
            remoteFreeTypedParams(out, n);
            return -1;
        }
        out[n++].field = g_strdup(p->field);
    }
    *val = out;
    *len = n;
    return 0;
}

VIR_PRIVATE_EXPORT int
remoteDeserializeTypedParams(remote_typed_param *val, unsigned int len, int limit,
                             virTypedParameterPtr *params, int *nparams)
{
    bool userAllocated = *params != NULL;
    virTypedParameterPtr out;
    unsigned int i;

    if (limit && len > (unsigned int)limit) {
        virReportError(VIR_ERR_RPC, "too many parameters '%u' for limit '%d'", len, limit);
        return -1;
    }
    if (userAllocated && len > (unsigned int)*nparams) {
        virReportError(VIR_ERR_RPC, "too many parameters '%u' for nparams '%d'",
                       len, *nparams);
        return -1;
    }
    out = userAllocated ? *params : g_new0(virTypedParameter, MAX(len, 1));
    for (i = 0; i < len; i++) {
        virTypedParameterPtr p = out + i;
        remote_typed_param_value *v = &val[i].value;

        if (g_strlcpy(p->field, val[i].field, sizeof(p->field)) >= sizeof(p->field)) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "parameter %s too big for destination",
                           val[i].field);
            goto error;
        }
        p->type = v->type;
        switch (p->type) {
        case VIR_TYPED_PARAM_INT:
            p->value.i = v->remote_typed_param_value_u.i;
            break;
        case VIR_TYPED_PARAM_UINT:
            p->value.ui = v->remote_typed_param_value_u.ui;
            break;
        case VIR_TYPED_PARAM_LLONG:
            p->value.l = v->remote_typed_param_value_u.l;
            break;
        case VIR_TYPED_PARAM_ULLONG:
            p->value.ul = v->remote_typed_param_value_u.ul;
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            p->value.d = v->remote_typed_param_value_u.d;
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            p->value.b = v->remote_typed_param_value_u.b;
            break;
        case VIR_TYPED_PARAM_STRING:
            p->value.s = g_strdup(v->remote_typed_param_value_u.s);
            break;
        default:
            virReportError(VIR_ERR_RPC, "unknown parameter type: %d", p->type);
            goto error;
        }
    }
    *params = out;
    *nparams = len;
    return 0;

 error:
    virTypedParamsClear(out, i);
    if (!userAllocated)
        g_free(out);
    return -1;
}
