/*
 * virsh-util.c: what the command families share: finding a domain from
 * a command's <domain> option, freeing handles without losing the
 * pending error, reading the XML documents the library returns, and the
 * stream callbacks of the upload/download commands.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virsh.h"

/* ------------------------------------------------------------------ */
/* domains                                                             */
/* ------------------------------------------------------------------ */

static virDomainPtr
virshLookupDomainInternal(vshControl *ctl, const char *cmdname,
                          const char *name, unsigned int flags)
{
    virConnectPtr conn = virshConn(ctl);
    virDomainPtr dom = NULL;
    char *end;
    long id;

    if (flags & VIRSH_BYID) {
        errno = 0;
        id = strtol(name, &end, 10);
        if (!errno && end != name && !*end && id >= 0 && id <= INT_MAX) {
            vshDebug(ctl, VSH_ERR_DEBUG, "%s: <domain> looks like ID\n",
                     cmdname);
            dom = virDomainLookupByID(conn, id);
        }
    }
    if (!dom && (flags & VIRSH_BYUUID) &&
        strlen(name) == VIR_UUID_STRING_BUFLEN - 1) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <domain> trying as domain UUID\n",
                 cmdname);
        dom = virDomainLookupByUUIDString(conn, name);
    }
    if (!dom && (flags & VIRSH_BYNAME)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <domain> trying as domain NAME\n",
                 cmdname);
        dom = virDomainLookupByName(conn, name);
    }

    vshResetLibvirtError();
    if (!dom)
        vshError(ctl, "failed to get domain '%s'", name);
    return dom;
}

virDomainPtr
virshLookupDomainBy(vshControl *ctl, const char *name, unsigned int flags)
{
    return virshLookupDomainInternal(ctl, "unknown", name, flags);
}

virDomainPtr
virshCommandOptDomainBy(vshControl *ctl, const vshCmd *cmd,
                        const char **name, unsigned int flags)
{
    const char *n = NULL;

    if (vshCommandOptStringReq(ctl, cmd, "domain", &n) < 0)
        return NULL;
    vshDebug(ctl, VSH_ERR_INFO, "%s: found option <%s>: %s\n",
             cmd->def->name, "domain", n);
    if (name)
        *name = n;
    return virshLookupDomainInternal(ctl, cmd->def->name, n, flags);
}

virDomainPtr
virshCommandOptDomain(vshControl *ctl, const vshCmd *cmd, const char **name)
{
    return virshCommandOptDomainBy(ctl, cmd, name,
                                   VIRSH_BYID | VIRSH_BYUUID | VIRSH_BYNAME);
}

int
virshDomainState(vshControl *ctl, virDomainPtr dom, int *reason)
{
    virshControl *priv = ctl->privData;
    virDomainInfo info;
    int state;

    if (reason)
        *reason = -1;
    if (!priv->useGetInfo) {
        if (virDomainGetState(dom, &state, reason, 0) == 0)
            return state;
        if (virGetLastErrorCode() != VIR_ERR_NO_SUPPORT)
            return -1;
        priv->useGetInfo = true;
    }
    if (virDomainGetInfo(dom, &info) < 0)
        return -1;
    return info.state;
}

/* ------------------------------------------------------------------ */
/* handles                                                             */
/* ------------------------------------------------------------------ */

#define VIRSH_DEFINE_FREE(NAME, TYPE, FREE) \
    void \
    NAME(TYPE obj) \
    { \
        if (!obj) \
            return; \
        vshSaveLibvirtHelperError(); \
        FREE(obj); \
    }

VIRSH_DEFINE_FREE(virshDomainFree, virDomainPtr, virDomainFree)
VIRSH_DEFINE_FREE(virshDomainCheckpointFree, virDomainCheckpointPtr,
                  virDomainCheckpointFree)
VIRSH_DEFINE_FREE(virshDomainSnapshotFree, virDomainSnapshotPtr,
                  virDomainSnapshotFree)
VIRSH_DEFINE_FREE(virshInterfaceFree, virInterfacePtr, virInterfaceFree)
VIRSH_DEFINE_FREE(virshNetworkFree, virNetworkPtr, virNetworkFree)
VIRSH_DEFINE_FREE(virshNetworkPortFree, virNetworkPortPtr, virNetworkPortFree)
VIRSH_DEFINE_FREE(virshNodeDeviceFree, virNodeDevicePtr, virNodeDeviceFree)
VIRSH_DEFINE_FREE(virshNWFilterFree, virNWFilterPtr, virNWFilterFree)
VIRSH_DEFINE_FREE(virshNWFilterBindingFree, virNWFilterBindingPtr,
                  virNWFilterBindingFree)
VIRSH_DEFINE_FREE(virshSecretFree, virSecretPtr, virSecretFree)
VIRSH_DEFINE_FREE(virshStoragePoolFree, virStoragePoolPtr, virStoragePoolFree)
VIRSH_DEFINE_FREE(virshStorageVolFree, virStorageVolPtr, virStorageVolFree)
VIRSH_DEFINE_FREE(virshStreamFree, virStreamPtr, virStreamFree)

/* ------------------------------------------------------------------ */
/* XML                                                                 */
/* ------------------------------------------------------------------ */

/* as the library escapes: markup characters as entities, other control
 * characters than tab, newline and return dropped */
void
virshXMLEscapeAppend(GString *buf, const char *fmt, const char *str)
{
    g_autoptr(GString) esc = NULL;
    const char *pct;
    const char *p;

    if (!str)
        return;
    esc = g_string_new(NULL);
    for (p = str; *p; p++) {
        switch (*p) {
        case '<': g_string_append(esc, "&lt;"); break;
        case '>': g_string_append(esc, "&gt;"); break;
        case '&': g_string_append(esc, "&amp;"); break;
        case '"': g_string_append(esc, "&quot;"); break;
        case '\'': g_string_append(esc, "&apos;"); break;
        default:
            if ((unsigned char)*p >= 0x20 || *p == '\n' || *p == '\t' ||
                *p == '\r')
                g_string_append_c(esc, *p);
        }
    }
    pct = strstr(fmt, "%s");
    g_string_append_len(buf, fmt, pct - fmt);
    g_string_append(buf, esc->str);
    g_string_append(buf, pct + 2);
}

void
virshReportInternalError(vshControl *ctl G_GNUC_UNUSED, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    g_autofree char *full = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    full = g_strdup_printf("internal error: %s", msg);
    vshSetPendingError(full);
}

xmlDocPtr
virshXMLParse(const char *xml, const char *url, xmlXPathContextPtr *ctxt)
{
    xmlDocPtr doc;
    xmlNodePtr root;

    doc = xmlReadDoc(BAD_CAST xml, url, NULL,
                     XML_PARSE_NONET | XML_PARSE_NOWARNING);
    if (!doc)
        return NULL;
    if (!(root = xmlDocGetRootElement(doc))) {
        xmlFreeDoc(doc);
        return NULL;
    }
    if (ctxt) {
        if (!(*ctxt = xmlXPathNewContext(doc)))
            abort();
        (*ctxt)->node = root;
    }
    return doc;
}

char *
virshXPathString(const char *xpath, xmlXPathContextPtr ctxt)
{
    g_autoptr(xmlXPathObject) obj = xmlXPathEval(BAD_CAST xpath, ctxt);

    if (!obj || obj->type != XPATH_STRING || !obj->stringval ||
        !obj->stringval[0])
        return NULL;
    return g_strdup((const char *)obj->stringval);
}

int
virshXPathNodeSet(vshControl *ctl, const char *xpath,
                  xmlXPathContextPtr ctxt, xmlNodePtr **list)
{
    g_autoptr(xmlXPathObject) obj = NULL;
    int n;

    if (list)
        *list = NULL;
    if (!(obj = xmlXPathEval(BAD_CAST xpath, ctxt)))
        return 0;
    if (obj->type != XPATH_NODESET) {
        virshReportInternalError(ctl, "Incorrect xpath '%s'", xpath);
        return -1;
    }
    if (!obj->nodesetval || obj->nodesetval->nodeNr <= 0)
        return 0;
    n = obj->nodesetval->nodeNr;
    if (list) {
        *list = g_new0(xmlNodePtr, n);
        memcpy(*list, obj->nodesetval->nodeTab, n * sizeof(xmlNodePtr));
    }
    return n;
}

xmlNodePtr
virshXPathNode(const char *xpath, xmlXPathContextPtr ctxt)
{
    g_autoptr(xmlXPathObject) obj = xmlXPathEval(BAD_CAST xpath, ctxt);

    if (!obj || obj->type != XPATH_NODESET || !obj->nodesetval ||
        obj->nodesetval->nodeNr <= 0 || !obj->nodesetval->nodeTab)
        return NULL;
    return obj->nodesetval->nodeTab[0];
}

int
virshXPathBoolean(const char *xpath, xmlXPathContextPtr ctxt)
{
    g_autoptr(xmlXPathObject) obj = xmlXPathEval(BAD_CAST xpath, ctxt);

    if (!obj || obj->type != XPATH_BOOLEAN || obj->boolval < 0 ||
        obj->boolval > 1)
        return -1;
    return obj->boolval;
}

/* The text of a string() expression, for the number readers. */
static int
virshXPathNumberText(const char *xpath, xmlXPathContextPtr ctxt,
                     char **text)
{
    if (!(*text = virshXPathString(xpath, ctxt)))
        return -1;
    return 0;
}

int
virshXPathInt(const char *xpath, xmlXPathContextPtr ctxt, int *value)
{
    g_autofree char *text = NULL;
    char *end;
    long v;

    if (virshXPathNumberText(xpath, ctxt, &text) < 0)
        return -1;
    errno = 0;
    v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < INT_MIN || v > INT_MAX)
        return -2;
    *value = v;
    return 0;
}

int
virshXPathUInt(const char *xpath, xmlXPathContextPtr ctxt,
               unsigned int *value)
{
    g_autofree char *text = NULL;

    if (virshXPathNumberText(xpath, ctxt, &text) < 0)
        return -1;
    return vshStrToUInt(text, true, value) < 0 ? -2 : 0;
}

int
virshXPathULongLong(const char *xpath, xmlXPathContextPtr ctxt,
                    unsigned long long *value)
{
    g_autofree char *text = NULL;

    if (virshXPathNumberText(xpath, ctxt, &text) < 0)
        return -1;
    return vshStrToULongLong(text, NULL, true, value) < 0 ? -2 : 0;
}

char *
virshXMLNodeToString(xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr buf = xmlBufferCreate();
    char *ret = NULL;

    if (!buf)
        abort();
    if (xmlNodeDump(buf, doc, node, 0, 1) > 0)
        ret = g_strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    return ret;
}

char *
virshXMLPropString(xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetProp(node, BAD_CAST name);
    char *ret;

    if (!v)
        return NULL;
    ret = g_strdup((const char *)v);
    xmlFree(v);
    return ret;
}

int
virshDomainGetXMLFromDom(vshControl *ctl, virDomainPtr dom,
                         unsigned int flags, xmlDocPtr *xml,
                         xmlXPathContextPtr *ctxt)
{
    g_autofree char *desc = NULL;

    if (!(desc = virDomainGetXMLDesc(dom, flags))) {
        vshError(ctl, "%s", "Failed to get domain description xml");
        return -1;
    }
    if (!(*xml = virshXMLParse(desc, "(domain_definition)", ctxt))) {
        vshError(ctl, "%s", "Failed to parse domain description xml");
        return -1;
    }
    return 0;
}

int
virshDomainGetXML(vshControl *ctl, const vshCmd *cmd, unsigned int flags,
                  xmlDocPtr *xml, xmlXPathContextPtr *ctxt)
{
    g_autoptr(virshDomain) dom = NULL;

    if (!(dom = virshCommandOptDomain(ctl, cmd, NULL)))
        return -1;
    return virshDomainGetXMLFromDom(ctl, dom, flags, xml, ctxt);
}

bool
virshDumpXML(vshControl *ctl, const char *xml, const char *url,
             const char *xpath, bool wrap)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    g_autofree xmlNodePtr *nodes = NULL;
    int nnodes;
    int blanks;
    int i;

    if (!xpath) {
        vshPrint(ctl, "%s", xml);
        return true;
    }

    blanks = xmlKeepBlanksDefault(0);
    doc = virshXMLParse(xml, url, &ctxt);
    xmlKeepBlanksDefault(blanks);
    if (!doc)
        return false;
    if ((nnodes = virshXPathNodeSet(ctl, xpath, ctxt, &nodes)) < 0)
        return false;

    if (wrap) {
        g_autoptr(xmlDoc) newdoc = xmlNewDoc(BAD_CAST "1.0");
        xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "nodes");
        g_autofree char *text = NULL;

        xmlDocSetRootElement(newdoc, root);
        for (i = 0; i < nnodes; i++)
            xmlAddChild(root, xmlDocCopyNode(nodes[i], newdoc, 1));
        text = virshXMLNodeToString(doc, root);
        vshPrint(ctl, "%s\n", text);
    } else {
        for (i = 0; i < nnodes; i++) {
            g_autofree char *text = virshXMLNodeToString(doc, nodes[i]);

            vshPrint(ctl, "%s\n", text);
        }
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* streams                                                             */
/* ------------------------------------------------------------------ */

int
virshStreamSink(virStreamPtr st G_GNUC_UNUSED, const char *bytes,
                size_t nbytes, void *opaque)
{
    virshStreamCallbackData *data = opaque;
    size_t done = 0;

    while (done < nbytes) {
        ssize_t n = write(data->fd, bytes + done, nbytes - done);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        done += n;
    }
    return nbytes;
}

int
virshStreamSource(virStreamPtr st G_GNUC_UNUSED, char *bytes, size_t nbytes,
                  void *opaque)
{
    virshStreamCallbackData *data = opaque;
    ssize_t n;

    while ((n = read(data->fd, bytes, nbytes)) < 0 && errno == EINTR)
        ;
    return n;
}

int
virshStreamSourceSkip(virStreamPtr st G_GNUC_UNUSED, long long offset,
                      void *opaque)
{
    virshStreamCallbackData *data = opaque;

    return lseek(data->fd, offset, SEEK_CUR) == (off_t)-1 ? -1 : 0;
}

int
virshStreamSkip(virStreamPtr st G_GNUC_UNUSED, long long offset, void *opaque)
{
    virshStreamCallbackData *data = opaque;
    off_t cur;

    if (data->isBlock) {
        /* a block device has no holes: write the zeroes */
        const size_t chunk = 1024 * 1024;
        g_autofree char *zeroes = g_new0(char, chunk);

        while (offset > 0) {
            size_t count = MIN((unsigned long long)offset, chunk);

            if (virshStreamSink(st, zeroes, count, opaque) < 0)
                return -1;
            offset -= count;
        }
        return 0;
    }
    if ((cur = lseek(data->fd, offset, SEEK_CUR)) == (off_t)-1)
        return -1;
    return ftruncate(data->fd, cur) < 0 ? -1 : 0;
}

/* Whether the file position is in data or in a hole, and for how long. */
static int
virshFileInData(int fd, int *inData, long long *length)
{
    off_t cur = lseek(fd, 0, SEEK_CUR);
    off_t data;
    off_t end;
    int ret = -1;

    if (cur == (off_t)-1)
        return -1;
    data = lseek(fd, cur, SEEK_DATA);
    if (data == (off_t)-1) {
        if (errno != ENXIO)
            goto out;
        *inData = 0;
        if ((end = lseek(fd, 0, SEEK_END)) == (off_t)-1)
            goto out;
        *length = end - cur;
    } else if (data > cur) {
        *inData = 0;
        *length = data - cur;
    } else {
        off_t hole = lseek(fd, data, SEEK_HOLE);

        if (hole == (off_t)-1 || hole == data)
            goto out;
        *inData = 1;
        *length = hole - data;
    }
    ret = 0;
 out:
    if (lseek(fd, cur, SEEK_SET) == (off_t)-1)
        ret = -1;
    return ret;
}

int
virshStreamInData(virStreamPtr st G_GNUC_UNUSED, int *inData,
                  long long *offset, void *opaque)
{
    virshStreamCallbackData *data = opaque;

    if (data->isBlock) {
        /* always data; the read finds the end */
        *inData = 1;
        *offset = 1024 * 1024;
        return 0;
    }
    if (virshFileInData(data->fd, inData, offset) < 0) {
        vshError(data->ctl, "%s", "Unable to get current position in stream");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* MAC addresses                                                       */
/* ------------------------------------------------------------------ */

/* Six hex bytes separated by ':' (one or two digits each), the last
 * one ended by the end of the string or a blank. */
int
virshMacAddrParse(const char *str, unsigned char mac[6])
{
    size_t i;

    for (i = 0; i < 6; i++) {
        char *end;
        unsigned long v;

        if (!g_ascii_isxdigit(*str))
            return -1;
        errno = 0;
        v = strtoul(str, &end, 16);
        if (end - str < 1 || end - str > 2 || errno || v > 0xff)
            return -1;
        mac[i] = v;
        if (i == 5)
            return *end <= ' ' ? 0 : -1;
        if (*end != ':')
            return -1;
        str = end + 1;
    }
    return -1;
}

int
virshMacAddrNormalize(const char *in, char out[VIRSH_MAC_STRING_BUFLEN])
{
    unsigned char mac[6];

    if (virshMacAddrParse(in, mac) < 0)
        return -1;
    g_snprintf(out, VIRSH_MAC_STRING_BUFLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
               mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
    return 0;
}

/* ------------------------------------------------------------------ */
/* files                                                               */
/* ------------------------------------------------------------------ */

int
virshFileReadAll(vshControl *ctl G_GNUC_UNUSED, const char *path,
                 size_t maxlen, char **buf)
{
    g_autoptr(GString) data = g_string_new(NULL);
    g_autofree char *msg = NULL;
    char chunk[8192];
    int fd;
    int err = 0;

    if ((fd = open(path, O_RDONLY)) < 0) {
        msg = g_strdup_printf("Failed to open file '%s': %s", path,
                              g_strerror(errno));
        vshSetPendingError(msg);
        return -1;
    }
    while (true) {
        ssize_t n = read(fd, chunk, sizeof(chunk));

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            break;
        }
        if (n == 0)
            break;
        g_string_append_len(data, chunk, n);
        if (data->len > maxlen) {
            err = EOVERFLOW;
            break;
        }
    }
    close(fd);
    if (err) {
        msg = g_strdup_printf("Failed to read file '%s': %s", path,
                              g_strerror(err));
        vshSetPendingError(msg);
        return -1;
    }
    *buf = g_string_free(g_steal_pointer(&data), FALSE);
    return strlen(*buf);
}

/* ------------------------------------------------------------------ */
/* CPU maps                                                            */
/* ------------------------------------------------------------------ */

/* "0-3,5" of the bits set in @map (of @len bytes); "" when none. */
char *
virshBitmapDataFormat(const unsigned char *map, size_t len)
{
    GString *out = g_string_new(NULL);
    size_t nbits = len * 8;
    size_t i = 0;

    while (i < nbits) {
        size_t start;

        if (!VIR_CPU_USED(map, i)) {
            i++;
            continue;
        }
        start = i;
        while (i + 1 < nbits && VIR_CPU_USED(map, i + 1))
            i++;
        if (out->len)
            g_string_append_c(out, ',');
        if (start == i)
            g_string_append_printf(out, "%zu", start);
        else
            g_string_append_printf(out, "%zu-%zu", start, i);
        i++;
    }
    return g_string_free(out, FALSE);
}

static void
virshSkipSpaces(const char **s)
{
    while (g_ascii_isspace(**s))
        (*s)++;
}

/* One number of a CPU list; -1 when there is none. */
static int
virshParseCPUNumber(const char **cur, int *value)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(*cur, &end, 10);
    if (errno || end == *cur || v < INT_MIN || v > INT_MAX)
        return -1;
    *value = v;
    *cur = end;
    return 0;
}

int
virshBitmapParse(const char *str, size_t nbits, unsigned char *map)
{
    const char *cur = str;

    virshSkipSpaces(&cur);
    if (!*cur)
        return -1;
    while (*cur) {
        bool neg = false;
        int start;
        int last;

        if (*cur == '^') {
            cur++;
            neg = true;
        }
        if (!g_ascii_isdigit(*cur) || virshParseCPUNumber(&cur, &start) < 0 ||
            start < 0)
            return -1;
        virshSkipSpaces(&cur);
        if (*cur == ',' || !*cur) {
            if ((size_t)start >= nbits)
                return -1;
            if (neg)
                VIR_UNUSE_CPU(map, start);
            else
                VIR_USE_CPU(map, start);
        } else if (*cur == '-') {
            int i;

            if (neg)
                return -1;
            cur++;
            virshSkipSpaces(&cur);
            if (virshParseCPUNumber(&cur, &last) < 0 || last < start)
                return -1;
            for (i = start; i <= last; i++) {
                if ((size_t)i >= nbits)
                    return -1;
                VIR_USE_CPU(map, i);
            }
            virshSkipSpaces(&cur);
        }
        if (*cur == ',') {
            cur++;
            virshSkipSpaces(&cur);
        } else if (*cur) {
            return -1;
        }
    }
    return 0;
}

/* The highest bit set in @map of @nbits, or -1. */
static int
virshBitmapLastSetBit(const unsigned char *map, size_t nbits)
{
    int i;

    for (i = nbits - 1; i >= 0; i--) {
        if (VIR_CPU_USED(map, i))
            return i;
    }
    return -1;
}

unsigned char *
virshParseCPUList(vshControl *ctl, int *cpumaplen, const char *cpulist,
                  int maxcpu)
{
    const size_t nbits = 1024;
    g_autofree unsigned char *map = NULL;
    int last;

    if (cpulist[0] == 'r') {
        map = g_new0(unsigned char, MAX(VIR_CPU_MAPLEN(maxcpu), nbits / 8));
        for (last = 0; last < maxcpu; last++)
            VIR_USE_CPU(map, last);
        last = maxcpu - 1;
    } else {
        map = g_new0(unsigned char, nbits / 8);
        if (virshBitmapParse(cpulist, nbits, map) < 0 ||
            (last = virshBitmapLastSetBit(map, nbits)) < 0) {
            vshError(ctl, "Invalid cpulist '%s'", cpulist);
            return NULL;
        }
        if (last >= maxcpu) {
            vshError(ctl, "CPU %d in cpulist '%s' exceed the maxcpu %d",
                     last, cpulist, maxcpu);
            return NULL;
        }
    }
    *cpumaplen = last < 0 ? 1 : (last + 8) / 8;
    return g_steal_pointer(&map);
}

int
virshNodeGetCPUCount(virConnectPtr conn)
{
    virNodeInfo info;
    int ret;

    if ((ret = virNodeGetCPUMap(conn, NULL, NULL, 0)) < 0) {
        vshResetLibvirtError();
        if (virNodeGetInfo(conn, &info) == 0)
            ret = VIR_NODEINFO_MAXCPUS(info);
    }
    return ret;
}

/* ------------------------------------------------------------------ */
/* event commands                                                      */
/* ------------------------------------------------------------------ */

void
virshTimestampNow(char buf[VIRSH_TIME_STRING_BUFLEN])
{
    gint64 ms = g_get_real_time() / 1000;
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc(ms / 1000);

    g_snprintf(buf, VIRSH_TIME_STRING_BUFLEN,
               "%4d-%02d-%02d %02d:%02d:%02d.%03d+0000",
               g_date_time_get_year(t), g_date_time_get_month(t),
               g_date_time_get_day_of_month(t), g_date_time_get_hour(t),
               g_date_time_get_minute(t), g_date_time_get_second(t),
               (int)(ms % 1000));
}

int
virshEventWaitReport(vshControl *ctl, const int *count)
{
    switch (vshEventWait(ctl)) {
    case VSH_EVENT_INTERRUPT:
        vshPrint(ctl, "%s", "event loop interrupted\n");
        break;
    case VSH_EVENT_TIMEOUT:
        vshPrint(ctl, "%s", "event loop timed out\n");
        break;
    case VSH_EVENT_DONE:
        break;
    default:
        return -1;
    }
    vshPrint(ctl, "events received: %d\n", g_atomic_int_get(count));
    return g_atomic_int_get(count) > 0 ? 1 : 0;
}


static bool
virshEventBegin(virshEventData *data)
{
    char stamp[VIRSH_TIME_STRING_BUFLEN];

    if (!data->loop && g_atomic_int_get(data->count))
        return false;
    if (data->timestamp) {
        virshTimestampNow(stamp);
        vshPrint(data->ctl, "%s: ", stamp);
    }
    return true;
}

static void
virshEventEnd(virshEventData *data)
{
    g_atomic_int_inc(data->count);
    if (!data->loop)
        vshEventDone(data->ctl);
}

void
virshEventPrint(virshEventData *data, const char *kind, const char *obj,
                const char *what)
{
    if (!virshEventBegin(data))
        return;
    vshPrint(data->ctl, "event '%s' for %s %s%s%s\n", data->name, kind, obj,
             what ? ": " : "", what ? what : "");
    virshEventEnd(data);
}

bool
virshEventPrintf(virshEventData *data, const char *fmt, ...)
{
    g_autofree char *line = NULL;
    va_list ap;

    if (!virshEventBegin(data))
        return false;
    va_start(ap, fmt);
    line = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    vshPrint(data->ctl, "%s", line);
    virshEventEnd(data);
    return true;
}

/* --list, the option checks and the table of registrations to make;
 * NULL when the command is over (*done says whether it succeeded). */
static virshEventData *
virshEventPrepare(vshControl *ctl, const vshCmd *cmd,
                  const virshEventFamily *family, int *count,
                  size_t *ndata, bool *done)
{
    g_autofree virshEventData *data = NULL;
    const char *eventName = NULL;
    bool all = family->all && vshCommandOptBool(cmd, "all");
    size_t i;

    *done = false;
    if (vshCommandOptBool(cmd, "list")) {
        for (i = 0; family->names[i]; i++)
            vshPrint(ctl, "%s\n", family->names[i]);
        *done = true;
        return NULL;
    }
    if (vshCommandOptStringReq(ctl, cmd, "event", &eventName) < 0)
        return NULL;
    if (!eventName && !all) {
        vshError(ctl, "%s", family->all ?
                 "one of --list, --all, or --event <type> is required" :
                 "either --list or --event <type> is required");
        return NULL;
    }
    data = g_new0(virshEventData, g_strv_length((char **)family->names));
    *ndata = 0;
    for (i = 0; family->names[i]; i++) {
        if (eventName && !g_str_equal(eventName, family->names[i]))
            continue;
        data[*ndata] = (virshEventData) {
            .ctl = ctl, .count = count, .name = family->names[i],
            .event = i, .id = -1,
            .loop = vshCommandOptBool(cmd, "loop"),
            .timestamp = vshCommandOptBool(cmd, "timestamp"),
        };
        (*ndata)++;
    }
    if (*ndata == 0) {
        vshError(ctl, "unknown event type %s", eventName);
        return NULL;
    }
    return g_steal_pointer(&data);
}

bool
virshEventCommand(vshControl *ctl, const vshCmd *cmd,
                  const virshEventFamily *family)
{
    g_autofree virshEventData *data = NULL;
    void *obj = NULL;
    bool ret = false;
    size_t ndata = 0;
    int timeout = 0;
    int count = 0;
    size_t i;
    int rc;

    if (family->all) {
        VSH_EXCLUSIVE_OPTIONS("all", "event");
        VSH_EXCLUSIVE_OPTIONS("list", "all");
        VSH_EXCLUSIVE_OPTIONS("list", "event");
    }
    if (!(data = virshEventPrepare(ctl, cmd, family, &count, &ndata, &ret)))
        return ret;
    if (vshCommandOptTimeoutToMs(ctl, cmd, &timeout) < 0)
        return false;
    if (vshCommandOptBool(cmd, family->objOpt) &&
        family->getObj(ctl, cmd, &obj) < 0)
        goto cleanup;
    if (vshEventStart(ctl, timeout) < 0)
        goto cleanup;
    for (i = 0; i < ndata; i++) {
        if ((data[i].id = family->reg(virshConn(ctl), obj, &data[i])) >= 0)
            continue;
        /* with --all, a server may know fewer events than we do: only
         * the first registration has to work */
        if (i == 0)
            goto cleanup;
        vshResetLibvirtError();
    }
    if ((rc = virshEventWaitReport(ctl, &count)) < 0)
        goto cleanup;
    ret = rc > 0;

 cleanup:
    vshEventCleanup(ctl);
    for (i = 0; i < ndata; i++) {
        if (data[i].id >= 0 && family->dereg(virshConn(ctl), data[i].id) < 0)
            ret = false;
    }
    if (obj)
        family->freeObj(obj);
    return ret;
}
