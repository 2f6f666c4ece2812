/*
 * virtypedparamtest.c: the public virTypedParams* functions and the
 * internal helpers of util/virtypedparam.h.
 */
#include "internal.h"

#include <limits.h>
#include <math.h>

#include "testutils.h"
#include "util/virtypedparam.h"

/* A list built with the public Add* functions, freed automatically. */
typedef struct {
    virTypedParameterPtr params;
    int nparams;
    int maxparams;
} TestList;

static void
testListClear(TestList *list)
{
    virTypedParamsFree(list->params, list->nparams);
    memset(list, 0, sizeof(*list));
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(TestList, testListClear);

#define L(list) &(list).params, &(list).nparams, &(list).maxparams

/* The last error must be @code in domain VIR_FROM_NONE with @message. */
#define CHECK_ERROR(expcode, expmsg) \
    do { \
        virErrorPtr _err = virGetLastError(); \
        CHECK(_err != NULL); \
        CHECK_INTEQ(_err->code, expcode); \
        CHECK_INTEQ(_err->domain, VIR_FROM_NONE); \
        CHECK_STREQ(_err->message, expmsg); \
    } while (0)

#define CHECK_NO_ERROR() CHECK(virGetLastError() == NULL)

#define LONG_NAME \
    "0123456789012345678901234567890123456789" \
    "0123456789012345678901234567890123456789"  /* 80 characters */


static int
testAddGetAll(void)
{
    g_auto(TestList) l = { 0 };
    int i = 0, b = 0;
    unsigned int ui = 0;
    long long ll = 0;
    unsigned long long ull = 0;
    double d = 0;
    const char *s = NULL;

    CHECK_INTEQ(virTypedParamsAddInt(L(l), "int", -42), 0);
    CHECK_INTEQ(virTypedParamsAddUInt(L(l), "uint", UINT_MAX), 0);
    CHECK_INTEQ(virTypedParamsAddLLong(L(l), "llong", LLONG_MIN), 0);
    CHECK_INTEQ(virTypedParamsAddULLong(L(l), "ullong", ULLONG_MAX), 0);
    CHECK_INTEQ(virTypedParamsAddDouble(L(l), "double", 2.5), 0);
    CHECK_INTEQ(virTypedParamsAddBoolean(L(l), "boolean", 7), 0);
    CHECK_INTEQ(virTypedParamsAddString(L(l), "string", "hello"), 0);
    CHECK_NO_ERROR();
    CHECK_INTEQ(l.nparams, 7);
    CHECK(l.maxparams >= 7);

    CHECK_INTEQ(virTypedParamsGetInt(l.params, l.nparams, "int", &i), 1);
    CHECK_INTEQ(i, -42);
    CHECK_INTEQ(virTypedParamsGetUInt(l.params, l.nparams, "uint", &ui), 1);
    CHECK(ui == UINT_MAX);
    CHECK_INTEQ(virTypedParamsGetLLong(l.params, l.nparams, "llong", &ll), 1);
    CHECK(ll == LLONG_MIN);
    CHECK_INTEQ(virTypedParamsGetULLong(l.params, l.nparams, "ullong", &ull), 1);
    CHECK(ull == ULLONG_MAX);
    CHECK_INTEQ(virTypedParamsGetDouble(l.params, l.nparams, "double", &d), 1);
    CHECK(d == 2.5);
    CHECK_INTEQ(virTypedParamsGetBoolean(l.params, l.nparams, "boolean", &b), 1);
    CHECK_INTEQ(b, 1);
    CHECK_INTEQ(virTypedParamsGetString(l.params, l.nparams, "string", &s), 1);
    CHECK_STREQ(s, "hello");
    CHECK_NO_ERROR();

    /* The raw elements carry name and type. */
    CHECK_STREQ(l.params[0].field, "int");
    CHECK_INTEQ(l.params[0].type, VIR_TYPED_PARAM_INT);
    CHECK_INTEQ(l.params[5].type, VIR_TYPED_PARAM_BOOLEAN);
    CHECK_INTEQ(l.params[5].value.b, 1);
    CHECK_INTEQ(l.params[6].type, VIR_TYPED_PARAM_STRING);
    return 0;
}


static int
testGetMissingAndNull(void)
{
    g_auto(TestList) l = { 0 };
    int i = 1234;
    const char *s = "untouched";

    CHECK_INTEQ(virTypedParamsAddInt(L(l), "a", 1), 0);

    /* Absent: 0, value untouched, no error. */
    CHECK_INTEQ(virTypedParamsGetInt(l.params, l.nparams, "b", &i), 0);
    CHECK_INTEQ(i, 1234);
    CHECK_INTEQ(virTypedParamsGetString(l.params, l.nparams, "b", &s), 0);
    CHECK_STREQ(s, "untouched");
    CHECK_NO_ERROR();

    /* NULL value: presence and type check only. */
    CHECK_INTEQ(virTypedParamsGetInt(l.params, l.nparams, "a", NULL), 1);
    CHECK_INTEQ(virTypedParamsGetUInt(l.params, l.nparams, "a", NULL), -1);

    /* NULL list or name: not found. */
    CHECK_INTEQ(virTypedParamsGetInt(NULL, 5, "a", &i), 0);
    CHECK_NO_ERROR();
    CHECK_INTEQ(virTypedParamsGetInt(l.params, l.nparams, NULL, &i), 0);
    CHECK_INTEQ(virTypedParamsGetInt(l.params, 0, "a", &i), 0);
    CHECK_INTEQ(virTypedParamsGetInt(l.params, -1, "a", &i), 0);
    CHECK_INTEQ(i, 1234);

    CHECK(virTypedParamsGet(l.params, l.nparams, "a") == l.params);
    CHECK(virTypedParamsGet(l.params, l.nparams, "b") == NULL);
    CHECK(virTypedParamsGet(NULL, 1, "a") == NULL);
    CHECK(virTypedParamsGet(l.params, l.nparams, NULL) == NULL);
    return 0;
}


static int
testGetWrongType(void)
{
    g_auto(TestList) l = { 0 };
    int i = 99;
    unsigned int ui = 99;
    long long ll = 99;
    unsigned long long ull = 99;
    double d = 99;
    const char *s = NULL;

    CHECK_INTEQ(virTypedParamsAddString(L(l), "str", "x"), 0);
    CHECK_INTEQ(virTypedParamsAddInt(L(l), "num", 5), 0);

    CHECK_INTEQ(virTypedParamsGetInt(l.params, l.nparams, "str", &i), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: Invalid type 'int' requested for "
                "parameter 'str', actual type is 'string'");
    CHECK_INTEQ(i, 99);

    CHECK_INTEQ(virTypedParamsGetString(l.params, l.nparams, "num", &s), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: Invalid type 'string' requested for "
                "parameter 'num', actual type is 'int'");
    CHECK(s == NULL);

    CHECK_INTEQ(virTypedParamsGetUInt(l.params, l.nparams, "num", &ui), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: Invalid type 'uint' requested for "
                "parameter 'num', actual type is 'int'");
    CHECK_INTEQ(virTypedParamsGetLLong(l.params, l.nparams, "num", &ll), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: Invalid type 'llong' requested for "
                "parameter 'num', actual type is 'int'");
    CHECK_INTEQ(virTypedParamsGetULLong(l.params, l.nparams, "num", &ull), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: Invalid type 'ullong' requested for "
                "parameter 'num', actual type is 'int'");
    CHECK_INTEQ(virTypedParamsGetDouble(l.params, l.nparams, "num", &d), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: Invalid type 'double' requested for "
                "parameter 'num', actual type is 'int'");
    CHECK_INTEQ(virTypedParamsGetBoolean(l.params, l.nparams, "num", &i), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: Invalid type 'boolean' requested for "
                "parameter 'num', actual type is 'int'");
    CHECK(ui == 99 && ll == 99 && ull == 99 && d == 99 && i == 99);

    /* A successful call resets the error. */
    CHECK_INTEQ(virTypedParamsGetInt(l.params, l.nparams, "num", &i), 1);
    CHECK_NO_ERROR();
    return 0;
}


static int
testDuplicates(void)
{
    g_auto(TestList) l = { 0 };
    int i = 0;
    const char *s = NULL;

    /* libvirt 9.0.0 accepts a name twice; Get* returns the first. */
    CHECK_INTEQ(virTypedParamsAddInt(L(l), "dup", 1), 0);
    CHECK_INTEQ(virTypedParamsAddInt(L(l), "dup", 2), 0);
    CHECK_INTEQ(virTypedParamsAddString(L(l), "dup", "three"), 0);
    CHECK_NO_ERROR();
    CHECK_INTEQ(l.nparams, 3);
    CHECK_INTEQ(virTypedParamsGetInt(l.params, l.nparams, "dup", &i), 1);
    CHECK_INTEQ(i, 1);
    /* The first "dup" is an int, so asking for a string fails. */
    CHECK_INTEQ(virTypedParamsGetString(l.params, l.nparams, "dup", &s), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: Invalid type 'string' requested for "
                "parameter 'dup', actual type is 'int'");
    return 0;
}


static int
testNameLength(void)
{
    g_auto(TestList) l = { 0 };
    char longest[VIR_TYPED_PARAM_FIELD_LENGTH];
    const char *msg = "internal error: Field name '" LONG_NAME "' too long";
    int i = 0;

    memset(longest, 'n', sizeof(longest) - 1);
    longest[sizeof(longest) - 1] = '\0';
    G_STATIC_ASSERT(sizeof(LONG_NAME) - 1 == VIR_TYPED_PARAM_FIELD_LENGTH);

    /* 79 characters fit. */
    CHECK_INTEQ(virTypedParamsAddInt(L(l), longest, 7), 0);
    CHECK_INTEQ(virTypedParamsGetInt(l.params, l.nparams, longest, &i), 1);
    CHECK_INTEQ(i, 7);

    /* 80 do not, whatever the type; the list is unchanged. */
    CHECK_INTEQ(virTypedParamsAddInt(L(l), LONG_NAME, 1), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR, msg);
    CHECK_INTEQ(virTypedParamsAddUInt(L(l), LONG_NAME, 1), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR, msg);
    CHECK_INTEQ(virTypedParamsAddLLong(L(l), LONG_NAME, 1), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR, msg);
    CHECK_INTEQ(virTypedParamsAddULLong(L(l), LONG_NAME, 1), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR, msg);
    CHECK_INTEQ(virTypedParamsAddDouble(L(l), LONG_NAME, 1), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR, msg);
    CHECK_INTEQ(virTypedParamsAddBoolean(L(l), LONG_NAME, 1), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR, msg);
    CHECK_INTEQ(virTypedParamsAddString(L(l), LONG_NAME, "leak?"), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR, msg);
    CHECK_INTEQ(virTypedParamsAddFromString(L(l), LONG_NAME,
                                            VIR_TYPED_PARAM_STRING, "x"), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR, msg);
    CHECK_INTEQ(l.nparams, 1);
    return 0;
}


static int
testGrowth(void)
{
    g_auto(TestList) l = { 0 };
    /* maxparams after each add, as libvirt grows it. */
    static const int expect[] = { 1, 2, 3, 4, 6, 6, 9, 9, 9, 13, 13, 13, 13, 19 };
    size_t k;

    for (k = 0; k < G_N_ELEMENTS(expect); k++) {
        g_autofree char *name = g_strdup_printf("p%zu", k);

        CHECK_INTEQ(virTypedParamsAddString(L(l), name, name), 0);
        CHECK_INTEQ(l.nparams, k + 1);
        CHECK_INTEQ(l.maxparams, expect[k]);
    }
    /* Unused slots are zeroed. */
    CHECK_STREQ(l.params[l.maxparams - 1].field, "");
    CHECK_INTEQ(l.params[l.maxparams - 1].type, 0);

    for (k = 0; k < G_N_ELEMENTS(expect); k++) {
        g_autofree char *name = g_strdup_printf("p%zu", k);
        const char *s = NULL;

        CHECK_INTEQ(virTypedParamsGetString(l.params, l.nparams, name, &s), 1);
        CHECK_STREQ(s, name);
    }
    return 0;
}


static int
testPreallocated(void)
{
    virTypedParameterPtr params = g_new0(virTypedParameter, 4);
    virTypedParameterPtr orig = params;
    int nparams = 0;
    int maxparams = 4;
    int rc = 0;

    /* Room left: no reallocation. */
    if (virTypedParamsAddInt(&params, &nparams, &maxparams, "a", 1) < 0 ||
        virTypedParamsAddInt(&params, &nparams, &maxparams, "b", 2) < 0 ||
        params != orig || maxparams != 4 || nparams != 2)
        rc = -1;
    virTypedParamsFree(params, nparams);
    return rc;
}


static int
testStringValues(void)
{
    g_auto(TestList) l = { 0 };
    char buf[] = "mutable";
    const char *s = NULL;

    /* The value is copied. */
    CHECK_INTEQ(virTypedParamsAddString(L(l), "copy", buf), 0);
    buf[0] = 'X';
    CHECK_INTEQ(virTypedParamsGetString(l.params, l.nparams, "copy", &s), 1);
    CHECK_STREQ(s, "mutable");
    CHECK(s != buf);

    /* NULL stores an empty string. */
    CHECK_INTEQ(virTypedParamsAddString(L(l), "null", NULL), 0);
    CHECK_INTEQ(virTypedParamsGetString(l.params, l.nparams, "null", &s), 1);
    CHECK_STREQ(s, "");

    CHECK_INTEQ(virTypedParamsAddString(L(l), "empty", ""), 0);
    CHECK_INTEQ(virTypedParamsGetString(l.params, l.nparams, "empty", &s), 1);
    CHECK_STREQ(s, "");
    return 0;
}


static int
testBooleanNormalized(void)
{
    g_auto(TestList) l = { 0 };
    int b = 5;

    CHECK_INTEQ(virTypedParamsAddBoolean(L(l), "f", 0), 0);
    CHECK_INTEQ(virTypedParamsAddBoolean(L(l), "t", -3), 0);
    CHECK_INTEQ(virTypedParamsGetBoolean(l.params, l.nparams, "f", &b), 1);
    CHECK_INTEQ(b, 0);
    CHECK_INTEQ(virTypedParamsGetBoolean(l.params, l.nparams, "t", &b), 1);
    CHECK_INTEQ(b, 1);
    return 0;
}


static int
testAddNullArgs(void)
{
    g_auto(TestList) l = { 0 };

    CHECK_INTEQ(virTypedParamsAddInt(NULL, &l.nparams, &l.maxparams, "a", 1), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "params in virTypedParamsAddInt must not be NULL");
    CHECK_INTEQ(virTypedParamsAddString(&l.params, NULL, &l.maxparams, "a", "x"), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "nparams in virTypedParamsAddString must not be NULL");
    CHECK_INTEQ(virTypedParamsAddDouble(&l.params, &l.nparams, NULL, "a", 1), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "maxparams in virTypedParamsAddDouble must not be NULL");
    CHECK_STREQ(virGetLastError()->str1, "virTypedParamsAddDouble");
    CHECK_STREQ(virGetLastError()->str2, "maxparams");
    CHECK_INTEQ(virTypedParamsAddFromString(L(l), NULL, VIR_TYPED_PARAM_INT, "1"), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "name in virTypedParamsAddFromString must not be NULL");
    CHECK(l.params == NULL);
    CHECK_INTEQ(l.nparams, 0);
    return 0;
}


static int
testStringList(void)
{
    g_auto(TestList) l = { 0 };
    const char *values[] = { "one", "two", "three", NULL };
    const char *empty[] = { NULL };
    g_autofree const char **got = NULL;
    int n;

    /* NULL or empty list: nothing added, success. */
    CHECK_INTEQ(virTypedParamsAddStringList(L(l), "x", NULL), 0);
    CHECK_INTEQ(virTypedParamsAddStringList(L(l), "x", empty), 0);
    CHECK_NO_ERROR();
    CHECK_INTEQ(l.nparams, 0);

    CHECK_INTEQ(virTypedParamsAddInt(L(l), "other", 1), 0);
    CHECK_INTEQ(virTypedParamsAddStringList(L(l), "x", values), 0);
    CHECK_INTEQ(l.nparams, 4);
    CHECK_STREQ(l.params[1].field, "x");
    CHECK_STREQ(l.params[3].value.s, "three");

    n = virTypedParamsGetStringList(l.params, l.nparams, "x", &got);
    CHECK_INTEQ(n, 3);
    CHECK_STREQ(got[0], "one");
    CHECK_STREQ(got[1], "two");
    CHECK_STREQ(got[2], "three");
    CHECK(got[0] == l.params[1].value.s);
    g_clear_pointer(&got, g_free);

    CHECK_INTEQ(virTypedParamsGetStringList(l.params, l.nparams, "none", &got), 0);
    CHECK(got == NULL);
    /* Non-string values under the name are skipped. */
    CHECK_INTEQ(virTypedParamsGetStringList(l.params, l.nparams, "other", &got), 0);
    g_clear_pointer(&got, g_free);

    CHECK_INTEQ(virTypedParamsGetStringList(l.params, l.nparams, "x", NULL), -1);

    /* A too long name fails on the first element. */
    CHECK_INTEQ(virTypedParamsAddStringList(L(l), LONG_NAME, values), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR,
                "internal error: Field name '" LONG_NAME "' too long");
    CHECK_INTEQ(l.nparams, 4);
    return 0;
}


/* AddFromString of @str as @type must succeed; the element is returned. */
static virTypedParameterPtr
addFrom(TestList *l, const char *name, int type, const char *str)
{
    if (virTypedParamsAddFromString(&l->params, &l->nparams, &l->maxparams,
                                    name, type, str) < 0)
        return NULL;
    if (virGetLastError() || l->params[l->nparams - 1].type != type)
        return NULL;
    return &l->params[l->nparams - 1];
}

static int
testFromStringGood(void)
{
    g_auto(TestList) l = { 0 };
    virTypedParameterPtr p;

    CHECK((p = addFrom(&l, "i1", VIR_TYPED_PARAM_INT, "-2147483648")));
    CHECK(p->value.i == INT_MIN);
    CHECK((p = addFrom(&l, "i2", VIR_TYPED_PARAM_INT, "2147483647")));
    CHECK(p->value.i == INT_MAX);
    CHECK((p = addFrom(&l, "u1", VIR_TYPED_PARAM_UINT, "4294967295")));
    CHECK(p->value.ui == UINT_MAX);
    CHECK((p = addFrom(&l, "u2", VIR_TYPED_PARAM_UINT, "-1")));
    CHECK(p->value.ui == UINT_MAX);
    CHECK((p = addFrom(&l, "l1", VIR_TYPED_PARAM_LLONG, "-9223372036854775808")));
    CHECK(p->value.l == LLONG_MIN);
    CHECK((p = addFrom(&l, "ul1", VIR_TYPED_PARAM_ULLONG, "18446744073709551615")));
    CHECK(p->value.ul == ULLONG_MAX);
    CHECK((p = addFrom(&l, "ul2", VIR_TYPED_PARAM_ULLONG, "-1")));
    CHECK(p->value.ul == ULLONG_MAX);
    CHECK((p = addFrom(&l, "d1", VIR_TYPED_PARAM_DOUBLE, "3.25")));
    CHECK(p->value.d == 3.25);
    CHECK((p = addFrom(&l, "d2", VIR_TYPED_PARAM_DOUBLE, "-1e3")));
    CHECK(p->value.d == -1000.0);
    CHECK((p = addFrom(&l, "b1", VIR_TYPED_PARAM_BOOLEAN, "TRUE")));
    CHECK(p->value.b == 1);
    CHECK((p = addFrom(&l, "b2", VIR_TYPED_PARAM_BOOLEAN, "1")));
    CHECK(p->value.b == 1);
    CHECK((p = addFrom(&l, "b3", VIR_TYPED_PARAM_BOOLEAN, "False")));
    CHECK(p->value.b == 0);
    CHECK((p = addFrom(&l, "b4", VIR_TYPED_PARAM_BOOLEAN, "0")));
    CHECK(p->value.b == 0);
    CHECK((p = addFrom(&l, "s1", VIR_TYPED_PARAM_STRING, "some text")));
    CHECK_STREQ(p->value.s, "some text");
    CHECK((p = addFrom(&l, "s2", VIR_TYPED_PARAM_STRING, "")));
    CHECK_STREQ(p->value.s, "");
    CHECK_INTEQ(l.nparams, 15);
    return 0;
}


typedef struct {
    int type;
    const char *value;
    int code;
    const char *message;
} FromStringBad;

static const FromStringBad fromStringBad[] = {
    { VIR_TYPED_PARAM_INT, "", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected int" },
    { VIR_TYPED_PARAM_INT, "12x", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected int" },
    { VIR_TYPED_PARAM_INT, "2147483648", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected int" },
    { VIR_TYPED_PARAM_INT, "0x10", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected int" },
    { VIR_TYPED_PARAM_UINT, "4294967296", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected unsigned int" },
    { VIR_TYPED_PARAM_UINT, "-4294967296", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected unsigned int" },
    { VIR_TYPED_PARAM_UINT, "abc", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected unsigned int" },
    { VIR_TYPED_PARAM_LLONG, "9223372036854775808", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected long long" },
    { VIR_TYPED_PARAM_LLONG, "1.5", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected long long" },
    { VIR_TYPED_PARAM_ULLONG, "18446744073709551616", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected unsigned long long" },
    { VIR_TYPED_PARAM_ULLONG, "", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected unsigned long long" },
    { VIR_TYPED_PARAM_DOUBLE, "1.5.2", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected double" },
    { VIR_TYPED_PARAM_DOUBLE, "1e999", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected double" },
    { VIR_TYPED_PARAM_DOUBLE, "1,5", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid value for field 'f': expected double" },
    { VIR_TYPED_PARAM_BOOLEAN, "yes", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid boolean value for field 'f'" },
    { VIR_TYPED_PARAM_BOOLEAN, "2", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid boolean value for field 'f'" },
    { VIR_TYPED_PARAM_BOOLEAN, "", VIR_ERR_INVALID_ARG,
      "invalid argument: Invalid boolean value for field 'f'" },
    { VIR_TYPED_PARAM_STRING, NULL, VIR_ERR_INVALID_ARG,
      "invalid argument: NULL value for field 'f'" },
    { VIR_TYPED_PARAM_INT, NULL, VIR_ERR_INVALID_ARG,
      "invalid argument: NULL value for field 'f'" },
    { 0, "1", VIR_ERR_INTERNAL_ERROR,
      "internal error: unexpected type 0 for field f" },
    { VIR_TYPED_PARAM_LAST, "1", VIR_ERR_INTERNAL_ERROR,
      "internal error: unexpected type 8 for field f" },
};

static int
testFromStringBad(void)
{
    g_auto(TestList) l = { 0 };
    size_t k;

    for (k = 0; k < G_N_ELEMENTS(fromStringBad); k++) {
        const FromStringBad *t = &fromStringBad[k];

        if (virTypedParamsAddFromString(L(l), "f", t->type, t->value) != -1) {
            fprintf(stderr, "case %zu: '%s' accepted\n", k, t->value);
            return -1;
        }
        CHECK_ERROR(t->code, t->message);
        CHECK_INTEQ(l.nparams, 0);
    }
    /* Room was made even though nothing was added. */
    CHECK_INTEQ(l.maxparams, 1);
    return 0;
}


static int
testClearFree(void)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    int i;

    for (i = 0; i < 10; i++) {
        g_autofree char *name = g_strdup_printf("s%d", i);

        if (virTypedParamsAddString(&params, &nparams, &maxparams, name,
                                    "value") < 0 ||
            virTypedParamsAddInt(&params, &nparams, &maxparams, "n", i) < 0)
            return -1;
    }

    /* Clear frees the strings and leaves the array usable. */
    virTypedParamsClear(params, nparams);
    CHECK(params[0].value.s == NULL);
    CHECK_INTEQ(params[1].value.i, 0);
    CHECK_INTEQ(params[0].type, VIR_TYPED_PARAM_STRING);
    virTypedParamsFree(params, nparams);

    /* NULL is a no-op for both. */
    virTypedParamsClear(NULL, 3);
    virTypedParamsFree(NULL, 3);
    return 0;
}


static int
testValidate(void)
{
    g_auto(TestList) l = { 0 };

    CHECK_INTEQ(virTypedParamsAddInt(L(l), "b", 1), 0);
    CHECK_INTEQ(virTypedParamsAddString(L(l), "a", "x"), 0);
    CHECK_INTEQ(virTypedParamsAddString(L(l), "m", "1"), 0);
    CHECK_INTEQ(virTypedParamsAddString(L(l), "m", "2"), 0);

    CHECK_INTEQ(virTypedParamsValidate(l.params, l.nparams,
                                       "a", VIR_TYPED_PARAM_STRING,
                                       "b", VIR_TYPED_PARAM_INT,
                                       "c", VIR_TYPED_PARAM_DOUBLE,
                                       "m", VIR_TYPED_PARAM_STRING |
                                            VIR_TYPED_PARAM_MULTIPLE,
                                       NULL), 0);

    /* Empty list is always fine, even with no names. */
    CHECK_INTEQ(virTypedParamsValidate(NULL, 0, NULL), 0);

    /* Unknown name. */
    CHECK_INTEQ(virTypedParamsValidate(l.params, l.nparams,
                                       "a", VIR_TYPED_PARAM_STRING,
                                       "m", VIR_TYPED_PARAM_STRING |
                                            VIR_TYPED_PARAM_MULTIPLE,
                                       NULL), -1);
    CHECK_ERROR(VIR_ERR_ARGUMENT_UNSUPPORTED,
                "argument unsupported: parameter 'b' not supported");
    CHECK_INTEQ(virTypedParamsValidate(l.params, l.nparams, NULL), -1);
    CHECK_ERROR(VIR_ERR_ARGUMENT_UNSUPPORTED,
                "argument unsupported: parameter 'a' not supported");

    /* Wrong type. */
    CHECK_INTEQ(virTypedParamsValidate(l.params, l.nparams,
                                       "a", VIR_TYPED_PARAM_STRING,
                                       "b", VIR_TYPED_PARAM_ULLONG,
                                       "m", VIR_TYPED_PARAM_STRING |
                                            VIR_TYPED_PARAM_MULTIPLE,
                                       NULL), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: invalid type 'int' for parameter 'b', "
                "expected 'ullong'");

    /* Duplicate of a name without MULTIPLE. */
    CHECK_INTEQ(virTypedParamsValidate(l.params, l.nparams,
                                       "a", VIR_TYPED_PARAM_STRING,
                                       "b", VIR_TYPED_PARAM_INT,
                                       "m", VIR_TYPED_PARAM_STRING,
                                       NULL), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: parameter 'm' occurs multiple times");

    /* The first problem in name order wins: 'a' (type) before 'b'. */
    CHECK_INTEQ(virTypedParamsValidate(l.params, l.nparams,
                                       "a", VIR_TYPED_PARAM_INT,
                                       "m", VIR_TYPED_PARAM_STRING,
                                       NULL), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: invalid type 'string' for parameter 'a', "
                "expected 'int'");

    /* A too long accepted name is a programming error. */
    CHECK_INTEQ(virTypedParamsValidate(l.params, l.nparams,
                                       LONG_NAME, VIR_TYPED_PARAM_INT,
                                       NULL), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR,
                "internal error: Field name '" LONG_NAME "' too long");
    return 0;
}


static int
testValidateBadType(void)
{
    virTypedParameter p[1] = { 0 };

    g_strlcpy(p[0].field, "x", sizeof(p[0].field));
    p[0].type = 42;
    CHECK_INTEQ(virTypedParamsValidate(p, 1, "x", VIR_TYPED_PARAM_INT, NULL), -1);
    CHECK_ERROR(VIR_ERR_INVALID_ARG,
                "invalid argument: invalid type 'unknown' for parameter 'x', "
                "expected 'int'");
    return 0;
}


static int
testCheck(void)
{
    g_auto(TestList) l = { 0 };
    const char *names[] = { "a", "b" };

    CHECK_INTEQ(virTypedParamsAddInt(L(l), "a", 1), 0);
    CHECK_INTEQ(virTypedParamsAddInt(L(l), "b", 1), 0);
    CHECK(virTypedParamsCheck(l.params, l.nparams, names, 2));
    CHECK(!virTypedParamsCheck(l.params, l.nparams, names, 1));
    CHECK(virTypedParamsCheck(l.params, 0, names, 0));
    return 0;
}


static int
testAssign(void)
{
    virTypedParameter p = { 0 };
    g_autofree char *str = NULL;

    CHECK_INTEQ(virTypedParameterAssign(&p, "u", VIR_TYPED_PARAM_ULLONG,
                                        (unsigned long long)1 << 40), 0);
    CHECK_STREQ(p.field, "u");
    CHECK_INTEQ(p.type, VIR_TYPED_PARAM_ULLONG);
    CHECK(p.value.ul == (unsigned long long)1 << 40);

    CHECK_INTEQ(virTypedParameterAssign(&p, "d", VIR_TYPED_PARAM_DOUBLE, 0.5), 0);
    CHECK(p.value.d == 0.5);
    str = virTypedParameterToString(&p);
    CHECK_STREQ(str, "0.5");
    g_clear_pointer(&str, g_free);

    /* A string is taken over; NULL becomes "". */
    CHECK_INTEQ(virTypedParameterAssign(&p, "s", VIR_TYPED_PARAM_STRING,
                                        g_strdup("owned")), 0);
    CHECK_STREQ(p.value.s, "owned");
    virTypedParamsClear(&p, 1);
    CHECK_INTEQ(virTypedParameterAssign(&p, "s", VIR_TYPED_PARAM_STRING, NULL), 0);
    CHECK_STREQ(p.value.s, "");
    virTypedParamsClear(&p, 1);

    CHECK_INTEQ(virTypedParameterAssign(&p, "x", 99, 1), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR,
                "internal error: unexpected type 99 for field x");
    CHECK_INTEQ(virTypedParameterAssign(&p, LONG_NAME, VIR_TYPED_PARAM_INT, 1), -1);
    CHECK_ERROR(VIR_ERR_INTERNAL_ERROR,
                "internal error: Field name '" LONG_NAME "' too long");
    return 0;
}


static int
testCopyFilter(void)
{
    g_auto(TestList) l = { 0 };
    virTypedParameterPtr copy = NULL;
    g_autofree virTypedParameterPtr *found = NULL;
    int rc = 0;

    CHECK_INTEQ(virTypedParamsAddString(L(l), "s", "text"), 0);
    CHECK_INTEQ(virTypedParamsAddLLong(L(l), "n", -5), 0);
    CHECK_INTEQ(virTypedParamsAddString(L(l), "s", "more"), 0);

    virTypedParamsCopy(&copy, l.params, l.nparams);
    if (!copy || copy[0].value.s == l.params[0].value.s ||
        STRNEQ(copy[0].value.s, "text") || copy[1].value.l != -5 ||
        STRNEQ(copy[2].field, "s"))
        rc = -1;
    virTypedParamsFree(copy, l.nparams);
    CHECK_INTEQ(rc, 0);

    virTypedParamsCopy(&copy, NULL, 3);
    CHECK(copy == NULL);

    CHECK_INTEQ(virTypedParamsFilter(l.params, l.nparams, "s", &found), 2);
    CHECK(found[0] == &l.params[0]);
    CHECK(found[1] == &l.params[2]);
    g_clear_pointer(&found, g_free);
    CHECK_INTEQ(virTypedParamsFilter(l.params, l.nparams, "zz", &found), 0);
    return 0;
}


static int
testTypeNames(void)
{
    static const char *const names[] = {
        "unknown", "int", "uint", "llong", "ullong", "double", "boolean",
        "string",
    };
    int t;

    for (t = 0; t < VIR_TYPED_PARAM_LAST; t++) {
        CHECK_STREQ(virTypedParameterTypeToString(t), names[t]);
        CHECK_INTEQ(virTypedParameterTypeFromString(names[t]), t);
    }
    CHECK(virTypedParameterTypeToString(VIR_TYPED_PARAM_LAST) == NULL);
    CHECK(virTypedParameterTypeToString(-1) == NULL);
    CHECK_INTEQ(virTypedParameterTypeFromString("bool"), -1);
    return 0;
}


int
main(void)
{
    virTestRun("add and get every type", testAddGetAll);
    virTestRun("get missing and NULL arguments", testGetMissingAndNull);
    virTestRun("get with the wrong type", testGetWrongType);
    virTestRun("duplicate names", testDuplicates);
    virTestRun("name length limit", testNameLength);
    virTestRun("maxparams growth", testGrowth);
    virTestRun("preallocated array", testPreallocated);
    virTestRun("string values", testStringValues);
    virTestRun("boolean normalized", testBooleanNormalized);
    virTestRun("add with NULL arguments", testAddNullArgs);
    virTestRun("string list", testStringList);
    virTestRun("from string: valid", testFromStringGood);
    virTestRun("from string: invalid", testFromStringBad);
    virTestRun("clear and free", testClearFree);
    virTestRun("validate", testValidate);
    virTestRun("validate unknown type", testValidateBadType);
    virTestRun("check names", testCheck);
    virTestRun("assign", testAssign);
    virTestRun("copy and filter", testCopyFilter);
    virTestRun("type names", testTypeNames);
    return virTestDone();
}
