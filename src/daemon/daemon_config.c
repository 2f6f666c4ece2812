/*
 * daemon_config.c: libvirtd.conf and the modular daemons' files.
 *
 * Each key is one row of a table {name, kind, offset}; the keys and
 * defaults are libvirt's.  Keys nuvirt does not use (audit_*, sasl_*,
 * access_drivers, host_uuid, ...) are accepted and ignored, as a daemon
 * built without those features does.
 */
#include "internal.h"
#include "daemon/daemon_config.h"
#include "rpc/virnetserverclient.h"
#include "util/virconf.h"

#include <stddef.h>

#define VIR_FROM_THIS VIR_FROM_CONF

daemonConfig *
daemonConfigNew(bool privileged)
{
    daemonConfig *cfg = g_new0(daemonConfig, 1);

    cfg->listenTLS = true;        /* honoured with --listen only */
    cfg->tlsPort = g_strdup("16514");
    cfg->tcpPort = g_strdup("16509");
    /* polkit when privileged (root clients pass it), none otherwise */
    cfg->authUnixRW = privileged ? VIR_NET_SERVER_SERVICE_AUTH_POLKIT
                                 : VIR_NET_SERVER_SERVICE_AUTH_NONE;
    cfg->authUnixRO = cfg->authUnixRW;
    cfg->unixSockRWPerms = g_strdup(privileged ? "0777" : "0700");
    cfg->unixSockROPerms = g_strdup("0777");
    cfg->unixSockAdminPerms = g_strdup("0700");
    /* nuvirt has no SASL: as a libvirt built without it */
    cfg->authTCP = VIR_NET_SERVER_SERVICE_AUTH_NONE;
    cfg->authTLS = VIR_NET_SERVER_SERVICE_AUTH_NONE;
    cfg->minWorkers = 5;
    cfg->maxWorkers = 20;
    cfg->prioWorkers = 5;
    cfg->maxClients = 5000;
    cfg->maxQueuedClients = 1000;
    cfg->maxAnonymousClients = 20;
    cfg->maxClientRequests = 5;
    cfg->adminMinWorkers = 5;
    cfg->adminMaxWorkers = 20;
    cfg->adminMaxClients = 5000;
    cfg->adminMaxQueuedClients = 20;
    cfg->adminMaxClientRequests = 5;
    cfg->keepaliveInterval = 5;
    cfg->keepaliveCount = 5;
    cfg->adminKeepaliveInterval = 5;
    cfg->adminKeepaliveCount = 5;
    return cfg;
}

void
daemonConfigFree(daemonConfig *cfg)
{
    if (!cfg)
        return;
    g_free(cfg->tcpPort);
    g_free(cfg->tlsPort);
    g_free(cfg->listenAddr);
    g_free(cfg->unixSockDir);
    g_free(cfg->unixSockGroup);
    g_free(cfg->unixSockRWPerms);
    g_free(cfg->unixSockROPerms);
    g_free(cfg->unixSockAdminPerms);
    g_strfreev(cfg->tlsAllowedDNList);
    g_free(cfg->tlsPriority);
    g_free(cfg->keyFile);
    g_free(cfg->certFile);
    g_free(cfg->caFile);
    g_free(cfg->crlFile);
    g_free(cfg->logFilters);
    g_free(cfg->logOutputs);
    g_free(cfg);
}

typedef enum {
    KEY_BOOL, KEY_STRING, KEY_STRINGLIST, KEY_UINT, KEY_INT, KEY_AUTH,
} daemonConfigKind;

typedef struct {
    const char *name;
    daemonConfigKind kind;
    size_t offset;
} daemonConfigKey;

#define K(name, kind, field) { name, kind, offsetof(daemonConfig, field) }

static const daemonConfigKey daemonConfigKeys[] = {
    K("listen_tcp", KEY_BOOL, listenTCP),
    K("listen_tls", KEY_BOOL, listenTLS),
    K("tls_port", KEY_STRING, tlsPort),
    K("tcp_port", KEY_STRING, tcpPort),
    K("listen_addr", KEY_STRING, listenAddr),
    K("auth_unix_rw", KEY_AUTH, authUnixRW),
    K("auth_unix_ro", KEY_AUTH, authUnixRO),
    K("auth_tcp", KEY_AUTH, authTCP),
    K("auth_tls", KEY_AUTH, authTLS),
    K("unix_sock_group", KEY_STRING, unixSockGroup),
    K("unix_sock_admin_perms", KEY_STRING, unixSockAdminPerms),
    K("unix_sock_ro_perms", KEY_STRING, unixSockROPerms),
    K("unix_sock_rw_perms", KEY_STRING, unixSockRWPerms),
    K("unix_sock_dir", KEY_STRING, unixSockDir),
    K("tls_no_sanity_certificate", KEY_BOOL, tlsNoSanityCert),
    K("tls_no_verify_certificate", KEY_BOOL, tlsNoVerifyCert),
    K("key_file", KEY_STRING, keyFile),
    K("cert_file", KEY_STRING, certFile),
    K("ca_file", KEY_STRING, caFile),
    K("crl_file", KEY_STRING, crlFile),
    K("tls_allowed_dn_list", KEY_STRINGLIST, tlsAllowedDNList),
    K("tls_priority", KEY_STRING, tlsPriority),
    K("min_workers", KEY_UINT, minWorkers),
    K("max_workers", KEY_UINT, maxWorkers),
    K("max_clients", KEY_UINT, maxClients),
    K("max_queued_clients", KEY_UINT, maxQueuedClients),
    K("max_anonymous_clients", KEY_UINT, maxAnonymousClients),
    K("prio_workers", KEY_UINT, prioWorkers),
    K("max_client_requests", KEY_UINT, maxClientRequests),
    K("admin_min_workers", KEY_UINT, adminMinWorkers),
    K("admin_max_workers", KEY_UINT, adminMaxWorkers),
    K("admin_max_clients", KEY_UINT, adminMaxClients),
    K("admin_max_queued_clients", KEY_UINT, adminMaxQueuedClients),
    K("admin_max_client_requests", KEY_UINT, adminMaxClientRequests),
    K("log_level", KEY_UINT, logLevel),
    K("log_filters", KEY_STRING, logFilters),
    K("log_outputs", KEY_STRING, logOutputs),
    K("keepalive_interval", KEY_INT, keepaliveInterval),
    K("keepalive_count", KEY_UINT, keepaliveCount),
    K("admin_keepalive_interval", KEY_INT, adminKeepaliveInterval),
    K("admin_keepalive_count", KEY_UINT, adminKeepaliveCount),
};

static int
daemonConfigGetAuth(virConf *conf, const char *path, const char *key, int *auth)
{
    g_autofree char *str = NULL;
    int rc = virConfGetValueString(conf, key, &str);

    if (rc <= 0)
        return rc;
    /* "sasl" is refused, as by a libvirt built without SASL */
    if (STREQ(str, "none")) {
        *auth = VIR_NET_SERVER_SERVICE_AUTH_NONE;
    } else if (STREQ(str, "polkit")) {
        *auth = VIR_NET_SERVER_SERVICE_AUTH_POLKIT;
    } else {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s: %s: unsupported auth %s",
                       path, key, str);
        return -1;
    }
    return 1;
}

static int
daemonConfigLoadKey(daemonConfig *cfg, virConf *conf, const char *path,
                    const daemonConfigKey *key)
{
    void *field = (char *)cfg + key->offset;
    char *str = NULL;
    char **list = NULL;
    int rc;

    switch (key->kind) {
    case KEY_BOOL:
        return virConfGetValueBool(conf, key->name, field);
    case KEY_UINT:
        return virConfGetValueUInt(conf, key->name, field);
    case KEY_INT:
        return virConfGetValueInt(conf, key->name, field);
    case KEY_AUTH:
        return daemonConfigGetAuth(conf, path, key->name, field);
    case KEY_STRING:
        if ((rc = virConfGetValueString(conf, key->name, &str)) > 0) {
            g_free(*(char **)field);
            *(char **)field = str;
        }
        return rc;
    case KEY_STRINGLIST:
        if ((rc = virConfGetValueStringList(conf, key->name, false, &list)) > 0) {
            g_strfreev(*(char ***)field);
            *(char ***)field = list;
        }
        return rc;
    }
    return -1;
}

int
daemonConfigLoadFile(daemonConfig *cfg, const char *path)
{
    g_autoptr(virConf) conf = NULL;
    bool rwPermsSet;
    size_t i;

    if (!(conf = virConfReadFile(path, 0)))
        return -1;
    rwPermsSet = virConfGetValueType(conf, "unix_sock_rw_perms") != VIR_CONF_NONE;
    for (i = 0; i < G_N_ELEMENTS(daemonConfigKeys); i++) {
        if (daemonConfigLoadKey(cfg, conf, path, &daemonConfigKeys[i]) < 0)
            return -1;
    }
    /* with polkit, the rw socket is open to all unless the file says */
    if (!rwPermsSet) {
        g_free(cfg->unixSockRWPerms);
        cfg->unixSockRWPerms = g_strdup(cfg->authUnixRW == VIR_NET_SERVER_SERVICE_AUTH_POLKIT ?
                                        "0777" : "0700");
    }
    return 0;
}

char *
daemonConfigDefaultPath(const char *name, bool privileged)
{
    if (privileged)
        return g_strdup_printf(SYSCONFDIR "/libvirt/%s.conf", name);
    return g_strdup_printf("%s/libvirt/%s.conf", g_get_user_config_dir(), name);
}
