/* The deep copy of a session's state behind undo checkpoints. Every array
 * is filled before its count grows, so that a copy cut short by ENOMEM is
 * freed whole by the usual clear functions. */
#include "model/session_copy.h"

#include <stdlib.h>
#include <string.h>

#include "model/floor.h"

static bool dup_str(char **dst, const char *src) {
   *dst = NULL;
   if (!src)
      return true;
   size_t n = strlen(src);
   if (!(*dst = malloc(n + 1)))
      return false;
   memcpy(*dst, src, n + 1);
   return true;
}

/* An array of n elements of size sz (NULL when n is 0). */
static bool dup_array(void *dst, const void *src, size_t n, size_t sz) {
   void **d = dst;
   *d = NULL;
   if (!n || !src)
      return true;
   if (!(*d = malloc(n * sz)))
      return false;
   memcpy(*d, src, n * sz);
   return true;
}

static bool copy_meta(SessionMeta *d, const SessionMeta *s) {
   *d = *s;
   char **dt[] = { &d->body, &d->place, &d->chair, &d->docno, &d->codes, &d->marking,
                   &d->language, &d->from, &d->to, &d->subject, &d->type, &d->on,
                   &d->headers, &d->access, &d->style };
   for (size_t i = 0; i < sizeof dt / sizeof *dt; i++)
      *dt[i] = NULL;
   const char *st[] = { s->body, s->place, s->chair, s->docno, s->codes, s->marking,
                        s->language, s->from, s->to, s->subject, s->type, s->on,
                        s->headers, s->access, s->style };
   for (size_t i = 0; i < sizeof dt / sizeof *dt; i++)
      if (!dup_str(dt[i], st[i]))
         return false;
   return true;
}

static bool copy_roster(Roster *d, const Roster *s) {
   if (!s->count)
      return true;
   if (!(d->list = calloc(s->count, sizeof *d->list)))
      return false;
   d->cap = s->count;
   for (size_t i = 0; i < s->count; i++) {
      const Delegation *sd = &s->list[i];
      Delegation *dd = &d->list[i];
      *dd = *sd;
      dd->code = dd->name = dd->native = dd->phrase = NULL;
      d->count = i + 1;
      if (!dup_str(&dd->code, sd->code) || !dup_str(&dd->name, sd->name) ||
          !dup_str(&dd->native, sd->native) || !dup_str(&dd->phrase, sd->phrase))
         return false;
   }
   return true;
}

static bool copy_item(Item *d, const Item *s) {
   *d = *s;
   d->title = d->dossier = d->outcome_text = d->notes = NULL;
   d->docs = NULL;
   d->ndocs = d->docs_cap = 0;
   d->children = d->interventions = NULL;
   d->queue = NULL;
   d->said = NULL;
   d->nchildren = d->children_cap = d->nqueue = d->queue_cap = 0;
   d->ninterventions = d->interventions_cap = d->nsaid = d->said_cap = 0;
   if (!dup_str(&d->title, s->title) || !dup_str(&d->dossier, s->dossier) ||
       !dup_str(&d->outcome_text, s->outcome_text) || !dup_str(&d->notes, s->notes))
      return false;
   if (s->ndocs) {
      if (!(d->docs = calloc(s->ndocs, sizeof *d->docs)))
         return false;
      d->docs_cap = s->ndocs;
      for (size_t k = 0; k < s->ndocs; k++) {
         if (!DocRef_copy(&d->docs[k], &s->docs[k]))
            return false;
         d->ndocs = k + 1;
      }
   }
   if (!dup_array(&d->children, s->children, s->nchildren, sizeof *s->children))
      return false;
   d->nchildren = d->children_cap = s->nchildren;
   if (!dup_array(&d->queue, s->queue, s->nqueue, sizeof *s->queue))
      return false;
   d->nqueue = d->queue_cap = s->nqueue;
   if (!dup_array(&d->interventions, s->interventions, s->ninterventions, sizeof *s->interventions))
      return false;
   d->ninterventions = d->interventions_cap = s->ninterventions;
   if (!dup_array(&d->said, s->said, s->nsaid, sizeof *s->said))
      return false;
   d->nsaid = d->said_cap = s->nsaid;
   return true;
}

static bool copy_agenda(Agenda *d, const Agenda *s) {
   d->current = s->current;
   d->started = s->started;
   if (!dup_array(&d->top, s->top, s->ntop, sizeof *s->top))
      return false;
   d->ntop = d->top_cap = s->ntop;
   if (!dup_array(&d->order, s->order, s->norder, sizeof *s->order))
      return false;
   d->norder = d->order_cap = s->norder;
   if (!dup_array(&d->byuuid, s->byuuid, s->byuuid_cap, sizeof *s->byuuid))
      return false;
   d->byuuid_cap = s->byuuid ? s->byuuid_cap : 0;
   if (!s->count)
      return true;
   if (!(d->items = calloc(s->count, sizeof *d->items)))
      return false;
   d->cap = s->count;
   for (size_t i = 0; i < s->count; i++) {
      d->count = i + 1;
      if (!copy_item(&d->items[i], &s->items[i]))
         return false;
   }
   return true;
}

/* A copy of one intervention: the notes shared, the document copied. */
static bool copy_intervention(Intervention *d, const Intervention *s) {
   *d = *s;
   d->notes = Notes_share(&s->notes);
   d->doc = NULL;
   if (s->has_doc && (!(d->doc = malloc(sizeof *d->doc)) || !DocRef_copy(d->doc, s->doc))) {
      free(d->doc);
      d->doc = NULL;
      d->has_doc = false;
      return false;
   }
   return true;
}

/* A checkpoint's floor borrows the session's (see Floor): nothing is
 * copied until the session changes one of its interventions. */
static void borrow_floor(Floor *d, const Floor *s) {
   d->speaking = s->speaking;
   d->count = s->count;
   d->gen = s->gen;
   d->borrowed = true;
}

/* Intervention i of a checkpoint's floor cp, its session's floor being f. */
static const Intervention *seen_by(const Floor *cp, const Floor *f, size_t i) {
   if (cp->changed && (cp->changed[i / 8] >> (i % 8) & 1))
      for (size_t k = 0; k < cp->nbefore; k++)
         if (cp->at[k] == i)
            return &cp->before[k];
   return &f->list[i];
}

bool SessionCopy_current(const Session *s, const Session *cp) {
   return cp->floor.borrowed && cp->floor.gen == s->floor.gen && cp->floor.count <= s->floor.count;
}

void SessionCopy_touch_held(Session *s, size_t i) {
   for (size_t c = 0; c < GV_CHECKPOINTS; c++) {
      Session *cp = s->checkpoints[c].state;
      if (!cp || !SessionCopy_current(s, cp) || i >= cp->floor.count)
         continue;
      Floor *f = &cp->floor;
      if (!f->changed && !(f->changed = calloc(f->count / 8 + 1, 1)))
         goto lost;
      if (f->changed[i / 8] >> (i % 8) & 1)
         continue;   /* kept already, as it was at the checkpoint */
      if (f->nbefore == f->before_cap) {
         size_t cap = f->before_cap ? f->before_cap * 2 : 8;
         Intervention *b = realloc(f->before, cap * sizeof *b);
         if (!b)
            goto lost;
         f->before = b;
         size_t *at = realloc(f->at, cap * sizeof *at);
         if (!at)
            goto lost;
         f->at = at;
         f->before_cap = cap;
      }
      if (!copy_intervention(&f->before[f->nbefore], &s->floor.list[i])) {
         Intervention_release(&f->before[f->nbefore]);
         goto lost;
      }
      f->at[f->nbefore++] = i;
      f->changed[i / 8] |= (unsigned char)(1u << (i % 8));
      continue;
   lost:
      /* Without the memory to keep it, the checkpoint goes: undo rebuilds. */
      Session_free(cp);
      s->checkpoints[c].state = NULL;
   }
}

/* The session's floor back as the checkpoint's: those added since go, those
 * changed since take back what they were (moved from the checkpoint, which
 * then has none kept: the two are the same again). */
static bool restore_floor(Floor *f, Floor *cp) {
   if (cp->gen != f->gen || cp->count > f->count)
      return false;
   for (size_t i = cp->count; i < f->count; i++)
      Intervention_release(&f->list[i]);
   f->count = cp->count;
   for (size_t k = 0; k < cp->nbefore; k++) {
      Intervention_release(&f->list[cp->at[k]]);
      f->list[cp->at[k]] = cp->before[k];
   }
   cp->nbefore = 0;
   if (cp->changed)
      memset(cp->changed, 0, cp->count / 8 + 1);
   f->speaking = cp->speaking;
   /* Another checkpoint of the old generation no longer matches. */
   cp->gen = ++f->gen;
   return true;
}

/* A floor of its own with the interventions the checkpoint sees. */
static bool view_floor(Floor *d, const Floor *cp, const Floor *f) {
   d->speaking = cp->speaking;
   if (!cp->count)
      return true;
   if (!(d->list = malloc(cp->count * sizeof *d->list)))
      return false;
   d->cap = cp->count;
   for (size_t i = 0; i < cp->count; i++) {
      bool ok = copy_intervention(&d->list[i], seen_by(cp, f, i));
      d->count = i + 1;
      if (!ok)
         return false;
   }
   return true;
}

static bool copy_records(Records *d, const Records *s) {
#define COPY_LIST(arr, n, cap) \
   if (s->n) { \
      if (!(d->arr = calloc(s->n, sizeof *d->arr))) \
         return false; \
      d->cap = s->n; \
   }
   COPY_LIST(pos, npos, pos_cap)
   for (size_t i = 0; i < s->npos; i++) {
      d->pos[i] = s->pos[i];
      d->npos = i + 1;
      if (!dup_str(&d->pos[i].text, s->pos[i].text))
         return false;
   }
   COPY_LIST(res, nres, res_cap)
   for (size_t i = 0; i < s->nres; i++) {
      d->res[i] = s->res[i];
      d->nres = i + 1;
      if (!dup_str(&d->res[i].text, s->res[i].text))
         return false;
   }
   COPY_LIST(deadlines, ndeadlines, deadlines_cap)
   for (size_t i = 0; i < s->ndeadlines; i++) {
      d->deadlines[i] = s->deadlines[i];
      d->ndeadlines = i + 1;
      if (!dup_str(&d->deadlines[i].what, s->deadlines[i].what))
         return false;
   }
   COPY_LIST(actions, nactions, actions_cap)
   for (size_t i = 0; i < s->nactions; i++) {
      d->actions[i] = s->actions[i];
      d->nactions = i + 1;
      if (!dup_str(&d->actions[i].what, s->actions[i].what))
         return false;
   }
   COPY_LIST(paras, nparas, paras_cap)
   for (size_t i = 0; i < s->nparas; i++) {
      Para *p = &d->paras[i];
      *p = s->paras[i];
      p->phrase = p->text = NULL;
      p->members = NULL;
      d->nparas = i + 1;
      if (!dup_str(&p->phrase, s->paras[i].phrase) || !dup_str(&p->text, s->paras[i].text) ||
          !dup_array(&p->members, s->paras[i].members, s->paras[i].nmembers, sizeof *p->members))
         return false;
   }
#undef COPY_LIST
   return true;
}

/* Everything but the floor. */
static bool copy_rest(Session *dst, const Session *src) {
   dst->clock = src->clock;
   dst->last_time = src->last_time;
   return copy_meta(&dst->meta, &src->meta) && copy_roster(&dst->roster, &src->roster) &&
          copy_agenda(&dst->agenda, &src->agenda) && copy_records(&dst->rec, &src->rec) &&
          dup_str(&dst->roster_name, src->roster_name);
}

bool SessionCopy_state(Session *dst, const Session *src) {
   borrow_floor(&dst->floor, &src->floor);
   return copy_rest(dst, src);
}

bool SessionCopy_restore(Session *s, Session *cp) {
   return restore_floor(&s->floor, &cp->floor) && copy_rest(s, cp);
}

bool SessionCopy_view(Session *dst, const Session *s, const Session *cp) {
   return SessionCopy_current(s, cp) && view_floor(&dst->floor, &cp->floor, &s->floor) &&
          copy_rest(dst, cp);
}
