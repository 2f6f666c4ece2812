/*
 * device.c: the device framework -- one table row per device kind, and
 * the generic walks over <devices> that use it.
 */
#include "internal.h"
#include "conf/domain/domain_def.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

#define LIST(field) offsetof(virDomainDef, field), offsetof(virDomainDef, n ## field)
#define INFO(type) offsetof(type, info)
#define BOOT VIR_DOMAIN_DEF_PARSE_ALLOW_BOOT
#define ROM VIR_DOMAIN_DEF_PARSE_ALLOW_ROM

static const virDomainDeviceOps deviceOps[] = {
    [VIR_DOMAIN_DEVICE_DISK] = {
        "disk", LIST(disks), INFO(virDomainDiskDef), BOOT, 0, NULL,
        virDomainDiskDefParseXML, virDomainDiskDefFormat, virDomainDiskDefFree,
        virDomainDiskDefValidate, virDomainDiskInsertPos },
    [VIR_DOMAIN_DEVICE_CONTROLLER] = {
        "controller", LIST(controllers), INFO(virDomainControllerDef), 0, 0, NULL,
        virDomainControllerDefParseXML, virDomainControllerDefFormat,
        virDomainControllerDefFree, NULL, virDomainControllerInsertPos },
    [VIR_DOMAIN_DEVICE_LEASE] = {
        "lease", LIST(leases), -1, 0, 0, NULL,
        virDomainLeaseDefParseXML, virDomainLeaseDefFormat, virDomainLeaseDefFree, NULL },
    [VIR_DOMAIN_DEVICE_FS] = {
        "filesystem", LIST(fss), INFO(virDomainFSDef), BOOT, 0, NULL,
        virDomainFSDefParseXML, virDomainFSDefFormat, virDomainFSDefFree, NULL },
    [VIR_DOMAIN_DEVICE_NET] = {
        "interface", LIST(nets), INFO(virDomainNetDef), BOOT | ROM, 0, NULL,
        virDomainNetDefParseXML, virDomainNetDefFormat, virDomainNetDefFree, NULL },
    [VIR_DOMAIN_DEVICE_SMARTCARD] = {
        "smartcard", LIST(smartcards), INFO(virDomainSmartcardDef), 0, 0, NULL,
        virDomainSmartcardDefParseXML, virDomainSmartcardDefFormat,
        virDomainSmartcardDefFree, virDomainSmartcardDefValidate },
    [VIR_DOMAIN_DEVICE_SERIAL] = {
        "serial", LIST(serials), INFO(virDomainChrDef), 0, 0, NULL,
        virDomainChrDefParseXML, virDomainChrDefFormat, virDomainChrDefFree,
        virDomainChrDefValidate },
    [VIR_DOMAIN_DEVICE_PARALLEL] = {
        "parallel", LIST(parallels), INFO(virDomainChrDef), 0, 0, NULL,
        virDomainChrDefParseXML, virDomainChrDefFormat, virDomainChrDefFree,
        virDomainChrDefValidate },
    [VIR_DOMAIN_DEVICE_CONSOLE] = {
        "console", LIST(consoles), INFO(virDomainChrDef), 0, 0, NULL,
        virDomainChrDefParseXML, virDomainChrDefFormat, virDomainChrDefFree,
        virDomainChrDefValidate },
    [VIR_DOMAIN_DEVICE_CHANNEL] = {
        "channel", LIST(channels), INFO(virDomainChrDef), 0, 0, NULL,
        virDomainChrDefParseXML, virDomainChrDefFormat, virDomainChrDefFree,
        virDomainChrDefValidate },
    [VIR_DOMAIN_DEVICE_INPUT] = {
        "input", LIST(inputs), INFO(virDomainInputDef), 0, 0, NULL,
        virDomainInputDefParseXML, virDomainInputDefFormat, virDomainInputDefFree, NULL },
    [VIR_DOMAIN_DEVICE_TPM] = {
        "tpm", LIST(tpms), INFO(virDomainTPMDef), 0, 2,
        "a maximum of two TPM devices is supported, one of them being a TPM Proxy device",
        virDomainTPMDefParseXML, virDomainTPMDefFormat, virDomainTPMDefFree, NULL },
    [VIR_DOMAIN_DEVICE_GRAPHICS] = {
        "graphics", LIST(graphics), -1, 0, 0, NULL,
        virDomainGraphicsDefParseXML, virDomainGraphicsDefFormat,
        virDomainGraphicsDefFree, NULL },
    [VIR_DOMAIN_DEVICE_SOUND] = {
        "sound", LIST(sounds), INFO(virDomainSoundDef), 0, 0, NULL,
        virDomainSoundDefParseXML, virDomainSoundDefFormat, virDomainSoundDefFree, NULL },
    [VIR_DOMAIN_DEVICE_AUDIO] = {
        "audio", LIST(audios), -1, 0, 0, NULL,
        virDomainAudioDefParseXML, virDomainAudioDefFormat, virDomainAudioDefFree, NULL },
    [VIR_DOMAIN_DEVICE_VIDEO] = {
        "video", LIST(videos), INFO(virDomainVideoDef), 0, 0, NULL,
        virDomainVideoDefParseXML, virDomainVideoDefFormat, virDomainVideoDefFree, NULL },
    [VIR_DOMAIN_DEVICE_HOSTDEV] = {
        "hostdev", LIST(hostdevs), INFO(virDomainHostdevDef), BOOT | ROM, 0, NULL,
        virDomainHostdevDefParseXML, virDomainHostdevDefFormat,
        virDomainHostdevDefFree, NULL },
    [VIR_DOMAIN_DEVICE_REDIRDEV] = {
        "redirdev", LIST(redirdevs), INFO(virDomainRedirdevDef), BOOT, 0, NULL,
        virDomainRedirdevDefParseXML, virDomainRedirdevDefFormat,
        virDomainRedirdevDefFree, virDomainRedirdevDefValidate },
    [VIR_DOMAIN_DEVICE_REDIRFILTER] = {
        "redirfilter", LIST(redirfilters), -1, 0, 1,
        "only one redirfilter is supported",
        virDomainRedirFilterDefParseXML, virDomainRedirFilterDefFormat,
        virDomainRedirFilterDefFree, NULL },
    [VIR_DOMAIN_DEVICE_HUB] = {
        "hub", LIST(hubs), INFO(virDomainHubDef), 0, 0, NULL,
        virDomainHubDefParseXML, virDomainHubDefFormat, virDomainHubDefFree, NULL },
    [VIR_DOMAIN_DEVICE_WATCHDOG] = {
        "watchdog", LIST(watchdogs), INFO(virDomainWatchdogDef), 0, 1,
        "only a single watchdog device is supported",
        virDomainWatchdogDefParseXML, virDomainWatchdogDefFormat,
        virDomainWatchdogDefFree, NULL },
    [VIR_DOMAIN_DEVICE_MEMBALLOON] = {
        "memballoon", LIST(memballoons), INFO(virDomainMemballoonDef), 0, 1,
        "only a single memory balloon device is supported",
        virDomainMemballoonDefParseXML, virDomainMemballoonDefFormat,
        virDomainMemballoonDefFree, NULL },
    [VIR_DOMAIN_DEVICE_RNG] = {
        "rng", LIST(rngs), INFO(virDomainRNGDef), 0, 0, NULL,
        virDomainRNGDefParseXML, virDomainRNGDefFormat, virDomainRNGDefFree,
        virDomainRNGDefValidate },
    [VIR_DOMAIN_DEVICE_NVRAM] = {
        "nvram", LIST(nvrams), INFO(virDomainNVRAMDef), 0, 1,
        "only a single nvram device is supported",
        virDomainNVRAMDefParseXML, virDomainNVRAMDefFormat, virDomainNVRAMDefFree, NULL },
    [VIR_DOMAIN_DEVICE_PANIC] = {
        "panic", LIST(panics), INFO(virDomainPanicDef), 0, 0, NULL,
        virDomainPanicDefParseXML, virDomainPanicDefFormat, virDomainPanicDefFree, NULL },
    [VIR_DOMAIN_DEVICE_SHMEM] = {
        "shmem", LIST(shmems), INFO(virDomainShmemDef), 0, 0, NULL,
        virDomainShmemDefParseXML, virDomainShmemDefFormat, virDomainShmemDefFree, NULL },
    [VIR_DOMAIN_DEVICE_MEMORY] = {
        "memory", LIST(mems), INFO(virDomainMemoryDeviceDef), 0, 0, NULL,
        virDomainMemoryDeviceDefParseXML, virDomainMemoryDeviceDefFormat,
        virDomainMemoryDeviceDefFree, NULL },
    [VIR_DOMAIN_DEVICE_IOMMU] = {
        "iommu", LIST(iommus), INFO(virDomainIOMMUDef), 0, 1,
        "only a single IOMMU device is supported",
        virDomainIOMMUDefParseXML, virDomainIOMMUDefFormat, virDomainIOMMUDefFree, NULL },
    [VIR_DOMAIN_DEVICE_VSOCK] = {
        "vsock", LIST(vsocks), INFO(virDomainVsockDef), 0, 1,
        "only a single vsock device is supported",
        virDomainVsockDefParseXML, virDomainVsockDefFormat, virDomainVsockDefFree, NULL },
};
G_STATIC_ASSERT(G_N_ELEMENTS(deviceOps) == VIR_DOMAIN_DEVICE_LAST);

#undef LIST
#undef INFO
#undef BOOT
#undef ROM

const virDomainDeviceOps *
virDomainDeviceOpsGet(virDomainDeviceType type)
{
    return &deviceOps[type];
}


static void ***
virDomainDefDeviceList(const virDomainDef *def, virDomainDeviceType type)
{
    return (void ***)((char *)def + deviceOps[type].listOffset);
}


static size_t *
virDomainDefDeviceCountPtr(const virDomainDef *def, virDomainDeviceType type)
{
    return (size_t *)((char *)def + deviceOps[type].countOffset);
}


size_t
virDomainDefDeviceCount(const virDomainDef *def, virDomainDeviceType type)
{
    return *virDomainDefDeviceCountPtr(def, type);
}


void *
virDomainDefDeviceAt(const virDomainDef *def, virDomainDeviceType type, size_t i)
{
    return (*virDomainDefDeviceList(def, type))[i];
}


virDomainDeviceInfo *
virDomainDeviceGetInfo(virDomainDeviceType type, void *dev)
{
    if (deviceOps[type].infoOffset < 0)
        return NULL;
    return (virDomainDeviceInfo *)((char *)dev + deviceOps[type].infoOffset);
}


void
virDomainDefReserveDevices(virDomainDef *def, virDomainDeviceType type, size_t n)
{
    void ***list = virDomainDefDeviceList(def, type);
    size_t *count = virDomainDefDeviceCountPtr(def, type);

    *list = g_renew(void *, *list, *count + n);
}


void
virDomainDefInsertReservedDevice(virDomainDef *def, virDomainDeviceType type,
                                 void *dev, ssize_t pos)
{
    void ***list = virDomainDefDeviceList(def, type);
    size_t *count = virDomainDefDeviceCountPtr(def, type);

    if (pos < 0 || pos > *count)
        pos = *count;
    memmove(*list + pos + 1, *list + pos, (*count - pos) * sizeof(void *));
    (*list)[pos] = dev;
    (*count)++;
}


void
virDomainDefInsertDevice(virDomainDef *def, virDomainDeviceType type, void *dev,
                         ssize_t pos)
{
    virDomainDefReserveDevices(def, type, 1);
    virDomainDefInsertReservedDevice(def, type, dev, pos);
}


void
virDomainDefAddDevice(virDomainDef *def, virDomainDeviceType type, void *dev)
{
    virDomainDefInsertDevice(def, type, dev, -1);
}


static int
virDomainDevicesParseKind(virDomainDef *def, virDomainDeviceType type,
                          xmlXPathContextPtr ctxt, unsigned int flags)
{
    const virDomainDeviceOps *ops = &deviceOps[type];
    g_autofree char *xpath = g_strdup_printf("./devices/%s", ops->element);
    g_autofree xmlNodePtr *nodes = NULL;
    g_autofree void *insertState = NULL;
    size_t i;
    int n;

    if ((n = virXPathNodeSet(xpath, ctxt, &nodes)) < 0)
        return -1;
    if (ops->max && n > ops->max) {
        virReportError(ops->max == 2 ? VIR_ERR_XML_ERROR : VIR_ERR_INTERNAL_ERROR,
                       "%s", ops->tooMany);
        return -1;
    }
    if (n > 0)
        virDomainDefReserveDevices(def, type, n);
    for (i = 0; i < n; i++) {
        void *dev = ops->parse(nodes[i], ctxt, def, flags | ops->infoFlags);

        if (!dev)
            return -1;
        virDomainDefInsertReservedDevice(def, type, dev,
                                         ops->insertPos ?
                                         ops->insertPos(def, dev, &insertState) : -1);
    }
    return 0;
}


int
virDomainDevicesParseXML(virDomainDef *def, xmlXPathContextPtr ctxt, unsigned int flags)
{
    size_t type;

    def->emulator = virXPathString("string(./devices/emulator[1])", ctxt);
    for (type = 0; type < VIR_DOMAIN_DEVICE_LAST; type++) {
        if (virDomainDevicesParseKind(def, type, ctxt, flags) < 0)
            return -1;
    }
    return 0;
}


/* The FORMAT_ALLOW_* flags matching a row's PARSE_ALLOW_* ones. */
static unsigned int
virDomainDeviceFormatFlags(const virDomainDeviceOps *ops)
{
    unsigned int flags = 0;

    if (ops->infoFlags & VIR_DOMAIN_DEF_PARSE_ALLOW_BOOT)
        flags |= VIR_DOMAIN_DEF_FORMAT_ALLOW_BOOT;
    if (ops->infoFlags & VIR_DOMAIN_DEF_PARSE_ALLOW_ROM)
        flags |= VIR_DOMAIN_DEF_FORMAT_ALLOW_ROM;
    return flags;
}


int
virDomainDevicesFormat(virBuffer *buf, const virDomainDef *def, unsigned int flags)
{
    size_t type, i;

    virBufferAddLit(buf, "<devices>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<emulator>%s</emulator>\n", def->emulator);
    for (type = 0; type < VIR_DOMAIN_DEVICE_LAST; type++) {
        const virDomainDeviceOps *ops = &deviceOps[type];
        unsigned int devFlags = flags | virDomainDeviceFormatFlags(ops);

        for (i = 0; i < virDomainDefDeviceCount(def, type); i++) {
            if (ops->format(buf, virDomainDefDeviceAt(def, type, i), def, devFlags) < 0)
                return -1;
        }
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</devices>\n");
    return 0;
}


int
virDomainDevicesValidate(const virDomainDef *def)
{
    size_t type, i;

    for (type = 0; type < VIR_DOMAIN_DEVICE_LAST; type++) {
        if (!deviceOps[type].validate)
            continue;
        for (i = 0; i < virDomainDefDeviceCount(def, type); i++) {
            if (deviceOps[type].validate(virDomainDefDeviceAt(def, type, i), def) < 0)
                return -1;
        }
    }
    return 0;
}


void
virDomainDevicesFree(virDomainDef *def)
{
    size_t type, i;

    for (type = 0; type < VIR_DOMAIN_DEVICE_LAST; type++) {
        void ***list = virDomainDefDeviceList(def, type);
        size_t *count = virDomainDefDeviceCountPtr(def, type);

        for (i = 0; i < *count; i++)
            deviceOps[type].free((*list)[i]);
        g_clear_pointer(list, g_free);
        *count = 0;
    }
}
