/*
 * test_domain.c: the test driver's domains, kept in memory.
 *
 * Every method looks its domain up (locked and referenced), works on it
 * under its lock, and releases it with virDomainObjEndAPI (STYLE P8).
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* libvirt's test driver default domain (testOpenDefault) */
static const char *testDefaultDomainXML =
"<domain type='test'>"
"  <name>test</name>"
"  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>"
"  <memory>8388608</memory>"
"  <currentMemory>2097152</currentMemory>"
"  <vcpu>2</vcpu>"
"  <os>"
"    <type>hvm</type>"
"  </os>"
"  <devices>"
"    <disk type='file' device='disk'>"
"      <source file='/guest/diskimage1'/>"
"      <target dev='vda' bus='virtio'/>"
"      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>"
"    </disk>"
"    <interface type='network'>"
"      <mac address='aa:bb:cc:dd:ee:ff'/>"
"      <source network='default' bridge='virbr0'/>"
"      <address type='pci' domain='0x0000' bus='0x00' slot='0x1' function='0x0'/>"
"    </interface>"
"    <memballoon model='virtio'>"
"      <address type='pci' domain='0x0000' bus='0x00' slot='0x2' function='0x0'/>"
"    </memballoon>"
"  </devices>"
"</domain>";

static testDriver *
testDriverOf(virConnectPtr conn)
{
    return conn->privateData;
}

/* Give interfaces without a target name one ("testnetN"), as libvirt. */
static void
testDomainGenerateIfnames(virDomainDef *def)
{
    size_t i, j;
    int n = 0;

    for (i = 0; i < def->nnets; i++) {
        if (def->nets[i]->ifname)
            continue;
        for (;; n++) {
            g_autofree char *name = g_strdup_printf("testnet%d", n);
            bool used = false;

            for (j = 0; j < def->nnets; j++)
                used |= g_strcmp0(def->nets[j]->ifname, name) == 0;
            if (!used) {
                def->nets[i]->ifname = g_steal_pointer(&name);
                break;
            }
        }
    }
}

int
testDomainStartState(testDriver *drv, virDomainObj *dom, int reason)
{
    if (virDomainObjSetDefTransient(dom, drv->xmlopt) < 0)
        return -1;
    virDomainObjSetState(dom, VIR_DOMAIN_RUNNING, reason);
    dom->def->id = g_atomic_int_add(&drv->nextDomID, 1);
    return 0;
}

void
testDomainShutdownState(virDomainObj *dom, int reason)
{
    virDomainObjRemoveTransientDef(dom);
    virDomainObjSetState(dom, VIR_DOMAIN_SHUTOFF, reason);
    dom->def->id = -1;
    testDomainJobsOnStop(dom);
}

int
testDomainLoadDefaults(testDriver *drv)
{
    g_autoptr(virDomainDef) def = NULL;
    virDomainObj *dom;
    int ret;

    if (!(def = virDomainDefParseString(testDefaultDomainXML, drv->xmlopt,
                                        VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return -1;
    testDomainGenerateIfnames(def);
    if (!(dom = virDomainObjListAdd(drv->domains, &def, 0, NULL)))
        return -1;
    dom->persistent = true;
    ret = testDomainStartState(drv, dom, VIR_DOMAIN_RUNNING_BOOTED);
    /* libvirt reports the default domain as running with reason 0 */
    dom->reason = 0;
    virDomainObjEndAPI(&dom);
    return ret;
}

virDomainObj *
testDomObjFromDomain(virDomainPtr domain)
{
    virDomainObj *dom = virDomainObjListFindByUUID(testDriverOf(domain->conn)->domains,
                                                   domain->uuid);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!dom)
        virReportError(VIR_ERR_NO_DOMAIN, "no domain with matching uuid '%s' (%s)",
                       virUUIDFormat(domain->uuid, uuidstr), domain->name);
    return dom;
}

static virDomainPtr
testDomainHandle(virConnectPtr conn, virDomainObj *dom)
{
    virDomainPtr ret = NULL;

    if (!dom) {
        virReportError(VIR_ERR_NO_DOMAIN, NULL);
        return NULL;
    }
    ret = virGetDomain(conn, dom->def->name, dom->def->uuid, dom->def->id);
    virDomainObjEndAPI(&dom);
    return ret;
}

/* ---- listing ---- */

static int
testConnectNumOfDomains(virConnectPtr conn)
{
    g_autoptr(GPtrArray) objs = virDomainObjListCollect(testDriverOf(conn)->domains,
                                                        VIR_CONNECT_LIST_DOMAINS_ACTIVE);
    return objs->len;
}

static int
testConnectNumOfDefinedDomains(virConnectPtr conn)
{
    g_autoptr(GPtrArray) objs = virDomainObjListCollect(testDriverOf(conn)->domains,
                                                        VIR_CONNECT_LIST_DOMAINS_INACTIVE);
    return objs->len;
}

static int
testConnectListDomains(virConnectPtr conn, int *ids, int maxids)
{
    g_autoptr(GPtrArray) objs = virDomainObjListCollect(testDriverOf(conn)->domains,
                                                        VIR_CONNECT_LIST_DOMAINS_ACTIVE);
    int n = 0;
    size_t i;

    for (i = 0; i < objs->len && n < maxids; i++) {
        virDomainObj *dom = g_ptr_array_index(objs, i);

        VIR_WITH_OBJECT_LOCK_GUARD(dom) {
            if (virDomainObjIsActive(dom))
                ids[n++] = dom->def->id;
        }
    }
    return n;
}

static int
testConnectListDefinedDomains(virConnectPtr conn, char **const names, int maxnames)
{
    g_autoptr(GPtrArray) objs = virDomainObjListCollect(testDriverOf(conn)->domains,
                                                        VIR_CONNECT_LIST_DOMAINS_INACTIVE);
    int n = 0;
    size_t i;

    for (i = 0; i < objs->len && n < maxnames; i++) {
        virDomainObj *dom = g_ptr_array_index(objs, i);

        VIR_WITH_OBJECT_LOCK_GUARD(dom) {
            if (!virDomainObjIsActive(dom))
                names[n++] = g_strdup(dom->def->name);
        }
    }
    return n;
}

#define TEST_LIST_FILTERS_ALL 0xffff

static int
testConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                          unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    g_autoptr(GPtrArray) ret = g_ptr_array_new_with_free_func(virObjectUnref);
    size_t i;

    virCheckFlags(TEST_LIST_FILTERS_ALL, -1);

    objs = virDomainObjListCollect(testDriverOf(conn)->domains, flags);
    if (!domains)
        return objs->len;

    for (i = 0; i < objs->len; i++) {
        virDomainObj *dom = g_ptr_array_index(objs, i);
        virDomainPtr handle;

        virObjectLock(dom);
        /* state may have changed since the collection: test again */
        if (dom->removing || !virDomainObjMatchFilter(dom, flags)) {
            virObjectUnlock(dom);
            continue;
        }
        handle = virGetDomain(conn, dom->def->name, dom->def->uuid, dom->def->id);
        virObjectUnlock(dom);
        if (!handle)
            return -1;
        g_ptr_array_add(ret, handle);
    }
    i = ret->len;
    g_ptr_array_add(ret, NULL);
    g_ptr_array_set_free_func(ret, NULL);
    *domains = (virDomainPtr *)g_ptr_array_free(g_steal_pointer(&ret), FALSE);
    return i;
}

/* ---- lookup ---- */

static virDomainPtr
testDomainLookupByID(virConnectPtr conn, int id)
{
    return testDomainHandle(conn, virDomainObjListFindByID(testDriverOf(conn)->domains, id));
}

static virDomainPtr
testDomainLookupByName(virConnectPtr conn, const char *name)
{
    return testDomainHandle(conn,
                            virDomainObjListFindByName(testDriverOf(conn)->domains, name));
}

static virDomainPtr
testDomainLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    return testDomainHandle(conn,
                            virDomainObjListFindByUUID(testDriverOf(conn)->domains, uuid));
}

/* ---- define, undefine, start, stop ---- */

static virDomainPtr
testDomainDefineXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virDomainDef) def = NULL;
    g_autoptr(virDomainDef) oldDef = NULL;
    virDomainObj *dom;

    virCheckFlags(VIR_DOMAIN_DEFINE_VALIDATE, NULL);

    if (!(def = virDomainDefParseString(xml, drv->xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return NULL;
    testDomainGenerateIfnames(def);
    if (!(dom = virDomainObjListAdd(drv->domains, &def, 0, &oldDef)))
        return NULL;
    dom->persistent = true;
    return testDomainHandle(conn, dom);
}

static virDomainPtr
testDomainDefineXML(virConnectPtr conn, const char *xml)
{
    return testDomainDefineXMLFlags(conn, xml, 0);
}

static virDomainPtr
testDomainCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virDomainDef) def = NULL;
    virDomainObj *dom;

    virCheckFlags(VIR_DOMAIN_START_VALIDATE, NULL);

    if (!(def = virDomainDefParseString(xml, drv->xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE)))
        return NULL;
    testDomainGenerateIfnames(def);
    if (!(dom = virDomainObjListAdd(drv->domains, &def,
                                    VIR_DOMAIN_OBJ_LIST_ADD_LIVE |
                                    VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE, NULL)))
        return NULL;
    if (testDomainStartState(drv, dom, VIR_DOMAIN_RUNNING_BOOTED) < 0) {
        if (!dom->persistent)
            virDomainObjListRemove(drv->domains, dom);
        virDomainObjEndAPI(&dom);
        return NULL;
    }
    return testDomainHandle(conn, dom);
}

static int
testDomainUndefineFlags(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    virDomainObj *dom;

    virCheckFlags(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                  VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA |
                  VIR_DOMAIN_UNDEFINE_NVRAM |
                  VIR_DOMAIN_UNDEFINE_KEEP_NVRAM, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (testDomainMomentsCheckUndefine(dom, flags) < 0) {
        virDomainObjEndAPI(&dom);
        return -1;
    }
    if (virDomainObjIsActive(dom))
        dom->persistent = false;   /* stays until it stops */
    else
        virDomainObjListRemove(drv->domains, dom);
    virDomainObjEndAPI(&dom);
    return 0;
}

static int
testDomainUndefine(virDomainPtr domain)
{
    return testDomainUndefineFlags(domain, 0);
}

static int
testDomainCreateWithFlags(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->state != VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Domain '%s' is already running",
                       domain->name);
        goto cleanup;
    }
    if (testDomainStartState(testDriverOf(domain->conn), dom, VIR_DOMAIN_RUNNING_BOOTED) < 0)
        goto cleanup;
    domain->id = dom->def->id;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}

static int
testDomainCreate(virDomainPtr domain)
{
    return testDomainCreateWithFlags(domain, 0);
}

static int
testDomainDestroyFlags(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_DESTROY_GRACEFUL, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (virDomainObjCheckActive(dom) < 0)
        goto cleanup;
    testDomainShutdownState(dom, VIR_DOMAIN_SHUTOFF_DESTROYED);
    if (!dom->persistent)
        virDomainObjListRemove(testDriverOf(domain->conn)->domains, dom);
    domain->id = -1;
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}

static int
testDomainDestroy(virDomainPtr domain)
{
    return testDomainDestroyFlags(domain, 0);
}

static int
testDomainSuspend(virDomainPtr domain)
{
    virDomainObj *dom;
    int ret = -1;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->state == VIR_DOMAIN_SHUTOFF || dom->state == VIR_DOMAIN_PAUSED) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not running", domain->name);
        goto cleanup;
    }
    virDomainObjSetState(dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}

static int
testDomainResume(virDomainPtr domain)
{
    virDomainObj *dom;
    int ret = -1;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->state != VIR_DOMAIN_PAUSED) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "domain '%s' not paused", domain->name);
        goto cleanup;
    }
    virDomainObjSetState(dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}

/* ---- queries ---- */

static int
testDomainGetInfo(virDomainPtr domain, virDomainInfoPtr info)
{
    virDomainObj *dom;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    info->state = dom->state;
    info->memory = dom->def->mem.cur;
    info->maxMem = dom->def->mem.total;
    info->nrVirtCpu = dom->def->vcpu.current;
    info->cpuTime = (unsigned long long)g_get_real_time() * 1000ULL;
    virDomainObjEndAPI(&dom);
    return 0;
}

static int
testDomainGetState(virDomainPtr domain, int *state, int *reason, unsigned int flags)
{
    virDomainObj *dom;

    virCheckFlags(0, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    *state = dom->state;
    if (reason)
        *reason = dom->reason;
    virDomainObjEndAPI(&dom);
    return 0;
}

static char *
testDomainGetXMLDesc(virDomainPtr domain, unsigned int flags)
{
    virDomainObj *dom;
    virDomainDef *def;
    unsigned int fmt = 0;
    char *ret;

    virCheckFlags(VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE |
                  VIR_DOMAIN_XML_UPDATE_CPU | VIR_DOMAIN_XML_MIGRATABLE, NULL);

    if (!(dom = testDomObjFromDomain(domain)))
        return NULL;
    def = (flags & VIR_DOMAIN_XML_INACTIVE) && dom->newDef ? dom->newDef : dom->def;
    if (flags & VIR_DOMAIN_XML_SECURE)
        fmt |= VIR_DOMAIN_DEF_FORMAT_SECURE;
    if (flags & (VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_MIGRATABLE))
        fmt |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    ret = virDomainDefFormat(def, fmt);
    virDomainObjEndAPI(&dom);
    return ret;
}

static int
testDomainIsActive(virDomainPtr domain)
{
    virDomainObj *dom;
    int ret;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    ret = virDomainObjIsActive(dom);
    virDomainObjEndAPI(&dom);
    return ret;
}

static int
testDomainIsPersistent(virDomainPtr domain)
{
    virDomainObj *dom;
    int ret;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    ret = dom->persistent;
    virDomainObjEndAPI(&dom);
    return ret;
}

static char *
testDomainGetOSType(virDomainPtr domain)
{
    virDomainObj *dom;

    if (!(dom = testDomObjFromDomain(domain)))
        return NULL;
    virDomainObjEndAPI(&dom);
    /* libvirt's test driver answers "linux" for every domain */
    return g_strdup("linux");
}

static unsigned long
testDomainGetMaxMemory(virDomainPtr domain)
{
    virDomainObj *dom;
    unsigned long ret;

    if (!(dom = testDomObjFromDomain(domain)))
        return 0;
    ret = dom->def->mem.total;
    virDomainObjEndAPI(&dom);
    return ret;
}

void
testDomainRegisterMethods(virHypervisorDriver *d)
{
    d->connectNumOfDomains = testConnectNumOfDomains;
    d->connectListDomains = testConnectListDomains;
    d->connectNumOfDefinedDomains = testConnectNumOfDefinedDomains;
    d->connectListDefinedDomains = testConnectListDefinedDomains;
    d->connectListAllDomains = testConnectListAllDomains;
    d->domainLookupByID = testDomainLookupByID;
    d->domainLookupByName = testDomainLookupByName;
    d->domainLookupByUUID = testDomainLookupByUUID;
    d->domainDefineXML = testDomainDefineXML;
    d->domainDefineXMLFlags = testDomainDefineXMLFlags;
    d->domainCreateXML = testDomainCreateXML;
    d->domainUndefine = testDomainUndefine;
    d->domainUndefineFlags = testDomainUndefineFlags;
    d->domainCreate = testDomainCreate;
    d->domainCreateWithFlags = testDomainCreateWithFlags;
    d->domainDestroy = testDomainDestroy;
    d->domainDestroyFlags = testDomainDestroyFlags;
    d->domainSuspend = testDomainSuspend;
    d->domainResume = testDomainResume;
    d->domainGetInfo = testDomainGetInfo;
    d->domainGetState = testDomainGetState;
    d->domainGetXMLDesc = testDomainGetXMLDesc;
    d->domainIsActive = testDomainIsActive;
    d->domainIsPersistent = testDomainIsPersistent;
    d->domainGetOSType = testDomainGetOSType;
    d->domainGetMaxMemory = testDomainGetMaxMemory;
}
