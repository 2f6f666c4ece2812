/*
 * vol-basic.c: volumes created, cloned, looked up every way, listed,
 * inspected and deleted, with the pool's accounting after each step; the
 * errors of taken names, full pools, bad documents and flags, and
 * stopped pools.
 */
#include "compat.h"

#define VOL(name, cap, alloc) \
    "<volume><name>" name "</name><capacity>" cap "</capacity>" \
    "<allocation>" alloc "</allocation></volume>"

static int
cmpVol(const void *a, const void *b)
{
    return strcmp(virStorageVolGetName(*(virStorageVolPtr *)a),
                  virStorageVolGetName(*(virStorageVolPtr *)b));
}

static int
cmpStr(const void *a, const void *b)
{
    return strcmp(*(char **)a, *(char **)b);
}

static void
showPool(virStoragePoolPtr pool)
{
    virStoragePoolInfo info;
    char *names[16];
    virStorageVolPtr *vols = NULL;
    int n;
    int i;

    if (CHECK_INT(virStoragePoolGetInfo(pool, &info)) == 0)
        printf("  state=%d capacity=%llu allocation=%llu available=%llu\n",
               info.state, info.capacity, info.allocation, info.available);
    CHECK_INT(virStoragePoolNumOfVolumes(pool));
    n = virStoragePoolListVolumes(pool, names, 16);
    if (n > 0)
        qsort(names, n, sizeof(*names), cmpStr);
    compatShowNames("virStoragePoolListVolumes(pool, names, 16)", names, n);
    n = CHECK_INT(virStoragePoolListAllVolumes(pool, &vols, 0));
    if (n > 0)
        qsort(vols, n, sizeof(*vols), cmpVol);
    for (i = 0; i < n; i++) {
        printf("  %s key=%s\n", virStorageVolGetName(vols[i]), virStorageVolGetKey(vols[i]));
        virStorageVolFree(vols[i]);
    }
    free(vols);
}

static void
showVol(virStorageVolPtr vol)
{
    virStorageVolInfo info;
    virStoragePoolPtr pool;

    CHECK_CSTR(virStorageVolGetName(vol));
    CHECK_CSTR(virStorageVolGetKey(vol));
    CHECK_STR(virStorageVolGetPath(vol));
    if (CHECK_INT(virStorageVolGetInfo(vol, &info)) == 0)
        printf("  type=%d capacity=%llu allocation=%llu\n",
               info.type, info.capacity, info.allocation);
    CHECK_STR(virStorageVolGetXMLDesc(vol, 0));
    pool = CHECK_PTR(virStoragePoolLookupByVolume(vol));
    if (pool) {
        CHECK_CSTR(virStoragePoolGetName(pool));
        virStoragePoolFree(pool);
    }
}

static void
lookups(virConnectPtr conn, virStoragePoolPtr pool)
{
    virStorageVolPtr vol;

    compatSection("lookups");
    vol = CHECK_PTR(virStorageVolLookupByName(pool, "a"));
    CHECK_CSTR(virStorageVolGetName(vol));
    printf("  same connection: %d\n", virStorageVolGetConnect(vol) == conn);
    CHECK_INT(virStorageVolRef(vol));
    CHECK_INT(virStorageVolFree(vol));
    CHECK_INT(virStorageVolFree(vol));
    vol = CHECK_PTR(virStorageVolLookupByKey(conn, "/default-pool/a"));
    CHECK_CSTR(virStorageVolGetName(vol));
    virStorageVolFree(vol);
    vol = CHECK_PTR(virStorageVolLookupByPath(conn, "/default-pool/a"));
    CHECK_CSTR(virStorageVolGetName(vol));
    virStorageVolFree(vol);
    CHECK_FAIL_PTR(virStorageVolLookupByPath(conn, "/default-pool//a"));
    CHECK_FAIL_PTR(virStorageVolLookupByKey(conn, "a"));
    CHECK_FAIL_PTR(virStorageVolLookupByName(pool, "nosuch"));
    CHECK_FAIL_PTR(virStorageVolLookupByName(pool, NULL));
    CHECK_FAIL_PTR(virStorageVolLookupByKey(conn, NULL));
    CHECK_FAIL_PTR(virStorageVolLookupByPath(conn, NULL));
}

static void
badInput(virStoragePoolPtr pool, virStorageVolPtr vol)
{
    compatSection("bad documents and flags");
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, "<volume", 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, "<volume><name>n</name></volume>", 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, "<volume><capacity>1</capacity></volume>", 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, "<pool/>", 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, VOL("n", "-1", "0"), 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool,
                   "<volume><name>n</name><capacity unit='zz'>1</capacity></volume>", 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool,
                   "<volume><name>n</name><capacity unit='E'>100</capacity></volume>", 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool,
                   "<volume><name>n</name><capacity>1</capacity>"
                   "<target><format type='bogus'/></target></volume>", 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, VOL("n", "1", "0"),
                                          VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, NULL, 0));
    CHECK_FAIL_PTR(virStorageVolCreateXMLFrom(pool, VOL("n", "1", "0"), vol, 8));
    CHECK_FAIL_PTR(virStorageVolCreateXMLFrom(pool, VOL("n", "1", "0"), NULL, 0));
    CHECK_INT(virStorageVolDelete(vol, 1));
    CHECK_STR(virStorageVolGetXMLDesc(vol, 1));
    CHECK_INT(virStorageVolGetInfo(vol, NULL));
    CHECK_INT(virStorageVolDelete(NULL, 0));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virStoragePoolPtr pool;
    virStoragePoolPtr fs;
    virStoragePoolPtr d2;
    virStorageVolPtr a, b, c, d;

    (void)argc;
    (void)argv;
    pool = CHECK_PTR(virStoragePoolLookupByName(conn, "default-pool"));

    compatSection("create");
    a = CHECK_PTR(virStorageVolCreateXML(pool, VOL("a", "10485760", "1048576"), 0));
    showVol(a);
    showPool(pool);
    b = CHECK_PTR(virStorageVolCreateXML(pool,
        "<volume type='file'><name>b</name><key>ignored</key>"
        "<capacity unit='G'>2</capacity><allocation unit='M'>3</allocation>"
        "<target><path>/elsewhere/b</path><format type='qcow2'/>"
        "<permissions><mode>0600</mode><owner>107</owner><group>107</group></permissions>"
        "</target></volume>", 0));
    showVol(b);
    /* libvirt 9.0.0's volume parser refuses its own validation flag */
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool,
        "<volume><name>c</name><capacity>1000</capacity><target/></volume>",
        VIR_STORAGE_VOL_CREATE_VALIDATE));
    c = CHECK_PTR(virStorageVolCreateXML(pool,
        "<volume><name>c</name><capacity>1000</capacity><target/></volume>", 0));
    showVol(c);
    showPool(pool);
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, VOL("a", "1", "1"), 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool, VOL("huge", "200G", "0"), 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(pool,
        "<volume><name>huge</name><capacity unit='T'>1</capacity>"
        "<allocation unit='G'>101</allocation></volume>", 0));
    d = CHECK_PTR(virStorageVolCreateXML(pool,
        "<volume><name>huge</name><capacity unit='T'>1</capacity>"
        "<allocation unit='G'>1</allocation></volume>", 0));
    showPool(pool);

    lookups(conn, pool);

    compatSection("clone");
    virStorageVolFree(d);
    d = CHECK_PTR(virStorageVolCreateXMLFrom(pool, VOL("a-clone", "20971520", "2097152"), a, 0));
    showVol(d);
    CHECK_FAIL_PTR(virStorageVolCreateXMLFrom(pool, VOL("a-clone", "1", "1"), a, 0));
    CHECK_FAIL_PTR(virStorageVolCreateXMLFrom(pool,
        "<volume><name>x</name><capacity unit='T'>1</capacity>"
        "<allocation unit='G'>101</allocation></volume>", a, 0));
    fs = CHECK_PTR(virStoragePoolCreateXML(conn,
        "<pool type='fs'><name>fs</name><source><device path='/dev/sdb1'/></source>"
        "<target><path>/mnt/fs</path></target></pool>", 0));
    /* libvirt's test driver looks for the source in the target pool */
    CHECK_FAIL_PTR(virStorageVolCreateXMLFrom(fs, VOL("a2", "1", "1"), a, 0));
    virStorageVolFree(c);
    c = CHECK_PTR(virStorageVolCreateXML(fs, VOL("a", "4096", "0"), 0));
    showVol(c);
    virStorageVolFree(c);
    c = CHECK_PTR(virStorageVolCreateXMLFrom(fs, VOL("a2", "8192", "4096"), a, 0));
    showVol(c);
    showPool(fs);
    virStorageVolFree(CHECK_PTR(virStorageVolLookupByKey(conn, "/mnt/fs/a2")));
    showPool(pool);

    compatSection("read-only connection");
    d2 = CHECK_PTR(virStoragePoolLookupByName(ro, "default-pool"));
    CHECK_FAIL_PTR(virStorageVolCreateXML(d2, VOL("r", "1", "1"), 0));
    virStoragePoolFree(d2);

    badInput(pool, a);

    compatSection("a stopped pool");
    CHECK_INT(virStoragePoolDestroy(fs));
    showVol(c);
    CHECK_INT(virStorageVolDelete(c, 0));
    CHECK_FAIL_PTR(virStorageVolCreateXML(fs, VOL("z", "1", "1"), 0));
    CHECK_FAIL_PTR(virStorageVolLookupByKey(conn, "/mnt/fs/a2"));
    virStorageVolFree(c);

    compatSection("delete");
    CHECK_INT(virStorageVolDelete(a, 0));
    CHECK_INT(virStorageVolDelete(a, 0));
    showVol(a);
    showPool(pool);
    CHECK_INT(virStorageVolDelete(b, 0));
    CHECK_INT(virStorageVolDelete(d, 0));
    d = CHECK_PTR(virStorageVolLookupByName(pool, "huge"));
    CHECK_INT(virStorageVolDelete(d, 0));
    c = CHECK_PTR(virStorageVolLookupByName(pool, "c"));
    CHECK_INT(virStorageVolDelete(c, 0));
    showPool(pool);

    virStorageVolFree(a);
    virStorageVolFree(b);
    virStorageVolFree(c);
    virStorageVolFree(d);
    virStoragePoolFree(fs);
    virStoragePoolFree(pool);
    CHECK_INT(virConnectClose(ro));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
