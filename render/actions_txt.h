/* Actions and deadlines as plain text wrapped at 80 columns. */
#ifndef GAVEL_RENDER_ACTIONS_TXT_H
#define GAVEL_RENDER_ACTIONS_TXT_H

#include <stdio.h>

#include "render/actions.h"

void ActionsTxt_write(FILE *out, const ActionList *l);

#endif
