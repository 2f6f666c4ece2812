/*
 * features.c: the <features> element.
 *
 * Most features are one of a few shapes, described by one table row
 * each: an old-style flag (<acpi/>), a state switch (<pmu state='on'/>),
 * or an enum value attribute (<ioapic driver='kvm'/>).  The few with
 * children (hyperv, kvm, xen, smm, hpt, tcg) have their own functions.
 */
#include "internal.h"
#include "conf/domain/features.h"
#include "conf/domain/memory.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainFeature);
VIR_ENUM_IMPL(virDomainFeature, VIR_DOMAIN_FEATURE_LAST,
              "acpi", "apic", "pae", "hap", "viridian", "privnet", "hyperv",
              "kvm", "pvspinlock", "capabilities", "pmu", "vmport", "gic",
              "smm", "ioapic", "hpt", "vmcoreinfo", "htm", "nested-hv",
              "msrs", "ccf-assist", "xen", "cfpc", "sbbc", "ibs", "tcg");

enum { HYPERV_SPINLOCKS = 2, HYPERV_STIMER = 6, HYPERV_VENDOR_ID = 8, KVM_DIRTY_RING = 4 };
VIR_ENUM_DECL(virDomainHyperv);
VIR_ENUM_IMPL(virDomainHyperv, VIR_DOMAIN_HYPERV_FEATURES,
              "relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic",
              "stimer", "reset", "vendor_id", "frequencies", "reenlightenment",
              "tlbflush", "ipi", "evmcs", "avic");
VIR_ENUM_DECL(virDomainKVM);
VIR_ENUM_IMPL(virDomainKVM, VIR_DOMAIN_KVM_FEATURES,
              "hidden", "hint-dedicated", "poll-control", "pv-ipi", "dirty-ring");
VIR_ENUM_DECL(virDomainXen);
VIR_ENUM_IMPL(virDomainXen, 2, "e820_host", "passthrough");
VIR_ENUM_DECL(virDomainXenPassthroughMode);
VIR_ENUM_IMPL(virDomainXenPassthroughMode, 3, "default", "sync_pt", "share_pt");
VIR_ENUM_DECL(virDomainHyperVMode);
VIR_ENUM_IMPL(virDomainHyperVMode, 3, "none", "custom", "passthrough");
VIR_ENUM_DECL(virDomainIOAPIC);
VIR_ENUM_IMPL(virDomainIOAPIC, 3, "none", "qemu", "kvm");
VIR_ENUM_DECL(virDomainHPTResizing);
VIR_ENUM_IMPL(virDomainHPTResizing, 4, "none", "enabled", "disabled", "required");
VIR_ENUM_DECL(virDomainCFPC);
VIR_ENUM_IMPL(virDomainCFPC, 4, "none", "broken", "workaround", "fixed");
VIR_ENUM_DECL(virDomainSBBC);
VIR_ENUM_IMPL(virDomainSBBC, 4, "none", "broken", "workaround", "fixed");
VIR_ENUM_DECL(virDomainIBS);
VIR_ENUM_IMPL(virDomainIBS, 6, "none", "broken", "workaround", "fixed-ibs",
              "fixed-ccd", "fixed-na");
VIR_ENUM_DECL(virDomainMsrsUnknown);
VIR_ENUM_IMPL(virDomainMsrsUnknown, 2, "ignore", "fault");
VIR_ENUM_DECL(virDomainProcessCapsFeature);
VIR_ENUM_IMPL(virDomainProcessCapsFeature, VIR_DOMAIN_PROCESS_CAPS,
              "audit_control", "audit_write", "block_suspend", "chown", "dac_override",
              "dac_read_search", "fowner", "fsetid", "ipc_lock", "ipc_owner", "kill", "lease",
              "linux_immutable", "mac_admin", "mac_override", "mknod", "net_admin",
              "net_bind_service", "net_broadcast", "net_raw", "setgid", "setfcap", "setpcap",
              "setuid", "sys_admin", "sys_boot", "sys_chroot", "sys_module", "sys_nice",
              "sys_pacct", "sys_ptrace", "sys_rawio", "sys_resource", "sys_time",
              "sys_tty_config", "syslog", "wake_alarm");
VIR_ENUM_DECL(virDomainCapabilitiesPolicy);
VIR_ENUM_IMPL(virDomainCapabilitiesPolicy, 3, "default", "allow", "deny");
VIR_ENUM_DECL(virDomainGICVersion);
VIR_ENUM_IMPL(virDomainGICVersion, 4, "none", "host", "2", "3");

typedef enum {
    FEATURE_FLAG,           /* <acpi/>: present means on */
    FEATURE_STATE,          /* state='on|off', absent means on */
    FEATURE_STATE_REQUIRED, /* state='on|off' required */
    FEATURE_VALUE,          /* an enum attribute, 'none' when absent */
    FEATURE_SPECIAL,        /* its own parse and format below */
} virDomainFeatureShape;

typedef struct {
    virDomainFeatureShape shape;
    const char *attr;                   /* FEATURE_VALUE */
    int (*fromString)(const char *);
    const char *(*toString)(int);
} virDomainFeatureInfo;

static const virDomainFeatureInfo featureInfo[VIR_DOMAIN_FEATURE_LAST] = {
    [VIR_DOMAIN_FEATURE_ACPI] = { FEATURE_FLAG },
    [VIR_DOMAIN_FEATURE_APIC] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_PAE] = { FEATURE_FLAG },
    [VIR_DOMAIN_FEATURE_HAP] = { FEATURE_STATE },
    [VIR_DOMAIN_FEATURE_VIRIDIAN] = { FEATURE_FLAG },
    [VIR_DOMAIN_FEATURE_PRIVNET] = { FEATURE_FLAG },
    [VIR_DOMAIN_FEATURE_HYPERV] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_KVM] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_PVSPINLOCK] = { FEATURE_STATE },
    [VIR_DOMAIN_FEATURE_CAPABILITIES] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_PMU] = { FEATURE_STATE },
    [VIR_DOMAIN_FEATURE_VMPORT] = { FEATURE_STATE },
    [VIR_DOMAIN_FEATURE_GIC] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_SMM] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_IOAPIC] = { FEATURE_VALUE, "driver",
        virDomainIOAPICTypeFromString, virDomainIOAPICTypeToString },
    [VIR_DOMAIN_FEATURE_HPT] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_VMCOREINFO] = { FEATURE_STATE },
    [VIR_DOMAIN_FEATURE_HTM] = { FEATURE_STATE_REQUIRED },
    [VIR_DOMAIN_FEATURE_NESTED_HV] = { FEATURE_STATE_REQUIRED },
    [VIR_DOMAIN_FEATURE_MSRS] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_CCF_ASSIST] = { FEATURE_STATE_REQUIRED },
    [VIR_DOMAIN_FEATURE_XEN] = { FEATURE_SPECIAL },
    [VIR_DOMAIN_FEATURE_CFPC] = { FEATURE_VALUE, "value",
        virDomainCFPCTypeFromString, virDomainCFPCTypeToString },
    [VIR_DOMAIN_FEATURE_SBBC] = { FEATURE_VALUE, "value",
        virDomainSBBCTypeFromString, virDomainSBBCTypeToString },
    [VIR_DOMAIN_FEATURE_IBS] = { FEATURE_VALUE, "value",
        virDomainIBSTypeFromString, virDomainIBSTypeToString },
    [VIR_DOMAIN_FEATURE_TCG] = { FEATURE_SPECIAL },
};

void
virDomainFeaturesDefClear(virDomainFeaturesDef *features)
{
    g_free(features->hypervVendorId);
    memset(features, 0, sizeof(*features));
}


static int
virDomainHypervParseOne(virDomainFeaturesDef *f, xmlNodePtr node, int feature,
                        virTristateSwitch value)
{
    xmlNodePtr child;

    if (value != VIR_TRISTATE_SWITCH_ON)
        return 0;
    switch (feature) {
    case HYPERV_STIMER:
        for (child = xmlFirstElementChild(node); child; child = xmlNextElementSibling(child)) {
            if (!virXMLNodeNameEqual(child, "direct")) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "unsupported Hyper-V stimer feature: %s", child->name);
                return -1;
            }
            if (virXMLPropTristateSwitch(child, "state", VIR_XML_PROP_REQUIRED,
                                         &f->hypervStimerDirect) < 0)
                return -1;
        }
        break;
    case HYPERV_SPINLOCKS:
        if (virXMLPropUInt(node, "retries", 0, VIR_XML_PROP_REQUIRED,
                           &f->hypervSpinlocks) < 0)
            return -1;
        if (f->hypervSpinlocks < 0xFFF) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "HyperV spinlock retry count must be at least 4095");
            return -1;
        }
        break;
    case HYPERV_VENDOR_ID:
        if (!(f->hypervVendorId = virXMLPropString(node, "value"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "missing 'value' attribute for HyperV feature 'vendor_id'");
            return -1;
        }
        if (strlen(f->hypervVendorId) > 12) {
            virReportError(VIR_ERR_XML_ERROR,
                           "HyperV vendor_id value must not be more than %d characters.", 12);
            return -1;
        }
        if (strchr(f->hypervVendorId, ',')) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "HyperV vendor_id value is invalid");
            return -1;
        }
        break;
    }
    return 0;
}


static int
virDomainHypervParseXML(virDomainFeaturesDef *f, xmlNodePtr node)
{
    xmlNodePtr cur;

    if (virXMLPropEnumDefault(node, "mode", virDomainHyperVModeTypeFromString,
                              VIR_XML_PROP_NONZERO, &f->state[VIR_DOMAIN_FEATURE_HYPERV],
                              1) < 0)
        return -1;
    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        int feature = virDomainHypervTypeFromString((const char *)cur->name);
        virTristateSwitch value;

        if (feature < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unsupported HyperV Enlightenment feature: %s", cur->name);
            return -1;
        }
        if (virXMLPropTristateSwitch(cur, "state", VIR_XML_PROP_REQUIRED, &value) < 0)
            return -1;
        f->hyperv[feature] = value;
        if (virDomainHypervParseOne(f, cur, feature, value) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainKVMParseXML(virDomainFeaturesDef *f, xmlNodePtr node)
{
    xmlNodePtr cur;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        int feature = virDomainKVMTypeFromString((const char *)cur->name);
        unsigned int size;

        if (feature < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unsupported KVM feature: %s",
                           cur->name);
            return -1;
        }
        if (virXMLPropTristateSwitch(cur, "state", VIR_XML_PROP_REQUIRED,
                                     &f->kvm[feature]) < 0)
            return -1;
        if (feature != KVM_DIRTY_RING || f->kvm[feature] != VIR_TRISTATE_SWITCH_ON)
            continue;
        if (virXMLPropUInt(cur, "size", 0, VIR_XML_PROP_REQUIRED, &size) < 0)
            return -1;
        if ((size & (size - 1)) || size < 1024 || size > 65536) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "dirty ring must be power of 2 and ranges [1024, 65536]");
            return -1;
        }
        f->kvmDirtyRingSize = size;
    }
    f->state[VIR_DOMAIN_FEATURE_KVM] = VIR_TRISTATE_SWITCH_ON;
    return 0;
}


static int
virDomainXenParseXML(virDomainFeaturesDef *f, xmlNodePtr node)
{
    xmlNodePtr cur;

    f->state[VIR_DOMAIN_FEATURE_XEN] = VIR_TRISTATE_SWITCH_ON;
    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        int feature = virDomainXenTypeFromString((const char *)cur->name);

        if (feature < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unsupported Xen feature: %s",
                           cur->name);
            return -1;
        }
        if (virXMLPropTristateSwitch(cur, "state", VIR_XML_PROP_REQUIRED,
                                     &f->xen[feature]) < 0)
            return -1;
        if (feature == 1 && f->xen[feature] == VIR_TRISTATE_SWITCH_ON &&
            virXMLPropEnum(cur, "mode", virDomainXenPassthroughModeTypeFromString,
                           VIR_XML_PROP_NONZERO, &f->xenPassthroughMode) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainCapabilitiesParseXML(virDomainFeaturesDef *f, xmlNodePtr node)
{
    xmlNodePtr cur;

    if (virXMLPropEnumDefault(node, "policy", virDomainCapabilitiesPolicyTypeFromString,
                              VIR_XML_PROP_NONE, &f->state[VIR_DOMAIN_FEATURE_CAPABILITIES],
                              0) < 0)
        return -1;
    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        int cap = virDomainProcessCapsFeatureTypeFromString((const char *)cur->name);
        virTristateSwitch state;

        if (cap < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unexpected capability feature '%s'",
                           cur->name);
            return -1;
        }
        if (virXMLPropTristateSwitch(cur, "state", VIR_XML_PROP_NONE, &state) < 0)
            return -1;
        f->caps[cap] = state ? state : VIR_TRISTATE_SWITCH_ON;
    }
    return 0;
}


static void
virDomainCapabilitiesFormat(virBuffer *buf, const virDomainFeaturesDef *f)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < VIR_DOMAIN_PROCESS_CAPS; i++) {
        if (f->caps[i])
            virBufferAsprintf(&childBuf, "<%s state='%s'/>\n",
                              virDomainProcessCapsFeatureTypeToString(i),
                              virTristateSwitchTypeToString(f->caps[i]));
    }
    /* the default policy is written out when any capability is listed */
    if (f->state[VIR_DOMAIN_FEATURE_CAPABILITIES] || virBufferUse(&childBuf))
        virBufferAsprintf(&attrBuf, " policy='%s'",
                          virDomainCapabilitiesPolicyTypeToString(
                              f->state[VIR_DOMAIN_FEATURE_CAPABILITIES]));
    virBufferFormatElement(buf, "capabilities", &attrBuf, &childBuf);
}


static int
virDomainFeatureSpecialParseXML(virDomainFeaturesDef *f, int feature,
                                xmlNodePtr node, xmlXPathContextPtr ctxt)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    virTristateSwitch state;
    int rc;

    ctxt->node = node;
    switch ((virDomainFeature)feature) {
    case VIR_DOMAIN_FEATURE_APIC:
        f->state[feature] = VIR_TRISTATE_SWITCH_ON;
        return virXMLPropTristateSwitch(node, "eoi", VIR_XML_PROP_NONE, &f->apicEoi);
    case VIR_DOMAIN_FEATURE_HYPERV:
        return virDomainHypervParseXML(f, node);
    case VIR_DOMAIN_FEATURE_KVM:
        return virDomainKVMParseXML(f, node);
    case VIR_DOMAIN_FEATURE_XEN:
        return virDomainXenParseXML(f, node);
    case VIR_DOMAIN_FEATURE_SMM:
        if (virXMLPropTristateSwitch(node, "state", VIR_XML_PROP_NONE, &state) < 0)
            return -1;
        f->state[feature] = state ? state : VIR_TRISTATE_SWITCH_ON;
        if (f->state[feature] != VIR_TRISTATE_SWITCH_ON)
            return 0;
        /* tseg defaults to mebibytes */
        if ((rc = virDomainParseScaledValue("./tseg", "./tseg/@unit", ctxt,
                                            &f->tsegSize, 1024 * 1024,
                                            ULLONG_MAX, false)) < 0)
            return -1;
        f->tsegSpecified = rc > 0;
        return 0;
    case VIR_DOMAIN_FEATURE_GIC:
        f->state[feature] = VIR_TRISTATE_SWITCH_ON;
        return virXMLPropEnum(node, "version", virDomainGICVersionTypeFromString,
                              VIR_XML_PROP_NONZERO, &f->gicVersion);
    case VIR_DOMAIN_FEATURE_HPT:
        if (virXMLPropEnum(node, "resizing", virDomainHPTResizingTypeFromString,
                           VIR_XML_PROP_NONZERO, &f->hptResizing) < 0 ||
            virDomainParseMemory("./maxpagesize", NULL, ctxt, &f->hptMaxpagesize,
                                 false) < 0)
            return -1;
        if (f->hptResizing || f->hptMaxpagesize)
            f->state[feature] = VIR_TRISTATE_SWITCH_ON;
        return 0;
    case VIR_DOMAIN_FEATURE_MSRS:
        f->state[feature] = VIR_TRISTATE_SWITCH_ON;
        return virXMLPropEnum(node, "unknown", virDomainMsrsUnknownTypeFromString,
                              VIR_XML_PROP_REQUIRED, &f->msrsUnknown);
    case VIR_DOMAIN_FEATURE_TCG:
        if (virDomainParseMemory("./tb-cache", "./tb-cache/@unit", ctxt,
                                 &f->tcgTbCache, false) < 0)
            return -1;
        if (f->tcgTbCache)
            f->state[feature] = VIR_TRISTATE_SWITCH_ON;
        return 0;
    case VIR_DOMAIN_FEATURE_CAPABILITIES:
        return virDomainCapabilitiesParseXML(f, node);
    default:
        return 0;
    }
}


int
virDomainFeaturesParseXML(virDomainFeaturesDef *f, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    virTristateSwitch state;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./features/*", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        int feature = virDomainFeatureTypeFromString((const char *)nodes[i]->name);
        const virDomainFeatureInfo *info;

        if (feature < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unexpected feature '%s'",
                           nodes[i]->name);
            return -1;
        }
        info = &featureInfo[feature];
        switch (info->shape) {
        case FEATURE_FLAG:
            f->state[feature] = VIR_TRISTATE_SWITCH_ON;
            break;
        case FEATURE_STATE:
        case FEATURE_STATE_REQUIRED:
            if (virXMLPropTristateSwitch(nodes[i], "state",
                                         info->shape == FEATURE_STATE ?
                                         VIR_XML_PROP_NONE : VIR_XML_PROP_REQUIRED,
                                         &state) < 0)
                return -1;
            f->state[feature] = state ? state : VIR_TRISTATE_SWITCH_ON;
            break;
        case FEATURE_VALUE:
            if (virXMLPropEnumDefault(nodes[i], info->attr, info->fromString,
                                      VIR_XML_PROP_NONZERO, &f->state[feature], 0) < 0)
                return -1;
            break;
        case FEATURE_SPECIAL:
            if (virDomainFeatureSpecialParseXML(f, feature, nodes[i], ctxt) < 0)
                return -1;
            break;
        }
    }
    return 0;
}


static void
virDomainHypervFormat(virBuffer *buf, const virDomainFeaturesDef *f)
{
    size_t j;

    virBufferAsprintf(buf, "<hyperv mode='%s'>\n",
                      virDomainHyperVModeTypeToString(f->state[VIR_DOMAIN_FEATURE_HYPERV]));
    virBufferAdjustIndent(buf, 2);
    for (j = 0; j < VIR_DOMAIN_HYPERV_FEATURES; j++) {
        bool on = f->hyperv[j] == VIR_TRISTATE_SWITCH_ON;

        if (!f->hyperv[j])
            continue;
        virBufferAsprintf(buf, "<%s state='%s'", virDomainHypervTypeToString(j),
                          virTristateSwitchTypeToString(f->hyperv[j]));
        if (j == HYPERV_SPINLOCKS && on) {
            virBufferAsprintf(buf, " retries='%u'/>\n", f->hypervSpinlocks);
        } else if (j == HYPERV_VENDOR_ID && on) {
            virBufferEscapeString(buf, " value='%s'/>\n", f->hypervVendorId);
        } else if (j == HYPERV_STIMER && on &&
                   f->hypervStimerDirect == VIR_TRISTATE_SWITCH_ON) {
            virBufferAddLit(buf, ">\n");
            virBufferAddLit(buf, "  <direct state='on'/>\n");
            virBufferAddLit(buf, "</stimer>\n");
        } else {
            virBufferAddLit(buf, "/>\n");
        }
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</hyperv>\n");
}


static void
virDomainKVMXenFormat(virBuffer *buf, const virDomainFeaturesDef *f, bool xen)
{
    size_t j;

    virBufferAsprintf(buf, "<%s>\n", xen ? "xen" : "kvm");
    virBufferAdjustIndent(buf, 2);
    for (j = 0; j < (xen ? 2 : VIR_DOMAIN_KVM_FEATURES); j++) {
        virTristateSwitch st = xen ? f->xen[j] : f->kvm[j];

        if (!st)
            continue;
        virBufferAsprintf(buf, "<%s state='%s'",
                          xen ? virDomainXenTypeToString(j) : virDomainKVMTypeToString(j),
                          virTristateSwitchTypeToString(st));
        if (!xen && j == KVM_DIRTY_RING && f->kvmDirtyRingSize)
            virBufferAsprintf(buf, " size='%u'", f->kvmDirtyRingSize);
        if (xen && j == 1 && st == VIR_TRISTATE_SWITCH_ON && f->xenPassthroughMode)
            virBufferAsprintf(buf, " mode='%s'",
                              virDomainXenPassthroughModeTypeToString(f->xenPassthroughMode));
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", xen ? "xen" : "kvm");
}


static void
virDomainFeatureSpecialFormat(virBuffer *buf, const virDomainFeaturesDef *f, int i)
{
    unsigned int st = f->state[i];

    switch ((virDomainFeature)i) {
    case VIR_DOMAIN_FEATURE_APIC:
        if (st != VIR_TRISTATE_SWITCH_ON)
            return;
        virBufferAddLit(buf, "<apic");
        if (f->apicEoi)
            virBufferAsprintf(buf, " eoi='%s'", virTristateSwitchTypeToString(f->apicEoi));
        virBufferAddLit(buf, "/>\n");
        return;
    case VIR_DOMAIN_FEATURE_HYPERV:
        if (st)
            virDomainHypervFormat(buf, f);
        return;
    case VIR_DOMAIN_FEATURE_KVM:
    case VIR_DOMAIN_FEATURE_XEN:
        if (st == VIR_TRISTATE_SWITCH_ON)
            virDomainKVMXenFormat(buf, f, i == VIR_DOMAIN_FEATURE_XEN);
        return;
    case VIR_DOMAIN_FEATURE_SMM:
        if (!st)
            return;
        virBufferAsprintf(buf, "<smm state='%s'", virTristateSwitchTypeToString(st));
        if (st == VIR_TRISTATE_SWITCH_ON && f->tsegSpecified) {
            static const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
            unsigned long long size = f->tsegSize;
            size_t u = 0;

            while (size && size % 1024 == 0 && u + 1 < G_N_ELEMENTS(units)) {
                size /= 1024;
                u++;
            }
            virBufferAddLit(buf, ">\n");
            virBufferAsprintf(buf, "  <tseg unit='%s'>%llu</tseg>\n", units[u], size);
            virBufferAddLit(buf, "</smm>\n");
        } else {
            virBufferAddLit(buf, "/>\n");
        }
        return;
    case VIR_DOMAIN_FEATURE_GIC:
        if (st != VIR_TRISTATE_SWITCH_ON)
            return;
        virBufferAddLit(buf, "<gic");
        if (f->gicVersion)
            virBufferAsprintf(buf, " version='%s'", virDomainGICVersionTypeToString(f->gicVersion));
        virBufferAddLit(buf, "/>\n");
        return;
    case VIR_DOMAIN_FEATURE_HPT:
        if (st != VIR_TRISTATE_SWITCH_ON)
            return;
        virBufferAddLit(buf, "<hpt");
        if (f->hptResizing)
            virBufferAsprintf(buf, " resizing='%s'",
                              virDomainHPTResizingTypeToString(f->hptResizing));
        if (f->hptMaxpagesize) {
            virBufferAddLit(buf, ">\n");
            virBufferAsprintf(buf, "  <maxpagesize unit='KiB'>%llu</maxpagesize>\n",
                              f->hptMaxpagesize);
            virBufferAddLit(buf, "</hpt>\n");
        } else {
            virBufferAddLit(buf, "/>\n");
        }
        return;
    case VIR_DOMAIN_FEATURE_MSRS:
        if (st == VIR_TRISTATE_SWITCH_ON)
            virBufferAsprintf(buf, "<msrs unknown='%s'/>\n",
                              virDomainMsrsUnknownTypeToString(f->msrsUnknown));
        return;
    case VIR_DOMAIN_FEATURE_CAPABILITIES:
        virDomainCapabilitiesFormat(buf, f);
        return;
    case VIR_DOMAIN_FEATURE_TCG:
        if (st == VIR_TRISTATE_SWITCH_ON) {
            virBufferAddLit(buf, "<tcg>\n");
            virBufferAsprintf(buf, "  <tb-cache unit='KiB'>%llu</tb-cache>\n", f->tcgTbCache);
            virBufferAddLit(buf, "</tcg>\n");
        }
        return;
    default:
        return;
    }
}


void
virDomainFeaturesFormat(virBuffer *buf, const virDomainFeaturesDef *f)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < VIR_DOMAIN_FEATURE_LAST; i++) {
        const virDomainFeatureInfo *info = &featureInfo[i];
        const char *name = virDomainFeatureTypeToString(i);

        switch (info->shape) {
        case FEATURE_FLAG:
            if (f->state[i] == VIR_TRISTATE_SWITCH_ON)
                virBufferAsprintf(&childBuf, "<%s/>\n", name);
            break;
        case FEATURE_STATE:
        case FEATURE_STATE_REQUIRED:
            if (f->state[i])
                virBufferAsprintf(&childBuf, "<%s state='%s'/>\n", name,
                                  virTristateSwitchTypeToString(f->state[i]));
            break;
        case FEATURE_VALUE:
            if (f->state[i])
                virBufferAsprintf(&childBuf, "<%s %s='%s'/>\n", name, info->attr,
                                  info->toString(f->state[i]));
            break;
        case FEATURE_SPECIAL:
            virDomainFeatureSpecialFormat(&childBuf, f, i);
            break;
        }
    }
    virBufferFormatElement(buf, "features", NULL, &childBuf);
}
