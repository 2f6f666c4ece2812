/*
 * family_event.h: events of networks, storage pools, node devices and
 * secrets, and the registration of their callbacks.
 *
 * These four families share two callback shapes: a lifecycle callback
 * (event, detail) for event ID 0 and a generic one (no payload) for the
 * others, so one implementation serves them all (family_event.c).
 *
 * Callbacks filtered to one object match on its UUID (networks, pools,
 * secrets) or its name (node devices).  Constructors return a new event
 * for virObjectEventStateQueue(); registration functions return what
 * virObjectEventStateRegisterID() returns.  The *RegisterClient forms
 * are for the remote driver (server-side filtering).
 */
#pragma once

#include "conf/object_event.h"

/* networks */
virObjectEvent *virNetworkEventLifecycleNew(const char *name,
                                            const unsigned char *uuid,
                                            int type, int detail);
int virNetworkEventStateRegisterClient(virConnectPtr conn, virObjectEventState *state,
                                       virNetworkPtr net, int eventID,
                                       virConnectNetworkEventGenericCallback cb,
                                       void *opaque, virFreeCallback freecb,
                                       int *callbackID, bool serverFilter);
#define virNetworkEventStateRegisterID(conn, state, net, eventID, cb, opaque, \
                                       freecb, callbackID) \
    virNetworkEventStateRegisterClient(conn, state, net, eventID, cb, opaque, \
                                       freecb, callbackID, false)

/* storage pools */
virObjectEvent *virStoragePoolEventLifecycleNew(const char *name,
                                                const unsigned char *uuid,
                                                int type, int detail);
virObjectEvent *virStoragePoolEventRefreshNew(const char *name,
                                              const unsigned char *uuid);
int virStoragePoolEventStateRegisterClient(virConnectPtr conn,
                                           virObjectEventState *state,
                                           virStoragePoolPtr pool, int eventID,
                                           virConnectStoragePoolEventGenericCallback cb,
                                           void *opaque, virFreeCallback freecb,
                                           int *callbackID, bool serverFilter);
#define virStoragePoolEventStateRegisterID(conn, state, pool, eventID, cb, \
                                           opaque, freecb, callbackID) \
    virStoragePoolEventStateRegisterClient(conn, state, pool, eventID, cb, \
                                           opaque, freecb, callbackID, false)

/* node devices */
virObjectEvent *virNodeDeviceEventLifecycleNew(const char *name, int type,
                                               int detail);
virObjectEvent *virNodeDeviceEventUpdateNew(const char *name);
int virNodeDeviceEventStateRegisterClient(virConnectPtr conn,
                                          virObjectEventState *state,
                                          virNodeDevicePtr dev, int eventID,
                                          virConnectNodeDeviceEventGenericCallback cb,
                                          void *opaque, virFreeCallback freecb,
                                          int *callbackID, bool serverFilter);
#define virNodeDeviceEventStateRegisterID(conn, state, dev, eventID, cb, \
                                          opaque, freecb, callbackID) \
    virNodeDeviceEventStateRegisterClient(conn, state, dev, eventID, cb, \
                                          opaque, freecb, callbackID, false)

/* secrets */
virObjectEvent *virSecretEventLifecycleNew(const unsigned char *uuid,
                                           int usageType, const char *usageID,
                                           int type, int detail);
virObjectEvent *virSecretEventValueChangedNew(const unsigned char *uuid,
                                              int usageType,
                                              const char *usageID);
int virSecretEventStateRegisterClient(virConnectPtr conn, virObjectEventState *state,
                                      virSecretPtr secret, int eventID,
                                      virConnectSecretEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb,
                                      int *callbackID, bool serverFilter);
#define virSecretEventStateRegisterID(conn, state, secret, eventID, cb, \
                                      opaque, freecb, callbackID) \
    virSecretEventStateRegisterClient(conn, state, secret, eventID, cb, \
                                      opaque, freecb, callbackID, false)
