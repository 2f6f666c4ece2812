/*
 * virconf.h: the configuration file syntax of libvirtd.conf, qemu.conf,
 * libvirt.conf and friends.
 *
 *   # comment
 *   listen_tls = 0                      # unsigned integer
 *   min_workers = -1                    # signed integer
 *   unix_sock_group = "libvirt"         # or 'libvirt', or """multi
 *                                       #    line"""
 *   tls_allowed_dn_list = [ "DN1",
 *                           "DN2", ]    # lists may span lines
 *
 * Statements end at a newline or ';'.  Strings have no escapes.  A
 * number with a '-' sign is VIR_CONF_LLONG, any other VIR_CONF_ULLONG.
 * Comments are kept, so writing a parsed file back preserves them (blank
 * lines are not kept).
 *
 * The typed getters return 1 when the setting is present (and store it),
 * 0 when absent (output untouched), or -1 with an error when it has the
 * wrong type or range, worded as libvirt does ("FILE: expected a string
 * for 'NAME' parameter").
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <glib.h>

typedef enum {
    VIR_CONF_NONE = 0,      /* unset */
    VIR_CONF_LLONG,         /* signed integer (written with '-') */
    VIR_CONF_ULLONG,        /* unsigned integer */
    VIR_CONF_STRING,
    VIR_CONF_LIST,

    VIR_CONF_LAST
} virConfType;

/* "*unexpected*", "long", "unsigned long", "string", "list". */
const char *virConfTypeToString(int type);

typedef enum {
    /* VMware .vmx: names may contain ':', '.', '-' (and are matched
     * case-insensitively); values are strings only. */
    VIR_CONF_FLAG_VMX_FORMAT = 1 << 0,
    /* LXC config: names may contain '.'; unquoted values run to the end
     * of the line. */
    VIR_CONF_FLAG_LXC_FORMAT = 1 << 1,
} virConfFlags;

typedef struct _virConfValue virConfValue;
struct _virConfValue {
    virConfType type;
    virConfValue *next;     /* next element when inside a list */
    long long l;            /* LLONG, or ULLONG stored as its bits */
    char *str;              /* STRING */
    virConfValue *list;     /* LIST: first element */
};

typedef struct _virConf virConf;

typedef int (*virConfWalkCallback)(const char *name, virConfValue *value,
                                   void *opaque);

/* An empty configuration (no file name). */
virConf *virConfNew(void);

/* Parse a file (at most 10 MiB) or a string (named "memory conf" in
 * messages).  Syntax errors are VIR_ERR_CONF_SYNTAX with
 * "NAME:LINE: what was expected". */
virConf *virConfReadFile(const char *filename, unsigned int flags);
virConf *virConfReadString(const char *memory, unsigned int flags);

/* Read NAME from the libvirt configuration directory: SYSCONFDIR/libvirt
 * for root, $XDG_CONFIG_HOME/libvirt otherwise.  A missing file gives
 * 0 with *@conf NULL. */
int virConfLoadConfig(virConf **conf, const char *name);

int virConfFree(virConf *conf);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virConf, virConfFree);

/* Free @val and the values chained after it through ->next. */
void virConfFreeValue(virConfValue *val);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virConfValue, virConfFreeValue);

/* The raw value of @setting (owned by @conf), or NULL if unset. */
virConfValue *virConfGetValue(virConf *conf, const char *setting);

/* The type of @setting, VIR_CONF_NONE if unset. */
virConfType virConfGetValueType(virConf *conf, const char *setting);

int virConfGetValueString(virConf *conf, const char *setting,
                          char **value);

/* A NULL-terminated list; with @compatString a plain string is accepted
 * as a one-element list. */
int virConfGetValueStringList(virConf *conf, const char *setting,
                              bool compatString, char ***values);

/* 0 or 1. */
int virConfGetValueBool(virConf *conf, const char *setting, bool *value);

int virConfGetValueInt(virConf *conf, const char *setting, int *value);
int virConfGetValueUInt(virConf *conf, const char *setting,
                        unsigned int *value);
int virConfGetValueSizeT(virConf *conf, const char *setting, size_t *value);
int virConfGetValueSSizeT(virConf *conf, const char *setting,
                          ssize_t *value);
int virConfGetValueLLong(virConf *conf, const char *setting,
                         long long *value);
int virConfGetValueULLong(virConf *conf, const char *setting,
                          unsigned long long *value);

/* Set or replace @setting (new settings go last).  *@value is always
 * taken over (and cleared), even on failure. */
int virConfSetValue(virConf *conf, const char *setting,
                    virConfValue **value);

/* Call @callback for every setting in file order; stops at the first
 * negative return, which is returned. */
int virConfWalk(virConf *conf, virConfWalkCallback callback, void *opaque);

/* The configuration in file syntax, as a new string. */
char *virConfFormat(virConf *conf);

/* Write the configuration to @memory of *@len bytes (not terminated).
 * Returns the length written, or -1 (no error reported) when it does not
 * fit, with the needed length in *@len. */
int virConfWriteMem(char *memory, int *len, virConf *conf);

/* Write the configuration atomically to @filename (mode 0600); returns
 * the number of bytes written. */
int virConfWriteFile(const char *filename, virConf *conf);
