#include "storage/fileio.h"

#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <limits.h>
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

/* A long file is read in two halves at once, the second by a thread of its
 * own: most of a read of a file the page cache holds is the kernel giving
 * the buffer its pages, and two cores do that in half the time. */
#define FILEIO_SPLIT_READ ((size_t)4 << 20)
#define FILEIO_HUGE_PAGE ((size_t)2 << 20)

/* Pieces of a part read and summed one at a time: a piece is summed right
 * after the read that copied it, while it is still in the cache. */
#define FILEIO_SUM_PIECE ((size_t)256 << 10)

typedef struct FileIOPart {
   int fd;
   char *buf;
   size_t want, got;
   off_t at;
   size_t sumLen;   /* of this part's first bytes, summed as they come */
   unsigned long (*more)(unsigned long acc, const char *p, size_t n);
   unsigned long sum;
} FileIOPart;

static void FileIO_preadAll(FileIOPart *p) {
   size_t summed = 0;
   while (p->got < p->want) {
      size_t n = p->want - p->got;
      if (p->sumLen > 0 && n > FILEIO_SUM_PIECE)
         n = FILEIO_SUM_PIECE;
      ssize_t r = pread(p->fd, p->buf + p->got, n, p->at + (off_t)p->got);
      if (r < 0 && errno == EINTR)
         continue;
      if (r <= 0)
         break;
      p->got += (size_t)r;
      if (summed < p->sumLen) {
         size_t upto = p->got < p->sumLen ? p->got : p->sumLen;
         p->sum = p->more(p->sum, p->buf + summed, upto - summed);
         summed = upto;
      }
   }
}

static void *FileIO_preadThread(void *ud) {
   FileIO_preadAll(ud);
   return NULL;
}

/* The first `size` bytes from `at` into buf, in two halves at once; the
 * offset then after them. 0, or -1 when a part came short (the caller reads
 * on its own). With r->sumLen, r->sum gets the sum of the first of them. */
static int FileIO_readSplit(FileIORead *rd, char *buf, size_t size) {
   int fd = rd->fd;
   off_t at = rd->at;
   size_t half = size / 2, sumLen = rd->more && rd->join ? rd->sumLen : 0;
   if (sumLen > size)
      sumLen = 0;   /* more than the read: summed by the caller */
   FileIOPart a = { fd, buf, half, 0, at, sumLen < half ? sumLen : half, rd->more, 0 };
   FileIOPart b = { fd, buf + half, size - half, 0, at + (off_t)half,
                    sumLen > half ? sumLen - half : 0, rd->more, 0 };
   pthread_t t;
   if (pthread_create(&t, NULL, FileIO_preadThread, &b) != 0)
      return -1;
   FileIO_preadAll(&a);
   pthread_join(t, NULL);
   if (a.got != a.want || b.got != b.want || lseek(fd, at + (off_t)size, SEEK_SET) < 0)
      return -1;
   if (sumLen > 0) {
      rd->sum = b.sumLen > 0 ? rd->join(a.sum, b.sum, b.sumLen) : a.sum;
      rd->summed = sumLen;
   }
   return 0;
}

int FileIO_readBegin(int fd, FileIORead *r) {
   /* A regular file is read into one block of its size (and a little more,
    * to see its end): no copy on the way as the buffer grows. */
   struct stat st;
   memset(r, 0, sizeof *r);
   r->fd = fd;
   r->cap = 65536;
   r->at = -1;
   if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
       (uintmax_t)st.st_size < SIZE_MAX / 2 - 4096) {
      r->cap = (size_t)st.st_size + 4096;
      r->at = lseek(fd, 0, SEEK_CUR);
      if (r->at >= 0 && r->at < st.st_size)
         r->size = (size_t)(st.st_size - r->at);
   }
   /* A long file's buffer starts on a huge page's boundary: else its first
    * part, up to the first boundary, gets 4 KiB pages (about 1 MB of them,
    * a fault each). */
   void *p = NULL;
   if (r->cap >= FILEIO_SPLIT_READ && posix_memalign(&p, FILEIO_HUGE_PAGE, r->cap) == 0)
      r->buf = p;
   else if (!(r->buf = malloc(r->cap)))
      return -1;
#ifdef MADV_HUGEPAGE
   /* A long file's buffer in huge pages where the system lends them on
    * request: a 4 KiB page at a time, giving it its pages costs more than
    * reading the file (one fault in 512). A hint: refused, nothing changes. */
   if (r->cap >= FILEIO_SPLIT_READ) {
      uintptr_t from = ((uintptr_t)r->buf + 4095) & ~(uintptr_t)4095;
      uintptr_t to = ((uintptr_t)r->buf + r->cap) & ~(uintptr_t)4095;
      if (to > from)
         (void)madvise((void *)from, to - from, MADV_HUGEPAGE);
   }
#endif
   return 0;
}

int FileIO_readEnd(FileIORead *rd, char **out, size_t *outlen) {
   int fd = rd->fd;
   char *buf = rd->buf;
   size_t cap = rd->cap, len = 0;
   rd->buf = NULL;
   rd->summed = 0;
   if (rd->size >= FILEIO_SPLIT_READ && FileIO_readSplit(rd, buf, rd->size) == 0)
      len = rd->size;   /* then on to the end, as it is now */
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

int FileIO_readFd(int fd, char **out, size_t *outlen) {
   FileIORead r;
   if (FileIO_readBegin(fd, &r) != 0)
      return -1;
   return FileIO_readEnd(&r, out, outlen);
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
