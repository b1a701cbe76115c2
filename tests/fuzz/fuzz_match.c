/* Archive search (MatchQuery_parse, Match_text, Match_couldContain): the
 * input is a query, a NUL, then a text. Every span must lie within the text,
 * sorted and apart, and fold to something holding a term; a text that
 * matches must pass the raw prefilter too; a fold never crosses a tab. */
#define _GNU_SOURCE  /* memmem */
#include <string.h>

#include "model/match.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   const char *in = (const char *)data;
   const char *nul = memchr(in, 0, size);
   if (!nul)
      return 0;
   size_t qn = (size_t)(nul - in);
   const char *text = nul + 1;
   size_t tn = size - qn - 1;
   MatchQuery q;
   char msg[128];
   if (MatchQuery_parse(&q, in, qn, msg, sizeof msg) != GV_OK)
      return 0;
   FUZZ_CHECK(q.count > 0, "parsed without a term");
   GvBuf scratch = GV_BUF_INIT, piece = GV_BUF_INIT;
   MatchSpan spans[64];
   size_t n = 0;
   bool hit = Match_text(&q, text, tn, &scratch, spans, 64, &n);
   if (hit) {
      FUZZ_CHECK(Match_couldContain(&q, text, tn, &scratch), "a hit the prefilter would skip");
      size_t at = 0;
      for (size_t i = 0; i < n; i++) {
         FUZZ_CHECK(spans[i].start >= at && spans[i].end > spans[i].start && spans[i].end <= tn,
                    "span %zu [%zu,%zu) after %zu in %zu bytes", i, spans[i].start, spans[i].end, at, tn);
         at = spans[i].end;
         GvBuf_clear(&piece);
         FUZZ_CHECK(Match_fold(&piece, text + spans[i].start, spans[i].end - spans[i].start), "fold");
         bool any = false;
         for (size_t t = 0; t < q.count && !any; t++)
            any = q.lens[t] <= piece.len && memmem(piece.data, piece.len, q.terms[t], q.lens[t]);
         FUZZ_CHECK(any, "span %zu holds no term", i);
      }
   } else {
      FUZZ_CHECK(n == 0, "spans without a hit");
   }
   /* The archive cache folds whole lines, and a search cuts the fields out
    * of them at their tabs: folding never crosses a tab. */
   const char *tab = memchr(text, '\t', tn);
   if (tab) {
      size_t a = (size_t)(tab - text);
      GvBuf_clear(&scratch);
      GvBuf_clear(&piece);
      FUZZ_CHECK(Match_fold(&scratch, text, tn) && Match_fold(&piece, text, a) &&
                    GvBuf_putc(&piece, '\t') && Match_fold(&piece, tab + 1, tn - a - 1),
                 "fold");
      FUZZ_CHECK(scratch.len == piece.len && memcmp(GvBuf_str(&scratch), GvBuf_str(&piece), piece.len) == 0,
                 "the fold of a line is not the folds of its fields");
   }
   GvBuf_free(&piece);
   GvBuf_free(&scratch);
   MatchQuery_free(&q);
   return 0;
}
