/*
 * fs_memory.c: <lease>, <filesystem>, <shmem> and <memory> devices.
 */
#include "internal.h"
#include "conf/domain/misc_devices.h"
#include "conf/domain/memory.h"
#include "conf/domain/bitmap.h"
#include "conf/domain/disk_source.h"
#include "util/virstring.h"
#include "util/viruuid.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainFS);
VIR_ENUM_IMPL(virDomainFS, 7, "mount", "block", "file", "template", "ram", "bind", "volume");
VIR_ENUM_DECL(virDomainFSDriver);
VIR_ENUM_IMPL(virDomainFSDriver, 7, "default", "path", "handle", "loop", "nbd", "ploop",
              "virtiofs");
VIR_ENUM_DECL(virDomainFSAccessMode);
VIR_ENUM_IMPL(virDomainFSAccessMode, 4, "", "passthrough", "mapped", "squash");
VIR_ENUM_DECL(virDomainFSWrpolicy);
VIR_ENUM_IMPL(virDomainFSWrpolicy, 2, "default", "immediate");
VIR_ENUM_DECL(virDomainFSModel);
VIR_ENUM_IMPL(virDomainFSModel, 4, "default", "virtio", "virtio-transitional",
              "virtio-non-transitional");
VIR_ENUM_DECL(virDomainFSMultidevs);
VIR_ENUM_IMPL(virDomainFSMultidevs, 4, "default", "remap", "forbid", "warn");
VIR_ENUM_DECL(virDomainFSCacheMode);
VIR_ENUM_IMPL(virDomainFSCacheMode, 3, "default", "none", "always");
VIR_ENUM_DECL(virDomainFSSandboxMode);
VIR_ENUM_IMPL(virDomainFSSandboxMode, 3, "default", "namespace", "chroot");
VIR_ENUM_DECL(virDomainShmemModel);
VIR_ENUM_IMPL(virDomainShmemModel, 3, "ivshmem", "ivshmem-plain", "ivshmem-doorbell");
VIR_ENUM_DECL(virDomainShmemRole);
VIR_ENUM_IMPL(virDomainShmemRole, 3, "default", "master", "peer");
VIR_ENUM_DECL(virDomainMemoryModel);
VIR_ENUM_IMPL(virDomainMemoryModel, 6, "", "dimm", "nvdimm", "virtio-pmem", "virtio-mem",
              "sgx-epc");

enum { FS_MOUNT, FS_BLOCK, FS_FILE, FS_TEMPLATE, FS_RAM, FS_BIND, FS_VOLUME };
#define FS_DRIVER_VIRTIOFS 6
enum { MEM_NONE, MEM_DIMM, MEM_NVDIMM, MEM_VIRTIO_PMEM, MEM_VIRTIO_MEM, MEM_SGX_EPC };

void
virDomainLeaseDefFree(void *dev)
{
    virDomainLeaseDef *def = dev;

    if (!def)
        return;
    g_free(def->lockspace);
    g_free(def->key);
    g_free(def->path);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainLeaseDef, virDomainLeaseDefFree);


void *
virDomainLeaseDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(virDomainLeaseDef) def = g_new0(virDomainLeaseDef, 1);
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    xmlNodePtr target;

    ctxt->node = node;
    if (!(def->key = virXPathString("string(./key)", ctxt))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing 'key' element for lease");
        return NULL;
    }
    def->lockspace = virXPathString("string(./lockspace)", ctxt);
    if (!(target = virXPathNode("./target", ctxt)) ||
        !(def->path = virXMLPropString(target, "path"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "Missing 'target' element for lease");
        return NULL;
    }
    if (virXMLPropULongLong(target, "offset", 10, VIR_XML_PROP_NONE, &def->offset) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainLeaseDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    const virDomainLeaseDef *def = dev;

    virBufferAddLit(buf, "<lease>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<lockspace>%s</lockspace>\n", def->lockspace);
    virBufferEscapeString(buf, "<key>%s</key>\n", def->key);
    virBufferEscapeString(buf, "<target path='%s'", def->path);
    if (def->offset)
        virBufferAsprintf(buf, " offset='%llu'", def->offset);
    virBufferAddLit(buf, "/>\n");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</lease>\n");
    return 0;
}


void
virDomainFSDefFree(void *dev)
{
    virDomainFSDef *def = dev;

    if (!def)
        return;
    g_free(def->binary);
    g_free(def->src);
    g_free(def->sock);
    g_free(def->pool);
    g_free(def->volume);
    g_free(def->dst);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainFSDef, virDomainFSDefFree);


static int
virDomainFSSourceParseXML(virDomainFSDef *def, xmlNodePtr source, xmlXPathContextPtr ctxt)
{
    static const char *attrs[] = { "dir", "dev", "file", "name", NULL, "dir", NULL };
    VIR_XPATH_NODE_AUTORESTORE(ctxt);

    if (!source)
        return 0;
    ctxt->node = source;
    if (def->type == FS_RAM)
        return virDomainParseMemory("./@usage", "./@units", ctxt, &def->usage, true);
    if (def->type == FS_VOLUME) {
        def->pool = virXMLPropString(source, "pool");
        def->volume = virXMLPropString(source, "volume");
        return 0;
    }
    def->src = virXMLPropString(source, attrs[def->type]);
    if (def->type == FS_MOUNT)
        def->sock = virXMLPropString(source, "socket");
    return 0;
}


static int
virDomainFSDriverParseXML(virDomainFSDef *def, xmlNodePtr node)
{
    xmlNodePtr driver = virXMLNodeGetSubelement(node, "driver");
    xmlNodePtr binary = virXMLNodeGetSubelement(node, "binary");
    xmlNodePtr cur;
    g_autofree char *format = NULL;
    int val;

    if (driver) {
        if (virXMLPropEnum(driver, "type", virDomainFSDriverTypeFromString,
                           VIR_XML_PROP_NONZERO, &def->fsdriver) < 0 ||
            virXMLPropEnum(driver, "wrpolicy", virDomainFSWrpolicyTypeFromString,
                           VIR_XML_PROP_NONZERO, &def->wrpolicy) < 0 ||
            virXMLPropULongLong(driver, "queue", 10, VIR_XML_PROP_NONE, &def->queueSize) < 0 ||
            virXMLPropTristateSwitch(driver, "iommu", VIR_XML_PROP_NONE, &def->iommu) < 0 ||
            virXMLPropTristateSwitch(driver, "ats", VIR_XML_PROP_NONE, &def->ats) < 0 ||
            virXMLPropTristateSwitch(driver, "packed", VIR_XML_PROP_NONE, &def->packed) < 0 ||
            virXMLPropTristateSwitch(driver, "page_per_vq", VIR_XML_PROP_NONE,
                                     &def->pagePerVQ) < 0)
            return -1;
        if ((format = virXMLPropString(driver, "format"))) {
            if ((val = virDomainStorageFileFormatTypeFromString(format)) <= 0) {
                virReportError(VIR_ERR_XML_ERROR, "unknown driver format value '%s'", format);
                return -1;
            }
            def->format = val;
        }
    }
    if (!binary)
        return 0;
    def->binary = virXMLPropString(binary, "path");
    if (virXMLPropTristateSwitch(binary, "xattr", VIR_XML_PROP_NONE, &def->xattr) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(binary, "cache")) &&
        virXMLPropEnum(cur, "mode", virDomainFSCacheModeTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->cache) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(binary, "sandbox")) &&
        virXMLPropEnum(cur, "mode", virDomainFSSandboxModeTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->sandbox) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(binary, "lock")) &&
        (virXMLPropTristateSwitch(cur, "posix", VIR_XML_PROP_NONE, &def->posixLock) < 0 ||
         virXMLPropTristateSwitch(cur, "flock", VIR_XML_PROP_NONE, &def->flock) < 0))
        return -1;
    if ((cur = virXMLNodeGetSubelement(binary, "thread_pool")) &&
        virXMLPropInt(cur, "size", 10, VIR_XML_PROP_NONE, &def->threadPoolSize, -1) < 0)
        return -1;
    return 0;
}


void *
virDomainFSDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                       const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainFSDef) def = g_new0(virDomainFSDef, 1);
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    xmlNodePtr target;
    g_autofree char *fmode = NULL;
    g_autofree char *dmode = NULL;

    ctxt->node = node;
    def->threadPoolSize = -1;
    if (virXMLPropEnum(node, "type", virDomainFSTypeFromString, VIR_XML_PROP_NONE,
                       &def->type) < 0 ||
        virXMLPropEnum(node, "accessmode", virDomainFSAccessModeTypeFromString,
                       VIR_XML_PROP_NONE, &def->accessmode) < 0 ||
        virXMLPropEnum(node, "model", virDomainFSModelTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->model) < 0 ||
        virXMLPropEnum(node, "multidevs", virDomainFSMultidevsTypeFromString,
                       VIR_XML_PROP_NONE, &def->multidevs) < 0)
        return NULL;
    if (((fmode = virXMLPropString(node, "fmode")) &&
         virStrToLong_uip(fmode, NULL, 8, &def->fmode) < 0) ||
        ((dmode = virXMLPropString(node, "dmode")) &&
         virStrToLong_uip(dmode, NULL, 8, &def->dmode) < 0)) {
        virReportError(VIR_ERR_XML_ERROR, "invalid fmode/dmode: '%s'", fmode ? fmode : dmode);
        return NULL;
    }
    if (virDomainParseScaledValue("./space_hard_limit[1]", NULL, ctxt,
                                  &def->spaceHardLimit, 1, ULLONG_MAX, false) < 0 ||
        virDomainParseScaledValue("./space_soft_limit[1]", NULL, ctxt,
                                  &def->spaceSoftLimit, 1, ULLONG_MAX, false) < 0)
        return NULL;
    if (virDomainFSSourceParseXML(def, virXMLNodeGetSubelement(node, "source"), ctxt) < 0 ||
        virDomainFSDriverParseXML(def, node) < 0)
        return NULL;
    if ((target = virXMLNodeGetSubelement(node, "target")))
        def->dst = virXMLPropString(target, "dir");
    if (!def->dst) {
        virReportError(VIR_ERR_NO_TARGET, def->src ? "%s" : NULL, def->src);
        return NULL;
    }
    def->readonly = virXMLNodeGetSubelement(node, "readonly") != NULL;
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


static void
virDomainFSDriverFormat(virBuffer *buf, const virDomainFSDef *def)
{
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) binAttrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) binBuf = VIR_BUFFER_INIT_CHILD(buf);
    g_auto(virBuffer) lockBuf = VIR_BUFFER_INITIALIZER;

    if (def->fsdriver) {
        virBufferAsprintf(&driverBuf, " type='%s'", virDomainFSDriverTypeToString(def->fsdriver));
        if (def->format)
            virBufferAsprintf(&driverBuf, " format='%s'",
                              virDomainStorageFileFormatTypeToString(def->format));
        if (def->wrpolicy)
            virBufferAsprintf(&driverBuf, " wrpolicy='%s'",
                              virDomainFSWrpolicyTypeToString(def->wrpolicy));
        if (def->queueSize)
            virBufferAsprintf(&driverBuf, " queue='%llu'", def->queueSize);
    }
    if (def->fsdriver == FS_DRIVER_VIRTIOFS) {
        virBufferEscapeString(&binAttrBuf, " path='%s'", def->binary);
        if (def->xattr)
            virBufferAsprintf(&binAttrBuf, " xattr='%s'", virTristateSwitchTypeToString(def->xattr));
        if (def->cache)
            virBufferAsprintf(&binBuf, "<cache mode='%s'/>\n",
                              virDomainFSCacheModeTypeToString(def->cache));
        if (def->sandbox)
            virBufferAsprintf(&binBuf, "<sandbox mode='%s'/>\n",
                              virDomainFSSandboxModeTypeToString(def->sandbox));
        if (def->posixLock)
            virBufferAsprintf(&lockBuf, " posix='%s'", virTristateSwitchTypeToString(def->posixLock));
        if (def->flock)
            virBufferAsprintf(&lockBuf, " flock='%s'", virTristateSwitchTypeToString(def->flock));
        virBufferFormatElement(&binBuf, "lock", &lockBuf, NULL);
        if (def->threadPoolSize >= 0)
            virBufferAsprintf(&binBuf, "<thread_pool size='%d'/>\n", def->threadPoolSize);
    }
    if (def->iommu)
        virBufferAsprintf(&driverBuf, " iommu='%s'", virTristateSwitchTypeToString(def->iommu));
    if (def->ats)
        virBufferAsprintf(&driverBuf, " ats='%s'", virTristateSwitchTypeToString(def->ats));
    if (def->packed)
        virBufferAsprintf(&driverBuf, " packed='%s'", virTristateSwitchTypeToString(def->packed));
    if (def->pagePerVQ)
        virBufferAsprintf(&driverBuf, " page_per_vq='%s'",
                          virTristateSwitchTypeToString(def->pagePerVQ));
    virBufferFormatElement(buf, "driver", &driverBuf, NULL);
    virBufferFormatElement(buf, "binary", &binAttrBuf, &binBuf);
}


static void
virDomainFSSourceFormat(virBuffer *buf, const virDomainFSDef *def)
{
    switch (def->type) {
    case FS_MOUNT:
    case FS_BIND:
        if (def->sock)
            virBufferEscapeString(buf, "<source socket='%s'/>\n", def->sock);
        else
            virBufferEscapeString(buf, "<source dir='%s'/>\n", def->src);
        break;
    case FS_BLOCK:
        virBufferEscapeString(buf, "<source dev='%s'/>\n", def->src);
        break;
    case FS_FILE:
        virBufferEscapeString(buf, "<source file='%s'/>\n", def->src);
        break;
    case FS_TEMPLATE:
        virBufferEscapeString(buf, "<source name='%s'/>\n", def->src);
        break;
    case FS_RAM:
        virBufferAsprintf(buf, "<source usage='%llu' units='KiB'/>\n", def->usage);
        break;
    case FS_VOLUME:
        virBufferAddLit(buf, "<source");
        virBufferEscapeString(buf, " pool='%s'", def->pool);
        virBufferEscapeString(buf, " volume='%s'", def->volume);
        virBufferAddLit(buf, "/>\n");
        break;
    }
}


int
virDomainFSDefFormat(virBuffer *buf, const void *dev,
                     const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainFSDef *def = dev;

    virBufferAsprintf(buf, "<filesystem type='%s'", virDomainFSTypeToString(def->type));
    if (def->accessmode)
        virBufferAsprintf(buf, " accessmode='%s'",
                          virDomainFSAccessModeTypeToString(def->accessmode));
    if (def->model)
        virBufferAsprintf(buf, " model='%s'", virDomainFSModelTypeToString(def->model));
    if (def->multidevs)
        virBufferAsprintf(buf, " multidevs='%s'", virDomainFSMultidevsTypeToString(def->multidevs));
    if (def->fmode)
        virBufferAsprintf(buf, " fmode='%04o'", def->fmode);
    if (def->dmode)
        virBufferAsprintf(buf, " dmode='%04o'", def->dmode);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virDomainFSDriverFormat(buf, def);
    virDomainFSSourceFormat(buf, def);
    virBufferEscapeString(buf, "<target dir='%s'/>\n", def->dst);
    if (def->readonly)
        virBufferAddLit(buf, "<readonly/>\n");
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    if (def->spaceHardLimit)
        virBufferAsprintf(buf, "<space_hard_limit unit='bytes'>%llu</space_hard_limit>\n",
                          def->spaceHardLimit);
    if (def->spaceSoftLimit)
        virBufferAsprintf(buf, "<space_soft_limit unit='bytes'>%llu</space_soft_limit>\n",
                          def->spaceSoftLimit);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</filesystem>\n");
    return 0;
}


void
virDomainShmemDefFree(void *dev)
{
    virDomainShmemDef *def = dev;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->serverPath);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainShmemDef, virDomainShmemDefFree);


void *
virDomainShmemDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainShmemDef) def = g_new0(virDomainShmemDef, 1);
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    xmlNodePtr cur;

    ctxt->node = node;
    if ((cur = virXPathNode("./model", ctxt)) &&
        virXMLPropEnum(cur, "type", virDomainShmemModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->model) < 0)
        return NULL;
    if (!(def->name = virXMLPropString(node, "name"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "shmem element must contain 'name' attribute");
        return NULL;
    }
    if (virXMLPropEnum(node, "role", virDomainShmemRoleTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->role) < 0 ||
        virDomainParseScaledValue("./size[1]", NULL, ctxt, &def->size, 1,
                                  ULLONG_MAX, false) < 0)
        return NULL;
    if ((cur = virXPathNode("./server[1]", ctxt))) {
        def->serverEnabled = true;
        def->serverPath = virXMLPropString(cur, "path");
    }
    if ((cur = virXPathNode("./msi[1]", ctxt))) {
        def->msiEnabled = true;
        if (virXMLPropUInt(cur, "vectors", 0, VIR_XML_PROP_NONZERO, &def->msiVectors) < 0 ||
            virXMLPropTristateSwitch(cur, "ioeventfd", VIR_XML_PROP_NONE,
                                     &def->msiIoeventfd) < 0)
            return NULL;
    }
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainShmemDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainShmemDef *def = dev;

    virBufferEscapeString(buf, "<shmem name='%s'", def->name);
    if (def->role)
        virBufferAsprintf(buf, " role='%s'", virDomainShmemRoleTypeToString(def->role));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferAsprintf(buf, "<model type='%s'/>\n", virDomainShmemModelTypeToString(def->model));
    if (def->size)
        virBufferAsprintf(buf, "<size unit='M'>%llu</size>\n", def->size >> 20);
    if (def->serverEnabled) {
        virBufferAddLit(buf, "<server");
        virBufferEscapeString(buf, " path='%s'", def->serverPath);
        virBufferAddLit(buf, "/>\n");
    }
    if (def->msiEnabled) {
        virBufferAddLit(buf, "<msi");
        if (def->msiVectors)
            virBufferAsprintf(buf, " vectors='%u'", def->msiVectors);
        if (def->msiIoeventfd)
            virBufferAsprintf(buf, " ioeventfd='%s'",
                              virTristateSwitchTypeToString(def->msiIoeventfd));
        virBufferAddLit(buf, "/>\n");
    }
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</shmem>\n");
    return 0;
}


void
virDomainMemoryDeviceDefFree(void *dev)
{
    virDomainMemoryDeviceDef *def = dev;

    if (!def)
        return;
    g_free(def->nodemask);
    g_free(def->path);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainMemoryDeviceDef, virDomainMemoryDeviceDefFree);


static int
virDomainMemoryDeviceSourceParseXML(virDomainMemoryDeviceDef *def, xmlXPathContextPtr ctxt)
{
    g_autofree char *nodemask = NULL;

    if (!virXPathNode("./source", ctxt))
        return 0;
    if ((nodemask = virXPathString("string(./source/nodemask)", ctxt)) &&
        !(def->nodemask = virDomainBitmapCanonical(nodemask, false)))
        return -1;
    def->path = virXPathString("string(./source/path)", ctxt);
    def->pmem = virXPathNode("./source/pmem", ctxt) != NULL;
    if (virDomainParseMemory("./source/pagesize", "./source/pagesize/@unit", ctxt,
                             &def->pagesize, false) < 0 ||
        virDomainParseMemory("./source/alignsize", "./source/alignsize/@unit", ctxt,
                             &def->alignsize, false) < 0)
        return -1;
    return 0;
}


static int
virDomainMemoryDeviceTargetParseXML(virDomainMemoryDeviceDef *def, xmlXPathContextPtr ctxt)
{
    int rv;

    if (virDomainParseMemory("./target/size", "./target/size/@unit", ctxt,
                             &def->size, def->model != MEM_SGX_EPC) < 0)
        return -1;
    if ((rv = virXPathInt("string(./target/node)", ctxt, &def->targetNode)) == -2 ||
        (rv == 0 && def->targetNode < 0)) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "invalid value of memory device node");
        return -1;
    }
    if (rv < 0)
        def->targetNode = -1;
    def->readonly = virXPathNode("./target/readonly", ctxt) != NULL;
    if (virDomainParseMemory("./target/label/size", "./target/label/size/@unit", ctxt,
                             &def->labelsize, false) < 0 ||
        virDomainParseMemory("./target/block", "./target/block/@unit", ctxt,
                             &def->blocksize, false) < 0 ||
        virDomainParseMemory("./target/requested", "./target/requested/@unit", ctxt,
                             &def->requestedsize, false) < 0 ||
        virDomainParseMemory("./target/current", "./target/current/@unit", ctxt,
                             &def->currentsize, false) < 0)
        return -1;
    return 0;
}


void *
virDomainMemoryDeviceDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                 const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainMemoryDeviceDef) def = g_new0(virDomainMemoryDeviceDef, 1);
    VIR_XPATH_NODE_AUTORESTORE(ctxt);
    g_autofree char *uuid = NULL;

    ctxt->node = node;
    if (virXMLPropEnum(node, "model", virDomainMemoryModelTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO, &def->model) < 0 ||
        virXMLPropEnum(node, "access", virDomainMemoryAccessTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->access) < 0 ||
        virXMLPropTristateBool(node, "discard", VIR_XML_PROP_NONE, &def->discard) < 0)
        return NULL;
    if ((uuid = virXPathString("string(./uuid[1])", ctxt))) {
        if (virUUIDParse(uuid, def->uuid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "malformed uuid element");
            return NULL;
        }
        def->hasUUID = true;
    }
    if (virDomainMemoryDeviceSourceParseXML(def, ctxt) < 0 ||
        virDomainMemoryDeviceTargetParseXML(def, ctxt) < 0 ||
        virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


static void
virDomainMemoryDeviceSourceFormat(virBuffer *buf, const virDomainMemoryDeviceDef *def)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    switch (def->model) {
    case MEM_DIMM:
    case MEM_VIRTIO_MEM:
    case MEM_SGX_EPC:
        virBufferEscapeString(&childBuf, "<nodemask>%s</nodemask>\n", def->nodemask);
        if (def->pagesize && def->model != MEM_SGX_EPC)
            virBufferAsprintf(&childBuf, "<pagesize unit='KiB'>%llu</pagesize>\n", def->pagesize);
        break;
    case MEM_NVDIMM:
        virBufferEscapeString(&childBuf, "<path>%s</path>\n", def->path);
        if (def->alignsize)
            virBufferAsprintf(&childBuf, "<alignsize unit='KiB'>%llu</alignsize>\n",
                              def->alignsize);
        if (def->pmem)
            virBufferAddLit(&childBuf, "<pmem/>\n");
        break;
    case MEM_VIRTIO_PMEM:
        virBufferEscapeString(&childBuf, "<path>%s</path>\n", def->path);
        break;
    }
    virBufferFormatElement(buf, "source", NULL, &childBuf);
}


static void
virDomainMemoryDeviceTargetFormat(virBuffer *buf, const virDomainMemoryDeviceDef *def,
                                  unsigned int flags)
{
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&childBuf, "<size unit='KiB'>%llu</size>\n", def->size);
    if (def->targetNode >= 0)
        virBufferAsprintf(&childBuf, "<node>%d</node>\n", def->targetNode);
    if (def->labelsize) {
        virBufferAddLit(&childBuf, "<label>\n");
        virBufferAsprintf(&childBuf, "  <size unit='KiB'>%llu</size>\n", def->labelsize);
        virBufferAddLit(&childBuf, "</label>\n");
    }
    if (def->readonly)
        virBufferAddLit(&childBuf, "<readonly/>\n");
    if (def->blocksize) {
        virBufferAsprintf(&childBuf, "<block unit='KiB'>%llu</block>\n", def->blocksize);
        virBufferAsprintf(&childBuf, "<requested unit='KiB'>%llu</requested>\n",
                          def->requestedsize);
        if (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
            virBufferAsprintf(&childBuf, "<current unit='KiB'>%llu</current>\n",
                              def->currentsize);
    }
    virBufferFormatElement(buf, "target", NULL, &childBuf);
}


int
virDomainMemoryDeviceDefFormat(virBuffer *buf, const void *dev,
                               const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainMemoryDeviceDef *def = dev;
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virBufferAsprintf(buf, "<memory model='%s'", virDomainMemoryModelTypeToString(def->model));
    if (def->access)
        virBufferAsprintf(buf, " access='%s'", virDomainMemoryAccessTypeToString(def->access));
    if (def->discard)
        virBufferAsprintf(buf, " discard='%s'", virTristateBoolTypeToString(def->discard));
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    if (def->hasUUID)
        virBufferAsprintf(buf, "<uuid>%s</uuid>\n", virUUIDFormat(def->uuid, uuidstr));
    virDomainMemoryDeviceSourceFormat(buf, def);
    virDomainMemoryDeviceTargetFormat(buf, def, flags);
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</memory>\n");
    return 0;
}
