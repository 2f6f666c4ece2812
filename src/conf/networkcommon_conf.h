/*
 * networkcommon_conf.h: elements that networks, network ports and
 * interfaces share: PCI host device <address> and static <route>.
 */
#pragma once

#include <stdbool.h>

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virenum.h"
#include "util/virsocketaddr.h"
#include "util/virxml.h"

/* ---- PCI host device addresses ---- */

typedef struct {
    unsigned int domain;
    unsigned int bus;
    unsigned int slot;
    unsigned int function;
    virTristateSwitch multi;
} virPCIDeviceAddress;

int virPCIDeviceAddressParseXML(xmlNodePtr node, virPCIDeviceAddress *addr);
/* <address [type='pci'] domain= bus= slot= function=/> */
void virPCIDeviceAddressFormat(virBuffer *buf, virPCIDeviceAddress addr,
                               bool includeTypeInAddr);
bool virPCIDeviceAddressEqual(const virPCIDeviceAddress *addr1,
                              const virPCIDeviceAddress *addr2);

/* ---- static routes: <route> of networks and interfaces ---- */

typedef struct _virNetDevIPRoute virNetDevIPRoute;
struct _virNetDevIPRoute {
    char *family;               /* "ipv4", "ipv6" or NULL */
    virSocketAddr address;      /* network address */
    virSocketAddr netmask;      /* IPv4 only, or ... */
    unsigned int prefix;        /* ... a prefix */
    bool has_prefix;
    unsigned int metric;
    bool has_metric;
    virSocketAddr gateway;
};

void virNetDevIPRouteFree(virNetDevIPRoute *def);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNetDevIPRoute, virNetDevIPRouteFree);

/* @errorDetail starts each message (libvirt passes the network name). */
virNetDevIPRoute *virNetDevIPRouteParseXML(const char *errorDetail,
                                           xmlNodePtr node);
int virNetDevIPRouteFormat(virBuffer *buf, const virNetDevIPRoute *def);
