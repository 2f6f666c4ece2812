/*
 * vircommand.h: the one gate through which child processes are run.
 *
 *   g_autoptr(virCommand) cmd = virCommandNewArgList("qemu-img", "info",
 *                                                    path, NULL);
 *   g_autofree char *out = NULL;
 *   virCommandAddEnvPassCommon(cmd);
 *   virCommandSetOutputBuffer(cmd, &out);
 *   if (virCommandRun(cmd, NULL) < 0)
 *       return -1;
 *
 * Building calls never fail on their own: a misuse (NULL argument, two
 * inputs, ...) is remembered and the run reports "invalid use of command
 * API".  The child gets stdin, stdout and stderr as configured (default
 * /dev/null; virCommandRun captures unrequested output itself so failure
 * messages can quote stderr), the descriptors given to virCommandPassFD,
 * and nothing else.  Its signal dispositions and mask are reset.
 *
 * If the child cannot be set up or the program cannot be executed, the
 * run fails in the parent with the cause ("cannot execute binary %s: No
 * such file or directory"), and no zombie is left behind.
 *
 * A virCommand is not thread-safe; the dry-run setting is process-wide.
 */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <sys/types.h>
#include <glib.h>

#include "util/virbuffer.h"

typedef struct _virCommand virCommand;

/* Runs in the child after its descriptors are set up, just before
 * exec; must only use async-signal-safe calls and must not wait for the
 * parent.  A negative return aborts the run. */
typedef int (*virExecHook)(void *data);

virCommand *virCommandNew(const char *binary);
virCommand *virCommandNewArgs(const char *const *args);
virCommand *virCommandNewArgList(const char *binary, ...)
    G_GNUC_NULL_TERMINATED;
virCommand *virCommandNewVAList(const char *binary, va_list list);

void virCommandFree(virCommand *cmd);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virCommand, virCommandFree);

/* Arguments.  virCommandAddArgPair adds "NAME=VAL" as one argument;
 * virCommandAddArgBuffer consumes @buf (an empty buffer adds ""). */
void virCommandAddArg(virCommand *cmd, const char *val);
void virCommandAddArgFormat(virCommand *cmd, const char *format, ...)
    G_GNUC_PRINTF(2, 3);
void virCommandAddArgPair(virCommand *cmd, const char *name,
                          const char *val);
void virCommandAddArgSet(virCommand *cmd, const char *const *vals);
void virCommandAddArgList(virCommand *cmd, ...) G_GNUC_NULL_TERMINATED;
void virCommandAddArgBuffer(virCommand *cmd, virBuffer *buf);

/*
 * Environment.  By default the child inherits the caller's environment.
 * Once any variable is added, or virCommandClearEnv is called, the child
 * gets exactly the variables added (a name added twice keeps the last
 * value).  virCommandAddEnvPassCommon sets LC_ALL=C and passes
 * LD_PRELOAD, LD_LIBRARY_PATH, DYLD_INSERT_LIBRARIES,
 * DYLD_FORCE_FLAT_NAMESPACE, PATH, HOME, USER, LOGNAME and TMPDIR from
 * the caller where set.
 */
void virCommandAddEnvPair(virCommand *cmd, const char *name,
                          const char *value);
void virCommandAddEnvFormat(virCommand *cmd, const char *format, ...)
    G_GNUC_PRINTF(2, 3);
void virCommandAddEnvString(virCommand *cmd, const char *str);
void virCommandAddEnvPass(virCommand *cmd, const char *name);
void virCommandAddEnvPassCommon(virCommand *cmd);
void virCommandClearEnv(virCommand *cmd);

typedef enum {
    /* Close the fd in the parent once the child has it (or when the
     * command is freed without running). */
    VIR_COMMAND_PASS_FD_CLOSE_PARENT = (1 << 0),
} virCommandPassFDFlags;

/* Keep @fd (> 2) open, at the same number, in the child. */
void virCommandPassFD(virCommand *cmd, int fd, unsigned int flags);

/*
 * Standard streams.  Each may be set once.
 *  - Input: a string (virCommandRun only) or an fd.
 *  - Output / error buffers (virCommandRun only): *@outbuf is set to NULL
 *    now and to an allocated string (possibly "") by the run; the same
 *    pointer for both interleaves stdout and stderr into one string.
 *  - Output / error fds: *@outfd >= 0 is used as is; -1 asks for a pipe
 *    whose read end is stored there by virCommandRunAsync (the caller
 *    then owns it).  The same pointer for both sends stderr to stdout.
 */
void virCommandSetInputBuffer(virCommand *cmd, const char *inbuf);
void virCommandSetOutputBuffer(virCommand *cmd, char **outbuf);
void virCommandSetErrorBuffer(virCommand *cmd, char **errbuf);
void virCommandSetInputFD(virCommand *cmd, int infd);
void virCommandSetOutputFD(virCommand *cmd, int *outfd);
void virCommandSetErrorFD(virCommand *cmd, int *errfd);

/* Working directory of a non-daemon child. */
void virCommandSetWorkingDirectory(virCommand *cmd, const char *pwd);

/* umask of the child (0 leaves the caller's). */
void virCommandSetUmask(virCommand *cmd, int mask);

/* Run the program as a daemon: new session, cwd /, reparented to init.
 * Use virCommandRun, which returns once the daemon has been executed. */
void virCommandDaemonize(virCommand *cmd);

/* Daemons only: write the daemon's pid (decimal, no newline) to
 * @pidfile, locked with a write lock that the daemon keeps. */
void virCommandSetPidFile(virCommand *cmd, const char *pidfile);

/* Report the raw wait() status instead of the exit code. */
void virCommandRawStatus(virCommand *cmd);

void virCommandSetPreExecHook(virCommand *cmd, virExecHook hook,
                              void *opaque);

/*
 * The command as a shell line: environment assignments first, then the
 * program and its arguments, each quoted for /bin/sh as needed.
 * @linebreaks puts " \\\n" after each variable and before each option
 * (an option's value stays on its line); @stripCommandPath keeps only
 * the program's basename.  Reports "invalid use of command API" for a
 * command with a recorded misuse.
 */
char *virCommandToString(virCommand *cmd, bool linebreaks)
    G_GNUC_WARN_UNUSED_RESULT;
char *virCommandToStringFull(virCommand *cmd, bool linebreaks,
                             bool stripCommandPath);
int virCommandToStringBuf(virCommand *cmd, virBuffer *buf,
                          bool linebreaks, bool stripCommandPath);

/* The arguments after the program name, as a new NULL-terminated list. */
int virCommandGetArgList(virCommand *cmd, char ***args);

/*
 * Run and wait.  With @exitstatus NULL, anything but exit status 0 is an
 * error: "Child process (CMD) unexpected exit status N: STDERR" (or
 * "fatal signal N").  With @exitstatus, the exit code is stored there
 * (death by a signal is still an error unless virCommandRawStatus).
 */
int virCommandRun(virCommand *cmd, int *exitstatus)
    G_GNUC_WARN_UNUSED_RESULT;

/* Start without waiting.  With @pid the caller may reap it itself;
 * otherwise virCommandWait or virCommandFree (which kills it) must. */
int virCommandRunAsync(virCommand *cmd, pid_t *pid)
    G_GNUC_WARN_UNUSED_RESULT;

/* Wait for a command started with virCommandRunAsync; @exitstatus as for
 * virCommandRun. */
int virCommandWait(virCommand *cmd, int *exitstatus)
    G_GNUC_WARN_UNUSED_RESULT;

/* Kill (SIGTERM, then SIGKILL) and reap a running child, silently. */
void virCommandAbort(virCommand *cmd);

/*
 * Dry run, for tests: while a buffer or callback is set, running a
 * command executes nothing.  Its string form (virCommandToStringFull with
 * the given options) plus "\n" is appended to @buf, and @cb, if given,
 * receives argv, the environment (NULL if inherited), the input string
 * and the output/error buffer pointers (NULL where not captured), and
 * sets *@status: the exit status the run then reports (initially 0).
 * Pass NULL and NULL to go back to running commands.
 */
typedef void (*virCommandDryRunCallback)(const char *const *args,
                                         const char *const *env,
                                         const char *input,
                                         char **output,
                                         char **error,
                                         int *status,
                                         void *opaque);

void virCommandSetDryRun(GString *buf, virCommandDryRunCallback cb,
                         void *opaque);
void virCommandSetDryRunFull(GString *buf, bool linebreaks,
                             bool stripCommandPath,
                             virCommandDryRunCallback cb, void *opaque);
