/*
 * netdev_vport_profile_conf.h: <virtualport type='...'><parameters .../>
 * </virtualport>, as used by networks, portgroups, network ports and
 * domain interfaces.
 */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <libxml/tree.h>

#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/viruuid.h"

typedef enum {
    VIR_NETDEV_VPORT_PROFILE_NONE = 0,
    VIR_NETDEV_VPORT_PROFILE_8021QBG,
    VIR_NETDEV_VPORT_PROFILE_8021QBH,
    VIR_NETDEV_VPORT_PROFILE_OPENVSWITCH,
    VIR_NETDEV_VPORT_PROFILE_MIDONET,

    VIR_NETDEV_VPORT_PROFILE_LAST
} virNetDevVPortProfileType;
VIR_ENUM_DECL(virNetDevVPort);

#define VIR_NETDEV_VPORT_PROFILE_ID_MAX 40     /* with the NUL */

typedef struct _virNetDevVPortProfile virNetDevVPortProfile;
struct _virNetDevVPortProfile {
    virNetDevVPortProfileType virtPortType;
    /* 802.1Qbg */
    uint8_t managerID;
    bool managerID_specified;
    uint32_t typeID;            /* 24 bits */
    bool typeID_specified;
    uint8_t typeIDVersion;
    bool typeIDVersion_specified;
    unsigned char instanceID[VIR_UUID_BUFLEN];
    bool instanceID_specified;
    /* 802.1Qbh, openvswitch: "" when unset */
    char profileID[VIR_NETDEV_VPORT_PROFILE_ID_MAX];
    /* openvswitch, midonet */
    unsigned char interfaceID[VIR_UUID_BUFLEN];
    bool interfaceID_specified;
    /* with type none, any of them may be set */
};

typedef enum {
    /* make up instanceid / interfaceid where the type uses them */
    VIR_VPORT_XML_GENERATE_MISSING_DEFAULTS = 1 << 0,
    /* refuse a profile missing a parameter its type needs */
    VIR_VPORT_XML_REQUIRE_ALL_ATTRIBUTES = 1 << 1,
    /* refuse <virtualport> without type */
    VIR_VPORT_XML_REQUIRE_TYPE = 1 << 2,
} virNetDevVPortXMLFlags;

/* Parse the <virtualport> @node; NULL with an error reported.  Free the
 * result with g_free. */
virNetDevVPortProfile *virNetDevVPortProfileParse(xmlNodePtr node,
                                                  unsigned int flags);

/* Nothing for NULL, or for type none without parameters. */
void virNetDevVPortProfileFormat(const virNetDevVPortProfile *virtPort,
                                 virBuffer *buf);

/* Refuse a profile missing a parameter its type requires
 * (@generateMissing makes up the UUIDs instead). */
int virNetDevVPortProfileCheckComplete(virNetDevVPortProfile *virtport,
                                       bool generateMissing);
/* Refuse parameters the profile's type does not use. */
int virNetDevVPortProfileCheckNoExtras(const virNetDevVPortProfile *virtport);

/* The profile a port gets: @fromInterface's attributes, then those of
 * @fromNetwork and @fromPortgroup it lacks; a type or attribute set to
 * two different values is an error (VIR_FROM_NET).  *@result is NULL
 * when none of the three has a type (then nothing is merged), else a
 * new profile to g_free. */
int virNetDevVPortProfileMerge3(virNetDevVPortProfile **result,
                                const virNetDevVPortProfile *fromInterface,
                                const virNetDevVPortProfile *fromNetwork,
                                const virNetDevVPortProfile *fromPortgroup);
