/* The session's journal as the model holds it: every line run or replayed,
 * verbatim, grouped into entries. A `cmd` line with its `cmd+` lines is one
 * unit; `draft`, `undo` and `redo` lines are entries that are not units; a
 * line of an unknown TYPE (a newer gavel) is kept untouched. Undo and redo
 * only flip which units are in force; the state is then rebuilt by replaying
 * the units in force (and the drafts) in journal order. */
#ifndef GAVEL_MODEL_JOURNAL_H
#define GAVEL_MODEL_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GV_JOURNAL_VERSION 2
#define GV_JOURNAL_MAGIC "gavel-session"

typedef enum GvEntryKind {
   GV_ENTRY_UNIT,    /* a command (cmd + its cmd+ lines): undoable */
   GV_ENTRY_DRAFT,   /* `draft`: not an undo unit */
   GV_ENTRY_UNDO,
   GV_ENTRY_REDO,
   GV_ENTRY_OTHER,   /* unknown TYPE: kept verbatim, never interpreted */
} GvEntryKind;

/* A line: the whole line without its '\n', NUL-terminated, a slice of the
 * held text (Journal_hold; `at` its offset) or a copy (`at` is JOURNAL_COPY
 * and its index in Journal.copies). 8 bytes: read it with Journal_line. */
typedef struct JournalLine {
   uint32_t at;
   uint32_t len;
} JournalLine;

#define JOURNAL_COPY 0x80000000u   /* a held text is under 2 GiB (Journal_hold) */

/* No entry (a JournalEntry's target): UINT32_MAX, what (size_t)-1 becomes
 * when stored there, so GV_NONE and Journal_undo()'s "nothing" convert to it. */
#define GV_ENTRY_NONE UINT32_MAX

/* One a command, 16 bytes: indexes in 32 bits (a journal holds fewer than
 * 2^32 - 1 lines; Journal_append refuses more). */
typedef struct JournalEntry {
   uint32_t first;   /* index of its first line in Journal.lines */
   uint32_t nlines;
   uint32_t target;  /* UNDO/REDO: the unit entry they flipped; DRAFT: the
                      * intervention it wrote to (index), or GV_ENTRY_NONE */
   unsigned char kind;   /* a GvEntryKind */
   bool in_force;    /* a unit not undone (always true for other kinds) */
} JournalEntry;

typedef struct Journal {
   JournalLine *lines;
   size_t nlines, lines_cap;
   JournalEntry *entries;
   size_t nentries, entries_cap;
   uint32_t *forced; /* unit entries in force, in journal order (a stack) */
   size_t nforced, forced_cap;
   uint32_t *redo;   /* unit entries undone since the last new unit (a stack) */
   size_t nredo, redo_cap;
   bool orphans;     /* the last `cmd` replayed was refused: its cmd+ lines are too */
   size_t awaiting;  /* cmd+ lines the last `cmd:N` announced and has not had yet */
   char *held;       /* the text of the file opened (Journal_hold), or NULL */
   size_t held_len;
   void (*held_release)(char *held, size_t len); /* frees held; NULL: free() */
   char **copies;    /* the lines that are copies, in journal order (a stack) */
   size_t ncopies, copies_cap;
} Journal;

/* Line i, NUL-terminated; *len (if len) its length. */
static inline const char *Journal_line(const Journal *j, size_t i, size_t *len) {
   const JournalLine *l = &j->lines[i];
   if (len)
      *len = l->len;
   return l->at & JOURNAL_COPY ? j->copies[l->at & ~JOURNAL_COPY] : j->held + l->at;
}

/* Is this the header line "gavel-session N"? *version gets N. */
bool Journal_parse_header(const char *line, size_t len, int *version);

/* For model/ only. */
void Journal_init(Journal *j);
void Journal_clear(Journal *j);
/* Appends a line (copied) to the last entry, or starts a new entry of `kind`
 * when new_entry. False on ENOMEM (nothing added). */
bool Journal_append(Journal *j, const char *line, size_t len, bool new_entry, GvEntryKind kind);
/* The same for an open's line: a new entry whose line is in the held text
 * with the room reserved (Journal_reserve) takes a short path without a
 * call; anything else goes to Journal_append. */
static inline bool Journal_append_entry(Journal *j, const char *line, size_t len,
                                        GvEntryKind kind) {
   uintptr_t p = (uintptr_t)line, h = (uintptr_t)j->held;
   if (!(j->nlines < j->lines_cap && j->nentries < j->entries_cap &&
         (kind != GV_ENTRY_UNIT || j->nforced < j->forced_cap) && j->nlines < GV_ENTRY_NONE - 1 &&
         j->held && p >= h && p - h < j->held_len && len < j->held_len - (p - h)))
      return Journal_append(j, line, len, true, kind);
   uint32_t at = (uint32_t)(p - h), n = (uint32_t)j->nlines++;
   j->held[at + len] = '\0';
   j->lines[n] = (JournalLine){ at, (uint32_t)len };
   j->entries[j->nentries++] = (JournalEntry){ .first = n, .nlines = 1, .target = GV_ENTRY_NONE,
                                               .kind = (unsigned char)kind, .in_force = true };
   if (kind == GV_ENTRY_UNIT) {
      j->forced[j->nforced++] = (uint32_t)(j->nentries - 1);
      j->nredo = 0;   /* a new command ends what could be redone */
   }
   return true;
}
/* Room for n more lines and entries (a load that knows how many lines
 * come), so that the arrays are not copied as they grow. False on ENOMEM
 * (nothing lost: they grow as before). */
bool Journal_reserve(Journal *j, size_t n);
/* Takes text[0..len) (malloc'ed; freed by Journal_clear): a line appended
 * from inside it is kept as a slice of it, NUL-terminated in place of the
 * byte that follows it, instead of a copy. So a file read whole is held
 * once. Only one text is held, under 2 GiB; a second, or a longer one, is
 * not taken (false). */
bool Journal_hold(Journal *j, char *text, size_t len);
/* The same for a text that free() cannot release (a mapping): release
 * gets it back, with its len, when the journal is cleared. */
bool Journal_hold_with(Journal *j, char *text, size_t len, void (*release)(char *, size_t));
/* Forgets the last entry and its lines. */
void Journal_drop_last(Journal *j);
/* Recomputes in_force, targets of UNDO/REDO and the two stacks from the
 * entries alone. False on ENOMEM. */
bool Journal_recompute(Journal *j);
/* Live undo/redo: flips the unit on top of the stack; its entry index, or
 * (size_t)-1 when there is nothing to flip. The UNDO/REDO entry itself must be
 * appended by the caller, with this target. */
size_t Journal_undo(Journal *j);
size_t Journal_redo(Journal *j);

#endif
