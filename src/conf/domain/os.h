/*
 * os.h: <os> (type, arch, machine, firmware, loader, nvram, kernel,
 * initrd, cmdline, dtb, ACPI table, boot order, bootmenu, bios, smbios)
 * and <bootloader>.
 */
#pragma once

#include "conf/domain/device.h"
#include "conf/domain/disk_source.h"

typedef enum {
    VIR_DOMAIN_OSTYPE_HVM = 0,
    VIR_DOMAIN_OSTYPE_XEN,
    VIR_DOMAIN_OSTYPE_LINUX,
    VIR_DOMAIN_OSTYPE_EXE,
    VIR_DOMAIN_OSTYPE_UML,
    VIR_DOMAIN_OSTYPE_XENPVH,

    VIR_DOMAIN_OSTYPE_LAST
} virDomainOSType;

#define VIR_DOMAIN_BOOT_MAX 4
#define VIR_DOMAIN_BOOT_DISK 2       /* "hd" */

typedef struct {
    int type;                   /* virDomainOSType */
    char *arch;                 /* NULL until post-parse picks a default */
    char *machine;
    unsigned int firmware;      /* 0 none, bios, efi */
    virTristateBool firmwareFeatures[2]; /* enrolled-keys, secure-boot */
    bool hasFirmwareFeatures;
    char *bootloader;
    char *bootloaderArgs;
    char *init;

    bool loaderPresent;
    virTristateBool loaderReadonly;
    virTristateBool loaderSecure;
    virTristateBool loaderStateless;
    unsigned int loaderType;    /* 0 none, rom, pflash */
    char *loaderPath;
    bool nvramPresent;
    char *nvramTemplate;
    char *nvramPath;
    virDomainStorageSource *nvramSource;  /* <nvram type=''> with a <source> */

    char *kernel;
    char *initrd;
    char *cmdline;
    char *dtb;
    char *root;
    char *slicTable;

    unsigned int bootDevs[VIR_DOMAIN_BOOT_MAX];
    size_t nBootDevs;
    virTristateBool bootmenu;
    bool bootmenuTimeoutSet;
    unsigned int bootmenuTimeout;
    virTristateBool biosUseserial;
    bool biosRebootTimeoutSet;
    int biosRebootTimeout;
    unsigned int smbiosMode;
} virDomainOSDef;

void virDomainOSDefClear(virDomainOSDef *os);
VIR_ENUM_DECL(virDomainOS);
/* The os type, arch and bootloader (read first: other parts depend on
 * them). */
int virDomainOSParseCapsXML(virDomainOSDef *os, xmlXPathContextPtr ctxt);
/* The rest of <os>. */
int virDomainOSParseXML(virDomainOSDef *os, xmlXPathContextPtr ctxt);
/* @xenGuest: the domain type is 'xen' (paravirt guests print 'linux'). */
void virDomainOSFormat(virBuffer *buf, const virDomainOSDef *os, bool xenGuest);
