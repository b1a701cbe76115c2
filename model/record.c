/* Words and labels of stances, reservations and their statuses. */
#include "model/record.h"
#include "model/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* a and b the same letter in either case, or the same byte: a test that
 * strncasecmp would fail too, made before it (ASCII letters only fold). */
static bool same_folded(char a, char b) {
   return a == b || ((a | 0x20) == (b | 0x20) && (unsigned char)((a | 0x20) - 'a') < 26);
}

GvStatus Records_find_action(const Records *r, const char *id, size_t n, size_t *idx, char *msg, size_t msglen) {
   size_t found = (size_t)-1, hits = 0;
   for (size_t i = 0; i < r->nactions && n >= 4; i++) {
      const char *u = r->actions[i].uuid;
      /* Most ids differ in their first character: no call for those. */
      if (!same_folded(u[0], id[0]))
         continue;
      if (n <= strlen(u) && strncasecmp(u, id, n) == 0) {
         if (n == strlen(u)) {
            *idx = i;
            return GV_OK;
         }
         found = i;
         hits++;
      }
   }
   if (hits == 1) {
      *idx = found;
      return GV_OK;
   }
   if (msg && msglen) {
      if (hits > 1)
         snprintf(msg, msglen, "action id '%.40s' is ambiguous (%zu actions start with it)", id, hits);
      else if (n < 4)
         snprintf(msg, msglen, "action id '%.40s' is too short (give at least 4 characters)", id);
      else
         snprintf(msg, msglen, "no action '%.40s'", id);
   }
   return hits > 1 ? GV_AMBIGUOUS : GV_NOT_FOUND;
}

static size_t pos_hash(size_t item, size_t d) {
   uint64_t h = ((uint64_t)item << 32 ^ (uint64_t)d) * 0x9E3779B97F4A7C15ULL;
   return (size_t)(h ^ h >> 29);
}

/* Puts position i in its slot. */
static void pos_insert(Records *r, size_t i) {
   size_t k = pos_hash(r->pos[i].item, r->pos[i].delegation) & r->pos_mask;
   while (r->pos_slots[k])
      k = (k + 1) & r->pos_mask;
   r->pos_slots[k] = i + 1;
}

/* Indexes every position, in a table at least twice as large: false when
 * out of memory (then the look-up searches). */
static bool pos_reindex(Records *r) {
   size_t size = 64;
   while (size < r->npos * 2 + 2)
      size *= 2;
   free(r->pos_slots);
   r->pos_slots = calloc(size, sizeof *r->pos_slots);
   r->pos_indexed = 0;
   if (!r->pos_slots)
      return false;
   r->pos_mask = size - 1;
   for (size_t i = 0; i < r->npos; i++)
      pos_insert(r, i);
   r->pos_indexed = r->npos;
   return true;
}

Position *Records_position(Records *r, size_t item, size_t d) {
   if (r->npos == 0)
      return NULL;
   /* Positions are added one by one: index the new ones, or all again when
    * the table is half full or a position was removed or moved. */
   if (r->pos_slots && r->pos_indexed > 0 && (r->npos + 1) * 2 <= r->pos_mask + 1)
      while (r->pos_indexed < r->npos)
         pos_insert(r, r->pos_indexed++);
   if (r->pos_indexed != r->npos && !pos_reindex(r)) {
      for (size_t i = 0; i < r->npos; i++)
         if (r->pos[i].item == item && r->pos[i].delegation == d)
            return &r->pos[i];
      return NULL;
   }
   for (size_t k = pos_hash(item, d) & r->pos_mask; r->pos_slots[k]; k = (k + 1) & r->pos_mask) {
      Position *p = &r->pos[r->pos_slots[k] - 1];
      if (p->item == item && p->delegation == d)
         return p;
   }
   return NULL;
}

void Records_clear(Records *r) {
   for (size_t i = 0; i < r->npos; i++)
      free(r->pos[i].text);
   for (size_t i = 0; i < r->nres; i++)
      free(r->res[i].text);
   for (size_t i = 0; i < r->ndeadlines; i++)
      free(r->deadlines[i].what);
   for (size_t i = 0; i < r->nactions; i++)
      free(r->actions[i].what);
   for (size_t i = 0; i < r->nparas; i++) {
      free(r->paras[i].phrase);
      free(r->paras[i].members);
      free(r->paras[i].text);
   }
   free(r->paras);
   free(r->pos_slots);
   free(r->pos);
   free(r->res);
   free(r->deadlines);
   free(r->actions);
   memset(r, 0, sizeof *r);
}

static const char *const Stance_words[] = {
#define GV_ST_WORD(e, word, label) word,
   GV_STANCE_LIST(GV_ST_WORD)
#undef GV_ST_WORD
};
static const char *const Stance_labels[] = {
#define GV_ST_LABEL(e, word, label) label,
   GV_STANCE_LIST(GV_ST_LABEL)
#undef GV_ST_LABEL
};
static const char *const Reserve_words[] = {
#define GV_RS_WORD(e, word) word,
   GV_RESERVE_LIST(GV_RS_WORD)
#undef GV_RS_WORD
};

const char *GvStance_word(GvStance s) {
   return (unsigned)s < GV_STANCE_COUNT ? Stance_words[s] : "";
}

const char *GvStance_label(GvStance s) {
   return (unsigned)s < GV_STANCE_COUNT ? Stance_labels[s] : "";
}

/* s is keyword in any case; keyword lower case. The first letter told
 * inline: every replayed `pos` and `reserve` asks, most words differ there. */
static bool word_is(const char *s, const char *keyword) {
   return (s[0] | 0x20) == keyword[0] && Util_word_eq(s, keyword);
}

bool GvStance_parse(const char *s, GvStance *out) {
   for (unsigned i = 0; i < GV_STANCE_COUNT; i++)
      if (word_is(s, Stance_words[i])) {
         *out = (GvStance)i;
         return true;
      }
   /* The forms people type without thinking. */
   static const struct { const char *w; GvStance s; } Alias[] = {
      { "support", GV_STANCE_SUPPORTS }, { "accept", GV_STANCE_ACCEPTS },
      { "concern", GV_STANCE_CONCERNS }, { "oppose", GV_STANCE_OPPOSES },
      { "ask", GV_STANCE_ASKS }, { "clarification", GV_STANCE_ASKS },
   };
   for (unsigned i = 0; i < sizeof Alias / sizeof *Alias; i++)
      if (word_is(s, Alias[i].w)) {
         *out = Alias[i].s;
         return true;
      }
   return false;
}

const char *GvReserveType_word(GvReserveType t) {
   return (unsigned)t < GV_RESERVE_COUNT ? Reserve_words[t] : "";
}

bool GvReserveType_parse(const char *s, GvReserveType *out) {
   for (unsigned i = 0; i < GV_RESERVE_COUNT; i++)
      if (word_is(s, Reserve_words[i])) {
         *out = (GvReserveType)i;
         return true;
      }
   return false;
}

const char *GvReserveStatus_word(GvReserveStatus st) {
   switch (st) {
   case GV_RESERVE_ENTERED: return "entered";
   case GV_RESERVE_MAINTAINED: return "maintained";
   case GV_RESERVE_LIFTED: return "lifted";
   }
   return "";
}
