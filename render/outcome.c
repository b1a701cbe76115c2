#include "render/outcome.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "model/style.h"
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
   const Style *st;   /* the house style */
   size_t *rank;      /* rank[roster index] = position in protocol order */
   size_t *order;     /* roster indexes in protocol order */
   Doc *d;
   int underPoint;    /* the next subject opens "Under this point ..." */
   size_t item;       /* the item being written */
   /* Each item's positions, reservations, deadlines and actions, chained in
    * record order (first by item, next by record): writing every item reads
    * each record once. */
   size_t *posFirst, *posNext, *resFirst, *resNext;
   size_t *dlFirst, *dlNext, *actFirst, *actNext;
   GvBuf notes;       /* an intervention's notes when they are in pieces */
   const Intervention *notesOf;   /* the last read, and its text */
   const char *notesText;
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

/* Words that may come before the verb of a predicate. */
static const char *const Outcome_adverbs[] = {
   "also", "then", "further", "briefly", "again", "finally", "furthermore", "moreover",
   "generally", "broadly", "strongly", "fully", "nevertheless", "subsequently", "later", "still",
   "in", "particular", "general", "addition", "turn", "its", "their", "view", NULL,
};

/* Verbs that open a predicate without ending in -ed. */
static const char *const Outcome_verbs[] = {
   "said", "gave", "made", "took", "felt", "held", "set", "sent", "saw", "thought", "put",
   "found", "brought", "told", "spoke", "wrote", "read", "led", "sought", "meant", "knew",
   "could", "would", "should", "might", "may", "can", "will", "shall", "must", "was", "were",
   "is", "are", "has", "had", "have", "did", "does", "do", "drew", "chose", "understood", "won",
   "supports", "asks", "presents", "welcomes", "considers", "thinks", "wants", "says", "proposes",
   "suggests", "notes", "stresses", "underlines", "explains", "informs", "agrees", "opposes",
   "prefers", "requests", "needs", "calls", "recalls", "reminds", "expresses", "raises",
   "questions", "highlights", "insists", "shares", "reserves", "enters", "maintains", "lifts",
   "accepts", "objects", "favours", "indicates", "points", "refers", "joins", "echoes",
   "announces", "emphasises", "emphasizes", "invites", "believes", "sees", "finds", "hopes",
   "regrets", "expects", "intends", "plans", "wishes", "remains", "went", "became", "began",
   "put", "let", "left", "kept", "meant", "paid", "rang", "spent", "stood", NULL,
};

static int Outcome_wordIn(const char *w, size_t n, const char *const *list) {
   for (size_t i = 0; list[i]; i++)
      if (strlen(list[i]) == n && strncmp(list[i], w, n) == 0)
         return 1;
   return 0;
}

/* A blank-separated list of words (the style's verbs). */
static int Outcome_wordInText(const char *w, size_t n, const char *text) {
   while (text && *text) {
      text += strspn(text, " \t,");
      size_t l = strcspn(text, " \t,");
      if (l == n && l > 0 && strncmp(text, w, n) == 0)
         return 1;
      text += l;
   }
   return 0;
}

/* Is the note a predicate ("presented their non-paper") rather than a
 * sentence ("Delegations welcomed ...", "the Presidency's text was
 * acceptable to it")? Only on clear evidence: it opens lower-case with a
 * verb (a past form in -ed, or one of the lists above or of the style),
 * perhaps after an adverb ("also underlined"). Otherwise the text is kept as
 * written (and `gavel check` warns). */
int Outcome_isPredicateText(const char *text, const Style *st) {
   while (*text == ' ')
      text++;
   if (!(*text >= 'a' && *text <= 'z'))
      return 0;
   const char *p = text;
   for (int k = 0; k < 4 && *p; k++) {
      size_t n = 0;
      while ((p[n] >= 'a' && p[n] <= 'z') || p[n] == '-')
         n++;
      if (n == 0)
         return 0;
      if ((n >= 4 && p[n - 2] == 'e' && p[n - 1] == 'd') || Outcome_wordIn(p, n, Outcome_verbs) ||
          (st && Outcome_wordInText(p, n, st->verbs)))
         return 1;
      if (!Outcome_wordIn(p, n, Outcome_adverbs))
         return 0;
      p += n;
      while (*p == ' ' || *p == ',')
         p++;
   }
   return 0;
}

static int Outcome_isPredicate(const Ctx *c, const char *text) {
   return Outcome_isPredicateText(text, c->st);
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

/* "8 April 2003", or "8-9 April 2003", "30 April-1 May 2003" and
 * "30 December 2002-2 January 2003" for a meeting over days. */
static void Outcome_days(Buf *b, int64_t first, int64_t last) {
   if (last == GV_NO_DAY || last <= first) {
      Outcome_date(b, first);
      return;
   }
   int64_t y1, y2;
   unsigned m1, d1, m2, d2;
   Date_civil_from_days(first, &y1, &m1, &d1);
   Date_civil_from_days(last, &y2, &m2, &d2);
   if (y1 != y2)
      Outcome_date(b, first);
   else if (m1 != m2)
      Buf_addf(b, "%u %s", d1, Date_month_name(m1));
   else
      Buf_addf(b, "%u", d1);
   Buf_addc(b, '-');
   Outcome_date(b, last);
}

static void Outcome_header(Ctx *c, const OutcomeOptions *o) {
   const SessionMeta *m = &c->s->meta;
   DocHeader *h = &c->d->header;
   Buf b = BUF_INIT;
   Outcome_user(&b, m->place && *m->place ? m->place : "Brussels");
   if (o && o->docDate && *o->docDate) {
      Buf_add(&b, ", ");
      Phrase_date(&b, o->docDate);
   } else if (m->doc_date != GV_NO_DAY) {
      Buf_add(&b, ", ");
      Outcome_date(&b, m->doc_date);
   } else if (m->date != GV_NO_DAY) {
      Buf_add(&b, ", ");
      Outcome_date(&b, m->date);
   }
   Doc_set(&h->placeDate, Buf_str(&b));
   Doc_set(&h->language, m->language && *m->language ? m->language : "en");
   Doc_set(&h->docno, m->docno);
   Doc_set(&h->marking, m->marking && *m->marking ? m->marking : NULL);
   Doc_set(&h->access, m->access && *m->access ? m->access : NULL);
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
   for (const char *p = m->headers; p && *p;) {
      /* "LABEL\tVALUE" lines */
      size_t n = strcspn(p, "\n"), l = strcspn(p, "\t");
      if (l < n) {
         Buf_clear(&b);
         Buf_addn(&b, p, l);
         char *label = Buf_take(&b);
         Buf_addn(&b, p + l + 1, n - l - 1);
         Doc_addExtra(c->d, label, Buf_str(&b));
         free(label);
      }
      p += n;
      if (*p)
         p++;
   }
   Doc_set(&h->title, m->type && *m->type ? m->type : "OUTCOME OF PROCEEDINGS");
   Doc_set(&h->from, m->from && *m->from ? m->from : "General Secretariat of the Council");
   Buf_clear(&b);
   if (m->on_set)
      Buf_add(&b, m->on ? m->on : "");
   else if (m->date != GV_NO_DAY)
      Outcome_days(&b, m->date, m->date_end);
   Doc_set(&h->on, b.len ? Buf_str(&b) : NULL);
   const char *to = m->to && *m->to ? m->to : m->body ? m->body : "";
   if (strchr(to, '\n')) {
      for (const char *p = to; *p;) {
         size_t n = strcspn(p, "\n");
         Buf_clear(&b);
         Buf_addn(&b, p, n);
         if (h->nto_lines == 0)
            Doc_set(&h->to, Buf_str(&b));
         Doc_addTo(c->d, Buf_str(&b));
         p += n;
         if (*p)
            p++;
      }
   } else {
      Doc_set(&h->to, to);
   }
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

/* An information point as the reference has them: added at the adoption
 * of the agenda at someone's request, written under AOB without a heading. */
static int Outcome_isInfoPoint(const Item *it) {
   return it->kind == GV_ITEM_INFO && (it->added || it->requested_by != GV_NONE);
}

/* The adoption item's index, or GV_NONE. */
static size_t Outcome_adoptionIndex(const Ctx *c) {
   const Agenda *a = &c->s->agenda;
   for (size_t k = 0; k < Agenda_count(a); k++)
      if (Outcome_isAdoption(Agenda_at(a, k)))
         return Agenda_index_at(a, k);
   return GV_NONE;
}

/* "with the addition of information points by the HU and the EE
 * delegations", "with the addition of an AOB item (IPCR activation -
 * Coronavirus)": only what was added while the agenda was adopted (or at
 * someone's request), never headings added later. */
static void Outcome_additions(Ctx *c, Buf *b) {
   const Agenda *a = &c->s->agenda;
   size_t adoption = Outcome_adoptionIndex(c);
   size_t n = 0, kinds[GV_ITEM_KIND_COUNT] = { 0 };
   const Item *only = NULL;
   size_t *req = calloc(c->s->roster.count + 1, sizeof *req);
   size_t nreq = 0;
   if (!req)
      abort();
   for (size_t k = 0; k < Agenda_count(a); k++) {
      const Item *it = Agenda_at(a, k);
      if (it->kind == GV_ITEM_HEADING)
         continue;
      if (!(it->added && it->added_during == adoption && adoption != GV_NONE) && it->requested_by == GV_NONE)
         continue;
      n++;
      only = it;
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
   Buf_add(b, " with the addition of ");
   if (n == 1 && nreq == 0 && only->kind != GV_ITEM_INFO) {
      /* one item: named in brackets */
      Buf_add(b, only->kind == GV_ITEM_AOB ? "an AOB item (" : "an item (");
      Buf_add(b, only->title ? only->title : "");
      Buf_addc(b, ')');
      free(req);
      return;
   }
   const char *what = kinds[GV_ITEM_INFO] == n ? "information point"
                      : kinds[GV_ITEM_AOB] == n ? "AOB item"
                      : kinds[GV_ITEM_ITEM] == n ? "item" : "point";
   if (n == 1)
      Buf_add(b, strchr("aeiouAEIOU", what[0]) ? "an " : "a ");
   else if (nreq == 0) {
      Phrase_count(b, n, 0);
      Buf_addc(b, ' ');
   }
   Buf_add(b, what);
   if (n > 1)
      Buf_addc(b, 's');
   if (nreq > 0) {
      /* in the order they asked, as the reference has it: "the HU and the EE" */
      int allMs = 1;
      for (size_t i = 0; i < nreq; i++)
         allMs &= Outcome_del(c, req[i])->kind == GV_KIND_MS;
      Buf_add(b, " by ");
      for (size_t i = 0; i < nreq; i++) {
         if (i > 0)
            Buf_add(b, i + 1 == nreq ? " and " : ", ");
         if (allMs) {
            Buf_add(b, "the ");
            Outcome_short(b, Outcome_del(c, req[i]));
         } else {
            Outcome_phrase(b, Outcome_del(c, req[i]));
         }
      }
      if (allMs)
         Buf_add(b, nreq > 1 ? " delegations" : " delegation");
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

/* "Two delegations (EE and SE) were also connected by videoconference.":
 * Member States only (institutions and agencies are no delegations), without
 * "also" when no Member State was in the room (each one connected or absent). */
static void Outcome_attendance(Ctx *c) {
   const Roster *r = &c->s->roster;
   size_t *idx = calloc(r->count + 1, sizeof *idx);
   if (!idx)
      abort();
   size_t present = 0;
   for (size_t i = 0; i < r->count; i++)
      present += r->list[i].kind == GV_KIND_MS && r->list[i].parent == GV_NONE && !r->list[i].retired &&
                 (r->list[i].attendance == GV_ATTEND_PRESENT || r->list[i].attendance == GV_ATTEND_UNKNOWN);
   const char *video = c->st->video_in ? (present ? "also participated in videoconference" : "participated in videoconference")
                                       : (present ? "also connected by videoconference" : "connected by videoconference");
   static const GvAttendance kinds[] = { GV_ATTEND_VIDEO, GV_ATTEND_ABSENT };
   Buf b = BUF_INIT;
   for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
      size_t n = 0;
      for (size_t i = 0; i < r->count; i++) {
         size_t di = c->order[i];
         const Delegation *del = Outcome_del(c, di);
         if (del->parent == GV_NONE && del->kind == GV_KIND_MS && !del->retired && del->attendance == kinds[k])
            idx[n++] = di;
      }
      if (n == 0)
         continue;
      if (b.len > 0)
         Buf_addc(&b, ' ');
      Phrase_count(&b, n, 1);
      Buf_add(&b, n == 1 ? " delegation (" : " delegations (");
      for (size_t i = 0; i < n; i++) {
         if (i > 0)
            Buf_add(&b, i + 1 == n ? " and " : ", ");
         const Delegation *del = Outcome_del(c, idx[i]);
         if (c->st->attendance_names && del->name && *del->name)
            Buf_add(&b, del->name);
         else
            Outcome_short(&b, del);
      }
      Buf_add(&b, ") ");
      if (kinds[k] == GV_ATTEND_VIDEO) {
         Buf_add(&b, n == 1 ? (c->st->video_in ? "" : "was ") : (c->st->video_in ? "" : "were "));
         Buf_add(&b, video);
      } else {
         Buf_add(&b, "did not attend the meeting");
      }
      Buf_addc(&b, '.');
   }
   if (b.len > 0)
      Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
   free(idx);
}

/* ---- what was said ----------------------------------------------------- */

/* Who a record's predicates are about: a delegation (an intervention), a
 * group of delegations (a group paragraph), or nobody (the item's own
 * paragraph, written as it stands). */
typedef struct Subject {
   const Delegation *del;
   const Para *group;
} Subject;

/* "Several delegations (BE, CZ and DK)" the first time; the phrase alone
 * (or "They"/"It" when the style says pronoun) after. The reference
 * repeats "The ES delegation ..." but shortens "The Commission (DG Home)
 * ..." to "The Commission ...". */
static void Outcome_subject(const Ctx *c, Buf *b, const Subject *sj, int again) {
   if (again && c->st->subject_pronoun) {
      Buf_add(b, sj->group ? "they" : "it");
      return;
   }
   if (sj->group) {
      Buf_add(b, sj->group->phrase ? sj->group->phrase : "delegations");
      if (!again && sj->group->nmembers > 0) {
         Buf_add(b, " (");
         Outcome_joinShort(c, b, sj->group->members, sj->group->nmembers, " and ");
         Buf_addc(b, ')');
      }
      return;
   }
   const Delegation *del = sj->del;
   if (again && del && del->parent != GV_NONE)
      del = Outcome_del(c, del->parent);
   if (del && del->kind == GV_KIND_CHAIR && c->st->chair_name && c->s->meta.chair && *c->s->meta.chair) {
      Buf_addf(b, "the Chair (%s)", c->s->meta.chair);
      return;
   }
   Outcome_phrase(b, del);
}

/* "- entry" or "• entry": a list line; *skip gets the marker's length. */
static int Outcome_listLine(const char *t, size_t *skip) {
   if (t[0] == '-' && t[1] == ' ') {
      *skip = 2;
      return 1;
   }
   if (strncmp(t, "\xE2\x80\xA2 ", 4) == 0) {   /* • */
      *skip = 4;
      return 1;
   }
   return 0;
}

/* Writes the text of one record as paragraphs and lists. The pieces are
 * its lines (one per `note`): they read as the sentences of one paragraph;
 * a blank line starts a new paragraph; "- " or "• " lines are a list; a
 * first line opening "+ " continues the paragraph before (one paragraph,
 * several speakers, as the Secretariat often writes). Each piece written as
 * a predicate gets the subject. docText: a document to cite at the end
 * unless the text or the item's title line names it. */
static void Outcome_text(Ctx *c, const char *text, const Subject *sj, const char *docText) {
   const char *p = text ? text : "";
   int docSaid = !docText || strstr(p, docText) != NULL;
   int subjects = 0, runOn = 0, first = 1;
   Buf para = BUF_INIT, piece = BUF_INIT;
   const char **entries = NULL;
   size_t nentries = 0;
   for (;;) {
      size_t n = strcspn(p, "\n");
      Buf_clear(&piece);
      Buf_addn(&piece, p, n);
      char *clean = Chars_cleandup(Buf_str(&piece), 0);
      const char *t = clean;
      while (*t == ' ')
         t++;
      if (first && t[0] == '+' && t[1] == ' ') {
         runOn = 1;
         t += 2;
         while (*t == ' ')
            t++;
      }
      size_t skip = 0;
      if (*t && Outcome_listLine(t, &skip)) {
         /* a list entry: the paragraph before it ends here */
         if (para.len > 0) {
            (runOn ? Doc_paraMore : Doc_para)(c->d, Buf_str(&para));
            runOn = 0;
            Buf_clear(&para);
         }
         Buf e = BUF_INIT;
         Buf_add(&e, t + skip);
         while (e.len > 0 && strchr(" ;,.", e.data[e.len - 1]))
            e.data[--e.len] = '\0';
         if (e.len >= 4 && strcmp(e.data + e.len - 4, " and") == 0)
            e.data[e.len -= 4] = '\0';
         const char **ne = realloc(entries, (nentries + 1) * sizeof *ne);
         if (!ne)
            abort();
         entries = ne;
         entries[nentries++] = Buf_take(&e);
         t = "";
      } else if (*t && nentries > 0) {
         Doc_list(c->d, entries, nentries);
         for (size_t i = 0; i < nentries; i++)
            free((char *)entries[i]);
         nentries = 0;
      }
      if (*t) {
         if (para.len > 0)
            Buf_addc(&para, ' ');
         size_t at = para.len;
         if ((sj->del || sj->group) && Outcome_isPredicate(c, t)) {
            if (c->underPoint && subjects == 0) {
               Buf_add(&para, "Under this point ");
               Outcome_subject(c, &para, sj, 0);
               c->underPoint = 0;
            } else {
               Outcome_subject(c, &para, sj, subjects > 0);
            }
            subjects++;
            Phrase_capitalise(&para, at);
            Buf_addc(&para, ' ');
         } else if (!sj->del && !sj->group) {
            c->underPoint = 0;
         }
         Buf_add(&para, t);
         /* a line that introduces a list keeps its colon */
         Outcome_fullStop(&para);
      }
      free(clean);
      first = 0;
      p += n;
      int blank = *p == '\n' && p[1 + strspn(p + 1, " ")] == '\n';
      if ((blank || !*p) && para.len > 0) {
         if (!docSaid && strspn(p, " \n") == strlen(p)) {
            while (para.len > 0 && (para.data[para.len - 1] == '.' || para.data[para.len - 1] == ' '))
               para.data[--para.len] = '\0';
            Buf_addf(&para, " (doc. %s).", docText);
            docSaid = 1;
         }
         (runOn ? Doc_paraMore : Doc_para)(c->d, Buf_str(&para));
         runOn = 0;
         Buf_clear(&para);
      }
      if ((blank || !*p) && nentries > 0) {
         Doc_list(c->d, entries, nentries);
         for (size_t i = 0; i < nentries; i++)
            free((char *)entries[i]);
         nentries = 0;
      }
      if (!*p)
         break;
      p++;
   }
   if (!docSaid && sj->del) {
      /* no note, a document: "The ES delegation presented doc. WK 5192/17." */
      Outcome_subject(c, &para, sj, 0);
      Phrase_capitalise(&para, 0);
      Buf_addf(&para, " presented doc. %s.", docText);
      (runOn ? Doc_paraMore : Doc_para)(c->d, Buf_str(&para));
   }
   free(entries);
   Buf_free(&para);
   Buf_free(&piece);
}

/* Is the document one of the item's own (already under its title)? */
static int Outcome_itemHasDoc(const Ctx *c, const char *docText) {
   const Item *it = Agenda_item(&c->s->agenda, c->item);
   for (size_t i = 0; it && c->st->item_documents && i < it->ndocs; i++)
      if (it->docs[i].text && strcmp(it->docs[i].text, docText) == 0)
         return 1;
   return 0;
}

/* An intervention's notes (Notes_text). */
static const char *Outcome_notes(Ctx *c, const Intervention *iv) {
   if (c->notesOf == iv)
      return c->notesText;   /* asked again for the same: not joined twice */
   const char *t = Notes_text(&iv->notes, &c->notes);
   if (c->notes.failed)
      abort();
   c->notesOf = iv;
   c->notesText = t;
   return t;
}

static void Outcome_intervention(Ctx *c, const Intervention *iv) {
   Subject sj = { Outcome_del(c, iv->delegation), NULL };
   const char *docText = iv->has_doc && iv->doc->text ? iv->doc->text : NULL;
   if (docText && Outcome_itemHasDoc(c, docText))
      docText = NULL;
   Outcome_text(c, Outcome_notes(c, iv), &sj, docText);
}

static void Outcome_para(Ctx *c, const Para *pa) {
   Subject sj = { NULL, pa->kind == GV_PARA_GROUP ? pa : NULL };
   Outcome_text(c, pa->text, &sj, NULL);
}

static int Outcome_hasWords(Ctx *c, const Intervention *iv) {
   if (iv->has_doc)
      return 1;
   for (const char *p = Outcome_notes(c, iv); *p; p++)
      if (*p != ' ' && *p != '\n')
         return 1;
   return 0;
}

/* Sorts roster indexes by code (insertion sort: the lists are short). */
static void Outcome_sortCodes(const Ctx *c, size_t *idx, size_t n) {
   for (size_t i = 1; i < n; i++) {
      size_t v = idx[i], j = i;
      for (; j > 0 && strcmp(Outcome_del(c, idx[j - 1])->code, Outcome_del(c, v)->code) > 0; j--)
         idx[j] = idx[j - 1];
      idx[j] = v;
   }
}

/* Item notes, then interventions and paragraphs in reading order, then
 * "The following delegations also took the floor: DE, ES and HU." for those
 * without words (never one named in a group paragraph). */
static void Outcome_said(Ctx *c, size_t idx, const Item *it) {
   c->item = idx;
   if (it->notes && *it->notes) {
      Subject none = { NULL, NULL };
      Outcome_text(c, it->notes, &none, NULL);
   }
   size_t roster = c->s->roster.count;
   char *spoke = calloc(roster + 1, 1);   /* 1: has words or a group; 2: only took the floor */
   size_t *seq = calloc(roster + 1, sizeof *seq), nseq = 0;   /* speaking order */
   if (!spoke || !seq)
      abort();
   for (size_t i = 0; i < it->nsaid; i++) {
      if (it->said[i].kind == GV_SAID_PARA) {
         const Para *pa = &c->s->rec.paras[it->said[i].index];
         Outcome_para(c, pa);
         for (size_t m = 0; m < pa->nmembers; m++)
            if (pa->members[m] < roster)
               spoke[pa->members[m]] = 1;
         continue;
      }
      const Intervention *iv = Session_intervention(c->s, it->said[i].index);
      if (!iv || iv->deleted || iv->delegation >= roster)
         continue;
      if (Outcome_hasWords(c, iv)) {
         Outcome_intervention(c, iv);
         spoke[iv->delegation] = 1;
      } else if (!spoke[iv->delegation]) {
         spoke[iv->delegation] = 2;
         seq[nseq++] = iv->delegation;
      }
   }
   size_t *ms = calloc(roster + 1, sizeof *ms), *other = calloc(roster + 1, sizeof *other);
   if (!ms || !other)
      abort();
   size_t nms = 0, nother = 0;
   for (size_t i = 0; i < (c->st->also_order == STYLE_ORDER_SPEAKING ? nseq : roster); i++) {
      size_t di = c->st->also_order == STYLE_ORDER_SPEAKING ? seq[i] : c->order[i];
      if (spoke[di] != 2)
         continue;
      if (Outcome_del(c, di)->kind == GV_KIND_MS)
         ms[nms++] = di;
      else
         other[nother++] = di;
   }
   if (c->st->also_order == STYLE_ORDER_ALPHABETICAL)
      Outcome_sortCodes(c, ms, nms);
   Buf b = BUF_INIT;
   if (nother > 0) {
      for (size_t i = 0; i < nother; i++) {
         if (i > 0)
            Buf_add(&b, i + 1 == nother ? " and " : ", ");
         Subject sj = { Outcome_del(c, other[i]), NULL };
         Outcome_subject(c, &b, &sj, 0);
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
      Outcome_joinShort(c, &b, ms, nms, " and ");
      Buf_addc(&b, '.');
   }
   if (b.len > 0)
      Doc_para(c->d, Buf_str(&b));
   Buf_free(&b);
   free(ms);
   free(other);
   free(spoke);
   free(seq);
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
   const Records *rec = &c->s->rec;
   size_t total = 1;
   for (size_t k = c->posFirst[idx]; k != GV_NONE; k = c->posNext[k])
      total++;
   for (size_t k = c->resFirst[idx]; k != GV_NONE; k = c->resNext[k])
      total++;
   Entry *e = calloc(total, sizeof *e);
   if (!e)
      abort();
   Buf b = BUF_INIT;
   for (int st = 0; st < GV_STANCE_COUNT; st++) {
      size_t n = 0;
      const Position *p;
      for (size_t k = c->posFirst[idx]; k != GV_NONE && (p = &rec->pos[k]); k = c->posNext[k])
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
      for (size_t k = c->resFirst[idx]; k != GV_NONE && (r = &rec->res[k]); k = c->resNext[k]) {
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
   for (size_t k = c->resFirst[idx]; k != GV_NONE && (r = &rec->res[k]); k = c->resNext[k])
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
   /* "31 May" without the year of the meeting, when the style says so */
   Buf day = BUF_INIT;
   Outcome_date(&day, dl->day);
   if (!c->st->deadline_year && c->s->meta.date != GV_NO_DAY) {
      int64_t y1, y2;
      unsigned m, d;
      Date_civil_from_days(dl->day, &y1, &m, &d);
      Date_civil_from_days(c->s->meta.date, &y2, &m, &d);
      char *sp = strrchr(day.data, ' ');
      if (y1 == y2 && sp)
         *sp = '\0';
   }
   if (dl->set_by != GV_NONE) {
      Outcome_phrase(&b, Outcome_del(c, dl->set_by));
      Phrase_capitalise(&b, 0);
      Buf_add(&b, " set ");
      Buf_add(&b, Buf_str(&day));
      Buf_add(&b, " as the deadline for ");
      Buf_add(&b, Buf_str(&w));
   } else {
      Buf_add(&b, "The deadline for ");
      Buf_add(&b, Buf_str(&w));
      Buf_add(&b, " was set at ");
      Buf_add(&b, Buf_str(&day));
   }
   Buf_free(&day);
   if (dl->for_whom != GV_NONE) {
      Buf_add(&b, " (for ");
      Outcome_phrase(&b, Outcome_del(c, dl->for_whom));
      Buf_addc(&b, ')');
   }
   Buf_addc(&b, '.');
   /* the reference ends the item's last paragraph with it */
   (c->st->deadline_joins && dl->item != GV_NONE ? Doc_paraMore : Doc_para)(c->d, Buf_str(&b));
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
   if (Outcome_isPredicate(c, q))
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
   for (size_t k = c->dlFirst[idx]; k != GV_NONE; k = c->dlNext[k])
      Outcome_deadline(c, &r->deadlines[k]);
   for (size_t k = c->actFirst[idx]; k != GV_NONE; k = c->actNext[k])
      Outcome_action(c, &r->actions[k]);
}

/* ---- items -------------------------------------------------------------- */

/* The numbering: `set numbering` of the session, else the house style's. */
static GvNumbering Outcome_numbering(const Ctx *c) {
   return c->s->meta.numbering_set ? c->s->meta.numbering : c->st->numbering;
}

/* "3.1." for numeric style, "a)" as it is for letters. */
static void Outcome_number(const Ctx *c, size_t idx, Buf *b) {
   char label[64];
   Agenda_label(&c->s->agenda, idx, Outcome_numbering(c), label, sizeof label);
   Buf_add(b, label);
   if (b->len > 0 && b->data[b->len - 1] != ')' && b->data[b->len - 1] != '.')
      Buf_addc(b, '.');
}

/* What an item says under its heading. */
static void Outcome_body(Ctx *c, size_t idx, const Item *it, int *attendanceDone) {
   int adoption = Outcome_isAdoption(it);
   c->item = idx;
   if (adoption)
      Outcome_adoption(c, it);
   if (!*attendanceDone && (adoption || Outcome_adoptionIndex(c) == GV_NONE)) {
      Outcome_attendance(c);
      *attendanceDone = 1;
   }
   Outcome_said(c, idx, it);
   Outcome_positions(c, idx);
   Outcome_closing(c, idx, it);
}

static void Outcome_items(Ctx *c) {
   const Agenda *a = &c->s->agenda;
   int attendanceDone = 0;
   size_t *joined = calloc(Agenda_count(a) + 1, sizeof *joined), njoined = 0;
   if (!joined)
      abort();
   int prevInfo = 0;
   for (size_t k = 0; k < Agenda_count(a); k++) {
      size_t idx = Agenda_index_at(a, k);
      const Item *it = Agenda_at(a, k);
      if (it->dropped)
         continue;
      c->underPoint = 0;
      if (it->kind == GV_ITEM_HEADING) {
         /* "– Discussion on ...": a heading that is not an agenda item */
         Doc_heading(c->d, (int)it->depth + 1, c->st->heading_mark, it->title ? it->title : "");
      } else if (Outcome_isInfoPoint(it) && !c->st->info_headings &&
                 (it->nsaid > 0 || (it->notes && *it->notes))) {
         /* "Under this point the HU delegation informed ...": no heading */
         c->underPoint = !prevInfo;
      } else {
         Buf num = BUF_INIT;
         Outcome_number(c, idx, &num);
         Doc_heading(c->d, (int)it->depth + 1, Buf_str(&num), it->title ? it->title : "");
         Buf_free(&num);
         if (it->ndocs > 0 && !Outcome_isAdoption(it) && c->st->item_documents) {
            Buf b = BUF_INIT;
            Buf_add(&b, it->ndocs == 1 ? "Doc. " : "Docs. ");
            Outcome_docList(&b, it);
            Doc_docs(c->d, Buf_str(&b));
            Buf_free(&b);
         }
      }
      prevInfo = Outcome_isInfoPoint(it) && !c->st->info_headings && it->nsaid > 0;
      /* `item join`: the next heading follows at once, one text after both */
      size_t next = Agenda_index_at(a, k + 1);
      if (next != GV_NONE && a->items[next].joined == idx && !a->items[next].dropped) {
         joined[njoined++] = idx;
         continue;
      }
      for (size_t j = 0; j < njoined; j++)
         Outcome_body(c, joined[j], Agenda_item(a, joined[j]), &attendanceDone);
      njoined = 0;
      Outcome_body(c, idx, it, &attendanceDone);
   }
   free(joined);
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
   /* who spoke counts as present when nobody recorded otherwise */
   char *spoke = calloc(r->count + 1, 1);
   if (!spoke)
      abort();
   for (size_t i = 0; i < c->s->floor.count; i++) {
      const Intervention *iv = &c->s->floor.list[i];
      if (!iv->deleted && iv->delegation < r->count) {
         size_t d = iv->delegation;
         spoke[r->list[d].parent != GV_NONE ? r->list[d].parent : d] = 1;
      }
   }
   for (size_t i = 0; i < c->s->rec.nparas; i++)
      for (size_t m = 0; !c->s->rec.paras[i].deleted && m < c->s->rec.paras[i].nmembers; m++)
         spoke[c->s->rec.paras[i].members[m]] = 1;
   int chairSpoke = 0;
   for (size_t i = 0; i < r->count; i++) {
      const Delegation *del = Outcome_del(c, c->order[i]);
      if (del->kind == GV_KIND_CHAIR)
         chairSpoke |= spoke[c->order[i]];
      /* delegations only: no units, no Chair, not those a later roster left out */
      if (del->parent != GV_NONE || del->kind == GV_KIND_CHAIR || (del->retired && !spoke[c->order[i]]))
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
                            : spoke[c->order[i]]                  ? "Present"
                                                                  : "Not recorded";
      rows++;
   }
   if (rows > 1)
      Doc_table(c->d, cells, rows, 3, 0, 1u << 0 | 1u << 2);
   else
      Doc_para(c->d, "None.");
   /* the Chair apart, never a delegation */
   const char *chair = c->s->meta.chair && *c->s->meta.chair ? c->s->meta.chair : NULL;
   if (chair || chairSpoke) {
      Buf b = BUF_INIT;
      Buf_add(&b, "Chair: ");
      Buf_add(&b, chair ? chair : "the Chair");
      Buf_addc(&b, '.');
      Doc_para(c->d, Buf_str(&b));
      Buf_free(&b);
   }
   free(spoke);
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
   /* delegations in protocol order, then the Chair apart */
   for (size_t pass = 0; pass < 2; pass++)
   for (size_t i = 0; i < r->count; i++) {
      size_t di = c->order[i];
      if (st[di].interventions == 0 || (r->list[di].kind == GV_KIND_CHAIR) != (pass == 1))
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
         Agenda_label(&c->s->agenda, item, Outcome_numbering(c), label, sizeof label);
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

/* Chains n records (each size bytes, its item's index at offset item) by
 * item in record order: (*first)[item] is the item's first record, (*next)[k]
 * the one after record k, GV_NONE at the end. A record of no item (or of an
 * item not in the agenda) is in no chain. */
static void Outcome_chain(size_t items, const void *recs, size_t n, size_t size, size_t item,
                          size_t **first, size_t **next) {
   *first = malloc((items + 1) * sizeof **first);
   *next = malloc((n + 1) * sizeof **next);
   if (!*first || !*next)
      abort();
   for (size_t i = 0; i <= items; i++)
      (*first)[i] = GV_NONE;
   for (size_t i = n; i-- > 0;) {
      size_t it;
      memcpy(&it, (const char *)recs + i * size + item, sizeof it);
      (*next)[i] = GV_NONE;
      if (it < items) {
         (*next)[i] = (*first)[it];
         (*first)[it] = i;
      }
   }
}

void Outcome_build(Doc *d, const Session *s, const OutcomeOptions *o) {
   Style builtin;
   Style_default(&builtin);
   Ctx c = { .s = s, .d = d, .st = o && o->style ? o->style : &builtin };
   size_t n = s->roster.count;
   c.order = calloc(n + 1, sizeof *c.order);
   c.rank = calloc(n + 1, sizeof *c.rank);
   if (!c.order || !c.rank)
      abort();
   if (n > 0)
      Roster_protocol_order(&s->roster, c.order);
   for (size_t i = 0; i < n; i++)
      c.rank[c.order[i]] = i;
   size_t items = s->agenda.count;
   const Records *rec = &s->rec;
   Outcome_chain(items, rec->pos, rec->npos, sizeof *rec->pos, offsetof(Position, item), &c.posFirst, &c.posNext);
   Outcome_chain(items, rec->res, rec->nres, sizeof *rec->res, offsetof(Reservation, item), &c.resFirst, &c.resNext);
   Outcome_chain(items, rec->deadlines, rec->ndeadlines, sizeof *rec->deadlines, offsetof(Deadline, item),
                 &c.dlFirst, &c.dlNext);
   Outcome_chain(items, rec->actions, rec->nactions, sizeof *rec->actions, offsetof(Action, item),
                 &c.actFirst, &c.actNext);
   Outcome_header(&c, o);
   Outcome_items(&c);
   Outcome_annexes(&c, o ? o->annexes : 0);
   free(c.order);
   free(c.rank);
   free(c.posFirst);
   free(c.resFirst);
   free(c.posNext);
   free(c.resNext);
   free(c.dlFirst);
   free(c.dlNext);
   free(c.actFirst);
   free(c.actNext);
   GvBuf_free(&c.notes);
}

/* Every format is written a block at a time as Outcome_build composes
 * them: the header is complete before the first block. */
typedef struct OutcomeStream {
   FILE *out;
   OutcomeFormat f;
   int begun;
   OutcomeMd md;
   OutcomeHtml html;
   OutcomeTxt txt;
   OutcomeDocx docx;
} OutcomeStream;

static void Outcome_begin(OutcomeStream *w, const Doc *d) {
   if (w->begun)
      return;
   w->begun = 1;
   switch (w->f) {
   case OUTCOME_MD: OutcomeMd_begin(&w->md, w->out, &d->header); break;
   case OUTCOME_HTML: OutcomeHtml_begin(&w->html, w->out, &d->header); break;
   case OUTCOME_TXT: OutcomeTxt_begin(&w->txt, w->out, &d->header); break;
   case OUTCOME_DOCX: OutcomeDocx_begin(&w->docx, w->out, &d->header); break;
   }
}

static void Outcome_emit(void *ctx, const Doc *d, const DocBlock *b) {
   OutcomeStream *w = ctx;
   Outcome_begin(w, d);
   switch (w->f) {
   case OUTCOME_MD: OutcomeMd_block(&w->md, b); break;
   case OUTCOME_HTML: OutcomeHtml_block(&w->html, b); break;
   case OUTCOME_TXT: OutcomeTxt_block(&w->txt, b); break;
   case OUTCOME_DOCX: OutcomeDocx_block(&w->docx, b); break;
   }
}

int Outcome_write(FILE *out, const Session *s, OutcomeFormat f, const OutcomeOptions *o) {
   Doc d;
   Doc_init(&d);
   int rc = 0;
   OutcomeStream w = { .out = out, .f = f, .begun = 0 };
   Doc_stream(&d, Outcome_emit, &w);
   Outcome_build(&d, s, o);
   Doc_flush(&d);
   Outcome_begin(&w, &d);
   switch (f) {
   case OUTCOME_MD: OutcomeMd_end(&w.md); break;
   case OUTCOME_HTML: OutcomeHtml_end(&w.html, &d.header); break;
   case OUTCOME_TXT: OutcomeTxt_end(&w.txt); break;
   case OUTCOME_DOCX: rc = OutcomeDocx_end(&w.docx, &d.header); break;
   }
   Doc_free(&d);
   return rc;
}
