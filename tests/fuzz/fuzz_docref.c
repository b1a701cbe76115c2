/* Council document references (DocRef_parse). A reference that parses has a
 * canonical text; that text must parse again to itself, since the journal
 * records the canonical text and replay parses it back. */
#include <string.h>

#include "model/docref.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   DocRef a, b, c;
   char msg[256];
   /* Every caller hands over a C string (a word of a command line). */
   if (memchr(data, 0, size))
      return 0;
   if (DocRef_parse((const char *)data, size, &a, msg, sizeof msg) != GV_OK)
      return 0;
   FUZZ_CHECK(a.text != NULL, "accepted without a text");
   GvStatus st = DocRef_parse(a.text, strlen(a.text), &b, msg, sizeof msg);
   FUZZ_CHECK(st == GV_OK, "canonical text '%s' refused: %s", a.text, msg);
   FUZZ_CHECK(strcmp(a.text, b.text) == 0, "'%s' reparses as '%s'", a.text, b.text);
   FUZZ_CHECK(a.kind == b.kind, "'%s' changes kind on reparse", a.text);
   if (DocRef_copy(&c, &a)) {
      FUZZ_CHECK(strcmp(c.text, a.text) == 0, "copy differs");
      DocRef_free(&c);
   }
   DocRef_free(&b);
   DocRef_free(&a);
   return 0;
}
