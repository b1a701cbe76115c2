/* Shell-like word splitting and the matching canonical writers. */
#include "model/words.h"
#include "model/util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
#include <emmintrin.h>
#endif

static bool is_blank(char c) {
   return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int hex(char c) {
   if (c >= '0' && c <= '9')
      return c - '0';
   if (c >= 'a' && c <= 'f')
      return c - 'a' + 10;
   if (c >= 'A' && c <= 'F')
      return c - 'A' + 10;
   return -1;
}

/* A control character written as \xHH (how the writers keep the journal free
 * of raw control bytes): its value, or -1 when s does not start with one.
 * Only control characters decode, so "\x41" typed in a note stays as typed. */
static int ctl_escape(const char *s, size_t n) {
   if (n < 4 || s[0] != '\\' || s[1] != 'x' || hex(s[2]) < 0 || hex(s[3]) < 0)
      return -1;
   int v = hex(s[2]) * 16 + hex(s[3]);
   return (v > 0 && v < 0x20) || v == 0x7F ? v : -1;
}

/* A control character the writers must escape (tab and newline have their own ways). */
static bool needs_hex(unsigned char c) {
   return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;
}

static void put_hex(GvBuf *b, unsigned char c) {
   static const char digits[] = "0123456789abcdef";
   char e[4] = { '\\', 'x', digits[c >> 4], digits[c & 15] };
   GvBuf_append(b, e, 4);
}

/* A byte that ends a run of plain word bytes: a blank, a quote or a backslash. */
static bool is_special(char c) {
   static const bool special[256] = { [' '] = true, ['"'] = true, ['\\'] = true,
                                      ['\t'] = true, ['\r'] = true, ['\n'] = true };
   return special[(unsigned char)c];
}

/* The end of a plain run that starts before r: the first special byte from
 * r on, or len. Sixteen bytes a step while sixteen are left (a title, a
 * long word): a step stops at a blank, any other byte below 0x21, a quote
 * or a backslash, and the bytes from there on are read one at a time, so
 * that a control byte (not special) only ends the step. */
static inline size_t plain_run_end(const char *line, size_t r, size_t len) {
#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
   const __m128i low = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'),
                 backslash = _mm_set1_epi8('\\');
   while (len - r >= 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(line + r));
      __m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, low), v),
                               _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
      unsigned bits = (unsigned)_mm_movemask_epi8(m);
      if (bits) {
         r += (size_t)__builtin_ctz(bits);
         break;
      }
      r += 16;
   }
#endif
   while (r < len && !is_special(line[r]))
      r++;
   return r;
}

/* Inside quotes a run ends only at a quote or a backslash: blanks are part
 * of a quoted word (a title), which then goes in one copy. */
static inline size_t quoted_run_end(const char *line, size_t r, size_t len) {
#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
   const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
   while (len - r >= 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(line + r));
      unsigned bits = (unsigned)_mm_movemask_epi8(
         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
      if (bits) {
         r += (size_t)__builtin_ctz(bits);
         break;
      }
      r += 16;
   }
#endif
   while (r < len && line[r] != '"' && line[r] != '\\')
      r++;
   return r;
}

static GvStatus split(Words *w, const char *line, size_t len, size_t max, size_t text, void *buf,
                      size_t size, char *msg, size_t msglen);

GvStatus Words_split(Words *w, const char *line, size_t len, char *msg, size_t msglen) {
   return Words_split_max(w, line, len, SIZE_MAX, msg, msglen);
}

GvStatus Words_split_max(Words *w, const char *line, size_t len, size_t max, char *msg,
                         size_t msglen) {
   return Words_split_in(w, line, len, max, NULL, 0, msg, msglen);
}

GvStatus Words_split_in(Words *w, const char *line, size_t len, size_t max, void *buf,
                        size_t size, char *msg, size_t msglen) {
   return split(w, line, len, max, SIZE_MAX, buf, size, msg, msglen);
}

/* Words_split_text for a TEXT at word 1 (note TEXT, most of a journal) whose
 * first word is plain (no quote, no escape): that word and where the TEXT
 * starts, as the loop of split finds them, without its set-up. False when
 * the line is not so (split reads it). */
static bool split_word_text(Words *w, const char *line, size_t len, void *buf, size_t size) {
   size_t i = 0;
   while (i < len && is_blank(line[i]))
      i++;
   size_t r = i < len ? plain_run_end(line, i, len) : i;
   if (r == i || (r < len && !is_blank(line[r])))
      return false;
   size_t e = r;
   while (e < len && is_blank(line[e]))
      e++;
   return Words_put_first(w, line, len, i, r, e, buf, size);
}

GvStatus Words_split_text(Words *w, const char *line, size_t len, size_t text, void *buf,
                          size_t size, char *msg, size_t msglen) {
   if (text == 1 && buf && split_word_text(w, line, len, buf, size))
      return GV_OK;
   return split(w, line, len, text + 1, text, buf, size, msg, msglen);
}

/* Words_split_in; the word at index `text` (SIZE_MAX: none) is only found. */
static GvStatus split(Words *w, const char *line, size_t len, size_t max, size_t text, void *buf,
                      size_t size, char *msg, size_t msglen) {
   memset(w, 0, sizeof *w);
   w->open_quote = SIZE_MAX;
   w->line = line;
   w->len = len;
   /* At most one word per two bytes (a word and a blank), plus one. One block
    * holds the arrays and the unquoted text: one allocation per line. */
   size_t maxw = len / 2 + 1;
   if (maxw > max)
      maxw = max;
   size_t arrays = maxw * (sizeof *w->word + sizeof *w->start + sizeof *w->quoted);
   size_t need = arrays + len + maxw + 1;
   char *block = buf && need <= size ? buf : (w->store = malloc(need));
   if (!block) {
      if (msg && msglen)
         snprintf(msg, msglen, "out of memory");
      return GV_NOMEM;
   }
   w->word = (char **)(void *)block;
   w->start = (size_t *)(void *)(block + maxw * sizeof *w->word);
   w->quoted = (bool *)(block + maxw * (sizeof *w->word + sizeof *w->start));
   char *out = block + arrays, *out_end = block + need;
   (void)out_end;
   size_t i = 0;
   for (;;) {
      while (i < len && is_blank(line[i]))
         i++;
      if (i >= len || w->count == maxw)
         break;
      size_t k = w->count++;
      w->word[k] = out;
      w->start[k] = i;
      w->quoted[k] = false;
      if (k == text) {
         /* The TEXT is read from start[k] by Words_rest: not copied here. */
         *out = '\0';
         break;
      }
      bool inq = false;
      while (i < len && (inq || !is_blank(line[i]))) {
         char c = line[i];
         if (!is_special(c)) {
            size_t r = plain_run_end(line, i + 1, len);
#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
            /* Most words are short: sixteen bytes moved at once where both
             * the line and the block have them, the bytes past the word
             * written over by what follows, rather than a call. */
            if (r - i <= 16 && len - i >= 16 && (size_t)(out_end - out) >= 16)
               _mm_storeu_si128((__m128i *)(void *)out,
                                _mm_loadu_si128((const __m128i *)(const void *)(line + i)));
            else
#endif
               memcpy(out, line + i, r - i);
            out += r - i;
            i = r;
         } else if (c == '"') {
            inq = !inq;
            w->quoted[k] = true;
            i++;
         } else if (c == '\\' && i + 1 < len &&
                    (line[i + 1] == 'n' || line[i + 1] == '\\' || line[i + 1] == '"')) {
            *out++ = line[i + 1] == 'n' ? '\n' : line[i + 1];
            i += 2;
         } else if (c == '\\' && ctl_escape(line + i, len - i) >= 0) {
            *out++ = (char)ctl_escape(line + i, len - i);
            i += 4;
         } else if (c != '\\') {
            /* a blank, inside quotes: the quoted run from it on */
            size_t r = quoted_run_end(line, i + 1, len);
            memcpy(out, line + i, r - i);
            out += r - i;
            i = r;
         } else {
            *out++ = c;
            i++;
         }
      }
      if (inq && w->open_quote == SIZE_MAX)
         w->open_quote = k;
      *out++ = '\0';
   }
   return GV_OK;
}

void Words_free(Words *w) {
   free(w->store); /* the arrays live in the same block */
   memset(w, 0, sizeof *w);
   w->open_quote = SIZE_MAX;
}

/* If s[0..n) is exactly one double-quoted string (blanks may follow), decode
 * it into out and return its length; else return SIZE_MAX. */
static size_t unquote_whole(const char *s, size_t n, char *out) {
   if (n == 0 || s[0] != '"')
      return SIZE_MAX;
   size_t o = 0, i = 1;
   while (i < n && s[i] != '"') {
      if (s[i] == '\\' && i + 1 < n && (s[i + 1] == 'n' || s[i + 1] == '\\' || s[i + 1] == '"')) {
         out[o++] = s[i + 1] == 'n' ? '\n' : s[i + 1];
         i += 2;
      } else if (s[i] == '\\' && ctl_escape(s + i, n - i) >= 0) {
         out[o++] = (char)ctl_escape(s + i, n - i);
         i += 4;
      } else {
         out[o++] = s[i++];
      }
   }
   if (i >= n)
      return SIZE_MAX;
   for (i++; i < n; i++)
      if (!is_blank(s[i]))
         return SIZE_MAX;
   return o;
}

/* The raw rest of the line from word i on, its end trimmed. */
static const char *rest_span(const Words *w, size_t i, size_t *len) {
   const char *s = "";
   size_t n = 0;
   if (i < w->count) {
      s = w->line + w->start[i];
      n = w->len - w->start[i];
   }
   /* The line's end is not part of the text. */
   while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
      n--;
   *len = n;
   return s;
}

size_t Words_rest_room(const Words *w, size_t i) {
   size_t len;
   rest_span(w, i, &len);
   return len + 1;
}

size_t Words_rest_into(const Words *w, size_t i, char *out) {
   size_t len;
   const char *s = rest_span(w, i, &len);
   size_t o = unquote_whole(s, len, out);
   if (o == SIZE_MAX && !memchr(s, '\\', len)) {
      memcpy(out, s, len); /* no escape: the text as it stands */
      o = len;
   } else if (o == SIZE_MAX) {
      o = 0;
      for (size_t k = 0; k < len; k++) {
         if (s[k] == '\\' && k + 1 < len && (s[k + 1] == 'n' || s[k + 1] == '\\')) {
            out[o++] = s[k + 1] == 'n' ? '\n' : '\\';
            k++;
         } else if (s[k] == '\\' && ctl_escape(s + k, len - k) >= 0) {
            out[o++] = (char)ctl_escape(s + k, len - k);
            k += 3;
         } else {
            out[o++] = s[k];
         }
      }
   }
   out[o] = '\0';
   return o;
}

char *Words_rest(const Words *w, size_t i, size_t *n) {
   char *out = malloc(Words_rest_room(w, i));
   if (!out)
      return NULL;
   size_t o = Words_rest_into(w, i, out);
   if (n)
      *n = o;
   return out;
}

/* A byte that Words_put_quoted writes as an escape. */
static bool quoted_escape(unsigned char c) {
   return c == '"' || c == '\\' || c == '\n' || needs_hex(c);
}

bool Words_put_quoted(GvBuf *b, const char *s, size_t n) {
   GvBuf_putc(b, '"');
   for (size_t i = 0; i < n && !b->failed;) {
      size_t r = i;
      while (r < n && !quoted_escape((unsigned char)s[r]))
         r++;
      GvBuf_append(b, s + i, r - i);
      if (r >= n)
         break;
      if (s[r] == '"')
         GvBuf_append(b, "\\\"", 2);
      else if (s[r] == '\\')
         GvBuf_append(b, "\\\\", 2);
      else if (s[r] == '\n')
         GvBuf_append(b, "\\n", 2);
      else
         put_hex(b, (unsigned char)s[r]);
      i = r + 1;
   }
   return GvBuf_putc(b, '"');
}

bool Words_put_word(GvBuf *b, const char *s, size_t n) {
   bool plain = n > 0;
   for (size_t i = 0; plain && i < n; i++) {
      unsigned char c = (unsigned char)s[i];
      if (c <= ' ' || c == '"' || c == '\\' || c == 0x7F)
         plain = false;
   }
   if (plain)
      return GvBuf_append(b, s, n);
   return Words_put_quoted(b, s, n);
}

bool Words_put_text(GvBuf *b, const char *s, size_t n) {
   if (n == 0 || b->failed)
      return !b->failed;
   if (s[0] == '"' || is_blank(s[0]) || is_blank(s[n - 1]))
      return Words_put_quoted(b, s, n);
   for (size_t i = 0; i < n && !b->failed;) {
      size_t r = i;
      while (r < n && s[r] != '\\' && s[r] != '\n' && !needs_hex((unsigned char)s[r]))
         r++;
      GvBuf_append(b, s + i, r - i);
      if (r >= n)
         break;
      if (s[r] == '\\')
         GvBuf_append(b, "\\\\", 2);
      else if (s[r] == '\n')
         GvBuf_append(b, "\\n", 2);
      else
         put_hex(b, (unsigned char)s[r]);
      i = r + 1;
   }
   return !b->failed;
}
