/*
 * snapshot-matrix.c: the snapshot calls over every combination of their
 * flags: revert from each domain state to each kind of snapshot (with
 * the lifecycle events raised), delete of each snapshot of a tree (with
 * what remains and which is current), and every list filter from the
 * domain and from a snapshot.
 */
#include "moment.h"

#define DOMXML \
    "<domain type='test'><name>test</name>" \
    "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid><memory>8388608</memory>" \
    "<vcpu>2</vcpu><os><type>hvm</type></os><devices><disk type='file' device='disk'>" \
    "<source file='/guest/diskimage1'/><target dev='vda' bus='virtio'/></disk></devices></domain>"

/* The tree: a (shut off) has children b (running) and e (running, with
 * external memory); b has c (disk only, external disk) and d (paused). */
static const struct {
    const char *name;
    const char *parent;
    const char *state;
    const char *extra;
} tree[] = {
    { "a", NULL, "shutoff", "" },
    { "b", "a", "running", "" },
    { "c", "b", "disk-snapshot",
      "<memory snapshot='no'/><disks><disk name='vda' snapshot='external' type='file'>"
      "<source file='/guest/c.qcow2'/></disk></disks>" },
    { "d", "b", "paused", "" },
    { "e", "a", "running",
      "<memory snapshot='external' file='/guest/e.mem'/><disks><disk name='vda' snapshot='no'/></disks>" },
};

static int ticked;

static void
tick(int timer, void *opaque)
{
    (void)opaque;
    virEventRemoveTimeout(timer);
    ticked = 1;
}

static int
lifecycle(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    (void)conn;
    (void)dom;
    (void)opaque;
    printf("  event %d/%d\n", event, detail);
    return 0;
}

/* Deliver every queued event. */
static void
drain(void)
{
    ticked = 0;
    virEventAddTimeout(5, tick, NULL, NULL);
    while (!ticked)
        virEventRunDefaultImpl();
}

static void
quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

static void
showError(const char *what)
{
    virErrorPtr err = virGetLastError();

    printf("%s -> error %d/%d: %s\n", what, err ? err->domain : -1, err ? err->code : -1,
           err && err->message ? err->message : "(null)");
}

/* Define the tree again (every snapshot redefined), with @current. */
static void
plant(virDomainPtr dom, const char *current)
{
    size_t i;

    for (i = 0; i < sizeof(tree) / sizeof(tree[0]); i++) {
        char xml[1024];
        char parent[64] = "";
        virDomainSnapshotPtr snap;

        if (tree[i].parent)
            snprintf(parent, sizeof(parent), "<parent><name>%s</name></parent>", tree[i].parent);
        snprintf(xml, sizeof(xml),
                 "<domainsnapshot><name>%s</name><state>%s</state>%s"
                 "<creationTime>%zu</creationTime>%s%s</domainsnapshot>",
                 tree[i].name, tree[i].state, parent, 1270000000 + i, tree[i].extra, DOMXML);
        snap = virDomainSnapshotCreateXML(dom, xml, VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                                          (strcmp(tree[i].name, current) == 0 ?
                                           VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT : 0));
        if (!snap)
            showError(tree[i].name);
        else
            virDomainSnapshotFree(snap);
    }
}

/* Each snapshot left with its parent, and the current one. */
static void
showTree(virDomainPtr dom)
{
    virDomainSnapshotPtr *list = NULL;
    virDomainSnapshotPtr cur;
    int n = virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL);
    int i;

    printf("  left:");
    for (i = 0; i < n; i++) {
        virDomainSnapshotPtr parent = virDomainSnapshotGetParent(list[i], 0);

        printf(" %s<%s", virDomainSnapshotGetName(list[i]),
               parent ? virDomainSnapshotGetName(parent) : "-");
        if (parent)
            virDomainSnapshotFree(parent);
        virDomainSnapshotFree(list[i]);
    }
    free(list);
    cur = virDomainSnapshotCurrent(dom, 0);
    printf("; current %s\n", cur ? virDomainSnapshotGetName(cur) : "none");
    if (cur)
        virDomainSnapshotFree(cur);
    virResetLastError();
}

/* Remove every snapshot (children first). */
static void
clear(virDomainPtr dom)
{
    virDomainSnapshotPtr *list = NULL;
    int n = virDomainListAllSnapshots(dom, &list, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS);
    int i;

    for (i = 0; i < n; i++) {
        if (virDomainSnapshotDelete(list[i], VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN) < 0)
            showError("clear");
        virDomainSnapshotFree(list[i]);
    }
    free(list);
}

/* Bring @dom to @state (running, paused or shut off). */
static void
setState(virDomainPtr dom, int want)
{
    int state = -1, reason = -1;

    virDomainGetState(dom, &state, &reason, 0);
    if (want == VIR_DOMAIN_SHUTOFF) {
        if (state != VIR_DOMAIN_SHUTOFF && virDomainDestroy(dom) < 0)
            showError("destroy");
        return;
    }
    if (state == VIR_DOMAIN_SHUTOFF && virDomainCreate(dom) < 0)
        showError("create");
    if (state == VIR_DOMAIN_PAUSED && want == VIR_DOMAIN_RUNNING && virDomainResume(dom) < 0)
        showError("resume");
    if (state != VIR_DOMAIN_PAUSED && want == VIR_DOMAIN_PAUSED && virDomainSuspend(dom) < 0)
        showError("suspend");
}

static void
revertMatrix(virConnectPtr conn, virDomainPtr dom)
{
    static const int states[] = { VIR_DOMAIN_RUNNING, VIR_DOMAIN_PAUSED, VIR_DOMAIN_SHUTOFF };
    static const unsigned int flags[] = {
        0, VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED,
        VIR_DOMAIN_SNAPSHOT_REVERT_FORCE,
        VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING | VIR_DOMAIN_SNAPSHOT_REVERT_FORCE,
        VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED | VIR_DOMAIN_SNAPSHOT_REVERT_FORCE,
        VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING | VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED,
        VIR_DOMAIN_SNAPSHOT_REVERT_RESET_NVRAM, 1 << 4,
    };
    size_t s, t, f;

    compatSection("revert: from each state, to each snapshot, with each flag");
    for (s = 0; s < sizeof(states) / sizeof(states[0]); s++) {
        for (t = 0; t < sizeof(tree) / sizeof(tree[0]); t++) {
            for (f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
                virDomainSnapshotPtr snap;
                int id;

                setState(dom, states[s]);
                snap = virDomainSnapshotLookupByName(dom, tree[t].name, 0);
                id = virConnectDomainEventRegisterAny(conn, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                      VIR_DOMAIN_EVENT_CALLBACK(lifecycle),
                                                      NULL, NULL);
                printf("from state %d, revert to %s, flags 0x%x -> ", states[s],
                       tree[t].name, flags[f]);
                if (virDomainRevertToSnapshot(snap, flags[f]) < 0)
                    showError("revert");
                else
                    printf("0\n");
                drain();
                virConnectDomainEventDeregisterAny(conn, id);
                compatShowDomainState(conn, dom);
                showTree(dom);
                virDomainSnapshotFree(snap);
            }
        }
    }
}

static void
deleteMatrix(virDomainPtr dom)
{
    static const unsigned int flags[] = {
        0, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY,
        VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY,
        VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN | VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY,
        1 << 3,
    };
    static const char *const currents[] = { "c", "b", "e" };
    size_t c, t, f;

    compatSection("delete: each snapshot, with each flag, each current");
    for (c = 0; c < sizeof(currents) / sizeof(currents[0]); c++) {
        for (t = 0; t < sizeof(tree) / sizeof(tree[0]); t++) {
            for (f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
                virDomainSnapshotPtr snap;

                clear(dom);
                plant(dom, currents[c]);
                snap = virDomainSnapshotLookupByName(dom, tree[t].name, 0);
                printf("current %s, delete %s, flags 0x%x -> ", currents[c], tree[t].name,
                       flags[f]);
                if (virDomainSnapshotDelete(snap, flags[f]) < 0)
                    showError("delete");
                else
                    printf("0\n");
                showTree(dom);
                virDomainSnapshotFree(snap);
            }
        }
    }
}

/* Print the names @n, @list holds (in order when topological). */
static void
showList(const char *what, unsigned int flags, int n, virDomainSnapshotPtr *list)
{
    char **names = calloc(n > 0 ? n : 1, sizeof(*names));
    char expr[96];
    int i;

    for (i = 0; i < n; i++) {
        names[i] = strdup(virDomainSnapshotGetName(list[i]));
        virDomainSnapshotFree(list[i]);
    }
    free(list);
    snprintf(expr, sizeof(expr), "%s 0x%x", what, flags);
    compatShowMomentNames(expr, names, n, !(flags & VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL));
    free(names);
}

static void
listMatrix(virDomainPtr dom)
{
    static const unsigned int tops[] = {
        0, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS, VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS,
        VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL,
        VIR_DOMAIN_SNAPSHOT_LIST_ROOTS | VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL,
        VIR_DOMAIN_SNAPSHOT_LIST_ROOTS | VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS,
    };
    static const unsigned int leaves[] = {
        0, VIR_DOMAIN_SNAPSHOT_LIST_LEAVES, VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES,
        VIR_DOMAIN_SNAPSHOT_LIST_LEAVES | VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES,
    };
    static const unsigned int metas[] = {
        0, VIR_DOMAIN_SNAPSHOT_LIST_METADATA, VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA,
    };
    static const unsigned int kinds[] = {
        0, VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE, VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE,
        VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY,
        VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE | VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY,
    };
    static const unsigned int places[] = {
        0, VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL, VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL,
    };
    virDomainSnapshotPtr b = virDomainSnapshotLookupByName(dom, "b", 0);
    size_t i, j, k, l, m;

    compatSection("list: every combination of the filters");
    for (i = 0; i < sizeof(tops) / sizeof(tops[0]); i++)
    for (j = 0; j < sizeof(leaves) / sizeof(leaves[0]); j++)
    for (k = 0; k < sizeof(metas) / sizeof(metas[0]); k++)
    for (l = 0; l < sizeof(kinds) / sizeof(kinds[0]); l++)
    for (m = 0; m < sizeof(places) / sizeof(places[0]); m++) {
        unsigned int flags = tops[i] | leaves[j] | metas[k] | kinds[l] | places[m];
        virDomainSnapshotPtr *list = NULL;
        char *names[8] = { NULL };
        int n;

        n = virDomainListAllSnapshots(dom, &list, flags);
        if (n < 0)
            showError("all");
        else
            showList("all", flags, n, list);
        n = virDomainSnapshotNum(dom, flags);
        printf("num 0x%x -> %d\n", flags, n);
        n = virDomainSnapshotListNames(dom, names, 8, flags);
        compatShowMomentNames("names", names, n > 8 ? 8 : n, 1);
        list = NULL;
        n = virDomainSnapshotListAllChildren(b, &list, flags);
        if (n < 0)
            showError("children");
        else
            showList("children of b", flags, n, list);
        n = virDomainSnapshotNumChildren(b, flags);
        printf("num children 0x%x -> %d\n", flags, n);
        n = virDomainSnapshotListChildrenNames(b, names, 8, flags);
        compatShowMomentNames("children names", names, n > 8 ? 8 : n, 1);
    }
    virDomainSnapshotFree(b);
}

int
main(void)
{
    virConnectPtr conn;
    virDomainPtr dom;

    if (virEventRegisterDefaultImpl() < 0)
        return 1;
    virSetErrorFunc(NULL, quiet);
    conn = compatOpen("test:///default", 0);
    dom = virDomainLookupByName(conn, "test");
    plant(dom, "d");
    showTree(dom);
    listMatrix(dom);
    revertMatrix(conn, dom);
    deleteMatrix(dom);
    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
