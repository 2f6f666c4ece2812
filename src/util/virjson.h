/*
 * virjson.h: JSON values for the QMP monitor, the guest agent and status
 * files.
 *
 * A virJSONValue is a tree that owns its children.  Numbers keep their
 * text exactly as parsed or formatted, so any 64-bit integer (and any
 * number QEMU sends) round-trips unchanged; the typed getters convert on
 * demand and fail (-1) when the text does not fit the asked type.
 * Objects keep their keys in insertion order and refuse duplicates.
 *
 * Building is done with explicit, typed calls (no format-string builder):
 *
 *   g_autoptr(virJSONValue) cmd = virJSONValueNewObject();
 *   g_autoptr(virJSONValue) args = virJSONValueNewObject();
 *   virJSONValueObjectAppendString(args, "device", "drive0");
 *   virJSONValueObjectAppendNumberUlong(args, "size", size);
 *   virJSONValueObjectAppendString(cmd, "execute", "block_resize");
 *   virJSONValueObjectAppend(cmd, "arguments", &args);
 *
 * Functions that take a virJSONValue ** steal it on success and set the
 * caller's pointer to NULL; on failure it stays with the caller.
 * Getters on a value of the wrong type return NULL / -1 without
 * reporting an error; appends report one.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <glib.h>

#include "util/virbuffer.h"

typedef enum {
    VIR_JSON_TYPE_OBJECT,
    VIR_JSON_TYPE_ARRAY,
    VIR_JSON_TYPE_STRING,
    VIR_JSON_TYPE_NUMBER,
    VIR_JSON_TYPE_BOOLEAN,
    VIR_JSON_TYPE_NULL,
} virJSONType;

typedef struct _virJSONValue virJSONValue;

void virJSONValueFree(virJSONValue *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virJSONValue, virJSONValueFree);

/* A GDestroyNotify for hash tables of values. */
void virJSONValueHashFree(void *opaque);

virJSONType virJSONValueGetType(const virJSONValue *value);

/* Constructors.  virJSONValueNewString takes ownership of @data (as in
 * libvirt); a NULL @data gives a JSON null.  Doubles are written with
 * "%f" in the C locale, as libvirt does. */
virJSONValue *virJSONValueNewString(char *data);
virJSONValue *virJSONValueNewNumberInt(int data);
virJSONValue *virJSONValueNewNumberUint(unsigned int data);
virJSONValue *virJSONValueNewNumberLong(long long data);
virJSONValue *virJSONValueNewNumberUlong(unsigned long long data);
virJSONValue *virJSONValueNewNumberDouble(double data);
virJSONValue *virJSONValueNewBoolean(int boolean);
virJSONValue *virJSONValueNewNull(void);
virJSONValue *virJSONValueNewArray(void);
virJSONValue *virJSONValueNewObject(void);

/* A deep copy (NULL for NULL). */
virJSONValue *virJSONValueCopy(const virJSONValue *in);

/* Objects.  Append reports "expecting JSON object" or "duplicate key
 * '%s'"; Prepend puts the key first. */
int virJSONValueObjectAppend(virJSONValue *object, const char *key,
                             virJSONValue **value);
int virJSONValueObjectAppendString(virJSONValue *object, const char *key,
                                   const char *value);
int virJSONValueObjectAppendStringPrintf(virJSONValue *object,
                                         const char *key,
                                         const char *fmt, ...)
    G_GNUC_PRINTF(3, 4);
int virJSONValueObjectPrependString(virJSONValue *object, const char *key,
                                    const char *value);
int virJSONValueObjectAppendNumberInt(virJSONValue *object, const char *key,
                                      int number);
int virJSONValueObjectAppendNumberUint(virJSONValue *object, const char *key,
                                       unsigned int number);
int virJSONValueObjectAppendNumberLong(virJSONValue *object, const char *key,
                                       long long number);
int virJSONValueObjectAppendNumberUlong(virJSONValue *object,
                                        const char *key,
                                        unsigned long long number);
int virJSONValueObjectAppendNumberDouble(virJSONValue *object,
                                         const char *key, double number);
int virJSONValueObjectAppendBoolean(virJSONValue *object, const char *key,
                                    int boolean);
int virJSONValueObjectAppendNull(virJSONValue *object, const char *key);

bool virJSONValueObjectHasKey(virJSONValue *object, const char *key);
virJSONValue *virJSONValueObjectGet(virJSONValue *object, const char *key);
virJSONValue *virJSONValueObjectGetByType(virJSONValue *object,
                                          const char *key, virJSONType type);
virJSONValue *virJSONValueObjectGetObject(virJSONValue *object,
                                          const char *key);
virJSONValue *virJSONValueObjectGetArray(virJSONValue *object,
                                         const char *key);
const char *virJSONValueObjectGetString(virJSONValue *object,
                                        const char *key);
/* The text of a string or number member. */
const char *virJSONValueObjectGetStringOrNumber(virJSONValue *object,
                                                const char *key);
int virJSONValueObjectGetNumberInt(virJSONValue *object, const char *key,
                                   int *value);
int virJSONValueObjectGetNumberUint(virJSONValue *object, const char *key,
                                    unsigned int *value);
int virJSONValueObjectGetNumberLong(virJSONValue *object, const char *key,
                                    long long *value);
int virJSONValueObjectGetNumberUlong(virJSONValue *object, const char *key,
                                     unsigned long long *value);
int virJSONValueObjectGetNumberDouble(virJSONValue *object, const char *key,
                                      double *value);
int virJSONValueObjectGetBoolean(virJSONValue *object, const char *key,
                                 bool *value);
/* True if @key is present with a JSON null. */
bool virJSONValueObjectIsNull(virJSONValue *object, const char *key);

/* Detach the member @key if it has the given type (else NULL, and the
 * object is unchanged). */
virJSONValue *virJSONValueObjectStealArray(virJSONValue *object,
                                           const char *key);
virJSONValue *virJSONValueObjectStealObject(virJSONValue *object,
                                            const char *key);

/* 1 if removed (the value handed to *@value when given, else freed), 0
 * if absent, -1 if @object is not an object. */
int virJSONValueObjectRemoveKey(virJSONValue *object, const char *key,
                                virJSONValue **value);

/* Replace the value of an existing @key, taking *@newval. */
void virJSONValueObjectReplaceValue(virJSONValue *object, const char *key,
                                    virJSONValue **newval);

/* Members by position (-1 / NULL for a non-object or bad index). */
int virJSONValueObjectKeysNumber(virJSONValue *object);
const char *virJSONValueObjectGetKey(virJSONValue *object, unsigned int n);
virJSONValue *virJSONValueObjectGetValue(virJSONValue *object,
                                         unsigned int n);

typedef int (*virJSONValueObjectIteratorFunc)(const char *key,
                                              virJSONValue *value,
                                              void *opaque);
/* 0 after visiting every member, -2 if @cb returned < 0, -1 for a
 * non-object. */
int virJSONValueObjectForeachKeyValue(virJSONValue *object,
                                      virJSONValueObjectIteratorFunc cb,
                                      void *opaque);

/* Arrays.  Append and Concat report "expecting JSON array".  Concat
 * moves every element of @c to the end of @a. */
int virJSONValueArrayAppend(virJSONValue *array, virJSONValue **value);
int virJSONValueArrayAppendString(virJSONValue *array, const char *value);
int virJSONValueArrayConcat(virJSONValue *a, virJSONValue *c);
bool virJSONValueIsObject(virJSONValue *object);
bool virJSONValueIsArray(virJSONValue *array);
size_t virJSONValueArraySize(const virJSONValue *array);
virJSONValue *virJSONValueArrayGet(virJSONValue *array, unsigned int element);
virJSONValue *virJSONValueArraySteal(virJSONValue *array,
                                     unsigned int element);

/* Call @cb on each element; elements for which it returns 0 are taken
 * by it and removed, those with 1 stay; a negative return stops the
 * walk and gives -1. */
typedef int (*virJSONArrayIteratorFunc)(size_t pos, virJSONValue *item,
                                        void *opaque);
int virJSONValueArrayForeachSteal(virJSONValue *array,
                                  virJSONArrayIteratorFunc cb, void *opaque);

/* A NULL-terminated copy of an array of strings; reports an error for a
 * non-array or a non-string element. */
char **virJSONValueArrayToStringList(virJSONValue *array);

/* Scalars. */
const char *virJSONValueGetString(virJSONValue *string);
const char *virJSONValueGetNumberString(virJSONValue *number);
int virJSONValueGetNumberInt(virJSONValue *number, int *value);
int virJSONValueGetNumberUint(virJSONValue *number, unsigned int *value);
int virJSONValueGetNumberLong(virJSONValue *number, long long *value);
int virJSONValueGetNumberUlong(virJSONValue *number,
                               unsigned long long *value);
int virJSONValueGetNumberDouble(virJSONValue *number, double *value);
int virJSONValueGetBoolean(virJSONValue *boolean, bool *value);
bool virJSONValueIsNull(virJSONValue *value);

/* Parse a complete JSON text (RFC 8259; surrounding whitespace allowed).
 * Failure is VIR_ERR_INTERNAL_ERROR "cannot parse json TEXT: REASON". */
virJSONValue *virJSONValueFromString(const char *jsonstring);

/* Format compactly, or with @pretty as libvirt does (two-space indent,
 * "key": value, a final newline).  Strings are written as bytes with
 * '"', '\\' and control characters escaped. */
char *virJSONValueToString(virJSONValue *object, bool pretty);
int virJSONValueToBuffer(virJSONValue *object, virBuffer *buf, bool pretty);

/* Parse and format again. */
char *virJSONStringReformat(const char *jsonstr, bool pretty);
