/*
 * virfile.c: reading and writing files, atomic rewrites, directories,
 * paths, and file descriptor helpers.
 */
#include "internal.h"
#include "util/virfile.h"
#include "util/virlog.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("util.file");

ssize_t
saferead(int fd, void *buf, size_t count)
{
    size_t done = 0;

    while (done < count) {
        ssize_t n = read(fd, (char *)buf + done, count - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += n;
    }
    return done;
}


ssize_t
safewrite(int fd, const void *buf, size_t count)
{
    size_t done = 0;

    while (done < count) {
        ssize_t n = write(fd, (const char *)buf + done, count - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        done += n;
    }
    return done;
}


int
virFileClose(int *fdptr)
{
    int rc = 0;

    if (*fdptr >= 0) {
        rc = close(*fdptr);
        *fdptr = -1;
        /* On Linux the descriptor is gone even when close() is
         * interrupted; retrying could close someone else's fd. */
        if (rc < 0 && errno == EINTR)
            rc = 0;
    }
    return rc;
}


void
virFileForceClose(int *fdptr)
{
    int saved = errno;

    ignore_value(virFileClose(fdptr));
    errno = saved;
}


/* Read at most @limit bytes of @fd into a new buffer. */
static int
virFileReadUpTo(int fd, size_t limit, char **buf, size_t *length)
{
    g_autofree char *data = NULL;
    size_t alloc = 0;
    size_t used = 0;

    for (;;) {
        size_t want;
        ssize_t got;

        if (alloc - used < BUFSIZ + 1) {
            alloc = MAX(alloc + alloc / 2, used + BUFSIZ + 1);
            data = g_realloc(data, alloc);
        }
        want = MIN(limit - used, alloc - used - 1);
        if (want == 0)
            break;
        if ((got = saferead(fd, data + used, want)) < 0)
            return -1;
        used += got;
        if ((size_t)got < want)
            break;
    }

    data[used] = '\0';
    *length = used;
    *buf = g_steal_pointer(&data);
    return 0;
}


int
virFileReadLimFD(int fd, int maxlen, char **buf)
{
    char *data;
    size_t len;

    if (maxlen <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (virFileReadUpTo(fd, (size_t)maxlen + 1, &data, &len) < 0)
        return -1;
    if (len > (size_t)maxlen) {
        g_free(data);
        errno = EOVERFLOW;
        return -1;
    }
    *buf = data;
    return len;
}


int
virFileReadHeaderFD(int fd, int maxlen, char **buf)
{
    size_t len;

    if (maxlen <= 0) {
        errno = EINVAL;
        return -1;
    }
    if (virFileReadUpTo(fd, maxlen, buf, &len) < 0)
        return -1;
    return len;
}


int
virFileReadAll(const char *path, int maxlen, char **buf)
{
    VIR_AUTOCLOSE fd = open(path, O_RDONLY | O_CLOEXEC);
    int len;

    if (fd < 0) {
        virReportSystemError(errno, "Failed to open file '%s'", path);
        return -1;
    }
    if ((len = virFileReadLimFD(fd, maxlen, buf)) < 0) {
        virReportSystemError(errno, "Failed to read file '%s'", path);
        return -1;
    }
    return len;
}


int
virFileReadAllQuiet(const char *path, int maxlen, char **buf)
{
    VIR_AUTOCLOSE fd = open(path, O_RDONLY | O_CLOEXEC);
    int len;

    if (fd < 0)
        return -errno;
    if ((len = virFileReadLimFD(fd, maxlen, buf)) < 0)
        return -errno;
    return len;
}


int
virFileReadBufQuiet(const char *file, char *buf, int len)
{
    VIR_AUTOCLOSE fd = -1;
    ssize_t got;

    if (len <= 0)
        return -EINVAL;
    if ((fd = open(file, O_RDONLY | O_CLOEXEC)) < 0)
        return -errno;
    if ((got = saferead(fd, buf, len - 1)) < 0)
        return -errno;
    buf[got] = '\0';
    return got;
}


int
virFileWriteStr(const char *path, const char *str, mode_t mode)
{
    int flags = O_WRONLY | O_TRUNC | O_CLOEXEC | (mode ? O_CREAT : 0);
    int fd = open(path, flags, mode);
    size_t len = strlen(str);

    if (fd < 0)
        return -1;

    if (safewrite(fd, str, len) != (ssize_t)len) {
        if (errno == 0)
            errno = ENOSPC;
        VIR_FORCE_CLOSE(fd);
        return -1;
    }
    return VIR_CLOSE(fd) < 0 ? -1 : 0;
}


/* fsync the directory holding a just-renamed entry, so the rename
 * itself survives a crash. */
static int
virFileSyncDir(const char *dir)
{
    VIR_AUTOCLOSE fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (fd < 0 || (fsync(fd) < 0 && errno != EINVAL && errno != ENOTSUP)) {
        virReportSystemError(errno, "cannot sync directory '%s'", dir);
        return -1;
    }
    return 0;
}


/* Create the temporary file for virFileRewrite with exactly @mode and
 * the requested owner; its name is returned in *@tmppath. */
static int
virFileRewriteOpen(const char *path, mode_t mode, uid_t uid, gid_t gid,
                   char **tmppath)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *base = g_path_get_basename(path);
    g_autofree char *tmp = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    int fd;

    if ((fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, mode & 0777)) < 0) {
        virReportSystemError(errno, "Failed to create file '%s'", tmp);
        return -1;
    }
    *tmppath = g_steal_pointer(&tmp);

    if (fchmod(fd, mode) < 0) {
        virReportSystemError(errno, "cannot set mode of '%s'", *tmppath);
        goto error;
    }
    if ((uid != (uid_t)-1 || gid != (gid_t)-1) && fchown(fd, uid, gid) < 0) {
        virReportSystemError(errno, "cannot chown '%s' to (%u, %u)",
                             *tmppath, (unsigned int)uid, (unsigned int)gid);
        goto error;
    }
    return fd;

 error:
    VIR_FORCE_CLOSE(fd);
    unlink(*tmppath);
    g_clear_pointer(tmppath, g_free);
    return -1;
}


int
virFileRewrite(const char *path, mode_t mode, uid_t uid, gid_t gid,
               virFileRewriteFunc rewrite, const void *opaque)
{
    g_autofree char *tmp = NULL;
    g_autofree char *dir = g_path_get_dirname(path);
    VIR_AUTOCLOSE fd = -1;

    if ((fd = virFileRewriteOpen(path, mode, uid, gid, &tmp)) < 0)
        return -1;

    if (rewrite(fd, tmp, opaque) < 0)
        goto error;

    if (fsync(fd) < 0) {
        virReportSystemError(errno, "cannot sync file '%s'", tmp);
        goto error;
    }
    if (VIR_CLOSE(fd) < 0) {
        virReportSystemError(errno, "cannot save file '%s'", tmp);
        goto error;
    }
    if (rename(tmp, path) < 0) {
        virReportSystemError(errno, "cannot rename file '%s' as '%s'",
                             tmp, path);
        goto error;
    }
    return virFileSyncDir(dir);

 error:
    VIR_FORCE_CLOSE(fd);
    unlink(tmp);
    return -1;
}


typedef struct {
    const void *data;
    size_t len;
} virFileAtomicData;


static int
virFileAtomicWriteHelper(int fd, const char *path, const void *opaque)
{
    const virFileAtomicData *content = opaque;

    if (safewrite(fd, content->data, content->len) != (ssize_t)content->len) {
        virReportSystemError(errno ? errno : ENOSPC,
                             "cannot write data to file '%s'", path);
        return -1;
    }
    return 0;
}


int
virFileAtomicWrite(const char *path, mode_t mode,
                   const void *data, size_t len)
{
    virFileAtomicData content = { data, len };

    errno = 0;
    return virFileRewrite(path, mode, (uid_t)-1, (gid_t)-1,
                          virFileAtomicWriteHelper, &content);
}


int
virFileRewriteStr(const char *path, mode_t mode, const char *str)
{
    return virFileAtomicWrite(path, mode, str, strlen(str));
}


int
virFileMakePathWithMode(const char *path, mode_t mode)
{
    VIR_DEBUG("path=%s mode=0%o", path, (unsigned int)mode);

    if (g_mkdir_with_parents(path, mode) < 0) {
        virReportSystemError(errno, "cannot create directory '%s'", path);
        return -1;
    }
    return 0;
}


int
virFileMakePath(const char *path)
{
    return virFileMakePathWithMode(path, 0777);
}


int
virFileMakeParentPath(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);

    return virFileMakePath(dir);
}


/* Remove one entry of a tree being deleted. */
static int
virFileDeleteEntry(const char *path)
{
    GStatBuf sb;

    if (g_lstat(path, &sb) < 0) {
        virReportSystemError(errno, "Cannot access '%s'", path);
        return -1;
    }
    if (S_ISDIR(sb.st_mode))
        return virFileDeleteTree(path);
    if (unlink(path) < 0 && errno != ENOENT) {
        virReportSystemError(errno, "Cannot delete file '%s'", path);
        return -1;
    }
    return 0;
}


int
virFileDeleteTree(const char *dir)
{
    DIR *dh;
    struct dirent *ent;
    int ret = 0;

    if (!dir || !virFileExists(dir))
        return 0;

    if (!(dh = opendir(dir))) {
        virReportSystemError(errno, "cannot open directory '%s'", dir);
        return -1;
    }

    for (;;) {
        g_autofree char *child = NULL;

        errno = 0;
        if (!(ent = readdir(dh))) {
            if (errno != 0) {
                virReportSystemError(errno, "Unable to read directory '%s'",
                                     dir);
                ret = -1;
            }
            break;
        }
        if (STREQ(ent->d_name, ".") || STREQ(ent->d_name, ".."))
            continue;
        child = g_build_filename(dir, ent->d_name, NULL);
        if ((ret = virFileDeleteEntry(child)) < 0)
            break;
    }
    closedir(dh);

    if (ret == 0 && rmdir(dir) < 0 && errno != ENOENT) {
        virReportSystemError(errno, "Cannot delete directory '%s'", dir);
        ret = -1;
    }
    return ret;
}


bool
virFileExists(const char *path)
{
    return access(path, F_OK) == 0;
}


bool
virFileIsDir(const char *path)
{
    struct stat sb;

    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}


bool
virFileIsRegular(const char *path)
{
    struct stat sb;

    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}


bool
virFileIsExecutable(const char *file)
{
    struct stat sb;

    if (stat(file, &sb) < 0)
        return false;
    if (S_ISREG(sb.st_mode) && (sb.st_mode & 0111) != 0)
        return true;
    errno = S_ISDIR(sb.st_mode) ? EISDIR : EACCES;
    return false;
}


int
virFileIsLink(const char *path)
{
    GStatBuf sb;

    if (g_lstat(path, &sb) < 0)
        return -errno;
    return S_ISLNK(sb.st_mode) ? 1 : 0;
}


char *
virFileCanonicalizePath(const char *path)
{
    return realpath(path, NULL);
}


char *
virFileSanitizePath(const char *path)
{
    const char *scheme = strstr(path, "://");
    const char *p = path;
    GString *out;

    /* two slashes may name a different resource in a URI */
    if (scheme && strchr(path, '/') > scheme)
        return g_strdup(path);

    out = g_string_sized_new(strlen(path));
    if (p[0] == '/' && p[1] == '/' && p[2] != '/') {
        g_string_append(out, "//");
        p += 2;
    }
    while (*p) {
        if (*p != '/') {
            g_string_append_c(out, *p++);
            continue;
        }
        while (*p == '/')
            p++;
        if (out->len > 0 && !*p)
            break;
        g_string_append_c(out, '/');
    }
    return g_string_free(out, FALSE);
}


int
virFileResolveLink(const char *linkpath, char **resultpath)
{
    GStatBuf sb;
    char *result;

    if (g_path_is_absolute(linkpath)) {
        if (g_lstat(linkpath, &sb) < 0)
            return -1;
        if (!S_ISLNK(sb.st_mode)) {
            *resultpath = g_strdup(linkpath);
            return 0;
        }
    }
    if (!(result = virFileCanonicalizePath(linkpath)))
        return -1;
    *resultpath = result;
    return 0;
}


int
virFileResolveAllLinks(const char *linkpath, char **resultpath)
{
    char *result = virFileCanonicalizePath(linkpath);

    if (!result)
        return -1;
    *resultpath = result;
    return 0;
}


char *
virFindFileInPath(const char *file)
{
    g_autofree char *found = NULL;

    if (!file)
        return NULL;
    if (!(found = g_find_program_in_path(file)))
        return NULL;
    return g_canonicalize_filename(found, NULL);
}
