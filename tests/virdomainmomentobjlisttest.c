/*
 * The tree of moments (conf/virdomainmomentobjlist.c) and the snapshot
 * and checkpoint layers on it: linking, moving and dropping children,
 * listing orders and filters, cycle checks, rebuilding relations, and
 * aligning a moment's disks with its domain.
 */
#include "internal.h"
#include "testutils.h"
#include "conf/virdomainsnapshotobjlist.h"
#include "conf/virdomaincheckpointobjlist.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static void
quiet(void *opaque G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

/* Add and link a snapshot @name below @parent (NULL: a root). */
static virDomainMomentObj *
addSnapshot(virDomainMomentObjList *list, const char *name, const char *parent,
            unsigned int state)
{
    virDomainSnapshotDef *def = g_new0(virDomainSnapshotDef, 1);
    virDomainMomentObj *obj;

    def->parent.name = g_strdup(name);
    def->parent.parent_name = g_strdup(parent);
    def->state = state;
    if (!(obj = virDomainSnapshotAssignDef(list, &def))) {
        virDomainSnapshotDefFree(def);
        return NULL;
    }
    virDomainMomentLinkParent(list, obj);
    return obj;
}

/* The names of @found joined by spaces. */
static char *
names(GPtrArray *found)
{
    g_autoptr(GString) out = g_string_new(NULL);
    size_t i;

    for (i = 0; i < found->len; i++) {
        virDomainMomentObj *obj = g_ptr_array_index(found, i);

        g_string_append_printf(out, "%s%s", i ? " " : "", obj->def->name);
    }
    return g_string_free(g_steal_pointer(&out), FALSE);
}

static char *
listed(virDomainMomentObjList *list, virDomainMomentObj *from, unsigned int flags)
{
    g_autoptr(GPtrArray) found = virDomainSnapshotObjListCollect(list, from, flags);

    return names(found);
}

/*
 *   a
 *   +- b
 *   |  +- d
 *   +- c (shutoff)
 *   e
 */
static virDomainMomentObjList *
sampleTree(void)
{
    virDomainMomentObjList *list = virDomainSnapshotObjListNew();

    addSnapshot(list, "a", NULL, VIR_DOMAIN_SNAPSHOT_RUNNING);
    addSnapshot(list, "b", "a", VIR_DOMAIN_SNAPSHOT_RUNNING);
    addSnapshot(list, "c", "a", VIR_DOMAIN_SNAPSHOT_SHUTOFF);
    addSnapshot(list, "d", "b", VIR_DOMAIN_SNAPSHOT_PAUSED);
    addSnapshot(list, "e", NULL, VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT);
    return list;
}

static int
testListing(void)
{
    g_autoptr(virDomainMomentObjList) list = sampleTree();
    virDomainMomentObj *a = virDomainMomentFindByName(list, "a");
    g_autofree char *all = listed(list, NULL, 0);
    g_autofree char *roots = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS);
    g_autofree char *leaves = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_LEAVES);
    g_autofree char *inner = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES);
    g_autofree char *both = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_LEAVES |
                                   VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES);
    g_autofree char *children = listed(list, a, 0);
    g_autofree char *below = listed(list, a, VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS);
    g_autofree char *offline = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE);
    g_autofree char *online = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE);
    g_autofree char *disk = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY);
    g_autofree char *none = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA);
    g_autofree char *meta = listed(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_METADATA |
                                   VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA);

    /* newest-linked first, parents before children */
    CHECK_STREQ(all, "e a c b d");
    CHECK_STREQ(roots, "e a");
    CHECK_STREQ(leaves, "e c d");
    CHECK_STREQ(inner, "a b");
    CHECK_STREQ(both, "");
    CHECK_STREQ(children, "c b");
    CHECK_STREQ(below, "c b d");
    CHECK_STREQ(offline, "c");
    CHECK_STREQ(online, "a b d");
    CHECK_STREQ(disk, "e");
    CHECK_STREQ(none, "");
    CHECK_STREQ(meta, "e a c b d");
    CHECK_INTEQ(virDomainSnapshotObjListNum(list, NULL, 0), 5);
    CHECK_INTEQ(virDomainMomentObjListSize(list), 5);
    return 0;
}

static int
testReshape(void)
{
    g_autoptr(virDomainMomentObjList) list = sampleTree();
    virDomainMomentObj *a = virDomainMomentFindByName(list, "a");
    virDomainMomentObj *b = virDomainMomentFindByName(list, "b");
    virDomainMomentObj *e = virDomainMomentFindByName(list, "e");
    g_autofree char *moved = NULL;
    g_autofree char *dropped = NULL;
    g_autofree char *relinked = NULL;

    /* a's children go ahead of e's (e has none) */
    virDomainMomentMoveChildren(a, e);
    CHECK_INTEQ(a->nchildren, 0);
    CHECK_INTEQ(e->nchildren, 2);
    CHECK(b->parent == e);
    moved = listed(list, NULL, 0);
    CHECK_STREQ(moved, "e c b d a");

    virDomainMomentDropParent(b);
    CHECK(!b->parent);
    CHECK_INTEQ(e->nchildren, 1);
    dropped = listed(list, NULL, 0);
    CHECK_STREQ(dropped, "e c a");

    /* b still names a: linking puts it back there */
    virDomainMomentLinkParent(list, b);
    relinked = listed(list, NULL, 0);
    CHECK_STREQ(relinked, "e c a b d");

    virDomainMomentSetCurrent(list, b);
    CHECK_STREQ(virDomainMomentGetCurrentName(list), "b");
    virDomainMomentDropParent(b);
    CHECK(!virDomainMomentObjListRemove(list, virDomainMomentFindByName(list, "d")));
    virDomainMomentDropChildren(b);
    CHECK(virDomainMomentGetCurrent(list) == b);
    CHECK(virDomainMomentObjListRemove(list, b));
    CHECK(!virDomainMomentGetCurrent(list));
    CHECK(!virDomainMomentFindByName(list, "b"));
    CHECK_INTEQ(virDomainMomentObjListSize(list), 3);
    return 0;
}

static int
testCycles(void)
{
    g_autoptr(virDomainMomentObjList) list = sampleTree();
    virDomainMomentDef def = { 0 };
    virErrorPtr err;

    def.name = (char *)"a";
    def.parent_name = (char *)"d";
    CHECK_INTEQ(virDomainMomentCheckCycles(list, &def), -1);
    err = virGetLastError();
    CHECK_STREQ(err->message, "invalid argument: parent b would create cycle to a");
    def.parent_name = (char *)"a";
    CHECK_INTEQ(virDomainMomentCheckCycles(list, &def), -1);
    CHECK_STREQ(virGetLastError()->message, "invalid argument: cannot set moment a as its own parent");
    def.parent_name = (char *)"zz";
    CHECK_INTEQ(virDomainMomentCheckCycles(list, &def), -1);
    CHECK_STREQ(virGetLastError()->message, "invalid argument: parent zz for moment a not found");
    def.name = (char *)"new";
    def.parent_name = (char *)"d";
    CHECK_INTEQ(virDomainMomentCheckCycles(list, &def), 0);
    def.parent_name = NULL;
    CHECK_INTEQ(virDomainMomentCheckCycles(list, &def), 0);

    CHECK(!addSnapshot(list, "a", NULL, 0));
    CHECK_STREQ(virGetLastError()->message, "operation failed: domain moment a already exists");
    return 0;
}

static int
testUpdateRelations(void)
{
    g_autoptr(virDomainMomentObjList) list = virDomainSnapshotObjListNew();
    const char *pairs[][2] = { { "x", NULL }, { "y", "x" }, { "z", "y" } };
    virDomainMomentObj *z;
    size_t i;

    /* added unlinked, in any order, then linked from their names */
    for (i = 0; i < G_N_ELEMENTS(pairs); i++) {
        virDomainSnapshotDef *def = g_new0(virDomainSnapshotDef, 1);

        def->parent.name = g_strdup(pairs[i][0]);
        def->parent.parent_name = g_strdup(pairs[i][1]);
        CHECK(virDomainSnapshotAssignDef(list, &def));
    }
    CHECK_INTEQ(virDomainMomentUpdateRelations(list), 0);
    z = virDomainMomentFindByName(list, "z");
    CHECK_STREQ(z->parent->def->name, "y");
    CHECK_STREQ(z->parent->parent->def->name, "x");
    CHECK_INTEQ(virDomainSnapshotObjListNum(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS), 1);

    /* a parent that is missing: -1, no current, the orphan is a root */
    virDomainMomentSetCurrent(list, z);
    g_free(z->def->parent_name);
    z->def->parent_name = g_strdup("gone");
    CHECK_INTEQ(virDomainMomentUpdateRelations(list), -1);
    CHECK(!virDomainMomentGetCurrent(list));
    CHECK_INTEQ(virDomainSnapshotObjListNum(list, NULL, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS), 2);
    return 0;
}

static virDomainDiskDef *
fileDisk(const char *dst, const char *path, bool readonly)
{
    virDomainDiskDef *disk = g_new0(virDomainDiskDef, 1);

    disk->dst = g_strdup(dst);
    disk->src = g_new0(virDomainStorageSource, 1);
    disk->src->type = VIR_STORAGE_TYPE_FILE;
    disk->src->path = g_strdup(path);
    disk->src->readonly = readonly;
    return disk;
}

static virDomainDef *
twoDisks(void)
{
    virDomainDef *dom = virDomainDefNew();

    dom->disks = g_new0(virDomainDiskDef *, 3);
    dom->disks[dom->ndisks++] = fileDisk("vda", "/images/a.qcow2", false);
    dom->disks[dom->ndisks++] = fileDisk("vdb", NULL, false);
    dom->disks[dom->ndisks++] = fileDisk("hdc", "/images/cd.iso", true);
    return dom;
}

static int
testAlignCheckpoint(void)
{
    g_autoptr(virDomainCheckpointDef) def = g_new0(virDomainCheckpointDef, 1);
    g_autoptr(virDomainCheckpointDef) named = g_new0(virDomainCheckpointDef, 1);

    def->parent.name = g_strdup("c1");
    def->parent.dom = twoDisks();
    CHECK_INTEQ(virDomainCheckpointAlignDisks(def), 0);
    CHECK_INTEQ(def->ndisks, 3);
    CHECK_STREQ(def->disks[0].name, "vda");
    CHECK_INTEQ(def->disks[0].type, VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP);
    CHECK_STREQ(def->disks[0].bitmap, "c1");
    CHECK_INTEQ(def->disks[1].type, VIR_DOMAIN_CHECKPOINT_TYPE_NONE);
    CHECK_INTEQ(def->disks[2].type, VIR_DOMAIN_CHECKPOINT_TYPE_NONE);

    /* a disk named by its source path; the others take none */
    named->parent.name = g_strdup("c2");
    named->parent.dom = twoDisks();
    named->disks = g_new0(virDomainCheckpointDiskDef, 1);
    named->ndisks = 1;
    named->disks[0].name = g_strdup("/images/a.qcow2");
    named->disks[0].type = VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP;
    CHECK_INTEQ(virDomainCheckpointAlignDisks(named), 0);
    CHECK_STREQ(named->disks[0].name, "vda");
    CHECK_STREQ(named->disks[0].bitmap, "c2");
    CHECK_INTEQ(named->disks[1].type, VIR_DOMAIN_CHECKPOINT_TYPE_NONE);
    return 0;
}

static int
testAlignSnapshot(void)
{
    g_autoptr(virDomainSnapshotDef) def = g_new0(virDomainSnapshotDef, 1);
    g_autoptr(virDomainSnapshotDef) bad = g_new0(virDomainSnapshotDef, 1);

    def->parent.name = g_strdup("s1");
    def->parent.dom = twoDisks();
    CHECK_INTEQ(virDomainSnapshotAlignDisks(def, NULL, VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL,
                                            true), 0);
    CHECK_INTEQ(def->ndisks, 3);
    CHECK_INTEQ(def->disks[0].snapshot, VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL);
    /* an empty drive takes no part */
    CHECK_INTEQ(def->disks[1].snapshot, VIR_DOMAIN_SNAPSHOT_LOCATION_NO);
    CHECK(!virDomainSnapshotDefIsExternal(def));

    bad->parent.name = g_strdup("s2");
    bad->parent.dom = twoDisks();
    bad->disks = g_new0(virDomainSnapshotDiskDef, 2);
    bad->ndisks = 2;
    bad->disks[0].name = g_strdup("vda");
    bad->disks[0].src = g_new0(virDomainStorageSource, 1);
    bad->disks[1].name = g_strdup("/images/a.qcow2");
    bad->disks[1].src = g_new0(virDomainStorageSource, 1);
    CHECK_INTEQ(virDomainSnapshotAlignDisks(bad, NULL, VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL,
                                            true), -1);
    CHECK_STREQ(virGetLastError()->message,
                "unsupported configuration: disk '/images/a.qcow2' specified twice");
    return 0;
}

int
main(void)
{
    virSetErrorFunc(NULL, quiet);
    virTestRun("listing orders and filters", testListing);
    virTestRun("moving, dropping, linking", testReshape);
    virTestRun("cycle checks", testCycles);
    virTestRun("relations rebuilt from names", testUpdateRelations);
    virTestRun("checkpoint disks", testAlignCheckpoint);
    virTestRun("snapshot disks", testAlignSnapshot);
    return virTestDone();
}
