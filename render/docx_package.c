#include "render/docx_package.h"

#include "render/escape.h"

#define DOCX_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define DOCX_CT "application/vnd.openxmlformats-officedocument.wordprocessingml."

void DocxPackage_add(Zip *z, const char *name, Buf *x) {
   Zip_add(z, name, x->data ? x->data : "", x->len);
   Buf_clear(x);
}

/* Word's built-in names ("heading 1", "Title", "footer", "Table Grid"),
 * so that Word, pandoc and python-docx know them for what they are. */
static void DocxPackage_styles(Buf *x, const char *lang) {
   Buf_add(x, DOCX_XML_DECL "<w:styles xmlns:w=\"" DOCX_NS_W "\">"
              "<w:docDefaults><w:rPrDefault><w:rPr>"
              "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""
              " w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
              "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>");
   Buf_addf(x, "<w:lang w:val=\"%s\" w:eastAsia=\"%s\" w:bidi=\"%s\"/>", lang, lang, lang);
   Buf_add(x, "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
              "<w:spacing w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/>"
              "</w:pPr></w:pPrDefault></w:docDefaults>"
              "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
              "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/>"
              "<w:jc w:val=\"both\"/></w:pPr></w:style>"
              "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
              "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/>"
              "<w:semiHidden/></w:style>"
              "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
              "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\""
              " w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
              "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
              "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
   /* the headings: bold, kept with what follows, the number hanging */
   for (int level = 1; level <= 3; level++) {
      int left = DOCX_NUM_W + (level - 1) * 340;
      Buf_addf(x,
               "<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\">"
               "<w:name w:val=\"heading %d\"/><w:basedOn w:val=\"Normal\"/>"
               "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
               "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"%d\" w:after=\"120\"/>"
               "<w:ind w:left=\"%d\" w:hanging=\"%d\"/><w:jc w:val=\"left\"/>"
               "<w:outlineLvl w:val=\"%d\"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>",
               level, level, level == 1 ? 360 : 240, left, DOCX_NUM_W, level - 1);
   }
   Buf_add(x, "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
              "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
              "<w:qFormat/><w:pPr><w:spacing w:before=\"480\" w:after=\"360\"/>"
              "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/>"
              "<w:szCs w:val=\"28\"/></w:rPr></w:style>");
   Buf_add(x, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"HeaderBlock\">"
              "<w:name w:val=\"Header Block\"/><w:basedOn w:val=\"Normal\"/>"
              "<w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"");
   Buf_addf(x, "%d", DOCX_TEXT_W);
   Buf_add(x, "\"/></w:tabs><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr></w:style>");
   Buf_addf(x, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"HeaderField\">"
               "<w:name w:val=\"Header Field\"/><w:basedOn w:val=\"Normal\"/>"
               "<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"%d\"/></w:tabs>"
               "<w:spacing w:after=\"60\"/><w:ind w:left=\"%d\" w:hanging=\"%d\"/>"
               "<w:jc w:val=\"left\"/></w:pPr></w:style>",
            DOCX_LABEL_W, DOCX_LABEL_W, DOCX_LABEL_W);
   Buf_add(x, "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Rule\">"
              "<w:name w:val=\"Rule\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
              "<w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\""
              " w:color=\"000000\"/></w:pBdr><w:spacing w:before=\"120\" w:after=\"360\"/>"
              "</w:pPr><w:rPr><w:sz w:val=\"8\"/></w:rPr></w:style>"
              "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Documents\">"
              "<w:name w:val=\"Documents\"/><w:basedOn w:val=\"Normal\"/>"
              "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/></w:pPr>"
              "<w:rPr><w:i/><w:iCs/></w:rPr></w:style>"
              "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\">"
              "<w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>"
              "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
              "<w:spacing w:after=\"120\"/><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:style>"
              "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Access\">"
              "<w:name w:val=\"Access\"/><w:basedOn w:val=\"Normal\"/>"
              "<w:pPr><w:spacing w:after=\"360\"/><w:jc w:val=\"center\"/></w:pPr>"
              "<w:rPr><w:b/><w:bCs/></w:rPr></w:style>"
              "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\">"
              "<w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
              "<w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/><w:jc w:val=\"left\"/></w:pPr>"
              "<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>");
   Buf_addf(x, "<w:style w:type=\"paragraph\" w:styleId=\"Footer\">"
               "<w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
               "<w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"4\" w:space=\"4\""
               " w:color=\"000000\"/></w:pBdr><w:tabs><w:tab w:val=\"center\" w:pos=\"%d\"/>"
               "<w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs><w:spacing w:after=\"0\"/>"
               "<w:jc w:val=\"left\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\""
               " w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>"
               "</w:rPr></w:style>",
            DOCX_TEXT_W / 2, DOCX_TEXT_W);
   Buf_add(x, "<w:style w:type=\"table\" w:styleId=\"TableGrid\">"
              "<w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
              "<w:tblPr><w:tblBorders>"
              "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"777777\"/>"
              "</w:tblBorders></w:tblPr></w:style>"
              "</w:styles>");
}

void DocxPackage_begin(Zip *z, const char *title, const char *subject, const char *lang) {
   Buf x = BUF_INIT;
   Buf_add(&x, DOCX_XML_DECL
           "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
           "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Override PartName=\"/word/document.xml\" ContentType=\"" DOCX_CT "document.main+xml\"/>"
           "<Override PartName=\"/word/styles.xml\" ContentType=\"" DOCX_CT "styles+xml\"/>"
           "<Override PartName=\"/word/settings.xml\" ContentType=\"" DOCX_CT "settings+xml\"/>"
           "<Override PartName=\"/word/footer1.xml\" ContentType=\"" DOCX_CT "footer+xml\"/>"
           "<Override PartName=\"/word/numbering.xml\" ContentType=\"" DOCX_CT "numbering+xml\"/>"
           "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd."
           "openxmlformats-package.core-properties+xml\"/>"
           "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd."
           "openxmlformats-officedocument.extended-properties+xml\"/></Types>");
   DocxPackage_add(z, "[Content_Types].xml", &x);

   Buf_add(&x, DOCX_XML_DECL
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"" DOCX_REL "officeDocument\" Target=\"word/document.xml\"/>"
           "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
           "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
           "<Relationship Id=\"rId3\" Type=\"" DOCX_REL "extended-properties\""
           " Target=\"docProps/app.xml\"/></Relationships>");
   DocxPackage_add(z, "_rels/.rels", &x);

   /* no dates: the same session renders the same bytes */
   Buf_add(&x, DOCX_XML_DECL
           "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
           "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
           "<dc:title>");
   Escape_xml(&x, title ? title : "");
   Buf_add(&x, "</dc:title><dc:subject>");
   Escape_xml(&x, subject ? subject : "");
   Buf_add(&x, "</dc:subject><dc:language>");
   Escape_xml(&x, lang);
   Buf_add(&x, "</dc:language></cp:coreProperties>");
   DocxPackage_add(z, "docProps/core.xml", &x);

   Buf_add(&x, DOCX_XML_DECL
           "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
           "extended-properties\"><Application>gavel</Application></Properties>");
   DocxPackage_add(z, "docProps/app.xml", &x);
   Buf_free(&x);
}

void DocxPackage_end(Zip *z, const char *lang) {
   Buf x = BUF_INIT;
   Buf_add(&x, DOCX_XML_DECL
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rIdStyles\" Type=\"" DOCX_REL "styles\" Target=\"styles.xml\"/>"
           "<Relationship Id=\"rIdSettings\" Type=\"" DOCX_REL "settings\" Target=\"settings.xml\"/>"
           "<Relationship Id=\"" DOCX_FOOTER_RID "\" Type=\"" DOCX_REL "footer\" Target=\"footer1.xml\"/>"
           "<Relationship Id=\"rIdNumbering\" Type=\"" DOCX_REL "numbering\" Target=\"numbering.xml\"/>"
           "</Relationships>");
   DocxPackage_add(z, "word/_rels/document.xml.rels", &x);

   DocxPackage_styles(&x, lang);
   DocxPackage_add(z, "word/styles.xml", &x);

   /* one bulleted list (numId 1, List Bullet's): an en dash, as the
    * Secretariat's lists, hanging 0.63 cm */
   Buf_add(&x, DOCX_XML_DECL "<w:numbering xmlns:w=\"" DOCX_NS_W "\">"
               "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
               "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
               "<w:lvlText w:val=\"\xE2\x80\x93\"/><w:lvlJc w:val=\"left\"/>"
               "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
               "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>");
   DocxPackage_add(z, "word/numbering.xml", &x);

   /* Word 2013 and later layout rather than compatibility mode */
   Buf_add(&x, DOCX_XML_DECL "<w:settings xmlns:w=\"" DOCX_NS_W "\">"
               "<w:defaultTabStop w:val=\"709\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
               "<w:compat><w:compatSetting w:name=\"compatibilityMode\""
               " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
               "</w:settings>");
   DocxPackage_add(z, "word/settings.xml", &x);
   Buf_free(&x);
}
