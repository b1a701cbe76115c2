/* Generates a big, realistic session for the benchmarks: the eu28-2017 roster
 * (28 Member States, institutions, Commission units), 40 agenda items,
 * 10,000 interventions with notes of 50 to 500 UTF-8 characters, positions,
 * reservations, deadlines, actions, drafts, and now and then an undo/redo.
 *
 * It drives the model directly (Session_run with a deterministic clock and
 * uuids), then writes the journal with SessionFile_create: going through
 * `gavel exec` would pay one fdatasync per line, minutes for nothing. The
 * output is the same for the same arguments (a fixed PRNG seed).
 *
 *   bench_gen OUT.gavel [INTERVENTIONS] [ROSTER.ini] [TOP-ITEMS]
 *
 * TOP-ITEMS (10) top-level items of 3 sub-items each: 4 x TOP-ITEMS items.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/session.h"
#include "storage/roster_file.h"
#include "storage/sessionfile.h"

#define ITEMS_TOP_DEFAULT 10
#define SUBS_PER_ITEM 3 /* 10 items with 3 sub-items each: 40 items */

typedef struct Gen {
   Session *s;
   RunContext ctx;
   GvBuf journal;
   uint64_t rng;
   uint64_t uuids;
   char last_uuid[37];
   const char *roster;
   size_t commands, refused_expected, undos, interventions, notes, drafts;
   size_t positions, reservations, deadlines, actions;
   char open_actions[64][37];
   size_t nopen;
   int items_top;     /* top-level items, each with SUBS_PER_ITEM sub-items */
   size_t undo_scale; /* undos as in a 10,000-intervention meeting, whatever the size */
} Gen;

static uint64_t rnd(Gen *g)
{
   /* xorshift64*: fast, and the same sequence everywhere. */
   g->rng ^= g->rng >> 12;
   g->rng ^= g->rng << 25;
   g->rng ^= g->rng >> 27;
   return g->rng * 2685821657736338717ULL;
}

static size_t pick(Gen *g, size_t n)
{
   return (size_t)(rnd(g) % n);
}

static void new_uuid(void *ud, char out[37])
{
   Gen *g = ud;
   uint64_t n = ++g->uuids;
   snprintf(out, 37, "%08x-%04x-4%03x-8%03x-%012llx", (unsigned)(n * 2654435761u),
            (unsigned)(n & 0xffff), (unsigned)((n >> 4) & 0xfff), (unsigned)(n & 0xfff),
            (unsigned long long)(n & 0xffffffffffffULL));
   memcpy(g->last_uuid, out, 37);
}

static int load_roster(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen)
{
   const Gen *g = ud;
   (void)name; /* always the roster file given on the command line */
   return RosterFile_loadInto(g->roster, NULL, lines, msg, msglen);
}

/* Runs one command; a refusal is a bug in this generator (or in the model):
 * the session would not be the one described, so stop. */
static void run(Gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void run(Gen *g, const char *fmt, ...)
{
   char line[4096], msg[512];
   va_list ap;
   va_start(ap, fmt);
   int n = vsnprintf(line, sizeof line, fmt, ap);
   va_end(ap);
   if (n < 0 || (size_t)n >= sizeof line) {
      fprintf(stderr, "bench_gen: command too long\n");
      exit(1);
   }
   GvStatus st = Session_run(g->s, line, (size_t)n, &g->ctx, &g->journal, msg, sizeof msg);
   if (st != GV_OK) {
      fprintf(stderr, "bench_gen: refused: %s\n  %s (%s)\n", line, msg, GvStatus_name(st));
      exit(1);
   }
   g->commands++;
}

/* Words of notes: English officialese with the accents, Greek, quotes and
 * symbols real minutes carry, so that the UTF-8 paths are exercised. */
static const char *const WORDS[] = {
   "the", "delegation", "stressed", "need", "for", "a", "coherent", "approach", "to",
   "cyber", "resilience", "and", "welcomed", "Commission's", "proposal", "on", "e-evidence",
   "Member", "States", "should", "coordinate", "closely", "with", "ENISA", "Europol",
   "coopération", "renforcée", "Zusammenarbeit", "„Cybersicherheit“", "«sécurité»",
   "Ελλάδα", "κυβερνοασφάλεια", "Łódź", "Ústí", "Curaçao", "naïve", "señal", "Österreich",
   "€1 million", "—", "2017–2018", "§ 4", "°", "…", "“non-paper”", "in", "view", "of",
   "the", "upcoming", "Council", "conclusions", "scrutiny", "reservation", "was", "lifted",
   "text", "acceptable", "subject", "wording", "paragraph", "attribution", "PSC", "Coreper",
};

static size_t utf8_chars(const char *s)
{
   size_t n = 0;
   for (; *s; s++)
      n += ((unsigned char)*s & 0xc0) != 0x80;
   return n;
}

/* A note of 50..500 characters (code points), no newline. */
static void make_note(Gen *g, char *out, size_t cap)
{
   size_t target = 50 + pick(g, 451), len = 0, chars = 0;
   static const char *const START[] = {"stressed", "welcomed", "asked", "supported",
                                       "expressed concerns about", "proposed", "recalled"};
   len = (size_t)snprintf(out, cap, "%s", START[pick(g, sizeof START / sizeof *START)]);
   chars = len;
   while (chars < target) {
      const char *w = WORDS[pick(g, sizeof WORDS / sizeof *WORDS)];
      size_t wl = strlen(w), wc = utf8_chars(w);
      if (chars + 1 + wc > 500 || len + 1 + wl + 2 >= cap)
         break;
      out[len++] = ' ';
      memcpy(out + len, w, wl);
      len += wl;
      chars += 1 + wc;
   }
   while (chars < 50 && len + 2 < cap) { /* a long word was refused near the end */
      out[len++] = '.';
      chars++;
   }
   out[len++] = '.';
   out[len] = '\0';
}

static const char *const MS[] = {"BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR",
                                 "HR", "IT", "LV", "LT", "LU", "HU", "MT", "NL", "AT", "PL",
                                 "PT", "RO", "SI", "SK", "FI", "SE", "UK"}; /* CY is absent */
#define NMS (sizeof MS / sizeof *MS)
static const char *const INST[] = {"PRES", "COM", "COM/HOME", "COM/CNECT", "EEAS", "GSC"};
static const char *const STANCE[] = {"supports", "accepts", "flexible", "concerns", "opposes",
                                     "asks"};
static const char *const RESERVATION[] = {"scrutiny", "parliamentary", "linguistic",
                                          "substantive", "general", "waiting"};

static void tick(Gen *g, int64_t lo, int64_t hi)
{
   g->ctx.now += lo + (int64_t)pick(g, (size_t)(hi - lo + 1));
}

static void day_string(int64_t day, char out[11])
{
   Date_format_iso(day, out);
}

/* One intervention already given the floor: notes, sometimes a draft first,
 * a position, a reservation, an action, an undo of a slip. */
static void speak(Gen *g, const char *code, bool ms, int64_t meeting_day)
{
   char note[2048];
   size_t nnotes = 1 + pick(g, 3);
   g->interventions++;
   for (size_t k = 0; k < nnotes; k++) {
      tick(g, 15, 70);
      make_note(g, note, sizeof note);
      if (pick(g, 10) == 0) { /* the live screen journals drafts while typing */
         size_t half = strlen(note) / 2;
         while (half > 0 && ((unsigned char)note[half] & 0xc0) == 0x80)
            half--; /* cut on a character boundary */
         run(g, "draft %.*s", (int)half, note);
         g->drafts++;
      }
      run(g, "note %s", note);
      g->notes++;
      if (pick(g, 500 * g->undo_scale) == 0) { /* a slip: taken back and typed again */
         run(g, "undo");
         run(g, "note %s", note);
         g->undos++;
      }
   }
   if (ms && pick(g, 4) == 0) {
      make_note(g, note, 160);
      run(g, "pos %s %s %s", code, STANCE[pick(g, 6)], note);
      g->positions++;
   }
   if (ms && pick(g, 40) == 0) {
      const char *r = RESERVATION[pick(g, 6)];
      run(g, "reserve %s %s", code, r);
      g->reservations++;
      if (pick(g, 3) == 0)
         run(g, "lift %s %s", code, r);
   }
   if (pick(g, 50) == 0) {
      char due[11];
      make_note(g, note, 200);
      day_string(meeting_day + 7 + (int64_t)pick(g, 60), due);
      run(g, "action %s %s %s", code, pick(g, 5) ? due : "-", note);
      if (g->nopen < 64)
         memcpy(g->open_actions[g->nopen++], g->last_uuid, 37);
      g->actions++;
   }
   if (g->nopen > 0 && pick(g, 200) == 0) {
      run(g, "done %.13s", g->open_actions[--g->nopen]);
   }
   if (pick(g, 1000 * g->undo_scale) == 0) { /* undo and redo a whole command */
      run(g, "undo");
      run(g, "redo");
      g->undos++;
   }
}

static void generate(Gen *g, size_t total)
{
   int64_t day = Date_days_from_civil(2017, 5, 12);
   char dd[11];
   day_string(day, dd);
   g->ctx.now = day * GV_DAY_SECONDS + 9 * 3600 + 30 * 60;

   run(g, "set body \"Horizontal Working Party on Cyber Issues\"");
   run(g, "set date %s", dd);
   run(g, "set place Brussels");
   run(g, "set chair \"MT Presidency\"");
   run(g, "set docno 10876/17");
   run(g, "set codes \"CYBER 105, COPEN 220, JAI 652, POLMIL 83, TELECOM 179\"");
   run(g, "set marking LIMITE");
   run(g, "set language en");
   run(g, "set from \"General Secretariat of the Council\"");
   run(g, "set to \"Horizontal Working Party on Cyber Issues\"");
   run(g, "set subject \"Summary of discussions\"");
   run(g, "roster eu28-2017");
   run(g, "attend all present");
   run(g, "attend CY absent");
   run(g, "attend EE video");
   run(g, "attend SE video");

   for (int i = 1; i <= g->items_top; i++) {
      run(g, "item add \"Item %d – cyber résilience, coopération et sécurité (%d)\" doc \"WK %d/17\"", i, i,
          4000 + i);
      for (int k = 1; k <= SUBS_PER_ITEM; k++)
         run(g, "item add \"Sub-item %d.%d – examen du texte révisé\" under %d doc \"%d/%d/17 REV %d\"",
             i, k, i, 7900 + i * 10 + k, k, k);
   }

   size_t items = (size_t)g->items_top * SUBS_PER_ITEM, per_item = total / items, done = 0;
   for (int i = 1; i <= g->items_top; i++) {
      for (int k = 1; k <= SUBS_PER_ITEM; k++) {
         size_t want = per_item + ((size_t)((i - 1) * SUBS_PER_ITEM + k) == items ? total - per_item * items : 0);
         size_t spoke = 0;
         char note[600];
         tick(g, 30, 120);
         run(g, "item %d.%d", i, k);
         /* The Presidency introduces, the Commission answers. */
         run(g, "give PRES");
         speak(g, "PRES", false, day);
         spoke++;
         while (spoke < want) {
            size_t ask = 1 + pick(g, 6);
            if (pick(g, 25) == 0) {
               run(g, "tour");
               ask = NMS;
            } else {
               char req[256] = "floor";
               size_t first = pick(g, NMS);
               for (size_t a = 0; a < ask; a++) {
                  strcat(req, " ");
                  strcat(req, MS[(first + a * 7) % NMS]);
               }
               run(g, "%s", req);
            }
            if (ask > want - spoke)
               ask = want - spoke;
            for (size_t a = 0; a < ask; a++) {
               const Intervention *cur;
               const Delegation *d;
               char code[40] = "FR";
               tick(g, 5, 20);
               run(g, "next");
               cur = Session_speaker(g->s);
               d = cur ? Session_delegation(g->s, cur->delegation) : NULL;
               /* A copy: an undo rebuilds the session and frees the roster. */
               if (d)
                  snprintf(code, sizeof code, "%s", d->code);
               speak(g, code, true, day);
               spoke++;
            }
            tick(g, 5, 20);
            /* Whoever is still queued gives up: the chair moves on. */
            run(g, "end");
            size_t q;
            while (Session_queue(g->s, &q), q > 0) {
               const QueueEntry *e = Session_queue(g->s, &q);
               const Delegation *d = Session_delegation(g->s, e[0].delegation);
               char code[40];
               snprintf(code, sizeof code, "%s", d->code);
               run(g, "withdraw %s", code);
            }
            if (spoke < want && pick(g, 3) == 0) {
               const char *who = INST[pick(g, sizeof INST / sizeof *INST)];
               run(g, "give %s", who);
               speak(g, who, false, day);
               spoke++;
               run(g, "end");
            }
         }
         if (pick(g, 3) == 0) {
            char due[11];
            day_string(day + 14 + (int64_t)pick(g, 30), due);
            make_note(g, note, 200);
            run(g, "deadline %s Written comments: %s", due, note);
            g->deadlines++;
         }
         make_note(g, note, 300);
         run(g, "outcome %s The working party %s", pick(g, 2) ? "noted" : "continued", note);
         done += spoke;
      }
   }
   run(g, "set end %02d:%02d", (int)((g->ctx.now / 3600) % 24), (int)((g->ctx.now / 60) % 60));
   (void)done;
}

static double now_s(void)
{
   struct timespec ts;
   clock_gettime(CLOCK_MONOTONIC, &ts);
   return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
   if (argc < 2) {
      fprintf(stderr, "usage: bench_gen OUT.gavel [INTERVENTIONS] [ROSTER.ini] [TOP-ITEMS]\n");
      return 2;
   }
   Gen g;
   memset(&g, 0, sizeof g);
   size_t total = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 10000;
   g.items_top = argc > 4 ? atoi(argv[4]) : ITEMS_TOP_DEFAULT;
   if (g.items_top < 1)
      g.items_top = 1;
   if (total < (size_t)g.items_top * SUBS_PER_ITEM)
      total = (size_t)g.items_top * SUBS_PER_ITEM;
   /* Every undo rebuilds the meeting (O(n) in model/session.c): a bigger
    * meeting keeps the same number of them, or generating it would take the
    * square of its size. A meeting of many items (the growth rows of
    * `make bench`: TOP-ITEMS given) keeps the count of 1,000 interventions,
    * eight: each of its rebuilds replays n items besides the interventions,
    * and 80 of them made the 100,000-item session take minutes to write. */
   size_t undo_base = argc > 4 ? 1000 : 10000;
   g.undo_scale = total > undo_base ? total / undo_base : 1;
   g.roster = argc > 3 ? argv[3] : "rosters/eu28-2017.ini";
   g.rng = 0x9e3779b97f4a7c15ULL;
   g.s = Session_new();
   GvBuf_init(&g.journal);
   g.ctx.new_uuid = new_uuid;
   g.ctx.load_roster = load_roster;
   g.ctx.ud = &g;
   if (!g.s) {
      fprintf(stderr, "bench_gen: out of memory\n");
      return 1;
   }

   double t0 = now_s();
   generate(&g, total);
   double t1 = now_s();
   if (g.journal.failed) {
      fprintf(stderr, "bench_gen: out of memory\n");
      return 1;
   }

   char err[512];
   SessionFileOptions opts = {0};
   remove(argv[1]);
   if (SessionFile_create(argv[1], g.journal.data, g.journal.len, &opts, err, sizeof err) != 0) {
      fprintf(stderr, "bench_gen: %s\n", err);
      return 1;
   }
   double t2 = now_s();

   printf("generated %s\n", argv[1]);
   printf("  %zu commands run, %zu journal lines, %.1f MB\n", g.commands,
          Session_line_count(g.s), (double)g.journal.len / 1e6);
   printf("  %zu interventions, %zu notes, %zu drafts, %zu positions, %zu reservations,\n"
          "  %zu actions, %zu deadlines, %zu undo(s)/redo(s), %zu items, %zu delegations\n",
          g.interventions, g.notes, g.drafts, g.positions, g.reservations, g.actions, g.deadlines,
          g.undos, g.s->agenda.count, g.s->roster.count);
   printf("  model: %.0f ms for %zu commands (%.1f us/command, Session_run, no I/O)\n",
          (t1 - t0) * 1e3, g.commands, (t1 - t0) * 1e6 / (double)g.commands);
   printf("  file:  %.0f ms (SessionFile_create: write, fsync, link)\n", (t2 - t1) * 1e3);

   GvBuf_free(&g.journal);
   Session_free(g.s);
   return 0;
}
