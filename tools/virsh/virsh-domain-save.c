/*
 * virsh-domain-save.c: a domain's state in files: save, restore,
 * managedsave and its relatives, save-image-*, dump and screenshot.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "virsh.h"

/* --running / --paused / --bypass-cache as VIR_DOMAIN_SAVE_* flags. */
static unsigned int
virshSaveFlags(const vshCmd *cmd, bool bypass, bool nvram)
{
    unsigned int flags = 0;

    if (bypass && vshCommandOptBool(cmd, "bypass-cache"))
        flags |= VIR_DOMAIN_SAVE_BYPASS_CACHE;
    if (vshCommandOptBool(cmd, "running"))
        flags |= VIR_DOMAIN_SAVE_RUNNING;
    if (vshCommandOptBool(cmd, "paused"))
        flags |= VIR_DOMAIN_SAVE_PAUSED;
    if (nvram && vshCommandOptBool(cmd, "reset-nvram"))
        flags |= VIR_DOMAIN_SAVE_RESET_NVRAM;
    return flags;
}

/* ---- save, restore ---- */

static const vshCmdInfo info_save = {
    .help = "save a domain state to a file",
    .desc = "Save the RAM state of a running domain.",
};

static const vshCmdOptDef opts_save[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_DATA("file", "where to save the data"),
    VSH_BOOL("bypass-cache", "avoid file system cache when saving"),
    VSH_STRING("xml", "filename containing updated XML for the target",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("running", "set domain to be running on restore"),
    VSH_BOOL("paused", "set domain to be paused on restore"),
    VSH_BOOL("verbose", "display the progress of save"),
    VSH_OPT_END
};

static int
virshSaveWorker(virshCtrlData *data)
{
    vshControl *ctl = data->ctl;
    const vshCmd *cmd = data->cmd;
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = virshSaveFlags(cmd, true, false);
    const char *xmlfile = NULL;
    const char *name = NULL;
    const char *to = NULL;
    int rc;

    if (vshCommandOptStringReq(ctl, cmd, "file", &to) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "xml", &xmlfile) < 0)
        return -1;
    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return -1;
    if (xmlfile && virshFileReadAll(ctl, xmlfile, VSH_MAX_XML_FILE, &xml) < 0) {
        vshReportError(ctl);
        return -1;
    }
    if (flags || xml)
        rc = virDomainSaveFlags(dom, to, xml, flags);
    else
        rc = virDomainSave(dom, to);
    if (rc < 0) {
        vshError(ctl, "Failed to save domain '%s' to %s", name, to);
        return -1;
    }
    return 0;
}

static bool
cmdSave(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name = NULL;
    const char *to = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "file", &to) < 0)
        return false;
    if (!virshRunJob(ctl, cmd, dom, virshSaveWorker,
                     vshCommandOptBool(cmd, "verbose"), "Save", NULL))
        return false;
    vshPrintExtra(ctl, "\nDomain '%s' saved to %s\n", name, to);
    return true;
}

static const vshCmdInfo info_restore = {
    .help = "restore a domain from a saved state in a file",
    .desc = "Restore a domain.",
};

static const vshCmdOptDef opts_restore[] = {
    VSH_DATA("file", "the state to restore"),
    VSH_BOOL("bypass-cache", "avoid file system cache when restoring"),
    VSH_STRING("xml", "filename containing updated XML for the target",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("running", "restore domain into running state"),
    VSH_BOOL("paused", "restore domain into paused state"),
    VSH_BOOL("reset-nvram", "re-initialize NVRAM from its pristine template"),
    VSH_OPT_END
};

static bool
cmdRestore(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *xml = NULL;
    unsigned int flags = virshSaveFlags(cmd, true, true);
    const char *xmlfile = NULL;
    const char *from = NULL;
    int rc;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "xml", &xmlfile) < 0)
        return false;
    if (xmlfile && virshFileReadAll(ctl, xmlfile, VSH_MAX_XML_FILE, &xml) < 0)
        return false;
    if (flags || xml)
        rc = virDomainRestoreFlags(virshConn(ctl), from, xml, flags);
    else
        rc = virDomainRestore(virshConn(ctl), from);
    if (rc < 0) {
        vshError(ctl, "Failed to restore domain from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Domain restored from %s\n", from);
    return true;
}

/* ---- save-image-* ---- */

static const vshCmdInfo info_save_image_dumpxml = {
    .help = "saved state domain information in XML",
    .desc = "Dump XML of domain information for a saved state file to stdout.",
};

static const vshCmdOptDef opts_save_image_dumpxml[] = {
    VSH_DATA("file", "saved state file to read"),
    VSH_BOOL("security-info",
        "include security sensitive information in XML dump"),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdSaveImageDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *xml = NULL;
    const char *xpath = NULL;
    const char *file = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    if (vshCommandOptStringReq(ctl, cmd, "file", &file) < 0 ||
        vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virDomainSaveImageGetXMLDesc(virshConn(ctl), file, flags)))
        return false;
    return virshDumpXML(ctl, xml, "domain-save-image", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_save_image_define = {
    .help = "redefine the XML for a domain's saved state file",
    .desc = "Replace the domain XML associated with a saved state file",
};

static const vshCmdOptDef opts_save_image_define[] = {
    VSH_DATA("file", "saved state file to modify"),
    VSH_DATA("xml", "filename containing updated XML for the target",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("running", "set domain to be running on restore"),
    VSH_BOOL("paused", "set domain to be paused on restore"),
    VSH_OPT_END
};

static bool
cmdSaveImageDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autofree char *xml = NULL;
    unsigned int flags = virshSaveFlags(cmd, false, false);
    const char *xmlfile = NULL;
    const char *file = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "file", &file) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "xml", &xmlfile) < 0)
        return false;
    if (virshFileReadAll(ctl, xmlfile, VSH_MAX_XML_FILE, &xml) < 0)
        return false;
    if (virDomainSaveImageDefineXML(virshConn(ctl), file, xml, flags) < 0) {
        vshError(ctl, "Failed to update %s", file);
        return false;
    }
    vshPrintExtra(ctl, "State file %s updated.\n", file);
    return true;
}

static const vshCmdInfo info_save_image_edit = {
    .help = "edit XML for a domain's saved state file",
    .desc = "Edit the domain XML associated with a saved state file",
};

static const vshCmdOptDef opts_save_image_edit[] = {
    VSH_DATA("file", "saved state file to edit"),
    VSH_BOOL("running", "set domain to be running on restore"),
    VSH_BOOL("paused", "set domain to be paused on restore"),
    VSH_OPT_END
};

typedef struct {
    const char *file;
    virDomainPtr dom;        /* managedsave-edit */
    unsigned int flags;
} virshEditSaveImage;

static char *
virshEditSaveImageGetXML(vshControl *ctl, void *opaque)
{
    virshEditSaveImage *e = opaque;

    if (e->dom)
        return virDomainManagedSaveGetXMLDesc(e->dom, VIR_DOMAIN_XML_SECURE);
    return virDomainSaveImageGetXMLDesc(virshConn(ctl), e->file,
                                        VIR_DOMAIN_XML_SECURE);
}

static void
virshEditSaveImageNotChanged(vshControl *ctl, void *opaque)
{
    virshEditSaveImage *e = opaque;

    if (e->dom)
        vshPrintExtra(ctl, "Managed save image of domain '%s' XML configuration not changed.\n",
                      virDomainGetName(e->dom));
    else
        vshPrintExtra(ctl, "Saved image %s XML configuration not changed.\n",
                      e->file);
}

static bool
virshEditSaveImageDefine(vshControl *ctl, const char *xml, void *opaque)
{
    virshEditSaveImage *e = opaque;

    if (e->dom)
        return virDomainManagedSaveDefineXML(e->dom, xml, e->flags) == 0;
    return virDomainSaveImageDefineXML(virshConn(ctl), e->file, xml,
                                       e->flags) == 0;
}

static const vshEditOps virshEditSaveImageOps = {
    .getXML = virshEditSaveImageGetXML,
    .notChanged = virshEditSaveImageNotChanged,
    .define = virshEditSaveImageDefine,
};

static bool
cmdSaveImageEdit(vshControl *ctl, const vshCmd *cmd)
{
    virshEditSaveImage e = { .flags = virshSaveFlags(cmd, false, false) };
    int rc;

    /* a define that always fails would loop: refuse up front */
    VSH_EXCLUSIVE_OPTIONS("running", "paused");
    if (vshCommandOptStringReq(ctl, cmd, "file", &e.file) < 0)
        return false;
    if ((rc = vshEditLoop(ctl, &virshEditSaveImageOps, &e)) < 0)
        return false;
    if (rc == 0)
        vshPrintExtra(ctl, "State file %s edited.\n", e.file);
    return true;
}

/* ---- managedsave* ---- */

static const vshCmdInfo info_managedsave = {
    .help = "managed save of a domain state",
    .desc = "Save and destroy a running domain, so it can be restarted from\n"
            "    the same state at a later time.  When the virsh 'start'\n"
            "    command is next run for the domain, it will automatically\n"
            "    be started from this saved state.",
};

static const vshCmdOptDef opts_managedsave[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_BOOL("bypass-cache", "avoid file system cache when saving"),
    VSH_BOOL("running", "set domain to be running on next start"),
    VSH_BOOL("paused", "set domain to be paused on next start"),
    VSH_BOOL("verbose", "display the progress of save"),
    VSH_OPT_END
};

static int
virshManagedSaveWorker(virshCtrlData *data)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name;

    if (!(dom = virshCommandOptDomain(data->ctl, data->cmd, &name)))
        return -1;
    if (virDomainManagedSave(dom, virshSaveFlags(data->cmd, true, false)) < 0) {
        vshError(data->ctl, "Failed to save domain '%s' state", name);
        return -1;
    }
    return 0;
}

static bool
cmdManagedsave(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (!virshRunJob(ctl, cmd, dom, virshManagedSaveWorker,
                     vshCommandOptBool(cmd, "verbose"), "Managedsave", NULL))
        return false;
    vshPrintExtra(ctl, "\nDomain '%s' state saved by libvirt\n", name);
    return true;
}

static const vshCmdInfo info_managedsave_remove = {
    .help = "Remove managed save of a domain",
    .desc = "Remove an existing managed save state file from a domain",
};

static const vshCmdOptDef opts_managedsave_remove[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE),
    VSH_OPT_END
};

static bool
cmdManagedsaveRemove(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name;
    int hassave;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if ((hassave = virDomainHasManagedSaveImage(dom, 0)) < 0) {
        vshError(ctl, "%s", "Failed to check for domain managed save image");
        return false;
    }
    if (hassave == 0) {
        vshPrintExtra(ctl, "Domain '%s' has no manage save image; removal skipped",
                      name);
        return true;
    }
    if (virDomainManagedSaveRemove(dom, 0) < 0) {
        vshError(ctl, "Failed to remove managed save image for domain '%s'",
                 name);
        return false;
    }
    vshPrintExtra(ctl, "Removed managedsave image for domain '%s'", name);
    return true;
}

static const vshCmdInfo info_managedsave_edit = {
    .help = "edit XML for a domain's managed save state file",
    .desc = "Edit the domain XML associated with the managed save state file",
};

static const vshCmdOptDef opts_managedsave_edit[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE),
    VSH_BOOL("running", "set domain to be running on start"),
    VSH_BOOL("paused", "set domain to be paused on start"),
    VSH_OPT_END
};

static bool
cmdManagedsaveEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    virshEditSaveImage e = { .flags = virshSaveFlags(cmd, false, false) };
    int rc;

    VSH_EXCLUSIVE_OPTIONS("running", "paused");
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    e.dom = dom;
    if ((rc = vshEditLoop(ctl, &virshEditSaveImageOps, &e)) < 0)
        return false;
    if (rc == 0)
        vshPrintExtra(ctl, "Managed save image of Domain '%s' XML configuration edited.\n",
                      virDomainGetName(dom));
    return true;
}

static const vshCmdInfo info_managedsave_dumpxml = {
    .help = "Domain information of managed save state file in XML",
    .desc = "Dump XML of domain information for a managed save state file to stdout.",
};

static const vshCmdOptDef opts_managedsave_dumpxml[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE),
    VSH_BOOL("security-info",
        "include security sensitive information in XML dump"),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdManagedsaveDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *xpath = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_XML_SECURE;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virDomainManagedSaveGetXMLDesc(dom, flags)))
        return false;
    return virshDumpXML(ctl, xml, "domain-save-image", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_managedsave_define = {
    .help = "redefine the XML for a domain's managed save state file",
    .desc = "Replace the domain XML associated with a managed save state file",
};

static const vshCmdOptDef opts_managedsave_define[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE),
    VSH_DATA("xml", "filename containing updated XML for the target",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("running", "set domain to be running on start"),
    VSH_BOOL("paused", "set domain to be paused on start"),
    VSH_OPT_END
};

static bool
cmdManagedsaveDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags = virshSaveFlags(cmd, false, false);
    const char *xmlfile = NULL;

    VSH_EXCLUSIVE_OPTIONS("running", "paused");
    if (vshCommandOptStringReq(ctl, cmd, "xml", &xmlfile) < 0)
        return false;
    if (virshFileReadAll(ctl, xmlfile, VSH_MAX_XML_FILE, &xml) < 0)
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virDomainManagedSaveDefineXML(dom, xml, flags) < 0) {
        vshError(ctl, "Failed to update %s XML configuration",
                 virDomainGetName(dom));
        return false;
    }
    vshPrintExtra(ctl, "Managed save state file of domain '%s' updated.\n",
                  virDomainGetName(dom));
    return true;
}

/* ---- dump ---- */

static const vshCmdInfo info_dump = {
    .help = "dump the core of a domain to a file for analysis",
    .desc = "Core dump a domain.",
};

static const vshCmdOptDef opts_dump[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_DATA("file", "where to dump the core"),
    VSH_BOOL("live", "perform a live core dump if supported"),
    VSH_BOOL("crash", "crash the domain after core dump"),
    VSH_BOOL("bypass-cache", "avoid file system cache when dumping"),
    VSH_BOOL("reset", "reset the domain after core dump"),
    VSH_BOOL("verbose", "display the progress of dump"),
    VSH_BOOL("memory-only", "dump domain's memory only"),
    VSH_STRING("format", "specify the format of memory-only dump",
        .completer = virshDomainCoreDumpFormatCompleter),
    VSH_OPT_END
};

const char *const virshDomainCoreDumpFormats[] = {
    "elf", "kdump-zlib", "kdump-lzo", "kdump-snappy", "win-dmp", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainCoreDumpFormats) ==
                VIR_DOMAIN_CORE_DUMP_FORMAT_LAST + 1);

static int
virshDumpWorker(virshCtrlData *data)
{
    static const struct {
        const char *option;
        unsigned int flag;
    } flagOpts[] = {
        { "live", VIR_DUMP_LIVE },
        { "crash", VIR_DUMP_CRASH },
        { "bypass-cache", VIR_DUMP_BYPASS_CACHE },
        { "reset", VIR_DUMP_RESET },
        { "memory-only", VIR_DUMP_MEMORY_ONLY },
    };
    vshControl *ctl = data->ctl;
    const vshCmd *cmd = data->cmd;
    g_autoptr(virshDomain) dom = NULL;
    int format = VIR_DOMAIN_CORE_DUMP_FORMAT_RAW;
    unsigned int flags = 0;
    const char *name = NULL;
    const char *to = NULL;
    const char *fmt = NULL;
    size_t i;
    int rc;

    if (vshCommandOptStringReq(ctl, cmd, "file", &to) < 0)
        return -1;
    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return -1;
    for (i = 0; i < G_N_ELEMENTS(flagOpts); i++) {
        if (vshCommandOptBool(cmd, flagOpts[i].option))
            flags |= flagOpts[i].flag;
    }
    if (vshCommandOptBool(cmd, "format")) {
        if (!(flags & VIR_DUMP_MEMORY_ONLY)) {
            vshError(ctl, "%s", "--format only works with --memory-only");
            return -1;
        }
        if (vshCommandOptStringQuiet(ctl, cmd, "format", &fmt) > 0) {
            for (format = 0; virshDomainCoreDumpFormats[format]; format++) {
                if (strcmp(virshDomainCoreDumpFormats[format], fmt) == 0)
                    break;
            }
            if (!virshDomainCoreDumpFormats[format]) {
                vshError(ctl, "format '%s' is not supported, expecting 'kdump-zlib', 'kdump-lzo', 'kdump-snappy', 'win-dmp' or 'elf'",
                         fmt);
                return -1;
            }
        }
    }

    if (format != VIR_DOMAIN_CORE_DUMP_FORMAT_RAW)
        rc = virDomainCoreDumpWithFormat(dom, to, format, flags);
    else
        rc = virDomainCoreDump(dom, to, flags);
    if (rc < 0) {
        vshError(ctl, "Failed to core dump domain '%s' to %s", name, to);
        return -1;
    }
    return 0;
}

static bool
cmdDump(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    const char *name = NULL;
    const char *to = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "file", &to) < 0)
        return false;
    if (!virshRunJob(ctl, cmd, dom, virshDumpWorker,
                     vshCommandOptBool(cmd, "verbose"), "Dump", NULL))
        return false;
    vshPrintExtra(ctl, "\nDomain '%s' dumped to %s\n", name, to);
    return true;
}

/* ---- screenshot ---- */

static const vshCmdInfo info_screenshot = {
    .help = "take a screenshot of a current domain console and store it into a file",
    .desc = "screenshot of a current domain console",
};

static const vshCmdOptDef opts_screenshot[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("file", "where to store the screenshot",
        .completer = virshCompletePathLocalExisting),
    VSH_INT("screen", "ID of a screen to take screenshot of"),
    VSH_OPT_END
};

/* "<domain>-<time>.ppm|.png" */
static char *
virshGenFileName(virDomainPtr dom, const char *mime)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *stamp = g_date_time_format(now, "%Y-%m-%d-%H:%M:%S");
    const char *ext = "";

    if (strcmp(mime, "image/x-portable-pixmap") == 0)
        ext = ".ppm";
    else if (strcmp(mime, "image/png") == 0)
        ext = ".png";
    return g_strdup_printf("%s-%s%s", virDomainGetName(dom), stamp, ext);
}

static bool
cmdScreenshot(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshStream) st = NULL;
    g_autofree char *mime = NULL;
    g_autofree char *generated = NULL;
    virshStreamCallbackData cb = { .ctl = ctl };
    const char *file = NULL;
    const char *name = NULL;
    unsigned int screen = 0;
    bool created = false;
    bool ret = false;
    int fd = -1;

    if (vshCommandOptStringReq(ctl, cmd, "file", &file) < 0 ||
        vshCommandOptUInt(ctl, cmd, "screen", &screen) < 0)
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (!(st = virStreamNew(virshConn(ctl), 0)))
        return false;
    if (!(mime = virDomainScreenshot(dom, st, screen, 0))) {
        vshError(ctl, "could not take a screenshot of %s", name);
        return false;
    }
    if (!file)
        file = generated = virshGenFileName(dom, mime);

    if ((fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0666)) >= 0) {
        created = true;
    } else if (errno != EEXIST ||
               (fd = open(file, O_WRONLY | O_TRUNC, 0666)) < 0) {
        vshError(ctl, "cannot create file %s", file);
        return false;
    }

    cb.fd = fd;
    if (virStreamRecvAll(st, virshStreamSink, &cb) < 0) {
        vshError(ctl, "could not receive data from domain '%s'", name);
        goto cleanup;
    }
    if (close(fd) < 0) {
        fd = -1;
        vshError(ctl, "cannot close file %s", file);
        goto cleanup;
    }
    fd = -1;
    if (virStreamFinish(st) < 0) {
        vshError(ctl, "cannot close stream on domain '%s'", name);
        goto cleanup;
    }
    vshPrintExtra(ctl, "Screenshot saved to %s, with type of %s", file, mime);
    ret = true;

 cleanup:
    if (fd >= 0)
        close(fd);
    if (!ret && created)
        unlink(file);
    return ret;
}

const vshCmdDef virshDomainSaveCmds[] = {
    VSH_CMD("dump", cmdDump, dump),
    VSH_CMD("managedsave", cmdManagedsave, managedsave),
    VSH_CMD("managedsave-define", cmdManagedsaveDefine, managedsave_define),
    VSH_CMD("managedsave-dumpxml", cmdManagedsaveDumpxml, managedsave_dumpxml),
    VSH_CMD("managedsave-edit", cmdManagedsaveEdit, managedsave_edit),
    VSH_CMD("managedsave-remove", cmdManagedsaveRemove, managedsave_remove),
    VSH_CMD("restore", cmdRestore, restore),
    VSH_CMD("save", cmdSave, save),
    VSH_CMD("save-image-define", cmdSaveImageDefine, save_image_define),
    VSH_CMD("save-image-dumpxml", cmdSaveImageDumpxml, save_image_dumpxml),
    VSH_CMD("save-image-edit", cmdSaveImageEdit, save_image_edit),
    VSH_CMD("screenshot", cmdScreenshot, screenshot),
    { .name = NULL }
};
