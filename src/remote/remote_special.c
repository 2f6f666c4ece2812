/*
 * remote_special.c: client stubs the generator cannot write, each with
 * the reason.
 */
#include "internal.h"
#include "remote/remote_driver.h"
#include "remote/remote_client.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

VIR_LOG_INIT("remote.special");

#define CALL(conn, proc, a, r) \
    remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_##proc, \
               (xdrproc_t)xdr_remote_##a, (char *)&args, \
               (xdrproc_t)xdr_remote_##r, (char *)&ret)

/* The ids travel as an int array bounded by the caller's maxids. */
static int
remoteConnectListDomains(virConnectPtr conn, int *ids, int maxids)
{
    remote_connect_list_domains_args args = { maxids };
    remote_connect_list_domains_ret ret = { { 0 } };
    int rv = -1;

    if (maxids > REMOTE_DOMAIN_LIST_MAX) {
        virReportError(VIR_ERR_RPC, "Too many domains '%d' for limit '%d'",
                       maxids, REMOTE_DOMAIN_LIST_MAX);
        return -1;
    }
    if (CALL(conn, CONNECT_LIST_DOMAINS, connect_list_domains_args,
             connect_list_domains_ret) < 0)
        return -1;
    if (ret.ids.ids_len > (unsigned int)maxids) {
        virReportError(VIR_ERR_RPC, "Too many domains '%d' for limit '%d'",
                       ret.ids.ids_len, maxids);
    } else {
        memcpy(ids, ret.ids.ids_val, ret.ids.ids_len * sizeof(int));
        rv = ret.ids.ids_len;
    }
    xdr_free((xdrproc_t)xdr_remote_connect_list_domains_ret, (char *)&ret);
    return rv;
}

/* The procedure has no reply: the new id comes from a lookup. */
static int
remoteDomainCreate(virDomainPtr domain)
{
    remote_domain_create_args args;
    remote_domain_lookup_by_uuid_args largs;
    remote_domain_lookup_by_uuid_ret lret = { { 0 } };

    remoteMakeDomain(&args.dom, domain);
    if (remoteCall(domain->conn, REMOTE_PROGRAM_ID, REMOTE_PROC_DOMAIN_CREATE,
                   (xdrproc_t)xdr_remote_domain_create_args, (char *)&args,
                   (xdrproc_t)xdr_void, NULL) < 0)
        return -1;
    memcpy(largs.uuid, domain->uuid, VIR_UUID_BUFLEN);
    if (remoteCall(domain->conn, REMOTE_PROGRAM_ID, REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID,
                   (xdrproc_t)xdr_remote_domain_lookup_by_uuid_args, (char *)&largs,
                   (xdrproc_t)xdr_remote_domain_lookup_by_uuid_ret, (char *)&lret) < 0)
        return -1;
    domain->id = lret.dom.id;
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_uuid_ret, (char *)&lret);
    return 0;
}

/* The handle takes its new name. */
static int
remoteDomainRename(virDomainPtr dom, const char *new_name, unsigned int flags)
{
    remote_domain_rename_args args;
    remote_domain_rename_ret ret = { 0 };

    remoteMakeDomain(&args.dom, dom);
    args.new_name = new_name ? (char **)&new_name : NULL;
    args.flags = flags;
    if (CALL(dom->conn, DOMAIN_RENAME, domain_rename_args, domain_rename_ret) < 0)
        return -1;
    if (ret.retcode == 0) {
        g_free(dom->name);
        dom->name = g_strdup(new_name);
    }
    return ret.retcode;
}

/* The parent's name is optional on the wire; the entry point keeps it
 * in the handle. */
static char *
remoteNodeDeviceGetParent(virNodeDevicePtr dev)
{
    remote_node_device_get_parent_args args = { dev->name };
    remote_node_device_get_parent_ret ret = { NULL };
    char *parent = NULL;

    if (CALL(dev->conn, NODE_DEVICE_GET_PARENT, node_device_get_parent_args,
             node_device_get_parent_ret) < 0)
        return NULL;
    if (ret.parentName) {
        parent = g_steal_pointer(ret.parentName);
        g_free(ret.parentName);
    } else {
        virReportError(VIR_ERR_NO_NODE_DEVICE, "%s", "no parent for this device");
    }
    return parent;
}

/* Two results: the type is returned, the count goes out. */
static char *
remoteDomainGetSchedulerType(virDomainPtr domain, int *nparams)
{
    remote_domain_get_scheduler_type_args args;
    remote_domain_get_scheduler_type_ret ret = { NULL, 0 };

    remoteMakeDomain(&args.dom, domain);
    if (CALL(domain->conn, DOMAIN_GET_SCHEDULER_TYPE, domain_get_scheduler_type_args,
             domain_get_scheduler_type_ret) < 0)
        return NULL;
    if (nparams)
        *nparams = ret.nparams;
    return ret.type;
}

/* The value is bytes, returned with their count. */
static unsigned char *
remoteSecretGetValue(virSecretPtr secret, size_t *value_size, unsigned int flags)
{
    remote_secret_get_value_args args;
    remote_secret_get_value_ret ret = { { 0 } };

    remoteMakeSecret(&args.secret, secret);
    args.flags = flags;
    if (CALL(secret->conn, SECRET_GET_VALUE, secret_get_value_args,
             secret_get_value_ret) < 0)
        return NULL;
    *value_size = ret.value.value_len;
    return (unsigned char *)ret.value.value_val;
}

/* Fixed-size fields arrive as bounded arrays. */
static int
remoteDomainGetSecurityLabel(virDomainPtr domain, virSecurityLabelPtr seclabel)
{
    remote_domain_get_security_label_args args;
    remote_domain_get_security_label_ret ret = { { 0 }, 0 };
    int rv = -1;

    remoteMakeDomain(&args.dom, domain);
    memset(seclabel, 0, sizeof(*seclabel));
    if (CALL(domain->conn, DOMAIN_GET_SECURITY_LABEL, domain_get_security_label_args,
             domain_get_security_label_ret) < 0)
        return -1;
    if (ret.label.label_val) {
        if (g_strlcpy(seclabel->label, ret.label.label_val, sizeof(seclabel->label)) >=
            sizeof(seclabel->label)) {
            virReportError(VIR_ERR_RPC, "security label exceeds maximum: %zu",
                           sizeof(seclabel->label) - 1);
            goto cleanup;
        }
        seclabel->enforcing = ret.enforcing;
    }
    rv = 0;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_security_label_ret, (char *)&ret);
    return rv;
}

static int
remoteNodeGetSecurityModel(virConnectPtr conn, virSecurityModelPtr secmodel)
{
    remote_node_get_security_model_ret ret = { { 0 }, { 0 } };
    int rv = -1;

    memset(secmodel, 0, sizeof(*secmodel));
    if (remoteCall(conn, REMOTE_PROGRAM_ID, REMOTE_PROC_NODE_GET_SECURITY_MODEL,
                   (xdrproc_t)xdr_void, NULL,
                   (xdrproc_t)xdr_remote_node_get_security_model_ret, (char *)&ret) < 0)
        return -1;
    if (ret.model.model_val &&
        g_strlcpy(secmodel->model, ret.model.model_val, sizeof(secmodel->model)) >=
        sizeof(secmodel->model)) {
        virReportError(VIR_ERR_RPC, "security model exceeds maximum: %zu",
                       sizeof(secmodel->model) - 1);
        goto cleanup;
    }
    if (ret.doi.doi_val &&
        g_strlcpy(secmodel->doi, ret.doi.doi_val, sizeof(secmodel->doi)) >=
        sizeof(secmodel->doi)) {
        virReportError(VIR_ERR_RPC, "security doi exceeds maximum: %zu",
                       sizeof(secmodel->doi) - 1);
        goto cleanup;
    }
    rv = 0;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_node_get_security_model_ret, (char *)&ret);
    return rv;
}

/* The count (maxCells) is not next to the array it bounds. */
static int
remoteNodeGetCellsFreeMemory(virConnectPtr conn, unsigned long long *freeMems,
                             int startCell, int maxCells)
{
    remote_node_get_cells_free_memory_args args = { startCell, maxCells };
    remote_node_get_cells_free_memory_ret ret = { { 0 } };
    int rv = -1;

    if (maxCells > REMOTE_NODE_MAX_CELLS) {
        virReportError(VIR_ERR_RPC, "too many NUMA cells: %d > %d",
                       maxCells, REMOTE_NODE_MAX_CELLS);
        return -1;
    }
    if (CALL(conn, NODE_GET_CELLS_FREE_MEMORY, node_get_cells_free_memory_args,
             node_get_cells_free_memory_ret) < 0)
        return -1;
    if (ret.cells.cells_len <= (unsigned int)maxCells) {
        memcpy(freeMems, ret.cells.cells_val, ret.cells.cells_len * sizeof(*freeMems));
        rv = ret.cells.cells_len;
    } else {
        virReportError(VIR_ERR_RPC, "too many NUMA cells: %d > %d",
                       ret.cells.cells_len, maxCells);
    }
    xdr_free((xdrproc_t)xdr_remote_node_get_cells_free_memory_ret, (char *)&ret);
    return rv;
}

/* Either output may be NULL; the daemon is told which ones to fill. */
static int
remoteNodeGetCPUMap(virConnectPtr conn, unsigned char **cpumap,
                    unsigned int *online, unsigned int flags)
{
    remote_node_get_cpu_map_args args = { !!cpumap, !!online, flags };
    remote_node_get_cpu_map_ret ret = { { 0 } };
    int rv;

    if (CALL(conn, NODE_GET_CPU_MAP, node_get_cpu_map_args, node_get_cpu_map_ret) < 0)
        return -1;
    if (cpumap) {
        *cpumap = g_new0(unsigned char, MAX(ret.cpumap.cpumap_len, 1));
        memcpy(*cpumap, ret.cpumap.cpumap_val, ret.cpumap.cpumap_len);
    }
    if (online)
        *online = ret.online;
    rv = ret.ret;
    xdr_free((xdrproc_t)xdr_remote_node_get_cpu_map_ret, (char *)&ret);
    return rv;
}

/* Two arrays out: the vcpu records and the CPU maps. */
static int
remoteDomainGetVcpus(virDomainPtr domain, virVcpuInfoPtr info, int maxinfo,
                     unsigned char *cpumaps, int maplen)
{
    remote_domain_get_vcpus_args args;
    remote_domain_get_vcpus_ret ret = { { 0 }, { 0 } };
    int rv = -1;
    size_t i;

    if (maxinfo > REMOTE_VCPUINFO_MAX) {
        virReportError(VIR_ERR_RPC, "vCPU count exceeds maximum: %d > %d",
                       maxinfo, REMOTE_VCPUINFO_MAX);
        return -1;
    }
    if ((long long)maxinfo * maplen > REMOTE_CPUMAPS_MAX) {
        virReportError(VIR_ERR_RPC, "vCPU map buffer length exceeds maximum: %d > %d",
                       maxinfo * maplen, REMOTE_CPUMAPS_MAX);
        return -1;
    }
    remoteMakeDomain(&args.dom, domain);
    args.maxinfo = maxinfo;
    args.maplen = maplen;
    if (CALL(domain->conn, DOMAIN_GET_VCPUS, domain_get_vcpus_args,
             domain_get_vcpus_ret) < 0)
        return -1;
    if (ret.info.info_len > (unsigned int)maxinfo) {
        virReportError(VIR_ERR_RPC, "host reports too many vCPUs: %d > %d",
                       ret.info.info_len, maxinfo);
        goto cleanup;
    }
    if (ret.cpumaps.cpumaps_len > (unsigned int)(maxinfo * maplen)) {
        virReportError(VIR_ERR_RPC, "host reports map buffer length exceeds maximum: %d > %d",
                       ret.cpumaps.cpumaps_len, maxinfo * maplen);
        goto cleanup;
    }
    memset(info, 0, sizeof(*info) * maxinfo);
    for (i = 0; i < ret.info.info_len; i++) {
        info[i].number = ret.info.info_val[i].number;
        info[i].state = ret.info.info_val[i].state;
        info[i].cpuTime = ret.info.info_val[i].cpu_time;
        info[i].cpu = ret.info.info_val[i].cpu;
    }
    if (cpumaps) {
        memset(cpumaps, 0, maxinfo * maplen);
        memcpy(cpumaps, ret.cpumaps.cpumaps_val, ret.cpumaps.cpumaps_len);
    }
    rv = ret.info.info_len;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_domain_get_vcpus_ret, (char *)&ret);
    return rv;
}

/* Tag/value records into the caller's array. */
static int
remoteDomainMemoryStats(virDomainPtr domain, virDomainMemoryStatPtr stats,
                        unsigned int nr_stats, unsigned int flags)
{
    remote_domain_memory_stats_args args;
    remote_domain_memory_stats_ret ret = { { 0 } };
    size_t i;

    if (nr_stats > REMOTE_DOMAIN_MEMORY_STATS_MAX) {
        virReportError(VIR_ERR_RPC, "too many memory stats requested: %d > %d",
                       nr_stats, REMOTE_DOMAIN_MEMORY_STATS_MAX);
        return -1;
    }
    remoteMakeDomain(&args.dom, domain);
    args.maxStats = nr_stats;
    args.flags = flags;
    if (CALL(domain->conn, DOMAIN_MEMORY_STATS, domain_memory_stats_args,
             domain_memory_stats_ret) < 0)
        return -1;
    for (i = 0; i < ret.stats.stats_len && i < nr_stats; i++) {
        stats[i].tag = ret.stats.stats_val[i].tag;
        stats[i].val = ret.stats.stats_val[i].val;
    }
    xdr_free((xdrproc_t)xdr_remote_domain_memory_stats_ret, (char *)&ret);
    return i;
}

/* Records of a handle and its typed parameters; @doms (NULL-terminated,
 * or NULL for every domain) travel as an array of handles, one
 * procedure serving both entry points as in libvirt's protocol. */
static int
remoteDomainStatsCall(virConnectPtr conn, virDomainPtr *doms, unsigned int stats,
                      virDomainStatsRecordPtr **retStats, unsigned int flags)
{
    remote_connect_get_all_domain_stats_args args = { { 0, NULL }, stats, flags };
    remote_connect_get_all_domain_stats_ret ret = { { 0 } };
    g_autofree remote_nonnull_domain *wire = NULL;
    virDomainStatsRecordPtr *records = NULL;
    int rv = -1;
    size_t i;

    for (i = 0; doms && doms[i]; i++)
        ;
    if (i) {
        wire = g_new0(remote_nonnull_domain, i);
        args.doms.doms_len = i;
        args.doms.doms_val = wire;
        for (i = 0; doms[i]; i++)
            remoteMakeDomain(&wire[i], doms[i]);
    }
    if (CALL(conn, CONNECT_GET_ALL_DOMAIN_STATS, connect_get_all_domain_stats_args,
             connect_get_all_domain_stats_ret) < 0)
        return -1;
    if (ret.retStats.retStats_len > REMOTE_DOMAIN_LIST_MAX) {
        virReportError(VIR_ERR_RPC, "Too many domain stats records: %d > %d",
                       ret.retStats.retStats_len, REMOTE_DOMAIN_LIST_MAX);
        goto cleanup;
    }
    records = g_new0(virDomainStatsRecordPtr, ret.retStats.retStats_len + 1);
    for (i = 0; i < ret.retStats.retStats_len; i++) {
        remote_domain_stats_record *r = &ret.retStats.retStats_val[i];

        records[i] = g_new0(virDomainStatsRecord, 1);
        if (!(records[i]->dom = remoteGetDomain(conn, &r->dom)) ||
            remoteDeserializeTypedParams(r->params.params_val, r->params.params_len,
                                         REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX,
                                         &records[i]->params, &records[i]->nparams) < 0) {
            virDomainStatsRecordListFree(records);
            goto cleanup;
        }
    }
    *retStats = records;
    rv = ret.retStats.retStats_len;
 cleanup:
    xdr_free((xdrproc_t)xdr_remote_connect_get_all_domain_stats_ret, (char *)&ret);
    return rv;
}

static int
remoteConnectGetAllDomainStats(virConnectPtr conn, unsigned int stats,
                               virDomainStatsRecordPtr **retStats, unsigned int flags)
{
    return remoteDomainStatsCall(conn, NULL, stats, retStats, flags);
}

static int
remoteDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                         virDomainStatsRecordPtr **retStats, unsigned int flags)
{
    return remoteDomainStatsCall(doms[0]->conn, doms, stats, retStats, flags);
}

/* A list of strings allocated for the caller, NULL-terminated. */
static int
remoteConnectGetCPUModelNames(virConnectPtr conn, const char *arch, char ***models,
                              unsigned int flags)
{
    remote_connect_get_cpu_model_names_args args = { (char *)arch, !!models, flags };
    remote_connect_get_cpu_model_names_ret ret = { { 0 }, 0 };
    size_t i;

    if (CALL(conn, CONNECT_GET_CPU_MODEL_NAMES, connect_get_cpu_model_names_args,
             connect_get_cpu_model_names_ret) < 0)
        return -1;
    if (models) {
        *models = g_new0(char *, ret.models.models_len + 1);
        for (i = 0; i < ret.models.models_len; i++)
            (*models)[i] = g_steal_pointer(&ret.models.models_val[i]);
    }
    xdr_free((xdrproc_t)xdr_remote_connect_get_cpu_model_names_ret, (char *)&ret);
    return ret.ret;
}

void
remoteSpecialFillDrivers(virHypervisorDriver *hv, virNodeDeviceDriver *nodedev)
{
    hv->connectListDomains = remoteConnectListDomains;
    hv->domainCreate = remoteDomainCreate;
    hv->domainRename = remoteDomainRename;
    hv->domainGetSchedulerType = remoteDomainGetSchedulerType;
    hv->domainGetSecurityLabel = remoteDomainGetSecurityLabel;
    hv->nodeGetSecurityModel = remoteNodeGetSecurityModel;
    hv->nodeGetCellsFreeMemory = remoteNodeGetCellsFreeMemory;
    hv->domainGetVcpus = remoteDomainGetVcpus;
    hv->nodeGetCPUMap = remoteNodeGetCPUMap;
    hv->domainMemoryStats = remoteDomainMemoryStats;
    hv->connectGetAllDomainStats = remoteConnectGetAllDomainStats;
    hv->domainListGetStats = remoteDomainListGetStats;
    hv->connectGetCPUModelNames = remoteConnectGetCPUModelNames;
    nodedev->nodeDeviceGetParent = remoteNodeDeviceGetParent;
}

/* virSecretGetValue is in the secret table, filled by the caller. */
void
remoteSpecialFillSecretDriver(virSecretDriver *secret)
{
    secret->secretGetValue = remoteSecretGetValue;
}
