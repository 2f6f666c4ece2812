/*
 * backup_conf.h: the <domainbackup> document (a backup job's request,
 * and with the internal flag its saved state).
 */
#pragma once

#include "conf/domain/domain_def.h"
#include "conf/domain/disk_source.h"

typedef enum {
    VIR_DOMAIN_BACKUP_TYPE_DEFAULT = 0,
    VIR_DOMAIN_BACKUP_TYPE_PUSH,    /* libvirt writes the copies */
    VIR_DOMAIN_BACKUP_TYPE_PULL,    /* an NBD server exports them */

    VIR_DOMAIN_BACKUP_TYPE_LAST
} virDomainBackupType;
VIR_ENUM_DECL(virDomainBackup);

typedef enum {
    VIR_DOMAIN_BACKUP_DISK_STATE_NONE = 0,
    VIR_DOMAIN_BACKUP_DISK_STATE_RUNNING,
    VIR_DOMAIN_BACKUP_DISK_STATE_COMPLETE,
    VIR_DOMAIN_BACKUP_DISK_STATE_FAILED,
    VIR_DOMAIN_BACKUP_DISK_STATE_CANCELLING,
    VIR_DOMAIN_BACKUP_DISK_STATE_CANCELLED,

    VIR_DOMAIN_BACKUP_DISK_STATE_LAST
} virDomainBackupDiskState;
VIR_ENUM_DECL(virDomainBackupDiskState);

typedef enum {
    VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_DEFAULT = 0,
    VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_FULL,
    VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_INCREMENTAL,

    VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_LAST
} virDomainBackupDiskBackupMode;
VIR_ENUM_DECL(virDomainBackupDiskBackupMode);

/* <server transport=''>: the NBD server's transports */
typedef enum {
    VIR_DOMAIN_BACKUP_SERVER_TCP = 0,
    VIR_DOMAIN_BACKUP_SERVER_UNIX,
    VIR_DOMAIN_BACKUP_SERVER_RDMA,

    VIR_DOMAIN_BACKUP_SERVER_LAST
} virDomainBackupServerTransport;
VIR_ENUM_DECL(virDomainBackupServerTransport);

typedef enum {
    VIR_DOMAIN_BACKUP_PARSE_INTERNAL = 1 << 0,  /* the job's saved state */
} virDomainBackupParseFlags;

typedef struct {
    char *name;                 /* the disk's target */
    virTristateBool backup;
    char *exportname;           /* pull */
    char *exportbitmap;         /* pull */
    unsigned int backupmode;    /* virDomainBackupDiskBackupMode */
    char *incremental;
    unsigned int state;         /* virDomainBackupDiskState (internal) */
    virDomainStorageSource *store; /* <target> (push) or <scratch> (pull) */
} virDomainBackupDiskDef;

typedef struct _virDomainBackupDef virDomainBackupDef;
struct _virDomainBackupDef {
    unsigned int type;          /* virDomainBackupType */
    char *incremental;
    virDomainStorageHost *server; /* pull: the NBD server */
    virTristateBool tls;
    virDomainBackupDiskDef *disks;
    size_t ndisks;
    char *tlsAlias;             /* internal */
    char *tlsSecretAlias;       /* internal */
};

void virDomainBackupDefFree(virDomainBackupDef *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainBackupDef, virDomainBackupDefFree);

virDomainBackupDef *virDomainBackupDefParseString(const char *xml, unsigned int flags);

/* Match @def's disks to @dom's: one entry per domain disk, in the
 * domain's order of first mention, with backup modes and, for files,
 * default target names "<image>.<suffix>". */
int virDomainBackupAlignDisks(virDomainBackupDef *def, const virDomainDef *dom,
                              const char *suffix);

/* @internal: with disk states, indexes and <privateData>. */
char *virDomainBackupDefFormat(const virDomainBackupDef *def, bool internal);
