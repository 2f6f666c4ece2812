/*
 * virerror.h: raising errors the way libvirt's public API reports them.
 *
 * Errors live in a thread-local virError.  Code reports an error once, at
 * the place it is detected, with virReportError() and returns -1 or NULL;
 * callers pass the failure on without reporting again.  Each .c file
 * defines VIR_FROM_THIS (a virErrorDomain) before using these macros.
 */
#pragma once

#include <stddef.h>
#include <glib.h>
#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"

/* The calling thread's error object (never NULL). */
virErrorPtr virLastErrorObject(void);

/* Copy @from into @to (deep); @to is reset first. */
int virCopyError(virErrorPtr from, virErrorPtr to);

/* Record an error with every field given explicitly; @fmt is the whole
 * message, with no code-specific prefix added. */
void virRaiseErrorFull(const char *filename, const char *funcname,
                       size_t linenr, int domain, int code,
                       virErrorLevel level, const char *str1,
                       const char *str2, const char *str3,
                       int int1, int int2, const char *fmt, ...)
    G_GNUC_PRINTF(12, 13);

/* Record error @code; the message is the code's text, with the formatted
 * detail appended where @fmt is given ("Domain not found: <detail>"). */
void virReportErrorHelper(int domcode, int errorcode, const char *filename,
                          const char *funcname, size_t linenr,
                          const char *fmt, ...)
    G_GNUC_PRINTF(6, 7);

/* VIR_ERR_SYSTEM_ERROR with "<detail>: <strerror(theerrno)>". */
void virReportSystemErrorFull(int domcode, int theerrno, const char *filename,
                              const char *funcname, size_t linenr,
                              const char *fmt, ...)
    G_GNUC_PRINTF(6, 7);

/* The message of @code as libvirt words it, with or without detail. */
const char *virErrorMsg(int code, bool with_detail);

/* The name of an error domain ("Domain Config", ...); NULL if unknown. */
const char *virErrorDomainName(int domain);

/* Save the calling thread's error (and reset it); restore it later, e.g.
 * around cleanup code that may raise errors of its own. */
void virErrorPreserveLast(virErrorPtr *saveerr);
void virErrorRestore(virErrorPtr *savederr);

/* Set the calling thread's error to a copy of @newerr. */
int virSetError(virErrorPtr newerr);

/* Global handler set with virSetErrorFunc() (NULL: print to stderr). */
void virErrorGetGlobalHandler(virErrorFunc *handler, void **userData);

/* Give a failure with no error set the generic "unknown cause" error. */
void virErrorGenericFailure(virErrorPtr err);

/* Invoke @handler (or the default printer) on @err. */
void virErrorInvokeHandler(virErrorFunc handler, void *userData, virErrorPtr err);

#define virReportError(code, ...) \
    virReportErrorHelper(VIR_FROM_THIS, code, __FILE__, \
                         __FUNCTION__, __LINE__, __VA_ARGS__)

#define virReportSystemError(theerrno, ...) \
    virReportSystemErrorFull(VIR_FROM_THIS, (theerrno), \
                             __FILE__, __FUNCTION__, __LINE__, __VA_ARGS__)

/* Argument errors: VIR_ERR_INVALID_ARG with str1 = function and
 * str2 = argument name; the message has no "invalid argument" prefix. */
#define virReportInvalidArgFull(argname, ...) \
    virRaiseErrorFull(__FILE__, __FUNCTION__, __LINE__, VIR_FROM_THIS, \
                      VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, __FUNCTION__, \
                      argname, NULL, 0, 0, __VA_ARGS__)
#define virReportInvalidArg(argname, fmt, ...) \
    virReportInvalidArgFull(#argname, fmt, __VA_ARGS__)
#define virReportInvalidNullArg(argname) \
    virReportInvalidArgFull(#argname, "%s in %s must be NULL", \
                            #argname, __FUNCTION__)
#define virReportInvalidNonNullArg(argname) \
    virReportInvalidArgFull(#argname, "%s in %s must not be NULL", \
                            #argname, __FUNCTION__)
#define virReportInvalidEmptyStringArg(argname) \
    virReportInvalidArgFull(#argname, "string %s in %s must not be empty", \
                            #argname, __FUNCTION__)
#define virReportInvalidPositiveArg(argname) \
    virReportInvalidArgFull(#argname, "%s in %s must be greater than zero", \
                            #argname, __FUNCTION__)
#define virReportInvalidNonZeroArg(argname) \
    virReportInvalidArgFull(#argname, "%s in %s must not be zero", \
                            #argname, __FUNCTION__)
#define virReportInvalidZeroArg(argname) \
    virReportInvalidArgFull(#argname, "%s in %s must be zero", \
                            #argname, __FUNCTION__)
#define virReportInvalidNonNegativeArg(argname) \
    virReportInvalidArgFull(#argname, "%s in %s must be zero or greater", \
                            #argname, __FUNCTION__)

#define virReportUnsupportedError() \
    virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_NO_SUPPORT, \
                         __FILE__, __FUNCTION__, __LINE__, "%s", __FUNCTION__)
#define virReportRestrictedError(...) \
    virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_OPERATION_DENIED, \
                         __FILE__, __FUNCTION__, __LINE__, __VA_ARGS__)
#define virReportEnumRangeError(typname, value) \
    virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_INTERNAL_ERROR, \
                         __FILE__, __FUNCTION__, __LINE__, \
                         "Unexpected enum value %d for %s", (int)(value), #typname)

G_DEFINE_AUTOPTR_CLEANUP_FUNC(virError, virFreeError);
