/*
 * The test driver's storage through the public API on test:///default:
 * the default pool, pool life cycles, volumes and the pool's accounting,
 * and what libvirt's test driver lacks and nuvirt does with libvirt's
 * storage driver semantics: wipe, resize, info flags, upload and
 * download (offsets, lengths, sparse streams), stream events.
 */
#include "internal.h"
#include "testutils.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define MiB (1024ULL * 1024)

#define POOLXML(name, uuid, type, path) \
    "<pool type='" type "'><name>" name "</name><uuid>" uuid "</uuid>" \
    "<target><path>" path "</path></target></pool>"

#define VOLXML(name, cap, alloc) \
    "<volume><name>" name "</name><capacity>" cap "</capacity>" \
    "<allocation>" alloc "</allocation></volume>"

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

static int
checkError(int code, const char *msg)
{
    virErrorPtr err = virGetLastError();

    CHECK(err != NULL);
    CHECK_INTEQ(err->code, code);
    CHECK_STREQ(err->message, msg);
    return 0;
}

static int
checkPoolAlloc(virStoragePoolPtr pool, unsigned long long alloc)
{
    virStoragePoolInfo info;

    CHECK_INTEQ(virStoragePoolGetInfo(pool, &info), 0);
    CHECK_INTEQ(info.allocation, alloc);
    CHECK_INTEQ(info.available, info.capacity - alloc);
    return 0;
}

static int
checkVol(virStorageVolPtr vol, unsigned long long cap, unsigned long long alloc)
{
    virStorageVolInfo info;

    CHECK_INTEQ(virStorageVolGetInfo(vol, &info), 0);
    CHECK_INTEQ(info.capacity, cap);
    CHECK_INTEQ(info.allocation, alloc);
    return 0;
}

static const char *defaultPoolXML =
    "<pool type='dir'>\n"
    "  <name>default-pool</name>\n"
    "  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n"
    "  <capacity unit='bytes'>107374182400</capacity>\n"
    "  <allocation unit='bytes'>0</allocation>\n"
    "  <available unit='bytes'>107374182400</available>\n"
    "  <source>\n"
    "  </source>\n"
    "  <target>\n"
    "    <path>/default-pool</path>\n"
    "  </target>\n"
    "</pool>\n";

static int
testDefaultPool(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool;
    virStoragePoolInfo info;
    g_autofree char *xml = NULL;
    char *names[4];
    int autostart = -1;

    CHECK(conn);
    CHECK_INTEQ(virConnectNumOfStoragePools(conn), 1);
    CHECK_INTEQ(virConnectNumOfDefinedStoragePools(conn), 0);
    CHECK_INTEQ(virConnectListStoragePools(conn, names, 4), 1);
    CHECK_STREQ(names[0], "default-pool");
    g_free(names[0]);
    CHECK((pool = virStoragePoolLookupByName(conn, "default-pool")));
    CHECK_INTEQ(virStoragePoolGetInfo(pool, &info), 0);
    CHECK_INTEQ(info.state, VIR_STORAGE_POOL_RUNNING);
    CHECK_INTEQ(info.capacity, 100 * 1024 * MiB);
    CHECK_STREQ((xml = virStoragePoolGetXMLDesc(pool, 0)), defaultPoolXML);
    CHECK_INTEQ(virStoragePoolIsActive(pool), 1);
    CHECK_INTEQ(virStoragePoolIsPersistent(pool), 1);
    CHECK_INTEQ(virStoragePoolGetAutostart(pool, &autostart), 0);
    CHECK_INTEQ(autostart, 0);
    CHECK_INTEQ(virStoragePoolNumOfVolumes(pool), 0);
    virStoragePoolFree(pool);
    CHECK((pool = virStoragePoolLookupByTargetPath(conn, "/default-pool//")));
    CHECK_STREQ(virStoragePoolGetName(pool), "default-pool");
    virStoragePoolFree(pool);
    CHECK(!virStoragePoolLookupByTargetPath(conn, "/nowhere/"));
    CHECK(checkError(VIR_ERR_NO_STORAGE_POOL,
                     "Storage pool not found: no storage pool with matching target path '/nowhere/' (/nowhere)") == 0);
    CHECK(!virStoragePoolLookupByName(conn, "nosuch"));
    CHECK(checkError(VIR_ERR_NO_STORAGE_POOL,
                     "Storage pool not found: no storage pool with matching name 'nosuch'") == 0);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testPoolLifecycle(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool;
    virStoragePoolPtr *pools = NULL;
    int n;

    CHECK(conn);
    CHECK((pool = virStoragePoolDefineXML(conn, POOLXML("p1", "11111111-2222-3333-4444-555555555555",
                                                         "dir", "/p1"), 0)));
    CHECK_INTEQ(virStoragePoolIsActive(pool), 0);
    CHECK_INTEQ(virConnectNumOfDefinedStoragePools(conn), 1);
    CHECK_INTEQ(virStoragePoolBuild(pool, 0), 0);
    CHECK_INTEQ(virStoragePoolRefresh(pool, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: storage pool 'p1' is not active") == 0);
    CHECK_INTEQ(virStoragePoolCreate(pool, 0), 0);
    CHECK_INTEQ(virStoragePoolCreate(pool, 0), -1);
    CHECK_INTEQ(virStoragePoolUndefine(pool), -1);
    CHECK_INTEQ(virStoragePoolSetAutostart(pool, 1), 0);
    n = virConnectListAllStoragePools(conn, &pools,
                                      VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART);
    CHECK_INTEQ(n, 1);
    CHECK_STREQ(virStoragePoolGetName(pools[0]), "p1");
    virStoragePoolFree(pools[0]);
    g_free(pools);
    /* as libvirt: without an array, every pool counts */
    CHECK_INTEQ(virConnectListAllStoragePools(conn, NULL,
                                              VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART), 2);
    /* a second dir pool on the same path is refused */
    CHECK(!virStoragePoolDefineXML(conn, POOLXML("p2", "11111111-2222-3333-4444-666666666666",
                                                 "dir", "/p1"), 0));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED,
                     "operation failed: Storage source conflict with pool: 'p1'") == 0);
    CHECK_INTEQ(virStoragePoolDestroy(pool), 0);
    CHECK_INTEQ(virStoragePoolDelete(pool, 0), 0);
    CHECK_INTEQ(virStoragePoolUndefine(pool), 0);
    CHECK_INTEQ(virStoragePoolIsActive(pool), -1);
    virStoragePoolFree(pool);

    /* transient: gone when stopped */
    CHECK((pool = virStoragePoolCreateXML(conn, POOLXML("t1", "11111111-2222-3333-4444-777777777777",
                                                         "dir", "/t1"), 0)));
    CHECK_INTEQ(virStoragePoolIsPersistent(pool), 0);
    CHECK_INTEQ(virStoragePoolSetAutostart(pool, 1), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG, "invalid argument: pool has no config file") == 0);
    CHECK_INTEQ(virStoragePoolDestroy(pool), 0);
    CHECK(!virStoragePoolLookupByName(conn, "t1"));
    virStoragePoolFree(pool);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testVolumes(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool;
    virStorageVolPtr vol, clone, found;
    g_autofree char *path = NULL;

    CHECK(conn);
    CHECK((pool = virStoragePoolLookupByName(conn, "default-pool")));
    CHECK((vol = virStorageVolCreateXML(pool, VOLXML("a", "10485760", "1048576"), 0)));
    CHECK_STREQ(virStorageVolGetKey(vol), "/default-pool/a");
    CHECK_STREQ((path = virStorageVolGetPath(vol)), "/default-pool/a");
    CHECK(checkVol(vol, 10 * MiB, MiB) == 0);
    CHECK(checkPoolAlloc(pool, MiB) == 0);
    CHECK(!virStorageVolCreateXML(pool, VOLXML("a", "1", "1"), 0));
    CHECK(checkError(VIR_ERR_OPERATION_FAILED, "operation failed: storage vol already exists") == 0);
    CHECK(!virStorageVolCreateXML(pool, VOLXML("big", "214748364800", "214748364800"), 0));
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR,
                     "internal error: Not enough free space in pool for volume 'big'") == 0);
    CHECK((found = virStorageVolLookupByPath(conn, "/default-pool/a")));
    virStorageVolFree(found);
    CHECK((found = virStorageVolLookupByKey(conn, "/default-pool/a")));
    virStorageVolFree(found);
    CHECK((clone = virStorageVolCreateXMLFrom(pool, VOLXML("b", "10485760", "2097152"), vol, 0)));
    CHECK(checkPoolAlloc(pool, 3 * MiB) == 0);
    CHECK_INTEQ(virStoragePoolNumOfVolumes(pool), 2);
    CHECK_INTEQ(virStorageVolDelete(clone, 0), 0);
    CHECK_INTEQ(virStorageVolDelete(clone, 0), -1);
    CHECK(checkError(VIR_ERR_NO_STORAGE_VOL,
                     "Storage volume not found: no storage vol with matching name 'b'") == 0);
    CHECK_INTEQ(virStorageVolDelete(vol, 0), 0);
    CHECK(checkPoolAlloc(pool, 0) == 0);
    virStorageVolFree(clone);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* ---- contents ---- */

typedef struct {
    GByteArray *bytes;
    long long holes;            /* hole bytes seen */
    int nholes;
} sink;

static int
sinkData(virStreamPtr st G_GNUC_UNUSED, const char *data, size_t n, void *opaque)
{
    sink *s = opaque;

    g_byte_array_append(s->bytes, (const guint8 *)data, n);
    return n;
}

static int
sinkHole(virStreamPtr st G_GNUC_UNUSED, long long len, void *opaque)
{
    sink *s = opaque;
    g_autofree guint8 *zeros = g_new0(guint8, len);

    g_byte_array_append(s->bytes, zeros, len);
    s->holes += len;
    s->nholes++;
    return 0;
}

/* The bytes of [offset, offset + length) of @vol, holes counted in @s. */
static GByteArray *
download(virStorageVolPtr vol, unsigned long long offset, unsigned long long length,
         unsigned int flags, sink *s)
{
    virStreamPtr st = virStreamNew(virStorageVolGetConnect(vol), 0);
    int rc;

    s->bytes = g_byte_array_new();
    s->holes = 0;
    s->nholes = 0;
    if (virStorageVolDownload(vol, st, offset, length, flags) < 0)
        goto error;
    if (flags & VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM)
        rc = virStreamSparseRecvAll(st, sinkData, sinkHole, s);
    else
        rc = virStreamRecvAll(st, sinkData, s);
    if (rc < 0 || virStreamFinish(st) < 0)
        goto error;
    virStreamFree(st);
    return s->bytes;

 error:
    virStreamFree(st);
    g_byte_array_unref(s->bytes);
    return NULL;
}

static int
upload(virStorageVolPtr vol, unsigned long long offset, unsigned long long length,
       const char *bytes, size_t n)
{
    virStreamPtr st = virStreamNew(virStorageVolGetConnect(vol), 0);
    int ret = -1;

    if (virStorageVolUpload(vol, st, offset, length, 0) < 0)
        goto cleanup;
    while (n > 0) {
        int done = virStreamSend(st, bytes, n);

        if (done < 0)
            goto cleanup;
        bytes += done;
        n -= done;
    }
    ret = virStreamFinish(st);
 cleanup:
    virStreamFree(st);
    return ret;
}

static bool
allBytes(GByteArray *a, size_t from, size_t to, guint8 value)
{
    size_t i;

    for (i = from; i < to; i++) {
        if (a->data[i] != value)
            return false;
    }
    return true;
}

static int
testUploadDownload(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    g_autofree char *payload = g_new(char, 3 * MiB);
    g_autoptr(GByteArray) got = NULL;
    virStreamPtr st;
    sink s;
    size_t i;

    CHECK(conn);
    for (i = 0; i < 3 * MiB; i++)
        payload[i] = (char)(i * 7 + 3);
    CHECK((pool = virStoragePoolLookupByName(conn, "default-pool")));
    CHECK((vol = virStorageVolCreateXML(pool, VOLXML("u", "8388608", "0"), 0)));

    /* upload 3 MiB at 1 MiB, then the same bytes come back */
    CHECK_INTEQ(upload(vol, MiB, 0, payload, 3 * MiB), 0);
    CHECK(checkVol(vol, 8 * MiB, 3 * MiB) == 0);
    CHECK(checkPoolAlloc(pool, 3 * MiB) == 0);
    CHECK((got = download(vol, MiB, 3 * MiB, 0, &s)));
    CHECK_INTEQ(got->len, 3 * MiB);
    CHECK(memcmp(got->data, payload, 3 * MiB) == 0);
    g_clear_pointer(&got, g_byte_array_unref);

    /* the whole volume, sparse: a hole, the data, a hole */
    CHECK((got = download(vol, 0, 0, VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM, &s)));
    CHECK_INTEQ(got->len, 8 * MiB);
    CHECK_INTEQ(s.nholes, 2);
    CHECK_INTEQ(s.holes, 5 * MiB);
    CHECK(allBytes(got, 0, MiB, 0));
    CHECK(memcmp(got->data + MiB, payload, 3 * MiB) == 0);
    g_clear_pointer(&got, g_byte_array_unref);

    /* a length limit: the rest of the write fails */
    st = virStreamNew(conn, 0);
    CHECK_INTEQ(virStorageVolUpload(vol, st, 0, 10, 0), 0);
    CHECK_INTEQ(virStreamSend(st, payload, 20), 10);
    CHECK_INTEQ(virStreamSend(st, payload + 10, 10), -1);
    CHECK(checkError(VIR_ERR_SYSTEM_ERROR,
                     "cannot write to stream: No space left on device") == 0);
    CHECK_INTEQ(virStreamAbort(st), 0);
    virStreamFree(st);
    /* past the end of the file: it grows, and the raw volume with it */
    CHECK_INTEQ(upload(vol, 9 * MiB, 0, "tail", 4), 0);
    CHECK(checkVol(vol, 9 * MiB + 4, 3 * MiB + 10 + 4) == 0);
    CHECK((got = download(vol, 9 * MiB, 100, 0, &s)));
    CHECK_INTEQ(got->len, 4);
    CHECK(memcmp(got->data, "tail", 4) == 0);
    g_clear_pointer(&got, g_byte_array_unref);

    /* holes need the sparse flag; a finished stream is closed */
    st = virStreamNew(conn, 0);
    CHECK_INTEQ(virStorageVolUpload(vol, st, 0, 0, 0), 0);
    CHECK_INTEQ(virStreamSendHole(st, 100, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: Skipping is not supported with this stream") == 0);
    CHECK_INTEQ(virStorageVolUpload(vol, st, 0, 0, 0), -1);
    CHECK_INTEQ(virStreamFinish(st), 0);
    CHECK_INTEQ(virStreamSend(st, "x", 1), -1);
    CHECK(checkError(VIR_ERR_OPERATION_FAILED, "operation failed: stream is closed") == 0);
    virStreamFree(st);

    CHECK_INTEQ(virStorageVolDelete(vol, 0), 0);
    CHECK(checkPoolAlloc(pool, 0) == 0);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* A source of 1 MiB data, 2 MiB hole, 1 MiB data. */
typedef struct {
    long long pos;
} source;

static const long long sourceMap[][2] = {   /* start, in data */
    { 0, 1 }, { 1 * MiB, 0 }, { 3 * MiB, 1 }, { 4 * MiB, -1 },
};

static int
sourceHole(virStreamPtr st G_GNUC_UNUSED, int *inData, long long *len, void *opaque)
{
    source *src = opaque;
    size_t i;

    for (i = 0; sourceMap[i][1] >= 0; i++) {
        if (src->pos < sourceMap[i + 1][0]) {
            *inData = sourceMap[i][1];
            *len = sourceMap[i + 1][0] - src->pos;
            return 0;
        }
    }
    *inData = 1;
    *len = 0;
    return 0;
}

static int
sourceSkip(virStreamPtr st G_GNUC_UNUSED, long long len, void *opaque)
{
    ((source *)opaque)->pos += len;
    return 0;
}

static int
sourceData(virStreamPtr st G_GNUC_UNUSED, char *data, size_t n, void *opaque)
{
    source *src = opaque;

    memset(data, 'D', n);
    src->pos += n;
    return n;
}

static int
testSparseUpload(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStreamPtr st;
    source src = { 0 };
    g_autoptr(GByteArray) got = NULL;
    sink s;
    long long hole = -1;
    char buf[16];

    CHECK(conn);
    CHECK((pool = virStoragePoolLookupByName(conn, "default-pool")));
    CHECK((vol = virStorageVolCreateXML(pool, VOLXML("s", "8388608", "8388608"), 0)));
    st = virStreamNew(conn, 0);
    CHECK_INTEQ(virStorageVolUpload(vol, st, 0, 0, VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM), 0);
    CHECK_INTEQ(virStreamSparseSendAll(st, sourceData, sourceHole, sourceSkip, &src), 0);
    CHECK_INTEQ(virStreamFinish(st), 0);
    virStreamFree(st);
    /* the hole goes through the preallocation, and libvirt's ftruncate()
     * at the hole's end cut the file there: it ends with the last data */
    CHECK(checkVol(vol, 4 * MiB, 2 * MiB) == 0);
    CHECK((got = download(vol, 0, 0, VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM, &s)));
    CHECK_INTEQ(got->len, 4 * MiB);
    CHECK_INTEQ(s.nholes, 1);
    CHECK_INTEQ(s.holes, 2 * MiB);
    CHECK(allBytes(got, 0, MiB, 'D'));
    CHECK(allBytes(got, MiB, 3 * MiB, 0));
    CHECK(allBytes(got, 3 * MiB, 4 * MiB, 'D'));

    /* by hand: -3 at the hole, then its length */
    st = virStreamNew(conn, 0);
    CHECK_INTEQ(virStorageVolDownload(vol, st, MiB - 4, 0,
                                      VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM), 0);
    CHECK_INTEQ(virStreamRecvFlags(st, buf, sizeof(buf), VIR_STREAM_RECV_STOP_AT_HOLE), 4);
    CHECK_INTEQ(virStreamRecvFlags(st, buf, sizeof(buf), VIR_STREAM_RECV_STOP_AT_HOLE), -3);
    CHECK_INTEQ(virStreamRecvHole(st, &hole, 0), 0);
    CHECK_INTEQ(hole, 2 * MiB);
    CHECK_INTEQ(virStreamRecvHole(st, &hole, 0), 0);
    CHECK_INTEQ(hole, 0);
    CHECK_INTEQ(virStreamRecv(st, buf, 2), 2);
    CHECK(buf[0] == 'D');
    CHECK_INTEQ(virStreamAbort(st), 0);
    virStreamFree(st);

    /* without the flag, holes are zeros and cannot be asked for */
    st = virStreamNew(conn, 0);
    CHECK_INTEQ(virStorageVolDownload(vol, st, MiB - 2, 0, 0), 0);
    CHECK_INTEQ(virStreamRecvFlags(st, buf, 4, VIR_STREAM_RECV_STOP_AT_HOLE), 4);
    CHECK(buf[1] == 'D' && buf[2] == 0);
    CHECK_INTEQ(virStreamRecvHole(st, &hole, 0), -1);
    CHECK(checkError(VIR_ERR_OPERATION_INVALID,
                     "Requested operation is not valid: Holes are not supported with this stream") == 0);
    CHECK_INTEQ(virStreamFinish(st), 0);
    virStreamFree(st);

    CHECK_INTEQ(virStorageVolDelete(vol, 0), 0);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* ---- wipe and resize ---- */

static int
checkWipe(virStorageVolPtr vol, unsigned int alg, int value)
{
    g_autoptr(GByteArray) got = NULL;
    sink s;
    size_t zeros = 0;
    size_t i;

    CHECK_INTEQ(virStorageVolWipePattern(vol, alg, 0), 0);
    CHECK((got = download(vol, 0, 4096, 0, &s)));
    CHECK_INTEQ(got->len, 4096);
    if (value >= 0)
        CHECK(allBytes(got, 0, got->len, value));
    for (i = 0; i < got->len; i++)
        zeros += got->data[i] == 0;
    if (value < 0)
        CHECK(zeros < 100);
    return 0;
}

static int
testWipe(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool, lvm, gl;
    virStorageVolPtr vol, lv, gv;

    CHECK(conn);
    CHECK((pool = virStoragePoolLookupByName(conn, "default-pool")));
    /* a sparse file is cut to nothing: no allocation left */
    CHECK((vol = virStorageVolCreateXML(pool, VOLXML("w", "1048576", "4096"), 0)));
    CHECK(checkPoolAlloc(pool, 4096) == 0);
    CHECK_INTEQ(virStorageVolWipe(vol, 0), 0);
    CHECK(checkVol(vol, MiB, 0) == 0);
    CHECK(checkPoolAlloc(pool, 0) == 0);
    /* patterns cover the whole file, which is then fully allocated */
    CHECK(checkWipe(vol, VIR_STORAGE_VOL_WIPE_ALG_DOD, 0xff) == 0);
    CHECK(checkVol(vol, MiB, MiB) == 0);
    CHECK(checkPoolAlloc(pool, MiB) == 0);
    CHECK(checkWipe(vol, VIR_STORAGE_VOL_WIPE_ALG_BSI, 0x7f) == 0);
    CHECK(checkWipe(vol, VIR_STORAGE_VOL_WIPE_ALG_NNSA, 0) == 0);
    CHECK(checkWipe(vol, VIR_STORAGE_VOL_WIPE_ALG_RANDOM, -1) == 0);
    CHECK(checkWipe(vol, VIR_STORAGE_VOL_WIPE_ALG_ZERO, 0) == 0);
    CHECK(checkVol(vol, MiB, MiB) == 0);
    CHECK_INTEQ(virStorageVolWipePattern(vol, VIR_STORAGE_VOL_WIPE_ALG_TRIM, 0), -1);
    CHECK(checkError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                     "argument unsupported: 'trim' algorithm not supported") == 0);
    CHECK_INTEQ(virStorageVolWipePattern(vol, 99, 0), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "invalid argument: wiping algorithm 99 not supported") == 0);
    CHECK_INTEQ(virStorageVolDelete(vol, 0), 0);

    /* a logical volume is a device: zeroed, not refreshed */
    CHECK((lvm = virStoragePoolCreateXML(conn,
        "<pool type='logical'><name>vg</name><source><name>vg</name>"
        "<device path='/dev/sdz'/></source><target><path>/dev/vg</path></target></pool>", 0)));
    CHECK((lv = virStorageVolCreateXML(lvm, VOLXML("lv", "1048576", "4096"), 0)));
    CHECK_INTEQ(virStorageVolWipe(lv, 0), 0);
    CHECK(checkVol(lv, MiB, 4096) == 0);
    CHECK_INTEQ(virStorageVolResize(lv, 2 * MiB, 0), -1);
    CHECK(checkError(VIR_ERR_NO_SUPPORT,
                     "this function is not supported by the connection driver: "
                     "storage pool does not support changing of volume capacity") == 0);
    CHECK_INTEQ(virStorageVolDelete(lv, 0), 0);
    CHECK_INTEQ(virStoragePoolDestroy(lvm), 0);

    /* gluster has no wipe */
    CHECK((gl = virStoragePoolCreateXML(conn,
        "<pool type='gluster'><name>gl</name><source><host name='h'/><name>v</name>"
        "<dir path='/'/></source></pool>", 0)));
    CHECK((gv = virStorageVolCreateXML(gl, VOLXML("g", "1048576", "0"), 0)));
    CHECK_INTEQ(virStorageVolWipe(gv, 0), -1);
    CHECK(checkError(VIR_ERR_NO_SUPPORT,
                     "this function is not supported by the connection driver: "
                     "storage pool doesn't support volume wiping") == 0);
    CHECK_INTEQ(virStoragePoolDestroy(gl), 0);

    virStorageVolFree(gv);
    virStoragePoolFree(gl);
    virStorageVolFree(lv);
    virStoragePoolFree(lvm);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

static int
testResize(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pool;
    virStorageVolPtr vol, q;
    virStorageVolInfo info;

    CHECK(conn);
    CHECK((pool = virStoragePoolLookupByName(conn, "default-pool")));
    CHECK((vol = virStorageVolCreateXML(pool, VOLXML("r", "1048576", "4096"), 0)));
    CHECK_INTEQ(virStorageVolResize(vol, 2 * MiB, 0), 0);
    CHECK(checkVol(vol, 2 * MiB, 4096) == 0);
    CHECK_INTEQ(virStorageVolResize(vol, MiB, VIR_STORAGE_VOL_RESIZE_DELTA), 0);
    CHECK(checkVol(vol, 3 * MiB, 4096) == 0);
    CHECK_INTEQ(virStorageVolResize(vol, MiB, 0), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "invalid argument: Can't shrink capacity below current capacity "
                     "unless shrink flag explicitly specified") == 0);
    CHECK_INTEQ(virStorageVolResize(vol, MiB, VIR_STORAGE_VOL_RESIZE_SHRINK |
                                    VIR_STORAGE_VOL_RESIZE_DELTA), 0);
    CHECK(checkVol(vol, 2 * MiB, 4096) == 0);
    CHECK_INTEQ(virStorageVolResize(vol, 1024, VIR_STORAGE_VOL_RESIZE_SHRINK), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "invalid argument: can't shrink capacity below existing allocation") == 0);
    CHECK_INTEQ(virStorageVolResize(vol, 0, 0), -1);
    CHECK(checkError(VIR_ERR_INVALID_ARG,
                     "capacity in virStorageVolResize cannot be zero "
                     "without 'delta' or 'shrink' flags set") == 0);
    /* preallocation counts in the pool */
    CHECK_INTEQ(virStorageVolResize(vol, 4 * MiB, VIR_STORAGE_VOL_RESIZE_ALLOCATE), 0);
    CHECK(checkVol(vol, 4 * MiB, 4 * MiB) == 0);
    CHECK(checkPoolAlloc(pool, 4 * MiB) == 0);
    CHECK_INTEQ(virStorageVolResize(vol, 200ULL * 1024 * MiB, VIR_STORAGE_VOL_RESIZE_ALLOCATE), -1);
    CHECK(checkError(VIR_ERR_OPERATION_FAILED,
                     "operation failed: Not enough space left in storage pool") == 0);
    CHECK_INTEQ(virStorageVolGetInfoFlags(vol, &info, VIR_STORAGE_VOL_GET_PHYSICAL), 0);
    CHECK_INTEQ(info.allocation, 4 * MiB);
    CHECK_INTEQ(virStorageVolDelete(vol, 0), 0);

    /* qcow2 cannot be preallocated */
    CHECK((q = virStorageVolCreateXML(pool,
        "<volume><name>q</name><capacity>1048576</capacity>"
        "<target><format type='qcow2'/></target></volume>", 0)));
    CHECK_INTEQ(virStorageVolResize(q, 2 * MiB, VIR_STORAGE_VOL_RESIZE_ALLOCATE), -1);
    CHECK(checkError(VIR_ERR_OPERATION_UNSUPPORTED,
                     "Operation not supported: preallocate is only supported for raw type volume") == 0);
    CHECK_INTEQ(virStorageVolResize(q, 2 * MiB, 0), 0);
    CHECK_INTEQ(virStorageVolDelete(q, 0), 0);
    CHECK(checkPoolAlloc(pool, 0) == 0);
    virStorageVolFree(q);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* ---- stream events ---- */

static int eventCalls;

static void
onEvent(virStreamPtr st, int events, void *opaque G_GNUC_UNUSED)
{
    char buf[4];

    if (events & VIR_STREAM_EVENT_READABLE) {
        eventCalls++;
        if (virStreamRecv(st, buf, sizeof(buf)) == 0)
            virStreamEventUpdateCallback(st, 0);
    }
}

static int
testStreamEvents(void)
{
    virConnectPtr conn;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStreamPtr st;
    int i;

    CHECK_INTEQ(virEventRegisterDefaultImpl(), 0);
    CHECK((conn = virConnectOpen("test:///default")));
    CHECK((pool = virStoragePoolLookupByName(conn, "default-pool")));
    CHECK((vol = virStorageVolCreateXML(pool, VOLXML("e", "10", "10"), 0)));
    st = virStreamNew(conn, VIR_STREAM_NONBLOCK);
    CHECK_INTEQ(virStreamEventUpdateCallback(st, 0), -1);
    CHECK_INTEQ(virStorageVolDownload(vol, st, 0, 0, 0), 0);
    CHECK_INTEQ(virStreamEventRemoveCallback(st), -1);
    CHECK(checkError(VIR_ERR_INTERNAL_ERROR, "internal error: no stream callback registered") == 0);
    CHECK_INTEQ(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE, onEvent, NULL, NULL), 0);
    CHECK_INTEQ(virStreamEventAddCallback(st, VIR_STREAM_EVENT_READABLE, onEvent, NULL, NULL), -1);
    /* 10 bytes in 4-byte reads: 3 with data, 1 at the end, after which
     * the callback asks for nothing more (the loop would then sleep) */
    for (i = 0; i < 100 && eventCalls < 4; i++)
        CHECK_INTEQ(virEventRunDefaultImpl(), 0);
    CHECK_INTEQ(eventCalls, 4);
    CHECK_INTEQ(virStreamEventRemoveCallback(st), 0);
    CHECK_INTEQ(virStreamFinish(st), 0);
    virStreamFree(st);
    /* the loop drops its reference to the stream from an idle source */
    CHECK_INTEQ(virEventRunDefaultImpl(), 0);
    CHECK_INTEQ(virStorageVolDelete(vol, 0), 0);
    virStorageVolFree(vol);
    virStoragePoolFree(pool);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

/* ---- threads ---- */

static void *
volWorker(void *opaque)
{
    virStoragePoolPtr pool = opaque;
    const char *name = virStoragePoolGetName(pool);
    char xml[256];
    int i;

    for (i = 0; i < 50; i++) {
        virStorageVolPtr vol;
        g_autoptr(GByteArray) got = NULL;
        sink s;

        g_snprintf(xml, sizeof(xml), VOLXML("%s-%d", "65536", "0"), name, i);
        if (!(vol = virStorageVolCreateXML(pool, xml, 0)))
            return GINT_TO_POINTER(1);
        if (upload(vol, 0, 0, xml, strlen(xml)) < 0 ||
            !(got = download(vol, 0, strlen(xml), 0, &s)) ||
            memcmp(got->data, xml, strlen(xml)) != 0 ||
            virStorageVolDelete(vol, 0) < 0) {
            virStorageVolFree(vol);
            return GINT_TO_POINTER(1);
        }
        virStorageVolFree(vol);
    }
    return NULL;
}

static int
testThreads(void)
{
    virConnectPtr conn = virConnectOpen("test:///default");
    virStoragePoolPtr pools[6];
    GThread *threads[6];
    int failed = 0;
    int i;

    CHECK(conn);
    for (i = 0; i < 6; i++) {
        g_autofree char *xml = g_strdup_printf(
            "<pool type='dir'><name>tp%d</name><target><path>/tp%d</path></target></pool>",
            i, i);

        CHECK((pools[i] = virStoragePoolCreateXML(conn, xml, 0)));
    }
    for (i = 0; i < 6; i++)
        threads[i] = g_thread_new("vol", volWorker, pools[i]);
    for (i = 0; i < 6; i++)
        failed += GPOINTER_TO_INT(g_thread_join(threads[i]));
    CHECK_INTEQ(failed, 0);
    for (i = 0; i < 6; i++) {
        CHECK(checkPoolAlloc(pools[i], 0) == 0);
        CHECK_INTEQ(virStoragePoolNumOfVolumes(pools[i]), 0);
        CHECK_INTEQ(virStoragePoolDestroy(pools[i]), 0);
        virStoragePoolFree(pools[i]);
    }
    CHECK_INTEQ(virConnectNumOfStoragePools(conn), 1);
    CHECK_INTEQ(virConnectClose(conn), 0);
    return 0;
}

int
main(void)
{
    virSetErrorFunc(NULL, quiet);
    virTestRun("default pool", testDefaultPool);
    virTestRun("pool life cycle", testPoolLifecycle);
    virTestRun("volumes", testVolumes);
    virTestRun("upload and download", testUploadDownload);
    virTestRun("sparse streams", testSparseUpload);
    virTestRun("wipe", testWipe);
    virTestRun("resize", testResize);
    virTestRun("stream events", testStreamEvents);
    virTestRun("threads", testThreads);
    return virTestDone();
}
