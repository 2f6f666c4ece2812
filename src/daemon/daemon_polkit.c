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

#include <gio/gio.h>

#define VIR_FROM_THIS VIR_FROM_POLKIT

VIR_LOG_INIT("daemon.polkit");

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
    g_autoptr(GError) err = NULL;
    GDBusConnection *bus = g_bus_get_sync(G_BUS_TYPE_SYSTEM, NULL, &err);

    if (!bus)
        virReportErrorHelper(VIR_FROM_DBUS, VIR_ERR_INTERNAL_ERROR, __FILE__, __func__,
                             __LINE__, "Unable to get system bus connection: %s",
                             err->message);
    return bus;
}

/* 0 when polkit allows @action to the process, -2 when it refuses
 * (the reason reported), -1 when it cannot be asked. */
int
daemonPolkitCheck(const char *action, pid_t pid, uid_t uid)
{
    g_autoptr(GDBusConnection) bus = NULL;
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
    reply = g_dbus_connection_call_sync(bus, "org.freedesktop.PolicyKit1",
                                        "/org/freedesktop/PolicyKit1/Authority",
                                        "org.freedesktop.PolicyKit1.Authority",
                                        "CheckAuthorization",
                                        g_variant_new("((sa{sv})sa{ss}us)", "unix-process",
                                                      &subject, action, &details, TRUE, ""),
                                        G_VARIANT_TYPE("((bba{ss}))"),
                                        G_DBUS_CALL_FLAGS_NONE, -1, NULL, &err);
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
