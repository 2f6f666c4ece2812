/*
 * virobject.c: reference-counted objects with a class hierarchy.
 */
#include "internal.h"
#include "util/virobject.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define VIR_OBJECT_MAGIC 0xCAFE0000u
#define VIR_OBJECT_DEAD  0xDEAD0000u

struct _virClass {
    virClass *parent;
    char *name;
    size_t objectSize;
    virObjectDisposeCallback dispose;
};

static virClass *objectClass;
static virClass *lockableClass;

static void
virObjectLockableDispose(void *anyobj)
{
    virObjectLockable *obj = anyobj;

    g_mutex_clear(&obj->lock);
}

static void
virObjectClassesInit(void)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        objectClass = g_new0(virClass, 1);
        objectClass->name = g_strdup("virObject");
        objectClass->objectSize = sizeof(virObject);
        lockableClass = virClassNew(objectClass, "virObjectLockable",
                                    sizeof(virObjectLockable),
                                    sizeof(virObject),
                                    virObjectLockableDispose);
        g_once_init_leave(&once, 1);
    }
}

virClass *
virClassForObject(void)
{
    virObjectClassesInit();
    return objectClass;
}

virClass *
virClassForObjectLockable(void)
{
    virObjectClassesInit();
    return lockableClass;
}

virClass *
virClassNew(virClass *parent, const char *name, size_t objectSize,
            size_t parentSize, virObjectDisposeCallback dispose)
{
    virClass *klass;

    if (!parent && STRNEQ(name, "virObject")) {
        virReportInvalidNonNullArg(parent);
        return NULL;
    }
    if (parent && parentSize != parent->objectSize) {
        virReportInvalidArg(parentSize,
                            "class %s must start with an instance of %s",
                            name, parent->name);
        return NULL;
    }
    klass = g_new0(virClass, 1);
    klass->parent = parent;
    klass->name = g_strdup(name);
    klass->objectSize = objectSize;
    klass->dispose = dispose;
    return klass;
}

const char *
virClassName(const virClass *klass)
{
    return klass->name;
}

static bool
virClassIsDerivedFrom(const virClass *klass, const virClass *parent)
{
    for (; klass; klass = klass->parent) {
        if (klass == parent)
            return true;
    }
    return false;
}

void *
virObjectNew(virClass *klass)
{
    virObject *obj = g_malloc0(klass->objectSize);

    obj->magic = VIR_OBJECT_MAGIC;
    obj->refs = 1;
    obj->klass = klass;
    return obj;
}

void *
virObjectLockableNew(virClass *klass)
{
    virObjectLockable *obj;

    if (!virClassIsDerivedFrom(klass, virClassForObjectLockable())) {
        virReportInvalidArg(klass, "class %s is not lockable", klass->name);
        return NULL;
    }
    obj = virObjectNew(klass);
    g_mutex_init(&obj->lock);
    return obj;
}

void *
virObjectRef(void *anyobj)
{
    virObject *obj = anyobj;

    if (!obj)
        return NULL;
    g_atomic_int_inc(&obj->refs);
    return obj;
}

void
virObjectUnref(void *anyobj)
{
    virObject *obj = anyobj;
    virClass *klass;

    if (!obj)
        return;
    if (!g_atomic_int_dec_and_test(&obj->refs))
        return;
    for (klass = obj->klass; klass; klass = klass->parent) {
        if (klass->dispose)
            klass->dispose(obj);
    }
    obj->magic = VIR_OBJECT_DEAD;
    obj->klass = NULL;
    g_free(obj);
}

VIR_PRIVATE_EXPORT bool
virObjectIsClass(void *anyobj, virClass *klass)
{
    virObject *obj = anyobj;

    if (!obj || obj->magic != VIR_OBJECT_MAGIC)
        return false;
    return virClassIsDerivedFrom(obj->klass, klass);
}

void
virObjectLock(void *anyobj)
{
    virObjectLockable *obj = anyobj;

    g_mutex_lock(&obj->lock);
}

void
virObjectUnlock(void *anyobj)
{
    virObjectLockable *obj = anyobj;

    g_mutex_unlock(&obj->lock);
}

void
virObjectListFree(void *list)
{
    void **elems = list;
    size_t i;

    if (!elems)
        return;
    for (i = 0; elems[i]; i++)
        virObjectUnref(elems[i]);
    g_free(elems);
}
