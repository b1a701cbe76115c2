/* Rendering as the Secretariat writes: every rule in Markdown, HTML and
 * text, with the council style and with the style keys that change it. */
#include "tests/unit/testutil.h"

#include "model/session.h"
#include "model/style.h"
#include "render/outcome.h"
#include "storage/style_file.h"

#include <zlib.h>

typedef struct Fix {
   Session *s;
   RunContext ctx;
   unsigned next;
} Fix;

static void fix_uuid(void *ud, char out[37]) {
   Fix *f = ud;
   snprintf(out, 37, "%08x-0000-4000-8000-000000000000", ++f->next);
}

static const char Roster_lines[] =
   "delegation PRES kind=institution order=0 name=Presidency phrase=\"the Presidency\"\n"
   "delegation BE kind=ms order=1 name=Belgium\n"
   "delegation CZ kind=ms order=3 name=Czechia\n"
   "delegation DK kind=ms order=4 name=Denmark\n"
   "delegation DE kind=ms order=5 name=Germany\n"
   "delegation EE kind=ms order=6 name=Estonia\n"
   "delegation FR kind=ms order=10 name=France\n"
   "delegation HU kind=ms order=18 name=Hungary\n"
   "delegation SE kind=ms order=27 name=Sweden\n"
   "delegation COM kind=institution order=40 name=Commission phrase=\"the Commission\"\n"
   "delegation ENISA kind=agency order=50 name=ENISA\n";

static int fix_roster(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen) {
   (void)ud;
   (void)name;
   (void)msg;
   (void)msglen;
   GvBuf_puts(lines, Roster_lines);
   return 0;
}

static void run(Fix *f, const char *line) {
   char msg[512] = "";
   GvStatus st = Session_run(f->s, line, strlen(line), &f->ctx, NULL, msg, sizeof msg);
   if (st != GV_OK)
      fail_msg("refused: %s: %s", line, msg);
}

/* A meeting with a roster, items 1 (adoption), 2, 3 and item 2 taken up. */
static Fix *fix_new(void) {
   Fix *f = calloc(1, sizeof *f);
   assert_non_null(f);
   f->s = Session_new();
   f->ctx.now = Date_days_from_civil(2017, 5, 12) * GV_DAY_SECONDS + 10 * 3600;
   f->ctx.new_uuid = fix_uuid;
   f->ctx.load_roster = fix_roster;
   f->ctx.ud = f;
   run(f, "set date 2017-05-12");
   run(f, "set body \"Horizontal Working Party on Cyber Issues\"");
   run(f, "roster test");
   run(f, "item add \"Adoption of the agenda\" doc \"CM 2622/1/17 REV 1\"");
   run(f, "item add \"Cyber toolbox\" doc 8946/17");
   run(f, "item add \"E-evidence\"");
   run(f, "item add AOB kind aob");
   return f;
}

static void fix_free(Fix *f) {
   Session_free(f->s);
   free(f);
}

/* HTML as its reader sees the words: tags read as blanks, entities decoded. */
static void untag(char *buf) {
   static const struct { const char *ent, *ch; } ents[] = {
      { "&amp;", "&" }, { "&#39;", "'" }, { "&apos;", "'" }, { "&quot;", "\"" }, { "&lt;", "<" }, { "&gt;", ">" },
   };
   size_t w = 0;
   int tag = 0;
   for (size_t r = 0; buf[r]; r++) {
      if (buf[r] == '<') {
         tag = 1;
         continue;
      }
      if (tag) {
         if (buf[r] == '>') {
            tag = 0;
            buf[w++] = ' ';
         }
         continue;
      }
      size_t e = 0;
      for (; e < sizeof ents / sizeof *ents; e++)
         if (strncmp(buf + r, ents[e].ent, strlen(ents[e].ent)) == 0)
            break;
      if (e < sizeof ents / sizeof *ents) {
         buf[w++] = ents[e].ch[0];
         r += strlen(ents[e].ent) - 1;
      } else {
         buf[w++] = buf[r];
      }
   }
   buf[w] = '\0';
}


/* The text of a .docx: word/document.xml found through the ZIP central
 * directory and inflated, its tags dropped (a paragraph end, a line break
 * and a tab read as a blank; runs of one paragraph join), entities decoded. */
static uint32_t le32(const unsigned char *p) {
   return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static unsigned le16(const unsigned char *p) {
   return (unsigned)p[0] | (unsigned)p[1] << 8;
}
static char *docx_text(const unsigned char *zip, size_t len) {
   const char *want = "word/document.xml";
   size_t eocd = len >= 22 ? len - 22 : 0;
   while (eocd > 0 && le32(zip + eocd) != 0x06054b50)
      eocd--;
   assert_int_equal(le32(zip + eocd), 0x06054b50);
   size_t cd = le32(zip + eocd + 16), entries = le16(zip + eocd + 10);
   char *xml = NULL;
   for (size_t e = 0; e < entries && !xml; e++) {
      assert_int_equal(le32(zip + cd), 0x02014b50);
      size_t csize = le32(zip + cd + 20), usize = le32(zip + cd + 24);
      size_t nlen = le16(zip + cd + 28), xlen = le16(zip + cd + 30), clen = le16(zip + cd + 32);
      size_t off = le32(zip + cd + 42);
      if (nlen == strlen(want) && memcmp(zip + cd + 46, want, nlen) == 0) {
         const unsigned char *data = zip + off + 30 + le16(zip + off + 26) + le16(zip + off + 28);
         xml = malloc(usize + 1);
         assert_non_null(xml);
         z_stream z;
         memset(&z, 0, sizeof z);
         assert_int_equal(inflateInit2(&z, -15), Z_OK);
         z.next_in = (unsigned char *)data;
         z.avail_in = (uInt)csize;
         z.next_out = (unsigned char *)xml;
         z.avail_out = (uInt)usize;
         assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
         inflateEnd(&z);
         xml[usize] = '\0';
      }
      cd += 46 + nlen + xlen + clen;
   }
   assert_non_null(xml);
   size_t w = 0;
   for (size_t r = 0; xml[r];) {
      if (xml[r] == '<') {
         size_t end = r;
         while (xml[end] && xml[end] != '>')
            end++;
         if (strncmp(xml + r, "</w:p>", 6) == 0 || strncmp(xml + r, "<w:br", 5) == 0 ||
             strncmp(xml + r, "<w:tab/", 7) == 0)
            xml[w++] = ' ';
         r = xml[end] ? end + 1 : end;
      } else {
         xml[w++] = xml[r++];
      }
   }
   xml[w] = '\0';
   untag(xml);  /* no tags left: decodes the entities */
   return xml;
}

/* The document in one format, whitespace runs folded to one blank (the
 * text format wraps lines); with plain, HTML without its tags. */
static char *render_as(const Fix *f, OutcomeFormat fmt, const Style *st, int annexes, int plain);
static char *render(const Fix *f, OutcomeFormat fmt, const Style *st, int annexes) {
   return render_as(f, fmt, st, annexes, 0);
}

static char *render_as(const Fix *f, OutcomeFormat fmt, const Style *st, int annexes, int plain) {
   char *buf = NULL;
   size_t len = 0;
   FILE *out = open_memstream(&buf, &len);
   assert_non_null(out);
   OutcomeOptions o = { .annexes = annexes, .docDate = "2017-07-05", .style = st };
   assert_int_equal(Outcome_write(out, f->s, fmt, &o), 0);
   assert_int_equal(fclose(out), 0);
   if (fmt == OUTCOME_DOCX) {
      char *text = docx_text((const unsigned char *)buf, len);
      free(buf);
      buf = text;
      len = strlen(buf);
   } else if (plain && fmt == OUTCOME_HTML) {
      untag(buf);
      len = strlen(buf);
   }
   size_t w = 0;
   for (size_t r = 0; r < len; r++) {
      char c = buf[r] == '\n' || buf[r] == '\t' ? ' ' : buf[r];
      if (c == ' ' && w > 0 && buf[w - 1] == ' ')
         continue;
      buf[w++] = c;
   }
   buf[w] = '\0';
   return buf;
}

static void has(const char *doc, const char *needle, const char *fmt) {
   if (!strstr(doc, needle)) {
      fprintf(stderr, "--- %s ---\n%s\n--- end ---\n", fmt, doc);
      fail_msg("%s lacks: %s", fmt, needle);
   }
}

static void lacks(const char *doc, const char *needle, const char *fmt) {
   if (strstr(doc, needle)) {
      fprintf(stderr, "--- %s ---\n%s\n--- end ---\n", fmt, doc);
      fail_msg("%s has: %s", fmt, needle);
   }
}

/* The same words in all four formats (md escapes & and friends, so keep
 * needles plain). */
static void all_have(const Fix *f, const Style *st, const char *needle) {
   static const char *names[] = { "md", "html", "txt", "docx" };
   for (int k = 0; k < 4; k++) {
      char *d = render_as(f, (OutcomeFormat)k, st, 0, 1);
      has(d, needle, names[k]);
      free(d);
   }
}

static void all_lack(const Fix *f, const Style *st, const char *needle) {
   static const char *names[] = { "md", "html", "txt", "docx" };
   for (int k = 0; k < 4; k++) {
      char *d = render_as(f, (OutcomeFormat)k, st, 0, 1);
      lacks(d, needle, names[k]);
      free(d);
   }
}

static void groups_and_paragraphs(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "item 2");
   run(f, "give FR");
   run(f, "note presented the text");
   run(f, "group \"several delegations\" BE CZ DK: supported the compromise");
   run(f, "paragraph Delegations were invited to send written comments.");
   run(f, "group \"a number of delegations\": + then asked for more time");
   run(f, "give DE");
   run(f, "give BE");
   run(f, "give ENISA");
   run(f, "end");
   all_have(f, NULL, "The FR delegation presented the text. Several delegations (BE, CZ and DK) supported the compromise.");
   all_have(f, NULL, "Delegations were invited to send written comments. A number of delegations then asked for more time.");
   /* BE is in a group paragraph: not listed again; "and" like every list */
   all_have(f, NULL, "ENISA also took the floor. The DE delegation also took the floor.");
   all_lack(f, NULL, "BE also took");
   char *h = render(f, OUTCOME_HTML, NULL, 0);
   has(h, "<p dir=\"auto\">Several delegations (BE, CZ and DK) supported the compromise.</p>", "html");
   free(h);
   fix_free(f);
}

static void also_took_the_floor_order(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "item 2");
   run(f, "give SE");
   run(f, "give DE");
   run(f, "give FR");
   run(f, "end");
   all_have(f, NULL, "The following delegations also took the floor: DE, FR and SE.");
   Style st;
   Style_default(&st);
   char msg[256];
   assert_int_equal(Style_set(&st, "also-took-the-floor", "speaking", msg, sizeof msg), 0);
   all_have(f, &st, "The following delegations also took the floor: SE, DE and FR.");
   assert_int_equal(Style_set(&st, "also-took-the-floor", "alphabetical", msg, sizeof msg), 0);
   run(f, "give BE");
   run(f, "end");
   all_have(f, &st, "also took the floor: BE, DE, FR and SE.");
   fix_free(f);
}

static void predicates_on_clear_evidence(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "item 2");
   run(f, "give FR");
   run(f, "note the Presidency's text was acceptable to it");
   run(f, "note e-evidence should remain in scope");
   run(f, "note also insisted on the deadline");
   run(f, "give DE");
   run(f, "note could accept the text");
   run(f, "note wonders about the scope");
   all_have(f, NULL, "the Presidency's text was acceptable to it. e-evidence should remain in scope. The FR delegation also insisted on the deadline.");
   all_have(f, NULL, "The DE delegation could accept the text. wonders about the scope.");
   all_lack(f, NULL, "The FR delegation the Presidency");
   /* the style teaches a verb */
   Style st;
   Style_default(&st);
   char msg[256];
   assert_int_equal(Style_set(&st, "verbs", "wonders ponders", msg, sizeof msg), 0);
   all_have(f, &st, "The DE delegation wonders about the scope.");
   assert_true(Outcome_isPredicateText("briefly presented the text", NULL));
   assert_false(Outcome_isPredicateText("delegations agreed", NULL));
   fix_free(f);
}

static void subject_again_and_lists(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "item 2");
   run(f, "give DE");
   run(f, "note underlined the need for speed");
   run(f, "note asked for a new text\\n\\nproposed three planks:\\n- explain the aims;\\n- set the rules;\\n• review in 2020.");
   all_have(f, NULL, "The DE delegation underlined the need for speed. The DE delegation asked for a new text.");
   Style st;
   Style_default(&st);
   char msg[256];
   assert_int_equal(Style_set(&st, "subject-again", "pronoun", msg, sizeof msg), 0);
   all_have(f, &st, "The DE delegation underlined the need for speed. It asked for a new text.");
   /* a blank line: a new paragraph; "- " lines: a list */
   char *md = render(f, OUTCOME_MD, NULL, 0);
   has(md, "for a new text. The DE delegation proposed three planks: - explain the aims - set the rules - review in 2020 ", "md");
   lacks(md, "planks: - explain the aims;.", "md");
   free(md);
   char *h = render(f, OUTCOME_HTML, NULL, 0);
   has(h, "<p dir=\"auto\">The DE delegation proposed three planks:</p> <ul> <li dir=\"auto\">explain the aims</li> <li dir=\"auto\">set the rules</li> <li dir=\"auto\">review in 2020</li> </ul>", "html");
   free(h);
   char *t = render(f, OUTCOME_TXT, NULL, 0);
   has(t, "three planks: - explain the aims - set the rules - review in 2020", "txt");
   free(t);
   fix_free(f);
}

static void documents_and_deadlines(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "item 2");
   run(f, "give PRES");
   run(f, "note presented the revised text");
   run(f, "presents 8946/17");
   run(f, "deadline 2017-05-31 written comments by PRES");
   run(f, "deadline 2018-01-09 final comments by PRES");
   /* the document under the title is not cited again */
   all_lack(f, NULL, "(doc. 8946/17)");
   /* the default, as the reference: no year in the meeting's year */
   all_have(f, NULL, "The Presidency presented the revised text. The Presidency set 31 May as the deadline for written comments.");
   all_have(f, NULL, "9 January 2018");
   all_lack(f, NULL, "09 January");
   Style st;
   Style_default(&st);
   char msg[256];
   assert_int_equal(Style_set(&st, "deadline-year", "always", msg, sizeof msg), 0);
   all_have(f, &st, "The Presidency set 31 May 2017 as the deadline for written comments.");
   Style_default(&st);
   assert_int_equal(Style_set(&st, "deadline-year", "other-years", msg, sizeof msg), 0);
   assert_int_equal(Style_set(&st, "deadline-paragraph", "own", msg, sizeof msg), 0);
   assert_int_equal(Style_set(&st, "item-documents", "no", msg, sizeof msg), 0);
   all_have(f, &st, "The Presidency set 31 May as the deadline for written comments.");
   all_have(f, &st, "The Presidency set 9 January 2018 as the deadline");
   all_have(f, &st, "(doc. 8946/17)");
   all_lack(f, &st, "Doc. 8946/17");
   char *md = render(f, OUTCOME_MD, &st, 0);
   has(md, "revised text (doc. 8946/17). The Presidency set 31 May", "md");   /* folded blank line */
   free(md);
   fix_free(f);
}

static void headings_information_points_joins(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "item 1");
   run(f, "item add \"OSCE informal group\" under 4 kind info requested HU");
   run(f, "item add \"IPCR activation\" under 4 kind info requested EE");
   run(f, "item 2");
   run(f, "item add \"Discussion on CFSP\" under 2 kind heading");
   run(f, "item 2.1");
   run(f, "give COM");
   run(f, "note gave an overview");
   run(f, "item join 2.1 3");
   run(f, "item 3");
   run(f, "give FR");
   run(f, "note presented the joined text");
   run(f, "item 4.1");
   run(f, "give HU");
   run(f, "note informed participants about the meeting");
   run(f, "item 4.2");
   run(f, "give EE");
   run(f, "note said a presentation would follow");
   run(f, "end");
   /* only what was added at the adoption is counted, never the heading */
   all_have(f, NULL, "was adopted with the addition of information points by the HU and the EE delegations.");
   all_have(f, NULL, "Discussion on CFSP");
   all_have(f, NULL, "\xE2\x80\x93");
   all_lack(f, NULL, "2.1. Discussion");
   /* joined: both headings, then one text */
   char *md = render(f, OUTCOME_MD, NULL, 0);
   has(md, "#### **\xE2\x80\x93 Discussion on CFSP** ### **3. E-evidence** The Commission gave an overview. The FR delegation presented the joined text.", "md");
   has(md, "### **4. AOB** Under this point the HU delegation informed participants about the meeting. The EE delegation said", "md");
   free(md);
   all_lack(f, NULL, "OSCE informal group");
   Style st;
   Style_default(&st);
   char msg[256];
   assert_int_equal(Style_set(&st, "information-points", "headings", msg, sizeof msg), 0);
   assert_int_equal(Style_set(&st, "heading-mark", "-", msg, sizeof msg), 0);
   all_have(f, &st, "4.1. OSCE informal group");   /* html: the number in its own span */
   all_have(f, &st, "The HU delegation informed");
   all_have(f, &st, "- Discussion on CFSP");
   fix_free(f);
}

static void adoption_names_one_item(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "item 1");
   run(f, "item add \"IPCR activation - Coronavirus\" under 4 kind aob");
   all_have(f, NULL, "was adopted with the addition of an AOB item (IPCR activation - Coronavirus).");
   fix_free(f);
}

static void attendance_sentences(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "attend all present");
   run(f, "attend EE SE video");
   run(f, "attend COM ENISA video");
   all_have(f, NULL, "Two delegations (EE and SE) were also connected by videoconference.");
   /* a whole meeting by videoconference: no "also" */
   run(f, "attend all video");
   run(f, "attend DK absent");
   all_have(f, NULL, "Seven delegations (BE, CZ, DE, EE, FR, HU and SE) were connected by videoconference. One delegation (DK) did not attend the meeting.");
   Style st;
   Style_default(&st);
   char msg[256];
   assert_int_equal(Style_set(&st, "attendance", "names", msg, sizeof msg), 0);
   assert_int_equal(Style_set(&st, "videoconference", "in", msg, sizeof msg), 0);
   all_have(f, &st, "(Belgium, Czechia, Germany, Estonia, France, Hungary and Sweden) participated in videoconference.");
   /* the sentence stays with the adoption of the agenda wherever it sits */
   run(f, "item move 1 after 2");
   char *md = render(f, OUTCOME_MD, NULL, 0);
   has(md, "### **1. Cyber toolbox** *Doc. 8946/17* ### **2. Adoption of the agenda** The agenda as set out in doc. "
           "CM 2622/1/17 REV 1 was adopted. Seven delegations", "md");
   free(md);
   fix_free(f);
}

static void attendance_annex(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "set chair \"MT Presidency\"");
   run(f, "attend BE present");
   run(f, "item 2");
   run(f, "give FR");
   run(f, "give CHAIR");
   run(f, "note concluded the item");
   run(f, "end");
   static const char *names[] = { "md", "html", "txt" };
   for (int k = 0; k < 3; k++) {
      char *d = render(f, (OutcomeFormat)k, NULL, OUTCOME_ANNEX_ATTENDANCE);
      has(d, "Chair: MT Presidency.", names[k]);
      has(d, "The Chair concluded the item.", names[k]);
      lacks(d, "| CHAIR |", names[k]);
      free(d);
   }
   char *md = render(f, OUTCOME_MD, NULL, OUTCOME_ANNEX_ATTENDANCE);
   has(md, "| FR | France | Present |", "md");   /* spoke: never "Not recorded" */
   has(md, "| DK | Denmark | Not recorded |", "md");
   free(md);
   /* in the statistics the Chair comes apart, after the delegations */
   md = render(f, OUTCOME_MD, NULL, OUTCOME_ANNEX_SPEAKERS);
   const char *fr = strstr(md, "| FR | 1 |"), *chair = strstr(md, "| Chair | 1 |");
   assert_non_null(fr);
   assert_non_null(chair);
   assert_true(chair > fr);
   free(md);
   Style st;
   Style_default(&st);
   char msg[256];
   assert_int_equal(Style_set(&st, "chair", "name", msg, sizeof msg), 0);
   all_have(f, &st, "The Chair (MT Presidency) concluded the item.");
   fix_free(f);
}

static void header_lines(void **state) {
   (void)state;
   Fix *f = fix_new();
   run(f, "set type NOTE");
   run(f, "set date 2003-04-08..2003-04-09");
   run(f, "set to \"Delegations\" \"Coreper\"");
   run(f, "set header \"Interinstitutional File\" \"2018/0108 (COD)\"");
   run(f, "set access \"DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (12.02.2019)\"");
   run(f, "set marking LIMITE");
   run(f, "set docno 10876/17");
   all_have(f, NULL, "NOTE");
   all_have(f, NULL, "8-9 April 2003");
   all_have(f, NULL, "Delegations");
   all_have(f, NULL, "Coreper");
   all_have(f, NULL, "Interinstitutional File:");
   all_have(f, NULL, "2018/0108 (COD)");
   all_have(f, NULL, "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (12.02.2019)");
   all_lack(f, NULL, "OUTCOME OF PROCEEDINGS");
   char *md = render(f, OUTCOME_MD, NULL, 0);
   has(md, "To: Delegations Coreper Subject:", "md");
   free(md);
   char *h = render(f, OUTCOME_HTML, NULL, 0);
   has(h, "<td dir=\"auto\">Delegations<br>Coreper</td>", "html");
   /* LIMITE and the number on every printed page, not only the first */
   has(h, "@top-right { content: \"LIMITE\"", "html");
   has(h, "<div class=\"running\" aria-hidden=\"true\">10876/17 <span class=\"marking\">LIMITE</span></div>", "html");
   free(h);
   run(f, "set on");
   all_lack(f, NULL, "On:");
   run(f, "set date 2003-04-30..2003-05-01");
   run(f, "set on 30 April and 1 May 2003");
   all_have(f, NULL, "30 April and 1 May 2003");
   fix_free(f);
}

static void style_files(void **state) {
   (void)state;
   Style st;
   Style_default(&st);
   char *err = NULL;
   const char good[] = "[style]\ndescription = x\n[document]\nnumbering = letters\nsubject-again = pronoun\n";
   assert_int_equal(StyleFile_parse(good, strlen(good), "mine.ini", &st, &err), 0);
   assert_null(err);
   assert_int_equal(st.numbering, GV_NUMBERING_LETTERS);
   assert_true(st.subject_pronoun);
   const char bad[] = "[document]\nnumbering = roman\ncolour = red\n[layout]\n";
   Style_default(&st);
   assert_int_equal(StyleFile_parse(bad, strlen(bad), "bad.ini", &st, &err), -1);
   assert_non_null(err);
   assert_non_null(strstr(err, "bad.ini:2: numbering is 'numeric' or 'letters', not 'roman'"));
   assert_non_null(strstr(err, "bad.ini:3: unknown key 'colour'"));
   assert_non_null(strstr(err, "bad.ini:4: unknown section [layout]"));
   free(err);
   /* what is wrong keeps the council value */
   assert_int_equal(st.numbering, GV_NUMBERING_NUMERIC);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(groups_and_paragraphs),
      cmocka_unit_test(also_took_the_floor_order),
      cmocka_unit_test(predicates_on_clear_evidence),
      cmocka_unit_test(subject_again_and_lists),
      cmocka_unit_test(documents_and_deadlines),
      cmocka_unit_test(headings_information_points_joins),
      cmocka_unit_test(adoption_names_one_item),
      cmocka_unit_test(attendance_sentences),
      cmocka_unit_test(attendance_annex),
      cmocka_unit_test(header_lines),
      cmocka_unit_test(style_files),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
