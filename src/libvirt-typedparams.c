/*
 * libvirt-typedparams.c: the public virTypedParams* functions.
 *
 * A list is an array of virTypedParameter plus a count (nparams) and,
 * for the Add* functions, the number of elements allocated (maxparams).
 * Add* grows the array geometrically and zero-fills the new elements;
 * string values are owned by the list and released by Clear/Free.
 * Adding a name that is already present is allowed: several values under
 * one name is how string lists (AddStringList) are passed.
 */
#include "internal.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>

#include "datatypes.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/*
 * Check the list arguments shared by every Add* function (libvirt itself
 * would crash on these; we report them as the public function @funcname
 * would with virReportInvalidNonNullArg).
 */
static int
typedParamsCheckAddArgs(const char *funcname, virTypedParameterPtr *params,
                        int *nparams, int *maxparams, const char *name)
{
    const char *argname = NULL;

    if (!params)
        argname = "params";
    else if (!nparams)
        argname = "nparams";
    else if (!maxparams)
        argname = "maxparams";
    else if (!name)
        argname = "name";
    else
        return 0;

    virRaiseErrorFull(__FILE__, funcname, __LINE__, VIR_FROM_THIS,
                      VIR_ERR_INVALID_ARG, VIR_ERR_ERROR, funcname, argname,
                      NULL, 0, 0, "%s in %s must not be NULL",
                      argname, funcname);
    return -1;
}

/*
 * Make room for one more element after the *@nparams in use and return
 * it.  Growth follows libvirt's: by what is missing, but by at least
 * half the current allocation.
 */
static virTypedParameterPtr
typedParamsReserve(virTypedParameterPtr *params, int *nparams, int *maxparams)
{
    size_t n = *nparams > 0 ? *nparams : 0;
    size_t alloc = *maxparams > 0 ? *maxparams : 0;

    if (n + 1 > alloc) {
        size_t delta = n + 1 - alloc;

        if (delta < alloc / 2)
            delta = alloc / 2;
        *params = g_renew(virTypedParameter, *params, alloc + delta);
        memset(*params + alloc, 0, delta * sizeof(virTypedParameter));
        *maxparams = alloc + delta;
    }
    return *params + n;
}


VIR_EXPORT virTypedParameterPtr
virTypedParamsGet(virTypedParameterPtr params,
                  int nparams,
                  const char *name)
{
    int i;

    /* Reports nothing, so leaves the last error alone. */
    if (!params || !name)
        return NULL;

    for (i = 0; i < nparams; i++) {
        if (STREQ(params[i].field, name))
            return params + i;
    }
    return NULL;
}


/*
 * Find @name for a Get* function: 1 and *@param when it exists with type
 * @type, 0 when absent, -1 (error dispatched) when its type differs.
 */
static int
typedParamsLookup(virTypedParameterPtr params, int nparams,
                  const char *name, int type, virTypedParameterPtr *param)
{
    virResetLastError();

    if (!(*param = virTypedParamsGet(params, nparams, name)))
        return 0;

    if ((*param)->type != type) {
        const char *actual = virTypedParameterTypeToString((*param)->type);

        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid type '%s' requested for parameter '%s', actual type is '%s'",
                       virTypedParameterTypeToString(type), name,
                       actual ? actual : "(null)");
        virDispatchError(NULL);
        return -1;
    }
    return 1;
}


VIR_EXPORT int
virTypedParamsGetInt(virTypedParameterPtr params, int nparams,
                     const char *name, int *value)
{
    virTypedParameterPtr param;
    int rc = typedParamsLookup(params, nparams, name,
                               VIR_TYPED_PARAM_INT, &param);

    if (rc == 1 && value)
        *value = param->value.i;
    return rc;
}


VIR_EXPORT int
virTypedParamsGetUInt(virTypedParameterPtr params, int nparams,
                      const char *name, unsigned int *value)
{
    virTypedParameterPtr param;
    int rc = typedParamsLookup(params, nparams, name,
                               VIR_TYPED_PARAM_UINT, &param);

    if (rc == 1 && value)
        *value = param->value.ui;
    return rc;
}


VIR_EXPORT int
virTypedParamsGetLLong(virTypedParameterPtr params, int nparams,
                       const char *name, long long *value)
{
    virTypedParameterPtr param;
    int rc = typedParamsLookup(params, nparams, name,
                               VIR_TYPED_PARAM_LLONG, &param);

    if (rc == 1 && value)
        *value = param->value.l;
    return rc;
}


VIR_EXPORT int
virTypedParamsGetULLong(virTypedParameterPtr params, int nparams,
                        const char *name, unsigned long long *value)
{
    virTypedParameterPtr param;
    int rc = typedParamsLookup(params, nparams, name,
                               VIR_TYPED_PARAM_ULLONG, &param);

    if (rc == 1 && value)
        *value = param->value.ul;
    return rc;
}


VIR_EXPORT int
virTypedParamsGetDouble(virTypedParameterPtr params, int nparams,
                        const char *name, double *value)
{
    virTypedParameterPtr param;
    int rc = typedParamsLookup(params, nparams, name,
                               VIR_TYPED_PARAM_DOUBLE, &param);

    if (rc == 1 && value)
        *value = param->value.d;
    return rc;
}


VIR_EXPORT int
virTypedParamsGetBoolean(virTypedParameterPtr params, int nparams,
                         const char *name, int *value)
{
    virTypedParameterPtr param;
    int rc = typedParamsLookup(params, nparams, name,
                               VIR_TYPED_PARAM_BOOLEAN, &param);

    if (rc == 1 && value)
        *value = param->value.b ? 1 : 0;
    return rc;
}


/* The string stays owned by @params. */
VIR_EXPORT int
virTypedParamsGetString(virTypedParameterPtr params, int nparams,
                        const char *name, const char **value)
{
    virTypedParameterPtr param;
    int rc = typedParamsLookup(params, nparams, name,
                               VIR_TYPED_PARAM_STRING, &param);

    if (rc == 1 && value)
        *value = param->value.s;
    return rc;
}


/*
 * The body of the Add* functions for fixed-size types, on behalf of the
 * public @funcname: the value follows @type as one variadic argument of
 * the matching default-promoted C type and is handed on to
 * virTypedParameterAssign().
 */
static int
typedParamsAddValue(const char *funcname, virTypedParameterPtr *params,
                    int *nparams, int *maxparams, const char *name,
                    int type, ...)
{
    virTypedParameterPtr param;
    va_list ap;
    int rc;

    if (typedParamsCheckAddArgs(funcname, params, nparams, maxparams,
                                name) < 0)
        goto error;

    param = typedParamsReserve(params, nparams, maxparams);

    va_start(ap, type);
    switch ((virTypedParameterType)type) {
    case VIR_TYPED_PARAM_INT:
    case VIR_TYPED_PARAM_BOOLEAN:
        rc = virTypedParameterAssign(param, name, type, va_arg(ap, int));
        break;
    case VIR_TYPED_PARAM_UINT:
        rc = virTypedParameterAssign(param, name, type,
                                     va_arg(ap, unsigned int));
        break;
    case VIR_TYPED_PARAM_LLONG:
        rc = virTypedParameterAssign(param, name, type, va_arg(ap, long long));
        break;
    case VIR_TYPED_PARAM_ULLONG:
        rc = virTypedParameterAssign(param, name, type,
                                     va_arg(ap, unsigned long long));
        break;
    case VIR_TYPED_PARAM_DOUBLE:
        rc = virTypedParameterAssign(param, name, type, va_arg(ap, double));
        break;
    case VIR_TYPED_PARAM_STRING:
    case VIR_TYPED_PARAM_LAST:
    default:
        virReportEnumRangeError(virTypedParameterType, type);
        rc = -1;
        break;
    }
    va_end(ap);
    if (rc < 0)
        goto error;

    *nparams += 1;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}


VIR_EXPORT int
virTypedParamsAddInt(virTypedParameterPtr *params, int *nparams,
                     int *maxparams, const char *name, int value)
{
    virResetLastError();
    return typedParamsAddValue(__FUNCTION__, params, nparams, maxparams,
                               name, VIR_TYPED_PARAM_INT, value);
}


VIR_EXPORT int
virTypedParamsAddUInt(virTypedParameterPtr *params, int *nparams,
                      int *maxparams, const char *name, unsigned int value)
{
    virResetLastError();
    return typedParamsAddValue(__FUNCTION__, params, nparams, maxparams,
                               name, VIR_TYPED_PARAM_UINT, value);
}


VIR_EXPORT int
virTypedParamsAddLLong(virTypedParameterPtr *params, int *nparams,
                       int *maxparams, const char *name, long long value)
{
    virResetLastError();
    return typedParamsAddValue(__FUNCTION__, params, nparams, maxparams,
                               name, VIR_TYPED_PARAM_LLONG, value);
}


VIR_EXPORT int
virTypedParamsAddULLong(virTypedParameterPtr *params, int *nparams,
                        int *maxparams, const char *name,
                        unsigned long long value)
{
    virResetLastError();
    return typedParamsAddValue(__FUNCTION__, params, nparams, maxparams,
                               name, VIR_TYPED_PARAM_ULLONG, value);
}


VIR_EXPORT int
virTypedParamsAddDouble(virTypedParameterPtr *params, int *nparams,
                        int *maxparams, const char *name, double value)
{
    virResetLastError();
    return typedParamsAddValue(__FUNCTION__, params, nparams, maxparams,
                               name, VIR_TYPED_PARAM_DOUBLE, value);
}


VIR_EXPORT int
virTypedParamsAddBoolean(virTypedParameterPtr *params, int *nparams,
                         int *maxparams, const char *name, int value)
{
    virResetLastError();
    return typedParamsAddValue(__FUNCTION__, params, nparams, maxparams,
                               name, VIR_TYPED_PARAM_BOOLEAN, value);
}


/* @value is copied; NULL stores an empty string. */
VIR_EXPORT int
virTypedParamsAddString(virTypedParameterPtr *params, int *nparams,
                        int *maxparams, const char *name, const char *value)
{
    virTypedParameterPtr param;
    g_autofree char *copy = NULL;

    virResetLastError();
    if (typedParamsCheckAddArgs(__FUNCTION__, params, nparams, maxparams,
                                name) < 0)
        goto error;

    param = typedParamsReserve(params, nparams, maxparams);
    copy = g_strdup(value);
    if (virTypedParameterAssign(param, name, VIR_TYPED_PARAM_STRING,
                                copy) < 0)
        goto error;
    copy = NULL; /* now owned by @param, or replaced by "" if it was NULL */

    *nparams += 1;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}


/*
 * Add one string parameter @name per element of NULL-terminated @values;
 * on failure the elements added before it stay in the list.  An empty
 * @values adds nothing and succeeds (libvirt 9.0.0 returns -1 there
 * without setting any error).
 */
VIR_EXPORT int
virTypedParamsAddStringList(virTypedParameterPtr *params, int *nparams,
                            int *maxparams, const char *name,
                            const char **values)
{
    size_t i;

    virResetLastError();

    if (!values)
        return 0;

    for (i = 0; values[i]; i++) {
        if (virTypedParamsAddString(params, nparams, maxparams,
                                    name, values[i]) < 0)
            return -1;
    }
    return 0;
}


/* Parsers for virTypedParamsAddFromString(): the whole of @str must be
 * one base-10 number within range; they return false otherwise. */
static bool
parseLLong(const char *str, long long *out)
{
    char *end;

    errno = 0;
    *out = strtoll(str, &end, 10);
    return errno == 0 && end != str && *end == '\0';
}

static bool
parseULLong(const char *str, unsigned long long *out)
{
    char *end;

    /* As strtoull, "-N" wraps around (two's complement). */
    errno = 0;
    *out = strtoull(str, &end, 10);
    return errno == 0 && end != str && *end == '\0';
}

static bool
parseInt(const char *str, int *out)
{
    long long val;

    if (!parseLLong(str, &val) || val < INT_MIN || val > INT_MAX)
        return false;
    *out = val;
    return true;
}

/* "-N" is accepted for N up to UINT_MAX and wraps, so "-1" is UINT_MAX. */
static bool
parseUInt(const char *str, unsigned int *out)
{
    unsigned long long val;

    if (!parseULLong(str, &val))
        return false;
    if (strchr(str, '-')) {
        if (-val > UINT_MAX)
            return false;
        val &= 0xffffffffULL;
    } else if (val > UINT_MAX) {
        return false;
    }
    *out = val;
    return true;
}

/* Locale-independent: the decimal separator is always '.'. */
static bool
parseDouble(const char *str, double *out)
{
    char *end;

    errno = 0;
    *out = g_ascii_strtod(str, &end);
    return errno == 0 && end != str && *end == '\0';
}

static bool
parseBoolean(const char *str, bool *out)
{
    if (g_ascii_strcasecmp(str, "true") == 0 || STREQ(str, "1")) {
        *out = true;
        return true;
    }
    if (g_ascii_strcasecmp(str, "false") == 0 || STREQ(str, "0")) {
        *out = false;
        return true;
    }
    return false;
}


/* Parse @str as @type into @param->value, reporting what was expected. */
static int
assignFromString(virTypedParameterPtr param, const char *name,
                 int type, const char *str)
{
    const char *expected = NULL;

    switch ((virTypedParameterType)type) {
    case VIR_TYPED_PARAM_INT:
        if (!parseInt(str, &param->value.i))
            expected = "int";
        break;
    case VIR_TYPED_PARAM_UINT:
        if (!parseUInt(str, &param->value.ui))
            expected = "unsigned int";
        break;
    case VIR_TYPED_PARAM_LLONG:
        if (!parseLLong(str, &param->value.l))
            expected = "long long";
        break;
    case VIR_TYPED_PARAM_ULLONG:
        if (!parseULLong(str, &param->value.ul))
            expected = "unsigned long long";
        break;
    case VIR_TYPED_PARAM_DOUBLE:
        if (!parseDouble(str, &param->value.d))
            expected = "double";
        break;
    case VIR_TYPED_PARAM_BOOLEAN: {
        bool b;

        if (!parseBoolean(str, &b)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Invalid boolean value for field '%s'", name);
            return -1;
        }
        param->value.b = b;
        break;
    }
    case VIR_TYPED_PARAM_STRING:
        param->value.s = g_strdup(str);
        break;
    case VIR_TYPED_PARAM_LAST:
    default:
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unexpected type %d for field %s", type, name);
        return -1;
    }

    if (expected) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "Invalid value for field '%s': expected %s",
                       name, expected);
        return -1;
    }
    param->type = type;
    return 0;
}


VIR_EXPORT int
virTypedParamsAddFromString(virTypedParameterPtr *params, int *nparams,
                            int *maxparams, const char *name, int type,
                            const char *value)
{
    virTypedParameterPtr param;

    virResetLastError();
    if (typedParamsCheckAddArgs(__FUNCTION__, params, nparams, maxparams,
                                name) < 0)
        goto error;

    param = typedParamsReserve(params, nparams, maxparams);

    if (!value) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "NULL value for field '%s'", name);
        goto error;
    }
    if (strlen(name) >= VIR_TYPED_PARAM_FIELD_LENGTH) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Field name '%s' too long", name);
        goto error;
    }
    memset(param, 0, sizeof(*param));
    g_strlcpy(param->field, name, sizeof(param->field));
    if (assignFromString(param, name, type, value) < 0)
        goto error;

    *nparams += 1;
    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}


VIR_EXPORT void
virTypedParamsClear(virTypedParameterPtr params, int nparams)
{
    int i;

    if (!params)
        return;

    for (i = 0; i < nparams; i++) {
        if (params[i].type == VIR_TYPED_PARAM_STRING)
            g_clear_pointer(&params[i].value.s, g_free);
    }
}


VIR_EXPORT void
virTypedParamsFree(virTypedParameterPtr params, int nparams)
{
    virTypedParamsClear(params, nparams);
    g_free(params);
}
