/*
 * network_update.h: changing one section of a <network> definition in
 * place, the document side of virNetworkUpdate.
 */
#pragma once

#include "conf/network_conf.h"

/*
 * Apply @command (virNetworkUpdateCommand) with the element @xml to
 * @section (virNetworkUpdateSection) of @def; @parentIndex picks the
 * <ip> of DHCP sections (-1: the one that has DHCP).  The sections
 * libvirt 9.0.0 can change: ip-dhcp-host, ip-dhcp-range,
 * forward-interface, portgroup, dns-host, dns-txt, dns-srv; the others
 * fail with VIR_ERR_OPERATION_UNSUPPORTED.  On failure @def may be half
 * changed: work on a copy.
 */
int virNetworkDefUpdateSection(virNetworkDef *def, unsigned int command,
                               unsigned int section, int parentIndex,
                               const char *xml, unsigned int flags);
