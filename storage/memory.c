#include "storage/memory.h"

#include <stdlib.h> /* defines __GLIBC__ where it is glibc */

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void Memory_fixThreshold(void) {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
   mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}
