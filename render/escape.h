/* Escaping for each output format. Each appends to a Buf and expects text
 * that went through Chars_clean() (valid UTF-8, no control characters). */
#ifndef GAVEL_RENDER_ESCAPE_H
#define GAVEL_RENDER_ESCAPE_H

#include <stdio.h>

#include "render/buf.h"

/* & < > " ' as entities: safe in element content and quoted attributes. */
void Escape_html(Buf *out, const char *s);

/* XML 1.0 character data and attribute values: & < > " ' as entities, and
 * every character XML 1.0 forbids dropped (C0 controls, U+FFFE, U+FFFF),
 * with the C1 controls and DEL it only discourages. Tab and newline stay:
 * what a line break is depends on the vocabulary (see outcome_docx.c).
 * Bad UTF-8 reads as U+FFFD, so the output is always well-formed. */
void Escape_xml(Buf *out, const char *s);

/* Markdown (pandoc and CommonMark) inline text: backslash before every
 * character that could start markup, and before a leading list or heading
 * marker. Newlines become spaces: one paragraph is one line. */
void Escape_md(Buf *out, const char *s);
/* The same inside a line (after a label, in a table cell, in a heading):
 * the line-start markers need no escaping there. */
void Escape_mdInline(Buf *out, const char *s);

/* One CSV cell (RFC 4180): quoted when it holds a comma, quote, CR, LF or
 * leading/trailing space, quotes doubled; a cell starting with = + - @ gets
 * a leading apostrophe so that no spreadsheet runs it as a formula. */
void Escape_csv(Buf *out, const char *s);

/* iCalendar TEXT (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
void Escape_ical(Buf *out, const char *s);

/* Writes one iCalendar content line folded at 75 octets (never inside a
 * UTF-8 sequence), each physical line ending in CRLF. */
void Escape_icalline(FILE *out, const char *line);

#endif
