/* The live screen's state and the plumbing every pane shares: running a
 * command line through the journal, messages, the clock, redraw flags.
 *
 * Handlers never draw: they change state and return what must be redrawn
 * (RD_* flags); the main loop paints once per batch of keys. */
#ifndef GAVEL_TUI_APP_H
#define GAVEL_TUI_APP_H

#include <stdint.h>
#include <time.h>

#include "model/buf.h"
#include "tui/cmdline.h"
#include "tui/draw.h"
#include "tui/editor.h"
#include "tui/form.h"
#include "tui/keys.h"
#include "tui/mark_move.h"
#include "tui/theme.h"

struct Session;
typedef struct SessionFile SessionFile;

#define NOTES_ROWS_KEPT 256

enum {
   RD_NONE = 0,
   RD_AGENDA = 1 << 0,
   RD_FLOOR = 1 << 1,
   RD_NOTES = 1 << 2,
   RD_STATUS = 1 << 3,
   RD_OVERLAY = 1 << 4,
   RD_AGENDA_SEL = 1 << 5, /* only the agenda's selection moved on screen */
   RD_QUEUE_SEL = 1 << 6,  /* only the queue's selection moved on screen */
   RD_NOTES_TEXT = 1 << 7, /* only the text in the notes editor changed */
   RD_ALL = 0xff,
   RD_CLEAR = 1 << 8,     /* clear the screen first (resize, overlay closed) */
   RD_QUIT = 1 << 9,
};

typedef enum Focus { FOCUS_AGENDA, FOCUS_FLOOR, FOCUS_NOTES, FOCUS_RECORDS, FOCUS_COUNT } Focus;

typedef enum Overlay {
   OV_NONE,
   OV_HELP,
   OV_PICKER,
   OV_ROSTER,
   OV_STATS,
   OV_CONFIRM_QUIT,
   OV_DETAIL,     /* read-only review of the selected item */
   OV_FORM,       /* a record form (tui/form.h) */
   OV_CONFIRM,    /* y/n before running app->confirmLine */
   OV_DELEG,      /* one delegation's records: this meeting, or (Tab) the archive */
} Overlay;

/* What the picker does with the chosen delegation. */
typedef enum PickMode { PICK_FLOOR, PICK_POINT, PICK_GIVE, PICK_WITHDRAW, PICK_POSITION, PICK_SPEAKER, PICK_VIEW } PickMode;

#define PICKER_MAX 64

typedef struct Picker {
   PickMode mode;
   char query[128];
   size_t codes[PICKER_MAX];   /* roster indexes matched, best first */
   int n, sel;
   char queued[512];           /* what this picker has queued so far */
   char ref[40];               /* PICK_SPEAKER: the record whose speaker is corrected */
} Picker;

typedef struct App {
   SessionFile *sf;
   char path[4096];
   const char *datadir;        /* -D DIR, or NULL */
   int readOnly;
   char roReason[512];
   int follow;                 /* gavel follow: read-only, reloads appended lines */
   long followSize;            /* bytes of the file last loaded */
   time_t followMtime;

   KeyMap keys;
   KeyDef keydefs[64];
   int extKeys[7];             /* this terminal's codes for Ctrl+arrows... */
   int ascii;                  /* no UTF-8 glyphs (linux console, non-UTF-8 locale) */
   Theme *theme;               /* from the config's theme = NAME */
   int attr[ROLE_COUNT];
   int colour;

   int rows, cols;
   Rect rAgenda, rFloor, rNotes;
   Rect rRecords;              /* beside the notes from 120x40; else h = 0 (drawn over the notes) */
   int tooSmall;
   Focus focus;
   Overlay overlay;
   int overlayScroll;
   int statsMeeting;           /* stats view: 1 = whole meeting, 0 = current item */

   int cmdOpen;
   Cmdline cmd;
   History history;

   Picker picker;
   Form form;
   char confirmAsk[256];       /* OV_CONFIRM: the question */
   char confirmLine[256];      /* OV_CONFIRM: the command a yes runs */

   Editor notes;
   char notesFor[37];          /* uuid of the intervention the editor holds */
   char editRef[40];           /* a record's short reference while its text is
                                * edited in the notes editor; "" otherwise */
   char editWhat[160];         /* that record's row, for the pane's title */
   unsigned long notesSaved;   /* editor version last journaled */
   /* What the notes pane shows now (tui/notes_pane.c): its frame's title and
    * place, and a hash of each text row, so that a key typed redraws the
    * rows it changed and nothing else. */
   char notesTitle[256];
   Rect notesRect;
   int notesDrawn;
   unsigned notesRowHash[NOTES_ROWS_KEPT];
   struct timespec lastType;   /* last change of the editor */
   struct timespec firstUnsaved; /* first change not yet journaled */

   GvBuf problems;             /* config and theme problems, "file:line: message\n"... */
   int nproblems;

   char message[512];
   int messageRole;            /* ROLE_ERROR, ROLE_OK, ROLE_NORMAL */
   int lastSaved;              /* the last command reached the disk */

   int agendaSel;              /* row in Agenda_count order */
   int agendaTop;
   int agendaDrawnSel;         /* the row drawn selected last, -1: none */
   int agendaRows;             /* item rows the last draw had room for */
   int queueSel;               /* row in the queue */
   int queueDrawnSel;          /* as for the agenda: the row drawn selected last, */
   int queueTop, queueShown;   /* the first row shown and how many (of queueRows), */
   int queueRows;
   int queueY;                 /* and the screen row of the first (0: not drawn) */
   int selRow;                 /* config selection = row: the selected row highlighted
                                * whole; 0: a mark in the marker column */
   int recordSel, recordTop;   /* row in the item's record list (tui/records_pane.h) */
   int speakingLimit;          /* seconds; 0 = off */
   int clockMode;              /* CONFIG_CLOCK_SECONDS, _MINUTES, _OFF (config clock =) */
   int mouse;                  /* config mouse = yes (1) or no (0) */
   int cursorY, cursorX;       /* the focused list's selected row, -1: none */
   int moveOldY, moveNewY;     /* a move of the marks: the rows of the old and the new */
   int moveX;                  /* mark and their column (moveOldY -1: none) */
   MarkCursor cursorAt;        /* where the terminal's cursor is, when known */
   int marksAlone;             /* this update is a move of the focused list's marks */
   int marksSent;              /* alone: sent already (MarkMove_write), to settle */
   int typedSent;              /* a letter sent already (MarkMove_typed), to settle */
   int typedY, typedX;         /* where it went */
   wchar_t typedCh;
   int typedArmed;             /* a printable letter read next goes out at once (NotesPane_armTyped) */
   int typedArmY, typedArmX;
   int moveArmed;              /* bit 0: up, bit 1: down moves only two marks (App_armMove) */
   int armOldY[2], armNewY[2], armX[2];
   int actUp, actDown;         /* the actions j/k and the arrows run */
   char editorCmd[256];        /* config editor =, else $VISUAL / $EDITOR */

   unsigned redraw;
   char delegCode[64];         /* OV_DELEG: whose records */
   int delegArchive;           /* OV_DELEG: across the archive, not this meeting */
   GvBuf delegText;            /* OV_DELEG: the report (tui/deleg_view.h) */
   char roAsked[128];          /* why read-only, when the home screen asked it */
   char searchQuery[256];      /* `/`: the screen ends, the hits show (cli/cmd_live.c) */
   char startItem[32];         /* open at this item's record (a search hit), "" none */
   char startRecord[40];       /* and this record of it selected (its uuid), "" none */
   char startMessage[800];     /* shown first (a search that found nothing) */
} App;

/* Below this size the screen asks to be enlarged. */
#define APP_MIN_COLS 50
#define APP_MIN_ROWS 12

/* The panes for a terminal of rows x cols (no curses: tests call it). */
void App_layoutFor(App *app, int rows, int cols);

/* Seconds of the meeting clock now: naive local time, as the model counts. */
int64_t App_now(void);

/* A running clock as the config's clock = asks: "1:05", "1 min", or "" (off). */
void App_duration(const App *app, long secs, char *buf, unsigned n);

/* Runs one command line through the model and the journal. On refusal the
 * message is shown and -1 returned; on success 0 (msg shown if any). */
int App_run(App *app, const char *line);
int App_runf(App *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Shows a message in the message row. */
void App_message(App *app, int role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

struct Session *App_session(App *app);

/* Journals the note being typed if it changed (before any other command). */
void App_flushDraft(App *app);

/* Re-reads the speaker's note into the editor when the speaker changed. */
void App_syncNotes(App *app);

/* Opens the `:` line with text already typed. */
unsigned App_openCmdline(App *app, const char *text);

/* Asks a yes/no question; yes runs line through App_run. */
unsigned App_confirm(App *app, const char *ask, const char *line);

/* Leaves the program, asking first while someone has the floor. */
unsigned App_quit(App *app, int ask);

/* Ctrl-Z: restores the terminal, stops the process, redraws on SIGCONT. */
unsigned App_suspend(App *app);

/* Asks the terminal to mark pasted text (on), or stop (before leaving). */
void App_bracketedPaste(int on);

/* Whether a hang-up or a termination request ended the last screen: then
 * nothing more is shown (no home screen after the meeting). */
int App_stopped(void);

/* Entry points (from main.c through cli/cmd_live.h). */
int App_main(App *app, const char *path, int readOnly);

#endif
