#include "storage/ini_commands.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void IniCommands_vadd(IniCommands *c, int at, const char *fmt, va_list ap) {
   va_list again;
   va_copy(again, ap);
   int n = vsnprintf(NULL, 0, fmt, ap);
   if (n < 0)
      abort();
   char *s = malloc((size_t)n + 1);
   if (!s)
      abort();
   vsnprintf(s, (size_t)n + 1, fmt, again);
   va_end(again);
   if (c->count + 1 >= c->cap) {
      int ncap = c->cap ? c->cap * 2 : 16;
      char **nl = realloc(c->line, (size_t)ncap * sizeof *nl);
      int *na = realloc(c->at, (size_t)ncap * sizeof *na);
      if (!nl || !na)
         abort(); /* out of memory */
      c->line = nl;
      c->at = na;
      c->cap = ncap;
   }
   c->at[c->count] = at;
   c->line[c->count++] = s;
   c->line[c->count] = NULL;
}

void IniCommands_add(IniCommands *c, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   IniCommands_vadd(c, 0, fmt, ap);
   va_end(ap);
}

void IniCommands_addAt(IniCommands *c, int at, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   IniCommands_vadd(c, at, fmt, ap);
   va_end(ap);
}

void IniCommands_setFile(IniCommands *c, const char *file) {
   free(c->file);
   c->file = file ? strdup(file) : NULL;
   if (file && !c->file)
      abort();
}

void IniCommands_clear(IniCommands *c) {
   for (int i = 0; i < c->count; i++)
      free(c->line[i]);
   free(c->line);
   free(c->at);
   free(c->file);
   c->line = NULL;
   c->at = NULL;
   c->file = NULL;
   c->count = c->cap = 0;
}

char *IniCommands_quote(const char *value) {
   size_t n = strlen(value);
   char *q = malloc(2 * n + 3), *p = q;
   if (!q)
      abort();
   *p++ = '"';
   for (const char *s = value; *s; s++) {
      if (*s == '"' || *s == '\\')
         *p++ = '\\';
      *p++ = *s;
   }
   *p++ = '"';
   *p = '\0';
   return q;
}

char *IniCommands_join(const IniCommands *c) {
   size_t n = 1;
   for (int i = 0; i < c->count; i++)
      n += strlen(c->line[i]) + 1;
   char *t = malloc(n), *p = t;
   if (!t)
      abort();
   for (int i = 0; i < c->count; i++) {
      size_t l = strlen(c->line[i]);
      memcpy(p, c->line[i], l);
      p += l;
      *p++ = '\n';
   }
   *p = '\0';
   return t;
}
