#include "storage/theme_file.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "storage/ini.h"

typedef struct ThemeRoleDef {
   const char *name, *what;
   ThemeStyle style;
} ThemeRoleDef;

static const ThemeRoleDef ThemeFile_roles[THEME_ROLE_COUNT] = {
#define THEME_ROLE_DEF(e, nm, fg, bg, attrs, wh) {nm, wh, {fg, bg, attrs}},
   THEME_ROLE_LIST(THEME_ROLE_DEF)
#undef THEME_ROLE_DEF
};

static const char *const ThemeFile_colours[16] = {
   "black",        "red",         "green",          "yellow",
   "blue",         "magenta",     "cyan",           "white",
   "bright-black", "bright-red",  "bright-green",   "bright-yellow",
   "bright-blue",  "bright-magenta", "bright-cyan", "bright-white",
};

static const struct {
   const char *name;
   unsigned bit;
} ThemeFile_attrs[] = {
   {"normal", 0},          {"bold", THEME_BOLD},     {"dim", THEME_DIM},
   {"underline", THEME_UNDERLINE}, {"reverse", THEME_REVERSE}, {"italic", THEME_ITALIC},
   {"blink", THEME_BLINK}, {"standout", THEME_STANDOUT},
};

const char *ThemeFile_roleName(ThemeRole role) {
   return (unsigned)role < THEME_ROLE_COUNT ? ThemeFile_roles[role].name : "";
}

const char *ThemeFile_roleWhat(ThemeRole role) {
   return (unsigned)role < THEME_ROLE_COUNT ? ThemeFile_roles[role].what : "";
}

int ThemeFile_role(const char *name) {
   for (int r = 0; r < THEME_ROLE_COUNT; r++)
      if (strcasecmp(ThemeFile_roles[r].name, name) == 0)
         return r;
   return -1;
}

static char *ThemeFile_strdup(const char *s) {
   char *d = strdup(s);
   if (!d)
      abort(); /* out of memory */
   return d;
}

static Theme *ThemeFile_new(const char *path) {
   Theme *t = calloc(1, sizeof *t);
   if (!t)
      abort();
   t->path = ThemeFile_strdup(path);
   for (int r = 0; r < THEME_ROLE_COUNT; r++)
      t->style[r] = ThemeFile_roles[r].style;
   return t;
}

Theme *ThemeFile_builtin(void) {
   return ThemeFile_new("(built-in)");
}

/* A colour word into *c: 0, or -1. "grey"/"gray" and "brightred" are
 * accepted, since people write them. */
static int ThemeFile_colour(const char *s, size_t n, short *c) {
   char w[32];
   if (n == 0 || n >= sizeof w)
      return -1;
   size_t o = 0;
   for (size_t i = 0; i < n; i++)
      w[o++] = s[i] == '_' ? '-' : s[i];
   w[o] = '\0';
   if (strcasecmp(w, "default") == 0 || strcasecmp(w, "none") == 0) {
      *c = THEME_DEFAULT;
      return 0;
   }
   if (strcasecmp(w, "grey") == 0 || strcasecmp(w, "gray") == 0) {
      *c = THEME_BRIGHT_BLACK;
      return 0;
   }
   for (int i = 0; i < 16; i++) {
      const char *name = ThemeFile_colours[i];
      if (strcasecmp(w, name) == 0 ||
          (i >= 8 && strncasecmp(w, "bright", 6) == 0 && strcasecmp(w + 6, name + 7) == 0)) {
         *c = (short)i;
         return 0;
      }
   }
   int v = 0;
   for (size_t i = 0; i < o; i++) {
      if (w[i] < '0' || w[i] > '9')
         return -1;
      v = v * 10 + (w[i] - '0');
      if (v > 255)
         return -1;
   }
   *c = (short)v;
   return 0;
}

/* "fg, bg[, attr...]" (attributes may also be separated by blanks). */
static int ThemeFile_style(Ini *ini, int line, const char *role, const char *v, ThemeStyle *st) {
   ThemeStyle out = {THEME_DEFAULT, THEME_DEFAULT, 0};
   int field = 0;
   const char *p = v;
   while (*p) {
      while (*p == ' ' || *p == '\t' || *p == ',') {
         if (*p == ',')
            field = field < 2 ? field + 1 : field;
         p++;
      }
      if (!*p)
         break;
      const char *e = p;
      if (field < 2)
         while (*e && *e != ',')
            e++;
      else
         while (*e && *e != ',' && *e != ' ' && *e != '\t')
            e++;
      size_t n = (size_t)(e - p);
      while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
         n--;
      if (field < 2) {
         if (ThemeFile_colour(p, n, field == 0 ? &out.fg : &out.bg) != 0) {
            Ini_report(ini, line,
                       "%s: unknown colour '%.*s' (default, black ... white, bright-black ... "
                       "bright-white, or 0..255)",
                       role, (int)n, p);
            return -1;
         }
         if (*e != ',')
            field = 2; /* "red" alone: the background stays default */
      } else {
         size_t a = 0, na = sizeof ThemeFile_attrs / sizeof *ThemeFile_attrs;
         while (a < na && !(strlen(ThemeFile_attrs[a].name) == n &&
                            strncasecmp(ThemeFile_attrs[a].name, p, n) == 0))
            a++;
         if (a == na) {
            Ini_report(ini, line,
                       "%s: unknown attribute '%.*s' (normal, bold, dim, underline, reverse, "
                       "italic, blink, standout)",
                       role, (int)n, p);
            return -1;
         }
         out.attrs |= ThemeFile_attrs[a].bit;
      }
      p = e;
   }
   *st = out;
   return 0;
}

static Theme *ThemeFile_fromIni(Ini *ini, char **errors) {
   static const char *const themeKeys[] = {"description", NULL};
   Theme *t = ThemeFile_new(Ini_name(ini));
   for (int s = 0; s < Ini_sectionCount(ini); s++) {
      const char *sec = Ini_sectionName(ini, s);
      if (strcasecmp(sec, "theme") == 0) {
         Ini_checkKeys(ini, s, themeKeys);
         const char *d = Ini_get(ini, sec, "description");
         if (d && *d)
            t->description = ThemeFile_strdup(d);
      } else if (strcasecmp(sec, "colors") == 0 || strcasecmp(sec, "colours") == 0) {
         for (int k = 0; k < Ini_keyCount(ini, s); k++) {
            IniKey key = Ini_key(ini, s, k);
            int r = ThemeFile_role(key.key);
            if (r < 0) {
               char known[512];
               size_t used = 0;
               for (int i = 0; i < THEME_ROLE_COUNT && used < sizeof known; i++)
                  used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                                           i ? " " : "", ThemeFile_roles[i].name);
               Ini_report(ini, key.line, "unknown role '%s' (known: %s)", key.key, known);
               continue;
            }
            if (ThemeFile_style(ini, key.line, key.key, key.value, &t->style[r]) == 0)
               t->line[r] = key.line;
         }
      } else {
         Ini_report(ini, Ini_sectionLine(ini, s), "unknown section [%s] (known: theme, colors)",
                    sec);
      }
   }
   *errors = Ini_errorCount(ini) > 0 ? Ini_errorText(ini) : NULL;
   Ini_free(ini);
   return t;
}

Theme *ThemeFile_parse(const char *buf, size_t len, const char *name, char **errors) {
   Ini *ini = Ini_parse(buf, len, name);
   if (!ini)
      abort();
   return ThemeFile_fromIni(ini, errors);
}

Theme *ThemeFile_load(const char *name_or_path, const PathsHint *hint, char **errors) {
   char path[PATH_MAX];
   *errors = NULL;
   if (Paths_isPath(name_or_path)) {
      snprintf(path, sizeof path, "%s", name_or_path);
   } else {
      char err[2048];
      if (Paths_findData("themes", name_or_path, hint, path, sizeof path, err, sizeof err)) {
         size_t n = strlen(err) + 2;
         *errors = malloc(n);
         if (!*errors)
            abort();
         snprintf(*errors, n, "%s\n", err);
         return ThemeFile_builtin();
      }
   }
   Ini *ini = Ini_load(path);
   if (!ini)
      abort();
   return ThemeFile_fromIni(ini, errors);
}

void ThemeFile_free(Theme *t) {
   if (!t)
      return;
   free(t->description);
   free(t->path);
   free(t);
}
