#include "tui/form.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "model/session.h"
#include "model/words.h"
#include "tui/app.h"
#include "tui/picker.h"
#include "tui/text.h"

/* The words of the language, in the order people reach for them. */
static const char *const Outcomes[] = { "agreed", "noted", "welcomed", "continued", "postponed", NULL };
static const char *const Stances[] = { "supports", "accepts", "flexible", "concerns", "opposes", "asks", NULL };
static const char *const ReserveTypes[] = { "scrutiny", "parliamentary", "linguistic", "substantive",
                                            "general", "waiting", NULL };
static const char *const ReserveStates[] = { "entered", "maintained", "lifted", NULL };
static const char *const ItemKinds[] = { "item", "info", "aob", "heading", NULL };
/* The subjects real outcome documents give collective speakers; the last
 * asks for one typed. */
static const char *const GroupPhrases[] = { "several delegations", "a number of delegations", "most delegations",
                                            "delegations", "some Member States", "other: type it", NULL };
#define GROUP_OTHER 5

static Form *Form_of(App *app) {
   return &app->form;
}

static FormField *Form_add(Form *f, FieldKind kind, const char *label, int optional) {
   FormField *ff = &f->f[f->n++];
   memset(ff, 0, sizeof *ff);
   ff->kind = kind;
   ff->label = label;
   ff->optional = optional;
   return ff;
}

static const char *Form_speakerCode(App *app) {
   Session *s = App_session(app);
   const Intervention *iv = Session_speaker(s);
   const Delegation *d = iv ? Session_delegation(s, iv->delegation) : NULL;
   return d ? d->code : NULL;
}

/* Whom a position, a reservation or an action is most likely about: the
 * speaker, else who spoke last on the current item (the note-taker records
 * it as the intervention ends). */
static const char *Form_recentCode(App *app) {
   const char *code = Form_speakerCode(app);
   Session *s = App_session(app);
   size_t cur = Session_current_index(s), n = 0;
   if (code || cur == GV_NONE)
      return code;
   const size_t *ivs = Session_item_interventions(s, cur, &n);
   if (n == 0)
      return NULL;
   const Delegation *d = Session_delegation(s, Session_intervention(s, ivs[n - 1])->delegation);
   return d ? d->code : NULL;
}

/* The item a record goes to: the agenda's selection when the agenda has the
 * focus and it is not the current item (then "on NUM " runs the command
 * there without taking it up), else the current item. */
static size_t Form_target(App *app, char *prefix, size_t n) {
   Session *s = App_session(app);
   size_t cur = Session_current_index(s);
   prefix[0] = '\0';
   if (app->focus == FOCUS_AGENDA && app->agendaSel >= 0 &&
       (size_t)app->agendaSel < Agenda_count(&s->agenda)) {
      size_t sel = Agenda_index_at(&s->agenda, (size_t)app->agendaSel);
      if (sel != cur) {
         char num[32];
         Agenda_path(&s->agenda, sel, num, sizeof num);
         snprintf(prefix, n, "on %s ", num);
         return sel;
      }
   }
   return cur;
}

static void Form_loadField(Form *f) {
   FormField *ff = &f->f[f->at];
   Editor_set(&f->ed, ff->kind == FIELD_CHOICE ? "" : ff->text);
}

static void Form_storeField(Form *f) {
   FormField *ff = &f->f[f->at];
   if (ff->kind != FIELD_CHOICE)
      snprintf(ff->text, sizeof ff->text, "%s", Editor_text(&f->ed));
}

unsigned Form_open(App *app, FormKind kind) {
   Form *f = Form_of(app);
   Session *s = App_session(app);
   char prefix[64];
   size_t item = Form_target(app, prefix, sizeof prefix);
   char num[32] = "";
   if (item != GV_NONE)
      Agenda_path(&s->agenda, item, num, sizeof num);
   const char *speaker = Form_speakerCode(app), *recent = Form_recentCode(app);
   int itemBound = kind == FORM_OUTCOME || kind == FORM_POSITION || kind == FORM_RESERVE ||
                   kind == FORM_GROUP || kind == FORM_PARAGRAPH;
   if (itemBound && item == GV_NONE) {
      App_message(app, ROLE_ERROR, "no item is taken up: ] takes up the next, Enter on the agenda the selected one");
      return RD_STATUS;
   }
   if (kind == FORM_PRESENTS && !speaker) {
      App_message(app, ROLE_ERROR, "nobody has the floor: a document is presented by the speaker");
      return RD_STATUS;
   }
   Editor ed = f->ed; /* kept across forms: its buffer is reused */
   memset(f, 0, sizeof *f);
   f->ed = ed;
   f->kind = kind;
   snprintf(f->prefix, sizeof f->prefix, "%s", prefix);
   FormField *ff;
   switch (kind) {
   case FORM_OUTCOME:
      snprintf(f->title, sizeof f->title, "Outcome of item %s", num);
      Form_add(f, FIELD_CHOICE, "status", 0)->choices = Outcomes;
      Form_add(f, FIELD_TEXT, "text", 1);
      break;
   case FORM_DEADLINE:
      snprintf(f->title, sizeof f->title, "Deadline%s%s", num[0] ? " on item " : "", num);
      Form_add(f, FIELD_DATE, "date", 0);
      Form_add(f, FIELD_TEXT, "what", 0);
      ff = Form_add(f, FIELD_DELEGATION, "set by", 1);
      snprintf(ff->def, sizeof ff->def, "PRES");
      break;
   case FORM_POSITION:
      snprintf(f->title, sizeof f->title, "Position on item %s", num);
      ff = Form_add(f, FIELD_DELEGATION, "delegation", 0);
      if (recent && !prefix[0]) {
         snprintf(ff->def, sizeof ff->def, "%s", recent);
         f->at = 1; /* the speaker's: straight to the stance (S-Tab goes back) */
      }
      Form_add(f, FIELD_CHOICE, "stance", 0)->choices = Stances;
      Form_add(f, FIELD_TEXT, "text", 1);
      break;
   case FORM_RESERVE:
      snprintf(f->title, sizeof f->title, "Reservation on item %s", num);
      ff = Form_add(f, FIELD_DELEGATION, "delegation", 0);
      if (recent && !prefix[0]) {
         snprintf(ff->def, sizeof ff->def, "%s", recent);
         f->at = 1;
      }
      Form_add(f, FIELD_CHOICE, "type", 0)->choices = ReserveTypes;
      Form_add(f, FIELD_CHOICE, "state", 0)->choices = ReserveStates;
      Form_add(f, FIELD_TEXT, "text", 1);
      break;
   case FORM_ITEM_ADD:
      snprintf(f->title, sizeof f->title, "Add an agenda item");
      f->prefix[0] = '\0';
      Form_add(f, FIELD_TEXT, "title", 0);
      Form_add(f, FIELD_ITEM, "under item", 1);
      Form_add(f, FIELD_CHOICE, "kind", 0)->choices = ItemKinds;
      Form_add(f, FIELD_DELEGATION, "requested by", 1);
      Form_add(f, FIELD_TEXT, "documents", 1);
      break;
   case FORM_PRESENTS:
      snprintf(f->title, sizeof f->title, "%s presents a document", speaker);
      f->prefix[0] = '\0';
      Form_add(f, FIELD_TEXT, "document", 0);
      break;
   case FORM_ACTION:
      snprintf(f->title, sizeof f->title, "Action point%s%s", num[0] ? " on item " : "", num);
      ff = Form_add(f, FIELD_DELEGATION, "for", 0);
      if (recent && !prefix[0])
         snprintf(ff->def, sizeof ff->def, "%s", recent);
      Form_add(f, FIELD_DATE, "due", 1);
      Form_add(f, FIELD_TEXT, "what", 0);
      break;
   case FORM_GROUP:
      snprintf(f->title, sizeof f->title, "Several speakers at once on item %s", num);
      Form_add(f, FIELD_CHOICE, "subject", 0)->choices = GroupPhrases;
      Form_add(f, FIELD_TEXT, "subject typed", 0);   /* only for "other" */
      Form_add(f, FIELD_MEMBERS, "members", 1);
      Form_add(f, FIELD_TEXT, "text", 0);
      break;
   case FORM_PARAGRAPH:
      snprintf(f->title, sizeof f->title, "A paragraph of item %s (whoever spoke)", num);
      Form_add(f, FIELD_TEXT, "text", 0);
      break;
   }
   Form_loadField(f);
   app->overlay = OV_FORM;
   return RD_ALL;
}

/* Roster matches of a delegation field's text, best first. */
static size_t Form_matches(App *app, const FormField *ff, const char *text, RosterMatch *m, size_t max) {
   Session *s = App_session(app);
   (void)ff;
   size_t n = Roster_match(&s->roster, text, strlen(text), m, max);
   Picker_rank(app, m, n);
   return n;
}

static const char *Form_textOf(App *app, int i) {
   Form *f = Form_of(app);
   return i == f->at ? Editor_text(&f->ed) : f->f[i].text;
}

const char *Form_value(App *app, int i, char *buf, size_t n) {
   Form *f = Form_of(app);
   Session *s = App_session(app);
   FormField *ff = &f->f[i];
   const char *t = Form_textOf(app, i);
   while (*t == ' ')
      t++;
   buf[0] = '\0';
   switch (ff->kind) {
   case FIELD_CHOICE:
      snprintf(buf, n, "%s", ff->choices[ff->sel]);
      break;
   case FIELD_TEXT:
      snprintf(buf, n, "%s", t);
      break;
   case FIELD_DATE: {
      int64_t ref = s->meta.date != GV_NO_DAY ? s->meta.date : Time_day(App_now()), day;
      if (*t && Date_parse(t, strlen(t), ref, &day, NULL, 0) == GV_OK) {
         char iso[11];
         Date_format_iso(day, iso);
         snprintf(buf, n, "%s", iso);
      }
      break;
   }
   case FIELD_DELEGATION: {
      if (!*t) {
         snprintf(buf, n, "%s", ff->def);
         break;
      }
      RosterMatch m[PICKER_MAX];
      size_t k = Form_matches(app, ff, t, m, PICKER_MAX);
      if (k) {
         const Delegation *d = Session_delegation(s, m[(size_t)ff->sel < k ? (size_t)ff->sel : 0].index);
         if (d)
            snprintf(buf, n, "%s", d->code);
      }
      break;
   }
   case FIELD_ITEM:
      if (*t && Agenda_find(&s->agenda, t, strlen(t)) != GV_NONE)
         snprintf(buf, n, "%s", t);
      break;
   case FIELD_MEMBERS: {
      /* the codes added, and the one being typed when it matches */
      snprintf(buf, n, "%s", ff->list);
      RosterMatch m[PICKER_MAX];
      size_t k = *t ? Form_matches(app, ff, t, m, PICKER_MAX) : 0;
      const Delegation *d = k ? Session_delegation(s, m[(size_t)ff->sel < k ? (size_t)ff->sel : 0].index) : NULL;
      if (d) {
         size_t l = strlen(buf);
         snprintf(buf + l, n - l, "%s%s", l ? " " : "", d->code);
      }
      break;
   }
   }
   /* Trailing blanks are not part of a value. */
   size_t l = strlen(buf);
   while (l && buf[l - 1] == ' ')
      buf[--l] = '\0';
   return buf;
}

/* Appends " doc REF" for each REF of "REF; REF, REF". */
static void Form_putDocs(GvBuf *b, const char *list) {
   char tmp[512];
   snprintf(tmp, sizeof tmp, "%s", list);
   for (char *save = NULL, *p = strtok_r(tmp, ";,", &save); p; p = strtok_r(NULL, ";,", &save)) {
      while (*p == ' ')
         p++;
      size_t l = strlen(p);
      while (l && p[l - 1] == ' ')
         p[--l] = '\0';
      if (!l)
         continue;
      GvBuf_puts(b, " doc ");
      Words_put_quoted(b, p, l);
   }
}

/* Whether field i is left out as the fields before it stand: the typed
 * subject of a group is asked only for "other". */
static int Form_skipped(const Form *f, int i) {
   if (f->kind == FORM_ITEM_ADD)   /* a heading is asked for by nobody, has no documents */
      return i >= 3 && strcmp(f->f[2].choices[f->f[2].sel], "heading") == 0;
   return f->kind == FORM_GROUP && i == 1 && f->f[0].sel != GROUP_OTHER;
}

void Form_line(App *app, char *out, size_t n) {
   Form *f = Form_of(app);
   char v[FORM_FIELDS][512];
   for (int i = 0; i < f->n; i++)
      Form_value(app, i, v[i], sizeof v[i]);
   GvBuf b;
   GvBuf_init(&b);
   GvBuf_puts(&b, f->prefix);
   switch (f->kind) {
   case FORM_OUTCOME:
      GvBuf_printf(&b, "outcome %s", v[0]);
      if (v[1][0]) {
         GvBuf_putc(&b, ' ');
         Words_put_text(&b, v[1], strlen(v[1]));
      }
      break;
   case FORM_DEADLINE:
      GvBuf_printf(&b, "deadline %s", v[0][0] ? v[0] : "DATE");
      if (v[2][0])
         GvBuf_printf(&b, " by %s", v[2]);
      GvBuf_putc(&b, ' ');
      Words_put_text(&b, v[1], strlen(v[1]));
      break;
   case FORM_POSITION:
      GvBuf_printf(&b, "pos %s %s", v[0][0] ? v[0] : "CODE", v[1]);
      if (v[2][0]) {
         GvBuf_putc(&b, ' ');
         Words_put_text(&b, v[2], strlen(v[2]));
      }
      break;
   case FORM_RESERVE:
      if (strcmp(v[2], "lifted") == 0) {
         GvBuf_printf(&b, "lift %s %s", v[0][0] ? v[0] : "CODE", v[1]);
      } else {
         GvBuf_printf(&b, "reserve %s %s", v[0][0] ? v[0] : "CODE", v[1]);
         if (v[3][0]) {
            GvBuf_putc(&b, ' ');
            Words_put_text(&b, v[3], strlen(v[3]));
         }
      }
      break;
   case FORM_ITEM_ADD:
      GvBuf_puts(&b, "item add ");
      Words_put_quoted(&b, v[0], strlen(v[0]));
      if (v[1][0])
         GvBuf_printf(&b, " under %s", v[1]);
      if (strcmp(v[2], "item") != 0)
         GvBuf_printf(&b, " kind %s", v[2]);
      if (v[3][0] && !Form_skipped(f, 3))
         GvBuf_printf(&b, " requested %s", v[3]);
      if (!Form_skipped(f, 4))
         Form_putDocs(&b, v[4]);
      break;
   case FORM_PRESENTS:
      GvBuf_puts(&b, "presents ");
      Words_put_text(&b, v[0], strlen(v[0]));
      break;
   case FORM_ACTION:
      GvBuf_printf(&b, "action %s %s ", v[0][0] ? v[0] : "CODE", v[1][0] ? v[1] : "-");
      Words_put_text(&b, v[2], strlen(v[2]));
      break;
   case FORM_GROUP: {
      /* the colon ends the subject: after the last code, or the phrase */
      const char *phrase = f->f[0].sel == GROUP_OTHER ? v[1] : v[0];
      GvBuf_puts(&b, "group ");
      Words_put_quoted(&b, phrase[0] ? phrase : "PHRASE", phrase[0] ? strlen(phrase) : 6);
      if (v[2][0])
         GvBuf_printf(&b, " %s", v[2]);
      GvBuf_puts(&b, ": ");
      Words_put_text(&b, v[3], strlen(v[3]));
      break;
   }
   case FORM_PARAGRAPH:
      GvBuf_puts(&b, "paragraph ");
      Words_put_text(&b, v[0], strlen(v[0]));
      break;
   }
   snprintf(out, n, "%s", b.failed ? "" : GvBuf_str(&b));
   GvBuf_free(&b);
}

static unsigned Form_close(App *app) {
   app->overlay = OV_NONE;
   return RD_ALL | RD_CLEAR;
}

static void Form_go(Form *f, int to) {
   Form_storeField(f);
   f->at = to;
   f->note[0] = '\0';
   Form_loadField(f);
}

/* The field dir steps from the current one, past those left out; -1 or
 * f->n when there is none. */
static int Form_step(const Form *f, int dir) {
   int to = f->at + dir;
   while (to >= 0 && to < f->n && Form_skipped(f, to))
      to += dir;
   return to;
}

/* MEMBERS: adds the delegation the text matches to the list and empties
 * the text. 0, or -1 with a note when nothing matches. */
static int Form_addMember(App *app, FormField *ff) {
   Form *f = Form_of(app);
   Session *s = App_session(app);
   const char *t = Editor_text(&f->ed);
   while (*t == ' ')
      t++;
   RosterMatch m[PICKER_MAX];
   size_t k = *t ? Form_matches(app, ff, t, m, PICKER_MAX) : 0;
   const Delegation *d = k ? Session_delegation(s, m[(size_t)ff->sel < k ? (size_t)ff->sel : 0].index) : NULL;
   if (!d) {
      snprintf(f->note, sizeof f->note, "no delegation matches '%.60s'", t);
      return -1;
   }
   /* named twice is refused by the language: keep the list clean instead */
   char padded[260], code[72];
   snprintf(padded, sizeof padded, " %s ", ff->list);
   snprintf(code, sizeof code, " %s ", d->code);
   if (!strstr(padded, code)) {
      size_t l = strlen(ff->list);
      snprintf(ff->list + l, sizeof ff->list - l, "%s%s", l ? " " : "", d->code);
   }
   Editor_set(&f->ed, "");
   ff->sel = 0;
   f->note[0] = '\0';
   return 0;
}

/* Enter on the current field: checks it, then the next field or the run. */
static unsigned Form_enter(App *app) {
   Form *f = Form_of(app);
   FormField *ff = &f->f[f->at];
   char v[512];
   Form_value(app, f->at, v, sizeof v);
   const char *t = Editor_text(&f->ed);
   while (*t == ' ')
      t++;
   int empty = ff->kind != FIELD_CHOICE && !*t;
   if (ff->kind == FIELD_MEMBERS) {
      if (!empty && Form_addMember(app, ff) != 0)
         return RD_OVERLAY;
      empty = 1;
      v[0] = '\0';
   }
   if (!v[0] && !(empty && ff->optional)) {
      switch (ff->kind) {
      case FIELD_DATE:
         snprintf(f->note, sizeof f->note, empty ? "type a date: 31 May, 31/05, 2017-05-31"
                                                 : "not a date: '%.60s' (31 May, 31/05, 2017-05-31)", t);
         break;
      case FIELD_DELEGATION:
         snprintf(f->note, sizeof f->note, empty ? "type a code or a name" : "no delegation matches '%.60s'", t);
         break;
      case FIELD_ITEM:
         snprintf(f->note, sizeof f->note, "no item '%.60s' on the agenda", t);
         break;
      default:
         snprintf(f->note, sizeof f->note, "the %s cannot be empty", ff->label);
         break;
      }
      return RD_OVERLAY;
   }
   if (Form_step(f, 1) < f->n) {
      Form_go(f, Form_step(f, 1));
      return RD_OVERLAY;
   }
   Form_storeField(f);
   char line[4096];
   Form_line(app, line, sizeof line);
   History_add(&app->history, line);
   app->overlay = OV_NONE;
   if (App_run(app, line) != 0) {
      /* Refused: the form stays, with the reason, to be fixed. */
      app->overlay = OV_FORM;
      snprintf(f->note, sizeof f->note, "%s", app->message);
      return RD_ALL;
   }
   return RD_ALL | RD_CLEAR;
}

/* A digit or a first letter on a choice: picks it; a letter shared by
 * several choices steps through them and waits for Enter. */
static unsigned Form_choiceKey(App *app, FormField *ff, int key) {
   Form *f = Form_of(app);
   int n = 0;
   while (ff->choices[n])
      n++;
   if (key >= '1' && key <= '9') {
      if (key - '1' >= n) {
         snprintf(f->note, sizeof f->note, "choose 1 to %d", n);
         return RD_OVERLAY;
      }
      ff->sel = key - '1';
      return Form_enter(app);
   }
   int lower = key >= 'A' && key <= 'Z' ? key + 32 : key;
   int first = -1, count = 0, next = -1;
   for (int i = 0; i < n; i++)
      if (ff->choices[i][0] == lower) {
         count++;
         if (first < 0)
            first = i;
         if (next < 0 && i > ff->sel)
            next = i;
      }
   if (count == 0) {
      snprintf(f->note, sizeof f->note, "no %s starts with '%c'", ff->label, lower);
      return RD_OVERLAY;
   }
   f->note[0] = '\0';
   if (count == 1) {
      ff->sel = first;
      return Form_enter(app);
   }
   ff->sel = ff->choices[ff->sel][0] == lower && next >= 0 ? next : first;
   return RD_OVERLAY;
}

unsigned Form_key(App *app, int key) {
   Form *f = Form_of(app);
   FormField *ff = &f->f[f->at];
   switch (key) {
   case TK_ESC:
   case KEY_CTRL('c'):
   case KEY_CTRL('g'):
      App_message(app, ROLE_NORMAL, "cancelled: nothing recorded");
      return Form_close(app);
   case KEY_FN(KEY_ENTER):
      return Form_enter(app);
   case KEY_FN(KEY_BTAB):
      if (Form_step(f, -1) >= 0)
         Form_go(f, Form_step(f, -1));
      return RD_OVERLAY;
   case TK_TAB:
      /* members: Tab adds the one typed and waits for the next, as the picker */
      if (ff->kind == FIELD_MEMBERS && !Editor_isEmpty(&f->ed)) {
         Form_addMember(app, ff);
         return RD_OVERLAY;
      }
      return Form_enter(app);
   case KEY_FN(KEY_UP):
   case KEY_CTRL('p'):
      if (ff->sel > 0)
         ff->sel--;
      return RD_OVERLAY;
   case KEY_FN(KEY_DOWN):
   case KEY_CTRL('n'): {
      int n = 0;
      if (ff->kind == FIELD_CHOICE)
         while (ff->choices[n])
            n++;
      else if (ff->kind == FIELD_DELEGATION || ff->kind == FIELD_MEMBERS) {
         RosterMatch m[PICKER_MAX];
         n = (int)Form_matches(app, ff, Editor_text(&f->ed), m, PICKER_MAX);
      }
      if (ff->sel + 1 < n)
         ff->sel++;
      return RD_OVERLAY;
   }
   default:
      break;
   }
   f->note[0] = '\0';
   if (ff->kind == FIELD_CHOICE) {
      if (key == KEY_FN(KEY_BACKSPACE)) {
         if (Form_step(f, -1) >= 0)
            Form_go(f, Form_step(f, -1));
         return RD_OVERLAY;
      }
      if (!KEY_ISFN(key) && key > 0x20 && key < 0x7F)
         return Form_choiceKey(app, ff, key);
      return RD_OVERLAY;
   }
   Editor *ed = &f->ed;
   switch (key) {
   case KEY_FN(KEY_BACKSPACE):
      if (Editor_isEmpty(ed) && ff->kind == FIELD_MEMBERS && ff->list[0]) {
         char *sp = strrchr(ff->list, ' ');   /* takes back the last added */
         *(sp ? sp : ff->list) = '\0';
      } else if (Editor_isEmpty(ed)) {
         if (Form_step(f, -1) >= 0)
            Form_go(f, Form_step(f, -1));
      } else {
         Editor_backspace(ed);
      }
      break;
   case KEY_FN(KEY_DC): Editor_delete(ed); break;
   case KEY_FN(KEY_LEFT): Editor_left(ed); break;
   case KEY_FN(KEY_RIGHT): Editor_right(ed); break;
   case KEY_FN(KEY_HOME):
   case KEY_CTRL('a'): Editor_textStart(ed); break;
   case KEY_FN(KEY_END):
   case KEY_CTRL('e'): Editor_textEnd(ed); break;
   case KEY_CTRL('w'): Editor_deleteWordBack(ed); break;
   case KEY_CTRL('u'): Editor_set(ed, ""); break;
   default:
      if (!KEY_ISFN(key) && !(key & KEY_ALT(0)) && key >= 0x20 && key != 0x7F)
         Editor_insertCodepoint(ed, (unsigned)key);
      break;
   }
   if (ff->kind == FIELD_DELEGATION || ff->kind == FIELD_MEMBERS)
      ff->sel = 0;
   return RD_OVERLAY;
}

/* What a field resolves to, shown after its text: a date in words, a
 * delegation's name, an item's title. */
static void Form_resolved(App *app, int i, char *out, size_t n) {
   Form *f = Form_of(app);
   Session *s = App_session(app);
   FormField *ff = &f->f[i];
   char v[512];
   Form_value(app, i, v, sizeof v);
   out[0] = '\0';
   const char *t = Form_textOf(app, i);
   switch (ff->kind) {
   case FIELD_DATE: {
      int64_t ref = s->meta.date != GV_NO_DAY ? s->meta.date : Time_day(App_now()), day;
      if (v[0] && Date_parse(v, strlen(v), ref, &day, NULL, 0) == GV_OK) {
         char lng[24];
         Date_format_long(day, lng);
         snprintf(out, n, "= %s (%.10s)", lng, v);
      } else if (*t) {
         snprintf(out, n, "? not a date yet");
      } else if (ff->optional) {
         snprintf(out, n, "(none: Enter)");
      }
      break;
   }
   case FIELD_DELEGATION: {
      size_t d = v[0] ? Roster_find(&s->roster, v, strlen(v)) : GV_NONE;
      const Delegation *dl = d != GV_NONE ? Session_delegation(s, d) : NULL;
      if (dl)
         snprintf(out, n, "= %s %s%s", dl->code, dl->name ? dl->name : "",
                  !*t && ff->def[0] && i == f->at ? " (Enter)" : "");
      else if (*t)
         snprintf(out, n, "? no delegation matches");
      else if (ff->optional)
         snprintf(out, n, "(none: Enter)");
      break;
   }
   case FIELD_ITEM: {
      size_t it = v[0] ? Agenda_find(&s->agenda, v, strlen(v)) : GV_NONE;
      const Item *item = it != GV_NONE ? Agenda_item(&s->agenda, it) : NULL;
      if (item)
         snprintf(out, n, "= %s", item->title ? item->title : "");
      else if (*t)
         snprintf(out, n, "? no such item");
      else if (ff->optional)
         snprintf(out, n, "(none: Enter)");
      break;
   }
   case FIELD_TEXT:
      if (!*t && ff->optional && i == f->at)
         snprintf(out, n, "(optional: Enter)");
      break;
   case FIELD_MEMBERS: {
      RosterMatch m[PICKER_MAX];
      size_t k = *t ? Form_matches(app, ff, t, m, PICKER_MAX) : 0;
      const Delegation *dl = k ? Session_delegation(s, m[(size_t)ff->sel < k ? (size_t)ff->sel : 0].index) : NULL;
      if (dl)
         snprintf(out, n, "= %s %s (Tab adds, Enter ends)", dl->code, dl->name ? dl->name : "");
      else if (*t)
         snprintf(out, n, "? no delegation matches");
      else if (i == f->at)
         snprintf(out, n, ff->list[0] ? "(Tab adds another, Enter ends)" : "(none: Enter; a name, Tab adds it)");
      break;
   }
   case FIELD_CHOICE:
      break;
   }
}

void Form_draw(App *app) {
   Form *f = Form_of(app);
   FormField *cur = &f->f[f->at];
   int nchoices = 0;
   if (cur->kind == FIELD_CHOICE)
      while (cur->choices[nchoices])
         nchoices++;
   int w = app->cols - 6 < 72 ? app->cols - 6 : 72;
   int want = f->n + 5 + (nchoices ? nchoices + 1 : 0);
   if (want < 7)
      want = 7;
   int h = want < app->rows - 2 ? want : app->rows - 2;
   if (w < 30 || h < 7)
      return;
   Rect r = { (app->rows - h) / 2, (app->cols - w) / 2, h, w };
   Draw_clear(r, A_NORMAL);
   Draw_frame(r, f->title, app->attr[ROLE_TITLE], app->attr[ROLE_TITLE], app->ascii);
   int x = r.x + 2, iw = r.w - 4, y = r.y + 1;
   int lw = 0;
   for (int i = 0; i < f->n; i++) {
      int l = (int)strlen(f->f[i].label);
      if (l > lw)
         lw = l;
   }
   int cy = -1, cx = -1;
   for (int i = 0; i < f->n && y < r.y + r.h - 4; i++, y++) {
      FormField *ff = &f->f[i];
      if (Form_skipped(f, i)) {
         y--;
         continue;
      }
      int here = i == f->at;
      char lab[64];
      snprintf(lab, sizeof lab, "%s %-*s ", here ? (app->ascii ? ">" : "\xe2\x96\xb8") : " ", lw, ff->label);
      int used = Draw_text(y, x, iw, here ? (int)(app->attr[ROLE_TITLE] | A_BOLD) : app->attr[ROLE_DIM], lab);
      if (ff->kind == FIELD_MEMBERS && ff->list[0] && used + 2 < iw) {
         char added[300];
         snprintf(added, sizeof added, "%s ", ff->list);
         used += Draw_textCut(y, x + used, iw - used, app->attr[ROLE_OK], added, app->ascii);
      }
      char shown[600], res[600];
      if (ff->kind == FIELD_CHOICE) {
         if (here || i < f->at)
            snprintf(shown, sizeof shown, "%s", ff->choices[ff->sel]);
         else
            shown[0] = '\0';
         res[0] = '\0';
      } else {
         snprintf(shown, sizeof shown, "%s", Form_textOf(app, i));
         Form_resolved(app, i, res, sizeof res);
      }
      int tw = Draw_textCut(y, x + used, iw - used, here ? (int)A_BOLD : 0, shown, app->ascii);
      if (here && ff->kind != FIELD_CHOICE) {
         /* The cursor where typing goes. */
         int before = Text_width(Editor_text(&f->ed), f->ed.cursor);
         cy = y;
         cx = x + used + (before < iw - used ? before : iw - used - 1);
      }
      if (res[0] && used + tw + 2 < iw)
         Draw_textCut(y, x + used + tw + 2, iw - used - tw - 2, app->attr[ROLE_DIM], res, app->ascii);
   }
   if (nchoices) {
      y++;
      for (int i = 0; i < nchoices && y < r.y + r.h - 3; i++, y++) {
         char c[80];
         snprintf(c, sizeof c, " %d  %s", i + 1, cur->choices[i]);
         int sel = i == cur->sel;
         Draw_line(y, x, iw, sel ? app->attr[ROLE_SELECTED] : 0, c);
         if (sel) {
            cy = y;
            cx = x + 1;
         }
      }
   }
   /* The command line it builds, or why Enter was not taken. */
   char line[4096], shown[4200];
   Form_line(app, line, sizeof line);
   if (f->note[0])
      snprintf(shown, sizeof shown, "%s %s", app->ascii ? "!" : "\xe2\x9c\x97", f->note);
   else
      snprintf(shown, sizeof shown, ":%s", line);
   Draw_textCut(r.y + r.h - 3, x, iw, f->note[0] ? app->attr[ROLE_ERROR] : app->attr[ROLE_DIM], shown,
                app->ascii);
   const char *foot = cur->kind == FIELD_CHOICE
                         ? "1-9 or first letter picks  Enter take  S-Tab back  Esc cancel"
                      : cur->kind == FIELD_MEMBERS ? "Tab adds  Enter next  Bksp takes back  S-Tab back  Esc cancel"
                      : Form_step(f, 1) < f->n ? "Enter next  S-Tab back  Esc cancel"
                                         : "Enter record  S-Tab back  Esc cancel";
   Draw_textCut(r.y + r.h - 2, x, iw, app->attr[ROLE_HINT], foot, app->ascii);
   if (cy >= 0)
      move(cy, cx);
}
