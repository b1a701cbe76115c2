/* The state image (session_image.h). Its parts follow model/session_copy.c,
 * the list of what state a session has; every read is bounds-checked and
 * every index checked against what it names, so that a damaged image is
 * refused, never followed. */
#include "model/session_image.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/floor.h"

static const char Magic[12] = "gavel-state";
_Static_assert(sizeof(JournalLine) == 8, "journal lines are written as they are held");
#define NO_STR UINT32_MAX

/* ---- writing ----------------------------------------------------------- */

/* Inline while there is room (an image is a few hundred thousand fields);
 * GvBuf_append grows the buffer. */
static inline void put(GvBuf *b, const void *p, size_t n) {
   if (!b->failed && b->data && b->len + n < b->cap) {
      memcpy(b->data + b->len, p, n);
      b->len += n;
      b->data[b->len] = '\0';
   } else {
      GvBuf_append(b, p, n);
   }
}
static void u8(GvBuf *b, unsigned v) {
   unsigned char c = (unsigned char)v;
   put(b, &c, 1);
}
static void u32(GvBuf *b, uint32_t v) {
   put(b, &v, sizeof v);
}
static void u64(GvBuf *b, uint64_t v) {
   put(b, &v, sizeof v);
}
static void i64(GvBuf *b, int64_t v) {
   put(b, &v, sizeof v);
}
static void str(GvBuf *b, const char *s) {
   if (!s) {
      u32(b, NO_STR);
      return;
   }
   size_t n = strlen(s);
   if (n >= NO_STR) {
      b->failed = true;
      return;
   }
   u32(b, (uint32_t)n);
   put(b, s, n);
}
static void idxs(GvBuf *b, const size_t *a, size_t n) {
   u64(b, n);
   if (n)
      put(b, a, n * sizeof *a);
}

/* The sizes of what the image stands for: another build's is not read. */
static void guard(uint32_t g[16]) {
   uint32_t v[16] = { (uint32_t)sizeof(Session), (uint32_t)sizeof(SessionMeta),
                      (uint32_t)sizeof(Delegation), (uint32_t)sizeof(Item),
                      (uint32_t)sizeof(Intervention), (uint32_t)sizeof(Position),
                      (uint32_t)sizeof(Reservation), (uint32_t)sizeof(Deadline),
                      (uint32_t)sizeof(Action), (uint32_t)sizeof(Para), (uint32_t)sizeof(DocRef),
                      (uint32_t)sizeof(Journal), (uint32_t)sizeof(JournalEntry),
                      (uint32_t)sizeof(size_t), GV_JOURNAL_VERSION, 0x01020304u };
   memcpy(g, v, sizeof v);
}

static void docref(GvBuf *b, const DocRef *d) {
   u8(b, d->kind);
   put(b, d->series, sizeof d->series);
   u64(b, d->number);
   u32(b, d->revision);
   u32(b, d->year);
   u32(b, d->rev);
   u32(b, d->add);
   u32(b, d->cor);
   u8(b, d->init);
   str(b, d->text);
}

/* Notes: 0 none, 1 a slice of the held text, 2 text of their own, 3 pieces. */
static bool notes(GvBuf *b, const Session *s, const Notes *n) {
   const Journal *j = &s->journal;
   if (n->len == 0) {
      u8(b, 0);
      return true;
   }
   if (!Notes_piece_count(n)) {
      const char *t = Notes_piece(n, 0);
      if (Session_holds(s, t, n->len)) {
         u8(b, 1);
         u64(b, (uint64_t)(t - j->held));
         u32(b, n->len);
      } else {
         u8(b, 2);
         u32(b, n->len);
         put(b, t, n->len);
      }
      return true;
   }
   /* A list of slices of the held text, each NUL-ended where it stops. */
   u8(b, 3);
   size_t count = Notes_piece_count(n);
   u32(b, (uint32_t)count);
   for (size_t i = 0; i < count; i++) {
      const char *p = Notes_piece(n, i);
      size_t pl = strlen(p);
      if (!Session_holds(s, p, pl))
         return false;
      u64(b, (uint64_t)(p - j->held));
      u32(b, (uint32_t)pl);
   }
   return true;
}

static void journal(GvBuf *b, const Journal *j) {
   u64(b, j->nlines);
   if (j->nlines)
      put(b, j->lines, j->nlines * sizeof *j->lines);
   u64(b, j->ncopies);
   for (size_t i = 0; i < j->ncopies; i++)
      str(b, j->copies[i]);
   u64(b, j->nentries);
   for (size_t i = 0; i < j->nentries; i++) {
      const JournalEntry *e = &j->entries[i];
      u32(b, e->first);
      u32(b, e->nlines);
      u32(b, e->target);
      u8(b, e->kind);
      u8(b, e->in_force);
   }
   u64(b, j->nforced);
   for (size_t i = 0; i < j->nforced; i++)
      u32(b, j->forced[i]);
   u64(b, j->nredo);
   for (size_t i = 0; i < j->nredo; i++)
      u32(b, j->redo[i]);
   u8(b, j->orphans);
   u64(b, j->awaiting);
}

static void meta(GvBuf *b, const SessionMeta *m) {
   const char *st[] = { m->body, m->place, m->chair, m->docno, m->codes, m->marking,
                        m->language, m->from, m->to, m->subject, m->type, m->on,
                        m->headers, m->access, m->style };
   for (size_t i = 0; i < sizeof st / sizeof *st; i++)
      str(b, st[i]);
   i64(b, m->date);
   i64(b, m->start);
   i64(b, m->end);
   u32(b, m->numbering);
   u8(b, m->numbering_set);
   i64(b, m->date_end);
   i64(b, m->doc_date);
   u8(b, m->on_set);
}

static void roster(GvBuf *b, const Roster *r) {
   u64(b, r->count);
   for (size_t i = 0; i < r->count; i++) {
      const Delegation *d = &r->list[i];
      str(b, d->code);
      str(b, d->name);
      str(b, d->native);
      str(b, d->phrase);
      u32(b, d->kind);
      u32(b, (uint32_t)d->order);
      u64(b, d->parent);
      u32(b, d->attendance);
      u8(b, d->retired);
   }
   idxs(b, r->byc, r->byc ? r->byc_cap : 0);
   u64(b, r->byc_count);
}

static void item(GvBuf *b, const Item *it) {
   put(b, it->uuid, sizeof it->uuid);
   str(b, it->title);
   u32(b, it->kind);
   u32(b, it->state);
   u64(b, it->ndocs);
   for (size_t k = 0; k < it->ndocs; k++)
      docref(b, &it->docs[k]);
   str(b, it->dossier);
   i64(b, it->taken_up);
   u8(b, it->added);
   u64(b, it->requested_by);
   u64(b, it->parent);
   idxs(b, it->children, it->nchildren);
   u8(b, it->dropped);
   u32(b, it->depth);
   u32(b, it->number);
   u32(b, it->shown);
   u64(b, it->nqueue);
   for (size_t k = 0; k < it->nqueue; k++) {
      u64(b, it->queue[k].delegation);
      u8(b, it->queue[k].point_of_order);
      i64(b, it->queue[k].asked);
   }
   u32(b, it->outcome);
   str(b, it->outcome_text);
   str(b, it->notes);
   idxs(b, it->interventions, it->ninterventions);
   u64(b, it->nsaid);
   for (size_t k = 0; k < it->nsaid; k++) {
      u8(b, it->said[k].kind);
      u64(b, it->said[k].index);
   }
   u64(b, it->added_during);
   u64(b, it->joined);
}

static void agenda(GvBuf *b, const Agenda *a) {
   u64(b, a->count);
   for (size_t i = 0; i < a->count; i++)
      item(b, &a->items[i]);
   idxs(b, a->top, a->ntop);
   idxs(b, a->order, a->norder);
   u64(b, a->current);
   u8(b, a->started);
   idxs(b, a->byuuid, a->byuuid ? a->byuuid_cap : 0);
}

static bool floor_(GvBuf *b, const Session *s) {
   const Floor *f = &s->floor;
   if (f->borrowed)
      return false;
   u64(b, f->count);
   for (size_t i = 0; i < f->count; i++) {
      const Intervention *iv = &f->list[i];
      put(b, iv->uuid, sizeof iv->uuid);
      u8(b, iv->point_of_order);
      u8(b, iv->has_doc);
      u8(b, iv->deleted);
      u64(b, iv->item);
      u64(b, iv->delegation);
      i64(b, iv->start);
      i64(b, iv->end);
      if (!notes(b, s, &iv->notes))
         return false;
      if (iv->has_doc)
         docref(b, iv->doc);
   }
   u64(b, f->speaking);
   return true;
}

static void records(GvBuf *b, const Records *r) {
   u64(b, r->npos);
   for (size_t i = 0; i < r->npos; i++) {
      const Position *p = &r->pos[i];
      put(b, p->uuid, sizeof p->uuid);
      u64(b, p->item);
      u64(b, p->delegation);
      u32(b, p->stance);
      str(b, p->text);
      i64(b, p->time);
   }
   u64(b, r->nres);
   for (size_t i = 0; i < r->nres; i++) {
      const Reservation *p = &r->res[i];
      put(b, p->uuid, sizeof p->uuid);
      u64(b, p->item);
      u64(b, p->delegation);
      u32(b, p->type);
      u32(b, p->status);
      str(b, p->text);
      i64(b, p->time);
   }
   u64(b, r->ndeadlines);
   for (size_t i = 0; i < r->ndeadlines; i++) {
      const Deadline *d = &r->deadlines[i];
      put(b, d->uuid, sizeof d->uuid);
      u64(b, d->item);
      i64(b, d->day);
      str(b, d->what);
      u64(b, d->set_by);
      u64(b, d->for_whom);
      i64(b, d->time);
   }
   u64(b, r->nactions);
   for (size_t i = 0; i < r->nactions; i++) {
      const Action *a = &r->actions[i];
      put(b, a->uuid, sizeof a->uuid);
      u64(b, a->item);
      u64(b, a->owner);
      i64(b, a->due);
      str(b, a->what);
      u8(b, a->done);
      i64(b, a->created);
      i64(b, a->done_at);
   }
   u64(b, r->nparas);
   for (size_t i = 0; i < r->nparas; i++) {
      const Para *p = &r->paras[i];
      put(b, p->uuid, sizeof p->uuid);
      u64(b, p->item);
      u32(b, p->kind);
      str(b, p->phrase);
      idxs(b, p->members, p->nmembers);
      str(b, p->text);
      u8(b, p->deleted);
      i64(b, p->time);
   }
}

bool SessionImage_write(const Session *s, GvBuf *out) {
   if (s->loading || s->stale)
      return false;
   size_t start = out->len;
   put(out, Magic, sizeof Magic);
   u32(out, GV_IMAGE_VERSION);
   uint32_t g[16];
   guard(g);
   put(out, g, sizeof g);
   journal(out, &s->journal);
   put(out, s->uuid, sizeof s->uuid);
   meta(out, &s->meta);
   roster(out, &s->roster);
   agenda(out, &s->agenda);
   if (!floor_(out, s)) {
      GvBuf_truncate(out, start);
      return false;
   }
   records(out, &s->rec);
   str(out, s->roster_name);
   i64(out, s->clock);
   i64(out, s->last_time);
   put(out, s->day_key, sizeof s->day_key);
   i64(out, s->day_start);
   u8(out, s->unchecked);
   return !out->failed;
}

/* ---- reading ----------------------------------------------------------- */

/* Notes placed in the text before it is there: checked by settle(). */
struct SessionImagePending {
   size_t *at;        /* pairs: offset, length */
   size_t n, cap;
};

typedef struct Reader {
   const unsigned char *p, *end;
   const char *why;   /* the first problem, or NULL */
   Session *s;
   size_t covered;
   SessionImagePending *pending;   /* the text is not read now: notes kept here */
} Reader;

static bool bad(Reader *r, const char *why) {
   if (!r->why)
      r->why = why;
   return false;
}

static inline bool room(const Reader *r, size_t n) {
   return !r->why && (size_t)(r->end - r->p) >= n;
}

static bool take(Reader *r, void *dst, size_t n) {
   if (!room(r, n)) {
      memset(dst, 0, n);
      return bad(r, "cut short");
   }
   memcpy(dst, r->p, n);
   r->p += n;
   return true;
}
/* The fixed-size reads, inline: an image holds a few hundred thousand. */
#define GET(T, name) \
   static inline T name(Reader *r) { \
      T v = 0; \
      if (room(r, sizeof v)) { \
         memcpy(&v, r->p, sizeof v); \
         r->p += sizeof v; \
      } else { \
         bad(r, "cut short"); \
      } \
      return v; \
   }
GET(unsigned char, g8raw)
GET(uint32_t, g32)
GET(uint64_t, g64)
GET(int64_t, gi64)
#undef GET
static unsigned g8(Reader *r) {
   return g8raw(r);
}
/* Loads from bytes already known to be there: a run of fixed-size fields
 * (an array's elements, a record's head) is checked for room once, then
 * read with these. */
#define LD(T, name) \
   static inline T name(const unsigned char *q) { \
      T v; \
      memcpy(&v, q, sizeof v); \
      return v; \
   }
LD(uint32_t, ld32)
LD(uint64_t, ld64)
LD(int64_t, ldi64)
#undef LD
static bool gbool(Reader *r) {
   unsigned v = g8(r);
   if (v > 1)
      bad(r, "a flag out of range");
   return v == 1;
}
/* An enum below count. */
static unsigned genum(Reader *r, unsigned count) {
   uint32_t v = g32(r);
   if (v >= count) {
      bad(r, "a kind out of range");
      return 0;
   }
   return v;
}
/* A count of elements of at least `each` bytes: never more than are left. */
static size_t gcount(Reader *r, size_t each) {
   uint64_t n = g64(r);
   if (n > (uint64_t)(r->end - r->p) / (each ? each : 1)) {
      bad(r, "a count larger than the image");
      return 0;
   }
   return (size_t)n;
}
static void guuid(Reader *r, char u[37]) {
   take(r, u, 37);
   u[36] = '\0';
}
/* A string, NULL when none was written. False on damage or ENOMEM. */
static bool gstr(Reader *r, char **out) {
   *out = NULL;
   uint32_t n = g32(r);
   if (r->why || n == NO_STR)
      return !r->why;
   if (n > (size_t)(r->end - r->p))
      return bad(r, "a text longer than the image");
   if (memchr(r->p, '\0', n))
      return bad(r, "a NUL in a text");
   if (!(*out = malloc((size_t)n + 1)))
      return bad(r, "out of memory");
   memcpy(*out, r->p, n);
   (*out)[n] = '\0';
   r->p += n;
   return true;
}
static bool gidxs(Reader *r, size_t **a, size_t *n) {
   *a = NULL;
   *n = gcount(r, sizeof **a);
   if (r->why || !*n)
      return !r->why;
   if (!(*a = malloc(*n * sizeof **a)))
      return bad(r, "out of memory");
   return take(r, *a, *n * sizeof **a);
}

static bool gdocref(Reader *r, DocRef *d) {
   memset(d, 0, sizeof *d);
   unsigned k = g8(r);
   if (k > GV_DOCREF_FREE)
      return bad(r, "a document kind out of range");
   d->kind = (GvDocRefKind)k;
   take(r, d->series, sizeof d->series);
   d->series[sizeof d->series - 1] = '\0';
   d->number = (unsigned long)g64(r);
   d->revision = g32(r);
   d->year = g32(r);
   d->rev = g32(r);
   d->add = g32(r);
   d->cor = g32(r);
   d->init = gbool(r);
   return gstr(r, &d->text);
}

/* A slice of the held text, NUL-ended where it stops (the journal's line
 * ends are NULs by now). */
/* Room in pending for `more` slices (none needed without it). */
static bool pending_room(Reader *r, size_t more) {
   SessionImagePending *p = r->pending;
   if (!p || p->n + 2 * more <= p->cap)
      return true;
   size_t cap = p->cap ? p->cap : 1024;
   while (cap < p->n + 2 * more)
      cap *= 2;
   size_t *a = realloc(p->at, cap * sizeof *a);
   if (!a)
      return bad(r, "out of memory");
   p->at = a;
   p->cap = cap;
   return true;
}
/* The slice at[0..len) of the held text; pending has room for it. */
static const char *place(Reader *r, uint64_t at, size_t len) {
   const Journal *j = &r->s->journal;
   if (!j->held || at >= r->covered || len >= r->covered - at ||
       (!r->pending && j->held[at + len] != '\0')) {
      bad(r, "a note outside the file it stands for");
      return NULL;
   }
   if (r->pending) {
      r->pending->at[r->pending->n++] = (size_t)at;
      r->pending->at[r->pending->n++] = len;
   }
   return j->held + at;
}
static const char *gslice(Reader *r, size_t *len) {
   uint64_t at = g64(r);
   *len = g32(r);
   if (r->why || !pending_room(r, 1))
      return NULL;
   return place(r, at, *len);
}

static bool gnotes(Reader *r, Notes *n) {
   Notes_init(n);
   unsigned form = g8(r);
   size_t len;
   switch (form) {
   case 0:
      return !r->why;
   case 1: {
      const char *t = gslice(r, &len);
      return t && (Notes_set_slice(n, t, len) || bad(r, "out of memory"));
   }
   case 2:
      len = g32(r);
      if (r->why || len > (size_t)(r->end - r->p))
         return bad(r, "a note longer than the image");
      if (!Notes_set(n, (const char *)r->p, len))
         return bad(r, "out of memory");
      r->p += len;
      return true;
   case 3: {
      uint32_t count = g32(r);
      if (count < 2 || count > (size_t)(r->end - r->p) / 12)
         return bad(r, "a count of notes out of range");
      /* count * 12 bytes are there (checked above): read without a check each. */
      if (!pending_room(r, count))
         return false;
      const unsigned char *q = r->p;
      r->p += (size_t)count * 12;
      const char *after = NULL;   /* the pieces follow one another in the text */
      for (uint32_t i = 0; i < count; i++, q += 12) {
         len = ld32(q + 8);
         const char *t = place(r, ld64(q), len);
         if (!t)
            return false;
         if (len == 0 || (after && t < after))
            return bad(r, "a note list out of order");
         after = t + len + 1;
         /* The list made once, with room for all its pieces. */
         if (!(i ? Notes_add_slice(n, t, len)
                 : Notes_set_slice(n, t, len) && Notes_reserve_pieces(n, count)))
            return bad(r, "out of memory");
      }
      return true;
   }
   default:
      return bad(r, "a form of notes out of range");
   }
}

static bool gjournal(Reader *r) {
   Journal *j = &r->s->journal;
   size_t nlines = gcount(r, 8);
   if (r->why)
      return false;
   if (nlines >= GV_ENTRY_NONE - 1)
      return bad(r, "too many lines");
   if (nlines && !(j->lines = malloc(nlines * sizeof *j->lines)))
      return bad(r, "out of memory");
   j->lines_cap = nlines;
   size_t copies = 0;
   if (nlines && !take(r, j->lines, nlines * sizeof *j->lines))
      return false;
   size_t after = 0;   /* the held lines follow one another in the text */
   for (size_t i = 0; i < nlines; i++) {
      JournalLine l = j->lines[i];
      if (l.at & JOURNAL_COPY) {
         if ((l.at & ~JOURNAL_COPY) != copies++)
            return bad(r, "the copied lines out of order");
      } else if (!j->held || l.at < after || l.at >= r->covered || l.len >= r->covered - l.at) {
         return bad(r, "a line outside the file it stands for");
      } else {
         after = (size_t)l.at + l.len + 1;
      }
   }
   j->nlines = nlines;
   size_t ncopies = gcount(r, 4);
   if (r->why)
      return false;
   if (ncopies != copies)
      return bad(r, "the copied lines miscounted");
   if (ncopies && !(j->copies = calloc(ncopies, sizeof *j->copies)))
      return bad(r, "out of memory");
   j->copies_cap = ncopies;
   for (size_t i = 0; i < ncopies; i++) {
      if (!gstr(r, &j->copies[i]))
         return false;
      if (!j->copies[i])
         return bad(r, "a copied line missing");
      j->ncopies = i + 1;
   }
   /* Every line is NUL-ended, as the replay leaves it (the held ones by
    * settle(), once the text is there), and as long as said. */
   for (size_t i = 0; i < j->nlines; i++) {
      JournalLine l = j->lines[i];
      if ((l.at & JOURNAL_COPY) && strlen(j->copies[l.at & ~JOURNAL_COPY]) != l.len)
         return bad(r, "a copied line of the wrong length");
   }
   size_t nentries = gcount(r, 14);
   if (r->why)
      return false;
   if (nentries && !(j->entries = malloc(nentries * sizeof *j->entries)))
      return bad(r, "out of memory");
   j->entries_cap = nentries;
   size_t next = 0;
   /* gcount left nentries * 14 bytes there: one check for all of them. */
   const unsigned char *q = r->p;
   r->p += nentries * 14;
   for (size_t i = 0; i < nentries; i++, q += 14) {
      JournalEntry e = { 0 };
      e.first = ld32(q);
      e.nlines = ld32(q + 4);
      e.target = ld32(q + 8);
      e.kind = q[12];
      if (q[13] > 1)
         return bad(r, "a flag out of range");
      e.in_force = q[13] == 1;
      /* The entries cut the lines into runs, in order, without a gap. */
      if (e.first != next || e.nlines == 0 || e.nlines > nlines - next || e.kind > GV_ENTRY_OTHER)
         return bad(r, "an entry out of range");
      next += e.nlines;
      j->entries[i] = e;
      j->nentries = i + 1;
   }
   if (next != nlines)
      return bad(r, "lines without an entry");
   for (int pass = 0; pass < 2; pass++) {
      uint32_t **arr = pass ? &j->redo : &j->forced;
      size_t *n = pass ? &j->nredo : &j->nforced, *cap = pass ? &j->redo_cap : &j->forced_cap;
      size_t c = gcount(r, 4);
      if (r->why)
         return false;
      /* The forced stack has room for one more unit, as Journal_append keeps it. */
      if (!(*arr = malloc((c + 1) * sizeof **arr)))
         return bad(r, "out of memory");
      *cap = c + 1;
      const unsigned char *u = r->p;   /* c * 4 bytes there (gcount) */
      r->p += c * 4;
      for (size_t i = 0; i < c; i++) {
         uint32_t v = ld32(u + 4 * i);
         if (v >= nentries || j->entries[v].kind != GV_ENTRY_UNIT)
            return bad(r, "an undo stack out of range");
         (*arr)[i] = v;
         *n = i + 1;
      }
   }
   j->orphans = gbool(r);
   j->awaiting = (size_t)g64(r);
   return !r->why;
}

static bool gmeta(Reader *r, SessionMeta *m) {
   char **dt[] = { &m->body, &m->place, &m->chair, &m->docno, &m->codes, &m->marking,
                   &m->language, &m->from, &m->to, &m->subject, &m->type, &m->on,
                   &m->headers, &m->access, &m->style };
   for (size_t i = 0; i < sizeof dt / sizeof *dt; i++)
      if (!gstr(r, dt[i]))
         return false;
   m->date = gi64(r);
   m->start = gi64(r);
   m->end = gi64(r);
   m->numbering = (GvNumbering)genum(r, GV_NUMBERING_LETTERS + 1);
   m->numbering_set = gbool(r);
   m->date_end = gi64(r);
   m->doc_date = gi64(r);
   m->on_set = gbool(r);
   return !r->why;
}

/* An open-addressing table: index + 1 per slot (0 empty), a power of two. */
static bool gtable(Reader *r, size_t **t, size_t *cap, size_t limit) {
   if (!gidxs(r, t, cap))
      return false;
   if (*cap & (*cap - 1))
      return bad(r, "a table of the wrong size");
   for (size_t i = 0; i < *cap; i++)
      if ((*t)[i] > limit)
         return bad(r, "a table entry out of range");
   return true;
}

static bool groster(Reader *r, Roster *ro) {
   size_t n = gcount(r, 37);
   if (r->why)
      return false;
   if (n && !(ro->list = calloc(n, sizeof *ro->list)))
      return bad(r, "out of memory");
   ro->cap = n;
   for (size_t i = 0; i < n; i++) {
      Delegation *d = &ro->list[i];
      ro->count = i + 1;
      if (!gstr(r, &d->code) || !gstr(r, &d->name) || !gstr(r, &d->native) || !gstr(r, &d->phrase))
         return false;
      if (!d->code)
         return bad(r, "a delegation without a code");
      d->kind = (GvKind)genum(r, GV_KIND_COUNT);
      d->order = (int)g32(r);
      d->parent = (size_t)g64(r);
      d->attendance = (GvAttendance)genum(r, GV_ATTEND_COUNT);
      d->retired = gbool(r);
   }
   if (!gtable(r, &ro->byc, &ro->byc_cap, n))
      return false;
   ro->byc_count = (size_t)g64(r);
   if (ro->byc_count > n || (ro->byc_count && !ro->byc))
      return bad(r, "a table of codes out of range");
   return !r->why;
}

static bool gitem(Reader *r, Item *it) {
   guuid(r, it->uuid);
   if (!gstr(r, &it->title))
      return false;
   it->kind = (GvItemKind)genum(r, GV_ITEM_KIND_COUNT);
   it->state = (GvItemState)genum(r, GV_ITEM_STATE_COUNT);
   size_t nd = gcount(r, 38);
   if (r->why)
      return false;
   if (nd && !(it->docs = calloc(nd, sizeof *it->docs)))
      return bad(r, "out of memory");
   it->docs_cap = nd;
   for (size_t k = 0; k < nd; k++) {
      it->ndocs = k + 1;
      if (!gdocref(r, &it->docs[k]))
         return false;
   }
   if (!gstr(r, &it->dossier))
      return false;
   it->taken_up = gi64(r);
   it->added = gbool(r);
   it->requested_by = (size_t)g64(r);
   it->parent = (size_t)g64(r);
   if (!gidxs(r, &it->children, &it->nchildren))
      return false;
   it->children_cap = it->nchildren;
   it->dropped = gbool(r);
   it->depth = g32(r);
   it->number = g32(r);
   it->shown = g32(r);
   size_t nq = gcount(r, 17);
   if (r->why)
      return false;
   if (nq && !(it->queue = calloc(nq, sizeof *it->queue)))
      return bad(r, "out of memory");
   it->queue_cap = nq;
   for (size_t k = 0; k < nq; k++) {
      it->queue[k].delegation = (size_t)g64(r);
      it->queue[k].point_of_order = gbool(r);
      it->queue[k].asked = gi64(r);
      it->nqueue = k + 1;
   }
   it->outcome = (GvOutcome)genum(r, GV_OUTCOME_COUNT);
   if (!gstr(r, &it->outcome_text) || !gstr(r, &it->notes) ||
       !gidxs(r, &it->interventions, &it->ninterventions))
      return false;
   it->interventions_cap = it->ninterventions;
   size_t ns = gcount(r, 9);
   if (r->why)
      return false;
   if (ns && !(it->said = calloc(ns, sizeof *it->said)))
      return bad(r, "out of memory");
   it->said_cap = ns;
   for (size_t k = 0; k < ns; k++) {
      unsigned kind = g8(r);
      if (kind > GV_SAID_PARA)
         return bad(r, "a said kind out of range");
      it->said[k].kind = (GvSaidKind)kind;
      it->said[k].index = (size_t)g64(r);
      it->nsaid = k + 1;
   }
   it->added_during = (size_t)g64(r);
   it->joined = (size_t)g64(r);
   return !r->why;
}

static bool gagenda(Reader *r, Agenda *a) {
   size_t n = gcount(r, 37);
   if (r->why)
      return false;
   if (n && !(a->items = calloc(n, sizeof *a->items)))
      return bad(r, "out of memory");
   a->cap = n;
   for (size_t i = 0; i < n; i++) {
      a->count = i + 1;
      if (!gitem(r, &a->items[i]))
         return false;
   }
   if (!gidxs(r, &a->top, &a->ntop) || !gidxs(r, &a->order, &a->norder))
      return false;
   a->top_cap = a->ntop;
   a->order_cap = a->norder;
   a->current = (size_t)g64(r);
   a->started = gbool(r);
   return gtable(r, &a->byuuid, &a->byuuid_cap, n);
}

enum { IV_HEAD = 37 + 3 + 4 * 8 };
static bool gfloor(Reader *r, Floor *f) {
   size_t n = gcount(r, 37);
   if (r->why)
      return false;
   if (n && !(f->list = calloc(n, sizeof *f->list)))
      return bad(r, "out of memory");
   f->cap = n;
   for (size_t i = 0; i < n; i++) {
      Intervention *iv = &f->list[i];
      f->count = i + 1;
      Notes_init(&iv->notes);
      /* The fixed head (uuid, three flags, four fields) checked once. */
      if (!room(r, IV_HEAD))
         return bad(r, "cut short");
      const unsigned char *q = r->p;
      r->p += IV_HEAD;
      memcpy(iv->uuid, q, 37);
      iv->uuid[36] = '\0';
      if ((q[37] | q[38] | q[39]) > 1)
         return bad(r, "a flag out of range");
      iv->point_of_order = q[37];
      bool has_doc = q[38];
      iv->deleted = q[39];
      iv->item = (size_t)ld64(q + 40);
      iv->delegation = (size_t)ld64(q + 48);
      iv->start = ldi64(q + 56);
      iv->end = ldi64(q + 64);
      if (!gnotes(r, &iv->notes))
         return false;
      if (has_doc) {
         if (!(iv->doc = calloc(1, sizeof *iv->doc)))
            return bad(r, "out of memory");
         iv->has_doc = true;
         if (!gdocref(r, iv->doc))
            return false;
      }
   }
   f->speaking = (size_t)g64(r);
   return !r->why;
}

static bool grecords(Reader *r, Records *rc) {
#define LIST(arr, n, cap, each) \
   size_t n##_ = gcount(r, each); \
   if (r->why) \
      return false; \
   if (n##_ && !(rc->arr = calloc(n##_, sizeof *rc->arr))) \
      return bad(r, "out of memory"); \
   rc->cap = n##_;
   LIST(pos, npos, pos_cap, 37)
   for (size_t i = 0; i < npos_; i++) {
      Position *p = &rc->pos[i];
      rc->npos = i + 1;
      guuid(r, p->uuid);
      p->item = (size_t)g64(r);
      p->delegation = (size_t)g64(r);
      p->stance = (GvStance)genum(r, GV_STANCE_COUNT);
      if (!gstr(r, &p->text))
         return false;
      p->time = gi64(r);
   }
   LIST(res, nres, res_cap, 37)
   for (size_t i = 0; i < nres_; i++) {
      Reservation *p = &rc->res[i];
      rc->nres = i + 1;
      guuid(r, p->uuid);
      p->item = (size_t)g64(r);
      p->delegation = (size_t)g64(r);
      p->type = (GvReserveType)genum(r, GV_RESERVE_COUNT);
      p->status = (GvReserveStatus)genum(r, GV_RESERVE_LIFTED + 1);
      if (!gstr(r, &p->text))
         return false;
      p->time = gi64(r);
   }
   LIST(deadlines, ndeadlines, deadlines_cap, 37)
   for (size_t i = 0; i < ndeadlines_; i++) {
      Deadline *d = &rc->deadlines[i];
      rc->ndeadlines = i + 1;
      guuid(r, d->uuid);
      d->item = (size_t)g64(r);
      d->day = gi64(r);
      if (!gstr(r, &d->what))
         return false;
      d->set_by = (size_t)g64(r);
      d->for_whom = (size_t)g64(r);
      d->time = gi64(r);
   }
   LIST(actions, nactions, actions_cap, 37)
   for (size_t i = 0; i < nactions_; i++) {
      Action *a = &rc->actions[i];
      rc->nactions = i + 1;
      guuid(r, a->uuid);
      a->item = (size_t)g64(r);
      a->owner = (size_t)g64(r);
      a->due = gi64(r);
      if (!gstr(r, &a->what))
         return false;
      a->done = gbool(r);
      a->created = gi64(r);
      a->done_at = gi64(r);
   }
   LIST(paras, nparas, paras_cap, 37)
   for (size_t i = 0; i < nparas_; i++) {
      Para *p = &rc->paras[i];
      rc->nparas = i + 1;
      guuid(r, p->uuid);
      p->item = (size_t)g64(r);
      p->kind = (GvParaKind)genum(r, GV_PARA_GROUP + 1);
      if (!gstr(r, &p->phrase) || !gidxs(r, &p->members, &p->nmembers) || !gstr(r, &p->text))
         return false;
      if (!p->text)
         return bad(r, "a paragraph without text");
      p->deleted = gbool(r);
      p->time = gi64(r);
   }
#undef LIST
   return !r->why;
}

/* Every index names what is there (GV_NONE where none may be). */
static bool in(size_t v, size_t n, bool none) {
   return v < n || (none && v == GV_NONE);
}

static bool check_refs(Reader *r) {
   const Session *s = r->s;
   size_t nd = s->roster.count, ni = s->agenda.count, nf = s->floor.count, np = s->rec.nparas;
   for (size_t i = 0; i < nd; i++)
      if (!in(s->roster.list[i].parent, nd, true))
         return bad(r, "a delegation's parent out of range");
   const Agenda *a = &s->agenda;
   for (size_t i = 0; i < ni; i++) {
      const Item *it = &a->items[i];
      if (!in(it->requested_by, nd, true) || !in(it->parent, ni, true) ||
          !in(it->added_during, ni, true) || !in(it->joined, ni, true))
         return bad(r, "an item's reference out of range");
      for (size_t k = 0; k < it->nchildren; k++)
         if (!in(it->children[k], ni, false))
            return bad(r, "a sub-item out of range");
      for (size_t k = 0; k < it->nqueue; k++)
         if (!in(it->queue[k].delegation, nd, false))
            return bad(r, "a queue entry out of range");
      for (size_t k = 0; k < it->ninterventions; k++)
         if (!in(it->interventions[k], nf, false))
            return bad(r, "an item's intervention out of range");
      for (size_t k = 0; k < it->nsaid; k++)
         if (!in(it->said[k].index, it->said[k].kind == GV_SAID_PARA ? np : nf, false))
            return bad(r, "a said entry out of range");
   }
   for (size_t k = 0; k < a->ntop; k++)
      if (!in(a->top[k], ni, false))
         return bad(r, "a top item out of range");
   for (size_t k = 0; k < a->norder; k++)
      if (!in(a->order[k], ni, false))
         return bad(r, "an item in order out of range");
   if (!in(a->current, ni, true) || !in(s->floor.speaking, nf, true))
      return bad(r, "the current item or speaker out of range");
   for (size_t i = 0; i < nf; i++)
      if (!in(s->floor.list[i].item, ni, true) || !in(s->floor.list[i].delegation, nd, true))
         return bad(r, "an intervention's reference out of range");
   const Records *rc = &s->rec;
   for (size_t i = 0; i < rc->npos; i++)
      if (!in(rc->pos[i].item, ni, true) || !in(rc->pos[i].delegation, nd, false))
         return bad(r, "a position out of range");
   for (size_t i = 0; i < rc->nres; i++)
      if (!in(rc->res[i].item, ni, true) || !in(rc->res[i].delegation, nd, false))
         return bad(r, "a reservation out of range");
   for (size_t i = 0; i < rc->ndeadlines; i++)
      if (!in(rc->deadlines[i].item, ni, true) || !in(rc->deadlines[i].set_by, nd, true) ||
          !in(rc->deadlines[i].for_whom, nd, true))
         return bad(r, "a deadline out of range");
   for (size_t i = 0; i < rc->nactions; i++)
      if (!in(rc->actions[i].item, ni, true) || !in(rc->actions[i].owner, nd, true))
         return bad(r, "an action out of range");
   for (size_t i = 0; i < np; i++) {
      if (!in(rc->paras[i].item, ni, true))
         return bad(r, "a paragraph out of range");
      for (size_t k = 0; k < rc->paras[i].nmembers; k++)
         if (!in(rc->paras[i].members[k], nd, false))
            return bad(r, "a paragraph's member out of range");
   }
   const Journal *j = &s->journal;
   for (size_t i = 0; i < j->nentries; i++) {
      const JournalEntry *e = &j->entries[i];
      bool flip = e->kind == GV_ENTRY_UNDO || e->kind == GV_ENTRY_REDO;
      if (e->target != GV_ENTRY_NONE &&
          !(flip ? e->target < j->nentries : e->kind == GV_ENTRY_DRAFT && e->target < nf))
         return bad(r, "an entry's target out of range");
   }
   return true;
}

/* The held lines NUL-ended, then the notes placed in the text checked to
 * end where a line does. */
static bool settle(Session *s, const SessionImagePending *p, char *msg, size_t msglen) {
   Journal *j = &s->journal;
   for (size_t i = 0; i < j->nlines; i++) {
      JournalLine l = j->lines[i];
      /* Written only where it is not one yet: a page never written stays
       * shared (an image read over a mapped text). */
      if (!(l.at & JOURNAL_COPY) && j->held[l.at + l.len] != '\0')
         j->held[l.at + l.len] = '\0';
   }
   for (size_t k = 0; p && k < p->n; k += 2)
      if (j->held[p->at[k] + p->at[k + 1]] != '\0') {
         if (msglen)
            snprintf(msg, msglen, "state image refused: a note outside the file it stands for");
         return false;
      }
   return true;
}

static void pending_free(SessionImagePending *p) {
   if (p) {
      free(p->at);
      free(p);
   }
}

/* Reads the image; with pending, the text is neither read nor written. */
static bool read_image(Session *s, const void *image, size_t len, size_t covered,
                       SessionImagePending *pending, char *msg, size_t msglen) {
   Reader r = { .p = image, .end = (const unsigned char *)image + len, .s = s, .covered = covered,
                .pending = pending };
   char magic[sizeof Magic];
   uint32_t g[16], want[16];
   guard(want);
   take(&r, magic, sizeof magic);
   uint32_t version = g32(&r);
   take(&r, g, sizeof g);
   if (r.why || memcmp(magic, Magic, sizeof Magic) != 0)
      bad(&r, "not a state image");
   else if (version != GV_IMAGE_VERSION)
      bad(&r, "another version of the state image");
   else if (memcmp(g, want, sizeof g) != 0)
      bad(&r, "written by another build of gavel");
   else if (s->journal.nlines || s->agenda.count || s->floor.count || s->roster.count ||
            (covered && (!s->journal.held || covered > s->journal.held_len)))
      bad(&r, "the session is not fresh or holds too little text");
   if (!r.why && gjournal(&r)) {
      guuid(&r, s->uuid);
      if (gmeta(&r, &s->meta) && groster(&r, &s->roster) && gagenda(&r, &s->agenda) &&
          gfloor(&r, &s->floor) && grecords(&r, &s->rec) && gstr(&r, &s->roster_name)) {
         s->clock = gi64(&r);
         s->last_time = gi64(&r);
         take(&r, s->day_key, sizeof s->day_key);
         s->day_start = gi64(&r);
         s->unchecked = gbool(&r);
         if (!r.why && r.p != r.end)
            bad(&r, "bytes after the end");
         if (!r.why)
            check_refs(&r);
      }
   }
   if (r.why && msglen)
      snprintf(msg, msglen, "state image refused: %s", r.why);
   return !r.why;
}

bool SessionImage_read(Session *s, const void *image, size_t len, size_t covered, char *msg,
                       size_t msglen) {
   SessionImagePending p = { 0 };
   bool ok = read_image(s, image, len, covered, &p, msg, msglen) && settle(s, &p, msg, msglen);
   free(p.at);
   return ok;
}

bool SessionImage_readAhead(Session *s, const void *image, size_t len, size_t covered,
                            SessionImagePending **pending, char *msg, size_t msglen) {
   *pending = calloc(1, sizeof **pending);
   if (!*pending) {
      if (msglen)
         snprintf(msg, msglen, "state image refused: out of memory");
      return false;
   }
   if (read_image(s, image, len, covered, *pending, msg, msglen))
      return true;
   pending_free(*pending);
   *pending = NULL;
   return false;
}

bool SessionImage_settle(Session *s, SessionImagePending *pending, char *msg, size_t msglen) {
   bool ok = settle(s, pending, msg, msglen);
   pending_free(pending);
   return ok;
}

uint64_t SessionImage_endMix(uint64_t at) {
   /* splitmix64's finaliser: a set of offsets summed so is its own. */
   uint64_t z = at + 0x9e3779b97f4a7c15u;
   z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
   z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
   return z ^ (z >> 31);
}

static int cmp_size(const void *a, const void *b) {
   size_t x = *(const size_t *)a, y = *(const size_t *)b;
   return x < y ? -1 : x > y;
}

bool SessionImage_settleShared(Session *s, SessionImagePending *pending, size_t *ends,
                               uint64_t *where) {
   const Journal *j = &s->journal;
   size_t n = 0, k = 0, nnotes = 0;
   uint64_t sum = 0;
   bool ok = true;
   /* The notes' ends, in the text's order, each a line's end: walked beside
    * the lines (which follow one another in the text). */
   size_t *note = NULL;
   if (pending && pending->n > 0) {
      /* In place: the i-th end over the i-th pair's first half. */
      note = pending->at;
      nnotes = pending->n / 2;
      bool sorted = true;
      for (size_t i = 0; i < nnotes; i++) {
         note[i] = pending->at[2 * i] + pending->at[2 * i + 1];
         sorted = sorted && (i == 0 || note[i - 1] <= note[i]);
      }
      /* Placed in the meeting's order, they mostly are in the text's. */
      if (!sorted)
         qsort(note, nnotes, sizeof *note, cmp_size);
   }
   for (size_t i = 0; ok && i < j->nlines; i++) {
      JournalLine l = j->lines[i];
      if (!(l.at & JOURNAL_COPY)) {
         size_t end = (size_t)l.at + l.len;
         sum += SessionImage_endMix(end);
         n++;
         while (k < nnotes && note[k] < end)
            ok = false, k++;
         while (k < nnotes && note[k] == end)
            k++;
      }
   }
   ok = ok && k == nnotes;
   pending_free(pending);
   *ends = n;
   *where = sum;
   return ok;
}

void SessionImage_abandon(Session *s, SessionImagePending *pending) {
   pending_free(pending);
   if (!s)
      return;
   /* The text is the caller's: the session lets go of it before it goes. */
   s->journal.held = NULL;
   s->journal.held_len = 0;
   s->journal.held_release = NULL;
   Session_free(s);
}
