/* Actions and deadlines as CSV: RFC 4180, a header row, UTF-8, CRLF. */
#ifndef GAVEL_RENDER_ACTIONS_CSV_H
#define GAVEL_RENDER_ACTIONS_CSV_H

#include <stdio.h>

#include "render/actions.h"

void ActionsCsv_write(FILE *out, const ActionList *l);

#endif
