/*
 * libvirt-admin.c: the daemon administration API (libvirt-admin.so.0).
 *
 * The admin API talks to a daemon's admin socket over RPC, which nuvirt
 * does not have yet: virAdmConnectOpen fails with VIR_ERR_NO_SUPPORT, so
 * no admin handle can exist and every call on one fails its handle check
 * exactly as libvirt does for an invalid handle.  Version queries work.
 */
#include "internal.h"
#include "datatypes.h"
#include "libvirt/libvirt-admin.h"

#define VIR_FROM_THIS VIR_FROM_ADMIN

/* Until the admin client exists there are no live admin handles; a handle
 * check therefore always fails, with libvirt's error for a bad handle. */
#define virAdmCheckReturn(obj, retval) \
    do { \
        (void)(obj); \
        virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_INVALID_CONN, __FILE__, \
                             __FUNCTION__, __LINE__, "%s", __FUNCTION__); \
        virDispatchError(NULL); \
        return retval; \
    } while (0)

#define ADM_CALL(Ret, Name, fail, Params) \
    VIR_EXPORT Ret Name Params \
    { \
        virResetLastError(); \
        virAdmCheckReturn(ADM_FIRST_ARG, fail); \
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
    virCheckNonNullArgGoto(libVer, error);
    *libVer = LIBVIR_VERSION_NUMBER;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

VIR_EXPORT virAdmConnectPtr
virAdmConnectOpen(const char *name, unsigned int flags)
{
    if (virAdmInitialize() < 0)
        goto error;
    virResetLastError();
    virReportUnsupportedError();

 error:
    virDispatchError(NULL);
    return NULL;
}

#define ADM_FIRST_ARG conn
ADM_CALL(int, virAdmConnectClose, -1, (virAdmConnectPtr conn))
ADM_CALL(int, virAdmConnectRef, -1, (virAdmConnectPtr conn))
ADM_CALL(int, virAdmConnectIsAlive, -1, (virAdmConnectPtr conn))
ADM_CALL(char *, virAdmConnectGetURI, NULL, (virAdmConnectPtr conn))
ADM_CALL(int, virAdmConnectGetLibVersion, -1,
         (virAdmConnectPtr conn, unsigned long long *libVer))
ADM_CALL(int, virAdmConnectGetLoggingFilters, -1,
         (virAdmConnectPtr conn, char **filters, unsigned int flags))
ADM_CALL(int, virAdmConnectGetLoggingOutputs, -1,
         (virAdmConnectPtr conn, char **outputs, unsigned int flags))
ADM_CALL(int, virAdmConnectSetLoggingFilters, -1,
         (virAdmConnectPtr conn, const char *filters, unsigned int flags))
ADM_CALL(int, virAdmConnectSetLoggingOutputs, -1,
         (virAdmConnectPtr conn, const char *outputs, unsigned int flags))
ADM_CALL(int, virAdmConnectSetDaemonTimeout, -1,
         (virAdmConnectPtr conn, unsigned int timeout, unsigned int flags))
ADM_CALL(int, virAdmConnectListServers, -1,
         (virAdmConnectPtr conn, virAdmServerPtr **servers, unsigned int flags))
ADM_CALL(virAdmServerPtr, virAdmConnectLookupServer, NULL,
         (virAdmConnectPtr conn, const char *name, unsigned int flags))
ADM_CALL(int, virAdmConnectRegisterCloseCallback, -1,
         (virAdmConnectPtr conn, virAdmConnectCloseFunc cb, void *opaque,
          virFreeCallback freecb))
ADM_CALL(int, virAdmConnectUnregisterCloseCallback, -1,
         (virAdmConnectPtr conn, virAdmConnectCloseFunc cb))
#undef ADM_FIRST_ARG

#define ADM_FIRST_ARG srv
ADM_CALL(int, virAdmServerFree, -1, (virAdmServerPtr srv))
ADM_CALL(const char *, virAdmServerGetName, NULL, (virAdmServerPtr srv))
ADM_CALL(int, virAdmServerGetThreadPoolParameters, -1,
         (virAdmServerPtr srv, virTypedParameterPtr *params, int *nparams,
          unsigned int flags))
ADM_CALL(int, virAdmServerSetThreadPoolParameters, -1,
         (virAdmServerPtr srv, virTypedParameterPtr params, int nparams,
          unsigned int flags))
ADM_CALL(int, virAdmServerListClients, -1,
         (virAdmServerPtr srv, virAdmClientPtr **clients, unsigned int flags))
ADM_CALL(virAdmClientPtr, virAdmServerLookupClient, NULL,
         (virAdmServerPtr srv, unsigned long long id, unsigned int flags))
ADM_CALL(int, virAdmServerGetClientLimits, -1,
         (virAdmServerPtr srv, virTypedParameterPtr *params, int *nparams,
          unsigned int flags))
ADM_CALL(int, virAdmServerSetClientLimits, -1,
         (virAdmServerPtr srv, virTypedParameterPtr params, int nparams,
          unsigned int flags))
ADM_CALL(int, virAdmServerUpdateTlsFiles, -1,
         (virAdmServerPtr srv, unsigned int flags))
#undef ADM_FIRST_ARG

#define ADM_FIRST_ARG client
ADM_CALL(int, virAdmClientFree, -1, (virAdmClientPtr client))
ADM_CALL(int, virAdmClientClose, -1, (virAdmClientPtr client, unsigned int flags))
ADM_CALL(unsigned long long, virAdmClientGetID, (unsigned long long)-1,
         (virAdmClientPtr client))
ADM_CALL(long long, virAdmClientGetTimestamp, -1, (virAdmClientPtr client))
ADM_CALL(int, virAdmClientGetTransport, -1, (virAdmClientPtr client))
ADM_CALL(int, virAdmClientGetInfo, -1,
         (virAdmClientPtr client, virTypedParameterPtr *params, int *nparams,
          unsigned int flags))
#undef ADM_FIRST_ARG

/* The default admin URI of this process: the system daemon's for root,
 * the session daemon's otherwise. */
char *virAdmGetDefaultURI(void);
char *
virAdmGetDefaultURI(void)
{
    const char *env = getenv("LIBVIRT_ADMIN_DEFAULT_URI");

    if (env && *env)
        return g_strdup(env);
    return g_strdup(geteuid() == 0 ? "libvirtd:///system" : "libvirtd:///session");
}
