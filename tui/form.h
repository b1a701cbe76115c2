/* Small forms for the record keys: a few fields filled one after the other
 * (a choice from a list, a text, a date shown resolved as it is typed, a
 * delegation or an item found as it is typed). The last Enter builds one
 * command line of the language and runs it through App_run, like the `:`
 * line; the line being built is shown under the fields. Esc cancels. */
#ifndef GAVEL_TUI_FORM_H
#define GAVEL_TUI_FORM_H

#include "tui/editor.h"

struct App;

typedef enum FormKind {
   FORM_OUTCOME,
   FORM_DEADLINE,
   FORM_POSITION,
   FORM_RESERVE,
   FORM_ITEM_ADD,
   FORM_PRESENTS,
   FORM_ACTION,
   FORM_GROUP,         /* group PHRASE [CODE...]: TEXT */
   FORM_PARAGRAPH,     /* paragraph TEXT: the item's own words */
} FormKind;

typedef enum FieldKind {
   FIELD_CHOICE,       /* one word of choices: a digit or its first letter picks it */
   FIELD_TEXT,
   FIELD_DATE,         /* "31 May", "31/05", ISO: resolved with the session's year */
   FIELD_DELEGATION,   /* a code or a name, as in the picker */
   FIELD_ITEM,         /* an item number */
   FIELD_MEMBERS,      /* delegations, one after the other: Tab adds the match */
} FieldKind;

#define FORM_FIELDS 6

typedef struct FormField {
   FieldKind kind;
   const char *label;
   const char *const *choices;  /* FIELD_CHOICE: NULL-terminated */
   int optional;                /* an empty entry is allowed (and left out) */
   char def[64];                /* DELEGATION: the code an empty entry takes */
   int sel;                     /* CHOICE: highlighted; DELEGATION: which match */
   char text[512];              /* what was typed */
   char list[256];              /* MEMBERS: the codes added so far, blank-separated */
} FormField;

typedef struct Form {
   FormKind kind;
   char title[160];
   char prefix[64];             /* "on 3 " when the item is not the current one */
   FormField f[FORM_FIELDS];
   int n, at;
   Editor ed;                   /* the text of the field being typed */
   char note[512];              /* why Enter was not taken, shown in the form */
} Form;

/* Opens a form over the screen; returns redraw flags (a message instead
 * when it cannot apply, e.g. nobody has the floor to present a document). */
unsigned Form_open(struct App *app, FormKind kind);
unsigned Form_key(struct App *app, int key);
void Form_draw(struct App *app);

/* The command line the form builds from what is entered so far (no curses:
 * the tests call it). */
void Form_line(struct App *app, char *out, size_t n);

/* The resolved value of field i as it stands: a choice's word, a date's ISO
 * form, a delegation's code; "" when empty or unresolved. */
const char *Form_value(struct App *app, int i, char *buf, size_t n);

#endif
