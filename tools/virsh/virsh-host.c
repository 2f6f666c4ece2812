/*
 * virsh-host.c: the "Host and Hypervisor" group.
 */
#include <string.h>

#include "virsh.h"

static void
virshPrintVersion(vshControl *ctl, const char *label, unsigned long v)
{
    vshPrint(ctl, "%s%lu.%lu.%lu\n", label, v / 1000000, (v / 1000) % 1000,
             v % 1000);
}

/* ---- hostname ---- */

static const vshCmdInfo info_hostname = {
    .help = "print the hypervisor hostname",
    .desc = "",
};

static bool
cmdHostname(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    g_autofree char *hostname = virConnectGetHostname(priv->conn);

    if (!hostname) {
        vshError(ctl, "%s", "failed to get hostname");
        return false;
    }
    vshPrint(ctl, "%s\n", hostname);
    return true;
}

/* ---- nodesuspend ---- */

static const char *const virshNodeSuspendTargets[] = { "mem", "disk", "hybrid" };
G_STATIC_ASSERT(G_N_ELEMENTS(virshNodeSuspendTargets) ==
                VIR_NODE_SUSPEND_TARGET_LAST);

int
virshNodeSuspendTargetFromString(const char *name)
{
    int i;

    for (i = 0; i < VIR_NODE_SUSPEND_TARGET_LAST; i++) {
        if (strcmp(virshNodeSuspendTargets[i], name) == 0)
            return i;
    }
    return -1;
}

char **
virshNodeSuspendTargetCompleter(vshControl *ctl G_GNUC_UNUSED,
                                const vshCmd *cmd G_GNUC_UNUSED,
                                unsigned int flags G_GNUC_UNUSED)
{
    char **list = g_new0(char *, VIR_NODE_SUSPEND_TARGET_LAST + 1);
    size_t i;

    for (i = 0; i < VIR_NODE_SUSPEND_TARGET_LAST; i++)
        list[i] = g_strdup(virshNodeSuspendTargets[i]);
    return list;
}

static const vshCmdInfo info_nodesuspend = {
    .help = "suspend the host node for a given time duration",
    .desc = "Suspend the host node for a given time duration and attempt to resume thereafter.",
};

static const vshCmdOptDef opts_node_suspend[] = {
    { .name = "target",
      .type = VSH_OT_DATA,
      .flags = VSH_OFLAG_REQ,
      .completer = virshNodeSuspendTargetCompleter,
      .help = "mem(Suspend-to-RAM), disk(Suspend-to-Disk), hybrid(Hybrid-Suspend)" },
    { .name = "duration",
      .type = VSH_OT_INT,
      .flags = VSH_OFLAG_REQ,
      .help = "Suspend duration in seconds, at least 60" },
    { .name = NULL }
};

static bool
cmdNodeSuspend(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    const char *target = NULL;
    long long duration;
    int kind;

    if (vshCommandOptStringReq(ctl, cmd, "target", &target) < 0 ||
        vshCommandOptLongLong(ctl, cmd, "duration", &duration) < 0)
        return false;

    if ((kind = virshNodeSuspendTargetFromString(target)) < 0) {
        vshError(ctl, "%s", "Invalid target");
        return false;
    }
    if (duration < 0) {
        vshError(ctl, "%s", "Invalid duration");
        return false;
    }
    if (virNodeSuspendForDuration(priv->conn, kind, duration, 0) < 0) {
        vshError(ctl, "%s", "The host was not suspended");
        return false;
    }
    return true;
}

/* ---- sysinfo ---- */

static const vshCmdInfo info_sysinfo = {
    .help = "print the hypervisor sysinfo",
    .desc = "output an XML string for the hypervisor sysinfo, if available",
};

static bool
cmdSysinfo(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    g_autofree char *sysinfo = virConnectGetSysinfo(priv->conn, 0);

    if (!sysinfo) {
        vshError(ctl, "%s", "failed to get sysinfo");
        return false;
    }
    vshPrint(ctl, "%s", sysinfo);
    return true;
}

/* ---- uri ---- */

static const vshCmdInfo info_uri = {
    .help = "print the hypervisor canonical URI",
    .desc = "",
};

static bool
cmdURI(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    virshControl *priv = ctl->privData;
    g_autofree char *uri = virConnectGetURI(priv->conn);

    if (!uri) {
        vshError(ctl, "%s", "failed to get URI");
        return false;
    }
    vshPrint(ctl, "%s\n", uri);
    return true;
}

/* ---- version ---- */

static const vshCmdInfo info_version = {
    .help = "show version",
    .desc = "Display the system version information.",
};

static const vshCmdOptDef opts_version[] = {
    { .name = "daemon", .type = VSH_OT_BOOL, .help = "report daemon version too" },
    { .name = NULL }
};

static bool
cmdVersion(vshControl *ctl, const vshCmd *cmd)
{
    virshControl *priv = ctl->privData;
    unsigned long libVersion;
    unsigned long apiVersion;
    unsigned long hvVersion;
    unsigned long daemonVersion;
    g_autofree char *label = NULL;
    const char *hvType;

    if (!(hvType = virConnectGetType(priv->conn))) {
        vshError(ctl, "%s", "failed to get hypervisor type");
        return false;
    }
    virshPrintVersion(ctl, "Compiled against library: libvirt ",
                      LIBVIR_VERSION_NUMBER);
    if (virGetVersion(&libVersion, hvType, &apiVersion) < 0) {
        vshError(ctl, "%s", "failed to get the library version");
        return false;
    }
    virshPrintVersion(ctl, "Using library: libvirt ", libVersion);
    label = g_strdup_printf("Using API: %s ", hvType);
    virshPrintVersion(ctl, label, apiVersion);

    if (virConnectGetVersion(priv->conn, &hvVersion) < 0) {
        vshError(ctl, "%s", "failed to get the hypervisor version");
        return false;
    }
    if (hvVersion == 0) {
        vshPrint(ctl, "Cannot extract running %s hypervisor version\n", hvType);
    } else {
        g_free(label);
        label = g_strdup_printf("Running hypervisor: %s ", hvType);
        virshPrintVersion(ctl, label, hvVersion);
    }

    if (vshCommandOptBool(cmd, "daemon")) {
        if (virConnectGetLibVersion(priv->conn, &daemonVersion) < 0)
            vshError(ctl, "%s", "failed to get the daemon version");
        else
            virshPrintVersion(ctl, "Running against daemon: ", daemonVersion);
    }
    return true;
}

/* Rows in the order virsh lists them; the other host commands (allocpages
 * ... sysinfo) slot in alphabetically as they land. */
const vshCmdDef hostAndHypervisorCmds[] = {
    { .name = "hostname", .handler = cmdHostname, .info = &info_hostname },
    { .name = "nodesuspend", .handler = cmdNodeSuspend,
      .opts = opts_node_suspend, .info = &info_nodesuspend },
    { .name = "sysinfo", .handler = cmdSysinfo, .info = &info_sysinfo },
    { .name = "uri", .handler = cmdURI, .info = &info_uri },
    { .name = "version", .handler = cmdVersion, .opts = opts_version,
      .info = &info_version },
    { .name = NULL }
};
