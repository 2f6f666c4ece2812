/*
 * chr.h: character devices (<serial>, <parallel>, <console>, <channel>)
 * and the character-device source every other device with a host-side
 * stream uses (smartcard passthrough, redirdev, rng egd, vhost-user).
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_DOMAIN_CHR_TYPE_NULL = 0,
    VIR_DOMAIN_CHR_TYPE_VC,
    VIR_DOMAIN_CHR_TYPE_PTY,
    VIR_DOMAIN_CHR_TYPE_DEV,
    VIR_DOMAIN_CHR_TYPE_FILE,
    VIR_DOMAIN_CHR_TYPE_PIPE,
    VIR_DOMAIN_CHR_TYPE_STDIO,
    VIR_DOMAIN_CHR_TYPE_UDP,
    VIR_DOMAIN_CHR_TYPE_TCP,
    VIR_DOMAIN_CHR_TYPE_UNIX,
    VIR_DOMAIN_CHR_TYPE_SPICEVMC,
    VIR_DOMAIN_CHR_TYPE_SPICEPORT,
    VIR_DOMAIN_CHR_TYPE_NMDM,
    VIR_DOMAIN_CHR_TYPE_QEMU_VDAGENT,
    VIR_DOMAIN_CHR_TYPE_DBUS,

    VIR_DOMAIN_CHR_TYPE_LAST
} virDomainChrType;
VIR_ENUM_DECL(virDomainChr);

typedef enum {
    VIR_DOMAIN_CHR_DEVICE_TYPE_PARALLEL = 0,
    VIR_DOMAIN_CHR_DEVICE_TYPE_SERIAL,
    VIR_DOMAIN_CHR_DEVICE_TYPE_CONSOLE,
    VIR_DOMAIN_CHR_DEVICE_TYPE_CHANNEL,

    VIR_DOMAIN_CHR_DEVICE_TYPE_LAST
} virDomainChrDeviceType;

#define VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_VIRTIO 2
#define VIR_DOMAIN_CHR_CHANNEL_TARGET_TYPE_XEN 3
#define VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_NONE 0
#define VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_SERIAL 1
#define VIR_DOMAIN_CHR_CONSOLE_TARGET_TYPE_VIRTIO 4
#define VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_USB 2
#define VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_PCI 3
#define VIR_DOMAIN_CHR_SERIAL_TARGET_TYPE_ISA_DEBUG 7

typedef struct {
    int type;                   /* virDomainChrType */
    char *path;                 /* pty, dev, file, pipe, unix */
    virTristateSwitch append;   /* file */
    char *host;                 /* tcp; udp connect */
    char *service;
    char *bindHost;             /* udp bind */
    char *bindService;
    bool listen;                /* tcp / unix mode='bind' */
    virTristateBool tls;
    unsigned int protocol;      /* tcp: raw, telnet, telnets, tls */
    virTristateBool reconnect;
    unsigned int reconnectTimeout;
    char *channel;              /* spiceport, dbus */
    char *master, *slave;       /* nmdm */
    unsigned int mouseMode;     /* qemu-vdagent */
    virTristateBool clipboard;
    char *logfile;
    virTristateSwitch logappend;
    virDomainDeviceSeclabels seclabels;     /* character devices only */
} virDomainChrSourceDef;

void virDomainChrSourceDefFree(virDomainChrSourceDef *src);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainChrSourceDef, virDomainChrSourceDefFree);
/* The <source>, <log> and <protocol> children of @node. */
int virDomainChrSourceParseXML(virDomainChrSourceDef *src, xmlNodePtr node,
                               xmlXPathContextPtr ctxt, unsigned int flags);
void virDomainChrSourceFormat(virBuffer *buf, const virDomainChrSourceDef *src,
                              unsigned int flags);
/* Element-local checks; @pathOptional: a unix socket path may be
 * generated (virtio / xen channels). */
int virDomainChrSourceValidate(const virDomainChrSourceDef *src, bool pathOptional);
int virDomainChrReconnectParseXML(xmlNodePtr node, virTristateBool *enabled,
                                  unsigned int *timeout);
void virDomainChrReconnectFormat(virBuffer *buf, virTristateBool enabled,
                                 unsigned int timeout);

typedef struct {
    int deviceType;             /* virDomainChrDeviceType */
    int targetType;
    unsigned int targetModel;
    int port;                   /* -1 until assigned */
    char *targetName;           /* channel virtio / xen */
    char *guestfwdAddr;
    unsigned int guestfwdPort;
    unsigned int state;
    virDomainChrSourceDef *source;
    virDomainDeviceInfo info;
    bool consoleAliasOfSerial;  /* <console> that only mirrors serials[0] */
} virDomainChrDef;

void *virDomainChrDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                              const virDomainDef *vmdef,
                              unsigned int flags);
int virDomainChrDefFormat(virBuffer *buf, const void *dev,
                          const virDomainDef *def, unsigned int flags);
void virDomainChrDefFree(void *dev);
int virDomainChrDefValidate(const void *dev, const virDomainDef *def);
