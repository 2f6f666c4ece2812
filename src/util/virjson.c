/*
 * virjson.c: JSON values, parser and formatter.
 *
 * The parser is our own rather than json-c's: json-c silently clamps
 * integers beyond 64 bits and accepts non-JSON (single quotes, NaN),
 * while QMP needs numbers kept exactly as sent.
 */
#include "internal.h"
#include "util/virjson.h"
#include "util/virlog.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("util.json");

/* Deep enough for anything QEMU sends; bounds the parser's recursion. */
#define VIR_JSON_MAX_DEPTH 1000

typedef struct {
    char *key;
    virJSONValue *value;
} virJSONObjectPair;

struct _virJSONValue {
    virJSONType type;
    union {
        struct {
            size_t npairs;
            size_t alloc;
            virJSONObjectPair *pairs;
        } object;
        struct {
            size_t nvalues;
            size_t alloc;
            virJSONValue **values;
        } array;
        char *string;
        char *number;       /* the number's JSON text */
        bool boolean;
    } data;
};


virJSONType
virJSONValueGetType(const virJSONValue *value)
{
    return value->type;
}


void
virJSONValueFree(virJSONValue *value)
{
    size_t i;

    if (!value)
        return;

    switch (value->type) {
    case VIR_JSON_TYPE_OBJECT:
        for (i = 0; i < value->data.object.npairs; i++) {
            g_free(value->data.object.pairs[i].key);
            virJSONValueFree(value->data.object.pairs[i].value);
        }
        g_free(value->data.object.pairs);
        break;
    case VIR_JSON_TYPE_ARRAY:
        for (i = 0; i < value->data.array.nvalues; i++)
            virJSONValueFree(value->data.array.values[i]);
        g_free(value->data.array.values);
        break;
    case VIR_JSON_TYPE_STRING:
        g_free(value->data.string);
        break;
    case VIR_JSON_TYPE_NUMBER:
        g_free(value->data.number);
        break;
    case VIR_JSON_TYPE_BOOLEAN:
    case VIR_JSON_TYPE_NULL:
        break;
    }
    g_free(value);
}


void
virJSONValueHashFree(void *opaque)
{
    virJSONValueFree(opaque);
}


static virJSONValue *
virJSONValueNew(virJSONType type)
{
    virJSONValue *val = g_new0(virJSONValue, 1);

    val->type = type;
    return val;
}


virJSONValue *
virJSONValueNewString(char *data)
{
    virJSONValue *val;

    if (!data)
        return virJSONValueNewNull();
    val = virJSONValueNew(VIR_JSON_TYPE_STRING);
    val->data.string = data;
    return val;
}


/* A number from its JSON text (taken over). */
static virJSONValue *
virJSONValueNewNumber(char *text)
{
    virJSONValue *val = virJSONValueNew(VIR_JSON_TYPE_NUMBER);

    val->data.number = text;
    return val;
}


virJSONValue *
virJSONValueNewNumberInt(int data)
{
    return virJSONValueNewNumber(g_strdup_printf("%d", data));
}


virJSONValue *
virJSONValueNewNumberUint(unsigned int data)
{
    return virJSONValueNewNumber(g_strdup_printf("%u", data));
}


virJSONValue *
virJSONValueNewNumberLong(long long data)
{
    return virJSONValueNewNumber(g_strdup_printf("%lld", data));
}


virJSONValue *
virJSONValueNewNumberUlong(unsigned long long data)
{
    return virJSONValueNewNumber(g_strdup_printf("%llu", data));
}


virJSONValue *
virJSONValueNewNumberDouble(double data)
{
    char *text = NULL;

    ignore_value(virDoubleToStr(&text, data));
    return virJSONValueNewNumber(text);
}


virJSONValue *
virJSONValueNewBoolean(int boolean)
{
    virJSONValue *val = virJSONValueNew(VIR_JSON_TYPE_BOOLEAN);

    val->data.boolean = boolean != 0;
    return val;
}


virJSONValue *
virJSONValueNewNull(void)
{
    return virJSONValueNew(VIR_JSON_TYPE_NULL);
}


virJSONValue *
virJSONValueNewArray(void)
{
    return virJSONValueNew(VIR_JSON_TYPE_ARRAY);
}


virJSONValue *
virJSONValueNewObject(void)
{
    return virJSONValueNew(VIR_JSON_TYPE_OBJECT);
}


virJSONValue *
virJSONValueCopy(const virJSONValue *in)
{
    virJSONValue *out;
    size_t i;

    if (!in)
        return NULL;

    out = virJSONValueNew(in->type);
    switch (in->type) {
    case VIR_JSON_TYPE_OBJECT:
        out->data.object.npairs = out->data.object.alloc = in->data.object.npairs;
        out->data.object.pairs = g_new0(virJSONObjectPair,
                                        in->data.object.npairs);
        for (i = 0; i < in->data.object.npairs; i++) {
            out->data.object.pairs[i].key = g_strdup(in->data.object.pairs[i].key);
            out->data.object.pairs[i].value =
                virJSONValueCopy(in->data.object.pairs[i].value);
        }
        break;
    case VIR_JSON_TYPE_ARRAY:
        out->data.array.nvalues = out->data.array.alloc = in->data.array.nvalues;
        out->data.array.values = g_new0(virJSONValue *, in->data.array.nvalues);
        for (i = 0; i < in->data.array.nvalues; i++)
            out->data.array.values[i] = virJSONValueCopy(in->data.array.values[i]);
        break;
    case VIR_JSON_TYPE_STRING:
        out->data.string = g_strdup(in->data.string);
        break;
    case VIR_JSON_TYPE_NUMBER:
        out->data.number = g_strdup(in->data.number);
        break;
    case VIR_JSON_TYPE_BOOLEAN:
        out->data.boolean = in->data.boolean;
        break;
    case VIR_JSON_TYPE_NULL:
        break;
    }
    return out;
}


/* ------------------------------------------------------------------ */
/* Objects                                                            */

static virJSONObjectPair *
virJSONValueObjectFind(virJSONValue *object, const char *key)
{
    size_t i;

    if (!object || object->type != VIR_JSON_TYPE_OBJECT)
        return NULL;
    for (i = 0; i < object->data.object.npairs; i++) {
        if (STREQ(object->data.object.pairs[i].key, key))
            return &object->data.object.pairs[i];
    }
    return NULL;
}


static int
virJSONValueObjectInsert(virJSONValue *object, const char *key,
                         virJSONValue **value, bool prepend)
{
    virJSONObjectPair *pairs;
    size_t n;

    if (object->type != VIR_JSON_TYPE_OBJECT) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "expecting JSON object");
        return -1;
    }
    if (virJSONValueObjectFind(object, key)) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "duplicate key '%s'", key);
        return -1;
    }

    n = object->data.object.npairs;
    if (n == object->data.object.alloc) {
        object->data.object.alloc = MAX(4, n * 2);
        object->data.object.pairs = g_renew(virJSONObjectPair,
                                            object->data.object.pairs,
                                            object->data.object.alloc);
    }
    pairs = object->data.object.pairs;
    if (prepend) {
        memmove(pairs + 1, pairs, n * sizeof(*pairs));
        n = 0;
    }
    pairs[n].key = g_strdup(key);
    pairs[n].value = g_steal_pointer(value);
    object->data.object.npairs++;
    return 0;
}


int
virJSONValueObjectAppend(virJSONValue *object, const char *key,
                         virJSONValue **value)
{
    return virJSONValueObjectInsert(object, key, value, false);
}


/* Append a freshly made value, freeing it if the append fails. */
static int
virJSONValueObjectAppendNew(virJSONValue *object, const char *key,
                            virJSONValue *value)
{
    g_autoptr(virJSONValue) val = value;

    return virJSONValueObjectInsert(object, key, &val, false);
}


int
virJSONValueObjectAppendString(virJSONValue *object, const char *key,
                               const char *value)
{
    return virJSONValueObjectAppendNew(object, key,
                                       virJSONValueNewString(g_strdup(value)));
}


int
virJSONValueObjectAppendStringPrintf(virJSONValue *object, const char *key,
                                     const char *fmt, ...)
{
    va_list ap;
    char *str;

    va_start(ap, fmt);
    str = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return virJSONValueObjectAppendNew(object, key, virJSONValueNewString(str));
}


int
virJSONValueObjectPrependString(virJSONValue *object, const char *key,
                                const char *value)
{
    g_autoptr(virJSONValue) val = virJSONValueNewString(g_strdup(value));

    return virJSONValueObjectInsert(object, key, &val, true);
}


int
virJSONValueObjectAppendNumberInt(virJSONValue *object, const char *key,
                                  int number)
{
    return virJSONValueObjectAppendNew(object, key,
                                       virJSONValueNewNumberInt(number));
}


int
virJSONValueObjectAppendNumberUint(virJSONValue *object, const char *key,
                                   unsigned int number)
{
    return virJSONValueObjectAppendNew(object, key,
                                       virJSONValueNewNumberUint(number));
}


int
virJSONValueObjectAppendNumberLong(virJSONValue *object, const char *key,
                                   long long number)
{
    return virJSONValueObjectAppendNew(object, key,
                                       virJSONValueNewNumberLong(number));
}


int
virJSONValueObjectAppendNumberUlong(virJSONValue *object, const char *key,
                                    unsigned long long number)
{
    return virJSONValueObjectAppendNew(object, key,
                                       virJSONValueNewNumberUlong(number));
}


int
virJSONValueObjectAppendNumberDouble(virJSONValue *object, const char *key,
                                     double number)
{
    return virJSONValueObjectAppendNew(object, key,
                                       virJSONValueNewNumberDouble(number));
}


int
virJSONValueObjectAppendBoolean(virJSONValue *object, const char *key,
                                int boolean)
{
    return virJSONValueObjectAppendNew(object, key,
                                       virJSONValueNewBoolean(boolean));
}


int
virJSONValueObjectAppendNull(virJSONValue *object, const char *key)
{
    return virJSONValueObjectAppendNew(object, key, virJSONValueNewNull());
}


bool
virJSONValueObjectHasKey(virJSONValue *object, const char *key)
{
    return virJSONValueObjectFind(object, key) != NULL;
}


virJSONValue *
virJSONValueObjectGet(virJSONValue *object, const char *key)
{
    virJSONObjectPair *pair = virJSONValueObjectFind(object, key);

    return pair ? pair->value : NULL;
}


virJSONValue *
virJSONValueObjectGetByType(virJSONValue *object, const char *key,
                            virJSONType type)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val && val->type == type ? val : NULL;
}


virJSONValue *
virJSONValueObjectGetObject(virJSONValue *object, const char *key)
{
    return virJSONValueObjectGetByType(object, key, VIR_JSON_TYPE_OBJECT);
}


virJSONValue *
virJSONValueObjectGetArray(virJSONValue *object, const char *key)
{
    return virJSONValueObjectGetByType(object, key, VIR_JSON_TYPE_ARRAY);
}


const char *
virJSONValueObjectGetString(virJSONValue *object, const char *key)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val ? virJSONValueGetString(val) : NULL;
}


const char *
virJSONValueObjectGetStringOrNumber(virJSONValue *object, const char *key)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    if (!val)
        return NULL;
    if (val->type == VIR_JSON_TYPE_STRING)
        return val->data.string;
    if (val->type == VIR_JSON_TYPE_NUMBER)
        return val->data.number;
    return NULL;
}


int
virJSONValueObjectGetNumberInt(virJSONValue *object, const char *key,
                               int *value)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val ? virJSONValueGetNumberInt(val, value) : -1;
}


int
virJSONValueObjectGetNumberUint(virJSONValue *object, const char *key,
                                unsigned int *value)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val ? virJSONValueGetNumberUint(val, value) : -1;
}


int
virJSONValueObjectGetNumberLong(virJSONValue *object, const char *key,
                                long long *value)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val ? virJSONValueGetNumberLong(val, value) : -1;
}


int
virJSONValueObjectGetNumberUlong(virJSONValue *object, const char *key,
                                 unsigned long long *value)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val ? virJSONValueGetNumberUlong(val, value) : -1;
}


int
virJSONValueObjectGetNumberDouble(virJSONValue *object, const char *key,
                                  double *value)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val ? virJSONValueGetNumberDouble(val, value) : -1;
}


int
virJSONValueObjectGetBoolean(virJSONValue *object, const char *key,
                             bool *value)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val ? virJSONValueGetBoolean(val, value) : -1;
}


bool
virJSONValueObjectIsNull(virJSONValue *object, const char *key)
{
    virJSONValue *val = virJSONValueObjectGet(object, key);

    return val && val->type == VIR_JSON_TYPE_NULL;
}


int
virJSONValueObjectRemoveKey(virJSONValue *object, const char *key,
                            virJSONValue **value)
{
    virJSONObjectPair *pair;
    size_t idx;

    if (value)
        *value = NULL;
    if (object->type != VIR_JSON_TYPE_OBJECT)
        return -1;
    if (!(pair = virJSONValueObjectFind(object, key)))
        return 0;

    if (value)
        *value = g_steal_pointer(&pair->value);
    virJSONValueFree(pair->value);
    g_free(pair->key);

    idx = pair - object->data.object.pairs;
    object->data.object.npairs--;
    memmove(pair, pair + 1,
            (object->data.object.npairs - idx) * sizeof(*pair));
    return 1;
}


static virJSONValue *
virJSONValueObjectStealByType(virJSONValue *object, const char *key,
                              virJSONType type)
{
    virJSONValue *value = NULL;

    if (!virJSONValueObjectGetByType(object, key, type))
        return NULL;
    ignore_value(virJSONValueObjectRemoveKey(object, key, &value));
    return value;
}


virJSONValue *
virJSONValueObjectStealArray(virJSONValue *object, const char *key)
{
    return virJSONValueObjectStealByType(object, key, VIR_JSON_TYPE_ARRAY);
}


virJSONValue *
virJSONValueObjectStealObject(virJSONValue *object, const char *key)
{
    return virJSONValueObjectStealByType(object, key, VIR_JSON_TYPE_OBJECT);
}


void
virJSONValueObjectReplaceValue(virJSONValue *object, const char *key,
                               virJSONValue **newval)
{
    virJSONObjectPair *pair = virJSONValueObjectFind(object, key);

    if (!pair || !*newval)
        return;
    virJSONValueFree(pair->value);
    pair->value = g_steal_pointer(newval);
}


int
virJSONValueObjectKeysNumber(virJSONValue *object)
{
    if (object->type != VIR_JSON_TYPE_OBJECT)
        return -1;
    return object->data.object.npairs;
}


const char *
virJSONValueObjectGetKey(virJSONValue *object, unsigned int n)
{
    if (object->type != VIR_JSON_TYPE_OBJECT ||
        n >= object->data.object.npairs)
        return NULL;
    return object->data.object.pairs[n].key;
}


virJSONValue *
virJSONValueObjectGetValue(virJSONValue *object, unsigned int n)
{
    if (object->type != VIR_JSON_TYPE_OBJECT ||
        n >= object->data.object.npairs)
        return NULL;
    return object->data.object.pairs[n].value;
}


int
virJSONValueObjectForeachKeyValue(virJSONValue *object,
                                  virJSONValueObjectIteratorFunc cb,
                                  void *opaque)
{
    size_t i;

    if (object->type != VIR_JSON_TYPE_OBJECT)
        return -1;
    for (i = 0; i < object->data.object.npairs; i++) {
        virJSONObjectPair *pair = &object->data.object.pairs[i];

        if (cb(pair->key, pair->value, opaque) < 0)
            return -2;
    }
    return 0;
}


/* ------------------------------------------------------------------ */
/* Arrays                                                             */

static int
virJSONValueCheckArray(virJSONValue *array)
{
    if (array->type != VIR_JSON_TYPE_ARRAY) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "expecting JSON array");
        return -1;
    }
    return 0;
}


static void
virJSONValueArrayReserve(virJSONValue *array, size_t extra)
{
    size_t need = array->data.array.nvalues + extra;

    if (need <= array->data.array.alloc)
        return;
    array->data.array.alloc = MAX(need, MAX(4, array->data.array.alloc * 2));
    array->data.array.values = g_renew(virJSONValue *,
                                       array->data.array.values,
                                       array->data.array.alloc);
}


int
virJSONValueArrayAppend(virJSONValue *array, virJSONValue **value)
{
    if (virJSONValueCheckArray(array) < 0)
        return -1;
    virJSONValueArrayReserve(array, 1);
    array->data.array.values[array->data.array.nvalues++] =
        g_steal_pointer(value);
    return 0;
}


int
virJSONValueArrayAppendString(virJSONValue *array, const char *value)
{
    g_autoptr(virJSONValue) str = virJSONValueNewString(g_strdup(value));

    return virJSONValueArrayAppend(array, &str);
}


int
virJSONValueArrayConcat(virJSONValue *a, virJSONValue *c)
{
    if (virJSONValueCheckArray(a) < 0 || virJSONValueCheckArray(c) < 0)
        return -1;

    virJSONValueArrayReserve(a, c->data.array.nvalues);
    if (c->data.array.nvalues)
        memcpy(a->data.array.values + a->data.array.nvalues,
               c->data.array.values,
               c->data.array.nvalues * sizeof(virJSONValue *));
    a->data.array.nvalues += c->data.array.nvalues;
    c->data.array.nvalues = 0;
    return 0;
}


bool
virJSONValueIsObject(virJSONValue *object)
{
    return object && object->type == VIR_JSON_TYPE_OBJECT;
}


bool
virJSONValueIsArray(virJSONValue *array)
{
    return array && array->type == VIR_JSON_TYPE_ARRAY;
}


size_t
virJSONValueArraySize(const virJSONValue *array)
{
    if (array->type != VIR_JSON_TYPE_ARRAY)
        return 0;
    return array->data.array.nvalues;
}


virJSONValue *
virJSONValueArrayGet(virJSONValue *array, unsigned int element)
{
    if (array->type != VIR_JSON_TYPE_ARRAY ||
        element >= array->data.array.nvalues)
        return NULL;
    return array->data.array.values[element];
}


virJSONValue *
virJSONValueArraySteal(virJSONValue *array, unsigned int element)
{
    virJSONValue *ret;

    if (!virJSONValueArrayGet(array, element))
        return NULL;
    ret = array->data.array.values[element];
    array->data.array.nvalues--;
    memmove(array->data.array.values + element,
            array->data.array.values + element + 1,
            (array->data.array.nvalues - element) * sizeof(virJSONValue *));
    return ret;
}


int
virJSONValueArrayForeachSteal(virJSONValue *array,
                              virJSONArrayIteratorFunc cb, void *opaque)
{
    size_t i;
    size_t kept = 0;
    int ret = 0;

    if (array->type != VIR_JSON_TYPE_ARRAY)
        return -1;

    for (i = 0; i < array->data.array.nvalues; i++) {
        virJSONValue *item = array->data.array.values[i];
        int rc = ret < 0 ? 1 : cb(i, item, opaque);

        if (rc < 0)
            ret = -1;
        if (rc != 0)
            array->data.array.values[kept++] = item;
    }
    array->data.array.nvalues = kept;
    return ret;
}


char **
virJSONValueArrayToStringList(virJSONValue *array)
{
    g_auto(GStrv) list = NULL;
    size_t i;

    if (virJSONValueCheckArray(array) < 0)
        return NULL;

    list = g_new0(char *, array->data.array.nvalues + 1);
    for (i = 0; i < array->data.array.nvalues; i++) {
        const char *str = virJSONValueGetString(array->data.array.values[i]);

        if (!str) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "JSON string array contains non-string element");
            return NULL;
        }
        list[i] = g_strdup(str);
    }
    return g_steal_pointer(&list);
}


/* ------------------------------------------------------------------ */
/* Scalars                                                            */

const char *
virJSONValueGetString(virJSONValue *string)
{
    return string->type == VIR_JSON_TYPE_STRING ? string->data.string : NULL;
}


const char *
virJSONValueGetNumberString(virJSONValue *number)
{
    return number->type == VIR_JSON_TYPE_NUMBER ? number->data.number : NULL;
}


int
virJSONValueGetNumberInt(virJSONValue *number, int *value)
{
    if (number->type != VIR_JSON_TYPE_NUMBER)
        return -1;
    return virStrToLong_i(number->data.number, NULL, 10, value);
}


int
virJSONValueGetNumberUint(virJSONValue *number, unsigned int *value)
{
    if (number->type != VIR_JSON_TYPE_NUMBER)
        return -1;
    return virStrToLong_ui(number->data.number, NULL, 10, value);
}


int
virJSONValueGetNumberLong(virJSONValue *number, long long *value)
{
    if (number->type != VIR_JSON_TYPE_NUMBER)
        return -1;
    return virStrToLong_ll(number->data.number, NULL, 10, value);
}


int
virJSONValueGetNumberUlong(virJSONValue *number, unsigned long long *value)
{
    if (number->type != VIR_JSON_TYPE_NUMBER)
        return -1;
    return virStrToLong_ull(number->data.number, NULL, 10, value);
}


int
virJSONValueGetNumberDouble(virJSONValue *number, double *value)
{
    if (number->type != VIR_JSON_TYPE_NUMBER)
        return -1;
    return virStrToDouble(number->data.number, NULL, value);
}


int
virJSONValueGetBoolean(virJSONValue *boolean, bool *value)
{
    if (boolean->type != VIR_JSON_TYPE_BOOLEAN)
        return -1;
    *value = boolean->data.boolean;
    return 0;
}


bool
virJSONValueIsNull(virJSONValue *value)
{
    return value->type == VIR_JSON_TYPE_NULL;
}


/* ------------------------------------------------------------------ */
/* Parser (RFC 8259)                                                  */

typedef struct {
    const char *start;
    const char *cur;
    unsigned int depth;
    char *error;            /* first failure, for the message */
} virJSONParser;


static void
virJSONParserFail(virJSONParser *p, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

static void
virJSONParserFail(virJSONParser *p, const char *fmt, ...)
{
    va_list ap;

    if (p->error)
        return;
    va_start(ap, fmt);
    p->error = g_strdup_vprintf(fmt, ap);
    va_end(ap);
}


/* Complain about the character at the cursor. */
static void
virJSONParserUnexpected(virJSONParser *p, const char *expected)
{
    unsigned char c = *p->cur;

    if (c == '\0')
        virJSONParserFail(p, "unexpected end of input, expected %s", expected);
    else if (g_ascii_isprint(c))
        virJSONParserFail(p, "unexpected character '%c' at offset %zu, expected %s",
                          c, (size_t)(p->cur - p->start), expected);
    else
        virJSONParserFail(p, "unexpected byte 0x%02x at offset %zu, expected %s",
                          c, (size_t)(p->cur - p->start), expected);
}


static void
virJSONParserSkipSpace(virJSONParser *p)
{
    while (*p->cur == ' ' || *p->cur == '\t' || *p->cur == '\n' ||
           *p->cur == '\r')
        p->cur++;
}


static virJSONValue *virJSONParseValue(virJSONParser *p);


/* Four hex digits of a \u escape. */
static int
virJSONParseHex4(virJSONParser *p, const char *s, unsigned int *out)
{
    unsigned int val = 0;
    int i;

    for (i = 0; i < 4; i++) {
        int digit = g_ascii_xdigit_value(s[i]);

        if (digit < 0) {
            virJSONParserFail(p, "invalid \\u escape at offset %zu",
                              (size_t)(s - p->start));
            return -1;
        }
        val = val * 16 + digit;
    }
    *out = val;
    return 0;
}


/* A \uXXXX escape (the cursor is on the 'u'), with surrogate pairs. */
static int
virJSONParseUnicode(virJSONParser *p, GString *out)
{
    unsigned int cp, low;

    if (virJSONParseHex4(p, p->cur + 1, &cp) < 0)
        return -1;
    p->cur += 5;

    if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (p->cur[0] != '\\' || p->cur[1] != 'u' ||
            virJSONParseHex4(p, p->cur + 2, &low) < 0 ||
            low < 0xDC00 || low > 0xDFFF) {
            virJSONParserFail(p, "invalid UTF-16 surrogate pair at offset %zu",
                              (size_t)(p->cur - p->start));
            return -1;
        }
        p->cur += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        virJSONParserFail(p, "lone UTF-16 surrogate at offset %zu",
                          (size_t)(p->cur - p->start));
        return -1;
    }
    g_string_append_unichar(out, cp);
    return 0;
}


/* A string; the cursor is on the opening quote. */
static char *
virJSONParseString(virJSONParser *p)
{
    g_autoptr(GString) out = g_string_new(NULL);
    static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";

    p->cur++;
    for (;;) {
        unsigned char c = *p->cur;
        const char *esc;

        if (c == '"')
            break;
        if (c < 0x20) {
            virJSONParserUnexpected(p, "closing '\"'");
            return NULL;
        }
        if (c != '\\') {
            g_string_append_c(out, c);
            p->cur++;
            continue;
        }

        p->cur++;
        if (*p->cur == 'u') {
            if (virJSONParseUnicode(p, out) < 0)
                return NULL;
            continue;
        }
        for (esc = escapes; *esc && *esc != *p->cur; esc += 2)
            ;
        if (!*esc || !*p->cur) {
            virJSONParserUnexpected(p, "escape character");
            return NULL;
        }
        g_string_append_c(out, esc[1]);
        p->cur++;
    }
    p->cur++;
    return g_string_free(g_steal_pointer(&out), FALSE);
}


static bool
virJSONParseDigits(virJSONParser *p)
{
    if (!g_ascii_isdigit(*p->cur)) {
        virJSONParserUnexpected(p, "digit");
        return false;
    }
    while (g_ascii_isdigit(*p->cur))
        p->cur++;
    return true;
}


/* A number, kept as its text. */
static virJSONValue *
virJSONParseNumber(virJSONParser *p)
{
    const char *begin = p->cur;

    if (*p->cur == '-')
        p->cur++;
    if (*p->cur == '0')
        p->cur++;
    else if (!virJSONParseDigits(p))
        return NULL;

    if (*p->cur == '.') {
        p->cur++;
        if (!virJSONParseDigits(p))
            return NULL;
    }
    if (*p->cur == 'e' || *p->cur == 'E') {
        p->cur++;
        if (*p->cur == '+' || *p->cur == '-')
            p->cur++;
        if (!virJSONParseDigits(p))
            return NULL;
    }
    return virJSONValueNewNumber(g_strndup(begin, p->cur - begin));
}


static virJSONValue *
virJSONParseArray(virJSONParser *p)
{
    g_autoptr(virJSONValue) array = virJSONValueNewArray();

    p->cur++;
    virJSONParserSkipSpace(p);
    if (*p->cur == ']') {
        p->cur++;
        return g_steal_pointer(&array);
    }

    for (;;) {
        g_autoptr(virJSONValue) item = NULL;

        if (!(item = virJSONParseValue(p)))
            return NULL;
        ignore_value(virJSONValueArrayAppend(array, &item));

        virJSONParserSkipSpace(p);
        if (*p->cur == ']')
            break;
        if (*p->cur != ',') {
            virJSONParserUnexpected(p, "',' or ']'");
            return NULL;
        }
        p->cur++;
    }
    p->cur++;
    return g_steal_pointer(&array);
}


/* One "key": value member of an object. */
static int
virJSONParseMember(virJSONParser *p, virJSONValue *object)
{
    g_autofree char *key = NULL;
    g_autoptr(virJSONValue) value = NULL;

    virJSONParserSkipSpace(p);
    if (*p->cur != '"') {
        virJSONParserUnexpected(p, "object key");
        return -1;
    }
    if (!(key = virJSONParseString(p)))
        return -1;
    virJSONParserSkipSpace(p);
    if (*p->cur != ':') {
        virJSONParserUnexpected(p, "':'");
        return -1;
    }
    p->cur++;
    if (!(value = virJSONParseValue(p)))
        return -1;
    if (virJSONValueObjectFind(object, key)) {
        virJSONParserFail(p, "duplicate key '%s'", key);
        return -1;
    }
    return virJSONValueObjectAppend(object, key, &value);
}


static virJSONValue *
virJSONParseObject(virJSONParser *p)
{
    g_autoptr(virJSONValue) object = virJSONValueNewObject();

    p->cur++;
    virJSONParserSkipSpace(p);
    if (*p->cur == '}') {
        p->cur++;
        return g_steal_pointer(&object);
    }

    for (;;) {
        if (virJSONParseMember(p, object) < 0)
            return NULL;
        virJSONParserSkipSpace(p);
        if (*p->cur == '}')
            break;
        if (*p->cur != ',') {
            virJSONParserUnexpected(p, "',' or '}'");
            return NULL;
        }
        p->cur++;
    }
    p->cur++;
    return g_steal_pointer(&object);
}


static virJSONValue *
virJSONParseLiteral(virJSONParser *p)
{
    if (STRPREFIX(p->cur, "true")) {
        p->cur += 4;
        return virJSONValueNewBoolean(true);
    }
    if (STRPREFIX(p->cur, "false")) {
        p->cur += 5;
        return virJSONValueNewBoolean(false);
    }
    if (STRPREFIX(p->cur, "null")) {
        p->cur += 4;
        return virJSONValueNewNull();
    }
    virJSONParserUnexpected(p, "a value");
    return NULL;
}


static virJSONValue *
virJSONParseValue(virJSONParser *p)
{
    virJSONValue *ret = NULL;
    char *str;

    virJSONParserSkipSpace(p);
    if (++p->depth > VIR_JSON_MAX_DEPTH) {
        virJSONParserFail(p, "nesting deeper than %d levels",
                          VIR_JSON_MAX_DEPTH);
        return NULL;
    }

    switch (*p->cur) {
    case '{':
        ret = virJSONParseObject(p);
        break;
    case '[':
        ret = virJSONParseArray(p);
        break;
    case '"':
        if ((str = virJSONParseString(p)))
            ret = virJSONValueNewString(str);
        break;
    case '-':
    case '0' ... '9':
        ret = virJSONParseNumber(p);
        break;
    default:
        ret = virJSONParseLiteral(p);
        break;
    }

    p->depth--;
    return ret;
}


virJSONValue *
virJSONValueFromString(const char *jsonstring)
{
    virJSONParser p = { jsonstring, jsonstring, 0, NULL };
    g_autoptr(virJSONValue) value = NULL;

    VIR_DEBUG("string=%s", jsonstring);

    if ((value = virJSONParseValue(&p))) {
        virJSONParserSkipSpace(&p);
        if (*p.cur != '\0') {
            virJSONParserUnexpected(&p, "end of input");
            g_clear_pointer(&value, virJSONValueFree);
        }
    }

    if (!value) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "cannot parse json %s: %s",
                       jsonstring, p.error ? p.error : "invalid input");
        g_free(p.error);
        return NULL;
    }
    return g_steal_pointer(&value);
}


/* ------------------------------------------------------------------ */
/* Formatter                                                          */

static void
virJSONFormatString(GString *out, const char *str)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *c;

    g_string_append_c(out, '"');
    for (c = (const unsigned char *)str; *c; c++) {
        switch (*c) {
        case '"': g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\b': g_string_append(out, "\\b"); break;
        case '\f': g_string_append(out, "\\f"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        case '\t': g_string_append(out, "\\t"); break;
        default:
            if (*c < 0x20) {
                g_string_append(out, "\\u00");
                g_string_append_c(out, hex[*c >> 4]);
                g_string_append_c(out, hex[*c & 0xF]);
            } else {
                g_string_append_c(out, *c);
            }
        }
    }
    g_string_append_c(out, '"');
}


static void
virJSONFormatIndent(GString *out, bool pretty, unsigned int depth)
{
    if (pretty) {
        while (depth-- > 0)
            g_string_append(out, "  ");
    }
}


static void virJSONFormatValue(GString *out, virJSONValue *val, bool pretty,
                               unsigned int depth);


/* An object or array: '{' or '[' then the members one per line when
 * pretty (an empty container still gets its blank line, as yajl's
 * beautifier writes it). */
static void
virJSONFormatContainer(GString *out, virJSONValue *val, bool pretty,
                       unsigned int depth)
{
    bool isObject = val->type == VIR_JSON_TYPE_OBJECT;
    size_t n = isObject ? val->data.object.npairs : val->data.array.nvalues;
    size_t i;

    g_string_append_c(out, isObject ? '{' : '[');
    if (pretty)
        g_string_append_c(out, '\n');

    for (i = 0; i < n; i++) {
        if (i > 0)
            g_string_append(out, pretty ? ",\n" : ",");
        virJSONFormatIndent(out, pretty, depth + 1);
        if (isObject) {
            virJSONFormatString(out, val->data.object.pairs[i].key);
            g_string_append(out, pretty ? ": " : ":");
            virJSONFormatValue(out, val->data.object.pairs[i].value, pretty,
                               depth + 1);
        } else {
            virJSONFormatValue(out, val->data.array.values[i], pretty,
                               depth + 1);
        }
    }

    if (pretty)
        g_string_append_c(out, '\n');
    virJSONFormatIndent(out, pretty, depth);
    g_string_append_c(out, isObject ? '}' : ']');
}


static void
virJSONFormatValue(GString *out, virJSONValue *val, bool pretty,
                   unsigned int depth)
{
    switch (val->type) {
    case VIR_JSON_TYPE_OBJECT:
    case VIR_JSON_TYPE_ARRAY:
        virJSONFormatContainer(out, val, pretty, depth);
        break;
    case VIR_JSON_TYPE_STRING:
        virJSONFormatString(out, val->data.string);
        break;
    case VIR_JSON_TYPE_NUMBER:
        g_string_append(out, val->data.number);
        break;
    case VIR_JSON_TYPE_BOOLEAN:
        g_string_append(out, val->data.boolean ? "true" : "false");
        break;
    case VIR_JSON_TYPE_NULL:
        g_string_append(out, "null");
        break;
    }
}


int
virJSONValueToBuffer(virJSONValue *object, virBuffer *buf, bool pretty)
{
    g_autoptr(GString) out = g_string_new(NULL);

    virJSONFormatValue(out, object, pretty, 0);
    if (pretty)
        g_string_append_c(out, '\n');
    virBufferAdd(buf, out->str, out->len);
    return 0;
}


char *
virJSONValueToString(virJSONValue *object, bool pretty)
{
    GString *out = g_string_new(NULL);

    virJSONFormatValue(out, object, pretty, 0);
    if (pretty)
        g_string_append_c(out, '\n');
    return g_string_free(out, FALSE);
}


char *
virJSONStringReformat(const char *jsonstr, bool pretty)
{
    g_autoptr(virJSONValue) json = virJSONValueFromString(jsonstr);

    if (!json)
        return NULL;
    return virJSONValueToString(json, pretty);
}
