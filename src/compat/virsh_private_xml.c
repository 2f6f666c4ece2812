/*
 * virsh_private_xml.c: the document-format half of nuvirt's libvirt 9.0.0
 * private-symbol layer (see virsh_private.c and README.md):
 * virJSONValue, the XML/XPath helpers and virURI, as Debian's virsh
 * imports them at LIBVIRT_PRIVATE_9.0.0.
 *
 * Known gaps, by design:
 *  - virXMLParseHelper(validate=true) looks for the RelaxNG schema under
 *    /usr/share/libvirt/schemas (virsh never asks for validation).
 *  - virJSONValueFromString refuses nesting deeper than 1024 levels
 *    (yajl has no limit); otherwise it accepts what libvirt's yajl-based
 *    parser accepts and words and places its errors the same way.
 */
#include "internal.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/uri.h>
#include <libxml/xpathInternals.h>

#include "compat/virsh_private.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* ================================================================== */
/* virJSONValue: parse, format (libvirt's yajl layout), build         */
/* ================================================================== */

typedef enum {
    COMPAT_JSON_OBJECT,
    COMPAT_JSON_ARRAY,
    COMPAT_JSON_STRING,
    COMPAT_JSON_NUMBER,
    COMPAT_JSON_BOOLEAN,
    COMPAT_JSON_NULL,
} compat_json_type;

/* Numbers keep their source text, so they print back unchanged. */
struct _compat_virJSONValue {
    compat_json_type type;
    GPtrArray *keys;    /* object: char *, parallel to items */
    GPtrArray *items;   /* object values or array elements */
    char *text;         /* string or number */
    bool boolean;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC(compat_virJSONValue, compat_virJSONValueFree);

#define COMPAT_JSON_MAX_DEPTH 1024

static compat_virJSONValue *
compat_json_new(compat_json_type type)
{
    compat_virJSONValue *v = g_new0(compat_virJSONValue, 1);

    v->type = type;
    if (type == COMPAT_JSON_OBJECT)
        v->keys = g_ptr_array_new_with_free_func(g_free);
    if (type == COMPAT_JSON_OBJECT || type == COMPAT_JSON_ARRAY)
        v->items = g_ptr_array_new_with_free_func(
            (GDestroyNotify)compat_virJSONValueFree);
    return v;
}


static compat_virJSONValue *
compat_json_new_text(compat_json_type type, char *text)
{
    compat_virJSONValue *v = compat_json_new(type);

    v->text = text;
    return v;
}


VIR_COMPAT_EXPORT(virJSONValueFree) void
compat_virJSONValueFree(compat_virJSONValue *value)
{
    if (!value)
        return;
    if (value->keys)
        g_ptr_array_unref(value->keys);
    if (value->items)
        g_ptr_array_unref(value->items);
    g_free(value->text);
    g_free(value);
}


VIR_COMPAT_EXPORT(virJSONValueIsObject) bool
compat_virJSONValueIsObject(compat_virJSONValue *object)
{
    return object && object->type == COMPAT_JSON_OBJECT;
}


VIR_COMPAT_EXPORT(virJSONValueObjectGet) compat_virJSONValue *
compat_virJSONValueObjectGet(compat_virJSONValue *object, const char *key)
{
    size_t i;

    if (!compat_virJSONValueIsObject(object))
        return NULL;
    for (i = 0; i < object->keys->len; i++) {
        if (STREQ(g_ptr_array_index(object->keys, i), key))
            return g_ptr_array_index(object->items, i);
    }
    return NULL;
}


/* Add @key = *@value to @object, taking *@value (set to NULL). */
static int
compat_json_object_append(compat_virJSONValue *object, const char *key,
                          compat_virJSONValue **value)
{
    if (object->type != COMPAT_JSON_OBJECT) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "expecting JSON object");
        return -1;
    }
    if (compat_virJSONValueObjectGet(object, key)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "duplicate key '%s'", key);
        return -1;
    }
    g_ptr_array_add(object->keys, g_strdup(key));
    g_ptr_array_add(object->items, g_steal_pointer(value));
    return 0;
}


/* The parser follows yajl 2 (libvirt 9.0.0's parser) closely enough to
 * accept the same documents and to report the same errors at the same
 * places.  yajl sees the text and then, to finish, a single space; a
 * token that runs into the end of the text (a number, an unterminated
 * string) is only complete in that second buffer, and errors found there
 * are located relative to it.  So the lexer runs over the text with one
 * space appended, and compat_json_error_offset maps positions back. */

typedef enum {
    COMPAT_TOK_EOF,
    COMPAT_TOK_ERROR,       /* lexical error: msg, errpos */
    COMPAT_TOK_LBRACE,
    COMPAT_TOK_RBRACE,
    COMPAT_TOK_LBRACKET,
    COMPAT_TOK_RBRACKET,
    COMPAT_TOK_COMMA,
    COMPAT_TOK_COLON,
    COMPAT_TOK_STRING,      /* text: the decoded string */
    COMPAT_TOK_NUMBER,      /* text: as written */
    COMPAT_TOK_TRUE,
    COMPAT_TOK_FALSE,
    COMPAT_TOK_NULL,
} compat_json_tok_type;

typedef struct {
    compat_json_tok_type type;
    size_t start;           /* index of its first character */
    size_t end;             /* index just past the token */
    size_t errpos;          /* COMPAT_TOK_ERROR: where yajl stops */
    bool unread;            /* ... at the offending character, not past it */
    const char *msg;        /* COMPAT_TOK_ERROR: yajl's lexer message */
    char *text;
} compat_json_token;

typedef struct {
    char *buf;              /* the text plus one space */
    size_t n;               /* length of the text */
    size_t pos;
    int depth;
    /* the first error */
    const char *error;
    bool lexical;
    size_t offset;
} compat_json_parser;

static compat_virJSONValue *compat_json_parse_value(compat_json_parser *ps,
                                                    compat_json_token *tok);


static void
compat_json_token_clear(compat_json_token *tok)
{
    g_clear_pointer(&tok->text, g_free);
}


/* A lexical error; @unread: yajl backs up to the offending character at
 * @errpos (otherwise @errpos is just past it). */
static void
compat_json_lex_error(compat_json_token *tok, const char *msg, size_t errpos,
                      bool unread)
{
    tok->type = COMPAT_TOK_ERROR;
    tok->msg = msg;
    tok->errpos = errpos;
    tok->unread = unread;
}


static int
compat_json_hex4(const char *p)
{
    int v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        if (!g_ascii_isxdigit(p[i]))
            return -1;
        v = v * 16 + g_ascii_xdigit_value(p[i]);
    }
    return v;
}


/* One UTF-8 sequence at @i, checked the way yajl does (lead byte and
 * continuation bytes only).  Returns the index after it, or 0 when
 * invalid, with *@bad just past the offending byte. */
static size_t
compat_json_utf8(const unsigned char *s, size_t i, size_t *bad)
{
    unsigned char c = s[i];
    int more = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 :
               (c >> 3) == 0x1E ? 3 : -1;

    i++;
    if (more < 0) {
        *bad = i;
        return 0;
    }
    while (more-- > 0) {
        if ((s[i] >> 6) != 0x2) {
            *bad = i + 1;
            return 0;
        }
        i++;
    }
    return i;
}


/* A string token from the quote at ps->pos; TOK_EOF if unterminated. */
static void
compat_json_lex_string(compat_json_parser *ps, compat_json_token *tok)
{
    const unsigned char *s = (const unsigned char *)ps->buf;
    size_t len = ps->n + 1;
    g_autoptr(GString) out = g_string_new(NULL);
    size_t i = ps->pos + 1;

    for (;;) {
        size_t bad = 0;
        int cp;

        if (i >= len) {
            tok->type = COMPAT_TOK_EOF;
            tok->end = len;
            return;
        }
        if (s[i] == '"')
            break;
        if (s[i] < 0x20) {
            compat_json_lex_error(tok, "invalid character inside string.",
                                  i, true);
            return;
        }
        if (s[i] >= 0x80) {
            size_t next = compat_json_utf8(s, i, &bad);

            if (!next) {
                compat_json_lex_error(tok, "invalid bytes in UTF8 string.",
                                      bad, false);
                return;
            }
            g_string_append_len(out, (const char *)s + i, next - i);
            i = next;
            continue;
        }
        if (s[i] != '\\') {
            g_string_append_c(out, s[i++]);
            continue;
        }

        if (++i >= len) {
            tok->type = COMPAT_TOK_EOF;
            tok->end = len;
            return;
        }
        switch (s[i]) {
        case '"': case '\\': case '/':
            g_string_append_c(out, s[i]);
            break;
        case 'b': g_string_append_c(out, '\b'); break;
        case 'f': g_string_append_c(out, '\f'); break;
        case 'n': g_string_append_c(out, '\n'); break;
        case 'r': g_string_append_c(out, '\r'); break;
        case 't': g_string_append_c(out, '\t'); break;
        case 'u': {
            size_t k;

            for (k = 1; k <= 4; k++) {
                if (i + k >= len) {
                    tok->type = COMPAT_TOK_EOF;
                    tok->end = len;
                    return;
                }
                if (!g_ascii_isxdigit(s[i + k])) {
                    compat_json_lex_error(tok, "invalid (non-hex) character "
                                          "occurs after '\\u' inside string.",
                                          i + k, true);
                    return;
                }
            }
            cp = compat_json_hex4((const char *)s + i + 1);
            i += 4;
            /* as yajl: a high surrogate combines with whatever \u escape
             * follows, or reads as '?' */
            if ((cp & 0xFC00) == 0xD800) {
                int low = -1;

                if (i + 6 < len && s[i + 1] == '\\' && s[i + 2] == 'u')
                    low = compat_json_hex4((const char *)s + i + 3);
                if (low >= 0) {
                    cp = ((cp & 0x3F) << 10) |
                         ((((cp >> 6) & 0xF) + 1) << 16) | (low & 0x3FF);
                    i += 6;
                } else {
                    cp = '?';
                }
            }
            /* U+0000 stays in: the string reads as ending there */
            g_string_append_unichar(out, cp);
            break;
        }
        default:
            compat_json_lex_error(tok, "inside a string, '\\' occurs before a "
                                  "character which it may not.", i, true);
            return;
        }
        i++;
    }

    tok->type = COMPAT_TOK_STRING;
    tok->end = i + 1;
    tok->text = g_string_free(g_steal_pointer(&out), FALSE);
}


/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static void
compat_json_lex_number(compat_json_parser *ps, compat_json_token *tok)
{
    const char *s = ps->buf;
    size_t i = ps->pos;

    if (s[i] == '-')
        i++;
    if (s[i] == '0') {
        i++;
    } else if (g_ascii_isdigit(s[i])) {
        while (g_ascii_isdigit(s[i]))
            i++;
    } else {
        compat_json_lex_error(tok, "malformed number, a digit is required "
                              "after the minus sign.", i, true);
        return;
    }
    if (s[i] == '.') {
        if (!g_ascii_isdigit(s[++i])) {
            compat_json_lex_error(tok, "malformed number, a digit is required "
                                  "after the decimal point.", i, true);
            return;
        }
        while (g_ascii_isdigit(s[i]))
            i++;
    }
    if (s[i] == 'e' || s[i] == 'E') {
        i++;
        if (s[i] == '+' || s[i] == '-')
            i++;
        if (!g_ascii_isdigit(s[i])) {
            compat_json_lex_error(tok, "malformed number, a digit is required "
                                  "after the exponent.", i, true);
            return;
        }
        while (g_ascii_isdigit(s[i]))
            i++;
    }
    tok->type = COMPAT_TOK_NUMBER;
    tok->end = i;
    tok->text = g_strndup(s + ps->pos, i - ps->pos);
}


/* The next token; ps->pos moves past it. */
static void
compat_json_lex(compat_json_parser *ps, compat_json_token *tok)
{
    static const struct {
        char first;
        const char *word;
        compat_json_tok_type type;
    } literals[] = {
        { 't', "true", COMPAT_TOK_TRUE },
        { 'f', "false", COMPAT_TOK_FALSE },
        { 'n', "null", COMPAT_TOK_NULL },
    };
    const char *s = ps->buf;
    size_t i;

    memset(tok, 0, sizeof(*tok));
    while (ps->pos <= ps->n && strchr(" \t\n\v\f\r", s[ps->pos]))
        ps->pos++;
    if (ps->pos > ps->n) {
        tok->type = COMPAT_TOK_EOF;
        tok->end = ps->pos;
        return;
    }

    tok->start = ps->pos;
    tok->end = ps->pos + 1;
    switch (s[ps->pos]) {
    case '{': tok->type = COMPAT_TOK_LBRACE; break;
    case '}': tok->type = COMPAT_TOK_RBRACE; break;
    case '[': tok->type = COMPAT_TOK_LBRACKET; break;
    case ']': tok->type = COMPAT_TOK_RBRACKET; break;
    case ',': tok->type = COMPAT_TOK_COMMA; break;
    case ':': tok->type = COMPAT_TOK_COLON; break;
    case '"':
        compat_json_lex_string(ps, tok);
        break;
    case '/':
        compat_json_lex_error(tok, "probable comment found in input text, "
                              "comments are not enabled.", ps->pos, true);
        break;
    default:
        if (s[ps->pos] == '-' || g_ascii_isdigit(s[ps->pos])) {
            compat_json_lex_number(ps, tok);
            break;
        }
        compat_json_lex_error(tok, "invalid char in json text.", ps->pos + 1,
                              false);
        for (i = 0; i < G_N_ELEMENTS(literals); i++) {
            const char *w = literals[i].word;
            size_t k;

            if (s[ps->pos] != literals[i].first)
                continue;
            for (k = 1; w[k] && s[ps->pos + k] == w[k]; k++)
                ;
            if (w[k]) {
                compat_json_lex_error(tok, "invalid string in json text.",
                                      ps->pos + k, true);
            } else {
                tok->type = literals[i].type;
                tok->end = ps->pos + k;
            }
        }
        break;
    }
    if (tok->type != COMPAT_TOK_ERROR)
        ps->pos = tok->end;
}


/* Where yajl stands after @tok: an offset in the text, or (for what it
 * only saw while finishing) in the one-space buffer.  A number needs the
 * character after it, so one ending the text is only seen while
 * finishing; so is an error at that appended space. */
static size_t
compat_json_token_offset(compat_json_parser *ps, compat_json_token *tok)
{
    size_t pos = tok->end;
    bool finishing = tok->type == COMPAT_TOK_NUMBER;

    if (tok->type == COMPAT_TOK_EOF)
        return 1;
    if (tok->type == COMPAT_TOK_ERROR) {
        pos = tok->errpos;
        finishing = tok->unread;
    }
    if (pos > ps->n || (pos == ps->n && finishing))
        return pos - ps->n;
    return pos;
}


static void *
compat_json_fail_at(compat_json_parser *ps, bool lexical, const char *msg,
                    size_t offset)
{
    if (!ps->error) {
        ps->error = msg;
        ps->lexical = lexical;
        ps->offset = offset;
    }
    return NULL;
}


/* Fail on @tok: its own lexical error, premature EOF, or parse error
 * @msg at its end. */
static void *
compat_json_fail(compat_json_parser *ps, compat_json_token *tok,
                 const char *msg)
{
    if (tok->type == COMPAT_TOK_ERROR)
        return compat_json_fail_at(ps, true, tok->msg,
                                   compat_json_token_offset(ps, tok));
    if (tok->type == COMPAT_TOK_EOF)
        return compat_json_fail_at(ps, false, "premature EOF", 1);
    return compat_json_fail_at(ps, false, msg,
                               compat_json_token_offset(ps, tok));
}


static bool
compat_json_starts_value(compat_json_token *tok)
{
    switch (tok->type) {
    case COMPAT_TOK_LBRACE:
    case COMPAT_TOK_LBRACKET:
    case COMPAT_TOK_STRING:
    case COMPAT_TOK_NUMBER:
    case COMPAT_TOK_TRUE:
    case COMPAT_TOK_FALSE:
    case COMPAT_TOK_NULL:
        return true;
    default:
        return false;
    }
}


static compat_virJSONValue *
compat_json_parse_array(compat_json_parser *ps)
{
    g_autoptr(compat_virJSONValue) v = compat_json_new(COMPAT_JSON_ARRAY);
    compat_json_token tok;

    compat_json_lex(ps, &tok);
    if (tok.type == COMPAT_TOK_RBRACKET)
        return g_steal_pointer(&v);

    for (;;) {
        compat_virJSONValue *item = compat_json_parse_value(ps, &tok);

        compat_json_token_clear(&tok);
        if (!item)
            return NULL;
        g_ptr_array_add(v->items, item);

        compat_json_lex(ps, &tok);
        if (tok.type == COMPAT_TOK_RBRACKET)
            return g_steal_pointer(&v);
        if (tok.type != COMPAT_TOK_COMMA) {
            compat_json_token_clear(&tok);
            return compat_json_fail(ps, &tok, "after array element, I expect "
                                    "',' or ']'");
        }
        compat_json_lex(ps, &tok);
    }
}


static compat_virJSONValue *
compat_json_parse_object(compat_json_parser *ps)
{
    g_autoptr(compat_virJSONValue) v = compat_json_new(COMPAT_JSON_OBJECT);
    compat_json_token tok;

    compat_json_lex(ps, &tok);
    if (tok.type == COMPAT_TOK_RBRACE)
        return g_steal_pointer(&v);

    for (;;) {
        g_autofree char *key = NULL;
        compat_virJSONValue *item;

        if (tok.type != COMPAT_TOK_STRING) {
            compat_json_token_clear(&tok);
            return compat_json_fail(ps, &tok, "invalid object key (must be "
                                    "a string)");
        }
        key = g_steal_pointer(&tok.text);

        compat_json_lex(ps, &tok);
        if (tok.type != COMPAT_TOK_COLON) {
            compat_json_token_clear(&tok);
            return compat_json_fail(ps, &tok, "object key and value must be "
                                    "separated by a colon (':')");
        }

        /* libvirt inserts each value as soon as it starts, and refuses a
         * key seen before: yajl then stops with its callback error */
        compat_json_lex(ps, &tok);
        if (compat_json_starts_value(&tok) &&
            compat_virJSONValueObjectGet(v, key)) {
            compat_json_token_clear(&tok);
            return compat_json_fail(ps, &tok, "client cancelled parse via "
                                    "callback return value");
        }
        item = compat_json_parse_value(ps, &tok);
        compat_json_token_clear(&tok);
        if (!item)
            return NULL;
        g_ptr_array_add(v->keys, g_steal_pointer(&key));
        g_ptr_array_add(v->items, item);

        compat_json_lex(ps, &tok);
        if (tok.type == COMPAT_TOK_RBRACE)
            return g_steal_pointer(&v);
        if (tok.type != COMPAT_TOK_COMMA) {
            const char *msg = "after key and value, inside map, I expect "
                              "',' or '}'";
            size_t offset = compat_json_token_offset(ps, &tok);
            size_t len = tok.end - tok.start;

            compat_json_token_clear(&tok);
            if (tok.type == COMPAT_TOK_ERROR || tok.type == COMPAT_TOK_EOF)
                return compat_json_fail(ps, &tok, msg);
            /* here yajl reports the start of the token (a string's
             * length counted without its quotes) */
            if (tok.type == COMPAT_TOK_STRING)
                len -= 2;
            return compat_json_fail_at(ps, false, msg,
                                       offset >= len ? offset - len : 0);
        }
        compat_json_lex(ps, &tok);
    }
}


/* The value that starts with @tok (already lexed). */
static compat_virJSONValue *
compat_json_parse_value(compat_json_parser *ps, compat_json_token *tok)
{
    compat_virJSONValue *v = NULL;

    switch (tok->type) {
    case COMPAT_TOK_LBRACE:
    case COMPAT_TOK_LBRACKET:
        if (ps->depth >= COMPAT_JSON_MAX_DEPTH)
            return compat_json_fail_at(ps, false, "nesting too deep",
                                       compat_json_token_offset(ps, tok));
        ps->depth++;
        v = tok->type == COMPAT_TOK_LBRACE ? compat_json_parse_object(ps) :
                                             compat_json_parse_array(ps);
        ps->depth--;
        return v;
    case COMPAT_TOK_STRING:
        return compat_json_new_text(COMPAT_JSON_STRING,
                                    g_steal_pointer(&tok->text));
    case COMPAT_TOK_NUMBER:
        return compat_json_new_text(COMPAT_JSON_NUMBER,
                                    g_steal_pointer(&tok->text));
    case COMPAT_TOK_TRUE:
    case COMPAT_TOK_FALSE:
        v = compat_json_new(COMPAT_JSON_BOOLEAN);
        v->boolean = tok->type == COMPAT_TOK_TRUE;
        return v;
    case COMPAT_TOK_NULL:
        return compat_json_new(COMPAT_JSON_NULL);
    default:
        return compat_json_fail(ps, tok, "unallowed token at this point in "
                                "JSON text");
    }
}


/* yajl's verbose error: the message, then up to 30 characters either side
 * of the error with the error position in column 40, then an arrow. */
static char *
compat_json_error_text(compat_json_parser *ps, const char *text)
{
    GString *out = g_string_new(ps->lexical ? "lexical error: " :
                                              "parse error: ");
    size_t offset = ps->offset;
    size_t start = offset >= 30 ? offset - 30 : 0;
    size_t end = MIN(offset + 30, ps->n);
    size_t i;

    g_string_append(out, ps->error);
    g_string_append_c(out, '\n');
    for (i = offset < 30 ? 40 - offset : 10; i > 0; i--)
        g_string_append_c(out, ' ');
    for (i = start; i < end; i++)
        g_string_append_c(out, text[i] == '\n' || text[i] == '\r' ?
                               ' ' : text[i]);
    g_string_append(out, "\n                     (right here) ------^\n");
    return g_string_free(out, FALSE);
}


VIR_COMPAT_EXPORT(virJSONValueFromString) compat_virJSONValue *
compat_virJSONValueFromString(const char *jsonstring)
{
    compat_json_parser ps = { 0 };
    g_autoptr(compat_virJSONValue) v = NULL;
    g_autofree char *detail = NULL;
    compat_json_token tok;

    ps.n = strlen(jsonstring);
    ps.buf = g_strdup_printf("%s ", jsonstring);

    compat_json_lex(&ps, &tok);
    v = compat_json_parse_value(&ps, &tok);
    compat_json_token_clear(&tok);
    if (v) {
        compat_json_lex(&ps, &tok);
        compat_json_token_clear(&tok);
        if (tok.type != COMPAT_TOK_EOF) {
            /* anything after the value, even a lexical error */
            compat_json_fail_at(&ps, false, "trailing garbage",
                                compat_json_token_offset(&ps, &tok));
            g_clear_pointer(&v, compat_virJSONValueFree);
        }
    }
    g_free(ps.buf);
    if (v)
        return g_steal_pointer(&v);

    detail = compat_json_error_text(&ps, jsonstring);
    virReportError(VIR_ERR_INTERNAL_ERROR, "cannot parse json %s: %s",
                   jsonstring, detail);
    return NULL;
}


static void
compat_json_indent(GString *out, int depth)
{
    int i;

    for (i = 0; i < depth; i++)
        g_string_append(out, "  ");
}


static void
compat_json_format_string(GString *out, const char *s)
{
    g_string_append_c(out, '"');
    for (; *s; s++) {
        unsigned char c = *s;

        switch (c) {
        case '"': g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\b': g_string_append(out, "\\b"); break;
        case '\f': g_string_append(out, "\\f"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        case '\t': g_string_append(out, "\\t"); break;
        default:
            if (c < 0x20)
                g_string_append_printf(out, "\\u00%02X", c);
            else
                g_string_append_c(out, c);
            break;
        }
    }
    g_string_append_c(out, '"');
}


/* Compact: no whitespace at all.  Pretty: two-space indentation, ": "
 * after keys, and empty containers printed as "{" blank line "}". */
static void
compat_json_format(GString *out, compat_virJSONValue *v, bool pretty,
                   int depth)
{
    bool object = v->type == COMPAT_JSON_OBJECT;
    size_t i;

    switch (v->type) {
    case COMPAT_JSON_OBJECT:
    case COMPAT_JSON_ARRAY:
        g_string_append_c(out, object ? '{' : '[');
        if (pretty)
            g_string_append_c(out, '\n');
        for (i = 0; i < v->items->len; i++) {
            if (i > 0)
                g_string_append(out, pretty ? ",\n" : ",");
            if (pretty)
                compat_json_indent(out, depth + 1);
            if (object) {
                compat_json_format_string(out, g_ptr_array_index(v->keys, i));
                g_string_append(out, pretty ? ": " : ":");
            }
            compat_json_format(out, g_ptr_array_index(v->items, i), pretty,
                               depth + 1);
        }
        if (pretty) {
            g_string_append_c(out, '\n');
            compat_json_indent(out, depth);
        }
        g_string_append_c(out, object ? '}' : ']');
        break;
    case COMPAT_JSON_STRING:
        compat_json_format_string(out, v->text);
        break;
    case COMPAT_JSON_NUMBER:
        g_string_append(out, v->text);
        break;
    case COMPAT_JSON_BOOLEAN:
        g_string_append(out, v->boolean ? "true" : "false");
        break;
    case COMPAT_JSON_NULL:
        g_string_append(out, "null");
        break;
    }
}


/* Pretty output ends with a newline, as libvirt's does. */
VIR_COMPAT_EXPORT(virJSONValueToString) char *
compat_virJSONValueToString(compat_virJSONValue *object, bool pretty)
{
    GString *out = g_string_new(NULL);

    compat_json_format(out, object, pretty, 0);
    if (pretty)
        g_string_append_c(out, '\n');
    return g_string_free(out, FALSE);
}


/* Build an object from "T:key", value pairs up to NULL.  T is the value's
 * type code as libvirt defines it (s/S string, i/j/k/y/z int, u/p uint,
 * I/J/K/Y/Z/U/P long long, d double, b/B/T bool, n null, a/A value,
 * m/M bitmap); upper-case and some lower-case codes skip absent or zero
 * values.  Returns 1 if something was added, 0 if not, -1 on error. */
static int
compat_json_object_add_args(compat_virJSONValue **objptr, va_list args)
{
    g_autoptr(compat_virJSONValue) created = NULL;
    compat_virJSONValue *obj = *objptr;
    const char *spec;

    if (!obj)
        obj = created = compat_json_new(COMPAT_JSON_OBJECT);

    while ((spec = va_arg(args, const char *))) {
        g_autoptr(compat_virJSONValue) val = NULL;
        char type = spec[0];
        const char *key = spec + 2;

        if (strlen(spec) < 3 || spec[1] != ':') {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "argument key '%s' is too short or malformed",
                           spec);
            return -1;
        }

        switch (type) {
        case 's':
        case 'S': {
            const char *s = va_arg(args, const char *);

            if (!s) {
                if (type == 'S')
                    continue;
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "argument key '%s' must not have null value",
                               key);
                return -1;
            }
            val = compat_json_new_text(COMPAT_JSON_STRING, g_strdup(s));
            break;
        }
        case 'i':
        case 'j':
        case 'k':
        case 'y':
        case 'z': {
            int n = va_arg(args, int);

            if (n < 0 && (type == 'j' || type == 'y')) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "argument key '%s' must not be negative", key);
                return -1;
            }
            if ((n == 0 && (type == 'z' || type == 'y')) ||
                (n < 0 && type == 'k'))
                continue;
            val = compat_json_new_text(COMPAT_JSON_NUMBER,
                                       g_strdup_printf("%d", n));
            break;
        }
        case 'u':
        case 'p': {
            unsigned int n = va_arg(args, unsigned int);

            if (n == 0 && type == 'p')
                continue;
            val = compat_json_new_text(COMPAT_JSON_NUMBER,
                                       g_strdup_printf("%u", n));
            break;
        }
        case 'I':
        case 'J':
        case 'K':
        case 'Y':
        case 'Z':
        case 'U':
        case 'P': {
            long long n = va_arg(args, long long);

            if (n < 0 && (type == 'J' || type == 'Y')) {
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "argument key '%s' must not be negative", key);
                return -1;
            }
            if ((n == 0 && (type == 'Z' || type == 'Y' || type == 'P')) ||
                (n < 0 && type == 'K'))
                continue;
            val = compat_json_new_text(COMPAT_JSON_NUMBER,
                                       g_strdup_printf("%lld", n));
            break;
        }
        case 'd': {
            char num[512];

            g_ascii_formatd(num, sizeof(num), "%f", va_arg(args, double));
            val = compat_json_new_text(COMPAT_JSON_NUMBER, g_strdup(num));
            break;
        }
        case 'b':
        case 'B':
        case 'T': {
            int n = va_arg(args, int);

            /* T is a virTristateBool: 0 absent, 1 yes, 2 no */
            if ((n == 0 && (type == 'B' || type == 'T')))
                continue;
            val = compat_json_new(COMPAT_JSON_BOOLEAN);
            val->boolean = type == 'T' ? n != 2 : n != 0;
            break;
        }
        case 'n':
            val = compat_json_new(COMPAT_JSON_NULL);
            break;
        case 'a':
        case 'A': {
            compat_virJSONValue **in = va_arg(args, compat_virJSONValue **);

            if (!*in) {
                if (type == 'A')
                    continue;
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "argument key '%s' must not have null value",
                               key);
                return -1;
            }
            if (compat_json_object_append(obj, key, in) < 0)
                return -1;
            continue;
        }
        case 'm':
        case 'M': {
            compat_virBitmap *map = va_arg(args, compat_virBitmap *);
            ssize_t b = -1;

            if (!map) {
                if (type == 'M')
                    continue;
                virReportError(VIR_ERR_INTERNAL_ERROR,
                               "argument key '%s' must not have null value",
                               key);
                return -1;
            }
            val = compat_json_new(COMPAT_JSON_ARRAY);
            while ((b = compat_virBitmapNextSetBit(map, b)) >= 0) {
                g_ptr_array_add(val->items,
                                compat_json_new_text(COMPAT_JSON_NUMBER,
                                    g_strdup_printf("%zd", b)));
            }
            break;
        }
        default:
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "unsupported data type '%c' for arg '%s'",
                           type, spec);
            return -1;
        }

        if (compat_json_object_append(obj, key, &val) < 0)
            return -1;
    }

    if (obj->keys->len == 0)
        return 0;
    if (created)
        *objptr = g_steal_pointer(&created);
    return 1;
}


VIR_COMPAT_EXPORT(virJSONValueObjectAdd) int
compat_virJSONValueObjectAdd(compat_virJSONValue **obj, ...)
{
    va_list args;
    int ret;

    va_start(args, obj);
    ret = compat_json_object_add_args(obj, args);
    va_end(args);
    return ret;
}


/* ================================================================== */
/* XML: parsing with libvirt's error reports, XPath and node helpers  */
/* ================================================================== */

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_XML

typedef struct {
    int domcode;
} compat_xml_parser_data;

/* libxml2's error callback: turn the first fatal error into a libvirt
 * error showing the offending line and a pointer to the column. */
static void
compat_xml_error(void *ctx, const char *msg G_GNUC_UNUSED, ...)
{
    xmlParserCtxtPtr ctxt = ctx;
    const compat_xml_parser_data *data;
    const xmlChar *cur;
    const xmlChar *base;
    const xmlChar *line;
    g_autoptr(GString) context = g_string_new(NULL);
    g_autoptr(GString) pointer = g_string_new(NULL);
    size_t col;
    size_t n;

    if (!ctxt || virGetLastErrorCode() != VIR_ERR_OK || !ctxt->input ||
        ctxt->lastError.level != XML_ERR_FATAL || !ctxt->lastError.message)
        return;
    data = ctxt->_private;

    cur = ctxt->input->cur;
    base = ctxt->input->base;
    while (cur > base && (*cur == '\n' || *cur == '\r'))
        cur--;
    while (cur > base && *cur != '\n' && *cur != '\r')
        cur--;
    if (*cur == '\n' || *cur == '\r')
        cur++;
    col = ctxt->input->cur - cur;

    for (line = cur; *line && *line != '\n' && *line != '\r'; line++)
        g_string_append_c(context, *line);
    for (n = 0; n < col && n < context->len; n++)
        g_string_append_c(pointer, context->str[n] == '\t' ? '\t' : '-');
    g_string_append_c(pointer, '^');
    /* libvirt formats an empty context line from a NULL string */
    if (context->len == 0)
        g_string_assign(context, "(null)");

    if (ctxt->lastError.file) {
        virReportErrorHelper(data ? data->domcode : VIR_FROM_XML,
                             VIR_ERR_XML_DETAIL, __FILE__, __func__, __LINE__,
                             "%s:%d: %s%s\n%s", ctxt->lastError.file,
                             ctxt->lastError.line, ctxt->lastError.message,
                             context->str, pointer->str);
    } else {
        virReportErrorHelper(data ? data->domcode : VIR_FROM_XML,
                             VIR_ERR_XML_DETAIL, __FILE__, __func__, __LINE__,
                             "at line %d: %s%s\n%s", ctxt->lastError.line,
                             ctxt->lastError.message,
                             context->str, pointer->str);
    }
}


#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
compat_xml_collect(void *opaque, const char *msg, ...)
{
    va_list ap;

    va_start(ap, msg);
    g_string_append_vprintf(opaque, msg, ap);
    va_end(ap);
}
#pragma GCC diagnostic pop


/* RelaxNG validation against a schema installed with libvirt. */
static int
compat_xml_validate(xmlDocPtr doc, const char *schemafile)
{
    static const char * const dirs[] = {
        "/usr/share/libvirt/schemas",
        "/usr/local/share/libvirt/schemas",
    };
    g_autofree char *path = NULL;
    g_autoptr(GString) errors = g_string_new(NULL);
    xmlRelaxNGParserCtxtPtr pctxt = NULL;
    xmlRelaxNGPtr rng = NULL;
    xmlRelaxNGValidCtxtPtr vctxt = NULL;
    int ret = -1;
    size_t i;

    if (g_path_is_absolute(schemafile))
        path = g_strdup(schemafile);
    for (i = 0; !path && i < G_N_ELEMENTS(dirs); i++) {
        g_autofree char *candidate = g_build_filename(dirs[i], schemafile,
                                                      NULL);

        if (g_file_test(candidate, G_FILE_TEST_IS_REGULAR))
            path = g_steal_pointer(&candidate);
    }
    if (!path)
        path = g_build_filename(dirs[0], schemafile, NULL);

    if (!(pctxt = xmlRelaxNGNewParserCtxt(path)) ||
        !(rng = xmlRelaxNGParse(pctxt))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Unable to create RNG parser for %s", path);
        goto cleanup;
    }
    vctxt = xmlRelaxNGNewValidCtxt(rng);
    xmlRelaxNGSetValidErrors(vctxt, compat_xml_collect, compat_xml_collect,
                             errors);
    if (xmlRelaxNGValidateDoc(vctxt, doc) != 0) {
        virReportError(VIR_ERR_XML_INVALID_SCHEMA,
                       "Unable to validate doc against %s\n%s",
                       path, errors->str);
        goto cleanup;
    }
    ret = 0;

 cleanup:
    if (vctxt)
        xmlRelaxNGFreeValidCtxt(vctxt);
    if (rng)
        xmlRelaxNGFree(rng);
    if (pctxt)
        xmlRelaxNGFreeParserCtxt(pctxt);
    return ret;
}


/* Parse @filename or @xmlStr (named @url in messages); optionally check
 * the root element's name, make an XPath context at the root and
 * validate against @schemafile. */
VIR_COMPAT_EXPORT(virXMLParseHelper) xmlDocPtr
compat_virXMLParseHelper(int domcode, const char *filename,
                         const char *xmlStr, const char *url,
                         const char *rootelement, xmlXPathContextPtr *ctxt,
                         const char *schemafile, bool validate)
{
    compat_xml_parser_data data = { domcode };
    const char *docname = filename ? filename : url ? url : "[inline data]";
    xmlParserCtxtPtr pctxt;
    xmlDocPtr doc;
    xmlNodePtr root;

    if (!(pctxt = xmlNewParserCtxt()) || !pctxt->sax)
        abort();
    pctxt->_private = &data;
    pctxt->sax->error = compat_xml_error;

    if (filename)
        doc = xmlCtxtReadFile(pctxt, filename, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOWARNING);
    else
        doc = xmlCtxtReadDoc(pctxt, BAD_CAST xmlStr, url, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOWARNING);
    xmlFreeParserCtxt(pctxt);

    if (!doc) {
        if (virGetLastErrorCode() == VIR_ERR_OK)
            virReportErrorHelper(domcode, VIR_ERR_XML_ERROR, __FILE__,
                                 __func__, __LINE__,
                                 "failed to parse xml document '%s'", docname);
        return NULL;
    }

    if (!(root = xmlDocGetRootElement(doc))) {
        virReportErrorHelper(domcode, VIR_ERR_INTERNAL_ERROR, __FILE__,
                             __func__, __LINE__, "%s", "missing root element");
        goto error;
    }
    if (rootelement && !compat_virXMLNodeNameEqual(root, rootelement)) {
        virReportError(VIR_ERR_XML_ERROR,
                       "expecting root element of '%s', not '%s'",
                       rootelement, (const char *)root->name);
        goto error;
    }
    if (validate && schemafile && compat_xml_validate(doc, schemafile) < 0)
        goto error;

    if (ctxt) {
        if (!(*ctxt = xmlXPathNewContext(doc)))
            abort();
        (*ctxt)->node = root;
    }
    return doc;

 error:
    xmlFreeDoc(doc);
    return NULL;
}


VIR_COMPAT_EXPORT(virXMLPropString) char *
compat_virXMLPropString(xmlNodePtr node, const char *name)
{
    return (char *)xmlGetProp(node, BAD_CAST name);
}


VIR_COMPAT_EXPORT(virXMLNodeContentString) char *
compat_virXMLNodeContentString(xmlNodePtr node)
{
    char *ret;

    if (node->type != XML_ELEMENT_NODE) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "node '%s' has unexpected type %d",
                       (const char *)node->name, node->type);
        return NULL;
    }
    if (!(ret = (char *)xmlNodeGetContent(node))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "node '%s' has unexpected NULL content. This could be "
                       "caused by malformed input, or a memory allocation "
                       "failure", (const char *)node->name);
        return NULL;
    }
    return ret;
}


VIR_COMPAT_EXPORT(virXMLNodeToString) char *
compat_virXMLNodeToString(xmlDocPtr doc, xmlNodePtr node)
{
    xmlBufferPtr xmlbuf = xmlBufferCreate();
    char *ret = NULL;

    if (!xmlbuf)
        abort();
    if (xmlNodeDump(xmlbuf, doc, node, 0, 1) <= 0)
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "failed to convert the XML node tree");
    else
        ret = g_strdup((const char *)xmlBufferContent(xmlbuf));
    xmlBufferFree(xmlbuf);
    return ret;
}


VIR_COMPAT_EXPORT(virXMLNodeNameEqual) bool
compat_virXMLNodeNameEqual(xmlNodePtr node, const char *name)
{
    return xmlStrEqual(node->name, BAD_CAST name);
}


VIR_COMPAT_EXPORT(virXMLNodeGetSubelement) xmlNodePtr
compat_virXMLNodeGetSubelement(xmlNodePtr node, const char *name)
{
    xmlNodePtr n;

    for (n = node->children; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && compat_virXMLNodeNameEqual(n, name))
            return n;
    }
    return NULL;
}


VIR_COMPAT_EXPORT(virXMLNewNode) xmlNodePtr
compat_virXMLNewNode(xmlNsPtr ns, const char *name)
{
    xmlNodePtr node = xmlNewNode(ns, BAD_CAST name);

    if (!node)
        abort();
    return node;
}


/* Evaluate @xpath, which must yield a non-empty string. */
static xmlXPathObjectPtr
compat_xpath_string(const char *xpath, xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;

    if (!xpath) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Missing XPath expression");
        return NULL;
    }
    if (!ctxt) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "Missing XPath context");
        return NULL;
    }
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (obj && (obj->type != XPATH_STRING || !obj->stringval ||
                obj->stringval[0] == '\0')) {
        xmlXPathFreeObject(obj);
        obj = NULL;
    }
    return obj;
}


VIR_COMPAT_EXPORT(virXPathString) char *
compat_virXPathString(const char *xpath, xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj = compat_xpath_string(xpath, ctxt);
    char *ret;

    if (!obj)
        return NULL;
    ret = g_strdup((const char *)obj->stringval);
    xmlXPathFreeObject(obj);
    return ret;
}


/* -1: no value, -2: not a number of the requested kind, 0: done. */
VIR_COMPAT_EXPORT(virXPathInt) int
compat_virXPathInt(const char *xpath, xmlXPathContextPtr ctxt, int *value)
{
    xmlXPathObjectPtr obj = compat_xpath_string(xpath, ctxt);
    int ret;

    if (!obj)
        return -1;
    ret = compat_virStrToLong_i((const char *)obj->stringval, NULL, 10,
                                value) < 0 ? -2 : 0;
    xmlXPathFreeObject(obj);
    return ret;
}


VIR_COMPAT_EXPORT(virXPathUInt) int
compat_virXPathUInt(const char *xpath, xmlXPathContextPtr ctxt,
                    unsigned int *value)
{
    xmlXPathObjectPtr obj = compat_xpath_string(xpath, ctxt);
    int ret;

    if (!obj)
        return -1;
    ret = compat_virStrToLong_uip((const char *)obj->stringval, NULL, 10,
                                  value) < 0 ? -2 : 0;
    xmlXPathFreeObject(obj);
    return ret;
}


VIR_COMPAT_EXPORT(virXPathLongLong) int
compat_virXPathLongLong(const char *xpath, xmlXPathContextPtr ctxt,
                        long long *value)
{
    xmlXPathObjectPtr obj = compat_xpath_string(xpath, ctxt);
    int ret;

    if (!obj)
        return -1;
    ret = compat_virStrToLong_ll((const char *)obj->stringval, NULL, 10,
                                 value) < 0 ? -2 : 0;
    xmlXPathFreeObject(obj);
    return ret;
}


VIR_COMPAT_EXPORT(virXPathBoolean) int
compat_virXPathBoolean(const char *xpath, xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;
    int ret = -1;

    if (!ctxt || !xpath) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Invalid parameter to virXPathBoolean()");
        return -1;
    }
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (obj && obj->type == XPATH_BOOLEAN &&
        (obj->boolval == 0 || obj->boolval == 1))
        ret = obj->boolval;
    xmlXPathFreeObject(obj);
    return ret;
}


VIR_COMPAT_EXPORT(virXPathNode) xmlNodePtr
compat_virXPathNode(const char *xpath, xmlXPathContextPtr ctxt)
{
    xmlXPathObjectPtr obj;
    xmlNodePtr ret = NULL;

    if (!ctxt || !xpath) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Invalid parameter to virXPathNode()");
        return NULL;
    }
    obj = xmlXPathEval(BAD_CAST xpath, ctxt);
    if (obj && obj->type == XPATH_NODESET && obj->nodesetval &&
        obj->nodesetval->nodeNr > 0 && obj->nodesetval->nodeTab)
        ret = obj->nodesetval->nodeTab[0];
    xmlXPathFreeObject(obj);
    return ret;
}


/* The number of nodes matched; *@list (if given) gets a g_new array. */
VIR_COMPAT_EXPORT(virXPathNodeSet) int
compat_virXPathNodeSet(const char *xpath, xmlXPathContextPtr ctxt,
                       xmlNodePtr **list)
{
    xmlXPathObjectPtr obj;
    int ret = 0;

    if (!ctxt || !xpath) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Invalid parameter to virXPathNodeSet()");
        return -1;
    }
    if (list)
        *list = NULL;

    if (!(obj = xmlXPathEval(BAD_CAST xpath, ctxt)))
        return 0;
    if (obj->type != XPATH_NODESET) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Incorrect xpath '%s'", xpath);
        xmlXPathFreeObject(obj);
        return -1;
    }
    if (obj->nodesetval && obj->nodesetval->nodeNr > 0) {
        ret = obj->nodesetval->nodeNr;
        if (list) {
            *list = g_new0(xmlNodePtr, ret);
            memcpy(*list, obj->nodesetval->nodeTab, ret * sizeof(xmlNodePtr));
        }
    }
    xmlXPathFreeObject(obj);
    return ret;
}


/* An unsigned attribute in C notation (base 0), absent -> 0 and return 0,
 * present -> 1. */
static int
compat_xml_prop_uint(xmlNodePtr node, const char *name, unsigned int *result)
{
    g_autofree char *value = compat_virXMLPropString(node, name);

    *result = 0;
    if (!value)
        return 0;
    if (compat_virStrToLong_uip(value, NULL, 0, result) < 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "Invalid value for attribute '%s' in element '%s': "
                       "'%s'. Expected non-negative integer value",
                       name, (const char *)node->name, value);
        return -1;
    }
    return 1;
}


/* <address domain= bus= slot= function= multifunction=> with an optional
 * <zpci uid= fid=/> child. */
VIR_COMPAT_EXPORT(virPCIDeviceAddressParseXML) int
compat_virPCIDeviceAddressParseXML(xmlNodePtr node,
                                   compat_virPCIDeviceAddress *addr)
{
    static const char * const tristate[] = { "default", "on", "off" };
    g_autofree char *multi = NULL;
    xmlNodePtr zpci = NULL;
    xmlNodePtr cur;

    memset(addr, 0, sizeof(*addr));
    if (compat_xml_prop_uint(node, "domain", &addr->domain) < 0 ||
        compat_xml_prop_uint(node, "bus", &addr->bus) < 0 ||
        compat_xml_prop_uint(node, "slot", &addr->slot) < 0 ||
        compat_xml_prop_uint(node, "function", &addr->function) < 0)
        return -1;

    if ((multi = compat_virXMLPropString(node, "multifunction"))) {
        int v = compat_virEnumFromString(tristate, G_N_ELEMENTS(tristate),
                                         multi);

        if (v < 0) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid value for attribute '%s' in element "
                           "'%s': '%s'.", "multifunction",
                           (const char *)node->name, multi);
            return -1;
        }
        addr->multi = v;
    }

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_DEVICE
    if (addr->domain || addr->bus || addr->slot) {
        if (addr->bus > 0xFF) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address bus='0x%x', must be <= 0xFF",
                           addr->bus);
            return -1;
        }
        if (addr->slot > 0x1F) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address slot='0x%x', must be <= 0x1F",
                           addr->slot);
            return -1;
        }
        if (addr->function > 7) {
            virReportError(VIR_ERR_XML_ERROR,
                           "Invalid PCI address function=0x%x, must be <= 7",
                           addr->function);
            return -1;
        }
    }
#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_XML

    for (cur = node->children; cur; cur = cur->next) {
        if (cur->type == XML_ELEMENT_NODE &&
            compat_virXMLNodeNameEqual(cur, "zpci"))
            zpci = cur;
    }
    if (zpci) {
        int rc;

        if ((rc = compat_xml_prop_uint(zpci, "uid",
                                       &addr->zpci.uid.value)) < 0)
            return -1;
        addr->zpci.uid.isSet = rc > 0;
        if ((rc = compat_xml_prop_uint(zpci, "fid",
                                       &addr->zpci.fid.value)) < 0)
            return -1;
        addr->zpci.fid.isSet = rc > 0;
    }
    return 0;
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NONE


/* ================================================================== */
/* URIs                                                               */
/* ================================================================== */

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_URI

/* Split the raw query into name/value parameters ('&'-separated, or
 * ';'-separated when there is no '&' left), unescaping both. */
static void
compat_uri_parse_params(compat_virURI *uri)
{
    const char *query = uri->query;

    while (query && *query) {
        const char *end = strchr(query, '&');
        const char *eq;
        char *name = NULL;
        char *value = NULL;

        if (!end)
            end = strchr(query, ';');
        if (!end)
            end = query + strlen(query);
        eq = memchr(query, '=', end - query);

        /* In libvirt's order: "name", "name=" (for "=" alone the name has
         * length 0, which libxml2 reads as "the rest of the string"),
         * "=value" (ignored), "name=value". */
        if (end == query) {
            /* empty section */
        } else if (!eq) {
            name = xmlURIUnescapeString(query, end - query, NULL);
        } else if (eq + 1 == end) {
            name = xmlURIUnescapeString(query, eq - query, NULL);
        } else if (eq != query) {
            name = xmlURIUnescapeString(query, eq - query, NULL);
            value = xmlURIUnescapeString(eq + 1, end - eq - 1, NULL);
        }
        if (name) {
            compat_virExpandN(&uri->params, sizeof(*uri->params),
                              &uri->paramsCount, 1);
            uri->paramsAlloc = uri->paramsCount;
            uri->params[uri->paramsCount - 1].name = g_strdup(name);
            uri->params[uri->paramsCount - 1].value =
                g_strdup(value ? value : "");
        }
        xmlFree(name);
        xmlFree(value);

        query = *end ? end + 1 : end;
    }
}


VIR_COMPAT_EXPORT(virURIParse) compat_virURI *
compat_virURIParse(const char *uristr)
{
    xmlURIPtr xmluri = xmlParseURI(uristr);
    compat_virURI *uri;
    size_t len;

    if (!xmluri) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "Unable to parse URI %s",
                       uristr);
        return NULL;
    }

    uri = g_new0(compat_virURI, 1);
    uri->scheme = g_strdup(xmluri->scheme);
    uri->server = g_strdup(xmluri->server);
    uri->user = g_strdup(xmluri->user);
    uri->path = g_strdup(xmluri->path);
    uri->query = g_strdup(xmluri->query_raw);
    uri->fragment = g_strdup(xmluri->fragment);
    /* the port is meaningless without a server */
    uri->port = (uri->server && *uri->server) ? xmluri->port : 0;
    xmlFreeURI(xmluri);

    /* "[::1]" -> "::1" */
    if (uri->server && (len = strlen(uri->server)) >= 2 &&
        uri->server[0] == '[' && uri->server[len - 1] == ']' &&
        strchr(uri->server, ':')) {
        memmove(uri->server, uri->server + 1, len - 2);
        uri->server[len - 2] = '\0';
    }

    compat_uri_parse_params(uri);
    return uri;
}


VIR_COMPAT_EXPORT(virURIFree) void
compat_virURIFree(compat_virURI *uri)
{
    size_t i;

    if (!uri)
        return;
    g_free(uri->scheme);
    g_free(uri->server);
    g_free(uri->user);
    g_free(uri->path);
    g_free(uri->query);
    g_free(uri->fragment);
    for (i = 0; i < uri->paramsCount; i++) {
        g_free(uri->params[i].name);
        g_free(uri->params[i].value);
    }
    g_free(uri->params);
    g_free(uri);
}

#undef VIR_FROM_THIS
#define VIR_FROM_THIS VIR_FROM_NONE
