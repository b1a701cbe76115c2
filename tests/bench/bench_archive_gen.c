/* Generates an archive for the benchmarks: COUNT sessions (1,000 by
 * default, about 30 MB) of four bodies over five years, the eu28-2017
 * roster, 8 items each from a pool of 40 dossiers (tagged, or joined by a
 * shared document in another revision), 60 interventions with notes,
 * positions, reservations entered, maintained and lifted, deadlines and
 * actions (some done, some overdue). Like bench_gen it drives the model
 * directly with a fixed clock, uuids and seed: the same files every run.
 *
 *   bench_archive_gen DIR/sessions [COUNT] [ROSTER.ini]
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/session.h"
#include "storage/fileio.h"
#include "storage/roster_file.h"
#include "storage/sessionfile.h"

typedef struct Gen {
   Session *s;
   RunContext ctx;
   GvBuf journal;
   uint64_t rng, uuids;
   int64_t clock;
   const char *roster;
} Gen;

static uint64_t rnd(Gen *g) {
   g->rng ^= g->rng >> 12;
   g->rng ^= g->rng << 25;
   g->rng ^= g->rng >> 27;
   return g->rng * 2685821657736338717ULL;
}

static size_t pick(Gen *g, size_t n) {
   return (size_t)(rnd(g) % n);
}

static void new_uuid(void *ud, char out[37]) {
   Gen *g = ud;
   uint64_t n = ++g->uuids;
   snprintf(out, 37, "%08x-%04x-4%03x-8%03x-%012llx", (unsigned)(n * 2654435761u),
            (unsigned)((n >> 16) & 0xffff), (unsigned)((n >> 4) & 0xfff), (unsigned)(n & 0xfff),
            (unsigned long long)(n & 0xffffffffffffULL));
}

static int load_roster(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen) {
   const Gen *g = ud;
   (void)name;
   return RosterFile_loadInto(g->roster, NULL, lines, msg, msglen);
}

static void run(Gen *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void run(Gen *g, const char *fmt, ...) {
   char line[4096], msg[512];
   va_list ap;
   va_start(ap, fmt);
   int n = vsnprintf(line, sizeof line, fmt, ap);
   va_end(ap);
   g->ctx.now = g->clock;
   g->clock += 20 + (int64_t)pick(g, 60);
   if (n < 0 || (size_t)n >= sizeof line ||
       Session_run(g->s, line, (size_t)n, &g->ctx, &g->journal, msg, sizeof msg) != GV_OK) {
      fprintf(stderr, "bench_archive_gen: refused: %s\n  %s\n", line, msg);
      exit(1);
   }
}

static const char *const BODIES[] = {
   "Horizontal Working Party on Cyber Issues",
   "Working Party on Telecommunications and Information Society",
   "Working Party on Cooperation in Criminal Matters",
   "Working Party on Data Protection",
};
static const char *const SLUGS[] = { "hwp-cyber", "tele", "copen", "dapix" };
static const char *const WORDS[] = {
   "the", "delegation", "stressed", "need", "for", "a", "coherent", "approach", "to",
   "cyber", "resilience", "and", "welcomed", "Commission's", "proposal", "on", "e-evidence",
   "Member", "States", "should", "coordinate", "closely", "with", "ENISA", "Europol",
   "coopération", "renforcée", "Zusammenarbeit", "sécurité", "Ελλάδα", "κυβερνοασφάλεια",
   "Łódź", "Österreich", "in", "view", "of", "upcoming", "Council", "conclusions", "scrutiny",
   "reservation", "text", "acceptable", "subject", "wording", "paragraph", "attribution",
   "Coreper", "toolbox", "roaming", "spectrum", "encryption", "retention", "interoperability",
};
static const char *const CODES[] = { "FR", "DE", "IT", "ES", "PL", "NL", "EL", "AT", "SE", "BE",
                                     "PT", "CZ", "HU", "RO", "DK", "FI", "IE", "LU" };
#define NCODES (sizeof CODES / sizeof *CODES)
#define NDOSSIERS 40

static void note(Gen *g, char *out, size_t cap) {
   size_t target = 100 + pick(g, 150), len = 0;
   while (len < target && len + 40 < cap) {
      const char *w = WORDS[pick(g, sizeof WORDS / sizeof *WORDS)];
      len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "", w);
   }
   snprintf(out + len, cap - len, ".");
}

static void session(Gen *g, size_t k, const char *dir) {
   int64_t day = Date_days_from_civil(2015, 1, 5) + (int64_t)(k * 1826 / 1000) + (int64_t)(k % 3);
   int64_t y;
   unsigned m, d;
   Date_civil_from_days(day, &y, &m, &d);
   size_t body = k % 4;
   g->s = Session_new();
   GvBuf_init(&g->journal);
   g->clock = day * 86400 + 10 * 3600;
   run(g, "set body \"%s\"", BODIES[body]);
   run(g, "set date %04lld-%02u-%02u", (long long)y, m, d);
   run(g, "roster eu28-2017");
   for (int i = 0; i < 8; i++) {
      size_t dos = (k / 4 + (size_t)i * 7 + pick(g, 3)) % NDOSSIERS;
      unsigned num = 7000 + (unsigned)dos * 13, yy = 15 + (unsigned)(dos % 5);
      /* Half the items carry the tag, the others only a revision of the document. */
      if (pick(g, 2))
         run(g, "item add \"Dossier %zu: item %d\" doc \"ST %u/%u\" dossier \"Dossier %zu\"", dos, i,
             num, yy, dos);
      else {
         unsigned rev = 1 + (unsigned)pick(g, 2);
         run(g, "item add \"Follow-up %d\" doc \"%u/%u/%u REV %u\"", i, num, rev, yy, rev);
      }
   }
   char text[1024];
   for (int i = 1; i <= 8; i++) {
      run(g, "item %d", i);
      for (int v = 0; v < 7 + (int)pick(g, 3); v++) {
         run(g, "floor %s", CODES[pick(g, NCODES)]);
         run(g, "next");
         note(g, text, sizeof text);
         /* A rare word, in one session of fifty: what a search for a name finds. */
         run(g, "note %s%s", text, k % 50 == 7 && v == 0 ? " Schengen." : "");
      }
      const char *who = CODES[pick(g, NCODES)];
      run(g, "pos %s %s %s", who, pick(g, 2) ? "supports" : "concerns", "the text as it stands");
      const char *res = CODES[pick(g, NCODES)];
      run(g, "reserve %s scrutiny", res);
      if (pick(g, 3) == 0)
         run(g, "lift %s scrutiny", res);
      if (pick(g, 2))
         run(g, "action %s %04lld-%02u-%02u comments on the text", CODES[pick(g, NCODES)],
             (long long)y, m, d < 20 ? d + 7 : 28);
      if (pick(g, 4) == 0)
         run(g, "deadline %04lld-%02u-28 written comments", (long long)y, m);
      run(g, "outcome %s", pick(g, 2) ? "continued" : "agreed");
   }
   for (size_t a = 0; a < g->s->rec.nactions; a++)
      if (pick(g, 2))
         run(g, "done %.8s", g->s->rec.actions[a].uuid);
   char path[4096], err[512];
   snprintf(path, sizeof path, "%s/%04lld-%02u-%02u-%s.gavel", dir, (long long)y, m, d, SLUGS[body]);
   SessionFileOptions opts = { .io = NULL };
   if (SessionFile_create(path, g->journal.data, g->journal.len, &opts, err, sizeof err) != 0) {
      fprintf(stderr, "bench_archive_gen: %s\n", err);
      exit(1);
   }
   GvBuf_free(&g->journal);
   Session_free(g->s);
}

int main(int argc, char **argv) {
   if (argc < 2) {
      fprintf(stderr, "usage: bench_archive_gen DIR [COUNT] [ROSTER.ini]\n");
      return 2;
   }
   size_t count = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 1000;
   Gen g;
   memset(&g, 0, sizeof g);
   g.rng = 0x9e3779b97f4a7c15ULL;
   g.roster = argc > 3 ? argv[3] : "rosters/eu28-2017.ini";
   g.ctx.new_uuid = new_uuid;
   g.ctx.load_roster = load_roster;
   g.ctx.ud = &g;
   char err[512];
   if (FileIO_mkdirs(argv[1], err, sizeof err) != 0) {
      fprintf(stderr, "bench_archive_gen: %s\n", err);
      return 1;
   }
   for (size_t k = 0; k < count; k++)
      session(&g, k, argv[1]);
   return 0;
}
