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

static bool copy_floor(Floor *d, const Floor *s) {
   d->speaking = s->speaking;
   if (!s->count)
      return true;
   if (!(d->list = malloc(s->count * sizeof *d->list)))
      return false;
   d->cap = s->count;
   for (size_t i = 0; i < s->count; i++) {
      Intervention *iv = &d->list[i];
      *iv = s->list[i];
      iv->notes = Notes_share(&s->list[i].notes);
      bool ok = !iv->has_doc || DocRef_copy(&iv->doc, &s->list[i].doc);
      if (!ok)
         iv->has_doc = false;
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

bool SessionCopy_state(Session *dst, const Session *src) {
   dst->clock = src->clock;
   dst->last_time = src->last_time;
   return copy_meta(&dst->meta, &src->meta) && copy_roster(&dst->roster, &src->roster) &&
          copy_agenda(&dst->agenda, &src->agenda) && copy_floor(&dst->floor, &src->floor) &&
          copy_records(&dst->rec, &src->rec) && dup_str(&dst->roster_name, src->roster_name);
}
