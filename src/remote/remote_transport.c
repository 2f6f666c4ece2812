/*
 * remote_transport.c: from a connection URI to an RPC connection.
 *
 * driver[+transport]://[user@][host][:port]/path[?params] as libvirt
 * reads it: the transport (unix without a host, tls with one, or tcp,
 * ssh, ext), the parameters the remote driver takes for itself (socket,
 * command, netcat, keyfile, pkipath, no_verify, no_tty, no_sanity, mode,
 * proxy, tls_priority, auth, name) and the URI the daemon is asked to
 * open (the same URI without transport and without those parameters).
 * Local sockets are libvirt's: /var/run/libvirt/libvirt-sock[-ro] for
 * libvirtd, /var/run/libvirt/virtNAMEd-sock[-ro] for a modular daemon,
 * and $XDG_RUNTIME_DIR/libvirt/... for per-user daemons, which are
 * started on demand.
 */
#include "internal.h"
#include "remote/remote_transport.h"
#include "util/virbuffer.h"
#include "util/virlog.h"

#include <sys/stat.h>

#define VIR_FROM_THIS VIR_FROM_REMOTE

VIR_LOG_INIT("remote.transport");

/* the system socket directory every libvirt client knows */
#define REMOTE_SYSTEM_SOCKET_DIR "/var/run/libvirt"
#define REMOTE_TLS_PORT "16514"
#define REMOTE_TCP_PORT "16509"

static const char *const transportNames[] = {
    [REMOTE_TRANSPORT_TLS] = "tls",
    [REMOTE_TRANSPORT_UNIX] = "unix",
    [REMOTE_TRANSPORT_SSH] = "ssh",
    [REMOTE_TRANSPORT_LIBSSH2] = "libssh2",
    [REMOTE_TRANSPORT_EXT] = "ext",
    [REMOTE_TRANSPORT_TCP] = "tcp",
    [REMOTE_TRANSPORT_LIBSSH] = "libssh",
};
G_STATIC_ASSERT(G_N_ELEMENTS(transportNames) == REMOTE_TRANSPORT_LAST);

void
remoteURIInfoClear(remoteURIInfo *info)
{
    g_free(info->driver);
    g_free(info->name);
    g_free(info->sockname);
    g_free(info->command);
    g_free(info->netcat);
    g_free(info->keyfile);
    g_free(info->pkipath);
    g_free(info->authtype);
    g_free(info->tlsPriority);
    g_free(info->mode);
    g_free(info->proxy);
    g_free(info->port);
    g_free(info->username);
    g_free(info->hostname);
    memset(info, 0, sizeof(*info));
}

static int
remoteSplitScheme(virURI *uri, remoteURIInfo *info)
{
    const char *plus = strchr(uri->scheme, '+');
    size_t i;

    if (!plus) {
        info->driver = g_strdup(uri->scheme);
        info->transport = uri->server ? REMOTE_TRANSPORT_TLS : REMOTE_TRANSPORT_UNIX;
        return 0;
    }
    info->driver = g_strndup(uri->scheme, plus - uri->scheme);
    for (i = 0; i < REMOTE_TRANSPORT_LAST; i++) {
        if (g_ascii_strcasecmp(plus + 1, transportNames[i]) == 0)
            break;
    }
    if (i == REMOTE_TRANSPORT_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "remote_open: transport in URL not recognised (should be tls|unix|ssh|ext|tcp|libssh2|libssh)");
        return -1;
    }
    if (i == REMOTE_TRANSPORT_UNIX && uri->server) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "using unix socket and remote server '%s' is not supported.",
                       uri->server);
        return -1;
    }
    info->transport = i;
    return 0;
}

/* Take the parameters that are the remote driver's own out of the URI. */
static void
remoteTakeParams(virURI *uri, remoteURIInfo *info)
{
    struct { const char *name; char **value; } strs[] = {
        { "name", &info->name }, { "command", &info->command },
        { "socket", &info->sockname }, { "auth", &info->authtype },
        { "netcat", &info->netcat }, { "keyfile", &info->keyfile },
        { "pkipath", &info->pkipath }, { "tls_priority", &info->tlsPriority },
        { "mode", &info->mode }, { "proxy", &info->proxy },
        { "sshauth", NULL }, { "known_hosts", NULL }, { "known_hosts_verify", NULL },
        { "authfile", NULL },
    };
    struct { const char *name; bool *value; } flags[] = {
        { "no_sanity", &info->noSanity }, { "no_verify", &info->noVerify },
        { "no_tty", &info->noTTY },
    };
    size_t i, j;

    for (i = 0; i < uri->paramsCount; i++) {
        virURIParam *p = &uri->params[i];

        for (j = 0; j < G_N_ELEMENTS(strs); j++) {
            if (g_ascii_strcasecmp(p->name, strs[j].name) == 0) {
                if (strs[j].value) {
                    g_free(*strs[j].value);
                    *strs[j].value = g_strdup(p->value);
                }
                p->ignore = true;
            }
        }
        for (j = 0; j < G_N_ELEMENTS(flags); j++) {
            if (g_ascii_strcasecmp(p->name, flags[j].name) == 0) {
                *flags[j].value = p->value[0] && STRNEQ(p->value, "0");
                p->ignore = true;
            }
        }
    }
}

int
remoteParseURI(virURI *uri, bool readonly, remoteURIInfo *info)
{
    memset(info, 0, sizeof(*info));
    info->readonly = readonly;
    if (!uri) {
        /* no URI: ask the local daemon for its default */
        info->transport = REMOTE_TRANSPORT_UNIX;
        info->name = g_strdup("");
        info->hostname = g_strdup("localhost");
        info->user = geteuid() != 0;
        info->autostart = info->user && g_strcmp0(getenv("LIBVIRT_AUTOSTART"), "0") != 0;
        return 0;
    }
    if (remoteSplitScheme(uri, info) < 0)
        return -1;
    remoteTakeParams(uri, info);
    if (uri->port)
        info->port = g_strdup_printf("%u", uri->port);
    else if (info->transport == REMOTE_TRANSPORT_TLS)
        info->port = g_strdup(REMOTE_TLS_PORT);
    else if (info->transport == REMOTE_TRANSPORT_TCP)
        info->port = g_strdup(REMOTE_TCP_PORT);
    info->hostname = g_strdup(uri->server ? uri->server : "localhost");
    info->username = g_strdup(uri->user);
    if (!info->name) {
        if (STREQ(info->driver, "remote")) {
            info->name = g_strdup("");   /* the daemon picks */
        } else {
            g_autofree char *query = virURIFormatParams(uri);
            virURI tmp = { .scheme = info->driver, .path = uri->path,
                           .query = query && *query ? query : NULL,
                           .fragment = uri->fragment };

            if (!(info->name = virURIFormat(&tmp)))
                return -1;
        }
    }
    /* per-user daemons serve /session and the test driver, for ordinary
     * users; without a host they are started on demand */
    if ((g_strcmp0(uri->path, "/session") == 0 || g_str_has_prefix(uri->scheme, "test+")) &&
        geteuid() > 0) {
        info->user = true;
        info->autostart = !uri->server && info->transport == REMOTE_TRANSPORT_UNIX &&
                          g_strcmp0(getenv("LIBVIRT_AUTOSTART"), "0") != 0;
    }
    return 0;
}

static char *
remoteSocketPath(const char *prefix, bool user, bool readonly)
{
    if (user) {
        g_autofree char *dir = g_build_filename(g_get_user_runtime_dir(), "libvirt", NULL);

        return g_strdup_printf("%s/%s-sock", dir, prefix);
    }
    return g_strdup_printf(REMOTE_SYSTEM_SOCKET_DIR "/%s-%s", prefix,
                           readonly ? "sock-ro" : "sock");
}

/* Where a daemon binary is: $VIRTD_PATH (or $LIBVIRTD_PATH), else the
 * system's sbin. */
static char *
remoteDaemonPath(const char *name)
{
    const char *env = getenv("VIRTD_PATH") ? getenv("VIRTD_PATH") : getenv("LIBVIRTD_PATH");

    if (env && *env) {
        if (g_file_test(env, G_FILE_TEST_IS_DIR))
            return g_build_filename(env, name, NULL);
        return g_strdup(env);
    }
    return g_build_filename(SBINDIR, name, NULL);
}

int
remoteChooseSocket(remoteURIInfo *info, bool insideDaemon, char **daemonPath)
{
    g_autofree char *direct = NULL;
    g_autofree char *directDaemon = NULL;
    g_autofree char *legacy = remoteSocketPath("libvirt", info->user, info->readonly);
    enum { MODE_AUTO, MODE_LEGACY, MODE_DIRECT } mode = MODE_AUTO;

    *daemonPath = NULL;
    if (info->sockname)
        return 0;
    if (info->mode) {
        if (STREQ(info->mode, "legacy")) {
            mode = MODE_LEGACY;
        } else if (STREQ(info->mode, "direct")) {
            mode = MODE_DIRECT;
        } else if (STRNEQ(info->mode, "auto")) {
            virReportError(VIR_ERR_INVALID_ARG, "Unknown remote mode '%s'", info->mode);
            return -1;
        }
    } else if (insideDaemon) {
        mode = MODE_DIRECT;
    }
    if (info->driver && *info->driver && STRNEQ(info->driver, "remote")) {
        directDaemon = g_strdup_printf("virt%sd", info->driver);
        direct = remoteSocketPath(directDaemon, info->user, info->readonly);
    }
    if (mode == MODE_AUTO) {
        if (info->transport != REMOTE_TRANSPORT_UNIX)
            mode = MODE_LEGACY;
        else if (direct && g_file_test(direct, G_FILE_TEST_EXISTS))
            mode = MODE_DIRECT;
        else
            mode = MODE_LEGACY;
    }
    if (mode == MODE_DIRECT) {
        if (info->transport != REMOTE_TRANSPORT_UNIX) {
            virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                           "Cannot use direct socket mode for %s transport",
                           transportNames[info->transport]);
            return -1;
        }
        if (!direct) {
            virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                           "Cannot use direct socket mode if no URI is set");
            return -1;
        }
        info->sockname = g_steal_pointer(&direct);
        if (info->autostart)
            *daemonPath = remoteDaemonPath(directDaemon);
    } else {
        info->sockname = g_steal_pointer(&legacy);
        if (info->autostart)
            *daemonPath = remoteDaemonPath("libvirtd");
    }
    return 0;
}

/* The command run on the far side of ssh: virt-ssh-helper when the host
 * has it, else netcat on the socket, as libvirt does. */
static char *
remoteSSHCommand(remoteURIInfo *info)
{
    g_auto(virBuffer) nc = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) uri = VIR_BUFFER_INITIALIZER;
    g_autofree char *ncSafe = NULL;
    g_autofree char *uriSafe = NULL;
    g_autofree char *tmp = NULL;
    g_autofree char *nccmd = NULL;
    g_autofree char *helper = NULL;
    const char *proxy = info->proxy;

    /* escaped twice: ssh runs a shell, which runs our sh -c */
    virBufferEscapeShell(&nc, info->netcat ? info->netcat : "nc");
    tmp = virBufferContentAndReset(&nc);
    virBufferEscapeShell(&nc, tmp);
    ncSafe = virBufferContentAndReset(&nc);
    g_clear_pointer(&tmp, g_free);
    virBufferEscapeShell(&uri, info->name);
    tmp = virBufferContentAndReset(&uri);
    virBufferEscapeShell(&uri, tmp);
    uriSafe = virBufferContentAndReset(&uri);

    if (!proxy)
        proxy = info->sockname ? "netcat" : info->user ? "native" : "auto";
    if (STREQ(proxy, "auto") && info->netcat)
        proxy = "netcat";
    nccmd = g_strdup_printf("if '%s' -q 2>&1 | grep \"requires an argument\" >/dev/null 2>&1; then "
                            "ARG=-q0;else ARG=;fi;'%s' $ARG -U %s",
                            ncSafe, ncSafe, info->sockname ? info->sockname : "");
    helper = g_strdup_printf("virt-ssh-helper%s'%s'", info->readonly ? " -r " : " ", uriSafe);
    if (STREQ(proxy, "auto"))
        return g_strdup_printf("sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; "
                               "if test $? = 0; then     %s; else    %s; fi'",
                               helper, nccmd);
    if (STREQ(proxy, "netcat"))
        return g_strdup_printf("sh -c '%s'", nccmd);
    if (STREQ(proxy, "native")) {
        if (info->netcat) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "netcat path not valid with native proxy mode");
            return NULL;
        }
        return g_strdup_printf("sh -c '%s'", helper);
    }
    virReportError(VIR_ERR_INVALID_ARG, "Unnkown proxy type '%s'", proxy);
    return NULL;
}

static virNetClient *
remoteConnectSSH(remoteURIInfo *info)
{
    g_autofree char *remoteCmd = remoteSSHCommand(info);
    virCommand *cmd;
    const char *const pass[] = {
        "XDG_RUNTIME_DIR", "KRB5CCNAME", "SSH_AUTH_SOCK", "SSH_ASKPASS",
        "GPG_TTY", "TERM", "OPENSSL_CONF", "DISPLAY", "XAUTHORITY",
    };
    size_t i;

    if (!remoteCmd)
        return NULL;
    cmd = virCommandNew(info->command ? info->command : "ssh");
    virCommandAddEnvPassCommon(cmd);
    for (i = 0; i < G_N_ELEMENTS(pass); i++)
        virCommandAddEnvPass(cmd, pass[i]);
    if (info->port)
        virCommandAddArgList(cmd, "-p", info->port, NULL);
    if (info->username)
        virCommandAddArgList(cmd, "-l", info->username, NULL);
    if (info->keyfile)
        virCommandAddArgList(cmd, "-i", info->keyfile, NULL);
    virCommandAddArgList(cmd, "-T", "-e", "none", NULL);
    if (info->noTTY)
        virCommandAddArgList(cmd, "-o", "BatchMode=yes", NULL);
    if (info->noVerify)
        virCommandAddArgList(cmd, "-o", "StrictHostKeyChecking=no", NULL);
    virCommandAddArgList(cmd, "--", info->hostname, remoteCmd, NULL);
    return virNetClientNewCommand(cmd);
}

virNetClient *
remoteConnectTransport(remoteURIInfo *info, const char *daemonPath,
                       virNetTLSContext **tls)
{
    virNetClient *client = NULL;

    *tls = NULL;
    switch (info->transport) {
    case REMOTE_TRANSPORT_TLS:
        if (!(*tls = virNetTLSContextNewClientPath(info->pkipath, geteuid() != 0,
                                                   info->tlsPriority, !info->noSanity,
                                                   !info->noVerify)))
            return NULL;
        G_GNUC_FALLTHROUGH;
    case REMOTE_TRANSPORT_TCP:
        if (!(client = virNetClientNewTCP(info->hostname, info->port, AF_UNSPEC)))
            return NULL;
        if (*tls && virNetClientSetTLSSession(client, *tls) < 0) {
            virNetClientClose(client);
            virNetClientUnref(client);
            return NULL;
        }
        return client;
    case REMOTE_TRANSPORT_UNIX:
        return virNetClientNewUNIX(info->sockname, daemonPath);
    case REMOTE_TRANSPORT_SSH:
        return remoteConnectSSH(info);
    case REMOTE_TRANSPORT_EXT:
        if (!info->command) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "remote_open: for 'ext' transport, command is required");
            return NULL;
        }
        return virNetClientNewCommand(virCommandNew(info->command));
    case REMOTE_TRANSPORT_LIBSSH2:
    case REMOTE_TRANSPORT_LIBSSH:
    default:
        virReportError(VIR_ERR_NO_SUPPORT, "%s transport support was not enabled",
                       info->transport == REMOTE_TRANSPORT_LIBSSH ? "libssh" : "libssh2");
        return NULL;
    }
}
