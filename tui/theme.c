#include "tui/theme.h"

#include <curses.h>
#include <string.h>

/* Each screen role takes the style of one theme-file role, plus attributes. */
static const struct {
   int source;
   unsigned extra;
   unsigned mono;   /* the attributes without colour */
} Map[ROLE_COUNT] = {
   [ROLE_NORMAL] = { THEME_ROLE_NORMAL, 0, 0 },
   [ROLE_TITLE] = { THEME_ROLE_HEADING, 0, THEME_BOLD },
   [ROLE_BORDER] = { THEME_ROLE_BORDER, 0, 0 },
   [ROLE_STATUS] = { THEME_ROLE_TITLE, 0, THEME_REVERSE },
   [ROLE_HINT] = { THEME_ROLE_HINT, 0, 0 },
   [ROLE_HINTKEY] = { THEME_ROLE_STATUS, 0, THEME_REVERSE },
   [ROLE_CURRENT] = { THEME_ROLE_CURRENT, 0, THEME_BOLD },
   [ROLE_SELECTED] = { THEME_ROLE_SELECTED, 0, THEME_REVERSE },
   [ROLE_PENDING] = { THEME_ROLE_PENDING, 0, 0 },
   [ROLE_DONE] = { THEME_ROLE_DONE, 0, 0 },
   [ROLE_POSTPONED] = { THEME_ROLE_POSTPONED, 0, THEME_UNDERLINE },
   [ROLE_SPEAKER] = { THEME_ROLE_SPEAKER, 0, THEME_BOLD },
   [ROLE_CLOCK] = { THEME_ROLE_CLOCK, 0, THEME_BOLD },
   [ROLE_WARN] = { THEME_ROLE_CLOCK_WARN, 0, THEME_BOLD | THEME_UNDERLINE },
   [ROLE_ALERT] = { THEME_ROLE_CLOCK_ALERT, 0, THEME_REVERSE | THEME_BOLD },
   [ROLE_POINT] = { THEME_ROLE_POINT_OF_ORDER, 0, THEME_BOLD },
   [ROLE_NEXT] = { THEME_ROLE_NEXT, 0, THEME_BOLD },
   [ROLE_ERROR] = { THEME_ROLE_ERROR, 0, THEME_BOLD | THEME_REVERSE },
   [ROLE_OK] = { THEME_ROLE_OK, 0, 0 },
   [ROLE_DIM] = { THEME_ROLE_DIM, 0, THEME_DIM },
   [ROLE_BAR] = { THEME_ROLE_BAR, 0, THEME_REVERSE },
   [ROLE_READONLY] = { THEME_ROLE_CLOCK_WARN, THEME_REVERSE, THEME_REVERSE },
   [ROLE_NOTE] = { THEME_ROLE_NOTE, 0, 0 },
   [ROLE_INPUT] = { THEME_ROLE_INPUT, 0, THEME_BOLD },
};

int TuiTheme_source(TuiRole role) {
   return role < ROLE_COUNT ? Map[role].source : -1;
}

static int TuiTheme_attrs(unsigned flags) {
   int a = 0;
   if (flags & THEME_BOLD)
      a |= A_BOLD;
   if (flags & THEME_DIM)
      a |= A_DIM;
   if (flags & THEME_UNDERLINE)
      a |= A_UNDERLINE;
   if (flags & THEME_REVERSE)
      a |= A_REVERSE;
#ifdef A_ITALIC
   if (flags & THEME_ITALIC)
      a |= A_ITALIC;
#endif
   if (flags & THEME_BLINK)
      a |= A_BLINK;
   if (flags & THEME_STANDOUT)
      a |= A_STANDOUT;
   return a;
}

/* A colour this terminal can show: bright ones fold to their base colour
 * (with bold) on 8-colour terminals, 256-colour ones to the nearest basic. */
static short TuiTheme_fit(short c, int *bold) {
   if (c < 0 || c < COLORS)
      return c;
   if (c >= 8 && c < 16) {
      *bold = 1;
      return (short)(c - 8);
   }
   if (c >= 232) /* greys */
      return c >= 244 ? COLOR_WHITE : COLOR_BLACK;
   if (c >= 16) {
      int v = c - 16, r = v / 36, g = v / 6 % 6, b = v % 6;
      return (short)((r >= 3 ? 1 : 0) | (g >= 3 ? 2 : 0) | (b >= 3 ? 4 : 0));
   }
   return (short)(c % 8);
}

void TuiTheme_apply(const Theme *t, int use_colour, int attrs[ROLE_COUNT]) {
   if (!use_colour || !t || !has_colors()) {
      for (int r = 0; r < ROLE_COUNT; r++)
         attrs[r] = TuiTheme_attrs(Map[r].mono);
      return;
   }
   start_color();
   int deflt = use_default_colors() == OK;
   for (int r = 0; r < ROLE_COUNT; r++) {
      const ThemeStyle *st = &t->style[Map[r].source];
      int bold = 0;
      short fg = TuiTheme_fit(st->fg, &bold), bg = TuiTheme_fit(st->bg, &bold);
      if (!deflt) {
         if (fg < 0)
            fg = COLOR_WHITE;
         if (bg < 0)
            bg = COLOR_BLACK;
      }
      unsigned flags = st->attrs | Map[r].extra;
      int a = TuiTheme_attrs(flags) | (bold && st->fg >= 8 ? A_BOLD : 0);
      int pair = r + 1;
      if (pair < COLOR_PAIRS && (fg >= 0 || bg >= 0)) {
         init_pair((short)pair, fg, bg);
         a |= (int)COLOR_PAIR(pair);
      }
      attrs[r] = a;
   }
}
