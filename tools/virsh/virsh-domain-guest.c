/*
 * virsh-domain-guest.c: domain commands that reach into the guest:
 * domhostname, inject-nmi, domfsfreeze, domfsthaw, domfstrim, domfsinfo,
 * send-process-signal, set-user-password.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "virsh.h"
#include "vsh-table.h"

/* ---- domhostname ---- */

static const vshCmdInfo info_domhostname = {
    .help = "print the domain's hostname",
    .desc = "",
};

static const vshCmdOptDef opts_domhostname[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("source", "address source: 'lease' or 'agent'"),
    VSH_OPT_END
};

static bool
cmdDomHostname(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *hostname = NULL;
    const char *source = NULL;
    unsigned int flags = 0;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "source", &source) < 0)
        return false;
    if (source) {
        if (strcmp(source, "agent") == 0) {
            flags |= VIR_DOMAIN_GET_HOSTNAME_AGENT;
        } else if (strcmp(source, "lease") == 0) {
            flags |= VIR_DOMAIN_GET_HOSTNAME_LEASE;
        } else {
            vshError(ctl, "Unknown data source '%s'", source);
            return false;
        }
    }
    if (!(hostname = virDomainGetHostname(dom, flags))) {
        vshError(ctl, "%s", "failed to get hostname");
        return false;
    }
    vshPrint(ctl, "%s\n", hostname);
    return true;
}

/* ---- inject-nmi ---- */

static const vshCmdInfo info_inject_nmi = {
    .help = "Inject NMI to the guest",
    .desc = "Inject NMI to the guest domain.",
};

static const vshCmdOptDef opts_inject_nmi[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdInjectNMI(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    return virDomainInjectNMI(dom, 0) == 0;
}

/* ---- domfsfreeze, domfsthaw ---- */

static const vshCmdInfo info_domfsfreeze = {
    .help = "Freeze domain's mounted filesystems.",
    .desc = "Freeze domain's mounted filesystems.",
};

static const vshCmdOptDef opts_domfsfreeze[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_ARGV("mountpoint", "mountpoint path to be frozen"),
    VSH_OPT_END
};

static const vshCmdInfo info_domfsthaw = {
    .help = "Thaw domain's mounted filesystems.",
    .desc = "Thaw domain's mounted filesystems.",
};

static const vshCmdOptDef opts_domfsthaw[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_ARGV("mountpoint", "mountpoint path to be thawed"),
    VSH_OPT_END
};

/* Freeze (@thaw false) or thaw the mount points the command names. */
static bool
virshDomainFSFreezeThaw(vshControl *ctl, const vshCmd *cmd, bool thaw)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(GPtrArray) mounts = g_ptr_array_new();
    const vshCmdOpt *opt = NULL;
    int count;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    while ((opt = vshCommandOptArgv(ctl, cmd, opt)))
        g_ptr_array_add(mounts, (void *)opt->data);
    if (thaw)
        count = virDomainFSThaw(dom, (const char **)mounts->pdata,
                                mounts->len, 0);
    else
        count = virDomainFSFreeze(dom, (const char **)mounts->pdata,
                                  mounts->len, 0);
    if (count < 0) {
        vshError(ctl, "%s", thaw ? "Unable to thaw filesystems" :
                                   "Unable to freeze filesystems");
        return false;
    }
    vshPrintExtra(ctl, thaw ? "Thawed %d filesystem(s)\n" :
                              "Froze %d filesystem(s)\n", count);
    return true;
}

static bool
cmdDomFSFreeze(vshControl *ctl, const vshCmd *cmd)
{
    return virshDomainFSFreezeThaw(ctl, cmd, false);
}

static bool
cmdDomFSThaw(vshControl *ctl, const vshCmd *cmd)
{
    return virshDomainFSFreezeThaw(ctl, cmd, true);
}

/* ---- domfstrim ---- */

static const vshCmdInfo info_domfstrim = {
    .help = "Invoke fstrim on domain's mounted filesystems.",
    .desc = "Invoke fstrim on domain's mounted filesystems.",
};

static const vshCmdOptDef opts_domfstrim[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_INT("minimum", "Just a hint to ignore contiguous free ranges "
            "smaller than this (Bytes)"),
    VSH_STRING("mountpoint", "which mount point to trim"),
    VSH_OPT_END
};

static bool
cmdDomFSTrim(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    unsigned long long minimum = 0;
    const char *mount = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptULongLong(ctl, cmd, "minimum", &minimum) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "mountpoint", &mount) < 0)
        return false;
    if (virDomainFSTrim(dom, mount, minimum, 0) < 0) {
        vshError(ctl, "Unable to invoke fstrim");
        return false;
    }
    return true;
}

/* ---- domfsinfo ---- */

static const vshCmdInfo info_domfsinfo = {
    .help = "Get information of domain's mounted filesystems.",
    .desc = "Get information of domain's mounted filesystems.",
};

static const vshCmdOptDef opts_domfsinfo[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdDomFSInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(vshTable) table = NULL;
    virDomainFSInfoPtr *info = NULL;
    int n;
    int i;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((n = virDomainGetFSInfo(dom, &info, 0)) < 0) {
        vshError(ctl, "Unable to get filesystem information");
        return false;
    }
    if (n == 0) {
        vshPrintExtra(ctl, "No filesystems are mounted in the domain");
        free(info);
        return true;
    }
    table = vshTableNew("Mountpoint", "Name", "Type", "Target", NULL);
    for (i = 0; i < n; i++) {
        g_autofree char *targets = NULL;

        if (info[i]->ndevAlias > 0) {
            g_auto(GStrv) aliases = g_new0(char *, info[i]->ndevAlias + 1);
            size_t j;

            for (j = 0; j < info[i]->ndevAlias; j++)
                aliases[j] = g_strdup(info[i]->devAlias[j]);
            targets = g_strjoinv(",", aliases);
        }
        vshTableRowAppend(table, info[i]->mountpoint, info[i]->name,
                          info[i]->fstype, targets ? targets : "", NULL);
    }
    vshTablePrintToStdout(table, ctl);
    for (i = 0; i < n; i++)
        virDomainFSInfoFree(info[i]);
    free(info);
    return true;
}

/* ---- send-process-signal ---- */

static const vshCmdInfo info_send_process_signal = {
    .help = "Send signals to processes",
    .desc = "Send signals to processes in the guest",
};

static const vshCmdOptDef opts_send_process_signal[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_DATA("pid", "the process ID", .completer = virshCompleteEmpty),
    VSH_DATA("signame", "the signal number or name"),
    VSH_OPT_END
};

/* virDomainProcessSignal's names below 32; 32 and up are rt0 ... rt32 */
static const char *const virshSignalNames[] = {
    "nop", "hup", "int", "quit", "ill", "trap", "abrt", "bus", "fpe",
    "kill", "usr1", "segv", "usr2", "pipe", "alrm", "term", "stkflt",
    "chld", "cont", "stop", "tstp", "ttin", "ttou", "urg", "xcpu", "xfsz",
    "vtalrm", "prof", "winch", "poll", "pwr", "sys",
};

/* A signal as a decimal number (any int, checked by the caller) or a
 * name, any case, with or without "sig" / "sig_"; -1 when unknown. */
static int
virshSignalNumber(const char *signame)
{
    g_autofree char *lower = g_ascii_strdown(signame, -1);
    const char *name = lower;
    char *end = NULL;
    long val;
    size_t i;

    errno = 0;
    val = strtol(lower, &end, 10);
    if (end != lower && *end == '\0' && errno == 0 &&
        val >= INT_MIN && val <= INT_MAX)
        return val;
    if (g_str_has_prefix(name, "sig_"))
        name += 4;
    else if (g_str_has_prefix(name, "sig"))
        name += 3;
    for (i = 0; i < G_N_ELEMENTS(virshSignalNames); i++) {
        if (strcmp(name, virshSignalNames[i]) == 0)
            return i;
    }
    if (g_str_has_prefix(name, "rt")) {
        for (i = 0; i <= VIR_DOMAIN_PROCESS_SIGNAL_RT32 -
                         VIR_DOMAIN_PROCESS_SIGNAL_RT0; i++) {
            g_autofree char *rt = g_strdup_printf("rt%zu", i);

            if (strcmp(name, rt) == 0)
                return VIR_DOMAIN_PROCESS_SIGNAL_RT0 + i;
        }
    }
    return -1;
}

static bool
cmdSendProcessSignal(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *signame = NULL;
    long long pid;
    int signum;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptLongLong(ctl, cmd, "pid", &pid) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "signame", &signame) < 0)
        return false;
    if ((signum = virshSignalNumber(signame)) < 0) {
        vshError(ctl, "malformed signal name: %s", signame);
        return false;
    }
    return virDomainSendProcessSignal(dom, pid, signum, 0) == 0;
}

/* ---- set-user-password ---- */

static const vshCmdInfo info_set_user_password = {
    .help = "set the user password inside the domain",
    .desc = "changes the password of the specified user inside the domain",
};

static const vshCmdOptDef opts_set_user_password[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_DATA("user", "the username"),
    VSH_DATA("password", "the new password",
             .completer = virshCompleteEmpty),
    VSH_BOOL("encrypted", "the password is already encrypted"),
    VSH_OPT_END
};

static bool
cmdSetUserPassword(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name = NULL;
    const char *user = NULL;
    const char *password = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "encrypted"))
        flags |= VIR_DOMAIN_PASSWORD_ENCRYPTED;
    if (vshCommandOptStringReq(ctl, cmd, "user", &user) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "password", &password) < 0)
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (virDomainSetUserPassword(dom, user, password, flags) < 0)
        return false;
    vshPrintExtra(ctl, "Password set successfully for %s in %s", user, name);
    return true;
}

const vshCmdDef virshDomainGuestCmds[] = {
    { .name = "domfsfreeze", .handler = cmdDomFSFreeze,
      .opts = opts_domfsfreeze, .info = &info_domfsfreeze },
    { .name = "domfsinfo", .handler = cmdDomFSInfo,
      .opts = opts_domfsinfo, .info = &info_domfsinfo },
    { .name = "domfsthaw", .handler = cmdDomFSThaw,
      .opts = opts_domfsthaw, .info = &info_domfsthaw },
    { .name = "domfstrim", .handler = cmdDomFSTrim,
      .opts = opts_domfstrim, .info = &info_domfstrim },
    { .name = "domhostname", .handler = cmdDomHostname,
      .opts = opts_domhostname, .info = &info_domhostname },
    { .name = "inject-nmi", .handler = cmdInjectNMI,
      .opts = opts_inject_nmi, .info = &info_inject_nmi },
    { .name = "send-process-signal", .handler = cmdSendProcessSignal,
      .opts = opts_send_process_signal, .info = &info_send_process_signal },
    { .name = "set-user-password", .handler = cmdSetUserPassword,
      .opts = opts_set_user_password, .info = &info_set_user_password },
    { .name = NULL }
};
