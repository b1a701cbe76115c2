/* The full-screen views over the live screen: help (generated from the key
 * table), the roster, statistics with bar charts, the record of one item,
 * and the quit question. Each builds lines, then one painter scrolls them. */
#ifndef GAVEL_TUI_OVERLAYS_H
#define GAVEL_TUI_OVERLAYS_H

#include "tui/app.h"

typedef struct OverlayLine {
   char text[1024];
   int role;
   double bar;         /* >= 0: a bar chart row; text is its label */
   char right[64];     /* after the bar */
} OverlayLine;

typedef struct OverlayLines {
   OverlayLine *line;
   int n, cap;
   char title[128];
   char foot[160];
} OverlayLines;

void Overlays_draw(App *app);
unsigned Overlays_key(App *app, int key);

/* The help lines (no curses): one per action, grouped, then the editing
 * keys. Free with OverlayLines_free. */
void Overlays_help(App *app, OverlayLines *out, int width);
void OverlayLines_free(OverlayLines *l);

#endif
