#include "storage/sessionscan.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

/* The fast paths below use what the processor has (SSE2, PCLMULQDQ, 64-bit
 * little-endian words; AVX2 in model/utf8.c), each beside a portable one
 * that gives the same answers: build with CFLAGS='-O2 -g -DGAVEL_PORTABLE'
 * to run the tests on the portable ones (model/utf8.c and model/date.c
 * follow it too). */
#if defined(__SSE2__) && !defined(GAVEL_PORTABLE)
#include <emmintrin.h>
#define SESSIONSCAN_SSE2 1
#endif

#include "model/session.h"
#include "model/utf8.h"

const char *SessionScan_header(void) {
   /* The version as text, from the one constant. */
#define SESSIONSCAN_STR(x) #x
#define SESSIONSCAN_XSTR(x) SESSIONSCAN_STR(x)
   return GV_JOURNAL_MAGIC " " SESSIONSCAN_XSTR(GV_JOURNAL_VERSION) "\n";
}

const char *SessionScan_headerFor(long version) {
   return version < SESSIONSCAN_SEALED_VERSION ? GV_JOURNAL_MAGIC " 1\n" : SessionScan_header();
}

/* zlib's CRC-32, with the whole 16-byte blocks of a long line folded by
 * carry-less multiplication where the processor has it (x86-64 PCLMULQDQ:
 * the folding of Intel's "Fast CRC Computation for Generic Polynomials
 * Using PCLMULQDQ", with the constants of the reflected polynomial
 * 0xEDB88320). zlib reads about 4.5 instructions a byte; this reads 16
 * bytes in about 6. The result is the same bits. A line from zlib's start
 * is folded whole (zero bytes before it, from a register they turn into
 * the start); going on from another CRC, zlib's table does the last bytes. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(GAVEL_PORTABLE)
#include <immintrin.h>
#define SESSIONSCAN_CLMUL 1

/* The register, for each count z of zero bytes, that z zero bytes turn
 * into 0xffffffff (zlib's start): a line whose length is not a multiple of
 * 16 is folded as z zeros and then its bytes, from this register, and no
 * bytes are left for the table. The CRC's step over a zero bit run back:
 * r = r' & 0x80000000 ? ((r' ^ 0xedb88320) << 1) | 1 : r' << 1. */
static const uint32_t SessionScan_crcZeros[16] = {
   0xffffffffu, 0xf0958fd9u, 0x9a1c9d90u, 0xa32e2681u, 0x9226f562u, 0xf47bf9ccu,
   0xaf4c9d16u, 0x46865aa9u, 0xefe4d0afu, 0x31c08543u, 0xae0bacaeu, 0xdac6e4e8u,
   0xa65c386bu, 0xe06f0ca5u, 0xbae5bb0au, 0x358d0ff4u };

/* The CRC (not inverted, as the folding wants it) of p[0..len), len at
 * least 64; of 16 - len % 16 zero bytes and then p[0..len) when len is not
 * a multiple of 16 (the first block is the first len % 16 bytes moved up). */
__attribute__((target("pclmul,ssse3,sse2"), always_inline))
static inline uint32_t SessionScan_crcFoldBody(const unsigned char *p, size_t len, uint32_t crc) {
   const __m128i k1k2 = _mm_set_epi64x(0x1c6e41596LL, 0x154442bd4LL);
   const __m128i k3k4 = _mm_set_epi64x(0x0ccaa009eLL, 0x1751997d0LL);
   const __m128i k5 = _mm_set_epi64x(0, 0x163cd6124LL);
   const __m128i poly = _mm_set_epi64x(0x1f7011641LL, 0x1db710641LL);
   const __m128i mask32 = _mm_set_epi32(0, 0, 0, -1);
   /* Bytes j of the first block: 0x80 (zero) below z = 16 - k, then p[j - z]. */
   static const unsigned char up[32] = { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                                         0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
                                         0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
   size_t k = len & 15;
   __m128i x1 = _mm_loadu_si128((const __m128i *)(const void *)p);
   if (k) {
      x1 = _mm_shuffle_epi8(x1, _mm_loadu_si128((const __m128i *)(const void *)(up + k)));
      p += k;
      len += 16 - k;
   } else {
      p += 16;
   }
   __m128i x2 = _mm_loadu_si128((const __m128i *)(const void *)p);
   __m128i x3 = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
   __m128i x4 = _mm_loadu_si128((const __m128i *)(const void *)(p + 32));
   x1 = _mm_xor_si128(x1, _mm_cvtsi32_si128((int)crc));
   p += 48;
   len -= 64;
   /* Four lanes, 64 bytes a round. */
   while (len >= 64) {
      __m128i h1 = _mm_clmulepi64_si128(x1, k1k2, 0x11), h2 = _mm_clmulepi64_si128(x2, k1k2, 0x11);
      __m128i h3 = _mm_clmulepi64_si128(x3, k1k2, 0x11), h4 = _mm_clmulepi64_si128(x4, k1k2, 0x11);
      x1 = _mm_clmulepi64_si128(x1, k1k2, 0x00);
      x2 = _mm_clmulepi64_si128(x2, k1k2, 0x00);
      x3 = _mm_clmulepi64_si128(x3, k1k2, 0x00);
      x4 = _mm_clmulepi64_si128(x4, k1k2, 0x00);
      x1 = _mm_xor_si128(_mm_xor_si128(x1, h1), _mm_loadu_si128((const __m128i *)(const void *)p));
      x2 = _mm_xor_si128(_mm_xor_si128(x2, h2), _mm_loadu_si128((const __m128i *)(const void *)(p + 16)));
      x3 = _mm_xor_si128(_mm_xor_si128(x3, h3), _mm_loadu_si128((const __m128i *)(const void *)(p + 32)));
      x4 = _mm_xor_si128(_mm_xor_si128(x4, h4), _mm_loadu_si128((const __m128i *)(const void *)(p + 48)));
      p += 64;
      len -= 64;
   }
   /* The four lanes into one (written out: a loop over an array of them
    * went through the stack), then the other 16-byte blocks. */
#define SESSIONSCAN_FOLD1(next)                                                                  \
   (x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4, 0x00),                      \
                                     _mm_clmulepi64_si128(x1, k3k4, 0x11)),                     \
                       (next)))
   SESSIONSCAN_FOLD1(x2);
   SESSIONSCAN_FOLD1(x3);
   SESSIONSCAN_FOLD1(x4);
#undef SESSIONSCAN_FOLD1
   while (len >= 16) {
      __m128i h = _mm_clmulepi64_si128(x1, k3k4, 0x11);
      x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4, 0x00), h),
                         _mm_loadu_si128((const __m128i *)(const void *)p));
      p += 16;
      len -= 16;
   }
   /* 128 bits to 64, with 32 zero bits appended. */
   __m128i t = _mm_clmulepi64_si128(k3k4, x1, 0x01);
   x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), t);
   /* To 32 bits... */
   t = _mm_clmulepi64_si128(_mm_and_si128(x1, mask32), k5, 0x00);
   x1 = _mm_xor_si128(_mm_srli_si128(x1, 4), t);
   /* ... and the Barrett reduction to the remainder. */
   t = _mm_clmulepi64_si128(_mm_and_si128(x1, mask32), poly, 0x10);
   t = _mm_clmulepi64_si128(_mm_and_si128(t, mask32), poly, 0x00);
   x1 = _mm_xor_si128(x1, t);
   return (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(x1, 4));
}

/* The same folding encoded with AVX (three-operand instructions: none of
 * the register copies the two-operand SSE forms need, about a fifth of the
 * loop), or with SSE where AVX is missing. */
__attribute__((target("pclmul,avx")))
static uint32_t SessionScan_crcFoldAvx(const unsigned char *p, size_t len, uint32_t crc) {
   return SessionScan_crcFoldBody(p, len, crc);
}

__attribute__((target("pclmul,ssse3,sse2")))
static uint32_t SessionScan_crcFoldSse(const unsigned char *p, size_t len, uint32_t crc) {
   return SessionScan_crcFoldBody(p, len, crc);
}

/* Which of them the processor runs: 2 AVX, 1 SSE, 0 neither (zlib's table). */
static inline int SessionScan_clmulKind(void) {
   return __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("avx")     ? 2
          : __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("ssse3") ? 1
                                                                                : 0;
}

static inline uint32_t SessionScan_crcFold(const unsigned char *p, size_t len, uint32_t crc,
                                           int kind) {
   return kind == 2 ? SessionScan_crcFoldAvx(p, len, crc) : SessionScan_crcFoldSse(p, len, crc);
}
#endif

unsigned long SessionScan_crc(const char *line, size_t len) {
   return SessionScan_crcMore(0, line, len);   /* crc32(0L, Z_NULL, 0) */
}

unsigned long SessionScan_crcMore(unsigned long crc, const char *line, size_t len) {
   uLong c = (uLong)crc;
#ifdef SESSIONSCAN_CLMUL
   int kind = len >= 64 ? SessionScan_clmulKind() : 0;
   if (kind && c == 0)
      return ~SessionScan_crcFold((const unsigned char *)line, len,
                                  SessionScan_crcZeros[(16 - (len & 15)) & 15], kind) &
             0xffffffffUL;
   if (kind) {
      size_t n = len & ~(size_t)15;
      uint32_t f = SessionScan_crcFold((const unsigned char *)line, n, ~(uint32_t)c, kind);
      /* The last bytes (fewer than 16) by zlib's table, a byte a step: a
       * call to crc32() for them cost more than they do. */
      const z_crc_t *table = get_crc_table();
      for (const unsigned char *p = (const unsigned char *)line + n, *e = p + (len - n); p < e; p++)
         f = (uint32_t)table[(f ^ *p) & 0xff] ^ (f >> 8);
      return ~f & 0xffffffffUL;
   }
#endif
   /* crc32() takes a uInt length: feed a giant line in pieces. */
   while (len > 0) {
      uInt n = len > 0x40000000u ? 0x40000000u : (uInt)len;
      c = crc32(c, (const Bytef *)line, n);
      line += n;
      len -= n;
   }
   return (unsigned long)c;
}

/* The CRC of a long text in two halves at once, joined (zlib's
 * crc32_combine): the checksum of a whole session file on the open's path. */
#define SESSIONSCAN_CRC_SPLIT ((size_t)2 << 20)

typedef struct CrcPart {
   const char *p;
   size_t len;
   unsigned long crc;
} CrcPart;

static void *SessionScan_crcThread(void *ud) {
   CrcPart *c = ud;
   c->crc = SessionScan_crcMore(0, c->p, c->len);
   return NULL;
}

unsigned long SessionScan_crcWide(unsigned long crc, const char *text, size_t len) {
   pthread_t t;
   size_t half = len / 2;
   CrcPart b = { text + half, len - half, 0 };
   if (len < SESSIONSCAN_CRC_SPLIT || (z_off_t)b.len < 0 ||
       pthread_create(&t, NULL, SessionScan_crcThread, &b) != 0)
      return SessionScan_crcMore(crc, text, len);
   unsigned long a = SessionScan_crcMore(crc, text, half);
   pthread_join(t, NULL);
   return (unsigned long)crc32_combine((uLong)a, (uLong)b.crc, (z_off_t)b.len);
}

unsigned long SessionScan_crcJoin(unsigned long a, unsigned long b, size_t blen) {
   return (unsigned long)crc32_combine((uLong)a, (uLong)b, (z_off_t)blen);
}

/* The value of the 8 hex digits at s, or -1 when one is not a digit or a
 * lower-case 'a'-'f' ('a' and 'A' differ by one bit, and that bit counts). */
static long SessionScan_sealDigits(const char *s) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(GAVEL_PORTABLE)
   /* All eight at once: s[0], the first digit, is the lowest byte of w. */
   uint64_t w;
   memcpy(&w, s, 8);
   const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
   if (w & high)
      return -1;
   /* With no high bit set no sum carries: the high bit of b + (0x80 - lo)
    * says b >= lo, that of b + (0x7f - hi) says b > hi. */
   uint64_t dig = (w + (0x80 - 0x30) * ones) & ~(w + (0x7f - 0x39) * ones);
   uint64_t alp = (w + (0x80 - 0x61) * ones) & ~(w + (0x7f - 0x66) * ones);
   if (((dig | alp) & high) != high)
      return -1;
   /* '0'-'9' are 0x30-0x39, 'a'-'f' 0x61-0x66: the low four bits, plus 9
    * for a letter (bit 6). Then the nibbles packed, first digit highest. */
   uint64_t v = (w & 0x0f0f0f0f0f0f0f0fULL) + ((w >> 6) & ones) * 9;
   v = (v << 4 | v >> 8) & 0x00ff00ff00ff00ffULL;
   v = (v << 8 | v >> 16) & 0x0000ffff0000ffffULL;
   v = (v << 16 | v >> 32) & 0xffffffffULL;
   return (long)v;
#else
   long want = 0;
   for (size_t i = 0; i < 8; i++) {
      char c = s[i];
      if (c >= '0' && c <= '9')
         want = want << 4 | (c - '0');
      else if (c >= 'a' && c <= 'f')
         want = want << 4 | (c - 'a' + 10);
      else
         return -1;
   }
   return want;
#endif
}

/* Are the 8 bytes at s the digits SessionScan_sealDigits reads? Their
 * shape alone, without the value. */
static inline bool SessionScan_sealHex(const char *s) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(GAVEL_PORTABLE)
   uint64_t w;
   memcpy(&w, s, 8);
   const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
   uint64_t dig = (w + (0x80 - 0x30) * ones) & ~(w + (0x7f - 0x39) * ones);
   uint64_t alp = (w + (0x80 - 0x61) * ones) & ~(w + (0x7f - 0x66) * ones);
   return !(w & high) && ((dig | alp) & high) == high;
#else
   return SessionScan_sealDigits(s) >= 0;
#endif
}

/* The 8 lower-case hex digits of crc as SessionScan_seal writes them, as
 * the 8 bytes' little-endian word: each nibble spread to a byte, the first
 * digit (the highest nibble) into the lowest byte, then '0' + n, and 39
 * more for a letter. Compared with the seal as it stands, this spares
 * reading the seal's digits into a number. */
#if defined(SESSIONSCAN_CLMUL) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static inline uint64_t SessionScan_sealWord(uint32_t crc) {
   uint64_t x = crc;
   x = (x | x << 16) & 0x0000ffff0000ffffULL;
   x = (x | x << 8) & 0x00ff00ff00ff00ffULL;
   x = (x | x << 4) & 0x0f0f0f0f0f0f0f0fULL;
   x = __builtin_bswap64(x);
   uint64_t letter = ((x + 0x0606060606060606ULL) >> 4) & 0x0101010101010101ULL;
   return x + 0x3030303030303030ULL + letter * 39;
}
#endif

/* SessionScan_unseal's body, inlined where a chunk's lines are checked. */
static inline __attribute__((always_inline)) ScanSeal SessionScan_unsealLine(const char *line,
                                                                           size_t len,
                                                                           size_t *content) {
   *content = len;
   if (len < SESSIONSCAN_SEAL_LEN || line[len - SESSIONSCAN_SEAL_LEN] != ' ')
      return SCAN_SEAL_MISSING;
   size_t n = len - SESSIONSCAN_SEAL_LEN;
#if defined(SESSIONSCAN_CLMUL) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
   /* A line of 64 bytes or more, nearly every one: folded here, without
    * the two calls down to it, and its seal compared as it stands; when it
    * differs, the digits are read below to tell a missing seal from a bad
    * one. */
   int kind = n >= 64 ? SessionScan_clmulKind() : 0;
   if (kind) {
      uint64_t seal;
      memcpy(&seal, line + len - 8, 8);
      if (SessionScan_sealWord(~SessionScan_crcFold((const unsigned char *)line, n,
                                                    SessionScan_crcZeros[(16 - (n & 15)) & 15],
                                                    kind)) == seal) {
         *content = n;
         return SCAN_SEAL_OK;
      }
      return SessionScan_sealDigits(line + len - 8) < 0 ? SCAN_SEAL_MISSING : SCAN_SEAL_BAD;
   }
#endif
   long want = SessionScan_sealDigits(line + len - 8);
   if (want < 0)
      return SCAN_SEAL_MISSING;
   if (SessionScan_crc(line, n) != (unsigned long)want)
      return SCAN_SEAL_BAD;
   *content = n;
   return SCAN_SEAL_OK;
}

ScanSeal SessionScan_unseal(const char *line, size_t len, size_t *content) {
   return SessionScan_unsealLine(line, len, content);
}

const char *SessionScan_sealMessage(ScanSeal seal) {
   return seal == SCAN_SEAL_BAD
             ? "checksum mismatch: the line was changed after gavel wrote it (damage, or an edit: "
               "'gavel check --accept' seals a deliberate one)"
             : "no checksum at the end of the line (format 2 seals every line; 'gavel check "
               "--accept' seals a deliberate edit)";
}

bool SessionScan_seal(GvBuf *out, const char *buf, size_t len, long version) {
   if (version < SESSIONSCAN_SEALED_VERSION)
      return GvBuf_append(out, buf, len);
   size_t at = 0;
   while (at < len) {
      const char *nl = memchr(buf + at, '\n', len - at);
      size_t n = nl ? (size_t)(nl - (buf + at)) : len - at;
      char seal[16];
      snprintf(seal, sizeof seal, " %08lx\n", SessionScan_crc(buf + at, n) & 0xffffffffUL);
      if (!GvBuf_append(out, buf + at, n) || !GvBuf_puts(out, seal))
         return false;
      at += n + 1;
   }
   return !out->failed;
}

/* ---- one pass over the bytes ------------------------------------------ */

/* Line i of a table, as a value: the checks across lines read either a
 * scan's table or a table being made final beside the replay. */
typedef ScanLine (*ScanLineAt)(const void *ctx, size_t i);
/* Inlined into each of its two callers, so that the line is read by a
 * known function, itself inlined, not by a call through the pointer. */
static inline __attribute__((always_inline)) size_t
SessionScan_crossCheckWith(const char *buf, ScanLineAt at, const void *ctx, size_t count,
                           void (*report)(void *ud, long lineno, const char *msg), void *ud);

#define SCAN_ONES 0x0101010101010101ULL
#define SCAN_HIGH 0x8080808080808080ULL


/* Finds the '\n' that ends the line at p[0..n) and, in the same pass, the
 * first control character but a tab, checking the bytes before it as UTF-8
 * (Utf8_valid_text: 32 bytes a step where it can). Returns the offset of
 * the '\n' (n when there is none). *clean: every byte before it is valid
 * UTF-8 and no control character but a tab, except a '\r' just before the
 * '\n' (*cr). */
static size_t SessionScan_line(const unsigned char *p, size_t n, int *clean, int *cr) {
   size_t i;
   bool valid = Utf8_valid_text((const char *)p, n, &i);
   *cr = 0;
   if (i >= n) {
      *clean = 1;
      return n;
   }
   if (p[i] == '\n') {
      *clean = valid;
      return i;
   }
   if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n') {
      *cr = 1;
      *clean = valid;
      return i + 1;
   }
   /* Something SessionScan_checkLine will name: find the end and leave it that. */
   *clean = 0;
   const unsigned char *nl = memchr(p + i, '\n', n - i);
   return nl ? (size_t)(nl - p) : n;
}

static int SessionScan_frame(const char *line, size_t len, char *err, size_t errlen);
static inline __attribute__((always_inline)) size_t SessionScan_frameSound(const char *line,
                                                                           size_t len);

/* The record lines of buf[from..to), to being the end of the buffer or just
 * after a '\n': a part that one thread scans. lineno: of the line before. */
typedef struct ScanPart {
   const char *buf;
   size_t from, to;
   long version, lineno;
   int crlf;
   ScanLine *lines;
   size_t count, cap;
   int torn, nomem;
   ScanLine tornLine;
   size_t goodLength;
} ScanPart;

static inline int SessionScan_addLine(ScanPart *p, size_t start, size_t len, long lineno) {
   if (p->count == p->cap) {
      size_t ncap = p->cap ? p->cap * 2 : 256;
      ScanLine *nl = realloc(p->lines, ncap * sizeof *nl);
      if (!nl)
         return -1;
      p->lines = nl;
      p->cap = ncap;
   }
   p->lines[p->count++] = (ScanLine){ .start = start, .len = len, .lineno = lineno,
                                      .seal = SCAN_SEAL_NONE };
   return 0;
}

static void SessionScan_part(ScanPart *p) {
   const char *buf = p->buf;
   size_t at = p->from;
   while (at < p->to) {
      int clean, cr;
      size_t llen = SessionScan_line((const unsigned char *)buf + at, p->to - at, &clean, &cr);
      p->lineno++;
      if (llen == p->to - at) {   /* only the last part can end without a '\n' */
         p->torn = 1;
         p->tornLine = (ScanLine){ .start = at, .len = p->to - at, .lineno = p->lineno };
         break;
      }
      size_t body = llen;
      if (p->crlf && body > 0 && buf[at + body - 1] == '\r')
         body--;
      if (SessionScan_addLine(p, at, body, p->lineno) != 0) {
         p->nomem = 1;
         return;
      }
      ScanLine *l = &p->lines[p->count - 1];
      /* One CRC per line, computed here and nowhere else on the way in. */
      if (p->version >= SESSIONSCAN_SEALED_VERSION)
         l->seal = SessionScan_unseal(buf + at, body, &l->len);
      l->after = buf[at + l->len];
      /* A '\r' left in the line is a control character unless the file's
       * CRLF ends drop it. */
      char why[160];
      l->checked = clean && (!cr || p->crlf) && l->len > 0 &&
                   (l->seal == SCAN_SEAL_NONE || l->seal == SCAN_SEAL_OK) &&
                   SessionScan_frame(buf + at, l->len, why, sizeof why) == 0;
      at += llen + 1;
      p->goodLength = at;
   }
}

static void *SessionScan_partThread(void *p) {
   SessionScan_part(p);
   return NULL;
}

static int SessionScan_parseHeader(const char *line, size_t len, long *version, char *err,
                               size_t errlen) {
   size_t m = strlen(GV_JOURNAL_MAGIC);
   if (len < m || memcmp(line, GV_JOURNAL_MAGIC, m) != 0) {
      snprintf(err, errlen, "not a gavel session (the first line should be '" GV_JOURNAL_MAGIC " %d')",
               GV_JOURNAL_VERSION);
      return -1;
   }
   if (len < m + 2 || line[m] != ' ') {
      snprintf(err, errlen, "header without a version (expected '" GV_JOURNAL_MAGIC " %d')",
               GV_JOURNAL_VERSION);
      return -1;
   }
   long v = 0;
   for (size_t i = m + 1; i < len; i++) {
      if (line[i] < '0' || line[i] > '9' || v > 1000000) {
         snprintf(err, errlen, "bad version in the header (expected '" GV_JOURNAL_MAGIC " %d')",
                  GV_JOURNAL_VERSION);
         return -1;
      }
      v = v * 10 + (line[i] - '0');
   }
   if (v < 1) {
      snprintf(err, errlen, "bad version %ld in the header", v);
      return -1;
   }
   *version = v;
   return 0;
}

/* A file this long has its second half scanned by a second thread. */
#define SESSIONSCAN_SPLIT ((size_t)512 * 1024)

/* The header line: 0 with *at just after it (and *rc -1 with err when it
 * is bad: the lines are still read then), or -1 when there are no lines
 * to read. */
static int SessionScan_head(const char *buf, size_t len, SessionScan *scan, size_t *at, int *rc,
                            char *err, size_t errlen) {
   memset(scan, 0, sizeof *scan);
   scan->before = 1;
   *at = 0;
   *rc = 0;
   if (len == 0) {
      snprintf(err, errlen, "empty file (not a gavel session)");
      return -1;
   }
   /* Saved by a Windows editor: a byte order mark first, CRLF line ends. */
   if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
      *at = scan->bom = 3;
   int clean, cr;
   size_t llen = *at < len ? SessionScan_line((const unsigned char *)buf + *at, len - *at, &clean, &cr)
                           : 0;
   if (*at == len || llen == len - *at) {
      /* The header itself is torn: a crash while creating the file. */
      if (*at < len) {
         scan->torn = 1;
         scan->tornLine = (ScanLine){ .start = *at, .len = len - *at, .lineno = 1 };
      }
      snprintf(err, errlen, "incomplete header (crash while creating the file?)");
      return -1;
   }
   size_t body = llen;
   if (body > 0 && buf[*at + body - 1] == '\r') {
      scan->crlf = 1;
      body--;
   }
   if (SessionScan_parseHeader(buf + *at, body, &scan->version, err, errlen) != 0)
      *rc = -1;
   *at += llen + 1;
   scan->goodLength = *at;
   return 0;
}

/* The second half's lines after the first's, numbered on from them. */
static void SessionScan_join(ScanPart *first, ScanPart *second) {
   ScanLine *all = NULL;
   if (!first->nomem && !second->nomem && second->count &&
       (all = realloc(first->lines, (first->count + second->count) * sizeof *all)) == NULL)
      first->nomem = 1;
   if (all) {
      for (size_t i = 0; i < second->count; i++) {
         all[first->count + i] = second->lines[i];
         all[first->count + i].lineno += first->lineno;
      }
      first->lines = all;
      first->count += second->count;
   }
   first->nomem |= second->nomem;
   first->torn = second->torn;
   first->tornLine = second->tornLine;
   first->tornLine.lineno += first->lineno;
   first->goodLength = second->goodLength;
   /* Freed now, before the replay grows the session: kept, it was a
    * megabyte of the open's peak. (main fixes the allocator's mmap
    * threshold, so this free does not raise it and make the replay's
    * growing arrays be copied as they grow.) */
   free(second->lines);
   second->lines = NULL;
}

/* What a part found, into scan (which takes its table). */
static int SessionScan_keep(SessionScan *scan, ScanPart *p, char *err, size_t errlen) {
   scan->lines = p->lines;
   scan->count = p->count;
   p->lines = NULL;
   if (p->nomem) {
      snprintf(err, errlen, "out of memory");
      return -1;
   }
   scan->torn = p->torn;
   if (p->torn)
      scan->tornLine = p->tornLine;
   scan->goodLength = p->goodLength;
   return 0;
}

int SessionScan_run(const char *buf, size_t len, SessionScan *scan, char *err, size_t errlen) {
   return SessionScan_runFrom(buf, len, 0, 1, scan, err, errlen);
}

int SessionScan_runFrom(const char *buf, size_t len, size_t from, long before, SessionScan *scan,
                        char *err, size_t errlen) {
   size_t at;
   int rc;
   if (SessionScan_head(buf, len, scan, &at, &rc, err, errlen) != 0)
      return -1;
   if (from > at) {
      /* The lines before are another's (a state image's): they are skipped. */
      at = from;
      scan->before = before;
      scan->goodLength = at;
   }
   /* The record lines: in two halves at a line's end, each scanned by a
    * thread of its own, when the file is long (their lines are numbered
    * and joined after). The same lines either way. */
   ScanPart first = { .buf = buf, .from = at, .to = len, .version = scan->version,
                      .lineno = scan->before, .crlf = scan->crlf, .goodLength = at };
   ScanPart second = first;
   pthread_t thread;
   int split = 0;
   if (len - at >= SESSIONSCAN_SPLIT) {
      size_t mid = at + (len - at) / 2;
      const char *nl = memchr(buf + mid, '\n', len - mid);
      if (nl && (size_t)(nl - buf) + 1 < len) {
         second.from = second.goodLength = (size_t)(nl - buf) + 1;
         second.lineno = 0;
         first.to = second.from;
         split = pthread_create(&thread, NULL, SessionScan_partThread, &second) == 0;
         if (!split)
            first.to = len;
      }
   }
   SessionScan_part(&first);
   if (split) {
      pthread_join(thread, NULL);
      SessionScan_join(&first, &second);
   }
   return SessionScan_keep(scan, &first, err, errlen) != 0 ? -1 : rc;
}

/* ---- a scan beside the replay ------------------------------------------ */

/* The checks of the lines (UTF-8, controls, seal, frame) go by chunks of
 * SCANLIVE_CHUNK lines, each taken by whichever thread comes to it first:
 * the thread beside, in order, or the replay when it finds the chunk it
 * needs not taken yet (the thread is behind: on a busy machine the replay
 * never waits for it). A chunk's results (a status byte and a length a
 * line) are written by the thread that took it, then its done flag
 * (release). Only the replay writes into the buffer (the byte after a line
 * it has applied); the checkers read only the lines of their chunks, which
 * come after it. */
#define SCANLIVE_CHUNK 64
#define SCANLIVE_CHECKED 4
#define SCANLIVE_FIELDS 8   /* a checked line split into its fields too */
#define SCANLIVE_CR 16      /* a '\r' before its '\n' dropped (CRLF ends) */

struct SessionScanLive {
   const char *buf;
   long version;
   int crlf;
   ScanPart half;                 /* the quick pass's second half, by the thread */
   atomic_int halfDone;           /* ... done (release): the caller takes it */
   atomic_int tableReady;         /* the fields below are set (release) */
   const ScanLine *lines;         /* the caller's table: the checkers read start
                                   * and lineno, which nobody writes any more */
   size_t count, goodLength;
   int torn;
   ScanLine tornLine;
   unsigned char *status;         /* per line: its seal, SCANLIVE_* */
   SessionFields **fields;        /* per chunk, for the replay (SCANLIVE_FIELDS):
                                   * freed once the replay is past it */
   size_t freed;                  /* chunks whose fields are freed */
   atomic_uchar *done;            /* per chunk */
   size_t nchunks;
   atomic_size_t nextChunk;       /* the first chunk nobody has taken */
   size_t next;                   /* lines of the caller's table made final */
   pthread_t thread;
   void (*report)(void *ud, long lineno, const char *msg);
   void *ud;
   int crossed;                   /* the thread ran the checks across lines */
};

/* Waiting for the other thread: a short spin, then letting it run (two
 * threads may share one processor). */
static void SessionScan_pause(unsigned spins) {
   if (spins < 64) {
#if defined(__x86_64__) || defined(__i386__)
      __builtin_ia32_pause();
#endif
   } else {
      sched_yield();
   }
}

/* Line [at, nl) of buf, nl its '\n', checked as SessionScan_part checks a
 * line (the same answers: SessionScan_line stops at the same byte). */
static void SessionScan_checkAt(const char *buf, size_t at, size_t nl, long version, int crlf,
                                ScanSeal *seal, unsigned char *checked, size_t *len, bool *dropped,
                                size_t *typeLen) {
   int clean, cr;
   size_t llen = SessionScan_line((const unsigned char *)buf + at, nl + 1 - at, &clean, &cr);
   size_t body = llen;
   *dropped = crlf && body > 0 && buf[at + body - 1] == '\r';
   if (*dropped)
      body--;
   *seal = SCAN_SEAL_NONE;
   *len = body;
   if (version >= SESSIONSCAN_SEALED_VERSION)
      *seal = SessionScan_unseal(buf + at, body, len);
   /* The frame looked at once: its TYPE's length goes on to the fields. */
   char why[160];
   *typeLen = 0;
   *checked = clean && (!cr || crlf) && *len > 0 &&
              (*seal == SCAN_SEAL_NONE || *seal == SCAN_SEAL_OK) &&
              ((*typeLen = SessionScan_frameSound(buf + at, *len)) != 0 ||
               SessionScan_frame(buf + at, *len, why, sizeof why) == 0);
}

/* The '\n' that ends line i of the table. */
static size_t SessionScan_lineEnd(const SessionScanLive *live, size_t i) {
   return (i + 1 < live->count ? live->lines[i + 1].start : live->goodLength) - 1;
}

static void SessionScan_checkChunk(SessionScanLive *live, size_t k) {
   size_t from = k * SCANLIVE_CHUNK, to = from + SCANLIVE_CHUNK;
   if (to > live->count)
      to = live->count;
   SessionDay day = { .start = GV_NO_TIME };
   SessionFields *fields = live->fields[k] = malloc(SCANLIVE_CHUNK * sizeof *fields);
   /* The chunk's bytes read as UTF-8 in one pass: when they are sound (no
    * control character but tabs and line ends), so is each line, and the
    * lines are not read again one by one. With CRLF ends or any damage,
    * line by line as ever. */
   size_t a = live->lines[from].start, b = SessionScan_lineEnd(live, to - 1) + 1, stop;
   bool sound = !live->crlf && Utf8_valid_lines(live->buf + a, b - a, &stop) && stop == b - a;
   const bool sealed = live->version >= SESSIONSCAN_SEALED_VERSION;
   /* The next backslash of the chunk (b when none): one search of its bytes
    * rather than one of each PAYLOAD, each byte read once as each search
    * starts at a line past the last one found. */
   size_t backslash = a;
   bool backslashKnown = false;
   for (size_t i = from; i < to; i++) {
      ScanSeal seal = SCAN_SEAL_NONE;
      unsigned char checked;
      size_t len, typeLen = 0;
      bool cr = false;
      const char *line = live->buf + live->lines[i].start;
      if (sound) {
         /* As SessionScan_checkAt of a sound line, without its calls: the
          * line runs up to the next one's start, no '\r' before its end. */
         size_t end = (i + 1 < live->count ? live->lines[i + 1].start : live->goodLength) - 1;
         len = end - live->lines[i].start;
         if (sealed)
            seal = SessionScan_unsealLine(line, len, &len);
         char why[160];
         checked = len > 0 && (seal == SCAN_SEAL_NONE || seal == SCAN_SEAL_OK) &&
                   ((typeLen = SessionScan_frameSound(line, len)) != 0 ||
                    SessionScan_frame(line, len, why, sizeof why) == 0);
      } else {
         SessionScan_checkAt(live->buf, live->lines[i].start, SessionScan_lineEnd(live, i),
                             live->version, live->crlf, &seal, &checked, &len, &cr, &typeLen);
      }
      /* What the replay would read first, read here: of a frame found
       * sound at once only the TIME is left to read. */
      size_t start = live->lines[i].start;
      if (checked && typeLen && (!backslashKnown || backslash < start)) {
         const char *q = memchr(live->buf + start, '\\', b - start);
         backslash = q ? (size_t)(q - live->buf) : b;
         backslashKnown = true;
      }
      bool split = checked && fields &&
                   (typeLen ? Session_fields_framed(line, len, typeLen, live->buf + backslash, &day,
                                                    &fields[i - from])
                            : Session_fields(line, len, &day, &fields[i - from]));
      live->status[i] = (unsigned char)((unsigned)seal | (checked ? SCANLIVE_CHECKED : 0u) |
                                        (split ? SCANLIVE_FIELDS : 0u) | (cr ? SCANLIVE_CR : 0u));
   }
   atomic_store_explicit(&live->done[k], 1, memory_order_release);
}

/* Line i as its checker found it (after its chunk's done flag), from the
 * table's start and number, which nobody writes any more, and its status:
 * the length before the seal that held, else the whole line. */
static inline ScanLine SessionScan_liveAt(const void *ctx, size_t i) {
   const SessionScanLive *live = ctx;
   const ScanLine *q = &live->lines[i];
   unsigned st = live->status[i];
   ScanSeal seal = (ScanSeal)(st & 3);
   size_t body = SessionScan_lineEnd(live, i) - q->start - ((st & SCANLIVE_CR) ? 1 : 0);
   return (ScanLine){ .start = q->start,
                      .len = seal == SCAN_SEAL_OK ? body - SESSIONSCAN_SEAL_LEN : body,
                      .lineno = q->lineno, .seal = seal,
                      .checked = (st & SCANLIVE_CHECKED) != 0 };
}

static size_t SessionScan_keptWith(const char *buf, ScanLineAt at, const void *ctx, size_t count,
                                   int torn, const ScanLine *tornLine);

/* Once every chunk is checked: the checks across lines, in this thread. */
static void SessionScan_liveCross(SessionScanLive *live) {
   for (size_t k = 0; k < live->nchunks; k++)
      for (unsigned spins = 0; !atomic_load_explicit(&live->done[k], memory_order_acquire); spins++)
         SessionScan_pause(spins);
   size_t kept = SessionScan_keptWith(live->buf, SessionScan_liveAt, live, live->count, live->torn,
                                      &live->tornLine);
   SessionScan_crossCheckWith(live->buf, SessionScan_liveAt, live, kept, live->report, live->ud);
   live->crossed = 1;
}

static void SessionScan_quickPart(ScanPart *p);

static void *SessionScan_liveThread(void *ud) {
   SessionScanLive *live = ud;
   SessionScan_quickPart(&live->half);
   atomic_store_explicit(&live->halfDone, 1, memory_order_release);
   for (unsigned spins = 0; !atomic_load_explicit(&live->tableReady, memory_order_acquire); spins++)
      SessionScan_pause(spins);
   if (!live->status)
      return NULL;   /* out of memory: the caller checks every line itself */
   for (;;) {
      size_t k = atomic_fetch_add_explicit(&live->nextChunk, 1, memory_order_relaxed);
      if (k >= live->nchunks)
         break;
      SessionScan_checkChunk(live, k);
   }
   if (live->report)
      SessionScan_liveCross(live);
   return NULL;
}

/* Where a format 2 line's seal is, when it has the shape of one: the
 * length before it (SCAN_SEAL_OK, not checked yet), or the whole line
 * (SCAN_SEAL_MISSING). As SessionScan_unseal, without the CRC. */
static ScanSeal SessionScan_sealShape(const char *line, size_t len, size_t *content) {
   *content = len;
   if (len < SESSIONSCAN_SEAL_LEN || line[len - SESSIONSCAN_SEAL_LEN] != ' ' ||
       !SessionScan_sealHex(line + len - 8))
      return SCAN_SEAL_MISSING;
   *content = len - SESSIONSCAN_SEAL_LEN;
   return SCAN_SEAL_OK;
}

#ifdef SESSIONSCAN_CLMUL
/* The first '\n' of p[0..n), or NULL: 64 bytes a step with AVX2, as
 * memchr does, without its set-up for a line of a few hundred bytes. */
__attribute__((target("avx2")))
static const char *SessionScan_newline(const char *p, size_t n) {
   const __m256i nl = _mm256_set1_epi8('\n');
   size_t i = 0;
   for (; i + 64 <= n; i += 64) {
      __m256i a = _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(const void *)(p + i)), nl);
      __m256i b =
         _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(const void *)(p + i + 32)), nl);
      if (!_mm256_testz_si256(_mm256_or_si256(a, b), _mm256_or_si256(a, b))) {
         uint64_t m = (uint32_t)_mm256_movemask_epi8(a) |
                      (uint64_t)(uint32_t)_mm256_movemask_epi8(b) << 32;
         return p + i + (size_t)__builtin_ctzll(m);
      }
   }
   for (; i + 32 <= n; i += 32) {
      unsigned m = (unsigned)_mm256_movemask_epi8(
         _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(const void *)(p + i)), nl));
      if (m)
         return p + i + (size_t)__builtin_ctz(m);
   }
   return memchr(p + i, '\n', n - i);
}
#endif

/* The quick pass over a part: each line's place, number, seal's place and
 * kind. */
static void SessionScan_quickPart(ScanPart *p) {
   const char *buf = p->buf;
   size_t at = p->from;
#ifdef SESSIONSCAN_CLMUL
   const bool avx2 = __builtin_cpu_supports("avx2");
#endif
   while (at < p->to) {
#ifdef SESSIONSCAN_CLMUL
      const char *nl = avx2 ? SessionScan_newline(buf + at, p->to - at)
                            : memchr(buf + at, '\n', p->to - at);
#else
      const char *nl = memchr(buf + at, '\n', p->to - at);
#endif
      p->lineno++;
      if (!nl) {
         p->torn = 1;
         p->tornLine = (ScanLine){ .start = at, .len = p->to - at, .lineno = p->lineno };
         break;
      }
      size_t llen = (size_t)(nl - (buf + at)), body = llen;
      if (p->crlf && body > 0 && buf[at + body - 1] == '\r')
         body--;
      if (SessionScan_addLine(p, at, body, p->lineno) != 0) {
         p->nomem = 1;
         break;
      }
      ScanLine *l = &p->lines[p->count - 1];
      if (p->version >= SESSIONSCAN_SEALED_VERSION)
         l->seal = SessionScan_sealShape(buf + at, body, &l->len);
      l->after = buf[at + l->len];
      if (l->seal != SCAN_SEAL_MISSING)
         l->ahead = Session_ahead_kind(buf + at, l->len);
      at += llen + 1;
      p->goodLength = at;
   }
}

/* A file this long is scanned beside its replay. */
#define SESSIONSCAN_LIVE SESSIONSCAN_SPLIT

static void SessionScan_liveFree(SessionScanLive *l) {
   free(l->status);
   for (size_t k = l->freed; l->fields && k < l->nchunks; k++)
      free(l->fields[k]);
   free(l->fields);
   free(l->done);
   free(l);
}

int SessionScan_begin(const char *buf, size_t len, SessionScan *scan, SessionScanLive **live,
                      void (*report)(void *ud, long lineno, const char *msg), void *ud, char *err,
                      size_t errlen) {
   *live = NULL;
   size_t at;
   int rc;
   if (len < SESSIONSCAN_LIVE)
      return SessionScan_run(buf, len, scan, err, errlen);
   if (SessionScan_head(buf, len, scan, &at, &rc, err, errlen) != 0)
      return -1;
   if (rc != 0)   /* not a session this gavel reads: as SessionScan_run */
      return SessionScan_run(buf, len, scan, err, errlen);
   SessionScanLive *l = calloc(1, sizeof *l);
   if (!l)
      return SessionScan_run(buf, len, scan, err, errlen);
   l->buf = buf;
   l->version = scan->version;
   l->crlf = scan->crlf;
   l->report = report;
   l->ud = ud;
   /* The quick pass in two halves cut at a line's end: the thread takes
    * the second, numbered from 1 and renumbered after the first's. */
   ScanPart first = { .buf = buf, .from = at, .to = len, .version = scan->version,
                      .lineno = 1, .crlf = scan->crlf, .goodLength = at };
   l->half = first;
   l->half.from = l->half.to = len;
   size_t mid = at + (len - at) / 2;
   const char *nl = memchr(buf + mid, '\n', len - mid);
   if (nl && (size_t)(nl - buf) + 1 < len) {
      first.to = l->half.from = l->half.goodLength = (size_t)(nl - buf) + 1;
      l->half.lineno = 0;
   }
   atomic_init(&l->halfDone, 0);
   atomic_init(&l->tableReady, 0);
   atomic_init(&l->nextChunk, 0);
   if (pthread_create(&l->thread, NULL, SessionScan_liveThread, l) != 0) {
      free(l);
      return SessionScan_run(buf, len, scan, err, errlen);
   }
   SessionScan_quickPart(&first);
   for (unsigned spins = 0; !atomic_load_explicit(&l->halfDone, memory_order_acquire); spins++)
      SessionScan_pause(spins);
   if (l->half.from < len)
      SessionScan_join(&first, &l->half);
   int kept = SessionScan_keep(scan, &first, err, errlen);
   /* The table for the checkers; without it (out of memory) the thread
    * stops and every line is checked here as it is asked for. */
   l->lines = scan->lines;
   l->count = scan->count;
   l->goodLength = scan->goodLength;
   l->torn = scan->torn;
   l->tornLine = scan->tornLine;
   l->nchunks = (scan->count + SCANLIVE_CHUNK - 1) / SCANLIVE_CHUNK;
   if (kept == 0) {
      l->status = malloc(scan->count ? scan->count : 1);
      l->fields = calloc(l->nchunks ? l->nchunks : 1, sizeof *l->fields);
      l->done = malloc((l->nchunks ? l->nchunks : 1) * sizeof *l->done);
      if (!l->status || !l->fields || !l->done) {
         free(l->status);
         free(l->fields);
         free(l->done);
         l->status = NULL;
         l->fields = NULL;
         l->done = NULL;
      }
      for (size_t k = 0; l->done && k < l->nchunks; k++)
         atomic_init(&l->done[k], 0);
   }
   atomic_store_explicit(&l->tableReady, 1, memory_order_release);
   *live = l;
   if (kept != 0) {
      SessionScan_end(l, scan);
      *live = NULL;
      return -1;
   }
   return rc;
}

/* Makes line i of the caller's table final: what its checker found. */
static void SessionScan_settle(SessionScanLive *live, SessionScan *scan, size_t i) {
   ScanLine *l = &scan->lines[i];
   ScanSeal seal;
   unsigned char checked;
   size_t len;
   if (live->status) {
      unsigned st = live->status[i];
      l->checked = (st & SCANLIVE_CHECKED) != 0;
      if ((ScanSeal)(st & 3) == l->seal)
         return;   /* the seal where the quick pass saw it: the length stands */
      ScanLine c = SessionScan_liveAt(live, i);
      seal = c.seal;
      checked = c.checked;
      len = c.len;
   } else {
      bool cr;
      size_t typeLen;
      SessionScan_checkAt(live->buf, l->start, SessionScan_lineEnd(live, i), live->version,
                          live->crlf, &seal, &checked, &len, &cr, &typeLen);
   }
   l->seal = seal;
   l->checked = checked;
   if (len != l->len) {   /* a seal that did not hold: the whole line */
      l->len = len;
      l->after = live->buf[l->start + len];
   }
}

const ScanLine *SessionScan_ready(SessionScanLive *live, SessionScan *scan, size_t i) {
   if (!live || i < live->next)
      return &scan->lines[i];
   size_t k = i / SCANLIVE_CHUNK, end = (k + 1) * SCANLIVE_CHUNK;
   /* The fields of the chunks before are read: freed as the replay goes. */
   for (; live->fields && live->freed < k; live->freed++) {
      free(live->fields[live->freed]);
      live->fields[live->freed] = NULL;
   }
   if (live->status && !atomic_load_explicit(&live->done[k], memory_order_acquire)) {
      /* Not checked yet: taken here when nobody has taken it, else awaited. */
      size_t expect = k;
      if (atomic_compare_exchange_strong_explicit(&live->nextChunk, &expect, k + 1,
                                                  memory_order_relaxed, memory_order_relaxed))
         SessionScan_checkChunk(live, k);
      for (unsigned spins = 0; !atomic_load_explicit(&live->done[k], memory_order_acquire); spins++)
         SessionScan_pause(spins);
   }
   if (end > scan->count)
      end = scan->count;
   for (; live->next < end; live->next++)
      SessionScan_settle(live, scan, live->next);
   return &scan->lines[i];
}

const SessionFields *SessionScan_fields(const SessionScanLive *live, size_t i) {
   const SessionFields *f = live && live->status && i < live->next ? live->fields[i / SCANLIVE_CHUNK]
                                                                  : NULL;
   return f && (live->status[i] & SCANLIVE_FIELDS) ? &f[i % SCANLIVE_CHUNK] : NULL;
}

int SessionScan_end(SessionScanLive *live, SessionScan *scan) {
   if (!live)
      return 0;
   for (size_t i = live->next; i < scan->count; i += SCANLIVE_CHUNK)
      SessionScan_ready(live, scan, i);
   pthread_join(live->thread, NULL);
   int crossed = live->crossed;
   SessionScan_liveFree(live);
   return crossed;
}

void SessionScan_free(SessionScan *scan) {
   free(scan->lines);
   memset(scan, 0, sizeof *scan);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(GAVEL_PORTABLE)
#define SESSIONSCAN_SWAR 1

static inline uint64_t SessionScan_load(const char *s) {
   uint64_t w;
   memcpy(&w, s, 8);
   return w;
}

/* Eight bytes: where mask has 0xff, a decimal digit; elsewhere the bytes of
 * lit. (b ^ '0') < 10 for a digit; adding 0x76 sets the high bit of any
 * other value, and a carry only flags bytes above a flagged one. */
static inline int SessionScan_digitsAt(uint64_t w, uint64_t mask, uint64_t lit) {
   uint64_t x = (w ^ 0x30 * SCAN_ONES) & mask;
   return (w & ~mask) == lit && (((x + 0x76 * SCAN_ONES) | x) & mask & SCAN_HIGH) == 0;
}

/* Eight bytes of hex digits, either case. */
static inline int SessionScan_hexWord(uint64_t v) {
   if (v & SCAN_HIGH)
      return 0;
   /* With no high bit set no sum below carries: the high bit of b + (0x80 -
    * lo) says b >= lo, that of b + (0x7f - hi) says b > hi. */
   uint64_t dig = (v + (0x80 - 0x30) * SCAN_ONES) & ~(v + (0x7f - 0x39) * SCAN_ONES);
   uint64_t l = v | 0x20 * SCAN_ONES;
   uint64_t alp = (l + (0x80 - 0x61) * SCAN_ONES) & ~(l + (0x7f - 0x66) * SCAN_ONES);
   return ((dig | alp) & SCAN_HIGH) == SCAN_HIGH;
}
#endif

static int SessionScan_isTime(const char *s, size_t n) {
   /* YYYY-MM-DDTHH:MM:SS */
   static const char shape[] = "dddd-dd-ddTdd:dd:dd";
   if (n != sizeof shape - 1)
      return 0;
#ifdef SESSIONSCAN_SWAR
   /* The three words s[0..8) "dddd-dd-", s[8..16) "ddTdd:dd", s[11..19) "dd:dd:dd". */
   return SessionScan_digitsAt(SessionScan_load(s), 0x00ffff00ffffffffULL, 0x2d00002d00000000ULL) &&
          SessionScan_digitsAt(SessionScan_load(s + 8), 0xffff00ffff00ffffULL, 0x00003a0000540000ULL) &&
          SessionScan_digitsAt(SessionScan_load(s + 11), 0xffff00ffff00ffffULL, 0x00003a00003a0000ULL);
#endif
   for (size_t i = 0; i < n; i++) {
      if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
         return 0;
   }
   return 1;
}

/* For the uuid check: 1 for a hex digit, 16 for '-', 256 for anything else. */
static const unsigned short SessionScan_uuidByte[256] = {
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 16, 256, 256,
   1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 256, 256, 256, 256, 256, 256,
   256, 1, 1, 1, 1, 1, 1, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 1, 1, 1, 1, 1, 1, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
   256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256,
};

static int SessionScan_isUuid(const char *s, size_t n) {
   if (n != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
      return 0;
#ifdef SESSIONSCAN_SSE2
   /* Three loads over the 36 bytes (0, 16, 20); every byte but the dashes
    * is a hex digit, either case. Signed: 0x80 and above are neither. */
   const __m128i below0 = _mm_set1_epi8('0' - 1), above9 = _mm_set1_epi8('9' + 1);
   const __m128i belowA = _mm_set1_epi8('a' - 1), aboveF = _mm_set1_epi8('f' + 1);
   const __m128i lower = _mm_set1_epi8(0x20);
#define SESSIONSCAN_HEX(v)                                                                          \
   _mm_or_si128(_mm_and_si128(_mm_cmpgt_epi8(v, below0), _mm_cmpgt_epi8(above9, v)),               \
                _mm_and_si128(_mm_cmpgt_epi8(_mm_or_si128(v, lower), belowA),                      \
                              _mm_cmpgt_epi8(aboveF, _mm_or_si128(v, lower))))
   /* The three blocks at once, unrolled: their masks anded, the dashes'
    * places (8 and 13 in the first, 2 and 7 in the second, 3 in the third)
    * set. */
   __m128i a = _mm_loadu_si128((const __m128i *)(const void *)s);
   __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + 16));
   __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(s + 20));
   unsigned ma = (unsigned)_mm_movemask_epi8(SESSIONSCAN_HEX(a)) | (1u << 8 | 1u << 13);
   unsigned mb = (unsigned)_mm_movemask_epi8(SESSIONSCAN_HEX(b)) | (1u << 2 | 1u << 7);
   unsigned mc = (unsigned)_mm_movemask_epi8(SESSIONSCAN_HEX(c)) | 1u << 3;
#undef SESSIONSCAN_HEX
   return (ma & mb & mc) == 0xffff;
#endif
#ifdef SESSIONSCAN_SWAR
   /* Five words over the 36 bytes, the dashes read as '0'. */
   const uint64_t dashB = 0x00002d000000002dULL ^ 0x0000300000000030ULL;   /* u[8], u[13] */
   const uint64_t dashC = 0x2d000000002d0000ULL ^ 0x3000000000300000ULL;   /* u[18], u[23] */
   return SessionScan_hexWord(SessionScan_load(s)) &&
          SessionScan_hexWord(SessionScan_load(s + 8) ^ dashB) &&
          SessionScan_hexWord(SessionScan_load(s + 16) ^ dashC) &&
          SessionScan_hexWord(SessionScan_load(s + 24)) && SessionScan_hexWord(SessionScan_load(s + 28));
#endif
   /* The four dashes are in place: the sum is 32 + 4 * 16 only when the 32
    * other bytes are all hex digits. */
   const unsigned char *u = (const unsigned char *)s;
   unsigned sum = 0;
   for (size_t i = 0; i < 36; i++)
      sum += SessionScan_uuidByte[u[i]];
   return sum == 32 + 4 * 16;
}

int SessionScan_checkLine(const char *line, size_t len, char *err, size_t errlen) {
   if (len == 0) {
      snprintf(err, errlen, "empty line");
      return -1;
   }
   for (size_t i = 0; i < len; i++) {
      i = Utf8_skip_plain((const unsigned char *)line, i, len);
      if (i >= len)
         break;
      unsigned char c = (unsigned char)line[i];
      /* A tab is text (pasted notes have them); no other control character
       * belongs in a line that editors, less and diff must show as one. */
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
         snprintf(err, errlen, "control character 0x%02x in column %zu", c, i + 1);
         return -1;
      }
   }
   if (!Utf8_valid(line, len)) {
      snprintf(err, errlen, "not valid UTF-8");
      return -1;
   }
   return SessionScan_frame(line, len, err, errlen);
}

/* The bytes of a record type: a-z, 0-9, '+', '-', '_' and ':' (for cmd:N,
 * the count of a unit's cmd+ lines). */
static const bool SessionScan_typeByte[256] = {
   ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
   ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
   ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
   ['y'] = 1, ['z'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
   ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, ['+'] = 1, ['-'] = 1, ['_'] = 1, [':'] = 1,
};

/* TIME SP UUID, the 56 bytes at t, in one look: four loads (0, 16, 32, 40),
 * each byte a digit, a hex digit (either case) or the one byte its place
 * wants (what SessionScan_isTime, the blank and SessionScan_isUuid ask).
 * Each load asks only what its places need: the first digits, the last
 * two hex digits, the second both. */
static inline bool SessionScan_timeUuid(const char *t) {
#ifdef SESSIONSCAN_SSE2
#define SESSIONSCAN_V(...) _mm_setr_epi8(__VA_ARGS__)
   /* 0xff where a digit (the TIME) or a hex digit (the UUID) goes, and the
    * byte each other place wants; for the second load also the hex places. */
   const __m128i class0 = SESSIONSCAN_V(-1, -1, -1, -1, 0, -1, -1, 0, -1, -1, 0, -1, -1, 0, -1, -1);
   const __m128i lit0 = SESSIONSCAN_V(0, 0, 0, 0, '-', 0, 0, '-', 0, 0, 'T', 0, 0, ':', 0, 0);
   const __m128i class1 = SESSIONSCAN_V(0, -1, -1, 0, -1, -1, -1, -1, -1, -1, -1, -1, 0, -1, -1, -1);
   const __m128i hex1 = SESSIONSCAN_V(0, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, 0, -1, -1, -1);
   const __m128i lit1 = SESSIONSCAN_V(':', 0, 0, ' ', 0, 0, 0, 0, 0, 0, 0, 0, '-', 0, 0, 0);
   const __m128i class2 = SESSIONSCAN_V(-1, 0, -1, -1, -1, -1, 0, -1, -1, -1, -1, 0, -1, -1, -1, -1);
   const __m128i lit2 = SESSIONSCAN_V(0, '-', 0, 0, 0, 0, '-', 0, 0, 0, 0, '-', 0, 0, 0, 0);
   const __m128i class3 = SESSIONSCAN_V(-1, -1, -1, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
   const __m128i lit3 = SESSIONSCAN_V(0, 0, 0, '-', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
#undef SESSIONSCAN_V
   /* Signed: 0x80 and above are neither digits nor letters. */
   const __m128i below0 = _mm_set1_epi8('0' - 1), above9 = _mm_set1_epi8('9' + 1);
   const __m128i belowA = _mm_set1_epi8('a' - 1), aboveF = _mm_set1_epi8('f' + 1);
   const __m128i lower = _mm_set1_epi8(0x20);
#define SESSIONSCAN_DIGIT(v) _mm_and_si128(_mm_cmpgt_epi8(v, below0), _mm_cmpgt_epi8(above9, v))
#define SESSIONSCAN_ALPHA(v)                                                                     \
   _mm_and_si128(_mm_cmpgt_epi8(_mm_or_si128(v, lower), belowA),                                 \
                 _mm_cmpgt_epi8(aboveF, _mm_or_si128(v, lower)))
   /* A place is good when its class holds, or it is not a class place and
    * holds its byte. */
#define SESSIONSCAN_GOOD(ok, cls, v, lit)                                                        \
   _mm_or_si128(_mm_and_si128(ok, cls), _mm_andnot_si128(cls, _mm_cmpeq_epi8(v, lit)))
   __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)t);
   __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(t + 16));
   __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(t + 32));
   __m128i v3 = _mm_loadu_si128((const __m128i *)(const void *)(t + 40));
   __m128i g0 = SESSIONSCAN_GOOD(SESSIONSCAN_DIGIT(v0), class0, v0, lit0);
   __m128i g1 = SESSIONSCAN_GOOD(
      _mm_or_si128(SESSIONSCAN_DIGIT(v1), _mm_and_si128(SESSIONSCAN_ALPHA(v1), hex1)), class1, v1,
      lit1);
   __m128i g2 = SESSIONSCAN_GOOD(_mm_or_si128(SESSIONSCAN_DIGIT(v2), SESSIONSCAN_ALPHA(v2)),
                                 class2, v2, lit2);
   __m128i g3 = SESSIONSCAN_GOOD(_mm_or_si128(SESSIONSCAN_DIGIT(v3), SESSIONSCAN_ALPHA(v3)),
                                 class3, v3, lit3);
#undef SESSIONSCAN_DIGIT
#undef SESSIONSCAN_ALPHA
#undef SESSIONSCAN_GOOD
   return _mm_movemask_epi8(_mm_and_si128(_mm_and_si128(g0, g1), _mm_and_si128(g2, g3))) == 0xffff;
#else
   return SessionScan_isTime(t, 19) && t[19] == ' ' && SessionScan_isUuid(t + 20, 36);
#endif
}

#ifdef SESSIONSCAN_CLMUL
/* SessionScan_timeUuid with AVX2, in two loads (0 and 24): each byte's
 * class by two lookups on its nibbles (digit 1, hex letter either case 2,
 * '-' 4, ':' 8, 'T' 16, ' ' 32; 0 for anything else, a byte above 0x7f
 * among them) must share a bit with what its place wants. */
__attribute__((target("avx2")))
static bool SessionScan_timeUuidAvx2(const char *t) {
   const __m256i lo = _mm256_setr_epi8(33, 3, 3, 3, 19, 3, 3, 1, 1, 1, 8, 0, 0, 4, 0, 0,
                                       33, 3, 3, 3, 19, 3, 3, 1, 1, 1, 8, 0, 0, 4, 0, 0);
   const __m256i hi = _mm256_setr_epi8(0, 0, 36, 9, 2, 16, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                       0, 0, 36, 9, 2, 16, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0);
   /* What each place wants: t[0..32) and t[24..56). */
   const __m256i want0 = _mm256_setr_epi8(1, 1, 1, 1, 4, 1, 1, 4, 1, 1, 16, 1, 1, 8, 1, 1,
                                          8, 1, 1, 32, 3, 3, 3, 3, 3, 3, 3, 3, 4, 3, 3, 3);
   const __m256i want1 = _mm256_setr_epi8(3, 3, 3, 3, 4, 3, 3, 3, 3, 4, 3, 3, 3, 3, 4, 3,
                                          3, 3, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
   const __m256i nibble = _mm256_set1_epi8(0x0f), zero = _mm256_setzero_si256();
   __m256i v0 = _mm256_loadu_si256((const __m256i *)(const void *)t);
   __m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(t + 24));
#define SESSIONSCAN_CLASS(v)                                                                     \
   _mm256_and_si256(_mm256_shuffle_epi8(lo, _mm256_and_si256(v, nibble)),                        \
                    _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)))
   __m256i bad = _mm256_or_si256(
      _mm256_cmpeq_epi8(_mm256_and_si256(SESSIONSCAN_CLASS(v0), want0), zero),
      _mm256_cmpeq_epi8(_mm256_and_si256(SESSIONSCAN_CLASS(v1), want1), zero));
#undef SESSIONSCAN_CLASS
   return _mm256_testz_si256(bad, bad);
}
#endif

/* A sound frame in one look, without a search for the blanks: the TYPE's
 * bytes up to a blank, the TIME's 19 and a blank (its shape has none, so
 * that blank is the first after the TYPE), the UUID's 36 and a blank or the
 * line's end. The length of the TYPE, or 0 when the frame is not so (then
 * SessionScan_frame's way names the fault). */
static inline __attribute__((always_inline)) size_t SessionScan_frameSound(const char *line,
                                                                           size_t len) {
   /* Nearly every line is a "cmd": its TYPE is taken as it is when it is so. */
   size_t k = len > 4 && memcmp(line, "cmd ", 4) == 0 ? 3 : 0;
   while (k < len && SessionScan_typeByte[(unsigned char)line[k]])
      k++;
   if (k == 0 || len - k < 1 + 20 + 36 || line[k] != ' ')
      return 0;
   const char *t = line + k + 1, *u = t + 20, *end = line + len;
#ifdef SESSIONSCAN_CLMUL
   bool sound =
      __builtin_cpu_supports("avx2") ? SessionScan_timeUuidAvx2(t) : SessionScan_timeUuid(t);
#else
   bool sound = SessionScan_timeUuid(t);
#endif
   if (!sound || (u + 36 < end && u[36] != ' '))
      return 0;
   return k;
}

/* TYPE SP TIME SP UUID [SP PAYLOAD]: the part of SessionScan_checkLine that
 * the scan's pass over the bytes does not do. */
static int SessionScan_frame(const char *line, size_t len, char *err, size_t errlen) {
   if (SessionScan_frameSound(line, len))
      return 0;
   const char *sp1 = memchr(line, ' ', len);
   if (!sp1 || sp1 == line) {
      snprintf(err, errlen, "expected 'TYPE TIME UUID ...'");
      return -1;
   }
   for (const char *p = line; p < sp1; p++) {
      /* ':' for cmd:N, the count of a unit's cmd+ lines. */
      if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' ||
            *p == '_' || *p == ':')) {
         snprintf(err, errlen, "bad record type '%.*s'", (int)(sp1 - line), line);
         return -1;
      }
   }
   const char *t = sp1 + 1, *end = line + len;
   const char *sp2 = memchr(t, ' ', (size_t)(end - t));
   if (!sp2 || !SessionScan_isTime(t, (size_t)(sp2 - t))) {
      snprintf(err, errlen, "bad time (expected YYYY-MM-DDTHH:MM:SS after the type)");
      return -1;
   }
   const char *u = sp2 + 1;
   const char *sp3 = memchr(u, ' ', (size_t)(end - u));
   size_t ulen = sp3 ? (size_t)(sp3 - u) : (size_t)(end - u);
   if (!SessionScan_isUuid(u, ulen)) {
      snprintf(err, errlen, "bad uuid (expected 8-4-4-4-12 hex digits after the time)");
      return -1;
   }
   return 0;
}

int SessionScan_checkLines(const char *buf, size_t len, char *err, size_t errlen) {
   size_t at = 0;
   long n = 0;
   char why[256];
   while (at < len) {
      const char *nl = memchr(buf + at, '\n', len - at);
      n++;
      if (!nl) {
         snprintf(err, errlen, "line %ld: no final newline", n);
         return -1;
      }
      size_t l = (size_t)(nl - (buf + at));
      if (SessionScan_checkLine(buf + at, l, why, sizeof why) != 0) {
         snprintf(err, errlen, "line %ld: %s", n, why);
         return -1;
      }
      at += l + 1;
   }
   return 0;
}

/* ---- damage across lines ------------------------------------------------ */

/* The event uuid of a line with a sound frame (TYPE SP TIME SP UUID), or NULL. */
static const char *SessionScan_uuidOf(const char *line, size_t len) {
   const char *sp1 = memchr(line, ' ', len);
   if (!sp1 || (size_t)(sp1 - line) + 1 + 19 + 1 + 36 > len || sp1[20] != ' ')
      return NULL;
   const char *u = sp1 + 21;
   return SessionScan_isUuid(u, 36) && (u + 36 == line + len || u[36] == ' ') ? u : NULL;
}

#ifdef SESSIONSCAN_CLMUL
/* The same words through the processor's CRC-32C (SSE4.2): one
 * instruction a word where the mix below takes five. */
__attribute__((target("sse4.2")))
static size_t SessionScan_hashCrc(const char *u) {
   uint64_t w0, w1, w2, w3;
   uint32_t w4;
   memcpy(&w0, u, 8);
   memcpy(&w1, u + 8, 8);
   memcpy(&w2, u + 16, 8);
   memcpy(&w3, u + 24, 8);
   memcpy(&w4, u + 32, 4);
   uint64_t h = _mm_crc32_u64(_mm_crc32_u64(_mm_crc32_u64(_mm_crc32_u64(0, w0), w1), w2), w3);
   return (size_t)_mm_crc32_u32((uint32_t)h, w4);
}
#endif

static size_t SessionScan_hash(const char *u) {
#ifdef SESSIONSCAN_CLMUL
   if (__builtin_cpu_supports("sse4.2"))
      return SessionScan_hashCrc(u);
#endif
   /* Five overlapping words cover the 36 bytes: written out, as the
    * compiler kept the loop (a line of every file passes here). */
   uint64_t h = 0, w;
#define SESSIONSCAN_MIX(at)                                                                      \
   (memcpy(&w, u + (at), 8), h = (h ^ w) * 0x9E3779B97F4A7C15ULL, h ^= h >> 29)
   SESSIONSCAN_MIX(0);
   SESSIONSCAN_MIX(8);
   SESSIONSCAN_MIX(16);
   SESSIONSCAN_MIX(24);
   SESSIONSCAN_MIX(28);
#undef SESSIONSCAN_MIX
   return (size_t)h;
}

/* The lines seen so far by their uuid: a slot holds the index of a line
 * plus one (0: empty), 4 bytes where a pointer and a line number took 16;
 * the uuid is found again in the line when a probe needs it. */
typedef struct UuidSet {
   uint32_t *slots;
   size_t mask;
   const char *buf;
   ScanLineAt at;
   const void *ctx;
} UuidSet;

/* A line with a uuid: a checked one has it after the type and the time. */
static inline const char *SessionScan_lineUuid(const char *buf, const ScanLine *l) {
   const char *line = buf + l->start;
   if (!l->checked)
      return SessionScan_uuidOf(line, l->len);
   /* A checked TYPE has no blank: "cmd " is one, its first blank found. */
   return (l->len > 4 && memcmp(line, "cmd ", 4) == 0 ? line + 3
                                                      : (const char *)memchr(line, ' ', l->len)) +
          21;
}

static inline __attribute__((always_inline)) const char *UuidSet_key(const UuidSet *set, size_t i) {
   ScanLine l = set->at(set->ctx, set->slots[i] - 1);
   return SessionScan_lineUuid(set->buf, &l);
}

/* Adds the uuid u of line index idx; the line that already had it, 0 when
 * new, -1 when out of memory. */
static inline __attribute__((always_inline)) long UuidSet_add(UuidSet *set, const char *u, size_t idx) {
   if (!set->slots)
      return -1;
   for (size_t i = SessionScan_hash(u) & set->mask;; i = (i + 1) & set->mask) {
      if (!set->slots[i]) {
         set->slots[i] = (uint32_t)(idx + 1);
         return 0;
      }
      if (memcmp(UuidSet_key(set, i), u, 36) == 0)
         return set->at(set->ctx, set->slots[i] - 1).lineno;
   }
}

static inline __attribute__((always_inline)) int UuidSet_has(const UuidSet *set, const char *u) {
   if (!set->slots)
      return 1;   /* out of memory: accuse nobody */
   for (size_t i = SessionScan_hash(u) & set->mask; set->slots[i]; i = (i + 1) & set->mask)
      if (memcmp(UuidSet_key(set, i), u, 36) == 0)
         return 1;
   return 0;
}

/* Inlined, so that the prefix's length is known and its compare is a
 * load or two; the first byte told apart first, as a memcmp of more than
 * four bytes stays a call (a PAYLOAD seldom starts "draft #"). */
static inline __attribute__((always_inline)) int SessionScan_has(const char *s, size_t n,
                                                                 const char *prefix) {
   size_t m = strlen(prefix);
   if (m == 4) {   /* "cmd ", "cmd:", "cmd+": one load each way */
      uint32_t a, b;
      if (n < 4)
         return 0;
      memcpy(&a, s, 4);
      memcpy(&b, prefix, 4);
      return a == b;
   }
   return n >= m && s[0] == prefix[0] && memcmp(s, prefix, m) == 0;
}

static inline ScanLine SessionScan_tableAt(const void *ctx, size_t i) {
   return ((const SessionScan *)ctx)->lines[i];
}

/* A torn "cmd+" line belongs to the command before it, whose write never
 * finished (so it was never acknowledged): that whole unit goes aside. */
static size_t SessionScan_keptWith(const char *buf, ScanLineAt at, const void *ctx, size_t count,
                                   int torn, const ScanLine *tornLine) {
   if (!torn || !SessionScan_has(buf + tornLine->start, tornLine->len, "cmd+"))
      return count;
   ScanLine l;
   while (count > 0 && (l = at(ctx, count - 1), SessionScan_has(buf + l.start, l.len, "cmd+ ")))
      count--;
   if (count > 0 && (l = at(ctx, count - 1), SessionScan_has(buf + l.start, l.len, "cmd:")))
      count--;
   return count;
}

size_t SessionScan_kept(const char *buf, const SessionScan *scan) {
   return SessionScan_keptWith(buf, SessionScan_tableAt, scan, scan->count, scan->torn,
                               &scan->tornLine);
}

size_t SessionScan_crossCheck(const char *buf, const SessionScan *scan, size_t count,
                              void (*report)(void *ud, long lineno, const char *msg), void *ud) {
   return SessionScan_crossCheckWith(buf, SessionScan_tableAt, scan, count, report, ud);
}

static inline __attribute__((always_inline)) size_t
SessionScan_crossCheckWith(const char *buf, ScanLineAt at, const void *ctx, size_t count,
                           void (*report)(void *ud, long lineno, const char *msg), void *ud) {
   size_t size = 16;
   while (size < count * 2 + 2)
      size *= 2;
   /* More lines than 4 bytes can number (a file of 150 GB or more): the
    * set is left out as when out of memory. */
   UuidSet set = { count < UINT32_MAX ? calloc(size, sizeof *set.slots) : NULL, size - 1, buf, at,
                   ctx };
   size_t found = 0;
   char msg[160];
   long unitLine = 0, want = 0, got = 0;
   for (size_t i = 0; i < count; i++) {
      ScanLine one = at(ctx, i);
      const ScanLine *l = &one;
      const char *line = buf + l->start;
      if (l->seal == SCAN_SEAL_MISSING || l->seal == SCAN_SEAL_BAD)
         continue;
      /* A cmd:N unit cut short by something other than the end of the file.
       * Nearly every line is a "cmd ": one look tells it from the others. */
      int plainCmd = SessionScan_has(line, l->len, "cmd ");
      int cont = !plainCmd && SessionScan_has(line, l->len, "cmd+ ");
      if (want > got && !cont) {
         snprintf(msg, sizeof msg, "cmd:%ld announces %ld cmd+ line%s, %ld follow%s (lines lost from "
                  "the middle of the file?)", want, want, want == 1 ? "" : "s", got,
                  got == 1 ? "s" : "");
         report(ud, unitLine, msg);
         found++;
      }
      if (cont) {
         got++;
      } else if (!plainCmd && SessionScan_has(line, l->len, "cmd:")) {
         unitLine = l->lineno;
         want = strtol(line + 4, NULL, 10);
         got = 0;
      } else {
         want = got = 0;
      }
      const char *u = SessionScan_lineUuid(buf, l);
      if (!u)
         continue;
      /* A draft names its intervention by the uuid of the line that made it. */
      const char *payload = u + 36 < line + l->len ? u + 37 : NULL;
      if (payload && plainCmd &&
          SessionScan_has(payload, (size_t)(line + l->len - payload), "draft #") &&
          (size_t)(line + l->len - payload) >= 7 + 36 && SessionScan_isUuid(payload + 7, 36) &&
          !UuidSet_has(&set, payload + 7)) {
         snprintf(msg, sizeof msg, "draft for an intervention that does not exist (#%.36s)",
                  payload + 7);
         report(ud, l->lineno, msg);
         found++;
      }
      long first = UuidSet_add(&set, u, i);
      if (first > 0) {
         snprintf(msg, sizeof msg, "uuid %.36s already used on line %ld (a copied line?)", u, first);
         report(ud, l->lineno, msg);
         found++;
      }
   }
   free(set.slots);
   return found;
}
