/*
 * host-cpu.c: the CPU models of every architecture name
 * (virConnectGetCPUModelNames, with and without the list), unknown
 * names and bad arguments, and the CPU comparisons libvirt's test
 * driver does not have (virConnectCompareCPU and the hypervisor
 * variants).
 */
#include "compat.h"

static const char *arches[] = {
    "none", "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
    "ia64", "lm32", "m68k", "microblaze", "microblazeel", "mips", "mipsel",
    "mips64", "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppcle",
    "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390", "s390x",
    "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa",
    "xtensaeb", "X86_64", "x86", "", "loongarch64",
};

static const char *cpuXML =
"<cpu><arch>x86_64</arch><model>Haswell</model><vendor>Intel</vendor></cpu>";

static void
models(virConnectPtr conn, const char *arch, unsigned int flags)
{
    char **names = (char **)"poison";
    char expr[96];
    int n;
    int i;

    snprintf(expr, sizeof(expr), "virConnectGetCPUModelNames('%s', 0x%x)", arch, flags);
    n = virConnectGetCPUModelNames(conn, arch, &names, flags);
    if (n < 0) {
        compatShowError(expr);
        return;
    }
    printf("%s -> %d%s", expr, n, names ? ":" : " (no list)");
    for (i = 0; names && names[i]; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    if (names && i != n)
        printf(" (list of %d)", i);
    printf("\n");
    free(names);
    fflush(stdout);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn;
    size_t i;
    const char *cpus[] = { cpuXML };

    (void)argc;
    (void)argv;
    conn = compatOpen("test:///default", 0);

    compatSection("models by architecture");
    for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++)
        models(conn, arches[i], 0);

    compatSection("count only, bad arguments");
    CHECK_INT(virConnectGetCPUModelNames(conn, "x86_64", NULL, 0));
    CHECK_INT(virConnectGetCPUModelNames(conn, "ppc64le", NULL, 0));
    CHECK_INT(virConnectGetCPUModelNames(conn, "aarch64", NULL, 0));
    CHECK_INT(virConnectGetCPUModelNames(conn, "sparc", NULL, 0));
    CHECK_INT(virConnectGetCPUModelNames(conn, "nope", NULL, 0));
    models(conn, "x86_64", 1);
    models(conn, "nope", 1);
    CHECK_INT(virConnectGetCPUModelNames(conn, NULL, NULL, 0));
    CHECK_INT(virConnectGetCPUModelNames(NULL, "x86_64", NULL, 0));

    compatSection("comparisons the test driver lacks");
    CHECK_INT(virConnectCompareCPU(conn, cpuXML, 0));
    CHECK_INT(virConnectCompareCPU(conn, NULL, 0));
    CHECK_INT(virConnectCompareHypervisorCPU(conn, NULL, "x86_64", NULL, NULL, cpuXML, 0));
    CHECK_STR(virConnectBaselineHypervisorCPU(conn, NULL, "x86_64", NULL, NULL, cpus, 1, 0));
    virConnectClose(conn);
    return 0;
}
