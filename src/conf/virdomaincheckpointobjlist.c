/*
 * virdomaincheckpointobjlist.c: a domain's checkpoints.
 */
#include "internal.h"
#include "util/viruuid.h"
#include "conf/virdomaincheckpointobjlist.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_CHECKPOINT

G_STATIC_ASSERT((int)VIR_DOMAIN_CHECKPOINT_LIST_ROOTS == VIR_DOMAIN_MOMENT_LIST_ROOTS);
G_STATIC_ASSERT((int)VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL ==
                VIR_DOMAIN_MOMENT_LIST_TOPOLOGICAL);
G_STATIC_ASSERT((int)VIR_DOMAIN_CHECKPOINT_LIST_LEAVES == VIR_DOMAIN_MOMENT_LIST_LEAVES);
G_STATIC_ASSERT((int)VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES ==
                VIR_DOMAIN_MOMENT_LIST_NO_LEAVES);

static void
virDomainCheckpointMomentDefFree(virDomainMomentDef *def)
{
    virDomainCheckpointDefFree((virDomainCheckpointDef *)def);
}


virDomainMomentObjList *
virDomainCheckpointObjListNew(void)
{
    return virDomainMomentObjListNew(virDomainCheckpointMomentDefFree);
}


virDomainMomentObj *
virDomainCheckpointAssignDef(virDomainMomentObjList *checkpoints,
                             virDomainCheckpointDef **def)
{
    virDomainMomentDef *moment = &(*def)->parent;
    virDomainMomentObj *ret;

    if ((ret = virDomainMomentAssignDef(checkpoints, &moment)))
        *def = NULL;
    return ret;
}


GPtrArray *
virDomainCheckpointObjListCollect(virDomainMomentObjList *checkpoints,
                                  virDomainMomentObj *from, unsigned int flags)
{
    /* checkpoints have no filters of their own (and, unlike snapshots,
     * LEAVES with NO_LEAVES matches nothing) */
    return virDomainMomentObjListCollect(checkpoints, from, flags, NULL, 0);
}


int
virDomainCheckpointRedefinePrep(virDomainMomentObjList *checkpoints, const virDomainDef *dom,
                                virDomainCheckpointDef *def, bool *updateCurrent)
{
    virDomainMomentObj *parent;

    if (virDomainMomentCheckCycles(checkpoints, &def->parent) < 0)
        return -1;
    if (def->parent.dom) {
        if (memcmp(def->parent.dom->uuid, dom->uuid, VIR_UUID_BUFLEN) != 0) {
            char uuidstr[VIR_UUID_STRING_BUFLEN];

            virReportError(VIR_ERR_INVALID_ARG,
                           "definition for checkpoint %s must use uuid %s",
                           def->parent.name, virUUIDFormat(dom->uuid, uuidstr));
            return -1;
        }
        if (virDomainCheckpointAlignDisks(def) < 0)
            return -1;
    } else {
        virDomainCheckpointDefAssignBitmapNames(def);
    }
    parent = virDomainMomentFindByName(checkpoints, def->parent.parent_name);
    if (parent && parent == virDomainMomentGetCurrent(checkpoints))
        *updateCurrent = true;
    /* the first checkpoint redefined becomes current */
    if (!virDomainMomentGetCurrent(checkpoints))
        *updateCurrent = true;
    return 0;
}


virDomainMomentObj *
virDomainCheckpointRedefineCommit(virDomainMomentObjList *checkpoints,
                                  virDomainCheckpointDef **def)
{
    virDomainMomentObj *other = virDomainMomentFindByName(checkpoints, (*def)->parent.name);
    virDomainMomentDef *moment = &(*def)->parent;

    if (!other)
        return virDomainCheckpointAssignDef(checkpoints, def);
    virDomainCheckpointMomentDefFree(virDomainMomentReplaceDef(checkpoints, other, &moment));
    *def = NULL;
    return other;
}
