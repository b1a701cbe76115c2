#include "storage/sessionscan.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "model/utf8.h"

const char *SessionScan_header(void) {
   /* The version as text, from the one constant. */
#define SESSIONSCAN_STR(x) #x
#define SESSIONSCAN_XSTR(x) SESSIONSCAN_STR(x)
   return GV_JOURNAL_MAGIC " " SESSIONSCAN_XSTR(GV_JOURNAL_VERSION) "\n";
}

static int SessionScan_addLine(SessionScan *scan, size_t *cap, size_t start, size_t len, long lineno) {
   if (scan->count == *cap) {
      size_t ncap = *cap ? *cap * 2 : 256;
      ScanLine *nl = realloc(scan->lines, ncap * sizeof *nl);
      if (!nl)
         return -1;
      scan->lines = nl;
      *cap = ncap;
   }
   scan->lines[scan->count++] = (ScanLine){ .start = start, .len = len, .lineno = lineno };
   return 0;
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

int SessionScan_run(const char *buf, size_t len, SessionScan *scan, char *err, size_t errlen) {
   memset(scan, 0, sizeof *scan);
   size_t cap = 0, at = 0;
   long lineno = 0;
   int rc = 0, header = 1;
   if (len == 0) {
      snprintf(err, errlen, "empty file (not a gavel session)");
      return -1;
   }
   while (at < len) {
      const char *nl = memchr(buf + at, '\n', len - at);
      lineno++;
      if (!nl) {
         scan->torn = 1;
         scan->tornLine = (ScanLine){ .start = at, .len = len - at, .lineno = lineno };
         break;
      }
      size_t llen = (size_t)(nl - (buf + at));
      if (header) {
         header = 0;
         if (SessionScan_parseHeader(buf + at, llen, &scan->version, err, errlen) != 0)
            rc = -1;
      } else if (SessionScan_addLine(scan, &cap, at, llen, lineno) != 0) {
         snprintf(err, errlen, "out of memory");
         return -1;
      }
      at += llen + 1;
      scan->goodLength = at;
   }
   if (header && rc == 0) {
      /* The header itself is torn: a crash while creating the file. */
      snprintf(err, errlen, "incomplete header (crash while creating the file?)");
      rc = -1;
   }
   return rc;
}

void SessionScan_free(SessionScan *scan) {
   free(scan->lines);
   memset(scan, 0, sizeof *scan);
}

static int SessionScan_isTime(const char *s, size_t n) {
   /* YYYY-MM-DDTHH:MM:SS */
   static const char shape[] = "dddd-dd-ddTdd:dd:dd";
   if (n != sizeof shape - 1)
      return 0;
   for (size_t i = 0; i < n; i++) {
      if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
         return 0;
   }
   return 1;
}

static int SessionScan_isUuid(const char *s, size_t n) {
   if (n != 36)
      return 0;
   for (size_t i = 0; i < n; i++) {
      char c = s[i];
      if (i == 8 || i == 13 || i == 18 || i == 23) {
         if (c != '-')
            return 0;
      } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
         return 0;
      }
   }
   return 1;
}

int SessionScan_checkLine(const char *line, size_t len, char *err, size_t errlen) {
   if (len == 0) {
      snprintf(err, errlen, "empty line");
      return -1;
   }
   for (size_t i = 0; i < len; i++) {
      /* Eight bytes at a time while none is below 0x20 or 0x7f. */
      while (i + 8 <= len) {
         uint64_t w;
         memcpy(&w, line + i, 8);
         uint64_t low = (w - 0x2020202020202020ULL) & ~w;
         uint64_t x = w ^ 0x7f7f7f7f7f7f7f7fULL;
         uint64_t del = (x - 0x0101010101010101ULL) & ~x;
         if ((low | del) & 0x8080808080808080ULL)
            break;
         i += 8;
      }
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
