/*
 * daemon_polkit.c: asking polkit whether a UNIX client may use the
 * daemon (auth_unix_rw / auth_unix_ro = "polkit"), as libvirt asks it:
 * CheckAuthorization of org.freedesktop.PolicyKit1.Authority on the
 * system bus for a "unix-process" subject (pid, start time, uid), with
 * interaction allowed.  Without a system bus, or without polkit on it,
 * the client is refused with libvirt's error, never let through.
 */
#include "internal.h"
#include "daemon/daemon_client.h"
#include "util/virlog.h"

#include <dlfcn.h>
#include <gio/gio.h>

#define VIR_FROM_THIS VIR_FROM_POLKIT

VIR_LOG_INIT("daemon.polkit");

/* GDBus is loaded on the first polkit check: linking libgio would map
 * it and libgobject, libmount, libblkid, libselinux, libffi (about
 * 1.1 MB resident) into every daemon, where only those configured with
 * auth_unix_* = "polkit" ever use it.  Only its headers are used. */
typedef GDBusConnection *(*daemonPolkitBusGetSync)(GBusType, GCancellable *, GError **);
typedef GVariant *(*daemonPolkitCallSync)(GDBusConnection *, const gchar *, const gchar *,
                                          const gchar *, const gchar *, GVariant *,
                                          const GVariantType *, GDBusCallFlags, gint,
                                          GCancellable *, GError **);
typedef void (*daemonPolkitUnref)(gpointer);

static struct {
    daemonPolkitBusGetSync busGetSync;
    daemonPolkitCallSync callSync;
    daemonPolkitUnref unref;
} daemonPolkitGio;

/* g_once: NULL when loaded, else why not (kept for later checks) */
static gpointer
daemonPolkitLoadGio(gpointer opaque G_GNUC_UNUSED)
{
    void *lib = dlopen("libgio-2.0.so.0", RTLD_NOW | RTLD_LOCAL);

    if (!lib)
        return g_strdup(dlerror());
    daemonPolkitGio.busGetSync = (daemonPolkitBusGetSync)dlsym(lib, "g_bus_get_sync");
    daemonPolkitGio.callSync = (daemonPolkitCallSync)dlsym(lib, "g_dbus_connection_call_sync");
    daemonPolkitGio.unref = (daemonPolkitUnref)dlsym(lib, "g_object_unref");
    if (!daemonPolkitGio.busGetSync || !daemonPolkitGio.callSync || !daemonPolkitGio.unref)
        return g_strdup("libgio-2.0.so.0 has no GDBus");
    return NULL;
}

/* The start time of @pid in clock ticks (field 22 of /proc/PID/stat). */
static int
daemonPolkitStartTime(pid_t pid, unsigned long long *start)
{
    g_autofree char *path = g_strdup_printf("/proc/%lld/stat", (long long)pid);
    g_autofree char *text = NULL;
    g_auto(GStrv) fields = NULL;
    const char *rest;

    if (!g_file_get_contents(path, &text, NULL, NULL) || !(rest = strrchr(text, ')'))) {
        virReportSystemError(errno ? errno : EINVAL,
                             "Unable to get start time of process %lld", (long long)pid);
        return -1;
    }
    /* after "pid (comm)": state is field 3, starttime field 22 */
    fields = g_strsplit(rest + 1, " ", 0);
    if (g_strv_length(fields) < 21) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Unable to get start time of process %lld", (long long)pid);
        return -1;
    }
    *start = g_ascii_strtoull(fields[20], NULL, 10);
    return 0;
}

static GDBusConnection *
daemonPolkitSystemBus(void)
{
    static GOnce once = G_ONCE_INIT;
    const char *why = g_once(&once, daemonPolkitLoadGio, NULL);
    g_autoptr(GError) err = NULL;
    GDBusConnection *bus = NULL;

    if (!why && !(bus = daemonPolkitGio.busGetSync(G_BUS_TYPE_SYSTEM, NULL, &err)))
        why = err->message;
    if (!bus)
        virReportErrorHelper(VIR_FROM_DBUS, VIR_ERR_INTERNAL_ERROR, __FILE__, __func__,
                             __LINE__, "Unable to get system bus connection: %s", why);
    return bus;
}

static GVariant *
daemonPolkitCall(GDBusConnection *bus, const char *action, GVariantBuilder *subject,
                 GVariantBuilder *details, GError **err)
{
    GVariant *reply;

    reply = daemonPolkitGio.callSync(bus, "org.freedesktop.PolicyKit1",
                                     "/org/freedesktop/PolicyKit1/Authority",
                                     "org.freedesktop.PolicyKit1.Authority",
                                     "CheckAuthorization",
                                     g_variant_new("((sa{sv})sa{ss}us)", "unix-process",
                                                   subject, action, details, TRUE, ""),
                                     G_VARIANT_TYPE("((bba{ss}))"),
                                     G_DBUS_CALL_FLAGS_NONE, -1, NULL, err);
    daemonPolkitGio.unref(bus);
    return reply;
}

/* 0 when polkit allows @action to the process, -2 when it refuses
 * (the reason reported), -1 when it cannot be asked. */
int
daemonPolkitCheck(const char *action, pid_t pid, uid_t uid)
{
    GDBusConnection *bus = NULL;
    g_autoptr(GVariant) reply = NULL;
    g_autoptr(GVariantIter) iter = NULL;
    g_autoptr(GError) err = NULL;
    GVariantBuilder subject;
    GVariantBuilder details;
    unsigned long long start;
    gboolean authorized = FALSE, challenge = FALSE;
    bool dismissed = false;
    char *key, *value;

    if (daemonPolkitStartTime(pid, &start) < 0 || !(bus = daemonPolkitSystemBus()))
        return -1;
    VIR_INFO("Checking PID %lld running as %d", (long long)pid, (int)uid);
    g_variant_builder_init(&subject, G_VARIANT_TYPE("a{sv}"));
    g_variant_builder_add(&subject, "{sv}", "pid", g_variant_new_uint32(pid));
    g_variant_builder_add(&subject, "{sv}", "start-time", g_variant_new_uint64(start));
    g_variant_builder_add(&subject, "{sv}", "uid", g_variant_new_int32(uid));
    g_variant_builder_init(&details, G_VARIANT_TYPE("a{ss}"));
    reply = daemonPolkitCall(bus, action, &subject, &details, &err);
    if (!reply) {
        virReportErrorHelper(VIR_FROM_DBUS, VIR_ERR_DBUS_SERVICE, __FILE__, __func__,
                             __LINE__, "%s", err->message);
        return -1;
    }
    g_variant_get(reply, "((bba{ss}))", &authorized, &challenge, &iter);
    while (g_variant_iter_loop(iter, "{ss}", &key, &value)) {
        if (STREQ(key, "polkit.dismissed") && STREQ(value, "true"))
            dismissed = true;
    }
    if (authorized)
        return 0;
    if (dismissed)
        virReportError(VIR_ERR_AUTH_CANCELLED, "%s", "user cancelled authentication process");
    else if (challenge)
        virReportError(VIR_ERR_AUTH_UNAVAILABLE,
                       "no polkit agent available to authenticate action '%s'", action);
    else
        virReportError(VIR_ERR_AUTH_FAILED, "%s", "access denied by policy");
    return -2;
}
