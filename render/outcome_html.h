/* The outcome document as one self-contained HTML file: inline CSS, an A4
 * print layout with the document number and the page in the footer, no
 * script and nothing loaded from elsewhere; the speaking-time annex as an
 * inline SVG bar chart. Every piece of text is escaped. */
#ifndef GAVEL_RENDER_OUTCOME_HTML_H
#define GAVEL_RENDER_OUTCOME_HTML_H

#include <stdio.h>

#include "render/doc.h"

#include "render/buf.h"

void OutcomeHtml_write(FILE *out, const Doc *d);

/* The same a block at a time, as the document is composed: begin with the
 * header, each block in order, end with the same header. */
typedef struct OutcomeHtml {
   FILE *out;
   Buf b;
   int inAnnex;  /* an annex's <section> is open */
} OutcomeHtml;
void OutcomeHtml_begin(OutcomeHtml *w, FILE *out, const DocHeader *h);
void OutcomeHtml_block(OutcomeHtml *w, const DocBlock *k);
void OutcomeHtml_end(OutcomeHtml *w, const DocHeader *h);

#endif
