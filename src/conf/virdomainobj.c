/*
 * virdomainobj.c: a driver's domain objects and the list holding them.
 */
#include "internal.h"
#include "util/viruuid.h"
#include "conf/virdomainobj.h"
#include "conf/virdomainsnapshotobjlist.h"
#include "conf/virdomaincheckpointobjlist.h"
#include "conf/domain/metadata.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

/* What a handle needs of one listed domain, kept by the list in one
 * array so that listing every domain touches neither the objects, nor
 * their locks, nor their definitions (each of which is a cache miss per
 * domain with thousands of them). */
typedef struct {
    virDomainObj *dom;   /* NULL for a free slot; set and cleared under
                          * the list's write lock and its idLock */
    int id;              /* the listed id (-1: none): written under idLock
                          * with g_atomic_int_set, read with g_atomic_int_get */
    int removing;        /* dom->removing, the same way */
    unsigned char uuid[VIR_UUID_BUFLEN];  /* fixed while dom is set */
    char shortName[24];  /* the name if it fits, else "" */
    const char *longName; /* else the byName key (not a pointer to
                           * shortName: the array moves when it grows);
                           * both change under the write lock only */
} virDomainObjListSlot;

struct _virDomainObjList {
    /* guards both tables (not the objects in them) */
    GRWLock lock;
    /* uuid (16 bytes, owned copy) -> virDomainObj *, holding a reference */
    GHashTable *byUUID;
    /* name (owned copy) -> virDomainObj *, holding a reference */
    GHashTable *byName;
    /* guards byID and every listed object's listedID; a leaf lock */
    GMutex idLock;
    /* running id -> virDomainObj *, holding a reference */
    GHashTable *byID;
    /* one slot per listed object (see virDomainObjListSlot); the array
     * moves (grows) only under the write lock and idLock, and a slot's
     * index stays its object's while listed */
    virDomainObjListSlot *slots;
    size_t nslots;       /* slots in use or freed, below allocSlots */
    size_t allocSlots;
    GArray *freeSlots;   /* indices of free slots below nslots */
};

static virClass *virDomainObjClass;

static void
virDomainObjDispose(void *opaque)
{
    virDomainObj *dom = opaque;

    virDomainDefFree(dom->def);
    virDomainDefFree(dom->newDef);
    virDomainMomentObjListFree(dom->snapshots);
    virDomainMomentObjListFree(dom->checkpoints);
    virDomainJobObjClear(&dom->job);
    if (dom->privateData && dom->privateDataFree)
        dom->privateDataFree(dom->privateData);
}

static virDomainObj *
virDomainObjNew(void)
{
    static gsize once;
    virDomainObj *dom;

    if (g_once_init_enter(&once)) {
        virDomainObjClass = VIR_CLASS_NEW(virDomainObj, virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    dom = virObjectLockableNew(virDomainObjClass);
    dom->listedID = -1;
    dom->listSlot = -1;
    dom->snapshots = virDomainSnapshotObjListNew();
    dom->checkpoints = virDomainCheckpointObjListNew();
    return dom;
}

virDomainObjList *
virDomainObjListNew(void)
{
    virDomainObjList *doms = g_new0(virDomainObjList, 1);

    g_rw_lock_init(&doms->lock);
    doms->byUUID = g_hash_table_new_full(virUUIDHash, virUUIDEqual, g_free,
                                         virObjectUnref);
    doms->byName = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         virObjectUnref);
    g_mutex_init(&doms->idLock);
    doms->byID = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL,
                                       virObjectUnref);
    doms->freeSlots = g_array_new(FALSE, FALSE, sizeof(size_t));
    return doms;
}

void
virDomainObjListFree(virDomainObjList *doms)
{
    GHashTableIter iter;
    gpointer value;

    if (!doms)
        return;
    /* nobody else uses the list any more; objects still referenced
     * elsewhere must not reach it */
    g_hash_table_iter_init(&iter, doms->byUUID);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        ((virDomainObj *)value)->list = NULL;
    g_hash_table_unref(doms->byID);
    g_mutex_clear(&doms->idLock);
    g_hash_table_unref(doms->byUUID);
    g_hash_table_unref(doms->byName);
    g_free(doms->slots);
    g_array_unref(doms->freeSlots);
    g_rw_lock_clear(&doms->lock);
    g_free(doms);
}

static virDomainObj *
virDomainObjLockRef(virDomainObj *dom)
{
    if (!dom)
        return NULL;
    virObjectRef(dom);
    virObjectLock(dom);
    return dom;
}

virDomainObj *
virDomainObjListFindByUUID(virDomainObjList *doms, const unsigned char *uuid)
{
    virDomainObj *dom;

    g_rw_lock_reader_lock(&doms->lock);
    dom = virDomainObjLockRef(g_hash_table_lookup(doms->byUUID, uuid));
    g_rw_lock_reader_unlock(&doms->lock);
    return dom;
}

virDomainObj *
virDomainObjListFindByName(virDomainObjList *doms, const char *name)
{
    virDomainObj *dom;

    g_rw_lock_reader_lock(&doms->lock);
    dom = virDomainObjLockRef(g_hash_table_lookup(doms->byName, name));
    g_rw_lock_reader_unlock(&doms->lock);
    return dom;
}

virDomainObj *
virDomainObjListFindByID(virDomainObjList *doms, int id)
{
    virDomainObj *dom;

    if (id < 0)
        return NULL;
    g_mutex_lock(&doms->idLock);
    dom = virObjectRef(g_hash_table_lookup(doms->byID, GINT_TO_POINTER(id)));
    g_mutex_unlock(&doms->idLock);
    if (!dom)
        return NULL;
    virObjectLock(dom);
    /* it may have stopped or left between the two locks */
    if (dom->removing || dom->def->id != id) {
        virObjectUnlock(dom);
        virObjectUnref(dom);
        return NULL;
    }
    return dom;
}

/* Key @dom in @doms's id table under @id (-1: take it out). */
static void
virDomainObjListSetIDLocked(virDomainObjList *doms, virDomainObj *dom, int id)
{
    g_mutex_lock(&doms->idLock);
    if (dom->listedID >= 0 &&
        g_hash_table_lookup(doms->byID, GINT_TO_POINTER(dom->listedID)) == dom)
        g_hash_table_remove(doms->byID, GINT_TO_POINTER(dom->listedID));
    if (id >= 0)
        g_hash_table_insert(doms->byID, GINT_TO_POINTER(id), virObjectRef(dom));
    dom->listedID = id;
    if (dom->listSlot >= 0)
        g_atomic_int_set(&doms->slots[dom->listSlot].id, id);
    g_mutex_unlock(&doms->idLock);
}


/* Point @dom's slot at @name, its new byName key.  Under the write lock
 * (which keeps readers out) and @dom's lock. */
static void
virDomainObjListSlotSetName(virDomainObjList *doms, virDomainObj *dom, const char *name)
{
    virDomainObjListSlot *slot;

    if (dom->listSlot < 0)
        return;
    slot = &doms->slots[dom->listSlot];
    slot->longName = NULL;
    if (g_strlcpy(slot->shortName, name, sizeof(slot->shortName)) >= sizeof(slot->shortName))
        slot->longName = name;
}


/* Give @dom (new, locked) a slot; @name is its byName key.  Under the
 * write lock. */
static void
virDomainObjListSlotAdd(virDomainObjList *doms, virDomainObj *dom, const char *name)
{
    virDomainObjListSlot *slot;
    size_t idx;

    g_mutex_lock(&doms->idLock);
    if (doms->freeSlots->len > 0) {
        idx = g_array_index(doms->freeSlots, size_t, doms->freeSlots->len - 1);
        g_array_set_size(doms->freeSlots, doms->freeSlots->len - 1);
    } else {
        if (doms->nslots == doms->allocSlots) {
            doms->allocSlots = MAX(64, doms->allocSlots * 2);
            doms->slots = g_renew(virDomainObjListSlot, doms->slots, doms->allocSlots);
        }
        idx = doms->nslots++;
    }
    slot = &doms->slots[idx];
    memset(slot, 0, sizeof(*slot));
    slot->dom = dom;
    slot->id = dom->listedID;
    memcpy(slot->uuid, dom->def->uuid, VIR_UUID_BUFLEN);
    dom->listSlot = idx;
    virDomainObjListSlotSetName(doms, dom, name);
    g_mutex_unlock(&doms->idLock);
}


/* Free @dom's slot.  Under the write lock and @dom's lock. */
static void
virDomainObjListSlotRemove(virDomainObjList *doms, virDomainObj *dom)
{
    size_t idx;

    g_mutex_lock(&doms->idLock);
    if (dom->listSlot >= 0) {
        idx = dom->listSlot;
        memset(&doms->slots[idx], 0, sizeof(doms->slots[idx]));
        g_array_append_val(doms->freeSlots, idx);
        dom->listSlot = -1;
    }
    g_mutex_unlock(&doms->idLock);
}

void
virDomainObjSetID(virDomainObj *dom, int id)
{
    dom->def->id = id;
    if (dom->list && !dom->removing)
        virDomainObjListSetIDLocked(dom->list, dom, id);
}

void
virDomainObjAssignDef(virDomainObj *dom, virDomainDef **def, bool live,
                      virDomainDef **oldDef)
{
    if (oldDef)
        *oldDef = NULL;
    if (virDomainObjIsActive(dom)) {
        if (oldDef)
            *oldDef = dom->newDef;
        else
            virDomainDefFree(dom->newDef);
        dom->newDef = g_steal_pointer(def);
    } else if (live) {
        /* keep the current configuration for when the domain stops */
        if (!dom->newDef)
            dom->newDef = dom->def;
        else
            virDomainDefFree(dom->def);
        dom->def = g_steal_pointer(def);
    } else {
        if (oldDef)
            *oldDef = dom->def;
        else
            virDomainDefFree(dom->def);
        dom->def = g_steal_pointer(def);
    }
}

virDomainObj *
virDomainObjListAdd(virDomainObjList *doms, virDomainDef **def,
                    unsigned int flags, virDomainDef **oldDef)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virDomainObj *dom;
    char *name;

    if (oldDef)
        *oldDef = NULL;

    g_rw_lock_writer_lock(&doms->lock);
    if ((dom = virDomainObjLockRef(g_hash_table_lookup(doms->byUUID, (*def)->uuid)))) {
        if (dom->removing) {
            virReportError(VIR_ERR_OPERATION_FAILED,
                           "domain '%s' is already being removed", dom->def->name);
            goto error;
        }
        if (STRNEQ(dom->def->name, (*def)->name)) {
            virReportError(VIR_ERR_OPERATION_FAILED,
                           "domain '%s' is already defined with uuid %s",
                           dom->def->name, virUUIDFormat(dom->def->uuid, uuidstr));
            goto error;
        }
        if (flags & VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE) {
            if (virDomainObjIsActive(dom)) {
                virReportError(VIR_ERR_OPERATION_INVALID,
                               "domain '%s' is already active", dom->def->name);
                goto error;
            }
            if (!dom->persistent) {
                virReportError(VIR_ERR_OPERATION_INVALID,
                               "domain '%s' is already being started", dom->def->name);
                goto error;
            }
        }
        virDomainObjAssignDef(dom, def, !!(flags & VIR_DOMAIN_OBJ_LIST_ADD_LIVE), oldDef);
    } else {
        virDomainObj *other = g_hash_table_lookup(doms->byName, (*def)->name);

        if (other) {
            /* the uuid is immutable while the object is listed */
            virReportError(VIR_ERR_OPERATION_FAILED,
                           "domain '%s' already exists with uuid %s",
                           (*def)->name, virUUIDFormat(other->def->uuid, uuidstr));
            g_rw_lock_writer_unlock(&doms->lock);
            return NULL;
        }
        dom = virDomainObjNew();
        dom->def = g_steal_pointer(def);
        dom->state = VIR_DOMAIN_SHUTOFF;
        g_hash_table_insert(doms->byUUID, g_memdup2(dom->def->uuid, VIR_UUID_BUFLEN),
                            virObjectRef(dom));
        name = g_strdup(dom->def->name);
        g_hash_table_insert(doms->byName, name, virObjectRef(dom));
        dom->list = doms;
        virObjectLock(dom);
        virDomainObjListSlotAdd(doms, dom, name);
        if (dom->def->id >= 0)
            virDomainObjListSetIDLocked(doms, dom, dom->def->id);
    }
    g_rw_lock_writer_unlock(&doms->lock);
    return dom;

 error:
    g_rw_lock_writer_unlock(&doms->lock);
    virDomainObjEndAPI(&dom);
    return NULL;
}

void
virDomainObjListRemove(virDomainObjList *doms, virDomainObj *dom)
{
    g_autofree char *name = g_strdup(dom->def->name);
    unsigned char uuid[VIR_UUID_BUFLEN];

    memcpy(uuid, dom->def->uuid, VIR_UUID_BUFLEN);
    dom->removing = true;
    if (dom->list == doms) {
        /* listings from the slots skip it from now on, as the others do */
        g_mutex_lock(&doms->idLock);
        if (dom->listSlot >= 0)
            g_atomic_int_set(&doms->slots[dom->listSlot].removing, 1);
        g_mutex_unlock(&doms->idLock);
    }
    /* lock order: list before object */
    virObjectUnlock(dom);
    g_rw_lock_writer_lock(&doms->lock);
    virObjectLock(dom);
    if (g_hash_table_lookup(doms->byUUID, uuid) == dom)
        g_hash_table_remove(doms->byUUID, uuid);
    if (g_hash_table_lookup(doms->byName, name) == dom)
        g_hash_table_remove(doms->byName, name);
    if (dom->list == doms) {
        virDomainObjListSetIDLocked(doms, dom, -1);
        virDomainObjListSlotRemove(doms, dom);
        dom->list = NULL;
    }
    g_rw_lock_writer_unlock(&doms->lock);
}

int
virDomainObjListRename(virDomainObjList *doms, virDomainObj *dom, const char *newName,
                       virDomainObjListRenameFunc func, void *opaque)
{
    g_autofree char *oldName = NULL;
    char *newKey;
    int ret = -1;

    if (STREQ(dom->def->name, newName)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "Can't rename domain to itself");
        return -1;
    }
    /* lock order: list before object */
    virObjectUnlock(dom);
    g_rw_lock_writer_lock(&doms->lock);
    virObjectLock(dom);
    if (dom->removing || dom->list != doms) {
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "domain '%s' is already being removed", dom->def->name);
        goto cleanup;
    }
    if (g_hash_table_contains(doms->byName, newName)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "domain with name '%s' already exists", newName);
        goto cleanup;
    }
    oldName = g_strdup(dom->def->name);
    if (func(dom, newName, opaque) < 0)
        goto cleanup;
    newKey = g_strdup(dom->def->name);
    g_hash_table_insert(doms->byName, newKey, virObjectRef(dom));
    virDomainObjListSlotSetName(doms, dom, newKey);
    g_hash_table_remove(doms->byName, oldName);
    ret = 0;

 cleanup:
    g_rw_lock_writer_unlock(&doms->lock);
    return ret;
}

#define MATCH(f) (filter & (f))

bool
virDomainObjMatchFilter(virDomainObj *dom, unsigned int filter)
{
    bool active = virDomainObjIsActive(dom);
    int st = dom->state;

    if (MATCH(VIR_CONNECT_LIST_DOMAINS_ACTIVE | VIR_CONNECT_LIST_DOMAINS_INACTIVE) &&
        !((MATCH(VIR_CONNECT_LIST_DOMAINS_ACTIVE) && active) ||
          (MATCH(VIR_CONNECT_LIST_DOMAINS_INACTIVE) && !active)))
        return false;
    if (MATCH(VIR_CONNECT_LIST_DOMAINS_PERSISTENT | VIR_CONNECT_LIST_DOMAINS_TRANSIENT) &&
        !((MATCH(VIR_CONNECT_LIST_DOMAINS_PERSISTENT) && dom->persistent) ||
          (MATCH(VIR_CONNECT_LIST_DOMAINS_TRANSIENT) && !dom->persistent)))
        return false;
    if (MATCH(VIR_CONNECT_LIST_DOMAINS_RUNNING | VIR_CONNECT_LIST_DOMAINS_PAUSED |
              VIR_CONNECT_LIST_DOMAINS_SHUTOFF | VIR_CONNECT_LIST_DOMAINS_OTHER)) {
        bool running = st == VIR_DOMAIN_RUNNING;
        bool paused = st == VIR_DOMAIN_PAUSED;
        bool shutoff = st == VIR_DOMAIN_SHUTOFF;
        bool other = !running && !paused && !shutoff;

        if (!((MATCH(VIR_CONNECT_LIST_DOMAINS_RUNNING) && running) ||
              (MATCH(VIR_CONNECT_LIST_DOMAINS_PAUSED) && paused) ||
              (MATCH(VIR_CONNECT_LIST_DOMAINS_SHUTOFF) && shutoff) ||
              (MATCH(VIR_CONNECT_LIST_DOMAINS_OTHER) && other)))
            return false;
    }
    if (MATCH(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE | VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE) &&
        !((MATCH(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE) && dom->hasManagedSave) ||
          (MATCH(VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE) && !dom->hasManagedSave)))
        return false;
    if (MATCH(VIR_CONNECT_LIST_DOMAINS_AUTOSTART | VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART) &&
        !((MATCH(VIR_CONNECT_LIST_DOMAINS_AUTOSTART) && dom->autostart) ||
          (MATCH(VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART) && !dom->autostart)))
        return false;
    if (MATCH(VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT | VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT)) {
        bool has = virDomainMomentObjListSize(dom->snapshots) > 0;

        if (!((MATCH(VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT) && has) ||
              (MATCH(VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT) && !has)))
            return false;
    }
    if (MATCH(VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT |
              VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT)) {
        bool has = virDomainMomentObjListSize(dom->checkpoints) > 0;

        if (!((MATCH(VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT) && has) ||
              (MATCH(VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT) && !has)))
            return false;
    }
    return true;
}

#undef MATCH

GPtrArray *
virDomainObjListCollect(virDomainObjList *doms, unsigned int filter)
{
    GPtrArray *ret = g_ptr_array_new_with_free_func(virObjectUnref);
    GHashTableIter iter;
    gpointer value;

    g_rw_lock_reader_lock(&doms->lock);
    g_hash_table_iter_init(&iter, doms->byUUID);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        virDomainObj *dom = value;

        virObjectLock(dom);
        if (!dom->removing && virDomainObjMatchFilter(dom, filter))
            g_ptr_array_add(ret, virObjectRef(dom));
        virObjectUnlock(dom);
    }
    g_rw_lock_reader_unlock(&doms->lock);
    return ret;
}

int
virDomainObjListForEachMatch(virDomainObjList *doms, unsigned int filter,
                             virDomainObjListIterator func, void *opaque)
{
    GHashTableIter iter;
    gpointer value;
    int ret = 0;

    g_rw_lock_reader_lock(&doms->lock);
    g_hash_table_iter_init(&iter, doms->byUUID);
    while (ret >= 0 && g_hash_table_iter_next(&iter, NULL, &value)) {
        virDomainObj *dom = value;

        virObjectLock(dom);
        if (!dom->removing && virDomainObjMatchFilter(dom, filter))
            ret = func(dom, opaque);
        virObjectUnlock(dom);
    }
    g_rw_lock_reader_unlock(&doms->lock);
    return ret < 0 ? ret : 0;
}

int
virDomainObjListForEachSummary(virDomainObjList *doms,
                               virDomainObjListSummaryIterator func, void *opaque)
{
    size_t i;
    int ret = 0;

    g_rw_lock_reader_lock(&doms->lock);
    for (i = 0; ret >= 0 && i < doms->nslots; i++) {
        virDomainObjListSlot *slot = &doms->slots[i];

        if (!slot->dom || g_atomic_int_get(&slot->removing))
            continue;
        ret = func(slot->longName ? slot->longName : slot->shortName, slot->uuid,
                   g_atomic_int_get(&slot->id), opaque);
    }
    g_rw_lock_reader_unlock(&doms->lock);
    return ret < 0 ? ret : 0;
}

size_t
virDomainObjListCount(virDomainObjList *doms)
{
    size_t i, n = 0;

    g_rw_lock_reader_lock(&doms->lock);
    for (i = 0; i < doms->nslots; i++) {
        if (doms->slots[i].dom && !g_atomic_int_get(&doms->slots[i].removing))
            n++;
    }
    g_rw_lock_reader_unlock(&doms->lock);
    return n;
}

void
virDomainObjEndAPI(virDomainObj **dom)
{
    if (!*dom)
        return;
    virObjectUnlock(*dom);
    g_clear_pointer(dom, virObjectUnref);
}

void
virDomainObjSetState(virDomainObj *dom, int state, int reason)
{
    dom->state = state;
    dom->reason = reason;
}

int
virDomainObjCheckActive(virDomainObj *dom)
{
    if (!virDomainObjIsActive(dom)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "domain is not running");
        return -1;
    }
    return 0;
}

virDomainDef *
virDomainDefCopy(const virDomainDef *def, const virDomainXMLOption *xmlopt)
{
    g_autofree char *xml = virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE |
                                              VIR_DOMAIN_DEF_FORMAT_INACTIVE);

    if (!xml)
        return NULL;
    return virDomainDefParseString(xml, xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE);
}

int
virDomainObjSetDefTransient(virDomainObj *dom, const virDomainXMLOption *xmlopt)
{
    if (!dom->persistent || dom->newDef)
        return 0;
    if (!(dom->newDef = virDomainDefCopy(dom->def, xmlopt)))
        return -1;
    return 0;
}

void
virDomainObjRemoveTransientDef(virDomainObj *dom)
{
    if (!dom->newDef)
        return;
    virDomainDefFree(dom->def);
    dom->def = g_steal_pointer(&dom->newDef);
    dom->def->id = -1;
}


int
virDomainObjUpdateModificationImpact(virDomainObj *vm, unsigned int *flags)
{
    bool active = virDomainObjIsActive(vm);

    if (!(*flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG)))
        *flags |= active ? VIR_DOMAIN_AFFECT_LIVE : VIR_DOMAIN_AFFECT_CONFIG;
    if (!active && (*flags & VIR_DOMAIN_AFFECT_LIVE)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "domain is not running");
        return -1;
    }
    if (!vm->persistent && (*flags & VIR_DOMAIN_AFFECT_CONFIG)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "transient domains do not have any persistent config");
        return -1;
    }
    return 0;
}


int
virDomainObjGetDefs(virDomainObj *vm, unsigned int flags,
                    virDomainDef **liveDef, virDomainDef **persDef)
{
    if (liveDef)
        *liveDef = NULL;
    if (persDef)
        *persDef = NULL;
    if (virDomainObjUpdateModificationImpact(vm, &flags) < 0)
        return -1;
    if (virDomainObjIsActive(vm)) {
        if (liveDef && (flags & VIR_DOMAIN_AFFECT_LIVE))
            *liveDef = vm->def;
        if (persDef && (flags & VIR_DOMAIN_AFFECT_CONFIG))
            *persDef = vm->newDef;
    } else if (persDef) {
        *persDef = vm->def;
    }
    return 0;
}


virDomainDef *
virDomainObjGetOneDefState(virDomainObj *vm, unsigned int flags, bool *live)
{
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && (flags & VIR_DOMAIN_AFFECT_CONFIG)) {
        virReportInvalidArg(flags, "%s",
                            "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' "
                            "are mutually exclusive");
        return NULL;
    }
    if (virDomainObjUpdateModificationImpact(vm, &flags) < 0)
        return NULL;
    if (live)
        *live = flags & VIR_DOMAIN_AFFECT_LIVE;
    if (virDomainObjIsActive(vm) && (flags & VIR_DOMAIN_AFFECT_CONFIG))
        return vm->newDef;
    return vm->def;
}


virDomainDef *
virDomainObjGetOneDef(virDomainObj *vm, unsigned int flags)
{
    return virDomainObjGetOneDefState(vm, flags, NULL);
}


char *
virDomainObjGetMetadata(virDomainObj *vm, int type, const char *uri, unsigned int flags)
{
    virDomainDef *def;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, NULL);
    if (type >= VIR_DOMAIN_METADATA_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "unknown metadata type '%d'", type);
        return NULL;
    }
    if (!(def = virDomainObjGetOneDef(vm, flags)))
        return NULL;
    return virDomainDefGetMetadata(def, type, uri);
}


int
virDomainObjSetMetadata(virDomainObj *vm, int type, const char *metadata,
                        const char *key, const char *uri, unsigned int flags)
{
    virDomainDef *live;
    virDomainDef *persistent;

    virCheckFlags(VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG, -1);
    if (virDomainObjGetDefs(vm, flags, &live, &persistent) < 0)
        return -1;
    if (live && virDomainDefSetMetadata(live, type, metadata, key, uri) < 0)
        return -1;
    if (persistent && virDomainDefSetMetadata(persistent, type, metadata, key, uri) < 0)
        return -1;
    return 0;
}
