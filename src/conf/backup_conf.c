/*
 * backup_conf.c: parse and format the <domainbackup> document.
 */
#include "internal.h"
#include "conf/backup_conf.h"
#include "conf/domain/disk.h"
#include "conf/virxmlcategory.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainBackup,
              VIR_DOMAIN_BACKUP_TYPE_LAST,
              "default", "push", "pull");

VIR_ENUM_IMPL(virDomainBackupDiskState,
              VIR_DOMAIN_BACKUP_DISK_STATE_LAST,
              "", "running", "complete", "failed", "cancelling", "cancelled");

VIR_ENUM_IMPL(virDomainBackupDiskBackupMode,
              VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_LAST,
              "", "full", "incremental");

VIR_ENUM_IMPL(virDomainBackupServerTransport,
              VIR_DOMAIN_BACKUP_SERVER_LAST,
              "tcp", "unix", "rdma");


static void
virDomainBackupDiskDefClear(virDomainBackupDiskDef *disk)
{
    g_clear_pointer(&disk->name, g_free);
    g_clear_pointer(&disk->exportname, g_free);
    g_clear_pointer(&disk->exportbitmap, g_free);
    g_clear_pointer(&disk->incremental, g_free);
    g_clear_pointer(&disk->store, virDomainStorageSourceFree);
}


void
virDomainBackupDefFree(virDomainBackupDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->incremental);
    if (def->server) {
        g_free(def->server->name);
        g_free(def->server->socket);
        g_free(def->server);
    }
    for (i = 0; i < def->ndisks; i++)
        virDomainBackupDiskDefClear(&def->disks[i]);
    g_free(def->disks);
    g_free(def->tlsAlias);
    g_free(def->tlsSecretAlias);
    g_free(def);
}


/* A storage source of the given type ('file' if NULL), format and index. */
static virDomainStorageSource *
virDomainBackupStoreNew(const char *type, const char *format, const char *index)
{
    g_autoptr(virDomainStorageSource) src = g_new0(virDomainStorageSource, 1);
    int value;

    src->type = VIR_STORAGE_TYPE_FILE;
    if (type) {
        if ((value = virDomainStorageTypeFromString(type)) <= 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown storage source type '%s'", type);
            return NULL;
        }
        src->type = value;
    }
    if (format) {
        if ((value = virDomainStorageFileFormatTypeFromString(format)) <= 0) {
            virReportError(VIR_ERR_XML_ERROR, "unknown storage source format '%s'", format);
            return NULL;
        }
        src->format = value;
    }
    if (index && virStrToLong_uip(index, NULL, 10, &src->id) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "invalid storage source index '%s'", index);
        return NULL;
    }
    return g_steal_pointer(&src);
}


static int
virDomainBackupDiskDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                               virDomainBackupDiskDef *disk, bool push, bool internal)
{
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *type = NULL;
    g_autofree char *format = NULL;
    g_autofree char *index = NULL;
    xmlNodePtr store;

    ctxt->node = node;
    if (!(disk->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing name from disk backup element");
        return -1;
    }
    if (virXMLPropTristateBool(node, "backup", VIR_XML_PROP_NONE, &disk->backup) < 0)
        return -1;
    if (disk->backup == VIR_TRISTATE_BOOL_ABSENT)
        disk->backup = VIR_TRISTATE_BOOL_YES;
    if (disk->backup == VIR_TRISTATE_BOOL_NO)
        return 0;

    if (!push) {
        disk->exportname = virXMLPropString(node, "exportname");
        disk->exportbitmap = virXMLPropString(node, "exportbitmap");
    }
    if (virXMLPropEnum(node, "backupmode", virDomainBackupDiskBackupModeTypeFromString,
                       VIR_XML_PROP_NONE, &disk->backupmode) < 0)
        return -1;
    disk->incremental = virXMLPropString(node, "incremental");
    if (internal &&
        virXMLPropEnum(node, "state", virDomainBackupDiskStateTypeFromString,
                       VIR_XML_PROP_REQUIRED, &disk->state) < 0)
        return -1;

    type = virXMLPropString(node, "type");
    format = virXPathString("string(./driver/@type)", ctxt);
    if (internal)
        index = virXMLPropString(node, "index");
    if (!(disk->store = virDomainBackupStoreNew(type, format, index)))
        return -1;
    if (disk->store->type != VIR_STORAGE_TYPE_FILE &&
        disk->store->type != VIR_STORAGE_TYPE_BLOCK) {
        virReportError(VIR_ERR_XML_ERROR, "unsupported disk backup type '%s'", type);
        return -1;
    }
    if ((store = virXPathNode(push ? "./target" : "./scratch", ctxt)) &&
        virDomainStorageSourceParseXML(store, ctxt, disk->store, 0) < 0)
        return -1;
    return 0;
}


static int
virDomainBackupServerParseXML(xmlNodePtr node, virDomainBackupDef *def)
{
    g_autofree char *transport = NULL;
    g_autofree char *port = NULL;
    virDomainStorageHost *host = def->server = g_new0(virDomainStorageHost, 1);
    int value;

    if ((transport = virXMLPropString(node, "transport"))) {
        if ((value = virDomainBackupServerTransportTypeFromString(transport)) < 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unknown protocol transport type '%s'", transport);
            return -1;
        }
        host->transport = value;
    }
    host->socket = virXMLPropString(node, "socket");
    if (host->transport == VIR_DOMAIN_BACKUP_SERVER_UNIX && !host->socket) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "missing socket for unix transport");
        return -1;
    }
    if (host->transport != VIR_DOMAIN_BACKUP_SERVER_UNIX && host->socket) {
        virReportError(VIR_ERR_XML_ERROR, "transport '%s' does not support socket attribute",
                       NULLSTR(transport));
        return -1;
    }
    if (host->transport != VIR_DOMAIN_BACKUP_SERVER_UNIX) {
        if (!(host->name = virXMLPropString(node, "name"))) {
            virReportError(VIR_ERR_XML_ERROR, "%s", "missing name for host");
            return -1;
        }
        if ((port = virXMLPropString(node, "port"))) {
            if (virStrToLong_uip(port, NULL, 10, &host->port) < 0) {
                virReportError(VIR_ERR_INVALID_ARG, "failed to parse port number '%s'", port);
                return -1;
            }
            if (host->port > UINT16_MAX) {
                virReportError(VIR_ERR_INVALID_ARG, "port '%s' out of range", port);
                return -1;
            }
        }
    }
    if (host->transport == VIR_DOMAIN_BACKUP_SERVER_RDMA) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "transport rdma is not supported for <server>");
        return -1;
    }
    if (host->transport == VIR_DOMAIN_BACKUP_SERVER_UNIX &&
        !g_path_is_absolute(host->socket)) {
        virReportError(VIR_ERR_XML_ERROR, "backup socket path '%s' must be absolute",
                       host->socket);
        return -1;
    }
    return virXMLPropTristateBool(node, "tls", VIR_XML_PROP_NONE, &def->tls);
}


static virDomainBackupDef *
virDomainBackupDefParseNode(xmlXPathContextPtr ctxt, unsigned int flags)
{
    g_autoptr(virDomainBackupDef) def = g_new0(virDomainBackupDef, 1);
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree char *mode = NULL;
    bool internal = !!(flags & VIR_DOMAIN_BACKUP_PARSE_INTERNAL);
    xmlNodePtr node;
    size_t i;
    int n;
    int value;

    def->type = VIR_DOMAIN_BACKUP_TYPE_PUSH;
    if ((mode = virXMLPropString(ctxt->node, "mode"))) {
        if ((value = virDomainBackupTypeFromString(mode)) <= 0) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown backup mode '%s'", mode);
            return NULL;
        }
        def->type = value;
    }
    def->incremental = virXPathString("string(./incremental)", ctxt);

    if ((node = virXPathNode("./server", ctxt))) {
        if (def->type != VIR_DOMAIN_BACKUP_TYPE_PULL) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                           "use of <server> requires pull mode backup");
            return NULL;
        }
        if (virDomainBackupServerParseXML(node, def) < 0)
            return NULL;
    }

    if ((n = virXPathNodeSet("./disks/*", ctxt, &nodes)) < 0)
        return NULL;
    def->disks = g_new0(virDomainBackupDiskDef, n);
    def->ndisks = n;
    for (i = 0; i < n; i++) {
        if (virDomainBackupDiskDefParseXML(nodes[i], ctxt, &def->disks[i],
                                           def->type == VIR_DOMAIN_BACKUP_TYPE_PUSH,
                                           internal) < 0)
            return NULL;
    }

    if (internal) {
        def->tlsSecretAlias =
            virXPathString("string(./privateData/objects/secret[@type='tlskey']/@alias)", ctxt);
        def->tlsAlias = virXPathString("string(./privateData/objects/TLSx509/@alias)", ctxt);
    }
    return g_steal_pointer(&def);
}


virDomainBackupDef *
virDomainBackupDefParseString(const char *xml, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;

    if (!(doc = virXMLParse(NULL, xml, "(domain_backup)", "domainbackup", &ctxt)))
        return NULL;
    return virDomainBackupDefParseNode(ctxt, flags);
}


/* No medium: a local source without a path, or no source at all. */
static bool
virDomainBackupSourceIsEmpty(const virDomainStorageSource *src)
{
    if (!src || src->type == VIR_STORAGE_TYPE_NONE)
        return true;
    return src->type != VIR_STORAGE_TYPE_NETWORK &&
           src->type != VIR_STORAGE_TYPE_VOLUME && !src->path;
}


static int
virDomainBackupDefAssignStore(virDomainBackupDiskDef *disk,
                              const virDomainStorageSource *src, const char *suffix)
{
    if (virDomainBackupSourceIsEmpty(src)) {
        if (disk->store) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "disk '%s' has no media", disk->name);
            return -1;
        }
    } else if (!disk->store) {
        if (src->type != VIR_STORAGE_TYPE_FILE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "refusing to generate file name for disk '%s'", disk->name);
            return -1;
        }
        disk->store = g_new0(virDomainStorageSource, 1);
        disk->store->type = VIR_STORAGE_TYPE_FILE;
        disk->store->path = g_strdup_printf("%s.%s", src->path, suffix);
    }
    return 0;
}


static const virDomainDiskDef *
virDomainBackupDomainDisk(const virDomainDef *dom, const char *target)
{
    size_t i;

    for (i = 0; i < dom->ndisks; i++) {
        if (STREQ_NULLABLE(dom->disks[i]->dst, target))
            return dom->disks[i];
    }
    return NULL;
}


static bool
virDomainBackupDiskNamed(const virDomainBackupDef *def, size_t n, const char *name)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (STREQ(def->disks[i].name, name))
            return true;
    }
    return false;
}


int
virDomainBackupAlignDisks(virDomainBackupDef *def, const virDomainDef *dom,
                          const char *suffix)
{
    size_t requested = def->ndisks;
    bool backupAll = requested == 0;
    size_t i;

    if (!dom->ndisks) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "domain must have at least one disk to perform backup");
        return -1;
    }
    for (i = 0; i < requested; i++) {
        virDomainBackupDiskDef *disk = &def->disks[i];
        const virDomainDiskDef *domdisk;

        if (!(domdisk = virDomainBackupDomainDisk(dom, disk->name))) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "no disk named '%s'", disk->name);
            return -1;
        }
        if (virDomainBackupDiskNamed(def, i, disk->name)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "disk '%s' specified twice",
                           disk->name);
            return -1;
        }
        if (disk->backupmode == VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_INCREMENTAL &&
            !disk->incremental && !def->incremental) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "'incremental' backup mode of disk '%s' requires setting "
                           "'incremental' field for disk or backup", disk->name);
            return -1;
        }
        if (disk->backup == VIR_TRISTATE_BOOL_YES &&
            virDomainBackupDefAssignStore(disk, domdisk->src, suffix) < 0)
            return -1;
    }

    /* every other domain disk, backed up only when none was named */
    def->disks = g_renew(virDomainBackupDiskDef, def->disks, dom->ndisks);
    memset(def->disks + requested, 0,
           (dom->ndisks - requested) * sizeof(*def->disks));
    for (i = 0; i < dom->ndisks; i++) {
        const virDomainDiskDef *domdisk = dom->disks[i];
        virDomainBackupDiskDef *disk;

        if (virDomainBackupDiskNamed(def, requested, domdisk->dst))
            continue;
        disk = &def->disks[def->ndisks++];
        disk->name = g_strdup(domdisk->dst);
        if (backupAll && !virDomainBackupSourceIsEmpty(domdisk->src) &&
            !domdisk->src->readonly) {
            disk->backup = VIR_TRISTATE_BOOL_YES;
            if (virDomainBackupDefAssignStore(disk, domdisk->src, suffix) < 0)
                return -1;
        } else {
            disk->backup = VIR_TRISTATE_BOOL_NO;
        }
    }

    for (i = 0; i < def->ndisks; i++) {
        virDomainBackupDiskDef *disk = &def->disks[i];

        if (disk->backupmode == VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_DEFAULT) {
            disk->backupmode = def->incremental || disk->incremental
                ? VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_INCREMENTAL
                : VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_FULL;
        }
        if (!disk->incremental &&
            disk->backupmode == VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_INCREMENTAL)
            disk->incremental = g_strdup(def->incremental);
    }
    return 0;
}


static void
virDomainBackupDiskDefFormat(virBuffer *buf, const virDomainBackupDiskDef *disk,
                             bool push, bool internal)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferEscapeString(&attrBuf, " name='%s'", disk->name);
    virBufferAsprintf(&attrBuf, " backup='%s'", virTristateBoolTypeToString(disk->backup));
    if (internal && disk->state != VIR_DOMAIN_BACKUP_DISK_STATE_NONE)
        virBufferAsprintf(&attrBuf, " state='%s'",
                          virDomainBackupDiskStateTypeToString(disk->state));
    if (disk->backup == VIR_TRISTATE_BOOL_YES && disk->store) {
        virBufferAsprintf(&attrBuf, " type='%s'",
                          virDomainStorageTypeToString(disk->store->type));
        if (disk->backupmode != VIR_DOMAIN_BACKUP_DISK_BACKUP_MODE_DEFAULT)
            virBufferAsprintf(&attrBuf, " backupmode='%s'",
                              virDomainBackupDiskBackupModeTypeToString(disk->backupmode));
        virBufferEscapeString(&attrBuf, " incremental='%s'", disk->incremental);
        virBufferEscapeString(&attrBuf, " exportname='%s'", disk->exportname);
        virBufferEscapeString(&attrBuf, " exportbitmap='%s'", disk->exportbitmap);
        if (disk->store->id)
            virBufferAsprintf(&attrBuf, " index='%u'", disk->store->id);
        if (disk->store->format > 0)
            virBufferAsprintf(&childBuf, "<driver type='%s'/>\n",
                              virDomainStorageFileFormatTypeToString(disk->store->format));
        virDomainStorageSourceFormat(&childBuf, disk->store, push ? "target" : "scratch",
                                     NULL, false, true, false, 0);
    }
    virBufferFormatElement(buf, "disk", &attrBuf, &childBuf);
}


char *
virDomainBackupDefFormat(const virDomainBackupDef *def, bool internal)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(&buf);
    g_auto(virBuffer) serverAttr = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) disksChild = VIR_BUFFER_INIT_CHILD(&childBuf);
    size_t i;

    virBufferAsprintf(&attrBuf, " mode='%s'", virDomainBackupTypeToString(def->type));
    virBufferEscapeString(&childBuf, "<incremental>%s</incremental>\n", def->incremental);
    if (def->server) {
        virBufferAsprintf(&serverAttr, " transport='%s'",
                          virDomainBackupServerTransportTypeToString(def->server->transport));
        if (def->tls != VIR_TRISTATE_BOOL_ABSENT)
            virBufferAsprintf(&serverAttr, " tls='%s'", virTristateBoolTypeToString(def->tls));
        virBufferEscapeString(&serverAttr, " name='%s'", def->server->name);
        if (def->server->port)
            virBufferAsprintf(&serverAttr, " port='%u'", def->server->port);
        virBufferEscapeString(&serverAttr, " socket='%s'", def->server->socket);
    }
    virBufferFormatElement(&childBuf, "server", &serverAttr, NULL);
    for (i = 0; i < def->ndisks; i++)
        virDomainBackupDiskDefFormat(&disksChild, &def->disks[i],
                                     def->type == VIR_DOMAIN_BACKUP_TYPE_PUSH, internal);
    virBufferFormatElement(&childBuf, "disks", NULL, &disksChild);
    if (internal) {
        g_auto(virBuffer) privChild = VIR_BUFFER_INIT_CHILD(&childBuf);
        g_auto(virBuffer) objChild = VIR_BUFFER_INIT_CHILD(&privChild);

        virBufferEscapeString(&objChild, "<secret type='tlskey' alias='%s'/>\n",
                              def->tlsSecretAlias);
        virBufferEscapeString(&objChild, "<TLSx509 alias='%s'/>\n", def->tlsAlias);
        virBufferFormatElement(&privChild, "objects", NULL, &objChild);
        virBufferFormatElement(&childBuf, "privateData", NULL, &privChild);
    }
    virBufferFormatElement(&buf, "domainbackup", &attrBuf, &childBuf);
    return virBufferContentAndReset(&buf);
}


/* ---- the conformance roundtrip: what libvirt's backup test did ---- */

/* A qcow2 image /fake/<dst>.qcow2 as disk @dst. */
static virDomainDiskDef *
virDomainBackupTestDisk(const char *dst)
{
    virDomainDiskDef *disk = g_new0(virDomainDiskDef, 1);

    disk->dst = g_strdup(dst);
    disk->src = g_new0(virDomainStorageSource, 1);
    disk->src->type = VIR_STORAGE_TYPE_FILE;
    disk->src->format = virDomainStorageFileFormatTypeFromString("qcow2");
    disk->src->path = g_strdup_printf("/fake/%s.qcow2", dst);
    return disk;
}


static char *
virDomainBackupXMLRoundtrip(const char *xml, const virXMLRoundtripArgs *args)
{
    g_autoptr(virDomainBackupDef) def = NULL;
    g_autoptr(virDomainDef) dom = virDomainDefNew();
    g_autofree char *internalStr = virXMLRoundtripParam(args, "internal");
    g_autofree char *suffix = virXMLRoundtripParam(args, "suffix");
    bool internal = STREQ_NULLABLE(internalStr, "yes");
    size_t i;

    if (!(def = virDomainBackupDefParseString(xml, internal ? VIR_DOMAIN_BACKUP_PARSE_INTERNAL : 0)))
        return NULL;
    /* the backup's disks plus one more */
    dom->disks = g_new0(virDomainDiskDef *, def->ndisks + 1);
    for (i = 0; i < def->ndisks; i++)
        dom->disks[dom->ndisks++] = virDomainBackupTestDisk(def->disks[i].name);
    dom->disks[dom->ndisks++] = virDomainBackupTestDisk("vdextradisk");
    if (virDomainBackupAlignDisks(def, dom, suffix ? suffix : "SUFFIX") < 0)
        return NULL;
    return virDomainBackupDefFormat(def, internal);
}

const virXMLCategory virDomainBackupXMLCategory = { "backup", virDomainBackupXMLRoundtrip };
