/*
 * moment.h: what the snapshot and checkpoint scenarios share (on top of
 * compat.h): documents with their creation times masked, and lists of
 * moments by name.
 *
 * A moment created by the API is stamped with the current time, and one
 * created without a name is named after it: both are printed as TIME.
 * libvirt lists the whole tree (not just roots, not topologically) in
 * the random order of a hash table; those lists are printed sorted.
 */
#pragma once

#include "compat.h"

/* @text with every run of digits that equals @time replaced by TIME. */
static inline void
compatMaskTime(char *text, const char *time)
{
    size_t len = strlen(time);
    char *p = text;

    if (!len)
        return;
    while ((p = strstr(p, time))) {
        memcpy(p, "TIME", 4);
        memmove(p + 4, p + len, strlen(p + len) + 1);
        p += 4;
    }
}

/* Mask every <creationTime>N</creationTime>'s N, wherever it appears. */
static inline void
compatMaskCreationTimes(char *text)
{
    const char *open = "<creationTime>";
    char *p = text;

    while ((p = strstr(p, open))) {
        char time[32];
        size_t n;

        p += strlen(open);
        n = strspn(p, "0123456789");
        if (n == 0 || n >= sizeof(time))
            continue;
        memcpy(time, p, n);
        time[n] = '\0';
        /* fixed times of redefined moments (before 2020) are kept: only
         * "now" varies */
        if (strtoll(time, NULL, 10) >= 1577836800LL)
            compatMaskTime(text, time);
    }
}

/* A document (freed here) with its creation times masked. */
#define CHECK_MOMENT_XML(expr) \
    do { \
        char *x_ = (expr); \
        if (!x_) { \
            compatShowError(#expr); \
        } else { \
            compatMaskCreationTimes(x_); \
            compatShowText(#expr, x_); \
        } \
        free(x_); \
        fflush(stdout); \
    } while (0)

/* Print "EXPR -> N: name..." for @n names (sorted when @sorted), masking
 * names made of a creation time; frees the names. */
static inline void
compatShowMomentNames(const char *expr, char **names, int n, int sorted)
{
    int i;

    if (n < 0) {
        compatShowError(expr);
        return;
    }
    for (i = 0; i < n; i++) {
        /* libvirt counts names beyond the room it was given */
        if (!names[i])
            names[i] = strdup("(unfilled)");
        if (strspn(names[i], "0123456789") == strlen(names[i]) && strlen(names[i]) >= 10)
            strcpy(names[i], "TIME");
    }
    if (sorted)
        qsort(names, n, sizeof(*names), compatCompareNames);
    printf("%s -> %d:", expr, n);
    for (i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
    fflush(stdout);
}

/* virDomainListAllSnapshots and friends: @expr fills the local "list"
 * (or passes NULL for a count); print the count and the names. */
#define CHECK_SNAPSHOT_LIST(expr, sorted) \
    do { \
        virDomainSnapshotPtr *list = NULL; \
        int n_ = (expr); \
        char **names_ = NULL; \
        int i_; \
        if (n_ >= 0 && !list) { \
            printf("%s -> %d\n", #expr, n_); \
        } else { \
            names_ = calloc(n_ > 0 ? n_ : 1, sizeof(*names_)); \
            for (i_ = 0; i_ < n_; i_++) { \
                names_[i_] = strdup(virDomainSnapshotGetName(list[i_])); \
                virDomainSnapshotFree(list[i_]); \
            } \
            compatShowMomentNames(#expr, names_, n_, sorted); \
        } \
        free(names_); \
        free(list); \
    } while (0)

#define CHECK_CHECKPOINT_LIST(expr, sorted) \
    do { \
        virDomainCheckpointPtr *list = NULL; \
        int n_ = (expr); \
        char **names_ = NULL; \
        int i_; \
        if (n_ >= 0 && !list) { \
            printf("%s -> %d\n", #expr, n_); \
        } else { \
            names_ = calloc(n_ > 0 ? n_ : 1, sizeof(*names_)); \
            for (i_ = 0; i_ < n_; i_++) { \
                names_[i_] = strdup(virDomainCheckpointGetName(list[i_])); \
                virDomainCheckpointFree(list[i_]); \
            } \
            compatShowMomentNames(#expr, names_, n_, sorted); \
        } \
        free(names_); \
        free(list); \
    } while (0)

/* virDomainSnapshotListNames and friends into the local "names" (room
 * for 16); libvirt returns the number matched even beyond the room. */
#define CHECK_SNAPSHOT_NAMES(expr, sorted) \
    do { \
        char *names[16] = { NULL }; \
        int n_ = (expr); \
        compatShowMomentNames(#expr, names, n_ > 16 ? 16 : n_, sorted); \
    } while (0)

/* The state and reason of @dom, and the ids its handle and a fresh
 * lookup see. */
static inline void
compatShowDomainState(virConnectPtr conn, virDomainPtr dom)
{
    int state = -1, reason = -1;
    virDomainPtr fresh;

    if (virDomainGetState(dom, &state, &reason, 0) < 0) {
        compatShowError("virDomainGetState");
        return;
    }
    fresh = virDomainLookupByName(conn, virDomainGetName(dom));
    printf("  state=%d reason=%d handle-id=%d id=%d\n", state, reason,
           virDomainGetID(dom), fresh ? virDomainGetID(fresh) : -2);
    if (fresh)
        virDomainFree(fresh);
    fflush(stdout);
}
