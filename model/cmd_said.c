/* What is said on an item besides interventions: item paragraphs and group
 * paragraphs; and correcting any record afterwards by its short reference:
 * edit, speaker, delete, move. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/command.h"
#include "model/session_copy.h"
#include "model/util.h"

/* A new paragraph on the current item; text and phrase are taken over. */
static GvStatus add_para(Exec *e, size_t item, GvParaKind kind, char *phrase, size_t *members,
                         size_t nmembers, char *text) {
   Records *r = &e->s->rec;
   Item *it = &e->s->agenda.items[item];
   Para *list = Util_grow(r->paras, &r->paras_cap, r->nparas, sizeof *list);
   if (list)
      r->paras = list;
   if (!list || !Cmd_said_append(it, GV_SAID_PARA, r->nparas)) {
      free(phrase);
      free(members);
      free(text);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   Para *p = &r->paras[r->nparas++];
   memset(p, 0, sizeof *p);
   Cmd_uuid(e, p->uuid);
   p->item = item;
   p->kind = kind;
   p->phrase = phrase;
   p->members = members;
   p->nmembers = nmembers;
   p->text = text;
   p->time = e->time;
   return GV_OK;
}

/* paragraph TEXT (alias para): a paragraph of the item itself, here. */
GvStatus Cmd_paragraph(Exec *e, Words *w) {
   size_t item;
   GvStatus st = Cmd_current(e, &item);
   if (st != GV_OK)
      return st;
   char *text;
   size_t n;
   if ((st = Cmd_text(e, w, 1, &text, &n)) != GV_OK)
      return st;
   if (n == 0 || (e->live && Util_blank(text, n))) {
      free(text);
      return Cmd_fail(e, GV_USAGE, "paragraph needs TEXT");
   }
   GvBuf_putc(e->canon, ' ');
   Words_put_text(e->canon, text, n);
   return add_para(e, item, GV_PARA_TEXT, NULL, NULL, 0, text);
}

/* group PHRASE [CODE...]: TEXT. The colon ends the subject; the codes are
 * the known delegations at its end. */
GvStatus Cmd_group(Exec *e, Words *w) {
   size_t item;
   GvStatus st = Cmd_current(e, &item);
   if (st != GV_OK)
      return st;
   const char *usage = "group needs PHRASE [CODE...]: TEXT (group \"several delegations\" BE CZ: supported the text)";
   size_t colon = GV_NONE;
   for (size_t i = 1; i < w->count && colon == GV_NONE; i++) {
      size_t l = strlen(w->word[i]);
      if (l && w->word[i][l - 1] == ':')
         colon = i;
   }
   if (colon == GV_NONE)
      return Cmd_fail(e, GV_USAGE, "%s", usage);
   if ((st = Cmd_check_quotes(e, w, colon + 1)) != GV_OK)
      return st;
   /* The words of the subject, the colon taken off the last. */
   size_t nw = colon;   /* words 1..colon */
   char **words = calloc(nw + 1, sizeof *words);
   size_t *members = calloc(nw + 1, sizeof *members);
   GvBuf phrase = GV_BUF_INIT;
   char *text = NULL;
   size_t nmembers = 0, n = 0;
   if (!words || !members) {
      st = Cmd_fail(e, GV_NOMEM, "out of memory");
      goto out;
   }
   for (size_t i = 1; i <= colon; i++) {
      size_t l = strlen(w->word[i]);
      words[i - 1] = Util_strndup(w->word[i], i == colon ? l - 1 : l);
      if (!words[i - 1]) {
         st = Cmd_fail(e, GV_NOMEM, "out of memory");
         goto out;
      }
   }
   /* Codes: the trailing unquoted words that name delegations. */
   size_t first_code = nw;
   while (first_code > 1 && !w->quoted[first_code] && *words[first_code - 1] &&
          Roster_find(&e->s->roster, words[first_code - 1], strlen(words[first_code - 1])) != GV_NONE)
      first_code--;
   for (size_t i = 0; i < first_code; i++) {
      if (!*words[i])
         continue;
      if (phrase.len)
         GvBuf_putc(&phrase, ' ');
      GvBuf_puts(&phrase, words[i]);
   }
   if (phrase.len == 0 || Util_blank(GvBuf_str(&phrase), phrase.len)) {
      st = Cmd_fail(e, GV_USAGE, "%s", usage);
      goto out;
   }
   for (size_t i = first_code; i < nw; i++) {
      size_t d = Roster_find(&e->s->roster, words[i], strlen(words[i]));
      for (size_t k = 0; k < nmembers; k++)
         if (members[k] == d) {
            st = Cmd_fail(e, GV_DUPLICATE, "%s is named twice", e->s->roster.list[d].code);
            goto out;
         }
      members[nmembers++] = d;
   }
   if ((st = Cmd_text(e, w, colon + 1, &text, &n)) != GV_OK)
      goto out;
   if (n == 0 || (e->live && Util_blank(text, n))) {
      st = Cmd_fail(e, GV_USAGE, "%s", usage);
      goto out;
   }
   if (phrase.failed) {
      st = Cmd_fail(e, GV_NOMEM, "out of memory");
      goto out;
   }
   GvBuf_putc(e->canon, ' ');
   Words_put_quoted(e->canon, GvBuf_str(&phrase), phrase.len);
   for (size_t k = 0; k < nmembers; k++)
      Cmd_put_code(e, members[k]);
   GvBuf_puts(e->canon, ": ");
   Words_put_text(e->canon, text, n);
   char *ph = Util_strndup(GvBuf_str(&phrase), phrase.len);
   if (!ph) {
      st = Cmd_fail(e, GV_NOMEM, "out of memory");
      goto out;
   }
   st = add_para(e, item, GV_PARA_GROUP, ph, nmembers ? members : NULL, nmembers, text);
   if (!nmembers)
      free(members);
   members = NULL;
   text = NULL;
out:
   for (size_t i = 0; words && i < nw; i++)
      free(words[i]);
   free(words);
   free(members);
   free(text);
   GvBuf_free(&phrase);
   return st;
}

/* ---- references ------------------------------------------------------- */

static GvStatus find_ref(Exec *e, const Words *w, size_t i, GvRefKind *kind, size_t *idx) {
   if (i >= w->count)
      return Cmd_fail(e, GV_USAGE, "%s needs a REF (the short reference 'gavel show' prints)", w->word[0]);
   return Session_find_ref(e->s, w->word[i], strlen(w->word[i]), kind, idx, e->msg, e->msglen);
}

static void put_ref(Exec *e, GvRefKind kind, size_t idx) {
   GvBuf_putc(e->canon, ' ');
   GvBuf_puts(e->canon, Session_ref_uuid(e->s, kind, idx));
}

/* The item a record belongs to (GV_NONE for deadlines and actions set
 * outside any item). */
static size_t ref_item(const Session *s, GvRefKind kind, size_t idx) {
   switch (kind) {
   case GV_REF_INTERVENTION: return s->floor.list[idx].item;
   case GV_REF_PARA: return s->rec.paras[idx].item;
   case GV_REF_POSITION: return s->rec.pos[idx].item;
   case GV_REF_RESERVATION: return s->rec.res[idx].item;
   case GV_REF_DEADLINE: return s->rec.deadlines[idx].item;
   case GV_REF_ACTION: return s->rec.actions[idx].item;
   }
   return GV_NONE;
}

/* edit REF TEXT: replaces the words of a record. */
GvStatus Cmd_edit(Exec *e, Words *w) {
   GvRefKind kind;
   size_t idx;
   GvStatus st = Cmd_check_quotes(e, w, 2);
   if (st != GV_OK || (st = find_ref(e, w, 1, &kind, &idx)) != GV_OK)
      return st;
   char *text;
   size_t n;
   if ((st = Cmd_text(e, w, 2, &text, &n)) != GV_OK)
      return st;
   bool must = kind == GV_REF_PARA || kind == GV_REF_DEADLINE || kind == GV_REF_ACTION;
   if (must && (n == 0 || (e->live && Util_blank(text, n)))) {
      free(text);
      return Cmd_fail(e, GV_USAGE, "edit needs REF TEXT (this record cannot be left without words)");
   }
   Session *s = e->s;
   put_ref(e, kind, idx);
   if (n) {
      GvBuf_putc(e->canon, ' ');
      Words_put_text(e->canon, text, n);
   }
   switch (kind) {
   case GV_REF_INTERVENTION: {
      SessionCopy_touch(s, idx);
      bool ok = Notes_set(&s->floor.list[idx].notes, text, n);
      free(text);
      if (!ok)
         return Cmd_fail(e, GV_NOMEM, "out of memory");
      break;
   }
   case GV_REF_PARA: Cmd_replace(&s->rec.paras[idx].text, text); break;
   case GV_REF_POSITION: Cmd_replace(&s->rec.pos[idx].text, text); break;
   case GV_REF_RESERVATION: Cmd_replace(&s->rec.res[idx].text, text); break;
   case GV_REF_DEADLINE: Cmd_replace(&s->rec.deadlines[idx].what, text); break;
   case GV_REF_ACTION: Cmd_replace(&s->rec.actions[idx].what, text); break;
   }
   return GV_OK;
}

/* speaker REF CODE: corrects who spoke (or owns, or set). */
GvStatus Cmd_speaker(Exec *e, Words *w) {
   GvRefKind kind;
   size_t idx, d;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = find_ref(e, w, 1, &kind, &idx)) != GV_OK)
      return st;
   if (w->count != 3)
      return Cmd_fail(e, GV_USAGE, "speaker needs REF CODE");
   if ((st = Cmd_delegation(e, w, 2, &d)) != GV_OK)
      return st;
   Session *s = e->s;
   const char *code = s->roster.list[d].code;
   switch (kind) {
   case GV_REF_PARA:
      return Cmd_fail(e, GV_STATE, "a paragraph has no speaker (edit its text instead)");
   case GV_REF_POSITION:
      for (size_t i = 0; i < s->rec.npos; i++)
         if (i != idx && s->rec.pos[i].item == s->rec.pos[idx].item && s->rec.pos[i].delegation == d)
            return Cmd_fail(e, GV_DUPLICATE, "%s already has a position on this item", code);
      s->rec.pos[idx].delegation = d;
      s->rec.pos_indexed = 0;   /* Records_position indexes them again */
      break;
   case GV_REF_RESERVATION:
      for (size_t i = 0; i < s->rec.nres; i++)
         if (i != idx && s->rec.res[i].item == s->rec.res[idx].item && s->rec.res[i].delegation == d &&
             s->rec.res[i].type == s->rec.res[idx].type)
            return Cmd_fail(e, GV_DUPLICATE, "%s already has this reservation on this item", code);
      s->rec.res[idx].delegation = d;
      break;
   case GV_REF_INTERVENTION:
      SessionCopy_touch(s, idx);
      s->floor.list[idx].delegation = d;
      break;
   case GV_REF_DEADLINE: s->rec.deadlines[idx].set_by = d; break;
   case GV_REF_ACTION: s->rec.actions[idx].owner = d; break;
   }
   put_ref(e, kind, idx);
   Cmd_put_code(e, d);
   return GV_OK;
}

static size_t said_find(const Item *it, GvSaidKind kind, size_t index) {
   for (size_t i = 0; i < it->nsaid; i++)
      if (it->said[i].kind == kind && it->said[i].index == index)
         return i;
   return GV_NONE;
}

static void said_remove(Item *it, size_t pos) {
   memmove(it->said + pos, it->said + pos + 1, (it->nsaid - pos - 1) * sizeof *it->said);
   it->nsaid--;
}

#define REMOVE_AT(arr, n, i) \
   (memmove(&(arr)[i], &(arr)[(i) + 1], ((n) - (i) - 1) * sizeof *(arr)), (n)--)

/* delete REF: the record is gone from the document (undo brings it back). */
GvStatus Cmd_delete(Exec *e, Words *w) {
   GvRefKind kind;
   size_t idx;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK || (st = find_ref(e, w, 1, &kind, &idx)) != GV_OK)
      return st;
   if (w->count != 2)
      return Cmd_fail(e, GV_USAGE, "delete needs one REF");
   Session *s = e->s;
   put_ref(e, kind, idx);
   switch (kind) {
   case GV_REF_INTERVENTION: {
      if (s->floor.speaking == idx)
         Cmd_end_speaker(e);
      SessionCopy_touch(s, idx);
      Intervention *iv = &s->floor.list[idx];
      Item *it = &s->agenda.items[iv->item];
      size_t pos = said_find(it, GV_SAID_INTERVENTION, idx);
      if (pos != GV_NONE)
         said_remove(it, pos);
      for (size_t i = 0; i < it->ninterventions; i++)
         if (it->interventions[i] == idx) {
            REMOVE_AT(it->interventions, it->ninterventions, i);
            break;
         }
      iv->deleted = true;
      break;
   }
   case GV_REF_PARA: {
      Para *p = &s->rec.paras[idx];
      Item *it = &s->agenda.items[p->item];
      size_t pos = said_find(it, GV_SAID_PARA, idx);
      if (pos != GV_NONE)
         said_remove(it, pos);
      p->deleted = true;
      break;
   }
   case GV_REF_POSITION:
      free(s->rec.pos[idx].text);
      REMOVE_AT(s->rec.pos, s->rec.npos, idx);
      s->rec.pos_indexed = 0;   /* Records_position indexes them again */
      break;
   case GV_REF_RESERVATION:
      free(s->rec.res[idx].text);
      REMOVE_AT(s->rec.res, s->rec.nres, idx);
      break;
   case GV_REF_DEADLINE:
      free(s->rec.deadlines[idx].what);
      REMOVE_AT(s->rec.deadlines, s->rec.ndeadlines, idx);
      break;
   case GV_REF_ACTION:
      free(s->rec.actions[idx].what);
      REMOVE_AT(s->rec.actions, s->rec.nactions, idx);
      break;
   }
   return GV_OK;
}

/* move REF before|after REF: reorders what is said on one item. */
GvStatus Cmd_move(Exec *e, Words *w) {
   GvRefKind k1, k2;
   size_t i1, i2;
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   bool before = Words_is(w, 2, "before"), after = Words_is(w, 2, "after");
   if (w->count != 4 || !(before || after))
      return Cmd_fail(e, GV_USAGE, "move needs REF before|after REF");
   if ((st = find_ref(e, w, 1, &k1, &i1)) != GV_OK || (st = find_ref(e, w, 3, &k2, &i2)) != GV_OK)
      return st;
   Session *s = e->s;
   bool said1 = k1 == GV_REF_INTERVENTION || k1 == GV_REF_PARA;
   bool said2 = k2 == GV_REF_INTERVENTION || k2 == GV_REF_PARA;
   if (!said1 || !said2)
      return Cmd_fail(e, GV_STATE, "only interventions and paragraphs can be moved");
   if (k1 == k2 && i1 == i2)
      return Cmd_fail(e, GV_STATE, "cannot move %s %s itself", w->word[1], w->word[2]);
   size_t item = ref_item(s, k1, i1);
   if (item != ref_item(s, k2, i2))
      return Cmd_fail(e, GV_STATE, "%.20s and %.20s are on different items (move reorders within an item)",
                      w->word[1], w->word[3]);
   Item *it = &s->agenda.items[item];
   GvSaidKind sk1 = k1 == GV_REF_PARA ? GV_SAID_PARA : GV_SAID_INTERVENTION;
   GvSaidKind sk2 = k2 == GV_REF_PARA ? GV_SAID_PARA : GV_SAID_INTERVENTION;
   size_t p1 = said_find(it, sk1, i1);
   if (p1 == GV_NONE || said_find(it, sk2, i2) == GV_NONE)
      return Cmd_fail(e, GV_NOT_FOUND, "not on item's record");
   Said moved = it->said[p1];
   said_remove(it, p1);
   size_t p2 = said_find(it, sk2, i2);
   if (after)
      p2++;
   memmove(it->said + p2 + 1, it->said + p2, (it->nsaid - p2) * sizeof *it->said);
   it->said[p2] = moved;
   it->nsaid++;
   put_ref(e, k1, i1);
   GvBuf_puts(e->canon, after ? " after" : " before");
   put_ref(e, k2, i2);
   return GV_OK;
}
