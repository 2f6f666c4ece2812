/*
 * clock.c: <clock offset=''> and its <timer> children.
 */
#include "internal.h"
#include "conf/domain/clock.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainClockOffset);
VIR_ENUM_IMPL(virDomainClockOffset, VIR_DOMAIN_CLOCK_OFFSET_LAST,
              "utc", "localtime", "variable", "timezone", "absolute");

enum { CLOCK_BASIS_UTC, CLOCK_BASIS_LOCALTIME, CLOCK_BASIS_LAST };
VIR_ENUM_DECL(virDomainClockBasis);
VIR_ENUM_IMPL(virDomainClockBasis, CLOCK_BASIS_LAST, "utc", "localtime");

VIR_ENUM_DECL(virDomainTimerName);
VIR_ENUM_IMPL(virDomainTimerName, VIR_DOMAIN_TIMER_NAME_LAST,
              "platform", "pit", "rtc", "hpet", "tsc", "kvmclock",
              "hypervclock", "armvtimer");

enum { TIMER_TRACK_LAST = 5, TIMER_TICKPOLICY_LAST = 5, TIMER_MODE_LAST = 6 };
VIR_ENUM_DECL(virDomainTimerTrack);
VIR_ENUM_IMPL(virDomainTimerTrack, TIMER_TRACK_LAST,
              "none", "boot", "guest", "wall", "realtime");
VIR_ENUM_DECL(virDomainTimerTickpolicy);
VIR_ENUM_IMPL(virDomainTimerTickpolicy, TIMER_TICKPOLICY_LAST,
              "none", "delay", "catchup", "merge", "discard");
VIR_ENUM_DECL(virDomainTimerMode);
VIR_ENUM_IMPL(virDomainTimerMode, TIMER_MODE_LAST,
              "none", "auto", "native", "emulate", "paravirt", "smpsafe");

void
virDomainClockDefClear(virDomainClockDef *clock)
{
    size_t i;

    for (i = 0; i < clock->ntimers; i++)
        g_free(clock->timers[i]);
    g_free(clock->timers);
    g_free(clock->timezone);
    memset(clock, 0, sizeof(*clock));
}


static virDomainTimerDef *
virDomainTimerParseXML(xmlNodePtr node)
{
    g_autofree virDomainTimerDef *def = g_new0(virDomainTimerDef, 1);
    xmlNodePtr catchup;

    if (virXMLPropEnum(node, "name", virDomainTimerNameTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->name) < 0 ||
        virXMLPropTristateBool(node, "present", VIR_XML_PROP_NONE,
                               &def->present) < 0 ||
        virXMLPropEnum(node, "tickpolicy", virDomainTimerTickpolicyTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->tickpolicy) < 0 ||
        virXMLPropEnum(node, "track", virDomainTimerTrackTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->track) < 0 ||
        virXMLPropULongLong(node, "frequency", 10, VIR_XML_PROP_NONE,
                            &def->frequency) < 0 ||
        virXMLPropEnum(node, "mode", virDomainTimerModeTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->mode) < 0)
        return NULL;

    if ((catchup = virXMLNodeGetSubelement(node, "catchup")) &&
        (virXMLPropULongLong(catchup, "threshold", 10, VIR_XML_PROP_NONE,
                             &def->catchupThreshold) < 0 ||
         virXMLPropULongLong(catchup, "slew", 10, VIR_XML_PROP_NONE,
                             &def->catchupSlew) < 0 ||
         virXMLPropULongLong(catchup, "limit", 10, VIR_XML_PROP_NONE,
                             &def->catchupLimit) < 0))
        return NULL;
    return g_steal_pointer(&def);
}


static int
virDomainClockOffsetParseXML(virDomainClockDef *clock, xmlNodePtr node)
{
    g_autofree char *adj = virXMLPropString(node, "adjustment");
    g_autofree char *basis = NULL;

    switch (clock->offset) {
    case VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME:
    case VIR_DOMAIN_CLOCK_OFFSET_UTC:
        if (!adj)
            return 0;
        if (STREQ(adj, "reset")) {
            clock->utcReset = true;
            return 0;
        }
        if (virStrToLong_ll(adj, NULL, 10, &clock->adjustment) < 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown clock adjustment '%s'", adj);
            return -1;
        }
        /* a numeric adjustment turns utc/localtime into 'variable' */
        clock->basis = clock->offset == VIR_DOMAIN_CLOCK_OFFSET_UTC ?
            CLOCK_BASIS_UTC : CLOCK_BASIS_LOCALTIME;
        clock->offset = VIR_DOMAIN_CLOCK_OFFSET_VARIABLE;
        return 0;
    case VIR_DOMAIN_CLOCK_OFFSET_VARIABLE:
        if (adj && virStrToLong_ll(adj, NULL, 10, &clock->adjustment) < 0)
            clock->adjustment = 0;
        if (virXMLPropLongLong(node, "adjustment0", 10, VIR_XML_PROP_NONE,
                               &clock->adjustment0, 0) < 0)
            clock->adjustment0 = 0;
        if ((basis = virXMLPropString(node, "basis")) &&
            (clock->basis = virDomainClockBasisTypeFromString(basis)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown clock basis '%s'", basis);
            return -1;
        }
        return 0;
    case VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE:
        if (!(clock->timezone = virXMLPropString(node, "timezone"))) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing 'timezone' attribute for clock with offset='timezone'");
            return -1;
        }
        return 0;
    case VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE:
        if (virXMLPropULongLong(node, "start", 10, VIR_XML_PROP_NONE,
                                &clock->start) <= 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing 'start' attribute for clock with offset='absolute'");
            return -1;
        }
        return 0;
    }
    return 0;
}


int
virDomainClockParseXML(virDomainClockDef *clock, xmlXPathContextPtr ctxt)
{
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *offset = NULL;
    xmlNodePtr node;
    int n;
    size_t i;

    if (!(node = virXPathNode("./clock", ctxt)))
        return 0;
    if ((offset = virXMLPropString(node, "offset")) &&
        (clock->offset = virDomainClockOffsetTypeFromString(offset)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown clock offset '%s'", offset);
        return -1;
    }
    if (virDomainClockOffsetParseXML(clock, node) < 0)
        return -1;

    if ((n = virXPathNodeSet("./clock/timer", ctxt, &nodes)) < 0)
        return -1;
    clock->timers = g_new0(virDomainTimerDef *, n + 1);
    for (i = 0; i < n; i++) {
        if (!(clock->timers[i] = virDomainTimerParseXML(nodes[i])))
            return -1;
        clock->ntimers++;
    }
    return 0;
}


static void
virDomainTimerFormat(virBuffer *buf, const virDomainTimerDef *def)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) catchupBuf = VIR_BUFFER_INITIALIZER;

    virBufferAsprintf(&attrBuf, " name='%s'", virDomainTimerNameTypeToString(def->name));
    if (def->present)
        virBufferAsprintf(&attrBuf, " present='%s'",
                          virTristateBoolTypeToString(def->present));
    if (def->tickpolicy)
        virBufferAsprintf(&attrBuf, " tickpolicy='%s'",
                          virDomainTimerTickpolicyTypeToString(def->tickpolicy));
    if (def->track)
        virBufferAsprintf(&attrBuf, " track='%s'",
                          virDomainTimerTrackTypeToString(def->track));
    if (def->name == VIR_DOMAIN_TIMER_NAME_TSC) {
        if (def->frequency)
            virBufferAsprintf(&attrBuf, " frequency='%llu'", def->frequency);
        if (def->mode)
            virBufferAsprintf(&attrBuf, " mode='%s'",
                              virDomainTimerModeTypeToString(def->mode));
    }
    if (def->catchupThreshold)
        virBufferAsprintf(&catchupBuf, " threshold='%llu'", def->catchupThreshold);
    if (def->catchupSlew)
        virBufferAsprintf(&catchupBuf, " slew='%llu'", def->catchupSlew);
    if (def->catchupLimit)
        virBufferAsprintf(&catchupBuf, " limit='%llu'", def->catchupLimit);
    virBufferFormatElement(&childBuf, "catchup", &catchupBuf, NULL);
    virBufferFormatElement(buf, "timer", &attrBuf, &childBuf);
}


void
virDomainClockFormat(virBuffer *buf, const virDomainClockDef *clock)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    virBufferAsprintf(&attrBuf, " offset='%s'",
                      virDomainClockOffsetTypeToString(clock->offset));
    switch (clock->offset) {
    case VIR_DOMAIN_CLOCK_OFFSET_LOCALTIME:
    case VIR_DOMAIN_CLOCK_OFFSET_UTC:
        if (clock->utcReset)
            virBufferAddLit(&attrBuf, " adjustment='reset'");
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_VARIABLE:
        virBufferAsprintf(&attrBuf, " adjustment='%lld' basis='%s'",
                          clock->adjustment,
                          virDomainClockBasisTypeToString(clock->basis));
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_TIMEZONE:
        virBufferEscapeString(&attrBuf, " timezone='%s'", clock->timezone);
        break;
    case VIR_DOMAIN_CLOCK_OFFSET_ABSOLUTE:
        virBufferAsprintf(&attrBuf, " start='%llu'", clock->start);
        break;
    }
    for (i = 0; i < clock->ntimers; i++)
        virDomainTimerFormat(&childBuf, clock->timers[i]);
    virBufferFormatElement(buf, "clock", &attrBuf, &childBuf);
}
