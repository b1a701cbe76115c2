/* The command line tokenizer. Words split like a shell: blanks separate,
 * double quotes group (inside them \" \\ and \n are escapes), and a trailing
 * TEXT argument takes the rest of the line unquoted, where \n stands for a
 * newline and \\ for a backslash. Everywhere, \xHH stands for a control
 * character (01-1f, 7f; not for printable ones), so that a journal line never
 * holds a raw control byte other than a tab. The writers produce the
 * canonical forms that the readers turn back into the same values. */
#ifndef GAVEL_MODEL_WORDS_H
#define GAVEL_MODEL_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
#include <emmintrin.h>
#endif

#include "model/buf.h"
#include "model/status.h"
#include "model/util.h"

typedef struct Words {
   size_t count;
   char **word;      /* count unquoted words, NUL-terminated */
   size_t *start;    /* byte offset in the line where word i begins */
   bool *quoted;     /* word i had quotes */
   size_t open_quote;/* index of a word whose quote never closed, or (size_t)-1:
                      * fine inside a trailing TEXT, an error anywhere else */
   const char *line; /* the line split (not owned) */
   size_t len;
   char *store;      /* backing memory of its own, or NULL (Words_split_in) */
   bool plain;       /* the line is known to hold no backslash (set by the caller) */
} Words;

/* Only fails when out of memory (an unclosed quote is recorded, not refused). */
GvStatus Words_split(Words *w, const char *line, size_t len, char *msg, size_t msglen);
/* The same, splitting at most max words: for a command whose TEXT starts at a
 * known word, the rest of the line is read once, by Words_rest, and never
 * split. count is then at most max. */
GvStatus Words_split_max(Words *w, const char *line, size_t len, size_t max, char *msg,
                         size_t msglen);
/* The same in buf[0..size) when the line fits (no allocation: a caller that
 * splits line after line passes the same buffer each time), else in memory
 * of its own. buf must be aligned for a pointer. Words_free as always. */
GvStatus Words_split_in(Words *w, const char *line, size_t len, size_t max, void *buf,
                        size_t size, char *msg, size_t msglen);
/* For a command whose TEXT starts at word `text` and is read only through
 * Words_rest*: the words before it split as Words_split_in does, the TEXT's
 * first word only found (count is text + 1 when the line goes on after word
 * text - 1, and start[text] is where). word[text] is "", quoted[text] false,
 * and a quote left open in the TEXT is not recorded in open_quote. */
GvStatus Words_split_text(Words *w, const char *line, size_t len, size_t text, void *buf,
                          size_t size, char *msg, size_t msglen);
/* Words_split_first: at the end of this header (inline). */
void Words_free(Words *w);
/* The rest of the line from word i on as TEXT (escapes decoded; a rest that
 * is exactly one quoted string is unquoted). "" when i >= count. Returns a new
 * string (NULL on ENOMEM); *n gets its length. */
char *Words_rest(const Words *w, size_t i, size_t *n);
/* The same written into out, which has room for Words_rest_room(w, i) bytes
 * (the TEXT as it stands, and a NUL: decoding never lengthens it). Returns
 * its length. For appending the TEXT where it is kept, without a copy. */
size_t Words_rest_room(const Words *w, size_t i);
size_t Words_rest_into(const Words *w, size_t i, char *out);
/* The TEXT from word i on when it is the rest of the line exactly as it
 * stands, up to the line's end (not empty, no escape, not quoted): a
 * pointer into the line, *n its length; else NULL. */
static inline const char *Words_rest_plain(const Words *w, size_t i, size_t *n);
/* Case-insensitive ASCII comparison of word i with a keyword. Inline: floor
 * asks it of every code ('first'?), and most words differ in their first
 * letter. */
static inline bool Words_is(const Words *w, size_t i, const char *keyword);

/* Appends a word, quoted and escaped only when needed. */
bool Words_put_word(GvBuf *b, const char *s, size_t n);
/* Appends a word always in quotes (for values that could read as keywords). */
bool Words_put_quoted(GvBuf *b, const char *s, size_t n);
/* Appends a trailing TEXT so that Words_rest() gives it back exactly. */
bool Words_put_text(GvBuf *b, const char *s, size_t n);

/* ---- inline: the words of a line whose first word is known ---- */

/* Word 0 the plain run line[i..r), and word 1, when the line goes on at e,
 * a TEXT found there (not copied: Words_rest reads it from start[1]). */
static inline bool Words_put_first(Words *w, const char *line, size_t len, size_t i, size_t r,
                                   size_t e, void *buf, size_t size) {
   const size_t maxw = 2;
   size_t arrays = maxw * (sizeof *w->word + sizeof *w->start + sizeof *w->quoted);
   if (!buf || arrays + (r - i) + 2 > size)
      return false;
   /* Every field set here (as split's memset would leave it): no memset. */
   w->open_quote = SIZE_MAX;
   w->line = line;
   w->len = len;
   w->store = NULL;
   w->plain = false;
   char *block = buf;
   w->word = (char **)(void *)block;
   w->start = (size_t *)(void *)(block + maxw * sizeof *w->word);
   w->quoted = (bool *)(block + maxw * (sizeof *w->word + sizeof *w->start));
   char *out = block + arrays;
#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
   if (r - i <= 16 && len - i >= 16 && arrays + 16 + 2 <= size)
      _mm_storeu_si128((__m128i *)(void *)out,
                       _mm_loadu_si128((const __m128i *)(const void *)(line + i)));
   else
#endif
      memcpy(out, line + i, r - i);
   out[r - i] = '\0';
   w->word[0] = out;
   w->start[0] = i;
   w->quoted[0] = false;
   w->count = 1;
   if (e < len) {
      w->word[1] = out + (r - i) + 1;
      w->word[1][0] = '\0';
      w->start[1] = e;
      w->quoted[1] = false;
      w->count = 2;
   }
   return true;
}

/* The words of a line whose first word is known to be the plain run
 * line[i..r) (no quote, escape or line end; a blank or the line's end after
 * it), as Words_split_text (text) or Words_split_in give them, without
 * reading that word again: true when the line has no word after it, or (text)
 * when the TEXT is word 1; false when more words must be read (split then).
 * Inline: the replay's most frequent split. */
static inline bool Words_split_first(Words *w, const char *line, size_t len, size_t i,
                                     size_t r, bool text, void *buf, size_t size) {
   size_t e = r;
   while (e < len && (line[e] == ' ' || line[e] == '\t' || line[e] == '\r' || line[e] == '\n'))
      e++;
   if (e < len && !text)
      return false;
   return Words_put_first(w, line, len, i, r, e, buf, size);
}

static inline bool Words_is(const Words *w, size_t i, const char *keyword) {
   if (i >= w->count || w->quoted[i])
      return false;
   char k = keyword[0], c = w->word[i][0];
   if (k >= 'a' && k <= 'z' && c != k && c != k - 32)
      return false;
   return Util_word_eq(w->word[i], keyword);
}

/* Inline: every replayed note asks it. The TEXT must reach the line's end
 * (nothing trimmed: a blank or a line end there makes it NULL). */
static inline const char *Words_rest_plain(const Words *w, size_t i, size_t *n) {
   if (i >= w->count)
      return NULL;
   const char *s = w->line + w->start[i];
   size_t len = w->len - w->start[i];
   char last = len ? s[len - 1] : ' ';
   if (last == ' ' || last == '\t' || last == '\r' || last == '\n' || s[0] == '"' ||
       (!w->plain && memchr(s, '\\', len)))
      return NULL;
   *n = len;
   return s;
}

#endif
