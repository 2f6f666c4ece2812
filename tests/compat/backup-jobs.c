/*
 * backup-jobs.c: the backup and job calls.  What the public layer
 * checks (handles, arguments, read-only connections, flag rules) must
 * print the same on both libraries.  libvirt 9.0.0's test driver lacks
 * the calls themselves (VIR_ERR_NO_SUPPORT) while nuvirt runs backup
 * jobs as libvirt's QEMU driver does; the lines of calls that reach the
 * driver are marked "[job]" and allowed to differ (allow.txt), and
 * tests/testdriverbackuptest.c checks what nuvirt does there.
 */
#include "compat.h"

static const char *pullXML =
"<domainbackup mode='pull'><server transport='tcp' name='localhost' port='10809'/>"
"</domainbackup>";

/* A call that reaches the driver: its result, marked. */
#define JOB_INT(expr) \
    do { \
        int r_ = (expr); \
        if (r_ < 0) { \
            virErrorPtr e_ = virGetLastError(); \
            printf("[job] %s -> error %d/%d: %s\n", #expr, e_ ? e_->domain : -1, \
                   e_ ? e_->code : -1, e_ && e_->message ? e_->message : "(null)"); \
        } else { \
            printf("[job] %s -> %d\n", #expr, r_); \
        } \
        fflush(stdout); \
    } while (0)

static void
jobXML(virDomainPtr dom)
{
    char *xml = virDomainBackupGetXMLDesc(dom, 0);
    char *line;
    char *save = NULL;

    if (!xml) {
        JOB_INT(-1);
        return;
    }
    for (line = strtok_r(xml, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        printf("[job] %s\n", line);
    free(xml);
}

static void
jobStats(virDomainPtr dom, unsigned int flags)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int type = -1;
    int i;

    JOB_INT(virDomainGetJobStats(dom, &type, &params, &nparams, flags));
    printf("[job]   type %d:", type);
    for (i = 0; i < nparams; i++) {
        /* times vary from run to run */
        if (strcmp(params[i].field, VIR_DOMAIN_JOB_TIME_ELAPSED) == 0)
            continue;
        printf(" %s", params[i].field);
    }
    printf("\n");
    virTypedParamsFree(params, nparams);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virDomainPtr dom = virDomainLookupByName(conn, "test");
    virDomainPtr rodom = virDomainLookupByName(ro, "test");
    virDomainJobInfo info;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int type = 0;

    (void)argc;
    (void)argv;
    compatSection("what the public layer checks");
    CHECK_INT(virDomainBackupBegin(NULL, pullXML, NULL, 0));
    CHECK_INT(virDomainBackupBegin(dom, NULL, NULL, 0));
    CHECK_INT(virDomainBackupBegin(rodom, pullXML, NULL, 0));
    CHECK_STR(virDomainBackupGetXMLDesc(NULL, 0));
    memset(&info, 0xff, sizeof(info));
    CHECK_INT(virDomainGetJobInfo(NULL, &info));
    printf("  zeroed anyway: type %d, elapsed %llu\n", info.type, info.timeElapsed);
    CHECK_INT(virDomainGetJobInfo(dom, NULL));
    CHECK_INT(virDomainGetJobStats(NULL, &type, &params, &nparams, 0));
    CHECK_INT(virDomainGetJobStats(dom, NULL, &params, &nparams, 0));
    CHECK_INT(virDomainGetJobStats(dom, &type, NULL, &nparams, 0));
    CHECK_INT(virDomainGetJobStats(dom, &type, &params, NULL, 0));
    CHECK_INT(virDomainGetJobStats(dom, &type, &params, &nparams,
                                   VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED));
    CHECK_INT(virDomainAbortJob(NULL));
    CHECK_INT(virDomainAbortJob(rodom));
    CHECK_INT(virDomainAbortJobFlags(NULL, 0));
    CHECK_INT(virDomainAbortJobFlags(rodom, 0));

    compatSection("a pull backup, watched and ended");
    JOB_INT(virDomainGetJobInfo(dom, &info));
    jobStats(dom, 0);
    JOB_INT(virDomainBackupBegin(dom, pullXML, NULL, 0));
    jobXML(dom);
    JOB_INT(virDomainGetJobInfo(dom, &info));
    printf("[job]   type %d\n", info.type);
    JOB_INT(virDomainGetJobInfo(rodom, &info));
    jobStats(dom, 0);
    jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED);
    JOB_INT(virDomainBackupBegin(dom, pullXML, NULL, 0));
    JOB_INT(virDomainAbortJobFlags(dom, VIR_DOMAIN_ABORT_JOB_POSTCOPY));
    JOB_INT(virDomainAbortJob(dom));
    jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED | VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED);
    jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED);
    jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED);
    JOB_INT(virDomainAbortJob(dom));

    compatSection("a push backup with a checkpoint");
    JOB_INT(virDomainBackupBegin(dom, "<domainbackup/>",
                                 "<domaincheckpoint><name>b1</name></domaincheckpoint>", 0));
    jobStats(dom, VIR_DOMAIN_JOB_STATS_COMPLETED);
    JOB_INT(virDomainListAllCheckpoints(dom, NULL, 0));
    JOB_INT(virDomainBackupBegin(dom, "<domainbackup><incremental>b1</incremental>"
                                 "</domainbackup>", NULL, 0));
    JOB_INT(virDomainBackupBegin(dom, "<domainbackup mode='pull'/>", NULL, 0));

    compatSection("an inactive domain");
    CHECK_INT(virDomainDestroy(dom));
    JOB_INT(virDomainBackupBegin(dom, "<domainbackup/>", NULL, 0));
    JOB_INT(virDomainGetJobInfo(dom, &info));
    JOB_INT(virDomainAbortJob(dom));
    CHECK_INT(virDomainCreate(dom));

    virDomainFree(rodom);
    virDomainFree(dom);
    CHECK_INT(virConnectClose(ro));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
