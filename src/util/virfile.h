/*
 * virfile.h: reading and writing files, atomic rewrites, directories,
 * paths, and file descriptor helpers.
 *
 * Error convention: functions documented as "reports" set the thread's
 * error (VIR_ERR_SYSTEM_ERROR with libvirt's wording) and return -1;
 * functions documented as "quiet" report nothing and leave errno set,
 * for callers that treat failure as an expected outcome.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <glib.h>

/* read()/write() that restart after EINTR and loop over short transfers.
 * They return the bytes transferred (less than @count only at EOF, or
 * when write() returns 0) or -1 with errno set. */
ssize_t saferead(int fd, void *buf, size_t count) G_GNUC_WARN_UNUSED_RESULT;
ssize_t safewrite(int fd, const void *buf, size_t count)
    G_GNUC_WARN_UNUSED_RESULT;

/* Close *@fdptr if >= 0 and set it to -1.  virFileClose returns
 * close()'s result (errno set on failure); virFileForceClose ignores
 * errors and keeps errno as it was. */
int virFileClose(int *fdptr);
void virFileForceClose(int *fdptr);

#define VIR_CLOSE(FD) virFileClose(&(FD))
#define VIR_FORCE_CLOSE(FD) virFileForceClose(&(FD))

/* An int that holds an fd and is force-closed when it goes out of scope:
 *   VIR_AUTOCLOSE fd = open(...); */
#define VIR_AUTOCLOSE __attribute__((cleanup(virFileForceClose))) int

/* Quiet: read all of @fd into a new NUL-terminated *@buf and return its
 * length.  More than @maxlen bytes fails with errno EOVERFLOW;
 * @maxlen <= 0 fails with EINVAL.  *@buf is untouched on failure. */
int virFileReadLimFD(int fd, int maxlen, char **buf);

/* Like virFileReadLimFD, but more data is not an error: at most
 * @maxlen bytes are read. */
int virFileReadHeaderFD(int fd, int maxlen, char **buf);

/* Reports: read the whole file at @path (at most @maxlen bytes) into
 * *@buf; returns its length.  Errors: "Failed to open file '%s'",
 * "Failed to read file '%s'" (EOVERFLOW when longer than @maxlen). */
int virFileReadAll(const char *path, int maxlen, char **buf);

/* Quiet: as virFileReadAll, but returns -errno on failure. */
int virFileReadAllQuiet(const char *path, int maxlen, char **buf);

/* Quiet: read at most @len - 1 bytes of @file into @buf and terminate
 * it; returns the length or -errno. */
int virFileReadBufQuiet(const char *file, char *buf, int len);

/* Quiet: truncate @path and write @str to it.  With @mode 0 the file
 * must already exist, otherwise it is created with @mode.  Returns 0, or
 * -1 with errno set. */
int virFileWriteStr(const char *path, const char *str, mode_t mode);

/* Writes the new content of @path into @fd (the temporary file, named
 * @path for messages); reports its own errors and returns -1 on
 * failure. */
typedef int (*virFileRewriteFunc)(int fd, const char *path,
                                  const void *opaque);

/*
 * Reports: replace @path atomically.  The new content is written by
 * @rewrite into a temporary file in the same directory (".NAME.XXXXXX"),
 * which gets mode @mode exactly (umask ignored) and, when @uid/@gid are
 * not (uid_t)-1/(gid_t)-1, that owner.  The file is fsync'ed, renamed
 * over @path and the directory is fsync'ed, so after a crash @path holds
 * either the old or the new content, never a mix.  On failure before the
 * rename @path is untouched and the temporary file is removed.
 */
int virFileRewrite(const char *path, mode_t mode, uid_t uid, gid_t gid,
                   virFileRewriteFunc rewrite, const void *opaque);

/* Reports: virFileRewrite with @len bytes of @data as the content. */
int virFileAtomicWrite(const char *path, mode_t mode,
                       const void *data, size_t len);

/* Reports: virFileAtomicWrite of the string @str. */
int virFileRewriteStr(const char *path, mode_t mode, const char *str);

/* Reports: create @path and any missing parents (mode 0777 / @mode,
 * less umask); an existing directory is fine.  Error: "cannot create
 * directory '%s'". */
int virFileMakePath(const char *path);
int virFileMakePathWithMode(const char *path, mode_t mode);

/* Reports: virFileMakePath on the directory part of @path. */
int virFileMakeParentPath(const char *path);

/* Reports: remove @dir and everything below it without following
 * symlinks.  NULL or a missing @dir is not an error. */
int virFileDeleteTree(const char *dir);

/* True if @path exists (errno set when false). */
bool virFileExists(const char *path);

/* True if @path is a directory / a regular file (following symlinks). */
bool virFileIsDir(const char *path);
bool virFileIsRegular(const char *path);

/* True if @file is a regular file with an execute bit; when false errno
 * is EISDIR for a directory, EACCES for other files, or stat's error. */
bool virFileIsExecutable(const char *file);

/* 1 if @path is a symlink, 0 if not, -errno if it cannot be examined. */
int virFileIsLink(const char *path);

/* Quiet: an absolute path for @linkpath in which the last component is
 * not a symlink (virFileResolveLink) or no component is
 * (virFileResolveAllLinks).  Returns 0, or -1 with errno set. */
int virFileResolveLink(const char *linkpath, char **resultpath);
int virFileResolveAllLinks(const char *linkpath, char **resultpath);

/* Quiet: realpath(@path) as a new string, or NULL with errno set. */
char *virFileCanonicalizePath(const char *path);

/* @path with repeated and trailing slashes dropped (a leading '//' is
 * kept, as POSIX allows it a meaning); URIs ('scheme://...') unchanged.
 * Nothing is looked up on disk. */
char *virFileSanitizePath(const char *path);

/* The absolute, canonical path of executable @file found in $PATH (or
 * @file itself if it contains a '/'), or NULL if not found.  Quiet. */
char *virFindFileInPath(const char *file);
#define virFileFindInPath(file) virFindFileInPath(file)
