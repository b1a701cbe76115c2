#include "render/outcome_docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/buf.h"
#include "render/chars.h"
#include "render/docx_package.h"
#include "render/escape.h"

/* The text of one run: escaped, a newline as a line break and a tab as a
 * tab, so that a cell or a paragraph keeps its lines. */
static void Docx_text(Buf *x, const char *s) {
   Buf esc = BUF_INIT;
   Escape_xml(&esc, s ? s : "");
   const char *p = Buf_str(&esc);
   while (*p) {
      size_t n = strcspn(p, "\n\t");
      if (n > 0) {
         Buf_add(x, "<w:t xml:space=\"preserve\">");
         Buf_addn(x, p, n);
         Buf_add(x, "</w:t>");
      }
      p += n;
      if (*p == '\n')
         Buf_add(x, "<w:br/>");
      else if (*p == '\t')
         Buf_add(x, "<w:tab/>");
      if (*p)
         p++;
   }
   Buf_free(&esc);
}

/* One run; rPr is the inside of <w:rPr> or NULL. */
static void Docx_run(Buf *x, const char *rPr, const char *s) {
   Buf_add(x, "<w:r>");
   if (rPr && *rPr) {
      Buf_add(x, "<w:rPr>");
      Buf_add(x, rPr);
      Buf_add(x, "</w:rPr>");
   }
   Docx_text(x, s);
   Buf_add(x, "</w:r>");
}

/* <w:p> with pPr (the inside of <w:pPr>, or NULL) and one run of s. */
static void Docx_para(Buf *x, const char *pPr, const char *rPr, const char *s) {
   Buf_add(x, "<w:p>");
   if (pPr && *pPr) {
      Buf_add(x, "<w:pPr>");
      Buf_add(x, pPr);
      Buf_add(x, "</w:pPr>");
   }
   if (s && *s)
      Docx_run(x, rPr, s);
   Buf_add(x, "</w:p>");
}

static int Docx_has(const char *s) {
   return s && *s;
}

/* The header block as in the HTML: the access marking above it, centred;
 * "Council of the European Union" on the left, facing the place and date
 * and the language on the right; then the document number, the marking,
 * the codes and the extra lines ("Interinstitutional File:" and its value)
 * on the right; the document type centred; From/On/To/Subject with their
 * values aligned, every addressee of To: on a line of its own; a rule. */
static void Docx_header(Buf *x, const DocHeader *h) {
   if (Docx_has(h->access))
      Docx_para(x, "<w:pStyle w:val=\"Access\"/>", NULL, h->access);
   const char *left[] = { "Council of the", "European Union" };
   Buf lang = BUF_INIT;
   const char *right[2] = { NULL, NULL };
   size_t nright = 0;
   if (Docx_has(h->placeDate))
      right[nright++] = h->placeDate;
   if (Docx_has(h->language)) {
      Buf_addf(&lang, "(OR. %s)", h->language);
      right[nright++] = Buf_str(&lang);
   }
   for (size_t i = 0; i < 2; i++) {
      Buf_add(x, "<w:p><w:pPr><w:pStyle w:val=\"HeaderBlock\"/></w:pPr>");
      Docx_run(x, "<w:b/>", left[i]);
      if (i < nright) {
         Buf_add(x, "<w:r><w:tab/></w:r>");
         Docx_run(x, NULL, right[i]);
      }
      Buf_add(x, "</w:p>");
   }
   Buf_free(&lang);
   if (Docx_has(h->docno))
      Docx_para(x, "<w:pStyle w:val=\"HeaderBlock\"/><w:spacing w:before=\"240\"/><w:jc w:val=\"right\"/>",
                "<w:b/><w:sz w:val=\"32\"/>", h->docno);
   if (Docx_has(h->marking))
      Docx_para(x, "<w:pStyle w:val=\"HeaderBlock\"/><w:jc w:val=\"right\"/>",
                "<w:b/><w:spacing w:val=\"40\"/>", h->marking);
   /* the codes one a line, in one paragraph as in the Markdown */
   Buf codes = BUF_INIT;
   for (size_t i = 0; i < h->ncodes; i++) {
      if (i > 0)
         Buf_addc(&codes, '\n');
      Buf_add(&codes, h->codes[i]);
   }
   if (codes.len > 0)
      Docx_para(x, "<w:pStyle w:val=\"HeaderBlock\"/><w:spacing w:before=\"120\"/>"
                   "<w:jc w:val=\"right\"/>",
                NULL, Buf_str(&codes));
   Buf_free(&codes);
   for (size_t i = 0; i < h->nextra; i++) {
      Buf e = BUF_INIT;
      Buf_addf(&e, "%s:\n%s", h->extra_labels[i] ? h->extra_labels[i] : "",
               h->extra_values[i] ? h->extra_values[i] : "");
      Docx_para(x, "<w:pStyle w:val=\"HeaderBlock\"/><w:spacing w:before=\"120\"/>"
                   "<w:jc w:val=\"right\"/>",
                NULL, Buf_str(&e));
      Buf_free(&e);
   }
   Docx_para(x, "<w:pStyle w:val=\"Title\"/>", NULL, h->title);
   /* several addressees: one a line, under the first (the hanging indent
    * aligns a line break with the value) */
   Buf to = BUF_INIT;
   for (size_t i = 0; i < h->nto_lines; i++) {
      if (i > 0)
         Buf_addc(&to, '\n');
      Buf_add(&to, h->to_lines[i] ? h->to_lines[i] : "");
   }
   const char *labels[] = { "From:", "On:", "To:", "Subject:" };
   const char *values[] = { h->from, h->on, h->nto_lines > 1 ? Buf_str(&to) : h->to, h->subject };
   for (int i = 0; i < 4; i++) {
      if (!Docx_has(values[i]))
         continue;
      Buf_add(x, "<w:p><w:pPr><w:pStyle w:val=\"HeaderField\"/></w:pPr>");
      Docx_run(x, NULL, labels[i]);
      Buf_add(x, "<w:r><w:tab/></w:r>");
      Docx_run(x, NULL, values[i]);
      Buf_add(x, "</w:p>");
   }
   Buf_free(&to);
   Buf_add(x, "<w:p><w:pPr><w:pStyle w:val=\"Rule\"/></w:pPr></w:p>");
}

/* Column widths: a column of short words kept whole (t->nowrap: codes,
 * dates, numbers) gets what its widest cell needs; the others share the
 * rest in proportion to their widest cell, capped so that one long name
 * does not starve the others. When the whole columns alone would not fit,
 * every column is proportional. */
static void Docx_widths(const DocBlock *t, int *w) {
   /* a 10 pt capital, bold, and the cell's side margins */
   const size_t perChar = 150, margins = 216 + 60;
   size_t *need = calloc(t->cols, sizeof *need);
   if (!need)
      abort();
   size_t fixed = 0, share = 0, all = 0;
   for (size_t c = 0; c < t->cols; c++) {
      size_t m = 2;
      for (size_t r = 0; r < t->rows; r++) {
         const char *s = t->cells[r * t->cols + c];
         size_t n = Chars_columns(s, strlen(s));
         if (n > m)
            m = n;
      }
      need[c] = m > 40 ? 40 : m;
      all += need[c];
      if (t->nowrap & (1u << c))
         fixed += need[c] * perChar + margins;
      else
         share += need[c];
   }
   int proportional = share == 0 || fixed + share * perChar / 2 > DOCX_TEXT_W;
   size_t rest = proportional ? DOCX_TEXT_W : DOCX_TEXT_W - fixed;
   int used = 0;
   for (size_t c = 0; c < t->cols; c++) {
      size_t v = proportional ? rest * need[c] / all
                 : t->nowrap & (1u << c) ? need[c] * perChar + margins
                                         : rest * need[c] / share;
      w[c] = c + 1 < t->cols ? (int)v : DOCX_TEXT_W - used;
      used += w[c];
   }
   free(need);
}

/* A Word table: the first row a header row, bold and repeated on every
 * page; numeric columns right-aligned; "None." under a header alone. */
static void Docx_table(Buf *x, const DocBlock *t) {
   if (t->rows == 0 || t->cols == 0)
      return;
   int *w = calloc(t->cols, sizeof *w);
   if (!w)
      abort();
   Docx_widths(t, w);
   Buf_add(x, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
              "<w:tblW w:w=\"5000\" w:type=\"pct\"/>"
              "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\""
              " w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
   for (size_t c = 0; c < t->cols; c++)
      Buf_addf(x, "<w:gridCol w:w=\"%d\"/>", w[c]);
   Buf_add(x, "</w:tblGrid>");
   for (size_t r = 0; r < t->rows; r++) {
      Buf_add(x, r == 0 ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                        : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
      for (size_t c = 0; c < t->cols; c++) {
         Buf_addf(x, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>%s</w:tcPr>", w[c],
                  t->nowrap & (1u << c) ? "<w:noWrap/>" : "");
         int num = r > 0 && (t->numeric & (1u << c));
         Docx_para(x, num ? "<w:pStyle w:val=\"TableText\"/><w:jc w:val=\"right\"/>"
                          : "<w:pStyle w:val=\"TableText\"/>",
                   r == 0 ? "<w:b/>" : NULL, t->cells[r * t->cols + c]);
         Buf_add(x, "</w:tc>");
      }
      Buf_add(x, "</w:tr>");
   }
   if (t->rows == 1) {
      Buf_addf(x, "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", DOCX_TEXT_W);
      if (t->cols > 1)
         Buf_addf(x, "<w:gridSpan w:val=\"%zu\"/>", t->cols);
      Buf_add(x, "</w:tcPr>");
      Docx_para(x, "<w:pStyle w:val=\"TableText\"/>", NULL, "None.");
      Buf_add(x, "</w:tc></w:tr>");
   }
   Buf_add(x, "</w:tbl>");
   /* Word wants a paragraph between two tables, and after the last one */
   Docx_para(x, "<w:pStyle w:val=\"TableText\"/>", NULL, NULL);
   free(w);
}

/* An item heading: Word's Heading 1 to 3, the number in the text and a
 * tab to the title, so that wrapped titles hang under the title. */
static void Docx_heading(Buf *x, const DocBlock *k) {
   int level = k->level < 1 ? 1 : k->level > 3 ? 3 : k->level;
   Buf_addf(x, "<w:p><w:pPr><w:pStyle w:val=\"Heading%d\"/></w:pPr>", level);
   if (Docx_has(k->number)) {
      Docx_run(x, NULL, k->number);
      Buf_add(x, "<w:r><w:tab/></w:r>");
   }
   if (Docx_has(k->text))
      Docx_run(x, NULL, k->text);
   Buf_add(x, "</w:p>");
}

/* The annex title on a new page: "ANNEX I", a line break, the title;
 * a Heading 1, centred, so that Word's navigation lists it. */
static void Docx_annex(Buf *x, const DocBlock *k) {
   Buf t = BUF_INIT;
   Buf_add(&t, "ANNEX");
   if (Docx_has(k->number))
      Buf_addf(&t, " %s", k->number);
   if (Docx_has(k->text))
      Buf_addf(&t, "\n%s", k->text);
   Docx_para(x, "<w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/>"
                "<w:ind w:left=\"0\" w:hanging=\"0\"/><w:jc w:val=\"center\"/>",
             NULL, Buf_str(&t));
   Buf_free(&t);
}

/* The document part's text so far goes to its deflate stream. */
static void Docx_pour(OutcomeDocx *w) {
   Zip_write(&w->z, w->x.data, w->x.len);
   Buf_clear(&w->x);
}

void OutcomeDocx_block(OutcomeDocx *w, const DocBlock *k) {
   Buf *x = &w->x;
   {
      switch (k->kind) {
      case DOC_HEADING:
         Docx_heading(x, k);
         break;
      case DOC_DOCS:
         Docx_para(x, "<w:pStyle w:val=\"Documents\"/>", NULL, k->text);
         break;
      case DOC_PARA:
         Docx_para(x, NULL, NULL, k->text);
         break;
      case DOC_ANNEX:
         Docx_annex(x, k);
         break;
      case DOC_TABLE:
         Docx_table(x, k);
         break;
      case DOC_CHART:
         break;  /* the table beside it says the same in figures */
      case DOC_LIST:
         /* Word's List Bullet: a real list, bulleted by numbering.xml */
         for (size_t r = 0; r < k->rows; r++)
            Docx_para(x, "<w:pStyle w:val=\"ListBullet\"/>", NULL, k->cells[r]);
         break;
      default:
         /* a kind this writer does not know yet: its text as a paragraph */
         if (Docx_has(k->text))
            Docx_para(x, NULL, NULL, k->text);
         break;
      }
   }
   if (x->len > 65536)
      Docx_pour(w);
}

static void Docx_bodyEnd(Buf *x) {
   Buf_addf(x, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"" DOCX_FOOTER_RID "\"/>"
               "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
               "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\""
               " w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>",
            DOCX_PAGE_W, DOCX_PAGE_H, DOCX_MARGIN_TOP, DOCX_MARGIN_SIDE, DOCX_MARGIN_BOTTOM,
            DOCX_MARGIN_SIDE);
   Buf_add(x, "</w:body></w:document>");
}

/* A field: Word computes it on layout; the text between is what a reader
 * that does not compute fields shows. */
static void Docx_field(Buf *x, const char *instr, const char *shown) {
   Buf_add(x, "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>");
   Buf_addf(x, "<w:r><w:instrText xml:space=\"preserve\"> %s </w:instrText></w:r>", instr);
   Buf_add(x, "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
   Docx_run(x, NULL, shown);
   Buf_add(x, "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
}

/* Every page: the document number on the left, "Page X of Y" in the
 * middle, the marking on the right. */
static void Docx_footer(Buf *x, const DocHeader *h) {
   Buf_add(x, DOCX_XML_DECL "<w:ftr xmlns:w=\"" DOCX_NS_W "\" xmlns:r=\"" DOCX_NS_R "\">"
              "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
   if (Docx_has(h->docno))
      Docx_run(x, NULL, h->docno);
   Buf_add(x, "<w:r><w:tab/></w:r>");
   Docx_run(x, NULL, "Page ");
   Docx_field(x, "PAGE", "1");
   Docx_run(x, NULL, " of ");
   Docx_field(x, "NUMPAGES", "1");
   Buf_add(x, "<w:r><w:tab/></w:r>");
   if (Docx_has(h->marking))
      Docx_run(x, "<w:b/><w:spacing w:val=\"40\"/>", h->marking);
   Buf_add(x, "</w:p></w:ftr>");
}

/* The language of the original, as the HTML takes it: letters and '-'
 * only, else English. */
static void Docx_lang(const DocHeader *h, char *lang, size_t n) {
   snprintf(lang, n, "en");
   if (Docx_has(h->language) && strlen(h->language) < n &&
       strspn(h->language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") ==
          strlen(h->language))
      snprintf(lang, n, "%s", h->language);
}

void OutcomeDocx_begin(OutcomeDocx *w, FILE *out, const DocHeader *h) {
   Docx_lang(h, w->lang, sizeof w->lang);
   GvBuf_init(&w->x);
   Buf *x = &w->x;
   if (Docx_has(h->docno))
      Buf_addf(x, "%s ", h->docno);
   Buf_add(x, h->title ? h->title : "");
   Zip_init(&w->z, out);
   DocxPackage_begin(&w->z, Buf_str(x), h->subject, w->lang);
   Buf_clear(x);
   /* the document part is deflated as it is composed */
   Zip_begin(&w->z, DOCX_DOCUMENT);
   Buf_add(x, DOCX_XML_DECL "<w:document xmlns:w=\"" DOCX_NS_W "\" xmlns:r=\"" DOCX_NS_R
              "\"><w:body>");
   Docx_header(x, h);
}

int OutcomeDocx_end(OutcomeDocx *w, const DocHeader *h) {
   Docx_bodyEnd(&w->x);
   Docx_pour(w);
   Zip_end(&w->z);
   DocxPackage_end(&w->z, w->lang);
   Docx_footer(&w->x, h);
   DocxPackage_add(&w->z, DOCX_FOOTER, &w->x);
   Buf_free(&w->x);
   return Zip_finish(&w->z);
}

int OutcomeDocx_write(FILE *out, const Doc *d) {
   OutcomeDocx w;
   OutcomeDocx_begin(&w, out, &d->header);
   for (size_t i = 0; i < d->count; i++)
      OutcomeDocx_block(&w, &d->blocks[i]);
   return OutcomeDocx_end(&w, &d->header);
}
