/*
 * graphics.h: <graphics> (vnc, sdl, rdp, desktop, spice, egl-headless,
 * dbus) with its <listen> children.
 */
#pragma once

#include "conf/domain/device.h"

typedef enum {
    VIR_DOMAIN_GRAPHICS_TYPE_SDL = 0,
    VIR_DOMAIN_GRAPHICS_TYPE_VNC,
    VIR_DOMAIN_GRAPHICS_TYPE_RDP,
    VIR_DOMAIN_GRAPHICS_TYPE_DESKTOP,
    VIR_DOMAIN_GRAPHICS_TYPE_SPICE,
    VIR_DOMAIN_GRAPHICS_TYPE_EGL_HEADLESS,
    VIR_DOMAIN_GRAPHICS_TYPE_DBUS,

    VIR_DOMAIN_GRAPHICS_TYPE_LAST
} virDomainGraphicsType;

typedef enum {
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NONE = 0,
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_ADDRESS,
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_NETWORK,
    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_SOCKET,

    VIR_DOMAIN_GRAPHICS_LISTEN_TYPE_LAST
} virDomainGraphicsListenType;

#define VIR_DOMAIN_GRAPHICS_SPICE_CHANNELS 8

typedef struct {
    unsigned int type;          /* virDomainGraphicsListenType */
    char *address;
    char *network;
    char *socket;
} virDomainGraphicsListenDef;

typedef struct {
    unsigned int type;          /* virDomainGraphicsType */
    int port;
    int tlsPort;
    bool autoport;
    int websocket;
    char *keymap;
    unsigned int sharePolicy;
    virTristateBool powerControl;
    char *passwd;
    char *passwdValidTo;
    unsigned int connected;
    unsigned int audioId;
    char *display;              /* sdl, desktop */
    char *xauth;
    bool fullscreen;
    virTristateBool gl;         /* sdl, spice, dbus */
    char *rendernode;           /* spice, egl-headless, dbus */
    bool replaceUser, multiUser;        /* rdp */
    bool p2p;                   /* dbus */
    char *dbusAddress;
    /* spice */
    unsigned int defaultMode;
    unsigned int channels[VIR_DOMAIN_GRAPHICS_SPICE_CHANNELS];
    unsigned int image, jpeg, zlib, streaming, mousemode;
    virTristateSwitch playback;
    virTristateBool copypaste, filetransfer;

    virDomainGraphicsListenDef *listens;
    size_t nlistens;
} virDomainGraphicsDef;

void *virDomainGraphicsDefParseXML(xmlNodePtr node, xmlXPathContextPtr ctxt,
                                   const virDomainDef *vmdef,
                                   unsigned int flags);
int virDomainGraphicsDefFormat(virBuffer *buf, const void *dev,
                               const virDomainDef *def, unsigned int flags);
void virDomainGraphicsDefFree(void *dev);
