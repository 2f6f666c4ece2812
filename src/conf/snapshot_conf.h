/*
 * snapshot_conf.h: the <domainsnapshot> document.
 */
#pragma once

#include "conf/moment_conf.h"
#include "conf/domain/disk_source.h"

typedef enum {
    VIR_DOMAIN_SNAPSHOT_NOSTATE = 0,
    VIR_DOMAIN_SNAPSHOT_RUNNING,
    VIR_DOMAIN_SNAPSHOT_BLOCKED,
    VIR_DOMAIN_SNAPSHOT_PAUSED,
    VIR_DOMAIN_SNAPSHOT_SHUTDOWN,
    VIR_DOMAIN_SNAPSHOT_SHUTOFF,
    VIR_DOMAIN_SNAPSHOT_CRASHED,
    VIR_DOMAIN_SNAPSHOT_PMSUSPENDED,
    VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT,  /* disk-only: no domain state */

    VIR_DOMAIN_SNAPSHOT_LAST
} virDomainSnapshotState;
VIR_ENUM_DECL(virDomainSnapshotState);

/* Where a disk's or the memory's state goes. */
typedef enum {
    VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT = 0,
    VIR_DOMAIN_SNAPSHOT_LOCATION_NO,
    VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL,
    VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL,
    VIR_DOMAIN_SNAPSHOT_LOCATION_MANUAL,

    VIR_DOMAIN_SNAPSHOT_LOCATION_LAST
} virDomainSnapshotLocation;
VIR_ENUM_DECL(virDomainSnapshotLocation);

typedef enum {
    VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE = 1 << 0, /* an existing snapshot's metadata */
    VIR_DOMAIN_SNAPSHOT_PARSE_DISKS = 1 << 1,
    VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL = 1 << 2, /* with <active> */
    VIR_DOMAIN_SNAPSHOT_PARSE_OFFLINE = 1 << 3,  /* the domain is not running */
    VIR_DOMAIN_SNAPSHOT_PARSE_VALIDATE = 1 << 4, /* the schema's rules first */
} virDomainSnapshotParseFlags;

typedef enum {
    VIR_DOMAIN_SNAPSHOT_FORMAT_SECURE = 1 << 0,
    VIR_DOMAIN_SNAPSHOT_FORMAT_INTERNAL = 1 << 1, /* add <active> */
    VIR_DOMAIN_SNAPSHOT_FORMAT_CURRENT = 1 << 2,  /* <active>1</active> */
} virDomainSnapshotFormatFlags;

typedef struct {
    char *name;                 /* the disk's target or source path */
    unsigned int snapshot;      /* virDomainSnapshotLocation */
    bool snapshotDeleteInProgress;
    virDomainStorageSource *src; /* the new image of an external snapshot */
} virDomainSnapshotDiskDef;

/* <cookie>: what the QEMU driver saves beside a running snapshot (the
 * guest CPU as it ran, whether a slirp helper was in use). */
typedef struct {
    virDomainCPUDef cpu;
    bool slirpHelper;
} virDomainSnapshotCookie;

typedef struct _virDomainSnapshotDef virDomainSnapshotDef;
struct _virDomainSnapshotDef {
    virDomainMomentDef parent;
    unsigned int state;         /* virDomainSnapshotState */
    unsigned int memory;        /* virDomainSnapshotLocation */
    char *memorysnapshotfile;
    virDomainSnapshotDiskDef *disks;
    size_t ndisks;
    virDomainSnapshotCookie *cookie; /* NULL: no <cookie> */
};

void virDomainSnapshotDefFree(virDomainSnapshotDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainSnapshotDef, virDomainSnapshotDefFree);

/* Parse a <domainsnapshot>; its <domain> and <inactiveDomain> with the
 * driver's @xmlopt (may be NULL).  @postParse (NULL: the creation time is
 * now) runs on new snapshots.  With VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL,
 * *@current receives <active>. */
virDomainSnapshotDef *virDomainSnapshotDefParseString(const char *xml,
                                                      const virDomainXMLOption *xmlopt,
                                                      virDomainMomentPostParseFunc postParse,
                                                      void *opaque,
                                                      bool *current,
                                                      unsigned int flags);
virDomainSnapshotDef *virDomainSnapshotDefParseNode(xmlXPathContextPtr ctxt,
                                                    const virDomainXMLOption *xmlopt,
                                                    virDomainMomentPostParseFunc postParse,
                                                    void *opaque,
                                                    bool *current,
                                                    unsigned int flags);

/* Format @def; @uuidstr names the domain when @def has no <domain>. */
char *virDomainSnapshotDefFormat(const char *uuidstr, const virDomainSnapshotDef *def,
                                 unsigned int flags);

/* Does @def put the memory or any disk in an external file? */
bool virDomainSnapshotDefIsExternal(const virDomainSnapshotDef *def);

/*
 * Make @def's disks one per disk of its domain (def->parent.dom, or
 * @existing for a redefinition that carries none), in the domain's
 * order: a requested disk (by target or source path) is checked and
 * renamed to its target, every other one gets the domain disk's mode or
 * @defaultLocation (a virDomainSnapshotLocation).  With
 * @uniformInternal, an internal snapshot takes every disk that can be
 * taken.  External images without a name get one beside the disk's
 * source (which must then be a regular file).
 */
int virDomainSnapshotAlignDisks(virDomainSnapshotDef *def, const virDomainDef *existing,
                                unsigned int defaultLocation, bool uniformInternal);
