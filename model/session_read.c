/* Read accessors of a session, for render/, tui/ and cli/. */
#include <string.h>

#include "model/session.h"

const Item *Session_current_item(const Session *s) {
   return s->agenda.current != GV_NONE ? &s->agenda.items[s->agenda.current] : NULL;
}

size_t Session_current_index(const Session *s) {
   return s->agenda.current;
}

const Intervention *Session_speaker(const Session *s) {
   return s->floor.speaking != GV_NONE ? &s->floor.list[s->floor.speaking] : NULL;
}

const Delegation *Session_delegation(const Session *s, size_t idx) {
   return Roster_get(&s->roster, idx);
}

const QueueEntry *Session_queue(const Session *s, size_t *count) {
   const Item *it = Session_current_item(s);
   *count = it ? it->nqueue : 0;
   return it ? it->queue : NULL;
}

const size_t *Session_item_interventions(const Session *s, size_t item, size_t *count) {
   if (item >= s->agenda.count) {
      *count = 0;
      return NULL;
   }
   *count = s->agenda.items[item].ninterventions;
   return s->agenda.items[item].interventions;
}

const Intervention *Session_intervention(const Session *s, size_t idx) {
   return idx < s->floor.count ? &s->floor.list[idx] : NULL;
}

const Position *Session_position(const Session *s, size_t item, size_t k) {
   for (size_t i = 0; i < s->rec.npos; i++)
      if (s->rec.pos[i].item == item && k-- == 0)
         return &s->rec.pos[i];
   return NULL;
}

const Reservation *Session_reservation(const Session *s, size_t item, size_t k) {
   for (size_t i = 0; i < s->rec.nres; i++)
      if (s->rec.res[i].item == item && k-- == 0)
         return &s->rec.res[i];
   return NULL;
}

const Position *Session_position_of(const Session *s, size_t item, size_t delegation) {
   for (size_t i = 0; i < s->rec.npos; i++)
      if (s->rec.pos[i].item == item && s->rec.pos[i].delegation == delegation)
         return &s->rec.pos[i];
   return NULL;
}

int64_t Session_start_time(const Session *s) {
   if (s->meta.start != GV_NO_TIME)
      return s->meta.start;
   int64_t t = GV_NO_TIME;
   for (size_t i = 0; i < s->agenda.count; i++) {
      int64_t u = s->agenda.items[i].taken_up;
      if (u != GV_NO_TIME && !s->agenda.items[i].dropped && (t == GV_NO_TIME || u < t))
         t = u;
   }
   if (s->floor.count && (t == GV_NO_TIME || s->floor.list[0].start < t))
      t = s->floor.list[0].start;
   return t;
}

int64_t Session_end_time(const Session *s) {
   if (s->meta.end != GV_NO_TIME)
      return s->meta.end;
   int64_t t = GV_NO_TIME;
   for (size_t i = 0; i < s->floor.count; i++) {
      int64_t u = s->floor.list[i].end;
      if (u != GV_NO_TIME && (t == GV_NO_TIME || u > t))
         t = u;
   }
   return t;
}

int64_t Session_clock(const Session *s, int64_t now) {
   return s->clock != GV_NO_TIME ? s->clock : now;
}

size_t Session_find_action(const Session *s, const char *id, size_t n, char *msg, size_t msglen) {
   size_t idx;
   if (Records_find_action(&s->rec, id, n, &idx, msg, msglen) != GV_OK)
      return GV_NONE;
   return idx;
}

void Session_speaking_stats(const Session *s, size_t item, int64_t now, bool fold_units,
                            SpeakStat *out) {
   for (size_t i = 0; i < s->roster.count; i++)
      out[i] = (SpeakStat){ 0, 0 };
   for (size_t i = 0; i < s->floor.count; i++) {
      const Intervention *iv = &s->floor.list[i];
      if (item != GV_NONE && iv->item != item)
         continue;
      if (iv->deleted || s->agenda.items[iv->item].dropped || iv->delegation >= s->roster.count)
         continue;
      size_t d = iv->delegation;
      if (fold_units && s->roster.list[d].parent != GV_NONE)
         d = s->roster.list[d].parent;
      out[d].interventions++;
      out[d].seconds += Intervention_duration(iv, now);
   }
}
