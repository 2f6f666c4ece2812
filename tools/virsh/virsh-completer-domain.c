/*
 * virsh-completer-domain.c: completers for the parts of one domain
 * (its disks, interfaces, ...) and for the words domain options take.
 */
#include <string.h>

#include "virsh.h"

/* Each @xpath value of the nodes @nodes selects in @cmd's domain; NULL
 * when one lacks it. */
static char **
virshDomainXMLValues(vshControl *ctl, const vshCmd *cmd, unsigned int flags,
                     const char *nodes, const char *value,
                     const char *fallback)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *list = NULL;
    g_auto(GStrv) ret = NULL;
    int n;
    int i;

    if (!virshCompleterConn(ctl))
        return NULL;
    if (virshDomainGetXML(ctl, cmd, flags, &doc, &ctxt) < 0 ||
        (n = virshXPathNodeSet(ctl, nodes, ctxt, &list)) < 0)
        return NULL;
    ret = g_new0(char *, n + 1);
    for (i = 0; i < n; i++) {
        ctxt->node = list[i];
        if (value && (ret[i] = virshXPathString(value, ctxt)))
            continue;
        if (!fallback || !(ret[i] = virshXPathString(fallback, ctxt)))
            return NULL;
    }
    return g_steal_pointer(&ret);
}

char **
virshDomainInterfaceCompleter(vshControl *ctl, const vshCmd *cmd,
                              unsigned int flags)
{
    unsigned int xmlflags = 0;

    if (vshCommandOptBool(cmd, "config"))
        xmlflags = VIR_DOMAIN_XML_INACTIVE;
    /* an inactive domain's interfaces have no target: offer the MACs */
    return virshDomainXMLValues(ctl, cmd, xmlflags, "./devices/interface",
                                (flags & VIRSH_DOMAIN_INTERFACE_COMPLETER_MAC) ?
                                NULL : "string(./target/@dev)",
                                "string(./mac/@address)");
}

char **
virshDomainDiskTargetCompleter(vshControl *ctl, const vshCmd *cmd,
                               unsigned int flags G_GNUC_UNUSED)
{
    return virshDomainXMLValues(ctl, cmd, 0, "./devices/disk", NULL,
                                "string(./target/@dev)");
}

char **
virshDomainInterfaceAddrSourceCompleter(vshControl *ctl G_GNUC_UNUSED,
                                        const vshCmd *cmd G_GNUC_UNUSED,
                                        unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshDomainInterfaceAddrSources);
}

/* Disk targets for a comma separated list in option @name. */
static char **
virshDomainDiskTargetListCompleter(vshControl *ctl, const vshCmd *cmd,
                                   const char *name)
{
    g_auto(GStrv) targets = virshDomainDiskTargetCompleter(ctl, cmd, 0);
    const char *cur = NULL;

    if (vshCommandOptStringQuiet(ctl, cmd, name, &cur) < 0 || !targets)
        return NULL;
    return virshCommaStringListComplete(cur, (const char *const *)targets);
}

char **
virshDomainUndefineStorageDisksCompleter(vshControl *ctl, const vshCmd *cmd,
                                         unsigned int flags G_GNUC_UNUSED)
{
    return virshDomainDiskTargetListCompleter(ctl, cmd, "storage");
}

char **
virshDomainShutdownModeCompleter(vshControl *ctl, const vshCmd *cmd,
                                 unsigned int flags G_GNUC_UNUSED)
{
    static const char *const modes[] = {
        "acpi", "agent", "initctl", "signal", "paravirt", NULL,
    };
    const char *mode = NULL;

    if (vshCommandOptStringQuiet(ctl, cmd, "mode", &mode) < 0)
        return NULL;
    return virshCommaStringListComplete(mode, modes);
}
