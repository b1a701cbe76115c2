/* Timing helpers shared by the benchmarks: a monotonic clock and min / median
 * / p99 of a set of samples. Everything is static inline so that each bench
 * program stays one file against the core objects. */
#ifndef GAVEL_TESTS_BENCH_H
#define GAVEL_TESTS_BENCH_H

#include <stdlib.h>
#include <time.h>

static inline double Bench_now(void)
{
   struct timespec ts;
   clock_gettime(CLOCK_MONOTONIC, &ts);
   return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int Bench_cmp(const void *a, const void *b)
{
   double x = *(const double *)a, y = *(const double *)b;
   return (x > y) - (x < y);
}

typedef struct BenchStats {
   double min, median, p99, max, total;
} BenchStats;

/* Sorts v in place. p99 is the nearest-rank percentile. */
static inline BenchStats Bench_stats(double *v, size_t n)
{
   BenchStats st = {0, 0, 0, 0, 0};
   if (n == 0)
      return st;
   qsort(v, n, sizeof *v, Bench_cmp);
   for (size_t i = 0; i < n; i++)
      st.total += v[i];
   st.min = v[0];
   st.max = v[n - 1];
   st.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
   size_t r = (size_t)((double)n * 0.99 + 0.999999);
   st.p99 = v[(r ? r : 1) - 1];
   return st;
}

#endif
