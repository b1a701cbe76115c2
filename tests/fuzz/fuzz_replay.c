/* Journal replay: arbitrary lines, as a damaged or hand-edited session file
 * would hold them, fed to Session_replay one by one; then everything that
 * reads a session runs on the result (compaction, the outcome document in
 * every format, the action exports, the statistics), since a session that
 * replayed is one the renderers will be asked to print. */
#include <string.h>

#include "model/session.h"
#include "render/actions.h"
#include "render/actions_csv.h"
#include "render/actions_ics.h"
#include "render/outcome.h"
#include "tests/fuzz/fuzz.h"

#define MAX_LINES 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   static FILE *null;
   char msg[512];
   Session *s = Session_new();
   if (!s)
      return 0;
   if (!null)
      null = fopen("/dev/null", "w");

   const char *p = (const char *)data, *end = p + size;
   for (int k = 0; p < end && k < MAX_LINES; k++) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
      Session_replay(s, p, n, msg, sizeof msg);
      p += n + 1;
   }

   GvBuf b = GV_BUF_INIT;
   Session_compact(s, &b);
   GvBuf_free(&b);
   (void)Session_start_time(s);
   (void)Session_end_time(s);
   if (s->roster.count < 4096) {
      SpeakStat *st = calloc(s->roster.count + 1, sizeof *st);
      if (st) {
         Session_speaking_stats(s, GV_NONE, 1494590400, true, st);
         free(st);
      }
   }
   if (null) {
      OutcomeOptions o = {OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_SPEAKERS | OUTCOME_ANNEX_ACTIONS,
                          NULL, NULL};
      Outcome_write(null, s, OUTCOME_MD, &o);
      Outcome_write(null, s, OUTCOME_HTML, &o);
      Outcome_write(null, s, OUTCOME_TXT, &o);
      Outcome_write(null, s, OUTCOME_DOCX, &o);
      ActionList l;
      ActionList_init(&l);
      ActionList_addSession(&l, s);
      ActionList_filter(&l, 1, "COM");
      ActionList_sort(&l);
      ActionsCsv_write(null, &l);
      ActionsIcs_write(null, &l, "20170705T120000Z");
      ActionList_free(&l);
   }
   Session_free(s);
   return 0;
}
