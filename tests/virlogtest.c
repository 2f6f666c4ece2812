/*
 * virlogtest.c: filter and output syntax, thresholds, the line format.
 */
#include "internal.h"
#include "util/virlog.h"
#include "testutils.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("tests.log");

#define LINE_PREFIX \
    "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}\\+0000: " \
    "[0-9]+: "

static virLogSource noisySource = { .name = "tests.noisy",
                                    .priority = VIR_LOG_ERROR };

static int
checkError(int code, const char *message)
{
    virErrorPtr err = virGetLastError();

    CHECK(err != NULL);
    CHECK_INTEQ(err->code, code);
    CHECK_STREQ(err->message, message);
    virResetLastError();
    return 0;
}

static char *
tempPath(const char *name)
{
    return g_build_filename(virTestTempDir(), name, NULL);
}

static char **
readLines(const char *path)
{
    g_autofree char *data = NULL;

    if (!g_file_get_contents(path, &data, NULL, NULL))
        return NULL;
    if (g_str_has_suffix(data, "\n"))
        data[strlen(data) - 1] = '\0';
    return g_strsplit(data, "\n", 0);
}

static int
test_filters_good(void)
{
    g_autofree char *got = NULL;
    g_autofree char *got2 = NULL;
    g_autofree char *got3 = NULL;

    virLogReset();
    CHECK_INTEQ(virLogSetFilters("3:remote 4:event 1:+util.json"), 0);
    got = virLogGetFilters();
    CHECK_STREQ(got, "3:remote 4:event 1:util.json");
    CHECK_INTEQ(virLogGetNbFilters(), 3);

    CHECK_INTEQ(virLogSetFilters("   2:foo    "), 0);
    got2 = virLogGetFilters();
    CHECK_STREQ(got2, "2:foo");

    CHECK_INTEQ(virLogSetFilters(""), 0);
    got3 = virLogGetFilters();
    CHECK_STREQ(got3, "");
    CHECK_INTEQ(virLogGetNbFilters(), 0);
    return 0;
}

static int
test_filters_bad(void)
{
    static const struct {
        const char *input;
        const char *message;
    } cases[] = {
        { "foo", "Malformed format for filter 'foo'" },
        { "5:remote", "Invalid priority '5' for filter '5:remote'" },
        { "0:remote", "Invalid priority '0' for filter '0:remote'" },
        { "x:remote", "Invalid priority 'x' for filter 'x:remote'" },
        { "3:", "Invalid match string ''" },
        { "3:+", "Invalid match string '+'" },
        { "1:ok 9:bad", "Invalid priority '9' for filter '9:bad'" },
    };
    g_autofree char *kept = NULL;
    size_t i;

    virLogReset();
    CHECK_INTEQ(virLogSetFilters("2:keep"), 0);
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *msg = g_strdup_printf("invalid argument: %s",
                                               cases[i].message);

        CHECK_INTEQ(virLogSetFilters(cases[i].input), -1);
        if (checkError(VIR_ERR_INVALID_ARG, msg) < 0) {
            fprintf(stderr, "input: %s\n", cases[i].input);
            return -1;
        }
    }
    kept = virLogGetFilters();
    CHECK_STREQ(kept, "2:keep");
    virLogReset();
    return 0;
}

static int
test_outputs_good(void)
{
    g_autofree char *file = tempPath("outputs.log");
    g_autofree char *spec = g_strdup_printf("1:stderr 2:file:%s "
                                            "4:syslog:nuvirt-test 3:journald",
                                            file);
    g_autofree char *got = NULL;
    g_autofree char *got2 = NULL;

    virLogReset();
    CHECK_INTEQ(virLogSetOutputs(spec), 0);
    got = virLogGetOutputs();
    CHECK_STREQ(got, spec);
    CHECK_INTEQ(virLogGetNbOutputs(), 4);
    CHECK(g_file_test(file, G_FILE_TEST_EXISTS));

    /* the later definition of the same output wins */
    CHECK_INTEQ(virLogSetOutputs("1:stderr 3:stderr"), 0);
    got2 = virLogGetOutputs();
    CHECK_STREQ(got2, "3:stderr");

    /* a library has no default output: an empty string changes nothing */
    CHECK_INTEQ(virLogSetOutputs(""), 0);
    CHECK_INTEQ(virLogGetNbOutputs(), 1);
    virLogReset();
    CHECK_INTEQ(virLogGetNbOutputs(), 0);
    return 0;
}

static int
test_outputs_bad(void)
{
    static const struct {
        const char *input;
        const char *message;
    } cases[] = {
        { "stderr", "Malformed format for log output 'stderr'" },
        { "5:stderr", "Invalid log priority '5' for log output '5:stderr'" },
        { "-1:stderr", "Invalid log priority '-1' for log output '-1:stderr'" },
        { "1:foo", "Invalid log destination 'foo' for log output '1:foo'" },
        { "1:stderr:x", "Log output '1:stderr:x' does not meet the format "
                        "requirements for destination type 'stderr'" },
        { "1:file", "Log output '1:file' does not meet the format "
                    "requirements for destination type 'file'" },
        { "1:syslog", "Log output '1:syslog' does not meet the format "
                      "requirements for destination type 'syslog'" },
        { "1:journald:x", "Log output '1:journald:x' does not meet the format "
                          "requirements for destination type 'journald'" },
    };
    size_t i;

    virLogReset();
    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *msg = g_strdup_printf("invalid argument: %s",
                                               cases[i].message);

        CHECK_INTEQ(virLogSetOutputs(cases[i].input), -1);
        if (checkError(VIR_ERR_INVALID_ARG, msg) < 0) {
            fprintf(stderr, "input: %s\n", cases[i].input);
            return -1;
        }
    }

    CHECK_INTEQ(virLogSetOutputs("1:file:/nonexistent-nuvirt/x.log"), -1);
    CHECK(checkError(VIR_ERR_SYSTEM_ERROR,
                     "failed to open /nonexistent-nuvirt/x.log: "
                     "No such file or directory") == 0);
    CHECK_INTEQ(virLogGetNbOutputs(), 0);
    return 0;
}

static int
test_priority(void)
{
    virLogReset();
    CHECK_INTEQ(virLogGetDefaultPriority(), VIR_LOG_WARN);
    CHECK_INTEQ(virLogParseDefaultPriority("1"), VIR_LOG_DEBUG);
    CHECK_INTEQ(virLogParseDefaultPriority("info"), VIR_LOG_INFO);
    CHECK_INTEQ(virLogParseDefaultPriority("warning"), VIR_LOG_WARN);
    CHECK_INTEQ(virLogParseDefaultPriority("4"), VIR_LOG_ERROR);
    CHECK_INTEQ(virLogParseDefaultPriority("warn"), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG, "invalid argument: Failed to set "
                     "logging priority, argument 'warn' is invalid") == 0);
    CHECK_INTEQ(virLogSetDefaultPriority(0), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG, "invalid argument: Failed to set "
                     "logging priority, argument '0' is invalid") == 0);
    CHECK_INTEQ(virLogSetDefaultPriority(VIR_LOG_INFO), 0);
    CHECK_INTEQ(virLogGetDefaultPriority(), VIR_LOG_INFO);
    virLogReset();
    return 0;
}

static int
test_enabled(void)
{
    virLogSource src = { .name = "tests.cache", .priority = VIR_LOG_ERROR };

    virLogReset();
    CHECK(!virLogEnabled(&src, VIR_LOG_DEBUG));
    CHECK(!virLogEnabled(&src, VIR_LOG_INFO));
    CHECK(virLogEnabled(&src, VIR_LOG_WARN));
    CHECK(virLogEnabled(&src, VIR_LOG_ERROR));

    CHECK_INTEQ(virLogSetFilters("1:cache"), 0);
    CHECK(virLogEnabled(&src, VIR_LOG_DEBUG));
    CHECK_INTEQ(virLogSetFilters("4:tests"), 0);
    CHECK(!virLogEnabled(&src, VIR_LOG_WARN));
    CHECK(virLogEnabled(&src, VIR_LOG_ERROR));
    /* the first matching filter decides */
    CHECK_INTEQ(virLogSetFilters("1:cache 4:tests"), 0);
    CHECK(virLogEnabled(&src, VIR_LOG_DEBUG));
    CHECK_INTEQ(virLogSetFilters("1:tests.*che"), 0);
    CHECK(virLogEnabled(&src, VIR_LOG_DEBUG));
    CHECK_INTEQ(virLogSetFilters("1:nomatch"), 0);
    CHECK(!virLogEnabled(&src, VIR_LOG_DEBUG));
    CHECK_INTEQ(virLogSetDefaultPriority(VIR_LOG_DEBUG), 0);
    CHECK(virLogEnabled(&src, VIR_LOG_DEBUG));
    virLogReset();
    CHECK(!virLogEnabled(&src, VIR_LOG_INFO));
    return 0;
}

static int
checkLine(const char *line, const char *pattern)
{
    g_autofree char *re = g_strconcat(LINE_PREFIX, pattern, "$", NULL);

    if (!g_regex_match_simple(re, line, 0, 0)) {
        fprintf(stderr, "line '%s' does not match '%s'\n", line, re);
        return -1;
    }
    return 0;
}

static int
test_file_output(void)
{
    g_autofree char *all = tempPath("all.log");
    g_autofree char *errs = tempPath("errors.log");
    g_autofree char *spec = g_strdup_printf("1:file:%s 4:file:%s", all, errs);
    g_autofree char *tidstr = g_strdup_printf(": %ld: ", (long)syscall(SYS_gettid));
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) errlines = NULL;

    virLogReset();
    CHECK_INTEQ(virLogSetDefaultPriority(VIR_LOG_DEBUG), 0);
    CHECK_INTEQ(virLogSetFilters("4:noisy"), 0);
    CHECK_INTEQ(virLogSetOutputs(spec), 0);

    errno = 1234;
    VIR_DEBUG("hello %d", 42);
    CHECK_INTEQ(errno, 1234);
    virLogMessage(&noisySource, VIR_LOG_WARN, __FILE__, __LINE__, __func__,
                  "%s", "secret");
    virLogMessage(&noisySource, VIR_LOG_ERROR, __FILE__, 77, "someFunc",
                  "%s", "loud");
    VIR_INFO("multi word message");
    virLogReset();

    CHECK((lines = readLines(all)));
    CHECK_INTEQ(g_strv_length(lines), 5);
    CHECK(checkLine(lines[0], "info : libvirt version: 9\\.0\\.0") == 0);
    CHECK(checkLine(lines[1], "info : hostname: .+") == 0);
    CHECK(checkLine(lines[2], "debug : test_file_output:[0-9]+ : hello 42") == 0);
    CHECK(checkLine(lines[3], "error : someFunc:77 : loud") == 0);
    CHECK(checkLine(lines[4], "info : test_file_output:[0-9]+ : multi word message") == 0);
    CHECK(strstr(lines[2], tidstr) != NULL);
    CHECK(virLogProbablyLogMessage(lines[2]));
    CHECK(!virLogProbablyLogMessage("hello 42"));

    /* the second output only takes errors */
    CHECK((errlines = readLines(errs)));
    CHECK_INTEQ(g_strv_length(errlines), 3);
    CHECK(checkLine(errlines[2], "error : someFunc:77 : loud") == 0);
    return 0;
}

static int
test_env(void)
{
    g_autofree char *file = tempPath("env.log");
    g_autofree char *spec = g_strdup_printf("2:file:%s", file);
    g_autofree char *filters = NULL;
    g_autofree char *outputs = NULL;

    virLogReset();
    g_setenv("LIBVIRT_DEBUG", "info", TRUE);
    g_setenv("LIBVIRT_LOG_FILTERS", "1:foo 4:bar", TRUE);
    g_setenv("LIBVIRT_LOG_OUTPUTS", spec, TRUE);
    CHECK_INTEQ(virLogSetFromEnv(), 0);
    CHECK_INTEQ(virLogGetDefaultPriority(), VIR_LOG_INFO);
    filters = virLogGetFilters();
    CHECK_STREQ(filters, "1:foo 4:bar");
    outputs = virLogGetOutputs();
    CHECK_STREQ(outputs, spec);

    g_setenv("LIBVIRT_LOG_FILTERS", "1:foo bar", TRUE);
    CHECK_INTEQ(virLogSetFromEnv(), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG, "invalid argument: "
                     "Malformed format for filter 'bar'") == 0);

    g_unsetenv("LIBVIRT_DEBUG");
    g_unsetenv("LIBVIRT_LOG_FILTERS");
    g_unsetenv("LIBVIRT_LOG_OUTPUTS");
    virLogReset();
    return 0;
}

/* In a fresh process the environment is read on first use.  A bad
 * variable is logged but must not disturb the caller's error, whose
 * message may be the very thing being logged. */
static int
lazyChild(const char *errfile)
{
    virLogSource src = { .name = "tests.lazy", .priority = VIR_LOG_ERROR };
    g_autofree char *data = NULL;
    int fd = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);

    CHECK(fd >= 0 && dup2(fd, STDERR_FILENO) == STDERR_FILENO);
    close(fd);
    g_setenv("LIBVIRT_DEBUG", "1", TRUE);
    g_setenv("LIBVIRT_LOG_FILTERS", "4:lazy bogus", TRUE);

    virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "marker 123");
    virLogMessage(&src, VIR_LOG_ERROR, __FILE__, __LINE__, __func__,
                  "%s", virGetLastError()->message);
    CHECK_STREQ(virGetLastErrorMessage(), "internal error: marker 123");
    CHECK(virLogEnabled(&src, VIR_LOG_DEBUG));

    CHECK(g_file_get_contents(errfile, &data, NULL, NULL));
    CHECK(strstr(data, ": error : lazyChild:") != NULL);
    CHECK(strstr(data, " : internal error: marker 123\n") != NULL);
    CHECK(strstr(data, "Malformed format for filter 'bogus'\n") != NULL);
    return 0;
}

static int
test_env_lazy(void)
{
    g_autofree char *errfile = tempPath("lazy-stderr.log");
    int status;
    pid_t pid = fork();

    CHECK(pid >= 0);
    if (pid == 0)
        _exit(lazyChild(errfile) == 0 ? 0 : 1);
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK_INTEQ(WEXITSTATUS(status), 0);
    return 0;
}

#define THREADS 8
#define PER_THREAD 200

static gpointer
logThread(gpointer data)
{
    int n = GPOINTER_TO_INT(data);
    int i;

    for (i = 0; i < PER_THREAD; i++)
        VIR_WARN("thread %d message %d padding padding padding padding", n, i);
    return NULL;
}

static int
test_threads(void)
{
    g_autofree char *file = tempPath("threads.log");
    g_autofree char *spec = g_strdup_printf("1:file:%s", file);
    g_auto(GStrv) lines = NULL;
    GThread *threads[THREADS];
    size_t i;

    virLogReset();
    CHECK_INTEQ(virLogSetOutputs(spec), 0);
    for (i = 0; i < THREADS; i++)
        threads[i] = g_thread_new("log", logThread, GINT_TO_POINTER(i));
    for (i = 0; i < THREADS; i++)
        g_thread_join(threads[i]);
    virLogReset();

    CHECK((lines = readLines(file)));
    CHECK_INTEQ(g_strv_length(lines), 2 + THREADS * PER_THREAD);
    for (i = 2; lines[i]; i++) {
        if (checkLine(lines[i], "warning : logThread:[0-9]+ : thread [0-7] "
                      "message [0-9]+ padding padding padding padding") < 0)
            return -1;
    }
    return 0;
}

int
main(void)
{
    g_unsetenv("LIBVIRT_DEBUG");
    g_unsetenv("LIBVIRT_LOG_FILTERS");
    g_unsetenv("LIBVIRT_LOG_OUTPUTS");

    virTestRun("lazy environment", test_env_lazy);
    virTestRun("good filters", test_filters_good);
    virTestRun("bad filters", test_filters_bad);
    virTestRun("good outputs", test_outputs_good);
    virTestRun("bad outputs", test_outputs_bad);
    virTestRun("default priority", test_priority);
    virTestRun("cached thresholds", test_enabled);
    virTestRun("file output format", test_file_output);
    virTestRun("environment", test_env);
    virTestRun("concurrent writers", test_threads);
    return virTestDone();
}
