/* The tokenizer under every command (Words_split, Words_rest) and its
 * writers: Words_put_text must give back exactly the text Words_rest read,
 * and Words_put_word / Words_put_quoted a word that splits back to itself. */
#include <string.h>

#include "model/words.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   Words w, w2;
   char msg[128];
   /* Lines reach the tokenizer as C strings: gavel exec refuses a line with
    * a NUL byte and SessionFile_run takes a C string. */
   if (memchr(data, 0, size))
      return 0;
   if (Words_split(&w, (const char *)data, size, msg, sizeof msg) != GV_OK)
      return 0;
   for (size_t i = 0; i <= w.count && i < 8; i++) {
      size_t n;
      char *rest = Words_rest(&w, i, &n);
      if (!rest)
         continue;
      /* The trailing TEXT written canonically reads back the same. */
      GvBuf b = GV_BUF_INIT;
      GvBuf_puts(&b, "note ");
      Words_put_text(&b, rest, n);
      if (!b.failed && Words_split(&w2, b.data, b.len, msg, sizeof msg) == GV_OK) {
         size_t n2;
         char *back = Words_rest(&w2, 1, &n2);
         FUZZ_CHECK(back && n2 == n && memcmp(back, rest, n) == 0,
                    "TEXT of %zu bytes does not round-trip: '%s' -> '%s'", n, rest, GvBuf_str(&b));
         free(back);
         Words_free(&w2);
      }
      GvBuf_free(&b);
      free(rest);
   }
   for (size_t i = 0; i < w.count && i < 8; i++) {
      size_t n = strlen(w.word[i]);
      for (int quoted = 0; quoted < 2; quoted++) {
         GvBuf b = GV_BUF_INIT;
         GvBuf_puts(&b, "x ");
         if (quoted)
            Words_put_quoted(&b, w.word[i], n);
         else
            Words_put_word(&b, w.word[i], n);
         GvBuf_puts(&b, " y");
         if (!b.failed && Words_split(&w2, b.data, b.len, msg, sizeof msg) == GV_OK) {
            /* A word holding a NUL cannot round-trip through a C string. */
            FUZZ_CHECK(w2.count == 3 && strcmp(w2.word[1], w.word[i]) == 0,
                       "word '%s' written as '%s' splits into %zu words", w.word[i],
                       GvBuf_str(&b), w2.count);
            Words_free(&w2);
         }
         GvBuf_free(&b);
      }
   }
   Words_free(&w);
   return 0;
}
