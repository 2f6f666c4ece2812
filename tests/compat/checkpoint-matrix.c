/*
 * checkpoint-matrix.c: the checkpoint calls over every combination of
 * their flags: delete of each checkpoint of a tree (with what remains),
 * every list filter from the domain and from a checkpoint, and the
 * document with each combination of its flags.
 */
#include "moment.h"

#define DOMXML \
    "<domain type='test'><name>test</name>" \
    "<uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid><memory>8388608</memory>" \
    "<vcpu>2</vcpu><os><type>hvm</type></os><devices><disk type='file' device='disk'>" \
    "<source file='/guest/diskimage1'/><target dev='vda' bus='virtio'/></disk></devices></domain>"

/* The tree: a has children b and e; b has c and d. */
static const struct {
    const char *name;
    const char *parent;
} tree[] = {
    { "a", NULL }, { "b", "a" }, { "c", "b" }, { "d", "b" }, { "e", "a" },
};

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

/* Define the tree again (every checkpoint redefined). */
static void
plant(virDomainPtr dom)
{
    size_t i;

    for (i = 0; i < sizeof(tree) / sizeof(tree[0]); i++) {
        char xml[1024];
        char parent[64] = "";
        virDomainCheckpointPtr chk;

        if (tree[i].parent)
            snprintf(parent, sizeof(parent), "<parent><name>%s</name></parent>", tree[i].parent);
        snprintf(xml, sizeof(xml),
                 "<domaincheckpoint><name>%s</name>%s<creationTime>%zu</creationTime>"
                 "<disks><disk name='vda' checkpoint='bitmap' bitmap='%s'/></disks>"
                 "%s</domaincheckpoint>",
                 tree[i].name, parent, 1270000000 + i, tree[i].name, DOMXML);
        chk = virDomainCheckpointCreateXML(dom, xml, VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
        if (!chk)
            showError(tree[i].name);
        else
            virDomainCheckpointFree(chk);
    }
}

/* Each checkpoint left with its parent. */
static void
showTree(virDomainPtr dom)
{
    virDomainCheckpointPtr *list = NULL;
    int n = virDomainListAllCheckpoints(dom, &list, VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL);
    int i;

    printf("  left:");
    for (i = 0; i < n; i++) {
        virDomainCheckpointPtr parent = virDomainCheckpointGetParent(list[i], 0);

        printf(" %s<%s", virDomainCheckpointGetName(list[i]),
               parent ? virDomainCheckpointGetName(parent) : "-");
        if (parent)
            virDomainCheckpointFree(parent);
        virDomainCheckpointFree(list[i]);
    }
    free(list);
    printf("\n");
    virResetLastError();
}

static void
clear(virDomainPtr dom)
{
    virDomainCheckpointPtr *list = NULL;
    int n = virDomainListAllCheckpoints(dom, &list, VIR_DOMAIN_CHECKPOINT_LIST_ROOTS);
    int i;

    for (i = 0; i < n; i++) {
        if (virDomainCheckpointDelete(list[i], VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN) < 0)
            showError("clear");
        virDomainCheckpointFree(list[i]);
    }
    free(list);
}

static void
deleteMatrix(virDomainPtr dom)
{
    static const unsigned int flags[] = {
        0, VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN, VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY,
        VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY,
        VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN | VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY,
        VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY | VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY,
        VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN | VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY,
        1 << 3,
    };
    size_t t, f;

    compatSection("delete: each checkpoint, with each flag");
    for (t = 0; t < sizeof(tree) / sizeof(tree[0]); t++) {
        for (f = 0; f < sizeof(flags) / sizeof(flags[0]); f++) {
            virDomainCheckpointPtr chk;

            /* (a redefinition is slow in libvirt, which loads its schema
             * each time: the tree is planted again only when it lost a
             * checkpoint) */
            if (virDomainListAllCheckpoints(dom, NULL, 0) != 5) {
                clear(dom);
                plant(dom);
            }
            chk = virDomainCheckpointLookupByName(dom, tree[t].name, 0);
            printf("delete %s, flags 0x%x -> ", tree[t].name, flags[f]);
            if (virDomainCheckpointDelete(chk, flags[f]) < 0)
                showError("delete");
            else
                printf("0\n");
            showTree(dom);
            virDomainCheckpointFree(chk);
        }
    }
}

static void
showList(const char *what, unsigned int flags, int n, virDomainCheckpointPtr *list)
{
    char **names = calloc(n > 0 ? n : 1, sizeof(*names));
    char expr[96];
    int i;

    for (i = 0; i < n; i++) {
        names[i] = strdup(virDomainCheckpointGetName(list[i]));
        virDomainCheckpointFree(list[i]);
    }
    free(list);
    snprintf(expr, sizeof(expr), "%s 0x%x", what, flags);
    compatShowMomentNames(expr, names, n, !(flags & VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL));
    free(names);
}

static void
listMatrix(virDomainPtr dom)
{
    virDomainCheckpointPtr b = virDomainCheckpointLookupByName(dom, "b", 0);
    virDomainCheckpointPtr c = virDomainCheckpointLookupByName(dom, "c", 0);
    unsigned int flags;

    compatSection("list: every combination of the filters");
    for (flags = 0; flags < (1 << 5); flags++) {
        virDomainCheckpointPtr *list = NULL;
        int n;

        if ((n = virDomainListAllCheckpoints(dom, &list, flags)) < 0)
            showError("all");
        else
            showList("all", flags, n, list);
        list = NULL;
        if ((n = virDomainCheckpointListAllChildren(b, &list, flags)) < 0)
            showError("children of b");
        else
            showList("children of b", flags, n, list);
        if ((n = virDomainCheckpointListAllChildren(c, NULL, flags)) < 0)
            showError("children of c");
        else
            printf("children of c 0x%x -> %d\n", flags, n);
    }
    compatSection("the document: every combination of its flags");
    for (flags = 0; flags < (1 << 4); flags++) {
        char *xml = virDomainCheckpointGetXMLDesc(b, flags);
        char what[32];

        snprintf(what, sizeof(what), "xml 0x%x", flags);
        if (!xml) {
            showError(what);
        } else {
            compatShowText(what, xml);
            free(xml);
        }
    }
    virDomainCheckpointFree(b);
    virDomainCheckpointFree(c);
}

int
main(void)
{
    virConnectPtr conn;
    virDomainPtr dom;

    virSetErrorFunc(NULL, quiet);
    conn = compatOpen("test:///default", 0);
    dom = virDomainLookupByName(conn, "test");
    plant(dom);
    showTree(dom);
    listMatrix(dom);
    deleteMatrix(dom);
    clear(dom);
    CHECK_INT(virDomainListAllCheckpoints(dom, NULL, 0));
    virDomainFree(dom);
    CHECK_INT(virConnectClose(conn));
    return 0;
}
