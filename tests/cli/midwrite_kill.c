/* A crash in the middle of a write, on demand, for tests/cli/test_crash_kill.sh.
 * Preloaded (LD_PRELOAD), it lets the first write() of at least
 * GAVEL_KILL_MIN bytes put only its first GAVEL_KILL_AFTER bytes on disk and
 * then kills the process with SIGKILL, which no handler can catch: what a
 * power cut or the OOM killer does to a writer half-way through a unit.
 * (gavel ignores SIGXFSZ, so a file-size limit can no longer do this.) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n) {
   static ssize_t (*real)(int, const void *, size_t);
   if (!real)
      *(void **)&real = dlsym(RTLD_NEXT, "write");
   const char *min = getenv("GAVEL_KILL_MIN"), *after = getenv("GAVEL_KILL_AFTER");
   if (min && after && n >= strtoul(min, NULL, 10)) {
      size_t a = strtoul(after, NULL, 10);
      real(fd, buf, a < n ? a : n);
      kill(getpid(), SIGKILL);
   }
   return real(fd, buf, n);
}
