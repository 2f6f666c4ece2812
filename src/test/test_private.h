/*
 * test_private.h: the test driver's state, shared by test_driver.c
 * (connections) and test_domain.c (domain methods).
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "conf/virdomainobj.h"
#include "conf/object_event.h"

typedef struct {
    /* immutable pointer; self-locking APIs */
    virDomainObjList *domains;
    /* g_atomic access only: the id the next started domain gets */
    gint nextDomID;
    /* immutable pointer (NULL: the generic parser alone) */
    const virDomainXMLOption *xmlopt;
    /* immutable pointer; self-locking APIs: the callbacks of every
     * connection sharing this driver, and the queue of their events */
    virObjectEventState *eventState;
} testDriver;

/* Fill @drv's default state (the domain 'test'); -1 with an error set. */
int testDomainLoadDefaults(testDriver *drv);

/* Running, with a new id; the caller holds @dom's lock. */
int testDomainStartState(testDriver *drv, virDomainObj *dom, int reason);

/* Add the domain methods to @driver. */
void testDomainRegisterMethods(virHypervisorDriver *driver);

/* Event callback registration (test_events.c): the domain methods go
 * into the hypervisor table here; each family's table takes its own. */
void testEventsRegisterMethods(virHypervisorDriver *driver);
int testConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net,
                                       int eventID,
                                       virConnectNetworkEventGenericCallback cb,
                                       void *opaque, virFreeCallback freecb);
int testConnectNetworkEventDeregisterAny(virConnectPtr conn, int callbackID);
int testConnectStoragePoolEventRegisterAny(virConnectPtr conn,
                                           virStoragePoolPtr pool, int eventID,
                                           virConnectStoragePoolEventGenericCallback cb,
                                           void *opaque, virFreeCallback freecb);
int testConnectStoragePoolEventDeregisterAny(virConnectPtr conn, int callbackID);
int testConnectNodeDeviceEventRegisterAny(virConnectPtr conn,
                                          virNodeDevicePtr dev, int eventID,
                                          virConnectNodeDeviceEventGenericCallback cb,
                                          void *opaque, virFreeCallback freecb);
int testConnectNodeDeviceEventDeregisterAny(virConnectPtr conn, int callbackID);
int testConnectSecretEventRegisterAny(virConnectPtr conn, virSecretPtr secret,
                                      int eventID,
                                      virConnectSecretEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb);
int testConnectSecretEventDeregisterAny(virConnectPtr conn, int callbackID);
