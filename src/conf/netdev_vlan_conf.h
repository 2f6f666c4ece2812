/*
 * netdev_vlan_conf.h: <vlan [trunk='yes']><tag id='N' [nativeMode=]/>
 * ...</vlan>, as used by networks, portgroups, network ports and domain
 * interfaces.
 */
#pragma once

#include <stdbool.h>
#include <libxml/xpath.h>

#include "util/virbuffer.h"
#include "util/virenum.h"

typedef enum {
    VIR_NATIVE_VLAN_MODE_DEFAULT = 0,
    VIR_NATIVE_VLAN_MODE_TAGGED,
    VIR_NATIVE_VLAN_MODE_UNTAGGED,

    VIR_NATIVE_VLAN_MODE_LAST
} virNativeVlanMode;
VIR_ENUM_DECL(virNativeVlanMode);

typedef struct {
    bool trunk;
    int nTags;                  /* 0: no <vlan> */
    unsigned int *tag;
    virNativeVlanMode nativeMode;
    unsigned int nativeTag;
} virNetDevVlan;

/* Free the content of @vlan and zero it. */
void virNetDevVlanClear(virNetDevVlan *vlan);

/* Parse the <vlan> @node into @def (zeroed on failure); 0 or -1. */
int virNetDevVlanParse(xmlNodePtr node, xmlXPathContextPtr ctxt,
                       virNetDevVlan *def);

/* Nothing when @def has no tags. */
void virNetDevVlanFormat(const virNetDevVlan *def, virBuffer *buf);
