/* gavel check [--accept] SESSION...: opens each session read-only (no lock,
 * no write) and lists every problem the open found, one "FILE:LINE: message"
 * a line: the header, a torn last line, lines whose frame is broken or whose
 * checksum does not match, lines the model cannot replay. Then the pieces
 * kept in SESSION.torn (not problems: what a crash cut off, kept). Exit 0
 * when every file is clean, 1 otherwise. --accept first seals every line
 * again (a deliberate edit by hand). */
#include "cli/cmd_check.h"
#include "cli/out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "model/visible.h"
#include "render/outcome.h"
#include "storage/session_accept.h"
#include "storage/sessionfile.h"

static void CmdCheck_print(void *ud, const char *line) {
   (void)ud;
   Out_printf(stdout, "%s\n", line);
}

/* Notes that open in lower case without a verb: the renderer keeps them as
 * written ("the Presidency's text was acceptable to it") rather than glue a
 * subject in front; the note-taker may want to reword them. Warnings only. */
static void CmdCheck_lowerCase(const char *path, const Session *s) {
   size_t rl = 0; /* the uuid prefix length: sorts every uuid, so asked at the first warning */
   GvBuf notes = GV_BUF_INIT;   /* an intervention's notes in pieces */
   for (size_t i = 0; i < s->floor.count; i++) {
      const Intervention *iv = &s->floor.list[i];
      if (iv->deleted)
         continue;
      for (const char *p = Notes_text(&iv->notes, &notes); *p;) {
         const char *nl = strchr(p, '\n');
         size_t n = nl ? (size_t)(nl - p) : strlen(p);
         const char *t = p;
         while (*t == ' ')
            t++;
         if (t[0] == '+' && t[1] == ' ')
            t += 2;
         if (*t >= 'a' && *t <= 'z' && !Outcome_isPredicateText(t, NULL)) {
            size_t len = (size_t)(p + n - t), cut = len > 60 ? 60 : len;
            while (cut < len && cut > 0 && ((unsigned char)t[cut] & 0xC0) == 0x80)
               cut--;   /* never half a character */
            const Delegation *d = Session_delegation(s, iv->delegation);
            if (!rl)
               rl = Session_ref_len(s);
            /* the note, the code and the path are the user's: all made visible */
            Out_printf(stdout, "%s: warning: [%.*s] %s: '%.*s%s' opens in lower case without a verb: kept as written\n",
                       path, (int)rl, iv->uuid, d ? d->code : "?", (int)cut, t, len > 60 ? "..." : "");
         }
         p += n;
         if (*p)
            p++;
      }
   }
   GvBuf_free(&notes);
}

int CmdCheck_run(const CliEnv *env, int argc, char **argv) {
   int files = 0, bad = 0, quiet = 0, accept = 0, end = argc;  /* argv[end]: "--", what follows are sessions */
   for (int i = 1; i < argc; i++) {
      if (strcmp(argv[i], "--") == 0) {
         end = i;
         break;
      } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0)
         quiet = 1;
      else if (strcmp(argv[i], "--accept") == 0)
         accept = 1;
      else if (Cli_isHelp(argv[i])) {
         Out_printf(stdout, "usage: gavel check [-q] [--accept] SESSION...\n");
         return CLI_OK;
      } else if (argv[i][0] == '-' && argv[i][1] != '\0')
         return Cli_usage(env, "check: unknown option '%s'", argv[i]);
   }
   for (int i = 1; i < argc; i++) {
      if (i <= end && argv[i][0] == '-' && argv[i][1] != '\0')
         continue;
      files++;
      char err[1024];
      SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = env->datadir };
      if (accept) {
         /* Seal the file the name stands for: find it through a read-only open. */
         SessionFile *found = SessionFile_openNamed(env->datadir, argv[i], &opts, err, sizeof err);
         size_t resealed = 0;
         if (!found) {
            Out_printf(stderr, "%s\n", err);
            bad++;
            continue;
         }
         if (SessionAccept_seal(SessionFile_path(found), NULL, &resealed, err, sizeof err) == 0)
            Out_printf(stdout, "%s: %zu line%s sealed\n", SessionFile_path(found), resealed,
                       resealed == 1 ? "" : "s");
         else
            Out_printf(stderr, "%s\n", err);
         SessionFile_close(found);
      }
      SessionFile *sf = SessionFile_openNamed(env->datadir, argv[i], &opts, err, sizeof err);
      if (!sf) {
         Out_printf(stderr, "%s\n", err);
         bad++;
         continue;
      }
      size_t n = SessionFile_problemCount(sf);
      for (size_t k = 0; k < n; k++)
         Out_printf(stdout, "%s\n", SessionFile_problem(sf, k));
      CmdCheck_lowerCase(SessionFile_path(sf), SessionFile_session(sf));
      if (n > 0)
         bad++;
      else if (!quiet)
         Out_printf(stdout, "%s: ok (%zu lines)\n", SessionFile_path(sf), SessionFile_lineCount(sf) + 1);
      if (!quiet && SessionFile_tornPieces(SessionFile_path(sf), CmdCheck_print, NULL, err,
                                           sizeof err) < 0)
         Out_printf(stderr, "%s\n", err);
      SessionFile_closeAtExit(sf);
   }
   if (files == 0)
      return Cli_usage(env, "usage: gavel check [-q] [--accept] SESSION...");
   return bad ? CLI_FAIL : CLI_OK;
}
