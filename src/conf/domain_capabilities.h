/*
 * domain_capabilities.h: <domainCapabilities>, the document of
 * virConnectGetDomainCapabilities (virsh domcapabilities).  Drivers fill
 * virDomainCaps and format it; libvirt has no parser (the reader in
 * domain_capabilities.c is for tests only).
 */
#pragma once

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"

/* The values of one <enum name='...'>: bit i set means value i of the
 * enum's table (each list below names its table). */
typedef struct {
    bool report;                /* format the <enum> even when empty */
    unsigned long long values;
} virDomainCapsEnum;

#define VIR_DOMAIN_CAPS_ENUM_SET(capsEnum, value) \
    ((capsEnum).report = true, (capsEnum).values |= 1ULL << (value))

/* An element with supported='yes|no' (absent: not formatted) */
typedef struct {
    virTristateBool supported;
    size_t nvalues;             /* <loader>: firmware paths */
    char **values;
    virDomainCapsEnum type;     /* virDomainLoader */
    virDomainCapsEnum readonly; /* virTristateBool */
    virDomainCapsEnum secure;   /* virTristateBool */
} virDomainCapsLoader;

typedef struct {
    virTristateBool supported;
    virDomainCapsEnum firmware; /* virDomainOsDefFirmware */
    virDomainCapsLoader loader;
} virDomainCapsOS;

typedef enum {
    VIR_DOMCAPS_CPU_USABLE_UNKNOWN,
    VIR_DOMCAPS_CPU_USABLE_YES,
    VIR_DOMCAPS_CPU_USABLE_NO,

    VIR_DOMCAPS_CPU_USABLE_LAST
} virDomainCapsCPUUsable;
VIR_ENUM_DECL(virDomainCapsCPUUsable);

typedef struct {
    char *name;
    virDomainCapsCPUUsable usable;
    bool deprecated;
    char *vendor;               /* NULL: 'unknown' */
} virDomainCapsCPUModel;

typedef struct {
    char *policy;               /* virDomainCPUFeaturePolicy name */
    char *name;
} virDomainCapsCPUFeature;

/* The host-model CPU: what virCPUDefFormatBuf prints of it */
typedef struct {
    char *model;
    int fallback;               /* virDomainCPUFallback, -1 if none */
    char *vendor;
    size_t nfeatures;
    virDomainCapsCPUFeature *features;
} virDomainCapsCPUHostModel;

typedef struct {
    bool hostPassthrough;
    virDomainCapsEnum hostPassthroughMigratable;  /* virTristateSwitch */
    bool maximum;
    virDomainCapsEnum maximumMigratable;          /* virTristateSwitch */
    virDomainCapsCPUHostModel *hostModel;
    size_t nmodels;                               /* custom */
    virDomainCapsCPUModel *models;
} virDomainCapsCPU;

typedef struct {
    virTristateBool supported;
    virDomainCapsEnum e[5];
} virDomainCapsDevice;

/* The <enum>s of the generic elements: element name, then up to five
 * enum names with their tables. */
typedef enum {
    VIR_DOMAIN_CAPS_MEMORY_BACKING,
    VIR_DOMAIN_CAPS_DISK,
    VIR_DOMAIN_CAPS_GRAPHICS,
    VIR_DOMAIN_CAPS_VIDEO,
    VIR_DOMAIN_CAPS_HOSTDEV,
    VIR_DOMAIN_CAPS_RNG,
    VIR_DOMAIN_CAPS_FILESYSTEM,
    VIR_DOMAIN_CAPS_TPM,
    VIR_DOMAIN_CAPS_REDIRDEV,
    VIR_DOMAIN_CAPS_CHANNEL,
    VIR_DOMAIN_CAPS_GIC,
    VIR_DOMAIN_CAPS_HYPERV,

    VIR_DOMAIN_CAPS_DEVICE_LAST
} virDomainCapsDeviceType;

typedef enum {
    VIR_DOMAIN_CAPS_FEATURE_IOTHREADS = 0,
    VIR_DOMAIN_CAPS_FEATURE_VMCOREINFO,
    VIR_DOMAIN_CAPS_FEATURE_GENID,
    VIR_DOMAIN_CAPS_FEATURE_BACKING_STORE_INPUT,
    VIR_DOMAIN_CAPS_FEATURE_BACKUP,
    VIR_DOMAIN_CAPS_FEATURE_S390_PV,

    VIR_DOMAIN_CAPS_FEATURE_LAST
} virDomainCapsFeature;
VIR_ENUM_DECL(virDomainCapsFeature);

typedef struct {
    int cbitpos;
    int reduced_phys_bits;
    int max_guests;
    int max_es_guests;
    char *cpu0_id;
} virSEVCapability;

typedef struct {
    int node;
    unsigned long long size;
} virSGXSection;

typedef struct {
    bool flc;
    bool sgx1;
    bool sgx2;
    unsigned long long section_size;
    size_t nSgxSections;
    virSGXSection *sgxSections;
} virSGXCapability;

typedef struct _virDomainCaps virDomainCaps;
struct _virDomainCaps {
    char *path;                 /* the emulator */
    int virttype;               /* virDomainVirt */
    char *machine;
    int arch;                   /* virDomainArch */
    int maxvcpus;               /* 0: not formatted */
    virDomainCapsOS os;
    virDomainCapsCPU cpu;
    /* memoryBacking, devices, <gic> and <hyperv> (hyperv is formatted
     * only when supported is set) */
    virDomainCapsDevice dev[VIR_DOMAIN_CAPS_DEVICE_LAST];
    virTristateBool features[VIR_DOMAIN_CAPS_FEATURE_LAST];
    virSEVCapability *sev;      /* NULL: supported='no' */
    virSGXCapability *sgx;      /* NULL: supported='no' */
};

void virDomainCapsFree(virDomainCaps *caps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainCaps, virDomainCapsFree);

char *virDomainCapsFormat(const virDomainCaps *caps);
