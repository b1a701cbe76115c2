#include "storage/datadir.h"

#include "storage/paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int DataDir_sessions(const char *override, char *buf, size_t n, char *err, size_t errlen) {
   int w;
   if (override && *override) {
      w = snprintf(buf, n, "%s/sessions", override);
   } else {
      const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
      if (!(xdg && xdg[0] == '/') && !(home && *home)) {
         snprintf(err, errlen, "neither XDG_DATA_HOME nor HOME is set; use -D DIR");
         return -1;
      }
      w = Paths_user(PATHS_DATA, "sessions", buf, n) == 0 ? 0 : -1;
   }
   if (w < 0 || (size_t)w >= n) {
      snprintf(err, errlen, "the data folder path is too long");
      return -1;
   }
   return 0;
}

void DataDir_slug(const char *title, char *buf, size_t n) {
   size_t len = 0, max = n - 1 < 40 ? n - 1 : 40;
   int dash = 0;
   for (const unsigned char *p = (const unsigned char *)(title ? title : ""); *p && len < max; p++) {
      unsigned char c = *p;
      if (c >= 'A' && c <= 'Z')
         c = (unsigned char)(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
         if (dash && len > 0 && len + 1 < max)
            buf[len++] = '-';
         dash = 0;
         buf[len++] = (char)c;
      } else if (c < 0x80 || c >= 0xc0) {
         /* A separator, or the first byte of a non-ASCII letter: one dash. */
         dash = 1;
      }
   }
   buf[len] = '\0';
   if (len == 0)
      snprintf(buf, n, "session");
}

static int DataDir_exists(const char *path) {
   struct stat st;
   return lstat(path, &st) == 0 || errno != ENOENT;
}

int DataDir_newPath(const char *dir, const char *date, const char *title, char *buf, size_t n,
                    char *err, size_t errlen) {
   char slug[48];
   DataDir_slug(title, slug, sizeof slug);
   for (int i = 1; i < 10000; i++) {
      int w = i == 1 ? snprintf(buf, n, "%s/%s-%s.gavel", dir, date, slug)
                     : snprintf(buf, n, "%s/%s-%s-%d.gavel", dir, date, slug, i);
      if (w < 0 || (size_t)w >= n) {
         snprintf(err, errlen, "%s: path too long", dir);
         return -1;
      }
      if (!DataDir_exists(buf))
         return 0;
   }
   snprintf(err, errlen, "%s: no free name for %s-%s", dir, date, slug);
   return -1;
}

int DataDir_resolve(const char *dir, const char *name, char *buf, size_t n, char *err,
                    size_t errlen) {
   struct stat st;
   if (strchr(name, '/') || stat(name, &st) == 0 || !dir) {
      if ((size_t)snprintf(buf, n, "%s", name) >= n)
         goto toolong;
      return 0;
   }
   if ((size_t)snprintf(buf, n, "%s/%s", dir, name) >= n)
      goto toolong;
   if (stat(buf, &st) == 0)
      return 0;
   if ((size_t)snprintf(buf, n, "%s/%s.gavel", dir, name) >= n)
      goto toolong;
   if (stat(buf, &st) == 0)
      return 0;
   snprintf(err, errlen, "%s: no such session (looked in %s)", name, dir);
   return -1;
toolong:
   snprintf(err, errlen, "%s: path too long", name);
   return -1;
}
