/* The command dispatcher and the helpers every handler shares. */
#include "model/command.h"

#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
#include <emmintrin.h>
#endif

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session_copy.h"
#include "model/utf8.h"
#include "model/util.h"

/* The longest command word looked up; names are kept padded with NULs to
 * one more byte, so that a look-up compares twelve bytes, not strings. */
#define COMMAND_WORD_MAX 11

typedef struct Command {
   char name[COMMAND_WORD_MAX + 1];
   CommandFn fn;
   /* As text_from gives them for this name, 0 for SIZE_MAX: the word its
    * TEXT starts at, and the most words split. */
   unsigned char text, max;
} Command;

/* undo and redo are handled by the session itself (they flip units). The
 * commands a meeting's journal is mostly made of come first: the look-up
 * stops at the first match. */
static const Command Commands[] = {
   { "note", Cmd_note, 1, 0 },          { "next", Cmd_next, 0, 0 },
   { "end", Cmd_end, 0, 0 },            { "pos", Cmd_pos, 3, 0 },
   { "draft", Cmd_draft, 0, 3 },        { "floor", Cmd_floor, 0, 0 },
   { "give", Cmd_give, 0, 0 },          { "set", Cmd_set, 0, 0 },
   { "roster", Cmd_roster, 0, 0 },      { "delegation", Cmd_delegation_def, 0, 0 },
   { "attend", Cmd_attend, 0, 0 },      { "at", Cmd_at, 0, 0 },
   { "item", Cmd_item_cmd, 0, 0 },      { "tour", Cmd_tour, 0, 0 },
   { "withdraw", Cmd_withdraw, 0, 0 },  { "presents", Cmd_presents, 0, 0 },
   { "reserve", Cmd_reserve, 3, 0 },    { "lift", Cmd_lift, 0, 0 },
   { "outcome", Cmd_outcome, 2, 0 },    { "deadline", Cmd_deadline, 0, 0 },
   { "action", Cmd_action, 0, 0 },      { "done", Cmd_done, 0, 0 },
   { "close", Cmd_close, 0, 0 },        { "paragraph", Cmd_paragraph, 0, 0 },
   { "group", Cmd_group, 0, 0 },        { "edit", Cmd_edit, 0, 0 },
   { "speaker", Cmd_speaker, 0, 0 },    { "delete", Cmd_delete, 0, 0 },
   { "move", Cmd_move, 0, 0 },
};

/* What `on NUM` may run on an item that is not the current one: records
 * about the item, never the floor (whose queue and speaker are the
 * current item's) nor a note (it goes to whoever has the floor). */
static const char *const On_commands[] = {
   "outcome", "pos", "reserve", "lift", "deadline", "action", "paragraph", "group",
};

/* Aliases people reach for. Each starts with a, p or r: Command_run looks
 * among them only for a word that does. */
static const struct { char alias[COMMAND_WORD_MAX + 1], name[COMMAND_WORD_MAX + 1]; } Aliases[] = {
   { "position", "pos" }, { "reservation", "reserve" }, { "attendance", "attend" },
   { "agenda", "item" },       { "para", "paragraph" },
};

/* Alphabetical, with undo and redo, for completion and help. */
static const char *const Names[] = {
   "action", "at", "attend", "close", "deadline", "delegation", "delete", "done", "draft", "edit",
   "end", "floor", "give", "group", "item", "lift", "move", "next", "note", "on", "outcome", "para",
   "paragraph", "pos", "presents", "redo", "reserve", "roster", "set", "speaker", "tour", "undo",
   "withdraw",
};

const char *Session_command_name(size_t i) {
   return i < sizeof Names / sizeof *Names ? Names[i] : NULL;
}

void Command_name(const char *payload, size_t len, char *out, size_t n) {
   size_t i = 0, o = 0;
   while (i < len && (payload[i] == ' ' || payload[i] == '\t'))
      i++;
   while (i < len && payload[i] != ' ' && payload[i] != '\t' && o + 1 < n) {
      char c = payload[i++];
      out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
   }
   if (n)
      out[o] = '\0';
}

/* Is the command word of payload `word` (lower case; the payload's in any case)? */
static bool Command_is(const char *payload, size_t len, const char *word) {
   size_t i = 0, k = 0;
   while (i < len && (payload[i] == ' ' || payload[i] == '\t'))
      i++;
   for (; word[k]; k++, i++) {
      char c = i < len ? payload[i] : '\0';
      if ((c >= 'A' && c <= 'Z' ? (char)(c + 32) : c) != word[k])
         return false;
   }
   return i == len || payload[i] == ' ' || payload[i] == '\t';
}

bool Command_word_is(const char *payload, size_t len, const char *word) {
   return Command_is(payload, len, word);
}

/* A command word in lower case, when it has at most COMMAND_WORD_MAX bytes:
 * its length (0 when longer, or empty). */
static size_t Command_lower(const char *s, size_t n, char out[COMMAND_WORD_MAX + 1]) {
   if (n == 0 || n > COMMAND_WORD_MAX)
      return 0;
   for (size_t i = 0; i < n; i++) {
      char c = s[i];
      out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
   }
   out[n] = '\0';
   return n;
}

/* The command word of payload (its first word as it stands, up to a blank
 * or a tab) in lower case into w, in one pass: its length, 0 when longer
 * than COMMAND_WORD_MAX or empty. *plain: it has no quote, backslash, CR or
 * LF, so that Words_split's first word is these very bytes. */
static size_t Command_first(const char *payload, size_t len, char w[COMMAND_WORD_MAX + 1],
                            bool *plain, size_t *at) {
   /* 1: ends the word; 2: Words_split reads it otherwise (a quote, an
    * escape, a line end). One look-up a byte. */
   static const unsigned char cls[256] = { [' '] = 1, ['\t'] = 1, ['"'] = 2, ['\\'] = 2,
                                           ['\r'] = 2, ['\n'] = 2 };
   size_t i = 0, n = 0;
   unsigned odd = 0;
   while (i < len && (payload[i] == ' ' || payload[i] == '\t'))
      i++;
   *at = i;
#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
   /* Sixteen bytes at once where the line has them: the word's end (a
    * blank), its odd bytes and its lower case, as the loop below has them. */
   if (len - i >= 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(payload + i));
      unsigned end = (unsigned)_mm_movemask_epi8(_mm_or_si128(
         _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
      n = (size_t)__builtin_ctz(end | 0x10000u);
      if (n > COMMAND_WORD_MAX) {
         *plain = false;
         return 0;
      }
      unsigned bad = (unsigned)_mm_movemask_epi8(_mm_or_si128(
         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')))));
      __m128i t = _mm_sub_epi8(v, _mm_set1_epi8('A'));
      __m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(25)), t);
      __m128i low = _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(32)));
      /* The bytes past the word are NULs, as the look-up wants them. */
      __m128i keep = _mm_cmplt_epi8(_mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                                    _mm_set1_epi8((char)n));
      union {
         __m128i v;
         char b[16];
      } out;
      _mm_storeu_si128(&out.v, _mm_and_si128(low, keep));
      memcpy(w, out.b, COMMAND_WORD_MAX + 1);
      *plain = !(bad & ((1u << n) - 1)) && n > 0;
      return n;
   }
#endif
   for (; i < len; i++, n++) {
      unsigned char c = (unsigned char)payload[i];
      unsigned k = cls[c];
      if (k & 1)
         break;
      if (n == COMMAND_WORD_MAX) {
         *plain = false;
         return 0;
      }
      odd |= k;
      w[n] = (char)((unsigned char)(c - 'A') < 26 ? c + 32 : c);
   }
   w[n] = '\0';
   *plain = !odd && n > 0;
   return n;
}

/* Where the TEXT (the rest of the line, read as it stands) of a command
 * starts: the index of its first word, SIZE_MAX for a command whose words
 * are all read. w is the command word as Command_first gives it. note, pos,
 * reserve and outcome read their TEXT only through Words_rest*: it is never
 * split (Words_split_text). draft reads its first word, an intervention or
 * the TEXT's start: its first two words are split (*max). */
static size_t text_from(const char *w, size_t n, size_t *max) {
   *max = SIZE_MAX;
   switch (n) {
   case 3:
      return memcmp(w, "pos", 3) == 0 ? 3 : SIZE_MAX;
   case 4:
      return memcmp(w, "note", 4) == 0 ? 1 : SIZE_MAX;
   case 5:
      if (memcmp(w, "draft", 5) == 0)
         *max = 3;
      return SIZE_MAX;
   case 7:
      return memcmp(w, "outcome", 7) == 0 ? 2 : memcmp(w, "reserve", 7) == 0 ? 3 : SIZE_MAX;
   default:
      return SIZE_MAX;
   }
}

GvStatus Cmd_fail(Exec *e, GvStatus st, const char *fmt, ...) {
   if (e->msg && e->msglen) {
      va_list ap;
      va_start(ap, fmt);
      vsnprintf(e->msg, e->msglen, fmt, ap);
      va_end(ap);
   }
   return st;
}

static GvStatus Command_run(Exec *e, const char *payload, size_t len, bool nested);

/* on NUM COMMAND...: runs a record command on item NUM as if it were current,
 * without taking it up: its take-up time, the current item and the floor stay
 * as they are. Canonical: on ITEM-UUID COMMAND... */
static GvStatus Command_on(Exec *e, Words *w, const char *payload, size_t len) {
   size_t idx;
   GvStatus st = Cmd_check_quotes(e, w, 3);
   if (st != GV_OK || (st = Cmd_item(e, w, 1, &idx)) != GV_OK)
      return st;
   if (w->count < 3)
      return Cmd_fail(e, GV_USAGE, "on needs NUM COMMAND (outcome, pos, reserve, lift, deadline, action, paragraph, group)");
   const char *name = w->word[2];
   for (size_t i = 0; i < sizeof Aliases / sizeof *Aliases; i++)
      if (Util_word_eq(name, Aliases[i].alias))
         name = Aliases[i].name;
   bool allowed = false;
   for (size_t i = 0; i < sizeof On_commands / sizeof *On_commands; i++)
      allowed = allowed || Util_word_eq(name, On_commands[i]);
   if (!allowed)
      return Cmd_fail(e, GV_USAGE, "'on NUM' runs outcome, pos, reserve, lift, deadline, action, paragraph or group, not '%.40s'", w->word[2]);
   GvBuf_puts(e->canon, "on");
   Cmd_put_item(e, idx);
   GvBuf_putc(e->canon, ' ');
   size_t keep = e->s->agenda.current;
   e->s->agenda.current = idx;
   st = Command_run(e, payload + w->start[2], len - w->start[2], true);
   e->s->agenda.current = keep;
   return st;
}

/* Command_word's look-up: each name (the table's, undo's and redo's) by a
 * hash of its first eight bytes, in 64 slots probed in turn; filled once,
 * before main (and so before any thread reads it). A word is compared
 * with its bytes ORed with 0x20: every name is lower-case letters, and a
 * byte that gives a letter so is that letter in either case. */
#define COMMAND_SLOTS 64
typedef struct CommandSlot {
   uint64_t lo;     /* the name's first eight bytes, NULs after it */
   uint32_t hi;     /* its bytes 8 to 11 */
   uint8_t word;    /* Command_word's answer; 0: an empty slot */
} CommandSlot;
static CommandSlot Command_slots[COMMAND_SLOTS];

static inline size_t Command_slot(uint64_t lo) {
   return (size_t)((lo * 0x9E3779B97F4A7C15ULL) >> 58);
}

static void Command_slot_add(const char *name, unsigned word) {
   char pad[COMMAND_WORD_MAX + 1] = { 0 };
   memcpy(pad, name, strlen(name));
   CommandSlot c = { .word = (uint8_t)word };
   memcpy(&c.lo, pad, 8);
   memcpy(&c.hi, pad + 8, 4);
   size_t i = Command_slot(c.lo);
   while (Command_slots[i].word)
      i = (i + 1) % COMMAND_SLOTS;
   Command_slots[i] = c;
}

__attribute__((constructor)) static void Command_slots_fill(void) {
   Command_slot_add("undo", COMMAND_WORD_UNDO);
   Command_slot_add("redo", COMMAND_WORD_REDO);
   for (size_t i = 0; i < sizeof Commands / sizeof *Commands; i++)
      Command_slot_add(Commands[i].name, COMMAND_WORD_TABLE + (unsigned)i);
}

/* The look-up as it was, a byte at a time and through the table: for a
 * word after blanks, a short payload, or without SSE2. */
static unsigned Command_word_slow(const char *payload, size_t len, size_t *at, size_t *n) {
   char name[COMMAND_WORD_MAX + 1] = { 0 };
   bool plain;
   *n = Command_first(payload, len, name, &plain, at);
   if (!plain || *at > UINT8_MAX)
      return 0;
   if (*n == 4 && memcmp(name, "undo", 5) == 0)
      return COMMAND_WORD_UNDO;
   if (*n == 4 && memcmp(name, "redo", 5) == 0)
      return COMMAND_WORD_REDO;
   for (size_t i = 0; i < sizeof Commands / sizeof *Commands; i++)
      if (memcmp(name, Commands[i].name, sizeof name) == 0)
         return COMMAND_WORD_TABLE + (unsigned)i;
   return 0;
}

unsigned Command_word(const char *payload, size_t len, size_t *at, size_t *n) {
#if defined(__x86_64__) && defined(__SSE2__) && !defined(GAVEL_PORTABLE) && defined(__BYTE_ORDER__) && \
   __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
   /* Nearly always the word starts the payload: its end found in one
    * compare of sixteen bytes (a shorter payload's copied, its end marked),
    * its bytes looked up by their hash. A quote, backslash or line end in
    * it makes it no name (as Command_first has it: not plain), so it needs
    * no test of its own. */
   if (len > 0 && payload[0] != ' ' && payload[0] != '\t') {
      __m128i v;
      unsigned stop = 1u << 16;
      if (len >= 16) {
         v = _mm_loadu_si128((const __m128i *)(const void *)payload);
      } else {
         /* Its bytes and zeros after them, from loads that overlap (no
          * call to copy them). */
         uint64_t lo, hi = 0;
         if (len >= 8) {
            uint64_t b;
            memcpy(&lo, payload, 8);
            memcpy(&b, payload + len - 8, 8);
            hi = len > 8 ? b >> (8 * (16 - len)) : 0;
         } else if (len >= 4) {
            uint32_t a, b;
            memcpy(&a, payload, 4);
            memcpy(&b, payload + len - 4, 4);
            lo = a | (uint64_t)b << (8 * (len - 4));
         } else {
            lo = (unsigned char)payload[0];
            if (len > 1)
               lo |= (uint64_t)(unsigned char)payload[1] << 8;
            if (len > 2)
               lo |= (uint64_t)(unsigned char)payload[2] << 16;
         }
         v = _mm_set_epi64x((long long)hi, (long long)lo);
         stop = 1u << len;
      }
      unsigned end = (unsigned)_mm_movemask_epi8(_mm_or_si128(
         _mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
      size_t k = (size_t)__builtin_ctz(end | stop);
      /* A NUL in the word reads as the table's padding (the way below
       * finds "note\0" a note): left to it. */
      if ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128())) & ((1u << k) - 1))
         return Command_word_slow(payload, len, at, n);
      *at = 0;
      if (k > COMMAND_WORD_MAX) {
         *n = 0;
         return 0;
      }
      *n = k;
      uint64_t lo = (uint64_t)_mm_cvtsi128_si64(v);
      uint32_t hi = (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(v, 8));
      lo = (lo | 0x2020202020202020ULL) & (k >= 8 ? ~0ULL : (1ULL << (8 * k)) - 1);
      hi = k > 8 ? (hi | 0x20202020u) & (uint32_t)((1ULL << (8 * (k - 8))) - 1) : 0;
      for (size_t i = Command_slot(lo); Command_slots[i].word; i = (i + 1) % COMMAND_SLOTS)
         if (Command_slots[i].lo == lo && Command_slots[i].hi == hi)
            return Command_slots[i].word;
      return 0;
   }
#endif
   return Command_word_slow(payload, len, at, n);
}

GvStatus Command_exec(Exec *e, const char *payload, size_t len) {
   return Command_run(e, payload, len, false);
}

static GvStatus Command_run(Exec *e, const char *payload, size_t len, bool nested) {
   if (!e->checked && memchr(payload, '\0', len))
      return Cmd_fail(e, GV_BAD_VALUE, "the line contains a NUL byte");
   if (!e->checked && !Utf8_valid(payload, len))
      return Cmd_fail(e, GV_BAD_UTF8, "the line is not valid UTF-8");
   /* note, draft and outcome read their first two words and then the rest
    * of the line as TEXT (Cmd_note, Cmd_draft, Cmd_outcome), pos and reserve
    * their first three: the TEXT, most of a journal, is never split into
    * words. */
   char name[COMMAND_WORD_MAX + 1];   /* padded with NULs for the look-up */
   bool plain;
   size_t at, raw, max, text;
   const Command *cmd = NULL;
   if (!nested && e->word >= COMMAND_WORD_TABLE &&
       (size_t)(e->word - COMMAND_WORD_TABLE) < sizeof Commands / sizeof *Commands) {
      /* Read before (Command_word): the plain name of a command, as it is;
       * where its TEXT starts is in the table (name is not read below). */
      cmd = &Commands[e->word - COMMAND_WORD_TABLE];
      at = e->word_at;
      raw = e->word_len;
      plain = true;
      text = cmd->text ? cmd->text : SIZE_MAX;
      max = cmd->max ? cmd->max : SIZE_MAX;
   } else {
      memset(name, 0, sizeof name);
      raw = Command_first(payload, len, name, &plain, &at);
      text = text_from(name, raw, &max);
   }
   /* The words of a line nearly always fit here: no allocation per line. */
   union {
      max_align_t align;
      char bytes[4096];
   } scratch;
   Words w;
   /* A plain word alone, or before a TEXT at word 1 (next, end, note): the
    * word just read is word 0. */
   GvStatus st = plain && (text == 1 || text == SIZE_MAX) &&
                       Words_split_first(&w, payload, len, at, at + raw, text == 1, scratch.bytes,
                                         sizeof scratch)
                    ? GV_OK
                 : text != SIZE_MAX ? Words_split_text(&w, payload, len, text, scratch.bytes,
                                                     sizeof scratch, e->msg, e->msglen)
                                  : Words_split_in(&w, payload, len, max, scratch.bytes,
                                                   sizeof scratch, e->msg, e->msglen);
   if (st != GV_OK)
      return st;
   w.plain = e->plain;
   if (w.count == 0) {
      Words_free(&w);
      return Cmd_fail(e, GV_EMPTY, "empty command");
   }
   /* The word in lower case once; every name below is compared with it. A
    * plain word is the one already lowered; so is a word as long as it
    * stands in the line (a quote or an escape takes bytes away). */
   size_t nlen = raw;
   if (!cmd && !plain) {
      size_t wlen = strnlen(w.word[0], COMMAND_WORD_MAX + 1);
      if (!raw || wlen != raw) {
         memset(name, 0, sizeof name);
         nlen = Command_lower(w.word[0], wlen, name);
      }
   }
   /* Every alias starts with a, p or r. */
   bool alias = !cmd && nlen && (name[0] == 'a' || name[0] == 'p' || name[0] == 'r');
   for (size_t i = 0; alias && i < sizeof Aliases / sizeof *Aliases; i++)
      if (memcmp(name, Aliases[i].alias, sizeof name) == 0) {
         memcpy(name, Aliases[i].name, sizeof name);
         nlen = strlen(name);
      }
   if (!cmd && !nested && nlen == 2 && memcmp(name, "on", 2) == 0) {
      e->kind = GV_ENTRY_UNIT;
      st = Command_on(e, &w, payload, len);
      Words_free(&w);
      return st;
   }
   for (size_t i = 0; nlen && i < sizeof Commands / sizeof *Commands && !cmd; i++)
      if (memcmp(name, Commands[i].name, sizeof name) == 0)
         cmd = &Commands[i];
   if (!cmd) {
      /* `"item add X` is a quote left open, not a command of that name. */
      if ((st = Cmd_check_quotes(e, &w, 1)) == GV_OK)
         st = Cmd_fail(e, GV_UNKNOWN_CMD, "unknown command '%.40s'", w.word[0]);
   } else {
      e->kind = GV_ENTRY_UNIT;
      if (!e->canon->failed)   /* a replay keeps no canonical text */
         GvBuf_puts(e->canon, cmd->name);
      st = cmd->fn(e, &w);
      /* On replay the canonical text is not kept (see apply_parts). */
      if (st == GV_OK && e->live && (e->canon->failed || (e->extra && e->extra->failed)))
         st = Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   if (w.store)   /* words in the scratch own nothing */
      Words_free(&w);
   return st;
}

GvStatus Cmd_open_quote(Exec *e, const Words *w) {
   return Cmd_fail(e, GV_BAD_QUOTE, "unterminated quote in '%.40s'", w->word[w->open_quote]);
}

GvStatus Cmd_delegation(Exec *e, const Words *w, size_t i, size_t *idx) {
   if (i >= w->count)
      return Cmd_fail(e, GV_USAGE, "%s needs a delegation code", w->word[0]);
   const char *code = w->word[i];
   *idx = Roster_find_word(&e->s->roster, code);
   if (*idx == GV_NONE)
      return Cmd_fail(e, GV_NO_DELEGATION, "unknown delegation '%.40s'", code);
   return GV_OK;
}

void Cmd_item_name(const Exec *e, size_t idx, char *buf, size_t n) {
   Agenda_path(&e->s->agenda, idx, buf, n);
}

GvStatus Cmd_item(Exec *e, const Words *w, size_t i, size_t *idx) {
   if (i >= w->count)
      return Cmd_fail(e, GV_USAGE, "%s needs an item number", w->word[0]);
   const char *ref = w->word[i];
   *idx = Agenda_find(&e->s->agenda, ref, strlen(ref));
   if (*idx == GV_NONE) {
      char range[32];
      Agenda_range(&e->s->agenda, range, sizeof range);
      return Cmd_fail(e, GV_NO_ITEM, "item %.40s does not exist (items: %s)", ref, range);
   }
   return GV_OK;
}

GvStatus Cmd_no_current(Exec *e) {
   return Cmd_fail(e, GV_NO_CURRENT, "no item is taken up (use 'item NUM')");
}

GvStatus Cmd_text(Exec *e, const Words *w, size_t i, char **out, size_t *n) {
   *out = Words_rest(w, i, n);
   if (!*out)
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   return GV_OK;
}

int64_t Cmd_ref_day(const Exec *e) {
   if (e->s->meta.date != GV_NO_DAY)
      return e->s->meta.date;
   return e->time != GV_NO_TIME ? Time_day(e->time) : GV_NO_DAY;
}

static bool all_digits(const char *s) {
   if (!*s)
      return false;
   for (; *s; s++)
      if (*s < '0' || *s > '9')
         return false;
   return true;
}

GvStatus Cmd_date(Exec *e, const Words *w, size_t i, int64_t *day, size_t *used) {
   if (i >= w->count)
      return Cmd_fail(e, GV_USAGE, "%s needs a date", w->word[0]);
   int64_t ref = Cmd_ref_day(e);
   if (all_digits(w->word[i]) && strlen(w->word[i]) <= 2 && i + 1 < w->count) {
      /* "31 May" or "31 May 2017" */
      char buf[96];
      if (i + 2 < w->count && all_digits(w->word[i + 2])) {
         snprintf(buf, sizeof buf, "%.20s %.20s %.20s", w->word[i], w->word[i + 1], w->word[i + 2]);
         if (Date_parse(buf, strlen(buf), ref, day, NULL, 0) == GV_OK) {
            *used = 3;
            return GV_OK;
         }
      }
      snprintf(buf, sizeof buf, "%.20s %.20s", w->word[i], w->word[i + 1]);
      *used = 2;
      return Date_parse(buf, strlen(buf), ref, day, e->msg, e->msglen);
   }
   *used = 1;
   return Date_parse(w->word[i], strlen(w->word[i]), ref, day, e->msg, e->msglen);
}

void Cmd_put_code_text(Exec *e, size_t idx) {
   GvBuf_putc(e->canon, ' ');
   GvBuf_puts(e->canon, e->s->roster.list[idx].code);
}

void Cmd_put_item(Exec *e, size_t idx) {
   GvBuf_putc(e->canon, ' ');
   GvBuf_puts(e->canon, e->s->agenda.items[idx].uuid);
}

void Cmd_uuid_copy(const Exec *e, char out[37]) {
   size_t n = strnlen(e->uuid, 36);
   memcpy(out, e->uuid, n);
   out[n] = '\0';
}

void Cmd_replace(char **field, char *value) {
   free(*field);
   *field = value;
}
