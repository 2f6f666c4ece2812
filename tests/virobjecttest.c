/* Reference counting, classes, dispose order. */
#include "internal.h"
#include "util/virobject.h"
#include "testutils.h"

typedef struct {
    virObjectLockable parent;
    int *disposed;
} testObj;

static void
testObjDispose(void *obj)
{
    testObj *t = obj;

    (*t->disposed)++;
}

/* Classes live for the whole process, as in the library; keeping them in
 * globals (a static the compiler may drop as never read) keeps them
 * reachable for the leak checker. */
extern virClass *testObjClass;
extern virClass *plainClass;
virClass *testObjClass;
virClass *plainClass;

static int
testLifecycle(void)
{
    virClass *klass = testObjClass = VIR_CLASS_NEW(testObj, virClassForObjectLockable());
    int disposed = 0;
    testObj *obj;

    CHECK(klass != NULL);
    obj = virObjectLockableNew(klass);
    CHECK(obj != NULL);
    obj->disposed = &disposed;
    CHECK(virObjectIsClass(obj, klass));
    CHECK(virObjectIsClass(obj, virClassForObjectLockable()));
    CHECK(virObjectIsClass(obj, virClassForObject()));
    CHECK(!virObjectIsClass(NULL, klass));
    virObjectRef(obj);
    virObjectUnref(obj);
    CHECK_INTEQ(disposed, 0);
    virObjectLock(obj);
    virObjectUnlock(obj);
    virObjectUnref(obj);
    CHECK_INTEQ(disposed, 1);
    return 0;
}

static int
testWrongParentSize(void)
{
    virClass *klass = virClassNew(virClassForObjectLockable(), "bad", 100, 8, NULL);

    CHECK(klass == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INVALID_ARG);
    virResetLastError();
    return 0;
}

static int
testNotLockable(void)
{
    virClass *plain = plainClass = virClassNew(virClassForObject(), "plain",
                                  sizeof(virObject) + 8, sizeof(virObject), NULL);
    void *obj;

    CHECK(plain != NULL);
    CHECK(virObjectLockableNew(plain) == NULL);
    CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INVALID_ARG);
    virResetLastError();
    obj = virObjectNew(plain);
    CHECK(!virObjectIsClass(obj, virClassForObjectLockable()));
    virObjectUnref(obj);
    return 0;
}

int
main(void)
{
    virTestRun("lifecycle", testLifecycle);
    virTestRun("wrong-parent-size", testWrongParentSize);
    virTestRun("not-lockable", testNotLockable);
    return virTestDone();
}
