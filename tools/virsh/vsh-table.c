/*
 * vsh-table.c: the column tables of list commands.
 *
 *    Id   Name   State           <- header (left out with -q)
 *   ----------------------        <- (width + 3) dashes per column
 *    1    test   running
 *
 * Each cell is preceded by one space; columns are padded to the widest
 * cell plus two.  Control characters (and a literal "\x") are shown as
 * \xNN so they cannot break the layout; wide characters count as two.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "vsh-table.h"

struct _vshTable {
    GPtrArray *rows;   /* of GStrv; rows[0] is the header */
    size_t ncols;
};

void
vshTableFree(vshTable *table)
{
    if (!table)
        return;
    g_ptr_array_unref(table->rows);
    g_free(table);
}

static GStrv
vshTableRowNew(const char *arg, va_list ap)
{
    GPtrArray *cells = g_ptr_array_new();

    for (; arg; arg = va_arg(ap, const char *))
        g_ptr_array_add(cells, g_strdup(arg));
    g_ptr_array_add(cells, NULL);
    return (GStrv)g_ptr_array_free(cells, FALSE);
}

vshTable *
vshTableNew(const char *arg, ...)
{
    vshTable *table;
    va_list ap;

    if (!arg)
        return NULL;
    table = g_new0(vshTable, 1);
    table->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    va_start(ap, arg);
    g_ptr_array_add(table->rows, vshTableRowNew(arg, ap));
    va_end(ap);
    table->ncols = g_strv_length(g_ptr_array_index(table->rows, 0));
    return table;
}

int
vshTableRowAppend(vshTable *table, const char *arg, ...)
{
    GStrv row;
    va_list ap;

    if (!arg)
        return -1;
    va_start(ap, arg);
    row = vshTableRowNew(arg, ap);
    va_end(ap);
    if (g_strv_length(row) != table->ncols) {
        g_strfreev(row);
        return -1;
    }
    g_ptr_array_add(table->rows, row);
    return 0;
}

/* \xNN of one byte, as virsh shows it: a byte over 0x7f comes out as
 * "\xff" (its sign-extended form cut to four characters). */
static void
vshTableHexByte(GString *out, char c)
{
    char buf[5];

    g_snprintf(buf, sizeof(buf), "\\x%02x", c);
    g_string_append(out, buf);
}

/* @s with unprintable characters escaped; *width: its display width. */
static char *
vshTableSafeEncode(const char *s, size_t *width)
{
    GString *out = g_string_new(NULL);
    mbstate_t st;
    const char *p = s;

    memset(&st, 0, sizeof(st));
    *width = 0;
    while (p && *p) {
        wchar_t wc;
        size_t len;

        if ((p[0] == '\\' && p[1] == 'x') || g_ascii_iscntrl(*p)) {
            vshTableHexByte(out, *p++);
            *width += 4;
            continue;
        }
        len = mbrtowc(&wc, p, MB_CUR_MAX, &st);
        if (len == 0)
            break;
        if (len == (size_t)-1 || len == (size_t)-2) {
            /* not a valid sequence in this locale: one byte */
            len = 1;
            if (g_ascii_isprint(*p)) {
                g_string_append_c(out, *p);
                *width += 1;
            } else {
                vshTableHexByte(out, *p);
                *width += 4;
            }
        } else if (!iswprint(wc)) {
            size_t i;

            for (i = 0; i < len; i++)
                vshTableHexByte(out, p[i]);
            *width += 4 * len;
        } else {
            g_string_append_len(out, p, len);
            if (!g_unichar_iszerowidth(wc))
                *width += g_unichar_iswide(wc) ? 2 : 1;
        }
        p += len;
    }
    return g_string_free(out, FALSE);
}

char *
vshTablePrintToString(vshTable *table, bool header)
{
    g_autofree size_t *maxw = g_new0(size_t, table->ncols);
    g_autofree size_t *widths = g_new0(size_t, table->rows->len * table->ncols);
    GString *out = g_string_new(NULL);
    size_t first = header ? 0 : 1;
    size_t i;
    size_t j;

    for (i = first; i < table->rows->len; i++) {
        GStrv row = g_ptr_array_index(table->rows, i);

        for (j = 0; j < table->ncols; j++) {
            size_t *w = &widths[i * table->ncols + j];
            char *safe = vshTableSafeEncode(row[j], w);

            g_free(row[j]);
            row[j] = safe;
            maxw[j] = MAX(maxw[j], *w);
        }
    }

    for (i = first; i < table->rows->len; i++) {
        GStrv row = g_ptr_array_index(table->rows, i);

        for (j = 0; j < table->ncols; j++) {
            g_string_append_printf(out, " %s", row[j]);
            if (j + 1 < table->ncols) {
                size_t pad = maxw[j] - widths[i * table->ncols + j] + 2;

                while (pad--)
                    g_string_append_c(out, ' ');
            }
        }
        g_string_append_c(out, '\n');
        if (i == 0) {
            for (j = 0; j < table->ncols; j++) {
                size_t n = maxw[j] + 3;

                while (n--)
                    g_string_append_c(out, '-');
            }
            g_string_append_c(out, '\n');
        }
    }
    return g_string_free(out, FALSE);
}

/* The table on stdout; -q drops the header. */
void
vshTablePrintToStdout(vshTable *table, vshControl *ctl)
{
    g_autofree char *out = vshTablePrintToString(table,
                                                 ctl ? !ctl->quiet : true);

    vshPrint(ctl, "%s", out);
}
