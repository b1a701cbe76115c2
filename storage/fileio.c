#include "storage/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storage/lock.h"

static ssize_t FileIO_sysWrite(void *ctx, int fd, const void *buf, size_t len) {
   (void)ctx;
   return write(fd, buf, len);
}

static int FileIO_sysFsync(void *ctx, int fd) {
   (void)ctx;
   return fsync(fd);
}

static int FileIO_sysFdatasync(void *ctx, int fd) {
   (void)ctx;
   return fdatasync(fd);
}

static int FileIO_sysRename(void *ctx, const char *from, const char *to) {
   (void)ctx;
   return rename(from, to);
}

static int FileIO_sysFtruncate(void *ctx, int fd, off_t len) {
   (void)ctx;
   return ftruncate(fd, len);
}

static int FileIO_sysLink(void *ctx, const char *from, const char *to) {
   (void)ctx;
   return link(from, to);
}

static const FileIO FileIO_real = {
   .write = FileIO_sysWrite,
   .fsync = FileIO_sysFsync,
   .fdatasync = FileIO_sysFdatasync,
   .rename = FileIO_sysRename,
   .ftruncate = FileIO_sysFtruncate,
   .link = FileIO_sysLink,
   .ctx = NULL,
};

const FileIO *FileIO_system(void) {
   return &FileIO_real;
}

int FileIO_writeAll(const FileIO *io, int fd, const void *buf, size_t len) {
   const char *p = buf;
   while (len > 0) {
      ssize_t n = io->write(io->ctx, fd, p, len);
      if (n < 0) {
         if (errno == EINTR)
            continue;
         return -1;
      }
      if (n == 0) {
         errno = EIO;
         return -1;
      }
      p += n;
      len -= (size_t)n;
   }
   return 0;
}

int FileIO_fsync(const FileIO *io, int fd) {
   int r;
   do
      r = io->fsync(io->ctx, fd);
   while (r < 0 && errno == EINTR);
   return r;
}

int FileIO_fdatasync(const FileIO *io, int fd) {
   int r;
   do
      r = io->fdatasync(io->ctx, fd);
   while (r < 0 && errno == EINTR);
   return r;
}

int FileIO_ftruncate(const FileIO *io, int fd, off_t len) {
   int r;
   do
      r = io->ftruncate(io->ctx, fd, len);
   while (r < 0 && errno == EINTR);
   return r;
}

int FileIO_rename(const FileIO *io, const char *from, const char *to) {
   return io->rename(io->ctx, from, to);
}

int FileIO_link(const FileIO *io, const char *from, const char *to) {
   return io->link(io->ctx, from, to);
}

int FileIO_tempFile(const char *path, char *tmp, size_t tmplen) {
   if ((size_t)snprintf(tmp, tmplen, "%s.tmp-XXXXXX", path) >= tmplen) {
      errno = ENAMETOOLONG;
      return -1;
   }
   /* mkstemp creates 0600 whatever the umask; say so anyway. */
   int fd = mkstemp(tmp);
   if (fd >= 0 && fchmod(fd, 0600) != 0) {
      int saved = errno;
      close(fd);
      unlink(tmp);
      errno = saved;
      return -1;
   }
   if (fd >= 0)
      (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
   /* Locked while it lives: a writer that finds it later can tell a
    * temporary whose writer died (lock free) from one being written.
    * (Where the file system has no locks, it is never taken for dead.) */
   char why[16];
   if (fd >= 0)
      (void)Lock_tryWrite(fd, tmp, why, sizeof why);
   return fd;
}

int FileIO_keepOwner(int fd, const struct stat *old) {
   mode_t mode = old->st_mode & 07777;
   struct stat now;
   if (fstat(fd, &now) != 0)
      return -1;
   /* Root may keep the owner too; anyone may keep a group they are in. */
   if ((now.st_uid != old->st_uid || now.st_gid != old->st_gid) &&
       fchown(fd, old->st_uid, old->st_gid) != 0 && fchown(fd, (uid_t)-1, old->st_gid) != 0)
      mode &= 0700;
   /* No set-id bits on a data file. */
   return fchmod(fd, mode & 0777);
}

/* The folder part of path ("." when there is none), in the caller's buffer. */
static void FileIO_parent(const char *path, char *dir, size_t n) {
   const char *slash = strrchr(path, '/');
   if (!slash) {
      snprintf(dir, n, ".");
   } else if (slash == path) {
      snprintf(dir, n, "/");
   } else {
      size_t len = (size_t)(slash - path);
      if (len >= n)
         len = n - 1;
      memcpy(dir, path, len);
      dir[len] = '\0';
   }
}

int FileIO_syncParent(const FileIO *io, const char *path) {
   char dir[PATH_MAX];
   FileIO_parent(path, dir, sizeof dir);
   int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
   if (fd < 0)
      return -1;
   int r = FileIO_fsync(io, fd);
   int saved = errno;
   close(fd);
   errno = saved;
   return r;
}

/* Writes buf into a new temporary beside path and syncs it; the fd stays
 * open. The fd, or -1 with err (and no temporary left). */
static int FileIO_writeTemp(const FileIO *io, const char *path, const char *buf, size_t len,
                            char *tmp, size_t tmplen, char *err, size_t errlen) {
   int fd = FileIO_tempFile(path, tmp, tmplen);
   if (fd < 0) {
      snprintf(err, errlen, "%s: cannot create a temporary file: %s", path, strerror(errno));
      return -1;
   }
   const char *step = NULL;
   if (FileIO_writeAll(io, fd, buf, len) != 0)
      step = "write";
   else if (FileIO_fsync(io, fd) != 0)
      step = "sync";
   if (step) {
      int saved = errno;
      close(fd);
      unlink(tmp);
      snprintf(err, errlen, "%s: cannot %s the new copy (%s)", path, step, strerror(saved));
      return -1;
   }
   return fd;
}

int FileIO_replace(const FileIO *io, const char *path, const char *buf, size_t len,
                   char *err, size_t errlen) {
   char tmp[PATH_MAX], why[PATH_MAX + 128], real[PATH_MAX];
   /* Through a symbolic link, replace the file it names, not the link. */
   const char *target = realpath(path, real) ? real : path;
   int fd = FileIO_writeTemp(io, target, buf, len, tmp, sizeof tmp, why, sizeof why);
   if (fd < 0) {
      snprintf(err, errlen, "%s; the old file is unchanged", why);
      return -1;
   }
   if (close(fd) != 0) {
      int saved = errno;
      unlink(tmp);
      snprintf(err, errlen, "%s: cannot close the new copy (%s); the old file is unchanged", path,
               strerror(saved));
      return -1;
   }
   if (FileIO_rename(io, tmp, target) != 0) {
      int saved = errno;
      unlink(tmp);
      snprintf(err, errlen, "%s: cannot rename the new copy into place (%s); the old file is unchanged",
               path, strerror(saved));
      return -1;
   }
   if (FileIO_syncParent(io, target) != 0) {
      /* The new file is in place; only its durability is in doubt. */
      snprintf(err, errlen, "%s: written, but the folder could not be synced (%s)", path,
               strerror(errno));
      return -1;
   }
   return 0;
}

int FileIO_createNew(const FileIO *io, const char *path, const char *buf, size_t len,
                     char *err, size_t errlen) {
   char tmp[PATH_MAX], why[PATH_MAX + 128];
   int fd = FileIO_writeTemp(io, path, buf, len, tmp, sizeof tmp, why, sizeof why);
   if (fd < 0) {
      snprintf(err, errlen, "%s", why);
      return -1;
   }
   close(fd);
   /* link() never replaces: a name taken meanwhile fails with EEXIST. */
   if (FileIO_link(io, tmp, path) != 0) {
      int saved = errno;
      unlink(tmp);
      snprintf(err, errlen, "%s: cannot create: %s", path, strerror(saved));
      errno = saved;
      return -1;
   }
   unlink(tmp);
   if (FileIO_syncParent(io, path) != 0) {
      int saved = errno;
      snprintf(err, errlen, "%s: created, but the folder could not be synced (%s)", path,
               strerror(saved));
      unlink(path);
      errno = saved;
      return -1;
   }
   return 0;
}

int FileIO_mkdirs(const char *path, char *err, size_t errlen) {
   return FileIO_mkdirsWith(FileIO_system(), path, err, errlen);
}

int FileIO_mkdirsWith(const FileIO *io, const char *path, char *err, size_t errlen) {
   char buf[PATH_MAX];
   if ((size_t)snprintf(buf, sizeof buf, "%s", path) >= sizeof buf) {
      snprintf(err, errlen, "%s: path too long", path);
      return -1;
   }
   size_t n = strlen(buf);
   while (n > 1 && buf[n - 1] == '/')
      buf[--n] = '\0';
   for (char *p = buf + 1; ; p++) {
      if (*p == '/' || *p == '\0') {
         char c = *p;
         *p = '\0';
         if (mkdir(buf, 0700) == 0) {
            /* The new folder's name lives in its parent: sync that. */
            if (FileIO_syncParent(io, buf) != 0) {
               snprintf(err, errlen, "%s: created, but its parent folder could not be synced: %s",
                        buf, strerror(errno));
               return -1;
            }
         } else if (errno != EEXIST) {
            snprintf(err, errlen, "%s: cannot create folder: %s", buf, strerror(errno));
            return -1;
         }
         *p = c;
         if (c == '\0')
            break;
      }
   }
   struct stat st;
   if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
      snprintf(err, errlen, "%s: not a folder", buf);
      return -1;
   }
   return 0;
}

/* A long file read into fresh memory: each 4 kB page of it was a fault of
 * its own as read() filled it (2,500 for a 10 MB session, a third of its
 * open); in pages of 2 MB where the system gives them (Linux's transparent
 * huge pages, "madvise" mode), a few. Only advice: nothing changes where
 * it is not taken. */
static void FileIO_hugePages(char *buf, size_t cap) {
#if defined(MADV_HUGEPAGE)
   const uintptr_t huge = (uintptr_t)2 << 20, page = 4096;
   if (cap < 2 * huge)
      return;
   uintptr_t from = ((uintptr_t)buf + page - 1) & ~(page - 1);
   uintptr_t to = ((uintptr_t)buf + cap) & ~(page - 1);
   (void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
   (void)buf;
   (void)cap;
#endif
}

/* One part of a file read with pread, by the caller or a thread. */
typedef struct ReadPart {
   int fd;
   char *buf;
   size_t len, got;
   off_t at;
   int err;
} ReadPart;

static void FileIO_readPart(ReadPart *p) {
   while (p->got < p->len) {
      ssize_t r = pread(p->fd, p->buf + p->got, p->len - p->got, p->at + (off_t)p->got);
      if (r < 0 && errno == EINTR)
         continue;
      if (r < 0) {
         p->err = errno;
         return;
      }
      if (r == 0)
         return;   /* the file is shorter than it was */
      p->got += (size_t)r;
   }
}

static void *FileIO_readPartThread(void *ud) {
   FileIO_readPart(ud);
   return NULL;
}

/* A file this long is read in two halves at once: the copy out of the page
 * cache and the page faults of the buffer, on two processors (the second
 * is otherwise idle while the file is read). */
#define FILEIO_READ_SPLIT ((size_t)4 << 20)

/* The first size bytes of fd from its offset into buf, in two threads:
 * how many were read (fewer when the file was cut meanwhile; the offset is
 * then after them), or -1 with errno. */
static ssize_t FileIO_readHalves(int fd, char *buf, size_t size) {
   off_t at = lseek(fd, 0, SEEK_CUR);
   if (at < 0)
      return -1;
   size_t half = size / 2;
   ReadPart first = { fd, buf, half, 0, at, 0 }, second = { fd, buf + half, size - half, 0, at + (off_t)half, 0 };
   pthread_t thread;
   bool two = pthread_create(&thread, NULL, FileIO_readPartThread, &second) == 0;
   FileIO_readPart(&first);
   if (two)
      pthread_join(thread, NULL);
   else
      FileIO_readPart(&second);
   if (first.err || second.err) {
      errno = first.err ? first.err : second.err;
      return -1;
   }
   size_t got = first.got < half ? first.got : half + second.got;
   if (lseek(fd, at + (off_t)got, SEEK_SET) < 0)
      return -1;
   return (ssize_t)got;
}

int FileIO_readFd(int fd, char **out, size_t *outlen) {
   /* A regular file is read into one block of its size (and a little more,
    * to see its end): no copy on the way as the buffer grows. */
   struct stat st;
   size_t cap = 65536, len = 0;
   if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
       (uintmax_t)st.st_size < SIZE_MAX / 2 - 4096)
      cap = (size_t)st.st_size + 4096;
   char *buf = malloc(cap);
   if (!buf)
      return -1;
   FileIO_hugePages(buf, cap);
   if (cap - 4096 >= FILEIO_READ_SPLIT) {
      /* Then on as below: what a writer appended since is read too. */
      ssize_t got = FileIO_readHalves(fd, buf, cap - 4096);
      if (got < 0) {
         int saved = errno;
         free(buf);
         errno = saved;
         return -1;
      }
      len = (size_t)got;
   }
   for (;;) {
      if (cap - len < 2) {
         char *nb = realloc(buf, cap * 2);
         if (!nb) {
            free(buf);
            errno = ENOMEM;
            return -1;
         }
         buf = nb;
         cap *= 2;
      }
      ssize_t r = read(fd, buf + len, cap - len - 1);
      if (r < 0) {
         if (errno == EINTR)
            continue;
         int saved = errno;
         free(buf);
         errno = saved;
         return -1;
      }
      if (r == 0)
         break;
      len += (size_t)r;
   }
   buf[len] = '\0';
   *out = buf;
   *outlen = len;
   return 0;
}

/* flags: 0 or O_NOFOLLOW. */
static int FileIO_readPathWith(const char *path, int flags, char **buf, size_t *len) {
   /* O_NONBLOCK and the check: a FIFO would wait for a writer forever and a
    * device never ends; only regular files (and folders, for their EISDIR). */
   int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | flags);
   if (fd < 0)
      return -1;
   struct stat st;
   if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) ||
       fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
      close(fd);
      errno = EINVAL;
      return -1;
   }
   int r = FileIO_readFd(fd, buf, len);
   int saved = errno;
   close(fd);
   errno = saved;
   return r;
}

int FileIO_readPath(const char *path, char **buf, size_t *len) {
   return FileIO_readPathWith(path, 0, buf, len);
}

int FileIO_readPathNoFollow(const char *path, char **buf, size_t *len) {
   return FileIO_readPathWith(path, O_NOFOLLOW, buf, len);
}
