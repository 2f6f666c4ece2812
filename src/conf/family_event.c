/*
 * family_event.c: network, storage pool, node device and secret events.
 *
 * Each family is one row of a table: its event class, and how to make
 * the handle a callback receives from the event's identity.  Event ID 0
 * is the lifecycle event (event, detail); every other ID carries no
 * payload.
 */
#include "internal.h"
#include "conf/family_event.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NONE

typedef struct {
    virObjectEvent parent;
    int type;               /* lifecycle event and detail */
    int detail;
    int usageType;          /* secrets only */
    char *usageID;
} virFamilyEvent;

typedef enum {
    FAMILY_NETWORK,
    FAMILY_STORAGE_POOL,
    FAMILY_NODE_DEVICE,
    FAMILY_SECRET,
    FAMILY_LAST
} virFamilyEventKind;

typedef struct {
    const char *className;
    void *(*handle)(virConnectPtr conn, virFamilyEvent *event);
} virFamilyEventInfo;

static void *
virFamilyNetworkHandle(virConnectPtr conn, virFamilyEvent *ev)
{
    return virGetNetwork(conn, ev->parent.meta.name, ev->parent.meta.uuid);
}

static void *
virFamilyPoolHandle(virConnectPtr conn, virFamilyEvent *ev)
{
    return virGetStoragePool(conn, ev->parent.meta.name, ev->parent.meta.uuid,
                             NULL, NULL);
}

static void *
virFamilyNodeDeviceHandle(virConnectPtr conn, virFamilyEvent *ev)
{
    return virGetNodeDevice(conn, ev->parent.meta.name);
}

static void *
virFamilySecretHandle(virConnectPtr conn, virFamilyEvent *ev)
{
    return virGetSecret(conn, ev->parent.meta.uuid, ev->usageType, ev->usageID);
}

static const virFamilyEventInfo familyInfo[] = {
    [FAMILY_NETWORK] = { "virNetworkEvent", virFamilyNetworkHandle },
    [FAMILY_STORAGE_POOL] = { "virStoragePoolEvent", virFamilyPoolHandle },
    [FAMILY_NODE_DEVICE] = { "virNodeDeviceEvent", virFamilyNodeDeviceHandle },
    [FAMILY_SECRET] = { "virSecretEvent", virFamilySecretHandle },
};
G_STATIC_ASSERT(G_N_ELEMENTS(familyInfo) == FAMILY_LAST);

static virClass *familyClass[FAMILY_LAST];

static void
virFamilyEventDispose(void *obj)
{
    virFamilyEvent *ev = obj;

    g_free(ev->usageID);
}

static virClass *
virFamilyEventClass(virFamilyEventKind kind)
{
    static gsize once;

    if (g_once_init_enter(&once)) {
        size_t i;

        for (i = 0; i < FAMILY_LAST; i++)
            familyClass[i] = virClassNew(virObjectEventClassGet(),
                                         familyInfo[i].className,
                                         sizeof(virFamilyEvent),
                                         sizeof(virObjectEvent),
                                         virFamilyEventDispose);
        g_once_init_leave(&once, 1);
    }
    return familyClass[kind];
}

static virFamilyEventKind
virFamilyEventKindOf(virObjectEvent *event)
{
    size_t i;

    for (i = 0; i < FAMILY_LAST; i++) {
        if (virObjectIsClass(event, familyClass[i]))
            return i;
    }
    return FAMILY_LAST;
}

typedef void (*virFamilyLifecycleCallback)(virConnectPtr conn, void *obj,
                                           int event, int detail, void *opaque);
typedef void (*virFamilyGenericCallback)(virConnectPtr conn, void *obj,
                                         void *opaque);

static void
virFamilyEventDispatch(virConnectPtr conn, virObjectEvent *event,
                       virConnectObjectEventGenericCallback cb, void *opaque)
{
    virFamilyEvent *ev = (virFamilyEvent *)event;
    virFamilyEventKind kind = virFamilyEventKindOf(event);
    void *obj;

    if (kind == FAMILY_LAST || !(obj = familyInfo[kind].handle(conn, ev)))
        return;
    if (event->eventID == 0)
        ((virFamilyLifecycleCallback)cb)(conn, obj, ev->type, ev->detail, opaque);
    else
        ((virFamilyGenericCallback)cb)(conn, obj, opaque);
    virObjectUnref(obj);
}

static virObjectEvent *
virFamilyEventNew(virFamilyEventKind kind, int eventID, const char *name,
                  const unsigned char *uuid, int type, int detail)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virFamilyEvent *ev;

    if (uuid)
        virUUIDFormat(uuid, uuidstr);
    ev = virObjectEventNew(virFamilyEventClass(kind), virFamilyEventDispatch,
                           eventID, 0, name, uuid, uuid ? uuidstr : name);
    ev->type = type;
    ev->detail = detail;
    return &ev->parent;
}

/* Register for @kind; @key identifies the one object (NULL: all). */
static int
virFamilyEventRegister(virFamilyEventKind kind, virConnectPtr conn,
                       virObjectEventState *state, const char *key,
                       int eventID, void *cb, void *opaque,
                       virFreeCallback freecb, int *callbackID,
                       bool serverFilter)
{
    return virObjectEventStateRegisterID(conn, state, key,
                                         virFamilyEventClass(kind), eventID,
                                         (virConnectObjectEventGenericCallback)cb,
                                         opaque, freecb, false, callbackID,
                                         serverFilter);
}

/* The filter key of an object known by UUID. */
static const char *
virFamilyUUIDKey(const unsigned char *uuid, char *buf)
{
    if (!uuid)
        return NULL;
    virUUIDFormat(uuid, buf);
    return buf;
}

virObjectEvent *
virNetworkEventLifecycleNew(const char *name, const unsigned char *uuid,
                            int type, int detail)
{
    return virFamilyEventNew(FAMILY_NETWORK, VIR_NETWORK_EVENT_ID_LIFECYCLE,
                             name, uuid, type, detail);
}

int
virNetworkEventStateRegisterClient(virConnectPtr conn, virObjectEventState *state,
                                   virNetworkPtr net, int eventID,
                                   virConnectNetworkEventGenericCallback cb,
                                   void *opaque, virFreeCallback freecb,
                                   int *callbackID, bool serverFilter)
{
    char buf[VIR_UUID_STRING_BUFLEN];

    return virFamilyEventRegister(FAMILY_NETWORK, conn, state,
                                  virFamilyUUIDKey(net ? net->uuid : NULL, buf),
                                  eventID, cb, opaque, freecb, callbackID,
                                  serverFilter);
}

virObjectEvent *
virStoragePoolEventLifecycleNew(const char *name, const unsigned char *uuid,
                                int type, int detail)
{
    return virFamilyEventNew(FAMILY_STORAGE_POOL,
                             VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                             name, uuid, type, detail);
}

virObjectEvent *
virStoragePoolEventRefreshNew(const char *name, const unsigned char *uuid)
{
    return virFamilyEventNew(FAMILY_STORAGE_POOL,
                             VIR_STORAGE_POOL_EVENT_ID_REFRESH,
                             name, uuid, 0, 0);
}

int
virStoragePoolEventStateRegisterClient(virConnectPtr conn,
                                       virObjectEventState *state,
                                       virStoragePoolPtr pool, int eventID,
                                       virConnectStoragePoolEventGenericCallback cb,
                                       void *opaque, virFreeCallback freecb,
                                       int *callbackID, bool serverFilter)
{
    char buf[VIR_UUID_STRING_BUFLEN];

    return virFamilyEventRegister(FAMILY_STORAGE_POOL, conn, state,
                                  virFamilyUUIDKey(pool ? pool->uuid : NULL, buf),
                                  eventID, cb, opaque, freecb, callbackID,
                                  serverFilter);
}

virObjectEvent *
virNodeDeviceEventLifecycleNew(const char *name, int type, int detail)
{
    return virFamilyEventNew(FAMILY_NODE_DEVICE,
                             VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE,
                             name, NULL, type, detail);
}

virObjectEvent *
virNodeDeviceEventUpdateNew(const char *name)
{
    return virFamilyEventNew(FAMILY_NODE_DEVICE, VIR_NODE_DEVICE_EVENT_ID_UPDATE,
                             name, NULL, 0, 0);
}

int
virNodeDeviceEventStateRegisterClient(virConnectPtr conn,
                                      virObjectEventState *state,
                                      virNodeDevicePtr dev, int eventID,
                                      virConnectNodeDeviceEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb,
                                      int *callbackID, bool serverFilter)
{
    return virFamilyEventRegister(FAMILY_NODE_DEVICE, conn, state,
                                  dev ? dev->name : NULL, eventID, cb, opaque,
                                  freecb, callbackID, serverFilter);
}

static virObjectEvent *
virSecretEventNew(int eventID, const unsigned char *uuid, int usageType,
                  const char *usageID, int type, int detail)
{
    virFamilyEvent *ev = (virFamilyEvent *)
        virFamilyEventNew(FAMILY_SECRET, eventID, NULL, uuid, type, detail);

    ev->usageType = usageType;
    ev->usageID = g_strdup(usageID);
    return &ev->parent;
}

virObjectEvent *
virSecretEventLifecycleNew(const unsigned char *uuid, int usageType,
                           const char *usageID, int type, int detail)
{
    return virSecretEventNew(VIR_SECRET_EVENT_ID_LIFECYCLE, uuid, usageType,
                             usageID, type, detail);
}

virObjectEvent *
virSecretEventValueChangedNew(const unsigned char *uuid, int usageType,
                              const char *usageID)
{
    return virSecretEventNew(VIR_SECRET_EVENT_ID_VALUE_CHANGED, uuid, usageType,
                             usageID, 0, 0);
}

int
virSecretEventStateRegisterClient(virConnectPtr conn, virObjectEventState *state,
                                  virSecretPtr secret, int eventID,
                                  virConnectSecretEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb,
                                  int *callbackID, bool serverFilter)
{
    char buf[VIR_UUID_STRING_BUFLEN];

    return virFamilyEventRegister(FAMILY_SECRET, conn, state,
                                  virFamilyUUIDKey(secret ? secret->uuid : NULL, buf),
                                  eventID, cb, opaque, freecb, callbackID,
                                  serverFilter);
}
