#include "render/escape.h"

#include <string.h>

#include "render/chars.h"

void Escape_html(Buf *out, const char *s) {
   for (; *s; s++) {
      size_t run = strcspn(s, "&<>\"'"); /* copied as they are, in one piece */
      if (run) {
         Buf_addn(out, s, run);
         s += run;
         if (!*s)
            break;
      }
      switch (*s) {
      case '&': Buf_add(out, "&amp;"); break;
      case '<': Buf_add(out, "&lt;"); break;
      case '>': Buf_add(out, "&gt;"); break;
      case '"': Buf_add(out, "&quot;"); break;
      case '\'': Buf_add(out, "&#39;"); break;
      default: Buf_addc(out, *s); break;
      }
   }
}

/* lineStart: the text opens a line, where "- ", "1. ", "#" and the like
 * would be read as markup. */
static void Escape_markdown(Buf *out, const char *s, int lineStart) {
   /* Leading spaces would make an indented code block. */
   while (*s == ' ' || *s == '\n')
      s++;
   /* Trailing ones would keep "**" or "*" from closing, or break the line. */
   const char *end = s + strlen(s);
   while (end > s && (end[-1] == ' ' || end[-1] == '\n'))
      end--;
   size_t digits = lineStart ? strspn(s, "0123456789") : 0;
   int start = lineStart;
   for (const char *p = s; p < end; p++) {
      char c = *p;
      if (c == '\n') {
         Buf_addc(out, ' ');
         continue;
      }
      if (strchr("\\`*_{}[]<>|~^$@&", c) ||
          (start && strchr("-+#=:", c)) ||
          (digits > 0 && p == s + digits && (c == '.' || c == ')')))
         Buf_addc(out, '\\');
      Buf_addc(out, c);
      start = 0;
   }
}

void Escape_md(Buf *out, const char *s) {
   Escape_markdown(out, s, 1);
}

void Escape_mdInline(Buf *out, const char *s) {
   Escape_markdown(out, s, 0);
}

void Escape_csv(Buf *out, const char *s) {
   /* A spreadsheet takes a cell for a formula by its first character, after
    * any blanks and line ends; a tab or a carriage return first is
    * neutralised too (OWASP's list). */
   size_t lead = strspn(s, " \t\r\n");
   int formula = (s[lead] != '\0' && strchr("=+-@", s[lead]) != NULL) || *s == '\t' || *s == '\r';
   size_t n = strlen(s);
   int quote = formula || strpbrk(s, ",\"\r\n") != NULL ||
               (n > 0 && (s[0] == ' ' || s[n - 1] == ' '));
   if (quote)
      Buf_addc(out, '"');
   if (formula)
      Buf_addc(out, '\'');
   for (; *s; s++) {
      if (*s == '"')
         Buf_addc(out, '"');
      Buf_addc(out, *s);
   }
   if (quote)
      Buf_addc(out, '"');
}

void Escape_ical(Buf *out, const char *s) {
   for (; *s; s++) {
      switch (*s) {
      case '\\': Buf_add(out, "\\\\"); break;
      case ';': Buf_add(out, "\\;"); break;
      case ',': Buf_add(out, "\\,"); break;
      case '\n': Buf_add(out, "\\n"); break;
      case '\r': break;
      default: Buf_addc(out, *s); break;
      }
   }
}

void Escape_icalline(FILE *out, const char *line) {
   size_t n = strlen(line);
   size_t room = 75;  /* octets on this physical line, the fold's space included */
   size_t used = 0;
   while (n > 0) {
      size_t l = Chars_seqlen(line, n);
      if (used + l > room) {
         fputs("\r\n ", out);
         used = 1;
      }
      fwrite(line, 1, l, out);
      used += l;
      line += l;
      n -= l;
   }
   fputs("\r\n", out);
}

void Escape_xml(Buf *out, const char *s) {
   size_t n = strlen(s);
   while (n > 0) {
      uint32_t cp;
      size_t l = Chars_decode(s, n, &cp);
      switch (cp) {
      case '&': Buf_add(out, "&amp;"); break;
      case '<': Buf_add(out, "&lt;"); break;
      case '>': Buf_add(out, "&gt;"); break;
      case '"': Buf_add(out, "&quot;"); break;
      case '\'': Buf_add(out, "&apos;"); break;
      case '\t':
      case '\n': Buf_addc(out, (char)cp); break;
      default:
         if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF)
            break;
         if (cp == 0xFFFD && l == 1)
            Chars_encode(out, cp);  /* a bad byte: its replacement, not the byte */
         else
            Buf_addn(out, s, l);
         break;
      }
      s += l;
      n -= l;
   }
}
