/* The libFuzzer entry point every tests/fuzz/fuzz_*.c defines, declared once
 * so that -Wmissing-prototypes is satisfied; driver.c calls the same function
 * when the targets are built without libFuzzer (make fuzz-regress). */
#ifndef GAVEL_TESTS_FUZZ_H
#define GAVEL_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A broken property (not a sanitizer report): say which, then crash so that
 * libFuzzer saves the input. */
#define FUZZ_CHECK(cond, ...)                                                  \
   do {                                                                        \
      if (!(cond)) {                                                           \
         fprintf(stderr, "fuzz property failed: %s (%s:%d)\n  ", #cond,       \
                 __FILE__, __LINE__);                                          \
         fprintf(stderr, __VA_ARGS__);                                         \
         fputc('\n', stderr);                                                  \
         abort();                                                              \
      }                                                                        \
   } while (0)

#endif
