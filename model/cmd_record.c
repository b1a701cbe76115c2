/* Positions, reservations, outcomes, deadlines and actions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/command.h"
#include "model/util.h"

static const char *const Stances = "supports, accepts, flexible, concerns, opposes, asks";
static const char *const Reserve_types = "scrutiny, parliamentary, linguistic, substantive, general, waiting";

/* pos CODE STANCE [TEXT] */
GvStatus Cmd_pos(Exec *e, Words *w) {
   size_t item, d;
   GvStance stance;
   GvStatus st = Cmd_check_quotes(e, w, 3);
   if (st != GV_OK || (st = Cmd_current(e, &item)) != GV_OK)
      return st;
   if (w->count < 3)
      return Cmd_fail(e, GV_USAGE, "pos needs CODE STANCE [TEXT] (stances: %s)", Stances);
   if ((st = Cmd_delegation(e, w, 1, &d)) != GV_OK)
      return st;
   if (!GvStance_parse(w->word[2], &stance))
      return Cmd_fail(e, GV_BAD_VALUE, "unknown stance '%.40s' (%s)", w->word[2], Stances);
   char *text;
   size_t n;
   if ((st = Cmd_text(e, w, 3, &text, &n)) != GV_OK)
      return st;
   Records *r = &e->s->rec;
   Position *p = Records_position(r, item, d);
   if (!p) {
      Position *list = Util_grow(r->pos, &r->pos_cap, r->npos, sizeof *list);
      if (!list) {
         free(text);
         return Cmd_fail(e, GV_NOMEM, "out of memory");
      }
      r->pos = list;
      p = &r->pos[r->npos++];
      memset(p, 0, sizeof *p);
      Cmd_uuid(e, p->uuid);
      p->item = item;
      p->delegation = d;
   }
   p->stance = stance;
   Cmd_replace(&p->text, text);
   p->time = e->time;
   Cmd_put_code(e, d);
   if (!e->canon->failed)   /* a replay keeps no canonical text */
      GvBuf_printf(e->canon, " %s", GvStance_word(stance));
   if (n && !e->canon->failed) {
      GvBuf_putc(e->canon, ' ');
      Words_put_text(e->canon, text, n);
   }
   return GV_OK;
}

static Reservation *find_reservation(Records *r, size_t item, size_t d, GvReserveType t) {
   for (size_t i = 0; i < r->nres; i++)
      if (r->res[i].item == item && r->res[i].delegation == d && r->res[i].type == t)
         return &r->res[i];
   return NULL;
}

static GvStatus reserve_args(Exec *e, Words *w, size_t *item, size_t *d, GvReserveType *t) {
   GvStatus st = Cmd_check_quotes(e, w, 3);
   if (st != GV_OK || (st = Cmd_current(e, item)) != GV_OK)
      return st;
   if (w->count < 3)
      return Cmd_fail(e, GV_USAGE, "%s needs CODE TYPE (types: %s)", w->word[0], Reserve_types);
   if ((st = Cmd_delegation(e, w, 1, d)) != GV_OK)
      return st;
   if (!GvReserveType_parse(w->word[2], t))
      return Cmd_fail(e, GV_BAD_VALUE, "unknown reservation '%.40s' (%s)", w->word[2], Reserve_types);
   return GV_OK;
}

/* reserve CODE TYPE [TEXT]: entered, or maintained when it stands already. */
GvStatus Cmd_reserve(Exec *e, Words *w) {
   size_t item, d;
   GvReserveType t;
   GvStatus st = reserve_args(e, w, &item, &d, &t);
   if (st != GV_OK)
      return st;
   char *text;
   size_t n;
   if ((st = Cmd_text(e, w, 3, &text, &n)) != GV_OK)
      return st;
   Records *r = &e->s->rec;
   Reservation *res = find_reservation(r, item, d, t);
   if (res) {
      res->status = res->status == GV_RESERVE_LIFTED ? GV_RESERVE_ENTERED : GV_RESERVE_MAINTAINED;
   } else {
      Reservation *list = Util_grow(r->res, &r->res_cap, r->nres, sizeof *list);
      if (!list) {
         free(text);
         return Cmd_fail(e, GV_NOMEM, "out of memory");
      }
      r->res = list;
      res = &r->res[r->nres++];
      memset(res, 0, sizeof *res);
      Cmd_uuid(e, res->uuid);
      res->item = item;
      res->delegation = d;
      res->type = t;
      res->status = GV_RESERVE_ENTERED;
   }
   if (n || !res->text)
      Cmd_replace(&res->text, text);
   else
      free(text);
   res->time = e->time;
   Cmd_put_code(e, d);
   if (!e->canon->failed)   /* a replay keeps no canonical text */
      GvBuf_printf(e->canon, " %s", GvReserveType_word(t));
   if (n && !e->canon->failed) {
      GvBuf_putc(e->canon, ' ');
      Words_put_text(e->canon, res->text, n);
   }
   return GV_OK;
}

GvStatus Cmd_lift(Exec *e, Words *w) {
   size_t item, d;
   GvReserveType t;
   GvStatus st = reserve_args(e, w, &item, &d, &t);
   if (st != GV_OK)
      return st;
   if (w->count > 3)
      return Cmd_fail(e, GV_USAGE, "lift takes CODE TYPE only");
   Reservation *res = find_reservation(&e->s->rec, item, d, t);
   char num[64];
   Cmd_item_name(e, item, num, sizeof num);
   const char *code = e->s->roster.list[d].code;
   if (!res)
      return Cmd_fail(e, GV_NOT_FOUND, "%s has no %s reservation on item %s", code, GvReserveType_word(t), num);
   if (res->status == GV_RESERVE_LIFTED)
      return Cmd_fail(e, GV_STATE, "%s already lifted its %s reservation on item %s", code, GvReserveType_word(t), num);
   res->status = GV_RESERVE_LIFTED;
   res->time = e->time;
   Cmd_put_code(e, d);
   GvBuf_printf(e->canon, " %s", GvReserveType_word(t));
   return GV_OK;
}

/* outcome STATUS [TEXT] on the current item (replaces an earlier one). */
GvStatus Cmd_outcome(Exec *e, Words *w) {
   size_t item;
   GvOutcome o;
   GvStatus st = Cmd_check_quotes(e, w, 2);
   if (st != GV_OK || (st = Cmd_current(e, &item)) != GV_OK)
      return st;
   if (w->count < 2 || !GvOutcome_parse(w->word[1], &o))
      return Cmd_fail(e, GV_BAD_VALUE, "outcome needs STATUS [TEXT] (agreed, noted, welcomed, continued, postponed)%s%.40s%s",
                      w->count >= 2 ? ", not '" : "", w->count >= 2 ? w->word[1] : "", w->count >= 2 ? "'" : "");
   char *text;
   size_t n;
   if ((st = Cmd_text(e, w, 2, &text, &n)) != GV_OK)
      return st;
   Item *it = &e->s->agenda.items[item];
   it->outcome = o;
   Cmd_replace(&it->outcome_text, n ? text : NULL);
   GvBuf_printf(e->canon, " %s", GvOutcome_word(o));
   if (n) {
      GvBuf_putc(e->canon, ' ');
      Words_put_text(e->canon, text, n);
   } else {
      free(text);
   }
   return GV_OK;
}

/* A `by CODE` / `for CODE|all` pair at word i: 1 when taken, 0 when not one,
 * -1 when refused. seen collects the options taken (1 by, 2 for): a second
 * one is refused rather than silently replacing the first. */
static int deadline_option(Exec *e, Words *w, size_t i, bool strict, size_t *by, size_t *forwhom,
                           unsigned *seen, GvStatus *st) {
   bool is_by = Words_is(w, i, "by"), is_for = Words_is(w, i, "for");
   if (!(is_by || is_for) || i + 1 >= w->count)
      return 0;
   const char *v = w->word[i + 1];
   size_t d;
   unsigned bit = is_by ? 1u : 2u;
   if ((*seen & bit) && (strcmp(v, "-") == 0 || (is_for && Util_word_eq(v, "all")) ||
                         Roster_find(&e->s->roster, v, strlen(v)) != GV_NONE)) {
      *st = Cmd_fail(e, GV_USAGE, "deadline: '%s' given twice", is_by ? "by" : "for");
      return -1;
   }
   if (strcmp(v, "-") == 0 || (is_for && Util_word_eq(v, "all")))
      d = GV_NONE;
   else if ((d = Roster_find(&e->s->roster, v, strlen(v))) == GV_NONE) {
      if (!strict)
         return 0;
      *st = Cmd_fail(e, GV_NO_DELEGATION, "unknown delegation '%.40s'", v);
      return -1;
   }
   *(is_by ? by : forwhom) = d;
   *seen |= bit;
   return 1;
}

/* deadline DATE TEXT [by CODE] [for CODE|all]; canonical: deadline ISO by X for Y TEXT */
GvStatus Cmd_deadline(Exec *e, Words *w) {
   int64_t day;
   size_t used;
   GvStatus st = Cmd_date(e, w, 1, &day, &used);
   if (st != GV_OK)
      return st;
   Session *s = e->s;
   size_t by = Roster_find(&s->roster, "PRES", 4), forwhom = GV_NONE;
   size_t i = 1 + used;
   bool leading = false;
   unsigned seen = 0;
   int r;
   /* Options written before the text (the canonical form). */
   while ((r = deadline_option(e, w, i, true, &by, &forwhom, &seen, &st)) == 1) {
      i += 2;
      leading = true;
   }
   if (r < 0)
      return st;
   /* Options written after the text, as people say it. */
   size_t end = w->count;
   if (!leading) {
      while (end >= i + 3) {
         if ((r = deadline_option(e, w, end - 2, false, &by, &forwhom, &seen, &st)) < 0)
            return st;
         if (r == 0)
            break;
         end -= 2;
      }
   }
   if ((st = Cmd_check_quotes(e, w, i)) != GV_OK)
      return st;
   char *text;
   size_t n;
   if ((st = Cmd_text(e, w, i, &text, &n)) != GV_OK)
      return st;
   if (end < w->count && end > i) {
      /* cut the trailing options off the text */
      free(text);
      Words sub = *w;
      sub.len = w->start[end];
      while (sub.len > 0 && (w->line[sub.len - 1] == ' ' || w->line[sub.len - 1] == '\t'))
         sub.len--;
      if ((st = Cmd_text(e, &sub, i, &text, &n)) != GV_OK)
         return st;
   }
   /* A blank text would read "the deadline for ." (typed only: an older
    * journal may hold one and must replay). */
   if (n == 0 || (e->live && Util_blank(text, n))) {
      free(text);
      return Cmd_fail(e, GV_USAGE, "deadline needs DATE TEXT [by CODE] [for CODE]");
   }
   Records *rec = &s->rec;
   Deadline *list = Util_grow(rec->deadlines, &rec->deadlines_cap, rec->ndeadlines, sizeof *list);
   if (!list) {
      free(text);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   rec->deadlines = list;
   Deadline *dl = &rec->deadlines[rec->ndeadlines++];
   memset(dl, 0, sizeof *dl);
   Cmd_uuid(e, dl->uuid);
   dl->item = s->agenda.current;
   dl->day = day;
   dl->what = text;
   dl->set_by = by;
   dl->for_whom = forwhom;
   dl->time = e->time;
   char iso[11];
   Date_format_iso(day, iso);
   GvBuf_printf(e->canon, " %s by %s for %s ", iso, by == GV_NONE ? "-" : s->roster.list[by].code,
                forwhom == GV_NONE ? "all" : s->roster.list[forwhom].code);
   Words_put_text(e->canon, text, n);
   return GV_OK;
}

/* action CODE DATE|- TEXT */
GvStatus Cmd_action(Exec *e, Words *w) {
   size_t owner, used = 1;
   int64_t due = GV_NO_DAY;
   GvStatus st;
   if (w->count < 4)
      return Cmd_fail(e, GV_USAGE, "action needs CODE DATE TEXT (DATE may be '-')");
   if ((st = Cmd_delegation(e, w, 1, &owner)) != GV_OK)
      return st;
   if (strcmp(w->word[2], "-") != 0 && !Util_word_eq(w->word[2], "none") &&
       (st = Cmd_date(e, w, 2, &due, &used)) != GV_OK)
      return st;
   if ((st = Cmd_check_quotes(e, w, 2 + used)) != GV_OK)
      return st;
   char *text;
   size_t n;
   if ((st = Cmd_text(e, w, 2 + used, &text, &n)) != GV_OK)
      return st;
   if (n == 0 || (e->live && Util_blank(text, n))) {
      free(text);
      return Cmd_fail(e, GV_USAGE, "action needs CODE DATE TEXT");
   }
   Session *s = e->s;
   Records *r = &s->rec;
   Action *list = Util_grow(r->actions, &r->actions_cap, r->nactions, sizeof *list);
   if (!list) {
      free(text);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   r->actions = list;
   Action *a = &r->actions[r->nactions++];
   memset(a, 0, sizeof *a);
   Cmd_uuid(e, a->uuid);
   a->item = s->agenda.current;
   a->owner = owner;
   a->due = due;
   a->what = text;
   a->created = e->time;
   a->done_at = GV_NO_TIME;
   Cmd_put_code(e, owner);
   if (due == GV_NO_DAY) {
      GvBuf_puts(e->canon, " - ");
   } else {
      char iso[11];
      Date_format_iso(due, iso);
      GvBuf_printf(e->canon, " %s ", iso);
   }
   Words_put_text(e->canon, text, n);
   return GV_OK;
}

GvStatus Cmd_done(Exec *e, Words *w) {
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   if (w->count != 2)
      return Cmd_fail(e, GV_USAGE, "done needs one ACTION-ID (a uuid or its first characters)");
   const char *id = w->word[1];
   size_t idx;
   if ((st = Records_find_action(&e->s->rec, id, strlen(id), &idx, e->msg, e->msglen)) != GV_OK)
      return st;
   Action *a = &e->s->rec.actions[idx];
   if (a->done)
      return Cmd_fail(e, GV_STATE, "action %.8s is already done", a->uuid);
   a->done = true;
   a->done_at = e->time;
   GvBuf_printf(e->canon, " %s", a->uuid);
   return GV_OK;
}
