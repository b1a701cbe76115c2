/* Times a whole command, wall clock, several runs: what run.sh uses when
 * hyperfine is not installed. The command's standard output goes to
 * /dev/null (or to -o FILE), its standard error is kept. A failing run is
 * reported, and the figures still printed.
 *
 *   bench_timeit [-n RUNS] [-w WARMUP] [-o FILE] LABEL -- COMMAND [ARGS...]
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/bench/bench.h"

static int run_once(char **argv, const char *out, double *secs)
{
   double t0 = Bench_now();
   pid_t pid = fork();
   if (pid < 0) {
      perror("fork");
      return -1;
   }
   if (pid == 0) {
      int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (fd < 0 || dup2(fd, 1) < 0)
         _exit(126);
      close(fd);
      execvp(argv[0], argv);
      perror(argv[0]);
      _exit(127);
   }
   int status;
   while (waitpid(pid, &status, 0) < 0) {
   }
   *secs = Bench_now() - t0;
   return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
   int runs = 3, warmup = 0, i = 1;
   const char *out = NULL;
   for (; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i += 2) {
      if (i + 1 >= argc)
         break;
      if (strcmp(argv[i], "-n") == 0)
         runs = atoi(argv[i + 1]);
      else if (strcmp(argv[i], "-w") == 0)
         warmup = atoi(argv[i + 1]);
      else if (strcmp(argv[i], "-o") == 0)
         out = argv[i + 1];
   }
   if (i + 2 >= argc || strcmp(argv[i + 1], "--") != 0) {
      fprintf(stderr, "usage: bench_timeit [-n RUNS] [-w WARMUP] [-o FILE] LABEL -- COMMAND...\n");
      return 2;
   }
   const char *label = argv[i];
   char **cmd = argv + i + 2;
   if (runs < 1)
      runs = 1;
   double *t = calloc((size_t)runs, sizeof *t), dummy;
   int failed = 0, rc = 0;
   for (int w = 0; w < warmup; w++)
      run_once(cmd, out, &dummy);
   for (int r = 0; r < runs; r++) {
      int st = run_once(cmd, out, &t[r]);
      if (st != 0) {
         failed++;
         rc = st;
      }
   }
   BenchStats st = Bench_stats(t, (size_t)runs);
   printf("  %-34s min %9.2f ms  median %9.2f ms  (%d runs)", label, st.min * 1e3,
          st.median * 1e3, runs);
   if (failed)
      printf("  [%d run(s) failed, exit %d]", failed, rc);
   printf("\n");
   free(t);
   return 0;
}
