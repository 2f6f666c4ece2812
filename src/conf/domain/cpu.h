/*
 * cpu.h: the guest <cpu> element (mode, model, vendor, topology, cache,
 * maxphysaddr, features, <numa> cells) and the vCPU / iothread tuning
 * elements (<vcpu>, <iothreads>, <iothreadids>, <cputune> with
 * cachetune / memorytune).
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_CPU_MODE_CUSTOM = 0,
    VIR_CPU_MODE_HOST_MODEL,
    VIR_CPU_MODE_HOST_PASSTHROUGH,
    VIR_CPU_MODE_MAXIMUM,

    VIR_CPU_MODE_LAST
} virCPUMode;

typedef struct {
    char *name;
    int policy;                 /* virCPUFeaturePolicy */
} virCPUFeatureDef;

typedef struct {
    unsigned int id;
    unsigned int value;
} virDomainNumaDistance;

typedef struct {
    unsigned int level;
    unsigned int associativity;
    unsigned int policy;
    unsigned long long size;    /* KiB */
    unsigned int line;          /* bytes */
} virDomainNumaCache;

typedef struct {
    char *cpus;                 /* canonical list, may be NULL */
    unsigned long long mem;     /* KiB */
    int memAccess;              /* virDomainMemoryAccess */
    virTristateBool discard;
    virDomainNumaDistance *distances;
    size_t ndistances;
    virDomainNumaCache *caches;
    size_t ncaches;
} virDomainNumaCell;

typedef struct {
    unsigned int type;          /* latency / bandwidth */
    unsigned int initiator;
    unsigned int target;
    unsigned int cache;
    unsigned int accessType;
    unsigned long long value;
    bool cacheSet;
} virDomainNumaInterconnect;

typedef struct {
    bool present;               /* a <cpu> element was given */
    unsigned int mode;          /* virCPUMode */
    unsigned int match;         /* 0: absent, else +1 */
    unsigned int check;         /* 0: absent */
    virTristateSwitch migratable;
    char *model;
    int fallback;               /* allow / forbid */
    char *vendorId;
    char *vendor;
    unsigned int sockets, dies, cores, threads;
    bool cachePresent;
    int cacheLevel;             /* -1: absent */
    unsigned int cacheMode;
    bool maxphysaddrPresent;
    unsigned int maxphysaddrMode;
    int maxphysaddrBits;        /* -1: absent */
    virCPUFeatureDef *features;
    size_t nfeatures;

    virDomainNumaCell *cells;   /* <numa> */
    size_t ncells;
    virDomainNumaInterconnect *interconnects;
    size_t ninterconnects;
} virDomainCPUDef;

void virDomainCPUDefClear(virDomainCPUDef *cpu);
int virDomainCPUParseXML(virDomainCPUDef *cpu, xmlXPathContextPtr ctxt);
void virDomainCPUFormat(virBuffer *buf, const virDomainCPUDef *cpu);
unsigned long long virDomainCPUNumaMemory(const virDomainCPUDef *cpu);

/* <vcpu>, <iothreads>, <cputune> */
typedef struct {
    char *vcpus;                /* canonical list */
    unsigned int policy;
    int priority;
    bool hasPriority;
} virDomainSchedDef;

typedef struct {
    unsigned int id;
    char *cpuset;
    int poolMin;                /* -1: absent */
    int poolMax;
    bool autofill;              /* made up from <iothreads>N, not listed */
} virDomainIOThreadDef;

typedef struct {
    char *vcpus;                /* canonical */
    char *id;
    /* caches: id, level, type, size in bytes */
    struct {
        unsigned int id, level, type;
        unsigned long long size;
    } *caches;
    size_t ncaches;
    struct {
        unsigned int id, bandwidth;
    } *nodes;
    size_t nnodes;
    struct {
        char *vcpus;
        bool cache;             /* cache monitor (else memory bandwidth) */
    } *monitors;
    size_t nmonitors;
} virDomainResctrlDef;

typedef struct {
    bool online;
    virTristateBool hotpluggable;
    unsigned int order;
} virDomainVcpuState;

typedef struct {
    unsigned int maxvcpus;
    unsigned int current;       /* == maxvcpus unless current='' */
    int placement;              /* static / auto */
    char *cpuset;
    bool individual;            /* <vcpus> given: per-vCPU states below */
    virDomainVcpuState *states; /* maxvcpus entries */

    unsigned int niothreads;
    virDomainIOThreadDef *iothreadids;
    size_t niothreadids;

    bool sharesSpecified;
    unsigned long long shares;
    unsigned long long period, globalPeriod, emulatorPeriod, iothreadPeriod;
    long long quota, globalQuota, emulatorQuota, iothreadQuota;
    char **vcpupin;             /* per vcpu id, NULL if not pinned */
    char *emulatorpin;
    virDomainSchedDef *vcpusched;
    size_t nvcpusched;
    virDomainSchedDef *iothreadsched;
    size_t niothreadsched;
    virDomainSchedDef *emulatorsched;
    virDomainResctrlDef **resctrls;
    size_t nresctrls;
} virDomainVcpuTuneDef;

void virDomainVcpuTuneDefClear(virDomainVcpuTuneDef *tune);
/* Per-vCPU defaults and checks (hotpluggable follows online). */
int virDomainVcpuPostParse(virDomainVcpuTuneDef *tune);
int virDomainVcpuTuneParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt,
                              unsigned int flags);
/* The iothread @id of @tune, or NULL. */
virDomainIOThreadDef *virDomainIOThreadFind(virDomainVcpuTuneDef *tune, unsigned int id);
/* Append iothread @id (listed in <iothreadids> from now on); the caller
 * checks it is new. */
virDomainIOThreadDef *virDomainIOThreadAdd(virDomainVcpuTuneDef *tune, unsigned int id);
/* Remove iothread @id, with its pinning, if it is there. */
void virDomainIOThreadDel(virDomainVcpuTuneDef *tune, unsigned int id);
/* <vcpu> and <iothreads>/<iothreadids>. */
void virDomainVcpuFormat(virBuffer *buf, const virDomainVcpuTuneDef *tune);
/* <cputune>. */
void virDomainCputuneFormat(virBuffer *buf, const virDomainVcpuTuneDef *tune,
                            unsigned int flags);

int virDomainResctrlParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt,
                             unsigned int flags);
void virDomainResctrlFormat(virBuffer *buf, const virDomainVcpuTuneDef *tune,
                            unsigned int flags);
void virDomainResctrlDefFree(virDomainResctrlDef *resctrl);
