/* The delegation picker: type part of a code, an English or a native name
 * ("fr", "Fran", "Ελλ", "Öster"); Enter acts on the highlighted match
 * (queues it, gives it the floor...) and closes. Asking for the floor, Tab
 * queues and stays open, so that several delegations can be queued in a row. */
#ifndef GAVEL_TUI_PICKER_H
#define GAVEL_TUI_PICKER_H

#include "tui/app.h"

unsigned Picker_open(App *app, PickMode mode);
unsigned Picker_key(App *app, int key);
void Picker_draw(App *app);

/* Fills p->codes from the query (no curses): the roster's matches, or for
 * withdraw with an empty query the queue itself. */
void Picker_refresh(App *app);

#endif
