/* The INI-based file parsers on one buffer: rosters (RosterFile_parse),
 * agendas (AgendaFile_parse), the config (Config_parse), themes
 * (ThemeFile_parse) and house styles (StyleFile_parse). A roster that parses gives delegation lines, and an
 * agenda its command lines; both are fed to the model, which must take them. */
#include <string.h>

#include "model/session.h"
#include "storage/agenda_file.h"
#include "storage/config.h"
#include "storage/ini_commands.h"
#include "storage/roster_file.h"
#include "storage/style_file.h"
#include "storage/theme_file.h"
#include "tests/fuzz/fuzz.h"

static void new_uuid(void *ud, char out[37])
{
   unsigned long *n = ud;
   ++*n;
   snprintf(out, 37, "%08lx-0000-4000-8000-%012lx", *n & 0xffffffffUL, *n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   const char *buf = (const char *)data;
   char *errors = NULL;

   RosterFile *r = RosterFile_parse(buf, size, "fuzz.ini", &errors);
   free(errors);
   errors = NULL;
   if (r) {
      IniCommands cmds = {0};
      RosterFile_commands(r, &cmds);
      for (int i = 0; i < r->count; i++) {
         (void)RosterFile_find(r, r->entry[i].code);
         (void)RosterFile_kindName(r->entry[i].kind);
      }
      /* What `roster NAME` would record: the model must accept every line. */
      Session *s = Session_new();
      unsigned long n = 0;
      RunContext ctx = {0};
      char msg[512];
      ctx.now = 1494583200;
      ctx.new_uuid = new_uuid;
      ctx.ud = &n;
      for (int i = 0; s && i < cmds.count; i++) {
         GvStatus st = Session_run(s, cmds.line[i], strlen(cmds.line[i]), &ctx, NULL, msg, sizeof msg);
         FUZZ_CHECK(st == GV_OK, "roster line refused by the model: '%s': %s", cmds.line[i], msg);
      }
      Session_free(s);
      IniCommands_clear(&cmds);
      RosterFile_free(r);
   }

   IniCommands agenda = {0};
   if (AgendaFile_parse(buf, size, "fuzz.ini", size & 1 ? "eu27" : NULL, &agenda, &errors) == 0) {
      char *all = IniCommands_join(&agenda);
      free(all);
   }
   free(errors);
   errors = NULL;
   IniCommands_clear(&agenda);

   Config *c = Config_parse(buf, size, "config.ini", &errors);
   free(errors);
   errors = NULL;
   Config_free(c);

   Theme *t = ThemeFile_parse(buf, size, "theme.ini", &errors);
   free(errors);
   ThemeFile_free(t);

   Style st;
   Style_default(&st);
   errors = NULL;
   StyleFile_parse(buf, size, "style.ini", &st, &errors);
   free(errors);
   return 0;
}
