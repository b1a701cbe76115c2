/* The first pass of a load: the undo and redo stacks played over unit
 * ordinals alone, the way Journal_undo and Journal_redo play them over
 * entries, without applying anything. A few dozen instructions a line. */
#include "model/session_ahead.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "model/util.h"

SessionAhead *SessionAhead_new(void) {
   return calloc(1, sizeof(SessionAhead));
}

void SessionAhead_free(SessionAhead *a) {
   if (!a)
      return;
   free(a->in_force);
   free(a->forced);
   free(a->redo);
   free(a->skipped);
   free(a);
}

static bool push(SessionAhead *a, size_t **arr, size_t *n, size_t *cap, size_t v) {
   size_t *g = Util_grow(*arr, cap, *n, sizeof **arr);
   if (!g) {
      a->failed = true;
      return false;
   }
   *arr = g;
   (*arr)[(*n)++] = v;
   return true;
}

typedef enum LineKind {
   LINE_NONE = SESSION_AHEAD_NONE,
   LINE_UNIT = SESSION_AHEAD_UNIT,
   LINE_UNDO = SESSION_AHEAD_UNDO,
   LINE_REDO = SESSION_AHEAD_REDO,
} LineKind;

/* Is the word at p (n bytes) `w` (lower case), in any case, as
 * Command_name reads a command word? */
static bool word_is(const char *p, size_t n, const char *w, size_t k) {
   if (n < k)
      return false;
   for (size_t i = 0; i < k; i++) {
      char c = p[i];
      if ((c >= 'A' && c <= 'Z' ? (char)(c + 32) : c) != w[i])
         return false;
   }
   return n == k || p[k] == ' ' || p[k] == '\t';
}

/* What a line is to the undo stacks, as replay reads it: a `cmd` or `cmd:N`
 * line is a unit unless its command is undo, redo or draft; anything else
 * (cmd+, an unknown TYPE, a line that does not parse) is none. */
static LineKind line_kind(const char *line, size_t len) {
   if (len < 4 || memcmp(line, "cmd", 3) != 0 || (line[3] != ' ' && line[3] != ':'))
      return LINE_NONE;
   const char *sp = line[3] == ' ' ? line + 3 : memchr(line, ' ', len < 13 ? len : 13);
   if (!sp)
      return LINE_NONE;
   size_t at = (size_t)(sp - line) + 1 + 20;   /* TIME and its space */
   if (at >= len)
      return LINE_NONE;
   /* A uuid is 36 bytes; any other length is looked for. */
   const char *usp = at + 36 < len && line[at + 36] == ' ' ? line + at + 36
                     : memchr(line + at, ' ', len - at < 37 ? len - at : 37);
   if (!usp)
      return LINE_UNIT;   /* no payload: replay refuses it or reads it as a unit */
   at = (size_t)(usp - line) + 1;
   while (at < len && (line[at] == ' ' || line[at] == '\t'))
      at++;
   const char *p = line + at;
   size_t n = len - at;
   /* Most words start with none of their letters: one look spares the rest. */
   switch (n ? p[0] | 0x20 : 0) {
   case 'u':
      return word_is(p, n, "undo", 4) ? LINE_UNDO : LINE_UNIT;
   case 'r':
      return word_is(p, n, "redo", 4) ? LINE_REDO : LINE_UNIT;
   case 'd':
      return word_is(p, n, "draft", 5) ? LINE_NONE : LINE_UNIT;
   default:
      return LINE_UNIT;
   }
}

unsigned char SessionAhead_kind(const char *line, size_t len) {
   while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
   return (unsigned char)line_kind(line, len);
}

void SessionAhead_line(SessionAhead *a, const char *line, size_t len) {
   if (!a || a->failed || a->done)
      return;
   SessionAhead_add(a, SessionAhead_kind(line, len));
}

void SessionAhead_add(SessionAhead *a, unsigned char kind) {
   if (!a || a->failed || a->done)
      return;
   switch ((LineKind)kind) {
   case LINE_NONE:
      break;
   case LINE_UNDO:
      if (a->nforced > 0) {
         size_t u = a->forced[--a->nforced];
         a->in_force[u] = 0;
         push(a, &a->redo, &a->nredo, &a->redo_cap, u);
      }
      break;
   case LINE_REDO:
      if (a->nredo > 0) {
         size_t u = a->redo[--a->nredo];
         a->in_force[u] = 1;
         push(a, &a->forced, &a->nforced, &a->forced_cap, u);
      }
      break;
   case LINE_UNIT: {
      unsigned char *g = Util_grow(a->in_force, &a->units_cap, a->nunits, 1);
      if (!g) {
         a->failed = true;
         return;
      }
      a->in_force = g;
      a->in_force[a->nunits] = 1;
      if (push(a, &a->forced, &a->nforced, &a->forced_cap, a->nunits))
         a->nunits++;
      a->nredo = 0;   /* a new command ends what could be redone */
      break;
   }
   }
}

/* Room for n more units on the stacks, so that adding them never grows them. */
static bool reserve(SessionAhead *a, size_t n) {
   size_t units = a->nunits + n, forced = a->nforced + n;
   if (units < a->nunits)
      return false;
   if (units > a->units_cap) {
      unsigned char *g = realloc(a->in_force, units);
      if (!g)
         return false;
      a->in_force = g;
      a->units_cap = units;
   }
   if (forced > a->forced_cap) {
      size_t *g = forced > SIZE_MAX / sizeof *g ? NULL : realloc(a->forced, forced * sizeof *g);
      if (!g)
         return false;
      a->forced = g;
      a->forced_cap = forced;
   }
   return true;
}

void SessionAhead_add_all(SessionAhead *a, const unsigned char *kinds, size_t n) {
   if (!a || a->failed || a->done)
      return;
   if (!reserve(a, n)) {
      for (size_t i = 0; i < n; i++)
         SessionAhead_add(a, kinds[i]);
      return;
   }
   /* The counts in locals between undo and redo lines: a byte stored
    * through in_force could be any of a's fields to the compiler. */
   size_t nunits = a->nunits, nforced = a->nforced;
   for (size_t i = 0; i < n; i++) {
      if (kinds[i] == LINE_UNIT) {   /* nearly every line: no room to look for */
         a->in_force[nunits] = 1;
         a->forced[nforced++] = nunits++;
         a->nredo = 0;
      } else if (kinds[i] != LINE_NONE) {
         a->nunits = nunits;
         a->nforced = nforced;
         SessionAhead_add(a, kinds[i]);
         nunits = a->nunits;
         nforced = a->nforced;
      }
   }
   a->nunits = nunits;
   a->nforced = nforced;
}

void SessionAhead_done(SessionAhead *a) {
   if (!a || a->done)
      return;
   free(a->forced);
   free(a->redo);
   a->forced = a->redo = NULL;
   a->forced_cap = a->redo_cap = a->nredo = 0;
   a->done = true;
}

size_t SessionAhead_in_force(const SessionAhead *a) {
   return !a || a->failed ? (size_t)-1 : a->nforced;
}

bool SessionAhead_skip(SessionAhead *a, size_t entry) {
   return push(a, &a->skipped, &a->nskipped, &a->skipped_cap, entry);
}

void SessionAhead_move_skipped(SessionAhead *to, SessionAhead *from) {
   free(to->skipped);
   to->skipped = from->skipped;
   to->nskipped = from->nskipped;
   to->skipped_cap = from->skipped_cap;
   from->skipped = NULL;
   from->nskipped = from->skipped_cap = 0;
}

const size_t *SessionAhead_skipped(const SessionAhead *a, size_t *count) {
   *count = a->nskipped;
   return a->skipped;
}
