/* Small painting helpers on stdscr: clipped UTF-8 text, filled rows, boxes
 * with a title, horizontal bars, big digits for the speaker and clock. */
#ifndef GAVEL_TUI_DRAW_H
#define GAVEL_TUI_DRAW_H

typedef struct Rect {
   int y, x, h, w;
} Rect;

/* Prints s at (y, x) in at most w columns with attr; returns the columns
 * used. Never writes past w, never splits a character. */
int Draw_text(int y, int x, int w, int attr, const char *s);

/* Like Draw_text, but a text that does not fit ends in an ellipsis. */
int Draw_textCut(int y, int x, int w, int attr, const char *s, int ascii);

/* Like Draw_text, then fills the rest of the w columns with spaces. */
void Draw_line(int y, int x, int w, int attr, const char *s);

/* Fills rect with spaces in attr. */
void Draw_clear(Rect r, int attr);

/* A frame around r with " title " on the top edge; ascii: the terminal's
 * line-drawing set instead of Unicode box characters. */
void Draw_frame(Rect r, const char *title, int attr, int title_attr, int ascii);

/* A horizontal rule across the frame r at row y, joined to its sides. */
void Draw_rule(Rect r, int y, int attr, int ascii);

/* A bar of frac (0..1) of w columns in block glyphs ('#' in ASCII), the
 * rest blank. */
void Draw_bar(int y, int x, int w, double frac, int attr, int ascii);

/* Height and width of s in the big font (5 rows; 0 width if a character has
 * no glyph); Draw_big paints it. */
int Draw_bigWidth(const char *s);
int Draw_big(int y, int x, int w, int attr, const char *s);

/* "1:05" or "1:02:05" from seconds. */
void Draw_duration(long secs, char *buf, unsigned n);

#endif
