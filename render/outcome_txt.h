/* The outcome document as plain text wrapped at 80 columns, for e-mail. */
#ifndef GAVEL_RENDER_OUTCOME_TXT_H
#define GAVEL_RENDER_OUTCOME_TXT_H

#include <stdio.h>

#include "render/doc.h"

#define OUTCOME_TXT_WIDTH 80

void OutcomeTxt_write(FILE *out, const Doc *d);

#endif
