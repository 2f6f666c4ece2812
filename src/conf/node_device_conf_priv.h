/*
 * node_device_conf_priv.h: what the node_device_*.c files share with
 * each other and with nobody else: the field-table engine, the input
 * every capability parser gets and the per-kind clear/parse/format steps.
 */
#pragma once

#include "conf/node_device_conf.h"
#include "util/virbuffer.h"

/* Append @item (stolen) to the pointer array @array of @n entries. */
#define NODE_DEV_APPEND(array, n, item) \
    do { \
        (array) = g_renew(__typeof__(*(array)), (array), (n) + 1); \
        (array)[(n)++] = g_steal_pointer(&(item)); \
    } while (0)

/* What every capability parser needs besides the XML. */
typedef struct {
    const char *name;           /* the device's name, for messages */
    bool create;                /* see virNodeDeviceDefParseXML */
    const char *virtType;
} virNodeDevParseInfo;

/* ---- the field-table engine (node_device_fields.c) ---- */

typedef enum {
    NODE_DEV_FIELD_STRING,      /* text; required when .label is set */
    NODE_DEV_FIELD_UINT,        /* required decimal number, shown %u */
    NODE_DEV_FIELD_UINT_SIGNED, /* the same, shown %d as libvirt does */
    NODE_DEV_FIELD_HEX,         /* required number, shown 0x... */
} virNodeDevFieldKind;

typedef struct {
    const char *element;
    virNodeDevFieldKind kind;
    size_t offset;
    /* STRING, UINT: "no <label> supplied for '<device>'" */
    const char *label;
    /* HEX: parse base, printed digits, largest value (0: any) */
    int base;
    int width;
    unsigned int max;
} virNodeDevField;

#define NODE_DEV_STR(el, type, member) \
    { el, NODE_DEV_FIELD_STRING, offsetof(type, member), NULL, 0, 0, 0 }
#define NODE_DEV_STR_REQ(el, type, member, label) \
    { el, NODE_DEV_FIELD_STRING, offsetof(type, member), label, 0, 0, 0 }
#define NODE_DEV_UINT(el, type, member, label) \
    { el, NODE_DEV_FIELD_UINT, offsetof(type, member), label, 0, 0, 0 }
#define NODE_DEV_UINT_SIGNED(el, type, member, label) \
    { el, NODE_DEV_FIELD_UINT_SIGNED, offsetof(type, member), label, 0, 0, 0 }
#define NODE_DEV_HEX(el, type, member, base, width, max) \
    { el, NODE_DEV_FIELD_HEX, offsetof(type, member), NULL, base, width, max }

int virNodeDevFieldsParse(xmlXPathContextPtr ctxt, const char *devname,
                          const virNodeDevField *fields, size_t nfields,
                          void *base);

void virNodeDevFieldsFormat(virBuffer *buf, const virNodeDevField *fields,
                            size_t nfields, const void *base);
void virNodeDevFieldsClear(const virNodeDevField *fields, size_t nfields,
                           void *base);

#define NODE_DEV_FIELDS_PARSE(ctxt, info, fields, base) \
    virNodeDevFieldsParse(ctxt, (info)->name, fields, G_N_ELEMENTS(fields), base)
#define NODE_DEV_FIELDS_FORMAT(buf, fields, base) \
    virNodeDevFieldsFormat(buf, fields, G_N_ELEMENTS(fields), base)
#define NODE_DEV_FIELDS_CLEAR(fields, base) \
    virNodeDevFieldsClear(fields, G_N_ELEMENTS(fields), base)

/* ---- node_device_pci.c: PCI devices and their building blocks ---- */

int virNodeDevIdParseXML(xmlXPathContextPtr ctxt, const char *element,
                         const char *label, const char *devname,
                         unsigned int *id);
void virNodeDevIdFormat(virBuffer *buf, const char *element, unsigned int id,
                        const char *name, const char *emptyEnd);

void virNodeDevMdevTypeListFree(virNodeDevMdevType **types, size_t ntypes);
void virNodeDevMdevTypesFormat(virBuffer *buf, virNodeDevMdevType *const *types,
                               size_t ntypes);
int virNodeDevMdevTypesCapsParseXML(xmlXPathContextPtr ctxt,
                                    virNodeDevMdevType ***types, size_t *ntypes);

void virNodeDevCapPCIClear(virNodeDevCapData *data);
int virNodeDevCapPCIParseXML(xmlXPathContextPtr ctxt,
                             const virNodeDevParseInfo *info,
                             virNodeDevCapData *data);
void virNodeDevCapPCIFormat(virBuffer *buf, const virNodeDevCapData *data);

/* ---- node_device_caps.c: the other capability kinds ---- */

void virNodeDevCapSystemClear(virNodeDevCapData *data);
int virNodeDevCapSystemParseXML(xmlXPathContextPtr ctxt,
                                const virNodeDevParseInfo *info,
                                virNodeDevCapData *data);
void virNodeDevCapSystemFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapUSBDevClear(virNodeDevCapData *data);
int virNodeDevCapUSBDevParseXML(xmlXPathContextPtr ctxt,
                                const virNodeDevParseInfo *info,
                                virNodeDevCapData *data);
void virNodeDevCapUSBDevFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapUSBIfClear(virNodeDevCapData *data);
int virNodeDevCapUSBIfParseXML(xmlXPathContextPtr ctxt,
                               const virNodeDevParseInfo *info,
                               virNodeDevCapData *data);
void virNodeDevCapUSBIfFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapNetClear(virNodeDevCapData *data);
int virNodeDevCapNetParseXML(xmlXPathContextPtr ctxt,
                             const virNodeDevParseInfo *info,
                             virNodeDevCapData *data);
void virNodeDevCapNetFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapSCSIHostClear(virNodeDevCapData *data);
int virNodeDevCapSCSIHostParseXML(xmlXPathContextPtr ctxt,
                                  const virNodeDevParseInfo *info,
                                  virNodeDevCapData *data);
void virNodeDevCapSCSIHostFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapSCSITargetClear(virNodeDevCapData *data);
int virNodeDevCapSCSITargetParseXML(xmlXPathContextPtr ctxt,
                                    const virNodeDevParseInfo *info,
                                    virNodeDevCapData *data);
void virNodeDevCapSCSITargetFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapSCSIClear(virNodeDevCapData *data);
int virNodeDevCapSCSIParseXML(xmlXPathContextPtr ctxt,
                              const virNodeDevParseInfo *info,
                              virNodeDevCapData *data);
void virNodeDevCapSCSIFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapStorageClear(virNodeDevCapData *data);
int virNodeDevCapStorageParseXML(xmlXPathContextPtr ctxt,
                                 const virNodeDevParseInfo *info,
                                 virNodeDevCapData *data);
void virNodeDevCapStorageFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapSCSIGenericClear(virNodeDevCapData *data);
void virNodeDevCapSCSIGenericFormat(virBuffer *buf, const virNodeDevCapData *data);

int virNodeDevCapDRMParseXML(xmlXPathContextPtr ctxt,
                             const virNodeDevParseInfo *info,
                             virNodeDevCapData *data);
void virNodeDevCapDRMFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapMdevParentClear(virNodeDevCapData *data);
void virNodeDevCapMdevParentFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapMdevClear(virNodeDevCapData *data);
int virNodeDevCapMdevParseXML(xmlXPathContextPtr ctxt,
                              const virNodeDevParseInfo *info,
                              virNodeDevCapData *data);
void virNodeDevCapMdevFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapCCWClear(virNodeDevCapData *data);
int virNodeDevCapCCWParseXML(xmlXPathContextPtr ctxt,
                             const virNodeDevParseInfo *info,
                             virNodeDevCapData *data);
void virNodeDevCapCCWFormat(virBuffer *buf, const virNodeDevCapData *data);

int virNodeDevCapCSSParseXML(xmlXPathContextPtr ctxt,
                             const virNodeDevParseInfo *info,
                             virNodeDevCapData *data);
void virNodeDevCapCSSFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapVDPAClear(virNodeDevCapData *data);
void virNodeDevCapVDPAFormat(virBuffer *buf, const virNodeDevCapData *data);

int virNodeDevCapAPCardParseXML(xmlXPathContextPtr ctxt,
                                const virNodeDevParseInfo *info,
                                virNodeDevCapData *data);
void virNodeDevCapAPCardFormat(virBuffer *buf, const virNodeDevCapData *data);

int virNodeDevCapAPQueueParseXML(xmlXPathContextPtr ctxt,
                                 const virNodeDevParseInfo *info,
                                 virNodeDevCapData *data);
void virNodeDevCapAPQueueFormat(virBuffer *buf, const virNodeDevCapData *data);

void virNodeDevCapAPMatrixClear(virNodeDevCapData *data);
int virNodeDevCapAPMatrixParseXML(xmlXPathContextPtr ctxt,
                                  const virNodeDevParseInfo *info,
                                  virNodeDevCapData *data);
void virNodeDevCapAPMatrixFormat(virBuffer *buf, const virNodeDevCapData *data);
