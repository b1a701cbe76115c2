/* Short references to the records of a session (as git shows commits). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/session.h"

static const char *const Ref_words[] = {
   "intervention", "paragraph", "position", "reservation", "deadline", "action",
};

const char *GvRefKind_word(GvRefKind kind) {
   return (unsigned)kind < sizeof Ref_words / sizeof *Ref_words ? Ref_words[kind] : "";
}

static size_t kind_count(const Session *s, GvRefKind k) {
   switch (k) {
   case GV_REF_INTERVENTION: return s->floor.count;
   case GV_REF_PARA: return s->rec.nparas;
   case GV_REF_POSITION: return s->rec.npos;
   case GV_REF_RESERVATION: return s->rec.nres;
   case GV_REF_DEADLINE: return s->rec.ndeadlines;
   case GV_REF_ACTION: return s->rec.nactions;
   }
   return 0;
}

const char *Session_ref_uuid(const Session *s, GvRefKind k, size_t i) {
   switch (k) {
   case GV_REF_INTERVENTION: return s->floor.list[i].uuid;
   case GV_REF_PARA: return s->rec.paras[i].uuid;
   case GV_REF_POSITION: return s->rec.pos[i].uuid;
   case GV_REF_RESERVATION: return s->rec.res[i].uuid;
   case GV_REF_DEADLINE: return s->rec.deadlines[i].uuid;
   case GV_REF_ACTION: return s->rec.actions[i].uuid;
   }
   return "";
}

/* Deleted interventions and paragraphs stay in their arrays, off the record. */
static int live(const Session *s, GvRefKind k, size_t i) {
   if (k == GV_REF_INTERVENTION)
      return !s->floor.list[i].deleted && !s->agenda.items[s->floor.list[i].item].dropped;
   if (k == GV_REF_PARA)
      return !s->rec.paras[i].deleted;
   return 1;
}

static int cmp_str(const void *a, const void *b) {
   return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t Session_ref_len(const Session *s) {
   size_t n = 0;
   for (int k = 0; k <= GV_REF_ACTION; k++)
      n += kind_count(s, (GvRefKind)k);
   const char **all = malloc((n ? n : 1) * sizeof *all);
   if (!all)
      return 36;
   n = 0;
   for (int k = 0; k <= GV_REF_ACTION; k++)
      for (size_t i = 0; i < kind_count(s, (GvRefKind)k); i++)
         if (live(s, (GvRefKind)k, i))
            all[n++] = Session_ref_uuid(s, (GvRefKind)k, i);
   qsort(all, n, sizeof *all, cmp_str);
   size_t len = 7;
   for (size_t i = 1; i < n; i++) {
      size_t l = 0;
      while (all[i][l] && all[i][l] == all[i - 1][l])
         l++;
      if (l + 1 > len)
         len = l + 1;
   }
   free(all);
   return len > 36 ? 36 : len;
}

GvStatus Session_find_ref(const Session *s, const char *ref, size_t n, GvRefKind *kind, size_t *idx,
                          char *msg, size_t msglen) {
   size_t hits = 0;
   if (n >= 4 && n <= 36) {
      for (int k = 0; k <= GV_REF_ACTION; k++)
         for (size_t i = 0; i < kind_count(s, (GvRefKind)k); i++) {
            const char *u = Session_ref_uuid(s, (GvRefKind)k, i);
            if (!live(s, (GvRefKind)k, i) || strncasecmp(u, ref, n) != 0)
               continue;
            if (n == strlen(u)) {
               *kind = (GvRefKind)k;
               *idx = i;
               return GV_OK;
            }
            if (hits++ == 0) {
               *kind = (GvRefKind)k;
               *idx = i;
            }
         }
   }
   if (hits == 1)
      return GV_OK;
   if (msg && msglen) {
      if (hits > 1)
         snprintf(msg, msglen, "reference '%.40s' is ambiguous (%zu records start with it)", ref, hits);
      else if (n < 4)
         snprintf(msg, msglen, "reference '%.40s' is too short (give at least 4 characters)", ref);
      else
         snprintf(msg, msglen, "no record '%.40s' (gavel show lists the references)", ref);
   }
   return hits > 1 ? GV_AMBIGUOUS : GV_NOT_FOUND;
}
