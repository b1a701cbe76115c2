/* A multi-line UTF-8 text buffer with a cursor, laid out with word wrap for a
 * given width. No curses here: the notes pane draws it, the tests drive it. */
#ifndef GAVEL_TUI_EDITOR_H
#define GAVEL_TUI_EDITOR_H

#include <stddef.h>

/* One screen row of the wrapped text: bytes [start, end) are shown, the row
 * after it begins at next. */
typedef struct EditorLine {
   size_t start, end, next;
} EditorLine;

typedef struct Editor {
   char *text;          /* UTF-8, always NUL-terminated */
   size_t len, cap;
   size_t cursor;       /* byte offset on a character boundary */
   int goal;            /* column kept across up/down; -1 when none */
   unsigned long version; /* bumped by every change of the text */
   EditorLine *lines;   /* layout cache for `width` */
   size_t nlines, linecap;
   int width;
   size_t top;          /* first row shown */
} Editor;

void Editor_init(Editor *ed);
void Editor_free(Editor *ed);

/* Replaces the text; the cursor goes to its end. */
void Editor_set(Editor *ed, const char *text);
const char *Editor_text(const Editor *ed);
int Editor_isEmpty(const Editor *ed);

/* Inserts n bytes at the cursor. Control characters other than newline are
 * dropped, tabs become spaces, CR and CRLF become newline, invalid UTF-8
 * becomes U+FFFD: what a paste from anywhere may bring. */
void Editor_insert(Editor *ed, const char *s, size_t n);
void Editor_insertCodepoint(Editor *ed, unsigned cp);

void Editor_backspace(Editor *ed);
void Editor_delete(Editor *ed);
void Editor_deleteWordBack(Editor *ed);
void Editor_killToEnd(Editor *ed);   /* to the end of the logical line */

void Editor_left(Editor *ed);
void Editor_right(Editor *ed);
void Editor_wordLeft(Editor *ed);
void Editor_wordRight(Editor *ed);
void Editor_textStart(Editor *ed);
void Editor_textEnd(Editor *ed);
/* These work on the rows of the layout at width. */
void Editor_up(Editor *ed, int width);
void Editor_down(Editor *ed, int width);
void Editor_home(Editor *ed, int width);
void Editor_end(Editor *ed, int width);

/* Lays the text out at width (>= 1) and returns the rows (owned by ed). */
const EditorLine *Editor_layout(Editor *ed, int width, size_t *nlines);

/* Row and column of the cursor at width. */
void Editor_cursorRowCol(Editor *ed, int width, size_t *row, int *col);

/* Adjusts ed->top so that the cursor row is among height rows shown. */
void Editor_scrollTo(Editor *ed, int width, int height);

#endif
