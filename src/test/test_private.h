/*
 * test_private.h: the test driver's state and what its files share.
 *
 *   test_driver.c   connections (test:///default, test:///PATH.xml)
 *   test_node.c     node descriptions: the default one and files
 *   test_host.c     host facts (node info, capabilities, memory, CPUs)
 *   test_domain*.c  domains
 *   and each other family's files (test_network.c, test_snapshot.c, ...)
 *
 * A connection's testDriver is built completely while it opens (from the
 * default node description or a file) and its host facts never change
 * afterwards; the object lists inside it lock themselves.
 */
#pragma once

#include <libxml/xpath.h>

#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "conf/virdomainobj.h"
#include "conf/object_event.h"
#include "conf/virnetworkobj.h"
#include "conf/virinterfaceobj.h"
#include "conf/virnodedeviceobj.h"
#include "conf/virsecretobj.h"
#include "conf/virnwfilterobj.h"
#include "conf/virnwfilterbindingobj.h"
#include "conf/virstorageobj.h"
#include "util/virxml.h"

/* what libvirt's test driver reports as its host CPU and emulator */
#define TEST_MODEL "i686"
#define TEST_EMULATOR "/usr/bin/test-hv"

/* One NUMA cell of the simulated host. */
typedef struct {
    unsigned long long mem;     /* KiB */
    unsigned long long freeMem; /* KiB */
    unsigned int numCpus;
} testCell;

/* A user of the node description's <auth> section. */
typedef struct {
    char *username;
    char *password;             /* NULL: no password asked */
} testAuth;

typedef struct _testDriver testDriver;
struct _testDriver {
    /* host facts: set while the connection opens, immutable afterwards */
    virNodeInfo nodeInfo;
    size_t numCells;
    testCell *cells;            /* numCells entries; cell i has CPUs 8i.. */
    size_t numAuths;
    testAuth *auths;
    char *capsXML;              /* the capabilities document */

    /* immutable pointer; self-locking APIs */
    virDomainObjList *domains;
    /* g_atomic access only: the id the next started domain gets */
    gint nextDomID;
    /* immutable */
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
    /* immutable pointer; self-locking APIs */
    virStoragePoolObjList *pools;
};

static inline testDriver *
testDriverOf(virConnectPtr conn)
{
    return conn->privateData;
}

/* ---- test_node.c: node descriptions ---- */

/*
 * Fill @drv from the node description @ctxt points into (<node> as its
 * root).  @file is the description's path, against which file=
 * references resolve (NULL for the built-in default).  Loads the node
 * info, the domains and the auth users, and calls each object family's
 * hook (below) for its elements.  -1 with an error set.
 */
int testNodeLoad(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);

/* The built-in default node description (libvirt's default state). */
extern const char testNodeDefaultXML[];

/*
 * Per-family hooks testNodeLoad calls, in libvirt's order, each with
 * @ctxt at the node description's root and the description's @file:
 *
 *   int testStoragePoolLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);
 *
 * Each returns 0, or -1 with an error set.  A family declares its hook
 * with its other declarations below (as testNetworkLoadNode is) and
 * adds the call to testNodeLoad when it lands.  An element given by
 * reference is read with testNodeFileResolve (test_nodefile.c).
 */

/* ---- test_host.c: host facts ---- */

/* The default host: libvirt's node info and its two NUMA cells. */
void testHostSetDefaults(testDriver *drv, bool withCells);
/* Build drv->capsXML from the host facts; -1 with an error set. */
int testHostBuildCapabilities(testDriver *drv);
void testHostRegisterMethods(virHypervisorDriver *driver);

/* ---- test_domain*.c: domains ---- */

/* The domain XML options of the test driver (its post-parse defaults
 * and its namespace, http://libvirt.org/schemas/domain/test/1.0). */
extern const virDomainXMLOption testDomainXMLOption;

/* What a domain of a node description says in the test namespace. */
typedef struct {
    int runstate;               /* virDomainState to start in */
    bool transient;
    bool hasManagedSave;
    size_t nsnapshots;          /* <test:domainsnapshot> copies */
    xmlNodePtr *snapshots;
} testDomainNamespaceDef;

/* Per-domain state of the test driver (virDomainObj privateData),
 * guarded by the domain object's lock. */
typedef struct {
    unsigned int iothread_id;
    unsigned long long poll_max_ns;
    unsigned int poll_grow;
    unsigned int poll_shrink;
} testIOThreadInfo;

typedef struct {
    bool frozen[2];             /* "/" and "/boot" (FS freeze/thaw) */
    long long seconds;          /* guest time (get/set time) */
    unsigned int nseconds;
    GArray *iothreads;          /* testIOThreadInfo */
} testDomainObjPrivate;

/* Add the domain of the node description element @ctxt points at
 * (already resolved) to @drv, in the state its namespace asks for, with
 * its snapshots (file references relative to the node file @file). */
int testDomainLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);

/* Running, with a new id; the caller holds @dom's lock. */
int testDomainStartState(testDriver *drv, virDomainObj *dom, int reason);

/* Shut off with @reason (virDomainShutoffReason); @dom locked.  The
 * caller resets the handle's id and removes a transient domain. */
void testDomainShutdownState(virDomainObj *dom, int reason);

/* The object of @domain, locked and referenced (virDomainObjEndAPI), or
 * NULL with libvirt's VIR_ERR_NO_DOMAIN error. */
virDomainObj *testDomObjFromDomain(virDomainPtr domain);

/* Queue a lifecycle event (VIR_DOMAIN_EVENT_*, detail) about @dom
 * (locked) as it is now: its id, name and uuid. */
void testDomainEventLifecycle(testDriver *drv, virDomainObj *dom, int type, int detail);

/* Name interfaces without a target ("testnetN"); -1 with an error. */
int testDomainGenerateIfnames(virDomainDef *def);

/* The domain's private data (allocated with the object). */
testDomainObjPrivate *testDomainPrivate(virDomainObj *dom);

/* Add the domain methods to @driver: test_domain.c's (lookups, lists,
 * define and undefine), which add each file's in turn. */
void testDomainRegisterMethods(virHypervisorDriver *driver);
void testDomainLifecycleRegister(virHypervisorDriver *driver);
void testDomainInfoRegister(virHypervisorDriver *driver);
void testDomainSaveRegister(virHypervisorDriver *driver);
void testDomainVcpuRegister(virHypervisorDriver *driver);
void testDomainParamsRegister(virHypervisorDriver *driver);
void testDomainGuestRegister(virHypervisorDriver *driver);
void testDomainStatsRegister(virHypervisorDriver *driver);
void testDomainMetaRegister(virHypervisorDriver *driver);
void testDomainIOThreadRegister(virHypervisorDriver *driver);
void testDomainBlockRegister(virHypervisorDriver *driver);
void testDomainConsoleRegister(virHypervisorDriver *driver);

/* test_domain_vcpu.c: CPU maps of the public API (maplen bytes, CPU n at
 * bit n % 8 of byte n / 8) and the canonical lists ("0-3,5") the domain
 * XML keeps.  The list of the CPUs set in @map ("" for none); fill @map
 * from @cpus (bits that do not fit are dropped). */
char *testCPUMapToList(const unsigned char *map, int maplen);
void testCPUListToMap(const char *cpus, unsigned char *map, int maplen);

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
/* test_domain_net.c: addresses and statistics of the interfaces of
 * domains. */
void testDomainNetRegisterMethods(virHypervisorDriver *driver);

/* test_interface.c: the interfaces of /node/interface in @ctxt's
 * document (from @file, NULL for built-in data), all started. */
int testInterfaceLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);
extern virInterfaceDriver testInterfaceDriver;

/* test_nodedev.c: the devices of /node/device in @ctxt's document (from
 * @file, NULL for built-in data), all present. */
int testNodeDeviceLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);
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

/* test_storage_pool.c */

/* The <pool> elements of a node description (test:///PATH.xml; @ctxt on
 * its document, @file its path), running, with their volumes, inline or
 * by file= reference; -1 with an error set. */
int testStoragePoolLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file);

/* Lookups with libvirt's test driver errors: the pool locked and
 * referenced, or NULL with VIR_ERR_NO_STORAGE_POOL (or, for Active,
 * VIR_ERR_OPERATION_INVALID when it is not running). */
virStoragePoolObj *testStoragePoolObjFindByName(testDriver *drv, const char *name);
virStoragePoolObj *testStoragePoolObjFindActiveByName(testDriver *drv, const char *name);
virStoragePoolObj *testStoragePoolObjFindByUUID(testDriver *drv, const unsigned char *uuid);

void testStoragePoolRegisterMethods(virStorageDriver *driver);

/* test_storage_vol.c */

/* The <volume> elements under @ctxt's pool node (the pool @obj, locked). */
int testStorageVolLoadNode(virStoragePoolObj *obj, xmlXPathContextPtr ctxt,
                           const char *file);

void testStorageVolRegisterMethods(virStorageDriver *driver);

/* test_cpu.c: the CPU models of libvirt's CPU map. */
void testCPURegisterMethods(virHypervisorDriver *driver);
