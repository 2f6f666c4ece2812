/*
 * virnetworkobj.h: a network as a driver keeps it (virNetworkObj) and
 * the driver's list of them (virNetworkObjList), indexed by UUID and by
 * name.
 *
 * Lookups return the object locked and referenced; virNetworkObjEndAPI
 * unlocks and unrefs it.  Lock order: the list before any object.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"
#include "util/virobjlist.h"
#include "conf/network_conf.h"
#include "conf/virnetworkportdef.h"

typedef struct _virNetworkObj virNetworkObj;
struct _virNetworkObj {
    virObjectLockable parent;

    /* all fields below: guarded by the object lock */
    virNetworkDef *def;     /* the running definition while active, else
                             * the persistent one */
    virNetworkDef *newDef;  /* while active: the persistent definition to
                             * use once stopped, if it differs; else NULL */
    bool active;
    bool persistent;
    bool autostart;
    GHashTable *ports;      /* port UUID (text) -> virNetworkPortDef */
};

typedef struct _virNetworkObjList virNetworkObjList;

virNetworkObjList *virNetworkObjListNew(void);
void virNetworkObjListFree(virNetworkObjList *nets);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetworkObjList, virNetworkObjListFree);

/* Lookups: the object locked and referenced, or NULL (no error set). */
virNetworkObj *virNetworkObjFindByUUID(virNetworkObjList *nets,
                                       const unsigned char *uuid);
virNetworkObj *virNetworkObjFindByName(virNetworkObjList *nets, const char *name);

void virNetworkObjEndAPI(virNetworkObj **obj);

typedef enum {
    VIR_NETWORK_OBJ_LIST_ADD_LIVE = 1 << 0,       /* @def is a running definition */
    VIR_NETWORK_OBJ_LIST_ADD_CHECK_LIVE = 1 << 1, /* refuse an active namesake */
} virNetworkObjListAddFlags;

/*
 * Add *@def as a new network, or give it to the network with the same
 * UUID and name (as its running or persistent definition, by @flags and
 * the network's state, as libvirt does).  A name or UUID used by another
 * network is refused with libvirt's errors (VIR_FROM_NETWORK).  On
 * success *@def is stolen and the object is returned locked and
 * referenced.
 */
virNetworkObj *virNetworkObjAssignDef(virNetworkObjList *nets,
                                      virNetworkDef **def,
                                      unsigned int flags);

/* Take @obj (locked, referenced by the caller) out of the list; it is
 * still locked and referenced on return. */
void virNetworkObjRemoveInactive(virNetworkObjList *nets, virNetworkObj *obj);

/* Does @obj (locked) match the VIR_CONNECT_LIST_NETWORKS_* @flags? */
bool virNetworkObjMatch(virNetworkObj *obj, unsigned int flags);

/* Networks matching @flags, each referenced (not locked); free with
 * g_ptr_array_unref. */
GPtrArray *virNetworkObjListCollect(virNetworkObjList *nets, unsigned int flags);
size_t virNetworkObjListCount(virNetworkObjList *nets, unsigned int flags);

/* Networks (referenced, not locked) for which @filter (called with the
 * object locked) is true. */
GPtrArray *virNetworkObjListFilter(virNetworkObjList *nets,
                                   bool (*filter)(virNetworkObj *obj, void *opaque),
                                   void *opaque);

/* The definition that outlives a stop: newDef if set, else def. */
virNetworkDef *virNetworkObjGetPersistentDef(virNetworkObj *obj);

/* Keep a copy of the persistent definition in newDef before the running
 * one changes (active persistent networks, or @live); and undo that. */
int virNetworkObjSetDefTransient(virNetworkObj *obj, bool live,
                                 virNetworkXMLOption *xmlopt);
void virNetworkObjUnsetDefTransient(virNetworkObj *obj);

/*
 * virNetworkUpdate on @obj: apply @command (virNetworkUpdateCommand) to
 * @section of the running and/or persistent definition, by @flags
 * (VIR_NETWORK_UPDATE_AFFECT_LIVE / _CONFIG, already resolved from
 * _CURRENT).  Copies are changed and checked first, so a failure changes
 * nothing.
 */
int virNetworkObjUpdate(virNetworkObj *obj, unsigned int command,
                        unsigned int section, int parentIndex,
                        const char *xml, virNetworkXMLOption *xmlopt,
                        unsigned int flags);

/* Ports of @obj (locked).  AddPort steals *@port on success. */
int virNetworkObjAddPort(virNetworkObj *obj, virNetworkPortDef **port);
virNetworkPortDef *virNetworkObjLookupPort(virNetworkObj *obj,
                                           const unsigned char *uuid);
int virNetworkObjDeletePort(virNetworkObj *obj, const unsigned char *uuid);
/* The ports, borrowed from @obj, in its table's order. */
GPtrArray *virNetworkObjListPorts(virNetworkObj *obj);
