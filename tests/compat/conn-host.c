/*
 * conn-host.c: the connection and host calls of test:///default: type,
 * versions, URI, capabilities, node info, memory per cell, CPU
 * statistics and map, free pages, security model, sysinfo, and their
 * argument errors.
 */
#include "compat.h"

static void
showCellsFree(virConnectPtr conn, int start, int max)
{
    unsigned long long mems[8] = { 0 };
    int n = virNodeGetCellsFreeMemory(conn, max > 0 ? mems : NULL, start, max);
    int i;

    printf("virNodeGetCellsFreeMemory(start=%d, max=%d) -> ", start, max);
    if (n < 0) {
        compatShowError("");
        return;
    }
    printf("%d:", n);
    for (i = 0; i < n; i++)
        printf(" %llu", mems[i]);
    printf("\n");
}

static void
showCPUStats(virConnectPtr conn, int cpu, int nparams, unsigned int flags)
{
    virNodeCPUStats params[8];
    int n = nparams;
    int i;

    memset(params, 0, sizeof(params));
    printf("virNodeGetCPUStats(cpu=%d, nparams=%d, flags=0x%x) -> ", cpu, nparams, flags);
    if (virNodeGetCPUStats(conn, cpu, nparams ? params : NULL, &n, flags) < 0) {
        compatShowError("");
        return;
    }
    printf("nparams=%d", n);
    for (i = 0; nparams && i < n; i++)
        printf(" %s=%llu", params[i].field, params[i].value);
    printf("\n");
}

static void
showFreePages(virConnectPtr conn, unsigned int npages, int start, unsigned int cells)
{
    unsigned int pages[3] = { 4, 2048, 1048576 };
    unsigned long long counts[12] = { 0 };
    unsigned int i;

    printf("virNodeGetFreePages(npages=%u, start=%d, cells=%u) -> ", npages, start, cells);
    if (virNodeGetFreePages(conn, npages, pages, start, cells, counts, 0) < 0) {
        compatShowError("");
        return;
    }
    for (i = 0; i < npages * cells; i++)
        printf(" %llu", counts[i]);
    printf("\n");
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr ro;
    unsigned long ver = 0;
    unsigned long libver = 0;
    virNodeInfo info;
    virSecurityModel secmodel;
    unsigned char *cpumap = NULL;
    unsigned int online = 0;
    char *host;

    (void)argc;
    (void)argv;
    compatSection("connection");
    CHECK_CSTR(virConnectGetType(conn));
    CHECK_STR(virConnectGetURI(conn));
    CHECK_INT(virConnectGetVersion(conn, &ver));
    printf("  version=%lu\n", ver);
    CHECK_INT(virConnectGetLibVersion(conn, &libver));
    CHECK_INT(virConnectGetVersion(conn, NULL));
    host = virConnectGetHostname(conn);
    printf("virConnectGetHostname -> %s\n", host && *host ? "non-empty" : "empty");
    free(host);
    CHECK_INT(virConnectGetMaxVcpus(conn, NULL));
    CHECK_INT(virConnectGetMaxVcpus(conn, "kvm"));
    CHECK_INT(virConnectIsSecure(conn));
    CHECK_INT(virConnectIsEncrypted(conn));
    CHECK_INT(virConnectIsAlive(conn));
    CHECK_STR(virConnectGetSysinfo(conn, 0));
    CHECK_STR(virConnectGetSysinfo(conn, 1));
    CHECK_STR(virConnectGetCapabilities(conn));
    CHECK_STR(virConnectGetDomainCapabilities(conn, NULL, NULL, NULL, NULL, 0));

    compatSection("node");
    if (CHECK_INT(virNodeGetInfo(conn, &info)) == 0)
        printf("  model=%s memory=%lu cpus=%u mhz=%u nodes=%u sockets=%u cores=%u threads=%u\n",
               info.model, info.memory, info.cpus, info.mhz, info.nodes,
               info.sockets, info.cores, info.threads);
    CHECK_INT(virNodeGetInfo(conn, NULL));
    CHECK_ULL(virNodeGetFreeMemory(conn), r_ == 0);
    showCellsFree(conn, 0, 8);
    showCellsFree(conn, 1, 8);
    showCellsFree(conn, 0, 1);
    showCellsFree(conn, 2, 8);
    showCellsFree(conn, -1, 8);
    showCellsFree(conn, 0, 0);
    showCPUStats(conn, VIR_NODE_CPU_STATS_ALL_CPUS, 0, 0);
    showCPUStats(conn, 0, 8, 0);
    showCPUStats(conn, 3, 2, 0);
    showCPUStats(conn, -2, 2, 0);
    showCPUStats(conn, 0, 2, 1);
    showFreePages(conn, 3, 0, 2);
    showFreePages(conn, 2, 1, 4);
    showFreePages(conn, 0, 0, 1);
    showFreePages(conn, 1, 0, 0);
    if (CHECK_INT(virNodeGetCPUMap(conn, &cpumap, &online, 0)) >= 0)
        printf("  cpumap=0x%02x online=%u\n", cpumap[0], online);
    free(cpumap);
    CHECK_INT(virNodeGetCPUMap(conn, NULL, NULL, 0));
    CHECK_INT(virNodeGetCPUMap(conn, NULL, NULL, 1));
    if (CHECK_INT(virNodeGetSecurityModel(conn, &secmodel)) == 0)
        printf("  model='%s' doi='%s'\n", secmodel.model, secmodel.doi);
    {
        virNodeMemoryStats mstats[4];
        int n = 4;

        CHECK_INT(virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, mstats, &n, 0));
    }

    compatSection("read-only connection");
    ro = compatOpen("test:///default", VIR_CONNECT_RO);
    CHECK_STR(virConnectGetCapabilities(ro));
    CHECK_STR(virConnectGetDomainCapabilities(ro, NULL, NULL, NULL, NULL, 0));
    CHECK_INT(virConnectClose(ro));

    CHECK_INT(virConnectClose(conn));
    return 0;
}
