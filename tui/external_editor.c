#include "tui/external_editor.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/session.h"

static const char *ExternalEditor_command(const App *app) {
   if (app->editorCmd[0])
      return app->editorCmd;
   const char *e = getenv("VISUAL");
   if (e && *e)
      return e;
   e = getenv("EDITOR");
   if (e && *e)
      return e;
   return "vi";
}

unsigned ExternalEditor_edit(App *app) {
   const char *tmp = getenv("TMPDIR");
   char path[4096];
   snprintf(path, sizeof path, "%s/gavel-note-XXXXXX", tmp && *tmp ? tmp : "/tmp");
   int fd = mkstemp(path);
   if (fd < 0) {
      App_message(app, ROLE_ERROR, "cannot make a temporary file: %s", strerror(errno));
      return RD_STATUS;
   }
   const char *text = Editor_text(&app->notes);
   size_t len = strlen(text);
   int ok = write(fd, text, len) == (ssize_t)len && (len == 0 || write(fd, "\n", 1) == 1);
   close(fd);
   if (!ok) {
      unlink(path);
      App_message(app, ROLE_ERROR, "cannot write %s", path);
      return RD_STATUS;
   }
   /* Everything typed so far is on disk before the terminal is handed over. */
   App_flushDraft(app);
   def_prog_mode();
   App_bracketedPaste(0);
   MarkMove_sync(&app->cursorAt);
   endwin();
   app->cursorAt.known = 0;
   const char *cmd = ExternalEditor_command(app);
   pid_t pid = fork();
   int status = -1;
   if (pid == 0) {
      char script[512];
      snprintf(script, sizeof script, "%s \"$1\"", cmd);
      execl("/bin/sh", "sh", "-c", script, "sh", path, (char *)NULL);
      _exit(127);
   } else if (pid > 0) {
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
         ;
   }
   reset_prog_mode();
   App_bracketedPaste(1);
   refresh();
   if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      unlink(path);
      App_message(app, ROLE_ERROR, "%s did not finish well: the note is unchanged", cmd);
      return RD_ALL | RD_CLEAR;
   }
   FILE *f = fopen(path, "rb");
   char *buf = NULL;
   size_t n = 0;
   if (f) {
      size_t cap = 4096;
      buf = malloc(cap);
      size_t r;
      while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
         n += r;
         if (cap - n - 1 == 0)
            buf = realloc(buf, cap *= 2);
      }
      buf[n] = '\0';
      fclose(f);
   }
   unlink(path);
   if (!buf) {
      App_message(app, ROLE_ERROR, "cannot read the note back");
      return RD_ALL | RD_CLEAR;
   }
   while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
      buf[--n] = '\0';
   if (strcmp(buf, Editor_text(&app->notes)) != 0) {
      Editor_set(&app->notes, buf);
      App_flushDraft(app);
      App_message(app, ROLE_OK, "note taken back from %s", cmd);
   }
   free(buf);
   app->focus = FOCUS_NOTES;
   return RD_ALL | RD_CLEAR;
}
