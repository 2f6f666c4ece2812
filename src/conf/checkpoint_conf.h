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

/* Parse a <domaincheckpoint>; @xmlopt and @postParse as for snapshots. */
virDomainCheckpointDef *virDomainCheckpointDefParseString(const char *xml,
                                                          const virDomainXMLOption *xmlopt,
                                                          virDomainMomentPostParseFunc postParse,
                                                          void *opaque,
                                                          unsigned int flags);
char *virDomainCheckpointDefFormat(const virDomainCheckpointDef *def, unsigned int flags);

/* Give every bitmap disk without a bitmap name the checkpoint's name. */
void virDomainCheckpointDefAssignBitmapNames(virDomainCheckpointDef *def);

/* Make @def's disks one per disk of def->parent.dom, in the domain's
 * order: a named disk is checked (it must have writable media unless it
 * takes no checkpoint); the others take a bitmap when @def names none,
 * else none.  Bitmaps without a name get the checkpoint's. */
int virDomainCheckpointAlignDisks(virDomainCheckpointDef *def);
