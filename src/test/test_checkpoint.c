/*
 * test_checkpoint.c: the test driver's domain checkpoints.
 *
 * A checkpoint records a copy of the running domain's definition and a
 * bitmap name per disk; the test driver has no data to track.  As in
 * libvirt 9.0.0's test driver, a domain has either snapshots or
 * checkpoints, never both, and checkpoints need a running domain.
 *
 * Every method works under the domain object's lock, which guards its
 * checkpoint list (conf/virdomainobj.h).
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "conf/virdomaincheckpointobjlist.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static virDomainMomentObj *
testCheckpointObjFromName(virDomainObj *vm, const char *name)
{
    virDomainMomentObj *chk = virDomainMomentFindByName(vm->checkpoints, name);

    if (!chk)
        virReportError(VIR_ERR_NO_DOMAIN_CHECKPOINT,
                       "no domain checkpoint with matching name '%s'", name);
    return chk;
}


/* The domain of @checkpoint, locked, and in *@chk its checkpoint. */
static virDomainObj *
testCheckpointObjFromCheckpoint(virDomainCheckpointPtr checkpoint, virDomainMomentObj **chk)
{
    virDomainObj *vm = testDomObjFromDomain(checkpoint->domain);

    if (!vm)
        return NULL;
    if (!(*chk = testCheckpointObjFromName(vm, checkpoint->name)))
        virDomainObjEndAPI(&vm);
    return vm;
}


/* Handles for @found into *@chks (when asked for); the count. */
static int
testCheckpointHandles(GPtrArray *found, virDomainPtr domain, virDomainCheckpointPtr **chks)
{
    virDomainCheckpointPtr *list;
    size_t i;

    if (!chks)
        return found->len;
    list = g_new0(virDomainCheckpointPtr, found->len + 1);
    for (i = 0; i < found->len; i++) {
        virDomainMomentObj *chk = g_ptr_array_index(found, i);

        list[i] = virGetDomainCheckpoint(domain, chk->def->name);
    }
    *chks = list;
    return found->len;
}


/* The rules for a new checkpoint of @vm. */
static int
testDomainCheckpointCheck(virDomainObj *vm)
{
    if (virDomainMomentObjListSize(vm->snapshots) > 0) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create checkpoint while snapshot exists");
        return -1;
    }
    if (!virDomainObjIsActive(vm)) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create checkpoint for inactive domain");
        return -1;
    }
    return 0;
}


/* Store a new checkpoint *@def (stolen on success) of @vm, unlinked. */
static virDomainMomentObj *
testDomainCheckpointTake(testDriver *drv, virDomainObj *vm, virDomainCheckpointDef **def)
{
    if (!((*def)->parent.dom = virDomainDefCopy(vm->def, drv->xmlopt)))
        return NULL;
    if (virDomainCheckpointAlignDisks(*def) < 0)
        return NULL;
    return virDomainCheckpointAssignDef(vm->checkpoints, def);
}


/* Make @chk, just stored, the current checkpoint: a child of the one
 * that was. */
static void
testDomainCheckpointFollowCurrent(virDomainObj *vm, virDomainMomentObj *chk)
{
    virDomainMomentObj *current = virDomainMomentGetCurrent(vm->checkpoints);

    if (current)
        chk->def->parent_name = g_strdup(current->def->name);
    virDomainMomentSetCurrent(vm->checkpoints, chk);
    virDomainMomentLinkParent(vm->checkpoints, chk);
}


virDomainMomentObj *
testDomainCheckpointAdd(testDriver *drv, virDomainObj *vm, virDomainCheckpointDef **def)
{
    virDomainMomentObj *chk;

    if (testDomainCheckpointCheck(vm) < 0 ||
        !(chk = testDomainCheckpointTake(drv, vm, def)))
        return NULL;
    testDomainCheckpointFollowCurrent(vm, chk);
    return chk;
}


static virDomainCheckpointPtr
testDomainCheckpointCreateXML(virDomainPtr domain, const char *xmlDesc, unsigned int flags)
{
    testDriver *drv = domain->conn->privateData;
    bool redefine = !!(flags & VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    bool updateCurrent = !redefine;
    g_autoptr(virDomainCheckpointDef) def = NULL;
    virDomainCheckpointPtr ret = NULL;
    virDomainMomentObj *current;
    virDomainMomentObj *chk;
    virDomainObj *vm;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE |
                  VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE, NULL);

    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if (testDomainCheckpointCheck(vm) < 0)
        goto cleanup;
    if (!(def = virDomainCheckpointDefParseString(xmlDesc, drv->xmlopt, NULL, NULL,
                                                  redefine ? VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE
                                                           : 0)))
        goto cleanup;

    if (redefine) {
        if (virDomainCheckpointRedefinePrep(vm->checkpoints, vm->def, def,
                                            &updateCurrent) < 0)
            goto cleanup;
        chk = virDomainCheckpointRedefineCommit(vm->checkpoints, &def);
    } else {
        chk = testDomainCheckpointTake(drv, vm, &def);
    }
    if (!chk)
        goto cleanup;

    /* a new checkpoint follows the current one, and replaces it */
    if ((current = virDomainMomentGetCurrent(vm->checkpoints))) {
        if (!redefine)
            chk->def->parent_name = g_strdup(current->def->name);
        if (updateCurrent)
            virDomainMomentSetCurrent(vm->checkpoints, NULL);
    }
    ret = virGetDomainCheckpoint(domain, chk->def->name);
    if (updateCurrent)
        virDomainMomentSetCurrent(vm->checkpoints, chk);
    virDomainMomentLinkParent(vm->checkpoints, chk);

 cleanup:
    virDomainObjEndAPI(&vm);
    return ret;
}


static int
testDomainListAllCheckpoints(virDomainPtr domain, virDomainCheckpointPtr **chks,
                             unsigned int flags)
{
    g_autoptr(GPtrArray) found = NULL;
    virDomainObj *vm;
    int n;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_LIST_ROOTS |
                  VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL |
                  VIR_DOMAIN_CHECKPOINT_FILTERS_ALL, -1);

    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    found = virDomainCheckpointObjListCollect(vm->checkpoints, NULL, flags);
    n = testCheckpointHandles(found, domain, chks);
    virDomainObjEndAPI(&vm);
    return n;
}


static int
testDomainCheckpointListAllChildren(virDomainCheckpointPtr checkpoint,
                                    virDomainCheckpointPtr **chks, unsigned int flags)
{
    g_autoptr(GPtrArray) found = NULL;
    virDomainMomentObj *chk;
    virDomainObj *vm;
    int n;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS |
                  VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL |
                  VIR_DOMAIN_CHECKPOINT_FILTERS_ALL, -1);

    if (!(vm = testCheckpointObjFromCheckpoint(checkpoint, &chk)))
        return -1;
    found = virDomainCheckpointObjListCollect(vm->checkpoints, chk, flags);
    n = testCheckpointHandles(found, checkpoint->domain, chks);
    virDomainObjEndAPI(&vm);
    return n;
}


static virDomainCheckpointPtr
testDomainCheckpointLookupByName(virDomainPtr domain, const char *name, unsigned int flags)
{
    virDomainCheckpointPtr ret = NULL;
    virDomainMomentObj *chk;
    virDomainObj *vm;

    virCheckFlags(0, NULL);

    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if ((chk = testCheckpointObjFromName(vm, name)))
        ret = virGetDomainCheckpoint(domain, chk->def->name);
    virDomainObjEndAPI(&vm);
    return ret;
}


static virDomainCheckpointPtr
testDomainCheckpointGetParent(virDomainCheckpointPtr checkpoint, unsigned int flags)
{
    virDomainCheckpointPtr ret = NULL;
    virDomainMomentObj *chk;
    virDomainObj *vm;

    virCheckFlags(0, NULL);

    if (!(vm = testCheckpointObjFromCheckpoint(checkpoint, &chk)))
        return NULL;
    if (!chk->def->parent_name)
        virReportError(VIR_ERR_NO_DOMAIN_CHECKPOINT, "checkpoint '%s' does not have a parent",
                       chk->def->name);
    else
        ret = virGetDomainCheckpoint(checkpoint->domain, chk->def->parent_name);
    virDomainObjEndAPI(&vm);
    return ret;
}


static char *
testDomainCheckpointGetXMLDesc(virDomainCheckpointPtr checkpoint, unsigned int flags)
{
    virDomainCheckpointDef *chkdef;
    virDomainMomentObj *chk;
    virDomainObj *vm;
    unsigned int formatFlags = 0;
    char *xml = NULL;
    size_t i;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_XML_SECURE |
                  VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN |
                  VIR_DOMAIN_CHECKPOINT_XML_SIZE, NULL);

    if (!(vm = testCheckpointObjFromCheckpoint(checkpoint, &chk)))
        return NULL;
    chkdef = virDomainCheckpointObjGetDef(chk);
    if (flags & VIR_DOMAIN_CHECKPOINT_XML_SIZE) {
        if (virDomainObjCheckActive(vm) < 0)
            goto cleanup;
        /* as libvirt's test driver: a size is set but never marked
         * valid, so none is shown */
        for (i = 0; i < chkdef->ndisks; i++) {
            if (chkdef->disks[i].type == VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP)
                chkdef->disks[i].size = 1024;
        }
    }
    if (flags & VIR_DOMAIN_CHECKPOINT_XML_SECURE)
        formatFlags |= VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE;
    if (flags & VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN)
        formatFlags |= VIR_DOMAIN_CHECKPOINT_FORMAT_NO_DOMAIN;
    if (flags & VIR_DOMAIN_CHECKPOINT_XML_SIZE)
        formatFlags |= VIR_DOMAIN_CHECKPOINT_FORMAT_SIZE;
    xml = virDomainCheckpointDefFormat(chkdef, formatFlags);

 cleanup:
    virDomainObjEndAPI(&vm);
    return xml;
}


static int
testDomainCheckpointDelete(virDomainCheckpointPtr checkpoint, unsigned int flags)
{
    virDomainMomentObj *chk;
    virDomainObj *vm;

    /* metadata is all a test checkpoint has: METADATA_ONLY changes nothing */
    virCheckFlags(VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                  VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY |
                  VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY, -1);

    if (!(vm = testCheckpointObjFromCheckpoint(checkpoint, &chk)))
        return -1;
    if (flags & (VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                 VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)) {
        if (testDomainMomentDiscardDescendants(vm->checkpoints, chk))
            virDomainMomentSetCurrent(vm->checkpoints, chk);
    } else if (chk->nchildren) {
        testDomainMomentReparentChildren(chk);
    }
    if (!(flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY))
        testDomainMomentDiscard(vm->checkpoints, chk);
    virDomainObjEndAPI(&vm);
    return 0;
}


void
testCheckpointRegisterMethods(virHypervisorDriver *d)
{
    d->domainCheckpointCreateXML = testDomainCheckpointCreateXML;
    d->domainCheckpointGetXMLDesc = testDomainCheckpointGetXMLDesc;
    d->domainListAllCheckpoints = testDomainListAllCheckpoints;
    d->domainCheckpointListAllChildren = testDomainCheckpointListAllChildren;
    d->domainCheckpointLookupByName = testDomainCheckpointLookupByName;
    d->domainCheckpointGetParent = testDomainCheckpointGetParent;
    d->domainCheckpointDelete = testDomainCheckpointDelete;
}
