/*
 * postparse.c: the driver-independent pass after parsing -- defaults
 * every driver agrees on (arch, current memory, boot device, controller
 * indexes, ports of character devices, implicit controllers, the
 * primary video) and checks that span several elements.  Driver
 * defaults (machine types, PCI addresses, default models) are the
 * drivers' own post-parse passes, not this file's.
 */
#include "internal.h"
#include "conf/domain/domain_def.h"
#include "conf/domain/bitmap.h"

#include <sys/utsname.h>

#define VIR_FROM_THIS VIR_FROM_DOMAIN

static char *
virDomainHostArch(void)
{
    struct utsname ut;

    if (uname(&ut) < 0)
        return g_strdup("x86_64");
    if (g_str_has_suffix(ut.machine, "86") && ut.machine[0] == 'i')
        return g_strdup("i686");
    if (STREQ(ut.machine, "arm64"))
        return g_strdup("aarch64");
    return g_strdup(ut.machine);
}


static int
virDomainDefPostParseMemory(virDomainDef *def)
{
    virDomainMemoryDef *mem = &def->mem;
    unsigned long long numaMemory = 0;
    unsigned long long hotplug = 0;
    size_t i;

    if (mem->total == 0)
        numaMemory = virDomainCPUNumaMemory(&def->cpu);
    for (i = 0; i < def->nmems; i++)
        hotplug += def->mems[i]->size;
    if (numaMemory) {
        mem->total = numaMemory + hotplug;
    } else if (hotplug > mem->total) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Total size of memory devices exceeds the total memory size");
        return -1;
    }
    if (mem->total - hotplug == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Memory size must be specified via <memory> or in the <numa> configuration");
        return -1;
    }
    if (mem->cur > mem->total || mem->cur == 0)
        mem->cur = mem->total;
    if ((mem->max || mem->slots) && !(mem->max && mem->slots)) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "both maximum memory size and memory slot count must be specified");
        return -1;
    }
    if (mem->max && mem->max < mem->total) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "maximum memory size must be equal or greater than the actual memory size");
        return -1;
    }
    return 0;
}


static int
virDomainDefPostParseNuma(virDomainDef *def)
{
    unsigned int count = 0;
    int last = -1;
    size_t i;

    for (i = 0; i < def->cpu.ncells; i++) {
        count += virDomainBitmapCount(def->cpu.cells[i].cpus);
        last = MAX(last, virDomainBitmapLast(def->cpu.cells[i].cpus));
    }
    if (count > def->vcpu.maxvcpus) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Number of CPUs in <numa> exceeds the <vcpu> count");
        return -1;
    }
    if (last >= (int)def->vcpu.maxvcpus) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "CPU IDs in <numa> exceed the <vcpu> count");
        return -1;
    }
    return 0;
}


static void
virDomainControllersAssignIndexes(virDomainDef *def)
{
    size_t i, j;

    for (i = 0; i < def->ncontrollers; i++) {
        virDomainControllerDef *cont = def->controllers[i];
        virDomainControllerDef *prev = NULL;
        int idx;

        if (cont->idx != -1)
            continue;
        /* a USB2 companion right after its master shares its index */
        if (i > 0 && virDomainControllerIsUSB2(cont)) {
            for (j = i; j > 0 && def->controllers[j - 1]->type != VIR_DOMAIN_CONTROLLER_TYPE_USB; j--)
                ;
            if (j > 0 && virDomainControllerIsUSB2(def->controllers[j - 1]))
                prev = def->controllers[j - 1];
            for (j = 0; prev && j < def->ncontrollers; j++) {
                if (def->controllers[j]->type == VIR_DOMAIN_CONTROLLER_TYPE_USB &&
                    def->controllers[j]->idx == prev->idx &&
                    def->controllers[j]->model == cont->model)
                    prev = NULL;
            }
        }
        if (prev) {
            cont->idx = prev->idx;
            continue;
        }
        for (idx = 0; ; idx++) {
            for (j = 0; j < def->ncontrollers; j++) {
                if (def->controllers[j]->type == cont->type && def->controllers[j]->idx == idx)
                    break;
            }
            if (j == def->ncontrollers)
                break;
        }
        cont->idx = idx;
    }
}


static bool
virDomainControllerExists(const virDomainDef *def, unsigned int type, int idx)
{
    size_t i;

    for (i = 0; i < def->ncontrollers; i++) {
        if (def->controllers[i]->type == type && def->controllers[i]->idx == idx)
            return true;
    }
    return false;
}


static void
virDomainControllerMaybeAdd(virDomainDef *def, unsigned int type, int idx)
{
    virDomainControllerDef *cont;

    if (virDomainControllerExists(def, type, idx))
        return;
    cont = virDomainControllerDefNew(type);
    cont->idx = idx;
    virDomainDefAddDevice(def, VIR_DOMAIN_DEVICE_CONTROLLER, cont);
}


/* Add the controllers of type @ctype that the drive addresses of @bus
 * disks name and the definition lacks (0 to the highest index used).
 * A single disk can name a controller far out (a target like 'sdscsi'
 * means controller 48069), so mark the existing ones once instead of
 * searching the list for every index. */
static void
virDomainControllersAddForDisks(virDomainDef *def, unsigned int ctype, unsigned int bus)
{
    g_autofree bool *present = NULL;
    size_t missing = 0;
    int max = -1;
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        const virDomainDiskDef *disk = def->disks[i];

        if (disk->bus == bus && disk->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_DRIVE)
            max = MAX(max, (int)disk->info.addr.drive.controller);
    }
    if (max < 0)
        return;
    present = g_new0(bool, (size_t)max + 1);
    for (i = 0; i < def->ncontrollers; i++) {
        const virDomainControllerDef *cont = def->controllers[i];

        if (cont->type == ctype && cont->idx >= 0 && cont->idx <= max)
            present[cont->idx] = true;
    }
    for (i = 0; (int)i <= max; i++)
        missing += !present[i];
    if (missing)
        virDomainDefReserveDevices(def, VIR_DOMAIN_DEVICE_CONTROLLER, missing);
    for (i = 0; (int)i <= max; i++) {
        virDomainControllerDef *cont;

        if (present[i])
            continue;
        cont = virDomainControllerDefNew(ctype);
        cont->idx = i;
        virDomainDefInsertReservedDevice(def, VIR_DOMAIN_DEVICE_CONTROLLER, cont, -1);
    }
}


static void
virDomainControllersAddImplicit(virDomainDef *def)
{
    size_t i, j;

    virDomainControllersAddForDisks(def, VIR_DOMAIN_CONTROLLER_TYPE_SCSI, VIR_DOMAIN_DISK_BUS_SCSI);
    virDomainControllersAddForDisks(def, VIR_DOMAIN_CONTROLLER_TYPE_FDC, VIR_DOMAIN_DISK_BUS_FDC);
    virDomainControllersAddForDisks(def, VIR_DOMAIN_CONTROLLER_TYPE_IDE, VIR_DOMAIN_DISK_BUS_IDE);
    virDomainControllersAddForDisks(def, VIR_DOMAIN_CONTROLLER_TYPE_SATA, VIR_DOMAIN_DISK_BUS_SATA);
    for (i = 0; i < def->nchannels + def->nconsoles; i++) {
        virDomainChrDef *chr = i < def->nchannels ? def->channels[i] :
            def->consoles[i - def->nchannels];
        int virtio = i < def->nchannels ? VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO :
            VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_VIRTIO;

        if (chr->targetType != virtio)
            continue;
        virDomainControllerMaybeAdd(def, VIR_DOMAIN_CONTROLLER_TYPE_VIRTIO_SERIAL,
                                    chr->info.type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_VIRTIO_SERIAL ?
                                    (int)chr->info.addr.vioserial.controller : 0);
    }
    for (i = 0; i < def->nsmartcards; i++) {
        virDomainDeviceInfo *info = &def->smartcards[i]->info;
        int idx = 0;

        if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID) {
            idx = info->addr.ccid.controller;
        } else if (info->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_NONE) {
            int max = -1;

            for (j = 0; j < def->nsmartcards; j++) {
                virDomainDeviceInfo *other = &def->smartcards[j]->info;

                if (other->type == VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID &&
                    other->addr.ccid.controller == 0)
                    max = MAX(max, (int)other->addr.ccid.slot);
            }
            info->type = VIR_DOMAIN_DEVICE_ADDRESS_TYPE_CCID;
            info->addr.ccid.controller = 0;
            info->addr.ccid.slot = max + 1;
        }
        virDomainControllerMaybeAdd(def, VIR_DOMAIN_CONTROLLER_TYPE_CCID, idx);
    }
}


static int
virDomainControllersCheckUSB(const virDomainDef *def)
{
    bool none = false, other = false, master = false;
    size_t i;

    for (i = 0; i < def->ncontrollers; i++) {
        const virDomainControllerDef *cont = def->controllers[i];

        if (cont->type != VIR_DOMAIN_CONTROLLER_TYPE_USB)
            continue;
        if ((cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE && (none || other)) ||
            (cont->model != VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE && none)) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "Can't add another USB controller: USB is disabled for this domain");
            return -1;
        }
        none |= cont->model == VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE;
        other |= cont->model != VIR_DOMAIN_CONTROLLER_MODEL_USB_NONE;
        master |= !cont->info.hasMaster;
    }
    if (other && !master) {
        virReportError(VIR_ERR_XML_DETAIL, "%s", "No master USB controller specified");
        return -1;
    }
    return 0;
}


static int
virDomainControllersCheckDuplicates(const virDomainDef *def)
{
    g_autoptr(GHashTable) seen = NULL;
    g_autofree gint64 *keys = NULL;
    size_t i;

    if (virDomainControllersCheckUSB(def) < 0)
        return -1;

    /* keyed by type and index: a pairwise scan is quadratic and documents
     * with tens of thousands of controllers exist */
    seen = g_hash_table_new(g_int64_hash, g_int64_equal);
    keys = g_new0(gint64, def->ncontrollers);
    for (i = 0; i < def->ncontrollers; i++) {
        const virDomainControllerDef *a = def->controllers[i];

        if (a->type == VIR_DOMAIN_CONTROLLER_TYPE_USB)
            continue;
        keys[i] = ((gint64)a->type << 32) | (guint32)a->idx;
        if (!g_hash_table_add(seen, &keys[i])) {
            virReportError(VIR_ERR_XML_ERROR, "Multiple '%s' controllers with index '%d'",
                           virDomainControllerTypeToString(a->type), a->idx);
            return -1;
        }
    }
    return 0;
}


/* An HVM guest's first <console> of target type serial (or none) is an
 * alias of its first serial port. */
static void
virDomainConsoleCompat(virDomainDef *def)
{
    virDomainChrDef *stub;

    if (def->os.type != VIR_DOMAIN_OSTYPE_HVM)
        return;
    if (def->nconsoles > 0 &&
        (def->consoles[0]->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL ||
         def->consoles[0]->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE)) {
        if (def->nserials == 0) {
            virDomainChrDef *serial = def->consoles[0];

            serial->deviceType = VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL;
            serial->targetType = 0;
            serial->port = 0;
            virDomainDefAddDevice(def, VIR_DOMAIN_DEVICE_SERIAL, serial);
            stub = g_new0(virDomainChrDef, 1);
            stub->source = g_new0(virDomainChrSourceDef, 1);
            stub->deviceType = VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE;
            stub->targetType = VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
            def->consoles[0] = stub;
        }
        return;
    }
    if (def->nserials > 0 &&
        def->serials[0]->targetType != VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_USB &&
        def->serials[0]->targetType != VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_PCI &&
        def->serials[0]->targetType != VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_ISA_DEBUG) {
        stub = g_new0(virDomainChrDef, 1);
        stub->source = g_new0(virDomainChrSourceDef, 1);
        stub->deviceType = VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE;
        stub->targetType = VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
        stub->port = -1;
        virDomainDefAddDevice(def, VIR_DOMAIN_DEVICE_CONSOLE, stub);
        memmove(def->consoles + 1, def->consoles, (def->nconsoles - 1) * sizeof(*def->consoles));
        def->consoles[0] = stub;
    }
}


static int
virDomainDefPostParseBootOrder(virDomainDef *def)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    size_t type, i;

    for (type = 0; type < VIR_DOMAIN_DEVICE_LAST; type++) {
        for (i = 0; i < virDomainDefDeviceCount(def, type); i++) {
            virDomainDeviceInfo *info =
                virDomainDeviceGetInfo(type, virDomainDefDeviceAt(def, type, i));

            if (!info || !info->bootIndex)
                continue;
            if (g_hash_table_contains(seen, GUINT_TO_POINTER(info->bootIndex))) {
                virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                               "boot order '%u' used for more than one device",
                               info->bootIndex);
                return -1;
            }
            g_hash_table_add(seen, GUINT_TO_POINTER(info->bootIndex));
        }
    }
    if (def->os.nBootDevs > 0 && g_hash_table_size(seen) > 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "per-device boot elements cannot be used together with os/boot elements");
        return -1;
    }
    if (def->os.nBootDevs == 0 && g_hash_table_size(seen) == 0) {
        def->os.nBootDevs = 1;
        def->os.bootDevs[0] = VIR_DOMAIN_BOOT_DISK;
    }
    return 0;
}


static void
virDomainChrsAssignPorts(virDomainDef *def)
{
    virDomainDeviceType kinds[] = { VIR_DOMAIN_DEVICE_PARALLEL, VIR_DOMAIN_DEVICE_SERIAL,
                                    VIR_DOMAIN_DEVICE_CONSOLE };
    size_t k, i, j;

    for (k = 0; k < G_N_ELEMENTS(kinds); k++) {
        size_t n = virDomainDefDeviceCount(def, kinds[k]);

        for (i = 0; i < n; i++) {
            virDomainChrDef *chr = virDomainDefDeviceAt(def, kinds[k], i);
            int max = -1;

            if (chr->deviceType == VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE &&
                chr->targetType == VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE)
                chr->targetType = VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL;
            if (chr->port != -1)
                continue;
            for (j = 0; j < n; j++)
                max = MAX(max, ((virDomainChrDef *)virDomainDefDeviceAt(def, kinds[k], j))->port);
            chr->port = max + 1;
        }
    }
}


static void
virDomainDefPostParseVideo(virDomainDef *def)
{
    size_t i;

    for (i = 0; i < def->nvideos; i++) {
        virDomainVideoDef *video = def->videos[i];

        if (video->type == VIR_DOMAIN_VIDEO_TYPE_NONE)
            continue;
        if (video->ram == 0 && video->type == VIR_DOMAIN_VIDEO_TYPE_QXL)
            video->ram = virDomainVideoDefaultRAM(def->virtType, video->type);
        if (video->vram == 0)
            video->vram = virDomainVideoDefaultRAM(def->virtType, video->type);
    }
    /* the primary video comes first */
    for (i = 1; i < def->nvideos; i++) {
        if (def->videos[i]->primary) {
            virDomainVideoDef *primary = def->videos[i];

            memmove(def->videos + 1, def->videos, i * sizeof(*def->videos));
            def->videos[0] = primary;
            break;
        }
    }
    if (def->nvideos > 0 && def->videos[0]->type != VIR_DOMAIN_VIDEO_TYPE_NONE)
        def->videos[0]->primary = true;
}


static void
virDomainDefPostParseGraphics(virDomainDef *def)
{
    size_t i;

    for (i = 0; i < def->ngraphics; i++) {
        virDomainGraphicsDef *g = def->graphics[i];

        /* spice without ports and autoport listens nowhere */
        if (g->type == VIR_DOMAIN_GRAPHICS_TYPE_SPICE && g->nlistens &&
            g->listens[0].type == VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS &&
            !g->port && !g->tlsPort && !g->autoport) {
            g_clear_pointer(&g->listens[0].address, g_free);
            g->listens[0].type = VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE;
        }
    }
}


static int
virDomainDefPostParseTimers(const virDomainDef *def)
{
    static const char *names[] = { "platform", "pit", "rtc", "hpet", "tsc", "kvmclock",
                                   "hypervclock", "armvtimer" };
    size_t i;

    for (i = 0; i < def->clock.ntimers; i++) {
        const virDomainTimerDef *t = def->clock.timers[i];

        if ((t->name == VIR_DOMAIN_TIMER_NAME_KVMCLOCK ||
             t->name == VIR_DOMAIN_TIMER_NAME_HYPERVCLOCK) && t->tickpolicy) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "timer %s doesn't support setting of timer tickpolicy", names[t->name]);
            return -1;
        }
        if (t->tickpolicy != VIR_DOMAIN_TIMER_TICKPOLICY_CATCHUP &&
            (t->catchupThreshold || t->catchupLimit || t->catchupSlew)) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "setting of timer catchup policies is only supported with "
                           "tickpolicy='catchup'");
            return -1;
        }
        if (t->name != VIR_DOMAIN_TIMER_NAME_TSC && (t->frequency || t->mode)) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "timer %s doesn't support setting of timer %s", names[t->name],
                           t->frequency ? "frequency" : "mode");
            return -1;
        }
        if (t->name != VIR_DOMAIN_TIMER_NAME_PLATFORM && t->name != VIR_DOMAIN_TIMER_NAME_RTC &&
            t->track) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "timer %s doesn't support setting of timer track", names[t->name]);
            return -1;
        }
    }
    return 0;
}


static int
virDomainDefPostParseCommon(virDomainDef *def, const virDomainXMLOption *xmlopt)
{
    size_t i;

    if ((!xmlopt || !xmlopt->allowNameSlash) && def->name && strchr(def->name, '/')) {
        virReportError(VIR_ERR_XML_ERROR, "name %s cannot contain '/'", def->name);
        return -1;
    }
    if (def->os.type == VIR_DOMAIN_OSTYPE_EXE && !def->os.init) {
        virReportError(VIR_ERR_XML_ERROR, "%s", "init binary must be specified");
        return -1;
    }
    if (!def->os.arch)
        def->os.arch = virDomainHostArch();
    if (virDomainVcpuPostParse(&def->vcpu) < 0)
        return -1;
    if (virDomainDefPostParseNuma(def) < 0 ||
        virDomainDefPostParseMemory(def) < 0)
        return -1;
    if (def->os.firmwareFeatures[0] == VIR_TRISTATE_BOOL_YES) {
        if (def->os.firmwareFeatures[1] == VIR_TRISTATE_BOOL_NO) {
            virReportError(VIR_ERR_XML_DETAIL, "%s",
                           "firmware feature 'enrolled-keys' cannot be enabled when "
                           "firmware feature 'secure-boot' is disabled");
            return -1;
        }
        def->os.firmwareFeatures[1] = VIR_TRISTATE_BOOL_YES;
    }
    for (i = 0; i < def->ndisks; i++) {
        if (virDomainDiskDefPostParse(def->disks[i]) < 0)
            return -1;
    }
    for (i = 0; i < def->nconsoles; i++)
        def->consoles[i]->port = i;
    virDomainChrsAssignPorts(def);
    return 0;
}


int
virDomainDefPostParse(virDomainDef *def, const virDomainXMLOption *xmlopt,
                      unsigned int flags)
{
    if (def->vcpu.maxvcpus == 0)
        def->vcpu.maxvcpus = def->vcpu.current = 1;
    virDomainControllersAssignIndexes(def);
    if (xmlopt && xmlopt->postParse && xmlopt->postParse(def, flags, xmlopt->opaque) < 0)
        return -1;
    if (virDomainDefPostParseCommon(def, xmlopt) < 0 ||
        virDomainControllersCheckDuplicates(def) < 0)
        return -1;
    if (def->os.type == VIR_DOMAIN_OSTYPE_HVM && virDomainDefPostParseBootOrder(def) < 0)
        return -1;
    if (virDomainDefPostParseTimers(def) < 0)
        return -1;
    virDomainConsoleCompat(def);
    virDomainControllersAddImplicit(def);
    virDomainDefPostParseVideo(def);
    virDomainDefPostParseGraphics(def);
    if (def->cpu.present && def->cpu.mode == VIR_CPU_MODE_CUSTOM && !def->cpu.model &&
        def->cpu.check) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "check attribute specified for CPU with no model");
        return -1;
    }
    if (xmlopt && xmlopt->assignAddresses &&
        xmlopt->assignAddresses(def, flags, xmlopt->opaque) < 0)
        return -1;
    if (virDomainDevicesValidate(def) < 0)
        return -1;
    if (xmlopt && xmlopt->validate && xmlopt->validate(def, xmlopt->opaque) < 0)
        return -1;
    return 0;
}
