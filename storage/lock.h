/* One writer per session: an fcntl write lock on the whole session file.
 * Open file description locks (F_OFD_SETLK) where the system has them, so
 * that two opens in one process exclude each other as two processes do;
 * classic F_SETLK elsewhere. The kernel drops the lock when the holder dies,
 * so a crash never leaves a stale lock behind (unlike a pid file). */
#ifndef GAVEL_STORAGE_LOCK_H
#define GAVEL_STORAGE_LOCK_H

#include <stddef.h>

typedef enum LockResult {
   LOCK_TAKEN = 0,   /* this fd is now the one writer */
   LOCK_BUSY = 1,    /* another gavel holds it; why says so */
   LOCK_ERROR = -1,  /* locking itself failed (e.g. a file system without locks); why says so */
} LockResult;

/* Tries to take the write lock on fd without waiting. */
LockResult Lock_tryWrite(int fd, const char *path, char *why, size_t whylen);

/* 1 when another open file (another gavel) holds the write lock on fd's
 * file right now, else 0. Takes nothing. */
int Lock_heldByOther(int fd);

/* Releases it (closing the fd does too). */
void Lock_release(int fd);

#endif
