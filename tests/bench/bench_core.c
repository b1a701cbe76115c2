/* Library-level figures on a big session (made by bench_gen): what a user
 * waits for, measured inside one process so that process start-up and the
 * terminal are not in the numbers.
 *
 *   open      SessionFile_open read-only (read + scan + replay), and the
 *             model replay alone (Session_replay of lines already in memory)
 *   append    N commands through SessionFile_run on a writable copy: each is
 *             applied, appended and fdatasync'ed; per-command latency
 *   undo      undo/redo on the big session (rebuilds by replaying the units in
 *             force, then appends and fdatasyncs)
 *   render    Outcome_write to a file as Markdown, HTML, text, .docx (all annexes)
 *   actions   ActionList of the session, written as CSV and iCalendar
 *   compact   Session_compact into memory
 *
 * Prints figures only; never fails on a time.
 *   bench_core SESSION WORKDIR [RUNS] [APPENDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "render/actions.h"
#include "render/actions_csv.h"
#include "render/actions_ics.h"
#include "render/outcome.h"
#include "storage/fileio.h"
#include "storage/sessionfile.h"
#include "storage/sessionscan.h"
#include "storage/memory.h"
#include "tests/bench/bench.h"

static void report(const char *what, double *v, size_t n, const char *extra)
{
   BenchStats st = Bench_stats(v, n);
   printf("  %-34s min %9.2f ms  median %9.2f ms  (%zu runs)%s\n", what, st.min * 1e3,
          st.median * 1e3, n, extra ? extra : "");
}

static SessionFile *open_ro(const char *path)
{
   char err[1024];
   SessionFileOptions o = {0};
   o.readOnly = 1;
   SessionFile *sf = SessionFile_open(path, &o, err, sizeof err);
   if (!sf) {
      fprintf(stderr, "bench_core: %s\n", err);
      exit(1);
   }
   return sf;
}

static void bench_open(const char *path, size_t runs)
{
   double *t = calloc(runs, sizeof *t);
   size_t lines = 0, problems = 0;
   char extra[128];
   for (size_t r = 0; r < runs; r++) {
      double t0 = Bench_now();
      SessionFile *sf = open_ro(path);
      t[r] = Bench_now() - t0;
      lines = SessionFile_lineCount(sf);
      problems = SessionFile_problemCount(sf);
      SessionFile_close(sf);
   }
   BenchStats st = Bench_stats(t, runs);
   snprintf(extra, sizeof extra, "  %.0f lines/s", (double)lines / st.median);
   report("open (read + scan + replay)", t, runs, extra);
   if (problems)
      printf("  note: the open reported %zu problem(s)\n", problems);

   /* The model alone: the lines are already split and in memory. */
   char *buf;
   size_t len;
   SessionScan scan;
   char err[256], msg[512];
   if (FileIO_readPath(path, &buf, &len) != 0 || SessionScan_run(buf, len, &scan, err, sizeof err) != 0) {
      fprintf(stderr, "bench_core: cannot scan %s\n", path);
      exit(1);
   }
   /* As an open loads it: a first look at the undo lines, then each line
    * applied once (or kept, when its unit ends undone). */
   size_t rruns = runs;
   for (size_t r = 0; r < rruns; r++) {
      double t0 = Bench_now();
      Session *s = Session_new();
      Session_load_begin(s);
      for (size_t i = 0; i < scan.count; i++)
         Session_load_ahead(s, buf + scan.lines[i].start, scan.lines[i].len);
      for (size_t i = 0; i < scan.count; i++)
         Session_replay(s, buf + scan.lines[i].start, scan.lines[i].len, msg, sizeof msg);
      size_t bad;
      Session_load_end(s, &bad, msg, sizeof msg);
      t[r] = Bench_now() - t0;
      Session_free(s);
   }
   st = Bench_stats(t, rruns);
   snprintf(extra, sizeof extra, "  %.1f us/line", st.median * 1e6 / (double)scan.count);
   report("model replay only (Session_replay)", t, rruns, extra);

   for (size_t r = 0; r < runs; r++) {
      double t0 = Bench_now();
      SessionScan s2;
      SessionScan_run(buf, len, &s2, err, sizeof err);
      SessionScan_free(&s2);
      t[r] = Bench_now() - t0;
   }
   report("frame scan only (SessionScan_run)", t, runs, NULL);
   SessionScan_free(&scan);
   free(buf);
   free(t);
}

static void bench_render(Session *s, const char *dir, size_t runs)
{
   static const struct { OutcomeFormat f; const char *name, *file; } FMT[] = {
      {OUTCOME_MD, "render Markdown", "outcome.md"},
      {OUTCOME_HTML, "render HTML", "outcome.html"},
      {OUTCOME_TXT, "render text", "outcome.txt"},
      {OUTCOME_DOCX, "render Word", "outcome.docx"},
   };
   double *t = calloc(runs, sizeof *t);
   OutcomeOptions o = {OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_SPEAKERS | OUTCOME_ANNEX_ACTIONS,
                       "2017-07-05", NULL};
   char path[4096], extra[64];
   for (size_t k = 0; k < sizeof FMT / sizeof *FMT; k++) {
      long size = 0;
      snprintf(path, sizeof path, "%s/%s", dir, FMT[k].file);
      for (size_t r = 0; r < runs; r++) {
         FILE *f = fopen(path, "w");
         if (!f) {
            perror(path);
            exit(1);
         }
         double t0 = Bench_now();
         Outcome_write(f, s, FMT[k].f, &o);
         fflush(f);
         t[r] = Bench_now() - t0;
         size = ftell(f);
         fclose(f);
      }
      snprintf(extra, sizeof extra, "  %.2f MB", (double)size / 1e6);
      report(FMT[k].name, t, runs, extra);
   }

   /* Actions: collect + sort, then each export. */
   for (int k = 0; k < 2; k++) {
      snprintf(path, sizeof path, "%s/actions.%s", dir, k ? "ics" : "csv");
      size_t rows = 0;
      for (size_t r = 0; r < runs; r++) {
         FILE *f = fopen(path, "w");
         if (!f) {
            perror(path);
            exit(1);
         }
         double t0 = Bench_now();
         ActionList l;
         ActionList_init(&l);
         ActionList_addSession(&l, s);
         ActionList_sort(&l);
         if (k)
            ActionsIcs_write(f, &l, "20170705T120000Z");
         else
            ActionsCsv_write(f, &l);
         fflush(f);
         t[r] = Bench_now() - t0;
         rows = l.count;
         ActionList_free(&l);
         fclose(f);
      }
      snprintf(extra, sizeof extra, "  %zu rows", rows);
      report(k ? "actions as iCalendar" : "actions as CSV", t, runs, extra);
   }

   for (size_t r = 0; r < runs; r++) {
      GvBuf b = GV_BUF_INIT;
      double t0 = Bench_now();
      Session_compact(s, &b);
      t[r] = Bench_now() - t0;
      snprintf(extra, sizeof extra, "  %.1f MB", (double)b.len / 1e6);
      GvBuf_free(&b);
   }
   report("compact (Session_compact, memory)", t, runs, extra);
   free(t);
}

/* The same meeting without its undo/redo lines: each of those lines, when
 * replayed, rebuilds the whole session, so this shows what they cost. */
static void bench_open_compacted(Session *s, const char *dir, size_t runs)
{
   char path[4096], err[1024];
   GvBuf b = GV_BUF_INIT;
   SessionFileOptions o = {0};
   snprintf(path, sizeof path, "%s/compacted.gavel", dir);
   remove(path);
   if (Session_compact(s, &b) != GV_OK ||
       SessionFile_create(path, b.data, b.len, &o, err, sizeof err) != 0) {
      fprintf(stderr, "bench_core: cannot write %s\n", path);
      exit(1);
   }
   GvBuf_free(&b);
   double *t = calloc(runs, sizeof *t);
   size_t lines = 0;
   char extra[128];
   for (size_t r = 0; r < runs; r++) {
      double t0 = Bench_now();
      SessionFile *sf = open_ro(path);
      t[r] = Bench_now() - t0;
      lines = SessionFile_lineCount(sf);
      SessionFile_close(sf);
   }
   snprintf(extra, sizeof extra, "  %zu lines", lines);
   report("open the compacted session", t, runs, extra);
   free(t);
}

/* Commands a note-taker types on the current item, in a cycle. */
static size_t next_command(size_t i, char *out, size_t n)
{
   static const char *const CODES[] = {"FR", "DE", "NL", "PL", "SE", "ES", "IT", "AT"};
   static const char *const NOTES[] = {
      "welcomed the revised text and asked for a clearer reference to international law.",
      ("stressed the need for coherence with the EU Cyber Security Strategy — « coopération »"
       " renforcée, Zusammenarbeit, κυβερνοασφάλεια — and supported the Presidency's approach."),
      "entered a scrutiny reservation.",
   };
   size_t k = i % 8;
   const char *code = CODES[(i / 8) % 8];
   switch (k) {
   case 0: return (size_t)snprintf(out, n, "floor %s", code);
   case 1: return (size_t)snprintf(out, n, "next");
   case 2:
   case 3:
   case 4: return (size_t)snprintf(out, n, "note %s", NOTES[(i + k) % 3]);
   case 5: return (size_t)snprintf(out, n, "pos %s supports the revised text", code);
   case 6: return (size_t)snprintf(out, n, "draft %s", NOTES[i % 3]);
   default: return (size_t)snprintf(out, n, "end");
   }
}

static void bench_append(const char *path, const char *dir, size_t appends, size_t runs)
{
   char copy[4096], err[1024], msg[1024], line[1024];
   char *buf;
   size_t len;
   snprintf(copy, sizeof copy, "%s/append.gavel", dir);
   remove(copy);
   if (FileIO_readPath(path, &buf, &len) != 0 ||
       FileIO_replace(FileIO_system(), copy, buf, len, err, sizeof err) != 0) {
      fprintf(stderr, "bench_core: cannot copy %s to %s\n", path, copy);
      exit(1);
   }
   free(buf);
   SessionFileOptions o = {0};
   SessionFile *sf = SessionFile_open(copy, &o, err, sizeof err);
   if (!sf || SessionFile_readOnly(sf)) {
      fprintf(stderr, "bench_core: cannot open %s for writing: %s\n", copy,
              sf ? SessionFile_readOnlyReason(sf) : err);
      exit(1);
   }
   double *t = calloc(appends, sizeof *t);
   size_t refused = 0;
   double t0 = Bench_now();
   for (size_t i = 0; i < appends; i++) {
      next_command(i, line, sizeof line);
      double a = Bench_now();
      if (SessionFile_run(sf, line, msg, sizeof msg) != SESSIONFILE_DONE) {
         if (!refused)
            fprintf(stderr, "bench_core: '%s' refused: %s\n", line, msg);
         refused++;
      }
      t[i] = Bench_now() - a;
   }
   double total = Bench_now() - t0;
   BenchStats st = Bench_stats(t, appends);
   printf("  %zu commands, each applied + appended + fdatasync'ed (SessionFile_run):\n", appends);
   printf("  %-34s median %7.3f ms  p99 %7.3f ms  max %7.3f ms  total %.2f s (%.0f commands/s)\n",
          "per-command latency", st.median * 1e3, st.p99 * 1e3, st.max * 1e3, total,
          (double)appends / total);
   if (refused)
      printf("  note: %zu of them were refused\n", refused);

   /* Undo/redo: each rebuilds the session from the units in force. */
   double *u = calloc(runs * 2, sizeof *u);
   for (size_t r = 0; r < runs; r++) {
      double a = Bench_now();
      if (SessionFile_run(sf, "undo", msg, sizeof msg) != SESSIONFILE_DONE)
         fprintf(stderr, "bench_core: undo refused: %s\n", msg);
      u[r] = Bench_now() - a;
   }
   for (size_t r = 0; r < runs; r++) {
      double a = Bench_now();
      if (SessionFile_run(sf, "redo", msg, sizeof msg) != SESSIONFILE_DONE)
         fprintf(stderr, "bench_core: redo refused: %s\n", msg);
      u[runs + r] = Bench_now() - a;
   }
   report("undo on the big session", u, runs, NULL);
   report("redo on the big session", u + runs, runs, NULL);
   printf("  (the session now has %zu journal lines)\n", SessionFile_lineCount(sf));
   SessionFile_close(sf);
   free(u);
   free(t);
}

int main(int argc, char **argv)
{
   if (argc < 3) {
      fprintf(stderr, "usage: bench_core SESSION WORKDIR [RUNS] [APPENDS]\n");
      return 2;
   }
   Memory_fixThreshold(); /* as the program does */
   size_t runs = argc > 3 ? (size_t)strtoul(argv[3], NULL, 10) : 5;
   size_t appends = argc > 4 ? (size_t)strtoul(argv[4], NULL, 10) : 1000;
   if (runs < 1)
      runs = 1;
   if (appends < 1)
      appends = 1;

   printf("open and replay\n");
   /* A figure of 20 ms from three runs is noise on a shared machine: the
    * open, cheap to repeat, runs at least 15 times. */
   bench_open(argv[1], runs < 15 ? 15 : runs);

   printf("render and export (all annexes)\n");
   SessionFile *sf = open_ro(argv[1]);
   bench_render(SessionFile_session(sf), argv[2], runs);
   size_t flips = 0;
   for (size_t i = 0; i < Session_entry_count(SessionFile_session(sf)); i++) {
      GvEntryKind k = Session_entry(SessionFile_session(sf), i)->kind;
      flips += k == GV_ENTRY_UNDO || k == GV_ENTRY_REDO;
   }
   printf("open without the %zu undo/redo lines (as after gavel compact)\n", flips);
   bench_open_compacted(SessionFile_session(sf), argv[2], runs);
   SessionFile_close(sf);

   printf("journal appends and undo (a copy of the session)\n");
   bench_append(argv[1], argv[2], appends, runs);
   return 0;
}
