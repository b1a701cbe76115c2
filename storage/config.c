#include "storage/config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "storage/ini.h"
#include "storage/paths.h"
#include "storage/theme_file.h"

/* Longest speaking time accepted: a day is a mistake, not a limit. */
#define CONFIG_MAX_SPEAKING 86400

static char *Config_strdup(const char *s) {
   char *d = strdup(s);
   if (!d)
      abort(); /* out of memory */
   return d;
}

int Config_path(char *buf, size_t n) {
   return Paths_user(PATHS_CONFIG, "config.ini", buf, n);
}

/* "180", "180s", "3m", "2m30s", "2:30" -> seconds, or -1. */
static int Config_seconds(const char *s) {
   long total = 0, num = -1;
   int any = 0;
   for (const char *p = s;; p++) {
      if (*p >= '0' && *p <= '9') {
         num = (num < 0 ? 0 : num) * 10 + (*p - '0');
         if (num > CONFIG_MAX_SPEAKING)
            return -1;
         continue;
      }
      if (num < 0)
         return -1; /* a unit with no number, or an empty value */
      if (*p == 'm' || *p == ':') {
         total += num * 60;
      } else if (*p == 's' || *p == '\0') {
         total += num;
      } else {
         return -1;
      }
      any = 1;
      num = -1;
      if (*p == ':' && p[1] == '\0')
         return -1;
      if (*p == '\0' || p[1] == '\0')
         break;
   }
   return any && total <= CONFIG_MAX_SPEAKING ? (int)total : -1;
}

static void Config_general(Ini *ini, int s, Config *c) {
   static const char *const allowed[] = {"theme", "speaking_time", "editor", "clock", "mouse", "selection", NULL};
   Ini_checkKeys(ini, s, allowed);
   const char *sec = Ini_sectionName(ini, s);
   const char *theme = Ini_get(ini, sec, "theme");
   if (theme) {
      if (*theme) {
         free(c->theme);
         c->theme = Config_strdup(theme);
         c->themeLine = Ini_line(ini, sec, "theme");
      } else {
         Ini_report(ini, Ini_line(ini, sec, "theme"), "empty theme (default, light, ...)");
      }
   }
   const char *st = Ini_get(ini, sec, "speaking_time");
   if (st) {
      int secs = Config_seconds(st);
      if (secs < 0)
         Ini_report(ini, Ini_line(ini, sec, "speaking_time"),
                    "speaking_time '%s': expected seconds (180), 3m, 2m30s or 2:30; 0 = off",
                    st);
      else
         c->speakingTime = secs;
   }
   const char *editor = Ini_get(ini, sec, "editor");
   if (editor && strlen(editor) > CONFIG_EDITOR_MAX)
      Ini_report(ini, Ini_line(ini, sec, "editor"),
                 "editor: %zu bytes, at most %d (a wrapper script can hold a longer command)",
                 strlen(editor), CONFIG_EDITOR_MAX);
   else if (editor && *editor)
      c->editor = Config_strdup(editor);
   const char *clock = Ini_get(ini, sec, "clock");
   if (clock) {
      if (strcasecmp(clock, "seconds") == 0)
         c->clock = CONFIG_CLOCK_SECONDS;
      else if (strcasecmp(clock, "minutes") == 0)
         c->clock = CONFIG_CLOCK_MINUTES;
      else if (strcasecmp(clock, "off") == 0)
         c->clock = CONFIG_CLOCK_OFF;
      else
         Ini_report(ini, Ini_line(ini, sec, "clock"), "clock '%s': expected seconds, minutes or off",
                    clock);
   }
   const char *mouse = Ini_get(ini, sec, "mouse");
   if (mouse) {
      if (strcasecmp(mouse, "yes") == 0 || strcasecmp(mouse, "on") == 0 || strcasecmp(mouse, "true") == 0)
         c->mouse = 1;
      else if (strcasecmp(mouse, "no") == 0 || strcasecmp(mouse, "off") == 0 ||
               strcasecmp(mouse, "false") == 0)
         c->mouse = 0;
      else
         Ini_report(ini, Ini_line(ini, sec, "mouse"), "mouse '%s': expected yes or no", mouse);
   }
   const char *sel = Ini_get(ini, sec, "selection");
   if (sel) {
      if (strcasecmp(sel, "marker") == 0)
         c->selection = CONFIG_SELECTION_MARKER;
      else if (strcasecmp(sel, "row") == 0)
         c->selection = CONFIG_SELECTION_ROW;
      else
         Ini_report(ini, Ini_line(ini, sec, "selection"), "selection '%s': expected marker or row", sel);
   }
}

static void Config_keys(Ini *ini, int s, Config *c) {
   int n = Ini_keyCount(ini, s);
   c->keys = calloc((size_t)n + 1, sizeof *c->keys);
   if (!c->keys)
      abort();
   for (int k = 0; k < n; k++) {
      IniKey key = Ini_key(ini, s, k);
      if (!*key.value) {
         Ini_report(ini, key.line, "no key given for '%s'", key.key);
         continue;
      }
      ConfigKey *ck = &c->keys[c->nkeys++];
      ck->action = Config_strdup(key.key);
      ck->key = Config_strdup(key.value);
      ck->line = key.line;
   }
}

static Config *Config_fromIni(Ini *ini, char **errors) {
   Config *c = calloc(1, sizeof *c);
   if (!c)
      abort();
   c->path = Config_strdup(Ini_name(ini));
   c->theme = Config_strdup("default");
   c->mouse = 1;
   for (int s = 0; s < Ini_sectionCount(ini); s++) {
      const char *sec = Ini_sectionName(ini, s);
      if (strcasecmp(sec, "general") == 0)
         Config_general(ini, s, c);
      else if (strcasecmp(sec, "keys") == 0)
         Config_keys(ini, s, c);
      else
         Ini_report(ini, Ini_sectionLine(ini, s), "unknown section [%s] (known: general, keys)",
                    sec);
   }
   *errors = Ini_errorCount(ini) > 0 ? Ini_errorText(ini) : NULL;
   Ini_free(ini);
   return c;
}

Config *Config_parse(const char *buf, size_t len, const char *name, char **errors) {
   Ini *ini = Ini_parse(buf, len, name);
   if (!ini)
      abort();
   return Config_fromIni(ini, errors);
}

Config *Config_load(const char *path, char **errors) {
   char def[PATH_MAX];
   if (!path) {
      if (Config_path(def, sizeof def) != 0)
         snprintf(def, sizeof def, "config.ini");
      path = def;
   }
   struct stat st;
   if (stat(path, &st) != 0 && errno == ENOENT)
      return Config_parse("", 0, path, errors); /* no file: the defaults */
   Ini *ini = Ini_load(path);
   if (!ini)
      abort();
   return Config_fromIni(ini, errors);
}

void Config_free(Config *c) {
   if (!c)
      return;
   for (int i = 0; i < c->nkeys; i++) {
      free(c->keys[i].action);
      free(c->keys[i].key);
   }
   free(c->keys);
   free(c->theme);
   free(c->editor);
   free(c->path);
   free(c);
}

Theme *Config_loadTheme(const Config *c, const PathsHint *hint, char **errors) {
   const char *name = c && c->theme ? c->theme : "default";
   *errors = NULL;
   char path[PATH_MAX], err[2048];
   if (c && c->themeLine > 0 && !Paths_isPath(name) &&
       Paths_findData("themes", name, hint, path, sizeof path, err, sizeof err) != 0) {
      size_t n = strlen(c->path) + strlen(err) + 64;
      *errors = malloc(n);
      if (!*errors)
         abort();
      snprintf(*errors, n, "%s:%d: %s\n", c->path, c->themeLine, err);
      return ThemeFile_builtin();
   }
   return ThemeFile_load(name, hint, errors);
}
