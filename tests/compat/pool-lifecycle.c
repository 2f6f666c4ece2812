/*
 * pool-lifecycle.c: pools defined, started, stopped, built, deleted and
 * undefined; transient pools; names, UUIDs and sources already taken;
 * bad documents and flags; a pool defined again while it runs.
 */
#include "compat.h"

#define POOL(name, uuid, path) \
    "<pool type='dir'><name>" name "</name><uuid>" uuid "</uuid>" \
    "<target><path>" path "</path></target></pool>"

#define UUID1 "11111111-2222-3333-4444-000000000001"
#define UUID2 "11111111-2222-3333-4444-000000000002"
#define UUID3 "11111111-2222-3333-4444-000000000003"

static void
showInfo(virStoragePoolPtr pool)
{
    virStoragePoolInfo info;

    if (CHECK_INT(virStoragePoolGetInfo(pool, &info)) == 0)
        printf("  state=%d capacity=%llu allocation=%llu available=%llu\n",
               info.state, info.capacity, info.allocation, info.available);
}

static void
showState(virStoragePoolPtr pool)
{
    int autostart = -1;

    CHECK_INT(virStoragePoolIsActive(pool));
    CHECK_INT(virStoragePoolIsPersistent(pool));
    if (CHECK_INT(virStoragePoolGetAutostart(pool, &autostart)) == 0)
        printf("  autostart=%d\n", autostart);
}

/* Documents of other pool types, defined and undefined again. */
static void
otherTypes(virConnectPtr conn)
{
    virStoragePoolPtr pool;
    static const char *docs[] = {
        "<pool type='fs'><name>fs1</name><source><device path='/dev/sdb1'/>"
        "<format type='ext4'/></source><target><path>/mnt/fs1</path></target></pool>",
        "<pool type='netfs'><name>nfs1</name><source><host name='nfs.example' port='2049'/>"
        "<dir path='/export'/><format type='nfs'/></source>"
        "<target><path>/mnt/nfs1</path></target></pool>",
        "<pool type='logical'><name>vg1</name><source><device path='/dev/sdc'/>"
        "<name>vg1</name><format type='lvm2'/></source>"
        "<target><path>/dev/vg1</path></target></pool>",
        "<pool type='iscsi'><name>iscsi1</name><source><host name='iscsi.example'/>"
        "<device path='iqn.2013-06.com.example:iscsi-pool'/></source>"
        "<target><path>/dev/disk/by-path</path></target></pool>",
        "<pool type='rbd'><name>rbd1</name><source><name>rbdpool</name>"
        "<host name='mon1.example' port='6789'/></source></pool>",
        "<pool type='disk'><name>disk1</name><source><device path='/dev/sdd'/>"
        "<format type='gpt'/></source><target><path>/dev</path></target></pool>",
        "<pool type='scsi'><name>scsi1</name><source><adapter type='scsi_host' name='host3'/>"
        "</source><target><path>/dev/disk/by-path</path></target></pool>",
        "<pool type='mpath'><name>mpath1</name><target><path>/dev/mapper</path></target></pool>",
        "<pool type='gluster'><name>gl1</name><source><host name='gl.example'/>"
        "<dir path='/'/><name>vol1</name></source></pool>",
        "<pool type='zfs'><name>zfs1</name><source><name>tank</name>"
        "<device path='/dev/sde'/></source></pool>",
    };
    size_t i;

    compatSection("other pool types");
    for (i = 0; i < sizeof(docs) / sizeof(docs[0]); i++) {
        virStoragePoolInfo info;

        pool = CHECK_PTR(virStoragePoolDefineXML(conn, docs[i], 0));
        if (!pool)
            continue;
        CHECK_CSTR(virStoragePoolGetName(pool));
        CHECK_INT(virStoragePoolGetInfo(pool, &info));
        CHECK_INT(virStoragePoolCreate(pool, 0));
        CHECK_INT(virConnectNumOfStoragePools(conn));
        CHECK_INT(virStoragePoolDestroy(pool));
        CHECK_INT(virStoragePoolUndefine(pool));
        virStoragePoolFree(pool);
    }
    /* a second pool on the same source */
    pool = CHECK_PTR(virStoragePoolDefineXML(conn, docs[0], 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn,
                   "<pool type='logical'><name>vg2</name><source><device path='/dev/sdb1'/>"
                   "<name>vg2</name></source><target><path>/dev/vg2</path></target></pool>", 0));
    CHECK_INT(virStoragePoolUndefine(pool));
    virStoragePoolFree(pool);
    pool = CHECK_PTR(virStoragePoolDefineXML(conn, docs[7], 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn,
                   "<pool type='mpath'><name>mpath2</name><target><path>/dev/mapper</path>"
                   "</target></pool>", 0));
    CHECK_INT(virStoragePoolUndefine(pool));
    virStoragePoolFree(pool);
}

static void
badDocuments(virConnectPtr conn)
{
    compatSection("bad documents and flags");
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, "<pool", 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, "<pool type='dir'/>", 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, "<pool type='nosuch'><name>x</name></pool>", 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, "<domain/>", 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn,
                   "<pool type='netfs'><name>n</name><target><path>/n</path></target></pool>", 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, POOL("p", UUID1, "/p"), 2));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, NULL, 0));
    CHECK_FAIL_PTR(virStoragePoolCreateXML(conn, "<pool", 0));
    CHECK_FAIL_PTR(virStoragePoolCreateXML(conn, POOL("p", UUID1, "/p"), 1));
    CHECK_FAIL_PTR(virStoragePoolCreateXML(conn, NULL, 0));
}

int
main(int argc, char **argv)
{
    virConnectPtr conn = compatOpen("test:///default", 0);
    virStoragePoolPtr pool;
    virStoragePoolPtr trans;
    virStoragePoolPtr again;

    (void)argc;
    (void)argv;
    compatSection("define, start, stop, undefine");
    pool = CHECK_PTR(virStoragePoolDefineXML(conn, POOL("p1", UUID1, "/p1"), 0));
    showState(pool);
    showInfo(pool);
    CHECK_STR(virStoragePoolGetXMLDesc(pool, 0));
    CHECK_INT(virConnectNumOfDefinedStoragePools(conn));
    CHECK_INT(virStoragePoolBuild(pool, 0));
    CHECK_INT(virStoragePoolCreate(pool, 0));
    showState(pool);
    CHECK_INT(virStoragePoolRefresh(pool, 0));
    CHECK_INT(virStoragePoolSetAutostart(pool, 1));
    showState(pool);
    CHECK_INT(virStoragePoolDestroy(pool));
    showState(pool);
    CHECK_INT(virStoragePoolDelete(pool, 0));
    CHECK_INT(virStoragePoolUndefine(pool));
    CHECK_INT(virStoragePoolIsActive(pool));
    CHECK_INT(virStoragePoolUndefine(pool));
    CHECK_FAIL_PTR(virStoragePoolLookupByName(conn, "p1"));
    virStoragePoolFree(pool);

    compatSection("names, UUIDs and sources taken");
    pool = CHECK_PTR(virStoragePoolDefineXML(conn, POOL("p1", UUID1, "/p1"), 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, POOL("p2", UUID1, "/p2"), 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, POOL("p1", UUID2, "/p2"), 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, POOL("p2", UUID2, "/p1"), 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, POOL("p2", UUID2, "/default-pool"), 0));
    CHECK_FAIL_PTR(virStoragePoolCreateXML(conn, POOL("p2", UUID2, "/p1"), 0));
    CHECK_FAIL_PTR(virStoragePoolDefineXML(conn, POOL("default-pool", UUID2, "/x"), 0));
    CHECK_INT(virConnectNumOfDefinedStoragePools(conn));

    compatSection("defined again");
    again = CHECK_PTR(virStoragePoolDefineXML(conn, POOL("p1", UUID1, "/p1-moved"), 0));
    CHECK_STR(virStoragePoolGetXMLDesc(pool, 0));
    virStoragePoolFree(again);
    CHECK_INT(virStoragePoolCreate(pool, 0));
    again = CHECK_PTR(virStoragePoolDefineXML(conn, POOL("p1", UUID1, "/p1-next"), 0));
    /* the running definition stays */
    CHECK_STR(virStoragePoolGetXMLDesc(pool, 0));
    virStoragePoolFree(again);
    CHECK_FAIL_PTR(virStoragePoolCreateXML(conn, POOL("p1", UUID1, "/p1"), 0));
    CHECK_INT(virStoragePoolDestroy(pool));
    CHECK_STR(virStoragePoolGetXMLDesc(pool, 0));
    /* started from a document: the persistent pool becomes transient */
    trans = CHECK_PTR(virStoragePoolCreateXML(conn, POOL("p1", UUID1, "/p1-live"), 0));
    showState(pool);
    CHECK_STR(virStoragePoolGetXMLDesc(trans, 0));
    CHECK_INT(virStoragePoolDestroy(trans));
    CHECK_INT(virStoragePoolIsActive(pool));
    CHECK_FAIL_PTR(virStoragePoolLookupByName(conn, "p1"));
    virStoragePoolFree(trans);
    virStoragePoolFree(pool);

    compatSection("transient");
    trans = CHECK_PTR(virStoragePoolCreateXML(conn, POOL("t1", UUID3, "/t1"), 0));
    showState(trans);
    showInfo(trans);
    CHECK_INT(virConnectNumOfStoragePools(conn));
    CHECK_INT(virStoragePoolSetAutostart(trans, 1));
    CHECK_INT(virStoragePoolUndefine(trans));
    CHECK_INT(virStoragePoolBuild(trans, 0));
    /* defining it makes it persistent */
    again = CHECK_PTR(virStoragePoolDefineXML(conn, POOL("t1", UUID3, "/t1"), 0));
    showState(trans);
    CHECK_INT(virStoragePoolDestroy(trans));
    CHECK_INT(virStoragePoolIsActive(trans));
    CHECK_INT(virStoragePoolUndefine(trans));
    virStoragePoolFree(again);
    trans = (virStoragePoolFree(trans), CHECK_PTR(virStoragePoolCreateXML(conn,
                                                  POOL("t1", UUID3, "/t1"), 0)));
    CHECK_INT(virStoragePoolDestroy(trans));
    CHECK_INT(virStoragePoolDestroy(trans));
    CHECK_INT(virStoragePoolIsActive(trans));
    CHECK_INT(virStoragePoolGetInfo(trans, &(virStoragePoolInfo){ 0 }));
    virStoragePoolFree(trans);

    otherTypes(conn);
    badDocuments(conn);
    CHECK_INT(virConnectNumOfStoragePools(conn));
    CHECK_INT(virConnectNumOfDefinedStoragePools(conn));
    CHECK_INT(virConnectClose(conn));
    return 0;
}
