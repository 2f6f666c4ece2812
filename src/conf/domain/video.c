/*
 * video.c: <video>, <sound> and <audio>.
 */
#include "internal.h"
#include "conf/domain/video.h"
#include "conf/domain/domain_def.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_DECL(virDomainVideo);
VIR_ENUM_IMPL(virDomainVideo, VIR_DOMAIN_VIDEO_TYPE_LAST,
              "default", "vga", "cirrus", "vmvga", "xen", "vbox", "qxl",
              "parallels", "virtio", "gop", "none", "bochs", "ramfb");
VIR_ENUM_DECL(virDomainVideoVGAConf);
VIR_ENUM_IMPL(virDomainVideoVGAConf, 3, "io", "on", "off");
VIR_ENUM_DECL(virDomainVideoBackend);
VIR_ENUM_IMPL(virDomainVideoBackend, 3, "default", "qemu", "vhostuser");
VIR_ENUM_DECL(virDomainSoundModel);
VIR_ENUM_IMPL(virDomainSoundModel, 8,
              "sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb", "ich7");
VIR_ENUM_DECL(virDomainSoundCodec);
VIR_ENUM_IMPL(virDomainSoundCodec, 3, "duplex", "micro", "output");
VIR_ENUM_DECL(virDomainAudioType);
VIR_ENUM_IMPL(virDomainAudioType, 10, "none", "alsa", "coreaudio", "jack", "oss",
              "pulseaudio", "sdl", "spice", "file", "dbus");
VIR_ENUM_DECL(virDomainAudioFormat);
VIR_ENUM_IMPL(virDomainAudioFormat, 8, "", "u8", "s8", "u16", "s16", "u32", "s32", "f32");
VIR_ENUM_DECL(virDomainAudioSDLDriver);
VIR_ENUM_IMPL(virDomainAudioSDLDriver, 5, "", "esd", "alsa", "arts", "pulseaudio");

enum { AUDIO_NONE, AUDIO_ALSA, AUDIO_COREAUDIO, AUDIO_JACK, AUDIO_OSS,
       AUDIO_PULSEAUDIO, AUDIO_SDL, AUDIO_SPICE, AUDIO_FILE, AUDIO_DBUS };

void
virDomainVideoDefFree(void *dev)
{
    virDomainVideoDef *def = dev;

    if (!def)
        return;
    g_free(def->rendernode);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainVideoDef, virDomainVideoDefFree);


unsigned int
virDomainVideoDefaultRAM(int virtType, unsigned int type)
{
    switch ((virDomainVideoType)type) {
    case VIR_DOMAIN_VIDEO_TYPE_VGA:
    case VIR_DOMAIN_VIDEO_TYPE_CIRRUS:
    case VIR_DOMAIN_VIDEO_TYPE_VMVGA:
        if (virtType == VIR_DOMAIN_VIRT_VBOX)
            return 8 * 1024;
        if (virtType == VIR_DOMAIN_VIRT_VMWARE)
            return 4 * 1024;
        return 16 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_BOCHS:
        return 16 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_XEN:
        return 4 * 1024;
    case VIR_DOMAIN_VIDEO_TYPE_QXL:
        return 64 * 1024;
    default:
        return 0;
    }
}


static int
virDomainVideoModelNumber(xmlNodePtr model, const char *attr, unsigned int *val,
                          virErrorNumber code)
{
    g_autofree char *str = virXMLPropString(model, attr);

    if (str && virStrToLong_uip(str, NULL, 10, val) < 0) {
        virReportError(code, "cannot parse video %s '%s'", attr, str);
        return -1;
    }
    return 0;
}


static int
virDomainVideoModelParseXML(virDomainVideoDef *def, xmlNodePtr model)
{
    g_autofree char *type = virXMLPropString(model, "type");
    g_autofree char *primary = virXMLPropString(model, "primary");
    xmlNodePtr cur;

    if (type && (int)(def->type = virDomainVideoTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "unknown video model '%s'", type);
        return -1;
    }
    if (primary)
        ignore_value(virStringParseYesNo(primary, &def->primary));
    if (virDomainVideoModelNumber(model, "ram", &def->ram, VIR_ERR_XML_ERROR) < 0 ||
        virDomainVideoModelNumber(model, "vram", &def->vram, VIR_ERR_XML_ERROR) < 0 ||
        virDomainVideoModelNumber(model, "vram64", &def->vram64, VIR_ERR_XML_ERROR) < 0 ||
        virDomainVideoModelNumber(model, "vgamem", &def->vgamem, VIR_ERR_XML_ERROR) < 0 ||
        virDomainVideoModelNumber(model, "heads", &def->heads, VIR_ERR_INTERNAL_ERROR) < 0)
        return -1;
    if ((cur = virXMLNodeGetSubelement(model, "acceleration"))) {
        def->accelPresent = true;
        if (virXMLPropTristateBool(cur, "accel3d", VIR_XML_PROP_NONE, &def->accel3d) < 0 ||
            virXMLPropTristateBool(cur, "accel2d", VIR_XML_PROP_NONE, &def->accel2d) < 0)
            return -1;
        def->rendernode = virXMLPropString(cur, "rendernode");
    }
    if ((cur = virXMLNodeGetSubelement(model, "resolution"))) {
        def->resPresent = true;
        if (virXMLPropUInt(cur, "x", 10, VIR_XML_PROP_REQUIRED, &def->resX) < 0 ||
            virXMLPropUInt(cur, "y", 10, VIR_XML_PROP_REQUIRED, &def->resY) < 0)
            return -1;
    }
    return 0;
}


void *
virDomainVideoDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainVideoDef) def = g_new0(virDomainVideoDef, 1);
    xmlNodePtr cur;
    unsigned int vgaconf;

    if ((cur = virXMLNodeGetSubelement(node, "model")) &&
        virDomainVideoModelParseXML(def, cur) < 0)
        return NULL;
    if ((cur = virXMLNodeGetSubelement(node, "driver"))) {
        if (virXMLPropEnum(cur, "name", virDomainVideoBackendTypeFromString,
                           VIR_XML_PROP_NONZERO, &def->backend) < 0 ||
            virXMLPropTristateSwitch(cur, "iommu", VIR_XML_PROP_NONE, &def->iommu) < 0 ||
            virXMLPropTristateSwitch(cur, "ats", VIR_XML_PROP_NONE, &def->ats) < 0 ||
            virXMLPropTristateSwitch(cur, "packed", VIR_XML_PROP_NONE, &def->packed) < 0 ||
            virXMLPropTristateSwitch(cur, "page_per_vq", VIR_XML_PROP_NONE,
                                     &def->pagePerVQ) < 0)
            return NULL;
        if (virXMLPropEnum(cur, "vgaconf", virDomainVideoVGAConfTypeFromString,
                           VIR_XML_PROP_NONE, &vgaconf) > 0)
            def->vgaconf = vgaconf + 1;
    }
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


static void
virDomainVideoModelFormat(virBuffer *buf, const virDomainVideoDef *def)
{
    virBufferAsprintf(buf, "<model type='%s'", virDomainVideoTypeToString(def->type));
    if (def->ram)
        virBufferAsprintf(buf, " ram='%u'", def->ram);
    if (def->vram)
        virBufferAsprintf(buf, " vram='%u'", def->vram);
    if (def->vram64)
        virBufferAsprintf(buf, " vram64='%u'", def->vram64);
    if (def->vgamem)
        virBufferAsprintf(buf, " vgamem='%u'", def->vgamem);
    if (def->heads)
        virBufferAsprintf(buf, " heads='%u'", def->heads);
    if (def->primary)
        virBufferAddLit(buf, " primary='yes'");
    if (!def->accelPresent && !def->resPresent) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    if (def->accelPresent) {
        virBufferAddLit(buf, "<acceleration");
        if (def->accel3d)
            virBufferAsprintf(buf, " accel3d='%s'", virTristateBoolTypeToString(def->accel3d));
        if (def->accel2d)
            virBufferAsprintf(buf, " accel2d='%s'", virTristateBoolTypeToString(def->accel2d));
        virBufferEscapeString(buf, " rendernode='%s'", def->rendernode);
        virBufferAddLit(buf, "/>\n");
    }
    if (def->resPresent)
        virBufferAsprintf(buf, "<resolution x='%u' y='%u'/>\n", def->resX, def->resY);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</model>\n");
}


int
virDomainVideoDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainVideoDef *def = dev;
    g_auto(virBuffer) driverBuf = VIR_BUFFER_INITIALIZER;

    virBufferAddLit(buf, "<video>\n");
    virBufferAdjustIndent(buf, 2);
    if (def->iommu)
        virBufferAsprintf(&driverBuf, " iommu='%s'", virTristateSwitchTypeToString(def->iommu));
    if (def->ats)
        virBufferAsprintf(&driverBuf, " ats='%s'", virTristateSwitchTypeToString(def->ats));
    if (def->packed)
        virBufferAsprintf(&driverBuf, " packed='%s'", virTristateSwitchTypeToString(def->packed));
    if (def->pagePerVQ)
        virBufferAsprintf(&driverBuf, " page_per_vq='%s'",
                          virTristateSwitchTypeToString(def->pagePerVQ));
    if (def->vgaconf)
        virBufferAsprintf(&driverBuf, " vgaconf='%s'",
                          virDomainVideoVGAConfTypeToString(def->vgaconf - 1));
    if (def->backend)
        virBufferAsprintf(&driverBuf, " name='%s'", virDomainVideoBackendTypeToString(def->backend));
    virBufferFormatElement(buf, "driver", &driverBuf, NULL);
    virDomainVideoModelFormat(buf, def);
    virDomainDeviceInfoFormat(buf, &def->info, flags);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</video>\n");
    return 0;
}


void
virDomainSoundDefFree(void *dev)
{
    virDomainSoundDef *def = dev;

    if (!def)
        return;
    g_free(def->codecs);
    virDomainDeviceInfoClear(&def->info);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainSoundDef, virDomainSoundDefFree);


void *
virDomainSoundDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                          const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    g_autoptr(virDomainSoundDef) def = g_new0(virDomainSoundDef, 1);
    xmlNodePtr cur;

    if (virXMLPropEnum(node, "model", virDomainSoundModelTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->model) < 0)
        return NULL;
    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        if (!virXMLNodeNameEqual(cur, "codec"))
            continue;
        def->codecs = g_renew(unsigned int, def->codecs, def->ncodecs + 1);
        if (virXMLPropEnum(cur, "type", virDomainSoundCodecTypeFromString,
                           VIR_XML_PROP_REQUIRED, &def->codecs[def->ncodecs]) < 0)
            return NULL;
        def->ncodecs++;
    }
    if ((cur = virXMLNodeGetSubelement(node, "audio")) &&
        virXMLPropUInt(cur, "id", 10, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &def->audioId) < 0)
        return NULL;
    if (virDomainDeviceInfoParseXML(node, ctxt, &def->info, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


int
virDomainSoundDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED, unsigned int flags)
{
    const virDomainSoundDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    size_t i;

    for (i = 0; i < def->ncodecs; i++)
        virBufferAsprintf(&childBuf, "<codec type='%s'/>\n",
                          virDomainSoundCodecTypeToString(def->codecs[i]));
    if (def->audioId)
        virBufferAsprintf(&childBuf, "<audio id='%u'/>\n", def->audioId);
    virDomainDeviceInfoFormat(&childBuf, &def->info, flags);
    virBufferAsprintf(&attrBuf, " model='%s'", virDomainSoundModelTypeToString(def->model));
    virBufferFormatElement(buf, "sound", &attrBuf, &childBuf);
    return 0;
}


static void
virDomainAudioIOClear(virDomainAudioIO *io)
{
    g_free(io->dev);
    g_free(io->serverName);
    g_free(io->clientName);
    g_free(io->connectPorts);
    g_free(io->name);
    g_free(io->streamName);
}


void
virDomainAudioDefFree(void *dev)
{
    virDomainAudioDef *def = dev;

    if (!def)
        return;
    virDomainAudioIOClear(&def->input);
    virDomainAudioIOClear(&def->output);
    g_free(def->serverName);
    g_free(def->path);
    g_free(def);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainAudioDef, virDomainAudioDefFree);


static int
virDomainAudioIOParseXML(virDomainAudioIO *io, xmlNodePtr node, unsigned int type)
{
    xmlNodePtr settings;

    if (!node)
        return 0;
    if (virXMLPropTristateBool(node, "mixingEngine", VIR_XML_PROP_NONE, &io->mixingEngine) < 0 ||
        virXMLPropTristateBool(node, "fixedSettings", VIR_XML_PROP_NONE, &io->fixedSettings) < 0 ||
        virXMLPropUInt(node, "voices", 10, VIR_XML_PROP_NONZERO, &io->voices) < 0 ||
        virXMLPropUInt(node, "bufferLength", 10, VIR_XML_PROP_NONZERO, &io->bufferLength) < 0 ||
        virXMLPropUInt(node, "bufferCount", 10, VIR_XML_PROP_NONE, &io->bufferCount) < 0 ||
        virXMLPropUInt(node, "latency", 10, VIR_XML_PROP_NONE, &io->latency) < 0 ||
        virXMLPropTristateBool(node, "exactName", VIR_XML_PROP_NONE, &io->exactName) < 0 ||
        virXMLPropTristateBool(node, "tryPoll", VIR_XML_PROP_NONE, &io->tryPoll) < 0)
        return -1;
    if (type == AUDIO_ALSA || type == AUDIO_OSS)
        io->dev = virXMLPropString(node, "dev");
    io->serverName = virXMLPropString(node, "serverName");
    io->clientName = virXMLPropString(node, "clientName");
    io->connectPorts = virXMLPropString(node, "connectPorts");
    io->name = virXMLPropString(node, "name");
    io->streamName = virXMLPropString(node, "streamName");
    if (io->fixedSettings == VIR_TRISTATE_BOOL_YES &&
        (settings = virXMLNodeGetSubelement(node, "settings")) &&
        (virXMLPropUInt(settings, "frequency", 10, VIR_XML_PROP_NONE, &io->frequency) < 0 ||
         virXMLPropUInt(settings, "channels", 10, VIR_XML_PROP_NONE, &io->channels) < 0 ||
         virXMLPropEnum(settings, "format", virDomainAudioFormatTypeFromString,
                        VIR_XML_PROP_NONZERO, &io->format) < 0))
        return -1;
    return 0;
}


void *
virDomainAudioDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt G_GNUC_UNUSED,
                          const virDomainDef *vmdef G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(virDomainAudioDef) def = g_new0(virDomainAudioDef, 1);
    int rc = 0;

    if (virXMLPropEnum(node, "type", virDomainAudioTypeTypeFromString,
                       VIR_XML_PROP_REQUIRED, &def->type) < 0 ||
        virXMLPropUInt(node, "id", 10, VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &def->id) < 0 ||
        virXMLPropUInt(node, "timerPeriod", 10, VIR_XML_PROP_NONZERO,
                       &def->timerPeriod) < 0 ||
        virXMLPropTristateBool(node, "tryMMap", VIR_XML_PROP_NONE, &def->tryMMap) < 0 ||
        virXMLPropTristateBool(node, "exclusive", VIR_XML_PROP_NONE, &def->exclusive) < 0 ||
        (rc = virXMLPropInt(node, "dspPolicy", 10, VIR_XML_PROP_NONE,
                            &def->dspPolicy, 0)) < 0 ||
        virXMLPropEnum(node, "driver", virDomainAudioSDLDriverTypeFromString,
                       VIR_XML_PROP_NONZERO, &def->sdlDriver) < 0)
        return NULL;
    def->dspPolicySet = rc > 0;
    def->serverName = virXMLPropString(node, "serverName");
    def->path = virXMLPropString(node, "path");
    if (virDomainAudioIOParseXML(&def->input, virXMLNodeGetSubelement(node, "input"),
                                 def->type) < 0 ||
        virDomainAudioIOParseXML(&def->output, virXMLNodeGetSubelement(node, "output"),
                                 def->type) < 0)
        return NULL;
    return g_steal_pointer(&def);
}


static void
virDomainAudioBackendAttrsFormat(virBuffer *buf, const virDomainAudioIO *io,
                                 unsigned int type)
{
    if (type == AUDIO_ALSA || type == AUDIO_OSS)
        virBufferEscapeString(buf, " dev='%s'", io->dev);
    if (type == AUDIO_JACK) {
        virBufferEscapeString(buf, " serverName='%s'", io->serverName);
        virBufferEscapeString(buf, " clientName='%s'", io->clientName);
        virBufferEscapeString(buf, " connectPorts='%s'", io->connectPorts);
        if (io->exactName)
            virBufferAsprintf(buf, " exactName='%s'", virTristateBoolTypeToString(io->exactName));
    }
    if ((type == AUDIO_COREAUDIO || type == AUDIO_OSS || type == AUDIO_SDL) &&
        io->bufferCount)
        virBufferAsprintf(buf, " bufferCount='%u'", io->bufferCount);
    if (type == AUDIO_OSS && io->tryPoll)
        virBufferAsprintf(buf, " tryPoll='%s'", virTristateBoolTypeToString(io->tryPoll));
    if (type == AUDIO_PULSEAUDIO) {
        virBufferEscapeString(buf, " name='%s'", io->name);
        virBufferEscapeString(buf, " streamName='%s'", io->streamName);
        if (io->latency)
            virBufferAsprintf(buf, " latency='%u'", io->latency);
    }
}


static void
virDomainAudioIOFormat(virBuffer *buf, const virDomainAudioIO *io, unsigned int type,
                       const char *direction)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    if (io->mixingEngine)
        virBufferAsprintf(&attrBuf, " mixingEngine='%s'",
                          virTristateBoolTypeToString(io->mixingEngine));
    if (io->fixedSettings)
        virBufferAsprintf(&attrBuf, " fixedSettings='%s'",
                          virTristateBoolTypeToString(io->fixedSettings));
    if (io->voices)
        virBufferAsprintf(&attrBuf, " voices='%u'", io->voices);
    if (io->bufferLength)
        virBufferAsprintf(&attrBuf, " bufferLength='%u'", io->bufferLength);
    virDomainAudioBackendAttrsFormat(&attrBuf, io, type);
    if (io->fixedSettings == VIR_TRISTATE_BOOL_YES) {
        virBufferAddLit(&childBuf, "<settings");
        if (io->frequency)
            virBufferAsprintf(&childBuf, " frequency='%u'", io->frequency);
        if (io->channels)
            virBufferAsprintf(&childBuf, " channels='%u'", io->channels);
        if (io->format)
            virBufferAsprintf(&childBuf, " format='%s'",
                              virDomainAudioFormatTypeToString(io->format));
        virBufferAddLit(&childBuf, "/>\n");
    }
    virBufferFormatElement(buf, direction, &attrBuf, &childBuf);
}


int
virDomainAudioDefFormat(virBuffer *buf, const void *dev,
                        const virDomainDef *vmdef G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    const virDomainAudioDef *def = dev;
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);

    virBufferAsprintf(&attrBuf, " id='%u' type='%s'", def->id,
                      virDomainAudioTypeTypeToString(def->type));
    if (def->timerPeriod)
        virBufferAsprintf(&attrBuf, " timerPeriod='%u'", def->timerPeriod);
    if (def->type == AUDIO_OSS) {
        if (def->tryMMap)
            virBufferAsprintf(&attrBuf, " tryMMap='%s'", virTristateBoolTypeToString(def->tryMMap));
        if (def->exclusive)
            virBufferAsprintf(&attrBuf, " exclusive='%s'",
                              virTristateBoolTypeToString(def->exclusive));
        if (def->dspPolicySet)
            virBufferAsprintf(&attrBuf, " dspPolicy='%d'", def->dspPolicy);
    }
    if (def->type == AUDIO_PULSEAUDIO)
        virBufferEscapeString(&attrBuf, " serverName='%s'", def->serverName);
    if (def->type == AUDIO_SDL && def->sdlDriver)
        virBufferAsprintf(&attrBuf, " driver='%s'",
                          virDomainAudioSDLDriverTypeToString(def->sdlDriver));
    if (def->type == AUDIO_FILE)
        virBufferEscapeString(&attrBuf, " path='%s'", def->path);
    virDomainAudioIOFormat(&childBuf, &def->input, def->type, "input");
    virDomainAudioIOFormat(&childBuf, &def->output, def->type, "output");
    virBufferFormatElement(buf, "audio", &attrBuf, &childBuf);
    return 0;
}
