/*
 * test_secret.c: secrets in the test driver, kept in memory.
 *
 * libvirt 9.0.0's test driver has no secret driver; these follow
 * libvirt's secret driver (src/secret), with nothing written to disk:
 * a secret is defined (its usage unique among secrets, its private flag
 * never dropped), looked up by UUID or usage, given a value and asked
 * for it -- never for a private secret, as no caller of the public API
 * holds the driver's own identity -- and undefined.  Errors use that
 * driver's domain (VIR_FROM_SECRET) and messages.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"
#include "conf/family_event.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_SECRET

static void
testSecretEvent(testDriver *drv, virSecretDef *def, int event)
{
    virObjectEventStateQueue(drv->eventState,
                             virSecretEventLifecycleNew(def->uuid, def->usage_type,
                                                        def->usage_id, event, 0));
}

static virSecretObj *
testSecretObjFromSecret(virSecretPtr secret)
{
    virSecretObj *obj = virSecretObjListFindByUUID(testDriverOf(secret->conn)->secrets,
                                                   secret->uuid);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!obj)
        virReportError(VIR_ERR_NO_SECRET, "no secret with matching uuid '%s'",
                       virUUIDFormat(secret->uuid, uuidstr));
    return obj;
}

static virSecretPtr
testSecretHandle(virConnectPtr conn, virSecretObj *obj)
{
    virSecretDef *def = obj->def;

    return virGetSecret(conn, def->uuid, def->usage_type, def->usage_id);
}

static int
testConnectNumOfSecrets(virConnectPtr conn)
{
    g_autoptr(GPtrArray) objs = virSecretObjListCollect(testDriverOf(conn)->secrets, 0);

    return objs->len;
}

static int
testConnectListSecrets(virConnectPtr conn, char **uuids, int maxuuids)
{
    g_autoptr(GPtrArray) objs = virSecretObjListCollect(testDriverOf(conn)->secrets, 0);
    int n = 0;
    size_t i;

    for (i = 0; i < objs->len && n < maxuuids; i++) {
        virSecretObj *obj = g_ptr_array_index(objs, i);

        uuids[n] = g_new0(char, VIR_UUID_STRING_BUFLEN);
        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            virUUIDFormat(obj->def->uuid, uuids[n]);
        }
        n++;
    }
    return n;
}

static int
testConnectListAllSecrets(virConnectPtr conn, virSecretPtr **secrets,
                          unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    g_autoptr(GPtrArray) ret = NULL;
    size_t i;

    virCheckFlags(VIR_CONNECT_LIST_SECRETS_FILTERS_ALL, -1);

    objs = virSecretObjListCollect(testDriverOf(conn)->secrets, flags);
    if (!secrets)
        return objs->len;
    ret = g_ptr_array_new_with_free_func(virObjectUnref);
    for (i = 0; i < objs->len; i++) {
        virSecretObj *obj = g_ptr_array_index(objs, i);
        virSecretPtr secret = NULL;

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            if (virSecretObjMatch(obj, flags))
                secret = testSecretHandle(conn, obj);
        }
        if (secret)
            g_ptr_array_add(ret, secret);
    }
    i = ret->len;
    g_ptr_array_add(ret, NULL);
    g_ptr_array_set_free_func(ret, NULL);
    *secrets = (virSecretPtr *)g_ptr_array_free(g_steal_pointer(&ret), FALSE);
    return i;
}

static virSecretPtr
testSecretLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    virSecretObj *obj = virSecretObjListFindByUUID(testDriverOf(conn)->secrets, uuid);
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virSecretPtr ret;

    if (!obj) {
        virReportError(VIR_ERR_NO_SECRET, "no secret with matching uuid '%s'",
                       virUUIDFormat(uuid, uuidstr));
        return NULL;
    }
    ret = testSecretHandle(conn, obj);
    virSecretObjEndAPI(&obj);
    return ret;
}

static virSecretPtr
testSecretLookupByUsage(virConnectPtr conn, int usageType, const char *usageID)
{
    virSecretObj *obj = virSecretObjListFindByUsage(testDriverOf(conn)->secrets,
                                                    usageType, usageID);
    virSecretPtr ret;

    if (!obj) {
        virReportError(VIR_ERR_NO_SECRET, "no secret with matching usage '%s'", usageID);
        return NULL;
    }
    ret = testSecretHandle(conn, obj);
    virSecretObjEndAPI(&obj);
    return ret;
}

static virSecretPtr
testSecretDefineXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virSecretDef) def = NULL;
    virSecretObj *obj;
    virSecretPtr ret;

    virCheckFlags(VIR_SECRET_DEFINE_VALIDATE, NULL);

    if (!(def = virSecretDefParse(xml, NULL, flags)))
        return NULL;
    if (!(obj = virSecretObjListAdd(drv->secrets, &def, NULL)))
        return NULL;
    testSecretEvent(drv, obj->def, VIR_SECRET_EVENT_DEFINED);
    ret = testSecretHandle(conn, obj);
    virSecretObjEndAPI(&obj);
    return ret;
}

static char *
testSecretGetXMLDesc(virSecretPtr secret, unsigned int flags)
{
    virSecretObj *obj;
    char *ret;

    virCheckFlags(0, NULL);

    if (!(obj = testSecretObjFromSecret(secret)))
        return NULL;
    ret = virSecretDefFormat(obj->def);
    virSecretObjEndAPI(&obj);
    return ret;
}

static int
testSecretSetValue(virSecretPtr secret, const unsigned char *value,
                   size_t value_size, unsigned int flags)
{
    testDriver *drv = testDriverOf(secret->conn);
    virSecretObj *obj;

    virCheckFlags(0, -1);

    if (!(obj = testSecretObjFromSecret(secret)))
        return -1;
    virSecretObjSetValue(obj, value, value_size);
    virObjectEventStateQueue(drv->eventState,
                             virSecretEventValueChangedNew(obj->def->uuid,
                                                           obj->def->usage_type,
                                                           obj->def->usage_id));
    virSecretObjEndAPI(&obj);
    return 0;
}

static unsigned char *
testSecretGetValue(virSecretPtr secret, size_t *value_size, unsigned int flags)
{
    virSecretObj *obj;
    unsigned char *ret = NULL;

    virCheckFlags(0, NULL);

    if (!(obj = testSecretObjFromSecret(secret)))
        return NULL;
    if (obj->def->isprivate)
        virReportError(VIR_ERR_INVALID_SECRET, "%s", "secret is private");
    else
        ret = virSecretObjGetValue(obj, value_size);
    virSecretObjEndAPI(&obj);
    return ret;
}

static int
testSecretUndefine(virSecretPtr secret)
{
    testDriver *drv = testDriverOf(secret->conn);
    virSecretObj *obj;

    if (!(obj = testSecretObjFromSecret(secret)))
        return -1;
    testSecretEvent(drv, obj->def, VIR_SECRET_EVENT_UNDEFINED);
    virSecretObjListRemove(drv->secrets, obj);
    virSecretObjEndAPI(&obj);
    return 0;
}

virSecretDriver testSecretDriver = {
    .name = "Test",
    .connectNumOfSecrets = testConnectNumOfSecrets,
    .connectListSecrets = testConnectListSecrets,
    .connectListAllSecrets = testConnectListAllSecrets,
    .secretLookupByUUID = testSecretLookupByUUID,
    .secretLookupByUsage = testSecretLookupByUsage,
    .secretDefineXML = testSecretDefineXML,
    .secretGetXMLDesc = testSecretGetXMLDesc,
    .secretSetValue = testSecretSetValue,
    .secretGetValue = testSecretGetValue,
    .secretUndefine = testSecretUndefine,
    .connectSecretEventRegisterAny = testConnectSecretEventRegisterAny,
    .connectSecretEventDeregisterAny = testConnectSecretEventDeregisterAny,
};
