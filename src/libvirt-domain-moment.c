/*
 * libvirt-domain-moment.c: the snapshot and checkpoint entry points that
 * do not have the plain generated shape.
 */
#include "internal.h"
#include "datatypes.h"
#include "util/virlog.h"

VIR_LOG_INIT("libvirt.domain-moment");

#define VIR_FROM_THIS VIR_FROM_DOMAIN_SNAPSHOT

VIR_EXPORT char *
virDomainSnapshotGetXMLDesc(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("snapshot=%p, flags=0x%x", snapshot, flags);
    virResetLastError();
    virCheckDomainSnapshotReturn(snapshot, NULL);
    conn = snapshot->domain->conn;
    /* the secure variant is for read-write connections only */
    if ((conn->flags & VIR_CONNECT_RO) && (flags & VIR_DOMAIN_SNAPSHOT_XML_SECURE)) {
        virReportError(VIR_ERR_OPERATION_DENIED, "%s",
                       "virDomainSnapshotGetXMLDesc with secure flag");
        goto error;
    }
    if (conn->driver->domainSnapshotGetXMLDesc) {
        char *ret = conn->driver->domainSnapshotGetXMLDesc(snapshot, flags);

        if (!ret)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return NULL;
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_DOMAIN_CHECKPOINT

VIR_EXPORT char *
virDomainCheckpointGetXMLDesc(virDomainCheckpointPtr checkpoint, unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("checkpoint=%p, flags=0x%x", checkpoint, flags);
    virResetLastError();
    virCheckDomainCheckpointReturn(checkpoint, NULL);
    conn = checkpoint->domain->conn;
    if ((conn->flags & VIR_CONNECT_RO) && (flags & VIR_DOMAIN_CHECKPOINT_XML_SECURE)) {
        virReportError(VIR_ERR_OPERATION_DENIED, "%s",
                       "virDomainCheckpointGetXMLDesc with secure flag");
        goto error;
    }
    if (conn->driver->domainCheckpointGetXMLDesc) {
        char *ret = conn->driver->domainCheckpointGetXMLDesc(checkpoint, flags);

        if (!ret)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return NULL;
}
