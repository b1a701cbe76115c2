/* The session file as SessionFile_open reads it, without the disk: the
 * frame scanner (SessionScan_run), the line check (SessionScan_checkLine),
 * then Session_replay of each line that passed, as storage/sessionfile.c
 * does. A line that SessionScan_checkLine accepts is also what gavel
 * writes, so scanning the lines again must find the same ones. */
#include <string.h>

#include "model/session.h"
#include "storage/sessionscan.h"
#include "tests/fuzz/fuzz.h"

#define MAX_LINES 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   const char *buf = (const char *)data;
   char err[512], msg[512];
   SessionScan scan;
   memset(&scan, 0, sizeof scan);
   SessionScan_run(buf, size, &scan, err, sizeof err);
   FUZZ_CHECK(scan.goodLength <= size, "goodLength %zu > size %zu", scan.goodLength, size);
   Session *s = Session_new();
   for (size_t i = 0; s && i < scan.count && i < MAX_LINES; i++) {
      const ScanLine *l = &scan.lines[i];
      FUZZ_CHECK(l->start <= size && l->len <= size - l->start, "line %zu out of the buffer", i);
      if (SessionScan_checkLine(buf + l->start, l->len, msg, sizeof msg) == 0)
         Session_replay(s, buf + l->start, l->len, msg, sizeof msg);
   }
   if (scan.torn)
      FUZZ_CHECK(scan.tornLine.start <= size && scan.tornLine.len <= size - scan.tornLine.start,
                 "torn line out of the buffer");
   Session_free(s);
   SessionScan_free(&scan);
   (void)SessionScan_checkLines(buf, size, err, sizeof err);
   return 0;
}
