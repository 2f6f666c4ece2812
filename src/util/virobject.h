/*
 * virobject.h: reference-counted objects with a class hierarchy.
 *
 * The signatures of virClassNew, virObjectNew, virObjectRef,
 * virObjectUnref, virObjectIsClass, virObjectLockableNew, virObjectLock
 * and virObjectUnlock are libvirt's: the same functions also serve the
 * binaries built from libvirt's tree that import them (src/compat).
 *
 * Reference counts are atomic; a lockable object carries its own mutex.
 * Dispose callbacks run from the last unref, subclass first.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef struct _virClass virClass;
typedef struct _virObject virObject;
typedef struct _virObjectLockable virObjectLockable;
typedef void (*virObjectDisposeCallback)(void *obj);

struct _virObject {
    unsigned int magic;  /* VIR_OBJECT_MAGIC while alive */
    gint refs;           /* g_atomic access only */
    virClass *klass;     /* immutable */
};

struct _virObjectLockable {
    virObject parent;
    GMutex lock;
};

virClass *virClassForObject(void);
virClass *virClassForObjectLockable(void);

/* A class whose instances are @objectSize bytes and start with an
 * instance of @parent (@parentSize bytes, checked). */
virClass *virClassNew(virClass *parent, const char *name, size_t objectSize,
                      size_t parentSize, virObjectDisposeCallback dispose);
const char *virClassName(const virClass *klass);

#define VIR_CLASS_NEW(name, parentClass) \
    virClassNew(parentClass, #name, sizeof(name), \
                sizeof(((name *)NULL)->parent), name##Dispose)

void *virObjectNew(virClass *klass);
void *virObjectLockableNew(virClass *klass);
void *virObjectRef(void *obj);
void virObjectUnref(void *obj);
bool virObjectIsClass(void *obj, virClass *klass);
void virObjectLock(void *lockableobj);
void virObjectUnlock(void *lockableobj);

/* Unref every element of a NULL-terminated array, then free it. */
void virObjectListFree(void *list);

#define VIR_WITH_OBJECT_LOCK_GUARD(obj) \
    for (void *_guard = (virObjectLock(obj), (obj)); _guard; \
         virObjectUnlock(_guard), _guard = NULL)
