/* What is recorded on the item, as a list that takes the focus (Tab): its
 * interventions and paragraphs in reading order, then positions,
 * reservations, deadlines and actions. Beside the notes from 120x40; in the
 * notes' place when focused on a smaller screen. Enter on a row edits its
 * text in the notes editor; keys correct its speaker, delete it and move it,
 * each through the language's correction commands (edit, speaker, delete,
 * move REF before|after REF). */
#ifndef GAVEL_TUI_RECORDS_PANE_H
#define GAVEL_TUI_RECORDS_PANE_H

#include <stddef.h>

#include "tui/app.h"

typedef enum RecordKind {
   REC_INTERVENTION,   /* index into s->floor.list */
   REC_PARA,           /* index into s->rec.paras: a paragraph or a group's */
   REC_POSITION,       /* index into s->rec.pos */
   REC_RESERVATION,    /* index into s->rec.res */
   REC_DEADLINE,       /* index into s->rec.deadlines */
   REC_ACTION,         /* index into s->rec.actions */
} RecordKind;

typedef struct RecordRef {
   RecordKind kind;
   size_t index;
} RecordRef;

/* The item the list is about: the current one, else the agenda's selection
 * (read-only: the agenda's selection first); GV_NONE when there is none. */
size_t RecordsPane_item(App *app);

/* The records of item in list order; writes at most max into out (which may
 * be NULL) and returns how many there are. One pass over each array. */
size_t RecordsPane_list(App *app, size_t item, RecordRef *out, size_t max);

void RecordsPane_draw(App *app, Rect r);
unsigned RecordsPane_move(App *app, int dir);

/* Enter on the selected record: its text into the notes editor; leaving
 * the editor (Esc) runs `edit REF TEXT` when the text changed. */
unsigned RecordsPane_edit(App *app);
/* Leaves the editing of a record: saves (`edit REF TEXT`) or drops it. */
unsigned RecordsPane_editDone(App *app, int save);
/* The picker, then `speaker REF CODE`. */
unsigned RecordsPane_speaker(App *app);
/* Asks, then `delete REF`. */
unsigned RecordsPane_delete(App *app);
/* `move REF before|after REF`: one place up (dir -1) or down (1). */
unsigned RecordsPane_reorder(App *app, int dir);

#endif
