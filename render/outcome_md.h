/* The outcome document as Markdown (pandoc and CommonMark read it alike). */
#ifndef GAVEL_RENDER_OUTCOME_MD_H
#define GAVEL_RENDER_OUTCOME_MD_H

#include <stdio.h>

#include "render/doc.h"

void OutcomeMd_write(FILE *out, const Doc *d);

#endif
