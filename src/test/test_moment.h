/*
 * test_moment.h: the test driver's snapshots, checkpoints and backup
 * jobs (test_snapshot.c, test_checkpoint.c, test_backup.c and what they
 * share in test_moment.c), as the rest of the driver sees them.
 * Included by test_private.h after the driver's state.
 */
#pragma once

#include "conf/checkpoint_conf.h"

/* ---- shared (test_moment.c) ---- */

/* May @vm (locked) be undefined with these virDomainUndefineFlags?
 * -1 with libvirt's error for an inactive domain that has snapshots,
 * unless VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA. */
int testDomainMomentsCheckUndefine(virDomainObj *vm, unsigned int flags);

/* Free every descendant of @moment; true if one of them was current. */
bool testDomainMomentDiscardDescendants(virDomainMomentObjList *list,
                                        virDomainMomentObj *moment);
/* Hand @moment's children to its parent, renaming their parent. */
void testDomainMomentReparentChildren(virDomainMomentObj *moment);
/* Unlink and free @moment; if it was current, its parent becomes so. */
void testDomainMomentDiscard(virDomainMomentObjList *list, virDomainMomentObj *moment);

/* The snapshot and checkpoint methods (test_snapshot.c, test_checkpoint.c). */
void testSnapshotRegisterMethods(virHypervisorDriver *driver);

/*
 * A node description's domain @vm (locked) with its <test:domainsnapshot>
 * elements @nodes (each a snapshot's saved state, <active> included, or a
 * reference file='' relative to the node file @file): store them all,
 * the one whose <active> is 1 current, and link the tree; -1 with
 * libvirt's error otherwise.  @ctxt is the node document's (its node is
 * restored).
 */
int testDomainSnapshotsLoad(testDriver *drv, virDomainObj *vm, xmlXPathContextPtr ctxt,
                            xmlNodePtr *nodes, size_t nnodes, const char *file);
void testCheckpointRegisterMethods(virHypervisorDriver *driver);

/* Store a new checkpoint *@def (stolen on success) of @vm (locked),
 * following and replacing the current one: the rules and steps of
 * virDomainCheckpointCreateXML.  NULL with an error set. */
virDomainMomentObj *testDomainCheckpointAdd(testDriver *drv, virDomainObj *vm,
                                            virDomainCheckpointDef **def);

/* Backup jobs and the job calls (test_backup.c). */
void testBackupRegisterMethods(virHypervisorDriver *driver);
/* @vm (locked) has stopped: a running backup job is cancelled. */
void testDomainJobsOnStop(virDomainObj *vm);
