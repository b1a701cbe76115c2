/* The live screen: curses set-up, the main loop, key dispatch, the status,
 * message and hint lines, and the one path to the journal (App_run). */
#include "tui/app.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "model/session.h"
#include "model/visible.h"
#include "model/words.h"
#include "storage/config.h"
#include "storage/sessionfile.h"
#include "tui/actions.h"
#include "tui/agenda_pane.h"
#include "tui/floor_pane.h"
#include "tui/input.h"
#include "tui/mark_move.h"
#include "tui/notes_pane.h"
#include "tui/overlays.h"
#include "tui/picker.h"
#include "tui/records_pane.h"
#include "tui/text.h"

#define TICK_MS 200
/* A follower looks at the file this often: an appended command is on the
 * projector within a few frames (a stat() per look, nothing when idle). */
#define FOLLOW_TICK_MS 10
#define DRAFT_PAUSE_MS 1000
#define DRAFT_MAX_MS 4000

/* A hang-up (the terminal window closed, the ssh link dropped) or a
 * termination request: the loop ends as after :quit, so the note being typed
 * is journaled before the process goes. A signal handler can reach nothing
 * but static storage, hence this one process-wide flag. */
static volatile sig_atomic_t App_stopSignal;

int App_stopped(void) {
   return App_stopSignal != 0;
}

static void App_onStop(int sig) {
   App_stopSignal = sig;
}

static void App_catchStop(void) {
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = App_onStop;
   sigemptyset(&sa.sa_mask);
   sa.sa_flags = 0; /* no SA_RESTART: the wait for a key returns at once */
   sigaction(SIGHUP, &sa, NULL);
   sigaction(SIGTERM, &sa, NULL);
}

/* A stop asked from outside (kill -TSTP; Ctrl-Z is a key in raw mode): the
 * loop suspends as for Ctrl-Z. Installed before curses starts, so that curses
 * leaves SIGTSTP alone: its own handler would be switched off and on again
 * around every screen update, two system calls a key. */
static volatile sig_atomic_t App_tstpSignal;

static void App_onTstp(int sig) {
   (void)sig;
   App_tstpSignal = 1;
}

static void App_catchTstp(void) {
   struct sigaction sa;
   memset(&sa, 0, sizeof sa);
   sa.sa_handler = App_onTstp;
   sigemptyset(&sa.sa_mask);
   sa.sa_flags = SA_RESTART;
   sigaction(SIGTSTP, &sa, NULL);
}

int64_t App_now(void) {
   time_t t = time(NULL);
   struct tm tm;
   localtime_r(&t, &tm);
   return Date_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday) *
             GV_DAY_SECONDS +
          tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

void App_duration(const App *app, long secs, char *buf, unsigned n) {
   if (app->clockMode == CONFIG_CLOCK_OFF)
      snprintf(buf, n, "%s", "");
   else if (app->clockMode == CONFIG_CLOCK_MINUTES)
      snprintf(buf, n, "%ld min", secs / 60);
   else
      Draw_duration(secs, buf, n);
}

static long App_msSince(const struct timespec *t) {
   struct timespec now;
   clock_gettime(CLOCK_MONOTONIC, &now);
   return (now.tv_sec - t->tv_sec) * 1000 + (now.tv_nsec - t->tv_nsec) / 1000000;
}

Session *App_session(App *app) {
   return SessionFile_session(app->sf);
}

void App_message(App *app, int role, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(app->message, sizeof app->message, fmt, ap);
   va_end(ap);
   app->messageRole = role;
   app->redraw |= RD_STATUS;
}

/* The command line sent to the journal: the typed text as is. */
static int App_runRaw(App *app, const char *line, int quiet) {
   if (app->readOnly) {
      App_message(app, ROLE_ERROR, "read-only: %s", app->roReason);
      return -1;
   }
   char msg[512] = "";
   SessionFileRun r = SessionFile_run(app->sf, line, msg, sizeof msg);
   if (r != SESSIONFILE_DONE) {
      if (r == SESSIONFILE_FAILED)
         app->lastSaved = 0;
      App_message(app, ROLE_ERROR, "%s", msg[0] ? msg : "refused");
      return -1;
   }
   app->lastSaved = 1;
   if (!quiet) {
      const char *tick = app->ascii ? "ok:" : "\xe2\x9c\x93";
      App_message(app, ROLE_OK, "%s %s", tick, msg[0] ? msg : line);
   }
   app->redraw |= RD_ALL;
   return 0;
}

void App_flushDraft(App *app) {
   if (app->editRef[0])
      return;   /* the editor holds a record being edited, not a draft */
   if (!app->notesFor[0] || app->notes.version == app->notesSaved || app->readOnly)
      return;
   const Intervention *sp = Session_speaker(App_session(app));
   if (!sp || strcmp(sp->uuid, app->notesFor) != 0)
      return;
   GvBuf scratch = GV_BUF_INIT;   /* the notes in pieces */
   int same = strcmp(Notes_text(&sp->notes, &scratch), Editor_text(&app->notes)) == 0;
   GvBuf_free(&scratch);
   if (same) {
      app->notesSaved = app->notes.version; /* typed and undone: nothing new */
      return;
   }
   GvBuf b;
   GvBuf_init(&b);
   GvBuf_puts(&b, "draft ");
   const char *t = Editor_text(&app->notes);
   Words_put_text(&b, t, strlen(t));
   /* A refused draft is not retried every second: the message says why, and
    * the next keystroke makes a new one. */
   if (!b.failed)
      App_runRaw(app, GvBuf_str(&b), 1);
   app->notesSaved = app->notes.version;
   GvBuf_free(&b);
}

void App_syncNotes(App *app) {
   if (app->editRef[0])
      return;   /* lent to a record's text until Esc */
   const Intervention *sp = Session_speaker(App_session(app));
   if (!sp) {
      if (app->notesFor[0]) {
         app->notesFor[0] = '\0';
         Editor_set(&app->notes, "");
         app->notesSaved = app->notes.version;
         if (app->focus == FOCUS_NOTES)
            app->focus = FOCUS_FLOOR;
      }
      return;
   }
   int same = strcmp(sp->uuid, app->notesFor) == 0;
   /* A new speaker, or the note changed under us (undo, follow) while
    * nothing is waiting to be journaled: take the model's text. */
   GvBuf scratch = GV_BUF_INIT;   /* the notes in pieces */
   const char *notes = Notes_text(&sp->notes, &scratch);
   if (!same || (app->notes.version == app->notesSaved && strcmp(Editor_text(&app->notes), notes) != 0)) {
      snprintf(app->notesFor, sizeof app->notesFor, "%s", sp->uuid);
      Editor_set(&app->notes, notes);
      app->notesSaved = app->notes.version;
   }
   GvBuf_free(&scratch);
}

int App_run(App *app, const char *line) {
   App_flushDraft(app);
   int r = App_runRaw(app, line, 0);
   App_syncNotes(app);
   return r;
}

int App_runf(App *app, const char *fmt, ...) {
   char line[2048];
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(line, sizeof line, fmt, ap);
   va_end(ap);
   return App_run(app, line);
}

unsigned App_openCmdline(App *app, const char *text) {
   if (app->readOnly && text && *text) {
      App_message(app, ROLE_ERROR, "read-only: %s", app->roReason);
      return RD_STATUS;
   }
   app->cmdOpen = 1;
   Cmdline_open(&app->cmd, text);
   return RD_STATUS;
}

unsigned App_confirm(App *app, const char *ask, const char *line) {
   snprintf(app->confirmAsk, sizeof app->confirmAsk, "%s", ask);
   snprintf(app->confirmLine, sizeof app->confirmLine, "%s", line);
   app->overlay = OV_CONFIRM;
   return RD_ALL;
}

unsigned App_quit(App *app, int ask) {
   if (ask && !app->follow && !app->readOnly && Session_speaker(App_session(app))) {
      app->overlay = OV_CONFIRM_QUIT;
      return RD_ALL;
   }
   App_flushDraft(app);
   return RD_QUIT;
}

/* --- keys ----------------------------------------------------------------- */

/* Extended key codes of this terminal (Ctrl+arrows), found at start-up. */
static void App_findExtKeys(App *app) {
   static const char *const caps[7] = { "kLFT5", "kRIT5", "kUP5", "kDN5", "kHOM5", "kEND5",
                                        "kDC5" };
   for (int i = 0; i < 7; i++) {
      app->extKeys[i] = -1;
      char *seq = tigetstr((char *)caps[i]);
      if (seq && seq != (char *)-1) {
         int k = key_defined(seq);
         if (k > 0)
            app->extKeys[i] = k;
      }
   }
}

/* The terminal is gone (its window closed without a SIGHUP reaching us, a
 * pty whose other end was closed): every read then fails at once, and a
 * loop that took that for a timeout would spin. Stop as on a hang-up, so
 * the note being typed is journaled. */
static void App_checkHangup(void) {
   struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
   if (poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)))
      App_stopSignal = SIGHUP;
}

/* One key press as a tui/keys.h code; 0 when the timeout passed. */
static int App_readKey(App *app) {
   wint_t wc;
   int r = Input_get(&wc);
   if (r == ERR) {
      App_checkHangup();
      return 0;
   }
   if (r == KEY_CODE_YES) {
      static const int ext[7] = { TK_CLEFT, TK_CRIGHT, TK_CUP, TK_CDOWN, TK_CHOME, TK_CEND, TK_CDEL };
      for (int i = 0; i < 7; i++)
         if (app->extKeys[i] == (int)wc)
            return ext[i];
      if (wc == KEY_BACKSPACE)
         return KEY_FN(KEY_BACKSPACE);
      if (wc == KEYS_CURSES_PASTE_BEGIN)
         return TK_PASTE_BEGIN;
      if (wc == KEYS_CURSES_PASTE_END)
         return TK_PASTE_END;
      return KEY_FN((int)wc);
   }
   if (wc == '\r' || wc == '\n')
      return KEY_FN(KEY_ENTER);
   if (wc == 127 || wc == 8)
      return KEY_FN(KEY_BACKSPACE);
   /* Esc is always Esc: reading Esc + key as Alt would eat the key after a
    * quick Esc (leave the notes, then press n). */
   return (int)wc;
}

static unsigned App_cmdlineKey(App *app, int key) {
   Session *s = App_session(app);
   /* Candidates from the session: codes and item numbers. */
   size_t nc = s->roster.count, ni = Agenda_count(&s->agenda);
   const char **codes = calloc(nc + 1, sizeof *codes);
   const char **items = calloc(ni + 1, sizeof *items);
   char (*nums)[16] = calloc(ni + 1, sizeof *nums);
   for (size_t i = 0; i < nc; i++)
      codes[i] = s->roster.list[i].code;
   for (size_t i = 0; i < ni; i++) {
      Agenda_path(&s->agenda, Agenda_index_at(&s->agenda, i), nums[i], sizeof nums[i]);
      items[i] = nums[i];
   }
   CompleteSource src = { codes, nc, items, ni };
   CmdlineResult r = Cmdline_key(&app->cmd, key, &src);
   free(codes);
   free(items);
   free(nums);
   if (r == CMDLINE_CANCEL) {
      app->cmdOpen = 0;
      app->message[0] = '\0';
      return RD_ALL;
   }
   if (r == CMDLINE_RUN) {
      char line[4096];
      snprintf(line, sizeof line, "%s", Cmdline_text(&app->cmd));
      char *p = line;
      while (*p == ' ')
         p++;
      if (!*p) {
         app->cmdOpen = 0;
         return RD_ALL;
      }
      History_add(&app->history, p);
      /* Screen commands that are not part of the language. */
      if (strcmp(p, "quit") == 0 || strcmp(p, "q") == 0) {
         app->cmdOpen = 0;
         return App_quit(app, 0);
      }
      if (strncmp(p, "search ", 7) == 0 || strcmp(p, "search") == 0) {
         app->cmdOpen = 0;
         const char *q = p + 6;
         while (*q == ' ')
            q++;
         if (!*q) {
            App_message(app, ROLE_ERROR, "search needs words: / cyber toolbox");
            return RD_ALL;
         }
         App_flushDraft(app);
         snprintf(app->searchQuery, sizeof app->searchQuery, "%s", q);
         return RD_QUIT;
      }
      if (strcmp(p, "help") == 0) {
         app->cmdOpen = 0;
         app->overlay = OV_HELP;
         return RD_ALL;
      }
      /* Run or refused, the line closes as in vim: a refusal shows in the
       * message line, `:` opens an empty line and Up brings this one back. */
      app->cmdOpen = 0;
      App_run(app, p);
      return RD_ALL;
   }
   return RD_STATUS;
}

/* A bracketed paste: everything up to the closing bracket is text, never
 * keys (a paste on the floor pane must not fire a dozen actions). It goes
 * where text can go: the : line, the picker, the notes. */
static unsigned App_paste(App *app) {
   size_t cap = 4096, n = 0;
   char *buf = malloc(cap);
   int tooLong = !buf;
   timeout(500);
   for (;;) {
      int k = App_readKey(app);
      if (k == 0 || k == TK_PASTE_END)
         break;
      if (k == KEY_FN(KEY_ENTER))
         k = '\n';
      if (KEY_ISFN(k) || (k < 0x20 && k != '\n' && k != '\t') || tooLong)
         continue;
      /* Read to its end, but keep no more than one command line can hold. */
      if (n + 5 > GV_LINE_MAX) {
         tooLong = 1;
         continue;
      }
      if (n + 5 >= cap) {
         char *nb = realloc(buf, cap * 2);
         if (!nb) {
            tooLong = 1;
            continue;
         }
         buf = nb;
         cap *= 2;
      }
      n += Text_encode((uint32_t)k, buf + n);
   }
   timeout(TICK_MS);
   unsigned r = RD_ALL;
   if (tooLong) {
      App_message(app, ROLE_ERROR, "pasted text ignored: longer than 1 MiB");
      free(buf);
      return RD_STATUS;
   }
   buf[n] = '\0';
   if (app->cmdOpen) {
      for (char *p = buf; *p; p++)
         if (*p == '\n' || *p == '\t')
            *p = ' ';
      Editor_insert(&app->cmd.ed, buf, n);
   } else if (app->overlay == OV_FORM) {
      for (char *p = buf; *p; p++)
         if (*p == '\n' || *p == '\t')
            *p = ' ';
      Editor_insert(&app->form.ed, buf, n);
   } else if (app->overlay == OV_PICKER) {
      for (const char *p = buf; *p;) {
         uint32_t cp;
         p += Text_decode(p, strlen(p), &cp);
         if (cp >= 0x20)
            Picker_key(app, (int)cp);
      }
   } else if (app->overlay == OV_NONE && !app->readOnly && (Session_speaker(App_session(app)) || app->editRef[0])) {
      app->focus = FOCUS_NOTES;
      Editor_insert(&app->notes, buf, n);
   } else {
      App_message(app, ROLE_ERROR, "pasted text ignored: it goes into the notes of a speaker, or the : line");
      r = RD_STATUS;
   }
   free(buf);
   return r;
}

static unsigned App_key(App *app, int key) {
   if (key == TK_PASTE_BEGIN)
      return App_paste(app);
   if (key == TK_PASTE_END)
      return RD_NONE;
   if (key == KEY_FN(KEY_RESIZE))
      return RD_ALL | RD_CLEAR;
   if (key == KEY_FN(KEY_MOUSE)) {
      MEVENT ev;
      if (getmouse(&ev) != OK || app->tooSmall)
         return RD_NONE;
      /* One action per click: the press (or a click, where the terminal
       * reports clicks), never the release as well. */
      if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
         return RD_NONE;
      if (app->overlay != OV_NONE || app->cmdOpen)
         return RD_NONE;
      unsigned r = AgendaPane_click(app, ev.y, ev.x);
      if (r == RD_NONE)
         r = FloorPane_click(app, ev.y, ev.x);
      return r;
   }
   if (app->tooSmall) {
      /* The typist may not look up while the window is shrunk: what they
       * type still goes into the notes, never into the void. */
      if (app->focus == FOCUS_NOTES && !app->cmdOpen && app->overlay == OV_NONE) {
         unsigned r = NotesPane_key(app, key);
         if (r != (unsigned)-1)
            return r;
      }
      if (key == 'q' || key == KEY_FN(KEY_F(10)))
         return App_quit(app, 1);
      return RD_NONE;
   }
   if (app->overlay == OV_CONFIRM_QUIT) {
      app->overlay = OV_NONE;
      if (key == 'y' || key == 'Y' || key == KEY_FN(KEY_ENTER))
         return App_quit(app, 0);
      App_message(app, ROLE_NORMAL, "still here");
      return RD_ALL | RD_CLEAR;
   }
   if (app->overlay == OV_CONFIRM) {
      app->overlay = OV_NONE;
      if (key == 'y' || key == 'Y' || key == KEY_FN(KEY_ENTER))
         App_run(app, app->confirmLine);
      else
         App_message(app, ROLE_NORMAL, "not done: %s", app->confirmLine);
      return RD_ALL | RD_CLEAR;
   }
   if (app->overlay == OV_FORM)
      return Form_key(app, key);
   if (app->overlay == OV_PICKER)
      return Picker_key(app, key);
   if (app->overlay != OV_NONE)
      return Overlays_key(app, key);
   if (app->cmdOpen)
      return App_cmdlineKey(app, key);
   if (app->focus == FOCUS_NOTES) {
      unsigned r = NotesPane_key(app, key);
      if (r != (unsigned)-1)
         return r;
   }
   int a = KeyMap_lookup(&app->keys, key);
   if (a < 0 && key == TK_ESC) {
      app->message[0] = '\0';
      return RD_STATUS;
   }
   if (a >= 0) {
      /* The message line is cleared; when it was clear already, a key that
       * only moves a selection repaints nothing else. */
      unsigned shown = app->message[0] ? RD_STATUS : RD_NONE;
      app->message[0] = '\0';
      unsigned r = Actions_run(app, a);
      return r & ~(unsigned)(RD_AGENDA_SEL | RD_QUEUE_SEL) ? r | RD_STATUS : r | shown;
   }
   char name[32];
   App_message(app, ROLE_ERROR, "%s: no such key here (? shows the keys)",
               Keys_name(key, name, sizeof name));
   return RD_STATUS;
}

/* --- layout and drawing ----------------------------------------------------- */

void App_layoutFor(App *app, int rows, int cols) {
   app->rows = rows;
   app->cols = cols;
   app->tooSmall = cols < APP_MIN_COLS || rows < APP_MIN_ROWS;
   int body = rows - 3; /* status line on top, message and hints below */
   int aw = cols * 2 / 5;
   if (aw < 24)
      aw = 24;
   if (aw > 70)
      aw = 70;
   if (app->follow)
      aw = cols / 3; /* a projector: the floor gets most of the screen */
   app->rAgenda = (Rect){ 1, 0, body, aw };
   int rw = cols - aw;
   int fh = app->follow ? body : body / 2 + (body >= 30 ? 4 : 1);
   if (fh > body)
      fh = body;
   app->rFloor = (Rect){ 1, aw, fh, rw };
   app->rNotes = (Rect){ 1 + fh, aw, body - fh, rw };
   app->rRecords = (Rect){ 0, 0, 0, 0 };
   /* Room enough: the item's record stays in view beside the notes. */
   if (!app->follow && cols >= 120 && rows >= 40) {
      int nw = rw * 11 / 20;
      app->rRecords = (Rect){ 1 + fh, aw + nw, body - fh, rw - nw };
      app->rNotes.w = nw;
   }
}

static void App_layout(App *app) {
   int rows, cols;
   getmaxyx(stdscr, rows, cols);
   App_layoutFor(app, rows, cols);
}

static void App_drawStatus(App *app) {
   Session *s = App_session(app);
   int w = app->cols;
   Draw_line(0, 0, w, app->attr[ROLE_STATUS], "");
   /* Right side first: the clock and whether the last command is on disk. */
   char right[256], clock[9];
   /* The meeting's clock: the `at` time while a meeting is written up later. */
   Time_format_hm(Session_clock(s, App_now()), app->clockMode == CONFIG_CLOCK_SECONDS, clock);
   if (strlen(clock) == 5 && app->clockMode == CONFIG_CLOCK_SECONDS)
      snprintf(clock + 5, 4, ":00");
   const char *state;
   int role = ROLE_STATUS;
   if (app->readOnly) {
      state = app->follow ? "FOLLOWING (read-only)" : "READ-ONLY";
      role = ROLE_READONLY;
   } else if (app->lastSaved) {
      state = app->ascii ? "saved" : "\xe2\x9c\x93 saved";
   } else {
      state = "NOT SAVED";
      role = ROLE_ALERT;
   }
   snprintf(right, sizeof right, " %s ", state);
   int rw = Text_width(right, strlen(right));
   char ck[32];
   snprintf(ck, sizeof ck, " %s%s ", s->clock != GV_NO_TIME ? "at " : "", clock);
   if (app->clockMode == CONFIG_CLOCK_OFF && s->clock == GV_NO_TIME)
      ck[0] = '\0'; /* a quiet terminal: no clock (the `at` clock still shows) */
   int cw = (int)strlen(ck);
   if (rw + cw + 10 < w) {
      Draw_text(0, w - rw, rw, app->attr[role], right);
      Draw_text(0, w - rw - cw, cw, app->attr[ROLE_STATUS] | A_BOLD, ck);
   } else {
      rw = cw = 0;
   }
   char left[4200], when[32] = "";
   const char *name = strrchr(app->path, '/');
   name = name ? name + 1 : app->path;
   if (s->meta.date != GV_NO_DAY)
      Date_format_long(s->meta.date, when);
   /* The date first: a long body is what gets cut. */
   snprintf(left, sizeof left, " gavel%s  %s%s%s", app->follow ? " follow" : "", when,
            when[0] ? "  " : "", s->meta.body ? s->meta.body : name);
   Draw_textCut(0, 0, w - rw - cw - 1, app->attr[ROLE_STATUS], left, app->ascii);
}

/* The hint line: the few keys that matter in the focused pane. */
static void App_drawHints(App *app) {
   /* help and quit come first so that they always fit; they are drawn at the right. */
   static const char *const agenda[] = { "help", "quit", "select", "item_next", "item_add",
                                         "outcome", "review", "focus_next", "command", NULL };
   static const char *const floor[] = { "help", "quit", "ask", "next", "end", "give", "point",
                                        "tour", "withdraw", "notes", "undo", "command", NULL };
   /* While someone speaks, the way back into their notes comes first. */
   static const char *const speaking[] = { "help", "quit", "notes", "next", "end", "ask", "give",
                                           "point", "tour", "withdraw", "undo", "command", NULL };
   static const char *const notes[] = { "next", "end", "ask", "give", "position", "editor", NULL };
   static const char *const ro[] = { "help", "quit", "review", "stats", "roster", NULL };
   static const char *const records[] = { "help", "quit", "down", "up", "select", "speaker", "delete",
                                          "move_up", "move_down", "focus_next", "undo", NULL };
   static const char *const HintWords[] = {
      "select", "take up", "item_next", "next item", "item_add", "add item", "outcome", "outcome",
      "review", "review", "focus_next", "pane", "command", "command", "help", "help", "quit",
      "quit", "ask", "ask floor", "next", "next", "end", "end", "give", "give", "point",
      "point of order", "tour", "tour", "withdraw", "withdraw", "notes", "notes", "undo", "undo",
      "editor", "$EDITOR", "position", "position", "stats", "stats", "roster", "roster",
      "speaker", "speaker", "delete", "delete", "move_up", "move up", "move_down", "move down", NULL,
   };
   const char *const *list = app->focus == FOCUS_RECORDS ? records
                             : app->readOnly ? ro
                             : app->focus == FOCUS_AGENDA ? agenda
                             : app->focus == FOCUS_NOTES  ? notes
                             : Session_speaker(App_session(app)) ? speaking
                                                          : floor;
   int y = app->rows - 1, x = 0, w = app->cols;
   Draw_line(y, 0, w, app->attr[ROLE_HINT], "");
   if (app->cmdOpen) {
      Draw_text(y, 0, w, app->attr[ROLE_HINT],
                " Enter run  Esc cancel  Tab complete  Up/Down history");
      return;
   }
   if (app->focus == FOCUS_NOTES && !app->readOnly && app->editRef[0]) {
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINTKEY], " Esc");
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINT], " save the record ");
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINTKEY], "C-g");
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINT], " drop the change ");
   } else if (app->focus == FOCUS_NOTES && !app->readOnly) {
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINTKEY], " Esc");
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINT], " leave notes ");
   }
   int right = w; /* help and quit take the right end */
   for (int i = 0; list[i] && x < right; i++) {
      int a = Actions_find(list[i]);
      int k = KeyMap_firstKey(&app->keys, a);
      if (k < 0)
         continue;
      if (app->focus == FOCUS_NOTES) {
         /* Only keys that do not type text work while typing. */
         for (int j = 0; j < app->keys.n; j++)
            if (app->keys.b[j].action == a && (KEY_ISFN(app->keys.b[j].key) ||
                                               app->keys.b[j].key < 0x20)) {
               k = app->keys.b[j].key;
               break;
            }
         if (!KEY_ISFN(k) && k >= 0x20)
            continue;
      }
      char kn[32], item[96];
      const char *word = list[i];
      for (int j = 0; HintWords[j]; j += 2)
         if (strcmp(HintWords[j], list[i]) == 0)
            word = HintWords[j + 1];
      if (app->focus == FOCUS_RECORDS && strcmp(list[i], "select") == 0)
         word = "edit";
      if (app->readOnly && list == records && Actions[a].writes)
         continue;
      snprintf(item, sizeof item, " %s ", word);
      int need = Text_width(Keys_name(k, kn, sizeof kn), strlen(kn)) + 1 +
                 Text_width(item, strlen(item));
      int atRight = strcmp(list[i], "help") == 0 || strcmp(list[i], "quit") == 0;
      if (atRight) {
         if (right - need < x)
            continue;
         right -= need;
         int rx = right;
         rx += Draw_text(y, rx, w - rx, app->attr[ROLE_HINTKEY], " ");
         rx += Draw_text(y, rx, w - rx, app->attr[ROLE_HINTKEY], kn);
         Draw_text(y, rx, w - rx, app->attr[ROLE_HINT], item);
         continue;
      }
      if (x + need > right)
         break;
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINTKEY], " ");
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINTKEY], kn);
      x += Draw_text(y, x, w - x, app->attr[ROLE_HINT], item);
   }
}

static void App_drawMessage(App *app) {
   int y = app->rows - 2, w = app->cols;
   if (app->cmdOpen) {
      if (app->cmd.hint[0])
         Draw_line(y - 1 >= 1 ? y - 1 : y, 0, w, app->attr[ROLE_DIM], app->cmd.hint);
      if (app->message[0] && app->messageRole == ROLE_ERROR && y - 1 >= 1 && !app->cmd.hint[0]) {
         char m[600];
         snprintf(m, sizeof m, " %s %s", app->ascii ? "!" : "\xe2\x9c\x97", app->message);
         Draw_line(y - 1, 0, w, app->attr[ROLE_ERROR], m);
      }
      attrset(A_NORMAL);
      Cmdline_draw(&app->cmd, y, 0, w);
      return;
   }
   char m[600];
   if (app->message[0] && app->messageRole == ROLE_ERROR)
      snprintf(m, sizeof m, " %s %s", app->ascii ? "!" : "\xe2\x9c\x97", app->message);
   else if (app->message[0])
      snprintf(m, sizeof m, " %s", app->message);
   else
      m[0] = '\0';
   Draw_line(y, 0, w, 0, "");
   Draw_textCut(y, 0, w, app->message[0] ? app->attr[app->messageRole] : 0, m, app->ascii);
}

static void App_drawTooSmall(App *app) {
   erase();
   /* Word-wrapped to whatever width there is, centred. */
   char l2[64];
   snprintf(l2, sizeof l2, "%dx%d, needs %dx%d", app->cols, app->rows, APP_MIN_COLS, APP_MIN_ROWS);
   const char *words[] = { "Please", "enlarge", "the", "terminal", NULL };
   char lines[4][64];
   int n = 0;
   lines[0][0] = '\0';
   for (int i = 0; words[i]; i++) {
      size_t l = strlen(lines[n]);
      if (l && (int)(l + 1 + strlen(words[i])) > app->cols && n < 2) {
         n++;
         lines[n][0] = '\0';
         l = 0;
      }
      snprintf(lines[n] + l, sizeof lines[n] - l, "%s%s", l ? " " : "", words[i]);
   }
   n++;
   snprintf(lines[n++], sizeof lines[0], "%s", l2);
   int y = (app->rows - n) / 2;
   if (y < 0)
      y = 0;
   for (int i = 0; i < n && y + i < app->rows; i++) {
      int len = (int)strlen(lines[i]);
      int x = len < app->cols ? (app->cols - len) / 2 : 0;
      Draw_text(y + i, x, app->cols - x, i < n - 1 ? A_BOLD : 0, lines[i]);
   }
}

/* After an update that ended with the cursor moved to cursorY, cursorX
 * (hidden, for screen readers): the terminal's cursor is there. */
static void App_cursorPlaced(App *app) {
   app->cursorAt.known = 1;
   app->cursorAt.y = app->cursorY;
   app->cursorAt.x = app->cursorX;
}

/* After an update that ended with the cursor at the notes' insertion
 * point (shown): the terminal's cursor is there, where a letter goes. */
static void App_typingPlaced(App *app) {
   app->cursorAt.known = 1;
   app->cursorAt.y = getcury(stdscr);
   app->cursorAt.x = getcurx(stdscr);
}

static void App_draw(App *app) {
   unsigned r = app->redraw;
   App_layout(app);
   if (r & RD_CLEAR)
      clear();
   if (app->tooSmall) {
      if (app->typedSent)
         clearok(curscr, TRUE); /* a letter sent: the terminal is not curscr */
      app->typedSent = 0;
      App_drawTooSmall(app);
      curs_set(0);
      MarkMove_sync(&app->cursorAt);
      refresh();
      app->cursorAt.known = 0;
      return;
   }
   if (app->overlay != OV_NONE)
      r |= RD_ALL;
   /* What only moves a selection or types into the notes leaves the status,
    * message and hint lines as they are (a key costs what it changes). */
   unsigned local = RD_AGENDA_SEL | RD_QUEUE_SEL | RD_NOTES | RD_NOTES_TEXT;
   int lines = (r & ~local) || app->cmdOpen;
   if (r & (RD_STATUS | RD_AGENDA | RD_FLOOR))
      App_drawStatus(app);
   /* The panes put the focused list's selected row here as they draw it. */
   if (r & (app->focus == FOCUS_AGENDA    ? RD_AGENDA | RD_AGENDA_SEL
            : app->focus == FOCUS_FLOOR   ? RD_FLOOR | RD_QUEUE_SEL
            : app->focus == FOCUS_RECORDS ? RD_NOTES
                                          : 0))
      app->cursorY = -1;
   app->moveOldY = -1;
   int placed = 0;
   /* A move of the focused list's marks and nothing else: the panes send
    * it before they draw it (tui/mark_move.h). */
   unsigned sel = r & (RD_AGENDA_SEL | RD_QUEUE_SEL);
   app->marksAlone = !(r & ~sel) && !app->cmdOpen && !app->follow && app->overlay == OV_NONE &&
                     (sel == RD_AGENDA_SEL   ? app->focus == FOCUS_AGENDA
                      : sel == RD_QUEUE_SEL ? app->focus == FOCUS_FLOOR
                                            : 0);
   app->marksSent = 0;
   if (r & RD_AGENDA)
      AgendaPane_draw(app, app->rAgenda);
   else if (r & RD_AGENDA_SEL)
      AgendaPane_drawMove(app, app->rAgenda);
   if (r & RD_FLOOR)
      FloorPane_draw(app, app->rFloor);
   else if (r & RD_QUEUE_SEL)
      FloorPane_drawMove(app);
   /* A letter sent already (NotesPane_key): settled below, alone when only
    * the notes' text was drawn. */
   int typed = app->typedSent, textAlone = 0;
   app->typedSent = 0;
   if (!app->follow && (r & RD_NOTES_TEXT) && !(r & (RD_NOTES | RD_CLEAR)) &&
       !(app->rRecords.h == 0 && app->focus == FOCUS_RECORDS)) {
      if (NotesPane_drawText(app, app->rNotes))
         textAlone = r == RD_NOTES_TEXT && !lines;
      else
         r |= RD_NOTES;
   }
   if (!app->follow && (r & RD_NOTES)) {
      if (app->rRecords.h > 0) {
         NotesPane_draw(app, app->rNotes);
         RecordsPane_draw(app, app->rRecords);
      } else if (app->focus == FOCUS_RECORDS) {
         RecordsPane_draw(app, app->rNotes);
      } else {
         NotesPane_draw(app, app->rNotes);
      }
   }
   if (lines) {
      App_drawMessage(app);
      App_drawHints(app);
   }
   int cursor = 0, typing = 0;
   if (typed && (app->overlay != OV_NONE || app->cmdOpen || app->focus != FOCUS_NOTES)) {
      /* the terminal shows the letter: curses' update puts right what differs */
      MarkMove_typedSettle(&app->cursorAt, app->typedY, app->typedX, app->typedCh, 0);
   }
   if (app->overlay == OV_PICKER) {
      Picker_draw(app);
      cursor = 1;
   } else if (app->overlay == OV_FORM) {
      Form_draw(app);
      cursor = 1;
   } else if (app->overlay != OV_NONE) {
      Overlays_draw(app);
   } else if (app->cmdOpen) {
      App_drawMessage(app); /* places the cursor last */
      cursor = 1;
   } else if (app->focus == FOCUS_NOTES) {
      NotesPane_placeCursor(app, app->rNotes);
      cursor = 1;
      typing = 1;
      if (typed) {
         MarkMove_typedSettle(&app->cursorAt, app->typedY, app->typedX, app->typedCh, textAlone);
         App_typingPlaced(app);
         return;
      }
   } else if (app->cursorY >= 0) {
      /* Hidden, but on the selected row: screen readers follow the cursor. */
      move(app->cursorY, app->cursorX);
      placed = 1;
      if (app->marksSent) {
         MarkMove_settle(&app->cursorAt, app->moveOldY, app->moveNewY, app->moveX,
                         AgendaPane_markChar(app));
         return;
      }
   }
   curs_set(cursor);
   MarkMove_sync(&app->cursorAt);
   refresh();
   app->cursorAt.known = 0;
   if (placed)
      App_cursorPlaced(app);
   else if (typing)
      App_typingPlaced(app);
}

/* --- the loop --------------------------------------------------------------- */

static int App_draftDue(App *app) {
   if (!app->notesFor[0] || app->notes.version == app->notesSaved)
      return 0;
   return App_msSince(&app->lastType) >= DRAFT_PAUSE_MS ||
          App_msSince(&app->firstUnsaved) >= DRAFT_MAX_MS;
}

/* Follow mode: load the file again when it grew. */
static void App_followPoll(App *app) {
   struct stat st;
   if (stat(app->path, &st) != 0)
      return;
   if ((long)st.st_size == app->followSize && st.st_mtime == app->followMtime)
      return;
   /* Only what was appended is read and replayed; a file that was replaced
    * (compacted) or cut is opened again. */
   char err[512];
   int r = SessionFile_refresh(app->sf, err, sizeof err);
   if (r < 0) {
      SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = app->datadir,
                                  .stateImage = 1 };
      SessionFile *sf = SessionFile_open(app->path, &opts, err, sizeof err);
      if (!sf)
         return;
      SessionFile_close(app->sf);
      app->sf = sf;
   }
   app->followSize = (long)st.st_size;
   app->followMtime = st.st_mtime;
   if (r != 0)
      app->redraw |= RD_ALL;
}

/* Whether an up or down key read next moves only the focused list's two
 * marks, and where: worked out while the terminal is idle, so that the
 * move leaves as soon as the key arrives (MarkMove_early), before the key
 * is dispatched; the pane's MarkMove_write then finds it sent. */
static void App_armMove(App *app) {
   app->moveArmed = 0;
   if (app->redraw || app->cmdOpen || app->overlay != OV_NONE || app->follow || app->tooSmall ||
       app->message[0] || !app->cursorAt.known ||
       (app->focus != FOCUS_AGENDA && app->focus != FOCUS_FLOOR))
      return;
   for (int i = 0; i < 2; i++) {
      int dir = i ? 1 : -1, o, n, x;
      int ok = app->focus == FOCUS_AGENDA ? AgendaPane_moveTarget(app, dir, &o, &n, &x)
                                          : FloorPane_moveTarget(app, dir, &o, &n, &x);
      if (ok) {
         app->moveArmed |= 1 << i;
         app->armOldY[i] = o;
         app->armNewY[i] = n;
         app->armX[i] = x;
      }
   }
}

static void App_sendArmedMove(App *app, int key) {
   int armed = app->moveArmed;
   app->moveArmed = 0;
   if (key <= 0)
      return;
   int a = KeyMap_lookup(&app->keys, key);
   int i = a == app->actUp ? 0 : a == app->actDown ? 1 : -1;
   if (i >= 0 && (armed & (1 << i)))
      MarkMove_early(&app->cursorAt, app->armOldY[i], app->armNewY[i], app->armX[i],
                     AgendaPane_markChar(app));
}

static void App_loop(App *app) {
   int64_t lastSecond = 0;
   /* A follower reads images but writes none: the writer's screen keeps
    * them, and the image's bytes would be a follower's peak memory. */
   int imaged = app->follow;
   app->redraw = RD_ALL | RD_CLEAR;
   for (;;) {
      if (App_stopSignal)
         break;
      if (App_tstpSignal) {
         App_tstpSignal = 0;
         app->redraw |= App_suspend(app);
      }
      if (app->redraw) {
         App_draw(app);
         app->redraw = 0;
      }
      /* A move sent early that no pane claimed: curses does not know what
       * the terminal shows (never expected; safe all the same). */
      if (MarkMove_earlyLeft(&app->cursorAt)) {
         app->cursorAt.known = 0;
         clearok(curscr, TRUE);
         app->redraw = RD_ALL;
         continue;
      }
      /* Once the first screen is out and no key waits: the state image of
       * a long session, so that the next start skips its replay (else at
       * the first pause). */
      if (!imaged) {
         struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
         if (poll(&pfd, 1, 0) == 0) {
            imaged = 1;
            SessionFile_saveImage(app->sf);
         }
      }
      timeout(app->follow ? FOLLOW_TICK_MS : TICK_MS);
      NotesPane_armTyped(app);
      App_armMove(app);
      int key = App_readKey(app);
      /* A letter at the end of the notes, a move of a mark: the answer
       * first, then the rest. */
      if (app->typedArmed)
         NotesPane_sendArmed(app, key);
      if (app->moveArmed)
         App_sendArmedMove(app, key);
      if (key == 0) {
         /* Idle: the clocks, the draft, a follower's file. */
         int64_t now = App_now();
         /* The clocks repaint as often as they show a change. */
         int64_t unit = app->clockMode == CONFIG_CLOCK_SECONDS ? now
                        : app->clockMode == CONFIG_CLOCK_MINUTES ? now / 60
                                                                 : 0;
         if (unit != lastSecond) {
            lastSecond = unit;
            app->redraw |= RD_STATUS | RD_FLOOR | RD_AGENDA;
         }
         if (App_draftDue(app)) {
            App_flushDraft(app);
            app->redraw |= RD_STATUS | RD_NOTES;
         }
         if (app->follow)
            App_followPoll(app);
         if (!imaged) {
            imaged = 1;
            SessionFile_saveImage(app->sf);
         }
         continue;
      }
      unsigned long before = app->notes.version;
      unsigned r = App_key(app, key);
      if (r & RD_QUIT)
         break;
      app->redraw |= r;
      if (app->notes.version != before) {
         clock_gettime(CLOCK_MONOTONIC, &app->lastType);
         if (before == app->notesSaved)
            app->firstUnsaved = app->lastType;
      }
      /* A steady typist never pauses a second: journal every few seconds
       * between two keys (the terminal keeps what is typed meanwhile). */
      if (App_draftDue(app) && App_msSince(&app->firstUnsaved) >= DRAFT_MAX_MS)
         App_flushDraft(app);
   }
}

/* Collects one "file:line: message" line of the config or the theme. */
static void App_problem(App *app, const char *line, size_t len) {
   if (len == 0)
      return;
   GvBuf_append(&app->problems, line, len);
   GvBuf_putc(&app->problems, '\n');
   app->nproblems++;
}

static void App_problems(App *app, const char *text) {
   while (text && *text) {
      const char *nl = strchr(text, '\n');
      size_t len = nl ? (size_t)(nl - text) : strlen(text);
      App_problem(app, text, len);
      text += len + (nl ? 1 : 0);
   }
}

static void App_loadConfig(App *app) {
   char *errors = NULL;
   app->mouse = 1;
   Config *cfg = Config_load(NULL, &errors);
   Actions_keyDefs(app->keydefs);
   KeyMap_init(&app->keys, app->keydefs, ActionCount);
   app->actUp = Actions_find("up");
   app->actDown = Actions_find("down");
   GvBuf_init(&app->problems);
   App_problems(app, errors);
   free(errors);
   if (cfg) {
      app->speakingLimit = cfg->speakingTime;
      app->clockMode = cfg->clock;
      app->mouse = cfg->mouse;
      app->selRow = cfg->selection == CONFIG_SELECTION_ROW;
      if (cfg->editor)
         snprintf(app->editorCmd, sizeof app->editorCmd, "%s", cfg->editor);
      for (int i = 0; i < cfg->nkeys; i++) {
         char err[256], line[1024];
         if (KeyMap_set(&app->keys, app->keydefs, ActionCount, cfg->keys[i].action,
                        cfg->keys[i].key, err, sizeof err) != 0) {
            int n = snprintf(line, sizeof line, "%s:%d: %s", cfg->path ? cfg->path : "config.ini",
                             cfg->keys[i].line, err);
            App_problem(app, line, n < 0 ? 0 : (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
         }
      }
      PathsHint hint = { NULL, app->datadir };
      char *terr = NULL;
      app->theme = Config_loadTheme(cfg, &hint, &terr);
      App_problems(app, terr);
      free(terr);
      Config_free(cfg);
   }
   if (!app->theme)
      app->theme = ThemeFile_builtin();
   if (app->nproblems > 0) {
      const char *t = GvBuf_str(&app->problems);
      const char *nl = strchr(t, '\n');
      if (app->nproblems == 1)
         App_message(app, ROLE_ERROR, "%.*s", (int)(nl - t), t);
      else
         App_message(app, ROLE_ERROR, "%.*s (and %d more, listed when gavel exits)", (int)(nl - t),
                     t, app->nproblems - 1);
   }
}

void App_bracketedPaste(int on) {
   fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
   fflush(stdout);
}

static void App_initCurses(App *app) {
   /* A short Esc, unless the user chose one: Esc leaves the notes and the
    * pickers, and 1 s (the curses default) feels broken. */
   if (!getenv("ESCDELAY"))
      setenv("ESCDELAY", "25", 1);
   App_catchTstp();
   Input_open(); /* curses on the terminal, gavel reading the keys */
   App_catchStop(); /* after curses, which installs handlers of its own */
   /* No look for typeahead during an update: a key costs one update of a few
    * cells, and the look is a system call or two every time. */
   typeahead(-1);
   raw(); /* Ctrl-C, Ctrl-Z reach us as keys; no XON/XOFF surprises */
   noecho();
   nonl();
   keypad(stdscr, TRUE);
   intrflush(stdscr, FALSE);
   meta(stdscr, TRUE);
   /* mouse = no: the terminal keeps its own selection (copy a note). */
   if (app->mouse)
      mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_DOUBLE_CLICKED, NULL);
   mouseinterval(0);
   App_findExtKeys(app);
   /* Bracketed paste, so that pasted text is never taken for keys. */
   define_key("\033[200~", KEYS_CURSES_PASTE_BEGIN);
   define_key("\033[201~", KEYS_CURSES_PASTE_END);
   App_bracketedPaste(1);
   const char *nc = getenv("NO_COLOR");
   app->colour = !(nc && *nc) && has_colors();
   TuiTheme_apply(app->theme, app->colour, app->attr);
   const char *term = getenv("TERM");
   const char *cs = setlocale(LC_CTYPE, NULL);
   const char *set = nl_langinfo(CODESET);
   int utf8 = (set && (strcmp(set, "UTF-8") == 0 || strcmp(set, "utf8") == 0)) ||
              (cs && (strstr(cs, "UTF-8") || strstr(cs, "utf8") || strstr(cs, "UTF8")));
   /* LANG=C or Latin-1: names are transliterated, never broken bytes. */
   Text_setAscii(!utf8);
   app->ascii = (term && strcmp(term, "linux") == 0) || !utf8;
   app->cmd.ascii = app->ascii;
}

/* A message for the terminal after (or before) the screen: through
 * Visible_append like every other output, since it may quote a path or a
 * line of the config. */
static void App_printErr(const char *prefix, const char *text) {
   char *v = Visible_dup(text, VISIBLE_NEWLINE | VISIBLE_TAB | (Text_isAscii() ? VISIBLE_ASCII : 0));
   fprintf(stderr, "%s%s", prefix, v ? v : "(out of memory)\n");
   free(v);
}

/* Ctrl-Z: give the terminal back as it was, stop like every terminal
 * program, and repaint when the shell continues us (raw mode delivers the
 * key instead of the signal, and curses only restores on a refresh). */
unsigned App_suspend(App *app) {
   App_flushDraft(app);
   App_bracketedPaste(0);
   MarkMove_sync(&app->cursorAt);
   endwin();
   app->cursorAt.known = 0;
   struct sigaction dfl, old;
   memset(&dfl, 0, sizeof dfl);
   dfl.sa_handler = SIG_DFL;
   sigemptyset(&dfl.sa_mask);
   sigaction(SIGTSTP, &dfl, &old);
   raise(SIGTSTP); /* returns on SIGCONT */
   sigaction(SIGTSTP, &old, NULL);
   refresh();
   App_bracketedPaste(1);
   return RD_ALL | RD_CLEAR;
}

/* The uuid of one row of an item's record (tui/records_pane.h). */
static const char *App_recordUuid(Session *s, const RecordRef *r) {
   switch (r->kind) {
   case REC_INTERVENTION: return Session_intervention(s, r->index)->uuid;
   case REC_PARA: return s->rec.paras[r->index].uuid;
   case REC_POSITION: return s->rec.pos[r->index].uuid;
   case REC_RESERVATION: return s->rec.res[r->index].uuid;
   case REC_DEADLINE: return s->rec.deadlines[r->index].uuid;
   case REC_ACTION: return s->rec.actions[r->index].uuid;
   }
   return "";
}

/* Focuses item's record list on the row whose uuid is uuid; 0 when the
 * item has no such row (the record is not the item's: left as it was). */
static int App_selectRecord(App *app, size_t item, const char *uuid) {
   Session *s = App_session(app);
   size_t n = RecordsPane_list(app, item, NULL, 0);
   RecordRef *list = n ? malloc(n * sizeof *list) : NULL;
   if (!list)
      return 0;
   RecordsPane_list(app, item, list, n);
   int found = 0;
   for (size_t k = 0; k < n && !found; k++) {
      if (strcmp(App_recordUuid(s, &list[k]), uuid) == 0) {
         app->focus = FOCUS_RECORDS;
         app->recordSel = (int)k;
         app->recordTop = 0;
         found = 1;
      }
   }
   free(list);
   return found;
}

int App_main(App *app, const char *path, int readOnly) {
   /* Without a terminal, curses would read end-of-file forever. */
   if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
      fprintf(stderr, "gavel: the live screen needs a terminal (standard %s is not one); "
                      "'gavel exec' and 'gavel show' work without one\n",
              !isatty(STDIN_FILENO) ? "input" : "output");
      return 1;
   }
   SessionFileOptions opts = { .io = NULL, .readOnly = readOnly || app->follow,
                               .datadir = app->datadir, .stateImage = 1 };
   char err[1024];
   app->sf = SessionFile_open(path, &opts, err, sizeof err);
   if (!app->sf) {
      App_printErr("gavel: ", err);
      fputc('\n', stderr);
      return 1;
   }
   snprintf(app->path, sizeof app->path, "%s", SessionFile_path(app->sf));
   app->readOnly = SessionFile_readOnly(app->sf);
   if (app->readOnly) {
      const char *why = SessionFile_readOnlyReason(app->sf);
      snprintf(app->roReason, sizeof app->roReason, "%s",
               app->follow ? "following the writer" : app->roAsked[0] && why && strstr(why, "as asked") ? app->roAsked : why && *why ? why : "--read-only");
      /* The reason starts with the file's path, which the screen shows
       * already: keep what follows "PATH: " (a FILE:LINE stays whole). */
      size_t pl = strlen(app->path);
      if (strncmp(app->roReason, app->path, pl) == 0 && app->roReason[pl] == ':' &&
          app->roReason[pl + 1] == ' ')
         memmove(app->roReason, app->roReason + pl + 2, strlen(app->roReason + pl + 2) + 1);
   }
   if (app->follow) {
      struct stat st;
      if (stat(app->path, &st) == 0) {
         app->followSize = (long)st.st_size;
         app->followMtime = st.st_mtime;
      }
   }
   app->lastSaved = 1;
   Editor_init(&app->notes);
   Editor_init(&app->form.ed);
   Cmdline_init(&app->cmd, &app->history);
   App_loadConfig(app);
   if (app->readOnly && !app->follow)
      App_message(app, ROLE_READONLY, "read-only: %s", app->roReason);
   else if (SessionFile_problemCount(app->sf) > 0)
      App_message(app, ROLE_ERROR, "%s", SessionFile_problem(app->sf, 0));
   else if (!app->message[0] && !app->follow)
      App_message(app, ROLE_NORMAL, "? shows every key;  a asks for the floor;  : runs a command");
   if (app->startMessage[0])
      App_message(app, ROLE_ERROR, "%s", app->startMessage);
   App_syncNotes(app);
   /* A writer starts on the floor; a reader on the agenda, to browse it. */
   app->focus = app->readOnly && !app->follow ? FOCUS_AGENDA : FOCUS_FLOOR;
   AgendaPane_selectCurrent(app);
   if (app->startItem[0]) {
      /* A search hit: its item selected, its record open. */
      Session *s = App_session(app);
      size_t n = Agenda_count(&s->agenda);
      for (size_t k = 0; k < n; k++) {
         size_t idx = Agenda_index_at(&s->agenda, k);
         char num[32];
         Agenda_path(&s->agenda, idx, num, sizeof num);
         if (strcmp(num, app->startItem) == 0) {
            app->agendaSel = (int)k;
            app->focus = FOCUS_AGENDA;
            app->overlay = OV_DETAIL;
            app->overlayScroll = 0;
            /* The very record that matched, selected in the item's record. */
            if (app->startRecord[0] && App_selectRecord(app, idx, app->startRecord))
               app->overlay = OV_NONE;
            break;
         }
      }
   }

   App_initCurses(app);
   MarkMove_reset(&app->cursorAt);
   App_loop(app);
   App_bracketedPaste(0);
   MarkMove_sync(&app->cursorAt);
   endwin();
   /* What was wrong in the config, where the terminal keeps it. */
   if (app->nproblems > 0)
      App_printErr("", GvBuf_str(&app->problems));
   GvBuf_free(&app->problems);

   App_flushDraft(app);
   /* What was run since the open goes into the image too. */
   if (!app->follow)
      SessionFile_saveImage(app->sf);
   Editor_free(&app->notes);
   Editor_free(&app->form.ed);
   GvBuf_free(&app->delegText);
   Cmdline_free(&app->cmd);
   History_free(&app->history);
   SessionFile_close(app->sf);
   ThemeFile_free(app->theme);
   return 0;
}
