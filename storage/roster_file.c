#include "storage/roster_file.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/buf.h"
#include "storage/ini.h"
#include "storage/paths.h"

static const char *const RosterFile_kinds[] = {"ms", "institution", "agency", "observer", "unit"};

const char *RosterFile_kindName(RosterKind kind) {
   return (unsigned)kind < sizeof RosterFile_kinds / sizeof *RosterFile_kinds
             ? RosterFile_kinds[kind]
             : "?";
}

static char *RosterFile_strdup(const char *s) {
   char *d = strdup(s);
   if (!d)
      abort(); /* out of memory */
   return d;
}

/* A code is letters, digits, '-' and '_', with at most one "/UNIT". */
static int RosterFile_checkCode(Ini *ini, int line, const char *code) {
   /* The model's rule, so that every code read here is one it accepts. */
   int ok = Roster_code_valid(code);
   if (!ok)
      Ini_report(ini, line,
                 "[%s]: a code is letters, digits, - and _ (at most %d), with at most one /UNIT",
                 code, GV_CODE_PART_MAX);
   return ok;
}

/* value of key in section s, or NULL if absent or empty. */
static const char *RosterFile_value(const Ini *ini, const char *sec, const char *key) {
   const char *v = Ini_get(ini, sec, key);
   return v && *v ? v : NULL;
}

static void RosterFile_entry(Ini *ini, int s, RosterFile *r) {
   static const char *const delegationKeys[] = {"kind", "name", "native", "phrase", NULL};
   static const char *const unitKeys[] = {"name", "phrase", NULL};
   const char *sec = Ini_sectionName(ini, s);
   int line = Ini_sectionLine(ini, s);
   if (!RosterFile_checkCode(ini, line, sec))
      return;
   RosterEntry e = {.line = line};
   for (size_t i = 0; sec[i]; i++)
      e.code[i] = (char)toupper((unsigned char)sec[i]);
   const char *slash = strchr(e.code, '/');
   const RosterEntry *parent = NULL;
   if (slash) {
      char pcode[ROSTER_CODE_MAX + 1];
      snprintf(pcode, sizeof pcode, "%.*s", (int)(slash - e.code), e.code);
      parent = RosterFile_find(r, pcode);
      if (!parent || parent->kind == ROSTER_UNIT) {
         Ini_report(ini, line, "unit [%s]: no delegation [%s] before it", sec, pcode);
         return;
      }
      Ini_checkKeys(ini, s, unitKeys);
      if (Ini_get(ini, sec, "kind"))
         Ini_report(ini, Ini_line(ini, sec, "kind"), "unit [%s] takes its kind from [%s]", sec,
                    pcode);
      e.kind = ROSTER_UNIT;
   } else {
      Ini_checkKeys(ini, s, delegationKeys);
      const char *kind = RosterFile_value(ini, sec, "kind");
      if (!kind) {
         Ini_report(ini, line, "[%s]: missing kind (ms, institution, agency or observer)", sec);
         return;
      }
      int k = 0;
      while (k < ROSTER_UNIT && strcasecmp(kind, RosterFile_kinds[k]) != 0)
         k++;
      if (k == ROSTER_UNIT) {
         Ini_report(ini, Ini_line(ini, sec, "kind"),
                    "unknown kind '%s' (expected ms, institution, agency or observer)", kind);
         return;
      }
      e.kind = (RosterKind)k;
   }
   const char *name = RosterFile_value(ini, sec, "name");
   if (!name) {
      Ini_report(ini, line, "[%s]: missing name", sec);
      return;
   }
   const char *native = RosterFile_value(ini, sec, "native");
   const char *phrase = RosterFile_value(ini, sec, "phrase");
   char made[512];
   if (!phrase) {
      if (e.kind == ROSTER_MS || e.kind == ROSTER_OBSERVER) {
         snprintf(made, sizeof made, "the %s delegation", e.code);
      } else if (e.kind == ROSTER_UNIT) {
         /* "the Commission" + "DG Home" -> "the Commission (DG Home)" */
         snprintf(made, sizeof made, "%s (%s)", parent->phrase, name);
      } else {
         Ini_report(ini, line, "[%s]: missing phrase (how documents name it: 'the Commission')",
                    sec);
         return;
      }
      phrase = made;
   }
   if (e.kind != ROSTER_UNIT) {
      e.order = 1;
      for (int i = 0; i < r->count; i++)
         if (r->entry[i].kind != ROSTER_UNIT)
            e.order++;
   }
   e.name = RosterFile_strdup(name);
   e.native = RosterFile_strdup(native ? native : name);
   e.phrase = RosterFile_strdup(phrase);
   RosterEntry *ne = realloc(r->entry, (size_t)(r->count + 1) * sizeof *ne);
   if (!ne)
      abort();
   r->entry = ne;
   r->entry[r->count++] = e;
}

/* Builds the roster from a parsed file; takes ini. */
static RosterFile *RosterFile_fromIni(Ini *ini, char **errors) {
   static const char *const rosterKeys[] = {"title", NULL};
   *errors = NULL;
   RosterFile *r = calloc(1, sizeof *r);
   if (!r)
      abort();
   r->path = RosterFile_strdup(Ini_name(ini));
   for (int s = 0; s < Ini_sectionCount(ini); s++) {
      if (strcasecmp(Ini_sectionName(ini, s), "roster") == 0) {
         Ini_checkKeys(ini, s, rosterKeys);
         const char *title = RosterFile_value(ini, "roster", "title");
         if (title)
            r->title = RosterFile_strdup(title);
         continue;
      }
      RosterFile_entry(ini, s, r);
   }
   if (r->count == 0 && Ini_errorCount(ini) == 0)
      Ini_report(ini, 0, "no delegations (a roster has one [CODE] section per delegation)");
   if (Ini_errorCount(ini) > 0) {
      *errors = Ini_errorText(ini);
      RosterFile_free(r);
      r = NULL;
   }
   Ini_free(ini);
   return r;
}

RosterFile *RosterFile_parse(const char *buf, size_t len, const char *name, char **errors) {
   Ini *ini = Ini_parse(buf, len, name);
   if (!ini)
      abort();
   return RosterFile_fromIni(ini, errors);
}

static char *RosterFile_message(const char *msg) {
   size_t n = strlen(msg) + 2;
   char *e = malloc(n);
   if (!e)
      abort();
   snprintf(e, n, "%s\n", msg);
   return e;
}

RosterFile *RosterFile_load(const char *name_or_path, const PathsHint *hint, char **errors) {
   char path[PATH_MAX];
   *errors = NULL;
   if (Paths_isPath(name_or_path)) {
      snprintf(path, sizeof path, "%s", name_or_path);
   } else {
      char err[2048];
      if (Paths_findData("rosters", name_or_path, hint, path, sizeof path, err, sizeof err)) {
         *errors = RosterFile_message(err);
         return NULL;
      }
   }
   Ini *ini = Ini_load(path);
   if (!ini)
      abort();
   return RosterFile_fromIni(ini, errors);
}

void RosterFile_free(RosterFile *r) {
   if (!r)
      return;
   for (int i = 0; i < r->count; i++) {
      free(r->entry[i].name);
      free(r->entry[i].native);
      free(r->entry[i].phrase);
   }
   free(r->entry);
   free(r->title);
   free(r->path);
   free(r);
}

const RosterEntry *RosterFile_find(const RosterFile *r, const char *code) {
   for (int i = 0; i < r->count; i++)
      if (strcasecmp(r->entry[i].code, code) == 0)
         return &r->entry[i];
   return NULL;
}

void RosterFile_commands(const RosterFile *r, IniCommands *out) {
   for (int i = 0; i < r->count; i++) {
      const RosterEntry *e = &r->entry[i];
      char *name = IniCommands_quote(e->name);
      char *phrase = IniCommands_quote(e->phrase);
      if (e->kind == ROSTER_UNIT) {
         IniCommands_add(out, "delegation %s name=%s phrase=%s", e->code, name, phrase);
      } else {
         char *native = IniCommands_quote(e->native);
         IniCommands_add(out, "delegation %s kind=%s order=%d name=%s native=%s phrase=%s",
                         e->code, RosterFile_kindName(e->kind), e->order, name, native, phrase);
         free(native);
      }
      free(name);
      free(phrase);
   }
}

char *RosterFile_lines(const char *name_or_path, const PathsHint *hint, char **errors) {
   RosterFile *r = RosterFile_load(name_or_path, hint, errors);
   if (!r)
      return NULL;
   IniCommands c = {0};
   RosterFile_commands(r, &c);
   char *text = IniCommands_join(&c);
   IniCommands_clear(&c);
   RosterFile_free(r);
   return text;
}

int RosterFile_loadInto(const char *name_or_path, const PathsHint *hint, struct GvBuf *lines,
                        char *msg, size_t msglen) {
   char *errors = NULL;
   char *text = RosterFile_lines(name_or_path, hint, &errors);
   if (!text) {
      /* one line for the model's refusal: the first problem and a count */
      int more = -1;
      for (const char *p = errors; p && *p; p++)
         more += *p == '\n';
      size_t first = errors ? strcspn(errors, "\n") : 0;
      if (more > 0)
         snprintf(msg, msglen, "%.*s (and %d more)", (int)first, errors, more);
      else
         snprintf(msg, msglen, "%.*s", (int)first, errors ? errors : "");
      free(errors);
      return -1;
   }
   free(errors);
   int ok = GvBuf_puts(lines, text);
   free(text);
   if (!ok) {
      snprintf(msg, msglen, "out of memory");
      return -1;
   }
   return 0;
}
