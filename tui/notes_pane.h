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

/* Before a key is read: whether a printable letter typed next can be sent
 * to the terminal at once, and where. */
void NotesPane_armTyped(App *app);

/* Right after the key is read, before anything else: sends it when armed
 * and a printable ASCII letter (App_draw settles it); 1 when sent. The key
 * then goes through NotesPane_key as any other. */
int NotesPane_sendArmed(App *app, int key);

#endif
