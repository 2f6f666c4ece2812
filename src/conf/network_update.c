/*
 * network_update.c: virNetworkUpdate's changes to one section of a
 * <network> definition (DHCP hosts and ranges, forward interfaces,
 * portgroups, DNS hosts, TXT and SRV records).
 *
 * Each section handler parses the one element it is given, finds the
 * entries it matches, and adds, replaces or removes one, with libvirt
 * 9.0.0's rules and messages.
 */
#include "internal.h"

#include "conf/network_conf.h"
#include "conf/network_conf_priv.h"
#include "conf/network_update.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NETWORK

typedef int (*virNetworkUpdateFunc)(virNetworkDef *def, unsigned int command,
                                    int parentIndex, xmlXPathContextPtr ctxt);

static bool
virNetworkUpdateIsAdd(unsigned int command)
{
    return command == VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST ||
           command == VIR_NETWORK_UPDATE_COMMAND_ADD_LAST;
}

/* Insert @elem (@size bytes) at the front or the end of *@array of *@n. */
static void
virNetworkUpdateInsert(void **array, size_t *n, size_t size, const void *elem,
                       bool first)
{
    char *base = g_realloc(*array, (*n + 1) * size);
    size_t at = first ? 0 : *n;

    memmove(base + (at + 1) * size, base + at * size, (*n - at) * size);
    memcpy(base + at * size, elem, size);
    *array = base;
    (*n)++;
}

/* Remove element @at (already cleared) from *@array of *@n. */
static void
virNetworkUpdateDelete(void **array, size_t *n, size_t size, size_t at)
{
    char *base = *array;

    memmove(base + at * size, base + (at + 1) * size, (*n - at - 1) * size);
    if (--(*n) == 0)
        g_clear_pointer(array, g_free);
}

#define UPDATE_INSERT(array, n, elem, command) \
    virNetworkUpdateInsert((void **)&(array), &(n), sizeof(*(array)), &(elem), \
                           (command) == VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST)
#define UPDATE_DELETE(array, n, at) \
    virNetworkUpdateDelete((void **)&(array), &(n), sizeof(*(array)), (at))

static int
virNetworkUpdateNoSupport(virNetworkDef *def, const char *section)
{
    virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                   "can't update '%s' section of network '%s'", section, def->name);
    return -1;
}

static int
virNetworkUpdateUnknownCommand(unsigned int command)
{
    virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                   "unrecognized network update command code %d", command);
    return -1;
}

static int
virNetworkUpdateCheckElementName(virNetworkDef *def, xmlNodePtr node,
                                 const char *section)
{
    if (!virXMLNodeNameEqual(node, section)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "unexpected element <%s>, expecting <%s>, while updating network '%s'",
                       node->name, section, def->name);
        return -1;
    }
    return 0;
}

/* MAC addresses as written, compared by value. */
static bool
virNetworkUpdateMacEqual(const char *a, const char *b)
{
    virMacAddr ma, mb;

    if (virMacAddrParse(a, &ma) < 0 || virMacAddrParse(b, &mb) < 0)
        return g_ascii_strcasecmp(a, b) == 0;
    return memcmp(&ma, &mb, sizeof(ma)) == 0;
}

/* The @n-th <ip> of @family (AF_UNSPEC: any). */
static virNetworkIPDef *
virNetworkUpdateIPByIndex(virNetworkDef *def, int family, size_t n)
{
    size_t i;

    for (i = 0; i < def->nips; i++) {
        if (family == AF_UNSPEC || VIR_SOCKET_ADDR_IS_FAMILY(&def->ips[i].address, family)) {
            if (n-- == 0)
                return &def->ips[i];
        }
    }
    return NULL;
}

/* The <ip> a DHCP change goes to: @parentIndex, or (-1) the one with
 * DHCP, else the first IPv4 one, else the first IPv6 one. */
static virNetworkIPDef *
virNetworkUpdateDHCPParent(virNetworkDef *def, int parentIndex)
{
    virNetworkIPDef *ipdef;
    size_t i;

    if (parentIndex >= 0) {
        if (!(ipdef = virNetworkUpdateIPByIndex(def, AF_UNSPEC, parentIndex)))
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't update dhcp host entry - no <ip> element found at index %d in network '%s'",
                           parentIndex, def->name);
        return ipdef;
    }
    for (i = 0; (ipdef = virNetworkUpdateIPByIndex(def, AF_UNSPEC, i)); i++) {
        if (ipdef->nranges || ipdef->nhosts)
            return ipdef;
    }
    if (!(ipdef = virNetworkUpdateIPByIndex(def, AF_INET, 0)))
        ipdef = virNetworkUpdateIPByIndex(def, AF_INET6, 0);
    if (!ipdef)
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "couldn't update dhcp host entry - no <ip> element found in network '%s'",
                       def->name);
    return ipdef;
}

/* DHCP may be on one <ip> per address family only. */
static int
virNetworkUpdateCheckMultiDHCP(virNetworkDef *def, virNetworkIPDef *ipdef)
{
    int family = VIR_SOCKET_ADDR_FAMILY(&ipdef->address);
    virNetworkIPDef *ip;
    size_t i;

    for (i = 0; (ip = virNetworkUpdateIPByIndex(def, family, i)); i++) {
        if (ip != ipdef && (ip->nranges || ip->nhosts)) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "dhcp is supported only for a single %s address on each network",
                           family == AF_INET ? "IPv4" : "IPv6");
            return -1;
        }
    }
    return 0;
}

/* ---- ip-dhcp-host ---- */

/* An existing entry sharing the MAC, IP or name of @host (modify, add). */
static size_t
virNetworkUpdateDHCPHostFindAny(virNetworkIPDef *ipdef, virNetworkDHCPHostDef *host)
{
    size_t i;

    for (i = 0; i < ipdef->nhosts; i++) {
        virNetworkDHCPHostDef *h = &ipdef->hosts[i];

        if ((host->mac && h->mac && virNetworkUpdateMacEqual(host->mac, h->mac)) ||
            (host->name && STREQ_NULLABLE(host->name, h->name)) ||
            (VIR_SOCKET_ADDR_VALID(&host->ip) && virSocketAddrEqual(&host->ip, &h->ip)))
            return i;
    }
    return ipdef->nhosts;
}

/* The entry matching every attribute @host gives (delete). */
static size_t
virNetworkUpdateDHCPHostFindAll(virNetworkIPDef *ipdef, virNetworkDHCPHostDef *host)
{
    size_t i;

    for (i = 0; i < ipdef->nhosts; i++) {
        virNetworkDHCPHostDef *h = &ipdef->hosts[i];

        if ((!host->mac || !h->mac || virNetworkUpdateMacEqual(host->mac, h->mac)) &&
            (!host->name || STREQ_NULLABLE(host->name, h->name)) &&
            (!VIR_SOCKET_ADDR_VALID(&host->ip) || virSocketAddrEqual(&host->ip, &h->ip)))
            return i;
    }
    return ipdef->nhosts;
}

static int
virNetworkUpdateDHCPHostApply(virNetworkDef *def, virNetworkIPDef *ipdef,
                              unsigned int command, virNetworkDHCPHostDef *host)
{
    g_autofree char *ip = NULL;
    size_t i;

    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        if ((i = virNetworkUpdateDHCPHostFindAny(ipdef, host)) == ipdef->nhosts) {
            ip = virSocketAddrFormat(&host->ip);
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate an existing dhcp host entry with \"mac='%s'\" \"name='%s'\" \"ip='%s'\" in network '%s'",
                           host->mac ? host->mac : "unknown", host->name,
                           ip ? ip : "unknown", def->name);
            return -1;
        }
        virNetworkDHCPHostDefClear(&ipdef->hosts[i]);
        ipdef->hosts[i] = *host;
    } else if (virNetworkUpdateIsAdd(command)) {
        if (virNetworkUpdateCheckMultiDHCP(def, ipdef) < 0)
            return -1;
        if (virNetworkUpdateDHCPHostFindAny(ipdef, host) < ipdef->nhosts) {
            ip = virSocketAddrFormat(&host->ip);
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing dhcp host entry in network '%s' that matches \"<host mac='%s' name='%s' ip='%s'/>\"",
                           def->name, host->mac ? host->mac : "unknown",
                           host->name, ip ? ip : "unknown");
            return -1;
        }
        UPDATE_INSERT(ipdef->hosts, ipdef->nhosts, *host, command);
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if ((i = virNetworkUpdateDHCPHostFindAll(ipdef, host)) == ipdef->nhosts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching dhcp host entry in network '%s'",
                           def->name);
            return -1;
        }
        virNetworkDHCPHostDefClear(&ipdef->hosts[i]);
        UPDATE_DELETE(ipdef->hosts, ipdef->nhosts, i);
        virNetworkDHCPHostDefClear(host);
    } else {
        return virNetworkUpdateUnknownCommand(command);
    }
    /* the entry now belongs to the definition (or is freed) */
    memset(host, 0, sizeof(*host));
    return 0;
}

static int
virNetworkUpdateDHCPHost(virNetworkDef *def, unsigned int command,
                         int parentIndex, xmlXPathContextPtr ctxt)
{
    virNetworkIPDef *ipdef = virNetworkUpdateDHCPParent(def, parentIndex);
    virNetworkDHCPHostDef host = { 0 };
    bool partialOkay = command == VIR_NETWORK_UPDATE_COMMAND_DELETE;
    int ret = -1;

    if (virNetworkUpdateCheckElementName(def, ctxt->node, "host") < 0 || !ipdef)
        goto cleanup;
    if (virNetworkDHCPHostDefParseXML(def->name, ipdef, ctxt->node, &host,
                                      partialOkay) < 0)
        goto cleanup;
    if (!partialOkay &&
        VIR_SOCKET_ADDR_FAMILY(&ipdef->address) != VIR_SOCKET_ADDR_FAMILY(&host.ip)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "the address family of a host entry IP must match the address family of the dhcp element's parent");
        goto cleanup;
    }
    ret = virNetworkUpdateDHCPHostApply(def, ipdef, command, &host);

 cleanup:
    virNetworkDHCPHostDefClear(&host);
    return ret;
}

/* ---- ip-dhcp-range ---- */

static int
virNetworkUpdateDHCPRange(virNetworkDef *def, unsigned int command,
                          int parentIndex, xmlXPathContextPtr ctxt)
{
    virNetworkIPDef *ipdef = virNetworkUpdateDHCPParent(def, parentIndex);
    virNetworkDHCPRangeDef range = { 0 };
    g_autofree char *startip = NULL;
    g_autofree char *endip = NULL;
    size_t i;

    if (virNetworkUpdateCheckElementName(def, ctxt->node, "range") < 0 || !ipdef)
        return -1;
    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "dhcp ranges cannot be modified, only added or deleted");
        return -1;
    }
    if (virNetworkDHCPRangeDefParseXML(def->name, ipdef, ctxt->node, &range) < 0)
        goto error;
    if (VIR_SOCKET_ADDR_FAMILY(&ipdef->address) != VIR_SOCKET_ADDR_FAMILY(&range.addr.start)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "the address family of a dhcp range must match the address family of the dhcp element's parent");
        goto error;
    }
    for (i = 0; i < ipdef->nranges; i++) {
        if (virSocketAddrEqual(&range.addr.start, &ipdef->ranges[i].addr.start) &&
            virSocketAddrEqual(&range.addr.end, &ipdef->ranges[i].addr.end))
            break;
    }

    if (virNetworkUpdateIsAdd(command)) {
        if (virNetworkUpdateCheckMultiDHCP(def, ipdef) < 0)
            goto error;
        if (i < ipdef->nranges) {
            startip = virSocketAddrFormat(&range.addr.start);
            endip = virSocketAddrFormat(&range.addr.end);
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing dhcp range entry in network '%s' that matches \"<range start='%s' end='%s'/>\"",
                           def->name, startip ? startip : "unknown",
                           endip ? endip : "unknown");
            goto error;
        }
        UPDATE_INSERT(ipdef->ranges, ipdef->nranges, range, command);
        return 0;
    }
    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (i == ipdef->nranges) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching dhcp range entry in network '%s'",
                           def->name);
            goto error;
        }
        g_free(ipdef->ranges[i].lease);
        UPDATE_DELETE(ipdef->ranges, ipdef->nranges, i);
        g_free(range.lease);
        return 0;
    }
    virNetworkUpdateUnknownCommand(command);

 error:
    g_free(range.lease);
    return -1;
}

/* ---- forward-interface ---- */

static int
virNetworkUpdateForwardInterface(virNetworkDef *def, unsigned int command,
                                 int parentIndex G_GNUC_UNUSED,
                                 xmlXPathContextPtr ctxt)
{
    virNetworkForwardDef *fwd = &def->forward;
    virNetworkForwardIfDef iface = { .type = VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV };
    g_autofree char *dev = NULL;
    size_t i;

    if (virNetworkUpdateCheckElementName(def, ctxt->node, "interface") < 0)
        return -1;
    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "forward interface entries cannot be modified, only added or deleted");
        return -1;
    }
    if (!(dev = virXMLPropString(ctxt->node, "dev"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing dev attribute in <interface> element");
        return -1;
    }
    for (i = 0; i < fwd->nifs; i++) {
        if (fwd->ifs[i].type == VIR_NETWORK_FORWARD_HOSTDEV_DEVICE_NETDEV &&
            STREQ(dev, fwd->ifs[i].device.dev))
            break;
    }

    if (virNetworkUpdateIsAdd(command)) {
        if (i < fwd->nifs) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is an existing interface entry in network '%s' that matches \"<interface dev='%s'>\"",
                           def->name, dev);
            return -1;
        }
        iface.device.dev = g_steal_pointer(&dev);
        UPDATE_INSERT(fwd->ifs, fwd->nifs, iface, command);
        return 0;
    }
    if (command != VIR_NETWORK_UPDATE_COMMAND_DELETE)
        return virNetworkUpdateUnknownCommand(command);
    if (i == fwd->nifs) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "couldn't find an interface entry in network '%s' matching <interface dev='%s'>",
                       def->name, dev);
        return -1;
    }
    if (fwd->ifs[i].connections > 0) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "unable to delete interface '%s' in network '%s'. It is currently being used  by %d domains.",
                       dev, def->name, fwd->ifs[i].connections);
        return -1;
    }
    g_free(fwd->ifs[i].device.dev);
    UPDATE_DELETE(fwd->ifs, fwd->nifs, i);
    return 0;
}

/* ---- portgroup ---- */

static int
virNetworkUpdatePortGroupCheck(virNetworkDef *def, unsigned int command,
                               virPortGroupDef *pg, int foundName, int foundDefault)
{
    if (foundName == -1 && (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY ||
                            command == VIR_NETWORK_UPDATE_COMMAND_DELETE)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "couldn't find a portgroup entry in network '%s' matching <portgroup name='%s'>",
                       def->name, pg->name);
        return -1;
    }
    if (foundName >= 0 && virNetworkUpdateIsAdd(command)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "there is an existing portgroup entry in network '%s' that matches \"<portgroup name='%s'>\"",
                       def->name, pg->name);
        return -1;
    }
    if (command != VIR_NETWORK_UPDATE_COMMAND_DELETE && pg->isDefault &&
        foundDefault >= 0 && foundDefault != foundName) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "a different portgroup entry in network '%s' is already set as the default. Only one default is allowed.",
                       def->name);
        return -1;
    }
    return 0;
}

static int
virNetworkUpdatePortGroup(virNetworkDef *def, unsigned int command,
                          int parentIndex G_GNUC_UNUSED, xmlXPathContextPtr ctxt)
{
    virPortGroupDef pg = { 0 };
    int foundName = -1, foundDefault = -1;
    int ret = -1;
    size_t i;

    if (virNetworkUpdateCheckElementName(def, ctxt->node, "portgroup") < 0)
        return -1;
    if (virPortGroupDefParseXML(&pg, ctxt->node, ctxt) < 0)
        return -1;
    for (i = 0; i < def->nPortGroups; i++) {
        if (STREQ(pg.name, def->portGroups[i].name))
            foundName = i;
        if (def->portGroups[i].isDefault)
            foundDefault = i;
    }
    if (virNetworkUpdatePortGroupCheck(def, command, &pg, foundName, foundDefault) < 0)
        goto cleanup;

    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        virPortGroupDefClear(&def->portGroups[foundName]);
        def->portGroups[foundName] = pg;
        memset(&pg, 0, sizeof(pg));
    } else if (virNetworkUpdateIsAdd(command)) {
        UPDATE_INSERT(def->portGroups, def->nPortGroups, pg, command);
        memset(&pg, 0, sizeof(pg));
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        virPortGroupDefClear(&def->portGroups[foundName]);
        UPDATE_DELETE(def->portGroups, def->nPortGroups, foundName);
    } else {
        virNetworkUpdateUnknownCommand(command);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    virPortGroupDefClear(&pg);
    return ret;
}

/* ---- dns-host, dns-srv, dns-txt ---- */

static int
virNetworkUpdateDNSNoModify(unsigned int command, const char *what)
{
    if (command != VIR_NETWORK_UPDATE_COMMAND_MODIFY)
        return 0;
    virReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                   "DNS %s records cannot be modified, only added or deleted", what);
    return -1;
}

/* Entries of @dns matching @host: by address, and (not when adding,
 * where several addresses may share a name) by any host name. */
static int
virNetworkUpdateDNSHostMatches(virNetworkDNSDef *dns, virNetworkDNSHostDef *host,
                               bool isAdd, int *foundIdx)
{
    int found = 0;
    size_t i, j, k;

    for (i = 0; i < dns->nhosts; i++) {
        bool match = virSocketAddrEqual(&host->ip, &dns->hosts[i].ip);

        for (j = 0; !isAdd && !match && j < host->nnames; j++) {
            for (k = 0; !match && k < dns->hosts[i].nnames; k++)
                match = STREQ(host->names[j], dns->hosts[i].names[k]);
        }
        if (match) {
            found++;
            *foundIdx = i;
        }
    }
    return found;
}

static int
virNetworkUpdateDNSHost(virNetworkDef *def, unsigned int command,
                        int parentIndex G_GNUC_UNUSED, xmlXPathContextPtr ctxt)
{
    virNetworkDNSDef *dns = &def->dns;
    virNetworkDNSHostDef host = { 0 };
    bool isAdd = virNetworkUpdateIsAdd(command);
    int foundIdx = -1, found;
    int ret = -1;

    if (virNetworkUpdateDNSNoModify(command, "HOST") < 0 ||
        virNetworkUpdateCheckElementName(def, ctxt->node, "host") < 0)
        return -1;
    if (virNetworkDNSHostDefParseXML(def->name, ctxt->node, &host, !isAdd) < 0)
        goto cleanup;
    found = virNetworkUpdateDNSHostMatches(dns, &host, isAdd, &foundIdx);

    if (isAdd) {
        if (found > 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is already at least one DNS HOST record with a matching field in network %s",
                           def->name);
            goto cleanup;
        }
        UPDATE_INSERT(dns->hosts, dns->nhosts, host, command);
        memset(&host, 0, sizeof(host));
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (found != 1) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           found ? "multiple matching DNS HOST records were found in network %s"
                                 : "couldn't locate a matching DNS HOST record in network %s",
                           def->name);
            goto cleanup;
        }
        virNetworkDNSHostDefClear(&dns->hosts[foundIdx]);
        UPDATE_DELETE(dns->hosts, dns->nhosts, foundIdx);
    } else {
        virNetworkUpdateUnknownCommand(command);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    virNetworkDNSHostDefClear(&host);
    return ret;
}

static int
virNetworkUpdateDNSSrv(virNetworkDef *def, unsigned int command,
                       int parentIndex G_GNUC_UNUSED, xmlXPathContextPtr ctxt)
{
    virNetworkDNSDef *dns = &def->dns;
    virNetworkDNSSrvDef srv = { 0 };
    bool isAdd = virNetworkUpdateIsAdd(command);
    int foundIdx = -1, found = 0;
    int ret = -1;
    size_t i;

    if (virNetworkUpdateDNSNoModify(command, "SRV") < 0 ||
        virNetworkUpdateCheckElementName(def, ctxt->node, "srv") < 0)
        return -1;
    if (virNetworkDNSSrvDefParseXML(def->name, ctxt->node, ctxt, &srv, !isAdd) < 0)
        goto cleanup;
    for (i = 0; i < dns->nsrvs; i++) {
        virNetworkDNSSrvDef *s = &dns->srvs[i];

        if ((!srv.domain || STREQ_NULLABLE(srv.domain, s->domain)) &&
            (!srv.service || STREQ_NULLABLE(srv.service, s->service)) &&
            (!srv.protocol || STREQ_NULLABLE(srv.protocol, s->protocol)) &&
            (!srv.target || STREQ_NULLABLE(srv.target, s->target))) {
            found++;
            foundIdx = i;
        }
    }

    if (isAdd) {
        if (found > 0) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is already at least one DNS SRV record matching all specified fields in network %s",
                           def->name);
            goto cleanup;
        }
        UPDATE_INSERT(dns->srvs, dns->nsrvs, srv, command);
        memset(&srv, 0, sizeof(srv));
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (found != 1) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           found ? "multiple DNS SRV records matching all specified fields were found in network %s"
                                 : "couldn't locate a matching DNS SRV record in network %s",
                           def->name);
            goto cleanup;
        }
        virNetworkDNSSrvDefClear(&dns->srvs[foundIdx]);
        UPDATE_DELETE(dns->srvs, dns->nsrvs, foundIdx);
    } else {
        virNetworkUpdateUnknownCommand(command);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    virNetworkDNSSrvDefClear(&srv);
    return ret;
}

static int
virNetworkUpdateDNSTxt(virNetworkDef *def, unsigned int command,
                       int parentIndex G_GNUC_UNUSED, xmlXPathContextPtr ctxt)
{
    virNetworkDNSDef *dns = &def->dns;
    virNetworkDNSTxtDef txt = { 0 };
    bool isAdd = virNetworkUpdateIsAdd(command);
    int ret = -1;
    size_t i;

    if (virNetworkUpdateDNSNoModify(command, "TXT") < 0 ||
        virNetworkUpdateCheckElementName(def, ctxt->node, "txt") < 0)
        return -1;
    if (virNetworkDNSTxtDefParseXML(def->name, ctxt->node, &txt, !isAdd) < 0)
        goto cleanup;
    for (i = 0; i < dns->ntxts; i++) {
        if (STREQ(txt.name, dns->txts[i].name))
            break;
    }

    if (isAdd) {
        if (i < dns->ntxts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "there is already a DNS TXT record with name '%s' in network %s",
                           txt.name, def->name);
            goto cleanup;
        }
        UPDATE_INSERT(dns->txts, dns->ntxts, txt, command);
        memset(&txt, 0, sizeof(txt));
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (i == dns->ntxts) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "couldn't locate a matching DNS TXT record in network %s",
                           def->name);
            goto cleanup;
        }
        virNetworkDNSTxtDefClear(&dns->txts[i]);
        UPDATE_DELETE(dns->txts, dns->ntxts, i);
    } else {
        virNetworkUpdateUnknownCommand(command);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    virNetworkDNSTxtDefClear(&txt);
    return ret;
}

/* ---- dispatch ---- */

/* Indexed by virNetworkUpdateSection; a NULL handler with a name: the
 * section cannot be changed. */
static const struct {
    const char *name;
    virNetworkUpdateFunc update;
} virNetworkUpdateSections[] = {
    [VIR_NETWORK_SECTION_BRIDGE] = { "bridge", NULL },
    [VIR_NETWORK_SECTION_DOMAIN] = { "domain", NULL },
    [VIR_NETWORK_SECTION_IP] = { "ip", NULL },
    [VIR_NETWORK_SECTION_IP_DHCP_HOST] = { "ip-dhcp-host", virNetworkUpdateDHCPHost },
    [VIR_NETWORK_SECTION_IP_DHCP_RANGE] = { "ip-dhcp-range", virNetworkUpdateDHCPRange },
    [VIR_NETWORK_SECTION_FORWARD] = { "forward", NULL },
    [VIR_NETWORK_SECTION_FORWARD_INTERFACE] = { "forward-interface",
                                                virNetworkUpdateForwardInterface },
    [VIR_NETWORK_SECTION_FORWARD_PF] = { "forward pf", NULL },
    [VIR_NETWORK_SECTION_PORTGROUP] = { "portgroup", virNetworkUpdatePortGroup },
    [VIR_NETWORK_SECTION_DNS_HOST] = { "dns-host", virNetworkUpdateDNSHost },
    [VIR_NETWORK_SECTION_DNS_TXT] = { "dns-txt", virNetworkUpdateDNSTxt },
    [VIR_NETWORK_SECTION_DNS_SRV] = { "dns-srv", virNetworkUpdateDNSSrv },
};

int
virNetworkDefUpdateSection(virNetworkDef *def, unsigned int command,
                           unsigned int section, int parentIndex,
                           const char *xml, unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!(doc = virXMLParse(NULL, xml, "network_update_xml", NULL, &ctxt)))
        return -1;
    if (section >= G_N_ELEMENTS(virNetworkUpdateSections) ||
        !virNetworkUpdateSections[section].name) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "can't update unrecognized section of network");
        return -1;
    }
    if (!virNetworkUpdateSections[section].update)
        return virNetworkUpdateNoSupport(def, virNetworkUpdateSections[section].name);
    return virNetworkUpdateSections[section].update(def, command, parentIndex, ctxt);
}
