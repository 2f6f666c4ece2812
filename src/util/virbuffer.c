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
            buf->str = g_steal_pointer(&toadd->str);   /* no copy */
        else
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


/* One conversion of the subset virBufferFastFormat handles: an optional
 * '0' flag, a width, a length (none, l, ll, z) and one of d i u x X s c %.
 * Width and flags only for the integers. */
typedef struct {
    bool zero;
    int width;
    int length;     /* 0 none, 1 l, 2 ll, 3 z */
    char conv;
} virBufferSpec;

/* Parse the conversion after a '%' at @p into @spec; the character after
 * it, or NULL if the conversion is outside the subset. */
static const char *
virBufferSpecParse(const char *p, virBufferSpec *spec)
{
    spec->zero = false;
    spec->width = 0;
    spec->length = 0;
    if (*p == '0') {
        spec->zero = true;
        p++;
    }
    while (g_ascii_isdigit(*p)) {
        spec->width = spec->width * 10 + (*p++ - '0');
        if (spec->width > 64)
            return NULL;
    }
    if (*p == 'l') {
        spec->length = *++p == 'l' ? 2 : 1;
        if (*p == 'l')
            p++;
    } else if (*p == 'z') {
        spec->length = 3;
        p++;
    }
    spec->conv = *p;
    switch (*p) {
    case 'd': case 'i': case 'u': case 'x': case 'X':
        return p + 1;
    case 's': case 'c': case '%':
        if (spec->zero || spec->width || spec->length)
            return NULL;
        return p + 1;
    default:
        return NULL;
    }
}


/* Whether every conversion of @format is in the subset. */
static bool
virBufferFastFormatOK(const char *format)
{
    virBufferSpec spec;
    const char *p = format;

    while ((p = strchr(p, '%')))
        if (!(p = virBufferSpecParse(p + 1, &spec)))
            return false;
    return true;
}


/* Append one integer conversion of @spec, as printf writes it. */
static void
virBufferFastInteger(GString *out, const virBufferSpec *spec, va_list *ap)
{
    static const char lower[] = "0123456789abcdef";
    static const char upper[] = "0123456789ABCDEF";
    const char *digits = spec->conv == 'X' ? upper : lower;
    unsigned int base = spec->conv == 'x' || spec->conv == 'X' ? 16 : 10;
    char tmp[32];
    char *end = tmp + sizeof(tmp);
    char *cur = end;
    unsigned long long u;
    bool negative = false;
    int len;

    if (spec->conv == 'd' || spec->conv == 'i') {
        long long v;

        switch (spec->length) {
        case 1: v = va_arg(*ap, long); break;
        case 2: v = va_arg(*ap, long long); break;
        case 3: v = va_arg(*ap, ssize_t); break;
        default: v = va_arg(*ap, int); break;
        }
        negative = v < 0;
        u = negative ? -(unsigned long long)v : (unsigned long long)v;
    } else {
        switch (spec->length) {
        case 1: u = va_arg(*ap, unsigned long); break;
        case 2: u = va_arg(*ap, unsigned long long); break;
        case 3: u = va_arg(*ap, size_t); break;
        default: u = va_arg(*ap, unsigned int); break;
        }
    }

    do {
        *--cur = digits[u % base];
        u /= base;
    } while (u);
    len = (int)(end - cur) + negative;

    if (!spec->zero) {
        for (; len < spec->width; len++)
            g_string_append_c(out, ' ');
    }
    if (negative)
        g_string_append_c(out, '-');
    if (spec->zero) {
        for (; len < spec->width; len++)
            g_string_append_c(out, '0');
    }
    g_string_append_len(out, cur, end - cur);
}


/* printf for the subset virBufferFastFormatOK accepted: the same bytes,
 * without vfprintf's setup cost on every short piece. */
static void
virBufferFastFormat(GString *out, const char *format, va_list *ap)
{
    const char *p = format;
    virBufferSpec spec;

    while (*p) {
        const char *pct = strchr(p, '%');
        const char *s;

        if (!pct) {
            g_string_append(out, p);
            return;
        }
        g_string_append_len(out, p, pct - p);
        p = virBufferSpecParse(pct + 1, &spec);
        switch (spec.conv) {
        case '%':
            g_string_append_c(out, '%');
            break;
        case 'c':
            g_string_append_c(out, (char)va_arg(*ap, int));
            break;
        case 's':
            s = va_arg(*ap, const char *);
            g_string_append(out, s ? s : "(null)");
            break;
        default:
            virBufferFastInteger(out, &spec, ap);
            break;
        }
    }
}


void
virBufferVasprintf(virBuffer *buf, const char *format, va_list ap)
{
    if (!buf || !format)
        return;

    virBufferPrepare(buf);
    if (virBufferFastFormatOK(format)) {
        va_list copy;

        va_copy(copy, ap);
        virBufferFastFormat(buf->str, format, &copy);
        va_end(copy);
        return;
    }
    /* short pieces on the stack instead of into a fresh allocation
     * (g_string_append_vprintf), with the same printf */
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


/* Append @str to @out with XML's special characters replaced. */
static void
virBufferAppendXMLEscaped(GString *out, const char *str)
{
    const char *run = str;
    const char *cur;

    for (cur = str; *cur; cur++) {
        const char *entity = virBufferXMLEntity(*cur);

        if (!entity)
            continue;
        g_string_append_len(out, run, cur - run);
        g_string_append(out, entity);
        run = cur + 1;
    }
    g_string_append_len(out, run, cur - run);
}


void
virBufferEscapeString(virBuffer *buf, const char *format, const char *str)
{
    g_autoptr(GString) escaped = NULL;
    const char *conv;

    if (!buf || !format || !str)
        return;

    /* the usual "<x>%s</x>\n": prefix, escaped string and suffix go
     * straight into the buffer */
    conv = strstr(format, "%s");
    if (conv && !memchr(format, '%', conv - format) && !strchr(conv + 2, '%')) {
        virBufferPrepare(buf);
        g_string_append_len(buf->str, format, conv - format);
        virBufferAppendXMLEscaped(buf->str, str);
        g_string_append(buf->str, conv + 2);
        return;
    }

    escaped = g_string_sized_new(strlen(str));
    virBufferAppendXMLEscaped(escaped, str);
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
