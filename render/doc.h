/* A rendered outcome document before it has a format: the header block,
 * then headings, paragraphs and tables in reading order. The wording is
 * decided once (outcome.c, from the session); Markdown, HTML and text only
 * lay it out (outcome_md.c, outcome_html.c, outcome_txt.c). All strings are
 * owned by the Doc, clean UTF-8 (Chars_clean), not yet escaped. */
#ifndef GAVEL_RENDER_DOC_H
#define GAVEL_RENDER_DOC_H

#include <stddef.h>

typedef struct DocHeader {
   char *placeDate;   /* "Brussels, 5 July 2017" */
   char *language;    /* "en": printed as "(OR. en)" */
   char *docno;       /* "10876/17" */
   char *marking;     /* "LIMITE" or NULL */
   char **codes;      /* "CYBER 105", "COPEN 220", ... */
   size_t ncodes;
   char *title;       /* the document type: "OUTCOME OF PROCEEDINGS", "NOTE" */
   char *from;        /* "General Secretariat of the Council" */
   char *on;          /* "12 May 2017"; NULL or "": the On: line is left out */
   char *to;          /* "Horizontal Working Party on Cyber Issues" */
   char *subject;     /* "Summary of discussions" */
   /* Added for documents other than the reference (each may be empty): */
   char **to_lines;   /* every addressee of To:, one a line ("Delegations",
                       * "Coreper"); to is the first; ntoLines 0 or >= 2 */
   size_t nto_lines;
   char **extra_labels; /* header lines under the codes, as pairs: */
   char **extra_values; /* "Interinstitutional File" / "2018/0108 (COD)" */
   size_t nextra;
   char *access;      /* "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (12.02.2019)",
                       * printed above the header block; or NULL */
} DocHeader;

typedef enum DocKind {
   DOC_HEADING,   /* level 1: an item; 2: a sub-item; 3 and deeper below */
   DOC_DOCS,      /* the documents of an item: "Doc. 8946/17" */
   DOC_PARA,      /* a paragraph of running text */
   DOC_ANNEX,     /* an annex title: "ANNEX I: Attendance" */
   DOC_TABLE,     /* rows x cols cells, the first row the header */
   DOC_CHART,     /* a bar per label (cells: rows x 1) and value; HTML only */
   DOC_LIST,      /* a bulleted list: cells[0..rows) the entries (cols 1) */
} DocKind;

typedef struct DocBlock {
   DocKind kind;
   int level;        /* DOC_HEADING */
   char *number;     /* DOC_HEADING: "3.1." or "a)", or the house style's mark
                      * ("–") for a heading that is not an agenda item;
                      * DOC_ANNEX: "I" */
   char *text;       /* heading title, paragraph, annex title */
   char **cells;     /* DOC_TABLE: rows * cols strings */
   size_t rows, cols;
   unsigned numeric; /* DOC_TABLE: bit c set when column c holds numbers (right-aligned) */
   unsigned nowrap;  /* DOC_TABLE: bit c set when column c holds short words kept whole */
   double *values;   /* DOC_CHART: rows values */
} DocBlock;

struct Doc;
typedef void (*DocEmit)(void *ctx, const struct Doc *d, const DocBlock *b);

typedef struct Doc {
   DocHeader header;
   DocBlock *blocks;
   size_t count, cap;
   DocEmit emit;   /* NULL: every block is kept until Doc_free */
   void *emitCtx;
} Doc;

void Doc_init(Doc *d);
void Doc_free(Doc *d);

/* Streams the document: from now on each block is handed to emit (and
 * freed) as soon as it is complete, i.e. when the next one starts, so that
 * a long meeting is never held whole. The header must be complete before
 * the first block. Doc_flush hands over the last one. */
void Doc_stream(Doc *d, DocEmit emit, void *ctx);
void Doc_flush(Doc *d);

/* Each copies (and cleans) its strings. */
void Doc_heading(Doc *d, int level, const char *number, const char *title);
void Doc_docs(Doc *d, const char *text);
void Doc_para(Doc *d, const char *text);
/* Continues the last block when it is a paragraph (a blank, then text),
 * else starts one: one paragraph with several speakers' sentences. */
void Doc_paraMore(Doc *d, const char *text);
/* A bulleted list of n entries. */
void Doc_list(Doc *d, const char *const *entries, size_t n);
void Doc_annex(Doc *d, const char *number, const char *title);
/* A table of rows x cols; cells are copied. numeric and nowrap are column
 * bit masks (numbers are kept whole too). */
void Doc_table(Doc *d, const char *const *cells, size_t rows, size_t cols, unsigned numeric,
               unsigned nowrap);
/* A bar chart titled title; valueText labels each bar's value ("12:30"). */
void Doc_chart(Doc *d, const char *title, const char *const *labels, const char *const *valueText,
               const double *values, size_t n);

/* Sets a header field: frees the old value, stores a cleaned copy (NULL clears). */
void Doc_set(char **field, const char *value);
void Doc_addCode(Doc *d, const char *code);
void Doc_addTo(Doc *d, const char *addressee);
void Doc_addExtra(Doc *d, const char *label, const char *value);

#endif
