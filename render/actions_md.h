/* Actions and deadlines as a Markdown checklist grouped by owner, each line
 * with its due date, the item and the meeting it came from. */
#ifndef GAVEL_RENDER_ACTIONS_MD_H
#define GAVEL_RENDER_ACTIONS_MD_H

#include <stdio.h>

#include "render/actions.h"

void ActionsMd_write(FILE *out, const ActionList *l);

#endif
