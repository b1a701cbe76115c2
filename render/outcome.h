/* The outcome of proceedings: a recorded session turned into the draft the
 * note-taker owes after the meeting (see the reference document
 * shared/reference/outcome-of-proceedings-10876-17.md). Outcome_build()
 * decides the wording; Outcome_write() lays it out as Markdown, HTML,
 * plain text or Word (.docx) on a FILE* (render/ opens no file). */
#ifndef GAVEL_RENDER_OUTCOME_H
#define GAVEL_RENDER_OUTCOME_H

#include <stddef.h>
#include <stdio.h>

#include "model/style.h"
#include "render/doc.h"

struct Session;

typedef enum OutcomeFormat {
   OUTCOME_MD,
   OUTCOME_HTML,
   OUTCOME_TXT,
   OUTCOME_DOCX,  /* binary: a ZIP container */
} OutcomeFormat;

enum {
   OUTCOME_ANNEX_ATTENDANCE = 1,  /* present, videoconference, absent */
   OUTCOME_ANNEX_SPEAKERS = 2,    /* interventions and speaking time per delegation */
   OUTCOME_ANNEX_ACTIONS = 4,     /* the action list and the deadlines */
};

typedef struct OutcomeOptions {
   int annexes;          /* OUTCOME_ANNEX_* in the order attendance, speakers, actions */
   const char *docDate;  /* the date of the document, ISO; NULL: `set doc-date`, else
                          * the meeting date */
   const Style *style;   /* the house style; NULL: the built-in council style */
} OutcomeOptions;

/* Does a note read as a predicate that needs its speaker as subject
 * ("presented the text"), rather than a sentence of its own? Only on clear
 * evidence: a lower-case verb (past in -ed, or a known verb, or one of the
 * style's verbs), perhaps after an adverb. st may be NULL. */
int Outcome_isPredicateText(const char *text, const Style *st);

/* "md", "markdown", "html", "txt", "text", "docx". 0, or -1 when unknown. */
int Outcome_parseFormat(const char *s, OutcomeFormat *f);

/* "attendance,speakers,actions" (any order, any subset; "all"). 0, or -1
 * with the unknown word in err. */
int Outcome_parseAnnexes(const char *s, int *annexes, char *err, size_t errlen);

/* Fills d (Doc_init'ed by the caller, Doc_free it) from the session. */
void Outcome_build(Doc *d, const struct Session *s, const OutcomeOptions *o);

/* Builds and writes in one go, each block laid out and freed as soon as it
 * is complete (Doc_stream), so that a long meeting is never held whole.
 * 0, or -1 when the document could not be composed (a .docx too large for
 * its container; part of it may be written); write errors are the FILE's
 * (ferror). */
int Outcome_write(FILE *out, const struct Session *s, OutcomeFormat f, const OutcomeOptions *o);

#endif
