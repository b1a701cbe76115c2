#include "storage/tornfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/buf.h"

int TornFile_path(const char *session, char *out, size_t outlen) {
   char real[PATH_MAX];
   /* Beside the real file: a torn file beside a symlink would be planted
    * wherever the link lives, and lost when the link moves. */
   const char *base = realpath(session, real) ? real : session;
   return (size_t)snprintf(out, outlen, "%s.torn", base) < outlen ? 0 : -1;
}

/* Reads torn without following a symbolic link: 0 (an absent file is
 * empty), or -1 with errno (ELOOP for a link). */
static int TornFile_read(const char *torn, char **buf, size_t *len) {
   *buf = NULL;
   *len = 0;
   if (FileIO_readPathNoFollow(torn, buf, len) == 0)
      return 0;
   return errno == ENOENT ? 0 : -1;
}

/* Offsets where pieces begin (a mark at the start of a line); text before
 * the first mark (pieces of an older gavel) counts as one piece. A new
 * array (free it), or NULL when out of memory. */
static size_t *TornFile_pieces(const char *buf, size_t len, size_t *count) {
   size_t n = 0, cap = 8, m = strlen(TORNFILE_MARK);
   size_t *starts = malloc(cap * sizeof *starts);
   for (size_t at = 0; starts && at < len;) {
      if (at == 0 || (len - at >= m && memcmp(buf + at, TORNFILE_MARK, m) == 0)) {
         if (n == cap) {
            size_t *ns = realloc(starts, (cap *= 2) * sizeof *ns);
            if (!ns) {
               free(starts);
               return NULL;
            }
            starts = ns;
         }
         starts[n++] = at;
      }
      const char *nl = memchr(buf + at, '\n', len - at);
      at = nl ? (size_t)(nl - buf) + 1 : len;
   }
   *count = n;
   return starts;
}

int TornFile_add(const FileIO *io, const char *torn, const char *piece, size_t len, long lineno,
                 const char *at, char *why, size_t whylen) {
   char *old = NULL;
   size_t oldLen = 0;
   if (TornFile_read(torn, &old, &oldLen) != 0) {
      int saved = errno;
      snprintf(why, whylen, "%s: %s", torn,
               saved == ELOOP ? "is a symbolic link (not followed)" : strerror(saved));
      errno = saved;
      return -1;
   }
   /* The newest pieces that fit, oldest dropped first; the new one always. */
   size_t n = 0;
   size_t *starts = TornFile_pieces(old ? old : "", oldLen, &n);
   if (!starts) {
      free(old);
      snprintf(why, whylen, "%s: out of memory", torn);
      errno = ENOMEM;
      return -1;
   }
   size_t from = oldLen;
   for (size_t k = n, kept = 1; k > 0 && kept < TORNFILE_KEEP; k--, kept++) {
      if (oldLen - starts[k - 1] + len > TORNFILE_MAX_BYTES)
         break;
      from = starts[k - 1];
   }
   free(starts);
   GvBuf text = GV_BUF_INIT;
   GvBuf_append(&text, old ? old + from : "", oldLen - from);
   if (text.len && text.data[text.len - 1] != '\n')
      GvBuf_putc(&text, '\n');
   GvBuf_printf(&text, TORNFILE_MARK "from line %ld at %s (%zu bytes)\n", lineno, at, len);
   GvBuf_append(&text, piece, len);
   if (len == 0 || piece[len - 1] != '\n')
      GvBuf_putc(&text, '\n');
   free(old);
   if (text.failed) {
      GvBuf_free(&text);
      snprintf(why, whylen, "%s: out of memory", torn);
      errno = ENOMEM;
      return -1;
   }
   /* Atomic: a crash leaves the old .torn or the new one. */
   char tmp[PATH_MAX];
   int fd = FileIO_tempFile(torn, tmp, sizeof tmp);
   const char *step = fd < 0 ? "create a temporary file" : NULL;
   if (!step && FileIO_writeAll(io, fd, text.data, text.len) != 0)
      step = "write";
   if (!step && FileIO_fsync(io, fd) != 0)
      step = "sync";
   if (!step && FileIO_rename(io, tmp, torn) != 0)
      step = "rename the new copy into place";
   /* The folder holds the new name: synced before the session is cut. */
   if (!step && FileIO_syncParent(io, torn) != 0)
      step = "sync the folder";
   int saved = errno;
   if (fd >= 0)
      close(fd);
   GvBuf_free(&text);
   if (step) {
      if (fd >= 0 && strcmp(step, "sync the folder") != 0)
         unlink(tmp);
      snprintf(why, whylen, "%s: cannot %s (%s)", torn, step, strerror(saved));
      errno = saved;
      return -1;
   }
   return 0;
}

int TornFile_list(const char *torn, void (*report)(void *ud, const char *line), void *ud,
                  char *why, size_t whylen) {
   char *buf = NULL;
   size_t len = 0;
   if (TornFile_read(torn, &buf, &len) != 0) {
      snprintf(why, whylen, "%s: %s", torn,
               errno == ELOOP ? "is a symbolic link (not followed)" : strerror(errno));
      return -1;
   }
   if (!buf)
      return 0;
   size_t m = strlen(TORNFILE_MARK);
   long lineno = 0;
   int pieces = 0;
   for (size_t at = 0; at < len;) {
      const char *nl = memchr(buf + at, '\n', len - at);
      size_t n = nl ? (size_t)(nl - (buf + at)) : len - at;
      lineno++;
      int mark = n >= m && memcmp(buf + at, TORNFILE_MARK, m) == 0;
      if (mark || (at == 0 && n > 0)) {
         char line[PATH_MAX + 256];
         if (mark)
            snprintf(line, sizeof line, "%s:%ld: %.*s", torn, lineno, (int)(n - 2 < 200 ? n - 2 : 200),
                     buf + at + 2);
         else
            snprintf(line, sizeof line, "%s:%ld: set aside by an older gavel", torn, lineno);
         report(ud, line);
         pieces++;
      }
      at += n + 1;
   }
   free(buf);
   return pieces;
}
