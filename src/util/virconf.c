/*
 * virconf.c: parser and writer for libvirt's configuration file syntax.
 */
#include "internal.h"
#include "util/virconf.h"
#include "util/virbuffer.h"
#include "util/virfile.h"
#include "util/virlog.h"

#include <limits.h>
#include <unistd.h>

#define VIR_FROM_THIS VIR_FROM_CONF

VIR_LOG_INIT("util.conf");

#define VIR_CONF_MAX_FILE_SIZE (10 * 1024 * 1024)

typedef struct {
    char *name;             /* NULL for a comment line */
    char *comment;          /* text after '#', without it */
    virConfValue *value;
} virConfEntry;

struct _virConf {
    char *filename;
    unsigned int flags;
    GPtrArray *entries;     /* virConfEntry */
};

typedef struct {
    const char *filename;
    const char *cur;
    const char *end;
    int line;
    virConf *conf;
} virConfParser;


const char *
virConfTypeToString(int type)
{
    static const char *const names[] = {
        "*unexpected*", "long", "unsigned long", "string", "list",
    };

    G_STATIC_ASSERT(G_N_ELEMENTS(names) == VIR_CONF_LAST);
    if (type < 0 || type >= VIR_CONF_LAST)
        return NULL;
    return names[type];
}


void
virConfFreeValue(virConfValue *val)
{
    while (val) {
        virConfValue *next = val->next;

        g_free(val->str);
        virConfFreeValue(val->list);
        g_free(val);
        val = next;
    }
}


static void
virConfEntryFree(virConfEntry *entry)
{
    g_free(entry->name);
    g_free(entry->comment);
    virConfFreeValue(entry->value);
    g_free(entry);
}


static virConf *
virConfCreate(const char *filename, unsigned int flags)
{
    virConf *conf = g_new0(virConf, 1);

    conf->filename = g_strdup(filename);
    conf->flags = flags;
    conf->entries = g_ptr_array_new_with_free_func(
        (GDestroyNotify)virConfEntryFree);
    return conf;
}


virConf *
virConfNew(void)
{
    return virConfCreate(NULL, 0);
}


int
virConfFree(virConf *conf)
{
    if (!conf)
        return 0;
    g_ptr_array_unref(conf->entries);
    g_free(conf->filename);
    g_free(conf);
    return 0;
}


static void
virConfAddEntry(virConf *conf, char *name, virConfValue *value,
                char *comment)
{
    virConfEntry *entry = g_new0(virConfEntry, 1);

    if (name)
        VIR_DEBUG("Add entry %s %p", name, value);
    entry->name = name;
    entry->value = value;
    entry->comment = comment;
    g_ptr_array_add(conf->entries, entry);
}


/* ------------------------------------------------------------------ */
/* Parsing                                                            */

static char
virConfPeek(virConfParser *ctxt)
{
    return ctxt->cur < ctxt->end ? *ctxt->cur : '\0';
}


static bool
virConfAtEnd(virConfParser *ctxt)
{
    return ctxt->cur >= ctxt->end;
}


static void
virConfNext(virConfParser *ctxt)
{
    if (ctxt->cur < ctxt->end) {
        if (*ctxt->cur == '\n')
            ctxt->line++;
        ctxt->cur++;
    }
}


static bool
virConfIsBlank(char c)
{
    return c == ' ' || c == '\t';
}


static bool
virConfIsEOL(char c)
{
    return c == '\n' || c == '\r';
}


static void
virConfSkipBlanks(virConfParser *ctxt)
{
    while (!virConfAtEnd(ctxt) && virConfIsBlank(*ctxt->cur))
        virConfNext(ctxt);
}


static void
virConfSkipBlanksAndEOL(virConfParser *ctxt)
{
    while (!virConfAtEnd(ctxt) &&
           (virConfIsBlank(*ctxt->cur) || virConfIsEOL(*ctxt->cur)))
        virConfNext(ctxt);
}


static void
virConfSyntaxError(virConfParser *ctxt, const char *info)
{
    virReportError(VIR_ERR_CONF_SYNTAX, "%s:%d: %s",
                   ctxt->filename, ctxt->line, info);
}


static bool
virConfHasFlag(virConfParser *ctxt, unsigned int flag)
{
    return (ctxt->conf->flags & flag) != 0;
}


/* A decimal integer with optional sign; the type follows the sign. */
static virConfValue *
virConfParseNumber(virConfParser *ctxt)
{
    bool negative = virConfPeek(ctxt) == '-';
    unsigned long long magnitude = 0;
    virConfValue *val;

    if (negative || virConfPeek(ctxt) == '+')
        virConfNext(ctxt);
    if (!g_ascii_isdigit(virConfPeek(ctxt))) {
        virConfSyntaxError(ctxt, "unterminated number");
        return NULL;
    }
    while (g_ascii_isdigit(virConfPeek(ctxt))) {
        unsigned int digit = *ctxt->cur - '0';

        if (magnitude > (ULLONG_MAX - digit) / 10) {
            virConfSyntaxError(ctxt, "numeric value out of range");
            return NULL;
        }
        magnitude = magnitude * 10 + digit;
        virConfNext(ctxt);
    }
    if (negative && magnitude > (unsigned long long)LLONG_MAX + 1) {
        virConfSyntaxError(ctxt, "numeric value out of range");
        return NULL;
    }

    val = g_new0(virConfValue, 1);
    val->type = negative ? VIR_CONF_LLONG : VIR_CONF_ULLONG;
    val->l = negative ? (long long)(0 - magnitude) : (long long)magnitude;
    return val;
}


/* Text up to @quote on the same line; the cursor is past the opening
 * quote. */
static char *
virConfParseQuoted(virConfParser *ctxt, char quote)
{
    const char *base = ctxt->cur;
    char *ret;

    while (!virConfAtEnd(ctxt) && *ctxt->cur != quote &&
           !virConfIsEOL(*ctxt->cur))
        virConfNext(ctxt);
    if (virConfPeek(ctxt) != quote) {
        virConfSyntaxError(ctxt, "unterminated string");
        return NULL;
    }
    ret = g_strndup(base, ctxt->cur - base);
    virConfNext(ctxt);
    return ret;
}


static bool
virConfAtTripleQuote(virConfParser *ctxt)
{
    return ctxt->end - ctxt->cur >= 3 && strncmp(ctxt->cur, "\"\"\"", 3) == 0;
}


static char *
virConfParseString(virConfParser *ctxt)
{
    const char *base;
    char *ret;

    if (virConfPeek(ctxt) == '\'') {
        virConfNext(ctxt);
        return virConfParseQuoted(ctxt, '\'');
    }

    if (virConfAtTripleQuote(ctxt)) {
        int startLine = ctxt->line;

        ctxt->cur += 3;
        base = ctxt->cur;
        while (!virConfAtEnd(ctxt) && !virConfAtTripleQuote(ctxt))
            virConfNext(ctxt);
        if (!virConfAtTripleQuote(ctxt)) {
            /* point at where the string started, not the end of file */
            ctxt->line = startLine;
            virConfSyntaxError(ctxt, "unterminated string");
            return NULL;
        }
        ret = g_strndup(base, ctxt->cur - base);
        ctxt->cur += 3;
        return ret;
    }

    if (virConfPeek(ctxt) == '"') {
        virConfNext(ctxt);
        return virConfParseQuoted(ctxt, '"');
    }

    /* LXC: the rest of the line, without trailing blanks. */
    base = ctxt->cur;
    while (!virConfAtEnd(ctxt) && !virConfIsEOL(*ctxt->cur))
        virConfNext(ctxt);
    ret = g_strndup(base, ctxt->cur - base);
    g_strchomp(ret);
    return ret;
}


static virConfValue *virConfParseValue(virConfParser *ctxt);


/* '[' value (',' value)* [','] ']', spanning lines freely. */
static virConfValue *
virConfParseList(virConfParser *ctxt)
{
    g_autoptr(virConfValue) first = NULL;
    virConfValue **tail = &first;
    virConfValue *val;

    virConfNext(ctxt);
    virConfSkipBlanksAndEOL(ctxt);

    while (!virConfAtEnd(ctxt) && *ctxt->cur != ']') {
        if (first) {
            if (*ctxt->cur != ',') {
                virConfSyntaxError(ctxt, "expecting a separator in list");
                return NULL;
            }
            virConfNext(ctxt);
            virConfSkipBlanksAndEOL(ctxt);
            if (virConfPeek(ctxt) == ']')
                break;
        }
        if (!(*tail = virConfParseValue(ctxt)))
            return NULL;
        tail = &(*tail)->next;
        virConfSkipBlanksAndEOL(ctxt);
    }

    if (virConfPeek(ctxt) != ']') {
        virConfSyntaxError(ctxt, "list is not closed with ]");
        return NULL;
    }
    virConfNext(ctxt);

    val = g_new0(virConfValue, 1);
    val->type = VIR_CONF_LIST;
    val->list = g_steal_pointer(&first);
    return val;
}


static virConfValue *
virConfParseValue(virConfParser *ctxt)
{
    char c;

    virConfSkipBlanks(ctxt);
    if (virConfAtEnd(ctxt)) {
        virConfSyntaxError(ctxt, "expecting a value");
        return NULL;
    }
    c = *ctxt->cur;

    if (c == '"' || c == '\'' || virConfHasFlag(ctxt, VIR_CONF_FLAG_LXC_FORMAT)) {
        virConfValue *val;
        char *str;

        if (!(str = virConfParseString(ctxt)))
            return NULL;
        val = g_new0(virConfValue, 1);
        val->type = VIR_CONF_STRING;
        val->str = str;
        return val;
    }

    if (c == '[') {
        if (virConfHasFlag(ctxt, VIR_CONF_FLAG_VMX_FORMAT)) {
            virConfSyntaxError(ctxt, "lists not allowed in VMX format");
            return NULL;
        }
        return virConfParseList(ctxt);
    }

    if (g_ascii_isdigit(c) || c == '-' || c == '+') {
        if (virConfHasFlag(ctxt, VIR_CONF_FLAG_VMX_FORMAT)) {
            virConfSyntaxError(ctxt, "numbers not allowed in VMX format");
            return NULL;
        }
        return virConfParseNumber(ctxt);
    }

    virConfSyntaxError(ctxt, "expecting a value");
    return NULL;
}


static bool
virConfIsNameChar(virConfParser *ctxt, char c)
{
    if (g_ascii_isalnum(c) || c == '_')
        return true;
    if (virConfHasFlag(ctxt, VIR_CONF_FLAG_VMX_FORMAT))
        return c == ':' || c == '.' || c == '-';
    if (virConfHasFlag(ctxt, VIR_CONF_FLAG_LXC_FORMAT))
        return c == '.';
    return false;
}


static char *
virConfParseName(virConfParser *ctxt)
{
    const char *base;
    char c;

    virConfSkipBlanks(ctxt);
    base = ctxt->cur;
    c = virConfPeek(ctxt);
    if (!g_ascii_isalpha(c) &&
        !(virConfHasFlag(ctxt, VIR_CONF_FLAG_VMX_FORMAT) && c == '.')) {
        virConfSyntaxError(ctxt, "expecting a name");
        return NULL;
    }
    while (!virConfAtEnd(ctxt) && virConfIsNameChar(ctxt, *ctxt->cur))
        virConfNext(ctxt);
    return g_strndup(base, ctxt->cur - base);
}


/* '#' and the rest of the line; returns the text after '#'. */
static char *
virConfParseComment(virConfParser *ctxt)
{
    const char *base;

    virConfNext(ctxt);
    base = ctxt->cur;
    while (!virConfAtEnd(ctxt) && !virConfIsEOL(*ctxt->cur))
        virConfNext(ctxt);
    return g_strndup(base, ctxt->cur - base);
}


/* A comment line, or NAME = VALUE [# comment]. */
static int
virConfParseStatement(virConfParser *ctxt)
{
    g_autofree char *name = NULL;
    g_autoptr(virConfValue) value = NULL;
    char *comment = NULL;

    virConfSkipBlanksAndEOL(ctxt);
    if (virConfAtEnd(ctxt))
        return 0;
    if (*ctxt->cur == '#') {
        virConfAddEntry(ctxt->conf, NULL, NULL, virConfParseComment(ctxt));
        return 0;
    }

    if (!(name = virConfParseName(ctxt)))
        return -1;
    virConfSkipBlanks(ctxt);
    if (virConfPeek(ctxt) != '=') {
        virConfSyntaxError(ctxt, "expecting an assignment");
        return -1;
    }
    virConfNext(ctxt);
    if (!(value = virConfParseValue(ctxt)))
        return -1;
    virConfSkipBlanks(ctxt);
    if (virConfPeek(ctxt) == '#')
        comment = virConfParseComment(ctxt);

    virConfAddEntry(ctxt->conf, g_steal_pointer(&name),
                    g_steal_pointer(&value), comment);
    return 0;
}


/* End of statement: end of input, newline(s) or ';'. */
static int
virConfParseSeparator(virConfParser *ctxt)
{
    virConfSkipBlanks(ctxt);
    if (virConfAtEnd(ctxt))
        return 0;
    if (*ctxt->cur == ';')
        virConfNext(ctxt);
    else if (!virConfIsEOL(*ctxt->cur)) {
        virConfSyntaxError(ctxt, "expecting a separator");
        return -1;
    }
    virConfSkipBlanksAndEOL(ctxt);
    return 0;
}


static virConf *
virConfParse(const char *filename, const char *content, size_t len,
             unsigned int flags)
{
    g_autoptr(virConf) conf = virConfCreate(filename, flags);
    virConfParser ctxt = {
        .filename = filename,
        .cur = content,
        .end = content + len,
        .line = 1,
        .conf = conf,
    };

    while (!virConfAtEnd(&ctxt)) {
        if (virConfParseStatement(&ctxt) < 0 ||
            virConfParseSeparator(&ctxt) < 0)
            return NULL;
    }
    return g_steal_pointer(&conf);
}


virConf *
virConfReadFile(const char *filename, unsigned int flags)
{
    g_autofree char *content = NULL;
    int len;

    VIR_DEBUG("filename=%s", filename ? filename : "(null)");
    if (!filename) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", __FUNCTION__);
        return NULL;
    }
    if ((len = virFileReadAll(filename, VIR_CONF_MAX_FILE_SIZE, &content)) < 0)
        return NULL;
    return virConfParse(filename, content, len, flags);
}


virConf *
virConfReadString(const char *memory, unsigned int flags)
{
    if (!memory) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", __FUNCTION__);
        return NULL;
    }
    return virConfParse("memory conf", memory, strlen(memory), flags);
}


int
virConfLoadConfig(virConf **conf, const char *name)
{
    g_autofree char *path = NULL;

    *conf = NULL;
    if (geteuid() == 0)
        path = g_build_filename(SYSCONFDIR, "libvirt", name, NULL);
    else
        path = g_build_filename(g_get_user_config_dir(), "libvirt", name,
                                NULL);

    if (!virFileExists(path))
        return 0;

    VIR_DEBUG("Loading config file '%s'", path);
    if (!(*conf = virConfReadFile(path, 0)))
        return -1;
    return 0;
}


/* ------------------------------------------------------------------ */
/* Lookup                                                             */

virConfValue *
virConfGetValue(virConf *conf, const char *setting)
{
    bool nocase;
    size_t i;

    if (!conf)
        return NULL;

    nocase = (conf->flags & VIR_CONF_FLAG_VMX_FORMAT) != 0;
    for (i = 0; i < conf->entries->len; i++) {
        virConfEntry *entry = g_ptr_array_index(conf->entries, i);

        if (!entry->name)
            continue;
        if (STREQ(entry->name, setting) ||
            (nocase && g_ascii_strcasecmp(entry->name, setting) == 0))
            return entry->value;
    }
    return NULL;
}


virConfType
virConfGetValueType(virConf *conf, const char *setting)
{
    virConfValue *val = virConfGetValue(conf, setting);

    return val ? val->type : VIR_CONF_NONE;
}


static const char *
virConfName(virConf *conf)
{
    return conf->filename ? conf->filename : "(null)";
}


/* Look up @setting for a typed getter: NULL when unset. */
static virConfValue *
virConfLookup(virConf *conf, const char *setting, const char *what)
{
    virConfValue *val = virConfGetValue(conf, setting);

    VIR_DEBUG("Get value %s %p %d", what, val,
              val ? (int)val->type : VIR_CONF_NONE);
    return val;
}


int
virConfGetValueString(virConf *conf, const char *setting, char **value)
{
    virConfValue *val = virConfLookup(conf, setting, "string");

    if (!val)
        return 0;
    if (val->type != VIR_CONF_STRING) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected a string for '%s' parameter",
                       virConfName(conf), setting);
        return -1;
    }
    g_free(*value);
    *value = g_strdup(val->str);
    return 1;
}


int
virConfGetValueStringList(virConf *conf, const char *setting,
                          bool compatString, char ***values)
{
    virConfValue *val = virConfLookup(conf, setting, "string list");
    g_autoptr(GPtrArray) list = NULL;
    virConfValue *item;

    if (!val)
        return 0;

    if (val->type == VIR_CONF_STRING && compatString) {
        list = g_ptr_array_new();
        if (val->str)
            g_ptr_array_add(list, g_strdup(val->str));
    } else if (val->type == VIR_CONF_LIST) {
        list = g_ptr_array_new_with_free_func(g_free);
        for (item = val->list; item; item = item->next) {
            if (item->type != VIR_CONF_STRING) {
                virReportError(VIR_ERR_CONF_SYNTAX,
                               "%s: expected a string list for '%s' parameter",
                               virConfName(conf), setting);
                return -1;
            }
            g_ptr_array_add(list, g_strdup(item->str));
        }
        g_ptr_array_set_free_func(list, NULL);
    } else {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       compatString ?
                       "%s: expected a string or string list for '%s' parameter" :
                       "%s: expected a string list for '%s' parameter",
                       virConfName(conf), setting);
        return -1;
    }

    g_ptr_array_add(list, NULL);
    g_strfreev(*values);
    *values = (char **)g_ptr_array_free(g_steal_pointer(&list), FALSE);
    return 1;
}


int
virConfGetValueBool(virConf *conf, const char *setting, bool *value)
{
    virConfValue *val = virConfLookup(conf, setting, "bool");

    if (!val)
        return 0;
    if (val->type != VIR_CONF_ULLONG) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected a bool for '%s' parameter",
                       virConfName(conf), setting);
        return -1;
    }
    if ((unsigned long long)val->l > 1) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: value for '%s' parameter must be 0 or 1",
                       virConfName(conf), setting);
        return -1;
    }
    *value = val->l == 1;
    return 1;
}


/* Any integer as a signed value within [min, max]. */
static int
virConfGetSigned(virConf *conf, const char *setting, const char *what,
                 long long min, long long max, long long *value)
{
    virConfValue *val = virConfLookup(conf, setting, what);

    if (!val)
        return 0;
    if (val->type != VIR_CONF_LLONG && val->type != VIR_CONF_ULLONG) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected a signed integer for '%s' parameter",
                       virConfName(conf), setting);
        return -1;
    }
    if ((val->type == VIR_CONF_ULLONG &&
         (unsigned long long)val->l > (unsigned long long)max) ||
        (val->type == VIR_CONF_LLONG && (val->l < min || val->l > max))) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: value for '%s' parameter must be in range %lld:%lld",
                       virConfName(conf), setting, min, max);
        return -1;
    }
    *value = val->l;
    return 1;
}


/* An unsigned integer no larger than @max. */
static int
virConfGetUnsigned(virConf *conf, const char *setting, const char *what,
                   unsigned long long max, unsigned long long *value)
{
    virConfValue *val = virConfLookup(conf, setting, what);

    if (!val)
        return 0;
    if (val->type != VIR_CONF_ULLONG) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: expected an unsigned integer for '%s' parameter",
                       virConfName(conf), setting);
        return -1;
    }
    if ((unsigned long long)val->l > max) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "%s: value for '%s' parameter must be in range 0:%llu",
                       virConfName(conf), setting, max);
        return -1;
    }
    *value = val->l;
    return 1;
}


int
virConfGetValueInt(virConf *conf, const char *setting, int *value)
{
    long long v;
    int rc = virConfGetSigned(conf, setting, "int", INT_MIN, INT_MAX, &v);

    if (rc > 0)
        *value = v;
    return rc;
}


int
virConfGetValueUInt(virConf *conf, const char *setting, unsigned int *value)
{
    unsigned long long v;
    int rc = virConfGetUnsigned(conf, setting, "uint", UINT_MAX, &v);

    if (rc > 0)
        *value = v;
    return rc;
}


int
virConfGetValueSizeT(virConf *conf, const char *setting, size_t *value)
{
    unsigned long long v;
    int rc = virConfGetUnsigned(conf, setting, "size_t", SIZE_MAX, &v);

    if (rc > 0)
        *value = v;
    return rc;
}


int
virConfGetValueSSizeT(virConf *conf, const char *setting, ssize_t *value)
{
    long long v;
    int rc = virConfGetSigned(conf, setting, "ssize_t",
                              -SSIZE_MAX - 1, SSIZE_MAX, &v);

    if (rc > 0)
        *value = v;
    return rc;
}


int
virConfGetValueLLong(virConf *conf, const char *setting, long long *value)
{
    return virConfGetSigned(conf, setting, "long long",
                            LLONG_MIN, LLONG_MAX, value);
}


int
virConfGetValueULLong(virConf *conf, const char *setting,
                      unsigned long long *value)
{
    return virConfGetUnsigned(conf, setting, "unsigned long long",
                              ULLONG_MAX, value);
}


int
virConfSetValue(virConf *conf, const char *setting, virConfValue **value)
{
    virConfEntry *entry = NULL;
    size_t i;

    if (!value) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "invalid use of conf API");
        return -1;
    }
    if (*value && (*value)->type == VIR_CONF_STRING && !(*value)->str) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "expecting a value for value of type %s",
                       virConfTypeToString(VIR_CONF_STRING));
        g_clear_pointer(value, virConfFreeValue);
        return -1;
    }

    for (i = 0; i < conf->entries->len && !entry; i++) {
        virConfEntry *cur = g_ptr_array_index(conf->entries, i);

        if (STREQ_NULLABLE(cur->name, setting))
            entry = cur;
    }

    if (entry) {
        virConfFreeValue(entry->value);
        entry->value = g_steal_pointer(value);
    } else {
        virConfAddEntry(conf, g_strdup(setting), g_steal_pointer(value), NULL);
    }
    return 0;
}


int
virConfWalk(virConf *conf, virConfWalkCallback callback, void *opaque)
{
    size_t i;

    if (!conf)
        return 0;

    for (i = 0; i < conf->entries->len; i++) {
        virConfEntry *entry = g_ptr_array_index(conf->entries, i);
        int rc;

        if (entry->name && entry->value &&
            (rc = callback(entry->name, entry->value, opaque)) < 0)
            return rc;
    }
    return 0;
}


/* ------------------------------------------------------------------ */
/* Writing                                                            */

static void
virConfFormatValue(virBuffer *buf, virConfValue *val)
{
    virConfValue *item;

    switch (val->type) {
    case VIR_CONF_LLONG:
        virBufferAsprintf(buf, "%lld", val->l);
        break;
    case VIR_CONF_ULLONG:
        virBufferAsprintf(buf, "%llu", (unsigned long long)val->l);
        break;
    case VIR_CONF_STRING:
        if (!val->str)
            break;
        /* Pick quotes the text cannot end early. */
        if (strchr(val->str, '\n'))
            virBufferAsprintf(buf, "\"\"\"%s\"\"\"", val->str);
        else if (!strchr(val->str, '"'))
            virBufferAsprintf(buf, "\"%s\"", val->str);
        else if (!strchr(val->str, '\''))
            virBufferAsprintf(buf, "'%s'", val->str);
        else
            virBufferAsprintf(buf, "\"\"\"%s\"\"\"", val->str);
        break;
    case VIR_CONF_LIST:
        virBufferAddLit(buf, "[ ");
        for (item = val->list; item; item = item->next) {
            virConfFormatValue(buf, item);
            if (item->next)
                virBufferAddLit(buf, ", ");
        }
        virBufferAddLit(buf, " ]");
        break;
    case VIR_CONF_NONE:
    case VIR_CONF_LAST:
    default:
        break;
    }
}


char *
virConfFormat(virConf *conf)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    size_t i;

    for (i = 0; i < conf->entries->len; i++) {
        virConfEntry *entry = g_ptr_array_index(conf->entries, i);

        if (entry->name) {
            virBufferAsprintf(&buf, "%s = ", entry->name);
            if (entry->value)
                virConfFormatValue(&buf, entry->value);
            if (entry->comment)
                virBufferAsprintf(&buf, " #%s", entry->comment);
        } else if (entry->comment) {
            virBufferAsprintf(&buf, "#%s", entry->comment);
        }
        virBufferAddChar(&buf, '\n');
    }

    if (virBufferUse(&buf) == 0)
        return g_strdup("");
    return virBufferContentAndReset(&buf);
}


int
virConfWriteMem(char *memory, int *len, virConf *conf)
{
    g_autofree char *content = NULL;
    size_t use;

    if (!memory || !len || *len <= 0 || !conf)
        return -1;

    content = virConfFormat(conf);
    use = strlen(content);
    if (use >= (size_t)*len) {
        *len = use;
        return -1;
    }
    memcpy(memory, content, use);
    *len = use;
    return use;
}


int
virConfWriteFile(const char *filename, virConf *conf)
{
    g_autofree char *content = NULL;

    if (!conf) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", __FUNCTION__);
        return -1;
    }

    content = virConfFormat(conf);
    if (virFileRewriteStr(filename, 0600, content) < 0)
        return -1;
    return strlen(content);
}
