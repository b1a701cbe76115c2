/* The delegation picker: type part of a code, an English or a native name
 * ("fr", "Fran", "Ελλ", "Öster"); Enter acts on the highlighted match
 * (queues it, gives it the floor...) and closes. Asking for the floor, Tab
 * queues and stays open, so that several delegations can be queued in a row. */
#ifndef GAVEL_TUI_PICKER_H
#define GAVEL_TUI_PICKER_H

#include "model/roster.h"
#include "tui/app.h"

unsigned Picker_open(App *app, PickMode mode);
unsigned Picker_key(App *app, int key);
void Picker_draw(App *app);

/* Fills p->codes from the query (no curses): the roster's matches, or for
 * withdraw with an empty query the queue itself. */
void Picker_refresh(App *app);
/* Among matches equally good, who has spoken more in the meeting comes
 * first (the Presidency before Poland for "p" once it has spoken): the
 * roster's matches re-ranked in place, stable. O(interventions + n^2),
 * n <= PICKER_MAX. */
void Picker_rank(App *app, RosterMatch *m, size_t n);

#endif
