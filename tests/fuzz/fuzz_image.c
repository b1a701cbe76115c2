/* The state image reader (model/session_image.h): any bytes as an image, over
 * any text as the file it stands for. The file around an image has a
 * checksum, so damage reaches the reader only by a bug or by hand; even then
 * it must refuse or read, never read out of bounds, and what it reads must
 * hold together where the journal readers look (every line inside the text,
 * NUL-ended at its length: the text here may hold NULs of its own, which a
 * session file's checked lines never do). The same image read in two steps
 * over a copy of the text that must not be written (SessionImage_readAhead,
 * then SessionImage_settleShared, as a warm open does over a mapped text):
 * the text is left as it was, and when it says yes it counted each line
 * placed there, and summed where each ends.
 *
 * Input: two bytes L (little-endian), then L bytes of text (the file's first
 * bytes, all of them covered), then the image. */
#include <string.h>

#include "model/session.h"
#include "model/session_image.h"
#include "tests/fuzz/fuzz.h"

static void shared(const uint8_t *data, size_t l, const uint8_t *image, size_t len) {
   Session *s = Session_new();
   char *text = malloc(l + 1);
   if (!s || !text) {
      free(text);
      Session_free(s);
      return;
   }
   memcpy(text, data, l);
   text[l] = '\0';
   if (!Session_hold_text(s, text, l)) {
      free(text);
      Session_free(s);
      return;
   }
   SessionImagePending *pending = NULL;
   size_t ends = 0;
   uint64_t where = 0, sum = 0;
   if (SessionImage_readAhead(s, image, len, l, &pending, NULL, 0) &&
       SessionImage_settleShared(s, pending, &ends, &where)) {
      size_t held = 0;
      for (size_t i = 0; i < Session_line_count(s); i++) {
         size_t n;
         const char *line = Session_line(s, i, &n);
         if (line >= text && line < text + l) {
            held++;
            sum += SessionImage_endMix((uint64_t)(line + n - text));
         }
      }
      FUZZ_CHECK(held == ends, "%zu lines in the text, said %zu", held, ends);
      FUZZ_CHECK(sum == where, "the lines' ends are not where it says");
   }
   FUZZ_CHECK(memcmp(text, data, l) == 0, "the text was written");
   SessionImage_abandon(s, NULL);
   free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   if (size < 2)
      return 0;
   size_t l = (size_t)data[0] | (size_t)data[1] << 8;
   data += 2;
   size -= 2;
   if (l > size)
      l = size;
   Session *s = Session_new();
   char *text = malloc(l + 1);
   if (!s || !text) {
      free(text);
      Session_free(s);
      return 0;
   }
   memcpy(text, data, l);
   text[l] = '\0';
   if (!Session_hold_text(s, text, l)) {
      free(text);
      Session_free(s);
      return 0;
   }
   char msg[256];
   if (SessionImage_read(s, data + l, size - l, l, msg, sizeof msg)) {
      for (size_t i = 0; i < Session_line_count(s); i++) {
         size_t n;
         const char *line = Session_line(s, i, &n);
         FUZZ_CHECK(line[n] == '\0' && strlen(line) <= n, "line %zu: %zu bytes, said %zu", i,
                    strlen(line), n);
      }
      GvBuf b = GV_BUF_INIT;
      FUZZ_CHECK(SessionImage_write(s, &b) || b.failed, "an image read cannot be written");
      GvBuf_free(&b);
   }
   Session_free(s);
   shared(data, l, data + l, size - l);
   return 0;
}
