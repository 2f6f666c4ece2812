/*
 * virdomainjob.h: a domain's long-running ("async") job as its driver
 * keeps it: the one running, the statistics of the last one that ended,
 * and, for a backup job, its definition.
 *
 * Locking: none of its own; it lives in the virDomainObj and is guarded
 * by that object's lock.
 */
#pragma once

#include "internal.h"
#include "conf/backup_conf.h"
#include "conf/object_event.h"

typedef enum {
    VIR_DOMAIN_JOB_STATUS_NONE = 0,
    VIR_DOMAIN_JOB_STATUS_ACTIVE,
    VIR_DOMAIN_JOB_STATUS_COMPLETED,
    VIR_DOMAIN_JOB_STATUS_FAILED,
    VIR_DOMAIN_JOB_STATUS_CANCELED,
} virDomainJobStatus;

typedef struct {
    virDomainJobStatus status;
    int operation;                  /* virDomainJobOperation */
    unsigned long long started;     /* ms since the epoch */
    unsigned long long elapsed;     /* ms; fixed once the job has ended */
    /* a backup's bytes: copied (push mode) or in the scratch images (pull) */
    unsigned long long total;
    unsigned long long transferred;
    unsigned long long tmpUsed;
    unsigned long long tmpTotal;
    char *errmsg;                   /* the first error, if the job failed */
} virDomainJobData;

typedef struct {
    virDomainJobData *current;      /* NULL: no job */
    virDomainJobData *completed;    /* NULL: none, or already read */
    virDomainBackupDef *backup;     /* the running backup, or NULL */
    virObjectEventState *events;    /* where the current job's end is told
                                     * (borrowed from the driver) */
} virDomainJobObj;

virDomainJobData *virDomainJobDataNew(int operation);
virDomainJobData *virDomainJobDataCopy(const virDomainJobData *data);
void virDomainJobDataFree(virDomainJobData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainJobData, virDomainJobDataFree);

/* The job of @data ended with @status: its elapsed time is fixed. */
void virDomainJobDataEnd(virDomainJobData *data, virDomainJobStatus status);

/* The public VIR_DOMAIN_JOB_* type of a job in @status. */
int virDomainJobStatusToType(virDomainJobStatus status);

/* @data (updated to now if it is running) as virDomainGetJobInfo tells it. */
void virDomainJobDataToInfo(virDomainJobData *data, virDomainJobInfoPtr info);

/* @data (updated to now if running) as virDomainGetJobStats tells a
 * backup job: operation, elapsed time, the disk figures that are known,
 * and for an ended job whether it succeeded and its error. */
void virDomainJobDataToParams(virDomainJobData *data, int *type,
                              virTypedParameterPtr *params, int *nparams);

void virDomainJobObjClear(virDomainJobObj *job);
