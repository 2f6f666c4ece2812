/*
 * memory.h: <memory>, <currentMemory>, <maxMemory>, <memtune>,
 * <memoryBacking> and <numatune>; scaled-value parsing for every file.
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_DOMAIN_MEMORY_SOURCE_NONE = 0,
    VIR_DOMAIN_MEMORY_SOURCE_FILE,
    VIR_DOMAIN_MEMORY_SOURCE_ANONYMOUS,
    VIR_DOMAIN_MEMORY_SOURCE_MEMFD,

    VIR_DOMAIN_MEMORY_SOURCE_LAST
} virDomainMemorySource;

typedef enum {
    VIR_DOMAIN_MEMORY_ACCESS_DEFAULT = 0,
    VIR_DOMAIN_MEMORY_ACCESS_SHARED,
    VIR_DOMAIN_MEMORY_ACCESS_PRIVATE,

    VIR_DOMAIN_MEMORY_ACCESS_LAST
} virDomainMemoryAccess;
VIR_ENUM_DECL(virDomainMemoryAccess);

typedef enum {
    VIR_DOMAIN_MEMORY_ALLOCATION_NONE = 0,
    VIR_DOMAIN_MEMORY_ALLOCATION_IMMEDIATE,
    VIR_DOMAIN_MEMORY_ALLOCATION_ONDEMAND,

    VIR_DOMAIN_MEMORY_ALLOCATION_LAST
} virDomainMemoryAllocation;

/* virDomainNumatuneMemMode is the public enum (libvirt-domain.h). */

typedef enum {
    VIR_DOMAIN_NUMATUNE_PLACEMENT_DEFAULT = 0,
    VIR_DOMAIN_NUMATUNE_PLACEMENT_STATIC,
    VIR_DOMAIN_NUMATUNE_PLACEMENT_AUTO,

    VIR_DOMAIN_NUMATUNE_PLACEMENT_LAST
} virDomainNumatunePlacement;

typedef struct {
    unsigned long long size;    /* KiB */
    char *nodeset;
} virDomainHugePage;

typedef struct {
    unsigned int cellid;
    int mode;                   /* virDomainNumatuneMemMode */
    char *nodeset;
} virDomainNumatuneNode;

typedef struct {
    char *path;
    unsigned int weight, riops, wiops;
    unsigned long long rbps, wbps;
} virDomainBlkioDevice;

typedef struct {
    unsigned int blkioWeight;   /* <blkiotune> */
    virDomainBlkioDevice *blkioDevices;
    size_t nblkioDevices;

    unsigned long long total;   /* <memory>, KiB */
    unsigned long long cur;     /* <currentMemory>, KiB */
    unsigned long long max;     /* <maxMemory>, KiB */
    unsigned int slots;
    virTristateSwitch dumpCore;

    /* <memtune>: the limits are VIR_DOMAIN_MEMORY_PARAM_UNLIMITED when
     * absent, min_guarantee 0 */
    unsigned long long hardLimit;
    unsigned long long softLimit;
    unsigned long long minGuarantee;
    unsigned long long swapHardLimit;

    /* <memoryBacking> */
    virDomainHugePage *hugepages;
    size_t nhugepages;
    bool hugepagesPresent;
    bool nosharepages;
    bool locked;
    int source;                 /* virDomainMemorySource */
    int access;                 /* virDomainMemoryAccess */
    int allocation;             /* virDomainMemoryAllocation */
    unsigned int allocationThreads;
    virTristateBool discard;

    /* <numatune> */
    bool numatunePresent;
    bool numatuneMemory;        /* <memory> given */
    int numatuneMode;           /* virDomainNumatuneMemMode */
    int numatunePlacement;      /* virDomainNumatunePlacement */
    char *numatuneNodeset;
    virDomainNumatuneNode *memnodes;
    size_t nmemnodes;
} virDomainMemoryDef;

void virDomainMemoryDefClear(virDomainMemoryDef *mem);

/* Parse a number at @xpath with its unit at @unitXPath (or @xpath/@unit)
 * into bytes; returns 1 if present, 0 if absent and not @required. */
int virDomainParseScaledValue(const char *xpath, const char *unitXPath,
                              xmlXPathContextPtr ctxt,
                              unsigned long long *val,
                              unsigned long long scale,
                              unsigned long long max, bool required);
/* Same, giving KiB (rounded up) and refusing sizes that do not fit. */
int virDomainParseMemory(const char *xpath, const char *unitXPath,
                         xmlXPathContextPtr ctxt, unsigned long long *mem,
                         bool required);

int virDomainMemoryParseXML(virDomainMemoryDef *mem, xmlXPathContextPtr ctxt);
/* <maxMemory>, <memory>, <currentMemory>. */
void virDomainMemoryFormat(virBuffer *buf, const virDomainMemoryDef *mem);
/* <blkiotune>, <memtune>, <memoryBacking>. */
void virDomainMemtuneFormat(virBuffer *buf, const virDomainMemoryDef *mem);
void virDomainNumatuneFormat(virBuffer *buf, const virDomainMemoryDef *mem);
