/* Opening the live screen: which session, read-only or not, follow mode. */
#include "cli/cmd_live.h"
#include "cli/out.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "storage/datadir.h"
#include "model/visible.h"
#include "tui/app.h"
#include "tui/home.h"

/* Runs `gavel [-D DIR] new --agenda FILE --date TODAY` (or `--from
 * SESSION`) with this very binary, and reads the path it prints; on failure
 * out holds what it said instead. */
static int CmdLive_create(const CliEnv *env, const char *agenda, const char *from, char *out,
                          size_t n) {
   char self[PATH_MAX];
   ssize_t l = readlink("/proc/self/exe", self, sizeof self - 1);
   if (l <= 0) {
      snprintf(out, n, "cannot find the gavel program to run 'gavel new'");
      return -1;
   }
   self[l] = '\0';
   int fds[2];
   if (pipe(fds) != 0) {
      snprintf(out, n, "cannot run 'gavel new': %s", strerror(errno));
      return -1;
   }
   /* Dated today, so that the next `gavel` offers it first. */
   char today[16];
   time_t t = time(NULL);
   struct tm tm;
   localtime_r(&t, &tm);
   strftime(today, sizeof today, "%Y-%m-%d", &tm);
   pid_t pid = fork();
   if (pid == 0) {
      close(fds[0]);
      dup2(fds[1], 1);
      dup2(fds[1], 2);
      close(fds[1]);
      const char *argv[12];
      int k = 0;
      argv[k++] = "gavel";
      if (env->datadir) {
         argv[k++] = "-D";
         argv[k++] = env->datadir;
      }
      argv[k++] = "new";
      argv[k++] = from ? "--from" : "--agenda";
      argv[k++] = from ? from : agenda;
      argv[k++] = "--date";
      argv[k++] = today;
      argv[k] = NULL;
      execv(self, (char *const *)argv);
      _exit(127);
   }
   close(fds[1]);
   size_t got = 0;
   ssize_t r;
   while (got + 1 < n && (r = read(fds[0], out + got, n - got - 1)) > 0)
      got += (size_t)r;
   out[got] = '\0';
   close(fds[0]);
   int status = 0;
   while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
      ;
   while (got > 0 && (out[got - 1] == '\n' || out[got - 1] == '\r'))
      out[--got] = '\0';
   int ok = pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && got > 0;
   if (ok) {
      /* The path is the last line printed. */
      char *nl = strrchr(out, '\n');
      if (nl)
         memmove(out, nl + 1, strlen(nl + 1) + 1);
   } else {
      /* The first line of what went wrong, for the home screen. */
      char *nl = strchr(out, '\n');
      if (nl)
         *nl = '\0';
      if (!out[0])
         snprintf(out, n, "'gavel new' failed");
   }
   return ok ? 0 : -1;
}

static int CmdLive_resolve(const CliEnv *env, const char *arg, char *path, size_t n) {
   char dir[PATH_MAX], err[512];
   if (DataDir_sessions(env->datadir, dir, sizeof dir, err, sizeof err) != 0)
      return Cli_fail(env, "%s", err);
   if (DataDir_resolve(dir, arg, path, n, err, sizeof err) != 0)
      return Cli_fail(env, "%s", err);
   return 0;
}

/* The screens one after the other: `gavel` alone starts on the home
 * screen and comes back to it after each session; `gavel SESSION` starts on
 * that session. A search from a meeting (`/`) shows its hits on the home
 * screen, whose Esc goes back to the meeting. Until the user quits. */
static int CmdLive_screens(const CliEnv *env, const char *first) {
   HomeResult hr;
   memset(&hr, 0, sizeof hr);
   /* Without a terminal, curses would read end-of-file forever. */
   if (!first && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
      return Cli_fail(env, "the live screen needs a terminal (standard %s is not one); "
                           "'gavel list' and 'gavel search' work without one",
                      !isatty(STDIN_FILENO) ? "input" : "output");
   int fromHome = !first;
   char path[PATH_MAX + 600];
   int readOnly = env->read_only;
   if (first)
      snprintf(path, sizeof path, "%s", first);
   for (int home = !first;; home = 1) {
      if (home) {
         char err[1024];
         if (Home_run(env->datadir, &hr, err, sizeof err) != 0)
            return Cli_fail(env, "%s", err);
         memset(hr.query, 0, sizeof hr.query);
         memset(hr.backPath, 0, sizeof hr.backPath);
         if (hr.what == HOME_QUIT || App_stopped())
            return CLI_OK;
         readOnly = hr.readOnly || env->read_only;
         if (hr.what == HOME_NEW) {
            if (env->read_only) {
               snprintf(hr.message, sizeof hr.message, "--read-only: no new session");
               continue;
            }
            char out[PATH_MAX + 512];
            if (CmdLive_create(env, hr.agenda[0] ? hr.agenda : NULL, hr.from[0] ? hr.from : NULL,
                               out, sizeof out) != 0) {
               char *v = Visible_dup(out, 0);
               snprintf(hr.message, sizeof hr.message, "no session made: %s", v ? v : "");
               free(v);
               continue;
            }
            snprintf(path, sizeof path, "%s", out);
            readOnly = 0;
         } else {
            snprintf(path, sizeof path, "%s", hr.path);
         }
      }
      App *app = calloc(1, sizeof *app);
      if (!app)
         return Cli_fail(env, "out of memory");
      app->datadir = env->datadir;
      snprintf(app->startItem, sizeof app->startItem, "%s", home ? hr.item : "");
      snprintf(app->startRecord, sizeof app->startRecord, "%s", home ? hr.record : "");
      if (home && hr.what == HOME_OPEN && hr.message[0]) {
         snprintf(app->startMessage, sizeof app->startMessage, "%s", hr.message);
         hr.message[0] = '\0';
      }
      if (home && hr.readOnly && !env->read_only)
         snprintf(app->roAsked, sizeof app->roAsked, "%s",
                  hr.item[0] ? "a search hit opens read-only" : "a past meeting opens read-only (w on the home screen writes)");
      int rc = App_main(app, path, readOnly);
      char query[256];
      snprintf(query, sizeof query, "%s", app->searchQuery);
      free(app);
      if (App_stopped())
         return rc;
      memset(hr.item, 0, sizeof hr.item);
      memset(hr.record, 0, sizeof hr.record);
      if (query[0] && rc == 0) {
         /* The hits on the home screen; Esc comes back here. */
         snprintf(hr.query, sizeof hr.query, "%s", query);
         snprintf(hr.backPath, sizeof hr.backPath, "%s", path);
         hr.backReadOnly = readOnly;
         hr.message[0] = '\0';
         continue;
      }
      if (!fromHome)
         return rc;
      char *v = Visible_dup(strrchr(path, '/') ? strrchr(path, '/') + 1 : path, 0);
      snprintf(hr.message, sizeof hr.message, rc == 0 ? "back from %s" : "could not open %s", v ? v : "");
      free(v);
   }
}

int CmdLive_run(const CliEnv *env, int argc, char **argv) {
   setlocale(LC_ALL, "");
   if (argc > 1)
      return Cli_usage(env, "one session at a time (try 'gavel --help')");
   if (argc == 0)
      return CmdLive_screens(env, NULL);
   char path[PATH_MAX];
   int rc = CmdLive_resolve(env, argv[0], path, sizeof path);
   if (rc != 0)
      return rc;
   return CmdLive_screens(env, path);
}

int CmdLive_follow(const CliEnv *env, int argc, char **argv) {
   static const char usage[] = "usage: gavel follow SESSION\n"
                               "  a read-only live display of SESSION for a second screen;\n"
                               "  it follows what the writer records (q quits)\n";
   const char *session = NULL;
   int optionsOn = 1;
   for (int i = 1; i < argc; i++) {
      const char *a = argv[i];
      if (optionsOn && strcmp(a, "--") == 0) {
         optionsOn = 0;
      } else if (optionsOn && Cli_isHelp(a)) {
         Out_puts(stdout, usage);
         return CLI_OK;
      } else if (optionsOn && a[0] == '-' && a[1] != '\0') {
         return Cli_usage(env, "follow: unknown option '%s'", a);
      } else if (session) {
         return Cli_usage(env, "follow: one session at a time ('%s' is extra)", a);
      } else {
         session = a;
      }
   }
   if (!session)
      return Cli_usage(env, "usage: gavel follow SESSION");
   setlocale(LC_ALL, "");
   char path[PATH_MAX];
   int rc = CmdLive_resolve(env, session, path, sizeof path);
   if (rc != 0)
      return rc;
   App *app = calloc(1, sizeof *app);
   if (!app)
      return Cli_fail(env, "out of memory");
   app->datadir = env->datadir;
   app->follow = 1;
   rc = App_main(app, path, 1);
   free(app);
   return rc;
}
