/*
 * pool-basic.c: the default pool of test:///default looked up every way,
 * inspected, listed with every filter; source discovery; the errors of
 * unknown names, bad flags and calls on the wrong state.
 */
#include "compat.h"

static int
cmpName(const void *a, const void *b)
{
    return strcmp(virStoragePoolGetName(*(virStoragePoolPtr *)a),
                  virStoragePoolGetName(*(virStoragePoolPtr *)b));
}

/* virConnectListAllStoragePools with @flags, the names sorted (the
 * order is a hash table's in libvirt). */
static void
listAll(virConnectPtr conn, unsigned int flags)
{
    virStoragePoolPtr *pools = NULL;
    int n = virConnectListAllStoragePools(conn, &pools, flags);
    int i;

    if (n < 0) {
        printf("list-all flags=0x%x -> ", flags);
        compatShowError("virConnectListAllStoragePools");
        return;
    }
    qsort(pools, n, sizeof(*pools), cmpName);
    printf("list-all flags=0x%x -> %d:", flags, n);
    for (i = 0; i < n; i++) {
        printf(" %s", virStoragePoolGetName(pools[i]));
        virStoragePoolFree(pools[i]);
    }
    printf("\n");
    free(pools);
}

static void
showInfo(virStoragePoolPtr pool)
{
    virStoragePoolInfo info;

    if (CHECK_INT(virStoragePoolGetInfo(pool, &info)) == 0)
        printf("  state=%d capacity=%llu allocation=%llu available=%llu\n",
               info.state, info.capacity, info.allocation, info.available);
}

static void
findSources(virConnectPtr conn)
{
    compatSection("source discovery");
    CHECK_STR(virConnectFindStoragePoolSources(conn, "logical", NULL, 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "logical",
                                               "<source><device path='/x'/></source>", 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "netfs",
                                               "<source><host name='nfs.example'/></source>", 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "netfs",
                                               "<source><host name='a'/><host name='b'/></source>", 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "netfs", NULL, 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "dir", NULL, 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "iscsi", NULL, 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "bogus", NULL, 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "bogus",
                                               "<source><host name='x'/></source>", 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "fs", "<bad", 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "netfs", "<sourcex/>", 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "netfs",
                                               "<source><host name='a'/><format type='bogus'/></source>", 0));
    CHECK_STR(virConnectFindStoragePoolSources(conn, "logical", NULL, 1));
    CHECK_STR(virConnectFindStoragePoolSources(conn, NULL, NULL, 0));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virConnectPtr ro = compatOpen("test:///default", VIR_CONNECT_RO);
    virStoragePoolPtr pool;
    virStoragePoolPtr other;
    char uuid[VIR_UUID_STRING_BUFLEN];
    unsigned char raw[VIR_UUID_BUFLEN];
    char *names[8];
    int autostart = -1;
    unsigned int flags[] = {
        0, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
        VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT, VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT,
        VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART, VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART,
        VIR_CONNECT_LIST_STORAGE_POOLS_DIR, VIR_CONNECT_LIST_STORAGE_POOLS_FS,
        VIR_CONNECT_LIST_STORAGE_POOLS_DIR | VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL,
        VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE | VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
        VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE | VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT |
        VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART | VIR_CONNECT_LIST_STORAGE_POOLS_DIR,
        VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT | VIR_CONNECT_LIST_STORAGE_POOLS_ZFS,
        1U << 20,
    };
    size_t i;

    (void)argc;
    (void)argv;
    compatSection("counts and names");
    CHECK_INT(virConnectNumOfStoragePools(conn));
    CHECK_INT(virConnectNumOfDefinedStoragePools(conn));
    compatShowNames("virConnectListStoragePools(conn, names, 8)", names,
                    virConnectListStoragePools(conn, names, 8));
    compatShowNames("virConnectListStoragePools(conn, names, 0)", names,
                    virConnectListStoragePools(conn, names, 0));
    compatShowNames("virConnectListDefinedStoragePools(conn, names, 8)", names,
                    virConnectListDefinedStoragePools(conn, names, 8));
    CHECK_INT(virConnectListStoragePools(conn, NULL, 1));
    CHECK_INT(virConnectListStoragePools(conn, names, -1));
    for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
        listAll(conn, flags[i]);
    CHECK_INT(virConnectListAllStoragePools(conn, NULL, 0));
    CHECK_INT(virConnectListAllStoragePools(conn, NULL, VIR_CONNECT_LIST_STORAGE_POOLS_FS));

    compatSection("the default pool");
    pool = CHECK_PTR(virStoragePoolLookupByName(conn, "default-pool"));
    CHECK_CSTR(virStoragePoolGetName(pool));
    CHECK_INT(virStoragePoolGetUUIDString(pool, uuid));
    printf("  uuid=%s\n", uuid);
    CHECK_INT(virStoragePoolGetUUID(pool, raw));
    CHECK_INT(virStoragePoolIsActive(pool));
    CHECK_INT(virStoragePoolIsPersistent(pool));
    CHECK_INT(virStoragePoolGetAutostart(pool, &autostart));
    printf("  autostart=%d\n", autostart);
    showInfo(pool);
    CHECK_STR(virStoragePoolGetXMLDesc(pool, 0));
    CHECK_STR(virStoragePoolGetXMLDesc(pool, VIR_STORAGE_XML_INACTIVE));
    CHECK_INT(virStoragePoolNumOfVolumes(pool));
    compatShowNames("virStoragePoolListVolumes(pool, names, 8)", names,
                    virStoragePoolListVolumes(pool, names, 8));
    CHECK_INT(virStoragePoolListAllVolumes(pool, NULL, 0));
    CHECK_INT(virStoragePoolListAllVolumes(pool, NULL, 1));
    printf("  same connection: %d\n", virStoragePoolGetConnect(pool) == conn);

    other = CHECK_PTR(virStoragePoolLookupByUUID(conn, raw));
    CHECK_CSTR(virStoragePoolGetName(other));
    virStoragePoolFree(other);
    other = CHECK_PTR(virStoragePoolLookupByUUIDString(conn, uuid));
    CHECK_CSTR(virStoragePoolGetName(other));
    CHECK_INT(virStoragePoolRef(other));
    CHECK_INT(virStoragePoolFree(other));
    CHECK_INT(virStoragePoolFree(other));

    compatSection("state changes");
    CHECK_INT(virStoragePoolSetAutostart(pool, 1));
    CHECK_INT(virStoragePoolGetAutostart(pool, &autostart));
    printf("  autostart=%d\n", autostart);
    listAll(conn, VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART);
    CHECK_INT(virStoragePoolSetAutostart(pool, 0));
    CHECK_INT(virStoragePoolRefresh(pool, 0));
    CHECK_INT(virStoragePoolRefresh(pool, 1));
    CHECK_INT(virStoragePoolCreate(pool, 0));
    CHECK_INT(virStoragePoolBuild(pool, 0));
    CHECK_INT(virStoragePoolDelete(pool, 0));
    CHECK_INT(virStoragePoolUndefine(pool));
    CHECK_INT(virStoragePoolDestroy(pool));
    showInfo(pool);
    CHECK_INT(virStoragePoolIsActive(pool));
    CHECK_INT(virConnectNumOfStoragePools(conn));
    CHECK_INT(virConnectNumOfDefinedStoragePools(conn));
    listAll(conn, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE);
    CHECK_INT(virStoragePoolNumOfVolumes(pool));
    CHECK_INT(virStoragePoolListAllVolumes(pool, NULL, 0));
    CHECK_FAIL_PTR(virStorageVolLookupByName(pool, "x"));
    CHECK_INT(virStoragePoolRefresh(pool, 0));
    CHECK_INT(virStoragePoolDestroy(pool));
    CHECK_INT(virStoragePoolBuild(pool, 0));
    CHECK_INT(virStoragePoolBuild(pool, 1));
    CHECK_INT(virStoragePoolDelete(pool, 0));
    CHECK_INT(virStoragePoolDelete(pool, 1));
    CHECK_INT(virStoragePoolCreate(pool, 1));
    CHECK_INT(virStoragePoolCreate(pool, 0));
    showInfo(pool);

    compatSection("read-only connection");
    other = CHECK_PTR(virStoragePoolLookupByName(ro, "default-pool"));
    CHECK_INT(virStoragePoolDestroy(other));
    CHECK_INT(virStoragePoolSetAutostart(other, 1));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(ro, "<pool/>", 0));
    CHECK_STR(virStoragePoolGetXMLDesc(other, 0));
    virStoragePoolFree(other);

    compatSection("unknown names and bad arguments");
    CHECK_FAIL_PTR(virStoragePoolLookupByName(conn, "nosuch"));
    CHECK_FAIL_PTR(virStoragePoolLookupByName(conn, NULL));
    CHECK_FAIL_PTR(virStoragePoolLookupByUUIDString(conn, "00000000-0000-0000-0000-000000000000"));
    CHECK_FAIL_PTR(virStoragePoolLookupByUUIDString(conn, "not-a-uuid"));
    CHECK_FAIL_PTR(virStorageVolLookupByKey(conn, "nosuch"));
    CHECK_FAIL_PTR(virStorageVolLookupByPath(conn, "/default-pool/nosuch"));
    CHECK_FAIL_PTR(virStorageVolLookupByName(pool, "nosuch"));
    CHECK_INT(virStoragePoolGetInfo(pool, NULL));
    CHECK_INT(virStoragePoolGetAutostart(pool, NULL));
    CHECK_INT(virStoragePoolGetInfo(NULL, NULL));
    CHECK_INT(virConnectListAllStoragePools(NULL, NULL, 0));

    findSources(conn);

    virStoragePoolFree(pool);
    CHECK_INT(virConnectClose(ro));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
