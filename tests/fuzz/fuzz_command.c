/* The command language: each line of the input is typed into a session that
 * has a roster, a date and a small agenda (Session_run, live). Besides the
 * sanitizers, it checks the promise of doc/DESIGN.md that canonical lines
 * replay: every line Session_run produced must be accepted by Session_replay
 * on a fresh session, and so must the lines of Session_compact. */
#include <string.h>

#include "model/session.h"
#include "tests/fuzz/fuzz.h"

#define MAX_LINES 128 /* undo replays everything: keep each input cheap */

static const char ROSTER[] =
   "delegation BE kind=ms order=1 name=Belgium native=Belgique/België/Belgien phrase=\"the BE delegation\"\n"
   "delegation DE kind=ms order=5 name=Germany native=Deutschland phrase=\"the DE delegation\"\n"
   "delegation EL kind=ms order=8 name=Greece native=Ελλάδα phrase=\"the EL delegation\"\n"
   "delegation FR kind=ms order=10 name=France native=France phrase=\"the FR delegation\"\n"
   "delegation CY kind=ms order=13 name=Cyprus native=Κύπρος phrase=\"the CY delegation\"\n"
   "delegation PRES kind=institution order=29 name=Presidency native=Presidency phrase=\"the Presidency\"\n"
   "delegation COM kind=institution order=30 name=\"European Commission\" native=\"Commission européenne\" phrase=\"the Commission\"\n"
   "delegation COM/HOME kind=institution order=30 name=\"DG Home\" native=\"DG Home\" phrase=\"the Commission (DG Home)\"\n"
   "delegation EEAS kind=institution order=31 name=\"European External Action Service\" native=EEAS phrase=\"the EEAS\"\n"
   "delegation ENISA kind=agency order=34 name=ENISA native=ENISA phrase=ENISA\n";

typedef struct Ctx {
   unsigned long n;
} Ctx;

static void new_uuid(void *ud, char out[37])
{
   Ctx *c = ud;
   c->n++;
   snprintf(out, 37, "%08lx-0000-4000-8000-%012lx", c->n & 0xffffffffUL, c->n);
}

static int load_roster(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen)
{
   (void)ud;
   if (strcmp(name, "test") != 0 && strcmp(name, "eu28-2017") != 0) {
      snprintf(msg, msglen, "no roster '%s'", name);
      return -1;
   }
   GvBuf_puts(lines, ROSTER);
   return 0;
}

static void must_run(Session *s, const char *line, const RunContext *ctx, GvBuf *journal)
{
   char msg[256];
   GvStatus st = Session_run(s, line, strlen(line), ctx, journal, msg, sizeof msg);
   FUZZ_CHECK(st == GV_OK, "setup line '%s' refused: %s", line, msg);
}

/* Replays buf (lines ending in '\n') into a fresh session: all must apply. */
static void replay_all(const GvBuf *buf, const char *what)
{
   Session *s = Session_new();
   char msg[512];
   const char *p = buf->data, *end = buf->data ? buf->data + buf->len : NULL;
   if (!s)
      return;
   while (p && p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
      GvStatus st = Session_replay(s, p, n, msg, sizeof msg);
      FUZZ_CHECK(st == GV_OK, "%s: line does not replay: '%.*s': %s", what, (int)n, p, msg);
      p += n + 1;
   }
   Session_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   Ctx c = {0};
   RunContext ctx = {0};
   GvBuf journal = GV_BUF_INIT, compact = GV_BUF_INIT;
   char msg[512];
   Session *s = Session_new();
   if (!s)
      return 0;
   ctx.now = 1494583200; /* 2017-05-12T10:00:00 */
   ctx.new_uuid = new_uuid;
   ctx.load_roster = load_roster;
   ctx.ud = &c;
   must_run(s, "set date 2017-05-12", &ctx, &journal);
   must_run(s, "roster test", &ctx, &journal);
   must_run(s, "attend all present", &ctx, &journal);
   must_run(s, "item add \"Adoption of the agenda\" doc \"CM 2622/1/17 REV 1\"", &ctx, &journal);
   must_run(s, "item add \"Cyber Security Strategy review\"", &ctx, &journal);
   must_run(s, "item add \"Prevention\" under 2 doc \"WK 4977/17\"", &ctx, &journal);
   must_run(s, "item add AOB kind aob", &ctx, &journal);

   const char *p = (const char *)data, *end = p + size;
   for (int k = 0; p < end && k < MAX_LINES; k++) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
      ctx.now += 7;
      /* As gavel exec does: a line with a NUL byte is refused before the
       * model sees it (SessionFile_run takes a C string). */
      if (!memchr(p, 0, n))
         Session_run(s, p, n, &ctx, &journal, msg, sizeof msg);
      /* Every reader must cope with whatever state the commands made. */
      (void)Session_current_item(s);
      (void)Session_speaker(s);
      p += n + 1;
   }
   FUZZ_CHECK(!journal.failed, "out of memory");
   replay_all(&journal, "Session_run output");
   if (Session_compact(s, &compact) == GV_OK)
      replay_all(&compact, "Session_compact output");
   GvBuf_free(&compact);
   GvBuf_free(&journal);
   Session_free(s);
   return 0;
}
