/*
 * test_private.h: the test driver's state, shared by test_driver.c
 * (connections), test_domain.c (domain methods) and the files of the
 * other families (test_snapshot.c, test_checkpoint.c, ...).
 */
#pragma once

#include "internal.h"
#include "datatypes.h"
#include "conf/virdomainobj.h"
#include "conf/object_event.h"
#include "conf/virnetworkobj.h"
#include "conf/virinterfaceobj.h"
#include "conf/virnodedeviceobj.h"
#include "conf/virsecretobj.h"
#include "conf/virnwfilterobj.h"
#include "conf/virnwfilterbindingobj.h"
#include "util/virxml.h"

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
    /* immutable pointer; self-locking APIs */
    virNetworkObjList *networks;
    /* immutable pointer; self-locking APIs (a rollback swaps the
     * interfaces it holds, not the pointer) */
    virInterfaceObjList *ifaces;
    GMutex ifaceTransactionLock;
    /* guarded by ifaceTransactionLock: the interfaces as they were when
     * virInterfaceChangeBegin ran, NULL when no transaction runs */
    virInterfaceObjList *ifaceBackup;
    /* immutable pointer; self-locking APIs */
    virNodeDeviceObjList *devs;
    /* immutable pointer; self-locking APIs */
    virSecretObjList *secrets;
    /* immutable pointers; self-locking APIs.  Changes to either list
     * (which check the other and the running guests) hold
     * nwfilterLock, taken before any domain's lock */
    virNWFilterObjList *nwfilters;
    virNWFilterBindingObjList *bindings;
    GMutex nwfilterLock;
} testDriver;

/* Fill @drv's default state (the domain 'test'); -1 with an error set. */
int testDomainLoadDefaults(testDriver *drv);

/* Running, with a new id; the caller holds @dom's lock. */
int testDomainStartState(testDriver *drv, virDomainObj *dom, int reason);

/* Shut off with @reason (virDomainShutoffReason); @dom locked.  The
 * caller resets the handle's id and removes a transient domain. */
void testDomainShutdownState(virDomainObj *dom, int reason);

/* The object of @domain, locked and referenced (virDomainObjEndAPI), or
 * NULL with libvirt's VIR_ERR_NO_DOMAIN error. */
virDomainObj *testDomObjFromDomain(virDomainPtr domain);

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
/*
 * Node files (test:///PATH.xml): an element of the <node> document may
 * give its content in another file (<network file='net.xml'/>, relative
 * to the node file @file).  Return the element to parse: @node itself,
 * or the root of the referenced document, which replaces @node in its
 * document.  NULL with an error set.
 */
xmlNodePtr testNodeFileResolve(xmlNodePtr node, const char *file);

/* test_network.c: the networks of /node/network in @ctxt's document
 * (from @file, NULL for built-in data), all started; -1 with an error. */
int testNetworkLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);
/* libvirt's default network 'default'. */
int testNetworkLoadDefaults(testDriver *drv);
/* Lookups reporting libvirt's test-driver errors. */
virNetworkObj *testNetworkObjFindByName(testDriver *drv, const char *name);
virNetworkObj *testNetworkObjFromNetwork(virNetworkPtr net);
extern virNetworkDriver testNetworkDriver;

/* test_netport.c: network ports and DHCP leases. */
void testNetworkPortRegisterMethods(virNetworkDriver *driver);
/* Drop @obj's ports (locked; on stop). */
void testNetworkPortsClear(virNetworkObj *obj);
/*
 * The address the test driver gives to a guest interface attached to
 * network @netname: the first DHCP range's start (else the network's
 * own address) plus @offset, as libvirt's testDomainInterfaceAddresses
 * computes it.  *@addr is allocated; -1 with an error set.
 */
int testNetworkGuestAddress(testDriver *drv, const char *netname, size_t offset,
                            int *type, unsigned int *prefix, char **addr);

/* test_interface.c: the interfaces of /node/interface in @ctxt's
 * document (from @file, NULL for built-in data), all started. */
int testInterfaceLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);
/* libvirt's default interface 'eth1'. */
int testInterfaceLoadDefaults(testDriver *drv);
extern virInterfaceDriver testInterfaceDriver;

/* test_nodedev.c: the devices of /node/device in @ctxt's document (from
 * @file, NULL for built-in data), all present. */
int testNodeDeviceLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);
/* libvirt's default devices: computer and its SCSI hosts. */
int testNodeDeviceLoadDefaults(testDriver *drv);
/* The device called @name, or NULL with libvirt's test-driver error. */
virNodeDeviceObj *testNodeDeviceObjFindByName(testDriver *drv, const char *name);
/* A handle for @obj (locked), which knows its parent's name. */
virNodeDevicePtr testNodeDeviceHandle(virConnectPtr conn, virNodeDeviceObj *obj);
/* Queue lifecycle event @event (virNodeDeviceEventLifecycleType). */
void testNodeDeviceEvent(testDriver *drv, const char *name, int event);
extern virNodeDeviceDriver testNodeDeviceDriver;

/* test_nodedev_mdev.c: mediated devices. */
void testNodeDeviceMdevRegisterMethods(virNodeDeviceDriver *driver);
/* Stop the mediated device @obj (locked); removed if not defined. */
int testNodeDeviceMdevStop(testDriver *drv, virNodeDeviceObj *obj);

/* Snapshots, checkpoints and backup jobs. */
#include "test/test_moment.h"

/* test_secret.c: secrets (which libvirt's test driver lacks). */
extern virSecretDriver testSecretDriver;

/* test_nwfilter.c: network filters and their bindings (which libvirt's
 * test driver lacks). */
extern virNWFilterDriver testNWFilterDriver;
