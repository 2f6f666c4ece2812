/*
 * test_moment.c: what the test driver's snapshots and checkpoints share:
 * pruning their trees, and what they mean to the domain's other calls.
 *
 * Callers hold the domain object's lock, which guards both lists.
 */
#include "internal.h"
#include "conf/virdomainmomentobjlist.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

bool
testDomainMomentDiscardDescendants(virDomainMomentObjList *list, virDomainMomentObj *moment)
{
    g_autoptr(GPtrArray) below = virDomainMomentObjListCollect(list, moment,
                                                               VIR_DOMAIN_MOMENT_LIST_DESCENDANTS,
                                                               NULL, 0);
    bool current = false;
    size_t i;

    for (i = 0; i < below->len; i++)
        current |= virDomainMomentObjListRemove(list, g_ptr_array_index(below, i));
    virDomainMomentDropChildren(moment);
    return current;
}


void
testDomainMomentReparentChildren(virDomainMomentObj *moment)
{
    virDomainMomentObj *child;

    for (child = moment->first_child; child; child = child->sibling) {
        g_free(child->def->parent_name);
        child->def->parent_name = moment->parent->def
                                  ? g_strdup(moment->parent->def->name) : NULL;
    }
    virDomainMomentMoveChildren(moment, moment->parent);
}


void
testDomainMomentDiscard(virDomainMomentObjList *list, virDomainMomentObj *moment)
{
    virDomainMomentDropParent(moment);
    if (moment == virDomainMomentGetCurrent(list))
        virDomainMomentSetCurrent(list, virDomainMomentFindByName(list,
                                                                  moment->def->parent_name));
    virDomainMomentObjListRemove(list, moment);
}


int
testDomainMomentsCheckUndefine(virDomainObj *vm, unsigned int flags)
{
    size_t nsnapshots = virDomainMomentObjListSize(vm->snapshots);

    /* as libvirt's test driver (after the QEMU driver): an inactive
     * domain does not silently lose its snapshots' metadata; checkpoints
     * go with the domain */
    if (virDomainObjIsActive(vm) || !nsnapshots ||
        (flags & VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA))
        return 0;
    virReportError(VIR_ERR_OPERATION_INVALID, "cannot delete inactive domain with %zu snapshots",
                   nsnapshots);
    return -1;
}
