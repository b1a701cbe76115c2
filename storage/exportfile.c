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

static int ExportFile_stream(const FileIO *io, int fd, const char *path, const char *buf,
                             size_t len, char *err, size_t errlen) {
   if (FileIO_writeAll(io, fd, buf, len) != 0) {
      snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
      return -1;
   }
   return 0;
}

/* A character device or a FIFO: opened and written, never replaced. The
 * opened file is checked again, in case the name changed in between. */
static int ExportFile_device(const FileIO *io, const char *path, int follow, const char *buf,
                             size_t len, char *err, size_t errlen) {
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
      rc = ExportFile_stream(io, fd, path, buf, len, err, errlen);
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
                              const char *buf, size_t len, char *err, size_t errlen) {
   char tmp[PATH_MAX];
   int fd = FileIO_tempFile(path, tmp, sizeof tmp);
   if (fd < 0) {
      snprintf(err, errlen, "%s: cannot create a temporary file beside it: %s", path,
               strerror(errno));
      return -1;
   }
   const char *step = NULL;
   if (old && fchmod(fd, old->st_mode & 07777) != 0)
      step = "set the mode of";
   else if (old && fchown(fd, (uid_t)-1, old->st_gid) != 0 && errno != EPERM)
      step = "set the group of";
   else if (FileIO_writeAll(io, fd, buf, len) != 0)
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
      snprintf(err, errlen, "%s: cannot %s the new copy (%s); %s", path, step, strerror(saved),
               old ? "the old file is unchanged" : "nothing written");
      return -1;
   }
   if (FileIO_syncParent(io, path) != 0) {
      snprintf(err, errlen, "%s: written, but the folder could not be synced (%s)", path,
               strerror(errno));
      return -1;
   }
   return 0;
}

int ExportFile_write(const FileIO *io, const char *path, const char *buf, size_t len,
                     char *err, size_t errlen) {
   int nfd = ExportFile_namedFd(path);
   if (nfd >= 0)
      return ExportFile_stream(io, nfd, path, buf, len, err, errlen);
   struct stat st;
   if (lstat(path, &st) != 0) {
      if (errno != ENOENT) {
         snprintf(err, errlen, "%s: %s", path, strerror(errno));
         return -1;
      }
      return ExportFile_replace(io, path, NULL, buf, len, err, errlen);
   }
   if (S_ISREG(st.st_mode))
      return ExportFile_replace(io, path, &st, buf, len, err, errlen);
   if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
      return ExportFile_device(io, path, 0, buf, len, err, errlen);
   if (S_ISLNK(st.st_mode)) {
      struct stat target;
      if (stat(path, &target) == 0 && (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode)))
         return ExportFile_device(io, path, 1, buf, len, err, errlen);
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
