/* Searching recorded text: a query of words and "quoted phrases", each of
 * which must occur in the text, compared case- and accent-insensitively
 * (Utf8_fold_cp: `ελλαδα` finds `Ελλάδα`, `securite` finds `sécurité`).
 * A word matches anywhere, also inside a longer word, as grep -Fi does.
 * Matches come back as byte offsets in the original text so that a caller
 * can mark them. Pure: no I/O. */
#ifndef GAVEL_MODEL_MATCH_H
#define GAVEL_MODEL_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "model/buf.h"
#include "model/status.h"

typedef struct MatchQuery {
   char **terms;      /* folded words and phrases, NUL-terminated */
   size_t *lens;
   size_t *rare;      /* per term, its rarest byte: where a search looks first */
   size_t *rare2;     /* and its next rarest (rare again for a one-byte term) */
   size_t count;
   bool raw_ok;       /* every term can be looked for in raw journal bytes */
   bool line_ok;      /* no term has \\, a tab or a newline: Match_lines applies */
} MatchQuery;

/* One occurrence: text[start..end) in the original (unfolded) bytes. */
typedef struct MatchSpan {
   size_t start, end;
} MatchSpan;

/* Splits s[0..n) into terms (blanks separate, "..." keeps a phrase, an
 * unclosed quote runs to the end). GV_USAGE with msg when there is no term,
 * GV_BAD_UTF8 when s is not UTF-8. */
GvStatus MatchQuery_parse(MatchQuery *q, const char *s, size_t n, char *msg, size_t msglen);
void MatchQuery_free(MatchQuery *q);

/* Appends the folded form of s[0..n) to out (never longer than n bytes). */
bool Match_fold(GvBuf *out, const char *s, size_t n);

/* Works out the folding tables now (they are otherwise worked out on the
 * first fold): call once before folding or matching from two threads. */
void Match_ready(void);

/* True when every term of q occurs in text[0..n). spans (may be NULL when
 * max is 0) gets the occurrences of every term, sorted by start and merged
 * where they overlap, at most max; *nspans their number. scratch is reused
 * between calls to spare allocations. */
bool Match_text(const MatchQuery *q, const char *text, size_t n, GvBuf *scratch,
                MatchSpan *spans, size_t max, size_t *nspans);

/* Match_text for a caller that has the folded text already: f[0..flen)
 * is Match_fold of text[0..n) (the folded lines of the archive cache). */
bool Match_textFolded(const MatchQuery *q, const char *text, size_t n, const char *f, size_t flen,
                      MatchSpan *spans, size_t max, size_t *nspans);

/* Match_textFolded told where the query's lead term (Match_lead) first
 * occurs in f: at f[first] (first >= flen: nowhere; SIZE_MAX: not known).
 * Nothing is looked for before it. */
bool Match_textFoldedFrom(const MatchQuery *q, const char *text, size_t n, const char *f,
                          size_t flen, size_t first, MatchSpan *spans, size_t max,
                          size_t *nspans);

/* Where a folded line's bytes are shorter than its source's, for a folded
 * offset to be mapped back from near it: one letter for each byte the
 * folding took away, 'A' + the block of MATCH_MARK_BLOCK folded bytes that
 * holds the character it folded (in order). Match_foldMarks writes them for
 * s[0..n) into marks (room letters at most) and returns how many (n less
 * the folded length); SIZE_MAX when a character's folded form crosses a
 * block or lies past the last block 'Z': none can be given. */
#define MATCH_MARK_BLOCK 16
size_t Match_foldMarks(const char *s, size_t n, char *marks, size_t room);

/* A folded field's line marks: its line's letters (n of them), and where
 * the field starts in the folded line (fbase) and in its source (obase). */
typedef struct MatchMarks {
   const char *marks;
   size_t n, fbase, obase;
} MatchMarks;

/* Match_textFoldedFrom with the marks of f's line (NULL: none): an offset
 * is mapped back from the start of its block, not from the field's. */
bool Match_textFoldedMarked(const MatchQuery *q, const char *text, size_t n, const char *f,
                            size_t flen, size_t first, const MatchMarks *marks, MatchSpan *spans,
                            size_t max, size_t *nspans);

/* The term a search of lines looks for first (the longest). */
size_t Match_lead(const MatchQuery *q);

/* A quick test on a whole session file before it is read: false only when
 * some term cannot occur in any text the file holds (the journal keeps text
 * as typed, with \n and \\ escapes, which no term crosses unless it has a
 * backslash or a quote: then the answer is true). */
bool Match_couldContain(const MatchQuery *q, const char *raw, size_t n, GvBuf *scratch);

/* In folded (Match_fold's output, many lines each ending in '\n'), the
 * lines that hold every term of q: their numbers (0 first, ascending) into
 * *lines, grown as needed (*cap; reused between calls). Returns how many, or
 * SIZE_MAX when out of memory. Only for a q with line_ok; a line found can
 * still fail Match_text on its fields (a term across two fields), never the
 * other way round. */
size_t Match_lines(const MatchQuery *q, const char *folded, size_t n, size_t **lines, size_t *cap);

/* Match_lines with where each line found is in folded instead of its
 * number: its start and length (without its '\n'), and where in it the
 * lead term (Match_lead) first occurs, from its start. Faster: it does not
 * count the lines. */
typedef struct MatchLine {
   size_t start, len, at;
} MatchLine;
size_t Match_linesAt(const MatchQuery *q, const char *folded, size_t n, MatchLine **lines,
                     size_t *cap);

#endif
