/* One case of `make bench-instr`, to be counted by callgrind: each case is a
 * function of its own (noinline), and tests/bench/instr.sh collects only
 * inside it (--collect-atstart=no --toggle-collect=instr_CASE), so that the
 * count is the work of that case alone, the same on a busy machine as on an
 * idle one.
 *
 *   open     SessionFile_open read-only: read, frame scan, replay
 *   image    the same open as the live screen makes it, from the state image
 *            a first open (not counted) wrote in WORKDIR/cache: its text
 *            mapped and summed, the session file's bytes it covers read and
 *            summed (a thread of their own), the image read back
 *   replay   the model replay alone, of lines already in memory (the
 *            first look at the undo lines included, as an open does it)
 *   render   the outcome document as HTML, every annex, to /dev/null
 *   key      one `note` typed on the live screen and committed: applied,
 *            journaled, appended and synced (SessionFile_run)
 *   undo     one `undo` on the live screen (SessionFile_run)
 *
 *   bench_instr CASE SESSION [WORKDIR]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "render/outcome.h"
#include "storage/fileio.h"
#include "storage/sessionfile.h"
#include "storage/sessionscan.h"
#include "storage/memory.h"

#define NOINLINE __attribute__((noinline))

static SessionFile *open_file(const char *path, int readOnly) {
   char err[1024];
   SessionFileOptions o = {0};
   o.readOnly = readOnly;
   SessionFile *sf = SessionFile_open(path, &o, err, sizeof err);
   if (!sf) {
      fprintf(stderr, "bench_instr: %s\n", err);
      exit(1);
   }
   return sf;
}

NOINLINE static SessionFile *instr_open(const char *path) {
   return open_file(path, 1);
}

static SessionFile *open_image(const char *path) {
   char err[1024];
   SessionFileOptions o = { .readOnly = 1, .stateImage = 1 };
   SessionFile *sf = SessionFile_open(path, &o, err, sizeof err);
   if (!sf) {
      fprintf(stderr, "bench_instr: %s\n", err);
      exit(1);
   }
   return sf;
}

NOINLINE static SessionFile *instr_image(const char *path) {
   return open_image(path);
}

NOINLINE static Session *instr_replay(const char *buf, const SessionScan *scan) {
   char msg[512];
   Session *s = Session_new();
   Session_load_begin(s);
   for (size_t i = 0; i < scan->count; i++)   /* as SessionFile_open does */
      Session_load_ahead(s, buf + scan->lines[i].start, scan->lines[i].len);
   for (size_t i = 0; i < scan->count; i++)
      Session_replay(s, buf + scan->lines[i].start, scan->lines[i].len, msg, sizeof msg);
   size_t bad;
   Session_load_end(s, &bad, msg, sizeof msg);
   return s;
}

NOINLINE static void instr_render(FILE *f, const Session *s) {
   OutcomeOptions o = { .annexes = OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_SPEAKERS |
                                   OUTCOME_ANNEX_ACTIONS,
                        .docDate = "2017-07-05", .style = NULL };
   Outcome_write(f, s, OUTCOME_HTML, &o);
   fflush(f);
}

NOINLINE static int instr_key(SessionFile *sf, const char *line) {
   char msg[1024];
   return SessionFile_run(sf, line, msg, sizeof msg) == SESSIONFILE_DONE ? 0 : 1;
}

NOINLINE static int instr_undo(SessionFile *sf) {
   char msg[1024];
   return SessionFile_run(sf, "undo", msg, sizeof msg) == SESSIONFILE_DONE ? 0 : 1;
}

/* A writable copy of the session, so that the original stays as it is. */
static SessionFile *writable_copy(const char *path, const char *dir) {
   char copy[4096], err[1024];
   char *buf;
   size_t len;
   snprintf(copy, sizeof copy, "%s/instr-copy.gavel", dir);
   remove(copy);
   if (FileIO_readPath(path, &buf, &len) != 0 ||
       FileIO_replace(FileIO_system(), copy, buf, len, err, sizeof err) != 0) {
      fprintf(stderr, "bench_instr: cannot copy %s to %s\n", path, copy);
      exit(1);
   }
   free(buf);
   SessionFile *sf = open_file(copy, 0);
   if (SessionFile_readOnly(sf)) {
      fprintf(stderr, "bench_instr: %s\n", SessionFile_readOnlyReason(sf));
      exit(1);
   }
   return sf;
}

int main(int argc, char **argv) {
   if (argc < 3) {
      fprintf(stderr, "usage: bench_instr open|image|replay|render|key|undo SESSION [WORKDIR]\n");
      return 2;
   }
   Memory_fixThreshold(); /* as the program does */
   const char *cas = argv[1], *path = argv[2], *dir = argc > 3 ? argv[3] : ".";
   int rc = 0;
   if (strcmp(cas, "open") == 0) {
      SessionFile_close(instr_open(path));
   } else if (strcmp(cas, "image") == 0) {
      char cache[4096];
      snprintf(cache, sizeof cache, "%s/cache", dir);
      setenv("XDG_CACHE_HOME", cache, 1);
      SessionFile *sf = open_image(path);
      int w = SessionFile_saveImage(sf);
      SessionFile_close(sf);
      if (w != 1) {
         fprintf(stderr, "bench_instr: no state image written\n");
         return 1;
      }
      sf = instr_image(path);
      rc = !SessionFile_openedFromImage(sf);
      if (rc)
         fprintf(stderr, "bench_instr: the state image was not used\n");
      SessionFile_close(sf);
   } else if (strcmp(cas, "replay") == 0) {
      char *buf, err[256];
      size_t len;
      SessionScan scan;
      if (FileIO_readPath(path, &buf, &len) != 0 || SessionScan_run(buf, len, &scan, err, sizeof err) != 0) {
         fprintf(stderr, "bench_instr: cannot scan %s\n", path);
         return 1;
      }
      Session_free(instr_replay(buf, &scan));
      SessionScan_free(&scan);
      free(buf);
   } else if (strcmp(cas, "render") == 0) {
      SessionFile *sf = open_file(path, 1);
      FILE *f = fopen("/dev/null", "w");
      if (!f)
         return 1;
      instr_render(f, SessionFile_session(sf));
      fclose(f);
      SessionFile_close(sf);
   } else if (strcmp(cas, "key") == 0 || strcmp(cas, "undo") == 0) {
      SessionFile *sf = writable_copy(path, dir);
      rc = instr_key(sf, "note stressed the need for coherence with the EU Cyber Security Strategy.");
      if (cas[0] == 'u')
         rc |= instr_undo(sf);
      SessionFile_close(sf);
      if (rc)
         fprintf(stderr, "bench_instr: the command was refused\n");
   } else {
      fprintf(stderr, "bench_instr: unknown case '%s'\n", cas);
      return 2;
   }
   return rc;
}
