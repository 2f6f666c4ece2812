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
#include "conf/domain_event.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* ---- the domain XML options: defaults and the test namespace ---- */

/* libvirt's test driver guests default to its host's arch, i686 */
static int
testDomainDefPostParse(virDomainDef *def, unsigned int flags G_GNUC_UNUSED,
                       void *opaque G_GNUC_UNUSED)
{
    if (!def->os.arch)
        def->os.arch = g_strdup(TEST_MODEL);
    return 0;
}


static void
testDomainNamespaceFree(void *opaque)
{
    testDomainNamespaceDef *ns = opaque;
    size_t i;

    if (!ns)
        return;
    for (i = 0; i < ns->nsnapshots; i++)
        xmlFreeNode(ns->snapshots[i]);
    g_free(ns->snapshots);
    g_free(ns);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(testDomainNamespaceDef, testDomainNamespaceFree);


static int
testDomainNamespaceParseState(testDomainNamespaceDef *ns, xmlXPathContextPtr ctxt)
{
    unsigned int runstate;
    int rc;

    if ((rc = virXPathBoolean("boolean(./test:transient)", ctxt)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "invalid transient");
        return -1;
    }
    ns->transient = rc;
    if ((rc = virXPathBoolean("boolean(./test:hasmanagedsave)", ctxt)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "invalid hasmanagedsave");
        return -1;
    }
    ns->hasManagedSave = rc;

    rc = virXPathUInt("string(./test:runstate)", ctxt, &runstate);
    if (rc == -2) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "invalid runstate");
        return -1;
    }
    if (rc == 0 && runstate >= VIR_DOMAIN_LAST) {
        virReportError(VIR_ERR_XML_ERROR, "runstate '%d' out of range'", runstate);
        return -1;
    }
    ns->runstate = rc == 0 ? (int)runstate : VIR_DOMAIN_RUNNING;

    if (ns->transient && ns->runstate == VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "transient domain cannot have runstate 'shutoff'");
        return -1;
    }
    if (ns->hasManagedSave && ns->runstate != VIR_DOMAIN_SHUTOFF) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "domain with managedsave data can only have runstate 'shutoff'");
        return -1;
    }
    return 0;
}


/* <test:runstate>, <test:transient/>, <test:hasmanagedsave/> and the
 * <test:domainsnapshot> documents of a node description's domain */
static void *
testDomainNamespaceParse(xmlXPathContextPtr ctxt)
{
    g_autoptr(testDomainNamespaceDef) ns = g_new0(testDomainNamespaceDef, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    int n;
    int i;

    if ((n = virXPathNodeSet("./test:domainsnapshot", ctxt, &nodes)) < 0)
        return NULL;
    if (n > 0)
        ns->snapshots = g_new0(xmlNodePtr, n);
    for (i = 0; i < n; i++) {
        if (!(ns->snapshots[i] = xmlCopyNode(nodes[i], 1))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Failed to copy XML node");
            return NULL;
        }
        ns->nsnapshots++;
    }
    if (testDomainNamespaceParseState(ns, ctxt) < 0)
        return NULL;
    return g_steal_pointer(&ns);
}


const virDomainXMLOption testDomainXMLOption = {
    .postParse = testDomainDefPostParse,
    .nsPrefix = "test",
    .nsHref = "http://libvirt.org/schemas/domain/test/1.0",
    .nsParse = testDomainNamespaceParse,
    .nsFree = testDomainNamespaceFree,
};


/* ---- helpers ---- */

static void
testDomainPrivateFree(void *opaque)
{
    testDomainObjPrivate *priv = opaque;

    g_array_unref(priv->iothreads);
    g_free(priv);
}


testDomainObjPrivate *
testDomainPrivate(virDomainObj *dom)
{
    testDomainObjPrivate *priv;

    if (dom->privateData)
        return dom->privateData;
    /* made on first use: most domains never need it */
    priv = g_new0(testDomainObjPrivate, 1);
    priv->seconds = 627319920;
    priv->iothreads = g_array_new(FALSE, FALSE, sizeof(testIOThreadInfo));
    dom->privateData = priv;
    dom->privateDataFree = testDomainPrivateFree;
    return priv;
}


/* Give interfaces without a target name one ("testnetN"), as libvirt. */
int
testDomainGenerateIfnames(virDomainDef *def)
{
    size_t i, j;
    int n = 0;

    for (i = 0; i < def->nnets; i++) {
        if (def->nets[i]->ifname)
            continue;
        for (;; n++) {
            g_autofree char *name = NULL;
            bool used = false;

            if (n >= 1024) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "Exceeded max iface limit %d", 1024);
                return -1;
            }
            name = g_strdup_printf("testnet%d", n);
            for (j = 0; j < def->nnets; j++)
                used |= g_strcmp0(def->nets[j]->ifname, name) == 0;
            if (!used) {
                def->nets[i]->ifname = g_steal_pointer(&name);
                break;
            }
        }
    }
    return 0;
}


int
testDomainStartState(testDriver *drv, virDomainObj *dom, int reason)
{
    virDomainObjSetState(dom, VIR_DOMAIN_RUNNING, reason);
    virDomainObjSetID(dom, g_atomic_int_add(&drv->nextDomID, 1));
    if (virDomainObjSetDefTransient(dom, drv->xmlopt) < 0) {
        testDomainShutdownState(dom, VIR_DOMAIN_SHUTOFF_FAILED);
        return -1;
    }
    dom->hasManagedSave = false;
    return 0;
}


void
testDomainShutdownState(virDomainObj *dom, int reason)
{
    /* a persistent domain's definition comes back with id -1; as in
     * libvirt, a transient one keeps its id (its lifecycle event tells
     * it) until it leaves the list */
    virDomainObjRemoveTransientDef(dom);
    virDomainObjSetState(dom, VIR_DOMAIN_SHUTOFF, reason);
    virDomainObjSetID(dom, dom->def->id);   /* the id table follows */
    testDomainJobsOnStop(dom);
}


void
testDomainEventLifecycle(testDriver *drv, virDomainObj *dom, int type, int detail)
{
    virObjectEventStateQueue(drv->eventState,
                             virDomainEventLifecycleNew(VIR_DOMAIN_EVENT_OBJ(dom),
                                                        type, detail));
}


/* The iothreads of a node description's domain, with libvirt's defaults */
static void
testDomainGenerateIOThreadInfos(virDomainObj *dom)
{
    testDomainObjPrivate *priv;
    size_t i;

    if (!dom->def->vcpu.niothreadids)
        return;
    priv = testDomainPrivate(dom);
    for (i = 0; i < dom->def->vcpu.niothreadids; i++) {
        testIOThreadInfo info = {
            .iothread_id = dom->def->vcpu.iothreadids[i].id,
            .poll_max_ns = 32768,
        };

        g_array_append_val(priv->iothreads, info);
    }
}


int
testDomainLoadNode(testDriver *drv, xmlXPathContextPtr ctxt, const char *file)
{
    g_autoptr(virDomainDef) def = NULL;
    testDomainNamespaceDef *ns;
    virDomainObj *dom;
    int runstate;
    int ret = 0;

    if (!(def = virDomainDefParseNode(ctxt, drv->xmlopt, VIR_DOMAIN_DEF_PARSE_INACTIVE)) ||
        testDomainGenerateIfnames(def) < 0 ||
        !(dom = virDomainObjListAdd(drv->domains, &def, 0, NULL)))
        return -1;
    ns = dom->def->namespaceData;
    if (testDomainSnapshotsLoad(drv, dom, ctxt, ns->snapshots, ns->nsnapshots, file) < 0) {
        virDomainObjEndAPI(&dom);
        return -1;
    }
    runstate = ns->runstate;
    dom->persistent = !ns->transient;
    dom->hasManagedSave = ns->hasManagedSave;
    if (runstate != VIR_DOMAIN_SHUTOFF)
        ret = testDomainStartState(drv, dom, VIR_DOMAIN_RUNNING_BOOTED);
    else
        testDomainShutdownState(dom, 0);
    if (ret == 0) {
        virDomainObjSetState(dom, runstate, 0);
        testDomainGenerateIOThreadInfos(dom);
    }
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

typedef struct {
    virConnectPtr conn;
    GPtrArray *handles;
} testDomainExport;

static int
testDomainExportOne(virDomainObj *dom, void *opaque)
{
    testDomainExport *exp = opaque;
    virDomainPtr handle = virGetDomain(exp->conn, dom->def->name, dom->def->uuid,
                                       dom->def->id);

    if (!handle)
        return -1;
    g_ptr_array_add(exp->handles, handle);
    return 0;
}

static int
testDomainExportSummary(const char *name, const unsigned char *uuid, int id,
                        void *opaque)
{
    testDomainExport *exp = opaque;
    virDomainPtr handle = virGetDomain(exp->conn, name, uuid, id);

    if (!handle)
        return -1;
    g_ptr_array_add(exp->handles, handle);
    return 0;
}

static int
testConnectListAllDomains(virConnectPtr conn, virDomainPtr **domains,
                          unsigned int flags)
{
    g_autoptr(GPtrArray) ret = NULL;
    testDomainExport exp = { conn, NULL };
    size_t i;
    int rc;

    virCheckFlags(TEST_LIST_FILTERS_ALL, -1);

    /* no filter: everything a handle needs is in the list's own index */
    if (flags == 0 && !domains)
        return virDomainObjListCount(testDriverOf(conn)->domains);
    if (!domains) {
        g_autoptr(GPtrArray) objs = virDomainObjListCollect(testDriverOf(conn)->domains,
                                                            flags);
        return objs->len;
    }
    ret = g_ptr_array_new_with_free_func(virObjectUnref);
    exp.handles = ret;
    if (flags == 0)
        rc = virDomainObjListForEachSummary(testDriverOf(conn)->domains,
                                            testDomainExportSummary, &exp);
    else /* one pass: each handle is made under its object's lock */
        rc = virDomainObjListForEachMatch(testDriverOf(conn)->domains, flags,
                                          testDomainExportOne, &exp);
    if (rc < 0)
        return -1;
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
    if (virXMLCheckIllegalChars("name", def->name, "\n") < 0)
        return NULL;
    if (testDomainGenerateIfnames(def) < 0 ||
        !(dom = virDomainObjListAdd(drv->domains, &def, 0, &oldDef)))
        return NULL;
    dom->persistent = true;
    testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_DEFINED,
                             oldDef ? VIR_DOMAIN_EVENT_DEFINED_UPDATED
                                    : VIR_DOMAIN_EVENT_DEFINED_ADDED);
    return testDomainHandle(conn, dom);
}

static virDomainPtr
testDomainDefineXML(virConnectPtr conn, const char *xml)
{
    return testDomainDefineXMLFlags(conn, xml, 0);
}

static int
testDomainUndefineFlags(virDomainPtr domain, unsigned int flags)
{
    testDriver *drv = testDriverOf(domain->conn);
    virDomainObj *dom;
    int ret = -1;

    virCheckFlags(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE |
                  VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA, -1);

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    if (dom->hasManagedSave && !(flags & VIR_DOMAIN_UNDEFINE_MANAGED_SAVE)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "Refusing to undefine while domain managed save image exists");
        goto cleanup;
    }
    if (testDomainMomentsCheckUndefine(dom, flags) < 0)
        goto cleanup;
    testDomainEventLifecycle(drv, dom, VIR_DOMAIN_EVENT_UNDEFINED,
                             VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    dom->hasManagedSave = false;
    if (virDomainObjIsActive(dom))
        dom->persistent = false;   /* stays until it stops */
    else
        virDomainObjListRemove(drv->domains, dom);
    ret = 0;
 cleanup:
    virDomainObjEndAPI(&dom);
    return ret;
}

static int
testDomainUndefine(virDomainPtr domain)
{
    return testDomainUndefineFlags(domain, 0);
}

/* ---- autostart ---- */

static int
testDomainGetAutostart(virDomainPtr domain, int *autostart)
{
    virDomainObj *dom;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    *autostart = dom->autostart;
    virDomainObjEndAPI(&dom);
    return 0;
}


static int
testDomainSetAutostart(virDomainPtr domain, int autostart)
{
    virDomainObj *dom;

    if (!(dom = testDomObjFromDomain(domain)))
        return -1;
    dom->autostart = autostart != 0;
    virDomainObjEndAPI(&dom);
    return 0;
}

/* ---- memory ---- */

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
    d->domainUndefine = testDomainUndefine;
    d->domainUndefineFlags = testDomainUndefineFlags;
    d->domainGetAutostart = testDomainGetAutostart;
    d->domainSetAutostart = testDomainSetAutostart;
    testDomainLifecycleRegister(d);
    testDomainSaveRegister(d);
    testDomainInfoRegister(d);
    testDomainVcpuRegister(d);
    testDomainParamsRegister(d);
    testDomainGuestRegister(d);
    testDomainStatsRegister(d);
    testDomainMetaRegister(d);
    testDomainIOThreadRegister(d);
    testDomainBlockRegister(d);
    testDomainConsoleRegister(d);
}
