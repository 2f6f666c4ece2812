/*
 * virdomainmomentobjlist.h: a domain's snapshots or its checkpoints (its
 * "moments"), kept as a tree with a name index and a current moment.
 *
 * Each moment's definition names its parent; the tree links follow those
 * names.  Every moment without a parent hangs below one hidden root (a
 * moment with no definition), so the roots of the tree are that root's
 * children.  Children are kept newest-linked first, which is the order
 * libvirt lists them in.
 *
 * Locking: none of its own.  A list belongs to one virDomainObj and is
 * guarded by that object's lock (conf/virdomainobj.h).
 */
#pragma once

#include "internal.h"
#include "conf/moment_conf.h"

typedef struct _virDomainMomentObj virDomainMomentObj;
struct _virDomainMomentObj {
    virDomainMomentDef *def;        /* owned; NULL only for the hidden root */
    virDomainMomentObj *parent;     /* NULL while not linked into the tree */
    virDomainMomentObj *sibling;    /* the parent's next child */
    virDomainMomentObj *first_child;
    size_t nchildren;
};

typedef struct _virDomainMomentObjList virDomainMomentObjList;

/* Frees a definition of the list's kind (snapshot or checkpoint). */
typedef void (*virDomainMomentDefFreeFunc)(virDomainMomentDef *def);

virDomainMomentObjList *virDomainMomentObjListNew(virDomainMomentDefFreeFunc freeDef);
void virDomainMomentObjListFree(virDomainMomentObjList *moments);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainMomentObjList, virDomainMomentObjListFree);

/* Add *@def, not yet linked into the tree; *@def is stolen on success.
 * A name already in the list fails with VIR_ERR_OPERATION_FAILED. */
virDomainMomentObj *virDomainMomentAssignDef(virDomainMomentObjList *moments,
                                             virDomainMomentDef **def);

/* Give @moment the definition *@def (stolen; same name) and unlink it
 * from its parent, keeping its children; returns the old definition. */
virDomainMomentDef *virDomainMomentReplaceDef(virDomainMomentObjList *moments,
                                              virDomainMomentObj *moment,
                                              virDomainMomentDef **def);

/* NULL when @name is NULL or unknown (no error set). */
virDomainMomentObj *virDomainMomentFindByName(virDomainMomentObjList *moments,
                                              const char *name);
size_t virDomainMomentObjListSize(virDomainMomentObjList *moments);

virDomainMomentObj *virDomainMomentGetCurrent(virDomainMomentObjList *moments);
const char *virDomainMomentGetCurrentName(virDomainMomentObjList *moments);
void virDomainMomentSetCurrent(virDomainMomentObjList *moments,
                               virDomainMomentObj *moment);

/* Free @moment (whose tree links the caller has already dealt with);
 * true if it was the current moment, which is then none. */
bool virDomainMomentObjListRemove(virDomainMomentObjList *moments,
                                  virDomainMomentObj *moment);
void virDomainMomentObjListRemoveAll(virDomainMomentObjList *moments);

/* ---- the tree ---- */

/* Link @moment below the moment its definition names (the hidden root
 * when it names none, or one not in the list). */
void virDomainMomentLinkParent(virDomainMomentObjList *moments,
                               virDomainMomentObj *moment);
/* Unlink @moment from its parent's children. */
void virDomainMomentDropParent(virDomainMomentObj *moment);
/* Forget @moment's children (they are being freed). */
void virDomainMomentDropChildren(virDomainMomentObj *moment);
/* Make every child of @from a child of @to, ahead of @to's own. */
void virDomainMomentMoveChildren(virDomainMomentObj *from, virDomainMomentObj *to);

/* Rebuild every link from the definitions' parent names (after loading
 * a set of moments); -1 (no error set) when a parent is missing or the
 * names form a cycle, in which case there is no current moment. */
int virDomainMomentUpdateRelations(virDomainMomentObjList *moments);

/* Would adding @def (by its parent name) break the tree?  Refuses, with
 * VIR_ERR_INVALID_ARG, a moment that is its own parent, an unknown
 * parent and a parent chain that leads back to @def. */
int virDomainMomentCheckCycles(virDomainMomentObjList *moments,
                               const virDomainMomentDef *def);

/* ---- listing ---- */

/* The listing flags both kinds share (the checkpoint API uses these
 * values; the snapshot layer maps its own onto them). */
typedef enum {
    VIR_DOMAIN_MOMENT_LIST_ROOTS = 1 << 0,       /* from the top: roots only */
    VIR_DOMAIN_MOMENT_LIST_DESCENDANTS = 1 << 0, /* from a moment: all below */
    VIR_DOMAIN_MOMENT_LIST_TOPOLOGICAL = 1 << 1, /* parents before children */
    VIR_DOMAIN_MOMENT_LIST_LEAVES = 1 << 2,
    VIR_DOMAIN_MOMENT_LIST_NO_LEAVES = 1 << 3,
    VIR_DOMAIN_MOMENT_LIST_METADATA = 1 << 4,
    VIR_DOMAIN_MOMENT_LIST_NO_METADATA = 1 << 5,
} virDomainMomentListFlags;

#define VIR_DOMAIN_MOMENT_FILTERS_METADATA \
    (VIR_DOMAIN_MOMENT_LIST_METADATA | VIR_DOMAIN_MOMENT_LIST_NO_METADATA)

/* A kind's own filter: does @moment match its @flags? */
typedef bool (*virDomainMomentFilterFunc)(const virDomainMomentObj *moment,
                                          unsigned int flags);

/*
 * The moments below @from (NULL: from the top) that match @flags and, with
 * @filter, filter(moment, @filterFlags).  Without DESCENDANTS (ROOTS at the
 * top) only direct children are visited.  The order is always topological
 * (a parent before its descendants, siblings newest first); every moment
 * has metadata, so NO_METADATA alone matches none.  The array borrows the
 * moments: they live while the list is unchanged.
 */
GPtrArray *virDomainMomentObjListCollect(virDomainMomentObjList *moments,
                                         virDomainMomentObj *from,
                                         unsigned int flags,
                                         virDomainMomentFilterFunc filter,
                                         unsigned int filterFlags);
