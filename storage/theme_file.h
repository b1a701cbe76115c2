/* Theme files (themes/NAME.ini): a colour and attributes for each role the
 * screen draws. The TUI maps a Theme to curses pairs; nothing here knows
 * curses. A theme file sets any roles it likes; the others keep the built-in
 * dark defaults (those of themes/default.ini).
 *
 *   [theme]
 *   description = Dark background, the default
 *
 *   [colors]
 *   ; role = foreground, background[, attribute...]
 *   current = yellow, default, bold
 *   clock_alert = bright-white, red, bold blink
 *
 * Colours: default (the terminal's own), black red green yellow blue magenta
 * cyan white, bright-black ... bright-white (8..15), or 0..255. Attributes:
 * normal bold dim underline reverse italic blink standout. */
#ifndef GAVEL_STORAGE_THEME_FILE_H
#define GAVEL_STORAGE_THEME_FILE_H

#include <stddef.h>

#include "storage/paths.h"

/* X(ENUM, "name", fg, bg, attrs, what it colours): the built-in dark look. */
#define THEME_ROLE_LIST(X) \
   X(NORMAL,         "normal",         THEME_DEFAULT, THEME_DEFAULT, 0,                "text") \
   X(TITLE,          "title",          THEME_WHITE,   THEME_BLUE,    THEME_BOLD,       "the top bar") \
   X(BORDER,         "border",         THEME_BLUE,    THEME_DEFAULT, 0,                "pane frames") \
   X(HEADING,        "heading",        THEME_CYAN,    THEME_DEFAULT, THEME_BOLD,       "pane titles") \
   X(SELECTED,       "selected",       THEME_BLACK,   THEME_CYAN,    0,                "the cursor line") \
   X(PENDING,        "pending",        THEME_DEFAULT, THEME_DEFAULT, 0,                "items not taken up") \
   X(CURRENT,        "current",        THEME_YELLOW,  THEME_DEFAULT, THEME_BOLD,       "the current item") \
   X(DONE,           "done",           THEME_GREEN,   THEME_DEFAULT, 0,                "items dealt with") \
   X(POSTPONED,      "postponed",      THEME_MAGENTA, THEME_DEFAULT, 0,                "postponed items") \
   X(SPEAKER,        "speaker",        THEME_BRIGHT_WHITE, THEME_DEFAULT, THEME_BOLD,  "who has the floor") \
   X(CLOCK,          "clock",          THEME_GREEN,   THEME_DEFAULT, THEME_BOLD,       "the speaking clock") \
   X(CLOCK_WARN,     "clock_warn",     THEME_YELLOW,  THEME_DEFAULT, THEME_BOLD,       "the limit is near") \
   X(CLOCK_ALERT,    "clock_alert",    THEME_BRIGHT_WHITE, THEME_RED, THEME_BOLD,      "the limit is passed") \
   X(QUEUE,          "queue",          THEME_DEFAULT, THEME_DEFAULT, 0,                "the queue") \
   X(NEXT,           "next",           THEME_CYAN,    THEME_DEFAULT, THEME_BOLD,       "the next speaker") \
   X(POINT_OF_ORDER, "point_of_order", THEME_RED,     THEME_DEFAULT, THEME_BOLD,       "points of order") \
   X(NOTE,           "note",           THEME_DEFAULT, THEME_DEFAULT, 0,                "notes being typed") \
   X(DIM,            "dim",            THEME_BRIGHT_BLACK, THEME_DEFAULT, 0,           "secondary text") \
   X(STATUS,         "status",         THEME_BLACK,   THEME_WHITE,   0,                "the status line") \
   X(HINT,           "hint",           THEME_CYAN,    THEME_DEFAULT, 0,                "the key hint line") \
   X(INPUT,          "input",          THEME_DEFAULT, THEME_DEFAULT, THEME_BOLD,       "the : line") \
   X(ERROR,          "error",          THEME_BRIGHT_WHITE, THEME_RED, THEME_BOLD,      "refusals, errors") \
   X(OK,             "ok",             THEME_GREEN,   THEME_DEFAULT, 0,                "saved, done") \
   X(BAR,            "bar",            THEME_CYAN,    THEME_DEFAULT, THEME_REVERSE,    "statistics bars")

typedef enum ThemeRole {
#define THEME_ROLE_ENUM(e, name, fg, bg, attrs, what) THEME_ROLE_##e,
   THEME_ROLE_LIST(THEME_ROLE_ENUM)
#undef THEME_ROLE_ENUM
   THEME_ROLE_COUNT
} ThemeRole;

/* Colours: -1 is the terminal's default, 0..255 as in xterm. */
enum {
   THEME_DEFAULT = -1,
   THEME_BLACK, THEME_RED, THEME_GREEN, THEME_YELLOW,
   THEME_BLUE, THEME_MAGENTA, THEME_CYAN, THEME_WHITE,
   THEME_BRIGHT_BLACK, THEME_BRIGHT_RED, THEME_BRIGHT_GREEN, THEME_BRIGHT_YELLOW,
   THEME_BRIGHT_BLUE, THEME_BRIGHT_MAGENTA, THEME_BRIGHT_CYAN, THEME_BRIGHT_WHITE,
};

/* Attributes, or-ed. */
enum {
   THEME_BOLD = 1 << 0,
   THEME_DIM = 1 << 1,
   THEME_UNDERLINE = 1 << 2,
   THEME_REVERSE = 1 << 3,
   THEME_ITALIC = 1 << 4,
   THEME_BLINK = 1 << 5,
   THEME_STANDOUT = 1 << 6,
};

typedef struct ThemeStyle {
   short fg, bg;   /* THEME_DEFAULT or 0..255 */
   unsigned attrs; /* THEME_BOLD | ... */
} ThemeStyle;

typedef struct Theme {
   char *path;        /* the file read; "(built-in)" for the defaults */
   char *description; /* of [theme], or NULL */
   ThemeStyle style[THEME_ROLE_COUNT];
   int line[THEME_ROLE_COUNT]; /* where the file set each role; 0: built-in */
} Theme;

/* "current" for THEME_ROLE_CURRENT; the role for a name (case ignored), or -1. */
const char *ThemeFile_roleName(ThemeRole role);
int ThemeFile_role(const char *name);
/* What a role colours, for the help screen: "the current item". */
const char *ThemeFile_roleWhat(ThemeRole role);

/* The built-in dark theme. */
Theme *ThemeFile_builtin(void);

/* Parses buf[0..len) read from the file called name. Always returns a theme
 * (built-in styles where the file is wrong or silent); *errors gets every
 * problem as "name:line: message\n..." or NULL (free it). */
Theme *ThemeFile_parse(const char *buf, size_t len, const char *name, char **errors);

/* Loads the theme NAME (themes/NAME.ini in the data folders, see
 * storage/paths.h; hint may be NULL) or the file at PATH. A theme that is not
 * found gives the built-in one and an error. */
Theme *ThemeFile_load(const char *name_or_path, const PathsHint *hint, char **errors);

void ThemeFile_free(Theme *t);

#endif
