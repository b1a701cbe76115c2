/* The outcome document as plain text wrapped at 80 columns, for e-mail. */
#ifndef GAVEL_RENDER_OUTCOME_TXT_H
#define GAVEL_RENDER_OUTCOME_TXT_H

#include <stdio.h>

#include "render/doc.h"

#define OUTCOME_TXT_WIDTH 80

#include "render/buf.h"

void OutcomeTxt_write(FILE *out, const Doc *d);

/* The same a block at a time, as the document is composed: begin with the
 * header, each block in order, end. */
typedef struct OutcomeTxt {
   FILE *out;
   Buf b;  /* what is laid out and not yet written (written by 64 KiB) */
} OutcomeTxt;
void OutcomeTxt_begin(OutcomeTxt *w, FILE *out, const DocHeader *h);
void OutcomeTxt_block(OutcomeTxt *w, const DocBlock *k);
void OutcomeTxt_end(OutcomeTxt *w);

#endif
