/* gavel search: words and quoted phrases over every session of the archive
 * (notes, item titles, outcomes, positions, reservations, deadlines,
 * actions), case- and accent-insensitive (model/match.h). Each hit: date,
 * body, item number and title, delegation and the text in context with the
 * match marked: bold on a terminal, [brackets] elsewhere. Newest first.
 * Exit 1 when nothing matches, like grep. A session whose file cannot hold
 * every word is not replayed at all (Match_couldContain). */
#include "cli/cmd_search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/archive_digest.h"
#include "render/archive_search.h"
#include "cli/archive_scan.h"
#include "cli/table.h"
#include "model/date.h"
#include "model/match.h"
#include "model/visible.h"

static const char CmdSearch_usage[] =
   "usage: gavel search QUERY [--delegation CODE] [--doc REF] [--item TEXT]\n"
   "                    [--since DATE] [--until DATE] [--format text|csv|json]\n"
   "  words and \"quoted phrases\", all of which must occur; case and accents ignored\n";


typedef struct Search {
   ArchiveSearch as;
   DayRange range;
   const char *query, *deleg, *item, *doc;  /* as given, for a second visitor */
   SearchSpill **parts; /* a second visitor's text, part by part, until merged */
   size_t nparts;
   SearchText out;  /* the hits as text, written as found (ArchiveSearch.text) or at the end */
   bool statusOnly; /* the output is thrown away: only whether something matches counts */
} Search;

/* The search itself, from the options: 0, or -1 with msg. */
static int Search_setup(Search *s, char *msg, size_t msglen) {
   if (ArchiveSearch_init(&s->as, s->query, msg, msglen) != GV_OK)
      return -1;
   s->as.delegation = s->deleg;
   s->as.noUid = true;  /* no column shows it: only the live screen opens a hit */
   if (s->item && ArchiveSearch_item(&s->as, s->item, msg, msglen) != GV_OK) {
      char m[256];
      snprintf(m, sizeof m, "--item: %s", msg);
      snprintf(msg, msglen, "%s", m);
      return -1;
   }
   if (s->doc && ArchiveSearch_doc(&s->as, s->doc, msg, msglen) != GV_OK) {
      char m[256];
      snprintf(m, sizeof m, "--doc: %s", msg);
      snprintf(msg, msglen, "%s", m);
      return -1;
   }
   return 0;
}

/* A second visitor (Archive_scan's split, asked for only when the hits
 * are written as found): the same search, its text kept in memory part by
 * part. */
static void *Search_split(void *ud, size_t nparts) {
   Search *s = ud;
   Search *b = calloc(1, sizeof *b);
   char msg[256];
   if (!b)
      return NULL;
   b->range = s->range;
   b->query = s->query, b->deleg = s->deleg, b->item = s->item, b->doc = s->doc;
   if (Search_setup(b, msg, sizeof msg) != 0 || !(b->parts = calloc(nparts, sizeof *b->parts))) {
      ArchiveSearch_free(&b->as);
      free(b);
      return NULL;
   }
   b->as.markOn = s->as.markOn, b->as.markOff = s->as.markOff;
   b->as.noPath = s->as.noPath;
   b->statusOnly = s->statusOnly;
   b->nparts = nparts;
   b->as.text = &b->out;
   Match_ready();
   return b;
}

static void Search_part(void *other, size_t k) {
   Search *b = other;
   SearchText_flush(&b->out);
   b->out.spill = &b->parts[k];
}

/* Part k of the second visitor, after what the first has written. */
static void Search_merge(void *ud, void *other, size_t k) {
   Search *s = ud, *b = other;
   SearchText_flush(&b->out);
   SearchText_flush(&s->out);
   SearchSpill_write(b->parts[k], s->out.f);
   b->parts[k] = NULL;
}

static void Search_join(void *ud, void *other) {
   Search *s = ud, *b = other;
   s->as.nemitted += b->as.nemitted;
   s->as.nhits += b->as.nhits;
   s->as.nomem |= b->as.nomem || b->out.spillFailed;
   for (size_t k = 0; k < b->nparts; k++)
      SearchSpill_write(b->parts[k], NULL);
   ArchiveSearch_free(&b->as);
   free(b->parts);
   free(b);
}

static void Search_ordered(void *ud, bool newestFirst) {
   Search *s = ud;
   if (newestFirst)
      s->as.text = &s->out;
}

static bool Search_want(void *ud, const ArchiveEntry *e, const char *raw, size_t len) {
   Search *s = ud;
   return ArchiveCli_inRange(&s->range, e->day) && ArchiveSearch_could(&s->as, raw, len);
}

static void Search_visit(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   Search *s = ud;
   ArchiveSearch_digest(&s->as, e->day, e->body, e->path, d);
}

/* A cached session through its folded lines (render/archive_search.h). */
static int Search_visitFolded(void *ud, const ArchiveEntry *e, const char *recs, size_t len,
                              const char *folded, size_t flen) {
   Search *s = ud;
   if (!ArchiveCli_inRange(&s->range, e->day))
      return 1;
   return ArchiveSearch_folded(&s->as, e->day, e->body, e->path, recs, len, folded, flen,
                               Archive_parseRecord);
}

/* Once a hit is found with the output thrown away, a cached session is
 * not looked into: what it holds would change nothing that can be seen. A
 * session not in the cache is still read (its problems are reported as
 * without the shortcut). */
static bool Search_foldedCould(void *ud, const char *folded, size_t flen) {
   Search *s = ud;
   if (s->statusOnly && (s->as.nemitted || s->as.nhits))
      return false;
   return ArchiveSearch_foldedCould(&s->as, folded, flen);
}

/* Standard output is /dev/null: what is written is lost, only the exit
 * status tells (`gavel search X > /dev/null && ...`). grep skips the
 * rest of a file there too. */
static bool Search_toNull(void) {
   struct stat out, null;
   return fstat(STDOUT_FILENO, &out) == 0 && S_ISCHR(out.st_mode) && stat("/dev/null", &null) == 0 &&
          S_ISCHR(null.st_mode) && out.st_rdev == null.st_rdev;
}

static void Search_print(Search *ss, FILE *out, TableFormat f) {
   const ArchiveSearch *s = &ss->as;
   if (f != TABLE_TEXT) {
      static const char *const head[] = { "date", "body", "item", "title", "delegation", "kind",
                                          "text", "path" };
      Table t;
      Table_init(&t, 8, head);
      for (size_t i = 0; i < s->nhits; i++) {
         const SearchHit *h = &s->hits[i];
         const char *cells[8] = { h->date, h->body, h->item, h->title, h->delegation, h->what,
                                  h->text, h->path };
         Table_add(&t, cells);
      }
      Table_print(&t, out, f, false);
      Table_free(&t);
      return;
   }
   for (size_t i = 0; i < s->nhits; i++)
      SearchText_hit(&ss->out, &s->hits[i]);
   SearchText_flush(&ss->out);
}

int CmdSearch_run(const CliEnv *env, int argc, char **argv) {
   static Search s;  /* its output block is 64 KiB */
   memset(&s, 0, sizeof s);
   s.out.f = stdout;
   s.range = (DayRange){ GV_NO_DAY, GV_NO_DAY };
   const char *query = NULL, *doc = NULL, *format = NULL, *deleg = NULL, *item = NULL;
   for (int i = 1; i < argc; i++) {
      int r = ArchiveCli_dateOption(env, argc, argv, &i, &s.range);
      if (r < 0)
         return CLI_USAGE;
      if (r > 0)
         continue;
      const char *a = argv[i];
      const char **slot = strcmp(a, "--delegation") == 0 ? &deleg
                          : strcmp(a, "--doc") == 0      ? &doc
                          : strcmp(a, "--item") == 0     ? &item
                          : strcmp(a, "--format") == 0   ? &format
                                                         : NULL;
      if (slot) {
         if (i + 1 >= argc)
            return Cli_usage(env, "search: %s needs a value", a);
         *slot = argv[++i];
      } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
         fputs(CmdSearch_usage, stdout);
         return CLI_OK;
      } else if (a[0] == '-' && a[1]) {
         return Cli_usage(env, "search: unknown option '%s' (try 'gavel search --help')", a);
      } else if (query) {
         return Cli_usage(env, "search: one QUERY (quote it: gavel search 'cyber toolbox')");
      } else {
         query = a;
      }
   }
   if (!query)
      return Cli_usage(env, "search needs a QUERY (try 'gavel search --help')");
   TableFormat f;
   if (Table_parseFormat(format, &f) != 0)
      return Cli_usage(env, "search: unknown format '%s' (text, csv, json)", format);
   char msg[256];
   s.query = query, s.deleg = deleg, s.item = item, s.doc = doc;
   if (Search_setup(&s, msg, sizeof msg) != 0) {
      ArchiveSearch_free(&s.as);
      return Cli_usage(env, "search: %s", msg);
   }
   if (f == TABLE_TEXT && isatty(1)) {
      s.as.markOn = "\033[1m";
      s.as.markOff = "\033[0m";
   }

   Archive a;
   ArchiveScan how = { .today = ArchiveCli_today(), .want = Search_want,
                       .digest = ArchiveDigest_build, .visitDigest = Search_visit,
                       .visitFolded = Search_visitFolded, .foldedCould = Search_foldedCould,
                       .digest_version = ARCHIVE_DIGEST_VERSION, .no_locks = true,
                       .ud = &s };
   /* Text printed as found, when no progress line shares the terminal:
    * the sessions are then visited newest first, when the cache allows. */
   s.as.noPath = f == TABLE_TEXT;  /* text shows no path (csv and json do) */
   s.statusOnly = Search_toNull();
   if (f == TABLE_TEXT && !isatty(2)) {
      how.newestFirst = true;
      how.ordered = Search_ordered;
      how.split = Search_split;
      how.part = Search_part;
      how.merge = Search_merge;
      how.join = Search_join;
   }
   int rc = CLI_FAIL;
   if (ArchiveCli_scan(env, &a, &how) == 0) {
      ArchiveCli_reportProblems(env, &a);
      if (s.as.nomem)
         Cli_fail(env, "search: out of memory");
      ArchiveSearch_sort(&s.as);
      SearchText_flush(&s.out);
      Search_print(&s, stdout, f);
      rc = s.as.nhits || s.as.nemitted ? CLI_OK : CLI_FAIL;
      if (fflush(stdout) != 0)
         rc = CLI_FAIL;
      Archive_free(&a);
   }
   ArchiveSearch_free(&s.as);
   return rc;
}
