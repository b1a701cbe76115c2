/* The outcome document as a Word file (.docx, Office Open XML), for the
 * Secretariat to finish in Word: A4 with the margins of the HTML print
 * layout, the header block as in the HTML, items as Word's built-in
 * headings (Heading 1 to 3) with their numbers in the text, the annex
 * tables as Word tables with a repeated header row, and on every page a
 * footer with the document number, "Page X of Y" (PAGE and NUMPAGES
 * fields) and the marking (LIMITE). The speaking-time chart is left out,
 * as in Markdown and text: the table beside it holds the same figures.
 * The output is byte-for-byte the same for the same Doc (no clock). The
 * package around the text (styles, relationships) is docx_package.c, the
 * ZIP container zip.c. */
#ifndef GAVEL_RENDER_OUTCOME_DOCX_H
#define GAVEL_RENDER_OUTCOME_DOCX_H

#include <stdio.h>

#include "render/buf.h"
#include "render/doc.h"
#include "render/zip.h"

/* Writes the whole ZIP container to out (which need not seek).
 * 0, or -1 when it could not be composed (the FILE's own errors aside). */
int OutcomeDocx_write(FILE *out, const Doc *d);

/* The same a block at a time, as the document is composed: the document
 * part is deflated as it comes, so only its compressed bytes are held. */
typedef struct OutcomeDocx {
   Zip z;
   Buf x;          /* the part's text not yet deflated */
   char lang[16];
} OutcomeDocx;
void OutcomeDocx_begin(OutcomeDocx *w, FILE *out, const DocHeader *h);
void OutcomeDocx_block(OutcomeDocx *w, const DocBlock *k);
/* 0, or -1 as OutcomeDocx_write. */
int OutcomeDocx_end(OutcomeDocx *w, const DocHeader *h);

#endif
