/*
 * domain-block.c: what a domain's disks report and how they are
 * throttled (block statistics, block info, I/O tuning), the disk errors
 * and file systems the guest sees, and its CPU time statistics, with
 * the errors of bad paths, flags, values and states.  The block
 * statistics come from the clock, so only their relations are shown.
 */
#include "compat.h"

static const char *domXML =
"<domain type='test'>"
"  <name>blk</name>"
"  <uuid>81111111-2222-3333-4444-555555555555</uuid>"
"  <memory>1048576</memory>"
"  <vcpu>2</vcpu>"
"  <os><type>hvm</type></os>"
"  <devices>"
"    <disk type='file' device='cdrom'>"
"      <target dev='hdc' bus='ide'/>"
"    </disk>"
"    <disk type='file' device='disk'>"
"      <source file='/var/lib/blk-a.img'/>"
"      <target dev='vda' bus='virtio'/>"
"      <iotune><read_bytes_sec>5000</read_bytes_sec><group_name>grp</group_name></iotune>"
"    </disk>"
"    <disk type='file' device='disk'>"
"      <source file='/var/lib/blk-b.img'/>"
"      <target dev='vdb' bus='virtio'/>"
"    </disk>"
"  </devices>"
"</domain>";

static void
showParams(const char *what, virTypedParameterPtr params, int n)
{
    int i;

    printf("%s: %d\n", what, n);
    for (i = 0; i < n; i++) {
        virTypedParameterPtr p = &params[i];

        if (p->type == VIR_TYPED_PARAM_STRING)
            printf("  %s type=%d '%s'\n", p->field, p->type, p->value.s);
        else if (p->type == VIR_TYPED_PARAM_ULLONG)
            printf("  %s type=%d %llu\n", p->field, p->type, p->value.ul);
        else
            printf("  %s type=%d ?\n", p->field, p->type);
    }
    fflush(stdout);
}

static void
getIoTune(virDomainPtr dom, const char *disk, unsigned int flags, int want)
{
    virTypedParameterPtr params;
    int n = 0;

    if (virDomainGetBlockIoTune(dom, disk, NULL, &n, flags) < 0) {
        compatShowError("virDomainGetBlockIoTune count");
        return;
    }
    printf("virDomainGetBlockIoTune(%s, 0x%x) count -> %d\n", disk ? disk : "NULL", flags, n);
    if (want >= 0)
        n = want;
    params = calloc(n + 1, sizeof(*params));
    if (virDomainGetBlockIoTune(dom, disk, params, &n, flags | VIR_TYPED_PARAM_STRING_OKAY) < 0)
        compatShowError("virDomainGetBlockIoTune");
    else
        showParams("virDomainGetBlockIoTune", params, n);
    virTypedParamsClear(params, n);
    free(params);
}

static int
setIoTune(virDomainPtr dom, const char *disk, unsigned int flags, const char *name,
          unsigned long long value, const char *group)
{
    virTypedParameterPtr p = NULL;
    int n = 0, max = 0, ret;

    if (name)
        virTypedParamsAddULLong(&p, &n, &max, name, value);
    if (group)
        virTypedParamsAddString(&p, &n, &max, VIR_DOMAIN_BLOCK_IOTUNE_GROUP_NAME, group);
    ret = virDomainSetBlockIoTune(dom, disk, p, n, flags);
    printf("set %s %s=%llu group=%s flags=0x%x: ", disk ? disk : "NULL", name ? name : "-",
           value, group ? group : "-", flags);
    if (ret < 0)
        compatShowError("virDomainSetBlockIoTune");
    else
        printf("0\n");
    virTypedParamsFree(p, n);
    fflush(stdout);
    return ret;
}

static void
ioTune(virDomainPtr dom)
{
    compatSection("I/O tuning");
    getIoTune(dom, "vda", 0, -1);
    getIoTune(dom, "vda", 0, 14);
    getIoTune(dom, "vdb", VIR_DOMAIN_AFFECT_CONFIG, 3);
    getIoTune(dom, "/var/lib/blk-b.img", 0, 2);
    getIoTune(dom, "vdz", 0, 3);
    getIoTune(dom, "vda", VIR_DOMAIN_AFFECT_LIVE, 3);
    getIoTune(dom, "vda", 0x100, 3);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC_MAX, 9000, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC, 100, "other");
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, 10, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_READ_BYTES_SEC, 0, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, 10, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC_MAX, 10, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_BYTES_SEC, 10, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_TOTAL_IOPS_SEC, 5, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC, 5, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC_MAX_LENGTH, 7, NULL);
    setIoTune(dom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC, 1000000000000001ULL, NULL);
    setIoTune(dom, "vda", 0, "bogus", 5, NULL);
    setIoTune(dom, "vdz", 0, VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC, 5, NULL);
    setIoTune(dom, "vda", VIR_DOMAIN_AFFECT_LIVE, VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC, 5, NULL);
    setIoTune(dom, "vda", 0x20, VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC, 5, NULL);
    setIoTune(dom, "vda", 0, NULL, 0, NULL);
    setIoTune(dom, NULL, 0, VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC, 5, NULL);
    getIoTune(dom, "vda", 0, -1);
    CHECK_STR(virDomainGetXMLDesc(dom, 0));
}

static void
blockStats(virDomainPtr dom)
{
    virDomainBlockStatsStruct st;
    virDomainBlockInfo info;

    compatSection("block stats and info");
    memset(&st, 0, sizeof(st));
    if (CHECK_INT(virDomainBlockStats(dom, "vda", &st, sizeof(st))) == 0)
        printf("rd_req>=rd_bytes:%d rd_bytes>=wr_req:%d wr_req>=wr_bytes:%d errs>0:%d\n",
               st.rd_req >= st.rd_bytes, st.rd_bytes >= st.wr_req, st.wr_req >= st.wr_bytes,
               st.errs > 0);
    CHECK_INT(virDomainBlockStats(dom, "/var/lib/blk-b.img", &st, sizeof(st)));
    CHECK_INT(virDomainBlockStats(dom, "vdz", &st, sizeof(st)));
    CHECK_INT(virDomainBlockStats(dom, "", &st, sizeof(st)));
    CHECK_INT(virDomainBlockStats(dom, "vda", &st, sizeof(st) + 8));
    CHECK_INT(virDomainBlockStats(dom, "vda", NULL, sizeof(st)));
    CHECK_INT(virDomainBlockStats(dom, NULL, &st, sizeof(st)));
    memset(&st, 0x55, sizeof(st));
    if (CHECK_INT(virDomainBlockStats(dom, "vda", &st, 2 * sizeof(long long))) == 0)
        printf("wr_req untouched: %d\n", st.wr_req == 0x5555555555555555LL);
    memset(&info, 0, sizeof(info));
    if (CHECK_INT(virDomainGetBlockInfo(dom, "vda", &info, 0)) == 0)
        printf("capacity=%llu allocation=%llu physical=%llu\n", info.capacity,
               info.allocation, info.physical);
    CHECK_INT(virDomainGetBlockInfo(dom, "/var/lib/blk-b.img", &info, 0));
    CHECK_INT(virDomainGetBlockInfo(dom, "hdc", &info, 0));
    CHECK_INT(virDomainGetBlockInfo(dom, "vdz", &info, 0));
    CHECK_INT(virDomainGetBlockInfo(dom, "vda", &info, 1));
    CHECK_INT(virDomainGetBlockInfo(dom, "", &info, 0));
    CHECK_INT(virDomainGetBlockInfo(dom, "vda", NULL, 0));
}

static void
guestView(virDomainPtr dom)
{
    virDomainDiskError errs[4];
    virDomainFSInfoPtr *fs = NULL;
    int n, i, j;

    compatSection("disk errors and file systems");
    CHECK_INT(virDomainGetDiskErrors(dom, NULL, 0, 0));
    n = CHECK_INT(virDomainGetDiskErrors(dom, errs, 4, 0));
    for (i = 0; i < n; i++) {
        printf("  %s error=%d\n", errs[i].disk, errs[i].error);
        free(errs[i].disk);
    }
    n = CHECK_INT(virDomainGetDiskErrors(dom, errs, 1, 0));
    for (i = 0; i < n; i++) {
        printf("  %s error=%d\n", errs[i].disk, errs[i].error);
        free(errs[i].disk);
    }
    CHECK_INT(virDomainGetDiskErrors(dom, errs, 4, 1));
    CHECK_INT(virDomainGetDiskErrors(dom, NULL, 4, 0));
    CHECK_INT(virDomainGetDiskErrors(dom, errs, 0, 0));
    n = CHECK_INT(virDomainGetFSInfo(dom, &fs, 0));
    for (i = 0; i < n; i++) {
        printf("  %s %s %s:", fs[i]->mountpoint, fs[i]->name, fs[i]->fstype);
        for (j = 0; j < (int)fs[i]->ndevAlias; j++)
            printf(" %s", fs[i]->devAlias[j]);
        printf("\n");
        virDomainFSInfoFree(fs[i]);
    }
    free(fs);
    CHECK_INT(virDomainGetFSInfo(dom, &fs, 2));
    CHECK_INT(virDomainGetFSInfo(dom, NULL, 0));
}

static void
cpuStats(virDomainPtr dom)
{
    virTypedParameter params[16];
    int n, i;

    compatSection("CPU stats");
    CHECK_INT(virDomainGetCPUStats(dom, NULL, 0, -1, 1, 0));
    n = CHECK_INT(virDomainGetCPUStats(dom, params, 3, -1, 1, 0));
    if (n > 0)
        showParams("total", params, n);
    n = CHECK_INT(virDomainGetCPUStats(dom, params, 2, -1, 1, 0));
    if (n > 0)
        showParams("total", params, n);
    n = CHECK_INT(virDomainGetCPUStats(dom, params, 5, -1, 1, 0));
    if (n > 0)
        showParams("total", params, n);
    CHECK_INT(virDomainGetCPUStats(dom, NULL, 0, 0, 0, 0));
    CHECK_INT(virDomainGetCPUStats(dom, NULL, 0, 0, 1, 0));
    memset(params, 0, sizeof(params));
    n = CHECK_INT(virDomainGetCPUStats(dom, params, 2, 1, 3, 0));
    for (i = 0; i < 6; i++)
        printf("  [%d] %s %llu\n", i, params[i].field, params[i].value.ul);
    memset(params, 0, sizeof(params));
    n = CHECK_INT(virDomainGetCPUStats(dom, params, 1, 0, 2, 0));
    for (i = 0; i < 2; i++)
        printf("  [%d] %s %llu\n", i, params[i].field, params[i].value.ul);
    memset(params, 0, sizeof(params));
    n = CHECK_INT(virDomainGetCPUStats(dom, params, 3, 2, 4, 0));
    for (i = 0; i < 9; i++)
        printf("  [%d] %s %llu\n", i, params[i].field, params[i].value.ul);
    CHECK_INT(virDomainGetCPUStats(dom, params, 2, 4, 1, 0));
    CHECK_INT(virDomainGetCPUStats(dom, params, 2, -1, 2, 0));
    CHECK_INT(virDomainGetCPUStats(dom, params, 2, -2, 1, 0));
    CHECK_INT(virDomainGetCPUStats(dom, params, 2, 0, 1, 0x4));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn, ro;
    virDomainPtr dom, test, rodom;
    virDomainBlockStatsStruct st;
    virTypedParameter params[4];

    (void)argc;
    (void)argv;
    conn = compatOpen("test:///default", 0);
    dom = CHECK_PTR(virDomainDefineXML(conn, domXML));
    if (!dom)
        return 1;

    compatSection("shut off");
    CHECK_INT(virDomainBlockStats(dom, "vda", &st, sizeof(st)));
    CHECK_INT(virDomainGetCPUStats(dom, params, 3, -1, 1, 0));
    CHECK_INT(virDomainGetDiskErrors(dom, NULL, 0, 0));
    ioTune(dom);
    blockStats(dom);

    compatSection("running");
    CHECK_INT(virDomainCreate(dom));
    blockStats(dom);
    guestView(dom);
    cpuStats(dom);
    setIoTune(dom, "vdb", VIR_DOMAIN_AFFECT_LIVE, VIR_DOMAIN_BLOCK_IOTUNE_READ_IOPS_SEC, 0, "g2");
    setIoTune(dom, "vdb", VIR_DOMAIN_AFFECT_CONFIG, VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC, 0,
              NULL);
    setIoTune(dom, "vdb", VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG,
              VIR_DOMAIN_BLOCK_IOTUNE_WRITE_IOPS_SEC, 0, NULL);
    getIoTune(dom, "vdb", VIR_DOMAIN_AFFECT_LIVE, -1);
    getIoTune(dom, "vdb", VIR_DOMAIN_AFFECT_CONFIG, -1);
    CHECK_INT(virDomainDestroy(dom));

    compatSection("the default domain");
    test = CHECK_PTR(virDomainLookupByName(conn, "test"));
    guestView(test);
    CHECK_INT(virDomainBlockStats(test, "vda", &st, sizeof(st)));
    virDomainFree(test);

    compatSection("read-only connection");
    ro = compatOpen("test:///default", VIR_CONNECT_RO);
    rodom = CHECK_PTR(virDomainLookupByName(ro, "blk"));
    if (rodom) {
        getIoTune(rodom, "vda", 0, 2);
        CHECK_INT(virDomainGetBlockInfo(rodom, "vda", &(virDomainBlockInfo){0}, 0));
        setIoTune(rodom, "vda", 0, VIR_DOMAIN_BLOCK_IOTUNE_SIZE_IOPS_SEC, 5, NULL);
        CHECK_INT(virDomainGetFSInfo(rodom, &(virDomainFSInfoPtr *){NULL}, 0));
        virDomainFree(rodom);
    }
    virConnectClose(ro);
    virDomainFree(dom);
    virConnectClose(conn);
    return 0;
}
