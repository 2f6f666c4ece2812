/* virjson: building, parsing, typed access, exact numbers, formatting. */
#include "internal.h"
#include "testutils.h"
#include "util/virjson.h"

#include <limits.h>

#define VIR_FROM_THIS VIR_FROM_NONE

static int
testBuildAndFormat(void)
{
    g_autoptr(virJSONValue) cmd = virJSONValueNewObject();
    g_autoptr(virJSONValue) args = virJSONValueNewObject();
    g_autoptr(virJSONValue) list = virJSONValueNewArray();
    g_autoptr(virJSONValue) item = virJSONValueNewNumberInt(-3);
    g_autofree char *compact = NULL;
    g_autofree char *pretty = NULL;

    CHECK_INTEQ(virJSONValueObjectAppendString(cmd, "execute", "block_resize"), 0);
    CHECK_INTEQ(virJSONValueObjectAppendString(args, "device", "drive-\"0\"\n"), 0);
    CHECK_INTEQ(virJSONValueObjectAppendNumberUlong(args, "size", ULLONG_MAX), 0);
    CHECK_INTEQ(virJSONValueObjectAppendNumberLong(args, "min", LLONG_MIN), 0);
    CHECK_INTEQ(virJSONValueObjectAppendNumberUint(args, "u", 7), 0);
    CHECK_INTEQ(virJSONValueObjectAppendNumberDouble(args, "ratio", 1.5), 0);
    CHECK_INTEQ(virJSONValueObjectAppendBoolean(args, "force", true), 0);
    CHECK_INTEQ(virJSONValueObjectAppendNull(args, "node"), 0);
    CHECK_INTEQ(virJSONValueArrayAppend(list, &item), 0);
    CHECK(item == NULL);
    CHECK_INTEQ(virJSONValueArrayAppendString(list, "s"), 0);
    CHECK_INTEQ(virJSONValueObjectAppend(args, "list", &list), 0);
    CHECK(list == NULL);
    CHECK_INTEQ(virJSONValueObjectAppend(cmd, "arguments", &args), 0);
    CHECK_INTEQ(virJSONValueObjectPrependString(cmd, "id", "libvirt-1"), 0);

    compact = virJSONValueToString(cmd, false);
    CHECK_STREQ(compact,
                "{\"id\":\"libvirt-1\",\"execute\":\"block_resize\","
                "\"arguments\":{\"device\":\"drive-\\\"0\\\"\\n\","
                "\"size\":18446744073709551615,"
                "\"min\":-9223372036854775808,\"u\":7,\"ratio\":1.500000,"
                "\"force\":true,\"node\":null,\"list\":[-3,\"s\"]}}");

    pretty = virJSONValueToString(cmd, true);
    CHECK_STREQ(pretty,
                "{\n"
                "  \"id\": \"libvirt-1\",\n"
                "  \"execute\": \"block_resize\",\n"
                "  \"arguments\": {\n"
                "    \"device\": \"drive-\\\"0\\\"\\n\",\n"
                "    \"size\": 18446744073709551615,\n"
                "    \"min\": -9223372036854775808,\n"
                "    \"u\": 7,\n"
                "    \"ratio\": 1.500000,\n"
                "    \"force\": true,\n"
                "    \"node\": null,\n"
                "    \"list\": [\n"
                "      -3,\n"
                "      \"s\"\n"
                "    ]\n"
                "  }\n"
                "}\n");
    return 0;
}


static int
testPrettyEmpty(void)
{
    g_autoptr(virJSONValue) obj = virJSONValueNewObject();
    g_autoptr(virJSONValue) arr = virJSONValueNewArray();
    g_autoptr(virJSONValue) inner = virJSONValueNewObject();
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    g_autofree char *c = NULL;
    g_autofree char *d = NULL;

    /* empty containers look the way libvirt's (yajl) beautifier writes
     * them */
    a = virJSONValueToString(obj, true);
    CHECK_STREQ(a, "{\n\n}\n");
    b = virJSONValueToString(arr, true);
    CHECK_STREQ(b, "[\n\n]\n");
    CHECK_INTEQ(virJSONValueObjectAppend(obj, "e", &inner), 0);
    c = virJSONValueToString(obj, true);
    CHECK_STREQ(c, "{\n  \"e\": {\n\n  }\n}\n");
    d = virJSONValueToString(obj, false);
    CHECK_STREQ(d, "{\"e\":{}}");
    return 0;
}


static int
testParseAccess(void)
{
    const char *reply =
        "{\"return\": {\"status\": \"running\", \"singlestep\": false,"
        " \"running\": true, \"count\": 42, \"neg\": -7,"
        " \"big\": 18446744073709551615, \"huge\": 123456789012345678901234567890,"
        " \"ratio\": 0.25, \"exp\": 1e3,"
        " \"names\": [\"a\", \"b\"], \"nothing\": null},"
        " \"id\": \"libvirt-12\"}\r\n";
    g_autoptr(virJSONValue) root = virJSONValueFromString(reply);
    virJSONValue *ret;
    g_auto(GStrv) names = NULL;
    g_autofree char *huge = NULL;
    bool b = true;
    int i = 0;
    unsigned int u = 0;
    long long ll = 0;
    unsigned long long ull = 0;
    double d = 0;

    CHECK(root != NULL);
    CHECK_STREQ(virJSONValueObjectGetString(root, "id"), "libvirt-12");
    CHECK((ret = virJSONValueObjectGetObject(root, "return")) != NULL);
    CHECK(virJSONValueObjectGetArray(root, "return") == NULL);

    CHECK_STREQ(virJSONValueObjectGetString(ret, "status"), "running");
    CHECK_INTEQ(virJSONValueObjectGetBoolean(ret, "singlestep", &b), 0);
    CHECK(!b);
    CHECK_INTEQ(virJSONValueObjectGetNumberInt(ret, "count", &i), 0);
    CHECK_INTEQ(i, 42);
    CHECK_INTEQ(virJSONValueObjectGetNumberLong(ret, "neg", &ll), 0);
    CHECK_INTEQ(ll, -7);
    CHECK_INTEQ(virJSONValueObjectGetNumberUlong(ret, "big", &ull), 0);
    CHECK(ull == ULLONG_MAX);
    CHECK_INTEQ(virJSONValueObjectGetNumberDouble(ret, "ratio", &d), 0);
    CHECK(d == 0.25);
    CHECK_INTEQ(virJSONValueObjectGetNumberDouble(ret, "exp", &d), 0);
    CHECK(d == 1000);

    /* type or range mismatches: -1, output untouched */
    i = 5;
    CHECK_INTEQ(virJSONValueObjectGetNumberInt(ret, "big", &i), -1);
    CHECK_INTEQ(virJSONValueObjectGetNumberInt(ret, "ratio", &i), -1);
    CHECK_INTEQ(virJSONValueObjectGetNumberInt(ret, "status", &i), -1);
    CHECK_INTEQ(virJSONValueObjectGetNumberInt(ret, "missing", &i), -1);
    CHECK_INTEQ(i, 5);
    CHECK_INTEQ(virJSONValueObjectGetNumberUint(ret, "neg", &u), 0);
    CHECK_INTEQ(u, UINT_MAX - 6);    /* _ui wraps negatives, as libvirt */
    CHECK_INTEQ(virJSONValueObjectGetNumberUlong(ret, "huge", &ull), -1);
    CHECK_INTEQ(virJSONValueObjectGetBoolean(ret, "count", &b), -1);
    CHECK(virJSONValueObjectGetString(ret, "count") == NULL);
    CHECK_STREQ(virJSONValueObjectGetStringOrNumber(ret, "count"), "42");
    CHECK(virJSONValueObjectIsNull(ret, "nothing"));
    CHECK(!virJSONValueObjectIsNull(ret, "count"));

    /* a number too big for any C type survives untouched */
    huge = virJSONValueToString(virJSONValueObjectGet(ret, "huge"), false);
    CHECK_STREQ(huge, "123456789012345678901234567890");
    CHECK_STREQ(virJSONValueGetNumberString(virJSONValueObjectGet(ret, "exp")),
                "1e3");

    names = virJSONValueArrayToStringList(virJSONValueObjectGetArray(ret, "names"));
    CHECK(names != NULL);
    CHECK_INTEQ(g_strv_length(names), 2);
    CHECK_STREQ(names[1], "b");

    CHECK_INTEQ(virJSONValueObjectKeysNumber(ret), 11);
    CHECK_STREQ(virJSONValueObjectGetKey(ret, 0), "status");
    CHECK(virJSONValueObjectGetKey(ret, 11) == NULL);
    CHECK_INTEQ(virJSONValueGetType(virJSONValueObjectGetValue(ret, 3)),
                VIR_JSON_TYPE_NUMBER);
    return 0;
}


static int
testRoundTrip64(void)
{
    static const char *numbers[] = {
        "0", "-0", "9223372036854775807", "-9223372036854775808",
        "18446744073709551615", "18446744073709551616", "-1.5e-300",
        "3.141592653589793238462643383279", "1E+2",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(numbers); i++) {
        g_autofree char *text = g_strdup_printf("[%s]", numbers[i]);
        g_autoptr(virJSONValue) val = virJSONValueFromString(text);
        g_autofree char *out = NULL;

        CHECK(val != NULL);
        out = virJSONValueToString(val, false);
        CHECK_STREQ(out, text);
    }

    for (i = 0; i < 64; i++) {
        unsigned long long u = 1ULL << i;
        long long s = -(long long)(u >> 1) - 1;
        g_autoptr(virJSONValue) obj = virJSONValueNewObject();
        g_autoptr(virJSONValue) back = NULL;
        g_autofree char *str = NULL;
        unsigned long long u2 = 0;
        long long s2 = 0;

        CHECK_INTEQ(virJSONValueObjectAppendNumberUlong(obj, "u", u | (u - 1)), 0);
        CHECK_INTEQ(virJSONValueObjectAppendNumberLong(obj, "s", s), 0);
        str = virJSONValueToString(obj, false);
        back = virJSONValueFromString(str);
        CHECK(back != NULL);
        CHECK_INTEQ(virJSONValueObjectGetNumberUlong(back, "u", &u2), 0);
        CHECK(u2 == (u | (u - 1)));
        CHECK_INTEQ(virJSONValueObjectGetNumberLong(back, "s", &s2), 0);
        CHECK(s2 == s);
    }
    return 0;
}


static int
testStrings(void)
{
    g_autoptr(virJSONValue) val = NULL;
    g_autoptr(virJSONValue) ctl = NULL;
    g_autofree char *out = NULL;
    g_autofree char *out2 = NULL;

    val = virJSONValueFromString("\"tab\\there \\u00e9\\ud83d\\ude00 \\/ \\\\ \\\"\"");
    CHECK(val != NULL);
    CHECK_STREQ(virJSONValueGetString(val),
                "tab\there \xc3\xa9\xf0\x9f\x98\x80 / \\ \"");
    out = virJSONValueToString(val, false);
    /* UTF-8 passes through; '/' is not escaped */
    CHECK_STREQ(out, "\"tab\\there \xc3\xa9\xf0\x9f\x98\x80 / \\\\ \\\"\"");

    ctl = virJSONValueNewString(g_strdup("\x01\x1f\b\f\r"));
    out2 = virJSONValueToString(ctl, false);
    CHECK_STREQ(out2, "\"\\u0001\\u001F\\b\\f\\r\"");

    /* NULL makes a JSON null */
    {
        g_autoptr(virJSONValue) null = virJSONValueNewString(NULL);

        CHECK(virJSONValueIsNull(null));
    }
    return 0;
}


static int
testParseErrors(void)
{
    static const char *bad[] = {
        "",
        "   ",
        "{",
        "[1,]",
        "[1 2]",
        "{\"a\" 1}",
        "{'a': 1}",
        "{\"a\": 1,}",
        "{\"a\": 1}{}",
        "NaN",
        "01",
        "1.",
        "-",
        ".5",
        "tru",
        "\"unterminated",
        "\"bad \\x escape\"",
        "\"raw\ttab\"",
        "\"\\ud800\"",
        "{\"dup\": 1, \"dup\": 2}",
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(virJSONValue) val = NULL;
        g_autofree char *prefix = NULL;

        virResetLastError();
        if ((val = virJSONValueFromString(bad[i]))) {
            fprintf(stderr, "accepted: %s\n", bad[i]);
            return -1;
        }
        CHECK_INTEQ(virGetLastErrorCode(), VIR_ERR_INTERNAL_ERROR);
        prefix = g_strdup_printf("internal error: cannot parse json %s: ",
                                 bad[i]);
        CHECK(g_str_has_prefix(virGetLastErrorMessage(), prefix));
    }

    virResetLastError();
    CHECK(virJSONValueFromString("{\"a\": 1} x") == NULL);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: cannot parse json {\"a\": 1} x: unexpected "
                "character 'x' at offset 9, expected end of input");
    CHECK(virJSONValueFromString("{\"dup\": 1, \"dup\": 2}") == NULL);
    CHECK_STREQ(virGetLastErrorMessage(),
                "internal error: cannot parse json {\"dup\": 1, \"dup\": 2}: "
                "duplicate key 'dup'");
    virResetLastError();
    return 0;
}


static int
testDeepNesting(void)
{
    g_autoptr(GString) ok = g_string_new(NULL);
    g_autoptr(GString) deep = g_string_new(NULL);
    g_autoptr(virJSONValue) val = NULL;
    size_t i;

    for (i = 0; i < 500; i++)
        g_string_append_c(ok, '[');
    for (i = 0; i < 500; i++)
        g_string_append_c(ok, ']');
    val = virJSONValueFromString(ok->str);
    CHECK(val != NULL);

    /* far too deep: a clean error, not a stack overflow */
    for (i = 0; i < 100000; i++)
        g_string_append_c(deep, '[');
    virResetLastError();
    CHECK(virJSONValueFromString(deep->str) == NULL);
    CHECK(strstr(virGetLastErrorMessage(), "nesting deeper than") != NULL);
    virResetLastError();
    return 0;
}


static int
testObjectErrors(void)
{
    g_autoptr(virJSONValue) obj = virJSONValueNewObject();
    g_autoptr(virJSONValue) arr = virJSONValueNewArray();
    g_autoptr(virJSONValue) val = virJSONValueNewBoolean(true);

    CHECK_INTEQ(virJSONValueObjectAppendNumberInt(obj, "k", 1), 0);
    virResetLastError();
    CHECK_INTEQ(virJSONValueObjectAppend(obj, "k", &val), -1);
    CHECK(val != NULL);   /* still ours on failure */
    CHECK_STREQ(virGetLastErrorMessage(), "internal error: duplicate key 'k'");
    CHECK_INTEQ(virJSONValueObjectAppend(arr, "k", &val), -1);
    CHECK_STREQ(virGetLastErrorMessage(), "internal error: expecting JSON object");
    CHECK_INTEQ(virJSONValueArrayAppend(obj, &val), -1);
    CHECK_STREQ(virGetLastErrorMessage(), "internal error: expecting JSON array");
    CHECK_INTEQ(virJSONValueObjectAppendString(obj, "k", "x"), -1);
    virResetLastError();
    return 0;
}


static int
testRemoveStealReplace(void)
{
    g_autoptr(virJSONValue) obj = virJSONValueFromString(
        "{\"a\": 1, \"b\": [1, 2, 3], \"c\": {\"x\": true}, \"d\": \"s\"}");
    g_autoptr(virJSONValue) removed = NULL;
    g_autoptr(virJSONValue) arr = NULL;
    g_autoptr(virJSONValue) sub = NULL;
    g_autoptr(virJSONValue) second = NULL;
    g_autoptr(virJSONValue) repl = virJSONValueNewNumberInt(9);
    g_autofree char *out = NULL;
    int i = 0;

    CHECK(obj != NULL);
    CHECK_INTEQ(virJSONValueObjectRemoveKey(obj, "a", &removed), 1);
    CHECK_INTEQ(virJSONValueGetNumberInt(removed, &i), 0);
    CHECK_INTEQ(i, 1);
    CHECK_INTEQ(virJSONValueObjectRemoveKey(obj, "a", NULL), 0);
    CHECK(!virJSONValueObjectHasKey(obj, "a"));

    /* steal only with the right type */
    CHECK(virJSONValueObjectStealObject(obj, "b") == NULL);
    CHECK(virJSONValueObjectHasKey(obj, "b"));
    arr = virJSONValueObjectStealArray(obj, "b");
    CHECK(arr != NULL);
    CHECK(!virJSONValueObjectHasKey(obj, "b"));
    sub = virJSONValueObjectStealObject(obj, "c");
    CHECK(sub != NULL);

    second = virJSONValueArraySteal(arr, 1);
    CHECK_INTEQ(virJSONValueGetNumberInt(second, &i), 0);
    CHECK_INTEQ(i, 2);
    CHECK_INTEQ(virJSONValueArraySize(arr), 2);
    CHECK(virJSONValueArraySteal(arr, 5) == NULL);

    virJSONValueObjectReplaceValue(obj, "d", &repl);
    CHECK(repl == NULL);
    out = virJSONValueToString(obj, false);
    CHECK_STREQ(out, "{\"d\":9}");
    return 0;
}


static int
testCopyConcat(void)
{
    g_autoptr(virJSONValue) orig = virJSONValueFromString(
        "{\"a\": [1, {\"b\": null}], \"c\": \"x\", \"d\": 2.50}");
    g_autoptr(virJSONValue) copy = virJSONValueCopy(orig);
    g_autoptr(virJSONValue) a = virJSONValueFromString("[1, 2]");
    g_autoptr(virJSONValue) c = virJSONValueFromString("[3]");
    g_autofree char *s1 = NULL;
    g_autofree char *s2 = NULL;
    g_autofree char *s3 = NULL;
    g_autofree char *s4 = NULL;

    CHECK(copy != NULL && copy != orig);
    s1 = virJSONValueToString(orig, false);
    s2 = virJSONValueToString(copy, false);
    CHECK_STREQ(s1, s2);
    /* independent */
    CHECK_INTEQ(virJSONValueObjectRemoveKey(orig, "a", NULL), 1);
    CHECK(virJSONValueObjectHasKey(copy, "a"));
    CHECK(virJSONValueCopy(NULL) == NULL);

    CHECK_INTEQ(virJSONValueArrayConcat(a, c), 0);
    CHECK_INTEQ(virJSONValueArraySize(c), 0);
    s3 = virJSONValueToString(a, false);
    CHECK_STREQ(s3, "[1,2,3]");

    s4 = virJSONStringReformat(" { \"k\" : [ ] } ", false);
    CHECK_STREQ(s4, "{\"k\":[]}");
    return 0;
}


static int
keepOdd(size_t pos, virJSONValue *item, void *opaque)
{
    GPtrArray *taken = opaque;

    if (pos % 2 == 0) {
        g_ptr_array_add(taken, item);
        return 0;
    }
    return 1;
}

static int
countKeys(const char *key, virJSONValue *value, void *opaque)
{
    GString *keys = opaque;

    g_string_append(keys, key);
    return STREQ(key, "stop") ? -1 : 0;
}

static int
testIterators(void)
{
    g_autoptr(virJSONValue) arr = virJSONValueFromString("[0, 1, 2, 3, 4]");
    g_autoptr(virJSONValue) obj = virJSONValueFromString(
        "{\"a\": 1, \"stop\": 2, \"z\": 3}");
    g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func(
        virJSONValueHashFree);
    g_autoptr(GString) keys = g_string_new(NULL);
    g_autofree char *rest = NULL;

    CHECK_INTEQ(virJSONValueArrayForeachSteal(arr, keepOdd, taken), 0);
    CHECK_INTEQ(taken->len, 3);
    rest = virJSONValueToString(arr, false);
    CHECK_STREQ(rest, "[1,3]");

    CHECK_INTEQ(virJSONValueObjectForeachKeyValue(obj, countKeys, keys), -2);
    CHECK_STREQ(keys->str, "astop");
    CHECK_INTEQ(virJSONValueObjectForeachKeyValue(arr, countKeys, keys), -1);
    return 0;
}


int
main(void)
{
    virTestRun("build and format", testBuildAndFormat);
    virTestRun("pretty empty containers", testPrettyEmpty);
    virTestRun("parse and access", testParseAccess);
    virTestRun("64-bit round trip", testRoundTrip64);
    virTestRun("strings", testStrings);
    virTestRun("parse errors", testParseErrors);
    virTestRun("deep nesting", testDeepNesting);
    virTestRun("object errors", testObjectErrors);
    virTestRun("remove, steal, replace", testRemoveStealReplace);
    virTestRun("copy and concat", testCopyConcat);
    virTestRun("iterators", testIterators);
    return virTestDone();
}
