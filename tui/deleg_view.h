/* The delegation view: one delegation's interventions, positions and
 * reservations in this meeting and, Tab further, across the archive
 * (render/archive_said.h, the report `gavel said` prints). */
#ifndef GAVEL_TUI_DELEG_VIEW_H
#define GAVEL_TUI_DELEG_VIEW_H

#include "tui/app.h"

/* Opens the view of code on this meeting. Returns redraw flags. */
unsigned DelegView_open(App *app, const char *code);
/* Tab: this meeting or the archive. */
unsigned DelegView_toggle(App *app);

#endif
