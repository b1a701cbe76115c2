/* The journal seen from outside: iterating its lines and entries, and the
 * compacted journal that replays to the same state. */
#include <stdlib.h>
#include <string.h>

#include "model/session.h"

static void put_entry(const Session *s, const JournalEntry *en, GvBuf *out) {
   for (size_t k = en->first; k < en->first + en->nlines; k++) {
      size_t len;
      const char *line = Journal_line(&s->journal, k, &len);
      GvBuf_append(out, line, len);
      GvBuf_putc(out, '\n');
   }
}

GvStatus Session_compact(const Session *s, GvBuf *out) {
   const Journal *j = &s->journal;
   size_t n = s->floor.count;
   size_t *last = malloc((n ? n : 1) * sizeof *last);
   if (!last)
      return GV_NOMEM;
   for (size_t i = 0; i < n; i++)
      last[i] = GV_NONE;
   for (size_t i = 0; i < j->nentries; i++)
      if (j->entries[i].kind == GV_ENTRY_DRAFT && j->entries[i].target < n)
         last[j->entries[i].target] = i;
   for (size_t i = 0; i < j->nentries; i++) {
      const JournalEntry *en = &j->entries[i];
      switch (en->kind) {
      case GV_ENTRY_UNIT:
         if (en->in_force) {
            put_entry(s, en, out);
         } else if (i == 0) {
            /* Keep the first line (it names the session) with the undo that took it back. */
            put_entry(s, en, out);
            for (size_t k = 1; k < j->nentries; k++)
               if (j->entries[k].kind == GV_ENTRY_UNDO && j->entries[k].target == 0) {
                  put_entry(s, &j->entries[k], out);
                  break;
               }
         }
         break;
      case GV_ENTRY_DRAFT:
         if (en->target < n && last[en->target] == i)
            put_entry(s, en, out);
         break;
      case GV_ENTRY_OTHER:
         put_entry(s, en, out);
         break;
      default:
         break;
      }
   }
   free(last);
   return out->failed ? GV_NOMEM : GV_OK;
}

size_t Session_entry_count(const Session *s) {
   return s->journal.nentries;
}

const JournalEntry *Session_entry(const Session *s, size_t i) {
   return i < s->journal.nentries ? &s->journal.entries[i] : NULL;
}

const char *Session_line(const Session *s, size_t i, size_t *len) {
   if (i >= s->journal.nlines)
      return NULL;
   return Journal_line(&s->journal, i, len);
}

size_t Session_line_count(const Session *s) {
   return s->journal.nlines;
}

bool Session_can_undo(const Session *s) {
   return s->journal.nforced > 0;
}

bool Session_can_redo(const Session *s) {
   return s->journal.nredo > 0;
}
