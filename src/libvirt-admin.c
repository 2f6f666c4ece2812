/*
 * libvirt-admin.c: the daemon administration API (libvirt-admin.so.0).
 *
 * An admin connection is one RPC client on a daemon's admin socket
 * speaking the admin program (src/admin/admin_protocol.x).  URIs are
 * libvirt's: libvirtd:///system|session or virtNAMEd:///system|session
 * naming RUNSTATEDIR/libvirt/PREFIX-admin-sock or the per-user runtime
 * directory's, and ?socket=PATH overriding both.  The RPC client and the
 * typed-parameter coding come from libvirt.so's private symbols.
 *
 * Handles are reference counted with a magic tag so a stale or foreign
 * pointer fails the handle check with libvirt's VIR_ERR_INVALID_CONN.
 */
#include "internal.h"
#include "datatypes.h"
#include "libvirt/libvirt-admin.h"
#include "rpc/virnetclient.h"
#include "rpc/virnetclientprogram.h"
#include "remote/remote_handles.h"
#include "admin_protocol.h"

#define VIR_FROM_THIS VIR_FROM_ADMIN

#define ADM_CONN_MAGIC 0x41444d43u
#define ADM_SRV_MAGIC 0x41444d53u
#define ADM_CLNT_MAGIC 0x41444d4cu

struct _virAdmConnect {
    unsigned int magic;
    gint refs;
    char *uri;
    virNetClient *client;
    virNetClientProgram *prog;
    GMutex lock;                       /* serialises calls; guards the callback */
    virAdmConnectCloseFunc closeCb;
    void *closeOpaque;
    virFreeCallback closeFree;
};

struct _virAdmServer {
    unsigned int magic;
    gint refs;
    virAdmConnectPtr conn;             /* referenced */
    char *name;
};

struct _virAdmClient {
    unsigned int magic;
    gint refs;
    virAdmServerPtr srv;               /* referenced */
    unsigned long long id;
    long long timestamp;
    unsigned int transport;
};

static bool
admConnOK(virAdmConnectPtr conn)
{
    return conn && conn->magic == ADM_CONN_MAGIC;
}

static bool
admSrvOK(virAdmServerPtr srv)
{
    return srv && srv->magic == ADM_SRV_MAGIC && admConnOK(srv->conn);
}

static bool
admClntOK(virAdmClientPtr clnt)
{
    return clnt && clnt->magic == ADM_CLNT_MAGIC && admSrvOK(clnt->srv);
}

#define ADM_CHECK(ok, retval) \
    do { \
        if (!(ok)) { \
            virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_INVALID_CONN, __FILE__, \
                                 __FUNCTION__, __LINE__, "%s", __FUNCTION__); \
            virDispatchError(NULL); \
            return retval; \
        } \
    } while (0)

static void
admConnectUnref(virAdmConnectPtr conn)
{
    if (!g_atomic_int_dec_and_test(&conn->refs))
        return;
    if (conn->client) {
        virNetClientSetCloseCallback(conn->client, NULL, NULL, NULL);
        virNetClientClose(conn->client);
        virNetClientUnref(conn->client);
    }
    if (conn->prog)
        virNetClientProgramUnref(conn->prog);
    if (conn->closeFree)
        conn->closeFree(conn->closeOpaque);
    g_mutex_clear(&conn->lock);
    conn->magic = 0;
    g_free(conn->uri);
    g_free(conn);
}

static void
admServerUnref(virAdmServerPtr srv)
{
    if (!g_atomic_int_dec_and_test(&srv->refs))
        return;
    admConnectUnref(srv->conn);
    srv->magic = 0;
    g_free(srv->name);
    g_free(srv);
}

static virAdmServerPtr
admServerNew(virAdmConnectPtr conn, const char *name)
{
    virAdmServerPtr srv = g_new0(struct _virAdmServer, 1);

    srv->magic = ADM_SRV_MAGIC;
    srv->refs = 1;
    g_atomic_int_inc(&conn->refs);
    srv->conn = conn;
    srv->name = g_strdup(name);
    return srv;
}

static virAdmClientPtr
admClientNew(virAdmServerPtr srv, admin_nonnull_client *c)
{
    virAdmClientPtr clnt = g_new0(struct _virAdmClient, 1);

    clnt->magic = ADM_CLNT_MAGIC;
    clnt->refs = 1;
    g_atomic_int_inc(&srv->refs);
    clnt->srv = srv;
    clnt->id = c->id;
    clnt->timestamp = c->timestamp;
    clnt->transport = c->transport;
    return clnt;
}

/* One call on the connection; 0, or -1 with the daemon's error. */
static int
admCall(virAdmConnectPtr conn, int proc, xdrproc_t argsX, void *args,
        xdrproc_t retX, void *ret)
{
    int rc;

    g_mutex_lock(&conn->lock);
    rc = virNetClientProgramCall(conn->prog, conn->client,
                                 virNetClientNextSerial(conn->client), proc,
                                 0, NULL, NULL, NULL, argsX, args, retX, ret);
    g_mutex_unlock(&conn->lock);
    return rc;
}

/* The socket an admin URI names. */
static char *
admSocketPath(const char *uristr)
{
    g_autoptr(GUri) uri = g_uri_parse(uristr, G_URI_FLAGS_ENCODED_QUERY, NULL);
    g_autofree char *sock = NULL;
    g_autofree char *base = NULL;
    const char *scheme;
    const char *path;

    if (!uri) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse URI %s", uristr);
        return NULL;
    }
    if (g_uri_get_query(uri)) {
        g_autoptr(GHashTable) params = g_uri_parse_params(g_uri_get_query(uri), -1, "&",
                                                          G_URI_PARAMS_NONE, NULL);
        GHashTableIter iter;
        gpointer key, value;

        if (!params) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse URI %s", uristr);
            return NULL;
        }
        g_hash_table_iter_init(&iter, params);
        while (g_hash_table_iter_next(&iter, &key, &value)) {
            if (STRNEQ(key, "socket")) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "Unknown URI parameter '%s'", (char *)key);
                return NULL;
            }
            g_free(sock);
            sock = g_strdup(value);
        }
    }
    if (sock)
        return g_steal_pointer(&sock);
    scheme = g_uri_get_scheme(uri);
    path = g_uri_get_path(uri);
    if (STREQ(scheme, "libvirtd")) {
        base = g_strdup("libvirt-admin-sock");
    } else if (g_str_has_prefix(scheme, "virt")) {
        base = g_strdup_printf("%s-admin-sock", scheme);
    } else {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Unsupported URI scheme '%s'", scheme);
        return NULL;
    }
    if (STREQ_NULLABLE(path, "/system"))
        return g_strdup_printf(RUNSTATEDIR "/libvirt/%s", base);
    if (STREQ_NULLABLE(path, "/session"))
        return g_build_filename(g_get_user_runtime_dir(), "libvirt", base, NULL);
    virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Invalid URI path '%s', try '/system'",
                   path ? path : "");
    return NULL;
}

static void
admConnectClosed(virNetClient *client G_GNUC_UNUSED, int reason, void *opaque)
{
    virAdmConnectPtr conn = opaque;
    virAdmConnectCloseFunc cb;
    void *cbOpaque;
    virFreeCallback ff;

    g_mutex_lock(&conn->lock);
    cb = conn->closeCb;
    cbOpaque = conn->closeOpaque;
    ff = conn->closeFree;
    conn->closeCb = NULL;
    conn->closeOpaque = NULL;
    conn->closeFree = NULL;
    g_mutex_unlock(&conn->lock);
    if (cb)
        cb(conn, reason, cbOpaque);
    if (ff)
        ff(cbOpaque);
}

VIR_EXPORT int
virAdmInitialize(void)
{
    return virInitialize();
}

VIR_EXPORT int
virAdmGetVersion(unsigned long long *libVer)
{
    if (virAdmInitialize() < 0)
        goto error;
    virResetLastError();
    if (!libVer)
        goto error;
    *libVer = LIBVIR_VERSION_NUMBER;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

/* The default admin URI of this process: the system daemon's for root,
 * the session daemon's otherwise. */
static char *
virAdmGetDefaultURI(void)
{
    const char *env = getenv("LIBVIRT_ADMIN_DEFAULT_URI");

    if (env && *env)
        return g_strdup(env);
    return g_strdup(geteuid() == 0 ? "libvirtd:///system" : "libvirtd:///session");
}

VIR_EXPORT virAdmConnectPtr
virAdmConnectOpen(const char *name, unsigned int flags)
{
    virAdmConnectPtr conn = NULL;
    g_autofree char *sock = NULL;
    admin_connect_open_args args = { flags };

    if (virAdmInitialize() < 0)
        goto error;
    virResetLastError();
    conn = g_new0(struct _virAdmConnect, 1);
    conn->magic = ADM_CONN_MAGIC;
    conn->refs = 1;
    g_mutex_init(&conn->lock);
    conn->uri = name ? g_strdup(name) : virAdmGetDefaultURI();
    if (!(sock = admSocketPath(conn->uri)) ||
        !(conn->client = virNetClientNewUNIX(sock, NULL)))
        goto error;
    conn->prog = virNetClientProgramNew(ADMIN_PROGRAM, ADMIN_PROTOCOL_VERSION,
                                        NULL, 0, NULL);
    if (virNetClientAddProgram(conn->client, conn->prog) < 0 ||
        admCall(conn, ADMIN_PROC_CONNECT_OPEN, (xdrproc_t)xdr_admin_connect_open_args,
                &args, (xdrproc_t)xdr_void, NULL) < 0)
        goto error;
    virNetClientSetCloseCallback(conn->client, admConnectClosed, conn, NULL);
    return conn;

 error:
    virDispatchError(NULL);
    if (conn)
        admConnectUnref(conn);
    return NULL;
}

VIR_EXPORT int
virAdmConnectClose(virAdmConnectPtr conn)
{
    bool last;

    virResetLastError();
    if (!conn)
        return 0;
    ADM_CHECK(admConnOK(conn), -1);
    last = g_atomic_int_get(&conn->refs) == 1;
    if (last && virNetClientIsOpen(conn->client))
        ignore_value(admCall(conn, ADMIN_PROC_CONNECT_CLOSE, (xdrproc_t)xdr_void, NULL,
                             (xdrproc_t)xdr_void, NULL));
    virResetLastError();
    admConnectUnref(conn);
    return last ? 0 : 1;
}

VIR_EXPORT int
virAdmConnectRef(virAdmConnectPtr conn)
{
    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    g_atomic_int_inc(&conn->refs);
    return 0;
}

VIR_EXPORT int
virAdmConnectIsAlive(virAdmConnectPtr conn)
{
    virResetLastError();
    if (!conn)
        return 0;
    ADM_CHECK(admConnOK(conn), -1);
    return virNetClientIsOpen(conn->client);
}

VIR_EXPORT char *
virAdmConnectGetURI(virAdmConnectPtr conn)
{
    virResetLastError();
    ADM_CHECK(admConnOK(conn), NULL);
    return g_strdup(conn->uri);
}

VIR_EXPORT int
virAdmConnectGetLibVersion(virAdmConnectPtr conn, unsigned long long *libVer)
{
    admin_connect_get_lib_version_ret ret = { 0 };

    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    virCheckNonNullArgGoto(libVer, error);
    if (admCall(conn, ADMIN_PROC_CONNECT_GET_LIB_VERSION, (xdrproc_t)xdr_void, NULL,
                (xdrproc_t)xdr_admin_connect_get_lib_version_ret, &ret) < 0)
        goto error;
    *libVer = ret.libVer;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

VIR_EXPORT int
virAdmConnectRegisterCloseCallback(virAdmConnectPtr conn, virAdmConnectCloseFunc cb,
                                   void *opaque, virFreeCallback freecb)
{
    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    virCheckNonNullArgGoto(cb, error);
    g_mutex_lock(&conn->lock);
    if (conn->closeCb) {
        g_mutex_unlock(&conn->lock);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "A close callback is already registered");
        goto error;
    }
    conn->closeCb = cb;
    conn->closeOpaque = opaque;
    conn->closeFree = freecb;
    g_mutex_unlock(&conn->lock);
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

VIR_EXPORT int
virAdmConnectUnregisterCloseCallback(virAdmConnectPtr conn, virAdmConnectCloseFunc cb)
{
    void *opaque;
    virFreeCallback ff;

    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    virCheckNonNullArgGoto(cb, error);
    g_mutex_lock(&conn->lock);
    if (conn->closeCb != cb) {
        g_mutex_unlock(&conn->lock);
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "A different callback was requested");
        goto error;
    }
    opaque = conn->closeOpaque;
    ff = conn->closeFree;
    conn->closeCb = NULL;
    conn->closeOpaque = NULL;
    conn->closeFree = NULL;
    g_mutex_unlock(&conn->lock);
    if (ff)
        ff(opaque);
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

/* ---- logging and the daemon ------------------------------------------ */

VIR_EXPORT int
virAdmConnectGetLoggingOutputs(virAdmConnectPtr conn, char **outputs, unsigned int flags)
{
    admin_connect_get_logging_outputs_args args = { flags };
    admin_connect_get_logging_outputs_ret ret = { 0 };
    int n;

    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    if (admCall(conn, ADMIN_PROC_CONNECT_GET_LOGGING_OUTPUTS,
                (xdrproc_t)xdr_admin_connect_get_logging_outputs_args, &args,
                (xdrproc_t)xdr_admin_connect_get_logging_outputs_ret, &ret) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    n = ret.noutputs;
    if (outputs)
        *outputs = g_steal_pointer(&ret.outputs);
    xdr_free((xdrproc_t)xdr_admin_connect_get_logging_outputs_ret, (char *)&ret);
    return n;
}

VIR_EXPORT int
virAdmConnectGetLoggingFilters(virAdmConnectPtr conn, char **filters, unsigned int flags)
{
    admin_connect_get_logging_filters_args args = { flags };
    admin_connect_get_logging_filters_ret ret = { 0 };
    int n;

    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    if (admCall(conn, ADMIN_PROC_CONNECT_GET_LOGGING_FILTERS,
                (xdrproc_t)xdr_admin_connect_get_logging_filters_args, &args,
                (xdrproc_t)xdr_admin_connect_get_logging_filters_ret, &ret) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    n = ret.nfilters;
    if (filters)
        *filters = ret.filters ? g_steal_pointer(ret.filters) : NULL;
    xdr_free((xdrproc_t)xdr_admin_connect_get_logging_filters_ret, (char *)&ret);
    return n;
}

static int
admSetString(virAdmConnectPtr conn, int proc, xdrproc_t argsX, const char *value,
             unsigned int flags)
{
    /* both set_logging_*_args are { admin_string; unsigned int flags } */
    admin_connect_set_logging_outputs_args args = { (char **)(value ? &value : NULL), flags };

    if (admCall(conn, proc, argsX, &args, (xdrproc_t)xdr_void, NULL) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    return 0;
}

VIR_EXPORT int
virAdmConnectSetLoggingOutputs(virAdmConnectPtr conn, const char *outputs,
                               unsigned int flags)
{
    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    return admSetString(conn, ADMIN_PROC_CONNECT_SET_LOGGING_OUTPUTS,
                        (xdrproc_t)xdr_admin_connect_set_logging_outputs_args,
                        outputs, flags);
}

VIR_EXPORT int
virAdmConnectSetLoggingFilters(virAdmConnectPtr conn, const char *filters,
                               unsigned int flags)
{
    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    return admSetString(conn, ADMIN_PROC_CONNECT_SET_LOGGING_FILTERS,
                        (xdrproc_t)xdr_admin_connect_set_logging_filters_args,
                        filters, flags);
}

VIR_EXPORT int
virAdmConnectSetDaemonTimeout(virAdmConnectPtr conn, unsigned int timeout,
                              unsigned int flags)
{
    admin_connect_set_daemon_timeout_args args = { timeout, flags };

    virResetLastError();
    ADM_CHECK(admConnOK(conn), -1);
    if (admCall(conn, ADMIN_PROC_CONNECT_SET_DAEMON_TIMEOUT,
                (xdrproc_t)xdr_admin_connect_set_daemon_timeout_args, &args,
                (xdrproc_t)xdr_void, NULL) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    return 0;
}

/* ---- servers ----------------------------------------------------------- */

VIR_EXPORT int
virAdmConnectListServers(virAdmConnectPtr conn, virAdmServerPtr **servers,
                         unsigned int flags)
{
    admin_connect_list_servers_args args = { !!servers, flags };
    admin_connect_list_servers_ret ret = { 0 };
    size_t i;
    int n;

    virResetLastError();
    if (servers)
        *servers = NULL;
    ADM_CHECK(admConnOK(conn), -1);
    if (admCall(conn, ADMIN_PROC_CONNECT_LIST_SERVERS,
                (xdrproc_t)xdr_admin_connect_list_servers_args, &args,
                (xdrproc_t)xdr_admin_connect_list_servers_ret, &ret) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    if (servers) {
        *servers = g_new0(virAdmServerPtr, ret.servers.servers_len + 1);
        for (i = 0; i < ret.servers.servers_len; i++)
            (*servers)[i] = admServerNew(conn, ret.servers.servers_val[i].name);
    }
    n = ret.ret;
    xdr_free((xdrproc_t)xdr_admin_connect_list_servers_ret, (char *)&ret);
    return n;
}

VIR_EXPORT virAdmServerPtr
virAdmConnectLookupServer(virAdmConnectPtr conn, const char *name, unsigned int flags)
{
    admin_connect_lookup_server_args args = { (char *)name, flags };
    admin_connect_lookup_server_ret ret = { { 0 } };
    virAdmServerPtr srv;

    virResetLastError();
    ADM_CHECK(admConnOK(conn), NULL);
    virCheckNonNullArgGoto(name, error);
    if (admCall(conn, ADMIN_PROC_CONNECT_LOOKUP_SERVER,
                (xdrproc_t)xdr_admin_connect_lookup_server_args, &args,
                (xdrproc_t)xdr_admin_connect_lookup_server_ret, &ret) < 0)
        goto error;
    srv = admServerNew(conn, ret.srv.name);
    xdr_free((xdrproc_t)xdr_admin_connect_lookup_server_ret, (char *)&ret);
    return srv;

 error:
    virDispatchError(NULL);
    return NULL;
}

VIR_EXPORT const char *
virAdmServerGetName(virAdmServerPtr srv)
{
    virResetLastError();
    ADM_CHECK(admSrvOK(srv), NULL);
    return srv->name;
}

VIR_EXPORT int
virAdmServerFree(virAdmServerPtr srv)
{
    virResetLastError();
    if (!srv)
        return 0;
    ADM_CHECK(admSrvOK(srv), -1);
    admServerUnref(srv);
    return 0;
}

/* The three typed-parameter getters share one reply shape:
 * { admin_typed_param params<>; } after { srv-or-clnt; flags }. */
typedef struct {
    struct {
        u_int params_len;
        admin_typed_param *params_val;
    } params;
} admParamsRet;

G_STATIC_ASSERT(sizeof(admParamsRet) == sizeof(admin_server_get_client_limits_ret));
G_STATIC_ASSERT(sizeof(admParamsRet) == sizeof(admin_client_get_info_ret));
G_STATIC_ASSERT(sizeof(admParamsRet) == sizeof(admin_server_get_threadpool_parameters_ret));

static int
admGetParams(virAdmConnectPtr conn, int proc, xdrproc_t argsX, void *args,
             xdrproc_t retX, int limit, virTypedParameterPtr *params, int *nparams)
{
    admParamsRet ret = { { 0 } };
    int rc = 0;

    if (admCall(conn, proc, argsX, args, retX, &ret) < 0)
        return -1;
    *params = NULL;
    *nparams = 0;
    if (remoteDeserializeTypedParams((remote_typed_param *)ret.params.params_val,
                                     ret.params.params_len, limit, params, nparams) < 0)
        rc = -1;
    xdr_free(retX, (char *)&ret);
    return rc;
}

G_STATIC_ASSERT(sizeof(admin_server_set_client_limits_args) ==
                sizeof(admin_server_set_threadpool_parameters_args));
G_STATIC_ASSERT(sizeof(admin_connect_set_logging_outputs_args) ==
                sizeof(admin_connect_set_logging_filters_args));

static int
admSetParams(virAdmServerPtr srv, int proc, xdrproc_t argsX,
             virTypedParameterPtr params, int nparams, int limit, unsigned int flags)
{
    /* both set_*_args are { srv; admin_typed_param params<>; flags } */
    admin_server_set_client_limits_args args = { { srv->name } };
    int rc;

    if (remoteSerializeTypedParams(params, nparams, limit,
                                   (remote_typed_param **)&args.params.params_val,
                                   &args.params.params_len, 0) < 0)
        return -1;
    args.flags = flags;
    rc = admCall(srv->conn, proc, argsX, &args, (xdrproc_t)xdr_void, NULL);
    remoteFreeTypedParams((remote_typed_param *)args.params.params_val,
                          args.params.params_len);
    return rc;
}

VIR_EXPORT int
virAdmServerGetThreadPoolParameters(virAdmServerPtr srv, virTypedParameterPtr *params,
                                    int *nparams, unsigned int flags)
{
    admin_server_get_threadpool_parameters_args args = { { srv ? srv->name : NULL }, flags };

    virResetLastError();
    ADM_CHECK(admSrvOK(srv), -1);
    virCheckNonNullArgGoto(params, error);
    if (admGetParams(srv->conn, ADMIN_PROC_SERVER_GET_THREADPOOL_PARAMETERS,
                     (xdrproc_t)xdr_admin_server_get_threadpool_parameters_args, &args,
                     (xdrproc_t)xdr_admin_server_get_threadpool_parameters_ret,
                     ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX, params, nparams) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

VIR_EXPORT int
virAdmServerSetThreadPoolParameters(virAdmServerPtr srv, virTypedParameterPtr params,
                                    int nparams, unsigned int flags)
{
    virResetLastError();
    ADM_CHECK(admSrvOK(srv), -1);
    virCheckNonNullArgGoto(params, error);
    if (nparams < 0) {
        virReportInvalidArg(nparams, "nparams in %s must be zero or greater", __FUNCTION__);
        goto error;
    }
    if (admSetParams(srv, ADMIN_PROC_SERVER_SET_THREADPOOL_PARAMETERS,
                     (xdrproc_t)xdr_admin_server_set_threadpool_parameters_args,
                     params, nparams, ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX, flags) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

VIR_EXPORT int
virAdmServerGetClientLimits(virAdmServerPtr srv, virTypedParameterPtr *params,
                            int *nparams, unsigned int flags)
{
    admin_server_get_client_limits_args args = { { srv ? srv->name : NULL }, flags };

    virResetLastError();
    ADM_CHECK(admSrvOK(srv), -1);
    if (admGetParams(srv->conn, ADMIN_PROC_SERVER_GET_CLIENT_LIMITS,
                     (xdrproc_t)xdr_admin_server_get_client_limits_args, &args,
                     (xdrproc_t)xdr_admin_server_get_client_limits_ret,
                     ADMIN_SERVER_CLIENT_LIMITS_MAX, params, nparams) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    return 0;
}

VIR_EXPORT int
virAdmServerSetClientLimits(virAdmServerPtr srv, virTypedParameterPtr params,
                            int nparams, unsigned int flags)
{
    virResetLastError();
    ADM_CHECK(admSrvOK(srv), -1);
    virCheckNonNullArgGoto(params, error);
    if (nparams < 0) {
        virReportInvalidArg(nparams, "nparams in %s must be zero or greater", __FUNCTION__);
        goto error;
    }
    if (admSetParams(srv, ADMIN_PROC_SERVER_SET_CLIENT_LIMITS,
                     (xdrproc_t)xdr_admin_server_set_client_limits_args,
                     params, nparams, ADMIN_SERVER_CLIENT_LIMITS_MAX, flags) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

VIR_EXPORT int
virAdmServerUpdateTlsFiles(virAdmServerPtr srv, unsigned int flags)
{
    admin_server_update_tls_files_args args = { { srv ? srv->name : NULL }, flags };

    virResetLastError();
    ADM_CHECK(admSrvOK(srv), -1);
    if (admCall(srv->conn, ADMIN_PROC_SERVER_UPDATE_TLS_FILES,
                (xdrproc_t)xdr_admin_server_update_tls_files_args, &args,
                (xdrproc_t)xdr_void, NULL) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    return 0;
}

/* ---- clients ----------------------------------------------------------- */

VIR_EXPORT int
virAdmServerListClients(virAdmServerPtr srv, virAdmClientPtr **clients,
                        unsigned int flags)
{
    admin_server_list_clients_args args = { { srv ? srv->name : NULL }, !!clients, flags };
    admin_server_list_clients_ret ret = { { 0 } };
    size_t i;
    int n;

    virResetLastError();
    if (clients)
        *clients = NULL;
    ADM_CHECK(admSrvOK(srv), -1);
    if (admCall(srv->conn, ADMIN_PROC_SERVER_LIST_CLIENTS,
                (xdrproc_t)xdr_admin_server_list_clients_args, &args,
                (xdrproc_t)xdr_admin_server_list_clients_ret, &ret) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    if (clients) {
        *clients = g_new0(virAdmClientPtr, ret.clients.clients_len + 1);
        for (i = 0; i < ret.clients.clients_len; i++)
            (*clients)[i] = admClientNew(srv, &ret.clients.clients_val[i]);
    }
    n = ret.ret;
    xdr_free((xdrproc_t)xdr_admin_server_list_clients_ret, (char *)&ret);
    return n;
}

VIR_EXPORT virAdmClientPtr
virAdmServerLookupClient(virAdmServerPtr srv, unsigned long long id, unsigned int flags)
{
    admin_server_lookup_client_args args = { { srv ? srv->name : NULL }, id, flags };
    admin_server_lookup_client_ret ret = { { { 0 } } };
    virAdmClientPtr clnt;

    virResetLastError();
    ADM_CHECK(admSrvOK(srv), NULL);
    if (admCall(srv->conn, ADMIN_PROC_SERVER_LOOKUP_CLIENT,
                (xdrproc_t)xdr_admin_server_lookup_client_args, &args,
                (xdrproc_t)xdr_admin_server_lookup_client_ret, &ret) < 0) {
        virDispatchError(NULL);
        return NULL;
    }
    clnt = admClientNew(srv, &ret.clnt);
    xdr_free((xdrproc_t)xdr_admin_server_lookup_client_ret, (char *)&ret);
    return clnt;
}

VIR_EXPORT int
virAdmClientFree(virAdmClientPtr client)
{
    virResetLastError();
    if (!client)
        return 0;
    ADM_CHECK(admClntOK(client), -1);
    if (g_atomic_int_dec_and_test(&client->refs)) {
        admServerUnref(client->srv);
        client->magic = 0;
        g_free(client);
    }
    return 0;
}

VIR_EXPORT unsigned long long
virAdmClientGetID(virAdmClientPtr client)
{
    virResetLastError();
    ADM_CHECK(admClntOK(client), (unsigned long long)-1);
    return client->id;
}

VIR_EXPORT long long
virAdmClientGetTimestamp(virAdmClientPtr client)
{
    virResetLastError();
    ADM_CHECK(admClntOK(client), -1);
    return client->timestamp;
}

VIR_EXPORT int
virAdmClientGetTransport(virAdmClientPtr client)
{
    virResetLastError();
    ADM_CHECK(admClntOK(client), -1);
    return client->transport;
}

static void
admMakeClientRef(admin_nonnull_client *dst, virAdmClientPtr client)
{
    dst->srv.name = client->srv->name;
    dst->id = client->id;
    dst->timestamp = client->timestamp;
    dst->transport = client->transport;
}

VIR_EXPORT int
virAdmClientGetInfo(virAdmClientPtr client, virTypedParameterPtr *params,
                    int *nparams, unsigned int flags)
{
    admin_client_get_info_args args = { .flags = flags };

    virResetLastError();
    ADM_CHECK(admClntOK(client), -1);
    virCheckNonNullArgGoto(params, error);
    admMakeClientRef(&args.clnt, client);
    if (admGetParams(client->srv->conn, ADMIN_PROC_CLIENT_GET_INFO,
                     (xdrproc_t)xdr_admin_client_get_info_args, &args,
                     (xdrproc_t)xdr_admin_client_get_info_ret,
                     ADMIN_CLIENT_INFO_PARAMETERS_MAX, params, nparams) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

VIR_EXPORT int
virAdmClientClose(virAdmClientPtr client, unsigned int flags)
{
    admin_client_close_args args = { .flags = flags };

    virResetLastError();
    ADM_CHECK(admClntOK(client), -1);
    admMakeClientRef(&args.clnt, client);
    if (admCall(client->srv->conn, ADMIN_PROC_CLIENT_CLOSE,
                (xdrproc_t)xdr_admin_client_close_args, &args,
                (xdrproc_t)xdr_void, NULL) < 0) {
        virDispatchError(NULL);
        return -1;
    }
    return 0;
}
