#include "render/outcome.h"

#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "render/buf.h"
#include "render/chars.h"
#include "render/outcome_docx.h"
#include "render/outcome_html.h"
#include "render/outcome_md.h"
#include "render/outcome_txt.h"
#include "render/phrase.h"

/* What every part of the builder needs: the session and the protocol rank
 * of each roster entry (for "FR, DE, NL" in the Council's order). */
typedef struct Ctx {
   const Session *s;
   size_t *rank;      /* rank[roster index] = position in protocol order */
   size_t *order;     /* roster indexes in protocol order */
   Doc *d;
} Ctx;

/* ---- small helpers ---------------------------------------------------- */

static int Outcome_ieq(const char *a, const char *b) {
   for (; *a && *b; a++, b++) {
      char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
      char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
      if (x != y)
         return 0;
   }
   return *a == *b;
}

/* Does hay contain needle, ASCII case folded? */
static int Outcome_icontains(const char *hay, const char *needle) {
   size_t n = strlen(needle);
   for (; *hay; hay++) {
      size_t i = 0;
      for (; i < n && hay[i]; i++) {
         char x = hay[i] >= 'A' && hay[i] <= 'Z' ? (char)(hay[i] - 'A' + 'a') : hay[i];
         if (x != needle[i])
            break;
      }
      if (i == n)
         return 1;
   }
   return 0;
}

static const Delegation *Outcome_del(const Ctx *c, size_t idx) {
   return idx == GV_NONE ? NULL : Roster_get(&c->s->roster, idx);
}

/* Recorded text inside a sentence of ours: cleaned on its own, so that a
 * bidirectional override it opens is closed before our words go on
 * ("Brussels, 14 July 2017" is never reversed by the place before it). */
static void Outcome_user(Buf *b, const char *s) {
   Chars_clean(b, s, 0);
}

/* "the FR delegation", "the Commission (DG Home)": the roster's phrase. */
static void Outcome_phrase(Buf *b, const Delegation *del) {
   if (!del) {
      Buf_add(b, "the Presidency");
   } else if (del->phrase && *del->phrase) {
      Outcome_user(b, del->phrase);
   } else if (del->kind == GV_KIND_MS) {
      Buf_addf(b, "the %s delegation", del->code);
   } else {
      Outcome_user(b, del->name && *del->name ? del->name : del->code);
   }
}

/* The short form for lists: "FR" for a Member State, "Commission (DG Home)"
 * for the others (their phrase without the article). */
static void Outcome_short(Buf *b, const Delegation *del) {
   if (!del)
      return;
   if (del->kind == GV_KIND_MS || !del->phrase || !*del->phrase) {
      Buf_add(b, del->code);
      return;
   }
   const char *p = del->phrase;
   if (strncmp(p, "the ", 4) == 0 || strncmp(p, "The ", 4) == 0)
      p += 4;
   Outcome_user(b, p);
}

/* Is the note a predicate ("presented their non-paper") rather than a
 * sentence ("Delegations welcomed ...")? It is when it opens with a
 * lower-case letter; a capital, a digit, a quote or a script without case
 * reads as a sentence of its own. */
static int Outcome_isPredicate(const char *text) {
   uint32_t cp;
   Chars_decode(text, strlen(text), &cp);
   if (cp >= 'a' && cp <= 'z')
      return 1;
   if ((cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x3AC && cp <= 0x3CE) ||
       (cp >= 0x430 && cp <= 0x45F))
      return 1;
   if (cp >= 0x100 && cp <= 0x17F && (cp & 1) && cp != 0x130 && cp != 0x138)
      return 1;
   return 0;
}

/* Ends the text with a full stop unless it already ends a sentence. */
static void Outcome_fullStop(Buf *b) {
   while (b->len > 0 && b->data[b->len - 1] == ' ')
      b->data[--b->len] = '\0';
   if (b->len == 0)
      return;
   const char *e = b->data + b->len;
   char last = e[-1];
   if (last == '.' || last == '!' || last == '?' || last == ':')
      return;
   if ((last == ')' || last == '"' || last == '\'') && b->len >= 2 &&
       (e[-2] == '.' || e[-2] == '!' || e[-2] == '?'))
      return;
   if (b->len >= 3 && (strcmp(e - 3, "\xE2\x80\xA6") == 0 ||    /* … */
                       strcmp(e - 3, "\xE2\x80\x9D") == 0))     /* ” */
      return;
   Buf_addc(b, '.');
}

/* The text without leading blanks and with trailing blanks and a full stop
 * removed, into b. */
static void Outcome_bare(Buf *b, const char *text) {
   while (*text == ' ')
      text++;
   size_t n = strlen(text);
   while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '.'))
      n--;
   Buf_addn(b, text, n);
}

/* "Written comments" -> "written comments", but "EU", "PSC" stay. */
static void Outcome_lowerFirst(Buf *b) {
   if (b->len >= 2 && b->data[0] >= 'A' && b->data[0] <= 'Z' && b->data[1] >= 'a' && b->data[1] <= 'z')
      b->data[0] = (char)(b->data[0] - 'A' + 'a');
}

static void Outcome_date(Buf *b, int64_t day) {
   char buf[24];
   Date_format_long(day, buf);
   Buf_add(b, buf);
}

/* "HU", "HU and EE", "DE, ES and HU": short forms of roster indexes. */
static void Outcome_joinShort(const Ctx *c, Buf *b, const size_t *idx, size_t n, const char *last) {
   for (size_t i = 0; i < n; i++) {
      if (i > 0)
         Buf_add(b, i + 1 == n ? last : ", ");
      Outcome_short(b, Outcome_del(c, idx[i]));
   }
}

/* ---- the header ------------------------------------------------------- */

static void Outcome_header(Ctx *c, const OutcomeOptions *o) {
   const SessionMeta *m = &c->s->meta;
   DocHeader *h = &c->d->header;
   Buf b = BUF_INIT;
   Outcome_user(&b, m->place && *m->place ? m->place : "Brussels");
   if (o && o->docDate && *o->docDate) {
      Buf_add(&b, ", ");
      Phrase_date(&b, o->docDate);
   } else if (m->date != GV_NO_DAY) {
      Buf_add(&b, ", ");
      Outcome_date(&b, m->date);
   }
   Doc_set(&h->placeDate, Buf_str(&b));
   Doc_set(&h->language, m->language && *m->language ? m->language : "en");
   Doc_set(&h->docno, m->docno);
   Doc_set(&h->marking, m->marking && *m->marking ? m->marking : NULL);
   if (m->codes) {
      /* "CYBER 105, COPEN 220": one code a line, as the reference has them */
      const char *p = m->codes;
      while (*p) {
         size_t n = strcspn(p, ",;\n");
         Buf_clear(&b);
         const char *q = p;
         size_t k = n;
         while (k > 0 && *q == ' ')
            q++, k--;
         while (k > 0 && q[k - 1] == ' ')
            k--;
         Buf_addn(&b, q, k);
         if (b.len > 0)
            Doc_addCode(c->d, Buf_str(&b));
         p += n;
         if (*p)
            p++;
      }
   }
   Doc_set(&h->title, "OUTCOME OF PROCEEDINGS");
   Doc_set(&h->from, m->from && *m->from ? m->from : "General Secretariat of the Council");
   Buf_clear(&b);
   if (m->date != GV_NO_DAY)
      Outcome_date(&b, m->date);
   Doc_set(&h->on, Buf_str(&b));
   Doc_set(&h->to, m->to && *m->to ? m->to : m->body ? m->body : "");
   Doc_set(&h->subject, m->subject && *m->subject ? m->subject : "Summary of discussions");
   Buf_free(&b);
}

/* ---- item 1: the agenda and who was there ------------------------------ */

static int Outcome_isAdoption(const Item *it) {
   return it->depth == 0 && it->title && Outcome_icontains(it->title, "adoption of the agenda");
}

static void Outcome_docList(Buf *b, const Item *it) {
   for (size_t i = 0; i < it->ndocs; i++) {
      if (i > 0)
         Buf_add(b, i + 1 == it->ndocs ? " and " : ", ");
      Outcome_user(b, it->docs[i].text);
   }
}

/* "with the addition of information points by the HU and EE delegations" */
static void Outcome_additions(Ctx *c, Buf *b) {
   const Agenda *a = &c->s->agenda;
   size_t n = 0, kinds[GV_ITEM_KIND_COUNT] = { 0 };
   size_t *req = calloc(c->s->roster.count + 1, sizeof *req);
   size_t nreq = 0;
   if (!req)
      abort();
   for (size_t k = 0; k < Agenda_count(a); k++) {
      const Item *it = Agenda_at(a, k);
      if (!it->added && it->requested_by == GV_NONE)
         continue;
      n++;
      kinds[it->kind]++;
      size_t r = it->requested_by;
      if (r == GV_NONE)
         continue;
      int seen = 0;
      for (size_t i = 0; i < nreq; i++)
         seen |= req[i] == r;
      if (!seen && nreq < c->s->roster.count)
         req[nreq++] = r;
   }
   if (n == 0) {
      free(req);
      return;
   }
   const char *what = kinds[GV_ITEM_INFO] == n ? "information point"
                      : kinds[GV_ITEM_AOB] == n ? "point under any other business"
                      : kinds[GV_ITEM_ITEM] == n ? "item" : "point";
   Buf_add(b, " with the addition of ");
   if (n == 1)
      Buf_add(b, strchr("aeiou", what[0]) ? "an " : "a ");
   else if (nreq == 0) {
      Phrase_count(b, n, 0);
      Buf_addc(b, ' ');
   }
   if (n > 1 && strncmp(what, "point under", 11) == 0)
      Buf_add(b, "points under any other business");
   else {
      Buf_add(b, what);
      if (n > 1)
         Buf_addc(b, 's');
   }
   if (nreq > 0) {
      /* in the order they asked, as the reference has it: "the HU and EE" */
      int allMs = 1;
      for (size_t i = 0; i < nreq; i++)
         allMs &= Outcome_del(c, req[i])->kind == GV_KIND_MS;
      Buf_add(b, " by ");
      if (allMs) {
         Buf_add(b, "the ");
         Outcome_joinShort(c, b, req, nreq, " and ");
         Buf_add(b, nreq > 1 ? " delegations" : " delegation");
      } else {
         for (size_t i = 0; i < nreq; i++) {
            if (i > 0)
               Buf_add(b, i + 1 == nreq ? " and " : ", ");
            Outcome_phrase(b, Outcome_del(c, req[i]));
         }
      }
   }
   free(req);
}

static void Outcome_outcomeText(Ctx *c, const Item *it);

static void Outcome_adoption(Ctx *c, const Item *it) {
   if (it->outcome_text && *it->outcome_text) {
      Outcome_outcomeText(c, it);  /* the note-taker wrote the sentence */
      return;
   }
   Buf b = BUF_INIT;
   if (it->ndocs > 0) {
      Buf_add(&b, "The agenda as set out in doc. ");
      Outcome_docList(&b, it);
      Buf_add(&b, " was adopted");
   } else {
      Buf_add(&b, "The agenda was adopted");
   }
   Outcome_additions(c, &b);
   Buf_addc(&b, '.');
   Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
}

/* "Two delegations (EE and SE) were also connected by videoconference." */
static void Outcome_attendance(Ctx *c) {
   const Roster *r = &c->s->roster;
   size_t *idx = calloc(r->count + 1, sizeof *idx);
   if (!idx)
      abort();
   static const struct {
      GvAttendance a;
      const char *one, *many;
   } kinds[] = {
      { GV_ATTEND_VIDEO, "was also connected by videoconference", "were also connected by videoconference" },
      { GV_ATTEND_ABSENT, "did not attend the meeting", "did not attend the meeting" },
   };
   Buf b = BUF_INIT;
   for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
      size_t n = 0;
      for (size_t i = 0; i < r->count; i++) {
         size_t di = c->order[i];
         const Delegation *del = Outcome_del(c, di);
         if (del->parent == GV_NONE && del->attendance == kinds[k].a)
            idx[n++] = di;
      }
      if (n == 0)
         continue;
      if (b.len > 0)
         Buf_addc(&b, ' ');
      Phrase_count(&b, n, 1);
      Buf_add(&b, n == 1 ? " delegation (" : " delegations (");
      Outcome_joinShort(c, &b, idx, n, " and ");
      Buf_add(&b, ") ");
      Buf_add(&b, n == 1 ? kinds[k].one : kinds[k].many);
      Buf_addc(&b, '.');
   }
   if (b.len > 0)
      Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
   free(idx);
}

/* ---- what was said ----------------------------------------------------- */

/* The subject for a second predicate in the same intervention: the
 * reference repeats "The ES delegation ..." but shortens "The Commission
 * (DG Home) ..." to "The Commission ...". */
static void Outcome_again(const Ctx *c, Buf *b, const Delegation *del) {
   if (del && del->parent != GV_NONE)
      del = Outcome_del(c, del->parent);
   Outcome_phrase(b, del);
}

/* A note is pieces, one per `note` command, one a line: they read as the
 * sentences of one paragraph; an empty line starts a new paragraph. Each
 * piece written as a predicate gets the speaker as its subject. */
static void Outcome_intervention(Ctx *c, const Intervention *iv) {
   const Delegation *del = Outcome_del(c, iv->delegation);
   const char *docText = iv->has_doc && iv->doc.text ? iv->doc.text : NULL;
   const char *p = iv->notes ? iv->notes : "";
   int docSaid = !docText || strstr(p, docText) != NULL;
   int subjects = 0;
   Buf para = BUF_INIT, piece = BUF_INIT;
   for (;;) {
      size_t n = strcspn(p, "\n");
      Buf_clear(&piece);
      Buf_addn(&piece, p, n);
      char *text = Chars_cleandup(Buf_str(&piece), 0);
      const char *t = text;
      while (*t == ' ')
         t++;
      if (*t) {
         if (para.len > 0)
            Buf_addc(&para, ' ');
         size_t at = para.len;
         if (Outcome_isPredicate(t)) {
            if (subjects++ == 0)
               Outcome_phrase(&para, del);
            else
               Outcome_again(c, &para, del);
            Phrase_capitalise(&para, at);
            Buf_addc(&para, ' ');
         }
         Buf_add(&para, t);
         Outcome_fullStop(&para);
      }
      free(text);
      p += n;
      int blank = *p == '\n' && p[1 + strspn(p + 1, " ")] == '\n';
      if ((blank || !*p) && para.len > 0) {
         /* the document presented, when the note does not name it */
         if (!docSaid && strspn(p, " \n") == strlen(p)) {
            while (para.len > 0 && (para.data[para.len - 1] == '.' || para.data[para.len - 1] == ' '))
               para.data[--para.len] = '\0';
            Buf_addf(&para, " (doc. %s).", docText);
            docSaid = 1;
         }
         Doc_para(c->d, Buf_str(&para));
         Buf_clear(&para);
      }
      if (!*p)
         break;
      p++;
   }
   if (!docSaid) {
      /* no note, a document: "The ES delegation presented doc. WK 5192/17." */
      Outcome_phrase(&para, del);
      Phrase_capitalise(&para, 0);
      Buf_addf(&para, " presented doc. %s.", docText);
      Doc_para(c->d, Buf_str(&para));
   }
   Buf_free(&para);
   Buf_free(&piece);
}

static int Outcome_hasWords(const Intervention *iv) {
   if (iv->has_doc)
      return 1;
   for (const char *p = iv->notes ? iv->notes : ""; *p; p++)
      if (*p != ' ' && *p != '\n')
         return 1;
   return 0;
}

/* Item notes and interventions in speaking order, then "The following
 * delegations also took the floor: DE, ES, HU." for those without notes. */
static void Outcome_said(Ctx *c, size_t idx, const Item *it) {
   if (it->notes && *it->notes) {
      /* notes on the item itself: sentences as written, one paragraph */
      char *t = Chars_cleandup(it->notes, 0);
      Buf b = BUF_INIT;
      const char *q = t;
      while (*q == ' ')
         q++;
      Buf_add(&b, q);
      Outcome_fullStop(&b);
      if (b.len > 0)
         Doc_para(c->d, Buf_str(&b));
      free(t);
      Buf_free(&b);
   }
   size_t n = 0;
   const size_t *list = Session_item_interventions(c->s, idx, &n);
   size_t roster = c->s->roster.count;
   char *spoke = calloc(roster + 1, 1);   /* 1: has a paragraph; 2: only took the floor */
   if (!spoke)
      abort();
   for (size_t i = 0; i < n; i++) {
      const Intervention *iv = Session_intervention(c->s, list[i]);
      if (!iv || iv->delegation >= roster)
         continue;
      if (Outcome_hasWords(iv)) {
         Outcome_intervention(c, iv);
         spoke[iv->delegation] = 1;
      } else if (!spoke[iv->delegation]) {
         spoke[iv->delegation] = 2;
      }
   }
   size_t *ms = calloc(roster + 1, sizeof *ms), *other = calloc(roster + 1, sizeof *other);
   if (!ms || !other)
      abort();
   size_t nms = 0, nother = 0;
   for (size_t i = 0; i < roster; i++) {
      size_t di = c->order[i];
      if (spoke[di] != 2)
         continue;
      if (Outcome_del(c, di)->kind == GV_KIND_MS)
         ms[nms++] = di;
      else
         other[nother++] = di;
   }
   Buf b = BUF_INIT;
   if (nother > 0) {
      for (size_t i = 0; i < nother; i++) {
         if (i > 0)
            Buf_add(&b, i + 1 == nother ? " and " : ", ");
         Outcome_phrase(&b, Outcome_del(c, other[i]));
      }
      Phrase_capitalise(&b, 0);
      Buf_add(&b, " also took the floor.");
   }
   if (nms == 1) {
      if (b.len > 0)
         Buf_addc(&b, ' ');
      size_t at = b.len;
      Outcome_phrase(&b, Outcome_del(c, ms[0]));
      Phrase_capitalise(&b, at);
      Buf_add(&b, " also took the floor.");
   } else if (nms > 1) {
      if (b.len > 0)
         Buf_addc(&b, ' ');
      Buf_add(&b, "The following delegations also took the floor: ");
      Outcome_joinShort(c, &b, ms, nms, ", ");
      Buf_addc(&b, '.');
   }
   if (b.len > 0)
      Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
   free(ms);
   free(other);
   free(spoke);
}

/* ---- positions and reservations --------------------------------------- */

typedef struct Entry {
   size_t del;
   const char *text;   /* shown in brackets after the code, or NULL */
   const char *extra;  /* a second bracket word ("parliamentary"), or NULL */
} Entry;

static void Outcome_entries(const Ctx *c, Buf *b, const char *label, Entry *e, size_t n) {
   if (n == 0)
      return;
   for (size_t i = 1; i < n; i++) {
      Entry v = e[i];
      size_t j = i;
      for (; j > 0 && c->rank[e[j - 1].del] > c->rank[v.del]; j--)
         e[j] = e[j - 1];
      e[j] = v;
   }
   if (b->len > 0)
      Buf_addc(b, ' ');
   Buf_add(b, label);
   Buf_add(b, ": ");
   for (size_t i = 0; i < n; i++) {
      if (i > 0)
         Buf_add(b, ", ");
      Outcome_short(b, Outcome_del(c, e[i].del));
      const char *t = e[i].text && *e[i].text ? e[i].text : NULL;
      if (t || e[i].extra) {
         Buf_add(b, " (");
         if (e[i].extra)
            Buf_add(b, e[i].extra);
         if (t && e[i].extra)
            Buf_add(b, "; ");
         if (t)
            Outcome_bare(b, t);
         Buf_addc(b, ')');
      }
   }
   Buf_addc(b, '.');
}

/* "Supported: FR, DE, NL. Scrutiny reservations: HU, PL (parliamentary)." */
static void Outcome_positions(Ctx *c, size_t idx) {
   size_t total = c->s->rec.npos + c->s->rec.nres + 1;
   Entry *e = calloc(total, sizeof *e);
   if (!e)
      abort();
   Buf b = BUF_INIT;
   for (int st = 0; st < GV_STANCE_COUNT; st++) {
      size_t n = 0;
      const Position *p;
      for (size_t k = 0; (p = Session_position(c->s, idx, k)) != NULL; k++)
         if ((int)p->stance == st && n < total)
            e[n++] = (Entry){ p->delegation, p->text, NULL };
      Outcome_entries(c, &b, GvStance_label((GvStance)st), e, n);
   }
   /* reservations: scrutiny and parliamentary scrutiny read as one group */
   static const struct {
      int types;          /* bit mask of GvReserveType */
      const char *one, *many;
   } groups[] = {
      { 1 << GV_RESERVE_SCRUTINY | 1 << GV_RESERVE_PARLIAMENTARY, "Scrutiny reservation",
        "Scrutiny reservations" },
      { 1 << GV_RESERVE_LINGUISTIC, "Linguistic reservation", "Linguistic reservations" },
      { 1 << GV_RESERVE_SUBSTANTIVE, "Substantive reservation", "Substantive reservations" },
      { 1 << GV_RESERVE_GENERAL, "General reservation", "General reservations" },
      { 1 << GV_RESERVE_WAITING, "Waiting reservation", "Waiting reservations" },
   };
   const Reservation *r;
   for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
      size_t n = 0;
      for (size_t k = 0; (r = Session_reservation(c->s, idx, k)) != NULL; k++) {
         if (!(groups[g].types & (1 << r->type)) || r->status == GV_RESERVE_LIFTED || n >= total)
            continue;
         const char *extra = r->type == GV_RESERVE_PARLIAMENTARY ? "parliamentary" : NULL;
         if (r->status == GV_RESERVE_MAINTAINED)
            extra = extra ? "parliamentary, maintained" : "maintained";
         e[n++] = (Entry){ r->delegation, r->text, extra };
      }
      Outcome_entries(c, &b, n == 1 ? groups[g].one : groups[g].many, e, n);
   }
   size_t n = 0;
   for (size_t k = 0; (r = Session_reservation(c->s, idx, k)) != NULL; k++)
      if (r->status == GV_RESERVE_LIFTED && n < total)
         e[n++] = (Entry){ r->delegation, NULL, GvReserveType_word(r->type) };
   Outcome_entries(c, &b, n == 1 ? "Reservation lifted" : "Reservations lifted", e, n);
   if (b.len > 0)
      Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
   free(e);
}

/* ---- what closes an item ---------------------------------------------- */

static void Outcome_deadline(Ctx *c, const Deadline *dl) {
   Buf b = BUF_INIT;
   const char *what = dl->what ? dl->what : "";
   while (*what == ' ')
      what++;
   if (strncmp(what, "for ", 4) == 0)
      what += 4;
   Buf w = BUF_INIT;
   Outcome_bare(&w, what);
   Outcome_lowerFirst(&w);
   if (dl->set_by != GV_NONE) {
      Outcome_phrase(&b, Outcome_del(c, dl->set_by));
      Phrase_capitalise(&b, 0);
      Buf_add(&b, " set ");
      Outcome_date(&b, dl->day);
      Buf_add(&b, " as the deadline for ");
      Buf_add(&b, Buf_str(&w));
   } else {
      Buf_add(&b, "The deadline for ");
      Buf_add(&b, Buf_str(&w));
      Buf_add(&b, " was set at ");
      Outcome_date(&b, dl->day);
   }
   if (dl->for_whom != GV_NONE) {
      Buf_add(&b, " (for ");
      Outcome_phrase(&b, Outcome_del(c, dl->for_whom));
      Buf_addc(&b, ')');
   }
   Buf_addc(&b, '.');
   Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
   Buf_free(&w);
}

/* "Action: the Presidency to submit the draft to the PSC by 6 June 2017." */
static void Outcome_action(Ctx *c, const Action *ac) {
   Buf b = BUF_INIT, w = BUF_INIT;
   Buf_add(&b, "Action: ");
   Outcome_phrase(&b, Outcome_del(c, ac->owner));
   Outcome_bare(&w, ac->what ? ac->what : "");
   Outcome_lowerFirst(&w);
   Buf_add(&b, strncmp(Buf_str(&w), "to ", 3) == 0 ? " " : " to ");
   Buf_add(&b, Buf_str(&w));
   if (ac->due != GV_NO_DAY) {
      Buf_add(&b, " by ");
      Outcome_date(&b, ac->due);
   }
   Buf_add(&b, ac->done ? " (done)." : ".");
   Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
   Buf_free(&w);
}

/* The outcome as the note-taker wrote it; a predicate gets the Working Party
 * as its subject. */
static void Outcome_outcomeText(Ctx *c, const Item *it) {
   Buf b = BUF_INIT;
   char *t = Chars_cleandup(it->outcome_text, 0);
   const char *q = t;
   while (*q == ' ')
      q++;
   if (Outcome_isPredicate(q))
      Buf_add(&b, "The Working Party ");
   Buf_add(&b, q);
   Outcome_fullStop(&b);
   free(t);
   if (b.len > 0)
      Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
}

static void Outcome_closing(Ctx *c, size_t idx, const Item *it) {
   static const char *const standard[GV_OUTCOME_COUNT] = {
      [GV_OUTCOME_AGREED] = "The Working Party reached agreement on this item.",
      [GV_OUTCOME_NOTED] = "The Working Party took note of the information provided.",
      [GV_OUTCOME_WELCOMED] = "The Working Party welcomed the presentation.",
      [GV_OUTCOME_CONTINUED] = "The discussion will continue at a future meeting.",
      [GV_OUTCOME_POSTPONED] = "The item was postponed to a future meeting.",
   };
   Buf b = BUF_INIT;
   if (it->outcome_text && *it->outcome_text) {
      if (!Outcome_isAdoption(it))
         Outcome_outcomeText(c, it);
   } else if (it->outcome != GV_OUTCOME_NONE && !Outcome_isAdoption(it)) {
      Buf_add(&b, standard[it->outcome]);
   } else if (it->outcome == GV_OUTCOME_NONE && it->state == GV_STATE_POSTPONED) {
      Buf_add(&b, standard[GV_OUTCOME_POSTPONED]);
   }
   if (b.len > 0)
      Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
   const Records *r = &c->s->rec;
   for (size_t i = 0; i < r->ndeadlines; i++)
      if (r->deadlines[i].item == idx)
         Outcome_deadline(c, &r->deadlines[i]);
   for (size_t i = 0; i < r->nactions; i++)
      if (r->actions[i].item == idx)
         Outcome_action(c, &r->actions[i]);
}

/* ---- items -------------------------------------------------------------- */

/* "3.1." for numeric style, "a)" as it is for letters. */
static void Outcome_number(const Ctx *c, size_t idx, Buf *b) {
   char label[64];
   Agenda_label(&c->s->agenda, idx, c->s->meta.numbering, label, sizeof label);
   Buf_add(b, label);
   if (b->len > 0 && b->data[b->len - 1] != ')' && b->data[b->len - 1] != '.')
      Buf_addc(b, '.');
}

static void Outcome_items(Ctx *c) {
   const Agenda *a = &c->s->agenda;
   int attendanceDone = 0;
   for (size_t k = 0; k < Agenda_count(a); k++) {
      size_t idx = Agenda_index_at(a, k);
      const Item *it = Agenda_at(a, k);
      if (it->dropped)
         continue;
      Buf num = BUF_INIT;
      Outcome_number(c, idx, &num);
      Doc_heading(c->d, (int)it->depth + 1, Buf_str(&num), it->title ? it->title : "");
      Buf_free(&num);
      int adoption = Outcome_isAdoption(it);
      if (it->ndocs > 0 && !adoption) {
         Buf b = BUF_INIT;
         Buf_add(&b, it->ndocs == 1 ? "Doc. " : "Docs. ");
         Outcome_docList(&b, it);
         Doc_docs(c->d, Buf_str(&b));
         Buf_free(&b);
      }
      if (adoption)
         Outcome_adoption(c, it);
      if (!attendanceDone && (adoption || k == 0)) {
         Outcome_attendance(c);
         attendanceDone = 1;
      }
      Outcome_said(c, idx, it);
      Outcome_positions(c, idx);
      Outcome_closing(c, idx, it);
   }
   if (!attendanceDone)
      Outcome_attendance(c);
   /* deadlines and actions set outside any item close the document */
   const Records *r = &c->s->rec;
   for (size_t i = 0; i < r->ndeadlines; i++)
      if (r->deadlines[i].item == GV_NONE)
         Outcome_deadline(c, &r->deadlines[i]);
   for (size_t i = 0; i < r->nactions; i++)
      if (r->actions[i].item == GV_NONE)
         Outcome_action(c, &r->actions[i]);
}

/* ---- annexes ------------------------------------------------------------ */

static const char *const Outcome_roman[] = { "I", "II", "III", "IV" };

static void Outcome_annexAttendance(Ctx *c, const char *num) {
   const Roster *r = &c->s->roster;
   Doc_annex(c->d, num, "Attendance");
   size_t rows = 1;
   const char **cells = calloc((r->count + 1) * 3, sizeof *cells);
   char **owned = calloc(r->count + 1, sizeof *owned);
   if (!cells || !owned)
      abort();
   cells[0] = "Code";
   cells[1] = "Delegation";
   cells[2] = "Attendance";
   for (size_t i = 0; i < r->count; i++) {
      const Delegation *del = Outcome_del(c, c->order[i]);
      if (del->parent != GV_NONE)
         continue;
      Buf b = BUF_INIT;
      Outcome_user(&b, del->name ? del->name : del->code);
      if (del->native && *del->native && del->name && strcmp(del->native, del->name) != 0) {
         Buf_add(&b, " (");
         Outcome_user(&b, del->native);
         Buf_addc(&b, ')');
      }
      owned[rows] = Buf_take(&b);
      cells[rows * 3] = del->code;
      cells[rows * 3 + 1] = owned[rows];
      cells[rows * 3 + 2] = del->attendance == GV_ATTEND_PRESENT ? "Present"
                            : del->attendance == GV_ATTEND_VIDEO  ? "Videoconference"
                            : del->attendance == GV_ATTEND_ABSENT ? "Absent"
                                                                  : "Not recorded";
      rows++;
   }
   if (rows > 1)
      Doc_table(c->d, cells, rows, 3, 0, 1u << 0 | 1u << 2);
   else
      Doc_para(c->d, "None.");
   for (size_t i = 0; i < rows; i++)
      free(owned[i]);
   free(owned);
   free(cells);
}

static void Outcome_annexSpeakers(Ctx *c, const char *num) {
   const Roster *r = &c->s->roster;
   Doc_annex(c->d, num, "Speaking time");
   SpeakStat *st = calloc(r->count + 1, sizeof *st);
   const char **cells = calloc((r->count + 1) * 3, sizeof *cells);
   char **owned = calloc((r->count + 1) * 3, sizeof *owned);
   double *values = calloc(r->count + 1, sizeof *values);
   if (!st || !cells || !owned || !values)
      abort();
   int64_t now = Session_end_time(c->s);
   if (now == GV_NO_TIME)
      now = c->s->last_time;
   Session_speaking_stats(c->s, GV_NONE, now, false, st);
   cells[0] = "Delegation";
   cells[1] = "Interventions";
   cells[2] = "Speaking time";
   size_t rows = 1;
   for (size_t i = 0; i < r->count; i++) {
      size_t di = c->order[i];
      if (st[di].interventions == 0)
         continue;
      Buf b = BUF_INIT;
      Outcome_short(&b, Outcome_del(c, di));
      owned[rows * 3] = Buf_take(&b);
      Buf_addf(&b, "%zu", st[di].interventions);
      owned[rows * 3 + 1] = Buf_take(&b);
      int64_t sec = st[di].seconds > 0 ? st[di].seconds : 0;
      Buf_addf(&b, "%lld:%02lld", (long long)(sec / 60), (long long)(sec % 60));
      owned[rows * 3 + 2] = Buf_take(&b);
      for (int k = 0; k < 3; k++)
         cells[rows * 3 + k] = owned[rows * 3 + k];
      values[rows - 1] = (double)sec;
      rows++;
   }
   if (rows > 1) {
      const char **labels = calloc(rows, sizeof *labels), **texts = calloc(rows, sizeof *texts);
      if (!labels || !texts)
         abort();
      for (size_t i = 1; i < rows; i++) {
         labels[i - 1] = cells[i * 3];
         texts[i - 1] = cells[i * 3 + 2];
      }
      Doc_chart(c->d, "Speaking time per delegation", labels, texts, values, rows - 1);
      free(labels);
      free(texts);
   }
   if (rows > 1)
      Doc_table(c->d, cells, rows, 3, 1u << 1 | 1u << 2, 0);
   else
      Doc_para(c->d, "None.");
   for (size_t i = 0; i < rows * 3; i++)
      free(owned[i]);
   free(owned);
   free(cells);
   free(values);
   free(st);
}

static void Outcome_annexActions(Ctx *c, const char *num) {
   const Records *rec = &c->s->rec;
   Doc_annex(c->d, num, "Actions and deadlines");
   size_t max = rec->nactions + rec->ndeadlines + 1;
   const char **cells = calloc(max * 5, sizeof *cells);
   char **owned = calloc(max * 5, sizeof *owned);
   if (!cells || !owned)
      abort();
   static const char *const head[] = { "Owner", "Action", "Due", "Item", "Status" };
   for (int k = 0; k < 5; k++)
      cells[k] = head[k];
   size_t rows = 1;
   for (size_t i = 0; i < rec->nactions + rec->ndeadlines; i++) {
      int isAction = i < rec->nactions;
      const Action *ac = isAction ? &rec->actions[i] : NULL;
      const Deadline *dl = isAction ? NULL : &rec->deadlines[i - rec->nactions];
      Buf b = BUF_INIT;
      size_t who = isAction ? ac->owner : dl->for_whom;
      if (who == GV_NONE)
         Buf_add(&b, "All delegations");
      else
         Outcome_short(&b, Outcome_del(c, who));
      owned[rows * 5] = Buf_take(&b);
      if (!isAction)
         Buf_add(&b, "Deadline: ");
      Buf_add(&b, isAction ? ac->what : dl->what);
      owned[rows * 5 + 1] = Buf_take(&b);
      int64_t day = isAction ? ac->due : dl->day;
      if (day != GV_NO_DAY)
         Outcome_date(&b, day);
      owned[rows * 5 + 2] = Buf_take(&b);
      size_t item = isAction ? ac->item : dl->item;
      if (item != GV_NONE) {
         char label[64];
         Agenda_label(&c->s->agenda, item, c->s->meta.numbering, label, sizeof label);
         Buf_add(&b, label);
      }
      owned[rows * 5 + 3] = Buf_take(&b);
      Buf_add(&b, isAction ? (ac->done ? "Done" : "Open") : "");
      owned[rows * 5 + 4] = Buf_take(&b);
      for (int k = 0; k < 5; k++)
         cells[rows * 5 + k] = owned[rows * 5 + k];
      rows++;
   }
   if (rows > 1)
      Doc_table(c->d, cells, rows, 5, 0, 1u << 2 | 1u << 3 | 1u << 4);
   else
      Doc_para(c->d, "None.");
   for (size_t i = 0; i < rows * 5; i++)
      free(owned[i]);
   free(owned);
   free(cells);
}

static void Outcome_annexes(Ctx *c, int annexes) {
   int n = 0;
   if (annexes & OUTCOME_ANNEX_ATTENDANCE)
      Outcome_annexAttendance(c, Outcome_roman[n++]);
   if (annexes & OUTCOME_ANNEX_SPEAKERS)
      Outcome_annexSpeakers(c, Outcome_roman[n++]);
   if (annexes & OUTCOME_ANNEX_ACTIONS)
      Outcome_annexActions(c, Outcome_roman[n++]);
}

/* ---- public ------------------------------------------------------------- */

int Outcome_parseFormat(const char *s, OutcomeFormat *f) {
   if (Outcome_ieq(s, "md") || Outcome_ieq(s, "markdown"))
      *f = OUTCOME_MD;
   else if (Outcome_ieq(s, "html") || Outcome_ieq(s, "htm"))
      *f = OUTCOME_HTML;
   else if (Outcome_ieq(s, "txt") || Outcome_ieq(s, "text"))
      *f = OUTCOME_TXT;
   else if (Outcome_ieq(s, "docx"))
      *f = OUTCOME_DOCX;
   else
      return -1;
   return 0;
}

int Outcome_parseAnnexes(const char *s, int *annexes, char *err, size_t errlen) {
   *annexes = 0;
   while (*s) {
      size_t n = strcspn(s, ",");
      char word[32];
      if (n == 0 || n >= sizeof word) {
         snprintf(err, errlen, "unknown annex '%.*s' (attendance, speakers, actions)", (int)n, s);
         return -1;
      }
      memcpy(word, s, n);
      word[n] = '\0';
      if (Outcome_ieq(word, "attendance"))
         *annexes |= OUTCOME_ANNEX_ATTENDANCE;
      else if (Outcome_ieq(word, "speakers") || Outcome_ieq(word, "speaking"))
         *annexes |= OUTCOME_ANNEX_SPEAKERS;
      else if (Outcome_ieq(word, "actions"))
         *annexes |= OUTCOME_ANNEX_ACTIONS;
      else if (Outcome_ieq(word, "all"))
         *annexes |= OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_SPEAKERS | OUTCOME_ANNEX_ACTIONS;
      else {
         snprintf(err, errlen, "unknown annex '%s' (attendance, speakers, actions)", word);
         return -1;
      }
      s += n;
      if (*s)
         s++;
   }
   return 0;
}

void Outcome_build(Doc *d, const Session *s, const OutcomeOptions *o) {
   Ctx c = { .s = s, .d = d };
   size_t n = s->roster.count;
   c.order = calloc(n + 1, sizeof *c.order);
   c.rank = calloc(n + 1, sizeof *c.rank);
   if (!c.order || !c.rank)
      abort();
   if (n > 0)
      Roster_protocol_order(&s->roster, c.order);
   for (size_t i = 0; i < n; i++)
      c.rank[c.order[i]] = i;
   Outcome_header(&c, o);
   Outcome_items(&c);
   Outcome_annexes(&c, o ? o->annexes : 0);
   free(c.order);
   free(c.rank);
}

int Outcome_write(FILE *out, const Session *s, OutcomeFormat f, const OutcomeOptions *o) {
   Doc d;
   Doc_init(&d);
   Outcome_build(&d, s, o);
   int rc = 0;
   switch (f) {
   case OUTCOME_MD: OutcomeMd_write(out, &d); break;
   case OUTCOME_HTML: OutcomeHtml_write(out, &d); break;
   case OUTCOME_TXT: OutcomeTxt_write(out, &d); break;
   case OUTCOME_DOCX: rc = OutcomeDocx_write(out, &d); break;
   }
   Doc_free(&d);
   return rc;
}
