#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>

__attribute__((format(printf, 2, 0)))
static void Cli_vmessage(const CliEnv *env, const char *fmt, va_list ap) {
   fprintf(stderr, "%s: ", env && env->progname ? env->progname : "gavel");
   vfprintf(stderr, fmt, ap);
   fputc('\n', stderr);
}

int Cli_usage(const CliEnv *env, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   Cli_vmessage(env, fmt, ap);
   va_end(ap);
   return CLI_USAGE;
}

int Cli_fail(const CliEnv *env, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   Cli_vmessage(env, fmt, ap);
   va_end(ap);
   return CLI_FAIL;
}
