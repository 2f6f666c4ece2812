/*
 * virtypedparam.h: internal helpers for arrays of virTypedParameter.
 *
 * The public virTypedParams* functions live in src/libvirt-typedparams.c;
 * this header holds what drivers use to check and build parameter lists.
 */
#pragma once

#include "internal.h"

/*
 * VIR_TYPED_PARAM_MULTIPLE: or-ed into a type given to
 * virTypedParamsValidate(), it lets that name occur more than once.
 */
#define VIR_TYPED_PARAM_MULTIPLE (1U << 31)

G_STATIC_ASSERT(!(VIR_TYPED_PARAM_LAST & VIR_TYPED_PARAM_MULTIPLE));

/* "int", "uint", ..., "string"; index 0 is "unknown".  NULL when @type
 * is out of range. */
const char *virTypedParameterTypeToString(int type);

/* The virTypedParameterType named @name, or -1. */
int virTypedParameterTypeFromString(const char *name);

/*
 * virTypedParamsValidate:
 * @params, @nparams: the list to check
 * ...: pairs of (const char *name, int type), the type optionally or-ed
 *      with VIR_TYPED_PARAM_MULTIPLE, ended by NULL
 *
 * Check that every parameter has one of the given names, carries that
 * name's type and occurs only once unless the name allows several.
 * Problems are looked for in the order of the parameter names (strcmp),
 * and the first one found is reported.
 *
 * Returns 0 if the list is acceptable, -1 with an error set otherwise.
 */
int virTypedParamsValidate(virTypedParameterPtr params, int nparams, ...)
    G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;

/* true if every parameter is named in @names (@nnames entries). */
bool virTypedParamsCheck(virTypedParameterPtr params, int nparams,
                         const char **names, int nnames);

/*
 * virTypedParameterAssign:
 * @param: the element to fill
 * @name: its name (at most VIR_TYPED_PARAM_FIELD_LENGTH - 1 bytes)
 * @type: a virTypedParameterType
 * ...: one value of the C type matching @type (int for booleans); a
 *      string is taken over by @param (NULL stores an empty string)
 *
 * Returns 0 on success, -1 with an error set otherwise.
 */
int virTypedParameterAssign(virTypedParameterPtr param, const char *name,
                            int type, ...)
    G_GNUC_WARN_UNUSED_RESULT;

/* Deep copy of @src into a new array in *@dst (NULL when empty). */
void virTypedParamsCopy(virTypedParameterPtr *dst,
                        virTypedParameterPtr src, int nparams);

/*
 * virTypedParamsFilter:
 * Point *@ret (a new array, free it with g_free) at each parameter named
 * @name.  Returns how many were found.
 */
int virTypedParamsFilter(virTypedParameterPtr params, int nparams,
                         const char *name, virTypedParameterPtr **ret)
    G_GNUC_WARN_UNUSED_RESULT;

/*
 * virTypedParamsGetStringList:
 * Store in *@values (a new array, g_free it, but not its strings, which
 * belong to @params) the values of the string parameters named @name;
 * *@values is NULL when there are none.  Returns how many, or -1.
 */
int virTypedParamsGetStringList(virTypedParameterPtr params, int nparams,
                                const char *name, const char ***values);

/* The value of @param as text (numbers in the C locale), or NULL with an
 * error set for an unknown type. */
char *virTypedParameterToString(virTypedParameterPtr param);
