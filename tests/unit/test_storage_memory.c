/* The allocator's policy: with the mmap threshold fixed, freeing a large
 * block (half of a long file's line table, after the scan) must not make
 * the next large arrays come from the heap, where they grow by copying and
 * stay, instead of their own mappings, which grow in place and go back to
 * the system when freed. Under AddressSanitizer the allocator is ASan's:
 * there the call must only be harmless. */
#include "tests/unit/testutil.h"

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "storage/memory.h"

#if defined(__SANITIZE_ADDRESS__)
#define GLIBC_ALLOCATOR 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GLIBC_ALLOCATOR 0
#endif
#endif
#if !defined(GLIBC_ALLOCATOR) && defined(__GLIBC__) && \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#define GLIBC_ALLOCATOR 1
#elif !defined(GLIBC_ALLOCATOR)
#define GLIBC_ALLOCATOR 0
#endif

static void a_large_free_leaves_the_next_large_block_mapped(void **state) {
   (void)state;
   Memory_fixThreshold();
   char *big = malloc(2u << 20);
   assert_non_null(big);
   big[0] = 1;
   free(big);
#if GLIBC_ALLOCATOR
   size_t before = mallinfo2().hblks;
#endif
   char *half = malloc(512u << 10);
   assert_non_null(half);
   half[0] = 1;
#if GLIBC_ALLOCATOR
   /* Left dynamic, the free above raised the threshold to 2 MiB and this
    * block came from the heap: no new mapping. */
   assert_int_equal(mallinfo2().hblks, before + 1);
#endif
   free(half);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_large_free_leaves_the_next_large_block_mapped),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
