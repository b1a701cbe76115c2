/* House style: every choice where real outcome documents differ, read from
 * a style file (styles/NAME.ini, storage/style_file.c) and used by the
 * renderer. Pure data; the defaults are those of styles/council.ini, the
 * reference document 10876/17. */
#ifndef GAVEL_MODEL_STYLE_H
#define GAVEL_MODEL_STYLE_H

#include <stdbool.h>

#include "model/agenda.h"

typedef enum StyleAlsoOrder {
   STYLE_ORDER_PROTOCOL,      /* the Council's protocol order */
   STYLE_ORDER_SPEAKING,      /* the order they spoke in */
   STYLE_ORDER_ALPHABETICAL,  /* by code */
} StyleAlsoOrder;

typedef struct Style {
   GvNumbering numbering;     /* numbering = numeric | letters */
   bool attendance_names;     /* attendance = codes | names */
   bool video_in;             /* videoconference = by | in */
   StyleAlsoOrder also_order; /* also-took-the-floor = protocol | speaking | alphabetical */
   bool deadline_year;        /* deadline-year = always (not other-years) */
   bool subject_pronoun;      /* subject-again = repeat | pronoun */
   bool item_documents;       /* item-documents = yes | no */
   bool info_headings;        /* information-points = paragraphs | headings */
   bool deadline_joins;       /* deadline-paragraph = own | last */
   bool chair_name;           /* chair = phrase | name */
   char heading_mark[16];     /* heading-mark = – */
   char verbs[512];           /* verbs = extra predicate openers, blank-separated */
} Style;

/* The house style of styles/council.ini. */
void Style_default(Style *st);

/* Sets one key from its value. 0, or -1 with what is wrong in msg. */
int Style_set(Style *st, const char *key, const char *value, char *msg, size_t msglen);

/* The keys, for messages and documentation: i = 0, 1, ... until NULL. */
const char *Style_key(size_t i);

#endif
