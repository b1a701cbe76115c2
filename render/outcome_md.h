/* The outcome document as Markdown (pandoc and CommonMark read it alike). */
#ifndef GAVEL_RENDER_OUTCOME_MD_H
#define GAVEL_RENDER_OUTCOME_MD_H

#include <stdio.h>

#include "render/doc.h"

#include "render/buf.h"

void OutcomeMd_write(FILE *out, const Doc *d);

/* The same a block at a time, as the document is composed: begin with the
 * header, each block in order, end. */
typedef struct OutcomeMd {
   FILE *out;
   Buf b;
} OutcomeMd;
void OutcomeMd_begin(OutcomeMd *w, FILE *out, const DocHeader *h);
void OutcomeMd_block(OutcomeMd *w, const DocBlock *k);
void OutcomeMd_end(OutcomeMd *w);

#endif
