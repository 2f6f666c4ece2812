/*
 * virdomainmomentobjlist.c: the tree of a domain's snapshots or
 * checkpoints.
 */
#include "internal.h"
#include "conf/virdomainmomentobjlist.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

struct _virDomainMomentObjList {
    /* name (the definition's, borrowed) -> virDomainMomentObj *, owned */
    GHashTable *objs;
    /* the parent of every moment without one; never in @objs */
    virDomainMomentObj root;
    virDomainMomentObj *current;    /* NULL: none */
    virDomainMomentDefFreeFunc freeDef;
};


static void
virDomainMomentObjFree(virDomainMomentObjList *moments, virDomainMomentObj *moment)
{
    moments->freeDef(moment->def);
    g_free(moment);
}


virDomainMomentObjList *
virDomainMomentObjListNew(virDomainMomentDefFreeFunc freeDef)
{
    virDomainMomentObjList *moments = g_new0(virDomainMomentObjList, 1);

    moments->objs = g_hash_table_new(g_str_hash, g_str_equal);
    moments->freeDef = freeDef;
    return moments;
}


void
virDomainMomentObjListRemoveAll(virDomainMomentObjList *moments)
{
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, moments->objs);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        g_hash_table_iter_steal(&iter);
        virDomainMomentObjFree(moments, value);
    }
    virDomainMomentDropChildren(&moments->root);
    moments->current = NULL;
}


void
virDomainMomentObjListFree(virDomainMomentObjList *moments)
{
    if (!moments)
        return;
    virDomainMomentObjListRemoveAll(moments);
    g_hash_table_unref(moments->objs);
    g_free(moments);
}


virDomainMomentObj *
virDomainMomentAssignDef(virDomainMomentObjList *moments, virDomainMomentDef **def)
{
    virDomainMomentObj *moment;

    if (g_hash_table_contains(moments->objs, (*def)->name)) {
        virReportError(VIR_ERR_OPERATION_FAILED, "domain moment %s already exists",
                       (*def)->name);
        return NULL;
    }
    moment = g_new0(virDomainMomentObj, 1);
    moment->def = g_steal_pointer(def);
    g_hash_table_insert(moments->objs, moment->def->name, moment);
    return moment;
}


virDomainMomentDef *
virDomainMomentReplaceDef(virDomainMomentObjList *moments, virDomainMomentObj *moment,
                          virDomainMomentDef **def)
{
    virDomainMomentDef *old = moment->def;

    /* the key is borrowed from the definition: re-key with the new one */
    g_hash_table_steal(moments->objs, old->name);
    virDomainMomentDropParent(moment);
    moment->def = g_steal_pointer(def);
    g_hash_table_insert(moments->objs, moment->def->name, moment);
    return old;
}


virDomainMomentObj *
virDomainMomentFindByName(virDomainMomentObjList *moments, const char *name)
{
    if (!name)
        return NULL;
    return g_hash_table_lookup(moments->objs, name);
}


size_t
virDomainMomentObjListSize(virDomainMomentObjList *moments)
{
    return g_hash_table_size(moments->objs);
}


virDomainMomentObj *
virDomainMomentGetCurrent(virDomainMomentObjList *moments)
{
    return moments->current;
}


const char *
virDomainMomentGetCurrentName(virDomainMomentObjList *moments)
{
    return moments->current ? moments->current->def->name : NULL;
}


void
virDomainMomentSetCurrent(virDomainMomentObjList *moments, virDomainMomentObj *moment)
{
    moments->current = moment;
}


bool
virDomainMomentObjListRemove(virDomainMomentObjList *moments, virDomainMomentObj *moment)
{
    bool wasCurrent = moments->current == moment;

    g_hash_table_remove(moments->objs, moment->def->name);
    if (wasCurrent)
        moments->current = NULL;
    virDomainMomentObjFree(moments, moment);
    return wasCurrent;
}


/* ---- the tree ---- */

static void
virDomainMomentSetParent(virDomainMomentObj *moment, virDomainMomentObj *parent)
{
    moment->parent = parent;
    moment->sibling = parent->first_child;
    parent->first_child = moment;
    parent->nchildren++;
}


void
virDomainMomentLinkParent(virDomainMomentObjList *moments, virDomainMomentObj *moment)
{
    virDomainMomentObj *parent = virDomainMomentFindByName(moments, moment->def->parent_name);

    virDomainMomentSetParent(moment, parent ? parent : &moments->root);
}


void
virDomainMomentDropParent(virDomainMomentObj *moment)
{
    virDomainMomentObj **link;

    if (!moment->parent)
        return;
    for (link = &moment->parent->first_child; *link; link = &(*link)->sibling) {
        if (*link == moment) {
            *link = moment->sibling;
            moment->parent->nchildren--;
            break;
        }
    }
    moment->sibling = NULL;
    moment->parent = NULL;
}


void
virDomainMomentDropChildren(virDomainMomentObj *moment)
{
    moment->first_child = NULL;
    moment->nchildren = 0;
}


void
virDomainMomentMoveChildren(virDomainMomentObj *from, virDomainMomentObj *to)
{
    virDomainMomentObj *child;
    virDomainMomentObj *last = NULL;

    if (!from->first_child)
        return;
    for (child = from->first_child; child; child = child->sibling) {
        child->parent = to;
        last = child;
    }
    last->sibling = to->first_child;
    to->first_child = from->first_child;
    to->nchildren += from->nchildren;
    virDomainMomentDropChildren(from);
}


/* Is @ancestor on @moment's chain of parents (or @moment itself)? */
static bool
virDomainMomentChainHas(const virDomainMomentObj *moment,
                        const virDomainMomentObj *ancestor)
{
    for (; moment && moment->def; moment = moment->parent) {
        if (moment == ancestor)
            return true;
    }
    return false;
}


int
virDomainMomentUpdateRelations(virDomainMomentObjList *moments)
{
    GHashTableIter iter;
    gpointer value;
    int ret = 0;

    g_hash_table_iter_init(&iter, moments->objs);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        virDomainMomentObj *moment = value;

        moment->parent = NULL;
        moment->sibling = NULL;
        virDomainMomentDropChildren(moment);
    }
    virDomainMomentDropChildren(&moments->root);

    g_hash_table_iter_init(&iter, moments->objs);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        virDomainMomentObj *moment = value;
        virDomainMomentObj *parent = virDomainMomentFindByName(moments,
                                                               moment->def->parent_name);

        if (!parent) {
            if (moment->def->parent_name)
                ret = -1;
            parent = &moments->root;
        } else if (virDomainMomentChainHas(parent, moment)) {
            ret = -1;
            parent = &moments->root;
        }
        virDomainMomentSetParent(moment, parent);
    }
    if (ret < 0)
        moments->current = NULL;
    return ret;
}


int
virDomainMomentCheckCycles(virDomainMomentObjList *moments, const virDomainMomentDef *def)
{
    virDomainMomentObj *other;

    if (!def->parent_name)
        return 0;
    if (STREQ(def->name, def->parent_name)) {
        virReportError(VIR_ERR_INVALID_ARG, "cannot set moment %s as its own parent",
                       def->name);
        return -1;
    }
    if (!(other = virDomainMomentFindByName(moments, def->parent_name))) {
        virReportError(VIR_ERR_INVALID_ARG, "parent %s for moment %s not found",
                       def->parent_name, def->name);
        return -1;
    }
    /* walk up by names: the chain of an inconsistent list just ends */
    for (; other && other->def->parent_name;
         other = virDomainMomentFindByName(moments, other->def->parent_name)) {
        if (STREQ(other->def->parent_name, def->name)) {
            virReportError(VIR_ERR_INVALID_ARG, "parent %s would create cycle to %s",
                           other->def->name, def->name);
            return -1;
        }
    }
    return 0;
}


/* ---- listing ---- */

/* The moment after @cur in a walk of the moments below @top: pre-order
 * when @descend, else @top's children only. */
static virDomainMomentObj *
virDomainMomentWalkNext(virDomainMomentObj *cur, const virDomainMomentObj *top,
                        bool descend)
{
    if (descend && cur->first_child)
        return cur->first_child;
    while (cur != top && !cur->sibling)
        cur = cur->parent;
    return cur == top ? NULL : cur->sibling;
}


GPtrArray *
virDomainMomentObjListCollect(virDomainMomentObjList *moments, virDomainMomentObj *from,
                              unsigned int flags, virDomainMomentFilterFunc filter,
                              unsigned int filterFlags)
{
    GPtrArray *ret = g_ptr_array_new();
    virDomainMomentObj *cur;
    bool descend;

    if (!from) {
        /* at the top, the shared bit asks for the roots rather than all */
        flags ^= VIR_DOMAIN_MOMENT_LIST_ROOTS;
        from = &moments->root;
    }
    descend = !!(flags & VIR_DOMAIN_MOMENT_LIST_DESCENDANTS);
    if ((flags & VIR_DOMAIN_MOMENT_FILTERS_METADATA) == VIR_DOMAIN_MOMENT_LIST_NO_METADATA)
        return ret;

    for (cur = from->first_child; cur; cur = virDomainMomentWalkNext(cur, from, descend)) {
        if ((flags & VIR_DOMAIN_MOMENT_LIST_LEAVES) && cur->nchildren)
            continue;
        if ((flags & VIR_DOMAIN_MOMENT_LIST_NO_LEAVES) && !cur->nchildren)
            continue;
        if (filter && !filter(cur, filterFlags))
            continue;
        g_ptr_array_add(ret, cur);
    }
    return ret;
}
