/* The floor: queue, speakers, interventions and their notes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/command.h"
#include "model/session_copy.h"
#include "model/util.h"

static size_t queue_find(const Item *it, size_t del) {
   for (size_t i = 0; i < it->nqueue; i++)
      if (it->queue[i].delegation == del)
         return i;
   return GV_NONE;
}

static void queue_remove(Item *it, size_t pos) {
   memmove(it->queue + pos, it->queue + pos + 1, (it->nqueue - pos - 1) * sizeof *it->queue);
   it->nqueue--;
}

/* Room for n more entries, so that a multi-code request never half-applies. */
static bool queue_reserve(Item *it, size_t n) {
   while (it->queue_cap < it->nqueue + n) {
      QueueEntry *q = Util_grow(it->queue, &it->queue_cap, it->queue_cap, sizeof *q);
      if (!q)
         return false;
      it->queue = q;
   }
   return true;
}

static void queue_insert(Item *it, size_t pos, QueueEntry qe) {
   memmove(it->queue + pos + 1, it->queue + pos, (it->nqueue - pos) * sizeof *it->queue);
   it->queue[pos] = qe;
   it->nqueue++;
}

static bool is_speaking(const Session *s, size_t del) {
   return s->floor.speaking != GV_NONE && s->floor.list[s->floor.speaking].delegation == del;
}

/* floor CODE... [first] */
GvStatus Cmd_floor(Exec *e, Words *w) {
   size_t item;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_current(e, &item)) != GV_OK)
      return st;
   bool first = false;
   size_t n = 0, first_at = 0;   /* the word 'first' (or 'poo'), if any */
   for (size_t i = 1; i < w->count; i++) {
      if (Words_is(w, i, "first") || Words_is(w, i, "poo")) {
         if (first)
            return Cmd_fail(e, GV_USAGE, "floor: 'first' given twice");
         first = true;
         first_at = i;
      } else {
         n++;
      }
   }
   if (n == 0)
      return Cmd_fail(e, GV_USAGE, "floor needs one or more delegation codes (floor FR DE, floor FR first)");
   /* A few codes, nearly always: no allocation for them. */
   size_t few[16];
   size_t *codes = n <= sizeof few / sizeof *few ? few : malloc(n * sizeof *codes);
   if (!codes)
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   Session *s = e->s;
   Item *it = &s->agenda.items[item];
   size_t k = 0;
   for (size_t i = 1; i < w->count && st == GV_OK; i++) {
      if (first && i == first_at)
         continue;
      size_t d;
      if ((st = Cmd_delegation(e, w, i, &d)) != GV_OK)
         break;
      const char *code = s->roster.list[d].code;
      if (s->roster.list[d].retired)
         st = Cmd_fail(e, GV_STATE, "%s is not in the roster loaded last", code);
      else if (Roster_attendance(&s->roster, d) == GV_ATTEND_ABSENT)
         st = Cmd_fail(e, GV_STATE, "%s is absent (attend %s present)", code, code);
      else if (queue_find(it, d) != GV_NONE)
         st = Cmd_fail(e, GV_DUPLICATE, "%s is already in the queue", code);
      for (size_t j = 0; j < k && st == GV_OK; j++)
         if (codes[j] == d)
            st = Cmd_fail(e, GV_DUPLICATE, "%s is named twice", code);
      codes[k++] = d;
   }
   if (st == GV_OK && !queue_reserve(it, n))
      st = Cmd_fail(e, GV_NOMEM, "out of memory");
   if (st == GV_OK) {
      /* Points of order go after earlier points of order, before the rest. */
      size_t pos = it->nqueue;
      if (first) {
         pos = 0;
         while (pos < it->nqueue && it->queue[pos].point_of_order)
            pos++;
      }
      for (size_t i = 0; i < n; i++) {
         queue_insert(it, pos + i, (QueueEntry){ codes[i], first, e->time });
         Cmd_put_code(e, codes[i]);
      }
      if (first)
         GvBuf_puts(e->canon, " first");
   }
   if (codes != few)
      free(codes);
   return st;
}

/* tour: every Member State present, in protocol order, that is not queued yet. */
GvStatus Cmd_tour(Exec *e, Words *w) {
   size_t item;
   GvStatus st = Cmd_current(e, &item);
   if (st != GV_OK)
      return st;
   if (w->count > 1)
      return Cmd_fail(e, GV_USAGE, "tour takes no arguments");
   Session *s = e->s;
   Roster *r = &s->roster;
   Item *it = &s->agenda.items[item];
   size_t *order = malloc((r->count ? r->count : 1) * sizeof *order);
   if (!order || !queue_reserve(it, r->count)) {
      free(order);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   Roster_protocol_order(r, order);
   size_t added = 0, members = 0;
   for (size_t k = 0; k < r->count; k++) {
      size_t d = order[k];
      const Delegation *del = &r->list[d];
      if (del->kind != GV_KIND_MS || del->parent != GV_NONE || del->retired)
         continue;
      members++;
      if (del->attendance == GV_ATTEND_ABSENT || queue_find(it, d) != GV_NONE || is_speaking(s, d))
         continue;
      queue_insert(it, it->nqueue, (QueueEntry){ d, false, e->time });
      added++;
   }
   free(order);
   if (members == 0)
      return Cmd_fail(e, GV_STATE, "the roster has no Member States (load one with 'roster NAME')");
   if (added == 0)
      return Cmd_fail(e, GV_STATE, "every Member State present is already in the queue");
   return GV_OK;
}

GvStatus Cmd_withdraw(Exec *e, Words *w) {
   size_t item, d;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_current(e, &item)) != GV_OK || (st = Cmd_delegation(e, w, 1, &d)) != GV_OK)
      return st;
   if (w->count > 2)
      return Cmd_fail(e, GV_USAGE, "withdraw takes one CODE");
   Item *it = &e->s->agenda.items[item];
   size_t pos = queue_find(it, d);
   if (pos == GV_NONE)
      return Cmd_fail(e, GV_NOT_FOUND, "%s is not in the queue", e->s->roster.list[d].code);
   queue_remove(it, pos);
   Cmd_put_code(e, d);
   return GV_OK;
}

/* Ends the running intervention and gives the floor to del. */
static GvStatus start_intervention(Exec *e, size_t item, size_t del, bool poo) {
   Session *s = e->s;
   Floor *f = &s->floor;
   Item *it = &s->agenda.items[item];
   Intervention *list = Util_grow(f->list, &f->cap, f->count, sizeof *list);
   if (!list)
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   f->list = list;
   size_t *ivs = Util_grow(it->interventions, &it->interventions_cap, it->ninterventions, sizeof *ivs);
   if (!ivs)
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   it->interventions = ivs;
   if (!Cmd_said_append(it, GV_SAID_INTERVENTION, f->count))
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   Cmd_end_speaker(e);
   Intervention *iv = &f->list[f->count];
   memset(iv, 0, sizeof *iv);
   Cmd_uuid(e, iv->uuid);
   iv->item = item;
   iv->delegation = del;
   iv->start = e->time;
   iv->end = GV_NO_TIME;
   iv->point_of_order = poo;
   Notes_init(&iv->notes);
   it->interventions[it->ninterventions++] = f->count;
   f->speaking = f->count++;
   return GV_OK;
}

GvStatus Cmd_next(Exec *e, Words *w) {
   size_t item;
   GvStatus st = Cmd_current(e, &item);
   if (st != GV_OK)
      return st;
   if (w->count > 1)
      return Cmd_fail(e, GV_USAGE, "next takes no arguments (give CODE gives the floor to someone)");
   Item *it = &e->s->agenda.items[item];
   if (it->nqueue == 0)
      return Cmd_fail(e, GV_QUEUE_EMPTY, "the queue is empty%s",
                      e->s->floor.speaking != GV_NONE ? " ('end' ends the intervention)" : "");
   QueueEntry qe = it->queue[0];
   if ((st = start_intervention(e, item, qe.delegation, qe.point_of_order)) != GV_OK)
      return st;
   queue_remove(it, 0);
   return GV_OK;
}

GvStatus Cmd_give(Exec *e, Words *w) {
   size_t item, d;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_current(e, &item)) != GV_OK || (st = Cmd_delegation(e, w, 1, &d)) != GV_OK)
      return st;
   if (w->count > 2)
      return Cmd_fail(e, GV_USAGE, "give takes one CODE");
   Session *s = e->s;
   const char *code = s->roster.list[d].code;
   if (is_speaking(s, d))
      return Cmd_fail(e, GV_STATE, "%s already has the floor", code);
   if (s->roster.list[d].retired)
      return Cmd_fail(e, GV_STATE, "%s is not in the roster loaded last", code);
   if (Roster_attendance(&s->roster, d) == GV_ATTEND_ABSENT)
      return Cmd_fail(e, GV_STATE, "%s is absent (attend %s present)", code, code);
   Item *it = &s->agenda.items[item];
   size_t pos = queue_find(it, d);
   bool poo = pos != GV_NONE && it->queue[pos].point_of_order;
   if ((st = start_intervention(e, item, d, poo)) != GV_OK)
      return st;
   if (pos != GV_NONE)
      queue_remove(it, pos);
   Cmd_put_code(e, d);
   return GV_OK;
}

GvStatus Cmd_end(Exec *e, Words *w) {
   if (w->count > 1)
      return Cmd_fail(e, GV_USAGE, "end takes no arguments");
   if (e->s->floor.speaking == GV_NONE)
      return Cmd_fail(e, GV_NO_SPEAKER, "nobody has the floor");
   Cmd_end_speaker(e);
   return GV_OK;
}

/* Appends the TEXT from word i on to *notes (a newline between pieces),
 * decoded straight into place. false when out of memory; *n gets the
 * TEXT's length (0: nothing appended). */
static bool notes_append(char **notes, size_t *len, const Words *w, size_t i, size_t *n) {
   bool had = *notes != NULL;
   size_t old = had ? *len : 0;
   size_t sep = old > 0 ? 1 : 0;
   char *s = realloc(*notes, old + sep + Words_rest_room(w, i));
   if (!s)
      return false;
   *notes = s;
   *n = Words_rest_into(w, i, s + old + sep);
   if (*n == 0) {
      /* Refused: the notes stay as they were (NULL when there were none). */
      s[old] = '\0';
      if (!had) {
         free(s);
         *notes = NULL;
      }
      return true;
   }
   if (sep)
      s[old] = '\n';
   *len = old + sep + *n;
   return true;
}

/* note TEXT: the running intervention, else the last one on the item, else the item. */
GvStatus Cmd_note(Exec *e, Words *w) {
   size_t item;
   GvStatus st = Cmd_current(e, &item);
   if (st != GV_OK)
      return st;
   size_t target = Cmd_note_target(e);
   size_t n = 0;
   const char *text = NULL;
   bool ok;
   if (target != GV_NONE) {
      SessionCopy_touch(e->s, target);
      Notes *notes = &e->s->floor.list[target].notes;
      /* A note replayed from the held file stays a slice of it. */
      const char *plain = Session_holds(e->s, w->line, w->len) ? Words_rest_plain(w, 1, &n) : NULL;
      if (plain) {
         ok = Notes_add_slice(notes, plain, n);
         text = plain;
      } else {
         char *at = Notes_grow(notes, Words_rest_room(w, 1));
         ok = at != NULL;
         if (ok) {
            n = Words_rest_into(w, 1, at);
            Notes_commit(notes, n);
            text = at;
         }
      }
   } else {
      Item *it = &e->s->agenda.items[item];
      size_t len = it->notes ? strlen(it->notes) : 0;
      ok = notes_append(&it->notes, &len, w, 1, &n);
      if (ok && n)
         text = it->notes + len - n;
   }
   if (!ok)
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   if (n == 0)
      return Cmd_fail(e, GV_USAGE, "note needs TEXT");
   if (!e->canon->failed) {   /* a replay keeps no canonical text */
      GvBuf_putc(e->canon, ' ');
      Words_put_text(e->canon, text, n);
   }
   return GV_OK;
}

static size_t find_intervention(const Session *s, const char *uuid, size_t n) {
   /* The target is nearly always the newest: search from the end. */
   for (size_t i = s->floor.count; i-- > 0;)
      /* n bytes the same and the uuid's end after them (n <= 36, its room) */
      if (memcmp(s->floor.list[i].uuid, uuid, n) == 0 && s->floor.list[i].uuid[n] == '\0')
         return i;
   return GV_NONE;
}

/* 8-4-4-4-12 hex digits. */
static bool looks_uuid(const char *u) {
   /* Each byte's class against the one its place wants, one table look a
    * byte; a NUL (class 0) ends the look at its place. */
   static const unsigned char cls[256] = {
      ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
      ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
      ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['-'] = 2,
   };
   static const unsigned char want[36] = {
      1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1,
      2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
   };
   for (int i = 0; i < 36; i++)
      if (cls[(unsigned char)u[i]] != want[i])
         return false;
   return u[36] == '\0';
}

/* draft TEXT: the notes of the running intervention, replaced whole. Not an
 * undo unit. Canonical: draft #INTERVENTION-UUID TEXT, so that replay after
 * an undo never writes into someone else's intervention. */
GvStatus Cmd_draft(Exec *e, Words *w) {
   e->kind = GV_ENTRY_DRAFT;
   e->draft_target = GV_NONE;
   size_t target = GV_NONE, from = 1;
   bool explicit = w->count > 1 && w->word[1][0] == '#' && !w->quoted[1] && looks_uuid(w->word[1] + 1);
   if (explicit) {
      target = find_intervention(e->s, w->word[1] + 1, 36);
      from = 2;
      if (target == GV_NONE && e->live)
         return Cmd_fail(e, GV_NOT_FOUND, "no intervention %.40s", w->word[1]);
   } else {
      target = Cmd_note_target(e);
      if (target == GV_NONE && e->live)
         return Cmd_fail(e, GV_NO_SPEAKER, "nobody has the floor (a draft needs an intervention)");
   }
   if (target == GV_NONE)
      return GV_OK;   /* replaying a draft whose intervention was undone */
   SessionCopy_touch(e->s, target);
   Intervention *iv = &e->s->floor.list[target];
   size_t n;
   /* A draft replayed from the held file stays a slice of it. */
   const char *plain = Session_holds(e->s, w->line, w->len) ? Words_rest_plain(w, from, &n) : NULL;
   char *text = NULL;
   if (plain) {
      if (!Notes_set_slice(&iv->notes, plain, n))
         return Cmd_fail(e, GV_NOMEM, "out of memory");
   } else {
      GvStatus st = Cmd_text(e, w, from, &text, &n);
      if (st != GV_OK)
         return st;
      if (!Notes_set(&iv->notes, text, n)) {
         free(text);
         return Cmd_fail(e, GV_NOMEM, "out of memory");
      }
      plain = text;
   }
   e->draft_target = target;
   if (!e->canon->failed)   /* a replay keeps no canonical text */
      GvBuf_printf(e->canon, " #%s", iv->uuid);
   if (n && !e->canon->failed) {
      GvBuf_putc(e->canon, ' ');
      Words_put_text(e->canon, plain, n);
   }
   free(text);
   return GV_OK;
}

GvStatus Cmd_presents(Exec *e, Words *w) {
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   size_t target = Cmd_note_target(e);
   if (target == GV_NONE)
      return Cmd_fail(e, GV_NO_SPEAKER, "nobody has the floor (presents needs a speaker)");
   if (w->count < 2)
      return Cmd_fail(e, GV_USAGE, "presents needs a document reference");
   char *ref;
   size_t n;
   if ((st = Cmd_text(e, w, 1, &ref, &n)) != GV_OK)
      return st;
   DocRef d;
   st = DocRef_parse(ref, n, &d, e->msg, e->msglen);
   free(ref);
   if (st != GV_OK)
      return st;
   SessionCopy_touch(e->s, target);
   Intervention *iv = &e->s->floor.list[target];
   DocRef *doc = iv->doc ? iv->doc : malloc(sizeof *doc);
   if (!doc) {
      DocRef_free(&d);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   if (iv->has_doc)
      DocRef_free(doc);
   *doc = d;
   iv->doc = doc;
   iv->has_doc = true;
   GvBuf_putc(e->canon, ' ');
   Words_put_quoted(e->canon, d.text, strlen(d.text));
   return GV_OK;
}
