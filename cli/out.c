/* fopencookie: a FILE* that makes controls visible as it writes */
#define _GNU_SOURCE
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

typedef struct OutFill {
   int (*fill)(FILE *out, void *ctx);
   void *ctx;
   int composed;
} OutFill;

static int Out_fill(FILE *out, void *ctx) {
   OutFill *of = ctx;
   of->composed = of->fill(out, of->ctx);
   return of->composed;
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

/* Standard output through Out_write a buffer at a time. A UTF-8 sequence
 * cut by the end of a buffer is kept for the next, so that it is not shown
 * as broken bytes. */
typedef struct OutText {
   FILE *dest;
   char held[4];
   size_t nheld;
} OutText;

/* The length of the UTF-8 sequence that lead byte c begins (1 for a byte
 * that begins none: Visible_append shows it as it is). */
static size_t Out_seqLen(unsigned char c) {
   return c >= 0xF0 && c <= 0xF7 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 1;
}

/* How many bytes at the end of s[0..n) begin a sequence that is not
 * complete yet (0..3). */
static size_t Out_cut(const char *s, size_t n) {
   for (size_t back = 1; back <= 3 && back <= n; back++) {
      unsigned char c = (unsigned char)s[n - back];
      if ((c & 0xC0) == 0x80)
         continue;  /* a continuation byte: its lead is further back */
      return Out_seqLen(c) > back ? back : 0;
   }
   return 0;
}

static ssize_t Out_textWrite(void *cookie, const char *buf, size_t len) {
   OutText *t = cookie;
   size_t used = 0;
   if (t->nheld > 0) {
      /* the rest of the sequence held back from the last buffer */
      size_t need = Out_seqLen((unsigned char)t->held[0]);
      while (t->nheld < need && used < len && ((unsigned char)buf[used] & 0xC0) == 0x80)
         t->held[t->nheld++] = buf[used++];
      if (t->nheld < need && used == len)
         return (ssize_t)len;  /* still not complete */
      if (Out_write(t->dest, t->held, t->nheld) != 0)
         return -1;
      t->nheld = 0;
   }
   size_t cut = Out_cut(buf + used, len - used);
   if (Out_write(t->dest, buf + used, len - used - cut) != 0)
      return -1;
   memcpy(t->held, buf + len - cut, cut);
   t->nheld = cut;
   return (ssize_t)len;
}

static int Out_textClose(void *cookie) {
   OutText *t = cookie;
   int rc = t->nheld > 0 ? Out_write(t->dest, t->held, t->nheld) : 0;
   t->nheld = 0;
   return rc;
}

int Out_documentWith(const CliEnv *env, const char *cmd, const char *path,
                     int (*fill)(FILE *out, void *ctx), void *ctx, int text,
                     int *composeFailed) {
   *composeFailed = 0;
   if (!path || strcmp(path, "-") == 0) {
      int composed, bad;
      if (text) {
         OutText t = { .dest = stdout, .nheld = 0 };
         cookie_io_functions_t fns = { .read = NULL, .write = Out_textWrite, .seek = NULL,
                                       .close = Out_textClose };
         FILE *f = fopencookie(&t, "w", fns);
         if (!f)
            return Cli_fail(env, "%s: out of memory", cmd);
         composed = fill(f, ctx);
         bad = ferror(f);
         bad |= fclose(f) != 0;
      } else {
         composed = fill(stdout, ctx);
         bad = 0;
      }
      bad |= fflush(stdout) != 0 || ferror(stdout);
      if (composed != 0) {
         *composeFailed = 1;
         return CLI_FAIL;
      }
      if (bad)
         return Cli_fail(env, "%s: cannot write to standard output: %s", cmd, strerror(errno));
      return CLI_OK;
   }
   char err[4096 + 256];
   /* ExportFile_writeWith calls fill once; its result is kept to tell a
    * document that could not be composed from a write error */
   OutFill of = { .fill = fill, .ctx = ctx, .composed = 0 };
   if (ExportFile_writeWith(FileIO_system(), path, Out_fill, &of, err, sizeof err) != 0) {
      if (of.composed != 0) {
         *composeFailed = 1;
         return CLI_FAIL;
      }
      return Cli_fail(env, "%s: %s", cmd, err);
   }
   return CLI_OK;
}
