/*
 * test_events.c: event callback registration for every family of the
 * test driver.  The events themselves are queued by the methods that
 * change an object, on the driver's eventState.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "conf/domain_event.h"
#include "conf/family_event.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

static virObjectEventState *
testEventState(virConnectPtr conn)
{
    return ((testDriver *)conn->privateData)->eventState;
}

static int
testConnectDomainEventRegister(virConnectPtr conn,
                               virConnectDomainEventCallback callback,
                               void *opaque, virFreeCallback freecb)
{
    if (virDomainEventStateRegister(conn, testEventState(conn), callback,
                                    opaque, freecb) < 0)
        return -1;
    return 0;
}

static int
testConnectDomainEventDeregister(virConnectPtr conn,
                                 virConnectDomainEventCallback callback)
{
    if (virDomainEventStateDeregister(conn, testEventState(conn), callback) < 0)
        return -1;
    return 0;
}

static int
testConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                  int eventID,
                                  virConnectDomainEventGenericCallback callback,
                                  void *opaque, virFreeCallback freecb)
{
    int id;

    if (virDomainEventStateRegisterID(conn, testEventState(conn), dom, eventID,
                                      callback, opaque, freecb, &id) < 0)
        return -1;
    return id;
}

/* Every family's DeregisterAny: the IDs share one space. */
static int
testConnectEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    if (virObjectEventStateDeregisterID(conn, testEventState(conn),
                                        callbackID, true) < 0)
        return -1;
    return 0;
}

int
testConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net,
                                   int eventID,
                                   virConnectNetworkEventGenericCallback callback,
                                   void *opaque, virFreeCallback freecb)
{
    int id;

    if (virNetworkEventStateRegisterID(conn, testEventState(conn), net, eventID,
                                       callback, opaque, freecb, &id) < 0)
        return -1;
    return id;
}

int
testConnectNetworkEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return testConnectEventDeregisterAny(conn, callbackID);
}

int
testConnectStoragePoolEventRegisterAny(virConnectPtr conn, virStoragePoolPtr pool,
                                       int eventID,
                                       virConnectStoragePoolEventGenericCallback callback,
                                       void *opaque, virFreeCallback freecb)
{
    int id;

    if (virStoragePoolEventStateRegisterID(conn, testEventState(conn), pool,
                                           eventID, callback, opaque, freecb,
                                           &id) < 0)
        return -1;
    return id;
}

int
testConnectStoragePoolEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return testConnectEventDeregisterAny(conn, callbackID);
}

int
testConnectNodeDeviceEventRegisterAny(virConnectPtr conn, virNodeDevicePtr dev,
                                      int eventID,
                                      virConnectNodeDeviceEventGenericCallback callback,
                                      void *opaque, virFreeCallback freecb)
{
    int id;

    if (virNodeDeviceEventStateRegisterID(conn, testEventState(conn), dev,
                                          eventID, callback, opaque, freecb,
                                          &id) < 0)
        return -1;
    return id;
}

int
testConnectNodeDeviceEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return testConnectEventDeregisterAny(conn, callbackID);
}

int
testConnectSecretEventRegisterAny(virConnectPtr conn, virSecretPtr secret,
                                  int eventID,
                                  virConnectSecretEventGenericCallback callback,
                                  void *opaque, virFreeCallback freecb)
{
    int id;

    if (virSecretEventStateRegisterID(conn, testEventState(conn), secret,
                                      eventID, callback, opaque, freecb, &id) < 0)
        return -1;
    return id;
}

int
testConnectSecretEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return testConnectEventDeregisterAny(conn, callbackID);
}

void
testEventsRegisterMethods(virHypervisorDriver *d)
{
    d->connectDomainEventRegister = testConnectDomainEventRegister;
    d->connectDomainEventDeregister = testConnectDomainEventDeregister;
    d->connectDomainEventRegisterAny = testConnectDomainEventRegisterAny;
    d->connectDomainEventDeregisterAny = testConnectEventDeregisterAny;
}
