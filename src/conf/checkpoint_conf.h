/*
 * checkpoint_conf.h: the <domaincheckpoint> document.
 */
#pragma once

#include "conf/moment_conf.h"

typedef enum {
    VIR_DOMAIN_CHECKPOINT_TYPE_DEFAULT = 0,
    VIR_DOMAIN_CHECKPOINT_TYPE_NONE,
    VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP,

    VIR_DOMAIN_CHECKPOINT_TYPE_LAST
} virDomainCheckpointType;
VIR_ENUM_DECL(virDomainCheckpoint);

typedef enum {
    VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE = 1 << 0,
} virDomainCheckpointParseFlags;

typedef enum {
    VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE = 1 << 0,
    VIR_DOMAIN_CHECKPOINT_FORMAT_NO_DOMAIN = 1 << 1,
    VIR_DOMAIN_CHECKPOINT_FORMAT_SIZE = 1 << 2,   /* the bitmaps' sizes */
} virDomainCheckpointFormatFlags;

typedef struct {
    char *name;                 /* the disk's target */
    unsigned int type;          /* virDomainCheckpointType */
    char *bitmap;
    unsigned long long size;    /* changed bytes, when sizeValid */
    bool sizeValid;
} virDomainCheckpointDiskDef;

typedef struct _virDomainCheckpointDef virDomainCheckpointDef;
struct _virDomainCheckpointDef {
    virDomainMomentDef parent;
    virDomainCheckpointDiskDef *disks;
    size_t ndisks;
};

void virDomainCheckpointDefFree(virDomainCheckpointDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainCheckpointDef, virDomainCheckpointDefFree);

/* Parse a <domaincheckpoint>; @postParse as for snapshots. */
virDomainCheckpointDef *virDomainCheckpointDefParseString(const char *xml,
                                                          virDomainMomentPostParseFunc postParse,
                                                          void *opaque,
                                                          unsigned int flags);
char *virDomainCheckpointDefFormat(const virDomainCheckpointDef *def, unsigned int flags);
