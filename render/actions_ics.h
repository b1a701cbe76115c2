/* Actions and deadlines as iCalendar (RFC 5545): one VTODO per action, one
 * all-day VEVENT per deadline, UIDs from the gavel uuids so that a second
 * import updates instead of duplicating. */
#ifndef GAVEL_RENDER_ACTIONS_ICS_H
#define GAVEL_RENDER_ACTIONS_ICS_H

#include <stdio.h>

#include "render/actions.h"

/* dtstamp: when the export is made, UTC, "20261127T190000Z" (the caller's
 * clock: render/ reads none). */
void ActionsIcs_write(FILE *out, const ActionList *l, const char *dtstamp);

#endif
