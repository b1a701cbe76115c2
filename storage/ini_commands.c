#include "storage/ini_commands.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void IniCommands_add(IniCommands *c, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   int n = vsnprintf(NULL, 0, fmt, ap);
   va_end(ap);
   if (n < 0)
      abort();
   char *s = malloc((size_t)n + 1);
   if (!s)
      abort();
   va_start(ap, fmt);
   vsnprintf(s, (size_t)n + 1, fmt, ap);
   va_end(ap);
   if (c->count + 1 >= c->cap) {
      int ncap = c->cap ? c->cap * 2 : 16;
      char **nl = realloc(c->line, (size_t)ncap * sizeof *nl);
      if (!nl)
         abort(); /* out of memory */
      c->line = nl;
      c->cap = ncap;
   }
   c->line[c->count++] = s;
   c->line[c->count] = NULL;
}

void IniCommands_clear(IniCommands *c) {
   for (int i = 0; i < c->count; i++)
      free(c->line[i]);
   free(c->line);
   c->line = NULL;
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
