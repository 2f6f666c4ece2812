/*
 * features.h: <features> (acpi, apic, pae, hap, hyperv, kvm, xen, smm,
 * gic, ioapic, hpt, vmport, pmu, msrs, tcg, ...).
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_DOMAIN_FEATURE_ACPI = 0,
    VIR_DOMAIN_FEATURE_APIC,
    VIR_DOMAIN_FEATURE_PAE,
    VIR_DOMAIN_FEATURE_HAP,
    VIR_DOMAIN_FEATURE_VIRIDIAN,
    VIR_DOMAIN_FEATURE_PRIVNET,
    VIR_DOMAIN_FEATURE_HYPERV,
    VIR_DOMAIN_FEATURE_KVM,
    VIR_DOMAIN_FEATURE_PVSPINLOCK,
    VIR_DOMAIN_FEATURE_CAPABILITIES,
    VIR_DOMAIN_FEATURE_PMU,
    VIR_DOMAIN_FEATURE_VMPORT,
    VIR_DOMAIN_FEATURE_GIC,
    VIR_DOMAIN_FEATURE_SMM,
    VIR_DOMAIN_FEATURE_IOAPIC,
    VIR_DOMAIN_FEATURE_HPT,
    VIR_DOMAIN_FEATURE_VMCOREINFO,
    VIR_DOMAIN_FEATURE_HTM,
    VIR_DOMAIN_FEATURE_NESTED_HV,
    VIR_DOMAIN_FEATURE_MSRS,
    VIR_DOMAIN_FEATURE_CCF_ASSIST,
    VIR_DOMAIN_FEATURE_XEN,
    VIR_DOMAIN_FEATURE_CFPC,
    VIR_DOMAIN_FEATURE_SBBC,
    VIR_DOMAIN_FEATURE_IBS,
    VIR_DOMAIN_FEATURE_TCG,

    VIR_DOMAIN_FEATURE_LAST
} virDomainFeature;

#define VIR_DOMAIN_HYPERV_FEATURES 15
#define VIR_DOMAIN_KVM_FEATURES 5
#define VIR_DOMAIN_PROCESS_CAPS 37

typedef struct {
    /* per feature: a virTristateSwitch, or the feature's own enum value
     * (hyperv mode, ioapic driver, cfpc/sbbc/ibs value) */
    unsigned int state[VIR_DOMAIN_FEATURE_LAST];
    virTristateSwitch apicEoi;
    virTristateSwitch hyperv[VIR_DOMAIN_HYPERV_FEATURES];
    unsigned int hypervSpinlocks;
    virTristateSwitch hypervStimerDirect;
    char *hypervVendorId;
    virTristateSwitch kvm[VIR_DOMAIN_KVM_FEATURES];
    unsigned int kvmDirtyRingSize;
    virTristateSwitch xen[2];
    virTristateSwitch caps[VIR_DOMAIN_PROCESS_CAPS];    /* <capabilities> children */
    unsigned int xenPassthroughMode;
    bool tsegSpecified;
    unsigned long long tsegSize;        /* bytes */
    unsigned int gicVersion;
    unsigned int hptResizing;
    unsigned long long hptMaxpagesize;  /* KiB */
    unsigned int msrsUnknown;
    unsigned long long tcgTbCache;      /* KiB */
} virDomainFeaturesDef;

void virDomainFeaturesDefClear(virDomainFeaturesDef *features);
int virDomainFeaturesParseXML(virDomainFeaturesDef *features, xmlXPathContextPtr ctxt);
void virDomainFeaturesFormat(virBuffer *buf, const virDomainFeaturesDef *features);
