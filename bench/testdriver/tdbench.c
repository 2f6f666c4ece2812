/*
 * tdbench.c: per-operation cost of the test driver's domain calls with
 * many domains defined, and the process's peak RSS.
 *
 * One source, built twice: against Debian's libvirt 9.0.0 and against
 * nuvirt (bench/testdriver/meson.build, or by hand with cc), so both can
 * be run side by side (bench/testdriver/compare.sh).  Only the public API
 * is used.  Adapted from /work/shared/bench/api_bench.c.
 *
 * Usage: tdbench [URI] [-n N] [-r ROUNDS] [-l LISTCALLS] [-p PREFIX]
 *   URI  default test:///default
 *   -n   domains defined, default 10000
 *   -r   rounds, default 3 (each figure is the median over the rounds)
 *   -l   virConnectListAllDomains calls per round, default 20
 *
 * A round: open, define N domains, look each up by name, GetInfo each,
 * GetXMLDesc each, ListAllDomains L times (freeing every handle), undefine
 * each, close.  Output, one line per figure (ns_per_op is process CPU
 * time per call, wall_ns_per_op the elapsed time):
 *   op=<name> n=<N> ns_per_op=<median> min=<min> max=<max>
 *       wall_ns_per_op=<median> rounds=<R>
 *   mem=<what> n=<N> kb=<kB>
 */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE
#endif
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#define MAX_ROUNDS 64

enum { OP_DEFINE, OP_LOOKUP, OP_INFO, OP_XML, OP_LISTALL, OP_UNDEFINE, OP_LAST };

static const char *const opNames[OP_LAST] = {
    "define", "lookup_by_name", "get_info", "get_xml_desc",
    "list_all_domains", "undefine",
};

static double samples[OP_LAST][MAX_ROUNDS];
static double wallSamples[OP_LAST][MAX_ROUNDS];

typedef struct {
    uint64_t cpu;
    uint64_t wall;
} stamp;

static uint64_t
clockNs(clockid_t id)
{
    struct timespec ts;

    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The machine this runs on is shared: CPU time of the process is the
 * figure compared (the test driver runs in-process); wall time is
 * printed beside it. */
static stamp
nowNs(void)
{
    stamp s = { clockNs(CLOCK_PROCESS_CPUTIME_ID), clockNs(CLOCK_MONOTONIC) };

    return s;
}

static void
die(const char *what)
{
    const char *msg = virGetLastErrorMessage();

    fprintf(stderr, "tdbench: %s failed: %s\n", what, msg ? msg : "(no error)");
    exit(1);
}

static long
statusKb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    size_t klen = strlen(key);
    char line[256];
    long v = -1;

    if (!f)
        return -1;
    while (fgets(line, sizeof(line), f)) {
        if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
            v = strtol(line + klen + 1, NULL, 10);
            break;
        }
    }
    fclose(f);
    return v;
}

static int
cmpDouble(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double
median(double *s, int nr)
{
    qsort(s, nr, sizeof(double), cmpDouble);
    return nr % 2 ? s[nr / 2] : (s[nr / 2 - 1] + s[nr / 2]) / 2.0;
}

static void
report(int op, long n, int nr)
{
    double s[MAX_ROUNDS], w[MAX_ROUNDS];
    double med, wmed;

    memcpy(s, samples[op], sizeof(double) * nr);
    memcpy(w, wallSamples[op], sizeof(double) * nr);
    med = median(s, nr);
    wmed = median(w, nr);
    printf("op=%s n=%ld ns_per_op=%.0f min=%.0f max=%.0f wall_ns_per_op=%.0f rounds=%d\n",
           opNames[op], n, med, s[0], s[nr - 1], wmed, nr);
}

static char *
makeXML(const char *prefix, long i)
{
    char *xml = NULL;

    if (asprintf(&xml,
                 "<domain type='test'>"
                 "<name>%s-%06ld</name>"
                 "<uuid>6a0b0000-0000-4000-8000-%012lx</uuid>"
                 "<memory unit='KiB'>131072</memory>"
                 "<currentMemory unit='KiB'>131072</currentMemory>"
                 "<vcpu>1</vcpu>"
                 "<os><type arch='x86_64'>hvm</type></os>"
                 "<on_poweroff>destroy</on_poweroff>"
                 "<on_reboot>restart</on_reboot>"
                 "<on_crash>destroy</on_crash>"
                 "</domain>", prefix, i, (unsigned long)i) < 0) {
        perror("asprintf");
        exit(1);
    }
    return xml;
}

static void
record(int op, int r, stamp t0, long calls)
{
    stamp t1 = nowNs();

    samples[op][r] = (double)(t1.cpu - t0.cpu) / calls;
    wallSamples[op][r] = (double)(t1.wall - t0.wall) / calls;
}

static void
oneRound(const char *uri, int r, long n, long nlist, char **xml, char **names,
         virDomainPtr *doms, long *rssDefined)
{
    virConnectPtr c = virConnectOpen(uri);
    stamp t0;
    long i;

    if (!c)
        die("virConnectOpen");

    t0 = nowNs();
    for (i = 0; i < n; i++)
        if (!(doms[i] = virDomainDefineXML(c, xml[i])))
            die("virDomainDefineXML");
    record(OP_DEFINE, r, t0, n);
    if (r == 0)
        *rssDefined = statusKb("VmRSS");

    t0 = nowNs();
    for (i = 0; i < n; i++) {
        virDomainPtr d = virDomainLookupByName(c, names[i]);

        if (!d)
            die("virDomainLookupByName");
        virDomainFree(d);
    }
    record(OP_LOOKUP, r, t0, n);

    t0 = nowNs();
    for (i = 0; i < n; i++) {
        virDomainInfo info;

        if (virDomainGetInfo(doms[i], &info) < 0)
            die("virDomainGetInfo");
    }
    record(OP_INFO, r, t0, n);

    t0 = nowNs();
    for (i = 0; i < n; i++) {
        char *x = virDomainGetXMLDesc(doms[i], 0);

        if (!x)
            die("virDomainGetXMLDesc");
        free(x);
    }
    record(OP_XML, r, t0, n);

    t0 = nowNs();
    for (i = 0; i < nlist; i++) {
        virDomainPtr *list = NULL;
        int k, got = virConnectListAllDomains(c, &list, 0);

        if (got < 0)
            die("virConnectListAllDomains");
        if (got < n) {
            fprintf(stderr, "tdbench: ListAllDomains returned %d < %ld\n", got, n);
            exit(1);
        }
        for (k = 0; k < got; k++)
            virDomainFree(list[k]);
        free(list);
    }
    record(OP_LISTALL, r, t0, nlist);

    t0 = nowNs();
    for (i = 0; i < n; i++) {
        if (virDomainUndefine(doms[i]) < 0)
            die("virDomainUndefine");
        virDomainFree(doms[i]);
        doms[i] = NULL;
    }
    record(OP_UNDEFINE, r, t0, n);

    virConnectClose(c);
}

int
main(int argc, char **argv)
{
    const char *uri = "test:///default";
    const char *prefix = "tdb";
    long n = 10000, nlist = 20, i, rssBase, rssDefined = -1;
    int rounds = 3, opt, r, op;
    unsigned long libver = 0;
    char **xml, **names;
    virDomainPtr *doms;
    struct rusage ru;

    while ((opt = getopt(argc, argv, "n:r:l:p:h")) != -1) {
        switch (opt) {
        case 'n': n = strtol(optarg, NULL, 10); break;
        case 'r': rounds = atoi(optarg); break;
        case 'l': nlist = strtol(optarg, NULL, 10); break;
        case 'p': prefix = optarg; break;
        default:
            fprintf(stderr, "usage: %s [URI] [-n N] [-r ROUNDS] [-l LISTCALLS] [-p PREFIX]\n",
                    argv[0]);
            return opt == 'h' ? 0 : 2;
        }
    }
    if (optind < argc)
        uri = argv[optind];
    if (rounds < 1 || rounds > MAX_ROUNDS || n < 1 || nlist < 1) {
        fprintf(stderr, "tdbench: need 1 <= ROUNDS <= %d, N >= 1, LISTCALLS >= 1\n",
                MAX_ROUNDS);
        return 2;
    }

    xml = calloc(n, sizeof(*xml));
    names = calloc(n, sizeof(*names));
    doms = calloc(n, sizeof(*doms));
    if (!xml || !names || !doms) {
        perror("calloc");
        return 1;
    }
    for (i = 0; i < n; i++) {
        xml[i] = makeXML(prefix, i);
        if (asprintf(&names[i], "%s-%06ld", prefix, i) < 0)
            return 1;
    }

    if (virInitialize() < 0)
        die("virInitialize");
    virGetVersion(&libver, NULL, NULL);
    printf("# tdbench uri=%s libvirt_version=%lu n=%ld rounds=%d list_calls=%ld\n",
           uri, libver, n, rounds, nlist);
    rssBase = statusKb("VmRSS");

    for (r = 0; r < rounds; r++)
        oneRound(uri, r, n, nlist, xml, names, doms, &rssDefined);

    for (op = 0; op < OP_LAST; op++)
        report(op, n, rounds);
    getrusage(RUSAGE_SELF, &ru);
    printf("mem=rss_before_define n=%ld kb=%ld\n", n, rssBase);
    printf("mem=rss_after_define n=%ld kb=%ld\n", n, rssDefined);
    printf("mem=peak_rss n=%ld kb=%ld\n", n, ru.ru_maxrss);

    for (i = 0; i < n; i++) {
        free(xml[i]);
        free(names[i]);
    }
    free(xml);
    free(names);
    free(doms);
    return 0;
}
