/* A pseudo-terminal harness: gavel and its peers (nano, less) side by side on
 * the same content, as a person sees them.
 *
 *   start-up  from fork to the last byte of the first full screen: the output
 *             is read until it has been quiet for QUIET ms with the program
 *             asleep (not running, not in the disk: /proc/PID/stat), so a
 *             "Reading..." line before a long load is not taken for the
 *             screen; a trailing burst
 *             of fewer than SMALL bytes after a gap of GAP ms (a clock
 *             repaint that happened to fall inside the window) is not part
 *             of the screen, so a clock cannot lengthen the figure
 *   per key   from the write of the key to the first byte of the answer, and
 *             to the last byte before the output is quiet again (the same
 *             rule); bytes written to the terminal per key
 *   memory    the peak resident size of the program (wait4)
 *
 * The programs run interleaved, A B C A B C..., for ROUNDS rounds, so that a
 * change of load hits every program alike. Each round starts the program
 * afresh, sends the PRE keys (not timed), then KEYS keys, then kills it.
 *
 *   bench_pty [-r ROUNDS] [-k KEYS] [-s COLSxROWS] [-f FILE] [-w SECONDS] CASE --
 *             NAME PRE KEYSEQ COMMAND [NAME PRE KEYSEQ COMMAND ...]
 *
 * PRE and KEYSEQ take C escapes (\t \n \e \033); KEYSEQ is a list of keys
 * separated by '|', sent in turn. A key that starts with '!' is a command
 * run by /bin/sh (a writer appending to the session, for `gavel follow`):
 * it is timed from the moment it changes FILE (-f; inotify), else from its
 * exit, to the first and the last byte of the program's answer; the output
 * is read meanwhile. BENCH_PTY_DEBUG=1 prints each such key's figures. COMMAND runs under /bin/sh -c
 * as `exec COMMAND` (leading NAME=value words before the exec). The first
 * program is gavel, the others its peers: every figure is printed with the
 * ratio gavel / peer. FILE (the session) gives the memory ratio. -w waits
 * that long for a program to exit by itself after its keys before killing it. Prints
 * figures only; never fails on a time. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "tests/bench/bench.h"

#define MAXPROG 4
#define QUIET_START_MS 150
#define QUIET_KEY_MS 40
#define GAP_MS 5
#define SMALL 48

typedef struct Prog {
   const char *name, *cmd;
   char pre[256];
   char keys[64][256];
   size_t nkeys;
   double *startup, *first, *settled, *bytes, *rss;
   size_t nstart, nkey;
} Prog;

static int Cols = 80, Rows = 24;

/* The length of the leading shell assignments of cmd (NAME=value, the
 * value plain or in single quotes, each followed by blanks). */
static size_t assignments(const char *cmd) {
   size_t at = 0;
   for (;;) {
      size_t i = at;
      if (!(cmd[i] == '_' || (cmd[i] >= 'A' && cmd[i] <= 'Z') || (cmd[i] >= 'a' && cmd[i] <= 'z')))
         return at;
      while (cmd[i] == '_' || (cmd[i] >= 'A' && cmd[i] <= 'Z') || (cmd[i] >= 'a' && cmd[i] <= 'z') ||
             (cmd[i] >= '0' && cmd[i] <= '9'))
         i++;
      if (cmd[i] != '=')
         return at;
      i++;
      if (cmd[i] == '\'') {
         const char *q = strchr(cmd + i + 1, '\'');
         if (!q)
            return at;
         i = (size_t)(q - cmd) + 1;
      } else {
         while (cmd[i] && cmd[i] != ' ' && cmd[i] != '\t' && cmd[i] != '\'' && cmd[i] != '"')
            i++;
      }
      if (cmd[i] != ' ' && cmd[i] != '\t')
         return at;
      while (cmd[i] == ' ' || cmd[i] == '\t')
         i++;
      at = i;
   }
}
static double WaitExit = 0;

static size_t unescape(const char *s, char *out, size_t cap) {
   size_t o = 0;
   for (; *s && o + 1 < cap; s++) {
      if (*s != '\\' || !s[1]) {
         out[o++] = *s;
         continue;
      }
      s++;
      switch (*s) {
      case 't': out[o++] = '\t'; break;
      case 'n': out[o++] = '\n'; break;
      case 'r': out[o++] = '\r'; break;
      case 'e': out[o++] = 0x1b; break;
      case '0':
         if (s[1] == '3' && s[2] == '3') {
            out[o++] = 0x1b;
            s += 2;
         }
         break;
      default: out[o++] = *s; break;
      }
   }
   out[o] = '\0';
   return o;
}

static pid_t spawn(const char *cmd, int *master) {
   int m = posix_openpt(O_RDWR | O_NOCTTY);
   if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0)
      return -1;
   struct winsize ws = { (unsigned short)Rows, (unsigned short)Cols, 0, 0 };
   char *sname = ptsname(m);
   pid_t pid = fork();
   if (pid == 0) {
      setsid();
      int s = open(sname, O_RDWR);
      if (s < 0)
         _exit(127);
      ioctl(s, TIOCSCTTY, 0);
      ioctl(s, TIOCSWINSZ, &ws);
      dup2(s, 0);
      dup2(s, 1);
      dup2(s, 2);
      if (s > 2)
         close(s);
      close(m);
      /* exec: the shell becomes the program, so wait4 sees its memory.
       * Leading VAR=value words stay before it (VAR=value exec program),
       * so a program given its own environment costs no env(1) exec more
       * than its peers. */
      char line[4096];
      size_t envlen = assignments(cmd);
      snprintf(line, sizeof line, "%.*sexec %s", (int)envlen, cmd, cmd + envlen);
      execl("/bin/sh", "sh", "-c", line, (char *)NULL);
      _exit(127);
   }
   ioctl(m, TIOCSWINSZ, &ws);
   fcntl(m, F_SETFL, O_NONBLOCK);
   *master = m;
   return pid;
}

/* Is the program busy (running, or waiting for the disk), rather than
 * asleep waiting for a key or a timer? A program that prints "Reading..."
 * and then reads a big file is quiet but not done. */
static int busy(pid_t pid) {
   char path[64], buf[512];
   snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
   FILE *f = fopen(path, "r");
   if (!f)
      return 0;
   size_t n = fread(buf, 1, sizeof buf - 1, f);
   fclose(f);
   buf[n] = '\0';
   const char *p = strrchr(buf, ')');
   return p && p[1] == ' ' && (p[2] == 'R' || p[2] == 'D');
}

/* Reads until the output has been quiet for quiet_ms while the program is
 * asleep (or limit_s passed).
 * Returns the time of the last byte that belongs to the answer (see the
 * rule at the top), *first the time of the first byte, *bytes their count.
 * 0 when nothing came. */
static double drain(int m, pid_t pid, double since, int quiet_ms, double limit_s, double *first,
                    size_t *bytes) {
   double last = 0, group_start = 0, prev_group_end = 0;
   size_t total = 0, group_bytes = 0;
   *first = 0;
   char buf[65536];
   for (;;) {
      struct pollfd p = { m, POLLIN, 0 };
      int wait = total ? quiet_ms : (int)(limit_s * 1000);
      int r = poll(&p, 1, wait);
      double now = Bench_now();
      if (now - since > limit_s || r < 0)
         break;
      if (r == 0) {
         if (total && busy(pid))
            continue; /* quiet, but still working towards its screen */
         break;
      }
      ssize_t n = read(m, buf, sizeof buf);
      if (n <= 0) {
         if (n < 0 && errno == EAGAIN)
            continue;
         break;
      }
      if (!total)
         *first = now;
      if (total && now - last >= GAP_MS / 1e3) {
         prev_group_end = last;
         group_start = now;
         group_bytes = 0;
      } else if (!total) {
         group_start = now;
      }
      group_bytes += (size_t)n;
      total += (size_t)n;
      last = now;
   }
   /* A small late burst (a clock repaint) is not the answer to this key. */
   if (prev_group_end > 0 && group_bytes < SMALL && group_start > *first) {
      total -= group_bytes;
      last = prev_group_end;
   }
   *bytes = total;
   return last;
}

static void send_keys(int m, const char *s, size_t n) {
   while (n) {
      ssize_t w = write(m, s, n);
      if (w <= 0) {
         if (w < 0 && errno == EAGAIN)
            continue;
         return;
      }
      s += w;
      n -= (size_t)w;
   }
}

/* Runs a writer (a '!' key) while reading the program's output; returns the
 * time the writer first changed File (its append), else of its exit. The
 * bytes that came before that time are counted in *early_bytes. */
static const char *File;
static unsigned long long Seed = 42;

static double run_writer(int m, const char *cmd, double *early_first, size_t *early_bytes) {
   int ifd = File ? inotify_init1(IN_NONBLOCK) : -1;
   if (ifd >= 0 && inotify_add_watch(ifd, File, IN_MODIFY) < 0) {
      close(ifd);
      ifd = -1;
   }
   double changed = 0;
   pid_t w = fork();
   if (w == 0) {
      int null = open("/dev/null", O_RDWR);
      if (null >= 0) {
         dup2(null, 0);
         dup2(null, 1);
         dup2(null, 2);
      }
      execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
      _exit(127);
   }
   *early_first = 0;
   *early_bytes = 0;
   char buf[65536];
   for (;;) {
      int status;
      if (waitpid(w, &status, WNOHANG) == w) {
         double end = Bench_now();
         if (ifd >= 0)
            close(ifd);
         return changed > 0 ? changed : end;
      }
      struct pollfd p[2] = { { m, POLLIN, 0 }, { ifd, POLLIN, 0 } };
      if (poll(p, ifd >= 0 ? 2 : 1, 1) <= 0)
         continue;
      double now = Bench_now();
      if (ifd >= 0 && (p[1].revents & POLLIN)) {
         while (read(ifd, buf, sizeof buf) > 0) {
         }
         if (changed == 0)
            changed = now;
      }
      if (p[0].revents & POLLIN) {
         ssize_t n = read(m, buf, sizeof buf);
         /* Output before the change is not an answer to it (a clock). */
         if (n > 0 && changed > 0) {
            if (!*early_bytes)
               *early_first = now;
            *early_bytes += (size_t)n;
         }
      }
   }
}

static void one_round(Prog *p, size_t keys) {
   int m;
   double t0 = Bench_now();
   pid_t pid = spawn(p->cmd, &m);
   if (pid < 0) {
      perror("bench_pty: spawn");
      exit(1);
   }
   double first;
   size_t bytes;
   double end = drain(m, pid, t0, QUIET_START_MS, 30, &first, &bytes);
   if (end > 0)
      p->startup[p->nstart++] = end - t0;
   if (p->pre[0]) {
      send_keys(m, p->pre, strlen(p->pre));
      drain(m, pid, Bench_now(), QUIET_KEY_MS * 3, 5, &first, &bytes);
   }
   for (size_t k = 0; k < keys && p->nkeys; k++) {
      const char *key = p->keys[k % p->nkeys];
      if (key[0] == '!') {
         /* At a random moment (fixed seed): an append must not fall at the
          * same phase of a program's polling period round after round. */
         Seed = Seed * 6364136223846793005ULL + 1442695040888963407ULL;
         usleep((useconds_t)((Seed >> 33) % 250000));
         double early_first;
         size_t early;
         double a0 = Bench_now();
         double ack = run_writer(m, key + 1, &early_first, &early);
         /* Whatever came before the acknowledgement, the rest comes now. */
         double last = drain(m, pid, ack, QUIET_KEY_MS, early ? QUIET_KEY_MS / 1e3 : 5, &first, &bytes);
         if (early && !bytes)
            last = early_first; /* all of it came before the acknowledgement */
         if (early)
            first = early_first;
         size_t i = p->nkey++;
         p->first[i] = first > ack ? first - ack : 0;
         p->settled[i] = last > ack ? last - ack : 0;
         p->bytes[i] = (double)(bytes + early);
         if (getenv("BENCH_PTY_DEBUG"))
            fprintf(stderr, "%s: ack +%.1f ms, first %.3f ms, last %.3f ms, %zu+%zu B\n", p->name, (ack - a0) * 1e3, p->first[i] * 1e3, p->settled[i] * 1e3, early, bytes);
         continue;
      }
      double a = Bench_now();
      send_keys(m, key, strlen(key));
      double last = drain(m, pid, a, QUIET_KEY_MS, 5, &first, &bytes);
      size_t i = p->nkey++;
      p->first[i] = first > 0 ? first - a : 0;
      p->settled[i] = last > 0 ? last - a : 0;
      p->bytes[i] = (double)bytes;
   }
   int status;
   struct rusage ru;
   /* -w: let a program that quits on its own finish (callgrind writes its
    * profile at exit). */
   pid_t done = 0;
   char sink[4096];
   for (double until = Bench_now() + WaitExit; !done && Bench_now() < until;) {
      done = wait4(pid, &status, WNOHANG, &ru);
      while (read(m, sink, sizeof sink) > 0) {
      }
      if (!done)
         usleep(10000);
   }
   if (!done) {
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
      while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
      }
   }
   /* Drain what is left so the next program starts on a quiet machine. */
   char buf[4096];
   while (read(m, buf, sizeof buf) > 0) {
   }
   close(m);
   p->rss[p->nstart ? p->nstart - 1 : 0] = (double)ru.ru_maxrss * 1024.0;
}

typedef struct Pct {
   double median, p90, p99;
} Pct;

static Pct pct(const double *v, size_t n) {
   Pct r = { 0, 0, 0 };
   if (!n)
      return r;
   double *c = malloc(n * sizeof *c);
   memcpy(c, v, n * sizeof *c);
   qsort(c, n, sizeof *c, Bench_cmp);
   r.median = n % 2 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
   size_t k90 = (size_t)((double)n * 0.90 + 0.999999), k99 = (size_t)((double)n * 0.99 + 0.999999);
   r.p90 = c[(k90 ? k90 : 1) - 1];
   r.p99 = c[(k99 ? k99 : 1) - 1];
   free(c);
   return r;
}

static void row(const char *cas, const char *what, double g, const Prog *peer, double pv,
                const char *unit, double scale, const char *target) {
   char gs[32], ps[32], rs[16];
   snprintf(gs, sizeof gs, "%.*f %s", scale >= 1e6 ? 0 : 2, g * scale, unit);
   snprintf(ps, sizeof ps, "%.*f %s", scale >= 1e6 ? 0 : 2, pv * scale, unit);
   if (pv > 0)
      snprintf(rs, sizeof rs, "%.2fx", g / pv);
   else
      snprintf(rs, sizeof rs, "-");
   printf("| %-18s | %-28s | %12s | %-6s %12s | %7s | %s |\n", cas, what, gs, peer->name, ps, rs, target);
}

int main(int argc, char **argv) {
   size_t rounds = 5, keys = 40;
   const char *file = NULL;
   int opt;
   while ((opt = getopt(argc, argv, "+r:k:s:f:w:")) != -1) {
      switch (opt) {
      case 'r': rounds = strtoul(optarg, NULL, 10); break;
      case 'k': keys = strtoul(optarg, NULL, 10); break;
      case 's': sscanf(optarg, "%dx%d", &Cols, &Rows); break;
      case 'f': file = File = optarg; break;
      case 'w': WaitExit = strtod(optarg, NULL); break;
      default: goto usage;
      }
   }
   if (optind + 1 >= argc || strcmp(argv[optind + 1], "--") != 0)
      goto usage;
   const char *cas = argv[optind];
   int first_prog = optind + 2;
   size_t nprog = (size_t)(argc - first_prog) / 4;
   if (nprog < 1 || nprog > MAXPROG || (argc - first_prog) % 4 != 0)
      goto usage;
   if (rounds < 1)
      rounds = 1;
   signal(SIGPIPE, SIG_IGN);
   Prog progs[MAXPROG];
   memset(progs, 0, sizeof progs);
   for (size_t i = 0; i < nprog; i++) {
      Prog *p = &progs[i];
      char **a = argv + first_prog + 4 * i;
      p->name = a[0];
      unescape(a[1], p->pre, sizeof p->pre);
      char tmp[8192];
      unescape(a[2], tmp, sizeof tmp);
      for (char *s = tmp, *bar; *s && p->nkeys < 64; s = bar + 1) {
         bar = strchr(s, '|');
         size_t l = bar ? (size_t)(bar - s) : strlen(s);
         snprintf(p->keys[p->nkeys++], sizeof p->keys[0], "%.*s", (int)l, s);
         if (!bar)
            break;
      }
      p->cmd = a[3];
      p->startup = calloc(rounds, sizeof(double));
      p->rss = calloc(rounds, sizeof(double));
      p->first = calloc(rounds * keys, sizeof(double));
      p->settled = calloc(rounds * keys, sizeof(double));
      p->bytes = calloc(rounds * keys, sizeof(double));
   }
   for (size_t r = 0; r < rounds; r++)
      for (size_t i = 0; i < nprog; i++)
         one_round(&progs[i], keys);

   struct stat st;
   double fsize = file && stat(file, &st) == 0 ? (double)st.st_size : 0;
   const Prog *g = &progs[0];
   Pct gs = pct(g->startup, g->nstart), gf = pct(g->first, g->nkey), gse = pct(g->settled, g->nkey);
   Pct gb = pct(g->bytes, g->nkey), gr = pct(g->rss, g->nstart);
   printf("%s: %zu rounds interleaved, %zu keys a round, %dx%d\n", cas, rounds, keys, Cols, Rows);
   for (size_t i = 0; i < nprog; i++) {
      const Prog *p = &progs[i];
      Pct s = pct(p->startup, p->nstart), f = pct(p->first, p->nkey), se = pct(p->settled, p->nkey);
      Pct b = pct(p->bytes, p->nkey), m = pct(p->rss, p->nstart);
      printf("  %-6s start-up median %7.2f ms p90 %7.2f ms | first byte median %7.0f us p90 %7.0f us"
             " p99 %7.0f us | settled median %7.0f us p90 %7.0f us p99 %7.0f us | %5.0f B/key | peak %5.1f MB\n",
             p->name, s.median * 1e3, s.p90 * 1e3, f.median * 1e6, f.p90 * 1e6, f.p99 * 1e6,
             se.median * 1e6, se.p90 * 1e6, se.p99 * 1e6, b.median, m.median / 1e6);
   }
   for (size_t i = 1; i < nprog; i++) {
      const Prog *p = &progs[i];
      Pct s = pct(p->startup, p->nstart), f = pct(p->first, p->nkey), se = pct(p->settled, p->nkey);
      Pct b = pct(p->bytes, p->nkey), m = pct(p->rss, p->nstart);
      row(cas, "start-up, median", gs.median, p, s.median, "ms", 1e3,
          strcmp(p->name, "less") == 0 ? "<= 5x less" : strcmp(p->name, "nano") == 0 ? "<= 1.0x nano" : "(reported)");
      if (g->nkeys && p->nkeys && g->keys[0][0] == '!') {
         /* A writer appends: the follower's screen against tail -f. */
         row(cas, "append to first byte, median", gf.median, p, f.median, "us", 1e6, "(reported)");
         row(cas, "append to screen, median", gse.median, p, se.median, "us", 1e6, "< 50000 us");
         row(cas, "append to screen, p90", gse.p90, p, se.p90, "us", 1e6, "(reported)");
         row(cas, "bytes per append, median", gb.median, p, b.median, "B", 1, "(reported)");
      } else if (g->nkeys && p->nkeys) {
         row(cas, "key first byte, median", gf.median, p, f.median, "us", 1e6, "<= 1.0x peer");
         row(cas, "key first byte, p90", gf.p90, p, f.p90, "us", 1e6, "<= 1.0x peer, < 1000 us");
         row(cas, "key first byte, p99", gf.p99, p, f.p99, "us", 1e6, "(reported)");
         row(cas, "key settled, median", gse.median, p, se.median, "us", 1e6, "<= 1.0x peer");
         row(cas, "key settled, p90", gse.p90, p, se.p90, "us", 1e6, "<= 1.0x peer, < 1000 us");
         row(cas, "key settled, p99", gse.p99, p, se.p99, "us", 1e6, "(reported)");
         row(cas, "bytes per key, median", gb.median, p, b.median, "B", 1, "<= 1.0x peer");
      }
      row(cas, "peak memory", gr.median, p, m.median, "MB", 1e-6, "(peer for scale)");
   }
   if (fsize > 0)
      printf("| %-18s | %-28s | %12.1f MB | %-6s %9.1f MB | %6.2fx | < 2x the file |\n", cas,
             "peak memory / file", gr.median / 1e6, "file", fsize / 1e6, gr.median / fsize);
   return 0;
usage:
   fprintf(stderr, "usage: bench_pty [-r ROUNDS] [-k KEYS] [-s COLSxROWS] [-f FILE] CASE -- "
                   "NAME PRE KEYSEQ COMMAND [NAME PRE KEYSEQ COMMAND ...]\n");
   return 2;
}
