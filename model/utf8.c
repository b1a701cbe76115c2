/* UTF-8 decoding and a folding that drops case and diacritics for the
 * scripts of the EU's languages (Latin, Greek, Cyrillic). */
#include "model/utf8.h"

#include <stdlib.h>
#include <string.h>

size_t Utf8_decode(const char *s, size_t n, uint32_t *cp) {
   const unsigned char *u = (const unsigned char *)s;
   unsigned char c = u[0];
   if (c < 0x80) {
      *cp = c;
      return 1;
   }
   size_t len;
   uint32_t v, min;
   if (c >= 0xC2 && c <= 0xDF) {
      len = 2; v = c & 0x1F; min = 0x80;
   } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3; v = c & 0x0F; min = 0x800;
   } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4; v = c & 0x07; min = 0x10000;
   } else {
      *cp = 0xFFFD;
      return 1;
   }
   if (n < len) {
      *cp = 0xFFFD;
      return 1;
   }
   for (size_t i = 1; i < len; i++) {
      if ((u[i] & 0xC0) != 0x80) {
         *cp = 0xFFFD;
         return 1;
      }
      v = (v << 6) | (u[i] & 0x3F);
   }
   if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
      *cp = 0xFFFD;
      return 1;
   }
   *cp = v;
   return len;
}

static bool Utf8_valid_portable(const char *s, size_t n);

#if defined(__x86_64__) && defined(__GNUC__) && !defined(GAVEL_PORTABLE)
#include <immintrin.h>
#define UTF8_SIMD 1

/* Sixteen bytes at a time with SSSE3, whatever the script (Keiser and
 * Lemire, "Validating UTF-8 in less than one instruction per byte", 2021):
 * three table look-ups on the nibbles of each byte and the one before it
 * name every error of a two-byte window; the third and fourth bytes of
 * longer sequences are told by the lead two and three places back. A block
 * of zeros after the end catches a sequence the end cuts short. */
#define TOO_SHORT (1 << 0)      /* lead or ASCII, then lead or ASCII */
#define TOO_LONG (1 << 1)       /* ASCII, then a continuation */
#define OVERLONG_3 (1 << 2)     /* E0 80..9F */
#define TOO_LARGE (1 << 3)      /* F4 90..BF, F5..FF */
#define SURROGATE (1 << 4)      /* ED A0..BF */
#define OVERLONG_2 (1 << 5)     /* C0, C1 */
#define TOO_LARGE_1000 (1 << 6) /* F5..FF 80..8F */
#define OVERLONG_4 (1 << 6)     /* F0 80..8F */
#define TWO_CONTS (1 << 7)      /* continuation, then continuation */
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

/* The three tables of the check, 16 entries each: what a byte's high
 * nibble and low nibble, and the next byte's high nibble, may mean; each
 * vector width loads them its own way. */
#define UTF8_BYTE1_HIGH \
   TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, \
   (char)TWO_CONTS, (char)TWO_CONTS, (char)TWO_CONTS, (char)TWO_CONTS, \
   TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE, \
   TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4
#define UTF8_BYTE1_LOW \
   (char)(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4), (char)(CARRY | OVERLONG_2), \
   (char)CARRY, (char)CARRY, (char)(CARRY | TOO_LARGE), \
   (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), \
   (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), \
   (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), \
   (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), \
   (char)(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE), \
   (char)(CARRY | TOO_LARGE | TOO_LARGE_1000), (char)(CARRY | TOO_LARGE | TOO_LARGE_1000)
#define UTF8_BYTE2_HIGH \
   TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, \
   (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4), \
   (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE), \
   (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE), \
   (char)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE), \
   TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT

__attribute__((target("ssse3")))
static bool Utf8_valid_ssse3(const unsigned char *s, size_t n) {
   const __m128i byte1High = _mm_setr_epi8(UTF8_BYTE1_HIGH);
   const __m128i byte1Low = _mm_setr_epi8(UTF8_BYTE1_LOW);
   const __m128i byte2High = _mm_setr_epi8(UTF8_BYTE2_HIGH);
   const __m128i nibble = _mm_set1_epi8(0x0f), high = _mm_set1_epi8((char)0x80);
   const __m128i third = _mm_set1_epi8(0xe0 - 0x80), fourth = _mm_set1_epi8(0xf0 - 0x80);
   __m128i prev = _mm_setzero_si128(), err = _mm_setzero_si128();
   for (size_t i = 0;; i += 16) {
      __m128i in;
      if (i + 16 <= n) {
         in = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
      } else {
         /* The last piece, then zeros (ASCII): also the block after the end. */
         unsigned char tail[16] = { 0 };
         if (i < n)
            memcpy(tail, s + i, n - i);
         in = _mm_loadu_si128((const __m128i *)(const void *)tail);
      }
      __m128i prev1 = _mm_alignr_epi8(in, prev, 15);
      __m128i special = _mm_and_si128(
         _mm_and_si128(_mm_shuffle_epi8(byte1High, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
                       _mm_shuffle_epi8(byte1Low, _mm_and_si128(prev1, nibble))),
         _mm_shuffle_epi8(byte2High, _mm_and_si128(_mm_srli_epi16(in, 4), nibble)));
      /* Where a third or fourth byte must be: 0x80 (TWO_CONTS is expected there). */
      __m128i must = _mm_or_si128(_mm_subs_epu8(_mm_alignr_epi8(in, prev, 14), third),
                                  _mm_subs_epu8(_mm_alignr_epi8(in, prev, 13), fourth));
      err = _mm_or_si128(err, _mm_xor_si128(_mm_and_si128(must, high), special));
      prev = in;
      if (i >= n)
         break;
   }
   return _mm_movemask_epi8(_mm_cmpeq_epi8(err, _mm_setzero_si128())) == 0xffff;
}

/* The same tables, 32 bytes a step with AVX2 (each 128-bit lane looks up
 * its own copy), and in the same pass the first control character but a
 * tab when `controls` (a journal line's end): the bytes from it on are read
 * as zeros, so a sequence it cuts short is an error as at the end. A block
 * of ASCII only checks that the block before it ended no sequence early.
 * Returns whether the bytes before *stop (n without controls) are valid. */
__attribute__((target("avx2"), always_inline))
static inline bool Utf8_scan_avx2(const unsigned char *s, size_t n, bool controls, bool lines,
                                  size_t *stop) {
#define UTF8_TWICE(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)
   const __m256i byte1High = UTF8_TWICE(UTF8_BYTE1_HIGH);
   const __m256i byte1Low = UTF8_TWICE(UTF8_BYTE1_LOW);
   const __m256i byte2High = UTF8_TWICE(UTF8_BYTE2_HIGH);
   /* A lead in the last three places that wants more bytes than the block has. */
   const __m256i lastLeads = _mm256_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
      (char)(0xf0 - 1), (char)(0xe0 - 1), (char)(0xc0 - 1));
#undef UTF8_TWICE
   /* keep + 32 - k: 0xff for the k bytes before a stop, zeros from it on. */
   static const unsigned char keep[64] = {
      255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
      255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255 };
   __m256i nibble = _mm256_set1_epi8(0x0f), high = _mm256_set1_epi8((char)0x80);
   __m256i third = _mm256_set1_epi8(0xe0 - 0x80), fourth = _mm256_set1_epi8(0xf0 - 0x80);
   __m256i below = _mm256_set1_epi8(0x1f), tab = _mm256_set1_epi8('\t');
   __m256i del = _mm256_set1_epi8(0x7f), nine = _mm256_set1_epi8(9), one = _mm256_set1_epi8(1);
   /* Held in registers: the compiler would build each one again at every step. */
   __asm__("" : "+x"(nibble), "+x"(high), "+x"(third), "+x"(fourth));
   __asm__("" : "+x"(below), "+x"(tab), "+x"(del), "+x"(nine), "+x"(one));
   __m256i prev = _mm256_setzero_si256(), err = _mm256_setzero_si256();
   __m256i incomplete = _mm256_setzero_si256(), in;
   uint32_t hi, at = 0;
   size_t i = 0;
   *stop = n;
/* Bytes up to 0x1f (unsigned) but a tab, and 0x7f; for `lines` a '\n' is
 * let through too: with the tab, the bytes b for which b - 9 (wrapping) is
 * at most 1. */
#define UTF8_CONTROLS(v)                                                                         \
   (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(                                               \
      _mm256_andnot_si256(                                                                       \
         lines ? _mm256_cmpeq_epi8(_mm256_min_epu8(_mm256_sub_epi8(v, nine), one),               \
                                   _mm256_sub_epi8(v, nine))                                     \
               : _mm256_cmpeq_epi8(v, tab),                                                      \
         _mm256_cmpeq_epi8(_mm256_min_epu8(v, below), v)),                                       \
      _mm256_cmpeq_epi8(v, del)))
#define UTF8_STEP()                                                                              \
   do {                                                                                          \
      if (hi == 0) {                                                                             \
         err = _mm256_or_si256(err, incomplete);                                                 \
         incomplete = _mm256_setzero_si256();                                                    \
      } else {                                                                                   \
         __m256i before = _mm256_permute2x128_si256(prev, in, 0x21);                             \
         __m256i prev1 = _mm256_alignr_epi8(in, before, 15);                                     \
         __m256i special = _mm256_and_si256(                                                     \
            _mm256_and_si256(                                                                    \
               _mm256_shuffle_epi8(byte1High, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble)), \
               _mm256_shuffle_epi8(byte1Low, _mm256_and_si256(prev1, nibble))),                  \
            _mm256_shuffle_epi8(byte2High, _mm256_and_si256(_mm256_srli_epi16(in, 4), nibble))); \
         /* Where a third or fourth byte must be: 0x80 (TWO_CONTS is expected there). */         \
         __m256i must = _mm256_or_si256(                                                         \
            _mm256_subs_epu8(_mm256_alignr_epi8(in, before, 14), third),                         \
            _mm256_subs_epu8(_mm256_alignr_epi8(in, before, 13), fourth));                       \
         err = _mm256_or_si256(err, _mm256_xor_si256(_mm256_and_si256(must, high), special));   \
         incomplete = _mm256_subs_epu8(in, lastLeads);                                           \
      }                                                                                          \
      prev = in;                                                                                 \
   } while (0)
   /* 64 bytes a step while they hold no control character: two lookups
    * by nibble tell one (a byte is one when both its nibbles' entries share
    * a bit of 7: high nibble 0 with a low one but a tab's, or a '\n''s for
    * `lines`; high nibble 1; 0x7f), and ASCII on both halves is only the
    * test of the block before. A control sends the step to the loop below,
    * which finds it block by block.
    * The same lookups tell the bytes whose sequences need more than their
    * length to check (bits of 0x38: 8 for F0 to FF, the high nibble's 8
    * with every low one's; 16 for C0 and C1; 32 for E0 and ED): a block
    * without them, nearly every block of text in the EU's scripts and
    * typography, is checked by its masks of 64 bits alone (a continuation
    * byte, whose high nibble's entry has bit 7, is where a lead one place
    * before, or an E1 to EF, whose entry has bit 5, two places before,
    * wants one, and nowhere else), a few instructions fewer than the two
    * full steps. */
   const __m256i ctrlLow =
      lines ? _mm256_setr_epi8(59, 27, 11, 11, 11, 11, 11, 11, 11, 10, 10, 11, 11, 43, 11, 15,
                               59, 27, 11, 11, 11, 11, 11, 11, 11, 10, 10, 11, 11, 43, 11, 15)
            : _mm256_setr_epi8(59, 27, 11, 11, 11, 11, 11, 11, 11, 10, 11, 11, 11, 43, 11, 15,
                               59, 27, 11, 11, 11, 11, 11, 11, 11, 10, 11, 11, 11, 43, 11, 15);
   const __m256i ctrlHigh =
      _mm256_setr_epi8(1, 2, 0, 0, 0, 0, 0, 4, -128, -128, -128, -128, 16, 0, 32, 8,
                       1, 2, 0, 0, 0, 0, 0, 4, -128, -128, -128, -128, 16, 0, 32, 8);
   const __m256i ctrlBits = _mm256_set1_epi8(7), longBits = _mm256_set1_epi8(0x38);
   uint64_t carry = 0, maskErr = 0;   /* the mask check's: what the next block owes, what failed */
   bool open = false;                 /* a full step ended the block before: its incomplete holds */
   if (controls) {
      for (; i + 64 <= n; i += 64) {
         __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
         __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 32));
         __m256i ha = _mm256_shuffle_epi8(ctrlHigh, _mm256_and_si256(_mm256_srli_epi16(a, 4), nibble));
         __m256i hb = _mm256_shuffle_epi8(ctrlHigh, _mm256_and_si256(_mm256_srli_epi16(b, 4), nibble));
         __m256i c = _mm256_or_si256(
            _mm256_and_si256(_mm256_shuffle_epi8(ctrlLow, _mm256_and_si256(a, nibble)), ha),
            _mm256_and_si256(_mm256_shuffle_epi8(ctrlLow, _mm256_and_si256(b, nibble)), hb));
         if (!_mm256_testz_si256(c, ctrlBits))
            break;
         if (_mm256_testz_si256(_mm256_or_si256(a, b), high)) {
            err = _mm256_or_si256(err, incomplete);
            incomplete = _mm256_setzero_si256();
            prev = b;
            carry = 0;
            open = false;
            continue;
         }
         if (_mm256_testz_si256(c, longBits) && (!open || _mm256_testz_si256(incomplete, incomplete))) {
            uint64_t hiBits = (uint32_t)_mm256_movemask_epi8(a) |
                              (uint64_t)(uint32_t)_mm256_movemask_epi8(b) << 32;
            uint64_t cont = (uint32_t)_mm256_movemask_epi8(ha) |
                            (uint64_t)(uint32_t)_mm256_movemask_epi8(hb) << 32;
            /* E1 to EF: their high nibble's entry 32, moved up to bit 7. */
            uint64_t three = (uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(ha, 2)) |
                             (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_slli_epi16(hb, 2)) << 32;
            uint64_t lead = hiBits & ~cont;
            maskErr |= ((lead << 1) | (three << 2) | carry) ^ cont;
            carry = (lead >> 63) | (three >> 62);
            /* For a full step or an ASCII block next: a lead the block ends with. */
            incomplete = _mm256_subs_epu8(b, lastLeads);
            prev = b;
            open = false;
            continue;
         }
         in = a;
         hi = (uint32_t)_mm256_movemask_epi8(in);
         UTF8_STEP();
         in = b;
         hi = (uint32_t)_mm256_movemask_epi8(in);
         UTF8_STEP();
         carry = 0;
         open = true;
      }
   }
   for (; i + 32 <= n; i += 32) {
      in = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
      hi = (uint32_t)_mm256_movemask_epi8(in);
      if (controls && (at = UTF8_CONTROLS(in)) != 0)
         break;
      UTF8_STEP();
   }
   if (!at) {
      /* The last piece, then zeros (ASCII): also the block after the end
       * when n is a multiple of 32. */
      unsigned char tail[32] = { 0 };
      if (i < n)
         memcpy(tail, s + i, n - i);
      in = _mm256_loadu_si256((const __m256i *)(const void *)tail);
      hi = (uint32_t)_mm256_movemask_epi8(in);
      if (controls)   /* the zeros after the end read as a stop at n */
         at = UTF8_CONTROLS(in);
   }
   if (at) {
      /* The block of the stop, read up to it. */
      unsigned k = (unsigned)__builtin_ctz(at);
      *stop = i + k;
      in = _mm256_and_si256(in, _mm256_loadu_si256((const __m256i *)(const void *)(keep + 32 - k)));
      hi &= (1u << k) - 1;
   }
   UTF8_STEP();
#undef UTF8_CONTROLS
#undef UTF8_STEP
   err = _mm256_or_si256(err, incomplete);
   return _mm256_testz_si256(err, err) && maskErr == 0;
}

/* Utf8_scan_avx2 made for each use, its flags constant. */
__attribute__((target("avx2")))
static bool Utf8_scan_avx2_valid(const unsigned char *s, size_t n, size_t *stop) {
   return Utf8_scan_avx2(s, n, false, false, stop);
}

__attribute__((target("avx2")))
static bool Utf8_scan_avx2_text(const unsigned char *s, size_t n, size_t *stop) {
   return Utf8_scan_avx2(s, n, true, false, stop);
}

__attribute__((target("avx2")))
static bool Utf8_scan_avx2_lines(const unsigned char *s, size_t n, size_t *stop) {
   return Utf8_scan_avx2(s, n, true, true, stop);
}
#endif

bool Utf8_valid(const char *s, size_t n) {
#ifdef UTF8_SIMD
   if (n >= 64 && __builtin_cpu_supports("avx2")) {
      size_t stop;
      return Utf8_scan_avx2_valid((const unsigned char *)s, n, &stop);
   }
   if (n >= 32 && __builtin_cpu_supports("ssse3"))
      return Utf8_valid_ssse3((const unsigned char *)s, n);
#endif
   return Utf8_valid_portable(s, n);
}

/* Without SIMD: valid UTF-8 up to the first control character (a tab
 * allowed, a line end too when lines), its place in *end. */
static bool Utf8_valid_upto(const char *s, size_t n, size_t *end, bool lines) {
   const unsigned char *u = (const unsigned char *)s;
   size_t i = 0;
   for (; i < n; i++) {
      i = Utf8_skip_plain(u, i, n);
      if (i >= n)
         break;
      if ((u[i] < 0x20 && u[i] != '\t' && !(lines && u[i] == '\n')) || u[i] == 0x7f)
         break;
   }
   *end = i;
   return Utf8_valid(s, i);
}

bool Utf8_valid_text(const char *s, size_t n, size_t *end) {
#ifdef UTF8_SIMD
   if (__builtin_cpu_supports("avx2"))
      return Utf8_scan_avx2_text((const unsigned char *)s, n, end);
#endif
   return Utf8_valid_upto(s, n, end, false);
}

bool Utf8_valid_lines(const char *s, size_t n, size_t *end) {
#ifdef UTF8_SIMD
   if (__builtin_cpu_supports("avx2"))
      return Utf8_scan_avx2_lines((const unsigned char *)s, n, end);
#endif
   return Utf8_valid_upto(s, n, end, true);
}

/* Byte by byte, eight at a time over ASCII. */
static bool Utf8_valid_portable(const char *s, size_t n) {
   const unsigned char *u = (const unsigned char *)s;
   size_t i = 0;
   while (i < n) {
      /* Journal lines are mostly ASCII: skip it eight bytes at a time. */
      while (i + 8 <= n) {
         uint64_t w;
         memcpy(&w, u + i, 8);
         if (w & 0x8080808080808080ULL)
            break;
         i += 8;
      }
      while (i < n && u[i] < 0x80)
         i++;
      if (i >= n)
         break;
      unsigned char c = u[i];
      if (c >= 0xC2 && c <= 0xDF) { /* two bytes: Latin, Greek, Cyrillic */
         if (i + 1 >= n || (u[i + 1] & 0xC0) != 0x80)
            return false;
         i += 2;
         continue;
      }
      uint32_t cp;
      size_t l = Utf8_decode(s + i, n - i, &cp);
      if (cp == 0xFFFD && l == 1)
         return false;
      i += l;
   }
   return true;
}

size_t Utf8_encode(uint32_t cp, char out[4]) {
   if (cp < 0x80) {
      out[0] = (char)cp;
      return 1;
   }
   if (cp < 0x800) {
      out[0] = (char)(0xC0 | (cp >> 6));
      out[1] = (char)(0x80 | (cp & 0x3F));
      return 2;
   }
   if (cp < 0x10000) {
      out[0] = (char)(0xE0 | (cp >> 12));
      out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
      out[2] = (char)(0x80 | (cp & 0x3F));
      return 3;
   }
   out[0] = (char)(0xF0 | (cp >> 18));
   out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
   out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
   out[3] = (char)(0x80 | (cp & 0x3F));
   return 4;
}

/* Base letters of U+00C0..U+00FF ('\0': keep the code point as it is). */
static const char Latin1_base[64] =
   "aaaaaa\0ceeeeiiii" "dnooooo\0ouuuuy\0\0"
   "aaaaaa\0ceeeeiiii" "dnooooo\0ouuuuy\0y";

/* Base letters of U+0100..U+017F (Latin Extended-A). */
static const char LatinA_base[129] =
   "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
   "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/* Greek letters with tonos or dialytika, U+0386..U+03CE, to the bare lower
 * case letter (0: not a letter to fold specially). */
static uint32_t Greek_fold(uint32_t cp) {
   switch (cp) {
   case 0x0386: case 0x03AC: return 0x03B1; /* alpha */
   case 0x0388: case 0x03AD: return 0x03B5; /* epsilon */
   case 0x0389: case 0x03AE: return 0x03B7; /* eta */
   case 0x038A: case 0x03AF: case 0x03CA: case 0x0390: case 0x03AA: return 0x03B9; /* iota */
   case 0x038C: case 0x03CC: return 0x03BF; /* omicron */
   case 0x038E: case 0x03CD: case 0x03CB: case 0x03B0: case 0x03AB: return 0x03C5; /* upsilon */
   case 0x038F: case 0x03CE: return 0x03C9; /* omega */
   case 0x03C2: return 0x03C3;              /* final sigma */
   default: break;
   }
   if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2)
      return cp + 0x20;
   return cp;
}

/* Cyrillic U+0400..U+045F: capitals to lower case, and the letters with a
 * diacritic to their base (ё to е, й to и, ї to і, ў to у, ѓ to г, ќ to к),
 * so that a name typed without them still matches. */
static uint32_t Cyrillic_fold(uint32_t cp) {
   if (cp >= 0x0410 && cp <= 0x042F)
      cp += 0x20;
   else if (cp >= 0x0400 && cp <= 0x040F)
      cp += 0x50;
   switch (cp) {
   case 0x0450: case 0x0451: return 0x0435;  /* ѐ ё -> е */
   case 0x0439: case 0x045D: return 0x0438;  /* й ѝ -> и */
   case 0x0457: return 0x0456;               /* ї -> і */
   case 0x045E: return 0x0443;               /* ў -> у */
   case 0x0453: return 0x0433;               /* ѓ -> г */
   case 0x045C: return 0x043A;               /* ќ -> к */
   default: return cp;
   }
}

uint32_t Utf8_fold_cp(uint32_t cp) {
   if (cp < 0x80)
      return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
   if (cp >= 0xC0 && cp <= 0xFF) {
      char b = Latin1_base[cp - 0xC0];
      if (b)
         return (unsigned char)b;
      return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 0x20 : cp;
   }
   if (cp >= 0x100 && cp <= 0x17F)
      return (unsigned char)LatinA_base[cp - 0x100];
   if (cp >= 0x218 && cp <= 0x21B)  /* Romanian comma below: s, t */
      return cp < 0x21A ? 's' : 't';
   if (cp >= 0x0386 && cp <= 0x03CE)
      return Greek_fold(cp);
   if (cp >= 0x0400 && cp <= 0x045F)
      return Cyrillic_fold(cp);
   switch (cp) {
   case 0x00A0: case 0x2007: case 0x202F: return ' ';   /* no-break spaces */
   case 0x2018: case 0x2019: case 0x201B: return '\''; /* typographic apostrophes */
   case 0x201C: case 0x201D: case 0x201E: return '"';
   case 0x2010: case 0x2011: return '-';                /* hyphens */
   case 0x1E9E: return 0xDF;                            /* capital sharp s */
   default: return cp;
   }
}

char *Utf8_fold(const char *s, size_t n) {
   /* Folding never makes a character longer than 4 bytes, nor longer than its
    * source except ASCII results from 2-byte letters (shorter): n bytes suffice. */
   char *out = malloc(n + 1);
   if (!out)
      return NULL;
   size_t i = 0, o = 0;
   while (i < n) {
      uint32_t cp;
      size_t l = Utf8_decode(s + i, n - i, &cp);
      uint32_t f = Utf8_fold_cp(cp);
      char enc[4];
      size_t el = Utf8_encode(f, enc);
      if (cp == 0xFFFD && l == 1) {   /* keep a stray byte as it is */
         enc[0] = s[i];
         el = 1;
      }
      if (el > l) {  /* cannot happen with the tables above; stay safe */
         enc[0] = s[i];
         el = 1;
         l = 1;
      }
      for (size_t k = 0; k < el; k++)
         out[o++] = enc[k];
      i += l;
   }
   out[o] = '\0';
   return out;
}

size_t Utf8_length(const char *s, size_t n) {
   size_t i = 0, count = 0;
   while (i < n) {
      uint32_t cp;
      i += Utf8_decode(s + i, n - i, &cp);
      count++;
   }
   return count;
}
