/*
 * typed-params.c: the typed parameter helpers of the public API (the
 * lists network ports, domains and the node hand out): adding every
 * type, from strings and as string lists, reading them back with and
 * without a type, and the errors of duplicates, wrong types, bad values
 * and missing arguments.
 */
#include "compat.h"

static void
show(virTypedParameterPtr params, int n)
{
    int i;

    printf("  %d parameters\n", n);
    for (i = 0; i < n; i++) {
        virTypedParameterPtr p = &params[i];

        printf("  [%d] %s type=%d ", i, p->field, p->type);
        switch (p->type) {
        case VIR_TYPED_PARAM_INT:
            printf("%d\n", p->value.i);
            break;
        case VIR_TYPED_PARAM_UINT:
            printf("%u\n", p->value.ui);
            break;
        case VIR_TYPED_PARAM_LLONG:
            printf("%lld\n", p->value.l);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            printf("%llu\n", p->value.ul);
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            printf("%.3f\n", p->value.d);
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            printf("%d\n", p->value.b);
            break;
        case VIR_TYPED_PARAM_STRING:
            printf("'%s'\n", p->value.s ? p->value.s : "(null)");
            break;
        default:
            printf("?\n");
        }
    }
}

static void
add(virTypedParameterPtr *params, int *n, int *max)
{
    static const char *list[] = { "a", "b", "c", NULL };

    compatSection("adding every type");
    CHECK_INT(virTypedParamsAddInt(params, n, max, "int", -7));
    CHECK_INT(virTypedParamsAddUInt(params, n, max, "uint", 4000000000u));
    CHECK_INT(virTypedParamsAddLLong(params, n, max, "llong", -9000000000LL));
    CHECK_INT(virTypedParamsAddULLong(params, n, max, "ullong", 18000000000000000000ULL));
    CHECK_INT(virTypedParamsAddDouble(params, n, max, "double", 2.5));
    CHECK_INT(virTypedParamsAddBoolean(params, n, max, "bool", 5));
    CHECK_INT(virTypedParamsAddString(params, n, max, "string", "hello"));
    CHECK_INT(virTypedParamsAddStringList(params, n, max, "list", list));
    show(*params, *n);

    compatSection("names again, and too long");
    CHECK_INT(virTypedParamsAddInt(params, n, max, "int", 1));
    CHECK_INT(virTypedParamsAddString(params, n, max, "string", "again"));
    CHECK_INT(virTypedParamsAddStringList(params, n, max, "list", list));
    CHECK_INT(virTypedParamsAddInt(params, n, max,
                                   "a-name-that-is-longer-than-the-eighty-characters-a-field-has-room-for-in-libvirt",
                                   1));
    CHECK_INT(virTypedParamsAddString(params, n, max, "nullstr", NULL));
    show(*params, *n);
}

static void
fromString(virTypedParameterPtr *params, int *n, int *max)
{
    compatSection("adding from strings");
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-int", VIR_TYPED_PARAM_INT, "-12"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-uint", VIR_TYPED_PARAM_UINT, "12"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-llong", VIR_TYPED_PARAM_LLONG, "-1234567890123"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-ullong", VIR_TYPED_PARAM_ULLONG, "1234567890123"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-double", VIR_TYPED_PARAM_DOUBLE, "0.125"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-bool1", VIR_TYPED_PARAM_BOOLEAN, "yes"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-bool2", VIR_TYPED_PARAM_BOOLEAN, "0"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-string", VIR_TYPED_PARAM_STRING, "text"));
    show(*params, *n);

    compatSection("bad strings");
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "b-int", VIR_TYPED_PARAM_INT, "x1"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "b-uint", VIR_TYPED_PARAM_UINT, "-1"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "b-int2", VIR_TYPED_PARAM_INT, "99999999999"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "b-llong", VIR_TYPED_PARAM_LLONG, "1.5"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "b-double", VIR_TYPED_PARAM_DOUBLE, "half"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "b-bool", VIR_TYPED_PARAM_BOOLEAN, "maybe"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "b-type", 99, "1"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "s-int", VIR_TYPED_PARAM_INT, "1"));
    CHECK_INT(virTypedParamsAddFromString(params, n, max, "b-null", VIR_TYPED_PARAM_STRING, NULL));
    printf("  still %d parameters\n", *n);
}

static void
get(virTypedParameterPtr params, int n)
{
    int i = 0;
    unsigned int ui = 0;
    long long l = 0;
    unsigned long long ul = 0;
    double d = 0;
    int b = 0;
    const char *s = NULL;
    virTypedParameterPtr p;

    compatSection("reading them back");
    if (CHECK_INT(virTypedParamsGetInt(params, n, "int", &i)) == 1)
        printf("  int=%d\n", i);
    if (CHECK_INT(virTypedParamsGetUInt(params, n, "uint", &ui)) == 1)
        printf("  uint=%u\n", ui);
    if (CHECK_INT(virTypedParamsGetLLong(params, n, "llong", &l)) == 1)
        printf("  llong=%lld\n", l);
    if (CHECK_INT(virTypedParamsGetULLong(params, n, "ullong", &ul)) == 1)
        printf("  ullong=%llu\n", ul);
    if (CHECK_INT(virTypedParamsGetDouble(params, n, "double", &d)) == 1)
        printf("  double=%.3f\n", d);
    if (CHECK_INT(virTypedParamsGetBoolean(params, n, "bool", &b)) == 1)
        printf("  bool=%d\n", b);
    if (CHECK_INT(virTypedParamsGetString(params, n, "string", &s)) == 1)
        printf("  string=%s\n", s);
    if (CHECK_INT(virTypedParamsGetString(params, n, "list", &s)) == 1)
        printf("  list (first)=%s\n", s);
    p = virTypedParamsGet(params, n, "s-double");
    printf("virTypedParamsGet(s-double) -> %s type=%d\n", p ? p->field : "NULL", p ? p->type : -1);
    p = virTypedParamsGet(params, n, "nosuch");
    printf("virTypedParamsGet(nosuch) -> %s\n", p ? p->field : "NULL");

    compatSection("absent names and wrong types");
    CHECK_INT(virTypedParamsGetInt(params, n, "nosuch", &i));
    CHECK_INT(virTypedParamsGetInt(params, n, "uint", &i));
    CHECK_INT(virTypedParamsGetString(params, n, "int", &s));
    CHECK_INT(virTypedParamsGetBoolean(params, n, "string", &b));
    CHECK_INT(virTypedParamsGetDouble(params, n, "llong", &d));
    CHECK_INT(virTypedParamsGetULLong(params, n, "uint", &ul));
    CHECK_INT(virTypedParamsGetInt(params, n, NULL, &i));
    CHECK_INT(virTypedParamsGetInt(params, n, "int", NULL));
    CHECK_INT(virTypedParamsGetInt(NULL, 0, "int", &i));
    CHECK_INT(virTypedParamsGetInt(NULL, 3, "int", &i));
}

int
main(int argc, char **argv)
{
    virTypedParameterPtr params = NULL;
    int n = 0;
    int max = 0;

    (void)argc;
    (void)argv;
    /* without a connection nothing has set the library up yet */
    CHECK_INT(virInitialize());
    add(&params, &n, &max);
    fromString(&params, &n, &max);
    get(params, n);

    compatSection("clear and free");
    virTypedParamsClear(params, n);
    printf("virTypedParamsClear -> done\n");
    virTypedParamsClear(NULL, 0);
    virTypedParamsFree(params, 0);
    params = NULL;
    n = max = 0;
    CHECK_INT(virTypedParamsAddString(&params, &n, &max, "again", "x"));
    show(params, n);
    virTypedParamsFree(params, n);
    virTypedParamsFree(NULL, 0);
    printf("virTypedParamsFree -> done\n");
    return 0;
}
