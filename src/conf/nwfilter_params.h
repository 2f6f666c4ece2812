/*
 * nwfilter_params.h: filter parameters (<parameter name= value=/>), kept
 * as a table name -> values, and the $VAR[...] references rule
 * attributes make to them.
 */
#pragma once

#include "internal.h"
#include "util/virbuffer.h"
#include "util/virxml.h"

#define VIR_NWFILTER_VALID_VARNAME \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
#define VIR_NWFILTER_VALID_VARVALUE \
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:"
#define VIR_NWFILTER_MAX_ITERID 1000

/* The values of one parameter name, in document order (one or more). */
typedef struct _virNWFilterVarValue virNWFilterVarValue;
struct _virNWFilterVarValue {
    size_t nvalues;
    char **values;
};

void virNWFilterVarValueFree(virNWFilterVarValue *val);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterVarValue, virNWFilterVarValueFree);
virNWFilterVarValue *virNWFilterVarValueCopy(const virNWFilterVarValue *val);
/* A value of one string, @value copied. */
virNWFilterVarValue *virNWFilterVarValueNewSimple(const char *value);

/* A new table name -> virNWFilterVarValue, owning its values. */
GHashTable *virNWFilterParamsNew(void);

/* The <parameter> children of @node; ill-formed names and values are
 * skipped, a repeated name collects its values.  Never fails. */
GHashTable *virNWFilterParseParamAttributes(xmlNodePtr node);

/* <filterref filter='@filterref'> with one <parameter> per value, names
 * in sorted order. */
void virNWFilterFormatParamAttributes(virBuffer *buf, GHashTable *table,
                                      const char *filterref);

/* Copy every entry of @src into @dest, replacing entries of equal name. */
void virNWFilterHashTablePutAll(GHashTable *src, GHashTable *dest);

/* A reference to a variable in a rule attribute: $IP, $IP[2], $IP[@1]. */
typedef enum {
    VIR_NWFILTER_VAR_ACCESS_ELEMENT = 0,    /* $IP[2]: one fixed value */
    VIR_NWFILTER_VAR_ACCESS_ITERATOR,       /* $IP, $IP[@1]: iterated */

    VIR_NWFILTER_VAR_ACCESS_LAST
} virNWFilterVarAccessType;

typedef struct _virNWFilterVarAccess virNWFilterVarAccess;
struct _virNWFilterVarAccess {
    virNWFilterVarAccessType type;
    char *name;
    unsigned int index;     /* ELEMENT: the value's position; ITERATOR: id */
};

void virNWFilterVarAccessFree(virNWFilterVarAccess *access);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virNWFilterVarAccess, virNWFilterVarAccessFree);
/* Writes the reference without its leading '$'. */
void virNWFilterVarAccessPrint(const virNWFilterVarAccess *access,
                               virBuffer *buf);
/* Does @vars (name -> virNWFilterVarValue) give what @access refers to:
 * the variable, and for $VAR[N] its value number N? */
bool virNWFilterVarAccessIsAvailable(const virNWFilterVarAccess *access,
                                     GHashTable *vars);
