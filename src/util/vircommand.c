/*
 * vircommand.c: building, running and reaping child processes.
 *
 * Everything the child needs (program path, argv, envp, descriptors) is
 * prepared before fork(); the child then uses only async-signal-safe
 * system calls.  It reports a setup or exec failure as a small record on
 * a close-on-exec pipe, so the parent sees either EOF (the program is
 * running) or the exact step and errno that failed.
 */
#include "internal.h"
#include "util/vircommand.h"
#include "util/virfile.h"
#include "util/virlog.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("util.command");

/* Exit codes of a child that failed before running the program. */
enum {
    VIR_COMMAND_EXIT_CANCELED = 125,
    VIR_COMMAND_EXIT_CANNOT_INVOKE = 126,
    VIR_COMMAND_EXIT_ENOENT = 127,
};

typedef struct {
    int fd;
    unsigned int flags;
} virCommandPassedFD;

struct _virCommand {
    int has_error;          /* 0, -1 for misuse, or an errno */

    GPtrArray *args;        /* char *, owned */
    GPtrArray *env;         /* "NAME=value", owned */
    bool clearEnv;          /* use env even when empty */
    GArray *passfds;        /* virCommandPassedFD */

    char *inbuf;
    int infd;               /* caller's stdin fd, or ours for inbuf */
    int inpipe;             /* our write end feeding inbuf */
    int outfd;              /* our read end for outbuf */
    int *outfdptr;
    char **outbuf;
    int errfd;
    int *errfdptr;
    char **errbuf;

    char *pwd;
    char *pidfile;
    mode_t mask;
    bool daemonize;
    bool rawStatus;
    virExecHook hook;
    void *opaque;

    pid_t pid;
    bool reap;              /* we own the child: Free must kill it */
    bool runSync;           /* inside virCommandRun */
    bool dryRun;            /* last start was a dry run */
    int dryRunStatus;
};

/* Process-wide dry-run setting (tests). */
static GMutex dryRunLock;
static GString *dryRunBuffer;
static bool dryRunLinebreaks;
static bool dryRunStripPath;
static virCommandDryRunCallback dryRunCallback;
static void *dryRunOpaque;


static bool
virCommandHasError(virCommand *cmd)
{
    return !cmd || cmd->has_error != 0;
}


static int
virCommandRaiseError(virCommand *cmd)
{
    if (virCommandHasError(cmd)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "invalid use of command API");
        return -1;
    }
    return 0;
}


/* Record a misuse that the next run will report. */
static void
virCommandMisuse(virCommand *cmd, int err, const char *what)
{
    VIR_DEBUG("command misuse: %s", what);
    if (cmd && !cmd->has_error)
        cmd->has_error = err;
}


virCommand *
virCommandNewArgs(const char *const *args)
{
    virCommand *cmd = g_new0(virCommand, 1);

    cmd->args = g_ptr_array_new_with_free_func(g_free);
    cmd->env = g_ptr_array_new_with_free_func(g_free);
    cmd->passfds = g_array_new(FALSE, FALSE, sizeof(virCommandPassedFD));
    cmd->infd = cmd->inpipe = cmd->outfd = cmd->errfd = -1;
    cmd->pid = -1;

    virCommandAddArgSet(cmd, args);
    return cmd;
}


virCommand *
virCommandNew(const char *binary)
{
    const char *const args[] = { binary, NULL };

    return virCommandNewArgs(args);
}


virCommand *
virCommandNewVAList(const char *binary, va_list list)
{
    virCommand *cmd = virCommandNew(binary);
    const char *arg;

    while ((arg = va_arg(list, const char *)))
        virCommandAddArg(cmd, arg);
    return cmd;
}


virCommand *
virCommandNewArgList(const char *binary, ...)
{
    virCommand *cmd;
    va_list list;

    va_start(list, binary);
    cmd = virCommandNewVAList(binary, list);
    va_end(list);
    return cmd;
}


/* waitpid() restarted after EINTR. */
static pid_t
virCommandWaitPid(pid_t pid, int *status, int options)
{
    pid_t rc;

    while ((rc = waitpid(pid, status, options)) < 0 && errno == EINTR)
        ;
    return rc;
}


void
virCommandAbort(virCommand *cmd)
{
    int saved = errno;
    int status;
    pid_t rc;

    if (!cmd || cmd->pid <= 0)
        return;

    VIR_DEBUG("aborting child process %lld", (long long)cmd->pid);
    if ((rc = virCommandWaitPid(cmd->pid, &status, WNOHANG)) == 0) {
        kill(cmd->pid, SIGTERM);
        g_usleep(10 * 1000);
        rc = virCommandWaitPid(cmd->pid, &status, WNOHANG);
    }
    if (rc == 0) {
        kill(cmd->pid, SIGKILL);
        rc = virCommandWaitPid(cmd->pid, &status, 0);
    }
    if (rc != cmd->pid)
        VIR_DEBUG("failed to reap child %lld", (long long)cmd->pid);

    cmd->pid = -1;
    cmd->reap = false;
    errno = saved;
}


/* Close the passed fds the parent was asked to give up, and forget
 * them all. */
static void
virCommandReleasePassedFDs(virCommand *cmd)
{
    size_t i;

    for (i = 0; i < cmd->passfds->len; i++) {
        virCommandPassedFD *p = &g_array_index(cmd->passfds,
                                               virCommandPassedFD, i);

        if (p->flags & VIR_COMMAND_PASS_FD_CLOSE_PARENT)
            VIR_FORCE_CLOSE(p->fd);
    }
    g_array_set_size(cmd->passfds, 0);
}


void
virCommandFree(virCommand *cmd)
{
    if (!cmd)
        return;

    virCommandReleasePassedFDs(cmd);
    g_array_unref(cmd->passfds);
    if (cmd->reap)
        virCommandAbort(cmd);

    VIR_FORCE_CLOSE(cmd->inpipe);
    VIR_FORCE_CLOSE(cmd->outfd);
    VIR_FORCE_CLOSE(cmd->errfd);
    g_free(cmd->inbuf);
    g_ptr_array_unref(cmd->args);
    g_ptr_array_unref(cmd->env);
    g_free(cmd->pwd);
    g_free(cmd->pidfile);
    g_free(cmd);
}


void
virCommandAddArg(virCommand *cmd, const char *val)
{
    if (virCommandHasError(cmd))
        return;
    if (!val) {
        virCommandMisuse(cmd, EINVAL, "NULL argument");
        return;
    }
    g_ptr_array_add(cmd->args, g_strdup(val));
}


void
virCommandAddArgFormat(virCommand *cmd, const char *format, ...)
{
    va_list ap;

    if (virCommandHasError(cmd))
        return;

    va_start(ap, format);
    g_ptr_array_add(cmd->args, g_strdup_vprintf(format, ap));
    va_end(ap);
}


void
virCommandAddArgPair(virCommand *cmd, const char *name, const char *val)
{
    if (!name || !val) {
        virCommandMisuse(cmd, EINVAL, "NULL argument pair");
        return;
    }
    virCommandAddArgFormat(cmd, "%s=%s", name, val);
}


void
virCommandAddArgSet(virCommand *cmd, const char *const *vals)
{
    if (virCommandHasError(cmd))
        return;
    if (!vals || !vals[0]) {
        virCommandMisuse(cmd, EINVAL, "empty argument set");
        return;
    }
    for (; *vals; vals++)
        virCommandAddArg(cmd, *vals);
}


void
virCommandAddArgList(virCommand *cmd, ...)
{
    va_list ap;
    const char *arg;

    if (virCommandHasError(cmd))
        return;

    va_start(ap, cmd);
    while ((arg = va_arg(ap, const char *)))
        virCommandAddArg(cmd, arg);
    va_end(ap);
}


void
virCommandAddArgBuffer(virCommand *cmd, virBuffer *buf)
{
    g_autofree char *str = virBufferContentAndReset(buf);

    if (virCommandHasError(cmd))
        return;
    g_ptr_array_add(cmd->args, str ? g_steal_pointer(&str) : g_strdup(""));
}


/* Add "NAME=value", replacing an earlier value of NAME. */
static void
virCommandAddEnv(virCommand *cmd, char *entry)
{
    size_t namelen = strcspn(entry, "=");
    size_t i;

    for (i = 0; i < cmd->env->len; i++) {
        char *cur = g_ptr_array_index(cmd->env, i);

        if (strncmp(cur, entry, namelen + 1) == 0) {
            g_free(cur);
            g_ptr_array_index(cmd->env, i) = entry;
            return;
        }
    }
    g_ptr_array_add(cmd->env, entry);
}


void
virCommandAddEnvFormat(virCommand *cmd, const char *format, ...)
{
    va_list ap;
    char *entry;

    if (virCommandHasError(cmd))
        return;

    va_start(ap, format);
    entry = g_strdup_vprintf(format, ap);
    va_end(ap);
    virCommandAddEnv(cmd, entry);
}


void
virCommandAddEnvPair(virCommand *cmd, const char *name, const char *value)
{
    virCommandAddEnvFormat(cmd, "%s=%s", name, value);
}


void
virCommandAddEnvString(virCommand *cmd, const char *str)
{
    if (virCommandHasError(cmd))
        return;
    virCommandAddEnv(cmd, g_strdup(str));
}


void
virCommandAddEnvPass(virCommand *cmd, const char *name)
{
    const char *value;

    if (virCommandHasError(cmd))
        return;
    if ((value = getenv(name)))
        virCommandAddEnvPair(cmd, name, value);
}


void
virCommandAddEnvPassCommon(virCommand *cmd)
{
    static const char *const passed[] = {
        "LD_PRELOAD", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES",
        "DYLD_FORCE_FLAT_NAMESPACE", "PATH", "HOME", "USER", "LOGNAME",
        "TMPDIR",
    };
    size_t i;

    virCommandAddEnvPair(cmd, "LC_ALL", "C");
    for (i = 0; i < G_N_ELEMENTS(passed); i++)
        virCommandAddEnvPass(cmd, passed[i]);
}


void
virCommandClearEnv(virCommand *cmd)
{
    if (virCommandHasError(cmd))
        return;
    g_ptr_array_set_size(cmd->env, 0);
    cmd->clearEnv = true;
}


void
virCommandPassFD(virCommand *cmd, int fd, unsigned int flags)
{
    virCommandPassedFD passed = { fd, flags };

    if (!cmd || fd <= STDERR_FILENO) {
        if (fd > STDERR_FILENO && (flags & VIR_COMMAND_PASS_FD_CLOSE_PARENT))
            VIR_FORCE_CLOSE(fd);
        virCommandMisuse(cmd, -1, "invalid fd to pass");
        return;
    }
    g_array_append_val(cmd->passfds, passed);
}


void
virCommandSetInputBuffer(virCommand *cmd, const char *inbuf)
{
    if (virCommandHasError(cmd))
        return;
    if (cmd->infd != -1 || cmd->inbuf || !inbuf) {
        virCommandMisuse(cmd, -1, "cannot specify input twice");
        return;
    }
    cmd->inbuf = g_strdup(inbuf);
}


void
virCommandSetInputFD(virCommand *cmd, int infd)
{
    if (virCommandHasError(cmd))
        return;
    if (cmd->infd != -1 || cmd->inbuf || infd < 0) {
        virCommandMisuse(cmd, -1, "cannot specify input twice");
        return;
    }
    cmd->infd = infd;
}


/* Direct stdout (@isErr false) or stderr of the child to a buffer or an
 * fd; each stream may be set once. */
static void
virCommandSetStream(virCommand *cmd, bool isErr, int *fdptr, char **buf)
{
    int **slot = isErr ? &cmd->errfdptr : &cmd->outfdptr;

    if (virCommandHasError(cmd))
        return;
    if (*slot) {
        virCommandMisuse(cmd, -1, isErr ? "cannot specify stderr twice" :
                                          "cannot specify output twice");
        return;
    }
    *slot = fdptr;
    if (isErr)
        cmd->errbuf = buf;
    else
        cmd->outbuf = buf;
}


void
virCommandSetOutputBuffer(virCommand *cmd, char **outbuf)
{
    *outbuf = NULL;
    if (cmd)
        virCommandSetStream(cmd, false, &cmd->outfd, outbuf);
}


void
virCommandSetErrorBuffer(virCommand *cmd, char **errbuf)
{
    *errbuf = NULL;
    if (cmd)
        virCommandSetStream(cmd, true, &cmd->errfd, errbuf);
}


void
virCommandSetOutputFD(virCommand *cmd, int *outfd)
{
    virCommandSetStream(cmd, false, outfd, NULL);
}


void
virCommandSetErrorFD(virCommand *cmd, int *errfd)
{
    virCommandSetStream(cmd, true, errfd, NULL);
}


void
virCommandSetWorkingDirectory(virCommand *cmd, const char *pwd)
{
    if (virCommandHasError(cmd))
        return;
    if (cmd->pwd) {
        virCommandMisuse(cmd, -1, "cannot set directory twice");
        return;
    }
    cmd->pwd = g_strdup(pwd);
}


void
virCommandSetUmask(virCommand *cmd, int mask)
{
    if (!virCommandHasError(cmd))
        cmd->mask = mask;
}


void
virCommandDaemonize(virCommand *cmd)
{
    if (!virCommandHasError(cmd))
        cmd->daemonize = true;
}


void
virCommandSetPidFile(virCommand *cmd, const char *pidfile)
{
    if (virCommandHasError(cmd))
        return;
    g_free(cmd->pidfile);
    cmd->pidfile = g_strdup(pidfile);
}


void
virCommandRawStatus(virCommand *cmd)
{
    if (!virCommandHasError(cmd))
        cmd->rawStatus = true;
}


void
virCommandSetPreExecHook(virCommand *cmd, virExecHook hook, void *opaque)
{
    if (virCommandHasError(cmd))
        return;
    if (cmd->hook) {
        virCommandMisuse(cmd, -1, "cannot specify hook twice");
        return;
    }
    cmd->hook = hook;
    cmd->opaque = opaque;
}


/* With linebreaks, an argument goes on a new line unless it is the
 * value of an option: a non-option while options are in play, preceded
 * by an option or followed by more options. */
static bool
virCommandArgStartsLine(virCommand *cmd, size_t i, bool hadOption)
{
    const char *arg = g_ptr_array_index(cmd->args, i);
    size_t j;

    if (arg[0] == '-' || !hadOption)
        return true;
    for (j = i - 1; j < cmd->args->len; j++) {
        if (((const char *)g_ptr_array_index(cmd->args, j))[0] == '-')
            return false;
    }
    return true;
}


int
virCommandToStringBuf(virCommand *cmd, virBuffer *buf, bool linebreaks,
                      bool stripCommandPath)
{
    g_autofree char *base = NULL;
    const char *command;
    bool hadOption = false;
    size_t i;

    if (virCommandRaiseError(cmd) < 0)
        return -1;

    for (i = 0; i < cmd->env->len; i++) {
        const char *entry = g_ptr_array_index(cmd->env, i);
        const char *eq = strchr(entry, '=');

        if (!eq) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "invalid use of command API");
            return -1;
        }
        virBufferAdd(buf, entry, eq + 1 - entry);
        virBufferEscapeShell(buf, eq + 1);
        virBufferAddChar(buf, ' ');
        if (linebreaks)
            virBufferAddLit(buf, "\\\n");
    }

    command = g_ptr_array_index(cmd->args, 0);
    if (stripCommandPath)
        command = base = g_path_get_basename(command);
    virBufferEscapeShell(buf, command);

    for (i = 1; i < cmd->args->len; i++) {
        const char *arg = g_ptr_array_index(cmd->args, i);

        virBufferAddChar(buf, ' ');
        if (linebreaks && virCommandArgStartsLine(cmd, i, hadOption))
            virBufferAddLit(buf, "\\\n");
        if (arg[0] == '-')
            hadOption = true;
        virBufferEscapeShell(buf, arg);
    }
    return 0;
}


char *
virCommandToStringFull(virCommand *cmd, bool linebreaks,
                       bool stripCommandPath)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    if (virCommandToStringBuf(cmd, &buf, linebreaks, stripCommandPath) < 0)
        return NULL;
    return virBufferContentAndReset(&buf);
}


char *
virCommandToString(virCommand *cmd, bool linebreaks)
{
    return virCommandToStringFull(cmd, linebreaks, false);
}


int
virCommandGetArgList(virCommand *cmd, char ***args)
{
    char **list;
    size_t i;

    if (virCommandRaiseError(cmd) < 0)
        return -1;

    list = g_new0(char *, cmd->args->len);
    for (i = 1; i < cmd->args->len; i++)
        list[i - 1] = g_strdup(g_ptr_array_index(cmd->args, i));
    *args = list;
    return 0;
}


void
virCommandSetDryRunFull(GString *buf, bool linebreaks, bool stripCommandPath,
                        virCommandDryRunCallback cb, void *opaque)
{
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&dryRunLock);

    dryRunBuffer = buf;
    dryRunLinebreaks = linebreaks;
    dryRunStripPath = stripCommandPath;
    dryRunCallback = cb;
    dryRunOpaque = opaque;
}


void
virCommandSetDryRun(GString *buf, virCommandDryRunCallback cb, void *opaque)
{
    virCommandSetDryRunFull(buf, false, false, cb, opaque);
}


/* A NULL-terminated view of @array (the strings stay owned by it). */
static char **
virCommandStrv(GPtrArray *array)
{
    char **list = g_new0(char *, array->len + 1);

    if (array->len)
        memcpy(list, array->pdata, array->len * sizeof(char *));
    return list;
}


static bool
virCommandHasOwnEnv(virCommand *cmd)
{
    return cmd->clearEnv || cmd->env->len > 0;
}


/* If a dry run is set, record @cmd instead of running it: returns 1
 * when handled, 0 to run for real, -1 on error. */
static int
virCommandDryRunStart(virCommand *cmd)
{
    GString *buf;
    virCommandDryRunCallback cb;
    void *opaque;
    g_autofree char *str = NULL;
    g_autofree char **argv = NULL;
    g_autofree char **envp = NULL;

    g_mutex_lock(&dryRunLock);
    buf = dryRunBuffer;
    cb = dryRunCallback;
    opaque = dryRunOpaque;
    if (buf || cb)
        str = virCommandToStringFull(cmd, dryRunLinebreaks, dryRunStripPath);
    if (buf && str)
        g_string_append_printf(buf, "%s\n", str);
    g_mutex_unlock(&dryRunLock);

    if (!buf && !cb)
        return 0;
    if (!str)
        return -1;

    VIR_DEBUG("dry run of %s", str);
    cmd->dryRun = true;
    cmd->dryRunStatus = 0;
    if (cb) {
        argv = virCommandStrv(cmd->args);
        if (virCommandHasOwnEnv(cmd))
            envp = virCommandStrv(cmd->env);
        cb((const char *const *)argv, (const char *const *)envp, cmd->inbuf,
           cmd->outbuf, cmd->errbuf, &cmd->dryRunStatus, opaque);
    }
    if (cmd->outbuf && !*cmd->outbuf)
        *cmd->outbuf = g_strdup("");
    if (cmd->errbuf && !*cmd->errbuf)
        *cmd->errbuf = g_strdup("");
    return 1;
}


/* ------------------------------------------------------------------ */
/* The child side: async-signal-safe code only below fork().           */

typedef enum {
    VIR_COMMAND_CHILD_STDIN = 1,
    VIR_COMMAND_CHILD_STDOUT,
    VIR_COMMAND_CHILD_STDERR,
    VIR_COMMAND_CHILD_PRESERVE,
    VIR_COMMAND_CHILD_SETSID,
    VIR_COMMAND_CHILD_CHDIR_ROOT,
    VIR_COMMAND_CHILD_FORK,
    VIR_COMMAND_CHILD_PIDFILE_OPEN,
    VIR_COMMAND_CHILD_PIDFILE_LOCK,
    VIR_COMMAND_CHILD_PIDFILE_WRITE,
    VIR_COMMAND_CHILD_PWD,
    VIR_COMMAND_CHILD_HOOK,
    VIR_COMMAND_CHILD_EXEC,
} virCommandChildStep;

typedef struct {
    int step;   /* virCommandChildStep */
    int err;    /* errno */
    int arg;    /* fd, for VIR_COMMAND_CHILD_PRESERVE */
} virCommandChildReport;

typedef struct {
    const char *binary;
    char **argv;
    char **envp;            /* NULL: inherit */
    int stdfds[3];
    int report;             /* write end of the report pipe */
    const virCommandPassedFD *keep;
    size_t nkeep;
    long maxfd;
    const char *pwd;
    const char *pidfile;
    mode_t mask;
    bool daemonize;
    virExecHook hook;
    void *opaque;
} virCommandChildPlan;


G_GNUC_NORETURN static void
virCommandChildFail(const virCommandChildPlan *plan, int step, int err,
                    int arg)
{
    virCommandChildReport report = { step, err, arg };
    int code = VIR_COMMAND_EXIT_CANCELED;

    ignore_value(safewrite(plan->report, &report, sizeof(report)));
    if (step == VIR_COMMAND_CHILD_EXEC)
        code = err == ENOENT ? VIR_COMMAND_EXIT_ENOENT :
                               VIR_COMMAND_EXIT_CANNOT_INVOKE;
    _exit(code);
}


static void
virCommandChildResetSignals(void)
{
    struct sigaction sa;
    int sig;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    for (sig = 1; sig < NSIG; sig++) {
        if (sig != SIGKILL && sig != SIGSTOP)
            ignore_value(sigaction(sig, &sa, NULL));
    }
}


/* Put the planned descriptors on 0, 1 and 2. */
static void
virCommandChildSetupStdio(const virCommandChildPlan *plan)
{
    int src[3];
    int i, j;

    memcpy(src, plan->stdfds, sizeof(src));

    /* Move a source that sits on another standard number out of the
     * way first, so no dup2 below can overwrite a later source. */
    for (i = 0; i < 3; i++) {
        int moved;

        if (src[i] >= 3 || src[i] == i)
            continue;
        if ((moved = fcntl(src[i], F_DUPFD_CLOEXEC, 3)) < 0)
            virCommandChildFail(plan, VIR_COMMAND_CHILD_STDIN + i, errno, 0);
        for (j = i + 1; j < 3; j++) {
            if (src[j] == src[i])
                src[j] = moved;
        }
        src[i] = moved;
    }

    for (i = 0; i < 3; i++) {
        int rc = src[i] == i ? fcntl(i, F_SETFD, 0) : dup2(src[i], i);

        if (rc < 0)
            virCommandChildFail(plan, VIR_COMMAND_CHILD_STDIN + i, errno, 0);
    }
}


/* Everything above 2 closes at exec except the passed descriptors. */
static void
virCommandChildLimitFDs(const virCommandChildPlan *plan)
{
    size_t i;

    if (close_range(3, ~0U, CLOSE_RANGE_CLOEXEC) < 0) {
        long fd;

        for (fd = 3; fd < plan->maxfd; fd++)
            ignore_value(fcntl(fd, F_SETFD, FD_CLOEXEC));
    }
    for (i = 0; i < plan->nkeep; i++) {
        if (fcntl(plan->keep[i].fd, F_SETFD, 0) < 0)
            virCommandChildFail(plan, VIR_COMMAND_CHILD_PRESERVE, errno,
                                plan->keep[i].fd);
    }
}


/* Write our pid into the locked pid file, which stays open (and locked)
 * in the program we are about to execute. */
static void
virCommandChildWritePidFile(const virCommandChildPlan *plan)
{
    struct flock lock;
    char digits[24];
    char *p = digits + sizeof(digits);
    long long pid = getpid();
    size_t len;
    int fd;

    do {
        *--p = '0' + pid % 10;
        pid /= 10;
    } while (pid > 0);
    len = digits + sizeof(digits) - p;

    if ((fd = open(plan->pidfile, O_WRONLY | O_CREAT, 0644)) < 0)
        virCommandChildFail(plan, VIR_COMMAND_CHILD_PIDFILE_OPEN, errno, 0);

    memset(&lock, 0, sizeof(lock));
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (fcntl(fd, F_SETLK, &lock) < 0)
        virCommandChildFail(plan, VIR_COMMAND_CHILD_PIDFILE_LOCK, errno, 0);

    if (ftruncate(fd, 0) < 0 || safewrite(fd, p, len) != (ssize_t)len)
        virCommandChildFail(plan, VIR_COMMAND_CHILD_PIDFILE_WRITE, errno, 0);
}


/* Become a daemon: the intermediate process exits once the grandchild
 * has written the pid file (if any). */
static void
virCommandChildDaemonize(const virCommandChildPlan *plan)
{
    int sync[2] = { -1, -1 };
    pid_t pid;
    char c = '1';

    if (setsid() < 0)
        virCommandChildFail(plan, VIR_COMMAND_CHILD_SETSID, errno, 0);
    if (chdir("/") < 0)
        virCommandChildFail(plan, VIR_COMMAND_CHILD_CHDIR_ROOT, errno, 0);
    if (plan->pidfile && pipe2(sync, O_CLOEXEC) < 0)
        virCommandChildFail(plan, VIR_COMMAND_CHILD_FORK, errno, 0);

    if ((pid = fork()) < 0)
        virCommandChildFail(plan, VIR_COMMAND_CHILD_FORK, errno, 0);

    if (pid > 0) {
        if (plan->pidfile) {
            close(sync[1]);
            if (saferead(sync[0], &c, 1) != 1)
                _exit(EXIT_FAILURE);
        }
        _exit(EXIT_SUCCESS);
    }

    if (plan->pidfile) {
        close(sync[0]);
        virCommandChildWritePidFile(plan);
        ignore_value(safewrite(sync[1], &c, 1));
        close(sync[1]);
    }
}


G_GNUC_NORETURN static void
virCommandChild(const virCommandChildPlan *plan)
{
    sigset_t none;

    virCommandChildResetSignals();
    if (plan->mask)
        umask(plan->mask);

    virCommandChildSetupStdio(plan);
    virCommandChildLimitFDs(plan);

    if (plan->daemonize)
        virCommandChildDaemonize(plan);

    if (plan->pwd && chdir(plan->pwd) < 0)
        virCommandChildFail(plan, VIR_COMMAND_CHILD_PWD, errno, 0);

    if (plan->hook) {
        errno = 0;
        if (plan->hook(plan->opaque) < 0)
            virCommandChildFail(plan, VIR_COMMAND_CHILD_HOOK, errno, 0);
    }

    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);

    if (plan->envp)
        execve(plan->binary, plan->argv, plan->envp);
    else
        execv(plan->binary, plan->argv);
    virCommandChildFail(plan, VIR_COMMAND_CHILD_EXEC, errno, 0);
}


/* ------------------------------------------------------------------ */
/* The parent side of starting a child.                                */

/* Descriptors the parent opens for one start. */
typedef struct {
    int null;
    int in[2];
    int out[2];
    int err[2];
    int report[2];
} virCommandStartFDs;


static void
virCommandStartFDsClose(virCommandStartFDs *fds)
{
    int *all[] = { &fds->null, &fds->in[0], &fds->in[1], &fds->out[0],
                   &fds->out[1], &fds->err[0], &fds->err[1],
                   &fds->report[0], &fds->report[1] };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(all); i++)
        VIR_FORCE_CLOSE(*all[i]);
}


static int
virCommandPipe(int fds[2])
{
    if (pipe2(fds, O_CLOEXEC) < 0) {
        virReportSystemError(errno, "%s", "Unable to create pipe");
        return -1;
    }
    return 0;
}


static int
virCommandDevNull(virCommandStartFDs *fds)
{
    if (fds->null < 0 &&
        (fds->null = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0) {
        virReportSystemError(errno, "cannot open %s", "/dev/null");
        return -1;
    }
    return fds->null;
}


/* Choose the child's stdout or stderr: the caller's fd, a new pipe
 * (when *@fdptr is -1), or /dev/null. */
static int
virCommandPlanOutput(int *fdptr, int pipefds[2], virCommandStartFDs *fds)
{
    if (!fdptr)
        return virCommandDevNull(fds);
    if (*fdptr != -1)
        return *fdptr;
    if (virCommandPipe(pipefds) < 0)
        return -1;
    return pipefds[1];
}


static int
virCommandPlanStdio(virCommand *cmd, virCommandStartFDs *fds,
                    virCommandChildPlan *plan)
{
    if (cmd->inbuf && cmd->runSync) {
        if (virCommandPipe(fds->in) < 0)
            return -1;
        if (fcntl(fds->in[1], F_SETFL, O_NONBLOCK) < 0) {
            virReportSystemError(errno, "%s",
                                 "fcntl failed to set O_NONBLOCK");
            return -1;
        }
        plan->stdfds[0] = fds->in[0];
    } else if (cmd->infd >= 0) {
        plan->stdfds[0] = cmd->infd;
    } else if ((plan->stdfds[0] = virCommandDevNull(fds)) < 0) {
        return -1;
    }

    if ((plan->stdfds[1] = virCommandPlanOutput(cmd->outfdptr, fds->out,
                                                fds)) < 0)
        return -1;

    if (cmd->errfdptr && cmd->errfdptr == cmd->outfdptr)
        plan->stdfds[2] = plan->stdfds[1];
    else if ((plan->stdfds[2] = virCommandPlanOutput(cmd->errfdptr, fds->err,
                                                     fds)) < 0)
        return -1;
    return 0;
}


/* Read the child's report; returns 0 once the program runs (EOF), or
 * -1 with the failure reported. */
static int
virCommandReadReport(virCommand *cmd, int fd, const char *binary)
{
    virCommandChildReport rep;
    ssize_t got = saferead(fd, &rep, sizeof(rep));
    const char *arg0 = g_ptr_array_index(cmd->args, 0);

    if (got == 0)
        return 0;
    if (got != sizeof(rep)) {
        virReportSystemError(got < 0 ? errno : EIO, "%s",
                             "cannot read child process status");
        return -1;
    }

    switch ((virCommandChildStep)rep.step) {
    case VIR_COMMAND_CHILD_STDIN:
    case VIR_COMMAND_CHILD_STDOUT:
    case VIR_COMMAND_CHILD_STDERR: {
        static const char *names[] = { "stdin", "stdout", "stderr" };

        virReportSystemError(rep.err, "failed to setup %s file handle",
                             names[rep.step - VIR_COMMAND_CHILD_STDIN]);
        break;
    }
    case VIR_COMMAND_CHILD_PRESERVE:
        virReportSystemError(rep.err, "failed to preserve fd %d", rep.arg);
        break;
    case VIR_COMMAND_CHILD_SETSID:
        virReportSystemError(rep.err, "%s", "cannot become session leader");
        break;
    case VIR_COMMAND_CHILD_CHDIR_ROOT:
        virReportSystemError(rep.err, "%s", "cannot change to root directory");
        break;
    case VIR_COMMAND_CHILD_FORK:
        virReportSystemError(rep.err, "%s", "cannot fork child process");
        break;
    case VIR_COMMAND_CHILD_PIDFILE_OPEN:
        virReportSystemError(rep.err, "Failed to open pid file '%s'",
                             cmd->pidfile);
        break;
    case VIR_COMMAND_CHILD_PIDFILE_LOCK:
        virReportSystemError(rep.err, "Failed to acquire pid file '%s'",
                             cmd->pidfile);
        break;
    case VIR_COMMAND_CHILD_PIDFILE_WRITE:
        virReportSystemError(rep.err, "Failed to write to pid file '%s'",
                             cmd->pidfile);
        break;
    case VIR_COMMAND_CHILD_PWD:
        virReportSystemError(rep.err, "Unable to change to %s", cmd->pwd);
        break;
    case VIR_COMMAND_CHILD_HOOK:
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "pre-exec hook of %s failed: %s", arg0,
                       rep.err ? g_strerror(rep.err) : "unknown cause");
        break;
    case VIR_COMMAND_CHILD_EXEC:
    default:
        virReportSystemError(rep.err, "cannot execute binary %s", binary);
        break;
    }
    return -1;
}


static void
virCommandPlanInit(virCommand *cmd, virCommandChildPlan *plan,
                   const char *binary, int report)
{
    memset(plan, 0, sizeof(*plan));
    plan->binary = binary;
    plan->argv = virCommandStrv(cmd->args);
    plan->envp = virCommandHasOwnEnv(cmd) ? virCommandStrv(cmd->env) : NULL;
    plan->report = report;
    plan->keep = (const virCommandPassedFD *)cmd->passfds->data;
    plan->nkeep = cmd->passfds->len;
    plan->maxfd = sysconf(_SC_OPEN_MAX);
    if (plan->maxfd < 0 || plan->maxfd > 65536)
        plan->maxfd = 65536;
    plan->pwd = cmd->pwd;
    plan->pidfile = cmd->pidfile;
    plan->mask = cmd->mask;
    plan->daemonize = cmd->daemonize;
    plan->hook = cmd->hook;
    plan->opaque = cmd->opaque;
}


/* Fork with all signals blocked, so no handler of ours runs in the
 * child before it resets them. */
static pid_t
virCommandFork(const virCommandChildPlan *plan)
{
    sigset_t all, old;
    pid_t pid;

    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pid = fork();
    if (pid == 0)
        virCommandChild(plan);
    pthread_sigmask(SIG_SETMASK, &old, NULL);

    if (pid < 0)
        virReportSystemError(errno, "%s", "cannot fork child process");
    return pid;
}


/* Hand the parent ends of new pipes to the command or the caller. */
static void
virCommandAdoptPipes(virCommand *cmd, virCommandStartFDs *fds)
{
    if (fds->out[0] >= 0) {
        *cmd->outfdptr = fds->out[0];
        fds->out[0] = -1;
    }
    if (fds->err[0] >= 0) {
        *cmd->errfdptr = fds->err[0];
        fds->err[0] = -1;
    }
    if (fds->in[1] >= 0) {
        cmd->inpipe = fds->in[1];
        fds->in[1] = -1;
    }
}


/* Fork and execute; sets cmd->pid. */
static int
virCommandStart(virCommand *cmd)
{
    virCommandStartFDs fds = { -1, { -1, -1 }, { -1, -1 }, { -1, -1 },
                               { -1, -1 } };
    virCommandChildPlan plan = { 0 };
    g_autofree char *binary = NULL;
    const char *arg0 = g_ptr_array_index(cmd->args, 0);
    pid_t pid;
    int status;
    int ret = -1;

    if (g_path_is_absolute(arg0)) {
        binary = g_strdup(arg0);
    } else if (!(binary = virFindFileInPath(arg0))) {
        virReportSystemError(ENOENT, "Cannot find '%s' in path", arg0);
        return -1;
    }

    if (virCommandPipe(fds.report) < 0)
        goto cleanup;
    virCommandPlanInit(cmd, &plan, binary, fds.report[1]);
    if (virCommandPlanStdio(cmd, &fds, &plan) < 0)
        goto cleanup;

    if ((pid = virCommandFork(&plan)) < 0)
        goto cleanup;

    /* Our copies of the child's ends must go before reading the report,
     * or it would never see EOF. */
    VIR_FORCE_CLOSE(fds.report[1]);
    VIR_FORCE_CLOSE(fds.null);
    VIR_FORCE_CLOSE(fds.in[0]);
    VIR_FORCE_CLOSE(fds.out[1]);
    VIR_FORCE_CLOSE(fds.err[1]);

    if (virCommandReadReport(cmd, fds.report[0], binary) < 0) {
        ignore_value(virCommandWaitPid(pid, &status, 0));
        goto cleanup;
    }

    virCommandAdoptPipes(cmd, &fds);
    cmd->pid = pid;
    ret = 0;

 cleanup:
    virCommandStartFDsClose(&fds);
    g_free(plan.argv);
    g_free(plan.envp);
    return ret;
}


/* ------------------------------------------------------------------ */
/* Running and waiting.                                                */

int
virCommandRunAsync(virCommand *cmd, pid_t *pid)
{
    g_autofree char *str = NULL;
    int rc;

    if (virCommandRaiseError(cmd) < 0)
        return -1;

    if (!cmd->runSync && (cmd->inbuf || cmd->outbuf || cmd->errbuf)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "cannot mix string I/O with asynchronous command");
        return -1;
    }
    if (cmd->pid != -1) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "command is already running as pid %lld",
                       (long long)cmd->pid);
        return -1;
    }
    if (!cmd->runSync && cmd->daemonize) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "daemonized command cannot use virCommandRunAsync");
        return -1;
    }
    if (cmd->pwd && cmd->daemonize) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "daemonized command cannot set working directory %s",
                       cmd->pwd);
        return -1;
    }
    if (cmd->pidfile && !cmd->daemonize) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "creation of pid file requires daemonized command");
        return -1;
    }

    cmd->dryRun = false;
    if ((rc = virCommandDryRunStart(cmd)) != 0)
        return rc < 0 ? -1 : 0;

    if (!(str = virCommandToString(cmd, false)))
        return -1;
    VIR_DEBUG("About to run %s", str);

    rc = virCommandStart(cmd);
    VIR_DEBUG("Command result %d, with PID %lld", rc, (long long)cmd->pid);
    virCommandReleasePassedFDs(cmd);
    if (rc < 0)
        return -1;

    if (pid)
        *pid = cmd->pid;
    else
        cmd->reap = true;
    return 0;
}


static char *
virCommandTranslateStatus(int status)
{
    if (WIFEXITED(status))
        return g_strdup_printf("exit status %d", WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return g_strdup_printf("fatal signal %d", WTERMSIG(status));
    return g_strdup_printf("invalid value %d", status);
}


/* Report a child that ended other than with exit status 0. */
static void
virCommandReportStatus(virCommand *cmd, int status)
{
    g_autofree char *str = virCommandToString(cmd, false);
    g_autofree char *st = virCommandTranslateStatus(status);
    const char *errmsg = cmd->errbuf && *cmd->errbuf ? *cmd->errbuf : "";

    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "Child process (%s) unexpected %s%s%s",
                   str ? str : (const char *)g_ptr_array_index(cmd->args, 0),
                   st, *errmsg ? ": " : "", errmsg);
}


int
virCommandWait(virCommand *cmd, int *exitstatus)
{
    int status = 0;
    pid_t rc;

    if (virCommandRaiseError(cmd) < 0)
        return -1;

    if (cmd->dryRun) {
        cmd->dryRun = false;
        status = W_EXITCODE(cmd->dryRunStatus & 0xff, 0);
    } else {
        if (cmd->pid == -1) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "command is not yet running");
            return -1;
        }
        if ((rc = virCommandWaitPid(cmd->pid, &status, 0)) < 0) {
            virReportSystemError(errno, "unable to wait for process %lld",
                                 (long long)cmd->pid);
            return -1;
        }
        cmd->pid = -1;
        cmd->reap = false;
    }

    if (exitstatus && (cmd->rawStatus || WIFEXITED(status))) {
        *exitstatus = cmd->rawStatus ? status : WEXITSTATUS(status);
        return 0;
    }
    if (status != 0) {
        virCommandReportStatus(cmd, status);
        return -1;
    }
    if (exitstatus)
        *exitstatus = 0;
    return 0;
}


/* Read what is available on @fd into @out; returns 1 while open, 0 at
 * EOF, -1 on error (reported). */
static int
virCommandReadChunk(int fd, GString *out, const char *what)
{
    char data[4096];
    ssize_t got = read(fd, data, sizeof(data));

    if (got < 0) {
        if (errno == EINTR || errno == EAGAIN)
            return 1;
        virReportSystemError(errno, "unable to read child %s", what);
        return -1;
    }
    if (got == 0)
        return 0;
    g_string_append_len(out, data, got);
    return 1;
}


/* Write more of the input buffer; returns 1 while more remains, 0 when
 * done (the pipe is closed), -1 on error (reported). */
static int
virCommandWriteChunk(virCommand *cmd, size_t *offset, bool sigpipePending)
{
    size_t len = strlen(cmd->inbuf);
    ssize_t done = write(cmd->inpipe, cmd->inbuf + *offset, len - *offset);

    if (done < 0) {
        if (errno == EINTR || errno == EAGAIN)
            return 1;
        if (errno != EPIPE) {
            virReportSystemError(errno, "%s", "unable to write to child input");
            return -1;
        }
        /* The child stopped reading; swallow our blocked SIGPIPE. */
        VIR_DEBUG("child closed stdin early, ignoring EPIPE");
        if (!sigpipePending) {
            sigset_t set;
            struct timespec zero = { 0, 0 };

            sigemptyset(&set);
            sigaddset(&set, SIGPIPE);
            ignore_value(sigtimedwait(&set, NULL, &zero));
        }
        done = len - *offset;
    }
    *offset += done;
    if (*offset < len)
        return 1;
    VIR_FORCE_CLOSE(cmd->inpipe);
    return 0;
}


/* One round of poll() over the child's pipes. */
static int
virCommandIOStep(virCommand *cmd, int *outfd, int *errfd, GString *out,
                 GString *err, size_t *inoff, bool sigpipePending)
{
    struct pollfd fds[3];
    int nfds = 0;
    int i;

    if (cmd->inpipe >= 0)
        fds[nfds++] = (struct pollfd){ .fd = cmd->inpipe, .events = POLLOUT };
    if (*outfd >= 0)
        fds[nfds++] = (struct pollfd){ .fd = *outfd, .events = POLLIN };
    if (*errfd >= 0)
        fds[nfds++] = (struct pollfd){ .fd = *errfd, .events = POLLIN };
    if (nfds == 0)
        return 0;

    if (poll(fds, nfds, -1) < 0) {
        if (errno == EINTR || errno == EAGAIN)
            return 1;
        virReportSystemError(errno, "%s", "unable to poll on child");
        return -1;
    }

    for (i = 0; i < nfds; i++) {
        int rc = 1;

        if (!(fds[i].revents & (POLLIN | POLLOUT | POLLHUP | POLLERR)))
            continue;
        if (fds[i].fd == cmd->inpipe)
            rc = virCommandWriteChunk(cmd, inoff, sigpipePending);
        else if (fds[i].fd == *outfd &&
                 (rc = virCommandReadChunk(*outfd, out, "stdout")) == 0)
            *outfd = -1;
        else if (fds[i].fd == *errfd &&
                 (rc = virCommandReadChunk(*errfd, err, "stderr")) == 0)
            *errfd = -1;
        if (rc < 0)
            return -1;
    }
    return 1;
}


/* Feed the input buffer and collect the output buffers until the
 * child closes its ends. */
static int
virCommandProcessIO(virCommand *cmd)
{
    GString *out = g_string_new(NULL);
    GString *err = g_string_new(NULL);
    int outfd = cmd->outbuf ? cmd->outfd : -1;
    int errfd = cmd->errbuf ? cmd->errfd : -1;
    size_t inoff = 0;
    sigset_t pipeset, oldmask, pending;
    bool sigpipePending;
    int rc;

    sigemptyset(&pipeset);
    sigaddset(&pipeset, SIGPIPE);
    sigpending(&pending);
    sigpipePending = sigismember(&pending, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeset, &oldmask);

    while ((rc = virCommandIOStep(cmd, &outfd, &errfd, out, err, &inoff,
                                  sigpipePending)) > 0)
        ;

    pthread_sigmask(SIG_SETMASK, &oldmask, NULL);

    if (cmd->outbuf) {
        g_free(*cmd->outbuf);
        *cmd->outbuf = g_string_free(out, FALSE);
    } else {
        g_string_free(out, TRUE);
    }
    if (cmd->errbuf) {
        g_free(*cmd->errbuf);
        *cmd->errbuf = g_string_free(err, FALSE);
    } else {
        g_string_free(err, TRUE);
    }
    return rc;
}


/* virCommandRun refuses descriptors that could deadlock a synchronous
 * run (pipes the caller reads), as libvirt does. */
static int
virCommandCheckSyncFDs(virCommand *cmd)
{
    bool stringIO = cmd->inbuf || cmd->outbuf || cmd->errbuf;
    bool callerIO = false;
    struct stat st;

    if (cmd->infd != -1 &&
        (fstat(cmd->infd, &st) < 0 || !S_ISREG(st.st_mode)))
        callerIO = true;
    if (cmd->outfdptr && cmd->outfdptr != &cmd->outfd &&
        (*cmd->outfdptr == -1 || fstat(*cmd->outfdptr, &st) < 0 ||
         !S_ISREG(st.st_mode)))
        callerIO = true;
    if (cmd->errfdptr && cmd->errfdptr != &cmd->errfd &&
        cmd->errfdptr != &cmd->outfd &&
        (*cmd->errfdptr == -1 || fstat(*cmd->errfdptr, &st) < 0 ||
         !S_ISREG(st.st_mode)))
        callerIO = true;

    if (callerIO && (!cmd->daemonize || stringIO)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "cannot mix caller fds with blocking execution");
        return -1;
    }
    if (!callerIO && cmd->daemonize && stringIO) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "cannot mix string I/O with daemon");
        return -1;
    }
    return 0;
}


int
virCommandRun(virCommand *cmd, int *exitstatus)
{
    g_autofree char *outbuf = NULL;
    g_autofree char *errbuf = NULL;
    bool ownOut = false;
    bool ownErr = false;
    int ret;

    if (virCommandRaiseError(cmd) < 0 || virCommandCheckSyncFDs(cmd) < 0)
        return -1;

    /* One buffer for both streams: stderr goes down the stdout pipe. */
    if (cmd->outbuf && cmd->outbuf == cmd->errbuf) {
        cmd->errfdptr = &cmd->outfd;
        cmd->errbuf = NULL;
    }
    /* Capture what nobody asked for, to log it and quote stderr on
     * failure; a daemon's intermediate process has nothing to say. */
    if (!cmd->daemonize && !cmd->outfdptr) {
        cmd->outfdptr = &cmd->outfd;
        cmd->outbuf = &outbuf;
        ownOut = true;
    }
    if (!cmd->daemonize && !cmd->errfdptr) {
        cmd->errfdptr = &cmd->errfd;
        cmd->errbuf = &errbuf;
        ownErr = true;
    }

    cmd->runSync = true;
    ret = virCommandRunAsync(cmd, NULL);
    cmd->runSync = false;

    if (ret == 0 && cmd->pid != -1 && virCommandProcessIO(cmd) < 0) {
        virCommandAbort(cmd);
        ret = -1;
    }
    if (ret == 0)
        ret = virCommandWait(cmd, exitstatus);

    if (outbuf && *outbuf)
        VIR_DEBUG("Command stdout: %s", outbuf);
    if (errbuf && *errbuf)
        VIR_DEBUG("Command stderr: %s", errbuf);

    VIR_FORCE_CLOSE(cmd->inpipe);
    VIR_FORCE_CLOSE(cmd->outfd);
    VIR_FORCE_CLOSE(cmd->errfd);
    if (ownOut) {
        cmd->outfdptr = NULL;
        cmd->outbuf = NULL;
    }
    if (ownErr) {
        cmd->errfdptr = NULL;
        cmd->errbuf = NULL;
    }
    return ret;
}
