/*
 * libvirt.c: library initialisation, version and connections.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virlog.h"
#include "util/virconf.h"

#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("libvirt");

/* Registration hooks of the drivers built into the library, run once by
 * virInitialize.  Drivers add themselves in driver-builtins.c. */
void virDriverRegisterBuiltins(void);

static int initResult = -1;

static gpointer
virGlobalInit(gpointer data G_GNUC_UNUSED)
{
    virLogSetFromEnv();
    virDataTypesOnceInit();
    virDriverRegisterBuiltins();
    initResult = 0;
    return NULL;
}

VIR_EXPORT int
virInitialize(void)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, virGlobalInit, NULL);
    return initResult;
}

VIR_EXPORT int
virGetVersion(unsigned long *libVer, const char *type G_GNUC_UNUSED,
              unsigned long *typeVer)
{
    if (virInitialize() < 0)
        goto error;
    virResetLastError();
    virCheckNonNullArgGoto(libVer, error);
    *libVer = LIBVIR_VERSION_NUMBER;
    if (typeVer)
        *typeVer = LIBVIR_VERSION_NUMBER;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

/* ---- default authentication: ask on the controlling terminal ---- */

static int virConnectCredTypeDefault[] = {
    VIR_CRED_AUTHNAME, VIR_CRED_ECHOPROMPT, VIR_CRED_REALM,
    VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT, VIR_CRED_EXTERNAL,
};

static char *
virConnectAuthReadLine(bool echo)
{
    struct termios old, quiet;
    bool restore = false;
    char buf[1024];
    char *ret = NULL;

    if (!echo && isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0) {
        quiet = old;
        quiet.c_lflag &= ~ECHO;
        restore = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    if (fgets(buf, sizeof(buf), stdin)) {
        buf[strcspn(buf, "\r\n")] = '\0';
        ret = g_strdup(buf);
    }
    if (restore) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stdout);
    }
    return ret;
}

static int
virConnectAuthCallbackDefault(virConnectCredentialPtr cred, unsigned int ncred,
                              void *cbdata G_GNUC_UNUSED)
{
    size_t i;

    for (i = 0; i < ncred; i++) {
        char *answer = NULL;
        bool echo = true;

        switch (cred[i].type) {
        case VIR_CRED_EXTERNAL:
            if (STRNEQ(cred[i].challenge, "PolicyKit"))
                return -1;
            /* the authority decides; nothing to ask */
            cred[i].result = NULL;
            cred[i].resultlen = 0;
            continue;
        case VIR_CRED_PASSPHRASE:
        case VIR_CRED_NOECHOPROMPT:
            echo = false;
            G_GNUC_FALLTHROUGH;
        case VIR_CRED_USERNAME:
        case VIR_CRED_AUTHNAME:
        case VIR_CRED_ECHOPROMPT:
        case VIR_CRED_REALM:
            if (printf("%s: ", cred[i].prompt) < 0 || fflush(stdout) != 0)
                return -1;
            if (!(answer = virConnectAuthReadLine(echo)))
                return -1;
            if (!*answer && cred[i].defresult) {
                g_free(answer);
                answer = g_strdup(cred[i].defresult);
            }
            break;
        default:
            return -1;
        }
        cred[i].result = answer;
        cred[i].resultlen = strlen(answer);
    }
    return 0;
}

static virConnectAuth virConnectAuthDefault = {
    virConnectCredTypeDefault,
    G_N_ELEMENTS(virConnectCredTypeDefault),
    virConnectAuthCallbackDefault,
    NULL,
};

VIR_EXPORT virConnectAuthPtr virConnectAuthPtrDefault = &virConnectAuthDefault;

/* ---- opening connections ---- */

/* The client configuration: /etc/libvirt/libvirt.conf for root, else
 * $XDG_CONFIG_HOME/libvirt/libvirt.conf.  A missing file is no error. */
static char *virConnectConfigPathOverride;

/* Tests point the client configuration at a file of their own. */
void virConnectSetConfigPathForTesting(const char *path);
void
virConnectSetConfigPathForTesting(const char *path)
{
    g_free(virConnectConfigPathOverride);
    virConnectConfigPathOverride = g_strdup(path);
}

static virConf *
virConnectLoadConfig(void)
{
    g_autofree char *path = NULL;

    if (virConnectConfigPathOverride)
        path = g_strdup(virConnectConfigPathOverride);
    else if (geteuid() == 0)
        path = g_build_filename(SYSCONFDIR, "libvirt", "libvirt.conf", NULL);
    else
        path = g_build_filename(g_get_user_config_dir(), "libvirt",
                                "libvirt.conf", NULL);
    if (!g_file_test(path, G_FILE_TEST_EXISTS))
        return NULL;
    return virConfReadFile(path, 0);
}

static int
virConnectDefaultURI(virConf *conf, char **uristr)
{
    const char *env = getenv("LIBVIRT_DEFAULT_URI");

    if (env && *env) {
        *uristr = g_strdup(env);
        return 0;
    }
    if (conf && virConfGetValueString(conf, "uri_default", uristr) < 0)
        return -1;
    return 0;
}

/* uri_aliases = [ "name=URI", ... ]: replace @uristr by the URI of the
 * alias it names, if any. */
static int
virConnectResolveAlias(virConf *conf, char **uristr)
{
    g_auto(GStrv) aliases = NULL;
    size_t len = strlen(*uristr);
    size_t i;

    if (!conf || virConfGetValueStringList(conf, "uri_aliases", false, &aliases) < 0)
        return conf ? -1 : 0;
    for (i = 0; aliases && aliases[i]; i++) {
        const char *eq = strchr(aliases[i], '=');

        if (!eq) {
            virReportError(VIR_ERR_CONF_SYNTAX,
                           "Malformed 'uri_aliases' config entry '%s', expected 'alias=uri://host/path'",
                           aliases[i]);
            return -1;
        }
        if ((size_t)(eq - aliases[i]) == len &&
            STREQLEN(aliases[i], *uristr, len)) {
            g_free(*uristr);
            *uristr = g_strdup(eq + 1);
            return 0;
        }
    }
    return 0;
}

static int
virConnectCheckURIMissingSlash(const char *uristr, virURI *uri)
{
    if (!uri->path || !uri->server)
        return 0;
    if (STRNEQ(uri->scheme, "qemu") && STRNEQ(uri->scheme, "vbox") &&
        STRNEQ(uri->scheme, "vz"))
        return 0;
    if (STREQ(uri->server, "session") || STREQ(uri->server, "system")) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid URI %s (maybe you want %s:///%s)",
                       uristr, uri->scheme, uri->server);
        return -1;
    }
    return 0;
}

static bool
virConnectDriverAccepts(virConnectDriver *drv, virURI *uri)
{
    size_t s;

    if (drv->localOnly && uri && uri->server)
        return false;
    if (!drv->uriSchemes)
        return true;
    if (!uri)
        return false;
    for (s = 0; drv->uriSchemes[s]; s++) {
        if (STREQ(uri->scheme, drv->uriSchemes[s]))
            return true;
    }
    return false;
}

static void
virConnectUseDriver(virConnectPtr conn, virConnectDriver *drv)
{
    conn->driver = drv->hypervisorDriver;
    conn->interfaceDriver = drv->interfaceDriver ? drv->interfaceDriver : virSharedInterfaceDriver;
    conn->networkDriver = drv->networkDriver ? drv->networkDriver : virSharedNetworkDriver;
    conn->nodeDeviceDriver = drv->nodeDeviceDriver ? drv->nodeDeviceDriver : virSharedNodeDeviceDriver;
    conn->nwfilterDriver = drv->nwfilterDriver ? drv->nwfilterDriver : virSharedNWFilterDriver;
    conn->secretDriver = drv->secretDriver ? drv->secretDriver : virSharedSecretDriver;
    conn->storageDriver = drv->storageDriver ? drv->storageDriver : virSharedStorageDriver;
}

static void
virConnectClearDrivers(virConnectPtr conn)
{
    conn->driver = NULL;
    conn->interfaceDriver = NULL;
    conn->networkDriver = NULL;
    conn->nodeDeviceDriver = NULL;
    conn->nwfilterDriver = NULL;
    conn->secretDriver = NULL;
    conn->storageDriver = NULL;
}

/* Offer the connection to each driver in turn until one takes it: first
 * the drivers that name their URI schemes, then those that take any URI
 * (the remote driver), so that a driver registered later (by a daemon or
 * a test) still comes before the fallback. */
static int
virConnectProbeDrivers(virConnectPtr conn, const char *name,
                       virConnectAuthPtr auth, unsigned int flags)
{
    size_t n = virConnectDriverCount();
    size_t i;

    for (i = 0; i < 2 * n; i++) {
        virConnectDriver *drv = virConnectDriverAt(i % n);
        virDrvOpenStatus res;

        if ((i < n) != (drv->uriSchemes != NULL))
            continue;
        if (!virConnectDriverAccepts(drv, conn->uri))
            continue;
        if (drv->remoteOnly && conn->uri && !conn->uri->server) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "URI is missing the server part");
            return -1;
        }
        virConnectUseDriver(conn, drv);
        res = drv->hypervisorDriver->connectOpen(conn, auth, flags);
        VIR_DEBUG("driver %zu %s returned %d", i % n, drv->hypervisorDriver->name, res);
        if (res == VIR_DRV_OPEN_SUCCESS)
            return 0;
        virConnectClearDrivers(conn);
        if (res == VIR_DRV_OPEN_ERROR)
            return -1;
    }
    virReportError(VIR_ERR_NO_CONNECT, "%s", name ? name : "(null)");
    return -1;
}

static int
virConnectProbeDefaultURI(char **uristr)
{
    size_t i;

    for (i = 0; i < virConnectDriverCount() && !*uristr; i++) {
        virHypervisorDriver *hv = virConnectDriverAt(i)->hypervisorDriver;

        if (hv->connectURIProbe && hv->connectURIProbe(uristr) < 0)
            return -1;
    }
    return 0;
}

static virConnectPtr
virConnectOpenInternal(const char *name, virConnectAuthPtr auth,
                       unsigned int flags)
{
    g_autoptr(virConf) conf = NULL;
    g_autofree char *uristr = NULL;
    virConnectPtr conn;

    if (!(conf = virConnectLoadConfig()) && virGetLastErrorCode() != VIR_ERR_OK)
        return NULL;
    if (name && *name) {
        uristr = g_strdup(name);
    } else {
        name = NULL;
        if (virConnectDefaultURI(conf, &uristr) < 0 ||
            (!uristr && virConnectProbeDefaultURI(&uristr) < 0))
            return NULL;
    }

    conn = virGetConnect();
    if (uristr) {
        if (!(flags & VIR_CONNECT_NO_ALIASES) &&
            virConnectResolveAlias(conf, &uristr) < 0)
            goto error;
        if (!(conn->uri = virURIParse(uristr)))
            goto error;
        if (!conn->uri->path)
            conn->uri->path = g_strdup("");
        if (!conn->uri->scheme) {
            virReportError(VIR_ERR_NO_CONNECT,
                           "URI '%s' does not include a driver name", name);
            goto error;
        }
        if (virConnectCheckURIMissingSlash(uristr, conn->uri) < 0)
            goto error;
    }
    conn->flags = flags & VIR_CONNECT_RO;
    if (virConnectProbeDrivers(conn, name ? name : uristr, auth, flags) < 0)
        goto error;
    return conn;

 error:
    virObjectUnref(conn);
    return NULL;
}

VIR_EXPORT virConnectPtr
virConnectOpen(const char *name)
{
    virConnectPtr ret;

    if (virInitialize() < 0)
        goto error;
    VIR_DEBUG("name=%s", NULLSTR(name));
    virResetLastError();
    if ((ret = virConnectOpenInternal(name, NULL, 0)))
        return ret;

 error:
    virDispatchError(NULL);
    return NULL;
}

VIR_EXPORT virConnectPtr
virConnectOpenReadOnly(const char *name)
{
    virConnectPtr ret;

    if (virInitialize() < 0)
        goto error;
    VIR_DEBUG("name=%s", NULLSTR(name));
    virResetLastError();
    if ((ret = virConnectOpenInternal(name, virConnectAuthPtrDefault,
                                      VIR_CONNECT_RO)))
        return ret;

 error:
    virDispatchError(NULL);
    return NULL;
}

VIR_EXPORT virConnectPtr
virConnectOpenAuth(const char *name, virConnectAuthPtr auth, unsigned int flags)
{
    virConnectPtr ret;

    if (virInitialize() < 0)
        goto error;
    VIR_DEBUG("name=%s, auth=%p, flags=0x%x", NULLSTR(name), auth, flags);
    virResetLastError();
    if ((ret = virConnectOpenInternal(name, auth, flags)))
        return ret;

 error:
    virDispatchError(NULL);
    return NULL;
}

VIR_EXPORT int
virConnectClose(virConnectPtr conn)
{
    int remaining;

    VIR_DEBUG("conn=%p", conn);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    remaining = g_atomic_int_get(&conn->parent.parent.refs) - 1;
    virObjectUnref(conn);
    return remaining > 0 ? remaining : 0;
}

/* From here on, libvirt's host calls: their errors are VIR_FROM_DOMAIN's. */
#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_EXPORT int
virConnectRef(virConnectPtr conn)
{
    VIR_DEBUG("conn=%p", conn);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    virObjectRef(conn);
    return 0;
}

VIR_EXPORT char *
virConnectGetURI(virConnectPtr conn)
{
    VIR_DEBUG("conn=%p", conn);
    virResetLastError();
    virCheckConnectReturn(conn, NULL);
    if (!conn->uri) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "connection has no URI");
        virDispatchError(conn);
        return NULL;
    }
    return virURIFormat(conn->uri);
}

/* A driver without its own answer reports this library's version. */
VIR_EXPORT int
virConnectGetLibVersion(virConnectPtr conn, unsigned long *libVer)
{
    int ret;

    VIR_DEBUG("conn=%p, libVer=%p", conn, libVer);
    virResetLastError();
    virCheckConnectReturn(conn, -1);
    virCheckNonNullArgGoto(libVer, error);
    if (conn->driver->connectGetLibVersion) {
        if ((ret = conn->driver->connectGetLibVersion(conn, libVer)) < 0)
            goto error;
        return ret;
    }
    *libVer = LIBVIR_VERSION_NUMBER;
    return 0;

 error:
    virDispatchError(conn);
    return -1;
}

VIR_EXPORT const char *
virConnectGetType(virConnectPtr conn)
{
    VIR_DEBUG("conn=%p", conn);
    virResetLastError();
    virCheckConnectReturn(conn, NULL);
    if (conn->driver->connectGetType) {
        const char *ret = conn->driver->connectGetType(conn);

        if (ret)
            return ret;
    }
    return conn->driver->name;
}
