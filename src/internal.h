/*
 * internal.h: what every nuvirt source file includes first.
 *
 * Internal code sees the public headers with VIR_ENUM_SENTINELS, so the
 * *_LAST counts are available for table sizes and range checks.
 */
#pragma once

#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"
#include "libvirt/libvirt-qemu.h"
#include "libvirt/libvirt-lxc.h"

/* Marks a function exported from the shared library; everything else is
 * hidden (-fvisibility=hidden) and bound by the version script. */
#define VIR_EXPORT __attribute__((visibility("default")))

/* Marks an internal function that libvirt.so also exports under the
 * LIBVIRT_PRIVATE_9.0.0 node, for nuvirt's sibling libraries
 * (libvirt-qemu.so, libvirt-lxc.so, libvirt-admin.so) and for binaries
 * built from libvirt's own tree (src/compat/README.md). */
#define VIR_PRIVATE_EXPORT __attribute__((visibility("default")))

#define STREQ(a, b) (strcmp(a, b) == 0)
#define STRNEQ(a, b) (strcmp(a, b) != 0)
#define STREQ_NULLABLE(a, b) g_strcmp0(a, b) == 0
#define STRNEQ_NULLABLE(a, b) g_strcmp0(a, b) != 0
#define STRPREFIX(a, b) (strncmp(a, b, strlen(b)) == 0)

/* Discard a result on purpose. */
#define ignore_value(x) \
    (__extension__ ({ __typeof__(x) __x = (x); (void)__x; }))

#include "util/virerror.h"

/*
 * virCheckFlags: refuse flag bits outside @supported with
 * VIR_ERR_INVALID_ARG, naming the calling function, and return @retval.
 * The caller's flags argument must be called 'flags'.
 */
#define virCheckFlags(supported, retval) \
    do { \
        unsigned long __uiflags = flags; \
        unsigned int __unsuppflags = flags & ~(supported); \
        if (__uiflags != (unsigned int)__uiflags) { \
            virReportInvalidArg(flags, \
                                "unsupported use of long flags in function %s", \
                                __FUNCTION__); \
            return retval; \
        } \
        if (__unsuppflags) { \
            virReportInvalidArg(flags, \
                                "unsupported flags (0x%x) in function %s", \
                                __unsuppflags, __FUNCTION__); \
            return retval; \
        } \
    } while (0)

/* Refuse two flags given together. */
#define VIR_EXCLUSIVE_FLAGS_RET(FLAG1, FLAG2, RET) \
    do { \
        if ((flags & (FLAG1)) && (flags & (FLAG2))) { \
            virReportInvalidArg(ctl, \
                                "Flags '%s' and '%s' are mutually exclusive", \
                                #FLAG1, #FLAG2); \
            return RET; \
        } \
    } while (0)

/* The same, jumping to @LABEL (entry points). */
#define VIR_EXCLUSIVE_FLAGS_GOTO(FLAG1, FLAG2, LABEL) \
    do { \
        if ((flags & (FLAG1)) && (flags & (FLAG2))) { \
            virReportInvalidArg(ctl, \
                                "Flags '%s' and '%s' are mutually exclusive", \
                                #FLAG1, #FLAG2); \
            goto LABEL; \
        } \
    } while (0)

#define STREQLEN(a, b, n) (strncmp(a, b, n) == 0)
#define NULLSTR(s) ((s) ? (s) : "<null>")
