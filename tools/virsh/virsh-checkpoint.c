/*
 * virsh-checkpoint.c: the Checkpoint group: checkpoint-create,
 * -create-as, -delete, -dumpxml, -edit, -info, -list, -parent.
 */
#include <string.h>
#include <strings.h>

#include "virsh.h"
#include "vsh-table.h"

#define VIRSH_OPT_CHK_DOMAIN(CFLAGS) \
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT | (CFLAGS))
#define VIRSH_OPT_CHKNAME(HELP) \
    VSH_STRING("checkpointname", HELP, \
               .completer = virshCheckpointNameCompleter)

/* ---- completer ---- */

static const char *
virshCheckpointListName(void *list, size_t i)
{
    return virDomainCheckpointGetName(((virDomainCheckpointPtr *)list)[i]);
}

char **
virshCheckpointNameCompleter(vshControl *ctl, const vshCmd *cmd,
                             unsigned int flags)
{
    g_autoptr(virshDomain) dom = NULL;
    virDomainCheckpointPtr *chks = NULL;
    char **ret;
    int n;
    int i;

    if (!virshCompleterConn(ctl) ||
        !(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return NULL;
    if ((n = virDomainListAllCheckpoints(dom, &chks, flags)) < 0)
        return NULL;
    ret = virshCompleteList(n, virshCheckpointListName, chks);
    for (i = 0; i < n; i++)
        virshDomainCheckpointFree(chks[i]);
    g_free(chks);
    return ret;
}

/* ---- checkpoint-create, checkpoint-create-as ---- */

static bool
virshCheckpointCreate(vshControl *ctl, virDomainPtr dom, const char *xml,
                      unsigned int flags, const char *from)
{
    g_autoptr(virshDomainCheckpoint) chk = NULL;
    const char *name;

    if (!(chk = virDomainCheckpointCreateXML(dom, xml, flags)))
        return false;
    if (!(name = virDomainCheckpointGetName(chk))) {
        vshError(ctl, "%s", "Could not get checkpoint name");
        return false;
    }
    if (from)
        vshPrintExtra(ctl, "Domain checkpoint %s created from '%s'",
                      name, from);
    else
        vshPrintExtra(ctl, "Domain checkpoint %s created", name);
    return true;
}

static const vshCmdInfo info_checkpoint_create = {
    .help = "Create a checkpoint from XML",
    .desc = "Create a checkpoint from XML for use in future incremental "
            "backups",
};

static const vshCmdOptDef opts_checkpoint_create[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("xmlfile", "domain checkpoint XML",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("redefine", "redefine metadata for existing checkpoint"),
    VSH_BOOL("redefine-validate", "validate the redefined checkpoint"),
    VSH_BOOL("quiesce", "quiesce guest's file systems"),
    VSH_OPT_END
};

static bool
cmdCheckpointCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *xml = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    VSH_REQUIRE_OPTION("redefine-validate", "redefine");
    if (vshCommandOptBool(cmd, "redefine"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE;
    if (vshCommandOptBool(cmd, "redefine-validate"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE;
    if (vshCommandOptBool(cmd, "quiesce"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "xmlfile", &from) < 0)
        return false;
    if (!from)
        xml = g_strdup("<domaincheckpoint/>");
    else if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &xml) < 0)
        return false;
    return virshCheckpointCreate(ctl, dom, xml, flags, from);
}

/* A --diskspec disk[,checkpoint=type][,bitmap=name] as a <disk/> line */
static bool
virshCheckpointDiskspec(vshControl *ctl, GString *buf, const char *str)
{
    g_auto(GStrv) words = NULL;
    const char *checkpoint = NULL;
    const char *bitmap = NULL;
    int n = vshStringToArray(str, &words);
    int i;

    for (i = 1; i < n; i++) {
        if (!checkpoint && g_str_has_prefix(words[i], "checkpoint="))
            checkpoint = words[i] + strlen("checkpoint=");
        else if (!bitmap && g_str_has_prefix(words[i], "bitmap="))
            bitmap = words[i] + strlen("bitmap=");
        else
            break;
    }
    if (n < 0 || i < n) {
        vshError(ctl, "unable to parse diskspec: %s", str);
        return false;
    }
    if (n == 0) {
        /* libvirt's virsh splits "" into one NULL name: a bare "/>" */
        g_string_append(buf, "    />\n");
        return true;
    }
    virshXMLEscapeAppend(buf, "    <disk name='%s'", words[0]);
    if (checkpoint)
        g_string_append_printf(buf, " checkpoint='%s'", checkpoint);
    if (bitmap)
        g_string_append_printf(buf, " bitmap='%s'", bitmap);
    g_string_append(buf, "/>\n");
    return true;
}

static const vshCmdInfo info_checkpoint_create_as = {
    .help = "Create a checkpoint from a set of args",
    .desc = "Create a checkpoint from arguments for use in future "
            "incremental backups",
};

static const vshCmdOptDef opts_checkpoint_create_as[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_STRING("name", "name of checkpoint", .completer = virshCompleteEmpty),
    VSH_STRING("description", "description of checkpoint",
        .completer = virshCompleteEmpty),
    VSH_BOOL("print-xml", "print XML document rather than create"),
    VSH_BOOL("quiesce", "quiesce guest's file systems"),
    VSH_ARGV("diskspec", "disk attributes: disk[,checkpoint=type][,bitmap=name]"),
    VSH_OPT_END
};

static bool
cmdCheckpointCreateAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(GString) buf = g_string_new("<domaincheckpoint>\n");
    const char *name = NULL;
    const char *desc = NULL;
    const vshCmdOpt *opt = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "quiesce"))
        flags |= VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "name", &name) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "description", &desc) < 0)
        return false;
    virshXMLEscapeAppend(buf, "  <name>%s</name>\n", name);
    virshXMLEscapeAppend(buf, "  <description>%s</description>\n", desc);
    if (vshCommandOptBool(cmd, "diskspec")) {
        g_string_append(buf, "  <disks>\n");
        while ((opt = vshCommandOptArgv(ctl, cmd, opt))) {
            if (!virshCheckpointDiskspec(ctl, buf, opt->data))
                return false;
        }
        g_string_append(buf, "  </disks>\n");
    }
    g_string_append(buf, "</domaincheckpoint>\n");

    if (vshCommandOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s\n", buf->str);
        return true;
    }
    return virshCheckpointCreate(ctl, dom, buf->str, flags, NULL);
}

/* ---- lookups ---- */

static int
virshLookupCheckpoint(vshControl *ctl, const vshCmd *cmd, const char *arg,
                      virDomainPtr dom, virDomainCheckpointPtr *chk,
                      const char **name)
{
    const char *chkname = NULL;

    if (vshCommandOptStringReq(ctl, cmd, arg, &chkname) < 0)
        return -1;
    if (!chkname) {
        vshError(ctl, "--%s is required", arg);
        return -1;
    }
    if (!(*chk = virDomainCheckpointLookupByName(dom, chkname, 0))) {
        vshReportError(ctl);
        return -1;
    }
    *name = virDomainCheckpointGetName(*chk);
    return 0;
}

/* The name of @chk's parent in *parent (NULL for a root); -1 with an
 * error printed. */
static int
virshGetCheckpointParent(vshControl *ctl, virDomainCheckpointPtr chk,
                         char **parent)
{
    g_autoptr(virshDomainCheckpoint) p = NULL;

    *parent = NULL;
    if ((p = virDomainCheckpointGetParent(chk, 0))) {
        *parent = g_strdup(virDomainCheckpointGetName(p));
    } else if (vshLastErrorCode() != VIR_ERR_NO_DOMAIN_CHECKPOINT) {
        vshReportError(ctl);
        vshError(ctl, "%s", "unable to determine if checkpoint has parent");
        return -1;
    }
    vshResetLibvirtError();
    return 0;
}

/* ---- checkpoint-edit ---- */

static const vshCmdInfo info_checkpoint_edit = {
    .help = "edit XML for a checkpoint",
    .desc = "Edit the domain checkpoint XML for a named checkpoint",
};

static const vshCmdOptDef opts_checkpoint_edit[] = {
    VIRSH_OPT_CHK_DOMAIN(0),
    VIRSH_OPT_CHKNAME("checkpoint name"),
    VSH_OPT_END
};

typedef struct {
    virDomainPtr dom;
    virDomainCheckpointPtr chk;
    virDomainCheckpointPtr edited;
    const char *name;
} virshCheckpointEdit;

static char *
virshCheckpointEditGetXML(vshControl *ctl G_GNUC_UNUSED, void *opaque)
{
    virshCheckpointEdit *e = opaque;

    return virDomainCheckpointGetXMLDesc(e->chk,
                                         VIR_DOMAIN_CHECKPOINT_XML_SECURE);
}

static void
virshCheckpointEditNotChanged(vshControl *ctl, void *opaque)
{
    virshCheckpointEdit *e = opaque;

    vshPrintExtra(ctl, "Checkpoint %s XML configuration not changed.\n",
                  e->name);
}

static bool
virshCheckpointEditDefine(vshControl *ctl G_GNUC_UNUSED, const char *xml,
                          void *opaque)
{
    virshCheckpointEdit *e = opaque;

    if (e->edited)
        virshDomainCheckpointFree(e->edited);
    e->edited = virDomainCheckpointCreateXML(e->dom, xml,
                                             VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    return e->edited != NULL;
}

static const vshEditOps virshCheckpointEditOps = {
    .getXML = virshCheckpointEditGetXML,
    .notChanged = virshCheckpointEditNotChanged,
    .define = virshCheckpointEditDefine,
};

/* A checkpoint cannot be renamed: undo a define under a new name. */
static bool
virshCheckpointEditFinish(vshControl *ctl, virshCheckpointEdit *e)
{
    const char *edited = virDomainCheckpointGetName(e->edited);

    if (strcmp(e->name, edited) == 0) {
        vshPrintExtra(ctl, "Checkpoint %s edited.\n", e->name);
        return true;
    }
    if (virDomainCheckpointDelete(e->edited,
                                  VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY) < 0) {
        vshReportError(ctl);
        vshError(ctl, "Failed to clean up %s", edited);
        return false;
    }
    vshError(ctl, "Cannot rename checkpoint %s to %s", e->name, edited);
    return false;
}

static bool
cmdCheckpointEdit(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainCheckpoint) chk = NULL;
    virshCheckpointEdit e = { NULL };
    bool ret = false;
    int rc;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupCheckpoint(ctl, cmd, "checkpointname", dom,
                              &chk, &e.name) < 0)
        return false;
    e.dom = dom;
    e.chk = chk;
    if ((rc = vshEditLoop(ctl, &virshCheckpointEditOps, &e)) > 0)
        ret = true;
    else if (rc == 0 && e.edited)
        ret = virshCheckpointEditFinish(ctl, &e);
    if (e.edited)
        virshDomainCheckpointFree(e.edited);
    if (!ret)
        vshError(ctl, "Failed to update %s", e.name);
    return ret;
}

/* ---- checkpoint-info ---- */

static const vshCmdInfo info_checkpoint_info = {
    .help = "checkpoint information",
    .desc = "Returns basic information about a checkpoint.",
};

static const vshCmdOptDef opts_checkpoint_info[] = {
    VIRSH_OPT_CHK_DOMAIN(0),
    VIRSH_OPT_CHKNAME("checkpoint name"),
    VSH_OPT_END
};

static bool
cmdCheckpointInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainCheckpoint) chk = NULL;
    g_autofree char *parent = NULL;
    const char *name;
    int count;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupCheckpoint(ctl, cmd, "checkpointname", dom, &chk, &name) < 0)
        return false;
    vshPrint(ctl, "%-15s %s\n", "Name:", name);
    vshPrint(ctl, "%-15s %s\n", "Domain:", virDomainGetName(dom));
    if (virshGetCheckpointParent(ctl, chk, &parent) < 0) {
        vshError(ctl, "%s", "unexpected problem querying checkpoint state");
        return false;
    }
    vshPrint(ctl, "%-15s %s\n", "Parent:", parent ? parent : "-");

    if ((count = virDomainCheckpointListAllChildren(chk, NULL, 0)) < 0) {
        if (vshLastErrorCode() == VIR_ERR_NO_SUPPORT) {
            vshResetLibvirtError();
            return true;
        }
        return false;
    }
    vshPrint(ctl, "%-15s %d\n", "Children:", count);
    count = virDomainCheckpointListAllChildren(chk, NULL,
                                               VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS);
    if (count < 0)
        return false;
    vshPrint(ctl, "%-15s %d\n", "Descendants:", count);
    return true;
}

/* ---- checkpoint-list ---- */

typedef struct {
    virDomainCheckpointPtr chk;
    char *parent;
} virshChk;

typedef struct {
    virshChk *chks;
    int nchks;
} virshChkList;

static void
virshChkListFree(virshChkList *list)
{
    int i;

    if (!list)
        return;
    for (i = 0; i < list->nchks; i++) {
        virshDomainCheckpointFree(list->chks[i].chk);
        g_free(list->chks[i].parent);
    }
    g_free(list->chks);
    g_free(list);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virshChkList, virshChkListFree);

static int
virshChkSorter(const void *a, const void *b)
{
    const virshChk *sa = a;
    const virshChk *sb = b;

    return strcasecmp(virDomainCheckpointGetName(sa->chk),
                      virDomainCheckpointGetName(sb->chk));
}

static virshChkList *
virshChkListCollect(vshControl *ctl, virDomainPtr dom,
                    virDomainCheckpointPtr from, unsigned int flags, bool tree)
{
    g_autoptr(virshChkList) list = g_new0(virshChkList, 1);
    virDomainCheckpointPtr *chks = NULL;
    int count;
    int i;

    if (from)
        count = virDomainCheckpointListAllChildren(from, &chks, flags);
    else
        count = virDomainListAllCheckpoints(dom, &chks, flags);
    if (count < 0) {
        vshError(ctl, "%s", "unexpected problem querying checkpoints");
        return NULL;
    }
    list->chks = g_new0(virshChk, count + 1);
    for (i = 0; i < count; i++)
        list->chks[i].chk = chks[i];
    list->nchks = count;
    g_free(chks);
    if (tree) {
        for (i = 0; i < count; i++) {
            if (virshGetCheckpointParent(ctl, list->chks[i].chk,
                                         &list->chks[i].parent) < 0)
                return NULL;
        }
        if (from) {
            virDomainCheckpointRef(from);
            list->chks[list->nchks++].chk = from;
        }
    }
    if (!(flags & VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL))
        qsort(list->chks, list->nchks, sizeof(*list->chks), virshChkSorter);
    return g_steal_pointer(&list);
}

static const char *
virshChkListLookup(int id, bool parent, void *opaque)
{
    virshChkList *list = opaque;

    if (parent)
        return list->chks[id].parent;
    return virDomainCheckpointGetName(list->chks[id].chk);
}

static const vshCmdInfo info_checkpoint_list = {
    .help = "List checkpoints for a domain",
    .desc = "Checkpoint List",
};

static const vshCmdOptDef opts_checkpoint_list[] = {
    VIRSH_OPT_CHK_DOMAIN(0),
    VSH_BOOL("parent", "add a column showing parent checkpoint"),
    VSH_BOOL("roots", "list only checkpoints without parents"),
    VSH_BOOL("leaves", "list only checkpoints without children"),
    VSH_BOOL("no-leaves",
        "list only checkpoints that are not leaves (with children)"),
    VSH_BOOL("tree", "list checkpoints in a tree"),
    VSH_STRING("from", "limit list to children of given checkpoint",
        .completer = virshCheckpointNameCompleter),
    VSH_BOOL("descendants", "with --from, list all descendants"),
    VSH_BOOL("name", "list checkpoint names only"),
    VSH_BOOL("topological", "sort list topologically rather than by name"),
    VSH_OPT_END
};

static bool
virshCheckpointListFlags(vshControl *ctl, const vshCmd *cmd, bool tree,
                         unsigned int *flags)
{
    static const char *const filters[] = { "leaves", "no-leaves" };
    static const unsigned int bits[] = {
        VIR_DOMAIN_CHECKPOINT_LIST_LEAVES, VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES,
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(filters); i++) {
        if (!vshCommandOptBool(cmd, filters[i]))
            continue;
        if (tree) {
            vshError(ctl, "--%s and --tree are mutually exclusive", filters[i]);
            return false;
        }
        *flags |= bits[i];
    }
    if (vshCommandOptBool(cmd, "topological"))
        *flags |= VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL;
    if (vshCommandOptBool(cmd, "roots"))
        *flags |= VIR_DOMAIN_CHECKPOINT_LIST_ROOTS;
    if (vshCommandOptBool(cmd, "descendants")) {
        if (!vshCommandOptBool(cmd, "from")) {
            vshError(ctl, "%s", "--descendants requires --from");
            return false;
        }
        *flags |= VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS;
    }
    return true;
}

static int
virshCheckpointListRow(vshTable *table, virDomainCheckpointPtr chk,
                       bool parent)
{
    g_autofree char *xml = NULL;
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree char *parentName = NULL;
    g_autofree char *secs = NULL;
    g_autofree char *when = NULL;
    const char *name = virDomainCheckpointGetName(chk);

    if (!(xml = virDomainCheckpointGetXMLDesc(chk, 0)) ||
        !(doc = virshXMLParse(xml, "(domain_checkpoint)", &ctxt)))
        return 0;
    if (parent)
        parentName = virshXPathString("string(/domaincheckpoint/parent/name)",
                                      ctxt);
    secs = virshXPathString("string(/domaincheckpoint/creationTime)", ctxt);
    if (!(when = virshFormatCreationTime(secs)))
        return 0;
    if (parent)
        return vshTableRowAppend(table, name, when,
                                 parentName ? parentName : "", NULL);
    return vshTableRowAppend(table, name, when, NULL);
}

static bool
cmdCheckpointList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainCheckpoint) start = NULL;
    g_autoptr(virshChkList) list = NULL;
    g_autoptr(vshTable) table = NULL;
    bool tree = vshCommandOptBool(cmd, "tree");
    bool name = vshCommandOptBool(cmd, "name");
    bool from = vshCommandOptBool(cmd, "from");
    bool parent = vshCommandOptBool(cmd, "parent");
    bool roots = vshCommandOptBool(cmd, "roots");
    const char *fromName = NULL;
    unsigned int flags = 0;
    int i;

    VSH_EXCLUSIVE_OPTIONS_VAR(tree, name);
    VSH_EXCLUSIVE_OPTIONS_VAR(parent, roots);
    VSH_EXCLUSIVE_OPTIONS_VAR(parent, tree);
    VSH_EXCLUSIVE_OPTIONS_VAR(roots, tree);
    VSH_EXCLUSIVE_OPTIONS_VAR(roots, from);
    if (!virshCheckpointListFlags(ctl, cmd, tree, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (from &&
        virshLookupCheckpoint(ctl, cmd, "from", dom, &start, &fromName) < 0)
        return false;
    if (!(list = virshChkListCollect(ctl, dom, start, flags, tree)))
        return false;

    if (tree) {
        for (i = 0; i < list->nchks; i++) {
            if (!list->chks[i].parent &&
                vshTreePrint(ctl, virshChkListLookup, list, list->nchks, i) < 0)
                return false;
        }
        return true;
    }
    if (name) {
        for (i = 0; i < list->nchks; i++)
            vshPrint(ctl, "%s\n", virDomainCheckpointGetName(list->chks[i].chk));
        return true;
    }
    if (parent)
        table = vshTableNew("Name", "Creation Time", "Parent", NULL);
    else
        table = vshTableNew("Name", "Creation Time", NULL);
    for (i = 0; i < list->nchks; i++) {
        if (virshCheckpointListRow(table, list->chks[i].chk, parent) < 0)
            return false;
    }
    vshTablePrintToStdout(table, ctl);
    return true;
}

/* ---- checkpoint-dumpxml, checkpoint-parent, checkpoint-delete ---- */

static const vshCmdInfo info_checkpoint_dumpxml = {
    .help = "Dump XML for a domain checkpoint",
    .desc = "Checkpoint Dump XML",
};

static const vshCmdOptDef opts_checkpoint_dumpxml[] = {
    VIRSH_OPT_CHK_DOMAIN(0),
    VIRSH_OPT_CHKNAME("checkpoint name"),
    VSH_BOOL("security-info",
        "include security sensitive information in XML dump"),
    VSH_BOOL("no-domain", "exclude <domain> from XML"),
    VSH_BOOL("size", "include backup size estimate in XML dump"),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdCheckpointDumpXML(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainCheckpoint) chk = NULL;
    g_autofree char *xml = NULL;
    const char *name = NULL;
    const char *xpath = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "security-info"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_SECURE;
    if (vshCommandOptBool(cmd, "no-domain"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN;
    if (vshCommandOptBool(cmd, "size"))
        flags |= VIR_DOMAIN_CHECKPOINT_XML_SIZE;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (virshLookupCheckpoint(ctl, cmd, "checkpointname", dom, &chk, &name) < 0)
        return false;
    if (!(xml = virDomainCheckpointGetXMLDesc(chk, flags)))
        return false;
    return virshDumpXML(ctl, xml, "domain-checkpoint", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_checkpoint_parent = {
    .help = "Get the name of the parent of a checkpoint",
    .desc = "Extract the checkpoint's parent, if any",
};

static const vshCmdOptDef opts_checkpoint_parent[] = {
    VIRSH_OPT_CHK_DOMAIN(0),
    VIRSH_OPT_CHKNAME("find parent of checkpoint name"),
    VSH_OPT_END
};

static bool
cmdCheckpointParent(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainCheckpoint) chk = NULL;
    g_autofree char *parent = NULL;
    const char *name = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupCheckpoint(ctl, cmd, "checkpointname", dom, &chk, &name) < 0)
        return false;
    if (virshGetCheckpointParent(ctl, chk, &parent) < 0)
        return false;
    if (!parent) {
        vshError(ctl, "checkpoint '%s' has no parent", name);
        return false;
    }
    vshPrint(ctl, "%s", parent);
    return true;
}

static const vshCmdInfo info_checkpoint_delete = {
    .help = "Delete a domain checkpoint",
    .desc = "Checkpoint Delete",
};

static const vshCmdOptDef opts_checkpoint_delete[] = {
    VIRSH_OPT_CHK_DOMAIN(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VIRSH_OPT_CHKNAME("checkpoint name"),
    VSH_BOOL("children", "delete checkpoint and all children"),
    VSH_BOOL("children-only", "delete children but not checkpoint"),
    VSH_BOOL("metadata",
        "delete only libvirt metadata, leaving checkpoint contents behind"),
    VSH_OPT_END
};

static bool
cmdCheckpointDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(virshDomainCheckpoint) chk = NULL;
    const char *name = NULL;
    unsigned int flags = 0;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshLookupCheckpoint(ctl, cmd, "checkpointname", dom, &chk, &name) < 0)
        return false;
    if (vshCommandOptBool(cmd, "children"))
        flags |= VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN;
    if (vshCommandOptBool(cmd, "children-only"))
        flags |= VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY;
    if (vshCommandOptBool(cmd, "metadata"))
        flags |= VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY;
    if (virDomainCheckpointDelete(chk, flags) < 0) {
        vshError(ctl, "Failed to delete checkpoint %s", name);
        return false;
    }
    if (flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)
        vshPrintExtra(ctl, "Domain checkpoint %s children deleted\n", name);
    else
        vshPrintExtra(ctl, "Domain checkpoint %s deleted\n", name);
    return true;
}

const vshCmdDef checkpointCmds[] = {
    VSH_CMD("checkpoint-create", cmdCheckpointCreate, checkpoint_create),
    VSH_CMD("checkpoint-create-as", cmdCheckpointCreateAs, checkpoint_create_as),
    VSH_CMD("checkpoint-delete", cmdCheckpointDelete, checkpoint_delete),
    VSH_CMD("checkpoint-dumpxml", cmdCheckpointDumpXML, checkpoint_dumpxml),
    VSH_CMD("checkpoint-edit", cmdCheckpointEdit, checkpoint_edit),
    VSH_CMD("checkpoint-info", cmdCheckpointInfo, checkpoint_info),
    VSH_CMD("checkpoint-list", cmdCheckpointList, checkpoint_list),
    VSH_CMD("checkpoint-parent", cmdCheckpointParent, checkpoint_parent),
    { .name = NULL }
};
