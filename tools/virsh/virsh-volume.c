/*
 * virsh-volume.c: the "Storage Volume" group: volumes of the storage
 * pools, their creation, information and contents through streams.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "virsh.h"
#include "vsh-table.h"

virStorageVolPtr
virshCommandOptVolBy(vshControl *ctl, const vshCmd *cmd, const char *optname,
                     const char *pooloptname, const char **name,
                     unsigned int flags)
{
    g_autoptr(virshStoragePool) pool = NULL;
    virStorageVolPtr vol = NULL;
    const char *n = NULL;
    const char *p = NULL;

    if (vshCommandOptStringReq(ctl, cmd, optname, &n) < 0)
        return NULL;
    if (pooloptname &&
        vshCommandOptStringReq(ctl, cmd, pooloptname, &p) < 0)
        return NULL;
    if (p) {
        if (!(pool = virshCommandOptPoolBy(ctl, cmd, pooloptname, name,
                                           flags)))
            return NULL;
        if (virStoragePoolIsActive(pool) != 1) {
            vshError(ctl, "pool '%s' is not active", p);
            return NULL;
        }
    }
    vshDebug(ctl, VSH_ERR_DEBUG, "%s: found option <%s>: %s\n",
             cmd->def->name, optname, n);
    if (name)
        *name = n;
    if (pool && (flags & VIRSH_BYNAME)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as vol name\n",
                 cmd->def->name, optname);
        vol = virStorageVolLookupByName(pool, n);
    }
    if (!vol && (flags & VIRSH_BYUUID)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as vol key\n",
                 cmd->def->name, optname);
        vol = virStorageVolLookupByKey(virshConn(ctl), n);
    }
    if (!vol && (flags & VIRSH_BYUUID)) {
        vshDebug(ctl, VSH_ERR_DEBUG, "%s: <%s> trying as vol path\n",
                 cmd->def->name, optname);
        vol = virStorageVolLookupByPath(virshConn(ctl), n);
    }
    if (!vol) {
        if (pool || !pooloptname)
            vshError(ctl, "failed to get vol '%s'", n);
        else
            vshError(ctl, "failed to get vol '%s', specifying --%s might help",
                     n, pooloptname);
        return NULL;
    }
    vshResetLibvirtError();
    if (pool) {
        g_autoptr(virshStoragePool) volpool = virStoragePoolLookupByVolume(vol);

        if (volpool && strcmp(virStoragePoolGetName(volpool),
                              virStoragePoolGetName(pool)) != 0) {
            vshResetLibvirtError();
            vshError(ctl, "Requested volume '%s' is not in pool '%s'",
                     n, virStoragePoolGetName(pool));
            g_clear_pointer(&vol, virshStorageVolFree);
        }
    }
    return vol;
}

#define virshCommandOptVol(ctl, cmd, optname, pooloptname, name) \
    virshCommandOptVolBy(ctl, cmd, optname, pooloptname, name, \
                         VIRSH_BYUUID | VIRSH_BYNAME)

#define VIRSH_OPT_VOL_POOL(HELP) \
    VSH_DATA("pool", HELP, .completer = virshStoragePoolNameCompleter, \
        .completer_flags = VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)
#define VIRSH_OPT_POOL_OPTIONAL \
    VSH_STRING("pool", "pool name or uuid", \
        .completer = virshStoragePoolNameCompleter, \
        .completer_flags = VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)
#define VIRSH_OPT_VOL_NAME(HELP) \
    VSH_DATA("vol", HELP, .completer = virshStorageVolNameCompleter)
#define VIRSH_OPT_VOL_FULL VIRSH_OPT_VOL_NAME("vol name, key or path")
#define VIRSH_OPT_PREALLOC \
    VSH_BOOL("prealloc-metadata", \
        "preallocate metadata (for qcow2 instead of full allocation)")

/* A scaled size ("10M", "1GiB", bytes by default); -1 when malformed. */
static int
virshVolSize(const char *data, unsigned long long *val)
{
    char *end = NULL;

    errno = 0;
    if (!data || !g_ascii_isdigit(*data))
        return -1;
    *val = g_ascii_strtoull(data, &end, 10);
    if (errno || end == data)
        return -1;
    return vshScaleInteger(val, end, 1, G_MAXUINT64);
}

static const char *const virshVolTypes[] = {
    "file", "block", "dir", "network", "netdir", "ploop", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshVolTypes) == VIR_STORAGE_VOL_LAST + 1);

static const char *
virshVolumeTypeToString(int type)
{
    if (type < 0 || type >= VIR_STORAGE_VOL_LAST)
        return "unknown";
    return virshVolTypes[type];
}

/* ---- vol-create-as ---- */

static const vshCmdInfo info_vol_create_as = {
    .help = "create a volume from a set of args",
    .desc = "Create a vol.",
};

static const vshCmdOptDef opts_vol_create_as[] = {
    VIRSH_OPT_VOL_POOL("pool name"),
    VSH_DATA("name", "name of the volume", .completer = virshCompleteEmpty),
    VSH_DATA("capacity", "size of the vol, as scaled integer (default bytes)",
        .completer = virshCompleteEmpty),
    VSH_STRING("allocation",
        "initial allocation size, as scaled integer (default bytes)",
        .completer = virshCompleteEmpty),
    VSH_STRING("format", "file format type raw,bochs,qcow,qcow2,qed,vmdk"),
    VSH_STRING("backing-vol", "the backing volume if taking a snapshot"),
    VSH_STRING("backing-vol-format",
        "format of backing volume if taking a snapshot"),
    VIRSH_OPT_PREALLOC,
    VSH_BOOL("print-xml", "print XML document, but don't define/create"),
    VSH_OPT_END
};

/* The <backingStore> of @vol (a name in @pool, a key or a path). */
static bool
virshVolBackingXML(vshControl *ctl, virStoragePoolPtr pool, const char *vol,
                   const char *format, GString *buf)
{
    g_autoptr(virshStorageVol) snap = NULL;
    g_autofree char *path = NULL;

    if (!(snap = virStorageVolLookupByName(pool, vol)))
        snap = virStorageVolLookupByKey(virshConn(ctl), vol);
    if (!snap)
        snap = virStorageVolLookupByPath(virshConn(ctl), vol);
    if (!snap) {
        vshError(ctl, "failed to get vol '%s'", vol);
        return false;
    }
    if (!(path = virStorageVolGetPath(snap)))
        return false;
    g_string_append_printf(buf, "  <backingStore>\n    <path>%s</path>\n",
                           path);
    if (format)
        g_string_append_printf(buf, "    <format type='%s'/>\n", format);
    g_string_append(buf, "  </backingStore>\n");
    return true;
}

static bool
cmdVolCreateAs(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autoptr(virshStorageVol) vol = NULL;
    g_autoptr(GString) buf = NULL;
    const char *name = NULL, *capStr = NULL, *allocStr = NULL;
    const char *format = NULL, *backing = NULL, *backingFormat = NULL;
    unsigned long long capacity = 0, allocation = 0;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "name", &name) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "capacity", &capStr) < 0)
        return false;
    if (virshVolSize(capStr, &capacity) < 0) {
        vshError(ctl, "Malformed size %s", capStr);
        return false;
    }
    if (vshCommandOptStringQuiet(ctl, cmd, "allocation", &allocStr) > 0 &&
        virshVolSize(allocStr, &allocation) < 0) {
        vshError(ctl, "Malformed size %s", allocStr);
        return false;
    }
    if (vshCommandOptStringReq(ctl, cmd, "format", &format) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "backing-vol", &backing) < 0 ||
        vshCommandOptStringReq(ctl, cmd, "backing-vol-format",
                               &backingFormat) < 0)
        return false;
    buf = g_string_new("<volume>\n");
    g_string_append_printf(buf, "  <name>%s</name>\n"
                           "  <capacity>%llu</capacity>\n", name, capacity);
    if (allocStr)
        g_string_append_printf(buf, "  <allocation>%llu</allocation>\n",
                               allocation);
    if (format)
        g_string_append_printf(buf, "  <target>\n    <format type='%s'/>\n"
                               "  </target>\n", format);
    if (backing &&
        !virshVolBackingXML(ctl, pool, backing, backingFormat, buf))
        return false;
    g_string_append(buf, "</volume>\n");
    if (vshCommandOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", buf->str);
        return true;
    }
    if (!(vol = virStorageVolCreateXML(pool, buf->str, flags))) {
        vshError(ctl, "Failed to create vol %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s created\n", name);
    return true;
}

/* ---- vol-create, vol-create-from, vol-clone ---- */

static const vshCmdInfo info_vol_create = {
    .help = "create a vol from an XML file",
    .desc = "Create a vol.",
};

static const vshCmdOptDef opts_vol_create[] = {
    VIRSH_OPT_VOL_POOL("pool name"),
    VIRSH_OPT_FILE("file containing an XML vol description"),
    VIRSH_OPT_PREALLOC,
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdVolCreate(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autoptr(virshStorageVol) vol = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_STORAGE_VOL_CREATE_VALIDATE;
    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (!(vol = virStorageVolCreateXML(pool, buffer, flags))) {
        vshError(ctl, "Failed to create vol from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s created from %s\n",
                  virStorageVolGetName(vol), from);
    return true;
}

static const vshCmdInfo info_vol_create_from = {
    .help = "create a vol, using another volume as input",
    .desc = "Create a vol from an existing volume.",
};

static const vshCmdOptDef opts_vol_create_from[] = {
    VIRSH_OPT_VOL_POOL("pool name or uuid"),
    VIRSH_OPT_FILE("file containing an XML vol description"),
    VIRSH_OPT_VOL_FULL,
    VSH_STRING("inputpool", "pool name or uuid of the input volume's pool",
        .completer = virshStoragePoolNameCompleter),
    VIRSH_OPT_PREALLOC,
    VSH_BOOL("reflink", "use btrfs COW lightweight copy"),
    VSH_BOOL("validate", "validate the XML against the schema"),
    VSH_OPT_END
};

static bool
cmdVolCreateFrom(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autoptr(virshStorageVol) newvol = NULL;
    g_autoptr(virshStorageVol) input = NULL;
    g_autofree char *buffer = NULL;
    const char *from = NULL;
    unsigned int flags = 0;

    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", NULL)))
        return false;
    if (vshCommandOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (vshCommandOptBool(cmd, "reflink"))
        flags |= VIR_STORAGE_VOL_CREATE_REFLINK;
    if (vshCommandOptBool(cmd, "validate"))
        flags |= VIR_STORAGE_VOL_CREATE_VALIDATE;
    if (vshCommandOptStringReq(ctl, cmd, "file", &from) < 0)
        return false;
    if (!(input = virshCommandOptVol(ctl, cmd, "vol", "inputpool", NULL)))
        return false;
    if (virshFileReadAll(ctl, from, VSH_MAX_XML_FILE, &buffer) < 0)
        return false;
    if (!(newvol = virStorageVolCreateXMLFrom(pool, buffer, input, flags))) {
        vshError(ctl, "Failed to create vol from %s", from);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s created from input vol %s\n",
                  virStorageVolGetName(newvol), virStorageVolGetName(input));
    return true;
}

/* @origxml with its /volume/name set to @newname; NULL if malformed */
static char *
virshMakeCloneXML(const char *origxml, const char *newname)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(xmlXPathContext) ctxt = NULL;
    xmlNodePtr node;

    if (!(doc = virshXMLParse(origxml, "(volume_definition)", &ctxt)))
        return NULL;
    if (!(node = virshXPathNode("/volume/name", ctxt)))
        return NULL;
    xmlNodeSetContent(node, (const xmlChar *)newname);
    return virshXMLNodeToString(doc, doc->children);
}

static const vshCmdInfo info_vol_clone = {
    .help = "clone a volume.",
    .desc = "Clone an existing volume within the parent pool.",
};

static const vshCmdOptDef opts_vol_clone[] = {
    VIRSH_OPT_VOL_FULL,
    VSH_DATA("newname", "clone name", .completer = virshCompleteEmpty),
    VIRSH_OPT_POOL_OPTIONAL,
    VIRSH_OPT_PREALLOC,
    VSH_BOOL("reflink", "use btrfs COW lightweight copy"),
    VSH_BOOL("print-xml", "print XML document rather than clone the volume"),
    VSH_OPT_END
};

static bool
cmdVolClone(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) origpool = NULL;
    g_autoptr(virshStorageVol) origvol = NULL;
    g_autoptr(virshStorageVol) newvol = NULL;
    g_autofree char *origxml = NULL;
    g_autofree char *newxml = NULL;
    const char *name = NULL;
    unsigned int flags = 0;

    if (!(origvol = virshCommandOptVol(ctl, cmd, "vol", "pool", NULL)))
        return false;
    if (vshCommandOptBool(cmd, "prealloc-metadata"))
        flags |= VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA;
    if (vshCommandOptBool(cmd, "reflink"))
        flags |= VIR_STORAGE_VOL_CREATE_REFLINK;
    if (!(origpool = virStoragePoolLookupByVolume(origvol))) {
        vshError(ctl, "%s", "failed to get parent pool");
        return false;
    }
    if (vshCommandOptStringReq(ctl, cmd, "newname", &name) < 0)
        return false;
    if (!(origxml = virStorageVolGetXMLDesc(origvol, 0)))
        return false;
    if (!(newxml = virshMakeCloneXML(origxml, name))) {
        vshError(ctl, "%s", "Failed to allocate XML buffer");
        return false;
    }
    if (vshCommandOptBool(cmd, "print-xml")) {
        vshPrint(ctl, "%s", newxml);
        return true;
    }
    if (!(newvol = virStorageVolCreateXMLFrom(origpool, newxml, origvol,
                                              flags))) {
        vshError(ctl, "Failed to clone vol from %s",
                 virStorageVolGetName(origvol));
        return false;
    }
    vshPrintExtra(ctl, "Vol %s cloned from %s\n",
                  virStorageVolGetName(newvol), virStorageVolGetName(origvol));
    return true;
}

/* ---- vol-upload, vol-download ---- */

#define VIRSH_OPT_TRANSFER(OFFSET, LENGTH) \
    VSH_INT("offset", "volume offset to " OFFSET), \
    VSH_INT("length", "amount of data to " LENGTH), \
    VSH_BOOL("sparse", "preserve sparseness of volume")

static const vshCmdInfo info_vol_upload = {
    .help = "upload file contents to a volume",
    .desc = "Upload file contents to a volume",
};

static const vshCmdOptDef opts_vol_upload[] = {
    VIRSH_OPT_VOL_FULL,
    VIRSH_OPT_FILE("file"),
    VIRSH_OPT_POOL_OPTIONAL,
    VIRSH_OPT_TRANSFER("upload to", "upload"),
    VSH_OPT_END
};

static bool
virshVolTransferRange(vshControl *ctl, const vshCmd *cmd,
                      unsigned long long *offset, unsigned long long *length)
{
    return vshCommandOptULongLong(ctl, cmd, "offset", offset) >= 0 &&
           vshCommandOptULongLongWrap(ctl, cmd, "length", length) >= 0;
}

/* Send @fd's contents over @st; false (reported) on error. */
static bool
virshVolUploadSend(vshControl *ctl, virStreamPtr st, int fd, bool sparse,
                   const char *name)
{
    virshStreamCallbackData cb = { .ctl = ctl, .fd = fd };
    struct stat sb;
    int rc;

    if (fstat(fd, &sb) < 0) {
        vshError(ctl, "unable to stat %s", name);
        return false;
    }
    cb.isBlock = S_ISBLK(sb.st_mode);
    if (sparse)
        rc = virStreamSparseSendAll(st, virshStreamSource, virshStreamInData,
                                    virshStreamSourceSkip, &cb);
    else
        rc = virStreamSendAll(st, virshStreamSource, &cb);
    return rc >= 0;
}

static bool
cmdVolUpload(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;
    g_autoptr(virshStream) st = NULL;
    unsigned long long offset = 0, length = 0;
    bool sparse = vshCommandOptBool(cmd, "sparse");
    const char *file = NULL;
    const char *name = NULL;
    struct stat sb;
    int fd;

    if (!virshVolTransferRange(ctl, cmd, &offset, &length))
        return false;
    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", &name)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "file", &file) < 0)
        return false;
    if ((fd = open(file, O_RDONLY)) < 0) {
        vshError(ctl, "cannot read %s", file);
        return false;
    }
    if (fstat(fd, &sb) < 0) {
        vshError(ctl, "unable to stat %s", file);
        goto error;
    }
    if (!(st = virStreamNew(virshConn(ctl), 0))) {
        vshError(ctl, "cannot create a new stream");
        goto error;
    }
    if (virStorageVolUpload(vol, st, offset, length,
                            sparse ? VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM
                                   : 0) < 0) {
        vshError(ctl, "cannot upload to volume %s", name);
        goto error;
    }
    if (!virshVolUploadSend(ctl, st, fd, sparse, file)) {
        vshError(ctl, "cannot send data to volume %s", name);
        goto error;
    }
    if (close(fd) < 0) {
        vshError(ctl, "cannot close file %s", file);
        virStreamAbort(st);
        return false;
    }
    if (virStreamFinish(st) < 0) {
        vshError(ctl, "cannot close volume %s", name);
        return false;
    }
    return true;

 error:
    close(fd);
    return false;
}

static const vshCmdInfo info_vol_download = {
    .help = "download volume contents to a file",
    .desc = "Download volume contents to a file",
};

static const vshCmdOptDef opts_vol_download[] = {
    VIRSH_OPT_VOL_FULL,
    VIRSH_OPT_FILE("file"),
    VIRSH_OPT_POOL_OPTIONAL,
    VIRSH_OPT_TRANSFER("download from", "download"),
    VSH_OPT_END
};

/* Receive @st into @fd and finish it; false (reported) on error. */
static bool
virshVolDownloadRecv(vshControl *ctl, virStreamPtr st, int fd,
                     const char *file, const char *name)
{
    virshStreamCallbackData cb = { .ctl = ctl, .fd = fd };
    struct stat sb;

    if (fstat(fd, &sb) < 0) {
        vshError(ctl, "unable to stat %s", file);
        close(fd);
        return false;
    }
    cb.isBlock = S_ISBLK(sb.st_mode);
    if (virStreamSparseRecvAll(st, virshStreamSink, virshStreamSkip,
                               &cb) < 0) {
        vshError(ctl, "cannot receive data from volume %s", name);
        close(fd);
        return false;
    }
    if (close(fd) < 0) {
        vshError(ctl, "cannot close file %s", file);
        virStreamAbort(st);
        return false;
    }
    if (virStreamFinish(st) < 0) {
        vshError(ctl, "cannot close volume %s", name);
        return false;
    }
    return true;
}

static bool
cmdVolDownload(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;
    g_autoptr(virshStream) st = NULL;
    unsigned long long offset = 0, length = 0;
    const char *file = NULL;
    const char *name = NULL;
    unsigned int flags = 0;
    bool created = false;
    bool ret = false;
    int fd = -1;

    if (!virshVolTransferRange(ctl, cmd, &offset, &length))
        return false;
    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", &name)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "file", &file) < 0)
        return false;
    if (vshCommandOptBool(cmd, "sparse"))
        flags |= VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM;
    if ((fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0666)) >= 0) {
        created = true;
    } else if (errno != EEXIST ||
               (fd = open(file, O_WRONLY | O_TRUNC, 0666)) < 0) {
        vshError(ctl, "cannot create %s", file);
        return false;
    }
    if (!(st = virStreamNew(virshConn(ctl), 0))) {
        vshError(ctl, "cannot create a new stream");
        close(fd);
    } else if (virStorageVolDownload(vol, st, offset, length, flags) < 0) {
        vshError(ctl, "cannot download from volume %s", name);
        close(fd);
    } else {
        ret = virshVolDownloadRecv(ctl, st, fd, file, name);
    }
    if (!ret && created)
        unlink(file);
    return ret;
}

/* ---- vol-delete, vol-wipe, vol-resize ---- */

static const vshCmdInfo info_vol_delete = {
    .help = "delete a vol",
    .desc = "Delete a given vol.",
};

static const vshCmdOptDef opts_vol_delete[] = {
    VIRSH_OPT_VOL_FULL,
    VIRSH_OPT_POOL_OPTIONAL,
    VSH_BOOL("delete-snapshots",
        "delete snapshots associated with volume (must be supported by storage driver)"),
    VSH_OPT_END
};

static bool
cmdVolDelete(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;
    const char *name = NULL;
    unsigned int flags = 0;

    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", &name)))
        return false;
    if (vshCommandOptBool(cmd, "delete-snapshots"))
        flags |= VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS;
    if (virStorageVolDelete(vol, flags) != 0) {
        vshError(ctl, "Failed to delete vol %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s deleted\n", name);
    return true;
}

const char *const virshStorageVolWipeAlgorithms[] = {
    "zero", "nnsa", "dod", "bsi", "gutmann", "schneier", "pfitzner7",
    "pfitzner33", "random", "trim", NULL,
};
G_STATIC_ASSERT(G_N_ELEMENTS(virshStorageVolWipeAlgorithms) ==
                VIR_STORAGE_VOL_WIPE_ALG_LAST + 1);

char **
virshStorageVolWipeAlgorithmCompleter(vshControl *ctl G_GNUC_UNUSED,
                                      const vshCmd *cmd G_GNUC_UNUSED,
                                      unsigned int flags G_GNUC_UNUSED)
{
    return virshCompleteWords(virshStorageVolWipeAlgorithms);
}

static const vshCmdInfo info_vol_wipe = {
    .help = "wipe a vol",
    .desc = "Ensure data previously on a volume is not accessible to future reads",
};

static const vshCmdOptDef opts_vol_wipe[] = {
    VIRSH_OPT_VOL_FULL,
    VIRSH_OPT_POOL_OPTIONAL,
    VSH_STRING("algorithm", "perform selected wiping algorithm",
        .completer = virshStorageVolWipeAlgorithmCompleter),
    VSH_OPT_END
};

static bool
cmdVolWipe(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;
    int algorithm = VIR_STORAGE_VOL_WIPE_ALG_ZERO;
    const char *algStr = NULL;
    const char *name = NULL;
    int rc;

    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", &name)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "algorithm", &algStr) < 0)
        return false;
    if (algStr &&
        (algorithm = virshWordIndex(virshStorageVolWipeAlgorithms,
                                    algStr)) < 0) {
        vshError(ctl, "Unsupported algorithm '%s'", algStr);
        return false;
    }
    if ((rc = virStorageVolWipePattern(vol, algorithm, 0)) < 0 &&
        vshLastErrorCode() == VIR_ERR_NO_SUPPORT &&
        algorithm == VIR_STORAGE_VOL_WIPE_ALG_ZERO)
        rc = virStorageVolWipe(vol, 0);
    if (rc < 0) {
        vshError(ctl, "Failed to wipe vol %s", name);
        return false;
    }
    vshPrintExtra(ctl, "Vol %s wiped\n", name);
    return true;
}

static const vshCmdInfo info_vol_resize = {
    .help = "resize a vol",
    .desc = "Resizes a storage volume. This is safe only for storage volumes not in use by an active guest.\n"
            "See blockresize for live resizing.",
};

static const vshCmdOptDef opts_vol_resize[] = {
    VIRSH_OPT_VOL_FULL,
    VSH_DATA("capacity",
        "new capacity for the vol, as scaled integer (default bytes)",
        .completer = virshCompleteEmpty),
    VIRSH_OPT_POOL_OPTIONAL,
    VSH_BOOL("allocate",
        "allocate the new capacity, rather than leaving it sparse"),
    VSH_BOOL("delta",
        "use capacity as a delta to current size, rather than the new size"),
    VSH_BOOL("shrink", "allow the resize to shrink the volume"),
    VSH_OPT_END
};

static bool
cmdVolResize(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;
    bool delta = vshCommandOptBool(cmd, "delta");
    bool shrink = vshCommandOptBool(cmd, "shrink");
    unsigned long long capacity = 0;
    const char *capStr = NULL;
    unsigned int flags = 0;

    if (vshCommandOptBool(cmd, "allocate"))
        flags |= VIR_STORAGE_VOL_RESIZE_ALLOCATE;
    if (shrink)
        flags |= VIR_STORAGE_VOL_RESIZE_SHRINK;
    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", NULL)))
        return false;
    if (vshCommandOptStringReq(ctl, cmd, "capacity", &capStr) < 0)
        return false;
    while (g_ascii_isspace(*capStr))
        capStr++;
    if (*capStr == '-') {
        if (!shrink) {
            vshError(ctl, "%s", "negative size requires --shrink");
            return false;
        }
        capStr++;
        delta = true;
    }
    if (delta)
        flags |= VIR_STORAGE_VOL_RESIZE_DELTA;
    if (virshVolSize(capStr, &capacity) < 0) {
        vshError(ctl, "Malformed size %s", capStr);
        return false;
    }
    if (virStorageVolResize(vol, capacity, flags) < 0) {
        vshError(ctl, "Failed to change size of volume '%s' %s %s",
                 virStorageVolGetName(vol), delta ? "by" : "to", capStr);
        return false;
    }
    vshPrintExtra(ctl, "Size of volume '%s' successfully changed %s %s\n",
                  virStorageVolGetName(vol), delta ? "by" : "to", capStr);
    return true;
}

/* ---- vol-info, vol-dumpxml, vol-list ---- */

static const vshCmdInfo info_vol_info = {
    .help = "storage vol information",
    .desc = "Returns basic information about the storage vol.",
};

static const vshCmdOptDef opts_vol_info[] = {
    VIRSH_OPT_VOL_FULL,
    VIRSH_OPT_POOL_OPTIONAL,
    VSH_BOOL("bytes", "sizes are represented in bytes rather than pretty units"),
    VSH_BOOL("physical",
        "return the physical size of the volume in allocation field"),
    VSH_OPT_END
};

static void
virshVolInfoSize(vshControl *ctl, const char *label, unsigned long long v,
                 bool bytes)
{
    const char *unit;
    double d;

    if (bytes) {
        vshPrint(ctl, "%-15s %llu %s\n", label, v, "bytes");
        return;
    }
    d = vshPrettyCapacity(v, &unit);
    vshPrint(ctl, "%-15s %2.2lf %s\n", label, d, unit);
}

static bool
cmdVolInfo(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;
    bool bytes = vshCommandOptBool(cmd, "bytes");
    bool physical = vshCommandOptBool(cmd, "physical");
    virStorageVolInfo info;
    int rc;

    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", NULL)))
        return false;
    vshPrint(ctl, "%-15s %s\n", "Name:", virStorageVolGetName(vol));
    if (physical)
        rc = virStorageVolGetInfoFlags(vol, &info,
                                       VIR_STORAGE_VOL_GET_PHYSICAL);
    else
        rc = virStorageVolGetInfo(vol, &info);
    if (rc < 0)
        return false;
    vshPrint(ctl, "%-15s %s\n", "Type:", virshVolumeTypeToString(info.type));
    virshVolInfoSize(ctl, "Capacity:", info.capacity, bytes);
    virshVolInfoSize(ctl, physical ? "Physical:" : "Allocation:",
                     info.allocation, bytes);
    return true;
}

static const vshCmdInfo info_vol_dumpxml = {
    .help = "vol information in XML",
    .desc = "Output the vol information as an XML dump to stdout.",
};

static const vshCmdOptDef opts_vol_dumpxml[] = {
    VIRSH_OPT_VOL_FULL,
    VIRSH_OPT_POOL_OPTIONAL,
    VSH_STRING("xpath", "xpath expression to filter the XML document",
        .flags = VSH_OFLAG_REQ_OPT, .completer = virshCompleteEmpty),
    VSH_BOOL("wrap", "wrap xpath results in an common root element"),
    VSH_OPT_END
};

static bool
cmdVolDumpXML(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;
    g_autofree char *xml = NULL;
    const char *xpath = NULL;

    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", NULL)))
        return false;
    if (vshCommandOptStringQuiet(ctl, cmd, "xpath", &xpath) < 0)
        return false;
    if (!(xml = virStorageVolGetXMLDesc(vol, 0)))
        return false;
    return virshDumpXML(ctl, xml, "volume", xpath,
                        vshCommandOptBool(cmd, "wrap"));
}

static const vshCmdInfo info_vol_list = {
    .help = "list vols",
    .desc = "Returns list of vols by pool.",
};

static const vshCmdOptDef opts_vol_list[] = {
    VIRSH_OPT_VOL_POOL("pool name or uuid"),
    VSH_BOOL("details", "display extended details for volumes"),
    VSH_OPT_END
};

static int
virshStorageVolSorter(const void *a, const void *b)
{
    virStorageVolPtr va = *(virStorageVolPtr *)a;
    virStorageVolPtr vb = *(virStorageVolPtr *)b;

    if (va && !vb)
        return -1;
    if (!va)
        return vb != NULL;
    return g_ascii_strcasecmp(virStorageVolGetName(va),
                              virStorageVolGetName(vb));
}

static void
virshVolListRow(vshTable *table, virStorageVolPtr vol, bool details)
{
    g_autofree char *path = virStorageVolGetPath(vol);
    char *sizes[2] = { NULL };
    virStorageVolInfo info;
    const char *type = "unknown";

    if (!path)
        path = g_strdup("unknown");
    if (!details) {
        vshTableRowAppend(table, virStorageVolGetName(vol), path, NULL);
        return;
    }
    if (virStorageVolGetInfo(vol, &info) != 0) {
        sizes[0] = g_strdup("unknown");
        sizes[1] = g_strdup("unknown");
    } else {
        const char *unit;
        double d;

        type = virshVolumeTypeToString(info.type);
        d = vshPrettyCapacity(info.capacity, &unit);
        sizes[0] = g_strdup_printf("%.2lf %s", d, unit);
        d = vshPrettyCapacity(info.allocation, &unit);
        sizes[1] = g_strdup_printf("%.2lf %s", d, unit);
    }
    vshTableRowAppend(table, virStorageVolGetName(vol), path, type,
                      sizes[0], sizes[1], NULL);
    g_free(sizes[0]);
    g_free(sizes[1]);
}

static bool
cmdVolList(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    bool details = vshCommandOptBool(cmd, "details");
    g_autoptr(vshTable) table = NULL;
    virStorageVolPtr *vols = NULL;
    int n;
    int i;

    if (!(pool = virshCommandOptPool(ctl, cmd, "pool", NULL)))
        return false;
    if ((n = virStoragePoolListAllVolumes(pool, &vols, 0)) < 0) {
        vshError(ctl, "%s", "Failed to list volumes");
        return false;
    }
    qsort(vols, n, sizeof(*vols), virshStorageVolSorter);
    if (details)
        table = vshTableNew("Name", "Path", "Type", "Capacity", "Allocation",
                            NULL);
    else
        table = vshTableNew("Name", "Path", NULL);
    for (i = 0; i < n; i++)
        virshVolListRow(table, vols[i], details);
    vshTablePrintToStdout(table, ctl);
    for (i = 0; i < n; i++)
        virshStorageVolFree(vols[i]);
    g_free(vols);
    return true;
}

/* ---- vol-name, vol-pool, vol-key, vol-path ---- */

static const vshCmdInfo info_vol_name = {
    .help = "returns the volume name for a given volume key or path",
    .desc = "",
};

static const vshCmdOptDef opts_vol_name[] = {
    VSH_DATA("vol", "volume key or path",
        .completer = virshStorageVolKeyCompleter),
    VSH_OPT_END
};

static bool
cmdVolName(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;

    if (!(vol = virshCommandOptVolBy(ctl, cmd, "vol", NULL, NULL,
                                     VIRSH_BYUUID)))
        return false;
    vshPrint(ctl, "%s\n", virStorageVolGetName(vol));
    return true;
}

static const vshCmdInfo info_vol_pool = {
    .help = "returns the storage pool for a given volume key or path",
    .desc = "",
};

static const vshCmdOptDef opts_vol_pool[] = {
    VSH_DATA("vol", "volume key or path",
        .completer = virshStorageVolKeyCompleter),
    VSH_BOOL("uuid", "return the pool uuid rather than pool name"),
    VSH_OPT_END
};

static bool
cmdVolPool(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStoragePool) pool = NULL;
    g_autoptr(virshStorageVol) vol = NULL;
    char uuid[VIR_UUID_STRING_BUFLEN];

    if (!(vol = virshCommandOptVolBy(ctl, cmd, "vol", NULL, NULL,
                                     VIRSH_BYUUID)))
        return false;
    if (!(pool = virStoragePoolLookupByVolume(vol))) {
        vshError(ctl, "%s", "failed to get parent pool");
        return false;
    }
    if (!vshCommandOptBool(cmd, "uuid"))
        vshPrint(ctl, "%s\n", virStoragePoolGetName(pool));
    else if (virStoragePoolGetUUIDString(pool, uuid) == 0)
        vshPrint(ctl, "%s\n", uuid);
    return true;
}

static const vshCmdInfo info_vol_key = {
    .help = "returns the volume key for a given volume name or path",
    .desc = "",
};

static const vshCmdOptDef opts_vol_key[] = {
    VIRSH_OPT_VOL_NAME("volume name or path"),
    VIRSH_OPT_POOL_OPTIONAL,
    VSH_OPT_END
};

static bool
cmdVolKey(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;

    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", NULL)))
        return false;
    vshPrint(ctl, "%s\n", virStorageVolGetKey(vol));
    return true;
}

static const vshCmdInfo info_vol_path = {
    .help = "returns the volume path for a given volume name or key",
    .desc = "",
};

static const vshCmdOptDef opts_vol_path[] = {
    VIRSH_OPT_VOL_NAME("volume name or key"),
    VIRSH_OPT_POOL_OPTIONAL,
    VSH_OPT_END
};

static bool
cmdVolPath(vshControl *ctl, const vshCmd *cmd)
{
    g_autoptr(virshStorageVol) vol = NULL;
    g_autofree char *path = NULL;

    if (!(vol = virshCommandOptVol(ctl, cmd, "vol", "pool", NULL)))
        return false;
    if (!(path = virStorageVolGetPath(vol)))
        return false;
    vshPrint(ctl, "%s\n", path);
    return true;
}

const vshCmdDef storageVolCmds[] = {
    VSH_CMD("vol-clone", cmdVolClone, vol_clone),
    VSH_CMD("vol-create-as", cmdVolCreateAs, vol_create_as),
    VSH_CMD("vol-create", cmdVolCreate, vol_create),
    VSH_CMD("vol-create-from", cmdVolCreateFrom, vol_create_from),
    VSH_CMD("vol-delete", cmdVolDelete, vol_delete),
    VSH_CMD("vol-download", cmdVolDownload, vol_download),
    VSH_CMD("vol-dumpxml", cmdVolDumpXML, vol_dumpxml),
    VSH_CMD("vol-info", cmdVolInfo, vol_info),
    VSH_CMD("vol-key", cmdVolKey, vol_key),
    VSH_CMD("vol-list", cmdVolList, vol_list),
    VSH_CMD("vol-name", cmdVolName, vol_name),
    VSH_CMD("vol-path", cmdVolPath, vol_path),
    VSH_CMD("vol-pool", cmdVolPool, vol_pool),
    VSH_CMD("vol-resize", cmdVolResize, vol_resize),
    VSH_CMD("vol-upload", cmdVolUpload, vol_upload),
    VSH_CMD("vol-wipe", cmdVolWipe, vol_wipe),
    { .name = NULL }
};
