#include "render/doc.h"

#include <stdlib.h>
#include <string.h>

#include "render/chars.h"

void Doc_init(Doc *d) {
   memset(d, 0, sizeof *d);
}

static void Doc_freeHeader(DocHeader *h) {
   free(h->placeDate);
   free(h->language);
   free(h->docno);
   free(h->marking);
   for (size_t i = 0; i < h->ncodes; i++)
      free(h->codes[i]);
   free(h->codes);
   free(h->title);
   free(h->from);
   free(h->on);
   free(h->to);
   free(h->subject);
   for (size_t i = 0; i < h->nto_lines; i++)
      free(h->to_lines[i]);
   free(h->to_lines);
   for (size_t i = 0; i < h->nextra; i++) {
      free(h->extra_labels[i]);
      free(h->extra_values[i]);
   }
   free(h->extra_labels);
   free(h->extra_values);
   free(h->access);
}

static void Doc_freeBlock(DocBlock *b) {
   free(b->number);
   free(b->text);
   for (size_t c = 0; c < b->rows * b->cols; c++)
      free(b->cells[c]);
   free(b->cells);
   free(b->values);
}

void Doc_free(Doc *d) {
   Doc_freeHeader(&d->header);
   for (size_t i = 0; i < d->count; i++)
      Doc_freeBlock(&d->blocks[i]);
   free(d->blocks);
   memset(d, 0, sizeof *d);
}

void Doc_stream(Doc *d, DocEmit emit, void *ctx) {
   d->emit = emit;
   d->emitCtx = ctx;
}

void Doc_flush(Doc *d) {
   if (!d->emit)
      return;
   for (size_t i = 0; i < d->count; i++) {
      d->emit(d->emitCtx, d, &d->blocks[i]);
      Doc_freeBlock(&d->blocks[i]);
   }
   d->count = 0;
}

static char *Doc_clean(const char *s) {
   return s ? Chars_cleandup(s, 0) : NULL;
}

static DocBlock *Doc_push(Doc *d, DocKind kind) {
   /* the blocks so far are complete: only the last paragraph grows */
   Doc_flush(d);
   if (d->count == d->cap) {
      size_t cap = d->cap ? d->cap * 2 : 32;
      DocBlock *b = realloc(d->blocks, cap * sizeof *b);
      if (!b)
         abort();
      d->blocks = b;
      d->cap = cap;
   }
   DocBlock *b = &d->blocks[d->count++];
   memset(b, 0, sizeof *b);
   b->kind = kind;
   return b;
}

void Doc_heading(Doc *d, int level, const char *number, const char *title) {
   DocBlock *b = Doc_push(d, DOC_HEADING);
   b->level = level;
   b->number = Doc_clean(number ? number : "");
   b->text = Doc_clean(title ? title : "");
}

void Doc_docs(Doc *d, const char *text) {
   Doc_push(d, DOC_DOCS)->text = Doc_clean(text);
}

void Doc_para(Doc *d, const char *text) {
   Doc_push(d, DOC_PARA)->text = Doc_clean(text);
}

void Doc_paraMore(Doc *d, const char *text) {
   DocBlock *last = d->count ? &d->blocks[d->count - 1] : NULL;
   if (!last || last->kind != DOC_PARA) {
      Doc_para(d, text);
      return;
   }
   char *t = Doc_clean(text);
   size_t a = strlen(last->text), b = strlen(t);
   char *n = realloc(last->text, a + b + 2);
   if (!n)
      abort();
   n[a] = ' ';
   memcpy(n + a + 1, t, b + 1);
   last->text = n;
   free(t);
}

void Doc_list(Doc *d, const char *const *entries, size_t n) {
   DocBlock *b = Doc_push(d, DOC_LIST);
   b->rows = n;
   b->cols = 1;
   b->cells = calloc(n ? n : 1, sizeof *b->cells);
   if (!b->cells)
      abort();
   for (size_t i = 0; i < n; i++)
      b->cells[i] = Doc_clean(entries[i] ? entries[i] : "");
}

static void Doc_grow(char ***arr, size_t n) {
   char **a = realloc(*arr, (n + 1) * sizeof *a);
   if (!a)
      abort();
   *arr = a;
}

void Doc_addTo(Doc *d, const char *addressee) {
   DocHeader *h = &d->header;
   Doc_grow(&h->to_lines, h->nto_lines);
   h->to_lines[h->nto_lines++] = Doc_clean(addressee);
}

void Doc_addExtra(Doc *d, const char *label, const char *value) {
   DocHeader *h = &d->header;
   Doc_grow(&h->extra_labels, h->nextra);
   Doc_grow(&h->extra_values, h->nextra);
   h->extra_labels[h->nextra] = Doc_clean(label);
   h->extra_values[h->nextra++] = Doc_clean(value);
}

void Doc_annex(Doc *d, const char *number, const char *title) {
   DocBlock *b = Doc_push(d, DOC_ANNEX);
   b->number = Doc_clean(number ? number : "");
   b->text = Doc_clean(title ? title : "");
}

void Doc_table(Doc *d, const char *const *cells, size_t rows, size_t cols, unsigned numeric,
               unsigned nowrap) {
   DocBlock *b = Doc_push(d, DOC_TABLE);
   b->rows = rows;
   b->cols = cols;
   b->numeric = numeric;
   b->nowrap = nowrap | numeric;
   b->cells = calloc(rows * cols > 0 ? rows * cols : 1, sizeof *b->cells);
   if (!b->cells)
      abort();
   for (size_t i = 0; i < rows * cols; i++)
      b->cells[i] = Doc_clean(cells[i] ? cells[i] : "");
}

void Doc_set(char **field, const char *value) {
   free(*field);
   *field = Doc_clean(value);
}

void Doc_addCode(Doc *d, const char *code) {
   DocHeader *h = &d->header;
   char **c = realloc(h->codes, (h->ncodes + 1) * sizeof *c);
   if (!c)
      abort();
   h->codes = c;
   h->codes[h->ncodes++] = Doc_clean(code);
}

void Doc_chart(Doc *d, const char *title, const char *const *labels, const char *const *valueText,
               const double *values, size_t n) {
   DocBlock *b = Doc_push(d, DOC_CHART);
   b->text = Doc_clean(title ? title : "");
   b->rows = n;
   b->cols = 2;
   b->cells = calloc(n > 0 ? n * 2 : 1, sizeof *b->cells);
   b->values = calloc(n > 0 ? n : 1, sizeof *b->values);
   if (!b->cells || !b->values)
      abort();
   for (size_t i = 0; i < n; i++) {
      b->cells[2 * i] = Doc_clean(labels[i] ? labels[i] : "");
      b->cells[2 * i + 1] = Doc_clean(valueText[i] ? valueText[i] : "");
      b->values[i] = values[i];
   }
}
