/*
 * test_host.c: the simulated host of a test connection: node info,
 * NUMA cells and their memory, CPU statistics and map, the capabilities
 * document, sysinfo and the security model.  Everything here is fixed
 * when the connection opens, so no method takes a lock.
 */
#include "internal.h"
#include "util/virbuffer.h"
#include "util/virtypedparam.h"
#include "conf/capabilities.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_ENUM_DECL(virDomainArch);
VIR_ENUM_DECL(virDomainOS);

/* libvirt's test host: 16 CPUs at 1400 MHz, 3 GiB */
static const virNodeInfo testDefaultNodeInfo = {
    .model = TEST_MODEL,
    .memory = 1024 * 1024 * 3,
    .cpus = 16,
    .mhz = 1400,
    .nodes = 2,
    .sockets = 2,
    .cores = 2,
    .threads = 2,
};

#define TEST_CELL_CPUS 8

void
testHostSetDefaults(testDriver *drv, bool withCells)
{
    size_t i;

    drv->nodeInfo = testDefaultNodeInfo;
    if (!withCells)
        return;
    drv->numCells = 2;
    drv->cells = g_new0(testCell, drv->numCells);
    for (i = 0; i < drv->numCells; i++) {
        drv->cells[i].numCpus = TEST_CELL_CPUS;
        drv->cells[i].mem = (i + 1) * 2048 * 1024;
        drv->cells[i].freeMem = (i + 1) * 1024 * 1024;
    }
}


/* ---- capabilities ---- */

/* host page sizes, KiB; cell 1 counts its memory in the second size */
static const unsigned int testPageSizes[] = { 4, 8, 2048, 1024 * 1024 };

static void
testHostCapsCell(virCapsHostNUMACell *cell, const testCell *tc, size_t i)
{
    size_t npages = G_N_ELEMENTS(testPageSizes) - 1;
    size_t j;

    cell->num = i;
    cell->mem = tc->mem;
    cell->npageinfo = npages;
    cell->pageinfo = g_new0(virCapsHostPage, npages);
    cell->pageinfo[0].size = testPageSizes[i == 1 ? 1 : 0];
    for (j = 1; j < npages; j++)
        cell->pageinfo[j].size = testPageSizes[j + 1];
    cell->pageinfo[0].avail = tc->mem / cell->pageinfo[0].size;

    cell->ncpus = tc->numCpus;
    cell->cpus = g_new0(virCapsHostNUMACellCPU, cell->ncpus);
    for (j = 0; j < cell->ncpus; j++) {
        virCapsHostNUMACellCPU *cpu = &cell->cpus[j];

        cpu->id = i * TEST_CELL_CPUS + j;
        cpu->hasTopology = true;
        cpu->socket_id = i;
        cpu->core_id = j;
        cpu->siblings = g_strdup_printf("%d", cpu->id);
    }
}


static void
testHostCapsGuest(virCapsGuest *guest, int ostype, int arch)
{
    guest->ostype = ostype;
    guest->arch = arch;
    guest->wordsize = 32;
    guest->defaultInfo.emulator = g_strdup(TEST_EMULATOR);
    guest->ndomains = 1;
    guest->domains = g_new0(virCapsGuestDomain, 1);
    guest->domains[0].type = VIR_DOMAIN_VIRT_TEST;
    guest->features[VIR_CAPS_GUEST_FEATURE_TYPE_PAE].present = true;
    guest->features[VIR_CAPS_GUEST_FEATURE_TYPE_NONPAE].present = true;
}


int
testHostBuildCapabilities(testDriver *drv)
{
    g_autoptr(virCaps) caps = g_new0(virCaps, 1);
    int arch = virDomainArchTypeFromString(TEST_MODEL);
    size_t i;

    caps->host.arch = arch;
    caps->host.nfeatures = 2;
    caps->host.features = g_new0(char *, 2);
    caps->host.features[0] = g_strdup("pae");
    caps->host.features[1] = g_strdup("nonpae");
    caps->host.nPagesSize = G_N_ELEMENTS(testPageSizes);
    caps->host.pagesSize = g_memdup2(testPageSizes, sizeof(testPageSizes));

    caps->host.hasNUMA = true;
    caps->host.ncells = drv->numCells;
    caps->host.cells = g_new0(virCapsHostNUMACell, drv->numCells);
    for (i = 0; i < drv->numCells; i++)
        testHostCapsCell(&caps->host.cells[i], &drv->cells[i], i);

    caps->host.nsecModels = 1;
    caps->host.secModels = g_new0(virCapsHostSecModel, 1);
    caps->host.secModels[0].model = g_strdup("testSecurity");
    caps->host.secModels[0].doi = g_strdup("");

    caps->nguests = 2;
    caps->guests = g_new0(virCapsGuest, 2);
    testHostCapsGuest(&caps->guests[0], virDomainOSTypeFromString("hvm"), arch);
    testHostCapsGuest(&caps->guests[1], virDomainOSTypeFromString("xen"), arch);

    if (!(drv->capsXML = virCapabilitiesFormatXML(caps)))
        return -1;
    return 0;
}


static char *
testConnectGetCapabilities(virConnectPtr conn)
{
    return g_strdup(testDriverOf(conn)->capsXML);
}


static int
testNodeGetSecurityModel(virConnectPtr conn G_GNUC_UNUSED, virSecurityModelPtr secmodel)
{
    memset(secmodel, 0, sizeof(*secmodel));
    g_strlcpy(secmodel->model, "testSecurity", sizeof(secmodel->model));
    return 0;
}


/* ---- node info and memory ---- */

static int
testNodeGetInfo(virConnectPtr conn, virNodeInfoPtr info)
{
    *info = testDriverOf(conn)->nodeInfo;
    return 0;
}


static unsigned long long
testNodeGetFreeMemory(virConnectPtr conn)
{
    testDriver *drv = testDriverOf(conn);
    /* libvirt adds the cells' free memory in an unsigned int */
    unsigned int freeMem = 0;
    size_t i;

    for (i = 0; i < drv->numCells; i++)
        freeMem += drv->cells[i].freeMem;
    return freeMem;
}


static int
testNodeGetCellsFreeMemory(virConnectPtr conn, unsigned long long *freeMems,
                           int startCell, int maxCells)
{
    testDriver *drv = testDriverOf(conn);
    size_t cell;
    int n = 0;

    if (startCell >= (int)drv->numCells) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "Range exceeds available cells");
        return -1;
    }
    /* libvirt's test driver answers each cell's size, not its free memory */
    for (cell = startCell; cell < drv->numCells && n < maxCells; cell++)
        freeMems[n++] = drv->cells[cell].mem;
    return n;
}


static int
testNodeGetFreePages(virConnectPtr conn G_GNUC_UNUSED, unsigned int npages,
                     unsigned int *pages G_GNUC_UNUSED, int startCell G_GNUC_UNUSED,
                     unsigned int cellCount, unsigned long long *counts,
                     unsigned int flags)
{
    int32_t x = 6;
    size_t i, j;

    virCheckFlags(0, -1);

    /* a made-up but stable series, as libvirt's test driver gives (an
     * int that wraps around, stored sign-extended) */
    for (i = 0; i < cellCount; i++) {
        for (j = 0; j < npages; j++) {
            x = (int32_t)((uint32_t)x * 2U + 7U);
            counts[i * npages + j] = (unsigned long long)(long long)x;
        }
    }
    return 0;
}


/* ---- CPUs ---- */

static const struct {
    const char *field;
    unsigned long long value;
} testCPUStats[] = {
    { VIR_NODE_CPU_STATS_USER, 9797400000ULL },
    { VIR_NODE_CPU_STATS_KERNEL, 34678723400000ULL },
    { VIR_NODE_CPU_STATS_IDLE, 87264900000ULL },
    { VIR_NODE_CPU_STATS_IOWAIT, 763600000ULL },
};

static int
testNodeGetCPUStats(virConnectPtr conn G_GNUC_UNUSED, int cpuNum G_GNUC_UNUSED,
                    virNodeCPUStatsPtr params, int *nparams, unsigned int flags)
{
    size_t i;

    virCheckFlags(0, -1);

    if (!params) {
        *nparams = G_N_ELEMENTS(testCPUStats);
        return 0;
    }
    for (i = 0; i < (size_t)*nparams && i < G_N_ELEMENTS(testCPUStats); i++) {
        g_strlcpy(params[i].field, testCPUStats[i].field, sizeof(params[i].field));
        params[i].value = testCPUStats[i].value;
    }
    *nparams = i;
    return 0;
}


static int
testNodeGetCPUMap(virConnectPtr conn G_GNUC_UNUSED, unsigned char **cpumap,
                  unsigned int *online, unsigned int flags)
{
    virCheckFlags(0, -1);

    /* 8 CPUs, of which 0, 2 and 4 are online */
    if (cpumap) {
        *cpumap = g_new0(unsigned char, 1);
        (*cpumap)[0] = 0x15;
    }
    if (online)
        *online = 3;
    return 8;
}


static char *
testConnectGetSysinfo(virConnectPtr conn G_GNUC_UNUSED, unsigned int flags)
{
    virCheckFlags(0, NULL);

    return g_strdup("<sysinfo type='smbios'>\n"
                    "  <bios>\n"
                    "    <entry name='vendor'>LENOVO</entry>\n"
                    "    <entry name='version'>G4ETA1WW (2.61 )</entry>\n"
                    "    <entry name='date'>05/07/2014</entry>\n"
                    "    <entry name='release'>2.61</entry>\n"
                    "  </bios>\n"
                    "</sysinfo>\n");
}


void
testHostRegisterMethods(virHypervisorDriver *d)
{
    d->connectGetCapabilities = testConnectGetCapabilities;
    d->connectGetSysinfo = testConnectGetSysinfo;
    d->nodeGetInfo = testNodeGetInfo;
    d->nodeGetFreeMemory = testNodeGetFreeMemory;
    d->nodeGetCellsFreeMemory = testNodeGetCellsFreeMemory;
    d->nodeGetFreePages = testNodeGetFreePages;
    d->nodeGetCPUStats = testNodeGetCPUStats;
    d->nodeGetCPUMap = testNodeGetCPUMap;
    d->nodeGetSecurityModel = testNodeGetSecurityModel;
}
