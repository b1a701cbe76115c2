#ifndef GAVEL_STORAGE_MEMORY_H
#define GAVEL_STORAGE_MEMORY_H

/* The allocator's policy for the whole program, set once at its start. */

/* Fixes glibc's mmap threshold at its default value. Left dynamic, freeing
 * a large block (half of a long file's line table, after the scan) raises
 * it, and the session's large arrays, allocated after, then grow by copying
 * instead of in place (mremap). Does nothing on another C library. */
void Memory_fixThreshold(void);

#endif
