/* The one write path of gavel: every write, fsync, fdatasync, rename and
 * truncate of a session or any other file goes through a FileIO, so that a
 * test can make any of them fail (ENOSPC, EIO) and show that nothing is lost
 * or half-acknowledged. FileIO_system() is the real thing.
 *
 * Folders are created 0700 and files 0600: sessions of LIMITE meetings are
 * not for other users of the machine. */
#ifndef GAVEL_STORAGE_FILEIO_H
#define GAVEL_STORAGE_FILEIO_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

typedef struct FileIO {
   /* Each returns like its POSIX namesake (-1 with errno set on failure). */
   ssize_t (*write)(void *ctx, int fd, const void *buf, size_t len);
   int (*fsync)(void *ctx, int fd);
   int (*fdatasync)(void *ctx, int fd);
   int (*rename)(void *ctx, const char *from, const char *to);
   int (*ftruncate)(void *ctx, int fd, off_t len);
   int (*link)(void *ctx, const char *from, const char *to);
   void *ctx;  /* handed back to every hook: the fault injector's state */
} FileIO;

/* The real system calls. Never NULL; a static constant, not state. */
const FileIO *FileIO_system(void);

/* Writes all of buf (retrying short writes and EINTR). 0, or -1 with errno. */
int FileIO_writeAll(const FileIO *io, int fd, const void *buf, size_t len);

int FileIO_fsync(const FileIO *io, int fd);
int FileIO_fdatasync(const FileIO *io, int fd);
int FileIO_ftruncate(const FileIO *io, int fd, off_t len);
int FileIO_rename(const FileIO *io, const char *from, const char *to);
int FileIO_link(const FileIO *io, const char *from, const char *to);

/* Creates a new temporary file PATH.tmp-XXXXXX (0600, read-write) beside
 * path, its name into tmp, and takes the write lock on it (storage/lock.h)
 * for as long as the fd is open: a temporary nobody holds is dead. The fd,
 * or -1 with errno. */
int FileIO_tempFile(const char *path, char *tmp, size_t tmplen);

/* Gives the new file on fd the mode, owner and group of the file it is about
 * to replace (old, from fstat), so that a rewrite never changes who may read
 * it: a 0640 group-shared session stays so. When the group cannot be kept,
 * the group and others lose every right instead (never more open than
 * before). 0, or -1 with errno. */
int FileIO_keepOwner(int fd, const struct stat *old);

/* fsyncs the folder that holds path, so that a rename or a create in it
 * survives a crash. 0, or -1 with errno. */
int FileIO_syncParent(const FileIO *io, const char *path);

/* Replaces path with buf atomically: a temporary file 0600 in the same folder,
 * write, fsync, rename over path, fsync the folder. On failure the old file
 * is untouched, the temporary is removed, and err says what failed.
 * 0 or -1. */
int FileIO_replace(const FileIO *io, const char *path, const char *buf, size_t len,
                   char *err, size_t errlen);

/* Creates path holding buf, failing (EEXIST) when path exists: a temporary
 * file is written and synced, then linked to path, so that path never
 * exists half-written. The folder is synced. 0, or -1 with err. */
int FileIO_createNew(const FileIO *io, const char *path, const char *buf, size_t len,
                     char *err, size_t errlen);

/* Creates path and every missing parent with mode 0700, and syncs the
 * folder that holds each new one, so that a crash cannot lose a folder that
 * a synced file was then created in. 0, or -1 with err. */
int FileIO_mkdirs(const char *path, char *err, size_t errlen);
/* The same, its syncs through io. */
int FileIO_mkdirsWith(const FileIO *io, const char *path, char *err, size_t errlen);

/* Reads the rest of fd (from where it is) into a new NUL-terminated buffer.
 * 0, or -1 with errno. */
int FileIO_readFd(int fd, char **buf, size_t *len);
/* The same in two steps: FileIO_readBegin allocates the buffer (r->buf,
 * r->size the bytes fstat says are left), so that its address is known
 * while the read is still to come; FileIO_readEnd reads into it (the
 * buffer moves only if the file grew meanwhile) or frees it on failure. */
typedef struct FileIORead {
   int fd;
   char *buf;
   size_t cap, size;
   off_t at;
   /* Optional, set between the two: a checksum of the first sumLen bytes
    * read, taken as they come in (each piece summed while it is still in
    * the processor's cache, not in a second pass over the whole buffer).
    * more(acc, p, n) sums on; join(a, b, blen) is the sum of x then y from
    * a = sum(x), b = sum(y) and blen = the length of y. After FileIO_readEnd,
    * summed is sumLen when sum holds it, else 0 (the caller sums itself). */
   size_t sumLen;
   unsigned long (*more)(unsigned long acc, const char *p, size_t n);
   unsigned long (*join)(unsigned long a, unsigned long b, size_t blen);
   unsigned long sum;
   size_t summed;
} FileIORead;
int FileIO_readBegin(int fd, FileIORead *r);
int FileIO_readEnd(FileIORead *r, char **buf, size_t *len);

/* Reads the whole file at path. 0, or -1 with errno. */
int FileIO_readPath(const char *path, char **buf, size_t *len);
/* The same, never through a symbolic link (ELOOP). */
int FileIO_readPathNoFollow(const char *path, char **buf, size_t *len);

#endif
