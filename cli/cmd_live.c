/* Opening the live screen: which session, read-only or not, follow mode. */
#include "cli/cmd_live.h"
#include "cli/out.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "storage/datadir.h"
#include "tui/app.h"

/* Today's newest session in the sessions folder (by file time), or -1. */
static int CmdLive_todaysSession(const char *dir, char *out, size_t n) {
   time_t t = time(NULL);
   struct tm tm;
   localtime_r(&t, &tm);
   char today[16];
   strftime(today, sizeof today, "%Y-%m-%d-", &tm);
   DIR *d = opendir(dir);
   if (!d)
      return -1;
   struct dirent *e;
   time_t best = 0;
   int found = -1;
   while ((e = readdir(d))) {
      size_t l = strlen(e->d_name);
      if (strncmp(e->d_name, today, strlen(today)) != 0 || l < 7 ||
          strcmp(e->d_name + l - 6, ".gavel") != 0)
         continue;
      char p[PATH_MAX + 256];
      snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
      struct stat st;
      if (stat(p, &st) == 0 && (found < 0 || st.st_mtime >= best)) {
         if (strlen(p) >= n)
            continue;
         best = st.st_mtime;
         memcpy(out, p, strlen(p) + 1);
         found = 0;
      }
   }
   closedir(d);
   return found;
}

/* Runs `gavel [-D DIR] new --agenda demo --date TODAY` (this very binary)
 * and reads the path it prints. */
static int CmdLive_createDemo(const CliEnv *env, char *out, size_t n) {
   char self[PATH_MAX];
   ssize_t l = readlink("/proc/self/exe", self, sizeof self - 1);
   if (l <= 0)
      return -1;
   self[l] = '\0';
   int fds[2];
   if (pipe(fds) != 0)
      return -1;
   /* Dated today, so that the next `gavel` opens it again. */
   char today[16];
   time_t t = time(NULL);
   struct tm tm;
   localtime_r(&t, &tm);
   strftime(today, sizeof today, "%Y-%m-%d", &tm);
   pid_t pid = fork();
   if (pid == 0) {
      close(fds[0]);
      dup2(fds[1], 1);
      close(fds[1]);
      if (env->datadir)
         execl(self, "gavel", "-D", env->datadir, "new", "--agenda", "demo", "--date", today,
               (char *)NULL);
      else
         execl(self, "gavel", "new", "--agenda", "demo", "--date", today, (char *)NULL);
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
   while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
      ;
   while (got > 0 && (out[got - 1] == '\n' || out[got - 1] == '\r'))
      out[--got] = '\0';
   return WIFEXITED(status) && WEXITSTATUS(status) == 0 && got > 0 ? 0 : -1;
}

static int CmdLive_resolve(const CliEnv *env, const char *arg, char *path, size_t n) {
   char dir[PATH_MAX], err[512];
   if (DataDir_sessions(env->datadir, dir, sizeof dir, err, sizeof err) != 0)
      return Cli_fail(env, "%s", err);
   if (DataDir_resolve(dir, arg, path, n, err, sizeof err) != 0)
      return Cli_fail(env, "%s", err);
   return 0;
}

int CmdLive_run(const CliEnv *env, int argc, char **argv) {
   setlocale(LC_ALL, "");
   App *app = calloc(1, sizeof *app);
   if (!app)
      return Cli_fail(env, "out of memory");
   app->datadir = env->datadir;
   char path[PATH_MAX];
   int rc;
   if (argc > 1) {
      free(app);
      return Cli_usage(env, "one session at a time (try 'gavel --help')");
   }
   if (argc == 1) {
      if ((rc = CmdLive_resolve(env, argv[0], path, sizeof path)) != 0) {
         free(app);
         return rc;
      }
   } else {
      char dir[PATH_MAX], err[512];
      if (DataDir_sessions(env->datadir, dir, sizeof dir, err, sizeof err) != 0) {
         free(app);
         return Cli_fail(env, "%s", err);
      }
      if (CmdLive_todaysSession(dir, path, sizeof path) != 0) {
         if (env->read_only) {
            free(app);
            return Cli_fail(env, "no session of today in %s", dir);
         }
         Out_printf(stdout, "No session of today in %s.\nCreate one from the demo agenda? [Y/n] ", dir);
         fflush(stdout);
         char ans[32] = "";
         if (!fgets(ans, sizeof ans, stdin) || (ans[0] != '\n' && ans[0] != 'y' && ans[0] != 'Y')) {
            free(app);
            Out_printf(stdout, "\n'gavel new --agenda FILE' creates a session; 'gavel --help' shows more.\n");
            return CLI_OK;
         }
         if (CmdLive_createDemo(env, path, sizeof path) != 0) {
            free(app);
            return Cli_fail(env, "could not create a session ('gavel new --agenda demo' failed)");
         }
      }
   }
   rc = App_main(app, path, env->read_only);
   free(app);
   return rc;
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
