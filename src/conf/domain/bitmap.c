/*
 * bitmap.c: CPU and NUMA node lists in canonical text form.
 */
#include "internal.h"
#include "conf/domain/bitmap.h"
#include "util/virstring.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

#define BITMAP_MAX (1u << 16)

static int
virDomainBitmapParseOne(const char **cur, unsigned int *start, unsigned int *end)
{
    char *tmp;

    if (virStrToLong_uip(*cur, &tmp, 10, start) < 0)
        return -1;
    *end = *start;
    *cur = tmp;
    virSkipSpaces(cur);
    if (**cur == '-') {
        (*cur)++;
        virSkipSpaces(cur);
        if (virStrToLong_uip(*cur, &tmp, 10, end) < 0 || *end < *start)
            return -1;
        *cur = tmp;
    }
    return (*start >= BITMAP_MAX || *end >= BITMAP_MAX) ? -1 : 0;
}


static GArray *
virDomainBitmapParse(const char *str)
{
    g_autoptr(GArray) bits = g_array_new(FALSE, TRUE, sizeof(gboolean));
    const char *cur = str;
    unsigned int start, end, i;
    bool neg;

    virSkipSpaces(&cur);
    if (*cur == '\0')
        return g_steal_pointer(&bits);
    while (true) {
        virSkipSpaces(&cur);
        neg = *cur == '^';
        if (neg)
            cur++;
        if (virDomainBitmapParseOne(&cur, &start, &end) < 0 || (neg && start != end))
            return NULL;
        if (end >= bits->len)
            g_array_set_size(bits, end + 1);
        for (i = start; i <= end; i++)
            g_array_index(bits, gboolean, i) = !neg;
        virSkipSpaces(&cur);
        if (*cur == '\0')
            break;
        if (*cur != ',')
            return NULL;
        cur++;
    }
    return g_steal_pointer(&bits);
}


char *
virDomainBitmapCanonical(const char *str, bool allowEmpty)
{
    g_autoptr(GArray) bits = virDomainBitmapParse(str);
    GString *out;
    unsigned int i, j;

    if (!bits) {
        virReportError(VIR_ERR_INVALID_ARG, "Failed to parse bitmap '%s'", str);
        return NULL;
    }
    out = g_string_new("");
    for (i = 0; i < bits->len; i++) {
        if (!g_array_index(bits, gboolean, i))
            continue;
        for (j = i; j + 1 < bits->len && g_array_index(bits, gboolean, j + 1); j++)
            ;
        if (out->len)
            g_string_append_c(out, ',');
        if (j == i)
            g_string_append_printf(out, "%u", i);
        else
            g_string_append_printf(out, "%u-%u", i, j);
        i = j;
    }
    if (out->len == 0 && !allowEmpty) {
        g_string_free(out, TRUE);
        virReportError(VIR_ERR_INVALID_ARG, "Failed to parse bitmap '%s'", str);
        return NULL;
    }
    return g_string_free(out, FALSE);
}


bool
virDomainBitmapIsSet(const char *str, unsigned int n)
{
    g_autoptr(GArray) bits = str ? virDomainBitmapParse(str) : NULL;

    return bits && n < bits->len && g_array_index(bits, gboolean, n);
}


int
virDomainBitmapLast(const char *str)
{
    g_autoptr(GArray) bits = str ? virDomainBitmapParse(str) : NULL;
    int i;

    if (!bits)
        return -1;
    for (i = (int)bits->len - 1; i >= 0; i--) {
        if (g_array_index(bits, gboolean, i))
            return i;
    }
    return -1;
}


unsigned int
virDomainBitmapCount(const char *str)
{
    g_autoptr(GArray) bits = str ? virDomainBitmapParse(str) : NULL;
    unsigned int i, n = 0;

    for (i = 0; bits && i < bits->len; i++)
        n += g_array_index(bits, gboolean, i) ? 1 : 0;
    return n;
}
