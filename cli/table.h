/* Tables printed by the archive commands (list, reservations, ...):
 * aligned columns with a header on a terminal, tab-separated lines without
 * a header to a pipe (for cut, sort, grep), or CSV / JSON on request. Every
 * cell passes through Visible_append. */
#ifndef GAVEL_CLI_TABLE_H
#define GAVEL_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum TableFormat { TABLE_TEXT, TABLE_CSV, TABLE_JSON } TableFormat;

typedef struct Table {
   size_t ncols;
   const char *const *head;  /* column names (JSON keys, CSV header) */
   char **cells;             /* nrows * ncols, made visible */
   size_t nrows, cap;
} Table;

/* "text", "csv", "json" (NULL: text). -1 when unknown. */
int Table_parseFormat(const char *s, TableFormat *f);
void Table_init(Table *t, size_t ncols, const char *const *head);
void Table_free(Table *t);
/* One row of ncols cells (NULL reads as ""). false on ENOMEM. */
bool Table_add(Table *t, const char *const *cells);
/* Prints it; tty: aligned with a header (text format only). */
void Table_print(const Table *t, FILE *out, TableFormat f, bool tty);

#endif
