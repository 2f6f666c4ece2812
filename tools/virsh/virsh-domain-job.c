/*
 * virsh-domain-job.c: long domain jobs: running one in a worker thread
 * while the main thread shows its progress and lets Ctrl-C abort it
 * (save, managedsave, dump, migrate), and the domjobinfo / domjobabort
 * commands.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "virsh.h"

void
virshPrintJobProgress(const char *label, unsigned long long remaining,
                      unsigned long long total)
{
    int progress = 100;

    if (remaining != 0) {
        progress = (int)(100.0 - remaining * 100.0 / total);
        /* not done: never [100 %] */
        if (progress >= 100)
            progress = 99;
    }
    fflush(stdout);
    fprintf(stderr, "\r%s: [%3d %%]", label, progress);
    fflush(stderr);
}

volatile sig_atomic_t virshIntCaught;

void
virshCatchInt(int sig G_GNUC_UNUSED, siginfo_t *info G_GNUC_UNUSED,
              void *context G_GNUC_UNUSED)
{
    virshIntCaught = 1;
}

typedef struct {
    vshControl *ctl;
    virDomainPtr dom;
    virshJobWatchTimeoutFunc timeoutFunc;
    void *opaque;
    const char *label;
    GIOChannel *stdinChannel;
    bool jobStarted;
    bool verbose;
} virshWatchData;

static gboolean
virshWatchTimeout(gpointer opaque)
{
    virshWatchData *data = opaque;

    vshDebug(data->ctl, VSH_ERR_DEBUG, "watchJob: timeout\n");
    if (data->timeoutFunc)
        data->timeoutFunc(data->ctl, data->dom, data->opaque);
    return G_SOURCE_REMOVE;
}

static gboolean
virshWatchProgress(gpointer opaque)
{
    virshWatchData *data = opaque;
    virDomainJobInfo info;
    sigset_t mask;
    sigset_t old;
    int rc;

    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    pthread_sigmask(SIG_BLOCK, &mask, &old);
    vshDebug(data->ctl, VSH_ERR_DEBUG, "%s", "watchJob: progress update\n");
    rc = virDomainGetJobInfo(data->dom, &info);
    pthread_sigmask(SIG_SETMASK, &old, NULL);

    if (rc != 0) {
        vshResetLibvirtError();
        return G_SOURCE_CONTINUE;
    }
    if (data->verbose && info.dataTotal > 0)
        virshPrintJobProgress(data->label, info.dataRemaining, info.dataTotal);
    if (!data->jobStarted && (info.type == VIR_DOMAIN_JOB_BOUNDED ||
                              info.type == VIR_DOMAIN_JOB_UNBOUNDED)) {
        vshTTYDisableInterrupt(data->ctl);
        data->jobStarted = true;
        if (!data->verbose) {
            vshDebug(data->ctl, VSH_ERR_DEBUG,
                     "watchJob: job started, disabling callback\n");
            return G_SOURCE_REMOVE;
        }
    }
    return G_SOURCE_CONTINUE;
}

/* Ctrl-C typed on the terminal (its interrupt key is off) aborts. */
static gboolean
virshWatchInterrupt(GIOChannel *source G_GNUC_UNUSED, GIOCondition cond,
                    gpointer opaque)
{
    virshWatchData *data = opaque;
    gsize nread = 0;
    char c;

    vshDebug(data->ctl, VSH_ERR_DEBUG, "watchJob: stdin data %d\n", cond);
    if (cond & G_IO_IN) {
        g_io_channel_read_chars(data->stdinChannel, &c, 1, &nread, NULL);
        vshDebug(data->ctl, VSH_ERR_DEBUG, "watchJob: got %zu characters\n",
                 nread);
        if (nread == 1 && vshTTYIsInterruptCharacter(data->ctl, c)) {
            virDomainAbortJob(data->dom);
            return G_SOURCE_REMOVE;
        }
    }
    if (cond & (G_IO_ERR | G_IO_HUP)) {
        virDomainAbortJob(data->dom);
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

static GSource *
virshWatchAttach(GSource *src, GMainLoop *loop)
{
    g_source_attach(src, g_main_loop_get_context(loop));
    return src;
}

void
virshWatchJob(vshControl *ctl, virDomainPtr dom, bool verbose,
              GMainLoop *eventLoop, int *jobErr, int timeoutSecs,
              virshJobWatchTimeoutFunc timeoutFunc, void *opaque,
              const char *label)
{
    virshWatchData data = {
        .ctl = ctl, .dom = dom, .timeoutFunc = timeoutFunc,
        .opaque = opaque, .label = label, .verbose = verbose,
    };
    struct sigaction action = { .sa_sigaction = virshCatchInt,
                                .sa_flags = SA_SIGINFO };
    struct sigaction old;
    GSource *timeoutSrc = NULL;
    GSource *progressSrc;
    GSource *stdinSrc = NULL;

    virshIntCaught = 0;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old);

    if (vshTTYAvailable(ctl)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s",
                 "watchJob: on TTY, enabling Ctrl-c processing\n");
        data.stdinChannel = g_io_channel_unix_new(STDIN_FILENO);
        stdinSrc = g_io_create_watch(data.stdinChannel, G_IO_IN);
        g_source_set_callback(stdinSrc, (GSourceFunc)virshWatchInterrupt,
                              &data, NULL);
        virshWatchAttach(stdinSrc, eventLoop);
    }
    if (timeoutSecs) {
        vshDebug(ctl, VSH_ERR_DEBUG,
                 "watchJob: setting timeout of %d secs\n", timeoutSecs);
        timeoutSrc = g_timeout_source_new_seconds(timeoutSecs);
        g_source_set_callback(timeoutSrc, virshWatchTimeout, &data, NULL);
        virshWatchAttach(timeoutSrc, eventLoop);
    }
    progressSrc = g_timeout_source_new(500);
    g_source_set_callback(progressSrc, virshWatchProgress, &data, NULL);
    virshWatchAttach(progressSrc, eventLoop);

    g_main_loop_run(eventLoop);

    vshDebug(ctl, VSH_ERR_DEBUG, "watchJob: job done, status %d\n", *jobErr);
    if (*jobErr == 0 && verbose)
        virshPrintJobProgress(label, 0, 1);

    if (timeoutSrc) {
        g_source_destroy(timeoutSrc);
        g_source_unref(timeoutSrc);
    }
    g_source_destroy(progressSrc);
    g_source_unref(progressSrc);
    if (stdinSrc) {
        g_source_destroy(stdinSrc);
        g_source_unref(stdinSrc);
    }
    sigaction(SIGINT, &old, NULL);
    vshTTYRestore(ctl);
    if (data.stdinChannel)
        g_io_channel_unref(data.stdinChannel);
}

static gboolean
virshJobQuit(gpointer opaque)
{
    g_main_loop_quit(opaque);
    return G_SOURCE_REMOVE;
}

/* The worker runs with SIGINT blocked; the watcher has it.  It ends the
 * watch through the loop's own context, so a worker that is done before
 * the loop runs cannot be missed. */
static gpointer
virshJobThread(gpointer opaque)
{
    virshCtrlData *data = opaque;
    sigset_t mask;
    sigset_t old;

    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    if (pthread_sigmask(SIG_BLOCK, &mask, &old) == 0) {
        data->ret = data->worker(data) < 0 ? -1 : 0;
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    g_main_context_invoke(g_main_loop_get_context(data->eventLoop),
                          virshJobQuit, data->eventLoop);
    return NULL;
}

bool
virshRunJob(vshControl *ctl, const vshCmd *cmd, virDomainPtr dom,
            int (*worker)(virshCtrlData *data), bool verbose,
            const char *label, void *opaque)
{
    g_autoptr(GMainContext) context = g_main_context_new();
    g_autoptr(GMainLoop) loop = g_main_loop_new(context, FALSE);
    virshCtrlData data = {
        .ctl = ctl, .cmd = cmd, .eventLoop = loop, .ret = -1,
        .worker = worker, .opaque = opaque,
    };
    GThread *thread = g_thread_new("virsh-job", virshJobThread, &data);

    virshWatchJob(ctl, dom, verbose, loop, &data.ret, 0, NULL, NULL, label);
    g_thread_join(thread);
    return data.ret == 0;
}

/* ------------------------------------------------------------------ */
/* domjobinfo, domjobabort                                             */
/* ------------------------------------------------------------------ */

static const vshCmdInfo info_domjobinfo = {
    .help = "domain job information",
    .desc = "Returns information about jobs running on a domain.",
};

static const vshCmdOptDef opts_domjobinfo[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_BOOL("completed", "return statistics of a recently completed job"),
    VSH_BOOL("keep-completed",
        "don't destroy statistics of a recently completed job when reading"),
    VSH_BOOL("anystats",
        "print statistics for any kind of job (even failed ones)"),
    VSH_BOOL("rawstats", "print the raw data returned by libvirt"),
    VSH_OPT_END
};

static const char *const virshJobTypes[] = {
    "None", "Bounded", "Unbounded", "Completed", "Failed", "Cancelled",
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshJobTypes) == VIR_DOMAIN_JOB_LAST);

static const char *const virshJobOperations[] = {
    "Unknown", "Start", "Save", "Restore", "Incoming migration",
    "Outgoing migration", "Snapshot", "Snapshot revert", "Dump", "Backup",
    "Snapshot delete",
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshJobOperations) ==
                VIR_DOMAIN_JOB_OPERATION_LAST);

/* The old struct's fields, from the statistics; -1 on error. */
static int
virshJobStatsToInfo(virTypedParameterPtr params, int n, virDomainJobInfo *info)
{
    const struct {
        const char *field;
        unsigned long long *value;
    } map[] = {
        { VIR_DOMAIN_JOB_TIME_ELAPSED, &info->timeElapsed },
        { VIR_DOMAIN_JOB_TIME_REMAINING, &info->timeRemaining },
        { VIR_DOMAIN_JOB_DATA_TOTAL, &info->dataTotal },
        { VIR_DOMAIN_JOB_DATA_PROCESSED, &info->dataProcessed },
        { VIR_DOMAIN_JOB_DATA_REMAINING, &info->dataRemaining },
        { VIR_DOMAIN_JOB_MEMORY_TOTAL, &info->memTotal },
        { VIR_DOMAIN_JOB_MEMORY_PROCESSED, &info->memProcessed },
        { VIR_DOMAIN_JOB_MEMORY_REMAINING, &info->memRemaining },
        { VIR_DOMAIN_JOB_DISK_TOTAL, &info->fileTotal },
        { VIR_DOMAIN_JOB_DISK_PROCESSED, &info->fileProcessed },
        { VIR_DOMAIN_JOB_DISK_REMAINING, &info->fileRemaining },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(map); i++) {
        if (virTypedParamsGetULLong(params, n, map[i].field,
                                    map[i].value) < 0) {
            vshSaveLibvirtError();
            return -1;
        }
    }
    return 0;
}

/* How one statistic is shown. */
typedef enum {
    VIRSH_JOB_MS,       /* number and "ms" */
    VIRSH_JOB_COUNT,    /* number, padded to 12 */
    VIRSH_JOB_COUNT13,  /* number, padded to 13 */
    VIRSH_JOB_SIZE,     /* in the best binary unit */
    VIRSH_JOB_RATE,     /* ditto per second, only when not zero */
    VIRSH_JOB_PAGES,    /* pages/s */
    VIRSH_JOB_BYTES,    /* "bytes" */
} virshJobFormat;

typedef struct {
    const char *field;
    const char *label;
    virshJobFormat format;
} virshJobStat;

/* Print one unsigned statistic if present; -1 on error. */
static int
virshJobPrintStat(vshControl *ctl, virTypedParameterPtr params, int n,
                  const virshJobStat *stat)
{
    unsigned long long v;
    const char *unit;
    double d;
    int rc;

    if ((rc = virTypedParamsGetULLong(params, n, stat->field, &v)) <= 0)
        return rc;
    switch (stat->format) {
    case VIRSH_JOB_MS:
        vshPrint(ctl, "%-17s %-12llu ms\n", stat->label, v);
        break;
    case VIRSH_JOB_COUNT:
        vshPrint(ctl, "%-17s %-12llu\n", stat->label, v);
        break;
    case VIRSH_JOB_COUNT13:
        vshPrint(ctl, "%-17s %-13llu\n", stat->label, v);
        break;
    case VIRSH_JOB_SIZE:
        d = vshPrettyCapacity(v, &unit);
        vshPrint(ctl, "%-17s %-.3lf %s\n", stat->label, d, unit);
        break;
    case VIRSH_JOB_RATE:
        if (v) {
            d = vshPrettyCapacity(v, &unit);
            vshPrint(ctl, "%-17s %-.3lf %s/s\n", stat->label, d, unit);
        }
        break;
    case VIRSH_JOB_PAGES:
        vshPrint(ctl, "%-17s %-12llu pages/s\n", stat->label, v);
        break;
    case VIRSH_JOB_BYTES:
        vshPrint(ctl, "%-17s %-12llu bytes\n", stat->label, v);
        break;
    }
    return 0;
}

static int
virshJobPrintStats(vshControl *ctl, virTypedParameterPtr params, int n,
                   const virshJobStat *stats, size_t nstats)
{
    size_t i;

    for (i = 0; i < nstats; i++) {
        if (virshJobPrintStat(ctl, params, n, &stats[i]) < 0)
            return -1;
    }
    return 0;
}

static void
virshJobPrintSizes(vshControl *ctl, const char *what,
                   unsigned long long processed, unsigned long long remaining,
                   unsigned long long total)
{
    const unsigned long long v[] = { processed, remaining, total };
    const char *names[] = { "processed:", "remaining:", "total:" };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(v); i++) {
        g_autofree char *label = g_strdup_printf("%s %s", what, names[i]);
        const char *unit;
        double d = vshPrettyCapacity(v[i], &unit);

        vshPrint(ctl, "%-17s %-.3lf %s\n", label, d, unit);
    }
}

static const virshJobStat virshJobMemoryStats[] = {
    { VIR_DOMAIN_JOB_MEMORY_BPS, "Memory bandwidth:", VIRSH_JOB_RATE },
    { VIR_DOMAIN_JOB_MEMORY_DIRTY_RATE, "Dirty rate:", VIRSH_JOB_PAGES },
    { VIR_DOMAIN_JOB_MEMORY_PAGE_SIZE, "Page size:", VIRSH_JOB_BYTES },
    { VIR_DOMAIN_JOB_MEMORY_ITERATION, "Iteration:", VIRSH_JOB_COUNT },
    { VIR_DOMAIN_JOB_MEMORY_POSTCOPY_REQS, "Postcopy requests:", VIRSH_JOB_COUNT },
};

static const virshJobStat virshJobPageStats[] = {
    { VIR_DOMAIN_JOB_MEMORY_CONSTANT, "Constant pages:", VIRSH_JOB_COUNT },
    { VIR_DOMAIN_JOB_MEMORY_NORMAL, "Normal pages:", VIRSH_JOB_COUNT },
    { VIR_DOMAIN_JOB_MEMORY_NORMAL_BYTES, "Normal data:", VIRSH_JOB_SIZE },
};

static const virshJobStat virshJobTimeStats[] = {
    { VIR_DOMAIN_JOB_DOWNTIME_NET, "Downtime w/o network:", VIRSH_JOB_MS },
    { VIR_DOMAIN_JOB_SETUP_TIME, "Setup time:", VIRSH_JOB_MS },
    { VIR_DOMAIN_JOB_COMPRESSION_CACHE, "Compression cache:", VIRSH_JOB_SIZE },
    { VIR_DOMAIN_JOB_COMPRESSION_BYTES, "Compressed data:", VIRSH_JOB_SIZE },
    { VIR_DOMAIN_JOB_COMPRESSION_PAGES, "Compressed pages:", VIRSH_JOB_COUNT13 },
    { VIR_DOMAIN_JOB_COMPRESSION_CACHE_MISSES, "Compression cache misses:",
      VIRSH_JOB_COUNT13 },
    { VIR_DOMAIN_JOB_COMPRESSION_OVERFLOW, "Compression overflows:",
      VIRSH_JOB_COUNT13 },
};

static const virshJobStat virshJobTempStats[] = {
    { VIR_DOMAIN_JOB_DISK_TEMP_USED, "Temporary disk space use:", VIRSH_JOB_SIZE },
    { VIR_DOMAIN_JOB_DISK_TEMP_TOTAL, "Temporary disk space total:",
      VIRSH_JOB_SIZE },
};

/* Everything after the job type and operation; -1 on error. */
static int
virshJobPrintDetails(vshControl *ctl, const virDomainJobInfo *info,
                     virTypedParameterPtr params, int n)
{
    static const virshJobStat elapsedNet = {
        VIR_DOMAIN_JOB_TIME_ELAPSED_NET, "Time elapsed w/o network:",
        VIRSH_JOB_MS,
    };
    static const virshJobStat fileBps = {
        VIR_DOMAIN_JOB_DISK_BPS, "File bandwidth:", VIRSH_JOB_RATE,
    };
    virshJobStat downtime = {
        VIR_DOMAIN_JOB_DOWNTIME, info->type == VIR_DOMAIN_JOB_COMPLETED ?
        "Total downtime:" : "Expected downtime:", VIRSH_JOB_MS,
    };
    const char *svalue;
    int ivalue;
    int rc;

    vshPrint(ctl, "%-17s %-12llu ms\n", "Time elapsed:", info->timeElapsed);
    if (virshJobPrintStat(ctl, params, n, &elapsedNet) < 0)
        return -1;
    if (info->type == VIR_DOMAIN_JOB_BOUNDED)
        vshPrint(ctl, "%-17s %-12llu ms\n", "Time remaining:",
                 info->timeRemaining);
    if (info->dataTotal || info->dataRemaining || info->dataProcessed)
        virshJobPrintSizes(ctl, "Data", info->dataProcessed,
                           info->dataRemaining, info->dataTotal);
    if (info->memTotal || info->memRemaining || info->memProcessed) {
        virshJobPrintSizes(ctl, "Memory", info->memProcessed,
                           info->memRemaining, info->memTotal);
        if (virshJobPrintStats(ctl, params, n, virshJobMemoryStats,
                               G_N_ELEMENTS(virshJobMemoryStats)) < 0)
            return -1;
    }
    if (info->fileTotal || info->fileRemaining || info->fileProcessed) {
        virshJobPrintSizes(ctl, "File", info->fileProcessed,
                           info->fileRemaining, info->fileTotal);
        if (virshJobPrintStat(ctl, params, n, &fileBps) < 0)
            return -1;
    }
    if (virshJobPrintStats(ctl, params, n, virshJobPageStats,
                           G_N_ELEMENTS(virshJobPageStats)) < 0 ||
        virshJobPrintStat(ctl, params, n, &downtime) < 0 ||
        virshJobPrintStats(ctl, params, n, virshJobTimeStats,
                           G_N_ELEMENTS(virshJobTimeStats)) < 0)
        return -1;

    if ((rc = virTypedParamsGetInt(params, n,
                                   VIR_DOMAIN_JOB_AUTO_CONVERGE_THROTTLE,
                                   &ivalue)) < 0)
        return -1;
    if (rc)
        vshPrint(ctl, "%-17s %-13d\n", "Auto converge throttle:", ivalue);
    if (virshJobPrintStats(ctl, params, n, virshJobTempStats,
                           G_N_ELEMENTS(virshJobTempStats)) < 0)
        return -1;
    if ((rc = virTypedParamsGetString(params, n, VIR_DOMAIN_JOB_ERRMSG,
                                      &svalue)) < 0)
        return -1;
    if (rc == 1)
        vshPrint(ctl, "%-17s %s\n", "Error message:", svalue);
    return 0;
}

static bool
cmdDomjobinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    bool rawstats = vshCommandOptBool(cmd, "rawstats");
    virDomainJobInfo info;
    unsigned int flags = 0;
    bool ret = false;
    int nparams = 0;
    int op = VIR_DOMAIN_JOB_OPERATION_UNKNOWN;
    int rc;
    int i;

    VSH_REQUIRE_OPTION("keep-completed", "completed");

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptBool(cmd, "completed"))
        flags |= VIR_DOMAIN_JOB_STATS_COMPLETED;
    if (vshCommandOptBool(cmd, "keep-completed"))
        flags |= VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED;

    memset(&info, 0, sizeof(info));
    rc = virDomainGetJobStats(dom, &info.type, &params, &nparams, flags);
    if (rc == 0) {
        if (virshJobStatsToInfo(params, nparams, &info) < 0)
            goto cleanup;
    } else if (vshLastErrorCode() == VIR_ERR_NO_SUPPORT) {
        if (flags != 0 || rawstats) {
            vshError(ctl, "%s", "Optional flags or --rawstats are not supported by the daemon");
            goto cleanup;
        }
        vshDebug(ctl, VSH_ERR_DEBUG, "detailed statistics not supported\n");
        vshResetLibvirtError();
        rc = virDomainGetJobInfo(dom, &info);
    }
    if (rc < 0)
        goto cleanup;

    if (rawstats) {
        vshPrint(ctl, "Job type: %d\n\n", info.type);
        for (i = 0; i < nparams; i++) {
            g_autofree char *v = vshTypedParamToString(&params[i]);

            vshPrint(ctl, "%s: %s\n", params[i].field, v ? v : "(null)");
        }
        ret = true;
        goto cleanup;
    }

    vshPrint(ctl, "%-17s %-12s\n", "Job type:",
             info.type >= 0 && info.type < VIR_DOMAIN_JOB_LAST ?
             virshJobTypes[info.type] : "unknown");
    if (info.type == VIR_DOMAIN_JOB_NONE) {
        ret = true;
        goto cleanup;
    }
    if (virTypedParamsGetInt(params, nparams, VIR_DOMAIN_JOB_OPERATION,
                             &op) < 0)
        goto save_error;
    vshPrint(ctl, "%-17s %-12s\n", "Operation:",
             op >= 0 && op < VIR_DOMAIN_JOB_OPERATION_LAST ?
             virshJobOperations[op] : "unknown");

    if (!vshCommandOptBool(cmd, "anystats") &&
        info.type != VIR_DOMAIN_JOB_BOUNDED &&
        info.type != VIR_DOMAIN_JOB_UNBOUNDED &&
        (!(flags & VIR_DOMAIN_JOB_STATS_COMPLETED) ||
         info.type != VIR_DOMAIN_JOB_COMPLETED)) {
        ret = true;
        goto cleanup;
    }
    if (virshJobPrintDetails(ctl, &info, params, nparams) < 0)
        goto save_error;
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;

 save_error:
    vshSaveLibvirtError();
    goto cleanup;
}

static const vshCmdInfo info_domjobabort = {
    .help = "abort active domain job",
    .desc = "Aborts the currently running domain job",
};

static const vshCmdOptDef opts_domjobabort[] = {
    VIRSH_OPT_DOMAIN_FULL(VIR_CONNECT_LIST_DOMAINS_ACTIVE),
    VSH_BOOL("postcopy", "interrupt post-copy migration"),
    VSH_OPT_END
};

static bool
cmdDomjobabort(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    unsigned int flags = 0;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptBool(cmd, "postcopy"))
        flags |= VIR_DOMAIN_ABORT_JOB_POSTCOPY;
    if (flags == 0)
        return virDomainAbortJob(dom) == 0;
    return virDomainAbortJobFlags(dom, flags) == 0;
}

const vshCmdDef virshDomainJobCmds[] = {
    VSH_CMD("domjobabort", cmdDomjobabort, domjobabort),
    VSH_CMD("domjobinfo", cmdDomjobinfo, domjobinfo),
    { .name = NULL }
};
