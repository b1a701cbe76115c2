/* The parts of a Word package (.docx, Office Open XML) around its text:
 * the content types, the relationships, the properties, the styles and the
 * settings. outcome_docx.c writes the document and the footer they name,
 * with the styles defined here. Nothing here depends on the clock. */
#ifndef GAVEL_RENDER_DOCX_PACKAGE_H
#define GAVEL_RENDER_DOCX_PACKAGE_H

#include "render/buf.h"
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

/* The parts the caller writes, and the footer's relationship id. */
#define DOCX_DOCUMENT "word/document.xml"
#define DOCX_FOOTER "word/footer1.xml"
#define DOCX_FOOTER_RID "rIdFooter"

/* Adds x as the member name and empties x. */
void DocxPackage_add(Zip *z, const char *name, Buf *x);

/* [Content_Types].xml (first, as Office writes it), the package's
 * relationships and its properties: title and subject (plain text, NULL
 * for none) and lang, the language tag of the text ("en": letters and
 * '-' only, as it goes into attributes unescaped). */
void DocxPackage_begin(Zip *z, const char *title, const char *subject, const char *lang);

/* The document's relationships, the styles (Normal, Heading 1 to 3,
 * Title, Header Block, Header Field, Rule, Documents, List Bullet, Access,
 * Table Text, Footer, Table Grid), the numbering of List Bullet and the
 * settings. */
void DocxPackage_end(Zip *z, const char *lang);

#endif
