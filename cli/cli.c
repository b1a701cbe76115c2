#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>

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
