/*
 * cputune.c: <vcpu>, <iothreads>, <iothreadids> and <cputune> (shares,
 * periods and quotas, pinning, schedulers; cachetune and memorytune live
 * in resctrl.c).
 */
#include "internal.h"
#include "conf/domain/cpu.h"
#include "conf/domain/bitmap.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

enum { VCPU_PLACEMENT_STATIC, VCPU_PLACEMENT_AUTO, VCPU_PLACEMENT_LAST };
VIR_ENUM_DECL(virDomainCpuPlacement);
VIR_ENUM_IMPL(virDomainCpuPlacement, VCPU_PLACEMENT_LAST, "static", "auto");

enum { THREAD_SCHED_BATCH, THREAD_SCHED_IDLE, THREAD_SCHED_FIFO, THREAD_SCHED_RR, THREAD_SCHED_LAST };
VIR_ENUM_DECL(virDomainSchedPolicy);
VIR_ENUM_IMPL(virDomainSchedPolicy, THREAD_SCHED_LAST, "batch", "idle", "fifo", "rr");

static void
virDomainSchedDefClear(virDomainSchedDef *sched)
{
    g_free(sched->vcpus);
}


void
virDomainVcpuTuneDefClear(virDomainVcpuTuneDef *tune)
{
    size_t i;

    g_free(tune->cpuset);
    g_free(tune->states);
    for (i = 0; i < tune->niothreadids; i++)
        g_free(tune->iothreadids[i].cpuset);
    g_free(tune->iothreadids);
    for (i = 0; tune->vcpupin && i < tune->maxvcpus; i++)
        g_free(tune->vcpupin[i]);
    g_free(tune->vcpupin);
    g_free(tune->emulatorpin);
    for (i = 0; i < tune->nvcpusched; i++)
        virDomainSchedDefClear(&tune->vcpusched[i]);
    g_free(tune->vcpusched);
    for (i = 0; i < tune->niothreadsched; i++)
        virDomainSchedDefClear(&tune->iothreadsched[i]);
    g_free(tune->iothreadsched);
    if (tune->emulatorsched)
        virDomainSchedDefClear(tune->emulatorsched);
    g_free(tune->emulatorsched);
    for (i = 0; i < tune->nresctrls; i++)
        virDomainResctrlDefFree(tune->resctrls[i]);
    g_free(tune->resctrls);
    memset(tune, 0, sizeof(*tune));
}


static int
virDomainVcpuParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt)
{
    g_autofree char *count = NULL;
    g_autofree char *cpuset = NULL;
    xmlNodePtr node;
    int rc;

    tune->maxvcpus = tune->current = 1;
    if (!(node = virXPathNode("./vcpu[1]", ctxt)))
        return 0;
    if (!(count = virXMLNodeContentString(node)))
        return -1;
    if (virStrToLong_ui(count, NULL, 10, &tune->maxvcpus) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "maximum vcpus count must be an integer");
        return -1;
    }
    if ((rc = virXMLPropUInt(node, "current", 10, VIR_XML_PROP_NONE,
                             &tune->current)) < 0)
        return -1;
    if (rc == 0)
        tune->current = tune->maxvcpus;
    if (virXMLPropEnumDefault(node, "placement", virDomainCpuPlacementTypeFromString,
                              VIR_XML_PROP_NONE, (unsigned int *)&tune->placement,
                              VCPU_PLACEMENT_STATIC) < 0)
        return -1;
    if (tune->placement != VCPU_PLACEMENT_AUTO &&
        (cpuset = virXMLPropString(node, "cpuset"))) {
        if (!(tune->cpuset = virDomainBitmapCanonical(cpuset, true)))
            return -1;
        if (!*tune->cpuset) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "Invalid value of 'cpuset': %s", cpuset);
            return -1;
        }
    }
    if (tune->maxvcpus == 0) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "domain config can't have 0 maximum vCPUs");
        return -1;
    }
    if (tune->current > tune->maxvcpus) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "maxvcpus must not be less than current vcpus");
        return -1;
    }
    return 0;
}


static int
virDomainVcpusParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t i;
    int n;

    tune->states = g_new0(virDomainVcpuState, tune->maxvcpus);
    if ((n = virXPathNodeSet("./vcpus/vcpu", ctxt, &nodes)) < 0)
        return -1;
    if (n == 0) {
        for (i = 0; i < tune->maxvcpus; i++)
            tune->states[i].online = i < tune->current;
        return 0;
    }
    tune->individual = true;
    for (i = 0; i < n; i++) {
        virDomainVcpuState *state;
        virTristateBool enabled;
        unsigned int id;

        if (virXMLPropUInt(nodes[i], "id", 10, VIR_XML_PROP_REQUIRED, &id) < 0)
            return -1;
        if (id >= tune->maxvcpus) {
            virReportError(VIR_ERR_XML_ERROR,
                           "vcpu id '%u' is out of range of maximum vcpu count", id);
            return -1;
        }
        state = &tune->states[id];
        if (virXMLPropTristateBool(nodes[i], "enabled", VIR_XML_PROP_REQUIRED, &enabled) < 0 ||
            virXMLPropTristateBool(nodes[i], "hotpluggable", VIR_XML_PROP_NONE,
                                   &state->hotpluggable) < 0 ||
            virXMLPropUInt(nodes[i], "order", 10, VIR_XML_PROP_NONE, &state->order) < 0)
            return -1;
        state->online = enabled == VIR_TRISTATE_BOOL_YES;
    }
    tune->current = 0;
    for (i = 0; i < tune->maxvcpus; i++)
        tune->current += tune->states[i].online ? 1 : 0;
    return 0;
}


int
virDomainVcpuPostParse(virDomainVcpuTuneDef *tune)
{
    size_t i;

    for (i = 0; tune->states && i < tune->maxvcpus; i++) {
        virDomainVcpuState *state = &tune->states[i];

        if (!state->hotpluggable) {
            state->hotpluggable = state->online ? VIR_TRISTATE_BOOL_NO : VIR_TRISTATE_BOOL_YES;
        } else if (state->hotpluggable == VIR_TRISTATE_BOOL_NO && !state->online) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "vcpu '%zu' is both offline and not hotpluggable", i);
            return -1;
        }
    }
    return 0;
}


static int
virDomainIOThreadsParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *count = virXPathString("string(./iothreads[1])", ctxt);
    size_t i, j;
    int n;

    if (count && virStrToLong_uip(count, NULL, 10, &tune->niothreads) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "invalid iothreads count '%s'", count);
        return -1;
    }
    if ((n = virXPathNodeSet("./iothreadids/iothread", ctxt, &nodes)) < 0)
        return -1;
    tune->iothreadids = g_new0(virDomainIOThreadDef, MAX(n, tune->niothreads) + 1);
    for (i = 0; i < n; i++) {
        virDomainIOThreadDef *io = &tune->iothreadids[i];

        if (virXMLPropUInt(nodes[i], "id", 10,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO, &io->id) < 0 ||
            virXMLPropInt(nodes[i], "thread_pool_min", 10, VIR_XML_PROP_NONNEGATIVE,
                          &io->poolMin, -1) < 0 ||
            virXMLPropInt(nodes[i], "thread_pool_max", 10, VIR_XML_PROP_NONNEGATIVE,
                          &io->poolMax, -1) < 0)
            return -1;
        for (j = 0; j < i; j++) {
            if (tune->iothreadids[j].id == io->id) {
                virReportError(VIR_ERR_XML_ERROR,
                               "duplicate iothread id '%u' found", io->id);
                return -1;
            }
        }
        tune->niothreadids++;
    }
    /* <iothreads>N</iothreads> without ids: ids 1..N, lowest unused first */
    for (j = 1; tune->niothreadids < tune->niothreads; j++) {
        bool used = false;

        for (i = 0; i < tune->niothreadids; i++)
            used |= tune->iothreadids[i].id == j;
        if (used)
            continue;
        tune->iothreadids[tune->niothreadids].id = j;
        tune->iothreadids[tune->niothreadids].poolMin = -1;
        tune->iothreadids[tune->niothreadids].autofill = true;
        tune->iothreadids[tune->niothreadids++].poolMax = -1;
    }
    tune->niothreads = tune->niothreadids;
    return 0;
}


virDomainIOThreadDef *
virDomainIOThreadFind(virDomainVcpuTuneDef *tune, unsigned int id)
{
    size_t i;

    for (i = 0; i < tune->niothreadids; i++) {
        if (tune->iothreadids[i].id == id)
            return &tune->iothreadids[i];
    }
    return NULL;
}


virDomainIOThreadDef *
virDomainIOThreadAdd(virDomainVcpuTuneDef *tune, unsigned int id)
{
    virDomainIOThreadDef *io;

    /* the parser leaves one spare entry */
    tune->iothreadids = g_renew(virDomainIOThreadDef, tune->iothreadids,
                                tune->niothreadids + 2);
    io = &tune->iothreadids[tune->niothreadids++];
    memset(io, 0, 2 * sizeof(*io));
    io->id = id;
    io->poolMin = -1;
    io->poolMax = -1;
    tune->niothreads = tune->niothreadids;
    return io;
}


void
virDomainIOThreadDel(virDomainVcpuTuneDef *tune, unsigned int id)
{
    size_t i, j;

    for (i = 0; i < tune->niothreadids; i++) {
        if (tune->iothreadids[i].id != id)
            continue;
        /* the ids after a gap can no longer be made up from a count */
        for (j = i + 1; j < tune->niothreadids; j++)
            tune->iothreadids[j].autofill = false;
        g_free(tune->iothreadids[i].cpuset);
        memmove(&tune->iothreadids[i], &tune->iothreadids[i + 1],
                (tune->niothreadids - i) * sizeof(*tune->iothreadids));
        tune->niothreads = --tune->niothreadids;
        return;
    }
}


static char *
virDomainPinParseCpuset(xmlNodePtr node, const char *what)
{
    g_autofree char *str = virXMLPropString(node, "cpuset");
    g_autofree char *canon = NULL;

    if (!str) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "missing cpuset for %s", what);
        return NULL;
    }
    if (!(canon = virDomainBitmapCanonical(str, true)))
        return NULL;
    if (!*canon) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Invalid value of 'cpuset': %s", str);
        return NULL;
    }
    return g_steal_pointer(&canon);
}


static int
virDomainPinsParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr node;
    unsigned int id;
    size_t i;
    int n;

    tune->vcpupin = g_new0(char *, tune->maxvcpus + 1);
    if ((n = virXPathNodeSet("./cputune/vcpupin", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        if (virXMLPropUInt(nodes[i], "vcpu", 10, VIR_XML_PROP_REQUIRED, &id) < 0)
            return -1;
        if (id >= tune->maxvcpus) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "vcpu id must be lower than maxvcpus");
            return -1;
        }
        if (tune->vcpupin[id]) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "duplicate vcpupin for vcpu '%u'", id);
            return -1;
        }
        if (!(tune->vcpupin[id] = virDomainPinParseCpuset(nodes[i], "vcpupin")))
            return -1;
    }
    g_clear_pointer(&nodes, g_free);

    if ((node = virXPathNode("./cputune/emulatorpin", ctxt)) &&
        !(tune->emulatorpin = virDomainPinParseCpuset(node, "emulatorpin")))
        return -1;

    if ((n = virXPathNodeSet("./cputune/iothreadpin", ctxt, &nodes)) < 0)
        return -1;
    for (i = 0; i < n; i++) {
        virDomainIOThreadDef *io;

        if (virXMLPropUInt(nodes[i], "iothread", 10,
                           VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO, &id) < 0)
            return -1;
        if (!(io = virDomainIOThreadFind(tune, id))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "Cannot find 'iothread' : %u", id);
            return -1;
        }
        if (io->cpuset) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "duplicate iothreadpin for same iothread '%u'", id);
            return -1;
        }
        if (!(io->cpuset = virDomainPinParseCpuset(nodes[i], "iothreadpin")))
            return -1;
    }
    return 0;
}


static int
virDomainSchedParseOne(xmlNodePtr node, const char *listAttr,
                       virDomainSchedDef *sched)
{
    g_autofree char *list = NULL;
    int rc;

    if (listAttr) {
        if (!(list = virXMLPropStringRequired(node, listAttr)) ||
            !(sched->vcpus = virDomainBitmapCanonical(list, false)))
            return -1;
    }
    if (virXMLPropEnum(node, "scheduler", virDomainSchedPolicyTypeFromString,
                       VIR_XML_PROP_REQUIRED, &sched->policy) < 0)
        return -1;
    if ((rc = virXMLPropInt(node, "priority", 10, VIR_XML_PROP_NONE,
                            &sched->priority, 0)) < 0)
        return -1;
    sched->hasPriority = rc > 0;
    return 0;
}


static int
virDomainSchedsParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    xmlNodePtr node;
    size_t i;
    int n;

    if ((n = virXPathNodeSet("./cputune/vcpusched", ctxt, &nodes)) < 0)
        return -1;
    tune->vcpusched = g_new0(virDomainSchedDef, n + 1);
    for (i = 0; i < n; i++, tune->nvcpusched++) {
        if (virDomainSchedParseOne(nodes[i], "vcpus", &tune->vcpusched[i]) < 0)
            return -1;
    }
    g_clear_pointer(&nodes, g_free);
    if ((n = virXPathNodeSet("./cputune/iothreadsched", ctxt, &nodes)) < 0)
        return -1;
    tune->iothreadsched = g_new0(virDomainSchedDef, n + 1);
    for (i = 0; i < n; i++, tune->niothreadsched++) {
        if (virDomainSchedParseOne(nodes[i], "iothreads", &tune->iothreadsched[i]) < 0)
            return -1;
    }
    if ((node = virXPathNode("./cputune/emulatorsched", ctxt))) {
        tune->emulatorsched = g_new0(virDomainSchedDef, 1);
        if (virDomainSchedParseOne(node, NULL, tune->emulatorsched) < 0)
            return -1;
    }
    return 0;
}


static int
virDomainCputuneNumbersParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt)
{
    static const struct {
        const char *name;
        size_t offset;
        bool isSigned;
    } fields[] = {
        { "period", offsetof(virDomainVcpuTuneDef, period), false },
        { "quota", offsetof(virDomainVcpuTuneDef, quota), true },
        { "global_period", offsetof(virDomainVcpuTuneDef, globalPeriod), false },
        { "global_quota", offsetof(virDomainVcpuTuneDef, globalQuota), true },
        { "emulator_period", offsetof(virDomainVcpuTuneDef, emulatorPeriod), false },
        { "emulator_quota", offsetof(virDomainVcpuTuneDef, emulatorQuota), true },
        { "iothread_period", offsetof(virDomainVcpuTuneDef, iothreadPeriod), false },
        { "iothread_quota", offsetof(virDomainVcpuTuneDef, iothreadQuota), true },
    };
    size_t i;
    int rc;

    if ((rc = virXPathULongLong("string(./cputune/shares[1])", ctxt, &tune->shares)) == -2) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "can't parse cputune shares value");
        return -1;
    }
    tune->sharesSpecified = rc == 0;
    for (i = 0; i < G_N_ELEMENTS(fields); i++) {
        g_autofree char *xpath = g_strdup_printf("string(./cputune/%s[1])",
                                                 fields[i].name);
        char *field = (char *)tune + fields[i].offset;

        if (fields[i].isSigned)
            rc = virXPathLongLong(xpath, ctxt, (long long *)field);
        else
            rc = virXPathULongLong(xpath, ctxt, (unsigned long long *)field);
        if (rc == -2) {
            virReportError(VIR_ERR_XML_ERROR, "can't parse cputune %s value",
                           fields[i].name);
            return -1;
        }
    }
    return 0;
}


int
virDomainVcpuTuneParseXML(virDomainVcpuTuneDef *tune, xmlXPathContextPtr ctxt,
                          unsigned int flags)
{
    if (virDomainVcpuParseXML(tune, ctxt) < 0 ||
        virDomainVcpusParseXML(tune, ctxt) < 0 ||
        virDomainIOThreadsParseXML(tune, ctxt) < 0 ||
        virDomainCputuneNumbersParseXML(tune, ctxt) < 0 ||
        virDomainPinsParseXML(tune, ctxt) < 0 ||
        virDomainSchedsParseXML(tune, ctxt) < 0 ||
        virDomainResctrlParseXML(tune, ctxt, flags) < 0)
        return -1;
    return 0;
}


void
virDomainVcpuFormat(virBuffer *buf, const virDomainVcpuTuneDef *tune)
{
    g_auto(virBuffer) idsBuf = VIR_BUFFER_INIT_CHILD(buf);
    bool formatIds = false;
    size_t i;

    virBufferAsprintf(buf, "<vcpu placement='%s'",
                      virDomainCpuPlacementTypeToString(tune->placement));
    virBufferEscapeString(buf, " cpuset='%s'", tune->cpuset);
    if (tune->current != tune->maxvcpus)
        virBufferAsprintf(buf, " current='%u'", tune->current);
    virBufferAsprintf(buf, ">%u</vcpu>\n", tune->maxvcpus);
    if (tune->individual) {
        virBufferAddLit(buf, "<vcpus>\n");
        for (i = 0; i < tune->maxvcpus; i++) {
            const virDomainVcpuState *state = &tune->states[i];

            virBufferAsprintf(buf, "  <vcpu id='%zu' enabled='%s'", i,
                              state->online ? "yes" : "no");
            if (state->hotpluggable)
                virBufferAsprintf(buf, " hotpluggable='%s'",
                                  virTristateBoolTypeToString(state->hotpluggable));
            if (state->order)
                virBufferAsprintf(buf, " order='%u'", state->order);
            virBufferAddLit(buf, "/>\n");
        }
        virBufferAddLit(buf, "</vcpus>\n");
    }

    if (tune->niothreadids)
        virBufferAsprintf(buf, "<iothreads>%zu</iothreads>\n", tune->niothreadids);
    for (i = 0; i < tune->niothreadids; i++) {
        const virDomainIOThreadDef *io = &tune->iothreadids[i];

        formatIds |= !io->autofill || io->poolMin >= 0 || io->poolMax >= 0;
    }
    if (!formatIds)
        return;
    for (i = 0; i < tune->niothreadids; i++) {
        const virDomainIOThreadDef *io = &tune->iothreadids[i];

        virBufferAsprintf(&idsBuf, "<iothread id='%u'", io->id);
        if (io->poolMin >= 0)
            virBufferAsprintf(&idsBuf, " thread_pool_min='%d'", io->poolMin);
        if (io->poolMax >= 0)
            virBufferAsprintf(&idsBuf, " thread_pool_max='%d'", io->poolMax);
        virBufferAddLit(&idsBuf, "/>\n");
    }
    virBufferFormatElement(buf, "iothreadids", NULL, &idsBuf);
}


static void
virDomainSchedFormat(virBuffer *buf, const char *name, const char *listAttr,
                     const virDomainSchedDef *sched)
{
    virBufferAsprintf(buf, "<%ssched", name);
    if (listAttr)
        virBufferAsprintf(buf, " %s='%s'", listAttr, sched->vcpus);
    virBufferAsprintf(buf, " scheduler='%s'",
                      virDomainSchedPolicyTypeToString(sched->policy));
    if (sched->hasPriority)
        virBufferAsprintf(buf, " priority='%d'", sched->priority);
    virBufferAddLit(buf, "/>\n");
}


void
virDomainCputuneFormat(virBuffer *buf, const virDomainVcpuTuneDef *tune,
                       unsigned int flags)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    if (tune->sharesSpecified)
        virBufferAsprintf(&childBuf, "<shares>%llu</shares>\n", tune->shares);
#define FORMAT_NUM(field, name, fmt) \
    if (tune->field) \
        virBufferAsprintf(&childBuf, "<" name ">" fmt "</" name ">\n", tune->field)
    FORMAT_NUM(period, "period", "%llu");
    FORMAT_NUM(quota, "quota", "%lld");
    FORMAT_NUM(globalPeriod, "global_period", "%llu");
    FORMAT_NUM(globalQuota, "global_quota", "%lld");
    FORMAT_NUM(emulatorPeriod, "emulator_period", "%llu");
    FORMAT_NUM(emulatorQuota, "emulator_quota", "%lld");
    FORMAT_NUM(iothreadPeriod, "iothread_period", "%llu");
    FORMAT_NUM(iothreadQuota, "iothread_quota", "%lld");
#undef FORMAT_NUM
    for (i = 0; tune->vcpupin && i < tune->maxvcpus; i++) {
        if (tune->vcpupin[i])
            virBufferAsprintf(&childBuf, "<vcpupin vcpu='%zu' cpuset='%s'/>\n",
                              i, tune->vcpupin[i]);
    }
    if (tune->emulatorpin)
        virBufferAsprintf(&childBuf, "<emulatorpin cpuset='%s'/>\n", tune->emulatorpin);
    for (i = 0; i < tune->niothreadids; i++) {
        if (tune->iothreadids[i].cpuset)
            virBufferAsprintf(&childBuf, "<iothreadpin iothread='%u' cpuset='%s'/>\n",
                              tune->iothreadids[i].id, tune->iothreadids[i].cpuset);
    }
    if (tune->emulatorsched)
        virDomainSchedFormat(&childBuf, "emulator", NULL, tune->emulatorsched);
    for (i = 0; i < tune->nvcpusched; i++)
        virDomainSchedFormat(&childBuf, "vcpu", "vcpus", &tune->vcpusched[i]);
    for (i = 0; i < tune->niothreadsched; i++)
        virDomainSchedFormat(&childBuf, "iothread", "iothreads", &tune->iothreadsched[i]);
    virDomainResctrlFormat(&childBuf, tune, flags);
    virBufferFormatElement(buf, "cputune", NULL, &childBuf);
}
