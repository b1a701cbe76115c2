/* The .docx writer and its ZIP container, read back by a small reader of
 * the test's own: the end record, the central directory against each local
 * header, every member inflated and its CRC-32 checked; then the Word parts
 * of a hand-made document full of hostile text. */
#include "tests/unit/testutil.h"

#include <zlib.h>

#include "render/buf.h"
#include "render/doc.h"
#include "render/escape.h"
#include "render/outcome.h"
#include "render/outcome_docx.h"
#include "render/zip.h"

typedef struct Member {
   char name[128];
   char *data;  /* NUL-terminated copy of the inflated bytes */
   size_t len;
} Member;

typedef struct Archive {
   Member m[32];
   size_t count;
} Archive;

static unsigned rd16(const unsigned char *p) {
   return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t rd32(const unsigned char *p) {
   return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Reads a whole archive as a strict reader would, asserting as it goes. */
static void read_zip(const unsigned char *z, size_t n, Archive *a) {
   memset(a, 0, sizeof *a);
   assert_true(n >= 22);
   const unsigned char *end = z + n - 22;  /* no archive comment */
   assert_int_equal(rd32(end), 0x06054b50);
   assert_int_equal(rd16(end + 4), 0);
   assert_int_equal(rd16(end + 6), 0);
   size_t count = rd16(end + 8);
   assert_int_equal(rd16(end + 10), count);
   size_t cdSize = rd32(end + 12), cdOff = rd32(end + 16);
   assert_int_equal(rd16(end + 20), 0);
   /* the directory sits right before the end record, the members before it */
   assert_int_equal(cdOff + cdSize, n - 22);
   assert_true(count <= sizeof a->m / sizeof *a->m);
   const unsigned char *c = z + cdOff;
   size_t next = 0;  /* where the next local header must start: no gaps */
   for (size_t i = 0; i < count; i++) {
      assert_true(c + 46 <= z + cdOff + cdSize);
      assert_int_equal(rd32(c), 0x02014b50);
      assert_int_equal(rd16(c + 6), 20);    /* version needed */
      assert_int_equal(rd16(c + 8), 0);     /* flags: no data descriptor */
      assert_int_equal(rd16(c + 10), 8);    /* deflate */
      assert_int_equal(rd16(c + 12), 0);    /* 00:00:00 */
      assert_int_equal(rd16(c + 14), 0x21); /* 1980-01-01 */
      uint32_t crc = rd32(c + 16);
      size_t csize = rd32(c + 20), usize = rd32(c + 24);
      size_t nameLen = rd16(c + 28), extraLen = rd16(c + 30), commentLen = rd16(c + 32);
      size_t off = rd32(c + 42);
      assert_int_equal(off, next);
      assert_true(nameLen < sizeof a->m[i].name);
      /* the local header repeats the directory's fields */
      const unsigned char *l = z + off;
      assert_int_equal(rd32(l), 0x04034b50);
      assert_memory_equal(l + 4, c + 6, 26);
      assert_memory_equal(l + 30, c + 46, nameLen);
      const unsigned char *data = l + 30 + nameLen + rd16(l + 28);
      assert_true(data + csize <= z + cdOff);
      next = (size_t)(data + csize - z);

      Member *m = &a->m[i];
      memcpy(m->name, c + 46, nameLen);
      m->name[nameLen] = '\0';
      m->data = malloc(usize + 1);
      assert_non_null(m->data);
      z_stream zs;
      memset(&zs, 0, sizeof zs);
      assert_int_equal(inflateInit2(&zs, -MAX_WBITS), Z_OK);
      zs.next_in = (Bytef *)(uintptr_t)data;
      zs.avail_in = (uInt)csize;
      zs.next_out = (Bytef *)m->data;
      zs.avail_out = (uInt)usize + 1;
      assert_int_equal(inflate(&zs, Z_FINISH), Z_STREAM_END);
      assert_int_equal(zs.total_out, usize);
      assert_int_equal(zs.total_in, csize);
      inflateEnd(&zs);
      m->data[usize] = '\0';
      m->len = usize;
      assert_int_equal(crc32(crc32(0L, Z_NULL, 0), (const Bytef *)m->data, (uInt)usize), crc);
      c += 46 + nameLen + extraLen + commentLen;
   }
   assert_int_equal(next, cdOff);
   assert_ptr_equal(c, z + cdOff + cdSize);
   a->count = count;
}

static void free_zip(Archive *a) {
   for (size_t i = 0; i < a->count; i++)
      free(a->m[i].data);
}

static const Member *member(const Archive *a, const char *name) {
   for (size_t i = 0; i < a->count; i++)
      if (strcmp(a->m[i].name, name) == 0)
         return &a->m[i];
   fail_msg("no member %s", name);
   return NULL;
}

static void zip_reads_back(void **state) {
   (void)state;
   /* a large member mixing text and noise, so that deflate does real work */
   size_t bigLen = 300000;
   char *big = malloc(bigLen);
   assert_non_null(big);
   uint32_t x = 12345;
   for (size_t i = 0; i < bigLen; i++) {
      x = x * 1103515245u + 12345u;
      big[i] = i % 3 ? (char)('a' + i % 26) : (char)(x >> 24);
   }
   char *out[2] = { NULL, NULL };
   size_t len[2] = { 0, 0 };
   for (int k = 0; k < 2; k++) {
      FILE *f = open_memstream(&out[k], &len[k]);
      assert_non_null(f);
      Zip z;
      Zip_init(&z, f);
      Zip_add(&z, "first.txt", "hello, world\n", 13);
      Zip_add(&z, "empty", "", 0);
      if (k == 0) {
         Zip_add(&z, "dir/big.bin", big, bigLen);
      } else {
         /* a piece at a time, of uneven sizes, as a document is composed */
         Zip_begin(&z, "dir/big.bin");
         for (size_t at = 0, step = 1; at < bigLen; at += step, step = step * 3 + 7) {
            if (step > bigLen - at)
               step = bigLen - at;
            Zip_write(&z, big + at, step);
         }
         Zip_end(&z);
      }
      assert_int_equal(Zip_finish(&z), 0);
      assert_int_equal(fclose(f), 0);
   }
   /* the same members give the same bytes: no clock in the container, and
    * a member written in pieces is the member written whole */
   assert_int_equal(len[0], len[1]);
   assert_memory_equal(out[0], out[1], len[0]);
   Archive a;
   read_zip((const unsigned char *)out[0], len[0], &a);
   assert_int_equal(a.count, 3);
   assert_string_equal(a.m[0].name, "first.txt");
   assert_string_equal(a.m[0].data, "hello, world\n");
   assert_string_equal(a.m[1].name, "empty");
   assert_int_equal(a.m[1].len, 0);
   assert_string_equal(a.m[2].name, "dir/big.bin");
   assert_int_equal(a.m[2].len, bigLen);
   assert_memory_equal(a.m[2].data, big, bigLen);
   /* and it is compressed */
   assert_true(len[0] < bigLen);
   free_zip(&a);
   free(out[0]);
   free(out[1]);
   free(big);
}

static void zip_empty_archive(void **state) {
   (void)state;
   char *out = NULL;
   size_t len = 0;
   FILE *f = open_memstream(&out, &len);
   Zip z;
   Zip_init(&z, f);
   assert_int_equal(Zip_finish(&z), 0);
   fclose(f);
   assert_int_equal(len, 22);
   Archive a;
   read_zip((const unsigned char *)out, len, &a);
   assert_int_equal(a.count, 0);
   free(out);
}

static void escape_xml_drops_what_xml_forbids(void **state) {
   (void)state;
   Buf b = BUF_INIT;
   Escape_xml(&b, "a&b<c>d\"e'f");
   assert_string_equal(Buf_str(&b), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
   Buf_clear(&b);
   /* C0 (tab and newline aside), DEL, C1, U+FFFE, U+FFFF dropped; a bad
    * byte becomes U+FFFD; everything else, astral planes too, kept */
   Escape_xml(&b, "x\x01\x08\x0b\x0c\x1f\x7f\xc2\x85\xef\xbf\xbe\xef\xbf\xbfy\t\nz\xff "
                  "\xce\xb5\xf0\x9f\x98\x80");
   assert_string_equal(Buf_str(&b), "xy\t\nz\xef\xbf\xbd \xce\xb5\xf0\x9f\x98\x80");
   Buf_free(&b);
}

#define HOSTILE "<script>alert(\"x\")</script> & ]]> =cmd|' /C calc'!A0"
#define HOSTILE_XML "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; " \
                    "=cmd|&apos; /C calc&apos;!A0"

static void make_doc(Doc *d) {
   Doc_init(d);
   DocHeader *h = &d->header;
   Doc_set(&h->placeDate, "Brussels, 5 July 2017");
   Doc_set(&h->language, "en");
   Doc_set(&h->docno, "10876/17 <&>");
   Doc_set(&h->marking, "LIMITE");
   Doc_addCode(d, "CYBER 105");
   Doc_addCode(d, "COPEN 220");
   Doc_set(&h->title, "OUTCOME OF PROCEEDINGS");
   Doc_set(&h->from, "General Secretariat of the Council");
   Doc_set(&h->on, "12 May 2017");
   Doc_set(&h->to, "Horizontal Working Party on Cyber Issues");
   Doc_set(&h->subject, "Summary of discussions");
   Doc_heading(d, 1, "1.", "Adoption of the agenda");
   Doc_para(d, "The agenda was adopted.");
   Doc_heading(d, 2, "3.1.", "Foreign & security policy <cyber> issues");
   Doc_heading(d, 3, "a)", "Deeper");
   Doc_heading(d, 7, "", "Unnumbered and deep");
   Doc_docs(d, "Doc. WK 4977/17");
   Doc_para(d, HOSTILE);
   Doc_annex(d, "II", "Speaking time");
   const char *labels[] = { "OnlyInTheChart" };
   const char *texts[] = { "2:00" };
   const double values[] = { 120 };
   Doc_chart(d, "Speaking time", labels, texts, values, 1);
   const char *cells[] = { "Delegation", "Speaking time", "FR", "2:00", "<b>EL</b>", "0:30" };
   Doc_table(d, cells, 3, 2, 1u << 1, 0);
   const char *empty[] = { "Owner", "Action" };
   Doc_table(d, empty, 1, 2, 0, 0);
}

static char *docx_bytes(const Doc *d, size_t *len) {
   char *out = NULL;
   FILE *f = open_memstream(&out, len);
   assert_non_null(f);
   assert_int_equal(OutcomeDocx_write(f, d), 0);
   assert_int_equal(fclose(f), 0);
   return out;
}

static void docx_parts(void **state) {
   (void)state;
   Doc d;
   make_doc(&d);
   size_t len = 0;
   char *out = docx_bytes(&d, &len);
   Archive a;
   read_zip((const unsigned char *)out, len, &a);
   /* the content types first, as Office writes them */
   assert_string_equal(a.m[0].name, "[Content_Types].xml");
   const char *types = member(&a, "[Content_Types].xml")->data;
   assert_non_null(strstr(types, "PartName=\"/word/document.xml\""));
   assert_non_null(strstr(member(&a, "_rels/.rels")->data, "Target=\"word/document.xml\""));
   const char *rels = member(&a, "word/_rels/document.xml.rels")->data;
   assert_non_null(strstr(rels, "Id=\"rIdFooter\""));

   const char *doc = member(&a, "word/document.xml")->data;
   /* headings: Word's styles, the number, a tab, the title; capped at 3 */
   assert_non_null(strstr(doc, "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t "
                               "xml:space=\"preserve\">1.</w:t></w:r><w:r><w:tab/></w:r><w:r>"
                               "<w:t xml:space=\"preserve\">Adoption of the agenda</w:t>"));
   assert_non_null(strstr(doc, "<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t "
                               "xml:space=\"preserve\">3.1.</w:t></w:r><w:r><w:tab/></w:r><w:r>"
                               "<w:t xml:space=\"preserve\">Foreign &amp; security policy "
                               "&lt;cyber&gt; issues</w:t>"));
   assert_non_null(strstr(doc, "<w:pStyle w:val=\"Heading3\"/></w:pPr><w:r><w:t "
                               "xml:space=\"preserve\">a)</w:t>"));
   assert_non_null(strstr(doc, "<w:pStyle w:val=\"Heading3\"/></w:pPr><w:r><w:t "
                               "xml:space=\"preserve\">Unnumbered and deep</w:t>"));
   assert_null(strstr(doc, "Heading4"));
   assert_non_null(strstr(doc, HOSTILE_XML));
   assert_null(strstr(doc, "<script"));
   assert_null(strstr(doc, "<b>"));
   /* the annex: a page of its own, "ANNEX II", a break, the title */
   assert_non_null(strstr(doc, "<w:pageBreakBefore/>"));
   assert_non_null(strstr(doc, ">ANNEX II</w:t><w:br/><w:t xml:space=\"preserve\">Speaking time<"));
   /* the chart is left out, its table kept with a header row */
   assert_null(strstr(doc, "OnlyInTheChart"));
   assert_non_null(strstr(doc, "<w:tblHeader/>"));
   assert_non_null(strstr(doc, "&lt;b&gt;EL&lt;/b&gt;"));
   assert_non_null(strstr(doc, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t "
                               "xml:space=\"preserve\">2:00<"));
   /* a table with a header alone says so across its columns */
   assert_non_null(strstr(doc, "<w:gridSpan w:val=\"2\"/>"));
   assert_non_null(strstr(doc, ">None.<"));
   /* the header block: the codes one a line, the fields with their tab */
   assert_non_null(strstr(doc, ">CYBER 105</w:t><w:br/><w:t xml:space=\"preserve\">COPEN 220<"));
   assert_non_null(strstr(doc, ">Subject:</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t "
                               "xml:space=\"preserve\">Summary of discussions<"));
   assert_non_null(strstr(doc, ">10876/17 &lt;&amp;&gt;<"));
   /* A4 */
   assert_non_null(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));

   const char *styles = member(&a, "word/styles.xml")->data;
   assert_non_null(strstr(styles, "<w:name w:val=\"heading 1\"/>"));
   assert_non_null(strstr(styles, "<w:name w:val=\"heading 2\"/>"));
   assert_non_null(strstr(styles, "<w:name w:val=\"heading 3\"/>"));
   assert_non_null(strstr(styles, "<w:lang w:val=\"en\""));

   /* every page: the number, page X of Y, the marking */
   const char *ftr = member(&a, "word/footer1.xml")->data;
   assert_non_null(strstr(ftr, ">10876/17 &lt;&amp;&gt;<"));
   assert_non_null(strstr(ftr, "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"));
   assert_non_null(strstr(ftr, "<w:instrText xml:space=\"preserve\"> NUMPAGES </w:instrText>"));
   assert_non_null(strstr(ftr, ">LIMITE<"));

   /* the same document gives the same bytes */
   size_t len2 = 0;
   char *out2 = docx_bytes(&d, &len2);
   assert_int_equal(len, len2);
   assert_memory_equal(out, out2, len);
   free(out2);
   free_zip(&a);
   free(out);
   Doc_free(&d);
}

/* Text that did not go through Chars_clean (a future caller, a bug) still
 * comes out as well-formed XML; a block kind the writer does not know
 * comes out as a paragraph. */
static void docx_strips_and_degrades(void **state) {
   (void)state;
   Doc d;
   Doc_init(&d);
   Doc_set(&d.header.title, "T");
   Doc_para(&d, "placeholder");
   free(d.blocks[0].text);
   d.blocks[0].text = strdup("bell\x07 esc\x1b[31m nul-free\x0c line\nnext\xef\xbf\xbe end");
   Doc_para(&d, "A block of a kind to come");
   d.blocks[1].kind = (DocKind)99;
   Doc_set(&d.header.marking, NULL);
   size_t len = 0;
   char *out = docx_bytes(&d, &len);
   Archive a;
   read_zip((const unsigned char *)out, len, &a);
   const char *doc = member(&a, "word/document.xml")->data;
   assert_non_null(strstr(doc, ">bell esc[31m nul-free line</w:t><w:br/><w:t "
                               "xml:space=\"preserve\">next end<"));
   assert_non_null(strstr(doc, "<w:p><w:r><w:t xml:space=\"preserve\">A block of a kind to "
                               "come</w:t></w:r></w:p>"));
   for (size_t i = 0; i < a.count; i++)
      for (const unsigned char *p = (const unsigned char *)a.m[i].data; *p; p++)
         assert_true(*p >= 0x20 || *p == '\n');
   /* no marking: none in the footer, no empty run either */
   assert_null(strstr(member(&a, "word/footer1.xml")->data, "<w:spacing w:val=\"40\"/>"));
   free_zip(&a);
   free(out);
   Doc_free(&d);
}

/* A column of short words kept whole gets room for its widest cell; the
 * columns fill the text width exactly. */
static void docx_table_widths(void **state) {
   (void)state;
   Doc d;
   Doc_init(&d);
   Doc_set(&d.header.title, "T");
   const char *cells[] = { "Code", "Delegation", "Attendance",
                           "EUROJUST", "European Union Agency for Network and Information "
                           "Security, with a name longer than any column could hold whole",
                           "Videoconference" };
   Doc_table(&d, cells, 2, 3, 0, 1u << 0 | 1u << 2);
   size_t len = 0;
   char *out = docx_bytes(&d, &len);
   Archive a;
   read_zip((const unsigned char *)out, len, &a);
   const char *doc = member(&a, "word/document.xml")->data;
   int w[3], n = 0, sum = 0;
   for (const char *p = doc; (p = strstr(p, "<w:gridCol w:w=\"")) && n < 3; p++)
      sum += w[n++] = atoi(p + strlen("<w:gridCol w:w=\""));
   assert_int_equal(n, 3);
   assert_int_equal(sum, 11906 - 2 * 1134);
   assert_true(w[0] >= 8 * 150 + 216);   /* EUROJUST on one line, and the cell margins */
   assert_true(w[2] >= 15 * 150 + 216);  /* Videoconference */
   assert_true(w[1] > w[0] && w[1] > w[2]);
   /* and Word is told not to wrap them */
   assert_non_null(strstr(doc, "<w:noWrap/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
                               "</w:pPr><w:r><w:t xml:space=\"preserve\">EUROJUST<"));
   free_zip(&a);
   free(out);
   Doc_free(&d);
}

/* The header fields of documents other than the reference: the type, the
 * access marking above the block, the extra lines, several addressees;
 * and a list as Word's List Bullet, bulleted by numbering.xml. */
static void docx_header_fields_and_lists(void **state) {
   (void)state;
   Doc d;
   Doc_init(&d);
   DocHeader *h = &d.header;
   Doc_set(&h->title, "NOTE");
   Doc_set(&h->access, "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (12.02.2019)");
   Doc_addCode(&d, "JAI 100");
   Doc_addExtra(&d, "Interinstitutional File", "2018/0108 (COD)");
   Doc_set(&h->from, "Presidency");
   Doc_set(&h->to, "Delegations");
   Doc_addTo(&d, "Delegations");
   Doc_addTo(&d, "Coreper <&>");
   Doc_set(&h->subject, "Summary");
   Doc_para(&d, "The planks:");
   const char *entries[] = { "explain the text", "agree & sign" };
   Doc_list(&d, entries, 2);
   size_t len = 0;
   char *out = docx_bytes(&d, &len);
   Archive a;
   read_zip((const unsigned char *)out, len, &a);
   const char *doc = member(&a, "word/document.xml")->data;
   /* the access marking comes first, above the block */
   const char *access = strstr(doc, "<w:pStyle w:val=\"Access\"/></w:pPr><w:r><w:t xml:space=\"preserve\">"
                                    "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (12.02.2019)<");
   assert_non_null(access);
   assert_true(access < strstr(doc, ">Council of the<"));
   assert_non_null(strstr(doc, ">Interinstitutional File:</w:t><w:br/><w:t xml:space=\"preserve\">"
                               "2018/0108 (COD)<"));
   assert_non_null(strstr(doc, "<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t xml:space=\"preserve\">NOTE<"));
   assert_null(strstr(doc, "OUTCOME OF PROCEEDINGS"));
   assert_non_null(strstr(doc, ">To:</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space=\"preserve\">"
                               "Delegations</w:t><w:br/><w:t xml:space=\"preserve\">Coreper &lt;&amp;&gt;<"));
   assert_null(strstr(doc, ">On:<"));   /* no On: set: the line is left out */
   /* each entry a List Bullet paragraph, the list numbered as a bullet */
   assert_non_null(strstr(doc, "<w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t "
                               "xml:space=\"preserve\">explain the text<"));
   assert_non_null(strstr(doc, "<w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t "
                               "xml:space=\"preserve\">agree &amp; sign<"));
   const char *styles = member(&a, "word/styles.xml")->data;
   assert_non_null(strstr(styles, "<w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>"
                                  "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"));
   const Member *num = member(&a, "word/numbering.xml");
   assert_non_null(num);
   assert_non_null(strstr(num->data, "<w:numFmt w:val=\"bullet\"/>"));
   assert_non_null(strstr(num->data, "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/>"));
   assert_non_null(strstr(member(&a, "[Content_Types].xml")->data, "PartName=\"/word/numbering.xml\""));
   assert_non_null(strstr(member(&a, "word/_rels/document.xml.rels")->data, "Target=\"numbering.xml\""));
   free_zip(&a);
   free(out);
   Doc_free(&d);
}

static void docx_format_parses(void **state) {
   (void)state;
   OutcomeFormat f = OUTCOME_MD;
   assert_int_equal(Outcome_parseFormat("docx", &f), 0);
   assert_int_equal(f, OUTCOME_DOCX);
   assert_int_equal(Outcome_parseFormat("DOCX", &f), 0);
   assert_int_equal(f, OUTCOME_DOCX);
   assert_int_equal(Outcome_parseFormat("doc", &f), -1);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(zip_reads_back),
      cmocka_unit_test(zip_empty_archive),
      cmocka_unit_test(escape_xml_drops_what_xml_forbids),
      cmocka_unit_test(docx_parts),
      cmocka_unit_test(docx_strips_and_degrades),
      cmocka_unit_test(docx_table_widths),
      cmocka_unit_test(docx_header_fields_and_lists),
      cmocka_unit_test(docx_format_parses),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
