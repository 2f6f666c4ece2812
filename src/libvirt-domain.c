/*
 * libvirt-domain.c: the domain entry points that do not have the plain
 * generated shape.
 */
#include "internal.h"
#include "datatypes.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("libvirt.domain");

VIR_EXPORT int
virDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                      virDomainStatsRecordPtr **retStats, unsigned int flags)
{
    virConnectPtr conn = NULL;
    virDomainPtr *next;

    VIR_DEBUG("doms=%p, stats=0x%x, retStats=%p, flags=0x%x",
              doms, stats, retStats, flags);
    virResetLastError();
    virCheckNonNullArgGoto(doms, error);
    virCheckNonNullArgGoto(retStats, error);
    if (!*doms) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "doms array in virDomainListGetStats must contain at least one domain");
        goto error;
    }
    conn = doms[0]->conn;
    virCheckConnectReturn(conn, -1);
    for (next = doms; *next; next++) {
        if (!virObjectIsClass(*next, virDomainClass)) {
            virReportError(VIR_ERR_INVALID_DOMAIN, "%s", __FUNCTION__);
            goto error;
        }
        if ((*next)->conn != conn) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "domains in 'doms' array must belong to a single connection");
            goto error;
        }
    }
    if (conn->driver->domainListGetStats) {
        int ret = conn->driver->domainListGetStats(doms, stats, retStats, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}

VIR_EXPORT char *
virDomainGetXMLDesc(virDomainPtr domain, unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("domain=%p, flags=0x%x", domain, flags);
    virResetLastError();
    virCheckDomainReturn(domain, NULL);
    conn = domain->conn;
    /* secrets and migratable XML are for read-write connections only */
    if ((conn->flags & VIR_CONNECT_RO) &&
        (flags & (VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_MIGRATABLE))) {
        virReportError(VIR_ERR_OPERATION_DENIED, "%s",
                       "virDomainGetXMLDesc with secure flag");
        goto error;
    }
    if (conn->driver->domainGetXMLDesc) {
        char *ret = conn->driver->domainGetXMLDesc(domain, flags);

        if (!ret)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return NULL;
}

VIR_EXPORT int
virDomainCoreDumpWithFormat(virDomainPtr domain, const char *to,
                            unsigned int dumpformat, unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("domain=%p, to=%s, dumpformat=%u, flags=0x%x",
              domain, NULLSTR(to), dumpformat, flags);
    virResetLastError();
    virCheckDomainReturn(domain, -1);
    conn = domain->conn;
    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(to, error);
    if (dumpformat >= VIR_DOMAIN_CORE_DUMP_FORMAT_LAST) {
        virReportInvalidArg(flags, "dumpformat '%d' is not supported", dumpformat);
        goto error;
    }
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_CRASH, VIR_DUMP_LIVE, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_CRASH, VIR_DUMP_RESET, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_LIVE, VIR_DUMP_RESET, error);
    if (conn->driver->domainCoreDumpWithFormat) {
        /* the driver may work out of process: an absolute file name */
        g_autofree char *absTo = g_canonicalize_filename(to, NULL);
        int ret = conn->driver->domainCoreDumpWithFormat(domain, absTo, dumpformat, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}
