/*
 * virsh-domain-tune.c: a domain's resources and their tuning: setmem,
 * setmaxmem, update-memory-device, memtune, numatune, perf, schedinfo,
 * blkiotune, blkdeviotune, domiftune, domif-setlink,
 * set-lifecycle-action, domlaunchsecinfo, domsetlaunchsecstate,
 * dom-fd-associate.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "virsh.h"

/* --config/--live/--current, checked for conflicts. */
static bool
virshTuneFlags(vshControl *ctl, const vshCmd *cmd, unsigned int *flags)
{
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    bool current = vshCommandOptBool(cmd, "current");

    VSH_EXCLUSIVE_OPTIONS_VAR(current, live);
    VSH_EXCLUSIVE_OPTIONS_VAR(current, config);
    *flags = VIR_DOMAIN_AFFECT_CURRENT;
    if (config)
        *flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (live)
        *flags |= VIR_DOMAIN_AFFECT_LIVE;
    return true;
}

/* "field          : value" for each parameter. */
static void
virshPrintTypedParams(vshControl *ctl, virTypedParameterPtr params, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        g_autofree char *str = vshGetTypedParamValue(ctl, &params[i]);

        vshPrint(ctl, "%-15s: %s\n", params[i].field, str);
    }
}

/* A size option in KiB (bytes / 1024 rounded up) under the KiB limit of
 * an unsigned long. */
static int
virshMemorySizeKiB(vshControl *ctl, const vshCmd *cmd, const char *name,
                   unsigned long *kib)
{
    unsigned long long bytes = 0;
    unsigned long long max = sizeof(unsigned long) < sizeof(max) ?
                             1024ull * ULONG_MAX : ULONG_MAX;

    if (vshCommandOptScaledInt(ctl, cmd, name, &bytes, 1024, max) < 0)
        return -1;
    *kib = (bytes + 1023) / 1024;
    return 0;
}

/* ---- setmem, setmaxmem ---- */

static const vshCmdInfo info_setmem = {
    .help = "change memory allocation",
    .desc = "Change the current memory allocation in the guest domain.",
};

static const vshCmdOptDef opts_setmem[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_ALIAS("kilobytes", "size"),
    VSH_INT_REQ("size", "new memory size, as scaled integer (default KiB)"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdSetmem(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    bool any = vshCommandOptBool(cmd, "config") ||
               vshCommandOptBool(cmd, "live") ||
               vshCommandOptBool(cmd, "current");
    unsigned long kib = 0;
    unsigned int flags;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    /* without a choice, the running domain */
    if (!any)
        flags = VIR_DOMAIN_AFFECT_LIVE;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshMemorySizeKiB(ctl, cmd, "size", &kib) < 0)
        return false;
    return virDomainSetMemoryFlags(dom, kib, flags) == 0;
}

static const vshCmdInfo info_setmaxmem = {
    .help = "change maximum memory limit",
    .desc = "Change the maximum memory allocation limit in the guest domain.",
};

static const vshCmdOptDef opts_setmaxmem[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_ALIAS("kilobytes", "size"),
    VSH_INT_REQ("size",
        "new maximum memory size, as scaled integer (default KiB)"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static bool
cmdSetmaxmem(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    unsigned long kib = 0;
    unsigned int flags;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virshMemorySizeKiB(ctl, cmd, "size", &kib) < 0)
        return false;
    if (virDomainSetMemoryFlags(dom, kib, flags | VIR_DOMAIN_MEM_MAXIMUM) < 0) {
        vshError(ctl, "%s", "Unable to change MaxMemorySize");
        return false;
    }
    return true;
}

static const vshCmdInfo info_update_memory_device = {
    .help = "update memory device of a domain",
    .desc = "Update values of a memory device of a domain",
};

static const vshCmdOptDef opts_update_memory_device[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_BOOL("print-xml",
        "print updated memory device XML instead of executing the change"),
    VSH_STRING("alias", "memory device alias",
        .completer = virshDomainDeviceAliasCompleter),
    VSH_INT("node", "memory device target node"),
    VSH_INT("requested-size",
        "new value of <requested/> size, as scaled integer (default KiB)"),
    VSH_OPT_END
};

/* The <memory> device the options select, with its new requested size,
 * as XML; NULL on error. */
static char *
virshGetUpdatedMemoryXML(vshControl *ctl, const vshCmd *cmd, virDomainPtr dom,
                         unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *mems = NULL;
    g_autofree char *xpath = NULL;
    const char *alias = NULL;
    unsigned int node = 0;
    int n;

    if (virshDomainGetXMLFromDom(ctl, dom, (flags & VIR_DOMAIN_AFFECT_CONFIG) ?
                                 VIR_DOMAIN_XML_INACTIVE : 0, &doc, &ctxt) < 0)
        return NULL;
    if (vshCommandOptStringReq(ctl, cmd, "alias", &alias) < 0 ||
        vshCommandOptUInt(ctl, cmd, "node", &node) < 0)
        return NULL;
    if (vshCommandOptBool(cmd, "node"))
        xpath = g_strdup_printf("/domain/devices/memory[./target/node='%u']",
                                node);
    else if (alias)
        xpath = g_strdup_printf("/domain/devices/memory[./alias/@name='%s']",
                                alias);
    else
        xpath = g_strdup("/domain/devices/memory");

    if ((n = virshXPathNodeSet(ctl, xpath, ctxt, &mems)) < 0)
        return NULL;
    if (n == 0) {
        vshError(ctl, "no memory device found");
        return NULL;
    }
    if (n > 1) {
        vshError(ctl, "multiple memory devices found, use --alias or --node to select one");
        return NULL;
    }
    ctxt->node = mems[0];

    if (vshCommandOptBool(cmd, "requested-size")) {
        unsigned long long bytes = 0;
        g_autofree char *kib = NULL;
        xmlNodePtr requested;

        if (vshCommandOptScaledInt(ctl, cmd, "requested-size", &bytes, 1024,
                                   ULLONG_MAX) < 0)
            return NULL;
        if (!(requested = virshXPathNode("./target/requested", ctxt))) {
            vshError(ctl, "virtio-mem device is missing <requested/>");
            return NULL;
        }
        kib = g_strdup_printf("%llu", (bytes + 1023) / 1024);
        xmlNodeSetContent(requested, BAD_CAST kib);
    }
    return virshXMLNodeToString(doc, mems[0]);
}

static bool
cmdUpdateMemoryDevice(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *xml = NULL;
    unsigned int flags;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    VSH_EXCLUSIVE_OPTIONS("node", "alias");
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (!(xml = virshGetUpdatedMemoryXML(ctl, cmd, dom, flags)))
        return false;
    if (vshCommandOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", xml);
        return true;
    }
    return virDomainUpdateDeviceFlags(dom, xml, flags) == 0;
}

/* ---- the get-or-set tuning commands ---- */

/*
 * Show the parameters (set is empty) or set them: the common tail of
 * memtune, numatune, blkiotune, blkdeviotune and domiftune.  @get reads
 * into @params (NULL to count); @print shows them (NULL: the plain
 * listing).
 */
typedef struct {
    int (*get)(virDomainPtr dom, const char *dev, virTypedParameterPtr params,
               int *n, unsigned int flags);
    int (*set)(virDomainPtr dom, const char *dev, virTypedParameterPtr params,
               int n, unsigned int flags);
    void (*print)(vshControl *ctl, virTypedParameterPtr params, int n);
    const char *errCount;     /* "Unable to get number of ... parameters" */
    const char *errGet;
    const char *errSet;
    const char *countDev;     /* blkdeviotune counts with no disk */
    bool countWithDev;
} virshTuneOps;

static bool
virshTuneGetOrSet(vshControl *ctl, virDomainPtr dom, const char *dev,
                  const virshTuneOps *ops, virTypedParameterPtr params,
                  int nparams, unsigned int flags)
{
    g_autofree virTypedParameterPtr got = NULL;
    int n = 0;
    bool ret = false;

    if (nparams) {
        if (ops->set(dom, dev, params, nparams, flags) < 0) {
            vshError(ctl, "%s", ops->errSet);
            return false;
        }
        return true;
    }

    if (ops->get(dom, ops->countWithDev ? dev : NULL, NULL, &n, flags) != 0) {
        vshError(ctl, "%s", ops->errCount);
        return false;
    }
    if (n == 0)
        return true;
    got = g_new0(virTypedParameter, n);
    if (ops->get(dom, dev, got, &n, flags) != 0) {
        vshError(ctl, "%s", ops->errGet);
        goto cleanup;
    }
    if (ops->print)
        ops->print(ctl, got, n);
    else
        virshPrintTypedParams(ctl, got, n);
    ret = true;

 cleanup:
    virTypedParamsClear(got, n);
    return ret;
}

static const vshCmdInfo info_memtune = {
    .help = "Get or set memory parameters",
    .desc = "Get or set the current memory parameters for a guest domain.\n"
            "    To get the memory parameters use following command: \n"
            "\n"
            "    virsh # memtune <domain>",
};

static const vshCmdOptDef opts_memtune[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT("hard-limit", "Max memory, as scaled integer (default KiB)"),
    VSH_INT("soft-limit",
        "Memory during contention, as scaled integer (default KiB)"),
    VSH_INT("swap-hard-limit",
        "Max memory plus swap, as scaled integer (default KiB)"),
    VSH_INT("min-guarantee",
        "Min guaranteed memory, as scaled integer (default KiB)"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static int
virshMemtuneGet(virDomainPtr dom, const char *dev G_GNUC_UNUSED,
                virTypedParameterPtr params, int *n, unsigned int flags)
{
    return virDomainGetMemoryParameters(dom, params, n, flags);
}

static int
virshMemtuneSet(virDomainPtr dom, const char *dev G_GNUC_UNUSED,
                virTypedParameterPtr params, int n, unsigned int flags)
{
    return virDomainSetMemoryParameters(dom, params, n, flags);
}

static void
virshMemtunePrint(vshControl *ctl, virTypedParameterPtr params, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        if (params[i].type == VIR_TYPED_PARAM_ULLONG &&
            params[i].value.ul == VIR_DOMAIN_MEMORY_PARAM_UNLIMITED) {
            vshPrint(ctl, "%-15s: %s\n", params[i].field, "unlimited");
        } else {
            g_autofree char *str = vshGetTypedParamValue(ctl, &params[i]);

            vshPrint(ctl, "%-15s: %s\n", params[i].field, str);
        }
    }
}

/* A memtune limit in KiB; a negative one means unlimited.  1 when
 * given, 0 when absent, -1 when malformed. */
static int
virshMemtuneGetSize(vshControl *ctl, const vshCmd *cmd, const char *name,
                    long long *value)
{
    unsigned long long tmp;
    const char *str;
    char *end;
    int ret;

    if ((ret = vshCommandOptStringQuiet(ctl, cmd, name, &str)) <= 0)
        return ret;
    errno = 0;
    *value = strtoll(str, &end, 10);
    if (errno || end == str)
        return -1;
    if (*value < 0) {
        *value = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
        return 1;
    }
    tmp = *value;
    if (vshScaleInteger(&tmp, end, 1024, LLONG_MAX) < 0)
        return -1;
    *value = (tmp + 1023) / 1024;
    return 1;
}

static bool
cmdMemtune(vshControl *ctl, const vshCmd *cmd)
{
    static const virshTuneOps ops = {
        .get = virshMemtuneGet,
        .set = virshMemtuneSet,
        .print = virshMemtunePrint,
        .errCount = "Unable to get number of memory parameters",
        .errGet = "Unable to get memory parameters",
        .errSet = "Unable to change memory parameters",
    };
    static const struct {
        const char *option;
        const char *field;
    } limits[] = {
        { "hard-limit", VIR_DOMAIN_MEMORY_HARD_LIMIT },
        { "soft-limit", VIR_DOMAIN_MEMORY_SOFT_LIMIT },
        { "swap-hard-limit", VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT },
        { "min-guarantee", VIR_DOMAIN_MEMORY_MIN_GUARANTEE },
    };
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    bool ret = false;
    size_t i;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    for (i = 0; i < G_N_ELEMENTS(limits); i++) {
        long long v;
        int rc = virshMemtuneGetSize(ctl, cmd, limits[i].option, &v);

        if (rc < 0) {
            vshError(ctl, "Unable to parse integer parameter %s",
                     limits[i].option);
            goto cleanup;
        }
        if (rc == 1)
            virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                    limits[i].field, v);
    }
    ret = virshTuneGetOrSet(ctl, dom, NULL, &ops, params, nparams, flags);

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

static const vshCmdInfo info_numatune = {
    .help = "Get or set numa parameters",
    .desc = "Get or set the current numa parameters for a guest domain.\n"
            "    To get the numa parameters use following command: \n"
            "\n"
            "    virsh # numatune <domain>",
};

static const vshCmdOptDef opts_numatune[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_STRING("mode",
        "NUMA mode, one of strict, preferred and interleave \n"
        "or a number from the virDomainNumatuneMemMode enum",
        .completer = virshDomainNumatuneModeCompleter),
    VSH_STRING("nodeset", "NUMA node selections to set"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static const char *const virshNumatuneModes[] = {
    "strict", "preferred", "interleave", "restrictive", NULL,
};

static int
virshNumatuneGet(virDomainPtr dom, const char *dev G_GNUC_UNUSED,
                 virTypedParameterPtr params, int *n, unsigned int flags)
{
    return virDomainGetNumaParameters(dom, params, n, flags);
}

static int
virshNumatuneSet(virDomainPtr dom, const char *dev G_GNUC_UNUSED,
                 virTypedParameterPtr params, int n, unsigned int flags)
{
    return virDomainSetNumaParameters(dom, params, n, flags);
}

static void
virshNumatunePrint(vshControl *ctl, virTypedParameterPtr params, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        if (params[i].type == VIR_TYPED_PARAM_INT &&
            strcmp(params[i].field, VIR_DOMAIN_NUMA_MODE) == 0) {
            int m = params[i].value.i;

            vshPrint(ctl, "%-15s: %s\n", params[i].field,
                     m >= 0 && m < (int)G_N_ELEMENTS(virshNumatuneModes) - 1 ?
                     virshNumatuneModes[m] : "(null)");
        } else {
            g_autofree char *str = vshGetTypedParamValue(ctl, &params[i]);

            vshPrint(ctl, "%-15s: %s\n", params[i].field, str);
        }
    }
}

static bool
cmdNumatune(vshControl *ctl, const vshCmd *cmd)
{
    static const virshTuneOps ops = {
        .get = virshNumatuneGet,
        .set = virshNumatuneSet,
        .print = virshNumatunePrint,
        .errCount = "Unable to get number of memory parameters",
        .errGet = "Unable to get numa parameters",
        .errSet = "Unable to change numa parameters",
    };
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    const char *nodeset = NULL;
    const char *mode = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    bool ret = false;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "nodeset", &nodeset) < 0)
        goto cleanup;
    if (nodeset)
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_DOMAIN_NUMA_NODESET, nodeset);
    if (vshCommandOptStringReq(ctl, cmd, "mode", &mode) < 0)
        goto cleanup;
    if (mode) {
        int m;

        /* a name, or a number the server may know better */
        for (m = 0; virshNumatuneModes[m]; m++) {
            if (strcmp(virshNumatuneModes[m], mode) == 0)
                break;
        }
        if (!virshNumatuneModes[m] && vshStrToInt(mode, 0, &m) < 0) {
            vshError(ctl, "Invalid mode: %s", mode);
            goto cleanup;
        }
        virTypedParamsAddInt(&params, &nparams, &maxparams,
                             VIR_DOMAIN_NUMA_MODE, m);
    }
    ret = virshTuneGetOrSet(ctl, dom, NULL, &ops, params, nparams, flags);

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

static const vshCmdInfo info_blkiotune = {
    .help = "Get or set blkio parameters",
    .desc = "Get or set the current blkio parameters for a guest domain.\n"
            "    To get the blkio parameters use following command: \n"
            "\n"
            "    virsh # blkiotune <domain>",
};

static const vshCmdOptDef opts_blkiotune[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT("weight", "IO Weight"),
    VSH_STRING("device-weights",
        "per-device IO Weights, in the form of /path/to/device,weight,...",
        .completer = virshCompleteEmpty),
    VSH_STRING("device-read-iops-sec",
        "per-device read I/O limit per second, in the form of /path/to/device,read_iops_sec,...",
        .completer = virshCompleteEmpty),
    VSH_STRING("device-write-iops-sec",
        "per-device write I/O limit per second, in the form of /path/to/device,write_iops_sec,...",
        .completer = virshCompleteEmpty),
    VSH_STRING("device-read-bytes-sec",
        "per-device bytes read per second, in the form of /path/to/device,read_bytes_sec,...",
        .completer = virshCompleteEmpty),
    VSH_STRING("device-write-bytes-sec",
        "per-device bytes wrote per second, in the form of /path/to/device,write_bytes_sec,...",
        .completer = virshCompleteEmpty),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static int
virshBlkiotuneGet(virDomainPtr dom, const char *dev G_GNUC_UNUSED,
                  virTypedParameterPtr params, int *n, unsigned int flags)
{
    return virDomainGetBlkioParameters(dom, params, n, flags);
}

static int
virshBlkiotuneSet(virDomainPtr dom, const char *dev G_GNUC_UNUSED,
                  virTypedParameterPtr params, int n, unsigned int flags)
{
    return virDomainSetBlkioParameters(dom, params, n, flags);
}

static bool
cmdBlkiotune(vshControl *ctl, const vshCmd *cmd)
{
    static const virshTuneOps ops = {
        .get = virshBlkiotuneGet,
        .set = virshBlkiotuneSet,
        .errCount = "Unable to get number of blkio parameters",
        .errGet = "Unable to get blkio parameters",
        .errSet = "Unable to change blkio parameters",
    };
    static const struct {
        const char *option;
        const char *field;
    } strings[] = {
        { "device-weights", VIR_DOMAIN_BLKIO_DEVICE_WEIGHT },
        { "device-read-iops-sec", VIR_DOMAIN_BLKIO_DEVICE_READ_IOPS },
        { "device-write-iops-sec", VIR_DOMAIN_BLKIO_DEVICE_WRITE_IOPS },
        { "device-read-bytes-sec", VIR_DOMAIN_BLKIO_DEVICE_READ_BPS },
        { "device-write-bytes-sec", VIR_DOMAIN_BLKIO_DEVICE_WRITE_BPS },
    };
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    bool ret = false;
    int weight = 0;
    size_t i;
    int rv;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if ((rv = vshCommandOptInt(ctl, cmd, "weight", &weight)) < 0)
        goto cleanup;
    if (rv > 0) {
        if (weight <= 0) {
            vshError(ctl, "Invalid value of %d for I/O weight", weight);
            goto cleanup;
        }
        virTypedParamsAddUInt(&params, &nparams, &maxparams,
                              VIR_DOMAIN_BLKIO_WEIGHT, weight);
    }
    for (i = 0; i < G_N_ELEMENTS(strings); i++) {
        const char *value = NULL;

        if ((rv = vshCommandOptStringQuiet(ctl, cmd, strings[i].option,
                                           &value)) < 0) {
            vshError(ctl, "%s", "Unable to parse string parameter");
            goto cleanup;
        }
        if (rv > 0)
            virTypedParamsAddString(&params, &nparams, &maxparams,
                                    strings[i].field, value);
    }
    ret = virshTuneGetOrSet(ctl, dom, NULL, &ops, params, nparams, flags);

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

static const vshCmdInfo info_blkdeviotune = {
    .help = "Set or query a block device I/O tuning parameters.",
    .desc = "Set or query disk I/O parameters such as block throttling.",
};

static const vshCmdOptDef opts_blkdeviotune[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_DATA("device", "block device",
        .completer = virshDomainDiskTargetCompleter),
    VSH_ALIAS("total_bytes_sec", "total-bytes-sec"),
    VSH_INT("total-bytes-sec",
        "total throughput limit, as scaled integer (default bytes)"),
    VSH_ALIAS("read_bytes_sec", "read-bytes-sec"),
    VSH_INT("read-bytes-sec",
        "read throughput limit, as scaled integer (default bytes)"),
    VSH_ALIAS("write_bytes_sec", "write-bytes-sec"),
    VSH_INT("write-bytes-sec",
        "write throughput limit, as scaled integer (default bytes)"),
    VSH_ALIAS("total_iops_sec", "total-iops-sec"),
    VSH_INT("total-iops-sec", "total I/O operations limit per second"),
    VSH_ALIAS("read_iops_sec", "read-iops-sec"),
    VSH_INT("read-iops-sec", "read I/O operations limit per second"),
    VSH_ALIAS("write_iops_sec", "write-iops-sec"),
    VSH_INT("write-iops-sec", "write I/O operations limit per second"),
    VSH_ALIAS("total_bytes_sec_max", "total-bytes-sec-max"),
    VSH_INT("total-bytes-sec-max",
        "total max, as scaled integer (default bytes)"),
    VSH_ALIAS("read_bytes_sec_max", "read-bytes-sec-max"),
    VSH_INT("read-bytes-sec-max",
        "read max, as scaled integer (default bytes)"),
    VSH_ALIAS("write_bytes_sec_max", "write-bytes-sec-max"),
    VSH_INT("write-bytes-sec-max",
        "write max, as scaled integer (default bytes)"),
    VSH_ALIAS("total_iops_sec_max", "total-iops-sec-max"),
    VSH_INT("total-iops-sec-max", "total I/O operations max"),
    VSH_ALIAS("read_iops_sec_max", "read-iops-sec-max"),
    VSH_INT("read-iops-sec-max", "read I/O operations max"),
    VSH_ALIAS("write_iops_sec_max", "write-iops-sec-max"),
    VSH_INT("write-iops-sec-max", "write I/O operations max"),
    VSH_ALIAS("size_iops_sec", "size-iops-sec"),
    VSH_INT("size-iops-sec", "I/O size in bytes"),
    VSH_ALIAS("group_name", "group-name"),
    VSH_STRING("group-name",
        "group name to share I/O quota between multiple drives",
        .completer = virshCompleteEmpty),
    VSH_ALIAS("total_bytes_sec_max_length", "total-bytes-sec-max-length"),
    VSH_INT("total-bytes-sec-max-length",
        "duration in seconds to allow total max bytes"),
    VSH_ALIAS("read_bytes_sec_max_length", "read-bytes-sec-max-length"),
    VSH_INT("read-bytes-sec-max-length",
        "duration in seconds to allow read max bytes"),
    VSH_ALIAS("write_bytes_sec_max_length", "write-bytes-sec-max-length"),
    VSH_INT("write-bytes-sec-max-length",
        "duration in seconds to allow write max bytes"),
    VSH_ALIAS("total_iops_sec_max_length", "total-iops-sec-max-length"),
    VSH_INT("total-iops-sec-max-length",
        "duration in seconds to allow total I/O operations max"),
    VSH_ALIAS("read_iops_sec_max_length", "read-iops-sec-max-length"),
    VSH_INT("read-iops-sec-max-length",
        "duration in seconds to allow read I/O operations max"),
    VSH_ALIAS("write_iops_sec_max_length", "write-iops-sec-max-length"),
    VSH_INT("write-iops-sec-max-length",
        "duration in seconds to allow write I/O operations max"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static int
virshBlkdeviotuneGet(virDomainPtr dom, const char *dev,
                     virTypedParameterPtr params, int *n, unsigned int flags)
{
    return virDomainGetBlockIoTune(dom, dev, params, n, flags);
}

static int
virshBlkdeviotuneSet(virDomainPtr dom, const char *dev,
                     virTypedParameterPtr params, int n, unsigned int flags)
{
    return virDomainSetBlockIoTune(dom, dev, params, n, flags);
}

/* The throttles of blkdeviotune: scaled sizes first, then counts. */
static const struct {
    const char *option;
    const char *field;
    bool scaled;
} virshIotuneParams[] = {
    { "total-bytes-sec", VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, true },
    { "read-bytes-sec", VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC, true },
    { "write-bytes-sec", VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC, true },
    { "total-bytes-sec-max", VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX, true },
    { "read-bytes-sec-max", VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC_MAX, true },
    { "write-bytes-sec-max", VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX, true },
    { "total-iops-sec", VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC, false },
    { "read-iops-sec", VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC, false },
    { "write-iops-sec", VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC, false },
    { "total-iops-sec-max", VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX, false },
    { "read-iops-sec-max", VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC_MAX, false },
    { "write-iops-sec-max", VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX, false },
    { "size-iops-sec", VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC, false },
    { "total-bytes-sec-max-length",
      VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX_LENGTH, false },
    { "read-bytes-sec-max-length",
      VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC_MAX_LENGTH, false },
    { "write-bytes-sec-max-length",
      VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX_LENGTH, false },
    { "total-iops-sec-max-length",
      VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX_LENGTH, false },
    { "read-iops-sec-max-length",
      VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC_MAX_LENGTH, false },
    { "write-iops-sec-max-length",
      VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX_LENGTH, false },
};

static bool
cmdBlkdeviotune(vshControl *ctl, const vshCmd *cmd)
{
    static const virshTuneOps ops = {
        .get = virshBlkdeviotuneGet,
        .set = virshBlkdeviotuneSet,
        .errCount = "Unable to get number of block I/O throttle parameters",
        .errGet = "Unable to get block I/O throttle parameters",
        .errSet = "Unable to change block I/O throttle",
    };
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    const char *group = NULL;
    const char *disk = NULL;
    const char *name;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    bool ret = false;
    size_t i;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, &name)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "device", &disk) < 0)
        return false;

    for (i = 0; i < G_N_ELEMENTS(virshIotuneParams); i++) {
        unsigned long long v;
        int rv;

        if (virshIotuneParams[i].scaled)
            rv = vshCommandOptScaledInt(ctl, cmd, virshIotuneParams[i].option,
                                        &v, 1, ULLONG_MAX);
        else
            rv = vshCommandOptULongLong(ctl, cmd, virshIotuneParams[i].option,
                                        &v);
        if (rv < 0) {
            vshError(ctl, "%s", "Unable to parse integer parameter");
            goto cleanup;
        }
        if (rv > 0)
            virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                    virshIotuneParams[i].field, v);
    }
    if (vshCommandOptStringReq(ctl, cmd, "group-name", &group) < 0) {
        vshError(ctl, "%s", "Unable to parse group-name parameter");
        goto cleanup;
    }
    if (group)
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME, group);
    ret = virshTuneGetOrSet(ctl, dom, disk, &ops, params, nparams, flags);

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

/* ---- domiftune, domif-setlink ---- */

static const vshCmdInfo info_domiftune = {
    .help = "get/set parameters of a virtual interface",
    .desc = "Get/set parameters of a domain's virtual interface.",
};

static const vshCmdOptDef opts_domiftune[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_DATA("interface", "interface device (MAC Address)",
        .completer = virshDomainInterfaceCompleter),
    VSH_STRING("inbound", "control domain's incoming traffics",
        .completer = virshCompleteEmpty),
    VSH_STRING("outbound", "control domain's outgoing traffics",
        .completer = virshCompleteEmpty),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

/* "average,peak,burst,floor" (empty fields allowed); -1 (reported). */
int
virshParseRateStr(vshControl *ctl, const char *str, virshBandwidthRate *rate)
{
    static const char *const names[] = { "average", "peak", "burst", "floor" };
    unsigned long long *fields[] = {
        &rate->average, &rate->peak, &rate->burst, &rate->floor,
    };
    g_auto(GStrv) tok = g_strsplit(str, ",", 0);
    size_t n = g_strv_length(tok);
    size_t i;

    if (n > 4) {
        vshError(ctl, "Rate string '%s' has too many fields", str);
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (*tok[i] &&
            vshStrToULongLong(tok[i], NULL, false, fields[i]) < 0) {
            vshError(ctl, "field '%s' is malformed", names[i]);
            return -1;
        }
    }
    return 0;
}

static int
virshDomiftuneGet(virDomainPtr dom, const char *dev,
                  virTypedParameterPtr params, int *n, unsigned int flags)
{
    return virDomainGetInterfaceParameters(dom, dev, params, n, flags);
}

static int
virshDomiftuneSet(virDomainPtr dom, const char *dev,
                  virTypedParameterPtr params, int n, unsigned int flags)
{
    return virDomainSetInterfaceParameters(dom, dev, params, n, flags);
}

/* Add the rate in @str to @params; false (reported) when it is bad. */
static bool
virshDomiftuneRate(vshControl *ctl, const char *str, bool inbound,
                   virTypedParameterPtr *params, int *n, int *max)
{
    virshBandwidthRate r = { 0 };
    const char *dir = inbound ? "inbound" : "outbound";

    if (virshParseRateStr(ctl, str, &r) < 0)
        return false;
    if (r.average > UINT_MAX || r.peak > UINT_MAX || r.burst > UINT_MAX) {
        vshError(ctl, "%s rate larger than maximum %u", dir, UINT_MAX);
        return false;
    }
    if (inbound && !r.average && (r.burst || r.peak) && !r.floor) {
        vshError(ctl, "either inbound average or floor is mandatory");
        return false;
    }
    if (!inbound && r.average == 0 && (r.burst || r.peak)) {
        vshError(ctl, "outbound average is mandatory");
        return false;
    }
    if (!inbound && r.floor) {
        vshError(ctl, "outbound floor is unsupported yet");
        return false;
    }
    virTypedParamsAddUInt(params, n, max, inbound ?
                          VIR_DOMAIN_BANDWIDTH_IN_AVERAGE :
                          VIR_DOMAIN_BANDWIDTH_OUT_AVERAGE, r.average);
    if (r.peak)
        virTypedParamsAddUInt(params, n, max, inbound ?
                              VIR_DOMAIN_BANDWIDTH_IN_PEAK :
                              VIR_DOMAIN_BANDWIDTH_OUT_PEAK, r.peak);
    if (r.burst)
        virTypedParamsAddUInt(params, n, max, inbound ?
                              VIR_DOMAIN_BANDWIDTH_IN_BURST :
                              VIR_DOMAIN_BANDWIDTH_OUT_BURST, r.burst);
    if (inbound && r.floor)
        virTypedParamsAddUInt(params, n, max, VIR_DOMAIN_BANDWIDTH_IN_FLOOR,
                              r.floor);
    return true;
}

static bool
cmdDomiftune(vshControl *ctl, const vshCmd *cmd)
{
    static const virshTuneOps ops = {
        .get = virshDomiftuneGet,
        .set = virshDomiftuneSet,
        .errCount = "Unable to get number of interface parameters",
        .errGet = "Unable to get interface parameters",
        .errSet = "Unable to set interface parameters",
        .countWithDev = true,
    };
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    const char *device = NULL;
    const char *in = NULL;
    const char *out = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    bool ret = false;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "interface", &device) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "inbound", &in) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "outbound", &out) < 0)
        return false;
    if ((in && !virshDomiftuneRate(ctl, in, true, &params, &nparams,
                                   &maxparams)) ||
        (out && !virshDomiftuneRate(ctl, out, false, &params, &nparams,
                                    &maxparams)))
        goto cleanup;
    ret = virshTuneGetOrSet(ctl, dom, device, &ops, params, nparams, flags);

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

static const vshCmdInfo info_domif_setlink = {
    .help = "set link state of a virtual interface",
    .desc = "Set link state of a domain's virtual interface. This command wraps usage of update-device command.",
};

static const vshCmdOptDef opts_domif_setlink[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_DATA("interface", "interface device (MAC Address)",
        .completer = virshDomainInterfaceCompleter),
    VSH_DATA("state", "new state of the device",
        .completer = virshDomainInterfaceStateCompleter),
    VSH_ALIAS("persistent", "config"),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("print-xml",
        "print XML document rather than set the interface link state"),
    VSH_OPT_END
};

/* The <interface> of @xml whose MAC or target is @iface. */
static xmlNodePtr
virshFindInterface(xmlXPathContextPtr ctxt, xmlNodePtr *nodes, int n,
                   const char *iface)
{
    int i;

    for (i = 0; i < n; i++) {
        g_autofree char *mac = NULL;
        g_autofree char *target = NULL;

        ctxt->node = nodes[i];
        if ((mac = virshXPathString("string(./mac/@address)", ctxt)) &&
            g_ascii_strcasecmp(mac, iface) == 0)
            return nodes[i];
        if ((target = virshXPathString("string(./target/@dev)", ctxt)) &&
            g_ascii_strcasecmp(target, iface) == 0)
            return nodes[i];
    }
    return NULL;
}

static bool
cmdDomifSetlink(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autoptr(xmlDoc) xml = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *buf = NULL;
    xmlNodePtr ifaceNode;
    xmlNodePtr linkNode;
    const char *iface;
    const char *state;
    unsigned int flags = VIR_DOMAIN_AFFECT_LIVE;
    unsigned int xmlflags = 0;
    int n;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "interface", &iface) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "state", &state) < 0)
        return false;
    if (strcmp(state, "up") != 0 && strcmp(state, "down") != 0) {
        vshError(ctl, "invalid link state '%s'", state);
        return false;
    }
    if (vshCommandOptBool(cmd, "config")) {
        flags = VIR_DOMAIN_AFFECT_CONFIG;
        xmlflags |= VIR_DOMAIN_XML_INACTIVE;
    }
    if (virDomainIsActive(dom) == 0)
        flags = VIR_DOMAIN_AFFECT_CONFIG;

    if (virshDomainGetXMLFromDom(ctl, dom, xmlflags, &xml, &ctxt) < 0)
        return false;
    if ((n = virshXPathNodeSet(ctl, "/domain/devices/interface", ctxt,
                               &nodes)) <= 0) {
        vshError(ctl, "Failed to extract interface information or no interfaces found");
        return false;
    }
    if (!(ifaceNode = virshFindInterface(ctxt, nodes, n, iface))) {
        vshError(ctl, "interface '%s' not found", iface);
        return false;
    }

    ctxt->node = ifaceNode;
    if (!(linkNode = virshXPathNode("./link", ctxt)))
        linkNode = xmlNewChild(ifaceNode, NULL, BAD_CAST "link", NULL);
    xmlSetProp(linkNode, BAD_CAST "state", BAD_CAST state);
    buf = virshXMLNodeToString(xml, ifaceNode);

    if (vshCommandOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", buf);
        return true;
    }
    if (virDomainUpdateDeviceFlags(dom, buf, flags) < 0) {
        vshError(ctl, "Failed to update interface link state");
        return false;
    }
    vshPrintExtra(ctl, "%s", "Device updated successfully\n");
    return true;
}

/* ---- schedinfo ---- */

static const vshCmdInfo info_schedinfo = {
    .help = "show/set scheduler parameters",
    .desc = "Show/Set scheduler parameters.",
};

static const vshCmdOptDef opts_schedinfo[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_INT("weight", "weight for XEN_CREDIT", .flags = VSH_OFLAG_REQ_OPT),
    VSH_INT("cap", "cap for XEN_CREDIT", .flags = VSH_OFLAG_REQ_OPT),
    VSH_BOOL("current", "get/set current scheduler info"),
    VSH_BOOL("config", "get/set value to be used on next boot"),
    VSH_BOOL("live", "get/set value from running domain"),
    VSH_ARGV("set", "parameter=value"),
    VSH_OPT_END
};

/* Add @field=@value to @params, typed as the domain's own parameter;
 * -1 (reported) for a field the scheduler lacks. */
static int
virshSchedinfoUpdateOne(vshControl *ctl, virTypedParameterPtr src, int nsrc,
                        virTypedParameterPtr *params, int *n, int *max,
                        const char *field, const char *value)
{
    int i;

    for (i = 0; i < nsrc; i++) {
        if (strcmp(field, src[i].field) != 0)
            continue;
        if (virTypedParamsAddFromString(params, n, max, field, src[i].type,
                                        value) < 0) {
            vshSaveLibvirtError();
            return -1;
        }
        return 0;
    }
    vshError(ctl, "invalid scheduler option: %s", field);
    return -1;
}

/* The parameters --set, --cap and --weight ask for; -1 on error. */
static int
virshSchedinfoUpdates(vshControl *ctl, const vshCmd *cmd,
                      virTypedParameterPtr src, int nsrc,
                      virTypedParameterPtr *updates)
{
    static const char *const shortcuts[] = { "cap", "weight" };
    virTypedParameterPtr params = NULL;
    const vshCmdOpt *opt = NULL;
    int n = 0;
    int max = 0;
    size_t i;

    while ((opt = vshCommandOptArgv(ctl, cmd, opt))) {
        g_autofree char *field = g_strdup(opt->data);
        char *value = strchr(field, '=');

        if (!value) {
            vshError(ctl, "%s", "Invalid syntax for --set, expecting name=value");
            goto error;
        }
        *value++ = '\0';
        if (virshSchedinfoUpdateOne(ctl, src, nsrc, &params, &n, &max, field,
                                    value) < 0)
            goto error;
    }
    for (i = 0; i < G_N_ELEMENTS(shortcuts); i++) {
        const char *value = NULL;

        if (vshCommandOptStringReq(ctl, cmd, shortcuts[i], &value) < 0 ||
            (value && virshSchedinfoUpdateOne(ctl, src, nsrc, &params, &n,
                                              &max, shortcuts[i], value) < 0))
            goto error;
    }
    *updates = params;
    return n;

 error:
    virTypedParamsFree(params, n);
    return -1;
}

static bool
cmdSchedinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *type = NULL;
    virTypedParameterPtr params = NULL;
    virTypedParameterPtr updates = NULL;
    bool current = vshCommandOptBool(cmd, "current");
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    unsigned int queryflags;
    unsigned int flags;
    int nparams = 0;
    int nupdates = 0;
    bool ret = false;
    bool useFlags;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    /* both at once cannot be read back: read the current state then */
    queryflags = (config && live) ? VIR_DOMAIN_AFFECT_CURRENT : flags;
    useFlags = flags || current;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (!(type = virDomainGetSchedulerType(dom, &nparams))) {
        vshPrint(ctl, "%-15s: %s\n", "Scheduler", "Unknown");
        return false;
    }
    vshPrint(ctl, "%-15s: %s\n", "Scheduler", type);
    if (!nparams)
        return false;

    params = g_new0(virTypedParameter, nparams);
    if ((useFlags ? virDomainGetSchedulerParametersFlags(dom, params, &nparams,
                                                          queryflags)
                  : virDomainGetSchedulerParameters(dom, params, &nparams)) == -1)
        goto cleanup;
    if ((nupdates = virshSchedinfoUpdates(ctl, cmd, params, nparams,
                                          &updates)) < 0)
        goto cleanup;

    if (nupdates > 0) {
        if (useFlags) {
            if (virDomainSetSchedulerParametersFlags(dom, updates, nupdates,
                                                     flags) == -1 ||
                virDomainGetSchedulerParametersFlags(dom, params, &nparams,
                                                     queryflags) == -1)
                goto cleanup;
        } else if (virDomainSetSchedulerParameters(dom, updates,
                                                   nupdates) == -1 ||
                   virDomainGetSchedulerParameters(dom, params,
                                                   &nparams) == -1) {
            goto cleanup;
        }
    } else if (live && config) {
        vshError(ctl, "%s", "cannot query both live and config at once");
        goto cleanup;
    }
    ret = true;
    virshPrintTypedParams(ctl, params, nparams);

 cleanup:
    virTypedParamsFree(params, nparams);
    virTypedParamsFree(updates, nupdates);
    return ret;
}

/* ---- set-lifecycle-action, perf ---- */

static const vshCmdInfo info_set_lifecycle_action = {
    .help = "change lifecycle actions",
    .desc = "Change lifecycle actions for the guest domain.",
};

static const vshCmdOptDef opts_set_lifecycle_action[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_DATA("type", "lifecycle type to modify",
        .completer = virshDomainLifecycleCompleter),
    VSH_DATA("action", "lifecycle action to set",
        .completer = virshDomainLifecycleActionCompleter),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

const char *const virshDomainLifecycles[] = {
    "poweroff", "reboot", "crash", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainLifecycles) ==
                VIR_DOMAIN_LIFECYCLE_LAST + 1);

const char *const virshDomainLifecycleActions[] = {
    "destroy", "restart", "rename-restart", "preserve", "coredump-destroy",
    "coredump-restart", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshDomainLifecycleActions) ==
                VIR_DOMAIN_LIFECYCLE_ACTION_LAST + 1);

/* Index of @word in the NULL-terminated @words, or -1. */
int
virshWordIndex(const char *const *words, const char *word)
{
    int i;

    for (i = 0; words[i]; i++) {
        if (strcmp(words[i], word) == 0)
            return i;
    }
    return -1;
}

static bool
cmdSetLifecycleAction(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    bool config = vshCommandOptBool(cmd, "config");
    bool live = vshCommandOptBool(cmd, "live");
    bool current = vshCommandOptBool(cmd, "current");
    unsigned int flags = 0;
    const char *typeStr;
    const char *actionStr;
    int type;
    int action;

    VSH_EXCLUSIVE_OPTIONS_VAR(current, live);
    VSH_EXCLUSIVE_OPTIONS_VAR(current, config);
    if (config)
        flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (live)
        flags |= VIR_DOMAIN_AFFECT_LIVE;
    if (vshCommandOptStringReq(ctl, cmd, "type", &typeStr) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "action", &actionStr) < 0)
        return false;
    if ((type = virshWordIndex(virshDomainLifecycles, typeStr)) < 0) {
        vshError(ctl, "Invalid lifecycle type '%s'.", typeStr);
        return false;
    }
    if ((action = virshWordIndex(virshDomainLifecycleActions,
                                 actionStr)) < 0) {
        vshError(ctl, "Invalid lifecycle action '%s'.", actionStr);
        return false;
    }
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virDomainSetLifecycleAction(dom, type, action, flags) < 0) {
        vshError(ctl, "%s", "Unable to change lifecycle action.");
        return false;
    }
    return true;
}

static const vshCmdInfo info_perf = {
    .help = "Get or set perf event",
    .desc = "Get or set the current perf events for a guest domain.\n"
            "    To get the perf events list use following command: \n"
            "\n"
            "    virsh # perf <domain>",
};

static const vshCmdOptDef opts_perf[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_STRING("enable", "perf events which will be enabled",
        .completer = virshDomainPerfEnableCompleter),
    VSH_STRING("disable", "perf events which will be disabled",
        .completer = virshDomainPerfDisableCompleter),
    VSH_BOOL("config", "affect next boot"),
    VSH_BOOL("live", "affect running domain"),
    VSH_BOOL("current", "affect current domain"),
    VSH_OPT_END
};

static void
virshAddPerfEvents(const char *events, bool state, virTypedParameterPtr *params,
                   int *n, int *max)
{
    g_auto(GStrv) tok = g_strsplit(events, ",", 0);
    char **next;

    for (next = tok; *next; next++) {
        if (**next)
            virTypedParamsAddBoolean(params, n, max, *next, state);
    }
}

static void
virshPrintPerfStatus(vshControl *ctl, virTypedParameterPtr params, int n)
{
    int i;

    for (i = 0; i < n; i++)
        vshPrintExtra(ctl, "%-15s: %s\n", params[i].field,
                      params[i].type == VIR_TYPED_PARAM_BOOLEAN &&
                      params[i].value.b ? "enabled" : "disabled");
}

static bool
cmdPerf(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    const char *enable = NULL;
    const char *disable = NULL;
    int nparams = 0;
    int maxparams = 0;
    unsigned int flags;
    bool ret = false;

    if (!virshTuneFlags(ctl, cmd, &flags))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "enable", &enable) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "disable", &disable) < 0)
        return false;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (enable)
        virshAddPerfEvents(enable, true, &params, &nparams, &maxparams);
    if (disable)
        virshAddPerfEvents(disable, false, &params, &nparams, &maxparams);

    if (nparams == 0) {
        if (virDomainGetPerfEvents(dom, &params, &nparams, flags) != 0) {
            vshError(ctl, "%s", "Unable to get perf events");
            goto cleanup;
        }
    } else if (virDomainSetPerfEvents(dom, params, nparams, flags) != 0) {
        vshError(ctl, "%s", "Unable to enable/disable perf events");
        goto cleanup;
    }
    virshPrintPerfStatus(ctl, params, nparams);
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

/* ---- launch security, fd association ---- */

static const vshCmdInfo info_domlaunchsecinfo = {
    .help = "Get domain launch security info",
    .desc = "Get the launch security parameters for a guest domain",
};

static const vshCmdOptDef opts_domlaunchsecinfo[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_OPT_END
};

static bool
cmdDomlaunchsecinfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    virTypedParameterPtr params = NULL;
    int nparams = 0;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (virDomainGetLaunchSecurityInfo(dom, &params, &nparams, 0) != 0) {
        vshError(ctl, "%s", "Unable to get launch security parameters");
        return false;
    }
    virshPrintTypedParams(ctl, params, nparams);
    virTypedParamsFree(params, nparams);
    return true;
}

static const vshCmdInfo info_domsetlaunchsecstate = {
    .help = "Set domain launch security state",
    .desc = "Set a secret in the guest domain's memory",
};

static const vshCmdOptDef opts_domsetlaunchsecstate[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_STRING("secrethdr", "path to file containing the secret header",
        .flags = VSH_OFLAG_REQ_OPT),
    VSH_STRING("secret", "path to file containing the secret",
        .flags = VSH_OFLAG_REQ_OPT),
    VSH_INT("set-address",
        "physical address within the guest domain's memory to set the secret"),
    VSH_OPT_END
};

static bool
cmdDomsetlaunchsecstate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree char *sechdr = NULL;
    g_autofree char *sec = NULL;
    virTypedParameterPtr params = NULL;
    const char *sechdrfile = NULL;
    const char *secfile = NULL;
    unsigned long long addr;
    int nparams = 0;
    int maxparams = 0;
    bool ret = false;
    int rv;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "secrethdr", &sechdrfile) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "secret", &secfile) < 0)
        return false;
    if (!sechdrfile || !secfile) {
        vshError(ctl, "%s", "Both secret and the secret header are required");
        return false;
    }
    if (virshFileReadAll(ctl, sechdrfile, 64 * 1024, &sechdr) < 0 ||
        virshFileReadAll(ctl, secfile, 64 * 1024, &sec) < 0)
        return false;
    virTypedParamsAddString(&params, &nparams, &maxparams,
                            VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_HEADER,
                            sechdr);
    virTypedParamsAddString(&params, &nparams, &maxparams,
                            VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET, sec);
    if ((rv = vshCommandOptULongLong(ctl, cmd, "set-address", &addr)) < 0)
        goto cleanup;
    if (rv > 0)
        virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                VIR_DOMAIN_LAUNCH_SECURITY_SEV_SECRET_SET_ADDRESS,
                                addr);
    if (virDomainSetLaunchSecurityState(dom, params, nparams, 0) != 0) {
        vshError(ctl, "%s", "Unable to set launch security state");
        goto cleanup;
    }
    ret = true;

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}

static const vshCmdInfo info_dom_fd_associate = {
    .help = "associate a FD with a domain",
    .desc = "associate a FD with a domain",
};

static const vshCmdOptDef opts_dom_fd_associate[] = {
    VIRSH_OPT_DOMAIN_FULL(0),
    VSH_DATA("name", "name of the FD group", .completer = virshCompleteEmpty),
    VSH_DATA("pass-fds", "file descriptors N,M,... to associate",
        .completer = virshCompleteEmpty),
    VSH_BOOL("seclabel-writable", "use seclabels allowing writes"),
    VSH_BOOL("seclabel-restore",
        "try to restore security label after use if possible"),
    VSH_OPT_END
};

static bool
cmdDomFdAssociate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshDomain) dom = NULL;
    g_autofree int *fds = NULL;
    const char *name = NULL;
    unsigned int flags = 0;
    size_t nfds = 0;

    if (vshCommandOptBool(cmd, "seclabel-writable"))
        flags |= VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_WRITABLE;
    if (vshCommandOptBool(cmd, "seclabel-restore"))
        flags |= VIR_DOMAIN_FD_ASSOCIATE_SECLABEL_RESTORE;
    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "name", &name) < 0)
        return false;
    if (virshFetchPassFdsList(ctl, cmd, &nfds, &fds) < 0)
        return false;
    return virDomainFDAssociate(dom, name, nfds, fds, flags) == 0;
}

const vshCmdDef virshDomainTuneCmds[] = {
    VSH_CMD("blkdeviotune", cmdBlkdeviotune, blkdeviotune),
    VSH_CMD("blkiotune", cmdBlkiotune, blkiotune),
    VSH_CMD("dom-fd-associate", cmdDomFdAssociate, dom_fd_associate),
    VSH_CMD("domif-setlink", cmdDomifSetlink, domif_setlink),
    VSH_CMD("domiftune", cmdDomiftune, domiftune),
    VSH_CMD("domlaunchsecinfo", cmdDomlaunchsecinfo, domlaunchsecinfo),
    VSH_CMD("domsetlaunchsecstate", cmdDomsetlaunchsecstate,
            domsetlaunchsecstate),
    VSH_CMD("memtune", cmdMemtune, memtune),
    VSH_CMD("numatune", cmdNumatune, numatune),
    VSH_CMD("perf", cmdPerf, perf),
    VSH_CMD("schedinfo", cmdSchedinfo, schedinfo),
    VSH_CMD("set-lifecycle-action", cmdSetLifecycleAction,
            set_lifecycle_action),
    VSH_CMD("setmaxmem", cmdSetmaxmem, setmaxmem),
    VSH_CMD("setmem", cmdSetmem, setmem),
    VSH_CMD("update-memory-device", cmdUpdateMemoryDevice,
            update_memory_device),
    { .name = NULL }
};
