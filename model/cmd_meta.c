/* Commands about the session itself: set, roster, delegation, attend, at. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/command.h"
#include "model/util.h"

typedef enum MetaKind {
   META_TEXT, META_DATE, META_TIME, META_NUMBERING, META_DAYS, META_ON, META_LINES, META_HEADER,
} MetaKind;

typedef struct MetaKey {
   const char *key;
   MetaKind kind;
   size_t offset;   /* of the char * (TEXT) or int64_t (DATE, TIME) field */
} MetaKey;

#define TEXT_KEY(k, f) { k, META_TEXT, offsetof(SessionMeta, f) }
static const MetaKey Keys[] = {
   TEXT_KEY("body", body),
   { "date", META_DAYS, offsetof(SessionMeta, date) },
   { "start", META_TIME, offsetof(SessionMeta, start) },
   { "end", META_TIME, offsetof(SessionMeta, end) },
   TEXT_KEY("place", place),
   TEXT_KEY("chair", chair),
   TEXT_KEY("docno", docno),
   TEXT_KEY("codes", codes),
   TEXT_KEY("marking", marking),
   TEXT_KEY("language", language),
   TEXT_KEY("from", from),
   { "to", META_LINES, offsetof(SessionMeta, to) },
   TEXT_KEY("subject", subject),
   { "numbering", META_NUMBERING, 0 },
   TEXT_KEY("type", type),
   { "on", META_ON, 0 },
   { "doc-date", META_DATE, offsetof(SessionMeta, doc_date) },
   { "header", META_HEADER, 0 },
   TEXT_KEY("access", access),
   TEXT_KEY("style", style),
};
#undef TEXT_KEY

static const char *const Key_list =
   "body, date, start, end, place, chair, docno, codes, marking, language, from, to, subject, numbering, "
   "type, on, doc-date, header, access, style";

/* Words i.. each quoted: several values ("set to \"A\" \"B\""). */
static bool all_quoted(const Words *w, size_t i) {
   if (i + 1 >= w->count)
      return false;
   for (; i < w->count; i++)
      if (!w->quoted[i])
         return false;
   return true;
}

/* set to "A" "B": one addressee a line (stored joined by newlines). */
static GvStatus set_lines(Exec *e, Words *w, char **field) {
   GvBuf v = GV_BUF_INIT;
   if (all_quoted(w, 2)) {
      for (size_t i = 2; i < w->count; i++) {
         if (i > 2)
            GvBuf_putc(&v, '\n');
         GvBuf_puts(&v, w->word[i]);
         GvBuf_putc(e->canon, ' ');
         Words_put_quoted(e->canon, w->word[i], strlen(w->word[i]));
      }
   } else {
      size_t n;
      char *t = Words_rest(w, 2, &n);
      if (!t)
         return Cmd_fail(e, GV_NOMEM, "out of memory");
      GvBuf_append(&v, t, n);
      if (n) {
         GvBuf_putc(e->canon, ' ');
         Words_put_text(e->canon, t, n);
      }
      free(t);
   }
   if (v.failed) {
      GvBuf_free(&v);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   char *val = v.len ? Util_strndup(GvBuf_str(&v), v.len) : NULL;
   GvBuf_free(&v);
   Cmd_replace(field, val);
   return GV_OK;
}

/* set header LABEL VALUE adds or replaces a line; set header LABEL drops
 * it; set header clears them all. */
static GvStatus set_header(Exec *e, Words *w) {
   SessionMeta *m = &e->s->meta;
   if (w->count > 4)
      return Cmd_fail(e, GV_USAGE, "set header needs \"LABEL\" \"VALUE\" (quote each)");
   if (w->count == 2) {
      Cmd_replace(&m->headers, NULL);
      return GV_OK;
   }
   const char *label = w->word[2], *value = w->count == 4 ? w->word[3] : NULL;
   if (!*label || strchr(label, '\t') || strchr(label, '\n') || (value && (strchr(value, '\t') || strchr(value, '\n'))))
      return Cmd_fail(e, GV_BAD_VALUE, "a header LABEL and VALUE are one line each, and LABEL is not empty");
   GvBuf nb = GV_BUF_INIT;
   bool replaced = false;
   for (const char *p = m->headers; p && *p;) {
      size_t n = strcspn(p, "\n");
      size_t ln = strcspn(p, "\t");
      bool same = ln < n && ln == strlen(label) && strncmp(p, label, ln) == 0;
      if (same && value && !replaced) {
         GvBuf_printf(&nb, "%s%s\t%s", nb.len ? "\n" : "", label, value);
         replaced = true;
      } else if (!same) {
         if (nb.len)
            GvBuf_putc(&nb, '\n');
         GvBuf_append(&nb, p, n);
      }
      p += n;
      if (*p)
         p++;
   }
   if (value && !replaced)
      GvBuf_printf(&nb, "%s%s\t%s", nb.len ? "\n" : "", label, value);
   if (nb.failed) {
      GvBuf_free(&nb);
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   }
   char *val = nb.len ? Util_strndup(GvBuf_str(&nb), nb.len) : NULL;
   GvBuf_free(&nb);
   Cmd_replace(&m->headers, val);
   GvBuf_putc(e->canon, ' ');
   Words_put_quoted(e->canon, label, strlen(label));
   if (value) {
      GvBuf_putc(e->canon, ' ');
      Words_put_quoted(e->canon, value, strlen(value));
   }
   return GV_OK;
}

GvStatus Cmd_set(Exec *e, Words *w) {
   GvStatus st = Cmd_check_quotes(e, w, 2);
   if (st != GV_OK)
      return st;
   if (w->count < 2)
      return Cmd_fail(e, GV_USAGE, "set needs KEY VALUE (keys: %s)", Key_list);
   const char *key = w->word[1];
   if (Util_word_eq(key, "title"))
      key = "body";
   const MetaKey *mk = NULL;
   for (size_t i = 0; i < sizeof Keys / sizeof *Keys; i++)
      if (Util_word_eq(key, Keys[i].key))
         mk = &Keys[i];
   if (!mk)
      return Cmd_fail(e, GV_BAD_VALUE, "unknown key '%.40s' (keys: %s)", w->word[1], Key_list);
   SessionMeta *m = &e->s->meta;
   char *field_base = (char *)m;
   GvBuf_printf(e->canon, " %s", mk->key);
   if (mk->kind == META_LINES)
      return set_lines(e, w, (char **)(void *)(field_base + mk->offset));
   if (mk->kind == META_HEADER)
      return set_header(e, w);
   char *value;
   size_t n;
   if ((st = Cmd_text(e, w, 2, &value, &n)) != GV_OK)
      return st;
   switch (mk->kind) {
   case META_LINES:
   case META_HEADER:
      break;
   case META_ON:
      /* `set on` with nothing leaves the On: line out */
      m->on_set = true;
      if (n) {
         GvBuf_putc(e->canon, ' ');
         Words_put_text(e->canon, value, n);
      }
      Cmd_replace(&m->on, n ? value : NULL);
      if (!n)
         free(value);
      return GV_OK;
   case META_DAYS: {
      /* DATE or FIRST..LAST: a meeting over several days */
      int64_t day = GV_NO_DAY, last = GV_NO_DAY;
      const char *dots = n ? strstr(value, "..") : NULL;
      size_t n1 = dots ? (size_t)(dots - value) : n;
      if (n1 && (st = Date_parse(value, n1, Cmd_ref_day(e), &day, e->msg, e->msglen)) != GV_OK) {
         free(value);
         return st;
      }
      if (dots && (st = Date_parse(dots + 2, n - n1 - 2, day, &last, e->msg, e->msglen)) != GV_OK) {
         free(value);
         return st;
      }
      free(value);
      if (dots && (day == GV_NO_DAY || last <= day))
         return Cmd_fail(e, GV_BAD_DATE, "a meeting over days runs FIRST..LAST, LAST after FIRST");
      char iso[11];
      if (day != GV_NO_DAY) {
         Date_format_iso(day, iso);
         GvBuf_printf(e->canon, " %s", iso);
      }
      if (last != GV_NO_DAY) {
         Date_format_iso(last, iso);
         GvBuf_printf(e->canon, "..%s", iso);
      }
      m->date = day;
      m->date_end = last;
      return GV_OK;
   }
   case META_TEXT:
      if (n)
         GvBuf_putc(e->canon, ' ');
      Words_put_text(e->canon, value, n);
      Cmd_replace((char **)(void *)(field_base + mk->offset), n ? value : NULL);
      if (!n)
         free(value);
      return GV_OK;
   case META_DATE: {
      int64_t day = GV_NO_DAY;
      if (n && (st = Date_parse(value, n, Cmd_ref_day(e), &day, e->msg, e->msglen)) != GV_OK) {
         free(value);
         return st;
      }
      free(value);
      if (day != GV_NO_DAY) {
         char iso[11];
         Date_format_iso(day, iso);
         GvBuf_printf(e->canon, " %s", iso);
      }
      *(int64_t *)(void *)(field_base + mk->offset) = day;
      return GV_OK;
   }
   case META_TIME: {
      int64_t t = GV_NO_TIME, secs;
      if (n && Time_parse_iso(value, n, &t) != GV_OK) {
         if ((st = Time_parse_hms(value, n, &secs, e->msg, e->msglen)) != GV_OK) {
            free(value);
            return st;
         }
         t = Cmd_ref_day(e) * GV_DAY_SECONDS + secs;
      }
      free(value);
      if (t != GV_NO_TIME) {
         char iso[20];
         Time_format_iso(t, iso);
         GvBuf_printf(e->canon, " %s", iso);
      }
      *(int64_t *)(void *)(field_base + mk->offset) = t;
      return GV_OK;
   }
   case META_NUMBERING: {
      GvNumbering style;
      if (Util_word_eq(value, "numeric") || Util_word_eq(value, "numbers"))
         style = GV_NUMBERING_NUMERIC;
      else if (Util_word_eq(value, "letters"))
         style = GV_NUMBERING_LETTERS;
      else {
         st = Cmd_fail(e, GV_BAD_VALUE, "numbering is 'numeric' (3.1) or 'letters' (a), b))");
         free(value);
         return st;
      }
      free(value);
      m->numbering = style;
      m->numbering_set = true;
      GvBuf_puts(e->canon, style == GV_NUMBERING_LETTERS ? " letters" : " numeric");
      return GV_OK;
   }
   }
   free(value);
   return GV_OK;
}

/* A code is letters and digits (and '-', '_'), with one optional /UNIT. */

/* delegation CODE [kind=K] [order=N] [name=..] [native=..] [phrase=..] */
GvStatus Cmd_delegation_def(Exec *e, Words *w) {
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   if (w->count < 2)
      return Cmd_fail(e, GV_USAGE, "delegation needs a CODE, then key=value (kind, order, name, native, phrase)");
   if (!Roster_code_valid(w->word[1]))
      return Cmd_fail(e, GV_BAD_VALUE, "invalid delegation code '%.40s' (letters, digits, - and _, at most 16, units as COM/HOME)", w->word[1]);
   char code[GV_CODE_MAX + 1];   /* Roster_code_valid() bounds it */
   snprintf(code, sizeof code, "%s", w->word[1]);
   for (char *c = code; *c; c++)
      if (*c >= 'a' && *c <= 'z')
         *c = (char)(*c - 32);
   Roster *r = &e->s->roster;
   size_t parent = GV_NONE;
   const char *slash = strchr(code, '/');
   if (slash) {
      parent = Roster_find(r, code, (size_t)(slash - code));
      if (parent == GV_NONE)
         return Cmd_fail(e, GV_NO_DELEGATION, "unknown delegation '%.*s' (define it before %.40s)",
                         (int)(slash - code), code, code);
   }
   /* Read every key first: refuse before changing anything. */
   const char *name = NULL, *native = NULL, *phrase = NULL;
   GvKind kind = GV_KIND_MS;
   bool have_kind = false, have_order = false;
   long order = 0;
   for (size_t i = 2; i < w->count; i++) {
      const char *kv = w->word[i];
      const char *eq = strchr(kv, '=');
      if (!eq)
         return Cmd_fail(e, GV_USAGE, "expected key=value, not '%.40s'", kv);
      size_t kl = (size_t)(eq - kv);
      const char *v = eq + 1;
      if (kl == 4 && strncmp(kv, "kind", 4) == 0) {
         if (!GvKind_parse(v, &kind))
            return Cmd_fail(e, GV_BAD_VALUE, "unknown kind '%.40s' (ms, institution, agency, observer, chair)", v);
         have_kind = true;
      } else if (kl == 5 && strncmp(kv, "order", 5) == 0) {
         char *end;
         order = strtol(v, &end, 10);
         if (!*v || *end || order < -1000000 || order > 1000000)
            return Cmd_fail(e, GV_BAD_VALUE, "order must be a whole number, not '%.40s'", v);
         have_order = true;
      } else if (kl == 4 && strncmp(kv, "name", 4) == 0) {
         name = v;
      } else if (kl == 6 && strncmp(kv, "native", 6) == 0) {
         native = v;
      } else if (kl == 6 && strncmp(kv, "phrase", 6) == 0) {
         phrase = v;
      } else {
         return Cmd_fail(e, GV_BAD_VALUE, "unknown key '%.*s' (kind, order, name, native, phrase)", (int)(kl > 40 ? 40 : kl), kv);
      }
   }
   if ((name && !*name) || (phrase && !*phrase))
      return Cmd_fail(e, GV_BAD_VALUE, "%s cannot be empty", name && !*name ? "name" : "phrase");
   size_t idx = Roster_find(r, code, strlen(code));
   bool fresh = idx == GV_NONE;
   /* All strings first (a new entry gets defaults), so that ENOMEM changes nothing. */
   char *nname = NULL, *nnative = NULL, *nphrase = NULL;
   if (fresh) {
      const char *nm = name ? name : slash ? slash + 1 : code;
      nname = strdup(nm);
      nnative = strdup(native ? native : nm);
      GvBuf p = GV_BUF_INIT;
      if (phrase)
         GvBuf_puts(&p, phrase);
      else if (parent != GV_NONE)   /* "the Commission (DG Home)" */
         GvBuf_printf(&p, "%s (%s)", r->list[parent].phrase, nm);
      else if ((have_kind ? kind : GV_KIND_MS) == GV_KIND_MS)
         GvBuf_printf(&p, "the %s delegation", code);
      else
         GvBuf_puts(&p, nm);
      if (p.failed)
         GvBuf_free(&p);
      nphrase = p.data;
   } else {
      nname = name ? strdup(name) : NULL;
      nnative = native ? strdup(native) : NULL;
      nphrase = phrase ? strdup(phrase) : NULL;
   }
   if (((name || fresh) && !nname) || ((native || fresh) && !nnative) ||
       ((phrase || fresh) && !nphrase))
      goto nomem;
   if (fresh) {
      int max = 0;
      for (size_t i = 0; i < r->count; i++)
         if (r->list[i].parent == GV_NONE && r->list[i].order > max)
            max = r->list[i].order;
      idx = Roster_add(r, code);
      if (idx == GV_NONE)
         goto nomem;
      Delegation *d = &r->list[idx];
      d->parent = parent;
      d->kind = parent != GV_NONE ? r->list[parent].kind : GV_KIND_MS;
      d->order = parent != GV_NONE ? r->list[parent].order : max + 1;
   }
   Delegation *d = &r->list[idx];
   if (nname)
      Cmd_replace(&d->name, nname);
   if (nnative)
      Cmd_replace(&d->native, nnative);
   if (nphrase)
      Cmd_replace(&d->phrase, nphrase);
   d->retired = false;
   if (have_kind)
      d->kind = kind;
   if (have_order)
      d->order = (int)order;
   /* The canonical form is the whole record, so replay never needs defaults. */
   GvBuf *c = e->canon;
   GvBuf_printf(c, " %s kind=%s order=%d name=", d->code, GvKind_word(d->kind), d->order);
   Words_put_word(c, d->name, strlen(d->name));
   GvBuf_puts(c, " native=");
   Words_put_word(c, d->native, strlen(d->native));
   GvBuf_puts(c, " phrase=");
   Words_put_word(c, d->phrase, strlen(d->phrase));
   return GV_OK;
nomem:
   free(nname);
   free(nnative);
   free(nphrase);
   return Cmd_fail(e, GV_NOMEM, "out of memory");
}

/* roster NAME: live, the caller's loader gives the `delegation` lines, each
 * becomes a cmd+ line; on replay the cmd+ lines follow by themselves. */
GvStatus Cmd_roster(Exec *e, Words *w) {
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   if (w->count != 2)
      return Cmd_fail(e, GV_USAGE, "roster needs one NAME or PATH (e.g. roster eu27)");
   const char *name = w->word[1];
   GvBuf_putc(e->canon, ' ');
   Words_put_word(e->canon, name, strlen(name));
   /* A later roster replaces the earlier one: what it does not define again
    * leaves the picker and the attendance (it stays where it spoke). */
   for (size_t i = 0; i < e->s->roster.count; i++)
      e->s->roster.list[i].retired = true;
   if (!e->live) {
      char *n = strdup(name);
      if (!n)
         return Cmd_fail(e, GV_NOMEM, "out of memory");
      Cmd_replace(&e->s->roster_name, n);
      return GV_OK;
   }
   if (!e->ctx || !e->ctx->load_roster)
      return Cmd_fail(e, GV_ROSTER, "rosters cannot be loaded here");
   GvBuf lines = GV_BUF_INIT;
   char why[256] = "";
   if (e->ctx->load_roster(e->ctx->ud, name, &lines, why, sizeof why) != 0) {
      GvBuf_free(&lines);
      return Cmd_fail(e, GV_ROSTER, "roster '%.60s': %s", name, why[0] ? why : "cannot be loaded");
   }
   /* Each line runs as a `delegation` command; the first refusal refuses all
    * (the session undoes the partial roster by rebuilding). */
   const char *p = GvBuf_str(&lines), *end = p + lines.len;
   size_t lineno = 0, count = 0;
   GvBuf canon = GV_BUF_INIT;
   st = GV_OK;
   while (p < end && st == GV_OK) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
      lineno++;
      size_t k = 0;
      while (k < n && (p[k] == ' ' || p[k] == '\t'))
         k++;
      if (k < n && p[k] != '#') {
         char cmd[16];
         Command_name(p, n, cmd, sizeof cmd);
         Exec sub = *e;
         GvBuf_clear(&canon);
         sub.canon = &canon;
         sub.extra = NULL;
         char sub_msg[256] = "";
         sub.msg = sub_msg;
         sub.msglen = sizeof sub_msg;
         if (strcmp(cmd, "delegation") != 0)
            st = Cmd_fail(e, GV_ROSTER, "roster '%.60s': line %zu: expected a delegation line", name, lineno);
         else if ((st = Command_exec(&sub, p, n)) != GV_OK)
            st = Cmd_fail(e, st == GV_NOMEM ? st : GV_ROSTER, "roster '%.60s': line %zu: %s", name, lineno, sub_msg);
         else {
            GvBuf_append(e->extra, GvBuf_str(&canon), canon.len);
            GvBuf_putc(e->extra, '\n');
            count++;
         }
      }
      p += n + 1;
   }
   if (st == GV_OK && count > 0) {
      size_t ch = Roster_find(&e->s->roster, GV_CHAIR_CODE, strlen(GV_CHAIR_CODE));
      if (ch == GV_NONE || e->s->roster.list[ch].retired) {
         static const char chair[] = "delegation " GV_CHAIR_CODE " kind=chair order=0 name=Chair native=Chair phrase=\"the Chair\"";
         Exec sub = *e;
         GvBuf_clear(&canon);
         sub.canon = &canon;
         sub.extra = NULL;
         char sub_msg[256] = "";
         sub.msg = sub_msg;
         sub.msglen = sizeof sub_msg;
         if ((st = Command_exec(&sub, chair, strlen(chair))) != GV_OK)
            st = Cmd_fail(e, st, "roster '%.60s': the Chair: %s", name, sub_msg);
         else {
            GvBuf_append(e->extra, GvBuf_str(&canon), canon.len);
            GvBuf_putc(e->extra, '\n');
         }
      }
   }
   GvBuf_free(&canon);
   GvBuf_free(&lines);
   if (st == GV_OK && count == 0)
      st = Cmd_fail(e, GV_ROSTER, "roster '%.60s' has no delegations", name);
   if (st == GV_OK) {
      char *n = strdup(name);
      if (!n)
         return Cmd_fail(e, GV_NOMEM, "out of memory");
      Cmd_replace(&e->s->roster_name, n);
   }
   return st;
}

/* attend CODE... present|video|absent, or attend all STATE */
GvStatus Cmd_attend(Exec *e, Words *w) {
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   if (w->count < 3)
      return Cmd_fail(e, GV_USAGE, "attend needs CODE... present|video|absent");
   GvAttendance a;
   const char *state = w->word[w->count - 1];
   if (!GvAttendance_parse(state, &a))
      return Cmd_fail(e, GV_BAD_VALUE, "unknown attendance '%.40s' (present, video, absent)", state);
   Roster *r = &e->s->roster;
   bool all = w->count == 3 && Util_word_eq(w->word[1], "all");
   size_t n = w->count - 2;
   size_t *idx = malloc((n ? n : 1) * sizeof *idx);
   if (!idx)
      return Cmd_fail(e, GV_NOMEM, "out of memory");
   if (!all) {
      for (size_t i = 0; i < n; i++) {
         if ((st = Cmd_delegation(e, w, i + 1, &idx[i])) != GV_OK)
            break;
         if (r->list[idx[i]].parent != GV_NONE) {
            st = Cmd_fail(e, GV_BAD_VALUE, "attendance is recorded for %s, not for its unit %s",
                          r->list[r->list[idx[i]].parent].code, r->list[idx[i]].code);
            break;
         }
      }
   }
   if (st == GV_OK) {
      if (all) {
         for (size_t i = 0; i < r->count; i++)
            if (r->list[i].parent == GV_NONE)
               r->list[i].attendance = a;
         GvBuf_puts(e->canon, " all");
      } else {
         for (size_t i = 0; i < n; i++) {
            r->list[idx[i]].attendance = a;
            Cmd_put_code(e, idx[i]);
         }
      }
      GvBuf_printf(e->canon, " %s", GvAttendance_word(a));
   }
   free(idx);
   return st;
}

/* at HH:MM[:SS] | at YYYY-MM-DDTHH:MM:SS | at now */
GvStatus Cmd_at(Exec *e, Words *w) {
   GvStatus st = Cmd_check_quotes(e, w, w->count);
   if (st != GV_OK)
      return st;
   if (w->count != 2)
      return Cmd_fail(e, GV_USAGE, "at needs HH:MM[:SS] (or 'now')");
   const char *v = w->word[1];
   size_t n = strlen(v);
   if (Util_word_eq(v, "now") || Util_word_eq(v, "off")) {
      e->s->clock = GV_NO_TIME;
      if (e->live && e->ctx)
         e->time = e->ctx->now;
      GvBuf_puts(e->canon, " now");
      return GV_OK;
   }
   int64_t t;
   if (Time_parse_iso(v, n, &t) != GV_OK) {
      int64_t secs;
      if ((st = Time_parse_hms(v, n, &secs, e->msg, e->msglen)) != GV_OK)
         return st;
      t = Cmd_ref_day(e) * GV_DAY_SECONDS + secs;
   }
   e->s->clock = t;
   e->time = t;
   e->at_clock = true;
   char iso[20];
   Time_format_iso(t, iso);
   GvBuf_printf(e->canon, " %s", iso);
   return GV_OK;
}
