/* Command lines of the language built from INI files: a roster becomes
 * "delegation ..." lines, an agenda "set ...", "roster ..." and
 * "item add ..." lines. A growable list of NUL-terminated lines. */
#ifndef GAVEL_STORAGE_INI_COMMANDS_H
#define GAVEL_STORAGE_INI_COMMANDS_H

#include <stddef.h>

typedef struct IniCommands {
   char **line; /* count lines, then a NULL */
   int count, cap;
   int *at;     /* the file line each came from (0: none), count of them */
   char *file;  /* the file they came from, for "FILE:LINE:" (NULL: none) */
} IniCommands;

/* Appends one line made with printf-style fmt. */
void IniCommands_add(IniCommands *c, const char *fmt, ...)
#if defined(__GNUC__)
   __attribute__((format(printf, 2, 3)))
#endif
   ;

/* The same, made from line `at` of the file c->file: a value that the model
 * refuses later is named by its place. */
void IniCommands_addAt(IniCommands *c, int at, const char *fmt, ...)
#if defined(__GNUC__)
   __attribute__((format(printf, 3, 4)))
#endif
   ;

/* Sets c->file (copied). */
void IniCommands_setFile(IniCommands *c, const char *file);

/* Frees the lines (not c itself) and empties the list. */
void IniCommands_clear(IniCommands *c);

/* value as one double-quoted word of the command language: '"' and '\'
 * are escaped with '\'. A new string; free it. */
char *IniCommands_quote(const char *value);

/* Every line followed by '\n', as one new string; free it. */
char *IniCommands_join(const IniCommands *c);

#endif
