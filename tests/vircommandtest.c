/* vircommand: running real programs, I/O, environment, descriptors,
 * daemons, failures and dry runs. */
#include "internal.h"
#include "testutils.h"
#include "util/vircommand.h"
#include "util/virfile.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define VIR_FROM_THIS VIR_FROM_NONE

/* After each case no child may be left, zombie or running. */
static int
testNoChildren(void)
{
    int status;

    CHECK_INTEQ(waitpid(-1, &status, WNOHANG), -1);
    CHECK_INTEQ(errno, ECHILD);
    return 0;
}


static int
testTrueFalse(void)
{
    g_autoptr(virCommand) t = virCommandNew("/bin/true");
    g_autoptr(virCommand) f = virCommandNew("/bin/false");
    g_autoptr(virCommand) f2 = virCommandNew("false");
    int status = -1;

    CHECK_INTEQ(virCommandRun(t, NULL), 0);

    virResetLastError();
    CHECK_INTEQ(virCommandRun(f, NULL), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INTERNAL_ERROR);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: Child process (/bin/false) unexpected exit status 1");
    virResetLastError();

    /* found in $PATH; status handed back instead of an error */
    CHECK_INTEQ(virCommandRun(f2, &status), 0);
    CHECK_INTEQ(status, 1);
    CHECK(virGetLastError() == NULL);
    return testNoChildren();
}


static int
testOutputBuffers(void)
{
    g_autoptr(virCommand) cmd = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *both = NULL;

    cmd = virCommandNewArgList("/bin/sh", "-c", "echo out; echo err >&2", NULL);
    virCommandSetOutputBuffer(cmd, &out);
    virCommandSetErrorBuffer(cmd, &err);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    CHECK_STREQ(out, "out\n");
    CHECK_STREQ(err, "err\n");
    g_clear_pointer(&cmd, virCommandFree);

    /* one buffer for both streams */
    cmd = virCommandNewArgList("/bin/sh", "-c",
                               "echo one; echo two >&2; echo three", NULL);
    virCommandSetOutputBuffer(cmd, &both);
    virCommandSetErrorBuffer(cmd, &both);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    CHECK_STREQ(both, "one\ntwo\nthree\n");
    g_clear_pointer(&cmd, virCommandFree);

    /* no output still gives an empty string */
    g_clear_pointer(&out, g_free);
    cmd = virCommandNew("/bin/true");
    virCommandSetOutputBuffer(cmd, &out);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    CHECK_STREQ(out, "");
    return testNoChildren();
}


static int
testFailureQuotesStderr(void)
{
    g_autoptr(virCommand) cmd = NULL;

    cmd = virCommandNewArgList("/bin/sh", "-c", "echo oops >&2; exit 3", NULL);
    virResetLastError();
    CHECK_INTEQ(virCommandRun(cmd, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: Child process (/bin/sh -c 'echo oops >&2; exit 3') "
                "unexpected exit status 3: oops\n");
    virResetLastError();
    return testNoChildren();
}


static int
testInputBuffer(void)
{
    g_autoptr(virCommand) cat = virCommandNew("cat");
    g_autoptr(virCommand) ignore = virCommandNew("/bin/true");
    g_autofree char *big = NULL;
    g_autofree char *out = NULL;
    size_t i;

    /* much more than a pipe holds, so input and output interleave */
    big = g_new0(char, 1024 * 1024 + 1);
    for (i = 0; i < 1024 * 1024; i++)
        big[i] = 'a' + i % 26;

    virCommandSetInputBuffer(cat, big);
    virCommandSetOutputBuffer(cat, &out);
    CHECK_INTEQ(virCommandRun(cat, NULL), 0);
    CHECK_INTEQ(strlen(out), 1024 * 1024);
    CHECK(STREQ(out, big));

    /* a child that never reads its input: EPIPE is swallowed */
    virCommandSetInputBuffer(ignore, big);
    CHECK_INTEQ(virCommandRun(ignore, NULL), 0);
    return testNoChildren();
}


static int
testInputOutputFDs(void)
{
    g_autofree char *dir = g_build_filename(virTestTempDir(), "cmdfd", NULL);
    g_autofree char *in = g_build_filename(dir, "in", NULL);
    g_autofree char *outpath = g_build_filename(dir, "out", NULL);
    g_autofree char *content = NULL;
    g_autoptr(virCommand) cmd = NULL;
    int infd, outfd;
    int fds[2];

    CHECK_INTEQ(virFileMakePath(dir), 0);
    CHECK_INTEQ(virFileWriteStr(in, "from a file\n", 0600), 0);
    infd = open(in, O_RDONLY);
    outfd = open(outpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(infd >= 0 && outfd >= 0);

    /* regular files may be used with a blocking run */
    cmd = virCommandNew("cat");
    virCommandSetInputFD(cmd, infd);
    virCommandSetOutputFD(cmd, &outfd);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    VIR_FORCE_CLOSE(infd);
    VIR_FORCE_CLOSE(outfd);
    CHECK_INTEQ(virFileReadAll(outpath, 100, &content), 12);
    CHECK_STREQ(content, "from a file\n");
    g_clear_pointer(&cmd, virCommandFree);

    /* a pipe could deadlock a blocking run: refused */
    CHECK(pipe(fds) == 0);
    cmd = virCommandNew("/bin/true");
    virCommandSetOutputFD(cmd, &fds[1]);
    virResetLastError();
    CHECK_INTEQ(virCommandRun(cmd, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: cannot mix caller fds with blocking execution");
    virResetLastError();
    close(fds[0]);
    close(fds[1]);
    return testNoChildren();
}


static int
testAsyncPipe(void)
{
    g_autoptr(virCommand) cmd = NULL;
    g_autofree char *out = NULL;
    int outfd = -1;
    int status = -1;
    pid_t pid = -1;

    cmd = virCommandNewArgList("/bin/sh", "-c", "echo async; exit 7", NULL);
    virCommandSetOutputFD(cmd, &outfd);
    CHECK_INTEQ(virCommandRunAsync(cmd, &pid), 0);
    CHECK(pid > 0);
    CHECK(outfd >= 0);
    CHECK_INTEQ(virFileReadLimFD(outfd, 100, &out), 6);
    CHECK_STREQ(out, "async\n");
    VIR_FORCE_CLOSE(outfd);
    CHECK_INTEQ(virCommandWait(cmd, &status), 0);
    CHECK_INTEQ(status, 7);

    /* waiting again: nothing runs */
    virResetLastError();
    CHECK_INTEQ(virCommandWait(cmd, &status), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: command is not yet running");
    virResetLastError();
    return testNoChildren();
}


static int
testAsyncStringIORefused(void)
{
    g_autoptr(virCommand) cmd = virCommandNew("/bin/true");
    g_autofree char *out = NULL;

    virCommandSetOutputBuffer(cmd, &out);
    virResetLastError();
    CHECK_INTEQ(virCommandRunAsync(cmd, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: cannot mix string I/O with asynchronous command");
    virResetLastError();
    return testNoChildren();
}


static int
testAbort(void)
{
    g_autoptr(virCommand) cmd = virCommandNewArgList("sleep", "100", NULL);
    g_autoptr(virCommand) owned = virCommandNewArgList("sleep", "100", NULL);
    pid_t pid;

    CHECK_INTEQ(virCommandRunAsync(cmd, &pid), 0);
    virCommandAbort(cmd);
    /* reaped: the pid is no child of ours any more */
    CHECK_INTEQ(kill(pid, 0), -1);

    /* started without taking the pid: freeing kills and reaps it */
    CHECK_INTEQ(virCommandRunAsync(owned, NULL), 0);
    g_clear_pointer(&owned, virCommandFree);
    return testNoChildren();
}


static int
testEnvironment(void)
{
    g_autoptr(virCommand) cmd = NULL;
    g_autofree char *out = NULL;

    cmd = virCommandNew("/usr/bin/env");
    virCommandClearEnv(cmd);
    virCommandAddEnvPair(cmd, "FOO", "bar");
    virCommandAddEnvString(cmd, "ONE=1");
    virCommandAddEnvPair(cmd, "FOO", "baz");     /* replaces */
    virCommandSetOutputBuffer(cmd, &out);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    CHECK_STREQ(out, "FOO=baz\nONE=1\n");
    g_clear_pointer(&cmd, virCommandFree);
    g_clear_pointer(&out, g_free);

    /* cleared and nothing added: empty environment */
    cmd = virCommandNew("/usr/bin/env");
    virCommandClearEnv(cmd);
    virCommandSetOutputBuffer(cmd, &out);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    CHECK_STREQ(out, "");
    g_clear_pointer(&cmd, virCommandFree);
    g_clear_pointer(&out, g_free);

    /* default: inherited */
    g_setenv("NUVIRT_TEST_INHERIT", "yes", TRUE);
    cmd = virCommandNewArgList("/bin/sh", "-c", "echo $NUVIRT_TEST_INHERIT",
                               NULL);
    virCommandSetOutputBuffer(cmd, &out);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    CHECK_STREQ(out, "yes\n");
    g_clear_pointer(&cmd, virCommandFree);
    g_clear_pointer(&out, g_free);

    /* pass-common: LC_ALL=C, PATH passed, the rest dropped */
    cmd = virCommandNewArgList("/bin/sh", "-c",
                               "echo $LC_ALL:${PATH:+path}:$NUVIRT_TEST_INHERIT",
                               NULL);
    virCommandAddEnvPassCommon(cmd);
    virCommandSetOutputBuffer(cmd, &out);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    CHECK_STREQ(out, "C:path:\n");
    g_unsetenv("NUVIRT_TEST_INHERIT");
    return testNoChildren();
}


static int
testPassFD(void)
{
    g_autoptr(virCommand) cmd = NULL;
    g_autofree char *script = NULL;
    g_autofree char *out = NULL;
    g_autofree char *got = NULL;
    int passed[2];
    int leaked;

    CHECK(pipe(passed) == 0);
    /* an inheritable fd that is not passed must not reach the child */
    leaked = open("/dev/null", O_RDONLY);
    CHECK(leaked > 2);

    script = g_strdup_printf("echo through >&%d; "
                             "if [ -e /proc/self/fd/%d ]; then echo leaked; "
                             "else echo closed; fi",
                             passed[1], leaked);
    cmd = virCommandNewArgList("/bin/sh", "-c", script, NULL);
    virCommandPassFD(cmd, passed[1], VIR_COMMAND_PASS_FD_CLOSE_PARENT);
    virCommandSetOutputBuffer(cmd, &out);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    CHECK_STREQ(out, "closed\n");

    /* CLOSE_PARENT closed our copy, so the read sees EOF */
    CHECK(fcntl(passed[1], F_GETFD) == -1);
    CHECK_INTEQ(virFileReadLimFD(passed[0], 100, &got), 8);
    CHECK_STREQ(got, "through\n");
    close(passed[0]);
    close(leaked);

    /* std fds cannot be passed */
    g_clear_pointer(&cmd, virCommandFree);
    cmd = virCommandNew("/bin/true");
    virCommandPassFD(cmd, 1, 0);
    virResetLastError();
    CHECK_INTEQ(virCommandRun(cmd, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: invalid use of command API");
    virResetLastError();
    return testNoChildren();
}


static int
testWorkingDirAndUmask(void)
{
    g_autoptr(virCommand) cmd = NULL;
    g_autofree char *out = NULL;
    g_autofree char *expect = NULL;
    g_autofree char *real = virFileCanonicalizePath(virTestTempDir());

    cmd = virCommandNewArgList("/bin/sh", "-c", "pwd; umask", NULL);
    virCommandSetWorkingDirectory(cmd, real);
    virCommandSetUmask(cmd, 027);
    virCommandSetOutputBuffer(cmd, &out);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);
    expect = g_strdup_printf("%s\n0027\n", real);
    CHECK_STREQ(out, expect);
    g_clear_pointer(&cmd, virCommandFree);

    cmd = virCommandNew("/bin/true");
    virCommandSetWorkingDirectory(cmd, "/nonexistent-dir");
    virResetLastError();
    CHECK_INTEQ(virCommandRun(cmd, NULL), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR);
    CHECK_STREQ(virGetLastErrorMessage(),
                "Unable to change to /nonexistent-dir: No such file or directory");
    virResetLastError();
    return testNoChildren();
}


static int
testExecFailures(void)
{
    g_autoptr(virCommand) missing = virCommandNew("/nonexistent/binary");
    g_autoptr(virCommand) notInPath = virCommandNew("no-such-program-nuvirt");
    g_autofree char *plain = g_build_filename(virTestTempDir(), "not-exec",
                                              NULL);
    g_autoptr(virCommand) notExec = virCommandNew(plain);
    g_autofree char *expect = NULL;
    int status = 0;

    virResetLastError();
    /* even with a status pointer an exec failure is an error */
    CHECK_INTEQ(virCommandRun(missing, &status), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR);
    CHECK_STREQ(virGetLastErrorMessage(),
                "cannot execute binary /nonexistent/binary: No such file or directory");

    CHECK_INTEQ(virCommandRun(notInPath, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "Cannot find 'no-such-program-nuvirt' in path: No such file or directory");

    /* no execute bit: EACCES even for root */
    CHECK_INTEQ(virFileWriteStr(plain, "#!/bin/sh\n", 0644), 0);
    CHECK_INTEQ(virCommandRun(notExec, NULL), -1);
    expect = g_strdup_printf("cannot execute binary %s: Permission denied",
                             plain);
    CHECK_STREQ(virGetLastErrorMessage(), expect);
    virResetLastError();
    return testNoChildren();
}


static int
testMisuse(void)
{
    g_autoptr(virCommand) cmd = virCommandNew("/bin/true");
    g_autoptr(virCommand) twice = virCommandNew("/bin/true");
    g_autoptr(virCommand) pidfile = virCommandNew("/bin/true");
    g_autoptr(virCommand) daemon = virCommandNew("/bin/true");
    g_autofree char *str = NULL;

    virCommandAddArg(cmd, NULL);
    virResetLastError();
    CHECK_INTEQ(virCommandRun(cmd, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: invalid use of command API");
    str = virCommandToString(cmd, false);
    CHECK(str == NULL);

    virCommandSetInputBuffer(twice, "a");
    virCommandSetInputBuffer(twice, "b");
    CHECK_INTEQ(virCommandRun(twice, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: invalid use of command API");

    virCommandSetPidFile(pidfile, "/nonexistent/pid");
    CHECK_INTEQ(virCommandRun(pidfile, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: creation of pid file requires daemonized command");

    virCommandDaemonize(daemon);
    CHECK_INTEQ(virCommandRunAsync(daemon, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: daemonized command cannot use virCommandRunAsync");
    virResetLastError();
    return testNoChildren();
}


static int
testSignals(void)
{
    g_autoptr(virCommand) killed = NULL;
    g_autoptr(virCommand) mask = NULL;
    g_autofree char *out = NULL;
    struct sigaction ign = { .sa_handler = SIG_IGN };
    struct sigaction oldact;
    sigset_t usr2, oldmask;
    int status = 0;

    /* ignored and blocked signals in the parent are reset in the child */
    sigaction(SIGUSR1, &ign, &oldact);
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &usr2, &oldmask);

    killed = virCommandNewArgList("/bin/sh", "-c", "kill -USR1 $$; sleep 5",
                                  NULL);
    virResetLastError();
    CHECK_INTEQ(virCommandRun(killed, &status), -1);
    CHECK(g_str_has_suffix(virGetLastErrorMessage(),
                           "unexpected fatal signal 10"));
    virResetLastError();

    mask = virCommandNewArgList("/bin/sh", "-c",
                                "grep SigBlk /proc/self/status", NULL);
    virCommandSetOutputBuffer(mask, &out);
    CHECK_INTEQ(virCommandRun(mask, NULL), 0);
    CHECK_STREQ(out, "SigBlk:\t0000000000000000\n");

    pthread_sigmask(SIG_SETMASK, &oldmask, NULL);
    sigaction(SIGUSR1, &oldact, NULL);
    return testNoChildren();
}


static int
failingHook(void *opaque)
{
    int *calls = opaque;

    (*calls)++;   /* only the child's copy changes */
    errno = EPERM;
    return -1;
}


static int
testHook(void)
{
    g_autoptr(virCommand) cmd = virCommandNew("/bin/true");
    int calls = 0;

    virCommandSetPreExecHook(cmd, failingHook, &calls);
    virResetLastError();
    CHECK_INTEQ(virCommandRun(cmd, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: pre-exec hook of /bin/true failed: "
                "Operation not permitted");
    CHECK_INTEQ(calls, 0);
    virResetLastError();
    return testNoChildren();
}


static int
testDaemon(void)
{
    g_autoptr(virCommand) cmd = NULL;
    g_autofree char *pidfile = g_build_filename(virTestTempDir(), "daemon.pid",
                                                NULL);
    g_autofree char *pidstr = NULL;
    g_autofree char *stat = NULL;
    g_autofree char *statpath = NULL;
    long long pid = 0;
    struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    g_auto(GStrv) fields = NULL;
    int fd;

    cmd = virCommandNewArgList("sleep", "30", NULL);
    virCommandDaemonize(cmd);
    virCommandSetPidFile(cmd, pidfile);
    CHECK_INTEQ(virCommandRun(cmd, NULL), 0);

    /* the pid file is complete when virCommandRun returns */
    CHECK(virFileReadAll(pidfile, 32, &pidstr) > 0);
    CHECK(pidstr[strlen(pidstr) - 1] != '\n');
    pid = g_ascii_strtoll(pidstr, NULL, 10);
    CHECK(pid > 1);
    CHECK_INTEQ(kill(pid, 0), 0);

    /* in its own session, not our child */
    statpath = g_strdup_printf("/proc/%lld/stat", pid);
    CHECK(g_file_get_contents(statpath, &stat, NULL, NULL));
    fields = g_strsplit(strrchr(stat, ')') + 2, " ", 0);
    CHECK(g_ascii_strtoll(fields[1], NULL, 10) != getpid());   /* ppid */
    CHECK(g_ascii_strtoll(fields[3], NULL, 10) != getsid(0));  /* sid */

    /* and it holds the lock on its pid file */
    fd = open(pidfile, O_RDWR);
    CHECK(fd >= 0);
    CHECK_INTEQ(fcntl(fd, F_GETLK, &lock), 0);
    close(fd);
    CHECK_INTEQ(lock.l_type, F_WRLCK);
    CHECK_INTEQ(lock.l_pid, pid);

    kill(pid, SIGKILL);
    return testNoChildren();
}


static int
testToString(void)
{
    g_autoptr(virCommand) cmd = NULL;
    g_autofree char *flat = NULL;
    g_autofree char *broken = NULL;
    g_autofree char *stripped = NULL;
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_auto(GStrv) args = NULL;

    cmd = virCommandNewArgList("/usr/bin/qemu-system-x86_64", "-name",
                               "guest=vm 1", NULL);
    virCommandAddEnvPair(cmd, "LC_ALL", "C");
    virCommandAddEnvPair(cmd, "HOME", "/var/lib/it's");
    virCommandAddArgList(cmd, "-m", "1024", "-S", "-no-user-config", NULL);
    virCommandAddArgPair(cmd, "-cpu", "host");
    virCommandAddArgFormat(cmd, "%s,%d", "x", 3);
    virBufferAddLit(&buf, "from-buffer");
    virCommandAddArgBuffer(cmd, &buf);
    virCommandAddArgBuffer(cmd, &buf);

    flat = virCommandToString(cmd, false);
    CHECK_STREQ(flat,
                "LC_ALL=C HOME='/var/lib/it'\\''s' "
                "/usr/bin/qemu-system-x86_64 -name 'guest=vm 1' -m 1024 -S "
                "-no-user-config -cpu=host x,3 from-buffer ''");

    broken = virCommandToString(cmd, true);
    CHECK_STREQ(broken,
                "LC_ALL=C \\\n"
                "HOME='/var/lib/it'\\''s' \\\n"
                "/usr/bin/qemu-system-x86_64 \\\n"
                "-name 'guest=vm 1' \\\n"
                "-m 1024 \\\n"
                "-S \\\n"
                "-no-user-config \\\n"
                "-cpu=host x,3 \\\n"
                "from-buffer \\\n"
                "''");

    stripped = virCommandToStringFull(cmd, false, true);
    CHECK(g_str_has_prefix(stripped,
                           "LC_ALL=C HOME='/var/lib/it'\\''s' "
                           "qemu-system-x86_64 -name"));

    CHECK_INTEQ(virCommandGetArgList(cmd, &args), 0);
    CHECK_INTEQ(g_strv_length(args), 10);
    CHECK_STREQ(args[0], "-name");
    CHECK_STREQ(args[9], "");
    return 0;
}


typedef struct {
    int calls;
    char *input;
    char *arg1;
    bool inherited;
    int status;
} testDryRunData;


static void
testDryRunCallback(const char *const *args, const char *const *env,
                   const char *input, char **output, char **error,
                   int *status, void *opaque)
{
    testDryRunData *data = opaque;

    data->calls++;
    g_free(data->input);
    data->input = g_strdup(input);
    g_free(data->arg1);
    data->arg1 = g_strdup(args[1]);
    data->inherited = env == NULL;
    if (output)
        *output = g_strdup("fake output\n");
    if (error)
        *error = g_strdup("fake error\n");
    *status = data->status;
}


static int
testDryRun(void)
{
    g_autoptr(GString) log = g_string_new(NULL);
    g_autofree char *marker = g_build_filename(virTestTempDir(), "dry-marker",
                                               NULL);
    g_autoptr(virCommand) touch = virCommandNewArgList("touch", marker, NULL);
    g_autoptr(virCommand) img = NULL;
    g_autoptr(virCommand) fail = NULL;
    g_autofree char *out = NULL;
    g_autofree char *expect = NULL;
    testDryRunData data = { 0 };
    int status = -1;

    virCommandSetDryRun(log, testDryRunCallback, &data);

    /* nothing runs; the command line is captured */
    CHECK_INTEQ(virCommandRun(touch, NULL), 0);
    CHECK(!virFileExists(marker));
    expect = g_strdup_printf("touch %s\n", marker);
    CHECK_STREQ(log->str, expect);
    CHECK_INTEQ(data.calls, 1);
    CHECK(data.inherited);

    img = virCommandNewArgList("/usr/bin/qemu-img", "create", "-f", "qcow2",
                               "/images/a b.qcow2", "1G", NULL);
    virCommandAddEnvPair(img, "LC_ALL", "C");
    virCommandSetInputBuffer(img, "secret");
    virCommandSetOutputBuffer(img, &out);
    CHECK_INTEQ(virCommandRun(img, NULL), 0);
    CHECK_STREQ(out, "fake output\n");
    CHECK_STREQ(data.input, "secret");
    CHECK_STREQ(data.arg1, "create");
    CHECK(!data.inherited);
    CHECK(g_str_has_suffix(log->str,
                           "LC_ALL=C /usr/bin/qemu-img create -f qcow2 "
                           "'/images/a b.qcow2' 1G\n"));

    /* the callback's status is the run's status */
    data.status = 2;
    fail = virCommandNewArgList("/bin/false", NULL);
    CHECK_INTEQ(virCommandRun(fail, &status), 0);
    CHECK_INTEQ(status, 2);
    virResetLastError();
    CHECK_INTEQ(virCommandRun(fail, NULL), -1);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: Child process (/bin/false) unexpected "
                "exit status 2: fake error\n");
    virResetLastError();

    virCommandSetDryRun(NULL, NULL, NULL);
    g_clear_pointer(&touch, virCommandFree);
    touch = virCommandNewArgList("touch", marker, NULL);
    CHECK_INTEQ(virCommandRun(touch, NULL), 0);
    CHECK(virFileExists(marker));

    g_free(data.input);
    g_free(data.arg1);
    return testNoChildren();
}


int
main(void)
{
    virTestRun("true and false", testTrueFalse);
    virTestRun("output buffers", testOutputBuffers);
    virTestRun("failure quotes stderr", testFailureQuotesStderr);
    virTestRun("input buffer", testInputBuffer);
    virTestRun("input/output fds", testInputOutputFDs);
    virTestRun("async with pipe", testAsyncPipe);
    virTestRun("async string io refused", testAsyncStringIORefused);
    virTestRun("abort", testAbort);
    virTestRun("environment", testEnvironment);
    virTestRun("pass fd", testPassFD);
    virTestRun("working dir and umask", testWorkingDirAndUmask);
    virTestRun("exec failures", testExecFailures);
    virTestRun("misuse", testMisuse);
    virTestRun("signals", testSignals);
    virTestRun("hook", testHook);
    virTestRun("daemon", testDaemon);
    virTestRun("to string", testToString);
    virTestRun("dry run", testDryRun);
    return virTestDone();
}
