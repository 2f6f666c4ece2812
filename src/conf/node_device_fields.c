/*
 * node_device_fields.c: the field-table engine for the simple text
 * children most capabilities are made of (<bus>2</bus>, <cssid>0x0</cssid>):
 * one table per capability drives parsing, formatting and freeing.
 */
#include "internal.h"
#include "conf/node_device_conf_priv.h"
#include "util/virbuffer.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NODEDEV

#define NODE_DEV_FIELD_PTR(base, field, type) \
    ((type *)((char *)(base) + (field)->offset))
#define NODE_DEV_FIELD_CPTR(base, field, type) \
    ((const type *)((const char *)(base) + (field)->offset))


static int
virNodeDevFieldParseHex(xmlXPathContextPtr ctxt, const virNodeDevField *f,
                        const char *devname, unsigned int *value)
{
    g_autofree char *path = g_strdup_printf("./%s[1]", f->element);
    g_autofree char *str = virXPathString(path, ctxt);

    if (!str) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "missing %s value for '%s'", f->element, devname);
        return -1;
    }
    if (virStrToLong_uip(str, NULL, f->base, value) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "invalid %s value '%s' for '%s'",
                       f->element, str, devname);
        return -1;
    }
    if (f->max && *value > f->max) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "%s value '%s' is out of range for '%s'",
                       f->element, str, devname);
        return -1;
    }
    return 0;
}


/* Read the @nfields children of ctxt->node described by @fields into
 * the structure at @base. */
int
virNodeDevFieldsParse(xmlXPathContextPtr ctxt, const char *devname,
                      const virNodeDevField *fields, size_t nfields,
                      void *base)
{
    size_t i;

    for (i = 0; i < nfields; i++) {
        const virNodeDevField *f = &fields[i];
        g_autofree char *path = g_strdup_printf("./%s[1]", f->element);
        char **str;
        int rc;

        switch (f->kind) {
        case NODE_DEV_FIELD_STRING:
            str = NODE_DEV_FIELD_PTR(base, f, char *);
            g_free(*str);
            *str = virXPathString(path, ctxt);
            if (!*str && f->label) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "no %s supplied for '%s'", f->label, devname);
                return -1;
            }
            break;
        case NODE_DEV_FIELD_UINT:
        case NODE_DEV_FIELD_UINT_SIGNED:
            rc = virXPathUInt(path, ctxt,
                              NODE_DEV_FIELD_PTR(base, f, unsigned int));
            if (rc < 0) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               rc == -1 ? "no %s supplied for '%s'"
                                        : "invalid %s supplied for '%s'",
                               f->label, devname);
                return -1;
            }
            break;
        case NODE_DEV_FIELD_HEX:
            if (virNodeDevFieldParseHex(ctxt, f, devname,
                                        NODE_DEV_FIELD_PTR(base, f, unsigned int)) < 0)
                return -1;
            break;
        }
    }
    return 0;
}


void
virNodeDevFieldsFormat(virBuffer *buf, const virNodeDevField *fields,
                       size_t nfields, const void *base)
{
    size_t i;

    for (i = 0; i < nfields; i++) {
        const virNodeDevField *f = &fields[i];
        const char *str;
        unsigned int num = 0;

        if (f->kind != NODE_DEV_FIELD_STRING)
            num = *NODE_DEV_FIELD_CPTR(base, f, unsigned int);

        switch (f->kind) {
        case NODE_DEV_FIELD_STRING:
            if (!(str = *NODE_DEV_FIELD_CPTR(base, f, char *)))
                break;
            virBufferAsprintf(buf, "<%s>", f->element);
            virBufferEscapeString(buf, "%s", str);
            virBufferAsprintf(buf, "</%s>\n", f->element);
            break;
        case NODE_DEV_FIELD_UINT:
            virBufferAsprintf(buf, "<%s>%u</%s>\n", f->element, num, f->element);
            break;
        case NODE_DEV_FIELD_UINT_SIGNED:
            virBufferAsprintf(buf, "<%s>%d</%s>\n", f->element, (int)num,
                              f->element);
            break;
        case NODE_DEV_FIELD_HEX:
            virBufferAsprintf(buf, "<%s>0x%0*x</%s>\n", f->element, f->width,
                              num, f->element);
            break;
        }
    }
}


void
virNodeDevFieldsClear(const virNodeDevField *fields, size_t nfields,
                      void *base)
{
    size_t i;

    for (i = 0; i < nfields; i++) {
        if (fields[i].kind == NODE_DEV_FIELD_STRING)
            g_clear_pointer(NODE_DEV_FIELD_PTR(base, &fields[i], char *), g_free);
    }
}
