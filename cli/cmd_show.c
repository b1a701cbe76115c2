/* gavel show SESSION: the state of a session as plain text for a person:
 * the meeting's particulars, attendance, the agenda with each item's state,
 * interventions, positions, reservations, outcome and queue, then deadlines
 * and actions. Opens read-only (no lock), so it works while a meeting runs.
 * Problems found while opening go to stderr; exit 1 only when the file could
 * not be opened at all. */
#include "cli/cmd_show.h"
#include "cli/out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "model/visible.h"
#include "storage/sessionfile.h"

static void CmdShow_time(int64_t t, char out[9]) {
   if (t == GV_NO_TIME)
      snprintf(out, 9, "--:--");
   else
      Time_format_hm(t, false, out);
}

static const char *CmdShow_code(const Session *s, size_t idx) {
   const Delegation *d = idx == GV_NONE ? NULL : Session_delegation(s, idx);
   return d && d->code ? d->code : "?";
}

/* n blanks: what "%*s" with "" writes, without a format read for every line
 * of a meeting of 100,000 items. */
static void CmdShow_pad(FILE *out, int n) {
   static const char blanks[] = "                                                                ";
   while (n > 0) {
      int k = n > (int)sizeof blanks - 1 ? (int)sizeof blanks - 1 : n;
      fwrite(blanks, 1, (size_t)k, out);
      n -= k;
   }
}

/* Text that may hold newlines, each following line indented like the first. */
static void CmdShow_text(FILE *out, const char *text, size_t len, int indent) {
   /* Line by line: one fwrite per line, not one call per byte. */
   for (size_t i = 0; i < len;) {
      const char *nl = memchr(text + i, '\n', len - i);
      size_t end = nl ? (size_t)(nl - text) + 1 : len;
      fwrite(text + i, 1, end - i, out);
      i = end;
      if (nl && i < len)
         CmdShow_pad(out, indent);
   }
}

/* The short reference of a record, as edit/speaker/delete/move take it. */
static void CmdShow_ref(FILE *out, const char *uuid, size_t len) {
   fputc('[', out);
   fwrite(uuid, 1, strnlen(uuid, len), out);
   fputs("] ", out);
}

static void CmdShow_field(FILE *out, const char *label, const char *value) {
   if (value && *value)
      fprintf(out, "%-10s %s\n", label, value);
}

static void CmdShow_meta(FILE *out, const Session *s) {
   const SessionMeta *m = &s->meta;
   fprintf(out, "%s\n", m->body ? m->body : "(no body set)");
   char day[24] = "", from[9], to[9], line[64];
   if (m->date != GV_NO_DAY)
      Date_format_long(m->date, day);
   if (m->date_end != GV_NO_DAY) {
      char last[24];
      Date_format_long(m->date_end, last);
      snprintf(line, sizeof line, "%s to %s", day, last);
      CmdShow_field(out, "Date:", line);
   } else {
      CmdShow_field(out, "Date:", day);
   }
   int64_t start = Session_start_time(s), end = Session_end_time(s);
   if (start != GV_NO_TIME || end != GV_NO_TIME) {
      CmdShow_time(start, from);
      CmdShow_time(end, to);
      snprintf(line, sizeof line, "%s-%s", from, to);
      CmdShow_field(out, "Time:", line);
   }
   CmdShow_field(out, "Place:", m->place);
   CmdShow_field(out, "Chair:", m->chair);
   CmdShow_field(out, "Document:", m->docno);
   CmdShow_field(out, "Codes:", m->codes);
   CmdShow_field(out, "Marking:", m->marking);
   CmdShow_field(out, "Language:", m->language);
   CmdShow_field(out, "From:", m->from);
   CmdShow_field(out, "To:", m->to);
   CmdShow_field(out, "Subject:", m->subject);
   CmdShow_field(out, "Type:", m->type);
   if (m->on_set)
      CmdShow_field(out, "On:", m->on ? m->on : "(left out)");
   if (m->doc_date != GV_NO_DAY) {
      Date_format_long(m->doc_date, day);
      CmdShow_field(out, "Doc date:", day);
   }
   CmdShow_field(out, "Header:", m->headers);
   CmdShow_field(out, "Access:", m->access);
   CmdShow_field(out, "Style:", m->style);
   CmdShow_field(out, "Roster:", s->roster_name);
   CmdShow_field(out, "Session:", s->uuid[0] ? s->uuid : NULL);
}

static void CmdShow_attendance(FILE *out, const Session *s) {
   const Roster *r = &s->roster;
   if (r->count == 0)
      return;
   size_t order[r->count];
   Roster_protocol_order(r, order);
   fprintf(out, "\nAttendance\n");
   static const GvAttendance kinds[] = { GV_ATTEND_PRESENT, GV_ATTEND_VIDEO, GV_ATTEND_ABSENT,
                                         GV_ATTEND_UNKNOWN };
   static const char *const labels[] = { "present", "video", "absent", "not recorded" };
   for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
      size_t n = 0;
      for (size_t i = 0; i < r->count; i++) {
         const Delegation *d = &r->list[order[i]];
         if (d->parent != GV_NONE || d->attendance != kinds[k] || d->retired || d->kind == GV_KIND_CHAIR)
            continue;
         if (n++ == 0)
            fprintf(out, "  %-13s", labels[k]);
         fprintf(out, " %s", d->code);
      }
      if (n)
         fputc('\n', out);
   }
}

/* Each item's positions and reservations chained in record order, built once
 * for the whole agenda: showing every item reads each record once. */
typedef struct CmdShowChains {
   size_t *posFirst, *posNext, *resFirst, *resNext;
} CmdShowChains;

static void CmdShow_item(FILE *out, const Session *s, size_t idx, int64_t now, size_t rl,
                         const CmdShowChains *ch) {
   const Item *it = Agenda_item(&s->agenda, idx);
   char num[32], t[9];
   Agenda_path(&s->agenda, idx, num, sizeof num);
   int indent = 2 + 2 * (int)it->depth;
   GvBuf notes = GV_BUF_INIT;   /* an intervention's notes in pieces */
   fputc('\n', out);
   CmdShow_pad(out, indent);
   fputs(num, out);
   fputs(". ", out);
   fputs(it->title ? it->title : "", out);
   fputs("  [", out);
   fputs(GvItemState_word(it->state), out);
   if (it->kind != GV_ITEM_ITEM)
      fprintf(out, ", %s", GvItemKind_label(it->kind));
   fputs("]\n", out);
   int in = indent + 4;
   if (it->dossier) {
      char *v = Visible_dup(it->dossier, 0);
      fprintf(out, "%*sdossier: %s\n", in, "", v ? v : "");
      free(v);
   }
   if (it->ndocs) {
      CmdShow_pad(out, in);
      fputs("documents:", out);
      for (size_t d = 0; d < it->ndocs; d++) {
         fputs(d ? ", " : " ", out);
         fputs(it->docs[d].text ? it->docs[d].text : "?", out);
      }
      fputc('\n', out);
   }
   if (it->taken_up != GV_NO_TIME) {
      CmdShow_time(it->taken_up, t);
      fprintf(out, "%*staken up at %s\n", in, "", t);
   }
   if (it->added || it->requested_by != GV_NONE) {
      fprintf(out, "%*s%s", in, "", it->added ? "added during the meeting" : "added");
      if (it->requested_by != GV_NONE)
         fprintf(out, " at the request of %s", CmdShow_code(s, it->requested_by));
      fputc('\n', out);
   }
   if (it->notes && *it->notes) {
      fprintf(out, "%*snotes: ", in, "");
      CmdShow_text(out, it->notes, strlen(it->notes), in + 7);
      fputc('\n', out);
   }
   for (size_t k = 0; k < it->nsaid; k++) {
      if (it->said[k].kind == GV_SAID_PARA) {
         const Para *pa = &s->rec.paras[it->said[k].index];
         CmdShow_pad(out, in);
         CmdShow_ref(out, pa->uuid, rl);
         if (pa->kind == GV_PARA_GROUP) {
            fprintf(out, "group %s", pa->phrase ? pa->phrase : "");
            for (size_t m = 0; m < pa->nmembers; m++)
               fprintf(out, " %s", CmdShow_code(s, pa->members[m]));
            fputs(": ", out);
         } else {
            fputs("paragraph: ", out);
         }
         CmdShow_text(out, pa->text, strlen(pa->text), in + 4);
         fputc('\n', out);
         continue;
      }
      const Intervention *iv = Session_intervention(s, it->said[k].index);
      if (!iv)
         continue;
      char a[9], b[9];
      CmdShow_time(iv->start, a);
      CmdShow_time(iv->end, b);
      int64_t secs = Intervention_duration(iv, now);
      CmdShow_pad(out, in);
      CmdShow_ref(out, iv->uuid, rl);
      fprintf(out, "%s-%s %3lldm%02llds %s%s", a, iv->end == GV_NO_TIME ? "now  " : b,
              (long long)(secs / 60), (long long)(secs % 60), CmdShow_code(s, iv->delegation),
              iv->point_of_order ? " (point of order)" : "");
      if (iv->has_doc && iv->doc->text)
         fprintf(out, " presents %s", iv->doc->text);
      if (iv->end == GV_NO_TIME)
         fputs(" (speaking)", out);
      if (Notes_len(&iv->notes)) {
         fputs(": ", out);
         CmdShow_text(out, Notes_text(&iv->notes, &notes), Notes_len(&iv->notes), in + 6);
      }
      fputc('\n', out);
   }
   const Position *p;
   for (size_t k = ch->posFirst[idx]; k != GV_NONE && (p = &s->rec.pos[k]); k = ch->posNext[k]) {
      CmdShow_pad(out, in);
      CmdShow_ref(out, p->uuid, rl);
      fprintf(out, "position: %s %s", CmdShow_code(s, p->delegation),
              GvStance_word(p->stance));
      if (p->text && *p->text) {
         fputs(": ", out);
         CmdShow_text(out, p->text, strlen(p->text), in + 10);
      }
      fputc('\n', out);
   }
   const Reservation *rv;
   for (size_t k = ch->resFirst[idx]; k != GV_NONE && (rv = &s->rec.res[k]); k = ch->resNext[k])
   {
      CmdShow_pad(out, in);
      CmdShow_ref(out, rv->uuid, rl);
      fprintf(out, "reservation: %s %s (%s)\n", CmdShow_code(s, rv->delegation),
              GvReserveType_word(rv->type), GvReserveStatus_word(rv->status));
   }
   if (it->outcome != GV_OUTCOME_NONE) {
      CmdShow_pad(out, in);
      fputs("outcome: ", out);
      fputs(GvOutcome_word(it->outcome), out);
      if (it->outcome_text && *it->outcome_text) {
         fputs(": ", out);
         CmdShow_text(out, it->outcome_text, strlen(it->outcome_text), in + 9);
      }
      fputc('\n', out);
   }
   if (it->nqueue) {
      fprintf(out, "%*squeue:", in, "");
      for (size_t q = 0; q < it->nqueue; q++)
         fprintf(out, " %s%s", CmdShow_code(s, it->queue[q].delegation),
                 it->queue[q].point_of_order ? " (point of order)" : "");
      fputc('\n', out);
   }
   GvBuf_free(&notes);
}

static void CmdShow_records(FILE *out, const Session *s, size_t rl) {
   const Records *r = &s->rec;
   char day[11], num[32];
   if (r->ndeadlines) {
      fprintf(out, "\nDeadlines\n");
      for (size_t i = 0; i < r->ndeadlines; i++) {
         const Deadline *d = &r->deadlines[i];
         if (d->day != GV_NO_DAY)
            Date_format_iso(d->day, day);
         else
            snprintf(day, sizeof day, "no date");
         fputs("  ", out);
         CmdShow_ref(out, d->uuid, rl);
         fprintf(out, "%s  %s", day, d->what ? d->what : "");
         if (d->set_by != GV_NONE)
            fprintf(out, " (set by %s", CmdShow_code(s, d->set_by));
         else
            fputs(" (", out);
         fprintf(out, "%sfor %s)", d->set_by != GV_NONE ? ", " : "",
                 d->for_whom == GV_NONE ? "all delegations" : CmdShow_code(s, d->for_whom));
         if (d->item != GV_NONE) {
            Agenda_path(&s->agenda, d->item, num, sizeof num);
            if (*num)
               fprintf(out, " [item %s]", num);
         }
         fputc('\n', out);
      }
   }
   if (r->nactions) {
      fprintf(out, "\nActions\n");
      for (size_t i = 0; i < r->nactions; i++) {
         const Action *a = &r->actions[i];
         if (a->due != GV_NO_DAY)
            Date_format_iso(a->due, day);
         else
            snprintf(day, sizeof day, "no date");
         fputs("  ", out);
         CmdShow_ref(out, a->uuid, rl);
         fprintf(out, "%s %s by %s: %s", a->done ? "done" : "open",
                 CmdShow_code(s, a->owner), day, a->what ? a->what : "");
         if (a->item != GV_NONE) {
            Agenda_path(&s->agenda, a->item, num, sizeof num);
            if (*num)
               fprintf(out, " [item %s]", num);
         }
         fputc('\n', out);
      }
   }
}

void CmdShow_print(FILE *out, const Session *s) {
   size_t rl = Session_ref_len(s);
   CmdShow_meta(out, s);
   CmdShow_attendance(out, s);
   size_t n = Agenda_count(&s->agenda);
   int64_t now = s->last_time;
   fprintf(out, "\nAgenda%s\n", n ? "" : " (empty)");
   size_t items = s->agenda.count + 1;
   CmdShowChains ch = { malloc(items * sizeof(size_t)), malloc((s->rec.npos + 1) * sizeof(size_t)),
                        malloc(items * sizeof(size_t)), malloc((s->rec.nres + 1) * sizeof(size_t)) };
   if (!ch.posFirst || !ch.posNext || !ch.resFirst || !ch.resNext)
      abort(); /* as the renderers do: half a listing is worse than none */
   for (size_t i = 0; i < items; i++)
      ch.posFirst[i] = ch.resFirst[i] = GV_NONE;
   for (size_t i = s->rec.npos; i-- > 0;) {
      size_t it = s->rec.pos[i].item;
      ch.posNext[i] = it < s->agenda.count ? ch.posFirst[it] : GV_NONE;
      if (it < s->agenda.count)
         ch.posFirst[it] = i;
   }
   for (size_t i = s->rec.nres; i-- > 0;) {
      size_t it = s->rec.res[i].item;
      ch.resNext[i] = it < s->agenda.count ? ch.resFirst[it] : GV_NONE;
      if (it < s->agenda.count)
         ch.resFirst[it] = i;
   }
   for (size_t k = 0; k < n; k++)
      CmdShow_item(out, s, Agenda_index_at(&s->agenda, k), now, rl, &ch);
   free(ch.posFirst);
   free(ch.posNext);
   free(ch.resFirst);
   free(ch.resNext);
   CmdShow_records(out, s, rl);
   size_t other = 0;
   for (size_t i = 0; i < Session_entry_count(s); i++)
      if (Session_entry(s, i)->kind == GV_ENTRY_OTHER)
         other++;
   if (other)
      fprintf(out, "\n%zu record%s from a newer gavel kept as they are\n", other,
              other == 1 ? "" : "s");
}

int CmdShow_run(const CliEnv *env, int argc, char **argv) {
   const char *session = NULL;
   int optionsOn = 1;
   for (int i = 1; i < argc; i++) {
      if (optionsOn && strcmp(argv[i], "--") == 0) {
         optionsOn = 0;  /* what follows is the session, even "-x" */
         continue;
      }
      if (optionsOn && Cli_isHelp(argv[i])) {
         Out_printf(stdout, "usage: gavel show SESSION\n");
         return CLI_OK;
      } else if (optionsOn && argv[i][0] == '-' && argv[i][1] != '\0') {
         return Cli_usage(env, "show: unknown option '%s'", argv[i]);
      } else if (session) {
         return Cli_usage(env, "show: one session at a time ('%s' is extra)", argv[i]);
      }
      session = argv[i];
   }
   if (!session)
      return Cli_usage(env, "usage: gavel show SESSION");
   char err[1024];
   SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = env->datadir };
   SessionFile *sf = SessionFile_openNamed(env->datadir, session, &opts, err, sizeof err);
   if (!sf)
      return Cli_fail(env, "%s", err);
   for (size_t i = 0; i < SessionFile_problemCount(sf); i++)
      Out_printf(stderr, "%s\n", SessionFile_problem(sf, i));
   /* Composed whole, then printed through Out: notes and names are hostile. */
   char *buf = NULL;
   size_t len = 0;
   FILE *mem = open_memstream(&buf, &len);
   int rc = CLI_OK;
   if (!mem) {
      rc = Cli_fail(env, "show: out of memory");
   } else {
      CmdShow_print(mem, SessionFile_session(sf));
      if (fclose(mem) != 0)
         rc = Cli_fail(env, "show: out of memory");
      else if (Out_write(stdout, buf, len) != 0 || fflush(stdout) != 0)
         rc = Cli_fail(env, "show: cannot write to standard output: %s", strerror(errno));
   }
   free(buf);
   SessionFile_closeAtExit(sf);
   return rc;
}
