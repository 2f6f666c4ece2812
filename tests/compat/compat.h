/*
 * compat.h: helpers for the scenario programs of tests/compat.
 *
 * Each scenario is built twice from one source, against Debian's libvirt
 * and against nuvirt, and both builds print what they see; the outputs
 * must be identical (scripts/check-compat.py).  Only the public API is
 * used, so this header must compile against either set of headers.
 *
 * Every CHECK_* macro evaluates its expression once, prints one line
 * "EXPR -> RESULT" (or the last error, "EXPR -> error DOMAIN/CODE:
 * MESSAGE") and yields the expression's value.  Print nothing that
 * differs from run to run (random UUIDs, times, PIDs).
 */
#pragma once

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

/* Run a scenario: argv[1], when given, is the tests/compat/data folder. */
#define COMPAT_DATA_DIR(argc, argv) ((argc) > 1 ? (argv)[1] : "tests/compat/data")

static inline void
compatSection(const char *title)
{
    printf("\n== %s\n", title);
    fflush(stdout);
}

/* One line for the calling thread's last error (or its absence). */
static inline void
compatShowError(const char *expr)
{
    virErrorPtr err = virGetLastError();

    if (!err) {
        printf("%s -> failed, no error set\n", expr);
        return;
    }
    printf("%s -> error %d/%d: %s\n", expr, err->domain, err->code,
           err->message ? err->message : "(null)");
}

/* Print @text after "EXPR ->", on its own lines when it has several. */
static inline void
compatShowText(const char *expr, const char *text)
{
    if (strchr(text, '\n')) {
        size_t len = strlen(text);

        printf("%s ->\n%s%s", expr, text,
               len && text[len - 1] == '\n' ? "" : "\n");
    } else {
        printf("%s -> '%s'\n", expr, text);
    }
}

/* An int-returning call: negative is a failure. */
#define CHECK_INT(expr) \
    __extension__ ({ \
        int r_ = (expr); \
        if (r_ < 0) \
            compatShowError(#expr); \
        else \
            printf("%s -> %d\n", #expr, r_); \
        fflush(stdout); \
        r_; \
    })

/* An unsigned long long result with a separate success test. */
#define CHECK_ULL(expr, failed) \
    __extension__ ({ \
        unsigned long long r_ = (expr); \
        if (failed) \
            compatShowError(#expr); \
        else \
            printf("%s -> %llu\n", #expr, r_); \
        fflush(stdout); \
        r_; \
    })

/* A call returning a string the caller frees (NULL is a failure). */
#define CHECK_STR(expr) \
    do { \
        char *s_ = (expr); \
        if (!s_) \
            compatShowError(#expr); \
        else \
            compatShowText(#expr, s_); \
        free(s_); \
        fflush(stdout); \
    } while (0)

/* A call returning a string owned by the object (not freed). */
#define CHECK_CSTR(expr) \
    do { \
        const char *s_ = (expr); \
        if (!s_) \
            compatShowError(#expr); \
        else \
            compatShowText(#expr, s_); \
        fflush(stdout); \
    } while (0)

/* A call returning an object or other pointer: NULL is a failure. */
#define CHECK_PTR(expr) \
    __extension__ ({ \
        __typeof__(expr) p_ = (expr); \
        if (!p_) \
            compatShowError(#expr); \
        else \
            printf("%s -> ok\n", #expr); \
        fflush(stdout); \
        p_; \
    })

/* A call that must fail: print its error (or that it succeeded). */
#define CHECK_FAIL_PTR(expr) \
    do { \
        __typeof__(expr) p_ = (expr); \
        if (!p_) \
            compatShowError(#expr); \
        else \
            printf("%s -> unexpectedly ok\n", #expr); \
        fflush(stdout); \
    } while (0)

/* Print a name list of @n entries and free it (as virConnectList*). */
static inline void
compatShowNames(const char *expr, char **names, int n)
{
    int i;

    if (n < 0) {
        compatShowError(expr);
        return;
    }
    printf("%s -> %d:", expr, n);
    for (i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
    fflush(stdout);
}

/* Open a connection or end the scenario. */
static inline virConnectPtr
compatOpen(const char *uri, unsigned int flags)
{
    virConnectPtr conn = virConnectOpenAuth(uri, virConnectAuthPtrDefault,
                                            flags);

    if (!conn) {
        compatShowError("virConnectOpen");
        exit(1);
    }
    printf("open %s -> ok\n", uri);
    return conn;
}

static inline int
compatCompareNames(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* As compatShowNames, sorted first: drivers list objects in hash order,
 * which libvirt seeds randomly. */
static inline void
compatShowSortedNames(const char *expr, char **names, int n)
{
    if (n > 0)
        qsort(names, n, sizeof(*names), compatCompareNames);
    compatShowNames(expr, names, n);
}

static int
compatDomainNameCmp(const void *a, const void *b)
{
    return strcmp(virDomainGetName(*(virDomainPtr const *)a),
                  virDomainGetName(*(virDomainPtr const *)b));
}

/* List the domains matching @flags by name (libvirt's order is its hash
 * table's), one line each: id, state/reason, persistence, managed save,
 * autostart. */
static inline void
compatShowDomains(virConnectPtr conn, unsigned int flags)
{
    virDomainPtr *doms = NULL;
    int n = virConnectListAllDomains(conn, &doms, flags);
    int i;

    if (n < 0) {
        compatShowError("virConnectListAllDomains");
        return;
    }
    printf("virConnectListAllDomains(0x%x) -> %d\n", flags, n);
    qsort(doms, n, sizeof(*doms), compatDomainNameCmp);
    for (i = 0; i < n; i++) {
        int state = -1, reason = -1, autostart = -1;

        virDomainGetState(doms[i], &state, &reason, 0);
        virDomainGetAutostart(doms[i], &autostart);
        printf("  %s id=%d state=%d/%d persistent=%d managedsave=%d autostart=%d\n",
               virDomainGetName(doms[i]), (int)virDomainGetID(doms[i]), state, reason,
               virDomainIsPersistent(doms[i]),
               virDomainHasManagedSaveImage(doms[i], 0), autostart);
        virDomainFree(doms[i]);
    }
    free(doms);
    fflush(stdout);
}

/* Open @uri expecting either a connection or an error, and say which. */
static inline virConnectPtr
compatTryOpen(const char *uri, virConnectAuthPtr auth, unsigned int flags)
{
    virConnectPtr conn = virConnectOpenAuth(uri, auth, flags);

    if (!conn)
        compatShowError("virConnectOpenAuth");
    else
        printf("virConnectOpenAuth -> ok\n");
    fflush(stdout);
    return conn;
}
