/*
 * test_domain_block.c: the disks of test driver domains as the guest
 * uses them: I/O statistics, sizes, I/O throttling (<iotune>), disk
 * errors and the guest's file systems, with the made-up figures
 * libvirt's test driver reports.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virtypedparam.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static int
testDomainBlockStats(virDomainPtr domain, const char *path,
                     virDomainBlockStatsPtr stats, size_t size G_GNUC_UNUSED)
{
    virDomainObj *dom;
    long long base;
    int ret = -1;

    if (!*path) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "summary statistics are not supported yet");
        return -1;
    }
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    if (!virDomainDiskByName(dom->def, path, false)) {
        virReportError(VIR_ERR_INVALID_ARG, "invalid path: %s", path);
        goto cleanup;
    }
    /* figures that only grow, from the clock, as libvirt's */
    base = g_get_real_time();
    stats->rd_req = base / 10;
    stats->rd_bytes = base / 20;
    stats->wr_req = base / 30;
    stats->wr_bytes = base / 40;
    stats->errs = base / (1000LL * 1000LL * 2);
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetBlockInfo(virDomainPtr domain, const char *path, virDomainBlockInfoPtr info,
                       unsigned int flags)
{
    virDomainObj *dom;
    virDomainDiskDef *disk;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(disk = virDomainDiskByName(dom->def, path, false))) {
        virReportError(VIR_ERR_INVALID_ARG, "invalid path %s not assigned to domain", path);
        goto cleanup;
    }
    if (virDomainStorageSourceIsEmpty(disk->src)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "disk '%s' does not currently have a source assigned", path);
        goto cleanup;
    }
    info->capacity = 1099506450432ULL;
    info->allocation = 1099511627776ULL;
    info->physical = 1099511627776ULL;
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- I/O throttling ---- */

/* The typed parameters in libvirt's order: the 13 limits, the group
 * name, then the 6 burst lengths; each limit is the <iotune> child of
 * the same name (the disk's iotune[] order). */
#define TEST_IOTUNE_PARAMS (VIR_DOMAIN_DISK_IOTUNE_FIELDS + 1)
#define TEST_IOTUNE_GROUP 13
#define TEST_IOTUNE_LIMIT 1000000000000000ULL

static const char *testIOTuneNames[TEST_IOTUNE_PARAMS] = {
    VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC,
    VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC,
    VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC, VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC,
    VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX, VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC_MAX,
    VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX,
    VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC_MAX, VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX,
    VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC,
    VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME,
    VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX_LENGTH,
    VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC_MAX_LENGTH,
    VIR_DOMAIN_BLOCK_IOTUNE_WRITE_BYTES_SEC_MAX_LENGTH,
    VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC_MAX_LENGTH,
    VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC_MAX_LENGTH,
    VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX_LENGTH,
};

/* The iotune[] index of typed parameter @i. */
static size_t
testIOTuneField(size_t i)
{
    return i < TEST_IOTUNE_GROUP ? i : i - 1;
}


/* Field indexes of iotune[] (see the table above). */
enum { IO_TOTAL_BYTES, IO_READ_BYTES, IO_WRITE_BYTES, IO_TOTAL_IOPS, IO_READ_IOPS,
       IO_WRITE_IOPS, IO_MAX = 6 };

/* libvirt's checks of a new set of limits (@v: the iotune[] array). */
static int
testIOTuneCheck(const unsigned long long *v)
{
    static const char *bases[] = { "bytes_sec", "iops_sec" };
    static const char *fields[] = {
        "total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
        "total_iops_sec", "read_iops_sec", "write_iops_sec",
    };
    size_t i;

    for (i = 0; i < 4; i++) {
        /* bytes_sec, iops_sec, then their _max forms */
        size_t first = (i % 2) * 3 + (i / 2) * IO_MAX;

        if (v[first] && (v[first + 1] || v[first + 2])) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "total and read/write of %s%s cannot be set at the same time",
                           bases[i % 2], i / 2 ? "_max" : "");
            return -1;
        }
    }
    for (i = 0; i < G_N_ELEMENTS(fields); i++) {
        if (v[i] > v[i + IO_MAX]) {
            virReportError(VIR_ERR_INVALID_ARG, "%s cannot be set higher than %s_max ",
                           fields[i], fields[i]);
            return -1;
        }
    }
    return 0;
}


static int
testIOTuneValidate(virTypedParameterPtr params, int nparams)
{
    return virTypedParamsValidate(params, nparams,
        testIOTuneNames[0], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[1], VIR_TYPED_PARAM_ULLONG,
        testIOTuneNames[2], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[3], VIR_TYPED_PARAM_ULLONG,
        testIOTuneNames[4], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[5], VIR_TYPED_PARAM_ULLONG,
        testIOTuneNames[6], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[7], VIR_TYPED_PARAM_ULLONG,
        testIOTuneNames[8], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[9], VIR_TYPED_PARAM_ULLONG,
        testIOTuneNames[10], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[11], VIR_TYPED_PARAM_ULLONG,
        testIOTuneNames[12], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[13], VIR_TYPED_PARAM_STRING,
        testIOTuneNames[14], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[15], VIR_TYPED_PARAM_ULLONG,
        testIOTuneNames[16], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[17], VIR_TYPED_PARAM_ULLONG,
        testIOTuneNames[18], VIR_TYPED_PARAM_ULLONG, testIOTuneNames[19], VIR_TYPED_PARAM_ULLONG,
        NULL);
}


/* Apply @params to a copy of @disk's limits, check them, then store
 * them; nothing changes on error.  As in libvirt's test driver, no
 * tunable event is raised. */
static int
testIOTuneApply(virDomainDiskDef *disk, virTypedParameterPtr params, int nparams)
{
    unsigned long long v[VIR_DOMAIN_DISK_IOTUNE_FIELDS];
    g_autofree char *group = g_strdup(disk->iotuneGroup);
    size_t i, j;

    memcpy(v, disk->iotune, sizeof(v));
    for (i = 0; i < nparams; i++) {
        for (j = 0; j < TEST_IOTUNE_PARAMS; j++) {
            if (STRNEQ(params[i].field, testIOTuneNames[j]))
                continue;
            if (j == TEST_IOTUNE_GROUP) {
                g_free(group);
                group = g_strdup(params[i].value.s);
            } else if (params[i].value.ul > TEST_IOTUNE_LIMIT) {
                virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                               "block I/O throttle limit value must be no more than %llu",
                               TEST_IOTUNE_LIMIT);
                return -1;
            } else {
                v[testIOTuneField(j)] = params[i].value.ul;
            }
        }
    }
    if (testIOTuneCheck(v) < 0)
        return -1;
    memcpy(disk->iotune, v, sizeof(v));
    g_free(disk->iotuneGroup);
    disk->iotuneGroup = g_steal_pointer(&group);
    return 0;
}


static int
testDomainSetBlockIoTune(virDomainPtr domain, const char *path, virTypedParameterPtr params,
                         int nparams, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    virDomainDiskDef *disk;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);

    if (testIOTuneValidate(params, nparams) < 0 || !(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    if (!(disk = virDomainDiskByName(def, path, true))) {
        virReportError(VIR_ERR_INVALID_ARG, "missing persistent configuration for disk '%s'",
                       path);
        goto cleanup;
    }
    ret = testIOTuneApply(disk, params, nparams);

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static int
testDomainGetBlockIoTune(virDomainPtr domain, const char *path, virTypedParameterPtr params,
                         int *nparams, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    virDomainDiskDef *disk;
    size_t i;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG |
                  VIR_TYPED_PARAM_STRING_OKAY, -1);
    flags &= ~VIR_TYPED_PARAM_STRING_OKAY;

    if (*nparams == 0) {
        *nparams = TEST_IOTUNE_PARAMS;
        return 0;
    }
    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (!(def = virDomainObjGetOneDef(dom, flags)))
        goto cleanup;
    if (!(disk = virDomainDiskByName(def, path, true))) {
        virReportError(VIR_ERR_INVALID_ARG, "disk '%s' was not found in the domain config",
                       path);
        goto cleanup;
    }
    for (i = 0; i < TEST_IOTUNE_PARAMS && i < *nparams; i++) {
        int rc;

        if (i == TEST_IOTUNE_GROUP)
            rc = virTypedParameterAssign(&params[i], testIOTuneNames[i],
                                         VIR_TYPED_PARAM_STRING,
                                         g_strdup(disk->iotuneGroup));
        else
            rc = virTypedParameterAssign(&params[i], testIOTuneNames[i],
                                         VIR_TYPED_PARAM_ULLONG,
                                         disk->iotune[testIOTuneField(i)]);
        if (rc < 0)
            goto cleanup;
    }
    *nparams = i;
    ret = 0;

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


/* ---- what the guest sees ---- */

static int
testDomainGetDiskErrors(virDomainPtr domain, virDomainDiskErrorPtr errors,
                        unsigned int maxerrors, unsigned int flags)
{
    virDomainObj *dom;
    size_t i;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    if (!errors) {
        ret = dom->def->ndisks;
        goto cleanup;
    }
    /* each disk in turn has an unspecified error, then no space */
    for (i = 0; i < dom->def->ndisks && i < maxerrors; i++) {
        errors[i].disk = g_strdup(dom->def->disks[i]->dst);
        errors[i].error = i % (VIR_DOMAIN_DISK_ERROR_LAST - 1) + 1;
    }
    ret = i;

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


static virDomainFSInfoPtr
testFSInfoNew(const char *mountpoint, const char *disk, int part)
{
    virDomainFSInfoPtr fs = g_new0(virDomainFSInfo, 1);

    fs->mountpoint = g_strdup(mountpoint);
    fs->name = g_strdup_printf("%s%d", disk, part);
    fs->fstype = g_strdup("ext4");
    fs->ndevAlias = 1;
    fs->devAlias = g_new0(char *, 1);
    fs->devAlias[0] = g_strdup(disk);
    return fs;
}


/* The first hard disk holds "/" and "/boot" (partitions 1 and 2). */
static int
testDomainGetFSInfo(virDomainPtr domain, virDomainFSInfoPtr **info, unsigned int flags)
{
    virDomainObj *dom;
    size_t i;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    *info = NULL;
    ret = 0;
    for (i = 0; i < dom->def->ndisks; i++) {
        const char *dst = dom->def->disks[i]->dst;

        if (dom->def->disks[i]->device != VIR_DOMAIN_DISK_DEVICE_DISK)
            continue;
        *info = g_new0(virDomainFSInfoPtr, 2);
        (*info)[0] = testFSInfoNew("/", dst, 1);
        (*info)[1] = testFSInfoNew("/boot", dst, 2);
        ret = 2;
        break;
    }

 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}


void
testDomainBlockRegister(virHypervisorDriver *d)
{
    d->domainBlockStats = testDomainBlockStats;
    d->domainGetBlockInfo = testDomainGetBlockInfo;
    d->domainSetBlockIoTune = testDomainSetBlockIoTune;
    d->domainGetBlockIoTune = testDomainGetBlockIoTune;
    d->domainGetDiskErrors = testDomainGetDiskErrors;
    d->domainGetFSInfo = testDomainGetFSInfo;
}
