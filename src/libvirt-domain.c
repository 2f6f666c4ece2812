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


/* ---- statistics: libvirt hands drivers a full-size structure and copies
 * the caller's @size bytes of it back ---- */

VIR_EXPORT int
virDomainBlockStats(virDomainPtr dom, const char *disk,
                    virDomainBlockStatsPtr stats, size_t size)
{
    virDomainBlockStatsStruct stats2 = { -1, -1, -1, -1, -1 };
    virConnectPtr conn = NULL;

    VIR_DEBUG("dom=%p, disk=%s, stats=%p, size=%zu", dom, NULLSTR(disk), stats, size);
    virResetLastError();
    virCheckDomainReturn(dom, -1);
    conn = dom->conn;
    virCheckNonNullArgGoto(disk, error);
    virCheckNonNullArgGoto(stats, error);
    if (size > sizeof(stats2)) {
        virReportInvalidArg(size, "size must not exceed %zu", sizeof(stats2));
        goto error;
    }
    if (conn->driver->domainBlockStats) {
        if (conn->driver->domainBlockStats(dom, disk, &stats2, sizeof(stats2)) == -1)
            goto error;
        memcpy(stats, &stats2, size);
        return 0;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


VIR_EXPORT int
virDomainInterfaceStats(virDomainPtr dom, const char *device,
                        virDomainInterfaceStatsPtr stats, size_t size)
{
    virDomainInterfaceStatsStruct stats2 = { -1, -1, -1, -1, -1, -1, -1, -1 };
    virConnectPtr conn = NULL;

    VIR_DEBUG("dom=%p, device=%s, stats=%p, size=%zu", dom, NULLSTR(device), stats, size);
    virResetLastError();
    virCheckDomainReturn(dom, -1);
    conn = dom->conn;
    virCheckNonNullArgGoto(device, error);
    virCheckNonNullArgGoto(stats, error);
    if (size > sizeof(stats2)) {
        virReportInvalidArg(size, "size must not exceed %zu", sizeof(stats2));
        goto error;
    }
    if (conn->driver->domainInterfaceStats) {
        if (conn->driver->domainInterfaceStats(dom, device, &stats2, sizeof(stats2)) == -1)
            goto error;
        memcpy(stats, &stats2, size);
        return 0;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


VIR_EXPORT int
virDomainMemoryStats(virDomainPtr dom, virDomainMemoryStatPtr stats,
                     unsigned int nr_stats, unsigned int flags)
{
    virConnectPtr conn = NULL;

    VIR_DEBUG("dom=%p, stats=%p, nr_stats=%u, flags=0x%x", dom, stats, nr_stats, flags);
    virResetLastError();
    virCheckDomainReturn(dom, -1);
    conn = dom->conn;
    /* no room: nothing asked */
    if (!stats || nr_stats == 0)
        return 0;
    if (nr_stats > VIR_DOMAIN_MEMORY_STAT_NR)
        nr_stats = VIR_DOMAIN_MEMORY_STAT_NR;
    if (conn->driver->domainMemoryStats) {
        int ret = conn->driver->domainMemoryStats(dom, stats, nr_stats, flags);

        if (ret == -1)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


VIR_EXPORT int
virDomainGetCPUStats(virDomainPtr domain, virTypedParameterPtr params,
                     unsigned int nparams, int start_cpu, unsigned int ncpus,
                     unsigned int flags)
{
    virConnectPtr conn = NULL;
    int rc;

    VIR_DEBUG("domain=%p, params=%p, nparams=%u, start_cpu=%d, ncpus=%u, flags=0x%x",
              domain, params, nparams, start_cpu, ncpus, flags);
    virResetLastError();
    virCheckDomainReturn(domain, -1);
    conn = domain->conn;
    /* start_cpu -1 (the total) goes with ncpus 1; params goes with
     * nparams, and is NULL when no CPU is asked for */
    if (start_cpu == -1) {
        if (ncpus != 1) {
            virReportInvalidArg(start_cpu, "%s", "ncpus must be 1 when start_cpu is -1");
            goto error;
        }
    } else {
        virCheckNonNegativeArgGoto(start_cpu, error);
    }
    if (nparams)
        virCheckNonNullArgGoto(params, error);
    else
        virCheckNullArgGoto(params, error);
    if (ncpus == 0)
        virCheckNullArgGoto(params, error);
    if (nparams && ncpus > UINT_MAX / nparams) {
        virReportError(VIR_ERR_OVERFLOW, "input too large: %u * %u", nparams, ncpus);
        goto error;
    }
    if ((rc = VIR_DRV_SUPPORTS_FEATURE(conn->driver, conn,
                                       VIR_DRV_FEATURE_TYPED_PARAM_STRING)) < 0)
        goto error;
    if (rc)
        flags |= VIR_TYPED_PARAM_STRING_OKAY;
    if (conn->driver->domainGetCPUStats) {
        int ret = conn->driver->domainGetCPUStats(domain, params, nparams, start_cpu,
                                                  ncpus, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- vCPUs ---- */

VIR_EXPORT int
virDomainGetVcpus(virDomainPtr domain, virVcpuInfoPtr info, int maxinfo,
                  unsigned char *cpumaps, int maplen)
{
    virConnectPtr conn = NULL;

    VIR_DEBUG("domain=%p, info=%p, maxinfo=%d, cpumaps=%p, maplen=%d",
              domain, info, maxinfo, cpumaps, maplen);
    virResetLastError();
    virCheckDomainReturn(domain, -1);
    conn = domain->conn;
    virCheckNonNullArgGoto(info, error);
    virCheckPositiveArgGoto(maxinfo, error);
    /* no maps to copy into a NULL pointer */
    if (cpumaps)
        virCheckPositiveArgGoto(maplen, error);
    else
        virCheckZeroArgGoto(maplen, error);
    if (cpumaps && maxinfo > INT_MAX / maplen) {
        virReportError(VIR_ERR_OVERFLOW, "input too large: %d * %d", maxinfo, maplen);
        goto error;
    }
    if (conn->driver->domainGetVcpus) {
        int ret = conn->driver->domainGetVcpus(domain, info, maxinfo, cpumaps, maplen);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


VIR_EXPORT int
virDomainGetVcpuPinInfo(virDomainPtr domain, int ncpumaps, unsigned char *cpumaps,
                        int maplen, unsigned int flags)
{
    virConnectPtr conn = NULL;

    VIR_DEBUG("domain=%p, ncpumaps=%d, cpumaps=%p, maplen=%d, flags=0x%x",
              domain, ncpumaps, cpumaps, maplen, flags);
    virResetLastError();
    virCheckDomainReturn(domain, -1);
    conn = domain->conn;
    virCheckNonNullArrayArgGoto(cpumaps, ncpumaps, error);
    virCheckPositiveArgGoto(ncpumaps, error);
    virCheckPositiveArgGoto(maplen, error);
    if (ncpumaps > INT_MAX / maplen) {
        virReportError(VIR_ERR_OVERFLOW, "input too large: %d * %d", ncpumaps, maplen);
        goto error;
    }
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_AFFECT_LIVE, VIR_DOMAIN_AFFECT_CONFIG, error);
    if (conn->driver->domainGetVcpuPinInfo) {
        int ret = conn->driver->domainGetVcpuPinInfo(domain, ncpumaps, cpumaps, maplen,
                                                     flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- metadata, lifecycle actions, keys, addresses ---- */

VIR_EXPORT char *
virDomainGetMetadata(virDomainPtr domain, int type, const char *uri, unsigned int flags)
{
    virConnectPtr conn = NULL;

    VIR_DEBUG("domain=%p, type=%d, uri='%s', flags=0x%x", domain, type, NULLSTR(uri), flags);
    virResetLastError();
    virCheckDomainReturn(domain, NULL);
    conn = domain->conn;
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_AFFECT_LIVE, VIR_DOMAIN_AFFECT_CONFIG, error);
    if (type == VIR_DOMAIN_METADATA_TITLE || type == VIR_DOMAIN_METADATA_DESCRIPTION)
        virCheckNullArgGoto(uri, error);
    else if (type == VIR_DOMAIN_METADATA_ELEMENT)
        virCheckNonNullArgGoto(uri, error);
    if (conn->driver->domainGetMetadata) {
        char *ret = conn->driver->domainGetMetadata(domain, type, uri, flags);

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
virDomainSetMetadata(virDomainPtr domain, int type, const char *metadata,
                     const char *key, const char *uri, unsigned int flags)
{
    virConnectPtr conn = NULL;

    VIR_DEBUG("domain=%p, type=%d, metadata='%s', key='%s', uri='%s', flags=0x%x",
              domain, type, NULLSTR(metadata), NULLSTR(key), NULLSTR(uri), flags);
    virResetLastError();
    virCheckDomainReturn(domain, -1);
    conn = domain->conn;
    virCheckReadOnlyGoto(conn->flags, error);
    switch (type) {
    case VIR_DOMAIN_METADATA_TITLE:
        if (metadata && strchr(metadata, '\n')) {
            virReportInvalidArg(metadata, "%s", "metadata title can't contain newlines");
            goto error;
        }
        G_GNUC_FALLTHROUGH;
    case VIR_DOMAIN_METADATA_DESCRIPTION:
        virCheckNullArgGoto(uri, error);
        virCheckNullArgGoto(key, error);
        break;
    case VIR_DOMAIN_METADATA_ELEMENT:
        virCheckNonNullArgGoto(uri, error);
        if (metadata)
            virCheckNonNullArgGoto(key, error);
        break;
    default:
        break;
    }
    if (conn->driver->domainSetMetadata) {
        int ret = conn->driver->domainSetMetadata(domain, type, metadata, key, uri, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


VIR_EXPORT int
virDomainSetLifecycleAction(virDomainPtr domain, unsigned int type,
                            unsigned int action, unsigned int flags)
{
    virConnectPtr conn = NULL;

    VIR_DEBUG("domain=%p, type=%u, action=%u, flags=0x%x", domain, type, action, flags);
    virResetLastError();
    virCheckDomainReturn(domain, -1);
    conn = domain->conn;
    virCheckReadOnlyGoto(conn->flags, error);
    if (type >= VIR_DOMAIN_LIFECYCLE_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "invalid lifecycle type '%u'", type);
        goto error;
    }
    if (action >= VIR_DOMAIN_LIFECYCLE_ACTION_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "invalid lifecycle action '%u'", action);
        goto error;
    }
    if (conn->driver->domainSetLifecycleAction) {
        int ret = conn->driver->domainSetLifecycleAction(domain, type, action, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


VIR_EXPORT int
virDomainSendKey(virDomainPtr domain, unsigned int codeset, unsigned int holdtime,
                 unsigned int *keycodes, int nkeycodes, unsigned int flags)
{
    virConnectPtr conn = NULL;

    VIR_DEBUG("domain=%p, codeset=%u, holdtime=%u, nkeycodes=%d, flags=0x%x",
              domain, codeset, holdtime, nkeycodes, flags);
    virResetLastError();
    virCheckDomainReturn(domain, -1);
    conn = domain->conn;
    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(keycodes, error);
    virCheckPositiveArgGoto(nkeycodes, error);
    if (codeset >= VIR_KEYCODE_SET_LAST) {
        virReportInvalidArg(codeset, "Unsupported codeset '%d'", codeset);
        goto error;
    }
    if (nkeycodes > VIR_DOMAIN_SEND_KEY_MAX_KEYS) {
        virReportInvalidArg(nkeycodes, "nkeycodes must be <= %d",
                            VIR_DOMAIN_SEND_KEY_MAX_KEYS);
        goto error;
    }
    if (conn->driver->domainSendKey) {
        int ret = conn->driver->domainSendKey(domain, codeset, holdtime, keycodes,
                                              nkeycodes, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}


VIR_EXPORT int
virDomainInterfaceAddresses(virDomainPtr dom, virDomainInterfacePtr **ifaces,
                            unsigned int source, unsigned int flags)
{
    virConnectPtr conn = NULL;

    VIR_DEBUG("dom=%p, ifaces=%p, source=%u, flags=0x%x", dom, ifaces, source, flags);
    virResetLastError();
    if (ifaces)
        *ifaces = NULL;
    virCheckDomainReturn(dom, -1);
    conn = dom->conn;
    virCheckNonNullArgGoto(ifaces, error);
    /* only the guest agent's view needs write access */
    if (source == VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT)
        virCheckReadOnlyGoto(conn->flags, error);
    if (conn->driver->domainInterfaceAddresses) {
        int ret = conn->driver->domainInterfaceAddresses(dom, ifaces, source, flags);

        if (ret < 0)
            goto error;
        return ret;
    }
    virReportUnsupportedError();

 error:
    virDispatchError(conn);
    return -1;
}
