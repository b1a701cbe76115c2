/* The user's settings: $XDG_CONFIG_HOME/gavel/config.ini (default
 * ~/.config/gavel/config.ini). A missing file means the defaults.
 *
 *   [general]
 *   theme = default          ; a theme name (themes/NAME.ini) or a path
 *   speaking_time = 180      ; seconds (or 3m, 90s); 0 = no limit
 *   editor = vim             ; for Ctrl-E; empty: $VISUAL, then $EDITOR
 *   clock = seconds          ; seconds, minutes (repaint once a minute) or off
 *   mouse = yes              ; no: the terminal keeps its own selection
 *   selection = marker       ; row: the selected row of a list highlighted whole
 *
 *   [keys]
 *   next = n                 ; action = key, checked by the TUI
 *
 * The [keys] pairs are kept raw with their lines: only the TUI knows the
 * actions and the key names, and it reports a wrong one as
 * "Config.path:line: message". A bad value elsewhere is reported the same way
 * here and the default is kept, so gavel still starts. */
#ifndef GAVEL_STORAGE_CONFIG_H
#define GAVEL_STORAGE_CONFIG_H

#include <stddef.h>

typedef struct ConfigKey {
   char *action; /* as written: "next", "give" */
   char *key;    /* as written: "n", "C-g", "F5" */
   int line;
} ConfigKey;

/* The longest editor command accepted (a longer one is refused with its
 * FILE:LINE, never cut). */
#define CONFIG_EDITOR_MAX 255

typedef struct Config {
   char *path;        /* the file read (or that would have been) */
   char *theme;       /* "default" unless set */
   int themeLine;     /* where theme = was set (0: not set) */
   int speakingTime;  /* seconds; 0 = off (the default) */
   char *editor;      /* NULL: $VISUAL, then $EDITOR */
   int clock;         /* CONFIG_CLOCK_SECONDS (the default), _MINUTES, _OFF */
   int mouse;         /* 1 (the default): clicks select; 0: no mouse capture */
   int selection;     /* CONFIG_SELECTION_MARKER (the default) or _ROW */
   ConfigKey *keys;   /* [keys] in file order */
   int nkeys;
} Config;

enum { CONFIG_CLOCK_SECONDS, CONFIG_CLOCK_MINUTES, CONFIG_CLOCK_OFF };
enum { CONFIG_SELECTION_MARKER, CONFIG_SELECTION_ROW };

/* The config file's path into buf: 0, or -1 (no XDG_CONFIG_HOME, no HOME). */
int Config_path(char *buf, size_t n);

/* Parses buf[0..len) read from the file called name. Always returns a Config
 * (defaults where the file says nothing or something wrong); *errors gets
 * every problem as "name:line: message\n..." or NULL if none (free it). */
Config *Config_parse(const char *buf, size_t len, const char *name, char **errors);

/* Loads path (NULL: Config_path()). A missing file is no error. */
Config *Config_load(const char *path, char **errors);

void Config_free(Config *c);

/* Loads c's theme (storage/theme_file.h). A theme that is not found is
 * reported at the config's "theme =" line ("FILE:LINE: theme 'x': ...");
 * problems inside the theme file carry that file's own lines. Always a
 * theme (the built-in one when not found); *errors as for Config_parse. */
struct Theme;
struct PathsHint;
struct Theme *Config_loadTheme(const Config *c, const struct PathsHint *hint, char **errors);

#endif
