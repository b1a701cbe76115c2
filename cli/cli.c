#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/out.h"
#include "model/buf.h"

__attribute__((format(printf, 2, 0)))
static void Cli_vmessage(const CliEnv *env, const char *fmt, va_list ap) {
   /* One piece, through Out: a message may quote a name or a line. */
   GvBuf b = GV_BUF_INIT;
   GvBuf_printf(&b, "%s: ", env && env->progname ? env->progname : "gavel");
   GvBuf_vprintf(&b, fmt, ap);
   GvBuf_putc(&b, '\n');
   Out_write(stderr, GvBuf_str(&b), b.len);
   GvBuf_free(&b);
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

int Cli_value(int argc, char **argv, int *i, const char *shortName, const char *longName,
              const char **val) {
   const char *a = argv[*i];
   size_t sl = shortName ? strlen(shortName) : 0, ll = longName ? strlen(longName) : 0;
   int exact = (shortName && strcmp(a, shortName) == 0) || (longName && strcmp(a, longName) == 0);
   if (exact) {
      if (*i + 1 >= argc)
         return -1;
      *val = argv[++*i];
      return 1;
   }
   if (shortName && sl == 2 && strncmp(a, shortName, 2) == 0 && a[2] != '\0') {
      *val = a + 2;
      return 1;
   }
   if (longName && strncmp(a, longName, ll) == 0 && a[ll] == '=') {
      *val = a + ll + 1;
      return 1;
   }
   return 0;
}

int Cli_isHelp(const char *arg) {
   return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}
