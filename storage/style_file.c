#include "storage/style_file.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "storage/ini.h"

static int StyleFile_fromIni(Ini *ini, Style *st, char **errors) {
   static const char *const styleKeys[] = {"description", NULL};
   for (int s = 0; s < Ini_sectionCount(ini); s++) {
      const char *sec = Ini_sectionName(ini, s);
      if (strcasecmp(sec, "style") == 0) {
         Ini_checkKeys(ini, s, styleKeys);
      } else if (strcasecmp(sec, "document") == 0) {
         for (int k = 0; k < Ini_keyCount(ini, s); k++) {
            IniKey key = Ini_key(ini, s, k);
            char msg[512];
            if (Style_set(st, key.key, key.value, msg, sizeof msg) != 0)
               Ini_report(ini, key.line, "%s", msg);
         }
      } else {
         Ini_report(ini, Ini_sectionLine(ini, s), "unknown section [%s] (known: style, document)", sec);
      }
   }
   int bad = Ini_errorCount(ini) > 0;
   *errors = bad ? Ini_errorText(ini) : NULL;
   Ini_free(ini);
   return bad ? -1 : 0;
}

int StyleFile_parse(const char *buf, size_t len, const char *name, Style *st, char **errors) {
   Ini *ini = Ini_parse(buf, len, name);
   if (!ini)
      abort();
   return StyleFile_fromIni(ini, st, errors);
}

/* $XDG_CONFIG_HOME/gavel/styles/NAME.ini when it exists. */
static int StyleFile_user(const char *name, char *buf, size_t n) {
   char sub[PATH_MAX];
   int w = snprintf(sub, sizeof sub, "styles/%s.ini", name);
   return w >= 0 && (size_t)w < sizeof sub && Paths_user(PATHS_CONFIG, sub, buf, n) == 0 &&
                access(buf, F_OK) == 0
             ? 0
             : -1;
}

int StyleFile_load(const char *name_or_path, const PathsHint *hint, Style *st, char **errors) {
   char path[PATH_MAX];
   *errors = NULL;
   Style_default(st);
   if (Paths_isPath(name_or_path)) {
      snprintf(path, sizeof path, "%s", name_or_path);
   } else if (StyleFile_user(name_or_path, path, sizeof path) != 0) {
      char err[2048];
      if (Paths_findData("styles", name_or_path, hint, path, sizeof path, err, sizeof err)) {
         /* the council style is built in: it needs no file */
         if (strcmp(name_or_path, "council") == 0)
            return 0;
         size_t n = strlen(err) + 64;
         *errors = malloc(n);
         if (!*errors)
            abort();
         snprintf(*errors, n, "style '%s': %s\n", name_or_path, err);
         return -1;
      }
   }
   Ini *ini = Ini_load(path);
   if (!ini)
      abort();
   return StyleFile_fromIni(ini, st, errors);
}
