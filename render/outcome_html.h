/* The outcome document as one self-contained HTML file: inline CSS, an A4
 * print layout with the document number and the page in the footer, no
 * script and nothing loaded from elsewhere; the speaking-time annex as an
 * inline SVG bar chart. Every piece of text is escaped. */
#ifndef GAVEL_RENDER_OUTCOME_HTML_H
#define GAVEL_RENDER_OUTCOME_HTML_H

#include <stdio.h>

#include "render/doc.h"

void OutcomeHtml_write(FILE *out, const Doc *d);

#endif
