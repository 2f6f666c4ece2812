/*
 * virbuffer.h: a growable string buffer with automatic indentation, the
 * tool every XML formatter writes with.
 *
 *   g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
 *   virBufferAddLit(&buf, "<domain>\n");
 *   virBufferAdjustIndent(&buf, 2);
 *   virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
 *   virBufferAdjustIndent(&buf, -2);
 *   virBufferAddLit(&buf, "</domain>\n");
 *   return virBufferContentAndReset(&buf);
 *
 * Indentation is applied by every additive call when the buffer is empty
 * or ends with a newline; newlines inside one appended string do not get
 * indentation (virBufferAddStr is the exception: it indents every line).
 * A zeroed virBuffer is an empty buffer; none of these calls can fail.
 */
#pragma once

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

typedef struct _virBuffer virBuffer;
struct _virBuffer {
    GString *str;   /* NULL until something is added */
    int indent;     /* spaces added at the start of each line */
};

#define VIR_BUFFER_INITIALIZER { NULL, 0 }

/* A buffer for the children of an element being formatted into
 * @parentbuf: two spaces deeper than the parent. */
#define VIR_BUFFER_INIT_CHILD(parentbuf) { NULL, (parentbuf)->indent + 2 }

/* The content so far ("" if empty), valid until @buf next changes;
 * NULL only when @buf is NULL. */
const char *virBufferCurrentContent(virBuffer *buf);

/* Hand the content to the caller (NULL if nothing was ever added) and
 * reset @buf, indentation included. */
char *virBufferContentAndReset(virBuffer *buf);

/* Drop the content and reset @buf. */
void virBufferFreeAndReset(virBuffer *buf);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(virBuffer, virBufferFreeAndReset);

/* Bytes of content. */
size_t virBufferUse(const virBuffer *buf);

/* Append @len bytes of @str (all of it when @len < 0). */
void virBufferAdd(virBuffer *buf, const char *str, int len);

/* Append the content of @toadd verbatim (no indentation) and reset
 * @toadd; @toadd is consumed even when @buf is NULL. */
void virBufferAddBuffer(virBuffer *buf, virBuffer *toadd);

void virBufferAddChar(virBuffer *buf, char c);

/* Append @str, indenting each of its lines. */
void virBufferAddStr(virBuffer *buf, const char *str);

#define virBufferAddLit(buf_, literal_string_) \
    virBufferAdd(buf_, "" literal_string_ "", sizeof(literal_string_) - 1)

void virBufferAsprintf(virBuffer *buf, const char *format, ...)
    G_GNUC_PRINTF(2, 3);
void virBufferVasprintf(virBuffer *buf, const char *format, va_list ap)
    G_GNUC_PRINTF(2, 0);

/* Append each string argument up to the terminating NULL. */
void virBufferStrcat(virBuffer *buf, ...) G_GNUC_NULL_TERMINATED;

/*
 * Escaping helpers.  @format contains exactly one %s, which receives
 * the escaped @str; nothing at all is added when @str is NULL.
 *
 * virBufferEscapeString escapes for XML text and attribute values:
 * < > & " ' become &lt; &gt; &amp; &quot; &apos;, and the control
 * characters 0x01-0x08, 0x0B, 0x0C, 0x0E-0x19 are dropped (tab, newline
 * and carriage return are kept, as are 0x1A-0x1F, as libvirt does).
 */
void virBufferEscapeString(virBuffer *buf, const char *format,
                           const char *str);

/* Put @escape before every character of @str found in @toescape. */
void virBufferEscape(virBuffer *buf, char escape, const char *toescape,
                     const char *format, const char *str);

/* Backslash-escape POSIX extended regex metacharacters / SQL quotes. */
void virBufferEscapeRegex(virBuffer *buf, const char *format,
                          const char *str);
void virBufferEscapeSQL(virBuffer *buf, const char *format,
                        const char *str);

/* Append @str quoted so that /bin/sh reads it back as one word equal to
 * @str: unchanged when it holds no shell metacharacter, '' when empty,
 * otherwise in single quotes with ' written as '\''. */
void virBufferEscapeShell(virBuffer *buf, const char *str);

/* Append @str percent-encoded (everything but unreserved characters). */
void virBufferURIEncodeString(virBuffer *buf, const char *str);

/* Indentation: adjust by a delta (clamped to 0..INT_MAX), set, read.
 * The effective indent is what the next addition would insert: the
 * indent at a line start, 0 in the middle of a line. */
void virBufferAdjustIndent(virBuffer *buf, int indent);
void virBufferSetIndent(virBuffer *buf, int indent);
size_t virBufferGetIndent(const virBuffer *buf);
size_t virBufferGetEffectiveIndent(const virBuffer *buf);

/* Remove @trim from the end of the content if the content ends with it. */
void virBufferTrim(virBuffer *buf, const char *trim);

/* Remove the longest tail made only of characters from @trim (the first
 * character of the content is never removed, as in libvirt). */
void virBufferTrimChars(virBuffer *buf, const char *trim);

/* Remove the last @len bytes (nothing if the content is shorter). */
void virBufferTrimLen(virBuffer *buf, int len);

/*
 * Format one element from an attribute buffer and a child buffer (both
 * may be NULL; both are always consumed):
 *   both empty      -> nothing
 *   children empty  -> <name attrs/>\n
 *   otherwise       -> <name attrs>\n children </name>\n
 * @attrBuf should hold the attributes each with a leading space;
 * @childBuf is normally made with VIR_BUFFER_INIT_CHILD(buf).
 */
void virBufferFormatElement(virBuffer *buf, const char *name,
                            virBuffer *attrBuf, virBuffer *childBuf);

/* Like virBufferFormatElement, but writes <name/> even when both
 * buffers are empty. */
void virBufferFormatElementEmpty(virBuffer *buf, const char *name,
                                 virBuffer *attrBuf, virBuffer *childBuf);

/* The general form: @allowEmpty writes the element even when both
 * buffers are empty; @childNewline false puts the child content right
 * after '>' (for elements holding a text value). */
void virBufferFormatElementFull(virBuffer *buf, const char *name,
                                virBuffer *attrBuf, virBuffer *childBuf,
                                bool allowEmpty, bool childNewline);
