#include "render/outcome_html.h"

#include <stdlib.h>
#include <string.h>

#include "render/buf.h"
#include "render/escape.h"
#include "render/chars.h"

/* The @page rule goes before this, with the document number in it. */
static const char OutcomeHtml_css[] =
   "  @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages); font: 9pt sans-serif; } }\n"
   "html { background: #eee; }\n"
   "body { font: 11pt/1.45 \"Times New Roman\", Times, serif; color: #000; background: #fff;\n"
   "  max-width: 170mm; margin: 1em auto; padding: 20mm; box-sizing: border-box; }\n"
   ".head { display: flex; justify-content: space-between; align-items: flex-start; }\n"
   ".head .right { text-align: right; }\n"
   ".docno { font-size: 16pt; font-weight: bold; margin: .4em 0 0; }\n"
   ".marking { font-weight: bold; letter-spacing: .1em; }\n"
   ".codes { margin: .6em 0 0; padding: 0; list-style: none; }\n"
   "h1 { font-size: 14pt; text-align: center; margin: 1.6em 0 1em; }\n"
   "table.meta { border-collapse: collapse; margin: 0 0 1.2em; }\n"
   "table.meta th { text-align: left; font-weight: normal; padding: .1em 1.5em .1em 0;\n"
   "  vertical-align: top; }\n"
   "table.meta td { padding: .1em 0; }\n"
   "hr { border: 0; border-top: 1px solid #000; }\n"
   "h2, h3, h4, h5 { font-size: 11pt; font-weight: bold; margin: 1.4em 0 .5em;\n"
   "  page-break-after: avoid; break-after: avoid; }\n"
   "h3 { margin-left: 1.2em; }\n"
   "h4, h5 { margin-left: 2.4em; }\n"
   ".num { display: inline-block; min-width: 2.6em; }\n"
   "p { text-align: justify; margin: 0 0 .7em; orphans: 3; widows: 3;\n"
   "  overflow-wrap: anywhere; }\n"
   "p.docs { font-style: italic; }\n"
   "section.annex { page-break-before: always; break-before: page; }\n"
   "section.annex h2 { text-align: center; }\n"
   "table.grid { border-collapse: collapse; width: 100%; margin: 0 0 1em; }\n"
   "table.grid th, table.grid td { border: 1px solid #777; padding: .2em .4em;\n"
   "  text-align: left; vertical-align: top; overflow-wrap: anywhere; }\n"
   "table.grid td.n { text-align: right; white-space: nowrap; }\n"
   "table.grid .k { white-space: nowrap; }\n"
   "svg.chart { display: block; margin: 0 0 1em; max-width: 100%; height: auto; }\n"
   "svg.chart text { font: 9pt sans-serif; }\n"
   "footer.screen { margin-top: 2em; font: 9pt sans-serif; color: #555; }\n"
   ".access { font-weight: bold; text-align: center; }\n"
   ".extra { margin: .6em 0 0; }\n"
   ".running { display: none; }\n"
   "@media print {\n"
   "  .running { display: block; position: fixed; top: 0; right: 0; font: 9pt sans-serif; }\n"
   "  html { background: none; }\n"
   "  body { max-width: none; margin: 0; padding: 0; }\n"
   "  footer.screen { display: none; }\n"
   "}\n";

static void OutcomeHtml_put(FILE *out, Buf *b, const char *s) {
   Buf_clear(b);
   Escape_html(b, s ? s : "");
   fputs(Buf_str(b), out);
}

/* A CSS string literal: every character but letters, digits, space and a
 * few safe signs as a hex escape, so that nothing closes the string or the
 * style element. */
static void OutcomeHtml_cssString(FILE *out, const char *s) {
   fputc('"', out);
   size_t n = strlen(s);
   while (n > 0) {
      uint32_t cp;
      size_t l = Chars_decode(s, n, &cp);
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
          cp == ' ' || cp == '/' || cp == '.' || cp == '-')
         fputc((int)cp, out);
      else
         fprintf(out, "\\%06X", (unsigned)cp);
      s += l;
      n -= l;
   }
   fputc('"', out);
}

static void OutcomeHtml_header(FILE *out, Buf *b, const DocHeader *h) {
   if (h->access && *h->access) {
      fputs("<p class=\"access\">", out);
      OutcomeHtml_put(out, b, h->access);
      fputs("</p>\n", out);
   }
   fputs("<header class=\"head\">\n<div class=\"left\">Council of the<br>European Union</div>\n"
         "<div class=\"right\">\n",
         out);
   if (h->placeDate && *h->placeDate) {
      fputs("<div>", out);
      OutcomeHtml_put(out, b, h->placeDate);
      fputs("</div>\n", out);
   }
   if (h->language && *h->language) {
      fputs("<div>(OR. ", out);
      OutcomeHtml_put(out, b, h->language);
      fputs(")</div>\n", out);
   }
   if (h->docno && *h->docno) {
      fputs("<p class=\"docno\">", out);
      OutcomeHtml_put(out, b, h->docno);
      fputs("</p>\n", out);
   }
   if (h->marking && *h->marking) {
      fputs("<div class=\"marking\">", out);
      OutcomeHtml_put(out, b, h->marking);
      fputs("</div>\n", out);
   }
   if (h->ncodes > 0) {
      fputs("<ul class=\"codes\">\n", out);
      for (size_t i = 0; i < h->ncodes; i++) {
         fputs("<li>", out);
         OutcomeHtml_put(out, b, h->codes[i]);
         fputs("</li>\n", out);
      }
      fputs("</ul>\n", out);
   }
   for (size_t i = 0; i < h->nextra; i++) {
      fputs("<div class=\"extra\">", out);
      OutcomeHtml_put(out, b, h->extra_labels[i]);
      fputs(":<br>", out);
      OutcomeHtml_put(out, b, h->extra_values[i]);
      fputs("</div>\n", out);
   }
   fputs("</div>\n</header>\n<h1>", out);
   OutcomeHtml_put(out, b, h->title);
   fputs("</h1>\n<table class=\"meta\">\n", out);
   const char *labels[] = { "From:", "On:", "To:", "Subject:" };
   const char *values[] = { h->from, h->on, h->to, h->subject };
   for (int i = 0; i < 4; i++) {
      if (i == 1 && !(h->on && *h->on))
         continue;
      fprintf(out, "<tr><th scope=\"row\">%s</th><td dir=\"auto\">", labels[i]);
      if (i == 2 && h->nto_lines > 1)
         for (size_t t = 0; t < h->nto_lines; t++) {
            if (t)
               fputs("<br>", out);
            OutcomeHtml_put(out, b, h->to_lines[t]);
         }
      else
         OutcomeHtml_put(out, b, values[i]);
      fputs("</td></tr>\n", out);
   }
   fputs("</table>\n<hr>\n", out);
}

/* A horizontal bar per label, scaled to the largest value. */
static void OutcomeHtml_chart(FILE *out, Buf *b, const DocBlock *t) {
   const int barh = 18, gap = 6, width = 600;
   double max = 0;
   size_t longest = 0;
   for (size_t r = 0; r < t->rows; r++) {
      if (t->values[r] > max)
         max = t->values[r];
      size_t n = Chars_columns(t->cells[2 * r], strlen(t->cells[2 * r]));
      if (n > longest)
         longest = n;
   }
   /* up to 10 px a character at 9pt in a wide font; a very long name is cut */
   int label = 20 + 10 * (int)(longest < 32 ? longest : 32);
   int height = (int)t->rows * (barh + gap) + gap;
   fprintf(out,
           "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
           "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n<title>",
           width, height, width, height);
   OutcomeHtml_put(out, b, t->text);
   fputs("</title>\n", out);
   for (size_t r = 0; r < t->rows; r++) {
      int w = max > 0 ? (int)((width - label - 70) * t->values[r] / max + 0.5) : 0;
      int y = gap + (int)r * (barh + gap);
      fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label - 6, y + barh - 5);
      OutcomeHtml_put(out, b, t->cells[2 * r]);
      fprintf(out, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4a6fa5\"/>",
              label, y, w, barh);
      fprintf(out, "<text x=\"%d\" y=\"%d\">", label + w + 6, y + barh - 5);
      OutcomeHtml_put(out, b, t->cells[2 * r + 1]);
      fputs("</text>\n", out);
   }
   fputs("</svg>\n", out);
}

static void OutcomeHtml_table(FILE *out, Buf *b, const DocBlock *t) {
   if (t->rows == 0 || t->cols == 0)
      return;
   fputs("<table class=\"grid\">\n", out);
   for (size_t r = 0; r < t->rows; r++) {
      fputs(r == 0 ? "<thead><tr>" : "<tr>", out);
      for (size_t c = 0; c < t->cols; c++) {
         const char *cell = t->cells[r * t->cols + c];
         unsigned bit = 1u << c;
         if (r == 0)
            fputs(t->nowrap & bit ? "<th scope=\"col\" class=\"k\">" : "<th scope=\"col\">", out);
         else
            fputs(t->numeric & bit  ? "<td class=\"n\">"
                  : t->nowrap & bit ? "<td class=\"k\" dir=\"auto\">"
                                    : "<td dir=\"auto\">",
                  out);
         OutcomeHtml_put(out, b, cell);
         fputs(r == 0 ? "</th>" : "</td>", out);
      }
      fputs(r == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n", out);
   }
   if (t->rows == 1)
      fprintf(out, "<tr><td colspan=\"%zu\">None.</td></tr>\n", t->cols);
   fputs("</tbody>\n</table>\n", out);
}

void OutcomeHtml_begin(OutcomeHtml *w, FILE *out, const DocHeader *h) {
   w->out = out;
   w->inAnnex = 0;
   GvBuf_init(&w->b);
   Buf b = w->b;
   /* the language of the original: letters and '-' only, else English */
   char lang[16] = "en";
   if (h->language && *h->language && strlen(h->language) < sizeof lang &&
       strspn(h->language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") ==
          strlen(h->language))
      snprintf(lang, sizeof lang, "%s", h->language);
   fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n", lang);
   fputs("<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"gavel\">\n<title>",
         out);
   if (h->docno && *h->docno) {
      OutcomeHtml_put(out, &b, h->docno);
      fputs(" ", out);
   }
   OutcomeHtml_put(out, &b, h->title);
   fputs("</title>\n<style>\n@page { size: A4; margin: 22mm 20mm 24mm 20mm;\n"
         "  @bottom-left { content: ", out);
   OutcomeHtml_cssString(out, h->docno ? h->docno : "");
   fputs("; font: 9pt sans-serif; }\n", out);
   if (h->marking && *h->marking) {
      /* the marking and the number on every printed page, not only the first */
      fputs("  @top-right { content: ", out);
      OutcomeHtml_cssString(out, h->marking);
      fputs("; font: bold 9pt sans-serif; letter-spacing: .1em; }\n", out);
   }
   fputs(OutcomeHtml_css, out);
   fputs("</style>\n</head>\n<body>\n", out);
   if (h->marking && *h->marking) {
      /* printed on every page by browsers that have no @page margin boxes */
      fputs("<div class=\"running\" aria-hidden=\"true\">", out);
      OutcomeHtml_put(out, &b, h->docno);
      fputs(" <span class=\"marking\">", out);
      OutcomeHtml_put(out, &b, h->marking);
      fputs("</span></div>\n", out);
   }
   OutcomeHtml_header(out, &b, h);
   fputs("<main>\n", out);
   w->b = b;
}

void OutcomeHtml_block(OutcomeHtml *w, const DocBlock *k) {
   FILE *out = w->out;
   Buf b = w->b;
   int inAnnex = w->inAnnex;
   {
      switch (k->kind) {
      case DOC_HEADING: {
         int level = k->level < 1 ? 1 : k->level > 4 ? 4 : k->level;
         fprintf(out, "<h%d>", level + 1);
         if (*k->number) {
            fputs("<span class=\"num\">", out);
            OutcomeHtml_put(out, &b, k->number);
            fputs("</span> ", out);
         }
         OutcomeHtml_put(out, &b, k->text);
         fprintf(out, "</h%d>\n", level + 1);
         break;
      }
      case DOC_DOCS:
         fputs("<p class=\"docs\" dir=\"auto\">", out);
         OutcomeHtml_put(out, &b, k->text);
         fputs("</p>\n", out);
         break;
      case DOC_PARA:
         fputs("<p dir=\"auto\">", out);
         OutcomeHtml_put(out, &b, k->text);
         fputs("</p>\n", out);
         break;
      case DOC_ANNEX:
         if (inAnnex)
            fputs("</section>\n", out);
         inAnnex = 1;
         fputs("<section class=\"annex\">\n<h2>ANNEX ", out);
         OutcomeHtml_put(out, &b, k->number);
         fputs("<br>", out);
         OutcomeHtml_put(out, &b, k->text);
         fputs("</h2>\n", out);
         break;
      case DOC_TABLE:
         OutcomeHtml_table(out, &b, k);
         break;
      case DOC_CHART:
         OutcomeHtml_chart(out, &b, k);
         break;
      case DOC_LIST:
         fputs("<ul>\n", out);
         for (size_t r = 0; r < k->rows; r++) {
            fputs("<li dir=\"auto\">", out);
            OutcomeHtml_put(out, &b, k->cells[r]);
            fputs("</li>\n", out);
         }
         fputs("</ul>\n", out);
         break;
      }
   }
   w->b = b;
   w->inAnnex = inAnnex;
}

void OutcomeHtml_end(OutcomeHtml *w, const DocHeader *h) {
   FILE *out = w->out;
   Buf b = w->b;
   if (w->inAnnex)
      fputs("</section>\n", out);
   fputs("</main>\n<footer class=\"screen\">", out);
   OutcomeHtml_put(out, &b, h->docno);
   fputs("</footer>\n</body>\n</html>\n", out);
   Buf_free(&b);
}

void OutcomeHtml_write(FILE *out, const Doc *d) {
   OutcomeHtml w;
   OutcomeHtml_begin(&w, out, &d->header);
   for (size_t i = 0; i < d->count; i++)
      OutcomeHtml_block(&w, &d->blocks[i]);
   OutcomeHtml_end(&w, &d->header);
}
