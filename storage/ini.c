#include "storage/ini.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <iniparser/iniparser.h>

#include "model/utf8.h"
#include "storage/fileio.h"

/* Past this many problems the rest of a file is noise. */
#define INI_MAX_ERRORS 50

typedef struct IniEntry {
   char *key;
   char *value;
   int line;
} IniEntry;

typedef struct IniSection {
   char *name;
   int line;
   IniEntry *keys;
   int nkeys, cap;
} IniSection;

struct Ini {
   char *name;
   dictionary *dict; /* iniparser's: section names and "section:key" = value */
   IniSection *secs;
   int nsecs, cap;
   char **errors;
   int nerrors, errcap;
   int stopped; /* too many errors: the lexer gave up */
};

static void *Ini_grow(void *p, int *cap, int n, size_t size) {
   if (n < *cap)
      return p;
   int ncap = *cap ? *cap * 2 : 8;
   void *np = realloc(p, (size_t)ncap * size);
   if (!np)
      abort(); /* out of memory: nothing sensible left to do */
   *cap = ncap;
   return np;
}

static char *Ini_strndup(const char *s, size_t n) {
   char *d = malloc(n + 1);
   if (!d)
      abort();
   memcpy(d, s, n);
   d[n] = '\0';
   return d;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 0)))
#endif
static void Ini_vreport(Ini *ini, int line, const char *fmt, va_list ap) {
   if (ini->stopped)
      return;
   char msg[1024];
   vsnprintf(msg, sizeof msg, fmt, ap);
   if (ini->nerrors == INI_MAX_ERRORS) {
      snprintf(msg, sizeof msg, "too many problems; stopped here");
      ini->stopped = 1;
   }
   size_t n = strlen(ini->name) + strlen(msg) + 32;
   char *e = malloc(n);
   if (!e)
      abort();
   if (line > 0)
      snprintf(e, n, "%s:%d: %s", ini->name, line, msg);
   else
      snprintf(e, n, "%s: %s", ini->name, msg);
   ini->errors = Ini_grow(ini->errors, &ini->errcap, ini->nerrors, sizeof *ini->errors);
   ini->errors[ini->nerrors++] = e;
}

void Ini_report(Ini *ini, int line, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   Ini_vreport(ini, line, fmt, ap);
   va_end(ap);
}

static int Ini_isBlank(char c) {
   return c == ' ' || c == '\t';
}

static int Ini_isNameChar(char c, int section) {
   return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '-' || c == '_' || c == '.' || (section && c == '/');
}

/* Checks a section name or key; reports and returns 0 if it is not one. */
static int Ini_checkName(Ini *ini, int line, const char *s, size_t n, int section) {
   const char *what = section ? "section name" : "key";
   if (n == 0) {
      Ini_report(ini, line, section ? "empty section name" : "missing key before '='");
      return 0;
   }
   if (n > INI_NAME_MAX) {
      Ini_report(ini, line, "%s longer than %d characters", what, INI_NAME_MAX);
      return 0;
   }
   for (size_t i = 0; i < n; i++) {
      if (!Ini_isNameChar(s[i], section)) {
         Ini_report(ini, line, "%s '%.*s' may hold only ASCII letters, digits and %s", what,
                    (int)n, s, section ? "- _ . /" : "- _ .");
         return 0;
      }
   }
   return 1;
}

/* The value after '=' (blanks around it already trimmed): verbatim, or the
 * inside of a double-quoted string. NULL (reported) if malformed. */
static char *Ini_value(Ini *ini, int line, const char *s, size_t n) {
   if (n == 0 || s[0] != '"')
      return Ini_strndup(s, n);
   char *out = malloc(n);
   if (!out)
      abort();
   size_t o = 0, i = 1;
   for (; i < n && s[i] != '"'; i++) {
      if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\'))
         i++;
      out[o++] = s[i];
   }
   if (i >= n) {
      Ini_report(ini, line, "unclosed '\"' in the value");
      free(out);
      return NULL;
   }
   if (i + 1 < n) {
      /* "a" and "b": quote the whole value or none of it, never guess. */
      Ini_report(ini, line, "text after the closing '\"' (quote the whole value, with \\\" inside)");
      free(out);
      return NULL;
   }
   out[o] = '\0';
   return out;
}

static void Ini_addSection(Ini *ini, int line, const char *name, size_t n) {
   for (int s = 0; s < ini->nsecs; s++) {
      IniSection *sec = &ini->secs[s];
      if (strlen(sec->name) == n && strncasecmp(sec->name, name, n) == 0) {
         if (strncmp(sec->name, name, n) == 0)
            Ini_report(ini, line, "duplicate section [%.*s] (first at line %d)", (int)n, name,
                       sec->line);
         else
            Ini_report(ini, line,
                       "section [%.*s] repeats [%s] of line %d (section names ignore case)",
                       (int)n, name, sec->name, sec->line);
         return;
      }
   }
   ini->secs = Ini_grow(ini->secs, &ini->cap, ini->nsecs, sizeof *ini->secs);
   IniSection *sec = &ini->secs[ini->nsecs++];
   memset(sec, 0, sizeof *sec);
   sec->name = Ini_strndup(name, n);
   sec->line = line;
   iniparser_set(ini->dict, sec->name, NULL);
}

static void Ini_addKey(Ini *ini, int s, int line, const char *key, size_t n, char *value) {
   IniSection *sec = &ini->secs[s];
   for (int k = 0; k < sec->nkeys; k++) {
      IniEntry *e = &sec->keys[k];
      if (strlen(e->key) == n && strncasecmp(e->key, key, n) == 0) {
         if (strncmp(e->key, key, n) == 0)
            Ini_report(ini, line, "duplicate key '%.*s' in [%s] (first at line %d)", (int)n, key,
                       sec->name, e->line);
         else
            Ini_report(ini, line, "key '%.*s' in [%s] repeats '%s' of line %d (keys ignore case)",
                       (int)n, key, sec->name, e->key, e->line);
         free(value);
         return;
      }
   }
   sec->keys = Ini_grow(sec->keys, &sec->cap, sec->nkeys, sizeof *sec->keys);
   IniEntry *e = &sec->keys[sec->nkeys++];
   e->key = Ini_strndup(key, n);
   e->value = value;
   e->line = line;
   char entry[2 * INI_NAME_MAX + 2];
   snprintf(entry, sizeof entry, "%s:%s", sec->name, e->key);
   iniparser_set(ini->dict, entry, value);
}

/* One line, without its line end. cur: the section keys go to (-1: none yet;
 * -2: a rejected section, whose keys are skipped without more messages). */
static void Ini_lexLine(Ini *ini, int line, const char *p, size_t n, int *cur) {
   for (size_t i = 0; i < n;) {
      if (p[i] == '\0') {
         Ini_report(ini, line, "NUL byte in the line");
         return;
      }
      uint32_t cp;
      size_t u = Utf8_decode(p + i, n - i, &cp);
      if (cp == 0xFFFD && u == 1) {
         Ini_report(ini, line, "not valid UTF-8 (byte %zu)", i + 1);
         return;
      }
      i += u;
   }
   while (n > 0 && Ini_isBlank(p[0]))
      p++, n--;
   while (n > 0 && Ini_isBlank(p[n - 1]))
      n--;
   if (n == 0 || p[0] == ';' || p[0] == '#')
      return;
   if (p[0] == '[') {
      const char *close = memchr(p, ']', n);
      if (!close) {
         Ini_report(ini, line, "unclosed '[' (a section is written [name])");
         *cur = -2;
         return;
      }
      const char *rest = close + 1;
      size_t rn = n - (size_t)(rest - p);
      while (rn > 0 && Ini_isBlank(*rest))
         rest++, rn--;
      if (rn > 0 && *rest != ';' && *rest != '#') {
         Ini_report(ini, line, "text after ']'");
         *cur = -2;
         return;
      }
      const char *name = p + 1;
      size_t nn = (size_t)(close - name);
      while (nn > 0 && Ini_isBlank(*name))
         name++, nn--;
      while (nn > 0 && Ini_isBlank(name[nn - 1]))
         nn--;
      if (!Ini_checkName(ini, line, name, nn, 1)) {
         *cur = -2;
         return;
      }
      int before = ini->nsecs;
      Ini_addSection(ini, line, name, nn);
      *cur = ini->nsecs > before ? ini->nsecs - 1 : -2;
      return;
   }
   const char *eq = memchr(p, '=', n);
   if (!eq) {
      Ini_report(ini, line, "expected 'key = value', '[section]' or a comment");
      return;
   }
   size_t kn = (size_t)(eq - p);
   while (kn > 0 && Ini_isBlank(p[kn - 1]))
      kn--;
   if (!Ini_checkName(ini, line, p, kn, 0))
      return;
   const char *v = eq + 1;
   size_t vn = n - (size_t)(v - p);
   while (vn > 0 && Ini_isBlank(*v))
      v++, vn--;
   char *value = Ini_value(ini, line, v, vn);
   if (!value)
      return;
   if (*cur < 0) {
      if (*cur == -1)
         Ini_report(ini, line, "key '%.*s' outside any section", (int)kn, p);
      free(value);
      return;
   }
   Ini_addKey(ini, *cur, line, p, kn, value);
}

Ini *Ini_parse(const char *buf, size_t len, const char *name) {
   Ini *ini = calloc(1, sizeof *ini);
   if (!ini)
      return NULL;
   ini->name = Ini_strndup(name ? name : "-", strlen(name ? name : "-"));
   ini->dict = dictionary_new(0);
   if (!ini->dict)
      abort();
   size_t pos = 0;
   if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
      pos = 3; /* a byte-order mark from a Windows editor */
   int cur = -1;
   for (int line = 1; pos < len && !ini->stopped; line++) {
      const char *nl = memchr(buf + pos, '\n', len - pos);
      size_t end = nl ? (size_t)(nl - buf) : len;
      size_t n = end - pos;
      if (n > 0 && buf[pos + n - 1] == '\r')
         n--;
      Ini_lexLine(ini, line, buf + pos, n, &cur);
      pos = end + 1;
   }
   return ini;
}

Ini *Ini_load(const char *path) {
   char *buf = NULL;
   size_t len = 0;
   if (FileIO_readPath(path, &buf, &len) != 0) {
      int e = errno;
      Ini *ini = Ini_parse("", 0, path);
      if (ini)
         Ini_report(ini, 0, "cannot read: %s", e == EINVAL ? "not a regular file" : strerror(e));
      return ini;
   }
   Ini *ini = Ini_parse(buf, len, path);
   free(buf);
   return ini;
}

void Ini_free(Ini *ini) {
   if (!ini)
      return;
   for (int s = 0; s < ini->nsecs; s++) {
      for (int k = 0; k < ini->secs[s].nkeys; k++) {
         free(ini->secs[s].keys[k].key);
         free(ini->secs[s].keys[k].value);
      }
      free(ini->secs[s].keys);
      free(ini->secs[s].name);
   }
   free(ini->secs);
   for (int i = 0; i < ini->nerrors; i++)
      free(ini->errors[i]);
   free(ini->errors);
   iniparser_freedict(ini->dict);
   free(ini->name);
   free(ini);
}

const char *Ini_name(const Ini *ini) {
   return ini->name;
}

int Ini_sectionCount(const Ini *ini) {
   return ini->nsecs;
}

const char *Ini_sectionName(const Ini *ini, int s) {
   return s >= 0 && s < ini->nsecs ? ini->secs[s].name : NULL;
}

int Ini_sectionLine(const Ini *ini, int s) {
   return s >= 0 && s < ini->nsecs ? ini->secs[s].line : 0;
}

int Ini_findSection(const Ini *ini, const char *name) {
   for (int s = 0; s < ini->nsecs; s++)
      if (strcasecmp(ini->secs[s].name, name) == 0)
         return s;
   return -1;
}

int Ini_keyCount(const Ini *ini, int s) {
   return s >= 0 && s < ini->nsecs ? ini->secs[s].nkeys : 0;
}

IniKey Ini_key(const Ini *ini, int s, int k) {
   IniKey r = {NULL, NULL, 0};
   if (s >= 0 && s < ini->nsecs && k >= 0 && k < ini->secs[s].nkeys) {
      const IniEntry *e = &ini->secs[s].keys[k];
      r.key = e->key, r.value = e->value, r.line = e->line;
   }
   return r;
}

const char *Ini_get(const Ini *ini, const char *section, const char *key) {
   if (strlen(section) > INI_NAME_MAX || strlen(key) > INI_NAME_MAX)
      return NULL;
   char entry[2 * INI_NAME_MAX + 2];
   snprintf(entry, sizeof entry, "%s:%s", section, key);
   return iniparser_getstring(ini->dict, entry, NULL);
}

int Ini_line(const Ini *ini, const char *section, const char *key) {
   int s = Ini_findSection(ini, section);
   if (s < 0)
      return 0;
   if (!key)
      return ini->secs[s].line;
   for (int k = 0; k < ini->secs[s].nkeys; k++)
      if (strcasecmp(ini->secs[s].keys[k].key, key) == 0)
         return ini->secs[s].keys[k].line;
   return 0;
}

int Ini_errorCount(const Ini *ini) {
   return ini->nerrors;
}

const char *Ini_error(const Ini *ini, int i) {
   return i >= 0 && i < ini->nerrors ? ini->errors[i] : NULL;
}

char *Ini_errorText(const Ini *ini) {
   size_t n = 1;
   for (int i = 0; i < ini->nerrors; i++)
      n += strlen(ini->errors[i]) + 1;
   char *t = malloc(n), *p = t;
   if (!t)
      abort();
   for (int i = 0; i < ini->nerrors; i++) {
      size_t l = strlen(ini->errors[i]);
      memcpy(p, ini->errors[i], l);
      p += l;
      *p++ = '\n';
   }
   *p = '\0';
   return t;
}

void Ini_checkKeys(Ini *ini, int s, const char *const *allowed) {
   for (int k = 0; k < Ini_keyCount(ini, s); k++) {
      IniKey key = Ini_key(ini, s, k);
      int ok = 0;
      for (const char *const *a = allowed; *a && !ok; a++)
         ok = strcasecmp(*a, key.key) == 0;
      if (!ok) {
         char list[512] = "";
         size_t used = 0;
         for (const char *const *a = allowed; *a; a++) {
            int w = snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", *a);
            if (w < 0 || (size_t)w >= sizeof list - used)
               break;
            used += (size_t)w;
         }
         Ini_report(ini, key.line, "unknown key '%s' in [%s] (known: %s)", key.key,
                    Ini_sectionName(ini, s), list);
      }
   }
}
