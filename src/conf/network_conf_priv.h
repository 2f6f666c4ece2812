/*
 * network_conf_priv.h: what network_conf.c and network_ipdns_conf.c share
 * with each other and with nobody else.
 */
#pragma once

#include "conf/network_conf.h"

/* network_ipdns_conf.c: <ip> */
void virNetworkIPDefClear(virNetworkIPDef *def);
/* Fill @def, part of an array; on failure it is cleared. */
int virNetworkIPDefParseXML(const char *networkName, xmlNodePtr node,
                            xmlXPathContextPtr ctxt, virNetworkIPDef *def);
/* " name='addr'" if @addr is set. */
int virNetworkFormatAddrAttr(virBuffer *buf, const char *name,
                             const virSocketAddr *addr);
int virNetworkIPDefFormat(virBuffer *buf, const virNetworkIPDef *def);

/* network_ipdns_conf.c: <dns> */
void virNetworkDNSDefClear(virNetworkDNSDef *def);
/* Fill @def; on failure it is cleared. */
int virNetworkDNSDefParseXML(const char *networkName, xmlNodePtr node,
                             xmlXPathContextPtr ctxt, virNetworkDNSDef *def);
int virNetworkDNSDefFormat(virBuffer *buf, const virNetworkDNSDef *def);
