/*
 * virbuffer.c: growable string buffer with automatic indentation.
 */
#include "internal.h"
#include "util/virbuffer.h"

#include <limits.h>
#include <stdio.h>

#define VIR_FROM_THIS VIR_FROM_NONE

void
virBufferAdjustIndent(virBuffer *buf, int indent)
{
    long long level;

    if (!buf)
        return;

    level = (long long)buf->indent + indent;
    buf->indent = CLAMP(level, 0, INT_MAX);
}


void
virBufferSetIndent(virBuffer *buf, int indent)
{
    if (buf)
        buf->indent = indent;
}


size_t
virBufferGetIndent(const virBuffer *buf)
{
    return buf->indent;
}


size_t
virBufferGetEffectiveIndent(const virBuffer *buf)
{
    if (buf->str && buf->str->len > 0 &&
        buf->str->str[buf->str->len - 1] != '\n')
        return 0;
    return buf->indent;
}


/* Make sure the GString exists and, at a line start, add the indent. */
static void
virBufferPrepare(virBuffer *buf)
{
    size_t pad;

    if (!buf->str)
        buf->str = g_string_new(NULL);

    pad = virBufferGetEffectiveIndent(buf);
    while (pad > 0) {
        static const char spaces[] = "                                ";
        size_t n = MIN(pad, sizeof(spaces) - 1);

        g_string_append_len(buf->str, spaces, n);
        pad -= n;
    }
}


void
virBufferAdd(virBuffer *buf, const char *str, int len)
{
    if (!buf || !str)
        return;

    virBufferPrepare(buf);
    if (len < 0)
        g_string_append(buf->str, str);
    else
        g_string_append_len(buf->str, str, len);
}


void
virBufferAddBuffer(virBuffer *buf, virBuffer *toadd)
{
    if (!toadd)
        return;

    if (buf && toadd->str) {
        if (!buf->str)
            buf->str = g_string_new(NULL);
        g_string_append_len(buf->str, toadd->str->str, toadd->str->len);
    }
    virBufferFreeAndReset(toadd);
}


void
virBufferAddChar(virBuffer *buf, char c)
{
    virBufferAdd(buf, &c, 1);
}


void
virBufferAddStr(virBuffer *buf, const char *str)
{
    if (!buf || !str)
        return;

    while (*str) {
        const char *nl = strchr(str, '\n');
        size_t len = nl ? (size_t)(nl - str) + 1 : strlen(str);

        virBufferAdd(buf, str, len);
        str += len;
    }
}


const char *
virBufferCurrentContent(virBuffer *buf)
{
    if (!buf)
        return NULL;
    if (!buf->str)
        return "";
    return buf->str->str;
}


char *
virBufferContentAndReset(virBuffer *buf)
{
    char *content = NULL;

    if (!buf)
        return NULL;

    if (buf->str)
        content = g_string_free(buf->str, FALSE);
    buf->str = NULL;
    buf->indent = 0;
    return content;
}


void
virBufferFreeAndReset(virBuffer *buf)
{
    if (!buf)
        return;

    if (buf->str)
        g_string_free(buf->str, TRUE);
    buf->str = NULL;
    buf->indent = 0;
}


size_t
virBufferUse(const virBuffer *buf)
{
    if (!buf || !buf->str)
        return 0;
    return buf->str->len;
}


void
virBufferAsprintf(virBuffer *buf, const char *format, ...)
{
    va_list ap;

    va_start(ap, format);
    virBufferVasprintf(buf, format, ap);
    va_end(ap);
}


void
virBufferVasprintf(virBuffer *buf, const char *format, va_list ap)
{
    if (!buf || !format)
        return;

    virBufferPrepare(buf);
    /* most formatted pieces are short: print them on the stack instead
     * of into a fresh allocation (g_string_append_vprintf), with the
     * same printf */
    {
        char stack[256];
        va_list copy;
        int n;

        va_copy(copy, ap);
        n = vsnprintf(stack, sizeof(stack), format, copy);
        va_end(copy);
        if (n >= 0 && n < (int)sizeof(stack)) {
            g_string_append_len(buf->str, stack, n);
            return;
        }
    }
    g_string_append_vprintf(buf->str, format, ap);
}


void
virBufferStrcat(virBuffer *buf, ...)
{
    va_list ap;
    const char *str;

    if (!buf)
        return;

    va_start(ap, buf);
    while ((str = va_arg(ap, const char *)))
        virBufferAdd(buf, str, -1);
    va_end(ap);
}


/* The XML replacement for @c: an entity, "" to drop it, or NULL to keep
 * the character as it is. */
static const char *
virBufferXMLEntity(char c)
{
    switch (c) {
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '&':
        return "&amp;";
    case '"':
        return "&quot;";
    case '\'':
        return "&apos;";
    case '\t':
    case '\n':
    case '\r':
        return NULL;
    default:
        if (c >= 0x01 && c <= 0x19)
            return "";
        return NULL;
    }
}


/* Apply @format with @str as its single string argument. */
static void
virBufferFormatOne(virBuffer *buf, const char *format, const char *str)
{
    /* The format carries exactly one %s by contract. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    virBufferAsprintf(buf, format, str);
#pragma GCC diagnostic pop
}


void
virBufferEscapeString(virBuffer *buf, const char *format, const char *str)
{
    g_autoptr(GString) escaped = NULL;
    const char *cur;

    if (!buf || !format || !str)
        return;

    escaped = g_string_sized_new(strlen(str));
    for (cur = str; *cur; cur++) {
        const char *entity = virBufferXMLEntity(*cur);

        if (entity)
            g_string_append(escaped, entity);
        else
            g_string_append_c(escaped, *cur);
    }

    virBufferFormatOne(buf, format, escaped->str);
}


void
virBufferEscape(virBuffer *buf, char escape, const char *toescape,
                const char *format, const char *str)
{
    g_autoptr(GString) escaped = NULL;
    const char *cur;

    if (!buf || !format || !str)
        return;

    escaped = g_string_sized_new(strlen(str));
    for (cur = str; *cur; cur++) {
        if (strchr(toescape, *cur))
            g_string_append_c(escaped, escape);
        g_string_append_c(escaped, *cur);
    }

    virBufferFormatOne(buf, format, escaped->str);
}


void
virBufferEscapeRegex(virBuffer *buf, const char *format, const char *str)
{
    virBufferEscape(buf, '\\', "^$.|?*+()[]{}\\", format, str);
}


void
virBufferEscapeSQL(virBuffer *buf, const char *format, const char *str)
{
    virBufferEscape(buf, '\\', "'\"\\", format, str);
}


void
virBufferEscapeShell(virBuffer *buf, const char *str)
{
    g_autoptr(GString) quoted = NULL;
    const char *cur;

    if (!buf || !str)
        return;

    if (!*str) {
        virBufferAddLit(buf, "''");
        return;
    }

    if (!strpbrk(str, "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~")) {
        virBufferAdd(buf, str, -1);
        return;
    }

    quoted = g_string_new("'");
    for (cur = str; *cur; cur++) {
        if (*cur == '\'')
            g_string_append(quoted, "'\\''");
        else
            g_string_append_c(quoted, *cur);
    }
    g_string_append_c(quoted, '\'');

    virBufferAdd(buf, quoted->str, quoted->len);
}


void
virBufferURIEncodeString(virBuffer *buf, const char *str)
{
    if (!buf || !str)
        return;

    virBufferPrepare(buf);
    g_string_append_uri_escaped(buf->str, str, NULL, FALSE);
}


void
virBufferTrim(virBuffer *buf, const char *trim)
{
    size_t len;

    if (!buf || !buf->str || !trim)
        return;

    len = strlen(trim);
    if (len > buf->str->len ||
        memcmp(buf->str->str + buf->str->len - len, trim, len) != 0)
        return;

    g_string_truncate(buf->str, buf->str->len - len);
}


void
virBufferTrimChars(virBuffer *buf, const char *trim)
{
    size_t keep;

    if (!buf || !buf->str || !trim || buf->str->len == 0)
        return;

    keep = buf->str->len;
    while (keep > 1 && strchr(trim, buf->str->str[keep - 1]))
        keep--;

    g_string_truncate(buf->str, keep);
}


void
virBufferTrimLen(virBuffer *buf, int len)
{
    if (!buf || !buf->str || len < 0 || (size_t)len > buf->str->len)
        return;

    g_string_truncate(buf->str, buf->str->len - len);
}


void
virBufferFormatElementFull(virBuffer *buf, const char *name,
                           virBuffer *attrBuf, virBuffer *childBuf,
                           bool allowEmpty, bool childNewline)
{
    bool haveAttrs = virBufferUse(attrBuf) > 0;
    bool haveChildren = virBufferUse(childBuf) > 0;

    if (haveAttrs || haveChildren || allowEmpty) {
        virBufferAsprintf(buf, "<%s", name);
        virBufferAddBuffer(buf, attrBuf);

        if (haveChildren) {
            virBufferAddChar(buf, '>');
            if (childNewline)
                virBufferAddChar(buf, '\n');
            virBufferAddBuffer(buf, childBuf);
            virBufferAsprintf(buf, "</%s>\n", name);
        } else {
            virBufferAddLit(buf, "/>\n");
        }
    }

    virBufferFreeAndReset(attrBuf);
    virBufferFreeAndReset(childBuf);
}


void
virBufferFormatElement(virBuffer *buf, const char *name,
                       virBuffer *attrBuf, virBuffer *childBuf)
{
    virBufferFormatElementFull(buf, name, attrBuf, childBuf, false, true);
}


void
virBufferFormatElementEmpty(virBuffer *buf, const char *name,
                            virBuffer *attrBuf, virBuffer *childBuf)
{
    virBufferFormatElementFull(buf, name, attrBuf, childBuf, true, true);
}
