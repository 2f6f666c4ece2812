/*
 * virdomainobj.h: a domain as a driver keeps it (virDomainObj) and the
 * driver's list of them (virDomainObjList).
 *
 * Lock order: the list's lock before any object's lock.  A thread that
 * holds an object's lock never takes the list's lock (Remove drops the
 * object lock first).  The list's id table has its own leaf mutex, taken
 * after either and never held while waiting for anything else.  Lookups
 * return the object locked and referenced; virDomainObjEndAPI unlocks and
 * unrefs it (STYLE P8).  No lookup and no listing takes the list's lock
 * for writing, and none waits for an object other than the one it returns
 * (a filtered listing waits for each object it reports, in turn; an
 * unfiltered one reads the list's own copies of name, UUID and id and
 * waits for none).
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"
#include "conf/domain/domain_def.h"
#include "conf/virdomainmomentobjlist.h"
#include "conf/virdomainjob.h"

typedef struct _virDomainObjList virDomainObjList;

typedef struct _virDomainObj virDomainObj;
struct _virDomainObj {
    virObjectLockable parent;

    /* all fields below: guarded by the object lock */
    virDomainDef *def;      /* live definition, or the persistent one while off;
                             * def->id is the running id (-1 while off) */
    virDomainDef *newDef;   /* the next boot's definition while running
                             * (persistent domains), else NULL */
    int state;              /* virDomainState */
    int reason;             /* its virDomain*Reason */
    bool persistent;        /* defined (has a config that outlives a stop) */
    bool autostart;
    bool hasManagedSave;    /* a managed save image waits for the next start */
    bool removing;          /* on its way out of the list */
    virDomainMomentObjList *snapshots;   /* never NULL */
    virDomainMomentObjList *checkpoints; /* never NULL */
    virDomainJobObj job;    /* the long-running job (backup), if any */
    void *privateData;      /* the driver's, freed with privateDataFree */
    GDestroyNotify privateDataFree;

    virDomainObjList *list; /* the list holding it; set by Add, cleared by
                             * Remove (list write lock + object lock) */
    int listedID;           /* its key in the list's id table, -1 for none;
                             * guarded by the list's id mutex */
    ssize_t listSlot;       /* its slot in the list's summary array, -1 for
                             * none; set under the list's write lock and id
                             * mutex, read under either */
};

virDomainObjList *virDomainObjListNew(void);
void virDomainObjListFree(virDomainObjList *doms);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainObjList, virDomainObjListFree);

/* Lookups: the object locked and referenced, or NULL (no error set). */
virDomainObj *virDomainObjListFindByUUID(virDomainObjList *doms,
                                         const unsigned char *uuid);
virDomainObj *virDomainObjListFindByName(virDomainObjList *doms, const char *name);
virDomainObj *virDomainObjListFindByID(virDomainObjList *doms, int id);

typedef enum {
    VIR_DOMAIN_OBJ_LIST_ADD_LIVE = 1 << 0,       /* @def is a live definition */
    VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE = 1 << 1, /* refuse a running namesake */
} virDomainObjListAddFlags;

/*
 * Add *@def, or assign it to the object with the same name and UUID.
 * Refuses a name or UUID already used by another domain with libvirt's
 * errors (VIR_FROM_DOMAIN).  On success *@def is stolen and the object is
 * returned locked and referenced; @oldDef (optional) receives the
 * definition replaced, if any.
 */
virDomainObj *virDomainObjListAdd(virDomainObjList *doms, virDomainDef **def,
                                  unsigned int flags, virDomainDef **oldDef);

/* Take @dom (locked, referenced by the caller) out of the list; it is
 * still locked and the caller's reference still held on return. */
void virDomainObjListRemove(virDomainObjList *doms, virDomainObj *dom);

/*
 * Rename @dom (locked and referenced by the caller; its lock is dropped
 * and taken again after the list's) to @newName: @func changes the
 * definition (returning 0, or -1 with an error and nothing changed)
 * while the list holds both names, then the old one is dropped.  A name
 * another domain has, and the domain's own, are refused with libvirt's
 * errors.
 */
typedef int (*virDomainObjListRenameFunc)(virDomainObj *dom, const char *newName,
                                          void *opaque);
int virDomainObjListRename(virDomainObjList *doms, virDomainObj *dom,
                           const char *newName, virDomainObjListRenameFunc func,
                           void *opaque);

/* Objects matching the VIR_CONNECT_LIST_DOMAINS_* @filter, each
 * referenced (not locked); free the array with g_ptr_array_unref. */
GPtrArray *virDomainObjListCollect(virDomainObjList *doms, unsigned int filter);

/* Call @func on each object matching @filter, under that object's lock
 * (and the list's lock for reading: @func must not take it); stops at
 * the first negative return and returns it, else 0. */
typedef int (*virDomainObjListIterator)(virDomainObj *dom, void *opaque);
int virDomainObjListForEachMatch(virDomainObjList *doms, unsigned int filter,
                                 virDomainObjListIterator func, void *opaque);

/* Call @func with the name, UUID and running id (-1: none) of every
 * listed domain, from the list's own copies: no object is locked or even
 * read, so nothing waits for a busy domain (under the list's lock for
 * reading: @func must not take it).  A snapshot as of each slot's read:
 * a domain started or stopped meanwhile may show either id.  Stops at
 * the first negative return and returns it, else 0. */
typedef int (*virDomainObjListSummaryIterator)(const char *name,
                                               const unsigned char *uuid,
                                               int id, void *opaque);
int virDomainObjListForEachSummary(virDomainObjList *doms,
                                   virDomainObjListSummaryIterator func,
                                   void *opaque);

/* How many domains are listed (the same from the same copies). */
size_t virDomainObjListCount(virDomainObjList *doms);

/* Does @dom (locked) match @filter? */
bool virDomainObjMatchFilter(virDomainObj *dom, unsigned int filter);

void virDomainObjEndAPI(virDomainObj **dom);

static inline bool
virDomainObjIsActive(virDomainObj *dom)
{
    return dom->def->id != -1;
}

/* Give @dom (locked) the running id @id (-1: none) in its definition and
 * in its list's id table, through which virDomainObjListFindByID finds it. */
void virDomainObjSetID(virDomainObj *dom, int id);

/* Set the state and reason of @dom (locked). */
void virDomainObjSetState(virDomainObj *dom, int state, int reason);

/* As libvirt's virDomainObjCheckActive: VIR_ERR_OPERATION_INVALID
 * "domain is not running" when @dom is off. */
int virDomainObjCheckActive(virDomainObj *dom);

/* As libvirt's virDomainObjAssignDef: *@def (stolen) becomes the next
 * boot's definition of a running @dom, else its definition (with @live,
 * the old one is kept for the next boot).  @oldDef, when given, receives
 * the definition replaced (the caller frees it), else it is freed. */
void virDomainObjAssignDef(virDomainObj *dom, virDomainDef **def, bool live,
                           virDomainDef **oldDef);

/* Running a persistent domain: keep a copy of its definition for the
 * next boot (newDef); stopping: make that copy current again. */
int virDomainObjSetDefTransient(virDomainObj *dom, const virDomainXMLOption *xmlopt);
void virDomainObjRemoveTransientDef(virDomainObj *dom);

/* A deep copy of @def (formatted and parsed again). */
virDomainDef *virDomainDefCopy(const virDomainDef *def, const virDomainXMLOption *xmlopt);

/*
 * Which definitions of @vm (locked) a call with VIR_DOMAIN_AFFECT_*
 * @flags changes: AFFECT_CURRENT means LIVE when running, else CONFIG.
 * Refuses LIVE on a shut off domain ("domain is not running") and CONFIG
 * on a transient one, with libvirt's errors.
 */
int virDomainObjUpdateModificationImpact(virDomainObj *vm, unsigned int *flags);

/* The live (*liveDef) and persistent (*persDef) definitions @flags
 * select, NULL when not selected; either pointer may be NULL. */
int virDomainObjGetDefs(virDomainObj *vm, unsigned int flags,
                        virDomainDef **liveDef, virDomainDef **persDef);

/* The one definition @flags select (LIVE and CONFIG together are
 * refused); *@live (optional) tells which it is.  NULL with an error. */
virDomainDef *virDomainObjGetOneDefState(virDomainObj *vm, unsigned int flags, bool *live);
virDomainDef *virDomainObjGetOneDef(virDomainObj *vm, unsigned int flags);

/* As libvirt's virDomainObjGetMetadata and virDomainObjSetMetadata: the
 * metadata of @type (conf/domain/metadata.h) in the definition @flags
 * (VIR_DOMAIN_AFFECT_*) select, or changed in each selected one.  The
 * type is checked before the flags' definitions; errors as libvirt's. */
char *virDomainObjGetMetadata(virDomainObj *vm, int type, const char *uri,
                              unsigned int flags);
int virDomainObjSetMetadata(virDomainObj *vm, int type, const char *metadata,
                            const char *key, const char *uri, unsigned int flags);
