/* Council document numbers: SERIES NUMBER/[REVISION/]YEAR [REV n] [ADD n]
 * [COR n] [INIT]. Strict where it is a Council number, verbatim where not. */
#include "model/docref.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"

static const char *const Series[] = { "ST", "CM", "WK", "SN", "DS" };

typedef struct Token {
   const char *s;
   size_t n;
} Token;

static bool tok_is(Token t, const char *word) {
   size_t n = strlen(word);
   if (t.n != n)
      return false;
   for (size_t i = 0; i < n; i++) {
      char c = t.s[i];
      if (c >= 'a' && c <= 'z')
         c = (char)(c - 32);
      if (c != word[i])
         return false;
   }
   return true;
}

static bool is_digit(char c) {
   return c >= '0' && c <= '9';
}

/* All digits, 1..max of them, value > 0 unless zero_ok. */
static bool tok_number(Token t, size_t max, unsigned long *v) {
   if (t.n == 0 || t.n > max)
      return false;
   unsigned long x = 0;
   for (size_t i = 0; i < t.n; i++) {
      if (!is_digit(t.s[i]))
         return false;
      x = x * 10 + (unsigned long)(t.s[i] - '0');
   }
   *v = x;
   return true;
}

static GvStatus fail(char *msg, size_t msglen, const char *s, size_t n, const char *fmt, ...)
   __attribute__((format(printf, 5, 6)));

static GvStatus fail(char *msg, size_t msglen, const char *s, size_t n, const char *fmt, ...) {
   if (msg && msglen) {
      char why[160];
      va_list ap;
      va_start(ap, fmt);
      vsnprintf(why, sizeof why, fmt, ap);
      va_end(ap);
      snprintf(msg, msglen, "invalid document reference '%.*s': %s", (int)(n > 60 ? 60 : n), s, why);
   }
   return GV_BAD_DOCREF;
}

/* Splits s into blank-separated tokens; at most max (more is an error). */
static size_t tokenize(const char *s, size_t n, Token *out, size_t max) {
   size_t count = 0, i = 0;
   while (i < n) {
      while (i < n && (s[i] == ' ' || s[i] == '\t'))
         i++;
      if (i >= n)
         break;
      size_t st = i;
      while (i < n && s[i] != ' ' && s[i] != '\t')
         i++;
      if (count < max)
         out[count] = (Token){ s + st, i - st };
      count++;
   }
   return count;
}

/* "10876/17" or "2622/1/17" into number, revision, year. */
static bool parse_number(Token t, DocRef *ref) {
   Token part[3];
   size_t np = 0, st = 0;
   for (size_t i = 0; i <= t.n; i++) {
      if (i == t.n || t.s[i] == '/') {
         if (np == 3)
            return false;
         part[np++] = (Token){ t.s + st, i - st };
         st = i + 1;
      }
   }
   if (np < 2)
      return false;
   unsigned long num, rev = 0, year;
   if (!tok_number(part[0], 6, &num) || num == 0)
      return false;
   if (np == 3 && (!tok_number(part[1], 2, &rev) || rev == 0))
      return false;
   Token y = part[np - 1];
   if ((y.n != 2 && y.n != 4) || !tok_number(y, 4, &year))
      return false;
   if (y.n == 4 && (year < 1950 || year > 2199))
      return false;
   ref->number = num;
   ref->revision = (unsigned)rev;
   ref->year = (unsigned)year;
   return true;
}

/* Writes v in decimal at out, at least width digits (zeros in front): what
 * "%0*lu" writes, without a format to read for every number of every
 * reference replayed, nor a copy. Returns the end of what it wrote (at most
 * 20 digits or width, whichever is more; width is at most 4). */
static char *put_number(char *out, unsigned long v, int width) {
   int nd = 1;
   for (unsigned long x = v; x >= 10; x /= 10)
      nd++;
   while (nd < width) {
      *out++ = '0';
      width--;
   }
   char *end = out + nd;
   do {
      *--end = (char)('0' + v % 10);
      v /= 10;
   } while (v);
   return out + nd;
}

/* The series a token names ("st", "Cm"...: two letters in any case), as
 * Series holds it, or NULL. */
static const char *series_of(Token t) {
   if (t.n != 2)
      return NULL;
   char a = t.s[0], b = t.s[1];
   if (a >= 'a' && a <= 'z')
      a = (char)(a - 32);
   if (b >= 'a' && b <= 'z')
      b = (char)(b - 32);
   for (size_t k = 0; k < sizeof Series / sizeof *Series; k++)
      if (Series[k][0] == a && Series[k][1] == b)
         return Series[k];
   return NULL;
}

static char *put_word(char *out, const char *w) {
   size_t n = strlen(w);
   memcpy(out, w, n);
   return out + n;
}

static GvStatus parse_one(const char *s, size_t n, DocRef *ref, char *msg, size_t msglen) {
   memset(ref, 0, sizeof *ref);
   while (n && (*s == ' ' || *s == '\t'))
      s++, n--;
   while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
      n--;
   if (n == 0) {
      if (msg && msglen)
         snprintf(msg, msglen, "empty document reference");
      return GV_BAD_DOCREF;
   }
   Token tok[12];
   size_t nt = tokenize(s, n, tok, 12);
   size_t t = 0;
   const char *series = series_of(tok[0]);
   if (series) {
      memcpy(ref->series, series, 3);
      t = 1;
   }
   if ((t == 0 && !is_digit(s[0])) || memchr(s, '(', n)) {
      /* A free reference: JOIN(2017) 450 final, 2017/0225(COD). */
      ref->kind = GV_DOCREF_FREE;
      ref->text = malloc(n + 1);
      if (!ref->text)
         return GV_NOMEM;
      memcpy(ref->text, s, n);
      ref->text[n] = '\0';
      return GV_OK;
   }
   ref->kind = GV_DOCREF_COUNCIL;
   if (nt > 12)
      return fail(msg, msglen, s, n, "too many words");
   if (t >= nt)
      return fail(msg, msglen, s, n, "%.*s must be followed by a number like 10876/17", (int)tok[0].n, tok[0].s);
   if (!parse_number(tok[t], ref))
      return fail(msg, msglen, s, n, "'%.*s' is not a document number like 10876/17 or 2622/1/17", (int)tok[t].n, tok[t].s);
   t++;
   bool seen_rev = false, seen_add = false, seen_cor = false;
   /* The suffix is at most " REV 999 ADD 999 COR 999 INIT" (each once, 3
    * digits each): no allocation for it. */
   char suffix[64], *sp = suffix;
   GvStatus st = GV_OK;
   while (t < nt && st == GV_OK) {
      Token w = tok[t];
      unsigned *field = NULL;
      bool *seen = NULL;
      const char *word = NULL;
      if (tok_is(w, "REV"))
         field = &ref->rev, seen = &seen_rev, word = "REV";
      else if (tok_is(w, "ADD"))
         field = &ref->add, seen = &seen_add, word = "ADD";
      else if (tok_is(w, "COR"))
         field = &ref->cor, seen = &seen_cor, word = "COR";
      if (field) {
         unsigned long v;
         if (*seen)
            st = fail(msg, msglen, s, n, "%s given twice", word);
         else if (t + 1 >= nt || !tok_number(tok[t + 1], 3, &v) || v == 0)
            st = fail(msg, msglen, s, n, "%s must be followed by a number", word);
         else {
            *seen = true;
            *field = (unsigned)v;
            *sp++ = ' ';
            sp = put_word(sp, word);
            *sp++ = ' ';
            sp = put_number(sp, v, 1);
            t += 2;
         }
      } else if (tok_is(w, "INIT")) {
         if (ref->init || t + 1 != nt)
            st = fail(msg, msglen, s, n, "INIT must come last, once");
         else {
            ref->init = true;
            sp = put_word(sp, " INIT");
            t++;
         }
      } else {
         st = fail(msg, msglen, s, n, "unexpected '%.*s' (after the number: REV n, ADD n, COR n or INIT)", (int)w.n, w.s);
      }
   }
   if (st == GV_OK && ref->revision && !ref->rev) {
      st = fail(msg, msglen, s, n, "a revised number needs REV %u", ref->revision);
   }
   if (st == GV_OK && ref->revision && ref->rev != ref->revision) {
      st = fail(msg, msglen, s, n, "REV %u does not match the revision /%u/ in the number", ref->rev, ref->revision);
   }
   if (st == GV_OK) {
      /* "SS " + 6 digits + "/99/" + 4 digits + the suffix: well inside. */
      char text[128], *tp = text;
      if (ref->series[0]) {
         tp = put_word(tp, ref->series);
         *tp++ = ' ';
      }
      tp = put_number(tp, ref->number, 1);
      *tp++ = '/';
      if (ref->revision) {
         tp = put_number(tp, ref->revision, 1);
         *tp++ = '/';
      }
      tp = put_number(tp, ref->year, ref->year >= 100 ? 4 : 2);
      memcpy(tp, suffix, (size_t)(sp - suffix));
      tp += sp - suffix;
      size_t len = (size_t)(tp - text);
      if (!(ref->text = malloc(len + 1))) {
         st = GV_NOMEM;
      } else {
         memcpy(ref->text, text, len);
         ref->text[len] = '\0';
      }
   }
   if (st != GV_OK) {
      free(ref->text);
      ref->text = NULL;
   }
   return st;
}

/* "REV 1", "COR 2", "ADD 1": the part after a "+". */
static bool is_suffix_part(const char *s, size_t n) {
   Token tok[3];
   size_t nt = tokenize(s, n, tok, 3);
   unsigned long v;
   return nt == 2 && (tok_is(tok[0], "REV") || tok_is(tok[0], "COR") || tok_is(tok[0], "ADD")) &&
          tok_number(tok[1], 3, &v) && v > 0;
}

/* A reference, or a list of them: "10279/02 + REV 1", "7923/17 + COR 1",
 * "8946/17, 8947/17 and WK 4977/17". The fields are the first document's;
 * the text is the whole list in canonical form. */
GvStatus DocRef_parse(const char *s, size_t n, DocRef *ref, char *msg, size_t msglen) {
   while (n && (*s == ' ' || *s == '\t'))
      s++, n--;
   while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
      n--;
   GvStatus st = parse_one(s, n, ref, msg, msglen);
   if (st == GV_OK || st == GV_NOMEM)
      return st;
   /* Not one reference: try a list. Separators: " + ", ", ", " and ". */
   bool list = false;
   for (size_t i = 0; i < n; i++)
      if ((s[i] == '+' && (i == 0 || s[i - 1] == ' ')) || s[i] == ',' ||
          (i + 5 <= n && memcmp(s + i, " and ", 5) == 0))
         list = true;
   if (!list)
      return st;
   GvBuf text = GV_BUF_INIT;
   DocRef first;
   bool have_first = false;
   const char *sep = NULL;
   size_t i = 0;
   st = GV_OK;
   while (i < n && st == GV_OK) {
      /* the part up to the next separator */
      size_t j = i, next = n;
      const char *nsep = NULL;
      for (; j < n; j++) {
         if (s[j] == ',') { next = j + 1; nsep = ", "; break; }
         if (s[j] == '+' && j > i && s[j - 1] == ' ') { next = j + 1; nsep = " + "; break; }
         if (j + 5 <= n && memcmp(s + j, " and ", 5) == 0) { next = j + 5; nsep = " and "; break; }
      }
      size_t a = i, b = j;
      while (a < b && (s[a] == ' ' || s[a] == '\t'))
         a++;
      while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
         b--;
      if (a == b) {
         st = fail(msg, msglen, s, n, "an empty part in a list of documents");
         break;
      }
      if (sep)
         GvBuf_puts(&text, sep);
      if (sep && strcmp(sep, " + ") == 0 && is_suffix_part(s + a, b - a)) {
         Token tok[2];
         tokenize(s + a, b - a, tok, 2);
         unsigned long v = 0;
         tok_number(tok[1], 3, &v);
         GvBuf_printf(&text, "%.3s %lu", tok_is(tok[0], "REV") ? "REV" : tok_is(tok[0], "COR") ? "COR" : "ADD", v);
      } else {
         DocRef one;
         if ((st = parse_one(s + a, b - a, &one, msg, msglen)) != GV_OK)
            break;
         if (one.kind != GV_DOCREF_COUNCIL) {
            DocRef_free(&one);
            st = fail(msg, msglen, s, n, "'%.*s' in a list is not a Council document number", (int)(b - a), s + a);
            break;
         }
         GvBuf_puts(&text, one.text);
         if (!have_first) {
            first = one;
            have_first = true;
         } else {
            DocRef_free(&one);
         }
      }
      sep = nsep;
      i = next;
      if (nsep && i >= n)
         st = fail(msg, msglen, s, n, "a list of documents ends with '%s'", nsep);
   }
   if (st == GV_OK && (!have_first || text.failed))
      st = have_first ? GV_NOMEM : fail(msg, msglen, s, n, "a list needs a document number first");
   if (st != GV_OK) {
      if (have_first)
         DocRef_free(&first);
      GvBuf_free(&text);
      return st;
   }
   *ref = first;
   free(ref->text);
   ref->text = text.data;
   return GV_OK;
}

void DocRef_free(DocRef *ref) {
   free(ref->text);
   ref->text = NULL;
}

bool DocRef_copy(DocRef *dst, const DocRef *src) {
   *dst = *src;
   dst->text = NULL;
   if (src->text) {
      size_t n = strlen(src->text);
      dst->text = malloc(n + 1);
      if (!dst->text)
         return false;
      memcpy(dst->text, src->text, n + 1);
   }
   return true;
}
