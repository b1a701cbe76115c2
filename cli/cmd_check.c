/* gavel check [--accept] SESSION...: opens each session read-only (no lock,
 * no write) and lists every problem the open found, one "FILE:LINE: message"
 * a line: the header, a torn last line, lines whose frame is broken or whose
 * checksum does not match, lines the model cannot replay. Then the pieces
 * kept in SESSION.torn (not problems: what a crash cut off, kept). Exit 0
 * when every file is clean, 1 otherwise. --accept first seals every line
 * again (a deliberate edit by hand). */
#include "cli/cmd_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/visible.h"

#include "storage/session_accept.h"
#include "storage/sessionfile.h"

static void CmdCheck_print(void *ud, const char *line) {
   (void)ud;
   char *shown = Visible_dup(line, 0);
   printf("%s\n", shown ? shown : "");
   free(shown);
}

int CmdCheck_run(const CliEnv *env, int argc, char **argv) {
   int files = 0, bad = 0, quiet = 0, accept = 0;
   for (int i = 1; i < argc; i++) {
      if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0)
         quiet = 1;
      else if (strcmp(argv[i], "--accept") == 0)
         accept = 1;
      else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
         printf("usage: gavel check [-q] [--accept] SESSION...\n");
         return CLI_OK;
      } else if (argv[i][0] == '-' && argv[i][1] != '\0')
         return Cli_usage(env, "check: unknown option '%s'", argv[i]);
   }
   for (int i = 1; i < argc; i++) {
      if (argv[i][0] == '-' && argv[i][1] != '\0')
         continue;
      files++;
      char err[1024];
      SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = env->datadir };
      if (accept) {
         /* Seal the file the name stands for: find it through a read-only open. */
         SessionFile *found = SessionFile_openNamed(env->datadir, argv[i], &opts, err, sizeof err);
         size_t resealed = 0;
         if (!found) {
            fprintf(stderr, "%s\n", err);
            bad++;
            continue;
         }
         if (SessionAccept_seal(SessionFile_path(found), NULL, &resealed, err, sizeof err) == 0)
            printf("%s: %zu line%s sealed\n", SessionFile_path(found), resealed,
                   resealed == 1 ? "" : "s");
         else
            fprintf(stderr, "%s\n", err);
         SessionFile_close(found);
      }
      SessionFile *sf = SessionFile_openNamed(env->datadir, argv[i], &opts, err, sizeof err);
      if (!sf) {
         fprintf(stderr, "%s\n", err);
         bad++;
         continue;
      }
      size_t n = SessionFile_problemCount(sf);
      for (size_t k = 0; k < n; k++)
         printf("%s\n", SessionFile_problem(sf, k));
      if (n > 0)
         bad++;
      else if (!quiet)
         printf("%s: ok (%zu lines)\n", SessionFile_path(sf), SessionFile_lineCount(sf) + 1);
      if (!quiet && SessionFile_tornPieces(SessionFile_path(sf), CmdCheck_print, NULL, err,
                                           sizeof err) < 0)
         fprintf(stderr, "%s\n", err);
      SessionFile_close(sf);
   }
   if (files == 0)
      return Cli_usage(env, "usage: gavel check [-q] [--accept] SESSION...");
   return bad ? CLI_FAIL : CLI_OK;
}
