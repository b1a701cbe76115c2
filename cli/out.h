/* What the batch commands print to standard output and standard error:
 * every byte of it passes through Visible_append (model/visible.h), so that
 * a note, a title, a name or a file name quoted in a message cannot drive
 * the terminal (ESC, BEL, C1, bidirectional overrides show as ^[, ^G, \x9b,
 * <U+202E>). Newlines and tabs pass. When the stream is a terminal and the
 * locale's character set is not UTF-8 (LANG=C, a Latin-1 locale), what is
 * not ASCII is transliterated ("Espana") or shown as '?'; a pipe or a file
 * gets UTF-8 as it is. */
#ifndef GAVEL_CLI_OUT_H
#define GAVEL_CLI_OUT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Reads the locale's character set (LC_CTYPE from the environment); main()
 * calls it once, before anything is printed. */
void Out_init(void);

/* True when the locale's character set is UTF-8. */
int Out_utf8(void);

/* The Visible_append flags for text printed to f. */
int Out_flags(FILE *f);

/* Prints s[0..n) to f through Visible_append. 0, or -1 (ENOMEM, or f
 * failed). */
int Out_write(FILE *f, const char *s, size_t n);
int Out_puts(FILE *f, const char *s);
int Out_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int Out_vprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* A finished document of the command cmd ("render", "actions"): to
 * standard output when path is NULL or "-" (text: through Visible_append,
 * as Markdown and plain text are read on a terminal; else as it is, the
 * renderer has escaped it), else to path by ExportFile_write. The exit
 * code, after a message on failure. */
struct CliEnv;
int Out_document(const struct CliEnv *env, const char *cmd, const char *path, const char *buf,
                 size_t len, int text);

/* The same, composed by fill into a FILE* as it goes, so that a large
 * document is never held whole: to standard output (text through
 * Visible_append a piece at a time, a character never split), or into the
 * temporary file that replaces path (ExportFile_writeWith). fill returns
 * 0, or -1 when it could not compose the document: then the exit code is
 * CLI_FAIL, *composeFailed is set, and the caller says why (a file is left
 * as it was; standard output may have had part of it). */
int Out_documentWith(const struct CliEnv *env, const char *cmd, const char *path,
                     int (*fill)(FILE *out, void *ctx), void *ctx, int text,
                     int *composeFailed);

#endif
