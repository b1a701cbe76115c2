/* fopencookie: the composed bytes go through the FileIO like any other write */
#define _GNU_SOURCE
#include "storage/exportfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The descriptor a /dev/stdout-like name stands for, or -1. */
static int ExportFile_namedFd(const char *path) {
   if (strcmp(path, "/dev/stdout") == 0)
      return 1;
   if (strcmp(path, "/dev/stderr") == 0)
      return 2;
   const char *num = strncmp(path, "/dev/fd/", 8) == 0          ? path + 8
                     : strncmp(path, "/proc/self/fd/", 14) == 0 ? path + 14
                                                                : NULL;
   if (!num || !*num)
      return -1;
   char *end;
   long fd = strtol(num, &end, 10);
   return *end == '\0' && fd >= 0 && fd <= INT_MAX ? (int)fd : -1;
}

/* What is written: bytes in memory, or a writer that composes them into a
 * FILE* as it goes (a large document is never held whole). */
typedef struct ExportSource {
   const char *buf;
   size_t len;
   ExportFile_fill fill;
   void *ctx;
} ExportSource;

typedef struct ExportSink {
   const FileIO *io;
   int fd;
} ExportSink;

static ssize_t ExportFile_sinkWrite(void *cookie, const char *buf, size_t len) {
   ExportSink *k = cookie;
   return FileIO_writeAll(k->io, k->fd, buf, len) == 0 ? (ssize_t)len : -1;
}

/* Writes src into fd: 0; -1 with errno on a write error; -2 when the
 * writer could not compose its document (nothing more is written). */
static int ExportFile_put(const FileIO *io, int fd, const ExportSource *src) {
   if (!src->fill)
      return FileIO_writeAll(io, fd, src->buf, src->len) != 0 ? -1 : 0;
   ExportSink sink = { io, fd };
   cookie_io_functions_t fns = { .read = NULL, .write = ExportFile_sinkWrite, .seek = NULL,
                                 .close = NULL };
   FILE *f = fopencookie(&sink, "w", fns);
   if (!f)
      return -1;
   int composed = src->fill(f, src->ctx);
   int bad = ferror(f);
   int saved = errno;
   if (fclose(f) != 0 && !bad) {
      bad = 1;
      saved = errno;
   }
   if (composed != 0)
      return -2;
   if (bad) {
      errno = saved ? saved : EIO;
      return -1;
   }
   return 0;
}

static int ExportFile_stream(const FileIO *io, int fd, const char *path, const ExportSource *src,
                             char *err, size_t errlen) {
   int w = ExportFile_put(io, fd, src);
   if (w == -2) {
      snprintf(err, errlen, "%s: the document could not be composed", path);
      return -1;
   }
   if (w != 0) {
      snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
      return -1;
   }
   return 0;
}

/* A character device or a FIFO: opened and written, never replaced. The
 * opened file is checked again, in case the name changed in between. */
static int ExportFile_device(const FileIO *io, const char *path, int follow,
                             const ExportSource *src, char *err, size_t errlen) {
   int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW));
   if (fd < 0) {
      snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
      return -1;
   }
   struct stat st;
   int rc;
   if (fstat(fd, &st) != 0 || !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))) {
      snprintf(err, errlen, "%s: changed while being opened; not written", path);
      rc = -1;
   } else {
      rc = ExportFile_stream(io, fd, path, src, err, errlen);
   }
   if (close(fd) != 0 && rc == 0) {
      snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
      rc = -1;
   }
   return rc;
}

/* A regular file, or none yet: a complete, synced copy renamed over the
 * name. rename() replaces a link planted in between, never its target. */
static int ExportFile_replace(const FileIO *io, const char *path, const struct stat *old,
                              const ExportSource *src, char *err, size_t errlen) {
   char tmp[PATH_MAX];
   int fd = FileIO_tempFile(path, tmp, sizeof tmp);
   if (fd < 0) {
      snprintf(err, errlen, "%s: cannot create a temporary file beside it: %s", path,
               strerror(errno));
      return -1;
   }
   const char *step = NULL;
   int w = 0;
   if (old && fchmod(fd, old->st_mode & 07777) != 0)
      step = "set the mode of";
   else if (old && fchown(fd, (uid_t)-1, old->st_gid) != 0 && errno != EPERM)
      step = "set the group of";
   else if ((w = ExportFile_put(io, fd, src)) == -2)
      step = "compose";
   else if (w != 0)
      step = "write";
   else if (FileIO_fsync(io, fd) != 0)
      step = "sync";
   if (!step) {
      int closed = close(fd);
      fd = -1;
      if (closed != 0)
         step = "close";
      else if (FileIO_rename(io, tmp, path) != 0)
         step = "rename into place";
   }
   if (step) {
      int saved = errno;
      if (fd >= 0)
         close(fd);
      unlink(tmp);
      if (w == -2)
         snprintf(err, errlen, "%s: the document could not be composed; %s", path,
                  old ? "the old file is unchanged" : "nothing written");
      else
         snprintf(err, errlen, "%s: cannot %s the new copy (%s); %s", path, step,
                  strerror(saved), old ? "the old file is unchanged" : "nothing written");
      return -1;
   }
   if (FileIO_syncParent(io, path) != 0) {
      snprintf(err, errlen, "%s: written, but the folder could not be synced (%s)", path,
               strerror(errno));
      return -1;
   }
   return 0;
}

static int ExportFile_to(const FileIO *io, const char *path, const ExportSource *src,
                         char *err, size_t errlen) {
   int nfd = ExportFile_namedFd(path);
   if (nfd >= 0)
      return ExportFile_stream(io, nfd, path, src, err, errlen);
   struct stat st;
   if (lstat(path, &st) != 0) {
      if (errno != ENOENT) {
         snprintf(err, errlen, "%s: %s", path, strerror(errno));
         return -1;
      }
      return ExportFile_replace(io, path, NULL, src, err, errlen);
   }
   if (S_ISREG(st.st_mode))
      return ExportFile_replace(io, path, &st, src, err, errlen);
   if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
      return ExportFile_device(io, path, 0, src, err, errlen);
   if (S_ISLNK(st.st_mode)) {
      struct stat target;
      if (stat(path, &target) == 0 && (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode)))
         return ExportFile_device(io, path, 1, src, err, errlen);
      snprintf(err, errlen,
               "%s: is a symbolic link; not written through it (name the file it points to, or "
               "remove the link)",
               path);
      return -1;
   }
   snprintf(err, errlen, "%s: is %s; not written (name a file, a character device or a FIFO)",
            path,
            S_ISDIR(st.st_mode)    ? "a folder"
            : S_ISSOCK(st.st_mode) ? "a socket"
            : S_ISBLK(st.st_mode)  ? "a block device"
                                   : "not a regular file");
   return -1;
}

int ExportFile_write(const FileIO *io, const char *path, const char *buf, size_t len,
                     char *err, size_t errlen) {
   ExportSource src = { .buf = buf, .len = len, .fill = NULL, .ctx = NULL };
   return ExportFile_to(io, path, &src, err, errlen);
}

int ExportFile_writeWith(const FileIO *io, const char *path, ExportFile_fill fill, void *ctx,
                         char *err, size_t errlen) {
   ExportSource src = { .buf = NULL, .len = 0, .fill = fill, .ctx = ctx };
   return ExportFile_to(io, path, &src, err, errlen);
}
