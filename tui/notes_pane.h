/* The notes pane: the running intervention's notes in the editor, typed in
 * place; without a speaker, the latest interventions on the item. */
#ifndef GAVEL_TUI_NOTES_PANE_H
#define GAVEL_TUI_NOTES_PANE_H

#include "tui/app.h"

void NotesPane_draw(App *app, Rect r);
/* Redraws the rows of the editor's text that changed since the last draw;
 * 0 (nothing drawn) when more than the text changed: the frame's title, the
 * pane's place or the focus. */
int NotesPane_drawText(App *app, Rect r);
void NotesPane_placeCursor(App *app, Rect r);
/* A key while the notes have the focus: redraw flags, or (unsigned)-1 when
 * the key is not the editor's (the key table gets it then). */
unsigned NotesPane_key(App *app, int key);

#endif
