/*
 * virtypedparam.c: internal helpers for arrays of virTypedParameter.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static const char *const typeNames[] = {
    [0] = "unknown",
    [VIR_TYPED_PARAM_INT] = "int",
    [VIR_TYPED_PARAM_UINT] = "uint",
    [VIR_TYPED_PARAM_LLONG] = "llong",
    [VIR_TYPED_PARAM_ULLONG] = "ullong",
    [VIR_TYPED_PARAM_DOUBLE] = "double",
    [VIR_TYPED_PARAM_BOOLEAN] = "boolean",
    [VIR_TYPED_PARAM_STRING] = "string",
};
G_STATIC_ASSERT(G_N_ELEMENTS(typeNames) == VIR_TYPED_PARAM_LAST);


const char *
virTypedParameterTypeToString(int type)
{
    if (type < 0 || type >= VIR_TYPED_PARAM_LAST)
        return NULL;
    return typeNames[type];
}


int
virTypedParameterTypeFromString(const char *name)
{
    size_t i;

    if (!name)
        return -1;
    for (i = 0; i < G_N_ELEMENTS(typeNames); i++) {
        if (STREQ(typeNames[i], name))
            return i;
    }
    return -1;
}


/* One accepted name of virTypedParamsValidate(). */
typedef struct {
    const char *name;
    int type;
    bool multiple;
} virTypedParamKey;

static int
keyCompare(const void *a, const void *b)
{
    const virTypedParamKey *ka = a;
    const virTypedParamKey *kb = b;

    return strcmp(ka->name, kb->name);
}

static int
paramPtrCompare(const void *a, const void *b)
{
    const virTypedParameter *const *pa = a;
    const virTypedParameter *const *pb = b;

    return strcmp((*pa)->field, (*pb)->field);
}

/* Collect the (name, type) pairs of @ap, sorted by name, into *@keys. */
static int
validateCollectKeys(va_list ap, GArray **keys)
{
    g_autoptr(GArray) arr = g_array_new(FALSE, FALSE, sizeof(virTypedParamKey));
    const char *name;

    while ((name = va_arg(ap, const char *))) {
        unsigned int type = va_arg(ap, unsigned int);
        virTypedParamKey key = {
            .name = name,
            .type = type & ~VIR_TYPED_PARAM_MULTIPLE,
            .multiple = !!(type & VIR_TYPED_PARAM_MULTIPLE),
        };

        if (strlen(name) >= VIR_TYPED_PARAM_FIELD_LENGTH) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "Field name '%s' too long", name);
            return -1;
        }
        g_array_append_val(arr, key);
    }

    g_array_sort(arr, keyCompare);
    *keys = g_steal_pointer(&arr);
    return 0;
}

/* Check @sorted (parameter pointers in name order) against @keys. */
static int
validateSorted(virTypedParameterPtr *sorted, size_t n, GArray *keys)
{
    size_t i;

    for (i = 0; i < n; i++) {
        virTypedParamKey probe = { .name = sorted[i]->field };
        const virTypedParamKey *key = NULL;

        if (keys->len > 0)
            key = bsearch(&probe, keys->data, keys->len,
                          sizeof(virTypedParamKey), keyCompare);
        if (!key) {
            virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                           "parameter '%s' not supported", sorted[i]->field);
            return -1;
        }
        if (i > 0 && !key->multiple &&
            STREQ(sorted[i - 1]->field, sorted[i]->field)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "parameter '%s' occurs multiple times",
                           sorted[i]->field);
            return -1;
        }
        if (sorted[i]->type != key->type) {
            const char *actual = virTypedParameterTypeToString(sorted[i]->type);
            const char *expected = virTypedParameterTypeToString(key->type);

            virReportError(VIR_ERR_INVALID_ARG,
                           "invalid type '%s' for parameter '%s', expected '%s'",
                           actual ? actual : typeNames[0], sorted[i]->field,
                           expected ? expected : typeNames[0]);
            return -1;
        }
    }
    return 0;
}


int
virTypedParamsValidate(virTypedParameterPtr params, int nparams, ...)
{
    g_autoptr(GArray) keys = NULL;
    g_autofree virTypedParameterPtr *sorted = NULL;
    size_t n = nparams > 0 && params ? nparams : 0;
    size_t i;
    va_list ap;
    int rc;

    va_start(ap, nparams);
    rc = validateCollectKeys(ap, &keys);
    va_end(ap);
    if (rc < 0)
        return -1;

    sorted = g_new0(virTypedParameterPtr, n + 1);
    for (i = 0; i < n; i++)
        sorted[i] = params + i;
    qsort(sorted, n, sizeof(*sorted), paramPtrCompare);

    return validateSorted(sorted, n, keys);
}


bool
virTypedParamsCheck(virTypedParameterPtr params, int nparams,
                    const char **names, int nnames)
{
    int i;
    int j;

    for (i = 0; i < nparams; i++) {
        bool known = false;

        for (j = 0; j < nnames && !known; j++)
            known = STREQ(params[i].field, names[j]);
        if (!known)
            return false;
    }
    return true;
}


/* Store the value of @type from @ap into @param; a string is taken over. */
static int
assignValue(virTypedParameterPtr param, int type, va_list ap)
{
    switch ((virTypedParameterType)type) {
    case VIR_TYPED_PARAM_INT:
        param->value.i = va_arg(ap, int);
        break;
    case VIR_TYPED_PARAM_UINT:
        param->value.ui = va_arg(ap, unsigned int);
        break;
    case VIR_TYPED_PARAM_LLONG:
        param->value.l = va_arg(ap, long long);
        break;
    case VIR_TYPED_PARAM_ULLONG:
        param->value.ul = va_arg(ap, unsigned long long);
        break;
    case VIR_TYPED_PARAM_DOUBLE:
        param->value.d = va_arg(ap, double);
        break;
    case VIR_TYPED_PARAM_BOOLEAN:
        param->value.b = va_arg(ap, int) != 0;
        break;
    case VIR_TYPED_PARAM_STRING:
        param->value.s = va_arg(ap, char *);
        if (!param->value.s)
            param->value.s = g_strdup("");
        break;
    case VIR_TYPED_PARAM_LAST:
    default:
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected type %d for field %s", type, param->field);
        return -1;
    }
    param->type = type;
    return 0;
}


int
virTypedParameterAssign(virTypedParameterPtr param, const char *name,
                        int type, ...)
{
    va_list ap;
    int rc;

    if (g_strlcpy(param->field, name, sizeof(param->field)) >=
        sizeof(param->field)) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Field name '%s' too long", name);
        return -1;
    }

    va_start(ap, type);
    rc = assignValue(param, type, ap);
    va_end(ap);
    return rc;
}


void
virTypedParamsCopy(virTypedParameterPtr *dst,
                   virTypedParameterPtr src, int nparams)
{
    int i;

    *dst = NULL;
    if (!src || nparams <= 0)
        return;

    *dst = g_new0(virTypedParameter, nparams);
    for (i = 0; i < nparams; i++) {
        (*dst)[i] = src[i];
        if (src[i].type == VIR_TYPED_PARAM_STRING)
            (*dst)[i].value.s = g_strdup(src[i].value.s);
    }
}


int
virTypedParamsFilter(virTypedParameterPtr params, int nparams,
                     const char *name, virTypedParameterPtr **ret)
{
    int n = 0;
    int i;

    *ret = g_new0(virTypedParameterPtr, nparams > 0 ? nparams : 1);
    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, name))
            (*ret)[n++] = params + i;
    }
    return n;
}


int
virTypedParamsGetStringList(virTypedParameterPtr params, int nparams,
                            const char *name, const char ***values)
{
    g_autofree virTypedParameterPtr *found = NULL;
    int nfound;
    int n = 0;
    int i;

    if (!values) {
        virReportInvalidNonNullArg(values);
        return -1;
    }
    *values = NULL;

    nfound = virTypedParamsFilter(params, nparams, name, &found);
    if (nfound == 0)
        return 0;

    *values = g_new0(const char *, nfound);
    for (i = 0; i < nfound; i++) {
        if (found[i]->type == VIR_TYPED_PARAM_STRING)
            (*values)[n++] = found[i]->value.s;
    }
    return n;
}


char *
virTypedParameterToString(virTypedParameterPtr param)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];

    switch ((virTypedParameterType)param->type) {
    case VIR_TYPED_PARAM_INT:
        return g_strdup_printf("%d", param->value.i);
    case VIR_TYPED_PARAM_UINT:
        return g_strdup_printf("%u", param->value.ui);
    case VIR_TYPED_PARAM_LLONG:
        return g_strdup_printf("%lld", param->value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return g_strdup_printf("%llu", param->value.ul);
    case VIR_TYPED_PARAM_DOUBLE:
        return g_strdup(g_ascii_formatd(buf, sizeof(buf), "%g", param->value.d));
    case VIR_TYPED_PARAM_BOOLEAN:
        return g_strdup_printf("%d", param->value.b);
    case VIR_TYPED_PARAM_STRING:
        return g_strdup(param->value.s);
    case VIR_TYPED_PARAM_LAST:
    default:
        break;
    }
    virReportError(VIR_ERR_INTERNAL_ERROR,
                   "unexpected type %d for field %s",
                   param->type, param->field);
    return NULL;
}
