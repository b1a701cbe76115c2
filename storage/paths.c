#include "storage/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef GAVEL_DATADIR
#define GAVEL_DATADIR "/usr/local/share/gavel"
#endif

int Paths_isPath(const char *arg) {
   size_t n = strlen(arg);
   return strchr(arg, '/') != NULL || (n > 4 && strcmp(arg + n - 4, ".ini") == 0);
}

/* The folder of the running binary into buf: 0 or -1. */
static int Paths_exeDir(const char *argv0, char *buf, size_t n) {
   char exe[PATH_MAX];
   ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
   if (len > 0) {
      exe[len] = '\0';
   } else if (argv0 && strchr(argv0, '/') && realpath(argv0, exe)) {
      /* no /proc: argv[0] names the binary when it holds a '/' */
   } else {
      return -1;
   }
   char *slash = strrchr(exe, '/');
   if (!slash)
      return -1;
   *slash = '\0';
   if ((size_t)snprintf(buf, n, "%s", exe[0] ? exe : "/") >= n)
      return -1;
   return 0;
}

int Paths_dataDir(int i, const char *sub, const PathsHint *hint, char *buf, size_t n) {
   const char *argv0 = hint ? hint->argv0 : NULL;
   char dir[PATH_MAX];
   int w = -1;
   switch (i) {
   case 0: {
      const char *env = getenv("GAVEL_DATADIR");
      if (env && *env)
         w = snprintf(buf, n, "%s/%s", env, sub);
      break;
   }
   case 1: {
      /* The user's own files first, so a roster of theirs can replace a shipped one. */
      if (hint && hint->datadir && *hint->datadir)
         w = snprintf(buf, n, "%s/%s", hint->datadir, sub);
      else
         w = Paths_user(PATHS_DATA, sub, buf, n) == 0 ? 0 : -1;
      break;
   }
   case 2:
   case 3:
   case 4:
      /* A build tree (./gavel beside ./rosters, or one folder down), then an
       * installed tree (PREFIX/bin/gavel beside PREFIX/share/gavel), wherever
       * it was installed to. */
      if (Paths_exeDir(argv0, dir, sizeof dir) == 0)
         w = snprintf(buf, n, "%s%s/%s", dir,
                      i == 2 ? "" : i == 3 ? "/.." : "/../share/gavel", sub);
      break;
   case 5:
      w = snprintf(buf, n, "%s/%s", GAVEL_DATADIR, sub);
      break;
   default:
      return -1;
   }
   if (w < 0 || (size_t)w >= n)
      buf[0] = '\0'; /* unusable: an empty entry the caller skips */
   return 0;
}

int Paths_user(PathsUser which, const char *sub, char *buf, size_t n) {
   static const char *const Var[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
   static const char *const Home[] = { ".local/share", ".config", ".cache" };
   const char *xdg = getenv(Var[which]), *home = getenv("HOME");
   const char *slash = sub && *sub ? "/" : "";
   if (!sub)
      sub = "";
   int w;
   if (xdg && xdg[0] == '/')
      w = snprintf(buf, n, "%s/gavel%s%s", xdg, slash, sub);
   else if (home && *home)
      w = snprintf(buf, n, "%s/%s/gavel%s%s", home, Home[which], slash, sub);
   else
      return -1;
   return w >= 0 && (size_t)w < n ? 0 : -1;
}

uint64_t Paths_hash(const char *text) {
   uint64_t h = 14695981039346656037ULL; /* FNV-1a's offset basis */
   for (const char *c = text; *c; c++)
      h = (h ^ (unsigned char)*c) * 1099511628211ULL;
   return h;
}

int Paths_findData(const char *sub, const char *name, const PathsHint *hint, char *buf,
                   size_t n, char *err, size_t errlen) {
   char dir[PATH_MAX];
   size_t used = 0;
   if (err && errlen)
      err[0] = '\0';
   if (!*name || strchr(name, '/')) {
      snprintf(err, errlen, "'%s' is not a name", name);
      return -1;
   }
   for (int i = 0; Paths_dataDir(i, sub, hint, dir, sizeof dir) == 0; i++) {
      if (!dir[0])
         continue;
      struct stat st;
      int w = snprintf(buf, n, "%s/%s.ini", dir, name);
      if (w >= 0 && (size_t)w < n && stat(buf, &st) == 0 && S_ISREG(st.st_mode))
         return 0;
      if (err && used < errlen) {
         int e = snprintf(err + used, errlen - used, "%s%s", used ? ", " : "", dir);
         if (e > 0)
            used += (size_t)e;
      }
   }
   /* "looked in: ..." goes after the folders so a long list is cut at its end. */
   char tried[1024];
   snprintf(tried, sizeof tried, "%s", err ? err : "");
   snprintf(err, errlen, "no %.*s file '%s' (looked in %s)", (int)strlen(sub) - 1, sub, name,
            tried);
   buf[0] = '\0';
   return -1;
}
