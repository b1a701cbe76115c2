#include "storage/agenda_file.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/docref.h"
#include "storage/ini.h"

/* The [meeting] keys, in the order their "set" lines are written; numbering
 * goes last (after the items), roster right after the sets. */
static const char *const AgendaFile_setKeys[] = {
   "body", "date", "place", "chair", "docno", "codes", "marking", "language", "from", "to",
   "subject",
};

typedef struct AgendaItem {
   const char *id;  /* section name */
   int parent;      /* index into the items, or -1 */
   int children;    /* sub-items added so far */
   char number[64]; /* 3, 3.1 */
} AgendaItem;

static int AgendaFile_isDate(const char *s) {
   static const char shape[] = "dddd-dd-dd";
   if (strlen(s) != sizeof shape - 1)
      return 0;
   for (size_t i = 0; shape[i]; i++)
      if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
         return 0;
   int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
   return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void AgendaFile_meeting(Ini *ini, int s, const char *roster, IniCommands *out) {
   static const char *const allowed[] = {"body", "date", "place", "chair", "docno",
                                         "codes", "marking", "language", "from", "to",
                                         "subject", "roster", "numbering", NULL};
   Ini_checkKeys(ini, s, allowed);
   const char *sec = Ini_sectionName(ini, s);
   const char *date = Ini_get(ini, sec, "date");
   if (date && *date && !AgendaFile_isDate(date))
      Ini_report(ini, Ini_line(ini, sec, "date"), "date '%s' is not YYYY-MM-DD", date);
   const char *numbering = Ini_get(ini, sec, "numbering");
   if (numbering && strcasecmp(numbering, "numeric") != 0 && strcasecmp(numbering, "letters") != 0)
      Ini_report(ini, Ini_line(ini, sec, "numbering"),
                 "numbering '%s': expected numeric (3.1) or letters (3 a)", numbering);
   for (size_t i = 0; i < sizeof AgendaFile_setKeys / sizeof *AgendaFile_setKeys; i++) {
      const char *v = Ini_get(ini, sec, AgendaFile_setKeys[i]);
      if (!v || !*v)
         continue;
      char *q = IniCommands_quote(v);
      IniCommands_addAt(out, Ini_line(ini, sec, AgendaFile_setKeys[i]), "set %s %s",
                        AgendaFile_setKeys[i], q);
      free(q);
   }
   const char *r = roster ? roster : Ini_get(ini, sec, "roster");
   if (r && *r) {
      char *q = IniCommands_quote(r);
      IniCommands_addAt(out, roster ? 0 : Ini_line(ini, sec, "roster"), "roster %s", q);
      free(q);
   }
}

/* One "item add" line for section s; items[0..n) are those before it. */
static int AgendaFile_item(Ini *ini, int s, AgendaItem *items, int n, int *top,
                           IniCommands *out) {
   static const char *const allowed[] = {"title", "kind", "docs", "under", "parent",
                                         "requested", "dossier", NULL};
   Ini_checkKeys(ini, s, allowed);
   const char *sec = Ini_sectionName(ini, s);
   int line = Ini_sectionLine(ini, s);
   AgendaItem *it = &items[n];
   it->id = sec;
   it->parent = -1;
   it->children = 0;
   const char *title = Ini_get(ini, sec, "title");
   if (!title || !*title) {
      Ini_report(ini, line, "item [%s]: missing title", sec);
      return -1;
   }
   const char *kind = Ini_get(ini, sec, "kind");
   if (kind && strcasecmp(kind, "item") != 0 && strcasecmp(kind, "info") != 0 &&
       strcasecmp(kind, "aob") != 0) {
      Ini_report(ini, Ini_line(ini, sec, "kind"), "unknown kind '%s' (expected item, info or aob)",
                 kind);
      return -1;
   }
   const char *under = Ini_get(ini, sec, "under");
   const char *parent = Ini_get(ini, sec, "parent");
   if (under && parent) {
      Ini_report(ini, Ini_line(ini, sec, "parent"), "item [%s]: both under and parent", sec);
      return -1;
   }
   const char *up = under ? under : parent;
   const char *upKey = under ? "under" : "parent";
   if (up && *up) {
      for (int i = 0; i < n; i++)
         if (items[i].id && strcasecmp(items[i].id, up) == 0)
            it->parent = i;
      if (it->parent < 0) {
         Ini_report(ini, Ini_line(ini, sec, upKey),
                    "item [%s]: %s '%s' is not an item before it", sec, upKey, up);
         return -1;
      }
      AgendaItem *p = &items[it->parent];
      char pnum[sizeof p->number];
      memcpy(pnum, p->number, sizeof pnum);
      snprintf(it->number, sizeof it->number, "%.40s.%d", pnum, ++p->children);
   } else {
      snprintf(it->number, sizeof it->number, "%d", ++*top);
   }
   /* item add "TITLE" [under NUM] [doc "REF"]... [kind K] [requested CODE] */
   char *q = IniCommands_quote(title);
   size_t cap = strlen(q) + 64, len = 0;
   char *cmd = malloc(cap);
   if (!cmd)
      abort();
   len = (size_t)snprintf(cmd, cap, "item add %s", q);
   free(q);
#define AGENDA_APPEND(...)                                                \
   do {                                                                   \
      int w_ = snprintf(NULL, 0, __VA_ARGS__);                            \
      if (len + (size_t)w_ + 1 > cap) {                                   \
         cap = (len + (size_t)w_ + 1) * 2;                                \
         char *nc_ = realloc(cmd, cap);                                   \
         if (!nc_)                                                        \
            abort();                                                      \
         cmd = nc_;                                                       \
      }                                                                   \
      snprintf(cmd + len, cap - len, __VA_ARGS__);                        \
      len += (size_t)w_;                                                  \
   } while (0)
   if (it->parent >= 0)
      AGENDA_APPEND(" under %s", items[it->parent].number);
   const char *docs = Ini_get(ini, sec, "docs");
   for (const char *next = docs; next && *next;) {
      const char *d = next;
      const char *comma = strchr(d, ',');
      size_t dn = comma ? (size_t)(comma - d) : strlen(d);
      const char *e = d + dn;
      next = comma ? comma + 1 : e;
      while (d < e && (*d == ' ' || *d == '\t'))
         d++;
      while (e > d && (e[-1] == ' ' || e[-1] == '\t'))
         e--;
      DocRef ref;
      char why[256];
      if (e > d && DocRef_parse(d, (size_t)(e - d), &ref, why, sizeof why) == GV_OK) {
         /* the canonical form: "cm 2622/1/17 rev 1" becomes "CM 2622/1/17 REV 1" */
         char *qr = IniCommands_quote(ref.text);
         AGENDA_APPEND(" doc %s", qr);
         free(qr);
         DocRef_free(&ref);
      } else if (e > d) {
         Ini_report(ini, Ini_line(ini, sec, "docs"), "item [%s]: %s", sec, why);
      } else {
         Ini_report(ini, Ini_line(ini, sec, "docs"), "item [%s]: empty document in docs", sec);
      }
   }
   if (kind && strcasecmp(kind, "item") != 0)
      AGENDA_APPEND(" kind %s", strcasecmp(kind, "info") == 0 ? "info" : "aob");
   const char *req = Ini_get(ini, sec, "requested");
   if (req && *req) {
      int ok = 1;
      for (const char *c = req; *c; c++)
         if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
               (*c >= '0' && *c <= '9') || *c == '/' || *c == '-' || *c == '_'))
            ok = 0;
      if (ok)
         AGENDA_APPEND(" requested %s", req);
      else
         Ini_report(ini, Ini_line(ini, sec, "requested"),
                    "item [%s]: requested '%s' is not a delegation code", sec, req);
   }
   const char *dossier = Ini_get(ini, sec, "dossier");
   if (dossier && *dossier) {
      char *qd = IniCommands_quote(dossier);
      if (qd)
         AGENDA_APPEND(" dossier %s", qd);
      free(qd);
   }
#undef AGENDA_APPEND
   IniCommands_addAt(out, line, "%s", cmd);
   free(cmd);
   return 0;
}

static int AgendaFile_fromIni(Ini *ini, const char *roster, IniCommands *out, char **errors) {
   *errors = NULL;
   IniCommands mine = {0};
   int meeting = Ini_findSection(ini, "meeting");
   if (meeting >= 0)
      AgendaFile_meeting(ini, meeting, roster, &mine);
   else if (roster) {
      char *q = IniCommands_quote(roster);
      IniCommands_add(&mine, "roster %s", q);
      free(q);
   }
   int nsec = Ini_sectionCount(ini);
   AgendaItem *items = calloc((size_t)nsec + 1, sizeof *items);
   if (!items)
      abort();
   int n = 0, top = 0;
   for (int s = 0; s < nsec; s++) {
      if (s == meeting)
         continue;
      if (AgendaFile_item(ini, s, items, n, &top, &mine) == 0)
         n++;
   }
   free(items);
   if (meeting >= 0) {
      const char *numbering = Ini_get(ini, Ini_sectionName(ini, meeting), "numbering");
      if (numbering && *numbering)
         IniCommands_addAt(&mine, Ini_line(ini, Ini_sectionName(ini, meeting), "numbering"),
                           "set numbering %s", numbering);
   }
   if (meeting < 0 && n == 0 && Ini_errorCount(ini) == 0)
      Ini_report(ini, 0, "neither a [meeting] section nor any item");
   int rc = 0;
   if (Ini_errorCount(ini) > 0) {
      *errors = Ini_errorText(ini);
      rc = -1;
   } else {
      IniCommands_setFile(out, Ini_name(ini));
      for (int i = 0; i < mine.count; i++)
         IniCommands_addAt(out, mine.at[i], "%s", mine.line[i]);
   }
   IniCommands_clear(&mine);
   Ini_free(ini);
   return rc;
}

int AgendaFile_parse(const char *buf, size_t len, const char *name, const char *roster,
                     IniCommands *out, char **errors) {
   Ini *ini = Ini_parse(buf, len, name);
   if (!ini)
      abort();
   return AgendaFile_fromIni(ini, roster, out, errors);
}

int AgendaFile_load(const char *name_or_path, const PathsHint *hint, const char *roster,
                    IniCommands *out, char **errors) {
   char path[PATH_MAX];
   *errors = NULL;
   if (Paths_isPath(name_or_path)) {
      snprintf(path, sizeof path, "%s", name_or_path);
   } else {
      char err[2048];
      if (Paths_findData("agendas", name_or_path, hint, path, sizeof path, err, sizeof err)) {
         size_t n = strlen(err) + 2;
         *errors = malloc(n);
         if (!*errors)
            abort();
         snprintf(*errors, n, "%s\n", err);
         return -1;
      }
   }
   Ini *ini = Ini_load(path);
   if (!ini)
      abort();
   return AgendaFile_fromIni(ini, roster, out, errors);
}
