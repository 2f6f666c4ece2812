/*
 * virdomainsnapshotobjlist.c: a domain's snapshots.
 */
#include "internal.h"
#include "util/viruuid.h"
#include "conf/virdomainsnapshotobjlist.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_SNAPSHOT

#define FILTERS_STATUS \
    (VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE | VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE | \
     VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY)
#define FILTERS_LOCATION \
    (VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL | VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL)

static void
virDomainSnapshotMomentDefFree(virDomainMomentDef *def)
{
    virDomainSnapshotDefFree((virDomainSnapshotDef *)def);
}


virDomainMomentObjList *
virDomainSnapshotObjListNew(void)
{
    return virDomainMomentObjListNew(virDomainSnapshotMomentDefFree);
}


virDomainMomentObj *
virDomainSnapshotAssignDef(virDomainMomentObjList *snapshots, virDomainSnapshotDef **def)
{
    virDomainMomentDef *moment = &(*def)->parent;
    virDomainMomentObj *ret;

    if ((ret = virDomainMomentAssignDef(snapshots, &moment)))
        *def = NULL;
    return ret;
}


void
virDomainSnapshotReplaceDef(virDomainMomentObjList *snapshots, virDomainMomentObj *snap,
                            virDomainSnapshotDef **def)
{
    virDomainMomentDef *moment = &(*def)->parent;
    g_autoptr(virDomainSnapshotDef) old = NULL;

    /* a redefinition without <domain> keeps the one already known */
    if (!(*def)->parent.dom)
        (*def)->parent.dom = g_steal_pointer(&virDomainSnapshotObjGetDef(snap)->parent.dom);
    old = (virDomainSnapshotDef *)virDomainMomentReplaceDef(snapshots, snap, &moment);
    *def = NULL;
}


/* The state and location filters (the rest is the moment list's). */
static bool
virDomainSnapshotFilter(const virDomainMomentObj *obj, unsigned int flags)
{
    const virDomainSnapshotDef *def = virDomainSnapshotObjGetDef(obj);
    bool offline = def->state == VIR_DOMAIN_SNAPSHOT_SHUTOFF;
    bool diskOnly = def->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT;

    if (flags & FILTERS_STATUS) {
        if (offline && !(flags & VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE))
            return false;
        if (diskOnly && !(flags & VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY))
            return false;
        if (!offline && !diskOnly && !(flags & VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE))
            return false;
    }
    if ((flags & VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL) && virDomainSnapshotDefIsExternal(def))
        return false;
    if ((flags & VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL) && !virDomainSnapshotDefIsExternal(def))
        return false;
    return true;
}


GPtrArray *
virDomainSnapshotObjListCollect(virDomainMomentObjList *snapshots, virDomainMomentObj *from,
                                unsigned int flags)
{
    static const struct {
        unsigned int snapshot;
        unsigned int moment;
    } map[] = {
        { VIR_DOMAIN_SNAPSHOT_LIST_ROOTS, VIR_DOMAIN_MOMENT_LIST_ROOTS },
        { VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL, VIR_DOMAIN_MOMENT_LIST_TOPOLOGICAL },
        { VIR_DOMAIN_SNAPSHOT_LIST_LEAVES, VIR_DOMAIN_MOMENT_LIST_LEAVES },
        { VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES, VIR_DOMAIN_MOMENT_LIST_NO_LEAVES },
        { VIR_DOMAIN_SNAPSHOT_LIST_METADATA, VIR_DOMAIN_MOMENT_LIST_METADATA },
        { VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA, VIR_DOMAIN_MOMENT_LIST_NO_METADATA },
    };
    unsigned int momentFlags = 0;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(map); i++) {
        if (flags & map[i].snapshot) {
            flags &= ~map[i].snapshot;
            momentFlags |= map[i].moment;
        }
    }
    /* a group with every member set filters nothing */
    if ((flags & FILTERS_STATUS) == FILTERS_STATUS)
        flags &= ~FILTERS_STATUS;
    if ((flags & FILTERS_LOCATION) == FILTERS_LOCATION)
        flags &= ~FILTERS_LOCATION;
    return virDomainMomentObjListCollect(snapshots, from, momentFlags,
                                         virDomainSnapshotFilter, flags);
}


int
virDomainSnapshotObjListNum(virDomainMomentObjList *snapshots, virDomainMomentObj *from,
                            unsigned int flags)
{
    g_autoptr(GPtrArray) found = virDomainSnapshotObjListCollect(snapshots, from, flags);

    return found->len;
}


static bool
virDomainSnapshotStateOnline(unsigned int state)
{
    return state == VIR_DOMAIN_SNAPSHOT_RUNNING || state == VIR_DOMAIN_SNAPSHOT_PAUSED;
}


static int
virDomainSnapshotRedefineValidate(const virDomainSnapshotDef *def,
                                  const unsigned char *uuid,
                                  const virDomainMomentObj *other, unsigned int flags)
{
    if ((flags & VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY) &&
        def->state != VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "disk-only flag for snapshot %s requires disk-snapshot state",
                       def->parent.name);
        return -1;
    }
    if (def->parent.dom && memcmp(def->parent.dom->uuid, uuid, VIR_UUID_BUFLEN) != 0) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virReportError(VIR_ERR_INVALID_ARG, "definition for snapshot %s must use uuid %s",
                       def->parent.name, virUUIDFormat(uuid, uuidstr));
        return -1;
    }
    if (other) {
        const virDomainSnapshotDef *otherdef = virDomainSnapshotObjGetDef(other);

        if (virDomainSnapshotStateOnline(otherdef->state) !=
            virDomainSnapshotStateOnline(def->state)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "cannot change between online and offline snapshot state "
                           "in snapshot %s", def->parent.name);
            return -1;
        }
        if ((otherdef->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT) !=
            (def->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "cannot change between disk only and full system in snapshot %s",
                           def->parent.name);
            return -1;
        }
    }
    return 0;
}


int
virDomainSnapshotRedefinePrep(virDomainMomentObjList *snapshots, const virDomainDef *dom,
                              virDomainSnapshotDef *def, virDomainMomentObj **snap,
                              unsigned int flags)
{
    virDomainMomentObj *other;
    const virDomainDef *otherDom = NULL;
    unsigned int location = VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;

    if (virDomainMomentCheckCycles(snapshots, &def->parent) < 0)
        return -1;
    if ((other = virDomainMomentFindByName(snapshots, def->parent.name)))
        otherDom = virDomainSnapshotObjGetDef(other)->parent.dom;
    *snap = other;
    if (virDomainSnapshotRedefineValidate(def, dom->uuid, other, flags) < 0)
        return -1;
    if (def->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT || virDomainSnapshotDefIsExternal(def))
        location = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;
    return virDomainSnapshotAlignDisks(def, otherDom, location, true);
}
