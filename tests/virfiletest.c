/* virfile: reading, atomic rewrites (including failures), directories. */
#include "internal.h"
#include "testutils.h"
#include "util/virfile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define VIR_FROM_THIS VIR_FROM_NONE

/* A fresh directory under the test temp dir. */
static char *
testMakeDir(const char *name)
{
    char *dir = g_build_filename(virTestTempDir(), name, NULL);

    g_mkdir_with_parents(dir, 0755);
    return dir;
}


/* Number of entries in @dir (temporary files left behind show up). */
static int
testCountEntries(const char *dir)
{
    g_autoptr(GDir) dh = g_dir_open(dir, 0, NULL);
    int n = 0;

    if (!dh)
        return -1;
    while (g_dir_read_name(dh))
        n++;
    return n;
}


static int
testSafeIO(void)
{
    int fds[2];
    char buf[16] = { 0 };

    CHECK(pipe(fds) == 0);
    CHECK_INTEQ(safewrite(fds[1], "hello", 5), 5);
    close(fds[1]);
    /* short read at EOF returns what was there */
    CHECK_INTEQ(saferead(fds[0], buf, sizeof(buf)), 5);
    CHECK_STREQ(buf, "hello");
    CHECK_INTEQ(saferead(fds[0], buf, sizeof(buf)), 0);
    close(fds[0]);
    CHECK_INTEQ(saferead(-1, buf, 1), -1);
    CHECK_INTEQ(errno, EBADF);
    return 0;
}


static int
testReadAll(void)
{
    g_autofree char *dir = testMakeDir("read");
    g_autofree char *path = g_build_filename(dir, "f", NULL);
    g_autofree char *missing = g_build_filename(dir, "missing", NULL);
    g_autofree char *expect = NULL;
    g_autofree char *content = NULL;
    char *untouched = (char *)"sentinel";
    char small[4];

    CHECK_INTEQ(virFileWriteStr(path, "0123456789", 0644), 0);
    CHECK_INTEQ(virFileReadAll(path, 10, &content), 10);
    CHECK_STREQ(content, "0123456789");

    /* more than maxlen: EOVERFLOW, output untouched */
    virResetLastError();
    CHECK_INTEQ(virFileReadAll(path, 9, &untouched), -1);
    CHECK_STREQ(untouched, "sentinel");
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR);
    expect = g_strdup_printf("Failed to read file '%s': %s", path,
                             g_strerror(EOVERFLOW));
    CHECK_STREQ(virGetLastErrorMessage(), expect);
    g_clear_pointer(&expect, g_free);

    CHECK_INTEQ(virFileReadAll(missing, 10, &untouched), -1);
    expect = g_strdup_printf("Failed to open file '%s': %s", missing,
                             g_strerror(ENOENT));
    CHECK_STREQ(virGetLastErrorMessage(), expect);
    CHECK_INTEQ(virGetLastError()->int1, ENOENT);
    virResetLastError();

    CHECK_INTEQ(virFileReadAllQuiet(missing, 10, &untouched), -ENOENT);
    CHECK(virGetLastError() == NULL);

    CHECK_INTEQ(virFileReadBufQuiet(path, small, sizeof(small)), 3);
    CHECK_STREQ(small, "012");

    /* virFileWriteStr with mode 0 requires an existing file */
    CHECK_INTEQ(virFileWriteStr(missing, "x", 0), -1);
    CHECK_INTEQ(errno, ENOENT);
    return 0;
}


static int
testReadLimFD(void)
{
    g_autofree char *dir = testMakeDir("lim");
    g_autofree char *path = g_build_filename(dir, "big", NULL);
    g_autofree char *big = g_strnfill(100000, 'x');
    g_autofree char *content = NULL;
    g_autofree char *head = NULL;
    int fd;

    CHECK_INTEQ(virFileWriteStr(path, big, 0600), 0);

    fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_INTEQ(virFileReadLimFD(fd, 100000, &content), 100000);
    CHECK_INTEQ(strlen(content), 100000);
    VIR_FORCE_CLOSE(fd);
    CHECK_INTEQ(fd, -1);

    fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_INTEQ(virFileReadHeaderFD(fd, 10, &head), 10);
    CHECK_STREQ(head, "xxxxxxxxxx");
    VIR_FORCE_CLOSE(fd);

    CHECK_INTEQ(virFileReadLimFD(0, 0, &content), -1);
    CHECK_INTEQ(errno, EINVAL);
    return 0;
}


static int
testAtomicWrite(void)
{
    g_autofree char *dir = testMakeDir("atomic");
    g_autofree char *path = g_build_filename(dir, "state.xml", NULL);
    g_autofree char *content = NULL;
    struct stat sb;
    mode_t old = umask(022);

    CHECK_INTEQ(virFileAtomicWrite(path, 0666, "first", 5), 0);
    umask(old);
    CHECK_INTEQ(virFileReadAll(path, 1024, &content), 5);
    CHECK_STREQ(content, "first");
    /* the mode is exact, not reduced by the umask */
    CHECK(stat(path, &sb) == 0);
    CHECK_INTEQ(sb.st_mode & 0777, 0666);

    g_clear_pointer(&content, g_free);
    CHECK_INTEQ(virFileRewriteStr(path, 0600, "second, longer"), 0);
    CHECK_INTEQ(virFileReadAll(path, 1024, &content), 14);
    CHECK_STREQ(content, "second, longer");
    CHECK(stat(path, &sb) == 0);
    CHECK_INTEQ(sb.st_mode & 0777, 0600);

    /* only the target is left in the directory */
    CHECK_INTEQ(testCountEntries(dir), 1);
    return 0;
}


typedef struct {
    const char *target;
    char *seen;             /* target content while rewriting */
    bool fail;
} testRewriteData;


static int
testRewriteCallback(int fd, const char *tmppath, const void *opaque)
{
    testRewriteData *data = (testRewriteData *)opaque;

    /* mid-rewrite the target still has its old content, and we write
     * to a different file */
    if (virFileReadAll(data->target, 1024, &data->seen) < 0)
        return -1;
    if (STREQ(tmppath, data->target))
        return -1;
    if (safewrite(fd, "partial", 7) != 7)
        return -1;
    if (data->fail) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "callback failed");
        return -1;
    }
    return 0;
}


static int
testRewriteFailure(void)
{
    g_autofree char *dir = testMakeDir("rewrite-fail");
    g_autofree char *path = g_build_filename(dir, "conf", NULL);
    g_autofree char *content = NULL;
    testRewriteData data = { path, NULL, true };

    CHECK_INTEQ(virFileRewriteStr(path, 0644, "old content"), 0);

    /* the writer fails half-way: old content stays, no temp file */
    virResetLastError();
    CHECK_INTEQ(virFileRewrite(path, 0644, (uid_t)-1, (gid_t)-1,
                               testRewriteCallback, &data), -1);
    CHECK_STREQ(data.seen, "old content");
    CHECK_STREQ(virGetLastErrorMessage(), "internal error: callback failed");
    CHECK_INTEQ(virFileReadAll(path, 1024, &content), 11);
    CHECK_STREQ(content, "old content");
    CHECK_INTEQ(testCountEntries(dir), 1);

    /* the same writer succeeding replaces the content */
    g_clear_pointer(&data.seen, g_free);
    g_clear_pointer(&content, g_free);
    data.fail = false;
    CHECK_INTEQ(virFileRewrite(path, 0644, (uid_t)-1, (gid_t)-1,
                               testRewriteCallback, &data), 0);
    CHECK_STREQ(data.seen, "old content");
    CHECK_INTEQ(virFileReadAll(path, 1024, &content), 7);
    CHECK_STREQ(content, "partial");
    g_free(data.seen);
    return 0;
}


static int
testAtomicWriteOverDirectory(void)
{
    g_autofree char *dir = testMakeDir("rewrite-dir");
    g_autofree char *target = g_build_filename(dir, "target", NULL);
    g_autofree char *inner = g_build_filename(target, "keep", NULL);
    g_autofree char *content = NULL;
    g_autofree char *prefix = NULL;

    /* the target is a (non-empty) directory: rename must fail, the
     * directory and its content stay, the temp file goes */
    CHECK_INTEQ(virFileMakePath(target), 0);
    CHECK_INTEQ(virFileWriteStr(inner, "precious", 0600), 0);

    virResetLastError();
    CHECK_INTEQ(virFileAtomicWrite(target, 0644, "new", 3), -1);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_SYSTEM_ERROR);
    prefix = g_strdup_printf("cannot rename file '%s/.target.", dir);
    CHECK(g_str_has_prefix(virGetLastErrorMessage(), prefix));

    CHECK(virFileIsDir(target));
    CHECK_INTEQ(virFileReadAll(inner, 1024, &content), 8);
    CHECK_STREQ(content, "precious");
    CHECK_INTEQ(testCountEntries(dir), 1);
    return 0;
}


static int
testAtomicWriteNoDir(void)
{
    g_autofree char *dir = testMakeDir("rewrite-nodir");
    g_autofree char *path = g_build_filename(dir, "missing", "file", NULL);
    g_autofree char *prefix = NULL;

    virResetLastError();
    CHECK_INTEQ(virFileAtomicWrite(path, 0644, "x", 1), -1);
    prefix = g_strdup_printf("Failed to create file '%s/missing/.file.", dir);
    CHECK(g_str_has_prefix(virGetLastErrorMessage(), prefix));
    CHECK_INTEQ(virGetLastError()->int1, ENOENT);
    CHECK(!virFileExists(path));
    CHECK_INTEQ(testCountEntries(dir), 0);
    return 0;
}


static int
testAtomicWriteReadOnlyDir(void)
{
    g_autofree char *dir = testMakeDir("rewrite-ro");
    g_autofree char *path = g_build_filename(dir, "file", NULL);
    g_autofree char *content = NULL;

    if (geteuid() == 0)
        return 0; /* root writes anywhere; covered by the cases above */

    CHECK_INTEQ(virFileRewriteStr(path, 0644, "kept"), 0);
    CHECK(chmod(dir, 0555) == 0);
    CHECK_INTEQ(virFileRewriteStr(path, 0644, "lost"), -1);
    CHECK(chmod(dir, 0755) == 0);
    CHECK_INTEQ(virFileReadAll(path, 100, &content), 4);
    CHECK_STREQ(content, "kept");
    CHECK_INTEQ(testCountEntries(dir), 1);
    virResetLastError();
    return 0;
}


static int
testDirectories(void)
{
    g_autofree char *dir = testMakeDir("tree");
    g_autofree char *deep = g_build_filename(dir, "a", "b", "c", NULL);
    g_autofree char *file = g_build_filename(deep, "f", NULL);
    g_autofree char *outside = g_build_filename(virTestTempDir(), "outside",
                                                NULL);
    g_autofree char *link = g_build_filename(dir, "a", "link", NULL);
    g_autofree char *top = g_build_filename(dir, "a", NULL);
    g_autofree char *blocker = g_build_filename(dir, "blocker", NULL);
    g_autofree char *under = g_build_filename(blocker, "sub", NULL);
    g_autofree char *parentOf = g_build_filename(dir, "p", "q", "file", NULL);
    g_autofree char *parentDir = g_build_filename(dir, "p", "q", NULL);

    CHECK_INTEQ(virFileMakePath(deep), 0);
    CHECK_INTEQ(virFileMakePath(deep), 0);   /* existing is fine */
    CHECK(virFileIsDir(deep));
    CHECK_INTEQ(virFileWriteStr(file, "x", 0600), 0);
    CHECK(virFileIsRegular(file));
    CHECK(!virFileIsDir(file));

    CHECK_INTEQ(virFileMakeParentPath(parentOf), 0);
    CHECK(virFileIsDir(parentDir));
    CHECK(!virFileExists(parentOf));

    /* a file in the way */
    CHECK_INTEQ(virFileWriteStr(blocker, "x", 0600), 0);
    virResetLastError();
    CHECK_INTEQ(virFileMakePath(under), -1);
    CHECK(g_str_has_prefix(virGetLastErrorMessage(), "cannot create directory"));
    virResetLastError();

    /* deleting does not follow symlinks out of the tree */
    CHECK_INTEQ(virFileWriteStr(outside, "safe", 0600), 0);
    CHECK(symlink(outside, link) == 0);
    CHECK_INTEQ(virFileIsLink(link), 1);
    CHECK_INTEQ(virFileIsLink(file), 0);
    CHECK_INTEQ(virFileIsLink("/nonexistent/x"), -ENOENT);

    CHECK_INTEQ(virFileDeleteTree(top), 0);
    CHECK(!virFileExists(top));
    CHECK(virFileExists(outside));
    CHECK_INTEQ(virFileDeleteTree(top), 0);  /* missing is fine */
    CHECK_INTEQ(virFileDeleteTree(NULL), 0);
    return 0;
}


static int
testPaths(void)
{
    g_autofree char *dir = testMakeDir("paths");
    g_autofree char *file = g_build_filename(dir, "real", NULL);
    g_autofree char *link = g_build_filename(dir, "link", NULL);
    g_autofree char *resolved = NULL;
    g_autofree char *same = NULL;
    g_autofree char *sh = NULL;
    g_autofree char *canon = NULL;
    g_autofree char *realFile = NULL;

    CHECK_INTEQ(virFileWriteStr(file, "#!/bin/sh\n", 0755), 0);
    CHECK(symlink("real", link) == 0);

    realFile = virFileCanonicalizePath(file);
    CHECK(realFile != NULL);
    CHECK_INTEQ(virFileResolveLink(link, &resolved), 0);
    CHECK_STREQ(resolved, realFile);
    CHECK_INTEQ(virFileResolveLink(file, &same), 0);
    CHECK_STREQ(same, file);
    CHECK_INTEQ(virFileResolveLink("/nonexistent/path", &canon), -1);
    CHECK(canon == NULL);

    CHECK(virFileExists(file));
    CHECK(virFileIsExecutable(file));
    CHECK(!virFileIsExecutable(dir));
    CHECK_INTEQ(errno, EISDIR);
    CHECK(!virFileExists("/nonexistent/path"));

    sh = virFindFileInPath("sh");
    CHECK(sh != NULL);
    CHECK(g_path_is_absolute(sh));
    CHECK(virFileIsExecutable(sh));
    CHECK(virFindFileInPath("no-such-program-nuvirt") == NULL);
    CHECK(virFindFileInPath(NULL) == NULL);
    return 0;
}


static int
testSanitizePath(void)
{
    static const char *cases[][2] = {
        { "/", "/" }, { "//", "//" }, { "///", "/" }, { "/a//b///c/", "/a/b/c" },
        { "//a", "//a" }, { "///a", "/a" }, { "a/", "a" }, { "", "" },
        { "/../a/./b", "/../a/./b" }, { "gluster://h//v//", "gluster://h//v//" },
        { "a//b://c", "a/b:/c" },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = virFileSanitizePath(cases[i][0]);

        CHECK_STREQ(got, cases[i][1]);
    }
    return 0;
}

static int
testAutoClose(void)
{
    int fd;

    {
        VIR_AUTOCLOSE afd = open("/dev/null", O_RDONLY);

        CHECK(afd >= 0);
        fd = afd;
    }
    /* closed at end of scope */
    CHECK(fcntl(fd, F_GETFD) == -1);
    CHECK_INTEQ(errno, EBADF);

    fd = -1;
    CHECK_INTEQ(VIR_CLOSE(fd), 0);
    return 0;
}


int
main(void)
{
    virTestRun("safe io", testSafeIO);
    virTestRun("read all", testReadAll);
    virTestRun("read lim fd", testReadLimFD);
    virTestRun("atomic write", testAtomicWrite);
    virTestRun("rewrite failure keeps old file", testRewriteFailure);
    virTestRun("atomic write over directory", testAtomicWriteOverDirectory);
    virTestRun("atomic write without directory", testAtomicWriteNoDir);
    virTestRun("atomic write in read-only dir", testAtomicWriteReadOnlyDir);
    virTestRun("directories", testDirectories);
    virTestRun("paths", testPaths);
    virTestRun("sanitize path", testSanitizePath);
    virTestRun("autoclose", testAutoClose);
    return virTestDone();
}
