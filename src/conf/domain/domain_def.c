/*
 * domain_def.c: the <domain> document -- the top-level parse and format
 * drivers, and the small top-level elements (name, uuid, genid, title,
 * description, metadata, resource, idmap, lifecycle actions, pm, perf,
 * seclabel, launchSecurity).  Each larger element family has its own
 * file; this one calls them in libvirt's order.
 */
#include "internal.h"
#include "conf/domain/domain_def.h"
#include "conf/virxmlcategory.h"
#include "util/virstring.h"
#include "util/viruuid.h"

#include <libxml/xpathInternals.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainVirt, VIR_DOMAIN_VIRT_LAST,
              "none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz", "test",
              "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "hvf");
VIR_ENUM_DECL(virDomainLifecycleAction);
VIR_ENUM_IMPL(virDomainLifecycleAction, VIR_DOMAIN_LIFECYCLE_ACTION_LAST,
              "destroy", "restart", "rename-restart", "preserve",
              "coredump-destroy", "coredump-restart");
VIR_ENUM_DECL(virDomainLockFailure);
VIR_ENUM_IMPL(virDomainLockFailure, 5, "default", "poweroff", "restart", "pause", "ignore");
enum { SECLABEL_DEFAULT, SECLABEL_NONE, SECLABEL_DYNAMIC, SECLABEL_STATIC, SECLABEL_LAST };
VIR_ENUM_DECL(virDomainSeclabel);
VIR_ENUM_IMPL(virDomainSeclabel, SECLABEL_LAST, "default", "none", "dynamic", "static");
enum { LAUNCH_SECURITY_NONE, LAUNCH_SECURITY_SEV, LAUNCH_SECURITY_PV, LAUNCH_SECURITY_LAST };
VIR_ENUM_DECL(virDomainLaunchSecurity);
VIR_ENUM_IMPL(virDomainLaunchSecurity, LAUNCH_SECURITY_LAST, "", "sev", "s390-pv");
VIR_ENUM_DECL(virDomainPerfEvent);
VIR_ENUM_IMPL(virDomainPerfEvent, 22,
              "cmt", "mbmt", "mbml", "cpu_cycles", "instructions", "cache_references",
              "cache_misses", "branch_instructions", "branch_misses", "bus_cycles",
              "stalled_cycles_frontend", "stalled_cycles_backend", "ref_cpu_cycles",
              "cpu_clock", "task_clock", "page_faults", "context_switches",
              "cpu_migrations", "page_faults_min", "page_faults_maj",
              "alignment_faults", "emulation_faults");

virDomainDef *
virDomainDefNew(void)
{
    virDomainDef *def = g_new0(virDomainDef, 1);

    def->id = -1;
    def->mem.hardLimit = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
    def->mem.softLimit = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
    def->mem.swapHardLimit = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
    return def;
}


static void
virDomainSeclabelDefFree(virDomainSeclabelDef *label)
{
    if (!label)
        return;
    g_free(label->model);
    g_free(label->label);
    g_free(label->imagelabel);
    g_free(label->baselabel);
    g_free(label);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainSeclabelDef, virDomainSeclabelDefFree);


void
virDomainDefFree(virDomainDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->title);
    g_free(def->description);
    if (def->metadata)
        xmlFreeNode(def->metadata);
    virDomainMemoryDefClear(&def->mem);
    virDomainVcpuTuneDefClear(&def->vcpu);
    virDomainCPUDefClear(&def->cpu);
    virDomainOSDefClear(&def->os);
    virDomainFeaturesDefClear(&def->features);
    virDomainClockDefClear(&def->clock);
    for (i = 0; i < def->nsysinfos; i++)
        virDomainSysinfoDefFree(def->sysinfos[i]);
    g_free(def->sysinfos);
    g_free(def->resourcePartition);
    g_free(def->resourceAppid);
    g_free(def->uidmap);
    g_free(def->gidmap);
    g_free(def->emulator);
    virDomainDevicesFree(def);
    for (i = 0; i < def->nseclabels; i++)
        virDomainSeclabelDefFree(def->seclabels[i]);
    g_free(def->seclabels);
    g_free(def->sevDhCert);
    g_free(def->sevSession);
    if (def->namespaceData && def->ns->nsFree)
        def->ns->nsFree(def->namespaceData);
    g_free(def);
}


static int
virDomainDefParseIDs(virDomainDef *def, xmlXPathContextPtr ctxt, unsigned int flags)
{
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *uuid = NULL;
    g_autofree char *genid = NULL;
    int n;

    if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) &&
        virXMLPropInt(ctxt->node, "id", 10, VIR_XML_PROP_NONNEGATIVE, &def->id, -1) < 0)
        return -1;
    if (!(def->name = virXPathString("string(./name[1])", ctxt))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return -1;
    }
    if (!(uuid = virXPathString("string(./uuid[1])", ctxt))) {
        if (virUUIDGenerate(def->uuid) < 0)
            return -1;
    } else if (virUUIDParse(uuid, def->uuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "malformed uuid element");
        return -1;
    }
    if ((n = virXPathNodeSet("./genid", ctxt, &nodes)) < 0)
        return -1;
    if (n > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "element 'genid' can only appear once");
        return -1;
    }
    if (n == 1) {
        def->genidRequested = true;
        if (!(genid = virXPathString("string(./genid)", ctxt))) {
            if (virUUIDGenerate(def->genid) < 0)
                return -1;
        } else if (virUUIDParse(genid, def->genid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "malformed genid element");
            return -1;
        }
    }
    return 0;
}


static int
virDomainDefParseType(virDomainDef *def, xmlXPathContextPtr ctxt)
{
    g_autofree char *type = virXPathString("string(./@type)", ctxt);

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "missing domain type attribute");
        return -1;
    }
    if ((def->virtType = virDomainVirtTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "invalid domain type %s", type);
        return -1;
    }
    if (virDomainOSParseCapsXML(&def->os, ctxt) < 0)
        return -1;
    /* xen paravirt guests historically say 'linux' */
    if (def->os.type == VIR_DOMAIN_OSTYPE_LINUX && def->virtType == VIR_DOMAIN_VIRT_XEN)
        def->os.type = VIR_DOMAIN_OSTYPE_XEN;
    return 0;
}


static virDomainSeclabelDef *
virDomainSeclabelParseXML(xmlXPathContextPtr ctxt, unsigned int flags)
{
    g_autoptr(virDomainSeclabelDef) label = g_new0(virDomainSeclabelDef, 1);
    unsigned int type = SECLABEL_DYNAMIC;
    virTristateBool relabel;

    label->model = virXMLPropString(ctxt->node, "model");
    label->relabel = true;
    if (virXMLPropEnum(ctxt->node, "type", virDomainSeclabelTypeFromString,
                       VIR_XML_PROP_NONZERO, &type) < 0 ||
        virXMLPropTristateBool(ctxt->node, "relabel", VIR_XML_PROP_NONE, &relabel) < 0)
        return NULL;
    label->type = type;
    if (type == SECLABEL_STATIC || type == SECLABEL_NONE)
        label->relabel = false;
    if (relabel)
        label->relabel = relabel == VIR_TRISTATE_BOOL_YES;
    if (type == SECLABEL_DYNAMIC && !label->relabel) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "dynamic label type must use resource relabeling");
        return NULL;
    }
    if (type == SECLABEL_NONE && label->relabel) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "resource relabeling is not compatible with 'none' label type");
        return NULL;
    }
    if (STREQ_NULLABLE(label->model, "none")) {
        if (flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) {
            label->type = SECLABEL_NONE;
            label->relabel = false;
        } else if (type != SECLABEL_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unsupported type='%s' to model 'none'",
                           virDomainSeclabelTypeToString(type));
            return NULL;
        }
        return g_steal_pointer(&label);
    }
    if (type == SECLABEL_STATIC ||
        (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) && type != SECLABEL_NONE)) {
        if (!(label->label = virXPathString("string(./label[1])", ctxt))) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "security label is missing");
            return NULL;
        }
    }
    if (label->relabel && !(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) && type != SECLABEL_NONE &&
        !(label->imagelabel = virXPathString("string(./imagelabel[1])", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "security imagelabel is missing");
        return NULL;
    }
    if (type == SECLABEL_DYNAMIC)
        label->baselabel = virXPathString("string(./baselabel[1])", ctxt);
    return g_steal_pointer(&label);
}


static int
virDomainSeclabelsParseXML(virDomainDef *def, xmlXPathContextPtr ctxt, unsigned int flags)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./seclabel", ctxt, &nodes)) < 0)
        return -1;
    def->seclabels = g_new0(virDomainSeclabelDef *, n + 1);
    for (i = 0; i < n; i++) {
        ctxt->node = nodes[i];
        if (!(def->seclabels[i] = virDomainSeclabelParseXML(ctxt, flags)))
            return -1;
        def->nseclabels++;
    }
    return 0;
}


static void
virDomainSeclabelFormat(virBuffer *buf, const virDomainSeclabelDef *label)
{
    if (label->type == SECLABEL_DEFAULT)
        return;
    virBufferAsprintf(buf, "<seclabel type='%s'", virDomainSeclabelTypeToString(label->type));
    virBufferEscapeString(buf, " model='%s'", label->model);
    if (label->type == SECLABEL_NONE) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAsprintf(buf, " relabel='%s'", label->relabel ? "yes" : "no");
    if (!label->label && !label->imagelabel && !label->baselabel) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<label>%s</label>\n", label->label);
    if (label->relabel)
        virBufferEscapeString(buf, "<imagelabel>%s</imagelabel>\n", label->imagelabel);
    if (label->type == SECLABEL_DYNAMIC)
        virBufferEscapeString(buf, "<baselabel>%s</baselabel>\n", label->baselabel);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</seclabel>\n");
}


static int
virDomainLifecycleParseOne(xmlXPathContextPtr ctxt, const char *name, int *action,
                           int defaultAction, int (*fromString)(const char *))
{
    g_autofree char *xpath = g_strdup_printf("string(./%s[1])", name);
    g_autofree char *str = virXPathString(xpath, ctxt);

    *action = defaultAction;
    if (str && (*action = fromString(str)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown %s action: %s", name, str);
        return -1;
    }
    return 0;
}


static int
virDomainPMParseOne(xmlXPathContextPtr ctxt, const char *xpath, virTristateBool *state)
{
    xmlNodePtr node = virXPathNode(xpath, ctxt);

    if (!node)
        return 0;
    return virXMLPropTristateBool(node, "enabled", VIR_XML_PROP_REQUIRED, state) < 0 ? -1 : 0;
}


static int
virDomainLifecycleParseXML(virDomainDef *def, xmlXPathContextPtr ctxt)
{
    int lockfailure;

    if (virDomainLifecycleParseOne(ctxt, "on_reboot", &def->onReboot,
                                   VIR_DOMAIN_LIFECYCLE_ACTION_RESTART,
                                   virDomainLifecycleActionTypeFromString) < 0 ||
        virDomainLifecycleParseOne(ctxt, "on_poweroff", &def->onPoweroff,
                                   VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY,
                                   virDomainLifecycleActionTypeFromString) < 0 ||
        virDomainLifecycleParseOne(ctxt, "on_crash", &def->onCrash,
                                   VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY,
                                   virDomainLifecycleActionTypeFromString) < 0 ||
        virDomainLifecycleParseOne(ctxt, "on_lockfailure", &lockfailure, 0,
                                   virDomainLockFailureTypeFromString) < 0)
        return -1;
    def->onLockFailure = lockfailure;
    if (virDomainPMParseOne(ctxt, "./pm/suspend-to-mem", &def->pmS3) < 0 ||
        virDomainPMParseOne(ctxt, "./pm/suspend-to-disk", &def->pmS4) < 0)
        return -1;
    return 0;
}


static int
virDomainPerfParseXML(virDomainDef *def, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./perf/event", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        unsigned int event;
        virTristateBool enabled;

        if (virXMLPropEnum(nodes[i], "name", virDomainPerfEventTypeFromString,
                           VIR_XML_PROP_REQUIRED, &event) < 0 ||
            virXMLPropTristateBool(nodes[i], "enabled", VIR_XML_PROP_REQUIRED, &enabled) < 0)
            return -1;
        if (def->perf[event]) {
            virReportError(VIR_ERR_XML_ERROR, "perf event '%s' was already specified",
                           virDomainPerfEventTypeToString(event));
            return -1;
        }
        def->perf[event] = enabled;
    }
    return 0;
}


static virDomainIdMapEntry *
virDomainIdMapParseXML(xmlXPathContextPtr ctxt, const char *xpath, size_t *count)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree virDomainIdMapEntry *map = NULL;
    size_t i, j;
    int n;

    if ((n = virXPathNodeSet(xpath, ctxt, &nodes)) <= 0)
        return NULL;
    map = g_new0(virDomainIdMapEntry, n);
    for (i = 0; i < n; i++) {
        ctxt->node = nodes[i];
        if (virXPathUInt("string(./@start)", ctxt, &map[i].start) < 0 ||
            virXPathUInt("string(./@target)", ctxt, &map[i].target) < 0 ||
            virXPathUInt("string(./@count)", ctxt, &map[i].count) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "invalid idmap start/target/count settings");
            *count = (size_t)-1;
            return NULL;
        }
    }
    /* kept sorted by start */
    for (i = 1; i < n; i++) {
        for (j = i; j > 0 && map[j - 1].start > map[j].start; j--) {
            virDomainIdMapEntry tmp = map[j];

            map[j] = map[j - 1];
            map[j - 1] = tmp;
        }
    }
    *count = n;
    return g_steal_pointer(&map);
}


static int
virDomainLaunchSecurityParseXML(virDomainDef *def, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    int rc;

    if (!(ctxt->node = virXPathNode("./launchSecurity", ctxt)))
        return 0;
    if (virXMLPropEnum(ctxt->node, "type", virDomainLaunchSecurityTypeFromString,
                       VIR_XML_PROP_NONZERO | VIR_XML_PROP_REQUIRED,
                       &def->launchSecurity) < 0)
        return -1;
    if (def->launchSecurity != LAUNCH_SECURITY_SEV)
        return 0;
    if (virXMLPropTristateBool(ctxt->node, "kernelHashes", VIR_XML_PROP_NONE,
                               &def->sevKernelHashes) < 0)
        return -1;
    if (virXPathUIntBase("string(./policy)", ctxt, 16, &def->sevPolicy) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "failed to get launch security policy");
        return -1;
    }
    if ((rc = virXPathUInt("string(./cbitpos)", ctxt, &def->sevCbitpos)) == -2) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Invalid format for launch security cbitpos");
        return -1;
    }
    def->sevHaveCbitpos = rc == 0;
    if ((rc = virXPathUInt("string(./reducedPhysBits)", ctxt, &def->sevReducedPhysBits)) == -2) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Invalid format for launch security reduced-phys-bits");
        return -1;
    }
    def->sevHaveReducedPhysBits = rc == 0;
    def->sevDhCert = virXPathString("string(./dhCert)", ctxt);
    def->sevSession = virXPathString("string(./session)", ctxt);
    return 0;
}


/* Drop whitespace-only text between elements, as a parser that ignores
 * blanks would, so the copy formats with fresh indentation. */
static void
virDomainMetadataStripBlanks(xmlNodePtr node)
{
    xmlNodePtr cur = node->children;

    while (cur) {
        xmlNodePtr next = cur->next;

        if (cur->type == XML_TEXT_NODE && xmlIsBlankNode(cur) &&
            (cur->prev || cur->next)) {
            xmlUnlinkNode(cur);
            xmlFreeNode(cur);
        } else if (cur->type == XML_ELEMENT_NODE) {
            virDomainMetadataStripBlanks(cur);
        }
        cur = next;
    }
}


static int
virDomainSysinfosParseXML(virDomainDef *def, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./sysinfo", ctxt, &nodes)) < 0)
        return -1;
    def->sysinfos = g_new0(virDomainSysinfoDef *, n + 1);
    for (i = 0; i < n; i++) {
        if (!(def->sysinfos[i] = virDomainSysinfoParseXML(nodes[i])))
            return -1;
        def->nsysinfos++;
    }
    return 0;
}


/* Keep only namespaced children of <metadata>, one per namespace. */
static void
virDomainMetadataSanitize(xmlNodePtr metadata)
{
    xmlNodePtr child = metadata->children;

    while (child) {
        xmlNodePtr next = child->next;
        xmlNodePtr other;

        if (!child->ns || !child->ns->href) {
            xmlUnlinkNode(child);
            xmlFreeNode(child);
            child = next;
            continue;
        }
        for (other = child->next; other; other = next) {
            next = other->next;
            if (other->ns && STREQ_NULLABLE((const char *)child->ns->href,
                                            (const char *)other->ns->href)) {
                xmlUnlinkNode(other);
                xmlFreeNode(other);
            }
        }
        child = child->next;
    }
}


static int
virDomainDefParseTopLevel(virDomainDef *def, xmlXPathContextPtr ctxt, unsigned int flags)
{
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr node;
    size_t count = 0;
    int n;

    def->title = virXPathString("string(./title[1])", ctxt);
    if (def->title && strchr(def->title, '\n')) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Domain title can't contain newlines");
        return -1;
    }
    def->description = virXPathString("string(./description[1])", ctxt);
    if (virDomainSeclabelsParseXML(def, ctxt, flags) < 0 ||
        virDomainMemoryParseXML(&def->mem, ctxt) < 0 ||
        virDomainVcpuTuneParseXML(&def->vcpu, ctxt, flags) < 0 ||
        virDomainCPUParseXML(&def->cpu, ctxt) < 0)
        return -1;
    if ((n = virXPathNodeSet("./resource", ctxt, &nodes)) > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "only one resource element is supported");
        return -1;
    }
    def->resourcePartition = virXPathString("string(./resource/partition)", ctxt);
    def->resourceAppid = virXPathString("string(./resource/fibrechannel/@appid)", ctxt);
    if (virDomainSysinfosParseXML(def, ctxt) < 0 ||
        virDomainFeaturesParseXML(&def->features, ctxt) < 0 ||
        virDomainLifecycleParseXML(def, ctxt) < 0 ||
        virDomainPerfParseXML(def, ctxt) < 0 ||
        virDomainClockParseXML(&def->clock, ctxt) < 0 ||
        virDomainOSParseXML(&def->os, ctxt) < 0)
        return -1;
    if (!(def->uidmap = virDomainIdMapParseXML(ctxt, "./idmap/uid", &count)) &&
        count == (size_t)-1)
        return -1;
    def->nuidmap = def->uidmap ? count : 0;
    if (!(def->gidmap = virDomainIdMapParseXML(ctxt, "./idmap/gid", &count)) &&
        count == (size_t)-1)
        return -1;
    def->ngidmap = def->gidmap ? count : 0;
    if (virDomainLaunchSecurityParseXML(def, ctxt) < 0)
        return -1;
    if ((node = virXPathNode("./metadata[1]", ctxt))) {
        def->metadata = xmlCopyNode(node, 1);
        virDomainMetadataStripBlanks(def->metadata);
        virDomainMetadataSanitize(def->metadata);
    }
    return 0;
}


static int
virDomainDefParseNamespace(virDomainDef *def, xmlXPathContextPtr ctxt,
                           const virDomainXMLOption *xmlopt)
{
    if (!xmlopt || !xmlopt->nsParse)
        return 0;
    if (xmlXPathRegisterNs(ctxt, BAD_CAST xmlopt->nsPrefix, BAD_CAST xmlopt->nsHref) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Failed to register xml namespace '%s'",
                       xmlopt->nsHref);
        return -1;
    }
    def->ns = xmlopt;
    if (!(def->namespaceData = xmlopt->nsParse(ctxt)) && virGetLastErrorCode() != VIR_ERR_OK)
        return -1;
    return 0;
}


virDomainDef *
virDomainDefParseNode(xmlXPathContextPtr ctxt, const virDomainXMLOption *xmlopt,
                      unsigned int flags)
{
    g_autoptr(virDomainDef) def = virDomainDefNew();

    if (!virXMLNodeNameEqual(ctxt->node, "domain")) {
        virReportError(VIR_ERR_XML_ERROR, "expecting root element of 'domain', not '%s'",
                       ctxt->node->name);
        return NULL;
    }
    if (virDomainDefParseIDs(def, ctxt, flags) < 0 ||
        virDomainDefParseType(def, ctxt) < 0 ||
        virDomainDefParseTopLevel(def, ctxt, flags) < 0 ||
        virDomainDevicesParseXML(def, ctxt, flags) < 0 ||
        virDomainDefParseNamespace(def, ctxt, xmlopt) < 0)
        return NULL;
    if (virDomainDefPostParse(def, xmlopt, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


virDomainDef *
virDomainDefParseString(const char *xml, const virDomainXMLOption *xmlopt,
                        unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!(doc = virXMLParseHelper(VIR_FROM_DOMAIN, NULL, xml, "(domain_definition)",
                                  "domain", &ctxt, NULL, false)))
        return NULL;
    return virDomainDefParseNode(ctxt, xmlopt, flags);
}


G_DEFINE_AUTOPTR_CLEANUP_FUNC(xmlBuffer, xmlBufferFree);

static int
virDomainMetadataFormat(virBuffer *buf, xmlNodePtr metadata)
{
    g_autoptr(xmlBuffer) xmlbuf = NULL;
    const char *content;
    int oldIndent = xmlIndentTreeOutput;

    if (!metadata)
        return 0;
    xmlIndentTreeOutput = 1;
    xmlbuf = xmlBufferCreate();
    if (xmlNodeDump(xmlbuf, metadata->doc, metadata, virBufferGetIndent(buf) / 2, 1) < 0) {
        xmlIndentTreeOutput = oldIndent;
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Unable to format metadata element");
        return -1;
    }
    xmlIndentTreeOutput = oldIndent;
    content = (const char *)xmlBufferContent(xmlbuf);
    virSkipSpaces(&content);
    virBufferAsprintf(buf, "%s\n", content);
    return 0;
}


static void
virDomainDefHeaderFormat(virBuffer *buf, const virDomainDef *def, unsigned int flags)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virBufferAsprintf(buf, "<domain type='%s'", virDomainVirtTypeToString(def->virtType));
    if (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
        virBufferAsprintf(buf, " id='%d'", def->id);
    if (def->namespaceData && def->ns->nsFormat)
        virBufferAsprintf(buf, " xmlns:%s='%s'", def->ns->nsPrefix, def->ns->nsHref);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<name>%s</name>\n", def->name);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->uuid, uuidstr));
    if (def->genidRequested)
        virBufferAsprintf(buf, "<genid>%s</genid>\n", virUUIDFormat(def->genid, uuidstr));
    virBufferEscapeString(buf, "<title>%s</title>\n", def->title);
    virBufferEscapeString(buf, "<description>%s</description>\n", def->description);
}


static void
virDomainResourceFormat(virBuffer *buf, const virDomainDef *def)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferEscapeString(&childBuf, "<partition>%s</partition>\n", def->resourcePartition);
    virBufferEscapeString(&childBuf, "<fibrechannel appid='%s'/>\n", def->resourceAppid);
    virBufferFormatElement(buf, "resource", NULL, &childBuf);
}


static void
virDomainIdMapFormat(virBuffer *buf, const virDomainDef *def)
{
    size_t i;

    if (!def->nuidmap)
        return;
    virBufferAddLit(buf, "<idmap>\n");
    for (i = 0; i < def->nuidmap; i++)
        virBufferAsprintf(buf, "  <uid start='%u' target='%u' count='%u'/>\n",
                          def->uidmap[i].start, def->uidmap[i].target, def->uidmap[i].count);
    for (i = 0; i < def->ngidmap; i++)
        virBufferAsprintf(buf, "  <gid start='%u' target='%u' count='%u'/>\n",
                          def->gidmap[i].start, def->gidmap[i].target, def->gidmap[i].count);
    virBufferAddLit(buf, "</idmap>\n");
}


static void
virDomainLifecycleFormat(virBuffer *buf, const virDomainDef *def)
{
    g_auto(virBuffer) pmBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) perfBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferAsprintf(buf, "<on_poweroff>%s</on_poweroff>\n",
                      virDomainLifecycleActionTypeToString(def->onPoweroff));
    virBufferAsprintf(buf, "<on_reboot>%s</on_reboot>\n",
                      virDomainLifecycleActionTypeToString(def->onReboot));
    virBufferAsprintf(buf, "<on_crash>%s</on_crash>\n",
                      virDomainLifecycleActionTypeToString(def->onCrash));
    if (def->onLockFailure)
        virBufferAsprintf(buf, "<on_lockfailure>%s</on_lockfailure>\n",
                          virDomainLockFailureTypeToString(def->onLockFailure));
    if (def->pmS3)
        virBufferAsprintf(&pmBuf, "<suspend-to-mem enabled='%s'/>\n",
                          virTristateBoolTypeToString(def->pmS3));
    if (def->pmS4)
        virBufferAsprintf(&pmBuf, "<suspend-to-disk enabled='%s'/>\n",
                          virTristateBoolTypeToString(def->pmS4));
    virBufferFormatElement(buf, "pm", NULL, &pmBuf);
    for (i = 0; i < G_N_ELEMENTS(def->perf); i++) {
        if (def->perf[i])
            virBufferAsprintf(&perfBuf, "<event name='%s' enabled='%s'/>\n",
                              virDomainPerfEventTypeToString(i),
                              virTristateBoolTypeToString(def->perf[i]));
    }
    virBufferFormatElement(buf, "perf", NULL, &perfBuf);
}


static void
virDomainLaunchSecurityFormat(virBuffer *buf, const virDomainDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (!def->launchSecurity)
        return;
    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainLaunchSecurityTypeToString(def->launchSecurity));
    if (def->launchSecurity == LAUNCH_SECURITY_SEV) {
        if (def->sevKernelHashes)
            virBufferAsprintf(&attrBuf, " kernelHashes='%s'",
                              virTristateBoolTypeToString(def->sevKernelHashes));
        if (def->sevHaveCbitpos)
            virBufferAsprintf(&childBuf, "<cbitpos>%u</cbitpos>\n", def->sevCbitpos);
        if (def->sevHaveReducedPhysBits)
            virBufferAsprintf(&childBuf, "<reducedPhysBits>%u</reducedPhysBits>\n",
                              def->sevReducedPhysBits);
        virBufferAsprintf(&childBuf, "<policy>0x%04x</policy>\n", def->sevPolicy);
        virBufferEscapeString(&childBuf, "<dhCert>%s</dhCert>\n", def->sevDhCert);
        virBufferEscapeString(&childBuf, "<session>%s</session>\n", def->sevSession);
    }
    virBufferFormatElementEmpty(buf, "launchSecurity", &attrBuf, &childBuf);
}


int
virDomainDefFormatBuf(virBuffer *outbuf, const virDomainDef *def, unsigned int flags)
{
    g_auto(virBuffer) buf = { NULL, virBufferGetIndent(outbuf) };
    size_t i;

    if (def->id == -1)
        flags |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    virDomainDefHeaderFormat(&buf, def, flags);
    if (virDomainMetadataFormat(&buf, def->metadata) < 0)
        return -1;
    virDomainMemoryFormat(&buf, &def->mem);
    virDomainMemtuneFormat(&buf, &def->mem);
    virDomainVcpuFormat(&buf, &def->vcpu);
    virDomainCputuneFormat(&buf, &def->vcpu, flags);
    virDomainNumatuneFormat(&buf, &def->mem);
    virDomainResourceFormat(&buf, def);
    for (i = 0; i < def->nsysinfos; i++)
        virDomainSysinfoFormat(&buf, def->sysinfos[i]);
    virDomainOSFormat(&buf, &def->os, def->virtType == VIR_DOMAIN_VIRT_XEN);
    virDomainIdMapFormat(&buf, def);
    virDomainFeaturesFormat(&buf, &def->features);
    virDomainCPUFormat(&buf, &def->cpu);
    virDomainClockFormat(&buf, &def->clock);
    virDomainLifecycleFormat(&buf, def);
    if (virDomainDevicesFormat(&buf, def, flags) < 0)
        return -1;
    for (i = 0; i < def->nseclabels; i++)
        virDomainSeclabelFormat(&buf, def->seclabels[i]);
    virDomainLaunchSecurityFormat(&buf, def);
    if (def->namespaceData && def->ns->nsFormat && def->ns->nsFormat(&buf, def->namespaceData) < 0)
        return -1;
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</domain>\n");
    virBufferAddBuffer(outbuf, &buf);
    return 0;
}


char *
virDomainDefFormat(const virDomainDef *def, unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    if (virDomainDefFormatBuf(&buf, def, flags) < 0)
        return NULL;
    return virBufferContentAndReset(&buf);
}


static char *
virDomainXMLRoundtrip(const char *xml, const virXMLRoundtripArgs *args)
{
    g_autoptr(virDomainDef) def = NULL;
    unsigned int parseFlags = 0;
    unsigned int formatFlags = 0;

    if (args->inactive) {
        parseFlags |= VIR_DOMAIN_DEF_PARSE_INACTIVE;
        formatFlags |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    }
    if (args->secure)
        formatFlags |= VIR_DOMAIN_DEF_FORMAT_SECURE;
    if (!(def = virDomainDefParseString(xml, NULL, parseFlags)))
        return NULL;
    return virDomainDefFormat(def, formatFlags);
}

const virXMLCategory virDomainXMLCategory = { "domain", virDomainXMLRoundtrip };
