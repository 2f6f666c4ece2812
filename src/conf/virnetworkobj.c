/*
 * virnetworkobj.c: a driver's network objects and the list holding them.
 */
#include "internal.h"
#include "util/viruuid.h"
#include "conf/network_update.h"
#include "conf/virnetworkobj.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

enum {
    NET_KEY_UUID,       /* primary */
    NET_KEY_NAME,
    NET_KEY_LAST
};

struct _virNetworkObjList {
    virObjList *objs;   /* immutable pointer; self-locking */
};

static virClass *virNetworkObjClass;

static void
virNetworkObjDispose(void *opaque)
{
    virNetworkObj *obj = opaque;

    virNetworkDefFree(obj->def);
    virNetworkDefFree(obj->newDef);
    g_hash_table_unref(obj->ports);
}

static virNetworkObj *
virNetworkObjNew(void)
{
    static gsize once;
    virNetworkObj *obj;

    if (g_once_init_enter(&once)) {
        virNetworkObjClass = VIR_CLASS_NEW(virNetworkObj, virClassForObjectLockable());
        g_once_init_leave(&once, 1);
    }
    obj = virObjectLockableNew(virNetworkObjClass);
    obj->ports = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)virNetworkPortDefFree);
    return obj;
}

virNetworkObjList *
virNetworkObjListNew(void)
{
    virNetworkObjList *nets = g_new0(virNetworkObjList, 1);

    nets->objs = virObjListNew(NET_KEY_LAST);
    return nets;
}

void
virNetworkObjListFree(virNetworkObjList *nets)
{
    if (!nets)
        return;
    virObjListFree(nets->objs);
    g_free(nets);
}

virNetworkObj *
virNetworkObjFindByUUID(virNetworkObjList *nets, const unsigned char *uuid)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    return virObjListFind(nets->objs, NET_KEY_UUID, virUUIDFormat(uuid, uuidstr));
}

virNetworkObj *
virNetworkObjFindByName(virNetworkObjList *nets, const char *name)
{
    return virObjListFind(nets->objs, NET_KEY_NAME, name);
}

void
virNetworkObjEndAPI(virNetworkObj **obj)
{
    virObjListEndAPI(obj);
}

/* libvirt's virNetworkObjUpdateAssignDef: which slot a new definition
 * of an existing network goes to. */
static void
virNetworkObjUpdateAssignDef(virNetworkObj *obj, virNetworkDef *def, bool live)
{
    if (live) {
        /* the persistent definition waits in newDef until the stop */
        if (obj->persistent && !obj->newDef)
            obj->newDef = obj->def;
        else
            virNetworkDefFree(obj->def);
        obj->def = def;
        return;
    }
    virNetworkDefFree(obj->newDef);
    if (obj->active || (obj->def && !obj->persistent)) {
        /* running (or being started): the new one waits for the stop */
        obj->newDef = def;
    } else {
        obj->newDef = NULL;
        virNetworkDefFree(obj->def);
        obj->def = def;
    }
    obj->persistent = true;
}

/* Under the list's write lock. */
static virNetworkObj *
virNetworkObjAssignExisting(virNetworkObj *obj, virNetworkDef **def,
                            unsigned int flags)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virObjectLock(obj);
    if (STRNEQ(obj->def->name, (*def)->name)) {
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "network '%s' is already defined with uuid %s",
                       obj->def->name, virUUIDFormat(obj->def->uuid, uuidstr));
        virObjectUnlock(obj);
        return NULL;
    }
    if ((flags & VIR_NETWORK_OBJ_LIST_ADD_CHECK_LIVE) && obj->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "network is already active as '%s'", obj->def->name);
        virObjectUnlock(obj);
        return NULL;
    }
    virNetworkObjUpdateAssignDef(obj, g_steal_pointer(def),
                                 !!(flags & VIR_NETWORK_OBJ_LIST_ADD_LIVE));
    return virObjectRef(obj);
}

virNetworkObj *
virNetworkObjAssignDef(virNetworkObjList *nets, virNetworkDef **def,
                       unsigned int flags)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virNetworkObj *obj;
    virNetworkObj *ret = NULL;

    virUUIDFormat((*def)->uuid, uuidstr);
    virObjListLockWrite(nets->objs);
    if ((obj = virObjListPeek(nets->objs, NET_KEY_UUID, uuidstr))) {
        ret = virNetworkObjAssignExisting(obj, def, flags);
    } else if ((obj = virObjListPeek(nets->objs, NET_KEY_NAME, (*def)->name))) {
        char other[VIR_UUID_STRING_BUFLEN];

        /* a listed network's UUID never changes: no need for its lock */
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "network '%s' already exists with uuid %s",
                       (*def)->name, virUUIDFormat(obj->def->uuid, other));
    } else {
        const char *keys[NET_KEY_LAST] = { uuidstr, (*def)->name };

        ret = virNetworkObjNew();
        ret->def = g_steal_pointer(def);
        ret->persistent = !(flags & VIR_NETWORK_OBJ_LIST_ADD_LIVE);
        virObjListInsert(nets->objs, ret, keys);
        virObjectLock(ret);
    }
    virObjListUnlockWrite(nets->objs);
    return ret;
}

void
virNetworkObjRemoveInactive(virNetworkObjList *nets, virNetworkObj *obj)
{
    virObjListRemove(nets->objs, obj);
}

#define MATCH(f) (flags & (f))

bool
virNetworkObjMatch(virNetworkObj *obj, unsigned int flags)
{
    if (MATCH(VIR_CONNECT_LIST_NETWORKS_ACTIVE | VIR_CONNECT_LIST_NETWORKS_INACTIVE) &&
        !((MATCH(VIR_CONNECT_LIST_NETWORKS_ACTIVE) && obj->active) ||
          (MATCH(VIR_CONNECT_LIST_NETWORKS_INACTIVE) && !obj->active)))
        return false;
    if (MATCH(VIR_CONNECT_LIST_NETWORKS_PERSISTENT | VIR_CONNECT_LIST_NETWORKS_TRANSIENT) &&
        !((MATCH(VIR_CONNECT_LIST_NETWORKS_PERSISTENT) && obj->persistent) ||
          (MATCH(VIR_CONNECT_LIST_NETWORKS_TRANSIENT) && !obj->persistent)))
        return false;
    if (MATCH(VIR_CONNECT_LIST_NETWORKS_AUTOSTART | VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART) &&
        !((MATCH(VIR_CONNECT_LIST_NETWORKS_AUTOSTART) && obj->autostart) ||
          (MATCH(VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART) && !obj->autostart)))
        return false;
    return true;
}

#undef MATCH

static bool
virNetworkObjMatchCb(void *obj, void *opaque)
{
    return virNetworkObjMatch(obj, *(unsigned int *)opaque);
}

GPtrArray *
virNetworkObjListCollect(virNetworkObjList *nets, unsigned int flags)
{
    return virObjListCollect(nets->objs, virNetworkObjMatchCb, &flags);
}

size_t
virNetworkObjListCount(virNetworkObjList *nets, unsigned int flags)
{
    return virObjListCount(nets->objs, virNetworkObjMatchCb, &flags);
}

GPtrArray *
virNetworkObjListFilter(virNetworkObjList *nets,
                        bool (*filter)(virNetworkObj *obj, void *opaque),
                        void *opaque)
{
    return virObjListCollect(nets->objs, (virObjListFilter)filter, opaque);
}

virNetworkDef *
virNetworkObjGetPersistentDef(virNetworkObj *obj)
{
    return obj->newDef ? obj->newDef : obj->def;
}

int
virNetworkObjSetDefTransient(virNetworkObj *obj, bool live,
                             virNetworkXMLOption *xmlopt)
{
    if (!obj->active && !live)
        return 0;
    if (!obj->persistent || obj->newDef)
        return 0;
    obj->newDef = virNetworkDefCopy(obj->def, xmlopt, VIR_NETWORK_XML_INACTIVE);
    return obj->newDef ? 0 : -1;
}

void
virNetworkObjUnsetDefTransient(virNetworkObj *obj)
{
    if (!obj->newDef)
        return;
    virNetworkDefFree(obj->def);
    obj->def = g_steal_pointer(&obj->newDef);
}

/* libvirt's virNetworkObjConfigChangeSetup */
static int
virNetworkObjConfigChangeSetup(virNetworkObj *obj, virNetworkXMLOption *xmlopt,
                               unsigned int flags)
{
    if (!obj->active && (flags & VIR_NETWORK_UPDATE_AFFECT_LIVE)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "network is not running");
        return -1;
    }
    if (flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG) {
        if (!obj->persistent) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "cannot change persistent config of a transient network");
            return -1;
        }
        if (obj->active && virNetworkObjSetDefTransient(obj, false, xmlopt) < 0)
            return -1;
    }
    return 0;
}

/* The copy of a running definition keeps the live-only use counts,
 * which documents do not carry back. */
static void
virNetworkObjCopyConnections(const virNetworkDef *from, virNetworkDef *to)
{
    size_t i, j;

    to->connections = from->connections;
    for (i = 0; i < from->forward.nifs; i++) {
        const virNetworkForwardIfDef *a = &from->forward.ifs[i];

        for (j = 0; j < to->forward.nifs; j++) {
            virNetworkForwardIfDef *b = &to->forward.ifs[j];

            if (a->type != b->type)
                continue;
            if (a->type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV
                ? STREQ_NULLABLE(a->device.dev, b->device.dev)
                : virPCIDeviceAddressEqual(&a->device.pci, &b->device.pci))
                b->connections = a->connections;
        }
    }
}

/* A changed copy of @def, checked by one more format/parse round. */
static virNetworkDef *
virNetworkObjUpdateCopy(const virNetworkDef *def, unsigned int command,
                        unsigned int section, int parentIndex, const char *xml,
                        virNetworkXMLOption *xmlopt, unsigned int flags,
                        unsigned int copyFlags)
{
    g_autoptr(virNetworkDef) copy = NULL;
    g_autoptr(virNetworkDef) check = NULL;

    if (!(copy = virNetworkDefCopy(def, xmlopt, copyFlags)))
        return NULL;
    if (!(copyFlags & VIR_NETWORK_XML_INACTIVE))
        virNetworkObjCopyConnections(def, copy);
    if (virNetworkDefUpdateSection(copy, command, section, parentIndex, xml,
                                   flags) < 0)
        return NULL;
    if (!(check = virNetworkDefCopy(copy, xmlopt, copyFlags)))
        return NULL;
    return g_steal_pointer(&copy);
}

int
virNetworkObjUpdate(virNetworkObj *obj, unsigned int command,
                    unsigned int section, int parentIndex, const char *xml,
                    virNetworkXMLOption *xmlopt, unsigned int flags)
{
    g_autoptr(virNetworkDef) livedef = NULL;
    g_autoptr(virNetworkDef) configdef = NULL;

    if (virNetworkObjConfigChangeSetup(obj, xmlopt, flags) < 0)
        return -1;
    if ((flags & VIR_NETWORK_UPDATE_AFFECT_LIVE) &&
        !(livedef = virNetworkObjUpdateCopy(obj->def, command, section,
                                            parentIndex, xml, xmlopt, flags, 0)))
        return -1;
    if ((flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG) &&
        !(configdef = virNetworkObjUpdateCopy(virNetworkObjGetPersistentDef(obj),
                                              command, section, parentIndex, xml,
                                              xmlopt, flags,
                                              VIR_NETWORK_XML_INACTIVE)))
        return -1;

    if (configdef) {
        if (obj->active) {
            virNetworkDefFree(obj->newDef);
            obj->newDef = g_steal_pointer(&configdef);
        } else {
            virNetworkDefFree(obj->def);
            obj->def = g_steal_pointer(&configdef);
        }
    }
    if (livedef) {
        virNetworkDefFree(obj->def);
        obj->def = g_steal_pointer(&livedef);
    }
    return 0;
}

/* ---- ports ---- */

int
virNetworkObjAddPort(virNetworkObj *obj, virNetworkPortDef **port)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virUUIDFormat((*port)->uuid, uuidstr);
    if (g_hash_table_contains(obj->ports, uuidstr)) {
        virReportError(VIR_ERR_NETWORK_PORT_EXIST,
                       "Network port with UUID %s already exists", uuidstr);
        return -1;
    }
    g_hash_table_insert(obj->ports, g_strdup(uuidstr), g_steal_pointer(port));
    return 0;
}

virNetworkPortDef *
virNetworkObjLookupPort(virNetworkObj *obj, const unsigned char *uuid)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virNetworkPortDef *port;

    virUUIDFormat(uuid, uuidstr);
    if (!(port = g_hash_table_lookup(obj->ports, uuidstr)))
        virReportError(VIR_ERR_NO_NETWORK_PORT,
                       "Network port with UUID %s does not exist", uuidstr);
    return port;
}

int
virNetworkObjDeletePort(virNetworkObj *obj, const unsigned char *uuid)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virUUIDFormat(uuid, uuidstr);
    if (!g_hash_table_remove(obj->ports, uuidstr)) {
        virReportError(VIR_ERR_NO_NETWORK_PORT,
                       "Network port with UUID %s does not exist", uuidstr);
        return -1;
    }
    return 0;
}

GPtrArray *
virNetworkObjListPorts(virNetworkObj *obj)
{
    GPtrArray *ret = g_ptr_array_new();
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, obj->ports);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(ret, value);
    return ret;
}
