/*
 * virsh-domain-lifecycle.c: defining, starting, stopping and naming
 * domains: define, undefine, create, start, destroy, shutdown, reboot,
 * reset, suspend, resume, dompm*, autostart, domid/domname/domuuid,
 * domrename, dumpxml, domxml-*, edit, desc, metadata.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virsh.h"

/* ------------------------------------------------------------------ */
/* helpers                                                             */
/* ------------------------------------------------------------------ */

/* --pass-fds N,M,...: the descriptors, or 0 of them when absent. */
int
virshFetchPassFdsList(vshControl *ctl, const vshCmd *cmd, size_t *nfds,
                      int **fds)
{
    g_auto(GStrv) list = NULL;
    g_autofree int *ret = NULL;
    const char *opt;
    size_t i;

    *nfds = 0;
    *fds = NULL;
    if (vshCommandOptStringQuiet(ctl, cmd, "pass-fds", &opt) <= 0)
        return 0;

    list = g_strsplit(opt, ",", -1);
    ret = g_new0(int, g_strv_length(list) + 1);
    for (i = 0; list[i]; i++) {
        if (vshStrToInt(list[i], 10, &ret[i]) < 0) {
            vshError(ctl, "Unable to parse FD number '%s'", list[i]);
            return -1;
        }
    }
    *nfds = i;
    *fds = g_steal_pointer(&ret);
    return 0;
}

virDomainPtr
virshDomainDefine(virConnectPtr conn, const char *xml, unsigned int flags)
{
    virDomainPtr dom;

    if (!flags)
        return virDomainDefineXML(conn, xml);
    dom = virDomainDefineXMLFlags(conn, xml, flags);
    /* validation alone may be dropped for drivers without the flags */
    if (!dom && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT &&
        flags == VIR_DOMAIN_DEFINE_VALIDATE)
        dom = virDomainDefineXML(conn, xml);
    return dom;
}

/* ------------------------------------------------------------------ */
/* define, create, undefine                                            */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_create = {
    .help = "create a domain from an XML file",
    .desc = "Create a domain.",
};

static const vshCmdOptDef opts_create[] = {
    VSH_DATA("file", "file containing an XML domain description",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("console", "attach to console after creation"),
    VSH_BOOL("paused", "leave the guest paused after creation"),
    VSH_BOOL("autodestroy",
        "automatically destroy the guest when virsh disconnects"),
    VSH_STRING("pass-fds", "pass file descriptors N,M,... to the guest",
        .completer = virshCompleteEmpty),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_BOOL("reset-nvram", "re-initialize NVRAM from its pristine template"),
    VSH_OPT_END
};

static bool
cmdCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *buffer = NULL;
    g_autofree int *fds = NULL;
    bool console = vshCommandOptBool(cmd, "console");
    const char *from = NULL;
    unsigned int flags = 0;
    size_t nfds = 0;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (virshFetchPassFdsList(ctl, cmd, &nfds, &fds) < 0)
        return false;

    if (vshCommandOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_START_PAUSED;
    if (vshCommandOptBool(cmd, "autodestroy"))
        flags |= VIR_DOMAIN_START_AUTODESTROY;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_DOMAIN_START_VALIDATE;
    if (vshCommandOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_START_RESET_NVRAM;

    if (nfds)
        dom = virDomainCreateXMLWithFiles(virshConn(ctl), buffer, nfds, fds,
                                          flags);
    else
        dom = virDomainCreateXML(virshConn(ctl), buffer, flags);
    if (!dom) {
        vshError(ctl, "Failed to create domain from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' created from %s\n",
                  virDomainGetName(dom), from);
    if (console)
        virshRunConsoleCmd(ctl, dom, NULL, 0);
    return true;
}

static const vshCmdInfo info_define = {
    .help = "define (but don't start) a domain from an XML file",
    .desc = "Define a domain.",
};

static const vshCmdOptDef opts_define[] = {
    VSH_DATA("file", "file containing an XML domain description",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_DOMAIN_DEFINE_VALIDATE;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;

    if (flags)
        dom = virDomainDefineXMLFlags(virshConn(ctl), buffer, flags);
    else
        dom = virDomainDefineXML(virshConn(ctl), buffer);
    if (!dom) {
        vshError(ctl, "Failed to define domain from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' defined from %s\n",
                  virDomainGetName(dom), from);
    return true;
}

static const vshCmdInfo info_undefine = {
    .help = "undefine a domain",
    .desc = "Undefine an inactive domain, or convert persistent to transient.",
};

static const vshCmdOptDef opts_undefine[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_PERSISTENT),
    VSH_BOOL("managed-save", "remove domain managed state file"),
    VSH_STRING("storage",
        "remove associated storage volumes (comma separated list of targets or source paths) (see domblklist)",
        .completer = virshDomainUndefineStorageDisksCompleter),
    VSH_BOOL("remove-all-storage",
        "remove all associated storage volumes (use with caution)"),
    VSH_ALIAS("delete-snapshots", "delete-storage-volume-snapshots"),
    VSH_BOOL("delete-storage-volume-snapshots",
        "delete snapshots associated with volume(s), requires --remove-all-storage (must be supported by storage driver)"),
    VSH_BOOL("wipe-storage", "wipe data on the removed volumes"),
    VSH_BOOL("snapshots-metadata",
        "remove all domain snapshot metadata (vm must be inactive)"),
    VSH_BOOL("checkpoints-metadata",
        "remove all domain checkpoint metadata (vm must be inactive)"),
    VSH_BOOL("nvram", "remove nvram file"),
    VSH_BOOL("keep-nvram", "keep nvram file"),
    VSH_BOOL("tpm", "remove TPM state"),
    VSH_BOOL("keep-tpm", "keep TPM state"),
    VSH_OPT_END
};

/* A storage volume undefine --storage/--remove-all-storage deletes. */
typedef struct {
    virStorageVolPtr vol;
    char *source;
    char *target;
} virshUndefineVolume;

static void
virshUndefineVolumeClear(gpointer p)
{
    virshUndefineVolume *v = p;

    g_free(v->source);
    g_free(v->target);
    virshStorageVolFree(v->vol);
}

/* What undefine learnt about the domain before undefining it. */
typedef struct {
    unsigned int flags;
    int hasManagedSave;
    int hasSnapshots;
    int hasSnapshotsMetadata;
    bool managedSaveSafe;
    bool snapshotsSafe;
} virshUndefineState;

/* Look at managed save and snapshots of an inactive domain, so the flags
 * of undefine name only what exists; -1 on error. */
static int
virshUndefineProbe(virDomainPtr dom, virshUndefineState *st)
{
    st->hasManagedSave = virDomainHasManagedSaveImage(dom, 0);
    if (st->hasManagedSave < 0) {
        if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT)
            return -1;
        vshResetLibvirtError();
        st->hasManagedSave = 0;
    }
    st->hasSnapshots = virDomainSnapshotNum(dom, 0);
    if (st->hasSnapshots < 0) {
        if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT)
            return -1;
        vshResetLibvirtError();
        st->hasSnapshots = 0;
    }
    if (st->hasSnapshots) {
        st->hasSnapshotsMetadata =
            virDomainSnapshotNum(dom, VIR_DOMAIN_SNAPSHOT_LIST_METADATA);
        if (st->hasSnapshotsMetadata < 0) {
            /* an old server: take every snapshot to have metadata */
            vshResetLibvirtError();
            st->hasSnapshotsMetadata = st->hasSnapshots;
        } else {
            st->managedSaveSafe = st->snapshotsSafe = true;
        }
    }
    return 0;
}

/* The volume of one disk the user asked to remove, or NULL (told). */
static virStorageVolPtr
virshUndefineDiskVolume(vshControl *ctl, const char *target,
                        const char *source, const char *pool)
{
    g_autoptr(virshStoragePool) sp = NULL;
    virStorageVolPtr vol;

    if (pool) {
        if (!(sp = virStoragePoolLookupByName(virshConn(ctl), pool))) {
            vshError(ctl, "Storage pool '%s' for volume '%s' not found.",
                     pool, target);
            vshResetLibvirtError();
            return NULL;
        }
        vol = virStorageVolLookupByName(sp, source);
    } else {
        vol = virStorageVolLookupByPath(virshConn(ctl), source);
    }
    if (!vol) {
        vshError(ctl, "Storage volume '%s'(%s) is not managed by libvirt. Remove it manually.\n",
                 target, source);
        vshResetLibvirtError();
    }
    return vol;
}

/* The volumes to remove with the domain; -1 on error (reported or
 * left to report). */
static int
virshUndefineCollectVolumes(vshControl *ctl, virDomainPtr dom,
                            const char *volString, GArray *vols)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    g_auto(GStrv) wanted = NULL;
    g_autofree bool *found = NULL;
    int nwanted = 0;
    bool missing = false;
    int n;
    int i;
    int j;

    if (virshDomainGetXMLFromDom(ctl, dom, 0, &doc, &ctxt) < 0)
        return -2;
    if (volString)
        nwanted = vshStringToArray(volString, &wanted);
    found = g_new0(bool, nwanted + 1);
    if ((n = virshXPathNodeSet(ctl, "./devices/disk", ctxt, &nodes)) < 0)
        return -1;

    for (i = 0; i < n; i++) {
        g_autofree char *source = NULL;
        g_autofree char *target = NULL;
        g_autofree char *pool = NULL;
        virshUndefineVolume vol = { 0 };

        ctxt->node = nodes[i];
        if (!(target = virshXPathString("string(./target/@dev)", ctxt)))
            return -1;
        if (!(source = virshXPathString("string(./source/@file|"
                                        "./source/@dir|./source/@name|"
                                        "./source/@dev|./source/@volume)",
                                        ctxt)))
            continue;
        pool = virshXPathString("string(./source/@pool)", ctxt);

        if (wanted) {
            for (j = 0; j < nwanted; j++) {
                if (!found[j] && (strcmp(wanted[j], target) == 0 ||
                                  strcmp(wanted[j], source) == 0))
                    break;
            }
            if (j == nwanted)
                continue;
            found[j] = true;
        }
        if (!(vol.vol = virshUndefineDiskVolume(ctl, target, source, pool)))
            continue;
        vol.source = g_steal_pointer(&source);
        vol.target = g_steal_pointer(&target);
        g_array_append_val(vols, vol);
    }

    for (j = 0; j < nwanted; j++) {
        if (!found[j]) {
            vshError(ctl, "Volume '%s' was not found in domain's definition.\n",
                     wanted[j]);
            missing = true;
        }
    }
    return missing ? -2 : 0;
}

/* Undefine piece by piece, for servers where the flags are unknown or
 * unsafe; -1 (reported) on failure. */
static int
virshUndefineFallback(vshControl *ctl, virDomainPtr dom,
                      const virshUndefineState *st, bool managedSave,
                      bool snapshotsMetadata)
{
    if (st->hasManagedSave) {
        if (!managedSave) {
            vshError(ctl, "%s", "Refusing to undefine while domain managed save image exists");
            return -2;
        }
        if (virDomainManagedSaveRemove(dom, 0) < 0) {
            vshReportError(ctl);
            return -2;
        }
    }
    if (st->hasSnapshotsMetadata) {
        if (snapshotsMetadata)
            vshError(ctl, "Unable to remove metadata of %d snapshots",
                     st->hasSnapshotsMetadata);
        else
            vshError(ctl, "Refusing to undefine while %d snapshots exist",
                     st->hasSnapshotsMetadata);
        return -2;
    }
    return virDomainUndefine(dom);
}

static bool
virshUndefineRemoveVolumes(vshControl *ctl, GArray *vols, bool wipe,
                           unsigned int volFlags)
{
    bool ret = true;
    guint i;

    for (i = 0; i < vols->len; i++) {
        virshUndefineVolume *v = &g_array_index(vols, virshUndefineVolume, i);

        if (wipe) {
            vshPrintExtra(ctl, "Wiping volume '%s'(%s) ... ", v->target,
                          v->source);
            fflush(stdout);
            if (virStorageVolWipe(v->vol, 0) < 0) {
                vshError(ctl, "Failed! Volume not removed.");
                ret = false;
                continue;
            }
            vshPrintExtra(ctl, "Done.\n");
        }
        if (virStorageVolDelete(v->vol, volFlags) < 0) {
            vshError(ctl, "Failed to remove storage volume '%s'(%s)",
                     v->target, v->source);
            ret = false;
        } else {
            vshPrintExtra(ctl, "Volume '%s'(%s) removed.\n", v->target,
                          v->source);
        }
    }
    return ret;
}

static const struct {
    const char *option;
    unsigned int flag;
} virshUndefineFlags[] = {
    { "managed-save", VIR_DOMAIN_UNDEFINE_MANAGED_SAVE },
    { "snapshots-metadata", VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA },
    { "checkpoints-metadata", VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA },
    { "nvram", VIR_DOMAIN_UNDEFINE_NVRAM },
    { "keep-nvram", VIR_DOMAIN_UNDEFINE_KEEP_NVRAM },
    { "tpm", VIR_DOMAIN_UNDEFINE_TPM },
    { "keep-tpm", VIR_DOMAIN_UNDEFINE_KEEP_TPM },
};

static bool
cmdUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(GArray) vols = g_array_new(FALSE, TRUE,
                                         sizeof(virshUndefineVolume));
    bool managedSave = vshCommandOptBool(cmd, "managed-save");
    bool snapshotsMetadata = vshCommandOptBool(cmd, "snapshots-metadata");
    bool wipe = vshCommandOptBool(cmd, "wipe-storage");
    bool removeAll = vshCommandOptBool(cmd, "remove-all-storage");
    bool nvram = vshCommandOptBool(cmd, "nvram");
    virshUndefineState st = { 0 };
    unsigned int volFlags = 0;
    const char *volString = NULL;
    const char *name = NULL;
    int running;
    int rc = -1;
    size_t i;

    g_array_set_clear_func(vols, virshUndefineVolumeClear);
    VSH_REQUIRE_OPTION("delete-storage-volume-snapshots", "remove-all-storage");
    VSH_EXCLUSIVE_OPTIONS("nvram", "keep-nvram");
    VSH_EXCLUSIVE_OPTIONS("tpm", "keep-tpm");

    if (vshCommandOptStringQuiet(ctl, cmd, "storage", &volString) < 0)
        volString = NULL;
    if (!(volString || removeAll) && wipe) {
        vshError(ctl, "'--wipe-storage' requires '--storage <string>' or '--remove-all-storage'");
        return false;
    }
    if (vshCommandOptBool(cmd, "delete-storage-volume-snapshots"))
        volFlags |= VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS;
    for (i = 0; i < G_N_ELEMENTS(virshUndefineFlags); i++) {
        if (vshCommandOptBool(cmd, virshUndefineFlags[i].option))
            st.flags |= virshUndefineFlags[i].flag;
    }
    st.managedSaveSafe = managedSave;
    st.snapshotsSafe = snapshotsMetadata;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;

    /* name in the flags only what exists, so old servers do not balk */
    if ((running = virDomainIsActive(dom)) < 0)
        goto error;
    if (!running && virshUndefineProbe(dom, &st) < 0)
        goto error;
    if (!st.hasManagedSave) {
        st.flags &= ~VIR_DOMAIN_UNDEFINE_MANAGED_SAVE;
        st.managedSaveSafe = true;
    }
    if (st.hasSnapshots == 0)
        st.snapshotsSafe = true;
    if (st.hasSnapshotsMetadata == 0) {
        st.flags &= ~VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA;
        st.snapshotsSafe = true;
    }

    if (volString || removeAll) {
        int r;

        if (running) {
            vshError(ctl, "Storage volume deletion is supported only on stopped domains");
            return false;
        }
        if (volString && removeAll) {
            vshError(ctl, "Specified both --storage and --remove-all-storage");
            return false;
        }
        if ((r = virshUndefineCollectVolumes(ctl, dom, volString, vols)) == -1)
            goto error;
        if (r < 0)
            return false;
    }

    if ((st.managedSaveSafe && st.snapshotsSafe) || nvram) {
        rc = virDomainUndefineFlags(dom, st.flags);
        if (rc < 0 && !nvram &&
            (vshLastErrorCode() == VIR_ERR_NO_SUPPORT ||
             vshLastErrorCode() == VIR_ERR_INVALID_ARG)) {
            vshResetLibvirtError();
            rc = 1;
        }
    } else {
        rc = 1;
    }
    if (rc == 1 &&
        (rc = virshUndefineFallback(ctl, dom, &st, managedSave,
                                    snapshotsMetadata)) == -2)
        return false;

    if (rc != 0) {
        vshError(ctl, "Failed to undefine domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' has been undefined\n", name);
    return virshUndefineRemoveVolumes(ctl, vols, wipe, volFlags);

 error:
    vshReportError(ctl);
    return false;
}

/* ------------------------------------------------------------------ */
/* start, destroy, shutdown, reboot, reset, suspend, resume            */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_start = {
    .help = "start a (previously defined) inactive domain",
    .desc = "Start a domain, either from the last managedsave\n"
            "    state, or via a fresh boot if no managedsave state\n"
            "    is present.",
};

static const vshCmdOptDef opts_start[] = {
    VIRSH_OPT_DOMAIN("name of the inactive domain", VIR_CONNECT_LIST_DOMAINS_SHUTOFF),
    VSH_BOOL("console", "attach to console after creation"),
    VSH_BOOL("paused", "leave the guest paused after creation"),
    VSH_BOOL("autodestroy",
        "automatically destroy the guest when virsh disconnects"),
    VSH_BOOL("bypass-cache", "avoid file system cache when loading"),
    VSH_BOOL("force-boot", "force fresh boot by discarding any managed save"),
    VSH_STRING("pass-fds", "pass file descriptors N,M,... to the guest",
        .completer = virshCompleteEmpty),
    VSH_BOOL("reset-nvram", "re-initialize NVRAM from its pristine template"),
    VSH_OPT_END
};

static int
virshStartCreate(virDomainPtr dom, size_t nfds, int *fds, unsigned int flags)
{
    if (nfds > 0)
        return virDomainCreateWithFiles(dom, nfds, fds, flags);
    if (flags)
        return virDomainCreateWithFlags(dom, flags);
    return virDomainCreate(dom);
}

static const struct {
    const char *option;
    unsigned int flag;
} virshStartFlags[] = {
    { "paused", VIR_DOMAIN_START_PAUSED },
    { "autodestroy", VIR_DOMAIN_START_AUTODESTROY },
    { "bypass-cache", VIR_DOMAIN_START_BYPASS_CACHE },
    { "force-boot", VIR_DOMAIN_START_FORCE_BOOT },
    { "reset-nvram", VIR_DOMAIN_START_RESET_NVRAM },
};

static bool
cmdStart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree int *fds = NULL;
    bool console = vshCommandOptBool(cmd, "console");
    unsigned int flags = VIR_DOMAIN_NONE;
    size_t nfds = 0;
    size_t i;
    int rc;

    if (!(dom = virshCommandOptDomainBy(ctl, cmd, NULL,
                                        VIRSH_BYNAME | VIRSH_BYUUID)))
        return false;
    if (virDomainGetID(dom) != (unsigned int)-1) {
        vshError(ctl, "%s", "Domain is already active");
        return false;
    }
    if (virshFetchPassFdsList(ctl, cmd, &nfds, &fds) < 0)
        return false;
    for (i = 0; i < G_N_ELEMENTS(virshStartFlags); i++) {
        if (vshCommandOptBool(cmd, virshStartFlags[i].option))
            flags |= virshStartFlags[i].flag;
    }

    if (flags & VIR_DOMAIN_START_FORCE_BOOT) {
        /* servers that reject the flag: remove the managed save instead */
        if (virshStartCreate(dom, nfds, fds, flags) == 0)
            goto started;
        if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT &&
            vshLastErrorCode() != VIR_ERR_INVALID_ARG) {
            vshReportError(ctl);
            return false;
        }
        vshResetLibvirtError();
        rc = virDomainHasManagedSaveImage(dom, 0);
        if (rc < 0) {
            vshResetLibvirtError();
        } else if (rc > 0 && virDomainManagedSaveRemove(dom, 0) < 0) {
            vshReportError(ctl);
            return false;
        }
        flags &= ~VIR_DOMAIN_START_FORCE_BOOT;
    }

    if (virshStartCreate(dom, nfds, fds, flags) < 0) {
        vshError(ctl, "Failed to start domain '%s'", virDomainGetName(dom));
        return false;
    }

 started:
    vshPrintExtra(ctl, "Domain '%s' started\n", virDomainGetName(dom));
    if (console && !virshRunConsoleCmd(ctl, dom, NULL, 0))
        return false;
    return true;
}

static const vshCmdInfo info_destroy = {
    .help = "destroy (stop) a domain",
    .desc = "Forcefully stop a given domain, but leave its resources intact.",
};

static const vshCmdOptDef opts_destroy[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_BOOL("graceful", "terminate gracefully"),
    VSH_BOOL("remove-logs", "remove domain logs"),
    VSH_OPT_END
};

static bool
cmdDestroy(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    unsigned int flags = 0;
    const char *name;
    int rc;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (vshCommandOptBool(cmd, "graceful"))
        flags |= VIR_DOMAIN_DESTROY_GRACEFUL;
    if (vshCommandOptBool(cmd, "remove-logs"))
        flags |= VIR_DOMAIN_DESTROY_REMOVE_LOGS;

    rc = flags ? virDomainDestroyFlags(dom, flags) : virDomainDestroy(dom);
    if (rc < 0) {
        vshError(ctl, "Failed to destroy domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' destroyed\n", name);
    return true;
}

/* --mode acpi,agent,...: the flags, or -1 (reported) on a bad word. */
static int
virshShutdownModes(vshControl *ctl, const char *modes, bool reboot)
{
    static const char *const names[] = {
        "acpi", "agent", "initctl", "signal", "paravirt",
    };
    static const unsigned int shutdownFlags[] = {
        VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN, VIR_DOMAIN_SHUTDOWN_GUEST_AGENT,
        VIR_DOMAIN_SHUTDOWN_INITCTL, VIR_DOMAIN_SHUTDOWN_SIGNAL,
        VIR_DOMAIN_SHUTDOWN_PARAVIRT,
    };
    static const unsigned int rebootFlags[] = {
        VIR_DOMAIN_REBOOT_ACPI_POWER_BTN, VIR_DOMAIN_REBOOT_GUEST_AGENT,
        VIR_DOMAIN_REBOOT_INITCTL, VIR_DOMAIN_REBOOT_SIGNAL,
        VIR_DOMAIN_REBOOT_PARAVIRT,
    };
    g_auto(GStrv) list = NULL;
    unsigned int flags = 0;
    size_t i;
    size_t j;

    if (!modes)
        return 0;
    list = g_strsplit(modes, ",", 0);
    for (i = 0; list[i]; i++) {
        for (j = 0; j < G_N_ELEMENTS(names); j++) {
            if (strcmp(list[i], names[j]) == 0)
                break;
        }
        if (j == G_N_ELEMENTS(names)) {
            vshError(ctl, reboot ?
                     "Unknown mode %s value, expecting 'acpi', 'agent', 'initctl', 'signal' or 'paravirt'" :
                     "Unknown mode %s value, expecting 'acpi', 'agent', 'initctl', 'signal', or 'paravirt'",
                     list[i]);
            return -1;
        }
        flags |= reboot ? rebootFlags[j] : shutdownFlags[j];
    }
    return flags;
}

static const vshCmdInfo info_shutdown = {
    .help = "gracefully shutdown a domain",
    .desc = "Run shutdown in the target domain.",
};

static const vshCmdOptDef opts_shutdown[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("mode", "shutdown mode: acpi|agent|initctl|signal|paravirt",
        .completer = virshDomainShutdownModeCompleter),
    VSH_OPT_END
};

static bool
cmdShutdown(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *mode = NULL;
    const char *name;
    int flags;
    int rc;

    if (vshCommandOptStringReq(ctl, cmd, "mode", &mode) < 0 ||
        (flags = virshShutdownModes(ctl, mode, false)) < 0)
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;

    rc = flags ? virDomainShutdownFlags(dom, flags) : virDomainShutdown(dom);
    if (rc != 0) {
        vshError(ctl, "Failed to shutdown domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' is being shutdown\n", name);
    return true;
}

static const vshCmdInfo info_reboot = {
    .help = "reboot a domain",
    .desc = "Run a reboot command in the target domain.",
};

static const vshCmdOptDef opts_reboot[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("mode", "shutdown mode: acpi|agent|initctl|signal|paravirt",
        .completer = virshDomainShutdownModeCompleter),
    VSH_OPT_END
};

static bool
cmdReboot(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *mode = NULL;
    const char *name;
    int flags;

    if (vshCommandOptStringReq(ctl, cmd, "mode", &mode) < 0 ||
        (flags = virshShutdownModes(ctl, mode, true)) < 0)
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (virDomainReboot(dom, flags) != 0) {
        vshError(ctl, "Failed to reboot domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' is being rebooted\n", name);
    return true;
}

static const vshCmdInfo info_reset = {
    .help = "reset a domain",
    .desc = "Reset the target domain as if by power button",
};

static const vshCmdOptDef opts_reset[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdReset(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (virDomainReset(dom, 0) != 0) {
        vshError(ctl, "Failed to reset domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' was reset\n", name);
    return true;
}

static const vshCmdInfo info_suspend = {
    .help = "suspend a domain",
    .desc = "Suspend a running domain.",
};

static const vshCmdOptDef opts_suspend[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_RUNNING),
    VSH_OPT_END
};

static bool
cmdSuspend(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (virDomainSuspend(dom) != 0) {
        vshError(ctl, "Failed to suspend domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' suspended\n", name);
    return true;
}

static const vshCmdInfo info_resume = {
    .help = "resume a domain",
    .desc = "Resume a previously suspended domain.",
};

static const vshCmdOptDef opts_resume[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_PAUSED),
    VSH_OPT_END
};

static bool
cmdResume(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (virDomainResume(dom) != 0) {
        vshError(ctl, "Failed to resume domain '%s'", name);
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' resumed\n", name);
    return true;
}

static const vshCmdInfo info_dompmsuspend = {
    .help = "suspend a domain gracefully using power management functions",
    .desc = "Suspends a running domain using guest OS's power management. (Note: This requires a guest agent configured and running in the guest OS).",
};

static const vshCmdOptDef opts_dompmsuspend[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_RUNNING),
    VSH_DATA("target",
        "mem(Suspend-to-RAM), disk(Suspend-to-Disk), hybrid(Hybrid-Suspend)",
        .completer = virshNodeSuspendTargetCompleter),
    VSH_INT("duration", "duration in seconds", .flags = VSH_OFLAG_REQ_OPT),
    VSH_OPT_END
};

static bool
cmdDompmsuspend(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    unsigned long long duration = 0;
    const char *target = NULL;
    const char *name;
    int kind;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (vshCommandOptULongLong(ctl, cmd, "duration", &duration) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "target", &target) < 0)
        return false;
    if ((kind = virshNodeSuspendTargetFromString(target)) < 0) {
        vshError(ctl, "%s", "Invalid target");
        return false;
    }
    if (virDomainPMSuspendForDuration(dom, kind, duration, 0) < 0) {
        vshError(ctl, "Domain '%s' could not be suspended",
                 virDomainGetName(dom));
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' successfully suspended",
                  virDomainGetName(dom));
    return true;
}

static const vshCmdInfo info_dompmwakeup = {
    .help = "wakeup a domain from pmsuspended state",
    .desc = "Wakeup a domain that was previously suspended by power management.",
};

static const vshCmdOptDef opts_dompmwakeup[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_OTHER),
    VSH_OPT_END
};

static bool
cmdDompmwakeup(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virDomainPMWakeup(dom, 0) < 0) {
        vshError(ctl, "Domain '%s' could not be woken up",
                 virDomainGetName(dom));
        return false;
    }
    vshPrintExtra(ctl, "Domain '%s' successfully woken up",
                  virDomainGetName(dom));
    return true;
}

static const vshCmdInfo info_autostart = {
    .help = "autostart a domain",
    .desc = "Configure a domain to be automatically started at boot.",
};

static const vshCmdOptDef opts_autostart[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_PERSISTENT),
    VSH_BOOL("disable", "disable autostarting"),
    VSH_OPT_END
};

static bool
cmdAutostart(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name;
    int autostart;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    autostart = !vshCommandOptBool(cmd, "disable");
    if (virDomainSetAutostart(dom, autostart) < 0) {
        vshError(ctl, autostart ? "Failed to mark domain '%s' as autostarted"
                                : "Failed to unmark domain '%s' as autostarted",
                 name);
        return false;
    }
    vshPrintExtra(ctl, autostart ? "Domain '%s' marked as autostarted\n"
                                 : "Domain '%s' unmarked as autostarted\n",
                  name);
    return true;
}

/* ------------------------------------------------------------------ */
/* names and documents                                                 */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_domid = {
    .help = "convert a domain name or UUID to domain id",
    .desc = "",
};

static const vshCmdOptDef opts_domid[] = {
    VIRSH_OPT_DOMAIN("domain name or uuid", VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_OPT_END
};

static bool
cmdDomid(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    unsigned int id;

    if (!(dom = virshCommandOptDomainBy(ctl, cmd, NULL,
                                        VIRSH_BYNAME | VIRSH_BYUUID)))
        return false;
    id = virDomainGetID(dom);
    if (id == (unsigned int)-1)
        vshPrint(ctl, "%s\n", "-");
    else
        vshPrint(ctl, "%d\n", id);
    return true;
}

static const vshCmdInfo info_domname = {
    .help = "convert a domain id or UUID to domain name",
    .desc = "",
};

static const vshCmdOptDef opts_domname[] = {
    VSH_DATA("domain", "domain id or uuid",
        .completer = virshDomainUUIDCompleter),
    VSH_OPT_END
};

static bool
cmdDomname(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;

    if (!(dom = virshCommandOptDomainBy(ctl, cmd, NULL,
                                        VIRSH_BYID | VIRSH_BYUUID)))
        return false;
    vshPrint(ctl, "%s\n", virDomainGetName(dom));
    return true;
}

static const vshCmdInfo info_domuuid = {
    .help = "convert a domain name or id to domain UUID",
    .desc = "",
};

static const vshCmdOptDef opts_domuuid[] = {
    VIRSH_OPT_DOMAIN("domain id or name", 0),
    VSH_OPT_END
};

static bool
cmdDomuuid(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(dom = virshCommandOptDomainBy(ctl, cmd, NULL,
                                        VIRSH_BYNAME | VIRSH_BYID)))
        return false;
    if (virDomainGetUUIDString(dom, uuid) != -1)
        vshPrint(ctl, "%s\n", uuid);
    else
        vshError(ctl, "%s", "failed to get domain UUID");
    return true;
}

static const vshCmdInfo info_domrename = {
    .help = "rename a domain",
    .desc = "Rename an inactive domain.",
};

static const vshCmdOptDef opts_domrename[] = {
    VIRSH_OPT_DOMAIN("domain name or uuid", VIR_CONNECT_LIST_DOMAINS_INACTIVE),
    VSH_DATA("new-name", "new domain name", .completer = virshCompleteEmpty),
    VSH_OPT_END
};

static bool
cmdDomrename(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *newName = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "new-name", &newName) < 0)
        return false;
    if (virDomainRename(dom, newName, 0) < 0)
        return false;
    vshPrintExtra(ctl, "Domain successfully renamed\n");
    return true;
}

static const vshCmdInfo info_dumpxml = {
    .help = "domain information in XML",
    .desc = "Output the domain information as an XML dump to stdout.",
};

static const vshCmdOptDef opts_dumpxml[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("inactive", "show inactive defined XML"),
    VSH_BOOL("security-info",
        "include security sensitive information in XML dump"),
    VSH_BOOL("update-cpu", "update guest CPU according to host CPU"),
    VSH_BOOL("migratable", "provide XML suitable for migrations"),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *xml = NULL;
    bool wrap = vshCommandOptBool(cmd, "wrap");
    const char *xpath = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "inactive"))
        flags |= VIR_DOMAIN_XML_INACTIVE;
    if (vshCommandOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    if (vshCommandOptBool(cmd, "update-cpu"))
        flags |= VIR_DOMAIN_XML_UPDATE_CPU;
    if (vshCommandOptBool(cmd, "migratable"))
        flags |= VIR_DOMAIN_XML_MIGRATABLE;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virDomainGetXMLDesc(dom, flags)))
        return false;
    return virshDumpXML(ctl, xml, "domain", xpath, wrap);
}

static const vshCmdInfo info_domxml_from_native = {
    .help = "Convert native config to domain XML",
    .desc = "Convert native guest configuration format to domain XML format.",
};

static const vshCmdOptDef opts_domxml_from_native[] = {
    VSH_DATA("format", "source config data format"),
    VSH_DATA("config", "config data file to import from",
        .completer = virshCompletePathLocalExisting),
    VSH_OPT_END
};

static bool
cmdDomxmlFromNative(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *config = NULL;
    g_autofree char *xml = NULL;
    const char *format = NULL;
    const char *file = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "format", &format) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "config", &file) < 0)
        return false;
    if (virshFileReadAll(ctl, file, VSH_MAX_XML_FILE, &config) < 0)
        return false;
    if (!(xml = virConnectDomainXMLFromNative(virshConn(ctl), format, config,
                                              0)))
        return false;
    vshPrint(ctl, "%s", xml);
    return true;
}

static const vshCmdInfo info_domxml_to_native = {
    .help = "Convert domain XML to native config",
    .desc = "Convert domain XML config to a native guest configuration format.",
};

static const vshCmdOptDef opts_domxml_to_native[] = {
    VSH_DATA("format", "target config data type format"),
    VSH_STRING("domain", "domain name, id or uuid",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshDomainNameCompleter),
    VSH_STRING("xml", "xml data file to export from",
        .completer = virshCompletePathLocalExisting),
    VSH_OPT_END
};

static bool
cmdDomxmlToNative(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *config = NULL;
    g_autofree char *xml = NULL;
    const char *format = NULL;
    const char *file = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "format", &format) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "xml", &file) < 0)
        return false;
    VSH_EXCLUSIVE_OPTIONS("domain", "xml");

    if (vshCommandOptBool(cmd, "domain") &&
        !(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (dom) {
        xml = virDomainGetXMLDesc(dom, 0);
    } else if (file) {
        if (virshFileReadAll(ctl, file, VSH_MAX_XML_FILE, &xml) < 0)
            return false;
    } else {
        vshError(ctl, "%s", "need either domain or domain XML");
        return false;
    }
    if (!xml) {
        vshError(ctl, "%s", "failed to retrieve XML");
        return false;
    }
    if (!(config = virConnectDomainXMLToNative(virshConn(ctl), format, xml,
                                               0)))
        return false;
    vshPrint(ctl, "%s", config);
    return true;
}

static const vshCmdInfo info_edit = {
    .help = "edit XML configuration for a domain",
    .desc = "Edit the XML configuration for a domain.",
};

static const vshCmdOptDef opts_edit[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("skip-validate", "skip validation of the XML against the schema"),
    VSH_OPT_END
};

typedef struct {
    virDomainPtr dom;
    virDomainPtr edited;
    unsigned int defineFlags;
} virshEditDomain;

static char *
virshEditDomainGetXML(vshControl *ctl G_GNUC_UNUSED, void *opaque)
{
    virshEditDomain *e = opaque;

    return virDomainGetXMLDesc(e->dom, VIR_DOMAIN_XML_SECURE |
                               VIR_DOMAIN_XML_INACTIVE);
}

static void
virshEditDomainNotChanged(vshControl *ctl, void *opaque)
{
    virshEditDomain *e = opaque;

    vshPrintExtra(ctl, "Domain '%s' XML configuration not changed.\n",
                  virDomainGetName(e->dom));
}

static bool
virshEditDomainDefine(vshControl *ctl, const char *xml, void *opaque)
{
    virshEditDomain *e = opaque;

    virshDomainFree(e->edited);
    e->edited = virshDomainDefine(virshConn(ctl), xml, e->defineFlags);
    return e->edited != NULL;
}

static void
virshEditDomainRelax(void *opaque)
{
    virshEditDomain *e = opaque;

    e->defineFlags &= ~VIR_DOMAIN_DEFINE_VALIDATE;
}

static bool
cmdEdit(vshControl *ctl, const vshCmd *cmd)
{
    static const vshEditOps ops = {
        .getXML = virshEditDomainGetXML,
        .notChanged = virshEditDomainNotChanged,
        .define = virshEditDomainDefine,
        .relax = virshEditDomainRelax,
    };
    g_autoptr(virshDomain) dom = NULL;
    virshEditDomain e = { .defineFlags = VIR_DOMAIN_DEFINE_VALIDATE };
    int rc;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptBool(cmd, "skip-validate"))
        e.defineFlags &= ~VIR_DOMAIN_DEFINE_VALIDATE;

    e.dom = dom;
    rc = vshEditLoop(ctl, &ops, &e);
    if (rc == 0)
        vshPrintExtra(ctl, "Domain '%s' XML configuration edited.\n",
                      e.edited ? virDomainGetName(e.edited) : "(null)");
    virshDomainFree(e.edited);
    return rc >= 0;
}

/* ------------------------------------------------------------------ */
/* desc, metadata                                                      */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_desc = {
    .help = "show or set domain's description or title",
    .desc = "Allows setting or modifying the description or title of a domain.",
};

static const vshCmdOptDef opts_desc[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("live", "modify/get running state"),
    VSH_BOOL("config", "modify/get persistent configuration"),
    VSH_BOOL("current", "modify/get current state configuration"),
    VSH_BOOL("title", "modify/get the title instead of description"),
    VSH_BOOL("edit", "open an editor to modify the description"),
    VSH_ARGV("new-desc", "message"),
    VSH_OPT_END
};

/* The edited text of desc --edit; NULL on error. */
static char *
virshDescEdit(vshControl *ctl, const char *text, bool title)
{
    g_autofree char *tmp = NULL;
    char *edited = NULL;
    char *nl;

    if (!(tmp = vshEditWriteToTempFile(ctl, text)))
        return NULL;
    if (vshEditFile(ctl, tmp) == 0)
        edited = vshEditReadBackFile(ctl, tmp);
    unlink(tmp);
    /* editors add a final newline; a title has none */
    if (edited && title && (nl = strrchr(edited, '\n')) && !nl[1])
        *nl = '\0';
    return edited;
}

static bool
cmdDesc(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *descArg = NULL;
    g_autoptr(GString) buf = g_string_new(NULL);
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    bool current = vshCommandOptBool(cmd, "current");
    bool title = vshCommandOptBool(cmd, "title");
    bool edit = vshCommandOptBool(cmd, "edit");
    unsigned int flags = VIR_DOMAIN_AFFECT_CURRENT;
    unsigned int queryflags = 0;
    const vshCmdOpt *opt = NULL;
    int type = title ? VIR_DOMAIN_METADATA_TITLE
                     : VIR_DOMAIN_METADATA_DESCRIPTION;

    VSH_EXCLUSIVE_OPTIONS_VAR(current, live);
    VSH_EXCLUSIVE_OPTIONS_VAR(current, config);
    if (config) {
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
        queryflags |= VIR_DOMAIN_XML_INACTIVE;
    }
    if (live)
        flags |= VIR_DOMAIN_AFFECT_LIVE;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshDomainState(ctl, dom, NULL) < 0)
        return false;

    while ((opt = vshCommandOptArgv(ctl, cmd, opt)))
        g_string_append_printf(buf, "%s ", opt->data);
    while (buf->len && buf->str[buf->len - 1] == ' ')
        g_string_truncate(buf, buf->len - 1);
    if (buf->len)
        descArg = g_strdup(buf->str);

    if (edit || descArg) {
        g_autofree char *descDom = NULL;
        g_autofree char *descNew = NULL;

        if (!(descDom = virshGetDomainDescription(ctl, dom, title, queryflags)))
            return false;
        if (!descArg)
            descArg = g_strdup(descDom);
        if (edit) {
            if (!(descNew = virshDescEdit(ctl, descArg, title)))
                return false;
            if (strcmp(descDom, descNew) == 0) {
                vshPrintExtra(ctl, "%s", title ? "Domain title not changed\n"
                                               : "Domain description not changed\n");
                return true;
            }
        } else {
            descNew = g_steal_pointer(&descArg);
        }
        if (virDomainSetMetadata(dom, type, descNew, NULL, NULL, flags) < 0) {
            vshError(ctl, "%s", title ? "Failed to set new domain title"
                                      : "Failed to set new domain description");
            return false;
        }
        vshPrintExtra(ctl, "%s", title ? "Domain title updated successfully"
                                       : "Domain description updated successfully");
    } else {
        g_autofree char *desc = virshGetDomainDescription(ctl, dom, title,
                                                          queryflags);

        if (!desc)
            return false;
        if (*desc)
            vshPrint(ctl, "%s", desc);
        else
            vshPrintExtra(ctl, title ? "No title for domain: %s"
                                     : "No description for domain: %s",
                          virDomainGetName(dom));
    }
    return true;
}

static const vshCmdInfo info_metadata = {
    .help = "show or set domain's custom XML metadata",
    .desc = "Shows or modifies the XML metadata of a domain.",
};

static const vshCmdOptDef opts_metadata[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_DATA("uri", "URI of the namespace"),
    VSH_BOOL("live", "modify/get running state"),
    VSH_BOOL("config", "modify/get persistent configuration"),
    VSH_BOOL("current", "modify/get current state configuration"),
    VSH_BOOL("edit", "use an editor to change the metadata"),
    VSH_STRING("key", "key to be used as a namespace identifier"),
    VSH_STRING("set", "new metadata to set", .completer = virshCompleteEmpty),
    VSH_BOOL("remove", "remove the metadata corresponding to an uri"),
    VSH_OPT_END
};

typedef struct {
    virDomainPtr dom;
    const char *uri;
    const char *key;
    unsigned int flags;
} virshEditMetadata;

static char *
virshEditMetadataGetXML(vshControl *ctl G_GNUC_UNUSED, void *opaque)
{
    virshEditMetadata *e = opaque;
    char *ret = virDomainGetMetadata(e->dom, VIR_DOMAIN_METADATA_ELEMENT,
                                     e->uri, e->flags);

    if (!ret) {
        vshResetLibvirtError();
        ret = g_strdup("\n");
    }
    return ret;
}

static void
virshEditMetadataNotChanged(vshControl *ctl, void *opaque G_GNUC_UNUSED)
{
    vshPrintExtra(ctl, "%s", "Metadata not changed");
}

static bool
virshEditMetadataDefine(vshControl *ctl G_GNUC_UNUSED, const char *xml,
                        void *opaque)
{
    virshEditMetadata *e = opaque;

    return virDomainSetMetadata(e->dom, VIR_DOMAIN_METADATA_ELEMENT, xml,
                                e->key, e->uri, e->flags) == 0;
}

static bool
cmdMetadata(vshControl *ctl, const vshCmd *cmd)
{
    static const vshEditOps ops = {
        .getXML = virshEditMetadataGetXML,
        .notChanged = virshEditMetadataNotChanged,
        .define = virshEditMetadataDefine,
    };
    g_autoptr(virshDomain) dom = NULL;
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    bool current = vshCommandOptBool(cmd, "current");
    bool edit = vshCommandOptBool(cmd, "edit");
    bool rem = vshCommandOptBool(cmd, "remove");
    virshEditMetadata e = { .flags = VIR_DOMAIN_AFFECT_CURRENT };
    const char *set = NULL;

    VSH_EXCLUSIVE_OPTIONS_VAR(current, live);
    VSH_EXCLUSIVE_OPTIONS_VAR(current, config);
    VSH_EXCLUSIVE_OPTIONS("edit", "set");
    VSH_EXCLUSIVE_OPTIONS("remove", "set");
    VSH_EXCLUSIVE_OPTIONS("remove", "edit");
    if (config)
        e.flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (live)
        e.flags |= VIR_DOMAIN_AFFECT_LIVE;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "uri", &e.uri) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "key", &e.key) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "set", &set) < 0)
        return false;
    if ((set || edit) && !e.key) {
        vshError(ctl, "%s", "namespace key is required when modifying metadata");
        return false;
    }
    e.dom = dom;

    if (set || rem) {
        if (virDomainSetMetadata(dom, VIR_DOMAIN_METADATA_ELEMENT, set,
                                 e.key, e.uri, e.flags))
            return false;
        vshPrintExtra(ctl, "%s\n", rem ? "Metadata removed"
                                       : "Metadata modified");
    } else if (edit) {
        int rc = vshEditLoop(ctl, &ops, &e);

        if (rc < 0)
            return false;
        if (rc == 0)
            vshPrintExtra(ctl, "%s\n", "Metadata modified");
    } else {
        g_autofree char *data = virDomainGetMetadata(dom,
                                                     VIR_DOMAIN_METADATA_ELEMENT,
                                                     e.uri, e.flags);

        if (!data)
            return false;
        vshPrint(ctl, "%s\n", data);
    }
    return true;
}

/* ------------------------------------------------------------------ */

const vshCmdDef virshDomainLifecycleCmds[] = {
    VSH_CMD("autostart", cmdAutostart, autostart),
    VSH_CMD("create", cmdCreate, create),
    VSH_CMD("define", cmdDefine, define),
    VSH_CMD("desc", cmdDesc, desc),
    VSH_CMD("destroy", cmdDestroy, destroy),
    VSH_CMD("domid", cmdDomid, domid),
    VSH_CMD("domname", cmdDomname, domname),
    VSH_CMD("dompmsuspend", cmdDompmsuspend, dompmsuspend),
    VSH_CMD("dompmwakeup", cmdDompmwakeup, dompmwakeup),
    VSH_CMD("domrename", cmdDomrename, domrename),
    VSH_CMD("domuuid", cmdDomuuid, domuuid),
    VSH_CMD("domxml-from-native", cmdDomxmlFromNative, domxml_from_native),
    VSH_CMD("domxml-to-native", cmdDomxmlToNative, domxml_to_native),
    VSH_CMD("dumpxml", cmdDumpxml, dumpxml),
    VSH_CMD("edit", cmdEdit, edit),
    VSH_CMD("metadata", cmdMetadata, metadata),
    VSH_CMD("reboot", cmdReboot, reboot),
    VSH_CMD("reset", cmdReset, reset),
    VSH_CMD("resume", cmdResume, resume),
    VSH_CMD("shutdown", cmdShutdown, shutdown),
    VSH_CMD("start", cmdStart, start),
    VSH_CMD("suspend", cmdSuspend, suspend),
    VSH_CMD("undefine", cmdUndefine, undefine),
    { .name = NULL }
};
