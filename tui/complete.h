/* Tab completion for the `:` line: command names, then what each command
 * takes next (delegation codes, item numbers, stances, statuses...). The
 * candidates that depend on the session come in a CompleteSource, so this
 * needs neither curses nor a session. */
#ifndef GAVEL_TUI_COMPLETE_H
#define GAVEL_TUI_COMPLETE_H

#include <stddef.h>

typedef struct CompleteSource {
   const char *const *codes;  /* delegation codes of the roster */
   size_t ncodes;
   const char *const *items;  /* agenda item numbers: "1", "3.1" */
   size_t nitems;
} CompleteSource;

#define COMPLETE_MAX 64

typedef struct Completion {
   size_t start;                     /* byte offset of the word being completed */
   size_t end;                       /* the cursor */
   int n;                            /* matches found (may exceed COMPLETE_MAX) */
   const char *match[COMPLETE_MAX];
   char common[128];                 /* longest common prefix of the matches */
} Completion;

/* Completes the word that ends at cursor in line. Returns the number of
 * matches. */
int Complete_line(const char *line, size_t cursor, const CompleteSource *src, Completion *out);

/* Applies a completion to line (in place, cap bytes): a single match
 * replaces the word and adds a space; several extend it to their common
 * prefix. Returns the new cursor. */
size_t Complete_apply(char *line, size_t cap, const Completion *c);

/* The command names of the language, NULL-terminated (also used for help). */
extern const char *const Complete_commands[];

#endif
