/* `item ...`: adding, taking up, moving, dropping and postponing items. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/command.h"
#include "model/util.h"

enum { ADD_NONE, ADD_UNDER, ADD_DOC, ADD_KIND, ADD_REQUESTED, ADD_DOSSIER };

/* Which keyword of `item add` word i is, ADD_NONE for none: one look at its
 * first letter, as every word of an unquoted title is asked. */
static int add_keyword(const Words *w, size_t i) {
   if (i >= w->count || w->quoted[i])
      return ADD_NONE;
   switch (w->word[i][0] | 0x20) {
   case 'u':
      return Words_is(w, i, "under") ? ADD_UNDER : ADD_NONE;
   case 'k':
      return Words_is(w, i, "kind") ? ADD_KIND : ADD_NONE;
   case 'r':
      return Words_is(w, i, "requested") ? ADD_REQUESTED : ADD_NONE;
   case 'd':
      return Words_is(w, i, "doc") ? ADD_DOC : Words_is(w, i, "dossier") ? ADD_DOSSIER : ADD_NONE;
   default:
      return ADD_NONE;
   }
}

static bool is_add_keyword(const Words *w, size_t i) {
   return add_keyword(w, i) != ADD_NONE;
}

/* Words i..j-1 joined by single blanks. */
static char *join_words(const Words *w, size_t i, size_t j) {
   size_t n = 0;
   for (size_t k = i; k < j; k++)
      n += strlen(w->word[k]) + 1;
   char *s = malloc(n + 1);
   if (!s)
      return NULL;
   size_t o = 0;
   for (size_t k = i; k < j; k++) {
      if (k > i)
         s[o++] = ' ';
      size_t l = strlen(w->word[k]);
      memcpy(s + o, w->word[k], l);
      o += l;
   }
   s[o] = '\0';
   return s;
}

static void free_docs(DocRef *docs, size_t n) {
   for (size_t i = 0; i < n; i++)
      DocRef_free(&docs[i]);
   free(docs);
}

/* Items are never removed (a dropped one is kept), so once an item has been
 * taken up the meeting stays started: a flag, not a search of every item at
 * every `item add` (quadratic for an agenda typed or loaded in full). */
static bool meeting_started(const Session *s) {
   return s->agenda.started;
}

/* A dossier NAME from word i: one quoted word, or the words up to the next
 * keyword of `item add` (stop_at_keywords) or to the end. NULL with msg set. */
static char *dossier_name(Exec *e, const Words *w, size_t i, bool stop_at_keywords, size_t *next) {
   size_t end = i + 1;
   if (!w->quoted[i])
      while (end < w->count && !(stop_at_keywords && is_add_keyword(w, end)))
         end++;
   char *name = join_words(w, i, end);
   if (!name) {
      Cmd_fail(e, GV_NOMEM, "out of memory");
      return NULL;
   }
   if (Util_blank(name, strlen(name)) || strlen(name) > 200) {
      free(name);
      Cmd_fail(e, GV_USAGE, "a dossier NAME is 1 to 200 characters, not blank");
      return NULL;
   }
   *next = end;
   return name;
}

/* item add TITLE [under NUM] [doc REF]... [kind info|aob] [requested CODE] [dossier NAME] */
static GvStatus item_add(Exec *e, Words *w) {
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   size_t i = 2;
   if (i >= w->count || is_add_keyword(w, i))
      return Cmd_fail(e, GV_USAGE, "item add needs a TITLE (item add \"TITLE\" [under NUM] [doc REF]... [kind info|aob] [requested CODE])");
   size_t j = i + 1;
   if (!w->quoted[i])
      while (j < w->count && !is_add_keyword(w, j))
         j++;
   char *title = join_words(w, i, j);
   if (!title)
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   /* Typed only: an older journal may hold such a title and must replay. */
   if (e->live && Util_blank(title, strlen(title))) {
      free(title);
      return Cmd_fail(e, GV_USAGE, "item add needs a TITLE that is not blank");
   }
   size_t parent = GV_NONE, requested = GV_NONE;
   GvItemKind kind = GV_ITEM_ITEM;
   DocRef *docs = NULL;
   size_t ndocs = 0, docs_cap = 0;
   char *dossier = NULL;
   bool has_under = false, has_kind = false, has_requested = false, has_dossier = false;
   for (i = j; i < w->count && st == GV_OK;) {
      int kw = add_keyword(w, i);
      /* A second under, kind or requested would silently replace the first. */
      bool *once = kw == ADD_UNDER       ? &has_under
                   : kw == ADD_KIND      ? &has_kind
                   : kw == ADD_REQUESTED ? &has_requested
                   : kw == ADD_DOSSIER   ? &has_dossier
                                         : NULL;
      if (once && *once) {
         st = Cmd_fail(e, GV_USAGE, "'%.20s' given twice", w->word[i]);
         break;
      }
      if (once)
         *once = true;
      if (kw == ADD_UNDER) {
         if ((st = Cmd_item(e, w, i + 1, &parent)) == GV_OK)
            i += 2;
      } else if (kw == ADD_KIND) {
         if (i + 1 >= w->count || !GvItemKind_parse(w->word[i + 1], &kind))
            st = Cmd_fail(e, GV_BAD_VALUE, "kind is item, info, aob or heading%s%.40s%s",
                          i + 1 < w->count ? ", not '" : "", i + 1 < w->count ? w->word[i + 1] : "",
                          i + 1 < w->count ? "'" : "");
         i += 2;
      } else if (kw == ADD_REQUESTED) {
         if ((st = Cmd_delegation(e, w, i + 1, &requested)) == GV_OK)
            i += 2;
      } else if (kw == ADD_DOSSIER) {
         if (i + 1 >= w->count || is_add_keyword(w, i + 1)) {
            st = Cmd_fail(e, GV_USAGE, "dossier needs a NAME");
            break;
         }
         size_t next;
         if (!(dossier = dossier_name(e, w, i + 1, true, &next)))
            st = GV_USAGE;
         else
            i = next;
      } else if (kw == ADD_DOC) {
         size_t k = i + 1;
         if (k >= w->count || is_add_keyword(w, k)) {
            st = Cmd_fail(e, GV_USAGE, "doc needs a document reference");
            break;
         }
         size_t end = k + 1;
         if (!w->quoted[k])
            while (end < w->count && !is_add_keyword(w, end))
               end++;
         /* A reference in one word (quoted, or a free one) is read where
          * the split left it; words are joined only when there are several. */
         char *ref = end == k + 1 ? NULL : join_words(w, k, end);
         /* Room for one to begin with: nearly every item has one or none. */
         DocRef *d = docs ? Util_grow(docs, &docs_cap, ndocs, sizeof *docs) : malloc(sizeof *docs);
         if (d && !docs)
            docs_cap = 1;
         if (d)
            docs = d;
         if (!d || (end != k + 1 && !ref)) {
            free(ref);
            st = Cmd_fail(e, GV_NOMEM, "out of memory");
            break;
         }
         const char *text = ref ? ref : w->word[k];
         if ((st = DocRef_parse(text, strlen(text), &docs[ndocs], e->msg, e->msglen)) == GV_OK)
            ndocs++;
         free(ref);
         i = end;
      } else {
         st = Cmd_fail(e, GV_USAGE, "unexpected '%.40s' (item add TITLE [under NUM] [doc REF]... [kind info|aob] [requested CODE] [dossier NAME])", w->word[i]);
      }
   }
   if (st != GV_OK) {
      free(dossier);
      free(title);
      free_docs(docs, ndocs);
      return st;
   }
   bool added = meeting_started(e->s);
   size_t during = e->s->agenda.current;
   char uuid[37];
   Cmd_uuid(e, uuid);
   size_t idx = Agenda_add(&e->s->agenda, parent, uuid, title);
   if (idx == GV_NONE) {
      free(dossier);
      free_docs(docs, ndocs);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   Item *it = &e->s->agenda.items[idx];
   it->dossier = dossier;
   it->kind = kind;
   if (kind == GV_ITEM_HEADING)
      Agenda_renumber(&e->s->agenda);   /* a heading takes no number: room is there already */
   it->docs = docs;
   it->ndocs = ndocs;
   it->docs_cap = docs_cap;
   it->added = added;
   it->added_during = added ? during : GV_NONE;
   it->requested_by = requested;
   GvBuf *c = e->canon;
   if (c->failed)   /* a replay keeps no canonical text (see apply_parts) */
      return GV_OK;
   GvBuf_puts(c, " add ");
   Words_put_quoted(c, it->title, strlen(it->title));
   if (parent != GV_NONE) {
      GvBuf_puts(c, " under");
      Cmd_put_item(e, parent);
   }
   for (size_t k = 0; k < ndocs; k++) {
      GvBuf_puts(c, " doc ");
      Words_put_quoted(c, docs[k].text, strlen(docs[k].text));
   }
   if (kind != GV_ITEM_ITEM)
      GvBuf_printf(c, " kind %s", GvItemKind_word(kind));
   if (requested != GV_NONE) {
      GvBuf_puts(c, " requested");
      Cmd_put_code(e, requested);
   }
   if (dossier) {
      GvBuf_puts(c, " dossier ");
      Words_put_quoted(c, dossier, strlen(dossier));
   }
   return GV_OK;
}

/* close: the meeting ends now. The speaker's intervention ends, the current
 * item is done, and the end time is the event's. */
GvStatus Cmd_close(Exec *e, Words *w) {
   if (w->count > 1)
      return Cmd_fail(e, GV_USAGE, "close takes no arguments (it closes the meeting now)");
   Session *s = e->s;
   if (s->meta.end != GV_NO_TIME && s->agenda.current == GV_NONE && s->floor.speaking == GV_NONE) {
      char hm[9];
      Time_format_hm(s->meta.end, false, hm);
      return Cmd_fail(e, GV_STATE, "the meeting was closed at %s", hm);
   }
   Cmd_end_speaker(e);
   Agenda *a = &s->agenda;
   if (a->current != GV_NONE && a->items[a->current].state == GV_STATE_CURRENT)
      a->items[a->current].state = GV_STATE_DONE;
   a->current = GV_NONE;
   s->meta.end = e->time;
   return GV_OK;
}

/* item NUM: take it up. */
static GvStatus item_take_up(Exec *e, Words *w) {
   size_t idx;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_item(e, w, 1, &idx)) != GV_OK)
      return st;
   if (w->count > 2)
      return Cmd_fail(e, GV_USAGE, "unexpected '%.40s' (item NUM takes up one item)", w->word[2]);
   Agenda *a = &e->s->agenda;
   if (a->current == idx) {
      char num[64];
      Cmd_item_name(e, idx, num, sizeof num);
      return Cmd_fail(e, GV_STATE, "item %s is already the current item", num);
   }
   Cmd_end_speaker(e);
   if (a->current != GV_NONE && a->items[a->current].state == GV_STATE_CURRENT)
      a->items[a->current].state = GV_STATE_DONE;
   a->current = idx;
   a->items[idx].state = GV_STATE_CURRENT;
   a->items[idx].taken_up = e->time;
   a->started = a->started || e->time != GV_NO_TIME;
   /* Reaching 4.1 directly means item 4 was dealt with through it. */
   for (size_t up = a->items[idx].parent; up != GV_NONE; up = a->items[up].parent)
      if (a->items[up].state == GV_STATE_PENDING) {
         a->items[up].state = GV_STATE_DONE;
         if (a->items[up].taken_up == GV_NO_TIME)
            a->items[up].taken_up = e->time;
      }
   Cmd_put_item(e, idx);
   return GV_OK;
}

static GvStatus item_doc(Exec *e, Words *w) {
   size_t idx;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_item(e, w, 2, &idx)) != GV_OK)
      return st;
   if (w->count < 4)
      return Cmd_fail(e, GV_USAGE, "item doc needs NUM REF");
   char *ref = join_words(w, 3, w->count);
   if (!ref)
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   DocRef d;
   st = DocRef_parse(ref, strlen(ref), &d, e->msg, e->msglen);
   free(ref);
   if (st != GV_OK)
      return st;
   Item *it = &e->s->agenda.items[idx];
   for (size_t k = 0; k < it->ndocs; k++)
      if (strcmp(it->docs[k].text, d.text) == 0) {
         char num[64];
         Cmd_item_name(e, idx, num, sizeof num);
         st = Cmd_fail(e, GV_DUPLICATE, "item %s already has doc %s", num, d.text);
         DocRef_free(&d);
         return st;
      }
   DocRef *docs = Util_grow(it->docs, &it->docs_cap, it->ndocs, sizeof *docs);
   if (!docs) {
      DocRef_free(&d);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   it->docs = docs;
   it->docs[it->ndocs++] = d;
   GvBuf_puts(e->canon, " doc");
   Cmd_put_item(e, idx);
   GvBuf_putc(e->canon, ' ');
   Words_put_quoted(e->canon, d.text, strlen(d.text));
   return GV_OK;
}

/* item dossier NUM NAME: tags an item with the file it belongs to. */
static GvStatus item_dossier(Exec *e, Words *w) {
   size_t idx, next;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_item(e, w, 2, &idx)) != GV_OK)
      return st;
   if (w->count < 4)
      return Cmd_fail(e, GV_USAGE, "item dossier needs NUM NAME");
   char *name = dossier_name(e, w, 3, false, &next);
   if (!name)
      return GV_USAGE;
   if (next < w->count) {
      free(name);
      return Cmd_fail(e, GV_USAGE, "unexpected '%.40s' after the quoted dossier NAME", w->word[next]);
   }
   Cmd_replace(&e->s->agenda.items[idx].dossier, name);
   GvBuf_puts(e->canon, " dossier");
   Cmd_put_item(e, idx);
   GvBuf_putc(e->canon, ' ');
   Words_put_quoted(e->canon, name, strlen(name));
   return GV_OK;
}

static GvStatus item_title(Exec *e, Words *w) {
   size_t idx;
   GvStatus st = Cmd_check_quotes(e, w, 3);
   if (st != GV_OK || (st = Cmd_item(e, w, 2, &idx)) != GV_OK)
      return st;
   char *title;
   size_t n;
   if ((st = Cmd_text(e, w, 3, &title, &n)) != GV_OK)
      return st;
   if (n == 0 || (e->live && Util_blank(title, strlen(title)))) {
      free(title);
      return Cmd_fail(e, GV_USAGE, "item title needs NUM TITLE");
   }
   Cmd_replace(&e->s->agenda.items[idx].title, title);
   GvBuf_puts(e->canon, " title");
   Cmd_put_item(e, idx);
   GvBuf_putc(e->canon, ' ');
   Words_put_text(e->canon, title, n);
   return GV_OK;
}

static GvStatus item_kind(Exec *e, Words *w) {
   size_t idx;
   GvItemKind kind;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_item(e, w, 2, &idx)) != GV_OK)
      return st;
   if (w->count != 4 || !GvItemKind_parse(w->word[3], &kind))
      return Cmd_fail(e, GV_USAGE, "item kind needs NUM item|info|aob|heading");
   e->s->agenda.items[idx].kind = kind;
   Agenda_renumber(&e->s->agenda);   /* headings take no number; no allocation here */
   GvBuf_puts(e->canon, " kind");
   Cmd_put_item(e, idx);
   GvBuf_printf(e->canon, " %s", GvItemKind_word(kind));
   return GV_OK;
}

/* item move NUM before|after|under NUM */
static GvStatus item_move(Exec *e, Words *w) {
   size_t idx, ref;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_item(e, w, 2, &idx)) != GV_OK)
      return st;
   bool before = Words_is(w, 3, "before"), after = Words_is(w, 3, "after"), under = Words_is(w, 3, "under");
   if (w->count != 5 || !(before || after || under))
      return Cmd_fail(e, GV_USAGE, "item move needs NUM before|after|under NUM");
   if ((st = Cmd_item(e, w, 4, &ref)) != GV_OK)
      return st;
   Agenda *a = &e->s->agenda;
   char num[64], rnum[64];
   Cmd_item_name(e, idx, num, sizeof num);
   Cmd_item_name(e, ref, rnum, sizeof rnum);
   if (ref == idx)
      return Cmd_fail(e, GV_STATE, "cannot move item %s %s itself", num, w->word[3]);
   if (Agenda_is_within(a, ref, idx))
      return Cmd_fail(e, GV_STATE, "cannot move item %s %s %s: it would be inside itself", num,
                      w->word[3], rnum);
   size_t parent, pos;
   if (under) {
      parent = ref;
      pos = a->items[ref].nchildren;
   } else {
      parent = a->items[ref].parent;
      pos = Agenda_sibling_pos(a, ref);
      /* Taking idx out first shifts ref left when they are siblings before it. */
      if (a->items[idx].parent == parent && Agenda_sibling_pos(a, idx) < pos)
         pos--;
      if (after)
         pos++;
   }
   if (!Agenda_place(a, idx, parent, pos))
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   GvBuf_puts(e->canon, " move");
   Cmd_put_item(e, idx);
   GvBuf_printf(e->canon, " %s", under ? "under" : before ? "before" : "after");
   Cmd_put_item(e, ref);
   return GV_OK;
}

/* Interventions, positions, reservations, deadlines or actions on idx or below. */
static size_t records_within(const Session *s, size_t idx) {
   size_t n = 0;
   for (size_t i = 0; i < s->agenda.count; i++)
      if (Agenda_is_within(&s->agenda, i, idx))
         n += s->agenda.items[i].ninterventions;
   for (size_t i = 0; i < s->rec.npos; i++)
      n += Agenda_is_within(&s->agenda, s->rec.pos[i].item, idx);
   for (size_t i = 0; i < s->rec.nres; i++)
      n += Agenda_is_within(&s->agenda, s->rec.res[i].item, idx);
   for (size_t i = 0; i < s->rec.ndeadlines; i++)
      n += Agenda_is_within(&s->agenda, s->rec.deadlines[i].item, idx);
   for (size_t i = 0; i < s->rec.nactions; i++)
      n += Agenda_is_within(&s->agenda, s->rec.actions[i].item, idx);
   return n;
}

static GvStatus item_drop(Exec *e, Words *w) {
   size_t idx;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_item(e, w, 2, &idx)) != GV_OK)
      return st;
   if (w->count != 3)
      return Cmd_fail(e, GV_USAGE, "item drop needs one NUM");
   Agenda *a = &e->s->agenda;
   char num[64];
   Cmd_item_name(e, idx, num, sizeof num);
   if (a->current != GV_NONE && Agenda_is_within(a, a->current, idx))
      return Cmd_fail(e, GV_STATE, "item %s is being discussed (take up another item first)", num);
   size_t n = records_within(e->s, idx);
   if (n)
      return Cmd_fail(e, GV_STATE, "item %s already has %zu record%s (interventions, positions, deadlines or actions); postpone it instead",
                      num, n, n == 1 ? "" : "s");
   GvBuf_puts(e->canon, " drop");
   Cmd_put_item(e, idx);
   Agenda_drop(a, idx);
   return GV_OK;
}

/* item postpone NUM | item done NUM: the item leaves the floor. */
static GvStatus item_close(Exec *e, Words *w, GvItemState state) {
   size_t idx;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   if (w->count == 2 && state == GV_STATE_DONE) {
      if ((st = Cmd_current(e, &idx)) != GV_OK)
         return st;
   } else if ((st = Cmd_item(e, w, 2, &idx)) != GV_OK) {
      return st;
   }
   if (w->count > 3)
      return Cmd_fail(e, GV_USAGE, "item %s needs one NUM", GvItemState_word(state));
   Agenda *a = &e->s->agenda;
   if (a->items[idx].state == state) {
      char num[64];
      Cmd_item_name(e, idx, num, sizeof num);
      return Cmd_fail(e, GV_STATE, "item %s is already %s", num, GvItemState_word(state));
   }
   if (a->current == idx) {
      Cmd_end_speaker(e);
      a->current = GV_NONE;
   }
   a->items[idx].state = state;
   GvBuf_printf(e->canon, " %s", state == GV_STATE_DONE ? "done" : "postpone");
   Cmd_put_item(e, idx);
   return GV_OK;
}

/* item join NUM NUM: the second item's heading follows the first's and one
 * text, theirs together, comes after both ("a) and b) discussed together"). */
static GvStatus item_join(Exec *e, Words *w) {
   size_t a, b;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = Cmd_item(e, w, 2, &a)) != GV_OK || (st = Cmd_item(e, w, 3, &b)) != GV_OK)
      return st;
   if (w->count != 4)
      return Cmd_fail(e, GV_USAGE, "item join needs NUM NUM (the second right after the first)");
   Agenda *ag = &e->s->agenda;
   char na[64], nb[64];
   Cmd_item_name(e, a, na, sizeof na);
   Cmd_item_name(e, b, nb, sizeof nb);
   size_t ka = GV_NONE;
   for (size_t k = 0; k < Agenda_count(ag); k++)
      if (Agenda_index_at(ag, k) == a)
         ka = k;
   if (a == b)
      return Cmd_fail(e, GV_STATE, "cannot join item %s with itself", na);
   if (ka == GV_NONE || Agenda_index_at(ag, ka + 1) != b)
      return Cmd_fail(e, GV_STATE, "item %s does not come right after item %s (join takes neighbours)", nb, na);
   if (ag->items[b].joined == a)
      return Cmd_fail(e, GV_STATE, "items %s and %s are already joined", na, nb);
   ag->items[b].joined = a;
   GvBuf_puts(e->canon, " join");
   Cmd_put_item(e, a);
   Cmd_put_item(e, b);
   return GV_OK;
}

GvStatus Cmd_item_cmd(Exec *e, Words *w) {
   if (w->count < 2)
      return Cmd_fail(e, GV_USAGE, "item needs NUM, or add|doc|dossier|title|kind|move|drop|postpone|done|join");
   if (Words_is(w, 1, "add"))
      return item_add(e, w);
   if (Words_is(w, 1, "doc"))
      return item_doc(e, w);
   if (Words_is(w, 1, "title"))
      return item_title(e, w);
   if (Words_is(w, 1, "dossier"))
      return item_dossier(e, w);
   if (Words_is(w, 1, "kind"))
      return item_kind(e, w);
   if (Words_is(w, 1, "move"))
      return item_move(e, w);
   if (Words_is(w, 1, "drop"))
      return item_drop(e, w);
   if (Words_is(w, 1, "postpone"))
      return item_close(e, w, GV_STATE_POSTPONED);
   if (Words_is(w, 1, "done"))
      return item_close(e, w, GV_STATE_DONE);
   if (Words_is(w, 1, "join"))
      return item_join(e, w);
   return item_take_up(e, w);
}
