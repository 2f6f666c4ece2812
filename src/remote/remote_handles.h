/*
 * remote_handles.h: public handles <-> their wire form in the remote
 * protocol, for both ends.
 *
 *   remoteMakeX(&wire, handle)   borrow: the wire struct points into the
 *                                handle (arguments of a client call)
 *   remoteDupX(&wire, handle)    copy: freed with the message (replies)
 *   remoteGetX(parent, &wire)    a new reference to the handle, or NULL
 *                                with an error
 *
 * The parent is the connection, except for network ports (their
 * network) and snapshots and checkpoints (their domain).
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "remote_protocol.h"

#define REMOTE_HANDLE_DECL(Name, wire, type, parent) \
    void remoteMake##Name(wire *dst, type src); \
    void remoteDup##Name(wire *dst, type src); \
    type remoteGet##Name(parent, wire *src);

REMOTE_HANDLE_DECL(Domain, remote_nonnull_domain, virDomainPtr, virConnectPtr conn)
REMOTE_HANDLE_DECL(Network, remote_nonnull_network, virNetworkPtr, virConnectPtr conn)
REMOTE_HANDLE_DECL(NetworkPort, remote_nonnull_network_port, virNetworkPortPtr,
                   virNetworkPtr net)
REMOTE_HANDLE_DECL(Interface, remote_nonnull_interface, virInterfacePtr, virConnectPtr conn)
REMOTE_HANDLE_DECL(StoragePool, remote_nonnull_storage_pool, virStoragePoolPtr,
                   virConnectPtr conn)
REMOTE_HANDLE_DECL(StorageVol, remote_nonnull_storage_vol, virStorageVolPtr,
                   virConnectPtr conn)
REMOTE_HANDLE_DECL(NodeDevice, remote_nonnull_node_device, virNodeDevicePtr,
                   virConnectPtr conn)
REMOTE_HANDLE_DECL(Secret, remote_nonnull_secret, virSecretPtr, virConnectPtr conn)
REMOTE_HANDLE_DECL(NWFilter, remote_nonnull_nwfilter, virNWFilterPtr, virConnectPtr conn)
REMOTE_HANDLE_DECL(NWFilterBinding, remote_nonnull_nwfilter_binding, virNWFilterBindingPtr,
                   virConnectPtr conn)
REMOTE_HANDLE_DECL(DomainSnapshot, remote_nonnull_domain_snapshot, virDomainSnapshotPtr,
                   virDomainPtr dom)
REMOTE_HANDLE_DECL(DomainCheckpoint, remote_nonnull_domain_checkpoint,
                   virDomainCheckpointPtr, virDomainPtr dom)

/* From the connection: the parent handle first (daemon side). */
virNetworkPortPtr remoteLookupNetworkPort(virConnectPtr conn,
                                          remote_nonnull_network_port *src);
virDomainSnapshotPtr remoteLookupDomainSnapshot(virConnectPtr conn,
                                                remote_nonnull_domain_snapshot *src);
virDomainCheckpointPtr remoteLookupDomainCheckpoint(virConnectPtr conn,
                                                    remote_nonnull_domain_checkpoint *src);

/* Typed parameters <-> remote_typed_param (the admin program's
 * admin_typed_param has the same layout).  Serialize drops unset
 * entries, and strings unless @flags has VIR_TYPED_PARAM_STRING_OKAY
 * (older clients cannot take them); both refuse more than @limit entries.  Deserialize fills the
 * caller's array when *@params is set (at most *@nparams entries), else
 * allocates one. */
int remoteSerializeTypedParams(virTypedParameterPtr params, int nparams, int limit,
                               remote_typed_param **val, unsigned int *len,
                               unsigned int flags);
int remoteDeserializeTypedParams(remote_typed_param *val, unsigned int len, int limit,
                                 virTypedParameterPtr *params, int *nparams);
void remoteFreeTypedParams(remote_typed_param *val, unsigned int len);
