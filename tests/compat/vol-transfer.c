/*
 * vol-transfer.c: what libvirt 9.0.0's test driver lacks and nuvirt's
 * has, with the semantics of libvirt's storage driver: wiping, resizing,
 * info flags, upload and download through streams, lookup by target
 * path, pool capabilities.  On libvirt every such call fails with
 * VIR_ERR_NO_SUPPORT (allow.txt lists those lines and nuvirt's, which
 * tests/teststoragetest.c checks in detail); everything around them must
 * still print the same.
 */
#include "compat.h"

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

static void
showVolInfo(virStorageVolPtr vol, unsigned int flags)
{
    virStorageVolInfo info;

    if (CHECK_INT(virStorageVolGetInfoFlags(vol, &info, flags)) == 0)
        printf("virStorageVolGetInfoFlags: type=%d capacity=%llu allocation=%llu\n",
               info.type, info.capacity, info.allocation);
}

/* One line for a transfer's outcome (the reference has no data path). */
static void
transfer(virConnectPtr conn, virStorageVolPtr vol)
{
    virStreamPtr st = virStreamNew(conn, 0);
    char buf[32] = "";
    long long hole = -1;

    CHECK_INT(virStorageVolUpload(vol, st, 4, 10, 0));
    CHECK_INT(virStreamSend(st, "0123456789abcdef", 16));
    CHECK_INT(virStreamSend(st, "x", 1));
    CHECK_INT(virStreamFinish(st));
    virStreamFree(st);

    st = virStreamNew(conn, 0);
    CHECK_INT(virStorageVolDownload(vol, st, 0, 20, 0));
    CHECK_INT(virStreamRecv(st, buf, sizeof(buf) - 1));
    printf("virStreamRecv: bytes 4-7: '%.4s'\n", buf + 4);
    CHECK_INT(virStreamRecv(st, buf, sizeof(buf)));
    CHECK_INT(virStreamRecvHole(st, &hole, 0));
    CHECK_INT(virStreamFinish(st));
    CHECK_INT(virStreamFinish(st));
    virStreamFree(st);

    st = virStreamNew(conn, 0);
    CHECK_INT(virStorageVolDownload(vol, st, 16, 0, VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM));
    CHECK_INT(virStreamRecvFlags(st, buf, sizeof(buf), VIR_STREAM_RECV_STOP_AT_HOLE));
    CHECK_INT(virStreamRecvFlags(st, buf, sizeof(buf), VIR_STREAM_RECV_STOP_AT_HOLE));
    CHECK_INT(virStreamRecvHole(st, &hole, 0));
    printf("virStreamRecvHole: hole=%lld\n", hole);
    CHECK_INT(virStreamAbort(st));
    virStreamFree(st);

    st = virStreamNew(conn, 0);
    CHECK_INT(virStorageVolUpload(vol, st, 0, 0, 7));
    CHECK_INT(virStorageVolDownload(vol, st, 0, 0, 7));
    virStreamFree(st);
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virStoragePoolPtr pool;
    virStoragePoolPtr found;
    virStorageVolPtr vol;
    char *caps;

    (void)argc;
    (void)argv;
    virSetErrorFunc(NULL, quiet);
    pool = CHECK_PTR(virStoragePoolLookupByName(conn, "default-pool"));
    vol = CHECK_PTR(virStorageVolCreateXML(pool,
        "<volume><name>t</name><capacity>1048576</capacity>"
        "<allocation>4096</allocation></volume>", 0));

    compatSection("the pool");
    caps = virConnectGetStoragePoolCapabilities(conn, 0);
    if (caps)
        printf("virConnectGetStoragePoolCapabilities(conn, 0) -> %zu bytes\n", strlen(caps));
    else
        compatShowError("virConnectGetStoragePoolCapabilities(conn, 0)");
    free(caps);
    CHECK_STR(virConnectGetStoragePoolCapabilities(conn, 1));
    found = CHECK_PTR(virStoragePoolLookupByTargetPath(conn, "/default-pool/"));
    if (found)
        virStoragePoolFree(found);
    CHECK_FAIL_PTR(virStoragePoolLookupByTargetPath(conn, "/nowhere"));
    CHECK_FAIL_PTR(virStoragePoolLookupByTargetPath(conn, NULL));

    compatSection("info flags");
    showVolInfo(vol, 0);
    showVolInfo(vol, VIR_STORAGE_VOL_GET_PHYSICAL);
    showVolInfo(vol, 2);

    compatSection("wipe");
    CHECK_INT(virStorageVolWipe(vol, 0));
    CHECK_INT(virStorageVolWipe(vol, 1));
    CHECK_INT(virStorageVolWipePattern(vol, VIR_STORAGE_VOL_WIPE_ALG_SCHNEIER, 0));
    CHECK_INT(virStorageVolWipePattern(vol, VIR_STORAGE_VOL_WIPE_ALG_TRIM, 0));
    CHECK_INT(virStorageVolWipePattern(vol, VIR_STORAGE_VOL_WIPE_ALG_LAST, 0));
    showVolInfo(vol, 0);

    compatSection("resize");
    CHECK_INT(virStorageVolResize(vol, 2097152, 0));
    CHECK_INT(virStorageVolResize(vol, 1048576, VIR_STORAGE_VOL_RESIZE_DELTA));
    CHECK_INT(virStorageVolResize(vol, 1048576, VIR_STORAGE_VOL_RESIZE_SHRINK |
                                  VIR_STORAGE_VOL_RESIZE_DELTA));
    CHECK_INT(virStorageVolResize(vol, 1024, 0));
    CHECK_INT(virStorageVolResize(vol, 4194304, VIR_STORAGE_VOL_RESIZE_ALLOCATE));
    CHECK_INT(virStorageVolResize(vol, 4194304, 8));
    showVolInfo(vol, 0);

    compatSection("upload and download");
    transfer(conn, vol);

    compatSection("afterwards");
    CHECK_INT(virStorageVolDelete(vol, 0));
    {
        virStoragePoolInfo info;

        if (CHECK_INT(virStoragePoolGetInfo(pool, &info)) == 0)
            printf("  allocation=%llu available=%llu\n", info.allocation, info.available);
    }
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
