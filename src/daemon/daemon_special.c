/*
 * daemon_special.c: dispatchers the generator cannot write, each with
 * the reason.  Procedures with neither a generated nor a hand-written
 * dispatcher are unknown to the daemon (the client sees
 * VIR_ERR_NO_SUPPORT).
 */
#include "internal.h"
#include "daemon/daemon_client.h"
#include "remote_daemon_gen.h"
#include "remote/remote_client.h"
#include "util/virlog.h"

#define VIR_FROM_THIS VIR_FROM_REMOTE

VIR_LOG_INIT("daemon.special");

#define DISPATCH_ARGS virNetServer *server G_GNUC_UNUSED, \
    virNetServerClient *client, virNetMessage *msg G_GNUC_UNUSED, \
    virNetMessageError *rerr

static int
remoteFail(virNetMessageError *rerr)
{
    virNetMessageSaveError(rerr);
    return -1;
}

/* The connection is per client and made here. */
int
remoteDispatchConnectOpen(DISPATCH_ARGS, remote_connect_open_args *args,
                          void *ret G_GNUC_UNUSED)
{
    const char *name = args->name ? *args->name : NULL;

    if (remoteClientOpen(client, name && *name ? name : NULL, args->flags) < 0)
        return remoteFail(rerr);
    return 0;
}

/* Nothing to do: the connection goes with the client. */
int
remoteDispatchConnectClose(DISPATCH_ARGS, void *args G_GNUC_UNUSED,
                           void *ret G_GNUC_UNUSED)
{
    return 0;
}

/* The authentication this socket asks for; root skips polkit. */
int
remoteDispatchAuthList(DISPATCH_ARGS, void *args G_GNUC_UNUSED, remote_auth_list_ret *ret)
{
    int auth = virNetServerClientGetAuth(client);
    uid_t uid;
    gid_t gid;
    pid_t pid;

    if (auth == VIR_NET_SERVER_SERVICE_AUTH_POLKIT &&
        virNetServerClientGetUNIXIdentity(client, &uid, &gid, &pid) == 0 && uid == 0) {
        VIR_INFO("Bypass polkit auth for privileged client pid:%lld,uid:%d",
                 (long long)pid, (int)uid);
        virNetServerSetClientAuthenticated(server, client);
        auth = VIR_NET_SERVER_SERVICE_AUTH_NONE;
    }
    virResetLastError();
    ret->types.types_len = 1;
    ret->types.types_val = g_new0(remote_auth_type, 1);
    switch (auth) {
    case VIR_NET_SERVER_SERVICE_AUTH_POLKIT:
        ret->types.types_val[0] = REMOTE_AUTH_POLKIT;
        break;
    case VIR_NET_SERVER_SERVICE_AUTH_SASL:
        ret->types.types_val[0] = REMOTE_AUTH_SASL;
        break;
    default:
        ret->types.types_val[0] = REMOTE_AUTH_NONE;
        break;
    }
    return 0;
}

/* Polkit decides (daemon_polkit.c); where it cannot be asked, the
 * client is refused with the reason. */
int
remoteDispatchAuthPolkit(DISPATCH_ARGS, void *args G_GNUC_UNUSED,
                         remote_auth_polkit_ret *ret)
{
    const char *action = virNetServerClientGetReadonly(client) ?
        "org.libvirt.unix.monitor" : "org.libvirt.unix.manage";
    uid_t uid;
    gid_t gid;
    pid_t pid;

    if (virNetServerClientGetAuth(client) != VIR_NET_SERVER_SERVICE_AUTH_POLKIT) {
        VIR_ERROR("client tried invalid PolicyKit init request");
        virReportError(VIR_ERR_AUTH_FAILED, "%s", "authentication failed");
        return remoteFail(rerr);
    }
    if (virNetServerClientGetUNIXIdentity(client, &uid, &gid, &pid) < 0 ||
        daemonPolkitCheck(action, pid, uid) < 0)
        return remoteFail(rerr);
    VIR_INFO("Policy allowed action %s from pid %lld, uid %d",
             action, (long long)pid, (int)uid);
    virNetServerSetClientAuthenticated(server, client);
    ret->complete = 1;
    return 0;
}

int
remoteSupportsFeatureLocal(virNetServerClient *client, int feature)
{
    switch (feature) {
    case REMOTE_FEATURE_PROGRAM_KEEPALIVE:
        if (virNetServerClientStartKeepAlive(client) < 0)
            return -1;
        return 1;
    case REMOTE_FEATURE_FD_PASSING:
    case REMOTE_FEATURE_REMOTE_EVENT_CALLBACK:
    case REMOTE_FEATURE_REMOTE_CLOSE_CALLBACK:
    case REMOTE_FEATURE_TYPED_PARAM_STRING:
    case REMOTE_FEATURE_NETWORK_UPDATE_HAS_CORRECT_ORDER:
        return 1;
    default:
        return 0;
    }
}

/* Internal features, some answered by the RPC layer (keepalive). */
int
remoteDispatchConnectSupportsFeature(DISPATCH_ARGS,
                                     remote_connect_supports_feature_args *args,
                                     remote_connect_supports_feature_ret *ret)
{
    int supported;

    if (args->feature != REMOTE_FEATURE_PROGRAM_KEEPALIVE &&
        !remoteGetHypervisorConn(client))
        return remoteFail(rerr);
    if ((supported = remoteSupportsFeatureLocal(client, args->feature)) < 0)
        return remoteFail(rerr);
    ret->supported = supported;
    return 0;
}

/* The parent's name is optional on the wire. */
int
remoteDispatchNodeDeviceGetParent(DISPATCH_ARGS,
                                  remote_node_device_get_parent_args *args,
                                  remote_node_device_get_parent_ret *ret)
{
    virConnectPtr conn = remoteGetNodeDeviceConn(client);
    g_autoptr(virNodeDevice) dev = NULL;
    const char *parent;

    if (!conn || !(dev = virNodeDeviceLookupByName(conn, args->name)))
        return remoteFail(rerr);
    if ((parent = virNodeDeviceGetParent(dev))) {
        ret->parentName = g_new0(char *, 1);
        *ret->parentName = g_strdup(parent);
    }
    virResetLastError();
    return 0;
}

/* The count goes beside the type. */
int
remoteDispatchDomainGetSchedulerType(DISPATCH_ARGS,
                                     remote_domain_get_scheduler_type_args *args,
                                     remote_domain_get_scheduler_type_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    g_autoptr(virDomain) dom = NULL;
    int nparams = 0;

    if (!conn || !(dom = remoteGetDomain(conn, &args->dom)) ||
        !(ret->type = virDomainGetSchedulerType(dom, &nparams)))
        return remoteFail(rerr);
    ret->nparams = nparams;
    return 0;
}

/* Bytes and their count. */
int
remoteDispatchSecretGetValue(DISPATCH_ARGS, remote_secret_get_value_args *args,
                             remote_secret_get_value_ret *ret)
{
    virConnectPtr conn = remoteGetSecretConn(client);
    g_autoptr(virSecret) secret = NULL;
    size_t len = 0;
    unsigned char *value;

    if (!conn || !(secret = remoteGetSecret(conn, &args->secret)) ||
        !(value = virSecretGetValue(secret, &len, args->flags)))
        return remoteFail(rerr);
    ret->value.value_val = (char *)value;
    ret->value.value_len = len;
    return 0;
}

/* Fixed-size strings go out as bounded arrays (with their NUL). */
int
remoteDispatchDomainGetSecurityLabel(DISPATCH_ARGS,
                                     remote_domain_get_security_label_args *args,
                                     remote_domain_get_security_label_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    g_autoptr(virDomain) dom = NULL;
    virSecurityLabel label;

    memset(&label, 0, sizeof(label));
    if (!conn || !(dom = remoteGetDomain(conn, &args->dom)) ||
        virDomainGetSecurityLabel(dom, &label) < 0)
        return remoteFail(rerr);
    ret->label.label_len = strlen(label.label) + 1;
    ret->label.label_val = g_strdup(label.label);
    ret->enforcing = label.enforcing;
    return 0;
}

int
remoteDispatchNodeGetSecurityModel(DISPATCH_ARGS, void *args G_GNUC_UNUSED,
                                   remote_node_get_security_model_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    virSecurityModel model;

    memset(&model, 0, sizeof(model));
    if (!conn || virNodeGetSecurityModel(conn, &model) < 0)
        return remoteFail(rerr);
    ret->model.model_len = strlen(model.model) + 1;
    ret->model.model_val = g_strdup(model.model);
    ret->doi.doi_len = strlen(model.doi) + 1;
    ret->doi.doi_val = g_strdup(model.doi);
    return 0;
}

/* The count of cells is not next to the array it bounds. */
int
remoteDispatchNodeGetCellsFreeMemory(DISPATCH_ARGS,
                                     remote_node_get_cells_free_memory_args *args,
                                     remote_node_get_cells_free_memory_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    int n;

    if (args->maxcells > REMOTE_NODE_MAX_CELLS) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "maxCells > REMOTE_NODE_MAX_CELLS");
        return remoteFail(rerr);
    }
    if (!conn)
        return remoteFail(rerr);
    ret->cells.cells_val = g_new0(u_quad_t, MAX(args->maxcells, 1));
    if ((n = virNodeGetCellsFreeMemory(conn, (unsigned long long *)ret->cells.cells_val,
                                       args->startCell, args->maxcells)) < 0)
        return remoteFail(rerr);
    ret->cells.cells_len = n;
    return 0;
}

/* The caller says which of the two outputs it wants; the map's length
 * follows from the CPU count the call returns. */
int
remoteDispatchNodeGetCpuMap(DISPATCH_ARGS, remote_node_get_cpu_map_args *args,
                            remote_node_get_cpu_map_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    g_autofree unsigned char *cpumap = NULL;
    unsigned int online = 0;
    int n;

    if (!conn)
        return remoteFail(rerr);
    if ((n = virNodeGetCPUMap(conn, args->need_map ? &cpumap : NULL,
                              args->need_online ? &online : NULL, args->flags)) < 0)
        return remoteFail(rerr);
    if (cpumap) {
        ret->cpumap.cpumap_len = VIR_CPU_MAPLEN(n);
        ret->cpumap.cpumap_val = (char *)g_steal_pointer(&cpumap);
    }
    ret->online = online;
    ret->ret = n;
    return 0;
}

/* Two arrays out: the vcpu records and the CPU maps. */
int
remoteDispatchDomainGetVcpus(DISPATCH_ARGS, remote_domain_get_vcpus_args *args,
                             remote_domain_get_vcpus_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    g_autoptr(virDomain) dom = NULL;
    g_autofree virVcpuInfoPtr info = NULL;
    g_autofree unsigned char *cpumaps = NULL;
    int n;
    int i;

    if (args->maxinfo > REMOTE_VCPUINFO_MAX || args->maxinfo < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "maxinfo > REMOTE_VCPUINFO_MAX");
        return remoteFail(rerr);
    }
    if ((long long)args->maxinfo * args->maplen > REMOTE_CPUMAPS_MAX || args->maplen < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "maxinfo * maplen > REMOTE_CPUMAPS_MAX");
        return remoteFail(rerr);
    }
    if (!conn || !(dom = remoteGetDomain(conn, &args->dom)))
        return remoteFail(rerr);
    info = g_new0(virVcpuInfo, MAX(args->maxinfo, 1));
    cpumaps = g_new0(unsigned char, MAX(args->maxinfo * args->maplen, 1));
    if ((n = virDomainGetVcpus(dom, info, args->maxinfo,
                               args->maplen ? cpumaps : NULL, args->maplen)) < 0)
        return remoteFail(rerr);
    ret->info.info_len = n;
    ret->info.info_val = g_new0(remote_vcpu_info, MAX(n, 1));
    for (i = 0; i < n; i++) {
        ret->info.info_val[i].number = info[i].number;
        ret->info.info_val[i].state = info[i].state;
        ret->info.info_val[i].cpu_time = info[i].cpuTime;
        ret->info.info_val[i].cpu = info[i].cpu;
    }
    ret->cpumaps.cpumaps_len = args->maxinfo * args->maplen;
    ret->cpumaps.cpumaps_val = (char *)g_steal_pointer(&cpumaps);
    return 0;
}

/* Tag/value records. */
int
remoteDispatchDomainMemoryStats(DISPATCH_ARGS, remote_domain_memory_stats_args *args,
                                remote_domain_memory_stats_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    g_autoptr(virDomain) dom = NULL;
    g_autofree virDomainMemoryStatPtr stats = NULL;
    int n, i;

    if (args->maxStats > REMOTE_DOMAIN_MEMORY_STATS_MAX) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "maxStats > REMOTE_DOMAIN_MEMORY_STATS_MAX");
        return remoteFail(rerr);
    }
    if (!conn || !(dom = remoteGetDomain(conn, &args->dom)))
        return remoteFail(rerr);
    stats = g_new0(virDomainMemoryStatStruct, MAX(args->maxStats, 1));
    if ((n = virDomainMemoryStats(dom, stats, args->maxStats, args->flags)) < 0)
        return remoteFail(rerr);
    ret->stats.stats_len = n;
    ret->stats.stats_val = g_new0(remote_domain_memory_stat, MAX(n, 1));
    for (i = 0; i < n; i++) {
        ret->stats.stats_val[i].tag = stats[i].tag;
        ret->stats.stats_val[i].val = stats[i].val;
    }
    return 0;
}

/* Records of a handle and typed parameters; with handles given, the
 * stats of those domains only. */
int
remoteDispatchConnectGetAllDomainStats(DISPATCH_ARGS,
                                       remote_connect_get_all_domain_stats_args *args,
                                       remote_connect_get_all_domain_stats_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    virDomainStatsRecordPtr *records = NULL;
    g_autofree virDomainPtr *doms = NULL;
    int n = -1, i;
    unsigned int d;

    if (!conn)
        return remoteFail(rerr);
    if (args->doms.doms_len) {
        doms = g_new0(virDomainPtr, args->doms.doms_len + 1);
        for (d = 0; d < args->doms.doms_len; d++) {
            if (!(doms[d] = remoteGetDomain(conn, &args->doms.doms_val[d])))
                goto cleanup;
        }
        n = virDomainListGetStats(doms, args->stats, &records, args->flags);
    } else {
        n = virConnectGetAllDomainStats(conn, args->stats, &records, args->flags);
    }
    if (n < 0)
        goto cleanup;
    ret->retStats.retStats_val = g_new0(remote_domain_stats_record, MAX(n, 1));
    ret->retStats.retStats_len = n;
    for (i = 0; i < n; i++) {
        remote_domain_stats_record *r = &ret->retStats.retStats_val[i];

        remoteDupDomain(&r->dom, records[i]->dom);
        if (remoteSerializeTypedParams(records[i]->params, records[i]->nparams,
                                       REMOTE_CONNECT_GET_ALL_DOMAIN_STATS_MAX,
                                       &r->params.params_val, &r->params.params_len,
                                       VIR_TYPED_PARAM_STRING_OKAY) < 0) {
            n = -1;
            goto cleanup;
        }
    }
 cleanup:
    if (records)
        virDomainStatsRecordListFree(records);
    for (d = 0; doms && d < args->doms.doms_len; d++) {
        if (doms[d])
            virObjectUnref(doms[d]);
    }
    if (n < 0)
        return remoteFail(rerr);
    return 0;
}

/* A NULL-terminated list allocated by the call. */
int
remoteDispatchConnectGetCpuModelNames(DISPATCH_ARGS,
                                      remote_connect_get_cpu_model_names_args *args,
                                      remote_connect_get_cpu_model_names_ret *ret)
{
    virConnectPtr conn = remoteGetHypervisorConn(client);
    char **models = NULL;
    int n;

    if (!conn ||
        (n = virConnectGetCPUModelNames(conn, args->arch,
                                        args->need_results ? &models : NULL,
                                        args->flags)) < 0)
        return remoteFail(rerr);
    if (n > REMOTE_CONNECT_CPU_MODELS_MAX) {
        g_strfreev(models);
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Too many CPU models '%d' for limit '%d'",
                       n, REMOTE_CONNECT_CPU_MODELS_MAX);
        return remoteFail(rerr);
    }
    if (models) {
        ret->models.models_val = models;
        ret->models.models_len = n;
    }
    ret->ret = n;
    return 0;
}
