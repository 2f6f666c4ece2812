/*
 * testutils.h: the small harness every unit test uses.
 *
 *   static int test_x(void) { CHECK(1 + 1 == 2); return 0; }
 *   int main(void) { return virTestRun("x", test_x) ... ; }
 *
 * Each case prints "ok N - name" or "not ok N - name" (TAP); a failed
 * CHECK prints the file, line and expression and fails the case.
 */
#pragma once

#include <stdio.h>
#include <string.h>
#include <glib.h>

extern int virTestCounter;
extern int virTestFailed;

#define CHECK(expr) \
    do { \
        if (!(expr)) { \
            fprintf(stderr, "%s:%d: check failed: %s\n", \
                    __FILE__, __LINE__, #expr); \
            return -1; \
        } \
    } while (0)

#define CHECK_STREQ(a, b) \
    do { \
        const char *_a = (a), *_b = (b); \
        if (g_strcmp0(_a, _b) != 0) { \
            fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\" (%s)\n", \
                    __FILE__, __LINE__, _b ? _b : "(null)", \
                    _a ? _a : "(null)", #a); \
            return -1; \
        } \
    } while (0)

#define CHECK_INTEQ(a, b) \
    do { \
        long long _a = (long long)(a), _b = (long long)(b); \
        if (_a != _b) { \
            fprintf(stderr, "%s:%d: expected %lld, got %lld (%s)\n", \
                    __FILE__, __LINE__, _b, _a, #a); \
            return -1; \
        } \
    } while (0)

/* Run one case; returns 0 if it passed, -1 if not. */
int virTestRun(const char *name, int (*fn)(void));
int virTestRunData(const char *name, int (*fn)(const void *), const void *data);

/* Exit status for main(): 0 if every case passed, else 1.  Also prints
 * the TAP plan. */
int virTestDone(void);

/* A fresh temporary directory, removed with its contents at exit. */
const char *virTestTempDir(void);
