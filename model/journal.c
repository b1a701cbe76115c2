/* The in-memory journal: verbatim lines grouped into entries, and which
 * units are in force after the undos and redos. */
#include "model/journal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/util.h"

#define NONE ((size_t)-1)

bool Journal_parse_header(const char *line, size_t len, int *version) {
   size_t m = strlen(GV_JOURNAL_MAGIC);
   while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
   if (len < m + 2 || memcmp(line, GV_JOURNAL_MAGIC, m) != 0 || line[m] != ' ')
      return false;
   int v = 0;
   for (size_t i = m + 1; i < len; i++) {
      if (line[i] < '0' || line[i] > '9' || v > 100000)
         return false;
      v = v * 10 + (line[i] - '0');
   }
   if (version)
      *version = v;
   return true;
}

void Journal_init(Journal *j) {
   memset(j, 0, sizeof *j);
}

/* Is line[0..len] (and the byte after it) inside the held text? */
static bool held(const Journal *j, const char *line, size_t len) {
   uintptr_t p = (uintptr_t)line, h = (uintptr_t)j->held;
   return j->held && p >= h && p - h < j->held_len && len < j->held_len - (p - h);
}


bool Journal_hold(Journal *j, char *text, size_t len) {
   if (j->held || !text || len >= JOURNAL_COPY)
      return false;
   j->held = text;
   j->held_len = len;
   return true;
}

void Journal_clear(Journal *j) {
   for (size_t i = 0; i < j->ncopies; i++)
      free(j->copies[i]);
   free(j->copies);
   free(j->held);
   free(j->lines);
   free(j->entries);
   free(j->forced);
   free(j->redo);
   Journal_init(j);
}

/* The arrays below take one more at every line: Util_grow is called only
 * when one is full. */
static bool grow_idx(uint32_t **arr, size_t *cap, size_t count) {
   if (*arr && count < *cap)
      return true;
   uint32_t *n = Util_grow(*arr, cap, count, sizeof **arr);
   if (!n)
      return false;
   *arr = n;
   return true;
}

static bool push(uint32_t **arr, size_t *count, size_t *cap, size_t v) {
   if (!grow_idx(arr, cap, *count))
      return false;
   (*arr)[(*count)++] = (uint32_t)v;
   return true;
}

static bool reserve_of(void **arr, size_t *cap, size_t want, size_t size) {
   if (want <= *cap)
      return true;
   if (want > SIZE_MAX / size)
      return false;
   void *n = realloc(*arr, want * size);
   if (!n)
      return false;
   *arr = n;
   *cap = want;
   return true;
}

bool Journal_reserve(Journal *j, size_t n) {
   void *lines = j->lines, *entries = j->entries, *forced = j->forced;
   bool ok = reserve_of(&lines, &j->lines_cap, j->nlines + n, sizeof *j->lines);
   j->lines = lines;
   ok = ok && reserve_of(&entries, &j->entries_cap, j->nentries + n, sizeof *j->entries);
   j->entries = entries;
   ok = ok && reserve_of(&forced, &j->forced_cap, j->nforced + n, sizeof *j->forced);
   j->forced = forced;
   return ok;
}

bool Journal_append(Journal *j, const char *line, size_t len, bool new_entry, GvEntryKind kind) {
   if (!new_entry && j->nentries == 0)
      return false;
   if (j->nlines >= GV_ENTRY_NONE - 1 || len > UINT32_MAX)
      return false;   /* indexes and lengths are 32 bits */
   if (!j->lines || j->nlines == j->lines_cap) {
      JournalLine *l = Util_grow(j->lines, &j->lines_cap, j->nlines, sizeof *j->lines);
      if (!l)
         return false;
      j->lines = l;
   }
   if (new_entry && (!j->entries || j->nentries == j->entries_cap)) {
      JournalEntry *e = Util_grow(j->entries, &j->entries_cap, j->nentries, sizeof *j->entries);
      if (!e)
         return false;
      j->entries = e;
   }
   /* Reserve the stack now so that a unit never fails half-recorded. */
   if (new_entry && kind == GV_ENTRY_UNIT && !grow_idx(&j->forced, &j->forced_cap, j->nforced))
      return false;
   char *t;
   uint32_t at;
   if (held(j, line, len)) {
      /* The held text is the journal's: the byte after the line (its '\n',
       * or the blank before its seal) has been read and is not needed. */
      at = (uint32_t)((uintptr_t)line - (uintptr_t)j->held);
      t = j->held + at;
   } else {
      if (j->ncopies >= JOURNAL_COPY)
         return false;
      if (!j->copies || j->ncopies == j->copies_cap) {
         char **c = Util_grow(j->copies, &j->copies_cap, j->ncopies, sizeof *j->copies);
         if (!c)
            return false;
         j->copies = c;
      }
      if (!(t = malloc(len + 1)))
         return false;
      memcpy(t, line, len);
      at = JOURNAL_COPY | (uint32_t)j->ncopies;
      j->copies[j->ncopies++] = t;
   }
   t[len] = '\0';
   j->lines[j->nlines] = (JournalLine){ at, (uint32_t)len };
   if (new_entry) {
      j->entries[j->nentries++] = (JournalEntry){ .first = (uint32_t)j->nlines, .nlines = 0, .target = GV_ENTRY_NONE, .kind = (unsigned char)kind, .in_force = true };
      if (kind == GV_ENTRY_UNIT) {
         j->forced[j->nforced++] = (uint32_t)(j->nentries - 1);
         j->nredo = 0;   /* a new command ends what could be redone */
      }
   }
   j->entries[j->nentries - 1].nlines++;
   j->nlines++;
   return true;
}

void Journal_drop_last(Journal *j) {
   if (j->nentries == 0)
      return;
   JournalEntry *e = &j->entries[j->nentries - 1];
   /* Its copies are the last ones. */
   size_t keep = j->ncopies;
   for (size_t i = e->first; i < e->first + e->nlines; i++)
      if ((j->lines[i].at & JOURNAL_COPY) && (j->lines[i].at & ~JOURNAL_COPY) < keep)
         keep = j->lines[i].at & ~JOURNAL_COPY;
   while (j->ncopies > keep)
      free(j->copies[--j->ncopies]);
   j->nlines = e->first;
   j->nentries--;
}

size_t Journal_undo(Journal *j) {
   if (j->nforced == 0)
      return NONE;
   if (!grow_idx(&j->redo, &j->redo_cap, j->nredo))
      return NONE;
   size_t u = j->forced[--j->nforced];
   j->entries[u].in_force = false;
   j->redo[j->nredo++] = (uint32_t)u;
   return u;
}

size_t Journal_redo(Journal *j) {
   if (j->nredo == 0)
      return NONE;
   if (!grow_idx(&j->forced, &j->forced_cap, j->nforced))
      return NONE;
   size_t u = j->redo[--j->nredo];
   j->entries[u].in_force = true;
   j->forced[j->nforced++] = (uint32_t)u;
   return u;
}

bool Journal_recompute(Journal *j) {
   j->nforced = j->nredo = 0;
   for (size_t i = 0; i < j->nentries; i++) {
      JournalEntry *e = &j->entries[i];
      switch (e->kind) {
      case GV_ENTRY_UNIT:
         e->in_force = true;
         if (!push(&j->forced, &j->nforced, &j->forced_cap, i))
            return false;
         j->nredo = 0;
         break;
      case GV_ENTRY_UNDO:
         e->target = (uint32_t)Journal_undo(j);
         break;
      case GV_ENTRY_REDO:
         e->target = (uint32_t)Journal_redo(j);
         break;
      default:
         e->in_force = true;
         break;
      }
   }
   return true;
}
