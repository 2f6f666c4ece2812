#include "testutils.h"

#include <stdlib.h>
#include <glib/gstdio.h>

int virTestCounter;
int virTestFailed;
static char *tempDir;

int
virTestRunData(const char *name, int (*fn)(const void *), const void *data)
{
    int rc = fn(data);

    virTestCounter++;
    if (rc < 0) {
        virTestFailed++;
        printf("not ok %d - %s\n", virTestCounter, name);
    } else {
        printf("ok %d - %s\n", virTestCounter, name);
    }
    fflush(stdout);
    return rc < 0 ? -1 : 0;
}

static int
runPlain(const void *data)
{
    int (*fn)(void) = (int (*)(void))data;

    return fn();
}

int
virTestRun(const char *name, int (*fn)(void))
{
    return virTestRunData(name, runPlain, (const void *)fn);
}

static void
removeTree(const char *path)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    const char *ent;

    if (dir) {
        while ((ent = g_dir_read_name(dir))) {
            g_autofree char *child = g_build_filename(path, ent, NULL);

            if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
                !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
                removeTree(child);
            else
                g_unlink(child);
        }
        g_dir_close(dir);
    }
    g_rmdir(path);
}

static void
cleanupTemp(void)
{
    if (tempDir && !getenv("VIR_TEST_KEEP_TEMP"))
        removeTree(tempDir);
}

const char *
virTestTempDir(void)
{
    if (!tempDir) {
        tempDir = g_dir_make_tmp("nuvirt-test-XXXXXX", NULL);
        if (!tempDir)
            abort();
        atexit(cleanupTemp);
    }
    return tempDir;
}

int
virTestDone(void)
{
    printf("1..%d\n", virTestCounter);
    return virTestFailed ? 1 : 0;
}
