#include "cli/table.h"

#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/utf8.h"
#include "model/visible.h"

int Table_parseFormat(const char *s, TableFormat *f) {
   if (!s || strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
      *f = TABLE_TEXT;
   else if (strcmp(s, "csv") == 0)
      *f = TABLE_CSV;
   else if (strcmp(s, "json") == 0)
      *f = TABLE_JSON;
   else
      return -1;
   return 0;
}

void Table_init(Table *t, size_t ncols, const char *const *head) {
   memset(t, 0, sizeof *t);
   t->ncols = ncols;
   t->head = head;
}

void Table_free(Table *t) {
   for (size_t i = 0; i < t->nrows * t->ncols; i++)
      free(t->cells[i]);
   free(t->cells);
   memset(t, 0, sizeof *t);
}

bool Table_add(Table *t, const char *const *cells) {
   if (t->nrows == t->cap) {
      size_t cap = t->cap ? t->cap * 2 : 32;
      char **n = realloc(t->cells, cap * t->ncols * sizeof *n);
      if (!n)
         return false;
      t->cells = n;
      t->cap = cap;
   }
   char **row = t->cells + t->nrows * t->ncols;
   for (size_t c = 0; c < t->ncols; c++) {
      /* A tab or a newline inside a cell would break the columns. */
      row[c] = Visible_dup(cells[c] ? cells[c] : "", 0);
      if (!row[c]) {
         while (c-- > 0)
            free(row[c]);
         return false;
      }
   }
   t->nrows++;
   return true;
}

static void csv_cell(FILE *out, const char *s) {
   if (!strpbrk(s, ",\"\r\n")) {
      fputs(s, out);
      return;
   }
   fputc('"', out);
   for (; *s; s++) {
      if (*s == '"')
         fputc('"', out);
      fputc(*s, out);
   }
   fputc('"', out);
}

static void json_string(FILE *out, const char *s) {
   fputc('"', out);
   for (; *s; s++) {
      unsigned char c = (unsigned char)*s;
      if (c == '"' || c == '\\')
         fprintf(out, "\\%c", c);
      else if (c < 0x20)
         fprintf(out, "\\u%04x", c);
      else
         fputc(c, out);
   }
   fputc('"', out);
}

void Table_print(const Table *t, FILE *out, TableFormat f, bool tty) {
   if (f == TABLE_CSV) {
      for (size_t c = 0; c < t->ncols; c++) {
         if (c)
            fputc(',', out);
         csv_cell(out, t->head[c]);
      }
      fputs("\r\n", out);
      for (size_t r = 0; r < t->nrows; r++) {
         for (size_t c = 0; c < t->ncols; c++) {
            if (c)
               fputc(',', out);
            csv_cell(out, t->cells[r * t->ncols + c]);
         }
         fputs("\r\n", out);
      }
      return;
   }
   if (f == TABLE_JSON) {
      fputs("[", out);
      for (size_t r = 0; r < t->nrows; r++) {
         fputs(r ? ",\n {" : "\n {", out);
         for (size_t c = 0; c < t->ncols; c++) {
            if (c)
               fputs(", ", out);
            json_string(out, t->head[c]);
            fputs(": ", out);
            json_string(out, t->cells[r * t->ncols + c]);
         }
         fputc('}', out);
      }
      fputs(t->nrows ? "\n]\n" : "]\n", out);
      return;
   }
   if (!tty) {
      for (size_t r = 0; r < t->nrows; r++)
         for (size_t c = 0; c < t->ncols; c++)
            fprintf(out, "%s%c", t->cells[r * t->ncols + c], c + 1 < t->ncols ? '\t' : '\n');
      return;
   }
   size_t *w = calloc(t->ncols, sizeof *w);
   if (!w)
      return;
   for (size_t c = 0; c < t->ncols; c++)
      w[c] = Utf8_length(t->head[c], strlen(t->head[c]));
   for (size_t r = 0; r < t->nrows; r++)
      for (size_t c = 0; c < t->ncols; c++) {
         const char *s = t->cells[r * t->ncols + c];
         size_t l = Utf8_length(s, strlen(s));
         if (l > w[c])
            w[c] = l;
      }
   for (size_t r = 0; r <= t->nrows; r++) {
      for (size_t c = 0; c < t->ncols; c++) {
         const char *s = r == 0 ? t->head[c] : t->cells[(r - 1) * t->ncols + c];
         fputs(s, out);
         if (c + 1 < t->ncols)
            fprintf(out, "%*s", (int)(w[c] - Utf8_length(s, strlen(s)) + 2), "");
      }
      fputc('\n', out);
   }
   free(w);
}
