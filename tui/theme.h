/* The colour roles the live screen paints with, mapped from a theme file's
 * roles (storage/theme_file.h) to curses attributes. NO_COLOR or a terminal
 * without colours gets attributes only (bold, reverse, underline); every
 * state is also shown as a glyph or a word, never by colour alone. */
#ifndef GAVEL_TUI_THEME_H
#define GAVEL_TUI_THEME_H

#include "storage/theme_file.h"

typedef enum TuiRole {
   ROLE_NORMAL,
   ROLE_TITLE,     /* pane titles */
   ROLE_BORDER,
   ROLE_STATUS,    /* the top bar */
   ROLE_HINT,
   ROLE_HINTKEY,
   ROLE_CURRENT,
   ROLE_SELECTED,
   ROLE_PENDING,
   ROLE_DONE,
   ROLE_POSTPONED,
   ROLE_SPEAKER,
   ROLE_CLOCK,
   ROLE_WARN,
   ROLE_ALERT,
   ROLE_POINT,
   ROLE_NEXT,
   ROLE_ERROR,
   ROLE_OK,
   ROLE_DIM,
   ROLE_BAR,
   ROLE_READONLY,
   ROLE_NOTE,
   ROLE_INPUT,
   ROLE_COUNT
} TuiRole;

/* Sets up curses colour pairs for theme t (after initscr) and fills attrs
 * with the attribute of every role; use_colour 0 gives the monochrome
 * attributes. */
void TuiTheme_apply(const Theme *t, int use_colour, int attrs[ROLE_COUNT]);

/* Which theme-file role paints a screen role (for the tests). */
int TuiTheme_source(TuiRole role);

#endif
