/* The session: running and replaying command lines, undo by replay, and the
 * read accessors. */
#include "model/session.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
#include <emmintrin.h>
#endif

#include "model/command.h"
#include "model/session_ahead.h"
#include "model/session_copy.h"
#include "model/util.h"

static void meta_init(SessionMeta *m) {
   memset(m, 0, sizeof *m);
   m->date = GV_NO_DAY;
   m->start = m->end = GV_NO_TIME;
   m->numbering = GV_NUMBERING_NUMERIC;
   m->date_end = m->doc_date = GV_NO_DAY;
}

static void meta_clear(SessionMeta *m) {
   char **text[] = { &m->body, &m->place, &m->chair, &m->docno, &m->codes, &m->marking,
                     &m->language, &m->from, &m->to, &m->subject, &m->type, &m->on,
                     &m->headers, &m->access, &m->style };
   for (size_t i = 0; i < sizeof text / sizeof *text; i++)
      free(*text[i]);
   meta_init(m);
}

static void state_init(Session *s) {
   meta_init(&s->meta);
   Roster_init(&s->roster);
   Agenda_init(&s->agenda);
   Floor_init(&s->floor);
   memset(&s->rec, 0, sizeof s->rec);
   s->clock = GV_NO_TIME;
   s->last_time = GV_NO_TIME;
   s->roster_name = NULL;
}

/* Everything but the journal and the session uuid. */
static void state_clear(Session *s) {
   meta_clear(&s->meta);
   Roster_clear(&s->roster);
   Agenda_clear(&s->agenda);
   Floor_clear(&s->floor);
   Records_clear(&s->rec);
   free(s->roster_name);
   state_init(s);
}

Session *Session_new(void) {
   Session *s = calloc(1, sizeof *s);
   if (!s)
      return NULL;
   state_init(s);
   Journal_init(&s->journal);
   s->day_start = GV_NO_TIME;
   return s;
}

void Session_free(Session *s) {
   if (!s)
      return;
   SessionAhead_free(s->ahead);
   for (size_t i = 0; i < GV_CHECKPOINTS; i++)
      Session_free(s->checkpoints[i].state);
   state_clear(s);
   Journal_clear(&s->journal);
   free(s);
}

static int two_digits(const char *t) {
   return t[0] >= '0' && t[0] <= '9' && t[1] >= '0' && t[1] <= '9' ? (t[0] - '0') * 10 + (t[1] - '0')
                                                                    : -1;
}

/* The ISO time of a journal line, as Time_parse_iso reads it. Lines come in
 * time order, so most share their day with the line before: the session
 * remembers the last day read whole (s may be NULL). */
static inline __attribute__((always_inline)) GvStatus day_time(char *day_key, int64_t *day_start, const char *t, int64_t *out) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(GAVEL_PORTABLE)
   /* The common case in three loads: the day as the one remembered, and
    * HH:MM:SS as eight bytes, the digits checked as in Time_iso_digits
    * (x ^ '0' < 10) and the colons as ':' ^ '0' == 0x0a. Anything else goes
    * the way below, which reads it alike. */
   if (day_start && *day_start != GV_NO_TIME && t[10] == 'T') {
      uint64_t w, d8, k8;
      uint16_t d2, k2;
      memcpy(&w, t + 11, 8);
      memcpy(&d8, t, 8);
      memcpy(&k8, day_key, 8);
      memcpy(&d2, t + 8, 2);
      memcpy(&k2, day_key + 8, 2);
      const uint64_t digits = 0xffff00ffff00ffffULL;
      uint64_t x = w ^ 0x3030303030303030ULL, xd = x & digits;
      uint64_t bad = ((xd + 0x7676767676767676ULL) | xd) & digits & 0x8080808080808080ULL;
      if (bad == 0 && (x & ~digits) == 0x00000a00000a0000ULL && d8 == k8 && d2 == k2) {
         int64_t h = (int64_t)(x & 0xff) * 10 + (int64_t)(x >> 8 & 0xff);
         int64_t mi = (int64_t)(x >> 24 & 0xff) * 10 + (int64_t)(x >> 32 & 0xff);
         int64_t se = (int64_t)(x >> 48 & 0xff) * 10 + (int64_t)(x >> 56);
         if (h >= 24 || mi >= 60 || se >= 60)
            return GV_BAD_TIME;
         *out = *day_start + h * 3600 + mi * 60 + se;
         return GV_OK;
      }
   }
#endif
   int h = two_digits(t + 11), mi = two_digits(t + 14), se = two_digits(t + 17);
   bool plain = t[10] == 'T' && t[13] == ':' && t[16] == ':' && h >= 0 && mi >= 0 && se >= 0;
   if (day_start && plain && *day_start != GV_NO_TIME && memcmp(t, day_key, 10) == 0) {
      if (h >= 24 || mi >= 60 || se >= 60)
         return GV_BAD_TIME;
      *out = *day_start + h * 3600 + mi * 60 + se;
      return GV_OK;
   }
   GvStatus st = Time_parse_iso(t, 19, out);
   if (st == GV_OK && day_start && plain && t[4] == '-' && t[7] == '-' && two_digits(t) >= 0 &&
       two_digits(t + 2) >= 0 && two_digits(t + 5) >= 0 && two_digits(t + 8) >= 0) {
      memcpy(day_key, t, 10);
      *day_start = *out - (h * 3600 + mi * 60 + se);
   }
   return st;
}

/* day_time out of line: for day_time_framed, whose caller then needs no
 * registers saved for the way a line of another day takes. */
static __attribute__((noinline)) GvStatus day_time_other(char *day_key, int64_t *day_start,
                                                         const char *t, int64_t *out) {
   return day_time(day_key, day_start, t, out);
}

/* day_time of a TIME whose shape is known (SessionScan's frame check:
 * digits and separators where they go): the day compared with the one
 * remembered, and HH:MM:SS read in one multiply, each byte's low four bits
 * times ten plus the next byte's (a ':' gives 10, read by no one). The
 * same answers as day_time, which does anything else. */
static inline __attribute__((always_inline)) GvStatus
day_time_framed(char *day_key, int64_t *day_start, const char *t, int64_t *out) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(GAVEL_PORTABLE)
   if (day_start && *day_start != GV_NO_TIME) {
      uint64_t w, d8, k8;
      uint16_t d2, k2;
      memcpy(&d8, t, 8);
      memcpy(&k8, day_key, 8);
      memcpy(&d2, t + 8, 2);
      memcpy(&k2, day_key + 8, 2);
      if (d8 == k8 && d2 == k2) {
         memcpy(&w, t + 11, 8);
         uint64_t y = w & 0x0f0f0f0f0f0f0f0fULL, v = y * 10 + (y >> 8);
         int64_t h = (int64_t)(v & 0xff), mi = (int64_t)(v >> 24 & 0xff),
                 se = (int64_t)(v >> 48 & 0xff);
         if (h >= 24 || mi >= 60 || se >= 60)
            return GV_BAD_TIME;
         *out = *day_start + h * 3600 + mi * 60 + se;
         return GV_OK;
      }
   }
#endif
   return day_time_other(day_key, day_start, t, out);
}

/* The first space of u[0..rest), or NULL. A uuid has 36 bytes: when no
 * space is among them and one follows, that is it, found in three sixteen-
 * byte compares (they overlap) where memchr costs a call and its set-up. */
static inline const char *uuid_end(const char *u, size_t rest) {
#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
   if (rest > 36 && u[36] == ' ') {
      const __m128i sp = _mm_set1_epi8(' ');
      __m128i a = _mm_loadu_si128((const __m128i *)(const void *)u),
              b = _mm_loadu_si128((const __m128i *)(const void *)(u + 16)),
              c = _mm_loadu_si128((const __m128i *)(const void *)(u + 20));
      __m128i any = _mm_or_si128(_mm_cmpeq_epi8(a, sp),
                                 _mm_or_si128(_mm_cmpeq_epi8(b, sp), _mm_cmpeq_epi8(c, sp)));
      if (_mm_movemask_epi8(any) == 0)
         return u + 36;
   }
#endif
   return memchr(u, ' ', rest);
}

/* line[0..len) without its line end. */
static inline GvStatus split_trimmed(char *day_key, int64_t *day_start, const char *line,
                                     size_t len, const char **type,
                                     size_t *type_len, int64_t *time, const char **uuid,
                                     size_t *uuid_len, const char **payload, size_t *payload_len) {
   /* Nearly every line is "cmd TIME UUID ...": its TYPE is taken as it is
    * when it is so, else looked for. */
   const char *sp = len > 3 && line[3] == ' ' && line[0] != ' ' && line[1] != ' ' && line[2] != ' '
                       ? line + 3
                       : memchr(line, ' ', len);
   if (!sp || sp == line)
      return GV_BAD_LINE;
   *type = line;
   *type_len = (size_t)(sp - line);
   const char *t = sp + 1;
   size_t rest = len - (size_t)(t - line);
   if (rest < 20 || t[19] != ' ' || day_time(day_key, day_start, t, time) != GV_OK)
      return GV_BAD_LINE;
   const char *u = t + 20;
   rest -= 20;
   const char *usp = uuid_end(u, rest);
   size_t ulen = usp ? (size_t)(usp - u) : rest;
   if (ulen == 0 || ulen > 36)
      return GV_BAD_LINE;
   *uuid = u;
   *uuid_len = ulen;
   *payload = usp ? usp + 1 : u + ulen;
   *payload_len = usp ? rest - ulen - 1 : 0;
   return GV_OK;
}

static GvStatus split_fields(Session *s, const char *line, size_t len, const char **type,
                             size_t *type_len, int64_t *time, const char **uuid, size_t *uuid_len,
                             const char **payload, size_t *payload_len) {
   while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
   return split_trimmed(s ? s->day_key : NULL, s ? &s->day_start : NULL, line, len, type, type_len,
                        time, uuid, uuid_len, payload, payload_len);
}

GvStatus Session_split_line(const char *line, size_t len, const char **type, size_t *type_len,
                            int64_t *time, const char **uuid, const char **payload,
                            size_t *payload_len) {
   size_t ulen;
   return split_fields(NULL, line, len, type, type_len, time, uuid, &ulen, payload, payload_len);
}

typedef struct LineParts {
   const char *type, *uuid, *payload;
   size_t type_len, payload_len;
   int64_t time;
   bool plain;   /* the payload is known to hold no backslash */
   bool uuid_whole;   /* uuid is 36 bytes, no NUL among them (a checked line's): read
                       * there, uuid_buf not filled; else uuid_buf holds it */
   uint8_t word, word_at, word_len;   /* Command_word of the payload, when known */
   char uuid_buf[37];
} LineParts;

/* The uuid of a split line as a string of its own. */
static inline GvStatus uuid_copy(GvStatus st, LineParts *p, size_t ul) {
   if (st != GV_OK)
      return st;
   if (ul == 36)   /* nearly always: one fixed-size move, no call */
      memcpy(p->uuid_buf, p->uuid, 36);
   else
      memcpy(p->uuid_buf, p->uuid, ul);   /* at most 36 bytes, checked */
   p->uuid_buf[ul] = '\0';
   return GV_OK;
}

/* s (or NULL) remembers the day of the times read. */
static GvStatus split(Session *s, const char *line, size_t len, LineParts *p) {
   size_t ul;
   GvStatus st = split_fields(s, line, len, &p->type, &p->type_len, &p->time, &p->uuid, &ul,
                              &p->payload, &p->payload_len);
   p->plain = p->uuid_whole = false;
   p->word = 0;
   return uuid_copy(st, p, ul);
}

/* As split, for a line whose end replay has trimmed already. */
static GvStatus split_no_end(Session *s, const char *line, size_t len, LineParts *p) {
   size_t ul;
   GvStatus st = split_trimmed(s->day_key, &s->day_start, line, len, &p->type, &p->type_len,
                               &p->time, &p->uuid, &ul,
                               &p->payload, &p->payload_len);
   p->plain = p->uuid_whole = false;
   p->word = 0;
   return uuid_copy(st, p, ul);
}

static bool type_is(const LineParts *p, const char *t) {
   return p->type_len == strlen(t) && memcmp(p->type, t, p->type_len) == 0;
}

/* "cmd", or "cmd:N" for a unit followed by N cmd+ lines: the count lets an
 * open tell a unit cut short at a line boundary (a crash mid-write) from a
 * whole one. *conts gets N (0 for plain "cmd"). */
static bool type_is_cmd(const LineParts *p, size_t *conts) {
   *conts = 0;
   if (type_is(p, "cmd"))
      return true;
   if (p->type_len < 5 || p->type_len > 12 || memcmp(p->type, "cmd:", 4) != 0)
      return false;
   size_t n = 0;
   for (size_t i = 4; i < p->type_len; i++) {
      if (p->type[i] < '0' || p->type[i] > '9')
         return false;
      n = n * 10 + (size_t)(p->type[i] - '0');
   }
   if (n == 0 || p->type[4] == '0')
      return false;
   *conts = n;
   return true;
}

/* Applies the payload of a journal line (replay mode). */
/* *kind and *draft_target get what the handler set (the callers read no
 * more of the Exec). */
static inline GvStatus apply_parts(Session *s, const LineParts *p, GvBuf *scratch, GvEntryKind *kind,
                            size_t *draft_target, bool checked, char *msg, size_t msglen) {
   /* A replayed line is already canonical: the handlers' canonical text goes
    * to a buffer marked failed, which drops every append at once (as
    * GvBuf_clear, then failed). */
   scratch->len = 0;
   if (scratch->data)
      scratch->data[0] = '\0';
   scratch->failed = true;
   Exec e = { .s = s, .ctx = NULL, .live = false, .time = p->time,
              .uuid = p->uuid_whole ? p->uuid : p->uuid_buf,
              .canon = scratch, .extra = NULL, .kind = GV_ENTRY_UNIT, .draft_target = GV_NONE,
              .at_clock = false, .checked = checked, .plain = p->plain, .uuid_whole = p->uuid_whole, .word = p->word,
              .word_at = p->word_at, .word_len = p->word_len, .msg = msg,
              .msglen = msglen };
   GvStatus st = Command_exec(&e, p->payload, p->payload_len);
   if (st == GV_OK)
      s->last_time = p->time;
   *kind = e.kind;
   *draft_target = e.draft_target;
   return st;
}

/* Rebuilds the state from the units in force and the drafts. A draft that a
 * later draft to the same intervention replaces whole is skipped: typing
 * journals many of them, and undo must stay quick in a long meeting. */
static size_t rebuild_report(Session *s, size_t from, size_t *bad_line, char *bad_msg,
                             size_t bad_msglen);

/* Units in force among the journal entries before `entry`: the stack of
 * units in force is in journal order (undo takes its top, redo puts back the
 * last unit taken, a new unit goes on top). */
static size_t forced_before(const Journal *j, size_t entry) {
   size_t lo = 0, hi = j->nforced;
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (j->forced[mid] < entry)
         lo = mid + 1;
      else
         hi = mid;
   }
   return lo;
}

/* A checkpoint holds while the units in force before its entry are those it
 * was taken with. As undo only takes the newest unit in force and a new unit
 * comes after the checkpoint, their number tells: a unit before it undone
 * and never redone is one fewer, one redone that it lacked one more. */
static bool checkpoint_valid(const Session *s, const SessionCheckpoint *c) {
   return c->state && c->entry <= s->journal.nentries &&
          forced_before(&s->journal, c->entry) == c->units && SessionCopy_current(s, c->state);
}

/* Keeps a copy of the state as it is now: that of the entries before
 * `entry`, with `units` units in force. It takes the place of a checkpoint
 * that no longer holds, else of the oldest. Without the memory, none. */
static void checkpoint_take(Session *s, size_t entry, size_t units) {
   SessionCheckpoint *cp = s->checkpoints, *slot = NULL;
   for (size_t i = 0; i < GV_CHECKPOINTS; i++)
      if (checkpoint_valid(s, &cp[i]) && cp[i].entry == entry)
         return;
   for (size_t i = 0; i < GV_CHECKPOINTS && !slot; i++)
      if (!checkpoint_valid(s, &cp[i]))
         slot = &cp[i];
   if (!slot) {   /* all hold: the oldest goes */
      slot = &cp[0];
      for (size_t i = 1; i < GV_CHECKPOINTS; i++)
         if (cp[i].entry < slot->entry)
            slot = &cp[i];
   }
   Session_free(slot->state);
   slot->state = Session_new();
   if (slot->state && !SessionCopy_state(slot->state, s)) {
      Session_free(slot->state);
      slot->state = NULL;
   }
   slot->entry = entry;
   slot->units = units;
}

/* Units between checkpoints around position p. A checkpoint copies the
 * whole state, which grows with the meeting: at a fixed spacing, typing n
 * units would cost n/K copies of O(n) each, O(n^2). The spacing doubles as
 * the meeting does (a power of two, about p/16 to p/32, never under
 * GV_CHECKPOINT_EVERY), so the copies cost O(n) in all and an undo replays
 * at most a sixteenth of the meeting. A test may fix the spacing. */
size_t Session_checkpoint_spacing(const Session *s, size_t p) {
   if (s->checkpoint_every)
      return s->checkpoint_every;
   size_t k = GV_CHECKPOINT_EVERY;
   while (k <= p / 32)
      k *= 2;
   return k;
}

/* Before the unit at position p among the units in force (of `total` in
 * force at the end, or GV_NONE when the end is not known): every K-th unit,
 * and of a known history only the last ones, those that are kept. */
static bool checkpoint_due(const Session *s, size_t p, size_t total) {
   size_t k = Session_checkpoint_spacing(s, p);
   if (p == 0 || p % k != 0)
      return false;
   if (total == GV_NONE || total == 0)
      return true;
   size_t top = total - 1;
   size_t kt = Session_checkpoint_spacing(s, top);
   return p + kt * (GV_CHECKPOINTS - 1) >= top - top % kt;
}

/* Loading after a first pass that can be used: decided at the first line
 * replayed, when the pass is complete. */
static inline bool load_planned(Session *s) {
   if (!s->loading || !s->ahead)
      return false;
   if (!s->load_planned && s->load_units == 0 && s->load_applied == 0 && !s->stale &&
       s->journal.nentries == 0 && SessionAhead_in_force(s->ahead) != GV_NONE) {
      s->load_planned = true;
      SessionAhead_done(s->ahead);
   }
   return s->load_planned;
}

/* The first pass cannot be trusted: the end of the load rebuilds the whole
 * meeting, and the checkpoints taken on the pass's word go. */
static void load_unplan(Session *s) {
   s->load_planned = s->load_skipping = false;
   s->stale = true;
   for (size_t i = 0; i < GV_CHECKPOINTS; i++) {
      Session_free(s->checkpoints[i].state);
      s->checkpoints[i].state = NULL;
   }
}

/* The state from the newest checkpoint that holds and what follows it; from
 * the start when none does. */
static void rebuild(Session *s) {
   const SessionCheckpoint *best = NULL;
   for (size_t i = 0; i < GV_CHECKPOINTS; i++)
      if (checkpoint_valid(s, &s->checkpoints[i]) &&
          (!best || s->checkpoints[i].entry > best->entry))
         best = &s->checkpoints[i];
   size_t from = 0;
   /* The checkpoint borrows the floor: it is kept, and taken back. */
   Floor floor = s->floor;
   Floor_init(&s->floor);
   state_clear(s);
   s->floor = floor;
   if (best && SessionCopy_restore(s, best->state))
      from = best->entry;
   else
      state_clear(s);
   rebuild_report(s, from, NULL, NULL, 0);
}

/* Applies, onto the state of the journal entries before `from`, the units in
 * force and the drafts from `from` on (from 0: onto a cleared state). Also
 * counts the lines that fail to apply: none in a history that was applied
 * line by line, but lines kept unapplied while loading (see
 * Session_load_begin) are checked here for the first time. */
static size_t rebuild_report(Session *s, size_t from, size_t *bad_line, char *bad_msg,
                             size_t bad_msglen) {
   size_t bad = 0;
   s->stale = false;
   GvBuf scratch = GV_BUF_INIT;
   Journal *j = &s->journal;
   size_t ntargets = 0;
   for (size_t i = 0; i < j->nentries; i++)
      if (j->entries[i].kind == GV_ENTRY_DRAFT && j->entries[i].target != GV_ENTRY_NONE &&
          j->entries[i].target >= ntargets)
         ntargets = j->entries[i].target + 1;
   size_t *last = ntargets ? malloc(ntargets * sizeof *last) : NULL;
   for (size_t t = 0; last && t < ntargets; t++)
      last[t] = GV_NONE;
   for (size_t i = 0; last && i < j->nentries; i++)
      if (j->entries[i].kind == GV_ENTRY_DRAFT && j->entries[i].target != GV_ENTRY_NONE)
         last[j->entries[i].target] = i;
   char msg[256];
   size_t pos = forced_before(j, from);   /* of the next unit among those in force */
   for (size_t i = from; i < j->nentries; i++) {
      JournalEntry *en = &j->entries[i];
      bool draft = en->kind == GV_ENTRY_DRAFT;
      if (!(en->kind == GV_ENTRY_UNIT && en->in_force) && !draft)
         continue;
      if (!draft) {
         if (checkpoint_due(s, pos, j->nforced))
            checkpoint_take(s, i, pos);
         pos++;
      }
      /* Without the memory for `last`, every draft is simply applied. */
      if (draft && last && en->target != GV_ENTRY_NONE && last[en->target] != i)
         continue;
      for (size_t k = en->first; k < en->first + en->nlines; k++) {
         LineParts p;
         GvEntryKind ekind;
         size_t etarget;
         if (draft)
            en->target = GV_ENTRY_NONE;
         size_t kl;
         const char *kt = Journal_line(j, k, &kl);
         if (split(s, kt, kl, &p) != GV_OK)
            continue;
         /* A line that applied once applies again: the units in force are
          * always a consistent history (undo only ever takes the newest). */
         /* Lines in the journal were checked when they were first read or
          * run, unless a load kept some aside unapplied and unchecked. */
         if (apply_parts(s, &p, &scratch, &ekind, &etarget, !s->unchecked, msg, sizeof msg) ==
             GV_OK) {
            if (draft)
               en->target = (uint32_t)etarget;
         } else if (bad++ == 0) {
            if (bad_line)
               *bad_line = k;
            if (bad_msg && bad_msglen)
               snprintf(bad_msg, bad_msglen, "%s", msg);
         }
      }
   }
   free(last);
   GvBuf_free(&scratch);
   return bad;
}

static void set_uuid_from_first(Session *s) {
   s->uuid[0] = '\0';
   if (s->journal.nlines) {
      LineParts p;
      size_t n;
      const char *t = Journal_line(&s->journal, 0, &n);
      if (split(NULL, t, n, &p) == GV_OK)
         snprintf(s->uuid, sizeof s->uuid, "%s", p.uuid_buf);
   }
}

static GvStatus fail(char *msg, size_t msglen, GvStatus st, const char *fmt, ...)
   __attribute__((format(printf, 4, 5)));

static GvStatus fail(char *msg, size_t msglen, GvStatus st, const char *fmt, ...) {
   if (msg && msglen) {
      va_list ap;
      va_start(ap, fmt);
      vsnprintf(msg, msglen, fmt, ap);
      va_end(ap);
   }
   return st;
}

/* The payload of a unit's first line, for "undid 'floor FR'". */
static void describe_unit(const Session *s, size_t entry, char *buf, size_t n) {
   const JournalEntry *en = &s->journal.entries[entry];
   size_t len;
   const char *line = Journal_line(&s->journal, en->first, &len);
   LineParts p;
   if (split(NULL, line, len, &p) != GV_OK) {
      snprintf(buf, n, "?");
      return;
   }
   size_t pl = p.payload_len > 60 ? 60 : p.payload_len;
   snprintf(buf, n, "%.*s%s", (int)pl, p.payload, p.payload_len > 60 ? "..." : "");
}

static bool build_line(GvBuf *b, const char *type, int64_t time, const char *uuid,
                       const char *payload, size_t n) {
   char iso[20];
   Time_format_iso(time, iso);
   GvBuf_clear(b);
   GvBuf_printf(b, "%s %s %s ", type, iso, uuid);
   return GvBuf_append(b, payload, n);
}

/* undo / redo, live or replayed. */
static GvStatus flip(Session *s, bool undo, const char *line, size_t len, char *msg, size_t msglen) {
   Journal *j = &s->journal;
   size_t target = undo ? Journal_undo(j) : Journal_redo(j);
   if (target == GV_NONE)
      return undo ? fail(msg, msglen, GV_NOTHING_UNDO, "nothing to undo")
                  : fail(msg, msglen, GV_NOTHING_REDO, "nothing to redo");
   if (!Journal_append(j, line, len, true, undo ? GV_ENTRY_UNDO : GV_ENTRY_REDO)) {
      Journal_recompute(j);
      return fail(msg, msglen, GV_NOMEM, "out of memory");
   }
   j->entries[j->nentries - 1].target = (uint32_t)target;
   if (s->loading) {
      /* After a first pass the units undone were never applied; else
       * Session_load_end() rebuilds, once. */
      if (!load_planned(s))
         s->stale = true;
      return GV_OK;
   }
   rebuild(s);
   char what[80];
   describe_unit(s, target, what, sizeof what);
   fail(msg, msglen, GV_OK, "%s '%s'", undo ? "undid" : "redid", what);
   return GV_OK;
}

static bool only_word(const char *payload, size_t n) {
   size_t i = 0;
   while (i < n && payload[i] == ' ')
      i++;
   while (i < n && payload[i] != ' ' && payload[i] != '\t')
      i++;
   while (i < n && (payload[i] == ' ' || payload[i] == '\t' || payload[i] == '\r' || payload[i] == '\n'))
      i++;
   return i == n;
}

/* A message is one line whatever the user typed into it (a word with \n). */
static inline GvStatus one_line(GvStatus st, char *msg, size_t msglen) {
   if (st == GV_OK && msg && msglen && !msg[0])
      return st;   /* nothing said */
   for (size_t i = 0; msg && i < msglen && msg[i]; i++)
      if ((unsigned char)msg[i] < 0x20 || msg[i] == 0x7F)
         msg[i] = ' ';
   return st;
}

static GvStatus run(Session *s, const char *line, size_t len, const RunContext *ctx,
                    GvBuf *out, char *msg, size_t msglen);
static GvStatus replay(Session *s, const char *line, size_t len, bool checked,
                       const SessionFields *pre, char *msg, size_t msglen);

GvStatus Session_run(Session *s, const char *line, size_t len, const RunContext *ctx,
                     GvBuf *out, char *msg, size_t msglen) {
   GvBuf discard = GV_BUF_INIT;
   GvStatus st = one_line(run(s, line ? line : "", line ? len : 0, ctx, out ? out : &discard, msg, msglen),
                          msg, msglen);
   GvBuf_free(&discard);
   return st;
}

GvStatus Session_replay(Session *s, const char *line, size_t len, char *msg, size_t msglen) {
   return one_line(replay(s, line ? line : "", line ? len : 0, false, NULL, msg, msglen), msg, msglen);
}

GvStatus Session_replay_checked(Session *s, const char *line, size_t len, char *msg, size_t msglen) {
   return one_line(replay(s, line ? line : "", line ? len : 0, true, NULL, msg, msglen), msg, msglen);
}

/* The command word of a PAYLOAD, read here (by the checks beside an open's
 * replay) rather than by the replay. */
static void fields_word(SessionFields *f, const char *payload, size_t len) {
   size_t at = 0, n = 0;
   f->word = len ? (uint8_t)Command_word(payload, len, &at, &n) : 0;
   f->word_at = (uint8_t)at;
   f->word_len = (uint8_t)n;
}

bool Session_fields(const char *line, size_t len, SessionDay *day, SessionFields *f) {
   while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
   const char *type, *uuid, *payload;
   size_t type_len, uuid_len, payload_len;
   if (len == 0 || len > UINT32_MAX ||
       split_trimmed(day ? day->key : NULL, day ? &day->start : NULL, line, len, &type, &type_len,
                     &f->time, &uuid, &uuid_len, &payload, &payload_len) != GV_OK)
      return false;
   f->type_len = (uint32_t)type_len;
   f->uuid_len = (uint16_t)uuid_len;
   f->payload = payload != uuid + uuid_len;   /* past the blank after the UUID */
   f->plain = !memchr(payload, '\\', payload_len);
   fields_word(f, payload, payload_len);
   return true;
}

bool Session_fields_framed(const char *line, size_t len, size_t type_len, const char *backslash,
                           SessionDay *day, SessionFields *f) {
   /* What Session_fields finds: the first blank ends the TYPE, the one
    * after the UUID's 36 bytes (none in them) says that a PAYLOAD follows. */
   if (len == 0 || len > UINT32_MAX || line[len - 1] == '\n' || line[len - 1] == '\r' ||
       type_len == 0 || len < type_len + 1 + 20 + 36)
      return Session_fields(line, len, day, f);
   if (day_time_framed(day ? day->key : NULL, day ? &day->start : NULL, line + type_len + 1,
                       &f->time) != GV_OK)
      return false;
   f->type_len = (uint32_t)type_len;
   f->uuid_len = 36;
   f->payload = len > type_len + 1 + 20 + 36;
   size_t at = type_len + 1 + 20 + 37;
   /* A backslash known past the line, or in its PAYLOAD, answers at once. */
   if (!f->payload || (backslash && backslash >= line + len))
      f->plain = true;
   else if (backslash && backslash >= line + at)
      f->plain = false;
   else
      f->plain = !memchr(line + at, '\\', len - at);
   fields_word(f, line + at, f->payload ? len - at : 0);
   return true;
}

GvStatus Session_replay_fields(Session *s, const char *line, size_t len, const SessionFields *f,
                               char *msg, size_t msglen) {
   return one_line(replay(s, line, len, true, f, msg, msglen), msg, msglen);
}

static GvStatus run(Session *s, const char *line, size_t len, const RunContext *ctx,
                    GvBuf *out, char *msg, size_t msglen) {
   if (msg && msglen)
      msg[0] = '\0';
   if (!ctx || !ctx->new_uuid)
      return fail(msg, msglen, GV_USAGE, "no clock or uuid source to run commands with");
   while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
   if (len > GV_LINE_MAX)
      return fail(msg, msglen, GV_BAD_VALUE, "the line is longer than 1 MiB (%zu bytes)", len);
   if (memchr(line, '\n', len))
      return fail(msg, msglen, GV_BAD_VALUE, "one command per line (write a newline in TEXT as \\n)");
   char name[16];
   Command_name(line, len, name, sizeof name);
   int64_t time = Session_clock(s, ctx->now);
   char uuid[37];
   GvBuf buf = GV_BUF_INIT;
   if (strcmp(name, "undo") == 0 || strcmp(name, "redo") == 0) {
      if (!only_word(line, len))
         return fail(msg, msglen, GV_USAGE, "%s takes no arguments", name);
      ctx->new_uuid(ctx->ud, uuid);
      uuid[36] = '\0';
      if (!build_line(&buf, "cmd", time, uuid, name, 4)) {
         GvBuf_free(&buf);
         return fail(msg, msglen, GV_NOMEM, "out of memory");
      }
      GvStatus st = flip(s, name[0] == 'u', buf.data, buf.len, msg, msglen);
      if (st == GV_OK) {
         GvBuf_append(out, buf.data, buf.len);
         GvBuf_putc(out, '\n');
      }
      GvBuf_free(&buf);
      return st;
   }
   if (strcmp(name, "draft") != 0 && checkpoint_due(s, s->journal.nforced, GV_NONE))
      checkpoint_take(s, s->journal.nentries, s->journal.nforced);
   ctx->new_uuid(ctx->ud, uuid);
   uuid[36] = '\0';
   GvBuf canon = GV_BUF_INIT, extra = GV_BUF_INIT;
   Exec e = { .s = s, .ctx = ctx, .live = true, .time = time, .uuid = uuid, .canon = &canon,
              .extra = &extra, .kind = GV_ENTRY_UNIT, .draft_target = GV_NONE, .at_clock = false,
              .msg = msg, .msglen = msglen };
   GvStatus st = Command_exec(&e, line, len);
   if (st != GV_OK) {
      /* A roster may have applied some delegations before refusing. */
      if (st == GV_NOMEM || strcmp(name, "roster") == 0)
         rebuild(s);
      GvBuf_free(&canon);
      GvBuf_free(&extra);
      return st;
   }
   Journal *j = &s->journal;
   size_t out_mark = out->len;
   size_t conts = 0;
   for (const char *q = GvBuf_str(&extra), *qe = q + extra.len; q < qe; conts++) {
      const char *nl = memchr(q, '\n', (size_t)(qe - q));
      q = nl ? nl + 1 : qe;
   }
   char type[32] = "cmd";
   if (conts)
      snprintf(type, sizeof type, "cmd:%zu", conts);
   bool ok = build_line(&buf, type, e.time, uuid, GvBuf_str(&canon), canon.len) &&
             Journal_append(j, buf.data, buf.len, true, e.kind);
   bool recorded = ok;
   if (ok) {
      GvBuf_append(out, buf.data, buf.len);
      GvBuf_putc(out, '\n');
   }
   const char *p = GvBuf_str(&extra), *end = p + extra.len;
   while (ok && p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
      char u2[37];
      ctx->new_uuid(ctx->ud, u2);
      u2[36] = '\0';
      ok = build_line(&buf, "cmd+", e.time, u2, p, n) && Journal_append(j, buf.data, buf.len, false, e.kind);
      if (ok) {
         GvBuf_append(out, buf.data, buf.len);
         GvBuf_putc(out, '\n');
      }
      p += n + 1;
   }
   if (ok && out->failed)
      ok = false;
   GvBuf_free(&canon);
   GvBuf_free(&extra);
   GvBuf_free(&buf);
   if (!ok) {
      /* Take back whatever was recorded of this unit and restore the state. */
      if (recorded) {
         Journal_drop_last(j);
         Journal_recompute(j);
      }
      GvBuf_truncate(out, out_mark);
      out->failed = false;
      rebuild(s);
      return fail(msg, msglen, GV_NOMEM, "out of memory");
   }
   if (e.kind == GV_ENTRY_DRAFT)
      j->entries[j->nentries - 1].target = (uint32_t)e.draft_target;
   s->last_time = e.time;
   if (s->uuid[0] == '\0')
      set_uuid_from_first(s);
   return GV_OK;
}

static GvStatus replay(Session *s, const char *line, size_t len, bool checked,
                       const SessionFields *pre, char *msg, size_t msglen) {
   if (msg && msglen)
      msg[0] = '\0';
   while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      len--;
   if (len == 0)
      return fail(msg, msglen, GV_BAD_LINE, "empty line");
   if (line[0] == GV_JOURNAL_MAGIC[0] && Journal_parse_header(line, len, NULL))
      return fail(msg, msglen, GV_BAD_LINE, "a header line in the middle of the journal");
   Journal *j = &s->journal;
   LineParts p;
   GvStatus st;
   if (pre) {   /* split already, the same way */
      p.type = line;
      p.type_len = pre->type_len;
      p.time = pre->time;
      p.uuid = line + pre->type_len + 21;
      p.payload = p.uuid + pre->uuid_len + (pre->payload ? 1 : 0);
      p.payload_len = len - (size_t)(p.payload - line);
      p.plain = pre->plain;
      /* Fields come only with a checked line: no NUL in its uuid. */
      p.uuid_whole = pre->uuid_len == 36;
      p.word = pre->word;
      p.word_at = pre->word_at;
      p.word_len = pre->word_len;
      /* A whole uuid is read where it stands (Cmd_uuid copies its 36
       * bytes): no copy of it for every line. */
      st = p.uuid_whole ? GV_OK : uuid_copy(GV_OK, &p, pre->uuid_len);
   } else {
      st = split_no_end(s, line, len, &p);
   }
   size_t conts = 0;
   bool is_cmd = st == GV_OK && type_is_cmd(&p, &conts);
   bool is_cont = !is_cmd && st == GV_OK && type_is(&p, "cmd+");
   if (!is_cmd && !is_cont) {
      bool looks_cmd = len > 4 && (memcmp(line, "cmd ", 4) == 0 || memcmp(line, "cmd:", 4) == 0);
      if (looks_cmd || (len > 5 && memcmp(line, "cmd+ ", 5) == 0)) {
         if (looks_cmd)
            j->orphans = true;
         return fail(msg, msglen, GV_BAD_LINE, "malformed command line (cmd TIME UUID PAYLOAD)");
      }
      /* A newer gavel's event: keep it verbatim. It needs at least a TYPE. */
      const char *sp = memchr(line, ' ', len);
      if (!sp || sp == line)
         return fail(msg, msglen, GV_BAD_LINE, "not a journal line (TYPE TIME UUID PAYLOAD)");
      if (!Journal_append(j, line, len, true, GV_ENTRY_OTHER))
         return fail(msg, msglen, GV_NOMEM, "out of memory");
      return GV_OK;
   }
   /* Only undo, redo and draft are told apart here: a look at the first
    * letter spares the others the comparison. */
   bool undo, redo, draft;
   if (p.word) {   /* read by the checks beside (Command_word) */
      undo = p.word == COMMAND_WORD_UNDO;
      redo = p.word == COMMAND_WORD_REDO;
      draft = p.word == COMMAND_WORD_DRAFT;
   } else {
      size_t w0 = 0;
      while (w0 < p.payload_len && (p.payload[w0] == ' ' || p.payload[w0] == '\t'))
         w0++;
      char c0 = w0 < p.payload_len ? (char)(p.payload[w0] | 0x20) : '\0';
      undo = c0 == 'u' && Command_word_is(p.payload, p.payload_len, "undo");
      redo = c0 == 'r' && Command_word_is(p.payload, p.payload_len, "redo");
      draft = c0 == 'd' && Command_word_is(p.payload, p.payload_len, "draft");
   }
   /* A unit cut short in the middle of the file is not a crash's doing (a
    * crash only cuts the end); its lines stay as they are. */
   if (is_cmd)
      j->awaiting = conts;
   if (is_cmd && (undo || redo)) {
      j->orphans = false;
      return flip(s, undo, line, len, msg, msglen);
   }
   if (is_cont) {
      if (j->orphans)
         return fail(msg, msglen, GV_BAD_LINE, "a cmd+ line of a command that could not be read");
      if (j->nentries == 0 || j->entries[j->nentries - 1].kind != GV_ENTRY_UNIT)
         return fail(msg, msglen, GV_BAD_LINE, "a cmd+ line without its cmd");
      if (!j->entries[j->nentries - 1].in_force)
         return fail(msg, msglen, GV_BAD_LINE, "a cmd+ line after an undo");
      if (j->awaiting == 0)
         return fail(msg, msglen, GV_BAD_LINE, "a cmd+ line more than its cmd:N announced");
      j->awaiting--;
   }
   /* Only a `draft` line is not an undo unit. */
   GvEntryKind kind = is_cmd && draft ? GV_ENTRY_DRAFT : GV_ENTRY_UNIT;
   bool planned = load_planned(s);
   if (planned && is_cmd) {
      /* A unit the file ends with undone is only kept, its cmd+ lines too. */
      s->load_skipping = kind == GV_ENTRY_UNIT &&
                         !SessionAhead_unit_in_force(s->ahead, s->load_units++);
   }
   if (s->stale || (planned && s->load_skipping)) {
      /* Kept as it is; Session_load_end() applies it with the rest, if the
       * first pass was wrong about it. */
      if (!checked)
         s->unchecked = true;   /* the rebuild checks every line then */
      if (!Journal_append(j, line, len, is_cmd, kind))
         return fail(msg, msglen, GV_NOMEM, "out of memory");
      if (is_cmd)
         j->orphans = false;
      if (planned && is_cmd && !SessionAhead_skip(s->ahead, j->nentries - 1))
         load_unplan(s);   /* cannot be checked: the end rebuilds */
      return GV_OK;
   }
   if (is_cmd && kind == GV_ENTRY_UNIT && (!s->loading || planned) && !s->replay_no_checkpoints) {
      /* While loading, the units applied are those the file leaves in force,
       * and the first pass tells where the last checkpoints go. */
      size_t p0 = planned ? s->load_applied : j->nforced;
      if (checkpoint_due(s, p0, planned ? SessionAhead_in_force(s->ahead) : GV_NONE))
         checkpoint_take(s, j->nentries, p0);
   }
   GvBuf scratch = GV_BUF_INIT;
   GvEntryKind ekind;
   size_t etarget;
   st = apply_parts(s, &p, &scratch, &ekind, &etarget, checked, msg, msglen);
   if (scratch.data)   /* a replay's is never written to */
      GvBuf_free(&scratch);
   if (is_cmd)
      j->orphans = st != GV_OK;
   if (st != GV_OK) {
      if (st == GV_NOMEM)
         rebuild(s);
      return st;
   }
   if (!(is_cmd ? Journal_append_entry(j, line, len, ekind)
                : Journal_append(j, line, len, false, ekind))) {
      rebuild(s);
      return fail(msg, msglen, GV_NOMEM, "out of memory");
   }
   if (ekind == GV_ENTRY_DRAFT)
      j->entries[j->nentries - 1].target = (uint32_t)etarget;
   else if (planned && is_cmd)
      s->load_applied++;
   if (s->uuid[0] == '\0')
      set_uuid_from_first(s);
   return GV_OK;
}

void Session_load_begin(Session *s) {
   s->loading = true;
   s->load_planned = s->load_skipping = false;
   s->load_units = s->load_applied = 0;
   SessionAhead_free(s->ahead);
   s->ahead = NULL;
}

void Session_load_reserve(Session *s, size_t n) {
   if (s->loading)
      (void)Journal_reserve(&s->journal, n);
}

void Session_load_ahead(Session *s, const char *line, size_t len) {
   if (!s->loading)
      return;
   if (!s->ahead && !(s->ahead = SessionAhead_new()))
      return;
   SessionAhead_line(s->ahead, line, len);
}

unsigned char Session_ahead_kind(const char *line, size_t len) {
   /* The usual line, "cmd TIME UUID PAYLOAD" with the UUID's blank where it
    * goes, whose PAYLOAD starts with a letter that starts none of undo, redo
    * and draft: a unit, as SessionAhead_kind would find it. */
   if (len > 61 && memcmp(line, "cmd ", 4) == 0 && line[60] == ' ' && line[61] != ' ' &&
       line[61] != '\t') {
      char c = (char)(line[61] | 0x20);
      if (c != 'u' && c != 'r' && c != 'd')
         return SESSION_AHEAD_UNIT;
   }
   return SessionAhead_kind(line, len);
}

void Session_load_ahead_kinds(Session *s, const unsigned char *kinds, size_t n) {
   if (!s->loading || n == 0)
      return;
   if (!s->ahead && !(s->ahead = SessionAhead_new()))
      return;
   SessionAhead_add_all(s->ahead, kinds, n);
}

void Session_load_replan(Session *s, const unsigned char *kinds, size_t n) {
   if (!s->loading || !s->ahead)
      return;
   /* No line left to look at: as if none had been given. */
   SessionAhead *a = kinds && n ? SessionAhead_new() : NULL;
   bool keep = a != NULL;
   if (keep)
      SessionAhead_add_all(a, kinds, n);
   keep = keep && SessionAhead_in_force(a) != GV_NONE;
   /* The units passed were applied or kept on the old look's word. */
   for (size_t u = 0; keep && u < s->load_units; u++)
      keep = SessionAhead_unit_in_force(a, u) == SessionAhead_unit_in_force(s->ahead, u);
   if (!keep) {
      SessionAhead_free(a);
      if (s->load_planned) {
         load_unplan(s);
      } else {   /* not used yet: the load goes on without one */
         SessionAhead_free(s->ahead);
         s->ahead = NULL;
      }
      return;
   }
   SessionAhead_done(a);
   SessionAhead_move_skipped(a, s->ahead);
   SessionAhead_free(s->ahead);
   s->ahead = a;
}

/* Did the first pass foresee the file? The units applied must be exactly
 * those in force: none of those kept unapplied is, and as many are as were
 * applied. */
static bool load_foreseen(const Session *s) {
   const Journal *j = &s->journal;
   size_t n;
   const size_t *skipped = SessionAhead_skipped(s->ahead, &n);
   for (size_t i = 0; i < n; i++)
      if (j->entries[skipped[i]].in_force)
         return false;
   return j->nforced == s->load_applied;
}

size_t Session_load_end(Session *s, size_t *line, char *msg, size_t msglen) {
   bool planned = load_planned(s), foreseen = planned && load_foreseen(s);
   s->loading = s->load_planned = s->load_skipping = false;
   SessionAhead_free(s->ahead);
   s->ahead = NULL;
   if (msg && msglen)
      msg[0] = '\0';
   if (planned && !foreseen)
      load_unplan(s);   /* the lines replayed were not those looked at */
   size_t bad = 0;
   if (s->stale) {
      state_clear(s);
      bad = rebuild_report(s, 0, line, msg, msglen);
   }
   if (s->uuid[0] == '\0')   /* the first line may have been only kept */
      set_uuid_from_first(s);
   return bad;
}

size_t Session_replay_awaiting(const Session *s) {
   return s->journal.awaiting;
}

void Session_rollback(Session *s) {
   s->journal.awaiting = 0;
   if (s->journal.nentries == 0)
      return;
   Journal_drop_last(&s->journal);
   Journal_recompute(&s->journal);
   for (size_t i = 0; i < GV_CHECKPOINTS; i++)
      if (s->checkpoints[i].entry > s->journal.nentries) {
         Session_free(s->checkpoints[i].state);
         s->checkpoints[i].state = NULL;
      }
   rebuild(s);
   set_uuid_from_first(s);
}
