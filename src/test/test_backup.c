/*
 * test_backup.c: backup jobs of the test driver and the job calls that
 * watch and end them (virDomainGetJobInfo, virDomainGetJobStats,
 * virDomainAbortJob).
 *
 * libvirt 9.0.0's test driver has none of these; they follow the QEMU
 * driver's semantics: one backup at a time, for a running domain; a
 * document checked and completed the same way (default targets, qcow2
 * images, NBD exports); an optional checkpoint created with the backup;
 * the job's statistics while it runs and, once it ended, until read;
 * the VIR_DOMAIN_EVENT_ID_JOB_COMPLETED event.  The test driver has no
 * data to copy, so a push backup completes as soon as it has begun; a
 * pull backup runs until the client ends it with virDomainAbortJob
 * (which, as for QEMU, completes it) or the domain stops (which cancels
 * it).  No image is written.
 *
 * Every method works under the domain object's lock, which guards its
 * job (conf/virdomainobj.h).
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "conf/domain_event.h"
#include "conf/virdomaincheckpointobjlist.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* End @vm's backup job with @status: its figures become the completed
 * job's, and the end is told to JOB_COMPLETED callbacks. */
static void
testDomainBackupTerminate(virDomainObj *vm, virDomainJobStatus status)
{
    virDomainJobObj *job = &vm->job;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int type;

    if (!job->current)
        return;
    virDomainJobDataEnd(job->current, status);
    g_clear_pointer(&job->completed, virDomainJobDataFree);
    job->completed = g_steal_pointer(&job->current);
    g_clear_pointer(&job->backup, virDomainBackupDefFree);

    virDomainJobDataToParams(job->completed, &type, &params, &nparams);
    virObjectEventStateQueue(job->events,
                             virDomainEventJobCompletedNew(VIR_DOMAIN_EVENT_OBJ(vm),
                                                           params, nparams));
    job->events = NULL;
}


void
testDomainJobsOnStop(virDomainObj *vm)
{
    /* as QEMU's process stop: a running backup is cancelled */
    testDomainBackupTerminate(vm, VIR_DOMAIN_JOB_STATUS_CANCELED);
}


/* The NBD server of a pull backup, by default TCP on localhost (which
 * then needs a port, as QEMU's driver asks); TLS needs a certificate
 * directory the test driver does not have. */
static int
testDomainBackupPrepareServer(virDomainBackupDef *def)
{
    if (def->type != VIR_DOMAIN_BACKUP_TYPE_PULL)
        return 0;
    if (!def->server) {
        def->server = g_new0(virDomainStorageHost, 1);
        def->server->transport = VIR_DOMAIN_BACKUP_SERVER_TCP;
        def->server->name = g_strdup("localhost");
    }
    if (def->server->transport == VIR_DOMAIN_BACKUP_SERVER_TCP &&
        !def->server->port) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "<domainbackup> must specify TCP port for now");
        return -1;
    }
    if (def->tls == VIR_TRISTATE_BOOL_YES) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "backup TLS directory not configured");
        return -1;
    }
    return 0;
}


/* One disk to back up: its image format, its checkpoint, its export. */
static int
testDomainBackupPrepareDisk(virDomainObj *vm, virDomainBackupDef *def,
                            virDomainBackupDiskDef *disk)
{
    bool pull = def->type == VIR_DOMAIN_BACKUP_TYPE_PULL;
    int qcow2 = virDomainStorageFileFormatTypeFromString("qcow2");

    if (!disk->store->format) {
        disk->store->format = qcow2;
    } else if (disk->store->format != qcow2 && pull) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "pull mode backup for disk '%s' requires qcow2 driver", disk->name);
        return -1;
    }
    if (disk->incremental) {
        if (!virDomainMomentFindByName(vm->checkpoints, disk->incremental)) {
            virReportError(VIR_ERR_NO_DOMAIN_CHECKPOINT,
                           "Checkpoint '%s' for incremental backup of disk '%s' not found",
                           disk->incremental, disk->name);
            return -1;
        }
        if (pull && !disk->exportbitmap)
            disk->exportbitmap = g_strdup_printf("backup-%s", disk->name);
    }
    if (pull && !disk->exportname)
        disk->exportname = g_strdup(disk->name);
    disk->state = VIR_DOMAIN_BACKUP_DISK_STATE_RUNNING;
    return 0;
}


/* Check and complete @def for @vm (running, without a backup). */
static int
testDomainBackupPrepare(virDomainObj *vm, virDomainBackupDef *def, const char *suffix)
{
    size_t ndisks = 0;
    size_t i;

    if (virDomainBackupAlignDisks(def, vm->def, suffix) < 0)
        return -1;
    if (vm->job.backup) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "another backup job is already running");
        return -1;
    }
    if (testDomainBackupPrepareServer(def) < 0)
        return -1;
    for (i = 0; i < def->ndisks; i++) {
        virDomainBackupDiskDef *disk = &def->disks[i];

        if (disk->backup != VIR_TRISTATE_BOOL_YES || !disk->store)
            continue;
        if (testDomainBackupPrepareDisk(vm, def, disk) < 0)
            return -1;
        ndisks++;
    }
    if (!ndisks) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s", "no disks selected for backup");
        return -1;
    }
    return 0;
}


/* A push backup has nothing to copy: every disk is done at once. */
static void
testDomainBackupPushDone(virDomainObj *vm)
{
    virDomainBackupDef *def = vm->job.backup;
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i].state == VIR_DOMAIN_BACKUP_DISK_STATE_RUNNING)
            def->disks[i].state = VIR_DOMAIN_BACKUP_DISK_STATE_COMPLETE;
    }
    testDomainBackupTerminate(vm, VIR_DOMAIN_JOB_STATUS_COMPLETED);
}


static int
testDomainBackupBegin(virDomainPtr domain, const char *backupXML,
                      const char *checkpointXML, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    g_autoptr(virDomainBackupDef) def = NULL;
    g_autoptr(virDomainCheckpointDef) chkdef = NULL;
    g_autofree char *suffix = NULL;
    virDomainObj *vm;
    int ret = -1;

    /* no image is written, so there is none to reuse either */
    virCheckFlags(VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL, -1);

    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainBackupDefParseString(backupXML, 0)))
        goto cleanup;
    if (checkpointXML) {
        if (!(chkdef = virDomainCheckpointDefParseString(checkpointXML, drv->xmlopt,
                                                         NULL, NULL, 0)))
            goto cleanup;
        suffix = g_strdup(chkdef->parent.name);
    } else {
        suffix = g_strdup_printf("%lld", (long long)(g_get_real_time() / (1000 * 1000)));
    }
    if (!virDomainObjIsActive(vm)) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot perform disk backup for inactive domain");
        goto cleanup;
    }
    if (testDomainBackupPrepare(vm, def, suffix) < 0)
        goto cleanup;
    if (chkdef && !testDomainCheckpointAdd(drv, vm, &chkdef))
        goto cleanup;

    vm->job.current = virDomainJobDataNew(VIR_DOMAIN_JOB_OPERATION_BACKUP);
    vm->job.backup = g_steal_pointer(&def);
    vm->job.events = drv->eventState;
    if (vm->job.backup->type != VIR_DOMAIN_BACKUP_TYPE_PULL)
        testDomainBackupPushDone(vm);
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&vm);
    return ret;
}


static char *
testDomainBackupGetXMLDesc(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *vm;
    char *xml = NULL;

    virCheckFlags(0, NULL);

    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if (!vm->job.backup)
        virReportError(VIR_ERR_NO_DOMAIN_BACKUP, "%s", "no domain backup job present");
    else
        xml = virDomainBackupDefFormat(vm->job.backup, false);
    virDomainObjEndAPI(&vm);
    return xml;
}


static int
testDomainGetJobInfo(virDomainPtr domain, virDomainJobInfoPtr info)
{
    virDomainObj *vm;
    int ret = -1;

    memset(info, 0, sizeof(*info));
    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(vm) < 0)
        goto cleanup;
    if (vm->job.current)
        virDomainJobDataToInfo(vm->job.current, info);
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&vm);
    return ret;
}


static int
testDomainGetJobStats(virDomainPtr domain, int *type, virTypedParameterPtr *params,
                      int *nparams, unsigned int flags)
{
    bool completed = !!(flags & VIR_DOMAIN_JOB_STATS_COMPLETED);
    virDomainJobData *data = NULL;
    virDomainObj *vm;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_JOB_STATS_COMPLETED |
                  VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED, -1);

    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    if (completed) {
        /* the last job's figures, once no job runs */
        if (!vm->job.current)
            data = vm->job.completed;
    } else {
        if (virDomainObjCheckActive(vm) < 0)
            goto cleanup;
        data = vm->job.current;
    }
    if (!data) {
        *type = VIR_DOMAIN_JOB_NONE;
        *params = NULL;
        *nparams = 0;
    } else {
        virDomainJobDataToParams(data, type, params, nparams);
        if (completed && !(flags & VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED))
            g_clear_pointer(&vm->job.completed, virDomainJobDataFree);
    }
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&vm);
    return ret;
}


static int
testDomainAbortJobFlags(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *vm;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_ABORT_JOB_POSTCOPY, -1);

    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(vm) < 0)
        goto cleanup;
    /* the only job the test driver runs is a backup, never a migration */
    if (flags & VIR_DOMAIN_ABORT_JOB_POSTCOPY) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "current job is not outgoing migration in post-copy mode");
        goto cleanup;
    }
    if (!vm->job.current) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "no job is active on the domain");
        goto cleanup;
    }
    /* ending a pull backup is how its client says it is done */
    testDomainBackupTerminate(vm, vm->job.backup->type == VIR_DOMAIN_BACKUP_TYPE_PULL
                                  ? VIR_DOMAIN_JOB_STATUS_COMPLETED
                                  : VIR_DOMAIN_JOB_STATUS_CANCELED);
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&vm);
    return ret;
}


static int
testDomainAbortJob(virDomainPtr domain)
{
    return testDomainAbortJobFlags(domain, 0);
}


void
testBackupRegisterMethods(virHypervisorDriver *d)
{
    d->domainBackupBegin = testDomainBackupBegin;
    d->domainBackupGetXMLDesc = testDomainBackupGetXMLDesc;
    d->domainGetJobInfo = testDomainGetJobInfo;
    d->domainGetJobStats = testDomainGetJobStats;
    d->domainAbortJob = testDomainAbortJob;
    d->domainAbortJobFlags = testDomainAbortJobFlags;
}
