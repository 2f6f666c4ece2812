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

/* Single entries, for virNetworkUpdate (network_update.c).  With
 * @partialOkay the entry only has to identify an existing one (a
 * delete), so fewer attributes are required. */
void virNetworkDHCPHostDefClear(virNetworkDHCPHostDef *def);
int virNetworkDHCPHostDefParseXML(const char *networkName, virNetworkIPDef *ipdef,
                                  xmlNodePtr node, virNetworkDHCPHostDef *host,
                                  bool partialOkay);
int virNetworkDHCPRangeDefParseXML(const char *networkName, virNetworkIPDef *ipdef,
                                   xmlNodePtr node, virNetworkDHCPRangeDef *range);
void virNetworkDNSHostDefClear(virNetworkDNSHostDef *def);
int virNetworkDNSHostDefParseXML(const char *networkName, xmlNodePtr node,
                                 virNetworkDNSHostDef *def, bool partialOkay);
void virNetworkDNSSrvDefClear(virNetworkDNSSrvDef *def);
int virNetworkDNSSrvDefParseXML(const char *networkName, xmlNodePtr node,
                                xmlXPathContextPtr ctxt, virNetworkDNSSrvDef *def,
                                bool partialOkay);
void virNetworkDNSTxtDefClear(virNetworkDNSTxtDef *def);
int virNetworkDNSTxtDefParseXML(const char *networkName, xmlNodePtr node,
                                virNetworkDNSTxtDef *def, bool partialOkay);

/* network_conf.c: <portgroup> */
void virPortGroupDefClear(virPortGroupDef *def);
/* Fill @def, part of an array; on failure it is cleared. */
int virPortGroupDefParseXML(virPortGroupDef *def, xmlNodePtr node,
                            xmlXPathContextPtr ctxt);
