#include "render/outcome_docx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/buf.h"
#include "render/chars.h"
#include "render/escape.h"
#include "render/zip.h"

/* A4 in twentieths of a point, with the margins of the HTML print layout
 * (22 mm top, 20 mm sides, 24 mm bottom). */
enum {
   DOCX_PAGE_W = 11906,
   DOCX_PAGE_H = 16838,
   DOCX_MARGIN_TOP = 1247,
   DOCX_MARGIN_SIDE = 1134,
   DOCX_MARGIN_BOTTOM = 1361,
   DOCX_TEXT_W = DOCX_PAGE_W - 2 * DOCX_MARGIN_SIDE,
   DOCX_NUM_W = 851,    /* the item number's column in a heading: 1.5 cm */
   DOCX_LABEL_W = 1418, /* From:, On:, To:, Subject: 2.5 cm */
};

#define DOCX_XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define DOCX_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define DOCX_CT "application/vnd.openxmlformats-officedocument.wordprocessingml."

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

/* The header block as in the HTML: "Council of the European Union" on the
 * left, facing the place and date and the language on the right; then the
 * document number, the marking and the codes on the right; the title
 * centred; From/On/To/Subject with their values aligned; a rule. */
static void Docx_header(Buf *x, const DocHeader *h) {
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
   Docx_para(x, "<w:pStyle w:val=\"Title\"/>", NULL, h->title);
   const char *labels[] = { "From:", "On:", "To:", "Subject:" };
   const char *values[] = { h->from, h->on, h->to, h->subject };
   for (int i = 0; i < 4; i++) {
      if (!Docx_has(values[i]))
         continue;
      Buf_add(x, "<w:p><w:pPr><w:pStyle w:val=\"HeaderField\"/></w:pPr>");
      Docx_run(x, NULL, labels[i]);
      Buf_add(x, "<w:r><w:tab/></w:r>");
      Docx_run(x, NULL, values[i]);
      Buf_add(x, "</w:p>");
   }
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

static void Docx_body(Buf *x, const Doc *d) {
   Buf_add(x, DOCX_XML_DECL "<w:document xmlns:w=\"" DOCX_NS_W "\" xmlns:r=\"" DOCX_NS_R
              "\"><w:body>");
   Docx_header(x, &d->header);
   for (size_t i = 0; i < d->count; i++) {
      const DocBlock *k = &d->blocks[i];
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
      default:
         /* a kind this writer does not know yet: its text as a paragraph */
         if (Docx_has(k->text))
            Docx_para(x, NULL, NULL, k->text);
         break;
      }
   }
   Buf_addf(x, "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
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

/* Word's built-in names ("heading 1", "Title", "footer", "Table Grid"),
 * so that Word, pandoc and python-docx know them for what they are. */
static void Docx_styles(Buf *x, const char *lang) {
   Buf_add(x, DOCX_XML_DECL "<w:styles xmlns:w=\"" DOCX_NS_W "\">"
              "<w:docDefaults><w:rPrDefault><w:rPr>"
              "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""
              " w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
              "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
   Buf_addf(x, "<w:lang w:val=\"%s\" w:eastAsia=\"%s\" w:bidi=\"%s\"/>", lang, lang, lang);
   Buf_add(x, "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
              "<w:spacing w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/>"
              "</w:pPr></w:pPrDefault></w:docDefaults>"
              "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
              "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/>"
              "<w:jc w:val=\"both\"/></w:pPr></w:style>"
              "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
              "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/>"
              "<w:semiHidden/></w:style>"
              "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
              "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\""
              " w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
              "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
              "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
   /* the headings: bold, kept with what follows, the number hanging */
   for (int level = 1; level <= 3; level++) {
      int left = DOCX_NUM_W + (level - 1) * 340;
      Buf_addf(x,
               "<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\">"
               "<w:name w:val=\"heading %d\"/><w:basedOn w:val=\"Normal\"/>"
               "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
               "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"%d\" w:after=\"120\"/>"
               "<w:ind w:left=\"%d\" w:hanging=\"%d\"/><w:jc w:val=\"left\"/>"
               "<w:outlineLvl w:val=\"%d\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>",
               level, level, level == 1 ? 360 : 240, left, DOCX_NUM_W, level - 1);
   }
   Buf_add(x, "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
              "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
              "<w:qFormat/><w:pPr><w:spacing w:before=\"480\" w:after=\"360\"/>"
              "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/>"
              "<w:szCs w:val=\"28\"/></w:rPr></w:style>");
   Buf_add(x, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"HeaderBlock\">"
              "<w:name w:val=\"Header Block\"/><w:basedOn w:val=\"Normal\"/>"
              "<w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"");
   Buf_addf(x, "%d", DOCX_TEXT_W);
   Buf_add(x, "\"/></w:tabs><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr></w:style>");
   Buf_addf(x, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"HeaderField\">"
               "<w:name w:val=\"Header Field\"/><w:basedOn w:val=\"Normal\"/>"
               "<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"%d\"/></w:tabs>"
               "<w:spacing w:after=\"60\"/><w:ind w:left=\"%d\" w:hanging=\"%d\"/>"
               "<w:jc w:val=\"left\"/></w:pPr></w:style>",
            DOCX_LABEL_W, DOCX_LABEL_W, DOCX_LABEL_W);
   Buf_add(x, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Rule\">"
              "<w:name w:val=\"Rule\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
              "<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\""
              " w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"120\" w:after=\"360\"/>"
              "</w:pPr><w:rPr><w:sz w:val=\"8\"/></w:rPr></w:style>"
              "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Documents\">"
              "<w:name w:val=\"Documents\"/><w:basedOn w:val=\"Normal\"/>"
              "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/></w:pPr>"
              "<w:rPr><w:i/><w:iCs/></w:rPr></w:style>"
              "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\">"
              "<w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
              "<w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/><w:jc w:val=\"left\"/></w:pPr>"
              "<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>");
   Buf_addf(x, "<w:style w:type=\"paragraph\" w:styleId=\"Footer\">"
               "<w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
               "<w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\""
               " w:color=\"000000\"/></w:pBdr><w:tabs><w:tab w:val=\"center\" w:pos=\"%d\"/>"
               "<w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs><w:spacing w:after=\"0\"/>"
               "<w:jc w:val=\"left\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\""
               " w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"
               "</w:rPr></w:style>",
            DOCX_TEXT_W / 2, DOCX_TEXT_W);
   Buf_add(x, "<w:style w:type=\"table\" w:styleId=\"TableGrid\">"
              "<w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
              "<w:tblPr><w:tblBorders>"
              "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "</w:tblBorders></w:tblPr></w:style>"
              "</w:styles>");
}

static void Docx_add(Zip *z, const char *name, Buf *x) {
   Zip_add(z, name, x->data ? x->data : "", x->len);
   Buf_clear(x);
}

int OutcomeDocx_write(FILE *out, const Doc *d) {
   const DocHeader *h = &d->header;
   char lang[16];
   Docx_lang(h, lang, sizeof lang);
   Zip z;
   Zip_init(&z, out);
   Buf x = BUF_INIT;

   Buf_add(&x, DOCX_XML_DECL
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
           "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Override PartName=\"/word/document.xml\" ContentType=\"" DOCX_CT "document.main+xml\"/>"
           "<Override PartName=\"/word/styles.xml\" ContentType=\"" DOCX_CT "styles+xml\"/>"
           "<Override PartName=\"/word/settings.xml\" ContentType=\"" DOCX_CT "settings+xml\"/>"
           "<Override PartName=\"/word/footer1.xml\" ContentType=\"" DOCX_CT "footer+xml\"/>"
           "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd."
           "openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd."
           "openxmlformats-officedocument.extended-properties+xml\"/></Types>");
   Docx_add(&z, "[Content_Types].xml", &x);

   Buf_add(&x, DOCX_XML_DECL
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"" DOCX_REL "officeDocument\" Target=\"word/document.xml\"/>"
           "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
           "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
           "<Relationship Id=\"rId3\" Type=\"" DOCX_REL "extended-properties\""
           " Target=\"docProps/app.xml\"/></Relationships>");
   Docx_add(&z, "_rels/.rels", &x);

   /* no dates: the same session renders the same bytes */
   Buf_add(&x, DOCX_XML_DECL
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
           "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
           "<dc:title>");
   if (Docx_has(h->docno)) {
      Escape_xml(&x, h->docno);
      Buf_addc(&x, ' ');
   }
   Escape_xml(&x, h->title ? h->title : "");
   Buf_add(&x, "</dc:title><dc:subject>");
   Escape_xml(&x, h->subject ? h->subject : "");
   Buf_addf(&x, "</dc:subject><dc:language>%s</dc:language></cp:coreProperties>", lang);
   Docx_add(&z, "docProps/core.xml", &x);

   Buf_add(&x, DOCX_XML_DECL
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
           "extended-properties\"><Application>gavel</Application></Properties>");
   Docx_add(&z, "docProps/app.xml", &x);

   Docx_body(&x, d);
   Docx_add(&z, "word/document.xml", &x);

   Buf_add(&x, DOCX_XML_DECL
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rIdStyles\" Type=\"" DOCX_REL "styles\" Target=\"styles.xml\"/>"
           "<Relationship Id=\"rIdSettings\" Type=\"" DOCX_REL "settings\" Target=\"settings.xml\"/>"
           "<Relationship Id=\"rIdFooter\" Type=\"" DOCX_REL "footer\" Target=\"footer1.xml\"/>"
           "</Relationships>");
   Docx_add(&z, "word/_rels/document.xml.rels", &x);

   Docx_styles(&x, lang);
   Docx_add(&z, "word/styles.xml", &x);

   /* Word 2013 and later layout rather than compatibility mode */
   Buf_add(&x, DOCX_XML_DECL "<w:settings xmlns:w=\"" DOCX_NS_W "\">"
               "<w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
               "<w:compat><w:compatSetting w:name=\"compatibilityMode\""
               " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
               "</w:settings>");
   Docx_add(&z, "word/settings.xml", &x);

   Docx_footer(&x, h);
   Docx_add(&z, "word/footer1.xml", &x);

   Buf_free(&x);
   return Zip_finish(&z);
}
