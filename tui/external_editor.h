/* Ctrl-E: the running note in $VISUAL / $EDITOR (or the config's editor),
 * taken back into the notes pane and journaled as a draft. */
#ifndef GAVEL_TUI_EXTERNAL_EDITOR_H
#define GAVEL_TUI_EXTERNAL_EDITOR_H

#include "tui/app.h"

unsigned ExternalEditor_edit(App *app);

#endif
