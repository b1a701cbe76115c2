#include "render/outcome_md.h"

#include <string.h>

#include "render/buf.h"
#include "render/escape.h"

/* Writes s escaped as the start of a line, then tail (raw). */
static void OutcomeMd_put(FILE *out, Buf *b, const char *s, const char *tail) {
   Buf_clear(b);
   Escape_md(b, s ? s : "");
   fputs(Buf_str(b), out);
   fputs(tail, out);
}

/* The same for text inside a line. */
static void OutcomeMd_in(FILE *out, Buf *b, const char *s, const char *tail) {
   Buf_clear(b);
   Escape_mdInline(b, s ? s : "");
   fputs(Buf_str(b), out);
   fputs(tail, out);
}

/* Two trailing spaces: a line break inside one paragraph, as the reference
 * keeps its header lines together. */
static void OutcomeMd_field(FILE *out, Buf *b, const char *label, const char *value,
                            const char *tail) {
   fputs(label, out);
   OutcomeMd_in(out, b, value, tail);
}

static void OutcomeMd_header(FILE *out, Buf *b, const DocHeader *h) {
   if (h->access && *h->access) {
      fputs("**", out);
      OutcomeMd_in(out, b, h->access, "**\n\n");
   }
   if (h->placeDate && *h->placeDate)
      OutcomeMd_put(out, b, h->placeDate, "  \n");
   if (h->language && *h->language) {
      fputs("(OR. ", out);
      OutcomeMd_in(out, b, h->language, ")\n");
   }
   fputs("\n", out);
   if (h->docno && *h->docno)
      OutcomeMd_put(out, b, h->docno, "\n\n");
   if (h->marking && *h->marking) {
      fputs("**", out);
      OutcomeMd_in(out, b, h->marking, "**\n\n");
   }
   for (size_t i = 0; i < h->ncodes; i++)
      OutcomeMd_put(out, b, h->codes[i], i + 1 < h->ncodes ? "  \n" : "\n\n");
   for (size_t i = 0; i < h->nextra; i++) {
      OutcomeMd_put(out, b, h->extra_labels[i], ":  \n");
      OutcomeMd_in(out, b, h->extra_values[i], "\n\n");
   }
   fputs("## ", out);
   OutcomeMd_in(out, b, h->title, "\n\n---\n\n");
   OutcomeMd_field(out, b, "From: ", h->from, "  \n");
   if (h->on && *h->on)
      OutcomeMd_field(out, b, "On: ", h->on, "  \n");
   if (h->nto_lines > 1)
      for (size_t i = 0; i < h->nto_lines; i++)
         OutcomeMd_field(out, b, i ? "    " : "To: ", h->to_lines[i], "  \n");
   else
      OutcomeMd_field(out, b, "To: ", h->to, "  \n");
   OutcomeMd_field(out, b, "Subject: ", h->subject, "\n\n---\n\n");
}

static void OutcomeMd_table(FILE *out, Buf *b, const DocBlock *t) {
   for (size_t r = 0; r < t->rows; r++) {
      fputs("|", out);
      for (size_t c = 0; c < t->cols; c++) {
         fputs(" ", out);
         OutcomeMd_in(out, b, t->cells[r * t->cols + c], " |");
      }
      fputs("\n", out);
      if (r == 0) {
         fputs("|", out);
         for (size_t c = 0; c < t->cols; c++)
            fputs(t->numeric & (1u << c) ? " ---: |" : " --- |", out);
         fputs("\n", out);
      }
   }
   fputs("\n", out);
}

void OutcomeMd_begin(OutcomeMd *w, FILE *out, const DocHeader *h) {
   w->out = out;
   GvBuf_init(&w->b);
   OutcomeMd_header(out, &w->b, h);
}

void OutcomeMd_block(OutcomeMd *w, const DocBlock *k) {
   FILE *out = w->out;
   Buf b = w->b;
   {
      switch (k->kind) {
      case DOC_HEADING: {
         int level = k->level < 1 ? 1 : k->level > 4 ? 4 : k->level;
         for (int l = 0; l < level + 2; l++)
            fputc('#', out);
         /* the number is ours (digits, letters, '.' and ')'): no escaping */
         Buf_clear(&b);
         Buf_add(&b, k->number);
         if (*k->number && *k->text)
            Buf_addc(&b, ' ');
         Escape_mdInline(&b, k->text);
         /* an empty title would leave "** **", which is no emphasis */
         fprintf(out, b.len > 0 ? " **%s**\n\n" : " %s\n\n", Buf_str(&b));
         break;
      }
      case DOC_DOCS:
         fputs("*", out);
         OutcomeMd_in(out, &b, k->text, "*\n\n");
         break;
      case DOC_PARA:
         OutcomeMd_put(out, &b, k->text, "\n\n");
         break;
      case DOC_ANNEX:
         fputs("---\n\n## ANNEX ", out);
         OutcomeMd_in(out, &b, k->number, ": ");
         OutcomeMd_in(out, &b, k->text, "\n\n");
         break;
      case DOC_CHART:
         break;  /* the table beside it says the same in words */
      case DOC_LIST:
         for (size_t r = 0; r < k->rows; r++) {
            fputs("- ", out);
            OutcomeMd_in(out, &b, k->cells[r], "\n");
         }
         fputs("\n", out);
         break;
      case DOC_TABLE:
         OutcomeMd_table(out, &b, k);
         break;
      }
   }
   w->b = b;  /* the scratch buffer is kept from block to block */
}

void OutcomeMd_end(OutcomeMd *w) {
   Buf_free(&w->b);
}

void OutcomeMd_write(FILE *out, const Doc *d) {
   OutcomeMd w;
   OutcomeMd_begin(&w, out, &d->header);
   for (size_t i = 0; i < d->count; i++)
      OutcomeMd_block(&w, &d->blocks[i]);
   OutcomeMd_end(&w);
}
