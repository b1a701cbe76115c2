/* gavel check --accept: see storage/session_accept.h. */
#include "storage/session_accept.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/buf.h"
#include "storage/lock.h"
#include "storage/sessionscan.h"

int SessionAccept_seal(const char *path, const FileIO *io, size_t *resealed, char *err,
                       size_t errlen) {
   io = io ? io : FileIO_system();
   *resealed = 0;
   char real[PATH_MAX];
   const char *target = realpath(path, real) ? real : path;
   int fd = open(target, O_RDWR | O_CLOEXEC | O_NONBLOCK);
   struct stat st;
   if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      snprintf(err, errlen, "%s: %s", path, fd < 0 ? strerror(errno) : "not a regular file");
      if (fd >= 0)
         close(fd);
      return -1;
   }
   char why[PATH_MAX + 256];
   if (Lock_tryWrite(fd, path, why, sizeof why) != LOCK_TAKEN) {
      snprintf(err, errlen, "%s; not sealed", why);
      close(fd);
      return -1;
   }
   char *buf = NULL;
   size_t len = 0;
   SessionScan scan;
   char msg[512];
   if (FileIO_readFd(fd, &buf, &len) != 0) {
      snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
      close(fd);
      return -1;
   }
   if (SessionScan_run(buf, len, &scan, msg, sizeof msg) != 0 || scan.version > GV_JOURNAL_VERSION) {
      if (scan.version > GV_JOURNAL_VERSION)
         snprintf(msg, sizeof msg, "format version %ld is newer than this gavel knows", scan.version);
      snprintf(err, errlen, "%s:1: %s; not sealed", path, msg);
      SessionScan_free(&scan);
      free(buf);
      close(fd);
      return -1;
   }
   GvBuf text = GV_BUF_INIT, out = GV_BUF_INIT;
   for (size_t i = 0; i < scan.count; i++) {
      const ScanLine *l = &scan.lines[i];
      size_t n = l->len;
      if (l->seal != SCAN_SEAL_OK)
         (*resealed)++;
      /* A seal that an edit left behind (now wrong) is replaced, not kept as text. */
      if (l->seal == SCAN_SEAL_BAD)
         n -= SESSIONSCAN_SEAL_LEN;
      GvBuf_append(&text, buf + l->start, n);
      GvBuf_putc(&text, '\n');
   }
   GvBuf_puts(&out, SessionScan_header());
   SessionScan_seal(&out, text.data ? text.data : "", text.len, GV_JOURNAL_VERSION);
   if (scan.torn)
      GvBuf_append(&out, buf + scan.tornLine.start, scan.tornLine.len);
   GvBuf_free(&text);
   SessionScan_free(&scan);
   free(buf);
   if (out.failed) {
      GvBuf_free(&out);
      close(fd);
      snprintf(err, errlen, "%s: out of memory; not sealed", path);
      return -1;
   }
   char tmp[PATH_MAX];
   int nfd = FileIO_tempFile(target, tmp, sizeof tmp);
   const char *step = nfd < 0 ? "create a temporary file" : NULL;
   if (!step && FileIO_keepOwner(nfd, &st) != 0)
      step = "give the new copy the session's mode";
   if (!step && FileIO_writeAll(io, nfd, out.data, out.len) != 0)
      step = "write the new copy";
   if (!step && FileIO_fsync(io, nfd) != 0)
      step = "sync the new copy";
   if (!step && FileIO_rename(io, tmp, target) != 0)
      step = "rename the new copy into place";
   int saved = errno;
   GvBuf_free(&out);
   if (step) {
      if (nfd >= 0) {
         close(nfd);
         unlink(tmp);
      }
      close(fd);
      snprintf(err, errlen, "%s: cannot %s (%s); not sealed", path, step, strerror(saved));
      return -1;
   }
   close(nfd);
   close(fd);
   if (FileIO_syncParent(io, target) != 0) {
      snprintf(err, errlen, "%s: sealed, but the folder could not be synced (%s)", path,
               strerror(errno));
      return -1;
   }
   return 0;
}
