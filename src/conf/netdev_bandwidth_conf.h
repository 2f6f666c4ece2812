/*
 * netdev_bandwidth_conf.h: <bandwidth> with <inbound>/<outbound> rates,
 * as used by networks, portgroups, network ports and domain interfaces.
 */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "util/virbuffer.h"

typedef struct {
    unsigned long long average;     /* kilobytes/s */
    unsigned long long peak;        /* kilobytes/s */
    unsigned long long floor;       /* kilobytes/s, inbound only */
    unsigned long long burst;       /* kibibytes */
} virNetDevBandwidthRate;

typedef struct _virNetDevBandwidth virNetDevBandwidth;
struct _virNetDevBandwidth {
    virNetDevBandwidthRate *in;
    virNetDevBandwidthRate *out;
};

void virNetDevBandwidthFree(virNetDevBandwidth *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetDevBandwidth, virNetDevBandwidthFree);

/*
 * Parse the <bandwidth> @node into *@bandwidth (left NULL when it holds
 * no rate).  @class_id receives classID='N'; with @class_id NULL the
 * attribute is refused.  @allowFloor permits inbound floor='N'.
 * Returns 0, or -1 with an error reported.
 */
int virNetDevBandwidthParse(virNetDevBandwidth **bandwidth,
                            unsigned int *class_id,
                            xmlNodePtr node,
                            bool allowFloor);

/* Nothing for @def NULL; @class_id 0 is not written. */
void virNetDevBandwidthFormat(const virNetDevBandwidth *def,
                              unsigned int class_id,
                              virBuffer *buf);
