/*
 * video.h: <video>, <sound> and <audio> (the display and sound devices
 * and the host audio backends they use).
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_DOMAIN_VIDEO_TYPE_DEFAULT = 0,
    VIR_DOMAIN_VIDEO_TYPE_VGA,
    VIR_DOMAIN_VIDEO_TYPE_CIRRUS,
    VIR_DOMAIN_VIDEO_TYPE_VMVGA,
    VIR_DOMAIN_VIDEO_TYPE_XEN,
    VIR_DOMAIN_VIDEO_TYPE_VBOX,
    VIR_DOMAIN_VIDEO_TYPE_QXL,
    VIR_DOMAIN_VIDEO_TYPE_PARALLELS,
    VIR_DOMAIN_VIDEO_TYPE_VIRTIO,
    VIR_DOMAIN_VIDEO_TYPE_GOP,
    VIR_DOMAIN_VIDEO_TYPE_NONE,
    VIR_DOMAIN_VIDEO_TYPE_BOCHS,
    VIR_DOMAIN_VIDEO_TYPE_RAMFB,

    VIR_DOMAIN_VIDEO_TYPE_LAST
} virDomainVideoType;

typedef struct {
    unsigned int type;          /* virDomainVideoType */
    unsigned int ram, vram, vram64, vgamem, heads;
    bool primary;
    bool accelPresent;
    virTristateBool accel3d, accel2d;
    char *rendernode;
    bool resPresent;
    unsigned int resX, resY;
    unsigned int vgaconf;       /* +1, 0 absent */
    unsigned int backend;
    virTristateSwitch iommu, ats, packed, pagePerVQ;
    virDomainDeviceInfo info;
} virDomainVideoDef;

void *virDomainVideoDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                const virDomainDef *vmdef, unsigned int flags);
int virDomainVideoDefFormat(virBuffer *buf, const void *dev,
                            const virDomainDef *def, unsigned int flags);
void virDomainVideoDefFree(void *dev);
/* The video RAM a model gets when vram='' is not given (KiB). */
unsigned int virDomainVideoDefaultRAM(int virtType, unsigned int type);

typedef struct {
    unsigned int model;
    unsigned int *codecs;
    size_t ncodecs;
    unsigned int audioId;
    virDomainDeviceInfo info;
} virDomainSoundDef;

void *virDomainSoundDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                const virDomainDef *vmdef, unsigned int flags);
int virDomainSoundDefFormat(virBuffer *buf, const void *dev,
                            const virDomainDef *def, unsigned int flags);
void virDomainSoundDefFree(void *dev);

typedef struct {
    virTristateBool mixingEngine, fixedSettings;
    unsigned int frequency, channels, format;
    unsigned int voices, bufferLength;
    /* backend-specific; which ones apply depends on the audio type */
    char *dev, *serverName, *clientName, *connectPorts, *name, *streamName;
    unsigned int bufferCount, latency;
    virTristateBool exactName, tryPoll;
} virDomainAudioIO;

typedef struct {
    unsigned int type;
    unsigned int id;
    unsigned int timerPeriod;
    virTristateBool tryMMap, exclusive;
    bool dspPolicySet;
    int dspPolicy;
    char *serverName;           /* pulseaudio */
    unsigned int sdlDriver;
    char *path;                 /* file */
    virDomainAudioIO input, output;
} virDomainAudioDef;

void *virDomainAudioDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                const virDomainDef *vmdef, unsigned int flags);
int virDomainAudioDefFormat(virBuffer *buf, const void *dev,
                            const virDomainDef *def, unsigned int flags);
void virDomainAudioDefFree(void *dev);
