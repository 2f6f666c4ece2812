/*
 * storage_conf_priv.h: what the storage_*conf.c files share with each
 * other and with nobody else.
 */
#pragma once

#include "conf/storage_conf.h"

/* storage_source_conf.c: sizes, paths and <permissions> */
int virStorageParseSize(const char *value, const char *unit,
                        unsigned long long *bytes);
int virStorageParseScaledElement(xmlXPathContextPtr ctxt, const char *xpath,
                                 unsigned long long *bytes);
char *virStorageSanitizePath(const char *path);
void virStoragePermsClear(virStoragePerms *perms);
int virStoragePermsParse(xmlXPathContextPtr ctxt, const char *xpath,
                         virStoragePerms *perms);
void virStoragePermsFormat(virBuffer *buf, const virStoragePerms *perms);

/* storage_adapter_conf.c */
void virStorageAdapterClear(virStorageAdapter *adapter);
int virStorageAdapterParse(xmlNodePtr node, xmlXPathContextPtr ctxt,
                           virStorageAdapter *adapter);
int virStorageAdapterValidate(const virStorageAdapter *adapter);
void virStorageAdapterFormat(virBuffer *buf, const virStorageAdapter *adapter);

/* storage_conf.c: the per-pool-type table */

/* A format enum: the names of <format type='...'/> and the value used
 * when it is absent. */
typedef struct {
    const char *(*toString)(int format);
    int (*fromString)(const char *name);
    int defaultFormat;
} virStorageFormatNames;

/* A backend's own element, in its XML namespace, holding options:
 *   <fs:mount_opts><fs:option name='sync'/></fs:mount_opts>
 *   <rbd:config_opts><rbd:option name='a' value='b'/></rbd:config_opts> */
typedef struct {
    const char *prefix;
    const char *uri;
    const char *element;
    const char *what;           /* names the options in messages */
    bool hasValue;              /* options carry a non-empty value */
} virStoragePoolNamespace;

/* What a pool type's <source> holds (and formats) */
enum {
    SRC_HOST = 1 << 0,
    SRC_DEVICE = 1 << 1,
    SRC_DIR = 1 << 2,
    SRC_ADAPTER = 1 << 3,
    SRC_NAME = 1 << 4,          /* pool name and source name default to each other */
    SRC_INITIATOR = 1 << 5,
};

typedef struct {
    unsigned int source;        /* SRC_*: elements of <source> */
    unsigned int required;      /* SRC_*: ... that must be given */
    bool sourceNameRequired;    /* a <source> must have <name> */
    const char *defaultDir;     /* source dir when a <source> has none */
    bool network;               /* no local <target> */
    const char *devPrefix;      /* target path: this + source name */
    bool cow;                   /* <features><cow/> allowed */
    const virStorageFormatNames *poolFormat;
    const virStorageFormatNames *volFormat;
    const virStoragePoolNamespace *ns;
} virStoragePoolTypeInfo;

const virStoragePoolTypeInfo *virStoragePoolTypeInfoGet(int type);
int virStorageFormatParse(xmlXPathContextPtr ctxt, const char *xpath,
                          const virStorageFormatNames *names, const char *what,
                          int *format);
