/* gavel new [--agenda FILE] [--roster NAME] [--title TEXT] [--date DATE]
 *
 * Creates a session in the sessions folder and prints its path. The setup
 * commands (the agenda file's, then the roster, the title as the body and
 * the date) are run in memory first: if one is refused, no file is made.
 * The file is then created whole, named DATE-SLUG.gavel from the meeting's
 * date (today if none) and body. */
#include "cli/cmd_new.h"
#include "cli/out.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/session.h"
#include "model/words.h"
#include "storage/agenda_file.h"
#include "storage/datadir.h"
#include "storage/ini_commands.h"
#include "storage/sessionfile.h"

/* The agenda and roster of a past session as setup commands: its roster,
 * body and document number, then every live item in agenda order with its
 * parent, documents, kind and dossier (not its records: a new meeting). */
static int CmdNew_copyFrom(const CliEnv *env, const char *from, IniCommands *cmds) {
   char dir[PATH_MAX], path[PATH_MAX], err[PATH_MAX + 512];
   if (DataDir_sessions(env->datadir, dir, sizeof dir, err, sizeof err) != 0 ||
       DataDir_resolve(dir, from, path, sizeof path, err, sizeof err) != 0)
      return Cli_fail(env, "new: --from: %s", err);
   SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = env->datadir };
   SessionFile *sf = SessionFile_open(path, &opts, err, sizeof err);
   if (!sf)
      return Cli_fail(env, "new: --from: %s", err);
   const Session *s = SessionFile_session(sf);
   if (s->roster_name) {
      char *q = IniCommands_quote(s->roster_name);
      IniCommands_add(cmds, "roster %s", q);
      free(q);
   }
   if (s->meta.body) {
      char *q = IniCommands_quote(s->meta.body);
      IniCommands_add(cmds, "set body %s", q);
      free(q);
   }
   size_t n = Agenda_count(&s->agenda);
   for (size_t i = 0; i < n; i++) {
      const Item *it = Agenda_at(&s->agenda, i);
      GvBuf b = GV_BUF_INIT;
      GvBuf_puts(&b, "item add ");
      Words_put_quoted(&b, it->title, strlen(it->title));
      if (it->parent != GV_NONE) {
         char num[32];
         Agenda_path(&s->agenda, it->parent, num, sizeof num);
         GvBuf_printf(&b, " under %s", num);
      }
      for (size_t d = 0; d < it->ndocs; d++) {
         GvBuf_puts(&b, " doc ");
         Words_put_quoted(&b, it->docs[d].text, strlen(it->docs[d].text));
      }
      if (it->kind != GV_ITEM_ITEM)
         GvBuf_printf(&b, " kind %s", GvItemKind_word(it->kind));
      if (it->dossier) {
         GvBuf_puts(&b, " dossier ");
         Words_put_quoted(&b, it->dossier, strlen(it->dossier));
      }
      if (!b.failed)
         IniCommands_add(cmds, "%s", GvBuf_str(&b));
      GvBuf_free(&b);
   }
   SessionFile_close(sf);
   return 0;
}

static int CmdNew_hasRoster(const IniCommands *c) {
   for (int i = 0; i < c->count; i++)
      if (strncmp(c->line[i], "roster ", 7) == 0)
         return 1;
   return 0;
}

int CmdNew_run(const CliEnv *env, int argc, char **argv) {
   const char *agenda = NULL, *roster = NULL, *title = NULL, *date = NULL, *from = NULL;
   for (int i = 1; i < argc; i++) {
      const char *a = argv[i];
      int r;
      if ((r = Cli_value(argc, argv, &i, "-a", "--agenda", &agenda)) != 0 ||
          (r = Cli_value(argc, argv, &i, "-r", "--roster", &roster)) != 0 ||
          (r = Cli_value(argc, argv, &i, "-t", "--title", &title)) != 0 ||
          (r = Cli_value(argc, argv, &i, "-d", "--date", &date)) != 0 ||
          (r = Cli_value(argc, argv, &i, "-f", "--from", &from)) != 0) {
         if (r < 0)
            return Cli_usage(env, "new: %s needs a value", a);
      } else if (Cli_isHelp(a)) {
         Out_printf(stdout, "usage: gavel new [--agenda FILE | --from SESSION] [--roster NAME] [--title TEXT] [--date DATE]\n");
         return CLI_OK;
      } else if (strcmp(a, "--") != 0) {
         return Cli_usage(env, "new: unexpected '%s' (try 'gavel new --help')", a);
      }
   }

   PathsHint hint = { .argv0 = NULL, .datadir = env->datadir };
   IniCommands cmds = { 0 };
   if (agenda) {
      char *errors = NULL;
      if (AgendaFile_load(agenda, &hint, roster, &cmds, &errors) != 0) {
         Out_puts(stderr, errors);
         free(errors);
         IniCommands_clear(&cmds);
         return Cli_fail(env, "new: the agenda '%s' has problems; no session made", agenda);
      }
      free(errors);
   }
   if (agenda && from)
      return Cli_usage(env, "new: --agenda or --from, not both");
   if (from && CmdNew_copyFrom(env, from, &cmds) != 0) {
      IniCommands_clear(&cmds);
      return CLI_FAIL;
   }
   if (roster && !CmdNew_hasRoster(&cmds)) {
      char *q = IniCommands_quote(roster);
      IniCommands_add(&cmds, "roster %s", q);
      free(q);
   }
   if (title) {
      char *q = IniCommands_quote(title);
      IniCommands_add(&cmds, "set body %s", q);
      free(q);
   }
   if (date)
      IniCommands_add(&cmds, "set date %s", date);

   /* All or nothing: run every setup command in memory before making a file. */
   Session *s = Session_new();
   if (!s) {
      IniCommands_clear(&cmds);
      return Cli_fail(env, "new: out of memory");
   }
   RunContext ctx;
   SessionFile_context(&ctx, &hint);
   GvBuf journal = GV_BUF_INIT;
   char msg[1024];
   for (int i = 0; i < cmds.count; i++) {
      msg[0] = '\0';
      GvStatus st = Session_run(s, cmds.line[i], strlen(cmds.line[i]), &ctx, &journal, msg, sizeof msg);
      if (st != GV_OK) {
         /* A value from the agenda file is named by its place there. */
         int rc = cmds.file && cmds.at[i] > 0
                     ? Cli_fail(env, "%s:%d: '%s' refused: %s; no session made", cmds.file,
                                cmds.at[i], cmds.line[i], msg[0] ? msg : GvStatus_message(st))
                     : Cli_fail(env, "new: '%s' refused: %s; no session made", cmds.line[i],
                                msg[0] ? msg : GvStatus_message(st));
         GvBuf_free(&journal);
         Session_free(s);
         IniCommands_clear(&cmds);
         return rc;
      }
   }
   IniCommands_clear(&cmds);

   char day[11];
   if (s->meta.date != GV_NO_DAY)
      Date_format_iso(s->meta.date, day);
   else
      Date_format_iso(Time_day(ctx.now), day);
   const char *name = title ? title : s->meta.body ? s->meta.body : "session";

   char dir[PATH_MAX], path[PATH_MAX], err[PATH_MAX + 256];
   int rc = CLI_FAIL;
   if (DataDir_sessions(env->datadir, dir, sizeof dir, err, sizeof err) != 0) {
      Cli_fail(env, "new: %s", err);
      goto done;
   }
   SessionFileOptions opts = { .io = NULL, .readOnly = 0, .datadir = env->datadir };
   /* Another gavel may take the same name between the look and the link. */
   for (int tries = 0; tries < 20; tries++) {
      if (DataDir_newPath(dir, day, name, path, sizeof path, err, sizeof err) != 0) {
         Cli_fail(env, "new: %s", err);
         goto done;
      }
      if (SessionFile_create(path, journal.data, journal.len, &opts, err, sizeof err) == 0) {
         Out_printf(stdout, "%s\n", path);
         rc = CLI_OK;
         goto done;
      }
      if (errno != EEXIST)
         break;
   }
   Cli_fail(env, "new: %s", err);
done:
   GvBuf_free(&journal);
   Session_free(s);
   return rc;
}
