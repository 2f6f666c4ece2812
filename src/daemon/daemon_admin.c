/*
 * daemon_admin.c: the admin program on the admin socket.
 *
 * Every procedure works on the process's virNetDaemon: its servers by
 * name, their workers, client limits and connections, the logging
 * settings and the idle timeout.  Only a client running as the daemon's
 * own user may connect (checked when the connection is accepted, as
 * libvirt does).  Typed parameters travel as remote_typed_param, whose
 * layout admin_typed_param shares (checked below).
 */
#include "internal.h"
#include "rpc/virnetdaemon.h"
#include "rpc/virnetserver.h"
#include "rpc/virnetserverclient.h"
#include "rpc/virnetserverprogram.h"
#include "remote/remote_handles.h"
#include "util/virlog.h"
#include "util/virtypedparam.h"
#include "admin_protocol.h"
#include "libvirt/libvirt-admin.h"

#include <grp.h>
#include <pwd.h>
#include <stddef.h>

#define VIR_FROM_THIS VIR_FROM_ADMIN

VIR_LOG_INIT("daemon.admin");

virNetServerProgram *daemonAdminProgram(virNetDaemon *dmn);
int daemonAdminClientInit(virNetServer *srv, virNetServerClient *client, void *opaque);

G_STATIC_ASSERT(sizeof(admin_typed_param) == sizeof(remote_typed_param));
G_STATIC_ASSERT(offsetof(admin_typed_param, value) == offsetof(remote_typed_param, value));
G_STATIC_ASSERT(sizeof(admin_typed_param_value) == sizeof(remote_typed_param_value));

/* The daemon of this process: set once before the servers start. */
static virNetDaemon *adminDaemon;

#define ADM_ARGS virNetServer *server G_GNUC_UNUSED, \
    virNetServerClient *client G_GNUC_UNUSED, virNetMessage *msg G_GNUC_UNUSED, \
    virNetMessageError *rerr

/* Flags are checked where libvirt checks them, under that function's
 * name (the message names it). */
static bool
admFlagsBad(unsigned int flags, const char *fn)
{
    if (flags) {
        virReportInvalidArg(flags, "unsupported flags (0x%x) in function %s", flags, fn);
        return true;
    }
    return false;
}

static int
admFail(virNetMessageError *rerr)
{
    virNetMessageSaveError(rerr);
    return -1;
}

/* The connection's owner must be the daemon's user. */
int
daemonAdminClientInit(virNetServer *srv G_GNUC_UNUSED, virNetServerClient *client,
                      void *opaque G_GNUC_UNUSED)
{
    uid_t uid;
    gid_t gid;
    pid_t pid;

    if (virNetServerClientGetUNIXIdentity(client, &uid, &gid, &pid) < 0)
        return -1;
    if (uid != geteuid()) {
        virReportRestrictedError("Disallowing client %lld with uid %lld",
                                 (long long)pid, (long long)uid);
        return -1;
    }
    return 0;
}

static int
admTypedParamsOut(virTypedParameterPtr params, int nparams, int limit,
                  admin_typed_param **val, unsigned int *len, unsigned int flags)
{
    int rc = remoteSerializeTypedParams(params, nparams, limit,
                                        (remote_typed_param **)val, len, flags);

    virTypedParamsFree(params, nparams);
    return rc;
}

static int
admTypedParamsIn(admin_typed_param *val, unsigned int len, int limit,
                 virTypedParameterPtr *params, int *nparams)
{
    *params = NULL;
    *nparams = 0;
    return remoteDeserializeTypedParams((remote_typed_param *)val, len, limit,
                                        params, nparams);
}

static int
admDispatchConnectOpen(ADM_ARGS, admin_connect_open_args *args, void *ret G_GNUC_UNUSED)
{
    unsigned int flags = args->flags;

    if (admFlagsBad(flags, "adminDispatchConnectOpen"))
        goto error;
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchConnectClose(ADM_ARGS G_GNUC_UNUSED, void *args G_GNUC_UNUSED,
                        void *ret G_GNUC_UNUSED)
{
    return 0;
}

static int
admDispatchConnectGetLibVersion(ADM_ARGS G_GNUC_UNUSED, void *args G_GNUC_UNUSED,
                                admin_connect_get_lib_version_ret *ret)
{
    ret->libVer = LIBVIR_VERSION_NUMBER;
    return 0;
}

static int
admDispatchConnectListServers(ADM_ARGS, admin_connect_list_servers_args *args,
                              admin_connect_list_servers_ret *ret)
{
    g_autofree virNetServer **srvs = NULL;
    unsigned int flags = args->flags;
    size_t n, i;

    if (admFlagsBad(flags, "adminConnectListServers"))
        goto error;
    n = virNetDaemonGetServers(adminDaemon, &srvs);
    if (n > ADMIN_SERVER_LIST_MAX) {
        virReportError(VIR_ERR_RPC, "Too many servers '%zu' for limit '%d'",
                       n, ADMIN_SERVER_LIST_MAX);
        for (i = 0; i < n; i++)
            virNetServerUnref(srvs[i]);
        goto error;
    }
    if (args->need_results) {
        ret->servers.servers_val = g_new0(admin_nonnull_server, MAX(n, 1));
        ret->servers.servers_len = n;
        for (i = 0; i < n; i++)
            ret->servers.servers_val[i].name = g_strdup(virNetServerGetName(srvs[i]));
    }
    for (i = 0; i < n; i++)
        virNetServerUnref(srvs[i]);
    ret->ret = n;
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchConnectLookupServer(ADM_ARGS, admin_connect_lookup_server_args *args,
                               admin_connect_lookup_server_ret *ret)
{
    g_autoptr(virNetServer) srv = NULL;
    unsigned int flags = args->flags;

    if (admFlagsBad(flags, "adminConnectLookupServer"))
        goto error;
    if (!(srv = virNetDaemonGetServer(adminDaemon, args->name)))
        goto error;
    ret->srv.name = g_strdup(virNetServerGetName(srv));
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchServerGetThreadpoolParameters(ADM_ARGS,
                                         admin_server_get_threadpool_parameters_args *args,
                                         admin_server_get_threadpool_parameters_ret *ret)
{
    g_autoptr(virNetServer) srv = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0, maxparams = 0;
    size_t v[6];
    static const char *const names[] = {
        VIR_THREADPOOL_WORKERS_MIN, VIR_THREADPOOL_WORKERS_MAX,
        VIR_THREADPOOL_WORKERS_CURRENT, VIR_THREADPOOL_WORKERS_FREE,
        VIR_THREADPOOL_WORKERS_PRIORITY, VIR_THREADPOOL_JOB_QUEUE_DEPTH,
    };
    unsigned int flags = args->flags;
    size_t i;

    if (!(srv = virNetDaemonGetServer(adminDaemon, args->srv.name)))
        goto error;
    if (admFlagsBad(flags, "adminServerGetThreadPoolParameters"))
        goto error;
    virNetServerGetThreadPoolParameters(srv, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]);
    for (i = 0; i < G_N_ELEMENTS(names); i++)
        virTypedParamsAddUInt(&params, &nparams, &maxparams, names[i], v[i]);
    if (admTypedParamsOut(params, nparams, ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX,
                          &ret->params.params_val, &ret->params.params_len, 0) < 0)
        goto error;
    return 0;
 error:
    return admFail(rerr);
}

/* Validate and read up to three unsigned parameters (-1: not given). */
static int
admReadUInts(admin_typed_param *val, unsigned int len, int limit,
             const char *const *names, size_t nnames, long long *out)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    size_t i;
    int rc = -1;

    if (admTypedParamsIn(val, len, limit, &params, &nparams) < 0)
        return -1;
    if (nnames == 3 ?
        virTypedParamsValidate(params, nparams, names[0], VIR_TYPED_PARAM_UINT,
                               names[1], VIR_TYPED_PARAM_UINT,
                               names[2], VIR_TYPED_PARAM_UINT, NULL) < 0 :
        virTypedParamsValidate(params, nparams, names[0], VIR_TYPED_PARAM_UINT,
                               names[1], VIR_TYPED_PARAM_UINT, NULL) < 0)
        goto cleanup;
    for (i = 0; i < nnames; i++) {
        unsigned int ui;

        out[i] = virTypedParamsGetUInt(params, nparams, names[i], &ui) == 1 ? (long long)ui : -1;
    }
    rc = 0;
 cleanup:
    virTypedParamsFree(params, nparams);
    return rc;
}

static virNetServer *
admServerForSet(const char *name)
{
    virNetServer *srv = virNetDaemonGetServer(adminDaemon, name);

    if (!srv) {
        virResetLastError();
        virReportError(VIR_ERR_NO_SERVER, "no server with matching name '%s' found", name);
    }
    return srv;
}

static int
admDispatchServerSetThreadpoolParameters(ADM_ARGS,
                                         admin_server_set_threadpool_parameters_args *args,
                                         void *ret G_GNUC_UNUSED)
{
    static const char *const names[] = {
        VIR_THREADPOOL_WORKERS_MIN, VIR_THREADPOOL_WORKERS_MAX,
        VIR_THREADPOOL_WORKERS_PRIORITY,
    };
    g_autoptr(virNetServer) srv = NULL;
    unsigned int flags = args->flags;
    long long v[3];

    if (!(srv = admServerForSet(args->srv.name)) ||
        admReadUInts(args->params.params_val, args->params.params_len,
                     ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX, names, 3, v) < 0)
        goto error;
    if (admFlagsBad(flags, "adminServerSetThreadPoolParameters"))
        goto error;
    if (virNetServerSetThreadPoolParameters(srv, v[0], v[1], v[2]) < 0)
        goto error;
    return 0;
 error:
    return admFail(rerr);
}

static void
admMakeClient(admin_nonnull_client *dst, virNetServer *srv, virNetServerClient *clnt)
{
    dst->srv.name = g_strdup(virNetServerGetName(srv));
    dst->id = virNetServerClientGetID(clnt);
    dst->timestamp = virNetServerClientGetTimestamp(clnt);
    dst->transport = virNetServerClientGetTransport(clnt);
}

static int
admDispatchServerListClients(ADM_ARGS, admin_server_list_clients_args *args,
                             admin_server_list_clients_ret *ret)
{
    g_autoptr(virNetServer) srv = NULL;
    g_autofree virNetServerClient **clts = NULL;
    unsigned int flags = args->flags;
    size_t n = 0, i;
    int rc = -1;

    if (!(srv = virNetDaemonGetServer(adminDaemon, args->srv.name)))
        goto cleanup;
    if (admFlagsBad(flags, "adminServerListClients"))
        goto cleanup;
    n = virNetServerGetClients(srv, &clts);
    if (n > ADMIN_CLIENT_LIST_MAX) {
        virReportError(VIR_ERR_RPC, "Too many clients '%zu' for limit '%d'",
                       n, ADMIN_CLIENT_LIST_MAX);
        goto cleanup;
    }
    if (args->need_results) {
        ret->clients.clients_val = g_new0(admin_nonnull_client, MAX(n, 1));
        ret->clients.clients_len = n;
        for (i = 0; i < n; i++)
            admMakeClient(&ret->clients.clients_val[i], srv, clts[i]);
    }
    ret->ret = n;
    rc = 0;
 cleanup:
    for (i = 0; i < n; i++)
        virNetServerClientUnref(clts[i]);
    return rc < 0 ? admFail(rerr) : 0;
}

static int
admDispatchServerLookupClient(ADM_ARGS, admin_server_lookup_client_args *args,
                              admin_server_lookup_client_ret *ret)
{
    g_autoptr(virNetServer) srv = NULL;
    g_autoptr(virNetServerClient) clnt = NULL;
    unsigned int flags = args->flags;

    if (!(srv = virNetDaemonGetServer(adminDaemon, args->srv.name)) ||
        !(clnt = virNetServerGetClient(srv, args->id)))
        goto error;
    if (admFlagsBad(flags, "adminServerLookupClient"))
        goto error;
    admMakeClient(&ret->clnt, srv, clnt);
    return 0;
 error:
    return admFail(rerr);
}

/* The server and connection an admin_nonnull_client names, with the
 * wording libvirt's dispatchers use. */
static virNetServerClient *
admGetClient(admin_nonnull_client *c, virNetServer **srv)
{
    virNetServerClient *clnt;

    if (!(*srv = admServerForSet(c->srv.name)))
        return NULL;
    if (!(clnt = virNetServerGetClient(*srv, c->id))) {
        virResetLastError();
        virReportError(VIR_ERR_NO_CLIENT, "no client with matching id '%llu' found",
                       (unsigned long long)c->id);
    }
    return clnt;
}

static void
admClientUnixInfo(virNetServerClient *clnt, virTypedParameterPtr *params,
                  int *nparams, int *maxparams)
{
    uid_t uid;
    gid_t gid;
    pid_t pid;
    g_autofree char *user = NULL;
    g_autofree char *group = NULL;
    struct passwd *pw;
    struct group *gr;

    if (virNetServerClientGetUNIXIdentity(clnt, &uid, &gid, &pid) < 0) {
        virResetLastError();
        return;
    }
    if ((pw = getpwuid(uid)))
        user = g_strdup(pw->pw_name);
    if ((gr = getgrgid(gid)))
        group = g_strdup(gr->gr_name);
    virTypedParamsAddInt(params, nparams, maxparams, VIR_CLIENT_INFO_UNIX_USER_ID, uid);
    if (user)
        virTypedParamsAddString(params, nparams, maxparams,
                                VIR_CLIENT_INFO_UNIX_USER_NAME, user);
    virTypedParamsAddInt(params, nparams, maxparams, VIR_CLIENT_INFO_UNIX_GROUP_ID, gid);
    if (group)
        virTypedParamsAddString(params, nparams, maxparams,
                                VIR_CLIENT_INFO_UNIX_GROUP_NAME, group);
    virTypedParamsAddInt(params, nparams, maxparams, VIR_CLIENT_INFO_UNIX_PROCESS_ID, pid);
}

static int
admDispatchClientGetInfo(ADM_ARGS, admin_client_get_info_args *args,
                         admin_client_get_info_ret *ret)
{
    g_autoptr(virNetServer) srv = NULL;
    g_autoptr(virNetServerClient) clnt = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0, maxparams = 0;
    unsigned int flags = args->flags;

    if (!(clnt = admGetClient(&args->clnt, &srv)))
        goto error;
    if (admFlagsBad(flags, "adminClientGetInfo"))
        goto error;
    virTypedParamsAddBoolean(&params, &nparams, &maxparams, VIR_CLIENT_INFO_READONLY,
                             virNetServerClientGetReadonly(clnt));
    if (!virNetServerClientIsLocal(clnt)) {
        g_autofree char *dname = virNetServerClientGetX509DName(clnt);
        const char *addr = virNetServerClientRemoteAddrString(clnt);

        if (addr)
            virTypedParamsAddString(&params, &nparams, &maxparams,
                                    VIR_CLIENT_INFO_SOCKET_ADDR, addr);
        if (dname)
            virTypedParamsAddString(&params, &nparams, &maxparams,
                                    VIR_CLIENT_INFO_X509_DISTINGUISHED_NAME, dname);
    } else {
        admClientUnixInfo(clnt, &params, &nparams, &maxparams);
    }
    if (admTypedParamsOut(params, nparams, ADMIN_CLIENT_INFO_PARAMETERS_MAX,
                          &ret->params.params_val, &ret->params.params_len,
                          VIR_TYPED_PARAM_STRING_OKAY) < 0)
        goto error;
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchClientClose(ADM_ARGS, admin_client_close_args *args, void *ret G_GNUC_UNUSED)
{
    g_autoptr(virNetServer) srv = NULL;
    g_autoptr(virNetServerClient) clnt = NULL;
    unsigned int flags = args->flags;

    if (!(srv = virNetDaemonGetServer(adminDaemon, args->clnt.srv.name)) ||
        !(clnt = virNetServerGetClient(srv, args->clnt.id)))
        goto error;
    if (admFlagsBad(flags, "adminClientClose"))
        goto error;
    virNetServerClientClose(clnt);
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchServerGetClientLimits(ADM_ARGS, admin_server_get_client_limits_args *args,
                                 admin_server_get_client_limits_ret *ret)
{
    g_autoptr(virNetServer) srv = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0, maxparams = 0;
    unsigned int flags = args->flags;

    if (!(srv = virNetDaemonGetServer(adminDaemon, args->srv.name)))
        goto error;
    if (admFlagsBad(flags, "adminServerGetClientLimits"))
        goto error;
    virTypedParamsAddUInt(&params, &nparams, &maxparams, VIR_SERVER_CLIENTS_MAX,
                          virNetServerGetMaxClients(srv));
    virTypedParamsAddUInt(&params, &nparams, &maxparams, VIR_SERVER_CLIENTS_CURRENT,
                          virNetServerGetCurrentClients(srv));
    virTypedParamsAddUInt(&params, &nparams, &maxparams, VIR_SERVER_CLIENTS_UNAUTH_MAX,
                          virNetServerGetMaxUnauthClients(srv));
    virTypedParamsAddUInt(&params, &nparams, &maxparams, VIR_SERVER_CLIENTS_UNAUTH_CURRENT,
                          virNetServerGetCurrentUnauthClients(srv));
    if (admTypedParamsOut(params, nparams, ADMIN_SERVER_CLIENT_LIMITS_MAX,
                          &ret->params.params_val, &ret->params.params_len, 0) < 0)
        goto error;
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchServerSetClientLimits(ADM_ARGS, admin_server_set_client_limits_args *args,
                                 void *ret G_GNUC_UNUSED)
{
    static const char *const names[] = {
        VIR_SERVER_CLIENTS_MAX, VIR_SERVER_CLIENTS_UNAUTH_MAX,
    };
    g_autoptr(virNetServer) srv = NULL;
    unsigned int flags = args->flags;
    long long v[2];

    if (!(srv = admServerForSet(args->srv.name)) ||
        admReadUInts(args->params.params_val, args->params.params_len,
                     ADMIN_SERVER_CLIENT_LIMITS_MAX, names, 2, v) < 0)
        goto error;
    if (admFlagsBad(flags, "adminServerSetClientLimits"))
        goto error;
    if (virNetServerSetClientLimits(srv, v[0], v[1]) < 0)
        goto error;
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchConnectGetLoggingOutputs(ADM_ARGS, admin_connect_get_logging_outputs_args *args,
                                    admin_connect_get_logging_outputs_ret *ret)
{
    unsigned int flags = args->flags;

    if (admFlagsBad(flags, "adminConnectGetLoggingOutputs"))
        goto error;
    if (!(ret->outputs = virLogGetOutputs()))
        goto error;
    ret->noutputs = virLogGetNbOutputs();
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchConnectGetLoggingFilters(ADM_ARGS, admin_connect_get_logging_filters_args *args,
                                    admin_connect_get_logging_filters_ret *ret)
{
    unsigned int flags = args->flags;
    int n;

    if (admFlagsBad(flags, "adminConnectGetLoggingFilters"))
        goto error;
    if ((n = virLogGetNbFilters()) > 0) {
        char *filters = virLogGetFilters();

        if (!filters)
            goto error;
        ret->filters = g_new0(char *, 1);
        *ret->filters = filters;
    }
    ret->nfilters = n;
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchConnectSetLoggingOutputs(ADM_ARGS, admin_connect_set_logging_outputs_args *args,
                                    void *ret G_GNUC_UNUSED)
{
    unsigned int flags = args->flags;

    if (admFlagsBad(flags, "adminConnectSetLoggingOutputs"))
        goto error;
    if (virLogSetOutputs(args->outputs ? *args->outputs : NULL) < 0)
        goto error;
    return 0;
 error:
    return admFail(rerr);
}

static int
admDispatchConnectSetLoggingFilters(ADM_ARGS, admin_connect_set_logging_filters_args *args,
                                    void *ret G_GNUC_UNUSED)
{
    unsigned int flags = args->flags;

    if (admFlagsBad(flags, "adminConnectSetLoggingFilters"))
        goto error;
    if (virLogSetFilters(args->filters ? *args->filters : NULL) < 0)
        goto error;
    return 0;
 error:
    return admFail(rerr);
}

/* Reloading TLS credentials in place is not written yet: refused honestly
 * (a server without TLS gets libvirt's error). */
static int
admDispatchServerUpdateTlsFiles(ADM_ARGS, admin_server_update_tls_files_args *args,
                                void *ret G_GNUC_UNUSED)
{
    g_autoptr(virNetServer) srv = NULL;
    unsigned int flags = args->flags;

    if (!(srv = virNetDaemonGetServer(adminDaemon, args->srv.name)))
        goto error;
    if (admFlagsBad(flags, "adminServerUpdateTlsFiles"))
        goto error;
    if (!virNetServerHasTLS(srv))
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "no tls service found, unable to update tls files");
    else
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "reloading the TLS files is not supported by this daemon");
 error:
    return admFail(rerr);
}

static int
admDispatchConnectSetDaemonTimeout(ADM_ARGS, admin_connect_set_daemon_timeout_args *args,
                                   void *ret G_GNUC_UNUSED)
{
    unsigned int flags = args->flags;

    if (admFlagsBad(flags, "adminConnectSetDaemonTimeout"))
        goto error;
    virNetDaemonAutoShutdown(adminDaemon, args->timeout);
    return 0;
 error:
    return admFail(rerr);
}

#define ADM_PROC(num, fn, ...) ADM_PROC_(num, fn, __VA_ARGS__)
#define ADM_PROC_(num, fn, argT, argX, retT, retX) \
    [num] = { (virNetServerProgramDispatchFunc)fn, argT, (xdrproc_t)argX, \
              retT, (xdrproc_t)retX, true, 0 }
#define ADM_A(name) sizeof(admin_##name##_args), xdr_admin_##name##_args
#define ADM_R(name) sizeof(admin_##name##_ret), xdr_admin_##name##_ret
#define ADM_V 0, xdr_void

static const virNetServerProgramProc adminProcs[] = {
    ADM_PROC(ADMIN_PROC_CONNECT_OPEN, admDispatchConnectOpen,
             ADM_A(connect_open), ADM_V),
    ADM_PROC(ADMIN_PROC_CONNECT_CLOSE, admDispatchConnectClose, ADM_V, ADM_V),
    ADM_PROC(ADMIN_PROC_CONNECT_GET_LIB_VERSION, admDispatchConnectGetLibVersion,
             ADM_V, ADM_R(connect_get_lib_version)),
    ADM_PROC(ADMIN_PROC_CONNECT_LIST_SERVERS, admDispatchConnectListServers,
             ADM_A(connect_list_servers), ADM_R(connect_list_servers)),
    ADM_PROC(ADMIN_PROC_CONNECT_LOOKUP_SERVER, admDispatchConnectLookupServer,
             ADM_A(connect_lookup_server), ADM_R(connect_lookup_server)),
    ADM_PROC(ADMIN_PROC_SERVER_GET_THREADPOOL_PARAMETERS,
             admDispatchServerGetThreadpoolParameters,
             ADM_A(server_get_threadpool_parameters),
             ADM_R(server_get_threadpool_parameters)),
    ADM_PROC(ADMIN_PROC_SERVER_SET_THREADPOOL_PARAMETERS,
             admDispatchServerSetThreadpoolParameters,
             ADM_A(server_set_threadpool_parameters), ADM_V),
    ADM_PROC(ADMIN_PROC_SERVER_LIST_CLIENTS, admDispatchServerListClients,
             ADM_A(server_list_clients), ADM_R(server_list_clients)),
    ADM_PROC(ADMIN_PROC_SERVER_LOOKUP_CLIENT, admDispatchServerLookupClient,
             ADM_A(server_lookup_client), ADM_R(server_lookup_client)),
    ADM_PROC(ADMIN_PROC_CLIENT_GET_INFO, admDispatchClientGetInfo,
             ADM_A(client_get_info), ADM_R(client_get_info)),
    ADM_PROC(ADMIN_PROC_CLIENT_CLOSE, admDispatchClientClose,
             ADM_A(client_close), ADM_V),
    ADM_PROC(ADMIN_PROC_SERVER_GET_CLIENT_LIMITS, admDispatchServerGetClientLimits,
             ADM_A(server_get_client_limits), ADM_R(server_get_client_limits)),
    ADM_PROC(ADMIN_PROC_SERVER_SET_CLIENT_LIMITS, admDispatchServerSetClientLimits,
             ADM_A(server_set_client_limits), ADM_V),
    ADM_PROC(ADMIN_PROC_CONNECT_GET_LOGGING_OUTPUTS, admDispatchConnectGetLoggingOutputs,
             ADM_A(connect_get_logging_outputs), ADM_R(connect_get_logging_outputs)),
    ADM_PROC(ADMIN_PROC_CONNECT_GET_LOGGING_FILTERS, admDispatchConnectGetLoggingFilters,
             ADM_A(connect_get_logging_filters), ADM_R(connect_get_logging_filters)),
    ADM_PROC(ADMIN_PROC_CONNECT_SET_LOGGING_OUTPUTS, admDispatchConnectSetLoggingOutputs,
             ADM_A(connect_set_logging_outputs), ADM_V),
    ADM_PROC(ADMIN_PROC_CONNECT_SET_LOGGING_FILTERS, admDispatchConnectSetLoggingFilters,
             ADM_A(connect_set_logging_filters), ADM_V),
    ADM_PROC(ADMIN_PROC_SERVER_UPDATE_TLS_FILES, admDispatchServerUpdateTlsFiles,
             ADM_A(server_update_tls_files), ADM_V),
    ADM_PROC(ADMIN_PROC_CONNECT_SET_DAEMON_TIMEOUT, admDispatchConnectSetDaemonTimeout,
             ADM_A(connect_set_daemon_timeout), ADM_V),
};

virNetServerProgram *
daemonAdminProgram(virNetDaemon *dmn)
{
    adminDaemon = dmn;
    return virNetServerProgramNew(ADMIN_PROGRAM, ADMIN_PROTOCOL_VERSION, adminProcs,
                                  G_N_ELEMENTS(adminProcs));
}
