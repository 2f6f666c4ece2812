/*
 * virdomaincheckpointobjlist.h: a domain's checkpoints, a moment list
 * (conf/virdomainmomentobjlist.h) whose definitions are
 * virDomainCheckpointDef.  The public VIR_DOMAIN_CHECKPOINT_LIST_* flags
 * are the moment list's own.
 */
#pragma once

#include "conf/virdomainmomentobjlist.h"
#include "conf/checkpoint_conf.h"

static inline virDomainCheckpointDef *
virDomainCheckpointObjGetDef(const virDomainMomentObj *obj)
{
    return (virDomainCheckpointDef *)obj->def;
}

virDomainMomentObjList *virDomainCheckpointObjListNew(void);

/* Add *@def (stolen on success), not yet linked. */
virDomainMomentObj *virDomainCheckpointAssignDef(virDomainMomentObjList *checkpoints,
                                                 virDomainCheckpointDef **def);

#define VIR_DOMAIN_CHECKPOINT_FILTERS_ALL \
    (VIR_DOMAIN_CHECKPOINT_LIST_LEAVES | VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES)

/* The checkpoints below @from (NULL: from the top) matching the public
 * VIR_DOMAIN_CHECKPOINT_LIST_* @flags (moments borrowed). */
GPtrArray *virDomainCheckpointObjListCollect(virDomainMomentObjList *checkpoints,
                                             virDomainMomentObj *from,
                                             unsigned int flags);

/*
 * Check a redefinition @def of a checkpoint of @dom: its parent keeps the
 * tree sound and its <domain>, if any, is @dom's (then its disks are
 * aligned; without one only bitmap names are filled in).  *@updateCurrent
 * becomes true when the redefinition should become current: its parent is
 * the current checkpoint, or there is none.
 */
int virDomainCheckpointRedefinePrep(virDomainMomentObjList *checkpoints,
                                    const virDomainDef *dom,
                                    virDomainCheckpointDef *def,
                                    bool *updateCurrent);

/* Store the redefinition *@def (stolen): it replaces the checkpoint of the
 * same name (keeping that one's children, unlinked from its parent) or is
 * added, not yet linked. */
virDomainMomentObj *virDomainCheckpointRedefineCommit(virDomainMomentObjList *checkpoints,
                                                      virDomainCheckpointDef **def);
