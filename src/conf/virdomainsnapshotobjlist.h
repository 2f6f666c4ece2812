/*
 * virdomainsnapshotobjlist.h: a domain's snapshots, a moment list
 * (conf/virdomainmomentobjlist.h) whose definitions are
 * virDomainSnapshotDef, with the public listing flags and the checks of
 * a redefinition.
 */
#pragma once

#include "conf/virdomainmomentobjlist.h"
#include "conf/snapshot_conf.h"

static inline virDomainSnapshotDef *
virDomainSnapshotObjGetDef(const virDomainMomentObj *obj)
{
    return (virDomainSnapshotDef *)obj->def;
}

virDomainMomentObjList *virDomainSnapshotObjListNew(void);

/* Add *@def (stolen on success), not yet linked. */
virDomainMomentObj *virDomainSnapshotAssignDef(virDomainMomentObjList *snapshots,
                                               virDomainSnapshotDef **def);

/* Give @snap the definition *@def (stolen), keeping its children; when
 * *@def has no <domain>, it takes over the old one's. */
void virDomainSnapshotReplaceDef(virDomainMomentObjList *snapshots,
                                 virDomainMomentObj *snap,
                                 virDomainSnapshotDef **def);

/* Every listing flag of virDomainListAllSnapshots and friends. */
#define VIR_DOMAIN_SNAPSHOT_FILTERS_ALL \
    (VIR_DOMAIN_SNAPSHOT_LIST_METADATA | VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA | \
     VIR_DOMAIN_SNAPSHOT_LIST_LEAVES | VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES | \
     VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE | VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE | \
     VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY | \
     VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL | VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL)

/* The snapshots below @from (NULL: from the top) matching the public
 * VIR_DOMAIN_SNAPSHOT_LIST_* @flags (moments borrowed, see
 * virDomainMomentObjListCollect). */
GPtrArray *virDomainSnapshotObjListCollect(virDomainMomentObjList *snapshots,
                                           virDomainMomentObj *from,
                                           unsigned int flags);
int virDomainSnapshotObjListNum(virDomainMomentObjList *snapshots,
                                virDomainMomentObj *from, unsigned int flags);

/*
 * Check a redefinition @def of a snapshot of @dom: its parent keeps the
 * tree sound, it names @dom's UUID, and when it replaces an existing
 * snapshot (returned in *@snap, else NULL) it keeps that one's kind
 * (online or offline, disk-only or not).  Then align its disks.  @flags:
 * the VIR_DOMAIN_SNAPSHOT_CREATE_* flags of the request.
 */
int virDomainSnapshotRedefinePrep(virDomainMomentObjList *snapshots,
                                  const virDomainDef *dom,
                                  virDomainSnapshotDef *def,
                                  virDomainMomentObj **snap,
                                  unsigned int flags);
