/*
 * sysinfo.h: <sysinfo type='smbios'> (bios, system, baseBoard, chassis,
 * oemStrings) and <sysinfo type='fwcfg'> entries.
 */
#pragma once

#include "conf/domain/device.h"

#define VIR_DOMAIN_SYSINFO_MAX_FIELDS 7

/* One SMBIOS block instance: its entries in libvirt's order. */
typedef struct {
    unsigned int kind;          /* index into the block table */
    char *fields[VIR_DOMAIN_SYSINFO_MAX_FIELDS];
} virDomainSysinfoBlock;

typedef struct {
    char *name;
    char *value;
    char *file;
} virDomainSysinfoFWCfg;

typedef struct {
    unsigned int type;          /* smbios, fwcfg */
    virDomainSysinfoBlock *blocks;
    size_t nblocks;
    char **oemStrings;
    virDomainSysinfoFWCfg *fwcfgs;
    size_t nfwcfgs;
} virDomainSysinfoDef;

void virDomainSysinfoDefFree(virDomainSysinfoDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainSysinfoDef, virDomainSysinfoDefFree);
virDomainSysinfoDef *virDomainSysinfoParseXML(xmlNodePtr node);
void virDomainSysinfoFormat(virBuffer *buf, const virDomainSysinfoDef *def);
