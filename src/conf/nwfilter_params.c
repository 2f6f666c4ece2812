/*
 * nwfilter_params.c: filter parameters (<parameter name= value=/> in a
 * <filterref> or filter binding) and the $VAR, $VAR[2], $VAR[@1]
 * references rule attributes make to them.
 */
#include "internal.h"

#include "conf/nwfilter_params.h"
#include "conf/nwfilter_conf_priv.h"
#include "util/virbuffer.h"
#include "util/virstring.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NWFILTER


/* ===== filter parameters ===== */

void
virNWFilterVarValueFree(virNWFilterVarValue *val)
{
    size_t i;

    if (!val)
        return;
    for (i = 0; i < val->nvalues; i++)
        g_free(val->values[i]);
    g_free(val->values);
    g_free(val);
}


virNWFilterVarValue *
virNWFilterVarValueCopy(const virNWFilterVarValue *val)
{
    virNWFilterVarValue *copy = g_new0(virNWFilterVarValue, 1);
    size_t i;

    copy->values = g_new0(char *, val->nvalues);
    for (i = 0; i < val->nvalues; i++)
        copy->values[i] = g_strdup(val->values[i]);
    copy->nvalues = val->nvalues;
    return copy;
}


static void
virNWFilterVarValueAdd(virNWFilterVarValue *val, const char *value)
{
    val->values = g_renew(char *, val->values, val->nvalues + 1);
    val->values[val->nvalues++] = g_strdup(value);
}


virNWFilterVarValue *
virNWFilterVarValueNewSimple(const char *value)
{
    virNWFilterVarValue *val = g_new0(virNWFilterVarValue, 1);

    virNWFilterVarValueAdd(val, value);
    return val;
}


static void
virNWFilterVarValueHashFree(void *val)
{
    virNWFilterVarValueFree(val);
}


GHashTable *
virNWFilterParamsNew(void)
{
    return g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                 virNWFilterVarValueHashFree);
}


GHashTable *
virNWFilterParseParamAttributes(xmlNodePtr node)
{
    GHashTable *table = virNWFilterParamsNew();
    xmlNodePtr cur;

    for (cur = xmlFirstElementChild(node); cur; cur = xmlNextElementSibling(cur)) {
        g_autofree char *name = NULL;
        g_autofree char *value = NULL;
        virNWFilterVarValue *val;

        if (!virXMLNodeNameEqual(cur, "parameter"))
            continue;
        name = virXMLPropString(cur, "name");
        value = virXMLPropString(cur, "value");
        if (!name || name[strspn(name, VIR_NWFILTER_VALID_VARNAME)] ||
            !value || !*value ||
            value[strspn(value, VIR_NWFILTER_VALID_VARVALUE)])
            continue;

        if (!(val = g_hash_table_lookup(table, name))) {
            val = g_new0(virNWFilterVarValue, 1);
            g_hash_table_insert(table, g_steal_pointer(&name), val);
        }
        virNWFilterVarValueAdd(val, value);
    }
    return table;
}


static int
virNWFilterCompareKeys(const void *a, const void *b)
{
    return strcmp(*(char * const *)a, *(char * const *)b);
}


void
virNWFilterFormatParamAttributes(virBuffer *buf, GHashTable *table,
                                 const char *filterref)
{
    g_autofree const char **names = NULL;
    guint nnames = 0;
    guint i;
    size_t j;

    virBufferEscapeString(buf, "<filterref filter='%s'", filterref);
    if (table)
        names = (const char **)g_hash_table_get_keys_as_array(table, &nnames);
    if (nnames == 0) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    qsort(names, nnames, sizeof(*names), virNWFilterCompareKeys);

    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < nnames; i++) {
        const virNWFilterVarValue *val = g_hash_table_lookup(table, names[i]);

        for (j = 0; j < val->nvalues; j++) {
            virBufferEscapeString(buf, "<parameter name='%s'", names[i]);
            virBufferEscapeString(buf, " value='%s'/>\n", val->values[j]);
        }
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</filterref>\n");
}


void
virNWFilterHashTablePutAll(GHashTable *src, GHashTable *dest)
{
    GHashTableIter iter;
    gpointer key;
    gpointer value;

    g_hash_table_iter_init(&iter, src);
    while (g_hash_table_iter_next(&iter, &key, &value))
        g_hash_table_insert(dest, g_strdup(key), virNWFilterVarValueCopy(value));
}


void
virNWFilterVarAccessFree(virNWFilterVarAccess *access)
{
    if (!access)
        return;
    g_free(access->name);
    g_free(access);
}


bool
virNWFilterVarAccessEqual(const virNWFilterVarAccess *a,
                          const virNWFilterVarAccess *b)
{
    return a->type == b->type && a->index == b->index && STREQ(a->name, b->name);
}


/* NAME, NAME[@ITERATOR] or NAME[INDEX], blanks allowed inside the
 * brackets; NULL if malformed. */
virNWFilterVarAccess *
virNWFilterVarAccessParse(const char *str)
{
    g_autoptr(virNWFilterVarAccess) access = g_new0(virNWFilterVarAccess, 1);
    size_t len = strspn(str, VIR_NWFILTER_VALID_VARNAME);
    const char *cur = str + len;
    char *end = NULL;

    access->name = g_strndup(str, len);
    access->type = VIR_NWFILTER_VAR_ACCESS_ITERATOR;
    if (*cur == '\0')
        return g_steal_pointer(&access);
    if (*cur++ != '[')
        return NULL;

    virSkipSpaces(&cur);
    if (*cur == '@')
        cur++;
    else
        access->type = VIR_NWFILTER_VAR_ACCESS_ELEMENT;
    if (virStrToLong_ui(cur, &end, 10, &access->index) < 0)
        return NULL;
    cur = end;
    virSkipSpaces(&cur);
    if (*cur != ']')
        return NULL;
    if (access->type == VIR_NWFILTER_VAR_ACCESS_ITERATOR &&
        access->index > VIR_NWFILTER_MAX_ITERID)
        return NULL;
    return g_steal_pointer(&access);
}


void
virNWFilterVarAccessPrint(const virNWFilterVarAccess *access, virBuffer *buf)
{
    virBufferAdd(buf, access->name, -1);
    if (access->type == VIR_NWFILTER_VAR_ACCESS_ELEMENT)
        virBufferAsprintf(buf, "[%u]", access->index);
    else if (access->index != 0)
        virBufferAsprintf(buf, "[@%u]", access->index);
}


bool
virNWFilterVarAccessIsAvailable(const virNWFilterVarAccess *access, GHashTable *vars)
{
    const virNWFilterVarValue *val = g_hash_table_lookup(vars, access->name);

    if (!val)
        return false;
    return access->type != VIR_NWFILTER_VAR_ACCESS_ELEMENT || access->index < val->nvalues;
}
