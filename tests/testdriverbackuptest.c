/*
 * The test driver's backup jobs and job calls, which libvirt 9.0.0's
 * test driver lacks: what they do follows libvirt's QEMU driver (push
 * and pull modes, with and without a checkpoint, the job's statistics
 * while it runs and once it ended, abort, the JOB_COMPLETED event, a
 * stop cancelling the job) and every error is checked by its text.
 */
#include "internal.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define PULL_XML \
    "<domainbackup mode='pull'><server transport='tcp' name='localhost' port='10809'/>" \
    "</domainbackup>"

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
checkError(int code, const char *msg)
{
    virErrorPtr err = virGetLastError();

    CHECK(err != NULL);
    CHECK_INTEQ(err->code, code);
    CHECK_STREQ(err->message, msg);
    return 0;
}

static int
checkContains(const char *text, const char *want)
{
    CHECK(text);
    if (!strstr(text, want)) {
        fprintf(stderr, "no '%s' in:\n%s", want, text);
        return -1;
    }
    return 0;
}

/* The job's type from virDomainGetJobStats, with @flags, and its
 * parameter @name (an int, ullong or boolean as long long; -1: absent). */
static int
jobStats(virDomainPtr dom, unsigned int flags, const char *name, long long *value)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int type = -1;
    int i;

    if (virDomainGetJobStats(dom, &type, &params, &nparams, flags) < 0)
        return -1;
    *value = -1;
    for (i = 0; i < nparams; i++) {
        if (STRNEQ(params[i].field, name))
            continue;
        if (params[i].type == VIR_TYPED_PARAM_INT)
            *value = params[i].value.i;
        else if (params[i].type == VIR_TYPED_PARAM_ULLONG)
            *value = params[i].value.ul;
        else if (params[i].type == VIR_TYPED_PARAM_BOOLEAN)
            *value = params[i].value.b;
    }
    virTypedParamsFree(params, nparams);
    return type;
}

static int
testPull(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom;
    virDomainJobInfo info;
    g_autofree char *xml = NULL;
    long long value;

    CHECK(conn);
    CHECK((dom = virDomainLookupByName(conn, "test")));
    /* no job yet */
    CHECK_INTEQ(virDomainGetJobInfo(dom, &info), 0);
    CHECK_INTEQ(info.type, VIR_DOMAIN_JOB_NONE);
    CHECK_INTEQ(jobStats(dom, 0, VIR_DOMAIN_JOB_OPERATION, &value), VIR_DOMAIN_JOB_NONE);
    CHECK_INTEQ(jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED, VIR_DOMAIN_JOB_OPERATION,
                         &value), VIR_DOMAIN_JOB_NONE);
    CHECK(!virDomainBackupGetXMLDesc(dom, 0));
    CHECK(checkError(VIR_ERR_NO_DOMAIN_BACKUP, "Domain backup job id not found: "
                     "no domain backup job present") == 0);
    CHECK_INTEQ(virDomainAbortJob(dom), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: no job is active on the domain") == 0);

    /* a pull backup runs until the client ends it */
    CHECK_INTEQ(virDomainBackupBegin(dom, PULL_XML, NULL, 0), 0);
    CHECK((xml = virDomainBackupGetXMLDesc(dom, 0)));
    CHECK(checkContains(xml, "<domainbackup mode='pull'>") == 0);
    CHECK(checkContains(xml, "<server transport='tcp' name='localhost' port='10809'/>") == 0);
    CHECK(checkContains(xml, "<disk name='vda' backup='yes' type='file' backupmode='full' "
                             "exportname='vda'>") == 0);
    CHECK(checkContains(xml, "<driver type='qcow2'/>") == 0);
    CHECK(checkContains(xml, "<scratch file='/guest/diskimage1.") == 0);
    CHECK(!strstr(xml, "state="));
    CHECK_INTEQ(virDomainGetJobInfo(dom, &info), 0);
    CHECK_INTEQ(info.type, VIR_DOMAIN_JOB_UNBOUNDED);
    CHECK_INTEQ(jobStats(dom, 0, VIR_DOMAIN_JOB_OPERATION, &value), VIR_DOMAIN_JOB_UNBOUNDED);
    CHECK_INTEQ(value, VIR_DOMAIN_JOB_OPERATION_BACKUP);
    CHECK_INTEQ(jobStats(dom, 0, VIR_DOMAIN_JOB_SUCCESS, &value), VIR_DOMAIN_JOB_UNBOUNDED);
    CHECK_INTEQ(value, -1);
    CHECK_INTEQ(jobStats(dom, 0, VIR_DOMAIN_JOB_TIME_ELAPSED, &value), VIR_DOMAIN_JOB_UNBOUNDED);
    CHECK(value >= 0);
    /* while it runs, the completed job's figures are not told */
    CHECK_INTEQ(jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED, VIR_DOMAIN_JOB_OPERATION,
                         &value), VIR_DOMAIN_JOB_NONE);
    CHECK_INTEQ(virDomainBackupBegin(dom, PULL_XML, NULL, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID, "Requested operation is not valid: "
                     "another backup job is already running") == 0);
    CHECK_INTEQ(virDomainAbortJobFlags(dom, VIR_DOMAIN_ABORT_JOB_POSTCOPY), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID, "Requested operation is not valid: "
                     "current job is not outgoing migration in post-copy mode") == 0);

    /* ending it completes it; its figures stay until read */
    CHECK_INTEQ(virDomainAbortJob(dom), 0);
    CHECK(!virDomainBackupGetXMLDesc(dom, 0));
    CHECK_INTEQ(virDomainGetJobInfo(dom, &info), 0);
    CHECK_INTEQ(info.type, VIR_DOMAIN_JOB_NONE);
    CHECK_INTEQ(jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED |
                         VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED, VIR_DOMAIN_JOB_SUCCESS,
                         &value), VIR_DOMAIN_JOB_COMPLETED);
    CHECK_INTEQ(value, 1);
    CHECK_INTEQ(jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED, VIR_DOMAIN_JOB_OPERATION,
                         &value), VIR_DOMAIN_JOB_COMPLETED);
    CHECK_INTEQ(value, VIR_DOMAIN_JOB_OPERATION_BACKUP);
    CHECK_INTEQ(jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED, VIR_DOMAIN_JOB_OPERATION,
                         &value), VIR_DOMAIN_JOB_NONE);
    CHECK_INTEQ(virDomainAbortJob(dom), -1);

    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testPushWithCheckpoint(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom;
    virDomainCheckpointPtr chk;
    virDomainCheckpointPtr *list = NULL;
    g_autofree char *chkxml = NULL;
    long long value;

    CHECK(conn);
    CHECK((dom = virDomainLookupByName(conn, "test")));
    /* a push backup has nothing to copy: it is complete at once */
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup/>",
                                     "<domaincheckpoint><name>full</name></domaincheckpoint>",
                                     VIR_DOMAIN_BACKUP_BEGIN_REUSE_EXTERNAL), 0);
    CHECK(!virDomainBackupGetXMLDesc(dom, 0));
    CHECK_INTEQ(jobStats(dom, 0, VIR_DOMAIN_JOB_OPERATION, &value), VIR_DOMAIN_JOB_NONE);
    CHECK_INTEQ(jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED, VIR_DOMAIN_JOB_SUCCESS,
                         &value), VIR_DOMAIN_JOB_COMPLETED);
    CHECK_INTEQ(value, 1);

    /* the checkpoint made with it is current, with the domain's bitmap */
    CHECK((chk = virDomainCheckpointLookupByName(dom, "full", 0)));
    CHECK((chkxml = virDomainCheckpointGetXMLDesc(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN)));
    CHECK(checkContains(chkxml, "<disk name='vda' checkpoint='bitmap' bitmap='full'/>") == 0);
    virDomainCheckpointFree(chk);

    /* incremental from it: the next checkpoint follows the first */
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup><incremental>full</incremental>"
                                     "</domainbackup>",
                                     "<domaincheckpoint><name>inc</name></domaincheckpoint>",
                                     0), 0);
    CHECK((chk = virDomainCheckpointLookupByName(dom, "inc", 0)));
    virDomainCheckpointFree(chk);
    CHECK_INTEQ(virDomainListAllCheckpoints(dom, &list, VIR_DOMAIN_CHECKPOINT_LIST_LEAVES), 1);
    CHECK_STREQ(virDomainCheckpointGetName(list[0]), "inc");
    virDomainCheckpointFree(list[0]);
    g_free(list);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup><incremental>gone</incremental>"
                                     "</domainbackup>", NULL, 0), -1);
    CHECK(checkError(VIR_ERR_NO_DOMAIN_CHECKPOINT, "Domain checkpoint not found: Checkpoint "
                     "'gone' for incremental backup of disk 'vda' not found") == 0);
    /* a checkpoint with a name already taken fails the backup */
    CHECK_INTEQ(virDomainBackupBegin(dom, PULL_XML,
                                     "<domaincheckpoint><name>inc</name></domaincheckpoint>",
                                     0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_FAILED,
                     "operation failed: domain moment inc already exists") == 0);
    CHECK(!virDomainBackupGetXMLDesc(dom, 0));

    /* checkpoints and snapshots exclude each other, with backups too */
    CHECK((chk = virDomainCheckpointLookupByName(dom, "full", 0)));
    CHECK_INTEQ(virDomainCheckpointDelete(chk, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN), 0);
    virDomainCheckpointFree(chk);
    virDomainSnapshotFree(virDomainSnapshotCreateXML(dom, "<domainsnapshot><name>s</name>"
                                                     "</domainsnapshot>", 0));
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup/>",
                                     "<domaincheckpoint><name>c</name></domaincheckpoint>",
                                     0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_UNSUPPORTED, "Operation not supported: "
                     "cannot create checkpoint while snapshot exists") == 0);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup/>", NULL, 0), 0);

    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testErrors(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virConnectPtr ro = virConnectOpenReadOnly("test:///default");
    virDomainPtr dom;
    virDomainPtr rodom;
    virDomainJobInfo info;
    long long value;

    CHECK(conn && ro);
    CHECK((dom = virDomainLookupByName(conn, "test")));
    CHECK((rodom = virDomainLookupByName(ro, "test")));
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup", NULL, 0), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_XML_DETAIL);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup/>", "<domaincheckpoint", 0), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_XML_DETAIL);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup/>", NULL, 1 << 1), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "unsupported flags (0x2) in function testDomainBackupBegin") == 0);
    CHECK(!virDomainBackupGetXMLDesc(dom, 1));
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "unsupported flags (0x1) in function testDomainBackupGetXMLDesc") == 0);
    CHECK_INTEQ(virDomainAbortJobFlags(dom, 1 << 1), -1);
    CHECK_INTEQ(jobStats(dom, 1 << 2, VIR_DOMAIN_JOB_OPERATION, &value), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "unsupported flags (0x4) in function testDomainGetJobStats") == 0);
    CHECK_INTEQ(virDomainBackupBegin(rodom, "<domainbackup/>", NULL, 0), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_OPERATION_DENIED);
    CHECK_INTEQ(virDomainAbortJob(rodom), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_OPERATION_DENIED);
    CHECK_INTEQ(virDomainGetJobInfo(rodom, &info), 0);

    /* the documents QEMU's driver refuses */
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup mode='pull'/>", NULL, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_UNSUPPORTED, "Operation not supported: "
                     "<domainbackup> must specify TCP port for now") == 0);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup mode='pull'><server transport='tcp'"
                                     " tls='yes' name='h' port='1'/></domainbackup>", NULL, 0),
                -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID, "Requested operation is not valid: "
                     "backup TLS directory not configured") == 0);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup mode='pull'><server transport='unix'"
                                     " socket='/tmp/nbd'/><disks><disk name='vda'>"
                                     "<driver type='raw'/></disk></disks></domainbackup>",
                                     NULL, 0), -1);
    CHECK(checkError(VIR_ERR_CONFIG_UNSUPPORTED, "unsupported configuration: "
                     "pull mode backup for disk 'vda' requires qcow2 driver") == 0);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup><disks><disk name='vda' backup='no'/>"
                                     "</disks></domainbackup>", NULL, 0), -1);
    CHECK(checkError(VIR_ERR_CONFIG_UNSUPPORTED,
                     "unsupported configuration: no disks selected for backup") == 0);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup><disks><disk name='vdz'/>"
                                     "</disks></domainbackup>", NULL, 0), -1);
    CHECK(checkError(VIR_ERR_CONFIG_UNSUPPORTED,
                     "unsupported configuration: no disk named 'vdz'") == 0);
    /* a failed start leaves no job */
    CHECK_INTEQ(virDomainGetJobInfo(dom, &info), 0);
    CHECK_INTEQ(info.type, VIR_DOMAIN_JOB_NONE);

    /* an inactive domain */
    CHECK_INTEQ(virDomainDestroy(dom), 0);
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup/>", NULL, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_UNSUPPORTED, "Operation not supported: "
                     "cannot perform disk backup for inactive domain") == 0);
    CHECK_INTEQ(virDomainGetJobInfo(dom, &info), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: domain is not running") == 0);
    CHECK_INTEQ(jobStats(dom, 0, VIR_DOMAIN_JOB_OPERATION, &value), -1);
    CHECK_INTEQ(virDomainAbortJob(dom), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: domain is not running") == 0);
    CHECK_INTEQ(jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED, VIR_DOMAIN_JOB_OPERATION,
                         &value), VIR_DOMAIN_JOB_NONE);
    CHECK_INTEQ(virDomainCreate(dom), 0);

    virDomainFree(rodom);
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(ro), 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* ---- the JOB_COMPLETED event ---- */

static int eventCount;
static int eventSuccess;
static int eventOperation;
static int ticked;

static void
jobCompleted(virConnectPtr conn G_GNUC_UNUSED, virDomainPtr dom G_GNUC_UNUSED,
             virTypedParameterPtr params, int nparams, void *opaque G_GNUC_UNUSED)
{
    int i;

    eventCount++;
    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, VIR_DOMAIN_JOB_SUCCESS))
            eventSuccess = params[i].value.b;
        if (STREQ(params[i].field, VIR_DOMAIN_JOB_OPERATION))
            eventOperation = params[i].value.i;
    }
}

static void
tick(int timer, void *opaque G_GNUC_UNUSED)
{
    virEventRemoveTimeout(timer);
    ticked = 1;
}

static void
drain(void)
{
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
}

static int
testEvents(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virDomainPtr dom;
    long long value;
    int id;

    CHECK(conn);
    CHECK((dom = virDomainLookupByName(conn, "test")));
    id = virConnectDomainEventRegisterAny(conn, dom, VIR_DOMAIN_EVENT_ID_JOB_COMPLETED,
                                          VIR_DOMAIN_EVENT_CALLBACK(jobCompleted), NULL, NULL);
    CHECK(id >= 0);

    eventCount = 0;
    CHECK_INTEQ(virDomainBackupBegin(dom, "<domainbackup/>", NULL, 0), 0);
    drain();
    CHECK_INTEQ(eventCount, 1);
    CHECK_INTEQ(eventSuccess, 1);
    CHECK_INTEQ(eventOperation, VIR_DOMAIN_JOB_OPERATION_BACKUP);

    CHECK_INTEQ(virDomainBackupBegin(dom, PULL_XML, NULL, 0), 0);
    drain();
    CHECK_INTEQ(eventCount, 1);
    CHECK_INTEQ(virDomainAbortJob(dom), 0);
    drain();
    CHECK_INTEQ(eventCount, 2);
    CHECK_INTEQ(eventSuccess, 1);

    /* the domain stops: its backup is cancelled */
    CHECK_INTEQ(virDomainBackupBegin(dom, PULL_XML, NULL, 0), 0);
    CHECK_INTEQ(virDomainDestroy(dom), 0);
    drain();
    CHECK_INTEQ(eventCount, 3);
    CHECK_INTEQ(eventSuccess, 0);
    CHECK(!virDomainBackupGetXMLDesc(dom, 0));
    CHECK_INTEQ(jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED, VIR_DOMAIN_JOB_SUCCESS, &value),
                VIR_DOMAIN_JOB_CANCELLED);
    CHECK_INTEQ(value, 0);

    CHECK_INTEQ(virConnectDomainEventDeregisterAny(conn, id), 0);
    CHECK_INTEQ(virDomainCreate(dom), 0);
    virDomainFree(dom);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virSetErrorFunc(NULL, quiet);
    if (virEventRegisterDefaultImpl() < 0)
        return 1;
    virTestRun("pull backup and the job calls", testPull);
    virTestRun("push backups with checkpoints", testPushWithCheckpoint);
    virTestRun("errors", testErrors);
    virTestRun("the job-completed event", testEvents);
    return virTestDone();
}
