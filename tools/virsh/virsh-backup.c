/*
 * virsh-backup.c: the Backup group: backup-begin and backup-dumpxml.
 * (domjobinfo and domjobabort, which watch and end a backup, are in
 * virsh-domain-job.c.)
 */
#include "virsh.h"

static const vshCmdInfo info_backup_begin = {
    .help = "Start a disk backup of a live domain",
    .desc = "Use XML to start a full or incremental disk backup of a live "
            "domain, optionally creating a checkpoint",
};

static const vshCmdOptDef opts_backup_begin[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("backupxml", "domain backup XML",
        .completer = virshCompletePathLocalExisting),
    VSH_STRING("checkpointxml", "domain checkpoint XML",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("reuse-external", "reuse files provided by caller"),
    VSH_OPT_END
};

static bool
cmdBackupBegin(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *backupXML = NULL;
    g_autofree char *checkXML = NULL;
    const char *backupFile = NULL;
    const char *checkFile = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "reuse-external"))
        flags |= VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "backupxml", &backupFile) < 0)
        return false;
    if (!backupFile)
        backupXML = g_strdup("<domainbackup/>");
    else if (virshFileReadAll(ctl, backupFile, VSH_MAX_XML_FILE,
                              &backupXML) < 0)
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "checkpointxml", &checkFile) < 0)
        return false;
    if (checkFile &&
        virshFileReadAll(ctl, checkFile, VSH_MAX_XML_FILE, &checkXML) < 0)
        return false;
    if (virDomainBackupBegin(dom, backupXML, checkXML, flags) < 0)
        return false;
    vshPrint(ctl, "Backup started\n");
    return true;
}

static const vshCmdInfo info_backup_dumpxml = {
    .help = "Dump XML for an ongoing domain block backup job",
    .desc = "Backup Dump XML",
};

static const vshCmdOptDef opts_backup_dumpxml[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdBackupDumpXML(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *xpath = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virDomainBackupGetXMLDesc(dom, 0)))
        return false;
    return virshDumpXML(ctl, xml, "domain-backup", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

const vshCmdDef backupCmds[] = {
    VSH_CMD("backup-begin", cmdBackupBegin, backup_begin),
    VSH_CMD("backup-dumpxml", cmdBackupDumpXML, backup_dumpxml),
    { .name = NULL }
};
