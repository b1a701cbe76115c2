/* INI files (rosters, agendas, config, themes), read so that no mistake in
 * them passes in silence: every problem is a "file:line: message".
 *
 * iniparser 4.1 reads INI files with traps a user cannot see: it cuts an
 * unquoted value at ';' or '#', lower-cases keys and section names, lets a
 * repeated key or section win silently, rejects the whole file for one line
 * over 1022 bytes, and says nothing about where a problem is. So this module
 * lexes the buffer itself (it needs the line of everything anyway) and loads
 * each key/value into an iniparser dictionary with iniparser_set(), whose
 * getters answer Ini_get(). The format it accepts (doc/gavel-rosters.5):
 *
 *   - a comment is a line whose first non-blank character is ';' or '#';
 *     there are no comments after a value: "title = AOB; HU point" keeps
 *     the whole text, ';' and '#' included;
 *   - "[name]": a section; names are ASCII letters, digits and - _ . /,
 *     compared ignoring case, each at most once per file;
 *   - "key = value": keys are ASCII letters, digits and - _ ., compared
 *     ignoring case, each at most once per section; the value is the rest of
 *     the line with the blanks around it removed; a value that starts with '"'
 *     ends at the next unescaped '"' (\" and \\ inside), which keeps blanks
 *     at its ends; a trailing '\' is text, not a line continuation;
 *   - no line length limit; UTF-8 only; a leading byte-order mark and CR
 *     before LF are ignored.
 *
 * No global state; the parser takes a buffer and its length. */
#ifndef GAVEL_STORAGE_INI_H
#define GAVEL_STORAGE_INI_H

#include <stddef.h>

/* Longest section name and key (iniparser keeps "section:key" in a 1 KiB
 * buffer when it looks one up). */
#define INI_NAME_MAX 64

typedef struct Ini Ini;

typedef struct IniKey {
   const char *key;   /* as written in the file (case kept) */
   const char *value; /* unquoted, verbatim */
   int line;
} IniKey;

/* Parses buf[0..len) read from a file called name (used in messages).
 * Always returns an Ini (NULL only when out of memory); check
 * Ini_errorCount(): a file with errors still holds every line that parsed. */
Ini *Ini_parse(const char *buf, size_t len, const char *name);

/* Reads and parses the file at path. A file that cannot be read gives an Ini
 * with no sections and the error "path: cannot read: reason". */
Ini *Ini_load(const char *path);

void Ini_free(Ini *ini);

const char *Ini_name(const Ini *ini);

/* Sections in file order. */
int Ini_sectionCount(const Ini *ini);
const char *Ini_sectionName(const Ini *ini, int s); /* as written */
int Ini_sectionLine(const Ini *ini, int s);
/* The index of a section (case ignored), or -1. */
int Ini_findSection(const Ini *ini, const char *name);

/* Keys of section s in file order. */
int Ini_keyCount(const Ini *ini, int s);
IniKey Ini_key(const Ini *ini, int s, int k);

/* The value of section:key (case ignored), or NULL. */
const char *Ini_get(const Ini *ini, const char *section, const char *key);
/* The line of section:key, or of the section if key is NULL; 0 if absent. */
int Ini_line(const Ini *ini, const char *section, const char *key);

/* Problems found, each "name:line: message" (or "name: message"). */
int Ini_errorCount(const Ini *ini);
const char *Ini_error(const Ini *ini, int i);
/* Adds a problem of the caller's (a roster without a name ...), so that one
 * list holds every message about the file. line 0: no line. */
void Ini_report(Ini *ini, int line, const char *fmt, ...)
#if defined(__GNUC__)
   __attribute__((format(printf, 3, 4)))
#endif
   ;
/* Every problem, one per line, each ending in '\n'; "" if none. Free it. */
char *Ini_errorText(const Ini *ini);

/* Checks that every key of section s is one of the NULL-terminated list
 * allowed, reporting the others ("unknown key 'nmae' in [FR]"). */
void Ini_checkKeys(Ini *ini, int s, const char *const *allowed);

#endif
