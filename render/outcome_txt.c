#include "render/outcome_txt.h"

#include <stdlib.h>
#include <string.h>

#include "render/buf.h"
#include "render/chars.h"
#include "render/wrap.h"

#define W OUTCOME_TXT_WIDTH

static size_t OutcomeTxt_cols(const char *s) {
   return Chars_columns(s, strlen(s));
}

static void OutcomeTxt_spaces(Buf *b, size_t n) {
   for (size_t i = 0; i < n; i++)
      Buf_addc(b, ' ');
}

/* A short line against the right margin (the place and date, the language);
 * wrapped as usual when it is too long for that. */
static void OutcomeTxt_right(Buf *b, const char *s) {
   size_t c = OutcomeTxt_cols(s);
   if (c < W) {
      OutcomeTxt_spaces(b, W - c);
      Buf_add(b, s);
      Buf_addc(b, '\n');
   } else {
      Wrap_text(b, s, W, "", "");
   }
}

static void OutcomeTxt_centre(Buf *b, const char *s) {
   size_t c = OutcomeTxt_cols(s);
   if (c < W) {
      OutcomeTxt_spaces(b, (W - c) / 2);
      Buf_add(b, s);
      Buf_addc(b, '\n');
   } else {
      Wrap_text(b, s, W, "", "");
   }
}

static void OutcomeTxt_field(Buf *b, const char *label, const char *value) {
   Wrap_text(b, value ? value : "", W, label, "          ");
}

static void OutcomeTxt_header(Buf *b, const DocHeader *h) {
   if (h->access && *h->access) {
      OutcomeTxt_centre(b, h->access);
      Buf_addc(b, '\n');
   }
   if (h->placeDate && *h->placeDate)
      OutcomeTxt_right(b, h->placeDate);
   if (h->language && *h->language) {
      Buf lang = BUF_INIT;
      Buf_addf(&lang, "(OR. %s)", h->language);
      OutcomeTxt_right(b, Buf_str(&lang));
      Buf_free(&lang);
   }
   Buf_addc(b, '\n');
   if (h->docno && *h->docno)
      OutcomeTxt_right(b, h->docno);
   if (h->marking && *h->marking)
      OutcomeTxt_right(b, h->marking);
   Buf_addc(b, '\n');
   for (size_t i = 0; i < h->ncodes; i++)
      Wrap_text(b, h->codes[i], W, "", "");
   Buf_addc(b, '\n');
   for (size_t i = 0; i < h->nextra; i++) {
      Buf l = BUF_INIT;
      Buf_addf(&l, "%s:", h->extra_labels[i]);
      Wrap_text(b, Buf_str(&l), W, "", "");
      Wrap_text(b, h->extra_values[i], W, "", "");
      Buf_addc(b, '\n');
      Buf_free(&l);
   }
   OutcomeTxt_centre(b, h->title ? h->title : "");
   Buf_addc(b, '\n');
   OutcomeTxt_field(b, "From:     ", h->from);
   if (h->on && *h->on)
      OutcomeTxt_field(b, "On:       ", h->on);
   if (h->nto_lines > 1)
      for (size_t i = 0; i < h->nto_lines; i++)
         OutcomeTxt_field(b, i ? "          " : "To:       ", h->to_lines[i]);
   else
      OutcomeTxt_field(b, "To:       ", h->to);
   OutcomeTxt_field(b, "Subject:  ", h->subject);
   Buf_addc(b, '\n');
   for (int i = 0; i < W; i++)
      Buf_addc(b, '-');
   Buf_add(b, "\n\n");
}

/* Splits the cell wrapped to width into lines (pointers into wrapped). */
static size_t OutcomeTxt_lines(Buf *wrapped, const char *cell, size_t width, char ***lines) {
   Buf_clear(wrapped);
   Wrap_text(wrapped, cell, width, "", "");
   size_t n = 0;
   for (size_t i = 0; i < wrapped->len; i++)
      n += wrapped->data[i] == '\n';
   *lines = calloc(n + 1, sizeof **lines);
   if (!*lines)
      abort();
   size_t k = 0;
   char *p = wrapped->data;
   for (size_t i = 0; i < n; i++) {
      char *e = strchr(p, '\n');
      *e = '\0';
      (*lines)[k++] = p;
      p = e + 1;
   }
   return n;
}

/* Columns as wide as their widest cell; while the table is wider than the
 * page the widest column gives way, and its cells wrap inside it. */
static void OutcomeTxt_table(Buf *b, const DocBlock *t) {
   if (t->rows == 0 || t->cols == 0)
      return;
   size_t cols = t->cols;
   size_t *w = calloc(cols, sizeof *w);
   if (!w)
      abort();
   for (size_t r = 0; r < t->rows; r++)
      for (size_t c = 0; c < cols; c++) {
         size_t n = OutcomeTxt_cols(t->cells[r * cols + c]);
         if (n > w[c])
            w[c] = n;
      }
   for (size_t c = 0; c < cols; c++)
      if (w[c] == 0)
         w[c] = 1;
   for (;;) {
      size_t total = 2 * (cols - 1), widest = 0;
      for (size_t c = 0; c < cols; c++) {
         total += w[c];
         if (w[c] > w[widest])
            widest = c;
      }
      if (total <= W || w[widest] <= 8)
         break;
      w[widest] -= total - W < w[widest] - 8 ? total - W : w[widest] - 8;
   }
   size_t rule = 2 * (cols - 1);
   for (size_t c = 0; c < cols; c++)
      rule += w[c];
   Buf *wrapped = calloc(cols, sizeof *wrapped);
   char ***lines = calloc(cols, sizeof *lines);
   size_t *nlines = calloc(cols, sizeof *nlines);
   if (!wrapped || !lines || !nlines)
      abort();
   for (size_t r = 0; r < t->rows; r++) {
      size_t height = 1;
      for (size_t c = 0; c < cols; c++) {
         nlines[c] = OutcomeTxt_lines(&wrapped[c], t->cells[r * cols + c], w[c], &lines[c]);
         if (nlines[c] > height)
            height = nlines[c];
      }
      for (size_t l = 0; l < height; l++) {
         size_t start = b->len;
         for (size_t c = 0; c < cols; c++) {
            const char *cell = l < nlines[c] ? lines[c][l] : "";
            size_t n = OutcomeTxt_cols(cell);
            size_t pad = n < w[c] ? w[c] - n : 0;
            if (t->numeric & (1u << c) && r > 0) {
               OutcomeTxt_spaces(b, pad);
               Buf_add(b, cell);
            } else {
               Buf_add(b, cell);
               OutcomeTxt_spaces(b, pad);
            }
            if (c + 1 < cols)
               Buf_add(b, "  ");
         }
         while (b->len > start && b->data[b->len - 1] == ' ')
            b->data[--b->len] = '\0';
         Buf_addc(b, '\n');
      }
      for (size_t c = 0; c < cols; c++)
         free(lines[c]);
      if (r == 0) {
         for (size_t i = 0; i < rule && i < W; i++)
            Buf_addc(b, '-');
         Buf_addc(b, '\n');
      }
   }
   for (size_t c = 0; c < cols; c++)
      Buf_free(&wrapped[c]);
   free(wrapped);
   free(lines);
   free(nlines);
   free(w);
   Buf_addc(b, '\n');
}

void OutcomeTxt_begin(OutcomeTxt *w, FILE *out, const DocHeader *h) {
   w->out = out;
   GvBuf_init(&w->b);
   OutcomeTxt_header(&w->b, h);
}

void OutcomeTxt_block(OutcomeTxt *w, const DocBlock *k) {
   FILE *out = w->out;
   Buf b = w->b;
   {
      switch (k->kind) {
      case DOC_HEADING: {
         /* "3.1.  Title", the title wrapped under itself */
         Buf num = BUF_INIT, ind = BUF_INIT;
         Buf_add(&num, k->number);
         Buf_add(&num, *k->number ? "  " : "");
         OutcomeTxt_spaces(&ind, OutcomeTxt_cols(Buf_str(&num)));
         Wrap_text(&b, k->text, W, Buf_str(&num), Buf_str(&ind));
         Buf_addc(&b, '\n');
         Buf_free(&num);
         Buf_free(&ind);
         break;
      }
      case DOC_DOCS:
      case DOC_PARA:
         Wrap_text(&b, k->text, W, "", "");
         Buf_addc(&b, '\n');
         break;
      case DOC_ANNEX: {
         Buf t = BUF_INIT;
         Buf_addf(&t, "ANNEX %s: %s", k->number, k->text);
         for (int c = 0; c < W; c++)
            Buf_addc(&b, '=');
         Buf_addc(&b, '\n');
         Wrap_text(&b, Buf_str(&t), W, "", "");
         Buf_addc(&b, '\n');
         Buf_free(&t);
         break;
      }
      case DOC_CHART:
         break;  /* the table beside it says the same in words */
      case DOC_LIST:
         for (size_t r = 0; r < k->rows; r++)
            Wrap_text(&b, k->cells[r], W, "  - ", "    ");
         Buf_addc(&b, '\n');
         break;
      case DOC_TABLE:
         OutcomeTxt_table(&b, k);
         break;
      }
      /* flush now and then: a long meeting is not held twice in memory */
      if (b.len > 65536) {
         fwrite(b.data, 1, b.len, out);
         Buf_clear(&b);
      }
   }
   w->b = b;
}

void OutcomeTxt_end(OutcomeTxt *w) {
   fwrite(Buf_str(&w->b), 1, w->b.len, w->out);
   Buf_free(&w->b);
}

void OutcomeTxt_write(FILE *out, const Doc *d) {
   OutcomeTxt w;
   OutcomeTxt_begin(&w, out, &d->header);
   for (size_t i = 0; i < d->count; i++)
      OutcomeTxt_block(&w, &d->blocks[i]);
   OutcomeTxt_end(&w);
}
