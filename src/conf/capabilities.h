/*
 * capabilities.h: <capabilities>, the host and guest capabilities
 * document (virConnectGetCapabilities, virsh capabilities).  Drivers fill
 * virCaps and format it; libvirt has no parser (the reader in
 * capabilities.c is for tests only).
 *
 * CPU lists (cpus='0-3', siblings) are kept as canonical bitmap strings
 * (conf/domain/bitmap.h).
 */
#pragma once

#include "internal.h"
#include "util/virenum.h"

typedef struct {
    unsigned int size;          /* KiB */
    unsigned long long avail;   /* pages; only in <topology> cells */
} virCapsHostPage;

typedef struct {
    char *name;
} virCapsHostCPUFeature;

/* The host CPU: what virCPUDefFormatBuf prints for a host CPU */
typedef struct {
    char *model;
    char *vendor;
    unsigned int microcode;     /* 0: none */
    unsigned int sigFamily;     /* 0: no <signature> */
    unsigned int sigModel;
    unsigned int sigStepping;
    unsigned long long tscFrequency;    /* 0: no <counter> */
    virTristateBool tscScaling;
    unsigned int sockets, dies, cores, threads; /* all set or no <topology> */
    int maxphysaddrMode;        /* virDomainCPUMaxPhysAddrMode, -1: none */
    int maxphysaddrBits;        /* -1: none */
    size_t nfeatures;
    virCapsHostCPUFeature *features;
} virCapsHostCPU;

typedef struct {
    int id;
    bool hasTopology;           /* socket/die/core ids and siblings */
    int socket_id;
    int die_id;
    int core_id;
    char *siblings;
} virCapsHostNUMACellCPU;

typedef struct {
    int cellid;
    int value;
} virCapsHostNUMADistance;

typedef struct {
    unsigned int level;
    int associativity;          /* virDomainNumaCacheAssociativity, 0: none */
    int policy;                 /* virDomainNumaCachePolicy, 0: none */
    unsigned long long size;    /* KiB */
    unsigned int line;          /* B, 0: none */
} virCapsHostNUMACache;

typedef struct {
    bool bandwidth;             /* <bandwidth>, else <latency> */
    unsigned int initiator;
    unsigned int target;
    unsigned int cache;         /* 0: none */
    int accessType;             /* virDomainMemoryLatency */
    unsigned long value;
} virCapsHostNUMAInterconnect;

typedef struct {
    int num;
    unsigned long long mem;     /* KiB, 0: not formatted */
    size_t npageinfo;
    virCapsHostPage *pageinfo;
    size_t ndistances;
    virCapsHostNUMADistance *distances;
    size_t ncaches;
    virCapsHostNUMACache *caches;
    size_t ncpus;
    virCapsHostNUMACellCPU *cpus;
} virCapsHostNUMACell;

typedef struct {
    unsigned long long granularity;     /* bytes */
    unsigned long long min;             /* bytes, 0: none */
    int scope;                          /* virCapsCacheType */
    unsigned int max_allocation;
} virCapsHostCacheControl;

typedef enum {
    VIR_CAPS_CACHE_TYPE_BOTH,
    VIR_CAPS_CACHE_TYPE_CODE,
    VIR_CAPS_CACHE_TYPE_DATA,

    VIR_CAPS_CACHE_TYPE_LAST
} virCapsCacheType;
VIR_ENUM_DECL(virCapsCache);

typedef struct {
    unsigned int id;
    unsigned int level;
    int type;                   /* virCapsCacheType */
    unsigned long long size;    /* bytes */
    char *cpus;
    size_t ncontrols;
    virCapsHostCacheControl *controls;
} virCapsHostCacheBank;

/* resctrl <monitor>: absent when it has no features */
typedef struct {
    bool cacheLevel;            /* level and reuseThreshold are given */
    unsigned int level;
    unsigned int reuseThreshold;
    unsigned int maxMonitors;
    size_t nfeatures;
    char **features;
} virCapsHostMonitor;

typedef struct {
    unsigned int id;
    char *cpus;
    unsigned int granularity;
    unsigned int min;
    unsigned int maxAllocs;
} virCapsHostMemBWNode;

typedef struct {
    char *type;
    char *label;
} virCapsHostSecModelLabel;

typedef struct {
    char *model;
    char *doi;
    size_t nlabels;
    virCapsHostSecModelLabel *labels;
} virCapsHostSecModel;

typedef enum {
    VIR_CAPS_HOST_PM_SUSPEND_MEM,
    VIR_CAPS_HOST_PM_SUSPEND_DISK,
    VIR_CAPS_HOST_PM_SUSPEND_HYBRID,

    VIR_CAPS_HOST_PM_LAST
} virCapsHostPMTarget;
VIR_ENUM_DECL(virCapsHostPMTarget);

typedef struct {
    unsigned char uuid[16];
    bool hasUUID;
    int arch;                   /* virDomainArch, 0: none */
    size_t nfeatures;           /* <cpu><features>: old-style flags */
    char **features;
    virCapsHostCPU *cpu;
    size_t nPagesSize;
    unsigned int *pagesSize;    /* KiB */
    unsigned int powerMgmt;     /* 1 << virCapsHostPMTarget */
    bool iommu;
    bool offlineMigrate;
    bool liveMigrate;
    size_t nmigrateTrans;
    char **migrateTrans;
    char *netprefix;
    bool hasNUMA;
    size_t ncells;
    virCapsHostNUMACell *cells;
    size_t ninterconnects;
    virCapsHostNUMAInterconnect *interconnects;
    size_t nbanks;
    virCapsHostCacheBank *banks;
    virCapsHostMonitor *cacheMonitor;
    size_t nmemBWNodes;
    virCapsHostMemBWNode *memBWNodes;
    virCapsHostMonitor *memBWMonitor;
    size_t nsecModels;
    virCapsHostSecModel *secModels;
} virCapsHost;

typedef struct {
    char *name;
    char *canonical;
    int maxCpus;                /* 0: none */
    bool deprecated;
} virCapsGuestMachine;

typedef struct {
    char *emulator;
    char *loader;
    size_t nmachines;
    virCapsGuestMachine *machines;
} virCapsGuestDomainInfo;

typedef struct {
    int type;                   /* virDomainVirt */
    virCapsGuestDomainInfo info;
} virCapsGuestDomain;

typedef enum {
    VIR_CAPS_GUEST_FEATURE_TYPE_PAE,
    VIR_CAPS_GUEST_FEATURE_TYPE_NONPAE,
    VIR_CAPS_GUEST_FEATURE_TYPE_IA64_BE,
    VIR_CAPS_GUEST_FEATURE_TYPE_ACPI,
    VIR_CAPS_GUEST_FEATURE_TYPE_APIC,
    VIR_CAPS_GUEST_FEATURE_TYPE_CPUSELECTION,
    VIR_CAPS_GUEST_FEATURE_TYPE_DEVICEBOOT,
    VIR_CAPS_GUEST_FEATURE_TYPE_DISKSNAPSHOT,
    VIR_CAPS_GUEST_FEATURE_TYPE_HAP,

    VIR_CAPS_GUEST_FEATURE_TYPE_LAST
} virCapsGuestFeatureType;

typedef struct {
    bool present;
    virTristateSwitch defaultOn;
    virTristateBool toggle;
} virCapsGuestFeature;

typedef struct {
    int ostype;                 /* virDomainOS */
    int arch;                   /* virDomainArch, 0: no <arch> start tag */
    int wordsize;
    virCapsGuestDomainInfo defaultInfo;
    size_t ndomains;
    virCapsGuestDomain *domains;
    virCapsGuestFeature features[VIR_CAPS_GUEST_FEATURE_TYPE_LAST];
} virCapsGuest;

typedef struct _virCaps virCaps;
struct _virCaps {
    virCapsHost host;
    size_t nguests;
    virCapsGuest *guests;
    size_t npools;
    int *pools;                 /* virStoragePoolType */
};

void virCapabilitiesFree(virCaps *caps);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virCaps, virCapabilitiesFree);

char *virCapabilitiesFormatXML(const virCaps *caps);
