/*
 * test_cpu.c: the CPU models the test driver knows (virConnectGetCPUModelNames).
 *
 * The answer is libvirt 9.0.0's CPU map: the x86 models (for i686 and
 * x86_64) and the ppc64 ones (ppc64, ppc64le), in the map's order; the
 * s390 and ARM CPU drivers put no restriction on models (0, no list);
 * other known architectures have no CPU driver, and unknown names are
 * refused.  libvirt's test driver has neither virConnectCompareCPU nor
 * the hypervisor variants, so those stay unimplemented here too.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static const char *const testCPUModelsX86[] = {
    "486", "pentium", "pentium2", "pentium3", "pentiumpro", "coreduo",
    "n270", "core2duo", "qemu32", "kvm32", "cpu64-rhel5", "cpu64-rhel6",
    "qemu64", "kvm64", "Conroe", "Penryn", "Nehalem", "Nehalem-IBRS",
    "Westmere", "Westmere-IBRS", "SandyBridge", "SandyBridge-IBRS",
    "IvyBridge", "IvyBridge-IBRS", "Haswell-noTSX", "Haswell-noTSX-IBRS",
    "Haswell", "Haswell-IBRS", "Broadwell-noTSX", "Broadwell-noTSX-IBRS",
    "Broadwell", "Broadwell-IBRS", "Skylake-Client", "Skylake-Client-IBRS",
    "Skylake-Client-noTSX-IBRS", "Skylake-Server", "Skylake-Server-IBRS",
    "Skylake-Server-noTSX-IBRS", "Cascadelake-Server",
    "Cascadelake-Server-noTSX", "Icelake-Client", "Icelake-Client-noTSX",
    "Icelake-Server", "Icelake-Server-noTSX", "Cooperlake", "Snowridge",
    "athlon", "phenom", "Opteron_G1", "Opteron_G2", "Opteron_G3",
    "Opteron_G4", "Opteron_G5", "EPYC", "EPYC-IBPB", "EPYC-Rome",
    "EPYC-Milan", "Dhyana",
};

static const char *const testCPUModelsPPC64[] = {
    "POWER6", "POWER7", "POWER8", "POWER9", "POWER10",
    "POWERPC_e5500", "POWERPC_e6500",
};

typedef enum {
    TEST_CPU_NO_DRIVER,     /* a known architecture without a CPU driver */
    TEST_CPU_ANY_MODEL,     /* a CPU driver without a model list */
    TEST_CPU_X86,
    TEST_CPU_PPC64,
} testCPUFamily;

/* libvirt's architecture names, with the CPU driver of each */
static const struct {
    const char *name;
    testCPUFamily family;
} testCPUArchs[] = {
    { "alpha", TEST_CPU_NO_DRIVER }, { "armv6l", TEST_CPU_ANY_MODEL },
    { "armv7l", TEST_CPU_ANY_MODEL }, { "armv7b", TEST_CPU_ANY_MODEL },
    { "aarch64", TEST_CPU_ANY_MODEL }, { "cris", TEST_CPU_NO_DRIVER },
    { "i686", TEST_CPU_X86 }, { "ia64", TEST_CPU_NO_DRIVER },
    { "lm32", TEST_CPU_NO_DRIVER }, { "m68k", TEST_CPU_NO_DRIVER },
    { "microblaze", TEST_CPU_NO_DRIVER }, { "microblazeel", TEST_CPU_NO_DRIVER },
    { "mips", TEST_CPU_NO_DRIVER }, { "mipsel", TEST_CPU_NO_DRIVER },
    { "mips64", TEST_CPU_NO_DRIVER }, { "mips64el", TEST_CPU_NO_DRIVER },
    { "openrisc", TEST_CPU_NO_DRIVER }, { "parisc", TEST_CPU_NO_DRIVER },
    { "parisc64", TEST_CPU_NO_DRIVER }, { "ppc", TEST_CPU_NO_DRIVER },
    { "ppcle", TEST_CPU_NO_DRIVER }, { "ppc64", TEST_CPU_PPC64 },
    { "ppc64le", TEST_CPU_PPC64 }, { "ppcemb", TEST_CPU_NO_DRIVER },
    { "riscv32", TEST_CPU_NO_DRIVER }, { "riscv64", TEST_CPU_NO_DRIVER },
    { "s390", TEST_CPU_ANY_MODEL }, { "s390x", TEST_CPU_ANY_MODEL },
    { "sh4", TEST_CPU_NO_DRIVER }, { "sh4eb", TEST_CPU_NO_DRIVER },
    { "sparc", TEST_CPU_NO_DRIVER }, { "sparc64", TEST_CPU_NO_DRIVER },
    { "unicore32", TEST_CPU_NO_DRIVER }, { "x86_64", TEST_CPU_X86 },
    { "xtensa", TEST_CPU_NO_DRIVER }, { "xtensaeb", TEST_CPU_NO_DRIVER },
};

/* The missing CPU driver is the CPU layer's error in libvirt. */
static void
testCPUReportNoDriver(const char *arch)
{
    virReportErrorHelper(VIR_FROM_CPU, VIR_ERR_NO_SUPPORT, __FILE__, __FUNCTION__,
                         __LINE__, "'%s' architecture is not supported by CPU driver",
                         arch);
}

static int
testCPUCopyModels(const char *const *list, size_t n, char ***models)
{
    size_t i;

    if (models) {
        *models = g_new0(char *, n + 1);
        for (i = 0; i < n; i++)
            (*models)[i] = g_strdup(list[i]);
    }
    return n;
}

static int
testConnectGetCPUModelNames(virConnectPtr conn G_GNUC_UNUSED, const char *arch,
                            char ***models, unsigned int flags)
{
    size_t i;

    virCheckFlags(0, -1);

    for (i = 0; i < G_N_ELEMENTS(testCPUArchs); i++) {
        if (STRNEQ(testCPUArchs[i].name, arch))
            continue;
        switch (testCPUArchs[i].family) {
        case TEST_CPU_NO_DRIVER:
            testCPUReportNoDriver(arch);
            return -1;
        case TEST_CPU_ANY_MODEL:
            if (models)
                *models = NULL;
            return 0;
        case TEST_CPU_X86:
            return testCPUCopyModels(testCPUModelsX86, G_N_ELEMENTS(testCPUModelsX86),
                                     models);
        case TEST_CPU_PPC64:
            return testCPUCopyModels(testCPUModelsPPC64,
                                     G_N_ELEMENTS(testCPUModelsPPC64), models);
        }
    }
    virReportError(VIR_ERR_INVALID_ARG, "cannot find architecture %s", arch);
    return -1;
}

void
testCPURegisterMethods(virHypervisorDriver *d)
{
    d->connectGetCPUModelNames = testConnectGetCPUModelNames;
}
