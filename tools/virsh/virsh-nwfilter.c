/*
 * virsh-nwfilter.c: the "Network Filter" group: filters and bindings.
 */
#include <string.h>

#include "virsh.h"
#include "vsh-table.h"

static virNWFilterPtr
virshCommandOptNWFilter(vshControl *ctl, const vshCmd *cmd, const char **name)
{
    virNWFilterPtr filter = NULL;
    const char *n = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "nwfilter", &n) < 0)
        return NULL;
    vshDebug(ctl, VSH_ERR_INFO, "%s: found option <%s>: %s\n",
             cmd->def->name, "nwfilter", n);
    if (name)
        *name = n;
    if (strlen(n) == VIR_UUID_STRING_BUFLEN - 1) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as nwfilter UUID\n",
                 cmd->def->name, "nwfilter");
        filter = virNWFilterLookupByUUIDString(virshConn(ctl), n);
    }
    if (!filter) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as nwfilter NAME\n",
                 cmd->def->name, "nwfilter");
        filter = virNWFilterLookupByName(virshConn(ctl), n);
    }
    if (!filter)
        vshError(ctl, "failed to get nwfilter '%s'", n);
    return filter;
}

static virNWFilterBindingPtr
virshCommandOptNWFilterBinding(vshControl *ctl, const vshCmd *cmd,
                               const char **name)
{
    virNWFilterBindingPtr binding;
    const char *n = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "binding", &n) < 0)
        return NULL;
    vshDebug(ctl, VSH_ERR_INFO, "%s: found option <%s>: %s\n",
             cmd->def->name, "binding", n);
    if (name)
        *name = n;
    vshDebug(ctl, VSH_ERR_DEBUG,
             "%s: <%s> trying as nwfilter binding port dev\n",
             cmd->def->name, "binding");
    if (!(binding = virNWFilterBindingLookupByPortDev(virshConn(ctl), n)))
        vshError(ctl, "failed to get nwfilter binding '%s'", n);
    return binding;
}

static const vshCmdInfo info_nwfilter_define = {
    .help = "define or update a network filter from an XML file",
    .desc = "Define a new network filter or update an existing one.",
};

static const vshCmdOptDef opts_nwfilter_define[] = {
    VSH_DATA("file", "file containing an XML network filter description",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdNwfilterDefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNWFilter) filter = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_NWFILTER_DEFINE_VALIDATE;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (flags)
        filter = virNWFilterDefineXMLFlags(virshConn(ctl), buffer, flags);
    else
        filter = virNWFilterDefineXML(virshConn(ctl), buffer);
    if (!filter) {
        vshError(ctl, "Failed to define network filter from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Network filter %s defined from %s\n",
                  virNWFilterGetName(filter), from);
    return true;
}

static const vshCmdInfo info_nwfilter_undefine = {
    .help = "undefine a network filter",
    .desc = "Undefine a given network filter.",
};

static const vshCmdOptDef opts_nwfilter_undefine[] = {
    VSH_DATA("nwfilter", "network filter name or uuid",
        .completer = virshNWFilterNameCompleter),
    VSH_OPT_END
};

static bool
cmdNwfilterUndefine(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNWFilter) filter = NULL;
    const char *name;

    if (!(filter = virshCommandOptNWFilter(ctl, cmd, &name)))
        return false;
    if (virNWFilterUndefine(filter) != 0) {
        vshError(ctl, "Failed to undefine network filter %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Network filter %s undefined\n", name);
    return true;
}

static const vshCmdInfo info_nwfilter_dumpxml = {
    .help = "network filter information in XML",
    .desc = "Output the network filter information as an XML dump to stdout.",
};

static const vshCmdOptDef opts_nwfilter_dumpxml[] = {
    VSH_DATA("nwfilter", "network filter name or uuid",
        .completer = virshNWFilterNameCompleter),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdNwfilterDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNWFilter) filter = NULL;
    g_autofree char *xml = NULL;
    const char *xpath = NULL;

    if (!(filter = virshCommandOptNWFilter(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virNWFilterGetXMLDesc(filter, 0)))
        return false;
    return virshDumpXML(ctl, xml, "nwfilter", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_nwfilter_list = {
    .help = "list network filters",
    .desc = "Returns list of network filters.",
};

static const vshCmdOptDef opts_nwfilter_list[] = {
    VSH_OPT_END
};

static int
virshNWFilterSorter(const void *a, const void *b)
{
    virNWFilterPtr fa = *(virNWFilterPtr *)a;
    virNWFilterPtr fb = *(virNWFilterPtr *)b;

    if (fa && !fb)
        return -1;
    if (!fa)
        return fb != NULL;
    return strcasecmp(virNWFilterGetName(fa), virNWFilterGetName(fb));
}

/* The filters by the old calls; -1 (reported) on error. */
static int
virshNWFilterListOld(vshControl *ctl, virNWFilterPtr **list)
{
    virConnectPtr conn = virshConn(ctl);
    g_auto(GStrv) names = NULL;
    int kept = 0;
    int n;
    int i;

    if ((n = virConnectNumOfNWFilters(conn)) < 0) {
        vshError(ctl, "%s", "Failed to count network filters");
        return -1;
    }
    *list = g_new0(virNWFilterPtr, n + 1);
    if (n == 0)
        return 0;
    names = g_new0(char *, n + 1);
    if ((n = virConnectListNWFilters(conn, names, n)) < 0) {
        vshError(ctl, "%s", "Failed to list network filters");
        return -1;
    }
    for (i = 0; i < n; i++) {
        virNWFilterPtr f = virNWFilterLookupByName(conn, names[i]);

        if (f)
            (*list)[kept++] = f;
    }
    return kept;
}

static bool
cmdNwfilterList(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autoptr(vshTable) table = NULL;
    virNWFilterPtr *filters = NULL;
    int n;
    int i;

    if ((n = virConnectListAllNWFilters(virshConn(ctl), &filters, 0)) < 0) {
        if (vshLastErrorCode() != VIR_ERR_NO_SUPPORT) {
            vshError(ctl, "%s", "Failed to list network filters");
            return false;
        }
        vshResetLibvirtError();
        if ((n = virshNWFilterListOld(ctl, &filters)) < 0) {
            g_free(filters);
            return false;
        }
    }
    if (n > 0)
        qsort(filters, n, sizeof(*filters), virshNWFilterSorter);

    table = vshTableNew("UUID", "Name", NULL);
    for (i = 0; i < n; i++) {
        char uuid[VIR_UUID_STRING_BUFLEN];

        virNWFilterGetUUIDString(filters[i], uuid);
        vshTableRowAppend(table, uuid, virNWFilterGetName(filters[i]), NULL);
    }
    vshTablePrintToStdout(table, ctl);
    for (i = 0; i < n; i++)
        virshNWFilterFree(filters[i]);
    g_free(filters);
    return true;
}

static const vshCmdInfo info_nwfilter_edit = {
    .help = "edit XML configuration for a network filter",
    .desc = "Edit the XML configuration for a network filter.",
};

static const vshCmdOptDef opts_nwfilter_edit[] = {
    VSH_DATA("nwfilter", "network filter name or uuid",
        .completer = virshNWFilterNameCompleter),
    VSH_OPT_END
};

typedef struct {
    virNWFilterPtr filter;
    virNWFilterPtr edited;
} virshEditNWFilter;

static char *
virshEditNWFilterGetXML(vshControl *ctl G_GNUC_UNUSED, void *opaque)
{
    return virNWFilterGetXMLDesc(((virshEditNWFilter *)opaque)->filter, 0);
}

static void
virshEditNWFilterNotChanged(vshControl *ctl, void *opaque)
{
    vshPrintExtra(ctl, "Network filter %s XML configuration not changed.\n",
                  virNWFilterGetName(((virshEditNWFilter *)opaque)->filter));
}

static bool
virshEditNWFilterDefine(vshControl *ctl, const char *xml, void *opaque)
{
    virshEditNWFilter *e = opaque;

    virshNWFilterFree(e->edited);
    e->edited = virNWFilterDefineXML(virshConn(ctl), xml);
    return e->edited != NULL;
}

static bool
cmdNwfilterEdit(vshControl *ctl, const vshCmd *cmd)
{
    static const vshEditOps ops = {
        .getXML = virshEditNWFilterGetXML,
        .notChanged = virshEditNWFilterNotChanged,
        .define = virshEditNWFilterDefine,
    };
    g_autoptr(virshNWFilter) filter = NULL;
    virshEditNWFilter e = { 0 };
    int rc;

    if (!(filter = virshCommandOptNWFilter(ctl, cmd, NULL)))
        return false;
    e.filter = filter;
    rc = vshEditLoop(ctl, &ops, &e);
    if (rc == 0)
        vshPrintExtra(ctl, "Network filter %s XML configuration edited.\n",
                      e.edited ? virNWFilterGetName(e.edited) : "(null)");
    virshNWFilterFree(e.edited);
    return rc >= 0;
}

/* ---- bindings ---- */

static const vshCmdInfo info_nwfilter_binding_create = {
    .help = "create a network filter binding from an XML file",
    .desc = "Create a new network filter binding.",
};

static const vshCmdOptDef opts_nwfilter_binding_create[] = {
    VSH_DATA("file",
        "file containing an XML network filter binding description",
        .completer = virshCompletePathLocalExisting),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdNwfilterBindingCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNWFilterBinding) binding = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_NWFILTER_BINDING_CREATE_VALIDATE;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (!(binding = virNWFilterBindingCreateXML(virshConn(ctl), buffer,
                                                flags))) {
        vshError(ctl, "Failed to create network filter from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Network filter binding on %s created from %s\n",
                  virNWFilterBindingGetPortDev(binding), from);
    return true;
}

static const vshCmdInfo info_nwfilter_binding_delete = {
    .help = "delete a network filter binding",
    .desc = "Delete a given network filter binding.",
};

static const vshCmdOptDef opts_nwfilter_binding_delete[] = {
    VSH_DATA("binding", "network filter binding port dev",
        .completer = virshNWFilterBindingNameCompleter),
    VSH_OPT_END
};

static bool
cmdNwfilterBindingDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNWFilterBinding) binding = NULL;
    const char *portdev;

    if (!(binding = virshCommandOptNWFilterBinding(ctl, cmd, &portdev)))
        return false;
    if (virNWFilterBindingDelete(binding) != 0) {
        vshError(ctl, "Failed to delete network filter binding on %s", portdev);
        return false;
    }
    vshPrintExtra(ctl, "Network filter binding on %s deleted\n", portdev);
    return true;
}

static const vshCmdInfo info_nwfilter_binding_dumpxml = {
    .help = "network filter information in XML",
    .desc = "Output the network filter information as an XML dump to stdout.",
};

static const vshCmdOptDef opts_nwfilter_binding_dumpxml[] = {
    VSH_DATA("binding", "network filter binding portdev",
        .completer = virshNWFilterBindingNameCompleter),
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdNwfilterBindingDumpxml(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshNWFilterBinding) binding = NULL;
    g_autofree char *xml = NULL;

    if (!(binding = virshCommandOptNWFilterBinding(ctl, cmd, NULL)))
        return false;
    /* as virsh 9.0.0: --xpath is accepted but not applied */
    if (!(xml = virNWFilterBindingGetXMLDesc(binding, 0)))
        return true;
    return virshDumpXML(ctl, xml, "nwfilter-binding", NULL,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_nwfilter_binding_list = {
    .help = "list network filter bindings",
    .desc = "Returns list of network filter bindings.",
};

static const vshCmdOptDef opts_nwfilter_binding_list[] = {
    VSH_OPT_END
};

static int
virshNWFilterBindingSorter(const void *a, const void *b)
{
    virNWFilterBindingPtr fa = *(virNWFilterBindingPtr *)a;
    virNWFilterBindingPtr fb = *(virNWFilterBindingPtr *)b;

    if (fa && !fb)
        return -1;
    if (!fa)
        return fb != NULL;
    return strcasecmp(virNWFilterBindingGetPortDev(fa),
                      virNWFilterBindingGetPortDev(fb));
}

static bool
cmdNwfilterBindingList(vshControl *ctl, const vshCmd *cmd G_GNUC_UNUSED)
{
    g_autoptr(vshTable) table = NULL;
    virNWFilterBindingPtr *bindings = NULL;
    int n;
    int i;

    if ((n = virConnectListAllNWFilterBindings(virshConn(ctl), &bindings,
                                               0)) < 0) {
        vshError(ctl, "%s", "Failed to list network filter bindings");
        return false;
    }
    if (n > 1)
        qsort(bindings, n, sizeof(*bindings), virshNWFilterBindingSorter);
    table = vshTableNew("Port Dev", "Filter", NULL);
    for (i = 0; i < n; i++) {
        vshTableRowAppend(table, virNWFilterBindingGetPortDev(bindings[i]),
                          virNWFilterBindingGetFilterName(bindings[i]), NULL);
        virshNWFilterBindingFree(bindings[i]);
    }
    g_free(bindings);
    vshTablePrintToStdout(table, ctl);
    return true;
}

const vshCmdDef nwfilterCmds[] = {
    VSH_CMD("nwfilter-define", cmdNwfilterDefine, nwfilter_define),
    VSH_CMD("nwfilter-dumpxml", cmdNwfilterDumpxml, nwfilter_dumpxml),
    VSH_CMD("nwfilter-edit", cmdNwfilterEdit, nwfilter_edit),
    VSH_CMD("nwfilter-list", cmdNwfilterList, nwfilter_list),
    VSH_CMD("nwfilter-undefine", cmdNwfilterUndefine, nwfilter_undefine),
    VSH_CMD("nwfilter-binding-create", cmdNwfilterBindingCreate, nwfilter_binding_create),
    VSH_CMD("nwfilter-binding-delete", cmdNwfilterBindingDelete, nwfilter_binding_delete),
    VSH_CMD("nwfilter-binding-dumpxml", cmdNwfilterBindingDumpxml, nwfilter_binding_dumpxml),
    VSH_CMD("nwfilter-binding-list", cmdNwfilterBindingList, nwfilter_binding_list),
    { .name = NULL }
};
