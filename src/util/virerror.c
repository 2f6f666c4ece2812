/*
 * virerror.c: thread-local errors and the public virterror.h calls that
 * need no connection.
 */
#include "internal.h"
#include "util/virerrortable.h"
#include "util/virlog.h"

#include <stdio.h>

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("util.error");

static GPrivate lastError = G_PRIVATE_INIT((GDestroyNotify)virFreeError);

static GMutex handlerLock;
static virErrorFunc globalHandler;
static void *globalUserData;

VIR_PRIVATE_EXPORT virErrorPtr
virLastErrorObject(void)
{
    virErrorPtr err = g_private_get(&lastError);

    if (!err) {
        err = g_new0(virError, 1);
        g_private_set(&lastError, err);
    }
    return err;
}

VIR_EXPORT void
virResetError(virErrorPtr err)
{
    if (!err)
        return;
    g_free(err->message);
    g_free(err->str1);
    g_free(err->str2);
    g_free(err->str3);
    memset(err, 0, sizeof(*err));
}

VIR_EXPORT void
virFreeError(virErrorPtr err)
{
    virResetError(err);
    g_free(err);
}

int
virCopyError(virErrorPtr from, virErrorPtr to)
{
    if (!to)
        return 0;
    virResetError(to);
    if (!from)
        return 0;
    to->code = from->code;
    to->domain = from->domain;
    to->level = from->level;
    to->message = g_strdup(from->message);
    to->str1 = g_strdup(from->str1);
    to->str2 = g_strdup(from->str2);
    to->str3 = g_strdup(from->str3);
    to->int1 = from->int1;
    to->int2 = from->int2;
    /* conn, dom and net are never filled: the objects they would point
     * to may be gone by the time anyone reads the error. */
    return 0;
}

VIR_EXPORT virErrorPtr
virGetLastError(void)
{
    virErrorPtr err = virLastErrorObject();

    if (err->code == VIR_ERR_OK)
        return NULL;
    return err;
}

VIR_EXPORT int
virGetLastErrorCode(void)
{
    return virLastErrorObject()->code;
}

VIR_EXPORT int
virGetLastErrorDomain(void)
{
    return virLastErrorObject()->domain;
}

VIR_EXPORT const char *
virGetLastErrorMessage(void)
{
    virErrorPtr err = virLastErrorObject();

    if (err->code == VIR_ERR_OK)
        return "no error";
    if (!err->message)
        return "unknown error";
    return err->message;
}

VIR_EXPORT int
virCopyLastError(virErrorPtr to)
{
    if (!to)
        return -1;
    memset(to, 0, sizeof(*to));
    virCopyError(virLastErrorObject(), to);
    return to->code;
}

VIR_EXPORT virErrorPtr
virSaveLastError(void)
{
    int saved_errno = errno;
    virErrorPtr to = g_new0(virError, 1);

    virCopyLastError(to);
    errno = saved_errno;
    return to;
}

VIR_EXPORT void
virResetLastError(void)
{
    virResetError(virLastErrorObject());
}

VIR_PRIVATE_EXPORT int
virSetError(virErrorPtr newerr)
{
    return virCopyError(newerr, virLastErrorObject());
}

VIR_PRIVATE_EXPORT void
virErrorPreserveLast(virErrorPtr *saveerr)
{
    int saved_errno = errno;
    virErrorPtr err = virLastErrorObject();

    *saveerr = NULL;
    if (err->code != VIR_ERR_OK) {
        *saveerr = g_new0(virError, 1);
        virCopyError(err, *saveerr);
    }
    errno = saved_errno;
}

VIR_PRIVATE_EXPORT void
virErrorRestore(virErrorPtr *savederr)
{
    int saved_errno = errno;

    if (!*savederr)
        return;
    virSetError(*savederr);
    g_clear_pointer(savederr, virFreeError);
    errno = saved_errno;
}

VIR_EXPORT void
virSetErrorFunc(void *userData, virErrorFunc handler)
{
    g_mutex_lock(&handlerLock);
    globalHandler = handler;
    globalUserData = userData;
    g_mutex_unlock(&handlerLock);
}

void
virErrorGetGlobalHandler(virErrorFunc *handler, void **userData)
{
    g_mutex_lock(&handlerLock);
    *handler = globalHandler;
    *userData = globalUserData;
    g_mutex_unlock(&handlerLock);
}

const char *
virErrorMsg(int code, bool with_detail)
{
    if (code < 0 || code >= VIR_ERR_NUMBER_LAST)
        return NULL;
    return with_detail ? virErrorTexts[code].detail : virErrorTexts[code].plain;
}

const char *
virErrorDomainName(int domain)
{
    if (domain < 0 || domain >= VIR_ERR_DOMAIN_LAST)
        return NULL;
    return virErrorDomainNames[domain];
}

VIR_EXPORT void
virDefaultErrorFunc(virErrorPtr err)
{
    const char *lvl = "";
    const char *dom;
    const char *obj = "";
    size_t len;

    if (!err || err->code == VIR_ERR_OK)
        return;
    if (err->level == VIR_ERR_WARNING)
        lvl = "warning";
    else if (err->level == VIR_ERR_ERROR)
        lvl = "error";
    if (!(dom = virErrorDomainName(err->domain)))
        dom = "Unknown";
    /* err->dom and err->net are never set (see virCopyError) */
    len = err->message ? strlen(err->message) : 0;
    if (err->domain == VIR_FROM_XML && err->code == VIR_ERR_XML_DETAIL &&
        err->int1 != 0)
        fprintf(stderr, "libvirt: %s %s %s: line %d: %s",
                dom, lvl, obj, err->int1, err->message);
    else if (len == 0 || err->message[len - 1] != '\n')
        fprintf(stderr, "libvirt: %s %s %s: %s\n",
                dom, lvl, obj, err->message ? err->message : "");
    else
        fprintf(stderr, "libvirt: %s %s %s: %s", dom, lvl, obj, err->message);
}

void
virErrorInvokeHandler(virErrorFunc handler, void *userData, virErrorPtr err)
{
    if (handler)
        handler(userData, err);
    else
        virDefaultErrorFunc(err);
}

void
virErrorGenericFailure(virErrorPtr err)
{
    virResetError(err);
    err->code = VIR_ERR_INTERNAL_ERROR;
    err->domain = VIR_FROM_NONE;
    err->level = VIR_ERR_ERROR;
    err->message = g_strdup("An error occurred, but the cause is unknown");
}

/* Takes ownership of the strings. */
static void
virRaiseErrorInternal(const char *filename, const char *funcname,
                      size_t linenr, int domain, int code,
                      virErrorLevel level, char *msg, char *str1,
                      char *str2, char *str3, int int1, int int2)
{
    virErrorPtr to = virLastErrorObject();

    virResetError(to);
    if (code == VIR_ERR_OK) {
        g_free(msg);
        g_free(str1);
        g_free(str2);
        g_free(str3);
        return;
    }
    to->domain = domain;
    to->code = code;
    to->message = msg ? msg : g_strdup("No error message provided");
    to->level = level;
    to->str1 = str1;
    to->str2 = str2;
    to->str3 = str3;
    to->int1 = int1;
    to->int2 = int2;

    /* Errors reach the log only where the user asked for log outputs: the
     * default error handler already prints them, as libvirt reasons. */
    if (virLogGetNbOutputs() > 0)
        virLogMessage(&virLogSelf, VIR_LOG_ERROR, filename, linenr, funcname,
                      "%s", to->message);
}

VIR_PRIVATE_EXPORT void
virRaiseErrorFull(const char *filename, const char *funcname, size_t linenr,
                  int domain, int code, virErrorLevel level,
                  const char *str1, const char *str2, const char *str3,
                  int int1, int int2, const char *fmt, ...)
{
    int saved_errno = errno;
    char *msg = NULL;

    if (fmt) {
        va_list ap;

        va_start(ap, fmt);
        msg = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    }
    virRaiseErrorInternal(filename, funcname, linenr, domain, code, level,
                          msg, g_strdup(str1), g_strdup(str2),
                          g_strdup(str3), int1, int2);
    errno = saved_errno;
}

VIR_PRIVATE_EXPORT void
virReportErrorHelper(int domcode, int errorcode, const char *filename,
                     const char *funcname, size_t linenr,
                     const char *fmt, ...)
{
    int saved_errno = errno;
    char *detail = NULL;
    const char *base;
    char *full = NULL;

    if (fmt) {
        va_list ap;

        va_start(ap, fmt);
        detail = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    }
    base = virErrorMsg(errorcode, detail != NULL);
    if (base) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        full = detail ? g_strdup_printf(base, detail) : g_strdup(base);
#pragma GCC diagnostic pop
    }
    virRaiseErrorInternal(filename, funcname, linenr, domcode, errorcode,
                          VIR_ERR_ERROR, full, g_strdup(base), detail,
                          NULL, -1, -1);
    errno = saved_errno;
}

VIR_PRIVATE_EXPORT void
virReportSystemErrorFull(int domcode, int theerrno, const char *filename,
                         const char *funcname, size_t linenr,
                         const char *fmt, ...)
{
    int saved_errno = errno;
    GString *buf = g_string_new(NULL);
    const char *base;
    char *detail;
    char *full;

    if (fmt) {
        va_list ap;

        va_start(ap, fmt);
        g_string_append_vprintf(buf, fmt, ap);
        va_end(ap);
        g_string_append(buf, ": ");
    }
    g_string_append(buf, g_strerror(theerrno));
    detail = g_string_free(buf, FALSE);
    base = virErrorMsg(VIR_ERR_SYSTEM_ERROR, true);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    full = g_strdup_printf(base, detail);
#pragma GCC diagnostic pop
    virRaiseErrorInternal(filename, funcname, linenr, domcode,
                          VIR_ERR_SYSTEM_ERROR, VIR_ERR_ERROR, full,
                          g_strdup(base), detail, NULL, theerrno, -1);
    errno = saved_errno;
}
