/*
 * virsh-domain.c: the "Domain Management" group, assembled from the
 * domain command families (virsh-domain-*.c) in the order virsh lists
 * them.
 */
#include <string.h>

#include "virsh.h"

/* The group's commands, in the order of libvirt's listing. */
static const char *const virshDomainOrder[] = {
    "attach-device",
    "attach-disk",
    "attach-interface",
    "autostart",
    "blkdeviotune",
    "blkiotune",
    "blockcommit",
    "blockcopy",
    "blockjob",
    "blockpull",
    "blockresize",
    "change-media",
    "console",
    "cpu-stats",
    "create",
    "define",
    "desc",
    "destroy",
    "detach-device",
    "detach-device-alias",
    "detach-disk",
    "detach-interface",
    "domdisplay",
    "domfsfreeze",
    "domfsthaw",
    "domfsinfo",
    "domfstrim",
    "domhostname",
    "domid",
    "domif-setlink",
    "domiftune",
    "domjobabort",
    "domjobinfo",
    "domlaunchsecinfo",
    "domsetlaunchsecstate",
    "domname",
    "domrename",
    "dompmsuspend",
    "dompmwakeup",
    "domuuid",
    "domxml-from-native",
    "domxml-to-native",
    "dump",
    "dumpxml",
    "edit",
    "get-user-sshkeys",
    "inject-nmi",
    "iothreadinfo",
    "iothreadpin",
    "iothreadadd",
    "iothreadset",
    "iothreaddel",
    "send-key",
    "send-process-signal",
    "lxc-enter-namespace",
    "managedsave",
    "managedsave-remove",
    "managedsave-edit",
    "managedsave-dumpxml",
    "managedsave-define",
    "memtune",
    "perf",
    "metadata",
    "migrate",
    "migrate-setmaxdowntime",
    "migrate-getmaxdowntime",
    "migrate-compcache",
    "migrate-setspeed",
    "migrate-getspeed",
    "migrate-postcopy",
    "numatune",
    "qemu-attach",
    "qemu-monitor-command",
    "qemu-monitor-event",
    "qemu-agent-command",
    "guest-agent-timeout",
    "reboot",
    "reset",
    "restore",
    "resume",
    "save",
    "save-image-define",
    "save-image-dumpxml",
    "save-image-edit",
    "schedinfo",
    "screenshot",
    "set-lifecycle-action",
    "set-user-sshkeys",
    "set-user-password",
    "setmaxmem",
    "setmem",
    "setvcpus",
    "shutdown",
    "start",
    "suspend",
    "ttyconsole",
    "undefine",
    "update-device",
    "update-memory-device",
    "vcpucount",
    "vcpuinfo",
    "vcpupin",
    "emulatorpin",
    "vncdisplay",
    "guestvcpus",
    "setvcpu",
    "domblkthreshold",
    "guestinfo",
    "domdirtyrate-calc",
    "dom-fd-associate",
    NULL
};

static const vshCmdDef *const virshDomainFamilies[] = {
    virshDomainLifecycleCmds,
    virshDomainSaveCmds,
    virshDomainJobCmds,
    virshDomainVcpuCmds,
    virshDomainTuneCmds,
    virshDomainGuestCmds,
    NULL
};

static const vshCmdDef *
virshDomainFind(const char *name)
{
    const vshCmdDef *const *family;
    const vshCmdDef *def;

    for (family = virshDomainFamilies; *family; family++) {
        for (def = *family; def->name; def++) {
            if (strcmp(def->name, name) == 0)
                return def;
        }
    }
    return NULL;
}

const vshCmdDef *
virshDomainManagementCmds(void)
{
    static vshCmdDef *table;
    size_t n = 0;
    size_t i;

    if (table)
        return table;
    table = g_new0(vshCmdDef, G_N_ELEMENTS(virshDomainOrder));
    for (i = 0; virshDomainOrder[i]; i++) {
        const vshCmdDef *def = virshDomainFind(virshDomainOrder[i]);

        if (def)
            table[n++] = *def;
    }
    return table;
}
