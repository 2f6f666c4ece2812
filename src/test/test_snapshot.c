/*
 * test_snapshot.c: the test driver's domain snapshots.
 *
 * A snapshot holds a copy of the domain's definition and the state it
 * was in; nothing else is saved.  Reverting puts that definition and
 * state back.  The tree, the current snapshot and every listing follow
 * libvirt 9.0.0's test driver, including its choices (no metadata-only
 * deletion, no disk-only or no-metadata creation).
 *
 * Every method works under the domain object's lock, which guards its
 * snapshot list (conf/virdomainobj.h).  Stopping and starting the domain
 * raise libvirt's lifecycle events with the FROM_SNAPSHOT details.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"
#include "conf/virdomainsnapshotobjlist.h"
#include "conf/domain_event.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define TEST_SNAPSHOT_LIST_FLAGS \
    (VIR_DOMAIN_SNAPSHOT_LIST_ROOTS | VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL | \
     VIR_DOMAIN_SNAPSHOT_FILTERS_ALL)
#define TEST_SNAPSHOT_CHILDREN_FLAGS \
    (VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL | \
     VIR_DOMAIN_SNAPSHOT_FILTERS_ALL)

/* A lifecycle event about @vm (locked) as it is now. */
static virObjectEvent *
testSnapshotEvent(virDomainObj *vm, int type, int detail)
{
    return virDomainEventLifecycleNew(VIR_DOMAIN_EVENT_OBJ(vm), type, detail);
}


static virDomainMomentObj *
testSnapObjFromName(virDomainObj *vm, const char *name)
{
    virDomainMomentObj *snap = virDomainMomentFindByName(vm->snapshots, name);

    if (!snap)
        virReportError(VIR_ERR_NO_DOMAIN_SNAPSHOT,
                       "no domain snapshot with matching name '%s'", name);
    return snap;
}


/* The domain of @snapshot, locked, and in *@snap its snapshot. */
static virDomainObj *
testSnapObjFromSnapshot(virDomainSnapshotPtr snapshot, virDomainMomentObj **snap)
{
    virDomainObj *vm = testDomObjFromDomain(snapshot->domain);

    if (!vm)
        return NULL;
    if (!(*snap = testSnapObjFromName(vm, snapshot->name)))
        virDomainObjEndAPI(&vm);
    return vm;
}


/* ---- listing ---- */

/* Names of @found (at most @maxnames) into @names; the count of all. */
static int
testSnapshotCopyNames(GPtrArray *found, char **names, int maxnames)
{
    size_t i;

    for (i = 0; i < found->len && i < (size_t)maxnames; i++)
        names[i] = g_strdup(((virDomainMomentObj *)g_ptr_array_index(found, i))->def->name);
    /* as libvirt: the number matched, even beyond @maxnames */
    return found->len;
}


/* Handles for @found into *@snaps (when asked for); the count. */
static int
testSnapshotHandles(GPtrArray *found, virDomainPtr domain, virDomainSnapshotPtr **snaps)
{
    virDomainSnapshotPtr *list;
    size_t i;

    if (!snaps)
        return found->len;
    list = g_new0(virDomainSnapshotPtr, found->len + 1);
    for (i = 0; i < found->len; i++) {
        virDomainMomentObj *snap = g_ptr_array_index(found, i);

        list[i] = virGetDomainSnapshot(domain, snap->def->name);
    }
    *snaps = list;
    return found->len;
}


static int
testDomainSnapshotNum(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *vm;
    int n;

    virCheckFlags(TEST_SNAPSHOT_LIST_FLAGS, -1);

    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    n = virDomainSnapshotObjListNum(vm->snapshots, NULL, flags);
    virDomainObjEndAPI(&vm);
    return n;
}


static int
testDomainSnapshotListNames(virDomainPtr domain, char **names, int nameslen,
                            unsigned int flags)
{
    g_autoptr(GPtrArray) found = NULL;
    virDomainObj *vm;

    virCheckFlags(TEST_SNAPSHOT_LIST_FLAGS, -1);

    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    found = virDomainSnapshotObjListCollect(vm->snapshots, NULL, flags);
    virDomainObjEndAPI(&vm);
    return testSnapshotCopyNames(found, names, nameslen);
}


static int
testDomainListAllSnapshots(virDomainPtr domain, virDomainSnapshotPtr **snaps,
                           unsigned int flags)
{
    g_autoptr(GPtrArray) found = NULL;
    virDomainObj *vm;
    int n;

    virCheckFlags(TEST_SNAPSHOT_LIST_FLAGS, -1);

    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    found = virDomainSnapshotObjListCollect(vm->snapshots, NULL, flags);
    n = testSnapshotHandles(found, domain, snaps);
    virDomainObjEndAPI(&vm);
    return n;
}


static int
testDomainSnapshotListChildrenNames(virDomainSnapshotPtr snapshot, char **names,
                                    int nameslen, unsigned int flags)
{
    g_autoptr(GPtrArray) found = NULL;
    virDomainMomentObj *snap;
    virDomainObj *vm;

    virCheckFlags(TEST_SNAPSHOT_CHILDREN_FLAGS, -1);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return -1;
    found = virDomainSnapshotObjListCollect(vm->snapshots, snap, flags);
    virDomainObjEndAPI(&vm);
    return testSnapshotCopyNames(found, names, nameslen);
}


static int
testDomainSnapshotNumChildren(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    virDomainMomentObj *snap;
    virDomainObj *vm;
    int n;

    virCheckFlags(TEST_SNAPSHOT_CHILDREN_FLAGS, -1);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return -1;
    n = virDomainSnapshotObjListNum(vm->snapshots, snap, flags);
    virDomainObjEndAPI(&vm);
    return n;
}


static int
testDomainSnapshotListAllChildren(virDomainSnapshotPtr snapshot,
                                  virDomainSnapshotPtr **snaps, unsigned int flags)
{
    g_autoptr(GPtrArray) found = NULL;
    virDomainMomentObj *snap;
    virDomainObj *vm;
    int n;

    virCheckFlags(TEST_SNAPSHOT_CHILDREN_FLAGS, -1);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return -1;
    found = virDomainSnapshotObjListCollect(vm->snapshots, snap, flags);
    n = testSnapshotHandles(found, snapshot->domain, snaps);
    virDomainObjEndAPI(&vm);
    return n;
}


/* ---- lookups and queries ---- */

static virDomainSnapshotPtr
testDomainSnapshotLookupByName(virDomainPtr domain, const char *name, unsigned int flags)
{
    virDomainSnapshotPtr ret = NULL;
    virDomainMomentObj *snap;
    virDomainObj *vm;

    virCheckFlags(0, NULL);

    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if ((snap = testSnapObjFromName(vm, name)))
        ret = virGetDomainSnapshot(domain, snap->def->name);
    virDomainObjEndAPI(&vm);
    return ret;
}


static int
testDomainHasCurrentSnapshot(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *vm;
    int ret;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    ret = virDomainMomentGetCurrent(vm->snapshots) != NULL;
    virDomainObjEndAPI(&vm);
    return ret;
}


static virDomainSnapshotPtr
testDomainSnapshotGetParent(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    virDomainSnapshotPtr ret = NULL;
    virDomainMomentObj *snap;
    virDomainObj *vm;

    virCheckFlags(0, NULL);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return NULL;
    if (!snap->def->parent_name)
        virReportError(VIR_ERR_NO_DOMAIN_SNAPSHOT, "snapshot '%s' does not have a parent",
                       snap->def->name);
    else
        ret = virGetDomainSnapshot(snapshot->domain, snap->def->parent_name);
    virDomainObjEndAPI(&vm);
    return ret;
}


static virDomainSnapshotPtr
testDomainSnapshotCurrent(virDomainPtr domain, unsigned int flags)
{
    virDomainSnapshotPtr ret = NULL;
    virDomainMomentObj *current;
    virDomainObj *vm;

    virCheckFlags(0, NULL);

    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if (!(current = virDomainMomentGetCurrent(vm->snapshots)))
        virReportError(VIR_ERR_NO_DOMAIN_SNAPSHOT, "%s",
                       "the domain does not have a current snapshot");
    else
        ret = virGetDomainSnapshot(domain, current->def->name);
    virDomainObjEndAPI(&vm);
    return ret;
}


static char *
testDomainSnapshotGetXMLDesc(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virDomainMomentObj *snap;
    virDomainObj *vm;
    char *xml;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_XML_SECURE, NULL);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return NULL;
    virUUIDFormat(snapshot->domain->uuid, uuidstr);
    xml = virDomainSnapshotDefFormat(uuidstr, virDomainSnapshotObjGetDef(snap),
                                     (flags & VIR_DOMAIN_SNAPSHOT_XML_SECURE)
                                     ? VIR_DOMAIN_SNAPSHOT_FORMAT_SECURE : 0);
    virDomainObjEndAPI(&vm);
    return xml;
}


static int
testDomainSnapshotIsCurrent(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    virDomainMomentObj *snap;
    virDomainObj *vm;
    int ret;

    virCheckFlags(0, -1);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return -1;
    ret = snap == virDomainMomentGetCurrent(vm->snapshots);
    virDomainObjEndAPI(&vm);
    return ret;
}


static int
testDomainSnapshotHasMetadata(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    virDomainMomentObj *snap;
    virDomainObj *vm;

    virCheckFlags(0, -1);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return -1;
    virDomainObjEndAPI(&vm);
    /* every snapshot of the test driver is its metadata */
    return 1;
}


/* ---- creation ---- */

/* Disks and state of a new snapshot of @vm. */
static int
testDomainSnapshotAlignDisks(virDomainObj *vm, virDomainSnapshotDef *def,
                             unsigned int flags)
{
    unsigned int location = VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i].snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_MANUAL) {
            virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                           "'manual' snapshot mode is not supported by the test driver");
            return -1;
        }
    }
    if (flags & VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY) {
        location = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;
        def->state = virDomainObjIsActive(vm) ? VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT
                                              : VIR_DOMAIN_SNAPSHOT_SHUTOFF;
        def->memory = VIR_DOMAIN_SNAPSHOT_LOCATION_NO;
    } else if (def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL) {
        def->state = vm->state;
        location = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;
    } else {
        def->state = vm->state;
        def->memory = def->state == VIR_DOMAIN_SNAPSHOT_SHUTOFF
                      ? VIR_DOMAIN_SNAPSHOT_LOCATION_NO
                      : VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;
    }
    return virDomainSnapshotAlignDisks(def, NULL, location, true);
}


/* Store the redefinition *@def (stolen on success) of a snapshot of @vm. */
static virDomainMomentObj *
testDomainSnapshotRedefine(virDomainObj *vm, virDomainSnapshotDef **def, unsigned int flags)
{
    virDomainMomentObj *snap = NULL;

    if (virDomainSnapshotRedefinePrep(vm->snapshots, vm->def, *def, &snap, flags) < 0)
        return NULL;
    if (snap) {
        virDomainSnapshotReplaceDef(vm->snapshots, snap, def);
        return snap;
    }
    return virDomainSnapshotAssignDef(vm->snapshots, def);
}


/* Take a new snapshot *@def (stolen on success) of @vm. */
static virDomainMomentObj *
testDomainSnapshotTake(testDriver *drv, virDomainPtr domain, virDomainObj *vm,
                       virDomainSnapshotDef **def, unsigned int flags)
{
    virDomainMomentObj *snap;

    if (!((*def)->parent.dom = virDomainDefCopy(vm->def, drv->xmlopt)))
        return NULL;
    if (testDomainSnapshotAlignDisks(vm, *def, flags) < 0)
        return NULL;
    if (!(snap = virDomainSnapshotAssignDef(vm->snapshots, def)))
        return NULL;
    snap->def->parent_name = g_strdup(virDomainMomentGetCurrentName(vm->snapshots));

    if ((flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT) && virDomainObjIsActive(vm)) {
        testDomainShutdownState(vm, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
        domain->id = -1;
        virObjectEventStateQueue(drv->eventState,
                                 testSnapshotEvent(vm, VIR_DOMAIN_EVENT_STOPPED,
                                                   VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT));
    }
    return snap;
}


static virDomainSnapshotPtr
testDomainSnapshotCreateXML(virDomainPtr domain, const char *xmlDesc, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    bool redefine = !!(flags & VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE);
    unsigned int parseFlags = 0;
    g_autoptr(virDomainSnapshotDef) def = NULL;
    virDomainSnapshotPtr ret = NULL;
    virDomainMomentObj *snap;
    virDomainObj *vm;

    /* disk-only and reuse-external snapshots are not implemented, and
     * no-metadata ones cannot be (a test snapshot is its metadata);
     * quiesce, atomic and live have nothing to do */
    virCheckFlags(VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT |
                  VIR_DOMAIN_SNAPSHOT_CREATE_HALT |
                  VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC |
                  VIR_DOMAIN_SNAPSHOT_CREATE_LIVE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE, NULL);

    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if (virDomainMomentObjListSize(vm->checkpoints) > 0) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create snapshot while checkpoint exists");
        goto cleanup;
    }
    if (!vm->persistent && (flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot halt after transient domain snapshot");
        goto cleanup;
    }
    if (redefine)
        parseFlags |= VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE;
    if (flags & VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE)
        parseFlags |= VIR_DOMAIN_SNAPSHOT_PARSE_VALIDATE;
    if (!(def = virDomainSnapshotDefParseString(xmlDesc, drv->xmlopt, NULL, NULL, NULL,
                                                parseFlags)))
        goto cleanup;

    if (redefine)
        snap = testDomainSnapshotRedefine(vm, &def, flags);
    else
        snap = testDomainSnapshotTake(drv, domain, vm, &def, flags);
    if (!snap)
        goto cleanup;

    ret = virGetDomainSnapshot(domain, snap->def->name);
    /* a redefinition becomes current only when asked to */
    if (!redefine || (flags & VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT))
        virDomainMomentSetCurrent(vm->snapshots, snap);
    virDomainMomentLinkParent(vm->snapshots, snap);

 cleanup:
    virDomainObjEndAPI(&vm);
    return ret;
}


/* ---- deletion ---- */

static int
testDomainSnapshotDelete(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    virDomainMomentObj *snap;
    virDomainObj *vm;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN |
                  VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY, -1);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return -1;
    if (flags & (VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN |
                 VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)) {
        /* a current descendant hands the title to @snap */
        if (testDomainMomentDiscardDescendants(vm->snapshots, snap))
            virDomainMomentSetCurrent(vm->snapshots, snap);
    } else if (snap->nchildren) {
        testDomainMomentReparentChildren(snap);
    }
    if (!(flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY))
        testDomainMomentDiscard(vm->snapshots, snap);
    virDomainObjEndAPI(&vm);
    return 0;
}


/* ---- revert ---- */

/*
 * Stop @vm (active, locked) for a revert; the event is *@stopped.  As
 * libvirt's test driver does here, the running id is only dropped with
 * the running definition: a transient domain keeps it (and so still
 * counts as active for the definition assigned next).
 */
static void
testDomainSnapshotRevertStop(virDomainPtr domain, virDomainObj *vm, virObjectEvent **stopped)
{
    if (vm->newDef) {
        testDomainShutdownState(vm, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
    } else {
        virDomainObjSetState(vm, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
        testDomainJobsOnStop(vm);
    }
    domain->id = -1;
    *stopped = testSnapshotEvent(vm, VIR_DOMAIN_EVENT_STOPPED,
                                 VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT);
}


/*
 * Revert @vm (persistent or asked to run) to @snapdef's state with the
 * definition @config (stolen).  The events, as libvirt's test driver
 * raises them: a stop is queued at once when a start follows; *@event
 * (the last stop or the start) and *@event2 (a suspension) are for the
 * caller to queue.
 */
static int
testDomainSnapshotRevertState(testDriver *drv, virDomainPtr domain, virDomainObj *vm,
                              const virDomainSnapshotDef *snapdef, virDomainDef **config,
                              unsigned int flags, virObjectEvent **event,
                              virObjectEvent **event2)
{
    bool online = snapdef->state == VIR_DOMAIN_SNAPSHOT_RUNNING ||
                  snapdef->state == VIR_DOMAIN_SNAPSHOT_PAUSED;
    bool run = !!(flags & (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                           VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED));

    if (!online) {
        virDomainObjAssignDef(vm, config, false, NULL);
        if (virDomainObjIsActive(vm))
            testDomainSnapshotRevertStop(domain, vm, event);
        if (run) {
            /* as libvirt's test driver: the domain stays off, only the
             * events of a start are raised */
            virObjectEventStateQueue(drv->eventState, g_steal_pointer(event));
            *event = testSnapshotEvent(vm, VIR_DOMAIN_EVENT_STARTED,
                                       VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT);
            if (flags & VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED)
                *event2 = testSnapshotEvent(vm, VIR_DOMAIN_EVENT_SUSPENDED,
                                            VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT);
        }
        return 0;
    }
    if (virDomainObjIsActive(vm)) {
        testDomainSnapshotRevertStop(domain, vm, event);
        virObjectEventStateQueue(drv->eventState, g_steal_pointer(event));
    }
    virDomainObjAssignDef(vm, config, false, NULL);
    if (testDomainStartState(drv, vm, VIR_DOMAIN_RUNNING_FROM_SNAPSHOT) < 0)
        return -1;
    *event = testSnapshotEvent(vm, VIR_DOMAIN_EVENT_STARTED,
                               VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT);
    if (!(flags & VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING) &&
        (snapdef->state == VIR_DOMAIN_SNAPSHOT_PAUSED ||
         (flags & VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED))) {
        virDomainObjSetState(vm, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_FROM_SNAPSHOT);
        *event2 = testSnapshotEvent(vm, VIR_DOMAIN_EVENT_SUSPENDED,
                                    VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT);
    }
    return 0;
}


static int
testDomainRevertToSnapshot(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    testDriver *drv = snapshot->domain->conn->privateData;
    g_autoptr(virDomainDef) config = NULL;
    virObjectEvent *event = NULL;
    virObjectEvent *event2 = NULL;
    virDomainSnapshotDef *snapdef;
    virDomainMomentObj *snap;
    virDomainObj *vm;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                  VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED |
                  VIR_DOMAIN_SNAPSHOT_REVERT_FORCE, -1);

    if (!(vm = testSnapObjFromSnapshot(snapshot, &snap)))
        return -1;
    snapdef = virDomainSnapshotObjGetDef(snap);
    if (!vm->persistent &&
        snapdef->state != VIR_DOMAIN_SNAPSHOT_RUNNING &&
        snapdef->state != VIR_DOMAIN_SNAPSHOT_PAUSED &&
        !(flags & (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING | VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED))) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "transient domain needs to request run or pause to revert to "
                       "inactive snapshot");
        goto cleanup;
    }
    if (!snap->def->dom) {
        virReportError(VIR_ERR_SNAPSHOT_REVERT_RISKY,
                       "snapshot '%s' lacks domain '%s' rollback info",
                       snap->def->name, vm->def->name);
        goto cleanup;
    }
    /* from here on, a failure leaves no current snapshot, as in libvirt */
    virDomainMomentSetCurrent(vm->snapshots, NULL);
    if (!(config = virDomainDefCopy(snap->def->dom, drv->xmlopt)))
        goto cleanup;
    if (testDomainSnapshotRevertState(drv, snapshot->domain, vm, snapdef, &config, flags,
                                      &event, &event2) < 0)
        goto cleanup;
    virDomainMomentSetCurrent(vm->snapshots, snap);
    ret = 0;

 cleanup:
    /* a suspension is only told after the event before it */
    if (event) {
        virObjectEventStateQueue(drv->eventState, event);
        virObjectEventStateQueue(drv->eventState, event2);
    } else if (event2) {
        virObjectUnref(event2);
    }
    virDomainObjEndAPI(&vm);
    return ret;
}


/* ---- snapshots of a node description's domain ---- */

/* Parse the <domainsnapshot> @node (or the document its file='' names,
 * relative to the node file @file) into a stored snapshot of @vm. */
static int
testDomainSnapshotLoadOne(testDriver *drv, virDomainObj *vm, xmlXPathContextPtr ctxt,
                          xmlNodePtr node, const char *file)
{
    g_autofree char *ref = virXMLPropString(node, "file");
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) refctxt = NULL;
    g_autoptr(virDomainSnapshotDef) def = NULL;
    xmlNodePtr saved = ctxt->node;
    virDomainMomentObj *snap;
    bool current = false;

    if (ref) {
        g_autofree char *dir = file ? g_path_get_dirname(file) : g_strdup(".");
        g_autofree char *path = g_path_is_absolute(ref) ? g_strdup(ref)
                                                        : g_build_filename(dir, ref, NULL);

        if (!(doc = virXMLParse(path, NULL, NULL, "domainsnapshot", &refctxt)))
            return -1;
        ctxt = refctxt;
    } else {
        ctxt->node = node;
    }
    def = virDomainSnapshotDefParseNode(ctxt, drv->xmlopt, NULL, NULL, &current,
                                        VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL |
                                        VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE);
    if (!ref)
        ctxt->node = saved;
    if (!def || !(snap = virDomainSnapshotAssignDef(vm->snapshots, &def)))
        return -1;
    if (current) {
        if (virDomainMomentGetCurrent(vm->snapshots)) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "more than one snapshot claims to be active");
            return -1;
        }
        virDomainMomentSetCurrent(vm->snapshots, snap);
    }
    return 0;
}


int
testDomainSnapshotsLoad(testDriver *drv, virDomainObj *vm, xmlXPathContextPtr ctxt,
                        xmlNodePtr *nodes, size_t nnodes, const char *file)
{
    size_t i;

    for (i = 0; i < nnodes; i++) {
        if (testDomainSnapshotLoadOne(drv, vm, ctxt, nodes[i], file) < 0)
            return -1;
    }
    if (virDomainMomentUpdateRelations(vm->snapshots) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Snapshots have inconsistent relations for domain %s", vm->def->name);
        return -1;
    }
    return 0;
}


void
testSnapshotRegisterMethods(virHypervisorDriver *d)
{
    d->domainSnapshotNum = testDomainSnapshotNum;
    d->domainSnapshotListNames = testDomainSnapshotListNames;
    d->domainListAllSnapshots = testDomainListAllSnapshots;
    d->domainSnapshotNumChildren = testDomainSnapshotNumChildren;
    d->domainSnapshotListChildrenNames = testDomainSnapshotListChildrenNames;
    d->domainSnapshotListAllChildren = testDomainSnapshotListAllChildren;
    d->domainSnapshotLookupByName = testDomainSnapshotLookupByName;
    d->domainHasCurrentSnapshot = testDomainHasCurrentSnapshot;
    d->domainSnapshotGetParent = testDomainSnapshotGetParent;
    d->domainSnapshotCurrent = testDomainSnapshotCurrent;
    d->domainSnapshotGetXMLDesc = testDomainSnapshotGetXMLDesc;
    d->domainSnapshotIsCurrent = testDomainSnapshotIsCurrent;
    d->domainSnapshotHasMetadata = testDomainSnapshotHasMetadata;
    d->domainSnapshotCreateXML = testDomainSnapshotCreateXML;
    d->domainRevertToSnapshot = testDomainRevertToSnapshot;
    d->domainSnapshotDelete = testDomainSnapshotDelete;
}
