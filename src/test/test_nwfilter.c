/*
 * test_nwfilter.c: network filters and filter bindings in the test
 * driver, kept in memory.
 *
 * libvirt 9.0.0's test driver has neither; these follow libvirt's
 * nwfilter driver, with no firewall rules: a binding is instantiated by
 * resolving its filter and every filter it references, and a filter is
 * "in use" when removing it would leave a binding (or a running guest
 * interface with a <filterref>) with a filter it cannot resolve.
 * Changes (define, undefine, create or delete a binding) run one at a
 * time under the driver's nwfilterLock, as under libvirt's update lock;
 * lookups do not take it.  Errors use that driver's domain
 * (VIR_FROM_NWFILTER) and messages.
 *
 * A binding must also give every variable its filters refer to, as
 * libvirt's instantiation demands: MAC is its own MAC address (added to
 * its parameters) and a missing IP alone is learned unless
 * CTRL_IP_LEARNING is 'none'.  A redefinition is checked the same way
 * against the bindings (not the guest interfaces, whose parameters the
 * domain code does not keep).  Host devices are not modelled: every
 * port device counts as present.
 */
#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/virstring.h"
#include "util/viruuid.h"
#include "test/test_private.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER

/*
 * Can @name's filter be instantiated: it and every filter it references
 * exist and are not @removed?  @replacement stands for the filter of its
 * name (a definition being checked before it replaces the current one).
 */
static int
testNWFilterResolve(testDriver *drv, const char *name, const char *removed,
                    const virNWFilterDef *replacement, GHashTable *visited)
{
    g_auto(GStrv) refs = NULL;
    size_t i;

    if (replacement && STREQ(name, replacement->name)) {
        GPtrArray *list = g_ptr_array_new();

        for (i = 0; i < replacement->nentries; i++) {
            if (replacement->filterEntries[i]->include)
                g_ptr_array_add(list,
                                g_strdup(replacement->filterEntries[i]->include->filterref));
        }
        g_ptr_array_add(list, NULL);
        refs = (char **)g_ptr_array_free(list, FALSE);
    } else if (!(refs = virNWFilterObjListGetRefs(drv->nwfilters, name))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "referenced filter '%s' is missing", name);
        return -1;
    }
    if (removed && STREQ(name, removed)) {
        virReportError(VIR_ERR_NO_NWFILTER, "Filter '%s' is in use.", name);
        return -1;
    }
    if (!g_hash_table_add(visited, g_strdup(name)))
        return 0;
    for (i = 0; refs[i]; i++) {
        if (testNWFilterResolve(drv, refs[i], removed, replacement, visited) < 0)
            return -1;
    }
    return 0;
}

static int
testNWFilterInstantiable(testDriver *drv, const char *name, const char *removed,
                         const virNWFilterDef *replacement)
{
    g_autoptr(GHashTable) visited = g_hash_table_new_full(g_str_hash, g_str_equal,
                                                          g_free, NULL);

    return testNWFilterResolve(drv, name, removed, replacement, visited);
}

/* ---- the variables of a binding ---- */

/*
 * Add to @missing the references the rules of @name's filter (or of
 * @replacement, standing for the filter of its name) make to variables
 * @vars lacks, following its references with the parameters each passes
 * down (@vars win over them).  Filters have no loops and every change
 * runs under nwfilterLock, so at most one thread holds nested locks.
 */
static void
testNWFilterMissingVars(testDriver *drv, const char *name,
                        const virNWFilterDef *replacement, GHashTable *vars,
                        GHashTable *missing)
{
    virNWFilterObj *obj = NULL;
    const virNWFilterDef *def = replacement;
    size_t i, j;

    if (!replacement || STRNEQ(name, replacement->name)) {
        if (!(obj = virNWFilterObjListFindByName(drv->nwfilters, name)))
            return;
        def = obj->def;
    }
    for (i = 0; i < def->nentries; i++) {
        const virNWFilterRuleDef *rule = def->filterEntries[i]->rule;
        const virNWFilterIncludeDef *inc = def->filterEntries[i]->include;

        for (j = 0; rule && j < rule->nVarAccess; j++) {
            g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

            if (virNWFilterVarAccessIsAvailable(rule->varAccess[j], vars))
                continue;
            virNWFilterVarAccessPrint(rule->varAccess[j], &buf);
            g_hash_table_add(missing, virBufferContentAndReset(&buf));
        }
        if (inc) {
            g_autoptr(GHashTable) next = virNWFilterParamsNew();

            virNWFilterHashTablePutAll(inc->params, next);
            virNWFilterHashTablePutAll(vars, next);
            testNWFilterMissingVars(drv, inc->filterref, replacement, next, missing);
        }
    }
    virNWFilterObjEndAPI(&obj);
}

/* The error of an instantiation that lacks @missing: IP is named only
 * when it cannot be learned (@reportIP). */
static void
testNWFilterReportMissing(GHashTable *missing, bool reportIP)
{
    g_autofree const char **names = (const char **)g_hash_table_get_keys_as_array(missing, NULL);
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    size_t i;

    qsort(names, g_hash_table_size(missing), sizeof(*names), virStringSortCompare);
    for (i = 0; names[i]; i++) {
        if (STREQ(names[i], "IP") && !reportIP)
            continue;
        if (virBufferUse(&buf))
            virBufferAddLit(&buf, ", ");
        virBufferAdd(&buf, names[i], -1);
    }
    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "Cannot instantiate filter due to unresolvable variables or unavailable list elements: %s",
                   virBufferCurrentContent(&buf));
}

/* Can @binding's filter (with @replacement in place) get every variable
 * it refers to? */
static int
testNWFilterCheckVars(testDriver *drv, const virNWFilterBindingDef *binding,
                      const virNWFilterDef *replacement)
{
    g_autoptr(GHashTable) missing = g_hash_table_new_full(g_str_hash, g_str_equal,
                                                          g_free, NULL);
    const virNWFilterVarValue *lv = g_hash_table_lookup(binding->filterparams,
                                                        "CTRL_IP_LEARNING");
    const char *learning = lv && lv->nvalues ? lv->values[0] : "any";

    testNWFilterMissingVars(drv, binding->filter, replacement, binding->filterparams,
                            missing);
    if (g_hash_table_size(missing) == 0)
        return 0;
    if (g_hash_table_size(missing) > 1 || !g_hash_table_contains(missing, "IP")) {
        testNWFilterReportMissing(missing, false);
        return -1;
    }
    if (g_ascii_strcasecmp(learning, "none") == 0) {
        testNWFilterReportMissing(missing, true);
        return -1;
    }
    if (g_ascii_strcasecmp(learning, "dhcp") != 0 && g_ascii_strcasecmp(learning, "any") != 0) {
        virReportError(VIR_ERR_PARSE_FAILED, "filter '%s' learning value '%s' invalid.",
                       binding->filter, learning);
        return -1;
    }
    /* the address is learned from the guest's traffic */
    return 0;
}

/* Would every binding get its variables with @replacement in place? */
static int
testNWFilterCheckBindingVars(testDriver *drv, const virNWFilterDef *replacement)
{
    g_autoptr(GPtrArray) bindings = virNWFilterBindingObjListCollect(drv->bindings);
    size_t i;

    for (i = 0; i < bindings->len; i++) {
        virNWFilterBindingObj *obj = g_ptr_array_index(bindings, i);

        /* a listed binding's definition never changes */
        if (testNWFilterCheckVars(drv, obj->def, replacement) < 0)
            return -1;
    }
    return 0;
}

/* The filters in use: those of the bindings and of the interfaces of
 * running guests; each a new string. */
static GPtrArray *
testNWFilterRoots(testDriver *drv)
{
    g_autoptr(GPtrArray) bindings = virNWFilterBindingObjListCollect(drv->bindings);
    g_autoptr(GPtrArray) doms = virDomainObjListCollect(drv->domains,
                                                        VIR_CONNECT_LIST_DOMAINS_ACTIVE);
    GPtrArray *roots = g_ptr_array_new_with_free_func(g_free);
    size_t i, j;

    for (i = 0; i < bindings->len; i++) {
        virNWFilterBindingObj *obj = g_ptr_array_index(bindings, i);

        /* a listed binding's definition never changes */
        g_ptr_array_add(roots, g_strdup(obj->def->filter));
    }
    for (i = 0; i < doms->len; i++) {
        virDomainObj *dom = g_ptr_array_index(doms, i);

        VIR_WITH_OBJECT_LOCK_GUARD(dom) {
            for (j = 0; virDomainObjIsActive(dom) && j < dom->def->nnets; j++) {
                if (dom->def->nets[j]->filter)
                    g_ptr_array_add(roots, g_strdup(dom->def->nets[j]->filter));
            }
        }
    }
    return roots;
}

/* Would every filter in use still resolve with @removed gone or
 * @replacement in place? */
static int
testNWFilterCheckUsers(testDriver *drv, const char *removed,
                       const virNWFilterDef *replacement)
{
    g_autoptr(GPtrArray) roots = testNWFilterRoots(drv);
    size_t i;

    for (i = 0; i < roots->len; i++) {
        if (testNWFilterInstantiable(drv, g_ptr_array_index(roots, i), removed,
                                     replacement) < 0)
            return -1;
    }
    return 0;
}

/* ---- filters ---- */

static virNWFilterObj *
testNWFilterObjFromNWFilter(virNWFilterPtr nwfilter)
{
    virNWFilterObj *obj = virNWFilterObjListFindByUUID(testDriverOf(nwfilter->conn)->nwfilters,
                                                       nwfilter->uuid);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!obj)
        virReportError(VIR_ERR_NO_NWFILTER, "no nwfilter with matching uuid '%s'",
                       virUUIDFormat(nwfilter->uuid, uuidstr));
    return obj;
}

static virNWFilterPtr
testNWFilterHandle(virConnectPtr conn, virNWFilterObj *obj)
{
    virNWFilterPtr ret;

    if (!obj)
        return NULL;
    ret = virGetNWFilter(conn, obj->def->name, obj->def->uuid);
    virNWFilterObjEndAPI(&obj);
    return ret;
}

static int
testConnectNumOfNWFilters(virConnectPtr conn)
{
    g_autoptr(GPtrArray) objs = virNWFilterObjListCollect(testDriverOf(conn)->nwfilters);

    return objs->len;
}

static int
testConnectListNWFilters(virConnectPtr conn, char **const names, int maxnames)
{
    g_autoptr(GPtrArray) objs = virNWFilterObjListCollect(testDriverOf(conn)->nwfilters);
    int n = 0;
    size_t i;

    for (i = 0; i < objs->len && n < maxnames; i++) {
        virNWFilterObj *obj = g_ptr_array_index(objs, i);

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            names[n++] = g_strdup(obj->def->name);
        }
    }
    return n;
}

static int
testConnectListAllNWFilters(virConnectPtr conn, virNWFilterPtr **filters,
                            unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    virNWFilterPtr *list;
    size_t i;

    virCheckFlags(0, -1);

    objs = virNWFilterObjListCollect(testDriverOf(conn)->nwfilters);
    if (!filters)
        return objs->len;
    list = g_new0(virNWFilterPtr, objs->len + 1);
    for (i = 0; i < objs->len; i++) {
        virNWFilterObj *obj = g_ptr_array_index(objs, i);

        VIR_WITH_OBJECT_LOCK_GUARD(obj) {
            list[i] = virGetNWFilter(conn, obj->def->name, obj->def->uuid);
        }
    }
    *filters = list;
    return objs->len;
}

static virNWFilterPtr
testNWFilterLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    virNWFilterObj *obj = virNWFilterObjListFindByUUID(testDriverOf(conn)->nwfilters, uuid);
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!obj)
        virReportError(VIR_ERR_NO_NWFILTER, "no nwfilter with matching uuid '%s'",
                       virUUIDFormat(uuid, uuidstr));
    return testNWFilterHandle(conn, obj);
}

static virNWFilterPtr
testNWFilterLookupByName(virConnectPtr conn, const char *name)
{
    virNWFilterObj *obj = virNWFilterObjListFindByName(testDriverOf(conn)->nwfilters, name);

    if (!obj)
        virReportError(VIR_ERR_NO_NWFILTER, "no nwfilter with matching name '%s'", name);
    return testNWFilterHandle(conn, obj);
}

static virNWFilterPtr
testNWFilterDefineXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virNWFilterDef) def = NULL;
    g_autoptr(GMutexLocker) locker = NULL;

    virCheckFlags(VIR_NWFILTER_DEFINE_VALIDATE, NULL);

    if (!(def = virNWFilterDefParse(xml, NULL, flags)))
        return NULL;
    locker = g_mutex_locker_new(&drv->nwfilterLock);
    /* the filters in use must still resolve with the new definition,
     * and the bindings still get their variables */
    if (testNWFilterCheckUsers(drv, NULL, def) < 0 ||
        testNWFilterCheckBindingVars(drv, def) < 0)
        return NULL;
    return testNWFilterHandle(conn, virNWFilterObjListAssignDef(drv->nwfilters, &def));
}

static virNWFilterPtr
testNWFilterDefineXML(virConnectPtr conn, const char *xml)
{
    return testNWFilterDefineXMLFlags(conn, xml, 0);
}

static int
testNWFilterUndefine(virNWFilterPtr nwfilter)
{
    testDriver *drv = testDriverOf(nwfilter->conn);
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&drv->nwfilterLock);
    virNWFilterObj *obj;
    g_autofree char *name = NULL;

    if (!(obj = testNWFilterObjFromNWFilter(nwfilter)))
        return -1;
    name = g_strdup(obj->def->name);
    virObjectUnlock(obj);
    if (testNWFilterCheckUsers(drv, name, NULL) < 0) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s", "nwfilter is in use");
        virObjectUnref(obj);
        return -1;
    }
    virObjectLock(obj);
    virNWFilterObjListRemove(drv->nwfilters, obj);
    virNWFilterObjEndAPI(&obj);
    return 0;
}

static char *
testNWFilterGetXMLDesc(virNWFilterPtr nwfilter, unsigned int flags)
{
    virNWFilterObj *obj;
    char *ret;

    virCheckFlags(0, NULL);

    if (!(obj = testNWFilterObjFromNWFilter(nwfilter)))
        return NULL;
    ret = virNWFilterDefFormat(obj->def);
    virNWFilterObjEndAPI(&obj);
    return ret;
}

/* ---- bindings ---- */

static virNWFilterBindingObj *
testNWFilterBindingFind(testDriver *drv, const char *portdev)
{
    virNWFilterBindingObj *obj = virNWFilterBindingObjListFindByPortDev(drv->bindings,
                                                                        portdev);

    if (!obj)
        virReportError(VIR_ERR_NO_NWFILTER_BINDING,
                       "no nwfilter binding for port dev '%s'", portdev);
    return obj;
}

static int
testConnectListAllNWFilterBindings(virConnectPtr conn, virNWFilterBindingPtr **bindings,
                                   unsigned int flags)
{
    g_autoptr(GPtrArray) objs = NULL;
    virNWFilterBindingPtr *list;
    size_t i;

    virCheckFlags(0, -1);

    objs = virNWFilterBindingObjListCollect(testDriverOf(conn)->bindings);
    if (!bindings)
        return objs->len;
    list = g_new0(virNWFilterBindingPtr, objs->len + 1);
    for (i = 0; i < objs->len; i++) {
        virNWFilterBindingObj *obj = g_ptr_array_index(objs, i);

        list[i] = virGetNWFilterBinding(conn, obj->def->portdevname, obj->def->filter);
    }
    *bindings = list;
    return objs->len;
}

static virNWFilterBindingPtr
testNWFilterBindingLookupByPortDev(virConnectPtr conn, const char *portdev)
{
    virNWFilterBindingObj *obj = testNWFilterBindingFind(testDriverOf(conn), portdev);
    virNWFilterBindingPtr ret;

    if (!obj)
        return NULL;
    ret = virGetNWFilterBinding(conn, obj->def->portdevname, obj->def->filter);
    virNWFilterBindingObjEndAPI(&obj);
    return ret;
}

static char *
testNWFilterBindingGetXMLDesc(virNWFilterBindingPtr binding, unsigned int flags)
{
    virNWFilterBindingObj *obj;
    char *ret;

    virCheckFlags(0, NULL);

    if (!(obj = testNWFilterBindingFind(testDriverOf(binding->conn), binding->portdev)))
        return NULL;
    ret = virNWFilterBindingDefFormat(obj->def);
    virNWFilterBindingObjEndAPI(&obj);
    return ret;
}

static virNWFilterBindingPtr
testNWFilterBindingCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    testDriver *drv = testDriverOf(conn);
    g_autoptr(virNWFilterBindingDef) def = NULL;
    g_autoptr(GMutexLocker) locker = NULL;
    virNWFilterBindingObj *obj;
    virNWFilterBindingPtr ret;
    char mac[VIR_MAC_STRING_BUFLEN];

    virCheckFlags(VIR_NWFILTER_BINDING_CREATE_VALIDATE, NULL);

    if (!(def = virNWFilterBindingDefParse(xml, NULL, flags)))
        return NULL;
    /* the port's MAC address is a variable of its own, kept with the rest */
    if (!g_hash_table_contains(def->filterparams, "MAC"))
        g_hash_table_insert(def->filterparams, g_strdup("MAC"),
                            virNWFilterVarValueNewSimple(virMacAddrFormat(&def->mac, mac)));
    locker = g_mutex_locker_new(&drv->nwfilterLock);
    if (!(obj = virNWFilterBindingObjListAdd(drv->bindings, &def)))
        return NULL;
    if (testNWFilterInstantiable(drv, obj->def->filter, NULL, NULL) < 0 ||
        testNWFilterCheckVars(drv, obj->def, NULL) < 0) {
        virNWFilterBindingObjListRemove(drv->bindings, obj);
        virNWFilterBindingObjEndAPI(&obj);
        return NULL;
    }
    ret = virGetNWFilterBinding(conn, obj->def->portdevname, obj->def->filter);
    virNWFilterBindingObjEndAPI(&obj);
    return ret;
}

static int
testNWFilterBindingDelete(virNWFilterBindingPtr binding)
{
    testDriver *drv = testDriverOf(binding->conn);
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&drv->nwfilterLock);
    virNWFilterBindingObj *obj;

    if (!(obj = testNWFilterBindingFind(drv, binding->portdev)))
        return -1;
    virNWFilterBindingObjListRemove(drv->bindings, obj);
    virNWFilterBindingObjEndAPI(&obj);
    return 0;
}

virNWFilterDriver testNWFilterDriver = {
    .name = "Test",
    .connectNumOfNWFilters = testConnectNumOfNWFilters,
    .connectListNWFilters = testConnectListNWFilters,
    .connectListAllNWFilters = testConnectListAllNWFilters,
    .nwfilterLookupByName = testNWFilterLookupByName,
    .nwfilterLookupByUUID = testNWFilterLookupByUUID,
    .nwfilterDefineXML = testNWFilterDefineXML,
    .nwfilterDefineXMLFlags = testNWFilterDefineXMLFlags,
    .nwfilterUndefine = testNWFilterUndefine,
    .nwfilterGetXMLDesc = testNWFilterGetXMLDesc,
    .connectListAllNWFilterBindings = testConnectListAllNWFilterBindings,
    .nwfilterBindingLookupByPortDev = testNWFilterBindingLookupByPortDev,
    .nwfilterBindingCreateXML = testNWFilterBindingCreateXML,
    .nwfilterBindingGetXMLDesc = testNWFilterBindingGetXMLDesc,
    .nwfilterBindingDelete = testNWFilterBindingDelete,
};
