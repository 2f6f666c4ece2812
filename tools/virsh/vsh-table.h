/*
 * vsh-table.h: column tables for list commands (see vsh-table.c).
 */
#pragma once

#include "vsh.h"

typedef struct _vshTable vshTable;

/* A table whose header row is the NULL-terminated list of titles. */
vshTable *vshTableNew(const char *arg, ...) G_GNUC_NULL_TERMINATED;
/* One row, as many cells as titles; -1 on a mismatch. */
int vshTableRowAppend(vshTable *table, const char *arg, ...)
    G_GNUC_NULL_TERMINATED;
void vshTableFree(vshTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(vshTable, vshTableFree);

char *vshTablePrintToString(vshTable *table, bool header);
void vshTablePrintToStdout(vshTable *table, vshControl *ctl);
