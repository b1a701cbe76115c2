#include "cli/out.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "model/buf.h"
#include "model/visible.h"
#include "storage/exportfile.h"

static int Out_isUtf8 = 1;

void Out_init(void) {
   setlocale(LC_CTYPE, "");
   const char *cs = nl_langinfo(CODESET);
   Out_isUtf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0 ||
                       strcmp(cs, "UTF8") == 0 || strcmp(cs, "utf-8") == 0);
}

int Out_utf8(void) {
   return Out_isUtf8;
}

int Out_flags(FILE *f) {
   int flags = VISIBLE_NEWLINE | VISIBLE_TAB;
   if (!Out_isUtf8 && isatty(fileno(f)))
      flags |= VISIBLE_ASCII;
   return flags;
}

int Out_write(FILE *f, const char *s, size_t n) {
   int flags = Out_flags(f);
   if (Visible_isClean(s, n, flags))
      return fwrite(s, 1, n, f) == n ? 0 : -1;
   GvBuf b = GV_BUF_INIT;
   int rc = -1;
   if (Visible_append(&b, s, n, flags))
      rc = fwrite(b.data, 1, b.len, f) == b.len ? 0 : -1;
   GvBuf_free(&b);
   return rc;
}

int Out_puts(FILE *f, const char *s) {
   return Out_write(f, s ? s : "", s ? strlen(s) : 0);
}

int Out_vprintf(FILE *f, const char *fmt, va_list ap) {
   GvBuf b = GV_BUF_INIT;
   int rc = -1;
   if (GvBuf_vprintf(&b, fmt, ap))
      rc = Out_write(f, GvBuf_str(&b), b.len);
   GvBuf_free(&b);
   return rc;
}

int Out_printf(FILE *f, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   int rc = Out_vprintf(f, fmt, ap);
   va_end(ap);
   return rc;
}

int Out_document(const CliEnv *env, const char *cmd, const char *path, const char *buf,
                 size_t len, int text) {
   if (!path || strcmp(path, "-") == 0) {
      int w = text ? Out_write(stdout, buf, len) : (fwrite(buf, 1, len, stdout) == len ? 0 : -1);
      if (w != 0 || fflush(stdout) != 0 || ferror(stdout))
         return Cli_fail(env, "%s: cannot write to standard output: %s", cmd, strerror(errno));
      return CLI_OK;
   }
   char err[4096 + 256];
   if (ExportFile_write(FileIO_system(), path, buf, len, err, sizeof err) != 0)
      return Cli_fail(env, "%s: %s", cmd, err);
   return CLI_OK;
}
