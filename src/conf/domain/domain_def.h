/*
 * domain_def.h: the <domain> document as a C structure.
 *
 * Each element family lives in its own file (memory.c, cpu.c, os.c,
 * features.c, clock.c, and the device files listed in device.c's ops
 * table); this header gathers them into virDomainDef and declares the
 * top-level parse / format entry points.
 */
#pragma once

#include "conf/domain/device.h"
#include "conf/domain/memory.h"
#include "conf/domain/cpu.h"
#include "conf/domain/os.h"
#include "conf/domain/features.h"
#include "conf/domain/clock.h"
#include "conf/domain/sysinfo.h"
#include "conf/domain/devices.h"

typedef enum {
    VIR_DOMAIN_VIRT_NONE = 0,
    VIR_DOMAIN_VIRT_QEMU,
    VIR_DOMAIN_VIRT_KQEMU,
    VIR_DOMAIN_VIRT_KVM,
    VIR_DOMAIN_VIRT_XEN,
    VIR_DOMAIN_VIRT_LXC,
    VIR_DOMAIN_VIRT_UML,
    VIR_DOMAIN_VIRT_OPENVZ,
    VIR_DOMAIN_VIRT_TEST,
    VIR_DOMAIN_VIRT_VMWARE,
    VIR_DOMAIN_VIRT_HYPERV,
    VIR_DOMAIN_VIRT_VBOX,
    VIR_DOMAIN_VIRT_PHYP,
    VIR_DOMAIN_VIRT_PARALLELS,
    VIR_DOMAIN_VIRT_BHYVE,
    VIR_DOMAIN_VIRT_VZ,
    VIR_DOMAIN_VIRT_HVF,

    VIR_DOMAIN_VIRT_LAST
} virDomainVirtType;
VIR_ENUM_DECL(virDomainVirt);

/* virDomainLifecycleAction is the public enum (libvirt-domain.h). */

typedef struct {
    char *model;
    int type;                   /* none, dynamic, static */
    bool relabel;
    bool relabelSet;
    char *label;
    char *imagelabel;
    char *baselabel;
} virDomainSeclabelDef;

typedef struct {
    unsigned int start;
    unsigned int target;
    unsigned int count;
} virDomainIdMapEntry;

typedef struct _virDomainXMLOption virDomainXMLOption;

struct _virDomainDef {
    int virtType;               /* virDomainVirtType */
    int id;                     /* -1: not running */
    unsigned char uuid[16];
    bool genidRequested;
    unsigned char genid[16];
    char *name;
    char *title;
    char *description;
    xmlNodePtr metadata;        /* a copy, owned */

    virDomainMemoryDef mem;
    virDomainVcpuTuneDef vcpu;
    virDomainCPUDef cpu;
    virDomainOSDef os;
    virDomainFeaturesDef features;
    virDomainClockDef clock;

    virDomainSysinfoDef **sysinfos;
    size_t nsysinfos;

    char *resourcePartition;
    char *resourceAppid;

    virDomainIdMapEntry *uidmap;
    size_t nuidmap;
    virDomainIdMapEntry *gidmap;
    size_t ngidmap;

    int onPoweroff;             /* virDomainLifecycleAction */
    int onReboot;
    int onCrash;
    unsigned int onLockFailure; /* 0: default (not formatted) */
    virTristateBool pmS3;
    virTristateBool pmS4;
    virTristateBool perf[22];   /* per perf event, libvirt's order */

    char *emulator;
    /* device lists, one per virDomainDeviceType (device.c's table) */
    virDomainDiskDef **disks;
    size_t ndisks;
    virDomainControllerDef **controllers;
    size_t ncontrollers;
    virDomainLeaseDef **leases;
    size_t nleases;
    virDomainFSDef **fss;
    size_t nfss;
    virDomainNetDef **nets;
    size_t nnets;
    virDomainSmartcardDef **smartcards;
    size_t nsmartcards;
    virDomainChrDef **serials;
    size_t nserials;
    virDomainChrDef **parallels;
    size_t nparallels;
    virDomainChrDef **consoles;
    size_t nconsoles;
    virDomainChrDef **channels;
    size_t nchannels;
    virDomainInputDef **inputs;
    size_t ninputs;
    virDomainTPMDef **tpms;
    size_t ntpms;
    virDomainGraphicsDef **graphics;
    size_t ngraphics;
    virDomainSoundDef **sounds;
    size_t nsounds;
    virDomainAudioDef **audios;
    size_t naudios;
    virDomainVideoDef **videos;
    size_t nvideos;
    virDomainHostdevDef **hostdevs;
    size_t nhostdevs;
    virDomainRedirdevDef **redirdevs;
    size_t nredirdevs;
    virDomainRedirFilterDef **redirfilters;
    size_t nredirfilters;
    virDomainHubDef **hubs;
    size_t nhubs;
    virDomainWatchdogDef **watchdogs;
    size_t nwatchdogs;
    virDomainMemballoonDef **memballoons;
    size_t nmemballoons;
    virDomainRNGDef **rngs;
    size_t nrngs;
    virDomainNVRAMDef **nvrams;
    size_t nnvrams;
    virDomainPanicDef **panics;
    size_t npanics;
    virDomainShmemDef **shmems;
    size_t nshmems;
    virDomainMemoryDeviceDef **mems;
    size_t nmems;
    virDomainIOMMUDef **iommus;
    size_t niommus;
    virDomainVsockDef **vsocks;
    size_t nvsocks;

    virDomainSeclabelDef **seclabels;
    size_t nseclabels;
    unsigned int launchSecurity; /* 0 none, sev, s390-pv */
    virTristateBool sevKernelHashes;
    unsigned int sevPolicy;
    bool sevHaveCbitpos, sevHaveReducedPhysBits;
    unsigned int sevCbitpos, sevReducedPhysBits;
    char *sevDhCert, *sevSession;

    const virDomainXMLOption *ns;   /* owner of namespaceData */
    void *namespaceData;
};

/*
 * What a driver adds to parsing (libvirt's virDomainXMLOption): hooks
 * around the generic post-parse pass, validation, and its own XML
 * namespace (such as qemu:commandline).  NULL everywhere means the
 * generic parser alone.
 */
struct _virDomainXMLOption {
    /* after controller indexes are assigned, before the generic pass */
    int (*postParse)(virDomainDef *def, unsigned int flags, void *opaque);
    /* after the generic pass: the driver's addresses and implicit devices */
    int (*assignAddresses)(virDomainDef *def, unsigned int flags, void *opaque);
    /* after every device's own validation */
    int (*validate)(const virDomainDef *def, void *opaque);
    void *opaque;
    bool allowNameSlash;        /* the driver accepts '/' in names */

    /* a driver namespace: children of <domain> in @nsHref */
    const char *nsPrefix;
    const char *nsHref;
    void *(*nsParse)(xmlXPathContextPtr ctxt);      /* NULL with error set on failure */
    int (*nsFormat)(virBuffer *buf, void *data);
    void (*nsFree)(void *data);
};

virDomainDef *virDomainDefNew(void);
void virDomainDefFree(virDomainDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainDef, virDomainDefFree);

/* Parse a <domain> document; flags are virDomainDefParseFlags.  The
 * generic post-parse pass (postparse.c) runs before it returns. */
virDomainDef *virDomainDefParseString(const char *xml, const virDomainXMLOption *xmlopt,
                                      unsigned int flags);

/* Parse the <domain> element @ctxt points at (for documents that embed
 * one: snapshots, status files). */
virDomainDef *virDomainDefParseNode(xmlXPathContextPtr ctxt, const virDomainXMLOption *xmlopt,
                                    unsigned int flags);

/* Format @def; flags are virDomainDefFormatFlags. */
char *virDomainDefFormat(const virDomainDef *def, unsigned int flags);
/* Format @def into @buf at its current indentation. */
int virDomainDefFormatBuf(virBuffer *buf, const virDomainDef *def, unsigned int flags);

/* postparse.c: driver-independent defaults and checks, calling
 * @xmlopt's hooks (may be NULL) at their points. */
int virDomainDefPostParse(virDomainDef *def, const virDomainXMLOption *xmlopt,
                          unsigned int flags);
