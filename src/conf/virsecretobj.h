/*
 * virsecretobj.h: a secret as a driver keeps it (virSecretObj: its
 * definition and value) and the driver's list of them, indexed by UUID.
 *
 * Lookups return the object locked and referenced; virSecretObjEndAPI
 * unlocks and unrefs it.  Lock order: the list before any object.
 */
#pragma once

#include "internal.h"
#include "util/virobject.h"
#include "conf/secret_conf.h"

typedef struct _virSecretObj virSecretObj;
struct _virSecretObj {
    virObjectLockable parent;

    /* all fields below: guarded by the object lock */
    virSecretDef *def;
    unsigned char *value;       /* NULL until set; wiped when replaced */
    size_t value_size;
};

typedef struct _virSecretObjList virSecretObjList;

virSecretObjList *virSecretObjListNew(void);
void virSecretObjListFree(virSecretObjList *secrets);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSecretObjList, virSecretObjListFree);

void virSecretObjEndAPI(virSecretObj **obj);

/* Lookups: the object locked and referenced, or NULL (no error set).  A
 * usage of type 'none' matches no secret. */
virSecretObj *virSecretObjListFindByUUID(virSecretObjList *secrets,
                                         const unsigned char *uuid);
virSecretObj *virSecretObjListFindByUsage(virSecretObjList *secrets,
                                          int usageType, const char *usageID);

/*
 * Add *@def, or replace the definition of the secret with its UUID
 * (which keeps its value), as libvirt's virSecretObjListAdd: a known
 * UUID must keep its usage ID and may not stop being private, and a new
 * UUID may not take a usage another secret has (VIR_ERR_INTERNAL_ERROR,
 * libvirt's messages).  On success *@def is stolen, the replaced
 * definition goes to *@oldDef (or is freed when @oldDef is NULL) and the
 * object is returned locked and referenced.
 */
virSecretObj *virSecretObjListAdd(virSecretObjList *secrets, virSecretDef **def,
                                  virSecretDef **oldDef);

/* Take @obj (locked, referenced by the caller) out of the list. */
void virSecretObjListRemove(virSecretObjList *secrets, virSecretObj *obj);

/* Does @obj (locked) match the VIR_CONNECT_LIST_SECRETS_* @flags? */
bool virSecretObjMatch(virSecretObj *obj, unsigned int flags);

/* Secrets matching @flags, each referenced (not locked). */
GPtrArray *virSecretObjListCollect(virSecretObjList *secrets, unsigned int flags);

/* Values: a copy of the value (VIR_ERR_NO_SECRET if it has none), and
 * replacing it. */
unsigned char *virSecretObjGetValue(virSecretObj *obj, size_t *value_size);
void virSecretObjSetValue(virSecretObj *obj, const unsigned char *value,
                          size_t value_size);
